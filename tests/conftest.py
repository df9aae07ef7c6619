"""Shared fixtures.

- Qt runs offscreen: set before any Qt import (STACK_NOTES: pytest-qt without a
  display crashes the interpreter otherwise).
- Hypothesis runs with no per-example deadline (profile ``courtapp``).
- ``db`` gives a migrated database: SQLite in ``tmp_path`` always, and also
  PostgreSQL whenever ``COURTAPP_TEST_DATABASE_URL`` is set (each test gets a
  fresh schema there).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Desk keys are encrypted at rest by default (issue 10 §5): test desks have a passphrase,
# also in module- and session-scoped fixtures (the autouse fixture below sets it per test).
os.environ.setdefault("COURTAPP_KEY_PASSPHRASE", "test desk passphrase, long enough")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from courtapp.core.context import AppContext, open_database  # noqa: E402
from courtapp.core.domain.roles import Actor, Role  # noqa: E402

# Property tests (issue 9 §4): no per-example deadline on the shared 2-core machine,
# where a busy neighbour would turn a slow example into a spurious failure.
settings.register_profile("courtapp", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("courtapp")

PG_URL = os.environ.get("COURTAPP_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data directory or an outside database."""
    monkeypatch.setenv("COURTAPP_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    # Desk keys are encrypted at rest by default (issue 10 §5): each test desk has a passphrase.
    monkeypatch.setenv("COURTAPP_KEY_PASSPHRASE", "test desk passphrase, long enough")
    monkeypatch.delenv("COURTAPP_KEY_UNENCRYPTED", raising=False)
    monkeypatch.delenv("COURTAPP_DATABASE_URL", raising=False)


def _pg_context() -> Iterator[AppContext]:
    from sqlalchemy import create_engine, text

    from courtapp.core.db.engine import normalise_url

    assert PG_URL
    base = normalise_url(PG_URL)
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name
    ctx = open_database(url)
    try:
        yield ctx
    finally:
        ctx.engine.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """A migrated, empty database on each configured backend."""
    if request.param == "sqlite":
        ctx = open_database(f"sqlite+pysqlite:///{tmp_path / 'test.sqlite'}")
        yield ctx
        ctx.engine.dispose()
    else:
        yield from _pg_context()


@pytest.fixture
def sqlite_db(tmp_path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    ctx = open_database(f"sqlite+pysqlite:///{tmp_path / 'test.sqlite'}")
    yield ctx
    ctx.engine.dispose()


def actor(*roles: Role, name: str = "tester") -> Actor:
    return Actor(username=name, roles=frozenset(roles), user_id=None, display_name=name)


@pytest.fixture
def judge() -> Actor:
    return actor(Role.JUDGE, name="judge")


@pytest.fixture
def clerk() -> Actor:
    return actor(Role.CLERK, name="clerk")


@pytest.fixture
def admin() -> Actor:
    return actor(Role.ADMIN, name="admin")



def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a Qt application ``gui`` (qutebrowser's way), so
    ``pytest -m "not gui"`` runs anywhere: those under tests/gui, and any that
    asks for ``qapp`` or ``qtbot``."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "tests/gui/" in item.nodeid or "qapp" in names or "qtbot" in names:
            item.add_marker(pytest.mark.gui)
