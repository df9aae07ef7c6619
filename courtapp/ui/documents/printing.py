"""Printing PDF bytes through ``QPrinter``.

:func:`ask_printer` shows the print dialog (on the GUI thread, modal, as
every print dialog is).  :func:`print_pdf` then renders each page with QtPdf
at the printer's resolution into the printer's painter, honouring the page
range and the copies; it runs on a worker thread through :class:`PrintJob`
(Qt supports painting on a ``QPrinter`` outside the GUI thread), so the
window stays responsive while a long batch prints.

Pages are rendered in bands, so a page at 600 dpi never needs one 140 MB
image; the resolution is capped at :data:`MAX_DPI`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRect,
    QSize,
    QSizeF,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import Shiboken

from courtapp.ui.tasks import TaskRunner

#: Pages are rendered at the printer's resolution, but never finer than this.
MAX_DPI = 600
#: Rows of device pixels rendered at a time.
BAND = 1024


class PrintCancelled(Exception):
    """The print run was cancelled; the printer job was aborted."""


class PdfLoadError(Exception):
    """QtPdf could not read the bytes."""


def load_pdf(data: bytes, parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A ``QPdfDocument`` reading ``data`` from a ``QBuffer`` (keep both alive)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(parent) if parent is not None else QPdfDocument()
    doc.load(buffer)
    if doc.status() is not QPdfDocument.Status.Ready:
        raise PdfLoadError(f"the PDF could not be read ({doc.error().name})")
    return doc, buffer


def pdf_info(data: bytes) -> tuple[int, QSizeF]:
    """The page count and the first page's size in points (any thread)."""
    doc, buffer = load_pdf(data)
    try:
        return doc.pageCount(), doc.pagePointSize(0)
    finally:
        doc.close()
        buffer.close()


def new_printer(first_page_points: QSizeF | None = None) -> QPrinter:
    """A high-resolution printer whose paper is the document's (A4 for court documents)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName("courtapp")
    if first_page_points is not None and not first_page_points.isEmpty():
        size = QPageSize(first_page_points, QPageSize.Unit.Point, "",
                         QPageSize.SizeMatchPolicy.FuzzyMatch)
        printer.setPageSize(size)
        orientation = (QPageLayout.Orientation.Landscape
                       if first_page_points.width() > first_page_points.height()
                       else QPageLayout.Orientation.Portrait)
        printer.setPageOrientation(orientation)
    return printer


def paper_name(printer: QPrinter) -> str:
    """The printer's paper as people name it ("A4"), or its size in millimetres."""
    size = printer.pageLayout().pageSize()
    if size.id() is not QPageSize.PageSizeId.Custom:
        return size.name()
    mm = size.size(QPageSize.Unit.Millimeter)
    return f"{mm.width():.0f} × {mm.height():.0f} mm"


def dialog_title(printer: QPrinter, page_count: int) -> str:
    """The print dialog's title: what is about to print (issue 12 §4)."""
    return QCoreApplication.translate("Printing", "Print %1 page(s) on %2").replace(
        "%1", str(page_count)).replace("%2", paper_name(printer))


def ask_printer(parent: QWidget | None, printer: QPrinter, page_count: int, *,
                current_page: int | None = None) -> bool:
    """The print dialog (modal): True if the user chose to print."""
    dlg = QPrintDialog(printer, parent)
    dlg.setWindowTitle(dialog_title(printer, page_count))
    dlg.setMinMax(1, max(1, page_count))
    options = (QAbstractPrintDialog.PrintDialogOption.PrintPageRange
               | QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
               | QAbstractPrintDialog.PrintDialogOption.PrintToFile)
    if current_page is not None:
        options |= QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage
    dlg.setOptions(options)
    try:
        return dlg.exec() == QDialog.DialogCode.Accepted
    finally:
        dlg.deleteLater()


