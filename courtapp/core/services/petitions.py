"""Petitions at the counter and the judge's decisions on them (issue 5 §1-§2).

Intake (``PETITION_FILE``: counter officers, clerks, judges):
1. the petitioner is identified by the identifier on the document shown at the
   counter (resident ID number or credit code) and must be a party of the
   case — or, for the kinds an entity's officer files, one of the entity
   respondent's officers; anyone else is refused, naming the field;
2. the petition's data are checked (:func:`courtapp.core.domain.petition.check_details`)
   against the case: the listing or restriction it concerns must exist;
3. evidence files are stored with their SHA-256;
4. it is numbered ``<case number>-申<n>`` and its decision is due on the
   working-day calendar (:data:`~courtapp.core.domain.petition.KINDS` gives
   each kind's period, a court may change the non-statutory ones with
   :func:`set_sla`); a deadline touching a year without calendar data is
   provisional and says so (R-D1);
5. the counter receipt (``services.documents``, kind ``receipt``) shows the
   number and the due date.

Decision (``PETITION_DECIDE``: judges): :func:`decide` grants or rejects with
reasons, carries out the effect in the same transaction — removal (R-R1,
R-R2, R-R4), correction (R-R5), lifting (R-C9), permission (R-C5, R-C7,
R-C8), release of a former officer with a restriction order on the new one
(R-C6) — and then issues the decision document.  Verified facts that oblige
the court ("应当", "应予准许") make a rejection impossible.  A correction
rejection carries the 10-day reconsideration route to the next-higher court;
reconsideration does not suspend the decision (R-R5).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from courtapp.core.db.orm import (
    ListingRow,
    PetitionEvidenceRow,
    PetitionRow,
    RestrictionOrderRow,
    RestrictionRow,
)
from courtapp.core.db.repositories.cases import CaseRepository
from courtapp.core.db.repositories.settings import SettingsRepository
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.errors import (
    ConflictError,
    DomainError,
    ErrorCollector,
    NotFound,
    ValidationError,
)
from courtapp.core.domain.listing import (
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RestrictionItem,
    RestrictionStatus,
)
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase, OfficerRole, PartyKind
from courtapp.core.domain.money import format_amount
from courtapp.core.domain.petition import (
    DEFAULT_TRAVEL_MAX_DAYS,
    KINDS,
    PERMISSION_KINDS,
    RECONSIDERATION_DAYS,
    RECONSIDERATION_DECISION_DAYS,
    REMOVAL_KINDS,
    TRAVEL_ITEMS,
    CorrectionGround,
    Decision,
    KindInfo,
    LiftingGround,
    PetitionDetails,
    PetitionerRole,
    PetitionKind,
    PetitionStatus,
    Search,
    Sla,
    SlaUnit,
    check_details,
    check_period,
    check_searches,
    petition_number,
)
from courtapp.core.domain.publication import SPC_LIST, carriers, entry_data, listing_bodies
from courtapp.core.domain.restriction_order import Factor, Initiation, OrderStatus, check_order
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.workdays import Deadline, YearCalendar, add_working_days, period_end
from courtapp.core.interchange import dump_listing
from courtapp.core.services import audit, history
from courtapp.core.services.dispatch import DEFAULT_LIFTING_DAYS, SETTING_LIFTING_DAYS
from courtapp.core.services.removal import (
    ART_CORRECTED,
    ART_EARLY,
    ART_EXPIRED,
    ART_ITEM,
    ART_REVOKE,
    SETTING_PARA1_FIXED,
    execute_removal,
    para1_applies_to_fixed_term,
)
from courtapp.core.services.restriction import order_json

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from courtapp.core.services.documents import Issued, IssuedDocument

#: Petitions load their evidence list without the bytes (read one by one: evidence_bytes).
_EVIDENCE = selectinload(PetitionRow.evidence).defer(PetitionEvidenceRow.data)

SETTING_SLA = "petition.sla.{kind}"
SETTING_TRAVEL_MAX_DAYS = "petition.travel_max_days"
SETTING_HIGHER_COURT = "court.higher_court"
ART_R_C6 = "2019 Opinion (法发〔2019〕35号) item 17(2)"


# ------------------------------------------------------------------- DTOs
@dataclass(frozen=True)
class EvidenceFile:
    """A file handed in at the counter (name and bytes)."""

    name: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Evidence:
    id: int
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Petition:
    """A petition as the counter, the judge's queue and the Today screen see it."""

    id: int
    number: str
    case_id: int
    case_number: str
    kind: PetitionKind
    status: PetitionStatus
    respondent: int
    respondent_name: str
    petitioner_role: PetitionerRole
    petitioner_index: int
    officer: int | None
    petitioner_name: str
    petitioner_identifier: str
    listing_id: int | None
    order_id: int | None
    received_on: date
    sla: Sla
    #: The last day to decide, on the working-day calendar; provisional when a
    #: year it touches has no calendar data (``missing_years``).
    due: date
    due_provisional: bool
    missing_years: tuple[int, ...]
    details: PetitionDetails
    evidence: tuple[Evidence, ...]
    filed_by: str
    receipt_number: str | None
    decided_on: date | None
    decided_by: str | None
    decision_reasons: str
    decision: dict[str, Any]
    document_number: str | None
    document_error: str | None
    #: A granted removal or correction: due within 3 working days of the decision.
    effect_due: date | None
    effect_due_provisional: bool
    decision_served_on: date | None
    #: Correction rejection: the last day to apply for reconsideration (10 days
    #: from service) and, once filed, the higher court's 15 days.
    reconsideration_until: date | None
    reconsideration_filed_on: date | None
    reconsideration_due: date | None
    reconsideration_outcome: str | None
    permission_ended_on: date | None

    @property
    def info(self) -> KindInfo:
        return KINDS[self.kind]

    def overdue(self, today: date) -> bool:
        return self.status is PetitionStatus.PENDING and today > self.due

    def days_overdue(self, today: date) -> int:
        return max(0, (today - self.due).days) if self.status is PetitionStatus.PENDING else 0


@dataclass(frozen=True)
class QueueItem:
    """One line of the judge's queue: pending, soonest due first."""

    petition: Petition
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class Filed:
    """A petition just filed, with its receipt (or why the receipt could not be issued)."""

    petition: Petition
    receipt: IssuedDocument | None = None
    pdf: bytes | None = field(default=None, repr=False)
    receipt_error: str | None = None


@dataclass(frozen=True)
class Decided:
    """A decided petition, its document (or why it could not be issued) and, for
    R-C6, the restriction order prepared for the new officer."""

    petition: Petition
    document: IssuedDocument | None = None
    pdf: bytes | None = field(default=None, repr=False)
    document_error: str | None = None
    new_order_id: int | None = None


# ---------------------------------------------------------------- helpers
def _err(path: str, rule: str, en: str, zh: str) -> ValidationError:
    e = ErrorCollector()
    e.add(path, rule, en, zh)
    return ValidationError(e.errors)


def _setting(s: Session, key: str, default: str) -> str:
    found = SettingsRepository(s).get(key)
    return default if found is None else found


def sla_for(s: Session, kind: PetitionKind) -> Sla:
    info = KINDS[kind]
    if info.statutory_sla:
        return info.sla
    raw = _setting(s, SETTING_SLA.format(kind=kind.value), "")
    try:
        return Sla.parse(raw) if raw else info.sla
    except ValueError:
        return info.sla


def _travel_max(s: Session) -> int:
    raw = _setting(s, SETTING_TRAVEL_MAX_DAYS, str(DEFAULT_TRAVEL_MAX_DAYS))
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_TRAVEL_MAX_DAYS


def decision_due(cal: YearCalendar, received_on: date, sla: Sla) -> Deadline:
    """The last day to decide: ``sla`` working days after receipt (R-D1), or a
    calendar-day period under CPL 2023 Art. 85 (R-D2)."""
    if sla.unit is SlaUnit.WORKING:
        return add_working_days(cal, received_on, sla.days)
    return period_end(cal, received_on, sla.days)


def _cal(s: Session, first: date, last: date | None = None) -> YearCalendar:
    from courtapp.core.services.calendar import load_in, years_around

    return load_in(s, years_around(first, last))


def _effect_due(cal: YearCalendar, r: PetitionRow, lifting_days: int) -> Deadline | None:
    if r.status != PetitionStatus.GRANTED.value or r.decided_on is None:
        return None
    kind = PetitionKind(r.kind)
    if kind in REMOVAL_KINDS or kind is PetitionKind.CORRECTION:
        return add_working_days(cal, r.decided_on, 3)
    if kind in (PetitionKind.LIFTING, PetitionKind.OFFICER_RELEASE):
        return add_working_days(cal, r.decided_on, lifting_days)
    return None


