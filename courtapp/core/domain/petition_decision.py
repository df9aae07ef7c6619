"""The judge's decision on a petition, as pure functions (issue 5 §2).

- :func:`must_grant`: verified facts that oblige the court ("应当", "应予准许")
  make a rejection impossible (R-R1, R-R2, R-R5, R-C5, R-C6, R-C9).
- :func:`removal_plan`: how a granted removal is carried out — its kind,
  reason, article and the day its ground was established — or why it cannot be
  (R-R1, R-R2, Art. 2 para. 2).
- :func:`correction_plan`: revoke, delete or correct (R-R4, R-R5).
- :func:`lifting_plan`, :func:`permission_plan`, :func:`release_plan`: which
  restriction items change, and the checks of 2015 Art. 9 (R-C9), 2019 Opinion
  item 17 (R-C5, R-C6, R-C7) and 2015 Art. 8 (R-C8).

The service loads the records, calls these, and saves what they return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_DOWN, Decimal

from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
)
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase, OfficerRole
from courtapp.core.domain.money import format_amount
from courtapp.core.domain.petition import (
    KINDS,
    REMOVAL_KINDS,
    TRAVEL_ITEMS,
    CorrectionGround,
    Decision,
    LiftingGround,
    PetitionDetails,
    PetitionKind,
    check_period,
    check_searches,
)
from courtapp.core.domain.petition_intake import ART_R_C6, in_force
from courtapp.core.domain.publication import SPC_LIST, Recipient, carriers, listing_bodies
from courtapp.core.domain.removal import ART_CORRECTED, ART_EARLY, ART_EXPIRED, ART_ITEM, ART_REVOKE
from courtapp.core.domain.restriction_order import (
    Factor,
    Initiation,
    RestrictionOrder,
    check_order,
)

CURRENT = (ListingStatus.AWAITING_PUBLICATION, ListingStatus.PUBLISHED)


def granted_why(number: str, reasons: str) -> Message:
    """The history reason of a granted petition: its number and the judge's reasons."""
    return Message("history.petition_granted", {"petition": number, "reasons": reasons.strip()})


def not_performed(case: EnforcementCase, on: date) -> tuple[str, str]:
    """Why the case is not fully performed on ``on`` (English, Chinese)."""
    out = case.outstanding(on)
    acts = [case.obligations[i].description for i in case.unperformed_acts(on)]
    en = f"the case records CNY {format_amount(out)} outstanding" + (
        f" and {len(acts)} act(s) not performed ({'; '.join(acts)})" if acts else "") + \
        f" on {on.isoformat()}: record the payments on the case first"
    zh = f"截至{on.isoformat()}，本案尚有人民币{format_amount(out)}元未履行" + (
        f"，另有{len(acts)}项行为义务未履行（{'；'.join(acts)}）" if acts else "") + "，请先在案件中登记履行情况"
    return en, zh


def must_grant(kind: PetitionKind, d: PetitionDetails, dec: Decision, case: EnforcementCase,
               listing: Listing | None, *, para1_fixed: bool) -> tuple[str, str] | None:
    """Why the court must grant (verified facts it may not reject), or None.

    ``listing``: the listing a removal concerns; ``para1_fixed``: the court's
    reading of Art. 10 para. 2 (do the para. 1 grounds reach a fixed-term listing?)."""
    on = dec.on
    if kind in REMOVAL_KINDS:
        assert listing is not None
        end = listing.term_end()
        para1 = listing.term_years is None or para1_fixed
        if kind is PetitionKind.REMOVAL_TERM_EXPIRED and end is not None and on > end:
            return ("the term ended on " + end.isoformat() + ": the entry shall be deleted (Art. 10 para. 2)",
                    f"纳入期限已于{end.isoformat()}届满，应当删除（第十条第二款）")
        if kind is PetitionKind.REMOVAL_PERFORMED and para1 and case.fully_performed(on):
            return ("the case records full performance: the entry shall be deleted (Art. 10 para. 1 item 1)",
                    "本案已履行完毕，应当删除失信信息（第十条第一款第（一）项）")
        if kind is PetitionKind.REMOVAL_SETTLEMENT and para1 and dec.facts_verified:
            return ("the settlement is verified as fully performed: the entry shall be deleted "
                    "(Art. 10 para. 1 item 2)", "执行和解协议经审查已履行完毕，应当删除（第十条第一款第（二）项）")
        if kind is PetitionKind.REMOVAL_NO_PROPERTY and para1 and not check_searches(d):
            return ("two searches after termination found nothing and there is no asset lead: the "
                    "entry shall be deleted (Art. 10 para. 1 item 4)",
                    "终结本次执行程序后两次以上查询未发现财产且无财产线索，应当删除（第十条第一款第（四）项）")
        return None
    if kind is PetitionKind.LIFTING and d.lifting_ground is LiftingGround.FULLY_PERFORMED \
            and case.fully_performed(on):
        return ("the debtor has fully performed: the restriction shall be lifted (2015 Provisions Art. 9)",
                "被执行人已履行完毕，应当解除限制消费令（2015年规定第九条）")
    if KINDS[kind].mandatory_if_verified and dec.facts_verified:
        return (f"the facts are verified: a {KINDS[kind].label_en} shall be granted ({KINDS[kind].article})",
                f"经审查属实，{KINDS[kind].label_zh}应予准许（{KINDS[kind].article}）")
    return None


