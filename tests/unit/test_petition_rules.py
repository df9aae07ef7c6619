"""The counter's rules as pure functions: no database, no unit of work
(``courtapp.core.domain.petition_intake`` and ``petition_decision``)."""

from __future__ import annotations

from datetime import date

import pytest
from counter_world import (
    COMPANY,
    LI_SI,
    LISTED_ON,
    STRANGER,
    WANG_WU,
    ZHANG_SAN,
    company_order,
    example_case,
    paid,
    performed,
    published,
)

from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.listing import (
    ListingStatus,
    RemovalKind,
    RemovalReason,
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
    PetitionerRole,
    PetitionKind,
    Search,
)
from courtapp.core.domain.petition_decision import (
    CorrectionPlan,
    correction_plan,
    lifting_bodies,
    lifting_plan,
    must_grant,
    permission_plan,
    release_plan,
    removal_plan,
    with_status,
)
from courtapp.core.domain.petition_intake import (
    Petitioner,
    choose_target,
    identify,
    in_force,
    intake_checks,
)
from courtapp.core.domain.records import ListingRecord, OrderRecord

K = PetitionKind
ON = date(2026, 9, 30)


def rules(e: ErrorCollector) -> list[tuple[str, str]]:
    return [(x.path, x.rule) for x in e.errors]


def listing_record(listing_id: int = 7, **kw: object) -> ListingRecord:
    lst = published(**kw)  # type: ignore[arg-type]
    return ListingRecord(listing_id, 1, "(2026)京0105执1234号", 1, lst, "judge", "", "",
                         restriction_ids=tuple(range(100, 100 + len(lst.restrictions))))


def order_record(order_id: int = 8) -> OrderRecord:
    return OrderRecord(order_id, 1, "(2026)京0105执1234号", 1, company_order(), "judge", (200, 201, 202))


# ------------------------------------------------------------------ identify
def test_identify_the_petitioner_by_the_document_shown_and_name_the_field() -> None:
    case = example_case()
    e = ErrorCollector()
    who = identify(case, K.REMOVAL_PERFORMED, ZHANG_SAN.lower(), "", e)
    assert who == Petitioner(PetitionerRole.RESPONDENT, 0, None, 0, "张三", ZHANG_SAN) and not e
    assert identify(case, K.REMOVAL_PERFORMED, STRANGER, "", e) is None
    assert rules(e) == [("petitioner_id", "petition.not_a_party")]
    e = ErrorCollector()
    assert identify(case, K.REMOVAL_CREDITOR_REQUEST, ZHANG_SAN, "", e) is None  # the creditor's own
    assert rules(e) == [("petitioner_id", "petition.petitioner_role")]
    e = ErrorCollector()
    officer = identify(case, K.PRIVATE_CONSUMPTION, WANG_WU, "王五", e)
    assert officer is not None and (officer.role, officer.respondent, officer.officer) == (
        PetitionerRole.OFFICER, 1, 0)
    assert identify(case, K.REMOVAL_PERFORMED, ZHANG_SAN, "张山", e) is None
    assert rules(e) == [("petitioner_name", "petition.name_mismatch")]
    e = ErrorCollector()
    assert identify(case, K.REMOVAL_PERFORMED, " ", "", e) is None
    assert rules(e) == [("petitioner_id", "required")]
    creditor = identify(case, K.LIFTING, LI_SI, "", ErrorCollector())
    assert creditor is not None and creditor.respondent is None  # the creditor names none


