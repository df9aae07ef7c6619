"""The case list: lazy paging off the GUI thread, searching, stale results,
and the page around the table."""

from __future__ import annotations

import sys
import types

import pytest
from case_factory import N_CASES, SURNAMES, UNIQUE_NAME, case_number, respondent_id
from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from courtapp.core.context import AppContext
from courtapp.core.domain.model import Stage
from courtapp.core.domain.roles import Actor
from courtapp.core.services import cases as case_service
from courtapp.core.services.cases import CaseSummary
from courtapp.ui.case_list import (
    COL_CASE_NUMBER,
    COL_OUTSTANDING,
    COL_RESPONDENTS,
    COL_STAGE,
    CasesPage,
    CaseTableModel,
    count_text,
)
from courtapp.ui.tasks import TaskRunner


@pytest.fixture
def model(cases_db: AppContext, judge: Actor, tasks: TaskRunner) -> CaseTableModel:
    return CaseTableModel(cases_db, judge, tasks)


def search(qtbot: QtBot, model: CaseTableModel, text: str) -> None:
    with qtbot.waitSignals([model.page_loaded, model.count_changed], timeout=10_000):
        model.set_query(text)


def fetch_more(qtbot: QtBot, model: CaseTableModel) -> int:
    with qtbot.waitSignal(model.page_loaded, timeout=10_000) as blocker:
        model.fetchMore(QModelIndex())
    return int(blocker.args[0])


def rows(model: CaseTableModel) -> list[CaseSummary]:
    return [model.data(model.index(r, 0), CaseTableModel.RowRole) for r in range(model.rowCount())]


