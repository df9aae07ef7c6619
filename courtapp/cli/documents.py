"""``courtapp notice``, ``verify``, ``key`` and ``documents``: court documents (issue 4)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from courtapp.cli.common import (
    OutputFile,
    SubParsers,
    acting,
    database,
    date_arg,
    int_arg,
    lang_of,
    no_such_file,
    open_context,
    write_output,
)
from courtapp.core import paths
from courtapp.core.context import AppContext


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






def cmd_notice(args: argparse.Namespace) -> int:
    """Issue (register and sign) one document, or render an unregistered draft.

    The output file is checked first: a path that cannot be written is refused
    before the document is numbered or registered."""
    with OutputFile(args.output) as out, database(args) as ctx:
        return _notice(args, ctx, out)


def _notice(args: argparse.Namespace, ctx: AppContext, out: OutputFile) -> int:
    from courtapp.core.documents.model import DocKind
    from courtapp.core.services import cases, documents

    lang = lang_of(args)
    actor = acting(ctx)
    kind = DocKind(args.kind)
    on = date_arg(args.issued_on, "--issued-on")
    extra = _extra(args.extra)
    rec = cases.get_case(ctx.uow(), actor, case_number=args.case_number)
    if args.draft:
        data = documents.preview(ctx.uow(), actor, kind, rec.id, respondent=args.respondent,
                                 lang=args.doc_lang, issued_on=on, extra=extra)
        out.commit(data)
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
    out.commit(issued.pdf)
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


def cmd_verify(args: argparse.Namespace) -> int:
    """Check an issued PDF, or a scanned QR text, against the registered desk keys."""
    lang = lang_of(args)
    if bool(args.file) == bool(args.qr):
        raise SystemExit("courtapp verify: give a PDF file or --qr TEXT (one of them)")
    ctx = open_context(args) if _has_database(args) and not args.key else None
    try:
        return _verify(args, ctx, lang)
    finally:
        if ctx is not None:
            ctx.engine.dispose()


def _verify(args: argparse.Namespace, ctx: AppContext | None, lang: str) -> int:
    from courtapp.core.documents import signing
    from courtapp.core.services import documents, keys

    path = Path(args.file) if args.file else None
    if path is not None and not path.is_file():
        raise no_such_file("verify", path, args)
    data = path.read_bytes() if path is not None else None
    registered = keys.registered_keys(ctx.uow()) if ctx is not None else []
    if args.key or not registered:
        # One key: --key FILE, else (no database, or nothing registered) this desk's own.
        if args.key:
            key = signing.load_public_key(Path(args.key).read_bytes())
        elif signing.key_path().exists():
            key = signing.load_private_key(signing.key_path()).public_key()
        else:
            raise SystemExit("courtapp verify: no court public key here; pass --key FILE "
                             "(made with `courtapp key export`)")
        verdict = signing.verify_qr(args.qr, key) if data is None else signing.verify_pdf(data, key)
    else:  # any desk key registered in the database and valid on the document's date
        verdict = keys.verify(registered, pdf=data, qr=args.qr)
    note = ""
    if verdict.valid and ctx is not None:
        number = str(verdict.fields.get("number", ""))
        entry = documents.find_document(ctx.uow(), acting(ctx), number)
        if entry is not None:
            own = verdict.fields.get("content_hash") or signing.parse_qr(
                signing.embedded(data or b"")[0] or "").content_hash
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
    """This desk's signing key and the register of every desk's public key."""
    from courtapp.core.documents import signing
    from courtapp.core.services import documents, keys

    lang = lang_of(args)
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
        print(f"signing key {signing.fingerprint(installed)} installed at {target}")
        return 0
    with database(args) as ctx:
        if args.key_command == "list":
            for k in keys.registered_keys(ctx.uow()):
                state = f"retired {k.retired_at:%Y-%m-%d}" if k.retired_at else "active"
                print(f"{k.fingerprint}\t{k.desk}\t{k.username}\t{k.valid_from}\t"
                      f"{k.last_day or ''}\t{state}")
            return 0
        if args.key_command == "retire":
            k = keys.retire(ctx.uow(), acting(ctx), args.fingerprint)
            print(f"key {k.fingerprint} of desk {k.desk} retired; it still verifies what it signed "
                  f"up to {k.last_day}")
            return 0
        if args.key_command == "new":
            old, new = keys.renew(ctx.uow(), acting(ctx))
            print((f"key {old} retired; " if old else "")
                  + f"this desk now signs with key {signing.fingerprint(new)}")
            return 0
        pub = documents.court_signing_key(ctx.uow(), acting(ctx)).public_key()
    pem = signing.public_key_pem(pub)
    if args.output:
        Path(args.output).write_text(pem, encoding="ascii")
        print((f"public key {signing.fingerprint(pub)} of this desk written to {args.output}"
               if lang == "en" else f"本机公钥 {signing.fingerprint(pub)} 已写入 {args.output}"),
              file=sys.stderr)
    else:
        sys.stdout.write(pem)
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    """The register: list a case's documents, reprint one, or print several into one file."""
    with database(args) as ctx:
        return _documents(args, ctx)


