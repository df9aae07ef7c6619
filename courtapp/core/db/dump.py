"""The logical backup file: every table of the database in one gzip JSON Lines file.

One format for SQLite and PostgreSQL, so a backup restores on either::

    {"format": "courtapp-backup", "version": 1, "schema_revision": "0015",
     "created_at": "...", "dialect": "sqlite", "tables": ["users", ...]}
    {"keys": null | {"kdf": "scrypt", ..., "ciphertext": "..."}}
    {"table": "users", "columns": ["id", "username", ...]}
    [1, "judge", ...]                       one JSON array per row, in primary-key order
    {"end": "users", "rows": 6}
    ...
    {"end_of_backup": true, "rows": {"users": 6, ...}}

Tables come in dependency order (parents first), so a restore inserts them as
they come.  Values: dates and times in ISO 8601, bytes in base64, decimals as
strings; the restore turns them back by the column's type.  ``alembic_version``
is not copied: the restore migrates the target to ``schema_revision`` first,
fills it, then migrates it to the newest revision.

The snapshot is consistent: SQLite is first copied with the online backup API
(``sqlite3.Connection.backup``) while desks keep working, and the copy is
read; PostgreSQL is read in one ``REPEATABLE READ, READ ONLY`` transaction.
"""

from __future__ import annotations

import base64
import gzip
import json
import sqlite3
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, MetaData, Table, create_engine, func, select, text
from sqlalchemy.exc import SAWarning
from sqlalchemy.types import Date, DateTime, LargeBinary, Numeric

from courtapp.core import paths
from courtapp.core.db.orm import Base

FORMAT = "courtapp-backup"
VERSION = 1
#: Filled by the application itself on a new database (the calendar by the
#: application, the audit chain's head by migration 0014); replaced by the backup's.
SEEDED_TABLES = ("calendar_days", "calendar_years", "audit_head")
_BATCH = 1000


class BackupError(Exception):
    """A backup that cannot be read or restored (one line for the user)."""


class NotEmpty(BackupError):
    """The target database already holds data."""


@dataclass
class DumpResult:
    rows: dict[str, int] = field(default_factory=dict)
    schema_revision: str | None = None

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _encode(v: Any) -> Any:
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(v)).decode("ascii")
    if isinstance(v, Decimal):
        return str(v)
    return v


def _decoder(col: Any) -> Any:
    t = col.type
    if isinstance(t, DateTime):
        return datetime.fromisoformat
    if isinstance(t, Date):
        return date.fromisoformat
    if isinstance(t, LargeBinary):
        return base64.b64decode
    if isinstance(t, Numeric):
        return Decimal
    return None


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _revision(conn: Connection) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # no alembic_version: a database never migrated
        return None


