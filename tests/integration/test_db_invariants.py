"""Every "at most one" rule is enforced by the database too (issue 10 §1-§2):
two desks racing past the service's check get one success and one clean refusal."""

from __future__ import annotations

import copy
import threading
from datetime import date

import pytest
from sqlalchemy import text
from test_listing_service import JUDGE, draft, store

from courtapp.core.context import AppContext
from courtapp.core.db.repositories.listings import ListingRepository
from courtapp.core.db.safety import retrying
from courtapp.core.domain.errors import ConflictError, DatabaseBusy, NumberTaken, ValidationError
from courtapp.core.domain.messages import render
from courtapp.core.services import cases as svc
from courtapp.core.services import listing as ls


def _prepare(db: AppContext, case_id: int) -> ls.ListingRecord:
    return ls.prepare_listing(db.uow(), JUDGE, case_id, draft(), reasons_zh="转移财产规避执行")


def test_two_desks_racing_to_list_the_same_respondent_one_wins_one_is_refused(
        db: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = store(db)
    # Both desks pass the service's "no current listing" check before either inserts:
    # the check alone would let both through (the race of issue 10 §1).
    both_checked = threading.Barrier(2, timeout=20)
    real_current = ListingRepository.current

    def current_then_wait(self, *a, **kw):  # type: ignore[no-untyped-def]
        found = real_current(self, *a, **kw)
        both_checked.wait()
        return found

    monkeypatch.setattr(ListingRepository, "current", current_then_wait)
    results: list[object] = []

    def desk() -> None:
        try:
            results.append(_prepare(db, case_id))
        except Exception as e:  # collected, judged below
            results.append(e)

    threads = [threading.Thread(target=desk) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    monkeypatch.setattr(ListingRepository, "current", real_current)
    won = [r for r in results if isinstance(r, ls.ListingRecord)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(won) == 1 and len(refused) == 1, results
    # The same refusal as the service's own check, in both languages.
    [err] = refused[0].errors
    assert (err.path, err.rule) == ("respondent", "listing.duplicate")
    assert err.en == render("listing.duplicate", {}, "en") and "有效的失信记录" in err.zh
    with pytest.raises(ValidationError) as checked:
        _prepare(db, case_id)
    assert [(e.path, e.rule, e.en) for e in checked.value.errors] == [(err.path, err.rule, err.en)]
    with db.engine.connect() as c:
        assert c.execute(text("select count(*) from listings where case_id = :c"),
                         {"c": case_id}).scalar() == 1


def test_a_duplicate_restriction_item_in_force_is_refused_by_the_database(db: AppContext) -> None:
    case_id = store(db)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, case_id, draft(items=(1, 1)), reasons_zh="转移财产")
    assert [x.rule for x in e.value.errors] == ["restriction.duplicate"]
    assert ls.listings_for_case(db.uow(), JUDGE, case_id) == []


def test_a_stale_case_save_names_who_changed_it_and_when(db: AppContext) -> None:
    case_id = store(db)
    rec = svc.get_case(db.uow(), JUDGE, case_id=case_id)
    theirs = copy.deepcopy(rec.case)
    theirs.judge = "钱法官"  # a real change (a save that changes nothing leaves the version)
    svc.update_case(db.uow(), JUDGE, case_id, rec.version, theirs, reason="first")
    with pytest.raises(ConflictError) as e:
        svc.update_case(db.uow(), JUDGE, case_id, rec.version, rec.case, reason="stale")
    assert e.value.by == JUDGE.username and e.value.at is not None
    en, zh = e.value.message("en"), e.value.message("zh")
    assert f"was changed by {JUDGE.username} at {e.value.at.astimezone():%Y-%m-%d %H:%M}" in en
    assert rec.case.case_number in en and f"已被{JUDGE.username}于" in zh


def test_retrying_runs_a_transient_failure_again_and_gives_up_cleanly() -> None:
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise NumberTaken("(2026)京0105执1号")
        return "done"

    assert retrying(flaky, pause=0.001) == "done" and len(calls) == 3

    def never() -> None:
        raise NumberTaken("x")

    with pytest.raises(NumberTaken):
        retrying(never, attempts=3, pause=0.001)

    def locked() -> None:
        from sqlalchemy.exc import OperationalError
        raise OperationalError("INSERT …", {}, Exception("database is locked"))

    with pytest.raises(DatabaseBusy) as busy:
        retrying(locked, attempts=2, pause=0.001)
    assert "INSERT" not in busy.value.message("en")

    def wrong() -> None:
        raise ValueError("not a conflict")

    with pytest.raises(ValueError):
        retrying(wrong)


def test_the_listing_index_exists_with_the_current_statuses(db: AppContext) -> None:
    # A removed listing does not count: a respondent listed again after removal is fine.
    with db.engine.connect() as c:
        if db.engine.dialect.name == "sqlite":
            sql = c.execute(text("select sql from sqlite_master where name = 'uq_listings_current'")
                            ).scalar()
        else:
            sql = c.execute(text("select indexdef from pg_indexes where indexname = "
                                 "'uq_listings_current'")).scalar()
    assert sql and "UNIQUE" in sql.upper() and "draft" in sql and "removed" not in sql
    assert date(2026, 1, 1)  # keep the import honest for the PG variant
