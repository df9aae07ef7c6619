"""Engine construction.  Built in the composition root, never at import time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

#: Seconds to wait for a PostgreSQL server to answer a new connection, and for
#: SQLite to get the write lock another desk holds (issue 10 §2), before the
#: command ends with one line instead of hanging.
CONNECT_TIMEOUT = 10
SQLITE_LOCK_TIMEOUT = 30


def sqlite_url(path: str) -> str:
    return f"sqlite+pysqlite:///{path}"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and use psycopg 3 for them; a
    plain file path (no ``scheme://``) is a SQLite database file."""
    if "://" not in url:
        return sqlite_url(str(Path(url).expanduser().resolve()))
    u = make_url(url)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for SQLite (WAL, foreign keys, pooled connections) or PostgreSQL."""
    url = normalise_url(url)
    kind = make_url(url).get_backend_name()
    if kind == "sqlite":
        # Pooled: a unit of work reuses an open connection instead of opening
        # the file and setting the pragmas again (an exact lookup was 11x raw).
        file_db = make_url(url).database not in (None, "", ":memory:")
        engine = create_engine(url, echo=echo, **({"pool_size": 5, "max_overflow": 10} if file_db else {}),
                               connect_args={"check_same_thread": False,
                                             "timeout": SQLITE_LOCK_TIMEOUT})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            # Names and numbers are matched by prefix with LIKE 'x%'; with
            # case-sensitive LIKE, SQLite can use the plain b-tree index.
            cur.execute("PRAGMA case_sensitive_like=ON")
            cur.close()

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5,
                         connect_args={"connect_timeout": CONNECT_TIMEOUT})
