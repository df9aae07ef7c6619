"""No list stops silently at N rows (issue 12 §2): the register and the listings
read page after page to the last row, in the server's order with a unique
tie-breaker.  A page size of 1 or 2 stands in for the old caps (1,000 listings,
10,000 documents)."""

from __future__ import annotations

import pytest
from document_fixtures import CLERK, EXTRA, ISSUED_ON, Court, build_court
from sqlalchemy import func, select

from courtapp.core.context import AppContext
from courtapp.core.db.orm import CaseRow, IssuedDocumentRow, ListingRow
from courtapp.core.documents.model import DocKind
from courtapp.core.domain import paging
from courtapp.core.services import documents as ds
from courtapp.core.services import listing as ls


@pytest.fixture
def court(db: AppContext) -> Court:
    return build_court(db)


def _issue(db: AppContext, court: Court, kinds: list[DocKind]) -> None:
    for kind in kinds:
        ds.issue(db.uow(), CLERK, kind, court.case_id, respondent=0, issued_on=ISSUED_ON,
                 extra=EXTRA.get(kind))


def test_the_register_lists_every_entry_past_the_page_size(
        db: AppContext, court: Court, monkeypatch: pytest.MonkeyPatch) -> None:
    _issue(db, court, [DocKind.EXECUTION_NOTICE, DocKind.WARNING, DocKind.PERMISSION,
                       DocKind.EXECUTION_NOTICE, DocKind.WARNING])
    with db.engine.connect() as c:
        ids = list(c.execute(select(IssuedDocumentRow.id).order_by(IssuedDocumentRow.id)).scalars())
    assert len(ids) >= 5
    monkeypatch.setattr(paging, "PAGE_SIZE", 2)
    assert [d.id for d in ds.list_documents(db.uow(), CLERK)] == ids
    first = ds.documents_page(db.uow(), CLERK)
    assert len(first.rows) == 2 and first.has_more


@pytest.mark.parametrize("sort", ["number", "kind", "case_number", "respondent", "issued_on",
                                  "signer", "superseded"])
@pytest.mark.parametrize("descending", [False, True])
def test_each_register_order_matches_sql_across_pages(
        db: AppContext, court: Court, sort: str, descending: bool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _issue(db, court, [DocKind.WARNING, DocKind.EXECUTION_NOTICE, DocKind.PERMISSION,
                       DocKind.WARNING])
    monkeypatch.setattr(paging, "PAGE_SIZE", 1)
    got = [d.id for d in ds.list_documents(db.uow(), CLERK, sort=sort, descending=descending)]
    # The order written out again in plain SQL: the column, then the id.
    t = IssuedDocumentRow
    cols = {"number": [t.number], "kind": [t.kind, t.lang], "signer": [t.signer],
            "issued_on": [t.issued_on], "respondent": [func.coalesce(t.respondent_name, "")],
            "superseded": [func.coalesce(t.superseded_by, "")],
            "case_number": [CaseRow.year, CaseRow.sequence]}[sort] + [t.id]
    q = select(t.id).join(CaseRow, CaseRow.id == t.case_id).order_by(
        *(c.desc() if descending else c.asc() for c in cols))
    with db.engine.connect() as c:
        want = list(c.execute(q).scalars())
    assert len(want) >= 4
    assert got == want


def test_the_decisions_list_reads_every_listing_past_the_page_size(
        db: AppContext, court: Court, monkeypatch: pytest.MonkeyPatch) -> None:
    with db.engine.connect() as c:
        ids = list(c.execute(select(ListingRow.id).order_by(ListingRow.id.desc())).scalars())
    assert len(ids) >= 2
    monkeypatch.setattr(paging, "PAGE_SIZE", 1)
    assert [o.record.id for o in ls.list_listings(db.uow(), CLERK)] == ids


def test_the_register_count_is_the_total_over_every_page(
        db: AppContext, court: Court) -> None:
    """The total a list shows beside its first page (issue 12 §2): the same filters
    as the pages, every row counted."""
    _issue(db, court, [DocKind.EXECUTION_NOTICE, DocKind.WARNING, DocKind.EXECUTION_NOTICE])
    for kind, case_id in ((None, None), (DocKind.EXECUTION_NOTICE, None),
                          (None, court.case_id), (DocKind.WARNING, court.case_id),
                          (DocKind.RECEIPT, None)):
        listed = ds.list_documents(db.uow(), CLERK, case_id=case_id, kind=kind)
        assert ds.count_documents(db.uow(), CLERK, case_id=case_id, kind=kind) == len(listed)
    current = ds.list_documents(db.uow(), CLERK, current_only=True)
    assert ds.count_documents(db.uow(), CLERK, current_only=True) == len(current)
    assert ds.count_documents(db.uow(), CLERK) >= 3


def test_the_listings_count_and_the_overviews_by_id(db: AppContext, court: Court) -> None:
    """The listings a page of the register shows, read by their ids in one query
    (not every listing of the court), as the listings list gives them; and the
    listings list's total."""
    every = ls.list_listings(db.uow(), CLERK)
    assert len(every) >= 2
    assert ls.count_listings(db.uow(), CLERK) == len(every)
    for status in {o.record.listing.status for o in every}:
        assert ls.count_listings(db.uow(), CLERK, statuses=[status]) == sum(
            o.record.listing.status is status for o in every)
    assert ls.count_listings(db.uow(), CLERK, case_id=court.case_id) == sum(
        o.record.case_id == court.case_id for o in every)
    wanted = [every[-1].record.id, every[0].record.id, 10**9]  # one id that does not exist
    got = ls.listing_overviews(db.uow(), CLERK, wanted)
    assert sorted(got) == sorted(o.record.id for o in (every[0], every[-1]))
    for o in (every[0], every[-1]):
        assert got[o.record.id] == o
    assert ls.listing_overviews(db.uow(), CLERK, []) == {}
