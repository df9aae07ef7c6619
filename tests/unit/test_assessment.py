"""The listing assessment (RULES.md §10 R-L1–R-L4, R-L7, R-L10–R-L16, R-C1, R-C4)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from courtapp.core import interchange
from courtapp.core.domain.assessment import (
    BAR_CODES,
    GROUND1_BARS,
    RESTRICTION_BARS,
    assess_case,
    assess_respondent,
)
from courtapp.core.domain.identifiers import ric_check_char
from courtapp.core.domain.model import (
    ConductRecord,
    ConductType,
    EnforcementCase,
    Finding,
    Obligation,
    ObligationKind,
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
    # R-L13: later in the order of performance bars a restriction too.
    assert alone.restriction == ("unavailable" if bar == "later_in_order" else "discretionary")
    conduct(case, ConductType.ASSET_REPORT_VIOLATION)
    with_conduct = assess_respondent(case, 0, AFTER)
    assert bar in with_conduct.bars and with_conduct.listable
    assert with_conduct.effective_grounds == [4] and with_conduct.term_years == 2
    assert with_conduct.restriction == ("unavailable" if bar == "later_in_order" else "mandatory")


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


def test_R_C1_the_notice_must_be_served_and_the_performance_period_over() -> None:
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


def test_R_L7_a_running_grace_period_blocks_listing_until_its_last_day_has_passed() -> None:
    case = able(base_case())
    grace = date(2026, 6, 30)
    assert "grace_period_running" in assess_respondent(case, 0, grace, grace_until=grace).bars
    assert assess_respondent(case, 0, date(2026, 7, 1), grace_until=grace).listable


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


# ------------------------------------------------------------------ R-L11
def served(case: EnforcementCase, on: date, deadline: date | None = None) -> EnforcementCase:
    n = case.execution_notice
    assert n is not None
    n.served_on = on
    if deadline is not None:
        n.deadline = deadline
    return case


@pytest.mark.parametrize(("served_on", "late"), [
    (date(2026, 3, 14), False),  # the day before the deadline: one day to perform
    (date(2026, 3, 15), True),  # on the deadline itself: no period at all
    (date(2026, 3, 20), True),  # after it
])
def test_R_L11_a_notice_served_on_or_after_its_deadline_bars_ground_one_and_a_restriction(
        served_on: date, late: bool) -> None:
    case = served(able(base_case()), served_on)
    a = assess_respondent(case, 0, AFTER)
    if not late:
        assert (a.bars, a.listable, a.restriction) == ([], True, "mandatory")
        return
    assert a.bars == ["notice_served_late"] and a.grounds == [1]
    assert (a.listable, a.effective_grounds, a.restriction) == (False, [], "unavailable")
    assert any("2015 Provisions Art. 1" in c and "251" in c for c in a.citations)
    assert any(served_on.isoformat() in r and "fresh notice" in r for r in a.reasons_en)
    assert any("重新送达" in r for r in a.reasons_zh)


def test_R_L11_grounds_two_to_six_stay_but_no_restriction_binds_anyone() -> None:
    case = served(base_case(), date(2026, 3, 15))
    able(case, 1)
    conduct(case, ConductType.ASSET_TRANSFER, i=1)
    entity = assess_respondent(case, 1, AFTER)
    assert entity.bars == ["notice_served_late"]
    assert (entity.grounds, entity.effective_grounds, entity.listable) == ([1, 3], [3], True)
    assert entity.term_years == 2 and not entity.manual_review  # ground (1) is not effective
    assert entity.restriction == "unavailable" and entity.bound_persons == []
    assert any("no consumption restriction" in r for r in entity.reasons_en)


def test_R_L11_on_the_day_of_late_service_there_is_no_running_period_to_report() -> None:
    case = served(able(base_case()), date(2026, 3, 15))
    a = assess_respondent(case, 0, date(2026, 3, 15))
    assert a.bars == ["notice_served_late"]
    before = assess_respondent(case, 0, date(2026, 3, 14))  # not served yet on that day
    assert before.bars == ["notice_not_served"]


def test_R_L11_a_fresh_notice_with_a_new_deadline_lifts_the_bar_once_that_deadline_passes() -> None:
    from courtapp.core.domain.model import ExecutionNotice, ServiceMethod

    case = served(able(base_case()), date(2026, 3, 20))
    assert "notice_served_late" in assess_respondent(case, 0, AFTER).bars
    case.execution_notice = ExecutionNotice(date(2026, 4, 1), date(2026, 4, 15),
                                            date(2026, 4, 3), ServiceMethod.DIRECT)
    running = assess_respondent(case, 0, date(2026, 4, 15))  # the new deadline itself
    assert running.bars == ["performance_period_running"]
    assert running.restriction == "unavailable"
    passed = assess_respondent(case, 0, date(2026, 4, 16))
    assert (passed.bars, passed.listable, passed.restriction) == ([], True, "mandatory")


# ------------------------------------------------------------------ R-L12
def test_R_L12_the_serious_violence_answer_without_a_recorded_act_allows_no_extension() -> None:
    case = able(base_case(), able=False, serious_violence=True)
    conduct(case, ConductType.FORGED_EVIDENCE)  # ground (2), but no violence or threat
    a = assess_respondent(case, 0, AFTER)
    assert (a.listable, a.effective_grounds, a.term_years, a.extendable) == (True, [2], 2, False)
    assert any("no violence or threat is recorded" in r for r in a.reasons_en)


def test_R_L12_recorded_violence_without_the_judges_answer_allows_no_extension() -> None:
    case = able(base_case(), able=False, serious_violence=False)
    conduct(case, ConductType.VIOLENCE_OR_THREAT)
    a = assess_respondent(case, 0, AFTER)
    assert (a.listable, a.extendable) == (True, False)


def test_R_L12_recorded_violence_found_serious_allows_an_extension() -> None:
    case = able(base_case(), able=False, serious_violence=True)
    conduct(case, ConductType.VIOLENCE_OR_THREAT)
    a = assess_respondent(case, 0, AFTER)
    assert (a.listable, a.extendable) == (True, True)
    assert any("violence or threats that the judge found serious" in r for r in a.reasons_en)
    # ...but only for the violence recorded on or before the assessment date.
    assert not assess_respondent(case, 0, date(2026, 3, 31)).extendable


def test_R_L12_two_recorded_dishonest_acts_allow_an_extension_without_violence() -> None:
    case = able(base_case(), able=False)
    conduct(case, ConductType.ASSET_TRANSFER)
    assert not assess_respondent(case, 0, AFTER).extendable
    conduct(case, ConductType.ASSET_TRANSFER, on=date(2026, 4, 2))
    a = assess_respondent(case, 0, AFTER)
    assert (a.grounds, a.extendable) == ([3], True)


def test_R_L12_another_respondents_violence_does_not_count() -> None:
    case = able(base_case(), able=False, serious_violence=True)
    conduct(case, ConductType.ASSET_CONCEALMENT)
    conduct(case, ConductType.VIOLENCE_OR_THREAT, i=1)
    assert not assess_respondent(case, 0, AFTER).extendable


# ------------------------------------------------------------------ R-L13
def test_R_L13_a_debtor_later_in_the_order_gets_no_restriction_whatever_the_grounds() -> None:
    case = base_case()
    able(case, 1, later_in_performance_order=True)
    conduct(case, ConductType.ASSET_REPORT_VIOLATION, i=1)
    a = assess_respondent(case, 1, AFTER)
    assert (a.grounds, a.effective_grounds, a.listable) == ([1, 4], [4], True)
    assert a.bars == ["later_in_order"]
    assert (a.restriction, a.bound_persons) == ("unavailable", [])
    assert any("enforcement measure" in r for r in a.reasons_en)
    assert any("2015 Provisions Art. 1" in c for c in a.citations)
    # Without any ground: unavailable, not discretionary, though the deadline has passed.
    alone = assess_respondent(able(base_case(), later_in_performance_order=True, able=None), 0, AFTER)
    assert (alone.listable, alone.restriction) == (False, "unavailable")


# ------------------------------------------------------------------ R-L14
def money_only(case: EnforcementCase) -> EnforcementCase:
    """The apology of the example, performed: only money (50,000) is outstanding."""
    case.obligations.append(Obligation(ObligationKind.NON_MONETARY, "公开赔礼道歉"))
    case.payments.append(Payment(date(2026, 3, 20), 0, None, "已公开赔礼道歉", 1))
    return case


def test_R_L14_security_cannot_cover_an_unperformed_act_that_the_basis_does_not_convert() -> None:
    case = able(base_case())
    case.obligations.append(Obligation(ObligationKind.NON_MONETARY, "交付车辆"))
    case.security.append(SecurityItem(SecurityKind.GUARANTEE, Decimal("500000"), 0))
    case.property.append(PropertyItem(PropertyKind.BANK_DEPOSIT, "存款", Decimal("900000"),
                                      date(2026, 4, 1), PropertyMeasure.FROZEN, 0))
    a = assess_respondent(case, 0, AFTER)
    assert a.bars == [] and a.listable and a.effective_grounds == [1]
    assert any("交付车辆" in r and "cannot perform" in r for r in a.reasons_en)
    # The act performed: money alone is outstanding, and both bars apply.
    case.payments.append(Payment(date(2026, 4, 2), 0, None, "已交付", 1))
    done = assess_respondent(case, 0, AFTER)
    assert done.bars == ["security", "seized_property_sufficient"] and not done.listable


def test_R_L14_an_act_the_basis_converts_to_money_counts_at_its_converted_amount() -> None:
    case = able(base_case())
    case.obligations.append(Obligation(ObligationKind.NON_MONETARY, "交付车辆",
                                       converted_amount=Decimal("30000")))
    case.security.append(SecurityItem(SecurityKind.GUARANTEE, Decimal("79999.99"), 0))
    short = assess_respondent(case, 0, AFTER)  # 50,000 + 30,000 outstanding
    assert short.bars == [] and short.listable
    case.security.append(SecurityItem(SecurityKind.CASH_DEPOSIT, Decimal("0.01"), 0))
    covered = assess_respondent(case, 0, AFTER)
    assert covered.bars == ["security"] and not covered.listable
    assert any("80,000.00" in r and "30,000.00" in r for r in covered.reasons_en)


def test_R_L14_security_is_weighed_against_everything_outstanding_after_anyones_payments() -> None:
    case = able(money_only(base_case()))
    case.security.append(SecurityItem(SecurityKind.PLEDGE, Decimal("30000"), 0))
    assert "security" not in assess_respondent(case, 0, AFTER).bars  # 30,000 < 50,000
    case.payments.append(Payment(date(2026, 5, 1), 1, Decimal("20000")))  # the co-debtor pays
    assert assess_respondent(case, 0, date(2026, 4, 30)).bars == []
    assert assess_respondent(case, 0, date(2026, 5, 1)).bars == ["security"]


def test_R_L14_a_co_debtors_held_property_covering_the_joint_debt_is_flagged_for_the_judge() -> None:
    case = able(money_only(base_case()))
    case.property.append(PropertyItem(PropertyKind.REAL_ESTATE, "厂房", Decimal("60000"),
                                      date(2026, 4, 1), PropertyMeasure.SEALED, 1))
    a = assess_respondent(case, 0, AFTER)
    assert a.manual_review and a.review == ["co_debtor_property"]
    assert a.listable and a.bars == []  # flagged, not barred: the judge decides
    assert any("某某科技有限公司" in r and "60,000.00" in r for r in a.reasons_en)
    assert any("某某科技有限公司" in r for r in a.reasons_zh)
    assert a.to_json()["manual_review"] is True
    # The co-debtor itself is barred by its own property.
    assert "seized_property_sufficient" in assess_respondent(case, 1, AFTER).bars
    # Before the property was found, nothing to flag.
    assert not assess_respondent(case, 0, date(2026, 3, 31)).manual_review


def test_R_L14_own_and_co_debtors_property_together_covering_the_debt_is_flagged() -> None:
    case = able(money_only(base_case()))
    case.property.append(PropertyItem(PropertyKind.BANK_DEPOSIT, "存款", Decimal("20000"),
                                      date(2026, 4, 1), PropertyMeasure.FROZEN, 0))
    case.property.append(PropertyItem(PropertyKind.VEHICLE, "货车", Decimal("29999.99"),
                                      date(2026, 4, 1), PropertyMeasure.SEIZED, 1))
    assert not assess_respondent(case, 0, AFTER).manual_review  # 49,999.99 < 50,000
    case.property[-1].value = Decimal("30000")
    a = assess_respondent(case, 0, AFTER)
    assert a.manual_review and "seized_property_sufficient" not in a.bars


def test_R_L14_a_co_debtors_property_cannot_cover_an_unconverted_act_either() -> None:
    case = able(base_case())
    case.obligations.append(Obligation(ObligationKind.NON_MONETARY, "腾退房屋"))
    case.property.append(PropertyItem(PropertyKind.REAL_ESTATE, "厂房", Decimal("900000"),
                                      date(2026, 4, 1), PropertyMeasure.SEALED, 1))
    assert not assess_respondent(case, 0, AFTER).manual_review


# ------------------------------------------------------------------ R-L16
def test_R_L16_a_campus_loan_student_is_neither_listed_nor_restricted() -> None:
    case = able(base_case(), campus_loan_student=True)
    conduct(case, ConductType.ASSET_CONCEALMENT)
    a = assess_respondent(case, 0, AFTER)
    assert a.bars == ["campus_loan_student"]
    assert (a.listable, a.effective_grounds, a.restriction) == (False, [], "unavailable")
    assert any("item 16" in c for c in a.citations)
    assert any("校园贷" in r for r in a.reasons_zh)


def test_R_L16_an_exception_needs_the_judges_written_reason_which_the_reasons_quote() -> None:
    case = able(base_case(), campus_loan_student=True)
    case.findings[0].campus_loan_exception_reason = "   "  # blank: no reason, no exception
    assert "campus_loan_student" in assess_respondent(case, 0, AFTER).bars
    reason = "已毕业并就业，名下有房产，有能力履行而拒不履行"
    case.findings[0].campus_loan_exception_reason = reason
    a = assess_respondent(case, 0, AFTER)
    assert (a.bars, a.listable, a.restriction) == ([], True, "mandatory")
    assert any(reason in r for r in a.reasons_zh) and any(reason in r for r in a.reasons_en)
    assert any("item 16" in c for c in a.citations)


# ------------------------------------------------------------------ the JSON line
def test_the_json_line_keeps_its_fields_and_types_with_the_new_rules() -> None:
    case = served(able(base_case(), later_in_performance_order=True), date(2026, 3, 15))
    conduct(case, ConductType.ASSET_TRANSFER)
    out = assess_respondent(case, 0, AFTER).to_json()
    assert list(out) == ["respondent", "listable", "grounds", "bars", "term", "extendable",
                         "restriction", "bound_persons", "citations", "reasons", "as_of",
                         "effective_grounds", "open_questions", "manual_review"]
    assert out["bars"] == ["notice_served_late", "later_in_order"]
    assert (out["listable"], out["term"], out["restriction"]) == (True, {"years": 2}, "unavailable")
    assert isinstance(out["manual_review"], bool) and isinstance(out["extendable"], bool)
    assert "review" not in out


def test_every_bar_code_is_documented_with_its_scope() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "assessment.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in doc.splitlines()
            if line.startswith("| `")}
    for code in BAR_CODES:
        assert code in rows, code
        scope = rows[code].split("|")[3]
        if code in RESTRICTION_BARS:
            assert "restriction" in scope, code
        assert ("ground (1)" in scope) == (code in GROUND1_BARS), code