# -------------------------------------------------------------------- target
def test_choose_target_finds_the_listing_and_for_a_lifting_prefers_a_standalone_order() -> None:
    case = example_case()
    lr, orec = listing_record(), order_record()
    zhang = identify(case, K.REMOVAL_PERFORMED, ZHANG_SAN, "", ErrorCollector())
    assert zhang is not None
    e = ErrorCollector()
    t = choose_target(case, K.REMOVAL_PERFORMED, zhang, None, {0: lr, 1: None}, {}, e)
    assert t is not None and (t.respondent, t.listing, t.order) == (0, lr, None)
    # the company has no listing: a removal by its creditor cannot name it
    creditor = identify(case, K.REMOVAL_CREDITOR_REQUEST, LI_SI, "", ErrorCollector())
    assert creditor is not None
    e = ErrorCollector()
    assert choose_target(case, K.REMOVAL_CREDITOR_REQUEST, creditor, 1, {0: lr, 1: None}, {}, e) is None
    assert rules(e) == [("respondent", "petition.no_listing")]
    # a lifting: the company's order (it is not listed), found without naming the respondent
    company = identify(case, K.LIFTING, COMPANY, "", ErrorCollector())
    assert company is not None
    t = choose_target(case, K.LIFTING, company, None, {0: lr, 1: None}, {1: [orec]}, ErrorCollector())
    assert t is not None and (t.respondent, t.listing, t.order) == (1, None, orec)
    # the creditor, with two restricted respondents, must say which
    e = ErrorCollector()
    assert choose_target(case, K.LIFTING, creditor, None, {0: lr, 1: None}, {1: [orec]}, e) is None
    assert rules(e) == [("respondent", "petition.respondent_required")]
    e = ErrorCollector()
    assert choose_target(case, K.REMOVAL_PERFORMED, zhang, 1, {0: lr}, {}, e) is None
    assert rules(e) == [("respondent", "petition.respondent_mismatch")]
    # travel: only an order with flights or rail in force for the petitioner fits
    wang = identify(case, K.TEMPORARY_TRAVEL, WANG_WU, "", ErrorCollector())
    assert wang is not None
    t = choose_target(case, K.TEMPORARY_TRAVEL, wang, None, {}, {1: [orec]}, ErrorCollector())
    assert t is not None and t.order == orec


def test_intake_checks_the_items_asked_for_and_who_may_ask() -> None:
    case = example_case()
    lr = listing_record()
    zhang = identify(case, K.NECESSARY_CONSUMPTION, ZHANG_SAN, "", ErrorCollector())
    assert zhang is not None
    target = choose_target(case, K.NECESSARY_CONSUMPTION, zhang, None, {0: lr}, {}, ErrorCollector())
    assert target is not None
    e = ErrorCollector()
    intake_checks(case, K.NECESSARY_CONSUMPTION, zhang, target, PetitionDetails(items=(3, 9)), e)
    assert rules(e) == [("details.items", "petition.items_not_restricted")] and "3" in e.errors[0].en
    company = identify(case, K.TEMPORARY_TRAVEL, COMPANY, "", ErrorCollector())
    assert company is not None
    orec = order_record()
    t = choose_target(case, K.TEMPORARY_TRAVEL, company, None, {}, {1: [orec]}, ErrorCollector())
    assert t is not None
    e = ErrorCollector()
    intake_checks(case, K.TEMPORARY_TRAVEL, company, t, PetitionDetails(), e)
    assert rules(e) == [("petitioner_id", "petition.travel_person")]


# ---------------------------------------------------------------- must grant
def test_R_R1_must_grant_a_removal_once_performance_is_recorded_or_searches_prove_nothing() -> None:
    case, lst = example_case(), published()
    dec = Decision(False, "驳回", ON)
    assert must_grant(K.REMOVAL_PERFORMED, PetitionDetails(), dec, case, lst, para1_fixed=False) is None
    en, zh = must_grant(K.REMOVAL_PERFORMED, PetitionDetails(), dec, performed(case, ON), lst,
                        para1_fixed=False) or ("", "")
    assert "item 1" in en and "应当删除" in zh
    # a fixed-term listing: the para. 1 grounds do not oblige the court (court setting)
    fixed = published(term=2, grounds=(3,))
    assert must_grant(K.REMOVAL_PERFORMED, PetitionDetails(), dec, case, fixed, para1_fixed=False) is None
    assert must_grant(K.REMOVAL_PERFORMED, PetitionDetails(), dec, case, fixed, para1_fixed=True)
    searches = PetitionDetails(terminated_on=date(2026, 6, 1),
                               searches=(Search(date(2026, 7, 1)), Search(date(2026, 8, 1))))
    assert must_grant(K.REMOVAL_NO_PROPERTY, searches, dec, example_case(), lst, para1_fixed=False)
    lead = PetitionDetails(terminated_on=date(2026, 6, 1), asset_lead=True,
                           searches=(Search(date(2026, 7, 1)), Search(date(2026, 8, 1))))
    assert must_grant(K.REMOVAL_NO_PROPERTY, lead, dec, example_case(), lst, para1_fixed=False) is None
    # item 3 is the court's discretion ("审查同意")
    assert must_grant(K.REMOVAL_CREDITOR_REQUEST, PetitionDetails(),
                      Decision(False, "x", ON, facts_verified=True), case, lst, para1_fixed=False) is None


