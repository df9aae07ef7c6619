"""The demo court: realistic, valid cases in which every state of the list happens.

``load_demo`` fills a database with ``n`` cases filed over the last 24 months
(60 for a million cases), in bulk (SQLAlchemy Core ``executemany``, one audit
record for the load).  Each case lives its life up to today, decided by the
app's own rules, so the demo passes the checks a user's data must pass:

- every case passes :func:`validate_case`; about 15 % of respondents are
  entities with officers (RULES.md §8: ~85 % natural persons); name prefixes
  follow real surname frequencies and companies are named after many places
  and trade names;
- a respondent is listed only if :func:`assess_respondent` finds a ground on
  the decision day — never a minor, never before the notice was served or its
  deadline passed (2017 Arts. 1, 4, 5) — with the term of Art. 2, and every
  listing passes :func:`check_listing`; a standalone restriction order passes
  :func:`check_order`;
- about half the decisions are warnings with a grace period of 1–3 months
  (2019 Opinion item 15): published when it ends, cancelled if the case was
  performed within it; the others are published once served;
- each listing carries the proportionate restriction items of
  :func:`propose_restrictions` on the respondent and on every bound officer of
  an entity (2015 Art. 3 para. 2);
- removals of every kind: deleted on performance (by the court, or on a
  petition granted within or after the 3 working days), on a settlement, at the
  creditor's request or for lack of property (open-ended listings only, R-R2),
  expired at the end of the term (R-R2), revoked as wrongful (Art. 9),
  deleted on a correction application (Arts. 11-12), cancelled in grace;
- every status change is a respondent event, every publication and removal
  reaches its recipients through the dispatch ledger (open or acknowledged),
  and the removal petitions are stored with their due dates (pending, overdue,
  decided in time or late).

Then :func:`sample_activity` goes through the services for a sample, as a desk
would: it issues and corrects documents, and files and decides petitions
(removal, correction, temporary travel, lifting), so that the documents
register, the counter and the judge's queue have real rows.

The cases and their lives are generated, purely, by
:mod:`courtapp.core.domain.demo_court`; this module stores them and drives the
services.  Deterministic for a seed and a day (``today``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, literal, select
from sqlalchemy.orm import Session

from courtapp.core.db.orm import (
    CasePartyRow,
    CaseRow,
    ConductRow,
    DispatchRow,
    FindingRow,
    ListingRow,
    ObligationRow,
    OfficerRow,
    PaymentRow,
    PersonRow,
    PetitionRow,
    PropertyRow,
    RespondentEventRow,
    RestrictionOrderRow,
    RestrictionRow,
    SecurityRow,
)
from courtapp.core.db.repositories.cases import case_columns
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.canonical import canonical_json
from courtapp.core.domain.demo_court import (
    ART_EARLY,
    ART_ITEM,
    GRANTED,
    DemoCourt,
    DemoGenerator,
    Life,
    PlannedListing,
    default_months,
)
from courtapp.core.domain.errors import DomainError, ValidationError
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RespondentState,
    Restriction,
    check_listing,
)
from courtapp.core.domain.model import (
    EnforcementCase,
    Party,
    PartyKind,
)
from courtapp.core.domain.money import to_fen
from courtapp.core.domain.petition import KINDS, PetitionKind, PetitionStatus, petition_number
from courtapp.core.domain.publication import entry_data, listing_bodies
from courtapp.core.domain.restriction_order import (
    OrderStatus,
    check_order,
)
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.validation import validate_case
from courtapp.core.services import audit

# ------------------------------------------------------------------ loading
_CHILD_TABLES = (ObligationRow, PaymentRow, PropertyRow, SecurityRow, ConductRow, FindingRow)
_LIFE_TABLES = (ListingRow, RestrictionOrderRow, RestrictionRow, RespondentEventRow, DispatchRow,
                PetitionRow)
_TABLES = (PersonRow, OfficerRow, CaseRow, CasePartyRow, *_CHILD_TABLES, *_LIFE_TABLES)


def _next_ids(s: Session) -> dict[str, int]:
    return {t.__tablename__: int(s.scalar(select(func.coalesce(func.max(t.id), 0))) or 0) + 1
            for t in _TABLES}


class _BatchRows:
    """Row dictionaries for one batch of bulk inserts, with ids assigned here."""

    def __init__(self, next_id: dict[str, int], known: dict[str, int], *, today: date,
                 rng: random.Random, dispatch_since: date | None) -> None:
        self.next_id = next_id
        self.known = known  # identifier -> persons.id, across batches
        self.today = today
        self.rng = rng
        self.dispatch_since = dispatch_since
        self.now = datetime.now(UTC)
        self.rows: dict[str, list[dict[str, object]]] = {}
        self.reserved: list[int] = []  # listing ids left for sample_activity
        self.reset()

    def reset(self) -> None:
        self.rows = {t.__tablename__: [] for t in _TABLES}

    def _take(self, table: str) -> int:
        i = self.next_id[table]
        self.next_id[table] += 1
        return i

    def person_id(self, p: Party) -> int:
        pid = self.known.get(p.identifier)
        if pid is not None:
            return pid
        pid = self._take("persons")
        self.known[p.identifier] = pid
        self.rows["persons"].append({
            "id": pid, "kind": p.kind.value, "name": p.name, "id_number": p.id_number,
            "credit_code": p.credit_code, "created_at": self.now, "version": 1})
        for j, o in enumerate(p.officers):
            oid = self.person_id(Party(PartyKind.PERSON, o.name, id_number=o.id_number))
            self.rows["officers"].append({"id": self._take("officers"), "entity_id": pid,
                                          "person_id": oid, "role": o.role.value, "position": j})
        return pid

    def child(self, table: str, case_id: int, **values: object) -> int:
        i = self._take(table)
        self.rows[table].append({"id": i, "case_id": case_id, **values})
        return i

    def add_case(self, c: EnforcementCase, life: Life | None = None) -> int:
        cid = self._take("cases")
        self.rows["cases"].append({"id": cid, **case_columns(c), "created_at": self.now,
                                   "updated_at": self.now, "version": 1})
        pos = 0
        respondent_ids: list[int] = []
        for side, plist in (("applicant", c.applicants), ("respondent", c.respondents)):
            for party in plist:
                pid = self.person_id(party)
                if side == "respondent":
                    respondent_ids.append(pid)
                self.child("case_parties", cid, person_id=pid, side=side, position=pos,
                           public_role=party.public_role.value if party.public_role else None,
                           notify_body=party.notify_body)
                pos += 1
        for i, o in enumerate(c.obligations):
            self.child("obligations", cid, position=i, kind=o.kind.value,
                       description=o.description,
                       amount_fen=None if o.amount is None else to_fen(o.amount))
        for i, pay in enumerate(c.payments):
            self.child("payments", cid, position=i, paid_on=pay.on, respondent=pay.respondent,
                       amount_fen=None if pay.amount is None else to_fen(pay.amount),
                       act=pay.act, obligation=pay.obligation, evidence=pay.evidence)
        for i, x in enumerate(c.property):
            self.child("property_items", cid, position=i, kind=x.kind.value,
                       description=x.description, value_fen=to_fen(x.value),
                       found_on=x.found_on, measure=x.measure.value, respondent=x.respondent)
        for i, sc in enumerate(c.security):
            self.child("securities", cid, position=i, kind=sc.kind.value,
                       value_fen=to_fen(sc.value), respondent=sc.respondent,
                       description=sc.description)
        for i, cr in enumerate(c.conduct):
            self.child("conduct", cid, position=i, type=cr.type.value, occurred_on=cr.on,
                       description=cr.description, respondent=cr.respondent)
        for i, f in enumerate(c.findings):
            self.child("findings", cid, position=i, respondent=f.respondent,
                       able_to_perform=f.able_to_perform,
                       later_in_performance_order=f.later_in_performance_order,
                       campus_loan_student=f.campus_loan_student,
                       serious_violence=f.serious_violence)
        if life is not None:
            self._add_life(c, cid, respondent_ids, life)
        return cid

    # ------------------------------------------------------------ a life
    def _at(self, d: date) -> datetime:
        return datetime(d.year, d.month, d.day, 9, 30, tzinfo=UTC)

    def _add_life(self, c: EnforcementCase, cid: int, persons: list[int], life: Life) -> None:
        for i, a, b, on, article, reason in life.events:
            self.child("respondent_events", cid, respondent=i, from_state=a, to_state=b,
                       at=self._at(on), effective_on=on,
                       username="clerk" if b == RespondentState.NOTICE_SERVED.value else "judge",
                       article=article, reason=reason.code,
                       reason_params=canonical_json(dict(reason.params)) or "{}")
        for plan in life.listings:
            self._add_listing(c, cid, persons, plan)
        for order in life.orders:
            oid = self.child(
                "restriction_orders", cid, respondent=order.respondent,
                initiation=order.initiation.value,
                application_received_on=order.application_received_on,
                factors=",".join(f.value for f in order.factors), reasons=order.reasons,
                decided_on=order.decided_on, status=order.status.value, prepared_by="judge",
                signed_by=order.signed_by, signed_by_user_id=None, signed_at=self._at(order.decided_on),
                served_on=order.served_on, created_at=self._at(order.decided_on), version=1)
            for j, x in enumerate(order.restrictions):
                self.child("restrictions", cid, listing_id=None, order_id=oid,
                           respondent=order.respondent, position=j, person=x.person,
                           item=int(x.item), start=x.start, until=x.until, status=x.status.value,
                           reason="", version=1)

    def _add_listing(self, c: EnforcementCase, cid: int, persons: list[int],
                     plan: PlannedListing) -> None:
        lst = plan.listing
        signed = lst.signed_by is not None
        lid = self.child(
            "listings", cid, respondent=lst.respondent, person_id=persons[lst.respondent],
            respondent_kind=c.respondents[lst.respondent].kind.value,
            grounds=",".join(str(g) for g in lst.grounds), status=lst.status.value,
            decided_on=lst.decided_on, reasons_zh=plan.reasons_zh, reasons_en="",
            prepared_by="judge", signed_by=lst.signed_by, signed_by_user_id=None,
            signed_at=self._at(lst.decided_on) if signed else None, served_on=lst.served_on,
            service_method=lst.service_method.value if lst.service_method else None,
            grace_until=lst.grace_until, published_on=lst.published_on, term_years=lst.term_years,
            extension_years=lst.extension_years, removed_on=lst.removed_on,
            removal_kind=lst.removal_kind.value if lst.removal_kind else None,
            removal_reason=lst.removal_reason.value if lst.removal_reason else None,
            removal_event_on=plan.removal_event_on, created_at=self._at(lst.decided_on), version=1)
        if plan.reserved:
            self.reserved.append(lid)
        for j, x in enumerate(lst.restrictions):
            self.child("restrictions", cid, listing_id=lid, order_id=None, respondent=lst.respondent,
                       position=j, person=x.person, item=int(x.item), start=x.start, until=x.until,
                       status=x.status.value, reason="", version=1)
        if plan.petition is not None:
            self._add_petition(c, cid, lid, plan)
        if lst.published_on is None:
            return
        items = [x.item for x in lst.restrictions]
        published = Listing(**{**lst.__dict__, "status": ListingStatus.PUBLISHED, "removed_on": None,
                               "removal_kind": None, "removal_reason": None,
                               "restrictions": [Restriction(x.item, x.person, x.start)
                                                for x in lst.restrictions]})
        bodies = listing_bodies(c, lst.respondent, items)
        if self._dispatched(lst.published_on):
            self._dispatch(cid, lid, "publication", bodies, lst.published_on,
                           entry_data(c, published, lst.published_on))
        if lst.removed_on is not None and lst.removal_kind is not None and \
                self._dispatched(lst.removed_on):
            assert lst.removal_reason is not None
            self._dispatch(cid, lid, "removal", bodies, lst.removed_on, {
                "event": "removal", "removed_on": lst.removed_on.isoformat(),
                "removal_kind": lst.removal_kind.value, "removal_reason": lst.removal_reason.value,
                "entry": entry_data(c, published, lst.removed_on)})

    def _dispatched(self, on: date) -> bool:
        return self.dispatch_since is None or on >= self.dispatch_since

    def _dispatch(self, cid: int, lid: int, event: str, bodies: list[Any], on: date,
                  payload: dict[str, Any]) -> None:
        text = canonical_json(payload) or ""
        for b in bodies:
            ack = on + timedelta(days=self.rng.randrange(1, 9))
            # Nearly every body acknowledges; a few recent items are still open.
            late = 0.15 if on >= self.today - timedelta(days=30) else 0.004
            done = ack <= self.today and self.rng.random() > late
            self.child("dispatch_items", cid, listing_id=lid, event=event, recipient=b.code,
                       recipient_name=b.name_zh, article=b.article, payload=text, created_on=on,
                       acknowledged_on=ack if done else None,
                       acknowledged_by="clerk" if done else None,
                       status="acknowledged" if done else "open", order_id=None, petition_id=None)

    def _add_petition(self, c: EnforcementCase, cid: int, lid: int, plan: PlannedListing) -> None:
        pet = plan.petition
        assert pet is not None
        lst = plan.listing
        seq = pet.sequence
        party = c.respondents[lst.respondent]
        info = KINDS[PetitionKind.REMOVAL_PERFORMED]
        granted = pet.decided_on is not None
        effect = {"removal": {"kind": RemovalKind.DELETED.value, "reason": RemovalReason.PERFORMED.value,
                              "article": ART_EARLY if lst.term_years is not None else ART_ITEM.format(n=1),
                              "event_on": pet.decided_on.isoformat() if pet.decided_on else None}}
        self.child(
            "petitions", cid, number=petition_number(c.case_number, seq), sequence=seq,
            kind=PetitionKind.REMOVAL_PERFORMED.value,
            status=(PetitionStatus.GRANTED if granted else PetitionStatus.PENDING).value,
            respondent=lst.respondent, petitioner_role="respondent",
            petitioner_index=lst.respondent, officer=None, petitioner_name=party.name,
            petitioner_identifier=party.identifier, listing_id=lid, order_id=None,
            received_on=pet.received_on, sla_days=info.sla.days, sla_unit=info.sla.unit.value,
            due_on=pet.due, due_provisional=pet.due_provisional, details="{}", filed_by="counter",
            created_at=self._at(pet.received_on), receipt_number=None,
            decided_on=pet.decided_on, decided_by="judge" if granted else None,
            decision_reasons=GRANTED if granted else "",
            decision_details=canonical_json({"facts_verified": True, **effect}) if granted else "{}",
            document_number=None, document_error=None, decision_served_on=None,
            reconsideration_filed_on=None, reconsideration_outcome=None,
            reconsideration_decided_on=None, permission_ended_on=None,
            # R-R7: the proof came with the petition; a grant after its 3 working days is late.
            deletion_event_on=pet.received_on if granted else None,
            deletion_late=bool(granted and pet.late), statement="", version=1)


def _check_life(case: EnforcementCase, life: Life) -> None:
    """The app's own rules on a generated life (validate_every): listing, order."""
    errors = []
    for k, plan in enumerate(life.listings):
        errors += check_listing(case, plan.listing, f"listings[{k}]",
                                require_signature=plan.listing.status is not ListingStatus.DRAFT)
    for k, order in enumerate(life.orders):
        errors += check_order(case, order, f"orders[{k}]", require_signature=True)
    if errors:
        raise ValidationError(errors)


