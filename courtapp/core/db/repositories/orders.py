"""Standalone consumption restriction orders (2015 Provisions Arts. 1, 2, 4, 5)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from courtapp.core.db.orm import CaseRow, ListingRow, RestrictionOrderRow, RestrictionRow
from courtapp.core.db.repositories.listings import (
    apply_restrictions,
    restriction_of,
    restriction_rows,
)
from courtapp.core.domain.errors import ConflictError, NotFound
from courtapp.core.domain.listing import ListingStatus, RestrictionStatus
from courtapp.core.domain.records import OrderRecord
from courtapp.core.domain.restriction_order import Factor, Initiation, OrderStatus, RestrictionOrder


def _to_order(r: RestrictionOrderRow) -> RestrictionOrder:
    return RestrictionOrder(
        respondent=r.respondent, initiation=Initiation(r.initiation),
        factors=[Factor(f) for f in r.factors.split(",") if f], reasons=r.reasons,
        decided_on=r.decided_on, restrictions=[restriction_of(x) for x in r.restrictions],
        application_received_on=r.application_received_on, signed_by=r.signed_by,
        served_on=r.served_on, status=OrderStatus(r.status))


class OrderRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def _records(self, *conditions: ColumnElement[bool], newest_first: bool = False
                 ) -> list[OrderRecord]:
        order = RestrictionOrderRow.id.desc() if newest_first else RestrictionOrderRow.id
        q = (select(RestrictionOrderRow, CaseRow.case_number)
             .join(CaseRow, CaseRow.id == RestrictionOrderRow.case_id)
             .options(selectinload(RestrictionOrderRow.restrictions))
             .where(*conditions).order_by(order))
        return [OrderRecord(r.id, r.case_id, n, r.version, _to_order(r), r.prepared_by,
                            tuple(x.id for x in r.restrictions))
                for r, n in self._s.execute(q)]

    def get(self, order_id: int) -> OrderRecord:
        found = self._records(RestrictionOrderRow.id == order_id)
        if not found:
            raise NotFound(f"restriction order {order_id}")
        return found[0]

    def for_case(self, case_id: int, *, respondent: int | None = None,
                 newest_first: bool = False) -> list[OrderRecord]:
        conds = [RestrictionOrderRow.case_id == case_id]
        if respondent is not None:
            conds.append(RestrictionOrderRow.respondent == respondent)
        return self._records(*conds, newest_first=newest_first)

    def for_cases(self, case_ids: Sequence[int]) -> list[OrderRecord]:
        return self._records(RestrictionOrderRow.case_id.in_(list(case_ids)), newest_first=True) \
            if case_ids else []

    def signed(self, case_id: int, respondent: int) -> list[OrderRecord]:
        """The respondent's signed orders, newest first."""
        return self._records(RestrictionOrderRow.case_id == case_id,
                             RestrictionOrderRow.respondent == respondent,
                             RestrictionOrderRow.status == OrderStatus.SIGNED.value,
                             newest_first=True)

    def drafts(self) -> list[OrderRecord]:
        return self._records(RestrictionOrderRow.status == OrderStatus.DRAFT.value)

    def signed_not_served(self) -> list[OrderRecord]:
        return self._records(RestrictionOrderRow.status == OrderStatus.SIGNED.value,
                             RestrictionOrderRow.served_on.is_(None))

    def add(self, case_id: int, order: RestrictionOrder, *, prepared_by: str) -> OrderRecord:
        row = RestrictionOrderRow(
            case_id=case_id, respondent=order.respondent, initiation=order.initiation.value,
            application_received_on=order.application_received_on,
            factors=",".join(f.value for f in order.factors), reasons=order.reasons,
            decided_on=order.decided_on, status=order.status.value, prepared_by=prepared_by,
            created_at=datetime.now(UTC))
        row.restrictions = restriction_rows(order.restrictions, case_id, order.respondent)
        self._s.add(row)
        self._s.flush()
        return self.get(row.id)

    def save(self, order_id: int, order: RestrictionOrder, *,
             signed_by_user_id: int | None = None) -> OrderRecord:
        row = self._s.scalar(select(RestrictionOrderRow)
                             .options(selectinload(RestrictionOrderRow.restrictions))
                             .where(RestrictionOrderRow.id == order_id))
        if row is None:
            raise NotFound(f"restriction order {order_id}")
        row.decided_on, row.status, row.served_on = order.decided_on, order.status.value, order.served_on
        if order.signed_by is not None and row.signed_by is None:
            row.signed_by, row.signed_at = order.signed_by, datetime.now(UTC)
            row.signed_by_user_id = signed_by_user_id
        row.restrictions = apply_restrictions(list(row.restrictions), order.restrictions,
                                              row.case_id, row.respondent)
        try:
            self._s.flush()
        except StaleDataError:
            raise ConflictError(f"the order {order_id} was changed by someone else meanwhile; "
                                "open it again", record=f"order {order_id}",
                                entity=("restriction_order", str(order_id))) from None
        return self.get(order_id)

    def restricted_on(self, case_id: int, respondent: int, on: date) -> bool:
        """Whether a signed listing's or order's item bound the respondent on ``on``."""
        rows = self._s.scalars(select(RestrictionRow).where(
            RestrictionRow.case_id == case_id, RestrictionRow.respondent == respondent,
            RestrictionRow.start <= on))
        for r in rows:
            if r.until is not None and r.until < on:
                continue
            if r.status == RestrictionStatus.LIFTED.value and r.until is None:
                continue
            if r.listing_id is not None:
                lr = self._s.get(ListingRow, r.listing_id)
                signed = lr is not None and lr.status != ListingStatus.DRAFT.value
            else:
                orow = self._s.get(RestrictionOrderRow, r.order_id)
                signed = orow is not None and orow.status != OrderStatus.DRAFT.value
            if signed:
                return True
        return False