def test_the_model_loads_the_first_page_then_more_pages_until_every_case(
        qtbot: QtBot, model: CaseTableModel) -> None:
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.count_changed, timeout=10_000) as counted, \
            qtbot.waitSignal(model.page_loaded, timeout=10_000) as loaded:
        model.set_query("")
    assert loaded.args == [200]
    assert counted.args == [N_CASES]
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    # Newest first.
    assert model.data(model.index(0, COL_CASE_NUMBER)) == case_number(N_CASES)

    assert fetch_more(qtbot, model) == 200
    assert model.rowCount() == 400
    assert model.canFetchMore(QModelIndex())
    assert fetch_more(qtbot, model) == 50
    assert model.rowCount() == N_CASES
    assert not model.canFetchMore(QModelIndex())
    ids = [r.id for r in rows(model)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == N_CASES


def test_the_model_never_fetches_two_pages_at_once(
        qtbot: QtBot, model: CaseTableModel, tasks: TaskRunner) -> None:
    search(qtbot, model, "")
    loaded: list[int] = []
    model.page_loaded.connect(loaded.append)
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.is_fetching
    assert tasks.pending == 1
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    assert loaded == [200]
    assert model.rowCount() == 400


def test_a_search_by_name_prefix_narrows_the_rows(qtbot: QtBot, model: CaseTableModel) -> None:
    search(qtbot, model, "陈")
    assert model.rowCount() == N_CASES // 5
    assert model.count == N_CASES // 5
    assert not model.canFetchMore(QModelIndex())
    assert all("陈" in r.respondent_names for r in rows(model))

    search(qtbot, model, UNIQUE_NAME[:2])
    assert [r.case_number for r in rows(model)] == [case_number(7)]


def test_a_search_by_case_number_narrows_the_rows(qtbot: QtBot, model: CaseTableModel) -> None:
    search(qtbot, model, "执12")  # 执12号 and 执120号 … 执129号
    assert sorted(r.case_number for r in rows(model)) == sorted(
        case_number(n) for n in (12, *range(120, 130)))
    search(qtbot, model, case_number(321))
    assert [r.case_number for r in rows(model)] == [case_number(321)]


def test_a_search_by_resident_id_finds_the_case(qtbot: QtBot, model: CaseTableModel) -> None:
    search(qtbot, model, respondent_id(88))
    assert [r.case_number for r in rows(model)] == [case_number(88)]
    # A prefix: birth year 1970, sequence 0xx, cases 1-99.
    search(qtbot, model, respondent_id(1)[:15])
    assert model.rowCount() == 99


def test_results_of_an_older_search_are_dropped(
        qtbot: QtBot, model: CaseTableModel, tasks: TaskRunner) -> None:
    pages: list[int] = []
    counts: list[int] = []
    model.page_loaded.connect(pages.append)
    model.count_changed.connect(counts.append)
    model.set_query("陈")  # its page and count are on their way ...
    model.set_query(UNIQUE_NAME)  # ... when the user types on
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    assert pages == [1]
    assert counts == [1]
    assert [r.respondent_names.split("、")[0] for r in rows(model)] == [UNIQUE_NAME]


def test_cells_show_formatted_amounts_and_translatable_stages(
        qtbot: QtBot, model: CaseTableModel) -> None:
    search(qtbot, model, case_number(5))
    row = model.data(model.index(0, 0), CaseTableModel.RowRole)
    assert isinstance(row, CaseSummary)
    # 50,000 due, 10,000 paid; the deadline has passed: partly performed.
    assert model.data(model.index(0, COL_OUTSTANDING)) == "40,000.00"
    assert model.data(model.index(0, COL_OUTSTANDING), Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    assert model.data(model.index(0, COL_OUTSTANDING), CaseTableModel.SortRole) == 4_000_000
    assert row.stage is Stage.PARTLY_PERFORMED
    assert model.data(model.index(0, COL_STAGE)) == "Overdue, partly performed"
    assert model.data(model.index(0, COL_RESPONDENTS)).startswith(row.respondent_names[:2])
    assert model.headerData(COL_CASE_NUMBER, Qt.Orientation.Horizontal) == "Case number"


def test_a_failed_load_is_reported_and_not_retried(
        qtbot: QtBot, cases_db: AppContext, tasks: TaskRunner) -> None:
    nobody = Actor(username="nobody", roles=frozenset())
    model = CaseTableModel(cases_db, nobody, tasks)
    with qtbot.waitSignal(model.load_failed, timeout=10_000) as failed:
        model.set_query("")
    assert failed.args[0] == "Your roles do not allow viewing cases."  # named, not a code
    assert not model.canFetchMore(QModelIndex())


def test_the_model_passes_the_qt_model_tester(
        qtbot: QtBot, qtmodeltester: object, model: CaseTableModel, tasks: TaskRunner) -> None:
    search(qtbot, model, "")
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    # The tester stays attached: inserts and resets must keep the model consistent.
    qtbot.waitUntil(lambda: not model.is_fetching, timeout=10_000)
    while model.canFetchMore(QModelIndex()):
        fetch_more(qtbot, model)
    assert model.rowCount() == N_CASES
    search(qtbot, model, "赵")
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    assert model.rowCount() == N_CASES // 5


def test_count_text_shows_thousands_and_the_search_cap() -> None:
    assert count_text(None) == "Counting…"
    assert count_text(1) == "1 case"
    assert count_text(1_234_567) == "1,234,567 cases"
    assert count_text(10_001, capped_at=10_000) == "10,000+ cases"


def test_a_search_with_more_matches_than_the_cap_reads_cap_plus(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, tasks: TaskRunner) -> None:
    page = CasesPage(cases_db, judge, tasks)
    qtbot.addWidget(page)
    page.model.count_cap = 100
    page.search_edit.setText(respondent_id(1)[:6])  # every respondent's ID starts so
    with qtbot.waitSignal(page.model.count_changed, timeout=10_000):
        page.search_now()
    assert page.model.count_capped
    assert page.count_label.text() == "100+ cases"
    page.search_edit.setText("")
    with qtbot.waitSignal(page.model.count_changed, timeout=10_000):
        page.search_now()
    assert not page.model.count_capped  # listing everything counts exactly
    assert page.count_label.text() == f"{N_CASES} cases"


# --------------------------------------------------------------- the page
@pytest.fixture
def page(qtbot: QtBot, cases_db: AppContext, judge: Actor, tasks: TaskRunner) -> CasesPage:
    p = CasesPage(cases_db, judge, tasks)
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: p.model.count is not None and p.model.rowCount() > 0, timeout=10_000)
    return p


def test_the_page_lists_cases_and_counts_them(page: CasesPage) -> None:
    assert page.count_label.text() == f"{N_CASES} cases"
    assert page.search_edit.placeholderText() == "Case number, name, ID number or credit code"
    assert page.new_button.isEnabled()
    assert not page.open_button.isEnabled()


def test_typing_in_the_search_box_searches_after_a_pause(qtbot: QtBot, page: CasesPage) -> None:
    # Chinese text is set and the edit signal emitted: keyClicks with CJK aborts Qt.
    with qtbot.waitSignal(page.model.page_loaded, timeout=10_000):
        page.search_edit.setText("陈")
        page.search_edit.textEdited.emit("陈")
    assert page.model.query.text == "陈"
    qtbot.waitUntil(lambda: page.count_label.text() == f"{N_CASES // 5} cases", timeout=10_000)


def test_enter_in_the_search_box_searches_at_once(qtbot: QtBot, page: CasesPage) -> None:
    page.search_edit.setText(case_number(42))
    with qtbot.waitSignal(page.model.page_loaded, timeout=10_000):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1
    qtbot.waitUntil(lambda: page.count_label.text() == "1 case", timeout=10_000)


def test_new_case_is_disabled_without_the_permission(
        qtbot: QtBot, cases_db: AppContext, clerk: Actor, tasks: TaskRunner) -> None:
    p = CasesPage(cases_db, clerk, tasks)
    qtbot.addWidget(p)
    assert not p.new_button.isEnabled()
    with qtbot.waitSignal(p.model.page_loaded, timeout=10_000):
        pass
    assert p.model.rowCount() == 200  # but a clerk sees the cases


class _FakeCaseForm(QDialog):
    """Stands in for ``courtapp.ui.case_form.CaseFormDialog`` (its interface only)."""

    case_saved = Signal(int)
    opened: list[_FakeCaseForm] = []

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner,
                 case_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self.actor = actor
        _FakeCaseForm.opened.append(self)


@pytest.fixture
def fake_form(monkeypatch: pytest.MonkeyPatch) -> type[_FakeCaseForm]:
    module = types.ModuleType("courtapp.ui.case_form")
    module.CaseFormDialog = _FakeCaseForm  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "courtapp.ui.case_form", module)
    _FakeCaseForm.opened = []
    return _FakeCaseForm