def test_R_R2_must_grant_deletion_after_the_term_ends() -> None:
    fixed = published(term=2, grounds=(3,))
    assert fixed.term_end() == date(2028, 5, 6)
    dec = Decision(False, "x", date(2028, 5, 7))
    assert must_grant(K.REMOVAL_TERM_EXPIRED, PetitionDetails(), dec, example_case(), fixed,
                      para1_fixed=False)
    assert must_grant(K.REMOVAL_TERM_EXPIRED, PetitionDetails(), Decision(False, "x", date(2028, 5, 6)),
                      example_case(), fixed, para1_fixed=False) is None


def test_R_C9_must_lift_on_full_performance_and_R_C5_R_C6_on_verified_facts() -> None:
    case = example_case()
    full = PetitionDetails(lifting_ground=LiftingGround.FULLY_PERFORMED)
    consent = PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT)
    dec = Decision(False, "x", ON, facts_verified=True)
    assert must_grant(K.LIFTING, full, dec, case, None, para1_fixed=False) is None
    assert must_grant(K.LIFTING, full, dec, performed(example_case(), ON), None, para1_fixed=False)
    assert must_grant(K.LIFTING, consent, dec, case, None, para1_fixed=False) is None  # "may"
    for kind in (K.PRIVATE_CONSUMPTION, K.OFFICER_RELEASE, K.CORRECTION):
        assert must_grant(kind, PetitionDetails(), dec, case, None, para1_fixed=False)
        assert must_grant(kind, PetitionDetails(), Decision(False, "x", ON), case, None,
                          para1_fixed=False) is None
    for kind in (K.TEMPORARY_TRAVEL, K.NECESSARY_CONSUMPTION):
        assert must_grant(kind, PetitionDetails(), dec, case, None, para1_fixed=False) is None


# ------------------------------------------------------------ removal effect
def test_R_R1_the_removal_effect_kind_reason_article_and_event_day() -> None:
    lst = published()
    e = ErrorCollector()
    plan = removal_plan(K.REMOVAL_PERFORMED, lst, performed(example_case(), ON), PetitionDetails(), ON,
                        e, para1_fixed=False)
    assert plan is not None and not e
    assert (plan.kind, plan.reason, plan.article, plan.event_on, plan.ground) == (
        RemovalKind.DELETED, RemovalReason.PERFORMED, "2017 Provisions Art. 10 para. 1 item 1", ON, 1)
    # never published (awaiting publication): cancelled, nothing to delete from the list
    waiting = published(status=ListingStatus.AWAITING_PUBLICATION)
    plan = removal_plan(K.REMOVAL_SETTLEMENT, waiting, example_case(), PetitionDetails(), ON,
                        ErrorCollector(), para1_fixed=False)
    assert plan is not None and plan.kind is RemovalKind.CANCELLED
    e = ErrorCollector()
    assert removal_plan(K.REMOVAL_PERFORMED, lst, paid(example_case(), ON, "100.00"),
                        PetitionDetails(), ON, e, para1_fixed=False) is None
    assert rules(e) == [("granted", "petition.not_performed")] and "39,900.00" in e.errors[0].en
    e = ErrorCollector()
    assert removal_plan(K.REMOVAL_NO_PROPERTY, lst, example_case(),
                        PetitionDetails(terminated_on=date(2026, 6, 1),
                                        searches=(Search(date(2026, 5, 1)), Search(date(2026, 7, 1)))),
                        ON, e, para1_fixed=False) is None
    assert rules(e) == [("details.searches", "petition.searches")]
    gone = published()
    gone.status, gone.removed_on, gone.removal_kind = ListingStatus.REMOVED, ON, RemovalKind.DELETED
    e = ErrorCollector()
    assert removal_plan(K.REMOVAL_PERFORMED, gone, example_case(), PetitionDetails(), ON, e,
                        para1_fixed=False) is None
    assert rules(e) == [("listing", "petition.listing_gone")]


