"""The case form: entering, validating, saving, reloading and guarding a case.

Chinese text is typed the way an input method delivers it (a
``QInputMethodEvent`` commit string), never with ``qtbot.keyClicks``, which
aborts the process on CJK text (STACK_NOTES).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from sqlalchemy import text

from courtapp.core import interchange
from courtapp.core.context import AppContext
from courtapp.core.domain.identifiers import ric_check_char
from courtapp.core.domain.model import CONDUCT_GROUND, ConductType, EnforcementCase, PartyKind
from courtapp.core.domain.roles import Actor
from courtapp.core.domain.validation import message
from courtapp.core.services.cases import (
    CaseRecord,
    SearchQuery,
    count_cases,
    create_case,
    get_case,
    update_case,
)
from courtapp.core.setup import record_court
from courtapp.ui.case_form import CaseFormDialog, current_language
from courtapp.ui.case_form.dialog import NAV_ERRORS_ROLE, merge_errors
from courtapp.ui.case_form.labels import CONDUCT_TYPE
from courtapp.ui.case_form.parties import PartyCard
from courtapp.ui.tasks import TaskRunner

EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "example_case.json"
PARTIES, OBLIGATIONS = 2, 3  # section indexes in the navigation list


# ------------------------------------------------------------------ fixtures
class Boxes:
    """Stands in for the modal QMessageBox functions; records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def _record(self, kind: str, args: tuple[Any, ...]) -> None:
        self.calls.append((kind, str(args[1]), str(args[2])))

    def question(self, *args: Any, **_kw: Any) -> QMessageBox.StandardButton:
        self._record("question", args)
        return self.answer

    def warning(self, *args: Any, **_kw: Any) -> QMessageBox.StandardButton:
        self._record("warning", args)
        return QMessageBox.StandardButton.Ok

    def critical(self, *args: Any, **_kw: Any) -> QMessageBox.StandardButton:
        self._record("critical", args)
        return QMessageBox.StandardButton.Ok

    def kinds(self) -> list[str]:
        return [c[0] for c in self.calls]


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    b = Boxes()
    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, getattr(b, name, b.warning))
    return b


@pytest.fixture
def tasks(qapp: QApplication, sqlite_db: AppContext) -> Iterator[TaskRunner]:
    t = TaskRunner()
    yield t
    t.shutdown()


@pytest.fixture
def example() -> EnforcementCase:
    return interchange.loads(EXAMPLE.read_text(encoding="utf-8"))[0]


@pytest.fixture
def stored(sqlite_db: AppContext, judge: Actor, example: EnforcementCase) -> CaseRecord:
    return create_case(sqlite_db.uow(), judge, example)


# ------------------------------------------------------------------- helpers
def open_form(qtbot: Any, ctx: AppContext, actor: Actor, tasks: TaskRunner,
              case_id: int | None = None) -> CaseFormDialog:
    dlg = CaseFormDialog(ctx, actor, tasks, case_id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.loaded, timeout=5000)
    return dlg


