"""The counter services against the in-memory unit of work (``tests/fakes.py``):
``file_petition`` and ``decide`` (without documents) apply the rules, change the
listings and restrictions through the repositories, write the history and the
audit, and queue the dispatch items — fast, with no database."""

from __future__ import annotations

from datetime import date

import pytest
from counter_world import (
    ADMIN,
    CLERK,
    COMPANY,
    COUNTER,
    JUDGE,
    LI_SI,
    STRANGER,
    WANG_WU,
    ZHANG_SAN,
    example_case,
    performed,
    published,
    statuses,
    world,
)
from fakes import FakeUnitOfWork

from courtapp.core.domain.errors import ConflictError, PermissionDenied, ValidationError
from courtapp.core.domain.listing import (
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RespondentState,
    RestrictionStatus,
)
from courtapp.core.domain.model import Officer, OfficerRole
from courtapp.core.domain.petition import (
    CorrectionGround,
    Decision,
    LiftingGround,
    PetitionDetails,
    PetitionKind,
    PetitionStatus,
    Search,
    TravelGround,
)
from courtapp.core.domain.restriction_order import OrderStatus
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import dispatch
from courtapp.core.services import petitions as ps

K = PetitionKind


def rules(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e.rule for e in exc.value.errors}


def grant(on: date, reasons: str = "经审查，申请属实", **kw: object) -> Decision:
    return Decision(True, reasons, on, **kw)  # type: ignore[arg-type]


def reject(on: date, reasons: str = "经审查，申请理由不成立", **kw: object) -> Decision:
    return Decision(False, reasons, on, **kw)  # type: ignore[arg-type]


def file(uow: FakeUnitOfWork, cid: int, kind: PetitionKind, who: str, on: date,
         **kw: object) -> ps.Petition:
    return ps.file_petition(uow, COUNTER, cid, kind, petitioner_id=who, received_on=on,  # type: ignore[arg-type]
                            issue_receipt=False, **kw).petition


def decide(uow: FakeUnitOfWork, pid: int, d: Decision) -> ps.Decided:
    return ps.decide(uow, JUDGE, pid, d, issue_document=False)


# ------------------------------------------------------------------ intake
def test_intake_refuses_a_stranger_and_saves_nothing() -> None:
    uow, cid, _lid, _ = world()
    with pytest.raises(ValidationError) as e:
        file(uow, cid, K.REMOVAL_PERFORMED, STRANGER, date(2026, 9, 28))
    assert rules(e) == {"petition.not_a_party"}
    assert uow.committed.petitions == {} and uow.committed.audit == []
    with pytest.raises(PermissionDenied):
        ps.file_petition(uow, Actor("auditor", frozenset({Role.AUDITOR})), cid, K.REMOVAL_PERFORMED,
                         petitioner_id=ZHANG_SAN, received_on=date(2026, 9, 28))


def test_intake_numbers_the_petition_stores_evidence_hashes_and_the_due_day() -> None:
    uow, cid, lid, _ = world()
    f = ps.file_petition(uow, COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 30), issue_receipt=False,
                         evidence=[ps.EvidenceFile("转账凭证.pdf", b"40000")])
    p = f.petition
    assert (p.number, p.listing_id, p.respondent, p.petitioner_name) == (
        "(2026)京0105执1234号-申1", lid, 0, "张三")
    # 3 working days across National Day 2026 (10-10 is a make-up Saturday)
    assert (p.due, p.due_provisional) == (date(2026, 10, 10), False)
    assert ps.evidence_bytes(uow, JUDGE, p.evidence[0].id) == b"40000"
    assert p.statement == "" and [e.name for e in p.evidence] == ["转账凭证.pdf"]
    assert uow.audit_actions("petition") == ["petition.file"]
    second = file(uow, cid, K.REMOVAL_PERFORMED, LI_SI, date(2026, 10, 8))
    assert second.number.endswith("-申2")


