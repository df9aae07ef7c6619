"""The auditor's screen: the trail by case and by user, verify off the GUI
thread, CSV export (issue 10 §4)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.interchange import parse_cases
from courtapp.core.services import cases as svc
from courtapp.ui.audit import AuditPage
from courtapp.ui.main_window import MainWindow
from courtapp.ui.settings import UiSettings
from courtapp.ui.tasks import TaskRunner

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example_case.json"
AUDITOR = Actor("shen", frozenset({Role.AUDITOR}))
JUDGE = Actor("zhao", frozenset({Role.JUDGE}))


def _case(db: AppContext) -> str:
    [case] = parse_cases([("", json.loads(EXAMPLE.read_text(encoding="utf-8")))],
                         today=date(2026, 6, 30))
    svc.create_case(db.uow(), JUDGE, case, today=date(2026, 6, 30))
    return case.case_number


def test_the_auditor_sees_the_trail_verifies_and_exports(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, ui_settings: UiSettings,
        tmp_path: Path) -> None:
    number = _case(sqlite_db)
    window = MainWindow(sqlite_db, AUDITOR, tasks, ui_settings, run_daily=False)
    qtbot.addWidget(window)
    assert window.is_page_available("audit") and not window.is_page_available("admin")
    page = window.audit_page
    assert isinstance(page, AuditPage)

    page.query.setText(number)
    with qtbot.waitSignal(page.loaded, timeout=10_000) as shown:
        page.show_button.click()
    assert shown.args == [1] and page.table.item(0, 2).text() == "zhao"
    page.by.setCurrentIndex(1)  # by user
    page.query.setText("nobody")
    with qtbot.waitSignal(page.loaded, timeout=10_000) as shown:
        page.show_button.click()
    assert shown.args == [0]
    page.query.setText("zhao")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show_button.click()

    with qtbot.waitSignal(page.verified, timeout=20_000) as done:
        page.verify_button.click()
    assert done.args[0].intact and "intact" in page.status.text()

    out = tmp_path / "trail.csv"
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export_csv(str(out))
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["seq", "at", "user", "action"]
    assert rows[1][2:6] == ["zhao", "case.create", "case", number]

    with sqlite_db.engine.begin() as c:
        c.execute(text("update payments set amount_fen = amount_fen * 1000"))
    with qtbot.waitSignal(page.verified, timeout=20_000) as done:
        page.verify_button.click()
    assert not done.args[0].intact and "payments#" in page.status.text()


def test_a_judge_has_no_audit_page(qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner,
                                   ui_settings: UiSettings) -> None:
    window = MainWindow(sqlite_db, JUDGE, tasks, ui_settings, run_daily=False)
    qtbot.addWidget(window)
    assert not window.is_page_available("audit") and window.audit_page is None


def test_a_search_past_the_limit_says_n_of_m(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No list stops silently at N rows: over the screen's limit (here 2) the
    status names how many of how many are shown."""
    import courtapp.ui.audit as audit_ui

    for i in range(3):
        def renumber(d: dict[str, object], i: int = i) -> None:
            d["case_number"] = f"(2026)京0105执{1500 + i}号"
        [case] = parse_cases([("", _renumbered(renumber))], today=date(2026, 6, 30))
        svc.create_case(sqlite_db.uow(), JUDGE, case, today=date(2026, 6, 30))
    with sqlite_db.engine.connect() as c:
        total = c.execute(text("SELECT count(*) FROM audit_log WHERE username = 'zhao'")).scalar()
    assert total is not None and total >= 3
    monkeypatch.setattr(audit_ui, "LIMIT", 2)
    page = AuditPage(sqlite_db, AUDITOR, tasks)
    qtbot.addWidget(page)
    page.by.setCurrentIndex(1)  # by user
    page.query.setText("zhao")
    with qtbot.waitSignal(page.loaded, timeout=10_000) as shown:
        page.show_button.click()
    assert shown.args == [2]
    assert f"the newest 2 of {total}" in page.status.text()
    monkeypatch.setattr(audit_ui, "LIMIT", 1000)
    with qtbot.waitSignal(page.loaded, timeout=10_000) as shown:
        page.show_button.click()
    assert shown.args == [total] and page.status.text() == f"Records shown: {total}"


def _renumbered(mutate: object) -> dict[str, object]:
    d: dict[str, object] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    mutate(d)  # type: ignore[operator]
    return d