def _documents(args: argparse.Namespace, ctx: AppContext) -> int:
    from courtapp.core.documents.model import DocKind
    from courtapp.core.services import cases, documents

    actor = acting(ctx)
    if args.documents_command == "reprint":
        with OutputFile(args.output) as out:  # checked before the register is read
            out.commit(documents.reprint(ctx.uow(), actor, args.number))
        return 0
    kind = DocKind(args.kind) if args.kind else None
    if args.documents_command == "list" and not args.case_number:
        # The whole register, oldest first, each line led by its case number:
        # every entry, read page after page (no list stops silently at N rows).
        for d in documents.list_documents(ctx.uow(), actor, kind=kind):
            state = f"superseded by {d.superseded_by}" if d.superseded_by else "current"
            print(f"{d.case_number}\t{d.number}\t{d.kind.value}\t{d.respondent_name}\t{d.issued_on}\t"
                  f"{d.signer}\t{state}\t{d.pdf_sha256[:16]}")
        return 0
    rec = cases.get_case(ctx.uow(), actor, case_number=args.case_number)
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
    write_output(args.output, last.pdf)
    print(f"{len(last.numbers)} document(s) written to {args.output}", file=sys.stderr)
    return 0


def register(sub: SubParsers) -> None:
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
    notice.add_argument("--respondent", type=int_arg, metavar="N",
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
        description="Check a document's signature: prints 'valid' or 'invalid: <reason>' and "
                    "exits 0 or 1.  With --key FILE, against that public key; else against every "
                    "desk key registered in the database, which must have been valid on the "
                    "document's date; else (no database) against this desk's own key.")
    ver.add_argument("file", nargs="?", metavar="FILE.pdf", help="an issued PDF")
    ver.add_argument("--qr", metavar="TEXT", help="the text of a scanned QR code")
    ver.add_argument("--key", metavar="FILE", help="the court's public key (PEM, from `courtapp key export`)")
    ver.add_argument("--lang", choices=["en", "zh"], default=argparse.SUPPRESS,
                     help="language of the verdict")
    ver.set_defaults(func=cmd_verify)

    key = sub.add_parser("key", help="signing keys: this desk's own, and every desk's registered "
                                     "public key")
    ks = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    kx = ks.add_parser("export", help="write this desk's public key (PEM); made and registered "
                                      "on first use")
    kx.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    ks.add_parser("list", help="every registered key: fingerprint, desk, user, valid from, "
                               "valid to, state")
    kr = ks.add_parser("retire", help="retire a key: it signs nothing more and still verifies "
                                      "what it signed")
    kr.add_argument("fingerprint", metavar="FINGERPRINT")
    ks.add_parser("new", help="retire this desk's key and make and register a new one")
    ki = ks.add_parser("import", help="install a private key file on this desk (a rebuilt desk; "
                                      "see also `courtapp restore --keys`)")
    ki.add_argument("file", metavar="FILE", help="the PEM file")
    key.set_defaults(func=cmd_key)

    docs = sub.add_parser("documents", help="the register of issued documents")
    dsub = docs.add_subparsers(dest="documents_command", metavar="ACTION", required=True)
    dl = dsub.add_parser("list", help="list a case's issued documents, or (no case) the whole register")
    dl.add_argument("case_number", metavar="CASE_NUMBER", nargs="?",
                    help="the case (default: every case, each line led by its case number)")
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