def test_file_petition_with_searches_is_one_transaction() -> None:
    """A refused second step (searches on a kind that has none) leaves nothing saved."""
    uow, cid, _lid, oid = world(order=True)
    with pytest.raises(ValidationError) as e:
        ps.file_petition_with_searches(
            uow, COUNTER, cid, K.LIFTING, petitioner_id=COMPANY, received_on=date(2026, 9, 1),
            details=PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT),
            terminated_on=date(2026, 6, 1), searches=[Search(date(2026, 7, 1))],
            issue_receipt=False)
    assert rules(e) == {"petition.searches_kind"}
    assert uow.committed.petitions == {} and uow.committed.audit == []
    f = ps.file_petition_with_searches(
        uow, COUNTER, cid, K.REMOVAL_NO_PROPERTY, petitioner_id=ZHANG_SAN,
        received_on=date(2026, 9, 1), terminated_on=date(2026, 6, 1),
        searches=[Search(date(2026, 7, 1)), Search(date(2026, 8, 1))], issue_receipt=False)
    assert [s.on for s in f.petition.details.searches] == [date(2026, 7, 1), date(2026, 8, 1)]
    assert f.petition.details.terminated_on == date(2026, 6, 1)
    assert uow.audit_actions("petition") == ["petition.file", "petition.searches"]
    assert uow.commits == 1


def test_the_petitioners_statement_is_a_field_of_the_petition_not_evidence() -> None:
    uow, cid, _lid, _ = world()
    f = ps.file_petition(uow, COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 30), issue_receipt=False,
                         statement="  本人已全部履行，请求删除失信信息。\n")
    assert (f.petition.statement, f.petition.evidence) == ("本人已全部履行，请求删除失信信息。", ())
    assert ps.get_petition(uow, JUDGE, f.petition.number).statement == "本人已全部履行，请求删除失信信息。"
    [filed] = [a for a in uow.committed.audit if a.action == "petition.file"]
    assert filed.after["statement"] == "本人已全部履行，请求删除失信信息。"


# ----------------------------------------------------------------- removal
def test_R_R1_a_removal_is_refused_until_performed_then_must_be_granted_and_removes() -> None:
    uow, cid, lid, _ = world()
    p = file(uow, cid, K.REMOVAL_PERFORMED, ZHANG_SAN, date(2026, 9, 28))
    with pytest.raises(ValidationError) as unpaid:
        decide(uow, p.id, grant(date(2026, 9, 30)))
    assert rules(unpaid) == {"petition.not_performed"}
    assert statuses(uow, lid) == [RestrictionStatus.IMPOSED] * 2  # nothing changed
    uow.update_case(cid, performed(example_case(), date(2026, 9, 29)))
    with pytest.raises(ValidationError) as must:
        decide(uow, p.id, reject(date(2026, 9, 30)))
    assert rules(must) == {"petition.must_grant"}
    done = decide(uow, p.id, grant(date(2026, 9, 30)))
    assert done.petition.status is PetitionStatus.GRANTED and done.document is None
    # R-R7: due 3 working days after 9-29, the day the case recorded full performance
    assert (done.petition.effect_due, done.petition.deletion_late) == (date(2026, 10, 9), False)
    lst = uow.committed.listings[lid]
    assert (lst.listing.status, lst.listing.removal_kind, lst.listing.removal_reason,
            lst.listing.removed_on, lst.removal_event_on) == (
        ListingStatus.REMOVED, RemovalKind.DELETED, RemovalReason.PERFORMED, date(2026, 9, 30),
        date(2026, 9, 29))
    assert statuses(uow, lid) == [RestrictionStatus.LIFTED] * 2
    last = uow.committed.events[-1]
    assert (last.to_state, last.article, last.reason, last.params["petition"]) == (
        RespondentState.REMOVED, "2017 Provisions Art. 10 para. 1 item 1",
        "history.petition_granted", p.number)
    items = dispatch.list_items(uow, JUDGE, event="removal")
    assert [i.recipient for i in items] == ["spc_list", "credit_reporting", "agencies", "airlines",
                                            "rail"]
    assert {(i.petition_id, i.due) for i in items} == {(p.id, date(2026, 10, 9))}
    assert uow.audit_actions("listing") == ["listing.delete"]
    assert uow.audit_actions("petition")[-1] == "petition.granted"
    assert done.petition.decision["removal"]["article"] == "2017 Provisions Art. 10 para. 1 item 1"
    with pytest.raises(ValidationError) as twice:
        decide(uow, p.id, grant(date(2026, 10, 1)))
    assert rules(twice) == {"petition.decided"}


