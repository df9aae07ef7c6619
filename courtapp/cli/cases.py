"""``courtapp import``, ``export`` and ``assess``: the interchange format and the assessment."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from courtapp.cli.common import (
    SubParsers,
    acting,
    database,
    date_arg,
    lang_of,
    no_such_file,
    open_context,
    print_warnings,
)


def cmd_import(args: argparse.Namespace) -> int:
    from courtapp.core import interchange
    from courtapp.core.services import cases

    path = Path(args.file)
    if not path.is_file():
        raise no_such_file("import", path, args)
    if args.dry_run:
        parsed, prefixes = interchange.load_file_with_paths(path)
        print_warnings(interchange.warnings_with_paths(parsed, prefixes), lang_of(args), sys.stderr)
        print(f"{len(parsed)} case(s) valid; nothing written (--dry-run)")
        return 0
    with database(args) as ctx:
        # Read, checked and stored in chunks, in one transaction (all or nothing).
        stored = cases.import_file(ctx.uow(), acting(ctx), path,
                                   warn=lambda w: print_warnings(w, lang_of(args), sys.stderr))
    for number in stored:
        print(f"imported {number}")
    print(f"{len(stored)} case(s) imported")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from courtapp.core import interchange
    from courtapp.core.services import cases

    if args.all == bool(args.case_numbers):
        raise SystemExit("courtapp export: give CASE_NUMBER(s) or --all (one of them)")
    if args.all:
        from courtapp.core.services import archive

        with database(args) as ctx:
            everything = archive.export_all(ctx.uow(), acting(ctx))
        return _write(args, interchange.dumps_all(everything, jsonl=args.jsonl), len(everything))
    with database(args) as ctx:
        found = cases.export_cases(ctx.uow(), acting(ctx), args.case_numbers)
    if args.jsonl:
        text = "".join(json.dumps(interchange.dump_case(c), ensure_ascii=False) + "\n" for c in found)
    else:
        text = interchange.dumps(found)
    return _write(args, text, len(found))


def _write(args: argparse.Namespace, text: str, count: int) -> int:
    if args.output:
        Path(args.output).write_bytes(text.encode("utf-8"))  # "\n" on every platform
        print(f"{count} case(s) written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    """Assess each respondent of a case from a file (nothing stored) or the database."""
    from courtapp.core import interchange
    from courtapp.core.domain.assessment import assess_case
    from courtapp.core.services import cases

    as_of = date_arg(args.as_of, "--as-of") or date.today()
    path = Path(args.source)
    grace: dict[int, date] = {}
    if path.suffix.lower() in (".json", ".jsonl", ".ndjson") or path.is_file():
        if not path.is_file():
            raise no_such_file("assess", path, args)
        found = interchange.load_file(path, today=max(as_of, date.today()))
        if len(found) != 1:
            raise SystemExit(f"courtapp assess: {path} holds {len(found)} cases; give a file with one case")
        case = found[0]
        grace = _grace_from_listings(path)
        results = assess_case(case, as_of, grace_until=grace)
    else:
        from courtapp.core.services import listing

        ctx = open_context(args)
        rec = cases.get_case(ctx.uow(), acting(ctx), case_number=args.source)
        case = rec.case
        results = listing.assess(ctx.uow(), acting(ctx), rec.id, as_of)  # with stored grace periods
    if args.json:
        for a in results:  # JSON Lines: one object per respondent
            print(json.dumps(a.to_json(), ensure_ascii=False))
        return 0
    lang = lang_of(args)
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
    except (ValueError, RecursionError):  # already refused by load_file
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


def register(sub: SubParsers) -> None:
    imp = sub.add_parser("import", help="import cases from interchange v1 JSON or JSON Lines (all or nothing)")
    imp.add_argument("file", help="a .json file (one case or a list) or a .jsonl file")
    imp.add_argument("--dry-run", action="store_true", help="validate only; write nothing")
    imp.set_defaults(func=cmd_import)

    exp = sub.add_parser("export", help="export cases in interchange v1")
    exp.add_argument("case_numbers", nargs="*", metavar="CASE_NUMBER")
    exp.add_argument("--all", action="store_true",
                     help="every case of the database, in case-number order, with its petitions "
                          "and register of documents; deterministic (same content, same bytes)")
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
