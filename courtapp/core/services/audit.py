"""Audit records: who, when, what, before and after, and the legal ground (R-R6)."""

from __future__ import annotations

from typing import Any

from courtapp.core.db.repositories.audit import AuditEntry
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.canonical import canonical_json
from courtapp.core.domain.roles import Actor, Permission, require


def record(uow: UnitOfWork, actor: Actor, action: str, entity_type: str, entity_id: object, *,
           before: Any = None, after: Any = None, legal_ground: str | None = None,
           reason: str | None = None) -> None:
    """Add an audit row to the unit of work's transaction (committed with the change)."""
    uow.audit.add(actor, action, entity_type, entity_id, before=before, after=after,
                  legal_ground=legal_ground, reason=reason)


def entries(uow: UnitOfWork, actor: Actor, *, entity_type: str | None = None,
            entity_id: str | None = None, limit: int = 200) -> list[AuditEntry]:
    require(actor, Permission.AUDIT_VIEW)
    with uow:
        return uow.audit.entries(entity_type=entity_type, entity_id=entity_id, limit=limit)


__all__ = ["AuditEntry", "canonical_json", "entries", "record"]