def test_R_R2_a_fixed_term_listing_refuses_item_3_and_allows_an_early_rejection() -> None:
    uow, cid, lid, _ = world(listing=published(term=2, grounds=(3,)),
                             case=example_case(open_ended=False))
    req = file(uow, cid, K.REMOVAL_CREDITOR_REQUEST, LI_SI, date(2026, 9, 1))
    with pytest.raises(ValidationError) as fixed:
        decide(uow, req.id, grant(date(2026, 9, 2)))
    assert rules(fixed) == {"petition.fixed_term"}
    uow.update_case(cid, performed(example_case(open_ended=False), date(2026, 9, 1)))
    early = file(uow, cid, K.REMOVAL_PERFORMED, ZHANG_SAN, date(2026, 9, 1))
    decide(uow, early.id, reject(date(2026, 9, 2), "尚未纠正失信行为"))  # discretionary
    assert uow.committed.listings[lid].listing.status is ListingStatus.PUBLISHED
    uow.settings.put("removal.para1_applies_to_fixed_term", "true")
    decide(uow, req.id, grant(date(2026, 9, 3)))
    assert uow.committed.listings[lid].listing.removal_reason is RemovalReason.CREDITOR_REQUEST


def test_R_R4_a_correction_corrects_and_queues_it_or_revokes() -> None:
    uow, cid, lid, _ = world()
    wrong = file(uow, cid, K.CORRECTION, ZHANG_SAN, date(2026, 9, 21),
                 details=PetitionDetails(correction_ground=CorrectionGround.INACCURATE,
                                         requested_correction="身份证号码有误"))
    done = decide(uow, wrong.id, grant(date(2026, 9, 30), correction="履行情况更正为：已履行10000元"))
    assert done.petition.decision["correction"] == "履行情况更正为：已履行10000元"
    assert uow.committed.listings[lid].listing.status is ListingStatus.PUBLISHED
    ev = uow.committed.events[-1]
    assert (ev.from_state, ev.to_state, ev.reason) == (
        RespondentState.LISTED_PUBLISHED, RespondentState.LISTED_PUBLISHED,
        "history.information_corrected")
    assert len(dispatch.list_items(uow, JUDGE, event="correction")) == 5
    assert uow.audit_actions("listing") == ["listing.correct"]
    revoke = file(uow, cid, K.CORRECTION, ZHANG_SAN, date(2026, 10, 9),
                  details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    decide(uow, revoke.id, grant(date(2026, 10, 12), "被执行人不应纳入"))
    lst = uow.committed.listings[lid].listing
    assert (lst.removal_kind, lst.removal_reason) == (RemovalKind.REVOKED, RemovalReason.REVOKED)
    assert uow.audit_actions("listing") == ["listing.correct", "listing.revoke"]


def test_R_R5_a_rejected_correction_is_reconsidered_without_suspension() -> None:
    uow, cid, lid, _ = world()
    uow.settings.put("court.higher_court", "北京市第三中级人民法院")
    f = file(uow, cid, K.CORRECTION, ZHANG_SAN, date(2026, 9, 20),
             details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    done = decide(uow, f.id, reject(date(2026, 9, 30), "纳入符合规定"))
    assert done.petition.decision["document"]["extra"]["higher_court"] == "北京市第三中级人民法院"
    ps.record_decision_service(uow, CLERK, f.id, date(2026, 10, 9))
    p = ps.record_reconsideration(uow, JUDGE, f.id, filed_on=date(2026, 10, 15))
    assert (p.reconsideration_until, p.reconsideration_due) == (date(2026, 10, 19), date(2026, 10, 30))
    assert uow.committed.listings[lid].listing.status is ListingStatus.PUBLISHED
    ps.record_reconsideration(uow, JUDGE, f.id, filed_on=date(2026, 10, 15), outcome="granted",
                              decided_on=date(2026, 10, 28))
    assert uow.committed.listings[lid].listing.removal_reason is RemovalReason.REVOKED
    last = uow.committed.events[-1]
    assert (last.reason, last.params["on"]) == ("history.reconsideration_granted", "2026-10-28")


# ------------------------------------------------------------- restrictions
def test_R_C9_lifting_a_standalone_order_on_consent_lifts_it_whole_and_tells_the_carriers() -> None:
    uow, cid, _lid, oid = world(order=True)
    assert oid is not None
    consent = file(uow, cid, K.LIFTING, COMPANY, date(2026, 9, 1),
                   details=PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT))
    assert consent.order_id == oid and consent.listing_id is None
    decide(uow, consent.id, grant(date(2026, 9, 2), "申请执行人书面同意"))
    order = uow.committed.orders[oid].order
    assert order.status is OrderStatus.LIFTED
    assert {r.status for r in order.restrictions} == {RestrictionStatus.LIFTED}
    items = dispatch.list_items(uow, JUDGE, event="lifting")
    assert [(i.recipient, i.order_id, i.due) for i in items] == [
        ("spc_list", oid, date(2026, 9, 7)), ("airlines", oid, date(2026, 9, 7)),
        ("rail", oid, date(2026, 9, 7))]
    assert uow.audit_actions("restriction_order") == ["restriction.status"] * 3


def test_R_C9_a_listed_respondent_stays_restricted() -> None:
    uow, cid, lid, _ = world()
    f = file(uow, cid, K.LIFTING, ZHANG_SAN, date(2026, 9, 1),
             details=PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT))
    with pytest.raises(ValidationError) as e:
        decide(uow, f.id, grant(date(2026, 9, 2)))
    assert rules(e) == {"listing.restriction_required"}
    assert statuses(uow, lid) == [RestrictionStatus.IMPOSED] * 2
    assert uow.committed.dispatch == {}


