"""The propagation ledger: each change of the list reaches each recipient (R-L9).

Every publication, removal, correction, lifting and temporary permission
creates one open item per recipient (:mod:`courtapp.core.domain.publication`):
the SPC list database (the public list), credit-reporting agencies, the bodies
of 2017 Art. 8 (and a work unit or superior body under paras. 3-4), and the
carriers — airlines and rail — for a travel item.  An item stays open until
someone records its acknowledgement.

When an item is due:
- a removal or a correction: 3 working days after it was made (2017 Arts. 9,
  10, 12; R-R1, R-R4), on the working-day calendar, provisional when a year
  has no data (R-D1);
- a lifting: ``dispatch.lifting_working_days`` working days (2015 Art. 9 says
  "promptly" with no number; default 3, as for a deletion);
- a temporary permission: its first day (the carriers must know before the trip);
- a publication: no deadline in the rules.

A removal that no recipient has acknowledged by its due day is the top alert
of the day (:func:`pending_propagation`, used by ``services.daily.alerts``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from courtapp.core import settings
from courtapp.core.db.orm import CaseRow, DispatchRow
from courtapp.core.db.repositories.settings import SettingsRepository
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector, NotFound
from courtapp.core.domain.listing import Listing
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.publication import Recipient, entry_data, recipients
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.workdays import Deadline, YearCalendar, add_working_days
from courtapp.core.services import audit
from courtapp.core.services.audit import canonical_json

EVENTS = ("publication", "removal", "correction", "lifting", "permission")
#: Removal and correction: 3 working days (2017 Arts. 9-10, 12).
STATUTORY_WORKING_DAYS = 3
SETTING_LIFTING_DAYS = "dispatch.lifting_working_days"
DEFAULT_LIFTING_DAYS = 3


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
    acknowledged_by: str | None = None
    order_id: int | None = None
    petition_id: int | None = None
    case_number: str = ""
    #: When the recipient should have it (None: no deadline), and whether that
    #: date is provisional (a year without calendar data).
    due: date | None = None
    due_provisional: bool = False

    @property
    def open(self) -> bool:
        return self.status == "open"


def _item(r: DispatchRow, case_number: str = "", due: Deadline | None = None) -> DispatchItem:
    return DispatchItem(
        id=r.id, case_id=r.case_id, listing_id=r.listing_id, event=r.event, recipient=r.recipient,
        recipient_name=r.recipient_name, article=r.article, created_on=r.created_on,
        status=r.status, acknowledged_on=r.acknowledged_on, acknowledged_by=r.acknowledged_by,
        order_id=r.order_id, petition_id=r.petition_id, case_number=case_number,
        due=due.due if due else None, due_provisional=due.provisional if due else False)


def queue_event(uow: UnitOfWork, *, case_id: int, event: str, recipients: Sequence[Recipient],
                payload: dict[str, Any], on: date, listing_id: int | None = None,
                order_id: int | None = None, petition_id: int | None = None) -> list[DispatchRow]:
    """Within the caller's transaction: one open item per recipient of ``event``."""
    assert event in EVENTS, event
    text = canonical_json(payload) or ""
    rows = [DispatchRow(case_id=case_id, listing_id=listing_id, order_id=order_id,
                        petition_id=petition_id, event=event, recipient=r.code,
                        recipient_name=r.name_zh, article=r.article, payload=text, created_on=on,
                        status="open")
            for r in recipients]
    uow.session.add_all(rows)
    return rows


def queue_publication(uow: UnitOfWork, case_id: int, listing_id: int, case: EnforcementCase,
                      listing: Listing, on: date) -> list[DispatchRow]:
    """Within the caller's transaction: one open item per recipient of a publication."""
    return queue_event(uow, case_id=case_id, event="publication",
                       recipients=recipients(case, listing),
                       payload=entry_data(case, listing, on), on=on, listing_id=listing_id)


def _lifting_days(s: Session) -> int:
    return settings.value(SettingsRepository(s), settings.LIFTING_WORKING_DAYS)


def item_due(cal: YearCalendar, r: DispatchRow, lifting_days: int) -> Deadline | None:
    """When ``r`` is due (see the module docstring)."""
    if r.event in ("removal", "correction"):
        return add_working_days(cal, r.created_on, STATUTORY_WORKING_DAYS)
    if r.event == "lifting":
        return add_working_days(cal, r.created_on, lifting_days)
    if r.event == "permission":
        try:
            start = json.loads(r.payload).get("from")
        except ValueError:
            start = None
        return Deadline(date.fromisoformat(start)) if start else None
    return None


def _with_due(s: Session, rows: list[tuple[DispatchRow, str]]) -> list[DispatchItem]:
    from courtapp.core.services.calendar import load_in, years_around

    if not rows:
        return []
    first = min(r.created_on for r, _ in rows)
    last = max(r.created_on for r, _ in rows)
    cal = load_in(s, years_around(first, last))
    days = _lifting_days(s)
    return [_item(r, n, item_due(cal, r, days)) for r, n in rows]


