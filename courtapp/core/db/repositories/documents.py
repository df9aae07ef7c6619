"""The register of issued documents (issue 4 §3-§5): its rows, and the listings and
orders a document is issued from, loaded once for many documents."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select, tuple_
from sqlalchemy.orm import Session, defer, selectinload

from courtapp.core.db.orm import CaseRow, IssuedDocumentRow, ListingRow, RestrictionOrderRow
from courtapp.core.domain.errors import NotFound
from courtapp.core.domain.listing import ListingStatus
from courtapp.core.domain.paging import PAGE_SIZE, Page, page_of

#: The server-side order of each register column (issue 12 §2); the id is added
#: as the unique tie-breaker.  "oldest": issue order (the id alone).
DOCUMENT_SORT: dict[str, tuple[Any, ...]] = {
    "oldest": (),
    "number": (IssuedDocumentRow.number,),
    "kind": (IssuedDocumentRow.kind, IssuedDocumentRow.lang),
    "case_number": (CaseRow.year, CaseRow.court_code, CaseRow.type_code, CaseRow.sequence),
    "respondent": (func.coalesce(IssuedDocumentRow.respondent_name, ""),),
    "issued_on": (IssuedDocumentRow.issued_on,),
    "signer": (IssuedDocumentRow.signer,),
    "superseded": (func.coalesce(IssuedDocumentRow.superseded_by, ""),),
}


def normalize_number(text: str) -> str:
    """A document number as stored (full-width brackets), however it was typed."""
    return text.strip().replace("(", "（").replace(")", "）")


def _filters(case_id: int | None, kind: str | None, current_only: bool,
             issued_from: date | None, issued_to: date | None) -> list[ColumnElement[bool]]:
    """The register's filters, shared by its pages and its count."""
    out: list[ColumnElement[bool]] = []
    if case_id is not None:
        out.append(IssuedDocumentRow.case_id == case_id)
    if kind is not None:
        out.append(IssuedDocumentRow.kind == kind)
    if current_only:
        out.append(IssuedDocumentRow.superseded_by.is_(None))
    if issued_from is not None:
        out.append(IssuedDocumentRow.issued_on >= issued_from)
    if issued_to is not None:
        out.append(IssuedDocumentRow.issued_on <= issued_to)
    return out


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    # ------------------------------------------------------------ the register
    def add(self, row: IssuedDocumentRow) -> IssuedDocumentRow:
        """Store a new entry (flushed: a number taken meanwhile fails here)."""
        self._s.add(row)
        self._s.flush()
        return row

    def flush(self) -> None:
        self._s.flush()

    def by_number(self, number: str) -> IssuedDocumentRow | None:
        return self._s.scalar(select(IssuedDocumentRow).where(
            IssuedDocumentRow.number == normalize_number(number)))

    def get(self, ref: int | str) -> tuple[IssuedDocumentRow, str]:
        """The entry with this id or number, with its case number."""
        q = select(IssuedDocumentRow, CaseRow.case_number).join(
            CaseRow, CaseRow.id == IssuedDocumentRow.case_id)
        q = q.where(IssuedDocumentRow.id == ref) if isinstance(ref, int) \
            else q.where(IssuedDocumentRow.number == normalize_number(ref))
        found = self._s.execute(q).first()
        if found is None:
            raise NotFound(f"issued document {ref}")
        return found[0], found[1]

    def page(self, *, case_id: int | None = None, kind: str | None = None,
             current_only: bool = False, issued_from: date | None = None,
             issued_to: date | None = None, after: object | None = None,
             limit: int = PAGE_SIZE, sort: str = "oldest",
             descending: bool = False) -> Page[tuple[IssuedDocumentRow, str]]:
        """Register entries with their case numbers, without the PDF bytes, ordered
        by ``sort`` (a key of :data:`DOCUMENT_SORT`; the id breaks ties) on the
        server; keyset paging on (the sort values, id): ``after`` is the
        ``next_after`` of the page before."""
        cols = [*DOCUMENT_SORT[sort], IssuedDocumentRow.id]
        q = (select(IssuedDocumentRow, CaseRow.case_number, *cols)
             .join(CaseRow, CaseRow.id == IssuedDocumentRow.case_id)
             .where(*_filters(case_id, kind, current_only, issued_from, issued_to))
             .order_by(*(c.desc() if descending else c.asc() for c in cols)).limit(limit + 1))
        if isinstance(after, int):
            after = (after,)
        if isinstance(after, tuple):
            key = tuple_(*cols)
            q = q.where(key < tuple_(*after) if descending else key > tuple_(*after))
        # Only the register columns: the PDF bytes stay in the database.
        q = q.options(defer(IssuedDocumentRow.pdf))
        fetched = list(self._s.execute(q))
        rows = [(r[0], r[1]) for r in fetched]
        keys = {id(x): tuple(r[2:]) for x, r in zip(rows, fetched, strict=True)}
        return page_of(rows, limit, lambda x: keys[id(x)])

    def count(self, *, case_id: int | None = None, kind: str | None = None,
              current_only: bool = False, issued_from: date | None = None,
              issued_to: date | None = None) -> int:
        """How many entries :meth:`page` lists with these filters, over every page."""
        return int(self._s.scalar(
            select(func.count()).select_from(IssuedDocumentRow)
            .where(*_filters(case_id, kind, current_only, issued_from, issued_to))) or 0)

    def last_sequences(self, case_ids: Iterable[int]) -> dict[int, int]:
        """By case id: the highest document sequence issued (0 for none)."""
        ids = sorted(set(case_ids))
        last = dict.fromkeys(ids, 0)
        for cid, top in self._s.execute(
                select(IssuedDocumentRow.case_id, func.max(IssuedDocumentRow.sequence))
                .where(IssuedDocumentRow.case_id.in_(ids))
                .group_by(IssuedDocumentRow.case_id)):
            last[cid] = int(top or 0)
        return last

    # ------------------------------------------- what documents are issued from
    def some_case_id(self) -> int | None:
        """Any case's id (the lowest), or None in an empty database."""
        return self._s.scalar(select(CaseRow.id).order_by(CaseRow.id).limit(1))

    def case_number(self, case_id: int) -> str | None:
        return self._s.scalar(select(CaseRow.case_number).where(CaseRow.id == case_id))

    def listings_of(self, case_ids: Iterable[int]) -> dict[int, list[ListingRow]]:
        """By case id, newest first, with their restriction items."""
        ids = sorted(set(case_ids))
        out: dict[int, list[ListingRow]] = {i: [] for i in ids}
        for lr in self._s.scalars(select(ListingRow).options(selectinload(ListingRow.restrictions))
                                  .where(ListingRow.case_id.in_(ids))
                                  .order_by(ListingRow.id.desc())):
            out[lr.case_id].append(lr)
        return out

    def orders_of(self, case_ids: Iterable[int]) -> dict[int, list[RestrictionOrderRow]]:
        """By case id, newest first, with their restriction items."""
        ids = sorted(set(case_ids))
        out: dict[int, list[RestrictionOrderRow]] = {i: [] for i in ids}
        for orow in self._s.scalars(select(RestrictionOrderRow)
                                    .options(selectinload(RestrictionOrderRow.restrictions))
                                    .where(RestrictionOrderRow.case_id.in_(ids))
                                    .order_by(RestrictionOrderRow.id.desc())):
            out[orow.case_id].append(orow)
        return out

    def listings_in_grace(self, start: date, end: date) -> list[Any]:
        """(listing id, case id, respondent, case number) of each listing awaiting
        publication whose grace period ends between ``start`` and ``end``."""
        return list(self._s.execute(
            select(ListingRow.id, ListingRow.case_id, ListingRow.respondent, CaseRow.case_number)
            .join(CaseRow, CaseRow.id == ListingRow.case_id)
            .where(ListingRow.status == ListingStatus.AWAITING_PUBLICATION.value,
                   ListingRow.grace_until >= start, ListingRow.grace_until <= end)
            .order_by(ListingRow.grace_until, ListingRow.id)))
