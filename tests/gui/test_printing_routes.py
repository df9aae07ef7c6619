"""Printing reaches paper as the court's own vector pages (issue 12 §4).

The three routes of :mod:`courtapp.ui.documents.printing`: "Print to file"
writes the chosen pages of the issued PDF itself (text, embedded fonts, no
images); a printer of the system's print service gets the chosen pages as
one PDF job through ``lp`` (here a fake ``lp`` on ``PATH`` that keeps what
it was given); elsewhere each page is rasterised into the printer's painter.
Every printed file is read back: its pages, their text, its fonts.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
from document_fixtures import CLERK, ISSUED_ON, Court, build_court  # noqa: E402

from courtapp.core.context import AppContext  # noqa: E402
from courtapp.core.documents.model import DocKind  # noqa: E402
from courtapp.core.services import documents as ds  # noqa: E402
from courtapp.ui.documents import printing  # noqa: E402
from courtapp.ui.documents.printing import Route  # noqa: E402
from courtapp.ui.tasks import TaskRunner  # noqa: E402

TIMEOUT = 15_000
Fmt = QPrinter.OutputFormat


@pytest.fixture
def notice(sqlite_db: AppContext) -> bytes:
    """An issued two-page execution notice (Chinese, fonts embedded)."""
    court: Court = build_court(sqlite_db)
    pdf = ds.issue(sqlite_db.uow(), CLERK, DocKind.EXECUTION_NOTICE, court.case_id,
                   issued_on=ISSUED_ON).pdf
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    return pdf


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def images(pdf: bytes) -> int:
    return sum(len(p.images) for p in PdfReader(io.BytesIO(pdf)).pages)


def fonts_all_embedded(path: Path) -> list[str]:
    """``pdffonts``' rows for ``path``; every one says the font is embedded."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows, out.stdout
    for row in rows:
        # name type encoding emb sub uni object ID: "emb" is the third field from the right.
        assert row.split()[-5] == "yes", row
    return rows


