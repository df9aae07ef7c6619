"""The judge's decision on a petition (``PETITION_DECIDE``: judges), and what follows it.

:func:`decide` grants or rejects with reasons, carries out the effect in the
same transaction (:mod:`.effects`) and then issues the decision document.
Verified facts that oblige the court ("应当", "应予准许") make a rejection
impossible (:func:`~courtapp.core.domain.petition_decision.must_grant`).  A
correction rejection carries the 10-day reconsideration route to the
next-higher court; reconsideration does not suspend the decision (R-R5).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.errors import DomainError, ErrorCollector
from courtapp.core.domain.listing import RestrictionStatus
from courtapp.core.domain.messages import Message
from courtapp.core.domain.petition import (
    KINDS,
    RECONSIDERATION_DAYS,
    REMOVAL_KINDS,
    Decision,
    PetitionKind,
    PetitionStatus,
)
from courtapp.core.domain.petition_decision import must_grant
from courtapp.core.domain.petition_view import Petition
from courtapp.core.domain.removal import REMOVAL_WORKING_DAYS
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.workdays import add_working_days, period_end
from courtapp.core.services import documents
from courtapp.core.services.counter.common import (
    Decided,
    calendar_for,
    deletion_event,
    document_problem,
    error_text,
    refuse,
    view,
)
from courtapp.core.services.counter.effects import GRANT, Grant, grant_correction, reject
from courtapp.core.services.removal import para1_applies_to_fixed_term

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ART_RECONSIDERATION = "2017 Provisions Art. 12"


def decide(uow: UnitOfWork, actor: Actor, petition_id: int | str, decision: Decision, *,
           issue_document: bool = True, lang: str = "zh",
           key: Ed25519PrivateKey | None = None) -> Decided:
    """Grant or reject a petition with reasons, carry out the effect, issue the document."""
    require(actor, Permission.PETITION_DECIDE)
    with uow:
        rec = uow.petitions.get(petition_id)
        e = ErrorCollector()
        if rec.status is not PetitionStatus.PENDING:
            e.add("status", "petition.decided",
                  f"petition {rec.number} is already decided ({rec.status.value})",
                  f"申请{rec.number}已处理（{rec.status.value}）")
            e.raise_if_any()
        if not decision.reasons.strip():
            e.add("reasons", "required", "a decision states its reasons", "决定应当说明理由")
        if decision.on < rec.received_on:
            e.add("on", "petition.before_receipt", "a decision cannot precede the petition",
                  "决定日期不得早于收到申请的日期")
        e.raise_if_any()
        case = uow.cases.get(rec.case_id).case
        event = deletion_event(uow, rec, case)  # R-R7, as the case stands at the decision
        cal = calendar_for(uow, [rec], [event, decision.on])
        deletion = add_working_days(cal, event, REMOVAL_WORKING_DAYS) if event is not None else None
        g = Grant(uow, actor, rec, case, decision, e, deletion_event=event,
                  deletion_due=deletion.due if deletion else None)
        listing = g.listing().listing if rec.kind in REMOVAL_KINDS else None
        must = must_grant(rec.kind, rec.details, decision, case, listing,
                          para1_fixed=para1_applies_to_fixed_term(uow))
        if not decision.granted:
            if must is not None:
                e.add("granted", "petition.must_grant", f"cannot reject: {must[0]}", f"不得驳回：{must[1]}")
            e.raise_if_any()
            reject(g)
        else:
            GRANT[rec.kind](g)
            e.raise_if_any()
        fixed = view(uow, rec)
        due = fixed.due
        status = PetitionStatus.GRANTED if decision.granted else PetitionStatus.REJECTED
        details = {"facts_verified": decision.facts_verified, **g.effect}
        if g.doc is not None:
            details["document"] = {"kind": g.doc[0].value, "extra": g.doc[1]}
        # R-R7: a deletion granted after its 3 working days is late, on the record too.
        late_deletion = decision.granted and deletion is not None and decision.on > deletion.due
        rec = uow.petitions.save(replace(
            rec, status=status, decided_on=decision.on, decided_by=actor.username,
            decision_reasons=decision.reasons.strip(), decision=details,
            deletion_event_on=event, deletion_late=late_deletion,
            due_on=fixed.due, due_provisional=fixed.due_provisional))
        after: dict[str, object] = {"on": decision.on.isoformat(), "effect": g.effect,
                                    "facts_verified": decision.facts_verified,
                                    "late": decision.on > due}
        if deletion is not None:
            after |= {"deletion_event_on": event.isoformat() if event else None,
                      "deletion_due": deletion.due.isoformat(), "deletion_late": late_deletion}
        uow.audit.add(actor, f"petition.{status.value}", "petition", rec.number, after=after,
                      legal_ground=KINDS[rec.kind].article, reason=decision.reasons.strip())
        pet = view(uow, rec)
        uow.commit()
    if not issue_document or g.doc is None:
        return Decided(pet, new_order_id=g.new_order_id)
    return _issue_document(uow, actor, pet, lang=lang, key=key, new_order_id=g.new_order_id)


def _issue_document(uow: UnitOfWork, actor: Actor, pet: Petition, *, lang: str,
                    key: Ed25519PrivateKey | None, new_order_id: int | None = None) -> Decided:
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
        with uow:
            rec = uow.petitions.get(pet.id)
            rec = uow.petitions.save(replace(rec, document_error=document_problem(ex)))
            out = view(uow, rec)
            uow.commit()
        return Decided(out, document_error=error_text(ex), new_order_id=new_order_id)
    with uow:
        rec = uow.petitions.get(pet.id)
        rec = uow.petitions.save(replace(rec, document_number=issued.document.number,
                                         document_error=None))
        uow.audit.add(actor, "petition.document", "petition", rec.number,
                      after={"document": issued.document.number, "kind": kind.value})
        out = view(uow, rec)
        uow.commit()
    return Decided(out, issued.document, issued.pdf, new_order_id=new_order_id)


def issue_decision_document(uow: UnitOfWork, actor: Actor, petition_id: int | str, *,
                            lang: str = "zh", key: Ed25519PrivateKey | None = None) -> Decided:
    """Issue a decided petition's document again after a failure (the decision stands)."""
    require(actor, Permission.PETITION_DECIDE)
    with uow:
        pet = view(uow, uow.petitions.get(petition_id))
    if pet.status is PetitionStatus.PENDING:
        raise refuse("status", "petition.pending", "the petition is not decided yet", "该申请尚未处理")
    return _issue_document(uow, actor, pet, lang=lang, key=key)


