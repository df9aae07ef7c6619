"""Use cases for listing: prepare, sign, serve, publish, cancel; restriction items.

- Judges prepare decisions (``LISTING_PREPARE``); only a president signs them
  (``DECISION_SIGN``, 院长签发, 2017 Art. 5 para. 3; 2015 Art. 5).
- Every status change of a respondent is recorded by :mod:`.history` with
  who, when, the article and the reason, plus an audit record (R-R6).
- :func:`check_listing` is applied on every path (here, and on import), so a
  minor or a respondent without a served notice can never be listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from courtapp.core import settings
from courtapp.core.db.repositories.audit import AuditItem
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain import paging
from courtapp.core.domain.assessment import Assessment, assess_respondent
from courtapp.core.domain.errors import ConflictError, ErrorCollector, NotFound, ValidationError
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RespondentState,
    Restriction,
    RestrictionStatus,
    check_listing,
    grace_on_signing,
    needs_proportionality_reason,
)
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase, ServiceMethod
from courtapp.core.domain.months import add_months
from courtapp.core.domain.paging import Page
from courtapp.core.domain.records import CaseRecord, ListingRecord, RespondentEvent
from courtapp.core.domain.removal import removal_due, removal_trigger
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.interchange import dump_listing
from courtapp.core.services import dispatch, history

ART_DECISION = "2017 Provisions Art. 5 para. 3"
ART_GRACE = "2019 Opinion (法发〔2019〕35号) item 15"
ART_PUBLISH = "2017 Provisions Art. 7"
ART_RESTRICT = "2015 Provisions Arts. 1, 3, 5"
ART_NOTICE = history.ART_NOTICE

#: Kept for callers that name the settings by key (the typed schema is courtapp.core.settings).
SETTING_GRACE_MONTHS = settings.GRACE_MONTHS.key
SETTING_SMALL_AMOUNT = settings.SMALL_AMOUNT.key


def _refuse(path: str, rule: str, en: str, zh: str) -> ValidationError:
    e = ErrorCollector()
    e.add(path, rule, en, zh)
    return ValidationError(e.errors)


def _proportionality_error(e: ErrorCollector) -> None:
    e.add("proportionality_reason", "restriction.proportionality",
          "all nine items on a non-monetary obligation or a small amount need a written reason",
          "对非金钱义务或小额债务适用全部九项限制，应书面说明理由")


def _restriction_required(e: ErrorCollector, path: str, what: str) -> None:
    e.add(path, "listing.restriction_required",
          f"a {what} must carry a consumption restriction (2015 Provisions Art. 1 para. 2)",
          "纳入失信名单的，应当采取限制消费措施（2015年规定第一条第二款）")


def _restriction_needed(case: EnforcementCase, respondent: int, on: date) -> bool:
    """Whether a listing of ``respondent`` on ``on`` must carry a restriction (R-L10):
    not when the assessment makes one unavailable (R-L11, R-L13, R-L16)."""
    if not 0 <= respondent < len(case.respondents):
        return True  # check_listing reports the index
    a = assess_respondent(case, respondent, on)
    return not (a.listable and a.restriction == "unavailable")


def _order_in_force(uow: UnitOfWork, case_id: int, respondent: int,
                    on: date) -> tuple[int, date, list[Restriction]] | None:
    """The newest signed standalone restriction order on ``respondent`` with items in
    force on ``on``: its id, its date and those items."""
    for o in uow.orders.signed(case_id, respondent):
        live = [r for r in o.order.restrictions if r.status is not RestrictionStatus.LIFTED
                and r.start <= on and (r.until is None or r.until >= on)]
        if live:
            return o.id, o.order.decided_on, live
    return None


def _create_or_confirm_restriction(uow: UnitOfWork, case_id: int, case: EnforcementCase,
                                   listing: Listing, on: date
                                   ) -> tuple[Listing, dict[str, object]]:
    """R-L10 (2015 Art. 1 para. 2), on signing: the listing's own items take effect
    (created), or, with none, the items of a signed order in force are carried into
    the listing (confirmed).  Neither: refused.  Returns the listing and what
    happened, for the audit record."""
    if not _restriction_needed(case, listing.respondent, on):
        return listing, {"mode": "unavailable"}
    live = [r for r in listing.restrictions if r.status is not RestrictionStatus.LIFTED]
    if live:
        return listing, {"mode": "created", "items": sorted({int(r.item) for r in live})}
    found = _order_in_force(uow, case_id, listing.respondent, on)
    if found is None:
        e = ErrorCollector()
        _restriction_required(e, "restrictions", "listing")
        raise ValidationError(e.errors)
    order_id, order_on, items = found
    carried = [replace(r, start=on, status=RestrictionStatus.IMPOSED,
                       reason=f"confirmed restriction order {order_id} of {order_on.isoformat()}")
               for r in items]
    return (replace(listing, restrictions=[*listing.restrictions, *carried]),
            {"mode": "confirmed", "order": order_id, "items": sorted({int(r.item) for r in items})})


# ---------------------------------------------------------------- use cases
def assess(uow: UnitOfWork, actor: Actor, case_id: int, as_of: date) -> list[Assessment]:
    """Assess every respondent, taking any grace period of a current listing into account."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        case = uow.cases.get(case_id).case
        grace = uow.listings.grace_by_respondent(case_id)
        return [assess_respondent(case, i, as_of, grace_until=grace.get(i))
                for i in range(len(case.respondents))]


