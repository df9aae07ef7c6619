"""A petition as the counter, the judge's queue and the Today screen see it:
the stored record with its deadlines worked out on the court's calendar.

- The decision is due ``sla`` after receipt: working days (R-D1) or a
  calendar-day period under CPL 2023 Art. 85 (R-D2); provisional when a year it
  touches has no calendar data.
- R-R7: a removal's 3 working days (2017 Art. 10) count from the day the court
  has its ground on record — the petition with its proof received, or full
  performance (or the searches) recorded — and the decision is due within
  them; a grant after them is a late deletion.  A correction is carried out
  within 3 working days of its grant (Art. 12); a lifting within the court's
  ``dispatch.lifting_working_days``.
- A correction rejection may be taken to the next-higher court within 10 days
  of service, which decides within 15 (2017 Art. 12, R-R5).

Pure: the service hands in the record, the calendar and the setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.petition import (
    KINDS,
    MIN_SEARCHES,
    RECONSIDERATION_DAYS,
    RECONSIDERATION_DECISION_DAYS,
    REMOVAL_KINDS,
    KindInfo,
    PetitionDetails,
    PetitionerRole,
    PetitionKind,
    PetitionStatus,
    Sla,
    SlaUnit,
    check_searches,
)
from courtapp.core.domain.records import Evidence, PetitionRecord
from courtapp.core.domain.removal import REMOVAL_WORKING_DAYS
from courtapp.core.domain.workdays import Deadline, YearCalendar, add_working_days, period_end


def decision_due(cal: YearCalendar, received_on: date, sla: Sla) -> Deadline:
    """The last day to decide: ``sla`` working days after receipt (R-D1), or a
    calendar-day period under CPL 2023 Art. 85 (R-D2)."""
    if sla.unit is SlaUnit.WORKING:
        return add_working_days(cal, received_on, sla.days)
    return period_end(cal, received_on, sla.days)


def performed_on(case: EnforcementCase) -> date | None:
    """The day the case records full performance (the payment or act that completed it)."""
    for day in sorted({p.on for p in case.payments}):
        if case.fully_performed(day):
            return day
    return None


def deletion_event_on(kind: PetitionKind, received_on: date, details: PetitionDetails,
                      case: EnforcementCase, term_end: date | None) -> date | None:
    """R-R7: the day the court has a removal petition's ground on record, from which
    the 3 working days for deletion run; None while the ground is not on record.

    - full performance (Art. 10 para. 1 item 1): the petition's receipt, or the day
      the case records the performance that completed it if that is later (the case
      keeps the day a payment was made, not the day the court learned of it: a
      performance paid earlier and brought with the petition counts from the petition);
    - a settlement performed, the creditor's written request (items 2, 3): the
      petition with its proof;
    - no property (item 4): the petition, or the second empty search after the
      termination if that is later;
    - a fixed term (Art. 10 para. 2): the term's end.
    """
    if kind not in REMOVAL_KINDS:
        return None
    if kind is PetitionKind.REMOVAL_TERM_EXPIRED:
        return term_end
    if kind is PetitionKind.REMOVAL_PERFORMED:
        done = performed_on(case)
        return None if done is None else max(received_on, done)
    if kind is PetitionKind.REMOVAL_NO_PROPERTY:
        if check_searches(details) or details.terminated_on is None:
            return None
        after = sorted(s.on for s in details.searches if s.on >= details.terminated_on)
        return max(received_on, after[MIN_SEARCHES - 1])
    return received_on


def effect_due(cal: YearCalendar, kind: PetitionKind, status: PetitionStatus,
               decided_on: date | None, lifting_days: int,
               deletion_event: date | None = None) -> Deadline | None:
    """When a granted petition's effect is due (None: nothing to carry out later):
    a removal 3 working days from its ground on record (R-R7)."""
    if status is not PetitionStatus.GRANTED or decided_on is None:
        return None
    if kind in REMOVAL_KINDS:
        return add_working_days(cal, deletion_event or decided_on, REMOVAL_WORKING_DAYS)
    if kind is PetitionKind.CORRECTION:
        return add_working_days(cal, decided_on, REMOVAL_WORKING_DAYS)
    if kind in (PetitionKind.LIFTING, PetitionKind.OFFICER_RELEASE):
        return add_working_days(cal, decided_on, lifting_days)
    return None


def record_dates(rec: PetitionRecord) -> list[date]:
    """The days a petition's deadlines count from."""
    return [d for d in (rec.received_on, rec.decided_on, rec.decision_served_on,
                        rec.reconsideration_filed_on, rec.deletion_event_on) if d]


def calendar_years(recs: Iterable[PetitionRecord], more: Iterable[date | None] = ()) -> range | None:
    """The calendar years the deadlines of ``recs`` (and of the days ``more``) may
    touch (None: no day at all)."""
    days = [d for r in recs for d in record_dates(r)] + [d for d in more if d is not None]
    if not days:
        return None
    return range(min(days).year, max(days).year + 2)


