"""The Admin page's calendar (R-D1) and daily-run sections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import calendar as cal_svc
from courtapp.core.services import daily
from courtapp.ui.counter.common import OVERDUE_BG, OVERDUE_FG, error_text, field_errors
from courtapp.ui.i18n import Retranslating, ui_language
from courtapp.ui.listing.labels import error_lang
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.tasks import TaskRunner


@dataclass(frozen=True)
class CalendarState:
    years: list[cal_svc.YearStatus]
    missing: list[int]


def load_calendar(ctx: AppContext, today: date) -> CalendarState:
    return CalendarState(cal_svc.years(ctx.uow()), cal_svc.missing_years(ctx.uow(), today))


class CalendarSection(Retranslating, QGroupBox):
    """The years of the working-day calendar, missing ones red; Import a year…

    Signals:
        loaded(int): the year list arrived; how many years are missing.
        imported(int): a year's schedule was stored (the year).
        import_failed(str): the schedule was refused; the messages, by line.
    """

    loaded = Signal(int)
    imported = Signal(int)
    import_failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_section")
        self._ctx, self._actor, self._tasks, self._clock = ctx, actor, tasks, clock
        self.can_edit = actor.can(Permission.SETTINGS_EDIT)
        self.state: CalendarState | None = None
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("calendar_years")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(self.fontMetrics().height() * 10)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import_year")
        self.import_button.setEnabled(self.can_edit)
        self.message = banner(self)
        self.message.setObjectName("calendar_message")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.import_button.clicked.connect(self.import_year)
        self.retranslateUi()
        self.reload()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Working-day calendar"))
        self.note.setText(self.tr(
            "Deadlines count working days on this calendar, make-up working days included. "
            "For a year without data they are provisional (weekdays only) until you import the "
            "State Council's schedule: one line per day, \"YYYY-MM-DD holiday|workday NAME\"."))
        self.table.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Source"), self.tr("Exceptions")])
        self.import_button.setText(self.tr("&Import a year…"))
        self._fill()

    def reload(self) -> None:
        ctx, today = self._ctx, self._clock()
        self._tasks.run_db(lambda: load_calendar(ctx, today), on_done=self._on_loaded,
                           on_error=lambda exc: set_banner(self.message, "error", error_text(exc)),
                           owner=self)

    def _on_loaded(self, state: CalendarState) -> None:
        self.state = state
        self._fill()
        self.loaded.emit(len(state.missing))

    def _fill(self) -> None:
        s = self.state
        if s is None:
            return
        rows: list[tuple[str, str, str, bool]] = [
            (str(y.year), y.source, str(y.exceptions), False) for y in s.years]
        rows += [(str(y), self.tr("MISSING: deadlines in %1 are provisional").replace("%1", str(y)),
                  "", True) for y in s.missing]
        rows.sort(key=lambda r: r[0], reverse=True)
        self.table.setRowCount(len(rows))
        for i, (year, source, n, missing) in enumerate(rows):
            for col, text in enumerate((year, source, n)):
                item = QTableWidgetItem(text)
                if missing:
                    item.setForeground(QBrush(OVERDUE_FG))
                    item.setBackground(QBrush(OVERDUE_BG))
                self.table.setItem(i, col, item)

    def import_year(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a year's schedule"), "",
                                              self.tr("Schedule (*.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        ctx, actor = self._ctx, self._actor

        def work() -> cal_svc.YearStatus:
            text = path.read_text(encoding="utf-8")
            year, holidays, workdays = cal_svc.parse_schedule(text)
            return cal_svc.set_year(ctx.uow(), actor, year, holidays, workdays, source=path.name)

        self._tasks.run_db(work, on_done=self._on_imported, on_error=self._on_failed, owner=self)

    def _on_imported(self, y: cal_svc.YearStatus) -> None:
        set_banner(self.message, "ok", self.tr("%1 imported: %2 exceptions. Deadlines in %1 are firm now.")
                   .replace("%1", str(y.year)).replace("%2", str(y.exceptions)))
        self.imported.emit(y.year)
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        errors = field_errors(exc)
        if errors:
            parts = []
            for e in errors:
                where = ""
                if e.path.startswith("line "):
                    where = self.tr("line %1").replace("%1", e.path.split(" ", 1)[1]) + ": "
                parts.append(where + e.message(error_lang()))
            text = "\n".join(parts)
        else:
            text = error_text(exc)
        set_banner(self.message, "error", self.tr("Not imported:") + "\n" + text)
        self.import_failed.emit(text)


class DailyRunSection(Retranslating, QGroupBox):
    """"Run the daily run now" and its summary (needs the publish permission).

    Signals:
        finished(object): a run finished (the ``DailySummary``).
    """

    finished = Signal(object)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("daily_section")
        self._ctx, self._actor, self._tasks, self._clock = ctx, actor, tasks, clock
        self.can_run = actor.can(Permission.LISTING_PUBLISH)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("run_daily")
        self.run_button.setEnabled(self.can_run)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("daily_summary")
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(self.fontMetrics().height() * 10)
        self.summary.hide()
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        self.run_button.clicked.connect(self.run)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Daily run"))
        self.note.setText(self.tr(
            "Publishes listings whose grace period ended, deletes fixed-term listings at term end, "
            "ends temporary permissions and flags what is overdue. It also runs when courtapp "
            "starts; running it twice a day changes nothing the second time."))
        self.run_button.setText(self.tr("&Run the daily run now"))

    def run(self) -> None:
        if not self.can_run:
            return
        ctx, actor, today = self._ctx, self._actor, self._clock()
        self.run_button.setEnabled(False)
        self._tasks.run_db(lambda: daily.run_daily(ctx.uow(), actor, today), on_done=self.show_summary,
                           on_error=self._on_failed, owner=self)

    def show_summary(self, summary: daily.DailySummary) -> None:
        self.run_button.setEnabled(self.can_run)
        self.summary.setPlainText("\n".join(summary.lines(ui_language())))
        self.summary.show()
        self.finished.emit(summary)

    def _on_failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(self.can_run)
        self.summary.setPlainText(error_text(exc))
        self.summary.show()
