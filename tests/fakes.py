"""An in-memory unit of work for fast service tests of the rules (cosmicpython's
``FakeUnitOfWork``): no database, no SQLAlchemy.

It implements exactly the repository methods the counter services use
(``courtapp.core.services.counter``, ``dispatch``, and the ``removal`` and
``history`` helpers they call) with the same meaning as the SQL repositories
of ``courtapp.core.db.repositories``.  A transaction is a copy of the store:
``commit()`` keeps the changes, leaving ``with uow:`` without it drops them,
as the real unit of work rolls back.  ``seed_*`` set up a test's world without
going through any service.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any

from courtapp.core.domain.errors import ConflictError, NotFound
from courtapp.core.domain.listing import Listing, ListingStatus, RespondentState
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.paging import PAGE_SIZE, Page, page_of
from courtapp.core.domain.petition import PERMISSION_KINDS, PetitionKind, PetitionStatus
from courtapp.core.domain.publication import Recipient
from courtapp.core.domain.records import (
    CaseRecord,
    DispatchRecord,
    Evidence,
    ListingRecord,
    OrderRecord,
    PetitionRecord,
    RespondentEvent,
)
from courtapp.core.domain.restriction_order import OrderStatus, RestrictionOrder
from courtapp.core.domain.roles import Actor
from courtapp.core.domain.workdays import DayInfo, YearCalendar

SIGNED = (ListingStatus.AWAITING_PUBLICATION, ListingStatus.PUBLISHED)
CURRENT = (ListingStatus.DRAFT, *SIGNED)


@dataclass(frozen=True)
class AuditRecord:
    actor: str
    action: str
    entity_type: str
    entity_id: str
    before: Any
    after: Any
    legal_ground: str | None
    reason: str | None


@dataclass
class Store:
    """Everything the fake holds; copied at the start of each transaction."""

    cases: dict[int, CaseRecord] = field(default_factory=dict)
    listings: dict[int, ListingRecord] = field(default_factory=dict)
    orders: dict[int, OrderRecord] = field(default_factory=dict)
    events: list[RespondentEvent] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    calendar_years: set[int] = field(default_factory=set)
    calendar_days: dict[date, DayInfo] = field(default_factory=dict)
    audit: list[AuditRecord] = field(default_factory=list)
    petitions: dict[int, PetitionRecord] = field(default_factory=dict)
    evidence: dict[int, bytes] = field(default_factory=dict)
    dispatch: dict[int, DispatchRecord] = field(default_factory=dict)
    ids: int = 0

    def next_id(self) -> int:
        self.ids += 1
        return self.ids


class _Repo:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow

    @property
    def s(self) -> Store:
        return self._uow.store


# --------------------------------------------------------------------- cases
class FakeCases(_Repo):
    def get(self, case_id: int) -> CaseRecord:
        if case_id not in self.s.cases:
            raise NotFound(f"case id {case_id}")
        return copy.deepcopy(self.s.cases[case_id])

    def many(self, case_ids: Iterable[int]) -> dict[int, CaseRecord]:
        return {i: self.get(i) for i in case_ids}


# ------------------------------------------------------------------ listings
def _items_ids(s: Store, old: Sequence[int], n: int) -> tuple[int, ...]:
    return tuple(old[:n]) + tuple(s.next_id() for _ in range(max(0, n - len(old))))


class FakeListings(_Repo):
    def get(self, listing_id: int) -> ListingRecord:
        if listing_id not in self.s.listings:
            raise NotFound(f"listing id {listing_id}")
        return copy.deepcopy(self.s.listings[listing_id])

    def current(self, case_id: int, respondent: int, *, signed: bool = False) -> ListingRecord | None:
        found = [r for r in self.s.listings.values() if r.case_id == case_id
                 and r.listing.respondent == respondent
                 and r.listing.status in (SIGNED if signed else CURRENT)]
        return copy.deepcopy(max(found, key=lambda r: r.id)) if found else None

    def save(self, listing_id: int, listing: Listing, *, signed_by_user_id: int | None = None,
             removal_event_on: date | None = None) -> ListingRecord:
        old = self.get(listing_id)
        self.s.listings[listing_id] = replace(
            old, listing=copy.deepcopy(listing), version=old.version + 1,
            removal_event_on=removal_event_on if removal_event_on is not None else old.removal_event_on,
            restriction_ids=_items_ids(self.s, old.restriction_ids, len(listing.restrictions)))
        return self.get(listing_id)


# -------------------------------------------------------------------- orders
class FakeOrders(_Repo):
    def get(self, order_id: int) -> OrderRecord:
        if order_id not in self.s.orders:
            raise NotFound(f"restriction order {order_id}")
        return copy.deepcopy(self.s.orders[order_id])

    def signed(self, case_id: int, respondent: int) -> list[OrderRecord]:
        return [copy.deepcopy(o) for o in sorted(self.s.orders.values(), key=lambda o: -o.id)
                if o.case_id == case_id and o.order.respondent == respondent
                and o.order.status is OrderStatus.SIGNED]

    def save(self, order_id: int, order: RestrictionOrder, *,
             signed_by_user_id: int | None = None) -> OrderRecord:
        old = self.get(order_id)
        self.s.orders[order_id] = replace(
            old, order=copy.deepcopy(order), version=old.version + 1,
            restriction_ids=_items_ids(self.s, old.restriction_ids, len(order.restrictions)))
        return self.get(order_id)

    def add(self, case_id: int, order: RestrictionOrder, *, prepared_by: str) -> OrderRecord:
        oid = self.s.next_id()
        self.s.orders[oid] = OrderRecord(
            oid, case_id, self.s.cases[case_id].case.case_number, 1, copy.deepcopy(order),
            prepared_by, _items_ids(self.s, (), len(order.restrictions)))
        return self.get(oid)


# ---------------------------------------------------- history, settings, calendar, audit
class FakeEvents(_Repo):
    def last_state(self, case_id: int, respondent: int) -> RespondentState | None:
        found = [e for e in self.s.events if (e.case_id, e.respondent) == (case_id, respondent)]
        return found[-1].to_state if found else None

    def add(self, *, case_id: int, respondent: int, from_state: RespondentState,
            to_state: RespondentState, effective_on: date, username: str, article: str,
            reason: Message) -> None:
        self.s.events.append(RespondentEvent(
            len(self.s.events) + 1, case_id, respondent, from_state, to_state, datetime.now(UTC),
            effective_on, username, article, reason.code, dict(reason.params)))


class FakeSettings(_Repo):
    def get(self, key: str) -> str | None:
        return self.s.settings.get(key)

    def put(self, key: str, value: str) -> str | None:
        before = self.s.settings.get(key)
        self.s.settings[key] = value
        return before


class FakeCalendar(_Repo):
    def load(self, years: range | None = None) -> YearCalendar:
        known = {y for y in self.s.calendar_years if years is None or y in years}
        return YearCalendar(known, {d: i for d, i in self.s.calendar_days.items() if d.year in known})



class FakeAudit(_Repo):
    def add(self, actor: Actor, action: str, entity_type: str, entity_id: object, *,
            before: Any = None, after: Any = None, legal_ground: str | None = None,
            reason: str | None = None) -> None:
        self.s.audit.append(AuditRecord(actor.username, action, entity_type, str(entity_id),
                                        copy.deepcopy(before), copy.deepcopy(after),
                                        legal_ground, reason))


# ----------------------------------------------------------------- petitions
class FakePetitions(_Repo):
    def get(self, ref: int | str) -> PetitionRecord:
        if isinstance(ref, int):
            found = self.s.petitions.get(ref)
        else:
            number = ref.strip().replace("（", "(").replace("）", ")")
            found = next((p for p in self.s.petitions.values() if p.number == number), None)
        if found is None:
            raise NotFound(f"petition {ref}")
        return found

    def _select(self, *tests: Any) -> list[PetitionRecord]:
        return [p for _, p in sorted(self.s.petitions.items()) if all(t(p) for t in tests)]

    def page(self, *, case_id: int | None = None, status: PetitionStatus | None = None,
             kind: PetitionKind | None = None, document_missing: bool = False,
             decision_unserved: bool = False, after: object | None = None,
             limit: int = PAGE_SIZE, sort: str = "oldest",
             descending: bool = False) -> Page[PetitionRecord]:
        # The services read petitions oldest first; the other orders are the
        # screens' (tested against the database in tests/gui/test_queue_sort.py).
        assert sort == "oldest" and not descending and (after is None or isinstance(after, int))
        rows = self._select(
            lambda p: case_id is None or p.case_id == case_id,
            lambda p: status is None or p.status is status,
            lambda p: kind is None or p.kind is kind,
            lambda p: not document_missing or (p.document_error is not None
                                               and p.document_number is None),
            lambda p: not decision_unserved or (p.document_number is not None
                                                and p.decision_served_on is None),
            lambda p: after is None or p.id > after)
        return page_of(rows[:limit + 1], limit, lambda p: p.id)

    def running_permissions(self) -> list[PetitionRecord]:
        return self._select(lambda p: p.kind in PERMISSION_KINDS,
                            lambda p: p.status is PetitionStatus.GRANTED,
                            lambda p: p.permission_ended_on is None)

    def running_travel(self, case_id: int, respondent: int, *, exclude: int) -> list[PetitionRecord]:
        return self._select(lambda p: (p.case_id, p.respondent) == (case_id, respondent),
                            lambda p: p.kind is PetitionKind.TEMPORARY_TRAVEL,
                            lambda p: p.status is PetitionStatus.GRANTED,
                            lambda p: p.permission_ended_on is None, lambda p: p.id != exclude)

    def evidence_data(self, evidence_id: int) -> tuple[Evidence, bytes]:
        for p in self.s.petitions.values():
            for ev in p.evidence:
                if ev.id == evidence_id:
                    return ev, self.s.evidence[ev.id]
        raise NotFound(f"evidence {evidence_id}")

    def next_sequence(self, case_id: int) -> int:
        return max((p.sequence for p in self.s.petitions.values() if p.case_id == case_id),
                   default=0) + 1

    def add(self, new: PetitionRecord, data: Sequence[bytes]) -> PetitionRecord:
        if any(p.number == new.number for p in self.s.petitions.values()):
            raise ConflictError(f"petition {new.number} exists")  # the UNIQUE constraint
        evidence = []
        for x, b in zip(new.evidence, data, strict=True):
            ev = replace(x, id=self.s.next_id())
            self.s.evidence[ev.id] = b
            evidence.append(ev)
        rec = replace(new, id=self.s.next_id(), evidence=tuple(evidence), version=1)
        self.s.petitions[rec.id] = rec
        return rec

    def save(self, rec: PetitionRecord) -> PetitionRecord:
        old = self.get(rec.id)
        if old.version != rec.version:
            raise ConflictError(f"petition {rec.number} was changed by someone else meanwhile")
        out = replace(rec, version=rec.version + 1, evidence=old.evidence)
        self.s.petitions[rec.id] = out
        return out


# ------------------------------------------------------------------ dispatch
class FakeDispatch(_Repo):
    def add(self, *, case_id: int, event: str, recipients: Sequence[Recipient],
            payload: Mapping[str, Any], on: date, listing_id: int | None = None,
            order_id: int | None = None, petition_id: int | None = None) -> list[int]:
        ids = []
        for r in recipients:
            i = self.s.next_id()
            self.s.dispatch[i] = DispatchRecord(
                i, case_id, self.s.cases[case_id].case.case_number, listing_id, order_id,
                petition_id, event, r.code, r.name_zh, r.article, copy.deepcopy(dict(payload)),
                on, "open")
            ids.append(i)
        return ids

    def many(self, item_ids: Sequence[int]) -> list[DispatchRecord]:
        missing = sorted(set(item_ids) - set(self.s.dispatch))
        if missing:
            raise NotFound(f"dispatch item {missing[0]}")
        return [self.s.dispatch[i] for i in sorted(set(item_ids))]

    def get(self, item_id: int) -> DispatchRecord:
        return self.many([item_id])[0]

    def acknowledge(self, item_id: int, *, on: date, by: str) -> DispatchRecord:
        self.s.dispatch[item_id] = replace(self.get(item_id), status="acknowledged",
                                           acknowledged_on=on, acknowledged_by=by)
        return self.get(item_id)

    def page(self, *, open_only: bool = False, case_id: int | None = None,
             event: str | None = None, listing_id: int | None = None,
             petition_id: int | None = None, after: object | None = None,
             limit: int = PAGE_SIZE, sort: str = "oldest",
             descending: bool = False) -> Page[DispatchRecord]:
        # The services read the ledger oldest first; the other orders are the
        # screens' (tested against the database in tests/gui/test_ledger_sort.py).
        assert sort == "oldest" and not descending and (after is None or isinstance(after, int))
        rows = [r for _, r in sorted(self.s.dispatch.items())
                if (not open_only or r.status == "open")
                and (case_id is None or r.case_id == case_id)
                and (event is None or r.event == event)
                and (listing_id is None or r.listing_id == listing_id)
                and (petition_id is None or r.petition_id == petition_id)
                and (after is None or r.id > after)]
        return page_of(rows[:limit + 1], limit, lambda r: r.id)

    def live_changes(self, events: Sequence[str], today: date) -> list[DispatchRecord]:
        mine = [r for _, r in sorted(self.s.dispatch.items())
                if r.event in events and r.created_on <= today]
        cases = {r.case_id for r in mine if r.status == "open"}
        return [r for r in mine if r.case_id in cases]


# ------------------------------------------------------------- the unit of work
class FakeUnitOfWork:
    """Rollback by default, ``commit()`` explicit, like the real one."""

    def __init__(self) -> None:
        self.store = Store()
        self._committed = self.store
        self.commits = 0
        self.cases = FakeCases(self)
        self.listings = FakeListings(self)
        self.orders = FakeOrders(self)
        self.events = FakeEvents(self)
        self.settings = FakeSettings(self)
        self.calendar = FakeCalendar(self)
        self.audit = FakeAudit(self)
        self.petitions = FakePetitions(self)
        self.dispatch = FakeDispatch(self)

    def __enter__(self) -> FakeUnitOfWork:
        self.store = copy.deepcopy(self._committed)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.store = self._committed  # what was not committed is gone

    def commit(self) -> None:
        self._committed = copy.deepcopy(self.store)
        self.commits += 1

    @property
    def dialect(self) -> str:
        return "fake"

    # ------------------------------------------------------------ seeding
    def seed_calendar(self, years: Iterable[int]) -> None:
        """The working-day calendar of ``years``, from ``chinesecalendar`` (as the app seeds it)."""
        import chinese_calendar

        for y in years:
            self.store.calendar_years.add(y)
        for d, name in chinese_calendar.holidays.items():
            if d.year in self.store.calendar_years and not (d.weekday() >= 5 and not name):
                self.store.calendar_days[d] = DayInfo(False, name or "")
        for d, name in chinese_calendar.workdays.items():
            if d.year in self.store.calendar_years and d.weekday() >= 5:
                self.store.calendar_days[d] = DayInfo(True, name or "")

    def seed_case(self, case: EnforcementCase) -> int:
        cid = self.store.next_id()
        self.store.cases[cid] = CaseRecord(cid, 1, copy.deepcopy(case),
                                           tuple(range(len(case.respondents))))
        return cid

    def update_case(self, case_id: int, case: EnforcementCase) -> None:
        """The case as the case form would store it (e.g. a payment recorded)."""
        old = self.store.cases[case_id]
        self.store.cases[case_id] = replace(old, case=copy.deepcopy(case), version=old.version + 1)

    def seed_listing(self, case_id: int, listing: Listing) -> int:
        """A signed listing, with its respondent's state recorded as the listing's."""
        lid = self.store.next_id()
        self.store.listings[lid] = ListingRecord(
            lid, case_id, self.store.cases[case_id].case.case_number, 1, copy.deepcopy(listing),
            "judge", "理由", "", listing.respondent, None,
            _items_ids(self.store, (), len(listing.restrictions)))
        self.store.events.append(RespondentEvent(
            len(self.store.events) + 1, case_id, listing.respondent,
            RespondentState.NOTICE_SERVED, listing.state(), datetime.now(UTC),
            listing.published_on or listing.decided_on, "judge", "seed", "history.published"))
        return lid

    def seed_order(self, case_id: int, order: RestrictionOrder) -> int:
        return self.orders.add(case_id, order, prepared_by="judge").id

    def audit_actions(self, entity_type: str | None = None) -> list[str]:
        return [a.action for a in self._committed.audit
                if entity_type is None or a.entity_type == entity_type]

    @property
    def committed(self) -> Store:
        return self._committed