def _dto(s: Session, r: PetitionRow, case_number: str, respondent_name: str,
         cal: YearCalendar | None = None) -> Petition:
    from courtapp.core.services.dispatch import _lifting_days

    sla = Sla(r.sla_days, SlaUnit(r.sla_unit))
    if cal is None:
        dates = [d for d in (r.received_on, r.decided_on, r.decision_served_on,
                             r.reconsideration_filed_on) if d]
        cal = _cal(s, min(dates), max(dates))
    due = decision_due(cal, r.received_on, sla)
    effect = _effect_due(cal, r, _lifting_days(s))
    recon_until = period_end(cal, r.decision_served_on, RECONSIDERATION_DAYS).due \
        if r.decision_served_on is not None else None
    recon_due = period_end(cal, r.reconsideration_filed_on, RECONSIDERATION_DECISION_DAYS).due \
        if r.reconsideration_filed_on is not None else None
    return Petition(
        id=r.id, number=r.number, case_id=r.case_id, case_number=case_number,
        kind=PetitionKind(r.kind), status=PetitionStatus(r.status), respondent=r.respondent,
        respondent_name=respondent_name, petitioner_role=PetitionerRole(r.petitioner_role),
        petitioner_index=r.petitioner_index, officer=r.officer, petitioner_name=r.petitioner_name,
        petitioner_identifier=r.petitioner_identifier, listing_id=r.listing_id, order_id=r.order_id,
        received_on=r.received_on, sla=sla, due=due.due, due_provisional=due.provisional,
        missing_years=due.missing_years, details=PetitionDetails.from_json(json.loads(r.details)),
        evidence=tuple(Evidence(x.id, x.name, x.size, x.sha256) for x in r.evidence),
        filed_by=r.filed_by, receipt_number=r.receipt_number, decided_on=r.decided_on,
        decided_by=r.decided_by, decision_reasons=r.decision_reasons,
        decision=json.loads(r.decision_details or "{}"), document_number=r.document_number,
        document_error=r.document_error, effect_due=effect.due if effect else None,
        effect_due_provisional=effect.provisional if effect else False,
        decision_served_on=r.decision_served_on, reconsideration_until=recon_until,
        reconsideration_filed_on=r.reconsideration_filed_on, reconsideration_due=recon_due,
        reconsideration_outcome=r.reconsideration_outcome,
        permission_ended_on=r.permission_ended_on)


def _load(s: Session, ref: int | str) -> PetitionRow:
    q = select(PetitionRow).options(_EVIDENCE)
    q = q.where(PetitionRow.id == ref) if isinstance(ref, int) else q.where(
        PetitionRow.number == ref.strip().replace("（", "(").replace("）", ")"))
    row = s.scalar(q)
    if row is None:
        raise NotFound(f"petition {ref}")
    return row


def _one(s: Session, r: PetitionRow) -> Petition:
    case = CaseRepository(s).get(r.case_id).case
    return _dto(s, r, case.case_number, case.respondents[r.respondent].name)


# ------------------------------------------------------ identity and target
@dataclass(frozen=True)
class _Who:
    role: PetitionerRole
    index: int  # applicant or respondent index
    officer: int | None
    respondent: int | None  # the respondent concerned, if the petitioner fixes it
    name: str
    identifier: str


_ROLE_TEXT = {PetitionerRole.RESPONDENT: ("the respondent (被执行人)", "被执行人"),
              PetitionerRole.APPLICANT: ("the applicant creditor (申请执行人)", "申请执行人"),
              PetitionerRole.OFFICER: ("an officer of an entity respondent (2015 Art. 3 para. 2)",
                                       "单位被执行人的法定代表人、主要负责人等相关人员")}


def _identify(case: EnforcementCase, kind: PetitionKind, identifier: str, name: str,
              e: ErrorCollector) -> _Who | None:
    """Who the petitioner is in ``case``, by the identifier on the document shown."""
    info = KINDS[kind]
    ident = identifier.strip().upper()
    if not ident:
        e.add("petitioner_id", "required", "this field is required (the petitioner's ID number or "
              "credit code)", "此项为必填项（申请人的身份证号码或统一社会信用代码）")
        return None
    found: list[_Who] = []
    for j, p in enumerate(case.respondents):
        if p.identifier.upper() == ident:
            found.append(_Who(PetitionerRole.RESPONDENT, j, None, j, p.name, ident))
    for j, p in enumerate(case.respondents):
        if p.kind is PartyKind.ENTITY:
            for k, o in enumerate(p.officers):
                if o.id_number.upper() == ident:
                    found.append(_Who(PetitionerRole.OFFICER, j, k, j, o.name, ident))
    for j, p in enumerate(case.applicants):
        if p.identifier.upper() == ident:
            found.append(_Who(PetitionerRole.APPLICANT, j, None, None, p.name, ident))
    if not found:
        e.add("petitioner_id", "petition.not_a_party",
              f"no party of case {case.case_number} (and no officer of its entity respondents) "
              f"has the identifier {ident}; only a party may petition",
              f"案件{case.case_number}的当事人（及单位被执行人的相关人员）中没有证件号码为{ident}的人，"
              "非本案当事人不得提出申请")
        return None
    fit = [w for w in found if w.role in info.petitioners]
    if not fit:
        w = found[0]
        allowed_en = " or ".join(_ROLE_TEXT[r][0] for r in sorted(info.petitioners))
        allowed_zh = "或".join(_ROLE_TEXT[r][1] for r in sorted(info.petitioners))
        e.add("petitioner_id", "petition.petitioner_role",
              f"{w.name} is {_ROLE_TEXT[w.role][0]} of this case; a {info.label_en} is filed by "
              f"{allowed_en} ({info.article})",
              f"{w.name}是本案的{_ROLE_TEXT[w.role][1]}；{info.label_zh}应由{allowed_zh}提出（{info.article}）")
        return None
    who = fit[0]
    if name.strip() and name.strip() != who.name:
        e.add("petitioner_name", "petition.name_mismatch",
              f"the name given ({name.strip()}) is not the name recorded for {ident} ({who.name})",
              f"所填姓名（{name.strip()}）与{ident}登记的姓名（{who.name}）不符")
        return None
    return who


def _in_force(rows: Sequence[RestrictionRow], person: int | None | str = "any") -> list[RestrictionRow]:
    return [r for r in rows if r.status != RestrictionStatus.LIFTED.value
            and (person == "any" or r.person == person)]


def _current_listing(s: Session, case_id: int, respondent: int) -> ListingRow | None:
    return s.scalar(select(ListingRow).options(selectinload(ListingRow.restrictions))
                    .where(ListingRow.case_id == case_id, ListingRow.respondent == respondent,
                           ListingRow.status.in_([ListingStatus.AWAITING_PUBLICATION.value,
                                                  ListingStatus.PUBLISHED.value]))
                    .order_by(ListingRow.id.desc()).limit(1))


def _signed_orders(s: Session, case_id: int, respondent: int) -> list[RestrictionOrderRow]:
    return list(s.scalars(select(RestrictionOrderRow)
                          .options(selectinload(RestrictionOrderRow.restrictions))
                          .where(RestrictionOrderRow.case_id == case_id,
                                 RestrictionOrderRow.respondent == respondent,
                                 RestrictionOrderRow.status == OrderStatus.SIGNED.value)
                          .order_by(RestrictionOrderRow.id.desc())))


def _restriction_source(s: Session, case_id: int, respondent: int, kind: PetitionKind,
                        person: int | None | str) -> tuple[ListingRow | None, RestrictionOrderRow | None]:
    """The listing or standalone order whose items the petition concerns.  A lifting
    prefers a standalone order (a listed respondent stays restricted, 2015 Art. 1
    para. 2); the other kinds prefer the listing."""
    listing = _current_listing(s, case_id, respondent)
    travel = kind is PetitionKind.TEMPORARY_TRAVEL

    def fits(rows: Sequence[RestrictionRow]) -> bool:
        live = _in_force(rows, person)
        return bool([r for r in live if not travel or RestrictionItem(r.item) in TRAVEL_ITEMS])

    orders = [o for o in _signed_orders(s, case_id, respondent) if fits(o.restrictions)]
    have_listing = listing is not None and fits(listing.restrictions)
    if kind is PetitionKind.LIFTING and orders:
        return None, orders[0]
    if have_listing:
        return listing, None
    return (None, orders[0]) if orders else (None, None)