@dataclass(frozen=True)
class Petition:
    """A petition as the counter, the judge's queue and the Today screen see it."""

    id: int
    number: str
    case_id: int
    case_number: str
    kind: PetitionKind
    status: PetitionStatus
    respondent: int
    respondent_name: str
    petitioner_role: PetitionerRole
    petitioner_index: int
    officer: int | None
    petitioner_name: str
    petitioner_identifier: str
    listing_id: int | None
    order_id: int | None
    received_on: date
    sla: Sla
    #: The last day to decide, on the working-day calendar; provisional when a
    #: year it touches has no calendar data (``missing_years``).
    due: date
    due_provisional: bool
    missing_years: tuple[int, ...]
    details: PetitionDetails
    evidence: tuple[Evidence, ...]
    filed_by: str
    receipt_number: str | None
    decided_on: date | None
    decided_by: str | None
    decision_reasons: str
    decision: Mapping[str, Any]
    document_number: str | None
    #: Why the decision document could not be issued: a message code with its
    #: parameters (:attr:`document_error` is its English text, for the log).
    document_problem: Message | None
    #: A granted removal or correction: due within 3 working days of the decision.
    effect_due: date | None
    effect_due_provisional: bool
    decision_served_on: date | None
    #: Correction rejection: the last day to apply for reconsideration (10 days
    #: from service) and, once filed, the higher court's 15 days.
    reconsideration_until: date | None
    reconsideration_filed_on: date | None
    reconsideration_due: date | None
    reconsideration_outcome: str | None
    permission_ended_on: date | None
    version: int = 1
    statement: str = ""
    #: R-R7, a removal: the day its ground was on the court's record, the last day
    #: to delete (3 working days from it) and, once granted, whether it was late.
    deletion_event_on: date | None = None
    deletion_due: date | None = None
    deletion_due_provisional: bool = False
    deletion_late: bool = False

    @property
    def info(self) -> KindInfo:
        return KINDS[self.kind]

    @property
    def document_error(self) -> str | None:
        """The document problem in English (None: none)."""
        return self.document_problem.text("en") if self.document_problem is not None else None

    @property
    def queue_key(self) -> date:
        """The queue's order: a removal by its deletion deadline (R-R7), else the due day."""
        return self.deletion_due or self.due

    def overdue(self, today: date) -> bool:
        return self.status is PetitionStatus.PENDING and today > self.due

    def days_overdue(self, today: date) -> int:
        return max(0, (today - self.due).days) if self.status is PetitionStatus.PENDING else 0


@dataclass(frozen=True)
class QueueItem:
    """One line of the judge's queue: pending, soonest due first."""

    petition: Petition
    overdue: bool
    days_overdue: int


def petition_view(rec: PetitionRecord, case_number: str, respondent_name: str,
                  cal: YearCalendar, lifting_days: int,
                  deletion_event: date | None = None) -> Petition:
    """The petition with its deadlines on ``cal``; ``deletion_event``: a pending
    removal's ground on record (:func:`deletion_event_on`; a decided one keeps its own)."""
    event = rec.deletion_event_on if rec.status is not PetitionStatus.PENDING else deletion_event
    deletion = add_working_days(cal, event, REMOVAL_WORKING_DAYS) if event is not None else None
    due = decision_due(cal, rec.received_on, rec.sla)
    if deletion is not None and deletion.due < due.due:  # the decision fits inside (R-R7)
        due = deletion if deletion.due >= rec.received_on else \
            Deadline(rec.received_on, deletion.provisional, deletion.missing_years)
    effect = effect_due(cal, rec.kind, rec.status, rec.decided_on, lifting_days, event)
    recon_until = period_end(cal, rec.decision_served_on, RECONSIDERATION_DAYS).due \
        if rec.decision_served_on is not None else None
    recon_due = period_end(cal, rec.reconsideration_filed_on, RECONSIDERATION_DECISION_DAYS).due \
        if rec.reconsideration_filed_on is not None else None
    return Petition(
        id=rec.id, number=rec.number, case_id=rec.case_id, case_number=case_number,
        kind=rec.kind, status=rec.status, respondent=rec.respondent,
        respondent_name=respondent_name, petitioner_role=rec.petitioner_role,
        petitioner_index=rec.petitioner_index, officer=rec.officer,
        petitioner_name=rec.petitioner_name, petitioner_identifier=rec.petitioner_identifier,
        listing_id=rec.listing_id, order_id=rec.order_id, received_on=rec.received_on,
        sla=rec.sla, due=due.due, due_provisional=due.provisional, missing_years=due.missing_years,
        details=rec.details, evidence=rec.evidence, filed_by=rec.filed_by,
        receipt_number=rec.receipt_number, decided_on=rec.decided_on, decided_by=rec.decided_by,
        decision_reasons=rec.decision_reasons, decision=rec.decision,
        document_number=rec.document_number, document_problem=rec.document_error,
        effect_due=effect.due if effect else None,
        effect_due_provisional=effect.provisional if effect else False,
        decision_served_on=rec.decision_served_on, reconsideration_until=recon_until,
        reconsideration_filed_on=rec.reconsideration_filed_on, reconsideration_due=recon_due,
        reconsideration_outcome=rec.reconsideration_outcome,
        permission_ended_on=rec.permission_ended_on, version=rec.version,
        statement=rec.statement, deletion_event_on=event,
        deletion_due=deletion.due if deletion else None,
        deletion_due_provisional=deletion.provisional if deletion else False,
        deletion_late=rec.deletion_late)


def queue_order(petitions: Iterable[Petition], today: date) -> list[QueueItem]:
    """Pending petitions, soonest due first — a removal by its deletion deadline
    (R-R7) — overdue ones marked."""
    pending = sorted((p for p in petitions if p.status is PetitionStatus.PENDING),
                     key=lambda p: (p.queue_key, p.due, p.received_on, p.id))
    return [QueueItem(p, p.overdue(today), p.days_overdue(today)) for p in pending]


__all__ = ["Petition", "QueueItem", "calendar_years", "decision_due", "deletion_event_on",
           "effect_due", "performed_on", "petition_view", "queue_order", "record_dates"]
