"""The register shows its first page at once and fetches the next as the user
scrolls (issue 12 §2): a page size of 3 stands in for 200.  Every row comes in
the database's order to the very last one, the total is counted after the
first page, a header click starts over from the first page in the new order,
and the listings shown for service are read for each page by their ids (not
every listing of the court)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from paging_helpers import scroll_to_the_end
from PySide6.QtCore import QModelIndex, QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
from document_fixtures import CLERK, ISSUED_ON, Court, build_court  # noqa: E402

from courtapp.core.context import AppContext  # noqa: E402
from courtapp.core.documents.model import DocKind  # noqa: E402
from courtapp.core.services import documents as ds  # noqa: E402
from courtapp.core.services import listing as ls  # noqa: E402
from courtapp.ui.documents import DocumentsPage  # noqa: E402
from courtapp.ui.documents import model as register_model  # noqa: E402
from courtapp.ui.documents.model import COL_KIND  # noqa: E402
from courtapp.ui.tasks import TaskRunner  # noqa: E402

pytestmark = pytest.mark.usefixtures("tasks_settled")  # tasks end before the runner stops
TIMEOUT = 15_000
PAGE = 3


@pytest.fixture
def court(sqlite_db: AppContext) -> Court:
    court = build_court(sqlite_db)
    for kind, respondent in ((DocKind.WARNING, 0), (DocKind.EXECUTION_NOTICE, 0),
                             (DocKind.RESTRICTION_ORDER, 1), (DocKind.LISTING_DECISION, 0),
                             (DocKind.EXECUTION_NOTICE, 1), (DocKind.WARNING, 0),
                             (DocKind.EXECUTION_NOTICE, 0), (DocKind.LISTING_DECISION, 0)):
        ds.issue(sqlite_db.uow(), CLERK, kind, court.case_id, respondent=respondent,
                 issued_on=ISSUED_ON)
    return court



def sql(db: AppContext, order: str) -> list[int]:
    with db.engine.connect() as c:
        return [r[0] for r in c.execute(text(
            "SELECT d.id FROM issued_documents d JOIN cases c ON c.id = d.case_id "
            f"ORDER BY {order}"))]


def shown(page: DocumentsPage) -> list[int]:
    return [page.model.document(r).id for r in range(page.model.rowCount())]



def test_the_register_shows_its_first_page_then_the_rest_as_it_scrolls(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(register_model, "PAGE_SIZE", PAGE)
    # Only the listings of each page are read, by id: never the court's whole list.
    read_ids: list[list[int]] = []
    overviews = ls.listing_overviews

    def by_ids(uow: object, actor: object, ids: list[int]) -> dict[int, ls.ListingOverview]:
        read_ids.append(list(ids))
        return overviews(uow, actor, ids)  # type: ignore[arg-type]

    def every_listing(*_a: object, **_k: object) -> list[ls.ListingOverview]:
        raise AssertionError("the register read every listing of the court")

    monkeypatch.setattr(ls, "listing_overviews", by_ids)
    monkeypatch.setattr(ls, "list_listings", every_listing)

    newest = sql(sqlite_db, "d.id DESC")
    assert len(newest) >= 3 * PAGE - 1  # three pages at least
    page = DocumentsPage(sqlite_db, CLERK, tasks, clock=lambda: ISSUED_ON)
    qtbot.addWidget(page)
    at_loaded: list[tuple[int, bool]] = []
    page.loaded.connect(lambda: at_loaded.append(
        (page.model.rowCount(), page.model.canFetchMore(QModelIndex()))))
    sizes: list[int] = []  # the rows of each page shown
    page.model.page_loaded.connect(sizes.append)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    # The first page alone, at once, and more to come.
    assert at_loaded == [(PAGE, True)]
    assert shown(page)[:PAGE] == newest[:PAGE]
    # The total, counted after the first page: never a silent stop.
    qtbot.waitUntil(lambda: page.count == len(newest), timeout=TIMEOUT)
    assert f"{len(newest)} documents" in page.count_label.text()

    scroll_to_the_end(qtbot, page)
    assert shown(page) == newest  # the database's order, to the very last row
    # Page after page, none read twice.
    assert sizes == [PAGE] * (len(newest) // PAGE) + ([len(newest) % PAGE] if len(newest) % PAGE else [])
    assert page.count_label.text() == f"{len(newest)} documents"
    # Each listing decision shows its service, its listing read with its page.
    decisions = [page.model.document(r) for r in range(page.model.rowCount())
                 if page.model.document(r).kind is DocKind.LISTING_DECISION]
    assert len(decisions) >= 2
    assert all(page.model.listing_of(d) is not None for d in decisions)
    assert read_ids and all(len(ids) <= PAGE for ids in read_ids)

    # A header click starts over: the first page in the new order, then the rest.
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_KIND) + header.sectionSize(COL_KIND) // 2
    page.table.clearSelection()  # nothing to select again: the first page is the load
    at_loaded.clear()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    way = "" if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else " DESC"
    by_kind = sql(sqlite_db, f"d.kind{way}, d.lang{way}, d.id{way}")
    assert by_kind != newest and header.sortIndicatorSection() == COL_KIND
    assert at_loaded == [(PAGE, True)]
    assert shown(page)[:PAGE] == by_kind[:PAGE]
    scroll_to_the_end(qtbot, page)
    assert shown(page) == by_kind


def test_a_reload_fetches_pages_until_the_selected_document_shows_again(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The document selected deep in the list is selected again after a reload
    (a change made elsewhere, Reload): the pages up to it are read again, no more."""
    monkeypatch.setattr(register_model, "PAGE_SIZE", PAGE)
    page = DocumentsPage(sqlite_db, CLERK, tasks, clock=lambda: ISSUED_ON)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    scroll_to_the_end(qtbot, page)
    last = page.model.rowCount() - 1
    assert last >= 2 * PAGE
    target = page.model.document(last).id
    page.table.selectRow(last)
    at_loaded: list[int] = []
    page.loaded.connect(lambda: at_loaded.append(page.model.rowCount()))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.reload()
    current = page.current_document()
    assert current is not None and current.id == target
    assert at_loaded == [last + 1]  # every page up to the selected row, and it is the last
    assert shown(page) == sql(sqlite_db, "d.id DESC")


