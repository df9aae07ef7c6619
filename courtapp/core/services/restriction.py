"""Standalone consumption restriction orders (2015 Provisions Arts. 1, 2, 4, 5).

A judge prepares the order (``LISTING_PREPARE``); only the president signs it
(``DECISION_SIGN``, 2015 Art. 5).  A listed respondent's mandatory restriction
is prepared with the listing decision instead (services.listing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from courtapp.core.db.orm import CaseRow, ListingRow, RestrictionOrderRow, RestrictionRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ConflictError, ErrorCollector, NotFound, ValidationError
from courtapp.core.domain.listing import (
    DEFAULT_SMALL_AMOUNT,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
    needs_proportionality_reason,
)
from courtapp.core.domain.restriction_order import (
    Factor,
    Initiation,
    OrderStatus,
    RestrictionOrder,
    check_order,
)
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import audit
from courtapp.core.services.listing import SETTING_SMALL_AMOUNT, _load_case, setting

ART_ORDER = "2015 Provisions Arts. 1, 2, 4, 5"


@dataclass(frozen=True)
class OrderRecord:
    id: int
    case_id: int
    case_number: str
    version: int
    order: RestrictionOrder
    prepared_by: str


def _to_order(r: RestrictionOrderRow) -> RestrictionOrder:
    return RestrictionOrder(
        respondent=r.respondent, initiation=Initiation(r.initiation),
        factors=[Factor(f) for f in r.factors.split(",") if f], reasons=r.reasons,
        decided_on=r.decided_on,
        restrictions=[Restriction(RestrictionItem(x.item), x.person, x.start, x.until,
                                  RestrictionStatus(x.status), x.reason) for x in r.restrictions],
        application_received_on=r.application_received_on, signed_by=r.signed_by,
        served_on=r.served_on, status=OrderStatus(r.status))


def _order_json(o: RestrictionOrder) -> dict[str, object]:
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


def _load(uow: UnitOfWork, order_id: int) -> RestrictionOrderRow:
    row = uow.session.scalar(select(RestrictionOrderRow)
                             .options(selectinload(RestrictionOrderRow.restrictions))
                             .where(RestrictionOrderRow.id == order_id))
    if row is None:
        raise NotFound(f"restriction order {order_id}")
    return row


def _record(uow: UnitOfWork, row: RestrictionOrderRow) -> OrderRecord:
    number = uow.session.scalar(select(CaseRow.case_number).where(CaseRow.id == row.case_id)) or ""
    return OrderRecord(row.id, row.case_id, number, row.version, _to_order(row), row.prepared_by)


def prepare_order(uow: UnitOfWork, actor: Actor, case_id: int, order: RestrictionOrder, *,
                  proportionality_reason: str = "") -> OrderRecord:
    """A judge prepares a discretionary restriction order for the president's signature."""
    require(actor, Permission.LISTING_PREPARE)
    draft = RestrictionOrder(**{**order.__dict__, "status": OrderStatus.DRAFT, "signed_by": None,
                                "served_on": None})
    with uow:
        s = uow.session
        _, case = _load_case(s, case_id)
        e = ErrorCollector()
        e.extend(check_order(case, draft))
        small = int(setting(s, SETTING_SMALL_AMOUNT, str(DEFAULT_SMALL_AMOUNT)))
        items = {r.item for r in draft.restrictions if r.person is None}
        if needs_proportionality_reason(case, items, draft.decided_on, small_amount=small) \
                and not proportionality_reason.strip():
            e.add("proportionality_reason", "restriction.proportionality",
                  "all nine items on a non-monetary obligation or a small amount need a written reason",
                  "对非金钱义务或小额债务适用全部九项限制，应书面说明理由")
        e.raise_if_any()
        reasons = draft.reasons.strip() + (
            f"\n限制范围说明：{proportionality_reason.strip()}" if proportionality_reason.strip() else "")
        row = RestrictionOrderRow(
            case_id=case_id, respondent=draft.respondent, initiation=draft.initiation.value,
            application_received_on=draft.application_received_on,
            factors=",".join(f.value for f in draft.factors), reasons=reasons,
            decided_on=draft.decided_on, status=OrderStatus.DRAFT.value,
            prepared_by=actor.username, created_at=datetime.now(UTC))
        row.restrictions = [
            RestrictionRow(case_id=case_id, respondent=draft.respondent, position=j,
                           person=r.person, item=int(r.item), start=r.start, until=r.until,
                           status=RestrictionStatus.IMPOSED.value, reason=r.reason)
            for j, r in enumerate(draft.restrictions)]
        s.add(row)
        s.flush()
        audit.record(uow, actor, "restriction_order.prepare", "restriction_order", row.id,
                     after=_order_json(draft), legal_ground=ART_ORDER, reason=reasons)
        rec = _record(uow, row)
        uow.commit()
        return rec


