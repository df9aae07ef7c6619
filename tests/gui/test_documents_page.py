"""The Documents page (issue 4, GUI side): issuing from the page into the
register, the QtPdf preview, printing through QPrinter (to a PDF file, the
print dialog patched), batch printing with a bad item and with Cancel, the
Verify dialog (PDF and pasted QR text, intact and tampered), marking a
listing decision served, corrections, reprints, and the keyboard flow.

The court's state comes from ``tests/integration/document_fixtures.py``:
case (2026)京0105执1234号 with a signed listing of 张三 (grace until
2026-07-08, two restriction items) and a signed restriction order on the
company.  Chinese text goes in with ``setText``/``setPlainText`` (never
``qtbot.keyClicks``, which aborts on CJK text).
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
from document_fixtures import (  # noqa: E402
    CLERK,
    GRACE_UNTIL,
    ISSUED_ON,
    JUDGE,
    Court,
    build_court,
)

from courtapp.core.context import AppContext  # noqa: E402
from courtapp.core.documents.model import DocKind  # noqa: E402
from courtapp.core.domain.model import ServiceMethod  # noqa: E402
from courtapp.core.domain.roles import Actor, Role  # noqa: E402
from courtapp.core.services import documents as ds  # noqa: E402
from courtapp.core.services import listing as ls  # noqa: E402
from courtapp.ui.documents import (  # noqa: E402
    BatchDialog,
    DocumentsPage,
    IssueDialog,
    PreviewDialog,
    VerifyDialog,
)
from courtapp.ui.documents.model import (  # noqa: E402
    COL_KIND,
    COL_NUMBER,
    COL_RESPONDENT,
    COL_SERVICE,
    COL_SIGNER,
    COL_SUPERSEDED,
    RegisterModel,
)
from courtapp.ui.i18n import LanguageManager  # noqa: E402
from courtapp.ui.main_window import MainWindow  # noqa: E402
from courtapp.ui.settings import LANGUAGE_CHINESE, UiSettings  # noqa: E402
from courtapp.ui.tasks import TaskRunner  # noqa: E402

pytestmark = pytest.mark.usefixtures("tasks_settled")  # tasks end before the runner stops
TIMEOUT = 15_000
SERVED_ON = date(2026, 5, 12)
FIRST = "（2026）京0105执1234号之一"
SECOND = "（2026）京0105执1234号之二"


# ------------------------------------------------------------------ fixtures
@pytest.fixture
def court(sqlite_db: AppContext) -> Court:
    return build_court(sqlite_db)


@dataclass
class PrintSpy:
    """The print dialog, patched: accepts, and prints to a PDF file."""

    path: Path
    printers: list[QPrinter] = field(default_factory=list)
    page_range: tuple[int, int] | None = None
    titles: list[str] = field(default_factory=list)

    def pages(self) -> int:
        return len(PdfReader(str(self.path)).pages)


@pytest.fixture
def print_spy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PrintSpy:
    spy = PrintSpy(tmp_path / "printed.pdf")

    def fake_exec(dialog: QPrintDialog) -> int:
        spy.titles.append(dialog.windowTitle())
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(spy.path))
        printer.setResolution(100)
        if spy.page_range is not None:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*spy.page_range)
        spy.printers.append(printer)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    return spy


def open_page(qtbot: QtBot, db: AppContext, tasks: TaskRunner, actor: Actor,
              court: Court | None = None, today: date = ISSUED_ON) -> DocumentsPage:
    page = DocumentsPage(db, actor, tasks, clock=lambda: today)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    if court is not None:
        with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
            page.set_case(court.case_id, court.case_number)
    return page


def issue(db: AppContext, court: Court, kind: DocKind, respondent: int = 0,
          actor: Actor = CLERK) -> ds.Issued:
    return ds.issue(db.uow(), actor, kind, court.case_id, respondent=respondent,
                    issued_on=ISSUED_ON)


def reload(qtbot: QtBot, page: DocumentsPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.reload()


def select(page: DocumentsPage, *numbers: str) -> None:
    page.table.clearSelection()
    for n in numbers:
        row = next(r for r in range(page.model.rowCount())
                   if page.model.document(r).number == n)
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select
            | page.table.selectionModel().SelectionFlag.Rows)
        page.table.selectionModel().setCurrentIndex(
            page.model.index(row, 0), page.table.selectionModel().SelectionFlag.NoUpdate)


def cell(page: DocumentsPage, number: str, col: int) -> str:
    row = next(r for r in range(page.model.rowCount()) if page.model.document(r).number == number)
    return str(page.model.index(row, col).data())


def pdf_pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def open_issue_dialog(qtbot: QtBot, page: DocumentsPage) -> IssueDialog:
    dlg = page.open_issue()
    assert dlg is not None
    if dlg.context is None:
        qtbot.waitSignal(dlg.loaded, timeout=TIMEOUT).wait()
    return dlg


def activate(qtbot: QtBot, page: DocumentsPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=TIMEOUT)
    page.table.setFocus()


# -------------------------------------------------------------------- issue
def test_a_document_issued_from_the_page_appears_in_the_register(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    assert page.model.rowCount() == 0 and page.empty_hint.isVisible()
    assert page.issue_button.isEnabled()

    dlg = open_issue_dialog(qtbot, page)
    assert dlg.case_value.text() == court.case_number
    dlg.set_kind(DocKind.LISTING_DECISION)
    dlg.set_respondent(0)
    assert dlg.lang == "zh"  # Chinese is the default
    assert "signed" in dlg.needs.text()
    with qtbot.waitSignal(page.issued, timeout=TIMEOUT) as issued, \
            qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)

    d = issued.args[0]
    assert d.number == FIRST and d.kind is DocKind.LISTING_DECISION
    assert page.model.rowCount() == 1
    assert cell(page, FIRST, COL_NUMBER) == FIRST
    assert cell(page, FIRST, COL_KIND) == "Listing decision"
    assert cell(page, FIRST, COL_RESPONDENT) == "张三"
    assert cell(page, FIRST, COL_SIGNER) == "钱院长"  # the president who signed the listing
    assert cell(page, FIRST, COL_SUPERSEDED) == ""
    assert cell(page, FIRST, COL_SERVICE) == "not served"
    assert page.current_document() is not None and page.current_document().number == FIRST
    assert FIRST in page.message.text()
    # In the database, exactly that.
    [stored] = ds.list_documents(sqlite_db.uow(), CLERK, case_id=court.case_id)
    assert stored.number == FIRST and stored.signer == "钱院长"

    # An English version on request.
    dlg = open_issue_dialog(qtbot, page)
    dlg.set_kind(DocKind.EXECUTION_NOTICE)
    assert dlg.respondent == 0  # the respondent of the selected document, to start with
    dlg.set_respondent(None)
    dlg.set_lang("en")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    assert cell(page, SECOND, COL_KIND) == "Execution notice (EN)"
    assert cell(page, SECOND, COL_RESPONDENT) == "every respondent"


def test_the_kind_filter_and_the_case_scope(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    issue(sqlite_db, court, DocKind.EXECUTION_NOTICE)
    issue(sqlite_db, court, DocKind.RESTRICTION_ORDER, respondent=1)
    page = open_page(qtbot, sqlite_db, tasks, CLERK)
    assert page.case_id is None and page.model.rowCount() == 2
    assert page.model.document(0).number == SECOND  # newest first
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.set_kind_filter(DocKind.RESTRICTION_ORDER)
    assert [page.model.document(r).kind for r in range(page.model.rowCount())] == [
        DocKind.RESTRICTION_ORDER]
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.set_case(court.removed_case_id, court.removed_case_number)
    assert page.model.rowCount() == 0
    assert page.scope_combo.currentText() == f"Case {court.removed_case_number}"


def test_a_missing_precondition_is_refused_with_what_is_missing_in_the_ui_language(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        languages: LanguageManager, ui_settings: UiSettings) -> None:
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    dlg = open_issue_dialog(qtbot, page)
    dlg.set_kind(DocKind.DELETION)  # 张三's listing is not removed
    dlg.set_respondent(0)
    with qtbot.waitSignal(dlg.refused, timeout=TIMEOUT) as refused:
        qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    assert refused.args[0].startswith("Refused:")
    assert "removed (deleted or revoked) listing" in refused.args[0] and "张三" in refused.args[0]
    assert dlg.isVisible() and dlg.message.isVisible()
    assert ds.list_documents(sqlite_db.uow(), CLERK) == []

    ui_settings.language = LANGUAGE_CHINESE  # switches at once
    qtbot.waitUntil(lambda: dlg.windowTitle() == "签发文书")
    with qtbot.waitSignal(dlg.refused, timeout=TIMEOUT) as refused:
        qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    assert refused.args[0].startswith("已拒绝：")
    assert "已删除或撤销的失信记录" in refused.args[0]
    assert dlg.kind_combo.currentText() == "删除（撤销）失信信息决定书"


def test_the_details_a_kind_needs_go_into_the_document(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    dlg = open_issue_dialog(qtbot, page)
    dlg.set_kind(DocKind.PERMISSION)
    dlg.set_respondent(0)
    details = dlg.details
    assert set(details.inputs) >= {"permission", "travel_ground", "received_on", "from", "until"}
    details.set_value("permission", "travel")
    details.set_value("travel_ground", "illness")
    details.set_value("received_on", date(2026, 5, 25))
    details.set_value("from", date(2026, 6, 1))
    details.set_value("until", date(2026, 6, 5))
    details.set_value("itinerary", "北京—上海")
    assert not details.inputs["consumption"].isVisibleTo(dlg)  # only for consumption
    assert details.extra() == {"permission": "travel", "travel_ground": "illness",
                               "received_on": "2026-05-25", "from": "2026-06-01",
                               "until": "2026-06-05", "itinerary": "北京—上海"}
    with qtbot.waitSignal(page.issued, timeout=TIMEOUT) as issued:
        qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    content = ds.document_content(sqlite_db.uow(), CLERK, issued.args[0].number)
    assert content.extra["permission"] == "travel" and content.extra["itinerary"] == "北京—上海"


def test_a_draft_preview_is_neither_registered_nor_signed(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    dlg = open_issue_dialog(qtbot, page)
    dlg.set_kind(DocKind.WARNING)
    with qtbot.waitSignal(page.preview_opened, timeout=TIMEOUT) as opened:
        qtbot.mouseClick(dlg.draft_button, Qt.MouseButton.LeftButton)
    preview: PreviewDialog = opened.args[0]
    assert preview.draft and preview.draft_label.isVisible()
    assert preview.document.status() is QPdfDocument.Status.Ready
    text_ = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.data)).pages)
    assert "草稿" in text_ and "之一" not in text_  # numbered 草稿, not registered
    assert ds.list_documents(sqlite_db.uow(), CLERK) == []
    assert dlg.isVisible()  # the draft does not issue


# ------------------------------------------------------------------ preview
def test_the_preview_loads_the_issued_file_with_its_pages(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    issued = issue(sqlite_db, court, DocKind.EXECUTION_NOTICE)
    pages = pdf_pages(issued.pdf)
    assert pages == 2
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    with qtbot.waitSignal(page.preview_opened, timeout=TIMEOUT) as opened:
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    preview: PreviewDialog = opened.args[0]
    assert preview.document.status() is QPdfDocument.Status.Ready
    assert preview.page_count == pages == preview.document.pageCount()
    assert preview.data == issued.pdf  # the stored bytes, identical
    assert preview.of_label.text() == "of 2"
    assert preview.current_page == 0 and not preview.prev_button.isEnabled()
    preview.next_page()
    qtbot.waitUntil(lambda: preview.current_page == 1)
    assert preview.page_spin.value() == 2 and not preview.next_button.isEnabled()
    preview.page_spin.setValue(1)
    qtbot.waitUntil(lambda: preview.current_page == 0)
    before = preview.view.zoomFactor()
    preview.zoom_in()
    assert preview.view.zoomFactor() == pytest.approx(before * 1.25)
    assert preview.zoom_label.text().endswith("%") and not preview.fit_width_button.isChecked()
    preview.fit_width()
    assert preview.fit_width_button.isChecked() and preview.zoom_label.text() == ""
    preview.fit_page()
    assert preview.fit_page_button.isChecked() and not preview.fit_width_button.isChecked()


# -------------------------------------------------------------------- print
def test_printing_sends_every_page_and_honours_the_page_range(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        print_spy: PrintSpy) -> None:
    issued = issue(sqlite_db, court, DocKind.EXECUTION_NOTICE)
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    with qtbot.waitSignal(page.printed, timeout=TIMEOUT) as printed:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0] == 2
    assert print_spy.pages() == pdf_pages(issued.pdf) == 2
    # The document's own pages, not pictures of them: the same text, page by page.
    assert [p.extract_text() for p in PdfReader(str(print_spy.path)).pages] == \
        [p.extract_text() for p in PdfReader(io.BytesIO(issued.pdf)).pages]
    [printer] = print_spy.printers
    assert printer.pageLayout().pageSize().id().name == "A4"  # the document's paper
    assert print_spy.titles == ["Print 2 page(s) on A4"]  # the dialog says what will print
    assert "Sent 2 page(s)" in page.message.text()

    # From the preview, pages 2 to 2 only.
    print_spy.path.unlink()
    print_spy.page_range = (2, 2)
    with qtbot.waitSignal(page.preview_opened, timeout=TIMEOUT) as opened:
        page.preview_selected()
    preview: PreviewDialog = opened.args[0]
    with qtbot.waitSignal(preview.printed, timeout=TIMEOUT) as printed:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0] == 1 and print_spy.pages() == 1


def test_a_cancelled_print_dialog_prints_nothing(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def cancel(dialog: QPrintDialog) -> int:
        asked.append(dialog.maxPage())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    issued = issue(sqlite_db, court, DocKind.EXECUTION_NOTICE)
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    page.print_pdf(issued.pdf, "x")
    qtbot.waitUntil(lambda: asked == [2], timeout=TIMEOUT)  # the dialog knows the page count
    assert page.print_job is None and not list(tmp_path.glob("*.pdf"))


# -------------------------------------------------------------------- batch
def damage(db: AppContext, document_id: int) -> None:
    """The stored bytes of a register entry, damaged on disk (bypassing the ORM's guard)."""
    with db.engine.begin() as c:
        c.execute(text("update issued_documents set pdf = :pdf where id = :id"),
                  {"pdf": b"%PDF-1.4 damaged", "id": document_id})


def test_a_batch_of_three_with_one_bad_item_reports_it_and_prints_the_other_two(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        print_spy: PrintSpy) -> None:
    a = issue(sqlite_db, court, DocKind.EXECUTION_NOTICE)
    b = issue(sqlite_db, court, DocKind.LISTING_DECISION)
    c = issue(sqlite_db, court, DocKind.RESTRICTION_ORDER, respondent=1)
    damage(sqlite_db, b.document.id)
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    select(page, a.document.number, b.document.number, c.document.number)
    assert len(page.selected_documents()) == 3
    with qtbot.waitSignal(page.batch_opened, timeout=TIMEOUT) as opened:
        page.print_selected()  # several selected: one batch
    dlg: BatchDialog = opened.args[0]
    qtbot.waitUntil(lambda: dlg.result_step is not None, timeout=TIMEOUT)
    last = dlg.result_step
    assert last is not None and last.finished
    assert [f.label for f in last.failures] == [str(b.document.id)]
    assert "do not match" in last.failures[0].reason
    assert dlg.failures_list.count() == 1
    assert b.document.number in dlg.failures_list.item(0).text()  # named by its number
    assert last.numbers == (c.document.number, a.document.number)  # in register order
    assert last.pdf is not None
    assert pdf_pages(last.pdf) == pdf_pages(a.pdf) + pdf_pages(c.pdf)
    assert "2 document(s) in one file; 1 skipped" in dlg.summary.text()
    assert dlg.print_button.isVisible() and dlg.preview_button.isVisible()
    assert not dlg.cancel_button.isVisible()

    # Then the combined file is previewed and printed.
    with qtbot.waitSignal(page.printed, timeout=TIMEOUT):
        dlg.print_combined()
    assert dlg.preview is not None
    assert dlg.preview.document.status() is QPdfDocument.Status.Ready
    assert dlg.preview.page_count == pdf_pages(last.pdf)
    assert print_spy.pages() == pdf_pages(a.pdf) + pdf_pages(c.pdf)


def test_cancelling_a_batch_stops_it_and_prints_nothing(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        print_spy: PrintSpy) -> None:
    ids = [issue(sqlite_db, court, DocKind.EXECUTION_NOTICE).document.id for _ in range(6)]
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    dlg = page.batch_print_ids(ids, "six notices")
    assert dlg.cancel_button.isVisible()
    seen: list[ds.BatchProgress] = []

    def on_step(step: ds.BatchProgress) -> None:
        seen.append(step)
        if len(seen) == 1:  # mid-batch: the first of six is done
            qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)

    dlg.job.progressed.connect(on_step)
    with qtbot.waitSignal(dlg.batch_cancelled, timeout=TIMEOUT):
        pass
    assert [s.done for s in seen] == [1]
    assert dlg.result_step is None and dlg.pdf is None
    assert not dlg.print_button.isVisible() and not dlg.preview_button.isVisible()
    assert "nothing was printed" in dlg.summary.text()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert dlg.job.steps == 1 and not dlg.job.running
    assert not print_spy.path.exists() and print_spy.printers == []


