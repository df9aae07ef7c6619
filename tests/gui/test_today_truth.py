"""Screens that tell the truth (issue 12 §5): Today shows each role all of its
pending work with counts, the daily run at login says what it did in a banner,
and Publish explains when there is nothing left to publish.

Dates are explicit (2026).  Monday 2026-10-12 to Sunday 10-18 is "this week".
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))

from counter_fixtures import (  # noqa: E402
    ADMIN,
    CLERK,
    COUNTER,
    JUDGE,
    PRESIDENT,
    ZHANG_SAN,
    perform_fully,
    publish,
    store,
)

from courtapp.core.context import AppContext  # noqa: E402
from courtapp.core.domain.petition import PetitionKind  # noqa: E402
from courtapp.core.domain.roles import Actor, Role  # noqa: E402
from courtapp.core.services import applications, daily, workload  # noqa: E402
from courtapp.core.services import petitions as ps  # noqa: E402
from courtapp.ui.counter import TodayPage  # noqa: E402
from courtapp.ui.listing import DecisionsPage  # noqa: E402
from courtapp.ui.main_window import MainWindow  # noqa: E402
from courtapp.ui.settings import UiSettings  # noqa: E402
from courtapp.ui.tasks import TaskRunner  # noqa: E402

TIMEOUT = 10_000
TUESDAY = date(2026, 10, 13)
GRACE_END = date(2026, 10, 16)  # a Friday of TUESDAY's week


def open_today(qtbot: QtBot, db: AppContext, tasks: TaskRunner, actor: Actor, day: date) -> TodayPage:
    page = TodayPage(db, actor, tasks, clock=lambda: day)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def judges_world(db: AppContext) -> tuple[int, str]:
    """A performed case with a removal petition filed 9-30 (due in 3 working days,
    so overdue on TUESDAY) and a creditor's application on the company received
    9-20 (15 days: overdue too)."""
    cid = store(db)
    publish(db, cid)
    perform_fully(db, cid, date(2026, 9, 25))
    filed = ps.file_petition(db.uow(), COUNTER, cid, PetitionKind.REMOVAL_PERFORMED,
                             petitioner_id=ZHANG_SAN, received_on=date(2026, 9, 30),
                             issue_receipt=False)
    applications.record_application(db.uow(), JUDGE, cid, respondent=1, applicant=0,
                                    received_on=date(2026, 9, 20),
                                    grounds_claimed="有履行能力而拒不履行")
    return cid, filed.petition.number


def test_the_judges_today_counts_the_queue_the_applications_and_the_overdue(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    _, number = judges_world(sqlite_db)
    judge = open_today(qtbot, sqlite_db, tasks, JUDGE, TUESDAY)
    assert {c.key: (c.count, c.overdue) for c in judge.data.counts} == {  # type: ignore[union-attr]
        "petitions": (1, 1), "listings_to_prepare": (1, 1), "grace_ending": (0, 0),
        "overdue": (2, 2)}
    assert judge.tiles["petitions"].text().startswith("1\nPetitions in the queue\n1 overdue")
    assert judge.tiles["overdue"].text() == "2\nOverdue items"
    sections = [i.section for i in judge.items]
    assert sections.count("Petitions to decide") == 1 and sections.count("Listings to prepare") == 1
    assert any(number in i.text for i in judge.items)
    # the section headings carry their counts
    heads = [judge.list.item(r).text() for r in range(judge.list.count())]
    assert "Petitions to decide (1)" in heads and "Listings to prepare (1)" in heads
    # a click on a count opens the page where the work is done
    with qtbot.waitSignal(judge.open_requested) as opened:
        judge.tiles["petitions"].click()
    assert opened.args == ["counter:queue", None]

    # a petition not yet due is still in the queue and counted (the old page hid it)
    early = open_today(qtbot, sqlite_db, tasks, JUDGE, date(2026, 9, 30))
    assert early.count("petitions") == 1 and early.count("overdue") == 0

    # the counter sees the receipt it owes; the president has nothing to sign
    counter = open_today(qtbot, sqlite_db, tasks, COUNTER, TUESDAY)
    assert counter.count("receipts") == 1 and counter.count("awaiting_service") == 0
    assert any("NO RECEIPT YET" in i.text and i.section == "Receipts to issue" for i in counter.items)
    president = open_today(qtbot, sqlite_db, tasks, PRESIDENT, TUESDAY)
    assert president.count("listings_to_sign") == 0 and president.count("petitions") is None


def test_a_warning_whose_grace_ends_this_week_is_counted_for_judge_and_clerk(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    cid = store(sqlite_db)
    lid = publish(sqlite_db, cid, on=date(2026, 8, 14), grace=GRACE_END, published=False)
    judge = open_today(qtbot, sqlite_db, tasks, JUDGE, TUESDAY)
    assert judge.count("grace_ending") == 1
    [item] = [i for i in judge.items if i.section == "Grace periods ending this week"]
    assert "grace ends on 2026-10-16" in item.text and item.target == ("listings", lid)
    clerk = open_today(qtbot, sqlite_db, tasks, CLERK, TUESDAY)
    assert clerk.count("notices_to_print") == 1  # the warning to print
    assert any(i.section == "Notices to print and serve" for i in clerk.items)
    # next week it is no longer this week's
    assert open_today(qtbot, sqlite_db, tasks, JUDGE, date(2026, 10, 19)).count("grace_ending") == 0
    # what the administrator would publish once the grace is over
    assert [r.id for r in workload.publishable_now(sqlite_db.uow(), ADMIN, date(2026, 10, 17))] == [lid]
    assert workload.publishable_now(sqlite_db.uow(), ADMIN, GRACE_END) == []


def test_the_daily_run_at_login_says_what_it_did_in_a_banner(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner, tmp_path: Path) -> None:
    cid = store(sqlite_db)
    publish(sqlite_db, cid, on=date(2026, 8, 14), grace=GRACE_END, published=False)
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    admin = Actor("admin", frozenset({Role.ADMIN}), display_name="admin")
    day = date(2026, 10, 19)
    window = MainWindow(sqlite_db, admin, tasks, settings, run_daily=False, clock=lambda: day)
    qtbot.addWidget(window)
    window.show()
    page = window.today_page
    assert page is not None
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        assert window.start_daily_run()
    qtbot.waitUntil(lambda: page.summary is not None, timeout=TIMEOUT)
    assert page.daily.isVisibleTo(page)
    assert page.daily.text().startswith("Daily run of 2026-10-19: 1 listing published.")
    # a second run the same day changes nothing, and says so
    second = daily.run_daily(sqlite_db.uow(), ADMIN, day)
    assert page.daily_text(second).startswith(
        "Daily run of 2026-10-19: nothing to publish or delete today.")
    three = daily.DailySummary(day, (1, 2, 3), (), (), (9,), (), (), (), (), ())
    assert page.daily_text(three) == (
        "Daily run of 2026-10-19: 3 listings published, 1 deleted at the end of its term.")


def test_publish_explains_when_there_is_nothing_left_to_publish(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    cid = store(sqlite_db)
    publish(sqlite_db, cid, on=date(2026, 8, 14), grace=GRACE_END, published=False)
    page = DecisionsPage(sqlite_db, ADMIN, tasks, clock=lambda: TUESDAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    with qtbot.waitSignal(page.published, timeout=TIMEOUT) as run:
        page.publish_button.click()
    assert run.args[0].published == []
    text = page.message.text()
    assert text.startswith("Nothing left to publish on 2026-10-13")
    assert "1 decision(s) are still in their grace period; the next one ends on 2026-10-16." in text
    assert "0 published" not in text


def test_the_listings_detail_shows_reasons_in_the_interface_language(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    """Issue 12 §6: the English interface showed the Chinese reasons as if they were its own."""
    from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem
    from courtapp.core.services import listing as ls

    cid = store(sqlite_db)
    on = date(2026, 5, 6)
    ls.prepare_listing(sqlite_db.uow(), JUDGE, cid, Listing(
        respondent=0, grounds=[1], decided_on=on,
        restrictions=[Restriction(RestrictionItem(1), None, on)]),
        reasons_zh="被执行人有履行能力而拒不履行")
    page = DecisionsPage(sqlite_db, PRESIDENT, tasks, clock=lambda: on)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    with qtbot.waitSignal(page.history_loaded, timeout=TIMEOUT):
        page.table.selectRow(0)
    text = page.detail.toPlainText()
    assert "Reasons (as written in the decision, in Chinese)" in text and "拒不履行" in text

    import dataclasses

    from courtapp.ui.listing.decisions import decision_html

    [overview] = ls.list_listings(sqlite_db.uow(), JUDGE, case_id=cid)
    english = dataclasses.replace(overview, record=dataclasses.replace(
        overview.record, reasons_en="able to perform and refuses to"))
    html = decision_html(english, on)
    assert "able to perform and refuses to" in html and "拒不履行" not in html


def test_the_listings_list_sorts_by_its_columns_on_the_server(
        qtbot: QtBot, sqlite_db: AppContext, tasks: TaskRunner) -> None:
    """Issue 12 §2: a header click orders the listings in the database (with a sort
    arrow), checked against SQL, ascending then descending."""
    from sqlalchemy import text

    from courtapp.core.domain.listing import ListingStatus
    from courtapp.ui.listing.decisions import COL_CASE, COL_DECIDED

    days = {1236: date(2026, 5, 4), 1234: date(2026, 5, 8), 1235: date(2026, 5, 6)}
    for seq, on in days.items():
        def renumber(d: dict[str, object], seq: int = seq) -> None:
            d["case_number"] = f"(2026)京0105执{seq}号"
        publish(sqlite_db, store(sqlite_db, renumber), on=on)
    page = DecisionsPage(sqlite_db, ADMIN, tasks, clock=lambda: date(2026, 6, 1))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    header = page.table.horizontalHeader()

    def shown() -> list[int]:
        return [page.model.overview(r).record.id for r in range(page.model.rowCount())]

    def sql(order: str) -> list[int]:
        with sqlite_db.engine.connect() as c:
            return [r[0] for r in c.execute(text(
                "SELECT l.id FROM listings l JOIN cases c ON c.id = l.case_id "
                f"WHERE l.status = :s ORDER BY {order}"), {"s": ListingStatus.PUBLISHED.value})]

    assert shown() == sql("l.id DESC")  # newest first until a header is clicked
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        header.setSortIndicator(COL_DECIDED, Qt.SortOrder.AscendingOrder)
    assert shown() == sql("l.decided_on, l.id") != sql("l.id DESC")
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == COL_DECIDED
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        header.setSortIndicator(COL_DECIDED, Qt.SortOrder.DescendingOrder)
    assert shown() == sql("l.decided_on DESC, l.id DESC")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        header.setSortIndicator(COL_CASE, Qt.SortOrder.AscendingOrder)
    assert shown() == sql("c.year, c.court_code, c.type_code, c.sequence, l.id")
    assert [page.model.overview(r).record.case_number[-6:] for r in range(3)] == [
        "执1234号", "执1235号", "执1236号"]


def test_the_listings_repository_pages_a_sorted_list_without_gaps(db: AppContext) -> None:
    """Keyset paging on (the sort value, id): every listing once, in order, across pages."""
    from courtapp.core.services import listing as ls

    for seq, on in ((1301, date(2026, 5, 6)), (1302, date(2026, 5, 6)), (1303, date(2026, 5, 4)),
                    (1304, date(2026, 5, 8)), (1305, date(2026, 5, 6))):
        def renumber(d: dict[str, object], seq: int = seq) -> None:
            d["case_number"] = f"(2026)京0105执{seq}号"
        publish(db, store(db, renumber), on=on)
    everything = [(o.record.listing.decided_on, o.record.id)
                  for o in ls.list_listings(db.uow(), ADMIN, sort="decided_on", descending=False)]
    assert everything == sorted(everything) and len(everything) == 5
    paged: list[tuple[date, int]] = []
    after: object | None = None
    while True:
        page = ls.listings_page(db.uow(), ADMIN, sort="decided_on", descending=False,
                                after=after, limit=2)
        paged += [(o.record.listing.decided_on, o.record.id) for o in page.rows]
        if not page.has_more:
            break
        after = page.next_after
    assert paged == everything
