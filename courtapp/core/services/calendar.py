"""The court's working-day calendar, in the database (RULES.md R-D1, R-D2).

Seeded from ``chinesecalendar`` (2004–2026) on first use; an administrator
adds each new year from the State Council's notice, by file or by hand.  Every
deadline is computed against it; a year without data gives a provisional
deadline, never a silent guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from courtapp.core.db.repositories.calendar import CalendarRepository
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.workdays import (
    DayInfo,
    Deadline,
    YearCalendar,
    add_working_days,
    period_end,
    year_exceptions,
)

_ZH_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def seed_from_package(uow: UnitOfWork) -> int:
    """Load every year ``chinesecalendar`` knows that the database lacks; returns years added."""
    import chinese_calendar

    version = getattr(chinese_calendar, "__version__", "")
    by_year: dict[int, dict[date, DayInfo]] = {}
    for d, name in chinese_calendar.holidays.items():
        if d.weekday() >= 5 and not name:
            continue
        by_year.setdefault(d.year, {})[d] = DayInfo(False, _ZH_NAMES.get(name, name or ""))
    for d, name in chinese_calendar.workdays.items():
        if d.weekday() >= 5:  # a weekend working day: 调休
            by_year.setdefault(d.year, {})[d] = DayInfo(True, _ZH_NAMES.get(name, name or ""))
    # Weekend days inside a holiday carry its name too (for the statutory-holiday test).
    with uow:
        known = uow.calendar.known_years()
        added = 0
        now = datetime.now(UTC)
        for year in sorted(by_year):
            if year in known:
                continue
            uow.calendar.set_year(year, by_year[year], source=f"chinesecalendar {version}".strip(),
                                  by="setup", at=now)
            added += 1
        uow.commit()
        return added


def load(uow: UnitOfWork, years: range | None = None) -> YearCalendar:
    """The calendar (all years, or those in ``years``)."""
    with uow:
        return uow.calendar.load(years)


def load_in(uow: UnitOfWork | Session, years: range | None = None) -> YearCalendar:
    """The calendar, read within the caller's open unit of work (services that
    compute deadlines while they change data)."""
    repo = uow.calendar if isinstance(uow, UnitOfWork) else CalendarRepository(uow)
    return repo.load(years)


def years_around(first: date, last: date | None = None) -> range:
    """The years a deadline counted from ``first`` (to ``last``) may touch: one more
    than the last, for a period that crosses New Year."""
    return range(first.year, (last or first).year + 2)


def working_day_deadline(uow: UnitOfWork, start: date, n: int) -> Deadline:
    """``n`` working days after ``start`` (R-D1)."""
    return add_working_days(load(uow, range(start.year, start.year + 2)), start, n)


def calendar_day_deadline(uow: UnitOfWork, start: date, days: int) -> Deadline:
    """A ``days``-day period from ``start`` (R-D2, CPL 2023 Art. 85)."""
    end_year = (start + timedelta(days=days + 30)).year
    return period_end(load(uow, range(start.year, end_year + 1)), start, days)


@dataclass(frozen=True)
class YearStatus:
    year: int
    source: str
    exceptions: int


def years(uow: UnitOfWork) -> list[YearStatus]:
    with uow:
        return [YearStatus(y, source, n) for y, source, n in uow.calendar.years()]


def missing_years(uow: UnitOfWork, today: date) -> list[int]:
    """This year and next, if either has no data (the administrator's alert)."""
    with uow:
        known = uow.calendar.known_years()
    return [y for y in (today.year, today.year + 1) if y not in known]


def parse_schedule(text: str) -> tuple[int, list[tuple[date, str]], list[tuple[date, str]]]:
    """A year's schedule as lines ``YYYY-MM-DD holiday|workday NAME`` (``#`` comments).

    ``holiday`` marks a rest day (including weekend days inside a holiday);
    ``workday`` marks a make-up working day (调休上班).
    """
    e = ErrorCollector()
    holidays: list[tuple[date, str]] = []
    workdays: list[tuple[date, str]] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 2)
        try:
            d = date.fromisoformat(parts[0])
        except (ValueError, IndexError):
            e.add(f"line {n}", "calendar.date", "a line starts with a date YYYY-MM-DD",
                  "每行应以日期（YYYY-MM-DD）开头")
            continue
        kind = parts[1] if len(parts) > 1 else ""
        name = parts[2] if len(parts) > 2 else ""
        if kind not in ("holiday", "workday"):
            e.add(f"line {n}", "calendar.kind", "the second word is holiday or workday",
                  "第二项应为holiday（放假）或workday（调休上班）")
            continue
        (holidays if kind == "holiday" else workdays).append((d, name))
    all_days = [d for d, _ in holidays + workdays]
    if not all_days and not e:
        e.add("$", "calendar.empty", "the schedule lists no day", "未列出任何日期")
    e.raise_if_any()
    found = {d.year for d in all_days}
    if len(found) != 1:
        e.add("$", "calendar.one_year", "a schedule covers exactly one year", "一份安排只能对应一个年度")
        e.raise_if_any()
    return found.pop(), holidays, workdays


def set_year(uow: UnitOfWork, actor: Actor, year: int, holidays: list[tuple[date, str]],
             makeup_workdays: list[tuple[date, str]], *, source: str) -> YearStatus:
    """Enter or replace a year's schedule (the State Council's notice)."""
    require(actor, Permission.SETTINGS_EDIT)
    try:
        exceptions = year_exceptions(year, holidays, makeup_workdays)
    except ValueError as ex:
        e = ErrorCollector()
        e.add("schedule", "calendar.invalid", str(ex), f"节假日安排有误：{ex}")
        e.raise_if_any()
        raise AssertionError("unreachable") from ex
    with uow:
        uow.calendar.set_year(year, exceptions, source=source, by=actor.username,
                              at=datetime.now(UTC))
        uow.audit.add(actor, "calendar.set_year", "calendar", year,
                     after={"holidays": [(d.isoformat(), n) for d, n in holidays],
                            "workdays": [(d.isoformat(), n) for d, n in makeup_workdays]},
                     legal_ground="State Council holiday notice", reason=source)
        uow.commit()
    return YearStatus(year, source, len(exceptions))
