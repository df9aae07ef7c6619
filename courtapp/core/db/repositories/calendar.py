"""The working-day calendar (RULES.md R-D1): the years known and their exceptions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from courtapp.core.db.orm import CalendarDayRow, CalendarYearRow
from courtapp.core.domain.workdays import DayInfo, YearCalendar


class CalendarRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def load(self, years: range | None = None) -> YearCalendar:
        """The calendar (all years, or those in ``years``)."""
        q_years = select(CalendarYearRow.year)
        q_days = select(CalendarDayRow)
        if years is not None:
            q_years = q_years.where(CalendarYearRow.year.between(years.start, years.stop - 1))
            q_days = q_days.where(CalendarDayRow.day.between(date(years.start, 1, 1),
                                                             date(years.stop - 1, 12, 31)))
        known = set(self._s.scalars(q_years))
        exceptions = {r.day: DayInfo(r.workday, r.name) for r in self._s.scalars(q_days)
                      if r.day.year in known}
        return YearCalendar(known, exceptions)

    def known_years(self) -> set[int]:
        return set(self._s.scalars(select(CalendarYearRow.year)))

    def years(self) -> list[tuple[int, str, int]]:
        """Each known year with its source and number of exceptions."""
        counts = dict(self._s.execute(
            select(func.extract("year", CalendarDayRow.day), func.count())
            .group_by(func.extract("year", CalendarDayRow.day))).all())
        return [(r.year, r.source, int(counts.get(r.year, 0)))
                for r in self._s.scalars(select(CalendarYearRow).order_by(CalendarYearRow.year))]

    def source(self, year: int) -> str | None:
        row = self._s.get(CalendarYearRow, year)
        return row.source if row is not None else None

    def set_year(self, year: int, exceptions: dict[date, DayInfo], *, source: str, by: str,
                 at: datetime) -> None:
        """Enter or replace one year's exceptions."""
        self._s.execute(delete(CalendarDayRow).where(
            CalendarDayRow.day.between(date(year, 1, 1), date(year, 12, 31))))
        for d, info in sorted(exceptions.items()):
            self._s.add(CalendarDayRow(day=d, workday=info.workday, name=info.name))
        row = self._s.get(CalendarYearRow, year)
        if row is None:
            self._s.add(CalendarYearRow(year=year, source=source, updated_at=at, updated_by=by))
        else:
            row.source, row.updated_at, row.updated_by = source, at, by
