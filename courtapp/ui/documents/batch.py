"""Batch printing: a generator of ``BatchProgress`` driven on the database
thread, its progress shown with a working Cancel, then one combined PDF.

:class:`BatchJob` advances the generator one step per database task, so the
GUI never waits and other database work can interleave; each step arrives on
the GUI thread through the task runner's queued signal and is re-emitted as
``progressed``.  Cancelling is stopping the iteration: no further step is
asked for, the generator is closed on the database thread, and the combined
file (if it was already made) is dropped — nothing is printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.services.documents import BatchItemError, BatchProgress
from courtapp.ui.documents import printing
from courtapp.ui.documents.preview import PreviewDialog
from courtapp.ui.documents.widgets import keep_while_alive
from courtapp.ui.i18n import Retranslating
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.tasks import TaskRunner

BatchGenerator = Iterator[BatchProgress]


class BatchJob(QObject):
    """Drives ``make()`` (a batch generator) on the database thread.

    Signals:
        progressed(object): one step (a :class:`BatchProgress`, not the last).
        finished(object): the last step, with the failures and the combined PDF.
        cancelled(): the batch was stopped; nothing more will come.
        failed(object): the generator raised; the exception.
    """

    progressed = Signal(object)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(object)

    def __init__(self, tasks: TaskRunner, make: Callable[[], BatchGenerator],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._make = make
        self._gen: BatchGenerator | None = None
        self._cancel_requested = False
        self.running = False
        self.steps = 0

    def start(self) -> None:
        self.running = True
        self._ask_next()

    def cancel(self) -> None:
        """Stop after the step being worked on (its result is discarded if it is the last)."""
        if self.running:
            self._cancel_requested = True

    # --------------------------------------------------------- internals
    def _next(self) -> BatchProgress | None:  # on the database thread
        if self._gen is None:
            self._gen = self._make()
        return next(self._gen, None)

    def _ask_next(self) -> None:
        self._tasks.run_db(self._next, on_done=self._on_step, on_error=self._on_error, owner=self)

    def _close(self) -> None:
        gen, self._gen = self._gen, None
        self.running = False
        close = getattr(gen, "close", None)  # a generator: run its cleanup on the db thread
        if close is not None:
            self._tasks.run_db(close)

    def _on_step(self, step: BatchProgress | None) -> None:
        if self._cancel_requested:
            self._close()
            self.cancelled.emit()
            return
        if step is None or step.finished:
            self._close()
            if step is None:
                self.failed.emit(RuntimeError("the batch ended without its last step"))
            else:
                self.finished.emit(step)
            return
        self.steps += 1
        self.progressed.emit(step)
        if self._cancel_requested:  # cancelled by a receiver of this very step
            self._close()
            self.cancelled.emit()
            return
        self._ask_next()

    def _on_error(self, exc: BaseException) -> None:
        self._close()
        self.failed.emit(exc)


class BatchDialog(Retranslating, QDialog):
    """The progress of a batch, its Cancel button, the items skipped with their
    reasons, and then Preview / Print of the combined file.

    ``labels`` names items for the failure list (e.g. register id → number).

    Signals:
        batch_finished(object): the last :class:`BatchProgress`.
        batch_cancelled(): the batch was cancelled.
        batch_failed(str): the batch stopped on an error; the message.
        printed(int): the combined file was printed; the pages printed.
    """

    printed = Signal(int)
    batch_finished = Signal(object)
    batch_cancelled = Signal()
    batch_failed = Signal(str)

    def __init__(self, tasks: TaskRunner, make: Callable[[], BatchGenerator], what: str, *,
                 labels: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch_dialog")
        self._tasks = tasks
        self.what = what
        self._labels = dict(labels or {})
        self.result_step: BatchProgress | None = None
        self.failures: list[BatchItemError] = []
        self.issued: list[str] = []  # numbers issued by this batch (when it issues)
        self.preview: PreviewDialog | None = None
        self._state = "running"

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy until the first step says how many
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        self.failures_label = QLabel(self)
        self.failures_list = QListWidget(self)
        self.failures_list.setObjectName("batch_failures")
        self.failures_list.setWordWrap(True)
        self.failures_label.setBuddy(self.failures_list)
        self.failures_label.hide()
        self.failures_list.hide()
        self.summary = banner(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("batch_cancel")
        self.preview_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("batch_print")
        self.close_button = QPushButton(self)
        for b in (self.preview_button, self.print_button, self.close_button):
            b.hide()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.failures_label)
        layout.addWidget(self.failures_list, 1)
        layout.addWidget(self.summary)
        layout.addStretch(0)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 42)

        self.job = BatchJob(tasks, make, self)
        self.job.progressed.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.failed.connect(self._on_failed)
        self.cancel_button.clicked.connect(self.cancel)
        self.preview_button.clicked.connect(self.open_preview)
        self.print_button.clicked.connect(self.print_combined)
        self.close_button.clicked.connect(self.accept)
        self.retranslateUi()

    def start(self) -> None:
        self.job.start()
        self.cancel_button.setFocus()

    @property
    def pdf(self) -> bytes | None:
        return self.result_step.pdf if self.result_step is not None else None

    # ------------------------------------------------------------ steps
    def _name(self, label: str) -> str:
        return self._labels.get(label, label)

    def _on_progress(self, step: BatchProgress) -> None:
        self.progress.setRange(0, max(step.total, 1))
        self.progress.setValue(step.done)
        if step.error is not None:
            self._add_failure(step.error)
        if step.issued is not None:
            self.issued.append(step.issued.number)
        self.current.setText(self.tr("%1 of %2: %3").replace("%1", str(step.done))
                             .replace("%2", str(step.total)).replace("%3", self._name(step.label)))

    def _add_failure(self, err: BatchItemError) -> None:
        if any(f.index == err.index and f.label == err.label for f in self.failures):
            return
        self.failures.append(err)
        item = QListWidgetItem(self.tr("Skipped %1: %2").replace("%1", self._name(err.label))
                               .replace("%2", err.reason), self.failures_list)
        item.setForeground(Qt.GlobalColor.darkRed)
        self.failures_label.show()
        self.failures_list.show()

    def _on_finished(self, step: BatchProgress) -> None:
        self._state = "finished"
        self.result_step = step
        for err in step.failures:
            self._add_failure(err)
        self.progress.setRange(0, max(step.total, 1))
        self.progress.setValue(step.total)
        self.current.setText("")
        printed = len(step.numbers)
        text = self.tr("%1 document(s) in one file; %2 skipped.").replace(
            "%1", str(printed)).replace("%2", str(len(self.failures)))
        set_banner(self.summary, "warn" if self.failures else "ok", text)
        self._finish_buttons(has_pdf=step.pdf is not None)
        self.batch_finished.emit(step)

    def _on_cancelled(self) -> None:
        self._state = "cancelled"
        text = self.tr("Cancelled: nothing was printed.")
        if self.issued:
            text += " " + self.tr("The %1 document(s) issued before the cancellation stay in "
                                  "the register.").replace("%1", str(len(self.issued)))
        set_banner(self.summary, "warn", text)
        self._finish_buttons(has_pdf=False)
        self.batch_cancelled.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._state = "failed"
        text = self.tr("The batch stopped: %1").replace("%1", str(exc) or type(exc).__name__)
        set_banner(self.summary, "error", text)
        self._finish_buttons(has_pdf=False)
        self.batch_failed.emit(text)

    def _finish_buttons(self, *, has_pdf: bool) -> None:
        self.cancel_button.hide()
        self.preview_button.setVisible(has_pdf)
        self.print_button.setVisible(has_pdf)
        self.close_button.show()
        (self.print_button if has_pdf else self.close_button).setDefault(True)
        (self.print_button if has_pdf else self.close_button).setFocus()

    # ---------------------------------------------------------- actions
    def cancel(self) -> None:
        if self._state == "running":
            self.cancel_button.setEnabled(False)
            self.current.setText(self.tr("Cancelling…"))
            self.job.cancel()

    def open_preview(self) -> PreviewDialog | None:
        if self.pdf is None:
            return None
        dlg = PreviewDialog(self._tasks, self.pdf, self.what, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.printed.connect(self.printed)
        keep_while_alive(self, "preview", dlg)
        dlg.show()
        return dlg

    def print_combined(self) -> printing.PrintJob | None:
        """Print the combined file (the preview's print run)."""
        dlg = self.preview if self.preview is not None and self.preview.isVisible() \
            else self.open_preview()
        return dlg.print_document() if dlg is not None else None

    def reject(self) -> None:
        if self._state == "running":
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._state == "running":
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    # ------------------------------------------------------------ texts
    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Batch printing"))
        self.heading.setText(self.what)
        self.failures_label.setText(self.tr("Skipped (the rest of the batch went on):"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.preview_button.setText(self.tr("Pre&view"))
        self.print_button.setText(self.tr("&Print…"))
        self.close_button.setText(self.tr("Close"))