def _target(s: Session, case: EnforcementCase, case_id: int, kind: PetitionKind, who: _Who,
            respondent: int | None, e: ErrorCollector) -> tuple[int, ListingRow | None,
                                                              RestrictionOrderRow | None] | None:
    info = KINDS[kind]
    if who.respondent is not None:
        if respondent is not None and respondent != who.respondent:
            e.add("respondent", "petition.respondent_mismatch",
                  f"the petitioner belongs to respondent {who.respondent}, not {respondent}",
                  f"申请人属于第{who.respondent}号被执行人，而非第{respondent}号")
            return None
        respondent = who.respondent
    candidates = [respondent] if respondent is not None else list(range(len(case.respondents)))
    if respondent is not None and not 0 <= respondent < len(case.respondents):
        e.add("respondent", "respondent.index", "the respondent index is out of range",
              "被执行人序号超出范围")
        return None
    person: int | None | str = who.officer if who.role is PetitionerRole.OFFICER else (
        "any" if kind is PetitionKind.LIFTING else None)
    found: list[tuple[int, ListingRow | None, RestrictionOrderRow | None]] = []
    for j in candidates:
        if info.restriction:
            lr, orow = _restriction_source(s, case_id, j, kind, person)
            if lr is not None or orow is not None:
                found.append((j, lr, orow))
        else:
            lr = _current_listing(s, case_id, j)
            if lr is not None:
                found.append((j, lr, None))
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        e.add("respondent", "petition.respondent_required",
              "several respondents fit: say which respondent the petition concerns",
              "有多名被执行人符合，请指明申请所涉及的被执行人")
        return None
    who_en = f"respondent {respondent} ({case.respondents[respondent].name})" \
        if respondent is not None else "no respondent of this case"
    who_zh = f"被执行人{case.respondents[respondent].name}" if respondent is not None else "本案被执行人"
    if info.restriction:
        e.add("respondent", "petition.no_restriction",
              f"{who_en} has no consumption restriction in force"
              + (" on flights or high-speed rail" if kind is PetitionKind.TEMPORARY_TRAVEL else "")
              + (" binding the petitioner" if who.role is PetitionerRole.OFFICER else ""),
              f"{who_zh}没有有效的限制消费措施" + ("（乘坐飞机、高铁）" if kind is PetitionKind.TEMPORARY_TRAVEL
                                            else ""))
    else:
        e.add("respondent", "petition.no_listing",
              f"{who_en} has no current listing (signed, not removed) in this case",
              f"{who_zh}在本案中没有有效的失信名单记录")
    return None


# ---------------------------------------------------------------- intake
def file_petition(uow: UnitOfWork, actor: Actor, case_id: int, kind: PetitionKind, *,
                  petitioner_id: str, received_on: date, petitioner_name: str = "",
                  respondent: int | None = None, details: PetitionDetails | None = None,
                  evidence: Sequence[EvidenceFile] = (), issue_receipt: bool = True,
                  lang: str = "zh", key: Ed25519PrivateKey | None = None) -> Filed:
    """A counter officer files a petition and prints its receipt."""
    require(actor, Permission.PETITION_FILE)
    kind = PetitionKind(kind)
    info = KINDS[kind]
    details = details or PetitionDetails()
    with uow:
        s = uow.session
        case = uow.cases.get(case_id).case
        e = ErrorCollector()
        who = _identify(case, kind, petitioner_id, petitioner_name, e)
        e.extend(check_details(kind, details, received_on, travel_max_days=_travel_max(s)))
        for k, f in enumerate(evidence):
            if not f.name.strip():
                e.add(f"evidence[{k}].name", "required", "this field is required", "此项为必填项")
            if not f.data:
                e.add(f"evidence[{k}]", "petition.evidence_empty", f"the file {f.name} is empty",
                      f"文件{f.name}为空")
        target = _target(s, case, case_id, kind, who, respondent, e) if who is not None else None
        if who is not None and target is not None:
            _intake_checks(case, kind, who, target, details, e)
        e.raise_if_any()
        assert who is not None and target is not None
        resp, listing_row, order_row = target
        sla = sla_for(s, kind)
        seq = (s.scalar(select(func.max(PetitionRow.sequence)).where(PetitionRow.case_id == case_id))
               or 0) + 1
        row = PetitionRow(
            number=petition_number(case.case_number, seq), case_id=case_id, sequence=seq,
            kind=kind.value, status=PetitionStatus.PENDING.value, respondent=resp,
            petitioner_role=who.role.value, petitioner_index=who.index, officer=who.officer,
            petitioner_name=who.name, petitioner_identifier=who.identifier,
            listing_id=listing_row.id if listing_row is not None else None,
            order_id=order_row.id if order_row is not None else None, received_on=received_on,
            sla_days=sla.days, sla_unit=sla.unit.value,
            details=audit.canonical_json(details.to_json()) or "{}", filed_by=actor.username,
            created_at=datetime.now(UTC))
        row.evidence = [PetitionEvidenceRow(position=k, name=f.name.strip(), size=len(f.data),
                                            sha256=hashlib.sha256(f.data).hexdigest(), data=f.data)
                        for k, f in enumerate(evidence)]
        s.add(row)
        s.flush()
        pet = _dto(s, row, case.case_number, case.respondents[resp].name)
        audit.record(uow, actor, "petition.file", "petition", row.number,
                     after={"kind": kind.value, "case": case.case_number, "respondent": resp,
                            "petitioner": {"role": who.role.value, "name": who.name,
                                           "identifier": who.identifier, "officer": who.officer},
                            "received_on": received_on.isoformat(), "due": pet.due.isoformat(),
                            "due_provisional": pet.due_provisional, "sla": sla.code(),
                            "details": details.to_json(),
                            "evidence": [{"name": x.name, "sha256": x.sha256} for x in row.evidence]},
                     legal_ground=info.article)
        uow.commit()
    if not issue_receipt:
        return Filed(pet)
    try:
        issued = _issue_receipt(uow, actor, pet, lang=lang, key=key)
    except (DomainError, ValueError) as ex:
        return Filed(pet, receipt_error=_reason(ex))
    return Filed(get_petition(uow, actor, pet.id), issued.document, issued.pdf)


def _intake_checks(case: EnforcementCase, kind: PetitionKind, who: _Who,
                   target: tuple[int, ListingRow | None, RestrictionOrderRow | None],
                   d: PetitionDetails, e: ErrorCollector) -> None:
    resp, listing_row, order_row = target
    party = case.respondents[resp]
    if kind is PetitionKind.OFFICER_RELEASE and who.officer is not None:
        role = party.officers[who.officer].role
        if role not in (OfficerRole.LEGAL_REPRESENTATIVE, OfficerRole.PRINCIPAL):
            e.add("petitioner_id", "petition.not_former_representative",
                  f"only a former legal representative or principal responsible person may apply "
                  f"for release ({ART_R_C6}); {who.name} is recorded as {role.value}",
                  f"仅原法定代表人、主要负责人可以申请解除（{ART_R_C6}）；{who.name}登记为{role.value}")
    if kind is PetitionKind.TEMPORARY_TRAVEL and who.role is PetitionerRole.RESPONDENT \
            and party.kind is PartyKind.ENTITY:
        e.add("petitioner_id", "petition.travel_person",
              "temporary travel is applied for by a natural person: the respondent's officer who "
              "must travel files it (2019 Opinion item 17(3))",
              "暂时解除乘坐飞机、高铁限制应由需要出行的自然人申请（法发〔2019〕35号第17条第3项）")
    if d.items:
        rows = (listing_row.restrictions if listing_row is not None else
                order_row.restrictions if order_row is not None else [])
        have = {r.item for r in _in_force(rows)}
        bad = sorted(set(d.items) - have)
        if bad:
            e.add("details.items", "petition.items_not_restricted",
                  f"item(s) {', '.join(map(str, bad))} are not restricted",
                  f"第{'、'.join(map(str, bad))}项不在限制消费项目之内")


def _reason(ex: BaseException) -> str:
    if isinstance(ex, ValidationError):
        return ex.summary("en")
    return str(ex) or type(ex).__name__


_RECEIPT_ROLE = {PetitionerRole.RESPONDENT: "respondent", PetitionerRole.APPLICANT: "applicant",
                 PetitionerRole.OFFICER: "officer"}


