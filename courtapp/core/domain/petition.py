"""Petitions filed at the counter: removal, correction, lifting and permissions.

Pure: no Qt, no database.  The counter officer files a petition
(:mod:`courtapp.core.services.petitions`); the judge decides it.  This module
holds the eleven kinds with their legal grounds, who may file each, how long
the court has to decide (the SLA) and the rules a petition's data must meet.

Rules (``shared/domain/RULES.md`` §10):
- R-R1 (2017 Art. 10 para. 1): a removal on performance, a fully performed
  settlement, the creditor's written request, or no property found; item 4
  needs two or more online searches after the enforcement round was
  terminated (终结本次执行程序), all without result, and no asset lead.
- R-R2 (Art. 10 para. 2): a fixed-term listing is deleted once its term ends.
- R-R4, R-R5 (Arts. 9, 11-12): a correction application on one of three
  grounds, in writing, reviewed within 15 days.
- R-C5 (2015 Art. 3 para. 2; 2019 Opinion 17(1)): private consumption by an
  entity's officer with personal funds.
- R-C6 (2019 Opinion 17(2)): release of a former legal representative or
  principal responsible person.
- R-C7 (2019 Opinion 17(3)): temporary lifting of flight and high-speed-rail
  limits on five listed grounds.
- R-C8 (2015 Art. 8): consumption needed for living or business, approved
  beforehand.
- R-C9 (2015 Art. 9): lifting on security, the creditor's consent, or full
  performance.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from courtapp.core.domain.errors import ErrorCollector, FieldError
from courtapp.core.domain.listing import RemovalKind, RemovalReason, RestrictionItem


class PetitionKind(StrEnum):
    REMOVAL_PERFORMED = "removal_performed"
    REMOVAL_SETTLEMENT = "removal_settlement"
    REMOVAL_CREDITOR_REQUEST = "removal_creditor_request"
    REMOVAL_NO_PROPERTY = "removal_no_property"
    REMOVAL_TERM_EXPIRED = "removal_term_expired"
    CORRECTION = "correction"
    LIFTING = "lifting"
    PRIVATE_CONSUMPTION = "private_consumption"
    OFFICER_RELEASE = "officer_release"
    TEMPORARY_TRAVEL = "temporary_travel"
    NECESSARY_CONSUMPTION = "necessary_consumption"


class PetitionerRole(StrEnum):
    RESPONDENT = "respondent"  # the debtor (被执行人) itself
    APPLICANT = "applicant"  # the creditor (申请执行人)
    OFFICER = "officer"  # an entity respondent's legal representative, principal… (2015 Art. 3 para. 2)


class PetitionStatus(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    REJECTED = "rejected"


class LiftingGround(StrEnum):
    """2015 Provisions Art. 9."""

    SECURITY = "security"  # may lift
    CREDITOR_CONSENT = "creditor_consent"  # may lift
    FULLY_PERFORMED = "fully_performed"  # shall lift


class TravelGround(StrEnum):
    """2019 Opinion item 17(3)."""

    ILLNESS = "illness"  # 本人或近亲属重大疾病就医
    FUNERAL = "funeral"  # 近亲属丧葬
    OFFICIAL_DUTY = "official_duty"  # 本人执行或配合执行公务
    FOREIGN_AFFAIRS = "foreign_affairs"  # 参加外事活动
    EXAM = "exam"  # 重要考试


class CorrectionGround(StrEnum):
    """2017 Provisions Art. 11 items (1)-(3)."""

    NOT_LISTABLE = "1"  # should not have been listed → revoked (Art. 9)
    INACCURATE = "2"  # the recorded information is inaccurate → corrected
    SHOULD_BE_DELETED = "3"  # should have been deleted → deleted


class SlaUnit(StrEnum):
    WORKING = "working"  # working days on the court calendar (R-D1)
    CALENDAR = "calendar"  # calendar days, CPL 2023 Art. 85 (R-D2)


@dataclass(frozen=True)
class Sla:
    """How long the court has to decide: ``days`` working or calendar days after receipt."""

    days: int
    unit: SlaUnit

    def code(self) -> str:
        """``3wd`` or ``15d`` (the settings form)."""
        return f"{self.days}{'wd' if self.unit is SlaUnit.WORKING else 'd'}"

    @classmethod
    def parse(cls, text: str) -> Sla:
        t = text.strip().lower()
        unit = SlaUnit.WORKING if t.endswith("wd") else SlaUnit.CALENDAR
        digits = t[:-2] if unit is SlaUnit.WORKING else t.rstrip("d")
        if not digits.isdigit() or not 1 <= int(digits) <= 60:
            raise ValueError(f"{text!r} is not an SLA: write 3wd (working days) or 15d (calendar days), 1-60")
        return cls(int(digits), unit)


#: The articles as Chinese courts cite them, for the Chinese interface.
ARTICLE_ZH: dict[str, str] = {
    "2017 Provisions Art. 10 para. 1 item 1": "《失信被执行人名单规定》第十条第一款第（一）项",
    "2017 Provisions Art. 10 para. 1 item 2": "《失信被执行人名单规定》第十条第一款第（二）项",
    "2017 Provisions Art. 10 para. 1 item 3": "《失信被执行人名单规定》第十条第一款第（三）项",
    "2017 Provisions Art. 10 para. 1 item 4": "《失信被执行人名单规定》第十条第一款第（四）项",
    "2017 Provisions Art. 10 para. 2": "《失信被执行人名单规定》第十条第二款",
    "2017 Provisions Arts. 11-12": "《失信被执行人名单规定》第十一条、第十二条",
    "2015 Provisions Art. 9": "《限制消费规定》第九条",
    "2015 Provisions Art. 3 para. 2; 2019 Opinion item 17(1)":
        "《限制消费规定》第三条第二款；《善意文明执行意见》第17条第（1）项",
    "2019 Opinion item 17(2)": "《善意文明执行意见》第17条第（2）项",
    "2019 Opinion item 17(3)": "《善意文明执行意见》第17条第（3）项",
    "2015 Provisions Art. 8": "《限制消费规定》第八条",
}


@dataclass(frozen=True)
class KindInfo:
    """One kind of petition: what it asks, on which article, who may file it."""

    kind: PetitionKind
    label_en: str
    label_zh: str
    article: str
    petitioners: frozenset[PetitionerRole]
    #: The key of the receipt template's ``petitions`` mapping.
    receipt: str
    #: The default time to decide; ``statutory`` when the law fixes it.
    sla: Sla
    statutory_sla: bool = False

    def article_in(self, lang: str) -> str:
        """The legal basis, in Chinese for the Chinese interface."""
        return ARTICLE_ZH.get(self.article, self.article) if lang.startswith("zh") else self.article
    #: For a removal: the kind, reason and item of Art. 10 para. 1 (None: para. 2).
    removal: tuple[RemovalKind, RemovalReason, int | None] | None = None
    #: The petition concerns a restriction (True) or a listing (False).
    restriction: bool = False
    #: Verified facts oblige the court to grant ("应当", "应予准许").
    mandatory_if_verified: bool = False


_R, _A, _O = PetitionerRole.RESPONDENT, PetitionerRole.APPLICANT, PetitionerRole.OFFICER

#: Removal decisions are due 3 working days after receipt by default: the same
#: period within which Art. 10 obliges the court to delete once the ground is
#: established, so a petition that proves its ground never waits longer than
#: the deletion itself would.  A court may set another period (``petition.sla.<kind>``).
REMOVAL_SLA = Sla(3, SlaUnit.WORKING)
#: 2017 Art. 12: a correction application is reviewed within 15 days (fixed by law).
CORRECTION_SLA = Sla(15, SlaUnit.CALENDAR)
#: 2015 Art. 9 says "promptly" (及时) with no number: 3 working days, as for deletion.
LIFTING_SLA = Sla(3, SlaUnit.WORKING)
#: Travel for illness, a funeral or an exam is urgent: one working day.
TRAVEL_SLA = Sla(1, SlaUnit.WORKING)
#: No period in the rules: the 15 days these Provisions give every other review (Arts. 5, 12).
REVIEW_SLA = Sla(15, SlaUnit.CALENDAR)

KINDS: dict[PetitionKind, KindInfo] = {k.kind: k for k in (
    KindInfo(PetitionKind.REMOVAL_PERFORMED, "removal on full performance", "已履行完毕申请删除失信信息",
             "2017 Provisions Art. 10 para. 1 item 1", frozenset({_R, _A}), "deletion", REMOVAL_SLA,
             removal=(RemovalKind.DELETED, RemovalReason.PERFORMED, 1), mandatory_if_verified=True),
    KindInfo(PetitionKind.REMOVAL_SETTLEMENT, "removal on a settlement fully performed",
             "执行和解协议履行完毕申请删除失信信息", "2017 Provisions Art. 10 para. 1 item 2",
             frozenset({_R, _A}), "deletion", REMOVAL_SLA,
             removal=(RemovalKind.DELETED, RemovalReason.SETTLEMENT_PERFORMED, 2),
             mandatory_if_verified=True),
    KindInfo(PetitionKind.REMOVAL_CREDITOR_REQUEST, "the creditor's written request for removal",
             "申请执行人书面申请删除失信信息", "2017 Provisions Art. 10 para. 1 item 3",
             frozenset({_A}), "deletion", REMOVAL_SLA,
             removal=(RemovalKind.DELETED, RemovalReason.CREDITOR_REQUEST, 3)),
    KindInfo(PetitionKind.REMOVAL_NO_PROPERTY, "removal when no property is found",
             "无可供执行财产申请删除失信信息", "2017 Provisions Art. 10 para. 1 item 4",
             frozenset({_R}), "deletion", REMOVAL_SLA,
             removal=(RemovalKind.DELETED, RemovalReason.NO_PROPERTY, 4), mandatory_if_verified=True),
    KindInfo(PetitionKind.REMOVAL_TERM_EXPIRED, "removal after the term has ended",
             "纳入期限届满申请删除失信信息", "2017 Provisions Art. 10 para. 2", frozenset({_R}),
             "deletion", REMOVAL_SLA, removal=(RemovalKind.EXPIRED, RemovalReason.TERM_EXPIRED, None),
             mandatory_if_verified=True),
    KindInfo(PetitionKind.CORRECTION, "correction application", "纠正失信信息申请",
             "2017 Provisions Arts. 11-12", frozenset({_R}), "correction", CORRECTION_SLA,
             statutory_sla=True, mandatory_if_verified=True),
    KindInfo(PetitionKind.LIFTING, "lifting of the consumption restriction", "解除限制消费申请",
             "2015 Provisions Art. 9", frozenset({_R, _A}), "lifting", LIFTING_SLA, restriction=True),
    KindInfo(PetitionKind.PRIVATE_CONSUMPTION, "private consumption with personal funds",
             "以个人财产因私消费申请", "2015 Provisions Art. 3 para. 2; 2019 Opinion item 17(1)",
             frozenset({_O}), "private_consumption", REVIEW_SLA, restriction=True,
             mandatory_if_verified=True),
    KindInfo(PetitionKind.OFFICER_RELEASE, "release of a former legal representative",
             "原法定代表人申请解除限制消费", "2019 Opinion item 17(2)", frozenset({_O}),
             "officer_release", REVIEW_SLA, restriction=True, mandatory_if_verified=True),
    KindInfo(PetitionKind.TEMPORARY_TRAVEL, "temporary lifting of flight and high-speed-rail limits",
             "暂时解除乘坐飞机、高铁限制措施申请", "2019 Opinion item 17(3)", frozenset({_R, _O}),
             "temporary_travel", TRAVEL_SLA, restriction=True),
    KindInfo(PetitionKind.NECESSARY_CONSUMPTION, "consumption needed for living or business",
             "生活或经营必需消费申请", "2015 Provisions Art. 8", frozenset({_R}),
             "necessary_consumption", REVIEW_SLA, restriction=True),
)}

REMOVAL_KINDS = frozenset(k for k, i in KINDS.items() if i.removal is not None)
PERMISSION_KINDS = frozenset({PetitionKind.PRIVATE_CONSUMPTION, PetitionKind.TEMPORARY_TRAVEL,
                              PetitionKind.NECESSARY_CONSUMPTION})
TRAVEL_ITEMS = frozenset({RestrictionItem.TRAVEL_CLASS, RestrictionItem.HIGH_SPEED_RAIL})
#: 2019 Opinion item 17(3): the maximum length of a temporary travel lifting.
#: "Not more than one month" is UNCONFIRMED (RULES.md §3): a court setting.
DEFAULT_TRAVEL_MAX_DAYS = 30
#: 2017 Art. 10 para. 4: six months' bar on a creditor's re-listing application.
RELISTING_BAR_MONTHS = 6
#: 2017 Art. 12: reconsideration within 10 days of service; the higher court decides in 15.
RECONSIDERATION_DAYS = 10
RECONSIDERATION_DECISION_DAYS = 15
#: Art. 10 item 4: at least two online searches without result.
MIN_SEARCHES = 2


@dataclass(frozen=True)
class Search:
    """One search of the online enforcement search-and-control system (网络执行查控系统)."""

    on: date
    found_property: bool = False
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"on": self.on.isoformat(), "found_property": self.found_property, "note": self.note}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Search:
        return cls(date.fromisoformat(d["on"]), bool(d.get("found_property")), str(d.get("note") or ""))


@dataclass(frozen=True)
class PetitionDetails:
    """What a petition asks, beyond its kind (each field used by the kinds named)."""

    #: correction: the ground of Art. 11, and what the entry should say (ground 2).
    correction_ground: CorrectionGround | None = None
    requested_correction: str = ""
    #: lifting: the ground of 2015 Art. 9; on security, what is offered and its value (yuan).
    lifting_ground: LiftingGround | None = None
    security: str = ""
    security_value: Decimal | None = None
    #: lifting and permissions: the restricted items concerned (empty: all in force).
    items: tuple[int, ...] = ()
    #: removal_no_property: the ruling terminating this round (终结本次执行程序), the
    #: online searches after it, and whether anyone gave an effective asset lead.
    terminated_on: date | None = None
    searches: tuple[Search, ...] = ()
    asset_lead: bool = False
    #: temporary_travel: the ground and the trip.
    travel_ground: TravelGround | None = None
    itinerary: str = ""
    #: permissions: the period asked for.
    permit_from: date | None = None
    permit_until: date | None = None
    #: private and necessary consumption: what the petitioner wants to buy or do.
    consumption: str = ""
    #: The application is in writing (a correction must be, Art. 12).
    written: bool = True

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "correction_ground": self.correction_ground.value if self.correction_ground else None,
            "requested_correction": self.requested_correction or None,
            "lifting_ground": self.lifting_ground.value if self.lifting_ground else None,
            "security": self.security or None,
            "security_value": str(self.security_value) if self.security_value is not None else None,
            "items": list(self.items) or None,
            "terminated_on": self.terminated_on.isoformat() if self.terminated_on else None,
            "searches": [s.to_json() for s in self.searches] or None,
            "asset_lead": self.asset_lead or None,
            "travel_ground": self.travel_ground.value if self.travel_ground else None,
            "itinerary": self.itinerary or None,
            "permit_from": self.permit_from.isoformat() if self.permit_from else None,
            "permit_until": self.permit_until.isoformat() if self.permit_until else None,
            "consumption": self.consumption or None,
            "written": None if self.written else False,
        }
        return {k: v for k, v in out.items() if v is not None}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PetitionDetails:
        def day(key: str) -> date | None:
            v = d.get(key)
            return date.fromisoformat(v) if v else None

        return cls(
            correction_ground=CorrectionGround(str(d["correction_ground"]))
            if d.get("correction_ground") else None,
            requested_correction=str(d.get("requested_correction") or ""),
            lifting_ground=LiftingGround(d["lifting_ground"]) if d.get("lifting_ground") else None,
            security=str(d.get("security") or ""),
            security_value=Decimal(str(d["security_value"]))
            if d.get("security_value") not in (None, "") else None,
            items=tuple(int(i) for i in d.get("items") or ()),
            terminated_on=day("terminated_on"),
            searches=tuple(Search.from_json(s) for s in d.get("searches") or ()),
            asset_lead=bool(d.get("asset_lead")),
            travel_ground=TravelGround(d["travel_ground"]) if d.get("travel_ground") else None,
            itinerary=str(d.get("itinerary") or ""),
            permit_from=day("permit_from"), permit_until=day("permit_until"),
            consumption=str(d.get("consumption") or ""),
            written=d.get("written", True) is not False)

    def with_searches(self, searches: tuple[Search, ...], terminated_on: date | None,
                      asset_lead: bool) -> PetitionDetails:
        return replace(self, searches=searches, terminated_on=terminated_on, asset_lead=asset_lead)


@dataclass(frozen=True)
class Decision:
    """A judge's decision on a petition."""

    granted: bool
    reasons: str
    on: date
    #: The judge found the petition's facts verified.  For the kinds where
    #: verified facts oblige the court (R-C5, R-C6, Art. 10 item 2, Art. 12),
    #: a rejection with verified facts is refused.
    facts_verified: bool = False
    #: R-C6: the officer index of the new legal representative or principal.
    new_officer: int | None = None
    #: Correction ground 2: the corrected information.
    correction: str = ""
    #: Permissions: the period granted (default: the period asked for).
    permit_from: date | None = None
    permit_until: date | None = None
    #: Correction rejection: the next-higher court (default: the court setting).
    higher_court: str = ""
    #: Lifting on security (2015 Art. 9): the judge's explicit finding that the
    #: security is genuine and effective (确实有效) although it does not cover
    #: everything outstanding; without it such a security lifts nothing.
    security_effective: bool = False