def test_R_R2_fixed_term_refusals_early_deletion_and_expiry_from_the_term_end() -> None:
    fixed = published(term=2, grounds=(3,))
    e = ErrorCollector()
    assert removal_plan(K.REMOVAL_CREDITOR_REQUEST, fixed, example_case(), PetitionDetails(), ON, e,
                        para1_fixed=False) is None
    assert rules(e) == [("kind", "petition.fixed_term")]
    plan = removal_plan(K.REMOVAL_CREDITOR_REQUEST, fixed, example_case(), PetitionDetails(), ON,
                        ErrorCollector(), para1_fixed=True)
    assert plan is not None and plan.article == "2017 Provisions Art. 10 para. 1 item 3"
    early = removal_plan(K.REMOVAL_PERFORMED, fixed, performed(example_case(), ON), PetitionDetails(),
                         ON, ErrorCollector(), para1_fixed=False)
    assert early is not None and (early.article, early.ground) == ("2017 Provisions Art. 2 para. 2",
                                                                   "early")
    e = ErrorCollector()
    assert removal_plan(K.REMOVAL_TERM_EXPIRED, fixed, example_case(), PetitionDetails(), ON, e,
                        para1_fixed=False) is None
    assert rules(e) == [("on", "petition.term_running")]
    expired = removal_plan(K.REMOVAL_TERM_EXPIRED, fixed, example_case(), PetitionDetails(),
                           date(2028, 5, 9), ErrorCollector(), para1_fixed=False)
    assert expired is not None and (expired.kind, expired.event_on, expired.ground) == (
        RemovalKind.EXPIRED, date(2028, 5, 6), "expired")
    e = ErrorCollector()
    assert removal_plan(K.REMOVAL_TERM_EXPIRED, published(), example_case(), PetitionDetails(), ON, e,
                        para1_fixed=False) is None
    assert rules(e) == [("kind", "petition.no_term")]


def test_R_R4_R_R5_a_correction_revokes_deletes_or_corrects() -> None:
    lst = published()

    def plan(ground: CorrectionGround, requested: str = "", correction: str = ""
             ) -> tuple[CorrectionPlan | None, list[tuple[str, str]]]:
        e = ErrorCollector()
        out = correction_plan(PetitionDetails(correction_ground=ground, requested_correction=requested),
                              Decision(True, "属实", ON, correction=correction), lst, e)
        return out, rules(e)

    revoke, _ = plan(CorrectionGround.NOT_LISTABLE)
    assert revoke is not None and revoke.removal == (RemovalKind.REVOKED, RemovalReason.REVOKED,
                                                     "2017 Provisions Arts. 9, 11-12")
    delete, _ = plan(CorrectionGround.SHOULD_BE_DELETED)
    assert delete is not None and delete.removal == (RemovalKind.DELETED, RemovalReason.CORRECTED,
                                                     "2017 Provisions Arts. 11-12")
    fix, _ = plan(CorrectionGround.INACCURATE, requested="身份证号码有误", correction="已履行10000元")
    assert fix is not None and (fix.correction, fix.removal) == ("已履行10000元", None)
    asked, _ = plan(CorrectionGround.INACCURATE, requested="身份证号码有误")
    assert asked is not None and asked.correction == "身份证号码有误"
    assert plan(CorrectionGround.INACCURATE) == (None, [("correction", "petition.requested_correction")])


