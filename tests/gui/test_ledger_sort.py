"""The dispatch ledger sorts by its column headers on the server (issue 12 §2):
a header click reloads the open items in the database's order (the id breaks
ties), with a sort arrow; the due columns, counted from the court calendar,
are not sortable and leave the arrow where the order is."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
from document_fixtures import CLERK, build_court  # noqa: E402

from courtapp.core.context import AppContext  # noqa: E402
from courtapp.core.db.orm import DispatchRow  # noqa: E402
from courtapp.core.domain import paging  # noqa: E402
from courtapp.core.services import dispatch  # noqa: E402
from courtapp.ui.counter import LedgerPage  # noqa: E402
from courtapp.ui.counter.ledger import COL_CREATED, COL_DUE, COL_RECIPIENT  # noqa: E402
from courtapp.ui.tasks import TaskRunner  # noqa: E402

TIMEOUT = 15_000
TODAY = date(2026, 6, 1)


def add_items(db: AppContext) -> None:
    court = build_court(db)
    names = ["最高人民法院名单库", "不动产登记中心", "银行业协会", "民航局", "铁路总公司"]
    with Session(db.engine) as s:
        for i, name in enumerate(names):
            s.add(DispatchRow(case_id=court.case_id, event=("publication", "removal")[i % 2],
                              recipient=f"r{i}", recipient_name=name, article="R-L9",
                              payload="{}", created_on=TODAY - timedelta(days=(i * 3) % 4),
                              status="open"))
        s.commit()


def test_a_header_click_orders_the_ledger_on_the_server(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_items(sqlite_db)
    monkeypatch.setattr(paging, "PAGE_SIZE", 2)  # the load crosses pages: every row shows
    ledger = LedgerPage(sqlite_db, CLERK, tasks, clock=lambda: TODAY)
    qtbot.addWidget(ledger)
    with qtbot.waitSignal(ledger.loaded, timeout=TIMEOUT):
        ledger.show()
    header = ledger.table.horizontalHeader()

    def shown() -> list[int]:
        return [i.id for i in ledger.items()]

    def sql(order: str) -> list[int]:
        with sqlite_db.engine.connect() as c:
            return [r[0] for r in c.execute(text(
                "SELECT d.id FROM dispatch_items d JOIN cases c ON c.id = d.case_id "
                f"WHERE d.status = 'open' ORDER BY {order}"))]

    def click(col: int) -> None:
        x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    assert len(shown()) >= 5 and shown() == sql("d.id")  # oldest first, every row
    with qtbot.waitSignal(ledger.loaded, timeout=TIMEOUT):
        click(COL_RECIPIENT)
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == COL_RECIPIENT
    way = "" if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else " DESC"
    assert shown() == sql(f"d.recipient_name{way}, d.id{way}") != sql("d.id")
    with qtbot.waitSignal(ledger.loaded, timeout=TIMEOUT):
        click(COL_CREATED)
    way = "" if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else " DESC"
    assert shown() == sql(f"d.created_on{way}, d.id{way}")
    with qtbot.waitSignal(ledger.loaded, timeout=TIMEOUT):
        click(COL_CREATED)  # the second click reverses
    way2 = "" if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else " DESC"
    assert way2 != way and shown() == sql(f"d.created_on{way2}, d.id{way2}")
    before = shown()
    click(COL_DUE)  # not sortable on the server: the arrow and the order stay
    assert header.sortIndicatorSection() == COL_CREATED and shown() == before
    assert header.sortIndicatorOrder() == (Qt.SortOrder.DescendingOrder if way2
                                           else Qt.SortOrder.AscendingOrder)
    assert dispatch.open_items(sqlite_db.uow(), CLERK, sort="created_on",
                               descending=bool(way2)) == ledger.items()
