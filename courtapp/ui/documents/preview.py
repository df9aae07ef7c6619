"""The in-app preview of a PDF (QtPdf), with page navigation, zoom and Print."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.ui.documents import printing
from courtapp.ui.i18n import Retranslating
from courtapp.ui.listing.widgets import banner, set_banner
from courtapp.ui.tasks import TaskRunner

ZOOM_STEP = 1.25


class PreviewDialog(Retranslating, QDialog):
    """Shows PDF bytes: one document, a draft, or a batch's combined file.

    Keys: PgUp/PgDn or Ctrl+Up/Down change page, Ctrl++/Ctrl+- zoom,
    Ctrl+0 fits the width, Ctrl+P prints, Esc closes.

    Signals:
        printed(int): a print run finished; the pages printed.
        print_failed(str): a print run failed or was cancelled; the message shown.
    """

    printed = Signal(int)
    print_failed = Signal(str)

    def __init__(self, tasks: TaskRunner, data: bytes, title: str, *, draft: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview_dialog")
        self._tasks = tasks
        self.data = data
        self.title = title
        self.draft = draft
        self.print_job: printing.PrintJob | None = None
        self.document, self._buffer = printing.load_pdf(data, self)

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.draft_label = QLabel(self)
        self.draft_label.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.draft_label.setVisible(draft)
        self.prev_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.page_label = QLabel(self)
        self.page_spin = QSpinBox(self)
        self.page_spin.setRange(1, max(1, self.document.pageCount()))
        self.page_label.setBuddy(self.page_spin)
        self.of_label = QLabel(self)
        self.zoom_out_button = QToolButton(self)
        self.zoom_in_button = QToolButton(self)
        self.fit_width_button = QToolButton(self)
        self.fit_page_button = QToolButton(self)
        for b in (self.fit_width_button, self.fit_page_button):
            b.setCheckable(True)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("000 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("preview_print")
        self.close_button = QPushButton(self)
        self.message = banner(self)

        bar = QHBoxLayout()
        bar.addWidget(self.draft_label)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.page_spin)
        bar.addWidget(self.of_label)
        bar.addWidget(self.next_button)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_width_button)
        bar.addWidget(self.fit_page_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self.print_document)
        self.addAction(self.print_action)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
        for seq, slot in (("Ctrl+0", self.fit_width), ("Ctrl+Down", self.next_page),
                          ("Ctrl+Up", self.previous_page), ("PgDown", self.next_page),
                          ("PgUp", self.previous_page)):
            action = QAction(self)
            action.setShortcut(QKeySequence(seq))
            action.triggered.connect(slot)
            self.addAction(action)

        self.prev_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.page_spin.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button.clicked.connect(self.fit_page)
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.reject)
        self.view.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self.view.zoomFactorChanged.connect(lambda _z: self._update_zoom())
        self.view.zoomModeChanged.connect(lambda _m: self._update_zoom())

        # An A4 page at 100 % is about 800 pixels wide: room for it and the scroll bar,
        # as tall as the screen allows.
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 900, 1100
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(max(width, self.minimumSizeHint().width()), height)
        self.setFocusProxy(self.view)
        self.retranslateUi()
        self._on_page_changed(0)

    # --------------------------------------------------------- navigation
    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count - 1))
        if page != self.current_page:
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def next_page(self) -> None:
        self.go_to(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page - 1)

    def _on_page_changed(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count - 1)

    # -------------------------------------------------------------- zoom
    def zoom_in(self) -> None:
        self._set_zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.view.zoomFactor() / ZOOM_STEP)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(factor, 6.0)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom()

    def _update_zoom(self) -> None:
        """The fit buttons show the fit in force; otherwise the label shows the zoom."""
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode is QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode is QPdfView.ZoomMode.FitInView)
        custom = mode is QPdfView.ZoomMode.Custom
        self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)} %" if custom else "")

    # ------------------------------------------------------------- print
    def print_document(self) -> printing.PrintJob | None:
        """The print dialog, then the print run off the GUI thread."""
        if self.print_job is not None and self.print_job.running:
            return None
        printer = printing.new_printer(self.document.pagePointSize(0))
        printer.setDocName(self.title)
        if not printing.ask_printer(self, printer, self.page_count,
                                    current_page=self.current_page):
            return None
        job = printing.PrintJob(self._tasks, self.data, printer,
                                current_page=self.current_page, parent=self)
        job.progressed.connect(self._on_print_progress)
        job.finished.connect(self._on_printed)
        job.failed.connect(self._on_print_failed)
        self.print_job = job
        self.print_button.setEnabled(False)
        set_banner(self.message, "info", self.tr("Printing…"))
        job.start()
        return job

    def _on_print_progress(self, done: int, total: int) -> None:
        set_banner(self.message, "info", self.tr("Printing page %1 of %2…")
                   .replace("%1", str(done)).replace("%2", str(total)))

    def _on_printed(self, pages: int) -> None:
        self.print_button.setEnabled(True)
        set_banner(self.message, "ok", self.tr("Sent %1 page(s) to the printer.")
                   .replace("%1", str(pages)))
        self.printed.emit(pages)

    def _on_print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        if isinstance(exc, printing.PrintCancelled):
            text = self.tr("Printing was cancelled.")
        else:
            text = self.tr("Printing failed: %1").replace("%1", str(exc) or type(exc).__name__)
        set_banner(self.message, "error", text)
        self.print_failed.emit(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.print_job is not None and self.print_job.running:
            self.print_job.cancel()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        if self.print_job is not None and self.print_job.running:
            self.print_job.cancel()
        super().done(result)

    # -------------------------------------------------------------- texts
    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Preview – %1").replace("%1", self.title))
        self.draft_label.setText(self.tr("DRAFT – not issued"))
        self.prev_button.setText(self.tr("◀ Previous"))
        self.prev_button.setToolTip(self.tr("Previous page (PgUp)"))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("Next page (PgDown)"))
        self.page_label.setText(self.tr("P&age"))
        self.of_label.setText(self.tr("of %1").replace("%1", str(self.page_count)))
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_width_button.setText(self.tr("Fit &width"))
        self.fit_page_button.setText(self.tr("Fit &page"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.close_button.setText(self.tr("Close"))
        self._update_zoom()