def file_printer(path: Path) -> QPrinter:
    printer = printing.new_printer()
    printer.setOutputFormat(Fmt.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def run_job(qtbot: QtBot, tasks: TaskRunner, pdf: bytes, printer: QPrinter) -> int:
    job = printing.PrintJob(tasks, pdf, printer)
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as done:
        job.start()
    return int(done.args[0])


# ------------------------------------------------------------------ routes
@pytest.mark.parametrize(("fmt", "file", "name", "lp", "platform", "route"), [
    (Fmt.PdfFormat, "/tmp/out.pdf", "", None, "linux", Route.FILE),
    (Fmt.PdfFormat, "/tmp/out.pdf", "hp-3", "/usr/bin/lp", "linux", Route.FILE),
    (Fmt.PdfFormat, "", "", "/usr/bin/lp", "linux", Route.RASTER),
    (Fmt.NativeFormat, "", "hp-3", "/usr/bin/lp", "linux", Route.CUPS),
    (Fmt.NativeFormat, "", "hp-3", "/usr/bin/lp", "darwin", Route.CUPS),
    (Fmt.NativeFormat, "", "hp-3", None, "linux", Route.RASTER),
    (Fmt.NativeFormat, "", "", "/usr/bin/lp", "linux", Route.RASTER),
    (Fmt.NativeFormat, "", "HP LaserJet", "C:/lp.exe", "win32", Route.RASTER),
])
def test_the_route_follows_the_printer_and_the_system(
        fmt: QPrinter.OutputFormat, file: str, name: str, lp: str | None, platform: str,
        route: Route) -> None:
    assert printing.route_for(fmt, file, name, lp, platform) is route


# -------------------------------------------------------------------- file
def test_print_to_file_writes_the_documents_own_pages_not_images(
        qtbot: QtBot, tasks: TaskRunner, notice: bytes, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "printed.pdf"
    printer = file_printer(out)
    assert printing.printer_route(printer) is Route.FILE
    assert run_job(qtbot, tasks, notice, printer) == 2
    printed = out.read_bytes()
    assert page_texts(printed) == page_texts(notice)
    assert "京0105执1234号之一" in page_texts(printed)[0]
    assert images(printed) == images(notice)  # no page became a picture
    fonts_all_embedded(out)
    assert len(printed) <= len(notice) * 1.1  # the same pages, not rasters
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind


def test_print_to_file_honours_the_range_and_the_copies(
        qtbot: QtBot, tasks: TaskRunner, notice: bytes, tmp_path: Path) -> None:
    first, second = page_texts(notice)
    out = tmp_path / "printed.pdf"

    printer = file_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert run_job(qtbot, tasks, notice, printer) == 1
    assert page_texts(out.read_bytes()) == [second]

    printer = file_printer(out)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert run_job(qtbot, tasks, notice, printer) == 4
    assert page_texts(out.read_bytes()) == [first, second, first, second]
    fonts_all_embedded(out)

    printer.setCollateCopies(False)
    assert run_job(qtbot, tasks, notice, printer) == 4
    assert page_texts(out.read_bytes()) == [first, first, second, second]


def test_a_cancelled_print_to_file_writes_nothing(notice: bytes, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "printed.pdf"
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(printing.PrintCancelled):
        printing.print_pdf(notice, file_printer(out), cancel=cancel)
    assert list(out.parent.iterdir()) == []


# -------------------------------------------------------------------- CUPS
@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An ``lp`` first on PATH that keeps its arguments and the job it read from stdin;
    a printer named ``missing`` makes it refuse as CUPS does."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{tmp_path}/lp-args"\n'
        f'cat > "{tmp_path}/lp-job.pdf"\n'
        'case "$*" in *"-d missing"*) '
        'echo "lp: The printer or class does not exist." >&2; exit 1;; esac\n'
        'echo "request id is court-3-17 (1 file(s))"\n')
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return lp


class CupsPrinter:
    """A printer of the system's print service, as far as :func:`print_pdf` asks."""

    def __init__(self, name: str, *, copies: int = 1, collate: bool = True,
                 page_range: tuple[int, int] | None = None) -> None:
        self.name, self.copies, self.collate, self.page_range = name, copies, collate, page_range

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802 (Qt's names)
        return Fmt.NativeFormat

    def outputFileName(self) -> str:  # noqa: N802
        return ""

    def printerName(self) -> str:  # noqa: N802
        return self.name

    def docName(self) -> str:  # noqa: N802
        return "执行通知书 (2026)京0105执1234号"

    def copyCount(self) -> int:  # noqa: N802
        return self.copies

    def collateCopies(self) -> bool:  # noqa: N802
        return self.collate

    def supportsMultipleCopies(self) -> bool:  # noqa: N802
        return True

    def printRange(self) -> QPrinter.PrintRange:  # noqa: N802
        return (QPrinter.PrintRange.PageRange if self.page_range
                else QPrinter.PrintRange.AllPages)

    def fromPage(self) -> int:  # noqa: N802
        return self.page_range[0] if self.page_range else 0

    def toPage(self) -> int:  # noqa: N802
        return self.page_range[1] if self.page_range else 0

    def pageLayout(self) -> QPageLayout:  # noqa: N802
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                           QMarginsF())


def test_a_system_printer_gets_the_pdf_itself_as_one_lp_job(
        notice: bytes, fake_lp: Path, tmp_path: Path) -> None:
    printer = cast(QPrinter, CupsPrinter("court-3", copies=2, collate=False))
    assert printing.printer_route(printer) is Route.CUPS
    done: list[tuple[int, int]] = []
    assert printing.print_pdf(notice, printer, on_page=lambda d, t: done.append((d, t))) == 4
    assert done == [(4, 4)]
    args = (tmp_path / "lp-args").read_text().splitlines()
    assert args == ["-d", "court-3", "-t", "执行通知书 (2026)京0105执1234号", "-n", "2",
                    "-o", "collate=false", "-o", "media=A4"]
    job = (tmp_path / "lp-job.pdf").read_bytes()
    assert job == notice  # every page: the issued file, byte for byte
    fonts_all_embedded(tmp_path / "lp-job.pdf")


def test_a_page_range_goes_to_lp_as_those_pages_only(
        notice: bytes, fake_lp: Path, tmp_path: Path) -> None:
    printer = cast(QPrinter, CupsPrinter("court-3", page_range=(2, 2)))
    assert printing.print_pdf(notice, printer) == 1
    job = (tmp_path / "lp-job.pdf").read_bytes()
    assert page_texts(job) == page_texts(notice)[1:]
    assert images(job) <= images(notice)  # no page became a picture
    fonts_all_embedded(tmp_path / "lp-job.pdf")


def test_lp_refusing_the_job_is_an_error_in_its_own_words(
        notice: bytes, fake_lp: Path) -> None:
    with pytest.raises(OSError, match="The printer or class does not exist"):
        printing.print_pdf(notice, cast(QPrinter, CupsPrinter("missing")))


# ------------------------------------------------------------------ raster
def test_without_a_vector_route_each_page_is_rendered_into_the_printer(
        qtbot: QtBot, tasks: TaskRunner, notice: bytes, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "printer_route", lambda _p: Route.RASTER)
    out = tmp_path / "printed.pdf"
    printer = file_printer(out)
    printer.setResolution(100)
    assert run_job(qtbot, tasks, notice, printer) == 2
    printed = out.read_bytes()
    assert len(PdfReader(io.BytesIO(printed)).pages) == 2
    assert images(printed) >= 2  # the raster route: pictures of the pages
