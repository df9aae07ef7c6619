"""Identifiers: resident ID (R-I1), unified social credit code (R-I2), case number (R-N1).

The check-character algorithms are compared against independent formulations
(the ISO 7064 MOD 11-2 and GB 32100 invariants, and python-stdnum's formula for
the resident ID) rather than against the code under test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courtapp.core.domain.identifiers import (
    ENFORCEMENT_TYPES,
    RULE_MESSAGES,
    USCC_CHARSET,
    CaseNumber,
    check_court_code,
    check_credit_code,
    check_resident_id,
    normalize_case_number,
    parse_case_number,
    resident_id_info,
    ric_check_char,
    uscc_check_char,
)

TODAY = date(2026, 6, 30)
VALID_IDS = ["360426199101010071", "11010519491231002X"]
VALID_CODES = ["91110000600037341L", "91350100M000100Y43", "Y1110000MA01ABCD0W"]


def rule_of(fn: Callable[..., object], value: str, **kw: object) -> str:
    """The rule code a check function raises for ``value``."""
    with pytest.raises(ValueError) as exc:
        fn(value, **kw)
    rule = str(exc.value.args[0])
    assert rule in RULE_MESSAGES, f"{rule!r} is not a known rule code"
    return rule


def mod11_2_holds(ric: str) -> bool:
    """ISO 7064 MOD 11-2: Σ a_i·2^(18-i) over all 18 positions (X = 10) ≡ 1 (mod 11)."""
    values = [10 if c == "X" else int(c) for c in ric]
    return sum(v * pow(2, 17 - i, 11) for i, v in enumerate(values)) % 11 == 1


def stdnum_check(first17: str) -> str:
    """python-stdnum's formulation of the same check digit (stdnum.cn.ric)."""
    v = (1 - 2 * int(first17, 13)) % 11
    return "X" if v == 10 else str(v)


def gb32100_holds(code: str) -> bool:
    """GB 32100-2015: Σ v_i·3^i over positions 1-17 plus the check value ≡ 0 (mod 31)."""
    vals = [USCC_CHARSET.index(c) for c in code]
    return (sum(v * pow(3, i, 31) for i, v in enumerate(vals[:17])) + vals[17]) % 31 == 0


def make_ric(area: str, born: str, seq: str) -> str:
    first17 = area + born + seq
    return first17 + ric_check_char(first17)


def generated_ids() -> list[str]:
    areas = ["110105", "360426", "440703", "650102", "810000"]
    births = ["19491231", "19600229", "19911001", "20000101", "20080808", "20121120"]
    seqs = ["001", "002", "017", "123", "998"]
    return [make_ric(a, b, s) for a in areas for b in births for s in seqs]


# ------------------------------------------------------------ resident ID
@pytest.mark.parametrize("ric", VALID_IDS)
def test_the_known_valid_resident_ids_pass(ric: str) -> None:
    assert check_resident_id(ric, today=TODAY) == ric
    assert mod11_2_holds(ric)


def test_R_I1_the_check_character_agrees_with_the_iso_7064_invariant_and_with_stdnum() -> None:
    ids = generated_ids()
    assert len(ids) == 150
    check_chars = set()
    for ric in ids:
        assert mod11_2_holds(ric), ric
        assert ric[17] == stdnum_check(ric[:17]), ric
        assert check_resident_id(ric, today=TODAY) == ric
        check_chars.add(ric[17])
    assert "X" in check_chars  # the generated set exercises the X case too


