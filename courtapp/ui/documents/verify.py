"""Verifying a document offline: paste the scanned QR text, or open a PDF.

The court's public key comes from the database (registered by the first
desk that issued a document); verification itself needs no network and no
register.  With the register at hand, the dialog also says whether the
document was superseded by a correction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.documents import signing
from courtapp.core.domain.roles import Actor
from courtapp.core.services import documents as ds
from courtapp.core.services import keys
from courtapp.ui.documents.data import registered_keys
from courtapp.ui.documents.labels import core_lang, kind_label
from courtapp.ui.documents.widgets import fit_height
from courtapp.ui.errors import describe
from courtapp.ui.i18n import Retranslating
from courtapp.ui.tasks import TaskRunner

_VALID = ("#1d4d1f", "#e9f6e9", "#4c9a50")
_INVALID = ("#6b1111", "#fdeaea", "#b3261e")


@dataclass(frozen=True)
class Outcome:
    """A verdict, what was checked, and the register's word on it (if any)."""

    verdict: signing.Verdict
    source: str  # "qr" or the file's name
    superseded_by: str | None = None
    registered: bool | None = None  # None: not looked up


def _check_register(ctx: AppContext, actor: Actor, verdict: signing.Verdict,
                    source: str) -> Outcome:
    number = verdict.fields.get("number")
    if not verdict.valid or not number:
        return Outcome(verdict, source)
    entry = ds.find_document(ctx.uow(), actor, str(number))
    if entry is None:
        return Outcome(verdict, source, registered=False)
    return Outcome(verdict, source, entry.superseded_by, registered=True)


