"""The Documents page (navigation "Documents"): the register of issued documents
and the clerk's daily flow on it.

- The register: number, kind, case, respondent, issue date, signer, whether
  superseded, and the service of listing decisions; filtered by case (it
  follows the case selected on the Cases page) and by kind; newest first, or
  by the clicked column (ordered by the database).  The first page shows at
  once and the next ones as the user scrolls; the total is counted after the
  first page (issue 12 §2).
- Actions: Issue… (Ctrl+N), Preview (Space or Enter), Print… (Ctrl+P; several
  selected rows print as one batch), Reprint to file…, Issue correction…,
  Mark served… (Ctrl+M, listing decisions), Batch print (the selection, every
  warning due this week, every restriction order of this case), Verify….
- Focus rests in the register, so open → preview → print → mark served needs
  no mouse: arrows, Space, Ctrl+P, Enter, Esc, Ctrl+M, Enter.

Every database and PDF step runs on the task runner; the page only shows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSizeF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.model import ServiceMethod
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import documents as ds
from courtapp.core.services import listing as ls
from courtapp.ui.changes import follow_changes
from courtapp.ui.documents import model as register_model
from courtapp.ui.documents import printing
from courtapp.ui.documents.batch import BatchDialog, BatchGenerator
from courtapp.ui.documents.data import (
    RegisterPage,
    count_register,
    load_register_page,
    print_requests,
)
from courtapp.ui.documents.issue import CorrectionDialog, IssueDialog, refusal_text
from courtapp.ui.documents.labels import kind_label
from courtapp.ui.documents.model import (
    COL_CASE,
    COL_ISSUED,
    COL_KIND,
    COL_NUMBER,
    COL_RESPONDENT,
    COL_SERVICE,
    COL_SIGNER,
    COL_SUPERSEDED,
    COLUMN_SORT,
    RegisterModel,
)
from courtapp.ui.documents.preview import PreviewDialog
from courtapp.ui.documents.verify import VerifyDialog
from courtapp.ui.documents.widgets import keep_while_alive
from courtapp.ui.errors import describe
from courtapp.ui.i18n import Retranslating
from courtapp.ui.listing.decisions import RecordServiceDialog
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.paged import TotalLabel
from courtapp.ui.scope import scoped_case_id, set_case_scope
from courtapp.ui.server_sort import keep_sortable_indicator
from courtapp.ui.tasks import TaskRunner


def _shortcut_text(seq: QKeySequence | QKeySequence.StandardKey | str) -> str:
    return QKeySequence(seq).toString(QKeySequence.SequenceFormat.NativeText)


class DocumentsPage(Retranslating, QWidget):
    """The register of issued documents and its actions (see the module docstring).

    Signals:
        loaded(): the register was (re)loaded: its first page is shown (and, to
            select again the document that was selected, the pages up to it).
        issued(object): a document was issued here; its ``IssuedDocument``.
        preview_opened(object): a :class:`PreviewDialog` was opened.
        printed(int): a print run of the page finished; pages printed.
        served(int): service of a listing decision was recorded; the listing id.
        batch_opened(object): a :class:`BatchDialog` was opened.
        saved(str): an identical copy was written; its path.
        action_failed(str): an action was refused or failed; the message shown.
    """

    loaded = Signal()
    issued = Signal(object)
    preview_opened = Signal(object)
    printed = Signal(int)
    served = Signal(int)
    batch_opened = Signal(object)
    saved = Signal(str)
    action_failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents_page")
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._clock = clock
        self._generation = 0
        self._select_after_load: int | None = None
        # While the first page is in but the row to select again is not: fetch
        # pages until it shows, up to this many rows (as many as were loaded).
        self._settling = False
        self._reselect_within = 0
        # What the pages of the current load are read with (filters and order).
        self._load_args: tuple[int | None, DocKind | None, str, bool] = (None, None, "oldest", True)
        self.has_loaded = False
        self.can_issue = actor.can(Permission.DOCUMENT_ISSUE) or actor.can(Permission.RECEIPT_ISSUE)
        self.can_serve = actor.can(Permission.LISTING_SERVE)
        self.issue_dialog: IssueDialog | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.service_dialog: RecordServiceDialog | None = None
        self.batch_dialog: BatchDialog | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.print_job: printing.PrintJob | None = None

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.scope_label = QLabel(self)
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("documents_scope")
        self.scope_combo.addItem("", None)
        self.scope_label.setBuddy(self.scope_combo)
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("documents_kind")
        self.kind_combo.addItem("", None)
        for k in DocKind:
            self.kind_combo.addItem("", k.value)
        self.kind_label.setBuddy(self.kind_combo)
        em = self.fontMetrics().horizontalAdvance("M")
        for combo, chars in ((self.scope_combo, 26), (self.kind_combo, 18)):
            # Wide enough for "Case (2026)京0105执12345号" where there is room; a narrow
            # pane may shrink them (the open list always shows the whole text).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
            combo.setMinimumWidth(8 * em)
        self.reload_button = QPushButton(self)
        self.count_label = TotalLabel(tasks, lambda: self.model.rowCount(),
                                      lambda: (self.tr("1 document"), self.tr("%1 documents")),
                                      self)
        self.count_label.setObjectName("documents_count")

        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("register")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # a click calls model.sort: the server orders
        keep_sortable_indicator(header, lambda c: c in COLUMN_SORT,
                                lambda: (self.model.sort_column(), self.model.order[1]))
        self.model.sort_requested.connect(self.reload)
        self.model.more_wanted.connect(self._fetch_more)
        self.model.page_loaded.connect(lambda _n: self.count_label.refresh())
        # Numbers differ at their end (之一, 之二…): elide in the middle.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)

        self.message = banner(self)
        self.message.setObjectName("documents_message")
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #555;")
        self.empty_hint.hide()

        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("issue")
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("preview")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print")
        self.reprint_button = QPushButton(self)
        self.reprint_button.setObjectName("reprint")
        self.correct_button = QPushButton(self)
        self.correct_button.setObjectName("correct")
        self.serve_button = QPushButton(self)
        self.serve_button.setObjectName("mark_served")
        self.batch_button = QPushButton(self)
        self.batch_button.setObjectName("batch")
        self.batch_menu = QMenu(self.batch_button)
        self.batch_selected_action = self.batch_menu.addAction("")
        self.batch_warnings_action = self.batch_menu.addAction("")
        self.batch_orders_action = self.batch_menu.addAction("")
        self.batch_button.setMenu(self.batch_menu)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verify")

        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope_combo)
        top.addSpacing(12)
        top.addWidget(self.kind_label)
        top.addWidget(self.kind_combo)
        top.addWidget(self.reload_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading)
        title_row.addStretch(1)
        title_row.addWidget(self.verify_button)
        # Two rows, so that the page fits beside the navigation in a small window:
        # the daily flow first, the occasional actions below.
        actions = QVBoxLayout()
        for row in ((self.issue_button, self.preview_button, self.print_button,
                     self.serve_button),
                    (self.batch_button, self.reprint_button, self.correct_button)):
            line = QHBoxLayout()
            for b in row:
                line.addWidget(b)
            line.addStretch(1)
            actions.addLayout(line)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(actions)

        # Keyboard: page-wide actions, and Space/Enter on the register itself.
        def page_action(seq: QKeySequence | QKeySequence.StandardKey | str, slot: Callable[[], Any]) -> QAction:
            action = QAction(self)
            action.setShortcut(QKeySequence(seq))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False: slot())
            self.addAction(action)
            return action

        self.issue_action = page_action("Ctrl+N", self.open_issue)
        self.print_action = page_action(QKeySequence.StandardKey.Print, self.print_selected)
        self.serve_action = page_action("Ctrl+M", self.serve_selected)
        self.reload_action = page_action(QKeySequence.StandardKey.Refresh, self.reload)
        self.preview_action = QAction(self.table)
        self.preview_action.setShortcuts([QKeySequence("Space"), QKeySequence("Return"),
                                          QKeySequence("Enter")])
        self.preview_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.preview_action.triggered.connect(lambda _c=False: self.preview_selected())
        self.table.addAction(self.preview_action)

        self.scope_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload_button.clicked.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.preview_selected())
        self.issue_button.clicked.connect(self.open_issue)
        self.preview_button.clicked.connect(self.preview_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.correct_button.clicked.connect(self.correct_selected)
        self.serve_button.clicked.connect(self.serve_selected)
        self.batch_selected_action.triggered.connect(lambda _c=False: self.batch_print_selected())
        self.batch_warnings_action.triggered.connect(lambda _c=False: self.batch_warnings_due())
        self.batch_orders_action.triggered.connect(
            lambda _c=False: self.batch_restriction_orders())
        self.verify_button.clicked.connect(self.open_verify)

        QWidget.setTabOrder(self.table, self.issue_button)
        self.setFocusProxy(self.table)
        self.retranslateUi()
        self._update_buttons()
        self.reload()
        follow_changes(self, tasks, ("documents", "listings", "orders", "cases"), self.reload,
                       lambda: self.has_loaded)

    # ------------------------------------------------------------- scope

    def set_case(self, case_id: int | None, case_number: str = "") -> None:
        """Show one case's documents (the case selected on the Cases page), or all."""
        set_case_scope(self.scope_combo, case_id,
                       self.tr("Case %1").replace("%1", case_number or str(case_id)))
        self.reload()

    @property
    def case_id(self) -> int | None:
        return scoped_case_id(self.scope_combo)

    @property
    def kind_filter(self) -> DocKind | None:
        value = self.kind_combo.currentData()
        return DocKind(value) if value is not None else None

    def set_kind_filter(self, kind: DocKind | None) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value if kind else None))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.has_loaded:
            self.reload()

    # ----------------------------------------------------------- loading
    def reload(self) -> None:
        """Show the register's first page again (the filters and order now chosen);
        the total is counted once it shows."""
        self._generation += 1
        self.count_label.new_load()
        case_id, kind = self.case_id, self.kind_filter
        current = self.current_document()
        if current is not None and self._select_after_load is None:
            self._select_after_load = current.id
        if not self._settling:
            self._reselect_within = self.model.rowCount()
        sort, descending = self.model.order
        self._load_args = (case_id, kind, sort, descending)
        # The rows shown stay until the first page replaces them, but no page is
        # fetched after them any more (it would follow the new first page).
        self.model.stop_fetching()
        self._read_page(None, first=True)

    def _read_page(self, after: object | None, *, first: bool) -> None:
        gen, ctx, actor = self._generation, self._ctx, self._actor
        case_id, kind, sort, descending = self._load_args
        limit = register_model.PAGE_SIZE
        self._tasks.run_db(lambda: load_register_page(ctx, actor, case_id, kind, sort=sort,
                                                      descending=descending, after=after,
                                                      limit=limit),
                           on_done=lambda p: self._on_page(gen, p, first),
                           on_error=lambda e: self._on_load_failed(gen, e), owner=self)

    def _fetch_more(self) -> None:
        """The view scrolled to the end of what is loaded: read the next page."""
        self._read_page(self.model.next_after, first=False)

    def _on_page(self, gen: int, page: RegisterPage, first: bool) -> None:
        if gen != self._generation:
            return  # an older load: its rows are not wanted any more
        if first:
            had_focus = self.table.hasFocus()
            self.has_loaded = True
            self._settling = True
            ctx, actor, (case_id, kind, _sort, _descending) = self._ctx, self._actor, self._load_args
            self.count_label.start(page.documents,
                                   lambda: count_register(ctx, actor, case_id, kind))
            self.model.show_page(page.documents, page.listings, first=True)
            self._size_columns()
            if had_focus:
                self.table.setFocus()
        else:
            self.model.show_page(page.documents, page.listings, first=False)
        if self._settling:
            self._settle()

    def _settle(self) -> None:
        """Select the document to select again (the one selected before the reload,
        or just issued): if it is not loaded yet, fetch the next pages until it
        shows, up to as many rows as were loaded before; not found there, select
        the first row.  Then the load is done (``loaded``)."""
        want = self._select_after_load
        row = self.model.row_of(want) if want is not None else -1
        if row < 0 and want is not None and self.model.canFetchMore() \
                and self.model.rowCount() < self._reselect_within:
            self.model.fetchMore()  # the page arrives in _on_page, which settles again
            return
        self._settling = False
        self._select_after_load = None
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        self._update_buttons()
        self.loaded.emit()

    @property
    def count(self) -> int | None:
        """The register's total, once counted."""
        return self.count_label.count

    def _on_load_failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._generation:
            self._settling = False
            self.model.stop_fetching()
            self._fail(self.tr("The register could not be loaded: %1").replace("%1", describe(exc)))

    def _size_columns(self) -> None:
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()

        def head(col: int) -> str:
            return str(self.model.headerData(col, Qt.Orientation.Horizontal))

        kinds = sorted((kind_label(k) for k in DocKind), key=fm.horizontalAdvance)
        for col, sample in ((COL_NUMBER, "（2026）京0105执12345号之十二"),
                            (COL_KIND, kinds[-2]),  # the longest is elided a little
                            (COL_CASE, "(2026)京0105执12345号"),
                            (COL_RESPONDENT, "某某科技有限公司"),
                            (COL_ISSUED, "2026-12-31"), (COL_SIGNER, "欧阳院长"),
                            (COL_SUPERSEDED, self.model.superseded_text("…之十二")),
                            (COL_SERVICE, "2026-12-31")):
            header.resizeSection(col, max(fm.horizontalAdvance(sample),
                                          fm.horizontalAdvance(head(col))) + 24)

    # --------------------------------------------------------- selection
    def selected_documents(self) -> list[ds.IssuedDocument]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.document(r) for r in rows]

    def current_document(self) -> ds.IssuedDocument | None:
        """The document the single-item actions work on: the current row if selected."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row()):
            return self.model.document(current.row())
        return self.model.document(rows[0].row())

    def select_document(self, document_id: int) -> bool:
        row = self.model.row_of(document_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _case_for_issue(self) -> int | None:
        if self.case_id is not None:
            return self.case_id
        d = self.current_document()
        return d.case_id if d is not None else None

    def _listing_to_serve(self) -> ls.ListingOverview | None:
        d = self.current_document()
        o = self.model.listing_of(d) if d is not None else None
        return o if o is not None and o.record.listing.signed_not_served() else None

    def _update_buttons(self) -> None:
        docs = self.selected_documents()
        one = self.current_document() if len(docs) == 1 else None
        self.issue_button.setEnabled(self.can_issue and self._case_for_issue() is not None)
        self.issue_action.setEnabled(self.issue_button.isEnabled())
        self.preview_button.setEnabled(bool(docs))
        self.print_button.setEnabled(bool(docs))
        self.reprint_button.setEnabled(one is not None)
        self.correct_button.setEnabled(self.can_issue and one is not None
                                       and one.superseded_by is None)
        serve = self.can_serve and one is not None and self._listing_to_serve() is not None
        self.serve_button.setEnabled(serve)
        self.batch_selected_action.setEnabled(bool(docs))
        self.batch_warnings_action.setEnabled(self.can_issue)
        self.batch_orders_action.setEnabled(self.can_issue and self.case_id is not None)
        if not self.can_issue:
            self.issue_button.setToolTip(self.tr("Your roles do not allow issuing documents."))
        elif self._case_for_issue() is None:
            self.issue_button.setToolTip(self.tr(
                "Choose a case first: select it on the Cases page, or select one of its "
                "documents here."))
        else:
            self.issue_button.setToolTip(self.tr("Issue a document in this case (%1)")
                                         .replace("%1", _shortcut_text("Ctrl+N")))
        self.serve_button.setToolTip(self.tr(
            "Record the service of the selected listing decision (%1)").replace(
            "%1", _shortcut_text("Ctrl+M")) if self.can_serve else self.tr(
            "Only a judge or a clerk records service."))

    # ------------------------------------------------------------- issue
    def open_issue(self, kind: DocKind = DocKind.EXECUTION_NOTICE) -> IssueDialog | None:
        case_id = self._case_for_issue()
        if case_id is None or not self.can_issue:
            return None
        d = self.current_document()
        respondent = d.respondent if d is not None and d.case_id == case_id else None
        dlg = IssueDialog(self._ctx, self._actor, self._tasks, case_id, kind=kind,
                          respondent=respondent, clock=self._clock, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.issued.connect(self._on_issued)
        dlg.draft_ready.connect(lambda pdf: self.show_preview(
            pdf, self.tr("Draft: %1").replace("%1", kind_label(dlg.kind)), draft=True))
        keep_while_alive(self, "issue_dialog", dlg)
        dlg.open()
        return dlg

    def _on_issued(self, issued: ds.Issued) -> None:
        d = issued.document
        set_banner(self.message, "ok", self.tr(
            "Issued %1 (%2). Space previews it, %3 prints it.").replace("%1", d.number)
            .replace("%2", kind_label(d.kind)).replace("%3", _shortcut_text("Ctrl+P")))
        if self.kind_filter is not None and self.kind_filter is not d.kind:
            self.set_kind_filter(None)
        self._select_after_load = d.id
        self.table.setFocus()
        self.issued.emit(d)
        self.reload()

    # ----------------------------------------------------------- preview
    def show_preview(self, pdf: bytes, title: str, *, draft: bool = False) -> PreviewDialog:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dlg = PreviewDialog(self._tasks, pdf, title, draft=draft, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.printed.connect(self.printed)
        dlg.finished.connect(lambda _r: self.table.setFocus())
        keep_while_alive(self, "preview_dialog", dlg)
        dlg.show()
        dlg.activateWindow()
        dlg.view.setFocus()
        self.preview_opened.emit(dlg)
        return dlg

    def preview_selected(self) -> None:
        """Preview the current document (several selected: the batch's combined file)."""
        docs = self.selected_documents()
        if len(docs) > 1:
            self.batch_print_selected(preview=True)
            return
        self._with_current_pdf(self.show_preview)

    def _with_current_pdf(self, then: Callable[[bytes, str], object]) -> None:
        """Fetch the current document's stored bytes off the GUI thread, then ``then(pdf, title)``."""
        d = self.current_document()
        if d is None:
            return
        ctx, actor, title = self._ctx, self._actor, self._title(d)

        def done(pdf: bytes) -> None:
            then(pdf, title)

        self._tasks.run_db(lambda: ds.reprint(ctx.uow(), actor, d.id), on_done=done,
                           on_error=self._on_action_failed, owner=self)

    def _title(self, d: ds.IssuedDocument) -> str:
        return f"{d.number} · {kind_label(d.kind)}"

    # ------------------------------------------------------------- print
    def print_selected(self) -> None:
        """Print the selected document; several selected print as one batch."""
        if self.preview_dialog is not None and self.preview_dialog.isActiveWindow():
            self.preview_dialog.print_document()
            return
        docs = self.selected_documents()
        if len(docs) > 1:
            self.batch_print_selected()
            return
        self._with_current_pdf(self.print_pdf)

    def print_pdf(self, pdf: bytes, title: str) -> None:
        """Read the file's pages (off the GUI thread), ask for the printer, print."""
        if self.print_job is not None and self.print_job.running:
            self._fail(self.tr("A print run is still going on; wait for it to finish."))
            return
        self._tasks.run_cpu(lambda: printing.pdf_info(pdf),
                            on_done=lambda info: self._on_pdf_info(pdf, title, info),
                            on_error=lambda e: self._fail(
                                self.tr("Printing failed: %1").replace("%1", str(e))),
                            owner=self)

    def _on_pdf_info(self, pdf: bytes, title: str, info: tuple[int, QSizeF]) -> None:
        self._ask_and_print(pdf, title, *info)

    def _ask_and_print(self, pdf: bytes, title: str, pages: int,
                       size: QSizeF) -> printing.PrintJob | None:
        printer = printing.new_printer(size)
        printer.setDocName(title)
        if not printing.ask_printer(self, printer, pages):
            return None
        job = printing.PrintJob(self._tasks, pdf, printer, parent=self)
        job.progressed.connect(lambda done, total: set_banner(
            self.message, "info", self.tr("Printing page %1 of %2…").replace(
                "%1", str(done)).replace("%2", str(total))))
        job.finished.connect(self._on_printed)
        job.failed.connect(lambda e: self._fail(
            self.tr("Printing failed: %1").replace("%1", str(e) or type(e).__name__)))
        self.print_job = job
        set_banner(self.message, "info", self.tr("Printing %1…").replace("%1", title))
        job.start()
        return job

    def _on_printed(self, pages: int) -> None:
        set_banner(self.message, "ok", self.tr("Sent %1 page(s) to the printer.")
                   .replace("%1", str(pages)))
        self.printed.emit(pages)

    # ----------------------------------------------------------- reprint
    def reprint_selected(self) -> None:
        """Save an identical copy of the issued file (the stored bytes) to a PDF file."""
        d = self.current_document()
        if d is None:
            return
        name = d.number.replace("/", "-") + ".pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Reprint to a file"), name, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        target = Path(path)
        ctx, actor = self._ctx, self._actor

        def write() -> str:
            data = ds.reprint(ctx.uow(), actor, d.id)
            target.write_bytes(data)
            return hashlib.sha256(data).hexdigest()

        self._tasks.run_db(write, on_done=lambda digest: self._on_saved(d, target, digest),
                           on_error=self._on_action_failed, owner=self)

    def _on_saved(self, d: ds.IssuedDocument, path: Path, digest: str) -> None:
        same = digest == d.pdf_sha256
        set_banner(self.message, "ok" if same else "error", self.tr(
            "Saved %1 to %2: identical to the issued file (SHA-256 %3…).").replace(
            "%1", d.number).replace("%2", str(path)).replace("%3", digest[:16]) if same else
            self.tr("The copy of %1 does not match the issued file.").replace("%1", d.number))
        self.saved.emit(str(path))

    # -------------------------------------------------------- correction
    def correct_selected(self) -> CorrectionDialog | None:
        d = self.current_document()
        if d is None or d.superseded_by is not None or not self.can_issue:
            return None
        dlg = CorrectionDialog(d, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.issue_correction(d, dlg.reason))
        keep_while_alive(self, "correction_dialog", dlg)
        dlg.open()
        return dlg

    def issue_correction(self, d: ds.IssuedDocument, reason: str) -> None:
        ctx, actor, on = self._ctx, self._actor, self._clock()
        self._tasks.run_db(
            lambda: ds.supersede(ctx.uow(), actor, d.number, reason=reason, issued_on=on),
            on_done=self._on_issued, on_error=self._on_action_failed, owner=self)

    # ----------------------------------------------------------- service
    def serve_selected(self) -> RecordServiceDialog | None:
        """Record the service of the selected listing decision (date and method)."""
        o = self._listing_to_serve()
        if o is None or not self.can_serve:
            d = self.current_document()
            if d is not None and d.kind is DocKind.LISTING_DECISION and self.can_serve:
                set_banner(self.message, "info", self.tr(
                    "The service of this listing decision is already recorded."))
            return None
        dlg = RecordServiceDialog(o, self._clock(), parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.record_service(o.record.id, dlg.served_on, dlg.method))
        dlg.finished.connect(lambda _r: self.table.setFocus())
        keep_while_alive(self, "service_dialog", dlg)
        dlg.open()
        dlg.ok_button.setFocus()
        return dlg

    def record_service(self, listing_id: int, served_on: date, method: ServiceMethod) -> None:
        ctx, actor = self._ctx, self._actor
        self._tasks.run_db(
            lambda: ls.record_service(ctx.uow(), actor, listing_id, served_on, method),
            on_done=self._on_served, on_error=self._on_action_failed, owner=self)

    def _on_served(self, rec: ls.ListingRecord) -> None:
        set_banner(self.message, "ok", self.tr(
            "Service of the listing decision recorded: %1, served on %2.")
            .replace("%1", rec.case_number).replace("%2", rec.listing.served_on.isoformat()
                                                     if rec.listing.served_on else ""))
        self.served.emit(rec.id)
        self.reload()

    # ------------------------------------------------------------- batch
    def start_batch(self, make: Callable[[], BatchGenerator], what: str, *,
                    labels: dict[str, str] | None = None,
                    preview: bool = False) -> BatchDialog:
        if self.batch_dialog is not None:
            self.batch_dialog.close()
        dlg = BatchDialog(self._tasks, make, what, labels=labels, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.batch_finished.connect(lambda _s: self.reload())
        dlg.printed.connect(self._on_printed)
        if preview:
            dlg.batch_finished.connect(lambda step: dlg.open_preview() if step.pdf else None)
        keep_while_alive(self, "batch_dialog", dlg)
        dlg.open()
        dlg.start()
        self.batch_opened.emit(dlg)
        return dlg

    def batch_print_ids(self, ids: list[int], what: str, *,
                        labels: dict[str, str] | None = None,
                        preview: bool = False) -> BatchDialog:
        """One print file of these register entries (``render_batch``)."""
        ctx, actor = self._ctx, self._actor

        def make() -> Iterator[ds.BatchProgress]:
            return ds.render_batch(ctx.uow(), actor, list(ids))

        return self.start_batch(make, what, labels=labels, preview=preview)

    def batch_print_selected(self, *, preview: bool = False) -> BatchDialog | None:
        docs = self.selected_documents()
        if not docs:
            return None
        what = self.tr("The %1 selected document(s)").replace("%1", str(len(docs)))
        return self.batch_print_ids([d.id for d in docs], what,
                                    labels={str(d.id): d.number for d in docs}, preview=preview)

    def batch_requests(self, requests: list[ds.IssueRequest], what: str) -> BatchDialog:
        """Print what answers ``requests``, issuing what is not issued yet."""
        ctx, actor, on = self._ctx, self._actor, self._clock()

        def make() -> Iterator[ds.BatchProgress]:
            return print_requests(ctx, actor, requests, issued_on=on)

        return self.start_batch(make, what)

    def batch_warnings_due(self) -> None:
        """Every warning whose grace period ends this week (issued if need be), in one file."""
        ctx, actor, today = self._ctx, self._actor, self._clock()
        start, end = ds.week_of(today)

        def done(requests: list[ds.IssueRequest]) -> None:
            if not requests:
                set_banner(self.message, "info", self.tr(
                    "No warning is due this week (%1 to %2).").replace(
                    "%1", start.isoformat()).replace("%2", end.isoformat()))
                return
            self.batch_requests(requests, self.tr(
                "Every warning due this week (%1 to %2): %3").replace(
                "%1", start.isoformat()).replace("%2", end.isoformat()).replace(
                "%3", str(len(requests))))

        self._tasks.run_db(lambda: ds.warnings_due(ctx.uow(), actor, today),
                           on_done=done, on_error=self._on_action_failed, owner=self)

    def batch_restriction_orders(self) -> None:
        """Every restriction order of the case shown (issued if need be), in one file."""
        case_id = self.case_id
        if case_id is None:
            return
        ctx, actor = self._ctx, self._actor
        case_text = self.scope_combo.currentText()

        def done(requests: list[ds.IssueRequest]) -> None:
            if not requests:
                set_banner(self.message, "info", self.tr(
                    "%1 has no signed restriction order.").replace("%1", case_text))
                return
            self.batch_requests(requests, self.tr("Every restriction order of %1: %2")
                                .replace("%1", case_text).replace("%2", str(len(requests))))

        self._tasks.run_db(lambda: ds.restriction_orders_of_case(ctx.uow(), actor, case_id),
                           on_done=done, on_error=self._on_action_failed, owner=self)

    # ------------------------------------------------------------ verify
    def open_verify(self) -> VerifyDialog:
        dlg = VerifyDialog(self._ctx, self._actor, self._tasks, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        keep_while_alive(self, "verify_dialog", dlg)
        dlg.show()
        return dlg

    # ------------------------------------------------------------ errors
    def _fail(self, text: str) -> None:
        set_banner(self.message, "error", text)
        self.action_failed.emit(text)

    def _on_action_failed(self, exc: BaseException) -> None:
        self._fail(self.tr("Refused: %1").replace("%1", refusal_text(exc)))
        self.reload()

    # ------------------------------------------------------------- texts
    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Register of issued documents"))
        self.scope_label.setText(self.tr("Show &cases:"))
        self.scope_combo.setItemText(0, self.tr("All cases"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.kind_combo.setItemText(0, self.tr("All kinds"))
        for i in range(1, self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_label(self.kind_combo.itemData(i)))
        self.reload_button.setText(self.tr("&Reload"))
        if self.has_loaded:
            self.count_label.refresh()
        self.empty_hint.setText(self.tr(
            "No document issued yet here. Select a case on the Cases page, come back and "
            "choose Issue…"))
        self.issue_button.setText(self.tr("&Issue…"))
        self.preview_button.setText(self.tr("Pre&view"))
        self.preview_button.setToolTip(self.tr("Preview the selected document (Space or Enter)"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr(
            "Print the selected document; several selected print as one file (%1)").replace(
            "%1", _shortcut_text(QKeySequence(QKeySequence.StandardKey.Print))))
        self.reprint_button.setText(self.tr("Reprint to &file…"))
        self.reprint_button.setToolTip(self.tr(
            "Save the issued file, byte for byte identical to the first print, as a PDF"))
        self.correct_button.setText(self.tr("Issue c&orrection…"))
        self.correct_button.setToolTip(self.tr(
            "Issue a new document that supersedes the selected one; both stay in the register"))
        self.serve_button.setText(self.tr("&Mark served…"))
        self.batch_button.setText(self.tr("&Batch print"))
        self.batch_selected_action.setText(self.tr("The selected documents"))
        self.batch_warnings_action.setText(self.tr("Every warning due this week"))
        self.batch_orders_action.setText(self.tr("Every restriction order of this case"))
        self.verify_button.setText(self.tr("&Verify a document…"))
        self.model.retranslate()
        self._update_buttons()

