"""Listing decisions and the restriction items that go with them (2017 Art. 5;
2015 Arts. 1, 3, 5)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from courtapp.core.db.orm import CaseRow, ListingRow, PersonRow, RestrictionRow
from courtapp.core.db.repositories.bulk import insert_rows, new_ids
from courtapp.core.domain.errors import ConflictError, NotFound
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
)
from courtapp.core.domain.model import ServiceMethod
from courtapp.core.domain.paging import Page, page_of
from courtapp.core.domain.records import ListingRecord

#: A listing that is neither removed nor never signed: it still counts (the
#: "at most one per respondent" rule).
CURRENT = (ListingStatus.DRAFT.value, ListingStatus.AWAITING_PUBLICATION.value,
           ListingStatus.PUBLISHED.value)
#: Signed and not removed.
IN_FORCE = (ListingStatus.AWAITING_PUBLICATION.value, ListingStatus.PUBLISHED.value)


def restriction_of(x: RestrictionRow) -> Restriction:
    return Restriction(RestrictionItem(x.item), x.person, x.start, x.until,
                       RestrictionStatus(x.status), x.reason)


def _to_listing(r: ListingRow) -> Listing:
    return Listing(
        respondent=r.respondent, grounds=[int(g) for g in r.grounds.split(",") if g],
        decided_on=r.decided_on, signed_by=r.signed_by, reasons=r.reasons_zh,
        served_on=r.served_on,
        service_method=ServiceMethod(r.service_method) if r.service_method else None,
        grace_until=r.grace_until, published_on=r.published_on, term_years=r.term_years,
        extension_years=r.extension_years, status=ListingStatus(r.status),
        removed_on=r.removed_on,
        removal_kind=RemovalKind(r.removal_kind) if r.removal_kind else None,
        restrictions=[restriction_of(x) for x in r.restrictions],
        removal_reason=RemovalReason(r.removal_reason) if r.removal_reason else None)


def _record(r: ListingRow, case_number: str) -> ListingRecord:
    return ListingRecord(r.id, r.case_id, case_number, r.version, _to_listing(r), r.prepared_by,
                         r.reasons_zh, r.reasons_en, r.person_id, r.removal_event_on,
                         tuple(x.id for x in r.restrictions))


def restriction_rows(items: Sequence[Restriction], case_id: int, respondent: int
                     ) -> list[RestrictionRow]:
    return [RestrictionRow(case_id=case_id, respondent=respondent, position=j, person=r.person,
                           item=int(r.item), start=r.start, until=r.until, status=r.status.value,
                           reason=r.reason)
            for j, r in enumerate(items)]


def apply_restrictions(rows: list[RestrictionRow], items: Sequence[Restriction], case_id: int,
                       respondent: int) -> list[RestrictionRow]:
    """Write ``items`` over the stored rows by position (keeping their ids); new
    items get new rows."""
    by_pos = {r.position: r for r in rows}
    out = []
    for j, item in enumerate(items):
        row = by_pos.get(j)
        if row is None:
            row = restriction_rows([item], case_id, respondent)[0]
            row.position = j
        row.person, row.item, row.start, row.until = item.person, int(item.item), item.start, item.until
        row.status, row.reason = item.status.value, item.reason
        out.append(row)
    return out


def _query() -> Select[ListingRow, str]:
    return (select(ListingRow, CaseRow.case_number).join(CaseRow, CaseRow.id == ListingRow.case_id)
            .options(selectinload(ListingRow.restrictions)))



_NO_DATE = literal(date(1, 1, 1))
#: The server-side orders of the listings list: key -> the columns, most
#: significant first (nullable ones coalesced, so that keyset paging compares).
LISTING_SORT: dict[str, tuple[Any, ...]] = {
    "newest": (),
    "case_number": (CaseRow.year, CaseRow.court_code, CaseRow.type_code, CaseRow.sequence),
    "respondent": (PersonRow.name,),
    "status": (ListingRow.status,),
    "grounds": (ListingRow.grounds,),
    "term": (func.coalesce(ListingRow.term_years, 0),),
    "decided_on": (ListingRow.decided_on,),
    "signed_by": (func.coalesce(ListingRow.signed_by, ""),),
    "grace_until": (func.coalesce(ListingRow.grace_until, _NO_DATE),),
    "served_on": (func.coalesce(ListingRow.served_on, _NO_DATE),),
    "published_on": (func.coalesce(ListingRow.published_on, _NO_DATE),),
}


def _filters(case_id: int | None, statuses: Sequence[ListingStatus]) -> list[ColumnElement[bool]]:
    """The listings list's filters, shared by its pages and its count."""
    out: list[ColumnElement[bool]] = []
    if case_id is not None:
        out.append(ListingRow.case_id == case_id)
    if statuses:
        out.append(ListingRow.status.in_([s.value for s in statuses]))
    return out


