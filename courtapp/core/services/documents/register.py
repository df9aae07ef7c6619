"""Reading the register: entries, contents, reprints (the stored bytes, checked
against their hash), and the selections a batch is made of."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents.model import DocKind, Document, document_from_fields
from courtapp.core.domain import paging
from courtapp.core.domain.errors import DomainError, NotFound
from courtapp.core.domain.paging import Page
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import audit
from courtapp.core.services.documents.model import IssuedDocument, IssueRequest, to_entry
from courtapp.core.services.documents.prepare import is_order_signed, is_signed


def find_document(uow: UnitOfWork, actor: Actor, number: str) -> IssuedDocument | None:
    """The register entry with this number, or None (for verification)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        try:
            row, case_number = uow.documents.get(number)
        except NotFound:
            return None
        return to_entry(row, case_number)


def get_document(uow: UnitOfWork, actor: Actor, ref: int | str) -> IssuedDocument:
    require(actor, Permission.CASE_VIEW)
    with uow:
        row, number = uow.documents.get(ref)
        return to_entry(row, number)


def document_content(uow: UnitOfWork, actor: Actor, ref: int | str) -> Document:
    """The issued document's content, as it was issued."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        row, _ = uow.documents.get(ref)
        return document_from_fields(json.loads(row.fields))


class StoredDocumentDamaged(DomainError):
    """The stored bytes no longer match their recorded SHA-256."""


def reprint(uow: UnitOfWork, actor: Actor, ref: int | str) -> bytes:
    """The issued bytes, identical to the first print (audited)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        row, _ = uow.documents.get(ref)
        data = bytes(row.pdf)
        if hashlib.sha256(data).hexdigest() != row.pdf_sha256:
            raise StoredDocumentDamaged(f"the stored bytes of {row.number} do not match their hash")
        audit.record(uow, actor, "document.reprint", "document", row.number,
                     after={"pdf_sha256": row.pdf_sha256})
        uow.commit()
        return data


def documents_page(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                   kind: DocKind | None = None, current_only: bool = False,
                   issued_from: date | None = None, issued_to: date | None = None,
                   after: object | None = None, limit: int | None = None,
                   sort: str = "oldest", descending: bool = False) -> Page[IssuedDocument]:
    """One page of register entries, oldest first or by ``sort`` (a key of
    ``DOCUMENT_SORT``), ordered by the database (``after``: the ``next_after``
    of the page before)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        page = uow.documents.page(
            case_id=case_id, kind=kind.value if kind is not None else None,
            current_only=current_only, issued_from=issued_from, issued_to=issued_to,
            after=after, limit=limit or paging.PAGE_SIZE, sort=sort, descending=descending)
        return Page([to_entry(r, n) for r, n in page.rows], page.has_more, page.next_after)


def count_documents(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                    kind: DocKind | None = None, current_only: bool = False,
                    issued_from: date | None = None, issued_to: date | None = None) -> int:
    """How many register entries :func:`documents_page` lists with these filters
    (every page): the total a list shows beside its first page."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.documents.count(
            case_id=case_id, kind=kind.value if kind is not None else None,
            current_only=current_only, issued_from=issued_from, issued_to=issued_to)


def list_documents(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                   kind: DocKind | None = None, current_only: bool = False,
                   issued_from: date | None = None, issued_to: date | None = None,
                   sort: str = "oldest", descending: bool = False) -> list[IssuedDocument]:
    """Every register entry that matches, oldest first or by ``sort``, read page
    after page in one snapshot: no silent cap."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return [to_entry(r, n) for r, n in paging.every(lambda after: uow.documents.page(
            case_id=case_id, kind=kind.value if kind is not None else None,
            current_only=current_only, issued_from=issued_from, issued_to=issued_to,
            after=after, limit=paging.PAGE_SIZE, sort=sort, descending=descending))]


# --------------------------------------------------------------- selections
def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of ``day``'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def warnings_due(uow: UnitOfWork, actor: Actor, day: date, *, lang: str = "zh") -> list[IssueRequest]:
    """Every warning due in ``day``'s week (Monday-Sunday): each signed listing still
    awaiting publication whose grace period ends that week, the last warning
    before it is published (2019 Opinion item 15)."""
    require(actor, Permission.CASE_VIEW)
    start, end = week_of(day)
    with uow:
        rows = uow.documents.listings_in_grace(start, end)
        return [IssueRequest(DocKind.WARNING, cid, resp, lang, listing_id=lid,
                             label=f"warning {number} #{resp}")
                for lid, cid, resp, number in rows]


def restriction_orders_of_case(uow: UnitOfWork, actor: Actor, case_id: int, *,
                               lang: str = "zh") -> list[IssueRequest]:
    """Every restriction order of a case: one per signed listing with restrictions
    and one per signed standalone order."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        number = uow.documents.case_number(case_id)
        if number is None:
            raise NotFound(f"case id {case_id}")
        out = [IssueRequest(DocKind.RESTRICTION_ORDER, case_id, r.respondent, lang,
                            listing_id=r.id, label=f"restriction order {number} listing {r.id}")
               for r in uow.documents.listings_of([case_id])[case_id] if is_signed(r) and r.restrictions]
        out += [IssueRequest(DocKind.RESTRICTION_ORDER, case_id, r.respondent, lang,
                             order_id=r.id, label=f"restriction order {number} order {r.id}")
                for r in uow.documents.orders_of([case_id])[case_id] if is_order_signed(r) and r.restrictions]
        return sorted(out, key=lambda r: (r.respondent or 0, r.listing_id or 0, r.order_id or 0))


def issued_ids(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
               kind: DocKind | None = None, current_only: bool = True) -> list[int]:
    """Register ids for :func:`render_batch` (e.g. every restriction order of a case)."""
    return [d.id for d in list_documents(uow, actor, case_id=case_id, kind=kind,
                                         current_only=current_only)]
