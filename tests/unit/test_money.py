"""Money: Decimal CNY with at most two places, stored as integer fen."""

from __future__ import annotations

from decimal import Decimal

import pytest

from courtapp.core.domain.money import (
    AMOUNT_MESSAGES,
    MAX_AMOUNT,
    format_amount,
    from_fen,
    parse_amount,
    to_fen,
)


def rule_of(value: object) -> str:
    with pytest.raises(ValueError) as exc:
        parse_amount(value)
    rule = str(exc.value.args[0])
    assert rule in AMOUNT_MESSAGES
    return rule


@pytest.mark.parametrize(("value", "expected"), [
    ("50000", "50000.00"),
    ("50000.00", "50000.00"),
    ("0.5", "0.50"),
    ("0.01", "0.01"),
    ("0", "0.00"),
    (" 1234.5 ", "1234.50"),
    ("1,234,567.89", "1234567.89"),
    ("1，234.00", "1234.00"),
    (12, "12.00"),
    (Decimal("7.1"), "7.10"),
    ("9999999999999.99", "9999999999999.99"),
])
def test_a_decimal_amount_parses_to_two_places(value: object, expected: str) -> None:
    d = parse_amount(value)
    assert isinstance(d, Decimal)
    assert str(d) == expected


@pytest.mark.parametrize("value", [0.1, 50000.0, 1e3, True, False, None, [1], {"a": 1}])
def test_floats_booleans_and_other_types_are_refused(value: object) -> None:
    assert rule_of(value) == "amount.type"


@pytest.mark.parametrize("value", ["-1", "-0.01", -5, Decimal("-100")])
def test_negative_amounts_are_refused(value: object) -> None:
    assert rule_of(value) == "amount.negative"


def test_negative_zero_is_plain_zero() -> None:
    zero = parse_amount("-0")
    assert zero == 0
    assert not zero.is_signed()
    assert f"{zero:.2f}" == "0.00"


@pytest.mark.parametrize("value", ["0.001", "1.005", "12.345", Decimal("0.125")])
def test_three_decimal_places_are_refused(value: object) -> None:
    assert rule_of(value) == "amount.places"


def test_trailing_zeros_beyond_two_places_are_not_a_third_place() -> None:
    assert str(parse_amount("1.500")) == "1.50"


@pytest.mark.parametrize("value", ["", "abc", "1.2.3", "NaN", "Infinity", "-Infinity", "¥100"])
def test_non_numbers_are_refused(value: str) -> None:
    assert rule_of(value) == "amount.format"


def test_implausibly_large_amounts_are_refused() -> None:
    assert rule_of(str(MAX_AMOUNT)) == "amount.too_large"
    assert rule_of("99999999999999999") == "amount.too_large"


@pytest.mark.parametrize("text", [
    "0.00", "0.01", "0.10", "0.99", "1.00", "19.99", "50000.00", "1234567.89",
    "9999999999999.99",
])
def test_fen_round_trip_is_exact(text: str) -> None:
    amount = Decimal(text)
    fen = to_fen(amount)
    assert isinstance(fen, int)
    assert fen == int(text.replace(".", ""))
    assert from_fen(fen) == amount
    assert str(from_fen(fen)) == text


def test_fen_round_trip_over_a_range_of_values() -> None:
    for fen in list(range(0, 10_001, 7)) + [10**15 - 1, 123_456_789_012]:
        assert to_fen(from_fen(fen)) == fen


@pytest.mark.parametrize(("amount", "text"), [
    ("1234567.5", "1,234,567.50"), ("0", "0.00"), ("999.99", "999.99"), ("1000", "1,000.00"),
])
def test_format_amount_groups_thousands_with_two_places(amount: str, text: str) -> None:
    assert format_amount(Decimal(amount)) == text


def test_every_amount_rule_has_english_and_chinese_text() -> None:
    for rule, (en, zh) in AMOUNT_MESSAGES.items():
        assert en.strip() and zh.strip() and en != zh, rule
