"""Starting the desktop application: fonts, translators, first run, log-in,
and the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor
from courtapp.core.paths import resources_dir
from courtapp.core.services import auth
from courtapp.ui.i18n import LanguageManager
from courtapp.ui.login import FirstRunDialog, LoginDialog
from courtapp.ui.main_window import MainWindow
from courtapp.ui.settings import APPLICATION, ORGANISATION, UiSettings
from courtapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

FONT_FILE = "wqy-microhei.ttc"


def load_fonts(app: QApplication) -> str | None:
    """Load the bundled CJK font and make it the application font.

    Without it, a machine with no Chinese font shows every Chinese character
    as an empty box.  Returns the family name, or None if the font failed to load.
    """
    path = resources_dir() / "fonts" / FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("could not load the bundled font %s", path)
        return None
    font = QFont(app.font())
    font.setFamilies([families[0], *font.families()])
    app.setFont(font)
    return families[0]


def application() -> QApplication:
    """The QApplication, created once with courtapp's names."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("courtapp")
    return app


class Launcher(QObject):
    """Walks from an empty screen to the main window, without blocking.

    1. a demo actor goes straight to the main window;
    2. otherwise the users are counted (on the database thread); with none,
       the first-run dialog creates the administrator;
    3. the log-in dialog;
    4. the main window.

    Cancelling a dialog quits the application.

    Signals:
        main_window_opened(object): the :class:`MainWindow` now shown.
        dialog_opened(object): the first-run or log-in dialog now shown.
        cancelled(): the user cancelled before logging in.
        failed(str): the database could not be read; the user was told.
    """

    main_window_opened = Signal(object)
    dialog_opened = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, ctx: AppContext, tasks: TaskRunner, settings: UiSettings, *,
                 demo_actor: Actor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._settings = settings
        self._demo_actor = demo_actor
        self.window: MainWindow | None = None
        self.dialog: FirstRunDialog | LoginDialog | None = None

    def start(self) -> None:
        if self._demo_actor is not None:
            self._open_main(self._demo_actor, demo=True)
            return
        ctx = self._ctx
        self._tasks.run_db(lambda: auth.user_count(ctx.uow()), on_done=self._on_user_count,
                           on_error=self._on_startup_failed, owner=self)

    def _on_user_count(self, n: int) -> None:
        if n == 0:
            dlg = FirstRunDialog(self._ctx, self._tasks)
            dlg.accepted.connect(lambda: self._show_login(dlg.created.username if dlg.created else ""))
            dlg.rejected.connect(self.cancelled)
            self._show_dialog(dlg)
        else:
            self._show_login("")

    def _show_login(self, username: str) -> None:
        dlg = LoginDialog(self._ctx, self._tasks, username=username)
        dlg.accepted.connect(lambda: self._open_main(dlg.actor) if dlg.actor else None)
        dlg.rejected.connect(self.cancelled)
        self._show_dialog(dlg)

    def _show_dialog(self, dlg: FirstRunDialog | LoginDialog) -> None:
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
        self.window = MainWindow(self._ctx, actor, self._tasks, self._settings, demo=demo)
        self.window.show()
        self.main_window_opened.emit(self.window)

    def _on_startup_failed(self, exc: BaseException) -> None:
        log.error("cannot open the database: %s", exc)
        QMessageBox.critical(None, "courtapp", QApplication.translate(
            "Launcher", "The database cannot be read: %1").replace("%1", str(exc)))
        self.failed.emit(str(exc))


def run_gui(ctx: AppContext, *, lang: str | None = None, demo_actor: Actor | None = None) -> int:
    """Run the desktop application on ``ctx``; returns the exit code.

    ``lang`` (``en``, ``zh_CN``, ``system``) overrides the saved interface
    language for this session; ``demo_actor`` skips the log-in (demo database).
    """
    app = application()
    load_fonts(app)
    # Owned by this call: when it returns they go, and the translators with them.
    settings = UiSettings()
    languages = LanguageManager(app, settings, override=lang)
    languages.apply()
    tasks = TaskRunner()
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