def check_current(listing: Listing, e: ErrorCollector, *, with_kind: bool = True) -> bool:
    """A petition on a listing needs it current (signed, not removed)."""
    if listing.status in CURRENT:
        return True
    removed = listing.removed_on.isoformat() if listing.removed_on else None
    kind = f" ({listing.removal_kind.value if listing.removal_kind else None})" if with_kind else ""
    e.add("listing", "petition.listing_gone", f"the listing was already removed on {removed}{kind}",
          f"该失信记录已于{removed}删除")
    return False


# ------------------------------------------------------------------ removal
@dataclass(frozen=True)
class RemovalPlan:
    """How a granted removal is carried out."""

    kind: RemovalKind
    reason: RemovalReason
    article: str
    #: The day the ground was established (the removal is due 3 working days after it).
    event_on: date
    #: The deletion decision's ground: an item of Art. 10 para. 1, "expired" or "early".
    ground: int | str


def removal_plan(kind: PetitionKind, listing: Listing, case: EnforcementCase,
                 details: PetitionDetails, on: date, e: ErrorCollector, *,
                 para1_fixed: bool, event_on: date | None = None) -> RemovalPlan | None:
    """The removal a granted removal petition carries out, or None (errors in ``e``).
    ``event_on``: the day its ground was on the court's record (R-R7; default ``on``)."""
    info = KINDS[kind]
    assert info.removal is not None
    rkind, reason, item = info.removal
    if not check_current(listing, e):
        return None
    end = listing.term_end()
    fixed = listing.term_years is not None
    article = ART_ITEM.format(n=item) if item is not None else ART_EXPIRED
    ground: int | str = item if item is not None else "expired"
    event_on = event_on if event_on is not None and event_on <= on else on
    if kind is PetitionKind.REMOVAL_TERM_EXPIRED:
        if end is None:
            e.add("kind", "petition.no_term",
                  "the listing has no fixed term (ground (1)), so it does not expire "
                  "(Art. 10 para. 2); it is deleted on a ground of Art. 10 para. 1",
                  "该失信记录未设纳入期限，不存在期限届满（第十条第二款）")
            return None
        if on <= end:
            e.add("on", "petition.term_running", f"the term ends on {end.isoformat()} (Art. 10 para. 2)",
                  f"纳入期限至{end.isoformat()}届满（第十条第二款）")
            return None
        event_on = end
    elif fixed and not para1_fixed:
        if kind in (PetitionKind.REMOVAL_PERFORMED, PetitionKind.REMOVAL_SETTLEMENT):
            article, ground = ART_EARLY, "early"  # discretionary early deletion
        else:
            assert end is not None
            e.add("kind", "petition.fixed_term",
                  f"the listing has a fixed term ending {end.isoformat()}: the grounds of Art. 10 "
                  "para. 1 do not apply to it (Art. 10 para. 2; court setting "
                  "removal.para1_applies_to_fixed_term)",
                  f"该失信记录设有纳入期限（至{end.isoformat()}），不适用第十条第一款的规定（第十条第二款）")
            return None
    if kind is PetitionKind.REMOVAL_PERFORMED and not case.fully_performed(on):
        en, zh = not_performed(case, on)
        e.add("granted", "petition.not_performed", en, zh)
        return None
    if kind is PetitionKind.REMOVAL_NO_PROPERTY:
        errors = check_searches(details)
        if errors:
            e.extend(errors)
            return None
    if reason in (RemovalReason.PERFORMED, RemovalReason.SETTLEMENT_PERFORMED) \
            and listing.status is not ListingStatus.PUBLISHED:
        rkind = RemovalKind.CANCELLED  # never published: nothing to delete from the list
    return RemovalPlan(rkind, reason, article, event_on, ground)


