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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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


@contextmanager
def _database(args: argparse.Namespace) -> Iterator[AppContext]:
    """The database for one command, its connections closed afterwards."""
    ctx = _open(args)
    try:
        yield ctx
    finally:
        ctx.engine.dispose()


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


def cmd_calendar(args: argparse.Namespace) -> int:
    """The working-day calendar: which years are known, one year's days, importing a year."""
    from courtapp.core.services import calendar

    ctx = _open(args)
    if args.calendar_command == "years":
        for y in calendar.years(ctx.uow()):
            print(f"{y.year}\t{y.exceptions} exceptions\t{y.source}")
        missing = calendar.missing_years(ctx.uow(), date.today())
        if missing:
            print("missing: " + ", ".join(str(y) for y in missing)
                  + " — deadlines in these years are provisional until entered")
        return 0
    if args.calendar_command == "show":
        cal = calendar.load(ctx.uow(), range(args.year, args.year + 1))
        if args.year not in cal.years:
            print(f"{args.year}: no calendar data (deadlines are provisional, weekdays only)")
            return 1
        for d, info in sorted(cal.exceptions.items()):
            print(f"{d.isoformat()}\t{'workday' if info.workday else 'holiday'}\t{info.name}")
        return 0
    path = Path(args.file)
    if not path.is_file():
        raise SystemExit(f"courtapp calendar import: no such file: {path}")
    year, holidays, workdays = calendar.parse_schedule(path.read_text(encoding="utf-8"))
    st = calendar.set_year(ctx.uow(), _console(), year, holidays, workdays,
                           source=args.source or f"imported from {path.name}")
    print(f"{st.year}: {len(holidays)} holiday(s), {len(workdays)} make-up working day(s) entered")
    return 0


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


# ------------------------------------------------------- documents (issue 4)
def _extra(text: str | None) -> dict[str, object]:
    """``--extra``: a JSON object, or ``@FILE`` holding one."""
    if not text:
        return {}
    raw = Path(text[1:]).read_text(encoding="utf-8") if text.startswith("@") else text
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as e:
        raise SystemExit(f"courtapp: --extra is not JSON: {e}") from None
    if not isinstance(value, dict):
        raise SystemExit("courtapp: --extra must be a JSON object")
    return value


def _date_arg(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"courtapp: {option} {text!r} is not a date (YYYY-MM-DD)") from None


def _write(path: str, data: bytes) -> None:
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        Path(path).write_bytes(data)


def cmd_notice(args: argparse.Namespace) -> int:
    """Issue (register and sign) one document, or render an unregistered draft."""

    with _database(args) as ctx:
        return _notice(args, ctx)


def _notice(args: argparse.Namespace, ctx: AppContext) -> int:
    from courtapp.core.documents.model import DocKind
    from courtapp.core.services import cases, documents

    lang = _lang(args)
    actor = _console()
    kind = DocKind(args.kind)
    on = _date_arg(args.issued_on, "--issued-on")
    extra = _extra(args.extra)
    rec = cases.get_case(ctx.uow(), actor, case_number=args.case_number)
    if args.draft:
        data = documents.preview(ctx.uow(), actor, kind, rec.id, respondent=args.respondent,
                                 lang=args.doc_lang, issued_on=on, extra=extra)
        _write(args.output, data)
        print(f"draft {kind.value} written to {args.output} (not registered, not signed)"
              if lang == "en" else f"草稿已写入 {args.output}（未登记、未签名）", file=sys.stderr)
        return 0
    if args.supersedes:
        old = documents.get_document(ctx.uow(), actor, args.supersedes)
        if old.kind is not kind or old.case_id != rec.id:
            raise SystemExit(f"courtapp notice: {args.supersedes} is a {old.kind.value} of case "
                             f"{old.case_number}, not a {kind.value} of {rec.case.case_number}")
        if not (args.reason or "").strip():
            raise SystemExit("courtapp notice: --supersedes needs --reason")
        issued = documents.supersede(ctx.uow(), actor, args.supersedes, reason=args.reason,
                                     issued_on=on, extra=extra or None)
    else:
        issued = documents.issue(ctx.uow(), actor, kind, rec.id, respondent=args.respondent,
                                 lang=args.doc_lang, issued_on=on, extra=extra)
    _write(args.output, issued.pdf)
    d = issued.document
    if lang == "en":
        print(f"issued {d.number} ({d.kind.value}, signer {d.signer}) to {args.output}"
              + (f"; it supersedes {d.supersedes}" if d.supersedes else ""), file=sys.stderr)
    else:
        print(f"已签发 {d.number}（{d.kind.value}，签发人{d.signer}），写入 {args.output}"
              + (f"；取代 {d.supersedes}" if d.supersedes else ""), file=sys.stderr)
    return 0


def _has_database(args: argparse.Namespace) -> bool:
    if args.database or os.environ.get("COURTAPP_DATABASE_URL"):
        return True
    return (paths.data_dir() / "courtapp.sqlite").exists()


