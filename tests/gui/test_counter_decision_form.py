"""The judge's decision form takes what the service takes (issue 9 §2): the new
legal representative (R-C6), the corrected text and the higher court (R-R5), and
the finding on a security that does not cover everything (R-C9); the intake
takes what is offered as security and its value."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))

from counter_fixtures import (  # noqa: E402
    COMPANY,
    COUNTER,
    FAR,
    JUDGE,
    NUMBER,
    WANG_WU,
    ZHANG_SAN,
    ZHAO_LIU,
    order_on_company,
    publish,
    store,
)

from courtapp.core.context import AppContext  # noqa: E402
from courtapp.core.domain.model import Officer, OfficerRole, SecurityItem, SecurityKind  # noqa: E402
from courtapp.core.domain.petition import (  # noqa: E402
    CorrectionGround,
    LiftingGround,
    PetitionDetails,
    PetitionKind,
    PetitionStatus,
)
from courtapp.core.services import cases as svc  # noqa: E402
from courtapp.core.services import petitions as ps  # noqa: E402
from courtapp.core.services import restriction as rs  # noqa: E402
from courtapp.ui.counter import IntakeForm, QueuePage  # noqa: E402
from courtapp.ui.tasks import TaskRunner  # noqa: E402

TIMEOUT = 10_000
TODAY = date(2026, 9, 8)


def open_queue(qtbot: QtBot, db: AppContext, tasks: TaskRunner, number: str) -> QueuePage:
    page = QueuePage(db, JUDGE, tasks, clock=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT):
        assert page.select_petition(number)
    return page


def decide(qtbot: QtBot, page: QueuePage, granted: bool) -> ps.Decided:
    with qtbot.waitSignal(page.decided, timeout=TIMEOUT) as done:
        qtbot.mouseClick(page.grant_button if granted else page.reject_button,
                         Qt.MouseButton.LeftButton)
    result: ps.Decided = done.args[0]
    return result


def shown(page: QueuePage, key: str) -> bool:
    return page.input_labels[key].isVisibleTo(page)


def test_R_C6_the_judge_names_the_new_legal_representative_in_the_form(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    db = sqlite_db
    cid = store(db)
    oid = order_on_company(db, cid)
    rec = svc.get_case(db.uow(), JUDGE, case_id=cid)
    rec.case.respondents[1].officers.append(Officer(OfficerRole.ACTUAL_CONTROLLER, "孙七",
                                                    "110105199001010029"))
    rec.case.respondents[1].officers.append(Officer(OfficerRole.LEGAL_REPRESENTATIVE, "赵六", ZHAO_LIU))
    svc.update_case(db.uow(), JUDGE, cid, rec.version, rec.case, today=FAR)
    f = ps.file_petition(db.uow(), COUNTER, cid, PetitionKind.OFFICER_RELEASE, petitioner_id=WANG_WU,
                         received_on=date(2026, 9, 1), issue_receipt=False)
    page = open_queue(qtbot, db, tasks, f.petition.number)
    assert shown(page, "new_officer") and not shown(page, "correction")
    # only a legal representative or principal, never the former one, can be chosen
    assert [page.new_officer.itemText(i) for i in range(page.new_officer.count())] == [
        "赵六 (Legal representative)"]
    page.reasons.setPlainText("王五已辞任，经审查非实际控制人")
    page.verified.setChecked(True)
    d = decide(qtbot, page, True)
    assert d.new_order_id is not None
    [new] = [o for o in rs.orders_for_case(db.uow(), JUDGE, cid) if o.id == d.new_order_id]
    assert {r.person for r in new.order.restrictions} == {2}  # 赵六
    [old] = [o for o in rs.orders_for_case(db.uow(), JUDGE, cid) if o.id == oid]
    assert [r.status.value for r in old.order.restrictions] == ["imposed", "lifted", "lifted"]


def test_R_R5_the_form_takes_the_corrected_text_and_the_higher_court(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    db = sqlite_db
    cid = store(db)
    publish(db, cid)
    fix = ps.file_petition(db.uow(), COUNTER, cid, PetitionKind.CORRECTION, petitioner_id=ZHANG_SAN,
                           received_on=date(2026, 9, 1), issue_receipt=False,
                           details=PetitionDetails(correction_ground=CorrectionGround.INACCURATE,
                                                   requested_correction="身份证号码有误"))
    page = open_queue(qtbot, db, tasks, fix.petition.number)
    assert shown(page, "correction") and shown(page, "higher_court")
    assert not shown(page, "new_officer") and not page.security_found.isVisibleTo(page)
    assert page.correction.text() == "身份证号码有误"  # as asked, for the judge to amend
    page.correction.setText("公布的履行情况更正为：已履行10000元")
    page.reasons.setPlainText("经核实，公布的履行情况有误")
    d = decide(qtbot, page, True)
    assert d.petition.decision["correction"] == "公布的履行情况更正为：已履行10000元"

    wrong = ps.file_petition(db.uow(), COUNTER, cid, PetitionKind.CORRECTION, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 2), issue_receipt=False,
                             details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    page = open_queue(qtbot, db, tasks, wrong.petition.number)
    assert shown(page, "higher_court") and not shown(page, "correction")
    page.higher_court.setText("北京市第三中级人民法院")
    page.reasons.setPlainText("纳入符合规定")
    d = decide(qtbot, page, False)
    assert d.petition.status is PetitionStatus.REJECTED
    assert d.petition.decision["document"]["extra"]["higher_court"] == "北京市第三中级人民法院"


def test_R_C9_the_judge_sees_what_a_security_covers_and_must_find_a_partial_one_effective(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    db = sqlite_db
    cid = store(db)
    order_on_company(db, cid)
    rec = svc.get_case(db.uow(), JUDGE, case_id=cid)
    rec.case.security.append(SecurityItem(SecurityKind.MORTGAGE, Decimal("10000.00"), 1, "房产抵押"))
    svc.update_case(db.uow(), JUDGE, cid, rec.version, rec.case, today=FAR)

    # the counter takes what is offered and its value
    form = IntakeForm(db, COUNTER, tasks, clock=lambda: date(2026, 9, 1))
    qtbot.addWidget(form)
    form.show()
    with qtbot.waitSignal(form.cases_found, timeout=TIMEOUT, check_params_cb=lambda n: n > 0):
        form.search.setText(NUMBER)
    qtbot.waitUntil(lambda: form.case is not None, timeout=TIMEOUT)
    form.set_kind(PetitionKind.LIFTING)
    form.lifting_ground.setCurrentIndex(
        form.lifting_ground.findData(LiftingGround.CREDITOR_CONSENT.value))
    assert not form.security.isVisibleTo(form)
    form.lifting_ground.setCurrentIndex(form.lifting_ground.findData(LiftingGround.SECURITY.value))
    assert form.security.isVisibleTo(form) and form.security_value.isVisibleTo(form)
    form.petitioner_id.setText(COMPANY)
    form.security.setText("以坐落于朝阳区的房产设定抵押")
    form.security_value.setText("10,000.00")
    with qtbot.waitSignal(form.filed, timeout=TIMEOUT) as filed:
        form.file()
    pet = filed.args[0].petition
    assert (pet.details.security, pet.details.security_value) == (
        "以坐落于朝阳区的房产设定抵押", Decimal("10000.00"))

    page = open_queue(qtbot, db, tasks, pet.number)
    detail = page.detail.toPlainText()
    assert "10,000.00" in detail and "25%" in detail and "40,000.00" in detail
    assert page.security_found.isVisibleTo(page) and page.security_found.isEnabled()
    page.reasons.setPlainText("提供房产抵押")
    with qtbot.waitSignal(page.decision_failed, timeout=TIMEOUT) as failed:
        qtbot.mouseClick(page.grant_button, Qt.MouseButton.LeftButton)
    assert "genuine and effective" in failed.args[0]
    page.security_found.setChecked(True)
    d = decide(qtbot, page, True)
    sec = d.petition.decision["document"]["extra"]["security"]
    assert (sec["value"], sec["covers"], sec["found_effective"]) == ("10000.00", False, True)