def test_R_C7_temporary_travel_is_a_single_unblock_and_ends_by_itself() -> None:
    uow, cid, lid, _ = world()
    trip = PetitionDetails(travel_ground=TravelGround.ILLNESS, itinerary="北京—上海",
                           permit_from=date(2026, 9, 2), permit_until=date(2026, 9, 6))
    first = file(uow, cid, K.TEMPORARY_TRAVEL, ZHANG_SAN, date(2026, 9, 1), details=trip)
    second = file(uow, cid, K.TEMPORARY_TRAVEL, ZHANG_SAN, date(2026, 9, 1), details=trip)
    done = decide(uow, first.id, grant(date(2026, 9, 1)))
    assert statuses(uow, lid) == [RestrictionStatus.TEMPORARILY_LIFTED] * 2
    ids = uow.committed.listings[lid].restriction_ids
    assert done.petition.decision["permission"]["rows"] == list(ids)
    [item] = {(i.recipient, i.due) for i in dispatch.list_items(uow, JUDGE, event="permission")
              if i.recipient == "airlines"}
    assert item == ("airlines", date(2026, 9, 2))  # before the trip
    with pytest.raises(ValidationError) as single:
        decide(uow, second.id, grant(date(2026, 9, 1)))
    assert rules(single) == {"petition.travel_single"}
    assert ps.end_permissions(uow, ADMIN, date(2026, 9, 6)) == []
    assert ps.end_permissions(uow, ADMIN, date(2026, 9, 7)) == [first.number]
    assert ps.end_permissions(uow, ADMIN, date(2026, 9, 7)) == []  # idempotent
    assert statuses(uow, lid) == [RestrictionStatus.IMPOSED] * 2


