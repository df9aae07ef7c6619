"""The ``courtapp`` command.

With no subcommand it starts the desktop application.  Subcommands work on
the same database without a display: ``db``, ``user``, ``import``,
``export`` and ``demo``.  Every change is made through the service layer and
audited; the command line acts as the console operator (see
:func:`courtapp.core.domain.roles.console_actor`).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from courtapp import __version__
from courtapp.core import paths
from courtapp.core.context import AppContext, open_database
from courtapp.core.domain.errors import DomainError, NotFound, ValidationError
from courtapp.core.domain.roles import Actor, Role, console_actor

DEMO_PASSWORD = "demo-password"
DEMO_USERS: list[tuple[str, str, set[Role]]] = [
    ("judge", "赵文华", {Role.JUDGE}),
    ("president", "王院长", {Role.PRESIDENT}),
    ("clerk", "李书记员", {Role.CLERK}),
    ("counter", "陈窗口", {Role.COUNTER}),
    ("admin", "系统管理员", {Role.ADMIN}),
    ("auditor", "审计员", {Role.AUDITOR}),
]


def _lang(args: argparse.Namespace) -> str:
    if getattr(args, "lang", None):
        return str(args.lang)
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "zh" if env.startswith("zh") else "en"


def _console() -> Actor:
    try:
        who = getpass.getuser()
    except Exception:  # no user name on this platform
        who = "unknown"
    return console_actor(who)


def _open(args: argparse.Namespace) -> AppContext:
    return open_database(args.database or paths.default_database_url())


def _print_errors(err: ValidationError, lang: str, out: TextIO) -> None:
    for e in err.errors:
        where = e.path or "$"
        print(f"{where}: {e.message(lang)} [{e.rule}]", file=out)


# ------------------------------------------------------------------ commands
def cmd_db(args: argparse.Namespace) -> int:
    from courtapp.core.db import migrate
    from courtapp.core.db.engine import make_engine

    engine = make_engine(args.database or paths.default_database_url())
    if args.db_command == "upgrade":
        migrate.upgrade(engine, args.revision)
        print(f"database at revision {migrate.current_revision(engine)}")
    else:
        print(f"current: {migrate.current_revision(engine) or '(empty)'}; head: {migrate.head_revision()}")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise SystemExit("courtapp: no terminal to ask for the password; use --password-stdin")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise SystemExit("courtapp: the passwords differ")
    return first


def cmd_user(args: argparse.Namespace) -> int:
    from courtapp.core.services import auth

    ctx = _open(args)
    if args.user_command == "list":
        for u in auth.list_users(ctx.uow(), _console()):
            roles = ",".join(sorted(r.value for r in u.roles))
            print(f"{u.username}\t{u.display_name}\t{roles}\t{'active' if u.active else 'inactive'}")
        return 0
    chosen = {Role(r) for r in (args.role or [Role.ADMIN.value])}
    info = auth.add_user(ctx.uow(), _console(), args.username, args.name or args.username,
                         _read_password(args), chosen)
    print(f"user {info.username} created with roles {', '.join(sorted(r.value for r in info.roles))}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from courtapp.core import interchange
    from courtapp.core.services import cases

    path = Path(args.file)
    if not path.is_file():
        raise SystemExit(f"courtapp import: no such file: {path}")
    parsed, prefixes = interchange.load_file_with_paths(path)
    if args.dry_run:
        print(f"{len(parsed)} case(s) valid; nothing written (--dry-run)")
        return 0
    ctx = _open(args)
    stored = cases.import_cases(ctx.uow(), _console(), parsed, path_prefixes=prefixes)
    for rec in stored:
        print(f"imported {rec.case.case_number}")
    print(f"{len(stored)} case(s) imported")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from courtapp.core import interchange
    from courtapp.core.services import cases

    ctx = _open(args)
    found = cases.export_cases(ctx.uow(), _console(), args.case_numbers)
    if args.jsonl:
        text = "".join(json.dumps(interchange.dump_case(c), ensure_ascii=False) + "\n" for c in found)
    else:
        text = interchange.dumps(found)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"{len(found)} case(s) written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    """Assess each respondent of a case from a file (nothing stored) or the database."""
    from courtapp.core import interchange
    from courtapp.core.domain.assessment import assess_case
    from courtapp.core.services import cases

    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        raise SystemExit(f"courtapp assess: --as-of {args.as_of!r} is not a date (YYYY-MM-DD)") from None
    path = Path(args.source)
    grace: dict[int, date] = {}
    if path.suffix.lower() in (".json", ".jsonl", ".ndjson") or path.is_file():
        if not path.is_file():
            raise SystemExit(f"courtapp assess: no such file: {path}")
        found = interchange.load_file(path, today=max(as_of, date.today()))
        if len(found) != 1:
            raise SystemExit(f"courtapp assess: {path} holds {len(found)} cases; give a file with one case")
        case = found[0]
        grace = _grace_from_listings(path)
        results = assess_case(case, as_of, grace_until=grace)
    else:
        from courtapp.core.services import listing

        ctx = _open(args)
        rec = cases.get_case(ctx.uow(), _console(), case_number=args.source)
        case = rec.case
        results = listing.assess(ctx.uow(), _console(), rec.id, as_of)  # with stored grace periods
    if args.json:
        for a in results:  # JSON Lines: one object per respondent
            print(json.dumps(a.to_json(), ensure_ascii=False))
        return 0
    lang = _lang(args)
    for a in results:
        party = case.respondents[a.respondent]
        verdict = ("listable" if a.listable else "not listable") if lang == "en" else (
            "可以纳入失信名单" if a.listable else "不应纳入失信名单")
        print(f"[{a.respondent}] {party.name} {party.identifier}: {verdict}")
        for line in (a.reasons_en if lang == "en" else a.reasons_zh):
            print(f"    {line}")
        for c in a.citations:
            print(f"    · {c}")
    return 0


def _grace_from_listings(path: Path) -> dict[int, date]:
    """``listings[].grace_until`` of a single-case JSON file, if present."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}
    out: dict[int, date] = {}
    listings = doc.get("listings") if isinstance(doc, dict) else None
    for item in listings if isinstance(listings, list) else []:
        if isinstance(item, dict) and isinstance(item.get("respondent"), int) and item.get("grace_until"):
            try:
                out[item["respondent"]] = date.fromisoformat(str(item["grace_until"]))
            except ValueError:
                continue
    return out


