"""Unhandled exceptions in the desktop app: one friendly dialog and a report file.

:class:`CrashHandler` replaces ``sys.excepthook`` (exceptions raised in slots
and event handlers on the GUI thread) and ``threading.excepthook`` (any other
thread), and routes Qt's own messages (``qWarning``…) into the log file.  Each
unhandled exception writes a crash report (:func:`courtapp.core.logs.write_crash_report`,
scrubbed of personal data) and shows *one* dialog naming the file; more
exceptions while the dialog is open are reported to files but raise no
second dialog.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from courtapp.core import logs

log = logging.getLogger("courtapp.ui.crash")
qt_log = logging.getLogger("courtapp.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CrashHandler(QObject):
    """Signals:
        report_written(str): the path of a crash report just written (any thread).
        dialog_shown(object): the dialog now shown (the GUI thread).
    """

    report_written = Signal(str)
    dialog_shown = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: QMessageBox | None = None
        self._old_hook: Any = None
        self._old_thread_hook: Any = None
        self._old_qt_handler: Any = None
        self._installed = False
        # Reports from other threads reach the dialog on the GUI thread.
        self.report_written.connect(self._show_dialog, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------ install
    def install(self) -> None:
        if self._installed:
            return
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        self._old_qt_handler = qInstallMessageHandler(self._qt_message)
        self._installed = True

    def uninstall(self) -> None:
        if not self._installed:
            return
        sys.excepthook = self._old_hook
        threading.excepthook = self._old_thread_hook
        qInstallMessageHandler(self._old_qt_handler)
        self._installed = False

    # ------------------------------------------------------------- report
    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        """``sys.excepthook``: write the report, then show (or keep) the one dialog."""
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        try:
            path = logs.write_crash_report(exc_type, exc, tb,
                                           where=threading.current_thread().name)
        except OSError:  # no log directory: still tell the user, without a file
            log.exception("could not write the crash report")
            path = None
        self.report_written.emit(str(path) if path else "")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)

    # ------------------------------------------------------------- dialog
    def _show_dialog(self, report: str) -> None:
        if self.dialog is not None:
            return  # one dialog at a time; the report is written all the same
        parent = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("courtapp – unexpected problem"),
                          self.tr("courtapp met an unexpected problem and could not finish what "
                                  "you asked. Nothing you saved before is lost."),
                          QMessageBox.StandardButton.Ok, parent if isinstance(parent, QWidget) else None)
        if report:
            box.setInformativeText(self.tr(
                "A report was saved to:\n%1\n\nPlease send this file to your court's IT officer. "
                "It holds no names, ID numbers or passwords.").replace("%1", report))
            folder = box.addButton(self.tr("Show the &folder"), QMessageBox.ButtonRole.ActionRole)
            folder.clicked.connect(lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(Path(report).parent))))
        else:
            box.setInformativeText(self.tr("The report could not be saved."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_dialog_closed)
        self.dialog = box
        box.open()
        self.dialog_shown.emit(box)

    def _on_dialog_closed(self, _result: int) -> None:
        self.dialog = None
