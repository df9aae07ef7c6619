"""The audit log (RULES.md R-R6; 2017 Art. 13): one row per change, in order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from courtapp.core.db.orm import AuditRow
from courtapp.core.domain.canonical import canonical_json
from courtapp.core.domain.roles import Actor


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


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, actor: Actor, action: str, entity_type: str, entity_id: object, *,
            before: Any = None, after: Any = None, legal_ground: str | None = None,
            reason: str | None = None) -> None:
        """An audit row in the unit of work's transaction (committed with the change)."""
        self._s.add(AuditRow(
            at=datetime.now(UTC), user_id=actor.user_id, username=actor.username, action=action,
            entity_type=entity_type, entity_id=str(entity_id), before=canonical_json(before),
            after=canonical_json(after), legal_ground=legal_ground, reason=reason))

    def entries(self, *, entity_type: str | None = None, entity_id: str | None = None,
                limit: int = 200) -> list[AuditEntry]:
        q = select(AuditRow).order_by(AuditRow.seq.desc()).limit(limit)
        if entity_type:
            q = q.where(AuditRow.entity_type == entity_type)
        if entity_id:
            q = q.where(AuditRow.entity_id == entity_id)
        return [AuditEntry(r.seq, r.at, r.username, r.action, r.entity_type, r.entity_id,
                           r.before, r.after, r.legal_ground, r.reason)
                for r in self._s.scalars(q)]
