"""The case list: a lazily filled table model and the page around it.

The model holds only the rows fetched so far.  Pages of 200 summaries come
from :func:`courtapp.core.services.cases.search_cases` on the database
thread (keyset pagination, newest first), so the list stays responsive over
a million cases: the view asks for more (``canFetchMore``/``fetchMore``) as
the user scrolls towards the end.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.model import Stage
from courtapp.core.domain.money import format_amount, to_fen
from courtapp.core.domain.paging import Page
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import cases
from courtapp.core.services.cases import CaseSummary, SearchQuery, SortKey
from courtapp.ui.changes import follow_changes
from courtapp.ui.errors import describe
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, stage_label
from courtapp.ui.settings import UiSettings
from courtapp.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
#: ``count_cases`` stops counting a search here; the label then reads "10,000+".
COUNT_CAP = 10_000
#: Typing pause before the search runs by itself.
SEARCH_DELAY_MS = 300

(COL_CASE_NUMBER, COL_RESPONDENTS, COL_APPLICANTS, COL_FILED_ON, COL_JUDGE,
 COL_OUTSTANDING, COL_DEADLINE, COL_STAGE) = range(8)

_HEADERS = (
    QT_TRANSLATE_NOOP("CaseTableModel", "Case number"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Respondents"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Applicants"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Filed on"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Judge"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Outstanding (CNY)"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Deadline"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Stage"),
)

_STAGE_ORDER = {s: i for i, s in enumerate(Stage)}
#: The server-side order of each sortable column (the stage depends on today's date
#: and is not stored, so it has no index to sort by).
COLUMN_SORT: dict[int, SortKey] = {
    COL_CASE_NUMBER: SortKey.CASE_NUMBER, COL_RESPONDENTS: SortKey.RESPONDENTS,
    COL_APPLICANTS: SortKey.APPLICANTS, COL_FILED_ON: SortKey.FILED_ON, COL_JUDGE: SortKey.JUDGE,
    COL_OUTSTANDING: SortKey.OUTSTANDING, COL_DEADLINE: SortKey.DEADLINE,
}
_OVERDUE = frozenset({Stage.IN_DEFAULT, Stage.PARTLY_PERFORMED})
_OVERDUE_COLOR = QColor(0xA0, 0x1C, 0x1C)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def _display(row: CaseSummary, column: int) -> str:
    if column == COL_CASE_NUMBER:
        return row.case_number
    if column == COL_RESPONDENTS:
        return row.respondent_names
    if column == COL_APPLICANTS:
        return row.applicant_names
    if column == COL_FILED_ON:
        return row.filed_on.isoformat()
    if column == COL_JUDGE:
        return row.judge
    if column == COL_OUTSTANDING:
        return format_amount(row.outstanding)
    if column == COL_DEADLINE:
        return row.notice_deadline.isoformat() if row.notice_deadline else ""
    return stage_label(row.stage)


def _sort_key(row: CaseSummary, column: int) -> Any:
    """Raw, comparable values (for a QSortFilterProxyModel)."""
    if column == COL_FILED_ON:
        return row.filed_on.isoformat()
    if column == COL_OUTSTANDING:
        return to_fen(row.outstanding)
    if column == COL_DEADLINE:
        return row.notice_deadline.isoformat() if row.notice_deadline else ""
    if column == COL_STAGE:
        return _STAGE_ORDER[row.stage]
    if column == COL_CASE_NUMBER:
        return row.id  # registration order; case-number text does not sort numerically
    return _display(row, column)


class CaseTableModel(QAbstractTableModel):
    """Case summaries, fetched a page at a time off the GUI thread.

    ``set_query(text)`` starts a new search: the model resets, loads the
    first page and then counts the matches (the count never holds up the first
    page).  ``sort(column, order)`` orders the list on the server (keyset pages
    in that order), as clicking a column header does.  Results of an older search that
    arrive late are dropped (a generation counter).  At most one page is
    being fetched at any time.

    Signals:
        page_loaded(int): a page arrived; the number of rows it added.
        count_changed(int): the number of matching cases (a search counts
            up to ``COUNT_CAP + 1``; more than ``COUNT_CAP`` means "at least").
        load_failed(str): fetching a page or the count failed.
    """

    RowRole = int(Qt.ItemDataRole.UserRole) + 1
    SortRole = int(Qt.ItemDataRole.UserRole) + 2

    page_loaded = Signal(int)
    count_changed = Signal(int)
    load_failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 page_size: int = PAGE_SIZE, count_cap: int = COUNT_CAP,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._page_size = page_size
        self.count_cap = count_cap
        self._rows: list[CaseSummary] = []
        self._query = SearchQuery("")
        self._generation = 0
        self._fetching = False
        self._at_end = False
        self._next_after: object | None = None
        self._count: int | None = None

    # ------------------------------------------------------------ state
    @property
    def query(self) -> SearchQuery:
        return self._query

    @property
    def is_fetching(self) -> bool:
        return self._fetching

    @property
    def count(self) -> int | None:
        """Matching cases, once counted (see ``count_changed``)."""
        return self._count

    @property
    def count_capped(self) -> bool:
        """True when a search stopped counting at ``count_cap`` (there are more)."""
        return (self._count is not None and self._count > self.count_cap
                and self._query.kind() != "all")

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: int) -> int:
        """The row showing ``case_id`` among the rows fetched so far, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), -1)

    # ----------------------------------------------------------- search
    def set_query(self, text: str) -> None:
        """Start a new search (empty text lists every case) in the current order."""
        self._restart(SearchQuery(text, self._query.sort, self._query.descending))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the list by ``column`` on the server (-1: newest first)."""
        key = COLUMN_SORT.get(column, SortKey.NEWEST) if column >= 0 else SortKey.NEWEST
        if column >= 0 and column not in COLUMN_SORT:
            return  # the stage column keeps the current order
        descending = key is SortKey.NEWEST or order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort, self._query.descending) and self._rows:
            return
        self._restart(SearchQuery(self._query.text, key, descending))

    def set_order(self, column: int, order: Qt.SortOrder) -> None:
        """Set the order the next search uses, without searching now."""
        key = COLUMN_SORT.get(column, SortKey.NEWEST) if column >= 0 else SortKey.NEWEST
        descending = key is SortKey.NEWEST or order == Qt.SortOrder.DescendingOrder
        self._query = SearchQuery(self._query.text, key, descending)

    def sort_column(self) -> int:
        """The column the list is ordered by (-1: newest first)."""
        return next((c for c, k in COLUMN_SORT.items() if k is self._query.sort), -1)

    def refresh(self) -> None:
        """Run the current search again from the top."""
        self._restart(self._query)

    def _restart(self, query: SearchQuery) -> None:
        self._generation += 1
        self.beginResetModel()
        self._query = query
        self._rows = []
        self._fetching = False
        self._at_end = False
        self._next_after = None
        self._count = None
        self.endResetModel()
        # The first page first, and the count only once it is shown: a page that
        # holds every match (an exact lookup: a case number, an ID) is the count,
        # and the count of a common name never holds up the first page (issue 11).
        self.fetchMore(QModelIndex())

    def _fetch_count(self) -> None:
        gen, query, ctx, actor, cap = (self._generation, self._query, self._ctx, self._actor,
                                       self.count_cap)
        self._tasks.run_db(
            lambda: cases.count_cases(ctx.uow(), actor, query, cap=cap),
            on_done=lambda n: self._on_count(gen, n),
            on_error=lambda e: self._on_error(gen, e), owner=self)

    def _on_count(self, gen: int, n: int) -> None:
        if gen != self._generation:
            return
        self._count = n
        self.count_changed.emit(n)

    # --------------------------------------------------- lazy fetching
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._at_end

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._at_end or self._fetching:
            return
        self._fetching = True
        gen, query, ctx, actor, limit = (self._generation, self._query, self._ctx, self._actor,
                                         self._page_size)
        after = self._next_after
        self._tasks.run_db(
            lambda: cases.cases_page(ctx.uow(), actor, query, after=after, limit=limit),
            on_done=lambda page: self._on_page(gen, page),
            on_error=lambda e: self._on_error(gen, e), owner=self)

    def _on_page(self, gen: int, page: Page[CaseSummary]) -> None:
        if gen != self._generation:
            return  # an older search: its rows are not wanted any more
        opening = not self._rows and self._count is None  # the first page of this search
        self._at_end = not page.has_more
        self._next_after = page.next_after
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        # Only now: views (and the model tester) call fetchMore() from the
        # insert notifications, and must not fetch this page again.
        self._fetching = False
        self.page_loaded.emit(len(page))
        if opening and gen == self._generation:
            if page.has_more:
                self._fetch_count()
            else:  # every match is on the page: no count query
                self._on_count(gen, min(len(page), self.count_cap + 1))

    def _on_error(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._fetching = False
        self._at_end = True  # no retry loop from the view; a new search starts over
        self.load_failed.emit(describe(exc))

    # ------------------------------------------------------------ model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_RESPONDENTS, COL_APPLICANTS):
            return _display(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_OUTSTANDING:
                return _RIGHT
            if col in (COL_FILED_ON, COL_DEADLINE):
                return _CENTER
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STAGE and row.stage in _OVERDUE:
            return _OVERDUE_COLOR
        if role == self.RowRole:
            return row
        if role == self.SortRole:
            return _sort_key(row, col)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseTableModel", _HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_OUTSTANDING:
            return _RIGHT
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def retranslate(self) -> None:
        """Headers and stage labels after a language change."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_STAGE),
                                  self.index(len(self._rows) - 1, COL_STAGE),
                                  [Qt.ItemDataRole.DisplayRole])


