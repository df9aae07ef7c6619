"""The Today page (今日事项): what is due today and what is overdue, for the
logged-in user's roles; the top alert of the day (a removal no recipient
acknowledged in time) first.  Activating an item opens the page it concerns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import daily, documents, listing, petitions
from courtapp.core.services.daily import Alert, AlertKind, DailySummary
from courtapp.ui.changes import follow_changes
from courtapp.ui.counter.common import OVERDUE_FG, PROVISIONAL_FG, error_text, kind_label
from courtapp.ui.counter.queue import QueueRow, load_queue
from courtapp.ui.i18n import Retranslating, ui_language
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.tasks import TaskRunner

#: Where an item leads: (page key, reference).  Page keys are the main window's,
#: plus ``counter:intake``, ``counter:queue`` and ``counter:ledger``.
Target = tuple[str, object]

_DISPATCH_ALERTS = {AlertKind.REMOVAL_UNACKNOWLEDGED, AlertKind.REMOVAL_INCOMPLETE,
                    AlertKind.CORRECTION_UNACKNOWLEDGED, AlertKind.LIFTING_UNACKNOWLEDGED,
                    AlertKind.PERMISSION_UNACKNOWLEDGED}


@dataclass(frozen=True)
class TodayData:
    today: date
    alerts: list[Alert]
    queue: list[QueueRow] = field(default_factory=list)
    to_sign: list[listing.ListingRecord] = field(default_factory=list)
    to_serve: list[listing.ListingRecord] = field(default_factory=list)
    printed_today: list[documents.IssuedDocument] = field(default_factory=list)
    received_today: list[petitions.Petition] = field(default_factory=list)


def load_today(ctx: AppContext, actor: Actor, today: date) -> TodayData:
    """On the database thread: everything the page shows for ``actor``'s roles."""
    roles = actor.roles
    return TodayData(
        today=today,
        alerts=daily.alerts(ctx.uow(), actor, today),
        queue=load_queue(ctx, actor, today) if Role.JUDGE in roles else [],
        to_sign=listing.awaiting_signature(ctx.uow(), actor) if Role.PRESIDENT in roles else [],
        to_serve=listing.signed_not_served(ctx.uow(), actor) if Role.CLERK in roles else [],
        printed_today=documents.list_documents(ctx.uow(), actor, issued_from=today, issued_to=today)
        if Role.CLERK in roles else [],
        received_today=[p for p in petitions.list_petitions(ctx.uow(), actor)
                        if p.received_on == today] if Role.COUNTER in roles or Role.CLERK in roles
        else [],
    )


@dataclass(frozen=True)
class TodayItem:
    section: str
    text: str
    target: Target
    level: str = ""  # "alert", "overdue", "provisional" or ""


