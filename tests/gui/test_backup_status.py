"""The Admin screen shows the last backup and warns when it is too old (issue 10 §5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import console_actor
from courtapp.core.services import backup, listing
from courtapp.ui.backup_status import BackupSection
from courtapp.ui.pages import AdminPage
from courtapp.ui.tasks import TaskRunner

AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def section(qtbot: QtBot, db: AppContext, tasks: TaskRunner, now: datetime) -> BackupSection:
    box = BackupSection(db, tasks, now=lambda: now)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitSignal(box.loaded, timeout=10_000).wait()
    return box


def test_no_backup_is_a_warning_on_the_admin_page(
        qtbot: QtBot, cases_db: AppContext, tasks: TaskRunner) -> None:
    page = AdminPage(cases_db, console_actor("test"), tasks)
    qtbot.addWidget(page)
    assert page.backup is not None
    page.show()
    qtbot.waitUntil(lambda: page.backup is not None and page.backup.status is not None,
                    timeout=10_000)
    assert "No backup" in page.backup.last.text()
    assert page.backup.warning.isVisible() and "no backup" in page.backup.warning.text()


def test_a_recent_backup_is_shown_and_an_old_one_warns_after_the_set_days(
        qtbot: QtBot, cases_db: AppContext, tasks: TaskRunner, tmp_path: Path) -> None:
    admin = console_actor("test")
    backup.backup(cases_db.uow(), admin, tmp_path / "court.cab.gz", password="pw", now=AT)

    fresh = section(qtbot, cases_db, tasks, AT + timedelta(days=6))
    assert "court.cab.gz" in fresh.last.text() and "rows" in fresh.last.text()
    assert not fresh.warning.isVisible()

    old = section(qtbot, cases_db, tasks, AT + timedelta(days=8))
    assert old.warning.isVisible() and "7 days" in old.warning.text()

    listing.set_setting(cases_db.uow(), admin, "backup.max_age_days", "30")
    relaxed = section(qtbot, cases_db, tasks, AT + timedelta(days=8))
    assert not relaxed.warning.isVisible()
