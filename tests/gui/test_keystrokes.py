"""Keystrokes for a whole new case and for a counter intake (issue 12 §7).

The issue's figures before fast entry, measured by hand at the first round: a
new case took about 33 fields, 47 clicks and 174 keystrokes (one property row
alone about 14 clicks); the counter intake about 73 keystrokes, keyboard only.
These tests do both from the keyboard alone, through :class:`Keys`, which
sends every key to the widget with the focus and counts it, and print the
figures (``pytest -s``).  A change to the app that needs more keys breaks the
checks of where the cursor is and of what was stored; the bounds keep the
scripts themselves from growing unnoticed.

How keys are counted: a key press is 1 (a character, Tab, Enter, Down, F2, a
shortcut such as Alt+3 or Ctrl+S, a Shift+Tab).  Chinese comes through an input
method: its committed characters count 1 each (a typed character = 1 keystroke;
how the first round counted Chinese is not recorded).  :attr:`Keys.pinyin`
also counts what a pinyin input method costs (the letters of the full pinyin
and a space to take the candidate), for comparison.  Chinese is committed with a
``QInputMethodEvent``, never ``keyClicks`` (STACK_NOTES).  No mouse is used.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from courtapp.core.context import AppContext
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.model import BasisKind, ObligationKind, PartyKind, PropertyKind
from courtapp.core.domain.petition import PetitionKind
from courtapp.core.domain.roles import Actor
from courtapp.core.services import cases as cs
from courtapp.core.services import documents as ds
from courtapp.core.services import petitions as ps
from courtapp.core.setup import record_court
from courtapp.ui.case_form import CaseFormDialog
from courtapp.ui.main_window import MainWindow
from courtapp.ui.settings import UiSettings
from courtapp.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))

from counter_fixtures import COUNTER, JUDGE, NUMBER, ZHANG_SAN, perform_fully, publish, store  # noqa: E402

TIMEOUT = 10_000
#: The issue's figures before fast entry (issue 12 §7, first round).
BEFORE_CASE_KEYS, BEFORE_CASE_CLICKS, BEFORE_CASE_FIELDS = 174, 47, 33
BEFORE_COUNTER_KEYS = 73
#: Measured with these tests; a change that adds keystrokes fails them.
CASE_KEYS, CASE_PINYIN = 150, 227
COUNTER_TO_FILE, COUNTER_KEYS, COUNTER_PINYIN = 39, 41, 69
#: The property kind's list is a popup; the offscreen platform cannot grab the keyboard.
OFFSCREEN_POPUP = "^This plugin does not support grabbing the keyboard$"
ALT, CTRL, SHIFT = (Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier,
                    Qt.KeyboardModifier.ShiftModifier)


class Keys:
    """Sends keys to whatever has the focus, and counts them (no mouse)."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0  # characters committed + other key presses
        self.pinyin = 0  # the same, a Chinese phrase costing its pinyin and a space
        self.clicks = 0  # mouse clicks: none is needed
        self.fields: list[str] = []  # the fields given a value by keyboard

    def target(self) -> Any:
        w = QApplication.focusWidget()  # a popup's list when one is open
        assert w is not None, "nothing has the keyboard focus"
        return w

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.target(), key, modifier)
            self.count += 1
            self.pinyin += 1

    def type(self, text: str) -> None:
        """ASCII text, one key press per character."""
        assert text.isascii()
        for ch in text:
            self.qtbot.keyClicks(self.target(), ch)
            self.count += 1
            self.pinyin += 1

    def ime(self, text: str, pinyin: str) -> None:
        """Chinese the way an input method delivers it: the composition (which
        opens a table cell's editor), then the committed text."""
        assert pinyin.isascii() and pinyin.isalpha()
        QApplication.sendEvent(self.target(), QInputMethodEvent(pinyin, []))
        commit = QInputMethodEvent()
        commit.setCommitString(text)
        QApplication.sendEvent(self.target(), commit)
        self.count += len(text)
        self.pinyin += len(pinyin) + 1

    def field(self, name: str) -> None:
        self.fields.append(name)


def focused(widget: Any) -> bool:
    return QApplication.focusWidget() is widget


# ------------------------------------------------------------- the case
@pytest.fixture
def no_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """No modal box may block the test: should a step fail, closing the form with
    its changes would ask one and hang the teardown."""
    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda *_a, **_k: QMessageBox.StandardButton.Yes)


