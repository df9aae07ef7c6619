"""Intake at the counter (``PETITION_FILE``: counter officers, clerks, judges).

1. the petitioner is identified against the case
   (:func:`~courtapp.core.domain.petition_intake.identify`);
2. the petition's data are checked
   (:func:`~courtapp.core.domain.petition.check_details`) against the case: the
   listing or restriction it concerns must exist
   (:func:`~courtapp.core.domain.petition_intake.choose_target`);
3. evidence files are stored with their SHA-256;
4. it is numbered ``<case number>-申<n>`` and its decision is due on the
   working-day calendar (provisional for a year without calendar data, R-D1);
5. the counter receipt (``services.documents``, kind ``receipt``) shows the
   number and the due date.

:func:`file_petition_with_searches` files a no-property petition and records
its searches in the same transaction (one intent, one transaction).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from courtapp.core.db.safety import retrying
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.errors import DomainError, ErrorCollector
from courtapp.core.domain.petition import (
    KINDS,
    PetitionDetails,
    PetitionerRole,
    PetitionKind,
    PetitionStatus,
    Search,
    check_details,
    petition_number,
)
from courtapp.core.domain.petition_intake import (
    check_evidence,
    choose_target,
    identify,
    intake_checks,
)
from courtapp.core.domain.petition_view import Petition
from courtapp.core.domain.records import Evidence, PetitionRecord
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import documents
from courtapp.core.services.counter.common import (
    EvidenceFile,
    Filed,
    error_text,
    sla_for,
    travel_max,
    view,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ART_SEARCHES = "2017 Provisions Art. 10 para. 1 item 4"


def file_in(uow: UnitOfWork, actor: Actor, case_id: int, kind: PetitionKind, *,
            petitioner_id: str, received_on: date, petitioner_name: str = "",
            respondent: int | None = None, details: PetitionDetails | None = None,
            evidence: Sequence[EvidenceFile] = (), statement: str = "") -> PetitionRecord:
    """Within the caller's open unit of work: check and store a petition (the caller commits).

    ``statement``: what the petitioner asks and why, in their words (a field of the
    petition, never an evidence file)."""
    require(actor, Permission.PETITION_FILE)
    kind = PetitionKind(kind)
    info = KINDS[kind]
    details = details or PetitionDetails()
    rec = uow.cases.get(case_id)
    case = rec.case
    e = ErrorCollector()
    who = identify(case, kind, petitioner_id, petitioner_name, e)
    e.extend(check_details(kind, details, received_on, travel_max_days=travel_max(uow)))
    check_evidence([(f.name, len(f.data)) for f in evidence], e)
    target = None
    if who is not None:
        n = len(case.respondents)
        listings = {j: uow.listings.current(case_id, j, signed=True) for j in range(n)}
        orders = {j: uow.orders.signed(case_id, j) for j in range(n)} if info.restriction else {}
        target = choose_target(case, kind, who, respondent, listings, orders, e)
        if target is not None:
            intake_checks(case, kind, who, target, details, e)
    e.raise_if_any()
    assert who is not None and target is not None
    sla = sla_for(uow, kind)
    seq = uow.petitions.next_sequence(case_id)
    stored = uow.petitions.add(PetitionRecord(
        id=0, number=petition_number(case.case_number, seq), case_id=case_id, sequence=seq,
        kind=kind, status=PetitionStatus.PENDING, respondent=target.respondent,
        petitioner_role=who.role, petitioner_index=who.index, officer=who.officer,
        petitioner_name=who.name, petitioner_identifier=who.identifier,
        listing_id=target.listing.id if target.listing is not None else None,
        order_id=target.order.id if target.order is not None else None, received_on=received_on,
        sla=sla, details=details, filed_by=actor.username, statement=statement.strip(),
        evidence=tuple(Evidence(0, f.name.strip(), len(f.data), hashlib.sha256(f.data).hexdigest())
                       for f in evidence)), [f.data for f in evidence])
    pet = view(uow, stored)
    # The due date as fixed at intake, stored for the monthly statistics.
    stored = uow.petitions.save(replace(stored, due_on=pet.due, due_provisional=pet.due_provisional))
    uow.audit.add(actor, "petition.file", "petition", stored.number,
                  after={"kind": kind.value, "case": case.case_number, "respondent": stored.respondent,
                         "petitioner": {"role": who.role.value, "name": who.name,
                                        "identifier": who.identifier, "officer": who.officer},
                         "received_on": received_on.isoformat(), "due": pet.due.isoformat(),
                         "due_provisional": pet.due_provisional, "sla": sla.code(),
                         "details": details.to_json(), "statement": stored.statement or None,
                         "evidence": [{"name": x.name, "sha256": x.sha256} for x in stored.evidence]},
                  legal_ground=info.article)
    return stored


def file_petition(uow: UnitOfWork, actor: Actor, case_id: int, kind: PetitionKind, *,
                  petitioner_id: str, received_on: date, petitioner_name: str = "",
                  respondent: int | None = None, details: PetitionDetails | None = None,
                  evidence: Sequence[EvidenceFile] = (), statement: str = "",
                  issue_receipt: bool = True, lang: str = "zh",
                  key: Ed25519PrivateKey | None = None) -> Filed:
    """A counter officer files a petition and prints its receipt."""
    require(actor, Permission.PETITION_FILE)

    def once() -> Petition:
        with uow:
            rec = file_in(uow, actor, case_id, kind, petitioner_id=petitioner_id,
                          received_on=received_on, petitioner_name=petitioner_name,
                          respondent=respondent, details=details, evidence=evidence,
                          statement=statement)
            pet = view(uow, rec)
            uow.commit()
            return pet

    # Two desks filing on the same case at once take the same sequence number: the
    # unique index refuses the second, which numbers again (issue 10 §2).
    pet = retrying(once)
    return _with_receipt(uow, actor, pet, issue_receipt, lang, key)


def file_petition_with_searches(uow: UnitOfWork, actor: Actor, case_id: int, kind: PetitionKind, *,
                                petitioner_id: str, received_on: date, petitioner_name: str = "",
                                respondent: int | None = None,
                                details: PetitionDetails | None = None,
                                evidence: Sequence[EvidenceFile] = (), statement: str = "",
                                terminated_on: date | None = None,
                                searches: Sequence[Search] = (), asset_lead: bool = False,
                                issue_receipt: bool = True, lang: str = "zh",
                                key: Ed25519PrivateKey | None = None) -> Filed:
    """File a petition and, for a no-property petition with a termination date, record
    its searches (R-R1, Art. 10 para. 1 item 4): one transaction, so a refused step
    leaves nothing saved."""
    require(actor, Permission.PETITION_FILE)
    with uow:
        rec = file_in(uow, actor, case_id, kind, petitioner_id=petitioner_id,
                      received_on=received_on, petitioner_name=petitioner_name,
                      respondent=respondent, details=details, evidence=evidence,
                      statement=statement)
        if terminated_on is not None:
            rec = searches_in(uow, actor, rec, terminated_on=terminated_on, searches=searches,
                              asset_lead=asset_lead)
        pet = view(uow, rec)
        uow.commit()
    return _with_receipt(uow, actor, pet, issue_receipt, lang, key)


def _with_receipt(uow: UnitOfWork, actor: Actor, pet: Petition, issue: bool, lang: str,
                  key: Ed25519PrivateKey | None) -> Filed:
    """The receipt is a document of its own (issued after the petition is stored)."""
    if not issue:
        return Filed(pet)
    try:
        issued = _issue_receipt(uow, actor, pet, lang=lang, key=key)
    except (DomainError, ValueError) as ex:
        return Filed(pet, receipt_error=error_text(ex))
    return Filed(issued[0], issued[1].document, issued[1].pdf)


def searches_in(uow: UnitOfWork, actor: Actor, rec: PetitionRecord, *, terminated_on: date,
                searches: Sequence[Search], asset_lead: bool) -> PetitionRecord:
    """Within the caller's open unit of work: record the searches on ``rec``."""
    e = ErrorCollector()
    if rec.kind is not PetitionKind.REMOVAL_NO_PROPERTY:
        e.add("kind", "petition.searches_kind", "searches are recorded on a no-property petition",
              "查询记录仅适用于无可供执行财产的删除申请")
    if rec.status is not PetitionStatus.PENDING:
        e.add("status", "petition.decided", "this petition is already decided", "该申请已处理")
    e.raise_if_any()
    d = rec.details
    merged = tuple(sorted({(x.on, x.found_property, x.note): x
                           for x in (*d.searches, *searches)}.values(), key=lambda x: x.on))
    new = d.with_searches(merged, terminated_on, asset_lead)
    out = uow.petitions.save(replace(rec, details=new))
    uow.audit.add(actor, "petition.searches", "petition", rec.number, before=d.to_json(),
                  after=new.to_json(), legal_ground=ART_SEARCHES)
    return out


