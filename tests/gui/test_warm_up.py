"""No cold start (issue 12 §3): opening the main window warms the documents off the GUI thread."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from courtapp.core.context import AppContext
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.roles import console_actor
from courtapp.core.services import documents
from courtapp.ui.app import Launcher
from courtapp.ui.main_window import MainWindow
from courtapp.ui.settings import UiSettings
from courtapp.ui.tasks import TaskRunner


def test_the_main_window_warms_the_documents_in_the_background(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[tuple[str, str]] = []
    monkeypatch.setattr(documents, "warm_up",
                        lambda: ran.append(("warm_up", threading.current_thread().name)))

    def reads(uow: UnitOfWork) -> None:
        assert isinstance(uow, UnitOfWork)
        ran.append(("warm_up_database", threading.current_thread().name))

    monkeypatch.setattr(documents, "warm_up_database", reads)
    launcher = Launcher(sqlite_db, tasks, ui_settings,
                        demo_actor=console_actor("clerk"))
    with qtbot.waitSignal(launcher.main_window_opened, timeout=10_000) as shown:
        launcher.start()
    window = shown.args[0]
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: len(ran) == 2, timeout=10_000)
    assert sorted(name for name, _ in ran) == ["warm_up", "warm_up_database"]
    gui = threading.main_thread().name
    assert all(thread != gui for _, thread in ran), ran
