"""Whole-case validation: every rule, every field, all errors at once.

Paths are JSON paths into the interchange format v1.  Rules cited:
- identifiers: RULES.md R-I1, R-I2, R-N1;
- the execution notice: CPL 2023 Art. 251, 2017 Provisions Art. 5 para. 1;
- an entity's officers: 2015 Provisions Art. 3 para. 2 (the four bound roles).

:func:`case_warnings` lists what deserves attention without blocking a save
(a notice served on or after its deadline, R-L11).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import date

from courtapp.core.domain.errors import ErrorCollector, FieldError
from courtapp.core.domain.identifiers import (
    RULE_MESSAGES,
    check_court_code,
    check_credit_code,
    check_resident_id,
    normalize_case_number,
    parse_case_number,
)
from courtapp.core.domain.limits import MAX_NAME, MAX_TEXT
from courtapp.core.domain.messages import REFUSALS, refusal
from courtapp.core.domain.model import (
    EnforcementCase,
    ObligationKind,
    Party,
    PartyKind,
    PublicRole,
)

MESSAGES: dict[str, tuple[str, str]] = {
    **RULE_MESSAGES,
    "required": ("this field is required", "此项为必填项"),
    "case_number.court_mismatch": (
        "the court code in the case number differs from the enforcing court's code",
        "案号中的法院代字与执行法院代字不一致",
    ),
    "case_number.year_mismatch": (
        "the year in the case number must be the year of filing",
        "案号年度应为立案年度",
    ),
    "date.future": ("the date is in the future", "日期晚于今天"),
    "basis.after_filing": (
        "the enforcement basis must be effective on or before the filing date",
        "执行依据的生效日期不得晚于立案日期",
    ),
    "parties.applicant_required": ("at least one applicant is required", "至少应有一名申请执行人"),
    "parties.respondent_required": ("at least one respondent is required", "至少应有一名被执行人"),
    "party.duplicate": (
        "the same person or entity appears twice in this case",
        "同一当事人在本案中重复出现",
    ),
    "party.public_role_kind": (
        "state functionary, NPC deputy and CPPCC member are roles of a natural person; state organ, "
        "public institution and state-owned enterprise are kinds of entity (2017 Provisions Art. 8)",
        "国家工作人员、人大代表、政协委员适用于自然人，国家机关、事业单位、国有企业适用于单位（2017年规定第八条）",
    ),
    "party.person_has_code": (
        "a natural person has a resident ID number, not a credit code",
        "自然人应填写身份证号码，而非统一社会信用代码",
    ),
    "party.entity_has_id": (
        "an entity has a credit code, not a resident ID number",
        "单位应填写统一社会信用代码，而非身份证号码",
    ),
    "officer.person_only_entity": (
        "only an entity has officers",
        "只有单位才有法定代表人等相关人员",
    ),
    "officer.duplicate_role": (
        "this person is listed twice in the same role",
        "同一人员以同一身份重复列出",
    ),
    "obligations.required": ("at least one obligation is required", "至少应有一项义务"),
    "obligation.amount_required": (
        "a monetary obligation needs an amount greater than zero",
        "金钱给付义务应有大于零的金额",
    ),
    "obligation.no_amount": (
        "a non-monetary obligation has no amount; describe the act",
        "非金钱义务不填金额，应写明行为",
    ),
    "respondent.index": (
        "the respondent index is out of range (0-based into respondents)",
        "被执行人序号超出范围（从0起，对应被执行人列表）",
    ),
    "obligation.index": (
        "the obligation index is out of range, or is not a non-monetary obligation",
        "义务序号超出范围，或该义务不是非金钱义务",
    ),
    "payment.empty": (
        "a payment records an amount greater than zero or an act performed",
        "履行记录应有大于零的金额或已履行的行为",
    ),
    "notice.deadline_before_issue": (
        "the performance deadline cannot be before the notice was issued",
        "履行期限不得早于执行通知书发出日期",
    ),
    "notice.served_before_issue": (
        "the notice cannot be served before it was issued",
        "送达日期不得早于执行通知书发出日期",
    ),
    "notice.issued_before_filing": (
        "the notice cannot be issued before the case was filed",
        "执行通知书不得早于立案日期发出",
    ),
    "notice.method_required": (
        "a served notice needs its method of service",
        "已送达的执行通知书应写明送达方式",
    ),
    "notice.method_without_service": (
        "a method of service needs the date of service",
        "填写送达方式时应同时填写送达日期",
    ),
    "finding.duplicate": ("there is already a finding for this respondent", "该被执行人已有认定"),
    "finding.exception_without_student": (
        "a written reason for a campus-loan exception needs the respondent recorded as a "
        "campus-loan student (2019 Opinion item 16)",
        "仅对涉“校园贷”的在校学生才需书面说明例外理由（2019年意见第16条）",
    ),
    "obligation.converted_monetary": (
        "only a non-monetary obligation has a converted amount; a monetary one has its amount",
        "仅非金钱给付义务可填写折价金额，金钱给付义务填写金额",
    ),
}

#: Warnings: worth the user's attention, never a reason to refuse saving.
WARNINGS: dict[str, tuple[str, str]] = {
    "notice.served_late": (
        "the notice was served on or after its own performance deadline, so it gave no period to "
        "perform: ground (1) of 2017 Provisions Art. 1 and a consumption restriction are unavailable "
        "until a fresh notice with a new deadline has been served and that deadline has passed "
        "(2015 Provisions Art. 1; CPL 2023 Art. 251)",
        "执行通知书送达时其指定的履行期限已届至，未给予被执行人履行期间：重新送达指定新履行期限的执行通知书且该期限届满前，"
        "不得依2017年规定第一条第（一）项纳入失信名单，亦不得限制消费（2015年规定第一条；民事诉讼法第二百五十一条）",
    ),
}


def message(rule: str) -> tuple[str, str]:
    from courtapp.core.domain.money import AMOUNT_MESSAGES

    return (MESSAGES.get(rule) or WARNINGS.get(rule) or AMOUNT_MESSAGES.get(rule)
            or REFUSALS.get(rule) or (rule, rule))


def case_warnings(case: EnforcementCase) -> list[FieldError]:
    """What deserves a warning in ``case`` but does not stop it being saved.

    Same shape as errors (path, rule, English, Chinese), so the command line and
    the case form show them the same way; :func:`validate_case` never returns them.
    - ``notice.served_late`` (R-L11): ``served_on ≥ deadline``.
    """
    out = ErrorCollector()
    n = case.execution_notice
    if n is not None and n.served_on is not None and n.served_on >= n.deadline:
        add(out, "execution_notice.served_on", "notice.served_late")
    return out.errors


def add(errors: ErrorCollector, path: str, rule: str) -> None:
    en, zh = message(rule)
    errors.add(path, rule, en, zh)


#: Unicode category Cc (U+0000-001F, U+007F-009F) but for newline and tab.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def check_text(errors: ErrorCollector, path: str, value: str | None, *,
               required: bool = True, limit: int = MAX_TEXT) -> None:
    if value is None or not value.strip():
        if required:
            add(errors, path, "required")
        return
    if len(value) > limit:
        errors.add(path, "text.too_long", *refusal("text.too_long", size=len(value), limit=limit))
        return
    if _CONTROL.search(value):
        add(errors, path, "text.control")
    elif any("\ud800" <= c <= "\udfff" for c in value):
        add(errors, path, "text.encoding")


def _check_identifier(errors: ErrorCollector, path: str, value: str | None, kind: str,
                      today: date) -> None:
    if not value:
        add(errors, path, "required")
        return
    try:
        if kind == "ric":
            check_resident_id(value, today=today)
        else:
            check_credit_code(value)
    except ValueError as e:
        add(errors, path, str(e.args[0]))


def normal_form(value: str | None, check: Callable[[str], str]) -> str | None:
    """``value`` in its normal form if it is valid, else unchanged (validation reports it)."""
    if not value:
        return value
    try:
        return check(value)
    except ValueError:
        return value


def normalized_case(case: EnforcementCase) -> EnforcementCase:
    """A copy of ``case`` with its case number, court code and identifiers in
    their normal forms (ASCII brackets, upper-case X, folded full-width digits).

    Invalid values are left as they are for :func:`validate_case` to report.
    A case already in normal form is returned as it is, not copied.
    The services store and audit this form, so that one person is one record
    however the ID number was typed.
    """
    def same(p: Party) -> bool:
        return (normal_form(p.id_number, check_resident_id) == p.id_number
                and normal_form(p.credit_code, check_credit_code) == p.credit_code
                and all((normal_form(o.id_number, check_resident_id) or o.id_number) == o.id_number
                        for o in p.officers))

    if ((normal_form(case.case_number, normalize_case_number) or case.case_number) == case.case_number
            and (normal_form(case.court.code, check_court_code) or case.court.code) == case.court.code
            and all(same(p) for p in (*case.applicants, *case.respondents))):
        return case  # already in normal form (as interchange reads it): no copy
    c = copy.deepcopy(case)
    c.case_number = normal_form(c.case_number, normalize_case_number) or c.case_number
    c.court.code = normal_form(c.court.code, check_court_code) or c.court.code
    for p in (*c.applicants, *c.respondents):
        p.id_number = normal_form(p.id_number, check_resident_id)
        p.credit_code = normal_form(p.credit_code, check_credit_code)
        for o in p.officers:
            o.id_number = normal_form(o.id_number, check_resident_id) or o.id_number
    return c


PERSON_ROLES = frozenset({PublicRole.STATE_FUNCTIONARY, PublicRole.NPC_DEPUTY,
                          PublicRole.CPPCC_MEMBER})


def _check_party(errors: ErrorCollector, path: str, p: Party, today: date) -> None:
    check_text(errors, f"{path}.name", p.name, limit=MAX_NAME)
    if p.public_role is not None:
        if (p.public_role in PERSON_ROLES) != (p.kind is PartyKind.PERSON):
            add(errors, f"{path}.public_role", "party.public_role_kind")
        check_text(errors, f"{path}.notify_body", p.notify_body, limit=MAX_NAME)
    elif p.notify_body:
        check_text(errors, f"{path}.notify_body", p.notify_body, limit=MAX_NAME)
    if p.kind is PartyKind.PERSON:
        _check_identifier(errors, f"{path}.id_number", p.id_number, "ric", today)
        if p.credit_code:
            add(errors, f"{path}.credit_code", "party.person_has_code")
        if p.officers:
            add(errors, f"{path}.officers", "officer.person_only_entity")
    else:
        _check_identifier(errors, f"{path}.credit_code", p.credit_code, "uscc", today)
        if p.id_number:
            add(errors, f"{path}.id_number", "party.entity_has_id")
        seen: set[tuple[str, str]] = set()
        for j, o in enumerate(p.officers):
            op = f"{path}.officers[{j}]"
            check_text(errors, f"{op}.name", o.name, limit=MAX_NAME)
            _check_identifier(errors, f"{op}.id_number", o.id_number, "ric", today)
            key = (o.role.value, normal_form(o.id_number, check_resident_id) or "")
            if key in seen:
                add(errors, f"{op}.role", "officer.duplicate_role")
            seen.add(key)


def _check_date(errors: ErrorCollector, path: str, d: date, today: date) -> None:
    if d > today:
        add(errors, path, "date.future")


def validate_case(case: EnforcementCase, *, today: date | None = None) -> list[FieldError]:
    """Every rule broken by ``case``; an empty list means it may be saved."""
    today = today or date.today()
    e = ErrorCollector()

    # Case number, court, filing (R-N1).
    number = None
    try:
        number = parse_case_number(case.case_number, today=today)
    except ValueError as ex:
        add(e, "case_number", str(ex.args[0]))
    check_text(e, "court.name", case.court.name, limit=MAX_NAME)
    try:
        code = check_court_code(case.court.code)
        if number and number.court_code != code:
            add(e, "case_number", "case_number.court_mismatch")
    except ValueError as ex:
        add(e, "court.code", str(ex.args[0]))
    _check_date(e, "filed_on", case.filed_on, today)
    if number and number.year != case.filed_on.year:
        add(e, "case_number", "case_number.year_mismatch")
    check_text(e, "judge", case.judge, limit=MAX_NAME)

    # Enforcement basis.
    check_text(e, "basis.issuer", case.basis.issuer, limit=MAX_NAME)
    check_text(e, "basis.document_number", case.basis.document_number, limit=MAX_NAME)
    if case.basis.effective_on > case.filed_on:
        add(e, "basis.effective_on", "basis.after_filing")

    # Parties.
    if not case.applicants:
        add(e, "applicants", "parties.applicant_required")
    if not case.respondents:
        add(e, "respondents", "parties.respondent_required")
    seen: dict[str, str] = {}
    for side in ("applicants", "respondents"):
        parties: list[Party] = getattr(case, side)
        for i, p in enumerate(parties):
            path = f"{side}[{i}]"
            _check_party(e, path, p, today)
            ident = (normal_form(p.id_number, check_resident_id) if p.kind is PartyKind.PERSON
                     else normal_form(p.credit_code, check_credit_code))
            if ident:
                if ident in seen:
                    field_name = "id_number" if p.kind is PartyKind.PERSON else "credit_code"
                    add(e, f"{path}.{field_name}", "party.duplicate")
                seen[ident] = path

    n_resp = len(case.respondents)

    def check_respondent(path: str, idx: int) -> None:
        if not 0 <= idx < n_resp:
            add(e, path, "respondent.index")

    # Obligations.
    if not case.obligations:
        add(e, "obligations", "obligations.required")
    for i, o in enumerate(case.obligations):
        path = f"obligations[{i}]"
        check_text(e, f"{path}.description", o.description)
        if o.kind is ObligationKind.MONETARY:
            if o.amount is None or o.amount <= 0:
                add(e, f"{path}.amount", "obligation.amount_required")
            if o.converted_amount is not None:
                add(e, f"{path}.converted_amount", "obligation.converted_monetary")
        else:
            if o.amount is not None:
                add(e, f"{path}.amount", "obligation.no_amount")
            if o.converted_amount is not None and o.converted_amount <= 0:
                add(e, f"{path}.converted_amount", "amount.positive")

    # Execution notice (CPL 2023 Art. 251).
    n = case.execution_notice
    if n is not None:
        if n.issued_on < case.filed_on:
            add(e, "execution_notice.issued_on", "notice.issued_before_filing")
        _check_date(e, "execution_notice.issued_on", n.issued_on, today)
        if n.deadline < n.issued_on:
            add(e, "execution_notice.deadline", "notice.deadline_before_issue")
        if n.served_on is not None:
            if n.served_on < n.issued_on:
                add(e, "execution_notice.served_on", "notice.served_before_issue")
            _check_date(e, "execution_notice.served_on", n.served_on, today)
            if n.service_method is None:
                add(e, "execution_notice.service_method", "notice.method_required")
        elif n.service_method is not None:
            add(e, "execution_notice.served_on", "notice.method_without_service")

    # Payments and performance.
    for i, pay in enumerate(case.payments):
        path = f"payments[{i}]"
        _check_date(e, f"{path}.on", pay.on, today)
        check_respondent(f"{path}.respondent", pay.respondent)
        has_amount = pay.amount is not None and pay.amount > 0
        if not has_amount and not (pay.act and pay.act.strip()):
            add(e, f"{path}.amount", "payment.empty")
        if pay.act:
            check_text(e, f"{path}.act", pay.act)
        if pay.obligation is not None and not (
            0 <= pay.obligation < len(case.obligations)
            and case.obligations[pay.obligation].kind is ObligationKind.NON_MONETARY
        ):
            add(e, f"{path}.obligation", "obligation.index")
        check_text(e, f"{path}.evidence", pay.evidence, required=False)

    for i, prop in enumerate(case.property):
        path = f"property[{i}]"
        check_text(e, f"{path}.description", prop.description)
        _check_date(e, f"{path}.found_on", prop.found_on, today)
        check_respondent(f"{path}.respondent", prop.respondent)

    for i, s in enumerate(case.security):
        path = f"security[{i}]"
        check_respondent(f"{path}.respondent", s.respondent)
        if s.value <= 0:
            add(e, f"{path}.value", "amount.positive")
        check_text(e, f"{path}.description", s.description, required=False)

    for i, c in enumerate(case.conduct):
        path = f"conduct[{i}]"
        _check_date(e, f"{path}.on", c.on, today)
        check_respondent(f"{path}.respondent", c.respondent)
        check_text(e, f"{path}.description", c.description)

    found: set[int] = set()
    for i, f in enumerate(case.findings):
        path = f"findings[{i}]"
        check_respondent(f"{path}.respondent", f.respondent)
        if f.respondent in found:
            add(e, f"{path}.respondent", "finding.duplicate")
        found.add(f.respondent)
        if f.campus_loan_exception_reason:
            check_text(e, f"{path}.campus_loan_exception_reason", f.campus_loan_exception_reason, required=False)
            if f.campus_loan_exception_reason.strip() and not f.campus_loan_student:
                add(e, f"{path}.campus_loan_exception_reason", "finding.exception_without_student")

    return e.errors
