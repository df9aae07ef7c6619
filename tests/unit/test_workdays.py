"""Working days and periods (RULES.md R-D1, R-D2), on real 2026 dates, and
Hypothesis property tests against chinesecalendar's own answers for 2004–2026."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from courtapp.core.domain.workdays import (
    DayInfo,
    YearCalendar,
    add_working_days,
    period_end,
    working_days_between,
    year_exceptions,
)


def cal_2026() -> YearCalendar:
    """The State Council's 2026 schedule for the days these tests touch."""
    holidays = [(date(2026, 1, 1), "元旦"), (date(2026, 1, 2), "元旦"), (date(2026, 1, 3), "元旦")]
    holidays += [(date(2026, 2, d), "春节") for d in range(15, 24)]
    holidays += [(date(2026, 10, d), "国庆节") for d in range(1, 8)]
    makeup = [(date(2026, 1, 4), "元旦"), (date(2026, 2, 14), "春节"), (date(2026, 2, 28), "春节"),
              (date(2026, 9, 20), "国庆节"), (date(2026, 10, 10), "国庆节")]
    return YearCalendar({2026}, year_exceptions(2026, holidays, makeup))


def test_R_D1_three_working_days_after_30_september_2026_is_10_october() -> None:
    d = add_working_days(cal_2026(), date(2026, 9, 30), 3)
    assert d.due == date(2026, 10, 10) and not d.provisional  # across National Day, a make-up Saturday


def test_R_D1_the_trigger_day_is_not_counted_and_make_up_sundays_count() -> None:
    cal = cal_2026()
    assert add_working_days(cal, date(2026, 9, 17), 1).due == date(2026, 9, 18)  # Thu -> Fri
    assert add_working_days(cal, date(2026, 9, 18), 1).due == date(2026, 9, 20)  # make-up Sunday
    assert add_working_days(cal, date(2026, 2, 13), 3).due == date(2026, 2, 25)  # across 春节
    assert add_working_days(cal, date(2026, 9, 30), 0).due == date(2026, 9, 30)


def test_R_D1_a_deadline_crossing_into_a_year_without_data_is_provisional() -> None:
    d = add_working_days(cal_2026(), date(2026, 12, 30), 3)
    assert d.provisional and d.missing_years == (2027,)
    assert d.due == date(2027, 1, 4)  # Thu 31 Dec, then Fri 1 and Mon 4 Jan counted as weekdays
    assert "2027" in d.explain("en") and "2027年" in d.explain("zh")
    full = YearCalendar({2026, 2027}, cal_2026().exceptions | year_exceptions(
        2027, [(date(2027, 1, 1), "元旦")], []))
    firm = add_working_days(full, date(2026, 12, 30), 3)
    assert (firm.due, firm.provisional) == (date(2027, 1, 5), False)


def test_R_D2_the_start_day_is_not_counted_and_a_holiday_rolls_forward() -> None:
    cal = cal_2026()
    assert period_end(cal, date(2026, 3, 2), 15).due == date(2026, 3, 17)
    # 10 days after 2026-09-24 is 2026-10-04, inside National Day: ends on 2026-10-08.
    assert period_end(cal, date(2026, 9, 24), 10).due == date(2026, 10, 8)
    # A Saturday end: by default weekends count as holidays...
    assert period_end(cal, date(2026, 3, 4), 10).due == date(2026, 3, 16)
    # ...and with the stricter reading only statutory holidays roll.
    assert period_end(cal, date(2026, 3, 4), 10, weekends_are_holidays=False).due == date(2026, 3, 14)
    assert period_end(cal, date(2026, 9, 24), 10, weekends_are_holidays=False).due == date(2026, 10, 8)


def test_R_D2_a_period_ending_in_an_unknown_year_is_provisional() -> None:
    d = period_end(cal_2026(), date(2026, 12, 25), 15)
    assert d.provisional and d.missing_years == (2027,)


