"""The limits of courtapp.core.domain.limits fit the database columns they guard."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, String

from courtapp.core.db import orm
from courtapp.core.domain import limits
from courtapp.core.domain.money import to_fen


def _length(table: type, column: str) -> int:
    t = getattr(table, "__table__")  # noqa: B009 - the mapped class's Table
    typ = t.c[column].type
    assert isinstance(typ, String) and typ.length, (table, column)
    return int(typ.length)


def test_name_limits_match_the_string_100_columns() -> None:
    for table, column in [(orm.PersonRow, "name"), (orm.CaseRow, "court_name"), (orm.CaseRow, "judge"),
                          (orm.CaseRow, "basis_issuer"), (orm.CaseRow, "basis_document_number"),
                          (orm.CasePartyRow, "notify_body"), (orm.ListingRow, "signed_by")]:
        assert _length(table, column) == limits.MAX_NAME, (table, column)


def test_other_string_limits_fit_their_columns() -> None:
    assert _length(orm.CaseRow, "case_number") == limits.MAX_CASE_NUMBER
    assert _length(orm.PetitionEvidenceRow, "name") == limits.MAX_FILE_NAME
    assert _length(orm.PersonRow, "id_number") == 18 and _length(orm.PersonRow, "credit_code") == 18


def test_the_largest_amounts_fit_the_fen_columns() -> None:
    assert isinstance(orm.CaseRow.__table__.c["due_fen"].type, BigInteger)
    worst_total = to_fen(limits.MAX_AMOUNT) * limits.MAX_LIST_ITEMS
    assert worst_total < 2**63 - 1


def test_the_date_range() -> None:
    assert date(1949, 10, 1) == limits.MIN_DATE
    assert limits.max_date(date(2026, 12, 2)) == date(2036, 12, 2)
    assert limits.max_date(date(2028, 2, 29)) == date(2038, 2, 28)
    assert limits.max_date(date(9995, 1, 1)) == date.max
    assert limits.MAX_INT == 2**31 - 1