def sign_order(uow: UnitOfWork, actor: Actor, order_id: int, expected_version: int,
               on: date) -> OrderRecord:
    """The president signs the order (院长签发, 2015 Art. 5); it takes effect that day."""
    require(actor, Permission.DECISION_SIGN)
    with uow:
        row = _load(uow, order_id)
        if row.version != expected_version:
            raise ConflictError("the order was changed by someone else since you opened it")
        e = ErrorCollector()
        if row.status != OrderStatus.DRAFT.value:
            e.add("status", "order.already_signed", "this order is already signed", "该限制消费令已签发")
            e.raise_if_any()
        _, case = _load_case(uow.session, row.case_id)
        order = _to_order(row)
        order.decided_on = on
        order.signed_by = actor.display_name or actor.username
        for item in order.restrictions:
            item.start = max(item.start, on)
        errors = check_order(case, order, require_signature=True)
        if errors:
            raise ValidationError(errors)
        row.decided_on, row.signed_by = on, order.signed_by
        row.signed_by_user_id, row.signed_at = actor.user_id, datetime.now(UTC)
        row.status = OrderStatus.SIGNED.value
        for r in row.restrictions:
            r.start = max(r.start, on)
        audit.record(uow, actor, "restriction_order.sign", "restriction_order", row.id,
                     after=_order_json(order), legal_ground="2015 Provisions Art. 5")
        uow.session.flush()
        rec = _record(uow, row)
        uow.commit()
        return rec


def orders_for_case(uow: UnitOfWork, actor: Actor, case_id: int) -> list[OrderRecord]:
    require(actor, Permission.CASE_VIEW)
    with uow:
        rows = uow.session.scalars(select(RestrictionOrderRow)
                                   .options(selectinload(RestrictionOrderRow.restrictions))
                                   .where(RestrictionOrderRow.case_id == case_id)
                                   .order_by(RestrictionOrderRow.id))
        return [_record(uow, r) for r in rows]


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
    from courtapp.core.domain.model import ConductRecord, ConductType
    from courtapp.core.services import cases

    require(actor, Permission.LISTING_PREPARE)
    e = ErrorCollector()
    if not verified:
        e.add("verified", "restriction.violation_unverified",
              "only a breach the court has verified is recorded (2015 Provisions Art. 11: 经查证属实)",
              "违反限制消费令的行为须经查证属实方可认定（2015年规定第十一条）")
    if not description.strip():
        e.add("description", "required", "this field is required", "此项为必填项")
    with uow:
        s = uow.session
        rows = s.scalars(select(RestrictionRow).where(
            RestrictionRow.case_id == case_id, RestrictionRow.respondent == respondent,
            RestrictionRow.start <= on))
        in_force = False
        for r in rows:
            if r.until is not None and r.until < on:
                continue
            if r.status == RestrictionStatus.LIFTED.value and (r.until is None or r.until < on):
                continue
            if r.listing_id is not None:
                lr = s.get(ListingRow, r.listing_id)
                signed = lr is not None and lr.status != "draft"
            else:
                orow = s.get(RestrictionOrderRow, r.order_id)
                signed = orow is not None and orow.status != OrderStatus.DRAFT.value
            in_force = in_force or signed
        if not in_force:
            e.add("on", "restriction.violation_not_restricted",
                  f"respondent {respondent} was under no consumption restriction on {on.isoformat()}",
                  f"被执行人（{respondent}）在{on.isoformat()}未被限制消费")
    e.raise_if_any()
    rec = cases.get_case(uow, actor, case_id=case_id)
    case = rec.case
    case.conduct.append(ConductRecord(ConductType.RESTRICTION_ORDER_VIOLATION, on, description.strip(),
                                      respondent))
    cases.update_case(uow, actor, case_id, rec.version, case, today=today,
                      reason=f"verified breach of the restriction order ({ART_VIOLATION})")
    return Violation(case_id, respondent, on, description.strip())
