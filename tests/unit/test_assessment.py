"""The listing assessment (RULES.md §10 R-L1–R-L4, R-L10, R-C1, R-C4)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from courtapp.core import interchange
from courtapp.core.domain.assessment import BAR_CODES, assess_case, assess_respondent
from courtapp.core.domain.identifiers import ric_check_char
from courtapp.core.domain.model import (
    ConductRecord,
    ConductType,
    EnforcementCase,
    Finding,
    Payment,
    PropertyItem,
    PropertyKind,
    PropertyMeasure,
    SecurityItem,
    SecurityKind,
)

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"
AFTER = date(2026, 11, 26)  # well past the deadline of 2026-03-15


def base_case() -> EnforcementCase:
    """张三 owes 50,000 after a served notice; no findings, no conduct, no property."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for key in ("payments", "property", "security", "conduct", "findings"):
        doc[key] = []
    doc["obligations"] = [doc["obligations"][0]]
    return interchange.loads(json.dumps(doc, ensure_ascii=False))[0]


def able(case: EnforcementCase, i: int = 0, **kw: bool) -> EnforcementCase:
    case.findings = [f for f in case.findings if f.respondent != i] + [
        Finding(i, able_to_perform=kw.pop("able", True), **kw)]
    return case


def conduct(case: EnforcementCase, typ: ConductType, i: int = 0, on: date = date(2026, 4, 1)) -> None:
    case.conduct.append(ConductRecord(typ, on, "记录在案", i))


def id_born(born: date) -> str:
    body = f"110105{born:%Y%m%d}001"
    return body + ric_check_char(body)


def test_R_L1_ground_one_needs_a_finding_of_ability_to_perform() -> None:
    case = base_case()
    a = assess_respondent(case, 0, AFTER)
    assert (a.listable, a.grounds, a.open_questions) == (False, [], ["able_to_perform"])
    a = assess_respondent(able(case), 0, AFTER)
    assert (a.listable, a.grounds, a.bars) == (True, [1], [])
    assert a.term_years is None and a.restriction == "mandatory"


@pytest.mark.parametrize(("typ", "ground"), [
    (ConductType.FORGED_EVIDENCE, 2), (ConductType.VIOLENCE_OR_THREAT, 2),
    (ConductType.FALSE_LITIGATION, 3), (ConductType.FALSE_ARBITRATION, 3),
    (ConductType.ASSET_CONCEALMENT, 3), (ConductType.ASSET_TRANSFER, 3),
    (ConductType.ASSET_REPORT_VIOLATION, 4), (ConductType.RESTRICTION_ORDER_VIOLATION, 5),
    (ConductType.SETTLEMENT_REFUSAL, 6),
])
def test_R_L1_grounds_two_to_six_come_from_recorded_conduct(typ: ConductType, ground: int) -> None:
    case = base_case()
    conduct(case, typ)
    a = assess_respondent(case, 0, AFTER)
    assert (a.listable, a.grounds, a.term_years) == (True, [ground], 2)
    assert f"Art. 1 item ({ground})" in " ".join(a.citations)


def test_R_L1_conduct_after_the_assessment_date_is_not_counted() -> None:
    case = base_case()
    conduct(case, ConductType.ASSET_TRANSFER, on=date(2026, 6, 1))
    assert assess_respondent(case, 0, date(2026, 5, 31)).grounds == []
    assert assess_respondent(case, 0, date(2026, 6, 1)).grounds == [3]


def test_R_L1_nothing_outstanding_blocks_every_ground() -> None:
    case = able(base_case())
    conduct(case, ConductType.ASSET_TRANSFER)
    case.payments.append(Payment(date(2026, 5, 1), 0, Decimal("50000.00")))
    a = assess_respondent(case, 0, AFTER)
    assert a.bars == ["nothing_outstanding"] and not a.listable
    assert a.restriction == "unavailable"


