"""docs/interchange.md stays true to the code: its sample error output is what
the code produces, and it documents every rule code and every allowed kind."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from pathlib import Path

import pytest

from courtapp.core.domain import model
from courtapp.core.domain.errors import ValidationError
from courtapp.core.domain.identifiers import ENFORCEMENT_TYPES
from courtapp.core.domain.validation import MESSAGES
from courtapp.core.interchange import _MSG as INTERCHANGE_MESSAGES
from courtapp.core.interchange import load_file

DOC = Path(__file__).resolve().parents[2] / "docs" / "interchange.md"
TODAY = date(2026, 6, 30)


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def shown_errors(doc: str, lang_marker: str) -> list[str]:
    """The error lines of the first ```text block that follows ``lang_marker``."""
    start = doc.index(lang_marker)
    block = doc[doc.index("```text", start) + len("```text"):]
    block = block[: block.index("```")]
    return [line for line in block.strip().splitlines() if line.startswith("line ")]


@pytest.mark.parametrize(("marker", "lang"), [
    ("Real output of `courtapp import --dry-run", "en"), ("LANG=zh_CN.UTF-8", "zh")])
def test_the_sample_error_output_is_what_the_code_reports(
        doc: str, data_dir: Path, marker: str, lang: str) -> None:
    with pytest.raises(ValidationError) as exc:
        load_file(data_dir / "invalid_six_problems.jsonl", today=TODAY)
    real = [f"{e.path}: {e.message(lang)} [{e.rule}]" for e in exc.value.errors]
    assert shown_errors(doc, marker) == real


def test_every_rule_code_is_documented(doc: str) -> None:
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", doc)) | {"required"}
    service_rules = {"case_number.exists", "party.name_conflict"}
    missing = (set(MESSAGES) | set(INTERCHANGE_MESSAGES) | service_rules) - documented
    # amount rules are documented in the Amounts section by name
    assert missing - {"amount.too_large", "amount.format", "field.unknown"} == set()


@pytest.mark.parametrize("enum", [
    model.BasisKind, model.PartyKind, model.OfficerRole, model.ObligationKind,
    model.ServiceMethod, model.PropertyKind, model.PropertyMeasure, model.SecurityKind,
    model.ConductType])
def test_every_allowed_kind_is_documented_with_its_chinese_term(doc: str, enum: type[StrEnum]) -> None:
    for member in enum:
        cells = re.findall(rf"^\| `{member.value}` \| ([^|]+) \|", doc, re.MULTILINE)
        assert any(re.search(r"[\u4e00-\u9fff]", c) for c in cells), member.value


def test_every_listing_kind_is_documented_with_its_chinese_term(doc: str) -> None:
    from courtapp.core.domain import listing as dl

    values = [s.value for s in dl.IMPORTABLE_STATUSES] + [k.value for k in dl.RemovalKind] + [
        s.value for s in dl.RestrictionStatus] + [r.value for r in dl.RemovalReason]
    for value in values:
        cells = re.findall(rf"^\| `{value}` \| ([^|]+) \|", doc, re.MULTILINE)
        assert any(re.search(r"[\u4e00-\u9fff]", c) for c in cells), value


def test_every_enforcement_type_is_documented(doc: str) -> None:
    for code, (_en, zh) in ENFORCEMENT_TYPES.items():
        assert f"| {code} | {zh} |" in doc