@dataclass
class DemoResult:
    """What a demo load left for :func:`sample_activity`."""

    cases: int = 0
    reserved_listings: list[int] = field(default_factory=list)


def load_demo(uow: UnitOfWork, actor: Actor, n: int, *, seed: int = 2026, batch: int = 5000,
              today: date | None = None, validate_every: int = 1, months: int | None = None,
              result: DemoResult | None = None) -> Iterator[int]:
    """Generate and store ``n`` cases with their lives in batches; yields the count so far.

    A generator, so the GUI or the CLI can show progress and stop between
    batches.  Every ``validate_every``-th case is checked with validate_case,
    check_listing and check_order; an invalid one aborts the load (the current
    batch is not committed).  ``result`` collects what :func:`sample_activity` needs.
    """
    from courtapp.core.services.calendar import load_in

    require(actor, Permission.DEMO_LOAD)
    today = today or date.today()
    months = months or default_months(n)
    with uow:
        s = uow.session
        next_id = _next_ids(s)
        existing = {
            (int(y)): int(m) for y, m in s.execute(
                select(CaseRow.year, func.max(CaseRow.sequence))
                .where(CaseRow.court_code == DemoCourt.code, CaseRow.type_code == "执")
                .group_by(CaseRow.year))
        }
        known: dict[str, int] = {}
        for pid, idn, code in s.execute(select(PersonRow.id, PersonRow.id_number, PersonRow.credit_code)):
            if key := idn or code:
                known[key] = pid
        cal = load_in(s)
    gen = DemoGenerator(seed=seed, today=today, start_sequence=existing, calendar=cal, months=months)
    gen.ids.used.update(known)
    # Dispatch items for every event of a small court; for a large one the last 60 days.
    since = None if n <= 50_000 else today - timedelta(days=60)
    rows = _BatchRows(next_id, known, today=today, rng=random.Random(seed + 1), dispatch_since=since)
    # The first 5 % of cases were filed in the year before the span: the court's older
    # caseload, whose fixed terms end within it (Art. 10 para. 2 expiries).
    span, older = months * 30.4, 365.0
    done = 0
    while done < n:
        size = min(batch, n - done)
        rows.reset()
        for k in range(size):
            # Filing dates follow registration order over the span (and the older tail).
            x = (done + k) / n
            back = span + older * (1 - x / 0.05) if x < 0.05 else span * (1 - x) / 0.95
            filed = today - timedelta(days=int(back))
            c = gen.case(filed)
            life = gen.life(c)
            if validate_every and (done + k) % validate_every == 0:
                errs = validate_case(c, today=today)
                if errs:
                    raise ValidationError(errs)
                _check_life(c, life)
            rows.add_case(c, life)
        with uow:
            conn = uow.session.connection()
            if uow.dialect == "sqlite":
                # A big page cache for the batch: the indexes are written once per
                # commit instead of spilling (and rewriting) pages as they fill.
                conn.exec_driver_sql("PRAGMA cache_size = -262144")
            for table in _TABLES:
                data = rows.rows[table.__tablename__]
                if data:
                    conn.execute(insert(table.__table__), data)  # type: ignore[arg-type]
            # Each demo case is audited like an imported one (without the full
            # "after" dump), so that a later direct change to it is found by
            # `courtapp audit verify` (issue 10 §4).
            for case in rows.rows["cases"]:
                audit.record(uow, actor, "case.import", "case", case["case_number"],
                             reason="demo")
            done += size
            if done >= n:
                audit.record(uow, actor, "demo.load", "database", "demo",
                             after={"cases": n, "seed": seed, "months": months,
                                    "today": today.isoformat()})
            uow.commit()
        yield done
    if uow.dialect == "postgresql":
        _reset_pg_sequences(uow)
    if result is not None:
        result.cases += n
        result.reserved_listings += rows.reserved


