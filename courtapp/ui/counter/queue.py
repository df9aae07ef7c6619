"""The judge's queue: pending petitions soonest due first, overdue ones red
(with how many working days overdue), provisional deadlines marked; the
petition, its evidence and the case's state beside it; Grant / Reject with
reasons, carried out by the service, then the document and the effect's due date.
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.listing import RemovalKind, RestrictionStatus
from courtapp.core.domain.model import OfficerRole
from courtapp.core.domain.money import format_amount
from courtapp.core.domain.petition import (
    CorrectionGround,
    Decision,
    LiftingGround,
    PetitionKind,
    PetitionStatus,
)
from courtapp.core.domain.petition_decision import SecurityCover, security_cover
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.domain.workdays import working_days_between
from courtapp.core.services import calendar as cal_svc
from courtapp.core.services import cases as case_svc
from courtapp.core.services import listing as ls
from courtapp.core.services import petitions as ps
from courtapp.ui.changes import follow_changes
from courtapp.ui.counter.common import (
    Column,
    RowRole,
    ServerSortedRowsModel,
    SortRole,
    error_text,
    iso,
    kind_label,
)
from courtapp.ui.documents.preview import PreviewDialog
from courtapp.ui.documents.widgets import keep_while_alive
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from courtapp.ui.listing.labels import (
    OFFICER_ROLE,
    REMOVAL,
    RESTRICTION_STATUS,
    STATUS,
    error_lang,
    item_text,
    label,
    state_label,
    tl,
    yuan,
)
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.messages import message_text
from courtapp.ui.server_sort import keep_sortable_indicator
from courtapp.ui.tasks import TaskRunner


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue, with the overdue count in working days."""

    petition: ps.Petition
    overdue: bool
    working_days_overdue: int


def load_queue(ctx: AppContext, actor: Actor, today: date, *, sort: str = "queue",
               descending: bool = False) -> list[QueueRow]:
    """On the database thread: the queue (soonest due first, or in the database's
    order of ``sort``), overdue counted in working days."""
    items = ps.queue(ctx.uow(), actor, today, sort=sort, descending=descending)
    if sort == "queue" and descending:
        items.reverse()
    if not items:
        return []
    first = min(i.petition.due for i in items)
    cal = cal_svc.load(ctx.uow(), range(min(first.year, today.year), today.year + 1))
    out = []
    for i in items:
        n = working_days_between(cal, i.petition.due, today)[0] if i.overdue else 0
        out.append(QueueRow(i.petition, i.overdue, n))
    return out


@dataclass(frozen=True)
class CaseState:
    """What the judge needs of the case beside a petition."""

    petition: ps.Petition
    outstanding: Decimal
    state: str
    listing: ls.ListingRecord | None
    #: R-C6: the entity respondent's officers who could be the new legal
    #: representative or principal (index, name, role), the former one left out.
    officers: tuple[tuple[int, str, OfficerRole], ...] = ()
    #: The court's next-higher court (the default for a correction rejection).
    higher_court: str = ""
    #: R-C9: how much of what is outstanding the security offered covers.
    cover: SecurityCover | None = None


def load_case_state(ctx: AppContext, actor: Actor, petition_id: int, today: date) -> CaseState:
    p = ps.get_petition(ctx.uow(), actor, petition_id)
    rec = case_svc.get_case(ctx.uow(), actor, case_id=p.case_id)
    state = ls.respondent_state(ctx.uow(), actor, p.case_id, p.respondent, today)
    listing = None
    if p.listing_id is not None:
        listing = next((r for r in ls.listings_for_case(ctx.uow(), actor, p.case_id)
                        if r.id == p.listing_id), None)
    party = rec.case.respondents[p.respondent]
    officers = tuple((k, o.name, o.role) for k, o in enumerate(party.officers)
                     if k != p.officer and o.role in (OfficerRole.LEGAL_REPRESENTATIVE,
                                                      OfficerRole.PRINCIPAL)) \
        if p.kind is PetitionKind.OFFICER_RELEASE else ()
    cover = security_cover(rec.case, p.respondent, p.details, today) \
        if p.details.lifting_ground is LiftingGround.SECURITY else None
    higher = ps.counter_settings(ctx.uow()).get(ps.SETTING_HIGHER_COURT, "") \
        if p.kind is PetitionKind.CORRECTION else ""
    return CaseState(p, rec.case.outstanding(today), state.value, listing, officers, higher, cover)


