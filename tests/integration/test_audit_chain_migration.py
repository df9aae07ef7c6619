"""Migration 0014 chains the audit rows a database already holds (R-R6); on
PostgreSQL its trigger refuses UPDATE and DELETE of audit rows."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from courtapp.core.db import migrate
from courtapp.core.db.engine import make_engine
from courtapp.core.db.uow import UnitOfWork


def test_rows_written_before_0014_are_chained_and_verify(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        migrate.upgrade(engine, "0012_statistics")
        with engine.begin() as c:
            for seq, who in ((1, "console:a"), (2, "zhao"), (5, "qian")):  # a gap, as a rollback leaves
                c.execute(text("insert into audit_log (seq, at, username, action, entity_type, "
                               "entity_id, after) values (:s, :at, :u, 'case.create', 'case', "
                               ":e, '{}')"),
                          {"s": seq, "at": f"2026-03-0{seq} 08:30:00.123456", "u": who,
                           "e": f"(2026)京0105执{seq}号"})
        migrate.upgrade(engine)
        with UnitOfWork(engine) as u:
            result = u.audit.verify()
        assert result.intact and result.records == 3
        with engine.connect() as c:
            head = c.execute(text("select seq, row_hash from audit_head")).one()
            last = c.execute(text("select seq, row_hash from audit_log order by seq desc")).first()
        assert tuple(head) == tuple(last)
    finally:
        engine.dispose()


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log"])
def test_the_trigger_stands_on_an_upgraded_database(empty_database_url: str, statement: str) -> None:
    from sqlalchemy.exc import DatabaseError

    engine = make_engine(empty_database_url)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        pytest.skip("on SQLite the chain alone guards the audit log (migration 0014)")
    try:
        migrate.upgrade(engine)
        with UnitOfWork(engine) as u:
            u.settings.put("x", "1")
            from courtapp.core.domain.roles import Actor

            u.audit.add(Actor("t", frozenset()), "setting.change", "setting", "x")
            u.commit()
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as c:
            c.execute(text(statement))
    finally:
        engine.dispose()
