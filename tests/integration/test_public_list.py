"""The public list (issue 11 §2): Art. 6 fields only, ID numbers masked, removed
entries left out; and its search."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from stats_fixtures import case_doc, import_all, listing, october_cases, rid, uscc

from courtapp.cli import main
from courtapp.core.context import AppContext
from courtapp.core.domain.errors import PermissionDenied, ValidationError
from courtapp.core.domain.identifiers import check_resident_id
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.reports.public import ALLOWED_FIELDS, Mask, scrub
from courtapp.core.services import public_list

TODAY = date(2026, 12, 1)
#: A full resident ID anywhere in a text: 17 digits and a digit or X, not part of a longer run.
FULL_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


def _export(db: AppContext, actor: Actor, fmt: str = "json", start: str = "2026-01-01",
            end: str = "2026-12-01") -> bytes:
    buf = io.BytesIO()
    public_list.export(db.uow(), actor, date.fromisoformat(start), date.fromisoformat(end), buf,
                       fmt=fmt, as_of=TODAY)
    return buf.getvalue()


def scan(data: bytes, fmt: str) -> list[dict[str, Any]]:
    """Every entry of an export, checked: no full resident ID anywhere, no field outside
    the Art. 6 list."""
    text = data.decode("utf-8-sig")
    for m in FULL_ID.finditer(text):  # an all-digit credit code has the same shape
        with pytest.raises(ValueError):
            check_resident_id(m.group(0))
    if fmt == "json":
        entries: list[dict[str, Any]] = json.loads(text)
    else:
        rows = list(csv.reader(io.StringIO(text)))
        assert tuple(rows[0]) == ALLOWED_FIELDS
        entries = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    for e in entries:
        assert set(e) <= set(ALLOWED_FIELDS), set(e) - set(ALLOWED_FIELDS)
    return entries


@pytest.fixture
def october(db: AppContext, judge: Actor) -> AppContext:
    docs = october_cases()
    # An ID number and a mobile number typed into free text must not get out either.
    docs[0]["obligations"][0]["description"] = f"借款本金（借条载明身份证{rid(1)}，电话13812345678）"
    import_all(db, judge, docs)
    return db


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_export_holds_the_published_entries_still_listed_with_art6_fields_only(
        october: AppContext, judge: Actor, fmt: str) -> None:
    entries = scan(_export(october, judge, fmt), fmt)
    # A, B, G, I are published and on the list; C, D, E, K, L were removed; F was
    # cancelled in grace; H awaits service.
    assert sorted(e["case_number"] for e in entries) == [
        "(2026)京0105执1号", "(2026)京0105执2号", "(2026)京0105执7号", "(2026)京0105执9号"]
    person = next(e for e in entries if e["case_number"] == "(2026)京0105执1号")
    assert person["id_number"] == rid(1)[:6] + "********" + rid(1)[-4:]
    assert person["sex"] in ("M", "F") and str(person["age"]) == "45"  # born 1981-02-02
    entity = next(e for e in entries if e["case_number"] == "(2026)京0105执2号")
    assert entity["credit_code"] == uscc(2)  # an entity's code in full
    assert entity["legal_representative"] == "相关人员2-0"
    assert "13812345678" not in json.dumps(entries, ensure_ascii=False)


def test_the_period_is_of_publication(october: AppContext, judge: Actor) -> None:
    entries = scan(_export(october, judge, "json", "2026-10-01", "2026-10-31"), "json")
    assert sorted(e["published_on"] for e in entries) == ["2026-10-12", "2026-10-20", "2026-10-21"]
    assert scan(_export(october, judge, "json", "2026-11-03", "2026-11-30"), "json") == []


def test_the_mask_is_a_court_setting(october: AppContext, judge: Actor, admin: Actor) -> None:
    public_list.set_mask(october.uow(), admin, "3,2")
    person = next(e for e in scan(_export(october, judge), "json")
                  if e["case_number"] == "(2026)京0105执1号")
    assert person["id_number"] == rid(1)[:3] + "*" * 13 + rid(1)[-2:]
    with pytest.raises(ValidationError) as e:
        public_list.set_mask(october.uow(), admin, "8,4")  # would show the birth date
    assert e.value.errors[0].rule == "public.mask"
    with pytest.raises(PermissionDenied):
        public_list.set_mask(october.uow(), judge, "6,4")


def test_an_export_is_audited_and_needs_the_export_permission(
        october: AppContext, judge: Actor) -> None:
    from sqlalchemy import select

    from courtapp.core.db.orm import AuditRow

    _export(october, judge)
    with october.uow() as u:
        row = u.session.scalar(select(AuditRow).where(AuditRow.action == "public_list.export"))
        assert row is not None and json.loads(row.after or "{}")["entries"] == 4
    counter = Actor("counter", frozenset({Role.COUNTER}))
    with pytest.raises(PermissionDenied):
        _export(october, counter)


def test_a_period_ending_before_it_starts_is_refused(october: AppContext, judge: Actor) -> None:
    with pytest.raises(ValidationError) as e:
        _export(october, judge, "json", "2026-10-31", "2026-10-01")
    assert e.value.errors[0].path == "to"


def test_masking_and_scrubbing() -> None:
    assert Mask().apply("11010519491231002X") == "110105********002X"
    assert Mask(0, 0).apply("11010519491231002X") == "*" * 18
    assert scrub("身份证11010519491231002x号", Mask()) == "身份证110105********002x号"
    assert scrub("电话 13912345678", Mask()) == "电话 139****5678"
    with pytest.raises(ValueError):
        Mask.parse("7,4")


# ------------------------------------------------------------------ search
def test_search_finds_published_entries_by_name_id_and_case_number(
        october: AppContext, judge: Actor) -> None:
    def found(text: str) -> list[str]:
        return [e.fields["case_number"] for e in public_list.search(october.uow(), judge, text,
                                                                    as_of=TODAY)]

    assert found("被执行人1") == ["(2026)京0105执1号"]  # a name prefix (not 被执行人11: removed)
    assert found(rid(7)) == ["(2026)京0105执7号"]  # a full ID number
    assert found(uscc(2)) == ["(2026)京0105执2号"]
    assert found("(2026)京0105执9号") == ["(2026)京0105执9号"]
    assert found("执9") == ["(2026)京0105执9号"] and found("9") == ["(2026)京0105执9号"]
    assert found(rid(3)) == []  # C was removed
    assert found(rid(8)) == []  # H is not published
    entry = public_list.search(october.uow(), judge, rid(7), as_of=TODAY)[0]
    assert entry.fields["id_number"] != rid(7) and entry.outstanding == "100000.00"


def test_search_shows_the_outstanding_balance_and_the_last_payment(
        db: AppContext, judge: Actor) -> None:
    doc = case_doc(40, {"kind": "person", "name": "部分履行人", "id_number": rid(40)},
                   [listing(published="2026-10-12")],
                   payments=[{"on": "2026-09-01", "amount": "20000.00", "respondent": 0},
                             {"on": "2026-11-20", "amount": "5000.50", "respondent": 0}])
    import_all(db, judge, [doc])
    (entry,) = public_list.search(db.uow(), judge, "部分履行人", as_of=TODAY)
    assert entry.outstanding == "74999.50"
    assert entry.last_payment_on == "2026-11-20"
    assert entry.fields["performance"] == "partly_performed"


def test_search_pages_through_every_match(db: AppContext, judge: Actor) -> None:
    docs = [case_doc(100 + k, {"kind": "person", "name": f"王{k:02d}", "id_number": rid(60 + k)},
                     [listing(published="2026-10-12")]) for k in range(7)]
    import_all(db, judge, docs)
    first = public_list.search(db.uow(), judge, "王", as_of=TODAY, limit=3)
    second = public_list.search(db.uow(), judge, "王", as_of=TODAY, limit=3,
                                before_id=first[-1].listing_id)
    everything = list(public_list.search_pages(db.uow(), judge, "王", as_of=TODAY, page=3))
    assert len(first) == len(second) == 3 and len(everything) == 7
    assert len({e.listing_id for e in everything}) == 7


# ------------------------------------------------------------------ CLI
@pytest.fixture
def cli_db(tmp_path: Path, judge: Actor) -> str:
    from courtapp.core.context import open_database

    url = f"sqlite+pysqlite:///{tmp_path / 'cli.sqlite'}"
    ctx = open_database(url)
    import_all(ctx, judge, october_cases())
    ctx.engine.dispose()
    return url


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_public_export_writes_a_file_or_standard_output(
        cli_db: str, tmp_path: Path, fmt: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    out = tmp_path / f"list.{fmt}"
    args = ["--database", cli_db, "public-export", "--from", "2026-01-01", "--to", "2026-12-31",
            "--format", fmt, "--today", "2026-12-01"]
    assert main([*args, "-o", str(out)]) == 0
    assert len(scan(out.read_bytes(), fmt)) == 4
    assert b"4 public entries" in capsysbinary.readouterr().err
    assert main(args) == 0
    assert len(scan(capsysbinary.readouterr().out, fmt)) == 4


def test_public_search_and_mask_commands(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", cli_db, "public-search", "被执行人7", "--json"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["case_number"] == "(2026)京0105执7号"
    assert main(["--database", cli_db, "public-mask", "--set", "4,4"]) == 0
    assert "4,4" in capsys.readouterr().out
    assert main(["--database", cli_db, "public-mask", "--set", "9,9"]) == 1
    assert "public_list.id_mask" in capsys.readouterr().err