_COLUMNS: list[Column[QueueRow]] = [
    # The queue's order: a removal by its deletion deadline (R-R7), else the decision's.
    Column(QT_TRANSLATE_NOOP("Counter", "Due"), lambda r: r.petition.due.isoformat()
           + (" *" if r.petition.due_provisional else ""),
           lambda r: r.petition.queue_key.toordinal() * 1_000_000 + r.petition.due.toordinal()),
    Column(QT_TRANSLATE_NOOP("Counter", "Overdue"), lambda r: _overdue_text(r),
           lambda r: r.working_days_overdue),
    Column(QT_TRANSLATE_NOOP("Counter", "Petition"), lambda r: r.petition.number),
    Column(QT_TRANSLATE_NOOP("Counter", "Kind"), lambda r: kind_label(r.petition.kind)),
    Column(QT_TRANSLATE_NOOP("Counter", "Respondent"), lambda r: r.petition.respondent_name),
    Column(QT_TRANSLATE_NOOP("Counter", "Petitioner"), lambda r: r.petition.petitioner_name),
    Column(QT_TRANSLATE_NOOP("Counter", "Received"), lambda r: r.petition.received_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("Counter", "Delete by"),
           lambda r: iso(r.petition.deletion_due) + (" *" if r.petition.deletion_due_provisional
                                                     else ""),
           lambda r: r.petition.queue_key.toordinal()),
]
COL_DUE, COL_OVERDUE, COL_NUMBER, COL_KIND, COL_RESPONDENT, COL_PETITIONER, COL_RECEIVED = range(7)
#: The order of each column (issue 12 §2).  Due: the queue's own order (a removal
#: by its deletion deadline, R-R7, counted from the calendar over every pending
#: petition); the others: keys of ``PETITION_SORT``, ordered by the database.
#: Overdue, respondent and delete-by are counted, not stored: not sortable.
QUEUE_SORT: dict[int, str] = {
    COL_DUE: "queue", COL_NUMBER: "number", COL_KIND: "kind", COL_PETITIONER: "petitioner",
    COL_RECEIVED: "received_on",
}


