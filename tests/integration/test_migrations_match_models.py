"""The shipped Alembic migrations build exactly the schema the models declare."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from courtapp.core.context import AppContext
from courtapp.core.db.orm import Base


def _for_other_dialect(obj: Any, dialect: str) -> bool:
    ddl_if = getattr(obj, "_ddl_if", None)
    return ddl_if is not None and ddl_if.dialect is not None and ddl_if.dialect != dialect


def test_migrated_schema_equals_the_models(db: AppContext) -> None:
    dialect = db.engine.dialect.name
    with db.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "include_object": lambda obj, name, kind, reflected, other:
                not (kind == "index" and _for_other_dialect(obj, dialect)),
        })
        diff = compare_metadata(mc, Base.metadata)
    assert diff == []
