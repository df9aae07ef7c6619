"""The listing GUI end to end (issue 3 items 3–8): the worksheet, the warning
with its grace period, the president's signature, service, publication, and
the restriction order with a chosen item set — checking the state after
each step.  Also: unanswered questions block submission, only a president
signs, a minor is never listable, and the proportionality guard.

Dates are explicit (2026; the example case's performance deadline is
2026-03-15).  Chinese text goes in with ``setText``/``setPlainText``, never
``qtbot.keyClicks`` (which aborts the process on CJK text, STACK_NOTES).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from courtapp.core import interchange
from courtapp.core.context import AppContext
from courtapp.core.domain.errors import PermissionDenied
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RespondentState,
    Restriction,
    RestrictionItem,
)
from courtapp.core.domain.model import ServiceMethod
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import cases as svc
from courtapp.core.services import listing as ls
from courtapp.ui.listing import DecisionsPage, ListingWorksheet
from courtapp.ui.listing.decisions import COL_STATUS
from courtapp.ui.tasks import TaskRunner

EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "example_case.json"
DECIDED = date(2026, 5, 6)  # well after the 2026-03-15 deadline
GRACE_END = date(2026, 7, 6)  # two months later
CHOSEN = {1, 2, 6, 9}  # not the proposal: {1, 2, 3, 6, 9}
TIMEOUT = 10_000


def who(role: Role, name: str) -> Actor:
    return Actor(username=name, roles=frozenset({role}), display_name=name)


JUDGE, PRESIDENT = who(Role.JUDGE, "赵法官"), who(Role.PRESIDENT, "钱院长")
CLERK, ADMIN = who(Role.CLERK, "李书记员"), who(Role.ADMIN, "admin")


def store(db: AppContext, mutate: Callable[[dict[str, Any]], None] | None = None) -> int:
    """The example case, recorded by a judge (optionally changed first)."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if mutate:
        mutate(doc)
    case = interchange.loads(json.dumps(doc, ensure_ascii=False))[0]
    return svc.create_case(db.uow(), JUDGE, case).id


def no_findings(doc: dict[str, Any]) -> None:
    doc["findings"] = []
    # The apology is made, so that money alone is outstanding and the security and
    # the frozen deposit can cover it (RULES.md R-L14).
    doc["payments"].append({"on": "2026-04-01", "act": "已公开赔礼道歉", "obligation": 1,
                            "respondent": 0})


def open_worksheet(qtbot: QtBot, db: AppContext, tasks: TaskRunner, case_id: int,
                   actor: Actor = JUDGE, **kw: Any) -> ListingWorksheet:
    dlg = ListingWorksheet(db, actor, tasks, case_id, as_of=DECIDED, today=lambda: DECIDED, **kw)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.loaded, timeout=TIMEOUT):
        dlg.show()
    return dlg


def open_page(qtbot: QtBot, db: AppContext, tasks: TaskRunner, actor: Actor,
              today: date) -> DecisionsPage:
    page = DecisionsPage(db, actor, tasks, clock=lambda: today)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def select_first(qtbot: QtBot, page: DecisionsPage) -> None:
    with qtbot.waitSignal(page.history_loaded, timeout=TIMEOUT):
        page.table.selectRow(0)


def answer_all(dlg: ListingWorksheet, able: bool = True) -> None:
    dlg.answer("able_to_perform", able)
    dlg.answer("later_in_order", False)
    if dlg.yes["campus_loan_student"].isVisibleTo(dlg):
        dlg.answer("campus_loan_student", False)
    dlg.answer("serious_violence", False)


def state(db: AppContext, case_id: int) -> RespondentState:
    return ls.respondent_state(db.uow(), JUDGE, case_id, 0)


def only_listing(db: AppContext, case_id: int) -> ls.ListingRecord:
    [rec] = ls.listings_for_case(db.uow(), JUDGE, case_id)
    return rec