def _write_tables(conn: Connection, out: IO[str], header: dict[str, Any],
                  keys: dict[str, Any] | None) -> DumpResult:
    result = DumpResult(schema_revision=_revision(conn))
    tables = _tables()
    head = {"format": FORMAT, "version": VERSION, "schema_revision": result.schema_revision,
            **header, "tables": [t.name for t in tables]}
    out.write(json.dumps(head, ensure_ascii=False) + "\n")
    out.write(json.dumps({"keys": keys}) + "\n")
    for t in tables:
        cols = [c.name for c in t.columns]
        out.write(json.dumps({"table": t.name, "columns": cols}) + "\n")
        n = 0
        q = select(*t.columns).order_by(*(t.primary_key.columns or t.columns))
        for row in conn.execution_options(stream_results=True, yield_per=_BATCH).execute(q):
            out.write(json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n")
            n += 1
        out.write(json.dumps({"end": t.name, "rows": n}) + "\n")
        result.rows[t.name] = n
    out.write(json.dumps({"end_of_backup": True, "rows": result.rows}) + "\n")
    return result


def dump(engine: Engine, path: Path, header: dict[str, Any],
         keys: dict[str, Any] | None = None) -> DumpResult:
    """Write a consistent snapshot of ``engine``'s database to ``path`` (replaced
    atomically: a half-written backup never takes the name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        with gzip.open(tmp, "wt", encoding="utf-8", newline="\n") as out:
            if engine.dialect.name == "sqlite":
                result = _dump_sqlite(engine, out, header, keys)
            else:
                with engine.connect() as conn:
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
                    with conn.begin():
                        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                        result = _write_tables(conn, out, header, keys)
        paths.put_in_place(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return result


def _dump_sqlite(engine: Engine, out: IO[str], header: dict[str, Any],
                 keys: dict[str, Any] | None) -> DumpResult:
    """Copy the live file with SQLite's online backup API, then read the copy."""
    with tempfile.TemporaryDirectory(prefix="courtapp-backup-") as d:
        copy_path = Path(d) / "snapshot.sqlite"
        raw = engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            target = sqlite3.connect(copy_path)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            raw.close()
        copy = create_engine(f"sqlite+pysqlite:///{copy_path}")
        try:
            with copy.connect() as conn:
                return _write_tables(conn, out, header, keys)
        finally:
            copy.dispose()


# ------------------------------------------------------------------ reading
def _lines(path: Path) -> Iterator[Any]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as e:
        if isinstance(e, FileNotFoundError):
            raise
        raise BackupError(f"{path} is not a readable courtapp backup ({type(e).__name__})") from None


def read_header(path: Path) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The header and the (encrypted) keys of a backup file."""
    lines = _lines(path)
    head = next(lines, None)
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise BackupError(f"{path} is not a courtapp backup")
    if head.get("version") != VERSION:
        raise BackupError(f"{path} is a backup of format version {head.get('version')}; "
                          f"this courtapp reads version {VERSION}")
    keys = next(lines, None)
    return head, keys.get("keys") if isinstance(keys, dict) else None


def non_empty_table(conn: Connection) -> str | None:
    """The first table of the application that holds a row (None: the database is empty)."""
    for t in _tables():
        if t.name in SEEDED_TABLES:
            continue
        if conn.execute(select(func.count()).select_from(t)).scalar():
            return t.name
    return None


def load(engine: Engine, path: Path) -> DumpResult:
    """Fill the (migrated, empty) database of ``engine`` from ``path``, in one
    transaction; raises :class:`NotEmpty` and writes nothing if it holds data."""
    head, _ = read_header(path)
    result = DumpResult(schema_revision=head.get("schema_revision"))
    own = {t.name: t for t in _tables()}
    with engine.begin() as conn:
        occupied = non_empty_table(conn)
        if occupied is not None:
            raise NotEmpty(occupied)
        meta = MetaData()
        with warnings.catch_warnings():  # expression indexes are not needed to insert rows
            warnings.simplefilter("ignore", SAWarning)
            meta.reflect(conn)
        for name in reversed(SEEDED_TABLES):
            if name in meta.tables:
                conn.execute(meta.tables[name].delete())
        table: Table | None = None
        cols: list[str] = []
        decoders: list[Any] = []
        batch: list[dict[str, Any]] = []
        ended = False

        def flush() -> None:
            if batch and table is not None:
                conn.execute(table.insert(), batch)
                batch.clear()

        for item in _lines(path):
            if isinstance(item, list):
                if table is None:
                    raise BackupError(f"{path}: a row outside a table")
                batch.append({c: (v if v is None or dec is None else dec(v))
                              for c, v, dec in zip(cols, item, decoders, strict=True)})
                if len(batch) >= _BATCH:
                    flush()
            elif isinstance(item, dict) and "table" in item:
                name = item["table"]
                if name not in meta.tables:
                    raise BackupError(f"{path}: table {name} is not in this database's schema")
                table = meta.tables[name]
                cols = list(item["columns"])
                ref = own.get(name)
                decoders = [_decoder(ref.columns[c]) if ref is not None and c in ref.columns
                            else None for c in cols]
            elif isinstance(item, dict) and "end" in item:
                flush()
                result.rows[item["end"]] = int(item["rows"])
                table = None
            elif isinstance(item, dict) and item.get("end_of_backup"):
                ended = True
        if not ended:
            raise BackupError(f"{path} is incomplete (no end-of-backup record)")
        if engine.dialect.name == "postgresql":
            _reset_sequences(conn, meta)
    return result


def _reset_sequences(conn: Connection, meta: MetaData) -> None:
    """Each serial column continues after the largest restored value."""
    for t in meta.sorted_tables:
        for c in t.primary_key.columns:
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": t.name, "c": c.name}).scalar()
            if seq:
                conn.execute(text(
                    f'SELECT setval(:s, COALESCE((SELECT MAX("{c.name}") FROM "{t.name}"), 1), '
                    f'(SELECT MAX("{c.name}") FROM "{t.name}") IS NOT NULL)'), {"s": seq})