def count_text(count: int | None, *, capped_at: int | None = None) -> str:
    """"N cases" for the label above the list (``None``: still counting;
    ``capped_at``: the search stopped counting there, so "10,000+ cases")."""
    translate = QCoreApplication.translate
    if count is None:
        return translate("CasesPage", "Counting…")
    if capped_at is not None:
        return translate("CasesPage", "%1+ cases").replace("%1", f"{capped_at:,}")
    if count == 1:
        return translate("CasesPage", "1 case")
    return translate("CasesPage", "%1 cases").replace("%1", f"{count:,}")


class CasesPage(Retranslating, QWidget):
    """Search box, case count, the case table, and New / Open.

    Opening or creating a case shows ``CaseFormDialog``; when it saves, the
    list reloads and selects the saved case.

    Signals:
        case_opened(int, str): an existing case was opened (id, case number).
    """

    case_opened = Signal(int, str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 settings: UiSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._settings = settings
        self._select_after_load: int | None = None

        self.model = CaseTableModel(ctx, actor, tasks, parent=self)

        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(360)
        self.count_label = QLabel(self)
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.worksheet_button = QPushButton(self)
        self.new_button.setEnabled(actor.can(Permission.CASE_CREATE))
        self.open_button.setEnabled(False)
        self.worksheet_button.setEnabled(False)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setCornerButtonEnabled(False)
        self.table.setTabKeyNavigation(False)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0000") + 24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The names take the room that is left, shared equally.
        header.setSectionResizeMode(COL_RESPONDENTS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_APPLICANTS, QHeaderView.ResizeMode.Stretch)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.worksheet_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        # Ctrl+F (the platform's Find key) puts the cursor in the search box.
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._focus_search)

        self.search_edit.textEdited.connect(lambda _t: self._debounce.start())
        self.search_edit.returnPressed.connect(self.search_now)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.model.count_changed.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(self._on_load_failed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.activated.connect(self._on_activated)
        self.new_button.clicked.connect(self.new_case)
        self.open_button.clicked.connect(self.open_selected)
        self.worksheet_button.clicked.connect(self.open_worksheet)

        # Clicking a header sorts on the server by that column; again, the other way.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)  # newest first
        header.sectionClicked.connect(self._on_header_clicked)

        self.retranslateUi()  # sizes the columns for the language, too
        if settings is not None and not settings.case_header_state.isEmpty():
            header.restoreState(settings.case_header_state)
        self.model.set_order(header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.setSortIndicator(self.model.sort_column(), header.sortIndicatorOrder())
        self.model.set_query("")
        follow_changes(self, tasks, ("cases",), self._refresh_keeping_selection, lambda: True)

    def retranslateUi(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Case number, name, ID number or credit code"))
        self.search_edit.setToolTip(self.tr(
            "Search by case number (e.g. 执1234, or just its number 1234), by the beginning of a "
            "party's name, resident ID number or unified social credit code. Click a column "
            "heading to sort by it. Press Enter to search now."))
        self.new_button.setText(self.tr("&New case…"))
        self.open_button.setText(self.tr("&Open"))
        self.worksheet_button.setText(self.tr("Listing &worksheet…"))
        self.worksheet_button.setToolTip(self.tr(
            "Assess whether the selected case's respondents may be listed, and prepare the "
            "listing decision and the consumption restriction order."))
        if not self.new_button.isEnabled():
            self.new_button.setToolTip(self.tr("Your roles do not allow registering cases."))
        self.model.retranslate()
        self._show_count()
        self._size_columns()  # labels change length with the language

    # ---------------------------------------------------------- layout
    def _size_columns(self) -> None:
        """Widths that fit typical content and the (translated) headers."""
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()

        def w(*samples: str) -> int:
            return max(fm.horizontalAdvance(s) for s in samples) + 24

        def head(col: int) -> str:
            return str(self.model.headerData(col, Qt.Orientation.Horizontal))

        widths = {
            COL_CASE_NUMBER: w("(2026)京0105执12345号", head(COL_CASE_NUMBER)),
            COL_FILED_ON: w("2026-12-31", head(COL_FILED_ON)),
            COL_JUDGE: w("欧阳法官", head(COL_JUDGE)),
            COL_OUTSTANDING: w("12,345,678.00", head(COL_OUTSTANDING)),
            COL_DEADLINE: w("2026-12-31", head(COL_DEADLINE)),
            COL_STAGE: w(*(stage_label(s) for s in Stage), head(COL_STAGE)),
        }
        for col, width in widths.items():
            header.resizeSection(col, width)

    def save_state(self) -> None:
        if self._settings is not None:
            self._settings.case_header_state = self.table.horizontalHeader().saveState()

    # ---------------------------------------------------------- search
    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def search_now(self) -> None:
        """Run the search for the text in the box (Enter)."""
        self._debounce.stop()
        self.model.set_query(self.search_edit.text())

    def _on_debounce_timeout(self) -> None:
        if self.search_edit.text() != self.model.query.text:
            self.model.set_query(self.search_edit.text())

    def refresh(self, select_case: int | None = None) -> None:
        """Reload the current search; select ``select_case`` if it shows up."""
        self._select_after_load = select_case
        self.model.refresh()

    def _on_header_clicked(self, section: int) -> None:
        """Sort by ``section`` (ascending first, then the other way); the stage is not sortable."""
        header = self.table.horizontalHeader()
        if section not in COLUMN_SORT:
            header.setSortIndicator(self.model.sort_column(), header.sortIndicatorOrder())
            return
        if self.model.sort_column() == section:
            order = (Qt.SortOrder.AscendingOrder if self.model.query.descending
                     else Qt.SortOrder.DescendingOrder)
        else:
            order = Qt.SortOrder.AscendingOrder
        header.setSortIndicator(section, order)
        self.model.sort(section, order)

    def _refresh_keeping_selection(self) -> None:
        """After a change made elsewhere: reload, keeping the case selected (or about to be)."""
        if self._select_after_load is None:
            current = self.selected_summary()
            self._select_after_load = current.id if current is not None else None
        self.model.refresh()

    def _show_count(self) -> None:
        m = self.model
        self.count_label.setText(count_text(m.count, capped_at=m.count_cap if m.count_capped else None))

    def _on_page_loaded(self, _n: int) -> None:
        if self._select_after_load is not None:
            row = self.model.row_of(self._select_after_load)
            self._select_after_load = None
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

    def _on_load_failed(self, message: str) -> None:
        self.count_label.setText(self.tr("The case list could not be loaded: %1").replace("%1", message))

    # ------------------------------------------------------------ open
    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.summary(rows[0].row()).id

    def selected_summary(self) -> CaseSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        selected = self.selected_case_id() is not None
        self.open_button.setEnabled(selected)
        self.worksheet_button.setEnabled(selected)

    def open_worksheet(self) -> QWidget | None:
        """The listing worksheet of the selected case."""
        case_id = self.selected_case_id()
        if case_id is None:
            return None
        from courtapp.ui.listing import ListingWorksheet

        dlg = ListingWorksheet(self._ctx, self._actor, self._tasks, case_id, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case(self.model.summary(index.row()).id)

    def open_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.open_case(case_id)

    def new_case(self) -> None:
        if self._actor.can(Permission.CASE_CREATE):
            self.open_case(None)

    def open_case(self, case_id: int | None) -> None:
        """Show the case form for ``case_id``, or an empty one for a new case."""
        try:
            # Imported here: the case form is its own module, loaded when first used.
            from courtapp.ui.case_form import CaseFormDialog
        except ImportError as e:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Case form"),
                              self.tr("The case form is not available: %1").replace("%1", str(e)),
                              QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return
        dlg = CaseFormDialog(self._ctx, self._actor, self._tasks, case_id=case_id, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.case_saved.connect(lambda cid: self.refresh(select_case=cid))
        dlg.show()
        if case_id is not None:
            summary = self.selected_summary()
            number = summary.case_number if summary is not None and summary.id == case_id else ""
            self.case_opened.emit(case_id, number)
