"""The Decisions screen shows its first page at once and fetches the next as
the user scrolls (issue 12 §2): a page size of 2 stands in for 200.  Every
listing comes in the database's order to the very last one, the total is
counted after the first page, a header click starts over from the first page in
the new order, and a decision selected deep in the list is selected again after
a reload."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from paging_helpers import scroll_to_the_end
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
from counter_fixtures import ADMIN, publish, store  # noqa: E402

from courtapp.core.context import AppContext  # noqa: E402
from courtapp.ui.listing import DecisionsPage  # noqa: E402
from courtapp.ui.listing import decisions as decisions_module  # noqa: E402
from courtapp.ui.listing.decisions import COL_DECIDED  # noqa: E402
from courtapp.ui.tasks import TaskRunner  # noqa: E402

pytestmark = pytest.mark.usefixtures("tasks_settled")  # tasks end before the runner stops
TIMEOUT = 15_000
PAGE = 2
DAYS = (4, 8, 6, 6, 5, 8, 7)  # decided on 2026-05-DD: ties for the id to break


@pytest.fixture
def listings(sqlite_db: AppContext) -> int:
    for seq, day in enumerate(DAYS, start=1301):
        def renumber(d: dict[str, object], seq: int = seq) -> None:
            d["case_number"] = f"(2026)京0105执{seq}号"
        publish(sqlite_db, store(sqlite_db, renumber), on=date(2026, 5, day))
    return len(DAYS)



def sql(db: AppContext, order: str) -> list[int]:
    with db.engine.connect() as c:
        return [r[0] for r in c.execute(text(
            f"SELECT l.id FROM listings l JOIN cases c ON c.id = l.case_id ORDER BY {order}"))]


def shown(page: DecisionsPage) -> list[int]:
    return [page.model.overview(r).record.id for r in range(page.model.rowCount())]



def open_page(qtbot: QtBot, db: AppContext, tasks: TaskRunner,
              at_loaded: list[tuple[int, bool]], sizes: list[int] | None = None) -> DecisionsPage:
    page = DecisionsPage(db, ADMIN, tasks, clock=lambda: date(2026, 6, 1))
    qtbot.addWidget(page)
    if sizes is not None:
        page.model.page_loaded.connect(sizes.append)  # the rows of each page shown
    page.loaded.connect(lambda: at_loaded.append(
        (page.model.rowCount(), page.model.canFetchMore(QModelIndex()))))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def test_the_decisions_show_their_first_page_then_the_rest_as_they_scroll(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, listings: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decisions_module, "PAGE_SIZE", PAGE)
    newest = sql(sqlite_db, "l.id DESC")
    assert len(newest) == listings
    at_loaded: list[tuple[int, bool]] = []
    sizes: list[int] = []
    page = open_page(qtbot, sqlite_db, tasks, at_loaded, sizes)
    assert at_loaded == [(PAGE, True)]  # the first page alone, at once
    assert shown(page)[:PAGE] == newest[:PAGE]
    qtbot.waitUntil(lambda: page.count == listings, timeout=TIMEOUT)
    assert f"{listings} decisions" in page.count_label.text()

    scroll_to_the_end(qtbot, page)
    assert shown(page) == newest  # the database's order, to the very last row
    # Page after page, none read twice.
    assert sizes == [PAGE] * (listings // PAGE) + ([listings % PAGE] if listings % PAGE else [])
    assert page.count_label.text() == f"{listings} decisions"

    # A header click starts over: the first page in the new order, then the rest.
    page.table.clearSelection()  # nothing to select again: the first page is the load
    at_loaded.clear()
    header = page.table.horizontalHeader()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        header.setSortIndicator(COL_DECIDED, Qt.SortOrder.DescendingOrder)
    by_day = sql(sqlite_db, "l.decided_on DESC, l.id DESC")
    assert by_day != newest
    assert at_loaded == [(PAGE, True)]
    assert shown(page)[:PAGE] == by_day[:PAGE]
    scroll_to_the_end(qtbot, page)
    assert shown(page) == by_day


def test_a_reload_fetches_pages_until_the_selected_decision_shows_again(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, listings: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decisions_module, "PAGE_SIZE", PAGE)
    at_loaded: list[tuple[int, bool]] = []
    page = open_page(qtbot, sqlite_db, tasks, at_loaded)
    scroll_to_the_end(qtbot, page)
    last = page.model.rowCount() - 1
    assert last + 1 == listings
    target = page.model.overview(last).record.id
    page.table.selectRow(last)
    at_loaded.clear()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.reload()
    selected = page.selected()
    assert selected is not None and selected.record.id == target
    assert at_loaded == [(listings, False)]  # every page up to it, and it is the last


def test_an_alert_item_past_the_first_page_is_found_and_selected(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Signed but not served (2019 Opinion item 14): the alert names every such
    decision, its respondent read by id even when its row is not loaded; choosing
    it shows the decisions awaiting publication, page after page until it."""
    from counter_fixtures import JUDGE, PRESIDENT

    from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem
    from courtapp.core.services import listing as ls
    from courtapp.ui.listing.decisions import ALERT_FILTER

    on = date(2026, 5, 4)
    rec = ls.prepare_listing(
        sqlite_db.uow(), JUDGE, store(sqlite_db), Listing(
            respondent=0, grounds=[1], decided_on=on,
            restrictions=[Restriction(RestrictionItem(i), None, on) for i in (1, 9)]),
        reasons_zh="被执行人有履行能力而拒不履行生效法律文书确定的义务")
    unserved = ls.sign_listing(sqlite_db.uow(), PRESIDENT, rec.id, rec.version, on).id
    for seq, day in enumerate(DAYS, start=1301):  # newer decisions: it is the last row
        def renumber(d: dict[str, object], seq: int = seq) -> None:
            d["case_number"] = f"(2026)京0105执{seq}号"
        publish(sqlite_db, store(sqlite_db, renumber), on=date(2026, 5, day),
                published=False)
    monkeypatch.setattr(decisions_module, "PAGE_SIZE", PAGE)
    at_loaded: list[tuple[int, bool]] = []
    page = open_page(qtbot, sqlite_db, tasks, at_loaded)
    assert at_loaded == [(PAGE, True)] and page.model.row_of(unserved) < 0
    assert page.alert_list.count() == 1
    assert "张三" in page.alert_list.item(0).text()  # the name, though its row is not loaded
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.alert_list.itemActivated.emit(page.alert_list.item(0))
    assert page.filter_combo.currentIndex() == ALERT_FILTER and page.case_id is None
    selected = page.selected()
    assert selected is not None and selected.record.id == unserved
    assert page.model.rowCount() == len(DAYS) + 1  # awaiting publication: all of them
