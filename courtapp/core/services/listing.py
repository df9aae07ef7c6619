"""Use cases for listing: prepare, sign, serve, publish, cancel; restriction items.

- Judges prepare decisions (``LISTING_PREPARE``); only a president signs them
  (``DECISION_SIGN``, 院长签发, 2017 Art. 5 para. 3; 2015 Art. 5).
- Every status change of a respondent is a :class:`RespondentEventRow` with
  who, when, the article and the reason, plus an audit record (R-R6).
- :func:`check_listing` is applied on every path (here, and on import), so a
  minor or a respondent without a served notice can never be listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from courtapp.core.db.orm import (
    CasePartyRow,
    CaseRow,
    ListingRow,
    RespondentEventRow,
    RestrictionRow,
    SettingRow,
)
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.assessment import Assessment, assess_respondent
from courtapp.core.domain.errors import ConflictError, ErrorCollector, NotFound, ValidationError
from courtapp.core.domain.listing import (
    DEFAULT_SMALL_AMOUNT,
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RespondentState,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
    TransitionRefused,
    add_months,
    check_listing,
    check_transition,
    grace_months,
    months_between,
    needs_proportionality_reason,
)
from courtapp.core.domain.model import EnforcementCase, ServiceMethod
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import audit
from courtapp.core.services.cases import _load_query, row_to_case

ART_DECISION = "2017 Provisions Art. 5 para. 3"
ART_GRACE = "2019 Opinion (法发〔2019〕35号) item 15"
ART_PUBLISH = "2017 Provisions Art. 7"
ART_RESTRICT = "2015 Provisions Arts. 1, 3, 5"
ART_NOTICE = "2017 Provisions Art. 5 para. 1; CPL 2023 Art. 251"

SETTING_GRACE_MONTHS = "listing.default_grace_months"
SETTING_SMALL_AMOUNT = "restriction.small_amount_yuan"
CURRENT = (ListingStatus.DRAFT.value, ListingStatus.AWAITING_PUBLICATION.value,
           ListingStatus.PUBLISHED.value)


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


# ------------------------------------------------------------------ helpers
def _to_listing(r: ListingRow) -> Listing:
    return Listing(
        respondent=r.respondent, grounds=[int(g) for g in r.grounds.split(",") if g],
        decided_on=r.decided_on, signed_by=r.signed_by, reasons=r.reasons_zh,
        served_on=r.served_on,
        service_method=ServiceMethod(r.service_method) if r.service_method else None,
        grace_until=r.grace_until, published_on=r.published_on, term_years=r.term_years,
        extension_years=r.extension_years, status=ListingStatus(r.status),
        removed_on=r.removed_on,
        removal_kind=RemovalKind(r.removal_kind) if r.removal_kind else None,
        restrictions=[Restriction(RestrictionItem(x.item), x.person, x.start, x.until,
                                  RestrictionStatus(x.status), x.reason) for x in r.restrictions],
        removal_reason=RemovalReason(r.removal_reason) if r.removal_reason else None)


def _record(r: ListingRow, case_number: str) -> ListingRecord:
    return ListingRecord(r.id, r.case_id, case_number, r.version, _to_listing(r), r.prepared_by,
                         r.reasons_zh, r.reasons_en)


def _commit_record(uow: UnitOfWork, row: ListingRow) -> ListingRecord:
    """Flush, take the record (with its case number) and commit."""
    s = uow.session
    case_number = s.scalar(select(CaseRow.case_number).where(CaseRow.id == row.case_id)) or ""
    s.flush()
    rec = _record(row, case_number)
    uow.commit()
    return rec


def _load_case(s: Session, case_id: int) -> tuple[CaseRow, EnforcementCase]:
    row = s.scalar(_load_query().where(CaseRow.id == case_id))  # type: ignore[attr-defined]
    if row is None:
        raise NotFound(f"case id {case_id}")
    return row, row_to_case(row)


def _load_listing(s: Session, listing_id: int) -> ListingRow:
    row = s.scalar(select(ListingRow).options(selectinload(ListingRow.restrictions))
                   .where(ListingRow.id == listing_id))
    if row is None:
        raise NotFound(f"listing id {listing_id}")
    return row


def setting(s: Session, key: str, default: str) -> str:
    row = s.get(SettingRow, key)
    return row.value if row else default


def current_state(s: Session, case: EnforcementCase, case_id: int, respondent: int,
                  as_of: date | None = None) -> RespondentState:
    """The respondent's status: the last recorded transition, else derived from the notice."""
    last = s.scalar(select(RespondentEventRow.to_state)
                    .where(RespondentEventRow.case_id == case_id,
                           RespondentEventRow.respondent == respondent)
                    .order_by(RespondentEventRow.id.desc()).limit(1))
    if last:
        return RespondentState(last)
    n = case.execution_notice
    if n is not None and n.served_on is not None and (as_of is None or n.served_on <= as_of):
        return RespondentState.NOTICE_SERVED
    return RespondentState.RECORDED


