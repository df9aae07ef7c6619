"""The consumption restriction order (限制消费令) on its own, without a listing.

A listed respondent's restriction travels with the listing decision
(:mod:`courtapp.core.domain.listing`).  A respondent who is not listed may
still be restricted once the execution-notice deadline has passed
unperformed; that is a discretionary, reasoned order.

Rules (``shared/domain/RULES.md`` §10):
- R-C1 (2015 Art. 1 para. 1, Art. 2): only after the performance deadline
  has passed without performance; the factors considered are recorded
  (passive performance, evasion, resistance, ability to perform).
- R-C2 (2015 Art. 4): started on the creditor's written application
  (reviewed by the court) or ex officio.
- R-C3 (2015 Art. 5): the order states its period, its items and the legal
  consequences, and is signed by the court president.
- R-C4 (2015 Art. 3 para. 2): for an entity it binds the entity and its legal
  representative, principal, directly responsible persons and actual controller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from courtapp.core.domain.assessment import assess_respondent
from courtapp.core.domain.errors import ErrorCollector, FieldError
from courtapp.core.domain.listing import Restriction
from courtapp.core.domain.model import EnforcementCase, PartyKind


class Initiation(StrEnum):
    CREDITOR_APPLICATION = "creditor_application"  # 申请执行人书面申请
    EX_OFFICIO = "ex_officio"  # 依职权


class Factor(StrEnum):
    """2015 Provisions Art. 2: what the court weighs."""

    PASSIVE_PERFORMANCE = "passive_performance"  # 消极履行
    EVASION = "evasion"  # 规避执行
    RESISTANCE = "resistance"  # 抗拒执行
    ABLE_TO_PERFORM = "able_to_perform"  # 履行能力


FACTOR_TEXT: dict[Factor, tuple[str, str]] = {
    Factor.PASSIVE_PERFORMANCE: ("passive performance", "消极履行"),
    Factor.EVASION: ("evasion of enforcement", "规避执行"),
    Factor.RESISTANCE: ("resistance to enforcement", "抗拒执行"),
    Factor.ABLE_TO_PERFORM: ("the ability to perform", "履行能力"),
}

#: The legal consequences every order states (2015 Art. 5, Art. 11; CPL 2023 Art. 114).
LEGAL_CONSEQUENCES = (
    "Consumption in breach of this order may be fined or detained under CPL 2023 Art. 114, "
    "may lead to criminal liability where serious, and is a ground for listing as a dishonest "
    "judgment defaulter (2017 Provisions Art. 1 item (5)).",
    "违反本限制消费令进行消费的，依照《中华人民共和国民事诉讼法》第一百一十四条的规定予以罚款、拘留；"
    "情节严重，构成犯罪的，依法追究刑事责任；并可依照《最高人民法院关于公布失信被执行人名单信息的若干规定》"
    "第一条第（五）项将其纳入失信被执行人名单。",
)


class OrderStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    LIFTED = "lifted"


@dataclass
class RestrictionOrder:
    respondent: int
    initiation: Initiation
    factors: list[Factor]
    reasons: str
    decided_on: date
    restrictions: list[Restriction] = field(default_factory=list)
    application_received_on: date | None = None
    signed_by: str | None = None
    served_on: date | None = None
    status: OrderStatus = OrderStatus.DRAFT


_MSG: dict[str, tuple[str, str]] = {
    "order.not_available": (
        "a restriction is available only after the execution-notice deadline has passed "
        "without performance (2015 Provisions Art. 1)",
        "被执行人未按执行通知书指定的期间履行给付义务的，方可限制消费（2015年规定第一条）"),
    "order.factors_required": (
        "record the factors considered: passive performance, evasion, resistance, ability "
        "(2015 Provisions Art. 2)",
        "应记录考虑的因素：消极履行、规避执行、抗拒执行及履行能力（2015年规定第二条）"),
    "order.application_date": (
        "a creditor's application needs the date it was received (2015 Provisions Art. 4)",
        "依申请执行人申请的，应填写收到书面申请的日期（2015年规定第四条）"),
    "order.application_after_decision": (
        "the application cannot be received after the decision", "收到申请的日期不得晚于决定日期"),
    "order.items_required": ("an order names at least one item of Art. 3 (2015 Provisions Art. 5)",
                             "限制消费令应列明至少一项限制项目（2015年规定第五条）"),
    "order.reasons_required": ("an order states its reasons", "限制消费令应写明理由"),
    "order.signature_required": ("a restriction order is signed by the court president (2015 Art. 5)",
                                 "限制消费令应由院长签发（2015年规定第五条）"),
    "restriction.person_index": (
        "person is null for the respondent or the index of one of the entity's officers",
        "person应为null（被执行人本人）或单位相关人员的序号"),
    "restriction.before_decision": ("a restriction cannot start before the decision",
                                    "限制期间不得早于决定日期开始"),
    "restriction.dates": ("a restriction cannot end before it starts", "限制消费的结束日期不得早于开始日期"),
}


def _add(e: ErrorCollector, path: str, rule: str) -> None:
    en, zh = _MSG[rule]
    e.add(path, rule, en, zh)


def check_order(case: EnforcementCase, order: RestrictionOrder, path: str = "", *,
                require_signature: bool = False) -> list[FieldError]:
    """Every rule a standalone restriction order breaks."""
    e = ErrorCollector()
    p = f"{path}." if path else ""
    i = order.respondent
    if not 0 <= i < len(case.respondents):
        e.add(f"{p}respondent", "respondent.index",
              "the respondent index is out of range (0-based into respondents)",
              "被执行人序号超出范围（从0起，对应被执行人列表）")
        return e.errors
    a = assess_respondent(case, i, order.decided_on)
    if a.restriction == "unavailable":
        _add(e, f"{p}decided_on", "order.not_available")
    if not order.factors:
        _add(e, f"{p}factors", "order.factors_required")
    if order.initiation is Initiation.CREDITOR_APPLICATION:
        if order.application_received_on is None:
            _add(e, f"{p}application_received_on", "order.application_date")
        elif order.application_received_on > order.decided_on:
            _add(e, f"{p}application_received_on", "order.application_after_decision")
    if not order.reasons.strip():
        _add(e, f"{p}reasons", "order.reasons_required")
    if not order.restrictions:
        _add(e, f"{p}restrictions", "order.items_required")
    if require_signature and not (order.signed_by or "").strip():
        _add(e, f"{p}signed_by", "order.signature_required")
    party = case.respondents[i]
    for j, r in enumerate(order.restrictions):
        rp = f"{p}restrictions[{j}]"
        if r.person is not None and not (
                party.kind is PartyKind.ENTITY and 0 <= r.person < len(party.officers)):
            _add(e, f"{rp}.person", "restriction.person_index")
        if r.start < order.decided_on:
            _add(e, f"{rp}.from", "restriction.before_decision")
        if r.until is not None and r.until < r.start:
            _add(e, f"{rp}.until", "restriction.dates")
    return e.errors


def bound_people(case: EnforcementCase, respondent: int) -> list[tuple[int | None, str, str]]:
    """Who an order on ``respondent`` binds: (officer index or None, name, role) (R-C4)."""
    party = case.respondents[respondent]
    out: list[tuple[int | None, str, str]] = [(None, party.name, "respondent")]
    if party.kind is PartyKind.ENTITY:
        out += [(j, o.name, o.role.value) for j, o in enumerate(party.officers)]
    return out