def list_items(uow: UnitOfWork, actor: Actor, *, open_only: bool = False,
               case_id: int | None = None, event: str | None = None,
               listing_id: int | None = None, limit: int = 10_000) -> list[DispatchItem]:
    """Ledger items, oldest first, each with its due date."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        q = (select(DispatchRow, CaseRow.case_number).join(CaseRow, CaseRow.id == DispatchRow.case_id)
             .order_by(DispatchRow.id).limit(limit))
        if open_only:
            q = q.where(DispatchRow.status == "open")
        if case_id is not None:
            q = q.where(DispatchRow.case_id == case_id)
        if event is not None:
            q = q.where(DispatchRow.event == event)
        if listing_id is not None:
            q = q.where(DispatchRow.listing_id == listing_id)
        return _with_due(uow.session, [(r, n) for r, n in uow.session.execute(q)])


def open_items(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None) -> list[DispatchItem]:
    return list_items(uow, actor, open_only=True, case_id=case_id)


def items_for_listing(uow: UnitOfWork, actor: Actor, listing_id: int) -> list[DispatchItem]:
    return list_items(uow, actor, listing_id=listing_id)


def acknowledge(uow: UnitOfWork, actor: Actor, item_id: int, on: date) -> DispatchItem:
    """Record that the recipient confirmed (回执); the item closes."""
    require(actor, Permission.LISTING_SERVE)
    with uow:
        row = uow.session.get(DispatchRow, item_id)
        if row is None:
            raise NotFound(f"dispatch item {item_id}")
        e = ErrorCollector()
        if row.status != "open":
            e.add("status", "dispatch.already_acknowledged", "this item is already acknowledged",
                  "该事项已确认回执")
        elif on < row.created_on:
            e.add("on", "dispatch.before_sent", "an acknowledgement cannot precede the item",
                  "回执日期不得早于发送日期")
        e.raise_if_any()
        row.status, row.acknowledged_on, row.acknowledged_by = "acknowledged", on, actor.username
        audit.record(uow, actor, "dispatch.acknowledge", "dispatch", row.id,
                     after={"on": on.isoformat(), "event": row.event, "recipient": row.recipient},
                     legal_ground=row.article)
        number = uow.session.scalar(select(CaseRow.case_number).where(CaseRow.id == row.case_id)) or ""
        item = _item(row, number)
        uow.commit()
        return item


@dataclass(frozen=True)
class Propagation:
    """One change (a removal of one listing, say) and how far it has reached."""

    event: str
    case_id: int
    case_number: str
    listing_id: int | None
    order_id: int | None
    petition_id: int | None
    created_on: date
    due: date | None
    due_provisional: bool
    recipients: int
    acknowledged: int
    open_recipients: tuple[str, ...]

    def late(self, today: date) -> bool:
        """Due by ``today`` (inclusive: on the last day of the period the court can still act)."""
        return self.due is not None and today >= self.due and self.acknowledged < self.recipients


def pending_propagation(uow: UnitOfWork, actor: Actor, today: date, *,
                        events: Sequence[str] = ("removal", "correction", "lifting", "permission"),
                        ) -> list[Propagation]:
    """Changes with an open item whose due day has come by ``today``, grouped per
    change; a removal no recipient has acknowledged first, then by due date."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        # Only the cases with an open item: the ledger of settled changes is never reread.
        cases = select(DispatchRow.case_id).where(
            DispatchRow.status == "open", DispatchRow.event.in_(list(events)),
            DispatchRow.created_on <= today).distinct()
        q = (select(DispatchRow, CaseRow.case_number).join(CaseRow, CaseRow.id == DispatchRow.case_id)
             .where(DispatchRow.event.in_(list(events)), DispatchRow.created_on <= today,
                    DispatchRow.case_id.in_(cases))
             .order_by(DispatchRow.id))
        groups: dict[tuple[str, int, int | None, int | None, date, int | None],
                     list[tuple[DispatchRow, str]]] = {}
        for r, n in uow.session.execute(q):
            key = (r.event, r.case_id, r.listing_id, r.order_id, r.created_on, r.petition_id)
            groups.setdefault(key, []).append((r, n))
        live = {k: v for k, v in groups.items() if any(r.status == "open" for r, _ in v)}
        items = _with_due(uow.session, [x for v in live.values() for x in v])
        ids = {k: [r.id for r, _ in v] for k, v in live.items()}
    by_id = {i.id: i for i in items}
    out: list[Propagation] = []
    for (event, case_id, listing_id, order_id, created, petition_id), row_ids in ids.items():
        its = [by_id[i] for i in row_ids]
        p = Propagation(event, case_id, its[0].case_number, listing_id, order_id, petition_id, created,
                        its[0].due, its[0].due_provisional, len(its),
                        sum(1 for i in its if not i.open), tuple(i.recipient for i in its if i.open))
        if p.late(today):
            out.append(p)
    order = {e: k for k, e in enumerate(("removal", "correction", "lifting", "permission"))}
    return sorted(out, key=lambda p: (not (p.event == "removal" and p.acknowledged == 0),
                                      order.get(p.event, 9), p.due or today, p.case_number))
