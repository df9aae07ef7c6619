"""The shipped Alembic migrations build exactly the schema the models declare."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from courtapp.core.context import AppContext
from courtapp.core.db.orm import Base


def _for_other_dialect(obj: Any, dialect: str) -> bool:
    ddl_if = getattr(obj, "_ddl_if", None)
    return ddl_if is not None and ddl_if.dialect is not None and ddl_if.dialect != dialect


#: SQLite cannot reflect an index on an expression, so compare_metadata cannot see
#: these there; the test below checks them by name and definition instead.
EXPRESSION_INDEXES = {"ix_cases_deadline_id": "coalesce(notice_deadline, '9999-12-31')"}


@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning",
    "ignore:autogenerate skipping metadata-specified expression-based index:UserWarning")
def test_migrated_schema_equals_the_models(db: AppContext) -> None:
    dialect = db.engine.dialect.name

    def include(obj: Any, name: str | None, kind: str, reflected: bool, other: Any) -> bool:
        if kind == "index" and _for_other_dialect(obj, dialect):
            return False
        return not (kind == "index" and dialect == "sqlite" and name in EXPRESSION_INDEXES)

    with db.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True,
                                                    "include_object": include})
        diff = compare_metadata(mc, Base.metadata)
    assert diff == []


def test_expression_indexes_exist_as_the_models_define_them(sqlite_db: AppContext) -> None:
    with sqlite_db.engine.connect() as conn:
        sql = dict(conn.execute(text("select name, sql from sqlite_master where type = 'index'")).all())
    for name, expression in EXPRESSION_INDEXES.items():
        assert expression in (sql.get(name) or ""), name