def _verification_key(args: argparse.Namespace, ctx: AppContext | None) -> object:
    from courtapp.core.documents import signing
    from courtapp.core.services import documents

    if args.key:
        return signing.load_public_key(Path(args.key).read_bytes())
    if ctx is not None:
        registered = documents.court_public_key(ctx.uow())
        if registered is not None:
            return registered
    if signing.key_path().exists():
        return signing.load_private_key(signing.key_path()).public_key()
    raise SystemExit("courtapp verify: no court public key here; pass --key FILE "
                     "(made with `courtapp key export`)")


def cmd_verify(args: argparse.Namespace) -> int:
    """Check an issued PDF, or a scanned QR text, against the court's public key."""


    lang = _lang(args)
    if bool(args.file) == bool(args.qr):
        raise SystemExit("courtapp verify: give a PDF file or --qr TEXT (one of them)")
    ctx = _open(args) if _has_database(args) and not args.key else None
    try:
        return _verify(args, ctx, lang)
    finally:
        if ctx is not None:
            ctx.engine.dispose()


def _verify(args: argparse.Namespace, ctx: AppContext | None, lang: str) -> int:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from courtapp.core.documents import signing
    from courtapp.core.services import documents

    key = _verification_key(args, ctx)
    assert isinstance(key, Ed25519PublicKey)
    if args.qr:
        verdict = signing.verify_qr(args.qr, key)
    else:
        path = Path(args.file)
        if not path.is_file():
            raise SystemExit(f"courtapp verify: no such file: {path}")
        verdict = signing.verify_pdf(path.read_bytes(), key)
    note = ""
    if verdict.valid and ctx is not None:
        number = str(verdict.fields.get("number", ""))
        entry = documents.find_document(ctx.uow(), _console(), number)
        if entry is not None:
            own = verdict.fields.get("content_hash") or signing.parse_qr(
                signing.embedded(Path(args.file).read_bytes())[0] or "").content_hash
            if own != entry.content_hash:
                verdict = signing.Verdict(
                    False, f"{number} in the register has other content",
                    f"登记簿中的{number}内容与此不符", verdict.fields)
            elif entry.superseded_by:
                note = (f"note: superseded by {entry.superseded_by}" if lang == "en"
                        else f"注意：已被{entry.superseded_by}取代")
    print(verdict.line(lang))
    if note:
        print(note)
    return 0 if verdict.valid else 1


def cmd_key(args: argparse.Namespace) -> int:
    """The court key: export the public key, or install the private key on another desk."""
    from courtapp.core.documents import signing
    from courtapp.core.services import documents

    lang = _lang(args)
    if args.key_command == "import":
        target = signing.key_path()
        if target.exists():
            raise SystemExit(f"courtapp key import: {target} exists; this desk already has a key")
        private = Path(args.file).read_bytes()
        tmp = target.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(private)
        try:
            installed = signing.load_private_key(tmp)
        except signing.SigningKeyError:
            tmp.unlink()
            raise
        tmp.rename(target)
        print(f"court key {signing.fingerprint(installed)} installed at {target}")
        return 0
    with _database(args) as ctx:
        registered = documents.court_public_key(ctx.uow())
        pub = registered if registered is not None else \
            documents.court_signing_key(ctx.uow(), _console()).public_key()
    pem = signing.public_key_pem(pub)
    if args.output:
        Path(args.output).write_text(pem, encoding="ascii")
        print((f"court public key {signing.fingerprint(pub)} written to {args.output}"
               if lang == "en" else f"法院公钥 {signing.fingerprint(pub)} 已写入 {args.output}"),
              file=sys.stderr)
    else:
        sys.stdout.write(pem)
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    """The register: list a case's documents, reprint one, or print several into one file."""
    with _database(args) as ctx:
        return _documents(args, ctx)