def _transition(uow: UnitOfWork, actor: Actor, case: EnforcementCase, case_id: int,
                respondent: int, target: RespondentState, on: date, article: str,
                reason: str) -> None:
    s = uow.session
    cur = current_state(s, case, case_id, respondent, on)
    try:
        check_transition(cur, target)
    except TransitionRefused as e:
        err = ErrorCollector()
        err.add("status", "status.transition", f"{e}", f"不允许的状态变更：{cur.value} → {target.value}")
        err.raise_if_any()
    s.add(RespondentEventRow(case_id=case_id, respondent=respondent, from_state=cur.value,
                             to_state=target.value, at=datetime.now(UTC), effective_on=on,
                             username=actor.username, article=article, reason=reason))
    audit.record(uow, actor, "respondent.transition", "case", f"{case.case_number}#{respondent}",
                 before={"state": cur.value}, after={"state": target.value, "on": on.isoformat()},
                 legal_ground=article, reason=reason)


def _restriction_rows(listing: Listing, case_id: int) -> list[RestrictionRow]:
    return [RestrictionRow(case_id=case_id, respondent=listing.respondent, position=j,
                           person=r.person, item=int(r.item), start=r.start, until=r.until,
                           status=r.status.value, reason=r.reason)
            for j, r in enumerate(listing.restrictions)]


def _listing_json(listing: Listing) -> dict[str, object]:
    from courtapp.core.interchange import dump_listing

    return dump_listing(listing)


