"""The working-day calendar in the database (RULES.md R-D1, R-D2; issue 5 §3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from courtapp.cli import main
from courtapp.core.context import AppContext
from courtapp.core.domain.errors import PermissionDenied, ValidationError
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import calendar

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
CLERK = Actor("clerk", frozenset({Role.CLERK}))
SCHEDULE_2027 = """# 国务院办公厅关于2027年部分节假日安排的通知 (illustrative)
2027-01-01 holiday 元旦
2027-01-02 holiday 元旦
2027-01-03 holiday 元旦
2027-02-06 workday 春节
"""


def test_the_calendar_is_seeded_from_chinesecalendar_up_to_2026(db: AppContext) -> None:
    known = [y.year for y in calendar.years(db.uow())]
    assert known[0] == 2004 and known[-1] == 2026 and len(known) == 23
    cal = calendar.load(db.uow(), range(2026, 2027))
    assert cal.is_workday(date(2026, 10, 10)) is True  # a make-up Saturday
    assert cal.is_statutory_holiday(date(2026, 10, 3)) is True
    assert calendar.missing_years(db.uow(), date(2026, 11, 26)) == [2027]


def test_R_D1_deadlines_come_from_the_stored_calendar(db: AppContext) -> None:
    d = calendar.working_day_deadline(db.uow(), date(2026, 9, 30), 3)
    assert (d.due, d.provisional) == (date(2026, 10, 10), False)
    late = calendar.working_day_deadline(db.uow(), date(2026, 12, 30), 3)
    assert late.provisional and late.missing_years == (2027,)


def test_an_administrator_adds_2027_and_provisional_deadlines_become_firm(db: AppContext) -> None:
    year, holidays, workdays = calendar.parse_schedule(SCHEDULE_2027)
    with pytest.raises(PermissionDenied):
        calendar.set_year(db.uow(), CLERK, year, holidays, workdays, source="notice")
    calendar.set_year(db.uow(), ADMIN, year, holidays, workdays, source="国办发明电〔2026〕")
    d = calendar.working_day_deadline(db.uow(), date(2026, 12, 30), 3)
    assert (d.due, d.provisional) == (date(2027, 1, 5), False)
    assert calendar.missing_years(db.uow(), date(2026, 11, 26)) == []
    assert calendar.load(db.uow(), range(2027, 2028)).is_workday(date(2027, 2, 6)) is True


def test_R_D2_calendar_day_periods_roll_past_a_holiday(db: AppContext) -> None:
    d = calendar.calendar_day_deadline(db.uow(), date(2026, 9, 24), 10)
    assert (d.due, d.provisional) == (date(2026, 10, 8), False)


def test_a_malformed_schedule_is_refused_line_by_line() -> None:
    with pytest.raises(ValidationError) as e:
        calendar.parse_schedule("2027-13-01 holiday x\n2027-01-02 party y\n")
    assert [(x.path, x.rule) for x in e.value.errors] == [
        ("line 1", "calendar.date"), ("line 2", "calendar.kind")]
    with pytest.raises(ValidationError):
        calendar.parse_schedule("2027-01-01 holiday 元旦\n2028-01-01 holiday 元旦\n")


def test_the_cli_imports_a_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'c.sqlite'}"
    f = tmp_path / "2027.txt"
    f.write_text(SCHEDULE_2027, encoding="utf-8")
    assert main(["--database", url, "calendar", "show", "2027"]) == 1
    assert main(["--database", url, "calendar", "import", str(f)]) == 0
    assert main(["--database", url, "calendar", "show", "2027"]) == 0
    out = capsys.readouterr().out
    assert "2027-02-06\tworkday\t春节" in out