# ------------------------------------------------------------- end to end
def test_a_case_goes_from_the_worksheet_through_warning_signature_and_service_to_publication(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    db = sqlite_db
    case_id = store(db, no_findings)
    assert state(db, case_id) is RespondentState.NOTICE_SERVED

    # --- 1. The judge's worksheet: evidence beside each ground and bar.
    dlg = open_worksheet(qtbot, db, tasks, case_id)
    assert dlg.state_strip.state is RespondentState.NOTICE_SERVED
    ev = dlg.evidence
    assert ev.status_of("ground", "3") == "established"
    assert any("Transferring property" in line for line in ev.evidence_of("ground", "3"))
    assert ev.status_of("ground", "1") == "open"  # able to perform: not answered yet
    assert ev.status_of("bar", "security") == "applies"
    assert any("Guarantee: 50,000.00 yuan" in line for line in ev.evidence_of("bar", "security"))
    assert ev.status_of("bar", "seized_property_sufficient") == "applies"
    assert any("Bank deposit, frozen: 200,000.00 yuan" in line
               for line in ev.evidence_of("bar", "seized_property_sufficient"))
    assert any("served 2026-03-05" in line for line in ev.evidence_of("bar", "notice_not_served"))
    assert any("age 35" in line for line in ev.evidence_of("bar", "minor"))
    assert ev.status_of("bar", "minor") == "clear"

    # Nothing answered: no submission, and the hint says what is missing.
    assert not dlg.submit_button.isEnabled()
    assert dlg.hint.isVisible() and "able to perform" in dlg.hint.text()

    # --- 2. The judge answers; the assessment is re-run at once.
    with qtbot.waitSignal(dlg.assessed):
        dlg.answer("able_to_perform", True)
    assert dlg.assessment is not None and dlg.assessment.grounds == [1, 3]
    assert dlg.assessment.effective_grounds == [3]  # security and frozen property bar (1)
    assert ev.status_of("ground", "1") == "barred"
    answer_all(dlg)
    assert dlg.unanswered() == []
    assert dlg.term_value.text().startswith("2 years")
    assert not dlg.extension_spin.isEnabled()  # one act, no serious violence
    assert "第一条第（三）项" in dlg.reasons_zh.toPlainText()  # drafted from the assessment
    assert dlg.submit_button.isEnabled(), dlg.hint.text()

    # A warning with a 2-month grace period (the court's default) …
    assert dlg.months_spin.value() == 2
    dlg.warning_check.setChecked(True)
    assert dlg.grace_until() == GRACE_END == ls.default_grace_until(db.uow(), DECIDED)
    assert "2026-07-06" in dlg.grace_value.text()
    # … and a restriction order with a chosen set (the proposal is pre-ticked).
    proposed = {int(i) for i in dlg.restriction.items_for(None)}
    assert proposed == {1, 2, 3, 6, 9}
    dlg.restriction.set_items(CHOSEN)
    assert {int(i) for i in dlg.restriction.items_for(None)} == CHOSEN
    assert dlg.submit_button.isEnabled(), dlg.hint.text()

    with qtbot.waitSignal(dlg.listing_prepared, timeout=TIMEOUT) as prepared, \
            qtbot.waitSignal(dlg.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.submit_button, Qt.MouseButton.LeftButton)

    # State: a draft exists; the respondent's state has not moved; the findings are saved.
    rec = only_listing(db, case_id)
    assert rec.id == prepared.args[0]
    assert rec.listing.status is ListingStatus.DRAFT
    assert rec.listing.grounds == [3] and rec.listing.term_years == 2
    assert rec.listing.grace_until == GRACE_END
    assert rec.prepared_by == "赵法官"
    assert state(db, case_id) is RespondentState.NOTICE_SERVED
    finding = svc.get_case(db.uow(), JUDGE, case_id=case_id).case.finding_for(0)
    assert finding.able_to_perform is True and finding.later_in_performance_order is False
    assert dlg.success.isVisible() and f"No. {rec.id}" in dlg.success.text()
    assert dlg.existing.isVisible()  # a second one cannot be prepared
    assert not dlg.submit_button.isEnabled()
    # the grace period of the drafted warning is not read as a bar (issue 12 §5)
    assert "awaits the president" in dlg.summary.text() and "2026-07-06" in dlg.summary.text()
    assert "Not listable" not in dlg.summary.text()
    dlg.close()

    # --- 3. The president signs on the Decisions page.
    page = open_page(qtbot, db, tasks, PRESIDENT, DECIDED)
    assert page.model.rowCount() == 1
    select_first(qtbot, page)
    assert page.model.index(0, COL_STATUS).data() == "Draft, awaiting signature"
    assert page.sign_button.isEnabled()
    assert not page.serve_button.isEnabled() and not page.publish_button.isEnabled()
    assert not page.alert.isVisible()
    dlg_sign = page.sign_selected()
    assert dlg_sign is not None and dlg_sign.isVisible()
    assert "钱院长" in dlg_sign.signature.text() and "2026-05-06" in dlg_sign.signature.text()
    summary = dlg_sign.body.toPlainText()
    assert "(2026)京0105执1234号" in summary and "张三" in summary and "2026-07-06" in summary
    with qtbot.waitSignal(page.signed, timeout=TIMEOUT), \
            qtbot.waitSignal(page.history_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg_sign.sign_button, Qt.MouseButton.LeftButton)

    rec = only_listing(db, case_id)
    assert rec.listing.status is ListingStatus.AWAITING_PUBLICATION
    assert rec.listing.signed_by == "钱院长" and rec.listing.decided_on == DECIDED
    assert state(db, case_id) is RespondentState.WARNED
    assert page.state_strip.state is RespondentState.WARNED
    last = page.history.rowCount() - 1
    assert page.history.item(last, 1).text() == "Notice served → Warned (grace period)"
    assert page.history.item(last, 2).text() == "钱院长"
    # Signed but not served: an alert, not a silent state.
    assert page.alert.isVisible() and page.alert_list.count() == 1
    assert "(2026)京0105执1234号" in page.alert_list.item(0).text()
    assert "not served" in page.alert_list.item(0).text()

    # --- 4. The clerk records service; the alert goes.
    served_on = date(2026, 5, 8)
    clerk_page = open_page(qtbot, db, tasks, CLERK, served_on)
    assert clerk_page.alert.isVisible() and clerk_page.alert_list.count() == 1
    select_first(qtbot, clerk_page)
    assert not clerk_page.sign_button.isEnabled()
    assert clerk_page.serve_button.isEnabled()
    dlg_serve = clerk_page.serve_selected()
    assert dlg_serve is not None
    assert dlg_serve.served_on == served_on
    dlg_serve.set_method(ServiceMethod.DIRECT)
    with qtbot.waitSignal(clerk_page.served, timeout=TIMEOUT), \
            qtbot.waitSignal(clerk_page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg_serve.ok_button, Qt.MouseButton.LeftButton)
    assert clerk_page.alert_list.count() == 0 and not clerk_page.alert.isVisible()
    rec = only_listing(db, case_id)
    assert rec.listing.served_on == served_on
    assert rec.listing.service_method is ServiceMethod.DIRECT
    assert ls.signed_not_served(db.uow(), CLERK) == []
    assert state(db, case_id) is RespondentState.WARNED  # still in grace
    # Reopening the worksheet of a warned respondent: "Warned; grace ends on …", no red bar.
    again = open_worksheet(qtbot, db, tasks, case_id)
    assert again.summary.property("kind") == "warn"
    assert again.summary.text().startswith("Warned; grace ends on 2026-07-06.")
    assert "barred" not in again.summary.text()
    again.close()

    # --- 5. During grace nothing is published; after it, the administrator publishes.
    admin_page = open_page(qtbot, db, tasks, ADMIN, GRACE_END)
    assert admin_page.publish_button.isEnabled()
    with qtbot.waitSignal(admin_page.published, timeout=TIMEOUT) as run:
        qtbot.mouseClick(admin_page.publish_button, Qt.MouseButton.LeftButton)
    assert run.args[0].published == []
    assert state(db, case_id) is RespondentState.WARNED

    after_grace = date(2026, 7, 7)
    admin_page = open_page(qtbot, db, tasks, ADMIN, after_grace)
    with qtbot.waitSignal(admin_page.published, timeout=TIMEOUT) as run, \
            qtbot.waitSignal(admin_page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(admin_page.publish_button, Qt.MouseButton.LeftButton)
    assert run.args[0].published == [rec.id]
    assert "1 published" in admin_page.message.text()
    assert admin_page.model.index(0, COL_STATUS).data() == "Published"
    rec = only_listing(db, case_id)
    assert rec.listing.status is ListingStatus.PUBLISHED
    assert rec.listing.published_on == after_grace
    assert state(db, case_id) is RespondentState.LISTED_PUBLISHED
    select_first(qtbot, admin_page)
    assert admin_page.state_strip.state is RespondentState.LISTED_PUBLISHED
    changes = [admin_page.history.item(r, 1).text() for r in range(admin_page.history.rowCount())]
    assert changes[-2:] == [
        "Notice served → Warned (grace period)", "Warned (grace period) → Listed, published"]

    # The restriction order holds exactly the chosen items, on the respondent.
    assert {int(r.item) for r in rec.listing.restrictions} == CHOSEN
    assert {r.person for r in rec.listing.restrictions} == {None}
    assert all(r.start == DECIDED for r in rec.listing.restrictions)
    events = ls.respondent_events(db.uow(), JUDGE, case_id)
    assert [(e.to_state, e.username) for e in events][-2:] == [
        ("warned", "钱院长"), ("listed_published", "admin")]


# ------------------------------------------------------------- worksheet
def test_the_submit_button_stays_disabled_while_a_question_is_unanswered(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db, no_findings)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    dlg.answer("able_to_perform", False)
    dlg.answer("later_in_order", False)
    dlg.answer("campus_loan_student", False)
    assert dlg.unanswered() == ["serious_violence"]
    assert not dlg.submit_button.isEnabled()
    assert "serious violence or threats" in dlg.hint.text()
    assert "able to perform" not in dlg.hint.text().split("answer:")[1]
    # "No" to ability adds the Art. 3 item (4) bar, which blocks ground (1) only.
    assert "not_able_to_perform" in (dlg.assessment.bars if dlg.assessment else [])
    assert dlg.evidence.status_of("bar", "not_able_to_perform") == "applies"
    # The last answer by keyboard: the question's mnemonic focuses "Yes", the
    # arrow key moves to "No" and checks it.
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=TIMEOUT)
    qtbot.keyClick(dlg, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert dlg.focusWidget() is dlg.yes["serious_violence"]
    qtbot.keyClick(dlg.yes["serious_violence"], Qt.Key.Key_Space)
    assert dlg.answers[0].serious_violence is True
    qtbot.keyClick(dlg.yes["serious_violence"], Qt.Key.Key_Right)
    assert dlg.no["serious_violence"].isChecked()
    assert dlg.answers[0].serious_violence is False
    assert dlg.unanswered() == []
    assert dlg.submit_button.isEnabled(), dlg.hint.text()
    assert not dlg.hint.isVisible()


def test_the_worksheet_works_from_the_keyboard(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db)  # the stored findings answer every question
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=TIMEOUT)
    dlg.respondent_combo.setFocus()
    seen = [dlg.focusWidget()]
    while dlg.focusWidget() is not dlg.submit_button and len(seen) < 100:
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dlg.focusWidget())
    order = [dlg.respondent_combo, dlg.date_edit, dlg.yes["able_to_perform"],
             dlg.yes["serious_violence"], dlg.warning_check,
             dlg.restriction.people[0].boxes[RestrictionItem.TRAVEL_CLASS],
             dlg.restriction.reason_edit, dlg.reasons_zh, dlg.reasons_en, dlg.submit_button]
    names = [f"{type(w).__name__}:{w.objectName()}" for w in seen]
    assert all(w in seen for w in order), " ".join(names)
    assert [seen.index(w) for w in order] == sorted(seen.index(w) for w in order)
    # Mnemonics reach the decision's controls; Space ticks a box.
    qtbot.keyClick(dlg, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert dlg.focusWidget() is dlg.warning_check
    qtbot.keyClick(dlg.warning_check, Qt.Key.Key_Space)
    assert dlg.warning_check.isChecked() and dlg.grace_until() == GRACE_END
    # Esc closes the dialog without saving anything.
    with qtbot.waitSignal(dlg.rejected):
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert ls.listings_for_case(sqlite_db.uow(), JUDGE, case_id) == []


def test_stored_findings_prefill_the_answers_and_the_restriction_binds_an_entitys_officers(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    def entity_conduct(doc: dict[str, Any]) -> None:
        doc["conduct"].append({"type": "asset_concealment", "on": "2026-03-12",
                               "description": "隐匿公司账册", "respondent": 1})
        doc["findings"].append({"respondent": 1, "able_to_perform": True,
                                "later_in_performance_order": False,
                                "campus_loan_student": False, "serious_violence": False})

    case_id = store(sqlite_db, entity_conduct)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    assert dlg.unanswered() == []  # the example case's findings for respondent 0
    assert dlg.yes["able_to_perform"].isChecked()
    with qtbot.waitSignal(dlg.assessed):
        dlg.respondent_combo.setCurrentIndex(1)
    assert not dlg.yes["campus_loan_student"].isVisibleTo(dlg)  # an entity is no student
    assert dlg.unanswered() == []
    assert dlg.assessment is not None and dlg.assessment.effective_grounds == [1, 3]
    # Ground (1) with a fixed-term ground: the judge is told the rules do not settle it.
    assert dlg.assessment.manual_review and dlg.manual_note.isVisibleTo(dlg)
    assert [p.person.officer for p in dlg.restriction.people] == [None, 0]
    officer = dlg.restriction.people[1]
    assert "王五" in officer.title()
    assert dlg.restriction.items_for(0) == dlg.restriction.items_for(None)  # follows the entity
    proposed = {int(i) for i in dlg.restriction.items_for(None)}
    assert {4, 5} <= proposed  # offices and vehicles are proposed for an entity
    dlg.restriction.set_items({1, 2, 9})  # the officer's boxes follow the entity's
    assert {i for i, b in officer.boxes.items() if b.isChecked()} == {1, 2, 9}
    dlg.restriction.set_items({1, 9}, officer=0)  # … until the judge sets them apart
    with qtbot.waitSignal(dlg.listing_prepared, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.submit_button, Qt.MouseButton.LeftButton)
    rec = only_listing(sqlite_db, case_id)
    assert rec.listing.respondent == 1
    assert sorted(int(r.item) for r in rec.listing.restrictions if r.person == 0) == [1, 9]
    assert {int(r.item) for r in rec.listing.restrictions if r.person is None} == {1, 2, 9}


def test_a_minor_shows_the_minor_bar_and_cannot_be_submitted(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    def minor(doc: dict[str, Any]) -> None:
        doc["respondents"][0]["id_number"] = "110105201205050049"  # born 2012-05-05

    case_id = store(sqlite_db, minor)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    answer_all(dlg)
    assert dlg.unanswered() == []
    assert dlg.assessment is not None and "minor" in dlg.assessment.bars
    assert not dlg.assessment.listable
    assert dlg.evidence.status_of("bar", "minor") == "applies"
    assert any("born 2012-05-05, age 14 on 2026-05-06" in line
               for line in dlg.evidence.evidence_of("bar", "minor"))
    assert dlg.evidence.status_of("ground", "3") == "barred"
    assert "Minor" in dlg.summary.text() and "Not listable" in dlg.summary.text()
    assert not dlg.submit_button.isEnabled()
    assert "not listable" in dlg.hint.text()
    assert not dlg.restriction.isVisibleTo(dlg) and dlg.restriction_note.isVisibleTo(dlg)
    dlg.submit()  # even when called directly, nothing is submitted
    assert tasks.pending == 0
    assert ls.listings_for_case(sqlite_db.uow(), JUDGE, case_id) == []


def test_all_nine_items_on_a_small_amount_require_a_written_proportionality_reason(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    def small(doc: dict[str, Any]) -> None:
        doc["obligations"][0]["amount"] = "15000.00"  # 5,000 outstanding after the payment

    case_id = store(sqlite_db, small)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    assert dlg.submit_button.isEnabled(), dlg.hint.text()
    assert not dlg.restriction.proportion_edit.isVisibleTo(dlg)
    assert "small" in dlg.restriction.proposal_label.text()
    dlg.restriction.set_items(set(range(1, 10)))
    assert dlg.restriction.needs_proportionality()
    assert dlg.restriction.proportion_edit.isVisibleTo(dlg)
    assert not dlg.submit_button.isEnabled()
    assert "all nine items" in dlg.hint.text()
    dlg.restriction.proportion_edit.setPlainText("多次转移财产，情节恶劣")
    assert dlg.submit_button.isEnabled(), dlg.hint.text()
    with qtbot.waitSignal(dlg.listing_prepared, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.submit_button, Qt.MouseButton.LeftButton)
    rec = only_listing(sqlite_db, case_id)
    assert len(rec.listing.restrictions) == 9
    assert "多次转移财产，情节恶劣" in rec.reasons_zh
    # Eight items need no such reason.
    dlg2 = open_worksheet(qtbot, sqlite_db, tasks, store(sqlite_db, lambda d: (
        small(d), d.update(case_number="(2026)京0105执1235号"))))
    dlg2.restriction.set_items(set(range(1, 9)))
    assert not dlg2.restriction.needs_proportionality()
    assert dlg2.submit_button.isEnabled(), dlg2.hint.text()


def test_the_reasons_stay_editable_and_an_empty_item_set_is_refused(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    dlg.reasons_zh.setPlainText("被执行人转移财产，规避执行。")
    dlg.answer("able_to_perform", False)  # re-assessing keeps the judge's own text
    assert dlg.reasons_zh.toPlainText() == "被执行人转移财产，规避执行。"
    dlg.redraft_reasons()
    assert "第一条第（三）项" in dlg.reasons_zh.toPlainText()
    dlg.reasons_zh.setPlainText("")
    assert not dlg.submit_button.isEnabled() and "reasons" in dlg.hint.text()
    dlg.redraft_reasons()
    dlg.restriction.set_items(set())
    assert not dlg.submit_button.isEnabled()
    assert "at least one restriction item" in dlg.hint.text()


def test_a_refusal_by_the_service_is_shown_with_its_message(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    assert dlg.submit_button.isEnabled(), dlg.hint.text()
    draft(sqlite_db, case_id)  # another judge got there first
    before = svc.get_case(sqlite_db.uow(), JUDGE, case_id=case_id)
    with qtbot.waitSignal(dlg.submit_failed, timeout=TIMEOUT) as failed:
        qtbot.mouseClick(dlg.submit_button, Qt.MouseButton.LeftButton)
    assert "Nothing was saved" in failed.args[0]
    assert "Respondent: this respondent already has a current listing" in failed.args[0]
    assert dlg.error.isVisible() and dlg.error.text() == failed.args[0]
    assert len(ls.listings_for_case(sqlite_db.uow(), JUDGE, case_id)) == 1
    # And that is true: the answers were not saved as findings either (issue 8 §1).
    after = svc.get_case(sqlite_db.uow(), JUDGE, case_id=case_id)
    assert (after.version, after.case.findings) == (before.version, before.case.findings)


def test_a_case_changed_meanwhile_is_reloaded_and_the_answers_kept(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db, no_findings)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    answer_all(dlg)
    rec = svc.get_case(sqlite_db.uow(), JUDGE, case_id=case_id)
    rec.case.judge = "钱法官"
    svc.update_case(sqlite_db.uow(), JUDGE, case_id, rec.version, rec.case)
    with qtbot.waitSignal(dlg.submit_failed, timeout=TIMEOUT) as failed, \
            qtbot.waitSignal(dlg.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.submit_button, Qt.MouseButton.LeftButton)
    # Who changed it and when, from the audit trail (issue 10 §4), and that it is reloaded.
    text = failed.args[0]
    assert f"{rec.case.case_number} was changed by {JUDGE.username} at " in text, text
    assert "It has been reloaded: check it and try again." in text
    assert dlg.unanswered() == []  # the judge's answers survive the reload
    assert dlg.data is not None and dlg.data.record.version == rec.version + 1
    with qtbot.waitSignal(dlg.listing_prepared, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.submit_button, Qt.MouseButton.LeftButton)
    assert only_listing(sqlite_db, case_id).listing.status is ListingStatus.DRAFT


def test_a_president_may_look_at_the_worksheet_but_not_submit(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id, actor=PRESIDENT)
    assert dlg.assessment is not None and dlg.assessment.listable
    assert not dlg.submit_button.isEnabled()
    assert "roles do not allow" in dlg.hint.text()


# ------------------------------------------------------------- signing
def draft(db: AppContext, case_id: int) -> ls.ListingRecord:
    listing = Listing(respondent=0, grounds=[3], decided_on=DECIDED, term_years=2,
                      restrictions=[Restriction(RestrictionItem(i), None, DECIDED) for i in (1, 9)])
    return ls.prepare_listing(db.uow(), JUDGE, case_id, listing, reasons_zh="转移财产规避执行")


@pytest.mark.parametrize("actor", [CLERK, JUDGE], ids=["clerk", "judge"])
def test_a_clerk_or_a_judge_cannot_sign(qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner,
                                        actor: Actor) -> None:
    rec = draft(sqlite_db, store(sqlite_db))
    page = open_page(qtbot, sqlite_db, tasks, actor, DECIDED)
    select_first(qtbot, page)
    assert not page.sign_button.isEnabled()
    assert "president" in page.sign_button.toolTip()
    assert page.sign_selected() is None  # no confirmation either
    # The service refuses too, through the page …
    with qtbot.waitSignal(page.action_failed, timeout=TIMEOUT) as failed:
        page.sign_listing(rec.id, rec.version)
    assert "Refused" in failed.args[0] and "signing decisions" in failed.args[0]
    assert page.message.isVisible()
    # … and directly.
    with pytest.raises(PermissionDenied):
        ls.sign_listing(sqlite_db.uow(), actor, rec.id, rec.version, DECIDED)
    assert only_listing(sqlite_db, rec.case_id).listing.status is ListingStatus.DRAFT


def test_signing_a_decision_another_desk_signed_names_who_and_when(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    rec = draft(sqlite_db, store(sqlite_db))
    page = open_page(qtbot, sqlite_db, tasks, PRESIDENT, DECIDED)
    select_first(qtbot, page)
    other = who(Role.PRESIDENT, "孙院长")
    ls.sign_listing(sqlite_db.uow(), other, rec.id, rec.version, DECIDED)  # another desk first
    with qtbot.waitSignal(page.action_failed, timeout=TIMEOUT) as failed, \
            qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.sign_listing(rec.id, rec.version)
    text = failed.args[0]
    # The decision as the screen names it, who changed it and when (the audit trail).
    assert text.startswith(f"{rec.case_number} 张三 was changed by {other.username} at "), text
    assert "nothing of yours was saved" in text and "It has been reloaded" in text
    assert page.message.isVisible() and page.message.text() == text
    assert only_listing(sqlite_db, rec.case_id).listing.signed_by == "孙院长"


def test_cancelling_the_confirmation_signs_nothing(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    rec = draft(sqlite_db, store(sqlite_db))
    page = open_page(qtbot, sqlite_db, tasks, PRESIDENT, DECIDED)
    select_first(qtbot, page)
    dlg = page.sign_selected()
    assert dlg is not None
    dlg.reject()
    assert tasks.pending == 0
    assert only_listing(sqlite_db, rec.case_id).listing.status is ListingStatus.DRAFT


def test_a_change_committed_anywhere_refreshes_the_open_decisions_page(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    """Issue 8 "what changed": a database task that signs a listing (from another
    screen, say) makes the open Decisions page reload itself; before, the row
    still read "Draft" until someone pressed Refresh (issue 12 §5)."""
    tasks.watch_changes(sqlite_db.take_changes)
    rec = draft(sqlite_db, store(sqlite_db))
    page = open_page(qtbot, sqlite_db, tasks, CLERK, DECIDED)
    assert page.model.index(0, COL_STATUS).data() == "Draft, awaiting signature"
    with qtbot.waitSignal(tasks.changed, timeout=TIMEOUT) as changed:
        tasks.run_db(lambda: ls.sign_listing(sqlite_db.uow(), PRESIDENT, rec.id, rec.version,
                                             DECIDED))
    assert changed.args[0].touches("listings")
    qtbot.waitUntil(lambda: page.model.index(0, COL_STATUS).data() == "Signed, NOT SERVED",
                    timeout=TIMEOUT)
    # A read changes nothing and reloads nothing.
    with qtbot.assertNotEmitted(tasks.changed, wait=200):
        tasks.run_db(lambda: ls.listings_for_case(sqlite_db.uow(), CLERK, rec.case_id))


def test_the_decisions_page_shows_one_case_or_all(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    first = store(sqlite_db)
    second = store(sqlite_db, lambda d: d.update(case_number="(2026)京0105执1235号"))
    draft(sqlite_db, first)
    draft(sqlite_db, second)
    page = open_page(qtbot, sqlite_db, tasks, CLERK, DECIDED)
    assert page.model.rowCount() == 2
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.set_case(second, "(2026)京0105执1235号")
    assert page.model.rowCount() == 1
    assert page.model.overview(0).record.case_number == "(2026)京0105执1235号"
    assert page.scope_combo.currentText() == "Case (2026)京0105执1235号"
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.filter_combo.setCurrentIndex(3)  # published: none yet
    assert page.model.rowCount() == 0


# ------------------------------------------------------------- entry points
def test_the_cases_page_opens_the_worksheet_and_the_listings_page_follows_its_selection(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from courtapp.ui.main_window import MainWindow
    from courtapp.ui.settings import UiSettings

    first = store(sqlite_db)
    second = store(sqlite_db, lambda d: d.update(case_number="(2026)京0105执1235号"))
    draft(sqlite_db, first)
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(sqlite_db, JUDGE, tasks, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.cases_page
    assert page is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=TIMEOUT)
    assert not page.worksheet_button.isEnabled()
    page.table.selectRow(page.model.row_of(second))
    assert page.worksheet_button.isEnabled()
    dlg = page.open_worksheet()
    assert isinstance(dlg, ListingWorksheet)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.loaded, timeout=TIMEOUT):
        pass
    assert dlg.case_id == second and "(2026)京0105执1235号" in dlg.title.text()
    dlg.close()

    decisions = window.decisions_page
    assert isinstance(decisions, DecisionsPage)
    with qtbot.waitSignal(decisions.loaded, timeout=TIMEOUT):
        window.show_page("listings")
    assert decisions.case_id == second
    assert decisions.model.rowCount() == 0  # the selected case has no decision yet
    with qtbot.waitSignal(decisions.loaded, timeout=TIMEOUT):
        decisions.scope_combo.setCurrentIndex(0)  # all cases
    assert decisions.model.rowCount() == 1


# ------------------------------------------------------------- issue 9 §1 in the worksheet
def late_notice(doc: dict[str, Any]) -> None:
    doc["execution_notice"]["served_on"] = doc["execution_notice"]["deadline"]  # 2026-03-15


def test_R_L11_the_worksheet_says_why_ground_one_is_barred_and_lists_without_a_restriction(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db, late_notice)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    a = dlg.assessment
    assert a is not None and a.bars == ["notice_served_late"] and a.effective_grounds == [3]
    ev = dlg.evidence
    assert ev.status_of("bar", "notice_served_late") == "applies"
    assert any("Served on 2026-03-15, on or after the deadline of 2026-03-15" in line
               for line in ev.evidence_of("bar", "notice_served_late"))
    assert ev.status_of("ground", "1") == "barred"
    assert "Barred by: Execution notice served on or after its deadline." in \
        ev.evidence_of("ground", "1")
    summary = dlg.summary.text()
    assert "Ground (1) is barred: Execution notice served on or after its deadline." in summary
    assert "No consumption restriction is available" in summary
    assert not dlg.restriction.isVisibleTo(dlg) and dlg.restriction_note.isVisibleTo(dlg)
    assert "Execution notice served on or after its deadline" in dlg.restriction_note.text()
    assert dlg.submit_button.isEnabled(), dlg.hint.text()
    with qtbot.waitSignal(dlg.listing_prepared, timeout=TIMEOUT), \
            qtbot.waitSignal(dlg.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.submit_button, Qt.MouseButton.LeftButton)
    rec = only_listing(sqlite_db, case_id)
    assert rec.listing.grounds == [3] and rec.listing.restrictions == []


def test_R_L13_later_in_the_order_hides_the_restriction_order(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    assert dlg.restriction.isVisibleTo(dlg)
    with qtbot.waitSignal(dlg.assessed):
        dlg.answer("later_in_order", True)
    assert dlg.assessment is not None and dlg.assessment.restriction == "unavailable"
    assert not dlg.restriction.isVisibleTo(dlg)
    assert "Later in the order of performance" in dlg.restriction_note.text()
    assert dlg.listing().restrictions == []
    assert dlg.evidence.status_of("bar", "later_in_order") == "applies"
    assert dlg.evidence.rows[[r.key for r in dlg.evidence.rows].index("later_in_order")].scope == \
        "Bars ground (1) and a consumption restriction"


def test_R_L16_the_judges_written_exception_lets_a_campus_loan_student_be_listed(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    case_id = store(sqlite_db)
    dlg = open_worksheet(qtbot, sqlite_db, tasks, case_id)
    assert not dlg.exception_edit.isEnabled()  # only for a student
    with qtbot.waitSignal(dlg.assessed):
        dlg.answer("campus_loan_student", True)
    assert dlg.assessment is not None and not dlg.assessment.listable
    assert dlg.assessment.restriction == "unavailable"
    assert dlg.exception_edit.isEnabled()
    assert "No written reason for an exception." in dlg.evidence.evidence_of(
        "bar", "campus_loan_student")
    reason = "已毕业并就业，名下有房产，有能力履行而拒不履行"
    dlg.exception_edit.setText(reason)
    with qtbot.waitSignal(dlg.assessed):
        dlg.exception_edit.textEdited.emit(reason)
    assert dlg.assessment.listable and dlg.assessment.restriction == "mandatory"
    assert dlg.evidence.status_of("bar", "campus_loan_student") == "clear"
    assert f"The judge's written reason for an exception: {reason}" in \
        dlg.evidence.evidence_of("bar", "campus_loan_student")
    assert reason in dlg.reasons_zh.toPlainText()  # the draft quotes it
    assert dlg.submit_button.isEnabled(), dlg.hint.text()
    with qtbot.waitSignal(dlg.listing_prepared, timeout=TIMEOUT), \
            qtbot.waitSignal(dlg.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dlg.submit_button, Qt.MouseButton.LeftButton)
    finding = svc.get_case(sqlite_db.uow(), JUDGE, case_id=case_id).case.finding_for(0)
    assert finding.campus_loan_student and finding.campus_loan_exception_reason == reason
    assert dlg.exception_edit.text() == reason  # shown again after the reload
