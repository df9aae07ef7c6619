"""The propagation ledger: each change of the list reaches each recipient (R-L9).

Every publication, removal, correction, lifting and temporary permission
creates one open item per recipient (:mod:`courtapp.core.domain.publication`):
the SPC list database (the public list), credit-reporting agencies, the bodies
of 2017 Art. 8 (and a work unit or superior body under paras. 3-4), and the
carriers — airlines and rail — for a travel item.  An item stays open until
someone records its acknowledgement.

When an item is due:
- a removal: 3 working days after its ground was on the court's record (the
  payload's ``event_on``: R-R1, R-R2, R-R7; 2017 Arts. 9-10) — the entry is to
  be gone from every list by then — on the working-day calendar, provisional
  when a year has no data (R-D1);
- a correction: 3 working days after it was made (2017 Art. 12, R-R4);
- a lifting: ``dispatch.lifting_working_days`` working days (2015 Art. 9 says
  "promptly" with no number; default 3, as for a deletion);
- a temporary permission: its first day (the carriers must know before the trip);
- a publication: no deadline in the rules.

A removal that no recipient has acknowledged by its due day is the top alert
of the day (:func:`pending_propagation`, used by ``services.daily.alerts``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from courtapp.core import settings
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain import paging
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.listing import Listing
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.paging import PAGE_SIZE, Page, every
from courtapp.core.domain.publication import Recipient, entry_data, recipients
from courtapp.core.domain.records import DispatchRecord
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.workdays import Deadline, YearCalendar, add_working_days

EVENTS = ("publication", "removal", "correction", "lifting", "permission")
#: Removal and correction: 3 working days (2017 Arts. 9-10, 12).
STATUTORY_WORKING_DAYS = 3
SETTING_LIFTING_DAYS = settings.LIFTING_WORKING_DAYS.key
DEFAULT_LIFTING_DAYS = settings.LIFTING_WORKING_DAYS.default


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


def _item(r: DispatchRecord, due: Deadline | None) -> DispatchItem:
    return DispatchItem(
        id=r.id, case_id=r.case_id, listing_id=r.listing_id, event=r.event, recipient=r.recipient,
        recipient_name=r.recipient_name, article=r.article, created_on=r.created_on,
        status=r.status, acknowledged_on=r.acknowledged_on, acknowledged_by=r.acknowledged_by,
        order_id=r.order_id, petition_id=r.petition_id, case_number=r.case_number,
        due=due.due if due else None, due_provisional=due.provisional if due else False)


def queue_event(uow: UnitOfWork, *, case_id: int, event: str, recipients: Sequence[Recipient],
                payload: Mapping[str, Any], on: date, listing_id: int | None = None,
                order_id: int | None = None, petition_id: int | None = None) -> list[int]:
    """Within the caller's transaction: one open item per recipient of ``event``;
    returns the items' ids."""
    assert event in EVENTS, event
    return uow.dispatch.add(case_id=case_id, event=event, recipients=recipients, payload=payload,
                            on=on, listing_id=listing_id, order_id=order_id,
                            petition_id=petition_id)


def queue_publication(uow: UnitOfWork, case_id: int, listing_id: int, case: EnforcementCase,
                      listing: Listing, on: date) -> list[int]:
    """Within the caller's transaction: one open item per recipient of a publication."""
    return queue_event(uow, case_id=case_id, event="publication",
                       recipients=recipients(case, listing),
                       payload=entry_data(case, listing, on), on=on, listing_id=listing_id)


def lifting_days(uow: UnitOfWork) -> int:
    """The court's working days for a lifting to reach every recipient."""
    return settings.value(uow.settings, settings.LIFTING_WORKING_DAYS)


def item_due(cal: YearCalendar, r: DispatchRecord, lifting_days: int) -> Deadline | None:
    """When ``r`` is due (see the module docstring)."""
    if r.event == "removal":
        return add_working_days(cal, _day(r.payload.get("event_on")) or r.created_on,
                                STATUTORY_WORKING_DAYS)
    if r.event == "correction":
        return add_working_days(cal, r.created_on, STATUTORY_WORKING_DAYS)
    if r.event == "lifting":
        return add_working_days(cal, r.created_on, lifting_days)
    if r.event == "permission":
        start = _day(r.payload.get("from"))
        return Deadline(start) if start else None
    return None


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def with_due(uow: UnitOfWork, recs: Sequence[DispatchRecord]) -> list[DispatchItem]:
    """Within the caller's open unit of work: the items with their due dates."""
    if not recs:
        return []
    starts = [r.created_on for r in recs] + [d for r in recs if (d := _day(r.payload.get("event_on")))]
    first, last = min(starts), max(starts)
    cal = uow.calendar.load(range(first.year, last.year + 2))
    days = lifting_days(uow)
    return [_item(r, item_due(cal, r, days)) for r in recs]