def prepare_in(uow: UnitOfWork, actor: Actor, case_id: int, listing: Listing, *,
               reasons_zh: str, reasons_en: str = "", proportionality_reason: str = "",
               ) -> ListingRecord:
    """Within the caller's open unit of work: prepare a listing decision (and its
    restriction items) for signature.  The caller commits."""
    require(actor, Permission.LISTING_PREPARE)
    e = ErrorCollector()
    if not reasons_zh.strip():
        e.add("reasons", "listing.reasons_required",
              "a listing decision states its reasons (Art. 5 para. 3)",
              "决定书应写明纳入失信名单的理由（第五条第三款）")
    rec = uow.cases.get(case_id)
    case = rec.case
    draft = replace(listing, status=ListingStatus.DRAFT, signed_by=None, published_on=None,
                    served_on=None, service_method=None)
    e.extend(check_listing(case, draft, require_signature=False))
    small = settings.value(uow.settings, settings.SMALL_AMOUNT)
    items = {r.item for r in draft.restrictions if r.person is None}
    # R-L10: the listing creates its restriction, or confirms a signed order in
    # force (see sign_listing) -- unless none is available (R-L11, R-L13, R-L16).
    if not draft.restrictions and _restriction_needed(case, draft.respondent, draft.decided_on) \
            and _order_in_force(uow, case_id, draft.respondent, draft.decided_on) is None:
        _restriction_required(e, "restrictions", "listing")
    if needs_proportionality_reason(case, items, draft.decided_on, small_amount=small) \
            and not proportionality_reason.strip():
        _proportionality_error(e)
    if uow.listings.current(case_id, draft.respondent) is not None:
        e.add("respondent", "listing.duplicate", "this respondent already has a current listing",
              "该被执行人已有有效的失信记录")
    e.raise_if_any()
    stored = uow.listings.add(
        case_id=case_id, person_id=rec.respondent_person_ids[draft.respondent], listing=draft,
        reasons_zh=reasons_zh.strip()
        + (f"\n限制范围说明：{proportionality_reason.strip()}" if proportionality_reason.strip() else ""),
        reasons_en=reasons_en.strip(), prepared_by=actor.username)
    uow.audit.add(actor, "listing.prepare", "listing", stored.id, after=dump_listing(draft),
                  legal_ground=ART_DECISION, reason=reasons_zh)
    return stored


def prepare_listing(uow: UnitOfWork, actor: Actor, case_id: int, listing: Listing, *,
                    reasons_zh: str, reasons_en: str = "", proportionality_reason: str = "",
                    ) -> ListingRecord:
    """A judge prepares a listing decision (and its restriction items) for signature.

    A grace period (``listing.grace_until``) makes it a warning: decided but
    not published until the grace ends (2019 Opinion item 15).
    """
    with uow:
        rec = prepare_in(uow, actor, case_id, listing, reasons_zh=reasons_zh,
                         reasons_en=reasons_en, proportionality_reason=proportionality_reason)
        uow.commit()
        return rec


