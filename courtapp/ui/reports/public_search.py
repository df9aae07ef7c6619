"""The public list screen (issue 11 §2): search the published entries, export the list.

It shows what the public may see and nothing more — 2017 Provisions Art. 6
fields, a natural person's ID number masked — and, for each entry, the
outstanding balance and the day of the last payment.  Searching by a name
(or its beginning), a full ID number or credit code, or a case number
(``执2999`` or ``2999``) finds only entries that are published and not
removed.  Results come a page at a time (keyset); "More" fetches the next page,
so no list stops silently.  The export writes the entries published in a
period as JSON or CSV.  All database and file work runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.money import format_amount
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.reports.public import PublicEntry
from courtapp.core.services import public_list
from courtapp.ui.changes import follow_changes
from courtapp.ui.counter.common import Column, RowsModel, error_text
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from courtapp.ui.listing.labels import pydate, qdate
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.tasks import TaskRunner

# Entries per page of results.
PAGE = 50


def _ident(e: PublicEntry) -> str:
    return str(e.fields.get("id_number") or e.fields.get("credit_code") or "")


def _amount(e: PublicEntry) -> str:
    from decimal import Decimal

    return format_amount(Decimal(e.outstanding))


class PublicListPage(Retranslating, QWidget):
    """Signals:
        searched(int): a page of results arrived; how many entries are shown in all.
        exported(str, int): the public list was written; the path and how many entries.
        failed(str): a search or an export failed; the message shown.
    """

    searched = Signal(int)
    exported = Signal(str, int)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("public_list_page")
        self._ctx, self._actor, self._tasks, self._clock = ctx, actor, tasks, clock
        self._text = ""
        self._more = False

        cols: list[Column[PublicEntry]] = [
            Column(QT_TRANSLATE_NOOP("Counter", "Name"), lambda e: str(e.fields["name"])),
            Column(QT_TRANSLATE_NOOP("PublicList", "ID number / credit code"), _ident),
            Column(QT_TRANSLATE_NOOP("Counter", "Case"), lambda e: str(e.fields["case_number"])),
            Column(QT_TRANSLATE_NOOP("PublicList", "Court"), lambda e: str(e.fields["court"])),
            Column(QT_TRANSLATE_NOOP("PublicList", "Published"), lambda e: str(e.fields["published_on"])),
            Column(QT_TRANSLATE_NOOP("PublicList", "Outstanding (yuan)"), _amount),
            Column(QT_TRANSLATE_NOOP("PublicList", "Last payment"),
                   lambda e: e.last_payment_on or "—"),
        ]
        self.heading = QLabel(self)
        f = self.heading.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.3)
        self.heading.setFont(f)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("public_search")
        self.search_button = QPushButton(self)
        self.search_button.setDefault(True)
        self.model: RowsModel[PublicEntry] = _PublicModel(cols, None, self)
        self.table = QTableView(self)
        self.table.setObjectName("public_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel(self)
        self.more_button = QPushButton(self)
        self.more_button.setEnabled(False)
        self.message = banner(self)

        self.export_label = QLabel(self)
        today = clock()
        self.from_date = QDateEdit(self)
        self.to_date = QDateEdit(self)
        for edit, d in ((self.from_date, today - timedelta(days=30)), (self.to_date, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(qdate(d))
        self.to_label = QLabel(self)
        self.format_box = QComboBox(self)
        self.format_box.addItem("JSON", "json")
        self.format_box.addItem("CSV", "csv")
        self.export_button = QPushButton(self)
        self.export_button.setEnabled(actor.can(Permission.CASE_EXPORT))

        search = QHBoxLayout()
        search.addWidget(self.search_box, 1)
        search.addWidget(self.search_button)
        pages = QHBoxLayout()
        pages.addWidget(self.count_label, 1)
        pages.addWidget(self.more_button)
        self.export_label.setWordWrap(True)
        export = QHBoxLayout()
        export.addWidget(self.from_date)
        export.addWidget(self.to_label)
        export.addWidget(self.to_date)
        export.addWidget(self.format_box)
        export.addStretch(1)
        export.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(search)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(pages)
        layout.addWidget(self.export_label)
        layout.addLayout(export)

        self.search_button.clicked.connect(self.search)
        self.search_box.returnPressed.connect(self.search)
        self.more_button.clicked.connect(self.load_more)
        self.export_button.clicked.connect(self.choose_export_file)
        self.retranslateUi()
        follow_changes(self, tasks, ("cases", "listings"), self._research,
                       lambda: bool(self._text))

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Public list of dishonest judgment defaulters"))
        self.note.setText(self.tr(
            "Only published entries that are still on the list, with what 2017 Provisions "
            "Art. 6 allows the public to see: a natural person's ID number is masked in the "
            "middle, no address or telephone is shown."))
        self.search_box.setPlaceholderText(self.tr("Name, full ID number or credit code, or case number"))
        self.search_button.setText(self.tr("&Search"))
        self.more_button.setText(self.tr("&More"))
        self.export_label.setText(self.tr("Export the entries published from"))
        self.to_label.setText(self.tr("to"))
        self.export_button.setText(self.tr("E&xport…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._show_count()

    # ------------------------------------------------------------ search
    def search(self) -> None:
        self._text = self.search_box.text().strip()
        self.model.set_rows([])
        if not self._text:
            set_banner(self.message, "warn", self.tr("Type a name, an ID number or a case number."))
            return
        self._fetch(None)

    def _research(self) -> None:
        """Search again for the same text (a listing or payment changed)."""
        self.model.set_rows([])
        self._fetch(None)

    def load_more(self) -> None:
        rows = self.model.rows()
        if rows and self._more:
            self._fetch(rows[-1].listing_id)

    def _fetch(self, before: int | None) -> None:
        ctx, actor, text, today = self._ctx, self._actor, self._text, self._clock()
        self.more_button.setEnabled(False)
        self._tasks.run_db(
            lambda: public_list.search(ctx.uow(), actor, text, as_of=today, before_id=before,
                                       limit=PAGE + 1),
            on_done=lambda rows: self._on_results(rows, before is not None),
            on_error=self._on_failed, owner=self)

    def _on_results(self, rows: list[PublicEntry], appending: bool) -> None:
        self._more = len(rows) > PAGE
        rows = rows[:PAGE]
        self.model.set_rows((self.model.rows() if appending else []) + rows)
        self.more_button.setEnabled(self._more)
        if not self.model.rows():
            set_banner(self.message, "info", self.tr("No published entry matches."))
        else:
            set_banner(self.message, "info", "")
        self._show_count()
        self.searched.emit(len(self.model.rows()))

    def _show_count(self) -> None:
        n = len(self.model.rows())
        text = self.tr("%1 entries shown").replace("%1", str(n))
        if self._more:
            text += self.tr("; more with “More”")
        self.count_label.setText(text if n else "")

    def entries(self) -> list[PublicEntry]:
        return self.model.rows()

    def _on_failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        set_banner(self.message, "error", text)
        self.failed.emit(text)

    # ------------------------------------------------------------ export
    def choose_export_file(self) -> None:
        fmt = str(self.format_box.currentData())
        start, end = pydate(self.from_date.date()), pydate(self.to_date.date())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the public list"),
                                              f"public-list-{start}-{end}.{fmt}")
        if path:
            self.export_to(path, start, end, fmt)

    def export_to(self, path: str, start: date, end: date, fmt: str) -> None:
        ctx, actor, today = self._ctx, self._actor, self._clock()
        self._tasks.run_db(
            lambda: public_list.export_file(ctx.uow(), actor, start, end, path, fmt=fmt, as_of=today),
            on_done=lambda result: self._on_exported(path, result.entries),
            on_error=self._on_failed, owner=self)

    def _on_exported(self, path: str, n: int) -> None:
        set_banner(self.message, "ok", self.tr("%1 entries written to %2.")
                   .replace("%1", str(n)).replace("%2", path))
        self.exported.emit(path, n)


class _PublicModel(RowsModel[PublicEntry]):
    """Headers in the ``PublicList`` context where they are new, ``Counter`` where shared."""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        from PySide6.QtCore import QCoreApplication

        value = super().headerData(section, orientation, role)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            src = self._columns[section].header
            own = QCoreApplication.translate("PublicList", src)
            return own if own != src else value
        return value