def _issue_receipt(uow: UnitOfWork, actor: Actor, pet: Petition, *, lang: str,
                   key: Ed25519PrivateKey | None) -> Issued:
    from courtapp.core.services import documents

    extra: dict[str, Any] = {
        "petition": pet.info.receipt, "petition_number": pet.number,
        "received_on": pet.received_on.isoformat(), "due_on": pet.due.isoformat(),
        "due_provisional": pet.due_provisional, "petitioner": _RECEIPT_ROLE[pet.petitioner_role],
        "attachments": "、".join(x.name for x in pet.evidence)}
    if pet.petitioner_role is PetitionerRole.APPLICANT:
        extra["applicant"] = pet.petitioner_index
    if pet.officer is not None:
        extra["person"] = pet.officer
    issued = documents.issue(uow, actor, DocKind.RECEIPT, pet.case_id, respondent=pet.respondent,
                             lang=lang, issued_on=pet.received_on, extra=extra, key=key)
    with uow:
        row = _load(uow.session, pet.id)
        row.receipt_number = issued.document.number
        audit.record(uow, actor, "petition.receipt", "petition", row.number,
                     after={"receipt": issued.document.number})
        uow.commit()
    return issued


def issue_receipt(uow: UnitOfWork, actor: Actor, petition_id: int, *, lang: str = "zh",
                  key: Ed25519PrivateKey | None = None) -> Filed:
    """(Re)issue a petition's receipt, e.g. after the first attempt failed."""
    require(actor, Permission.PETITION_FILE)
    pet = get_petition(uow, actor, petition_id)
    issued = _issue_receipt(uow, actor, pet, lang=lang, key=key)
    return Filed(get_petition(uow, actor, petition_id), issued.document, issued.pdf)


def record_searches(uow: UnitOfWork, actor: Actor, petition_id: int, *, terminated_on: date,
                    searches: Sequence[Search], asset_lead: bool = False) -> Petition:
    """Record on a no-property petition the termination of this round and the
    online searches after it (R-R1, Art. 10 para. 1 item 4)."""
    require(actor, Permission.PETITION_FILE)
    with uow:
        s = uow.session
        row = _load(s, petition_id)
        e = ErrorCollector()
        if row.kind != PetitionKind.REMOVAL_NO_PROPERTY.value:
            e.add("kind", "petition.searches_kind", "searches are recorded on a no-property petition",
                  "查询记录仅适用于无可供执行财产的删除申请")
        if row.status != PetitionStatus.PENDING.value:
            e.add("status", "petition.decided", "this petition is already decided", "该申请已处理")
        e.raise_if_any()
        d = PetitionDetails.from_json(json.loads(row.details))
        merged = tuple(sorted({(x.on, x.found_property, x.note): x
                               for x in (*d.searches, *searches)}.values(), key=lambda x: x.on))
        new = d.with_searches(merged, terminated_on, asset_lead)
        row.details = audit.canonical_json(new.to_json()) or "{}"
        audit.record(uow, actor, "petition.searches", "petition", row.number,
                     before=d.to_json(), after=new.to_json(),
                     legal_ground="2017 Provisions Art. 10 para. 1 item 4")
        s.flush()
        out = _one(s, row)
        uow.commit()
        return out


# ---------------------------------------------------------------- reading
def get_petition(uow: UnitOfWork, actor: Actor, ref: int | str) -> Petition:
    """A petition by id or number."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return _one(uow.session, _load(uow.session, ref))


def list_petitions(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                   status: PetitionStatus | None = None, kind: PetitionKind | None = None,
                   document_missing: bool = False, decision_unserved: bool = False,
                   limit: int = 10_000) -> list[Petition]:
    """Petitions, oldest first (``document_missing``: decided, but the decision
    document failed to issue; ``decision_unserved``: its document is issued and
    its service not recorded)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        s = uow.session
        q = (select(PetitionRow).options(_EVIDENCE)
             .order_by(PetitionRow.id).limit(limit))
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
        return _many(s, list(s.scalars(q)))


def _many(s: Session, rows: list[PetitionRow]) -> list[Petition]:
    if not rows:
        return []
    cases = {i: rec.case for i, rec in CaseRepository(s).many(r.case_id for r in rows).items()}
    dates = [d for r in rows for d in (r.received_on, r.decided_on, r.decision_served_on,
                                        r.reconsideration_filed_on) if d]
    cal = _cal(s, min(dates), max(dates))
    return [_dto(s, r, cases[r.case_id].case_number, cases[r.case_id].respondents[r.respondent].name,
                 cal) for r in rows]


def queue(uow: UnitOfWork, actor: Actor, today: date, *, case_id: int | None = None) -> list[QueueItem]:
    """The judge's queue: pending petitions, soonest due first, overdue ones marked."""
    pending = list_petitions(uow, actor, case_id=case_id, status=PetitionStatus.PENDING)
    pending.sort(key=lambda p: (p.due, p.received_on, p.id))
    return [QueueItem(p, p.overdue(today), p.days_overdue(today)) for p in pending]


