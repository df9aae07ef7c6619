"""``courtapp calendar``: the working-day calendar."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from courtapp.cli.common import SubParsers, acting, no_such_file, open_context


def cmd_calendar(args: argparse.Namespace) -> int:
    """The working-day calendar: which years are known, one year's days, importing a year."""
    from courtapp.core.services import calendar

    ctx = open_context(args)
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
        raise no_such_file("calendar import", path, args)
    year, holidays, workdays = calendar.parse_schedule(path.read_text(encoding="utf-8"))
    st = calendar.set_year(ctx.uow(), acting(ctx), year, holidays, workdays,
                           source=args.source or f"imported from {path.name}")
    print(f"{st.year}: {len(holidays)} holiday(s), {len(workdays)} make-up working day(s) entered")
    return 0


def register(sub: SubParsers) -> None:
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