def test_R_C8_necessary_consumption_is_approved_beforehand() -> None:
    uow, cid, lid, _ = world(listing=published(items=((1, None), (3, None), (9, None))))
    f = file(uow, cid, K.NECESSARY_CONSUMPTION, ZHANG_SAN, date(2026, 9, 10),
             details=PetitionDetails(consumption="购买经营用房", items=(3,),
                                     permit_from=date(2026, 9, 15), permit_until=date(2026, 9, 30)))
    with pytest.raises(ValidationError) as late:
        decide(uow, f.id, grant(date(2026, 9, 16)))
    assert rules(late) == {"petition.prior_approval"}
    decide(uow, f.id, grant(date(2026, 9, 14)))
    assert statuses(uow, lid) == [RestrictionStatus.IMPOSED, RestrictionStatus.TEMPORARILY_LIFTED,
                                  RestrictionStatus.IMPOSED]
    assert [i.recipient for i in dispatch.list_items(uow, JUDGE, event="permission")] == ["spc_list"]


def test_R_C6_releasing_a_former_representative_prepares_an_order_on_the_new_one() -> None:
    case = example_case()
    case.respondents[1].officers.append(Officer(OfficerRole.LEGAL_REPRESENTATIVE, "赵六",
                                                "110105198505050038"))
    uow, cid, _lid, oid = world(order=True, case=case)
    assert oid is not None
    f = file(uow, cid, K.OFFICER_RELEASE, WANG_WU, date(2026, 9, 1))
    with pytest.raises(ValidationError) as must:
        decide(uow, f.id, reject(date(2026, 9, 8), facts_verified=True))
    assert rules(must) == {"petition.must_grant"}
    done = decide(uow, f.id, grant(date(2026, 9, 8), "王五已辞任且非实际控制人", facts_verified=True,
                                   new_officer=1))
    old = uow.committed.orders[oid].order
    assert [(r.person, r.status) for r in old.restrictions] == [
        (None, RestrictionStatus.IMPOSED), (0, RestrictionStatus.LIFTED), (0, RestrictionStatus.LIFTED)]
    assert done.new_order_id is not None
    new = uow.committed.orders[done.new_order_id].order
    assert new.status is OrderStatus.DRAFT  # the president signs it (2015 Art. 5)
    assert [(int(r.item), r.person, r.status) for r in new.restrictions] == [
        (1, 1, RestrictionStatus.IMPOSED), (9, 1, RestrictionStatus.IMPOSED)]
    assert "restriction_order.prepare" in uow.audit_actions("restriction_order")
    assert {i.recipient for i in dispatch.list_items(uow, JUDGE, event="lifting")} == {
        "spc_list", "airlines", "rail"}


# ------------------------------------------------------------------ ledger
def test_acknowledge_dispatch_is_all_or_nothing() -> None:
    uow, cid, _lid, _ = world()
    uow.update_case(cid, performed(example_case(), date(2026, 9, 29)))
    p = file(uow, cid, K.REMOVAL_PERFORMED, ZHANG_SAN, date(2026, 9, 28))
    decide(uow, p.id, grant(date(2026, 9, 30)))
    first, second, *_ = [i.id for i in dispatch.open_items(uow, JUDGE)]
    dispatch.acknowledge(uow, CLERK, first, date(2026, 10, 8))
    with pytest.raises(ValidationError) as e:
        dispatch.acknowledge_dispatch(uow, CLERK, [second, first], date(2026, 10, 9))
    assert rules(e) == {"dispatch.already_acknowledged"}
    assert uow.committed.dispatch[second].status == "open"  # nothing recorded
    done = dispatch.acknowledge_dispatch(uow, CLERK, [second], date(2026, 10, 9))
    assert [(i.id, i.status, i.acknowledged_by) for i in done] == [(second, "acknowledged", "李书记员")]
    assert len(dispatch.open_items(uow, JUDGE)) == 3