# ---------------------------------------------------- after the decision
def record_decision_service(uow: UnitOfWork, actor: Actor, petition_id: int | str,
                            served_on: date) -> Petition:
    """Service of the decision on the petitioner: a correction rejection's 10 days
    for reconsideration run from it (2017 Art. 12)."""
    require(actor, Permission.LISTING_SERVE)
    with uow:
        rec = uow.petitions.get(petition_id)
        e = ErrorCollector()
        if rec.decided_on is None:
            e.add("status", "petition.pending", "the petition is not decided yet", "该申请尚未处理")
        elif served_on < rec.decided_on:
            e.add("served_on", "petition.served_before_decision",
                  "a decision cannot be served before it was made", "送达日期不得早于决定日期")
        e.raise_if_any()
        rec = uow.petitions.save(replace(rec, decision_served_on=served_on))
        uow.audit.add(actor, "petition.served", "petition", rec.number,
                      after={"served_on": served_on.isoformat()}, legal_ground=ART_RECONSIDERATION)
        out = view(uow, rec)
        uow.commit()
        return out


def record_reconsideration(uow: UnitOfWork, actor: Actor, petition_id: int | str, *,
                           filed_on: date, outcome: str | None = None,
                           decided_on: date | None = None, reasons: str = "") -> Petition:
    """A reconsideration of a correction rejection at the next-higher court (R-R5).

    It does not suspend the rejection (复议期间，不停止原决定的执行): nothing
    changes until the outcome ``granted`` is recorded, which then applies the
    correction as a grant would.  A filing after the 10 days is recorded and
    flagged.  ``reasons``: the higher court's, if any (kept as written).
    """
    require(actor, Permission.PETITION_DECIDE)
    with uow:
        rec = uow.petitions.get(petition_id)
        e = ErrorCollector()
        if rec.kind is not PetitionKind.CORRECTION or rec.status is not PetitionStatus.REJECTED:
            e.add("petition", "petition.not_reconsiderable",
                  "reconsideration lies against a rejected correction application (2017 Art. 12)",
                  "仅驳回纠正申请的决定可以申请复议（第十二条）")
        if outcome not in (None, "granted", "rejected"):
            e.add("outcome", "petition.reconsideration_outcome", "the outcome is granted or rejected",
                  "复议结果应为granted或rejected")
        if outcome is not None and decided_on is None:
            e.add("decided_on", "required", "this field is required", "此项为必填项")
        e.raise_if_any()
        served = rec.decision_served_on
        cal = calendar_for(uow, [replace(rec, reconsideration_filed_on=filed_on)])
        late = served is not None and filed_on > period_end(cal, served, RECONSIDERATION_DAYS).due
        rec = replace(rec, reconsideration_filed_on=filed_on)
        uow.audit.add(actor, "petition.reconsideration", "petition", rec.number,
                      after={"filed_on": filed_on.isoformat(), "late": late, "outcome": outcome},
                      legal_ground=ART_RECONSIDERATION)
        if outcome is not None:
            assert decided_on is not None
            rec = replace(rec, reconsideration_outcome=outcome, reconsideration_decided_on=decided_on)
            if outcome == "granted":
                case = uow.cases.get(rec.case_id).case
                why = Message("history.reconsideration_granted",
                              {"on": decided_on.isoformat(), "petition": rec.number,
                               "reasons": reasons.strip()})
                g = Grant(uow, actor, rec, case, Decision(True, reasons, decided_on, True), e,
                          why=why)
                grant_correction(g)
                e.raise_if_any()
        rec = uow.petitions.save(rec)
        out = view(uow, rec)
        uow.commit()
        return out