def evidence_bytes(uow: UnitOfWork, actor: Actor, evidence_id: int) -> bytes:
    """An evidence file's bytes, checked against the SHA-256 recorded at intake."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        row = uow.session.get(PetitionEvidenceRow, evidence_id)
        if row is None:
            raise NotFound(f"evidence {evidence_id}")
        data = bytes(row.data)
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise DomainError(f"evidence {row.name} no longer matches its SHA-256")
        return data


# --------------------------------------------------------------- deciding
@dataclass
class _Ctx:
    uow: UnitOfWork
    actor: Actor
    row: PetitionRow
    case: EnforcementCase
    details: PetitionDetails
    decision: Decision
    e: ErrorCollector
    doc: tuple[DocKind, dict[str, Any]] | None = None
    effect: dict[str, Any] = field(default_factory=dict)
    new_order_id: int | None = None

    @property
    def s(self) -> Session:
        return self.uow.session

    @property
    def kind(self) -> PetitionKind:
        return PetitionKind(self.row.kind)

    @property
    def on(self) -> date:
        return self.decision.on


def _listing(c: _Ctx) -> ListingRow:
    assert c.row.listing_id is not None
    row = c.s.scalar(select(ListingRow).options(selectinload(ListingRow.restrictions))
                     .where(ListingRow.id == c.row.listing_id))
    assert row is not None
    return row


def _order(c: _Ctx) -> RestrictionOrderRow:
    assert c.row.order_id is not None
    row = c.s.scalar(select(RestrictionOrderRow).options(selectinload(RestrictionOrderRow.restrictions))
                     .where(RestrictionOrderRow.id == c.row.order_id))
    assert row is not None
    return row


def _source_rows(c: _Ctx) -> list[RestrictionRow]:
    if c.row.listing_id is not None:
        return list(_listing(c).restrictions)
    if c.row.order_id is not None:
        return list(_order(c).restrictions)
    return []


def _not_performed(c: _Ctx) -> tuple[str, str]:
    out = c.case.outstanding(c.on)
    acts = [c.case.obligations[i].description for i in c.case.unperformed_acts(c.on)]
    en = f"the case records CNY {format_amount(out)} outstanding" + (
        f" and {len(acts)} act(s) not performed ({'; '.join(acts)})" if acts else "") + \
        f" on {c.on.isoformat()}: record the payments on the case first"
    zh = f"截至{c.on.isoformat()}，本案尚有人民币{format_amount(out)}元未履行" + (
        f"，另有{len(acts)}项行为义务未履行（{'；'.join(acts)}）" if acts else "") + "，请先在案件中登记履行情况"
    return en, zh


def _must_grant(c: _Ctx) -> tuple[str, str] | None:
    """Why the court must grant (verified facts it may not reject), or None."""
    k, d, dec = c.kind, c.details, c.decision
    if k in REMOVAL_KINDS:
        lst = c.uow.listings.get(_listing(c).id).listing
        end = lst.term_end()
        fixed = lst.term_years is not None
        para1 = not fixed or para1_applies_to_fixed_term(c.uow)
        if k is PetitionKind.REMOVAL_TERM_EXPIRED and end is not None and c.on > end:
            return ("the term ended on " + end.isoformat() + ": the entry shall be deleted (Art. 10 para. 2)",
                    f"纳入期限已于{end.isoformat()}届满，应当删除（第十条第二款）")
        if k is PetitionKind.REMOVAL_PERFORMED and para1 and c.case.fully_performed(c.on):
            return ("the case records full performance: the entry shall be deleted (Art. 10 para. 1 item 1)",
                    "本案已履行完毕，应当删除失信信息（第十条第一款第（一）项）")
        if k is PetitionKind.REMOVAL_SETTLEMENT and para1 and dec.facts_verified:
            return ("the settlement is verified as fully performed: the entry shall be deleted "
                    "(Art. 10 para. 1 item 2)", "执行和解协议经审查已履行完毕，应当删除（第十条第一款第（二）项）")
        if k is PetitionKind.REMOVAL_NO_PROPERTY and para1 and not check_searches(d):
            return ("two searches after termination found nothing and there is no asset lead: the "
                    "entry shall be deleted (Art. 10 para. 1 item 4)",
                    "终结本次执行程序后两次以上查询未发现财产且无财产线索，应当删除（第十条第一款第（四）项）")
        return None
    if k is PetitionKind.LIFTING and d.lifting_ground is LiftingGround.FULLY_PERFORMED \
            and c.case.fully_performed(c.on):
        return ("the debtor has fully performed: the restriction shall be lifted (2015 Provisions Art. 9)",
                "被执行人已履行完毕，应当解除限制消费令（2015年规定第九条）")
    if KINDS[k].mandatory_if_verified and dec.facts_verified:
        return (f"the facts are verified: a {KINDS[k].label_en} shall be granted ({KINDS[k].article})",
                f"经审查属实，{KINDS[k].label_zh}应予准许（{KINDS[k].article}）")
    return None


def decide(uow: UnitOfWork, actor: Actor, petition_id: int | str, decision: Decision, *,
           issue_document: bool = True, lang: str = "zh",
           key: Ed25519PrivateKey | None = None) -> Decided:
    """Grant or reject a petition with reasons, carry out the effect, issue the document."""
    require(actor, Permission.PETITION_DECIDE)
    with uow:
        s = uow.session
        row = _load(s, petition_id)
        e = ErrorCollector()
        if row.status != PetitionStatus.PENDING.value:
            e.add("status", "petition.decided", f"petition {row.number} is already decided ({row.status})",
                  f"申请{row.number}已处理（{row.status}）")
            e.raise_if_any()
        if not decision.reasons.strip():
            e.add("reasons", "required", "a decision states its reasons", "决定应当说明理由")
        if decision.on < row.received_on:
            e.add("on", "petition.before_receipt", "a decision cannot precede the petition",
                  "决定日期不得早于收到申请的日期")
        e.raise_if_any()
        case = uow.cases.get(row.case_id).case
        c = _Ctx(uow, actor, row, case, PetitionDetails.from_json(json.loads(row.details)), decision, e)
        must = _must_grant(c)
        if not decision.granted:
            if must is not None:
                e.add("granted", "petition.must_grant", f"cannot reject: {must[0]}", f"不得驳回：{must[1]}")
            e.raise_if_any()
            _reject(c)
        else:
            _GRANT[c.kind](c)
            e.raise_if_any()
        row.status = (PetitionStatus.GRANTED if decision.granted else PetitionStatus.REJECTED).value
        row.decided_on, row.decided_by = decision.on, actor.username
        row.decision_reasons = decision.reasons.strip()
        details = {"facts_verified": decision.facts_verified, **c.effect}
        if c.doc is not None:
            details["document"] = {"kind": c.doc[0].value, "extra": c.doc[1]}
        row.decision_details = audit.canonical_json(details) or "{}"
        audit.record(uow, actor, f"petition.{row.status}", "petition", row.number,
                     after={"on": decision.on.isoformat(), "effect": c.effect,
                            "facts_verified": decision.facts_verified,
                            "late": decision.on > _one(s, row).due},
                     legal_ground=KINDS[c.kind].article, reason=decision.reasons.strip())
        try:
            s.flush()
        except StaleDataError:
            raise ConflictError(f"petition {row.number} or what it concerns was changed by "
                                "someone else meanwhile; open it again") from None
        pet = _one(s, row)
        uow.commit()
    if not issue_document or c.doc is None:
        return Decided(pet, new_order_id=c.new_order_id)
    return _issue_decision_document(uow, actor, pet, lang=lang, key=key, new_order_id=c.new_order_id)


def _issue_decision_document(uow: UnitOfWork, actor: Actor, pet: Petition, *, lang: str,
                             key: Ed25519PrivateKey | None, new_order_id: int | None = None) -> Decided:
    from courtapp.core.services import documents

    spec = pet.decision.get("document")
    if not spec:
        return Decided(pet, new_order_id=new_order_id)
    kind = DocKind(spec["kind"])
    try:
        issued = documents.issue(uow, actor, kind, pet.case_id, respondent=pet.respondent, lang=lang,
                                 issued_on=pet.decided_on, listing_id=pet.listing_id,
                                 order_id=pet.order_id if pet.listing_id is None else None,
                                 extra=dict(spec.get("extra") or {}), key=key)
    except (DomainError, ValueError) as ex:
        reason = _reason(ex)
        with uow:
            row = _load(uow.session, pet.id)
            row.document_error = reason
            uow.commit()
        return Decided(get_petition(uow, actor, pet.id), document_error=reason, new_order_id=new_order_id)
    with uow:
        row = _load(uow.session, pet.id)
        row.document_number, row.document_error = issued.document.number, None
        audit.record(uow, actor, "petition.document", "petition", row.number,
                     after={"document": issued.document.number, "kind": kind.value})
        uow.commit()
    return Decided(get_petition(uow, actor, pet.id), issued.document, issued.pdf,
                   new_order_id=new_order_id)


def issue_decision_document(uow: UnitOfWork, actor: Actor, petition_id: int | str, *,
                            lang: str = "zh", key: Ed25519PrivateKey | None = None) -> Decided:
    """Issue a decided petition's document again after a failure (the decision stands)."""
    require(actor, Permission.PETITION_DECIDE)
    pet = get_petition(uow, actor, petition_id)
    if pet.status is PetitionStatus.PENDING:
        raise _err("status", "petition.pending", "the petition is not decided yet", "该申请尚未处理")
    return _issue_decision_document(uow, actor, pet, lang=lang, key=key)


# ------------------------------------------------------------ the effects
def _reject(c: _Ctx) -> None:
    """A rejection changes nothing; a correction rejection is a decision with the
    reconsideration route (R-R5), which does not suspend anything."""
    if c.kind is PetitionKind.CORRECTION:
        ground = c.details.correction_ground
        assert ground is not None
        c.doc = (DocKind.CORRECTION_DECISION, {
            "outcome": "rejected", "ground": int(ground.value),
            "received_on": c.row.received_on.isoformat(), "reasons": c.decision.reasons.strip(),
            "higher_court": c.decision.higher_court.strip() or _setting(c.s, SETTING_HIGHER_COURT, "")})
        c.effect = {"reconsideration_days": RECONSIDERATION_DAYS}


def _grant_removal(c: _Ctx) -> None:
    info = KINDS[c.kind]
    assert info.removal is not None
    kind, reason, item = info.removal
    lr = _listing(c)
    if lr.status not in (ListingStatus.AWAITING_PUBLICATION.value, ListingStatus.PUBLISHED.value):
        c.e.add("listing", "petition.listing_gone",
                f"the listing was already removed on {lr.removed_on} ({lr.removal_kind})",
                f"该失信记录已于{lr.removed_on}删除")
        return
    lst = c.uow.listings.get(lr.id).listing
    end = lst.term_end()
    fixed = lst.term_years is not None
    article = ART_ITEM.format(n=item) if item is not None else ART_EXPIRED
    ground: int | str = item if item is not None else "expired"
    event_on = c.on
    if c.kind is PetitionKind.REMOVAL_TERM_EXPIRED:
        if end is None:
            c.e.add("kind", "petition.no_term",
                    "the listing has no fixed term (ground (1)), so it does not expire "
                    "(Art. 10 para. 2); it is deleted on a ground of Art. 10 para. 1",
                    "该失信记录未设纳入期限，不存在期限届满（第十条第二款）")
            return
        if c.on <= end:
            c.e.add("on", "petition.term_running", f"the term ends on {end.isoformat()} (Art. 10 para. 2)",
                    f"纳入期限至{end.isoformat()}届满（第十条第二款）")
            return
        event_on = end
    elif fixed and not para1_applies_to_fixed_term(c.uow):
        if c.kind in (PetitionKind.REMOVAL_PERFORMED, PetitionKind.REMOVAL_SETTLEMENT):
            article, ground = ART_EARLY, "early"  # discretionary early deletion
        else:
            assert end is not None
            c.e.add("kind", "petition.fixed_term",
                    f"the listing has a fixed term ending {end.isoformat()}: the grounds of Art. 10 "
                    "para. 1 do not apply to it (Art. 10 para. 2; court setting "
                    "removal.para1_applies_to_fixed_term)",
                    f"该失信记录设有纳入期限（至{end.isoformat()}），不适用第十条第一款的规定（第十条第二款）")
            return
    if c.kind is PetitionKind.REMOVAL_PERFORMED and not c.case.fully_performed(c.on):
        en, zh = _not_performed(c)
        c.e.add("granted", "petition.not_performed", en, zh)
        return
    if c.kind is PetitionKind.REMOVAL_NO_PROPERTY:
        c.e.extend(check_searches(c.details))
        if c.e:
            return
    if reason in (RemovalReason.PERFORMED, RemovalReason.SETTLEMENT_PERFORMED) \
            and lr.status != ListingStatus.PUBLISHED.value:
        kind = RemovalKind.CANCELLED  # never published: nothing to delete from the list
    execute_removal(c.uow, c.actor, c.uow.listings.get(lr.id), c.case, kind=kind, reason=reason,
                    on=c.on, event_on=event_on,
                    article=article, why=_why(c),
                    petition_id=c.row.id)
    c.doc = (DocKind.DELETION, {"action": "delete", "ground": ground})
    c.effect = {"removal": {"kind": kind.value, "reason": reason.value, "article": article,
                            "event_on": event_on.isoformat()}}