class _ServerSortProxy(QSortFilterProxyModel):
    """Keeps the rows in the order they were loaded: a header click asks the
    source model (a :class:`ServerSortedRowsModel`) for the database's order."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
OVERDUE_TEXT = QT_TRANSLATE_NOOP("Counter", "%1 working day(s) overdue")


def _tc(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Counter", text)


def _overdue_text(r: QueueRow) -> str:
    if not r.overdue:
        return ""
    return _tc(OVERDUE_TEXT).replace("%1", str(r.working_days_overdue))


def _mark(r: QueueRow) -> str:
    if r.overdue:
        return "overdue"
    return "provisional" if r.petition.due_provisional else ""


class QueuePage(Retranslating, QWidget):
    """The judge's queue with the selected petition and the decision.

    Signals:
        loaded(int): the queue arrived; how many pending petitions.
        detail_loaded(int): the selected petition's case state arrived (its id).
        decided(object): a decision was recorded (the service's ``Decided``).
        decision_failed(str): the decision was refused; the message.
        open_case_requested(int): "Record a payment…" for this case id.
    """

    loaded = Signal(int)
    detail_loaded = Signal(int)
    decided = Signal(object)
    decision_failed = Signal(str)
    open_case_requested = Signal(int)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queue_page")
        self._ctx, self._actor, self._tasks, self._clock = ctx, actor, tasks, clock
        self.can_decide = actor.can(Permission.PETITION_DECIDE)
        self.current: CaseState | None = None
        self.last: ps.Decided | None = None
        self.preview: PreviewDialog | None = None
        self._busy = False

        self.heading = QLabel(self)
        f = self.heading.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.heading.setFont(f)
        self.heading.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.model: ServerSortedRowsModel[QueueRow] = ServerSortedRowsModel(
            _COLUMNS, QUEUE_SORT, default=("queue", False), marked=_mark, parent=self)
        self.proxy = _ServerSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("queue_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # a click calls model.sort: the server orders
        keep_sortable_indicator(self.table.horizontalHeader(), lambda c: c in QUEUE_SORT,
                                lambda: (self.model.sort_column(), self.model.order[1]))
        self.model.sort_requested.connect(self.reload)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.refresh_button = QPushButton(self)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("petition_detail")
        self.evidence = QListWidget(self)
        self.evidence.setObjectName("petition_evidence")
        self.evidence.setMaximumHeight(self.fontMetrics().height() * 5)
        self.evidence_label = QLabel(self)
        self.evidence_label.setBuddy(self.evidence)
        self.reasons_label = QLabel(self)
        self.reasons = QPlainTextEdit(self)
        self.reasons.setObjectName("decision_reasons")
        self.reasons.setTabChangesFocus(True)
        self.reasons.setFixedHeight(self.fontMetrics().height() * 4)
        self.reasons_label.setBuddy(self.reasons)
        self.verified = QCheckBox(self)
        # What the decision needs beyond reasons, for some kinds (the service takes them).
        self.inputs = QFormLayout()
        self.input_labels: dict[str, QLabel] = {}
        self.new_officer = QComboBox(self)
        self.new_officer.setObjectName("new_officer")
        self.correction = QLineEdit(self)
        self.correction.setObjectName("decision_correction")
        self.higher_court = QLineEdit(self)
        self.higher_court.setObjectName("higher_court")
        self.security_found = QCheckBox(self)
        self.security_found.setObjectName("security_effective")
        for key, w in (("new_officer", self.new_officer), ("correction", self.correction),
                       ("higher_court", self.higher_court)):
            lab = QLabel(self)
            lab.setBuddy(w)
            self.input_labels[key] = lab
            self.inputs.addRow(lab, w)
        self.inputs.addRow(self.security_found)
        self.grant_button = QPushButton(self)
        self.grant_button.setObjectName("grant")
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("reject")
        self.payment_button = QPushButton(self)
        self.payment_button.setObjectName("record_payment")
        self.message = banner(self)
        self.message.setObjectName("decision_message")
        self.document_button = QPushButton(self)
        self.document_button.setObjectName("show_decision_document")
        self.document_button.hide()

        left = QWidget(self)
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        lcol.addLayout(top)
        lcol.addWidget(self.legend)
        lcol.addWidget(self.table, 1)
        right = QWidget(self)
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        rcol.addWidget(self.detail, 1)
        rcol.addWidget(self.evidence_label)
        rcol.addWidget(self.evidence)
        rcol.addWidget(self.reasons_label)
        rcol.addWidget(self.reasons)
        rcol.addWidget(self.verified)
        rcol.addLayout(self.inputs)
        buttons = QHBoxLayout()
        buttons.addWidget(self.payment_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.grant_button)
        rcol.addLayout(buttons)
        msg = QHBoxLayout()
        msg.addWidget(self.message, 1)
        msg.addWidget(self.document_button)
        rcol.addLayout(msg)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._on_selected(cur.row()))
        self.evidence.itemActivated.connect(self._open_evidence)
        self.grant_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.payment_button.clicked.connect(self._on_payment_clicked)
        self.document_button.clicked.connect(self.show_document)
        self.retranslateUi()
        self._enable()
        self.reload()
        follow_changes(self, tasks, ("petitions", "cases", "listings", "orders"), self.reload,
                       lambda: True)

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Petitions to decide"))
        self.legend.setText(self.tr("Soonest due first: a removal by its deletion deadline (3 working "
                                    "days from the day its ground was on record), the rest by the "
                                    "decision's. Red: overdue. * : provisional deadline (a year "
                                    "without holiday calendar, counted on weekdays only)."))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.evidence_label.setText(self.tr("E&vidence (Enter opens a file):"))
        self.reasons_label.setText(self.tr("Rea&sons (required):"))
        self.verified.setText(self.tr("The facts stated are &verified"))
        self.input_labels["new_officer"].setText(self.tr("&New legal representative:"))
        self.input_labels["correction"].setText(self.tr("Corrected &text:"))
        self.input_labels["higher_court"].setText(self.tr("&Higher court (reconsideration):"))
        self.correction.setPlaceholderText(self.tr("What the entry should read"))
        self.security_found.setText(self.tr("I find the security genuine and &effective although "
                                            "it does not cover everything outstanding"))
        self.grant_button.setText(self.tr("&Grant"))
        self.reject_button.setText(self.tr("Re&ject"))
        self.payment_button.setText(self.tr("Record a &payment…"))
        self.document_button.setText(self.tr("Show the &document"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_COLUMNS) - 1)
        self._show_detail()

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        ctx, actor, today = self._ctx, self._actor, self._clock()
        sort, descending = self.model.order
        self._tasks.run_db(lambda: load_queue(ctx, actor, today, sort=sort, descending=descending),
                           on_done=self._on_loaded,
                           on_error=lambda exc: set_banner(self.message, "error", error_text(exc)),
                           owner=self)

    def _on_loaded(self, rows: list[QueueRow]) -> None:
        keep = self.current.petition.id if self.current else None
        self.model.set_rows(rows)
        self.loaded.emit(len(rows))
        if keep is not None and not self.select_petition(keep):
            self.current = None
            self._show_detail()
        self._enable()

    def rows(self) -> list[QueueRow]:
        """The queue in display order."""
        return [self.proxy.data(self.proxy.index(r, 0), RowRole) for r in range(self.proxy.rowCount())]

    def select_petition(self, ref: int | str) -> bool:
        """Select a petition by id or number; False if it is not in the queue."""
        for r in range(self.proxy.rowCount()):
            row: QueueRow = self.proxy.data(self.proxy.index(r, 0), RowRole)
            if row.petition.id == ref or row.petition.number == ref:
                self.table.selectRow(r)
                return True
        return False

    def _on_selected(self, proxy_row: int) -> None:
        row: QueueRow | None = self.proxy.data(self.proxy.index(proxy_row, 0), RowRole) \
            if proxy_row >= 0 else None
        if row is None:
            return
        ctx, actor, today, pid = self._ctx, self._actor, self._clock(), row.petition.id
        self._tasks.run_db(lambda: load_case_state(ctx, actor, pid, today),
                           on_done=self._on_detail,
                           on_error=lambda exc: set_banner(self.message, "error", error_text(exc)),
                           owner=self)

    def _on_detail(self, state: CaseState) -> None:
        self.current = state
        self.reasons.clear()
        self.verified.setChecked(False)
        self._fill_inputs()
        self._show_detail()
        self._enable()
        self.detail_loaded.emit(state.petition.id)

    def _fill_inputs(self) -> None:
        """The inputs the decision on this kind takes: the new legal representative
        (R-C6), the corrected text and the higher court (R-R5), the security finding (R-C9)."""
        s = self.current
        p = s.petition if s is not None else None
        self.new_officer.clear()
        for k, name, role in (s.officers if s is not None else ()):
            self.new_officer.addItem(f"{name} ({label(OFFICER_ROLE, role)})", k)
        ground = p.details.correction_ground if p is not None else None
        self.correction.setText(p.details.requested_correction if p is not None else "")
        self.higher_court.clear()
        self.higher_court.setPlaceholderText(s.higher_court if s is not None else "")
        self.security_found.setChecked(False)
        cover = s.cover if s is not None else None
        self.security_found.setEnabled(cover is not None and not cover.covers)
        shown = {
            "new_officer": p is not None and p.kind is PetitionKind.OFFICER_RELEASE,
            "correction": ground is CorrectionGround.INACCURATE,
            "higher_court": p is not None and p.kind is PetitionKind.CORRECTION,
        }
        for key, visible in shown.items():
            self.inputs.setRowVisible(self.input_labels[key], visible)
        self.inputs.setRowVisible(self.security_found, cover is not None)

    def _enable(self) -> None:
        pending = self.current is not None and self.current.petition.status is PetitionStatus.PENDING
        for b in (self.grant_button, self.reject_button):
            b.setEnabled(self.can_decide and pending and not self._busy)
        self.payment_button.setEnabled(self.current is not None
                                       and self._actor.can(Permission.CASE_EDIT))

    def _show_detail(self) -> None:
        s = self.current
        self.evidence.clear()
        if s is None:
            hint = self.tr("Choose a petition in the queue.")
            self.detail.setHtml(f"<p>{html.escape(hint)}</p>")
            return
        p = s.petition
        e = html.escape
        rows = [
            (self.tr("Petition"), p.number),
            (self.tr("Kind"), kind_label(p.kind)),
            (self.tr("Legal basis"), p.info.article_in(error_lang())),
            (self.tr("Petitioner"), f"{p.petitioner_name} ({p.petitioner_identifier})"),
            (self.tr("Respondent"), p.respondent_name),
            (self.tr("Received"), p.received_on.isoformat()),
            *([(self.tr("Deletion due (R-R7)"), p.deletion_due.isoformat() + (
                " — " + self.tr("counted from %1, when the ground was on record").replace(
                    "%1", iso(p.deletion_event_on))))] if p.deletion_due is not None else []),
            (self.tr("Decision due"), p.due.isoformat() + (
                " — " + self.tr("provisional: no calendar for %1").replace(
                    "%1", ", ".join(map(str, p.missing_years))) if p.due_provisional else "")),
            (self.tr("Case"), p.case_number),
            (self.tr("Respondent's state"), state_label(s.state)),
            (self.tr("Outstanding"), yuan(s.outstanding)),
        ]
        if s.listing is not None:
            lst = s.listing.listing
            status = tl(STATUS[lst.status])
            if lst.removal_kind is not None:
                status += f" ({tl(REMOVAL[RemovalKind(lst.removal_kind)])} {iso(lst.removed_on)})"
            rows.append((self.tr("Listing"), f"{s.listing.id}: {status}"))
            if lst.removal_due and lst.removed_on is None:
                rows.append((self.tr("Removal due"), lst.removal_due.isoformat()))
            live = [r for r in lst.restrictions if r.status is not RestrictionStatus.LIFTED]
            if live:
                rows.append((self.tr("Restrictions"), "; ".join(
                    f"{item_text(r.item, numbered=True)} [{tl(RESTRICTION_STATUS[r.status])}]"
                    for r in live)))
        if p.statement:
            rows.append((self.tr("Statement"), p.statement))
        if s.cover is not None:
            c = s.cover
            text = self.tr("%1, value %2 yuan: covers %3 of the %4 yuan outstanding").replace(
                "%1", c.offered).replace("%2", format_amount(c.value)).replace(
                "%3", c.percent()).replace("%4", format_amount(c.outstanding))
            if c.acts:
                text += "; " + self.tr("cannot secure %1 act(s) not performed").replace(
                    "%1", str(len(c.acts)))
            rows.append((self.tr("Security offered"), text))
        d = p.details.to_json()
        if d:
            rows.append((self.tr("Details"), ", ".join(f"{k}: {v}" for k, v in d.items())))
        if p.status is not PetitionStatus.PENDING:
            rows.append((self.tr("Decision"), f"{p.status.value} {iso(p.decided_on)}: {p.decision_reasons}"))
        body = "".join(f"<tr><th align='left' valign='top'>{e(k)}</th><td>{e(v)}</td></tr>"
                       for k, v in rows)
        self.detail.setHtml(f"<table cellspacing='4'>{body}</table>")
        for ev in p.evidence:
            item = QListWidgetItem(f"{ev.name} · {ev.size} B · SHA-256 {ev.sha256[:16]}…", self.evidence)
            item.setData(Qt.ItemDataRole.UserRole, ev)
            item.setToolTip(ev.sha256)

    # ------------------------------------------------------------ evidence
    def _open_evidence(self, item: QListWidgetItem) -> None:
        ev: ps.Evidence = item.data(Qt.ItemDataRole.UserRole)
        ctx, actor = self._ctx, self._actor

        def fetch() -> Path:
            data = ps.evidence_bytes(ctx.uow(), actor, ev.id)
            folder = Path(tempfile.mkdtemp(prefix="courtapp-evidence-"))
            path = folder / Path(ev.name).name
            path.write_bytes(data)
            return path

        self._tasks.run_db(fetch, on_done=self._open_file,
                           on_error=lambda exc: set_banner(self.message, "error", error_text(exc)),
                           owner=self)

    @staticmethod
    def _open_file(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_payment_clicked(self) -> None:
        if self.current is not None:
            self.open_case_requested.emit(self.current.petition.case_id)
            self.open_case_form(self.current.petition.case_id)

    def open_case_form(self, case_id: int) -> QWidget:
        from courtapp.ui.case_form import CaseFormDialog

        dlg = CaseFormDialog(self._ctx, self._actor, self._tasks, case_id, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda _r: self._reselect())
        dlg.open()
        return dlg

    def _reselect(self) -> None:
        if self.current is not None:
            self.select_petition(self.current.petition.id)
            self._on_selected(self.table.currentIndex().row())

    # ------------------------------------------------------------ deciding
    def decide(self, granted: bool) -> None:
        if self.current is None or self._busy or not self.can_decide:
            return
        reasons = self.reasons.toPlainText().strip()
        if not reasons:
            set_banner(self.message, "error", self.tr("A decision states its reasons."))
            self.reasons.setFocus()
            self.decision_failed.emit("reasons")
            return
        p = self.current.petition
        officer = self.new_officer.currentData() if p.kind is PetitionKind.OFFICER_RELEASE else None
        decision = Decision(granted=granted, reasons=reasons, on=self._clock(),
                            facts_verified=self.verified.isChecked(),
                            new_officer=officer if isinstance(officer, int) else None,
                            correction=self.correction.text().strip()
                            if p.details.correction_ground is CorrectionGround.INACCURATE else "",
                            higher_court=self.higher_court.text().strip(),
                            security_effective=self.security_found.isEnabled()
                            and self.security_found.isChecked())
        ctx, actor, pid = self._ctx, self._actor, self.current.petition.id
        self._busy = True
        self._enable()
        self._tasks.run_db(lambda: ps.decide(ctx.uow(), actor, pid, decision),
                           on_done=self._on_decided, on_error=self._on_decide_failed, owner=self)

    def _on_decide_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._enable()
        text = error_text(exc)
        set_banner(self.message, "error", text)
        self.decision_failed.emit(text)

    def _on_decided(self, d: ps.Decided) -> None:
        self._busy = False
        self.last = d
        p = d.petition
        word = self.tr("Granted") if p.status is PetitionStatus.GRANTED else self.tr("Rejected")
        parts = [f"{word}: {p.number}."]
        if d.document is not None:
            parts.append(self.tr("Document %1 issued.").replace("%1", d.document.number))
        elif d.document_problem is not None:
            parts.append(message_text(d.document_problem))
        if p.effect_due is not None:
            what = self.tr("removal") if p.info.removal is not None else self.tr("effect")
            parts.append(self.tr("%1 due by %2").replace("%1", what).replace("%2", p.effect_due.isoformat())
                         + (" " + self.tr("(provisional)") if p.effect_due_provisional else "") + ".")
        if p.reconsideration_until is not None:
            parts.append(self.tr("Reconsideration may be applied for until %1.")
                         .replace("%1", p.reconsideration_until.isoformat()))
        set_banner(self.message, "warn" if d.document_error else "ok", " ".join(parts))
        self.document_button.setVisible(d.pdf is not None)
        self.reasons.clear()
        self.verified.setChecked(False)
        self.current = None
        self._show_detail()
        self.decided.emit(d)
        self.reload()

    def show_document(self) -> PreviewDialog | None:
        if self.last is None or self.last.pdf is None or self.last.document is None:
            return None
        dlg = PreviewDialog(self._tasks, self.last.pdf, self.last.document.number, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        keep_while_alive(self, "preview", dlg)
        dlg.show()
        return dlg
