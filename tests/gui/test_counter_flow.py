"""The counter GUI end to end (issue 5): a counter officer files a
removal-on-performance petition with a receipt, the judge grants it in the
queue and the listing is removed, the removal's dispatch items appear and a
clerk acknowledges them.  Also: a stranger is refused at the field, the
queue's order and overdue marks, the Today page per role with the top alert
first, the 2027 calendar import making a provisional deadline firm, and a
keyboard-only intake.

State is built with the services (``tests/integration/counter_fixtures.py``).
Chinese text goes in with ``setText``/``setPlainText`` (STACK_NOTES).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))

from counter_fixtures import (  # noqa: E402
    ADMIN,
    CLERK,
    COUNTER,
    JUDGE,
    NUMBER,
    STRANGER,
    ZHANG_SAN,
    perform_fully,
    publish,
    store,
)

from courtapp.core.context import AppContext  # noqa: E402
from courtapp.core.documents.model import DocKind  # noqa: E402
from courtapp.core.domain.identifiers import display_number  # noqa: E402
from courtapp.core.domain.listing import ListingStatus  # noqa: E402
from courtapp.core.domain.petition import (  # noqa: E402
    CorrectionGround,
    PetitionDetails,
    PetitionKind,
)
from courtapp.core.domain.roles import Actor, Role  # noqa: E402
from courtapp.core.services import dispatch  # noqa: E402
from courtapp.core.services import documents as ds  # noqa: E402
from courtapp.core.services import listing as ls  # noqa: E402
from courtapp.core.services import petitions as ps  # noqa: E402
from courtapp.ui.counter import (  # noqa: E402
    CalendarSection,
    IntakeForm,
    LedgerPage,
    QueuePage,
    TodayPage,
)
from courtapp.ui.counter.queue import COL_OVERDUE  # noqa: E402
from courtapp.ui.tasks import TaskRunner  # noqa: E402

TIMEOUT = 10_000
FILED_ON = date(2026, 9, 30)
DECIDED_ON = date(2026, 10, 9)
PRESIDENT = Actor("钱院长", frozenset({Role.PRESIDENT}), display_name="钱院长")


def performed_case(db: AppContext) -> tuple[int, int]:
    """A published listing whose case is now fully performed."""
    cid = store(db)
    lid = publish(db, cid)
    perform_fully(db, cid, date(2026, 9, 25))
    return cid, lid


def open_intake(qtbot: QtBot, db: AppContext, tasks: TaskRunner, today: date = FILED_ON,
                actor: Actor = COUNTER) -> IntakeForm:
    form = IntakeForm(db, actor, tasks, clock=lambda: today)
    qtbot.addWidget(form)
    form.show()
    return form


def find_case(qtbot: QtBot, form: IntakeForm, text: str) -> None:
    with qtbot.waitSignal(form.cases_found, timeout=TIMEOUT, check_params_cb=lambda n: n > 0):
        form.search.setText(text)  # the case number is Chinese: setText, not keyClicks
    qtbot.waitUntil(lambda: form.case is not None, timeout=TIMEOUT)


def open_queue(qtbot: QtBot, db: AppContext, tasks: TaskRunner, today: date) -> QueuePage:
    page = QueuePage(db, JUDGE, tasks, clock=lambda: today)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def open_today(qtbot: QtBot, db: AppContext, tasks: TaskRunner, actor: Actor, today: date) -> TodayPage:
    page = TodayPage(db, actor, tasks, clock=lambda: today)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


# ------------------------------------------------------------- end to end
def test_intake_with_receipt_then_grant_and_removal_then_dispatch_acknowledged(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = sqlite_db
    cid, lid = performed_case(db)

    # --- 1. The counter officer's intake, with an evidence file and the statement.
    form = open_intake(qtbot, db, tasks)
    find_case(qtbot, form, NUMBER)
    assert form.case is not None and form.case.id == cid
    form.set_kind(PetitionKind.REMOVAL_PERFORMED)
    assert "Art. 10 para. 1 item 1" in form.basis.text()
    form.petitioner_id.setText(ZHANG_SAN)
    form.statement.setPlainText("本人已全部履行，申请删除失信信息。")
    proof = tmp_path / "transfer.pdf"
    proof.write_bytes("银行转账凭证：40000元".encode())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(proof)], ""))
    qtbot.mouseClick(form.add_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.evidence.count() == 1, timeout=TIMEOUT)
    assert form.attached[0].sha256 in form.evidence.item(0).text()
    with qtbot.waitSignal(form.filed, timeout=TIMEOUT) as filed_sig:
        qtbot.mouseClick(form.file_button, Qt.MouseButton.LeftButton)
    filed: ps.Filed = filed_sig.args[0]
    pet = filed.petition
    assert pet.number == f"{NUMBER}-申1"
    assert (pet.due, pet.due_provisional) == (date(2026, 10, 10), False)
    assert pet.number in form.message.text() and "2026-10-10" in form.message.text()
    # the statement is a field of the petition, not a text file among the evidence
    assert [e.name for e in pet.evidence] == ["transfer.pdf"]
    assert pet.statement == "本人已全部履行，申请删除失信信息。"
    # the form is clear for the next person
    assert form.case is None and form.petitioner_id.text() == "" and form.evidence.count() == 0

    # --- 2. The receipt: shown for printing, and in the register with the petition number.
    with qtbot.waitSignal(form.receipt_shown, timeout=TIMEOUT) as shown:
        qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    preview = shown.args[0]
    assert preview.page_count >= 1
    preview.close()
    assert filed.receipt is not None
    receipts = [d for d in ds.list_documents(db.uow(), JUDGE, case_id=cid) if d.kind is DocKind.RECEIPT]
    assert [d.number for d in receipts] == [filed.receipt.number]
    content = ds.document_content(db.uow(), JUDGE, filed.receipt.number)
    assert display_number(pet.number) in "".join(content.body) + content.term  # （2026）…-申1
    assert "transfer.pdf" in "".join(content.body) and ".txt" not in "".join(content.body)

    # --- 3. The judge's queue: open it, grant with reasons.
    queue = open_queue(qtbot, db, tasks, DECIDED_ON)
    assert [r.petition.number for r in queue.rows()] == [pet.number]
    with qtbot.waitSignal(queue.detail_loaded, timeout=TIMEOUT):
        assert queue.select_petition(pet.number)
    assert queue.evidence.count() == 1 and "transfer.pdf" in queue.evidence.item(0).text()
    assert "本人已全部履行，申请删除失信信息。" in queue.detail.toPlainText()
    qtbot.mouseClick(queue.grant_button, Qt.MouseButton.LeftButton)  # no reasons: refused
    assert queue.message.text() and queue.current is not None
    queue.reasons.setPlainText("经核实，被执行人已全部履行生效法律文书确定的义务。")
    queue.verified.setChecked(True)
    with qtbot.waitSignal(queue.decided, timeout=TIMEOUT) as decided_sig:
        qtbot.mouseClick(queue.grant_button, Qt.MouseButton.LeftButton)
    decided: ps.Decided = decided_sig.args[0]
    assert decided.document is not None
    assert decided.petition.effect_due is not None
    assert f"removal due by {decided.petition.effect_due.isoformat()}" in queue.message.text()
    assert decided.document.number in queue.message.text()
    qtbot.waitUntil(lambda: queue.rows() == [], timeout=TIMEOUT)

    # the listing is removed
    [rec] = [r for r in ls.listings_for_case(db.uow(), JUDGE, cid) if r.id == lid]
    assert rec.listing.status is ListingStatus.REMOVED
    assert rec.listing.removed_on == DECIDED_ON

    # --- 4. The dispatch items of the removal; a clerk acknowledges every open item.
    ledger = LedgerPage(db, CLERK, tasks, clock=lambda: DECIDED_ON)
    qtbot.addWidget(ledger)
    with qtbot.waitSignal(ledger.loaded, timeout=TIMEOUT):
        ledger.show()
    removal = [i for i in ledger.items() if i.event == "removal" and i.listing_id == lid]
    assert removal, "the removal created dispatch items"
    ledger.table.selectAll()
    with qtbot.waitSignal(ledger.acknowledged, timeout=TIMEOUT):
        qtbot.mouseClick(ledger.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ledger.items() == [], timeout=TIMEOUT)
    assert dispatch.open_items(db.uow(), JUDGE) == []


# --------------------------------------------------------------- intake
def test_the_intake_refuses_a_petitioner_who_is_not_a_party_at_the_field(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    performed_case(sqlite_db)
    form = open_intake(qtbot, sqlite_db, tasks)
    find_case(qtbot, form, NUMBER)
    form.petitioner_id.setText(STRANGER)
    with qtbot.waitSignal(form.failed, timeout=TIMEOUT):
        form.file()
    assert form.petitioner_id_error.isVisibleTo(form)
    assert STRANGER in form.petitioner_id_error.text()
    assert "only a party may petition" in form.petitioner_id_error.text()
    assert form.case is not None  # nothing was lost
    assert ps.list_petitions(sqlite_db.uow(), JUDGE) == []


def test_a_keyboard_only_intake_files_a_petition(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    performed_case(sqlite_db)
    form = open_intake(qtbot, sqlite_db, tasks)
    form.activateWindow()
    with qtbot.waitSignal(form.cases_found, timeout=TIMEOUT):
        qtbot.keyClicks(form.search, ZHANG_SAN)  # an ID number: ASCII
    qtbot.keyClick(form.search, Qt.Key.Key_Return)  # takes the match, moves to the kind
    assert form.case is not None
    assert form.kind.hasFocus() or form.focusWidget() is form.kind
    qtbot.keyClick(form.kind, Qt.Key.Key_Return)  # the default kind: removal on performance
    assert form.focusWidget() is form.petitioner_id
    qtbot.keyClicks(form.petitioner_id, ZHANG_SAN)
    with qtbot.waitSignal(form.filed, timeout=TIMEOUT) as filed:
        qtbot.keyClick(form.petitioner_id, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert filed.args[0].petition.kind is PetitionKind.REMOVAL_PERFORMED
    assert form.focusWidget() is form.search  # ready for the next person


# ---------------------------------------------------------------- queue
def test_R_R7_the_queue_orders_by_the_deletion_deadline_and_marks_the_overdue_in_working_days(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    db = sqlite_db
    cid, _ = performed_case(db)
    corr = ps.file_petition(db.uow(), COUNTER, cid, PetitionKind.CORRECTION, petitioner_id=ZHANG_SAN,
                            received_on=date(2026, 9, 1), issue_receipt=False,
                            details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    rem = ps.file_petition(db.uow(), COUNTER, cid, PetitionKind.REMOVAL_PERFORMED,
                           petitioner_id=ZHANG_SAN, received_on=date(2026, 9, 10), issue_receipt=False)
    page = open_queue(qtbot, db, tasks, date(2026, 9, 17))
    rows = page.rows()
    # removal decision due 9-15, correction 9-16: both overdue on 9-17 (2 and 1 working
    # days); the removal's deletion runs from the performance recorded on 9-25, so it is
    # due 9-30 and comes after the correction (R-R7: the queue orders by it)
    assert [r.petition.number for r in rows] == [corr.petition.number, rem.petition.number]
    assert [(r.overdue, r.working_days_overdue) for r in rows] == [(True, 1), (True, 2)]
    assert rows[1].petition.deletion_due == date(2026, 9, 30)
    cell = page.proxy.index(1, COL_OVERDUE)
    assert "2 working day" in page.proxy.data(cell)
    assert page.proxy.data(cell, Qt.ItemDataRole.BackgroundRole) is not None


# ---------------------------------------------------------------- today
def test_the_today_page_shows_each_role_its_items_and_the_top_alert_first(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    db = sqlite_db
    cid, lid = performed_case(db)
    filed = ps.file_petition(db.uow(), COUNTER, cid, PetitionKind.REMOVAL_PERFORMED,
                             petitioner_id=ZHANG_SAN, received_on=FILED_ON)
    counter = open_today(qtbot, db, tasks, COUNTER, FILED_ON)
    assert any(filed.petition.number in i.text and i.section == "Receipts of today"
               for i in counter.items)
    assert counter.items[0].target == ("counter:intake", filed.petition.id)

    judge = open_today(qtbot, db, tasks, JUDGE, date(2026, 10, 13))
    [item] = [i for i in judge.items if i.section == "Petitions to decide"]
    assert item.level == "overdue" and "OVERDUE" in item.text
    with qtbot.waitSignal(judge.open_requested) as opened:
        judge.activate(judge.items.index(item))
    assert opened.args == ["counter:queue", filed.petition.id]

    # the judge grants; nobody acknowledges the removal: three working days later it is the top alert
    from courtapp.core.domain.petition import Decision
    ps.decide(db.uow(), JUDGE, filed.petition.id,
              Decision(True, "已全部履行", DECIDED_ON, facts_verified=True))
    admin = open_today(qtbot, db, tasks, ADMIN, date(2026, 10, 20))
    assert admin.items[0].level == "alert"
    assert admin.top_alert.isVisibleTo(admin) and NUMBER in admin.top_alert.text()
    assert any(i.section == "Administration" and "2027" in i.text for i in admin.items)
    president = open_today(qtbot, db, tasks, PRESIDENT, date(2026, 10, 20))
    assert president.items[0].level == "alert"
    assert not any(i.section == "Petitions to decide" for i in president.items)


# ---------------------------------------------------------------- admin
def test_importing_the_2027_calendar_makes_a_provisional_deadline_firm(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = sqlite_db
    cid, _ = performed_case(db)
    today = date(2026, 12, 30)
    form = open_intake(qtbot, db, tasks, today)
    find_case(qtbot, form, NUMBER)
    form.petitioner_id.setText(ZHANG_SAN)
    with qtbot.waitSignal(form.filed, timeout=TIMEOUT) as filed:
        form.file()
    pet = filed.args[0].petition
    assert pet.due_provisional and 2027 in pet.missing_years
    assert "PROVISIONAL" in form.message.text()

    section = CalendarSection(db, ADMIN, tasks, clock=lambda: today)
    qtbot.addWidget(section)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT) as loaded:
        section.show()
    assert loaded.args == [1]  # 2027 is missing
    assert section.table.item(0, 0).text() == "2027"
    bad = tmp_path / "bad.txt"
    bad.write_text("2027-01-01 holiday 元旦\n2027-13-01 holiday x\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    with qtbot.waitSignal(section.import_failed, timeout=TIMEOUT) as failed:
        qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    assert "line 2" in failed.args[0]
    good = tmp_path / "2027.txt"
    good.write_text("# 国务院办公厅通知（示例）\n2027-01-01 holiday 元旦\n2027-01-02 holiday 元旦\n"
                    "2027-01-03 holiday 元旦\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    with qtbot.waitSignal(section.imported, timeout=TIMEOUT):
        qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT) as reloaded:
        pass
    assert reloaded.args == [0]
    firm = ps.get_petition(db.uow(), JUDGE, pet.id)
    assert not firm.due_provisional