# -------------------------------------------------------------- restrictions
def test_R_C9_lifting_keeps_a_listed_respondent_restricted_and_lifts_a_whole_order() -> None:
    case = example_case()
    lst = published()
    consent = PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT)
    e = ErrorCollector()
    assert lifting_plan(case, 0, consent, ON, lst.restrictions, lst, e) is None
    assert rules(e) == [("details.items", "listing.restriction_required")]
    part = lifting_plan(case, 0, PetitionDetails(lifting_ground=LiftingGround.CREDITOR_CONSENT,
                                                 items=(9,)), ON, lst.restrictions, lst,
                        ErrorCollector())
    assert part is not None and (part.positions, part.items, part.whole_order) == (
        (1,), (RestrictionItem.HIGH_SPEED_RAIL,), False)
    order = company_order()
    whole = lifting_plan(case, 1, consent, ON, order.restrictions, None, ErrorCollector())
    assert whole is not None and whole.positions == (0, 1, 2) and whole.whole_order
    e = ErrorCollector()
    assert lifting_plan(case, 1, PetitionDetails(lifting_ground=LiftingGround.SECURITY), ON,
                        order.restrictions, None, e) is None
    assert rules(e) == [("granted", "petition.security_missing")]
    e = ErrorCollector()
    assert lifting_plan(case, 1, PetitionDetails(lifting_ground=LiftingGround.FULLY_PERFORMED), ON,
                        order.restrictions, None, e) is None
    assert rules(e) == [("granted", "petition.not_performed")]
    lifted = with_status(order.restrictions, (0, 1, 2), RestrictionStatus.LIFTED, ON)
    assert [(r.status, r.until) for r in lifted] == [(RestrictionStatus.LIFTED, ON)] * 3
    assert in_force(lifted) == []
    e = ErrorCollector()
    assert lifting_plan(case, 1, consent, ON, lifted, None, e) is None
    assert rules(e) == [("details.items", "petition.nothing_to_lift")]
    # who hears of it: a standalone order reaches the list system and the carriers
    assert [r.code for r in lifting_bodies(case, 1, None, (RestrictionItem.TRAVEL_CLASS,))] == [
        "spc_list", "airlines", "rail"]
    assert [r.code for r in lifting_bodies(case, 0, published(), (RestrictionItem.TRAVEL_CLASS,))] \
        == ["spc_list", "credit_reporting", "agencies", "airlines", "rail"]


def test_R_C7_R_C8_permissions_single_unblock_prior_approval_and_the_items() -> None:
    lst = published(items=((1, None), (3, None), (9, None)))
    travel = PetitionDetails(travel_ground=None, permit_from=date(2026, 9, 2),
                             permit_until=date(2026, 9, 6))
    dec = Decision(True, "准许", date(2026, 9, 1))
    plan = permission_plan(K.TEMPORARY_TRAVEL, travel, dec, date(2026, 9, 1), None, lst.restrictions,
                           [], ErrorCollector(), travel_max_days=30)
    assert plan is not None and plan.items == (RestrictionItem.TRAVEL_CLASS,
                                               RestrictionItem.HIGH_SPEED_RAIL)
    assert plan.positions == (0, 2) and plan.extra == {"from": date(2026, 9, 2),
                                                       "until": date(2026, 9, 6)}
    e = ErrorCollector()
    assert permission_plan(K.TEMPORARY_TRAVEL, travel, dec, date(2026, 9, 1), None, lst.restrictions,
                           [("申1", "2026-09-06")], e, travel_max_days=30) is None
    assert rules(e) == [("granted", "petition.travel_single")] and "2026-09-06" in e.errors[0].en
    e = ErrorCollector()
    assert permission_plan(K.TEMPORARY_TRAVEL, travel, dec, date(2026, 9, 1), None, lst.restrictions,
                           [], e, travel_max_days=3) is None
    assert rules(e) == [("permit_until", "petition.period_too_long")]
    need = PetitionDetails(consumption="购买经营用房", items=(3,), permit_from=date(2026, 9, 15),
                           permit_until=date(2026, 9, 30))
    e = ErrorCollector()
    assert permission_plan(K.NECESSARY_CONSUMPTION, need, Decision(True, "x", date(2026, 9, 16)),
                           date(2026, 9, 10), None, lst.restrictions, [], e,
                           travel_max_days=30) is None
    assert rules(e) == [("permit_from", "petition.prior_approval")]
    ok = permission_plan(K.NECESSARY_CONSUMPTION, need, Decision(True, "x", date(2026, 9, 14)),
                         date(2026, 9, 10), None, lst.restrictions, [], ErrorCollector(),
                         travel_max_days=30)
    assert ok is not None and ok.positions == (1,)