def test_open_and_enter_open_the_selected_case_in_the_form(
        qtbot: QtBot, page: CasesPage, fake_form: type[_FakeCaseForm]) -> None:
    page.table.selectRow(2)
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    expected = page.model.summary(2).id
    assert [f.case_id for f in fake_form.opened] == [expected]

    page.table.setCurrentIndex(page.model.index(4, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert fake_form.opened[-1].case_id == page.model.summary(4).id


def test_new_case_opens_an_empty_form_and_a_saved_case_refreshes_the_list(
        qtbot: QtBot, page: CasesPage, fake_form: type[_FakeCaseForm]) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = fake_form.opened[-1]
    assert form.case_id is None
    saved_id = page.model.summary(3).id
    with qtbot.waitSignal(page.model.modelReset), \
            qtbot.waitSignal(page.model.page_loaded, timeout=10_000):
        form.case_saved.emit(saved_id)
    assert page.selected_case_id() == saved_id


def test_a_missing_case_form_is_reported_not_raised(
        qtbot: QtBot, page: CasesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "courtapp.ui.case_form", None)  # import fails
    page.new_case()
    boxes = [w for w in page.findChildren(QDialog) if w.isVisible()]
    assert boxes and "not available" in boxes[0].text()  # type: ignore[attr-defined]
    for b in boxes:
        b.close()


def test_open_shows_the_real_case_form_for_the_selected_case(
        qtbot: QtBot, page: CasesPage) -> None:
    from courtapp.ui.case_form import CaseFormDialog

    page.table.selectRow(0)
    page.open_selected()
    forms = page.findChildren(CaseFormDialog)
    assert len(forms) == 1 and forms[0].isVisible()
    number = page.model.summary(0).case_number.split(")")[-1]  # the form may show （）
    qtbot.waitUntil(lambda: number in forms[0].windowTitle(), timeout=10_000)


# ------------------------------------------------------------------ sorting
def _all_rows(qtbot: QtBot, model: CaseTableModel) -> list[CaseSummary]:
    """Every row, fetching page after page to the end of the list."""
    while model.canFetchMore(QModelIndex()):
        fetch_more(qtbot, model)
    return rows(model)


def _sql_order(db: AppContext, order_by: str) -> list[str]:
    from sqlalchemy import text

    with db.engine.connect() as c:
        return list(c.execute(text(f"select case_number from cases order by {order_by}")).scalars())


def _click_header(qtbot: QtBot, page: CasesPage, column: int) -> None:
    header = page.table.horizontalHeader()
    with qtbot.waitSignal(page.model.page_loaded, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2))


def test_clicking_two_column_headers_sorts_the_list_on_the_server_as_sql_does(
        qtbot: QtBot, page: CasesPage, cases_db: AppContext) -> None:
    """Issue 12 §2: a header click orders the whole list on the server (every page,
    not only the rows loaded), with a sort arrow; a second click reverses it."""
    from courtapp.ui.case_list import COL_FILED_ON

    header = page.table.horizontalHeader()
    _click_header(qtbot, page, COL_OUTSTANDING)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        COL_OUTSTANDING, Qt.SortOrder.AscendingOrder)
    assert [r.case_number for r in _all_rows(qtbot, page.model)] == \
        _sql_order(cases_db, "outstanding_fen, id")

    _click_header(qtbot, page, COL_FILED_ON)
    assert [r.case_number for r in _all_rows(qtbot, page.model)] == \
        _sql_order(cases_db, "filed_on, id")
    _click_header(qtbot, page, COL_FILED_ON)  # again: the other way
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert [r.case_number for r in _all_rows(qtbot, page.model)] == \
        _sql_order(cases_db, "filed_on desc, id desc")

    # The case number sorts numerically (year, court, type, sequence), not as text.
    _click_header(qtbot, page, COL_CASE_NUMBER)
    got = [r.case_number for r in _all_rows(qtbot, page.model)]
    assert got == _sql_order(cases_db, "year, court_code, type_code, sequence, id")
    assert got.index(case_number(9)) < got.index(case_number(10))


