"""The first-run wizard: the court, the database, the administrator, the signing key.

It collects the same :class:`~courtapp.core.setup.Answers` that
``courtapp setup --answers FILE`` reads, and applies them with
:func:`courtapp.core.setup.apply` on the database thread.  A PostgreSQL
server must pass the connection test before the wizard goes on.  On a
database that already has accounts (the second desk of a court) the
administrator page asks for an existing administrator instead of creating one.

When the database is fixed already (``--database``, or a configured database
with no accounts), the database page is skipped and no desk configuration is
written.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from courtapp.core import config, paths
from courtapp.core import setup as desk_setup
from courtapp.core.context import AppContext
from courtapp.core.domain.errors import ValidationError
from courtapp.core.domain.identifiers import check_court_code
from courtapp.ui.i18n import Retranslating, ui_language
from courtapp.ui.login import UserForm, error_label, set_error
from courtapp.ui.tasks import TaskRunner

PAGE_COURT, PAGE_DATABASE, PAGE_ADMIN, PAGE_KEY, PAGE_SUMMARY = range(5)
OK_STYLE = "color: #1b5e20;"


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        lay.addWidget(w)
    return box


class CourtPage(Retranslating, QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setMaxLength(100)
        self.code = QLineEdit(self)
        self.code.setMaxLength(8)
        self.error = error_label(self)
        self._name_label, self._code_label = QLabel(self), QLabel(self)
        self._name_label.setBuddy(self.name)
        self._code_label.setBuddy(self.code)
        form = QFormLayout(self)
        form.addRow(self._name_label, self.name)
        form.addRow(self._code_label, self.code)
        form.addRow(self.error)
        self.name.textChanged.connect(self.completeChanged)
        self.code.textChanged.connect(self.completeChanged)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("The court"))
        self.setSubTitle(self.tr("Which court this desk works for. Documents and the register "
                                 "are kept per court."))
        self._name_label.setText(self.tr("Court &name:"))
        self._code_label.setText(self.tr("Court &code:"))
        self.name.setPlaceholderText(self.tr("e.g. 北京市朝阳区人民法院"))
        self.code.setPlaceholderText(self.tr("e.g. 京0105 (as in case numbers)"))

    def isComplete(self) -> bool:
        return bool(self.name.text().strip() and self.code.text().strip())

    def validatePage(self) -> bool:
        try:
            check_court_code(self.code.text())
        except ValueError:
            set_error(self.error, self.tr(
                "A court code is 最高法, a province abbreviation, or one followed by 2 or 4 "
                "digits, e.g. 京0105."))
            self.code.setFocus()
            return False
        set_error(self.error, "")
        return True


class DatabasePage(Retranslating, QWizardPage):
    """A local file, or a PostgreSQL server that must pass the connection test.

    Signals (inherited): completeChanged() when the test result or the choice changes.
    """

    tested = Signal(object)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._tested_for: desk_setup.DatabaseChoice | None = None
        self.report: desk_setup.ConnectionReport | None = None
        self.local = QRadioButton(self)
        self.server = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.local.setChecked(True)

        self.path = QLineEdit(str(paths.local_database_path()), self)
        self.browse = QPushButton(self)
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(desk_setup.DEFAULT_PG_PORT)
        self.dbname = QLineEdit("courtapp", self)
        self.user = QLineEdit("courtapp", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self)
        self.remember.setChecked(True)
        self.remember_note = QLabel(self)
        self.remember_note.setWordWrap(True)
        self.test_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = error_label(self)

        self._labels = {k: QLabel(self) for k in ("path", "host", "port", "dbname", "user",
                                                  "password")}
        self.local_box = QWidget(self)
        lf = QFormLayout(self.local_box)
        lf.addRow(self._labels["path"], _row(self.path, self.browse))
        self.server_box = QWidget(self)
        sf = QFormLayout(self.server_box)
        for key, w in (("host", self.host), ("port", self.port), ("dbname", self.dbname),
                       ("user", self.user), ("password", self.password)):
            self._labels[key].setBuddy(w)
            sf.addRow(self._labels[key], w)
        sf.addRow("", self.remember)
        sf.addRow("", self.remember_note)
        sf.addRow("", self.test_button)

        lay = QVBoxLayout(self)
        lay.addWidget(self.local)
        lay.addWidget(self.local_box)
        lay.addWidget(self.server)
        lay.addWidget(self.server_box)
        lay.addWidget(self.status)
        lay.addWidget(self.error)
        lay.addStretch(1)

        self.local.toggled.connect(self._on_kind_changed)
        self.browse.clicked.connect(self._on_browse)
        self.test_button.clicked.connect(self.run_test)
        for w in (self.host, self.dbname, self.user, self.password, self.path):
            w.textChanged.connect(self._on_edited)
        self.port.valueChanged.connect(self._on_edited)
        self._on_kind_changed()
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("The database"))
        self.setSubTitle(self.tr("Where the cases are kept: a file on this computer (one desk), "
                                 "or the court's PostgreSQL server (every desk shares it)."))
        self.local.setText(self.tr("A &local file on this computer"))
        self.server.setText(self.tr("The court's Postgre&SQL server"))
        self.browse.setText(self.tr("&Browse…"))
        texts = {"path": self.tr("File:"), "host": self.tr("&Server:"), "port": self.tr("&Port:"),
                 "dbname": self.tr("&Database:"), "user": self.tr("&User:"),
                 "password": self.tr("Pass&word:")}
        for k, label in self._labels.items():
            label.setText(texts[k])
        self.host.setPlaceholderText(self.tr("e.g. db.court.local or 10.1.2.3"))
        self.remember.setText(self.tr("&Remember the password on this desk"))
        self.remember_note.setText(self.tr(
            "It is kept in a file only your account can read (%1). Untick to be asked for it "
            "at every start.").replace("%1", str(paths.config_dir() / config.PGPASS_FILE)))
        self.test_button.setText(self.tr("&Test the connection"))

    def choice(self) -> desk_setup.DatabaseChoice:
        if self.local.isChecked():
            return desk_setup.DatabaseChoice(kind="sqlite", path=self.path.text().strip())
        return desk_setup.DatabaseChoice(
            kind="postgresql", host=self.host.text().strip(), port=self.port.value(),
            name=self.dbname.text().strip(), user=self.user.text().strip(),
            password=self.password.text(), remember_password=self.remember.isChecked())

    def isComplete(self) -> bool:
        if self.local.isChecked():
            return bool(self.path.text().strip())
        return self._tested_for is not None and self._tested_for == self.choice()

    def _on_kind_changed(self) -> None:
        local = self.local.isChecked()
        self.local_box.setEnabled(local)
        self.server_box.setEnabled(not local)
        self._on_edited()

    def _on_edited(self) -> None:
        self._tested_for = None
        set_error(self.error, "")
        self.status.setText("")
        self.completeChanged.emit()

    def _on_browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("The database file"), self.path.text(),
            self.tr("SQLite database (*.sqlite)"), options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.path.setText(name)

    def run_test(self) -> None:
        """Test the connection on the database thread; the result enables Next."""
        choice = self.choice()
        self.test_button.setEnabled(False)
        set_error(self.error, "")
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Connecting…"))
        self._tasks.run_db(lambda: desk_setup.test_connection(choice),
                           on_done=lambda r: self._on_tested(choice, r),
                           on_error=self._on_test_failed, owner=self)

    def _on_tested(self, choice: desk_setup.DatabaseChoice,
                   report: desk_setup.ConnectionReport) -> None:
        self.test_button.setEnabled(True)
        self._tested_for = choice
        self.report = report
        state = (self.tr("the schema is there and will be brought up to date")
                 if report.migrated else self.tr("the schema will be created"))
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("Connected: %1; %2; %3 account(s).")
                            .replace("%1", report.server).replace("%2", state)
                            .replace("%3", str(report.users)))
        self.completeChanged.emit()
        self.tested.emit(report)

    def _on_test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.status.setText("")
        msg = exc.message(ui_language()) if isinstance(exc, desk_setup.SetupError) else str(exc)
        set_error(self.error, self.tr("The connection failed: %1").replace("%1", msg))
        self.completeChanged.emit()


class AdminPage(Retranslating, QWizardPage):
    """Create the administrator, or (the database has accounts) name an existing one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.existing = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = UserForm(with_roles=False, parent=self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.form)
        for w in (self.form.username, self.form.display_name, self.form.password,
                  self.form.password_again):
            w.textChanged.connect(self.completeChanged)
        self.retranslateUi()

    def set_existing(self, existing: bool) -> None:
        self.existing = existing
        form = self.form.layout()
        assert isinstance(form, QFormLayout)
        for w in (self.form.display_name, self.form.password_again):
            box = w.parentWidget()
            if box is not None:
                form.setRowVisible(box, not existing)
        self.retranslateUi()
        self.completeChanged.emit()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("The administrator"))
        if self.existing:
            self.setSubTitle(self.tr("This database already has accounts."))
            self.intro.setText(self.tr("Give the user name and password of an administrator of "
                                       "this database to set up this desk."))
        else:
            self.setSubTitle(self.tr("The first account of this database."))
            self.intro.setText(self.tr(
                "The administrator adds the accounts of judges, clerks and other staff "
                "afterwards, on the Admin page."))

    def isComplete(self) -> bool:
        f = self.form
        if self.existing:
            return bool(f.username.text().strip() and f.password.text())
        return bool(f.username.text().strip() and f.display_name.text().strip()
                    and f.password.text() and f.password_again.text())

    def validatePage(self) -> bool:
        self.form.clear_errors()
        return self.existing or self.form.check_passwords()


