"""What the counter's services share: their results, the court's counter
settings as values, and the petition as the screens see it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from courtapp.core import settings
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector, ValidationError
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.petition import KINDS, REMOVAL_KINDS, PetitionKind, PetitionStatus, Sla
from courtapp.core.domain.petition_view import (
    Petition,
    calendar_years,
    deletion_event_on,
    petition_view,
)
from courtapp.core.domain.records import PetitionRecord
from courtapp.core.domain.workdays import YearCalendar
from courtapp.core.services.removal import para1_applies_to_fixed_term

if TYPE_CHECKING:
    from courtapp.core.services.documents import IssuedDocument

#: The keys of the counter's settings (the typed schema is :mod:`courtapp.core.settings`).
SETTING_SLA = "petition.sla.{kind}"
SETTING_TRAVEL_MAX_DAYS = settings.TRAVEL_MAX_DAYS.key
SETTING_HIGHER_COURT = settings.HIGHER_COURT.key
SETTING_LIFTING_DAYS = settings.LIFTING_WORKING_DAYS.key


@dataclass(frozen=True)
class EvidenceFile:
    """A file handed in at the counter (name and bytes)."""

    name: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Filed:
    """A petition just filed, with its receipt (or why the receipt could not be issued)."""

    petition: Petition
    receipt: IssuedDocument | None = None
    pdf: bytes | None = field(default=None, repr=False)
    receipt_error: str | None = None


@dataclass(frozen=True)
class Decided:
    """A decided petition, its document (or why it could not be issued) and, for
    R-C6, the restriction order prepared for the new officer."""

    petition: Petition
    document: IssuedDocument | None = None
    pdf: bytes | None = field(default=None, repr=False)
    #: Why the document was not issued: the error as raised (English), and the
    #: code stored on the petition (:attr:`Petition.document_problem`).
    document_error: str | None = None
    new_order_id: int | None = None

    @property
    def document_problem(self) -> Message | None:
        return self.petition.document_problem if self.document_error else None


def refuse(path: str, rule: str, en: str, zh: str) -> ValidationError:
    e = ErrorCollector()
    e.add(path, rule, en, zh)
    return ValidationError(e.errors)


def error_text(ex: BaseException) -> str:
    """An error as one English text (for a result the caller shows at once)."""
    if isinstance(ex, ValidationError):
        return ex.summary("en")
    return str(ex) or type(ex).__name__


def document_problem(ex: BaseException) -> Message:
    """Why a document could not be issued, as a code to store (never a sentence):
    the rule it broke (``document_rule.<rule>``) and the field."""
    if isinstance(ex, ValidationError) and ex.errors:
        first = ex.errors[0]
        return Message("counter.document_not_issued",
                       {"reason": f"document_rule.{first.rule}", "field": first.path})
    return Message("counter.document_not_issued",
                   {"reason": "document_rule.error", "field": type(ex).__name__})


# ---------------------------------------------------------------- settings
def sla_for(uow: UnitOfWork, kind: PetitionKind) -> Sla:
    """The period to decide ``kind`` (a court setting unless the law fixes it)."""
    if KINDS[kind].statutory_sla:
        return KINDS[kind].sla
    return settings.value(uow.settings, settings.sla(kind))


def travel_max(uow: UnitOfWork) -> int:
    return settings.value(uow.settings, settings.TRAVEL_MAX_DAYS)


def lifting_days(uow: UnitOfWork) -> int:
    return settings.value(uow.settings, settings.LIFTING_WORKING_DAYS)


def higher_court(uow: UnitOfWork) -> str:
    return settings.value(uow.settings, settings.HIGHER_COURT)


# ----------------------------------------------------------------- reading
def calendar_for(uow: UnitOfWork, recs: Sequence[PetitionRecord],
                 more: Iterable[date | None] = ()) -> YearCalendar:
    years = calendar_years(recs, more)
    return uow.calendar.load(years if years is not None else range(0))


def deletion_event(uow: UnitOfWork, rec: PetitionRecord, case: EnforcementCase) -> date | None:
    """R-R7: the day a removal petition's ground is on record, as the case stands now."""
    if rec.kind not in REMOVAL_KINDS or rec.listing_id is None:
        return None
    listing = uow.listings.get(rec.listing_id).listing
    if rec.kind is not PetitionKind.REMOVAL_TERM_EXPIRED and listing.term_years is not None \
            and not para1_applies_to_fixed_term(uow):
        return None  # Art. 10 para. 2: no para. 1 deadline for a fixed term (early deletion)
    return deletion_event_on(rec.kind, rec.received_on, rec.details, case, listing.term_end())


def views(uow: UnitOfWork, recs: Sequence[PetitionRecord]) -> list[Petition]:
    """Within the caller's open unit of work: the petitions with their deadlines."""
    if not recs:
        return []
    cases = uow.cases.many({r.case_id for r in recs})
    events = {r.id: deletion_event(uow, r, cases[r.case_id].case) for r in recs
              if r.status is PetitionStatus.PENDING}
    cal = calendar_for(uow, recs, events.values())
    days = lifting_days(uow)
    return [petition_view(r, cases[r.case_id].case.case_number,
                          cases[r.case_id].case.respondents[r.respondent].name, cal, days,
                          events.get(r.id))
            for r in recs]


def view(uow: UnitOfWork, rec: PetitionRecord) -> Petition:
    return views(uow, [rec])[0]


__all__ = ["Decided", "EvidenceFile", "Filed", "SETTING_HIGHER_COURT", "SETTING_LIFTING_DAYS",
           "SETTING_SLA", "SETTING_TRAVEL_MAX_DAYS", "calendar_for", "deletion_event", "document_problem",
           "error_text", "higher_court", "lifting_days", "refuse", "sla_for", "travel_max", "view",
           "views"]