def sign_listing(uow: UnitOfWork, actor: Actor, listing_id: int, expected_version: int,
                 on: date) -> ListingRecord:
    """The president signs: the decision takes effect on ``on`` (2017 Art. 5 para. 3)."""
    require(actor, Permission.DECISION_SIGN)
    with uow:
        rec = uow.listings.get(listing_id)
        if rec.version != expected_version:
            raise ConflictError("the listing was changed by someone else since you opened it",
                                record=f"listing {listing_id}", entity=("listing", str(listing_id)))
        if rec.listing.status is not ListingStatus.DRAFT:
            raise _refuse("status", "listing.already_signed", "this decision is already signed",
                          "该决定书已签发")
        case = uow.cases.get(rec.case_id).case
        listing = replace(rec.listing, decided_on=on, signed_by=actor.display_name or actor.username,
                          status=ListingStatus.AWAITING_PUBLICATION,
                          restrictions=[replace(r, start=max(r.start, on))
                                        for r in rec.listing.restrictions])
        if listing.grace_until is not None:
            # The grace is granted as a length (2019 Opinion item 15: one to three
            # months, counted by R-L15); it runs from the day the decision takes effect.
            listing.grace_until = grace_on_signing(rec.listing.decided_on, listing.grace_until, on)
        errors = check_listing(case, listing)
        if errors:
            raise ValidationError(errors)
        listing, restriction = _create_or_confirm_restriction(uow, rec.case_id, case, listing, on)
        target = RespondentState.WARNED if listing.grace_until else \
            RespondentState.LISTED_AWAITING_PUBLICATION
        history.transition(uow, actor, case, rec.case_id, listing.respondent, target, on,
                           ART_DECISION,
                           Message("history.listing_signed_grace",
                                   {"grace_until": listing.grace_until.isoformat()})
                           if listing.grace_until else Message("history.listing_signed"))
        uow.audit.add(actor, "listing.sign", "listing", rec.id,
                      after=dump_listing(listing) | {"restriction": restriction},
                      legal_ground=f"{ART_DECISION}; 2015 Provisions Art. 1 para. 2")
        out = uow.listings.save(rec.id, listing, signed_by_user_id=actor.user_id)
        uow.commit()
        return out


def record_service(uow: UnitOfWork, actor: Actor, listing_id: int, served_on: date,
                   method: ServiceMethod) -> ListingRecord:
    """Record service of the signed decision (CPL methods of service)."""
    require(actor, Permission.LISTING_SERVE)
    with uow:
        rec = uow.listings.get(listing_id)
        lst = rec.listing
        e = ErrorCollector()
        if lst.status is ListingStatus.DRAFT:
            e.add("status", "listing.not_signed", "an unsigned decision cannot be served",
                  "未签发的决定书不能送达")
        elif lst.served_on is not None:
            e.add("served_on", "listing.already_served", "service is already recorded", "已记录送达")
        elif served_on < lst.decided_on:
            e.add("served_on", "listing.served_before_decision",
                  "a decision cannot be served before it was made", "送达日期不得早于决定日期")
        e.raise_if_any()
        uow.audit.add(actor, "listing.serve", "listing", rec.id,
                      after={"served_on": served_on.isoformat(), "method": method.value},
                      legal_ground=ART_DECISION)
        out = uow.listings.save(rec.id, replace(lst, served_on=served_on, service_method=method))
        uow.commit()
        return out


@dataclass(frozen=True)
class PublishResult:
    published: list[int]
    cancelled: list[int]
    waiting_for_service: list[int]