def _grant_correction(c: _Ctx) -> None:
    ground = c.details.correction_ground
    assert ground is not None
    lr = _listing(c)
    if lr.status not in (ListingStatus.AWAITING_PUBLICATION.value, ListingStatus.PUBLISHED.value):
        c.e.add("listing", "petition.listing_gone", f"the listing was already removed on {lr.removed_on}",
                f"该失信记录已于{lr.removed_on}删除")
        return
    extra: dict[str, Any] = {"outcome": "granted", "ground": int(ground.value),
                             "received_on": c.row.received_on.isoformat(),
                             "reasons": c.decision.reasons.strip()}
    why = _why(c)
    if ground is CorrectionGround.NOT_LISTABLE:  # R-R4: revoked within 3 working days
        execute_removal(c.uow, c.actor, c.uow.listings.get(lr.id), c.case, kind=RemovalKind.REVOKED,
                        reason=RemovalReason.REVOKED, on=c.on, event_on=c.on, article=ART_REVOKE,
                        why=why, petition_id=c.row.id)
        c.effect = {"removal": {"kind": "revoked", "reason": "revoked", "article": ART_REVOKE}}
    elif ground is CorrectionGround.SHOULD_BE_DELETED:
        execute_removal(c.uow, c.actor, c.uow.listings.get(lr.id), c.case, kind=RemovalKind.DELETED,
                        reason=RemovalReason.CORRECTED, on=c.on, event_on=c.on, article=ART_CORRECTED,
                        why=why, petition_id=c.row.id)
        c.effect = {"removal": {"kind": "deleted", "reason": "corrected", "article": ART_CORRECTED}}
    else:  # R-R4/R-R5: inaccurate information corrected within 3 working days
        text = (c.decision.correction or c.details.requested_correction).strip()
        if not text:
            c.e.add("correction", "petition.requested_correction",
                    "say what the inaccurate information should read (Art. 11 item 2)",
                    "请写明应当更正的失信信息内容（第十一条第（二）项）")
            return
        lst = c.uow.listings.get(lr.id).listing
        state = lr.status == ListingStatus.PUBLISHED.value
        cur = history.current_state(c.uow, c.case, lr.case_id, lr.respondent, c.on)
        history.record(c.uow, c.actor, lr.case_id, lr.respondent, cur, cur, c.on, ART_CORRECTED,
                       Message("history.information_corrected",
                               {"correction": text, "petition": c.row.number,
                                "reasons": c.decision.reasons.strip()}))
        audit.record(c.uow, c.actor, "listing.correct", "listing", lr.id, before=dump_listing(lst),
                     after={"correction": text, "on": c.on.isoformat(), "petition": c.row.number},
                     legal_ground=ART_CORRECTED, reason=c.decision.reasons.strip())
        if state:
            from courtapp.core.domain.publication import in_force
            from courtapp.core.services.dispatch import queue_event

            queue_event(c.uow, case_id=lr.case_id, event="correction",
                        recipients=listing_bodies(c.case, lr.respondent, in_force(lst.restrictions)),
                        payload={"event": "correction", "correction": text, "on": c.on.isoformat(),
                                 "article": ART_CORRECTED, "entry": entry_data(c.case, lst, c.on)},
                        on=c.on, listing_id=lr.id, petition_id=c.row.id)
        extra["correction"] = text
        c.effect = {"correction": text}
    c.doc = (DocKind.CORRECTION_DECISION, extra)


def _why(c: _Ctx) -> Message:
    """The history reason of a granted petition: its number and the judge's reasons."""
    return Message("history.petition_granted",
                   {"petition": c.row.number, "reasons": c.decision.reasons.strip()})


def _lift_rows(c: _Ctx, rows: Sequence[RestrictionRow], status: RestrictionStatus, article: str,
               why: Message) -> None:
    for r in rows:
        before = r.status
        r.status = status.value
        if status is RestrictionStatus.LIFTED:
            r.until = c.on
        audit.record(c.uow, c.actor, "restriction.status",
                     "listing" if r.listing_id is not None else "restriction_order",
                     r.listing_id if r.listing_id is not None else r.order_id,
                     before={"position": r.position, "status": before},
                     after={"position": r.position, "status": status.value, "on": c.on.isoformat(),
                            "petition": c.row.number},
                     legal_ground=article, reason=history.judges_words(why))


def _bodies_for(c: _Ctx, items: Sequence[RestrictionItem]) -> list[Any]:
    """Who hears of a lifting: everyone the listing reached, or — for a standalone
    order — the list system and the carriers (2015 Art. 9: the same scope)."""
    if c.row.listing_id is not None:
        lr = _listing(c)
        if lr.status == ListingStatus.PUBLISHED.value:
            return listing_bodies(c.case, c.row.respondent, items)
    return [SPC_LIST, *carriers(items)]


def _grant_lifting(c: _Ctx) -> None:
    ground = c.details.lifting_ground
    assert ground is not None
    art = KINDS[PetitionKind.LIFTING].article
    if ground is LiftingGround.FULLY_PERFORMED and not c.case.fully_performed(c.on):
        en, zh = _not_performed(c)
        c.e.add("granted", "petition.not_performed", en, zh)
        return
    if ground is LiftingGround.SECURITY and not any(x.respondent == c.row.respondent
                                                    for x in c.case.security):
        c.e.add("granted", "petition.security_missing",
                "record the security the debtor provided on the case first (2015 Provisions Art. 9)",
                "请先在案件中登记被执行人提供的担保（2015年规定第九条）")
        return
    rows = _in_force(_source_rows(c))
    if c.details.items:
        rows = [r for r in rows if r.item in c.details.items]
    if not rows:
        c.e.add("details.items", "petition.nothing_to_lift", "no restricted item is left to lift",
                "没有可以解除的限制消费项目")
        return
    if c.row.listing_id is not None:
        lr = _listing(c)
        rest = [r for r in _in_force(lr.restrictions) if r not in rows]
        if lr.status in (ListingStatus.AWAITING_PUBLICATION.value, ListingStatus.PUBLISHED.value) \
                and not rest:
            c.e.add("details.items", "listing.restriction_required",
                    "a listed respondent stays restricted (2015 Provisions Art. 1 para. 2): the whole "
                    "restriction goes with the listing's removal (file a removal petition)",
                    "纳入失信名单的被执行人应当限制消费（2015年规定第一条第二款），全部解除须先删除失信信息")
            return
    why = _why(c)
    _lift_rows(c, rows, RestrictionStatus.LIFTED, art, why)
    items = sorted({RestrictionItem(r.item) for r in rows})
    whole = False
    if c.row.order_id is not None and c.row.listing_id is None:
        order = _order(c)
        if not _in_force(order.restrictions):
            order.status = OrderStatus.LIFTED.value
            whole = True
    _queue_lifting(c, items, ground.value, art)
    extra: dict[str, Any] = {"ground": ground.value}
    if not whole:
        extra["items"] = [int(i) for i in items]
    c.doc = (DocKind.RESTRICTION_LIFTING, extra)
    c.effect = {"lifted": [int(i) for i in items], "whole_order": whole, "ground": ground.value}