def test_R_L2_minor_is_never_listed_by_age_on_the_assessment_date() -> None:
    case = able(base_case())
    conduct(case, ConductType.VIOLENCE_OR_THREAT)
    case.respondents[0].id_number = id_born(date(2009, 1, 10))
    minor = assess_respondent(case, 0, date(2027, 1, 9))
    assert "minor" in minor.bars and not minor.listable and minor.grounds == [1, 2]
    assert "Art. 4" in " ".join(minor.citations)
    adult = assess_respondent(case, 0, date(2027, 1, 10))  # the 18th birthday
    assert "minor" not in adult.bars and adult.listable


@pytest.mark.parametrize("bar", ["security", "seized_property_sufficient", "later_in_order",
                                 "not_able_to_perform"])
def test_R_L3_art_3_bars_block_ground_one_but_not_grounds_two_to_six(bar: str) -> None:
    case = able(base_case(), later_in_performance_order=bar == "later_in_order",
                able=bar != "not_able_to_perform")
    if bar == "security":
        case.security.append(SecurityItem(SecurityKind.GUARANTEE, Decimal("50000.00"), 0))
    if bar == "seized_property_sufficient":
        case.property.append(PropertyItem(PropertyKind.REAL_ESTATE, "住宅", Decimal("80000"),
                                          date(2026, 4, 1), PropertyMeasure.SEALED, 0))
    alone = assess_respondent(case, 0, AFTER)
    assert bar in alone.bars and not alone.listable and alone.effective_grounds == []
    assert alone.restriction == "discretionary"
    conduct(case, ConductType.ASSET_REPORT_VIOLATION)
    with_conduct = assess_respondent(case, 0, AFTER)
    assert bar in with_conduct.bars and with_conduct.listable
    assert with_conduct.effective_grounds == [4] and with_conduct.term_years == 2


def test_R_L3_partial_payments_count_against_frozen_property() -> None:
    case = able(base_case())
    case.property.append(PropertyItem(PropertyKind.BANK_DEPOSIT, "存款", Decimal("30000.00"),
                                      date(2026, 4, 1), PropertyMeasure.FROZEN, 0))
    before = assess_respondent(case, 0, AFTER)
    assert "seized_property_sufficient" not in before.bars and before.listable  # 30,000 < 50,000
    case.payments.append(Payment(date(2026, 5, 1), 0, Decimal("20000.00")))
    after = assess_respondent(case, 0, AFTER)
    assert "seized_property_sufficient" in after.bars and not after.listable  # 30,000 ≥ 30,000
    assert assess_respondent(case, 0, date(2026, 4, 30)).listable  # before the payment


def test_R_L3_property_with_no_measure_does_not_bar() -> None:
    case = able(base_case())
    case.property.append(PropertyItem(PropertyKind.VEHICLE, "轿车", Decimal("900000"),
                                      date(2026, 4, 1), PropertyMeasure.NONE, 0))
    assert assess_respondent(case, 0, AFTER).listable


def test_R_L4_term_is_two_years_and_extendable_only_for_serious_violence_or_several_acts() -> None:
    case = base_case()
    conduct(case, ConductType.FORGED_EVIDENCE)
    one = assess_respondent(case, 0, AFTER)
    assert (one.term_years, one.extendable) == (2, False)
    conduct(case, ConductType.ASSET_TRANSFER)
    several = assess_respondent(case, 0, AFTER)
    assert (several.term_years, several.extendable, several.grounds) == (2, True, [2, 3])
    violent = base_case()
    conduct(violent, ConductType.VIOLENCE_OR_THREAT)
    able(violent, able=False, serious_violence=True)
    v = assess_respondent(violent, 0, AFTER)
    assert (v.listable, v.term_years, v.extendable) == (True, 2, True)


def test_R_L4_ground_one_alone_is_open_ended_and_a_mix_is_flagged_for_the_judge() -> None:
    case = able(base_case())
    alone = assess_respondent(case, 0, AFTER)
    assert (alone.term_years, alone.extendable, alone.manual_review) == (None, False, False)
    conduct(case, ConductType.SETTLEMENT_REFUSAL)
    mixed = assess_respondent(case, 0, AFTER)
    assert mixed.effective_grounds == [1, 6] and mixed.term_years == 2 and mixed.manual_review