def publish_due(uow: UnitOfWork, actor: Actor, today: date) -> PublishResult:
    """The daily run's listing step (idempotent).

    Publishes signed, served listings whose grace (if any) has ended without
    performance; cancels those whose case was fully performed during grace
    (2019 Opinion item 15).  A signed but unserved listing is reported, never
    published (2019 Opinion item 14).
    """
    require(actor, Permission.LISTING_PUBLISH)
    published: list[int] = []
    cancelled: list[int] = []
    waiting: list[int] = []
    with uow:
        due = [rec for rec in uow.listings.awaiting_publication(grace_ended_before=today)
               if rec.listing.grace_until is None or today > rec.listing.grace_until]
        # The cases of the due listings, read in batches (not one whole case per change).
        cases = uow.cases.records(rec.case_id for rec in due)
        for rec in due:
            lst = rec.listing
            case = cases[rec.case_id].case
            if lst.grace_until is not None and case.fully_performed(lst.grace_until):
                done = replace(lst, status=ListingStatus.REMOVED, removed_on=today,
                               removal_kind=RemovalKind.CANCELLED,
                               removal_reason=RemovalReason.PERFORMED,
                               restrictions=[replace(r, status=RestrictionStatus.LIFTED, until=today)
                                             for r in lst.restrictions])
                # Found performed: the removal is due in 3 working days (R-R1).
                uow.listings.save(rec.id, done, removal_event_on=today)
                history.transition(uow, actor, case, rec.case_id, lst.respondent,
                                   RespondentState.REMOVED, today, ART_GRACE,
                                   Message("history.grace_performed"))
                uow.audit.add(actor, "listing.cancel", "listing", rec.id,
                              after={"status": ListingStatus.REMOVED.value,
                                     "removed_on": today.isoformat(),
                                     "removal_kind": RemovalKind.CANCELLED.value,
                                     "removal_reason": RemovalReason.PERFORMED.value},
                              legal_ground=ART_GRACE)
                cancelled.append(rec.id)
                continue
            if lst.served_on is None:
                waiting.append(rec.id)
                continue
            on = max(today, lst.served_on)
            live = replace(lst, status=ListingStatus.PUBLISHED, published_on=on)
            uow.listings.save(rec.id, live)
            history.transition(uow, actor, case, rec.case_id, lst.respondent,
                               RespondentState.LISTED_PUBLISHED, on, ART_PUBLISH,
                               Message("history.published_after_grace" if lst.grace_until
                                       else "history.published"))
            uow.audit.add(actor, "listing.publish", "listing", rec.id,
                          after={"published_on": on.isoformat()}, legal_ground=ART_PUBLISH)
            # R-L9: the SPC list, credit reporting, the Art. 8 bodies (and an
            # employer or superior body where Art. 8 paras. 3-4 apply).
            dispatch.queue_publication(uow, rec.case_id, rec.id, case, live, on)
            published.append(rec.id)
        uow.commit()
    return PublishResult(published, cancelled, waiting)


def listings_for_case(uow: UnitOfWork, actor: Actor, case_id: int) -> list[ListingRecord]:
    require(actor, Permission.CASE_VIEW)
    with uow:
        uow.cases.number(case_id)  # NotFound for an unknown case
        return uow.listings.for_case(case_id)


def respondent_state(uow: UnitOfWork, actor: Actor, case_id: int, respondent: int,
                     as_of: date | None = None) -> RespondentState:
    require(actor, Permission.CASE_VIEW)
    with uow:
        case = uow.cases.get(case_id).case
        return history.current_state(uow, case, case_id, respondent, as_of)


def respondent_events(uow: UnitOfWork, actor: Actor, case_id: int) -> list[RespondentEvent]:
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.events.for_case(case_id)


def signed_not_served(uow: UnitOfWork, actor: Actor) -> list[ListingRecord]:
    """The 2019 Opinion item 14 alert: decisions signed but not served."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.listings.signed_not_served()


def awaiting_signature(uow: UnitOfWork, actor: Actor) -> list[ListingRecord]:
    """Decisions prepared by judges and waiting for the president's signature."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.listings.awaiting_signature()


def set_setting(uow: UnitOfWork, actor: Actor, key: str, value: str) -> None:
    """Change one court setting, checked against its declaration (:mod:`courtapp.core.settings`)."""
    require(actor, Permission.SETTINGS_EDIT)
    declared = settings.SETTINGS.get(key)
    if declared is not None and not declared.valid(value):
        raise _refuse(key, declared.rule, declared.en, declared.zh)
    with uow:
        before = uow.settings.put(key, value)
        uow.audit.add(actor, "setting.change", "setting", key, before=before, after=value)
        uow.commit()


def default_grace_until(uow: UnitOfWork, decided_on: date) -> date:
    """The court's default grace period end for a decision on ``decided_on``."""
    with uow:
        months = settings.value(uow.settings, settings.GRACE_MONTHS)
    return add_months(decided_on, months)


def store_imported_many(uow: UnitOfWork, actor: Actor,
                        stored: Sequence[tuple[CaseRecord, EnforcementCase]], *,
                        checked: bool = False) -> dict[int, list[int]]:
    """Within the caller's transaction: store the migrated listings of newly
    imported cases in bulk; the ids of each case's listings, in order.

    ``check_listing`` runs on every one, unless ``checked`` says the interchange
    reader (:func:`~courtapp.core.interchange.parse_into`) has just run it on
    these very cases.  The caller records each
    listing's history and audit with :func:`record_imported_listing`.
    """
    errors = ErrorCollector()
    items: list[tuple[int, int, str, Listing]] = []
    for rec, case in stored:
        for k, listing in enumerate(case.listings):
            if not checked:
                errors.extend(check_listing(case, listing, f"listings[{k}]"))
            items.append((rec.id, rec.respondent_person_ids[listing.respondent],
                          case.respondents[listing.respondent].kind.value, listing))
    errors.raise_if_any()
    out: dict[int, list[int]] = {}
    for (case_id, _pid, _kind, _listing), lid in zip(
            items, uow.listings.add_many(items, prepared_by=actor.username), strict=True):
        out.setdefault(case_id, []).append(lid)
    return out


