"""``courtapp demo`` and the desktop app (no command, or ``--demo``)."""

from __future__ import annotations

import argparse
import os
import sys
import threading

from courtapp.cli.common import SubParsers, acting, lang_of
from courtapp.core import paths
from courtapp.core.context import AppContext, open_database
from courtapp.core.domain.roles import Role

DEMO_PASSWORD = "demo-password"
DEMO_USERS: list[tuple[str, str, set[Role]]] = [
    ("judge", "赵文华", {Role.JUDGE}),
    ("president", "王院长", {Role.PRESIDENT}),
    ("clerk", "李书记员", {Role.CLERK}),
    ("counter", "陈窗口", {Role.COUNTER}),
    ("admin", "系统管理员", {Role.ADMIN}),
    ("auditor", "审计员", {Role.AUDITOR}),
]


def ensure_demo_users(ctx: AppContext) -> None:
    """The demo database's accounts (password ``demo-password``); never in a real database."""
    from courtapp.core.services import auth

    existing = {u.username for u in auth.list_users(ctx.uow(), acting(ctx))}
    for username, name, roles in DEMO_USERS:
        if username not in existing:
            auth.add_user(ctx.uow(), acting(ctx), username, name, DEMO_PASSWORD, roles)


def load_demo(ctx: AppContext, n: int, *, seed: int, batch: int, quiet: bool = False,
              months: int | None = None) -> None:
    """The demo court: ``n`` cases with their lives in bulk, then a desk's work on a
    sample through the services (documents, petitions)."""
    import time

    from courtapp.core.services import demo

    start = time.perf_counter()
    result = demo.DemoResult()
    for done in demo.load_demo(ctx.uow(), acting(ctx), n, seed=seed, batch=batch, months=months,
                               validate_every=1 if n <= 20_000 else 50, result=result):
        if not quiet:
            rate = done / max(time.perf_counter() - start, 1e-9)
            print(f"\r{done:,}/{n:,} cases ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    if not quiet:
        print(file=sys.stderr)
    counts = demo.sample_activity(ctx.uow(), acting(ctx), seed=seed,
                                  reserved=result.reserved_listings, scale=1 if n < 100_000 else 3)
    if not quiet:
        print(f"documents issued {counts.documents} (corrected {counts.corrected}), petitions filed "
              f"{counts.petitions_filed} (decided {counts.petitions_decided}) through the services; "
              f"{time.perf_counter() - start:.1f} s in all", file=sys.stderr)


def _users_meanwhile(ctx: AppContext) -> threading.Thread:
    """The demo accounts, made on another thread while the cases are generated:
    hashing six passwords (argon2, C code without the GIL) takes seconds of its own."""
    t = threading.Thread(target=ensure_demo_users, args=(ctx,), name="demo-users")
    t.start()
    return t


def cmd_demo(args: argparse.Namespace) -> int:
    if args.cases < 1:
        raise SystemExit("courtapp demo: --cases must be 1 or more")
    ctx = open_database(args.database or paths.demo_database_url())
    users = _users_meanwhile(ctx)
    load_demo(ctx, args.cases, seed=args.seed, batch=args.batch, months=args.months)
    users.join()
    print(f"{args.cases:,} demo cases added to {ctx.safe_url}")
    print(f"demo accounts: {', '.join(u for u, _, _ in DEMO_USERS)} (password: {DEMO_PASSWORD})")
    return 0


def gui_missing(lang: str = "en") -> str | None:
    """Why the desktop app cannot start in this installation, or None."""
    import importlib.util

    if importlib.util.find_spec("PySide6") is not None:
        return None
    if lang == "zh":
        return ("courtapp：此安装未包含桌面程序所需的 PySide6。请安装：pip install 'courtapp[gui]'"
                "（命令行功能无需它即可使用）")
    return ("courtapp: the desktop app needs PySide6, which this installation lacks; install it "
            "with: pip install 'courtapp[gui]' (the command line works without it)")


def needs_setup(args: argparse.Namespace) -> bool:
    """A desk with no database chosen yet: no --database, no $COURTAPP_DATABASE_URL,
    no set-up configuration, and no database file from an earlier version."""

    from courtapp.core import config

    return not (args.database or os.environ.get(paths.DATABASE_ENV) or config.exists()
                or paths.local_database_path().exists())


def cmd_gui(args: argparse.Namespace) -> int:
    from courtapp.core.services import cases

    missing = gui_missing(lang_of(args))
    if missing:
        raise SystemExit(missing)
    if args.demo:
        ctx = open_database(args.database or paths.demo_database_url())
        users = _users_meanwhile(ctx)
        if cases.count_cases(ctx.uow(), acting(ctx), cases.SearchQuery()) == 0:
            print("building the demo database (first run only)…", file=sys.stderr)
            load_demo(ctx, args.demo_cases, seed=2026, batch=2000)
        users.join()
        from courtapp.core.services import auth

        actor = auth.authenticate(ctx.uow(), "judge", DEMO_PASSWORD)
    elif needs_setup(args):
        ctx, actor = None, None
    else:
        ctx = _open_for_gui(args)
        if ctx is None:
            return 1
        actor = None
    from courtapp.ui.app import run_gui

    return run_gui(ctx, lang=args.lang, demo_actor=actor)


def _open_for_gui(args: argparse.Namespace) -> AppContext | None:
    """The database for the desktop app; a failure is a message box, not a traceback."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from courtapp.core import config
    from courtapp.ui.app import ask_database_password, startup_error

    url = args.database or config.database_url()
    if not args.database and config.load().ask_password and not make_url(url).password:
        u = make_url(url)
        password = ask_database_password(u.username or "", u.database or "", u.host or "")
        if password is None:
            return None
        url = make_url(url).set(password=password).render_as_string(hide_password=False)
    try:
        return open_database(url)
    except SQLAlchemyError as e:
        reason = (str(getattr(e, "orig", None) or e).strip().splitlines() or [""])[0]
        startup_error(f"The database cannot be opened / 无法打开数据库:\n{reason}")
        return None


def register(sub: SubParsers) -> None:
    demo = sub.add_parser("demo", help="fill a database with realistic sample cases and demo accounts")
    demo.add_argument("--cases", type=int, default=1000, metavar="N", help="how many cases (default 1000)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    demo.add_argument("--batch", type=int, default=5000, help="cases per transaction (default 5000)")
    demo.add_argument("--months", type=int, metavar="M",
                      help="how far back the court's life reaches (default 24; 60 from 1,000,000 cases)")
    demo.set_defaults(func=cmd_demo)
