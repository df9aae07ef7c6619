"""The Reports page and the public list screen (issue 11): the figures and charts of
imported cases with known listings, exports off the GUI thread, the search, and
Chinese.  Waits on signals, never sleeps."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from stats_fixtures import EXPECTED_OCTOBER, case_doc, import_all, listing, october_cases, rid

from courtapp.core.context import AppContext, open_database
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.reports.monthly import Month
from courtapp.core.reports.public import ALLOWED_FIELDS
from courtapp.ui.i18n import LanguageManager
from courtapp.ui.reports import PublicListPage, ReportsPage
from courtapp.ui.settings import LANGUAGE_CHINESE, UiSettings
from courtapp.ui.tasks import TaskRunner

JUDGE = Actor("judge", frozenset({Role.JUDGE}))
NOV_15 = date(2026, 11, 15)


@pytest.fixture
def october_db(tmp_path: Path) -> Iterator[AppContext]:
    ctx = open_database(f"sqlite+pysqlite:///{tmp_path / 'reports.sqlite'}")
    extra = [case_doc(200 + k, {"kind": "person", "name": f"王{k:02d}", "id_number": rid(30 + k)},
                      [listing(published="2026-11-03")]) for k in range(55)]
    import_all(ctx, JUDGE, october_cases() + extra)
    yield ctx
    ctx.engine.dispose()


def _page(qtbot: QtBot, db: AppContext, tasks: TaskRunner) -> ReportsPage:
    page = ReportsPage(db, JUDGE, tasks, clock=lambda: NOV_15)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    return page


def test_the_page_shows_the_last_whole_months_figures_and_charts(
        qtbot: QtBot, october_db: AppContext, tasks: TaskRunner) -> None:
    page = _page(qtbot, october_db, tasks)
    assert page.month() == Month(2026, 10)
    assert page.value("listings_added.person") == EXPECTED_OCTOBER["listings_added"]["person"]
    assert page.value("listed_at_month_end.entity") == 1
    assert page.table.rowCount() > 40
    charts = page.chart_values()
    assert charts["trend.0"][-1] == 4 and charts["trend.1"][-1] == 5  # added, removed in October
    assert len(charts["trend.0"]) == 12
    assert charts["kinds.0"][-1] == 2 and charts["kinds.1"][-1] == 1  # persons, entities listed
    assert charts["kinds.0"][-2] == 3  # end of September
    assert charts["grace"] == [1, 1]  # F performed in grace, G did not
    assert "1" in page.grace_chart.title() and "2" in page.grace_chart.title()


def test_choosing_another_month_and_the_court_reloads(
        qtbot: QtBot, october_db: AppContext, tasks: TaskRunner) -> None:
    page = _page(qtbot, october_db, tasks)
    if page.court_box.count() < 2:
        with qtbot.waitSignal(page.courts_loaded, timeout=10_000):
            pass
    assert page.court_box.findData("京0105") > 0
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.set_month(Month(2026, 11))
    assert page.value("listings_added.person") == 56  # I and the 55 王
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.court_box.setCurrentIndex(page.court_box.findData("京0105"))
    assert page.court() == "京0105" and page.value("listings_added.person") == 56
    assert "grace" not in page.chart_values()  # no grace period ended in November
    assert page.grace_chart.title() == "No grace period ended this month"


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv"])
def test_export_writes_the_file_off_the_gui_thread(
        qtbot: QtBot, october_db: AppContext, tasks: TaskRunner, tmp_path: Path, fmt: str) -> None:
    page = _page(qtbot, october_db, tasks)
    out = tmp_path / f"report.{fmt}"
    with qtbot.waitSignal(page.exported, timeout=30_000) as sig:
        page.export_to(str(out))
    assert sig.args == [str(out)]
    data = out.read_bytes()
    if fmt == "pdf":
        from pypdf import PdfReader

        reader = PdfReader(out)
        assert "2026" in reader.pages[0].extract_text()
        for page_obj in reader.pages:
            for f in page_obj["/Resources"].get_object().get("/Font", {}).values():
                assert "CourtappSerifSC" in str(f.get_object()["/BaseFont"])
    elif fmt == "csv":
        assert "listings_added.person,Listings added: natural persons,3" in data.decode("utf-8-sig")
    else:
        assert data[:2] == b"PK"


def test_an_unknown_export_type_is_refused_with_a_message(
        qtbot: QtBot, october_db: AppContext, tasks: TaskRunner, tmp_path: Path) -> None:
    page = _page(qtbot, october_db, tasks)
    with qtbot.waitSignal(page.failed, timeout=5_000) as sig:
        page.export_to(str(tmp_path / "report.doc"))
    assert "report.doc" in sig.args[0]
    assert page.message.isVisible() and not (tmp_path / "report.doc").exists()


def test_the_page_speaks_chinese(qtbot: QtBot, october_db: AppContext, tasks: TaskRunner,
                                 languages: LanguageManager, ui_settings: UiSettings) -> None:
    page = _page(qtbot, october_db, tasks)
    ui_settings.language = LANGUAGE_CHINESE  # switches at once (a posted LanguageChange)
    qtbot.waitUntil(lambda: page.heading.text() == "失信被执行人名单月度统计", timeout=5_000)
    assert page.table.item(0, 0).text() == "新增失信被执行人：自然人"
    assert page.trend_chart.title() == "近十二个月新增与移出"


# ------------------------------------------------------------- public list
def _public(qtbot: QtBot, db: AppContext, tasks: TaskRunner) -> PublicListPage:
    page = PublicListPage(db, JUDGE, tasks, clock=lambda: date(2026, 12, 1))
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_public_search_finds_published_entries_with_balance_and_last_payment(
        qtbot: QtBot, october_db: AppContext, tasks: TaskRunner) -> None:
    page = _public(qtbot, october_db, tasks)
    page.search_box.setText(rid(7))
    with qtbot.waitSignal(page.searched, timeout=10_000) as sig:
        page.search()
    assert sig.args == [1]
    (entry,) = page.entries()
    assert entry.fields["case_number"] == "(2026)京0105执7号"
    shown = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert rid(7) not in shown and shown[1].startswith(rid(7)[:6]) and "*" in shown[1]
    assert shown[5] == "100,000.00" and shown[6] == "—"
    page.search_box.setText(rid(3))  # C: removed, not public any more
    with qtbot.waitSignal(page.searched, timeout=10_000) as sig:
        page.search()
    assert sig.args == [0] and page.message.isVisible()


def test_the_public_search_pages_through_every_match(
        qtbot: QtBot, october_db: AppContext, tasks: TaskRunner) -> None:
    page = _public(qtbot, october_db, tasks)
    page.search_box.setText("王")
    with qtbot.waitSignal(page.searched, timeout=10_000) as sig:
        page.search()
    assert sig.args == [50] and page.more_button.isEnabled()
    with qtbot.waitSignal(page.searched, timeout=10_000) as sig:
        page.more_button.click()
    assert sig.args == [55] and not page.more_button.isEnabled()
    assert len({e.listing_id for e in page.entries()}) == 55


def test_the_public_list_export(qtbot: QtBot, october_db: AppContext, tasks: TaskRunner,
                                tmp_path: Path) -> None:
    page = _public(qtbot, october_db, tasks)
    out = tmp_path / "public.json"
    with qtbot.waitSignal(page.exported, timeout=20_000) as sig:
        page.export_to(str(out), date(2026, 10, 1), date(2026, 11, 30), "json")
    assert sig.args == [str(out), 59]  # A, B, G, I and the 55
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])", text)
    assert all(set(e) <= set(ALLOWED_FIELDS) for e in json.loads(text))