def record_imported_listing(uow: UnitOfWork, actor: Actor, events: history.NewCaseHistory,
                            case_id: int, case: EnforcementCase, listing: Listing,
                            listing_id: int) -> None:
    """The history a migrated listing implies, each step recorded as imported, and
    its audit record."""
    steps = [(RespondentState.WARNED if listing.grace_until else
              RespondentState.LISTED_AWAITING_PUBLICATION, listing.decided_on, ART_DECISION)]
    if listing.published_on:
        steps.append((RespondentState.LISTED_PUBLISHED, listing.published_on, ART_PUBLISH))
    if listing.status is ListingStatus.REMOVED and listing.removed_on:
        steps.append((RespondentState.REMOVED, listing.removed_on, "2017 Provisions Arts. 9-10"))
    for target, on, article in steps:
        events.transition(case, case_id, listing.respondent, target, on, article,
                          Message("history.imported"))
    events.audit.append(AuditItem("listing.import", "listing", listing_id,
                                  after=dump_listing(listing), legal_ground=ART_DECISION))


def attach_listings_many(uow: UnitOfWork, recs: Sequence[CaseRecord]) -> list[EnforcementCase]:
    """:func:`attach_listings_in` for many cases: one query for their listings and
    one calendar for every removal date."""
    by_case: dict[int, list[ListingRecord]] = {}
    for part in range(0, len(recs), 500):
        for r in uow.listings.for_cases([x.id for x in recs[part:part + 500]]):
            if r.listing.status is not ListingStatus.DRAFT:
                by_case.setdefault(r.case_id, []).append(r)
    every = [r for rs in by_case.values() for r in rs]
    starts = [d for r in every if (d := removal_trigger(r.listing, r.removal_event_on)) is not None]
    if starts:
        cal = uow.calendar.load(range(min(starts).year, max(starts).year + 2))
        for r in every:
            due = removal_due(cal, r.listing, r.removal_event_on)
            if due is not None:
                r.listing.removal_due, r.listing.removal_due_provisional = due.due, due.provisional
    out = []
    for rec in recs:
        # for_cases gives the newest first; a case's listings are in id order.
        rec.case.listings = [r.listing for r in sorted(by_case.get(rec.id, ()), key=lambda r: r.id)]
        out.append(rec.case)
    return out


def attach_listings_in(uow: UnitOfWork, case_id: int, case: EnforcementCase) -> EnforcementCase:
    """Within the caller's open unit of work: ``case`` with its stored listings (for
    export), each with the date its removal is (or was) due on the working-day
    calendar (R-R1, R-R2, R-D1)."""
    recs = [r for r in uow.listings.for_case(case_id) if r.listing.status is not ListingStatus.DRAFT]
    starts = [d for r in recs if (d := removal_trigger(r.listing, r.removal_event_on)) is not None]
    if starts:
        cal = uow.calendar.load(range(min(starts).year, max(starts).year + 2))
        for r in recs:
            due = removal_due(cal, r.listing, r.removal_event_on)
            if due is not None:
                r.listing.removal_due, r.listing.removal_due_provisional = due.due, due.provisional
    case.listings = [r.listing for r in recs]
    return case


