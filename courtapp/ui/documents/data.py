"""What the document screens load, as plain detached data, and the batch
generators they drive.

Everything here runs on the task runner's database thread (never on the GUI
thread) and only calls services.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from courtapp.core.context import AppContext
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.model import PartyKind
from courtapp.core.domain.paging import Page
from courtapp.core.domain.roles import Actor
from courtapp.core.services import cases, keys
from courtapp.core.services import documents as ds
from courtapp.core.services import listing as ls


@dataclass(frozen=True)
class RegisterPage:
    """One page of the register (newest first, or in the chosen order) and, for
    the listing decisions on it, their listing (for service)."""

    documents: Page[ds.IssuedDocument]
    listings: dict[int, ls.ListingOverview]


def load_register_page(ctx: AppContext, actor: Actor, case_id: int | None,
                       kind: DocKind | None, *, sort: str = "oldest", descending: bool = True,
                       after: object | None = None, limit: int = 200) -> RegisterPage:
    """The page of entries after ``after`` (None: the first page), and the listings
    of the listing decisions on it, read by their ids (one query per page)."""
    docs = ds.documents_page(ctx.uow(), actor, case_id=case_id, kind=kind, sort=sort,
                             descending=descending, after=after, limit=limit)
    ids = sorted({d.listing_id for d in docs
                  if d.kind is DocKind.LISTING_DECISION and d.listing_id is not None})
    return RegisterPage(docs, ls.listing_overviews(ctx.uow(), actor, ids) if ids else {})


def count_register(ctx: AppContext, actor: Actor, case_id: int | None,
                   kind: DocKind | None) -> int:
    """How many entries the register lists with these filters (every page)."""
    return ds.count_documents(ctx.uow(), actor, case_id=case_id, kind=kind)


@dataclass(frozen=True)
class Respondent:
    index: int
    name: str
    entity: bool
    officers: tuple[str, ...]  # names, for the entity's bound persons


@dataclass(frozen=True)
class IssueContext:
    """The case a document is issued in: its number and respondents."""

    case_id: int
    case_number: str
    respondents: tuple[Respondent, ...]


def load_issue_context(ctx: AppContext, actor: Actor, case_id: int) -> IssueContext:
    rec = cases.get_case(ctx.uow(), actor, case_id=case_id)
    c = rec.case
    return IssueContext(rec.id, c.case_number, tuple(
        Respondent(i, p.name, p.kind is PartyKind.ENTITY, tuple(o.name for o in p.officers))
        for i, p in enumerate(c.respondents)))


def public_key(ctx: AppContext) -> Ed25519PublicKey | None:
    return ds.court_public_key(ctx.uow())


def registered_keys(ctx: AppContext) -> list[keys.RegisteredKey]:
    """Every desk key registered in the database (verification accepts any of them
    that was valid on the document's date)."""
    return keys.registered_keys(ctx.uow())


# ------------------------------------------------------------------- batches
def _matches(d: ds.IssuedDocument, r: ds.IssueRequest) -> bool:
    return (d.kind is r.kind and d.case_id == r.case_id and d.lang == r.lang
            and d.respondent == (r.respondent if r.respondent is not None or
                                 r.kind in (DocKind.EXECUTION_NOTICE, DocKind.RECEIPT) else 0)
            and (r.listing_id is None or d.listing_id == r.listing_id)
            and (r.order_id is None or d.order_id == r.order_id))


def issued_for(ctx: AppContext, actor: Actor,
               requests: Sequence[ds.IssueRequest]) -> list[int | None]:
    """For each request, the current register entry that answers it (None: not issued yet)."""
    found: dict[tuple[int, DocKind], list[ds.IssuedDocument]] = {}
    out: list[int | None] = []
    for r in requests:
        key = (r.case_id, r.kind)
        if key not in found:
            found[key] = ds.list_documents(ctx.uow(), actor, case_id=r.case_id, kind=r.kind,
                                           current_only=True)
        match = [d for d in found[key] if _matches(d, r)]
        out.append(match[-1].id if match else None)
    return out


def print_requests(ctx: AppContext, actor: Actor, requests: Sequence[ds.IssueRequest], *,
                   issued_on: date | None = None, chunk: int = 1) -> Iterator[ds.BatchProgress]:
    """One print file answering ``requests`` (e.g. every warning due this week).

    A request already answered by a current register entry prints that entry's
    stored bytes; the others are issued first (``issue_batch``: each bad item is
    reported and skipped).  Then ``render_batch`` collects every file.  The steps
    count both phases; stopping the iteration cancels the rest (what was issued
    stays issued, nothing is printed).  ``chunk`` 1 (one transaction per item)
    makes a step mean exactly one document stored, so Cancel stops at once and
    what the dialog reported is what the register holds.
    """
    existing = issued_for(ctx, actor, requests)
    missing = [i for i, e in enumerate(existing) if e is None]
    total = len(missing) + len(requests)
    failures: list[ds.BatchItemError] = []
    ids: list[int | None] = list(existing)
    done = 0
    if missing:
        wanted = [requests[i] for i in missing]
        steps = ds.issue_batch(ctx.uow(), actor, wanted, issued_on=issued_on, combine=False,
                               chunk=chunk)
        for k, step in enumerate(steps):
            if step.finished:
                break
            i = missing[k]
            done += 1
            if step.error is not None:
                err = ds.BatchItemError(i, step.error.label, step.error.reason)
                failures.append(err)
                done += 1  # its print step is skipped too
                yield ds.BatchProgress(done, total, step.label, error=err)
            else:
                assert step.issued is not None
                ids[i] = step.issued.id
                yield ds.BatchProgress(done, total, step.label, issued=step.issued)
    chosen = [x for x in ids if x is not None]
    last: ds.BatchProgress | None = None
    for step in ds.render_batch(ctx.uow(), actor, chosen):
        if step.finished:
            last = step
            break
        done += 1
        yield ds.BatchProgress(done, total, step.label, error=step.error)
    assert last is not None
    yield ds.BatchProgress(total, total, "", finished=True,
                           failures=tuple(failures) + last.failures, numbers=last.numbers,
                           pdf=last.pdf)
