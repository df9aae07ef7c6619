"""The Admin screen's backup box: when the last backup was taken, with a warning
when it is older than the court's setting ``backup.max_age_days`` (issue 10 §5)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from courtapp.core.context import AppContext
from courtapp.core.services import backup
from courtapp.core.services.backup import BackupStatus
from courtapp.ui.counter.common import error_text
from courtapp.ui.i18n import Retranslating
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.tasks import TaskRunner


def _now() -> datetime:
    return datetime.now(UTC)


class BackupSection(Retranslating, QGroupBox):
    """The last backup and, when it is missing or too old, a warning.

    Signals:
        loaded(bool): the status arrived; whether the warning shows.
    """

    loaded = Signal(bool)

    def __init__(self, ctx: AppContext, tasks: TaskRunner, *,
                 now: Callable[[], datetime] = _now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_section")
        self._ctx, self._tasks, self._now = ctx, tasks, now
        self.status: BackupStatus | None = None
        self.last = QLabel(self)
        self.last.setObjectName("backup_last")
        self.last.setWordWrap(True)
        self.warning = banner(self)
        self.warning.setObjectName("backup_warning")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last)
        layout.addWidget(self.warning)
        layout.addWidget(self.hint)
        self.retranslateUi()
        self.reload()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Backup"))
        self.hint.setText(self.tr(
            "An IT officer takes a backup with \"courtapp backup FILE\" (see the set-up guide); "
            "desks keep working meanwhile."))
        self._fill()

    def reload(self) -> None:
        ctx, moment = self._ctx, self._now()
        self._tasks.run_db(lambda: backup.backup_status(ctx.uow(), now=moment),
                           on_done=self._on_loaded, on_error=self._on_error, owner=self)

    def _on_loaded(self, status: BackupStatus) -> None:
        self.status = status
        self._fill()
        self.loaded.emit(status.overdue)

    def _on_error(self, exc: BaseException) -> None:
        set_banner(self.warning, "error", error_text(exc))

    def _fill(self) -> None:
        s = self.status
        if s is None:
            self.last.setText("")
            return
        if s.last is None:
            self.last.setText(self.tr("No backup of this database is recorded."))
        else:
            when = s.last.at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.last.setText(self.tr("Last backup: %1, %2 rows, to %3")
                              .replace("%1", when).replace("%2", f"{s.last.rows:,}")
                              .replace("%3", s.last.file))
        if s.overdue:
            text = (self.tr("There is no backup. Take one now.") if s.last is None else
                    self.tr("The last backup is more than %1 days old. Take one now.")
                    .replace("%1", str(s.max_age_days)))
            set_banner(self.warning, "warn", text)
        else:
            set_banner(self.warning, "warn", "")
