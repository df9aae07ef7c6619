"""The audit log (RULES.md R-R6; 2017 Art. 13): one row per change, in a hash chain.

:meth:`AuditRepository.add` collects the rows of a unit of work;
:meth:`AuditRepository.seal` (called by ``UnitOfWork.commit`` just before the
commit) locks the chain's head, digests each audited entity's rows as they now
stand in the transaction, and appends the rows with ``seq``, ``prev_hash``,
``content_hash`` and ``row_hash``.  The lock is an UPDATE of the single
``audit_head`` row: on PostgreSQL a row lock held to the end of the
transaction, so desks append one after another and the chain never forks; on
SQLite the write lock does the same.  :meth:`AuditRepository.verify` walks the
chain and compares every entity's rows with its last audited digests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from courtapp.core.db.orm import AuditHeadRow, AuditRow, Base
from courtapp.core.db.repositories.bulk import insert_rows
from courtapp.core.domain import audit_chain
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


@dataclass(frozen=True)
class ContentMismatch:
    """An audited entity whose rows no longer match its last audit row."""

    entity_type: str
    entity_id: str
    seq: int  # the last audit row of the entity
    changed: tuple[str, ...]  # "table#id" of rows changed, added or removed since


@dataclass
class VerifyResult:
    records: int = 0
    #: The first row whose link or seal is broken, with what is wrong; None if intact.
    broken_seq: int | None = None
    broken_reason: str = ""
    mismatches: list[ContentMismatch] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return self.broken_seq is None and not self.mismatches


def _t(name: str) -> Table:
    return Base.metadata.tables[name]


#: The lists of a case whose rows belong to its content (with the case row).
CASE_LISTS = ("case_parties", "obligations", "payments", "property_items", "securities",
              "conduct", "findings")


def _key(table: Table, row: Any) -> str:
    return f"{table.name}#" + ":".join(str(row[c.name]) for c in table.primary_key.columns)


def _rows(session: Session, table: Table, where: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    for row in session.execute(select(table).where(where)).mappings():
        yield _key(table, row), dict(row)


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def entity_rows(session: Session, entity_type: str, entity_id: str) -> dict[str, dict[str, Any]] | None:
    """The database rows that make up an audited entity's content, keyed ``table#id``;
    None for an entity whose content is not tracked (a login, an export …)."""
    out: dict[str, dict[str, Any]] = {}

    def add(table: str, where: Any) -> list[dict[str, Any]]:
        got = list(_rows(session, _t(table), where))
        out.update(got)
        return [r for _, r in got]

    if entity_type == "case":
        cases = _t("cases")
        for case in add("cases", cases.c.case_number == entity_id.split("#", 1)[0]):
            for name in CASE_LISTS:
                add(name, _t(name).c.case_id == case["id"])
        return out
    one_by_id = {"listing": ("listings", "listing_id"),
                 "restriction_order": ("restriction_orders", "order_id"),
                 "listing_application": ("listing_applications", None),
                 "dispatch": ("dispatch_items", None),
                 "user": ("users", None)}
    if entity_type in one_by_id:
        table, items = one_by_id[entity_type]
        ident = _int(entity_id)
        if ident is None:
            return out
        add(table, _t(table).c.id == ident)
        if items:
            add("restrictions", _t("restrictions").c[items] == ident)
        if entity_type == "user":
            add("user_roles", _t("user_roles").c.user_id == ident)
        return out
    if entity_type == "petition":
        for p in add("petitions", _t("petitions").c.number == entity_id):
            add("petition_evidence", _t("petition_evidence").c.petition_id == p["id"])
        return out
    if entity_type == "document":
        add("issued_documents", _t("issued_documents").c.number == entity_id)
        return out
    if entity_type == "setting":
        # A setting, or a group of them ("court" covers court.name and court.code).
        key = _t("settings").c.key
        add("settings", (key == entity_id) | key.startswith(entity_id + ".", autoescape=True))
        return out
    return None


def entity_digests(session: Session, entity_type: str, entity_id: str) -> dict[str, str] | None:
    rows = entity_rows(session, entity_type, entity_id)
    if rows is None:
        return None
    return {k: audit_chain.row_digest(v) for k, v in rows.items()}


@dataclass
class _Pending:
    at: datetime
    user_id: int | None
    username: str
    action: str
    entity_type: str
    entity_id: str
    before: str | None
    after: str | None
    legal_ground: str | None
    reason: str | None


def _many_digests(session: Session, pending: list[_Pending]) -> dict[tuple[str, str], dict[str, str]]:
    """:func:`entity_digests` of every case and listing in ``pending``, read with one
    query per table per 500 entities instead of one per entity and table (a bulk
    import seals thousands at once).  The same rows, so the same digests."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    numbers = sorted({p.entity_id.split("#", 1)[0] for p in pending if p.entity_type == "case"})
    listing_ids = sorted({i for p in pending if p.entity_type == "listing"
                          and (i := _int(p.entity_id)) is not None})
    if len(numbers) + len(listing_ids) < 20:
        return out
    by_case: dict[str, dict[str, str]] = {n: {} for n in numbers}
    number_of: dict[int, str] = {}
    cases = _t("cases")
    for i in range(0, len(numbers), 500):
        for row in session.execute(select(cases).where(
                cases.c.case_number.in_(numbers[i:i + 500]))).mappings():
            by_case[row["case_number"]][_key(cases, row)] = audit_chain.row_digest(dict(row))
            number_of[row["id"]] = row["case_number"]
    ids = sorted(number_of)
    for name in CASE_LISTS:
        t = _t(name)
        for i in range(0, len(ids), 500):
            for row in session.execute(select(t).where(t.c.case_id.in_(ids[i:i + 500]))).mappings():
                by_case[number_of[row["case_id"]]][_key(t, row)] = audit_chain.row_digest(dict(row))
    by_listing: dict[int, dict[str, str]] = {i: {} for i in listing_ids}
    for table, col in (("listings", "id"), ("restrictions", "listing_id")):
        t = _t(table)
        for i in range(0, len(listing_ids), 500):
            for row in session.execute(select(t).where(
                    t.c[col].in_(listing_ids[i:i + 500]))).mappings():
                by_listing[row[col]][_key(t, row)] = audit_chain.row_digest(dict(row))
    for p in pending:
        if p.entity_type == "case":
            out[(p.entity_type, p.entity_id)] = by_case[p.entity_id.split("#", 1)[0]]
        elif p.entity_type == "listing" and (i := _int(p.entity_id)) is not None:
            out[(p.entity_type, p.entity_id)] = by_listing[i]
    return out


