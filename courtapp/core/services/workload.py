"""How much pending work each role has: the counts at the top of the Today page
(issue 12 §5).  Codes and numbers only; the interface names them.

Per role (the :data:`KEYS` order is the display order):

- judge: ``petitions`` (every pending petition in the queue, not only those due),
  ``listings_to_prepare`` (creditors' listing applications to decide, R-L6),
  ``grace_ending`` (warnings whose grace period ends this week, 2019 Opinion
  item 15), ``overdue`` (petitions and applications past their deadline, and
  decisions whose document failed to issue);
- president: ``listings_to_sign`` and ``orders_to_sign`` (院长签发);
- clerk: ``notices_to_print`` (warnings due this week, signed listings, orders and
  petition decisions not yet served, 2019 Opinion item 14) and
  ``dispatch_outstanding`` (ledger items no recipient acknowledged yet);
- counter: ``receipts`` (pending petitions without a receipt) and
  ``awaiting_service`` (petition decisions issued and not yet served);
- administrator: ``to_publish`` (signed, served listings whose grace has ended:
  what the daily run would publish now), ``dispatch_late`` (dispatches past their
  due date) and ``calendar_missing`` (years without a holiday schedule, R-D1).

``overdue`` of a :class:`WorkCount` says how many of ``count`` are late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from courtapp.core.db.orm import ListingRow, RestrictionOrderRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.listing import ListingStatus
from courtapp.core.domain.petition import PetitionStatus
from courtapp.core.domain.records import ListingRecord
from courtapp.core.domain.restriction_order import OrderStatus
from courtapp.core.domain.roles import Actor, Permission, Role, require

#: Each role's counts, in display order.
KEYS: dict[Role, tuple[str, ...]] = {
    Role.JUDGE: ("petitions", "listings_to_prepare", "grace_ending", "overdue"),
    Role.PRESIDENT: ("listings_to_sign", "orders_to_sign"),
    Role.CLERK: ("notices_to_print", "dispatch_outstanding"),
    Role.COUNTER: ("receipts", "awaiting_service"),
    Role.ADMIN: ("to_publish", "dispatch_late", "calendar_missing"),
}


@dataclass(frozen=True)
class GraceEnding:
    """A warning whose grace period ends this week (2019 Opinion item 15)."""

    listing_id: int
    case_id: int
    case_number: str
    respondent: int
    grace_until: date
    served: bool


def grace_ending(uow: UnitOfWork, actor: Actor, day: date) -> list[GraceEnding]:
    """Signed listings awaiting publication whose grace ends in ``day``'s week
    (Monday-Sunday), soonest first: the same set as ``documents.warnings_due``."""
    from courtapp.core.db.orm import CaseRow
    from courtapp.core.services.documents import week_of

    require(actor, Permission.CASE_VIEW)
    start, end = week_of(day)
    with uow:
        rows = uow.session.execute(
            select(ListingRow.id, ListingRow.case_id, CaseRow.case_number, ListingRow.respondent,
                   ListingRow.grace_until, ListingRow.served_on)
            .join(CaseRow, CaseRow.id == ListingRow.case_id)
            .where(ListingRow.status == ListingStatus.AWAITING_PUBLICATION.value,
                   ListingRow.grace_until >= start, ListingRow.grace_until <= end)
            .order_by(ListingRow.grace_until, ListingRow.id))
        return [GraceEnding(lid, cid, number, resp, until, served is not None)
                for lid, cid, number, resp, until, served in rows if until is not None]


@dataclass(frozen=True)
class WorkCount:
    role: Role
    key: str
    count: int
    overdue: int = 0


def workload(uow: UnitOfWork, actor: Actor, day: date, *,
             roles: frozenset[Role] | None = None) -> list[WorkCount]:
    """The pending work of each of ``roles`` (default: the actor's) on ``day``,
    role by role in :class:`Role` order and each role's keys in :data:`KEYS` order."""
    from courtapp.core.services import applications, calendar, dispatch, documents, petitions

    require(actor, Permission.CASE_VIEW)
    wanted = roles if roles is not None else actor.roles
    out: list[WorkCount] = []
    if Role.JUDGE in wanted:
        queue = petitions.queue(uow, actor, day)
        apps = applications.pending_applications(uow, actor)
        missing = petitions.list_petitions(uow, actor, document_missing=True)
        grace = grace_ending(uow, actor, day)
        late_petitions = sum(1 for q in queue if q.overdue)
        late_apps = sum(1 for a in apps if a.overdue(day))
        out += [WorkCount(Role.JUDGE, "petitions", len(queue), late_petitions),
                WorkCount(Role.JUDGE, "listings_to_prepare", len(apps), late_apps),
                WorkCount(Role.JUDGE, "grace_ending", len(grace)),
                WorkCount(Role.JUDGE, "overdue", late_petitions + late_apps + len(missing),
                          late_petitions + late_apps + len(missing))]
    if Role.PRESIDENT in wanted:
        with uow:
            listings = uow.session.scalar(select(func.count()).select_from(ListingRow).where(
                ListingRow.status == ListingStatus.DRAFT.value)) or 0
            orders = uow.session.scalar(select(func.count()).select_from(RestrictionOrderRow).where(
                RestrictionOrderRow.status == OrderStatus.DRAFT.value)) or 0
        out += [WorkCount(Role.PRESIDENT, "listings_to_sign", listings),
                WorkCount(Role.PRESIDENT, "orders_to_sign", orders)]
    if Role.CLERK in wanted:
        unserved_listings = len(_signed_not_served(uow, actor))
        with uow:
            unserved_orders = uow.session.scalar(
                select(func.count()).select_from(RestrictionOrderRow).where(
                    RestrictionOrderRow.status == OrderStatus.SIGNED.value,
                    RestrictionOrderRow.served_on.is_(None))) or 0
        decisions = sum(1 for p in petitions.list_petitions(uow, actor, decision_unserved=True)
                        if p.document_number)
        warnings = len(documents.warnings_due(uow, actor, day))
        open_items = dispatch.open_items(uow, actor)
        late = sum(1 for i in open_items if i.due is not None and i.due < day)
        out += [WorkCount(Role.CLERK, "notices_to_print",
                          unserved_listings + unserved_orders + decisions + warnings,
                          unserved_listings),
                WorkCount(Role.CLERK, "dispatch_outstanding", len(open_items), late)]
    if Role.COUNTER in wanted:
        pending = petitions.list_petitions(uow, actor, status=PetitionStatus.PENDING)
        no_receipt = [p for p in pending if p.receipt_number is None]
        unserved = [p for p in petitions.list_petitions(uow, actor, decision_unserved=True)
                    if p.document_number]
        out += [WorkCount(Role.COUNTER, "receipts", len(no_receipt),
                          sum(1 for p in no_receipt if p.received_on < day)),
                WorkCount(Role.COUNTER, "awaiting_service", len(unserved))]
    if Role.ADMIN in wanted:
        publishable = publishable_now(uow, actor, day)
        open_items = dispatch.open_items(uow, actor)
        late = sum(1 for i in open_items if i.due is not None and i.due < day)
        years = calendar.missing_years(uow, day)
        out += [WorkCount(Role.ADMIN, "to_publish", len(publishable)),
                WorkCount(Role.ADMIN, "dispatch_late", late, late),
                WorkCount(Role.ADMIN, "calendar_missing", len(years),
                          sum(1 for y in years if y <= day.year))]
    return out


def _signed_not_served(uow: UnitOfWork, actor: Actor) -> list[ListingRecord]:
    from courtapp.core.services import listing

    return listing.signed_not_served(uow, actor)


def publishable_now(uow: UnitOfWork, actor: Actor, day: date) -> list[ListingRecord]:
    """The listings the daily run would publish on ``day`` (signed, served, grace
    over, as :func:`listing.publish_due` decides): none tells the Publish button
    to explain why nothing happens."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return [r for r in uow.listings.awaiting_publication()
                if r.listing.served_on is not None
                and (r.listing.grace_until is None or r.listing.grace_until < day)]

@dataclass(frozen=True)
class PublicationOutlook:
    """Why a publication run published nothing: what still waits, and for what."""

    in_grace: int  # signed, grace period still running
    next_grace_end: date | None
    unserved: int  # signed, not served (2019 Opinion item 14)


def publication_outlook(uow: UnitOfWork, actor: Actor, day: date) -> PublicationOutlook:
    require(actor, Permission.CASE_VIEW)
    with uow:
        waiting = uow.listings.awaiting_publication()
    grace = [r.listing.grace_until for r in waiting
             if r.listing.grace_until is not None and r.listing.grace_until >= day]
    unserved = sum(1 for r in waiting if r.listing.served_on is None)
    return PublicationOutlook(len(grace), min(grace) if grace else None, unserved)


__all__ = ["KEYS", "GraceEnding", "PublicationOutlook", "publication_outlook", "WorkCount", "grace_ending", "publishable_now", "workload"]