def _reset_pg_sequences(uow: UnitOfWork) -> None:
    """Bulk inserts set ids explicitly; move PostgreSQL's sequences past them."""
    from sqlalchemy import text

    with uow:
        for t in _TABLES:
            name = t.__tablename__
            uow.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 1))"))
        uow.commit()


# ------------------------------------------------------------ through the services
def _deletion_extra(reason: RemovalReason, fixed: bool) -> dict[str, Any]:
    """What a deletion notice says about its ground (documents.builders ``deletion``)."""
    if reason is RemovalReason.REVOKED:
        return {"action": "revoke", "reasons": "经审查，被执行人不存在第一条规定的失信情形，不应纳入失信被执行人名单。"}
    if reason is RemovalReason.TERM_EXPIRED:
        return {"action": "delete", "ground": "expired"}
    item = {RemovalReason.PERFORMED: 1, RemovalReason.SETTLEMENT_PERFORMED: 2,
            RemovalReason.CREDITOR_REQUEST: 3, RemovalReason.NO_PROPERTY: 4}[reason]
    return {"action": "delete", "ground": "early" if fixed and item in (1, 2) else item}


@dataclass
class ActivityCounts:
    """What :func:`sample_activity` did (and what it had to skip, with why)."""

    documents: int = 0
    corrected: int = 0
    petitions_filed: int = 0
    petitions_decided: int = 0
    skipped: list[str] = field(default_factory=list)