@dataclass(frozen=True)
class AuditItem:
    """One audit row to write with :meth:`AuditRepository.add_many`."""

    action: str
    entity_type: str
    entity_id: object
    before: Any = None
    after: Any = None
    legal_ground: str | None = None
    reason: str | None = None


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._s = session
        self._pending: list[_Pending] = []

    def add(self, actor: Actor, action: str, entity_type: str, entity_id: object, *,
            before: Any = None, after: Any = None, legal_ground: str | None = None,
            reason: str | None = None) -> None:
        """An audit row in the unit of work's transaction (appended to the chain
        when the unit of work commits, with the change)."""
        self._pending.append(_Pending(
            datetime.now(UTC), actor.user_id, actor.username, action, entity_type,
            str(entity_id), canonical_json(before), canonical_json(after), legal_ground, reason))

    def add_many(self, actor: Actor, items: list[AuditItem]) -> None:
        """Many audit rows, in order (bulk import): each as :meth:`add` adds it, so
        they join the chain when the unit of work commits."""
        for x in items:
            self.add(actor, x.action, x.entity_type, x.entity_id, before=x.before, after=x.after,
                     legal_ground=x.legal_ground, reason=x.reason)

    def discard(self) -> None:
        self._pending = []

    def _lock_head(self) -> AuditHeadRow:
        """Lock the chain's head row (created on first use) and return it."""
        done = self._s.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1)
                               .values(seq=AuditHeadRow.seq)).rowcount  # type: ignore[attr-defined]
        if not done:
            last = self._s.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1)).first()
            self._s.add(AuditHeadRow(id=1, seq=last.seq if last else 0,
                                     row_hash=last.row_hash if last else None))
            self._s.flush()
        head = self._s.get(AuditHeadRow, 1, populate_existing=True)
        assert head is not None
        return head

    def seal(self) -> None:
        """Append the collected rows to the chain (in the unit of work's transaction)."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        self._s.flush()
        head = self._lock_head()
        seq, prev = head.seq, head.row_hash or audit_chain.GENESIS
        digests_of: dict[tuple[str, str], dict[str, str] | None] = {}
        # Many cases (their respondents' rows "number#i") and listings at once
        # (an import, the demo): digested in bulk.
        digests_of.update(_many_digests(self._s, pending))
        rows: list[dict[str, Any]] = []
        for p in pending:
            key = (p.entity_type, p.entity_id)
            if key not in digests_of:
                digests_of[key] = entity_digests(self._s, *key)
            digests = digests_of[key]
            seq += 1
            fields: dict[str, Any] = {
                "seq": seq, "at": p.at, "user_id": p.user_id, "username": p.username,
                "action": p.action, "entity_type": p.entity_type, "entity_id": p.entity_id,
                "before": p.before, "after": p.after, "legal_ground": p.legal_ground,
                "reason": p.reason, "prev_hash": prev,
                "content_hash": None if digests is None else audit_chain.content_hash(digests)}
            row_hash = audit_chain.row_hash(fields)
            rows.append({**fields, "row_hash": row_hash,
                         "content_digests": None if digests is None else canonical_json(digests)})
            prev = row_hash
        # One multi-row insert (seq is set here): a bulk import seals thousands.
        insert_rows(self._s, AuditRow, rows)
        head.seq, head.row_hash = seq, prev
        self._s.flush()

    def last_change(self, entity_type: str, entity_id: str) -> tuple[str, datetime] | None:
        """Who changed this record last, and when (from the newest audit row)."""
        row = self._s.execute(select(AuditRow.username, AuditRow.at)
                              .where(AuditRow.entity_type == entity_type,
                                     AuditRow.entity_id == entity_id)
                              .order_by(AuditRow.seq.desc()).limit(1)).first()
        if row is None:
            return None
        at = row[1] if row[1].tzinfo else row[1].replace(tzinfo=UTC)  # SQLite keeps UTC, naive
        return row[0], at

    @staticmethod
    def _filtered(q: Any, *, entity_type: str | None, entity_id: str | None,
                  username: str | None, case_number: str | None) -> Any:
        if case_number:
            q = q.where(AuditRow.entity_id.startswith(case_number, autoescape=True))
        if entity_type:
            q = q.where(AuditRow.entity_type == entity_type)
        if entity_id:
            q = q.where(AuditRow.entity_id == entity_id)
        if username:
            q = q.where(AuditRow.username == username)
        return q

    def entries(self, *, entity_type: str | None = None, entity_id: str | None = None,
                username: str | None = None, case_number: str | None = None,
                limit: int = 200) -> list[AuditEntry]:
        q = self._filtered(select(AuditRow).order_by(AuditRow.seq.desc()).limit(limit),
                           entity_type=entity_type, entity_id=entity_id, username=username,
                           case_number=case_number)
        return [AuditEntry(r.seq, r.at, r.username, r.action, r.entity_type, r.entity_id,
                           r.before, r.after, r.legal_ground, r.reason)
                for r in self._s.scalars(q)]

    def count(self, *, entity_type: str | None = None, entity_id: str | None = None,
              username: str | None = None, case_number: str | None = None) -> int:
        """How many records the same filters match (for "showing N of M")."""
        q = self._filtered(select(func.count()).select_from(AuditRow), entity_type=entity_type,
                           entity_id=entity_id, username=username, case_number=case_number)
        return int(self._s.scalar(q) or 0)

    def failures_since_login(self, username: str, user_id: int | None, *, limit: int) -> list[datetime]:
        """When the last failed logins of ``username`` happened (newest first, at most
        ``limit``), after its last successful login."""
        since = 0
        if user_id is not None:
            since = self._s.scalar(select(func.max(AuditRow.seq)).where(
                AuditRow.action == "user.login", AuditRow.entity_type == "user",
                AuditRow.entity_id == str(user_id))) or 0
        q = (select(AuditRow.at).where(AuditRow.entity_type == "login",
                                       AuditRow.entity_id == username,
                                       AuditRow.action == "user.login_failed",
                                       AuditRow.seq > since)
             .order_by(AuditRow.seq.desc()).limit(limit))
        return [at if at.tzinfo else at.replace(tzinfo=UTC) for at in self._s.scalars(q)]

    def verify(self) -> VerifyResult:
        """Walk the chain from the first row; compare each entity's rows with the
        digests of its last audit row."""
        result = VerifyResult()
        prev = audit_chain.GENESIS
        last_seq = 0
        last: dict[tuple[str, str], tuple[int, str | None]] = {}
        cols = list(AuditRow.__table__.columns)
        q = select(*cols).order_by(AuditRow.seq).execution_options(yield_per=2000)
        for r in self._s.execute(q).mappings():
            result.records += 1
            if result.broken_seq is None:
                if r["prev_hash"] != prev:
                    result.broken_seq = r["seq"]
                    result.broken_reason = ("a record before it is missing or was changed"
                                            if r["seq"] != last_seq + 1 else
                                            "it does not follow the record before it")
                elif r["row_hash"] != audit_chain.row_hash(dict(r)):
                    result.broken_seq = r["seq"]
                    result.broken_reason = "the record was changed"
            prev = r["row_hash"] or ""
            last_seq = r["seq"]
            if r["content_hash"] is not None:
                last[(r["entity_type"], r["entity_id"])] = (r["seq"], r["content_digests"])
        head = self._s.get(AuditHeadRow, 1)
        if result.broken_seq is None and head is not None and (
                head.seq != last_seq or (head.row_hash or audit_chain.GENESIS) != prev):
            result.broken_seq = head.seq if head.seq > last_seq else last_seq
            result.broken_reason = ("the last records are missing" if head.seq > last_seq
                                    else "the chain's head does not match the last record")
        for (etype, eid), (seq, stored) in last.items():
            now = entity_digests(self._s, etype, eid) or {}
            then: dict[str, str] = json.loads(stored) if stored else {}
            changed = tuple(sorted(k for k in now.keys() | then.keys() if now.get(k) != then.get(k)))
            if changed:
                result.mismatches.append(ContentMismatch(etype, eid, seq, changed))
        result.mismatches.sort(key=lambda m: m.seq)
        return result
