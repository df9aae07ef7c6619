"""``courtapp export --all``: every case of the database, deterministically (issue 10 §5).

The output is the interchange v1 form of each case (:func:`courtapp.core.interchange.dump_case`,
with its listings and their restrictions) plus two export-only lists that a
restore must prove and the import ignores: ``petitions`` (number, kind, status,
dates, decision document) and ``documents`` (the register: number, kind, date,
signer, content hash, PDF hash, key fingerprint, correction links).

Cases come in case-number order, petitions and documents in their per-case
sequence, keys in a fixed order, and nothing depends on the time of the run,
so two databases with the same content give byte-identical output.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import defer

from courtapp.core.db.orm import CaseRow, IssuedDocumentRow, PetitionRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.interchange import dump_case
from courtapp.core.services import listing

#: Cases read per query.
_CHUNK = 500


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def dump_petition(r: PetitionRow) -> dict[str, Any]:
    """A petition as ``export --all`` writes it (export only; the import ignores it)."""
    return {
        "number": r.number, "kind": r.kind, "status": r.status, "respondent": r.respondent,
        "petitioner_role": r.petitioner_role, "petitioner_index": r.petitioner_index,
        "officer": r.officer, "received_on": _iso(r.received_on), "due_on": _iso(r.due_on),
        "decided_on": _iso(r.decided_on), "decided_by": r.decided_by,
        "document_number": r.document_number, "decision_served_on": _iso(r.decision_served_on),
        "reconsideration_outcome": r.reconsideration_outcome,
        "details": json.loads(r.details) if r.details else None,
        "decision_details": json.loads(r.decision_details) if r.decision_details else None,
    }


def dump_document(r: IssuedDocumentRow) -> dict[str, Any]:
    """A register entry as ``export --all`` writes it (export only; the import ignores it)."""
    return {
        "number": r.number, "kind": r.kind, "respondent": r.respondent,
        "issued_on": _iso(r.issued_on), "signer": r.signer, "content_hash": r.content_hash,
        "pdf_sha256": r.pdf_sha256, "key_fingerprint": r.key_fingerprint,
        "supersedes": r.supersedes, "superseded_by": r.superseded_by,
    }


def export_all(uow: UnitOfWork, actor: Actor) -> list[dict[str, Any]]:
    """Every case with its listings, petitions and documents, in case-number order,
    read in one snapshot (REPEATABLE READ on PostgreSQL)."""
    require(actor, Permission.CASE_EXPORT)
    with uow:
        s = uow.session
        if uow.dialect == "postgresql":
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        ids = list(s.execute(select(CaseRow.id).order_by(CaseRow.case_number)).scalars())
        out: list[dict[str, Any]] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            recs = uow.cases.many(chunk)
            petitions: dict[int, list[PetitionRow]] = {}
            for p in s.scalars(select(PetitionRow).where(PetitionRow.case_id.in_(chunk))
                               .order_by(PetitionRow.case_id, PetitionRow.sequence)):
                petitions.setdefault(p.case_id, []).append(p)
            docs: dict[int, list[IssuedDocumentRow]] = {}
            for d in s.scalars(select(IssuedDocumentRow).options(defer(IssuedDocumentRow.pdf))
                               .where(IssuedDocumentRow.case_id.in_(chunk))
                               .order_by(IssuedDocumentRow.case_id, IssuedDocumentRow.sequence)):
                docs.setdefault(d.case_id, []).append(d)
            for cid in chunk:
                rec = recs[cid]
                case = listing.attach_listings_in(uow, cid, rec.case)
                out.append(dump_case(case) | {
                    "petitions": [dump_petition(p) for p in petitions.get(cid, [])],
                    "documents": [dump_document(d) for d in docs.get(cid, [])],
                })
            s.expunge_all()
        return out