def test_cancelling_a_batch_that_issues_keeps_only_what_was_issued_whole(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        print_spy: PrintSpy) -> None:
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    with qtbot.waitSignal(page.batch_opened, timeout=TIMEOUT) as opened:
        page.batch_restriction_orders()  # two signed orders, neither issued yet
    dlg: BatchDialog = opened.args[0]
    seen: list[ds.BatchProgress] = []

    def on_step(step: ds.BatchProgress) -> None:
        seen.append(step)
        dlg.cancel()

    dlg.job.progressed.connect(on_step)
    with qtbot.waitSignal(dlg.batch_cancelled, timeout=TIMEOUT):
        pass
    qtbot.waitUntil(lambda: tasks.pending == 0)
    issued = ds.list_documents(sqlite_db.uow(), CLERK, kind=DocKind.RESTRICTION_ORDER)
    # The step reported is the one stored: whole, signed and in the register.
    assert [s.issued.number for s in seen if s.issued] == [d.number for d in issued]
    assert len(issued) == 1 and dlg.pdf is None and not print_spy.path.exists()
    assert dlg.issued == [issued[0].number]
    assert "1 document(s) issued before the cancellation" in dlg.summary.text()


def test_every_warning_due_this_week_is_issued_and_printed_in_one_file(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        print_spy: PrintSpy) -> None:
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court, today=GRACE_UNTIL)
    with qtbot.waitSignal(page.batch_opened, timeout=TIMEOUT) as opened:
        page.batch_warnings_due()
    dlg: BatchDialog = opened.args[0]
    qtbot.waitSignal(dlg.batch_finished, timeout=TIMEOUT).wait()
    last = dlg.result_step
    assert last is not None and not last.failures and len(last.numbers) == 1
    [warning] = ds.list_documents(sqlite_db.uow(), CLERK, kind=DocKind.WARNING)
    assert last.numbers == (warning.number,) and warning.issued_on == GRACE_UNTIL
    assert last.pdf is not None and pdf_pages(last.pdf) >= 1

    # A second run prints the warning already issued; it is not issued twice.
    with qtbot.waitSignal(page.batch_opened, timeout=TIMEOUT) as opened:
        page.batch_warnings_due()
    again: BatchDialog = opened.args[0]
    qtbot.waitSignal(again.batch_finished, timeout=TIMEOUT).wait()
    assert again.result_step is not None and again.result_step.numbers == (warning.number,)
    assert len(ds.list_documents(sqlite_db.uow(), CLERK, kind=DocKind.WARNING)) == 1

    # Outside the week: nothing due, and the page says so.
    quiet = open_page(qtbot, sqlite_db, tasks, CLERK, court, today=date(2026, 7, 20))
    quiet.batch_warnings_due()
    qtbot.waitUntil(lambda: "No warning is due" in quiet.message.text(), timeout=TIMEOUT)