def test_the_calendar_says_when_it_does_not_know() -> None:
    cal = cal_2026()
    assert cal.info(date(2027, 5, 1)) is None and cal.is_workday(date(2027, 5, 1)) is None
    assert cal.info(date(2026, 10, 10)) == DayInfo(True, "国庆节")
    assert cal.is_statutory_holiday(date(2026, 10, 3)) is True
    assert cal.is_statutory_holiday(date(2026, 3, 7)) is False  # an ordinary Saturday
    assert working_days_between(cal, date(2026, 9, 30), date(2026, 10, 10)) == (3, False)


def test_a_schedule_with_a_date_twice_or_outside_its_year_is_refused() -> None:
    with pytest.raises(ValueError, match="both"):
        year_exceptions(2027, [(date(2027, 2, 6), "春节")], [(date(2027, 2, 6), "春节")])
    with pytest.raises(ValueError, match="not in 2027"):
        year_exceptions(2027, [(date(2026, 2, 6), "春节")], [])


# ------------------------------------------------------------------ Hypothesis
KNOWN = range(2004, 2027)  # what chinesecalendar 1.11 covers (STACK_NOTES)


def _package_calendar() -> YearCalendar:
    """Every year chinesecalendar knows, built as the calendar service seeds it."""
    exceptions: dict[date, DayInfo] = {}
    for d, name in chinese_calendar.holidays.items():
        if d.year in KNOWN and (d.weekday() < 5 or name):
            exceptions[d] = DayInfo(False, str(name or ""))
    for d, name in chinese_calendar.workdays.items():
        if d.year in KNOWN and d.weekday() >= 5:
            exceptions[d] = DayInfo(True, str(name or ""))
    return YearCalendar(set(KNOWN), exceptions)


PACKAGE = _package_calendar()
STARTS = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 11, 30))
ANY_START = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@given(STARTS, st.integers(min_value=1, max_value=20))
def test_R_D1_adding_working_days_never_lands_on_a_holiday_or_a_rest_day(start: date, n: int) -> None:
    d = add_working_days(PACKAGE, start, n)
    assert d.due > start and not d.provisional
    assert chinese_calendar.is_workday(d.due)  # the package itself is the oracle
    # Exactly n working days after the trigger day, the last of them the due day.
    days = [start + timedelta(days=k) for k in range(1, (d.due - start).days + 1)]
    assert sum(1 for x in days if chinese_calendar.is_workday(x)) == n
    assert working_days_between(PACKAGE, start, d.due) == (n, False)


@given(ANY_START, st.integers(min_value=0, max_value=15), st.integers(min_value=0, max_value=15))
def test_R_D1_the_due_day_grows_with_n_and_is_provisional_exactly_outside_known_years(
        start: date, m: int, n: int) -> None:
    a, b = add_working_days(PACKAGE, start, m), add_working_days(PACKAGE, start, n)
    if m <= n:
        assert a.due <= b.due
    touched = {(start + timedelta(days=k)).year for k in range(1, (b.due - start).days + 1)}
    assert b.provisional == bool(touched - set(KNOWN))
    assert set(b.missing_years) == touched - set(KNOWN)
    if n:
        info = PACKAGE.info(b.due)
        assert (info.workday if info else b.due.weekday() < 5)


@given(STARTS, STARTS)
def test_R_D1_adding_working_days_is_monotone_in_the_trigger_day(a: date, b: date) -> None:
    if a <= b:
        assert add_working_days(PACKAGE, a, 3).due <= add_working_days(PACKAGE, b, 3).due


@given(STARTS, st.integers(min_value=1, max_value=30))
def test_R_D2_a_calendar_day_period_ends_on_a_working_day_and_only_rolls_over_rest_days(
        start: date, days: int) -> None:
    d = period_end(PACKAGE, start, days)
    nominal = start + timedelta(days=days)
    assert d.due >= nominal and chinese_calendar.is_workday(d.due)
    assert all(not chinese_calendar.is_workday(nominal + timedelta(days=k))
               for k in range((d.due - nominal).days))
