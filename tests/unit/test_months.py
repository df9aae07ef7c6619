"""Month arithmetic (RULES.md R-L15) and the grace period it measures (R-L7).

Every day of a leap year (2024) and a common year (2025) is tried for 1, 2 and
3 months, through the pure functions and through ``check_listing`` as a
president's signature runs it; Hypothesis then tries dates far and wide.
"""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courtapp.core import interchange
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    Restriction,
    RestrictionItem,
    check_listing,
    grace_on_signing,
    grace_valid,
)
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.months import add_months, add_years, whole_months, within_months

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"
YEARS = (2024, 2025)  # a leap year and a common year


def every_day(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=n) for n in range(366 if calendar.isleap(year) else 365)]


ALL_DAYS = [d for y in YEARS for d in every_day(y)]
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


# --------------------------------------------------------------- add_months
@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2024, 1, 29), 1, date(2024, 2, 29)),
    (date(2025, 1, 29), 1, date(2025, 2, 28)),
    (date(2025, 1, 30), 1, date(2025, 2, 28)),
    (date(2026, 3, 31), 1, date(2026, 4, 30)),
    (date(2026, 5, 31), 1, date(2026, 6, 30)),
    (date(2026, 8, 31), 1, date(2026, 9, 30)),
    (date(2026, 10, 31), 1, date(2026, 11, 30)),
    (date(2025, 12, 31), 2, date(2026, 2, 28)),
    (date(2025, 11, 30), 3, date(2026, 2, 28)),
    (date(2026, 3, 31), 6, date(2026, 9, 30)),  # the Art. 10 para. 4 bar
    (date(2026, 9, 30), 6, date(2027, 3, 30)),
    (date(2026, 5, 6), 2, date(2026, 7, 6)),
    (date(2026, 3, 31), -1, date(2026, 2, 28)),
])
def test_R_L15_months_end_on_the_corresponding_day_or_the_months_last_day(
        start: date, months: int, end: date) -> None:
    assert add_months(start, months) == end


def test_R_L15_a_year_is_twelve_months_and_29_february_ends_on_28_february() -> None:
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2026, 5, 6), 5) == date(2031, 5, 6)


@pytest.mark.parametrize("months", [1, 2, 3])
@pytest.mark.parametrize("year", YEARS)
def test_R_L15_every_day_of_a_leap_and_a_common_year_plus_1_to_3_months(year: int, months: int) -> None:
    for d in every_day(year):
        end = add_months(d, months)
        m = d.month - 1 + months
        y, m = year + m // 12, m % 12 + 1
        last = calendar.monthrange(y, m)[1]
        assert (end.year, end.month) == (y, m)
        assert end.day == min(d.day, last)
        assert whole_months(d, end) == months
        assert within_months(d, end, 1, 3) and grace_valid(d, end)


@pytest.mark.parametrize("year", YEARS)
def test_R_L7_a_grace_outside_one_to_three_months_is_refused_on_every_day(year: int) -> None:
    for d in every_day(year):
        assert not grace_valid(d, add_months(d, 1) - timedelta(days=1))
        assert not grace_valid(d, add_months(d, 3) + timedelta(days=1))
        assert not grace_valid(d, d)


def test_whole_months_is_none_for_a_length_that_is_not_whole_months() -> None:
    assert whole_months(date(2025, 1, 31), date(2025, 2, 27)) is None
    assert whole_months(date(2025, 1, 31), date(2025, 1, 30)) is None
    assert whole_months(date(2025, 2, 28), date(2025, 3, 28)) == 1
    assert whole_months(date(2025, 2, 28), date(2025, 3, 31)) is None


