"""The example case and its listings and orders, as domain objects and in a
:class:`fakes.FakeUnitOfWork` (no database): the counter-rule unit tests.

(2026)京0105执1234号: applicant 李四 (11010519491231002X); respondent 0 张三
(360426199101010071); respondent 1 某某科技有限公司 (91110000600037341L), its legal
representative 王五 (110105198001010016).  50,000 yuan and a public apology are
due; 10,000 was paid on 2026-04-01.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from fakes import FakeUnitOfWork

from courtapp.core import interchange
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
)
from courtapp.core.domain.model import EnforcementCase, Payment, ServiceMethod
from courtapp.core.domain.restriction_order import (
    Factor,
    Initiation,
    OrderStatus,
    RestrictionOrder,
)
from courtapp.core.domain.roles import Actor, Role

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"
JUDGE = Actor("赵法官", frozenset({Role.JUDGE}), display_name="赵法官")
COUNTER = Actor("陈窗口", frozenset({Role.COUNTER}), display_name="陈窗口")
CLERK = Actor("李书记员", frozenset({Role.CLERK}), display_name="李书记员")
ADMIN = Actor("admin", frozenset({Role.ADMIN}), display_name="admin")
FAR = date(2030, 12, 31)

ZHANG_SAN = "360426199101010071"
LI_SI = "11010519491231002X"
COMPANY = "91110000600037341L"
WANG_WU = "110105198001010016"
STRANGER = "110105199001010029"
LISTED_ON = date(2026, 5, 6)


def example_case(mutate: Callable[[dict[str, Any]], None] | None = None, *,
                 open_ended: bool = True) -> EnforcementCase:
    """The example case; ``open_ended``: no security and nothing frozen (ground (1) open)."""
    d: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if open_ended:
        d["security"], d["property"] = [], []
        d["findings"].append({"respondent": 1, "able_to_perform": True})
    if mutate:
        mutate(d)
    return interchange.loads(json.dumps(d, ensure_ascii=False), today=FAR)[0]


def published(respondent: int = 0, *, term: int | None = None, grounds: tuple[int, ...] = (1,),
              items: tuple[tuple[int, int | None], ...] = ((1, None), (9, None)),
              status: ListingStatus = ListingStatus.PUBLISHED) -> Listing:
    """A listing signed and served on 2026-05-06, published the next day."""
    on = LISTED_ON
    return Listing(respondent=respondent, grounds=list(grounds), decided_on=on, signed_by="钱院长",
                   served_on=on, service_method=ServiceMethod.DIRECT,
                   published_on=date(2026, 5, 7) if status is ListingStatus.PUBLISHED else None,
                   term_years=term, status=status,
                   restrictions=[Restriction(RestrictionItem(i), p, on) for i, p in items])


def company_order() -> RestrictionOrder:
    """A signed standalone order on the company and 王五: flights and rail."""
    on = LISTED_ON
    return RestrictionOrder(
        respondent=1, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
        reasons="逾期未履行，消极履行", decided_on=on, signed_by="钱院长", status=OrderStatus.SIGNED,
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, on),
                      Restriction(RestrictionItem.TRAVEL_CLASS, 0, on),
                      Restriction(RestrictionItem.HIGH_SPEED_RAIL, 0, on)])


def performed(case: EnforcementCase, on: date) -> EnforcementCase:
    """The rest of the money and the apology, recorded on ``on``."""
    case.payments.append(Payment(on, 0, amount=case.outstanding(on)))
    case.payments.append(Payment(on, 0, act="已在报纸上公开赔礼道歉", obligation=1))
    return case


def paid(case: EnforcementCase, on: date, amount: str) -> EnforcementCase:
    case.payments.append(Payment(on, 0, amount=Decimal(amount)))
    return case


def world(*, listing: Listing | None = None, order: bool = False,
          case: EnforcementCase | None = None) -> tuple[FakeUnitOfWork, int, int | None, int | None]:
    """A fake unit of work with the 2026-2027 calendar, the case, and (by default)
    张三's published listing; ``order``: also the company's order.
    Returns (uow, case id, listing id, order id)."""
    uow = FakeUnitOfWork()
    uow.seed_calendar([2026])
    cid = uow.seed_case(case or example_case())
    lid = uow.seed_listing(cid, listing or published())
    oid = uow.seed_order(cid, company_order()) if order else None
    return uow, cid, lid, oid


def statuses(uow: FakeUnitOfWork, listing_id: int) -> list[RestrictionStatus]:
    return [r.status for r in uow.committed.listings[listing_id].listing.restrictions]
