"""Issuing a document: the kind, the respondent, the language, the details some
kinds need; a draft preview; and the correction of an issued document.

Refusals come from the core (the permission, the kind's precondition, a
character the font lacks) and are shown in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.roles import Actor
from courtapp.core.services import documents as ds
from courtapp.ui.documents.data import IssueContext, load_issue_context
from courtapp.ui.documents.labels import (
    ALL_RESPONDENTS_KINDS,
    kind_label,
    kind_needs,
)
from courtapp.ui.documents.widgets import fit_height
from courtapp.ui.errors import describe
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from courtapp.ui.listing.labels import pydate, qdate
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.tasks import TaskRunner

CTX = "IssueDetails"


def tr_details(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def refusal_text(exc: BaseException) -> str:
    """A refusal from the core, in the interface language."""
    return describe(exc).replace("\n", "; ")


# ------------------------------------------------------------- the details
@dataclass(frozen=True)
class Detail:
    """One input a kind takes in ``extra``: a choice, a date, a line or a text."""

    key: str
    label: str  # QT_TRANSLATE_NOOP("IssueDetails", ...)
    widget: str  # "choice" | "date" | "optional_date" | "line" | "text" | "officer"
    choices: tuple[tuple[Any, str], ...] = ()
    when: tuple[str, Any] | None = None  # shown only while another detail has this value


_ART10 = QT_TRANSLATE_NOOP("IssueDetails", "Art. 10 para. 1 item (%1): %2")
_ITSELF = QT_TRANSLATE_NOOP("IssueDetails", "The respondent itself")
_SET = QT_TRANSLATE_NOOP("IssueDetails", "set")

DETAILS: dict[DocKind, tuple[Detail, ...]] = {
    DocKind.RESTRICTION_LIFTING: (
        Detail("ground", QT_TRANSLATE_NOOP("IssueDetails", "Ground (2015 Art. 9)"), "choice", (
            ("security", QT_TRANSLATE_NOOP("IssueDetails", "Genuine and effective security")),
            ("creditor_consent", QT_TRANSLATE_NOOP("IssueDetails", "The applicant consents")),
            ("fully_performed", QT_TRANSLATE_NOOP("IssueDetails", "Obligations performed in full")),
        )),
    ),
    DocKind.DELETION: (
        Detail("action", QT_TRANSLATE_NOOP("IssueDetails", "Deleted or revoked"), "choice", (
            (None, QT_TRANSLATE_NOOP("IssueDetails", "As recorded on the listing")),
            ("delete", QT_TRANSLATE_NOOP("IssueDetails", "Deleted (2017 Art. 10)")),
            ("revoke", QT_TRANSLATE_NOOP("IssueDetails", "Revoked: should not have been listed "
                                                         "(2017 Art. 9)")),
        )),
        Detail("ground", QT_TRANSLATE_NOOP("IssueDetails", "Ground for deletion"), "choice", (
            (None, QT_TRANSLATE_NOOP("IssueDetails", "As recorded on the listing")),
            (1, QT_TRANSLATE_NOOP("IssueDetails", "performed, or enforcement completed")),
            (2, QT_TRANSLATE_NOOP("IssueDetails", "settlement agreement performed in full")),
            (3, QT_TRANSLATE_NOOP("IssueDetails", "the applicant applied and the court agreed")),
            (4, QT_TRANSLATE_NOOP("IssueDetails", "no property found after this round ended")),
            (5, QT_TRANSLATE_NOOP("IssueDetails", "suspended for retrial or bankruptcy")),
            (6, QT_TRANSLATE_NOOP("IssueDetails", "ruled not to enforce")),
            (7, QT_TRANSLATE_NOOP("IssueDetails", "enforcement terminated")),
            ("expired", QT_TRANSLATE_NOOP("IssueDetails", "The term has expired (Art. 10 para. 2)")),
            ("early", QT_TRANSLATE_NOOP("IssueDetails", "Early deletion (Art. 2 para. 2)")),
        ), when=("action", (None, "delete"))),
        Detail("reasons", QT_TRANSLATE_NOOP("IssueDetails", "Reasons for revoking"), "text",
               when=("action", (None, "revoke"))),
    ),
    DocKind.CORRECTION_DECISION: (
        Detail("outcome", QT_TRANSLATE_NOOP("IssueDetails", "Outcome"), "choice", (
            ("granted", QT_TRANSLATE_NOOP("IssueDetails", "Granted: the entry is corrected")),
            ("rejected", QT_TRANSLATE_NOOP("IssueDetails", "Rejected (reconsideration within "
                                                           "10 days)")),
        )),
        Detail("ground", QT_TRANSLATE_NOOP("IssueDetails", "Ground (2017 Art. 11)"), "choice", (
            (1, QT_TRANSLATE_NOOP("IssueDetails", "(1) should not have been listed")),
            (2, QT_TRANSLATE_NOOP("IssueDetails", "(2) the recorded information is inaccurate")),
            (3, QT_TRANSLATE_NOOP("IssueDetails", "(3) the entry should be deleted")),
        )),
        Detail("received_on", QT_TRANSLATE_NOOP("IssueDetails", "Application received on"), "date"),
        Detail("reasons", QT_TRANSLATE_NOOP("IssueDetails", "Reasons"), "text"),
        Detail("correction", QT_TRANSLATE_NOOP("IssueDetails", "Corrected information"), "text",
               when=("outcome", "granted")),
        Detail("higher_court", QT_TRANSLATE_NOOP("IssueDetails", "Next-higher court"), "line",
               when=("outcome", "rejected")),
    ),
    DocKind.PERMISSION: (
        Detail("permission", QT_TRANSLATE_NOOP("IssueDetails", "Permitted"), "choice", (
            ("travel", QT_TRANSLATE_NOOP("IssueDetails", "Temporary travel by air or "
                                                         "high-speed rail")),
            ("private", QT_TRANSLATE_NOOP("IssueDetails", "Private consumption of a bound "
                                                          "person")),
            ("necessary", QT_TRANSLATE_NOOP("IssueDetails", "Necessary consumption "
                                                            "(2015 Art. 8)")),
        )),
        Detail("travel_ground", QT_TRANSLATE_NOOP("IssueDetails", "Reason for travel"), "choice", (
            ("illness", QT_TRANSLATE_NOOP("IssueDetails", "Serious illness (self or close "
                                                          "relative)")),
            ("funeral", QT_TRANSLATE_NOOP("IssueDetails", "Funeral of a close relative")),
            ("official_duty", QT_TRANSLATE_NOOP("IssueDetails", "Official duties")),
            ("foreign_affairs", QT_TRANSLATE_NOOP("IssueDetails", "Foreign-affairs activity")),
            ("exam", QT_TRANSLATE_NOOP("IssueDetails", "Important examination")),
        ), when=("permission", "travel")),
        Detail("person", QT_TRANSLATE_NOOP("IssueDetails", "Person"), "officer"),
        Detail("received_on", QT_TRANSLATE_NOOP("IssueDetails", "Application received on"), "date"),
        Detail("from", QT_TRANSLATE_NOOP("IssueDetails", "Permitted from"), "date"),
        Detail("until", QT_TRANSLATE_NOOP("IssueDetails", "Permitted until"), "date"),
        Detail("itinerary", QT_TRANSLATE_NOOP("IssueDetails", "Itinerary"), "line",
               when=("permission", "travel")),
        Detail("consumption", QT_TRANSLATE_NOOP("IssueDetails", "Consumption applied for"), "line",
               when=("permission", ("private", "necessary"))),
    ),
    DocKind.RECEIPT: (
        Detail("petition", QT_TRANSLATE_NOOP("IssueDetails", "Petition"), "choice", (
            ("correction", QT_TRANSLATE_NOOP("IssueDetails", "Correction of list information")),
            ("listing_application", QT_TRANSLATE_NOOP("IssueDetails", "Application to list "
                                                                      "the respondent")),
            ("restriction_application", QT_TRANSLATE_NOOP("IssueDetails", "Application to "
                                                                          "restrict consumption")),
            ("temporary_travel", QT_TRANSLATE_NOOP("IssueDetails", "Temporary travel")),
            ("private_consumption", QT_TRANSLATE_NOOP("IssueDetails", "Private consumption")),
            ("necessary_consumption", QT_TRANSLATE_NOOP("IssueDetails", "Necessary consumption")),
            ("lifting", QT_TRANSLATE_NOOP("IssueDetails", "Lifting the restriction order")),
            ("deletion", QT_TRANSLATE_NOOP("IssueDetails", "Deletion of list information")),
        )),
        Detail("petition_number", QT_TRANSLATE_NOOP("IssueDetails", "Receipt number"), "line"),
        Detail("petitioner", QT_TRANSLATE_NOOP("IssueDetails", "Submitted by"), "choice", (
            ("respondent", QT_TRANSLATE_NOOP("IssueDetails", "The respondent")),
            ("applicant", QT_TRANSLATE_NOOP("IssueDetails", "The applicant")),
        )),
        Detail("received_on", QT_TRANSLATE_NOOP("IssueDetails", "Received on"), "date"),
        Detail("due_on", QT_TRANSLATE_NOOP("IssueDetails", "Answer due by"), "optional_date"),
        Detail("attachments", QT_TRANSLATE_NOOP("IssueDetails", "Attachments"), "line"),
    ),
}


class DetailsForm(QWidget):
    """The inputs of one kind's ``extra`` (see :data:`DETAILS`)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.kind: DocKind | None = None
        self.officers: tuple[str, ...] = ()
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._specs: tuple[Detail, ...] = ()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)

    def set_kind(self, kind: DocKind | None, officers: tuple[str, ...] = ()) -> None:
        if kind == self.kind and officers == self.officers:
            return
        self.kind, self.officers = kind, officers
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs, self.labels = {}, {}
        self._specs = DETAILS.get(kind, ()) if kind is not None else ()
        for d in self._specs:
            widget = self._make(d)
            label = QLabel(self)
            label.setBuddy(widget)
            self.inputs[d.key], self.labels[d.key] = widget, label
            self.form.addRow(label, widget)
        self.retranslate()
        self._update_visibility()

    def _make(self, d: Detail) -> QWidget:
        if d.widget in ("choice", "officer"):
            combo = QComboBox(self)
            if d.widget == "officer":
                combo.addItem("", None)
                for i, _name in enumerate(self.officers):
                    combo.addItem("", i)
            else:
                for value, _text in d.choices:
                    combo.addItem("", value)
            combo.currentIndexChanged.connect(lambda _i: self._update_visibility())
            return combo
        if d.widget in ("date", "optional_date"):
            edit = QDateEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(qdate(self._today))
            if d.widget == "date":
                return edit
            box = QWidget(self)
            check = QCheckBox(box)
            check.setObjectName("enabled")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(check)
            row.addWidget(edit, 1)
            box.setFocusProxy(check)
            return box
        if d.widget == "text":
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
            return text
        return QLineEdit(self)

    def retranslate(self) -> None:
        for d in self._specs:
            self.labels[d.key].setText(tr_details(d.label) + ":")
            w = self.inputs[d.key]
            if isinstance(w, QComboBox) and d.widget == "officer":
                w.setItemText(0, tr_details(_ITSELF))
                for i, name in enumerate(self.officers):
                    w.setItemText(i + 1, name)
            elif isinstance(w, QComboBox):
                for i, (value, text) in enumerate(d.choices):
                    shown = tr_details(text)
                    if d.key == "ground" and self.kind is DocKind.DELETION and isinstance(value, int):
                        shown = tr_details(_ART10).replace("%1", str(value)).replace("%2", shown)
                    w.setItemText(i, shown)
            elif d.widget == "optional_date":
                check = w.findChild(QCheckBox, "enabled")
                if check is not None:
                    check.setText(tr_details(_SET))

    def _value(self, d: Detail) -> Any:
        w = self.inputs[d.key]
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QDateEdit):
            return pydate(w.date()).isoformat()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        if isinstance(w, QLineEdit):
            return w.text().strip() or None
        check = w.findChild(QCheckBox, "enabled")
        edit = w.findChild(QDateEdit)
        if check is not None and edit is not None and check.isChecked():
            return pydate(edit.date()).isoformat()
        return None

    def _shown(self, d: Detail) -> bool:
        if d.widget == "officer" and not self.officers:
            return False
        if d.when is None:
            return True
        other = next((x for x in self._specs if x.key == d.when[0]), None)
        if other is None:
            return True
        value = self._value(other)
        want = d.when[1]
        return value in want if isinstance(want, tuple) else value == want

    def _update_visibility(self) -> None:
        for d in self._specs:
            shown = self._shown(d)
            self.form.setRowVisible(self.inputs[d.key], shown)

    def extra(self) -> dict[str, Any]:
        """The ``extra`` of the request: every shown input that has a value."""
        out: dict[str, Any] = {}
        for d in self._specs:
            if not self._shown(d):
                continue
            v = self._value(d)
            if v is not None:
                out[d.key] = v
        return out

    def set_value(self, key: str, value: Any) -> None:
        """Set an input (for tests and defaults): a choice's value, a date, a text."""
        w = self.inputs[key]
        if isinstance(w, QComboBox):
            w.setCurrentIndex(w.findData(value))
        elif isinstance(w, QDateEdit):
            w.setDate(qdate(value) if isinstance(value, date) else QDate.fromString(value, "yyyy-MM-dd"))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value))
        elif isinstance(w, QLineEdit):
            w.setText(str(value))
            w.textEdited.emit(w.text())
        else:
            check = w.findChild(QCheckBox, "enabled")
            edit = w.findChild(QDateEdit)
            if check is not None and edit is not None:
                check.setChecked(value is not None)
                if value is not None:
                    edit.setDate(qdate(value))
        self._update_visibility()


