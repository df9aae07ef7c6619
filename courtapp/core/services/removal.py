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

from dataclasses import replace
from datetime import date

from courtapp.core import settings
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.listing import (
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RespondentState,
    RestrictionStatus,
)
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.months import add_months
from courtapp.core.domain.petition import RELISTING_BAR_MONTHS
from courtapp.core.domain.publication import entry_data, in_force, listing_bodies
from courtapp.core.domain.records import ListingRecord
from courtapp.core.domain.removal import (
    ART_CORRECTED,
    ART_EARLY,
    ART_EXPIRED,
    ART_ITEM,
    ART_RELISTING,
    ART_REVOKE,
    REMOVAL_WORKING_DAYS,
    removal_due,
    removal_trigger,
)
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.interchange import dump_listing
from courtapp.core.services import dispatch, history

SETTING_PARA1_FIXED = settings.PARA1_APPLIES_TO_FIXED_TERM.key

CURRENT = (ListingStatus.AWAITING_PUBLICATION, ListingStatus.PUBLISHED)


def para1_applies_to_fixed_term(uow: UnitOfWork) -> bool:
    """The court's reading of Art. 10 para. 2 (RULES.md §1.10): do the para. 1
    grounds also delete a fixed-term listing?"""
    return settings.value(uow.settings, settings.PARA1_APPLIES_TO_FIXED_TERM)


def execute_removal(uow: UnitOfWork, actor: Actor, rec: ListingRecord, case: EnforcementCase, *,
                    kind: RemovalKind, reason: RemovalReason, on: date, event_on: date,
                    article: str, why: Message, petition_id: int | None = None) -> None:
    """Within the caller's transaction: remove the listing, lift its restriction,
    record the transition and the audit, and queue the removal to everyone the
    published listing reached."""
    before = rec.listing
    was_published = before.status is ListingStatus.PUBLISHED
    items = in_force(before.restrictions)
    after = replace(before, status=ListingStatus.REMOVED, removed_on=on, removal_kind=kind,
                    removal_reason=reason,
                    restrictions=[r if r.status is RestrictionStatus.LIFTED else
                                  replace(r, status=RestrictionStatus.LIFTED, until=on)
                                  for r in before.restrictions])
    uow.listings.save(rec.id, after, removal_event_on=event_on)
    history.transition(uow, actor, case, rec.case_id, before.respondent, RespondentState.REMOVED,
                       on, article, why)
    uow.audit.add(actor, f"listing.{'revoke' if kind is RemovalKind.REVOKED else 'delete'}",
                  "listing", rec.id, before=dump_listing(before),
                  after={"status": ListingStatus.REMOVED.value, "removed_on": on.isoformat(),
                         "removal_kind": kind.value, "removal_reason": reason.value,
                         "event_on": event_on.isoformat(),
                         "reason": {"code": why.code, "params": dict(why.params)}},
                  legal_ground=article, reason=history.judges_words(why))
    if was_published:
        payload = {"event": "removal", "removed_on": on.isoformat(), "removal_kind": kind.value,
                   "removal_reason": reason.value, "article": article,
                   "event_on": event_on.isoformat(),
                   "entry": entry_data(case, before, on)}
        dispatch.queue_event(uow, case_id=rec.case_id, event="removal",
                             recipients=listing_bodies(case, before.respondent, items),
                             payload=payload, on=on, listing_id=rec.id, petition_id=petition_id)


#: How a judge's own removal is carried out, by its reason.
REMOVAL_BY_REASON: dict[RemovalReason, tuple[RemovalKind, str]] = {
    RemovalReason.PERFORMED: (RemovalKind.DELETED, ART_ITEM.format(n=1)),
    RemovalReason.SETTLEMENT_PERFORMED: (RemovalKind.DELETED, ART_ITEM.format(n=2)),
    RemovalReason.CREDITOR_REQUEST: (RemovalKind.DELETED, ART_ITEM.format(n=3)),
    RemovalReason.NO_PROPERTY: (RemovalKind.DELETED, ART_ITEM.format(n=4)),
    RemovalReason.TERM_EXPIRED: (RemovalKind.EXPIRED, ART_EXPIRED),
    RemovalReason.REVOKED: (RemovalKind.REVOKED, ART_REVOKE),
    RemovalReason.CORRECTED: (RemovalKind.DELETED, ART_CORRECTED),
}


def record_removal(uow: UnitOfWork, actor: Actor, listing_id: int, *, reason: RemovalReason,
                   on: date, reasons: str) -> None:
    """A judge removes a listing on the court's own finding (e.g. the court completed
    enforcement, Art. 10 para. 1 item 1); petitions go through services.petitions."""
    require(actor, Permission.LISTING_PREPARE)
    e = ErrorCollector()
    if not reasons.strip():
        e.add("reasons", "required", "this field is required", "此项为必填项")
    kind, article = REMOVAL_BY_REASON[reason]
    with uow:
        rec = uow.listings.get(listing_id)
        if rec.listing.status not in CURRENT:
            e.add("listing", "removal.not_current", "only a signed, current listing can be removed",
                  "仅可删除已签发且有效的失信记录")
        e.raise_if_any()
        case = uow.cases.get(rec.case_id).case
        execute_removal(uow, actor, rec, case, kind=kind, reason=reason, on=on, event_on=on,
                        article=article,
                        why=Message("history.removed_by_judge", {"reasons": reasons.strip()}))
        uow.commit()


def expire_due(uow: UnitOfWork, actor: Actor, today: date) -> list[int]:
    """The daily run's expiry step (R-R2, idempotent): delete every signed listing
    whose fixed term ended before ``today``.  Returns the listing ids."""
    require(actor, Permission.LISTING_PUBLISH)
    done: list[int] = []
    with uow:
        due = [rec for rec in uow.listings.fixed_term_in_force()
               if (end := rec.listing.term_end()) is not None and end < today]
        # The cases of the expired listings, read in batches (not one per change).
        cases = uow.cases.records(rec.case_id for rec in due)
        for rec in due:
            end = rec.listing.term_end()
            assert end is not None
            case = cases[rec.case_id].case
            execute_removal(uow, actor, rec, case, kind=RemovalKind.EXPIRED,
                            reason=RemovalReason.TERM_EXPIRED, on=today, event_on=end,
                            article=ART_EXPIRED,
                            why=Message("history.term_ended", {"end": end.isoformat()}))
            done.append(rec.id)
        uow.commit()
    return done


def relisting_bar_until(uow: UnitOfWork, case_id: int, respondent: int, on: date) -> date | None:
    """R-R3 (Art. 10 para. 4): the last day of the six months after a deletion at the
    creditor's request, if ``on`` falls within them; else None."""
    removed = uow.listings.removed_on_creditor_request(case_id, respondent)
    ends = [add_months(d, RELISTING_BAR_MONTHS) for d in removed if d <= on]
    live = [end for end in ends if on <= end]
    return max(live) if live else None


__all__ = [
    "ART_CORRECTED", "ART_EARLY", "ART_EXPIRED", "ART_ITEM", "ART_RELISTING", "ART_REVOKE",
    "REMOVAL_WORKING_DAYS", "execute_removal", "expire_due", "para1_applies_to_fixed_term",
    "record_removal", "relisting_bar_until", "removal_due", "removal_trigger",
]
