"""The desktop shell: first run, log-in, the main window, permissions,
remembered state, the interface language, and run_gui itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Role, console_actor
from courtapp.core.services import auth
from courtapp.ui.app import Launcher, run_gui
from courtapp.ui.audit import AuditPage
from courtapp.ui.case_list import COL_CASE_NUMBER, COL_STAGE
from courtapp.ui.counter import CounterPage, TodayPage
from courtapp.ui.documents import DocumentsPage
from courtapp.ui.i18n import LanguageManager
from courtapp.ui.listing import DecisionsPage
from courtapp.ui.login import LoginDialog
from courtapp.ui.main_window import PAGE_KEYS, MainWindow
from courtapp.ui.pages import AddUserDialog, AdminPage, PlaceholderPage
from courtapp.ui.reports import PublicListPage, ReportsPage
from courtapp.ui.settings import LANGUAGE_CHINESE, LANGUAGE_ENGLISH, UiSettings
from courtapp.ui.setup_wizard import SetupWizard
from courtapp.ui.tasks import TaskRunner

PASSWORD = "correct horse 9"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def user_db(sqlite_db: AppContext) -> AppContext:
    """A database with one judge, zhao, created the way the command line does."""
    auth.add_user(sqlite_db.uow(), console_actor("test"), "zhao", "赵敏", PASSWORD, {Role.JUDGE})
    return sqlite_db


def make_window(qtbot: QtBot, ctx: AppContext, actor: Actor, tasks: TaskRunner,
                settings: UiSettings, **kw: bool) -> MainWindow:
    window = MainWindow(ctx, actor, tasks, settings, **kw)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# ------------------------------------------------------------------ log-in
def test_logging_in_with_the_right_password_gives_the_user(
        qtbot: QtBot, user_db: AppContext, tasks: TaskRunner) -> None:
    dlg = LoginDialog(user_db, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.username, "zhao")
    qtbot.keyClicks(dlg.password, PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        qtbot.keyClick(dlg.password, Qt.Key.Key_Return)  # keyboard only: Enter logs in
    assert dlg.actor is not None
    assert dlg.actor.username == "zhao"
    assert dlg.actor.display_name == "赵敏"
    assert dlg.actor.roles == frozenset({Role.JUDGE})


def test_a_wrong_password_says_so_and_the_dialog_stays_open(
        qtbot: QtBot, user_db: AppContext, tasks: TaskRunner) -> None:
    dlg = LoginDialog(user_db, tasks, username="zhao")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.password, "not the password")
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error.isVisible(), timeout=10_000)
    assert "Wrong user name or password" in dlg.error.text()
    assert dlg.isVisible()
    assert dlg.actor is None
    assert dlg.password.text() == ""
    assert dlg.login_button.isEnabled()


def test_an_empty_user_name_is_refused_without_asking_the_database(
        qtbot: QtBot, user_db: AppContext, tasks: TaskRunner) -> None:
    dlg = LoginDialog(user_db, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    assert tasks.pending == 0
    assert dlg.error.isVisible() and "user name" in dlg.error.text()


# --------------------------------------------------------------- first run
def fill_user_form(form: object, username: str, display: str, pw: str, pw2: str) -> None:
    # Chinese goes in with setText: qtbot.keyClicks with CJK text aborts Qt.
    form.username.setText(username)  # type: ignore[attr-defined]
    form.display_name.setText(display)  # type: ignore[attr-defined]
    form.password.setText(pw)  # type: ignore[attr-defined]
    form.password_again.setText(pw2)  # type: ignore[attr-defined]


def test_the_launcher_goes_from_first_run_through_log_in_to_the_main_window(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, ui_settings: UiSettings) -> None:
    """A database given with --database but without accounts: the wizard without
    its database page sets it up (tests/gui/test_setup_wizard.py drives every page)."""
    launcher = Launcher(sqlite_db, tasks, ui_settings)
    with qtbot.waitSignal(launcher.dialog_opened, timeout=10_000) as opened:
        launcher.start()
    wizard = opened.args[0]
    assert isinstance(wizard, SetupWizard)
    assert wizard.pageIds() == [0, 2, 3, 4]  # court, administrator, key, summary
    wizard.court_page.name.setText("北京市朝阳区人民法院")
    wizard.court_page.code.setText("京0105")
    wizard.next()
    fill_user_form(wizard.admin_page.form, "admin", "管理员", PASSWORD, PASSWORD)
    wizard.next()
    wizard.next()
    with qtbot.waitSignal(launcher.dialog_opened, timeout=20_000) as opened:
        wizard.button(wizard.WizardButton.FinishButton).click()
    login = opened.args[0]
    assert isinstance(login, LoginDialog)
    assert login.username.text() == "admin"  # carried over
    login.password.setText(PASSWORD)
    with qtbot.waitSignal(launcher.main_window_opened, timeout=10_000) as shown:
        login.login_button.click()
    window = shown.args[0]
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert "DEMO" not in window.windowTitle()
    assert window.is_page_available("admin")


def test_cancelling_the_log_in_reports_it(
        qtbot: QtBot, user_db: AppContext, tasks: TaskRunner, ui_settings: UiSettings) -> None:
    launcher = Launcher(user_db, tasks, ui_settings)
    with qtbot.waitSignal(launcher.dialog_opened, timeout=10_000) as opened:
        launcher.start()
    assert isinstance(opened.args[0], LoginDialog)
    with qtbot.waitSignal(launcher.cancelled):
        opened.args[0].reject()


# ------------------------------------------------------------- main window
def test_the_main_window_shows_every_page_to_a_judge_and_administrator(
        qtbot: QtBot, cases_db: AppContext, tasks: TaskRunner, ui_settings: UiSettings) -> None:
    actor = console_actor("test")
    w = make_window(qtbot, cases_db, actor, tasks, ui_settings)
    assert [w.nav.item(i).text() for i in range(w.nav.count())] == [
        "Today", "Cases", "Listings", "Documents", "Service counter", "Reports", "Public list",
        "Admin", "Audit"]
    assert all(w.is_page_available(k) for k in PAGE_KEYS)
    assert w.current_page() == "today"  # the landing page
    assert isinstance(w.stack.currentWidget(), TodayPage)
    assert w.show_page("listings")
    assert isinstance(w.stack.currentWidget(), DecisionsPage)
    assert w.show_page("notices")
    assert isinstance(w.stack.currentWidget(), DocumentsPage)
    assert w.show_page("counter")
    assert isinstance(w.stack.currentWidget(), CounterPage)
    with qtbot.waitSignal(w.reports_page.loaded, timeout=20_000):  # type: ignore[union-attr]
        assert w.show_page("reports")  # the figures load when the page is first shown
    assert isinstance(w.stack.currentWidget(), ReportsPage)
    assert w.show_page("public")
    assert isinstance(w.stack.currentWidget(), PublicListPage)
    assert w.show_page("audit")
    assert isinstance(w.stack.currentWidget(), AuditPage)
    assert not any(isinstance(p, PlaceholderPage) for p in w.pages.values())
    status = w.statusBar()
    assert "console:test" in w._user_label.text() and "Judge" in w._user_label.text()
    assert cases_db.safe_url in w._db_label.text()
    assert status.isVisible()
    assert w.cases_page is not None and w.cases_page.new_button.isEnabled()


def test_a_clerk_sees_no_admin_page_and_cannot_create_cases(
        qtbot: QtBot, cases_db: AppContext, clerk: Actor, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    w = make_window(qtbot, cases_db, clerk, tasks, ui_settings)
    assert w.nav_item("admin").isHidden()
    assert not w.is_page_available("admin")
    assert not w.show_page("admin")
    assert not isinstance(w.pages["admin"], AdminPage)
    assert w.cases_page is not None
    assert not w.cases_page.new_button.isEnabled()


def test_the_window_remembers_its_size_splitter_and_page(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    first = make_window(qtbot, cases_db, judge, tasks, ui_settings)
    first.resize(720, 530)  # within the offscreen screen (800×600)
    first.splitter.setSizes([230, 490])
    first.show_page("reports")
    nav_width = first.splitter.sizes()[0]
    assert nav_width == 230
    first.close()

    # As after a restart: a fresh settings object on the same file.
    reopened = UiSettings(QSettings(ui_settings.store.fileName(), QSettings.Format.IniFormat))
    second = make_window(qtbot, cases_db, judge, tasks, reopened)
    assert (second.width(), second.height()) == (720, 530)
    assert second.current_page() == "reports"
    assert second.splitter.sizes()[0] == nav_width


def test_a_remembered_page_the_user_may_not_see_falls_back_to_today(
        qtbot: QtBot, cases_db: AppContext, clerk: Actor, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    ui_settings.set_user(clerk.username)
    ui_settings.last_page = "admin"
    w = make_window(qtbot, cases_db, clerk, tasks, ui_settings)
    assert w.current_page() == "today"


def test_the_last_page_and_the_columns_are_each_users_own(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, clerk: Actor, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    """Issue 12 §8: two people at one computer do not share a last page or columns."""
    first = make_window(qtbot, cases_db, judge, tasks, ui_settings)
    first.show_page("reports")
    assert first.decisions_page is not None
    first.decisions_page.table.horizontalHeader().resizeSection(1, 333)
    first.close()
    other = make_window(qtbot, cases_db, clerk, tasks, ui_settings)
    assert other.current_page() == "today"  # not the judge's Reports
    assert other.decisions_page is not None
    assert other.decisions_page.table.horizontalHeader().sectionSize(1) != 333
    other.show_page("notices")
    other.close()
    reopened = UiSettings(QSettings(ui_settings.store.fileName(), QSettings.Format.IniFormat))
    again = make_window(qtbot, cases_db, judge, tasks, reopened)
    assert again.current_page() == "reports"
    assert again.decisions_page is not None
    assert again.decisions_page.table.horizontalHeader().sectionSize(1) == 333
    assert make_window(qtbot, cases_db, clerk, tasks, reopened).current_page() == "notices"
    # the language stays the computer's: the log-in dialog needs it before anyone logs in
    assert reopened.store.value("ui/language") == ui_settings.language


def test_the_demo_window_says_demo(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    w = make_window(qtbot, cases_db, judge, tasks, ui_settings, demo=True)
    assert "DEMO" in w.windowTitle()


def test_a_first_launch_lands_on_today_but_the_demo_shows_its_cases(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    assert ui_settings.last_page == ""  # nothing remembered yet
    desk = make_window(qtbot, cases_db, judge, tasks, ui_settings)
    assert desk.current_page() == "today"
    demo = make_window(qtbot, cases_db, judge, tasks, ui_settings, demo=True)
    assert demo.current_page() == "cases"


# ------------------------------------------------------------------- admin
def test_the_admin_page_lists_users_and_adds_one(
        qtbot: QtBot, user_db: AppContext, tasks: TaskRunner) -> None:
    actor = console_actor("test")
    page = AdminPage(user_db, actor, tasks)
    qtbot.addWidget(page)
    qtbot.waitSignal(page.users_loaded, timeout=10_000).wait()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "zhao"
    assert page.table.item(0, 2).text() == "Judge"

    dlg = AddUserDialog(user_db, actor, tasks, parent=page)
    qtbot.addWidget(dlg)
    dlg.show()
    fill_user_form(dlg.form, "qian", "钱书记员", PASSWORD, PASSWORD)
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.form.errors["roles"].isVisible(), timeout=10_000)
    assert "role" in dlg.form.errors["roles"].text()

    dlg.form.role_boxes[Role.CLERK].setChecked(True)
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert dlg.created is not None and dlg.created.roles == frozenset({Role.CLERK})
    with qtbot.waitSignal(page.users_loaded, timeout=10_000):
        page.reload()
    assert sorted(page.table.item(i, 0).text() for i in range(2)) == ["qian", "zhao"]


def test_the_service_refuses_a_user_without_the_permission(
        qtbot: QtBot, user_db: AppContext, clerk: Actor, tasks: TaskRunner) -> None:
    page = AdminPage(user_db, clerk, tasks)
    qtbot.addWidget(page)
    assert not page.add_button.isEnabled()
    dlg = AddUserDialog(user_db, clerk, tasks)  # even if someone opened it
    qtbot.addWidget(dlg)
    dlg.show()
    fill_user_form(dlg.form, "sun", "孙", PASSWORD, PASSWORD)
    dlg.form.role_boxes[Role.ADMIN].setChecked(True)
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.form.errors[""].isVisible(), timeout=10_000)
    assert "do not allow" in dlg.form.errors[""].text()
    assert auth.user_count(user_db.uow()) == 1


# ---------------------------------------------------------------- language
def test_switching_to_chinese_retranslates_the_window_at_once(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, tasks: TaskRunner,
        ui_settings: UiSettings, languages: LanguageManager) -> None:
    w = make_window(qtbot, cases_db, judge, tasks, ui_settings)
    assert w.nav_item("cases").text() == "Cases"
    assert w.cases_page is not None
    qtbot.waitUntil(lambda: w.cases_page.model.rowCount() > 0, timeout=10_000)

    dlg = w.open_settings()
    dlg.language.setCurrentIndex(dlg.language.findData(LANGUAGE_CHINESE))
    with qtbot.waitSignal(languages.language_changed):
        dlg.accept()
    assert ui_settings.language == LANGUAGE_CHINESE
    qtbot.waitUntil(lambda: w.nav_item("cases").text() == "案件")
    model = w.cases_page.model
    assert model.headerData(COL_CASE_NUMBER, Qt.Orientation.Horizontal) == "案号"
    assert model.data(model.index(0, COL_STAGE)) == "逾期部分履行"
    assert w.cases_page.new_button.text().startswith("新建案件")
    assert w.file_menu.title().startswith("文件")

    ui_settings.language = LANGUAGE_ENGLISH
    qtbot.waitUntil(lambda: w.nav_item("cases").text() == "Cases")
    assert model.headerData(COL_CASE_NUMBER, Qt.Orientation.Horizontal) == "Case number"


def test_the_compiled_translation_loads_and_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "i18n" / "courtapp_zh_CN.qm"))
    assert translator.translate("MainWindow", "Cases") == "案件"
    assert translator.translate("CaseTableModel", "Outstanding (CNY)") == "未履行金额（元）"


# ------------------------------------------------------------------ run_gui
def test_run_gui_opens_the_demo_window_and_returns_when_it_closes(
        qtbot: QtBot, cases_db: AppContext, judge: Actor) -> None:
    seen: list[str] = []

    def close_main_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(10, close_main_window)
            return
        seen.append(windows[0].windowTitle())
        windows[0].close()

    QTimer.singleShot(0, close_main_window)
    assert run_gui(cases_db, lang="en", demo_actor=judge) == 0
    assert seen and "DEMO" in seen[0]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    from courtapp.ui.app import system_chinese_families

    # The bundled UI font only where the system has no Chinese font
    # (tests/gui/test_crash_and_fonts.py checks both cases).
    if not system_chinese_families():
        assert app.font().family() == "WenQuanYi Micro Hei"


def test_ctrl_f_focuses_a_search_box_on_every_page(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    """Issue 12 §7: the page's own search, or the case search for a page without one."""
    w = make_window(qtbot, cases_db, judge, tasks, ui_settings)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert w.cases_page is not None and w.counter_page is not None
    for page in ("today", "listings", "notices", "reports"):
        w.show_page(page)
        qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert w.current_page() == "cases"
        qtbot.waitUntil(lambda: QApplication.focusWidget() is w.cases_page.search_edit)
    w.show_page("counter")
    assert w.counter_page.intake is not None
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.current_page() == "counter"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.counter_page.intake.search)


