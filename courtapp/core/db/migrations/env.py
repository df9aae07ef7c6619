"""Alembic environment.  The connection is handed in by courtapp.core.db.migrate."""

from alembic import context

from courtapp.core.db.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic` run by hand
    from courtapp.core.db.engine import make_engine

    connection = make_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