class KeyPage(Retranslating, QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.generate = QRadioButton(self)
        self.import_file = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.generate)
        group.addButton(self.import_file)
        self.generate.setChecked(True)
        self.file = QLineEdit(self)
        self.browse = QPushButton(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.error = error_label(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.generate)
        lay.addWidget(self.import_file)
        lay.addWidget(_row(self.file, self.browse))
        lay.addWidget(self.note)
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.import_file.toggled.connect(self._on_changed)
        self.file.textChanged.connect(self.completeChanged)
        self.browse.clicked.connect(self._on_browse)
        self._on_changed()
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("The signing key"))
        self.setSubTitle(self.tr("Each desk signs the documents it issues with its own key; its "
                                 "public key is registered in the court's database, so anyone "
                                 "can check a document offline."))
        self.generate.setText(self.tr("&Generate this desk's own key"))
        self.import_file.setText(self.tr("&Import this desk's key file (a rebuilt desk)"))
        self.browse.setText(self.tr("&Browse…"))
        self.note.setText(self.tr(
            "The private key stays on this computer, encrypted with the passphrase in "
            "COURTAPP_KEY_PASSPHRASE and readable by your account only (%1).")
            .replace("%1", str(paths.data_dir())))

    def _on_changed(self) -> None:
        on = self.import_file.isChecked()
        self.file.setEnabled(on)
        self.browse.setEnabled(on)
        self.completeChanged.emit()

    def _on_browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("This desk's key file"), "",
                                              self.tr("Key files (*.pem);;All files (*)"))
        if name:
            self.file.setText(name)

    def isComplete(self) -> bool:
        return self.generate.isChecked() or bool(self.file.text().strip())

    def choice(self) -> desk_setup.KeyChoice:
        if self.generate.isChecked():
            return desk_setup.KeyChoice("generate")
        return desk_setup.KeyChoice("import", self.file.text().strip())