def set_restriction_status(uow: UnitOfWork, actor: Actor, listing_id: int, position: int,
                           status: RestrictionStatus, on: date, reason: str) -> ListingRecord:
    """Change one restriction item: temporarily lifted, lifted, or imposed again.

    Each item has its own lifecycle (issue 3 §6).  Lifting while the listing
    is published is refused: a listed respondent must stay restricted
    (2015 Art. 1 para. 2); the whole listing is removed instead.
    """
    require(actor, Permission.LISTING_PREPARE)
    if not reason.strip():
        raise _refuse("reason", "required", "this field is required", "此项为必填项")
    with uow:
        rec = uow.listings.get(listing_id)
        items = list(rec.listing.restrictions)
        if not 0 <= position < len(items):
            raise NotFound(f"restriction {position} of listing {listing_id}")
        item = items[position]
        before = item.status
        allowed = {
            RestrictionStatus.IMPOSED: {RestrictionStatus.TEMPORARILY_LIFTED, RestrictionStatus.LIFTED},
            RestrictionStatus.TEMPORARILY_LIFTED: {RestrictionStatus.IMPOSED, RestrictionStatus.LIFTED},
            RestrictionStatus.LIFTED: set(),
        }[before]
        e = ErrorCollector()
        if status not in allowed:
            e.add("status", "restriction.transition",
                  f"a restriction item cannot go from {before.value} to {status.value}",
                  f"限制消费项目不能由{before.value}变更为{status.value}")
        remaining = [r for k, r in enumerate(items)
                     if k != position and r.status is not RestrictionStatus.LIFTED]
        if (status is RestrictionStatus.LIFTED
                and rec.listing.status is ListingStatus.PUBLISHED and not remaining):
            _restriction_required(e, "status", "published listing")
        e.raise_if_any()
        items[position] = replace(item, status=status,
                                  until=on if status is RestrictionStatus.LIFTED else item.until)
        uow.audit.add(actor, "restriction.status", "listing", rec.id,
                      before={"position": position, "status": before.value},
                      after={"position": position, "status": status.value, "on": on.isoformat()},
                      legal_ground="2015 Provisions Art. 9; 2019 Opinion item 17", reason=reason)
        out = uow.listings.save(rec.id, replace(rec.listing, restrictions=items))
        uow.commit()
        return out


# ------------------------------------------------- for the listing GUI
@dataclass(frozen=True)
class ListingOverview:
    """A listing with the respondent's name, as the Decisions page lists it."""

    record: ListingRecord
    respondent_name: str


def listings_page(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                  statuses: list[ListingStatus] | None = None, after: object | None = None,
                  limit: int = 200, sort: str = "newest",
                  descending: bool = True) -> Page[ListingOverview]:
    """One page of listings of one case, or of every case, newest first or by
    ``sort`` (a key of ``LISTING_SORT``), ordered by the database."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        page = uow.listings.page(case_id=case_id, statuses=statuses or (), after=after, limit=limit,
                                 sort=sort, descending=descending)
    return Page([ListingOverview(r, name) for r, name in page.rows], page.has_more, page.next_after)


def count_listings(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                   statuses: list[ListingStatus] | None = None) -> int:
    """How many listings :func:`listings_page` lists with these filters (every page)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.listings.count(case_id=case_id, statuses=statuses or ())


def listing_overviews(uow: UnitOfWork, actor: Actor,
                      listing_ids: Sequence[int]) -> dict[int, ListingOverview]:
    """These listings by id, with the respondent's name (ids that do not exist are
    left out): what one page of another list needs of its listings, in one query
    (not every listing of the court)."""
    require(actor, Permission.CASE_VIEW)
    if not listing_ids:
        return {}
    with uow:
        return {r.id: ListingOverview(r, name) for r, name in uow.listings.overviews(listing_ids)}


def list_listings(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                  statuses: list[ListingStatus] | None = None, sort: str = "newest",
                  descending: bool = True) -> list[ListingOverview]:
    """Every listing that matches, newest first or by ``sort``, read page after
    page in one snapshot (see :func:`listings_page`): no silent cap."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return [ListingOverview(r, name) for r, name in paging.every(
            lambda after: uow.listings.page(case_id=case_id, statuses=statuses or (),
                                            after=after, limit=paging.PAGE_SIZE, sort=sort,
                                            descending=descending))]


@dataclass(frozen=True)
class ListingSettings:
    """The court settings the listing worksheet needs."""

    default_grace_months: int
    small_amount: int


def listing_settings(uow: UnitOfWork) -> ListingSettings:
    """The default grace period (months) and the small-amount threshold (yuan)."""
    with uow:
        return ListingSettings(settings.value(uow.settings, settings.GRACE_MONTHS),
                               settings.value(uow.settings, settings.SMALL_AMOUNT))


__all__ = [
    "ListingOverview", "ListingRecord", "ListingSettings", "PublishResult", "assess",
    "attach_listings_in", "awaiting_signature", "count_listings", "default_grace_until",
    "listing_overviews", "listing_settings", "list_listings", "listings_for_case", "listings_page", "prepare_in",
    "prepare_listing", "publish_due", "record_service", "respondent_events", "respondent_state",
    "set_restriction_status", "set_setting", "sign_listing", "signed_not_served",
    "attach_listings_many",
    "record_imported_listing",
    "store_imported_many",
]
