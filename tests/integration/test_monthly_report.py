"""The monthly statistics on imported cases with known listings and removals
(issue 11 §1), on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Date, bindparam, text
from stats_fixtures import (
    EXPECTED_OCTOBER,
    EXPECTED_SEPTEMBER_END,
    case_doc,
    import_all,
    listing,
    october_cases,
    rid,
)
from tooling import requires_tools

from courtapp.cli import main
from courtapp.core.context import AppContext
from courtapp.core.domain.errors import PermissionDenied, ValidationError
from courtapp.core.domain.roles import Actor
from courtapp.core.reports.monthly import Month, working_days_sql
from courtapp.core.services import calendar, reports


@pytest.fixture
def october(db: AppContext, judge: Actor) -> AppContext:
    import_all(db, judge, october_cases())
    return db


def _person_doc(k: int) -> dict:  # type: ignore[type-arg]
    return {"kind": "person", "name": f"他院被执行人{k}", "id_number": rid(k)}


def _report(db: AppContext, actor: Actor, month: str, court: str | None = None) -> dict:  # type: ignore[type-arg]
    return reports.monthly_report(db.uow(), actor, Month.parse(month), court=court,
                                  today=date(2026, 12, 1)).to_json()


def test_the_required_figures_of_october_are_those_of_the_imported_listings(
        october: AppContext, judge: Actor) -> None:
    r = _report(october, judge, "2026-10")
    for key, value in EXPECTED_OCTOBER.items():
        assert r[key] == value, key
    assert r["petitions"] == {"received": 0, "decided": 0, "late": 0}


def test_the_listed_population_moves_by_what_was_added_and_removed(
        october: AppContext, judge: Actor) -> None:
    sep, octo, nov = (_report(october, judge, m) for m in ("2026-09", "2026-10", "2026-11"))
    assert sep["listed_at_month_end"] == EXPECTED_SEPTEMBER_END
    for before, now in ((sep, octo), (octo, nov)):
        for kind in ("person", "entity"):
            assert now["listed_at_month_end"][kind] == (
                before["listed_at_month_end"][kind] + now["listings_added"][kind]
                - now["listings_removed"][kind])
    assert nov["listings_added"] == {"person": 1, "entity": 0}  # I


def test_removals_by_reason_and_kind_count_only_what_came_off_the_public_list(
        october: AppContext, judge: Actor) -> None:
    r = _report(october, judge, "2026-10")
    by_reason = {k: v for k, v in r["listings_removed_by_reason"].items() if v}
    assert by_reason == {"performed": 1, "revoked": 1, "creditor_request": 1, "no_property": 1,
                         "unspecified": 1}
    by_kind = {k: v for k, v in r["listings_removed_by_kind"].items() if v}
    assert by_kind == {"deleted": 4, "revoked": 1}  # F was cancelled before publication
    assert r["listings_wrongful"] == {"revoked": 1, "corrected": 0}
    assert r["listings_added_by_ground"] == {"1": 4, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0}


def test_officers_are_counted_apart_from_the_listed_persons(
        october: AppContext, judge: Actor) -> None:
    r = _report(october, judge, "2026-10")
    assert r["officers_bound"] == {"added": 2, "at_month_end": 2}  # B's two officers
    sep = _report(october, judge, "2026-09")
    assert sep["officers_bound"] == {"added": 1, "at_month_end": 1}  # K's one officer
    assert sep["listings_added"] == {"person": 1, "entity": 1}  # C; K (the officer is not a person here)


def test_restrictions_are_imposed_on_publication_and_lifted_on_removal_by_item(
        october: AppContext, judge: Actor) -> None:
    r = _report(october, judge, "2026-10")["restrictions"]
    # A, E, G (items 1, 9); B: the entity (1, 9) and each officer (1).
    assert r["imposed"]["1"] == 6 and r["imposed"]["9"] == 4
    # C, D, E, K (the entity and its officer), L lifted on removal; F's items were never
    # imposed (cancelled in grace).
    assert r["lifted"]["1"] == 6 and r["lifted"]["9"] == 5
    assert sum(r["imposed"].values()) == 10


def test_the_deletion_after_national_day_took_two_working_days(
        october: AppContext, judge: Actor) -> None:
    # C: performed 2026-09-30, deleted 2026-10-09; 1-7 October are holidays.
    r = _report(october, judge, "2026-10")
    assert r["deletion_working_days"] == {"median": 2.0, "count": 1, "within_limit": 1, "limit": 3}


def test_cases_filed_and_closed(october: AppContext, judge: Actor) -> None:
    r = _report(october, judge, "2026-10")
    assert r["cases"] == {"filed": 1, "closed": 1}  # M filed; F's case paid in full on 10-10
    assert _report(october, judge, "2026-09")["cases"]["closed"] == 1  # C's case
    assert _report(october, judge, "2026-01")["cases"]["filed"] == 11


def test_a_court_filter_counts_only_that_court_and_an_unknown_court_is_refused(
        october: AppContext, judge: Actor) -> None:
    # The only court in the database: the same figures (without a join).
    only = _report(october, judge, "2026-10", court="京0105")
    assert only["listings_added"] == EXPECTED_OCTOBER["listings_added"]
    assert only["court"] == {"code": "京0105", "name": "北京市朝阳区人民法院"}
    with pytest.raises(ValidationError) as e:
        _report(october, judge, "2026-10", court="京0106")
    assert e.value.errors[0].path == "court"
    # A second court's case, published in October, with its restriction items.
    other = case_doc(1, _person_doc(50), [listing(published="2026-10-13")])
    other["case_number"] = "(2026)京0106执1号"
    other["court"] = {"name": "北京市海淀区人民法院", "code": "京0106"}
    import_all(october, judge, [other])
    every = _report(october, judge, "2026-10")
    assert every["listings_added"] == {"person": 4, "entity": 1}
    ours = _report(october, judge, "2026-10", court="京0105")
    theirs = _report(october, judge, "2026-10", court="京0106")
    for key in ("listings_added", "listings_removed", "listed_at_month_end", "performed_in_grace",
                "officers_bound", "restrictions", "cases", "deletion_working_days"):
        assert ours[key] == _report_without_other(key, every, theirs), key
    assert theirs["listings_added"] == {"person": 1, "entity": 0}
    assert theirs["restrictions"]["imposed"]["1"] == 1 and theirs["cases"]["filed"] == 0
    assert reports.courts(october.uow(), judge) == [("京0105", "北京市朝阳区人民法院"),
                                                    ("京0106", "北京市海淀区人民法院")]


def _report_without_other(key: str, every: dict, theirs: dict) -> object:  # type: ignore[type-arg]
    """``every[key]`` less ``theirs[key]``, figure by figure (the medians: unchanged)."""
    a, b = every[key], theirs[key]
    if isinstance(a, dict):
        return {k: _report_without_other(k, a, b) for k in a}
    if key in ("median", "limit"):
        return a
    return a - b


def test_anyone_who_may_see_cases_may_see_the_report_and_no_one_else(
        october: AppContext, auditor: Actor) -> None:
    assert _report(october, auditor, "2026-10")["listings_added"]["person"] == 3
    with pytest.raises(PermissionDenied):
        reports.monthly_report(october.uow(), Actor("nobody", frozenset()), Month(2026, 10))


def test_a_bad_month_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as e:
        reports.parse_month("2026-13", "--month")
    assert e.value.errors[0].path == "--month"


# ----------------------------------------------------------------- petitions
def test_petitions_received_decided_and_late_use_the_stored_due_date(db: AppContext) -> None:
    """Received Friday 9 October: 3 working days are 10 (a make-up Saturday), 12 and 13
    October; a decision on the 14th is late, one on the 13th is not."""
    import counter_fixtures as cf

    from courtapp.core.domain.petition import Decision, PetitionKind
    from courtapp.core.services import petitions

    cid = cf.store(db)
    cf.publish(db, cid, on=date(2026, 5, 6))
    cf.perform_fully(db, cid, date(2026, 10, 8))
    filed = petitions.file_petition(db.uow(), cf.COUNTER, cid, PetitionKind.REMOVAL_PERFORMED,
                                    petitioner_id=cf.ZHANG_SAN, received_on=date(2026, 10, 9),
                                    issue_receipt=False)
    assert filed.petition.due == date(2026, 10, 13)
    petitions.decide(db.uow(), cf.JUDGE, filed.petition.id,
                     Decision(True, "已履行完毕", date(2026, 10, 14), facts_verified=True),
                     issue_document=False)
    r = _report(db, cf.JUDGE, "2026-10")
    assert r["petitions"] == {"received": 1, "decided": 1, "late": 1}
    assert r["petitions_by_kind"]["removal_performed"] == {"received": 1, "decided": 1, "late": 1}
    assert r["petitions_by_kind"]["correction"] == {"received": 0, "decided": 0, "late": 0}
    # Proof received on 9 October, deleted on the 14th: 10, 12, 13, 14 October.
    assert r["deletion_working_days"]["median"] == 4.0
    assert r["deletion_working_days"]["within_limit"] == 0


def test_a_provisional_due_date_firms_up_by_the_decision(db: AppContext) -> None:
    """Received 30 December 2026 with no calendar for 2027: due 4 January on weekdays
    (provisional).  The administrator enters 2027 (1-3 January off), the judge decides
    on the 5th: the stored due date is the firm 5 January and the decision is in time."""
    import counter_fixtures as cf

    from courtapp.core.domain.petition import Decision, PetitionKind
    from courtapp.core.services import petitions

    cid = cf.store(db)
    cf.publish(db, cid, on=date(2026, 5, 6))
    cf.perform_fully(db, cid, date(2026, 12, 28))
    filed = petitions.file_petition(db.uow(), cf.COUNTER, cid, PetitionKind.REMOVAL_PERFORMED,
                                    petitioner_id=cf.ZHANG_SAN, received_on=date(2026, 12, 30),
                                    issue_receipt=False)
    assert _due(db, filed.petition.id) == (date(2027, 1, 4), True)
    calendar.set_year(db.uow(), cf.ADMIN, 2027, cf.SCHEDULE_2027, [], source="test")
    petitions.decide(db.uow(), cf.JUDGE, filed.petition.id,
                     Decision(True, "已履行完毕", date(2027, 1, 5), facts_verified=True),
                     issue_document=False)
    assert _due(db, filed.petition.id) == (date(2027, 1, 5), False)
    assert _report(db, cf.JUDGE, "2027-01")["petitions"] == {"received": 0, "decided": 1, "late": 0}


def _due(db: AppContext, petition_id: int) -> tuple[date | None, bool]:
    from sqlalchemy import select

    from courtapp.core.db.orm import PetitionRow

    with db.uow() as u:
        row = u.session.scalar(select(PetitionRow).where(PetitionRow.id == petition_id))
        assert row is not None
        return row.due_on, row.due_provisional


# ------------------------------------------------------------- working days
def test_the_working_day_sql_agrees_with_the_calendar_on_random_spans(db: AppContext) -> None:
    """2025-2027: holidays, make-up days, and 2027 without calendar data (weekdays)."""
    from courtapp.core.domain.workdays import working_days_between

    cal = calendar.load(db.uow())
    rng = random.Random(11)
    sql = text(f"SELECT {working_days_sql(db.engine.dialect.name, ':a', ':b')}").bindparams(
        bindparam("a", type_=Date), bindparam("b", type_=Date))
    with db.engine.connect() as c:
        for _ in range(150):
            a = date(2025, 1, 1) + timedelta(days=rng.randrange(0, 800))
            b = a + timedelta(days=rng.randrange(1, 60))
            got = c.execute(sql, {"a": a, "b": b}).scalar_one()
            assert got == working_days_between(cal, a, b)[0], (a, b)


# ----------------------------------------------------------------- the CLI
@pytest.fixture
def cli_db(tmp_path: Path, judge: Actor) -> str:
    from courtapp.core.context import open_database

    url = f"sqlite+pysqlite:///{tmp_path / 'cli.sqlite'}"
    ctx = open_database(url)
    import_all(ctx, judge, october_cases())
    ctx.engine.dispose()
    return url


def test_report_monthly_json_prints_one_object_with_the_required_names(
        cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", cli_db, "report", "monthly", "--month", "2026-10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key, value in EXPECTED_OCTOBER.items():
        assert out[key] == value
    assert set(out["petitions"]) == {"received", "decided", "late"}
    for key in ("listings_removed_by_reason", "restrictions", "deletion_working_days",
                "listings_wrongful", "cases", "officers_bound", "petitions_by_kind"):
        assert key in out


def test_report_monthly_court_and_table(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", cli_db, "--lang", "zh", "report", "monthly", "--month", "2026-10",
                 "--court", "京0105"]) == 0
    out = capsys.readouterr().out
    assert "新增失信被执行人：自然人\t3" in out
    assert main(["--database", cli_db, "report", "monthly", "--month", "2026-1"]) == 1
    assert "--month" in capsys.readouterr().err


def _pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font the pages use, as pdffonts reports them."""
    from pypdf import PdfReader

    out: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for f in fonts.values():
            font = f.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            out[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for xobj in page["/Resources"].get_object().get("/XObject", {}).values():
            res = xobj.get_object().get("/Resources")
            for f in (res.get_object().get("/Font", {}) if res is not None else {}).values():
                font = f.get_object()
                desc = font.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else {}
                out[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2"))
    return sorted(out.items())


@pytest.mark.parametrize("lang,title", [("zh", "失信被执行人名单月度统计（2026年10月）"),
                                        ("en", "monthly statistics, October 2026")])
def test_the_pdf_has_charts_in_the_chosen_language_with_every_font_embedded(
        cli_db: str, tmp_path: Path, lang: str, title: str) -> None:
    from pypdf import PdfReader

    out = tmp_path / f"r-{lang}.pdf"
    assert main(["--database", cli_db, "report", "monthly", "--month", "2026-10", "-o", str(out),
                 "--lang", lang]) == 0
    reader = PdfReader(out)
    text_all = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert title in text_all
    assert ("近十二个月新增与移出" if lang == "zh" else "Added against removed, last 12 months") in text_all
    fonts = _pdf_fonts(out)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert all("CourtappSerifSC" in name for name, _ in fonts), fonts


@requires_tools("pdffonts")
def test_pdffonts_lists_only_embedded_subsets_in_the_report(cli_db: str, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    assert main(["--database", cli_db, "report", "monthly", "--month", "2026-10", "-o", str(out)]) == 0
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [r.split() for r in listing.splitlines()[2:] if r.strip()]
    assert rows, listing
    assert all(r[-5] == "yes" and "+CourtappSerifSC" in r[0] for r in rows), listing


def test_the_xlsx_and_csv_hold_the_same_table(cli_db: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    x, c = tmp_path / "r.xlsx", tmp_path / "r.csv"
    for path in (x, c):
        assert main(["--database", cli_db, "report", "monthly", "--month", "2026-10", "-o", str(path),
                     "--lang", "en"]) == 0
    wb = load_workbook(x)
    sheet = wb.worksheets[0]
    xrows = {r[0]: r[2] for r in sheet.iter_rows(min_row=5, values_only=True) if r[0]}
    assert xrows["listings_added.person"] == 3 and xrows["listed_at_month_end.entity"] == 1
    trend = list(wb.worksheets[1].iter_rows(values_only=True))
    assert trend[-1][0] == "2026-10" and len(trend) == 13
    crows = {r[0]: r[2] for r in csv.reader(io.StringIO(c.read_text(encoding="utf-8-sig")))}
    assert crows["listings_removed.person"] == "4"
    assert {k: float(v) for k, v in xrows.items() if v is not None} == \
        {k: float(v) for k, v in crows.items() if k in xrows and v != ""}


def test_an_unknown_file_type_is_refused_naming_it(
        cli_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", cli_db, "report", "monthly", "--month", "2026-10", "-o",
                 str(tmp_path / "r.docx")]) == 1
    assert "r.docx" in capsys.readouterr().err
    assert not (tmp_path / "r.docx").exists()


# ---------------------------------------------------------------- migration
def test_migration_0012_backfills_the_due_dates_and_the_respondent_kinds(db: AppContext) -> None:
    """Down to 0011 (no stored due date, no kind on listings) and up again: the
    backfill gives what the services store."""
    import counter_fixtures as cf

    from courtapp.core.db import migrate
    from courtapp.core.domain.petition import PetitionKind
    from courtapp.core.services import petitions

    cid = cf.store(db)
    cf.publish(db, cid, on=date(2026, 5, 6))
    cf.order_on_company(db, cid)
    filed = petitions.file_petition(db.uow(), cf.COUNTER, cid, PetitionKind.REMOVAL_PERFORMED,
                                    petitioner_id=cf.ZHANG_SAN, received_on=date(2026, 9, 30),
                                    issue_receipt=False)
    before = _stored(db)
    assert before["due"] == [(filed.petition.id, "2026-10-10", False)]  # a make-up Saturday
    assert before["kinds"] == ["person"]
    migrate.downgrade(db.engine, "0011_counter_rules")
    migrate.upgrade(db.engine)
    assert _stored(db) == before


def _stored(db: AppContext) -> dict[str, list]:  # type: ignore[type-arg]
    with db.engine.connect() as c:
        due = [(int(i), str(d), bool(p)) for i, d, p in c.execute(text(
            "SELECT id, due_on, due_provisional FROM petitions ORDER BY id"))]
        kinds = [str(k) for (k,) in c.execute(text("SELECT respondent_kind FROM listings ORDER BY id"))]
    return {"due": due, "kinds": kinds}
