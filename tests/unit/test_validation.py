"""Whole-case validation: each rule is triggered by a minimal broken case and
reported at the right JSON path, and nothing else is reported."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest

from courtapp.core.domain.identifiers import RULE_MESSAGES
from courtapp.core.domain.messages import REFUSALS
from courtapp.core.domain.model import (
    EnforcementCase,
    ExecutionNotice,
    Finding,
    Obligation,
    ObligationKind,
    Officer,
    OfficerRole,
    Party,
    PartyKind,
    Payment,
    PublicRole,
)
from courtapp.core.domain.money import AMOUNT_MESSAGES
from courtapp.core.domain.validation import (
    MESSAGES,
    WARNINGS,
    case_warnings,
    message,
    validate_case,
)
from courtapp.core.interchange import _MSG as INTERCHANGE_MESSAGES

TODAY = date(2026, 6, 30)
CJK = re.compile(r"[\u4e00-\u9fff]")

Mutation = Callable[[EnforcementCase], None]


def setattr_path(path: str, value: object) -> Mutation:
    """A mutation that sets ``a.b[1].c`` on the case."""

    def mutate(case: EnforcementCase) -> None:
        target: object = case
        parts = re.findall(r"[a-z_]+|\[\d+\]", path)
        for part in parts[:-1]:
            target = target[int(part[1:-1])] if part.startswith("[") else getattr(target, part)  # type: ignore[index]
        setattr(target, parts[-1], value)

    return mutate


def _notice(case: EnforcementCase) -> ExecutionNotice:
    assert case.execution_notice is not None
    return case.execution_notice


def _no_respondents(c: EnforcementCase) -> None:
    c.respondents.clear()
    c.payments.clear()
    c.property.clear()
    c.security.clear()
    c.conduct.clear()
    c.findings.clear()


def _duplicate_party(c: EnforcementCase) -> None:
    c.applicants.append(copy.deepcopy(c.respondents[0]))


def _duplicate_party_other_spelling(c: EnforcementCase) -> None:
    c.applicants[0].id_number = "11010519491231002x"
    c.respondents.append(Party(PartyKind.PERSON, "李四", id_number="11010519491231002X"))


def _npc_deputy_entity(c: EnforcementCase) -> None:
    c.respondents[1].public_role = PublicRole.NPC_DEPUTY
    c.respondents[1].notify_body = "某区人大常委会"


def _role_without_body(c: EnforcementCase) -> None:
    c.respondents[0].public_role = PublicRole.STATE_FUNCTIONARY


def _officer_on_person(c: EnforcementCase) -> None:
    c.respondents[0].officers = [
        Officer(OfficerRole.LEGAL_REPRESENTATIVE, "王五", "110105198001010016")]


def _duplicate_officer(c: EnforcementCase) -> None:
    c.respondents[1].officers.append(copy.deepcopy(c.respondents[1].officers[0]))


def _no_obligations(c: EnforcementCase) -> None:
    c.obligations.clear()


def _act_for_monetary(c: EnforcementCase) -> None:
    c.payments.append(Payment(date(2026, 4, 2), 0, act="已付款", obligation=0))


def _act_for_missing_obligation(c: EnforcementCase) -> None:
    c.payments.append(Payment(date(2026, 4, 2), 0, act="已道歉", obligation=2))


def _duplicate_finding(c: EnforcementCase) -> None:
    c.findings.append(Finding(respondent=0, able_to_perform=False))


def _notice_deadline_before_issue(c: EnforcementCase) -> None:
    _notice(c).deadline = date(2026, 3, 2)
    _notice(c).issued_on = date(2026, 3, 3)


def _notice_served_before_issue(c: EnforcementCase) -> None:
    _notice(c).served_on = date(2026, 3, 2)


def _notice_issued_before_filing(c: EnforcementCase) -> None:
    _notice(c).issued_on = date(2026, 3, 1)


def _notice_without_method(c: EnforcementCase) -> None:
    _notice(c).service_method = None


def _method_without_service(c: EnforcementCase) -> None:
    _notice(c).served_on = None


def _notice_served_in_future(c: EnforcementCase) -> None:
    _notice(c).served_on = TODAY + timedelta(days=1)


def _notice_issued_in_future(c: EnforcementCase) -> None:
    n = _notice(c)
    n.issued_on = TODAY + timedelta(days=1)
    n.deadline = TODAY + timedelta(days=15)
    n.served_on = None
    n.service_method = None


def _student_exception_control(c: EnforcementCase) -> None:
    c.findings[0].campus_loan_student = True
    c.findings[0].campus_loan_exception_reason = "理由\x07"


# (id, mutation, expected path, expected rule)
CASES: list[tuple[str, Mutation, str, str]] = [
    # Case number and court (R-N1).
    ("civil case type", setattr_path("case_number", "(2026)京0105民初1234号"),
     "case_number", "case_number.format"),
    ("3-digit court", setattr_path("case_number", "(2026)京010执1234号"),
     "case_number", "case_number.court_code"),
    ("year 1949", setattr_path("case_number", "(1949)京0105执1234号"),
     "case_number", "case_number.year"),
    ("sequence 0", setattr_path("case_number", "(2026)京0105执0号"),
     "case_number", "case_number.sequence"),
    ("court code", setattr_path("court.code", "京1"), "court.code", "court_code.format"),
    ("court mismatch", setattr_path("court.code", "京0106"),
     "case_number", "case_number.court_mismatch"),
    ("year mismatch", setattr_path("case_number", "(2025)京0105执1234号"),
     "case_number", "case_number.year_mismatch"),
    ("court name", setattr_path("court.name", "  "), "court.name", "required"),
    ("judge", setattr_path("judge", ""), "judge", "required"),
    ("judge too long", setattr_path("judge", "法" * 101), "judge", "text.too_long"),
    ("payment in future", setattr_path("payments[0].on", TODAY + timedelta(days=1)),
     "payments[0].on", "date.future"),
    ("conduct in future", setattr_path("conduct[0].on", TODAY + timedelta(days=1)),
     "conduct[0].on", "date.future"),
    ("property in future", setattr_path("property[0].found_on", TODAY + timedelta(days=1)),
     "property[0].found_on", "date.future"),
    ("notice served in future", _notice_served_in_future,
     "execution_notice.served_on", "date.future"),
    ("notice issued in future", _notice_issued_in_future,
     "execution_notice.issued_on", "date.future"),
    # Basis.
    ("basis after filing", setattr_path("basis.effective_on", date(2026, 3, 3)),
     "basis.effective_on", "basis.after_filing"),
    ("basis issuer", setattr_path("basis.issuer", ""), "basis.issuer", "required"),
    ("basis number", setattr_path("basis.document_number", "\t"),
     "basis.document_number", "required"),
    # Parties.
    ("no applicants", lambda c: c.applicants.clear(), "applicants", "parties.applicant_required"),
    ("no respondents", _no_respondents, "respondents", "parties.respondent_required"),
    ("duplicate party", _duplicate_party, "respondents[0].id_number", "party.duplicate"),
    ("duplicate party, other spelling", _duplicate_party_other_spelling,
     "respondents[2].id_number", "party.duplicate"),
    ("person with code", setattr_path("applicants[0].credit_code", "91350100M000100Y43"),
     "applicants[0].credit_code", "party.person_has_code"),
    ("entity with id", setattr_path("respondents[1].id_number", "110105198001010016"),
     "respondents[1].id_number", "party.entity_has_id"),
    ("name missing", setattr_path("applicants[0].name", ""), "applicants[0].name", "required"),
    ("name too long", setattr_path("respondents[1].name", "某" * 101),
     "respondents[1].name", "text.too_long"),
    ("control character", setattr_path("applicants[0].name", "李\x00四"),
     "applicants[0].name", "text.control"),
    ("officers on a person", _officer_on_person,
     "respondents[0].officers", "officer.person_only_entity"),
    ("an entity as an NPC deputy", _npc_deputy_entity,
     "respondents[1].public_role", "party.public_role_kind"),
    ("a public role without the body to notify", _role_without_body,
     "respondents[0].notify_body", "required"),
    ("officer twice", _duplicate_officer,
     "respondents[1].officers[1].role", "officer.duplicate_role"),
    ("officer name", setattr_path("respondents[1].officers[0].name", ""),
     "respondents[1].officers[0].name", "required"),
    ("officer id", setattr_path("respondents[1].officers[0].id_number", "110105198001010017"),
     "respondents[1].officers[0].id_number", "ric.checksum"),
    # Identifiers (R-I1, R-I2).
    ("id missing", setattr_path("respondents[0].id_number", None),
     "respondents[0].id_number", "required"),
    ("id length", setattr_path("respondents[0].id_number", "36042619910101007"),
     "respondents[0].id_number", "ric.length"),
    ("id format", setattr_path("respondents[0].id_number", "36042619910101007A"),
     "respondents[0].id_number", "ric.format"),
    ("id area", setattr_path("respondents[0].id_number", "990426199101010071"),
     "respondents[0].id_number", "ric.area"),
    ("id birth date", setattr_path("respondents[0].id_number", "360426199102300071"),
     "respondents[0].id_number", "ric.birth_date"),
    ("id checksum", setattr_path("respondents[0].id_number", "360426199101010072"),
     "respondents[0].id_number", "ric.checksum"),
    ("code missing", setattr_path("respondents[1].credit_code", ""),
     "respondents[1].credit_code", "required"),
    ("code length", setattr_path("respondents[1].credit_code", "91110000600037341"),
     "respondents[1].credit_code", "uscc.length"),
    ("code format", setattr_path("respondents[1].credit_code", "91110000600037341I"),
     "respondents[1].credit_code", "uscc.format"),
    ("code authority", setattr_path("respondents[1].credit_code", "B1110000MA01ABCD0X"),
     "respondents[1].credit_code", "uscc.authority"),
    ("code checksum", setattr_path("respondents[1].credit_code", "91110000600037341M"),
     "respondents[1].credit_code", "uscc.checksum"),
    # Obligations.
    ("no obligations", _no_obligations, "obligations", "obligations.required"),
    ("monetary without amount", setattr_path("obligations[0].amount", None),
     "obligations[0].amount", "obligation.amount_required"),
    ("monetary zero", setattr_path("obligations[0].amount", Decimal("0.00")),
     "obligations[0].amount", "obligation.amount_required"),
    ("non-monetary with amount", setattr_path("obligations[1].amount", Decimal("1.00")),
     "obligations[1].amount", "obligation.no_amount"),
    ("monetary with a converted amount", setattr_path("obligations[0].converted_amount", Decimal("1")),
     "obligations[0].converted_amount", "obligation.converted_monetary"),
    ("converted amount zero", setattr_path("obligations[1].converted_amount", Decimal("0")),
     "obligations[1].converted_amount", "amount.positive"),
    ("obligation description", setattr_path("obligations[1].description", ""),
     "obligations[1].description", "required"),
    ("description too long", setattr_path("obligations[0].description", "x" * 2001),
     "obligations[0].description", "text.too_long"),
    # Indexes into respondents and obligations.
    ("payment respondent", setattr_path("payments[0].respondent", 2),
     "payments[0].respondent", "respondent.index"),
    ("negative respondent", setattr_path("payments[0].respondent", -1),
     "payments[0].respondent", "respondent.index"),
    ("property respondent", setattr_path("property[0].respondent", 5),
     "property[0].respondent", "respondent.index"),
    ("security respondent", setattr_path("security[0].respondent", 2),
     "security[0].respondent", "respondent.index"),
    ("conduct respondent", setattr_path("conduct[0].respondent", 2),
     "conduct[0].respondent", "respondent.index"),
    ("finding respondent", setattr_path("findings[0].respondent", 2),
     "findings[0].respondent", "respondent.index"),
    ("act for a monetary obligation", _act_for_monetary,
     "payments[1].obligation", "obligation.index"),
    ("act for a missing obligation", _act_for_missing_obligation,
     "payments[1].obligation", "obligation.index"),
    # Payments, property, security, conduct, findings.
    ("empty payment", setattr_path("payments[0].amount", None),
     "payments[0].amount", "payment.empty"),
    ("zero payment", setattr_path("payments[0].amount", Decimal("0")),
     "payments[0].amount", "payment.empty"),
    ("blank act", setattr_path("payments[0].act", "  "), "payments[0].act", "required"),
    ("evidence control char", setattr_path("payments[0].evidence", "收据\x07"),
     "payments[0].evidence", "text.control"),
    ("property description", setattr_path("property[0].description", ""),
     "property[0].description", "required"),
    ("security value", setattr_path("security[0].value", Decimal("0")),
     "security[0].value", "amount.positive"),
    ("conduct description", setattr_path("conduct[0].description", ""),
     "conduct[0].description", "required"),
    ("finding twice", _duplicate_finding, "findings[1].respondent", "finding.duplicate"),
    ("campus-loan exception without a student",
     setattr_path("findings[0].campus_loan_exception_reason", "家庭确有履行能力，拒不履行"),
     "findings[0].campus_loan_exception_reason", "finding.exception_without_student"),
    ("campus-loan exception with a control character", _student_exception_control,
     "findings[0].campus_loan_exception_reason", "text.control"),
    # Execution notice (CPL 2023 Art. 251).
    ("deadline before issue", _notice_deadline_before_issue,
     "execution_notice.deadline", "notice.deadline_before_issue"),
    ("served before issue", _notice_served_before_issue,
     "execution_notice.served_on", "notice.served_before_issue"),
    ("issued before filing", _notice_issued_before_filing,
     "execution_notice.issued_on", "notice.issued_before_filing"),
    ("served without method", _notice_without_method,
     "execution_notice.service_method", "notice.method_required"),
    ("method without service", _method_without_service,
     "execution_notice.served_on", "notice.method_without_service"),
]


def test_the_example_case_is_valid(example_case: EnforcementCase) -> None:
    assert validate_case(example_case, today=TODAY) == []


@pytest.mark.parametrize(("mutation", "path", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_minimal_broken_case_reports_one_error_at_the_right_path(
        example_case: EnforcementCase, mutation: Mutation, path: str, rule: str) -> None:
    mutation(example_case)
    errors = validate_case(example_case, today=TODAY)
    assert [(e.path, e.rule) for e in errors] == [(path, rule)]
    e = errors[0]
    if rule == "text.too_long":  # the message gives the length and the limit
        limit = 100 if path.endswith(("name", "judge")) else 2000
        assert f"at most {limit} are allowed" in e.en and f"最多允许{limit}个字符" in e.zh
    else:
        assert (e.en, e.zh) == message(rule)
    assert e.message("zh_CN") == e.zh and e.message("en") == e.en


def test_every_validation_rule_is_triggered_by_the_table() -> None:
    triggered = {rule for *_, rule in CASES}
    assert set(MESSAGES) - triggered == set()
    # ...and the table uses no rule without a message.
    assert triggered - set(MESSAGES) - set(AMOUNT_MESSAGES) - set(REFUSALS) == set()


def test_all_errors_are_reported_at_once(example_case: EnforcementCase) -> None:
    example_case.judge = ""
    example_case.respondents[0].id_number = "360426199101010072"
    example_case.payments[0].respondent = 9
    errors = validate_case(example_case, today=TODAY)
    assert {(e.path, e.rule) for e in errors} == {
        ("judge", "required"),
        ("respondents[0].id_number", "ric.checksum"),
        ("payments[0].respondent", "respondent.index"),
    }


def test_the_date_rules_use_the_given_today(example_case: EnforcementCase) -> None:
    errors = validate_case(example_case, today=date(2026, 3, 31))
    assert [(e.path, e.rule) for e in errors] == [("payments[0].on", "date.future")]


def test_an_id_born_after_the_given_today_is_refused(example_case: EnforcementCase) -> None:
    # Born 2026-05-01: valid on TODAY, a future birth date on 2026-04-30.
    from courtapp.core.domain.identifiers import ric_check_char

    first17 = "110105202605010" + "01"
    example_case.respondents[0].id_number = first17 + ric_check_char(first17)
    assert validate_case(example_case, today=TODAY) == []
    errors = validate_case(example_case, today=date(2026, 4, 30))
    assert ("respondents[0].id_number", "ric.birth_date") in {(e.path, e.rule) for e in errors}


def test_a_party_person_and_an_officer_may_share_an_id_number(example_case: EnforcementCase) -> None:
    # The legal representative may also be a respondent in his own name.
    example_case.respondents.append(Party(PartyKind.PERSON, "王五", id_number="110105198001010016"))
    assert validate_case(example_case, today=TODAY) == []


def test_the_same_officer_in_two_roles_is_allowed(example_case: EnforcementCase) -> None:
    o = example_case.respondents[1].officers[0]
    example_case.respondents[1].officers.append(
        Officer(OfficerRole.ACTUAL_CONTROLLER, o.name, o.id_number))
    assert validate_case(example_case, today=TODAY) == []


def test_an_act_naming_a_non_monetary_obligation_is_valid(example_case: EnforcementCase) -> None:
    example_case.payments.append(Payment(date(2026, 4, 2), 0, act="已登报道歉", obligation=1))
    example_case.obligations.append(Obligation(ObligationKind.NON_MONETARY, "交付车辆"))
    assert validate_case(example_case, today=TODAY) == []


@pytest.mark.parametrize("table", [MESSAGES, AMOUNT_MESSAGES, INTERCHANGE_MESSAGES, RULE_MESSAGES],
                         ids=["validation", "amount", "interchange", "identifiers"])
def test_every_rule_has_an_english_and_a_chinese_message(
        table: dict[str, tuple[str, str]]) -> None:
    assert table
    for rule, (en, zh) in table.items():
        assert re.search(r"[A-Za-z]{3}", en), (rule, en)
        assert CJK.search(zh), (rule, zh)
        assert en != zh, rule


def test_message_knows_every_amount_rule() -> None:
    for rule in AMOUNT_MESSAGES:
        assert message(rule) == AMOUNT_MESSAGES[rule]


# ---------------------------------------------------------------- warnings (R-L11)
@pytest.mark.parametrize(("served", "warned"), [
    (date(2026, 3, 14), False),  # the day before the deadline: one day to perform
    (date(2026, 3, 15), True),  # on the deadline: no period at all
    (date(2026, 3, 16), True),  # after it
])
def test_R_L11_a_notice_served_on_or_after_its_deadline_is_a_warning_not_an_error(
        example_case: EnforcementCase, served: date, warned: bool) -> None:
    _notice(example_case).served_on = served
    assert validate_case(example_case, today=TODAY) == []  # saving is never refused for it
    warnings = case_warnings(example_case)
    assert [(w.path, w.rule) for w in warnings] == (
        [("execution_notice.served_on", "notice.served_late")] if warned else [])
    for w in warnings:
        assert (w.en, w.zh) == WARNINGS["notice.served_late"] == message("notice.served_late")
        assert "Art. 251" in w.en and CJK.search(w.zh)


def test_R_L11_an_unserved_notice_gives_no_warning(example_case: EnforcementCase) -> None:
    _notice(example_case).served_on = None
    _notice(example_case).service_method = None
    assert case_warnings(example_case) == []
    example_case.execution_notice = None
    assert case_warnings(example_case) == []


def test_R_L16_a_campus_loan_exception_reason_is_valid_for_a_student(
        example_case: EnforcementCase) -> None:
    example_case.findings[0].campus_loan_student = True
    example_case.findings[0].campus_loan_exception_reason = "名下有房产，拒不履行，且已毕业就业"
    assert validate_case(example_case, today=TODAY) == []


def test_a_non_monetary_obligation_may_carry_its_converted_amount(
        example_case: EnforcementCase) -> None:
    example_case.obligations[1].converted_amount = Decimal("5000.00")
    assert validate_case(example_case, today=TODAY) == []