def _with_names(*extra: Any) -> Select[Any]:
    """Listings with their restrictions, case number and respondent's name (and
    ``extra`` columns): what :meth:`ListingRepository.page` and ``overviews`` read."""
    return (select(ListingRow, CaseRow.case_number, PersonRow.name, *extra)
            .join(CaseRow, CaseRow.id == ListingRow.case_id)
            .join(PersonRow, PersonRow.id == ListingRow.person_id)
            .options(selectinload(ListingRow.restrictions)))


class ListingRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def _rows(self, *conditions: ColumnElement[bool], newest_first: bool = False
              ) -> list[ListingRecord]:
        order = ListingRow.id.desc() if newest_first else ListingRow.id
        return [_record(r, n) for r, n in self._s.execute(_query().where(*conditions).order_by(order))]

    def _row(self, listing_id: int) -> ListingRow:
        row = self._s.scalar(select(ListingRow).options(selectinload(ListingRow.restrictions))
                             .where(ListingRow.id == listing_id))
        if row is None:
            raise NotFound(f"listing id {listing_id}")
        return row

    # ---------------------------------------------------------------- reading
    def get(self, listing_id: int) -> ListingRecord:
        found = self._rows(ListingRow.id == listing_id)
        if not found:
            raise NotFound(f"listing id {listing_id}")
        return found[0]

    def for_case(self, case_id: int, *, respondent: int | None = None,
                 newest_first: bool = False) -> list[ListingRecord]:
        conds = [ListingRow.case_id == case_id]
        if respondent is not None:
            conds.append(ListingRow.respondent == respondent)
        return self._rows(*conds, newest_first=newest_first)

    def for_cases(self, case_ids: Sequence[int]) -> list[ListingRecord]:
        """Every listing of these cases, newest first."""
        return self._rows(ListingRow.case_id.in_(list(case_ids)), newest_first=True) \
            if case_ids else []

    def current(self, case_id: int, respondent: int, *, signed: bool = False) -> ListingRecord | None:
        """The respondent's current listing (``signed``: only a signed one), newest first."""
        found = self._rows(ListingRow.case_id == case_id, ListingRow.respondent == respondent,
                           ListingRow.status.in_(IN_FORCE if signed else CURRENT),
                           newest_first=True)
        return found[0] if found else None

    def grace_by_respondent(self, case_id: int) -> dict[int, date]:
        """The grace period's end of each respondent's current listing."""
        return {r: g for r, g in self._s.execute(
            select(ListingRow.respondent, ListingRow.grace_until)
            .where(ListingRow.case_id == case_id, ListingRow.status.in_(CURRENT),
                   ListingRow.grace_until.is_not(None))) if g is not None}

    def awaiting_signature(self) -> list[ListingRecord]:
        return self._rows(ListingRow.status == ListingStatus.DRAFT.value)

    def signed_not_served(self) -> list[ListingRecord]:
        return self._rows(ListingRow.status == ListingStatus.AWAITING_PUBLICATION.value,
                          ListingRow.served_on.is_(None))

    def awaiting_publication(self, *, grace_ended_before: date | None = None) -> list[ListingRecord]:
        """Signed listings not yet published; with ``grace_ended_before``, only those
        with no grace period or one that ended before that day (the daily run's
        work, read without the listings still in grace)."""
        conds = [ListingRow.status == ListingStatus.AWAITING_PUBLICATION.value]
        if grace_ended_before is not None:
            conds.append(or_(ListingRow.grace_until.is_(None),
                             ListingRow.grace_until < grace_ended_before))
        return self._rows(*conds)

    def fixed_term_in_force(self) -> list[ListingRecord]:
        return self._rows(ListingRow.status.in_(IN_FORCE), ListingRow.term_years.is_not(None))

    def removed_on_creditor_request(self, case_id: int, respondent: int) -> list[date]:
        """The removal dates of the respondent's listings deleted at the creditor's request."""
        return [d for d in self._s.scalars(select(ListingRow.removed_on).where(
            ListingRow.case_id == case_id, ListingRow.respondent == respondent,
            ListingRow.status == ListingStatus.REMOVED.value,
            ListingRow.removal_reason == RemovalReason.CREDITOR_REQUEST.value,
            ListingRow.removed_on.is_not(None))) if d is not None]

    def page(self, *, case_id: int | None = None, statuses: Sequence[ListingStatus] = (),
             after: object | None = None, limit: int = 200, sort: str = "newest",
             descending: bool = True) -> Page[tuple[ListingRecord, str]]:
        """Listings with the respondent's name, ordered by ``sort`` (a key of
        :data:`LISTING_SORT`; the id breaks ties) on the server; keyset paging on
        (the sort values, id): ``after`` is the ``next_after`` of the page before."""
        cols = [*LISTING_SORT[sort], ListingRow.id]
        q = (_with_names(*cols).where(*_filters(case_id, statuses))
             .order_by(*(c.desc() if descending else c.asc() for c in cols)).limit(limit + 1))
        if isinstance(after, int):
            after = (after,)
        if isinstance(after, tuple):
            key = tuple_(*cols)
            q = q.where(key < tuple_(*after) if descending else key > tuple_(*after))
        fetched = list(self._s.execute(q))
        rows = [(_record(r[0], r[1]), r[2]) for r in fetched]
        keys = {id(x): tuple(r[3:]) for x, r in zip(rows, fetched, strict=True)}
        return page_of(rows, limit, lambda x: keys[id(x)])

    def count(self, *, case_id: int | None = None,
              statuses: Sequence[ListingStatus] = ()) -> int:
        """How many listings :meth:`page` lists with these filters, over every page."""
        return int(self._s.scalar(select(func.count()).select_from(ListingRow)
                                  .where(*_filters(case_id, statuses))) or 0)

    def overviews(self, listing_ids: Sequence[int]) -> list[tuple[ListingRecord, str]]:
        """These listings (the ids that exist, by id) with the respondent's name, as
        :meth:`page` gives them: one query, however many ids."""
        ids = sorted(set(listing_ids))
        if not ids:
            return []
        q = _with_names().where(ListingRow.id.in_(ids)).order_by(ListingRow.id)
        return [(_record(r, n), name) for r, n, name in self._s.execute(q)]

    # ---------------------------------------------------------------- writing
    def add(self, *, case_id: int, person_id: int, listing: Listing, reasons_zh: str,
            reasons_en: str, prepared_by: str) -> ListingRecord:
        row = ListingRow(
            case_id=case_id, respondent=listing.respondent, person_id=person_id,
            grounds=",".join(str(g) for g in sorted(set(listing.grounds))),
            status=listing.status.value, decided_on=listing.decided_on, reasons_zh=reasons_zh,
            reasons_en=reasons_en, prepared_by=prepared_by, signed_by=listing.signed_by,
            served_on=listing.served_on,
            service_method=listing.service_method.value if listing.service_method else None,
            grace_until=listing.grace_until, published_on=listing.published_on,
            term_years=listing.term_years, extension_years=listing.extension_years,
            removed_on=listing.removed_on,
            removal_kind=listing.removal_kind.value if listing.removal_kind else None,
            removal_reason=listing.removal_reason.value if listing.removal_reason else None,
            created_at=datetime.now(UTC))
        row.restrictions = restriction_rows(listing.restrictions, case_id, listing.respondent)
        self._s.add(row)
        self._s.flush()
        return self.get(row.id)

    def add_many(self, items: Sequence[tuple[int, int, str, Listing]], *, prepared_by: str
                 ) -> list[int]:
        """Store imported listings in bulk: ``(case id, person id, respondent kind,
        listing)`` each (its ``reasons`` as the Chinese reasons), with their
        restriction items; two multi-row inserts.  Returns the new ids in order."""
        if not items:
            return []
        now = datetime.now(UTC)
        ids = new_ids(self._s, ListingRow, len(items))
        rows = [{
            "id": lid, "case_id": cid, "respondent": x.respondent, "person_id": pid, "respondent_kind": kind,
            "grounds": ",".join(str(g) for g in sorted(set(x.grounds))),
            "status": x.status.value, "decided_on": x.decided_on, "reasons_zh": x.reasons,
            "reasons_en": "", "prepared_by": prepared_by, "signed_by": x.signed_by,
            "served_on": x.served_on,
            "service_method": x.service_method.value if x.service_method else None,
            "grace_until": x.grace_until, "published_on": x.published_on,
            "term_years": x.term_years, "extension_years": x.extension_years,
            "removed_on": x.removed_on,
            "removal_kind": x.removal_kind.value if x.removal_kind else None,
            "removal_reason": x.removal_reason.value if x.removal_reason else None,
            "created_at": now, "version": 1} for lid, (cid, pid, kind, x) in zip(ids, items, strict=True)]
        with self._s.no_autoflush:
            insert_rows(self._s, ListingRow, rows)
            restrictions = [
                {"listing_id": lid, "order_id": None, "case_id": cid, "respondent": x.respondent,
                 "position": j, "person": r.person, "item": int(r.item), "start": r.start,
                 "until": r.until, "status": r.status.value, "reason": r.reason, "version": 1}
                for lid, (cid, _pid, _kind, x) in zip(ids, items, strict=True)
                for j, r in enumerate(x.restrictions)]
            if restrictions:
                insert_rows(self._s, RestrictionRow, restrictions)
        return ids

    def save(self, listing_id: int, listing: Listing, *, signed_by_user_id: int | None = None,
             removal_event_on: date | None = None) -> ListingRecord:
        """Write the listing's changeable fields and items back (flushed)."""
        row = self._row(listing_id)
        row.status, row.decided_on = listing.status.value, listing.decided_on
        if listing.signed_by is not None and row.signed_by is None:
            row.signed_by, row.signed_at = listing.signed_by, datetime.now(UTC)
            row.signed_by_user_id = signed_by_user_id
        row.served_on = listing.served_on
        row.service_method = listing.service_method.value if listing.service_method else None
        row.grace_until, row.published_on = listing.grace_until, listing.published_on
        row.term_years, row.extension_years = listing.term_years, listing.extension_years
        row.removed_on = listing.removed_on
        row.removal_kind = listing.removal_kind.value if listing.removal_kind else None
        row.removal_reason = listing.removal_reason.value if listing.removal_reason else None
        if removal_event_on is not None:
            row.removal_event_on = removal_event_on
        row.restrictions = apply_restrictions(list(row.restrictions), listing.restrictions,
                                              row.case_id, row.respondent)
        try:
            self._s.flush()
        except StaleDataError:
            raise ConflictError(f"the listing {listing_id} was changed by someone else meanwhile; "
                                "open it again", record=f"listing {listing_id}",
                                entity=("listing", str(listing_id))) from None
        return self.get(listing_id)

    def version(self, listing_id: int) -> int:
        return self._row(listing_id).version

    def set_restriction_status(self, restriction_ids: Sequence[int], status: RestrictionStatus,
                               until: date | None = None) -> list[dict[str, Any]]:
        """Change restriction items by id (any listing or order); returns what they were."""
        out: list[dict[str, Any]] = []
        if not restriction_ids:
            return out
        for r in self._s.scalars(select(RestrictionRow).where(
                RestrictionRow.id.in_(list(restriction_ids))).order_by(RestrictionRow.id)):
            out.append({"id": r.id, "listing_id": r.listing_id, "order_id": r.order_id,
                        "position": r.position, "status": r.status})
            r.status = status.value
            if until is not None:
                r.until = until
        return out