def end_permissions(uow: UnitOfWork, actor: Actor, today: date) -> list[str]:
    """The daily run's step (idempotent): a temporary permission whose period ended
    before ``today`` has its items imposed again.  Returns the petition numbers."""
    require(actor, Permission.LISTING_PUBLISH)
    done: list[str] = []
    with uow:
        for rec in uow.petitions.running_permissions():
            perm = rec.decision.get("permission") or {}
            until = date.fromisoformat(perm["until"]) if perm.get("until") else None
            if until is None or until >= today:
                continue
            ids = {int(i) for i in perm.get("rows") or []}
            back = _impose_again(uow, rec.listing_id, rec.order_id, ids)
            uow.petitions.save(replace(rec, permission_ended_on=today))
            uow.audit.add(actor, "petition.permission_ended", "petition", rec.number,
                          after={"until": until.isoformat(), "imposed_again": back},
                          legal_ground=KINDS[rec.kind].article)
            # The items imposed again are rows of the listing (or order): its own
            # audit row seals them (R-R6).
            entity, entity_id = (("listing", rec.listing_id) if rec.listing_id is not None
                                 else ("restriction_order", rec.order_id))
            if back and entity_id is not None:
                uow.audit.add(actor, "restriction.status", entity, entity_id,
                              after={"imposed_again": back, "petition": rec.number,
                                     "on": today.isoformat()},
                              legal_ground=KINDS[rec.kind].article)
            done.append(rec.number)
        uow.commit()
    return done


def _impose_again(uow: UnitOfWork, listing_id: int | None, order_id: int | None,
                  ids: set[int]) -> list[int]:
    """The temporarily lifted items with these ids imposed again; returns their ids."""
    if not ids:
        return []
    if listing_id is not None:
        lr = uow.listings.get(listing_id)
        items, rids = lr.listing.restrictions, lr.restriction_ids
    elif order_id is not None:
        orec = uow.orders.get(order_id)
        items, rids = orec.order.restrictions, orec.restriction_ids
    else:
        return []
    back = [j for j, r in enumerate(items)
            if j < len(rids) and rids[j] in ids and r.status is RestrictionStatus.TEMPORARILY_LIFTED]
    if not back:
        return []
    again = [replace(r, status=RestrictionStatus.IMPOSED) if j in back else r
             for j, r in enumerate(items)]
    if listing_id is not None:
        uow.listings.save(listing_id, replace(lr.listing, restrictions=again))
    else:
        uow.orders.save(orec.id, replace(orec.order, restrictions=again))
    return sorted(rids[j] for j in back)


__all__ = ["decide", "end_permissions", "issue_decision_document", "record_decision_service",
           "record_reconsideration"]