# ---------------------------------------------------------------- use cases
def assess(uow: UnitOfWork, actor: Actor, case_id: int, as_of: date) -> list[Assessment]:
    """Assess every respondent, taking any grace period of a current listing into account."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        _, case = _load_case(uow.session, case_id)
        grace = {r.respondent: r.grace_until for r in uow.session.scalars(
            select(ListingRow).where(ListingRow.case_id == case_id,
                                     ListingRow.status.in_(CURRENT),
                                     ListingRow.grace_until.is_not(None)))}
        return [assess_respondent(case, i, as_of, grace_until=grace.get(i))
                for i in range(len(case.respondents))]


def prepare_listing(uow: UnitOfWork, actor: Actor, case_id: int, listing: Listing, *,
                    reasons_zh: str, reasons_en: str = "", proportionality_reason: str = "",
                    ) -> ListingRecord:
    """A judge prepares a listing decision (and its restriction items) for signature.

    A grace period (``listing.grace_until``) makes it a warning: decided but
    not published until the grace ends (2019 Opinion item 15).
    """
    require(actor, Permission.LISTING_PREPARE)
    e = ErrorCollector()
    if not reasons_zh.strip():
        e.add("reasons", "listing.reasons_required",
              "a listing decision states its reasons (Art. 5 para. 3)",
              "决定书应写明纳入失信名单的理由（第五条第三款）")
    with uow:
        s = uow.session
        case_row, case = _load_case(s, case_id)
        draft = Listing(**{**listing.__dict__, "status": ListingStatus.DRAFT, "signed_by": None,
                           "published_on": None, "served_on": None, "service_method": None})
        e.extend(check_listing(case, draft, require_signature=False))
        small = int(setting(s, SETTING_SMALL_AMOUNT, str(DEFAULT_SMALL_AMOUNT)))
        items = {r.item for r in draft.restrictions if r.person is None}
        if not draft.restrictions:
            e.add("restrictions", "listing.restriction_required",
                  "a listing must carry a consumption restriction (2015 Provisions Art. 1 para. 2)",
                  "纳入失信名单的，应当采取限制消费措施（2015年规定第一条第二款）")
        if needs_proportionality_reason(case, items, draft.decided_on, small_amount=small) \
                and not proportionality_reason.strip():
            e.add("proportionality_reason", "restriction.proportionality",
                  "all nine items on a non-monetary obligation or a small amount need a written reason",
                  "对非金钱义务或小额债务适用全部九项限制，应书面说明理由")
        if s.scalar(select(ListingRow.id).where(
                ListingRow.case_id == case_id, ListingRow.respondent == draft.respondent,
                ListingRow.status.in_(CURRENT))):
            e.add("respondent", "listing.duplicate", "this respondent already has a current listing",
                  "该被执行人已有有效的失信记录")
        e.raise_if_any()
        person_id = next(cp.person_id for cp in case_row.parties if cp.side == "respondent"
                         and cp.position == _respondent_position(case_row, draft.respondent))
        row = ListingRow(
            case_id=case_id, respondent=draft.respondent, person_id=person_id,
            grounds=",".join(str(g) for g in sorted(set(draft.grounds))),
            status=ListingStatus.DRAFT.value, decided_on=draft.decided_on,
            reasons_zh=reasons_zh.strip()
            + (f"\n限制范围说明：{proportionality_reason.strip()}" if proportionality_reason.strip() else ""),
            reasons_en=reasons_en.strip(), prepared_by=actor.username,
            grace_until=draft.grace_until, term_years=draft.term_years,
            extension_years=draft.extension_years, created_at=datetime.now(UTC))
        row.restrictions = _restriction_rows(draft, case_id)
        s.add(row)
        s.flush()
        audit.record(uow, actor, "listing.prepare", "listing", row.id, after=_listing_json(draft),
                     legal_ground=ART_DECISION, reason=reasons_zh)
        rec = _record(row, case.case_number)
        uow.commit()
        return rec


def _respondent_position(case_row: CaseRow, respondent: int) -> int:
    positions = [cp.position for cp in case_row.parties if cp.side == "respondent"]
    return positions[respondent]


def sign_listing(uow: UnitOfWork, actor: Actor, listing_id: int, expected_version: int,
                 on: date) -> ListingRecord:
    """The president signs: the decision takes effect on ``on`` (2017 Art. 5 para. 3)."""
    require(actor, Permission.DECISION_SIGN)
    with uow:
        s = uow.session
        row = _load_listing(s, listing_id)
        if row.version != expected_version:
            raise ConflictError("the listing was changed by someone else since you opened it")
        if row.status != ListingStatus.DRAFT.value:
            err = ErrorCollector()
            err.add("status", "listing.already_signed", "this decision is already signed",
                    "该决定书已签发")
            err.raise_if_any()
        _, case = _load_case(s, row.case_id)
        listing = _to_listing(row)
        listing.decided_on = on
        listing.signed_by = actor.display_name or actor.username
        listing.status = ListingStatus.AWAITING_PUBLICATION
        if listing.grace_until is not None:
            # The grace is granted as a length (2019 Opinion item 15: one to three
            # months); it runs from the day the decision takes effect.
            listing.grace_until = add_months(on, grace_months(row.decided_on, listing.grace_until))
        errors = check_listing(case, listing)
        if errors:
            raise ValidationError(errors)
        row.decided_on = on
        row.signed_by = listing.signed_by
        row.signed_by_user_id = actor.user_id
        row.signed_at = datetime.now(UTC)
        row.status = ListingStatus.AWAITING_PUBLICATION.value
        row.grace_until = listing.grace_until
        for r in row.restrictions:
            r.start = max(r.start, on)
        target = RespondentState.WARNED if listing.grace_until else RespondentState.LISTED_AWAITING_PUBLICATION
        _transition(uow, actor, case, row.case_id, row.respondent, target, on, ART_DECISION,
                    "listing decision signed" + (f"; grace until {listing.grace_until}" if listing.grace_until else ""))
        audit.record(uow, actor, "listing.sign", "listing", row.id, after=_listing_json(listing),
                     legal_ground=ART_DECISION)
        s.flush()
        rec = _record(row, case.case_number)
        uow.commit()
        return rec


def record_service(uow: UnitOfWork, actor: Actor, listing_id: int, served_on: date,
                   method: ServiceMethod) -> ListingRecord:
    """Record service of the signed decision (CPL methods of service)."""
    require(actor, Permission.LISTING_SERVE)
    with uow:
        s = uow.session
        row = _load_listing(s, listing_id)
        e = ErrorCollector()
        if row.status == ListingStatus.DRAFT.value:
            e.add("status", "listing.not_signed", "an unsigned decision cannot be served",
                  "未签发的决定书不能送达")
        elif row.served_on is not None:
            e.add("served_on", "listing.already_served", "service is already recorded", "已记录送达")
        elif served_on < row.decided_on:
            e.add("served_on", "listing.served_before_decision",
                  "a decision cannot be served before it was made", "送达日期不得早于决定日期")
        e.raise_if_any()
        row.served_on, row.service_method = served_on, method.value
        audit.record(uow, actor, "listing.serve", "listing", row.id,
                     after={"served_on": served_on.isoformat(), "method": method.value},
                     legal_ground=ART_DECISION)
        return _commit_record(uow, row)


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
        s = uow.session
        rows = list(s.scalars(select(ListingRow).options(selectinload(ListingRow.restrictions))
                              .where(ListingRow.status == ListingStatus.AWAITING_PUBLICATION.value)))
        for row in rows:
            if row.grace_until is not None and today <= row.grace_until:
                continue
            _, case = _load_case(s, row.case_id)
            if row.grace_until is not None and case.fully_performed(row.grace_until):
                row.status = ListingStatus.REMOVED.value
                row.removed_on = today
                row.removal_kind = RemovalKind.CANCELLED.value
                row.removal_reason = RemovalReason.PERFORMED.value
                row.removal_event_on = today  # found performed: due in 3 working days (R-R1)
                for r in row.restrictions:
                    r.status = RestrictionStatus.LIFTED.value
                    r.until = today
                _transition(uow, actor, case, row.case_id, row.respondent, RespondentState.REMOVED,
                            today, ART_GRACE, "fully performed during the grace period")
                cancelled.append(row.id)
                continue
            if row.served_on is None:
                waiting.append(row.id)
                continue
            row.status = ListingStatus.PUBLISHED.value
            row.published_on = max(today, row.served_on)
            _transition(uow, actor, case, row.case_id, row.respondent,
                        RespondentState.LISTED_PUBLISHED, row.published_on, ART_PUBLISH,
                        "grace period ended without performance" if row.grace_until else
                        "signed and served")
            audit.record(uow, actor, "listing.publish", "listing", row.id,
                         after={"published_on": row.published_on.isoformat()},
                         legal_ground=ART_PUBLISH)
            # R-L9: the SPC list, credit reporting, the Art. 8 bodies (and an
            # employer or superior body where Art. 8 paras. 3-4 apply).
            from courtapp.core.services.dispatch import queue_publication

            queue_publication(uow, row.case_id, row.id, case, _to_listing(row), row.published_on)
            published.append(row.id)
        uow.commit()
    return PublishResult(published, cancelled, waiting)


def listings_for_case(uow: UnitOfWork, actor: Actor, case_id: int) -> list[ListingRecord]:
    require(actor, Permission.CASE_VIEW)
    with uow:
        number = uow.session.scalar(select(CaseRow.case_number).where(CaseRow.id == case_id))
        if number is None:
            raise NotFound(f"case id {case_id}")
        return [_record(r, number) for r in uow.session.scalars(
            select(ListingRow).options(selectinload(ListingRow.restrictions))
            .where(ListingRow.case_id == case_id).order_by(ListingRow.id))]


def respondent_state(uow: UnitOfWork, actor: Actor, case_id: int, respondent: int,
                     as_of: date | None = None) -> RespondentState:
    require(actor, Permission.CASE_VIEW)
    with uow:
        _, case = _load_case(uow.session, case_id)
        return current_state(uow.session, case, case_id, respondent, as_of)


def respondent_events(uow: UnitOfWork, actor: Actor, case_id: int) -> list[RespondentEventRow]:
    require(actor, Permission.CASE_VIEW)
    with uow:
        rows = list(uow.session.scalars(select(RespondentEventRow)
                                        .where(RespondentEventRow.case_id == case_id)
                                        .order_by(RespondentEventRow.id)))
        for r in rows:
            uow.session.expunge(r)
        return rows


def _records_where(uow: UnitOfWork, *conditions: Any) -> list[ListingRecord]:
    """Listings of every case matching ``conditions``, oldest first, with their case numbers."""
    with uow:
        rows = uow.session.execute(
            select(ListingRow, CaseRow.case_number).join(CaseRow, CaseRow.id == ListingRow.case_id)
            .options(selectinload(ListingRow.restrictions))
            .where(*conditions).order_by(ListingRow.id))
        return [_record(r, n) for r, n in rows]


def signed_not_served(uow: UnitOfWork, actor: Actor) -> list[ListingRecord]:
    """The 2019 Opinion item 14 alert: decisions signed but not served."""
    require(actor, Permission.CASE_VIEW)
    return _records_where(uow, ListingRow.status == ListingStatus.AWAITING_PUBLICATION.value,
                          ListingRow.served_on.is_(None))


def set_setting(uow: UnitOfWork, actor: Actor, key: str, value: str) -> None:
    require(actor, Permission.SETTINGS_EDIT)
    e = ErrorCollector()
    if key == SETTING_GRACE_MONTHS and value not in ("1", "2", "3"):
        e.add(key, "listing.grace_range", "a grace period is 1 to 3 months (2019 Opinion item 15)",
              "宽限期应为一至三个月（2019年意见第15条）")
    if key == SETTING_SMALL_AMOUNT and not value.isdigit():
        e.add(key, "amount.format", "an amount must be a whole number of yuan", "金额应为整数元")
    e.raise_if_any()
    with uow:
        row = uow.session.get(SettingRow, key)
        before = row.value if row else None
        if row is None:
            uow.session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
        audit.record(uow, actor, "setting.change", "setting", key, before=before, after=value)
        uow.commit()


def default_grace_until(uow: UnitOfWork, decided_on: date) -> date:
    """The court's default grace period end for a decision on ``decided_on``."""
    with uow:
        months = int(setting(uow.session, SETTING_GRACE_MONTHS, "2"))
    return add_months(decided_on, months)