@pytest.mark.parametrize("ric", VALID_IDS)
def test_R_I1_every_single_digit_change_of_a_valid_id_is_refused(ric: str) -> None:
    changes = 0
    for pos in range(18):
        alphabet = "0123456789X" if pos == 17 else "0123456789"
        for ch in alphabet:
            if ch == ric[pos]:
                continue
            bad = ric[:pos] + ch + ric[pos + 1:]
            changes += 1
            with pytest.raises(ValueError) as exc:
                check_resident_id(bad, today=TODAY)
            # Where the changed first 17 characters are a valid area and date,
            # it is the check character that must catch the change.
            first17 = bad[:17]
            try:
                check_resident_id(first17 + ric_check_char(first17), today=TODAY)
            except ValueError:
                assert exc.value.args[0] in {"ric.area", "ric.birth_date"}
            else:
                assert exc.value.args[0] == "ric.checksum", bad
    assert changes == 17 * 9 + 10


@pytest.mark.parametrize("born", ["19990230", "19990229", "20011301", "20010100", "18791231"])
def test_R_I1_an_impossible_birth_date_is_refused(born: str) -> None:
    assert rule_of(check_resident_id, make_ric("110105", born, "001"), today=TODAY) == "ric.birth_date"


def test_a_birth_date_after_today_is_refused_and_today_itself_is_accepted() -> None:
    assert rule_of(check_resident_id, make_ric("110105", "20260701", "001"),
                   today=TODAY) == "ric.birth_date"
    born_today = make_ric("110105", "20260630", "001")
    assert check_resident_id(born_today, today=TODAY) == born_today


def test_a_leap_day_birth_date_is_accepted_in_a_leap_year() -> None:
    ric = make_ric("110105", "20000229", "001")
    assert check_resident_id(ric, today=TODAY) == ric


@pytest.mark.parametrize("area", ["000000", "100101", "200101", "900101", "990101", "720000"])
def test_an_unknown_province_code_is_refused(area: str) -> None:
    assert rule_of(check_resident_id, make_ric(area, "19900101", "001"), today=TODAY) == "ric.area"


def test_a_lowercase_x_is_accepted_and_normalised_to_upper_case() -> None:
    assert check_resident_id("11010519491231002x", today=TODAY) == "11010519491231002X"


def test_full_width_digits_and_spaces_are_folded() -> None:
    assert check_resident_id("３６０４２６１９９１０１０１００７１", today=TODAY) == "360426199101010071"
    assert check_resident_id("１１０１０５１９４９１２３１００２ｘ", today=TODAY) == "11010519491231002X"
    assert check_resident_id(" 360426 19910101 0071 ", today=TODAY) == "360426199101010071"


@pytest.mark.parametrize(("value", "rule"), [
    ("36042619910101007", "ric.length"),
    ("3604261991010100711", "ric.length"),
    ("", "ric.length"),
    ("36042619910101007A", "ric.format"),
    ("3604261991010100X1", "ric.format"),
    ("X60426199101010071", "ric.format"),
])
def test_R_I1_a_malformed_resident_id_names_the_rule(value: str, rule: str) -> None:
    assert rule_of(check_resident_id, value, today=TODAY) == rule


@pytest.mark.parametrize("value", [
    "٣٦٠٤٢٦١٩٩١٠١٠١٠٠٧١",  # Arabic-Indic digits of 360426199101010071
    "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",  # ... of 11010519491231002X (check char X)
    "११०१०५१९४९१२३१००२X",  # Devanagari digits
])
def test_digits_of_other_scripts_are_refused_not_stored(value: str) -> None:
    assert rule_of(check_resident_id, value, today=TODAY) == "ric.format"


def test_resident_id_info_gives_birth_date_sex_and_area() -> None:
    man = resident_id_info("360426199101010071")
    assert (man.birth_date, man.sex, man.area_code) == (date(1991, 1, 1), "M", "360426")
    woman = resident_id_info("11010519491231002x")
    assert (woman.birth_date, woman.sex, woman.area_code) == (date(1949, 12, 31), "F", "110105")


def test_the_sex_follows_the_parity_of_the_17th_digit() -> None:
    for seq in range(100, 120):
        info = resident_id_info(make_ric("110105", "19800101", str(seq)))
        assert info.sex == ("M" if seq % 2 else "F")


