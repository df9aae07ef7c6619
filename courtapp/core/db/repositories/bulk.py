"""Bulk writes shared by the repositories (import): plain multi-row inserts."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session


def insert_rows(session: Session, mapped: type[Any], rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dictionaries with the same keys) into ``mapped``'s table by one
    Core executemany in the session's transaction: no ORM objects, no flush."""
    if rows:
        session.execute(insert(cast(Table, mapped.__table__)), rows)


def new_ids(session: Session, table: Any, n: int) -> list[int]:
    """``n`` ids for new rows of ``table`` (a mapped class), to insert without RETURNING.

    PostgreSQL takes them from the table's sequence (safe beside other writers).
    SQLite has one writer at a time: the ids follow the largest in this
    transaction's snapshot, and a writer that committed meanwhile makes this
    transaction's first write fail (SQLITE_BUSY_SNAPSHOT) rather than collide.
    """
    if n <= 0:
        return []
    name = table.__tablename__
    if session.get_bind().dialect.name == "postgresql":
        return list(session.scalars(
            select(func.nextval(func.pg_get_serial_sequence(name, "id")))
            .select_from(func.generate_series(1, n))))
    start = int(session.scalar(select(func.coalesce(func.max(table.id), 0))) or 0) + 1
    return list(range(start, start + n))
