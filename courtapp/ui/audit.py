"""The auditor's screen (issue 10 §4; RULES.md R-R6, 2017 Art. 13).

Shows the audit trail of one case (every record whose subject starts with the
case number: the case, its respondents, its petitions) or of one user, runs
``verify`` on the database thread, and exports what is shown as CSV (written
off the GUI thread).  Only for holders of ``audit.view``.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor
from courtapp.core.services import audit
from courtapp.core.services.audit import AuditEntry, VerifyResult
from courtapp.ui.errors import describe
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from courtapp.ui.tasks import TaskRunner

#: The trail's columns: header and the entry's field.
COLUMNS = (
    (QT_TRANSLATE_NOOP("Audit", "No."), "seq"),
    (QT_TRANSLATE_NOOP("Audit", "When"), "at"),
    (QT_TRANSLATE_NOOP("Audit", "User"), "username"),
    (QT_TRANSLATE_NOOP("Audit", "Action"), "action"),
    (QT_TRANSLATE_NOOP("Audit", "Record"), "entity_type"),
    (QT_TRANSLATE_NOOP("Audit", "Identifier"), "entity_id"),
    (QT_TRANSLATE_NOOP("Audit", "Legal ground"), "legal_ground"),
    (QT_TRANSLATE_NOOP("Audit", "After"), "after"),
)
#: How many records one search shows at most.
LIMIT = 1000


def write_csv(path: str, entries: Sequence[AuditEntry]) -> int:
    """The entries as CSV (UTF-8 with a BOM, so that spreadsheet programs read the Chinese)."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["seq", "at", "user", "action", "entity_type", "entity_id", "before",
                      "after", "legal_ground", "reason"])
        for e in entries:
            out.writerow([e.seq, e.at.isoformat(), e.username, e.action, e.entity_type,
                          e.entity_id, e.before or "", e.after or "", e.legal_ground or "",
                          e.reason or ""])
    return len(entries)


class AuditPage(Retranslating, QWidget):
    """Signals:
        loaded(int): the trail shown (how many records).
        verified(object): the :class:`VerifyResult` of a verify run.
        exported(str, int): the CSV written; its path and how many records.
        failed(str): a search, a verify or an export failed; the message shown.
    """

    loaded = Signal(int)
    verified = Signal(object)
    exported = Signal(str, int)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_page")
        self._ctx, self._actor, self._tasks = ctx, actor, tasks
        self.entries: list[AuditEntry] = []
        self.heading = QLabel(self)
        self.by = QComboBox(self)
        self.by.addItem("", "case")
        self.by.addItem("", "user")
        self.query = QLineEdit(self)
        self.query.setObjectName("audit_query")
        self.show_button = QPushButton(self)
        self.show_button.setDefault(True)
        self.verify_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.export_button.setEnabled(False)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("audit_status")

        bar = QHBoxLayout()
        bar.addWidget(self.by)
        bar.addWidget(self.query, 1)
        bar.addWidget(self.show_button)
        bar.addWidget(self.export_button)
        bar.addStretch(0)
        bar.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.show_button.clicked.connect(self.search)
        self.query.returnPressed.connect(self.search)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self._ask_export)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Audit trail"))
        self.by.setItemText(0, self.tr("By case number"))
        self.by.setItemText(1, self.tr("By user name"))
        self.query.setPlaceholderText(self.tr("Empty: the newest records"))
        self.show_button.setText(self.tr("&Show"))
        self.verify_button.setText(self.tr("&Verify the record"))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h, _ in COLUMNS])

    # ------------------------------------------------------------ work
    def search(self) -> None:
        ctx, actor = self._ctx, self._actor
        text = self.query.text().strip() or None
        by_user = self.by.currentData() == "user"
        username, case_number = (text, None) if by_user else (None, text)

        def load() -> tuple[list[AuditEntry], int]:
            found = audit.entries(ctx.uow(), actor, username=username, case_number=case_number,
                                  limit=LIMIT)
            total = len(found) if len(found) < LIMIT else audit.count(
                ctx.uow(), actor, username=username, case_number=case_number)
            return found, total

        self._tasks.run_db(load, on_done=lambda r: self._show_entries(r[0], r[1]),
                           on_error=self._on_failed, owner=self)

    def _show_entries(self, entries: list[AuditEntry], total: int | None = None) -> None:
        """The records; when the search matched more than :data:`LIMIT`, the
        status says "N of M" (no list stops silently at N rows)."""
        self.entries = entries
        self.table.setRowCount(len(entries))
        for i, e in enumerate(entries):
            for j, (_h, name) in enumerate(COLUMNS):
                value = getattr(e, name)
                text = value.strftime("%Y-%m-%d %H:%M:%S") if name == "at" else str(value or "")
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.export_button.setEnabled(bool(entries))
        if total is not None and total > len(entries):
            self.status.setText(self.tr(
                "Records shown: the newest %1 of %2. Search by user or case number to see "
                "the others.").replace("%1", str(len(entries))).replace(
                "%2", str(total)))
        else:
            self.status.setText(self.tr("Records shown: %1").replace("%1", str(len(entries))))
        self.loaded.emit(len(entries))

    def verify(self) -> None:
        ctx, actor = self._ctx, self._actor
        self.verify_button.setEnabled(False)
        self.status.setText(self.tr("Verifying the audit record…"))
        self._tasks.run_db(lambda: audit.verify(ctx.uow(), actor), on_done=self._on_verified,
                           on_error=self._on_failed, owner=self)

    def _on_verified(self, result: VerifyResult) -> None:
        self.verify_button.setEnabled(True)
        if result.intact:
            lines = [self.tr("The audit record is intact: %1 records.").replace(
                "%1", str(result.records))]
        else:
            lines = [self.tr("The audit record has been tampered with (%1 records).").replace(
                "%1", str(result.records))]
            if result.broken_seq is not None:
                lines.append(self.tr("First broken link: record no. %1.").replace(
                    "%1", str(result.broken_seq)))
            for m in result.mismatches:
                lines.append(self.tr("Changed outside the application: %1 %2 (%3).")
                             .replace("%1", m.entity_type).replace("%2", m.entity_id)
                             .replace("%3", ", ".join(m.changed)))
        self.status.setText("\n".join(lines))
        self.verified.emit(result)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"),
                                              "audit.csv", "CSV (*.csv)")
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> None:
        entries = list(self.entries)
        self._tasks.run_cpu(lambda: write_csv(path, entries),
                            on_done=lambda n: self._on_exported(path, n),
                            on_error=self._on_failed, owner=self)

    def _on_exported(self, path: str, n: int) -> None:
        self.status.setText(self.tr("%1 records written to %2").replace("%1", str(n))
                            .replace("%2", path))
        self.exported.emit(path, n)

    def _on_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        text = describe(exc)
        self.status.setText(text)
        self.failed.emit(text)