def petition_number(case_number: str, sequence: int) -> str:
    """``(2026)京0105执1234号-申1``: the case number, then 申 and the petition's sequence in the case."""
    return f"{case_number}-申{sequence}"


_MSG: dict[str, tuple[str, str]] = {
    "petition.correction_ground": ("a correction application states its ground: 1, 2 or 3 of 2017 Provisions Art. 11",
                                   "纠正申请应写明理由：第十一条第（一）至（三）项之一"),
    "petition.correction_written": ("a correction application is made in writing (2017 Provisions Art. 12)",
                                    "纠正申请应以书面形式提出（第十二条）"),
    "petition.requested_correction": ("say what the inaccurate information should read (Art. 11 item 2)",
                                      "请写明应当更正的失信信息内容（第十一条第（二）项）"),
    "petition.lifting_ground": ("a lifting application states its ground: security, creditor_consent or "
                                "fully_performed (2015 Provisions Art. 9)",
                                "解除申请应写明理由：提供担保、申请执行人同意或者履行完毕（2015年规定第九条）"),
    "petition.security_offered": ("a lifting on security states what is offered as security "
                                  "(2015 Provisions Art. 9)", "以提供担保为由申请解除的，应写明提供的担保（2015年规定第九条）"),
    "petition.security_value": ("a lifting on security states the security's value in yuan, greater "
                                "than zero (2015 Provisions Art. 9)",
                                "以提供担保为由申请解除的，应写明担保的价值（人民币元，大于零）（2015年规定第九条）"),
    "petition.items": ("restriction items are numbered 1 to 9 (2015 Provisions Art. 3)",
                       "限制消费项目编号应为1至9（2015年规定第三条）"),
    "petition.travel_ground": ("temporary travel needs one of the grounds of 2019 Opinion item 17(3): illness, "
                               "funeral, official_duty, foreign_affairs, exam",
                               "暂时解除乘坐飞机、高铁限制须具有法发〔2019〕35号第17条第3项规定的事由之一"),
    "petition.period_required": ("give the first and last day of the period asked for",
                                 "请填写申请的起止日期"),
    "petition.period_order": ("the period ends before it starts", "截止日期早于起始日期"),
    "petition.period_too_long": ("a temporary lifting is at most {max} days (court setting; 2019 Opinion "
                                 "item 17(3), length UNCONFIRMED)",
                                 "暂时解除的期间不得超过{max}日（本院设置；法发〔2019〕35号第17条第3项）"),
    "petition.prior_approval": ("consumption is approved before it happens: the period cannot start before "
                                "{day} (2015 Provisions Art. 8)",
                                "消费须经批准后方可进行：期间不得早于{day}开始（2015年规定第八条）"),
    "petition.consumption": ("say what the petitioner wants to buy or do", "请写明申请的消费事项"),
    "petition.searches": ("deletion for lack of property needs at least two online searches after the "
                          "round was terminated (终结本次执行程序), none finding property, and no asset "
                          "lead (2017 Provisions Art. 10 para. 1 item 4)",
                          "终结本次执行程序后，须通过网络执行查控系统查询两次以上未发现可供执行财产，且无有效财产线索"
                          "（第十条第一款第（四）项）"),
    "petition.terminated_on": ("the date of the ruling terminating this round of enforcement "
                               "(终结本次执行程序) is needed (Art. 10 para. 1 item 4)",
                               "请填写终结本次执行程序的裁定日期（第十条第一款第（四）项）"),
}