class SummaryPage(Retranslating, QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.progress = QLabel(self)
        self.error = error_label(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addStretch(1)
        lay.addWidget(self.progress)
        lay.addWidget(self.error)
        self.setFinalPage(True)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Finish sets up this desk: the database and its migrations, "
                                 "the administrator, the court and the signing key."))


class SetupWizard(Retranslating, QWizard):
    """The first-run set-up.  On success ``outcome`` holds the
    :class:`~courtapp.core.setup.SetupResult` and the wizard accepts.

    Signals:
        set_up(object): the :class:`~courtapp.core.setup.SetupResult`, just before accepting.
        failed(str): applying the answers failed; the message is on the last page.
    """

    set_up = Signal(object)
    failed = Signal(str)

    def __init__(self, tasks: TaskRunner, *, database: AppContext | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._fixed = database
        self._busy = False
        self.outcome: desk_setup.SetupResult | None = None
        self.court_page = CourtPage(self)
        self.database_page = DatabasePage(tasks, self)
        self.admin_page = AdminPage(self)
        self.key_page = KeyPage(self)
        self.summary_page = SummaryPage(self)
        self.setPage(PAGE_COURT, self.court_page)
        if database is None:
            self.setPage(PAGE_DATABASE, self.database_page)
        self.setPage(PAGE_ADMIN, self.admin_page)
        self.setPage(PAGE_KEY, self.key_page)
        self.setPage(PAGE_SUMMARY, self.summary_page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.currentIdChanged.connect(self._on_page_entered)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Set up this desk – courtapp"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Set up"))

    # ---------------------------------------------------------- answers
    def answers(self) -> desk_setup.Answers:
        f = self.admin_page.form
        return desk_setup.Answers(
            court_name=self.court_page.name.text().strip(),
            court_code=self.court_page.code.text().strip(),
            admin_username=f.username.text().strip(),
            admin_display_name=f.display_name.text().strip() or f.username.text().strip(),
            admin_password=f.password.text(),
            database=self.database_page.choice() if self._fixed is None
            else desk_setup.DatabaseChoice(),
            key=self.key_page.choice())

    def _on_page_entered(self, page_id: int) -> None:
        if page_id == PAGE_ADMIN:
            self._probe_accounts()
        elif page_id == PAGE_SUMMARY:
            self._show_summary()

    def _probe_accounts(self) -> None:
        """Does the chosen database have accounts already?  (Second desk of a court.)"""
        if self._fixed is not None:
            from courtapp.core.services import auth

            ctx = self._fixed
            self._tasks.run_db(lambda: auth.user_count(ctx.uow()),
                               on_done=lambda n: self.admin_page.set_existing(n > 0), owner=self)
            return
        report = self.database_page.report
        if self.database_page.server.isChecked() and report is not None:
            self.admin_page.set_existing(report.users > 0)
            return
        choice = self.database_page.choice()
        self._tasks.run_db(lambda: desk_setup.test_connection(choice),
                           on_done=lambda r: self.admin_page.set_existing(r.users > 0),
                           on_error=lambda _e: self.admin_page.set_existing(False), owner=self)

    def _show_summary(self) -> None:
        a = self.answers()
        if self._fixed is not None:
            where = self._fixed.safe_url
        elif a.database.kind == "sqlite":
            where = self.tr("the local file %1").replace("%1", str(a.database.sqlite_path()))
        else:
            where = self.tr("PostgreSQL %1 on %2:%3 as %4").replace("%1", a.database.name) \
                .replace("%2", a.database.host).replace("%3", str(a.database.port)) \
                .replace("%4", a.database.user)
        admin = (self.tr("check the administrator %1") if self.admin_page.existing
                 else self.tr("create the administrator %1")).replace("%1", a.admin_username)
        key = (self.tr("generate this desk's signing key") if a.key.action == "generate"
               else self.tr("install the key file %1").replace("%1", a.key.file))
        lines = [self.tr("Court: %1 (%2)").replace("%1", a.court_name).replace("%2", a.court_code),
                 self.tr("Database: %1").replace("%1", where), admin, key]
        self.summary_page.summary.setText("\n".join(f"• {x}" for x in lines))
        set_error(self.summary_page.error, "")
        self.summary_page.progress.setText("")

    # ------------------------------------------------------------ apply
    def accept(self) -> None:
        """Finish: apply the answers on the database thread; accept when done."""
        if self.outcome is not None:
            super().accept()
            return
        if self._busy:
            return
        answers = self.answers()
        fixed = self._fixed.url if self._fixed is not None else None
        self._set_busy(True)
        set_error(self.summary_page.error, "")
        self.summary_page.progress.setText(self.tr("Setting up… (the migrations may take a "
                                                   "minute on a new server)"))
        self._tasks.run_db(lambda: desk_setup.apply(answers, fixed_url=fixed),
                           on_done=self._on_applied, on_error=self._on_apply_failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for b in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                  QWizard.WizardButton.CancelButton):
            self.button(b).setEnabled(not busy)

    def _on_applied(self, result: desk_setup.SetupResult) -> None:
        self._set_busy(False)
        self.outcome = result
        self.summary_page.progress.setText(self.tr("Done."))
        self.set_up.emit(result)
        super().accept()

    def _on_apply_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.summary_page.progress.setText("")
        lang = ui_language()
        if isinstance(exc, ValidationError):
            text = "\n".join(e.message(lang) for e in exc.errors)
        elif isinstance(exc, desk_setup.SetupError):
            text = exc.message(lang)
        else:
            text = self.tr("Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}")
        message = self.tr("The set-up did not finish: %1").replace("%1", text)
        set_error(self.summary_page.error, message)
        self.failed.emit(message)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
