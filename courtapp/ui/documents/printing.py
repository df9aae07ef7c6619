"""Printing PDF bytes: the court's own vector pages wherever the system takes them.

:func:`ask_printer` shows the print dialog (on the GUI thread, modal, as
every print dialog is).  :func:`print_pdf` then prints the chosen pages, the
chosen number of copies, on a worker thread through :class:`PrintJob`, so the
window stays responsive while a long batch prints.  It takes one of three
routes (:func:`route_for`, issue 12 §4: vector pages, not rasters):

- **file** — "Print to file" in the dialog: the chosen pages of the document
  itself are written to the file (:func:`pdf_pages`), text, fonts and vectors
  as issued, one file however many documents a batch combined;
- **cups** — a printer of the system's print service where ``lp`` exists
  (Linux, macOS): the chosen pages go to ``lp`` as one PDF job
  (:func:`send_to_lp`); CUPS hands printers PDF and its filters rasterise
  for the printer at the printer's own resolution;
- **raster** — elsewhere (Windows, or no ``lp``): each page is rendered
  with QtPdf at the printer's resolution into the printer's painter (Qt
  supports painting on a ``QPrinter`` outside the GUI thread), in bands so a
  page at 600 dpi never needs one 140 MB image; the resolution is capped at
  :data:`MAX_DPI`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from enum import Enum
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

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

from courtapp.core import paths
from courtapp.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pypdf import PdfReader

#: Pages are rendered at the printer's resolution, but never finer than this.
MAX_DPI = 600
#: Rows of device pixels rendered at a time.
BAND = 1024


#: How long ``lp`` may take to accept a job before the print run fails.
LP_TIMEOUT_S = 120


class Route(Enum):
    """How a print run reaches paper (see the module's docstring)."""

    FILE = "file"
    CUPS = "cups"
    RASTER = "raster"


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


def route_for(output_format: QPrinter.OutputFormat, output_file: str, printer_name: str,
              lp: str | None, platform: str = sys.platform) -> Route:
    """The route a print run takes (pure: the printer's settings and the system's ``lp``)."""
    if output_format is QPrinter.OutputFormat.PdfFormat:
        return Route.FILE if output_file else Route.RASTER
    if printer_name and lp and not platform.startswith("win"):
        return Route.CUPS
    return Route.RASTER


def printer_route(printer: QPrinter) -> Route:
    """The route for ``printer`` on this system."""
    return route_for(printer.outputFormat(), printer.outputFileName(), printer.printerName(),
                     shutil.which("lp"))


def read_pdf(data: bytes) -> PdfReader:
    """``data`` read by pypdf (any thread); :class:`PdfLoadError` if it is no PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return PdfReader(BytesIO(data))
    except PyPdfError as exc:
        raise PdfLoadError(f"the PDF could not be read ({exc})") from exc


def pdf_pages(data: bytes, pages: Sequence[int], reader: PdfReader | None = None) -> bytes:
    """The PDF of ``data``'s 0-based ``pages``, in that order (a page may repeat, for
    copies): the same page objects, fonts and text as issued, nothing rasterised.
    ``reader``: ``data`` already read (:func:`read_pdf`)."""
    from pypdf import PdfWriter

    reader = reader if reader is not None else read_pdf(data)
    if list(pages) == list(range(len(reader.pages))):
        return data
    writer = PdfWriter()
    for page in pages:
        writer.add_page(reader.pages[page])
    if reader.metadata is not None:
        writer.add_metadata({k: str(v) for k, v in reader.metadata.items()})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def distinct_in_order(pages: Sequence[int]) -> list[int]:
    """``pages`` without repeats (the copies are the print service's)."""
    return list(dict.fromkeys(pages))


def lp_command(lp: str, printer_name: str, *, title: str, copies: int, collate: bool,
               media: str | None) -> list[str]:
    """The ``lp`` command line that prints one PDF read from standard input."""
    cmd = [lp, "-d", printer_name, "-t", title or "courtapp", "-n", str(max(1, copies)),
           "-o", f"collate={'true' if collate else 'false'}"]
    if media:
        cmd += ["-o", f"media={media}"]
    return cmd


def send_to_lp(pdf: bytes, command: Sequence[str], *, timeout: float = LP_TIMEOUT_S) -> str:
    """Hand ``pdf`` to ``lp`` (one job); returns what ``lp`` said ("request id is …").
    Raises :class:`OSError` with ``lp``'s own message when it refuses the job."""
    try:
        done = subprocess.run(list(command), input=pdf, capture_output=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired as exc:
        raise OSError(QCoreApplication.translate(
            "Printing", "The print service did not accept the job within %1 s.").replace(
                "%1", f"{timeout:.0f}")) from exc
    said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
    if done.returncode != 0:
        raise OSError(said or QCoreApplication.translate(
            "Printing", "The print service refused the job (lp exit code %1).").replace(
                "%1", str(done.returncode)))
    return done.stdout.decode("utf-8", "replace").strip()


def write_print_file(pdf: bytes, target: Path) -> None:
    """Write ``pdf`` to ``target`` whole or not at all (a temporary file moved in place)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(pdf)
        paths.put_in_place(Path(tmp), target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def print_pdf(data: bytes, printer: QPrinter, *, current_page: int | None = None,
              cancel: threading.Event | None = None,
              on_page: Callable[[int, int], None] | None = None) -> int:
    """Print ``data`` on ``printer``; returns the number of pages printed (copies included).

    May run on any thread (it makes its own ``QPdfDocument``).  Raises
    :class:`PrintCancelled` if ``cancel`` is set between pages (the job is
    aborted, nothing is sent), :class:`PdfLoadError` if the bytes are not a
    readable PDF, and :class:`OSError` if the file or the print service refuses.
    """
    route = printer_route(printer)
    if route is Route.RASTER:
        return _print_raster(data, printer, current_page=current_page, cancel=cancel,
                             on_page=on_page)
    reader = read_pdf(data)  # read once: counted here, its pages taken below
    pages = pages_to_print(printer, len(reader.pages), current_page)
    if not pages:
        return 0
    if route is Route.FILE:
        out = pdf_pages(data, pages, reader)
        if cancel is not None and cancel.is_set():
            raise PrintCancelled()
        write_print_file(out, Path(printer.outputFileName()))
        if on_page is not None:
            on_page(len(pages), len(pages))
        return len(pages)
    # CUPS: the chosen pages once; the copies and their collation are the job's.
    once = distinct_in_order(pages)
    copies = max(1, printer.copyCount())
    out = pdf_pages(data, once, reader)
    size = printer.pageLayout().pageSize()
    media = size.key() if size.id() is not QPageSize.PageSizeId.Custom else None
    command = lp_command(shutil.which("lp") or "lp", printer.printerName(),
                         title=printer.docName(), copies=copies,
                         collate=printer.collateCopies(), media=media)
    if cancel is not None and cancel.is_set():
        raise PrintCancelled()
    send_to_lp(out, command)
    if on_page is not None:
        on_page(len(once) * copies, len(once) * copies)
    return len(once) * copies


def _print_raster(data: bytes, printer: QPrinter, *, current_page: int | None,
                  cancel: threading.Event | None,
                  on_page: Callable[[int, int], None] | None) -> int:
    """Render each page with QtPdf into the printer's painter (no vector route here)."""
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