__all__ = [
    "CasePartyRow", "ListingRecord", "PublishResult", "assess", "default_grace_until",
    "listings_for_case", "months_between", "prepare_listing", "publish_due", "record_service",
    "respondent_events", "respondent_state", "set_setting", "sign_listing", "signed_not_served",
]


def store_imported_listings(uow: UnitOfWork, actor: Actor, case_row: CaseRow,
                            case: EnforcementCase) -> None:
    """Store the migrated listings of a newly imported case, with their status history.

    ``check_listing`` has already passed on every one (interchange.parse_cases);
    it runs again here so that no caller can skip it.
    """
    s = uow.session
    errors = ErrorCollector()
    for k, listing in enumerate(case.listings):
        errors.extend(check_listing(case, listing, f"listings[{k}]"))
    errors.raise_if_any()
    for listing in case.listings:
        pos = _respondent_position(case_row, listing.respondent)
        person_id = next(cp.person.id for cp in case_row.parties
                         if cp.side == "respondent" and cp.position == pos)
        row = ListingRow(
            case_id=case_row.id, respondent=listing.respondent, person_id=person_id,
            grounds=",".join(str(g) for g in sorted(set(listing.grounds))),
            status=listing.status.value, decided_on=listing.decided_on,
            reasons_zh=listing.reasons, reasons_en="", prepared_by=actor.username,
            signed_by=listing.signed_by, served_on=listing.served_on,
            service_method=listing.service_method.value if listing.service_method else None,
            grace_until=listing.grace_until, published_on=listing.published_on,
            term_years=listing.term_years, extension_years=listing.extension_years,
            removed_on=listing.removed_on,
            removal_kind=listing.removal_kind.value if listing.removal_kind else None,
            removal_reason=listing.removal_reason.value if listing.removal_reason else None,
            created_at=datetime.now(UTC))
        row.restrictions = _restriction_rows(listing, case_row.id)
        s.add(row)
        # The history the listing implies, each step recorded as imported.
        steps = [(RespondentState.WARNED if listing.grace_until else
                  RespondentState.LISTED_AWAITING_PUBLICATION, listing.decided_on, ART_DECISION)]
        if listing.published_on:
            steps.append((RespondentState.LISTED_PUBLISHED, listing.published_on, ART_PUBLISH))
        if listing.status is ListingStatus.REMOVED and listing.removed_on:
            steps.append((RespondentState.REMOVED, listing.removed_on, "2017 Provisions Arts. 9-10"))
        for target, on, article in steps:
            _transition(uow, actor, case, case_row.id, listing.respondent, target, on, article,
                        "imported from the court's previous system")
        s.flush()
        audit.record(uow, actor, "listing.import", "listing", row.id,
                     after=_listing_json(listing), legal_ground=ART_DECISION)


