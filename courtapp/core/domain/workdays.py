"""Working days and calendar-day periods, on a calendar that knows 调休.

Pure functions over a :class:`YearCalendar`; the services load it from the
database, where it is seeded from ``chinesecalendar`` (2004–2026) and edited by
an administrator when the State Council publishes the next year.

- R-D1: a "within N working days" deadline counts working days after the
  trigger day (the trigger day itself is not counted), skipping public
  holidays and counting make-up working days.  When a day in the window falls
  in a year with no calendar data, the deadline is computed on weekdays only
  and marked **provisional**, naming the missing years — never silently.
- R-D2 (CPL 2023 Art. 85): a calendar-day period does not count the start day;
  if its last day is a statutory holiday it ends on the first working day
  after.  Whether ordinary weekends count as holidays is not settled in the
  rules (UNCONFIRMED), so it is a parameter (default: they do).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class DayInfo:
    workday: bool
    name: str = ""  # the holiday or the make-up day's holiday, e.g. "国庆节"


@dataclass
class YearCalendar:
    """Known years and their exceptions to the Monday–Friday rule."""

    years: set[int] = field(default_factory=set)
    exceptions: dict[date, DayInfo] = field(default_factory=dict)

    def covers(self, d: date) -> bool:
        return d.year in self.years

    def info(self, d: date) -> DayInfo | None:
        """None when the year has no data."""
        if d.year not in self.years:
            return None
        return self.exceptions.get(d) or DayInfo(workday=d.weekday() < 5)

    def is_workday(self, d: date) -> bool | None:
        i = self.info(d)
        return None if i is None else i.workday

    def is_statutory_holiday(self, d: date) -> bool | None:
        """A named public holiday (not merely a weekend)."""
        i = self.info(d)
        return None if i is None else (not i.workday and bool(i.name))


@dataclass(frozen=True)
class Deadline:
    due: date
    provisional: bool = False
    missing_years: tuple[int, ...] = ()

    def explain(self, lang: str = "en") -> str:
        if not self.provisional:
            return ""
        years = "、".join(str(y) for y in self.missing_years)
        if lang.startswith("zh"):
            return f"{years}年的节假日安排尚未录入，期限暂按周一至周五计算，待录入后确定。"
        years_en = ", ".join(str(y) for y in self.missing_years)
        return (f"No holiday calendar for {years_en}: the deadline is provisional, counted on "
                "weekdays only, until an administrator enters that year.")


def add_working_days(cal: YearCalendar, start: date, n: int) -> Deadline:
    """The ``n``-th working day after ``start`` (R-D1; ``start`` not counted)."""
    if n < 0:
        raise ValueError("n must be 0 or more")
    d, counted, missing = start, 0, set()
    while counted < n:
        d += timedelta(days=1)
        w = cal.is_workday(d)
        if w is None:
            missing.add(d.year)
            w = d.weekday() < 5
        if w:
            counted += 1
    return Deadline(d, bool(missing), tuple(sorted(missing)))


def period_end(cal: YearCalendar, start: date, days: int, *,
               weekends_are_holidays: bool = True) -> Deadline:
    """The last day of a ``days``-day period starting on ``start`` (R-D2, CPL 2023 Art. 85)."""
    if days < 1:
        raise ValueError("days must be 1 or more")
    d = start + timedelta(days=days)
    missing: set[int] = set()

    def rest(day: date) -> bool:
        i = cal.info(day)
        if i is None:
            missing.add(day.year)
            return weekends_are_holidays and day.weekday() >= 5
        if weekends_are_holidays:
            return not i.workday
        return not i.workday and bool(i.name)

    while rest(d):
        d += timedelta(days=1)
    return Deadline(d, bool(missing), tuple(sorted(missing)))


def working_days_between(cal: YearCalendar, start: date, end: date) -> tuple[int, bool]:
    """Working days after ``start`` up to and including ``end``; and whether any was guessed."""
    n, guessed, d = 0, False, start
    while d < end:
        d += timedelta(days=1)
        w = cal.is_workday(d)
        if w is None:
            guessed, w = True, d.weekday() < 5
        n += 1 if w else 0
    return n, guessed


def year_exceptions(year: int, holidays: Iterable[tuple[date, str]],
                    makeup_workdays: Iterable[tuple[date, str]]) -> dict[date, DayInfo]:
    """Exceptions for one year from the State Council's schedule: the holidays
    (rest days, including weekend days inside a holiday) and the make-up working
    days (调休上班).  Raises ValueError for a date outside ``year`` or listed twice."""
    out: dict[date, DayInfo] = {}
    for d, name in holidays:
        if d.year != year:
            raise ValueError(f"{d.isoformat()} is not in {year}")
        if d in out:
            raise ValueError(f"{d.isoformat()} is listed twice")
        out[d] = DayInfo(False, name)
    for d, name in makeup_workdays:
        if d.year != year:
            raise ValueError(f"{d.isoformat()} is not in {year}")
        if d in out:
            raise ValueError(f"{d.isoformat()} is both a holiday and a working day")
        out[d] = DayInfo(True, name)
    return out
