"""Starting the desktop application: fonts, translators, the crash handler,
the first-run wizard, log-in, and the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QLocale, QObject, QSettings, Signal
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox
from shiboken6 import Shiboken

from courtapp.core.context import AppContext, open_database
from courtapp.core.domain.roles import Actor
from courtapp.core.paths import resources_dir
from courtapp.core.services import auth, documents
from courtapp.ui.crash import CrashHandler
from courtapp.ui.i18n import LanguageManager
from courtapp.ui.idle import IdleWatcher
from courtapp.ui.login import LoginDialog
from courtapp.ui.main_window import MainWindow
from courtapp.ui.settings import APPLICATION, LANGUAGE_CHINESE, ORGANISATION, UiSettings
from courtapp.ui.setup_wizard import SetupWizard
from courtapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

FONT_FILE = "wqy-microhei.ttc"
ICON_FILE = "courtapp.svg"
#: Families this process added itself (not the system's).
_bundled_families: set[str] = set()


def system_chinese_families() -> list[str]:
    """Installed font families that cover Simplified Chinese (ours excluded)."""
    return [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
            if f not in _bundled_families]


def load_fonts(app: QApplication, *, system_families: Sequence[str] | None = None) -> str | None:
    """Use the bundled CJK font only when the system has no Chinese font.

    Without any, a machine shows every Chinese character as an empty box; with
    one, the system's own (and the user's choice of size) is better.  Returns
    the bundled family name when it was loaded and made the application font,
    else None.  ``system_families`` stands in for the installed ones in tests.
    """
    found = system_chinese_families() if system_families is None else list(system_families)
    if found:
        log.info("using the system's Chinese fonts (%d families)", len(found))
        return None
    path = resources_dir() / "fonts" / FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("could not load the bundled font %s", path)
        return None
    _bundled_families.update(families)
    font = QFont(app.font())
    font.setFamilies([families[0], *font.families()])
    app.setFont(font)
    log.info("no Chinese font on this system: using the bundled one")
    return families[0]


def utf8_ctype(environ: MutableMapping[str, str] | None = None) -> bool:
    """Give Qt a UTF-8 character type when the system's locale is missing or not
    UTF-8 (a desk without a zh_CN locale): otherwise Qt prints "Detected locale
    … which is not UTF-8" on every start.  Only the character type changes: the
    language stays what ``LC_ALL``/``LANG`` named (moved to ``LANG`` when it came
    from ``LC_ALL``, which would hide ``LC_CTYPE``), so a Chinese desk still opens
    in Chinese.  True if it changed the environment."""
    import contextlib
    import locale

    env: MutableMapping[str, str] = os.environ if environ is None else environ
    wanted = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or ""
    try:
        locale.setlocale(locale.LC_CTYPE, wanted)
        ok = locale.nl_langinfo(locale.CODESET).upper().replace("-", "") == "UTF8"
    except locale.Error:
        ok = False
    if ok:
        return False
    if "LC_ALL" in env:
        env["LANG"] = env.pop("LC_ALL")
    env["LC_CTYPE"] = "C.UTF-8"
    with contextlib.suppress(locale.Error):
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    return True


def application() -> QApplication:
    """The QApplication, created once with courtapp's names and icon."""
    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        utf8_ctype()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("courtapp")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / ICON_FILE)))
    app.setDesktopFileName("courtapp")
    return app


def startup_error(text: str) -> None:
    """A problem before any window: one message box (and the log)."""
    log.error("start-up failed")
    application()
    QMessageBox.critical(None, "courtapp", text)


def ask_database_password(user: str, database: str, host: str) -> str | None:
    """Ask for the database password (a desk set up not to remember it); None if cancelled."""
    application()
    password, ok = QInputDialog.getText(
        None, "courtapp", QApplication.translate("Launcher", "Password of %1 for the database %2 "
                                                 "on %3:").replace("%1", user)
        .replace("%2", database).replace("%3", host),
        QLineEdit.EchoMode.Password)
    return password if ok else None


