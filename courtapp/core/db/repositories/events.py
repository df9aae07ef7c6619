"""Each respondent's status history (issue 3 §7): one row per transition."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from courtapp.core.db.orm import RespondentEventRow
from courtapp.core.db.repositories.bulk import insert_rows
from courtapp.core.domain.canonical import canonical_json
from courtapp.core.domain.listing import RespondentState
from courtapp.core.domain.messages import Message
from courtapp.core.domain.records import RespondentEvent


def _event(r: RespondentEventRow) -> RespondentEvent:
    params = json.loads(r.reason_params or "{}")
    return RespondentEvent(r.id, r.case_id, r.respondent, RespondentState(r.from_state),
                           RespondentState(r.to_state), r.at, r.effective_on, r.username,
                           r.article, r.reason, params if isinstance(params, dict) else {})


class EventRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def last_state(self, case_id: int, respondent: int) -> RespondentState | None:
        last = self._s.scalar(select(RespondentEventRow.to_state)
                              .where(RespondentEventRow.case_id == case_id,
                                     RespondentEventRow.respondent == respondent)
                              .order_by(RespondentEventRow.id.desc()).limit(1))
        return RespondentState(last) if last else None

    def has_any(self, case_id: int, respondent: int) -> bool:
        return self._s.scalar(select(RespondentEventRow.id).where(
            RespondentEventRow.case_id == case_id,
            RespondentEventRow.respondent == respondent).limit(1)) is not None

    def add(self, *, case_id: int, respondent: int, from_state: RespondentState,
            to_state: RespondentState, effective_on: date, username: str, article: str,
            reason: Message) -> None:
        self._s.add(RespondentEventRow(
            case_id=case_id, respondent=respondent, from_state=from_state.value,
            to_state=to_state.value, at=datetime.now(UTC), effective_on=effective_on,
            username=username, article=article, reason=reason.code,
            reason_params=canonical_json(dict(reason.params)) or "{}"))

    def add_many(self, rows: list[tuple[int, int, RespondentState, RespondentState, date, str, str,
                                        Message]]) -> None:
        """Many history entries at once (one multi-row insert): ``(case id, respondent,
        from, to, effective on, username, article, reason)`` each."""
        if not rows:
            return
        now = datetime.now(UTC)
        insert_rows(self._s, RespondentEventRow, [
            {"case_id": cid, "respondent": i, "from_state": a.value, "to_state": b.value, "at": now,
             "effective_on": on, "username": user, "article": article, "reason": reason.code,
             "reason_params": canonical_json(dict(reason.params)) or "{}"}
            for cid, i, a, b, on, user, article, reason in rows])

    def for_case(self, case_id: int) -> list[RespondentEvent]:
        return [_event(r) for r in self._s.scalars(
            select(RespondentEventRow).where(RespondentEventRow.case_id == case_id)
            .order_by(RespondentEventRow.id))]