def enter_case_by_keyboard(qtbot: QtBot, dlg: CaseFormDialog, today: date) -> Keys:
    """Case, basis, applicant, respondent, one obligation, one property row: keys only."""
    keys = Keys(qtbot)
    y = str(today.year)
    # 1 Case: the form opens with the cursor in the case number.
    assert focused(dlg.case_section.case_number)
    keys.type(f"({y})")
    keys.ime("京", "jing")
    keys.type("0105")
    keys.ime("执", "zhi")
    keys.type("2999")
    keys.ime("号", "hao")
    keys.field("case number")
    # The enforcing court (this desk's, from the set-up), the filing date (today)
    # and the judge (the user) are filled in already.
    assert (dlg.case_section.court_name.text(), dlg.case_section.court_code.text()) == (
        "北京市朝阳区人民法院", "京0105")

    # 2 Enforcement basis
    keys.press(Qt.Key.Key_2, ALT)
    assert focused(dlg.basis_section.kind)
    keys.press(Qt.Key.Key_Down)  # (choose) -> civil judgment
    keys.field("kind of document")
    keys.press(Qt.Key.Key_Tab)
    keys.ime("北京市朝阳区人民法院", "beijingshichaoyangqurenminfayuan")
    keys.field("issuing body")
    keys.press(Qt.Key.Key_Tab)
    keys.type("(2025)")
    keys.ime("京", "jing")
    keys.type("0105")
    keys.ime("民初", "minchu")
    keys.type("5678")
    keys.ime("号", "hao")
    keys.field("document number")
    keys.press(Qt.Key.Key_Tab)
    keys.type("20251120")
    keys.field("effective date")

    # 3 Parties: Alt+3 goes to the applicant's ID number; the name is before it.
    applicant = dlg.parties.cards["applicants"][0]
    respondent = dlg.parties.cards["respondents"][0]
    keys.press(Qt.Key.Key_3, ALT)
    assert focused(applicant.ident)
    keys.press(Qt.Key.Key_Tab, SHIFT)
    keys.ime("李四", "lisi")
    keys.field("applicant's name")
    keys.press(Qt.Key.Key_Tab)
    keys.type("11010519491231002X")
    keys.field("applicant's ID number")
    # public role, body to notify, Remove, then the respondent's kind and name
    keys.press(Qt.Key.Key_Tab, times=5)
    assert focused(respondent.name)
    keys.ime("张三", "zhangsan")
    keys.field("respondent's name")
    keys.press(Qt.Key.Key_Tab)
    keys.type("360426199101010071")
    keys.field("respondent's ID number")

    # 4 Obligations: Enter adds a row (money by default) and goes to its first cell.
    keys.press(Qt.Key.Key_4, ALT)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)
    keys.type("50000")
    keys.field("obligation's amount")
    keys.press(Qt.Key.Key_Tab)
    keys.ime("借款本金", "jiekuanbenjin")
    keys.field("obligation's description")
    keys.press(Qt.Key.Key_Return)  # commits; the empty row it adds goes again

    # 6 Property found: kind from its list, then description, value, date;
    # the measure (none) and the respondent (the only one) are filled in already.
    keys.press(Qt.Key.Key_6, ALT)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_F2)  # opens the list of kinds
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    keys.press(Qt.Key.Key_Down, times=2)  # bank deposit, real estate, vehicle
    keys.press(Qt.Key.Key_Return)
    keys.field("property's kind")
    keys.press(Qt.Key.Key_Tab)
    keys.ime("小型轿车", "xiaoxingjiaoche")
    keys.field("property's description")
    keys.press(Qt.Key.Key_Tab)
    keys.type("120000")
    keys.field("property's value")
    keys.press(Qt.Key.Key_Tab)
    keys.type(today.strftime("%Y%m%d"))
    keys.field("found on")
    keys.press(Qt.Key.Key_Return)  # commits, and adds a row that saving drops
    return keys