def test_the_notice_must_be_served_and_the_performance_period_over() -> None:
    case = able(base_case())
    assert case.execution_notice is not None
    on_deadline = assess_respondent(case, 0, case.execution_notice.deadline)
    assert on_deadline.bars == ["performance_period_running"] and not on_deadline.listable
    assert on_deadline.restriction == "unavailable"
    day_after = assess_respondent(case, 0, date(2026, 3, 16))
    assert day_after.listable and day_after.restriction == "mandatory"
    case.execution_notice.served_on = None
    case.execution_notice.service_method = None
    unserved = assess_respondent(case, 0, AFTER)
    assert unserved.bars == ["notice_not_served"] and unserved.restriction == "unavailable"


def test_a_running_grace_period_blocks_listing_until_it_ends() -> None:
    case = able(base_case())
    grace = date(2026, 6, 30)
    assert "grace_period_running" in assess_respondent(case, 0, grace, grace_until=grace).bars
    assert assess_respondent(case, 0, date(2026, 7, 1), grace_until=grace).listable


def test_a_campus_loan_student_is_generally_not_listed() -> None:
    case = able(base_case(), campus_loan_student=True)
    conduct(case, ConductType.ASSET_CONCEALMENT)
    a = assess_respondent(case, 0, AFTER)
    assert "campus_loan_student" in a.bars and not a.listable and a.restriction == "discretionary"


def test_R_L10_listing_makes_the_restriction_mandatory_and_R_C1_otherwise_it_needs_a_passed_deadline() -> None:
    case = base_case()
    assert assess_respondent(case, 0, AFTER).restriction == "discretionary"
    assert assess_respondent(case, 0, date(2026, 3, 10)).restriction == "unavailable"
    assert assess_respondent(able(case), 0, AFTER).restriction == "mandatory"


def test_R_C4_an_entitys_officers_are_bound_and_not_assessed_themselves() -> None:
    case = base_case()
    able(case, 1)
    results = assess_case(case, AFTER)
    assert [a.respondent for a in results] == [0, 1]  # officers are not respondents
    entity = results[1]
    assert entity.listable and entity.restriction == "mandatory"
    assert entity.bound_persons == [{"officer": 0, "role": "legal_representative", "name": "王五",
                                     "id_number": "110105198001010016"}]
    assert "Art. 3 para. 2" in " ".join(entity.citations)
    assert results[0].bound_persons == []  # a natural person binds nobody else


def test_several_respondents_are_assessed_separately() -> None:
    case = able(base_case(), 0)
    conduct(case, ConductType.ASSET_TRANSFER, i=1)
    case.security.append(SecurityItem(SecurityKind.PLEDGE, Decimal("60000"), 0))
    a0, a1 = assess_case(case, AFTER)
    assert (a0.listable, a0.bars) == (False, ["security"])
    assert (a1.listable, a1.grounds, a1.bars) == (True, [3], [])


def test_every_bar_code_has_a_reason_in_both_languages_and_the_json_shape_is_fixed() -> None:
    case = able(base_case(), campus_loan_student=True, later_in_performance_order=True)
    case.respondents[0].id_number = id_born(date(2012, 5, 1))
    case.execution_notice = None
    case.security.append(SecurityItem(SecurityKind.GUARANTEE, Decimal("50000"), 0))
    a = assess_respondent(case, 0, AFTER)
    assert len(a.reasons_zh) == len(a.reasons_en) >= len(a.bars)
    assert set(a.bars) <= set(BAR_CODES)
    out = a.to_json()
    for key in ("respondent", "listable", "grounds", "bars", "term", "extendable", "restriction",
                "bound_persons", "citations", "reasons"):
        assert key in out
    assert set(out["reasons"]) == {"zh", "en"}
    json.dumps(out, ensure_ascii=False)  # serialisable
