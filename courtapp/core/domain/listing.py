"""Listing decisions, consumption restrictions and each respondent's status.

Pure: no Qt, no database.  The services persist these and the interchange
format v1 carries them in its top-level ``listings`` array.

Rules (``shared/domain/RULES.md`` §10):
- R-L5 (2017 Art. 5 para. 3): a listing decision states its reasons and
  grounds, the term if any, is signed by a president-role user (院长签发) and
  takes effect on the day it is made; its service is recorded.  Signed but
  not served is an alert (2019 Opinion item 14).
- R-L7 (2019 Opinion item 15): during a grace period of 1–3 months the
  listing is decided but not published.  "1–3 months" is counted by R-L15
  (:mod:`courtapp.core.domain.months`): from ``add_months(d, 1)`` to
  ``add_months(d, 3)``, both included, so 31 January + 1 month (28/29
  February) is a valid grace.  A grace re-granted on a later signature keeps
  its length in whole months (:func:`grace_on_signing`).
- R-L10 (2015 Art. 1 para. 2): a published listing carries a restriction —
  unless the assessment makes a restriction unavailable for that respondent
  (R-L11 late notice, R-L13 later in the order of performance, R-L16
  campus-loan student), in which case it may carry none.
- R-C3 (2015 Art. 5) / R-C4 (Art. 3 para. 2): the restriction order names
  its items (the nine of Art. 3) and each bound person.
- Art. 4: a minor is never listed, on any path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum

from courtapp.core.domain.assessment import RESTRICTION_BARS, assess_respondent
from courtapp.core.domain.errors import ErrorCollector, FieldError
from courtapp.core.domain.model import EnforcementCase, PartyKind, ServiceMethod
from courtapp.core.domain.months import add_months, add_years, whole_months, within_months


class RestrictionItem(IntEnum):
    """2015 Provisions Art. 3 para. 1, numbered as there."""

    TRAVEL_CLASS = 1
    STAR_VENUES = 2
    REAL_ESTATE = 3
    OFFICE_RENTAL = 4
    VEHICLES = 5
    TOURISM = 6
    PRIVATE_SCHOOL = 7
    INSURANCE = 8
    HIGH_SPEED_RAIL = 9


RESTRICTION_TEXT: dict[RestrictionItem, tuple[str, str]] = {
    RestrictionItem.TRAVEL_CLASS: (
        "taking aircraft, soft-sleeper berths, or second-class or higher ship cabins",
        "乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位"),
    RestrictionItem.STAR_VENUES: (
        "high consumption in star-rated hotels, restaurants, nightclubs, golf courses and similar places",
        "在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费"),
    RestrictionItem.REAL_ESTATE: (
        "buying real estate, or building, extending or expensively decorating housing",
        "购买不动产或者新建、扩建、高档装修房屋"),
    RestrictionItem.OFFICE_RENTAL: (
        "renting high-grade office buildings, hotels or apartments as offices",
        "租赁高档写字楼、宾馆、公寓等场所办公"),
    RestrictionItem.VEHICLES: ("buying vehicles not necessary for business", "购买非经营必需车辆"),
    RestrictionItem.TOURISM: ("tourism and holidays", "旅游、度假"),
    RestrictionItem.PRIVATE_SCHOOL: ("children attending high-fee private schools", "子女就读高收费私立学校"),
    RestrictionItem.INSURANCE: (
        "paying high premiums for insurance wealth-management products",
        "支付高额保费购买保险理财产品"),
    RestrictionItem.HIGH_SPEED_RAIL: (
        "any seat on G-prefix trains, first class or above on other EMU trains, and other consumption "
        "not necessary for life or work",
        "乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为"),
}


class ListingStatus(StrEnum):
    DRAFT = "draft"  # prepared by the judge, not signed (never in the public list)
    AWAITING_PUBLICATION = "awaiting_publication"  # signed; not served or grace running
    PUBLISHED = "published"
    REMOVED = "removed"


#: Statuses the interchange format accepts (a migrated listing is signed).
IMPORTABLE_STATUSES = frozenset({ListingStatus.AWAITING_PUBLICATION, ListingStatus.PUBLISHED,
                                 ListingStatus.REMOVED})


class RemovalKind(StrEnum):
    DELETED = "deleted"  # 2017 Art. 10 para. 1
    REVOKED = "revoked"  # 2017 Art. 9: should not have been listed
    EXPIRED = "expired"  # 2017 Art. 10 para. 2: fixed term ended
    CANCELLED = "cancelled"  # fully performed during the grace period (2019 Opinion item 15)


class RemovalReason(StrEnum):
    """Why a listing left the list (interchange ``removal_reason``, issue 5 §7)."""

    PERFORMED = "performed"  # 2017 Art. 10 para. 1 item 1 (or performed during grace)
    SETTLEMENT_PERFORMED = "settlement_performed"  # item 2
    CREDITOR_REQUEST = "creditor_request"  # item 3 (bars re-listing for 6 months, para. 4)
    NO_PROPERTY = "no_property"  # item 4
    TERM_EXPIRED = "term_expired"  # para. 2
    REVOKED = "revoked"  # Art. 9 / Art. 11 item 1: should not have been listed
    CORRECTED = "corrected"  # Art. 11 item 3: should have been deleted (on a correction application)


class RestrictionStatus(StrEnum):
    IMPOSED = "imposed"
    TEMPORARILY_LIFTED = "temporarily_lifted"
    LIFTED = "lifted"


class RespondentState(StrEnum):
    """The explicit enforcement status of one respondent (issue 3 §7)."""

    RECORDED = "recorded"
    NOTICE_SERVED = "notice_served"
    WARNED = "warned"  # listing decided, grace period running
    LISTED_AWAITING_PUBLICATION = "listed_awaiting_publication"
    LISTED_PUBLISHED = "listed_published"
    REMOVED = "removed"


#: Allowed transitions; anything else is refused.
TRANSITIONS: dict[RespondentState, frozenset[RespondentState]] = {
    RespondentState.RECORDED: frozenset({RespondentState.NOTICE_SERVED}),
    RespondentState.NOTICE_SERVED: frozenset({
        RespondentState.WARNED, RespondentState.LISTED_AWAITING_PUBLICATION}),
    RespondentState.WARNED: frozenset({
        RespondentState.LISTED_PUBLISHED, RespondentState.REMOVED,
        RespondentState.LISTED_AWAITING_PUBLICATION}),
    RespondentState.LISTED_AWAITING_PUBLICATION: frozenset({
        RespondentState.LISTED_PUBLISHED, RespondentState.REMOVED}),
    RespondentState.LISTED_PUBLISHED: frozenset({RespondentState.REMOVED}),
    RespondentState.REMOVED: frozenset({RespondentState.NOTICE_SERVED}),  # re-listing (Art. 10 para. 3)
}


class TransitionRefused(ValueError):
    """An invalid status change; the message says which and why."""


def check_transition(current: RespondentState, target: RespondentState) -> None:
    if target not in TRANSITIONS[current]:
        raise TransitionRefused(f"a respondent cannot go from {current.value} to {target.value}")


@dataclass
class Restriction:
    item: RestrictionItem
    person: int | None  # None: the respondent; else the index of an entity officer
    start: date
    until: date | None = None
    status: RestrictionStatus = RestrictionStatus.IMPOSED
    reason: str = ""


@dataclass
class Listing:
    respondent: int
    grounds: list[int]
    decided_on: date
    signed_by: str | None = None
    reasons: str = ""
    served_on: date | None = None
    service_method: ServiceMethod | None = None
    grace_until: date | None = None
    published_on: date | None = None
    term_years: int | None = None
    extension_years: int = 0
    status: ListingStatus = ListingStatus.DRAFT
    removed_on: date | None = None
    removal_kind: RemovalKind | None = None
    restrictions: list[Restriction] = field(default_factory=list)
    removal_reason: RemovalReason | None = None
    #: When the removal is due (R-R1, R-R2, R-R4: 3 working days after the
    #: event, or after the term ends), computed from the working-day calendar
    #: when the listing is read; ``removal_due_provisional`` when a year in the
    #: window has no calendar data (R-D1).
    removal_due: date | None = None
    removal_due_provisional: bool = False

    @property
    def term_start(self) -> date:
        """The term runs from the day the decision takes effect (issue 3 §9, a court setting later)."""
        return self.decided_on

    def term_end(self) -> date | None:
        """The last day of the term (R-L15: the corresponding day, or the month's last day)."""
        if self.term_years is None:
            return None
        return add_years(self.term_start, self.term_years + self.extension_years)

    def signed_not_served(self) -> bool:
        """The 2019 Opinion item 14 alert: signed but not served."""
        return self.signed_by is not None and self.served_on is None and \
            self.status is not ListingStatus.REMOVED

    def state(self) -> RespondentState:
        if self.status is ListingStatus.REMOVED:
            return RespondentState.REMOVED
        if self.status is ListingStatus.PUBLISHED:
            return RespondentState.LISTED_PUBLISHED
        if self.grace_until is not None:
            return RespondentState.WARNED
        return RespondentState.LISTED_AWAITING_PUBLICATION


_MSG: dict[str, tuple[str, str]] = {
    "listing.grounds_required": ("a listing needs at least one ground of Art. 1",
                                 "纳入失信名单应至少具有第一条规定的一种情形"),
    "listing.ground_range": ("grounds are numbered 1 to 6 (2017 Provisions Art. 1)",
                             "失信情形编号应为1至6（2017年规定第一条）"),
    "listing.ground_unsupported": (
        "the case record does not support ground ({g}) on the decision date: {why}",
        "案件记录不能支持该决定日期的第一条第（{g}）项情形：{why}"),
    "listing.minor": ("a minor may never be listed (2017 Provisions Art. 4)",
                      "未成年人不得纳入失信被执行人名单（2017年规定第四条）"),
    "listing.notice_not_served": (
        "a listing needs the execution notice served before the decision (Art. 5 para. 1)",
        "纳入失信名单前应已送达执行通知书（第五条第一款）"),
    "listing.signature_required": ("a listing decision is signed by the court president (Art. 5 para. 3)",
                                   "失信决定书应由院长签发（第五条第三款）"),
    "listing.reasons_required": ("a listing decision states its reasons (Art. 5 para. 3)",
                                 "决定书应写明纳入失信名单的理由（第五条第三款）"),
    "listing.term_open": ("ground (1) alone has no fixed term: term_years must be null (Art. 2)",
                          "仅有第一条第（一）项情形的不设期限，term_years应为null（第二条）"),
    "listing.term_two_years": ("grounds (2)-(6) give a term of 2 years (Art. 2 para. 1)",
                               "第一条第（二）至（六）项情形的纳入期限为二年（第二条第一款）"),
    "listing.extension_range": ("an extension is 0 to 3 years (Art. 2 para. 1)",
                                "延长期限应为0至3年（第二条第一款）"),
    "listing.extension_unjustified": (
        "an extension needs serious violence or threats, or several dishonest acts (Art. 2 para. 1)",
        "延长期限需以暴力、威胁方法妨碍执行情节严重或具有多项失信行为（第二条第一款）"),
    "listing.grace_range": ("a grace period is 1 to 3 months (2019 Opinion item 15)",
                            "宽限期应为一至三个月（2019年意见第15条）"),
    "listing.publish_before_service": ("a listing is published only after service",
                                       "失信信息应在送达后方可公布"),
    "listing.publish_in_grace": ("a listing is not published while its grace period runs",
                                 "宽限期内不得公布失信信息"),
    "listing.published_on_required": ("a published listing needs its publication date", "已公布的应填写公布日期"),
    "listing.removal_required": ("a removed listing needs the date and kind of removal",
                                 "已删除的应填写删除日期和方式"),
    "listing.restriction_required": (
        "a published listing must carry a consumption restriction (2015 Provisions Art. 1 para. 2)",
        "纳入失信名单的，应当采取限制消费措施（2015年规定第一条第二款）"),
    "listing.removal_reason": (
        "the removal reason does not fit the removal: revoked goes with removal_kind revoked, "
        "term_expired with expired, and a reason needs a removed listing",
        "删除原因与删除方式不符：revoked对应撤销（revoked），term_expired对应期限届满（expired），且仅已删除的记录可填写删除原因"),
    "listing.status_import": ("listing status must be awaiting_publication, published or removed",
                              "名单状态应为awaiting_publication、published或removed"),
    "listing.duplicate": ("this respondent already has a current listing", "该被执行人已有有效的失信记录"),
    "listing.restriction_unavailable": (
        "no consumption restriction is available for this respondent ({why}): the listing carries "
        "none (2015 Provisions Art. 1; 2017 Provisions Art. 3 item (3); 2019 Opinion item 16)",
        "该被执行人不得限制消费（{why}），纳入决定不应包含限制消费项目（2015年规定第一条；2017年规定第三条第（三）项；2019年意见第16条）"),
    "restriction.item_range": ("restriction items are numbered 1 to 9 (2015 Provisions Art. 3)",
                               "限制消费项目编号应为1至9（2015年规定第三条）"),
    "restriction.person_index": (
        "person is null for the respondent or the index of one of the entity's officers",
        "person应为null（被执行人本人）或单位相关人员的序号"),
    "restriction.dates": ("a restriction cannot end before it starts", "限制消费的结束日期不得早于开始日期"),
}


def removal_reason_fits(listing: Listing) -> bool:
    """A removal reason needs a removed listing, and revoked / term_expired their own kind."""
    reason, kind = listing.removal_reason, listing.removal_kind
    if reason is None:
        return True
    if listing.status is not ListingStatus.REMOVED:
        return False
    if (reason is RemovalReason.REVOKED) != (kind is RemovalKind.REVOKED):
        return False
    return (reason is RemovalReason.TERM_EXPIRED) == (kind is RemovalKind.EXPIRED)


def _add(e: ErrorCollector, path: str, rule: str, **fmt: object) -> None:
    en, zh = _MSG[rule]
    e.add(path, rule, en.format(**fmt), zh.format(**fmt))


#: 2019 Opinion item 15: a grace period of one to three months.
GRACE_MONTHS = (1, 3)


def grace_valid(decided_on: date, grace_until: date) -> bool:
    """A grace of 1 to 3 months from the decision, months counted by R-L15."""
    return within_months(decided_on, grace_until, *GRACE_MONTHS)


def grace_on_signing(drafted_on: date, grace_until: date, signed_on: date) -> date:
    """The end of a grace drafted on ``drafted_on`` when the president signs on ``signed_on``.

    The grace is granted as a length and runs from the day the decision takes
    effect (2017 Art. 5 para. 3): a whole number of months stays that number of
    months (R-L15), any other length keeps its days.
    """
    months = whole_months(drafted_on, grace_until)
    if months:
        return add_months(signed_on, months)
    return signed_on + (grace_until - drafted_on)


def check_listing(case: EnforcementCase, listing: Listing, path: str = "",
                  *, require_signature: bool = True) -> list[FieldError]:
    """Every rule a listing breaks, checked against the case it belongs to.

    The GUI, the command line and import all go through here, so no path can
    list a minor or list without the grounds the record supports.
    """
    e = ErrorCollector()
    p = f"{path}." if path else ""
    i = listing.respondent
    if not 0 <= i < len(case.respondents):
        e.add(f"{p}respondent", "respondent.index",
              "the respondent index is out of range (0-based into respondents)",
              "被执行人序号超出范围（从0起，对应被执行人列表）")
        return e.errors
    if not listing.grounds:
        _add(e, f"{p}grounds", "listing.grounds_required")
    if any(g not in range(1, 7) for g in listing.grounds):
        _add(e, f"{p}grounds", "listing.ground_range")
        return e.errors

    a = assess_respondent(case, i, listing.decided_on)
    if "minor" in a.bars:
        _add(e, f"{p}respondent", "listing.minor")
    if "notice_not_served" in a.bars:
        _add(e, f"{p}decided_on", "listing.notice_not_served")
    # R-L11, R-L13, R-L16: a listing on another ground carries no restriction
    # when the assessment makes one unavailable for this respondent.
    restriction_available = a.restriction != "unavailable" or not a.listable
    if not restriction_available and listing.restrictions:
        _add(e, f"{p}restrictions", "listing.restriction_unavailable",
             why=", ".join(b.replace("_", " ") for b in a.bars if b in RESTRICTION_BARS))
    reasons_by_bar = {"nothing_outstanding": "nothing was outstanding",
                      "notice_served_late": "the execution notice was served on or after its "
                                            "deadline, so there was no period to perform",
                      "performance_period_running": "the performance period was still running",
                      "campus_loan_student": "a campus-loan student is generally not listed"}
    for g in sorted(set(listing.grounds)):
        if g in a.effective_grounds:
            continue
        if "minor" in a.bars or "notice_not_served" in a.bars:
            continue  # already reported above
        if g not in a.grounds:
            why = ("no finding that the respondent is able to perform" if g == 1
                   else "no recorded conduct of this kind on or before the decision date")
        else:
            blocking = [b for b in a.bars if b in reasons_by_bar or (g == 1 and b in (
                "notice_served_late", "security", "seized_property_sufficient", "later_in_order",
                "not_able_to_perform"))]
            why = ", ".join(reasons_by_bar.get(b, b.replace("_", " ")) for b in blocking) or "barred"
        _add(e, f"{p}grounds", "listing.ground_unsupported", g=g, why=why)

    if require_signature and not (listing.signed_by or "").strip():
        _add(e, f"{p}signed_by", "listing.signature_required")

    fixed = [g for g in listing.grounds if g != 1]
    if not fixed and listing.term_years is not None:
        _add(e, f"{p}term_years", "listing.term_open")
    if fixed and listing.term_years != 2:
        _add(e, f"{p}term_years", "listing.term_two_years")
    if not 0 <= listing.extension_years <= 3:
        _add(e, f"{p}extension_years", "listing.extension_range")
    elif listing.extension_years and not a.extendable:
        _add(e, f"{p}extension_years", "listing.extension_unjustified")

    if listing.grace_until is not None and not grace_valid(listing.decided_on, listing.grace_until):
        _add(e, f"{p}grace_until", "listing.grace_range")

    if listing.status is ListingStatus.PUBLISHED or listing.published_on is not None:
        if listing.published_on is None:
            _add(e, f"{p}published_on", "listing.published_on_required")
        elif listing.served_on is None or listing.published_on < listing.served_on:
            _add(e, f"{p}published_on", "listing.publish_before_service")
        elif listing.grace_until is not None and listing.published_on <= listing.grace_until:
            _add(e, f"{p}published_on", "listing.publish_in_grace")
        if restriction_available and not any(
                r.status is not RestrictionStatus.LIFTED or listing.status is ListingStatus.REMOVED
                for r in listing.restrictions):
            _add(e, f"{p}restrictions", "listing.restriction_required")
    if listing.status is ListingStatus.REMOVED and (listing.removed_on is None or listing.removal_kind is None):
        _add(e, f"{p}removed_on", "listing.removal_required")
    if listing.removal_reason is not None and not removal_reason_fits(listing):
        _add(e, f"{p}removal_reason", "listing.removal_reason")

    party = case.respondents[i]
    for j, r in enumerate(listing.restrictions):
        rp = f"{p}restrictions[{j}]"
        if r.person is not None and not (
                party.kind is PartyKind.ENTITY and 0 <= r.person < len(party.officers)):
            _add(e, f"{rp}.person", "restriction.person_index")
        if r.until is not None and r.until < r.start:
            _add(e, f"{rp}.until", "restriction.dates")
    return e.errors


# ------------------------------------------------------------ proportionality
#: Court setting default: an outstanding amount below this is "small" (yuan).
DEFAULT_SMALL_AMOUNT = 10_000


@dataclass(frozen=True)
class Proposal:
    """A proportionate set of restriction items for one respondent, with reasons."""

    items: tuple[RestrictionItem, ...]
    reasons_en: tuple[str, ...]
    reasons_zh: tuple[str, ...]


def propose_restrictions(case: EnforcementCase, respondent: int, as_of: date, *,
                         small_amount: int = DEFAULT_SMALL_AMOUNT) -> Proposal:
    """Propose items weighing the 2015 Art. 2 factors: the kind and size of the
    obligation, partial performance, evidence of inability, entity or person."""
    from decimal import Decimal

    outstanding = case.outstanding(as_of)
    acts = case.unperformed_acts(as_of)
    finding = case.finding_for(respondent)
    party = case.respondents[respondent]
    items = {RestrictionItem.TRAVEL_CLASS, RestrictionItem.HIGH_SPEED_RAIL}
    en = ["Travel by air and high-speed rail is the core of any restriction."]
    zh = ["限制乘坐飞机、高铁是限制消费的基本措施。"]
    if outstanding == 0 and acts:
        en.append("Only a non-monetary obligation is outstanding: the restriction stays at travel.")
        zh.append("仅剩非金钱给付义务未履行，限制范围以出行为限。")
        return Proposal(tuple(sorted(items)), tuple(en), tuple(zh))
    if finding.able_to_perform is False:
        en.append("The respondent was found not able to perform: no further items are proposed.")
        zh.append("被执行人经认定无履行能力，不建议增加其他限制项目。")
        return Proposal(tuple(sorted(items)), tuple(en), tuple(zh))
    items |= {RestrictionItem.STAR_VENUES, RestrictionItem.TOURISM}
    en.append("Star-rated venues and tourism are luxury spending.")
    zh.append("星级以上场所消费和旅游度假属于高消费。")
    if outstanding >= Decimal(small_amount):
        items.add(RestrictionItem.REAL_ESTATE)
        en.append(f"The outstanding amount is not small (≥ {small_amount:,} yuan): real estate is restricted.")
        zh.append(f"未履行金额较大（不低于{small_amount:,}元），限制购买不动产。")
    else:
        en.append(f"The outstanding amount is small (< {small_amount:,} yuan): a narrow set is proposed.")
        zh.append(f"未履行金额较小（低于{small_amount:,}元），建议采取较窄的限制范围。")
    if party.kind is PartyKind.ENTITY:
        items |= {RestrictionItem.OFFICE_RENTAL, RestrictionItem.VEHICLES}
        en.append("An entity: high-grade offices and non-business vehicles are restricted.")
        zh.append("单位被执行人，限制租赁高档写字楼和购买非经营必需车辆。")
    partly = case.total_paid(as_of) > 0
    if outstanding >= Decimal(small_amount) * 10 and not partly:
        items |= {RestrictionItem.PRIVATE_SCHOOL, RestrictionItem.INSURANCE}
        en.append("A large amount with no payment at all: private schools and insurance products are restricted.")
        zh.append("未履行金额巨大且分文未付，限制子女就读高收费私立学校和购买保险理财产品。")
    elif partly:
        en.append("Partial performance is weighed in the respondent's favour.")
        zh.append("被执行人已部分履行，予以考虑。")
    return Proposal(tuple(sorted(items)), tuple(en), tuple(zh))


def needs_proportionality_reason(case: EnforcementCase, items: set[RestrictionItem], as_of: date,
                                 *, small_amount: int = DEFAULT_SMALL_AMOUNT) -> bool:
    """All nine items on a non-monetary obligation, or on a small amount, need a written reason."""
    from decimal import Decimal

    if len(items) < len(RestrictionItem):
        return False
    outstanding = case.outstanding(as_of)
    return outstanding < Decimal(small_amount)