def record_searches(uow: UnitOfWork, actor: Actor, petition_id: int, *, terminated_on: date,
                    searches: Sequence[Search], asset_lead: bool = False) -> Petition:
    """Record on a no-property petition the termination of this round and the
    online searches after it (R-R1, Art. 10 para. 1 item 4)."""
    require(actor, Permission.PETITION_FILE)
    with uow:
        rec = searches_in(uow, actor, uow.petitions.get(petition_id), terminated_on=terminated_on,
                          searches=searches, asset_lead=asset_lead)
        out = view(uow, rec)
        uow.commit()
        return out


# ----------------------------------------------------------------- receipt
_RECEIPT_ROLE = {PetitionerRole.RESPONDENT: "respondent", PetitionerRole.APPLICANT: "applicant",
                 PetitionerRole.OFFICER: "officer"}


def receipt_extra(pet: Petition) -> dict[str, Any]:
    """What the counter receipt shows beyond the case."""
    extra: dict[str, Any] = {
        "petition": pet.info.receipt, "petition_number": pet.number,
        "received_on": pet.received_on.isoformat(), "due_on": pet.due.isoformat(),
        "due_provisional": pet.due_provisional, "petitioner": _RECEIPT_ROLE[pet.petitioner_role],
        "attachments": "、".join(x.name for x in pet.evidence)}
    if pet.petitioner_role is PetitionerRole.APPLICANT:
        extra["applicant"] = pet.petitioner_index
    if pet.officer is not None:
        extra["person"] = pet.officer
    return extra