def _add(e: ErrorCollector, path: str, rule: str, **fmt: object) -> None:
    en, zh = _MSG[rule]
    e.add(path, rule, en.format(**fmt), zh.format(**fmt))


def check_details(kind: PetitionKind, d: PetitionDetails, received_on: date, *,
                  travel_max_days: int = DEFAULT_TRAVEL_MAX_DAYS) -> list[FieldError]:
    """The rules a petition's own data must meet at intake (the case is checked by the service)."""
    e = ErrorCollector()
    p = "details."
    if any(not 1 <= i <= 9 for i in d.items):
        _add(e, f"{p}items", "petition.items")
    if kind is PetitionKind.CORRECTION:
        if d.correction_ground is None:
            _add(e, f"{p}correction_ground", "petition.correction_ground")
        elif d.correction_ground is CorrectionGround.INACCURATE and not d.requested_correction.strip():
            _add(e, f"{p}requested_correction", "petition.requested_correction")
        if not d.written:
            _add(e, f"{p}written", "petition.correction_written")
    if kind is PetitionKind.LIFTING and d.lifting_ground is None:
        _add(e, f"{p}lifting_ground", "petition.lifting_ground")
    if kind is PetitionKind.LIFTING and d.lifting_ground is LiftingGround.SECURITY:
        if not d.security.strip():
            _add(e, f"{p}security", "petition.security_offered")
        if d.security_value is None or d.security_value <= 0:
            _add(e, f"{p}security_value", "petition.security_value")
    if kind is PetitionKind.TEMPORARY_TRAVEL and d.travel_ground is None:
        _add(e, f"{p}travel_ground", "petition.travel_ground")
    if kind in (PetitionKind.PRIVATE_CONSUMPTION, PetitionKind.NECESSARY_CONSUMPTION) \
            and not d.consumption.strip():
        _add(e, f"{p}consumption", "petition.consumption")
    if kind in PERMISSION_KINDS:
        e.extend(check_period(kind, d.permit_from, d.permit_until, received_on,
                              travel_max_days=travel_max_days, path=p))
    return e.errors


