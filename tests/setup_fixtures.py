"""An empty PostgreSQL database for the set-up tests (the wizard runs the migrations).

A test that needs PostgreSQL runs wherever ``COURTAPP_TEST_DATABASE_URL`` is
set; it is skipped only on a developer machine without it, never in CI
(``CI`` set), where a missing server fails the test instead."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

PG_URL = os.environ.get("COURTAPP_TEST_DATABASE_URL")


@dataclass(frozen=True)
class EmptyPg:
    host: str
    port: int
    name: str
    user: str
    password: str


@pytest.fixture
def empty_pg() -> Iterator[EmptyPg]:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("COURTAPP_TEST_DATABASE_URL is not set in CI (.ci/run sets it)")
        pytest.skip("needs COURTAPP_TEST_DATABASE_URL (PostgreSQL; set by .ci/run)")
    from sqlalchemy.engine import make_url

    with fresh_pg_url("s") as url:
        u = make_url(url)
        yield EmptyPg(u.host or "127.0.0.1", u.port or 5432, u.database or "", u.username or "",
                      u.password or "")


@contextmanager
def fresh_pg_url(prefix: str = "t") -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database on the test server, dropped afterwards."""
    from sqlalchemy import create_engine, text

    from courtapp.core.db.engine import normalise_url

    assert PG_URL
    base = normalise_url(PG_URL)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