# ------------------------------------------ R-L7 through check_listing on signing
@pytest.fixture(scope="module")
def case() -> EnforcementCase:
    """A case whose respondent 0 is listable on ground (3) on every day of 2024–2025."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc |= {"case_number": "(2023)京0105执12号", "filed_on": "2023-01-02",
            "basis": doc["basis"] | {"effective_on": "2022-12-20"},
            "execution_notice": {"issued_on": "2023-01-03", "served_on": "2023-01-04",
                                 "service_method": "direct", "deadline": "2023-01-20"},
            "payments": [], "property": [], "security": [],
            "conduct": [{"type": "asset_transfer", "on": "2023-02-01", "description": "转移存款",
                         "respondent": 0}],
            "findings": []}
    return interchange.loads(json.dumps(doc, ensure_ascii=False), today=date(2026, 1, 1))[0]


def signed(case: EnforcementCase, on: date, grace_until: date) -> list[str]:
    listing = Listing(respondent=0, grounds=[3], decided_on=on, signed_by="钱院长", term_years=2,
                      grace_until=grace_until, status=ListingStatus.AWAITING_PUBLICATION,
                      restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, on)])
    return [e.rule for e in check_listing(case, listing)]


@pytest.mark.parametrize("months", [1, 2, 3])
def test_R_L7_a_president_can_sign_a_grace_of_1_to_3_months_decided_on_any_day(
        case: EnforcementCase, months: int) -> None:
    """The bug of issue 9: a one-month grace decided on 29–31 January, or on the 31st
    of March, May or August, could not be signed."""
    for d in ALL_DAYS:
        drafted = add_months(d, months)
        # Signed on the day it was drafted, and a few days later (the grace is re-granted).
        for later in (0, 1, 3):
            on = d + timedelta(days=later)
            grace = grace_on_signing(d, drafted, on)
            assert grace == add_months(on, months), (d, on)
            assert signed(case, on, grace) == [], (d, on, grace)


@pytest.mark.parametrize(("decided", "grace"), [
    (date(2025, 1, 29), date(2025, 2, 28)), (date(2025, 1, 30), date(2025, 2, 28)),
    (date(2025, 1, 31), date(2025, 2, 28)), (date(2024, 1, 31), date(2024, 2, 29)),
    (date(2025, 3, 31), date(2025, 4, 30)), (date(2025, 5, 31), date(2025, 6, 30)),
    (date(2025, 8, 31), date(2025, 9, 30)),
])
def test_R_L7_the_reported_one_month_graces_are_valid(case: EnforcementCase, decided: date,
                                                      grace: date) -> None:
    assert signed(case, decided, grace) == []


def test_R_L7_a_grace_of_more_than_three_months_or_less_than_one_is_refused(
        case: EnforcementCase) -> None:
    on = date(2025, 1, 31)
    assert signed(case, on, date(2025, 4, 30)) == []  # three months
    assert signed(case, on, date(2025, 5, 1)) == ["listing.grace_range"]
    assert signed(case, on, date(2025, 2, 27)) == ["listing.grace_range"]


def test_R_L7_a_grace_that_is_not_whole_months_keeps_its_days_when_signed_later() -> None:
    assert grace_on_signing(date(2025, 5, 6), date(2025, 6, 20), date(2025, 5, 12)) == \
        date(2025, 6, 26)


# ------------------------------------------------------------------ Hypothesis
@given(DATES, st.integers(min_value=0, max_value=120))
def test_R_L15_add_months_lands_on_the_same_day_or_the_months_last_day(d: date, n: int) -> None:
    end = add_months(d, n)
    assert (end.year * 12 + end.month) - (d.year * 12 + d.month) == n
    last = calendar.monthrange(end.year, end.month)[1]
    assert end.day == d.day or (end.day == last and d.day > last)
    assert whole_months(d, end) == n


@given(DATES, DATES, st.integers(min_value=0, max_value=60))
def test_R_L15_add_months_is_monotone_in_the_date(a: date, b: date, n: int) -> None:
    if a <= b:
        assert add_months(a, n) <= add_months(b, n)


@given(DATES, st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=60))
def test_R_L15_add_months_is_monotone_in_the_months(d: date, m: int, n: int) -> None:
    if m <= n:
        assert add_months(d, m) <= add_months(d, n)


@given(DATES, st.sampled_from([1, 2, 3]))
def test_R_L7_one_to_three_months_from_any_date_is_always_a_valid_grace(d: date, k: int) -> None:
    assert grace_valid(d, add_months(d, k))
    assert not grace_valid(d, add_months(d, 1) - timedelta(days=1))
    assert not grace_valid(d, add_months(d, 3) + timedelta(days=1))


@given(DATES, st.sampled_from([1, 2, 3]), st.integers(min_value=0, max_value=400))
def test_R_L7_a_grace_re_granted_on_a_later_signature_keeps_its_months(d: date, k: int,
                                                                      delay: int) -> None:
    on = d + timedelta(days=delay)
    g = grace_on_signing(d, add_months(d, k), on)
    assert g == add_months(on, k) and grace_valid(on, g)