class TodayPage(Retranslating, QWidget):
    """Today's items by role, the top alert first and prominently.

    Signals:
        loaded(int): the items arrived; how many.
        open_requested(str, object): open a page (key) at a reference.
    """

    loaded = Signal(int)
    open_requested = Signal(str, object)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today_page")
        self._ctx, self._actor, self._tasks, self._clock = ctx, actor, tasks, clock
        self.data: TodayData | None = None
        self.items: list[TodayItem] = []
        self.summary: DailySummary | None = None
        self.heading = QLabel(self)
        f = self.heading.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.5)
        self.heading.setFont(f)
        self.heading.setWordWrap(True)
        self.top_alert = QLabel(self)
        self.top_alert.setObjectName("top_alert")
        self.top_alert.setWordWrap(True)
        self.top_alert.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.top_alert.setStyleSheet(
            "QLabel { color: white; background: #a31515; border-radius: 4px; padding: 10px 12px;"
            " font-weight: bold; font-size: 115%; }")
        self.top_alert.hide()
        self.top_button = QPushButton(self)
        self.top_button.hide()
        self.list = QListWidget(self)
        self.list.setObjectName("today_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(False)
        self.empty = QLabel(self)
        self.daily = banner(self)
        self.daily.setObjectName("daily_summary_banner")
        self.refresh_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        alert_row = QHBoxLayout()
        alert_row.addWidget(self.top_alert, 1)
        alert_row.addWidget(self.top_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(alert_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.daily)
        self.refresh_button.clicked.connect(self.reload)
        self.list.itemActivated.connect(self._on_activated)
        self.top_button.clicked.connect(lambda: self.open_requested.emit("counter:ledger", None))
        self.retranslateUi()
        self.reload()
        follow_changes(self, tasks, ("cases", "listings", "orders", "applications", "petitions",
                                     "dispatch", "documents", "calendar"),
                       self.reload, lambda: self.data is not None)

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Today, %1").replace("%1", self._clock().isoformat()))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.top_button.setText(self.tr("Open the &ledger"))
        self.empty.setText(self.tr("Nothing is due or overdue for your roles today."))
        self._fill()
        if self.summary is not None:
            self.set_summary(self.summary)

    def reload(self) -> None:
        ctx, actor, today = self._ctx, self._actor, self._clock()
        self._tasks.run_db(lambda: load_today(ctx, actor, today), on_done=self._on_loaded,
                           on_error=lambda exc: set_banner(self.daily, "error", error_text(exc)),
                           owner=self)

    def _on_loaded(self, data: TodayData) -> None:
        self.data = data
        self._fill()
        self.loaded.emit(len(self.items))

    def set_summary(self, summary: DailySummary) -> None:
        """The daily run's summary (at start-up or from the Admin page)."""
        self.summary = summary
        lines = summary.lines(ui_language())
        set_banner(self.daily, "info", "\n".join(lines[:8]))
        self.reload()

    # ------------------------------------------------------------ items
    def build_items(self, d: TodayData) -> list[TodayItem]:
        roles = self._actor.roles
        lang = ui_language()
        out: list[TodayItem] = []
        top = [a for a in d.alerts if a.kind is AlertKind.REMOVAL_UNACKNOWLEDGED]
        for a in top:
            out.append(TodayItem(self.tr("Top alert: removal not acknowledged"), a.text(lang),
                                 ("counter:ledger", a.ref), "alert"))
        if Role.JUDGE in roles:
            sec = self.tr("Petitions to decide")
            for q in d.queue:
                p = q.petition
                text = self.tr("%1 – %2 – %3: due %4").replace("%1", p.number).replace(
                    "%2", kind_label(p.kind)).replace("%3", p.respondent_name).replace(
                    "%4", p.due.isoformat())
                level = ""
                if q.overdue:
                    text += " – " + self.tr("OVERDUE by %1 working day(s)").replace(
                        "%1", str(q.working_days_overdue))
                    level = "overdue"
                elif p.due_provisional:
                    text += " – " + self.tr("provisional deadline")
                    level = "provisional"
                out.append(TodayItem(sec, text, ("counter:queue", p.id), level))
            sec = self.tr("Decisions to prepare")
            for a in d.alerts:
                if a.kind is AlertKind.DOCUMENT_MISSING:
                    out.append(TodayItem(sec, a.text(lang), ("counter:queue", a.ref), "overdue"))
        if Role.PRESIDENT in roles:
            sec = self.tr("Decisions to sign")
            for r in d.to_sign:
                out.append(TodayItem(sec, self.tr("%1: listing decision %2 prepared by %3")
                                     .replace("%1", r.case_number).replace("%2", str(r.id))
                                     .replace("%3", r.prepared_by), ("listings", r.id)))
        if Role.CLERK in roles:
            sec = self.tr("Notices to print and serve")
            for r in d.to_serve:
                out.append(TodayItem(sec, self.tr("%1: listing decision %2 is signed but not served")
                                     .replace("%1", r.case_number).replace("%2", str(r.id)),
                                     ("listings", r.id), "overdue"))
            for doc in d.printed_today:
                out.append(TodayItem(sec, self.tr("%1: document %2 issued today – print and serve it")
                                     .replace("%1", doc.case_number).replace("%2", doc.number),
                                     ("notices", doc.number)))
            for a in d.alerts:
                if a.kind in _DISPATCH_ALERTS and a.kind is not AlertKind.REMOVAL_UNACKNOWLEDGED:
                    out.append(TodayItem(self.tr("Acknowledgements to record"), a.text(lang),
                                         ("counter:ledger", a.ref), "overdue"))
        if Role.COUNTER in roles or Role.CLERK in roles:
            sec = self.tr("Receipts of today")
            for p in d.received_today:
                if p.receipt_number:
                    text = self.tr("%1 (%2): receipt %3").replace("%1", p.number).replace(
                        "%2", p.petitioner_name).replace("%3", p.receipt_number)
                    level = ""
                else:
                    text = self.tr("%1 (%2): NO RECEIPT YET").replace("%1", p.number).replace(
                        "%2", p.petitioner_name)
                    level = "overdue"
                out.append(TodayItem(sec, text, ("counter:intake", p.id), level))
        if Role.ADMIN in roles:
            sec = self.tr("Administration")
            for a in d.alerts:
                if a.kind is AlertKind.CALENDAR_MISSING:
                    out.append(TodayItem(sec, a.text(lang), ("admin", a.ref), "overdue"))
            for a in d.alerts:
                if a.kind in _DISPATCH_ALERTS and a.kind is not AlertKind.REMOVAL_UNACKNOWLEDGED:
                    out.append(TodayItem(self.tr("Dispatches not acknowledged"), a.text(lang),
                                         ("counter:ledger", a.ref), "overdue"))
        return out

    def _fill(self) -> None:
        self.list.clear()
        d = self.data
        if d is None:
            self.items = []
            return
        self.items = self.build_items(d)
        top = [i for i in self.items if i.level == "alert"]
        if top:
            self.top_alert.setText(self.tr("TOP ALERT – removal not acknowledged by any recipient:")
                                   + "\n" + "\n".join(i.text for i in top))
        self.top_alert.setVisible(bool(top))
        self.top_button.setVisible(bool(top))
        section = None
        bold = QFont(self.list.font())
        bold.setBold(True)
        for it in self.items:
            if it.section != section:
                section = it.section
                head = QListWidgetItem(section, self.list)
                head.setFont(bold)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            entry = QListWidgetItem("    " + it.text, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, it)
            if it.level in ("alert", "overdue"):
                entry.setForeground(QBrush(OVERDUE_FG))
            elif it.level == "provisional":
                entry.setForeground(QBrush(PROVISIONAL_FG))
        self.empty.setVisible(not self.items)

    def _on_activated(self, entry: QListWidgetItem) -> None:
        it = entry.data(Qt.ItemDataRole.UserRole)
        if isinstance(it, TodayItem):
            self.open_requested.emit(it.target[0], it.target[1])

    def activate(self, index: int) -> None:
        """Open the page of ``items[index]`` (as a double-click or Enter would)."""
        it = self.items[index]
        self.open_requested.emit(it.target[0], it.target[1])
