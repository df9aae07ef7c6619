"""An unhandled exception in the desktop app shows one friendly dialog naming a
report file (issue 13); Qt's own messages go to the log; the bundled UI font is
used only where the system has no Chinese font."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from courtapp.core import logs, paths
from courtapp.ui.app import load_fonts
from courtapp.ui.crash import CrashHandler

pytestmark = pytest.mark.gui


@pytest.fixture
def crashes(qapp: QApplication) -> Iterator[CrashHandler]:
    handler = CrashHandler()
    handler.install()
    logs.setup()
    yield handler
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.done(0)
    logs.shutdown()


def boom() -> None:
    raise ValueError("张三 360426199101010071 cannot be saved")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_one_dialog_with_a_report(
        qtbot: QtBot, crashes: CrashHandler) -> None:
    with qtbot.waitSignal(crashes.dialog_shown, timeout=5_000) as shown:
        QTimer.singleShot(0, boom)  # raised inside Qt's event loop: sys.excepthook
    box = shown.args[0]
    assert isinstance(box, QMessageBox) and box.isVisible()
    [report] = paths.log_dir().glob("crash-*.txt")
    assert str(report) in box.informativeText()
    text = report.read_text(encoding="utf-8")
    assert "ValueError" in text and "boom" in text
    assert "张三" not in text and "360426199101010071" not in text

    # A second failure while the dialog is open: a second report, no second dialog.
    with qtbot.waitSignal(crashes.report_written, timeout=5_000):
        QTimer.singleShot(0, boom)
    QApplication.processEvents()  # the queued dialog request is delivered (and ignored)
    assert len(list(paths.log_dir().glob("crash-*.txt"))) == 2
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible()]
    assert dialogs == [box]
    box.done(0)
    qtbot.waitUntil(lambda: crashes.dialog is None)


def test_an_exception_on_another_thread_reaches_the_dialog(
        qtbot: QtBot, crashes: CrashHandler) -> None:
    import threading

    with qtbot.waitSignal(crashes.dialog_shown, timeout=5_000):
        t = threading.Thread(target=boom, name="worker")
        t.start()
        t.join()
    [report] = paths.log_dir().glob("crash-*.txt")
    assert "where: worker" in report.read_text(encoding="utf-8")


def test_qt_messages_go_to_the_log_file(crashes: CrashHandler) -> None:
    qWarning("a Qt warning for the log")
    for h in logging.getLogger().handlers:
        h.flush()
    assert "WARNING courtapp.qt: a Qt warning for the log" in logs.log_file().read_text("utf-8")


def test_the_bundled_font_only_where_the_system_has_no_chinese_font(qapp: QApplication) -> None:
    before = QFont(qapp.font())
    try:
        assert load_fonts(qapp, system_families=["Noto Sans CJK SC"]) is None
        assert qapp.font() == before
        family = load_fonts(qapp, system_families=[])
        assert family == "WenQuanYi Micro Hei"
        assert qapp.font().families()[0] == "WenQuanYi Micro Hei"
    finally:
        qapp.setFont(before)