class VerifyDialog(Retranslating, QDialog):
    """Valid or invalid, with the reason in the interface language, and the
    document's number, case, kind and date.

    Signals:
        verified(object): an :class:`Outcome` is shown.
        key_loaded(bool): the court's public key was looked up; whether there is one.
    """

    verified = Signal(object)
    key_loaded = Signal(bool)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verify_dialog")
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self.key: Ed25519PublicKey | None = None
        self.keys: list[keys.RegisteredKey] = []
        self._key_known = False
        self._pending: Callable[[], None] | None = None
        self.outcome: Outcome | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tabs = QTabWidget(self)
        qr_tab = QWidget(self.tabs)
        self.qr_label = QLabel(qr_tab)
        self.qr_edit = QPlainTextEdit(qr_tab)
        self.qr_edit.setObjectName("qr_text")
        self.qr_edit.setTabChangesFocus(True)
        self.qr_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.qr_label.setBuddy(self.qr_edit)
        self.qr_button = QPushButton(qr_tab)
        self.qr_button.setObjectName("verify_qr")
        qlay = QVBoxLayout(qr_tab)
        qlay.addWidget(self.qr_label)
        qlay.addWidget(self.qr_edit)
        qrow = QHBoxLayout()
        qrow.addStretch(1)
        qrow.addWidget(self.qr_button)
        qlay.addLayout(qrow)
        pdf_tab = QWidget(self.tabs)
        self.pdf_label = QLabel(pdf_tab)
        self.pdf_label.setWordWrap(True)
        self.pdf_button = QPushButton(pdf_tab)
        self.pdf_button.setObjectName("open_pdf")
        self.pdf_path = QLabel(pdf_tab)
        self.pdf_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pdf_path.setWordWrap(True)
        play = QVBoxLayout(pdf_tab)
        play.addWidget(self.pdf_label)
        prow = QHBoxLayout()
        prow.addWidget(self.pdf_button)
        prow.addWidget(self.pdf_path, 1)
        play.addLayout(prow)
        play.addStretch(1)
        self.tabs.addTab(qr_tab, "")
        self.tabs.addTab(pdf_tab, "")

        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict_label.hide()
        self.fields = QWidget(self)
        self.fields_form = QFormLayout(self.fields)
        self.fields_form.setContentsMargins(4, 0, 4, 0)
        self.number_label, self.number_value = QLabel(self), QLabel(self)
        self.case_label, self.case_value = QLabel(self), QLabel(self)
        self.kind_label, self.kind_value = QLabel(self), QLabel(self)
        self.date_label, self.date_value = QLabel(self), QLabel(self)
        self.register_label, self.register_value = QLabel(self), QLabel(self)
        self.register_value.setWordWrap(True)
        for k, v in ((self.number_label, self.number_value), (self.case_label, self.case_value),
                     (self.kind_label, self.kind_value), (self.date_label, self.date_value),
                     (self.register_label, self.register_value)):
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(k, v)
        self.fields.hide()
        self.close_button = QPushButton(self)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 46)

        self.qr_button.clicked.connect(self.verify_pasted)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.close_button.clicked.connect(self.accept)
        self.qr_edit.setFocus()
        self.retranslateUi()
        tasks.run_db(lambda: registered_keys(ctx), on_done=self._on_key,
                     on_error=self._on_key_error, owner=self)

    # --------------------------------------------------------------- key
    def _on_key(self, found: list[keys.RegisteredKey]) -> None:
        self.keys, self._key_known = found, True
        self.key = found[-1].public_key if found else None
        self.key_loaded.emit(bool(found))
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()

    def _on_key_error(self, exc: BaseException) -> None:
        self._key_known = True
        self.key_loaded.emit(False)
        self._show_error(self.tr("The court's key could not be read: %1").replace("%1", describe(exc)))

    def _when_key(self, then: Callable[[], None]) -> None:
        if not self._key_known:
            self._pending = then
            return
        if self.key is None:
            self._show_error(self.tr(
                "No court key is registered in this database yet (no document has been issued "
                "here), so nothing can be verified."))
            return
        then()

    # ------------------------------------------------------------ checks
    def verify_pasted(self) -> None:
        """Verify the text in the QR box (a scanner types it in, or it is pasted)."""
        text = self.qr_edit.toPlainText().strip()
        if not text:
            self._show_error(self.tr("Paste or scan the text of the QR code first."))
            return
        self.verify_qr_text(text)

    def verify_qr_text(self, text: str) -> None:
        def run() -> None:
            known = list(self.keys)
            self._tasks.run_cpu(lambda: keys.verify(known, qr=text),
                                on_done=lambda v: self._look_up(v, "qr"),
                                on_error=self._on_failed, owner=self)
        self._when_key(run)

    def choose_pdf(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a PDF to verify"), "", self.tr("PDF files (*.pdf)"))
        if path:
            self.verify_file(Path(path))

    def verify_file(self, path: Path) -> None:
        """Verify a PDF file (read and checked off the GUI thread)."""
        self.pdf_path.setText(str(path))
        self.tabs.setCurrentIndex(1)

        def run() -> None:
            known = list(self.keys)
            self._tasks.run_cpu(lambda: keys.verify(known, pdf=path.read_bytes()),
                                on_done=lambda v: self._look_up(v, path.name),
                                on_error=self._on_failed, owner=self)
        self._when_key(run)

    def _look_up(self, verdict: signing.Verdict, source: str) -> None:
        """The verdict stands; ask the register whether the document was superseded."""
        ctx, actor = self._ctx, self._actor
        self._tasks.run_db(lambda: _check_register(ctx, actor, verdict, source),
                           on_done=self._show,
                           on_error=lambda _e: self._show(Outcome(verdict, source)), owner=self)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            self._show_error(self.tr("The file could not be read: %1").replace(
                "%1", exc.strerror or str(exc)))
        else:
            self._show_error(self.tr("Verification failed: %1").replace("%1", str(exc)))

    # ------------------------------------------------------------ result
    def _paint(self, colours: tuple[str, str, str], text: str) -> None:
        fg, bg, border = colours
        self.verdict_label.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border: 2px solid {border};"
            f" border-radius: 6px; padding: 10px 12px; font-weight: bold; }}")
        self.verdict_label.setText(text)
        self.verdict_label.show()
        QTimer.singleShot(0, lambda: fit_height(self, grow_only=True))

    def _show_error(self, text: str) -> None:
        self.outcome = None
        self.fields.hide()
        self._paint(_INVALID, text)

    def _show(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self._render()
        self.verified.emit(outcome)

    def _render(self) -> None:
        o = self.outcome
        if o is None:
            return
        v = o.verdict
        word = self.tr("VALID") if v.valid else self.tr("INVALID")
        self._paint(_VALID if v.valid else _INVALID,
                    ("✔ " if v.valid else "✘ ") + self.tr("%1: %2").replace("%1", word)
                    .replace("%2", v.reason(core_lang())))
        f: dict[str, Any] = v.fields
        if not f:
            self.fields.hide()
            return
        self.number_value.setText(str(f.get("number", "")))
        self.case_value.setText(str(f.get("case_number", "")))
        self.kind_value.setText(kind_label(str(f.get("kind", ""))))
        self.date_value.setText(str(f.get("issued_on", "")))
        if o.registered is None:
            reg = ""
        elif not o.registered:
            reg = self.tr("Not in this database's register.")
        elif o.superseded_by:
            reg = self.tr("In the register, but SUPERSEDED by %1: use the correction.").replace(
                "%1", o.superseded_by)
        else:
            reg = self.tr("In the register; current (not superseded).")
        self.register_value.setText(reg)
        self.register_value.setStyleSheet("color: #8a1c1c; font-weight: bold;"
                                          if o.superseded_by else "")
        self.fields_form.setRowVisible(self.register_value, bool(reg))
        self.fields.show()

    @property
    def result_text(self) -> str:
        return self.verdict_label.text() if self.verdict_label.isVisible() else ""

    # ------------------------------------------------------------- texts
    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Verify a document"))
        self.intro.setText(self.tr(
            "Checks a court document offline against the court's public key: the signed QR "
            "code printed on it, or the signed PDF file itself. One changed byte makes it "
            "invalid."))
        self.tabs.setTabText(0, self.tr("&QR code"))
        self.tabs.setTabText(1, self.tr("PDF &file"))
        self.qr_label.setText(self.tr("Scanned or pasted QR text (it begins with CA1|):"))
        self.qr_button.setText(self.tr("&Verify"))
        self.pdf_label.setText(self.tr("Open the PDF file of an issued document."))
        self.pdf_button.setText(self.tr("&Open PDF…"))
        self.number_label.setText(self.tr("Document number:"))
        self.case_label.setText(self.tr("Case number:"))
        self.kind_label.setText(self.tr("Kind:"))
        self.date_label.setText(self.tr("Issued on:"))
        self.register_label.setText(self.tr("Register:"))
        self.close_button.setText(self.tr("Close"))
        self._render()


__all__ = ["Outcome", "VerifyDialog"]