def attach_listings(uow: UnitOfWork, case_id: int, case: EnforcementCase) -> EnforcementCase:
    """``case`` with its stored listings (for export), each with the date its
    removal is (or was) due on the working-day calendar (R-R1, R-R2, R-D1)."""
    from courtapp.core.services.calendar import load_in
    from courtapp.core.services.removal import removal_due, removal_trigger

    with uow:
        rows = [r for r in uow.session.scalars(
            select(ListingRow).options(selectinload(ListingRow.restrictions))
            .where(ListingRow.case_id == case_id).order_by(ListingRow.id))
            if r.status != ListingStatus.DRAFT.value]
        listings = [(_to_listing(r), r.removal_event_on) for r in rows]
        starts = [d for x, ev in listings if (d := removal_trigger(x, ev)) is not None]
        if starts:
            cal = load_in(uow.session, range(min(starts).year, max(starts).year + 2))
            for listing, event_on in listings:
                due = removal_due(cal, listing, event_on)
                if due is not None:
                    listing.removal_due, listing.removal_due_provisional = due.due, due.provisional
        case.listings = [x for x, _ in listings]
    return case


def awaiting_signature(uow: UnitOfWork, actor: Actor) -> list[ListingRecord]:
    """Decisions prepared by judges and waiting for the president's signature."""
    require(actor, Permission.CASE_VIEW)
    return _records_where(uow, ListingRow.status == ListingStatus.DRAFT.value)


