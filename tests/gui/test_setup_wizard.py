"""The first-run wizard (issue 13), driven page by page: a local SQLite file, and a
PostgreSQL server with the connection test and the migrations."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
import setup_fixtures
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from courtapp.core import config, paths
from courtapp.core import setup as desk
from courtapp.core.context import open_database
from courtapp.core.db import migrate
from courtapp.core.documents import signing
from courtapp.core.services import auth
from courtapp.core.services import documents as ds
from courtapp.ui.app import Launcher
from courtapp.ui.login import LoginDialog
from courtapp.ui.settings import UiSettings
from courtapp.ui.setup_wizard import PAGE_ADMIN, PAGE_DATABASE, PAGE_KEY, PAGE_SUMMARY, SetupWizard
from courtapp.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui
PASSWORD = "correct horse 9"
empty_pg = setup_fixtures.empty_pg  # an empty PostgreSQL database (skips only off CI)


def start(qtbot: QtBot, tasks: TaskRunner) -> SetupWizard:
    wizard = SetupWizard(tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_court(w: SetupWizard) -> None:
    w.court_page.code.setText("Beijing")
    w.court_page.name.setText("北京市朝阳区人民法院")
    assert w.court_page.isComplete()
    w.next()
    assert w.currentId() == 0  # the code is refused on its page
    assert "京0105" in w.court_page.error.text()
    w.court_page.code.setText("京0105")
    w.next()
    assert w.currentId() == PAGE_DATABASE


def fill_admin_and_key(qtbot: QtBot, w: SetupWizard) -> None:
    assert w.currentId() == PAGE_ADMIN
    qtbot.waitUntil(lambda: w.admin_page.subTitle() != "", timeout=10_000)
    f = w.admin_page.form
    f.username.setText("admin")
    f.display_name.setText("系统管理员")
    f.password.setText(PASSWORD)
    f.password_again.setText("something else")
    w.next()
    assert w.currentId() == PAGE_ADMIN and f.errors["password_again"].isVisible()
    f.password_again.setText(PASSWORD)
    w.next()
    assert w.currentId() == PAGE_KEY
    assert w.key_page.generate.isChecked() and w.key_page.isComplete()
    w.next()
    assert w.currentId() == PAGE_SUMMARY


def finish(qtbot: QtBot, w: SetupWizard) -> desk.SetupResult:
    with qtbot.waitSignal(w.set_up, timeout=60_000) as done:
        w.button(QWizard.WizardButton.FinishButton).click()
    result = done.args[0]
    assert isinstance(result, desk.SetupResult)
    assert not w.isVisible()
    return result


def test_the_wizard_sets_up_a_local_file(qtbot: QtBot, tasks: TaskRunner, tmp_path: Path) -> None:
    w = start(qtbot, tasks)
    fill_court(w)
    page = w.database_page
    assert page.local.isChecked()
    assert page.path.text() == str(paths.local_database_path())  # the default
    db_file = tmp_path / "desk.sqlite"
    page.path.setText(str(db_file))
    assert page.isComplete() and not page.server_box.isEnabled()
    w.next()
    fill_admin_and_key(qtbot, w)
    summary = w.summary_page.summary.text()
    assert "北京市朝阳区人民法院 (京0105)" in summary and str(db_file) in summary
    result = finish(qtbot, w)
    assert result.created_admin
    assert config.load().database_url == f"sqlite+pysqlite:///{db_file}"
    ctx = open_database(config.load().database_url or "")
    try:
        assert auth.authenticate(ctx.uow(), "admin", PASSWORD).display_name == "系统管理员"
        assert desk.court_identity(ctx) == ("北京市朝阳区人民法院", "京0105")
        registered = ds.court_public_key(ctx.uow())
        assert registered is not None
        assert signing.fingerprint(registered) == result.key_fingerprint
    finally:
        ctx.engine.dispose()


def test_the_wizard_sets_up_a_postgresql_server(qtbot: QtBot, tasks: TaskRunner,
                                                empty_pg: Any) -> None:
    w = start(qtbot, tasks)
    fill_court(w)
    page = w.database_page
    page.server.setChecked(True)
    page.host.setText(empty_pg.host)
    page.port.setValue(empty_pg.port)
    page.dbname.setText(empty_pg.name)
    page.user.setText(empty_pg.user)
    page.password.setText("not-the-password")
    assert not page.isComplete()  # untested
    with qtbot.waitSignal(page.completeChanged, timeout=15_000):
        page.test_button.click()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=15_000)
    assert "connection failed" in page.error.text()
    assert "not-the-password" not in page.error.text()
    assert not page.isComplete()

    page.password.setText(empty_pg.password)
    with qtbot.waitSignal(page.tested, timeout=15_000):
        page.test_button.click()
    assert page.isComplete()
    assert "PostgreSQL" in page.status.text() and "will be created" in page.status.text()
    page.port.setValue(empty_pg.port + 1)
    assert not page.isComplete()  # an edit after the test needs a new test
    page.port.setValue(empty_pg.port)
    with qtbot.waitSignal(page.tested, timeout=15_000):
        page.test_button.click()
    w.next()
    fill_admin_and_key(qtbot, w)
    assert empty_pg.name in w.summary_page.summary.text()
    result = finish(qtbot, w)

    assert result.passfile is not None and stat.S_IMODE(result.passfile.stat().st_mode) == 0o600
    stored = config.load().database_url or ""
    assert make_url(stored).password is None
    ctx = open_database(stored)  # the password comes from the 0600 file
    try:
        assert migrate.current_revision(ctx.engine) == migrate.head_revision()
        assert auth.authenticate(ctx.uow(), "admin", PASSWORD).username == "admin"
    finally:
        ctx.engine.dispose()

    # A second desk on the same server: the wizard asks for the existing administrator.
    second = start(qtbot, tasks)
    second.court_page.name.setText("北京市朝阳区人民法院")
    second.court_page.code.setText("京0105")
    second.next()
    p2 = second.database_page
    p2.server.setChecked(True)
    p2.host.setText(empty_pg.host)
    p2.port.setValue(empty_pg.port)
    p2.dbname.setText(empty_pg.name)
    p2.user.setText(empty_pg.user)
    p2.password.setText(empty_pg.password)
    with qtbot.waitSignal(p2.tested, timeout=15_000):
        p2.test_button.click()
    assert "1 account(s)" in p2.status.text()
    second.next()
    assert second.admin_page.existing
    assert not second.admin_page.form.display_name.isVisibleTo(second.admin_page)


def test_the_launcher_runs_the_wizard_on_a_desk_that_is_not_set_up(
        qtbot: QtBot, tasks: TaskRunner, ui_settings: UiSettings, tmp_path: Path) -> None:
    launcher = Launcher(None, tasks, ui_settings)
    with qtbot.waitSignal(launcher.dialog_opened, timeout=10_000) as opened:
        launcher.start()
    w = opened.args[0]
    assert isinstance(w, SetupWizard)
    fill_court(w)
    w.database_page.path.setText(str(tmp_path / "desk.sqlite"))
    w.next()
    fill_admin_and_key(qtbot, w)
    with qtbot.waitSignal(launcher.dialog_opened, timeout=60_000) as opened:
        w.button(QWizard.WizardButton.FinishButton).click()
    login = opened.args[0]
    qtbot.addWidget(login)  # closed at the end: no window outlives the test
    assert isinstance(login, LoginDialog)
    assert login.username.text() == "admin"
    assert launcher.ctx is not None and str(tmp_path / "desk.sqlite") in launcher.ctx.url
    launcher.ctx.engine.dispose()


def test_a_failed_set_up_stays_on_the_last_page_with_the_reason(
        qtbot: QtBot, tasks: TaskRunner, tmp_path: Path) -> None:
    w = start(qtbot, tasks)
    fill_court(w)
    w.database_page.path.setText(str(tmp_path / "desk.sqlite"))
    w.next()
    fill_admin_and_key(qtbot, w)
    w.admin_page.form.password.setText("short")  # the core's rule: 8 characters
    with qtbot.waitSignal(w.failed, timeout=60_000) as failed:
        w.button(QWizard.WizardButton.FinishButton).click()
    assert "at least 8 characters" in failed.args[0]
    assert w.isVisible() and w.currentId() == PAGE_SUMMARY
    assert w.summary_page.error.isVisible()
    assert w.button(QWizard.WizardButton.BackButton).isEnabled()
    assert not config.exists()


def test_a_desk_that_does_not_remember_the_password_asks_for_it_at_start(
        qapp: Any, empty_pg: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from courtapp.cli import demo
    from courtapp.ui import app as ui_app

    db = desk.DatabaseChoice("postgresql", host=empty_pg.host, port=empty_pg.port,
                             name=empty_pg.name, user=empty_pg.user, password=empty_pg.password,
                             remember_password=False)
    desk.apply(desk.Answers("北京市朝阳区人民法院", "京0105", "admin", "系统管理员", PASSWORD, db))
    assert config.load().ask_password
    asked: list[str] = []

    def prompt(user: str, database: str, host: str) -> str | None:
        asked.append(f"{user}@{host}/{database}")
        return empty_pg.password if len(asked) == 1 else None

    monkeypatch.setattr(ui_app, "ask_database_password", prompt)
    args = argparse.Namespace(database=None)
    ctx = demo._open_for_gui(args)
    assert ctx is not None and auth.user_count(ctx.uow()) == 1
    ctx.engine.dispose()
    assert asked[0] == f"{empty_pg.user}@{empty_pg.host}/{empty_pg.name}"
    assert demo._open_for_gui(args) is None  # cancelled: the app does not start