def test_age_counts_completed_years_around_a_birthday() -> None:
    info = resident_id_info("360426199101010071")  # born 1991-01-01
    assert info.age_on(date(2008, 12, 31)) == 17
    assert info.age_on(date(2009, 1, 1)) == 18
    assert info.age_on(date(2021, 12, 31)) == 30
    assert info.age_on(date(2022, 1, 1)) == 31


def test_a_minor_is_under_18_until_the_18th_birthday() -> None:
    info = resident_id_info(make_ric("440703", "20100520", "003"))
    assert info.age_on(date(2026, 6, 30)) == 16
    assert info.age_on(date(2028, 5, 19)) == 17  # the Art. 4 minor bar still applies
    assert info.age_on(date(2028, 5, 20)) == 18


def test_someone_born_on_29_february_comes_of_age_on_1_march_in_a_common_year() -> None:
    info = resident_id_info(make_ric("110105", "20000229", "001"))
    assert info.age_on(date(2018, 2, 28)) == 17
    assert info.age_on(date(2018, 3, 1)) == 18


def test_resident_id_info_refuses_an_invalid_id() -> None:
    with pytest.raises(ValueError, match="ric.checksum"):
        resident_id_info("360426199101010072")


# ------------------------------------------------- unified social credit code
@pytest.mark.parametrize("code", VALID_CODES)
def test_the_known_valid_credit_codes_pass(code: str) -> None:
    assert check_credit_code(code) == code
    assert gb32100_holds(code)


@pytest.mark.parametrize("authority", ["A", "N", "Y"])
def test_R_I2_codes_of_the_authorities_a_n_and_y_pass_unlike_stdnum(authority: str) -> None:
    first17 = authority + "1110000MA01ABCD0"
    code = first17 + uscc_check_char(first17)
    assert gb32100_holds(code)
    assert check_credit_code(code) == code


def test_R_I2_the_uscc_check_character_satisfies_gb_32100_for_generated_codes() -> None:
    seen_checks = set()
    for authority in "123456789ANY":
        for body in ["1110000MA01ABCD0", "2350100M000100Y4", "3440703MA4W0QX1T"]:
            first17 = authority + body
            code = first17 + uscc_check_char(first17)
            assert gb32100_holds(code), code
            assert check_credit_code(code) == code
            seen_checks.add(code[17])
    assert len(seen_checks) > 5


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_R_I2_the_letters_i_o_s_v_and_z_are_refused(letter: str) -> None:
    code = "91350100M000100Y43"
    for pos in (1, 8, 9, 17):
        bad = code[:pos] + letter + code[pos + 1:]
        assert rule_of(check_credit_code, bad) == "uscc.format", bad


def test_R_I2_a_letter_in_the_area_code_positions_3_to_8_is_refused() -> None:
    assert rule_of(check_credit_code, "9111A000600037341L") == "uscc.format"


def test_an_unknown_registration_authority_is_refused() -> None:
    first17 = "B1110000MA01ABCD0"
    assert rule_of(check_credit_code, first17 + uscc_check_char(first17)) == "uscc.authority"


@pytest.mark.parametrize("code", VALID_CODES)
def test_R_I2_every_wrong_check_character_is_refused(code: str) -> None:
    wrong = [c for c in USCC_CHARSET if c != code[17]]
    assert len(wrong) == 30
    for c in wrong:
        assert rule_of(check_credit_code, code[:17] + c) == "uscc.checksum"


@pytest.mark.parametrize("code", VALID_CODES)
def test_a_single_character_change_in_the_body_fails_the_checksum(code: str) -> None:
    for pos in range(8, 17):
        for c in "0123456789ABCDEFGHJKLMNPQRTUWXY":
            if c == code[pos]:
                continue
            bad = code[:pos] + c + code[pos + 1:]
            assert rule_of(check_credit_code, bad) == "uscc.checksum", bad