def test_a_stale_petition_is_refused_as_a_conflict() -> None:
    uow, cid, _lid, _ = world()
    p = file(uow, cid, K.REMOVAL_PERFORMED, ZHANG_SAN, date(2026, 9, 28))
    rec = uow.committed.petitions[p.id]
    with uow:
        uow.petitions.save(rec)
        uow.commit()
    with uow, pytest.raises(ConflictError):
        uow.petitions.save(rec)


# -------------------------------------------------------------------- R-R7
def test_R_R7_a_grant_after_the_deletion_deadline_is_marked_late_on_the_decision_and_the_record() -> None:
    # the case records full performance on 9-01; the petition with the proof arrives 9-08
    uow, cid, lid, _ = world(case=performed(example_case(), date(2026, 9, 1)))
    p = file(uow, cid, K.REMOVAL_PERFORMED, ZHANG_SAN, date(2026, 9, 8))
    assert (p.deletion_event_on, p.deletion_due, p.due) == (
        date(2026, 9, 8), date(2026, 9, 11), date(2026, 9, 11))
    done = decide(uow, p.id, grant(date(2026, 9, 14)))  # the Monday after: late
    q = done.petition
    assert (q.deletion_late, q.deletion_due, q.effect_due) == (True, date(2026, 9, 11),
                                                              date(2026, 9, 11))
    stored = uow.committed.petitions[p.id]
    assert (stored.deletion_event_on, stored.deletion_late) == (date(2026, 9, 8), True)
    doc = q.decision["document"]
    assert (doc["kind"], doc["extra"]["due_on"], doc["extra"]["late"]) == (
        "deletion", "2026-09-11", True)
    granted = [a for a in uow.committed.audit if a.action == "petition.granted"][-1]
    assert (granted.after["deletion_due"], granted.after["deletion_late"]) == ("2026-09-11", True)
    # the listing's removal was due from the proof, and every recipient is already late
    assert uow.committed.listings[lid].removal_event_on == date(2026, 9, 8)
    assert {i.due for i in dispatch.list_items(uow, JUDGE, event="removal")} == {date(2026, 9, 11)}


def test_R_R7_a_grant_in_time_is_not_late_and_a_rejection_never_is() -> None:
    uow, cid, _lid, _ = world(case=performed(example_case(), date(2026, 9, 1)))
    p = file(uow, cid, K.REMOVAL_PERFORMED, ZHANG_SAN, date(2026, 9, 8))
    assert decide(uow, p.id, grant(date(2026, 9, 11))).petition.deletion_late is False
    uow2, cid2, _, _ = world()
    r = file(uow2, cid2, K.REMOVAL_CREDITOR_REQUEST, LI_SI, date(2026, 9, 1))
    out = decide(uow2, r.id, reject(date(2026, 9, 30), "不同意删除")).petition
    assert (out.deletion_late, out.deletion_event_on) == (False, date(2026, 9, 1))


def test_R_R7_the_queue_orders_by_the_deletion_deadline_and_a_removal_period_cannot_exceed_it() -> None:
    uow, cid, _lid, _ = world(order=True)
    lifting = file(uow, cid, K.LIFTING, COMPANY, date(2026, 9, 1),
                   details=PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT))
    uow.settings.put("petition.sla.removal_settlement", "1wd")
    settle = file(uow, cid, K.REMOVAL_SETTLEMENT, ZHANG_SAN, date(2026, 9, 2))
    # the lifting is due 9-04 (3 working days); the settlement's decision 9-03 and its
    # deletion 9-07: the queue takes the deletion deadline
    assert (lifting.due, settle.due, settle.deletion_due) == (
        date(2026, 9, 4), date(2026, 9, 3), date(2026, 9, 7))
    assert [q.petition.number for q in ps.queue(uow, JUDGE, date(2026, 9, 3))] == [
        lifting.number, settle.number]
    with pytest.raises(ValidationError) as long:
        ps.set_sla(uow, ADMIN, K.REMOVAL_NO_PROPERTY, ps.Sla.parse("4wd"))
    assert rules(long) == {"petition.sla_removal"}