def _issue_receipt(uow: UnitOfWork, actor: Actor, pet: Petition, *, lang: str,
                   key: Ed25519PrivateKey | None) -> tuple[Petition, documents.Issued]:
    issued = documents.issue(uow, actor, DocKind.RECEIPT, pet.case_id, respondent=pet.respondent,
                             lang=lang, issued_on=pet.received_on, extra=receipt_extra(pet), key=key)
    with uow:
        rec = uow.petitions.get(pet.id)
        rec = uow.petitions.save(replace(rec, receipt_number=issued.document.number))
        uow.audit.add(actor, "petition.receipt", "petition", rec.number,
                      after={"receipt": issued.document.number})
        out = view(uow, rec)
        uow.commit()
    return out, issued


def issue_receipt(uow: UnitOfWork, actor: Actor, petition_id: int, *, lang: str = "zh",
                  key: Ed25519PrivateKey | None = None) -> Filed:
    """(Re)issue a petition's receipt, e.g. after the first attempt failed."""
    require(actor, Permission.PETITION_FILE)
    with uow:
        pet = view(uow, uow.petitions.get(petition_id))
    out, issued = _issue_receipt(uow, actor, pet, lang=lang, key=key)
    return Filed(out, issued.document, issued.pdf)


__all__ = ["file_in", "file_petition", "file_petition_with_searches", "issue_receipt",
           "receipt_extra", "record_searches", "searches_in"]
