"""Interchange format v1: reading, writing, and refusing invalid files whole
with one error per problem, each naming its path."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from courtapp.core.domain.errors import ValidationError
from courtapp.core.domain.identifiers import normalize_case_number
from courtapp.core.domain.model import EnforcementCase, PartyKind
from courtapp.core.interchange import dump_case, dumps, load_file, loads

TODAY = date(2026, 6, 30)
OPTIONAL_LISTS = ("payments", "property", "security", "conduct", "findings", "officers")
FINDING_DEFAULTS = {"later_in_performance_order": False, "campus_loan_student": False,
                    "serious_violence": False}


def normalise(value: Any, key: str = "") -> Any:
    """The canonical form of an interchange document, for comparing two of them:
    case number with ASCII brackets, amounts with two places, identifiers upper
    case, no null or empty optional values, finding flags with their defaults."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if v is None or (k in OPTIONAL_LISTS and v == []) or (k == "evidence" and v == ""):
                continue
            out[k] = normalise(v, k)
        if key == "findings" or set(out) >= {"respondent", "able_to_perform"}:
            out = {**FINDING_DEFAULTS, **out}
        return out
    if isinstance(value, list):
        return [normalise(v, key) for v in value]
    if key == "case_number":
        return normalize_case_number(value)
    if key in ("amount", "value"):
        return f"{Decimal(str(value).replace(',', '')):.2f}"
    if key in ("id_number", "credit_code"):
        return value.upper()
    return value