def _queue_lifting(c: _Ctx, items: Sequence[RestrictionItem], ground: str, article: str,
                   persons: Sequence[int | None] = ()) -> None:
    from courtapp.core.services.dispatch import queue_event

    queue_event(c.uow, case_id=c.row.case_id, event="lifting", recipients=_bodies_for(c, items),
                payload={"event": "lifting", "on": c.on.isoformat(), "ground": ground,
                         "items": [int(i) for i in items], "persons": list(persons),
                         "respondent": c.case.respondents[c.row.respondent].name,
                         "article": article},
                on=c.on, listing_id=c.row.listing_id,
                order_id=c.row.order_id if c.row.listing_id is None else None, petition_id=c.row.id)


def _grant_permission(c: _Ctx) -> None:
    from courtapp.core.services.dispatch import queue_event

    d, dec = c.details, c.decision
    start, until = dec.permit_from or d.permit_from, dec.permit_until or d.permit_until
    not_before = c.on if c.kind is PetitionKind.NECESSARY_CONSUMPTION else c.row.received_on
    c.e.extend(check_period(c.kind, start, until, not_before, travel_max_days=_travel_max(c.s)))
    if c.e:
        return
    assert start is not None and until is not None
    person = c.row.officer
    live = _in_force(_source_rows(c), person)
    if c.kind is PetitionKind.TEMPORARY_TRAVEL:
        rows = [r for r in live if RestrictionItem(r.item) in TRAVEL_ITEMS]
        for other in c.s.scalars(select(PetitionRow).where(
                PetitionRow.case_id == c.row.case_id, PetitionRow.respondent == c.row.respondent,
                PetitionRow.kind == PetitionKind.TEMPORARY_TRAVEL.value,
                PetitionRow.status == PetitionStatus.GRANTED.value,
                PetitionRow.permission_ended_on.is_(None), PetitionRow.id != c.row.id)):
            if other.officer == person:
                od = json.loads(other.decision_details or "{}").get("permission", {})
                c.e.add("granted", "petition.travel_single",
                        f"a temporary lifting is a single unblock: petition {other.number} already "
                        f"unblocks travel until {od.get('until')} (2019 Opinion item 17(3))",
                        f"暂时解除为单次解禁：申请{other.number}准许的出行期间（至{od.get('until')}）尚未结束")
                return
    else:
        rows = [r for r in live if r.item in d.items] if d.items else []
    rows = [r for r in rows if r.status == RestrictionStatus.IMPOSED.value]
    why = _why(c)
    art = KINDS[c.kind].article
    _lift_rows(c, rows, RestrictionStatus.TEMPORARILY_LIFTED, art, why)
    items = sorted({RestrictionItem(r.item) for r in rows})
    permission = {"travel" if c.kind is PetitionKind.TEMPORARY_TRAVEL else
                  "private" if c.kind is PetitionKind.PRIVATE_CONSUMPTION else "necessary": True}
    what = next(iter(permission))
    queue_event(c.uow, case_id=c.row.case_id, event="permission",
                recipients=[SPC_LIST, *carriers(items)],
                payload={"event": "permission", "permission": what, "from": start.isoformat(),
                         "until": until.isoformat(), "items": [int(i) for i in items],
                         "person": person, "article": art,
                         "respondent": c.case.respondents[c.row.respondent].name},
                on=c.on, listing_id=c.row.listing_id,
                order_id=c.row.order_id if c.row.listing_id is None else None, petition_id=c.row.id)
    extra: dict[str, Any] = {"permission": what, "received_on": c.row.received_on.isoformat(),
                             "from": start.isoformat(), "until": until.isoformat()}
    if person is not None:
        extra["person"] = person
    if c.kind is PetitionKind.TEMPORARY_TRAVEL:
        assert d.travel_ground is not None
        extra["travel_ground"] = d.travel_ground.value
        if d.itinerary:
            extra["itinerary"] = d.itinerary
    else:
        extra["consumption"] = d.consumption
    c.doc = (DocKind.PERMISSION, extra)
    c.effect = {"permission": {"kind": what, "from": start.isoformat(), "until": until.isoformat(),
                               "person": person, "items": [int(i) for i in items],
                               "rows": [r.id for r in rows]}}


def _grant_officer_release(c: _Ctx) -> None:
    """R-C6: lift the former officer's items and prepare, for the president's
    signature (2015 Art. 5), a restriction order on the new officer."""
    former = c.row.officer
    assert former is not None
    party = c.case.respondents[c.row.respondent]
    new = c.decision.new_officer
    if new is None or not 0 <= new < len(party.officers):
        c.e.add("new_officer", "petition.new_officer",
                "name the new legal representative or principal responsible person: the index of an "
                "officer recorded on the entity (record them on the case first)",
                "请指明变更后的法定代表人或主要负责人（须先在案件中登记为单位相关人员）")
        return
    if new == former or party.officers[new].id_number == party.officers[former].id_number:
        c.e.add("new_officer", "petition.new_officer_same",
                "the new officer is the same person as the former one", "变更后的人员与原人员为同一人")
        return
    if party.officers[new].role not in (OfficerRole.LEGAL_REPRESENTATIVE, OfficerRole.PRINCIPAL):
        c.e.add("new_officer", "petition.new_officer_role",
                "the new officer must be the legal representative or principal responsible person",
                "变更后的人员应为法定代表人或主要负责人")
        return
    rows = _in_force(_source_rows(c), former)
    if not rows:
        c.e.add("granted", "petition.nothing_to_lift", "the former officer has no restriction in force",
                "原法定代表人没有有效的限制消费措施")
        return
    why = _why(c)
    items = sorted({RestrictionItem(r.item) for r in rows})
    _lift_rows(c, rows, RestrictionStatus.LIFTED, ART_R_C6, why)
    factors = [Factor.PASSIVE_PERFORMANCE]
    if c.row.order_id is not None and c.row.listing_id is None:
        factors = list(c.uow.orders.get(_order(c).id).order.factors) or factors
    from courtapp.core.domain.listing import Restriction
    from courtapp.core.domain.restriction_order import RestrictionOrder

    order = RestrictionOrder(
        respondent=c.row.respondent, initiation=Initiation.EX_OFFICIO, factors=factors,
        reasons=(f"被执行人{party.name}的{party.officers[former].name}已不再担任法定代表人或主要负责人，"
                 f"变更后的{party.officers[new].name}应受限制消费令约束（{ART_R_C6}；申请{c.row.number}）。"),
        decided_on=c.on, restrictions=[Restriction(i, new, c.on) for i in items])
    errors = check_order(c.case, order)
    if errors:
        c.e.extend(errors)
        return
    orow = RestrictionOrderRow(
        case_id=c.row.case_id, respondent=c.row.respondent, initiation=order.initiation.value,
        application_received_on=None, factors=",".join(f.value for f in factors),
        reasons=order.reasons, decided_on=c.on, status=OrderStatus.DRAFT.value,
        prepared_by=c.actor.username, created_at=datetime.now(UTC))
    orow.restrictions = [RestrictionRow(case_id=c.row.case_id, respondent=c.row.respondent, position=j,
                                        person=new, item=int(i), start=c.on, until=None,
                                        status=RestrictionStatus.IMPOSED.value, reason="")
                         for j, i in enumerate(items)]
    c.s.add(orow)
    c.s.flush()
    audit.record(c.uow, c.actor, "restriction_order.prepare", "restriction_order", orow.id,
                 after=order_json(order) | {"petition": c.row.number}, legal_ground=ART_R_C6,
                 reason=history.judges_words(why))
    c.new_order_id = orow.id
    _queue_lifting(c, items, "officer_change", ART_R_C6, persons=[former])
    c.doc = (DocKind.RESTRICTION_LIFTING, {"ground": "officer_change", "persons": [former],
                                           "items": [int(i) for i in items]})
    c.effect = {"released": former, "items": [int(i) for i in items], "new_officer": new,
                "new_order_id": orow.id}


_GRANT = {
    **dict.fromkeys(REMOVAL_KINDS, _grant_removal),
    PetitionKind.CORRECTION: _grant_correction,
    PetitionKind.LIFTING: _grant_lifting,
    **dict.fromkeys(PERMISSION_KINDS, _grant_permission),
    PetitionKind.OFFICER_RELEASE: _grant_officer_release,
}