# --------------------------------------------------------------- correction
@dataclass(frozen=True)
class CorrectionPlan:
    """A granted correction: the listing revoked or deleted, or its information corrected."""

    ground: CorrectionGround
    removal: tuple[RemovalKind, RemovalReason, str] | None = None
    correction: str = ""


def correction_plan(details: PetitionDetails, decision: Decision, listing: Listing,
                    e: ErrorCollector) -> CorrectionPlan | None:
    """R-R4, R-R5: ground 1 revokes (Art. 9), ground 3 deletes, ground 2 corrects."""
    ground = details.correction_ground
    assert ground is not None
    if not check_current(listing, e, with_kind=False):
        return None
    if ground is CorrectionGround.NOT_LISTABLE:
        return CorrectionPlan(ground, (RemovalKind.REVOKED, RemovalReason.REVOKED, ART_REVOKE))
    if ground is CorrectionGround.SHOULD_BE_DELETED:
        return CorrectionPlan(ground, (RemovalKind.DELETED, RemovalReason.CORRECTED, ART_CORRECTED))
    text = (decision.correction or details.requested_correction).strip()
    if not text:
        e.add("correction", "petition.requested_correction",
              "say what the inaccurate information should read (Art. 11 item 2)",
              "请写明应当更正的失信信息内容（第十一条第（二）项）")
        return None
    return CorrectionPlan(ground, correction=text)


# ------------------------------------------------------------ restrictions
@dataclass(frozen=True)
class ItemsPlan:
    """Restriction items to change (positions in the listing's or order's items)."""

    positions: tuple[int, ...]
    items: tuple[RestrictionItem, ...]
    #: A standalone order with nothing left in force afterwards is lifted as a whole.
    whole_order: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def with_status(items: Sequence[Restriction], positions: Sequence[int], status: RestrictionStatus,
                on: date) -> list[Restriction]:
    """``items`` with those at ``positions`` set to ``status`` (a lifting ends them on ``on``)."""
    chosen = set(positions)
    return [replace(r, status=status, until=on if status is RestrictionStatus.LIFTED else r.until)
            if j in chosen else r for j, r in enumerate(items)]


def item_numbers(items: Sequence[Restriction], positions: Sequence[int]) -> tuple[RestrictionItem, ...]:
    return tuple(sorted({RestrictionItem(items[j].item) for j in positions}))


def lifting_bodies(case: EnforcementCase, respondent: int, listing: Listing | None,
                   items: Sequence[RestrictionItem]) -> list[Recipient]:
    """Who hears of a lifting: everyone the published listing reached, or — for a
    standalone order — the list system and the carriers (2015 Art. 9: the same scope)."""
    if listing is not None and listing.status is ListingStatus.PUBLISHED:
        return listing_bodies(case, respondent, items)
    return [SPC_LIST, *carriers(items)]


@dataclass(frozen=True)
class SecurityCover:
    """How much of what is outstanding a security offered for a lifting covers (R-C9)."""

    offered: str
    value: Decimal
    outstanding: Decimal
    #: The non-monetary duties not performed, which money cannot satisfy (R-L14).
    acts: tuple[str, ...]

    @property
    def covers(self) -> bool:
        """It covers everything outstanding."""
        return self.value >= self.outstanding and not self.acts

    @property
    def share(self) -> Decimal:
        """The part of the money outstanding it covers, 0 to 1."""
        if self.outstanding <= 0:
            return Decimal(1)
        return min(Decimal(1), self.value / self.outstanding)

    def percent(self) -> str:
        return f"{(self.share * 100).quantize(Decimal('1'), rounding=ROUND_DOWN)}%"

    def to_json(self) -> dict[str, object]:
        return {"offered": self.offered, "value": str(self.value),
                "outstanding": str(self.outstanding), "acts": list(self.acts),
                "covers": self.covers}


