"""Enforcement cases and the persons behind their parties.

A person (natural or entity) is one record however many cases name it: the
ID number or credit code is the key (:class:`_PersonResolver`).  The case
list's summary columns (names, amounts, performance) are cached on the case
row and recomputed on every save (:func:`case_columns`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Dialect,
    Engine,
    Select,
    bindparam,
    delete,
    func,
    or_,
    select,
    tuple_,
    union,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from courtapp.core.db.orm import (
    CASE_DEADLINE_SORT,
    CasePartyRow,
    CaseRow,
    ConductRow,
    FindingRow,
    ObligationRow,
    OfficerRow,
    PaymentRow,
    PersonRow,
    PropertyRow,
    SecurityRow,
)
from courtapp.core.db.repositories.bulk import insert_rows, new_ids
from courtapp.core.domain.errors import ConflictError, ErrorCollector, FieldError, NotFound
from courtapp.core.domain.identifiers import normalize_case_number, parse_case_number
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import (
    Basis,
    BasisKind,
    ConductRecord,
    ConductType,
    Court,
    EnforcementCase,
    ExecutionNotice,
    Finding,
    Obligation,
    ObligationKind,
    Officer,
    OfficerRole,
    Party,
    PartyKind,
    Payment,
    PropertyItem,
    PropertyKind,
    PropertyMeasure,
    PublicRole,
    SecurityItem,
    SecurityKind,
    ServiceMethod,
    derive_stage,
)
from courtapp.core.domain.money import from_fen, to_fen
from courtapp.core.domain.paging import Page, page_of
from courtapp.core.domain.records import CaseRecord, PersonInfo
from courtapp.core.domain.search import CaseSummary, SearchQuery, SortKey


def _person_to_party(p: PersonRow) -> Party:
    kind = PartyKind(p.kind)
    officers = [Officer(OfficerRole(o.role), o.person.name, o.person.id_number or "")
                for o in p.officers] if kind is PartyKind.ENTITY else []
    return Party(kind, p.name, p.id_number, p.credit_code, officers)


def _case_party(cp: CasePartyRow) -> Party:
    party = _person_to_party(cp.person)
    party.public_role = PublicRole(cp.public_role) if cp.public_role else None
    party.notify_body = cp.notify_body
    return party


def row_to_case(r: CaseRow) -> EnforcementCase:
    n = None
    if r.notice_issued_on is not None and r.notice_deadline is not None:
        n = ExecutionNotice(
            r.notice_issued_on, r.notice_deadline, r.notice_served_on,
            ServiceMethod(r.notice_service_method) if r.notice_service_method else None)
    return EnforcementCase(
        case_number=r.case_number,
        court=Court(r.court_name, r.court_code),
        filed_on=r.filed_on,
        judge=r.judge,
        basis=Basis(BasisKind(r.basis_kind), r.basis_issuer, r.basis_document_number,
                    r.basis_effective_on),
        applicants=[_case_party(cp) for cp in r.parties if cp.side == "applicant"],
        respondents=[_case_party(cp) for cp in r.parties if cp.side == "respondent"],
        obligations=[
            Obligation(ObligationKind(o.kind), o.description,
                       None if o.amount_fen is None else from_fen(o.amount_fen),
                       None if o.converted_fen is None else from_fen(o.converted_fen))
            for o in r.obligations],
        execution_notice=n,
        payments=[
            Payment(p.paid_on, p.respondent,
                    None if p.amount_fen is None else from_fen(p.amount_fen),
                    p.act, p.obligation, p.evidence)
            for p in r.payments],
        property=[
            PropertyItem(PropertyKind(x.kind), x.description, from_fen(x.value_fen), x.found_on,
                         PropertyMeasure(x.measure), x.respondent)
            for x in r.property_items],
        security=[SecurityItem(SecurityKind(s.kind), from_fen(s.value_fen), s.respondent,
                               s.description) for s in r.securities],
        conduct=[ConductRecord(ConductType(c.type), c.occurred_on, c.description, c.respondent)
                 for c in r.conduct],
        findings=[Finding(f.respondent, f.able_to_perform, f.later_in_performance_order,
                          f.campus_loan_student, f.serious_violence,
                          f.campus_loan_exception_reason or "") for f in r.findings],
    )


def load_records(session: Session, cond: ColumnElement[bool]) -> list[CaseRecord]:
    """The cases matching ``cond`` as :func:`row_to_case` gives them, read with one
    plain query per table (no ORM objects): the fast path for many cases (export).
    Pending ORM changes are flushed first, as an ORM query would (autoflush)."""
    if session.autoflush:
        session.flush()
    cases: list[Any] = list(session.execute(
        select(CaseRow.__table__).where(cond).order_by(CaseRow.id)).mappings())
    if not cases:
        return []
    ids = [c["id"] for c in cases]
    parties: dict[int, list[Any]] = {}
    for pr in session.execute(
            select(CasePartyRow.case_id, CasePartyRow.side, CasePartyRow.public_role,
                   CasePartyRow.notify_body, PersonRow.id, PersonRow.kind, PersonRow.name,
                   PersonRow.id_number, PersonRow.credit_code)
            .join(PersonRow, PersonRow.id == CasePartyRow.person_id)
            .where(CasePartyRow.case_id.in_(ids))
            .order_by(CasePartyRow.case_id, CasePartyRow.position)):
        parties.setdefault(pr[0], []).append(pr)
    entities = sorted({r[4] for rs in parties.values() for r in rs if r[5] == PartyKind.ENTITY.value})
    officers: dict[int, list[Officer]] = {}
    for part in _chunks(entities):
        for eid, role, name, idn in session.execute(
                select(OfficerRow.entity_id, OfficerRow.role, PersonRow.name, PersonRow.id_number)
                .join(PersonRow, PersonRow.id == OfficerRow.person_id)
                .where(OfficerRow.entity_id.in_(part))
                .order_by(OfficerRow.entity_id, OfficerRow.position)):
            officers.setdefault(eid, []).append(Officer(OfficerRole(role), name, idn or ""))
    children: dict[str, dict[int, list[Any]]] = {}
    for table, cls in _CHILD_ROW_CLASSES.items():
        rows: dict[int, list[Any]] = {}
        for cr in session.execute(select(cls.__table__).where(cls.case_id.in_(ids))
                                  .order_by(cls.case_id, cls.position)).mappings():
            rows.setdefault(cr["case_id"], []).append(cr)
        children[table] = rows
    out = []
    for r in cases:
        cid = r["id"]
        ps = parties.get(cid, [])

        def party(x: Any) -> Party:
            kind = PartyKind(x[5])
            return Party(kind, x[6], x[7], x[8],
                         list(officers.get(x[4], [])) if kind is PartyKind.ENTITY else [],
                         PublicRole(x[2]) if x[2] else None, x[3])

        n = None
        if r["notice_issued_on"] is not None and r["notice_deadline"] is not None:
            n = ExecutionNotice(r["notice_issued_on"], r["notice_deadline"], r["notice_served_on"],
                                ServiceMethod(r["notice_service_method"])
                                if r["notice_service_method"] else None)
        ch = {t: children[t].get(cid, []) for t in _CHILD_TABLES}
        case = EnforcementCase(
            case_number=r["case_number"], court=Court(r["court_name"], r["court_code"]),
            filed_on=r["filed_on"], judge=r["judge"],
            basis=Basis(BasisKind(r["basis_kind"]), r["basis_issuer"], r["basis_document_number"],
                        r["basis_effective_on"]),
            applicants=[party(x) for x in ps if x[1] == "applicant"],
            respondents=[party(x) for x in ps if x[1] == "respondent"],
            obligations=[
                Obligation(ObligationKind(o["kind"]), o["description"],
                           None if o["amount_fen"] is None else from_fen(o["amount_fen"]),
                           None if o["converted_fen"] is None else from_fen(o["converted_fen"]))
                for o in ch["obligations"]],
            execution_notice=n,
            payments=[
                Payment(p["paid_on"], p["respondent"],
                        None if p["amount_fen"] is None else from_fen(p["amount_fen"]),
                        p["act"], p["obligation"], p["evidence"])
                for p in ch["payments"]],
            property=[
                PropertyItem(PropertyKind(x["kind"]), x["description"], from_fen(x["value_fen"]),
                             x["found_on"], PropertyMeasure(x["measure"]), x["respondent"])
                for x in ch["property_items"]],
            security=[SecurityItem(SecurityKind(x["kind"]), from_fen(x["value_fen"]), x["respondent"],
                                   x["description"]) for x in ch["securities"]],
            conduct=[ConductRecord(ConductType(x["type"]), x["occurred_on"], x["description"],
                                   x["respondent"]) for x in ch["conduct"]],
            findings=[Finding(f["respondent"], f["able_to_perform"], f["later_in_performance_order"],
                              f["campus_loan_student"], f["serious_violence"],
                              f["campus_loan_exception_reason"] or "") for f in ch["findings"]],
        )
        out.append(CaseRecord(cid, r["version"], case,
                              tuple(x[4] for x in ps if x[1] == "respondent")))
    return out


def _names(parties: Sequence[Party], limit: int = 400) -> str:
    text = "、".join(p.name for p in parties)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _PersonResolver:
    """Finds or creates the one person record behind an ID number or credit code."""

    def __init__(self, session: Session, errors: ErrorCollector) -> None:
        self.session = session
        self.errors = errors
        self.cache: dict[str, PersonRow] = {}

    def resolve(self, kind: PartyKind, name: str, identifier: str, path: str,
                field_name: str) -> PersonRow | None:
        key = f"{kind.value}:{identifier}"
        row = self.cache.get(key)
        if row is None:
            col = PersonRow.id_number if kind is PartyKind.PERSON else PersonRow.credit_code
            row = self.session.scalar(select(PersonRow).where(col == identifier))
        if row is not None:
            if row.kind != kind.value:
                self.errors.add(f"{path}.{field_name}", "party.kind_conflict",
                                "this number is registered to a party of another kind",
                                "该号码已登记为另一类当事人")
                return None
            if row.name != name:
                self.errors.add(
                    f"{path}.name", "party.name_conflict",
                    f"this {field_name.replace('_', ' ')} is registered to {row.name}; "
                    "use that record or correct the number",
                    f"该号码已登记于“{row.name}”名下，请使用该记录或更正号码")
                return None
        else:
            row = PersonRow(
                kind=kind.value, name=name,
                id_number=identifier if kind is PartyKind.PERSON else None,
                credit_code=identifier if kind is PartyKind.ENTITY else None,
                created_at=datetime.now(UTC))
            self.session.add(row)
        self.cache[key] = row
        return row


def case_columns(case: EnforcementCase) -> dict[str, object]:
    """The ``cases`` columns for ``case``, including the cached list summary.

    Shared by the service and the bulk demo loader, so both store the same thing.
    """
    num = parse_case_number(case.case_number)
    b = case.basis
    n = case.execution_notice
    return {
        "case_number": str(num), "year": num.year, "court_code": num.court_code,
        "type_code": num.type_code, "sequence": num.sequence,
        "court_name": case.court.name, "filed_on": case.filed_on, "judge": case.judge,
        "basis_kind": b.kind.value, "basis_issuer": b.issuer,
        "basis_document_number": b.document_number, "basis_effective_on": b.effective_on,
        "notice_issued_on": n.issued_on if n else None,
        "notice_deadline": n.deadline if n else None,
        "notice_served_on": n.served_on if n else None,
        "notice_service_method": n.service_method.value if n and n.service_method else None,
        "applicant_names": _names(case.applicants),
        "respondent_names": _names(case.respondents),
        "due_fen": to_fen(case.total_due()),
        "outstanding_fen": to_fen(case.outstanding()),
        "performed": bool(case.obligations) and case.fully_performed(),
        "partly_performed": case.partly_performed(),
    }


def _apply(session: Session, row: CaseRow, case: EnforcementCase, errors: ErrorCollector) -> None:
    """Write ``case`` into ``row`` and its child rows (replacing the lists)."""
    for key, value in case_columns(case).items():
        setattr(row, key, value)
    row.updated_at = datetime.now(UTC)

    resolver = _PersonResolver(session, errors)
    parties: list[CasePartyRow] = []
    for side, plist in (("applicant", case.applicants), ("respondent", case.respondents)):
        for i, p in enumerate(plist):
            path = f"{side}s[{i}]"
            field_name = "id_number" if p.kind is PartyKind.PERSON else "credit_code"
            person = resolver.resolve(p.kind, p.name, p.identifier, path, field_name)
            if person is None:
                continue
            if p.kind is PartyKind.ENTITY:
                # The entity's officers belong to the entity record, shared by its cases.
                officer_rows = []
                for j, o in enumerate(p.officers):
                    op = resolver.resolve(PartyKind.PERSON, o.name, o.id_number,
                                          f"{path}.officers[{j}]", "id_number")
                    if op is not None:
                        officer_rows.append(OfficerRow(person=op, role=o.role.value, position=j))
                if [(o.role, o.person.id_number) for o in person.officers] != [
                        (o.role, o.person.id_number) for o in officer_rows]:
                    person.officers = officer_rows
            parties.append(CasePartyRow(
                person=person, side=side, position=len(parties),
                public_role=p.public_role.value if p.public_role else None,
                notify_body=p.notify_body))
    row.parties = parties
    row.obligations = [
        ObligationRow(position=i, kind=o.kind.value, description=o.description,
                      amount_fen=None if o.amount is None else to_fen(o.amount),
                      converted_fen=None if o.converted_amount is None else to_fen(o.converted_amount))
        for i, o in enumerate(case.obligations)]
    row.payments = [
        PaymentRow(position=i, paid_on=p.on, respondent=p.respondent,
                   amount_fen=None if p.amount is None else to_fen(p.amount), act=p.act,
                   obligation=p.obligation, evidence=p.evidence)
        for i, p in enumerate(case.payments)]
    row.property_items = [
        PropertyRow(position=i, kind=x.kind.value, description=x.description,
                    value_fen=to_fen(x.value), found_on=x.found_on, measure=x.measure.value,
                    respondent=x.respondent)
        for i, x in enumerate(case.property)]
    row.securities = [
        SecurityRow(position=i, kind=s.kind.value, value_fen=to_fen(s.value),
                    respondent=s.respondent, description=s.description)
        for i, s in enumerate(case.security)]
    row.conduct = [
        ConductRow(position=i, type=c.type.value, occurred_on=c.on, description=c.description,
                   respondent=c.respondent)
        for i, c in enumerate(case.conduct)]
    row.findings = [
        FindingRow(position=i, respondent=f.respondent, able_to_perform=f.able_to_perform,
                   later_in_performance_order=f.later_in_performance_order,
                   campus_loan_student=f.campus_loan_student, serious_violence=f.serious_violence,
                   campus_loan_exception_reason=f.campus_loan_exception_reason)
        for i, f in enumerate(case.findings)]


# ------------------------------------------------------------ bulk storing
_CHILD_TABLES = ("obligations", "payments", "property_items", "securities", "conduct", "findings")


def _child_rows(case: EnforcementCase) -> dict[str, list[dict[str, object]]]:
    """The per-case list rows of ``case`` (without ``case_id``), as :func:`_apply` writes them."""
    return {
        "obligations": [
            {"position": i, "kind": o.kind.value, "description": o.description,
             "amount_fen": None if o.amount is None else to_fen(o.amount),
             "converted_fen": None if o.converted_amount is None else to_fen(o.converted_amount)}
            for i, o in enumerate(case.obligations)],
        "payments": [
            {"position": i, "paid_on": p.on, "respondent": p.respondent,
             "amount_fen": None if p.amount is None else to_fen(p.amount), "act": p.act,
             "obligation": p.obligation, "evidence": p.evidence}
            for i, p in enumerate(case.payments)],
        "property_items": [
            {"position": i, "kind": x.kind.value, "description": x.description,
             "value_fen": to_fen(x.value), "found_on": x.found_on, "measure": x.measure.value,
             "respondent": x.respondent}
            for i, x in enumerate(case.property)],
        "securities": [
            {"position": i, "kind": s.kind.value, "value_fen": to_fen(s.value),
             "respondent": s.respondent, "description": s.description}
            for i, s in enumerate(case.security)],
        "conduct": [
            {"position": i, "type": c.type.value, "occurred_on": c.on,
             "description": c.description, "respondent": c.respondent}
            for i, c in enumerate(case.conduct)],
        "findings": [
            {"position": i, "respondent": f.respondent, "able_to_perform": f.able_to_perform,
             "later_in_performance_order": f.later_in_performance_order,
             "campus_loan_student": f.campus_loan_student,
             "serious_violence": f.serious_violence,
             "campus_loan_exception_reason": f.campus_loan_exception_reason}
            for i, f in enumerate(case.findings)],
    }


_CHILD_ROW_CLASSES: dict[str, type[Any]] = {
    "obligations": ObligationRow, "payments": PaymentRow, "property_items": PropertyRow,
    "securities": SecurityRow, "conduct": ConductRow, "findings": FindingRow,
}

#: Rows per ``IN (...)`` list (SQLite allows 32,766 parameters; PostgreSQL 65,535).
_IN_CHUNK = 5000


def _chunks(values: Sequence[Any], size: int = _IN_CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


class _Person:
    """A person known to one bulk store: its id (None until inserted), kind and name,
    and its officers as ``[(role, officer key)]`` (entities only)."""

    __slots__ = ("id", "identifier", "kind", "name", "officers", "officers_changed", "new")

    def __init__(self, pid: int | None, kind: str, name: str, identifier: str, *, new: bool) -> None:
        self.id, self.kind, self.name, self.identifier = pid, kind, name, identifier
        self.officers: list[tuple[str, str]] = []
        self.officers_changed = False
        self.new = new


class _BulkPersons:
    """:class:`_PersonResolver` for many cases at once: one query per identifier kind
    for the whole batch instead of one (with an autoflush) per party."""

    def __init__(self, session: Session, cases: Sequence[EnforcementCase]) -> None:
        self.session = session
        ids: set[str] = set()
        codes: set[str] = set()
        for c in cases:
            for p in (*c.applicants, *c.respondents):
                if p.kind is PartyKind.PERSON and p.id_number:
                    ids.add(p.id_number)
                elif p.credit_code:
                    codes.add(p.credit_code)
                ids.update(o.id_number for o in p.officers)
        self.known: dict[str, _Person] = {}
        for col, kind, values in ((PersonRow.id_number, PartyKind.PERSON, ids),
                                  (PersonRow.credit_code, PartyKind.ENTITY, codes)):
            for part in _chunks(sorted(values)):
                for pid, pkind, name, ident in session.execute(
                        select(PersonRow.id, PersonRow.kind, PersonRow.name, col)
                        .where(col.in_(part))):
                    self.known[f"{kind.value}:{ident}"] = _Person(pid, pkind, name, ident or "", new=False)
        entity_ids = {p.id: p for p in self.known.values() if p.kind == PartyKind.ENTITY.value}
        for part in _chunks(sorted(entity_ids)):
            for eid, role, ident in session.execute(
                    select(OfficerRow.entity_id, OfficerRow.role, PersonRow.id_number)
                    .join(PersonRow, PersonRow.id == OfficerRow.person_id)
                    .where(OfficerRow.entity_id.in_(part))
                    .order_by(OfficerRow.entity_id, OfficerRow.position)):
                entity_ids[eid].officers.append((role, f"person:{ident}"))

    def resolve(self, kind: PartyKind, name: str, identifier: str, path: str, field_name: str,
                errors: ErrorCollector) -> _Person | None:
        """The same checks and messages as :meth:`_PersonResolver.resolve`."""
        key = f"{kind.value}:{identifier}"
        p = self.known.get(key)
        if p is None:
            p = self.known[key] = _Person(None, kind.value, name, identifier, new=True)
            return p
        if p.kind != kind.value:
            errors.add(f"{path}.{field_name}", "party.kind_conflict",
                       "this number is registered to a party of another kind",
                       "该号码已登记为另一类当事人")
            return None
        if p.name != name:
            errors.add(
                f"{path}.name", "party.name_conflict",
                f"this {field_name.replace('_', ' ')} is registered to {p.name}; "
                "use that record or correct the number",
                f"该号码已登记于“{p.name}”名下，请使用该记录或更正号码")
            return None
        return p

    def store(self, now: datetime) -> None:
        """Insert the new persons (ids back in order) and write changed officer lists."""
        new = [p for p in self.known.values() if p.new and p.id is None]
        if new:
            rows = [{"kind": p.kind, "name": p.name,
                     "id_number": p.identifier if p.kind == PartyKind.PERSON.value else None,
                     "credit_code": p.identifier if p.kind == PartyKind.ENTITY.value else None,
                     "created_at": now, "version": 1} for p in new]
            for p, pid, row in zip(new, new_ids(self.session, PersonRow, len(new)), rows, strict=True):
                p.id = row["id"] = pid
            insert_rows(self.session, PersonRow, rows)
        changed = [p for p in self.known.values() if p.officers_changed]
        old = [p.id for p in changed if not p.new]
        for part in _chunks(old):
            self.session.execute(delete(OfficerRow).where(OfficerRow.entity_id.in_(part)))
        officer_rows = [{"entity_id": p.id, "person_id": self.known[okey].id, "role": role,
                         "position": j}
                        for p in changed for j, (role, okey) in enumerate(p.officers)]
        if officer_rows:
            insert_rows(self.session, OfficerRow, officer_rows)
        for p in changed:
            p.officers_changed = False
            p.new = False
        for p in new:
            p.new = False


def _case_query() -> Select[CaseRow]:
    return select(CaseRow).options(
        selectinload(CaseRow.parties).joinedload(CasePartyRow.person)
        .selectinload(PersonRow.officers),
        selectinload(CaseRow.obligations), selectinload(CaseRow.payments),
        selectinload(CaseRow.property_items), selectinload(CaseRow.securities),
        selectinload(CaseRow.conduct), selectinload(CaseRow.findings))


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _matching_ids(query: SearchQuery) -> Select[int] | CompoundSelect[int] | None:
    """A selectable of case ids matching the query (None: every case)."""
    kind = query.kind()
    t = query.folded
    if kind == "all":
        return None
    exact = query.exact()
    if exact is not None:  # the same rows as the prefix, found by equality
        return _exact_ids(*exact)
    if kind == "sequence":
        return select(CaseRow.id.label("cid")).where(CaseRow.sequence == query.sequence())
    if kind == "case_number":
        t = t.replace("（", "(").replace("）", ")")
        if not t.startswith("("):
            return select(CaseRow.id.label("cid")).where(
                CaseRow.case_number.like("%" + _like_prefix(t), escape="\\"))
        return select(CaseRow.id.label("cid")).where(
            CaseRow.case_number.like(_like_prefix(t), escape="\\"))
    if kind == "id_number":
        # A run of digits may begin an ID number or a credit code (91...).
        cond = or_(PersonRow.id_number.like(_like_prefix(t.upper()), escape="\\"),
                   PersonRow.credit_code.like(_like_prefix(t.upper()), escape="\\"))
    elif kind == "credit_code":
        cond = PersonRow.credit_code.like(_like_prefix(t.upper()), escape="\\")
    else:
        cond = PersonRow.name.like(_like_prefix(t), escape="\\")
    direct = (select(CasePartyRow.case_id.label("cid"))
              .join(PersonRow, PersonRow.id == CasePartyRow.person_id).where(cond))
    # Through an entity to its officers: searching a legal representative's ID
    # finds the cases of the entity.
    via_officer = (select(CasePartyRow.case_id.label("cid"))
                   .join(OfficerRow, OfficerRow.entity_id == CasePartyRow.person_id)
                   .join(PersonRow, PersonRow.id == OfficerRow.person_id).where(cond))
    return union(direct, via_officer)


def _exact_ids(kind: str, value: object) -> Select[int] | CompoundSelect[int]:
    """The ids of the cases an exact lookup finds (:meth:`SearchQuery.exact`):
    equality on a unique or indexed column."""
    if kind == "case_number":
        return select(CaseRow.id.label("cid")).where(CaseRow.case_number == value)
    if kind == "sequence":
        return select(CaseRow.id.label("cid")).where(CaseRow.sequence == value)
    cond = (PersonRow.credit_code == value if kind == "credit_code"
            else or_(PersonRow.id_number == value, PersonRow.credit_code == value))
    direct = (select(CasePartyRow.case_id.label("cid"))
              .join(PersonRow, PersonRow.id == CasePartyRow.person_id).where(cond))
    via_officer = (select(CasePartyRow.case_id.label("cid"))
                   .join(OfficerRow, OfficerRow.entity_id == CasePartyRow.person_id)
                   .join(PersonRow, PersonRow.id == OfficerRow.person_id).where(cond))
    return union(direct, via_officer)


class _ListRow(NamedTuple):
    """A case row as the list reads it: a summary's columns and the sort keys'."""

    id: int
    case_number: str
    court_name: str
    filed_on: date
    judge: str
    applicant_names: str
    respondent_names: str
    due_fen: int
    outstanding_fen: int
    notice_deadline: date | None
    performed: bool
    partly_performed: bool
    notice_issued_on: date | None
    notice_served_on: date | None
    version: int
    year: int
    court_code: str
    type_code: str
    sequence: int


@dataclass(frozen=True)
class _ExactSQL:
    """The first page of an exact lookup, compiled once for a dialect."""

    sql: str
    params: dict[str, Any]  # the compiled parameters; the looked-up value is "v"
    positions: tuple[str, ...] | None  # their order, for a positional paramstyle
    processors: tuple[Callable[[Any], Any] | None, ...]  # per column, as SQLAlchemy types read


@functools.lru_cache(maxsize=64)
def _exact_sql(dialect: Dialect, kind: str, sort: SortKey, descending: bool,
               limit: int) -> _ExactSQL:
    columns = [CaseRow.__table__.c[name] for name in _ListRow._fields]
    v: BindParameter[Any] = bindparam("v")
    where = (CaseRow.case_number == v if kind == "case_number" else CaseRow.sequence == v
             if kind == "sequence" else CaseRow.id.in_(_exact_ids(kind, v)))
    cols = [*_sort_columns(sort), CaseRow.id]
    q = (select(*columns).where(where)
         .order_by(*(c.desc() if descending else c.asc() for c in cols)).limit(limit + 1))
    compiled = q.compile(dialect=dialect)
    return _ExactSQL(
        compiled.string, dict(compiled.construct_params({"v": None})),
        tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None,
        tuple(c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns))


#: A name prefix matching at least this many persons is common: the case list walks
#: the cases in the list's order and stops at the page's end, instead of building
#: and sorting every match first.
COMMON_PREFIX = 500


def _walk_condition(session: Session, query: SearchQuery) -> ColumnElement[bool] | None:
    """For a common name prefix, a correlated EXISTS on the case row (the plan that
    walks the cases in order); None for a rare one or another kind of search.

    The choice is made from a cheap estimate: the matching persons are counted
    on the name index, up to :data:`COMMON_PREFIX`.
    """
    if query.kind() != "name":
        return None
    cond = PersonRow.name.like(_like_prefix(query.folded), escape="\\")
    found = session.scalar(select(func.count()).select_from(
        select(PersonRow.id).where(cond).limit(COMMON_PREFIX).subquery())) or 0
    if found < COMMON_PREFIX:
        return None
    direct = (select(CasePartyRow.id).join(PersonRow, PersonRow.id == CasePartyRow.person_id)
              .where(CasePartyRow.case_id == CaseRow.id, cond).exists())
    via_officer = (select(CasePartyRow.id)
                   .join(OfficerRow, OfficerRow.entity_id == CasePartyRow.person_id)
                   .join(PersonRow, PersonRow.id == OfficerRow.person_id)
                   .where(CasePartyRow.case_id == CaseRow.id, cond).exists())
    return or_(direct, via_officer)


def _fetch(conn: Any, sql: str, args: Any) -> list[Any]:
    """Every row of one statement on a DB-API connection."""
    cur = conn.cursor()
    try:
        cur.execute(sql, args)
        return list(cur.fetchall())
    finally:
        cur.close()


def _existing_number(session: Session, number: str, exclude_id: int | None = None) -> bool:
    num = parse_case_number(number)
    q = select(CaseRow.id).where(
        CaseRow.year == num.year, CaseRow.court_code == num.court_code,
        CaseRow.type_code == num.type_code, CaseRow.sequence == num.sequence)
    if exclude_id is not None:
        q = q.where(CaseRow.id != exclude_id)
    return session.scalar(q) is not None


def _prefixed(errors: Iterable[FieldError], prefix: str) -> list[FieldError]:
    if not prefix:
        return list(errors)
    return [FieldError(f"{prefix}.{e.path}", e.rule, e.en, e.zh) for e in errors]



def _record(row: CaseRow) -> CaseRecord:
    return CaseRecord(row.id, row.version, row_to_case(row),
                      tuple(cp.person_id for cp in row.parties if cp.side == "respondent"))


def _summary(r: CaseRow | _ListRow, as_of: date) -> CaseSummary:
    return CaseSummary(
        id=r.id, case_number=r.case_number, court_name=r.court_name, filed_on=r.filed_on,
        judge=r.judge, applicant_names=r.applicant_names, respondent_names=r.respondent_names,
        due=from_fen(r.due_fen), outstanding=from_fen(r.outstanding_fen),
        notice_deadline=r.notice_deadline,
        stage=derive_stage(performed=r.performed, partly=r.partly_performed,
                           notice_issued_on=r.notice_issued_on, served_on=r.notice_served_on,
                           deadline=r.notice_deadline, as_of=as_of),
        version=r.version)


def _sort_columns(key: SortKey) -> list[ColumnElement[Any] | InstrumentedAttribute[Any]]:
    """The columns a sort key orders by, before the id that breaks ties."""
    table: dict[SortKey, list[ColumnElement[Any] | InstrumentedAttribute[Any]]] = {
        SortKey.NEWEST: [],
        SortKey.CASE_NUMBER: [CaseRow.year, CaseRow.court_code, CaseRow.type_code,
                              CaseRow.sequence],
        SortKey.RESPONDENTS: [CaseRow.respondent_names],
        SortKey.APPLICANTS: [CaseRow.applicant_names],
        SortKey.FILED_ON: [CaseRow.filed_on],
        SortKey.JUDGE: [CaseRow.judge],
        SortKey.OUTSTANDING: [CaseRow.outstanding_fen],
        SortKey.DEADLINE: [DEADLINE_SORT],
    }
    return table[key]


DEADLINE_SORT = CASE_DEADLINE_SORT


def _cursor(r: CaseRow | _ListRow, key: SortKey) -> tuple[object, ...]:
    values: dict[SortKey, tuple[object, ...]] = {
        SortKey.NEWEST: (),
        SortKey.CASE_NUMBER: (r.year, r.court_code, r.type_code, r.sequence),
        SortKey.RESPONDENTS: (r.respondent_names,),
        SortKey.APPLICANTS: (r.applicant_names,),
        SortKey.FILED_ON: (r.filed_on,),
        SortKey.JUDGE: (r.judge,),
        SortKey.OUTSTANDING: (r.outstanding_fen,),
        SortKey.DEADLINE: (r.notice_deadline or date(9999, 12, 31),),
    }
    return (*values[key], r.id)


class CaseRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    # ------------------------------------------------------------ reading
    def get(self, case_id: int) -> CaseRecord:
        found = load_records(self._s, CaseRow.id == case_id)  # plain queries, no ORM graph
        if not found:
            raise NotFound(f"case id {case_id}")
        return found[0]

    def by_number(self, case_number: str) -> CaseRecord:
        try:
            number = normalize_case_number(case_number)
        except ValueError:
            raise NotFound(f"no case {case_number}: not a valid case number",
                           Message("error.no_case_invalid", {"number": case_number})) from None
        found = load_records(self._s, CaseRow.case_number == number)  # plain queries
        if not found:
            raise NotFound(f"no case {case_number}", Message("error.no_case", {"number": case_number}))
        return found[0]

    def by_numbers(self, case_numbers: Sequence[str]) -> list[CaseRecord]:
        """The cases with these numbers, in the same order, loaded in batches (one
        query per child table per batch, not per case); NotFound names the first
        number that is missing or invalid, as :meth:`by_number` does."""
        numbers = []
        for n in case_numbers:
            try:
                numbers.append(normalize_case_number(n))
            except ValueError:
                raise NotFound(f"no case {n}: not a valid case number",
                               Message("error.no_case_invalid", {"number": n})) from None
        found: dict[str, CaseRecord] = {}
        for part in _chunks(sorted(set(numbers)), 500):
            for loaded in load_records(self._s, CaseRow.case_number.in_(part)):
                found[loaded.case.case_number] = loaded
        out = []
        for given, n in zip(case_numbers, numbers, strict=True):
            rec = found.get(n)
            if rec is None:
                raise NotFound(f"no case {given}", Message("error.no_case", {"number": given}))
            out.append(rec)
        return out

    def records(self, case_ids: Iterable[int]) -> dict[int, CaseRecord]:
        """:meth:`many` read with one plain query per table per 500 cases (no ORM
        objects): for runs over many cases (the daily run, export)."""
        ids = sorted(set(case_ids))
        out: dict[int, CaseRecord] = {}
        for part in _chunks(ids, 500):
            out.update((r.id, r) for r in load_records(self._s, CaseRow.id.in_(part)))
        return out

    def many(self, case_ids: Iterable[int]) -> dict[int, CaseRecord]:
        ids = sorted(set(case_ids))
        if not ids:
            return {}
        return {r.id: _record(r) for r in self._s.scalars(_case_query().where(CaseRow.id.in_(ids)))}

    def number(self, case_id: int) -> str:
        number = self._s.scalar(select(CaseRow.case_number).where(CaseRow.id == case_id))
        if number is None:
            raise NotFound(f"case id {case_id}")
        return number

    def numbers(self, case_ids: Iterable[int]) -> dict[int, str]:
        ids = sorted(set(case_ids))
        if not ids:
            return {}
        return dict(self._s.execute(select(CaseRow.id, CaseRow.case_number)
                                    .where(CaseRow.id.in_(ids))))

    def number_taken(self, number: str, exclude_id: int | None = None) -> bool:
        return _existing_number(self._s, number, exclude_id)

    # ------------------------------------------------------------ writing
    def add(self, case: EnforcementCase, errors: ErrorCollector, prefix: str = "") -> int | None:
        """Store a new case (its persons found or created); refusals go to ``errors``
        under ``prefix``.  Returns the new id (flushed), or None if refused."""
        now = datetime.now(UTC)
        row = CaseRow(created_at=now, updated_at=now)
        sub = ErrorCollector()
        _apply(self._s, row, case, sub)
        errors.extend(_prefixed(sub.errors, prefix))
        if sub:
            return None
        self._s.add(row)
        self._s.flush()
        return row.id

    def update(self, case_id: int, expected_version: int, case: EnforcementCase,
               errors: ErrorCollector) -> CaseRecord | None:
        """Replace a case's data; ConflictError if someone saved it meanwhile."""
        row = self._s.scalar(_case_query().where(CaseRow.id == case_id))
        if row is None:
            raise NotFound(f"case id {case_id}")
        if row.version != expected_version:
            raise ConflictError(f"case {row.case_number} was changed by someone else "
                                f"(version {row.version}, you had {expected_version})",
                                record=row.case_number, entity=("case", row.case_number))
        number = row.case_number  # the row cannot be read after a failed flush
        try:  # _apply's queries flush what it changed so far (autoflush)
            _apply(self._s, row, case, errors)
            if errors:
                return None
            self._s.flush()
        except StaleDataError:
            raise ConflictError(f"case {number} was changed by someone else",
                                record=number, entity=("case", number)) from None
        return _record(row)

    def numbers_taken(self, numbers: Sequence[str]) -> set[str]:
        """Which of these (normalised) case numbers are already registered: one query."""
        out: set[str] = set()
        for part in _chunks(sorted(set(numbers))):
            out.update(self._s.scalars(select(CaseRow.case_number)
                                       .where(CaseRow.case_number.in_(part))))
        return out

    def add_many(self, cases: Sequence[EnforcementCase], prefixes: Sequence[str],
                 errors: ErrorCollector) -> list[tuple[int, tuple[int, ...]] | None]:
        """Store new cases in bulk: their persons found with one query per identifier
        kind, every table written by one multi-row insert, no autoflush per case.

        The same checks and messages as :meth:`add` (refusals go to ``errors``
        under each case's prefix).  Returns, for each case, its new id and the
        person ids of its respondents, or None if it was refused.
        """
        now = datetime.now(UTC)
        s = self._s
        with s.no_autoflush:
            persons = _BulkPersons(s, cases)
            plans: list[list[tuple[str, _Person, Party]] | None] = []
            for case, prefix in zip(cases, prefixes, strict=True):
                sub = ErrorCollector()
                parties: list[tuple[str, _Person, Party]] = []
                for side, plist in (("applicant", case.applicants), ("respondent", case.respondents)):
                    for i, p in enumerate(plist):
                        path = f"{side}s[{i}]"
                        field_name = "id_number" if p.kind is PartyKind.PERSON else "credit_code"
                        person = persons.resolve(p.kind, p.name, p.identifier, path, field_name, sub)
                        if person is None:
                            continue
                        if p.kind is PartyKind.ENTITY:
                            # The entity's officers belong to the entity record, shared by its cases.
                            officers = []
                            for j, o in enumerate(p.officers):
                                op = persons.resolve(PartyKind.PERSON, o.name, o.id_number,
                                                     f"{path}.officers[{j}]", "id_number", sub)
                                if op is not None:
                                    officers.append((o.role.value, f"person:{o.id_number}"))
                            if officers != person.officers:
                                person.officers, person.officers_changed = officers, True
                        parties.append((side, person, p))
                errors.extend(_prefixed(sub.errors, prefix))
                plans.append(None if sub else parties)
            persons.store(now)
            ok = [(c, parties) for c, parties in zip(cases, plans, strict=True) if parties is not None]
            ids: Sequence[int] = []
            if ok:
                ids = new_ids(s, CaseRow, len(ok))
                insert_rows(s, CaseRow, [
                    {"id": cid, **case_columns(c), "created_at": now, "updated_at": now, "version": 1}
                    for cid, (c, _) in zip(ids, ok, strict=True)])
            party_rows: list[dict[str, object]] = []
            children: dict[str, list[dict[str, object]]] = {t: [] for t in _CHILD_TABLES}
            result: dict[int, tuple[int, tuple[int, ...]]] = {}
            for (c, parties), cid in zip(ok, ids, strict=True):
                for pos, (side, person, p) in enumerate(parties):
                    party_rows.append({
                        "case_id": cid, "person_id": person.id, "side": side, "position": pos,
                        "public_role": p.public_role.value if p.public_role else None,
                        "notify_body": p.notify_body})
                for table, rows in _child_rows(c).items():
                    for r in rows:
                        r["case_id"] = cid
                    children[table] += rows
                result[id(c)] = (cid, tuple(person.id for side, person, _ in parties  # type: ignore[misc]
                                            if side == "respondent"))
            if party_rows:
                insert_rows(s, CasePartyRow, party_rows)
            for table, rows in children.items():
                if rows:
                    insert_rows(s, _CHILD_ROW_CLASSES[table], rows)
        return [result.get(id(c)) for c in cases]

    # ------------------------------------------------------------ the list
    def search_page(self, query: SearchQuery, after: object | None, limit: int,
                    as_of: date) -> Page[CaseSummary]:
        """One page of the case list in ``query``'s order, after the keyset cursor
        ``after`` (the ``next_after`` of the page before)."""
        exact = query.exact()
        if exact is not None and after is None:
            return self._exact_page(query, exact, limit, as_of)
        cols = [*_sort_columns(query.sort), CaseRow.id]
        q = select(CaseRow)
        sub = _matching_ids(query)
        if sub is not None:
            walk = _walk_condition(self._s, query)
            q = q.where(walk if walk is not None else CaseRow.id.in_(sub))
        if after is not None:
            assert isinstance(after, tuple), after  # the next_after of a page this made
            key = tuple_(*cols)
            q = q.where(key < tuple_(*after) if query.descending else key > tuple_(*after))
        q = q.order_by(*(c.desc() if query.descending else c.asc() for c in cols)).limit(limit + 1)
        rows = list(self._s.scalars(q))
        page = page_of(rows, limit, lambda r: _cursor(r, query.sort))
        return Page([_summary(r, as_of) for r in page.rows], page.has_more, page.next_after)

    def _exact_page(self, query: SearchQuery, exact: tuple[str, str | int], limit: int,
                    as_of: date) -> Page[CaseSummary]:
        """The first page of an exact lookup (a case number, a sequence number, an ID
        number or credit code): ONE indexed SELECT of the list's columns, compiled
        once, on the DB-API cursor of a pooled connection; no ORM objects.  Issue 11:
        a lookup within 2x the raw query."""
        kind, value = exact
        bind = self._s.get_bind()
        x = _exact_sql(bind.dialect, kind, query.sort, query.descending, limit)
        params = {**x.params, "v": value}
        args: Any = params if x.positions is None else tuple(params[n] for n in x.positions)
        if self._s.in_transaction() or not isinstance(bind, Engine):
            self._s.flush()  # within a larger unit of work: its snapshot
            rows = _fetch(self._s.connection().connection, x.sql, args)
        else:  # one statement needs no transaction of its own
            raw = bind.raw_connection()
            try:
                rows = _fetch(raw, x.sql, args)
            finally:
                raw.close()
        procs = x.processors
        found = [_ListRow._make([c if p is None else p(c) for p, c in zip(procs, r, strict=True)])
                 for r in rows]
        page = page_of(found, limit, lambda r: _cursor(r, query.sort))
        return Page([_summary(r, as_of) for r in page.rows], page.has_more, page.next_after)

    def search_ids(self, query: SearchQuery, before_id: int | None, limit: int) -> list[int]:
        """Case ids, newest first, after the keyset position ``before_id``."""
        sub = _matching_ids(query)
        if sub is None:
            q = select(CaseRow.id).order_by(CaseRow.id.desc()).limit(limit)
            if before_id is not None:
                q = q.where(CaseRow.id < before_id)
            return list(self._s.scalars(q))
        u = sub.subquery()
        q2 = select(u.c.cid).distinct().order_by(u.c.cid.desc()).limit(limit)
        if before_id is not None:
            q2 = q2.where(u.c.cid < before_id)
        return list(self._s.scalars(q2))

    def summaries(self, ids: Sequence[int], as_of: date) -> list[CaseSummary]:
        if not ids:
            return []
        rows = {r.id: r for r in self._s.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))}
        return [_summary(rows[i], as_of) for i in ids if i in rows]

    def count(self, query: SearchQuery, cap: int) -> int:
        sub = _matching_ids(query)
        if sub is None:
            return int(self._s.scalar(select(func.count()).select_from(CaseRow)) or 0)
        u = sub.subquery()
        inner = select(u.c.cid).distinct().limit(cap + 1).subquery()
        return int(self._s.scalar(select(func.count()).select_from(inner)) or 0)

    # ------------------------------------------------------------ persons
    def similar_persons(self, name: str, ident: str, limit: int) -> list[PersonInfo]:
        conds: list[ColumnElement[bool]] = []
        if ident:
            conds += [PersonRow.id_number.like(_like_prefix(ident), escape="\\"),
                      PersonRow.credit_code.like(_like_prefix(ident), escape="\\")]
        if name:
            conds.append(PersonRow.name == name)
        count = (select(func.count()).select_from(CasePartyRow)
                 .where(CasePartyRow.person_id == PersonRow.id).scalar_subquery())
        q = select(PersonRow, count).where(or_(*conds)).limit(limit)
        return [PersonInfo(p.id, PartyKind(p.kind), p.name, p.id_number or p.credit_code or "", n)
                for p, n in self._s.execute(q)]

    def person(self, person_id: int) -> Party:
        row = self._s.get(PersonRow, person_id)
        if row is None:
            raise NotFound(f"person id {person_id}")
        return _person_to_party(row)
