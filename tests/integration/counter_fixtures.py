"""Cases, listings and orders for the counter tests (issue 5).

The example case (2026)京0105执1234号: applicant 李四 (11010519491231002X);
respondent 0 张三 (360426199101010071); respondent 1 某某科技有限公司
(91110000600037341L) with its legal representative 王五 (110105198001010016).
50,000 yuan and a public apology are due; 10,000 was paid on 2026-04-01.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from courtapp.core import interchange
from courtapp.core.context import AppContext
from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem
from courtapp.core.domain.model import Payment, ServiceMethod
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
ADMIN = Actor("admin", frozenset({Role.ADMIN}), display_name="admin")
AUDITOR = Actor("auditor", frozenset({Role.AUDITOR}))
#: The date the tests "live" on for validation of entered data.
FAR = date(2030, 12, 31)

ZHANG_SAN = "360426199101010071"
LI_SI = "11010519491231002X"
COMPANY = "91110000600037341L"
WANG_WU = "110105198001010016"
ZHAO_LIU = "110105198505050038"  # the company's new legal representative (R-C6)
STRANGER = "110105199001010029"
NUMBER = "(2026)京0105执1234号"

#: An illustrative 2027 schedule (the State Council's real one is not published yet).
SCHEDULE_2027 = [(date(2027, 1, 1), "元旦"), (date(2027, 1, 2), "元旦"), (date(2027, 1, 3), "元旦")]


def case_doc(mutate: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    d: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if mutate:
        mutate(d)
    return d


def store(db: AppContext, mutate: Callable[[dict[str, Any]], None] | None = None, *,
          open_ended: bool = True) -> int:
    """The example case; ``open_ended``: 张三 gave no security and nothing of his is
    frozen, so ground (1) is open to him (2017 Art. 3 items 1-2) and his listing
    has no fixed term; the company is found able to perform too."""
    d = case_doc(mutate)
    if open_ended:
        d["security"], d["property"] = [], []
        d["findings"].append({"respondent": 1, "able_to_perform": True})
    case = interchange.loads(json.dumps(d, ensure_ascii=False), today=FAR)[0]
    return svc.create_case(db.uow(), JUDGE, case).id


def publish(db: AppContext, case_id: int, *, respondent: int = 0, grounds: tuple[int, ...] = (1,),
            term: int | None = None, on: date = date(2026, 5, 6),
            items: tuple[tuple[int, int | None], ...] = ((1, None), (9, None)),
            grace: date | None = None, published: bool = True) -> int:
    """A listing signed and served on ``on`` and published the next day."""
    rec = ls.prepare_listing(
        db.uow(), JUDGE, case_id,
        Listing(respondent=respondent, grounds=list(grounds), decided_on=on, term_years=term,
                grace_until=grace,
                restrictions=[Restriction(RestrictionItem(i), p, on) for i, p in items]),
        reasons_zh="被执行人有履行能力而拒不履行生效法律文书确定的义务")
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, on)
    ls.record_service(db.uow(), CLERK, signed.id, on, ServiceMethod.DIRECT)
    if published:
        result = ls.publish_due(db.uow(), ADMIN, on + timedelta(days=1) if grace is None
                                else grace + timedelta(days=1))
        assert signed.id in result.published
    return signed.id


def order_on_company(db: AppContext, case_id: int, *, on: date = date(2026, 5, 6)) -> int:
    """A signed standalone restriction order on the company and 王五: flights and rail."""
    rec = rs.prepare_order(db.uow(), JUDGE, case_id, RestrictionOrder(
        respondent=1, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
        reasons="逾期未履行，消极履行", decided_on=on,
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, on),
                      Restriction(RestrictionItem.TRAVEL_CLASS, 0, on),
                      Restriction(RestrictionItem.HIGH_SPEED_RAIL, 0, on)]))
    return rs.sign_order(db.uow(), PRESIDENT, rec.id, rec.version, on).id


def perform_fully(db: AppContext, case_id: int, on: date) -> None:
    """The rest of the money and the apology, recorded on the case (update_case)."""
    rec = svc.get_case(db.uow(), JUDGE, case_id=case_id)
    case = rec.case
    case.payments.append(Payment(on, 0, amount=case.outstanding(on)))
    case.payments.append(Payment(on, 0, act="已在报纸上公开赔礼道歉", obligation=1))
    svc.update_case(db.uow(), JUDGE, case_id, rec.version, case, today=FAR)


def pay(db: AppContext, case_id: int, on: date, amount: str) -> None:
    rec = svc.get_case(db.uow(), JUDGE, case_id=case_id)
    rec.case.payments.append(Payment(on, 0, amount=Decimal(amount)))
    svc.update_case(db.uow(), JUDGE, case_id, rec.version, rec.case, today=FAR)
