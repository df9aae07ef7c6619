"""The desk locks itself after a while without input, and another user may log
in on it (issue 10 §3)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import auth
from courtapp.ui.app import Launcher
from courtapp.ui.login import LoginDialog
from courtapp.ui.main_window import MainWindow
from courtapp.ui.settings import UiSettings
from courtapp.ui.tasks import TaskRunner

PASSWORD = "correct horse 9"


def _log_in(qtbot: QtBot, launcher: Launcher, dlg: LoginDialog, username: str) -> MainWindow:
    dlg.username.setText(username)
    dlg.password.setText(PASSWORD)
    with qtbot.waitSignal(launcher.main_window_opened, timeout=20_000) as shown:
        dlg.login_button.click()
    window = shown.args[0]
    assert isinstance(window, MainWindow)
    return window


def test_an_idle_desk_locks_and_another_user_logs_in(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, ui_settings: UiSettings) -> None:
    admin = Actor("test", frozenset({Role.ADMIN}))
    auth.add_user(sqlite_db.uow(), admin, "zhao", "赵敏", PASSWORD, {Role.JUDGE})
    auth.add_user(sqlite_db.uow(), admin, "qian", "钱书记员", PASSWORD, {Role.CLERK})
    launcher = Launcher(sqlite_db, tasks, ui_settings, idle_ms=300)
    with qtbot.waitSignal(launcher.dialog_opened, timeout=10_000) as opened:
        launcher.start()
    locked = qtbot.waitSignal(launcher.locked, timeout=10_000)  # listening from now on
    first = _log_in(qtbot, launcher, opened.args[0], "zhao")
    qtbot.addWidget(first)

    # Nobody touches the desk: it locks, hiding zhao's window behind a log-in.
    locked.wait()
    lock = launcher.dialog
    assert isinstance(lock, LoginDialog) and lock.isVisible()
    assert not first.isVisible()
    assert "locked" in lock.intro.text()

    # qian logs in on the same desk and gets a window of her own, with her roles.
    second = _log_in(qtbot, launcher, lock, "qian")
    qtbot.addWidget(second)
    assert second is not first and second.isVisible()
    assert launcher.actor is not None and launcher.actor.username == "qian"
    assert not second.is_page_available("admin")
    with sqlite_db.engine.connect() as c:
        from sqlalchemy import text

        logins = list(c.execute(text("select username from audit_log where action = 'user.login' "
                                     "order by seq")).scalars())
    assert logins == ["zhao", "qian"]


def test_the_same_user_gets_the_window_back_as_it_was(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, ui_settings: UiSettings) -> None:
    auth.add_user(sqlite_db.uow(), Actor("test", frozenset({Role.ADMIN})), "zhao", "赵敏",
                  PASSWORD, {Role.JUDGE})
    launcher = Launcher(sqlite_db, tasks, ui_settings, idle_ms=60_000)
    with qtbot.waitSignal(launcher.dialog_opened, timeout=10_000) as opened:
        launcher.start()
    window = _log_in(qtbot, launcher, opened.args[0], "zhao")
    qtbot.addWidget(window)
    window.show_page("cases")
    with qtbot.waitSignal(launcher.dialog_opened, timeout=10_000) as opened:
        launcher.lock()
    assert not window.isVisible()
    again = _log_in(qtbot, launcher, opened.args[0], "zhao")
    assert again is window and window.isVisible() and window.current_page() == "cases"
