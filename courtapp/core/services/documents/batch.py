"""Long operations on the register, as generators yielding :class:`BatchProgress`:
issuing many documents (:func:`issue_batch`) and one print file of issued ones
(:func:`render_batch`).  Cancelling is stopping the iteration.

Both end with one print file (:func:`rendering.print_file`): every page in one PDF
with shared font subsets, not the issued files glued together (each embeds its own
subsets of both fonts: 50 KB a page, against 2 KB shared)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents.model import Document, document_from_fields
from courtapp.core.domain.errors import DomainError
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import audit
from courtapp.core.services.documents import rendering
from courtapp.core.services.documents.issuing import render_checked, seal, store
from courtapp.core.services.documents.keys import court_signing_key
from courtapp.core.services.documents.model import (
    MAX_ATTEMPTS,
    BatchItemError,
    BatchProgress,
    IssuedDocument,
    IssueRequest,
    reason,
    require_issue,
    to_entry,
)
from courtapp.core.services.documents.prepare import Prepared, load_state, prepare
from courtapp.core.services.documents.register import StoredDocumentDamaged

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def issue_batch(uow: UnitOfWork, actor: Actor, requests: Sequence[IssueRequest], *,
                issued_on: date | None = None, key: Ed25519PrivateKey | None = None,
                workers: int = 1, chunk: int = 32, combine: bool = True,
                executor: Executor | None = None) -> Iterator[BatchProgress]:
    """Issue many documents, yielding progress; the last step carries one combined PDF.

    Each item is issued in its own transaction: a bad item (missing
    precondition, a character the font lacks…) is reported and skipped.
    Stopping the iteration cancels the rest; what was issued stays issued.
    ``workers`` > 1 renders in that many processes (pure render calls).
    """
    total = len(requests)
    on = issued_on or date.today()
    failures: list[BatchItemError] = []
    numbers: list[str] = []
    pages: list[tuple[Document, str | None]] = []
    if key is None:
        key = court_signing_key(uow, actor, on=on)
    pool: Executor | None = executor
    own_pool = False
    if pool is None and workers > 1:
        # spawn, not fork: the GUI process has threads (and Qt) that must not be forked.
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
        own_pool = True
    done = 0
    try:
        for start in range(0, total, chunk):
            batch = list(enumerate(requests[start:start + chunk], start))
            prepared: list[tuple[int, IssueRequest, Prepared | BatchItemError]] = []
            with uow:  # read-only: check and build every item of the chunk
                state = load_state(uow, [r.case_id for _, r in batch])
                nxt: dict[int, int] = {}
                for i, req in batch:
                    try:
                        require_issue(actor, req.kind)
                        if req.case_id not in nxt:
                            nxt[req.case_id] = state.last_sequence.get(req.case_id, 0) + 1
                        prepared.append((i, req, prepare(uow, actor, req, on, key,
                                                         sequence=nxt[req.case_id],
                                                         state=state)))
                        nxt[req.case_id] += 1
                    except (DomainError, ValueError) as e:
                        prepared.append((i, req, BatchItemError(i, req.describe(), reason(e))))
            ready = [p for _, _, p in prepared if isinstance(p, Prepared)]
            rendered = iter(_render_all(ready, pool))
            outcomes = _store_chunk(uow, actor, [(i, req, item if isinstance(item, BatchItemError)
                                                  else (item, next(rendered)))
                                                 for i, req, item in prepared], key, on)
            # Progress only after the chunk is committed: stopping here loses nothing issued.
            for (_, req, _), outcome in zip(prepared, outcomes, strict=True):
                done += 1
                if isinstance(outcome, BatchItemError):
                    failures.append(outcome)
                    yield BatchProgress(done, total, req.describe(), error=outcome)
                    continue
                issued, _pdf, final = outcome
                numbers.append(issued.number)
                if combine:
                    pages.append((final.doc, final.qr_text))
                yield BatchProgress(done, total, issued.number, issued=issued)
    finally:
        if own_pool and pool is not None:
            pool.shutdown(cancel_futures=True)
    combined = rendering.print_file(pages) if combine and pages else None
    yield BatchProgress(done, total, "", finished=True, failures=tuple(failures),
                        numbers=tuple(numbers), pdf=combined)


def _render_all(items: Sequence[Prepared], pool: Executor | None) -> list[bytes | Exception]:
    out: list[bytes | Exception] = []
    if pool is None:
        for p in items:
            try:
                out.append(rendering.render(p.doc, p.qr_text))
            except Exception as e:  # reported per item; never stops the batch
                out.append(e)
        return out
    futures = [pool.submit(rendering.render_pure, (p.doc, p.qr_text)) for p in items]
    for f in futures:
        try:
            out.append(f.result())
        except Exception as e:
            out.append(e)
    return out


#: A stored item: its register entry, its bytes, and what it was rendered from.
_Outcome = tuple[IssuedDocument, bytes, Prepared] | BatchItemError


def _store_chunk(uow: UnitOfWork, actor: Actor,
                 items: Sequence[tuple[int, IssueRequest,
                                       BatchItemError | tuple[Prepared, bytes | Exception]]],
                 key: Ed25519PrivateKey, on: date) -> list[_Outcome]:
    """Store a chunk in one transaction; if a number was taken meanwhile (another
    desk), store item by item instead, numbering those again."""
    def failed(i: int, req: IssueRequest, e: BaseException) -> BatchItemError:
        return BatchItemError(i, req.describe(), reason(e))

    try:
        out: list[_Outcome] = []
        with uow:
            for i, req, item in items:
                if isinstance(item, BatchItemError):
                    out.append(item)
                    continue
                p, rendered = item
                if isinstance(rendered, Exception):
                    out.append(failed(i, req, rendered))
                    continue
                try:
                    pdf = seal(rendered, p, key)
                except ValueError as e:
                    out.append(failed(i, req, e))
                    continue
                row = store(uow, actor, p, pdf, key)
                out.append((to_entry(row, p.case_number), pdf, p))
            uow.commit()
        return out
    except IntegrityError:
        pass
    out = []
    for i, req, item in items:
        if isinstance(item, BatchItemError):
            out.append(item)
            continue
        p, rendered = item
        try:
            if isinstance(rendered, Exception):
                raise rendered
            out.append(_store_one(uow, actor, req, p, rendered, key, on))
        except (DomainError, ValueError, IntegrityError) as e:
            out.append(failed(i, req, e))
    return out


def _store_one(uow: UnitOfWork, actor: Actor, req: IssueRequest, p: Prepared, rendered: bytes,
               key: Ed25519PrivateKey, on: date) -> tuple[IssuedDocument, bytes, Prepared]:
    """Store a prepared item; if its number was taken meanwhile, number and render again."""
    for attempt in range(MAX_ATTEMPTS):
        try:
            with uow:
                pdf = seal(rendered, p, key)
                row = store(uow, actor, p, pdf, key)
                dto = to_entry(row, p.case_number)
                uow.commit()
                return dto, pdf, p
        except IntegrityError:
            if attempt == MAX_ATTEMPTS - 1:
                raise
            with uow:
                p = prepare(uow, actor, req, on, key)
            rendered = render_checked(p.doc, p.qr_text)
    raise AssertionError("unreachable")


def render_batch(uow: UnitOfWork, actor: Actor, refs: Sequence[int | str]) -> Iterator[BatchProgress]:
    """One print file of issued documents, yielding progress.

    Each document's stored bytes are checked against their hash (a damaged one is
    reported and left out); the print file sets the issued contents, each with its
    signed QR code, in one PDF whose font subsets all pages share (issue 11, issue
    12 §4: a batch of 500 pages is about 1 MB, not 25).  It is for printing: each
    issued file keeps its own verification data.
    """
    require(actor, Permission.CASE_VIEW)
    total = len(refs)
    failures: list[BatchItemError] = []
    pages: list[tuple[Document, str | None]] = []
    numbers: list[str] = []
    for i, ref in enumerate(refs):
        try:
            with uow:
                row, _ = uow.documents.get(ref)
                data = bytes(row.pdf)
                if hashlib.sha256(data).hexdigest() != row.pdf_sha256:
                    raise StoredDocumentDamaged(f"the stored bytes of {row.number} do not match")
                number = row.number
                content = document_from_fields(json.loads(row.fields))
                qr_text = row.qr_text
        except DomainError as e:
            err = BatchItemError(i, str(ref), reason(e))
            failures.append(err)
            yield BatchProgress(i + 1, total, str(ref), error=err)
            continue
        pages.append((content, qr_text))
        numbers.append(number)
        yield BatchProgress(i + 1, total, number)
    combined = rendering.print_file(pages) if pages else None
    if numbers:
        with uow:
            audit.record(uow, actor, "document.batch_print", "document", numbers[0],
                         after={"numbers": numbers})
            uow.commit()
    yield BatchProgress(total, total, "", finished=True, failures=tuple(failures),
                        numbers=tuple(numbers), pdf=combined)


def collect(progress: Iterable[BatchProgress],
            on_step: Callable[[BatchProgress], None] | None = None) -> BatchProgress:
    """Run a batch to its end (for the command line and tests); the last step."""
    last: BatchProgress | None = None
    for step in progress:
        if on_step is not None:
            on_step(step)
        last = step
    assert last is not None and last.finished
    return last