def enter(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Replace the text as an input method would, then press Return."""
    edit.setFocus()
    edit.selectAll()
    edit.del_()
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(edit, ev)
    assert edit.text() == text
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def add_row(qtbot: Any, table: Any) -> int:
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    return len(table.model.rows) - 1


def enter_case(qtbot: Any, dlg: CaseFormDialog, case: EnforcementCase) -> None:
    """Fill a new-case form field by field, as a judge would."""
    cs = dlg.case_section
    # The form accepts the full-width brackets printed on court documents.
    enter(qtbot, cs.case_number, case.case_number.replace("(", "（").replace(")", "）"))
    assert cs.court_code.text() == case.court.code  # taken from the case number
    enter(qtbot, cs.court_name, case.court.name)
    cs.filed_on.set_value(case.filed_on)
    enter(qtbot, cs.judge, case.judge)

    b = dlg.basis_section
    b.kind.set_value(case.basis.kind.value)
    enter(qtbot, b.issuer, case.basis.issuer)
    enter(qtbot, b.document_number, case.basis.document_number)
    b.effective_on.set_value(case.basis.effective_on)

    for side in ("applicants", "respondents"):
        for i, p in enumerate(getattr(case, side)):
            if i >= len(dlg.parties.cards[side]):
                qtbot.mouseClick(dlg.parties.add_buttons[side], Qt.MouseButton.LeftButton)
            card = dlg.parties.cards[side][i]
            card.kind.set_value(p.kind.value)
            enter(qtbot, card.ident, p.identifier)
            enter(qtbot, card.name, p.name)
            for o in p.officers:
                j = add_row(qtbot, card.officers)
                m = card.officers.model
                m.set_value(j, "role", o.role.value)
                m.set_value(j, "name", o.name)
                m.set_value(j, "id_number", o.id_number)

    m = dlg.obligations.model
    for ob in case.obligations:
        j = add_row(qtbot, dlg.obligations.table)
        m.set_value(j, "kind", ob.kind.value)
        if ob.amount is not None:
            m.set_value(j, "amount", f"{ob.amount:,}")  # "50,000.00": separators are fine
        m.set_value(j, "description", ob.description)

    n = case.execution_notice
    nt = dlg.notice
    nt.issued.setChecked(n is not None)
    if n is not None:
        nt.issued_on.set_value(n.issued_on)
        nt.deadline.set_value(n.deadline)
        nt.served_on.edit.set_value(n.served_on)
        nt.service_method.set_value(n.service_method.value if n.service_method else None)

    resp = dlg.parties.respondent_uid
    m = dlg.payments.model
    for p in case.payments:
        j = add_row(qtbot, dlg.payments.table)
        m.set_value(j, "on", p.on)
        m.set_value(j, "respondent", resp(p.respondent))
        m.set_value(j, "amount", "" if p.amount is None else str(p.amount))
        m.set_value(j, "act", p.act or "")
        m.set_value(j, "obligation", dlg.obligations.uid_at(p.obligation))
        m.set_value(j, "evidence", p.evidence)
    m = dlg.property_section.model
    for x in case.property:
        j = add_row(qtbot, dlg.property_section.table)
        for key, value in (("kind", x.kind.value), ("description", x.description),
                           ("value", str(x.value)), ("found_on", x.found_on),
                           ("measure", x.measure.value), ("respondent", resp(x.respondent))):
            m.set_value(j, key, value)
    m = dlg.security.model
    for s in case.security:
        j = add_row(qtbot, dlg.security.table)
        for key, value in (("kind", s.kind.value), ("value", str(s.value)),
                           ("respondent", resp(s.respondent)), ("description", s.description)):
            m.set_value(j, key, value)
    m = dlg.conduct.model
    for c in case.conduct:
        j = add_row(qtbot, dlg.conduct.table)
        for key, value in (("type", c.type.value), ("on", c.on),
                           ("description", c.description), ("respondent", resp(c.respondent))):
            m.set_value(j, key, value)
    m = dlg.findings.model
    for f in case.findings:
        m.set_value(f.respondent, "able_to_perform", f.able_to_perform)
        m.set_value(f.respondent, "later_in_performance_order", f.later_in_performance_order)
        m.set_value(f.respondent, "campus_loan_student", f.campus_loan_student)
        m.set_value(f.respondent, "serious_violence", f.serious_violence)


def save_and_wait_for_errors(qtbot: Any, dlg: CaseFormDialog) -> None:
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors) and not dlg._saving, timeout=5000)


def msg(rule: str) -> str:
    en, zh = message(rule)
    return zh if current_language() == "zh" else en


def cases_in_db(ctx: AppContext, actor: Actor) -> int:
    return count_cases(ctx.uow(), actor, SearchQuery())


def valid_id(birth: str, seq: str = "001") -> str:
    first = "110105" + birth + seq
    return first + ric_check_char(first)


# --------------------------------------------------------------------- tests
def test_new_case_entered_field_by_field_is_saved_as_entered(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        example: EnforcementCase) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    assert dlg.windowTitle() and not dlg.read_only
    enter_case(qtbot, dlg, example)
    qtbot.waitUntil(lambda: dlg.summary.values["outstanding"].text() == "¥40,000.00")
    assert dlg.summary.values["due"].text() == "¥50,000.00"
    assert dlg.summary.values["paid"].text() == "¥10,000.00"

    with qtbot.waitSignal(dlg.case_saved, timeout=5000) as saved:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    case_id = saved.args[0]
    assert get_case(sqlite_db.uow(), judge, case_id=case_id).case == example
    assert not dlg.isVisible()


def test_a_new_case_offers_this_desks_court_and_drops_it_for_another_courts_number(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        stored: CaseRecord) -> None:
    record_court(sqlite_db, judge, "北京市朝阳区人民法院", "京0105")
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    sec = dlg.case_section
    qtbot.waitUntil(lambda: sec.court_name.text() == "北京市朝阳区人民法院", timeout=5000)
    assert sec.court_code.text() == "京0105"
    assert not dlg.dirty  # filled in by the form, not typed: closing asks nothing
    assert QApplication.focusWidget() is sec.case_number  # typing starts at the number
    enter(qtbot, sec.case_number, "(2026)京0108执12号")  # a case of another court
    assert (sec.court_name.text(), sec.court_code.text()) == ("", "京0108")
    dlg.close()

    # A court typed by hand stays whatever number follows.
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    sec = dlg.case_section
    qtbot.waitUntil(lambda: sec.court_code.text() == "京0105", timeout=5000)
    enter(qtbot, sec.court_name, "北京市第二中级人民法院")
    enter(qtbot, sec.case_number, "(2026)京02执12号")
    assert (sec.court_name.text(), sec.court_code.text()) == ("北京市第二中级人民法院", "京0105")
    dlg.close()

    # An existing case shows its own court, never the desk's.
    with sqlite_db.uow() as uow:
        uow.session.execute(text("update cases set court_name = '北京市东城区人民法院', "
                                 "court_code = '京0101' where id = :id"), {"id": stored.id})
        uow.commit()
    dlg = open_form(qtbot, sqlite_db, judge, tasks, stored.id)
    assert (dlg.case_section.court_name.text(), dlg.case_section.court_code.text()) == (
        "北京市东城区人民法院", "京0101")


def test_bad_id_check_digit_is_shown_at_its_field_and_nothing_is_saved(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        example: EnforcementCase) -> None:
    bad = copy.deepcopy(example)
    bad.respondents[0].id_number = "360426199101010072"
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    enter_case(qtbot, dlg, bad)
    saved: list[int] = []
    dlg.case_saved.connect(saved.append)

    save_and_wait_for_errors(qtbot, dlg)

    card = dlg.parties.cards["respondents"][0]
    text = msg("ric.checksum")
    assert [e.path for e in dlg.errors] == ["respondents[0].id_number"]
    assert card.ident.toolTip() == text
    assert card.ident_error.text() == text and card.ident_error.isVisible()
    assert dlg.parties.error_list.paths() == ["respondents[0].id_number"]
    assert dlg.nav.item(PARTIES).data(NAV_ERRORS_ROLE) == 1
    assert dlg.nav.item(0).data(NAV_ERRORS_ROLE) == 0
    assert dlg.nav.currentRow() == PARTIES  # went to the first problem
    assert dlg.banner.isVisible() and dlg.banner.kind == "error"
    assert dlg.isVisible() and not saved and cases_in_db(sqlite_db, judge) == 0

    # Correcting the number clears the mark at once; then the case saves.
    enter(qtbot, card.ident, "360426199101010071")
    qtbot.waitUntil(lambda: not card.ident_error.isVisible())
    assert dlg.nav.item(PARTIES).data(NAV_ERRORS_ROLE) == 0
    with qtbot.waitSignal(dlg.case_saved, timeout=5000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert cases_in_db(sqlite_db, judge) == 1


def test_malformed_case_number_bad_amount_and_empty_date_get_field_messages(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        example: EnforcementCase) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    enter_case(qtbot, dlg, example)
    enter(qtbot, dlg.case_section.case_number, "2026京0105执1234")
    dlg.obligations.model.set_value(0, "amount", "abc")
    dlg.basis_section.effective_on.clear_value()

    save_and_wait_for_errors(qtbot, dlg)

    by_path = {e.path: e.rule for e in dlg.errors}
    assert by_path == {"case_number": "case_number.format", "obligations[0].amount": "amount.format",
                       "basis.effective_on": "required"}
    assert dlg.case_section.case_number.toolTip() == msg("case_number.format")
    assert dlg.obligations.model.error(0, "amount") == msg("amount.format")
    idx = dlg.obligations.model.index(0, dlg.obligations.model.column_of("amount"))
    assert idx.data(Qt.ItemDataRole.ToolTipRole) == msg("amount.format")
    assert idx.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert dlg.basis_section.effective_on.toolTip() == msg("required")
    # Not a silent zero: the live figures refuse to add up an unreadable amount.
    assert dlg.summary.values["due"].text() == "—"
    assert cases_in_db(sqlite_db, judge) == 0


def test_a_wrong_amount_is_reported_once_not_also_as_a_missing_amount() -> None:
    from courtapp.ui.case_form.base import field_error

    parse = [field_error("obligations[0].amount", "amount.format"),
             field_error("filed_on", "required")]
    rules = [field_error("obligations[0].amount", "obligation.amount_required"),
             field_error("basis.effective_on", "basis.after_filing"),
             field_error("judge", "required")]
    merged = merge_errors(parse, rules)
    assert [(e.path, e.rule) for e in merged] == [
        ("obligations[0].amount", "amount.format"), ("filed_on", "required"),
        ("judge", "required")]


def test_clicking_a_listed_problem_goes_to_its_field(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        example: EnforcementCase) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    enter_case(qtbot, dlg, example)
    officers = dlg.parties.cards["respondents"][1].officers
    officers.model.set_value(0, "id_number", "11010519800101001")
    dlg.obligations.model.set_value(1, "description", "")
    save_and_wait_for_errors(qtbot, dlg)
    assert officers.model.error(0, "id_number") == msg("ric.length")

    dlg.go_to_section(0)
    lst = dlg.obligations.error_list
    assert lst.paths() == ["obligations[1].description"]
    dlg.go_to_section(OBLIGATIONS)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=lst.visualItemRect(lst.item(0)).center())
    view = dlg.obligations.table.view
    assert dlg.nav.currentRow() == OBLIGATIONS
    assert view.currentIndex().row() == 1
    assert view.currentIndex().column() == dlg.obligations.model.column_of("description")


def test_an_existing_case_fills_every_section_and_saves_unchanged(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        stored: CaseRecord) -> None:
    dlg = CaseFormDialog(sqlite_db, judge, tasks, stored.id)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.loaded and not dlg.body.isEnabled() and not dlg.save_button.isEnabled()
    assert dlg.banner.isVisible() and dlg.banner.kind == "info"
    qtbot.waitUntil(lambda: dlg.loaded, timeout=5000)
    assert dlg.body.isEnabled() and dlg.save_button.isEnabled() and not dlg.dirty

    def shown(model: Any, row: int, key: str) -> str:
        return model.index(row, model.column_of(key)).data()

    cs, b, p = dlg.case_section, dlg.basis_section, dlg.parties
    assert cs.case_number.text() == "(2026)京0105执1234号"
    assert (cs.court_name.text(), cs.court_code.text()) == ("北京市朝阳区人民法院", "京0105")
    assert cs.filed_on.value() == date(2026, 3, 2) and cs.judge.text() == "赵法官"
    assert "京0105执1234" in dlg.windowTitle()
    assert b.kind.value() == "civil_judgment" and b.issuer.text() == "北京市朝阳区人民法院"
    assert b.document_number.text() == "(2025)京0105民初5678号"
    assert b.effective_on.value() == date(2025, 12, 20)
    assert [c.name.text() for c in p.cards["applicants"]] == ["李四"]
    assert [c.name.text() for c in p.cards["respondents"]] == ["张三", "某某科技有限公司"]
    entity = p.cards["respondents"][1]
    assert entity.party_kind() is PartyKind.ENTITY and entity.ident.text() == "91110000600037341L"
    assert entity.officers.model.rows[0]["name"] == "王五"
    assert shown(entity.officers.model, 0, "role") == "Legal representative" or current_language() == "zh"
    ob = dlg.obligations.model
    assert shown(ob, 0, "amount") == "50,000.00" and shown(ob, 1, "description") == "公开赔礼道歉"
    n = dlg.notice
    assert n.issued.isChecked() and n.deadline.value() == date(2026, 3, 15)
    assert n.served_on.edit.value() == date(2026, 3, 5) and n.service_method.value() == "direct"
    assert shown(dlg.payments.model, 0, "amount") == "10,000.00"
    assert shown(dlg.payments.model, 0, "respondent") == "1. 张三"
    assert shown(dlg.property_section.model, 0, "value") == "200,000.00"
    assert dlg.property_section.model.rows[0]["measure"] == "frozen"
    assert shown(dlg.security.model, 0, "respondent") == "1. 张三"
    assert dlg.conduct.model.rows[0]["type"] == "asset_transfer"
    assert dlg.findings.model.rows[0]["able_to_perform"] is True
    assert len(dlg.findings.model.rows) == 2  # one row per respondent
    assert dlg.summary.values["outstanding"].text() == "¥40,000.00"

    case, problems = dlg.check()
    assert problems == [] and case == stored.case
    with qtbot.waitSignal(dlg.case_saved, timeout=5000) as saved:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [stored.id]
    again = get_case(sqlite_db.uow(), judge, case_id=stored.id)
    assert again.case == stored.case


def test_a_stale_version_says_someone_else_changed_the_case_and_offers_reload(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner, boxes: Boxes,
        stored: CaseRecord) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks, stored.id)
    theirs = copy.deepcopy(stored.case)
    theirs.judge = "钱法官"
    update_case(sqlite_db.uow(), judge, stored.id, stored.version, theirs)

    enter(qtbot, dlg.case_section.judge, "孙法官")
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "question" in boxes.kinds(), timeout=5000)

    _kind, title, text = boxes.calls[-1]
    assert "someone else" in (title + text) or "他人" in (title + text)
    assert f"changed by {judge.username} at " in text or f"已被{judge.username}于" in text
    assert dlg.isVisible() and dlg.case_section.judge.text() == "孙法官"  # input kept
    assert dlg.banner.kind == "warning" and dlg.banner.action.isVisible()
    assert get_case(sqlite_db.uow(), judge, case_id=stored.id).case.judge == "钱法官"

    qtbot.mouseClick(dlg.banner.action, Qt.MouseButton.LeftButton)  # "Reload the case"
    qtbot.waitUntil(lambda: dlg.loaded and dlg.case_section.judge.text() == "钱法官",
                    timeout=5000)
    enter(qtbot, dlg.case_section.judge, "孙法官")
    with qtbot.waitSignal(dlg.case_saved, timeout=5000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert get_case(sqlite_db.uow(), judge, case_id=stored.id).case.judge == "孙法官"


def test_answering_yes_to_the_conflict_reloads_at_once(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner, boxes: Boxes,
        stored: CaseRecord) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks, stored.id)
    theirs = copy.deepcopy(stored.case)
    theirs.court.name = "北京市朝阳区人民法院执行局"
    update_case(sqlite_db.uow(), judge, stored.id, stored.version, theirs)
    enter(qtbot, dlg.case_section.judge, "孙法官")
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.case_section.court_name.text() == "北京市朝阳区人民法院执行局",
                    timeout=5000)
    assert dlg.case_section.judge.text() == "赵法官" and not dlg.dirty


def test_a_clerk_gets_a_read_only_form(
        qtbot: Any, sqlite_db: AppContext, clerk: Actor, tasks: TaskRunner,
        stored: CaseRecord) -> None:
    dlg = open_form(qtbot, sqlite_db, clerk, tasks, stored.id)
    assert dlg.read_only and dlg.read_only_chip.isVisible()
    assert not dlg.save_button.isVisible()
    assert dlg.case_section.case_number.isReadOnly() and dlg.case_section.filed_on.isReadOnly()
    assert not dlg.basis_section.kind.isEnabled()
    card = dlg.parties.cards["respondents"][1]
    assert card.name.isReadOnly() and not card.remove_button.isVisible()
    assert not dlg.parties.add_buttons["applicants"].isVisible()
    assert not card.officers.add_button.isVisible()
    table = dlg.obligations.table
    assert not table.add_button.isVisible()
    idx = table.model.index(0, table.model.column_of("description"))
    assert not table.model.flags(idx) & Qt.ItemFlag.ItemIsEditable
    assert not table.model.setData(idx, "changed")
    assert not dlg.notice.issued.isEnabled()
    saved: list[int] = []
    dlg.case_saved.connect(saved.append)
    dlg.save()  # Ctrl+S does nothing either
    assert not saved and tasks.pending == 0

    new = open_form(qtbot, sqlite_db, clerk, tasks)
    assert new.read_only and not new.save_button.isVisible()


def test_an_already_registered_id_number_is_offered_and_fills_the_party(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        stored: CaseRecord) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    dlg.go_to_section(PARTIES)
    card = dlg.parties.cards["applicants"][0]
    enter(qtbot, card.ident, "360426199101010071")
    qtbot.waitUntil(lambda: card.suggestions.isVisible(), timeout=5000)
    assert [m.name for m in card.matches] == ["张三"] and card.matches[0].case_count == 1
    qtbot.mouseClick(card.use_buttons[0], Qt.MouseButton.LeftButton)
    assert card.name.text() == "张三" and not card.suggestions.isVisible()

    # An entity brings its officers along (get_person).
    ent: PartyCard = dlg.parties.cards["respondents"][0]
    enter(qtbot, ent.ident, "91110000600037341L")
    qtbot.waitUntil(lambda: ent.suggestions.isVisible(), timeout=5000)
    qtbot.mouseClick(ent.use_buttons[0], Qt.MouseButton.LeftButton)
    assert ent.party_kind() is PartyKind.ENTITY and ent.name.text() == "某某科技有限公司"
    qtbot.waitUntil(lambda: len(ent.officers.model.rows) == 1, timeout=5000)
    assert ent.officers.model.rows[0]["name"] == "王五"


def test_refusals_of_the_service_are_shown_at_the_fields(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        example: EnforcementCase, stored: CaseRecord) -> None:
    second = copy.deepcopy(example)
    second.respondents[0].name = "张叁"  # the ID is registered to 张三
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    enter_case(qtbot, dlg, second)

    save_and_wait_for_errors(qtbot, dlg)  # the case number is taken
    assert [e.rule for e in dlg.errors] == ["case_number.exists"]
    assert dlg.case_section.case_number.toolTip()
    dlg._refresh()  # re-checking keeps the service's verdict while the field is unchanged
    assert [e.rule for e in dlg.errors] == ["case_number.exists"]

    enter(qtbot, dlg.case_section.case_number, "(2026)京0105执1235号")
    qtbot.waitUntil(lambda: not dlg.errors)
    save_and_wait_for_errors(qtbot, dlg)
    assert [(e.path, e.rule) for e in dlg.errors] == [("respondents[0].name", "party.name_conflict")]
    card = dlg.parties.cards["respondents"][0]
    assert card.name_error.isVisible() and "张三" in card.name_error.text()
    assert cases_in_db(sqlite_db, judge) == 1

    enter(qtbot, card.name, "张三")
    with qtbot.waitSignal(dlg.case_saved, timeout=5000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert cases_in_db(sqlite_db, judge) == 2


def test_a_resident_id_shows_sex_and_age_and_a_minor_respondent_is_flagged(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    dlg.go_to_section(PARTIES)
    today = date.today()
    minor_id = valid_id(f"{today.year - 10}0101")
    resp = dlg.parties.cards["respondents"][0]
    enter(qtbot, resp.ident, minor_id)
    assert resp.info.isVisible() and resp.minor.isVisible()
    assert str(today.year - 10) + "-01-01" in resp.info.text()
    enter(qtbot, resp.ident, "360426199101010071")
    assert not resp.minor.isVisible() and "1991-01-01" in resp.info.text()

    appl = dlg.parties.cards["applicants"][0]
    enter(qtbot, appl.ident, minor_id)
    assert appl.info.isVisible() and not appl.minor.isVisible()  # only respondents are listed


def test_messages_follow_the_interface_language(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        assert current_language() == "zh"
        dlg = open_form(qtbot, sqlite_db, judge, tasks)
        enter(qtbot, dlg.case_section.case_number, "(2026)京0105执0号")
        save_and_wait_for_errors(qtbot, dlg)
        assert dlg.case_section.case_number.toolTip() == "案号序号应大于0"
    finally:
        QLocale.setDefault(before)
    assert current_language() == "en"


def test_the_figures_on_top_follow_the_input(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    j = add_row(qtbot, dlg.obligations.table)
    dlg.obligations.model.set_value(j, "amount", "1000")
    k = add_row(qtbot, dlg.payments.table)
    assert dlg.payments.model.rows[k]["respondent"] is not None  # the only respondent
    dlg.payments.model.set_value(k, "amount", "400.5")
    qtbot.waitUntil(lambda: dlg.summary.values["outstanding"].text() == "¥599.50")
    assert dlg.summary.values["due"].text() == "¥1,000.00"


def test_sections_are_reachable_by_keyboard(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    qtbot.keyClick(dlg.case_section.case_number, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert dlg.nav.currentRow() == PARTIES
    qtbot.keyClick(QApplication.focusWidget() or dlg, Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert dlg.nav.currentRow() == OBLIGATIONS
    qtbot.keyClick(QApplication.focusWidget() or dlg, Qt.Key.Key_0,
                   Qt.KeyboardModifier.AltModifier)
    assert dlg.nav.currentRow() == 9


def test_return_in_a_field_does_not_save_and_closing_asks_before_discarding(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        boxes: Boxes) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    enter(qtbot, dlg.case_section.judge, "孙法官")  # ends with Return
    assert dlg.isVisible() and not dlg.errors and dlg.dirty
    boxes.answer = QMessageBox.StandardButton.No
    dlg.reject()
    assert dlg.isVisible() and boxes.kinds() == ["question"]
    boxes.answer = QMessageBox.StandardButton.Yes
    dlg.reject()
    assert not dlg.isVisible()


def test_ctrl_s_commits_the_cell_being_edited(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    dlg.go_to_section(OBLIGATIONS)
    row = add_row(qtbot, dlg.obligations.table)
    view = dlg.obligations.table.view
    idx = dlg.obligations.model.index(row, dlg.obligations.model.column_of("amount"))
    view.setCurrentIndex(idx)
    view.edit(idx)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "1234.5")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dlg.obligations.model.rows[row]["amount"] == "1234.5"
    assert dlg.errors  # the rest of the new case is still empty: nothing saved


def test_dates_are_typed_with_or_without_separators_and_can_be_emptied(qtbot: Any) -> None:
    from courtapp.ui.case_form.fields import DateEdit

    d = DateEdit()
    qtbot.addWidget(d)
    d.show()
    assert d.value() is None and d.text() == "—"
    for typed in ("20240105", "2024-01-05", "2024/1/5", "2024.01.05"):
        d.clear_value()
        qtbot.keyClicks(d, typed)
        assert d.value() == date(2024, 1, 5), typed
    qtbot.keyClick(d, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(d, Qt.Key.Key_Delete)
    assert d.value() is None


def test_every_conduct_label_names_its_ground_of_article_1() -> None:
    for conduct, label in CONDUCT_TYPE.items():
        assert label.endswith(f"(Art. 1 item {CONDUCT_GROUND[ConductType(conduct)]})")


def test_every_string_of_the_form_has_a_chinese_translation_with_its_placeholders() -> None:
    import re
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "courtapp_zh_CN.ts"
    contexts = {"CaseForm", "CaseFormDialog", "SummaryStrip", "CaseSection", "BasisSection",
                "PartiesSection", "PartyCard", "ObligationsSection", "PaymentsSection",
                "PropertySection", "SecuritySection", "NoticeSection", "ConductSection",
                "FindingsSection"}
    seen = set()
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        if name not in contexts:
            continue
        seen.add(name)
        for m in ctx.iter("message"):
            source = m.findtext("source") or ""
            t = m.find("translation")
            assert t is not None and t.get("type") is None and (t.text or "").strip(), source
            assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", t.text or ""))
    assert seen == contexts


def test_a_party_s_public_role_and_body_to_notify_survive_the_form(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        example: EnforcementCase) -> None:
    """2017 Provisions Art. 8 paras. 3-4: the form shows and keeps the role, never drops it."""
    from courtapp.core.domain.model import PublicRole

    example.respondents[0].public_role = PublicRole.STATE_FUNCTIONARY
    example.respondents[0].notify_body = "某区人民政府办公室"
    rec = create_case(sqlite_db.uow(), judge, example)
    dlg = open_form(qtbot, sqlite_db, judge, tasks, rec.id)
    qtbot.waitUntil(lambda: dlg.loaded, timeout=5000)
    card = dlg.parties.cards["respondents"][0]
    assert card.public_role.value() == "state_functionary"
    assert card.notify_body.text() == "某区人民政府办公室"
    case, problems = dlg.check()
    assert problems == [] and case == rec.case
    card.notify_body.setText("")  # a role without the body to notify is refused at the field
    case, problems = dlg.check()
    assert [(e.path, e.rule) for e in problems] == [("respondents[0].notify_body", "required")]


def test_R_L11_a_late_notice_shows_a_warning_and_the_case_is_still_saved(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        stored: CaseRecord) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks, stored.id)
    assert not dlg.warnings_banner.isVisible() and dlg.warnings == []
    dlg.notice.served_on.edit.set_value(date(2026, 3, 15))  # the deadline itself
    qtbot.waitUntil(lambda: dlg.warnings_banner.isVisible(), timeout=5000)
    assert [(w.path, w.rule) for w in dlg.warnings] == [("execution_notice.served_on",
                                                          "notice.served_late")]
    text = dlg.warnings_banner.text.text()
    assert msg("notice.served_late") in text and dlg.warnings_banner.kind == "warning"
    assert dlg.check()[1] == []  # not an error
    with qtbot.waitSignal(dlg.case_saved, timeout=5000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    saved = get_case(sqlite_db.uow(), judge, case_id=stored.id)
    assert saved.case.execution_notice is not None
    assert saved.case.execution_notice.served_on == date(2026, 3, 15)
    assert [w.rule for w in saved.warnings] == ["notice.served_late"]


def test_R_L11_the_warning_goes_once_the_notice_is_served_in_time(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        stored: CaseRecord) -> None:
    dlg = open_form(qtbot, sqlite_db, judge, tasks, stored.id)
    dlg.notice.served_on.edit.set_value(date(2026, 3, 16))
    qtbot.waitUntil(lambda: dlg.warnings_banner.isVisible(), timeout=5000)
    dlg.notice.served_on.edit.set_value(date(2026, 3, 14))
    qtbot.waitUntil(lambda: not dlg.warnings_banner.isVisible(), timeout=5000)
    assert dlg.warnings == []


def test_R_L14_R_L16_the_converted_amount_and_the_exception_reason_survive_the_form(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        example: EnforcementCase) -> None:
    from decimal import Decimal

    example.obligations[1].converted_amount = Decimal("5000.00")
    example.findings[0].campus_loan_student = True
    example.findings[0].campus_loan_exception_reason = "已毕业就业，有能力履行"
    rec = create_case(sqlite_db.uow(), judge, example)
    dlg = open_form(qtbot, sqlite_db, judge, tasks, rec.id)
    ob, fm = dlg.obligations.model, dlg.findings.model
    assert ob.rows[1]["converted_amount"] == "5000.00"
    assert fm.rows[0]["campus_loan_exception_reason"] == "已毕业就业，有能力履行"
    case, problems = dlg.check()
    assert problems == [] and case == rec.case
    # A converted amount is an act's only: switching the row to money drops it.
    fm.set_value(0, "campus_loan_student", False)
    case, problems = dlg.check()
    assert problems == [] and case.findings[0].campus_loan_exception_reason == ""
    ob.set_value(1, "kind", "monetary")
    assert ob.rows[1]["converted_amount"] == ""


def test_a_new_case_opens_at_the_case_number_and_enter_then_ctrl_s_saves_no_empty_row(
        qtbot: Any, sqlite_db: AppContext, judge: Actor, tasks: TaskRunner,
        example: EnforcementCase) -> None:
    """Issue 12 §7: typing starts at the case number; the empty row the last Enter
    in a table added is dropped before saving, not reported as a row to fill in."""
    dlg = open_form(qtbot, sqlite_db, judge, tasks)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    assert QApplication.focusWidget() is dlg.case_section.case_number
    enter_case(qtbot, dlg, example)
    dlg.go_to_section(5)
    view = dlg.property_section.table.view
    view.setFocus()
    view.setCurrentIndex(dlg.property_section.model.index(len(example.property) - 1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)  # the last row: adds an empty one
    assert len(dlg.property_section.model.rows) == len(example.property) + 1
    with qtbot.waitSignal(dlg.case_saved, timeout=5000) as saved:
        qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_case(sqlite_db.uow(), judge, case_id=saved.args[0]).case == example
