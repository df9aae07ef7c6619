"""Audit records: who, when, what, before and after, and the legal ground."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from courtapp.core.db.orm import AuditRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.roles import Actor, Permission, require


def canonical_json(value: Any) -> str | None:
    """Stable JSON (sorted keys, no spaces) so that a later hash chain is reproducible."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def record(uow: UnitOfWork, actor: Actor, action: str, entity_type: str, entity_id: object, *,
           before: Any = None, after: Any = None, legal_ground: str | None = None,
           reason: str | None = None) -> AuditRow:
    """Add an audit row to the unit of work's transaction (committed with the change)."""
    row = AuditRow(
        at=datetime.now(UTC), user_id=actor.user_id, username=actor.username, action=action,
        entity_type=entity_type, entity_id=str(entity_id), before=canonical_json(before),
        after=canonical_json(after), legal_ground=legal_ground, reason=reason,
    )
    uow.session.add(row)
    return row


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    username: str
    action: str
    entity_type: str
    entity_id: str
    before: str | None
    after: str | None
    legal_ground: str | None
    reason: str | None


def entries(uow: UnitOfWork, actor: Actor, *, entity_type: str | None = None,
            entity_id: str | None = None, limit: int = 200) -> list[AuditEntry]:
    require(actor, Permission.AUDIT_VIEW)
    with uow:
        q = select(AuditRow).order_by(AuditRow.seq.desc()).limit(limit)
        if entity_type:
            q = q.where(AuditRow.entity_type == entity_type)
        if entity_id:
            q = q.where(AuditRow.entity_id == entity_id)
        return [
            AuditEntry(r.seq, r.at, r.username, r.action, r.entity_type, r.entity_id,
                       r.before, r.after, r.legal_ground, r.reason)
            for r in uow.session.scalars(q)
        ]