# ------------------------------------------------------------ R-C9 security
def test_R_C9_a_security_lifts_only_if_it_covers_everything_or_the_judge_finds_it_effective() -> None:
    from decimal import Decimal

    from courtapp.core.domain.model import SecurityItem, SecurityKind

    case = example_case()
    case.security.append(SecurityItem(SecurityKind.MORTGAGE, Decimal("10000.00"), 1, "房产抵押"))
    uow, cid, _lid, oid = world(order=True, case=case)
    assert oid is not None
    with pytest.raises(ValidationError) as bare:  # what is offered, and its value
        file(uow, cid, K.LIFTING, COMPANY, date(2026, 9, 1),
             details=PetitionDetails(lifting_ground=LiftingGround.SECURITY))
    assert rules(bare) == {"petition.security_offered", "petition.security_value"}
    p = file(uow, cid, K.LIFTING, COMPANY, date(2026, 9, 1),
             details=PetitionDetails(lifting_ground=LiftingGround.SECURITY,
                                     security="以坐落于北京市朝阳区的房产设定抵押",
                                     security_value=Decimal("10000.00")))
    assert p.details.security_value == Decimal("10000.00")
    with pytest.raises(ValidationError) as short:  # 10,000 against 40,000 and an apology
        decide(uow, p.id, grant(date(2026, 9, 2), "提供担保"))
    assert rules(short) == {"petition.security_insufficient"}
    msg = short.value.errors[0]
    assert "CNY 10,000.00" in msg.en and "25%" in msg.en and "40,000.00" in msg.en
    assert "1 act(s)" in msg.en and "确实有效" in msg.zh and msg.path == "security_effective"
    assert uow.committed.orders[oid].order.status is OrderStatus.SIGNED  # nothing lifted
    done = decide(uow, p.id, grant(date(2026, 9, 2), "担保物价值虽不足，但经审查确实有效",
                                   security_effective=True))
    sec = done.petition.decision["document"]["extra"]["security"]
    assert sec == {"offered": "以坐落于北京市朝阳区的房产设定抵押", "value": "10000.00",
                   "outstanding": "40000.00", "acts": ["公开赔礼道歉"], "covers": False,
                   "found_effective": True}
    assert uow.committed.orders[oid].order.status is OrderStatus.LIFTED


def test_R_C9_a_security_covering_everything_outstanding_lifts_without_a_finding() -> None:
    from decimal import Decimal

    from courtapp.core.domain.model import Payment, SecurityItem, SecurityKind

    case = example_case()
    case.payments.append(Payment(date(2026, 8, 1), 0, act="已公开赔礼道歉", obligation=1))
    case.security.append(SecurityItem(SecurityKind.CASH_DEPOSIT, Decimal("40000.00"), 1, "保证金"))
    uow, cid, _lid, oid = world(order=True, case=case)
    p = file(uow, cid, K.LIFTING, COMPANY, date(2026, 9, 1),
             details=PetitionDetails(lifting_ground=LiftingGround.SECURITY, security="现金保证金",
                                     security_value=Decimal("40000.00")))
    done = decide(uow, p.id, grant(date(2026, 9, 2), "提供足额担保"))
    sec = done.petition.decision["document"]["extra"]["security"]
    assert (sec["covers"], sec["found_effective"], sec["acts"]) == (True, False, [])