def sample_activity(uow: UnitOfWork, actor: Actor, *, today: date | None = None, seed: int = 2026,
                    reserved: list[int] | None = None, scale: int = 1) -> ActivityCounts:
    """A desk's work on a sample, through the services: documents issued and corrected,
    petitions filed (with receipts) and decided, some left pending.  ``actor`` needs
    the judge's permissions (the console operator has them); ``scale`` multiplies the
    sample for large courts."""
    from courtapp.core.documents.model import DocKind
    from courtapp.core.domain.petition import (
        CorrectionGround,
        Decision,
        LiftingGround,
        PetitionDetails,
        TravelGround,
    )
    from courtapp.core.services import cases as case_svc
    from courtapp.core.services import documents, petitions

    today = today or date.today()
    rng = random.Random(seed + 2)
    out = ActivityCounts()
    key = documents.court_signing_key(uow, actor)

    def pick(q: Any, k: int) -> list[Any]:
        with uow:
            found = [tuple(r) for r in uow.session.execute(q.limit(400))]
        return rng.sample(found, min(k, len(found)))

    def attempt(label: str, fn: Any) -> Any:
        try:
            return fn()
        except DomainError as e:
            out.skipped.append(f"{label}: {e}")
            return None

    lr = ListingRow
    # Documents: execution notices, listing decisions, warnings, restriction orders, deletions.
    issued: list[str] = []
    recent = today - timedelta(days=120)
    specs = [
        (DocKind.EXECUTION_NOTICE, select(CaseRow.id, literal(0)).where(
            CaseRow.notice_issued_on.is_not(None), CaseRow.notice_issued_on >= recent)
         .order_by(CaseRow.id), 4),
        (DocKind.LISTING_DECISION, select(lr.case_id, lr.respondent).where(
            lr.status == ListingStatus.PUBLISHED.value, lr.decided_on >= recent).order_by(lr.id), 4),
        (DocKind.WARNING, select(lr.case_id, lr.respondent).where(
            lr.status == ListingStatus.AWAITING_PUBLICATION.value, lr.grace_until >= today)
         .order_by(lr.id), 2),
        (DocKind.RESTRICTION_ORDER, select(lr.case_id, lr.respondent).where(
            lr.status == ListingStatus.PUBLISHED.value, lr.published_on >= recent).order_by(lr.id.desc()), 2),
        (DocKind.DELETION, select(lr.case_id, lr.respondent, lr.id, lr.removal_reason,
                                  lr.term_years).where(
            lr.status == ListingStatus.REMOVED.value, lr.removal_kind != RemovalKind.CANCELLED.value,
            lr.removal_reason != RemovalReason.CORRECTED.value, lr.removed_on >= recent)
         .order_by(lr.id), 3),
    ]
    for kind, q, k in specs:
        for case_id, respondent, *more in pick(q, k * scale):
            resp = None if kind is DocKind.EXECUTION_NOTICE else int(respondent)
            extra: dict[str, Any] = {}
            if kind is DocKind.DELETION:
                listing_id, reason, term = more
                extra = _deletion_extra(RemovalReason(reason), term is not None)
                extra["listing_id"] = int(listing_id)
            lid = extra.pop("listing_id", None)
            doc = attempt(f"{kind.value} of case {case_id}",
                          lambda kind=kind, case_id=case_id, resp=resp, extra=extra, lid=lid:
                          documents.issue(uow, actor, kind, int(case_id), respondent=resp,
                                          issued_on=today - timedelta(days=rng.randrange(0, 20)),
                                          listing_id=lid, extra=extra, key=key))
            if doc is not None:
                out.documents += 1
                issued.append(doc.document.number)
    for number in rng.sample(issued, min(2 * scale, len(issued))):
        doc = attempt(f"correction of {number}", lambda number=number: documents.supersede(
            uow, actor, number, reason="当事人姓名笔误，予以更正", issued_on=today, key=key))
        if doc is not None:
            out.corrected += 1

    def identifier(case_id: int, respondent: int) -> str:
        rec = case_svc.get_case(uow, actor, case_id=case_id)
        return rec.case.respondents[respondent].identifier

    # Removal petitions on listings performed lately: some decided, some still pending.
    with uow:
        targets = [tuple(r) for r in uow.session.execute(
            select(lr.id, lr.case_id, lr.respondent).where(
                lr.id.in_(reserved or []), lr.status == ListingStatus.PUBLISHED.value)
            .order_by(lr.id))]
    for n, (lid, case_id, respondent) in enumerate(targets[:12 * scale]):
        # One in three stays in the queue (the second already, so that a small court's
        # judge has one); of these, one received a while ago is overdue.
        received = today - timedelta(days=9 if n % 6 == 1 else rng.randrange(0, 6))
        filed = attempt(f"removal petition on listing {lid}", lambda case_id=case_id, respondent=respondent,
                        received=received, n=n: petitions.file_petition(
                            uow, actor, int(case_id), PetitionKind.REMOVAL_PERFORMED,
                            petitioner_id=identifier(int(case_id), int(respondent)),
                            received_on=received, respondent=int(respondent),
                            issue_receipt=n < 2 * scale and n % 3 != 1, key=key))
        if filed is None:
            continue
        out.petitions_filed += 1
        if n % 3 == 1:
            continue  # left in the judge's queue
        decided = attempt(f"decision on {filed.petition.number}", lambda filed=filed, n=n: petitions.decide(
            uow, actor, filed.petition.id, Decision(True, "经审查，被执行人已履行全部义务，应予删除。", today,
                                                    facts_verified=True),
            issue_document=n < 2 * scale, key=key))
        if decided is not None:
            out.petitions_decided += 1

    # Corrections, temporary travel and liftings on published listings and orders.
    published = pick(select(lr.id, lr.case_id, lr.respondent).join(PersonRow, PersonRow.id == lr.person_id)
                     .where(lr.status == ListingStatus.PUBLISHED.value, PersonRow.kind == "person",
                            lr.published_on >= today - timedelta(days=200)).order_by(lr.id), 6 * scale)
    for n, (lid, case_id, respondent) in enumerate(published):
        who = identifier(int(case_id), int(respondent))
        if n % 3 == 0:
            ground = CorrectionGround.INACCURATE
            details = PetitionDetails(correction_ground=ground, requested_correction="被执行人履行情况应更正为部分履行")
            pkind = PetitionKind.CORRECTION
        elif n % 3 == 1:
            details = PetitionDetails(travel_ground=rng.choice(list(TravelGround)), itinerary="北京—上海",
                                      permit_from=today + timedelta(days=2),
                                      permit_until=today + timedelta(days=9))
            pkind = PetitionKind.TEMPORARY_TRAVEL
        else:
            details = PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE)
            pkind = PetitionKind.CORRECTION
        received = today - timedelta(days=rng.randrange(1, 10))
        filed = attempt(f"{pkind.value} on listing {lid}", lambda case_id=case_id, respondent=respondent,
                        pkind=pkind, details=details, received=received, who=who: petitions.file_petition(
                            uow, actor, int(case_id), pkind, petitioner_id=who, received_on=received,
                            respondent=int(respondent), details=details, issue_receipt=False))
        if filed is None:
            continue
        out.petitions_filed += 1
        granted = n % 3 != 2  # a correction on ground (1) is rejected, with the reconsideration route
        decision = Decision(granted, "经审查，申请事由属实。" if granted else "经审查，被执行人不存在不应纳入的情形，申请不予支持。",
                            today, facts_verified=granted, correction="被执行人履行情况：部分履行"
                            if pkind is PetitionKind.CORRECTION and granted else "")
        decided = attempt(f"decision on {filed.petition.number}", lambda filed=filed, decision=decision, n=n:
                          petitions.decide(uow, actor, filed.petition.id, decision, issue_document=n < 2,
                                           key=key))
        if decided is not None:
            out.petitions_decided += 1

    ro = RestrictionOrderRow
    orders = pick(select(ro.id, ro.case_id, ro.respondent).where(ro.status == OrderStatus.SIGNED.value)
                  .order_by(ro.id), 2 * scale)
    for order_id, case_id, respondent in orders:
        rec = case_svc.get_case(uow, actor, case_id=int(case_id))
        creditor = rec.case.applicants[0].identifier
        filed = attempt(f"lifting of order {order_id}", lambda case_id=case_id, respondent=respondent,
                        creditor=creditor: petitions.file_petition(
                            uow, actor, int(case_id), PetitionKind.LIFTING, petitioner_id=creditor,
                            received_on=today - timedelta(days=2), respondent=int(respondent),
                            details=PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT),
                            issue_receipt=False))
        if filed is None:
            continue
        out.petitions_filed += 1
        decided = attempt(f"decision on {filed.petition.number}", lambda filed=filed: petitions.decide(
            uow, actor, filed.petition.id, Decision(True, "申请执行人同意解除限制消费。", today), key=key))
        if decided is not None:
            out.petitions_decided += 1
    # Creditors' listing applications the judge has still to decide (R-L6): one
    # recent, one past its 15 days.
    from courtapp.core.db.orm import ListingApplicationRow
    from courtapp.core.services import applications

    unlisted = pick(select(CaseRow.id).where(
        CaseRow.notice_issued_on.is_not(None), CaseRow.notice_issued_on <= today - timedelta(days=60),
        ~select(lr.id).where(lr.case_id == CaseRow.id).exists(),
        ~select(ListingApplicationRow.id).where(ListingApplicationRow.case_id == CaseRow.id).exists())
        .order_by(CaseRow.id), 2 * scale)
    for n, (case_id,) in enumerate(unlisted):
        attempt(f"listing application on case {case_id}", lambda case_id=case_id, n=n:
                applications.record_application(
                    uow, actor, int(case_id), respondent=0, applicant=0,
                    received_on=today - timedelta(days=25 if n % 2 else 3),
                    grounds_claimed="被执行人有履行能力而拒不履行生效法律文书确定义务"))
    return out


__all__ = ["ActivityCounts", "DemoCourt", "DemoGenerator", "DemoResult", "default_months",
           "load_demo", "sample_activity"]