def security_cover(case: EnforcementCase, respondent: int, details: PetitionDetails,
                   on: date) -> SecurityCover:
    """The security offered (the petition's, else what the case records for the
    respondent) against everything outstanding on ``on``."""
    recorded = [x for x in case.security if x.respondent == respondent]
    value = details.security_value if details.security_value is not None else \
        sum((x.value for x in recorded), Decimal("0.00"))
    offered = details.security.strip() or "、".join(x.description or x.kind.value for x in recorded)
    acts = tuple(case.obligations[i].description for i in case.unperformed_acts(on))
    return SecurityCover(offered, value, case.outstanding(on), acts)


def lifting_plan(case: EnforcementCase, respondent: int, details: PetitionDetails, on: date,
                 items: Sequence[Restriction], listing: Listing | None, e: ErrorCollector, *,
                 security_found: bool = False) -> ItemsPlan | None:
    """R-C9 (2015 Art. 9): lifting on security, the creditor's consent or full
    performance.  ``listing``: the listing the items belong to (None: a standalone order).

    A security lifts only if it is genuine and effective (确实有效的担保): one that
    covers everything outstanding is; one that does not needs the judge's explicit
    finding (``security_found``).  The plan's ``extra`` says what was offered."""
    ground = details.lifting_ground
    assert ground is not None
    if ground is LiftingGround.FULLY_PERFORMED and not case.fully_performed(on):
        en, zh = not_performed(case, on)
        e.add("granted", "petition.not_performed", en, zh)
        return None
    extra: dict[str, object] = {}
    if ground is LiftingGround.SECURITY:
        if not any(x.respondent == respondent for x in case.security):
            e.add("granted", "petition.security_missing",
                  "record the security the debtor provided on the case first (2015 Provisions Art. 9)",
                  "请先在案件中登记被执行人提供的担保（2015年规定第九条）")
            return None
        cover = security_cover(case, respondent, details, on)
        if not cover.covers and not security_found:
            acts_en = f" and cannot secure the {len(cover.acts)} act(s) not performed" if cover.acts else ""
            acts_zh = f"，且不能担保{len(cover.acts)}项行为义务的履行" if cover.acts else ""
            e.add("security_effective", "petition.security_insufficient",
                  f"the security offered ({cover.offered}, CNY {format_amount(cover.value)}) covers "
                  f"{cover.percent()} of the CNY {format_amount(cover.outstanding)} outstanding on "
                  f"{on.isoformat()}{acts_en}: a security that does not cover everything outstanding "
                  "lifts the restriction only on the judge's explicit finding that it is genuine and "
                  "effective (2015 Provisions Art. 9)",
                  f"被执行人提供的担保（{cover.offered}，价值人民币{format_amount(cover.value)}元）仅及截至"
                  f"{on.isoformat()}尚未履行的人民币{format_amount(cover.outstanding)}元的{cover.percent()}"
                  f"{acts_zh}；担保不足以清偿全部未履行义务的，须经审查明确认定其确实有效，方可据以解除"
                  "（2015年规定第九条）")
            return None
        extra["security"] = cover.to_json() | {"found_effective": security_found}
    chosen = in_force(items)
    if details.items:
        chosen = [j for j in chosen if items[j].item in details.items]
    if not chosen:
        e.add("details.items", "petition.nothing_to_lift", "no restricted item is left to lift",
              "没有可以解除的限制消费项目")
        return None
    rest = [j for j in in_force(items) if j not in chosen]
    if listing is not None and listing.status in CURRENT and not rest:
        e.add("details.items", "listing.restriction_required",
              "a listed respondent stays restricted (2015 Provisions Art. 1 para. 2): the whole "
              "restriction goes with the listing's removal (file a removal petition)",
              "纳入失信名单的被执行人应当限制消费（2015年规定第一条第二款），全部解除须先删除失信信息")
        return None
    return ItemsPlan(tuple(chosen), item_numbers(items, chosen), whole_order=listing is None and not rest,
                     extra=extra)