@pytest.mark.parametrize(("value", "rule"), [
    ("91110000600037341", "uscc.length"),
    ("91110000600037341LL", "uscc.length"),
    ("91110000600037341-", "uscc.format"),
    ("91١١0000600037341L", "uscc.format"),  # Arabic-Indic digits in positions 3-4
])
def test_a_malformed_credit_code_names_the_rule(value: str, rule: str) -> None:
    assert rule_of(check_credit_code, value) == rule


def test_a_credit_code_is_upper_cased_and_full_width_folded() -> None:
    assert check_credit_code("91350100m000100y43") == "91350100M000100Y43"
    assert check_credit_code("９１１１００００６０００３７３４１Ｌ") == "91110000600037341L"


# ----------------------------------------------------------- case numbers
@pytest.mark.parametrize("value", ["(2024)京0105执1234号", "（2024）京0105执1234号"])
def test_R_N1_both_bracket_styles_parse_to_the_same_case_number(value: str) -> None:
    assert parse_case_number(value, today=TODAY) == CaseNumber(2024, "京0105", "执", 1234)


@pytest.mark.parametrize("type_code", list(ENFORCEMENT_TYPES))
def test_R_N1_every_enforcement_type_parses(type_code: str) -> None:
    n = parse_case_number(f"（2025）粤0703{type_code}7号", today=TODAY)
    assert n.type_code == type_code
    assert n.court_code == "粤0703"
    assert str(n) == f"(2025)粤0703{type_code}7号"


def test_there_are_eight_enforcement_types_with_english_and_chinese_names() -> None:
    assert set(ENFORCEMENT_TYPES) == {"执", "执恢", "执保", "执异", "执复", "执监", "执协", "执他"}
    for en, zh in ENFORCEMENT_TYPES.values():
        assert en and zh and en != zh


def test_the_supreme_peoples_court_code_parses() -> None:
    n = parse_case_number("(2021)最高法执监37号", today=TODAY)
    assert (n.year, n.court_code, n.type_code, n.sequence) == (2021, "最高法", "执监", 37)


@pytest.mark.parametrize(("value", "court"), [
    ("(2020)粤执监60号", "粤"), ("(2020)内执复1号", "内"), ("(2023)兵执他2号", "兵"),
    ("(2024)粤07执异5号", "粤07"), ("(2024)湘0181执2137号", "湘0181"),
])
def test_R_N1_province_intermediate_and_basic_court_codes_parse(value: str, court: str) -> None:
    assert parse_case_number(value, today=TODAY).court_code == court


@pytest.mark.parametrize(("value", "rule"), [
    ("(2024)粤070执1号", "case_number.court_code"),
    ("(2024)京1执1号", "case_number.court_code"),
    ("(2024)京01055执1号", "case_number.format"),  # more than 4 digits is not a court code
])
def test_R_N1_a_court_code_with_1_3_or_5_digits_is_refused(value: str, rule: str) -> None:
    assert rule_of(parse_case_number, value, today=TODAY) == rule


@pytest.mark.parametrize("value", [
    "(2024)京0105执1234", "(2024)京0105执号", "2024京0105执1号", "[2024]京0105执1号",
    "〔2024〕京0105执1号", "(24)京0105执1号", "(2024)京0105执1234号 附", "",
])
def test_a_malformed_case_number_is_refused(value: str) -> None:
    assert rule_of(parse_case_number, value, today=TODAY) == "case_number.format"


@pytest.mark.parametrize("type_code", ["民初", "民终", "刑初", "行初", "财保", "执请"])
def test_R_N1_a_non_enforcement_case_type_is_refused(type_code: str) -> None:
    assert rule_of(parse_case_number, f"(2024)京0105{type_code}1号",
                   today=TODAY) == "case_number.format"


def test_sequence_zero_is_refused_and_leading_zeros_are_dropped() -> None:
    assert rule_of(parse_case_number, "(2024)京0105执0号", today=TODAY) == "case_number.sequence"
    assert str(parse_case_number("(2024)京0105执0012号", today=TODAY)) == "(2024)京0105执12号"


