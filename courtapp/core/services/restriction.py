"""Standalone consumption restriction orders (2015 Provisions Arts. 1, 2, 4, 5).

A judge prepares the order (``LISTING_PREPARE``); only the president signs it
(``DECISION_SIGN``, 2015 Art. 5).  A listed respondent's mandatory restriction
is prepared with the listing decision instead (services.listing).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from courtapp.core import settings
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ConflictError, ErrorCollector, ValidationError
from courtapp.core.domain.listing import RestrictionStatus, needs_proportionality_reason
from courtapp.core.domain.model import ConductRecord, ConductType
from courtapp.core.domain.records import OrderRecord
from courtapp.core.domain.restriction_order import OrderStatus, RestrictionOrder, check_order
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import cases

ART_ORDER = "2015 Provisions Arts. 1, 2, 4, 5"


def order_json(o: RestrictionOrder) -> dict[str, object]:
    """The order as the audit log records it."""
    return {
        "respondent": o.respondent, "initiation": o.initiation.value,
        "factors": [f.value for f in o.factors], "reasons": o.reasons,
        "decided_on": o.decided_on.isoformat(), "signed_by": o.signed_by, "status": o.status.value,
        "application_received_on": o.application_received_on.isoformat()
        if o.application_received_on else None,
        "restrictions": [{"item": int(r.item), "person": r.person, "from": r.start.isoformat(),
                          "until": r.until.isoformat() if r.until else None,
                          "status": r.status.value} for r in o.restrictions],
    }


def prepare_order(uow: UnitOfWork, actor: Actor, case_id: int, order: RestrictionOrder, *,
                  proportionality_reason: str = "") -> OrderRecord:
    """A judge prepares a discretionary restriction order for the president's signature."""
    require(actor, Permission.LISTING_PREPARE)
    draft = replace(order, status=OrderStatus.DRAFT, signed_by=None, served_on=None)
    with uow:
        case = uow.cases.get(case_id).case
        e = ErrorCollector()
        e.extend(check_order(case, draft))
        small = settings.value(uow.settings, settings.SMALL_AMOUNT)
        items = {r.item for r in draft.restrictions if r.person is None}
        if needs_proportionality_reason(case, items, draft.decided_on, small_amount=small) \
                and not proportionality_reason.strip():
            e.add("proportionality_reason", "restriction.proportionality",
                  "all nine items on a non-monetary obligation or a small amount need a written reason",
                  "对非金钱义务或小额债务适用全部九项限制，应书面说明理由")
        e.raise_if_any()
        reasons = draft.reasons.strip() + (
            f"\n限制范围说明：{proportionality_reason.strip()}" if proportionality_reason.strip() else "")
        draft = replace(draft, reasons=reasons,
                        restrictions=[replace(r, status=RestrictionStatus.IMPOSED)
                                      for r in draft.restrictions])
        rec = uow.orders.add(case_id, draft, prepared_by=actor.username)
        uow.audit.add(actor, "restriction_order.prepare", "restriction_order", rec.id,
                      after=order_json(draft), legal_ground=ART_ORDER, reason=reasons)
        uow.commit()
        return rec


def sign_order(uow: UnitOfWork, actor: Actor, order_id: int, expected_version: int,
               on: date) -> OrderRecord:
    """The president signs the order (院长签发, 2015 Art. 5); it takes effect that day."""
    require(actor, Permission.DECISION_SIGN)
    with uow:
        rec = uow.orders.get(order_id)
        if rec.version != expected_version:
            raise ConflictError("the order was changed by someone else since you opened it",
                                record=f"order {order_id}",
                                entity=("restriction_order", str(order_id)))
        e = ErrorCollector()
        if rec.order.status is not OrderStatus.DRAFT:
            e.add("status", "order.already_signed", "this order is already signed", "该限制消费令已签发")
            e.raise_if_any()
        case = uow.cases.get(rec.case_id).case
        order = replace(rec.order, decided_on=on, signed_by=actor.display_name or actor.username,
                        restrictions=[replace(item, start=max(item.start, on))
                                      for item in rec.order.restrictions])
        errors = check_order(case, order, require_signature=True)
        if errors:
            raise ValidationError(errors)
        order.status = OrderStatus.SIGNED
        uow.audit.add(actor, "restriction_order.sign", "restriction_order", rec.id,
                      after=order_json(order),
                      legal_ground="2015 Provisions Art. 5")
        out = uow.orders.save(rec.id, order, signed_by_user_id=actor.user_id)
        uow.commit()
        return out


def orders_for_case(uow: UnitOfWork, actor: Actor, case_id: int) -> list[OrderRecord]:
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.orders.for_case(case_id)


# ------------------------------------------------------------- violations (R-C10)
ART_VIOLATION = ("2015 Provisions Art. 11; CPL 2023 Art. 114; "
                 "2017 Provisions Art. 1 item 5")


@dataclass(frozen=True)
class Violation:
    """A verified breach of a restriction order (R-C10): it is recorded on the case
    as conduct ``restriction_order_violation``, which is listing ground (5), and it
    allows a fine or detention under CPL 2023 Art. 114."""

    case_id: int
    respondent: int
    on: date
    description: str
    listing_ground: int = 5
    sanction_article: str = "CPL 2023 Art. 114"


def record_violation(uow: UnitOfWork, actor: Actor, case_id: int, *, respondent: int, on: date,
                     description: str, verified: bool, today: date | None = None) -> Violation:
    """Record a verified breach of a restriction in force on ``on`` (R-C10)."""
    require(actor, Permission.LISTING_PREPARE)
    e = ErrorCollector()
    if not verified:
        e.add("verified", "restriction.violation_unverified",
              "only a breach the court has verified is recorded (2015 Provisions Art. 11: 经查证属实)",
              "违反限制消费令的行为须经查证属实方可认定（2015年规定第十一条）")
    if not description.strip():
        e.add("description", "required", "this field is required", "此项为必填项")
    with uow:
        if not uow.orders.restricted_on(case_id, respondent, on):
            e.add("on", "restriction.violation_not_restricted",
                  f"respondent {respondent} was under no consumption restriction on {on.isoformat()}",
                  f"被执行人（{respondent}）在{on.isoformat()}未被限制消费")
        e.raise_if_any()
        rec = uow.cases.get(case_id)
        case = rec.case
        case.conduct.append(ConductRecord(ConductType.RESTRICTION_ORDER_VIOLATION, on,
                                          description.strip(), respondent))
        cases.update_in(uow, actor, case_id, rec.version, case, today=today)
        uow.audit.add(actor, "restriction.violation", "case", case.case_number,
                      after={"respondent": respondent, "on": on.isoformat(),
                             "conduct": ConductType.RESTRICTION_ORDER_VIOLATION.value},
                      legal_ground=ART_VIOLATION, reason=description.strip())
        uow.commit()
    return Violation(case_id, respondent, on, description.strip())
