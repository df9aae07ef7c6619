"""The Today page (今日事项): what is due today and what is overdue, for the
logged-in user's roles; the top alert of the day (a removal no recipient
acknowledged in time) first.  Activating an item opens the page it concerns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.petition import PetitionStatus
from courtapp.core.domain.records import Application
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import applications, daily, documents, listing, petitions, workload
from courtapp.core.services import today as today_service
from courtapp.core.services.daily import Alert, AlertKind, DailySummary
from courtapp.core.services.workload import WorkCount
from courtapp.ui.changes import follow_changes
from courtapp.ui.counter.common import OVERDUE_FG, PROVISIONAL_FG, error_text, kind_label
from courtapp.ui.counter.queue import QueueRow, load_queue
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, ui_language
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
    #: The pending work per role, with counts (issue 12 §5).
    counts: list[WorkCount] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    grace_ending: list[workload.GraceEnding] = field(default_factory=list)
    awaiting_service: list[petitions.Petition] = field(default_factory=list)
    no_receipt: list[petitions.Petition] = field(default_factory=list)
    #: The clerk's other notices (the core's Today items: warnings due this week,
    #: petition decisions and restriction orders to serve).
    clerk_notices: list[today_service.TodayItem] = field(default_factory=list)


def load_today(ctx: AppContext, actor: Actor, today: date) -> TodayData:
    """On the database thread: everything the page shows for ``actor``'s roles."""
    roles = actor.roles
    pending = petitions.list_petitions(ctx.uow(), actor, status=PetitionStatus.PENDING) \
        if Role.COUNTER in roles else []
    return TodayData(
        today=today,
        counts=workload.workload(ctx.uow(), actor, today),
        applications=applications.pending_applications(ctx.uow(), actor)
        if Role.JUDGE in roles else [],
        grace_ending=workload.grace_ending(ctx.uow(), actor, today)
        if Role.JUDGE in roles else [],
        awaiting_service=[p for p in petitions.list_petitions(ctx.uow(), actor, decision_unserved=True)
                          if p.document_number] if Role.COUNTER in roles else [],
        no_receipt=[p for p in pending if p.receipt_number is None],
        clerk_notices=[i for i in today_service.today(ctx.uow(), actor, today,
                                                      roles=frozenset({Role.CLERK}))
                       if i.kind in ("warning", "serve_decision", "serve_order")]
        if Role.CLERK in roles else [],
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


#: The count tiles: label (context ``TodayPage``) and where a click leads.
COUNT_LABELS: dict[str, tuple[str, Target]] = {
    "petitions": (QT_TRANSLATE_NOOP("TodayPage", "Petitions in the queue"), ("counter:queue", None)),
    "listings_to_prepare": (QT_TRANSLATE_NOOP("TodayPage", "Listings to prepare"),
                            ("listings", None)),
    "grace_ending": (QT_TRANSLATE_NOOP("TodayPage", "Grace periods ending this week"),
                     ("notices", None)),
    "overdue": (QT_TRANSLATE_NOOP("TodayPage", "Overdue items"), ("counter:queue", None)),
    "listings_to_sign": (QT_TRANSLATE_NOOP("TodayPage", "Listing decisions to sign"),
                         ("listings", None)),
    "orders_to_sign": (QT_TRANSLATE_NOOP("TodayPage", "Restriction orders to sign"),
                       ("listings", None)),
    "notices_to_print": (QT_TRANSLATE_NOOP("TodayPage", "Notices to print and serve"),
                         ("notices", None)),
    "dispatch_outstanding": (QT_TRANSLATE_NOOP("TodayPage", "Dispatches outstanding"),
                             ("counter:ledger", None)),
    "receipts": (QT_TRANSLATE_NOOP("TodayPage", "Receipts to issue"), ("counter:intake", None)),
    "awaiting_service": (QT_TRANSLATE_NOOP("TodayPage", "Petition decisions awaiting service"),
                         ("counter:queue", None)),
    "to_publish": (QT_TRANSLATE_NOOP("TodayPage", "Listings ready to publish"), ("listings", None)),
    "dispatch_late": (QT_TRANSLATE_NOOP("TodayPage", "Dispatches past due"), ("counter:ledger", None)),
    "calendar_missing": (QT_TRANSLATE_NOOP("TodayPage", "Holiday schedules missing"), ("admin", None)),
}


def count_label(key: str) -> str:
    return QCoreApplication.translate("TodayPage", COUNT_LABELS[key][0])


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
        self.tiles_box = QWidget(self)
        self.tiles_box.setObjectName("today_counts")
        self.tiles_layout = QGridLayout(self.tiles_box)
        self.tiles_layout.setContentsMargins(0, 4, 0, 4)
        self.tiles: dict[str, QToolButton] = {}
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
        layout.addWidget(self.daily)
        layout.addWidget(self.tiles_box)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
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
        set_banner(self.daily, "ok" if summary.changes else "info", self.daily_text(summary))
        self.reload()

    def daily_text(self, s: DailySummary) -> str:
        """What the daily run did, in one sentence ("3 listings published, 1 deleted")."""
        def part(n: int, one: str, many: str) -> str:
            return (one if n == 1 else many).replace("%1", str(n))

        done = [text for n, text in (
            (len(s.published), part(len(s.published), self.tr("1 listing published"),
                                    self.tr("%1 listings published"))),
            (len(s.cancelled), part(len(s.cancelled),
                                    self.tr("1 listing cancelled (performed during grace)"),
                                    self.tr("%1 listings cancelled (performed during grace)"))),
            (len(s.expired), part(len(s.expired), self.tr("1 deleted at the end of its term"),
                                  self.tr("%1 deleted at the end of their term"))),
            (len(s.permissions_ended), part(len(s.permissions_ended),
                                            self.tr("1 temporary permission ended"),
                                            self.tr("%1 temporary permissions ended"))),
        ) if n]
        sep = self.tr(", ")
        head = self.tr("Daily run of %1: %2.").replace("%1", s.today.isoformat()).replace(
            "%2", sep.join(done)) if done else self.tr(
            "Daily run of %1: nothing to publish or delete today.").replace("%1", s.today.isoformat())
        notes = [text for n, text in (
            (len(s.waiting_for_service), self.tr("%1 signed decision(s) wait for service before "
                                                 "they can be published").replace(
                "%1", str(len(s.waiting_for_service)))),
            (len(s.overdue_petitions), self.tr("%1 petition(s) overdue").replace(
                "%1", str(len(s.overdue_petitions)))),
            (len(s.late_removals), self.tr("%1 removal(s) not acknowledged in time").replace(
                "%1", str(len(s.late_removals)))),
        ) if n]
        return head + (" " + sep.join(notes) + self.tr(".") if notes else "")

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
            sec = self.tr("Listings to prepare")
            for app in d.applications:
                late = app.overdue(d.today)
                text = self.tr("%1: the creditor's listing application %2 – decide by %3") \
                    .replace("%1", app.case_number).replace("%2", str(app.id)) \
                    .replace("%3", app.due_on.isoformat())
                if late:
                    text += " – " + self.tr("OVERDUE")
                out.append(TodayItem(sec, text, ("listings", None), "overdue" if late else ""))
            sec = self.tr("Grace periods ending this week")
            for g in d.grace_ending:
                text = self.tr("%1: warning (decision No. %2) – grace ends on %3") \
                    .replace("%1", g.case_number).replace("%2", str(g.listing_id)) \
                    .replace("%3", g.grace_until.isoformat())
                if not g.served:
                    text += " – " + self.tr("not served yet")
                out.append(TodayItem(sec, text, ("listings", g.listing_id),
                                     "" if g.served else "overdue"))
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
            for n in d.clerk_notices:
                target: Target = ("notices", None) if n.kind == "warning" else (
                    ("counter:queue", None) if n.kind == "serve_decision" else ("listings", None))
                out.append(TodayItem(sec, n.text(lang), target, "overdue" if n.overdue else ""))
            for doc in d.printed_today:
                out.append(TodayItem(self.tr("Documents issued today"), self.tr("%1: document %2 issued today – print and serve it")
                                     .replace("%1", doc.case_number).replace("%2", doc.number),
                                     ("notices", doc.number)))
            for a in d.alerts:
                if a.kind in _DISPATCH_ALERTS and a.kind is not AlertKind.REMOVAL_UNACKNOWLEDGED:
                    out.append(TodayItem(self.tr("Acknowledgements to record"), a.text(lang),
                                         ("counter:ledger", a.ref), "overdue"))
        if Role.COUNTER in roles:
            sec = self.tr("Receipts to issue")
            today_ids = {p.id for p in d.received_today}
            for p in d.no_receipt:
                if p.id not in today_ids:
                    out.append(TodayItem(sec, self.tr("%1 (%2), received %3: NO RECEIPT YET")
                                         .replace("%1", p.number).replace("%2", p.petitioner_name)
                                         .replace("%3", p.received_on.isoformat()),
                                         ("counter:intake", p.id), "overdue"))
            sec = self.tr("Petition decisions awaiting service")
            for p in d.awaiting_service:
                out.append(TodayItem(sec, self.tr("%1: serve %2 on %3")
                                     .replace("%1", p.number).replace("%2", p.document_number or "")
                                     .replace("%3", p.petitioner_name), ("counter:queue", p.id)))
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
        self._fill_tiles(d.counts)
        section = None
        bold = QFont(self.list.font())
        bold.setBold(True)
        sizes: dict[str, int] = {}
        for it in self.items:
            sizes[it.section] = sizes.get(it.section, 0) + 1
        for it in self.items:
            if it.section != section:
                section = it.section
                head = QListWidgetItem(self.tr("%1 (%2)").replace("%1", section)
                                       .replace("%2", str(sizes[section])), self.list)
                head.setFont(bold)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            entry = QListWidgetItem("    " + it.text, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, it)
            if it.level in ("alert", "overdue"):
                entry.setForeground(QBrush(OVERDUE_FG))
            elif it.level == "provisional":
                entry.setForeground(QBrush(PROVISIONAL_FG))
        self.empty.setVisible(not self.items)

    def _fill_tiles(self, counts: list[WorkCount]) -> None:
        """One button per count: the number large, what it counts below; a click
        opens the page where that work is done."""
        for key, old in list(self.tiles.items()):
            self.tiles_layout.removeWidget(old)
            old.deleteLater()
            del self.tiles[key]
        per_row = 4
        for n, c in enumerate(counts):
            tile = QToolButton(self.tiles_box)
            tile.setObjectName(f"count_{c.key}")
            tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            tile.setAutoRaise(False)
            text = f"{c.count}\n{count_label(c.key)}"
            if c.overdue and c.key != "overdue":
                text += "\n" + self.tr("%1 overdue").replace("%1", str(c.overdue))
            tile.setText(text)
            late = c.overdue > 0
            tile.setStyleSheet(
                "QToolButton { border: 1px solid %s; border-radius: 6px; padding: 8px 14px;"
                " background: %s; color: %s; font-size: 110%%; min-width: 9em; }"
                % (("#d9a3a3", "#fdeaea", "#8a1111") if late else
                   ("#b8c4d6", "#f3f6fa", "#1f2d3d") if c.count else
                   ("#d0d0d0", "#fafafa", "#707070")))
            target = COUNT_LABELS[c.key][1]
            tile.clicked.connect(lambda _=False, t=target: self.open_requested.emit(t[0], t[1]))
            self.tiles_layout.addWidget(tile, n // per_row, n % per_row)
            self.tiles[c.key] = tile
        self.tiles_layout.setColumnStretch(per_row, 1)
        self.tiles_box.setVisible(bool(counts))

    def count(self, key: str) -> int | None:
        """The count shown for ``key`` (None: not one of this user's counts)."""
        d = self.data
        return next((c.count for c in d.counts if c.key == key), None) if d else None

    def _on_activated(self, entry: QListWidgetItem) -> None:
        it = entry.data(Qt.ItemDataRole.UserRole)
        if isinstance(it, TodayItem):
            self.open_requested.emit(it.target[0], it.target[1])

    def activate(self, index: int) -> None:
        """Open the page of ``items[index]`` (as a double-click or Enter would)."""
        it = self.items[index]
        self.open_requested.emit(it.target[0], it.target[1])