def set_restriction_status(uow: UnitOfWork, actor: Actor, listing_id: int, position: int,
                           status: RestrictionStatus, on: date, reason: str) -> ListingRecord:
    """Change one restriction item: temporarily lifted, lifted, or imposed again.

    Each item has its own lifecycle (issue 3 §6).  Lifting while the listing
    is published is refused: a listed respondent must stay restricted
    (2015 Art. 1 para. 2); the whole listing is removed instead.
    """
    require(actor, Permission.LISTING_PREPARE)
    e = ErrorCollector()
    if not reason.strip():
        e.add("reason", "required", "this field is required", "此项为必填项")
    e.raise_if_any()
    with uow:
        s = uow.session
        row = _load_listing(s, listing_id)
        item = next((r for r in row.restrictions if r.position == position), None)
        if item is None:
            raise NotFound(f"restriction {position} of listing {listing_id}")
        before = item.status
        allowed = {
            RestrictionStatus.IMPOSED.value: {RestrictionStatus.TEMPORARILY_LIFTED.value,
                                              RestrictionStatus.LIFTED.value},
            RestrictionStatus.TEMPORARILY_LIFTED.value: {RestrictionStatus.IMPOSED.value,
                                                         RestrictionStatus.LIFTED.value},
            RestrictionStatus.LIFTED.value: set(),
        }[before]
        if status.value not in allowed:
            e.add("status", "restriction.transition",
                  f"a restriction item cannot go from {before} to {status.value}",
                  f"限制消费项目不能由{before}变更为{status.value}")
        remaining = [r for r in row.restrictions if r is not item
                     and r.status != RestrictionStatus.LIFTED.value]
        if (status is RestrictionStatus.LIFTED and row.status == ListingStatus.PUBLISHED.value
                and not remaining):
            e.add("status", "listing.restriction_required",
                  "a published listing must carry a consumption restriction (2015 Provisions Art. 1 para. 2)",
                  "纳入失信名单的，应当采取限制消费措施（2015年规定第一条第二款）")
        e.raise_if_any()
        item.status = status.value
        if status is RestrictionStatus.LIFTED:
            item.until = on
        audit.record(uow, actor, "restriction.status", "listing", row.id,
                     before={"position": position, "status": before},
                     after={"position": position, "status": status.value, "on": on.isoformat()},
                     legal_ground="2015 Provisions Art. 9; 2019 Opinion item 17", reason=reason)
        return _commit_record(uow, row)


