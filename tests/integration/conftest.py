"""Fixtures for the service and storage tests (the ``db`` fixture itself, and
the judge / clerk / admin actors, come from tests/conftest.py)."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.interchange import parse_cases

EXAMPLE_PATH = Path(__file__).resolve().parents[1] / "data" / "example_case.json"
TODAY = date(2026, 6, 30)
PG_URL = os.environ.get("COURTAPP_TEST_DATABASE_URL")


@pytest.fixture
def today() -> date:
    return TODAY


#: The password of the ``cli`` user that command-line tests log in as on PostgreSQL.
CLI_PASSWORD = "cli-test-password"


@pytest.fixture(autouse=True)
def _cli_logs_in_on_a_server(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Command-line tests (modules that import ``courtapp.cli.main``, unless they
    set ``CLI_LOGIN = False``) on PostgreSQL log in (COURTAPP_USER/COURTAPP_PASSWORD) as a
    user with the console operator's roles: a server database has no console
    operator (issue 10 §3).  On SQLite they keep acting as the console operator."""
    from courtapp import cli

    runs_cli = getattr(request.module, "main", None) is cli.main
    if not runs_cli or not getattr(request.module, "CLI_LOGIN", True) or "db" not in request.fixturenames:
        return
    db = request.getfixturevalue("db")
    if db.engine.dialect.name == "sqlite":
        return
    from courtapp.core.services import auth

    setup = Actor(username="test-setup", roles=frozenset({Role.ADMIN}))
    auth.add_user(db.uow(), setup, "cli", "命令行测试", CLI_PASSWORD, {Role.JUDGE, Role.ADMIN})
    monkeypatch.setenv("COURTAPP_USER", "cli")
    monkeypatch.setenv("COURTAPP_PASSWORD", CLI_PASSWORD)


@pytest.fixture
def auditor() -> Actor:
    return Actor(username="auditor", roles=frozenset({Role.AUDITOR}), display_name="auditor")


@pytest.fixture
def example_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
    return doc


CaseFactory = Callable[..., EnforcementCase]


@pytest.fixture
def make_case(example_doc: dict[str, Any]) -> CaseFactory:
    """``make_case(seq, mutate=None)``: the example case numbered
    (2026)京0105执<seq>号, optionally changed by ``mutate(doc)`` first."""

    def factory(seq: int = 1234, mutate: Callable[[dict[str, Any]], None] | None = None
                ) -> EnforcementCase:
        doc = copy.deepcopy(example_doc)
        doc["case_number"] = f"(2026)京0105执{seq}号"
        if mutate is not None:
            mutate(doc)
        return parse_cases([("", doc)], today=TODAY)[0]

    return factory


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database (no tables, no migrations) on each backend."""
    if request.param == "sqlite":
        yield f"sqlite+pysqlite:///{tmp_path / 'empty.sqlite'}"
        return
    from setup_fixtures import fresh_pg_url

    with fresh_pg_url() as url:
        yield url