# ---------------------------------------------------- after the decision
def end_permissions(uow: UnitOfWork, actor: Actor, today: date) -> list[str]:
    """The daily run's step (idempotent): a temporary permission whose period ended
    before ``today`` has its items imposed again.  Returns the petition numbers."""
    require(actor, Permission.LISTING_PUBLISH)
    done: list[str] = []
    with uow:
        s = uow.session
        rows = list(s.scalars(select(PetitionRow).where(
            PetitionRow.kind.in_([k.value for k in PERMISSION_KINDS]),
            PetitionRow.status == PetitionStatus.GRANTED.value,
            PetitionRow.permission_ended_on.is_(None)).order_by(PetitionRow.id)))
        for row in rows:
            perm = json.loads(row.decision_details or "{}").get("permission") or {}
            until = date.fromisoformat(perm["until"]) if perm.get("until") else None
            if until is None or until >= today:
                continue
            ids = [int(i) for i in perm.get("rows") or []]
            back = list(s.scalars(select(RestrictionRow).where(
                RestrictionRow.id.in_(ids),
                RestrictionRow.status == RestrictionStatus.TEMPORARILY_LIFTED.value))) if ids else []
            for r in back:
                r.status = RestrictionStatus.IMPOSED.value
            row.permission_ended_on = today
            audit.record(uow, actor, "petition.permission_ended", "petition", row.number,
                         after={"until": until.isoformat(), "imposed_again": [r.id for r in back]},
                         legal_ground=KINDS[PetitionKind(row.kind)].article)
            done.append(row.number)
        uow.commit()
    return done


def record_decision_service(uow: UnitOfWork, actor: Actor, petition_id: int | str,
                            served_on: date) -> Petition:
    """Service of the decision on the petitioner: a correction rejection's 10 days
    for reconsideration run from it (2017 Art. 12)."""
    require(actor, Permission.LISTING_SERVE)
    with uow:
        s = uow.session
        row = _load(s, petition_id)
        e = ErrorCollector()
        if row.decided_on is None:
            e.add("status", "petition.pending", "the petition is not decided yet", "该申请尚未处理")
        elif served_on < row.decided_on:
            e.add("served_on", "petition.served_before_decision",
                  "a decision cannot be served before it was made", "送达日期不得早于决定日期")
        e.raise_if_any()
        row.decision_served_on = served_on
        audit.record(uow, actor, "petition.served", "petition", row.number,
                     after={"served_on": served_on.isoformat()}, legal_ground="2017 Provisions Art. 12")
        s.flush()
        out = _one(s, row)
        uow.commit()
        return out


def record_reconsideration(uow: UnitOfWork, actor: Actor, petition_id: int | str, *,
                           filed_on: date, outcome: str | None = None,
                           decided_on: date | None = None) -> Petition:
    """A reconsideration of a correction rejection at the next-higher court (R-R5).

    It does not suspend the rejection (复议期间，不停止原决定的执行): nothing
    changes until the outcome ``granted`` is recorded, which then applies the
    correction as a grant would.  A filing after the 10 days is recorded and flagged.
    """
    require(actor, Permission.PETITION_DECIDE)
    with uow:
        s = uow.session
        row = _load(s, petition_id)
        e = ErrorCollector()
        if row.kind != PetitionKind.CORRECTION.value or row.status != PetitionStatus.REJECTED.value:
            e.add("petition", "petition.not_reconsiderable",
                  "reconsideration lies against a rejected correction application (2017 Art. 12)",
                  "仅驳回纠正申请的决定可以申请复议（第十二条）")
        if outcome not in (None, "granted", "rejected"):
            e.add("outcome", "petition.reconsideration_outcome", "the outcome is granted or rejected",
                  "复议结果应为granted或rejected")
        if outcome is not None and decided_on is None:
            e.add("decided_on", "required", "this field is required", "此项为必填项")
        e.raise_if_any()
        cal = _cal(s, row.decision_served_on or filed_on)
        late = row.decision_served_on is not None and \
            filed_on > period_end(cal, row.decision_served_on, RECONSIDERATION_DAYS).due
        row.reconsideration_filed_on = filed_on
        audit.record(uow, actor, "petition.reconsideration", "petition", row.number,
                     after={"filed_on": filed_on.isoformat(), "late": late, "outcome": outcome},
                     legal_ground="2017 Provisions Art. 12")
        if outcome is not None:
            assert decided_on is not None
            row.reconsideration_outcome, row.reconsideration_decided_on = outcome, decided_on
            if outcome == "granted":
                case = uow.cases.get(row.case_id).case
                c = _Ctx(uow, actor, row, case, PetitionDetails.from_json(json.loads(row.details)),
                         Decision(True, f"reconsideration granted by the higher court on "
                                        f"{decided_on.isoformat()}", decided_on, True), e)
                _grant_correction(c)
                e.raise_if_any()
        s.flush()
        out = _one(s, row)
        uow.commit()
        return out


def set_sla(uow: UnitOfWork, actor: Actor, kind: PetitionKind, sla: Sla) -> None:
    """A court's period for deciding ``kind`` (the correction's 15 days are statutory)."""
    from courtapp.core.services.listing import set_setting

    if KINDS[kind].statutory_sla:
        raise _err("kind", "petition.sla_statutory",
                   f"the period for a {KINDS[kind].label_en} is fixed by {KINDS[kind].article}",
                   f"{KINDS[kind].label_zh}的审查期限由{KINDS[kind].article}规定，不能修改")
    Sla.parse(sla.code())
    set_setting(uow, actor, SETTING_SLA.format(kind=kind.value), sla.code())


def slas(uow: UnitOfWork) -> dict[PetitionKind, Sla]:
    """The period to decide each kind, as this court has set it."""
    with uow:
        return {k: sla_for(uow.session, k) for k in PetitionKind}


def counter_settings(uow: UnitOfWork) -> dict[str, str]:
    """Every court setting of the counter, with its current value (defaults filled in)."""
    from courtapp.core.services.dispatch import SETTING_LIFTING_DAYS
    with uow:
        s = uow.session
        out = {SETTING_SLA.format(kind=k.value): sla_for(s, k).code() for k in PetitionKind}
        out[SETTING_TRAVEL_MAX_DAYS] = str(_travel_max(s))
        out[SETTING_PARA1_FIXED] = "true" if para1_applies_to_fixed_term(uow) else "false"
        out[SETTING_HIGHER_COURT] = _setting(s, SETTING_HIGHER_COURT, "")
        out[SETTING_LIFTING_DAYS] = _setting(s, SETTING_LIFTING_DAYS, str(DEFAULT_LIFTING_DAYS))
        return out


def set_counter_setting(uow: UnitOfWork, actor: Actor, key: str, value: str) -> None:
    """Change one counter setting (``SETTINGS_EDIT``), checked before it is stored."""
    from courtapp.core.services.listing import set_setting

    value = value.strip()
    prefix = SETTING_SLA.format(kind="")
    if key.startswith(prefix):
        try:
            kind = PetitionKind(key[len(prefix):])
            sla = Sla.parse(value)
        except ValueError as ex:
            raise _err(key, "setting.value", str(ex), f"设置值无效：{ex}") from None
        set_sla(uow, actor, kind, sla)
        return
    ok = {SETTING_TRAVEL_MAX_DAYS: value.isdigit() and 1 <= int(value or 0) <= 366,
          SETTING_LIFTING_DAYS: value.isdigit() and 1 <= int(value or 0) <= 60,
          SETTING_PARA1_FIXED: value in ("true", "false"),
          SETTING_HIGHER_COURT: bool(value)}
    if key not in ok:
        raise _err(key, "setting.unknown", f"no counter setting {key!r}; see counter_settings()",
                   f"没有名为{key}的设置")
    if not ok[key]:
        raise _err(key, "setting.value", f"{value!r} is not a valid value for {key}",
                   f"{value}不是{key}的有效值")
    set_setting(uow, actor, key, value)


__all__ = [
    "Decided", "Decision", "Evidence", "EvidenceFile", "Filed", "Petition", "PetitionDetails",
    "QueueItem", "Search", "decide", "decision_due", "end_permissions", "evidence_bytes",
    "file_petition", "get_petition", "issue_decision_document", "issue_receipt", "list_petitions",
    "queue", "record_decision_service", "record_reconsideration", "record_searches", "set_sla",
    "sla_for", "slas", "counter_settings", "set_counter_setting",
]