@pytest.mark.qt_log_ignore(OFFSCREEN_POPUP)
def test_a_whole_new_case_is_entered_and_saved_from_the_keyboard(
        qtbot: QtBot, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        no_boxes: None) -> None:
    today = date.today()  # the form files a new case today
    record_court(sqlite_db, judge, "北京市朝阳区人民法院", "京0105")  # as the set-up does
    dlg = CaseFormDialog(sqlite_db, judge, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(lambda: dlg.loaded and dlg.isActiveWindow())
    qtbot.waitUntil(lambda: dlg.case_section.court_code.text() == "京0105")  # offered

    keys = enter_case_by_keyboard(qtbot, dlg, today)
    with qtbot.waitSignal(dlg.case_saved, timeout=TIMEOUT) as saved:
        keys.press(Qt.Key.Key_S, CTRL)
    assert dlg.errors == []

    case = cs.get_case(sqlite_db.uow(), judge, case_id=saved.args[0]).case
    assert case.case_number == f"({today.year})京0105执2999号"
    assert (case.court.name, case.court.code) == ("北京市朝阳区人民法院", "京0105")
    assert (case.filed_on, case.judge) == (today, judge.display_name)
    b = case.basis
    assert (b.kind, b.issuer, b.document_number, b.effective_on) == (
        BasisKind.CIVIL_JUDGMENT, "北京市朝阳区人民法院", "(2025)京0105民初5678号",
        date(2025, 11, 20))
    assert [(p.kind, p.name, p.id_number) for p in case.applicants] == [
        (PartyKind.PERSON, "李四", "11010519491231002X")]
    assert [(p.kind, p.name, p.id_number) for p in case.respondents] == [
        (PartyKind.PERSON, "张三", "360426199101010071")]
    assert [(o.kind, o.amount, o.description) for o in case.obligations] == [
        (ObligationKind.MONETARY, Decimal("50000.00"), "借款本金")]
    [prop] = case.property
    assert (prop.kind, prop.description, prop.value, prop.found_on, prop.respondent) == (
        PropertyKind.VEHICLE, "小型轿车", Decimal("120000.00"), today, 0)
    assert case.total_due() == Decimal("50000.00")

    # court, court code, filing date, judge, two party kinds, obligation kind, measure,
    # respondent
    defaults = 9
    print(f"\ncase entry: {keys.count} keystrokes ({keys.pinyin} counting full pinyin), "
          f"{keys.clicks} clicks, {len(keys.fields)} fields typed or chosen "
          f"+ {defaults} filled in by the form; before: {BEFORE_CASE_KEYS} keystrokes, "
          f"{BEFORE_CASE_CLICKS} clicks, {BEFORE_CASE_FIELDS} fields")
    assert keys.clicks == 0
    assert len(keys.fields) == 15
    assert keys.count <= CASE_KEYS < BEFORE_CASE_KEYS
    assert keys.pinyin <= CASE_PINYIN


# ----------------------------------------------------------- the counter
def test_a_counter_intake_from_the_bare_sequence_number_to_the_receipt(
        qtbot: QtBot, cases_db: AppContext, tasks: TaskRunner, ui_settings: UiSettings) -> None:
    """Among 451 cases, the counter officer types 1234 for (2026)京0105执1234号."""
    db = cases_db
    case_id = store(db)
    publish(db, case_id)
    perform_fully(db, case_id, date(2026, 9, 25))
    filed_on = date(2026, 9, 30)
    w = MainWindow(db, COUNTER, tasks, ui_settings, run_daily=False, clock=lambda: filed_on)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert w.show_page("counter") and w.counter_page is not None
    form = w.counter_page.intake
    assert form is not None

    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_F, CTRL)  # wherever the cursor was: the case search
    assert focused(form.search)
    with qtbot.waitSignal(form.cases_found, timeout=TIMEOUT, check_params_cb=lambda n: n == 1):
        keys.type("1234")
    keys.field("case")
    keys.press(Qt.Key.Key_Return)  # takes the match, goes to the kind
    assert form.case is not None and form.case.id == case_id and focused(form.kind)
    assert form.selected_kind() is PetitionKind.REMOVAL_PERFORMED  # the first kind
    keys.press(Qt.Key.Key_Return)
    keys.type(ZHANG_SAN)
    keys.field("petitioner's ID number")
    keys.press(Qt.Key.Key_Return)
    keys.ime("张三", "zhangsan")
    keys.field("petitioner's name")
    keys.press(Qt.Key.Key_Return)
    assert focused(form.statement)
    keys.ime("已全部履行申请删除", "yiquanbulvxingshenqingshanchu")
    keys.field("statement")
    with qtbot.waitSignal(form.filed, timeout=TIMEOUT) as filed_sig:
        keys.press(Qt.Key.Key_Return, CTRL)  # files; received today is filled in
    to_file = keys.count
    filed: ps.Filed = filed_sig.args[0]
    with qtbot.waitSignal(form.receipt_shown, timeout=TIMEOUT) as shown:
        keys.press(Qt.Key.Key_P, CTRL)  # the receipt, to print
    preview = shown.args[0]
    assert preview.page_count >= 1
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: focused(form.search))  # ready for the next person

    [pet] = ps.list_petitions(db.uow(), JUDGE, case_id=case_id)
    assert pet.id == filed.petition.id and pet.number == f"{NUMBER}-申1"
    assert (pet.kind, pet.received_on, pet.petitioner_identifier, pet.petitioner_name) == (
        PetitionKind.REMOVAL_PERFORMED, filed_on, ZHANG_SAN, "张三")
    assert pet.statement == "已全部履行申请删除"
    assert filed.receipt is not None
    receipts = [d.number for d in ds.list_documents(db.uow(), JUDGE, case_id=case_id)
                if d.kind is DocKind.RECEIPT]
    assert receipts == [filed.receipt.number]

    print(f"\ncounter intake: {to_file} keystrokes to file, {keys.count} with the receipt "
          f"shown and closed ({keys.pinyin} counting full pinyin), {keys.clicks} clicks, "
          f"{len(keys.fields)} fields typed; before: {BEFORE_COUNTER_KEYS} keystrokes")
    assert keys.clicks == 0
    assert to_file <= COUNTER_TO_FILE
    assert keys.count <= COUNTER_KEYS < BEFORE_COUNTER_KEYS
    assert keys.pinyin <= COUNTER_PINYIN