# ------------------------------------------------------------------- verify
def open_verify(qtbot: QtBot, db: AppContext, tasks: TaskRunner) -> VerifyDialog:
    dlg = VerifyDialog(db, CLERK, tasks)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.key_loaded, timeout=TIMEOUT):
        dlg.show()
    return dlg


def tamper_content_stream(pdf: bytes) -> bytes:
    """One byte changed inside the first content stream."""
    at = pdf.index(b"stream", pdf.index(b"/Contents")) + len(b"stream\n") + 20
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1:]


def test_verify_an_intact_pdf_is_valid_and_a_tampered_one_invalid(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    issued = issue(sqlite_db, court, DocKind.LISTING_DECISION)
    intact = tmp_path / "intact.pdf"
    intact.write_bytes(issued.pdf)
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(tamper_content_stream(issued.pdf))
    assert len(tampered.read_bytes()) == len(issued.pdf)

    dlg = open_verify(qtbot, sqlite_db, tasks)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (str(intact), "PDF files (*.pdf)")))
    with qtbot.waitSignal(dlg.verified, timeout=TIMEOUT) as verified:
        qtbot.mouseClick(dlg.pdf_button, Qt.MouseButton.LeftButton)
    outcome = verified.args[0]
    assert outcome.verdict.valid
    assert dlg.result_text.startswith("✔ VALID:")
    assert dlg.number_value.text() == FIRST
    assert dlg.case_value.text() == "（2026）京0105执1234号"  # as printed on the document
    assert dlg.kind_value.text() == "Listing decision"
    assert dlg.date_value.text() == ISSUED_ON.isoformat()
    assert "current" in dlg.register_value.text()

    with qtbot.waitSignal(dlg.verified, timeout=TIMEOUT) as verified:
        dlg.verify_file(tampered)
    assert not verified.args[0].verdict.valid
    assert dlg.result_text.startswith("✘ INVALID:")
    assert "altered" in dlg.result_text
    assert not dlg.fields.isVisible()


