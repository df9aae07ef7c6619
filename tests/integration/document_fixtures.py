"""The example case with the listing and order states every document kind needs
(shared by test_documents_register.py and test_cli_documents.py).

Case (2026)京0105执1234号 (the example case):
- respondent 0 (张三): a listing with a two-month grace period and two
  restriction items, signed by the president on 2026-05-08; its second item
  (high-speed rail) then temporarily lifted;
- respondent 1 (某某科技有限公司): a standalone restriction order binding the
  company and its legal representative, signed on 2026-05-07.
Case (2026)京0105执1235号: a respondent 0 whose listing was deleted (imported).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from courtapp.core import interchange
from courtapp.core.context import AppContext
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem, RestrictionStatus
from courtapp.core.domain.restriction_order import Factor, Initiation, RestrictionOrder
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import cases as svc
from courtapp.core.services import listing as ls
from courtapp.core.services import restriction as rs

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"
JUDGE = Actor("赵法官", frozenset({Role.JUDGE}), display_name="赵法官")
PRESIDENT = Actor("钱院长", frozenset({Role.PRESIDENT}), display_name="钱院长")
CLERK = Actor("李书记员", frozenset({Role.CLERK}), display_name="李书记员")
COUNTER = Actor("陈窗口", frozenset({Role.COUNTER}), display_name="陈窗口")
ISSUED_ON = date(2026, 5, 11)
GRACE_UNTIL = date(2026, 7, 8)

#: ``extra`` for the kinds that need data the case does not hold (petitions come later).
EXTRA: dict[DocKind, dict[str, Any]] = {
    DocKind.RESTRICTION_LIFTING: {"ground": "creditor_consent"},
    DocKind.DELETION: {"ground": 1},
    DocKind.CORRECTION_DECISION: {
        "outcome": "rejected", "ground": 1, "received_on": "2026-05-20",
        "reasons": "申请人所述情形不属于应予纠正的情形", "higher_court": "北京市第三中级人民法院"},
    DocKind.PERMISSION: {
        "permission": "travel", "travel_ground": "illness", "received_on": "2026-05-25",
        "from": "2026-06-01", "until": "2026-06-05", "itinerary": "北京—上海"},
    DocKind.RECEIPT: {
        "petition": "correction", "petition_number": "（2026）京0105执收12号",
        "received_on": "2026-05-20", "petitioner": "respondent",
        "attachments": "纠正申请书一份、身份证复印件一份"},
}


def case_doc(seq: int = 1234) -> dict[str, Any]:
    d: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    d["case_number"] = f"(2026)京0105执{seq}号"
    return d


def store(db: AppContext, d: dict[str, Any], *, imported: bool = False) -> int:
    case = interchange.loads(json.dumps(d, ensure_ascii=False), today=date(2026, 6, 30))[0]
    if imported:
        return svc.import_cases(db.uow(), JUDGE, [case])[0].id
    return svc.create_case(db.uow(), JUDGE, case).id


@dataclass(frozen=True)
class Court:
    case_id: int
    removed_case_id: int
    listing_id: int
    order_id: int
    case_number: str = "(2026)京0105执1234号"
    removed_case_number: str = "(2026)京0105执1235号"


def prepare_listing(db: AppContext, case_id: int, *, sign: bool = True,
                    grace: date | None = GRACE_UNTIL) -> ls.ListingRecord:
    rec = ls.prepare_listing(
        db.uow(), JUDGE, case_id,
        Listing(respondent=0, grounds=[3], decided_on=date(2026, 5, 6), term_years=2,
                grace_until=grace,
                restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, date(2026, 5, 6)),
                              Restriction(RestrictionItem.HIGH_SPEED_RAIL, None, date(2026, 5, 6))]),
        reasons_zh="被执行人有履行能力而拒不履行生效法律文书确定的义务，且转移财产规避执行")
    if sign:
        rec = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 8))
    return rec


def build_court(db: AppContext) -> Court:
    case_id = store(db, case_doc(1234))
    listing = prepare_listing(db, case_id)
    ls.set_restriction_status(db.uow(), JUDGE, listing.id, 1, RestrictionStatus.TEMPORARILY_LIFTED,
                              date(2026, 5, 10), "赴外地就医，准许临时乘坐高铁")
    order = rs.prepare_order(db.uow(), JUDGE, case_id, RestrictionOrder(
        respondent=1, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
        reasons="逾期未履行，消极履行", decided_on=date(2026, 5, 6),
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, date(2026, 5, 6)),
                      Restriction(RestrictionItem.TRAVEL_CLASS, 0, date(2026, 5, 6))]))
    order = rs.sign_order(db.uow(), PRESIDENT, order.id, order.version, date(2026, 5, 7))
    removed = case_doc(1235)
    removed["listings"] = [{
        "respondent": 0, "grounds": [3], "decided_on": "2026-04-06", "signed_by": "钱院长",
        "served_on": "2026-04-07", "service_method": "direct", "published_on": "2026-04-08",
        "term_years": 2, "extension_years": 0, "grace_until": None, "status": "removed",
        "removed_on": "2026-05-04", "removal_kind": "deleted",
        "restrictions": [{"item": 1, "person": None, "from": "2026-04-06", "until": "2026-05-04",
                          "status": "lifted"}]}]
    removed_id = store(db, removed, imported=True)
    return Court(case_id, removed_id, listing.id, order.id)


#: (kind, which case, respondent) for one document of each kind.
EACH_KIND: list[tuple[DocKind, str, int]] = [
    (DocKind.EXECUTION_NOTICE, "case", 0),
    (DocKind.WARNING, "case", 0),
    (DocKind.LISTING_DECISION, "case", 0),
    (DocKind.RESTRICTION_ORDER, "case", 1),
    (DocKind.RESTRICTION_LIFTING, "case", 0),
    (DocKind.DELETION, "removed", 0),
    (DocKind.CORRECTION_DECISION, "case", 0),
    (DocKind.PERMISSION, "case", 0),
    (DocKind.RECEIPT, "case", 0),
]
