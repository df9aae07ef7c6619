"""The limits on what courtapp accepts, stated once (issue 10 §6).

Every value that enters from outside (an interchange file, a command-line
option, a file handed in at the counter) is held to these bounds before it
reaches a service or the database.  Each limit says why it is what it is;
``docs/interchange.md`` ("Limits") repeats the table for users, and
``tests/unit/test_limits.py`` checks that the string limits fit the column
lengths of :mod:`courtapp.core.db.orm`.

A value outside a limit is refused like any other invalid field: a
:class:`~courtapp.core.domain.errors.FieldError` naming the place and one of
the rule codes of :data:`courtapp.core.domain.messages.REFUSALS`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

# ------------------------------------------------------------------ files
#: An interchange file to import.  A case takes 1.5-3 KB of JSON, so this is
#: about 100,000 cases: a whole court's migration in one file.  The file is
#: parsed whole (all or nothing), which takes about 8-10 times its size in
#: memory, so a larger file would exhaust a desk with 4 GB.  Split larger
#: migrations by year.
MAX_IMPORT_BYTES: Final = 256 * 1024 * 1024
#: Cases in one import file (the same 100,000).
MAX_IMPORT_CASES: Final = 100_000

#: One evidence file handed in with a petition.  Stored in the database
#: (``petition_evidence.data``); a scanned 20-page A4 document at 300 dpi in
#: PDF is 5-15 MB.
MAX_EVIDENCE_BYTES: Final = 20 * 1024 * 1024
#: Evidence files of one petition.
MAX_EVIDENCE_FILES: Final = 20

# ------------------------------------------------------------------ JSON
# Nesting: an interchange file is at most 5 levels deep (list > case >
# listings > restrictions > restriction).  Python's parser gives up near
# 1,000 levels (RecursionError); that is refused as ``json.depth``.
#: Items in any one list of a case (parties, obligations, payments...).  With
#: :data:`MAX_AMOUNT` this keeps a case's total due (``cases.due_fen``, a
#: 64-bit integer) below 10**18 fen.
MAX_LIST_ITEMS: Final = 1000
#: The largest integer anywhere in an interchange file (indexes, years): the
#: range of a 32-bit ``INTEGER`` column on PostgreSQL.
MAX_INT: Final = 2**31 - 1

# ---------------------------------------------------------------- strings
#: Names: persons, entities, courts, judges, issuers, document numbers,
#: notified bodies -- ``String(100)`` columns.
MAX_NAME: Final = 100
#: Free text: descriptions, reasons, statements, evidence notes (``Text``
#: columns; bounded so that one field cannot fill a screen or a page).
MAX_TEXT: Final = 2000
#: Any string read from an interchange file, before the field's own limit is
#: checked: a 10 MB string is refused at once, not carried through validation.
MAX_ANY_STRING: Final = MAX_TEXT
#: A case number (``cases.case_number`` is ``String(40)``).
MAX_CASE_NUMBER: Final = 40
#: Evidence file names (``petition_evidence.name`` is ``String(200)``).
MAX_FILE_NAME: Final = 200

# ------------------------------------------------------------------ money
#: Any single amount: below ten trillion yuan (10**15 fen fits a 64-bit
#: integer 9,000 times over).  Larger input is a typo.
MAX_AMOUNT: Final = Decimal("10000000000000")

# ------------------------------------------------------------------ dates
#: The earliest date any record can bear: the founding of the People's
#: Republic (1949-10-01); no enforcement case of a people's court is older.
#: (A birth date in a resident ID number is checked by its own rule, R-I1.)
MIN_DATE: Final = date(1949, 10, 1)
#: How far ahead a date may lie.  The furthest date courtapp keeps is the end
#: of a listing term: at most 5 years (2 years, extended by up to 3, 2017
#: Provisions Art. 2) after a decision, plus a grace period; ten years
#: leaves room for that and stops 9999-12-31 and other typos, which would
#: overflow the calendar arithmetic.
MAX_FUTURE_YEARS: Final = 10


def max_date(today: date | None = None) -> date:
    """The latest acceptable date: ``today`` plus :data:`MAX_FUTURE_YEARS` years."""
    t = today or date.today()
    if t.year + MAX_FUTURE_YEARS > date.max.year:
        return date.max
    try:
        return t.replace(year=t.year + MAX_FUTURE_YEARS)
    except ValueError:  # 29 February
        return t.replace(year=t.year + MAX_FUTURE_YEARS, day=28)


def date_in_range(d: date, today: date | None = None) -> bool:
    return MIN_DATE <= d <= max_date(today)


def date_range_params(today: date | None = None) -> dict[str, str]:
    """The ``{min}``/``{max}`` of the ``date.range`` message."""
    return {"min": MIN_DATE.isoformat(), "max": max_date(today).isoformat()}


__all__ = [
    "MAX_AMOUNT", "MAX_ANY_STRING", "MAX_CASE_NUMBER", "MAX_EVIDENCE_BYTES", "MAX_EVIDENCE_FILES",
    "MAX_FILE_NAME", "MAX_FUTURE_YEARS", "MAX_IMPORT_BYTES", "MAX_IMPORT_CASES", "MAX_INT", "MAX_LIST_ITEMS",
    "MAX_NAME", "MAX_TEXT", "MIN_DATE", "date_in_range", "date_range_params",
    "max_date",
]
