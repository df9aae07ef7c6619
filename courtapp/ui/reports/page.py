"""The Reports page: the monthly statistics with charts (issue 11 §1).

A month and a court (or every court) at the top; the figures in a table on the
left; on the right three QtCharts — the 12-month trend of listings added
against removed, the listed population split into natural persons and
entities, and the outcome of the grace periods that ended in the month — and
buttons that export the same report as PDF, XLSX or CSV.  Every query and
every file is made off the GUI thread (:class:`~courtapp.ui.tasks.TaskRunner`):
the figures on the database worker, the PDF rendering on the CPU pool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.errors import DomainError
from courtapp.core.domain.roles import Actor
from courtapp.core.reports.monthly import Month, MonthlyReport, TrendPoint
from courtapp.core.reports.render import label, table_rows
from courtapp.core.services import reports
from courtapp.ui.changes import follow_changes
from courtapp.ui.counter.common import error_text
from courtapp.ui.i18n import Retranslating, ui_language
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.tasks import TaskRunner

# How many months the month box offers, the current one first.
MONTHS_OFFERED = 36
_BLUE, _ORANGE, _GREEN, _GREY = "#2f5d8a", "#d9822b", "#4c9a2a", "#9aa5b1"


@dataclass(frozen=True)
class Loaded:
    """What one load brought: the month's figures and the 12 months ending with it."""

    report: MonthlyReport
    trend: list[TrendPoint]


def _lang() -> str:
    return "zh" if ui_language().startswith("zh") else "en"


