"""Logging in, and the user form the first-run wizard and the Admin page share.

Password checks (argon2) and every database call run on the database
thread through the :class:`~courtapp.ui.tasks.TaskRunner`; the dialogs only
show the result.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.errors import (
    AccountLocked,
    AuthenticationFailed,
    FieldError,
)
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import auth
from courtapp.ui.errors import describe
from courtapp.ui.i18n import Retranslating, role_label, ui_language
from courtapp.ui.tasks import TaskRunner

ERROR_STYLE = "color: #b00020;"


def error_label(parent: QWidget) -> QLabel:
    """A red, word-wrapped label for a message under a field; hidden while empty."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def set_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _with_error(field: QWidget, error: QLabel) -> QWidget:
    """The field with its error line right below it."""
    box = QWidget(field.parentWidget())
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(error)
    return box


class UserForm(Retranslating, QWidget):
    """User name, display name, password twice and (optionally) roles, with an
    error line under each field for the core's ``FieldError`` paths."""

    def __init__(self, *, with_roles: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.display_name = QLineEdit(self)
        self.display_name.setMaxLength(100)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_boxes: dict[Role, QCheckBox] = {}

        rows: list[tuple[str, QWidget]] = [
            ("username", self.username), ("display_name", self.display_name),
            ("password", self.password), ("password_again", self.password_again)]
        if with_roles:
            box = QWidget(self)
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            for i, role in enumerate(Role):
                cb = QCheckBox(box)
                self.role_boxes[role] = cb
                grid.addWidget(cb, i // 2, i % 2)
            rows.append(("roles", box))
        #: Error line per field path; "" takes the messages no field claims.
        self.errors: dict[str, QLabel] = {name: error_label(self) for name, _ in rows}
        self.errors[""] = error_label(self)
        self._labels: dict[str, QLabel] = {name: QLabel(self) for name, _ in rows}

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for name, widget in rows:
            self._labels[name].setBuddy(widget)
            form.addRow(self._labels[name], _with_error(widget, self.errors[name]))
        form.addRow(self.errors[""])
        self.retranslateUi()

    def retranslateUi(self) -> None:
        texts = {
            "username": self.tr("&User name:"),
            "display_name": self.tr("&Display name:"),
            "password": self.tr("&Password:"),
            "password_again": self.tr("&Repeat password:"),
            "roles": self.tr("Roles:"),
        }
        for name, label in self._labels.items():
            label.setText(texts[name])
        self.username.setPlaceholderText(self.tr("letters, digits, '.' or '_'"))
        self.display_name.setPlaceholderText(self.tr("e.g. 赵敏 (as shown on documents)"))
        self.password.setPlaceholderText(
            self.tr("at least %1 characters").replace("%1", str(auth.MIN_PASSWORD)))
        for role, cb in self.role_boxes.items():
            cb.setText(role_label(role))

    def roles(self) -> set[Role]:
        return {r for r, cb in self.role_boxes.items() if cb.isChecked()}

    def clear_errors(self) -> None:
        for label in self.errors.values():
            set_error(label, "")

    def check_passwords(self) -> bool:
        """Both password fields agree (the core only sees one)."""
        if self.password.text() != self.password_again.text():
            set_error(self.errors["password_again"], self.tr("The two passwords differ."))
            return False
        return True

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        """Each message under its field; anything else at the bottom."""
        lang = ui_language()
        by_field: dict[str, list[str]] = {}
        for e in errors:
            key = e.path if e.path in self.errors else ""
            by_field.setdefault(key, []).append(e.message(lang))
        for key, messages in by_field.items():
            set_error(self.errors[key], "\n".join(messages))
        first = next((w for f, w in (("username", self.username),
                                     ("display_name", self.display_name),
                                     ("password", self.password)) if f in by_field), None)
        if first is not None:
            first.setFocus()
            first.selectAll()

    def set_busy(self, busy: bool) -> None:
        for w in (self.username, self.display_name, self.password, self.password_again,
                  *self.role_boxes.values()):
            w.setEnabled(not busy)


class LoginDialog(Retranslating, QDialog):
    """User name and password.  A wrong password keeps the dialog open with a
    message; on success ``actor`` holds the logged-in user and the dialog accepts."""

    def __init__(self, ctx: AppContext, tasks: TaskRunner, *, username: str = "",
                 locked: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locked = locked
        self._ctx = ctx
        self._tasks = tasks
        self._busy = False
        self.actor: Actor | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label(self)
        self._username_label = QLabel(self)
        self._password_label = QLabel(self)
        self._username_label.setBuddy(self.username)
        self._password_label.setBuddy(self.password)

        self.buttons = QDialogButtonBox(self)
        self.login_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.login_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self._username_label, self.username)
        form.addRow(self._password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._on_login_clicked)
        self.buttons.rejected.connect(self.reject)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Log in – courtapp"))
        self.intro.setText(
            self.tr("This desk was locked because it was not used for a while. Log in to go "
                    "on; another user may log in here too.") if self._locked
            else self.tr("Log in with your court user account."))
        self._username_label.setText(self.tr("&User name:"))
        self._password_label.setText(self.tr("&Password:"))
        self.login_button.setText(self.tr("&Log in"))

    def _on_login_clicked(self) -> None:
        if self._busy:
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            set_error(self.error, self.tr("Enter your user name."))
            self.username.setFocus()
            return
        self._set_busy(True)
        set_error(self.error, "")
        ctx = self._ctx
        self._tasks.run_db(lambda: auth.authenticate(ctx.uow(), username, password),
                           on_done=self._on_authenticated, on_error=self._on_failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.username, self.password, self.login_button):
            w.setEnabled(not busy)
        if busy:
            self.login_button.setText(self.tr("Checking…"))
        else:
            self.login_button.setText(self.tr("&Log in"))

    def _on_authenticated(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, AccountLocked):
            set_error(self.error, self.tr("Too many wrong passwords: this user name is locked "
                                          "for a while. Please try again later."))
        elif isinstance(exc, AuthenticationFailed):
            set_error(self.error, self.tr("Wrong user name or password. Please try again."))
        else:
            set_error(self.error, self.tr("Could not log in: %1").replace("%1", describe(exc)))
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:
        if not self._busy:
            super().reject()