def test_recent_cases_are_on_the_file_menu_per_user(
        qtbot: QtBot, cases_db: AppContext, judge: Actor, clerk: Actor, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    from courtapp.ui.case_form import CaseFormDialog

    w = make_window(qtbot, cases_db, judge, tasks, ui_settings)
    assert not w.recent_menu.isEnabled()  # nothing opened yet
    w.show_page("cases")
    page = w.cases_page
    assert page is not None
    qtbot.waitUntil(lambda: page.model.rowCount() > 1, timeout=10_000)
    page.table.selectRow(1)
    summary = page.selected_summary()
    assert summary is not None
    with qtbot.waitSignal(page.case_opened):
        page.open_case(summary.id)
    assert ui_settings.recent_cases[0] == (summary.id, summary.case_number)
    for dlg in QApplication.topLevelWidgets():
        if isinstance(dlg, CaseFormDialog):
            dlg.close()
    w._fill_recent()
    [action] = w.recent_menu.actions()
    assert action.text() == f"&1 {summary.case_number}" and w.recent_menu.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(d, CaseFormDialog) and d.isVisible()
                                for d in QApplication.topLevelWidgets()))
    # another user at the same computer has their own list
    other = make_window(qtbot, cases_db, clerk, tasks, ui_settings)
    assert other.recent_menu.actions() == []


def test_a_result_delivered_after_shutdown_may_ask_for_more_work_without_a_crash(
        qtbot: QtBot) -> None:
    """The case list asks for its count when its first page arrives; at closing time
    that page may arrive after the runner shut down (a RuntimeError before)."""
    runner = TaskRunner()
    runner.shutdown()
    later = runner.run_db(lambda: 1, on_done=lambda _v: pytest.fail("ran after shutdown"))
    assert later.cancelled() and runner.pending == 0
    del runner