def check_period(kind: PetitionKind, start: date | None, until: date | None, not_before: date, *,
                 travel_max_days: int, path: str = "") -> list[FieldError]:
    """A permission's period: given, in order, not before ``not_before`` for a
    consumption approved in advance (R-C8), and within the travel maximum (R-C7)."""
    e = ErrorCollector()
    if start is None or until is None:
        _add(e, f"{path}permit_from" if start is None else f"{path}permit_until",
             "petition.period_required")
        return e.errors
    if until < start:
        _add(e, f"{path}permit_until", "petition.period_order")
    if kind is PetitionKind.NECESSARY_CONSUMPTION and start < not_before:
        _add(e, f"{path}permit_from", "petition.prior_approval", day=not_before.isoformat())
    if kind is PetitionKind.TEMPORARY_TRAVEL and (until - start).days + 1 > travel_max_days:
        _add(e, f"{path}permit_until", "petition.period_too_long", max=travel_max_days)
    return e.errors


def check_searches(d: PetitionDetails) -> list[FieldError]:
    """R-R1, Art. 10 para. 1 item 4: two or more searches after the termination
    ruling, none finding property, and no effective asset lead."""
    e = ErrorCollector()
    if d.terminated_on is None:
        _add(e, "details.terminated_on", "petition.terminated_on")
        return e.errors
    after = [s for s in d.searches if s.on >= d.terminated_on]
    if len(after) < MIN_SEARCHES or any(s.found_property for s in after) or d.asset_lead:
        _add(e, "details.searches", "petition.searches")
    return e.errors


__all__ = [
    "CORRECTION_SLA", "CorrectionGround", "DEFAULT_TRAVEL_MAX_DAYS", "Decision", "KINDS", "KindInfo",
    "LiftingGround", "PERMISSION_KINDS", "PetitionDetails", "PetitionKind", "PetitionStatus",
    "PetitionerRole", "REMOVAL_KINDS", "Search", "Sla", "SlaUnit", "TravelGround",
    "check_details", "check_period", "check_searches", "petition_number",
]