def test_verify_pasted_qr_text(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        languages: LanguageManager, ui_settings: UiSettings) -> None:
    issued = issue(sqlite_db, court, DocKind.WARNING)
    qr = issued.document.qr_text
    dlg = open_verify(qtbot, sqlite_db, tasks)
    dlg.qr_edit.setPlainText(qr)
    with qtbot.waitSignal(dlg.verified, timeout=TIMEOUT) as verified:
        qtbot.mouseClick(dlg.qr_button, Qt.MouseButton.LeftButton)
    assert verified.args[0].verdict.valid and dlg.result_text.startswith("✔ VALID:")
    assert dlg.number_value.text() == FIRST
    assert dlg.kind_value.text() == "Warning notice (grace period)"

    # One character of the number changed: the signature no longer matches.
    forged = qr.replace("之一", "之二", 1)
    dlg.qr_edit.setPlainText(forged)
    with qtbot.waitSignal(dlg.verified, timeout=TIMEOUT) as verified:
        qtbot.mouseClick(dlg.qr_button, Qt.MouseButton.LeftButton)
    assert not verified.args[0].verdict.valid
    assert "signature does not match" in dlg.result_text

    # Not a courtapp code at all; and the reason follows the interface language.
    ui_settings.language = LANGUAGE_CHINESE
    dlg.qr_edit.setPlainText("https://example.com/")
    with qtbot.waitSignal(dlg.verified, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.qr_button, Qt.MouseButton.LeftButton)
    assert dlg.result_text.startswith("✘ 无效：")
    assert "这不是本系统的核验码" in dlg.result_text


