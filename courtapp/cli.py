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
from typing import TYPE_CHECKING, TextIO

from courtapp import __version__
from courtapp.core import paths
from courtapp.core.context import AppContext, open_database
from courtapp.core.domain.errors import DomainError, NotFound, ValidationError
from courtapp.core.domain.roles import Actor, Role, console_actor

if TYPE_CHECKING:
    from courtapp.core.domain.petition import Search
    from courtapp.core.services.petitions import Petition

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
    with _database(args) as ctx:
        stored = cases.import_cases(ctx.uow(), _console(), parsed, path_prefixes=prefixes)
    for rec in stored:
        print(f"imported {rec.case.case_number}")
    print(f"{len(stored)} case(s) imported")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from courtapp.core import interchange
    from courtapp.core.services import cases

    with _database(args) as ctx:
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


# -------------------------------------------------------- the counter (issue 5)
def _today(args: argparse.Namespace, option: str = "--today") -> date:
    return _date_arg(getattr(args, option.lstrip("-").replace("-", "_"), None), option) or date.today()


def _items_arg(text: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        return tuple(int(x) for x in text.replace("，", ",").split(",") if x.strip())
    except ValueError:
        raise SystemExit(f"courtapp: --items {text!r} is not a list of item numbers like 1,9") from None


def _searches_arg(values: Sequence[str] | None) -> list[Search]:
    from courtapp.core.domain.petition import Search

    out: list[Search] = []
    for v in values or []:
        day, _, result = v.partition(":")
        on = _date_arg(day, "--search")
        if on is None or result not in ("", "none", "found"):
            raise SystemExit(f"courtapp: --search {v!r}: write DATE or DATE:none or DATE:found")
        out.append(Search(on, found_property=result == "found"))
    return out


def _petition_json(p: Petition) -> dict[str, object]:
    return {
        "number": p.number, "case_number": p.case_number, "kind": p.kind.value,
        "status": p.status.value, "respondent": p.respondent, "respondent_name": p.respondent_name,
        "petitioner": {"role": p.petitioner_role.value, "name": p.petitioner_name,
                       "identifier": p.petitioner_identifier, "officer": p.officer},
        "received_on": p.received_on.isoformat(), "sla": p.sla.code(), "due": p.due.isoformat(),
        "due_provisional": p.due_provisional, "details": p.details.to_json(),
        "evidence": [{"name": x.name, "size": x.size, "sha256": x.sha256} for x in p.evidence],
        "receipt_number": p.receipt_number,
        "decided_on": p.decided_on.isoformat() if p.decided_on else None,
        "decided_by": p.decided_by, "decision_reasons": p.decision_reasons or None,
        "document_number": p.document_number, "document_error": p.document_error,
        "effect_due": p.effect_due.isoformat() if p.effect_due else None,
        "effect_due_provisional": p.effect_due_provisional,
        "reconsideration_until": p.reconsideration_until.isoformat() if p.reconsideration_until else None,
    }


def _due_text(due: date, provisional: bool, lang: str) -> str:
    if not provisional:
        return due.isoformat()
    return due.isoformat() + ("（暂定）" if lang == "zh" else " (provisional)")


def cmd_petition(args: argparse.Namespace) -> int:
    """File, decide and list petitions (the counter and the judge's queue)."""
    with _database(args) as ctx:
        return _petition(args, ctx)


def _petition(args: argparse.Namespace, ctx: AppContext) -> int:
    from courtapp.core.domain.petition import (
        CorrectionGround,
        Decision,
        LiftingGround,
        PetitionDetails,
        PetitionKind,
        PetitionStatus,
        TravelGround,
    )
    from courtapp.core.services import cases, petitions

    lang = _lang(args)
    actor = _console()
    cmd = args.petition_command
    if cmd == "file":
        rec = cases.get_case(ctx.uow(), actor, case_number=args.case_number)
        evidence = []
        for name in args.evidence or []:
            path = Path(name)
            if not path.is_file():
                raise SystemExit(f"courtapp petition file: no such file: {path}")
            evidence.append(petitions.EvidenceFile(path.name, path.read_bytes()))
        searches = _searches_arg(args.search)
        details = PetitionDetails(
            correction_ground=CorrectionGround(args.correction_ground) if args.correction_ground else None,
            requested_correction=args.requested_correction or "",
            lifting_ground=LiftingGround(args.lifting_ground) if args.lifting_ground else None,
            items=_items_arg(args.items), terminated_on=_date_arg(args.terminated_on, "--terminated-on"),
            searches=tuple(searches),
            asset_lead=args.asset_lead,
            travel_ground=TravelGround(args.travel_ground) if args.travel_ground else None,
            itinerary=args.itinerary or "", permit_from=_date_arg(args.permit_from, "--from"),
            permit_until=_date_arg(args.permit_until, "--until"), consumption=args.consumption or "",
            written=not args.oral)
        filed = petitions.file_petition(
            ctx.uow(), actor, rec.id, PetitionKind(args.kind), petitioner_id=args.petitioner_id,
            petitioner_name=args.name or "", respondent=args.respondent,
            received_on=_date_arg(args.received_on, "--received-on") or date.today(),
            details=details, evidence=evidence, issue_receipt=not args.no_receipt,
            lang=args.doc_lang)
        p = filed.petition
        if args.json:
            print(json.dumps(_petition_json(p), ensure_ascii=False))
        elif lang == "zh":
            print(f"已收件 {p.number}（{p.info.label_zh}），答复期限 {_due_text(p.due, p.due_provisional, lang)}"
                  + (f"，回执 {p.receipt_number}" if p.receipt_number else ""))
        else:
            print(f"filed {p.number} ({p.info.label_en}); decision due {_due_text(p.due, p.due_provisional, lang)}"
                  + (f"; receipt {p.receipt_number}" if p.receipt_number else ""))
        if p.due_provisional:
            print(("注意：" if lang == "zh" else "note: ") + _provisional_note(p.missing_years, lang),
                  file=sys.stderr)
        if filed.pdf is not None and args.receipt:
            _write(args.receipt, filed.pdf)
        if filed.receipt_error:
            print(f"courtapp: the petition is filed but its receipt was not issued: {filed.receipt_error}",
                  file=sys.stderr)
            return 3
        return 0
    if cmd == "decide":
        decision = Decision(
            granted=args.grant, reasons=args.reasons, on=_date_arg(args.on, "--on") or date.today(),
            facts_verified=args.verified, new_officer=args.new_officer,
            correction=args.correction or "", permit_from=_date_arg(args.permit_from, "--from"),
            permit_until=_date_arg(args.permit_until, "--until"), higher_court=args.higher_court or "")
        done = petitions.decide(ctx.uow(), actor, args.number, decision,
                                issue_document=not args.no_document, lang=args.doc_lang)
        p = done.petition
        if args.json:
            print(json.dumps(_petition_json(p), ensure_ascii=False))
        else:
            verdict = p.status.value if lang == "en" else {"granted": "准许", "rejected": "驳回"}[p.status.value]
            line = f"{p.number}: {verdict}"
            if p.effect_due is not None:
                line += (f"; to be carried out by {_due_text(p.effect_due, p.effect_due_provisional, lang)}"
                         if lang == "en" else
                         f"；应于{_due_text(p.effect_due, p.effect_due_provisional, lang)}前办结")
            if p.document_number:
                line += f"; {p.document_number}" if lang == "en" else f"；文书 {p.document_number}"
            if done.new_order_id is not None:
                line += (f"; restriction order {done.new_order_id} on the new officer awaits the "
                         "president's signature" if lang == "en" else
                         f"；对变更后人员的限制消费令（{done.new_order_id}）待院长签发")
            print(line)
        if done.pdf is not None and args.document:
            _write(args.document, done.pdf)
        if done.document_error:
            print(f"courtapp: decided, but the document was not issued: {done.document_error}; "
                  f"retry with `courtapp petition document {p.number}`", file=sys.stderr)
            return 3
        return 0
    if cmd == "document":
        done = petitions.issue_decision_document(ctx.uow(), actor, args.number, lang=args.doc_lang)
        if done.document_error:
            print(f"courtapp: {done.document_error}", file=sys.stderr)
            return 1
        if done.pdf is not None:
            _write(args.output, done.pdf)
        print(done.petition.document_number)
        return 0
    if cmd == "searches":
        p = petitions.record_searches(
            ctx.uow(), actor, petitions.get_petition(ctx.uow(), actor, args.number).id,
            terminated_on=_date_arg(args.terminated_on, "--terminated-on") or date.today(),
            searches=_searches_arg(args.search), asset_lead=args.asset_lead)
        print(f"{p.number}: {len(p.details.searches)} search(es) recorded")
        return 0
    if cmd == "settings":
        for pair in args.set or []:
            key, sep, value = pair.partition("=")
            if not sep:
                raise SystemExit(f"courtapp petition settings: --set {pair!r}: write KEY=VALUE")
            petitions.set_counter_setting(ctx.uow(), actor, key.strip(), value)
        for key, value in petitions.counter_settings(ctx.uow()).items():
            print(f"{key}\t{value}")
        return 0
    if cmd == "show":
        p = petitions.get_petition(ctx.uow(), actor, args.number)
        print(json.dumps(_petition_json(p), ensure_ascii=False, indent=None if args.json else 2))
        return 0
    # list
    today = _today(args)
    case_id = cases.get_case(ctx.uow(), actor, case_number=args.case).id if args.case else None
    if args.pending:
        found = [q.petition for q in petitions.queue(ctx.uow(), actor, today, case_id=case_id)]
    else:
        found = petitions.list_petitions(
            ctx.uow(), actor, case_id=case_id,
            status=PetitionStatus(args.status) if args.status else None)
    for p in found:
        if args.json:
            print(json.dumps(_petition_json(p) | {"overdue": p.overdue(today)}, ensure_ascii=False))
            continue
        flag = ("逾期" if lang == "zh" else "OVERDUE") if p.overdue(today) else ""
        print("\t".join([p.number, p.kind.value, p.status.value, p.received_on.isoformat(),
                         _due_text(p.due, p.due_provisional, lang), p.petitioner_name, flag]).rstrip())
    return 0


def _provisional_note(years: Sequence[int], lang: str) -> str:
    from courtapp.core.domain.workdays import Deadline

    return Deadline(date.today(), True, tuple(years)).explain(lang)


def cmd_daily(args: argparse.Namespace) -> int:
    """The daily run: publish, expire, end permissions, flag what is overdue."""
    from courtapp.core.services import daily

    with _database(args) as ctx:
        summary = daily.run_daily(ctx.uow(), _console(), _today(args))
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        for line in summary.lines(_lang(args)):
            print(line)
    return 0


def cmd_dispatch(args: argparse.Namespace) -> int:
    """The propagation ledger: list items, record an acknowledgement."""
    from courtapp.core.services import cases, dispatch

    lang = _lang(args)
    actor = _console()
    with _database(args) as ctx:
        if args.dispatch_command == "ack":
            item = dispatch.acknowledge(ctx.uow(), actor, args.id, _date_arg(args.on, "--on") or date.today())
            print(f"{item.id}\t{item.event}\t{item.recipient}\tacknowledged {item.acknowledged_on}"
                  if lang == "en" else f"{item.id}\t{item.event}\t{item.recipient_name}\t已回执 {item.acknowledged_on}")
            return 0
        case_id = cases.get_case(ctx.uow(), actor, case_number=args.case).id if args.case else None
        items = dispatch.list_items(ctx.uow(), actor, open_only=args.open, case_id=case_id,
                                    event=args.event)
    for i in items:
        if args.json:
            print(json.dumps({
                "id": i.id, "case_number": i.case_number, "listing_id": i.listing_id,
                "order_id": i.order_id, "petition_id": i.petition_id, "event": i.event,
                "recipient": i.recipient, "recipient_name": i.recipient_name, "article": i.article,
                "created_on": i.created_on.isoformat(), "status": i.status,
                "due": i.due.isoformat() if i.due else None, "due_provisional": i.due_provisional,
                "acknowledged_on": i.acknowledged_on.isoformat() if i.acknowledged_on else None,
                "acknowledged_by": i.acknowledged_by}, ensure_ascii=False))
            continue
        due = _due_text(i.due, i.due_provisional, lang) if i.due else "-"
        state = i.status if i.open else f"{i.status} {i.acknowledged_on}"
        print("\t".join([str(i.id), i.case_number, i.event, i.recipient, i.created_on.isoformat(),
                         due, state]))
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
    _counter_parsers(sub)
    return p


def _counter_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from courtapp.core.domain.petition import (
        KINDS,
        CorrectionGround,
        LiftingGround,
        PetitionKind,
        PetitionStatus,
        TravelGround,
    )
    from courtapp.core.services.dispatch import EVENTS

    raw = argparse.RawDescriptionHelpFormatter
    kinds = "\n".join(f"  {k.value:<26} {i.label_en} ({i.article}); filed by "
                      f"{' or '.join(sorted(r.value for r in i.petitioners))}; decision due in "
                      f"{i.sla.days} {i.sla.unit.value} day(s)"
                      f"{' (statutory)' if i.statutory_sla else ' by default'}"
                      for k, i in KINDS.items())
    pet = sub.add_parser(
        "petition", help="petitions at the counter: file, decide, list",
        formatter_class=raw,
        description="Petitions for removal from the list, correction, lifting of a consumption "
                    "restriction and permissions (issue 5).  A counter officer files one, a judge "
                    "decides it; each decision carries out its effect and issues its document.",
        epilog="kinds:\n" + kinds)
    ps = pet.add_subparsers(dest="petition_command", metavar="ACTION", required=True)

    f = ps.add_parser(
        "file", help="file a petition and issue its counter receipt", formatter_class=raw,
        description="File a petition received at the counter.  The petitioner is identified by the "
                    "identifier on the document shown (ID number or credit code) and must be a "
                    "party of the case, or an officer of an entity respondent for the kinds "
                    "officers file.  The petition is numbered <case number>-申<n>, its decision is "
                    "due on the working-day calendar (provisional when a year has no calendar "
                    "data) and a receipt is issued.",
        epilog="kinds:\n" + kinds)
    f.add_argument("case_number", metavar="CASE_NUMBER", help="the case, e.g. (2026)京0105执1234号")
    f.add_argument("kind", choices=[k.value for k in PetitionKind], metavar="KIND",
                   help="the kind of petition (listed below)")
    f.add_argument("--petitioner-id", required=True, metavar="ID",
                   help="the petitioner's resident ID number or unified social credit code, as on "
                        "the document shown at the counter")
    f.add_argument("--name", help="the petitioner's name as shown; refused if it differs from the record")
    f.add_argument("--respondent", type=int, metavar="N",
                   help="the respondent the petition concerns, numbered from 0 (needed when a "
                        "creditor petitions and several respondents fit)")
    f.add_argument("--received-on", metavar="DATE", help="the day the petition was received (default today)")
    f.add_argument("--evidence", action="append", metavar="FILE",
                   help="an evidence file, stored with its SHA-256; repeat for several")
    f.add_argument("--correction-ground", choices=[g.value for g in CorrectionGround],
                   help="correction: 1 should not have been listed, 2 the information is inaccurate, "
                        "3 the entry should have been deleted (2017 Provisions Art. 11)")
    f.add_argument("--requested-correction", metavar="TEXT",
                   help="correction ground 2: what the information should read")
    f.add_argument("--oral", action="store_true",
                   help="the application was not in writing (a correction is then refused, Art. 12)")
    f.add_argument("--lifting-ground", choices=[g.value for g in LiftingGround],
                   help="lifting: security, creditor_consent or fully_performed (2015 Provisions Art. 9)")
    f.add_argument("--items", metavar="N,N",
                   help="lifting and permissions: the restricted items concerned, numbered as in "
                        "2015 Provisions Art. 3 (default: all in force)")
    f.add_argument("--terminated-on", metavar="DATE",
                   help="removal_no_property: the date of the ruling terminating this round of "
                        "enforcement (终结本次执行程序)")
    f.add_argument("--search", action="append", metavar="DATE[:none|found]",
                   help="removal_no_property: an online search (网络执行查控) and whether it found "
                        "property; repeat (at least two after the termination, none finding property)")
    f.add_argument("--asset-lead", action="store_true",
                   help="removal_no_property: someone gave an effective asset lead (bars deletion)")
    f.add_argument("--travel-ground", choices=[g.value for g in TravelGround],
                   help="temporary_travel: illness, funeral, official_duty, foreign_affairs or exam "
                        "(2019 Opinion item 17(3))")
    f.add_argument("--itinerary", metavar="TEXT", help="temporary_travel: the trip, e.g. 北京—上海")
    f.add_argument("--from", dest="permit_from", metavar="DATE",
                   help="permissions: the first day of the period asked for")
    f.add_argument("--until", dest="permit_until", metavar="DATE",
                   help="permissions: the last day of the period asked for")
    f.add_argument("--consumption", metavar="TEXT",
                   help="private_consumption, necessary_consumption: what the petitioner wants to buy or do")
    f.add_argument("--receipt", metavar="FILE.pdf", help="write the receipt PDF here ('-' for standard output)")
    f.add_argument("--no-receipt", action="store_true", help="file without issuing a receipt")
    f.add_argument("--lang", dest="doc_lang", choices=["zh", "en"], default="zh",
                   help="language of the receipt (default zh)")
    f.add_argument("--json", action="store_true", help="print the petition as one JSON object")

    d = ps.add_parser(
        "decide", help="grant or reject a petition (a judge)", formatter_class=raw,
        description="Decide a petition with reasons.  The effect is carried out at once (removal, "
                    "correction, lifting, permission, release) and the decision document issued. "
                    "Verified facts that oblige the court cannot be rejected.")
    d.add_argument("number", metavar="NUMBER", help="the petition number, e.g. (2026)京0105执1234号-申1")
    g = d.add_mutually_exclusive_group(required=True)
    g.add_argument("--grant", action="store_true", help="grant the petition")
    g.add_argument("--reject", action="store_true", help="reject the petition")
    d.add_argument("--reasons", required=True, metavar="TEXT", help="the reasons for the decision")
    d.add_argument("--on", metavar="DATE", help="the decision date (default today)")
    d.add_argument("--verified", action="store_true",
                   help="the petition's facts are verified (a rejection is then refused where the "
                        "rules say the court shall grant)")
    d.add_argument("--new-officer", type=int, metavar="N",
                   help="officer_release: the officer index of the new legal representative or "
                        "principal responsible person (record them on the case first)")
    d.add_argument("--correction", metavar="TEXT",
                   help="correction ground 2: the corrected information (default: as requested)")
    d.add_argument("--from", dest="permit_from", metavar="DATE",
                   help="permissions: the first day granted (default: as asked)")
    d.add_argument("--until", dest="permit_until", metavar="DATE",
                   help="permissions: the last day granted (default: as asked)")
    d.add_argument("--higher-court", metavar="NAME",
                   help="correction rejection: the next-higher court for reconsideration (default: "
                        "the court setting court.higher_court)")
    d.add_argument("--document", metavar="FILE.pdf",
                   help="write the decision document here ('-' for standard output)")
    d.add_argument("--no-document", action="store_true", help="decide without issuing the document")
    d.add_argument("--lang", dest="doc_lang", choices=["zh", "en"], default="zh",
                   help="language of the document (default zh)")
    d.add_argument("--json", action="store_true", help="print the petition as one JSON object")

    doc = ps.add_parser("document", help="issue a decided petition's document again after a failure")
    doc.add_argument("number", metavar="NUMBER")
    doc.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    doc.add_argument("--lang", dest="doc_lang", choices=["zh", "en"], default="zh")

    se = ps.add_parser("searches", help="record online searches on a removal_no_property petition")
    se.add_argument("number", metavar="NUMBER")
    se.add_argument("--terminated-on", required=True, metavar="DATE",
                    help="the date of the ruling terminating this round of enforcement")
    se.add_argument("--search", action="append", required=True, metavar="DATE[:none|found]",
                    help="an online search and its result; repeat")
    se.add_argument("--asset-lead", action="store_true", help="an effective asset lead was given")

    st = ps.add_parser(
        "settings", help="show or change the counter's court settings",
        description="Settings: petition.sla.<kind> (the period to decide: 3wd = 3 working days, "
                    "15d = 15 calendar days; the correction's 15 days are statutory), "
                    "petition.travel_max_days (longest temporary travel lifting, default 30: "
                    "'one month' is UNCONFIRMED), removal.para1_applies_to_fixed_term (true: the "
                    "grounds of 2017 Art. 10 para. 1 also delete fixed-term listings; default false), "
                    "court.higher_court (the next-higher court named for reconsideration), "
                    "dispatch.lifting_working_days (working days for a lifting to reach every "
                    "recipient, default 3).")
    st.add_argument("--set", action="append", metavar="KEY=VALUE", help="change a setting; repeat for several")
    sh = ps.add_parser("show", help="show one petition as JSON")
    sh.add_argument("number", metavar="NUMBER")
    sh.add_argument("--json", action="store_true", help="one line instead of indented")

    ls_ = ps.add_parser("list", help="list petitions; --pending gives the judge's queue")
    ls_.add_argument("--case", metavar="CASE_NUMBER", help="only this case's petitions")
    ls_.add_argument("--pending", action="store_true",
                     help="the queue: pending petitions, soonest due first, overdue ones marked")
    ls_.add_argument("--status", choices=[st.value for st in PetitionStatus], help="only this status")
    ls_.add_argument("--today", metavar="DATE", help="the day overdue is judged against (default today)")
    ls_.add_argument("--json", action="store_true", help="one JSON object per petition")
    pet.set_defaults(func=cmd_petition)

    dy = sub.add_parser(
        "daily", help="the daily run: publish, delete expired, end permissions, flag overdue",
        description="Publishes listings whose grace ended without performance, deletes fixed-term "
                    "listings whose term ended, imposes again the items of ended temporary "
                    "permissions, and reports overdue petitions, unacknowledged removals and "
                    "missing calendar years.  Running it twice changes nothing the second time.")
    dy.add_argument("--today", metavar="DATE", help="the day to run for (default today)")
    dy.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    dy.set_defaults(func=cmd_daily)

    dp = sub.add_parser("dispatch", help="the propagation ledger: list items, record acknowledgements")
    dps = dp.add_subparsers(dest="dispatch_command", metavar="ACTION", required=True)
    dl = dps.add_parser("list", help="list ledger items with their due dates")
    dl.add_argument("--open", action="store_true", help="only items not yet acknowledged")
    dl.add_argument("--case", metavar="CASE_NUMBER", help="only this case's items")
    dl.add_argument("--event", choices=list(EVENTS), help="only this kind of change")
    dl.add_argument("--json", action="store_true", help="one JSON object per item")
    da = dps.add_parser("ack", help="record a recipient's acknowledgement of an item")
    da.add_argument("id", type=int, metavar="ID", help="the item id (from `courtapp dispatch list`)")
    da.add_argument("--on", metavar="DATE", help="the day it was acknowledged (default today)")
    dp.set_defaults(func=cmd_dispatch)


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