def ensure_demo_users(ctx: AppContext) -> None:
    """The demo database's accounts (password ``demo-password``); never in a real database."""
    from courtapp.core.services import auth

    existing = {u.username for u in auth.list_users(ctx.uow(), _console())}
    for username, name, roles in DEMO_USERS:
        if username not in existing:
            auth.add_user(ctx.uow(), _console(), username, name, DEMO_PASSWORD, roles)


def load_demo(ctx: AppContext, n: int, *, seed: int, batch: int, quiet: bool = False) -> None:
    import time

    from courtapp.core.services import demo

    start = time.perf_counter()
    for done in demo.load_demo(ctx.uow(), _console(), n, seed=seed, batch=batch,
                               validate_every=1 if n <= 20_000 else 50):
        if not quiet:
            rate = done / max(time.perf_counter() - start, 1e-9)
            print(f"\r{done:,}/{n:,} cases ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    if not quiet:
        print(file=sys.stderr)


def cmd_demo(args: argparse.Namespace) -> int:
    if args.cases < 1:
        raise SystemExit("courtapp demo: --cases must be 1 or more")
    ctx = open_database(args.database or paths.demo_database_url())
    ensure_demo_users(ctx)
    load_demo(ctx, args.cases, seed=args.seed, batch=args.batch)
    print(f"{args.cases:,} demo cases added to {ctx.safe_url}")
    print(f"demo accounts: {', '.join(u for u, _, _ in DEMO_USERS)} (password: {DEMO_PASSWORD})")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from courtapp.core.services import cases

    if args.demo:
        ctx = open_database(args.database or paths.demo_database_url())
        ensure_demo_users(ctx)
        if cases.count_cases(ctx.uow(), _console(), cases.SearchQuery()) == 0:
            print("building the demo database (first run only)…", file=sys.stderr)
            load_demo(ctx, args.demo_cases, seed=2026, batch=2000)
        from courtapp.core.services import auth

        actor = auth.authenticate(ctx.uow(), "judge", DEMO_PASSWORD)
    else:
        ctx = _open(args)
        actor = None
    from courtapp.ui.app import run_gui

    return run_gui(ctx, lang=args.lang, demo_actor=actor)


# -------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="courtapp",
        description="Case management for enforcement courts. With no command, starts the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"courtapp {__version__}")
    p.add_argument("--database", metavar="URL",
                   help="database URL (default: $COURTAPP_DATABASE_URL, else a SQLite file "
                        "in the user data directory); e.g. postgresql://user:pw@host/db")
    p.add_argument("--lang", choices=["en", "zh"], help="language of messages and of the interface")
    p.add_argument("--demo", action="store_true",
                   help="start the app on the demo database (built on first use), logged in as the demo judge")
    p.add_argument("--demo-cases", type=int, default=3000, metavar="N",
                   help="cases in a newly built demo database (default 3000)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="database schema: upgrade or show the revision")
    dbs = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbs.add_parser("upgrade", help="apply pending migrations")
    up.add_argument("--revision", default="head", help="target revision (default head)")
    dbs.add_parser("current", help="show the current and the newest revision")
    db.set_defaults(func=cmd_db)

    user = sub.add_parser("user", help="user accounts")
    us = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = us.add_parser("add", help="add a user (the first one is usually the administrator)")
    add.add_argument("username")
    add.add_argument("--name", help="display name (default: the user name)")
    add.add_argument("--role", action="append", choices=[r.value for r in Role],
                     help="a role; repeat for several (default: administrator)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    us.add_parser("list", help="list users")
    user.set_defaults(func=cmd_user)

    imp = sub.add_parser("import", help="import cases from interchange v1 JSON or JSON Lines (all or nothing)")
    imp.add_argument("file", help="a .json file (one case or a list) or a .jsonl file")
    imp.add_argument("--dry-run", action="store_true", help="validate only; write nothing")
    imp.set_defaults(func=cmd_import)

    exp = sub.add_parser("export", help="export cases in interchange v1")
    exp.add_argument("case_numbers", nargs="+", metavar="CASE_NUMBER")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    exp.add_argument("--jsonl", action="store_true", help="JSON Lines: one case per line")
    exp.set_defaults(func=cmd_export)

    ass = sub.add_parser(
        "assess", help="assess each respondent for listing (2017 Provisions Arts. 1-4)",
        description="Assess whether each respondent may be listed as a dishonest judgment "
                    "defaulter, on which grounds, with which bars, term and restriction.")
    ass.add_argument("source", metavar="FILE_OR_CASE_NUMBER",
                     help="an interchange v1 file holding one case (nothing is stored), "
                          "or the number of a case in the database")
    ass.add_argument("--as-of", metavar="DATE", help="assessment date, YYYY-MM-DD (default today)")
    ass.add_argument("--json", action="store_true", help="print one JSON object per respondent, one per line")
    ass.set_defaults(func=cmd_assess)

    demo = sub.add_parser("demo", help="fill a database with realistic sample cases and demo accounts")
    demo.add_argument("--cases", type=int, default=1000, metavar="N", help="how many cases (default 1000)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    demo.add_argument("--batch", type=int, default=5000, help="cases per transaction (default 5000)")
    demo.set_defaults(func=cmd_demo)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = _lang(args)
    try:
        if args.command is None:
            return cmd_gui(args)
        return int(args.func(args))
    except ValidationError as e:
        print("courtapp: refused; nothing was written:" if lang == "en"
              else "courtapp：校验未通过，未写入任何数据：", file=sys.stderr)
        _print_errors(e, lang, sys.stderr)
        return 1
    except NotFound as e:
        print(f"courtapp: {e}", file=sys.stderr)
        return 1
    except DomainError as e:
        print(f"courtapp: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