# ------------------------------------------------- for the listing GUI (additive)
@dataclass(frozen=True)
class ListingOverview:
    """A listing with the respondent's name, as the Decisions page lists it."""

    record: ListingRecord
    respondent_name: str


def list_listings(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                  statuses: list[ListingStatus] | None = None,
                  limit: int = 1000) -> list[ListingOverview]:
    """Listings of one case, or of every case, newest first (at most ``limit``)."""
    from courtapp.core.db.orm import PersonRow

    require(actor, Permission.CASE_VIEW)
    with uow:
        q = (select(ListingRow, CaseRow.case_number, PersonRow.name)
             .join(CaseRow, CaseRow.id == ListingRow.case_id)
             .join(PersonRow, PersonRow.id == ListingRow.person_id)
             .options(selectinload(ListingRow.restrictions))
             .order_by(ListingRow.id.desc()).limit(limit))
        if case_id is not None:
            q = q.where(ListingRow.case_id == case_id)
        if statuses:
            q = q.where(ListingRow.status.in_([s.value for s in statuses]))
        return [ListingOverview(_record(r, number), name)
                for r, number, name in uow.session.execute(q)]


@dataclass(frozen=True)
class ListingSettings:
    """The court settings the listing worksheet needs."""

    default_grace_months: int
    small_amount: int


def listing_settings(uow: UnitOfWork) -> ListingSettings:
    """The default grace period (months) and the small-amount threshold (yuan)."""
    with uow:
        s = uow.session
        return ListingSettings(
            int(setting(s, SETTING_GRACE_MONTHS, "2")),
            int(setting(s, SETTING_SMALL_AMOUNT, str(DEFAULT_SMALL_AMOUNT))))


def record_notice_service(uow: UnitOfWork, actor: Actor, case_id: int,
                          case: EnforcementCase) -> None:
    """Within the caller's transaction: once the execution notice is served, each
    respondent's recorded → notice_served transition is written (issue 3 §7).

    Called by the case service whenever a case is stored; idempotent.
    """
    n = case.execution_notice
    if n is None or n.served_on is None:
        return
    s = uow.session
    for i in range(len(case.respondents)):
        seen = s.scalar(select(RespondentEventRow.id).where(
            RespondentEventRow.case_id == case_id, RespondentEventRow.respondent == i).limit(1))
        if seen is not None:
            continue
        s.add(RespondentEventRow(
            case_id=case_id, respondent=i, from_state=RespondentState.RECORDED.value,
            to_state=RespondentState.NOTICE_SERVED.value, at=datetime.now(UTC),
            effective_on=n.served_on, username=actor.username, article=ART_NOTICE,
            reason=f"execution notice served ({n.service_method.value if n.service_method else ''})"))
