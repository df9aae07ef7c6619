"""docs/interchange-v1.schema.json describes what courtapp reads and writes."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from courtapp.core.domain import model
from courtapp.core.domain.identifiers import ENFORCEMENT_TYPES
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.interchange import dump_case, dumps, loads

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "interchange-v1.schema.json"
TODAY = date(2026, 6, 30)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return doc


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(validator: Draft202012Validator, doc: Any) -> list[str]:
    return [e.message for e in validator.iter_errors(doc)]


def test_the_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert "checksum" in schema["description"] or "check character" in schema["description"]


def test_the_example_case_is_valid(validator: Draft202012Validator,
                                   example_doc: dict[str, Any]) -> None:
    assert problems(validator, example_doc) == []


def test_the_output_of_dump_case_is_valid(validator: Draft202012Validator,
                                          example_case: EnforcementCase) -> None:
    assert problems(validator, dump_case(example_case)) == []


def test_the_output_of_dump_case_is_valid_for_a_minimal_case(
        validator: Draft202012Validator, example_doc: dict[str, Any]) -> None:
    for key in ("execution_notice", "payments", "property", "security", "conduct", "findings"):
        del example_doc[key]
    del example_doc["respondents"][1]["officers"]
    [case] = loads(json.dumps(example_doc, ensure_ascii=False), today=TODAY)
    out = dump_case(case)
    assert out["execution_notice"] is None
    assert problems(validator, out) == []


def test_the_output_of_dump_case_is_valid_for_a_normalised_messy_input(
        validator: Draft202012Validator, example_doc: dict[str, Any]) -> None:
    example_doc["case_number"] = "（2026）京0105执1234号"
    example_doc["applicants"][0]["id_number"] = "11010519491231002x"
    example_doc["obligations"][0]["amount"] = 50000
    example_doc["payments"].append({"on": "2026-04-02", "act": "已登报道歉", "obligation": 1,
                                    "respondent": 0, "evidence": "报纸"})
    example_doc["payments"].append({"on": "2026-04-03", "amount": "-0", "act": "退还车辆",
                                    "respondent": 1})
    example_doc["findings"][0]["able_to_perform"] = None
    assert problems(validator, example_doc)  # not canonical: integer amount, lower-case x
    [case] = loads(json.dumps(example_doc, ensure_ascii=False), today=TODAY)
    assert problems(validator, dump_case(case)) == []


def test_a_list_of_cases_is_valid_and_an_empty_list_is_not(
        validator: Draft202012Validator, example_case: EnforcementCase) -> None:
    second = copy.deepcopy(example_case)
    second.case_number = "(2026)京0105执1235号"
    doc = json.loads(dumps([example_case, second]))
    assert isinstance(doc, list)
    assert problems(validator, doc) == []
    assert problems(validator, []) != []


def test_every_enforcement_type_and_both_bracket_styles_match_the_case_number_pattern(
        validator: Draft202012Validator, example_doc: dict[str, Any]) -> None:
    for t in ENFORCEMENT_TYPES:
        for number in (f"(2026)京0105{t}1号", f"（2026）最高法{t}1号", f"(2026)粤07{t}1号",
                       f"(2020)粤{t}60号"):
            example_doc["case_number"] = number
            assert problems(validator, example_doc) == [], number


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for p in parents:
            target = target[int(p)] if p.isdigit() else target[p]
        if value is _DELETE:
            del target[last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    return mutate


_DELETE = object()


@pytest.mark.parametrize(("path", "value"), [
    ("case_number", "(2026)京0105民初1号"),
    ("case_number", "(2026)京010执1号"),
    ("case_number", "(2026)京0105执1234"),
    ("case_number", "(2026)京0105执0号"),
    ("court.code", "京1"),
    ("filed_on", "2026/03/02"),
    ("filed_on", "2026-02-30"),
    ("judge", " "),
    ("judge", _DELETE),
    ("basis.kind", "judgment"),
    ("applicants", []),
    ("applicants.0.id_number", "3604261991010100711"),
    ("applicants.0.id_number", "11010519491231002x"),
    ("applicants.0.id_number", _DELETE),
    ("applicants.0.credit_code", "91110000600037341L"),
    ("respondents.1.credit_code", "91110000600037341I"),
    ("respondents.1.credit_code", "B1110000MA01ABCD0X"),
    ("respondents.1.id_number", "360426199101010071"),
    ("respondents.1.officers.0.role", "boss"),
    ("respondents.0.kind", "company"),
    ("obligations.0.amount", 50000.0),
    ("obligations.0.amount", 50000),
    ("obligations.0.amount", "-5.00"),
    ("obligations.0.amount", "1.005"),
    ("obligations.0.amount", "50,000.00"),
    ("obligations.0.amount", _DELETE),
    ("obligations.1.amount", "1.00"),
    ("execution_notice.service_method", "pigeon"),
    ("execution_notice.service_method", _DELETE),
    ("payments.0.respondent", -1),
    ("payments.0.respondent", "0"),
    ("payments.0.amount", _DELETE),
    ("property.0.kind", "gold_bars"),
    ("property.0.measure", "confiscated"),
    ("conduct.0.type", "rudeness"),
    ("findings.0.serious_violence", "no"),
    ("unknown_field", 1),
])
def test_an_invalid_document_fails_the_schema(
        validator: Draft202012Validator, example_doc: dict[str, Any], path: str,
        value: Any) -> None:
    _set(path, value)(example_doc)
    assert problems(validator, example_doc) != []


def test_the_schema_lists_exactly_the_enumerations_of_the_model(schema: dict[str, Any]) -> None:
    d = schema["$defs"]
    pairs: list[tuple[list[str], type[StrEnum]]] = [
        (d["basis"]["properties"]["kind"]["enum"], model.BasisKind),
        (d["party"]["properties"]["kind"]["enum"], model.PartyKind),
        (d["officer"]["properties"]["role"]["enum"], model.OfficerRole),
        (d["obligation"]["properties"]["kind"]["enum"], model.ObligationKind),
        (d["execution_notice"]["properties"]["service_method"]["enum"], model.ServiceMethod),
        (d["property_item"]["properties"]["kind"]["enum"], model.PropertyKind),
        (d["property_item"]["properties"]["measure"]["enum"], model.PropertyMeasure),
        (d["security_item"]["properties"]["kind"]["enum"], model.SecurityKind),
        (d["conduct_record"]["properties"]["type"]["enum"], model.ConductType),
    ]
    for listed, enum in pairs:
        assert listed == [m.value for m in enum], enum.__name__


def test_the_schema_lists_every_field_that_dump_case_writes(
        schema: dict[str, Any], example_case: EnforcementCase) -> None:
    out = dump_case(example_case)
    d = schema["$defs"]
    # listings is written only when a case has any (tested with a listing below);
    # petitions and documents only by `export --all` (tests/integration/test_backup.py).
    assert set(out) == set(d["case"]["properties"]) - {"listings", "petitions", "documents"}
    assert set(d["case"]["required"]) <= set(out)
    for key, sub in (("payments", "payment"), ("property", "property_item"),
                     ("security", "security_item"), ("conduct", "conduct_record"),
                     ("findings", "finding"), ("obligations", "obligation")):
        for item in out[key]:
            assert set(item) <= set(d[sub]["properties"]), key


LISTING = {
    "respondent": 0, "grounds": [3], "decided_on": "2026-04-10", "signed_by": "钱院长",
    "reasons": "转移财产规避执行", "served_on": "2026-04-12", "service_method": "direct",
    "published_on": "2026-04-15", "term_years": 2, "extension_years": 0, "status": "published",
    "restrictions": [{"item": 1, "person": None, "from": "2026-04-10", "until": None,
                      "status": "imposed"}],
}


def test_a_case_with_a_listing_round_trips_and_its_dump_is_valid(
        validator: Draft202012Validator, example_doc: dict[str, Any]) -> None:
    example_doc["listings"] = [copy.deepcopy(LISTING)]
    assert problems(validator, example_doc) == []
    [case] = loads(json.dumps(example_doc, ensure_ascii=False), today=TODAY)
    out = dump_case(case)
    assert len(out["listings"]) == 1
    assert problems(validator, out) == []


def test_the_removal_state_of_a_listing_round_trips_and_its_dump_is_valid(
        validator: Draft202012Validator, example_doc: dict[str, Any]) -> None:
    removed = copy.deepcopy(LISTING) | {
        "status": "removed", "removed_on": "2026-09-30", "removal_kind": "deleted",
        "removal_reason": "creditor_request", "removal_due": "2026-10-10"}
    removed["restrictions"][0] |= {"until": "2026-09-30", "status": "lifted"}
    example_doc["listings"] = [removed]
    assert problems(validator, example_doc) == []
    [case] = loads(json.dumps(example_doc, ensure_ascii=False), today=TODAY)
    out = dump_case(case)["listings"][0]
    # removal_due is recomputed from the court's calendar, not read: a bare dump has none.
    assert (out["removed_on"], out["removal_reason"], out["removal_due"]) == (
        "2026-09-30", "creditor_request", None)
    assert "removal_due_provisional" not in out
    assert problems(validator, dump_case(case)) == []


def test_a_removal_reason_must_fit_the_removal() -> None:
    from courtapp.core.domain.errors import ValidationError

    doc = json.loads((Path(__file__).resolve().parents[1] / "data" / "example_case.json")
                     .read_text(encoding="utf-8"))
    doc["listings"] = [copy.deepcopy(LISTING) | {"removal_reason": "revoked"}]
    with pytest.raises(ValidationError) as e:
        loads(json.dumps(doc, ensure_ascii=False), today=TODAY)
    assert [x.rule for x in e.value.errors] == ["listing.removal_reason"]


@pytest.mark.parametrize(("key", "value"), [
    ("grounds", [7]), ("grounds", "3"), ("status", "draft"), ("decided_on", None),
    ("removal_reason", "paid"), ("removal_due", "next week"),
    ("restrictions", [{"item": 10, "from": "2026-04-10", "status": "imposed"}]),
    ("restrictions", [{"item": 1, "from": "2026-04-10", "status": "paused"}]),
])
def test_an_invalid_listing_fails_the_schema(
        validator: Draft202012Validator, example_doc: dict[str, Any], key: str,
        value: Any) -> None:
    listing = copy.deepcopy(LISTING)
    listing[key] = value
    example_doc["listings"] = [listing]
    assert problems(validator, example_doc) != []


def test_the_listing_enumerations_match_the_domain(schema: dict[str, Any]) -> None:
    from courtapp.core.domain import listing as dl

    d = schema["$defs"]
    lp, rp = d["listing"]["properties"], d["restriction"]["properties"]
    assert set(lp["status"]["enum"]) == {s.value for s in dl.IMPORTABLE_STATUSES}
    assert lp["removal_kind"]["enum"] == [k.value for k in dl.RemovalKind]
    assert lp["removal_reason"]["oneOf"][1]["enum"] == [r.value for r in dl.RemovalReason]
    assert lp["service_method"]["enum"] == [m.value for m in model.ServiceMethod]
    assert rp["status"]["enum"] == [s.value for s in dl.RestrictionStatus]
    items = [int(i) for i in dl.RestrictionItem]
    assert (rp["item"]["minimum"], rp["item"]["maximum"]) == (min(items), max(items))


def test_R_L14_R_L16_the_new_fields_round_trip_and_validate(
        validator: Draft202012Validator, example_doc: dict[str, Any]) -> None:

    example_doc["obligations"][1]["converted_amount"] = "5000.00"
    example_doc["findings"][0] |= {"campus_loan_student": True,
                                   "campus_loan_exception_reason": "已毕业就业，有能力履行"}
    assert problems(validator, example_doc) == []
    [case] = loads(json.dumps(example_doc, ensure_ascii=False))
    assert case.obligations[1].converted_amount == Decimal("5000.00")
    assert case.findings[0].campus_loan_exception_reason == "已毕业就业，有能力履行"
    out = dump_case(case)
    assert out["obligations"][1]["converted_amount"] == "5000.00"
    assert "converted_amount" not in out["obligations"][0]
    assert out["findings"][0]["campus_loan_exception_reason"] == "已毕业就业，有能力履行"
    assert problems(validator, out) == []
    assert dump_case(loads(json.dumps(out, ensure_ascii=False))[0]) == out


def test_the_schema_refuses_a_converted_amount_on_money_and_an_exception_without_a_student(
        validator: Draft202012Validator, example_doc: dict[str, Any]) -> None:
    example_doc["obligations"][0]["converted_amount"] = "1.00"
    assert problems(validator, example_doc)
    del example_doc["obligations"][0]["converted_amount"]
    example_doc["findings"][0]["campus_loan_exception_reason"] = "理由"
    assert problems(validator, example_doc)  # campus_loan_student is false