def errors_of(text: str, **kw: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as exc:
        loads(text, today=TODAY, **kw)
    errs = exc.value.errors
    for e in errs:
        assert e.en and e.zh and e.en != e.zh, e
    return [(e.path, e.rule) for e in errs]


def as_json(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2)


def as_jsonl(docs: list[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n"


def numbered(doc: dict[str, Any], seq: int) -> dict[str, Any]:
    d = copy.deepcopy(doc)
    d["case_number"] = f"(2026)京0105执{seq}号"
    return d


# ---------------------------------------------------------------- reading
def test_the_example_file_loads(data_dir: Path) -> None:
    [case] = load_file(data_dir / "example_case.json", today=TODAY)
    assert case.case_number == "(2026)京0105执1234号"
    assert case.court.code == "京0105"
    assert [p.name for p in case.respondents] == ["张三", "某某科技有限公司"]
    assert case.respondents[1].kind is PartyKind.ENTITY
    assert case.respondents[1].officers[0].id_number == "110105198001010016"
    assert case.obligations[0].amount == Decimal("50000.00")
    assert case.obligations[1].amount is None
    assert case.execution_notice is not None
    assert case.execution_notice.deadline == date(2026, 3, 15)
    assert case.findings[0].able_to_perform is True


def test_dump_case_of_the_loaded_example_is_equivalent_to_the_file(
        example_doc: dict[str, Any]) -> None:
    [case] = loads(as_json(example_doc), today=TODAY)
    assert normalise(dump_case(case)) == normalise(example_doc)


def test_dump_case_writes_the_canonical_forms(example_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(example_doc)
    doc["case_number"] = "（２０２６）京0105执1234号"
    doc["applicants"][0]["id_number"] = "11010519491231002x"
    doc["respondents"][1]["credit_code"] = "91110000600037341l"
    doc["obligations"][0]["amount"] = "50,000"
    doc["payments"][0]["amount"] = "10000.5"
    [case] = loads(as_json(doc), today=TODAY)
    out = dump_case(case)
    assert out["case_number"] == "(2026)京0105执1234号"
    assert out["applicants"][0]["id_number"] == "11010519491231002X"
    assert out["respondents"][1]["credit_code"] == "91110000600037341L"
    assert out["obligations"][0]["amount"] == "50000.00"
    assert out["payments"][0]["amount"] == "10000.50"
    assert normalise(out) == normalise(doc)


def test_a_minimal_case_round_trips_without_inventing_optional_values(
        example_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(example_doc)
    for key in ("execution_notice", "payments", "property", "security", "conduct", "findings"):
        del doc[key]
    [case] = loads(as_json(doc), today=TODAY)
    assert case.execution_notice is None and case.payments == []
    out = dump_case(case)
    assert out["execution_notice"] is None
    assert normalise(out) == normalise(doc)


def test_dumps_and_loads_are_inverse_for_one_case_and_for_several(
        example_case: EnforcementCase) -> None:
    one = dumps([example_case])
    assert json.loads(one)["case_number"] == example_case.case_number
    assert loads(one, today=TODAY) == [example_case]
    second = copy.deepcopy(example_case)
    second.case_number = "(2026)京0105执1235号"
    many = dumps([example_case, second])
    assert isinstance(json.loads(many), list)
    assert loads(many, today=TODAY) == [example_case, second]


def test_a_json_list_of_cases_loads_in_order(example_doc: dict[str, Any]) -> None:
    cases = loads(as_json([numbered(example_doc, n) for n in (3, 1, 2)]), today=TODAY)
    assert [c.case_number for c in cases] == [f"(2026)京0105执{n}号" for n in (3, 1, 2)]


def test_json_lines_load_one_case_per_line(example_doc: dict[str, Any]) -> None:
    text = as_jsonl([numbered(example_doc, n) for n in (1, 2, 3)])
    cases = loads(text, today=TODAY)
    assert [c.case_number for c in cases] == [f"(2026)京0105执{n}号" for n in (1, 2, 3)]
    assert loads(text, jsonl=True, today=TODAY) == cases


def test_blank_lines_in_json_lines_are_skipped(example_doc: dict[str, Any]) -> None:
    text = "\n" + as_jsonl([numbered(example_doc, 1)]) + "\n\n" + as_jsonl([numbered(example_doc, 2)])
    assert len(loads(text, jsonl=True, today=TODAY)) == 2


def test_a_jsonl_file_is_read_as_json_lines_by_its_suffix(
        example_doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(as_jsonl([numbered(example_doc, 1)]), encoding="utf-8")
    [case] = load_file(path, today=TODAY)
    assert case.case_number == "(2026)京0105执1号"


def test_a_line_separator_inside_a_json_lines_string_does_not_split_the_record(
        example_doc: dict[str, Any]) -> None:
    docs = [numbered(example_doc, 1), numbered(example_doc, 2)]
    docs[0]["obligations"][1]["description"] = "公开赔礼道歉\u2028登报一次"
    cases = loads(as_jsonl(docs), jsonl=True, today=TODAY)
    assert cases[0].obligations[1].description == "公开赔礼道歉\u2028登报一次"


def test_a_byte_order_mark_is_ignored(example_doc: dict[str, Any]) -> None:
    assert len(loads("\ufeff" + as_json(example_doc), today=TODAY)) == 1


# ------------------------------------------------ refusing invalid files
SIX_PROBLEMS = [
    ("respondents[0].id_number", "ric.checksum"),
    ("respondents[1].credit_code", "uscc.checksum"),
    ("case_number", "case_number.format"),
    ("obligations[0].amount", "amount.negative"),
    ("property[0].kind", "enum.unknown"),
    ("payments[0].respondent", "respondent.index"),
]


def break_six(docs: list[dict[str, Any]]) -> None:
    """Spread the six problems over docs[1], docs[2] and docs[3]."""
    docs[1]["respondents"][0]["id_number"] = "360426199101010072"
    docs[1]["respondents"][1]["credit_code"] = "91110000600037341A"
    docs[2]["case_number"] = "(2026)京0105民初9号"
    docs[2]["obligations"][0]["amount"] = "-5.00"
    docs[3]["property"][0]["kind"] = "gold_bars"
    docs[3]["payments"][0]["respondent"] = 5


def test_six_problems_in_a_json_list_give_six_errors_with_their_paths(
        example_doc: dict[str, Any]) -> None:
    docs = [numbered(example_doc, n) for n in range(1, 5)]
    break_six(docs)
    assert sorted(errors_of(as_json(docs))) == sorted([
        ("[1].respondents[0].id_number", "ric.checksum"),
        ("[1].respondents[1].credit_code", "uscc.checksum"),
        ("[2].case_number", "case_number.format"),
        ("[2].obligations[0].amount", "amount.negative"),
        ("[3].property[0].kind", "enum.unknown"),
        ("[3].payments[0].respondent", "respondent.index"),
    ])


def test_six_problems_in_json_lines_name_the_line(example_doc: dict[str, Any]) -> None:
    docs = [numbered(example_doc, n) for n in range(1, 5)]
    break_six(docs)
    assert sorted(errors_of(as_jsonl(docs))) == sorted([
        ("line 2.respondents[0].id_number", "ric.checksum"),
        ("line 2.respondents[1].credit_code", "uscc.checksum"),
        ("line 3.case_number", "case_number.format"),
        ("line 3.obligations[0].amount", "amount.negative"),
        ("line 4.property[0].kind", "enum.unknown"),
        ("line 4.payments[0].respondent", "respondent.index"),
    ])


def test_six_problems_in_a_single_case_give_six_errors(example_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(example_doc)
    doc["respondents"][0]["id_number"] = "360426199101010072"
    doc["respondents"][1]["credit_code"] = "91110000600037341A"
    doc["case_number"] = "(2026)京0105民初9号"
    doc["obligations"][0]["amount"] = "-5.00"
    doc["property"][0]["kind"] = "gold_bars"
    doc["payments"][0]["respondent"] = 5
    assert sorted(errors_of(as_json(doc))) == sorted(SIX_PROBLEMS)


def test_an_unknown_kind_error_lists_the_allowed_values(example_doc: dict[str, Any]) -> None:
    example_doc["property"][0]["kind"] = "gold_bars"
    with pytest.raises(ValidationError) as exc:
        loads(as_json(example_doc), today=TODAY)
    [e] = exc.value.errors
    assert "'gold_bars'" in e.en and "bank_deposit, real_estate" in e.en
    assert "gold_bars" in e.zh


def test_a_field_error_and_a_rule_error_in_the_same_case_are_both_reported(
        example_doc: dict[str, Any]) -> None:
    example_doc["respondents"][0]["id_number"] = "360426199101010072"
    example_doc["execution_notice"]["deadline"] = "2026-03-01"
    assert sorted(errors_of(as_json(example_doc))) == [
        ("execution_notice.deadline", "notice.deadline_before_issue"),
        ("respondents[0].id_number", "ric.checksum"),
    ]


def test_a_problem_is_reported_once_even_when_two_layers_check_it(
        example_doc: dict[str, Any]) -> None:
    example_doc["court"]["code"] = "京1"
    example_doc["obligations"][0]["amount"] = "1.005"
    assert sorted(errors_of(as_json(example_doc))) == [
        ("court.code", "court_code.format"),
        ("obligations[0].amount", "amount.places"),
    ]


def test_rule_errors_in_a_json_list_are_prefixed_with_the_index(
        example_doc: dict[str, Any]) -> None:
    docs = [numbered(example_doc, 1), numbered(example_doc, 2)]
    docs[1]["judge"] = " "
    docs[1]["execution_notice"]["served_on"] = "2026-03-01"
    assert sorted(errors_of(as_json(docs))) == [
        ("[1].execution_notice.served_on", "notice.served_before_issue"),
        ("[1].judge", "required"),
    ]


@pytest.mark.parametrize(("where", "path"), [
    (lambda d: d["obligations"][0], "obligations[0].amount"),
    (lambda d: d["payments"][0], "payments[0].amount"),
    (lambda d: d["property"][0], "property[0].value"),
    (lambda d: d["security"][0], "security[0].value"),
])
def test_floats_for_amounts_are_refused(example_doc: dict[str, Any], where: Any, path: str) -> None:
    item = where(example_doc)
    item["amount" if "amount" in path else "value"] = 10000.0
    assert errors_of(as_json(example_doc)) == [(path, "amount.type")]


def test_integer_amounts_are_read_as_yuan(example_doc: dict[str, Any]) -> None:
    example_doc["obligations"][0]["amount"] = 50000
    [case] = loads(as_json(example_doc), today=TODAY)
    assert case.obligations[0].amount == Decimal("50000.00")


def test_duplicate_case_numbers_within_a_file_are_refused(example_doc: dict[str, Any]) -> None:
    twin = copy.deepcopy(example_doc)
    twin["case_number"] = "（2026）京0105执1234号"  # the same number, full-width brackets
    assert errors_of(as_json([example_doc, numbered(example_doc, 9), twin])) == [
        ("[2].case_number", "case.duplicate_in_file")]
    assert errors_of(as_jsonl([example_doc, twin])) == [("line 2.case_number", "case.duplicate_in_file")]


def test_a_syntax_error_in_json_reports_its_line() -> None:
    text = '[\n  {"case_number": "(2026)京0105执1号",\n   "judge": "赵",,\n  }\n]'
    [(path, rule)] = errors_of(text)
    assert (path, rule) == ("line 3", "json.syntax")


def test_a_syntax_error_after_leading_blank_lines_reports_the_real_line() -> None:
    text = '\n\n[\n{"a": 1,,}]'
    assert errors_of(text) == [("line 4", "json.syntax")]


def test_syntax_errors_in_json_lines_report_each_bad_line(example_doc: dict[str, Any]) -> None:
    good = json.dumps(example_doc, ensure_ascii=False)
    text = "\n".join(["", good, '{"case_number": ', "", "{bad", ""])
    assert errors_of(text, jsonl=True) == [("line 3", "json.syntax"), ("line 5", "json.syntax")]


def test_the_syntax_error_message_carries_the_column() -> None:
    with pytest.raises(ValidationError) as exc:
        loads('{"a": }', today=TODAY)
    [e] = exc.value.errors
    assert "column 7" in e.en and "第7列" in e.zh


@pytest.mark.parametrize(("text", "expected"), [
    ("[]", [("$", "file.empty")]),
    ("", [("line 1", "json.syntax")]),
    ("42", [("$", "type.object")]),
    ('["x"]', [("[0]", "type.object")]),
])
def test_a_file_without_cases_is_refused(text: str, expected: list[tuple[str, str]]) -> None:
    assert errors_of(text) == expected


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda d: d.pop("court"), ("court", "required")),
    (lambda d: d.pop("basis"), ("basis", "required")),
    (lambda d: d.pop("judge"), ("judge", "required")),
    (lambda d: d.pop("applicants"), ("applicants", "required")),
    (lambda d: d.__setitem__("filed_on", "2026/03/02"), ("filed_on", "date.format")),
    (lambda d: d.__setitem__("filed_on", "2026-02-30"), ("filed_on", "date.format")),
    (lambda d: d.__setitem__("court", "北京"), ("court", "type.object")),
    (lambda d: d.__setitem__("respondents", {}), ("respondents", "type.list")),
    (lambda d: d.__setitem__("judge", 7), ("judge", "type.string")),
    (lambda d: d["payments"][0].__setitem__("respondent", "0"),
     ("payments[0].respondent", "type.integer")),
    (lambda d: d["payments"][0].__setitem__("respondent", True),
     ("payments[0].respondent", "type.integer")),
    (lambda d: d["findings"][0].__setitem__("serious_violence", "no"),
     ("findings[0].serious_violence", "type.boolean")),
    (lambda d: d["applicants"][0].__setitem__("kind", "company"),
     ("applicants[0].kind", "enum.unknown")),
    (lambda d: d["basis"].__setitem__("kind", "judgment"), ("basis.kind", "enum.unknown")),
    (lambda d: d["conduct"][0].__setitem__("type", "rudeness"), ("conduct[0].type", "enum.unknown")),
    (lambda d: d["execution_notice"].__setitem__("service_method", "pigeon"),
     ("execution_notice.service_method", "enum.unknown")),
    (lambda d: d["respondents"][1]["officers"][0].__setitem__("role", "boss"),
     ("respondents[1].officers[0].role", "enum.unknown")),
    (lambda d: d["respondents"][1]["officers"][0].__setitem__("id_number", "110105198001010017"),
     ("respondents[1].officers[0].id_number", "ric.checksum")),
    (lambda d: d["applicants"][0].__setitem__(
        "officers", [{"role": "principal", "name": "王五", "id_number": "110105198001010016"}]),
     ("applicants[0].officers", "officer.person_only_entity")),
    (lambda d: d["obligations"][0].pop("amount"), ("obligations[0].amount", "required")),
    (lambda d: d["obligations"][0].__setitem__("amount", "5万"),
     ("obligations[0].amount", "amount.format")),
    (lambda d: d["findings"][0].__setitem__("respondent", 2),
     ("findings[0].respondent", "respondent.index")),
])
def test_each_structural_problem_is_reported_at_its_path(
        example_doc: dict[str, Any], mutate: Any, expected: tuple[str, str]) -> None:
    mutate(example_doc)
    assert errors_of(as_json(example_doc)) == [expected]


def test_validation_uses_the_given_today(example_doc: dict[str, Any]) -> None:
    text = as_json(example_doc)
    assert len(loads(text, today=TODAY)) == 1
    with pytest.raises(ValidationError) as exc:
        loads(text, today=date(2026, 3, 31))  # the payment of 2026-04-01 is then in the future
    assert [(e.path, e.rule) for e in exc.value.errors] == [("payments[0].on", "date.future")]


def test_the_summary_is_available_in_english_and_chinese(example_doc: dict[str, Any]) -> None:
    example_doc["respondents"][0]["id_number"] = "360426199101010072"
    with pytest.raises(ValidationError) as exc:
        loads(as_json(example_doc), today=TODAY)
    assert exc.value.summary() == (
        "respondents[0].id_number: the check character is wrong (ISO 7064 MOD 11-2)")
    assert exc.value.summary("zh_CN") == (
        "respondents[0].id_number: 身份证号码校验位错误（ISO 7064 MOD 11-2）")
    assert str(exc.value.errors[0]) == (
        "respondents[0].id_number: the check character is wrong (ISO 7064 MOD 11-2) [ric.checksum]")


def test_the_shipped_invalid_file_gives_exactly_its_six_errors(data_dir: Path) -> None:
    with pytest.raises(ValidationError) as exc:
        load_file(data_dir / "invalid_six_problems.jsonl", today=TODAY)
    assert [(e.path, e.rule) for e in exc.value.errors] == [
        ("line 2.respondents[0].id_number", "ric.checksum"),
        ("line 2.respondents[1].credit_code", "uscc.checksum"),
        ("line 3.case_number", "case_number.format"),
        ("line 3.obligations[0].amount", "amount.negative"),
        ("line 4.payments[0].respondent", "respondent.index"),
        ("line 4.property[0].kind", "enum.unknown"),
    ]


def test_the_shipped_json_lines_example_loads(data_dir: Path) -> None:
    cases = load_file(data_dir / "example_cases.jsonl", today=TODAY)
    assert [c.case_number for c in cases] == ["(2026)京0105执1234号", "(2026)京0105执1240号"]
    assert [len(c.respondents) for c in cases] == [2, 1]


def test_a_full_width_court_code_is_read_in_its_normal_form(example_doc: dict[str, Any]) -> None:
    example_doc["court"]["code"] = "京０１０５"
    [case] = loads(as_json(example_doc), today=TODAY)
    assert case.court.code == "京0105"
    assert dump_case(case)["court"]["code"] == "京0105"