def test_verify_says_when_a_valid_document_was_superseded(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    old = issue(sqlite_db, court, DocKind.EXECUTION_NOTICE)
    new = ds.supersede(sqlite_db.uow(), CLERK, old.document.number, reason="错别字",
                       issued_on=ISSUED_ON)
    dlg = open_verify(qtbot, sqlite_db, tasks)
    with qtbot.waitSignal(dlg.verified, timeout=TIMEOUT):
        dlg.verify_qr_text(old.document.qr_text)
    assert dlg.outcome is not None and dlg.outcome.verdict.valid
    assert dlg.outcome.superseded_by == new.document.number
    assert "SUPERSEDED" in dlg.register_value.text()


def test_the_verify_dialog_is_under_tools_in_the_main_window(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    w = MainWindow(sqlite_db, CLERK, tasks, ui_settings)
    qtbot.addWidget(w)
    w.show()
    assert w.tools_menu.title() == "&Tools"
    assert w.verify_action in w.tools_menu.actions()
    w.verify_action.trigger()
    dlg = w.verify_dialog
    assert isinstance(dlg, VerifyDialog) and dlg.isVisible()
    w.verify_action.trigger()
    assert w.verify_dialog is dlg  # one at a time
    dlg.close()
    qtbot.waitUntil(lambda: w.verify_dialog is None)


def test_the_documents_page_follows_the_case_selected_on_the_cases_page(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    issue(sqlite_db, court, DocKind.EXECUTION_NOTICE)
    w = MainWindow(sqlite_db, CLERK, tasks, ui_settings)
    qtbot.addWidget(w)
    w.show()
    cases = w.cases_page
    assert cases is not None and w.documents_page is not None
    qtbot.waitUntil(lambda: cases.model.rowCount() > 0, timeout=TIMEOUT)
    row = next(r for r in range(cases.model.rowCount())
               if cases.model.summary(r).id == court.case_id)
    cases.table.selectRow(row)
    with qtbot.waitSignal(w.documents_page.loaded, timeout=TIMEOUT):
        w.show_page("notices")
    assert w.documents_page.case_id == court.case_id
    assert w.documents_page.model.rowCount() == 1


# ------------------------------------------------ service, corrections, files
def test_a_clerk_issues_notices_and_marks_a_listing_decision_served(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court, today=SERVED_ON)
    for kind in (DocKind.EXECUTION_NOTICE, DocKind.LISTING_DECISION):
        dlg = open_issue_dialog(qtbot, page)
        dlg.set_kind(kind)
        dlg.set_respondent(0)
        with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
            qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    decision = page.current_document()
    assert decision is not None and decision.kind is DocKind.LISTING_DECISION
    assert cell(page, decision.number, COL_SERVICE) == "not served"
    assert page.serve_button.isEnabled()
    select(page, FIRST)  # the execution notice: nothing to serve here
    assert not page.serve_button.isEnabled()
    select(page, decision.number)

    dlg_serve = page.serve_selected()
    assert dlg_serve is not None and dlg_serve.served_on == SERVED_ON
    dlg_serve.set_method(ServiceMethod.DIRECT)
    with qtbot.waitSignal(page.served, timeout=TIMEOUT) as served, \
            qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg_serve.ok_button, Qt.MouseButton.LeftButton)
    assert served.args[0] == court.listing_id
    [rec] = [r for r in ls.listings_for_case(sqlite_db.uow(), CLERK, court.case_id)
             if r.id == court.listing_id]
    assert rec.listing.served_on == SERVED_ON
    assert rec.listing.service_method is ServiceMethod.DIRECT
    assert cell(page, decision.number, COL_SERVICE) == SERVED_ON.isoformat()
    assert not page.serve_button.isEnabled()  # served once


def test_a_president_cannot_issue_or_mark_served(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    issue(sqlite_db, court, DocKind.LISTING_DECISION)
    president = Actor("钱院长", frozenset({Role.PRESIDENT}), display_name="钱院长")
    page = open_page(qtbot, sqlite_db, tasks, president, court)
    assert not page.issue_button.isEnabled() and page.open_issue() is None
    assert not page.serve_button.isEnabled() and page.serve_selected() is None
    assert page.preview_button.isEnabled() and page.print_button.isEnabled()


def test_a_correction_supersedes_and_both_stay_in_the_register(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    old = issue(sqlite_db, court, DocKind.EXECUTION_NOTICE, actor=JUDGE)
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    dlg = page.correct_selected()
    assert dlg is not None and not dlg.ok_button.isEnabled()  # a reason is required
    dlg.reason_edit.setPlainText("履行期限有误")
    assert dlg.ok_button.isEnabled()
    with qtbot.waitSignal(page.issued, timeout=TIMEOUT) as issued, \
            qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    new = issued.args[0]
    assert new.supersedes == old.document.number
    assert page.model.rowCount() == 2
    assert cell(page, old.document.number, COL_SUPERSEDED) == f"by {new.number}"
    assert cell(page, new.number, COL_SUPERSEDED) == ""
    assert page.current_document() is not None and page.current_document().number == new.number
    select(page, old.document.number)
    assert not page.correct_button.isEnabled()  # already superseded


def test_reprint_to_a_file_writes_the_identical_bytes(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    issued = issue(sqlite_db, court, DocKind.RESTRICTION_ORDER, respondent=1)
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(target), "PDF files (*.pdf)")))
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court)
    with qtbot.waitSignal(page.saved, timeout=TIMEOUT):
        qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == issued.pdf
    assert "identical to the issued file" in page.message.text()


# ----------------------------------------------------------------- keyboard
def test_the_daily_flow_open_preview_print_mark_served_by_keyboard(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        print_spy: PrintSpy) -> None:
    issued = issue(sqlite_db, court, DocKind.LISTING_DECISION)
    page = open_page(qtbot, sqlite_db, tasks, CLERK, court, today=SERVED_ON)
    activate(qtbot, page)
    assert page.table.hasFocus() and page.current_document() is not None  # focus rests here

    # Space: preview.
    with qtbot.waitSignal(page.preview_opened, timeout=TIMEOUT) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Space)
    preview: PreviewDialog = opened.args[0]
    qtbot.waitUntil(preview.isActiveWindow, timeout=TIMEOUT)
    assert preview.page_count == pdf_pages(issued.pdf)
    # Ctrl+P in the preview: print.
    with qtbot.waitSignal(preview.printed, timeout=TIMEOUT):
        qtbot.keyClick(preview.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert print_spy.pages() == pdf_pages(issued.pdf)
    # Esc: back to the register; Enter previews too.
    qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.preview_dialog is None)
    activate(qtbot, page)
    with qtbot.waitSignal(page.preview_opened, timeout=TIMEOUT) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    opened.args[0].close()
    qtbot.waitUntil(lambda: page.preview_dialog is None)
    activate(qtbot, page)

    # Ctrl+M: mark served; Enter accepts today and direct service.
    with qtbot.waitSignal(page.served, timeout=TIMEOUT), \
            qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        dlg = page.service_dialog
        assert dlg is not None
        qtbot.waitUntil(dlg.isActiveWindow, timeout=TIMEOUT)
        qtbot.keyClick(QApplication.focusWidget() or dlg, Qt.Key.Key_Return)
    [rec] = ls.listings_for_case(sqlite_db.uow(), CLERK, court.case_id)
    assert rec.listing.served_on == SERVED_ON

    # Ctrl+P on the register prints the selected document without a preview.
    activate(qtbot, page)
    print_spy.path.unlink()
    with qtbot.waitSignal(page.printed, timeout=TIMEOUT):
        qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert print_spy.pages() == pdf_pages(issued.pdf)

    # Ctrl+N: the Issue dialog, focus on the kind.
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.issue_dialog is not None and page.issue_dialog.isVisible()


