"""Searching the case list: by case number, name, ID number, credit code and
through an entity's officers; counting; keyset pagination."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from courtapp.core.context import AppContext
from courtapp.core.domain.identifiers import ric_check_char, uscc_check_char
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.roles import Actor
from courtapp.core.services import cases as svc

Factory = Callable[..., EnforcementCase]


def ric(first17: str) -> str:
    return first17 + ric_check_char(first17)


def uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


ZHAO_ID = ric("44070319850612003")
SUN_ID = ric("44070319700101005")
ZHANG_WEI_ID = ric("36042619950505002")
SECOND_CODE = "91350100M000100Y43"


def second_parties(doc: dict[str, Any]) -> None:
    """Case 2: 赵六 and an entity whose legal representative is 孙七."""
    doc["respondents"] = [
        {"kind": "person", "name": "赵六", "id_number": ZHAO_ID},
        {"kind": "entity", "name": "闽侯建材有限公司", "credit_code": SECOND_CODE,
         "officers": [{"role": "legal_representative", "name": "孙七", "id_number": SUN_ID}]},
    ]


def third_parties(doc: dict[str, Any]) -> None:
    """Case 3: only 张伟, in 执恢."""
    doc["case_number"] = "(2026)京0105执恢7号"
    doc["respondents"] = [{"kind": "person", "name": "张伟", "id_number": ZHANG_WEI_ID}]
    for key in ("payments", "property", "security", "conduct", "findings"):
        doc[key] = []


@pytest.fixture
def three_cases(db: AppContext, judge: Actor, make_case: Factory, today: date) -> dict[str, int]:
    recs = svc.import_cases(db.uow(), judge, [
        make_case(1234), make_case(1250, second_parties), make_case(99, third_parties)],
        today=today)
    return {r.case.case_number: r.id for r in recs}


def found(db: AppContext, actor: Actor, text: str) -> list[str]:
    """Case numbers matching ``text``, newest first."""
    return [s.case_number for s in svc.search_cases(db.uow(), actor, svc.SearchQuery(text))]


FIRST, SECOND, THIRD = "(2026)京0105执1234号", "(2026)京0105执1250号", "(2026)京0105执恢7号"


@pytest.mark.parametrize(("text", "expected"), [
    ("", [THIRD, SECOND, FIRST]),
    ("(2026)京0105执12", [SECOND, FIRST]),
    ("（2026）京0105执12", [SECOND, FIRST]),
    ("（２０２６）京0105执125", [SECOND]),
    ("(2026)京0105执恢", [THIRD]),
    ("(2025)", []),
    ("京0105执1234", [FIRST]),
    ("执恢7号", [THIRD]),
])
def test_search_by_case_number_prefix_in_either_bracket_style(
        db: AppContext, judge: Actor, three_cases: dict[str, int], text: str,
        expected: list[str]) -> None:
    assert found(db, judge, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("张", [THIRD, FIRST]),
    ("张三", [FIRST]),
    ("张伟", [THIRD]),
    ("三", []),  # a prefix, not a substring
    ("赵六", [SECOND]),
    ("某某科技", [FIRST]),
    ("李四", [THIRD, SECOND, FIRST]),  # the applicant of every case
    ("王", [FIRST]),  # the legal representative of the first case's entity
])
def test_search_by_name_prefix(db: AppContext, judge: Actor, three_cases: dict[str, int],
                               text: str, expected: list[str]) -> None:
    assert found(db, judge, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("360426", [THIRD, FIRST]),
    ("36042619910101", [FIRST]),
    ("360426199101010071", [FIRST]),
    (ZHAO_ID[:10], [SECOND]),
    ("11010519491231002x", [THIRD, SECOND, FIRST]),
    ("999999", []),
])
def test_search_by_id_number_prefix(db: AppContext, judge: Actor, three_cases: dict[str, int],
                                    text: str, expected: list[str]) -> None:
    assert found(db, judge, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("91110000600", [FIRST]),  # all digits: tried as an ID number and as a credit code
    ("91350100M0", [SECOND]),
    ("91350100m000100y43", [SECOND]),
    ("913501", [SECOND]),  # six digits and more: an identifier (five or fewer: a case's number)
    ("91350100N", []),
])
def test_search_by_credit_code_prefix(db: AppContext, judge: Actor, three_cases: dict[str, int],
                                      text: str, expected: list[str]) -> None:
    assert found(db, judge, text) == expected


def test_an_officers_id_number_finds_the_entitys_cases(
        db: AppContext, judge: Actor, three_cases: dict[str, int]) -> None:
    assert found(db, judge, SUN_ID) == [SECOND]
    assert found(db, judge, "110105198001010016") == [FIRST]
    assert found(db, judge, "孙七") == [SECOND]


def test_the_search_box_classifies_what_it_holds() -> None:
    kinds = {t: svc.SearchQuery(t).kind() for t in [
        "", "  ", "(2026)京0105执1", "（2026", "京0105执", "360426", "11010519491231002x",
        "91350100M0", "张三", "Zhang"]}
    assert kinds == {
        "": "all", "  ": "all", "(2026)京0105执1": "case_number", "（2026": "case_number",
        "京0105执": "case_number", "360426": "id_number", "11010519491231002x": "id_number",
        "91350100M0": "credit_code", "张三": "name", "Zhang": "name"}


def test_like_wildcards_in_the_search_text_are_literal(
        db: AppContext, judge: Actor, three_cases: dict[str, int]) -> None:
    assert found(db, judge, "%") == []
    assert found(db, judge, "_") == []
    assert found(db, judge, "张%") == []


def test_count_cases_with_and_without_a_query(
        db: AppContext, judge: Actor, three_cases: dict[str, int]) -> None:
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 3
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery("张")) == 2
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery("李四")) == 3
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery("(2026)京0105执12")) == 2
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery("没有此人")) == 0
    # A search stops counting at the cap (the list shows "cap+").
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery("李四"), cap=1) == 2


@pytest.fixture
def many_cases(db: AppContext, judge: Actor, make_case: Factory, today: date) -> list[int]:
    def only_zhang_san(doc: dict[str, Any]) -> None:
        doc["respondents"] = doc["respondents"][:1]

    cases = [make_case(n, only_zhang_san if n % 3 else None) for n in range(1, 251)]
    recs = svc.import_cases(db.uow(), judge, cases, today=today)
    return [r.id for r in recs]


def pages(db: AppContext, actor: Actor, query: svc.SearchQuery, limit: int) -> list[list[int]]:
    out: list[list[int]] = []
    before: int | None = None
    while True:
        page = svc.search_case_ids(db.uow(), actor, query, before_id=before, limit=limit)
        if not page:
            return out
        out.append(page)
        before = page[-1]


def test_keyset_pagination_returns_every_case_exactly_once(
        db: AppContext, judge: Actor, many_cases: list[int]) -> None:
    got = pages(db, judge, svc.SearchQuery(), limit=37)
    flat = [i for p in got for i in p]
    assert len(flat) == 250
    assert sorted(flat) == sorted(many_cases)
    assert flat == sorted(flat, reverse=True)  # newest first, across pages
    assert [len(p) for p in got] == [37] * 6 + [28]


def test_keyset_pagination_of_a_search_returns_each_match_once(
        db: AppContext, judge: Actor, many_cases: list[int]) -> None:
    # 张三 is in every case; the entity (and its officer 王五) in every third case.
    for text, n in (("张三", 250), ("某某科技", 83), ("110105198001010016", 83)):
        flat = [i for p in pages(db, judge, svc.SearchQuery(text), limit=20) for i in p]
        assert len(flat) == len(set(flat)) == n, text
        assert flat == sorted(flat, reverse=True)
        assert svc.count_cases(db.uow(), judge, svc.SearchQuery(text)) == n


def test_search_cases_pages_carry_summaries_in_the_same_order(
        db: AppContext, judge: Actor, many_cases: list[int], today: date) -> None:
    first = svc.search_cases(db.uow(), judge, svc.SearchQuery(), limit=10, as_of=today)
    assert [s.id for s in first] == sorted(many_cases, reverse=True)[:10]
    second = svc.search_cases(db.uow(), judge, svc.SearchQuery(), before_id=first[-1].id,
                              limit=10, as_of=today)
    assert [s.id for s in second] == sorted(many_cases, reverse=True)[10:20]
    assert second[0].case_number == "(2026)京0105执240号"


@pytest.mark.parametrize(("text", "expected"), [
    ("1234", [FIRST]),  # the counter types the bare number: no 执 through an input method
    ("1250号", [SECOND]),
    ("7", [THIRD]),  # any type code: 执恢7号
    ("123", []),  # a number, not a prefix of numbers
    ("执1234", [FIRST]),  # with the type code, as before
])
def test_a_bare_sequence_number_finds_the_case(db: AppContext, judge: Actor,
                                               three_cases: dict[str, int], text: str,
                                               expected: list[str]) -> None:
    assert found(db, judge, text) == expected


def test_a_sorted_page_walks_to_the_last_row_with_its_cursor(
        db: AppContext, judge: Actor, three_cases: dict[str, int]) -> None:
    query = svc.SearchQuery("", svc.SortKey.CASE_NUMBER, descending=False)
    seen: list[str] = []
    after = None
    while True:
        page = svc.cases_page(db.uow(), judge, query, after=after, limit=1)
        seen += [r.case_number for r in page.rows]
        if not page.has_more:
            break
        after = page.next_after
    # By type code (执 before 执恢), then numerically within a type (1234 before 1250).
    assert seen == [FIRST, SECOND, THIRD]


# ------------------------------------------------- exact lookups (issue 11)
EXACT = [
    (FIRST, [FIRST]),
    ("（２０２６）京0105执1250号", [SECOND]),  # full-width: the same stored number
    (THIRD, [THIRD]),
    ("(2026)京0105执1号", []),
    ("1234", [FIRST]),
    ("360426199101010071", [FIRST]),
    (SUN_ID, [SECOND]),  # an officer's ID: the entity's case
    ("11010519491231002x", [THIRD, SECOND, FIRST]),  # lower-case x
    ("91350100m000100y43", [SECOND]),
    (ric("11010519800101999"), []),
]


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_an_exact_lookup_finds_what_its_prefix_search_found(
        db: AppContext, judge: Actor, three_cases: dict[str, int], text: str,
        expected: list[str]) -> None:
    assert svc.SearchQuery(text).exact() is not None
    page = svc.cases_page(db.uow(), judge, svc.SearchQuery(text))
    assert [s.case_number for s in page.rows] == expected
    assert not page.has_more
    assert found(db, judge, text) == expected  # the counter's lookup
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery(text)) == len(expected)
    # The rows read by the plain query are the summaries the ORM path builds
    # (dates, amounts, stage, version): search_cases past a keyset position
    # takes that path.
    orm = svc.search_cases(db.uow(), judge, svc.SearchQuery(text), before_id=10**9)
    assert list(page.rows) == orm


def test_an_exact_lookup_pages_on_in_any_order_with_its_cursor(
        db: AppContext, judge: Actor, three_cases: dict[str, int]) -> None:
    for sort in svc.SortKey:
        for descending in (False, True):
            query = svc.SearchQuery("11010519491231002X", sort, descending)  # every case
            whole = svc.cases_page(db.uow(), judge, replace(query, text=""))
            seen: list[str] = []
            page = svc.cases_page(db.uow(), judge, query, limit=1)  # the plain query
            seen += [s.case_number for s in page.rows]
            while page.has_more:  # the next pages: the ORM path, after its cursor
                page = svc.cases_page(db.uow(), judge, query, after=page.next_after, limit=1)
                seen += [s.case_number for s in page.rows]
            assert seen == [s.case_number for s in whole.rows], (sort, descending)


@pytest.mark.parametrize("text", [FIRST, "1234", SUN_ID, "11010519491231002x", SECOND_CODE])
def test_an_exact_lookup_is_one_select(db: AppContext, judge: Actor,
                                       three_cases: dict[str, int], text: str) -> None:
    """The Cases screen's first page and the counter's lookup: one statement each,
    seen by SQLite itself (the lookup runs on the DB-API cursor, below
    SQLAlchemy's statement events), the connection taken from the pool."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("statements are counted by SQLite's trace callback")
    statements: list[str] = []
    checkouts: list[object] = []

    def trace(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        checkouts.append(dbapi_conn)
        dbapi_conn.set_trace_callback(statements.append)

    def untrace(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(None)
    event.listen(db.engine, "checkout", trace)
    event.listen(db.engine, "checkin", untrace)
    try:
        for lookup in (lambda: svc.cases_page(db.uow(), judge, svc.SearchQuery(text)),
                       lambda: svc.search_cases(db.uow(), judge, svc.SearchQuery(text), limit=20)):
            statements.clear()
            checkouts.clear()
            assert lookup()
            issued = [s for s in statements
                      if not s.upper().startswith(("BEGIN", "ROLLBACK", "COMMIT"))]
            assert len(issued) == 1, issued
            assert issued[0].startswith("SELECT") and "count(" not in issued[0].lower()
            assert len(checkouts) == 1
    finally:
        event.remove(db.engine, "checkout", trace)
        event.remove(db.engine, "checkin", untrace)


def test_an_exact_lookup_in_a_larger_unit_of_work_reads_its_snapshot(
        db: AppContext, judge: Actor, three_cases: dict[str, int]) -> None:
    with db.uow() as uow:
        uow.cases.count(svc.SearchQuery(""), 10)  # the session has begun
        page = uow.cases.search_page(svc.SearchQuery(FIRST), None, 200, date.today())
    assert [s.case_number for s in page.rows] == [FIRST]