def items_page(uow: UnitOfWork, actor: Actor, *, open_only: bool = False,
               case_id: int | None = None, event: str | None = None,
               listing_id: int | None = None, after: object | None = None,
               limit: int = PAGE_SIZE, sort: str = "oldest",
               descending: bool = False) -> Page[DispatchItem]:
    """One page of ledger items, oldest first or by ``sort`` (a key of
    ``DISPATCH_SORT``), each with its due date (``after``: the ``next_after`` of
    the page before)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        page = uow.dispatch.page(open_only=open_only, case_id=case_id, event=event,
                                 listing_id=listing_id, after=after, limit=limit, sort=sort,
                                 descending=descending)
        return Page(with_due(uow, list(page.rows)), page.has_more, page.next_after)


def list_items(uow: UnitOfWork, actor: Actor, *, open_only: bool = False,
               case_id: int | None = None, event: str | None = None,
               listing_id: int | None = None, limit: int | None = None,
               sort: str = "oldest", descending: bool = False) -> list[DispatchItem]:
    """Every ledger item that matches, oldest first or by ``sort``, each with its
    due date, read page after page in one snapshot (``limit``: at most that many,
    when the caller asks for fewer)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        recs: list[DispatchRecord] = []
        for r in every(lambda after: uow.dispatch.page(
                open_only=open_only, case_id=case_id, event=event, listing_id=listing_id,
                after=after, limit=paging.PAGE_SIZE, sort=sort, descending=descending)):
            if limit is not None and len(recs) >= limit:
                break
            recs.append(r)
        return with_due(uow, recs)


def open_items(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
               sort: str = "oldest", descending: bool = False) -> list[DispatchItem]:
    """Every open item (the ledger page), oldest first or by ``sort``."""
    return list_items(uow, actor, open_only=True, case_id=case_id, sort=sort,
                      descending=descending)


def items_for_listing(uow: UnitOfWork, actor: Actor, listing_id: int) -> list[DispatchItem]:
    return list_items(uow, actor, listing_id=listing_id)


def acknowledge_dispatch(uow: UnitOfWork, actor: Actor, item_ids: Sequence[int],
                         on: date) -> list[DispatchItem]:
    """Record that the recipients confirmed (回执) these items, all in one
    transaction: if any one is refused, none is recorded."""
    require(actor, Permission.LISTING_SERVE)
    ids = list(dict.fromkeys(item_ids))
    with uow:
        e = ErrorCollector()
        items = uow.dispatch.many(ids)
        for k, r in enumerate(items):
            path = "status" if len(ids) == 1 else f"items[{k}].status"
            if r.status != "open":
                e.add(path, "dispatch.already_acknowledged",
                      f"item {r.id} is already acknowledged" if len(ids) > 1 else
                      "this item is already acknowledged", "该事项已确认回执")
            elif on < r.created_on:
                e.add("on", "dispatch.before_sent", "an acknowledgement cannot precede the item",
                      "回执日期不得早于发送日期")
        e.raise_if_any()
        done = []
        for r in items:
            done.append(uow.dispatch.acknowledge(r.id, on=on, by=actor.username))
            uow.audit.add(actor, "dispatch.acknowledge", "dispatch", r.id,
                          after={"on": on.isoformat(), "event": r.event, "recipient": r.recipient},
                          legal_ground=r.article)
        out = [_item(r, None) for r in done]
        uow.commit()
        return out


def acknowledge(uow: UnitOfWork, actor: Actor, item_id: int, on: date) -> DispatchItem:
    """Record that the recipient confirmed (回执); the item closes."""
    return acknowledge_dispatch(uow, actor, [item_id], on)[0]


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


_ORDER = {e: k for k, e in enumerate(("removal", "correction", "lifting", "permission"))}


def pending_propagation(uow: UnitOfWork, actor: Actor, today: date, *,
                        events: Sequence[str] = ("removal", "correction", "lifting", "permission"),
                        ) -> list[Propagation]:
    """Changes with an open item whose due day has come by ``today``, grouped per
    change; a removal no recipient has acknowledged first, then by due date."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        groups: dict[tuple[str, int, int | None, int | None, date, int | None],
                     list[DispatchRecord]] = {}
        for r in uow.dispatch.live_changes(events, today):
            key = (r.event, r.case_id, r.listing_id, r.order_id, r.created_on, r.petition_id)
            groups.setdefault(key, []).append(r)
        live = {k: v for k, v in groups.items() if any(r.status == "open" for r in v)}
        items = with_due(uow, [x for v in live.values() for x in v])
    by_id = {i.id: i for i in items}
    out: list[Propagation] = []
    for (event, case_id, listing_id, order_id, created, petition_id), recs in live.items():
        its = [by_id[r.id] for r in recs]
        p = Propagation(event, case_id, its[0].case_number, listing_id, order_id, petition_id, created,
                        its[0].due, its[0].due_provisional, len(its),
                        sum(1 for i in its if not i.open), tuple(i.recipient for i in its if i.open))
        if p.late(today):
            out.append(p)
    return sorted(out, key=lambda p: (not (p.event == "removal" and p.acknowledged == 0),
                                      _ORDER.get(p.event, 9), p.due or today, p.case_number))
