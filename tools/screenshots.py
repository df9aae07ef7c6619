"""Screenshots of the main screens in Chinese for docs/user-guide.md.

Run under a real X display (Xvfb), so that the pictures are what a clerk sees:

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 .venv/bin/python tools/screenshots.py

It builds a demo database in a temporary directory, opens the app in Chinese
and saves each screen with ``QWidget.grab()`` into ``docs/images/``.  Look at
every picture before committing it.

    .venv/bin/python tools/screenshots.py --today     # offscreen is enough

takes only the Today page of each role (``docs/images/today-<role>-zh.png``), each
logged in as that role's demo account after ``courtapp demo`` (1,000 cases), the
administrator's after the daily run at login.  Offscreen, the bundled CJK fonts
are what Qt draws with (``load_fonts``), so Chinese renders without system fonts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"


def today_per_role() -> int:
    """Today of each role's demo account, in Chinese, after ``courtapp demo``."""
    tmp = Path(tempfile.mkdtemp(prefix="courtapp-today-"))
    os.environ["COURTAPP_DATA_DIR"] = str(tmp)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    url = f"sqlite+pysqlite:///{tmp / 'demo.sqlite'}"

    from courtapp.cli import main as cli

    if cli(["--database", url, "demo"]) != 0:
        return 1
    from PySide6.QtCore import QSettings, QTimer

    from courtapp.core.context import open_database
    from courtapp.core.services import auth
    from courtapp.ui.app import application, load_fonts
    from courtapp.ui.i18n import LanguageManager
    from courtapp.ui.main_window import MainWindow
    from courtapp.ui.settings import LANGUAGE_CHINESE, UiSettings
    from courtapp.ui.tasks import TaskRunner

    app = application()
    load_fonts(app)
    tasks = TaskRunner()
    ctx = open_database(url)
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 1.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or tasks.pending:
            app.processEvents()
            time.sleep(0.02)

    for username in ("judge", "president", "clerk", "counter", "admin", "auditor"):
        actor = auth.authenticate(ctx.uow(), username, "demo-password")
        settings = UiSettings(QSettings(str(tmp / f"ui-{username}.ini"), QSettings.Format.IniFormat))
        languages = LanguageManager(app, settings, override=LANGUAGE_CHINESE)
        languages.apply()
        window = MainWindow(ctx, actor, tasks, settings, run_daily=True)
        window.resize(1280, 760)
        window.show()
        window.show_page("today")
        settle()
        role = "administrator" if username == "admin" else username
        path = OUT / f"today-{role}-zh.png"
        window.grab().save(str(path))
        page = window.today_page
        counts = {c.key: c.count for c in page.data.counts} if page and page.data else {}
        print(f"docs/images/{path.name}: {counts}")
        window.close()
        window.deleteLater()
        settle(0.2)

    QTimer.singleShot(0, app.quit)
    app.exec()
    tasks.shutdown()
    ctx.engine.dispose()
    return 0


def main() -> int:
    if "--today" in sys.argv[1:]:
        return today_per_role()
    tmp = Path(tempfile.mkdtemp(prefix="courtapp-shots-"))
    os.environ["COURTAPP_DATA_DIR"] = str(tmp)
    url = f"sqlite+pysqlite:///{tmp / 'demo.sqlite'}"

    from courtapp.cli import main as cli

    if cli(["--database", url, "demo", "--cases", "300"]) != 0:
        return 1
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QWidget

    from courtapp.core.context import open_database
    from courtapp.core.domain.roles import Actor, Role
    from courtapp.core.services import auth
    from courtapp.ui.app import application, load_fonts
    from courtapp.ui.i18n import LanguageManager
    from courtapp.ui.login import LoginDialog
    from courtapp.ui.main_window import MainWindow
    from courtapp.ui.settings import LANGUAGE_CHINESE, UiSettings
    from courtapp.ui.setup_wizard import PAGE_DATABASE, SetupWizard
    from courtapp.ui.tasks import TaskRunner

    app = application()
    load_fonts(app)
    settings = UiSettings(QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
    languages = LanguageManager(app, settings, override=LANGUAGE_CHINESE)
    languages.apply()
    tasks = TaskRunner()
    ctx = open_database(url)
    judge = auth.authenticate(ctx.uow(), "judge", "demo-password")
    actor = Actor(judge.username, frozenset({Role.JUDGE, Role.ADMIN}), judge.user_id,
                  judge.display_name)
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 1.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or tasks.pending:
            app.processEvents()
            time.sleep(0.02)

    def shot(widget: QWidget, name: str) -> None:
        widget.grab().save(str(OUT / f"{name}.png"))
        print(f"docs/images/{name}.png")

    window = MainWindow(ctx, actor, tasks, settings, run_daily=True)
    window.resize(1280, 760)
    window.show()
    for key, name in (("today", "today"), ("cases", "cases"), ("listings", "listings"),
                      ("notices", "documents"), ("counter", "counter"), ("admin", "admin")):
        window.show_page(key)
        settle()
        shot(window, f"main-{name}")
    window.show_page("cases")
    assert window.cases_page is not None
    window.cases_page.table.selectRow(0)
    window.cases_page.open_case(window.cases_page.selected_case_id())
    settle(2.5)
    from courtapp.ui.case_form import CaseFormDialog

    form = next(w for w in app.topLevelWidgets() if isinstance(w, CaseFormDialog) and w.isVisible())
    shot(form, "case-form")
    form.close()
    window.close()

    login = LoginDialog(ctx, tasks, username="judge")
    login.show()
    settle(0.5)
    shot(login, "login")
    login.close()

    wizard = SetupWizard(tasks)
    wizard.resize(760, 560)
    wizard.show()
    wizard.court_page.name.setText("北京市朝阳区人民法院")
    wizard.court_page.code.setText("京0105")
    settle(0.5)
    shot(wizard, "wizard-court")
    wizard.next()
    page = wizard.database_page
    page.server.setChecked(True)
    page.host.setText("db.court.local")
    page.dbname.setText("courtapp")
    page.user.setText("courtapp")
    page.password.setText("********")
    page.status.setText("")
    settle(0.5)
    assert wizard.currentId() == PAGE_DATABASE
    shot(wizard, "wizard-database")
    wizard.close()

    QTimer.singleShot(0, app.quit)
    app.exec()
    tasks.shutdown()
    ctx.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
