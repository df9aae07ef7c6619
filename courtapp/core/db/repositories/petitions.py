"""Petitions filed at the counter and their evidence (issue 5 §1-§2).

Rows never leave this module: the services get :class:`PetitionRecord`
(:mod:`courtapp.core.domain.records`).  Evidence is listed without its bytes;
:meth:`PetitionRepository.evidence_data` reads one file's bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, tuple_
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from courtapp.core.db.orm import PetitionEvidenceRow, PetitionRow
from courtapp.core.domain.canonical import canonical_json
from courtapp.core.domain.errors import ConflictError, NotFound
from courtapp.core.domain.messages import Message
from courtapp.core.domain.paging import PAGE_SIZE, Page, page_of
from courtapp.core.domain.petition import (
    PERMISSION_KINDS,
    PetitionDetails,
    PetitionerRole,
    PetitionKind,
    PetitionStatus,
    Sla,
    SlaUnit,
)
from courtapp.core.domain.records import Evidence, PetitionRecord

#: Petitions load their evidence list without the bytes.
_EVIDENCE = selectinload(PetitionRow.evidence).defer(PetitionEvidenceRow.data)


def normal_number(ref: str) -> str:
    """A petition number as stored (ASCII brackets)."""
    return ref.strip().replace("（", "(").replace("）", ")")


def message_json(m: Message | None) -> str | None:
    return None if m is None else canonical_json({"code": m.code, "params": dict(m.params)})


def message_of(text: str | None) -> Message | None:
    if not text:
        return None
    try:
        d = json.loads(text)
    except ValueError:
        d = None
    if not isinstance(d, dict) or not isinstance(d.get("code"), str):
        # never written since migration 0010, which converts the old sentences
        return Message("counter.document_not_issued",
                       {"reason": "document_rule.recorded_before", "field": ""})
    params = d.get("params")
    return Message(d["code"], params if isinstance(params, dict) else {})


def _record(r: PetitionRow) -> PetitionRecord:
    decision: dict[str, Any] = json.loads(r.decision_details or "{}")
    return PetitionRecord(
        id=r.id, number=r.number, case_id=r.case_id, sequence=r.sequence,
        kind=PetitionKind(r.kind), status=PetitionStatus(r.status), respondent=r.respondent,
        petitioner_role=PetitionerRole(r.petitioner_role), petitioner_index=r.petitioner_index,
        officer=r.officer, petitioner_name=r.petitioner_name,
        petitioner_identifier=r.petitioner_identifier, listing_id=r.listing_id,
        order_id=r.order_id, received_on=r.received_on, sla=Sla(r.sla_days, SlaUnit(r.sla_unit)),
        details=PetitionDetails.from_json(json.loads(r.details)), filed_by=r.filed_by,
        statement=r.statement or "",
        evidence=tuple(Evidence(x.id, x.name, x.size, x.sha256) for x in r.evidence),
        receipt_number=r.receipt_number, decided_on=r.decided_on, decided_by=r.decided_by,
        decision_reasons=r.decision_reasons or "", decision=decision,
        document_number=r.document_number, document_error=message_of(r.document_error),
        decision_served_on=r.decision_served_on,
        reconsideration_filed_on=r.reconsideration_filed_on,
        reconsideration_outcome=r.reconsideration_outcome,
        reconsideration_decided_on=r.reconsideration_decided_on,
        permission_ended_on=r.permission_ended_on, deletion_event_on=r.deletion_event_on,
        deletion_late=bool(r.deletion_late), due_on=r.due_on,
        due_provisional=bool(r.due_provisional), version=r.version)


#: The server-side order of each petition column (issue 12 §2); the id is added
#: as the unique tie-breaker.  "oldest": filing order (the id alone).
PETITION_SORT: dict[str, tuple[Any, ...]] = {
    "oldest": (),
    "number": (PetitionRow.number,),
    "kind": (PetitionRow.kind,),
    "petitioner": (PetitionRow.petitioner_name,),
    "received_on": (PetitionRow.received_on,),
    "due_on": (func.coalesce(PetitionRow.due_on, PetitionRow.received_on),),
}


class PetitionRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def _row(self, ref: int | str) -> PetitionRow:
        q = select(PetitionRow).options(_EVIDENCE)
        q = q.where(PetitionRow.id == ref) if isinstance(ref, int) else \
            q.where(PetitionRow.number == normal_number(ref))
        row = self._s.scalar(q)
        if row is None:
            raise NotFound(f"petition {ref}")
        return row

    def _records(self, *conditions: ColumnElement[bool]) -> list[PetitionRecord]:
        return [_record(r) for r in self._s.scalars(
            select(PetitionRow).options(_EVIDENCE).where(*conditions).order_by(PetitionRow.id))]

    # ---------------------------------------------------------------- reading
    def get(self, ref: int | str) -> PetitionRecord:
        """A petition by id or number (NotFound)."""
        return _record(self._row(ref))

    def page(self, *, case_id: int | None = None, status: PetitionStatus | None = None,
             kind: PetitionKind | None = None, document_missing: bool = False,
             decision_unserved: bool = False, after: object | None = None,
             limit: int = PAGE_SIZE, sort: str = "oldest",
             descending: bool = False) -> Page[PetitionRecord]:
        """Petitions, oldest first or by ``sort`` (a key of :data:`PETITION_SORT`;
        the id breaks ties) on the server; keyset on (the sort values, id):
        ``after`` is the ``next_after`` of the page before (an id for the default).

        ``document_missing``: decided, but the decision document failed to issue;
        ``decision_unserved``: its document is issued and its service not recorded."""
        cols = [*PETITION_SORT[sort], PetitionRow.id]
        q = (select(PetitionRow, *cols).options(_EVIDENCE)
             .order_by(*(c.desc() if descending else c.asc() for c in cols)).limit(limit + 1))
        if case_id is not None:
            q = q.where(PetitionRow.case_id == case_id)
        if status is not None:
            q = q.where(PetitionRow.status == status.value)
        if kind is not None:
            q = q.where(PetitionRow.kind == kind.value)
        if document_missing:
            q = q.where(PetitionRow.document_error.is_not(None), PetitionRow.document_number.is_(None))
        if decision_unserved:
            q = q.where(PetitionRow.document_number.is_not(None),
                        PetitionRow.decision_served_on.is_(None))
        if isinstance(after, int):
            after = (after,)
        if isinstance(after, tuple):
            key = tuple_(*cols)
            q = q.where(key < tuple_(*after) if descending else key > tuple_(*after))
        fetched = list(self._s.execute(q))
        rows = [_record(r[0]) for r in fetched]
        keys = {id(x): tuple(r[1:]) for x, r in zip(rows, fetched, strict=True)}
        return page_of(rows, limit, lambda x: keys[id(x)])

    def running_permissions(self) -> list[PetitionRecord]:
        """Granted temporary permissions whose items have not been imposed again."""
        return self._records(PetitionRow.kind.in_([k.value for k in PERMISSION_KINDS]),
                             PetitionRow.status == PetitionStatus.GRANTED.value,
                             PetitionRow.permission_ended_on.is_(None))

    def running_travel(self, case_id: int, respondent: int, *, exclude: int) -> list[PetitionRecord]:
        """The respondent's granted temporary travel petitions not yet ended (R-C7)."""
        return self._records(PetitionRow.case_id == case_id, PetitionRow.respondent == respondent,
                             PetitionRow.kind == PetitionKind.TEMPORARY_TRAVEL.value,
                             PetitionRow.status == PetitionStatus.GRANTED.value,
                             PetitionRow.permission_ended_on.is_(None), PetitionRow.id != exclude)

    def evidence_data(self, evidence_id: int) -> tuple[Evidence, bytes]:
        """One evidence file with its bytes (NotFound)."""
        row = self._s.get(PetitionEvidenceRow, evidence_id)
        if row is None:
            raise NotFound(f"evidence {evidence_id}")
        return Evidence(row.id, row.name, row.size, row.sha256), bytes(row.data)

    # ---------------------------------------------------------------- writing
    def next_sequence(self, case_id: int) -> int:
        """The sequence of the case's next petition (申1, 申2 …)."""
        return (self._s.scalar(select(func.max(PetitionRow.sequence))
                               .where(PetitionRow.case_id == case_id)) or 0) + 1

    def add(self, new: PetitionRecord, data: Sequence[bytes]) -> PetitionRecord:
        """Store a new petition; ``data``: the bytes of each of ``new.evidence``, in order."""
        assert len(data) == len(new.evidence)
        row = PetitionRow(
            number=new.number, case_id=new.case_id, sequence=new.sequence, kind=new.kind.value,
            status=new.status.value, respondent=new.respondent,
            petitioner_role=new.petitioner_role.value, petitioner_index=new.petitioner_index,
            officer=new.officer, petitioner_name=new.petitioner_name,
            petitioner_identifier=new.petitioner_identifier, listing_id=new.listing_id,
            order_id=new.order_id, received_on=new.received_on, sla_days=new.sla.days,
            sla_unit=new.sla.unit.value, details=canonical_json(new.details.to_json()) or "{}",
            statement=new.statement, filed_by=new.filed_by, created_at=datetime.now(UTC),
            due_on=new.due_on, due_provisional=new.due_provisional)
        row.evidence = [PetitionEvidenceRow(position=k, name=x.name, size=x.size, sha256=x.sha256,
                                            data=b)
                        for k, (x, b) in enumerate(zip(new.evidence, data, strict=True))]
        self._s.add(row)
        self._s.flush()
        return _record(row)

    def save(self, rec: PetitionRecord) -> PetitionRecord:
        """Write what changes after intake (details, decision, documents, service,
        reconsideration, permission); refused if the petition changed meanwhile."""
        row = self._row(rec.id)
        if row.version != rec.version:
            raise ConflictError(f"petition {rec.number} was changed by someone else meanwhile; "
                                "open it again", record=rec.number, entity=("petition", rec.number))
        row.status = rec.status.value
        row.details = canonical_json(rec.details.to_json()) or "{}"
        row.receipt_number = rec.receipt_number
        row.decided_on, row.decided_by = rec.decided_on, rec.decided_by
        row.decision_reasons = rec.decision_reasons
        row.decision_details = canonical_json(dict(rec.decision)) or "{}"
        row.document_number = rec.document_number
        row.document_error = message_json(rec.document_error)
        row.decision_served_on = rec.decision_served_on
        row.reconsideration_filed_on = rec.reconsideration_filed_on
        row.reconsideration_outcome = rec.reconsideration_outcome
        row.reconsideration_decided_on = rec.reconsideration_decided_on
        row.permission_ended_on = rec.permission_ended_on
        row.deletion_event_on, row.deletion_late = rec.deletion_event_on, rec.deletion_late
        row.due_on, row.due_provisional = rec.due_on, rec.due_provisional
        try:
            self._s.flush()
        except StaleDataError:
            raise ConflictError(f"petition {rec.number} or what it concerns was changed by "
                                "someone else meanwhile; open it again", record=rec.number,
                                entity=("petition", rec.number)) from None
        return _record(row)
