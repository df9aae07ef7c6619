"""Fixtures for the unit tests: the example case as a document and as a model.

No Qt, no database.  Every test that depends on "today" uses :data:`TODAY`
(through the ``today`` fixture) so that the suite does not change with the
calendar.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from courtapp.core.domain.model import EnforcementCase
from courtapp.core.interchange import parse_cases

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE_PATH = DATA / "example_case.json"
TODAY = date(2026, 6, 30)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def example_doc() -> dict[str, Any]:
    """A fresh copy of tests/data/example_case.json as parsed JSON."""
    doc: dict[str, Any] = json.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
    return doc


@pytest.fixture
def example_case(example_doc: dict[str, Any]) -> EnforcementCase:
    """The example case as a domain object (it is valid on TODAY)."""
    return parse_cases([("", example_doc)], today=TODAY)[0]
