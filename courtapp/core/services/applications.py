"""Creditors' written applications to list a respondent (2017 Provisions Art. 5 para. 2).

The court reviews and decides within 15 days of receipt (R-L6), a period
counted under CPL 2023 Art. 85 on the court's calendar (R-D2).  Within six
months after a deletion made at the creditor's own request, a re-listing
application is not supported (Art. 10 para. 4, R-R3): it is refused when
recorded, and a grant is refused when decided.
"""

from __future__ import annotations

from datetime import date, timedelta

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.records import Application
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.workdays import period_end
from courtapp.core.services.removal import relisting_bar_until

#: 2017 Provisions Art. 5 para. 2: decide within 15 days of receiving the application.
DECISION_DAYS = 15
ART_APPLICATION = "2017 Provisions Art. 5 para. 2"


def due_date(received_on: date) -> date:
    """The 15th day after receipt, the day of receipt not counted (CPL 2023 Art. 85),
    before any roll-forward off a holiday (:func:`record_application` applies it
    on the court's calendar)."""
    return received_on + timedelta(days=DECISION_DAYS)


def _relisting_refusal(uow: UnitOfWork, case_id: int, respondent: int, on: date, path: str,
                       e: ErrorCollector) -> None:
    """R-R3: within six months after a deletion at the creditor's request."""
    until = relisting_bar_until(uow, case_id, respondent, on)
    if until is not None:
        e.add(path, "application.relisting_bar",
              f"the respondent's listing was deleted at the creditor's own request; until "
              f"{until.isoformat()} (six months) a creditor's application to list the respondent "
              "again is not supported (2017 Provisions Art. 10 para. 4)",
              f"该被执行人的失信信息系依申请执行人申请删除，{until.isoformat()}前（删除后六个月内）"
              "申请执行人申请将其重新纳入失信被执行人名单的，不予支持（第十条第四款）")


def record_application(uow: UnitOfWork, actor: Actor, case_id: int, *, respondent: int,
                       applicant: int, received_on: date, grounds_claimed: str) -> Application:
    """Record a creditor's written application on the day it was received."""
    require(actor, Permission.LISTING_PREPARE)
    with uow:
        case = uow.cases.get(case_id).case
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
            _relisting_refusal(uow, case_id, respondent, received_on, "received_on", e)
        e.raise_if_any()
        cal = uow.calendar.load(range(received_on.year, received_on.year + 2))
        due = period_end(cal, received_on, DECISION_DAYS)
        app = uow.applications.add(
            case_id=case_id, case_number=case.case_number, respondent=respondent,
            applicant=applicant, received_on=received_on, due_on=due.due,
            grounds_claimed=grounds_claimed.strip(), recorded_by=actor.username)
        uow.audit.add(actor, "listing_application.record", "listing_application", app.id,
                      after={"received_on": received_on.isoformat(),
                             "due_on": app.due_on.isoformat()}, legal_ground=ART_APPLICATION)
        uow.commit()
        return app


def decide_application(uow: UnitOfWork, actor: Actor, application_id: int, *, granted: bool,
                       on: date, reasons: str, listing_id: int | None = None) -> Application:
    """Grant (naming the prepared listing) or reject, with reasons."""
    require(actor, Permission.LISTING_PREPARE)
    with uow:
        app = uow.applications.get(application_id)
        e = ErrorCollector()
        if app.status != "pending":
            e.add("status", "application.decided", "this application is already decided", "该申请已处理")
        if not reasons.strip():
            e.add("reasons", "required", "this field is required", "此项为必填项")
        if granted and listing_id is None:
            e.add("listing_id", "application.listing_required",
                  "a granted application names the listing decision prepared on it",
                  "准许申请的，应关联据此作出的纳入决定")
        if on < app.received_on:
            e.add("decided_on", "application.before_receipt",
                  "a decision cannot precede the application", "处理日期不得早于收到申请日期")
        if granted:
            _relisting_refusal(uow, app.case_id, app.respondent, app.received_on, "granted", e)
        e.raise_if_any()
        status = "granted" if granted else "rejected"
        out = uow.applications.decide(application_id, status=status, on=on, by=actor.username,
                                      reasons=reasons.strip(), listing_id=listing_id)
        uow.audit.add(actor, "listing_application.decide", "listing_application", app.id,
                      after={"status": status, "on": on.isoformat(), "late": on > app.due_on},
                      legal_ground=ART_APPLICATION, reason=reasons)
        uow.commit()
        return out


def pending_applications(uow: UnitOfWork, actor: Actor) -> list[Application]:
    """Pending applications, soonest due first (overdue ones first of all)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.applications.pending()


__all__ = ["Application", "decide_application", "due_date", "pending_applications",
           "record_application"]