def test_the_year_must_be_between_1950_and_next_year() -> None:
    assert rule_of(parse_case_number, "(1949)京0105执1号", today=TODAY) == "case_number.year"
    assert rule_of(parse_case_number, "(2028)京0105执1号", today=TODAY) == "case_number.year"
    assert parse_case_number("(2027)京0105执1号", today=TODAY).year == 2027
    assert parse_case_number("(1950)京0105执1号", today=TODAY).year == 1950


def test_canonical_form_uses_ascii_brackets_and_display_uses_full_width() -> None:
    n = parse_case_number("（２０２４）京０１０５执恢 １２号", today=TODAY)
    assert str(n) == "(2024)京0105执恢12号"
    assert n.display() == "（2024）京0105执恢12号"
    assert normalize_case_number("（2024）京0105执恢12号") == "(2024)京0105执恢12号"


def test_court_codes_with_digits_of_other_scripts_are_refused() -> None:
    assert rule_of(parse_case_number, "(2024)京٠١٠٥执1号", today=TODAY) == "case_number.format"
    assert rule_of(check_court_code, "京٠١٠٥") == "court_code.format"


@pytest.mark.parametrize(("value", "ok"), [
    ("最高法", True), ("京", True), ("粤07", True), ("京0105", True), ("京０１０５", True),
    ("京1", False), ("京010", False), ("京01050", False), ("", False), ("BJ0105", False),
])
def test_court_codes_follow_the_2015_case_number_rules(value: str, ok: bool) -> None:
    if ok:
        assert check_court_code(value) == value.replace("０１０５", "0105")
    else:
        assert rule_of(check_court_code, value) == "court_code.format"


def test_case_numbers_sort_by_year_court_type_and_sequence() -> None:
    a = parse_case_number("(2024)京0105执2号", today=TODAY)
    b = parse_case_number("(2024)京0105执10号", today=TODAY)
    c = parse_case_number("(2025)京0105执1号", today=TODAY)
    assert sorted([c, b, a]) == [a, b, c]


# ------------------------------------------------ the formulas of RULES.md, as written there
def _rules_ric_check(first17: str) -> str:
    """R-I1: "10X98765432"[Σ(d_i·w_i) mod 11], w = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2."""
    w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(d) * k for d, k in zip(first17, w, strict=True)) % 11]


_USCC_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _rules_uscc_check(first17: str) -> str:
    """R-I2: set[(31 − Σ(v_i·w_i) mod 31) mod 31], w_i = 3^i mod 31."""
    total = sum(_USCC_SET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return _USCC_SET[(31 - total % 31) % 31]


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
       st.sampled_from(["110105", "360426", "440305", "650102"]),
       st.integers(min_value=0, max_value=999))
def test_R_I1_the_check_character_is_the_rules_formula_for_any_birth_date(
        born: date, area: str, seq: int) -> None:
    first17 = f"{area}{born:%Y%m%d}{seq:03d}"
    ric = first17 + _rules_ric_check(first17)
    assert ric_check_char(first17) == ric[17]
    assert check_resident_id(ric, today=TODAY) == ric
    wrong = next(c for c in "0123456789X" if c != ric[17])
    with pytest.raises(ValueError):
        check_resident_id(first17 + wrong, today=TODAY)


@given(st.sampled_from("123456789ANY"), st.sampled_from("123459"),
       st.text(alphabet="0123456789", min_size=6, max_size=6),
       st.text(alphabet=_USCC_SET, min_size=9, max_size=9))
def test_R_I2_the_check_character_is_the_rules_formula_for_any_code(
        authority: str, kind: str, area: str, body: str) -> None:
    first17 = authority + kind + area + body
    code = first17 + _rules_uscc_check(first17)
    assert uscc_check_char(first17) == code[17]
    assert check_credit_code(code) == code