# --------------------------------------------------------------- the dialog
class IssueDialog(Retranslating, QDialog):
    """Issue one document in a case (or preview it as a draft first).

    The case's respondents load on the database thread; the Issue button is
    enabled once they are there.

    Signals:
        loaded(): the case arrived.
        issued(object): the :class:`~courtapp.core.services.documents.Issued` document.
        draft_ready(bytes): a draft preview was rendered; its PDF.
        refused(str): the core refused; the message shown (interface language).
    """

    loaded = Signal()
    issued = Signal(object)
    draft_ready = Signal(bytes)
    refused = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, case_id: int, *,
                 kind: DocKind = DocKind.EXECUTION_NOTICE, respondent: int | None = None,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issue_dialog")
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._clock = clock
        self.case_id = case_id
        self.context: IssueContext | None = None
        self._busy = False
        self._want_respondent = respondent

        self.case_label = QLabel(self)
        self.case_value = QLabel(self)
        self.case_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("issue_kind")
        for k in DocKind:
            self.kind_combo.addItem("", k.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.kind_label.setBuddy(self.kind_combo)
        self.needs = QLabel(self)
        self.needs.setWordWrap(True)
        self.needs.setStyleSheet("color: #555;")
        self.respondent_label = QLabel(self)
        self.respondent_combo = QComboBox(self)
        self.respondent_combo.setObjectName("issue_respondent")
        self.respondent_label.setBuddy(self.respondent_combo)
        self.lang_label = QLabel(self)
        self.lang_combo = QComboBox(self)
        self.lang_combo.setObjectName("issue_lang")
        self.lang_combo.addItem("中文", "zh")
        self.lang_combo.addItem("English", "en")
        self.lang_label.setBuddy(self.lang_combo)
        self.details = DetailsForm(clock(), self)
        self.message = banner(self)
        self.message.setObjectName("issue_message")

        self.buttons = QDialogButtonBox(self)
        self.issue_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.issue_button.setObjectName("confirm_issue")
        self.draft_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.setObjectName("preview_draft")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.issue_button.setDefault(True)
        self.issue_button.setEnabled(False)
        self.draft_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.case_label, self.case_value)
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow("", self.needs)
        form.addRow(self.respondent_label, self.respondent_combo)
        form.addRow(self.lang_label, self.lang_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 50)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.respondent_combo.currentIndexChanged.connect(lambda _i: self._on_respondent_changed())
        self.buttons.accepted.connect(self.issue)
        self.buttons.rejected.connect(self.reject)
        self.draft_button.clicked.connect(self.preview_draft)
        self.kind_combo.setFocus()
        self.retranslateUi()
        self._load()

    # ------------------------------------------------------------ loading
    def _load(self) -> None:
        ctx, actor, case_id = self._ctx, self._actor, self.case_id
        self._tasks.run_db(lambda: load_issue_context(ctx, actor, case_id),
                           on_done=self._on_loaded, on_error=self._on_failed, owner=self)

    def _on_loaded(self, context: IssueContext) -> None:
        self.context = context
        self.case_value.setText(context.case_number)
        self._fill_respondents()
        if self._want_respondent is not None:
            self.set_respondent(self._want_respondent)
        self.issue_button.setEnabled(True)
        self.draft_button.setEnabled(True)
        self.loaded.emit()

    # ------------------------------------------------------------- inputs
    @property
    def kind(self) -> DocKind:
        return DocKind(self.kind_combo.currentData())

    def set_kind(self, kind: DocKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    @property
    def respondent(self) -> int | None:
        value = self.respondent_combo.currentData()
        return int(value) if value is not None else None

    def set_respondent(self, respondent: int | None) -> None:
        i = self.respondent_combo.findData(respondent)
        if i >= 0:
            self.respondent_combo.setCurrentIndex(i)

    @property
    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    def set_lang(self, lang: str) -> None:
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(lang))

    def _fill_respondents(self) -> None:
        keep = self.respondent_combo.currentData()
        self.respondent_combo.blockSignals(True)
        self.respondent_combo.clear()
        if self.kind in ALL_RESPONDENTS_KINDS and self.kind is not DocKind.RECEIPT:
            self.respondent_combo.addItem(self.tr("Every respondent"), None)
        for r in self.context.respondents if self.context else ():
            self.respondent_combo.addItem(f"{r.index + 1}. {r.name}", r.index)
        i = self.respondent_combo.findData(keep)
        self.respondent_combo.setCurrentIndex(max(i, 0))
        self.respondent_combo.blockSignals(False)
        self._on_respondent_changed()

    def _officers(self) -> tuple[str, ...]:
        r = self.respondent
        if self.context is None or r is None or not 0 <= r < len(self.context.respondents):
            return ()
        resp = self.context.respondents[r]
        return resp.officers if resp.entity else ()

    def _on_kind_changed(self) -> None:
        self.needs.setText(kind_needs(self.kind))
        self._say("info", "")
        self._fill_respondents()

    def _on_respondent_changed(self) -> None:
        self.details.set_kind(self.kind, self._officers())
        self._align_labels()
        # Grow or shrink to the inputs of the kind now chosen (they differ a lot).
        QTimer.singleShot(0, lambda: fit_height(self))

    def _say(self, kind: str, text: str) -> None:
        """A message under the inputs; the dialog grows to show it whole."""
        set_banner(self.message, kind, text)
        QTimer.singleShot(0, lambda: fit_height(self, grow_only=True))

    def _align_labels(self) -> None:
        """One label column for the dialog's fields and the kind's details."""
        labels = [self.case_label, self.kind_label, self.respondent_label, self.lang_label,
                  *self.details.labels.values()]
        for label in labels:
            label.setMinimumWidth(0)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    # ------------------------------------------------------------ actions
    def _request(self) -> tuple[DocKind, int | None, str, dict[str, Any]]:
        return self.kind, self.respondent, self.lang, self.details.extra()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.issue_button.setEnabled(not busy and self.context is not None)
        self.draft_button.setEnabled(not busy and self.context is not None)

    def issue(self) -> None:
        if self._busy or self.context is None:
            return
        kind, respondent, lang, extra = self._request()
        ctx, actor, case_id, on = self._ctx, self._actor, self.case_id, self._clock()
        self._set_busy(True)
        self._say("info", self.tr("Issuing…"))
        self._tasks.run_db(
            lambda: ds.issue(ctx.uow(), actor, kind, case_id, respondent=respondent, lang=lang,
                             issued_on=on, extra=extra),
            on_done=self._on_issued, on_error=self._on_failed, owner=self)

    def _on_issued(self, issued: ds.Issued) -> None:
        self._set_busy(False)
        self.issued.emit(issued)
        self.accept()

    def preview_draft(self) -> None:
        if self._busy or self.context is None:
            return
        kind, respondent, lang, extra = self._request()
        ctx, actor, case_id, on = self._ctx, self._actor, self.case_id, self._clock()
        self._set_busy(True)
        self._say("info", self.tr("Rendering the draft…"))
        self._tasks.run_db(
            lambda: ds.preview(ctx.uow(), actor, kind, case_id, respondent=respondent,
                               lang=lang, issued_on=on, extra=extra),
            on_done=self._on_draft, on_error=self._on_failed, owner=self)

    def _on_draft(self, pdf: bytes) -> None:
        self._set_busy(False)
        self._say("info", "")
        self.draft_ready.emit(pdf)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = self.tr("Refused: %1").replace("%1", refusal_text(exc))
        self._say("error", text)
        self.refused.emit(text)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    # -------------------------------------------------------------- texts
    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Issue a document"))
        self.case_label.setText(self.tr("Case:"))
        if self.context is None:
            self.case_value.setText(self.tr("Loading…"))
        self.kind_label.setText(self.tr("&Kind:"))
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_label(self.kind_combo.itemData(i)))
        self.needs.setText(kind_needs(self.kind))
        self.respondent_label.setText(self.tr("&Respondent:"))
        if self.respondent_combo.count() and self.respondent_combo.itemData(0) is None:
            self.respondent_combo.setItemText(0, self.tr("Every respondent"))
        self.lang_label.setText(self.tr("&Language of the document:"))
        self.issue_button.setText(self.tr("&Issue"))
        self.draft_button.setText(self.tr("Preview &draft"))
        self.details.retranslate()
        self._align_labels()


class CorrectionDialog(Retranslating, QDialog):
    """A correction of an issued document: the reason (required)."""

    def __init__(self, document: ds.IssuedDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correction_dialog")
        self.document = document
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.reason_label = QLabel(self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("correction_reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_label.setBuddy(self.reason_edit)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.reason.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self.reason_edit.setFocus()
        self.retranslateUi()

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText()

    def retranslateUi(self) -> None:
        d = self.document
        self.setWindowTitle(self.tr("Issue a correction"))
        self.heading.setText(self.tr("Correct %1 (%2, %3).").replace("%1", d.number)
                             .replace("%2", kind_label(d.kind)).replace("%3", d.respondent_name
                                                                         or d.case_number))
        self.reason_label.setText(self.tr("&Reason for the correction:"))
        self.note.setText(self.tr(
            "A new document is issued from the case as it is now; it names the document it "
            "supersedes. Both stay in the register; the old one is marked superseded."))
        self.ok_button.setText(self.tr("Issue &correction"))