def test_R_C6_release_checks_the_new_officer_and_prepares_an_order_on_them() -> None:
    case = example_case()
    order = company_order()
    e = ErrorCollector()
    assert release_plan(case, 1, 0, None, "申1", ON, order.restrictions, order.factors, e) is None
    assert rules(e) == [("new_officer", "petition.new_officer")]
    case.respondents[1].officers.append(Officer(OfficerRole.ACTUAL_CONTROLLER, "孙七", STRANGER))
    e = ErrorCollector()
    assert release_plan(case, 1, 0, 1, "申1", ON, order.restrictions, order.factors, e) is None
    assert rules(e) == [("new_officer", "petition.new_officer_role")]
    case.respondents[1].officers.append(Officer(OfficerRole.LEGAL_REPRESENTATIVE, "赵六",
                                                "110105198505050038"))
    e = ErrorCollector()
    plan = release_plan(case, 1, 0, 2, "申1", ON, order.restrictions, order.factors, e)
    assert plan is not None and not e
    assert plan.lift.positions == (1, 2)  # 王五's items, not the company's
    assert [(int(r.item), r.person, r.start) for r in plan.order.restrictions] == [(1, 2, ON), (9, 2, ON)]
    assert "赵六" in plan.order.reasons and plan.order.factors == order.factors
    e = ErrorCollector()
    assert release_plan(case, 1, 0, 0, "申1", ON, order.restrictions, [], e) is None
    assert rules(e) == [("new_officer", "petition.new_officer_same")]
    lifted = with_status(order.restrictions, (1, 2), RestrictionStatus.LIFTED, ON)
    e = ErrorCollector()
    assert release_plan(case, 1, 0, 2, "申1", ON, lifted, [], e) is None
    assert rules(e) == [("granted", "petition.nothing_to_lift")]


def test_with_status_keeps_the_other_items_and_a_temporary_lifting_keeps_the_end() -> None:
    items = [Restriction(RestrictionItem.TRAVEL_CLASS, None, LISTED_ON),
             Restriction(RestrictionItem.HIGH_SPEED_RAIL, None, LISTED_ON, until=date(2027, 1, 1))]
    out = with_status(items, [1], RestrictionStatus.TEMPORARILY_LIFTED, ON)
    assert out[0] == items[0] and (out[1].status, out[1].until) == (
        RestrictionStatus.TEMPORARILY_LIFTED, date(2027, 1, 1))
    assert items[1].status is RestrictionStatus.IMPOSED  # the input is not changed


@pytest.mark.parametrize("kind", [K.REMOVAL_PERFORMED, K.CORRECTION])
def test_a_listing_petition_needs_the_listing_current(kind: PetitionKind) -> None:
    gone = published()
    gone.status, gone.removed_on = ListingStatus.REMOVED, ON
    e = ErrorCollector()
    if kind is K.CORRECTION:
        correction_plan(PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE),
                        Decision(True, "x", ON), gone, e)
    else:
        removal_plan(kind, gone, example_case(), PetitionDetails(), ON, e, para1_fixed=False)
    assert rules(e) == [("listing", "petition.listing_gone")]


# --------------------------------------------------------------- R-R7 deadlines
def test_R_R7_the_deletion_runs_from_the_day_the_ground_is_on_record() -> None:
    from courtapp.core.domain.petition_view import deletion_event_on, performed_on

    received = date(2026, 9, 8)
    unpaid = example_case()
    assert performed_on(unpaid) is None
    assert deletion_event_on(K.REMOVAL_PERFORMED, received, PetitionDetails(), unpaid, None) is None
    # performed before the petition brought the proof: from the petition
    early = performed(example_case(), date(2026, 9, 1))
    assert performed_on(early) == date(2026, 9, 1)
    assert deletion_event_on(K.REMOVAL_PERFORMED, received, PetitionDetails(), early, None) == received
    # performance recorded after the petition: from the performance
    late = performed(example_case(), date(2026, 9, 29))
    assert deletion_event_on(K.REMOVAL_PERFORMED, received, PetitionDetails(), late, None) == \
        date(2026, 9, 29)
    for kind in (K.REMOVAL_SETTLEMENT, K.REMOVAL_CREDITOR_REQUEST):
        assert deletion_event_on(kind, received, PetitionDetails(), unpaid, None) == received
    searches = PetitionDetails(terminated_on=date(2026, 6, 1),
                               searches=(Search(date(2026, 7, 1)), Search(date(2026, 9, 20))))
    assert deletion_event_on(K.REMOVAL_NO_PROPERTY, received, searches, unpaid, None) == date(2026, 9, 20)
    one = PetitionDetails(terminated_on=date(2026, 6, 1), searches=(Search(date(2026, 7, 1)),))
    assert deletion_event_on(K.REMOVAL_NO_PROPERTY, received, one, unpaid, None) is None
    assert deletion_event_on(K.REMOVAL_TERM_EXPIRED, received, PetitionDetails(), unpaid,
                             date(2028, 5, 6)) == date(2028, 5, 6)
    assert deletion_event_on(K.LIFTING, received, PetitionDetails(), unpaid, None) is None


