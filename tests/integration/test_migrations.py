"""Migrations and connection settings on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from courtapp.core.context import AppContext, open_database
from courtapp.core.db import migrate
from courtapp.core.db.engine import make_engine
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.roles import Actor
from courtapp.core.services import cases as svc


def test_an_empty_database_has_no_revision_and_upgrades_to_the_head(
        empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        assert migrate.current_revision(engine) is None
        assert "cases" not in inspect(engine).get_table_names()
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        tables = set(inspect(engine).get_table_names())
        assert {"cases", "persons", "officers", "case_parties", "obligations", "payments",
                "property_items", "securities", "conduct", "findings", "users", "audit_log",
                "settings", "alembic_version"} <= tables
    finally:
        engine.dispose()


def test_open_database_migrates_by_default_and_not_when_told_not_to(
        empty_database_url: str) -> None:
    ctx = open_database(empty_database_url, upgrade=False)
    try:
        assert migrate.current_revision(ctx.engine) is None
    finally:
        ctx.engine.dispose()
    ctx = open_database(empty_database_url)
    try:
        assert migrate.current_revision(ctx.engine) == migrate.head_revision()
    finally:
        ctx.engine.dispose()


def test_upgrading_twice_is_a_no_op_and_keeps_the_data(
        db: AppContext, judge: Actor, make_case: Callable[..., EnforcementCase], today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(1), today=today)
    before_tables = set(inspect(db.engine).get_table_names())
    migrate.upgrade(db.engine)
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert set(inspect(db.engine).get_table_names()) == before_tables
    with db.engine.connect() as c:
        assert c.execute(text("select count(*) from alembic_version")).scalar_one() == 1
        assert c.execute(text("select count(*) from cases")).scalar_one() == 1


def test_the_head_revision_is_the_only_head() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(migrate.MIGRATIONS))
    assert script.get_heads() == [migrate.head_revision()]


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(sqlite_db: AppContext) -> None:
    with sqlite_db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar_one().lower() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_every_new_sqlite_connection_gets_the_pragmas(sqlite_db: AppContext) -> None:
    for _ in range(3):  # NullPool: each connect() is a new SQLite connection
        with sqlite_db.engine.connect() as c:
            assert c.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_a_foreign_key_to_a_missing_row_is_refused(db: AppContext) -> None:
    with db.engine.connect() as c, pytest.raises(IntegrityError):
        c.execute(text(
            "insert into case_parties (id, position, case_id, person_id, side) "
            "values (1, 0, 999, 999, 'applicant')"))
        c.commit()
    with db.engine.connect() as c:
        assert c.execute(text("select count(*) from case_parties")).scalar_one() == 0
