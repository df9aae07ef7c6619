"""The counter intake (诉讼服务窗口): find the case, choose the petition, check
the petitioner against the case, attach evidence, file, print the receipt.

Keyboard only: the fields are in reading order; Enter moves to the next
field (in the case search it takes the first match), Enter on the File
button or Ctrl+Enter anywhere files; every label has a mnemonic.  After
filing, the form clears for the next person and the receipt can be printed
from the result strip (Ctrl+P).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.money import parse_amount
from courtapp.core.domain.petition import (
    KINDS,
    CorrectionGround,
    LiftingGround,
    PetitionDetails,
    PetitionKind,
    Search,
    TravelGround,
)
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import petitions as ps
from courtapp.core.services.cases import CaseSummary, SearchQuery, search_cases
from courtapp.ui.counter.common import error_text, field_errors, kind_label
from courtapp.ui.documents.preview import PreviewDialog
from courtapp.ui.documents.widgets import keep_while_alive
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from courtapp.ui.listing.labels import error_lang, pydate, qdate
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.login import error_label, set_error
from courtapp.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 150

_CORRECTION = {
    CorrectionGround.NOT_LISTABLE: QT_TRANSLATE_NOOP("Counter", "(1) should not have been listed"),
    CorrectionGround.INACCURATE: QT_TRANSLATE_NOOP("Counter", "(2) the information is inaccurate"),
    CorrectionGround.SHOULD_BE_DELETED: QT_TRANSLATE_NOOP("Counter", "(3) should have been deleted"),
}
_LIFTING = {
    LiftingGround.SECURITY: QT_TRANSLATE_NOOP("Counter", "Security offered"),
    LiftingGround.CREDITOR_CONSENT: QT_TRANSLATE_NOOP("Counter", "The creditor consents"),
    LiftingGround.FULLY_PERFORMED: QT_TRANSLATE_NOOP("Counter", "Fully performed"),
}
_TRAVEL = {
    TravelGround.ILLNESS: QT_TRANSLATE_NOOP("Counter", "Serious illness (self or close relative)"),
    TravelGround.FUNERAL: QT_TRANSLATE_NOOP("Counter", "Funeral of a close relative"),
    TravelGround.OFFICIAL_DUTY: QT_TRANSLATE_NOOP("Counter", "Official duty"),
    TravelGround.FOREIGN_AFFAIRS: QT_TRANSLATE_NOOP("Counter", "Foreign affairs activity"),
    TravelGround.EXAM: QT_TRANSLATE_NOOP("Counter", "Important examination"),
}


@dataclass(frozen=True)
class Attached:
    """An evidence file read at the counter, with its SHA-256."""

    name: str
    data: bytes
    sha256: str


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Counter", text)


class IntakeForm(Retranslating, QWidget):
    """The counter officer's intake form.

    Signals:
        cases_found(int): the case search answered; how many cases.
        filed(object): a petition was filed (the service's ``Filed``).
        failed(str): filing was refused; the message shown.
        receipt_shown(object): the receipt preview opened (the ``PreviewDialog``).
    """

    cases_found = Signal(int)
    filed = Signal(object)
    failed = Signal(str)
    receipt_shown = Signal(object)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_form")
        self._ctx, self._actor, self._tasks, self._clock = ctx, actor, tasks, clock
        self.can_file = actor.can(Permission.PETITION_FILE)
        self._busy = False
        self._search_serial = 0
        self.case: CaseSummary | None = None
        self.attached: list[Attached] = []
        self.last: ps.Filed | None = None
        self.preview: PreviewDialog | None = None

        # --- widgets, in reading order
        self.heading = QLabel(self)
        f = self.heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.heading.setFont(f)
        self.heading.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setObjectName("case_search")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("case_results")
        self.results.setMaximumHeight(self.fontMetrics().height() * 6)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_label = QLabel(self)
        self.case_label.setWordWrap(True)
        self.case_error = error_label(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("petition_kind")
        for k in PetitionKind:
            self.kind.addItem("", k.value)
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)
        self.basis.setStyleSheet("color: #555;")
        self.petitioner_id = QLineEdit(self)
        self.petitioner_id.setObjectName("petitioner_id")
        self.petitioner_id.setMaxLength(18)
        self.petitioner_id_error = error_label(self)
        self.petitioner_name = QLineEdit(self)
        self.petitioner_name.setObjectName("petitioner_name")
        self.petitioner_name_error = error_label(self)
        self.statement = QPlainTextEdit(self)
        self.statement.setObjectName("statement")
        self.statement.setTabChangesFocus(True)
        self.statement.setFixedHeight(self.fontMetrics().height() * 4)
        self.received_on = QDateEdit(self)
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        # kind-specific fields
        self.correction_ground = QComboBox(self)
        for g in CorrectionGround:
            self.correction_ground.addItem("", g.value)
        self.requested_correction = QLineEdit(self)
        self.lifting_ground = QComboBox(self)
        for lg in LiftingGround:
            self.lifting_ground.addItem("", lg.value)
        self.security = QLineEdit(self)
        self.security.setObjectName("security")
        self.security_value = QLineEdit(self)
        self.security_value.setObjectName("security_value")
        self.travel_ground = QComboBox(self)
        for t in TravelGround:
            self.travel_ground.addItem("", t.value)
        self.itinerary = QLineEdit(self)
        self.consumption = QLineEdit(self)
        self.permit_from = QDateEdit(self)
        self.permit_until = QDateEdit(self)
        for d in (self.permit_from, self.permit_until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.terminated_on = QDateEdit(self)
        self.terminated_on.setCalendarPopup(True)
        self.terminated_on.setDisplayFormat("yyyy-MM-dd")
        self.searches = QLineEdit(self)
        self.searches.setObjectName("searches")
        self.asset_lead = QCheckBox(self)
        self.details_error = error_label(self)
        # evidence
        self.evidence = QListWidget(self)
        self.evidence.setObjectName("evidence_list")
        self.evidence.setMaximumHeight(self.fontMetrics().height() * 5)
        self.add_file_button = QPushButton(self)
        self.add_file_button.setObjectName("add_evidence")
        self.remove_file_button = QPushButton(self)
        self.file_button = QPushButton(self)
        self.file_button.setObjectName("file_petition")
        self.file_button.setDefault(True)
        self.file_button.setAutoDefault(True)
        self.message = banner(self)
        self.message.setObjectName("intake_message")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_receipt")
        self.print_button.setEnabled(False)
        self.reissue_button = QPushButton(self)
        self.reissue_button.hide()

        # --- layout
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}

        def row(key: str, *widgets: QWidget) -> None:
            label = QLabel(self)
            label.setBuddy(widgets[0])
            self.labels[key] = label
            if len(widgets) == 1:
                self.form.addRow(label, widgets[0])
            else:
                box = QWidget(self)
                col = QVBoxLayout(box)
                col.setContentsMargins(0, 0, 0, 0)
                col.setSpacing(2)
                for w in widgets:
                    col.addWidget(w)
                self.form.addRow(label, box)

        row("search", self.search, self.results, self.case_label, self.case_error)
        row("kind", self.kind, self.basis)
        row("petitioner_id", self.petitioner_id, self.petitioner_id_error)
        row("petitioner_name", self.petitioner_name, self.petitioner_name_error)
        row("statement", self.statement)
        row("received_on", self.received_on)
        row("correction_ground", self.correction_ground)
        row("requested_correction", self.requested_correction)
        row("lifting_ground", self.lifting_ground)
        row("security", self.security)
        row("security_value", self.security_value)
        row("travel_ground", self.travel_ground)
        row("itinerary", self.itinerary)
        row("consumption", self.consumption)
        row("permit_from", self.permit_from)
        row("permit_until", self.permit_until)
        row("terminated_on", self.terminated_on)
        row("searches", self.searches)
        row("asset_lead", self.asset_lead)
        ev_buttons = QHBoxLayout()
        ev_buttons.addWidget(self.add_file_button)
        ev_buttons.addWidget(self.remove_file_button)
        ev_buttons.addStretch(1)
        ev_box = QWidget(self)
        ev_col = QVBoxLayout(ev_box)
        ev_col.setContentsMargins(0, 0, 0, 0)
        ev_col.addWidget(self.evidence)
        ev_col.addLayout(ev_buttons)
        ev_label = QLabel(self)
        ev_label.setBuddy(self.add_file_button)
        self.labels["evidence"] = ev_label
        self.form.addRow(ev_label, ev_box)
        self.form.addRow("", self.details_error)

        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.heading)
        inner_layout.addLayout(self.form)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.reissue_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.file_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        # Reading order; the results list is reached with Up/Down from the search field.
        self.results.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        chain = [self.search, self.kind, self.petitioner_id, self.petitioner_name, self.statement,
                 self.received_on, self.correction_ground, self.requested_correction,
                 self.lifting_ground, self.security, self.security_value, self.travel_ground,
                 self.itinerary, self.consumption,
                 self.permit_from, self.permit_until, self.terminated_on, self.searches,
                 self.asset_lead, self.add_file_button, self.remove_file_button, self.evidence,
                 self.file_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        # --- behaviour
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.results.currentItemChanged.connect(self._on_result_chosen)
        self.results.itemActivated.connect(lambda _i: self.kind.setFocus())
        self.kind.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.lifting_ground.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.add_file_button.clicked.connect(self.add_files)
        self.remove_file_button.clicked.connect(self.remove_file)
        self.file_button.clicked.connect(self.file)
        self.print_button.clicked.connect(self.show_receipt)
        self.reissue_button.clicked.connect(self.reissue_receipt)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.file)
        sc = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.show_receipt)
        for w in (self.search, self.kind, self.petitioner_id, self.petitioner_name, self.received_on,
                  self.correction_ground, self.requested_correction, self.lifting_ground,
                  self.security, self.security_value,
                  self.travel_ground, self.itinerary, self.consumption, self.permit_from,
                  self.permit_until, self.terminated_on, self.searches, self.asset_lead,
                  self.results):
            w.installEventFilter(self)
        self.setEnabled(self.can_file)
        self.retranslateUi()
        self.reset()

    # ------------------------------------------------------------ texts
    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Petition at the litigation service counter"))
        texts = {
            "search": self.tr("&Case:"), "kind": self.tr("Petition &kind:"),
            "petitioner_id": self.tr("Petitioner's &ID / credit code:"),
            "petitioner_name": self.tr("Petitioner's &name:"),
            "statement": self.tr("&Statement:"), "received_on": self.tr("&Received on:"),
            "correction_ground": self.tr("Correction &ground:"),
            "requested_correction": self.tr("Should &read:"),
            "lifting_ground": self.tr("Lifting &ground:"),
            "security": self.tr("Securit&y offered:"),
            "security_value": self.tr("Security's &value (yuan):"),
            "travel_ground": self.tr("Travel &ground:"), "itinerary": self.tr("&Itinerary:"),
            "consumption": self.tr("&Consumption asked for:"),
            "permit_from": self.tr("Period &from:"), "permit_until": self.tr("Period &until:"),
            "terminated_on": self.tr("Round &terminated on:"),
            "searches": self.tr("Online &searches (dates):"),
            "asset_lead": self.tr("Asset &lead given:"), "evidence": self.tr("&Evidence:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.search.setPlaceholderText(self.tr("Case number, name or ID number"))
        self.petitioner_name.setPlaceholderText(self.tr("As on the identity document"))
        self.statement.setPlaceholderText(self.tr("What the petitioner asks, in their words"))
        self.searches.setPlaceholderText(self.tr("e.g. 2026-08-01, 2026-09-01 (none found property)"))
        self.asset_lead.setText(self.tr("Someone gave an effective asset lead"))
        self.security.setPlaceholderText(self.tr("What is offered, e.g. a mortgage on a named property"))
        self.security_value.setPlaceholderText(self.tr("e.g. 50000.00"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_label(PetitionKind(self.kind.itemData(i))))
        combos: tuple[tuple[QComboBox, dict[str, str]], ...] = (
            (self.correction_ground, {k.value: v for k, v in _CORRECTION.items()}),
            (self.lifting_ground, {k.value: v for k, v in _LIFTING.items()}),
            (self.travel_ground, {k.value: v for k, v in _TRAVEL.items()}))
        for combo, names in combos:
            for i in range(combo.count()):
                combo.setItemText(i, _tr(names[str(combo.itemData(i))]))
        self.add_file_button.setText(self.tr("&Add file…"))
        self.remove_file_button.setText(self.tr("Re&move file"))
        self.file_button.setText(self.tr("&File petition (Ctrl+Enter)"))
        self.print_button.setText(self.tr("&Print receipt (Ctrl+P)"))
        self.reissue_button.setText(self.tr("Issue the receipt a&gain"))
        self._on_kind_changed()
        self._show_case()

    # ------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) \
                and self.results.count():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
            self.results.setCurrentRow(row)
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.file()
                return True
            if watched is self.search or watched is self.results:
                self._take_first_result()
                if self.case is not None:
                    self.kind.setFocus()
                return True
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ state
    def reset(self) -> None:
        """Clear the form for the next person (the last result stays shown)."""
        for w in (self.search, self.petitioner_id, self.petitioner_name, self.requested_correction,
                  self.itinerary, self.consumption, self.searches, self.security,
                  self.security_value):
            w.clear()
        self.statement.clear()
        self.results.clear()
        self.case = None
        self.attached = []
        self.evidence.clear()
        self.asset_lead.setChecked(False)
        self.kind.setCurrentIndex(0)
        today = qdate(self._clock())
        for d in (self.received_on, self.permit_from, self.permit_until, self.terminated_on):
            d.setDate(today)
        self.clear_errors()
        self._show_case()
        self.search.setFocus()

    def clear_errors(self) -> None:
        for label in (self.case_error, self.petitioner_id_error, self.petitioner_name_error,
                      self.details_error):
            set_error(label, "")

    def selected_kind(self) -> PetitionKind:
        return PetitionKind(self.kind.currentData())

    def set_kind(self, kind: PetitionKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def _on_kind_changed(self) -> None:
        kind = self.selected_kind()
        info = KINDS[kind]
        sla = info.sla
        unit = self.tr("working days") if sla.unit.value == "working" else self.tr("calendar days")
        self.basis.setText(self.tr("Legal basis: %1 · decision due %2 %3 after receipt")
                           .replace("%1", info.article_in(error_lang())).replace("%2", str(sla.days)).replace("%3", unit))
        shown = {
            "correction_ground": kind is PetitionKind.CORRECTION,
            "requested_correction": kind is PetitionKind.CORRECTION,
            "lifting_ground": kind is PetitionKind.LIFTING,
            "security": kind is PetitionKind.LIFTING
            and self.lifting_ground.currentData() == LiftingGround.SECURITY.value,
            "travel_ground": kind is PetitionKind.TEMPORARY_TRAVEL,
            "itinerary": kind is PetitionKind.TEMPORARY_TRAVEL,
            "consumption": kind in (PetitionKind.PRIVATE_CONSUMPTION,
                                    PetitionKind.NECESSARY_CONSUMPTION),
            "permit_from": kind in (PetitionKind.PRIVATE_CONSUMPTION, PetitionKind.NECESSARY_CONSUMPTION,
                                    PetitionKind.TEMPORARY_TRAVEL),
            "terminated_on": kind is PetitionKind.REMOVAL_NO_PROPERTY,
            "searches": kind is PetitionKind.REMOVAL_NO_PROPERTY,
            "asset_lead": kind is PetitionKind.REMOVAL_NO_PROPERTY,
        }
        shown["permit_until"] = shown["permit_from"]
        shown["security_value"] = shown["security"]
        for key, visible in shown.items():
            self.form.setRowVisible(self.labels[key], visible)

    # ------------------------------------------------------------ case search
    def _run_search(self) -> None:
        text = self.search.text().strip()
        self._search_serial += 1
        serial = self._search_serial
        if not text:
            self.results.clear()
            self.cases_found.emit(0)
            return
        ctx, actor, today = self._ctx, self._actor, self._clock()
        self._tasks.run_db(
            lambda: search_cases(ctx.uow(), actor, SearchQuery(text), limit=20, as_of=today),
            on_done=lambda found: self._on_found(serial, found),
            on_error=lambda exc: set_error(self.case_error, error_text(exc)), owner=self)

    def _on_found(self, serial: int, found: list[CaseSummary]) -> None:
        if serial != self._search_serial:
            return  # an older answer: the officer typed on
        self.results.blockSignals(True)
        self.results.clear()
        for c in found:
            item = QListWidgetItem(f"{c.case_number}  ·  {c.respondent_names}  ←  {c.applicant_names}",
                                   self.results)
            item.setData(Qt.ItemDataRole.UserRole, c)
        self.results.blockSignals(False)
        if len(found) == 1:
            self.results.setCurrentRow(0)
        self.cases_found.emit(len(found))

    def _take_first_result(self) -> None:
        if self.case is None and self.results.count():
            self.results.setCurrentRow(max(0, self.results.currentRow()))

    def _on_result_chosen(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        self.case = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        set_error(self.case_error, "")
        self._show_case()

    def _show_case(self) -> None:
        c = self.case
        if c is None:
            self.case_label.setText(self.tr("No case chosen: type to search, Enter takes the first match."))
            self.case_label.setStyleSheet("color: #555;")
            return
        self.case_label.setStyleSheet("font-weight: bold;")
        self.case_label.setText(self.tr("%1 – respondent(s): %2; applicant(s): %3; outstanding %4 yuan")
                                .replace("%1", c.case_number).replace("%2", c.respondent_names)
                                .replace("%3", c.applicant_names).replace("%4", f"{c.outstanding:,.2f}"))

    # ------------------------------------------------------------ evidence
    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence"))
        if not paths:
            return

        def read() -> list[Attached]:
            out = []
            for p in paths:
                data = Path(p).read_bytes()
                out.append(Attached(Path(p).name, data, hashlib.sha256(data).hexdigest()))
            return out

        self._tasks.run_cpu(read, on_done=self._on_files_read,
                            on_error=lambda exc: set_error(self.details_error, error_text(exc)),
                            owner=self)

    def _on_files_read(self, files: list[Attached]) -> None:
        for f in files:
            self.attached.append(f)
            item = QListWidgetItem(self.tr("%1 (%2 bytes) SHA-256 %3")
                                   .replace("%1", f.name).replace("%2", str(len(f.data)))
                                   .replace("%3", f.sha256), self.evidence)
            item.setToolTip(f.sha256)

    def remove_file(self) -> None:
        row = self.evidence.currentRow()
        if 0 <= row < len(self.attached):
            del self.attached[row]
            self.evidence.takeItem(row)

    # ------------------------------------------------------------ filing
    def _details(self) -> PetitionDetails | None:
        kind = self.selected_kind()
        def qd(w: QDateEdit) -> date:
            return pydate(w.date())

        if kind is PetitionKind.CORRECTION:
            return PetitionDetails(correction_ground=CorrectionGround(self.correction_ground.currentData()),
                                   requested_correction=self.requested_correction.text().strip())
        if kind is PetitionKind.LIFTING:
            ground = LiftingGround(self.lifting_ground.currentData())
            if ground is not LiftingGround.SECURITY:
                return PetitionDetails(lifting_ground=ground)
            value = None
            if self.security_value.text().strip():
                try:
                    value = parse_amount(self.security_value.text())
                except ValueError:
                    set_error(self.details_error, self.tr("Write the security's value in yuan, "
                                                          "e.g. 50000.00."))
                    return None
            return PetitionDetails(lifting_ground=ground, security=self.security.text().strip(),
                                   security_value=value)
        if kind is PetitionKind.TEMPORARY_TRAVEL:
            return PetitionDetails(travel_ground=TravelGround(self.travel_ground.currentData()),
                                   itinerary=self.itinerary.text().strip(),
                                   permit_from=qd(self.permit_from), permit_until=qd(self.permit_until))
        if kind in (PetitionKind.PRIVATE_CONSUMPTION, PetitionKind.NECESSARY_CONSUMPTION):
            return PetitionDetails(consumption=self.consumption.text().strip(),
                                   permit_from=qd(self.permit_from), permit_until=qd(self.permit_until))
        if kind is PetitionKind.REMOVAL_NO_PROPERTY:
            searches = []
            for part in self.searches.text().replace("，", ",").replace(";", ",").split(","):
                if not part.strip():
                    continue
                try:
                    searches.append(Search(date.fromisoformat(part.strip())))
                except ValueError:
                    set_error(self.details_error, self.tr("Write the search dates as YYYY-MM-DD, "
                                                          "separated by commas."))
                    return None
            return PetitionDetails(terminated_on=qd(self.terminated_on), searches=tuple(searches),
                                   asset_lead=self.asset_lead.isChecked())
        return PetitionDetails()

    def file(self) -> None:
        """File the petition (Ctrl+Enter): the service checks everything."""
        if self._busy or not self.can_file:
            return
        self.clear_errors()
        if self.case is None:
            self._take_first_result()
        if self.case is None:
            set_error(self.case_error, self.tr("Choose the case first."))
            self.search.setFocus()
            self.failed.emit(self.case_error.text())
            return
        details = self._details()
        if details is None:
            self.failed.emit(self.details_error.text())
            return
        evidence = [ps.EvidenceFile(a.name, a.data) for a in self.attached]
        statement = self.statement.toPlainText().strip()  # a field of the petition
        ctx, actor, case_id, kind = self._ctx, self._actor, self.case.id, self.selected_kind()
        pid, pname = self.petitioner_id.text().strip(), self.petitioner_name.text().strip()
        received = pydate(self.received_on.date())
        no_property = kind is PetitionKind.REMOVAL_NO_PROPERTY
        assert isinstance(received, date)

        def work() -> ps.Filed:
            # One intent, one transaction: the petition and its searches (audited as such).
            return ps.file_petition_with_searches(
                ctx.uow(), actor, case_id, kind, petitioner_id=pid, petitioner_name=pname,
                received_on=received, details=details, evidence=evidence, statement=statement,
                terminated_on=details.terminated_on if no_property else None,
                searches=details.searches, asset_lead=details.asset_lead)

        self._set_busy(True)
        self._tasks.run_db(work, on_done=self._on_filed, on_error=self._on_failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.file_button.setEnabled(not busy)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        targets = {"petitioner_id": self.petitioner_id_error,
                   "petitioner_name": self.petitioner_name_error}
        first: QWidget | None = None
        rest: list[str] = []
        errors = field_errors(exc)
        for e in errors:
            label = targets.get(e.path)
            msg = e.message(error_lang())
            if label is not None:
                set_error(label, msg)
                first = first or (self.petitioner_id if label is self.petitioner_id_error
                                  else self.petitioner_name)
            else:
                rest.append(msg)
        if rest or not errors:
            set_error(self.details_error, "\n".join(rest) if errors else error_text(exc))
        set_banner(self.message, "error", self.tr("Not filed: correct the marked fields."))
        if first is not None:
            first.setFocus()
            if isinstance(first, QLineEdit):
                first.selectAll()
        self.failed.emit("\n".join(e.message("en") for e in errors) or error_text(exc))

    def _on_filed(self, filed: ps.Filed) -> None:
        self._set_busy(False)
        self.last = filed
        p = filed.petition
        text = self.tr("Filed %1. Decision due by %2.").replace("%1", p.number).replace(
            "%2", p.due.isoformat())
        kind = "ok"
        if p.due_provisional:
            kind = "warn"
            text += " " + self.tr("PROVISIONAL: no holiday calendar for %1 yet, counted on weekdays "
                                  "only; it becomes firm when an administrator enters that year.") \
                .replace("%1", ", ".join(str(y) for y in p.missing_years))
        if filed.receipt is not None:
            text += " " + self.tr("Receipt %1 ready to print.").replace("%1", filed.receipt.number)
        else:
            kind = "warn"
            text += " " + self.tr("The receipt could not be issued: %1").replace(
                "%1", filed.receipt_error or "")
        set_banner(self.message, kind, text)
        self.print_button.setEnabled(filed.pdf is not None)
        self.reissue_button.setVisible(filed.receipt is None)
        self.reset()
        self.filed.emit(filed)

    # ------------------------------------------------------------ receipt
    def reissue_receipt(self) -> None:
        if self.last is None:
            return
        ctx, actor, pid = self._ctx, self._actor, self.last.petition.id
        self._tasks.run_db(lambda: ps.issue_receipt(ctx.uow(), actor, pid),
                           on_done=self._on_filed_again, on_error=self._on_failed, owner=self)

    def _on_filed_again(self, filed: ps.Filed) -> None:
        self.last = filed
        self.print_button.setEnabled(filed.pdf is not None)
        self.reissue_button.setVisible(filed.receipt is None)
        if filed.receipt is not None:
            set_banner(self.message, "ok", self.tr("Receipt %1 ready to print.")
                       .replace("%1", filed.receipt.number))

    def show_receipt(self) -> PreviewDialog | None:
        """The last receipt in the preview, with Print (Ctrl+P there prints)."""
        if self.last is None or self.last.pdf is None or self.last.receipt is None:
            return None
        dlg = PreviewDialog(self._tasks, self.last.pdf,
                            self.tr("Receipt %1").replace("%1", self.last.receipt.number), parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        keep_while_alive(self, "preview", dlg)
        dlg.finished.connect(lambda _r: self.search.setFocus())
        dlg.show()
        self.receipt_shown.emit(dlg)
        return dlg