# -------------------------------------------------------------------- model
def test_the_register_model_passes_the_model_tester(
        qtmodeltester: object, sqlite_db: AppContext, court: Court) -> None:
    issue(sqlite_db, court, DocKind.EXECUTION_NOTICE)
    issue(sqlite_db, court, DocKind.LISTING_DECISION)
    model = RegisterModel()
    docs = ds.list_documents(sqlite_db.uow(), CLERK)
    model.set_rows(docs)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2 and model.columnCount() == 8
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(model.index(0, 0), RegisterModel.RowRole) == docs[0]
    assert model.data(QModelIndex()) is None
    assert model.headerData(COL_KIND, Qt.Orientation.Horizontal) == "Kind"



# ------------------------------------------------------------------ sorting
def test_a_header_click_orders_the_register_on_the_server_with_an_arrow(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner) -> None:
    """Issue 12 §2: clicking a column header reloads the register in the database's
    order for that column (the id breaks ties), with a sort arrow; a second click
    reverses it.  (The first page and the pages after it, in each order:
    test_register_paging.py.)"""
    from courtapp.ui.documents.model import COL_ISSUED

    for kind, respondent in ((DocKind.WARNING, 0), (DocKind.EXECUTION_NOTICE, 0),
                             (DocKind.RESTRICTION_ORDER, 1), (DocKind.EXECUTION_NOTICE, 0),
                             (DocKind.WARNING, 0)):
        issue(sqlite_db, court, kind, respondent=respondent)
    page = open_page(qtbot, sqlite_db, tasks, CLERK)
    header = page.table.horizontalHeader()

    def shown() -> list[int]:
        return [page.model.document(r).id for r in range(page.model.rowCount())]

    def sql(order: str) -> list[int]:
        with sqlite_db.engine.connect() as c:
            return [r[0] for r in c.execute(text(
                "SELECT d.id FROM issued_documents d JOIN cases c ON c.id = d.case_id "
                f"ORDER BY {order}"))]

    def click(col: int) -> None:
        x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
        with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                             pos=QPoint(x, 5))

    assert len(shown()) >= 5 and shown() == sql("d.id DESC")  # newest first, every row
    click(COL_KIND)
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == COL_KIND
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    way = "" if ascending else " DESC"
    assert shown() == sql(f"d.kind{way}, d.lang{way}, d.id{way}") != sql("d.id DESC")
    click(COL_KIND)
    way = " DESC" if ascending else ""
    assert shown() == sql(f"d.kind{way}, d.lang{way}, d.id{way}")
    click(COL_NUMBER)
    assert header.sortIndicatorSection() == COL_NUMBER
    way = "" if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else " DESC"
    assert shown() == sql(f"d.number{way}, d.id{way}")
    assert page.model.sort_column() == COL_NUMBER and COL_ISSUED != COL_NUMBER
    before = shown()
    x = header.sectionViewportPosition(COL_SERVICE) + header.sectionSize(COL_SERVICE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    # The service column (read from the listing) is not sortable: arrow and order stay.
    assert header.sortIndicatorSection() == COL_NUMBER and shown() == before


def test_the_register_order_is_kept_per_user(
        qtbot: QtBot, sqlite_db: AppContext, court: Court, tasks: TaskRunner,
        ui_settings: UiSettings) -> None:
    """Issue 12 §8: the sort order chosen by a header click comes back for the
    same courtapp user in a new window, loaded from the database in that order;
    another user keeps the default (newest first)."""
    for kind, respondent in ((DocKind.WARNING, 0), (DocKind.EXECUTION_NOTICE, 0),
                             (DocKind.RESTRICTION_ORDER, 1)):
        issue(sqlite_db, court, kind, respondent=respondent)
    with sqlite_db.engine.connect() as c:
        by_kind = [r[0] for r in c.execute(text(
            "SELECT id FROM issued_documents ORDER BY kind DESC, lang DESC, id DESC"))]
        newest = [r[0] for r in c.execute(text("SELECT id FROM issued_documents ORDER BY id DESC"))]
    assert by_kind != newest

    def window(user: str) -> MainWindow:
        # The window makes the settings those of its actor's user name.
        w = MainWindow(sqlite_db, Actor(user, CLERK.roles), tasks, ui_settings, run_daily=False)
        qtbot.addWidget(w)
        return w

    def ids(w: MainWindow) -> list[int]:
        page = w.documents_page
        assert page is not None
        return [page.model.document(r).id for r in range(page.model.rowCount())]

    first = window("clerk_a")
    assert first.documents_page is not None
    qtbot.waitUntil(lambda: ids(first) == newest, timeout=TIMEOUT)
    with qtbot.waitSignal(first.documents_page.loaded, timeout=TIMEOUT):
        first.documents_page.table.horizontalHeader().setSortIndicator(
            COL_KIND, Qt.SortOrder.DescendingOrder)
    assert ids(first) == by_kind
    first.save_state()
    first.close()

    again = window("clerk_a")
    assert again.documents_page is not None
    assert again.documents_page.model.order == ("kind", True)
    assert again.documents_page.table.horizontalHeader().sortIndicatorSection() == COL_KIND
    qtbot.waitUntil(lambda: ids(again) == by_kind, timeout=TIMEOUT)

    other = window("clerk_b")
    assert other.documents_page is not None and other.documents_page.model.order == ("oldest", True)
    qtbot.waitUntil(lambda: ids(other) == newest, timeout=TIMEOUT)
