"""Issuing a document (issue 4 §3-§5), correcting one, previewing a draft.

Issuing checks the permission and the precondition (:mod:`.prepare`), numbers the
document, builds it, signs its content hash into the QR text, renders it with that
QR code, seals the PDF (verification data + file signature) and stores the exact
bytes with their SHA-256 and an audit record, in one transaction.  An issued
document is never edited or deleted; a correction issues a new document whose
``supersedes`` is the old number, and the old one is marked ``superseded_by``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import IntegrityError

from courtapp.core.db.orm import IssuedDocumentRow
from courtapp.core.db.safety import retried
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents import signing
from courtapp.core.documents.model import DocKind, Document, canonical
from courtapp.core.domain.errors import NotFound
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import audit
from courtapp.core.services.documents import rendering
from courtapp.core.services.documents.keys import court_signing_key
from courtapp.core.services.documents.model import (
    LEGAL_GROUND,
    MAX_ATTEMPTS,
    Issued,
    IssueRequest,
    refuse,
    require_issue,
    to_entry,
)
from courtapp.core.services.documents.numbering import normalize_number
from courtapp.core.services.documents.prepare import Prepared, prepare

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def store(uow: UnitOfWork, actor: Actor, p: Prepared, pdf: bytes,
          key: Ed25519PrivateKey) -> IssuedDocumentRow:
    assert p.qr_text is not None
    fields = canonical(p.doc.fields()).decode("utf-8")
    digest = hashlib.sha256(pdf).hexdigest()
    row = IssuedDocumentRow(
        number=p.doc.number, kind=p.doc.kind.value, case_id=p.request.case_id,
        sequence=p.sequence, respondent=p.request.respondent, respondent_name=p.respondent_name,
        listing_id=p.listing_id, order_id=p.order_id, lang=p.doc.lang, signer=p.doc.signer,
        signer_title=p.doc.signer_title, issued_on=p.doc.issued_on, issued_by=actor.username,
        issued_at=datetime.now(UTC), request=canonical(p.request.to_json()).decode("utf-8"),
        fields=fields, content_hash=hashlib.sha256(fields.encode("utf-8")).hexdigest(),
        qr_text=p.qr_text, key_fingerprint=signing.fingerprint(key), pdf_sha256=digest, pdf=pdf,
        supersedes=p.doc.supersedes or None)
    uow.documents.add(row)
    audit.record(uow, actor, "document.issue", "document", row.number,
                 after={"number": row.number, "kind": row.kind, "case": p.case_number,
                        "respondent": row.respondent, "signer": row.signer,
                        "issued_on": row.issued_on.isoformat(), "content_hash": row.content_hash,
                        "pdf_sha256": digest, "supersedes": row.supersedes},
                 legal_ground=LEGAL_GROUND[p.doc.kind] or None)
    return row


def seal(pdf: bytes, p: Prepared, key: Ed25519PrivateKey) -> bytes:
    assert p.qr_text is not None
    return signing.seal_pdf(pdf, p.doc, p.qr_text, key)


def render_checked(doc: Document, qr_text: str | None) -> bytes:
    try:
        return rendering.render(doc, qr_text)
    except ValueError as e:  # e.g. a character the font lacks: the message names it
        raise refuse("render", "document.render", str(e), str(e)) from None


def issue(uow: UnitOfWork, actor: Actor, kind: DocKind, case_id: int, *,
          respondent: int | None = None, lang: str = "zh", issued_on: date | None = None,
          listing_id: int | None = None, order_id: int | None = None,
          extra: dict[str, Any] | None = None,
          key: Ed25519PrivateKey | None = None) -> Issued:
    """Issue one document: register it, sign it, store its bytes."""
    req = IssueRequest(kind, case_id, respondent, lang, listing_id, order_id, dict(extra or {}))
    return issue_request(uow, actor, req, issued_on=issued_on, key=key)


@retried  # its own immediate re-numbering ran out: again after a pause (issue 10 §2)
def issue_request(uow: UnitOfWork, actor: Actor, req: IssueRequest, *,
                  issued_on: date | None = None, key: Ed25519PrivateKey | None = None,
                  supersedes: str = "", reason: str = "") -> Issued:
    """Issue what ``req`` asks for (``supersedes``: the number this one corrects)."""
    require_issue(actor, req.kind)
    on = issued_on or date.today()
    if key is None:
        key = court_signing_key(uow, actor, on=on)
    for attempt in range(MAX_ATTEMPTS):
        try:
            with uow:
                old: IssuedDocumentRow | None = None
                if supersedes:
                    supersedes = normalize_number(supersedes)
                    old = uow.documents.by_number(supersedes)
                    if old is None:
                        raise NotFound(f"issued document {supersedes}")
                    if old.superseded_by:
                        raise refuse("supersedes", "document.already_superseded",
                                     f"{supersedes} is already superseded by {old.superseded_by}",
                                     f"{supersedes}已被{old.superseded_by}取代")
                p = prepare(uow, actor, req, on, key, supersedes=supersedes)
                pdf = seal(render_checked(p.doc, p.qr_text), p, key)
                row = store(uow, actor, p, pdf, key)
                if old is not None:
                    old.superseded_by = row.number
                    audit.record(uow, actor, "document.supersede", "document", old.number,
                                 before={"superseded_by": None},
                                 after={"superseded_by": row.number}, reason=reason or None,
                                 legal_ground=LEGAL_GROUND[DocKind(old.kind)] or None)
                uow.documents.flush()
                dto = to_entry(row, p.case_number)
                uow.commit()
                return Issued(dto, pdf)
        except IntegrityError:  # another desk took the number meanwhile: number again
            if attempt == MAX_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def supersede(uow: UnitOfWork, actor: Actor, number: str, *, reason: str,
              issued_on: date | None = None, extra: dict[str, Any] | None = None,
              key: Ed25519PrivateKey | None = None) -> Issued:
    """Correct an issued document: a new document of the same kind, from the current
    state, that supersedes ``number``; both stay in the register."""
    if not reason.strip():
        raise refuse("reason", "required", "a correction states its reason", "更正应说明理由")
    with uow:
        old = uow.documents.by_number(number)
        if old is None:
            raise NotFound(f"issued document {number}")
        asked = json.loads(old.request)
    merged = {**asked.get("extra", {}), **(extra or {})}
    req = IssueRequest(DocKind(asked["kind"]), asked["case_id"], asked.get("respondent"),
                       asked.get("lang", "zh"), asked.get("listing_id"), asked.get("order_id"),
                       merged)
    return issue_request(uow, actor, req, issued_on=issued_on, key=key, supersedes=number,
                         reason=reason.strip())


def edit(uow: UnitOfWork, actor: Actor, number: str, **changes: Any) -> None:
    """There is no editing an issued document: always refused (issue a correction)."""
    raise refuse("number", "document.immutable",
                 f"issued document {number} cannot be edited; issue a correction that supersedes it",
                 f"已签发的文书{number}不能修改，请签发更正文书予以取代")


def preview(uow: UnitOfWork, actor: Actor, kind: DocKind, case_id: int, *,
            respondent: int | None = None, lang: str = "zh", issued_on: date | None = None,
            extra: dict[str, Any] | None = None) -> bytes:
    """An unregistered, unsigned draft (numbered 草稿/DRAFT, no QR code).  It may be
    made from a listing or order not signed yet, so a judge can read it first."""
    require(actor, Permission.CASE_VIEW)
    req = IssueRequest(kind, case_id, respondent, lang, extra=dict(extra or {}))
    with uow:
        p = prepare(uow, actor, req, issued_on or date.today(), None, draft=True)
    doc = replace(p.doc, title=p.doc.title + ("（草稿）" if lang == "zh" else " (DRAFT)"),
                  extra={**p.doc.extra, "draft": True})
    return render_checked(doc, None)
