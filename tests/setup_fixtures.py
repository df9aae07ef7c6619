"""An empty PostgreSQL database for the set-up tests (the wizard runs the migrations).

A test that needs PostgreSQL runs wherever ``COURTAPP_TEST_DATABASE_URL`` is
set; it is skipped only on a developer machine without it, never in CI
(``CI`` set), where a missing server fails the test instead."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
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
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from courtapp.core.db.engine import normalise_url

    base = make_url(normalise_url(PG_URL))
    name = f"s_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield EmptyPg(base.host or "127.0.0.1", base.port or 5432, name, base.username or "",
                      base.password or "")
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
