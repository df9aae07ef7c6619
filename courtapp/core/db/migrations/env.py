"""Alembic environment.  The connection is handed in by courtapp.core.db.migrate."""

from alembic import context

from courtapp.core.db.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic` run by hand
    from courtapp.core.db.engine import make_engine

    connection = make_engine(config.get_main_option("sqlalchemy.url")).connect()



def include_object(obj, name, kind, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Skip objects declared for another dialect (``Index(...).ddl_if(dialect=...)``),
    e.g. the PostgreSQL-only pattern indexes of 0001, when autogenerating on SQLite."""
    ddl_if = getattr(obj, "_ddl_if", None)
    return not (ddl_if is not None and ddl_if.dialect not in (None, connection.dialect.name))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
