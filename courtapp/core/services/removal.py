"""Taking a listing off the list: deletion, revocation and expiry (RULES.md R-R1, R-R2, R-R4).

- R-R1 (2017 Art. 10 para. 1): once a ground is established the entry is
  deleted within 3 working days of that day.
- R-R2 (Art. 10 para. 2): a fixed-term listing is deleted within 3 working
  days after its term ends; the daily run does it (:func:`expire_due`).  The
  para. 1 grounds do not apply to a fixed-term listing on the reading of
  RULES.md §1.10 (a lawyer should confirm it): a court that reads para. 2
  otherwise sets ``removal.para1_applies_to_fixed_term`` to ``true``.
- R-R4 (Art. 9): a wrongful listing is revoked within 3 working days.
- R-R6 (Art. 13): each removal records who, when and on which article, as a
  respondent transition and an audit record.

The due date is computed on the working-day calendar whenever it is read, so a
deadline that was provisional (a year without calendar data, R-D1) firms up
as soon as an administrator enters that year.  A removal of a published
listing creates one open dispatch item per body the listing reached (2015
Art. 9 "within the same scope"); see :mod:`courtapp.core.services.dispatch`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from courtapp.core.db.orm import ListingRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RespondentState,
    RestrictionStatus,
    add_months,
)
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.petition import RELISTING_BAR_MONTHS
from courtapp.core.domain.publication import entry_data, in_force, listing_bodies
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.workdays import Deadline, YearCalendar, add_working_days
from courtapp.core.services import audit

#: Art. 9, Art. 10 paras. 1-2, Art. 12: within 3 working days.
REMOVAL_WORKING_DAYS = 3
SETTING_PARA1_FIXED = "removal.para1_applies_to_fixed_term"

ART_ITEM = "2017 Provisions Art. 10 para. 1 item {n}"
ART_EXPIRED = "2017 Provisions Art. 10 para. 2"
ART_EARLY = "2017 Provisions Art. 2 para. 2"
ART_REVOKE = "2017 Provisions Arts. 9, 11-12"
ART_CORRECTED = "2017 Provisions Arts. 11-12"
ART_RELISTING = "2017 Provisions Art. 10 para. 4"

CURRENT = (ListingStatus.AWAITING_PUBLICATION.value, ListingStatus.PUBLISHED.value)


def removal_trigger(listing: Listing, event_on: date | None) -> date | None:
    """The day a removal counts from: the day its ground was established, else a
    fixed term's end (R-R2); None for an open-ended listing with no ground yet."""
    if event_on is not None:
        return event_on
    if listing.status is ListingStatus.DRAFT:
        return None
    if listing.status is ListingStatus.REMOVED and listing.removal_kind is not RemovalKind.EXPIRED:
        return None
    return listing.term_end()


def removal_due(cal: YearCalendar, listing: Listing, event_on: date | None) -> Deadline | None:
    """When the removal is (or was) due: 3 working days after its trigger (R-R1, R-R2)."""
    start = removal_trigger(listing, event_on)
    return None if start is None else add_working_days(cal, start, REMOVAL_WORKING_DAYS)


def para1_applies_to_fixed_term(s: Session) -> bool:
    from courtapp.core.services.listing import setting

    return setting(s, SETTING_PARA1_FIXED, "false").strip().lower() in ("1", "true", "yes")


def execute_removal(uow: UnitOfWork, actor: Actor, row: ListingRow, case: EnforcementCase, *,
                    kind: RemovalKind, reason: RemovalReason, on: date, event_on: date,
                    article: str, why: str, petition_id: int | None = None) -> None:
    """Within the caller's transaction: remove the listing, lift its restriction,
    record the transition and the audit, and queue the removal to everyone the
    published listing reached."""
    from courtapp.core.services.dispatch import queue_event
    from courtapp.core.services.listing import _listing_json, _to_listing, _transition

    before = _to_listing(row)
    was_published = row.status == ListingStatus.PUBLISHED.value
    items = in_force(before.restrictions)
    row.status = ListingStatus.REMOVED.value
    row.removed_on, row.removal_kind = on, kind.value
    row.removal_reason, row.removal_event_on = reason.value, event_on
    for r in row.restrictions:
        if r.status != RestrictionStatus.LIFTED.value:
            r.status, r.until = RestrictionStatus.LIFTED.value, on
    _transition(uow, actor, case, row.case_id, row.respondent, RespondentState.REMOVED, on,
                article, why)
    audit.record(uow, actor, f"listing.{'revoke' if kind is RemovalKind.REVOKED else 'delete'}",
                 "listing", row.id, before=_listing_json(before),
                 after={"status": row.status, "removed_on": on.isoformat(), "removal_kind": kind.value,
                        "removal_reason": reason.value, "event_on": event_on.isoformat()},
                 legal_ground=article, reason=why)
    if was_published:
        payload = {"event": "removal", "removed_on": on.isoformat(), "removal_kind": kind.value,
                   "removal_reason": reason.value, "article": article,
                   "entry": entry_data(case, before, on)}
        queue_event(uow, case_id=row.case_id, event="removal",
                    recipients=listing_bodies(case, row.respondent, items), payload=payload,
                    on=on, listing_id=row.id, petition_id=petition_id)


