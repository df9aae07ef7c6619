"""Stored things as the services see them: a database id, a version for
optimistic locking, and the domain object.  Repositories return these; ORM
rows never leave ``courtapp.core.db``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from courtapp.core.domain.errors import FieldError
from courtapp.core.domain.listing import Listing, RespondentState
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase, Party, PartyKind
from courtapp.core.domain.petition import (
    PetitionDetails,
    PetitionerRole,
    PetitionKind,
    PetitionStatus,
    Sla,
)
from courtapp.core.domain.restriction_order import RestrictionOrder
from courtapp.core.domain.roles import Role


@dataclass(frozen=True)
class CaseRecord:
    """A stored case: its database id and version (for optimistic locking) and its data."""

    id: int
    version: int
    case: EnforcementCase
    #: The person record behind each respondent, in order (for listings and the public list).
    respondent_person_ids: tuple[int, ...] = ()

    @property
    def warnings(self) -> tuple[FieldError, ...]:
        """What deserves attention but does not stop a save (``case_warnings``, e.g. R-L11)."""
        from courtapp.core.domain.validation import case_warnings

        return tuple(case_warnings(self.case))


@dataclass(frozen=True)
class PersonInfo:
    id: int
    kind: PartyKind
    name: str
    identifier: str
    case_count: int


@dataclass(frozen=True)
class ListingRecord:
    id: int
    case_id: int
    case_number: str
    version: int
    listing: Listing
    prepared_by: str
    reasons_zh: str
    reasons_en: str
    person_id: int = 0
    #: The day the removal ground was established (R-R1), from which the removal is due.
    removal_event_on: date | None = None
    #: The stored id of each restriction item, in the order of ``listing.restrictions``.
    restriction_ids: tuple[int, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class OrderRecord:
    id: int
    case_id: int
    case_number: str
    version: int
    order: RestrictionOrder
    prepared_by: str
    restriction_ids: tuple[int, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class RespondentEvent:
    """A transition of a respondent's enforcement status: who, when, which article, why.

    ``reason`` is a message code of :mod:`courtapp.core.domain.messages` and
    ``params`` its parameters; the text is made where it is shown."""

    id: int
    case_id: int
    respondent: int
    from_state: RespondentState
    to_state: RespondentState
    at: datetime
    effective_on: date
    username: str
    article: str
    reason: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> Message:
        return Message(self.reason, self.params)


@dataclass(frozen=True)
class Application:
    """A creditor's written application to list a respondent (2017 Art. 5 para. 2)."""

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


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool


@dataclass(frozen=True)
class Evidence:
    """An evidence file handed in at the counter, as stored: name, size, SHA-256."""

    id: int
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class PetitionRecord:
    """A stored petition (issue 5 §1): what was filed and, once decided, the decision.

    ``decision`` holds the effect carried out and the document to issue (data,
    never prose); ``document_error`` is a message code with its parameters."""

    id: int
    number: str
    case_id: int
    sequence: int
    kind: PetitionKind
    status: PetitionStatus
    respondent: int
    petitioner_role: PetitionerRole
    petitioner_index: int
    officer: int | None
    petitioner_name: str
    petitioner_identifier: str
    listing_id: int | None
    order_id: int | None
    received_on: date
    #: The period to decide, frozen at intake.
    sla: Sla
    details: PetitionDetails
    filed_by: str
    evidence: tuple[Evidence, ...] = ()
    #: What the petitioner asks and why, in their words.
    statement: str = ""
    receipt_number: str | None = None
    decided_on: date | None = None
    decided_by: str | None = None
    decision_reasons: str = ""
    decision: Mapping[str, Any] = field(default_factory=dict)
    document_number: str | None = None
    document_error: Message | None = None
    decision_served_on: date | None = None
    reconsideration_filed_on: date | None = None
    reconsideration_outcome: str | None = None
    reconsideration_decided_on: date | None = None
    permission_ended_on: date | None = None
    #: R-R7: the day a removal's ground was on the court's record (fixed at the
    #: decision), and whether it was granted after the 3 working days from it.
    deletion_event_on: date | None = None
    deletion_late: bool = False
    #: The last day to decide as it stood when fixed: at intake, and again at the
    #: decision (the monthly statistics count late decisions on it).
    due_on: date | None = None
    due_provisional: bool = False
    version: int = 1


@dataclass(frozen=True)
class DispatchRecord:
    """One item of the propagation ledger as stored: one change to one recipient."""

    id: int
    case_id: int
    case_number: str
    listing_id: int | None
    order_id: int | None
    petition_id: int | None
    event: str
    recipient: str
    recipient_name: str
    article: str
    payload: Mapping[str, Any]
    created_on: date
    status: str
    acknowledged_on: date | None = None
    acknowledged_by: str | None = None


__all__ = ["Application", "CaseRecord", "DispatchRecord", "Evidence", "ListingRecord",
           "OrderRecord", "Party", "PersonInfo", "PetitionRecord", "RespondentEvent", "UserInfo"]