def pages_to_print(printer: QPrinter, page_count: int, current_page: int | None = None) -> list[int]:
    """The 0-based pages the printer's range asks for, each copy included."""
    rng = printer.printRange()
    if rng is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(page_count, printer.toPage() if printer.toPage() > 0 else page_count)
        pages = list(range(first - 1, last))
    elif rng is QPrinter.PrintRange.CurrentPage and current_page is not None:
        pages = [current_page] if 0 <= current_page < page_count else []
    else:
        pages = list(range(page_count))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return pages
    if printer.collateCopies():
        return pages * copies
    return [p for p in pages for _ in range(copies)]


def print_pdf(data: bytes, printer: QPrinter, *, current_page: int | None = None,
              cancel: threading.Event | None = None,
              on_page: Callable[[int, int], None] | None = None) -> int:
    """Print ``data`` on ``printer``; returns the number of pages printed.

    May run on any thread (it makes its own ``QPdfDocument``).  Raises
    :class:`PrintCancelled` if ``cancel`` is set between pages (the job is
    aborted) and :class:`PdfLoadError` if the bytes are not a readable PDF.
    """
    doc, buffer = load_pdf(data)
    try:
        pages = pages_to_print(printer, doc.pageCount(), current_page)
        if not pages:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be opened")
        dpi = min(printer.resolution(), MAX_DPI)
        scale = printer.resolution() / dpi
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        try:
            for n, page in enumerate(pages):
                if cancel is not None and cancel.is_set():
                    printer.abort()
                    raise PrintCancelled()
                if n:
                    printer.newPage()
                pts = doc.pagePointSize(page)
                full = QSize(round(pts.width() * dpi / 72), round(pts.height() * dpi / 72))
                # Fit the page on the paper (1:1 when the paper is the document's size).
                fit = min(paper.width() / (full.width() * scale),
                          paper.height() / (full.height() * scale), 1.0)
                painter.save()
                painter.scale(scale * fit, scale * fit)
                y = 0
                while y < full.height():
                    h = min(BAND, full.height() - y)
                    opts = QPdfDocumentRenderOptions()
                    opts.setScaledSize(full)
                    opts.setScaledClipRect(QRect(0, y, full.width(), h))
                    painter.drawImage(0, y, doc.render(page, QSize(full.width(), h), opts))
                    y += h
                painter.restore()
                if on_page is not None:
                    on_page(n + 1, len(pages))
        finally:
            if painter.isActive():
                painter.end()
        return len(pages)
    finally:
        doc.close()
        buffer.close()


class PrintJob(QObject):
    """Prints PDF bytes on a worker thread of the task runner.

    Keep the job (and so the printer) alive until ``finished`` or ``failed``.

    Signals:
        progressed(int, int): a page was printed: pages done, pages in all.
        finished(int): the pages printed.
        failed(object): the exception (``PrintCancelled`` when cancelled).
    """

    progressed = Signal(int, int)
    finished = Signal(int)
    failed = Signal(object)

    def __init__(self, tasks: TaskRunner, data: bytes, printer: QPrinter, *,
                 current_page: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.data = data
        self.printer = printer
        self._current = current_page
        self._cancel = threading.Event()
        self.running = False

    def start(self) -> None:
        self.running = True
        data, printer, current, cancel = self.data, self.printer, self._current, self._cancel

        def on_page(done: int, total: int) -> None:  # on the worker thread
            if Shiboken.isValid(self):
                self.progressed.emit(done, total)

        self._tasks.run_cpu(
            lambda: print_pdf(data, printer, current_page=current, cancel=cancel,
                              on_page=on_page),
            on_done=self._on_done, on_error=self._on_error, owner=self)

    def cancel(self) -> None:
        self._cancel.set()

    def _on_done(self, pages: int) -> None:
        self.running = False
        self.finished.emit(pages)

    def _on_error(self, exc: BaseException) -> None:
        self.running = False
        self.failed.emit(exc)
