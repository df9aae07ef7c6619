"""Periods of months and years: the one rule every "N months" in courtapp follows.

RULES.md R-L15 (Civil Code Arts. 201–203 practice): a period of N months
ends on the day of the later month with the same number; if that month has no
such day, on its last day.  31 January + 1 month is 28 (or 29) February,
31 March + 1 month is 30 April, 29 February + 12 months is 28 February.  The
start day itself is not counted (Art. 201), so the period "from" a day ends on
that corresponding day.  A year is twelve months.

Every period of months in the app goes through :func:`add_months`:
- grace periods of 1–3 months (2019 Opinion item 15; R-L7), proposed,
  validated and re-granted on signing;
- listing terms of 2 years plus an extension of 1–3 years (2017 Art. 2
  para. 1; R-L4) — see :meth:`courtapp.core.domain.listing.Listing.term_end`;
- the 6-month bar on a creditor's re-listing application after a deletion at
  the creditor's request (2017 Art. 10 para. 4; R-R3);
- restriction periods stated in months.

Pure: no Qt, no database.
"""

from __future__ import annotations

import calendar
from datetime import date


def add_months(d: date, months: int) -> date:
    """The day ``months`` after ``d``: the same day of the month, or the month's last day.

    ``months`` may be negative (the same rule backwards).  Never raises for a
    date the calendar can hold.
    """
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_years(d: date, years: int) -> date:
    """``years`` years after ``d`` (29 February → 28 February in a common year)."""
    return add_months(d, 12 * years)


def within_months(start: date, end: date, low: int, high: int) -> bool:
    """Whether ``end`` lies between ``low`` and ``high`` months after ``start``, both included.

    A grace period computed with :func:`add_months` from 1 to 3 months is
    always accepted: ``within_months(d, add_months(d, k), 1, 3)`` for k = 1, 2, 3.
    """
    return add_months(start, low) <= end <= add_months(start, high)


def whole_months(start: date, end: date) -> int | None:
    """The ``n`` with ``add_months(start, n) == end`` (0 ≤ n ≤ 1200), or None if there is none.

    31 January → 28 February is one whole month; 28 February → 28 March is one
    too; 31 January → 27 February is none.
    """
    if end < start:
        return None
    n = (end.year - start.year) * 12 + (end.month - start.month)
    return n if 0 <= n <= 1200 and add_months(start, n) == end else None


__all__ = ["add_months", "add_years", "whole_months", "within_months"]
