"""Creditors' written applications to list a respondent (2017 Art. 5 para. 2)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from courtapp.core.db.orm import CaseRow, ListingApplicationRow
from courtapp.core.domain.errors import NotFound
from courtapp.core.domain.records import Application


def _app(r: ListingApplicationRow, number: str) -> Application:
    return Application(r.id, r.case_id, number, r.respondent, r.applicant, r.received_on, r.due_on,
                       r.status, r.decided_on, r.decision_reasons, r.listing_id)


class ApplicationRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, application_id: int) -> Application:
        found = self._s.execute(
            select(ListingApplicationRow, CaseRow.case_number)
            .join(CaseRow, CaseRow.id == ListingApplicationRow.case_id)
            .where(ListingApplicationRow.id == application_id)).first()
        if found is None:
            raise NotFound(f"application {application_id}")
        return _app(*found)

    def add(self, *, case_id: int, case_number: str, respondent: int, applicant: int,
            received_on: date, due_on: date, grounds_claimed: str, recorded_by: str) -> Application:
        row = ListingApplicationRow(
            case_id=case_id, respondent=respondent, applicant=applicant, received_on=received_on,
            due_on=due_on, grounds_claimed=grounds_claimed, status="pending",
            recorded_by=recorded_by, created_at=datetime.now(UTC))
        self._s.add(row)
        self._s.flush()
        return _app(row, case_number)

    def decide(self, application_id: int, *, status: str, on: date, by: str, reasons: str,
               listing_id: int | None) -> Application:
        row = self._s.get(ListingApplicationRow, application_id)
        if row is None:
            raise NotFound(f"application {application_id}")
        row.status, row.decided_on, row.decided_by = status, on, by
        row.decision_reasons, row.listing_id = reasons, listing_id
        self._s.flush()
        return self.get(application_id)

    def pending(self) -> list[Application]:
        """Pending applications, soonest due first."""
        return [_app(r, n) for r, n in self._s.execute(
            select(ListingApplicationRow, CaseRow.case_number)
            .join(CaseRow, CaseRow.id == ListingApplicationRow.case_id)
            .where(ListingApplicationRow.status == "pending")
            .order_by(ListingApplicationRow.due_on, ListingApplicationRow.id))]
