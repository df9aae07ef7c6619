"""The pages beside the case list: placeholders for what is still to come,
user administration, and the settings dialog.  (The Listings page is
:class:`courtapp.ui.listing.DecisionsPage`, the Documents page
:class:`courtapp.ui.documents.DocumentsPage`.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.errors import PermissionDenied, ValidationError
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import auth
from courtapp.core.services.auth import UserInfo
from courtapp.ui.errors import describe
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, roles_text
from courtapp.ui.login import UserForm, error_label, set_error
from courtapp.ui.settings import LANGUAGE_CHINESE, LANGUAGE_ENGLISH, LANGUAGE_SYSTEM, UiSettings
from courtapp.ui.tasks import TaskRunner

_PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "reports": (
        QT_TRANSLATE_NOOP("PlaceholderPage", "Reports"),
        QT_TRANSLATE_NOOP(
            "PlaceholderPage",
            "This page will give statistics on cases, listings and performance for a period, "
            "for printing and export."),
    ),
}


class PlaceholderPage(Retranslating, QWidget):
    """Says plainly what a page will do and that it is not available yet."""

    KEYS = tuple(_PLACEHOLDERS)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 48)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.status)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        title, text = _PLACEHOLDERS[self.key]
        self.title.setText(QCoreApplication.translate("PlaceholderPage", title))
        self.status.setText(self.tr("Not available yet."))
        self.text.setText(QCoreApplication.translate("PlaceholderPage", text))


class AdminPage(Retranslating, QWidget):
    """User accounts: the list, and adding a user.  Needs ``USER_MANAGE``
    (the service refuses too).

    Signals:
        users_loaded(int): the user list arrived; how many users.
    """

    users_loaded = Signal(int)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from courtapp.ui.backup_status import BackupSection
        from courtapp.ui.counter.admin import CalendarSection, DailyRunSection

        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._users: list[UserInfo] = []
        self.calendar: CalendarSection | None = None
        self.daily: DailyRunSection | None = None
        self.backup: BackupSection | None = None
        if actor.can(Permission.SETTINGS_EDIT):
            self.calendar = CalendarSection(ctx, actor, tasks, clock=clock, parent=self)
            self.backup = BackupSection(ctx, tasks, parent=self)
        if actor.can(Permission.LISTING_PUBLISH):
            self.daily = DailyRunSection(ctx, actor, tasks, clock=clock, parent=self)
        self.can_manage = actor.can(Permission.USER_MANAGE)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.error = error_label(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        em = self.fontMetrics().horizontalAdvance("M")
        for col, width in enumerate((12 * em, 14 * em, 0, 6 * em)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self)
        self.add_button.setEnabled(self.can_manage)
        self.table.setEnabled(self.can_manage)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for section in (self.backup, self.calendar, self.daily):
            if section is not None:
                layout.addWidget(section)

        self.add_button.clicked.connect(self.add_user)
        self.retranslateUi()
        if self.can_manage:
            self.reload()

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("User accounts"))
        if self.can_manage:
            self.note.setText(self.tr(
                "Each person who works with courtapp has an account; their roles decide what "
                "they may do. The interface language is under File → Settings."))
        else:
            self.note.setText(self.tr("Your roles do not allow managing user accounts."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Display name"), self.tr("Roles"), self.tr("Status")])
        self.add_button.setText(self.tr("&Add user…"))
        self._fill()

    def reload(self) -> None:
        ctx, actor = self._ctx, self._actor
        self._tasks.run_db(lambda: auth.list_users(ctx.uow(), actor),
                           on_done=self._on_users, on_error=self._on_error, owner=self)

    def _on_users(self, users: list[UserInfo]) -> None:
        set_error(self.error, "")
        self._users = users
        self._fill()
        self.users_loaded.emit(len(users))

    def _on_error(self, exc: BaseException) -> None:
        set_error(self.error, self.tr("The user list could not be loaded: %1").replace("%1", describe(exc)))

    def _fill(self) -> None:
        self.table.setRowCount(len(self._users))
        for i, u in enumerate(self._users):
            status = self.tr("Active") if u.active else self.tr("Disabled")
            for col, text in enumerate((u.username, u.display_name, roles_text(u.roles), status)):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def add_user(self) -> None:
        if not self.can_manage:
            return
        dlg = AddUserDialog(self._ctx, self._actor, self._tasks, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self.reload)
        dlg.open()


class AddUserDialog(Retranslating, QDialog):
    """A new user account with its roles.  On success ``created`` holds it."""

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._busy = False
        self.created: UserInfo | None = None
        self.form = UserForm(with_roles=True, parent=self)
        self.buttons = QDialogButtonBox(self)
        self.add_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.add_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self.buttons.accepted.connect(self._on_add_clicked)
        self.buttons.rejected.connect(self.reject)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Add user"))
        self.add_button.setText(self.tr("&Add user"))

    def _on_add_clicked(self) -> None:
        if self._busy:
            return
        self.form.clear_errors()
        if not self.form.check_passwords():
            return
        f = self.form
        username, display, password, roles = (
            f.username.text().strip(), f.display_name.text(), f.password.text(), f.roles())
        ctx, actor = self._ctx, self._actor
        self._set_busy(True)
        self._tasks.run_db(
            lambda: auth.add_user(ctx.uow(), actor, username, display, password, roles),
            on_done=self._on_added, on_error=self._on_failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.form.set_busy(busy)
        self.add_button.setEnabled(not busy)

    def _on_added(self, info: UserInfo) -> None:
        self._set_busy(False)
        self.created = info
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.form.show_errors(exc.errors)
        elif isinstance(exc, PermissionDenied):
            set_error(self.form.errors[""], self.tr("Your roles do not allow adding users."))
        else:
            set_error(self.form.errors[""],
                      self.tr("The user could not be added: %1").replace("%1", describe(exc)))

    def reject(self) -> None:
        if not self._busy:
            super().reject()


class SettingsDialog(Retranslating, QDialog):
    """Personal interface settings (stored on this computer for this user)."""

    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.language = QComboBox(self)
        # Each language is named in itself, so that anyone can find their own.
        self.language.addItem("", LANGUAGE_SYSTEM)
        self.language.addItem("English", LANGUAGE_ENGLISH)
        self.language.addItem("简体中文", LANGUAGE_CHINESE)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._language_label = QLabel(self)
        self._language_label.setBuddy(self.language)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form = QFormLayout()
        form.addRow(self._language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_label.setText(self.tr("Interface &language:"))
        self.language.setItemText(0, self.tr("System default"))
        self.note.setText(self.tr("The interface switches language at once."))

    def accept(self) -> None:
        self._settings.language = self.language.currentData()
        super().accept()