class Launcher(QObject):
    """Walks from an empty screen to the main window, without blocking.

    1. a demo actor goes straight to the main window;
    2. without a database (a desk not set up yet) the first-run wizard sets
       one up; otherwise the users are counted (on the database thread), and
       with none the wizard runs on that database (without its database page);
    3. the log-in dialog;
    4. the main window.

    Cancelling a dialog quits the application.

    Signals:
        main_window_opened(object): the :class:`MainWindow` now shown.
        dialog_opened(object): the set-up wizard or the log-in dialog now shown.
        cancelled(): the user cancelled before logging in.
        failed(str): the database could not be read; the user was told.
    """

    main_window_opened = Signal(object)
    dialog_opened = Signal(object)
    #: The desk locked itself after ``desk.idle_lock_minutes`` without input.
    locked = Signal()
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, ctx: AppContext | None, tasks: TaskRunner, settings: UiSettings, *,
                 demo_actor: Actor | None = None, idle_ms: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle_ms = idle_ms  # a fixed idle time (tests); else the court's setting
        self._ctx = ctx
        self._tasks = tasks
        self._settings = settings
        self._demo_actor = demo_actor
        self.window: MainWindow | None = None
        self.dialog: SetupWizard | LoginDialog | None = None
        self.actor: Actor | None = None
        #: Locks the desk after a while without input (not on the demo database).
        self.idle = IdleWatcher(idle_ms or 10 * 60_000, self)
        self.idle.idle.connect(self.lock)

    @property
    def ctx(self) -> AppContext | None:
        return self._ctx

    def start(self) -> None:
        if self._demo_actor is not None:
            self._open_main(self._demo_actor, demo=True)
            return
        ctx = self._ctx
        if ctx is None:
            self._show_wizard(None)
            return
        self._tasks.run_db(lambda: auth.user_count(ctx.uow()), on_done=self._on_user_count,
                           on_error=self._on_startup_failed, owner=self)

    def _on_user_count(self, n: int) -> None:
        if n == 0:
            self._show_wizard(self._ctx)
        else:
            self._show_login("")

    def _show_wizard(self, ctx: AppContext | None) -> None:
        wizard = SetupWizard(self._tasks, database=ctx)
        wizard.set_up.connect(self._on_set_up)
        wizard.rejected.connect(self.cancelled)
        self._show_dialog(wizard)

    def _on_set_up(self, result: object) -> None:
        from courtapp.core.setup import SetupResult

        assert isinstance(result, SetupResult)
        if self._ctx is not None:
            self._show_login(result.admin_username)
            return
        url = result.session_url
        self._tasks.run_db(lambda: open_database(url), on_done=lambda ctx: self._on_opened(
            ctx, result.admin_username), on_error=self._on_startup_failed, owner=self)

    def _on_opened(self, ctx: AppContext, username: str) -> None:
        self._ctx = ctx
        self._tasks.watch_changes(ctx.take_changes)
        self._show_login(username)

    def _show_login(self, username: str) -> None:
        assert self._ctx is not None
        dlg = LoginDialog(self._ctx, self._tasks, username=username)
        dlg.accepted.connect(lambda: self._open_main(dlg.actor) if dlg.actor else None)
        dlg.rejected.connect(self.cancelled)
        self._show_dialog(dlg)

    def _show_dialog(self, dlg: SetupWizard | LoginDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dlg
        dlg.show()
        dlg.raise_()
        dlg.activateWindow()
        self.dialog_opened.emit(dlg)

    def _open_main(self, actor: Actor, *, demo: bool = False) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        assert self._ctx is not None
        log.info("main window opened (user id %s)", actor.user_id)
        old, self.actor = self.window, actor
        self.window = MainWindow(self._ctx, actor, self._tasks, self._settings, demo=demo)
        self.window.show()
        if old is not None:  # another user logged in on the locked desk
            old.close()
            old.deleteLater()
        if not demo and self._idle_ms is None:
            ctx = self._ctx
            self._tasks.run_db(lambda: auth.idle_lock_minutes(ctx.uow()),
                               on_done=lambda m: self.idle.set_interval_ms(int(m) * 60_000),
                               owner=self)
        if not demo:
            self.idle.restart()
        self._warm_up(self._ctx)
        self.main_window_opened.emit(self.window)

    def _warm_up(self, ctx: AppContext) -> None:
        """No cold start on the first document (issue 12 §3): the fonts, templates and
        key load on a worker thread, the register's reads on the database thread
        (queued after the screens' first loads)."""
        self._tasks.run_cpu(documents.warm_up, owner=self)
        self._tasks.run_db(lambda: documents.warm_up_database(ctx.uow()), owner=self)

    def lock(self) -> None:
        """Hide the main window and ask for a log-in (issue 10 §3): the same user
        gets the window back as it was, another user a window of their own."""
        if self.window is None or self._ctx is None or isinstance(self.dialog, LoginDialog):
            return
        log.info("desk locked after %s ms without input", self.idle.interval_ms())
        self.idle.stop()
        self.window.hide()
        dlg = LoginDialog(self._ctx, self._tasks, locked=True)
        dlg.accepted.connect(lambda: self._unlock(dlg.actor) if dlg.actor else None)
        dlg.rejected.connect(self.cancelled)
        self._show_dialog(dlg)
        self.locked.emit()

    def _unlock(self, actor: Actor) -> None:
        if self.window is not None and self.actor is not None and actor.user_id == self.actor.user_id:
            if self.dialog is not None:
                self.dialog.deleteLater()
                self.dialog = None
            self.actor = actor
            self.window.show()
            self.idle.restart()
            self.main_window_opened.emit(self.window)
            return
        self._open_main(actor)

    def _on_startup_failed(self, exc: BaseException) -> None:
        log.error("cannot open the database: %s", exc)
        QMessageBox.critical(None, "courtapp", QApplication.translate(
            "Launcher", "The database cannot be read: %1").replace("%1", str(exc)))
        self.failed.emit(str(exc))


def run_gui(ctx: AppContext | None, *, lang: str | None = None,
            demo_actor: Actor | None = None) -> int:
    """Run the desktop application on ``ctx``; returns the exit code.

    ``ctx`` None: this desk is not set up yet, the wizard comes first.
    ``lang`` (``en``, ``zh_CN``, ``system``) overrides the saved interface
    language for this session; ``demo_actor`` skips the log-in (demo database).
    """
    app = application()
    crashes = CrashHandler(app)
    crashes.install()
    load_fonts(app)
    # Owned by this call: when it returns they go, and the translators with them.
    settings = UiSettings()
    languages = LanguageManager(app, settings, override=lang)
    languages.apply()
    tasks = TaskRunner()
    if ctx is not None:  # else the launcher does, once the wizard has set up the database
        tasks.watch_changes(ctx.take_changes)
    launcher = Launcher(ctx, tasks, settings, demo_actor=demo_actor)
    # Between the dialogs no window is open; only the main window's closing ends the app.
    app.setQuitOnLastWindowClosed(False)
    launcher.main_window_opened.connect(lambda _w: app.setQuitOnLastWindowClosed(True))
    launcher.cancelled.connect(lambda: app.exit(0))
    launcher.failed.connect(lambda _message: app.exit(1))
    launcher.start()
    try:
        return app.exec()
    finally:
        tasks.shutdown()
        settings.sync()
        crashes.uninstall()


def smoke_window(ctx: AppContext, actor: Actor, scratch: Path) -> None:
    """``--smoke-test``: open the main window offscreen, in Chinese, on ``ctx``; wait
    until the case list shows the sample case; close it.  Raises on any failure."""
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = application()
    crashes = CrashHandler(app)
    crashes.install()  # Qt's messages go to the log, not to the terminal
    load_fonts(app)
    settings = UiSettings(QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat))
    locale = QLocale()
    languages = LanguageManager(app, settings, override=LANGUAGE_CHINESE)
    languages.apply()
    tasks = TaskRunner()
    window = MainWindow(ctx, actor, tasks, settings, run_daily=False)
    try:
        window.show()
        window.show_page("cases")
        page = window.cases_page
        if page is None:
            raise RuntimeError("the main window has no case list")
        deadline = QDeadlineTimer(20_000)
        while page.model.rowCount() < 1 and not deadline.hasExpired():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        if page.model.rowCount() < 1:
            raise RuntimeError("the case list did not show the sample case within 20 s")
        if window.nav_item("cases").text() != "案件":
            raise RuntimeError("the Chinese translation is not loaded")
        if not window.grab().width():
            raise RuntimeError("the main window did not render")
    finally:
        window.close()
        tasks.shutdown()
        window.deleteLater()
        app.processEvents()
        Shiboken.delete(languages)  # its translators leave the application with it
        QLocale.setDefault(locale)
        crashes.uninstall()
