"""Shared inputs for the document tests: the example case, a listing, a
restriction order and the issuing arguments of every kind (no Qt, no database)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from courtapp.core.documents.builders import build
from courtapp.core.documents.model import DocKind, Document
from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.restriction_order import Factor, Initiation, RestrictionOrder
from courtapp.core.interchange import parse_cases

DATA = Path(__file__).resolve().parents[1] / "data"
TODAY = date(2026, 6, 30)
CASE_DISPLAY = "（2026）京0105执1234号"
#: A stand-in for the signed QR payload (~260 characters, as the signed one).
QR_TEXT = ("CAV1.eyJuIjoi77yIMjAyNu+8ieS6rDAxMDXmiacxMjM05Y+3Iiwia2luZCI6Indhcm5pbmcifQ."
           "3f0a9c1d2e4b5a6978c0d1e2f3a4b5c6d7e8f90123456789abcdef0123456789."
           "Qm9ndXMgc2lnbmF0dXJlIGZvciB0ZXN0czogNjQgYnl0ZXMgb2YgRWQyNTUxOSBzaWduYXR1cmUgZ29lcyBoZXJlLi4u"
           ".（2026）京0105执1234号")


def example_case() -> EnforcementCase:
    doc = json.loads((DATA / "example_case.json").read_text(encoding="utf-8"))
    return parse_cases([("", doc)], today=TODAY)[0]


def example_listing() -> Listing:
    start = date(2026, 4, 10)
    return Listing(
        respondent=0, grounds=[3], decided_on=start, signed_by="钱院长",
        reasons="被执行人于2026年3月10日将名下车辆转让给他人，规避执行。",
        term_years=2, grace_until=date(2026, 6, 10),
        restrictions=[Restriction(item=i, person=None, start=start) for i in (
            RestrictionItem.TRAVEL_CLASS, RestrictionItem.TOURISM, RestrictionItem.HIGH_SPEED_RAIL)])


def example_order() -> RestrictionOrder:
    """A standalone order on the entity respondent, binding it and its legal representative."""
    start, until = date(2026, 4, 20), date(2027, 4, 19)
    items = (RestrictionItem.TRAVEL_CLASS, RestrictionItem.STAR_VENUES, RestrictionItem.OFFICE_RENTAL,
             RestrictionItem.VEHICLES, RestrictionItem.HIGH_SPEED_RAIL)
    return RestrictionOrder(
        respondent=1, initiation=Initiation.CREDITOR_APPLICATION,
        factors=[Factor.PASSIVE_PERFORMANCE, Factor.ABLE_TO_PERFORM],
        reasons="被执行人名下有财产而消极履行。", decided_on=start,
        application_received_on=date(2026, 4, 15),
        restrictions=[Restriction(item=i, person=p, start=start, until=until)
                      for p in (None, 0) for i in items])


def kind_args(kind: DocKind) -> dict[str, Any]:
    """Keyword arguments of :func:`build` for ``kind`` (besides case, lang, number)."""
    listing, order = example_listing(), example_order()
    return {
        DocKind.EXECUTION_NOTICE: dict(respondent=0, issued_on=date(2026, 3, 3), signer="赵法官",
                                       signer_title="审判员"),
        DocKind.WARNING: dict(respondent=0, listing=listing, issued_on=date(2026, 4, 10),
                              signer="赵法官", signer_title="审判员"),
        DocKind.LISTING_DECISION: dict(respondent=0, listing=listing, issued_on=date(2026, 4, 10),
                                       signer="钱院长", signer_title="院长"),
        DocKind.RESTRICTION_ORDER: dict(respondent=1, order=order, issued_on=date(2026, 4, 20),
                                        signer="钱院长", signer_title="院长"),
        DocKind.RESTRICTION_LIFTING: dict(respondent=1, order=order, issued_on=date(2026, 5, 20),
                                          signer="钱院长", signer_title="院长",
                                          extra={"ground": "creditor_consent", "items": [2, 4]}),
        DocKind.DELETION: dict(respondent=0, listing=listing, issued_on=date(2026, 6, 20),
                               signer="钱院长", signer_title="院长",
                               extra={"action": "delete", "ground": 1}),
        DocKind.CORRECTION_DECISION: dict(
            respondent=0, listing=listing, issued_on=date(2026, 5, 5), signer="钱院长",
            signer_title="院长",
            extra={"outcome": "rejected", "ground": 1, "received_on": "2026-04-25",
                   "reasons": "被执行人转移财产规避执行的事实有车辆转让登记为证。",
                   "higher_court": "北京市第三中级人民法院"}),
        DocKind.PERMISSION: dict(
            respondent=0, listing=listing, issued_on=date(2026, 5, 8), signer="赵法官",
            signer_title="审判员",
            extra={"permission": "travel", "travel_ground": "illness", "received_on": "2026-05-06",
                   "from": "2026-05-10", "until": "2026-05-20", "itinerary": "北京—上海往返"}),
        DocKind.RECEIPT: dict(
            respondent=0, issued_on=date(2026, 4, 25), signer="孙书记员", signer_title="书记员",
            extra={"petition": "correction", "petition_number": "京0105诉服2026第0456号",
                   "received_on": "2026-04-25", "attachments": "身份证复印件、车辆转让合同"}),
    }[kind]


def number_for(kind: DocKind) -> str:
    return CASE_DISPLAY if kind is DocKind.EXECUTION_NOTICE else \
        CASE_DISPLAY.replace("号", f"号之{list(DocKind).index(kind) + 1}")


def build_example(kind: DocKind, lang: str = "zh", case: EnforcementCase | None = None,
                  **overrides: Any) -> Document:
    args = {**kind_args(kind), **overrides}
    return build(kind, case or example_case(), lang=lang, number=number_for(kind), **args)


# ------------------------------------------------------------------ variants
#: A reason as a judge types it: no closing punctuation (it ran into the next sentence).
BARE_REASON = "被执行人于2026年3月10日将名下车辆转让给他人，规避执行"
BARE_REASON_EN = "the respondent transferred its car to another person on 10 March 2026 to evade enforcement"
NEW_OFFICER_ID = "110105198505050038"


def case_with_new_officer() -> EnforcementCase:
    """The example case whose entity respondent has a new legal representative
    (赵六, officer 1) after 王五 (officer 0) left (2019 Opinion item 17(2))."""
    from courtapp.core.domain.model import Officer, OfficerRole

    case = example_case()
    case.respondents[1].officers.append(Officer(OfficerRole.LEGAL_REPRESENTATIVE, "赵六", NEW_OFFICER_ID))
    return case


def variants(lang: str = "zh") -> list[tuple[str, DocKind, dict[str, Any]]]:
    """(name, kind, overrides of :func:`build_example`) for every kind and the
    drafting variants a clerk reads: reasons without a full stop, a natural
    person's order, a released officer, each deletion ground, a late deletion,
    a receipt taken by the command line's operator."""
    from dataclasses import replace

    bare = BARE_REASON if lang == "zh" else BARE_REASON_EN
    listing, order = example_listing(), example_order()
    return [
        *[(kind.value, kind, {}) for kind in DocKind],
        ("listing_decision-bare-reason", DocKind.LISTING_DECISION,
         {"listing": replace(listing, reasons=bare)}),
        ("listing_decision-no-term", DocKind.LISTING_DECISION,
         {"listing": replace(listing, grounds=[1], term_years=None, grace_until=None)}),
        ("restriction_order-person", DocKind.RESTRICTION_ORDER,
         {"respondent": 0, "order": None, "listing": replace(listing, reasons=bare)}),
        ("restriction_order-bare-reason", DocKind.RESTRICTION_ORDER,
         {"order": replace(order, reasons="逾期未履行，消极履行" if lang == "zh" else "passive performance")}),
        ("restriction_lifting-whole", DocKind.RESTRICTION_LIFTING, {"extra": {"ground": "fully_performed"}}),
        ("restriction_lifting-officer", DocKind.RESTRICTION_LIFTING,
         {"case": case_with_new_officer(), "extra": {"ground": "officer_change", "persons": [0],
                                                    "items": [1, 2, 4, 5, 9]}}),
        ("deletion-creditor-late", DocKind.DELETION,
         {"extra": {"action": "delete", "ground": 3, "late": True, "due_on": "2026-06-15"}}),
        ("deletion-expired", DocKind.DELETION, {"extra": {"action": "delete", "ground": "expired"},
                                                "issued_on": date(2028, 4, 12)}),
        ("deletion-early", DocKind.DELETION, {"extra": {"action": "delete", "ground": "early"}}),
        ("deletion-revoke", DocKind.DELETION,
         {"extra": {"action": "revoke", "reasons": "被执行人系未成年人" if lang == "zh" else "the respondent is a minor"}}),
        ("correction_decision-bare-reason", DocKind.CORRECTION_DECISION,
         {"extra": {"outcome": "rejected", "ground": 3, "received_on": "2026-04-25",
                    "reasons": "不符合删除条件" if lang == "zh" else "the conditions for deletion are not met",
                    "higher_court": "北京市第三中级人民法院"}}),
        ("correction_decision-granted", DocKind.CORRECTION_DECISION,
         {"extra": {"outcome": "granted", "ground": 2, "received_on": "2026-04-25",
                    "reasons": "经核实，登记的金额有误" if lang == "zh" else "the amount recorded is wrong",
                    "correction": "未履行金额更正为人民币40,000.00元" if lang == "zh"
                    else "the amount outstanding is CNY 40,000.00"}}),
        ("permission-private", DocKind.PERMISSION,
         {"respondent": 1, "order": order, "listing": None,
          "extra": {"permission": "private", "person": 0, "received_on": "2026-05-06", "from": "2026-05-10",
                    "until": "2026-06-10", "consumption": "以个人财产支付子女学费。"}}),
        ("permission-necessary", DocKind.PERMISSION,
         {"extra": {"permission": "necessary", "received_on": "2026-05-06", "from": "2026-05-10",
                    "until": "2026-06-10", "consumption": "因经营需要租赁办公用房；"}}),
        ("receipt-console", DocKind.RECEIPT,
         {"signer": "console:root", "signer_title": "经办人" if lang == "zh" else "Officer",
          "extra": {"petition": "deletion", "petition_number": "(2026)京0105执1234号-申1",
                    "received_on": "2026-04-25", "due_on": "2026-04-29",
                    "attachments": "转账凭证(2026)京0105执1234号.pdf"}}),
    ]