def permission_plan(kind: PetitionKind, details: PetitionDetails, decision: Decision,
                    received_on: date, person: int | None, items: Sequence[Restriction],
                    running_travel: Sequence[tuple[str, str | None]], e: ErrorCollector, *,
                    travel_max_days: int) -> ItemsPlan | None:
    """R-C5, R-C7, R-C8: a temporary permission.  ``running_travel``: the number and
    last day of this person's other travel permissions still running (single unblock)."""
    start = decision.permit_from or details.permit_from
    until = decision.permit_until or details.permit_until
    not_before = decision.on if kind is PetitionKind.NECESSARY_CONSUMPTION else received_on
    errors = check_period(kind, start, until, not_before, travel_max_days=travel_max_days)
    if errors:
        e.extend(errors)
        return None
    assert start is not None and until is not None
    live = in_force(items, person)
    if kind is PetitionKind.TEMPORARY_TRAVEL:
        chosen = [j for j in live if RestrictionItem(items[j].item) in TRAVEL_ITEMS]
        for number, other_until in running_travel:
            e.add("granted", "petition.travel_single",
                  f"a temporary lifting is a single unblock: petition {number} already "
                  f"unblocks travel until {other_until} (2019 Opinion item 17(3))",
                  f"暂时解除为单次解禁：申请{number}准许的出行期间（至{other_until}）尚未结束")
            return None
    else:
        chosen = [j for j in live if items[j].item in details.items] if details.items else []
    chosen = [j for j in chosen if items[j].status is RestrictionStatus.IMPOSED]
    return ItemsPlan(tuple(chosen), item_numbers(items, chosen),
                     extra={"from": start, "until": until})


def permission_name(kind: PetitionKind) -> str:
    return ("travel" if kind is PetitionKind.TEMPORARY_TRAVEL else
            "private" if kind is PetitionKind.PRIVATE_CONSUMPTION else "necessary")


@dataclass(frozen=True)
class ReleasePlan:
    """R-C6: the former officer's items lifted, and an order on the new one to sign."""

    former: int
    new: int
    lift: ItemsPlan
    order: RestrictionOrder


def release_plan(case: EnforcementCase, respondent: int, former: int, new: int | None,
                 number: str, on: date, items: Sequence[Restriction],
                 order_factors: Sequence[Factor], e: ErrorCollector) -> ReleasePlan | None:
    """R-C6 (2019 Opinion item 17(2)): release a former legal representative and
    prepare, for the president's signature (2015 Art. 5), an order on the new one.
    ``order_factors``: those of the standalone order concerned (empty for a listing)."""
    party = case.respondents[respondent]
    if new is None or not 0 <= new < len(party.officers):
        e.add("new_officer", "petition.new_officer",
              "name the new legal representative or principal responsible person: the index of an "
              "officer recorded on the entity (record them on the case first)",
              "请指明变更后的法定代表人或主要负责人（须先在案件中登记为单位相关人员）")
        return None
    if new == former or party.officers[new].id_number == party.officers[former].id_number:
        e.add("new_officer", "petition.new_officer_same",
              "the new officer is the same person as the former one", "变更后的人员与原人员为同一人")
        return None
    if party.officers[new].role not in (OfficerRole.LEGAL_REPRESENTATIVE, OfficerRole.PRINCIPAL):
        e.add("new_officer", "petition.new_officer_role",
              "the new officer must be the legal representative or principal responsible person",
              "变更后的人员应为法定代表人或主要负责人")
        return None
    chosen = in_force(items, former)
    if not chosen:
        e.add("granted", "petition.nothing_to_lift", "the former officer has no restriction in force",
              "原法定代表人没有有效的限制消费措施")
        return None
    numbers = item_numbers(items, chosen)
    factors = list(order_factors) or [Factor.PASSIVE_PERFORMANCE]
    order = RestrictionOrder(
        respondent=respondent, initiation=Initiation.EX_OFFICIO, factors=factors,
        reasons=(f"被执行人{party.name}的{party.officers[former].name}已不再担任法定代表人或主要负责人，"
                 f"变更后的{party.officers[new].name}应受限制消费令约束（{ART_R_C6}；申请{number}）。"),
        decided_on=on, restrictions=[Restriction(i, new, on) for i in numbers])
    errors = check_order(case, order)
    if errors:
        e.extend(errors)
        return None
    return ReleasePlan(former, new, ItemsPlan(tuple(chosen), numbers), order)


__all__ = ["CURRENT", "CorrectionPlan", "ItemsPlan", "ReleasePlan", "RemovalPlan", "SecurityCover",
           "check_current", "correction_plan", "granted_why", "item_numbers", "lifting_bodies",
           "lifting_plan", "must_grant", "not_performed", "permission_name", "permission_plan",
           "release_plan", "removal_plan", "security_cover", "with_status"]