def test_a_database_error_while_loading_is_one_line_without_sql_or_data(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No SQL and no personal data reach the screen (issue 10 §4): the register's
    page and its count fail as the database would, and each says so in one line."""
    from sqlalchemy.exc import OperationalError

    from courtapp.ui.documents import page as page_module

    def broken(*_a: object, **_k: object) -> object:
        raise OperationalError("SELECT name, id_number FROM persons WHERE id_number = ?",
                               ("11010519491231002X",), Exception("database is locked"))

    def opened() -> DocumentsPage:
        page = DocumentsPage(sqlite_db, CLERK, tasks, clock=lambda: ISSUED_ON)
        qtbot.addWidget(page)
        page.show()
        return page

    # The count (asked once a first page that is not the whole register is shown) fails.
    monkeypatch.setattr(register_model, "PAGE_SIZE", 1)
    monkeypatch.setattr(page_module, "count_register", broken)
    page = opened()
    qtbot.waitUntil(lambda: "Not counted" in page.count_label.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not page.model.canFetchMore(QModelIndex()) or page.model.rowCount() > 2,
                    timeout=TIMEOUT)  # pages that follow keep the reason
    assert "Not counted" in page.count_label.text()
    assert page.model.rowCount() > 0  # the rows still show
    # The first page fails.
    monkeypatch.setattr(page_module, "load_register_page", broken)
    failing = opened()
    qtbot.waitUntil(lambda: "could not be loaded" in failing.message.text(), timeout=TIMEOUT)
    for shown_text in (page.count_label.text(), failing.message.text()):
        assert "SELECT" not in shown_text and "11010519491231002X" not in shown_text
        assert "\n" not in shown_text and "database" in shown_text