class ReportsPage(Retranslating, QWidget):
    """Signals:
        loaded(object): a :class:`Loaded` arrived and is shown.
        courts_loaded(int): the court box was filled; how many courts.
        exported(str): a file was written; its path.
        failed(str): a load or an export failed; the message shown.
    """

    loaded = Signal(object)
    courts_loaded = Signal(int)
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, *,
                 clock: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_page")
        self._ctx, self._actor, self._tasks, self._clock = ctx, actor, tasks, clock
        self.data: Loaded | None = None
        self._pending = 0
        self._started = False

        self.heading = QLabel(self)
        f = self.heading.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.3)
        self.heading.setFont(f)
        self.month_label = QLabel(self)
        self.month_box = QComboBox(self)
        self.month_box.setObjectName("report_month")
        this = Month.of(clock())
        for k in range(MONTHS_OFFERED):
            m = this.shift(-k)
            self.month_box.addItem(str(m), str(m))
        # The last whole month first: this month is not over yet.
        self.month_box.setCurrentIndex(1)
        self.month_label.setBuddy(self.month_box)
        self.court_label = QLabel(self)
        self.court_box = QComboBox(self)
        self.court_box.setObjectName("report_court")
        self.court_box.addItem("", None)
        self.court_label.setBuddy(self.court_box)
        self.refresh_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.xlsx_button = QPushButton(self)
        self.csv_button = QPushButton(self)
        self.message = banner(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")

        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("report_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.trend_chart, self.trend_view = self._chart("trend_chart")
        self.kinds_chart, self.kinds_view = self._chart("kinds_chart")
        self.grace_chart, self.grace_view = self._chart("grace_chart")
        charts = QWidget(self)
        cl = QVBoxLayout(charts)
        cl.setContentsMargins(0, 0, 0, 0)
        for view in (self.trend_view, self.kinds_view, self.grace_view):
            cl.addWidget(view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(charts)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        self.court_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.court_box.setMinimumContentsLength(10)
        bar = QHBoxLayout()
        bar.addWidget(self.month_label)
        bar.addWidget(self.month_box)
        bar.addWidget(self.court_label)
        bar.addWidget(self.court_box, 1)
        bar.addWidget(self.refresh_button)
        exports = QHBoxLayout()
        exports.addStretch(1)
        for b in (self.pdf_button, self.xlsx_button, self.csv_button):
            exports.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.note)
        layout.addLayout(exports)

        self.refresh_button.clicked.connect(self.reload)
        self.month_box.currentIndexChanged.connect(self._on_choice)
        self.court_box.currentIndexChanged.connect(self._on_choice)
        self.pdf_button.clicked.connect(lambda: self.choose_file("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.choose_file("xlsx"))
        self.csv_button.clicked.connect(lambda: self.choose_file("csv"))
        self._started = False
        self.retranslateUi()
        follow_changes(self, tasks, ("cases", "listings", "orders", "petitions"), self.reload,
                       lambda: self.data is not None)

    def _on_choice(self, _index: int) -> None:
        if self._started:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """The figures are read when the page is first shown, not when the window opens:
        on a large court they keep the database worker busy for a moment."""
        super().showEvent(event)
        self.start()

    def start(self) -> None:
        """Load the courts and the figures once (the first time the page is shown)."""
        if self._started:
            return
        self._started = True
        self._load_courts()
        self.reload()

    def _chart(self, name: str) -> tuple[QChart, QChartView]:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        view = QChartView(chart, self)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(110)
        return chart, view

    # ------------------------------------------------------------ texts
    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Monthly statistics of the list"))
        self.month_label.setText(self.tr("&Month:"))
        self.court_label.setText(self.tr("C&ourt:"))
        self.court_box.setItemText(0, self.tr("All courts"))
        self.refresh_button.setText(self.tr("Refres&h"))
        self.pdf_button.setText(self.tr("Export &PDF…"))
        self.xlsx_button.setText(self.tr("Export &Excel…"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.note.setText(self.tr(
            "Added: published in the month. Removed: taken off the public list in the month. "
            "Listed: on the list at the month's end. A person counts once per listing; the "
            "definitions are in docs/statistics.md."))
        self.table.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Value")])
        if self.data is not None:
            self._show(self.data)

    # ------------------------------------------------------------ loading
    def month(self) -> Month:
        return Month.parse(str(self.month_box.currentData()))

    def court(self) -> str | None:
        value = self.court_box.currentData()
        return None if value is None else str(value)

    def set_month(self, month: Month) -> bool:
        i = self.month_box.findData(str(month))
        if i < 0:
            return False
        self.month_box.setCurrentIndex(i)
        return True

    def _load_courts(self) -> None:
        ctx, actor = self._ctx, self._actor
        self._tasks.run_db(lambda: reports.courts(ctx.uow(), actor), on_done=self._on_courts,
                           on_error=self._show_failure, owner=self)

    def _on_courts(self, courts: list[tuple[str, str]]) -> None:
        self.court_box.blockSignals(True)
        for code, name in courts:
            self.court_box.addItem(f"{name}（{code}）", code)
        self.court_box.blockSignals(False)
        self.courts_loaded.emit(len(courts))

    def reload(self) -> None:
        ctx, actor, month, court, today = self._ctx, self._actor, self.month(), self.court(), self._clock()
        self._pending += 1
        self._tasks.run_db(
            lambda: Loaded(*reports.report_with_trend(ctx.uow(), actor, month, court=court, today=today)),
            on_done=self._on_loaded, on_error=self._on_failed, owner=self)

    def _on_loaded(self, data: Loaded) -> None:
        self._pending -= 1
        if self._pending > 0:
            return  # a newer request (another month or court) is on its way
        if data.report.month != self.month() or data.report.court != self.court():
            return
        self.data = data
        set_banner(self.message, "info", "")
        self._show(data)
        self.loaded.emit(data)

    def _on_failed(self, exc: BaseException) -> None:
        self._pending = max(0, self._pending - 1)
        self._show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        text = error_text(exc)
        set_banner(self.message, "error", text)
        self.failed.emit(text)

    # ------------------------------------------------------------ showing
    def _show(self, data: Loaded) -> None:
        lang = _lang()
        rows = table_rows(data.report)
        self.table.setRowCount(len(rows))
        for i, (code, value) in enumerate(rows):
            name = QTableWidgetItem(label(code, lang))
            name.setToolTip(code)
            name.setData(Qt.ItemDataRole.UserRole, code)
            shown = "—" if value is None else (f"{value:.1f}" if isinstance(value, float) and
                                               not value.is_integer() and value > 1 else
                                               f"{value:.1%}" if isinstance(value, float) and
                                               not value.is_integer() else f"{int(value):,}")
            cell = QTableWidgetItem(shown)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 0, name)
            self.table.setItem(i, 1, cell)
        self._show_trend(data.trend)
        self._show_kinds(data.trend)
        self._show_grace(data.report)

    def value(self, code: str) -> int | float | None:
        """The shown value of one figure (tests, and the status bar)."""
        if self.data is None:
            return None
        return dict(table_rows(self.data.report)).get(code)

    def _months(self, trend: list[TrendPoint]) -> list[str]:
        # The month numbers; the axis title gives the years.
        return [str(p.month.month) for p in trend]

    @staticmethod
    def _reset(chart: QChart) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def _axes(self, chart: QChart, series: QBarSeries | QStackedBarSeries, trend: list[TrendPoint],
              top: int) -> None:
        x = QBarCategoryAxis()
        x.append(self._months(trend))
        if trend:
            x.setTitleText(f"{trend[0].month} – {trend[-1].month}")
        y = QValueAxis()
        y.setRange(0, max(4, top))
        y.setLabelFormat("%d")
        y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _show_trend(self, trend: list[TrendPoint]) -> None:
        chart = self.trend_chart
        self._reset(chart)
        chart.setTitle(self.tr("Added against removed, last 12 months"))
        added = QBarSet(self.tr("Added"))
        removed = QBarSet(self.tr("Removed"))
        added.setColor(QColor(_BLUE))
        removed.setColor(QColor(_ORANGE))
        for p in trend:
            added.append(p.added["person"] + p.added["entity"])
            removed.append(p.removed["person"] + p.removed["entity"])
        series = QBarSeries()
        series.append(added)
        series.append(removed)
        chart.addSeries(series)
        top = max([int(added.at(i)) for i in range(added.count())]
                  + [int(removed.at(i)) for i in range(removed.count())] + [0])
        self._axes(chart, series, trend, top)

    def _show_kinds(self, trend: list[TrendPoint]) -> None:
        chart = self.kinds_chart
        self._reset(chart)
        chart.setTitle(self.tr("Listed at each month's end: persons and entities"))
        persons = QBarSet(self.tr("Natural persons"))
        entities = QBarSet(self.tr("Entities"))
        persons.setColor(QColor(_BLUE))
        entities.setColor(QColor(_GREEN))
        for p in trend:
            persons.append(p.listed_at_end["person"])
            entities.append(p.listed_at_end["entity"])
        series = QStackedBarSeries()
        series.append(persons)
        series.append(entities)
        chart.addSeries(series)
        top = max([p.listed_at_end["person"] + p.listed_at_end["entity"] for p in trend] + [0])
        self._axes(chart, series, trend, top)

    def _show_grace(self, report: MonthlyReport) -> None:
        chart = self.grace_chart
        self._reset(chart)
        performed, warned = report.performed_in_grace, report.warned
        if not warned:
            chart.setTitle(self.tr("No grace period ended this month"))
            return
        chart.setTitle(self.tr("Grace periods ended this month: %1 of %2 performed")
                       .replace("%1", str(performed)).replace("%2", str(warned)))
        pie = QPieSeries()
        done = pie.append(self.tr("Performed in grace, not published"), performed)
        rest = pie.append(self.tr("Not performed: published or to publish"), warned - performed)
        done.setColor(QColor(_GREEN))
        rest.setColor(QColor(_GREY))
        for s in (done, rest):
            s.setLabel(f"{s.label()}: {int(s.value())}")
        chart.addSeries(pie)

    def chart_values(self) -> dict[str, list[float]]:
        """What the charts show, series by series (for the tests)."""
        out: dict[str, list[float]] = {}
        for name, chart in (("trend", self.trend_chart), ("kinds", self.kinds_chart)):
            for series in chart.series():
                assert isinstance(series, QBarSeries | QStackedBarSeries)
                for k, bar_set in enumerate(series.barSets()):
                    out[f"{name}.{k}"] = [bar_set.at(i) for i in range(bar_set.count())]
        for series in self.grace_chart.series():
            assert isinstance(series, QPieSeries)
            out["grace"] = [s.value() for s in series.slices()]
        return out

    # ------------------------------------------------------------ export
    def choose_file(self, fmt: str) -> None:
        filters = {"pdf": self.tr("PDF (*.pdf)"), "xlsx": self.tr("Excel workbook (*.xlsx)"),
                   "csv": self.tr("CSV table (*.csv)")}
        suggested = f"courtapp-report-{self.month()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), suggested,
                                              filters[fmt])
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the shown report to ``path`` (its suffix says the format), off the GUI thread."""
        try:
            fmt = reports.format_of(path)
        except DomainError as exc:  # a ValidationError naming the file
            self._on_export_failed(exc)
            return
        lang = _lang()
        ctx, actor, month, court, today = self._ctx, self._actor, self.month(), self.court(), self._clock()
        data = self.data if self.data is not None and self.data.report.month == month \
            and self.data.report.court == court else None

        def render(d: Loaded) -> str:
            Path(path).write_bytes(reports.render_file(d.report, d.trend, fmt, lang))
            return path

        if data is not None:
            self._tasks.run_cpu(lambda: render(data), on_done=self._on_exported,
                                on_error=self._on_export_failed, owner=self)
            return
        def then_render(d: Loaded) -> None:
            self._tasks.run_cpu(lambda: render(d), on_done=self._on_exported,
                                on_error=self._on_export_failed, owner=self)

        self._tasks.run_db(
            lambda: Loaded(*reports.report_with_trend(ctx.uow(), actor, month, court=court, today=today)),
            on_done=then_render, on_error=self._on_export_failed, owner=self)

    def _on_export_failed(self, exc: BaseException) -> None:
        self._show_failure(exc)

    def _on_exported(self, path: str) -> None:
        set_banner(self.message, "ok", self.tr("The report was written to %1.").replace("%1", path))
        self.exported.emit(path)
