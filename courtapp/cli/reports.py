"""``courtapp report`` and ``public-export``, ``public-search``, ``public-mask``:
the monthly statistics and the public list (issue 11 §§1-2)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

from courtapp.cli.common import SubParsers, acting, database, date_arg, lang_of

if TYPE_CHECKING:
    from courtapp.core.reports.monthly import TrendPoint


def _msg(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def cmd_report(args: argparse.Namespace) -> int:
    """``report monthly``: print the figures, as JSON or a table, and/or write a file."""
    from courtapp.core.reports.render import label, table_rows
    from courtapp.core.services import reports

    lang = lang_of(args)
    doc_lang = args.doc_lang or lang
    month = reports.parse_month(args.month, "--month")
    fmt = reports.format_of(args.output) if args.output else None
    with database(args) as ctx:
        actor = acting(ctx)
        if fmt is None:
            report = reports.monthly_report(ctx.uow(), actor, month, court=args.court)
            points: list[TrendPoint] = []
        else:
            report, points = reports.report_with_trend(ctx.uow(), actor, month, court=args.court)
    if fmt is not None:
        assert args.output is not None
        with open(args.output, "wb") as f:
            f.write(reports.render_file(report, points, fmt, doc_lang))
        print(_msg(lang, f"monthly report {month} written to {args.output}",
                   f"{month}月度统计已写入 {args.output}"), file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    elif fmt is None:
        print(_msg(lang, f"Monthly statistics {month}", f"月度统计 {month}"))
        for code, value in table_rows(report):
            shown = "-" if value is None else value
            print(f"{label(code, lang)}\t{shown}")
    return 0


def _period(args: argparse.Namespace) -> tuple[date, date]:
    start = date_arg(args.date_from, "--from")
    end = date_arg(args.date_to, "--to")
    assert start is not None and end is not None
    return start, end


def cmd_public_export(args: argparse.Namespace) -> int:
    """The public list of the period, Art. 6 fields only, as JSON or CSV."""
    from courtapp.core.services import public_list

    lang = lang_of(args)
    start, end = _period(args)
    as_of = date_arg(args.today, "--today")
    with database(args) as ctx:
        if args.output and args.output != "-":
            result = public_list.export_file(ctx.uow(), acting(ctx), start, end, args.output,
                                             fmt=args.format, as_of=as_of, court=args.court)
        else:
            result = public_list.export(ctx.uow(), acting(ctx), start, end, sys.stdout.buffer,
                                        fmt=args.format, as_of=as_of, court=args.court)
            sys.stdout.flush()
    where = args.output if args.output and args.output != "-" else _msg(lang, "standard output", "标准输出")
    print(_msg(lang, f"{result.entries} public entries ({start} to {end}, ID mask {result.mask}) "
                     f"written to {where}",
               f"已将{result.entries}条公开名单（{start}至{end}，身份证号码显示方式{result.mask}）写入{where}"),
          file=sys.stderr)
    return 0


def cmd_public_search(args: argparse.Namespace) -> int:
    """Published entries by name, ID number, credit code or case number."""
    from courtapp.core.domain import limits
    from courtapp.core.domain.errors import FieldError, ValidationError
    from courtapp.core.domain.messages import refusal
    from courtapp.core.services import public_list

    lang = lang_of(args)
    n = 0
    if len(args.text) > limits.MAX_NAME:  # a name, an ID or a case number: never longer
        raise ValidationError([FieldError("TEXT", "text.too_long", *refusal(
            "text.too_long", size=len(args.text), limit=limits.MAX_NAME))])
    with database(args) as ctx:
        for e in public_list.search_pages(ctx.uow(), acting(ctx), args.text,
                                          as_of=date_arg(args.today, "--today")):
            n += 1
            f = e.fields
            if args.json:
                print(json.dumps(f, ensure_ascii=False))
                continue
            ident = f.get("id_number") or f.get("credit_code") or ""
            print("\t".join([f["name"], ident, f["case_number"], f["published_on"],
                             f["amount_outstanding"], f.get("last_payment_on") or "-"]))
    if not n and not args.json:
        print(_msg(lang, "no published entry matches", "没有符合条件的公开名单信息"), file=sys.stderr)
    return 0


def cmd_public_mask(args: argparse.Namespace) -> int:
    """Show or set how much of a resident ID the public list shows."""
    from courtapp.core.services import public_list

    lang = lang_of(args)
    with database(args) as ctx:
        if args.set:
            mask = public_list.set_mask(ctx.uow(), acting(ctx), args.set)
        else:
            mask = public_list.get_mask(ctx.uow())
    example = mask.apply("110105194912310021")
    print(_msg(lang, f"ID mask {mask}: first {mask.first} and last {mask.last} characters show, e.g. {example}",
               f"身份证号码显示方式 {mask}：显示前{mask.first}位和后{mask.last}位，例如 {example}"))
    return 0


def register(sub: SubParsers) -> None:
    rep = sub.add_parser("report", help="the monthly statistics of the list (JSON, PDF, XLSX, CSV)")
    rs = rep.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    mon = rs.add_parser(
        "monthly", help="a month's figures: listings added and removed, listed at the month's end, "
                        "grace outcome, petitions, deletions, cases",
        description="The monthly statistics for one month and one court (or every court in the "
                    "database); every figure and its definition is in docs/statistics.md.")
    mon.add_argument("--month", required=True, metavar="YYYY-MM", help="the month, e.g. 2026-11")
    mon.add_argument("--court", metavar="CODE", help="only this court's cases, e.g. 京0105 "
                                                     "(default: every court in the database)")
    mon.add_argument("--json", action="store_true", help="print the report as one JSON object")
    mon.add_argument("-o", "--output", metavar="FILE",
                     help="write the report: FILE.pdf (with charts), FILE.xlsx or FILE.csv")
    mon.add_argument("--lang", dest="doc_lang", choices=["zh", "en"],
                     help="language of the file and the table (default: the message language)")
    rep.set_defaults(func=cmd_report)

    exp = sub.add_parser(
        "public-export", help="the public list of a period: Art. 6 fields, ID numbers masked",
        description="Write the entries published from --from to --to (inclusive) that are still "
                    "on the list, with the fields of 2017 Provisions Art. 6 only: a natural "
                    "person's ID number masked in the middle (`courtapp public-mask`), an "
                    "entity's credit code in full, no address, telephone or other personal data.")
    exp.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    exp.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day, YYYY-MM-DD")
    exp.add_argument("--format", choices=["json", "csv"], default="json", help="json (default) or csv")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    exp.add_argument("--court", metavar="CODE", help="only this court's cases")
    exp.add_argument("--today", metavar="DATE", help="the day the export runs for (default today)")
    exp.set_defaults(func=cmd_public_export)

    ps = sub.add_parser("public-search", help="search the published entries by name, ID or case number")
    ps.add_argument("text", metavar="TEXT", help="a name (or its beginning), a full ID number or "
                                                 "credit code, or a case number (执2999, 2999)")
    ps.add_argument("--json", action="store_true", help="one JSON object per entry")
    ps.add_argument("--today", metavar="DATE", help="the day the figures are computed for (default today)")
    ps.set_defaults(func=cmd_public_search)

    pm = sub.add_parser("public-mask", help="show or set how much of an ID number the public list shows")
    pm.add_argument("--set", metavar="FIRST,LAST",
                    help="e.g. 6,4 (the default): first 0-6 and last 0-4 characters show")
    pm.set_defaults(func=cmd_public_mask)
