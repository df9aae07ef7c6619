"""Audit records: who, when, what, before and after, and the legal ground (R-R6).

The rows form a hash chain (:mod:`courtapp.core.domain.audit_chain`); see
:mod:`courtapp.core.db.repositories.audit` for how they are appended and
verified.
"""

from __future__ import annotations

from typing import Any

from courtapp.core.db.repositories.audit import AuditEntry, AuditItem, ContentMismatch, VerifyResult
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.canonical import canonical_json
from courtapp.core.domain.roles import Actor, Permission, require


def record(uow: UnitOfWork, actor: Actor, action: str, entity_type: str, entity_id: object, *,
           before: Any = None, after: Any = None, legal_ground: str | None = None,
           reason: str | None = None) -> None:
    """Add an audit row to the unit of work's transaction (committed with the change)."""
    uow.audit.add(actor, action, entity_type, entity_id, before=before, after=after,
                  legal_ground=legal_ground, reason=reason)


def record_many(uow: UnitOfWork, actor: Actor, items: list[AuditItem]) -> None:
    """Many audit rows, in order, in the unit of work's transaction (bulk import)."""
    uow.audit.add_many(actor, items)


def entries(uow: UnitOfWork, actor: Actor, *, entity_type: str | None = None,
            entity_id: str | None = None, username: str | None = None,
            case_number: str | None = None, limit: int = 200) -> list[AuditEntry]:
    """The newest audit records, filtered; ``case_number``: every record whose
    subject starts with it (the case, its respondents, its petitions)."""
    require(actor, Permission.AUDIT_VIEW)
    with uow:
        return uow.audit.entries(entity_type=entity_type, entity_id=entity_id,
                                 username=username, case_number=case_number, limit=limit)


def count(uow: UnitOfWork, actor: Actor, *, entity_type: str | None = None,
          entity_id: str | None = None, username: str | None = None,
          case_number: str | None = None) -> int:
    """How many records match the filters of :func:`entries` (a list that shows
    fewer says "showing N of M", never silently)."""
    require(actor, Permission.AUDIT_VIEW)
    with uow:
        return uow.audit.count(entity_type=entity_type, entity_id=entity_id,
                               username=username, case_number=case_number)


def verify(uow: UnitOfWork, actor: Actor) -> VerifyResult:
    """Walk the audit chain and compare every audited entity's rows with its last
    audited digests (R-R6).  Read only."""
    require(actor, Permission.AUDIT_VIEW)
    with uow:
        return uow.audit.verify()


def verify_lines(result: VerifyResult) -> list[str]:
    """What ``audit verify`` prints (English; the command line's and the export's wording)."""
    if result.intact:
        return [f"audit intact: {result.records} records"]
    out = [f"audit broken: {result.records} records"]
    if result.broken_seq is not None:
        out.append(f"first broken link: seq {result.broken_seq} ({result.broken_reason})")
    for m in result.mismatches:
        rows = ", ".join(m.changed)
        out.append(f"content changed: {m.entity_type} {m.entity_id} (last audited at seq {m.seq}): "
                   f"{rows}")
    return out


__all__ = ["AuditEntry", "AuditItem", "ContentMismatch", "VerifyResult", "canonical_json", "count", "entries", "record",
           "record_many", "verify", "verify_lines"]
