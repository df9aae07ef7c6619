"""Use cases for the monthly statistics (issue 11 §1): the report, its trend, its files.

Reading the statistics needs ``CASE_VIEW`` (every role may see the Reports
page).  The figures and their definitions: :mod:`courtapp.core.reports.monthly`
and ``docs/statistics.md``.  Each figure is one SQL aggregate, read in one
transaction so that the figures agree with each other.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain import limits
from courtapp.core.domain.errors import ErrorCollector, ValidationError
from courtapp.core.domain.messages import refusal
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.reports import monthly as mo
from courtapp.core.reports import render
from courtapp.core.reports.monthly import Month, MonthlyReport, TrendPoint

TREND_MONTHS = 12


def parse_month(text: str, field: str = "month") -> Month:
    """``YYYY-MM``, refused with a message naming the field; a month outside
    the date limits (:mod:`courtapp.core.domain.limits`) too."""
    e = ErrorCollector()
    try:
        month = Month.parse(text)
    except ValueError:
        e.add(field, "report.month", f"{text!r} is not a month: write YYYY-MM, e.g. 2026-11",
              f"“{text}”不是有效的月份，应写作YYYY-MM，例如2026-11")
        raise ValidationError(e.errors) from None
    if not limits.date_in_range(month.first):
        e.add(field, "date.range", *refusal("date.range", **limits.date_range_params()))
        raise ValidationError(e.errors)
    return month


def _check_court(uow: UnitOfWork, court: str | None) -> None:
    if court is None:
        return
    if mo.court_name(uow, court) is None:
        e = ErrorCollector()
        e.add("court", "report.court_unknown", f"no case of court {court} is in the database",
              f"数据库中没有法院代字为{court}的案件")
        e.raise_if_any()


def monthly_report(uow: UnitOfWork, actor: Actor, month: Month, *, court: str | None = None,
                   today: date | None = None) -> MonthlyReport:
    """Every figure of ``month`` for ``court`` (None: every court in the database)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        _check_court(uow, court)
        return mo.monthly(uow, month, court, today=today)


def trend(uow: UnitOfWork, actor: Actor, last: Month, *, court: str | None = None,
          months: int = TREND_MONTHS) -> list[TrendPoint]:
    """Added, removed, listed at the month's end and the grace outcome, month by month."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        _check_court(uow, court)
        return mo.trend(uow, last, court, months)


def report_with_trend(uow: UnitOfWork, actor: Actor, month: Month, *, court: str | None = None,
                      today: date | None = None) -> tuple[MonthlyReport, list[TrendPoint]]:
    """The month's report and the 12 months ending with it, in one transaction."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        _check_court(uow, court)
        return (mo.monthly(uow, month, court, today=today),
                mo.trend(uow, month, court, TREND_MONTHS))


def courts(uow: UnitOfWork, actor: Actor) -> list[tuple[str, str]]:
    """The courts whose cases are in the database: (code, name)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return mo.courts(uow)


def format_of(path: str | Path) -> str:
    """pdf, xlsx or csv from the file name; refused naming the field otherwise."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in render.FORMATS:
        e = ErrorCollector()
        e.add("output", "report.format", f"{Path(path).name}: the report is written as .pdf, .xlsx or .csv",
              f"{Path(path).name}：报表只能写为 .pdf、.xlsx 或 .csv 文件")
        e.raise_if_any()
    return suffix


def render_file(report: MonthlyReport, trend_points: list[TrendPoint], fmt: str,
                lang: str = "zh") -> bytes:
    """The report's bytes as ``fmt`` (pdf, xlsx, csv).  Pure: no database."""
    return render.render(report, trend_points, fmt, lang)


def write_report(uow: UnitOfWork, actor: Actor, month: Month, path: str | Path, *,
                 court: str | None = None, lang: str = "zh", today: date | None = None) -> Path:
    """Compute and write the report to ``path`` (its suffix says the format)."""
    fmt = format_of(path)
    report, points = report_with_trend(uow, actor, month, court=court, today=today)
    out = Path(path)
    out.write_bytes(render_file(report, points, fmt, lang))
    return out


__all__ = ["Month", "MonthlyReport", "TrendPoint", "courts", "format_of", "monthly_report",
           "parse_month", "render_file", "report_with_trend", "trend", "write_report"]