def test_a_sorted_search_keeps_its_order_and_the_stage_column_does_not_sort(
        qtbot: QtBot, page: CasesPage, cases_db: AppContext) -> None:
    _click_header(qtbot, page, COL_OUTSTANDING)
    search(qtbot, page.model, "陈")
    chen = _all_rows(qtbot, page.model)
    assert [r.outstanding for r in chen] == sorted(r.outstanding for r in chen)
    assert len(chen) == N_CASES // 5
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COL_STAGE) + 5, header.height() // 2))
    assert header.sortIndicatorSection() == COL_OUTSTANDING
    assert page.model.query.text == "陈"


def test_an_exact_lookup_counts_its_one_page_without_a_count_query(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, tasks: TaskRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    model = CaseTableModel(cases_db, judge, tasks, page_size=20)
    search(qtbot, model, "陈")  # more than a page: counted by count_cases after the page
    assert model.count == N_CASES // len(SURNAMES) and model.rowCount() == 20

    def no_count(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("an exact lookup ran a count query")
    monkeypatch.setattr(case_service, "count_cases", no_count)
    search(qtbot, model, respondent_id(88))
    assert model.count == 1
    assert [r.case_number for r in rows(model)] == [case_number(88)]
    search(qtbot, model, case_number(321))
    assert model.count == 1