def _documents(args: argparse.Namespace, ctx: AppContext) -> int:
    from courtapp.core.documents.model import DocKind
    from courtapp.core.services import cases, documents

    actor = _console()
    if args.documents_command == "reprint":
        _write(args.output, documents.reprint(ctx.uow(), actor, args.number))
        return 0
    rec = cases.get_case(ctx.uow(), actor, case_number=args.case_number)
    kind = DocKind(args.kind) if args.kind else None
    if args.documents_command == "list":
        for d in documents.list_documents(ctx.uow(), actor, case_id=rec.id, kind=kind):
            state = f"superseded by {d.superseded_by}" if d.superseded_by else "current"
            print(f"{d.number}\t{d.kind.value}\t{d.respondent_name}\t{d.issued_on}\t{d.signer}\t"
                  f"{state}\t{d.pdf_sha256[:16]}")
        return 0
    ids = documents.issued_ids(ctx.uow(), actor, case_id=rec.id, kind=kind)
    last = documents.collect(documents.render_batch(ctx.uow(), actor, ids))
    for f in last.failures:
        print(f"skipped {f.label}: {f.reason}", file=sys.stderr)
    if last.pdf is None:
        raise SystemExit("courtapp documents print: nothing to print")
    _write(args.output, last.pdf)
    print(f"{len(last.numbers)} document(s) written to {args.output}", file=sys.stderr)
    return 0


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

    cal = sub.add_parser("calendar", help="the working-day calendar (holidays and make-up working days)")
    cals = cal.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    cals.add_parser("years", help="list the years with data, and the missing ones")
    show = cals.add_parser("show", help="list a year's holidays and make-up working days")
    show.add_argument("year", type=int)
    ci = cals.add_parser(
        "import", help="enter or replace a year from the State Council's schedule",
        description="FILE has one line per day: 'YYYY-MM-DD holiday NAME' for a rest day "
                    "(including weekend days inside a holiday) or 'YYYY-MM-DD workday NAME' "
                    "for a make-up working day (调休上班). '#' starts a comment.")
    ci.add_argument("file")
    ci.add_argument("--source", help="where the schedule comes from (default: the file name)")
    cal.set_defaults(func=cmd_calendar)

    demo = sub.add_parser("demo", help="fill a database with realistic sample cases and demo accounts")
    demo.add_argument("--cases", type=int, default=1000, metavar="N", help="how many cases (default 1000)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    demo.add_argument("--batch", type=int, default=5000, help="cases per transaction (default 5000)")
    demo.set_defaults(func=cmd_demo)

    from courtapp.core.documents.model import DocKind
    from courtapp.core.services.documents import KIND_HELP

    kinds = "\n".join(f"  {k.value:<20} {KIND_HELP[k]}" for k in DocKind)
    notice = sub.add_parser(
        "notice", help="issue a court document (registered and signed), or render a draft",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Issue one court document for a case: it is numbered, registered, signed "
                    "(QR code and file signature) and written as PDF.  A kind whose precondition "
                    "is missing is refused with a message saying what is missing.",
        epilog="kinds:\n" + kinds)
    notice.add_argument("kind", choices=[k.value for k in DocKind], metavar="KIND",
                        help="the kind of document (listed below)")
    notice.add_argument("case_number", metavar="CASE_NUMBER")
    notice.add_argument("--respondent", type=int, metavar="N",
                        help="which respondent, numbered from 0 as `courtapp assess` shows (default: "
                             "0; an execution notice without it is addressed to every respondent)")
    notice.add_argument("--lang", dest="doc_lang", choices=["zh", "en"], default="zh",
                        help="language of the document (default zh)")
    notice.add_argument("--draft", action="store_true",
                        help="render an unregistered, unsigned draft marked 草稿/DRAFT")
    notice.add_argument("--issued-on", metavar="DATE", help="issue date, YYYY-MM-DD (default today)")
    notice.add_argument("--extra", metavar="JSON",
                        help="kind-specific data as a JSON object, or @FILE "
                             "(correction_decision, permission, receipt)")
    notice.add_argument("--supersedes", metavar="NUMBER",
                        help="issue a correction of this document (it stays in the register, "
                             "marked superseded)")
    notice.add_argument("--reason", help="why the correction is issued (with --supersedes)")
    notice.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                        help="where to write the PDF ('-' for standard output)")
    notice.set_defaults(func=cmd_notice)

    ver = sub.add_parser(
        "verify", help="check an issued PDF or a scanned QR text offline",
        description="Check a document against the court's public key: prints 'valid' or "
                    "'invalid: <reason>' and exits 0 or 1.  The key is --key FILE, else the "
                    "one registered in the database, else this desk's own.")
    ver.add_argument("file", nargs="?", metavar="FILE.pdf", help="an issued PDF")
    ver.add_argument("--qr", metavar="TEXT", help="the text of a scanned QR code")
    ver.add_argument("--key", metavar="FILE", help="the court's public key (PEM, from `courtapp key export`)")
    ver.add_argument("--lang", choices=["en", "zh"], default=argparse.SUPPRESS,
                     help="language of the verdict")
    ver.set_defaults(func=cmd_verify)

    key = sub.add_parser("key", help="the court's signing key: export the public key")
    ks = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    kx = ks.add_parser("export", help="write the court's public key (PEM); made on first use")
    kx.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    ki = ks.add_parser("import", help="install the court's private key file on this desk")
    ki.add_argument("file", metavar="FILE", help="the PEM file from the desk that made the key")
    key.set_defaults(func=cmd_key)

    docs = sub.add_parser("documents", help="the register of issued documents")
    dsub = docs.add_subparsers(dest="documents_command", metavar="ACTION", required=True)
    dl = dsub.add_parser("list", help="list a case's issued documents")
    dl.add_argument("case_number", metavar="CASE_NUMBER")
    dl.add_argument("--kind", choices=[k.value for k in DocKind])
    dr = dsub.add_parser("reprint", help="write an issued document again (identical bytes)")
    dr.add_argument("number", metavar="NUMBER")
    dr.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    dp = dsub.add_parser("print", help="one PDF of a case's current documents (e.g. every "
                                       "restriction order)")
    dp.add_argument("case_number", metavar="CASE_NUMBER")
    dp.add_argument("--kind", choices=[k.value for k in DocKind])
    dp.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    docs.set_defaults(func=cmd_documents)
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
