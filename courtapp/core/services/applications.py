"""Creditors' written applications to list a respondent (2017 Provisions Art. 5 para. 2).

The court reviews and decides within 15 days of receipt (R-L6), a period
counted under CPL 2023 Art. 85 on the court's calendar (R-D2).  Within six
months after a deletion made at the creditor's own request, a re-listing
application is not supported (Art. 10 para. 4, R-R3): it is refused when
recorded, and a grant is refused when decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from courtapp.core.db.orm import CaseRow, ListingApplicationRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector, NotFound
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.workdays import period_end
from courtapp.core.services import audit

#: 2017 Provisions Art. 5 para. 2: decide within 15 days of receiving the application.
DECISION_DAYS = 15
ART_APPLICATION = "2017 Provisions Art. 5 para. 2"


@dataclass(frozen=True)
class Application:
    id: int
    case_id: int
    case_number: str
    respondent: int
    applicant: int
    received_on: date
    due_on: date
    status: str
    decided_on: date | None
    decision_reasons: str
    listing_id: int | None

    def overdue(self, today: date) -> bool:
        return self.status == "pending" and today > self.due_on


def due_date(received_on: date) -> date:
    """The 15th day after receipt, the day of receipt not counted (CPL 2023 Art. 85),
    before any roll-forward off a holiday (:func:`record_application` applies it
    on the court's calendar)."""
    return received_on + timedelta(days=DECISION_DAYS)


def _relisting_refusal(s: Session, case_id: int, respondent: int, on: date, path: str,
                       e: ErrorCollector) -> None:
    """R-R3: within six months after a deletion at the creditor's request."""
    from courtapp.core.services.removal import relisting_bar_until

    until = relisting_bar_until(s, case_id, respondent, on)
    if until is not None:
        e.add(path, "application.relisting_bar",
              f"the respondent's listing was deleted at the creditor's own request; until "
              f"{until.isoformat()} (six months) a creditor's application to list the respondent "
              "again is not supported (2017 Provisions Art. 10 para. 4)",
              f"该被执行人的失信信息系依申请执行人申请删除，{until.isoformat()}前（删除后六个月内）"
              "申请执行人申请将其重新纳入失信被执行人名单的，不予支持（第十条第四款）")


def _app(r: ListingApplicationRow, number: str) -> Application:
    return Application(r.id, r.case_id, number, r.respondent, r.applicant, r.received_on, r.due_on,
                       r.status, r.decided_on, r.decision_reasons, r.listing_id)


def record_application(uow: UnitOfWork, actor: Actor, case_id: int, *, respondent: int,
                       applicant: int, received_on: date, grounds_claimed: str) -> Application:
    """Record a creditor's written application on the day it was received."""
    require(actor, Permission.LISTING_PREPARE)
    from courtapp.core.services.listing import _load_case

    with uow:
        _, case = _load_case(uow.session, case_id)
        e = ErrorCollector()
        if not 0 <= respondent < len(case.respondents):
            e.add("respondent", "respondent.index", "the respondent index is out of range",
                  "被执行人序号超出范围")
        if not 0 <= applicant < len(case.applicants):
            e.add("applicant", "applicant.index", "the applicant index is out of range",
                  "申请执行人序号超出范围")
        if not grounds_claimed.strip():
            e.add("grounds_claimed", "required", "this field is required", "此项为必填项")
        if 0 <= respondent < len(case.respondents):
            _relisting_refusal(uow.session, case_id, respondent, received_on, "received_on", e)
        e.raise_if_any()
        from courtapp.core.services.calendar import load_in, years_around

        due = period_end(load_in(uow.session, years_around(received_on)), received_on, DECISION_DAYS)
        row = ListingApplicationRow(
            case_id=case_id, respondent=respondent, applicant=applicant, received_on=received_on,
            due_on=due.due, grounds_claimed=grounds_claimed.strip(),
            status="pending", recorded_by=actor.username, created_at=datetime.now(UTC))
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, actor, "listing_application.record", "listing_application", row.id,
                     after={"received_on": received_on.isoformat(),
                            "due_on": row.due_on.isoformat()}, legal_ground=ART_APPLICATION)
        out = _app(row, case.case_number)
        uow.commit()
        return out


def decide_application(uow: UnitOfWork, actor: Actor, application_id: int, *, granted: bool,
                       on: date, reasons: str, listing_id: int | None = None) -> Application:
    """Grant (naming the prepared listing) or reject, with reasons."""
    require(actor, Permission.LISTING_PREPARE)
    with uow:
        row = uow.session.get(ListingApplicationRow, application_id)
        if row is None:
            raise NotFound(f"application {application_id}")
        e = ErrorCollector()
        if row.status != "pending":
            e.add("status", "application.decided", "this application is already decided", "该申请已处理")
        if not reasons.strip():
            e.add("reasons", "required", "this field is required", "此项为必填项")
        if granted and listing_id is None:
            e.add("listing_id", "application.listing_required",
                  "a granted application names the listing decision prepared on it",
                  "准许申请的，应关联据此作出的纳入决定")
        if on < row.received_on:
            e.add("decided_on", "application.before_receipt",
                  "a decision cannot precede the application", "处理日期不得早于收到申请日期")
        if granted:
            _relisting_refusal(uow.session, row.case_id, row.respondent, row.received_on, "granted", e)
        e.raise_if_any()
        row.status = "granted" if granted else "rejected"
        row.decided_on, row.decided_by = on, actor.username
        row.decision_reasons, row.listing_id = reasons.strip(), listing_id
        audit.record(uow, actor, "listing_application.decide", "listing_application", row.id,
                     after={"status": row.status, "on": on.isoformat(),
                            "late": on > row.due_on}, legal_ground=ART_APPLICATION,
                     reason=reasons)
        number = uow.session.scalar(select(CaseRow.case_number).where(CaseRow.id == row.case_id)) or ""
        out = _app(row, number)
        uow.commit()
        return out


def pending_applications(uow: UnitOfWork, actor: Actor) -> list[Application]:
    """Pending applications, soonest due first (overdue ones first of all)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        rows = uow.session.execute(
            select(ListingApplicationRow, CaseRow.case_number)
            .join(CaseRow, CaseRow.id == ListingApplicationRow.case_id)
            .where(ListingApplicationRow.status == "pending")
            .order_by(ListingApplicationRow.due_on, ListingApplicationRow.id))
        return [_app(r, n) for r, n in rows]
