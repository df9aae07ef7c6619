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
