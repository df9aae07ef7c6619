"""The main window: navigation on the left, the pages on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

import courtapp
from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Permission
from courtapp.ui.audit import AuditPage
from courtapp.ui.case_list import CasesPage
from courtapp.ui.counter import CounterPage, TodayPage
from courtapp.ui.documents import DocumentsPage, VerifyDialog
from courtapp.ui.documents.widgets import keep_while_alive
from courtapp.ui.errors import describe
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, roles_text
from courtapp.ui.listing import DecisionsPage
from courtapp.ui.pages import AdminPage, PlaceholderPage, SettingsDialog
from courtapp.ui.reports import PublicListPage, ReportsPage
from courtapp.ui.settings import UiSettings
from courtapp.ui.tasks import TaskRunner

#: Navigation: page key, label, and the permissions of which any one shows the page.
PAGES: tuple[tuple[str, str, frozenset[Permission]], ...] = (
    ("today", QT_TRANSLATE_NOOP("MainWindow", "Today"), frozenset({Permission.CASE_VIEW})),
    ("cases", QT_TRANSLATE_NOOP("MainWindow", "Cases"), frozenset({Permission.CASE_VIEW})),
    ("listings", QT_TRANSLATE_NOOP("MainWindow", "Listings"), frozenset({Permission.CASE_VIEW})),
    ("notices", QT_TRANSLATE_NOOP("MainWindow", "Documents"), frozenset({Permission.CASE_VIEW})),
    ("counter", QT_TRANSLATE_NOOP("MainWindow", "Service counter"),
     frozenset({Permission.CASE_VIEW})),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), frozenset({Permission.CASE_VIEW})),
    ("public", QT_TRANSLATE_NOOP("MainWindow", "Public list"), frozenset({Permission.CASE_VIEW})),
    ("admin", QT_TRANSLATE_NOOP("MainWindow", "Admin"),
     frozenset({Permission.USER_MANAGE, Permission.SETTINGS_EDIT})),
    ("audit", QT_TRANSLATE_NOOP("MainWindow", "Audit"), frozenset({Permission.AUDIT_VIEW})),
)
PAGE_KEYS = tuple(key for key, _, _ in PAGES)


class MainWindow(Retranslating, QMainWindow):
    """Navigation list, pages, menus and a status bar naming the user and database.

    Geometry, splitter position and the last page are remembered in ``settings``.
    """

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, settings: UiSettings,
                 *, demo: bool = False, run_daily: bool = True,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._settings = settings
        settings.set_user(actor.username)  # the window, pages and columns are this user's
        self._demo = demo
        self.setObjectName("MainWindow")

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setUniformItemSizes(True)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 7px 10px; }")
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}
        self.cases_page: CasesPage | None = None
        self.decisions_page: DecisionsPage | None = None
        self.documents_page: DocumentsPage | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.today_page: TodayPage | None = None
        self.counter_page: CounterPage | None = None
        self.admin_page: AdminPage | None = None
        self.reports_page: ReportsPage | None = None
        self.public_page: PublicListPage | None = None
        self.audit_page: AuditPage | None = None
        for key, _label, needs in PAGES:
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
            allowed = any(actor.can(p) for p in needs)
            item.setHidden(not allowed)
            if not allowed:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            page = self._make_page(key) if allowed else QWidget(self)
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            self.stack.addWidget(page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

        self._user_label = QLabel(self)
        self._db_label = QLabel(self)
        self._busy_label = QLabel(self)
        self._db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self._user_label)
        self.statusBar().addPermanentWidget(self._busy_label)
        self.statusBar().addPermanentWidget(self._db_label)
        self._build_menus()

        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._on_page_changed)
        tasks.busy_changed.connect(self._on_busy_changed)
        tasks.failed.connect(self._on_task_failed)

        self.retranslateUi()
        self.splitter.setSizes([self.nav.minimumWidth(), 1000])
        self.resize(1280, 800)
        self._restore_tables()
        self._restore_state()
        if run_daily:
            self.start_daily_run()

    # ------------------------------------------------------------ pages
    def start_daily_run(self) -> bool:
        """The daily run at start-up, off the GUI thread; only for those the
        service allows (it publishes listings: ``LISTING_PUBLISH``)."""
        if not self._actor.can(Permission.LISTING_PUBLISH):
            return False
        from courtapp.core.services import daily

        ctx, actor, today = self._ctx, self._actor, self._clock()
        self._tasks.run_db(lambda: daily.run_daily(ctx.uow(), actor, today),
                           on_done=self._on_daily_done, on_error=self._on_task_failed, owner=self)
        return True

    def _on_daily_done(self, summary: object) -> None:
        from courtapp.core.services.daily import DailySummary

        assert isinstance(summary, DailySummary)
        if self.today_page is not None:
            self.today_page.set_summary(summary)
        if self.admin_page is not None and self.admin_page.daily is not None:
            self.admin_page.daily.show_summary(summary)

    def open_target(self, key: str, ref: object = None) -> bool:
        """Open what a Today item concerns: a page, a counter tab, a petition."""
        if key.startswith("counter:"):
            if not self.show_page("counter") or self.counter_page is None:
                return False
            tab = key.split(":", 1)[1]
            ok = self.counter_page.show_tab(tab)
            queue = self.counter_page.queue
            if ok and tab == "queue" and queue is not None and isinstance(ref, int | str):
                target = ref

                def select(_n: int) -> None:
                    queue.loaded.disconnect(select)
                    queue.select_petition(target)

                queue.loaded.connect(select)
            return ok
        return self.show_page(key)

    def _make_page(self, key: str) -> QWidget:
        if key == "today":
            self.today_page = TodayPage(self._ctx, self._actor, self._tasks, clock=self._clock,
                                        parent=self)
            self.today_page.open_requested.connect(self.open_target)
            return self.today_page
        if key == "counter":
            self.counter_page = CounterPage(self._ctx, self._actor, self._tasks, clock=self._clock,
                                            parent=self)
            return self.counter_page
        if key == "cases":
            self.cases_page = CasesPage(self._ctx, self._actor, self._tasks,
                                        settings=self._settings, parent=self)
            self.cases_page.case_opened.connect(self._settings.add_recent_case)
            return self.cases_page
        if key == "listings":
            self.decisions_page = DecisionsPage(self._ctx, self._actor, self._tasks, parent=self)
            return self.decisions_page
        if key == "notices":
            self.documents_page = DocumentsPage(self._ctx, self._actor, self._tasks, parent=self)
            return self.documents_page
        if key == "reports":
            self.reports_page = ReportsPage(self._ctx, self._actor, self._tasks, clock=self._clock,
                                            parent=self)
            return self.reports_page
        if key == "public":
            self.public_page = PublicListPage(self._ctx, self._actor, self._tasks, clock=self._clock,
                                              parent=self)
            return self.public_page
        if key == "admin":
            self.admin_page = AdminPage(self._ctx, self._actor, self._tasks, clock=self._clock,
                                        parent=self)
            if self.admin_page.daily is not None:
                self.admin_page.daily.finished.connect(
                    lambda s: self.today_page.set_summary(s) if self.today_page else None)
            return self.admin_page
        if key == "audit":
            self.audit_page = AuditPage(self._ctx, self._actor, self._tasks, parent=self)
            return self.audit_page
        return PlaceholderPage(key, parent=self)

    def _on_page_changed(self, row: int) -> None:
        """The Decisions and Documents pages offer the case selected on the Cases page."""
        key = PAGE_KEYS[row] if 0 <= row < len(PAGE_KEYS) else ""
        if key == "today" and self.today_page is not None and self.today_page.data is not None:
            self.today_page.reload()
        page = {"listings": self.decisions_page, "notices": self.documents_page}.get(key)
        if page is None or self.cases_page is None:
            return
        summary = self.cases_page.selected_summary()
        if summary is None:
            page.set_case(None)
        else:
            page.set_case(summary.id, summary.case_number)

    def nav_item(self, key: str) -> QListWidgetItem:
        return self.nav.item(PAGE_KEYS.index(key))

    def is_page_available(self, key: str) -> bool:
        item = self.nav_item(key)
        return not item.isHidden() and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def current_page(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_page(self, key: str) -> bool:
        """Switch to a page; False if the actor may not see it."""
        if key not in PAGE_KEYS or not self.is_page_available(key):
            return False
        self.nav.setCurrentRow(PAGE_KEYS.index(key))
        return True

    # ------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recent_cases")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        self.find_action = QAction(self)
        self.find_action.setObjectName("find")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)
        self.file_menu.addAction(self.find_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.tools_menu = self.menuBar().addMenu("")
        self.verify_action = QAction(self)
        self.verify_action.setObjectName("verify_document")
        self.verify_action.triggered.connect(self.open_verify)
        self.verify_action.setEnabled(self._actor.can(Permission.CASE_VIEW))
        self.tools_menu.addAction(self.verify_action)

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _fill_recent(self) -> None:
        """File → Recent cases: the cases this user opened last (issue 12 §7)."""
        self.recent_menu.clear()
        recent = self._settings.recent_cases
        for n, (cid, number) in enumerate(recent, 1):
            act = self.recent_menu.addAction(f"&{n} {number or cid}")
            act.setData(cid)
            act.triggered.connect(lambda _=False, cid=cid: self.open_recent(cid))
        self.recent_menu.setEnabled(bool(recent) and self.is_page_available("cases"))

    def open_recent(self, case_id: int) -> bool:
        if not self.show_page("cases") or self.cases_page is None:
            return False
        self.cases_page.open_case(case_id)
        return True

    def focus_search(self) -> QWidget | None:
        """Ctrl+F on any page: the page's own search box, else the case search."""
        own: dict[str, QWidget | None] = {
            "cases": self.cases_page.search_edit if self.cases_page else None,
            "public": self.public_page.search_box if self.public_page else None,
        }
        if self.counter_page is not None and self.counter_page.intake is not None:
            own["counter"] = self.counter_page.intake.search
        target = own.get(self.current_page())
        if target is None or not target.isVisible():
            if not self.show_page("cases") or self.cases_page is None:
                return None
            target = self.cases_page.search_edit
        if self.current_page() == "counter" and self.counter_page is not None:
            self.counter_page.show_tab("intake")
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()
        return target

    def open_settings(self) -> SettingsDialog:
        dlg = SettingsDialog(self._settings, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def open_verify(self) -> VerifyDialog:
        """Tools → Verify a document…: a QR text or a PDF, checked offline."""
        if self.verify_dialog is not None:
            self.verify_dialog.raise_()
            self.verify_dialog.activateWindow()
            return self.verify_dialog
        dlg = VerifyDialog(self._ctx, self._actor, self._tasks, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        keep_while_alive(self, "verify_dialog", dlg)
        dlg.show()
        return dlg

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About courtapp"), self.tr(
            "<h3>courtapp %1</h3>"
            "<p>Case management for enforcement courts: the registry of enforcement cases, "
            "the list of dishonest judgment defaulters and consumption restrictions.</p>"
            "<p>Database: %2</p>").replace("%1", courtapp.__version__)
            .replace("%2", self._ctx.safe_url))

    # ----------------------------------------------------------- texts
    def retranslateUi(self) -> None:
        title = self.tr("courtapp – enforcement cases")
        if self._demo:
            title = self.tr("DEMO – sample data, not real cases") + " – " + title
        self.setWindowTitle(title)
        for i, (_key, label, _needs) in enumerate(PAGES):
            self.nav.item(i).setText(QCoreApplication.translate("MainWindow", label))
        # Wide enough for the longest label in this language (item padding included).
        self.nav.setMinimumWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8)
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.recent_menu.setTitle(self.tr("&Recent cases"))
        self.find_action.setText(self.tr("&Find…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.verify_action.setText(self.tr("&Verify a document…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About courtapp"))
        a = self._actor
        who = f"{a.display_name} ({a.username})" if a.display_name else a.username
        self._user_label.setText(self.tr("Logged in: %1 · Roles: %2")
                                 .replace("%1", who).replace("%2", roles_text(a.roles) or "–"))
        self._db_label.setText(self.tr("Database: %1").replace("%1", self._ctx.safe_url))
        self._on_busy_changed(self._tasks.pending > 0)

    def _on_busy_changed(self, busy: bool) -> None:
        self._busy_label.setText(self.tr("Working…") if busy else "")

    def _on_task_failed(self, exc: object) -> None:
        text = describe(exc) if isinstance(exc, BaseException) else str(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Error"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ------------------------------------------------------------ state
    def _restore_state(self) -> None:
        s = self._settings
        if not s.geometry.isEmpty():
            self.restoreGeometry(s.geometry)
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        if not s.splitter_state.isEmpty():
            self.splitter.restoreState(s.splitter_state)
        # A first launch: a desk lands on Today; the demo shows its cases first,
        # so a newcomer sees the registry at once.
        if not self.show_page(s.last_page) and not (self._demo and self.show_page("cases")):
            self.show_page(next((k for k in PAGE_KEYS if self.is_page_available(k)), ""))

    def tables(self) -> dict[str, QTableView]:
        """The lists whose column widths and sort order each user keeps (issue 12 §8)."""
        out: dict[str, QTableView] = {}
        if self.decisions_page is not None:
            out["listings"] = self.decisions_page.table
        if self.documents_page is not None:
            out["documents"] = self.documents_page.table
        if self.counter_page is not None:
            if self.counter_page.queue is not None:
                out["petitions"] = self.counter_page.queue.table
            out["dispatch"] = self.counter_page.ledger.table
        if self.public_page is not None:
            out["public"] = self.public_page.table
        return out

    def _restore_tables(self) -> None:
        for name, table in self.tables().items():
            state = self._settings.table_state(name)
            if not state.isEmpty():
                table.horizontalHeader().restoreState(state)

    def save_state(self) -> None:
        s = self._settings
        for name, table in self.tables().items():
            s.set_table_state(name, table.horizontalHeader().saveState())
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.splitter_state = self.splitter.saveState()
        s.last_page = self.current_page()
        if self.cases_page is not None:
            self.cases_page.save_state()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
