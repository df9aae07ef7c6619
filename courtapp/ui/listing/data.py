"""What the listing screens load from the database, as plain detached data.

These functions run on the task runner's database thread (never on the GUI
thread) and only call services; the results are frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass

from courtapp.core.context import AppContext
from courtapp.core.domain.listing import ListingStatus, RespondentState
from courtapp.core.domain.paging import Page
from courtapp.core.domain.records import RespondentEvent
from courtapp.core.domain.roles import Actor
from courtapp.core.services import cases
from courtapp.core.services import listing as ls
from courtapp.core.services.cases import CaseRecord

#: One recorded status transition of a respondent: who, when, article, why.
EventInfo = RespondentEvent


@dataclass(frozen=True)
class WorksheetData:
    record: CaseRecord
    listings: list[ls.ListingRecord]
    states: dict[int, RespondentState]
    events: list[EventInfo]
    settings: ls.ListingSettings

    def current_listing(self, respondent: int) -> ls.ListingRecord | None:
        """The respondent's listing that is not removed (draft, awaiting, published)."""
        for rec in reversed(self.listings):
            if rec.listing.respondent == respondent and \
                    rec.listing.status is not ListingStatus.REMOVED:
                return rec
        return None


def events_of(ctx: AppContext, actor: Actor, case_id: int) -> list[EventInfo]:
    return ls.respondent_events(ctx.uow(), actor, case_id)


def load_worksheet(ctx: AppContext, actor: Actor, case_id: int) -> WorksheetData:
    record = cases.get_case(ctx.uow(), actor, case_id=case_id)
    listings = ls.listings_for_case(ctx.uow(), actor, case_id)
    states = {i: ls.respondent_state(ctx.uow(), actor, case_id, i)
              for i in range(len(record.case.respondents))}
    return WorksheetData(record, listings, states, events_of(ctx, actor, case_id),
                         ls.listing_settings(ctx.uow()))


@dataclass(frozen=True)
class DecisionsData:
    """The first page of the decisions list, and the signed-but-not-served alert."""

    listings: Page[ls.ListingOverview]
    signed_not_served: list[ls.ListingRecord]
    names: dict[int, str]  # listing id -> respondent name, for the alert


def load_decisions(ctx: AppContext, actor: Actor, case_id: int | None,
                   statuses: list[ListingStatus] | None, *, sort: str = "newest",
                   descending: bool = True, limit: int = 200) -> DecisionsData:
    """The first page of the list (newest first, or by ``sort``) and the alert;
    the names the alert needs that the page does not show are read by id."""
    listings = ls.listings_page(ctx.uow(), actor, case_id=case_id, statuses=statuses, sort=sort,
                                descending=descending, limit=limit)
    alert = ls.signed_not_served(ctx.uow(), actor)
    names = {o.record.id: o.respondent_name for o in listings}
    missing = [r.id for r in alert if r.id not in names]
    if missing:
        names.update({i: o.respondent_name
                      for i, o in ls.listing_overviews(ctx.uow(), actor, missing).items()})
    return DecisionsData(listings, alert, {r.id: names.get(r.id, "") for r in alert})


def load_decisions_page(ctx: AppContext, actor: Actor, case_id: int | None,
                        statuses: list[ListingStatus] | None, *, sort: str, descending: bool,
                        after: object | None, limit: int) -> Page[ls.ListingOverview]:
    """The page of the list after ``after`` (the ``next_after`` of the page before)."""
    return ls.listings_page(ctx.uow(), actor, case_id=case_id, statuses=statuses, sort=sort,
                            descending=descending, after=after, limit=limit)


def count_decisions(ctx: AppContext, actor: Actor, case_id: int | None,
                    statuses: list[ListingStatus] | None) -> int:
    """How many listings the list shows with these filters (every page)."""
    return ls.count_listings(ctx.uow(), actor, case_id=case_id, statuses=statuses)


@dataclass(frozen=True)
class RespondentHistory:
    case_id: int
    respondent: int
    state: RespondentState
    events: list[EventInfo]


def load_history(ctx: AppContext, actor: Actor, case_id: int, respondent: int) -> RespondentHistory:
    state = ls.respondent_state(ctx.uow(), actor, case_id, respondent)
    events = [e for e in events_of(ctx, actor, case_id) if e.respondent == respondent]
    return RespondentHistory(case_id, respondent, state, events)