def test_R_R7_the_decision_is_due_inside_the_deletion_period_and_the_queue_orders_by_it() -> None:
    from courtapp.core.domain.petition import PetitionStatus, Sla, SlaUnit
    from courtapp.core.domain.petition_view import petition_view, queue_order
    from courtapp.core.domain.records import PetitionRecord
    from courtapp.core.domain.workdays import YearCalendar

    cal = YearCalendar({2026}, {})  # weekdays only

    def rec(pid: int, kind: PetitionKind, received: date, sla: Sla) -> PetitionRecord:
        return PetitionRecord(pid, f"申{pid}", 1, pid, kind, PetitionStatus.PENDING, 0,
                              PetitionerRole.RESPONDENT, 0, None, "张三", ZHANG_SAN, 7, None,
                              received, sla, PetitionDetails(), "counter")

    # a removal received Tuesday 9-1 with a (say) 15-day period: the deletion is due
    # Friday 9-4, so is the decision
    removal = petition_view(rec(1, K.REMOVAL_SETTLEMENT, date(2026, 9, 1), Sla(15, SlaUnit.CALENDAR)),
                            "N", "张三", cal, 3, deletion_event=date(2026, 9, 1))
    assert (removal.deletion_due, removal.due) == (date(2026, 9, 4), date(2026, 9, 4))
    # the ground on record since before the petition (a term that ended): due on receipt
    expired = petition_view(rec(2, K.REMOVAL_TERM_EXPIRED, date(2026, 9, 14), Sla(3, SlaUnit.WORKING)),
                            "N", "张三", cal, 3, deletion_event=date(2026, 8, 31))
    assert (expired.deletion_due, expired.due) == (date(2026, 9, 3), date(2026, 9, 14))
    lifting = petition_view(rec(3, K.LIFTING, date(2026, 8, 31), Sla(5, SlaUnit.WORKING)),
                            "N", "张三", cal, 3)
    assert (lifting.deletion_due, lifting.due) == (None, date(2026, 9, 7))
    # performance recorded on 9-3, after a petition of 9-1 with a 1-day period
    waiting = petition_view(rec(4, K.REMOVAL_PERFORMED, date(2026, 9, 1), Sla(1, SlaUnit.WORKING)),
                            "N", "张三", cal, 3, deletion_event=date(2026, 9, 3))
    assert (waiting.due, waiting.deletion_due) == (date(2026, 9, 2), date(2026, 9, 8))
    order = [q.petition.id for q in queue_order([lifting, waiting, removal, expired],
                                                date(2026, 9, 5))]
    assert order == [2, 1, 3, 4]  # by the deletion deadline, else the decision's


# ------------------------------------------------- R-C9: the lifting decision's words
@pytest.mark.parametrize(("covers", "found", "zh_words", "effective"), [
    (True, False, "不低于尚未履行的金额人民币40,000.00元，经审查，该担保确实有效。", True),
    (False, True, "本院经审查认定该担保确实有效。", True),
    (False, False, "（尚未履行的金额为人民币40,000.00元，另有1项行为义务尚未履行）。", False),
])
def test_R_C9_the_lifting_order_states_the_security_and_calls_it_effective_only_if_so(
        covers: bool, found: bool, zh_words: str, effective: bool) -> None:
    from documents_fixtures import build_example

    from courtapp.core.documents.model import DocKind

    security = {"offered": "房产抵押", "value": "50000.00" if covers else "10000.00",
                "outstanding": "40000.00", "acts": [] if covers else ["公开赔礼道歉"],
                "covers": covers, "found_effective": found}
    zh = "".join(build_example(DocKind.RESTRICTION_LIFTING,
                               extra={"ground": "security", "security": security}).body)
    assert "被执行人提供房产抵押作为担保" in zh and zh_words in zh
    assert ("确实有效" in zh) is effective
    en = " ".join(build_example(DocKind.RESTRICTION_LIFTING, lang="en",
                                extra={"ground": "security", "security": security}).body)
    assert "offered 房产抵押 as security, worth CNY " in en
    assert ("genuine and effective" in en) is effective
