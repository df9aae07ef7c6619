"""The propagation ledger (送达): open dispatch items, each waiting for its
recipient's acknowledgement (回执确认)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import dispatch
from courtapp.core.services.dispatch import DispatchItem
from courtapp.ui.changes import follow_changes
from courtapp.ui.counter.common import (
    Column,
    ServerSortedRowsModel,
    error_text,
    iso,
)
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from courtapp.ui.listing.labels import pydate, qdate
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.server_sort import keep_sortable_indicator
from courtapp.ui.tasks import TaskRunner

EVENTS = {
    "publication": QT_TRANSLATE_NOOP("Counter", "publication"),
    "removal": QT_TRANSLATE_NOOP("Counter", "removal"),
    "correction": QT_TRANSLATE_NOOP("Counter", "correction"),
    "lifting": QT_TRANSLATE_NOOP("Counter", "lifting"),
    "permission": QT_TRANSLATE_NOOP("Counter", "temporary permission"),
}


OVERDUE = QT_TRANSLATE_NOOP("Counter", "overdue")

COL_RECIPIENT, COL_EVENT, COL_CASE, COL_CREATED, COL_DUE, COL_OVERDUE = range(6)
#: The server-side order of each column (issue 12 §2): keys of ``DISPATCH_SORT``.
#: Due and overdue are counted from the court calendar, not stored: not sortable.
LEDGER_SORT: dict[int, str] = {
    COL_RECIPIENT: "recipient", COL_EVENT: "event", COL_CASE: "case_number",
    COL_CREATED: "created_on",
}


def _tc(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Counter", text)


def event_label(event: str) -> str:
    return _tc(EVENTS[event]) if event in EVENTS else event


class LedgerPage(Retranslating, QWidget):
    """Open dispatch items with Acknowledge (on a date).

    Signals:
        loaded(int): the open items arrived; how many.
        acknowledged(int): items were acknowledged; how many.
    """

    loaded = Signal(int)
    acknowledged = Signal(int)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_page")
        self._ctx, self._actor, self._tasks, self._clock = ctx, actor, tasks, clock
        self.can_ack = actor.can(Permission.LISTING_SERVE)

        def overdue(i: DispatchItem) -> str:
            return "overdue" if i.due is not None and clock() > i.due else ""

        cols: list[Column[DispatchItem]] = [
            Column(QT_TRANSLATE_NOOP("Counter", "Recipient"), lambda i: i.recipient_name or i.recipient),
            Column(QT_TRANSLATE_NOOP("Counter", "Event"), lambda i: event_label(i.event)),
            Column(QT_TRANSLATE_NOOP("Counter", "Case"), lambda i: i.case_number),
            Column(QT_TRANSLATE_NOOP("Counter", "Created"), lambda i: iso(i.created_on)),
            Column(QT_TRANSLATE_NOOP("Counter", "Due"),
                   lambda i: iso(i.due) + (" *" if i.due_provisional else "")),
            Column(QT_TRANSLATE_NOOP("Counter", "Overdue?"),
                   lambda i: _tc(OVERDUE) if overdue(i) else ""),
        ]
        self.heading = QLabel(self)
        f = self.heading.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.heading.setFont(f)
        self.heading.setWordWrap(True)
        self.model: ServerSortedRowsModel[DispatchItem] = ServerSortedRowsModel(
            cols, LEDGER_SORT, default=("oldest", False), marked=overdue, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("ledger_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # a click calls model.sort: the server orders
        keep_sortable_indicator(header, lambda c: c in LEDGER_SORT,
                                lambda: (self.model.sort_column(), self.model.order[1]))
        self.model.sort_requested.connect(self.reload)
        self.on_label = QLabel(self)
        self.on_date = QDateEdit(self)
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.on_label.setBuddy(self.on_date)
        self.ack_button = QPushButton(self)
        self.ack_button.setObjectName("acknowledge")
        self.ack_button.setEnabled(self.can_ack)
        self.refresh_button = QPushButton(self)
        self.message = banner(self)

        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.refresh_button)
        ack = QHBoxLayout()
        ack.addStretch(1)
        ack.addWidget(self.on_label)
        ack.addWidget(self.on_date)
        ack.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(ack)
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.refresh_button.clicked.connect(self.reload)
        self.retranslateUi()
        self.reload()
        follow_changes(self, tasks, ("dispatch",), self.reload, lambda: True)

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Dispatch ledger: open items awaiting acknowledgement"))
        self.on_label.setText(self.tr("Acknowledged &on:"))
        self.ack_button.setText(self.tr("&Acknowledge selected"))
        self.refresh_button.setText(self.tr("Refres&h"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    def reload(self) -> None:
        self.on_date.setDate(qdate(self._clock()))
        ctx, actor = self._ctx, self._actor
        sort, descending = self.model.order
        self._tasks.run_db(lambda: dispatch.open_items(ctx.uow(), actor, sort=sort,
                                                       descending=descending),
                           on_done=self._on_loaded,
                           on_error=lambda exc: set_banner(self.message, "error", error_text(exc)),
                           owner=self)

    def _on_loaded(self, items: list[DispatchItem]) -> None:
        self.model.set_rows(items)
        self.loaded.emit(len(items))

    def items(self) -> list[DispatchItem]:
        return self.model.rows()

    def acknowledge_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [it.id for r in rows if (it := self.model.row_at(r)) is not None]
        if not ids or not self.can_ack:
            set_banner(self.message, "warn", self.tr("Select the items the recipient confirmed."))
            return
        on = pydate(self.on_date.date())
        ctx, actor = self._ctx, self._actor

        def work() -> int:
            return len(dispatch.acknowledge_dispatch(ctx.uow(), actor, ids, on))

        self._tasks.run_db(work, on_done=self._on_acked, on_error=self._on_ack_failed, owner=self)

    def _on_ack_failed(self, exc: BaseException) -> None:
        set_banner(self.message, "error", error_text(exc))
        self.reload()

    def _on_acked(self, n: int) -> None:
        set_banner(self.message, "ok", self.tr("%1 item(s) acknowledged.").replace("%1", str(n)))
        self.acknowledged.emit(n)
        self.reload()
