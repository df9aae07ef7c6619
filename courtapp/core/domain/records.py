"""Stored things as the services see them: a database id, a version for
optimistic locking, and the domain object.  Repositories return these; ORM
rows never leave ``courtapp.core.db``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from courtapp.core.domain.errors import FieldError
from courtapp.core.domain.listing import Listing, RespondentState
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase, Party, PartyKind
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


__all__ = ["Application", "CaseRecord", "ListingRecord", "OrderRecord", "Party", "PersonInfo",
           "RespondentEvent", "UserInfo"]
