"""Dispatch items: each publication reaches each recipient (2017 Arts. 7-8, R-L9).

An item stays open until its acknowledgement is recorded.  The counter issue
builds the propagation ledger (removals, liftings, alerts) on top of this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from courtapp.core.db.orm import DispatchRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector, NotFound
from courtapp.core.domain.listing import Listing
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.publication import entry_data, recipients
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import audit
from courtapp.core.services.audit import canonical_json
from courtapp.core.services.auth import require


@dataclass(frozen=True)
class DispatchItem:
    id: int
    case_id: int
    listing_id: int | None
    event: str
    recipient: str
    recipient_name: str
    article: str
    created_on: date
    status: str
    acknowledged_on: date | None


def _item(r: DispatchRow) -> DispatchItem:
    return DispatchItem(r.id, r.case_id, r.listing_id, r.event, r.recipient, r.recipient_name,
                        r.article, r.created_on, r.status, r.acknowledged_on)


def queue_publication(uow: UnitOfWork, case_id: int, listing_id: int, case: EnforcementCase,
                      listing: Listing, on: date) -> list[DispatchRow]:
    """Within the caller's transaction: one open item per recipient of a publication."""
    payload = canonical_json(entry_data(case, listing, on))
    rows = [DispatchRow(case_id=case_id, listing_id=listing_id, event="publication",
                        recipient=r.code, recipient_name=r.name_zh, article=r.article,
                        payload=payload or "", created_on=on, status="open")
            for r in recipients(case, listing)]
    uow.session.add_all(rows)
    return rows


def open_items(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None) -> list[DispatchItem]:
    require(actor, Permission.CASE_VIEW)
    with uow:
        q = select(DispatchRow).where(DispatchRow.status == "open").order_by(DispatchRow.id)
        if case_id is not None:
            q = q.where(DispatchRow.case_id == case_id)
        return [_item(r) for r in uow.session.scalars(q)]


def items_for_listing(uow: UnitOfWork, actor: Actor, listing_id: int) -> list[DispatchItem]:
    require(actor, Permission.CASE_VIEW)
    with uow:
        return [_item(r) for r in uow.session.scalars(
            select(DispatchRow).where(DispatchRow.listing_id == listing_id).order_by(DispatchRow.id))]


def acknowledge(uow: UnitOfWork, actor: Actor, item_id: int, on: date) -> DispatchItem:
    require(actor, Permission.LISTING_SERVE)
    with uow:
        row = uow.session.get(DispatchRow, item_id)
        if row is None:
            raise NotFound(f"dispatch item {item_id}")
        if row.status != "open":
            e = ErrorCollector()
            e.add("status", "dispatch.already_acknowledged", "this item is already acknowledged",
                  "该事项已确认回执")
            e.raise_if_any()
        row.status, row.acknowledged_on, row.acknowledged_by = "acknowledged", on, actor.username
        audit.record(uow, actor, "dispatch.acknowledge", "dispatch", row.id,
                     after={"on": on.isoformat()}, legal_ground=row.article)
        item = _item(row)
        uow.commit()
        return item
