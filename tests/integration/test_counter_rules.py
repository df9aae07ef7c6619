"""Petitions, removals, corrections, liftings and permissions: one test per rule
(RULES.md §10: R-R1…R-R6, R-C5…R-C10, R-D1, R-D2), through the services on a real
database with real dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from counter_fixtures import (
    ADMIN,
    AUDITOR,
    CLERK,
    COMPANY,
    COUNTER,
    FAR,
    JUDGE,
    LI_SI,
    NUMBER,
    PRESIDENT,
    SCHEDULE_2027,
    STRANGER,
    WANG_WU,
    ZHANG_SAN,
    ZHAO_LIU,
    order_on_company,
    pay,
    perform_fully,
    publish,
    store,
)

from courtapp.core.context import AppContext
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.assessment import assess_respondent
from courtapp.core.domain.errors import PermissionDenied, ValidationError
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RespondentState,
    Restriction,
    RestrictionItem,
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
from courtapp.core.services import applications, audit, calendar, daily, dispatch
from courtapp.core.services import cases as svc
from courtapp.core.services import documents as ds
from courtapp.core.services import listing as ls
from courtapp.core.services import petitions as ps
from courtapp.core.services import restriction as rs

K = PetitionKind


def rules(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e.rule for e in exc.value.errors}


def listing_of(db: AppContext, case_id: int, listing_id: int) -> Listing:
    [found] = [r.listing for r in ls.listings_for_case(db.uow(), JUDGE, case_id) if r.id == listing_id]
    return found


def exported(db: AppContext) -> list[dict[str, object]]:
    from courtapp.core import interchange

    [case] = svc.export_cases(db.uow(), JUDGE, [NUMBER])
    return list(interchange.dump_case(case)["listings"])


def grant(on: date, reasons: str = "经审查，申请属实", **kw: object) -> Decision:
    return Decision(True, reasons, on, **kw)  # type: ignore[arg-type]


def reject(on: date, reasons: str = "经审查，申请理由不成立", **kw: object) -> Decision:
    return Decision(False, reasons, on, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------- intake
def test_intake_identifies_the_petitioner_against_the_case_and_names_the_field(db: AppContext) -> None:
    cid = store(db)
    publish(db, cid)
    with pytest.raises(ValidationError) as stranger:
        ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=STRANGER,
                         received_on=date(2026, 9, 28))
    assert [(e.path, e.rule) for e in stranger.value.errors] == [("petitioner_id", "petition.not_a_party")]
    with pytest.raises(ValidationError) as creditor_only:  # item 3 is the creditor's own request
        ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_CREDITOR_REQUEST, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 28))
    assert [(e.path, e.rule) for e in creditor_only.value.errors] == [
        ("petitioner_id", "petition.petitioner_role")]
    with pytest.raises(ValidationError) as officer_only:  # private consumption: an entity's officer
        ps.file_petition(db.uow(), COUNTER, cid, K.PRIVATE_CONSUMPTION, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 28),
                         details=PetitionDetails(consumption="飞机", permit_from=date(2026, 10, 1),
                                                 permit_until=date(2026, 10, 2)))
    assert ("petitioner_id", "petition.petitioner_role") in {
        (e.path, e.rule) for e in officer_only.value.errors}
    with pytest.raises(ValidationError) as name:
        ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                         petitioner_name="张山", received_on=date(2026, 9, 28))
    assert [e.path for e in name.value.errors] == ["petitioner_name"]
    with pytest.raises(PermissionDenied):
        ps.file_petition(db.uow(), AUDITOR, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 28))


def test_intake_stores_evidence_with_its_hash_and_prints_a_receipt_with_number_and_due_date(
        db: AppContext) -> None:
    import hashlib

    cid = store(db)
    publish(db, cid)
    data = "银行转账凭证：40000元".encode()
    filed = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED,
                             petitioner_id=ZHANG_SAN.lower(), received_on=date(2026, 9, 30),
                             evidence=[ps.EvidenceFile("转账凭证.pdf", data)])
    p = filed.petition
    assert p.number == "(2026)京0105执1234号-申1"
    assert (p.petitioner_name, p.petitioner_role.value) == ("张三", "respondent")
    assert [(e.name, e.size, e.sha256) for e in p.evidence] == [
        ("转账凭证.pdf", len(data), hashlib.sha256(data).hexdigest())]
    assert ps.evidence_bytes(db.uow(), JUDGE, p.evidence[0].id) == data
    # a removal decision is due 3 working days after receipt (court setting): across National Day
    assert (p.due, p.due_provisional, p.sla.code()) == (date(2026, 10, 10), False, "3wd")
    assert filed.receipt is not None and filed.pdf is not None
    assert p.receipt_number == filed.receipt.number and filed.receipt.kind is DocKind.RECEIPT
    doc = ds.document_content(db.uow(), JUDGE, filed.receipt.number)
    text = "".join(doc.body) + doc.term
    assert "（2026）京0105执1234号-申1" in text and "2026年10月10日" in text and "转账凭证.pdf" in text
    second = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=LI_SI,
                              received_on=date(2026, 10, 8), issue_receipt=False)
    assert second.petition.number.endswith("-申2") and second.receipt is None
    assert second.petition.respondent == 0  # the only respondent with a listing


def test_the_judges_queue_is_ordered_by_due_date_and_marks_the_overdue(db: AppContext) -> None:
    cid = store(db)
    publish(db, cid)
    corr = ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                            received_on=date(2026, 9, 1), issue_receipt=False,
                            details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    rem = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                           received_on=date(2026, 9, 10), issue_receipt=False)
    q = ps.queue(db.uow(), JUDGE, date(2026, 9, 16))
    # correction: 15 days from 9-1 is 9-16; removal: 3 working days from 9-10 is 9-15
    assert [(i.petition.number, i.petition.due, i.overdue) for i in q] == [
        (rem.petition.number, date(2026, 9, 15), True),
        (corr.petition.number, date(2026, 9, 16), False)]
    assert q[0].days_overdue == 1
    with pytest.raises(PermissionDenied):
        ps.decide(db.uow(), COUNTER, rem.petition.id, reject(date(2026, 9, 16)))


# ------------------------------------------------------------------- removal
def test_R_R1_a_granted_removal_removes_the_listing_within_three_working_days(db: AppContext) -> None:
    cid = store(db)
    lid = publish(db, cid)
    filed = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 28), issue_receipt=False)
    with pytest.raises(ValidationError) as unpaid:  # 40,000 yuan and the apology still outstanding
        ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 30)))
    assert rules(unpaid) == {"petition.not_performed"}
    assert "40,000.00" in unpaid.value.errors[0].en
    perform_fully(db, cid, date(2026, 9, 29))
    with pytest.raises(ValidationError) as must:  # performed: the court shall delete
        ps.decide(db.uow(), JUDGE, filed.petition.id, reject(date(2026, 9, 30)))
    assert rules(must) == {"petition.must_grant"}
    done = ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 30)))
    p = done.petition
    # R-R7: the 3 working days run from 9-29, when the case recorded the performance
    assert p.status is PetitionStatus.GRANTED and (p.effect_due, p.effect_due_provisional) == (
        date(2026, 10, 9), False)
    assert (p.deletion_event_on, p.deletion_due, p.deletion_late) == (
        date(2026, 9, 29), date(2026, 10, 9), False)
    lst = listing_of(db, cid, lid)
    assert (lst.status, lst.removal_kind, lst.removal_reason, lst.removed_on) == (
        ListingStatus.REMOVED, RemovalKind.DELETED, RemovalReason.PERFORMED, date(2026, 9, 30))
    assert {r.status for r in lst.restrictions} == {RestrictionStatus.LIFTED}
    assert ls.respondent_state(db.uow(), JUDGE, cid, 0) is RespondentState.REMOVED
    assert done.document is not None and done.document.kind is DocKind.DELETION
    assert p.document_number == done.document.number
    assert "逾期" not in "".join(ds.document_content(db.uow(), JUDGE, done.document.number).body)
    out = exported(db)[0]
    assert (out["status"], out["removed_on"], out["removal_reason"], out["removal_due"]) == (
        "removed", "2026-09-30", "performed", "2026-10-09")
    assert "removal_due_provisional" not in out
    items = dispatch.list_items(db.uow(), JUDGE, event="removal")
    assert [i.recipient for i in items] == ["spc_list", "credit_reporting", "agencies", "airlines", "rail"]
    assert {(i.due, i.status, i.petition_id) for i in items} == {(date(2026, 10, 9), "open", p.id)}


def test_R_R1_no_property_needs_two_empty_searches_after_termination_and_no_lead(db: AppContext) -> None:
    cid = store(db)
    lid = publish(db, cid)
    filed = ps.file_petition(
        db.uow(), COUNTER, cid, K.REMOVAL_NO_PROPERTY, petitioner_id=ZHANG_SAN,
        received_on=date(2026, 9, 1), issue_receipt=False,
        details=PetitionDetails(terminated_on=date(2026, 6, 1),
                                searches=(Search(date(2026, 5, 20)), Search(date(2026, 7, 1)))))
    with pytest.raises(ValidationError) as one:  # the May search precedes the termination
        ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 2)))
    assert rules(one) == {"petition.searches"}
    ps.record_searches(db.uow(), COUNTER, filed.petition.id, terminated_on=date(2026, 6, 1),
                       searches=[Search(date(2026, 8, 1), found_property=True)])
    with pytest.raises(ValidationError) as found:
        ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 2)))
    assert rules(found) == {"petition.searches"}
    p = ps.record_searches(db.uow(), COUNTER, filed.petition.id, terminated_on=date(2026, 6, 1),
                           searches=[Search(date(2026, 8, 2)), Search(date(2026, 8, 20))])
    assert len(p.details.searches) == 5
    with pytest.raises(ValidationError):  # the property found on 8-1 still counts against
        ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 2)))

    other = store(db, lambda d: d.update(case_number="(2026)京0105执1235号"))
    lid2 = publish(db, other)
    pay(db, other, date(2026, 8, 5), "5000.00")  # a partial payment, recorded on the case
    f2 = ps.file_petition(
        db.uow(), COUNTER, other, K.REMOVAL_NO_PROPERTY, petitioner_id=ZHANG_SAN,
        received_on=date(2026, 9, 1), issue_receipt=False,
        details=PetitionDetails(terminated_on=date(2026, 6, 1),
                                searches=(Search(date(2026, 7, 1)), Search(date(2026, 8, 3)))))
    with pytest.raises(ValidationError) as must:
        ps.decide(db.uow(), JUDGE, f2.petition.id, reject(date(2026, 9, 2)))
    assert rules(must) == {"petition.must_grant"}
    done = ps.decide(db.uow(), JUDGE, f2.petition.id, grant(date(2026, 9, 2)))
    lst = listing_of(db, other, lid2)
    assert (lst.removal_reason, lst.removal_kind) == (RemovalReason.NO_PROPERTY, RemovalKind.DELETED)
    # the money is still owed: the deletion notice says how much (every notice does)
    assert done.document is not None
    doc = ds.document_content(db.uow(), JUDGE, done.document.number)
    assert "35,000.00" in doc.outstanding
    assert listing_of(db, cid, lid).status is ListingStatus.PUBLISHED


def test_R_R2_a_fixed_term_listing_is_deleted_three_working_days_after_its_term(db: AppContext) -> None:
    cid = store(db, open_ended=False)
    lid = publish(db, cid, grounds=(3,), term=2, on=date(2026, 5, 6))
    assert exported(db)[0]["removal_due"] == "2028-05-10"  # the term ends 2028-05-06
    # the Art. 10 para. 1 grounds do not apply to a fixed-term listing (court setting)
    req = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_CREDITOR_REQUEST, petitioner_id=LI_SI,
                           received_on=date(2026, 9, 1), issue_receipt=False)
    with pytest.raises(ValidationError) as fixed:
        ps.decide(db.uow(), JUDGE, req.petition.id, grant(date(2026, 9, 2)))
    assert rules(fixed) == {"petition.fixed_term"}
    # performance allows an early, discretionary deletion (Art. 2 para. 2): rejecting is allowed
    perform_fully(db, cid, date(2026, 9, 1))
    early = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 1), issue_receipt=False)
    ps.decide(db.uow(), JUDGE, early.petition.id, reject(date(2026, 9, 2), "尚未纠正失信行为"))
    assert listing_of(db, cid, lid).status is ListingStatus.PUBLISHED
    # the daily run deletes it once the term has ended
    assert daily.run_daily(db.uow(), ADMIN, date(2028, 5, 6)).expired == ()
    summary = daily.run_daily(db.uow(), ADMIN, date(2028, 5, 8))
    assert summary.expired == (lid,)
    lst = listing_of(db, cid, lid)
    assert (lst.removal_kind, lst.removal_reason, lst.removed_on) == (
        RemovalKind.EXPIRED, RemovalReason.TERM_EXPIRED, date(2028, 5, 8))
    out = exported(db)[0]
    assert (out["removal_due"], out["removal_due_provisional"]) == ("2028-05-10", True)
    events = ls.respondent_events(db.uow(), JUDGE, cid)
    assert (events[-1].to_state, events[-1].article) == ("removed", "2017 Provisions Art. 10 para. 2")


def test_R_R2_a_court_may_apply_art_10_para_1_to_fixed_term_listings(db: AppContext) -> None:
    cid = store(db, open_ended=False)
    lid = publish(db, cid, grounds=(3,), term=2)
    ls.set_setting(db.uow(), ADMIN, "removal.para1_applies_to_fixed_term", "true")
    req = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_CREDITOR_REQUEST, petitioner_id=LI_SI,
                           received_on=date(2026, 9, 1), issue_receipt=False)
    ps.decide(db.uow(), JUDGE, req.petition.id, grant(date(2026, 9, 2)))
    assert listing_of(db, cid, lid).removal_reason is RemovalReason.CREDITOR_REQUEST


def test_R_R3_creditor_relisting_within_six_months_is_refused(db: AppContext) -> None:
    cid = store(db)
    publish(db, cid)
    req = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_CREDITOR_REQUEST, petitioner_id=LI_SI,
                           received_on=date(2026, 5, 28), issue_receipt=False)
    ps.decide(db.uow(), JUDGE, req.petition.id, grant(date(2026, 6, 1), "申请执行人书面申请删除"))
    with pytest.raises(ValidationError) as barred:
        applications.record_application(db.uow(), JUDGE, cid, respondent=0, applicant=0,
                                        received_on=date(2026, 12, 1), grounds_claimed="仍未履行")
    assert [(e.path, e.rule) for e in barred.value.errors] == [("received_on", "application.relisting_bar")]
    assert "2026-12-01" in barred.value.errors[0].en
    ok = applications.record_application(db.uow(), JUDGE, cid, respondent=0, applicant=0,
                                         received_on=date(2026, 12, 2), grounds_claimed="仍未履行")
    assert ok.status == "pending"
    # the company was not deleted at the creditor's request: no bar
    applications.record_application(db.uow(), JUDGE, cid, respondent=1, applicant=0,
                                    received_on=date(2026, 6, 2), grounds_claimed="转移财产")


def test_R_R3_a_creditor_application_recorded_before_the_deletion_cannot_be_granted_after_it(
        db: AppContext) -> None:
    cid = store(db)
    lid = publish(db, cid)
    app = applications.record_application(db.uow(), JUDGE, cid, respondent=0, applicant=0,
                                          received_on=date(2026, 6, 10), grounds_claimed="转移财产")
    from courtapp.core.services import removal

    removal.record_removal(db.uow(), JUDGE, lid, reason=RemovalReason.CREDITOR_REQUEST,
                           on=date(2026, 6, 1), reasons="申请执行人书面申请删除")
    with pytest.raises(ValidationError) as e:
        applications.decide_application(db.uow(), JUDGE, app.id, granted=True, on=date(2026, 6, 12),
                                        reasons="符合条件", listing_id=lid)
    assert rules(e) == {"application.relisting_bar"}


def test_R_R4_a_wrongful_listing_is_revoked_and_inaccurate_data_corrected_in_three_working_days(
        db: AppContext) -> None:
    cid = store(db)
    lid = publish(db, cid)
    wrong = ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 21), issue_receipt=False,
                             details=PetitionDetails(correction_ground=CorrectionGround.INACCURATE,
                                                     requested_correction="身份证号码有误"))
    done = ps.decide(db.uow(), JUDGE, wrong.petition.id,
                     grant(date(2026, 9, 30), correction="公布的履行情况更正为：已履行10000元"))
    assert done.petition.effect_due == date(2026, 10, 10)
    assert listing_of(db, cid, lid).status is ListingStatus.PUBLISHED  # corrected, still listed
    corr = dispatch.list_items(db.uow(), JUDGE, event="correction")
    assert {i.due for i in corr} == {date(2026, 10, 10)} and len(corr) == 5
    assert done.document is not None and done.document.kind is DocKind.CORRECTION_DECISION
    ev = ls.respondent_events(db.uow(), JUDGE, cid)[-1]
    assert (ev.from_state, ev.to_state, ev.article) == (
        "listed_published", "listed_published", "2017 Provisions Arts. 11-12")

    revoke = ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                              received_on=date(2026, 10, 9), issue_receipt=False,
                              details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    r = ps.decide(db.uow(), JUDGE, revoke.petition.id, grant(date(2026, 10, 12), "被执行人不应纳入"))
    lst = listing_of(db, cid, lid)
    assert (lst.removal_kind, lst.removal_reason) == (RemovalKind.REVOKED, RemovalReason.REVOKED)
    assert r.petition.effect_due == date(2026, 10, 15)
    assert exported(db)[0]["removal_due"] == "2026-10-15"


def test_R_R5_a_correction_is_reviewed_in_15_days_and_a_rejection_does_not_suspend(
        db: AppContext) -> None:
    cid = store(db)
    lid = publish(db, cid)
    with pytest.raises(ValidationError) as oral:
        ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 20),
                         details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE,
                                                 written=False))
    assert rules(oral) == {"petition.correction_written"}
    filed = ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 20),
                             details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    # 15 days end on 10-05, inside National Day: the period runs to 10-08 (CPL 2023 Art. 85)
    assert (filed.petition.due, filed.petition.sla.code()) == (date(2026, 10, 8), "15d")
    with pytest.raises(ValidationError):  # the 15 days are statutory
        ps.set_sla(db.uow(), ADMIN, K.CORRECTION, ps.Sla.parse("20d"))
    ls.set_setting(db.uow(), ADMIN, "court.higher_court", "北京市第三中级人民法院")
    with pytest.raises(ValidationError) as must:
        ps.decide(db.uow(), JUDGE, filed.petition.id, reject(date(2026, 9, 30), facts_verified=True))
    assert rules(must) == {"petition.must_grant"}
    done = ps.decide(db.uow(), JUDGE, filed.petition.id, reject(date(2026, 9, 30), "纳入符合规定"))
    assert done.document is not None
    doc = ds.document_content(db.uow(), JUDGE, done.document.number)
    assert doc.title == "驳回纠正申请决定书"
    assert "十日内向北京市第三中级人民法院申请复议" in doc.remedy and "不停止原决定的执行" in doc.remedy
    p = ps.record_decision_service(db.uow(), CLERK, filed.petition.id, date(2026, 10, 9))
    assert p.reconsideration_until == date(2026, 10, 19)
    p = ps.record_reconsideration(db.uow(), JUDGE, filed.petition.id, filed_on=date(2026, 10, 15))
    assert p.reconsideration_due == date(2026, 10, 30)
    # no suspension: the listing stays published meanwhile
    assert listing_of(db, cid, lid).status is ListingStatus.PUBLISHED
    p = ps.record_reconsideration(db.uow(), JUDGE, filed.petition.id, filed_on=date(2026, 10, 15),
                                  outcome="granted", decided_on=date(2026, 10, 28))
    lst = listing_of(db, cid, lid)
    assert (lst.status, lst.removal_reason, lst.removed_on) == (
        ListingStatus.REMOVED, RemovalReason.REVOKED, date(2026, 10, 28))


def test_R_R6_every_publish_revoke_correct_and_delete_records_user_time_and_ground(
        db: AppContext) -> None:
    cid = store(db)
    lid = publish(db, cid)
    perform_fully(db, cid, date(2026, 9, 29))
    filed = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 29), issue_receipt=False)
    ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 30)))
    trail = audit.entries(db.uow(), AUDITOR, entity_type="listing", entity_id=str(lid))
    by_action = {e.action: e for e in trail}
    assert by_action["listing.publish"].legal_ground == "2017 Provisions Art. 7"
    delete = by_action["listing.delete"]
    assert (delete.username, delete.legal_ground) == ("赵法官", "2017 Provisions Art. 10 para. 1 item 1")
    # The why is stored as a code with the petition and the judge's words; the
    # audit's prose reason is the judge's own.
    assert delete.at is not None and filed.petition.number in (delete.after or "")
    assert '"code":"history.petition_granted"' in (delete.after or "")
    assert delete.reason and "console" not in delete.reason and "petition" not in delete.reason
    events = [(e.to_state, e.username, e.article) for e in ls.respondent_events(db.uow(), JUDGE, cid)
              if e.respondent == 0]
    assert events[-2:] == [("listed_published", "admin", "2017 Provisions Art. 7"),
                           ("removed", "赵法官", "2017 Provisions Art. 10 para. 1 item 1")]
    decided = audit.entries(db.uow(), AUDITOR, entity_type="petition", entity_id=filed.petition.number)
    assert {e.action for e in decided} >= {"petition.file", "petition.granted"}

    # correct, then revoke: each records the user, the time and the legal ground too
    other = store(db, lambda d: d.update(case_number="(2026)京0105执1235号"))
    lid2 = publish(db, other)
    fix = ps.file_petition(db.uow(), COUNTER, other, K.CORRECTION, petitioner_id=ZHANG_SAN,
                           received_on=date(2026, 9, 21), issue_receipt=False,
                           details=PetitionDetails(correction_ground=CorrectionGround.INACCURATE,
                                                   requested_correction="年龄有误"))
    ps.decide(db.uow(), JUDGE, fix.petition.id, grant(date(2026, 9, 30), "年龄记载有误"))
    wrong = ps.file_petition(db.uow(), COUNTER, other, K.CORRECTION, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 10, 9), issue_receipt=False,
                             details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    ps.decide(db.uow(), JUDGE, wrong.petition.id, grant(date(2026, 10, 12), "被执行人不应纳入"))
    trail2 = {e.action: e for e in audit.entries(db.uow(), AUDITOR, entity_type="listing",
                                                 entity_id=str(lid2))}
    correct, revoke = trail2["listing.correct"], trail2["listing.revoke"]
    assert (correct.username, correct.legal_ground, correct.reason) == (
        "赵法官", "2017 Provisions Arts. 11-12", "年龄记载有误")
    assert '"correction":"年龄有误"' in (correct.after or "") and correct.at is not None
    assert (revoke.username, revoke.legal_ground, revoke.reason) == (
        "赵法官", "2017 Provisions Arts. 9, 11-12", "被执行人不应纳入")
    assert '"removal_kind":"revoked"' in (revoke.after or "") and revoke.at >= correct.at
    events2 = [(e.from_state, e.to_state, e.username, e.article, e.reason)
               for e in ls.respondent_events(db.uow(), JUDGE, other) if e.respondent == 0]
    assert events2[-2:] == [
        ("listed_published", "listed_published", "赵法官", "2017 Provisions Arts. 11-12",
         "history.information_corrected"),
        ("listed_published", "removed", "赵法官", "2017 Provisions Arts. 9, 11-12",
         "history.petition_granted")]


# ------------------------------------------------------------ restrictions
def test_R_C5_private_consumption_by_an_officer_must_be_granted_when_verified(db: AppContext) -> None:
    cid = store(db)
    oid = order_on_company(db, cid)
    with pytest.raises(ValidationError) as entity:  # the company itself is not a natural person
        ps.file_petition(db.uow(), COUNTER, cid, K.PRIVATE_CONSUMPTION, petitioner_id=COMPANY,
                         received_on=date(2026, 9, 1),
                         details=PetitionDetails(consumption="乘飞机探亲", permit_from=date(2026, 9, 10),
                                                 permit_until=date(2026, 9, 12)))
    assert ("petitioner_id", "petition.petitioner_role") in {(e.path, e.rule) for e in entity.value.errors}
    filed = ps.file_petition(
        db.uow(), COUNTER, cid, K.PRIVATE_CONSUMPTION, petitioner_id=WANG_WU, petitioner_name="王五",
        received_on=date(2026, 9, 1),
        details=PetitionDetails(consumption="以个人存款购买机票探亲", items=(1,),
                                permit_from=date(2026, 9, 10), permit_until=date(2026, 9, 12)))
    p = filed.petition
    assert (p.petitioner_role.value, p.officer, p.respondent, p.order_id) == ("officer", 0, 1, oid)
    assert filed.receipt is not None  # the receipt names the officer as petitioner
    receipt = ds.document_content(db.uow(), JUDGE, filed.receipt.number)
    assert receipt.parties[0].name == "王五"
    with pytest.raises(ValidationError) as must:
        ps.decide(db.uow(), JUDGE, p.id, reject(date(2026, 9, 3), facts_verified=True))
    assert rules(must) == {"petition.must_grant"}
    done = ps.decide(db.uow(), JUDGE, p.id, grant(date(2026, 9, 3), facts_verified=True))
    assert done.document is not None and done.document.kind is DocKind.PERMISSION
    assert ds.document_content(db.uow(), JUDGE, done.document.number).title == "准许因私消费决定书"
    [order] = [o for o in rs.orders_for_case(db.uow(), JUDGE, cid) if o.id == oid]
    assert [(int(r.item), r.person, r.status.value) for r in order.order.restrictions] == [
        (1, None, "imposed"), (1, 0, "temporarily_lifted"), (9, 0, "imposed")]
    items = dispatch.list_items(db.uow(), JUDGE, event="permission")
    assert [(i.recipient, i.due, i.order_id) for i in items] == [
        ("spc_list", date(2026, 9, 10), oid), ("airlines", date(2026, 9, 10), oid),
        ("rail", date(2026, 9, 10), oid)]


def test_R_C6_a_former_legal_representative_is_released_and_the_new_one_restricted(
        db: AppContext) -> None:
    cid = store(db)
    oid = order_on_company(db, cid)
    filed = ps.file_petition(db.uow(), COUNTER, cid, K.OFFICER_RELEASE, petitioner_id=WANG_WU,
                             received_on=date(2026, 9, 1), issue_receipt=False)
    with pytest.raises(ValidationError) as nobody:
        ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 8)))
    assert rules(nobody) == {"petition.new_officer"}
    rec = svc.get_case(db.uow(), JUDGE, case_id=cid)  # the change is recorded on the case first
    rec.case.respondents[1].officers.append(Officer(OfficerRole.LEGAL_REPRESENTATIVE, "赵六", ZHAO_LIU))
    svc.update_case(db.uow(), JUDGE, cid, rec.version, rec.case, today=FAR)
    with pytest.raises(ValidationError) as must:
        ps.decide(db.uow(), JUDGE, filed.petition.id, reject(date(2026, 9, 8), facts_verified=True))
    assert rules(must) == {"petition.must_grant"}
    done = ps.decide(db.uow(), JUDGE, filed.petition.id,
                     grant(date(2026, 9, 8), "王五已辞任且非实际控制人", facts_verified=True, new_officer=1))
    [old] = [o for o in rs.orders_for_case(db.uow(), JUDGE, cid) if o.id == oid]
    assert [(r.person, r.status.value) for r in old.order.restrictions] == [
        (None, "imposed"), (0, "lifted"), (0, "lifted")]
    assert done.new_order_id is not None
    [new] = [o for o in rs.orders_for_case(db.uow(), JUDGE, cid) if o.id == done.new_order_id]
    assert new.order.status.value == "draft"  # the president signs it (2015 Art. 5)
    assert [(int(r.item), r.person) for r in new.order.restrictions] == [(1, 1), (9, 1)]
    signed = rs.sign_order(db.uow(), PRESIDENT, new.id, new.version, date(2026, 9, 9))
    assert signed.order.status.value == "signed"
    assert done.document is not None and done.document.kind is DocKind.RESTRICTION_LIFTING
    doc = ds.document_content(db.uow(), JUDGE, done.document.number)
    assert "王五已不再担任" in "".join(doc.body)


def test_R_C7_temporary_travel_is_a_single_unblock_within_the_configured_maximum(
        db: AppContext) -> None:
    cid = store(db)
    lid = publish(db, cid)

    def travel(start: date, until: date) -> PetitionDetails:
        return PetitionDetails(travel_ground=TravelGround.ILLNESS, itinerary="北京—上海",
                               permit_from=start, permit_until=until)

    with pytest.raises(ValidationError) as long:  # 1 month, UNCONFIRMED: a court setting (30 days)
        ps.file_petition(db.uow(), COUNTER, cid, K.TEMPORARY_TRAVEL, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 1), details=travel(date(2026, 9, 2), date(2026, 10, 2)))
    assert rules(long) == {"petition.period_too_long"}
    with pytest.raises(ValidationError) as ground:
        ps.file_petition(db.uow(), COUNTER, cid, K.TEMPORARY_TRAVEL, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 1),
                         details=PetitionDetails(permit_from=date(2026, 9, 2), permit_until=date(2026, 9, 3)))
    assert rules(ground) == {"petition.travel_ground"}
    ls.set_setting(db.uow(), ADMIN, "petition.travel_max_days", "7")
    with pytest.raises(ValidationError):
        ps.file_petition(db.uow(), COUNTER, cid, K.TEMPORARY_TRAVEL, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 1), details=travel(date(2026, 9, 2), date(2026, 9, 9)))
    first = ps.file_petition(db.uow(), COUNTER, cid, K.TEMPORARY_TRAVEL, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 1), details=travel(date(2026, 9, 2), date(2026, 9, 6)))
    assert first.petition.due == date(2026, 9, 2)  # urgent: one working day
    second = ps.file_petition(db.uow(), COUNTER, cid, K.TEMPORARY_TRAVEL, petitioner_id=ZHANG_SAN,
                              received_on=date(2026, 9, 1), issue_receipt=False,
                              details=travel(date(2026, 9, 4), date(2026, 9, 5)))
    done = ps.decide(db.uow(), JUDGE, first.petition.id, grant(date(2026, 9, 1)))
    assert done.document is not None and done.document.kind is DocKind.PERMISSION
    assert {r.status for r in listing_of(db, cid, lid).restrictions} == {RestrictionStatus.TEMPORARILY_LIFTED}
    with pytest.raises(ValidationError) as single:
        ps.decide(db.uow(), JUDGE, second.petition.id, grant(date(2026, 9, 1)))
    assert rules(single) == {"petition.travel_single"}
    # after the trip the daily run imposes the items again; the second run changes nothing
    assert daily.run_daily(db.uow(), ADMIN, date(2026, 9, 6)).permissions_ended == ()
    assert daily.run_daily(db.uow(), ADMIN, date(2026, 9, 7)).permissions_ended == (first.petition.number,)
    assert daily.run_daily(db.uow(), ADMIN, date(2026, 9, 7)).changes == 0
    assert {r.status for r in listing_of(db, cid, lid).restrictions} == {RestrictionStatus.IMPOSED}
    ps.decide(db.uow(), JUDGE, second.petition.id, grant(date(2026, 9, 7), permit_from=date(2026, 9, 8),
                                                          permit_until=date(2026, 9, 9)))


def test_R_C8_consumption_for_living_or_business_needs_approval_beforehand(db: AppContext) -> None:
    cid = store(db)
    publish(db, cid, items=((1, None), (3, None), (9, None)))
    with pytest.raises(ValidationError) as after:
        ps.file_petition(db.uow(), COUNTER, cid, K.NECESSARY_CONSUMPTION, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 10),
                         details=PetitionDetails(consumption="购买经营用房", items=(3,),
                                                 permit_from=date(2026, 9, 1), permit_until=date(2026, 9, 30)))
    assert [(e.path, e.rule) for e in after.value.errors] == [("details.permit_from", "petition.prior_approval")]
    filed = ps.file_petition(db.uow(), COUNTER, cid, K.NECESSARY_CONSUMPTION, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 10), issue_receipt=False,
                             details=PetitionDetails(consumption="购买经营用房", items=(3,),
                                                     permit_from=date(2026, 9, 15),
                                                     permit_until=date(2026, 9, 30)))
    with pytest.raises(ValidationError) as late:  # a decision after the period began approves nothing
        ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 16)))
    assert rules(late) == {"petition.prior_approval"}
    done = ps.decide(db.uow(), JUDGE, filed.petition.id, grant(date(2026, 9, 14)))
    assert done.document is not None
    assert ds.document_content(db.uow(), JUDGE, done.document.number).title == "准许消费决定书"
    assert [i.recipient for i in dispatch.list_items(db.uow(), JUDGE, event="permission")] == ["spc_list"]


def test_R_C9_lifting_is_mandatory_on_full_performance_and_discretionary_on_consent(
        db: AppContext) -> None:
    cid = store(db)
    oid = order_on_company(db, cid)
    consent = ps.file_petition(db.uow(), COUNTER, cid, K.LIFTING, petitioner_id=LI_SI, respondent=1,
                               received_on=date(2026, 9, 1), issue_receipt=False,
                               details=PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT))
    ps.decide(db.uow(), JUDGE, consent.petition.id, reject(date(2026, 9, 2), "同意系附条件"))  # may
    with pytest.raises(ValidationError) as unnamed:  # what is offered, and its value
        ps.file_petition(db.uow(), COUNTER, cid, K.LIFTING, petitioner_id=COMPANY,
                         received_on=date(2026, 9, 1), issue_receipt=False,
                         details=PetitionDetails(lifting_ground=LiftingGround.SECURITY))
    assert rules(unnamed) == {"petition.security_offered", "petition.security_value"}
    security = ps.file_petition(db.uow(), COUNTER, cid, K.LIFTING, petitioner_id=COMPANY,
                                received_on=date(2026, 9, 1), issue_receipt=False,
                                details=PetitionDetails(lifting_ground=LiftingGround.SECURITY,
                                                        security="房产抵押",
                                                        security_value=Decimal("10000.00")))
    with pytest.raises(ValidationError) as no_security:
        ps.decide(db.uow(), JUDGE, security.petition.id, grant(date(2026, 9, 2)))
    assert rules(no_security) == {"petition.security_missing"}
    paid = ps.file_petition(db.uow(), COUNTER, cid, K.LIFTING, petitioner_id=COMPANY,
                            received_on=date(2026, 9, 1),
                            details=PetitionDetails(lifting_ground=LiftingGround.FULLY_PERFORMED))
    assert paid.petition.due == date(2026, 9, 4)  # "promptly": 3 working days (court setting)
    with pytest.raises(ValidationError) as unpaid:
        ps.decide(db.uow(), JUDGE, paid.petition.id, grant(date(2026, 9, 2)))
    assert rules(unpaid) == {"petition.not_performed"}
    perform_fully(db, cid, date(2026, 9, 2))
    with pytest.raises(ValidationError) as must:
        ps.decide(db.uow(), JUDGE, paid.petition.id, reject(date(2026, 9, 3)))
    assert rules(must) == {"petition.must_grant"}
    done = ps.decide(db.uow(), JUDGE, paid.petition.id, grant(date(2026, 9, 3), "已履行完毕"))
    [order] = [o for o in rs.orders_for_case(db.uow(), JUDGE, cid) if o.id == oid]
    assert order.order.status.value == "lifted"
    assert {r.status for r in order.order.restrictions} == {RestrictionStatus.LIFTED}
    assert done.petition.effect_due == date(2026, 9, 8)
    assert done.document is not None
    doc = ds.document_content(db.uow(), JUDGE, done.document.number)
    assert doc.title == "解除限制消费令" and doc.outstanding == ""  # nothing outstanding any more
    items = dispatch.list_items(db.uow(), JUDGE, event="lifting")
    assert [(i.recipient, i.due) for i in items] == [
        ("spc_list", date(2026, 9, 8)), ("airlines", date(2026, 9, 8)), ("rail", date(2026, 9, 8))]


def test_R_C9_a_listed_respondent_stays_restricted(db: AppContext) -> None:
    cid = store(db)
    publish(db, cid)
    f = ps.file_petition(db.uow(), COUNTER, cid, K.LIFTING, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 1), issue_receipt=False,
                         details=PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT))
    with pytest.raises(ValidationError) as e:
        ps.decide(db.uow(), JUDGE, f.petition.id, grant(date(2026, 9, 2)))
    assert rules(e) == {"listing.restriction_required"}


def test_R_C10_a_verified_breach_enables_sanctions_and_listing_ground_5(db: AppContext) -> None:
    cid = store(db, open_ended=False)
    order_on_company(db, cid, on=date(2026, 5, 6))
    with pytest.raises(ValidationError) as unverified:
        rs.record_violation(db.uow(), JUDGE, cid, respondent=1, on=date(2026, 6, 1),
                            description="乘坐飞机", verified=False, today=FAR)
    assert rules(unverified) == {"restriction.violation_unverified"}
    with pytest.raises(ValidationError) as before:
        rs.record_violation(db.uow(), JUDGE, cid, respondent=1, on=date(2026, 5, 1),
                            description="乘坐飞机", verified=True, today=FAR)
    assert rules(before) == {"restriction.violation_not_restricted"}
    case = svc.get_case(db.uow(), JUDGE, case_id=cid).case
    assert 5 not in assess_respondent(case, 1, date(2026, 6, 2)).grounds
    v = rs.record_violation(db.uow(), JUDGE, cid, respondent=1, on=date(2026, 6, 1),
                            description="经查，2026年6月1日乘坐飞机头等舱", verified=True, today=FAR)
    assert (v.listing_ground, v.sanction_article) == (5, "CPL 2023 Art. 114")
    case = svc.get_case(db.uow(), JUDGE, case_id=cid).case
    assert [c.type.value for c in case.conduct if c.respondent == 1] == ["restriction_order_violation"]
    assert 5 in assess_respondent(case, 1, date(2026, 6, 2)).effective_grounds
    rec = ls.prepare_listing(db.uow(), JUDGE, cid, Listing(
        respondent=1, grounds=[5], decided_on=date(2026, 6, 2), term_years=2,
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, date(2026, 6, 2))]),
        reasons_zh="违反限制消费令")
    assert rec.listing.grounds == [5]


# --------------------------------------------------------------- deadlines
def test_R_D1_a_removal_granted_on_30_september_2026_is_due_on_10_october(db: AppContext) -> None:
    cid = store(db)
    publish(db, cid)
    f = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_SETTLEMENT, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 30), issue_receipt=False)
    assert (f.petition.due, f.petition.due_provisional) == (date(2026, 10, 10), False)
    done = ps.decide(db.uow(), JUDGE, f.petition.id, grant(date(2026, 9, 30), facts_verified=True))
    assert (done.petition.effect_due, done.petition.effect_due_provisional) == (date(2026, 10, 10), False)
    assert exported(db)[0]["removal_due"] == "2026-10-10"


def test_R_D1_a_deadline_crossing_into_2027_is_provisional_until_the_calendar_has_it(
        db: AppContext) -> None:
    cid = store(db)
    publish(db, cid)
    f = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_SETTLEMENT, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 12, 30))
    p = f.petition
    assert (p.due, p.due_provisional, p.missing_years) == (date(2027, 1, 4), True, (2027,))
    assert f.receipt is not None
    receipt = ds.document_content(db.uow(), JUDGE, f.receipt.number)
    assert "暂按周一至周五计算" in receipt.term and "2027年1月4日" in receipt.term
    done = ps.decide(db.uow(), JUDGE, p.id, grant(date(2026, 12, 30), facts_verified=True))
    assert (done.petition.effect_due, done.petition.effect_due_provisional) == (date(2027, 1, 4), True)
    out = exported(db)[0]
    assert (out["removal_due"], out["removal_due_provisional"]) == ("2027-01-04", True)
    alerts = daily.alerts(db.uow(), JUDGE, date(2027, 1, 4))
    assert alerts[0].kind is daily.AlertKind.REMOVAL_UNACKNOWLEDGED and alerts[0].provisional

    calendar.set_year(db.uow(), ADMIN, 2027, SCHEDULE_2027, [], source="国务院办公厅通知（示例）")
    firm = ps.get_petition(db.uow(), JUDGE, p.id)
    assert (firm.due, firm.due_provisional, firm.effect_due, firm.effect_due_provisional) == (
        date(2027, 1, 5), False, date(2027, 1, 5), False)
    out = exported(db)[0]
    assert out["removal_due"] == "2027-01-05" and "removal_due_provisional" not in out
    assert daily.alerts(db.uow(), JUDGE, date(2027, 1, 4))[0].kind is not daily.AlertKind.REMOVAL_UNACKNOWLEDGED


def test_R_D2_a_calendar_day_period_does_not_end_on_a_holiday(db: AppContext) -> None:
    cid = store(db)
    publish(db, cid)
    details = PetitionDetails(correction_ground=CorrectionGround.SHOULD_BE_DELETED)
    f = ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 20), issue_receipt=False, details=details)
    assert f.petition.due == date(2026, 10, 8)  # day 15 is 10-05, in the National Day holiday
    g = ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 12, 18), issue_receipt=False, details=details)
    assert (g.petition.due, g.petition.due_provisional) == (date(2027, 1, 4), True)  # 1-2 is a Saturday
    r = applications.record_application(db.uow(), JUDGE, cid, respondent=1, applicant=0,
                                        received_on=date(2026, 9, 20), grounds_claimed="转移财产")
    assert r.due_on == date(2026, 10, 8)  # a creditor's application too (2017 Art. 5 para. 2)
    done = ps.decide(db.uow(), JUDGE, f.petition.id, grant(date(2026, 10, 8), facts_verified=True))
    lst = exported(db)[0]
    # 10-09 (Friday), 10-10 (a make-up Saturday), 10-12 (Monday)
    assert (lst["removal_reason"], lst["removal_due"]) == ("corrected", "2026-10-12")
    assert done.document is not None and done.document.kind is DocKind.CORRECTION_DECISION


# -------------------------------------------------------------------- R-R7
def test_R_R7_a_late_deletion_is_stored_for_the_statistics_and_the_queue_orders_by_the_deadline(
        db: AppContext) -> None:
    from sqlalchemy import text

    cid = store(db)
    publish(db, cid)
    perform_fully(db, cid, date(2026, 9, 1))  # the case records full performance first
    proof = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 8), issue_receipt=False)
    correction = ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                                    received_on=date(2026, 8, 31), issue_receipt=False,
                                    details=PetitionDetails(
                                        correction_ground=CorrectionGround.SHOULD_BE_DELETED))
    p = proof.petition
    # from the petition with its proof (9-08): delete by 9-11, decide by then too
    assert (p.deletion_event_on, p.deletion_due, p.due) == (
        date(2026, 9, 8), date(2026, 9, 11), date(2026, 9, 11))
    # the correction (due 9-15) comes after the removal's deletion deadline (9-11)
    assert [q.petition.number for q in ps.queue(db.uow(), JUDGE, date(2026, 9, 9))] == [
        p.number, correction.petition.number]
    done = ps.decide(db.uow(), JUDGE, p.id, grant(date(2026, 9, 14), "已履行完毕"))
    assert (done.petition.deletion_late, done.petition.effect_due) == (True, date(2026, 9, 11))
    assert done.document is not None and done.document.kind is DocKind.DELETION
    # the deletion decision says it is late, and by when it was due
    body = "".join(ds.document_content(db.uow(), JUDGE, done.document.number).body)
    assert "本院应当于2026年9月11日之前删除该失信信息" in body and "系逾期删除" in body
    with db.engine.connect() as c:
        rows = c.execute(text("select number, deletion_event_on, deletion_late from petitions "
                              "where deletion_late = :t"), {"t": True}).all()
    assert [(n, str(d)) for n, d, _ in rows] == [(p.number, "2026-09-08")]
    assert exported(db)[0]["removal_due"] == "2026-09-11"


def test_R_C9_the_lifting_decision_states_what_was_offered_and_calls_it_effective_only_if_so(
        db: AppContext) -> None:
    from courtapp.core.domain.model import SecurityItem, SecurityKind

    cid = store(db)
    oid = order_on_company(db, cid)
    rec = svc.get_case(db.uow(), JUDGE, case_id=cid)
    rec.case.security.append(SecurityItem(SecurityKind.MORTGAGE, Decimal("10000.00"), 1, "房产抵押"))
    svc.update_case(db.uow(), JUDGE, cid, rec.version, rec.case, today=FAR)
    f = ps.file_petition(db.uow(), COUNTER, cid, K.LIFTING, petitioner_id=COMPANY,
                         received_on=date(2026, 9, 1), issue_receipt=False,
                         details=PetitionDetails(lifting_ground=LiftingGround.SECURITY,
                                                 security="坐落于朝阳区某小区的房产抵押",
                                                 security_value=Decimal("10000.00")))
    with pytest.raises(ValidationError) as short:  # ¥10,000 against ¥40,000 and an apology
        ps.decide(db.uow(), JUDGE, f.petition.id, grant(date(2026, 9, 2), "提供担保"))
    assert rules(short) == {"petition.security_insufficient"}
    assert "25%" in short.value.errors[0].en
    done = ps.decide(db.uow(), JUDGE, f.petition.id,
                     grant(date(2026, 9, 2), "担保物价值虽不足以清偿，但经审查确实有效",
                           security_effective=True))
    assert done.document is not None and done.document.kind is DocKind.RESTRICTION_LIFTING
    body = "".join(ds.document_content(db.uow(), JUDGE, done.document.number).body)
    assert ("被执行人提供坐落于朝阳区某小区的房产抵押作为担保，价值人民币10,000.00元（尚未履行的金额为"
            "人民币40,000.00元，另有1项行为义务尚未履行），本院经审查认定该担保确实有效。") in body
    [order] = [o for o in rs.orders_for_case(db.uow(), JUDGE, cid) if o.id == oid]
    assert order.order.status.value == "lifted"
    # without the data (a document asked for by hand) it says only that security was provided
    plain = ds.issue(db.uow(), JUDGE, DocKind.RESTRICTION_LIFTING, cid, respondent=1,
                     order_id=oid, issued_on=date(2026, 9, 3), extra={"ground": "security"})
    plain_body = "".join(ds.document_content(db.uow(), JUDGE, plain.document.number).body)
    assert "被执行人提供了担保。" in plain_body and "确实有效" not in plain_body
