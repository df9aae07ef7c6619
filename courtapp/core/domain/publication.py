"""What a published listing says, and who is told.

- R-L8 (2017 Provisions Art. 6): the entry's contents.
- R-L9 (Arts. 7-8): publication to the SPC list database and notification of
  credit-reporting agencies, the bodies of Art. 8 para. 1, and — for a state
  functionary, NPC deputy or CPPCC member — the work unit (para. 3), or — for a
  state organ, public institution or state-owned enterprise — the superior
  unit, competent department or investor body (para. 4).
- Travel items (2015 Art. 3 items 1 and 9) also reach the carriers that
  enforce them at ticketing: airlines and rail (2015 Art. 6 assistance).
  A removal, lifting or correction reaches everyone the listing reached
  (2015 Art. 9: "within the same scope"); a temporary permission reaches the
  SPC list system and the carriers of the items it unblocks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from courtapp.core.domain.assessment import GROUND_TEXT
from courtapp.core.domain.identifiers import resident_id_info
from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem, RestrictionStatus
from courtapp.core.domain.model import (
    CONDUCT_GROUND,
    EnforcementCase,
    OfficerRole,
    PartyKind,
    PublicRole,
)


def entry_data(case: EnforcementCase, listing: Listing, as_of: date) -> dict[str, Any]:
    """The list entry of 2017 Provisions Art. 6 for ``listing`` (R-L8)."""
    party = case.respondents[listing.respondent]
    entry: dict[str, Any] = {"name": party.name}
    if party.kind is PartyKind.PERSON:  # Art. 6 item (2)
        info = resident_id_info(party.id_number or "")
        entry |= {"kind": "person", "sex": info.sex, "age": info.age_on(as_of),
                  "id_number": party.id_number}
    else:  # Art. 6 item (1)
        head = next((o for o in party.officers if o.role is OfficerRole.LEGAL_REPRESENTATIVE),
                    next((o for o in party.officers if o.role is OfficerRole.PRINCIPAL), None))
        entry |= {"kind": "entity", "credit_code": party.credit_code,
                  "legal_representative": head.name if head else None}
    # Item (3): the obligations and how far they are performed.
    entry["obligations"] = [
        {"kind": o.kind.value, "description": o.description,
         "amount": f"{o.amount:.2f}" if o.amount is not None else None}
        for o in case.obligations]
    entry["performance"] = {
        "due": f"{case.total_due():.2f}", "paid": f"{case.total_paid(as_of):.2f}",
        "outstanding": f"{case.outstanding(as_of):.2f}",
        "acts_unperformed": [case.obligations[i].description for i in case.unperformed_acts(as_of)],
        "status": "partly_performed" if case.partly_performed(as_of) else (
            "performed" if case.fully_performed(as_of) else "not_performed"),
    }
    # Item (4): the specific dishonest conduct.
    entry["dishonest_conduct"] = [
        {"ground": g, "text_en": GROUND_TEXT[g][0], "text_zh": GROUND_TEXT[g][1],
         "records": [{"on": c.on.isoformat(), "description": c.description}
                     for c in case.conduct
                     if c.respondent == listing.respondent and CONDUCT_GROUND[c.type] == g]}
        for g in sorted(set(listing.grounds))]
    # Item (5): the basis, the case number, the filing date, the court.
    entry |= {
        "basis_issuer": case.basis.issuer, "basis_document_number": case.basis.document_number,
        "case_number": case.case_number, "filed_on": case.filed_on.isoformat(),
        "court": case.court.name,
    }
    return entry


@dataclass(frozen=True)
class Recipient:
    """One body to tell about a publication, removal or lifting."""

    code: str
    name_en: str
    name_zh: str
    article: str


SPC_LIST = Recipient("spc_list", "SPC list of dishonest judgment defaulters", "最高人民法院失信被执行人名单库",
                     "2017 Provisions Art. 7")
CREDIT_REPORTING = Recipient("credit_reporting", "credit-reporting agencies", "征信机构",
                             "2017 Provisions Art. 8 para. 2")
AGENCIES = Recipient("agencies",
                     "government departments, financial regulators and institutions, trade associations",
                     "政府部门、金融监管机构、金融机构、承担行政职能的事业单位及行业协会",
                     "2017 Provisions Art. 8 para. 1")


#: The carriers that enforce travel items (2015 Art. 3 items 1 and 9) at ticketing; the
#: court's assistance notices go to them (2015 Art. 6) and so must every change.
AIRLINES = Recipient("airlines", "airlines (civil-aviation ticketing)", "民航售票系统（各航空公司）",
                     "2015 Provisions Arts. 3, 6")
RAIL = Recipient("rail", "China State Railway Group (12306 ticketing)",
                 "中国国家铁路集团有限公司（12306售票系统）", "2015 Provisions Arts. 3, 6")
#: Which carriers enforce which travel item: aircraft and soft-sleeper berths (item 1),
#: G-prefix and first-class EMU seats (item 9).
CARRIERS: dict[RestrictionItem, tuple[Recipient, ...]] = {
    RestrictionItem.TRAVEL_CLASS: (AIRLINES, RAIL),
    RestrictionItem.HIGH_SPEED_RAIL: (RAIL,),
}


def carriers(items: Iterable[RestrictionItem]) -> list[Recipient]:
    """The carriers to tell about ``items`` (airlines, rail), once each, in that order."""
    wanted = {r.code for i in items for r in CARRIERS.get(i, ())}
    return [r for r in (AIRLINES, RAIL) if r.code in wanted]


def in_force(restrictions: Iterable[Restriction]) -> list[RestrictionItem]:
    return [r.item for r in restrictions if r.status is not RestrictionStatus.LIFTED]


def recipients(case: EnforcementCase, listing: Listing) -> list[Recipient]:
    """Everyone a publication of ``listing`` must reach (R-L9), with the carriers
    for its travel items; a removal, correction or lifting reaches the same bodies."""
    return listing_bodies(case, listing.respondent, in_force(listing.restrictions))


def listing_bodies(case: EnforcementCase, respondent: int,
                   items: Iterable[RestrictionItem] = ()) -> list[Recipient]:
    """The SPC list, credit reporting, the Art. 8 para. 1 bodies, the carriers of
    ``items``, and any Art. 8 para. 3-4 body."""
    party = case.respondents[respondent]
    out = [SPC_LIST, CREDIT_REPORTING, AGENCIES, *carriers(items)]
    role = party.public_role
    if role in (PublicRole.STATE_FUNCTIONARY, PublicRole.NPC_DEPUTY, PublicRole.CPPCC_MEMBER):
        out.append(Recipient("work_unit", f"work unit: {party.notify_body}",
                             f"所在单位：{party.notify_body}", "2017 Provisions Art. 8 para. 3"))
    elif role in (PublicRole.STATE_ORGAN, PublicRole.PUBLIC_INSTITUTION,
                  PublicRole.STATE_OWNED_ENTERPRISE):
        out.append(Recipient("superior_body", f"superior or investor body: {party.notify_body}",
                             f"上级单位、主管部门或履行出资人职责的机构：{party.notify_body}",
                             "2017 Provisions Art. 8 para. 4"))
    return out