def record_removal(uow: UnitOfWork, actor: Actor, listing_id: int, *, reason: RemovalReason,
                   on: date, reasons: str) -> None:
    """A judge removes a listing on the court's own finding (e.g. the court completed
    enforcement, Art. 10 para. 1 item 1); petitions go through services.petitions."""
    from courtapp.core.services.listing import _load_case, _load_listing

    require(actor, Permission.LISTING_PREPARE)
    e = ErrorCollector()
    if not reasons.strip():
        e.add("reasons", "required", "this field is required", "此项为必填项")
    kind, article = {
        RemovalReason.PERFORMED: (RemovalKind.DELETED, ART_ITEM.format(n=1)),
        RemovalReason.SETTLEMENT_PERFORMED: (RemovalKind.DELETED, ART_ITEM.format(n=2)),
        RemovalReason.CREDITOR_REQUEST: (RemovalKind.DELETED, ART_ITEM.format(n=3)),
        RemovalReason.NO_PROPERTY: (RemovalKind.DELETED, ART_ITEM.format(n=4)),
        RemovalReason.TERM_EXPIRED: (RemovalKind.EXPIRED, ART_EXPIRED),
        RemovalReason.REVOKED: (RemovalKind.REVOKED, ART_REVOKE),
        RemovalReason.CORRECTED: (RemovalKind.DELETED, ART_CORRECTED),
    }[reason]
    with uow:
        s = uow.session
        row = _load_listing(s, listing_id)
        if row.status not in CURRENT:
            e.add("listing", "removal.not_current", "only a signed, current listing can be removed",
                  "仅可删除已签发且有效的失信记录")
        e.raise_if_any()
        _, case = _load_case(s, row.case_id)
        execute_removal(uow, actor, row, case, kind=kind, reason=reason, on=on, event_on=on,
                        article=article, why=reasons.strip())
        uow.commit()


def expire_due(uow: UnitOfWork, actor: Actor, today: date) -> list[int]:
    """The daily run's expiry step (R-R2, idempotent): delete every signed listing
    whose fixed term ended before ``today``.  Returns the listing ids."""
    from courtapp.core.services.listing import _load_case, _to_listing

    require(actor, Permission.LISTING_PUBLISH)
    done: list[int] = []
    with uow:
        s = uow.session
        rows = list(s.scalars(select(ListingRow).options(selectinload(ListingRow.restrictions))
                              .where(ListingRow.status.in_(CURRENT),
                                     ListingRow.term_years.is_not(None))
                              .order_by(ListingRow.id)))
        for row in rows:
            end = _to_listing(row).term_end()
            if end is None or end >= today:
                continue
            _, case = _load_case(s, row.case_id)
            execute_removal(uow, actor, row, case, kind=RemovalKind.EXPIRED,
                            reason=RemovalReason.TERM_EXPIRED, on=today, event_on=end,
                            article=ART_EXPIRED, why=f"listing term ended on {end.isoformat()}")
            done.append(row.id)
        uow.commit()
    return done


def relisting_bar_until(s: Session, case_id: int, respondent: int, on: date) -> date | None:
    """R-R3 (Art. 10 para. 4): the last day of the six months after a deletion at the
    creditor's request, if ``on`` falls within them; else None."""
    removed = s.scalars(select(ListingRow.removed_on).where(
        ListingRow.case_id == case_id, ListingRow.respondent == respondent,
        ListingRow.status == ListingStatus.REMOVED.value,
        ListingRow.removal_reason == RemovalReason.CREDITOR_REQUEST.value,
        ListingRow.removed_on.is_not(None)))
    ends = [add_months(d, RELISTING_BAR_MONTHS) for d in removed if d is not None and d <= on]
    live = [end for end in ends if on <= end]
    return max(live) if live else None
