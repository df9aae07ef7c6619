"""Money is stored as integer fen, never as a float or a decimal string."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Integer, inspect, text

from courtapp.core.context import AppContext
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.roles import Actor
from courtapp.core.services import cases as svc

Factory = Callable[..., EnforcementCase]

MONEY_COLUMNS = [
    ("obligations", "amount_fen"), ("payments", "amount_fen"), ("property_items", "value_fen"),
    ("securities", "value_fen"), ("cases", "due_fen"), ("cases", "outstanding_fen"),
]


def test_money_columns_are_integers_in_the_schema(db: AppContext) -> None:
    insp = inspect(db.engine)
    for table, column in MONEY_COLUMNS:
        [col] = [c for c in insp.get_columns(table) if c["name"] == column]
        assert isinstance(col["type"], BigInteger | Integer), (table, column, col["type"])


def test_amounts_are_stored_as_integer_fen(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    def cents(doc: dict[str, Any]) -> None:
        doc["obligations"][0]["amount"] = "50000.07"
        doc["payments"][0]["amount"] = "0.10"
        doc["property"][0]["value"] = "1234567.89"

    svc.create_case(db.uow(), judge, make_case(1, cents), today=today)
    with db.engine.connect() as c:
        obligations = c.execute(text(
            "select amount_fen from obligations order by position")).scalars().all()
        payment = c.execute(text("select amount_fen from payments")).scalar_one()
        prop = c.execute(text("select value_fen from property_items")).scalar_one()
        security = c.execute(text("select value_fen from securities")).scalar_one()
        due, outstanding = c.execute(text("select due_fen, outstanding_fen from cases")).one()
        if db.engine.dialect.name == "sqlite":
            kinds = c.execute(text(
                "select typeof(amount_fen) from obligations where amount_fen is not null "
                "union select typeof(value_fen) from property_items "
                "union select typeof(due_fen) from cases")).scalars().all()
            assert kinds == ["integer"]
    assert obligations == [5000007, None]  # the non-monetary obligation has no amount
    assert payment == 10
    assert prop == 123456789
    assert security == 5000000
    assert (due, outstanding) == (5000007, 4999997)
    for v in (payment, prop, security, due, outstanding, obligations[0]):
        assert type(v) is int


def test_large_amounts_round_trip_exactly(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    def large(doc: dict[str, Any]) -> None:
        doc["obligations"][0]["amount"] = "9999999999999.99"

    rec = svc.create_case(db.uow(), judge, make_case(1, large), today=today)
    with db.engine.connect() as c:
        assert c.execute(text(
            "select amount_fen from obligations where position = 0")).scalar_one() == 999999999999999
    got = svc.get_case(db.uow(), judge, case_id=rec.id).case
    assert got.obligations[0].amount == Decimal("9999999999999.99")
    assert got.outstanding() == Decimal("9999999989999.99")
