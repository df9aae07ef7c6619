"""The propagation ledger (R-L9): one item per change and recipient, open until
the recipient's acknowledgement is recorded."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, select, tuple_
from sqlalchemy.orm import Session

from courtapp.core.db.orm import CaseRow, DispatchRow
from courtapp.core.domain.canonical import canonical_json
from courtapp.core.domain.errors import NotFound
from courtapp.core.domain.paging import PAGE_SIZE, Page, page_of
from courtapp.core.domain.publication import Recipient
from courtapp.core.domain.records import DispatchRecord

OPEN, ACKNOWLEDGED = "open", "acknowledged"

#: The server-side order of each ledger column (issue 12 §2); the id is added as
#: the unique tie-breaker.  "oldest": creation order (the id alone).  The due
#: date is counted in working days from the court calendar, not stored: it is
#: not among them.
DISPATCH_SORT: dict[str, tuple[Any, ...]] = {
    "oldest": (),
    "recipient": (DispatchRow.recipient_name,),
    "event": (DispatchRow.event,),
    "case_number": (CaseRow.year, CaseRow.court_code, CaseRow.type_code, CaseRow.sequence),
    "created_on": (DispatchRow.created_on,),
}


def _payload(text: str) -> dict[str, Any]:
    try:
        d = json.loads(text or "{}")
    except ValueError:
        return {}
    return d if isinstance(d, dict) else {}


def _record(r: DispatchRow, case_number: str) -> DispatchRecord:
    return DispatchRecord(
        id=r.id, case_id=r.case_id, case_number=case_number, listing_id=r.listing_id,
        order_id=r.order_id, petition_id=r.petition_id, event=r.event, recipient=r.recipient,
        recipient_name=r.recipient_name, article=r.article, payload=_payload(r.payload),
        created_on=r.created_on, status=r.status, acknowledged_on=r.acknowledged_on,
        acknowledged_by=r.acknowledged_by)


def _query(*conditions: ColumnElement[bool]) -> Select[DispatchRow, str]:
    return (select(DispatchRow, CaseRow.case_number).join(CaseRow, CaseRow.id == DispatchRow.case_id)
            .where(*conditions))


class DispatchRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, *, case_id: int, event: str, recipients: Sequence[Recipient],
            payload: Mapping[str, Any], on: date, listing_id: int | None = None,
            order_id: int | None = None, petition_id: int | None = None) -> list[int]:
        """One open item per recipient; returns their ids (flushed)."""
        text = canonical_json(dict(payload)) or ""
        rows = [DispatchRow(case_id=case_id, listing_id=listing_id, order_id=order_id,
                            petition_id=petition_id, event=event, recipient=r.code,
                            recipient_name=r.name_zh, article=r.article, payload=text,
                            created_on=on, status=OPEN)
                for r in recipients]
        self._s.add_all(rows)
        self._s.flush()
        return [r.id for r in rows]

    def many(self, item_ids: Sequence[int]) -> list[DispatchRecord]:
        """The items with these ids, in id order (NotFound names a missing one)."""
        if not item_ids:
            return []
        found = [_record(r, n) for r, n in self._s.execute(
            _query(DispatchRow.id.in_(list(item_ids))).order_by(DispatchRow.id))]
        missing = sorted(set(item_ids) - {i.id for i in found})
        if missing:
            raise NotFound(f"dispatch item {missing[0]}")
        return found

    def get(self, item_id: int) -> DispatchRecord:
        return self.many([item_id])[0]

    def acknowledge(self, item_id: int, *, on: date, by: str) -> DispatchRecord:
        row = self._s.get(DispatchRow, item_id)
        if row is None:
            raise NotFound(f"dispatch item {item_id}")
        row.status, row.acknowledged_on, row.acknowledged_by = ACKNOWLEDGED, on, by
        self._s.flush()
        return self.get(item_id)

    def page(self, *, open_only: bool = False, case_id: int | None = None,
             event: str | None = None, listing_id: int | None = None,
             petition_id: int | None = None, after: object | None = None,
             limit: int = PAGE_SIZE, sort: str = "oldest",
             descending: bool = False) -> Page[DispatchRecord]:
        """Items, oldest first or by ``sort`` (a key of :data:`DISPATCH_SORT`; the
        id breaks ties) on the server; keyset on (the sort values, id): ``after``
        is the ``next_after`` of the page before (an id for the default order)."""
        conds: list[ColumnElement[bool]] = []
        if open_only:
            conds.append(DispatchRow.status == OPEN)
        if case_id is not None:
            conds.append(DispatchRow.case_id == case_id)
        if event is not None:
            conds.append(DispatchRow.event == event)
        if listing_id is not None:
            conds.append(DispatchRow.listing_id == listing_id)
        if petition_id is not None:
            conds.append(DispatchRow.petition_id == petition_id)
        cols = [*DISPATCH_SORT[sort], DispatchRow.id]
        if isinstance(after, int):
            after = (after,)
        if isinstance(after, tuple):
            key = tuple_(*cols)
            conds.append(key < tuple_(*after) if descending else key > tuple_(*after))
        q = (_query(*conds).add_columns(*cols)
             .order_by(*(c.desc() if descending else c.asc() for c in cols)).limit(limit + 1))
        fetched = list(self._s.execute(q))
        rows = [_record(r[0], r[1]) for r in fetched]
        keys = {id(x): tuple(r[2:]) for x, r in zip(rows, fetched, strict=True)}
        return page_of(rows, limit, lambda x: keys[id(x)])

    def live_changes(self, events: Sequence[str], today: date) -> list[DispatchRecord]:
        """Every item of ``events`` made by ``today`` in the cases that still have an open
        one (the ledger of settled cases is never reread), oldest first."""
        cases = select(DispatchRow.case_id).where(
            DispatchRow.status == OPEN, DispatchRow.event.in_(list(events)),
            DispatchRow.created_on <= today).distinct()
        return [_record(r, n) for r, n in self._s.execute(
            _query(DispatchRow.event.in_(list(events)), DispatchRow.created_on <= today,
                   DispatchRow.case_id.in_(cases)).order_by(DispatchRow.id))]
