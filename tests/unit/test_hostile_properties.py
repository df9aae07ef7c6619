"""Property tests of every validator and of reading an interchange file (issue 10 §6).

Whatever the input, a validator returns a value in its normal form or raises
``ValueError`` with a rule code that has a message in both languages; reading
a file returns cases or raises :class:`ValidationError` whose every error names
a path and a known rule.  Example counts are small so that the suite stays
fast; ``benchmarks/fuzz_import.py`` runs 10,000 examples per target.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hostile_strategies import BASE, hostile_text, json_scalars, json_values, mutated_case
from hypothesis import given, settings
from hypothesis import strategies as st

from courtapp.cli.common import date_arg
from courtapp.core import interchange
from courtapp.core.domain import limits
from courtapp.core.domain.errors import ErrorCollector, ValidationError
from courtapp.core.domain.identifiers import (
    RULE_MESSAGES,
    check_court_code,
    check_credit_code,
    check_resident_id,
    normalize_case_number,
    parse_case_number,
)
from courtapp.core.domain.money import AMOUNT_MESSAGES, CENT, parse_amount
from courtapp.core.domain.validation import check_text, message, validate_case

TODAY = date(2026, 6, 30)
FEW = settings(max_examples=60)

def _known(rule: str) -> bool:
    en, zh = message(rule)
    return (en, zh) != (rule, rule) or rule in interchange._MSG


# ----------------------------------------------------------------- identifiers
@FEW
@given(hostile_text)
def test_check_resident_id_returns_a_valid_id_or_a_known_rule(text: str) -> None:
    try:
        v = check_resident_id(text, today=TODAY)
    except ValueError as e:
        assert e.args[0] in RULE_MESSAGES
    else:
        assert len(v) == 18 and v.isascii() and check_resident_id(v, today=TODAY) == v


@FEW
@given(hostile_text)
def test_check_credit_code_returns_a_valid_code_or_a_known_rule(text: str) -> None:
    try:
        v = check_credit_code(text)
    except ValueError as e:
        assert e.args[0] in RULE_MESSAGES
    else:
        assert len(v) == 18 and check_credit_code(v) == v


@FEW
@given(st.one_of(hostile_text, st.from_regex(r"\A[（(]\d{1,6}[）)][京沪粤]\d{0,5}执\d{1,30}号\Z")))
def test_case_numbers_parse_or_are_refused_by_rule(text: str) -> None:
    for fn in (check_court_code, parse_case_number, normalize_case_number):
        try:
            fn(text)
        except ValueError as e:
            assert e.args[0] in RULE_MESSAGES, (fn, text, e)
    try:
        n = parse_case_number(text, today=TODAY)
    except ValueError:
        return
    assert 1950 <= n.year <= TODAY.year + 1 and n.sequence >= 1
    assert parse_case_number(str(n), today=TODAY) == n


# ----------------------------------------------------------------------- money
@FEW
@given(st.one_of(json_scalars, st.decimals(), st.integers(min_value=-(10**60), max_value=10**60),
                 st.from_regex(r"\A-?\d{0,40}(\.\d{0,5})?([eE][+-]?\d{1,12})?\Z")))
def test_parse_amount_gives_a_bounded_two_place_amount_or_a_known_rule(value: object) -> None:
    try:
        d = parse_amount(value)
    except ValueError as e:
        assert e.args[0] in AMOUNT_MESSAGES, (value, e)
    else:
        assert isinstance(d, Decimal) and Decimal(0) <= d < limits.MAX_AMOUNT
        assert d == d.quantize(CENT) and not d.is_signed()


# ------------------------------------------------------------------ text, dates
@FEW
@given(st.one_of(st.none(), hostile_text, st.text(min_size=2001, max_size=2100)))
def test_check_text_reports_by_rule_and_never_raises(text: str | None) -> None:
    e = ErrorCollector()
    check_text(e, "x", text)
    assert all(fe.path == "x" and _known(fe.rule) for fe in e.errors)
    if text and text.strip() and len(text) <= limits.MAX_TEXT and text.isprintable():
        assert e.errors == []


@FEW
@given(st.dates())
def test_the_date_range_holds_1949_10_01_to_ten_years_ahead(d: date) -> None:
    top = limits.max_date(TODAY)
    assert limits.date_in_range(d, TODAY) == (date(1949, 10, 1) <= d <= top)
    assert top == date(2036, 6, 30)
    assert limits.max_date(d) >= d  # never raises, even near 9999


@FEW
@given(st.one_of(hostile_text, st.dates().map(date.isoformat)))
def test_a_date_option_is_a_date_in_range_or_a_refusal_naming_the_option(text: str) -> None:
    try:
        d = date_arg(text, "--on")
    except ValidationError as e:
        [fe] = e.errors
        assert fe.path == "--on" and fe.rule in ("date.format", "date.range")
        assert fe.en and fe.zh and fe.en != fe.zh
    else:
        assert d is None or limits.date_in_range(d)


# ------------------------------------------------------------- interchange files
def _check_refusal(e: ValidationError) -> None:
    assert e.errors
    for fe in e.errors:
        assert fe.path, fe
        assert _known(fe.rule), fe
        assert fe.en and fe.zh


@FEW
@given(st.one_of(hostile_text, st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                 json_values.map(lambda v: json.dumps(v, allow_nan=True))))
def test_any_text_is_read_or_refused_with_paths(text: str) -> None:
    try:
        interchange.loads(text, today=TODAY)
    except ValidationError as e:
        _check_refusal(e)


@settings(max_examples=50)
@given(mutated_case())
def test_a_mutated_case_is_read_or_refused_with_paths_never_anything_else(doc: dict[str, Any]) -> None:
    text = json.dumps(doc, ensure_ascii=False, allow_nan=True)
    try:
        cases = interchange.loads(text, today=TODAY)
    except ValidationError as e:
        _check_refusal(e)
        return
    # What is read is valid by every rule, and within the limits.
    for c in cases:
        assert validate_case(c, today=TODAY) == []


@FEW
@given(st.binary(min_size=1, max_size=8), st.integers(min_value=0))
def test_bytes_that_are_not_utf8_are_refused_naming_the_line(junk: bytes, at: int) -> None:
    data = json.dumps(BASE, ensure_ascii=False, indent=1).encode()
    at %= len(data)
    blob = data[:at] + junk + data[at:]
    try:
        blob.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return
    p = Path(__file__).parent / ".hostile-tmp.json"
    try:
        p.write_bytes(blob)
        with pytest.raises(ValidationError) as e:
            interchange.load_file(p, today=TODAY)
    finally:
        p.unlink(missing_ok=True)
    [fe] = e.value.errors
    assert fe.rule == "file.encoding" and fe.path.startswith("line ")


@pytest.mark.parametrize("depth", [990, 1100, 100_000])
def test_any_nesting_depth_is_read_or_refused(depth: int) -> None:
    try:
        interchange.loads("[" * depth + "]" * depth)
    except ValidationError as e:
        assert [fe.rule for fe in e.errors][0] in ("json.depth", "type.object")


def test_dates_in_a_file_are_held_to_the_range() -> None:
    doc = copy.deepcopy(BASE)
    doc["execution_notice"]["deadline"] = (TODAY + timedelta(days=3653 + 366)).isoformat()
    with pytest.raises(ValidationError) as e:
        interchange.loads(json.dumps(doc), today=TODAY)
    assert [(fe.path, fe.rule) for fe in e.value.errors] == [("execution_notice.deadline", "date.range")]
    assert "1949-10-01" in e.value.errors[0].en and "2036-06-30" in e.value.errors[0].zh
