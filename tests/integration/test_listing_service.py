"""Listing decisions through the service layer (RULES.md R-L5, R-L7, R-L10–R-L16, R-C3;
issue 3 §4-§8, issue 9 §1)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from courtapp.core import interchange
from courtapp.core.context import AppContext
from courtapp.core.domain.errors import PermissionDenied, ValidationError
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RespondentState,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
)
from courtapp.core.domain.model import Payment, ServiceMethod
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import cases as svc
from courtapp.core.services import listing as ls

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"


def who(role: Role, name: str) -> Actor:
    return Actor(username=name, roles=frozenset({role}), display_name=name)


JUDGE, PRESIDENT = who(Role.JUDGE, "赵法官"), who(Role.PRESIDENT, "钱院长")
CLERK, ADMIN = who(Role.CLERK, "李书记员"), who(Role.ADMIN, "admin")
AUDITOR = who(Role.AUDITOR, "审计员")


def store(db: AppContext, mutate=None) -> int:  # type: ignore[no-untyped-def]
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if mutate:
        mutate(doc)
    case = interchange.loads(json.dumps(doc, ensure_ascii=False))[0]
    return svc.create_case(db.uow(), JUDGE, case).id


def draft(grounds: list[int] = [3], term: int | None = 2, grace: date | None = None,  # noqa: B006
          items: tuple[int, ...] = (1, 9)) -> Listing:
    return Listing(respondent=0, grounds=grounds, decided_on=date(2026, 5, 6), term_years=term,
                   grace_until=grace,
                   restrictions=[Restriction(RestrictionItem(i), None, date(2026, 5, 6)) for i in items])


def prepared(db: AppContext, **kw) -> ls.ListingRecord:  # type: ignore[no-untyped-def]
    cid = store(db)
    return ls.prepare_listing(db.uow(), JUDGE, cid, draft(**kw), reasons_zh="转移财产规避执行")


def test_R_L5_only_a_president_signs_and_the_decision_takes_effect_that_day(db: AppContext) -> None:
    rec = prepared(db)
    assert rec.listing.status is ListingStatus.DRAFT
    for actor in (CLERK, JUDGE):
        with pytest.raises(PermissionDenied):
            ls.sign_listing(db.uow(), actor, rec.id, rec.version, date(2026, 5, 8))
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 8))
    assert signed.listing.status is ListingStatus.AWAITING_PUBLICATION
    assert signed.listing.signed_by == "钱院长" and signed.listing.decided_on == date(2026, 5, 8)
    assert ls.respondent_state(db.uow(), JUDGE, rec.case_id, 0) is \
        RespondentState.LISTED_AWAITING_PUBLICATION
    events = [e for e in ls.respondent_events(db.uow(), JUDGE, rec.case_id) if e.respondent == 0]
    assert [(e.from_state, e.to_state, e.username, e.article, e.effective_on) for e in events] == [
        ("recorded", "notice_served", "赵法官", "2017 Provisions Art. 5 para. 1; CPL 2023 Art. 251",
         date(2026, 3, 5)),
        ("notice_served", "listed_awaiting_publication", "钱院长", "2017 Provisions Art. 5 para. 3",
         date(2026, 5, 8))]


def test_clerks_and_counter_officers_cannot_prepare_a_listing(db: AppContext) -> None:
    cid = store(db)
    for role in (Role.CLERK, Role.COUNTER, Role.PRESIDENT, Role.AUDITOR):
        with pytest.raises(PermissionDenied):
            ls.prepare_listing(db.uow(), who(role, "x"), cid, draft(), reasons_zh="理由")


def test_R_L5_a_decision_needs_reasons(db: AppContext) -> None:
    cid = store(db)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(), reasons_zh=" ")
    assert [x.rule for x in e.value.errors] == ["listing.reasons_required"]


def test_R_L2_a_minor_cannot_be_listed_through_the_service(db: AppContext) -> None:
    def minor(doc: dict) -> None:  # type: ignore[type-arg]
        doc["respondents"][0]["id_number"] = "110105201205050049"

    cid = store(db, minor)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(), reasons_zh="理由")
    assert "listing.minor" in {x.rule for x in e.value.errors}
    assert ls.listings_for_case(db.uow(), JUDGE, cid) == []


def test_a_respondent_without_a_served_notice_cannot_be_listed(db: AppContext) -> None:
    def unserved(doc: dict) -> None:  # type: ignore[type-arg]
        doc["execution_notice"].pop("served_on")
        doc["execution_notice"].pop("service_method")

    cid = store(db, unserved)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(), reasons_zh="理由")
    assert "listing.notice_not_served" in {x.rule for x in e.value.errors}


def test_grounds_the_record_does_not_support_are_refused(db: AppContext) -> None:
    cid = store(db)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(grounds=[5]), reasons_zh="理由")
    assert "listing.ground_unsupported" in {x.rule for x in e.value.errors}


def test_R_L10_a_listing_without_items_and_without_an_order_in_force_is_refused(
        db: AppContext) -> None:
    cid = store(db)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(items=()), reasons_zh="理由")
    assert "listing.restriction_required" in {x.rule for x in e.value.errors}
    assert ls.listings_for_case(db.uow(), JUDGE, cid) == []


def _sign_audit(db: AppContext, listing_id: int) -> dict:  # type: ignore[type-arg]
    from courtapp.core.services import audit

    [entry] = [x for x in audit.entries(db.uow(), AUDITOR, entity_type="listing",
                                        entity_id=str(listing_id)) if x.action == "listing.sign"]
    assert entry.after is not None and "2015 Provisions Art. 1 para. 2" in (entry.legal_ground or "")
    return json.loads(entry.after)  # type: ignore[no-any-return]


def test_R_L10_signing_creates_the_listings_restriction_from_the_day_it_takes_effect(
        db: AppContext) -> None:
    rec = prepared(db)
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 8))
    rs = signed.listing.restrictions
    assert [(int(r.item), r.person, r.start, r.status) for r in rs] == [
        (1, None, date(2026, 5, 8), RestrictionStatus.IMPOSED),
        (9, None, date(2026, 5, 8), RestrictionStatus.IMPOSED)]
    assert _sign_audit(db, rec.id)["restriction"] == {"mode": "created", "items": [1, 9]}


def test_R_L10_signing_confirms_a_restriction_order_already_in_force(db: AppContext) -> None:
    from courtapp.core.domain.restriction_order import Factor, Initiation, RestrictionOrder
    from courtapp.core.services import restriction as rsvc

    cid = store(db)
    on = date(2026, 4, 1)
    order = rsvc.prepare_order(db.uow(), JUDGE, cid, RestrictionOrder(
        respondent=0, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
        reasons="逾期未履行", decided_on=on,
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, on),
                      Restriction(RestrictionItem.HIGH_SPEED_RAIL, None, on),
                      Restriction(RestrictionItem.TOURISM, None, on)]))
    signed_order = rsvc.sign_order(db.uow(), PRESIDENT, order.id, order.version, on)
    # The listing carries no items of its own: the order in force is its restriction.
    rec = ls.prepare_listing(db.uow(), JUDGE, cid, draft(items=()), reasons_zh="转移财产规避执行")
    assert rec.listing.restrictions == []
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 8))
    assert sorted((int(r.item), r.person, r.start, r.status)
                  for r in signed.listing.restrictions) == [
        (i, None, date(2026, 5, 8), RestrictionStatus.IMPOSED) for i in (1, 6, 9)]
    assert all(f"restriction order {signed_order.id}" in r.reason for r in signed.listing.restrictions)
    assert _sign_audit(db, rec.id)["restriction"] == {
        "mode": "confirmed", "order": signed_order.id, "items": [1, 6, 9]}


def test_R_L10_signing_refuses_when_the_confirmed_order_was_lifted_meanwhile(
        db: AppContext) -> None:
    from courtapp.core.db.orm import RestrictionRow
    from courtapp.core.domain.restriction_order import Factor, Initiation, RestrictionOrder
    from courtapp.core.services import restriction as rsvc

    cid = store(db)
    on = date(2026, 4, 1)
    order = rsvc.prepare_order(db.uow(), JUDGE, cid, RestrictionOrder(
        respondent=0, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
        reasons="逾期未履行", decided_on=on,
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, on)]))
    rsvc.sign_order(db.uow(), PRESIDENT, order.id, order.version, on)
    rec = ls.prepare_listing(db.uow(), JUDGE, cid, draft(items=()), reasons_zh="转移财产规避执行")
    with db.uow() as uow:  # the order's only item is lifted before the president signs
        for r in uow.session.query(RestrictionRow).filter(RestrictionRow.order_id == order.id):
            r.status, r.until = RestrictionStatus.LIFTED.value, date(2026, 5, 1)
        uow.commit()
    with pytest.raises(ValidationError) as e:
        ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 8))
    assert [x.rule for x in e.value.errors] == ["listing.restriction_required"]
    [still] = ls.listings_for_case(db.uow(), JUDGE, cid)
    assert still.listing.status is ListingStatus.DRAFT and still.listing.restrictions == []


def test_all_nine_items_on_a_small_amount_need_a_written_reason(db: AppContext) -> None:
    def small(doc: dict) -> None:  # type: ignore[type-arg]
        doc["obligations"][0]["amount"] = "15000.00"  # 5,000 outstanding after the payment

    cid = store(db, small)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(items=tuple(range(1, 10))), reasons_zh="理由")
    assert [x.rule for x in e.value.errors] == ["restriction.proportionality"]
    rec = ls.prepare_listing(db.uow(), JUDGE, cid, draft(items=tuple(range(1, 10))),
                             reasons_zh="理由", proportionality_reason="多次转移财产，情节恶劣")
    assert len(rec.listing.restrictions) == 9 and "多次转移财产" in rec.reasons_zh


def test_R_L7_a_listing_in_grace_is_not_published_until_grace_ends_and_service(db: AppContext) -> None:
    rec = prepared(db, grace=date(2026, 7, 6))
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 6))
    assert ls.respondent_state(db.uow(), JUDGE, rec.case_id, 0) is RespondentState.WARNED
    assert ls.publish_due(db.uow(), ADMIN, date(2026, 7, 6)).published == []  # last day of grace
    assert ls.publish_due(db.uow(), ADMIN, date(2026, 7, 7)).waiting_for_service == [signed.id]
    assert [r.id for r in ls.signed_not_served(db.uow(), CLERK)] == [signed.id]
    ls.record_service(db.uow(), CLERK, signed.id, date(2026, 7, 8), ServiceMethod.DIRECT)
    result = ls.publish_due(db.uow(), ADMIN, date(2026, 7, 9))
    assert result.published == [signed.id]
    again = ls.publish_due(db.uow(), ADMIN, date(2026, 7, 9))
    assert again == ls.PublishResult([], [], [])  # idempotent
    [listing] = ls.listings_for_case(db.uow(), JUDGE, rec.case_id)
    assert listing.listing.status is ListingStatus.PUBLISHED
    assert listing.listing.published_on == date(2026, 7, 9)
    assert ls.respondent_state(db.uow(), JUDGE, rec.case_id, 0) is RespondentState.LISTED_PUBLISHED


def test_R_L7_full_performance_during_grace_cancels_the_listing(db: AppContext) -> None:
    rec = prepared(db, grace=date(2026, 7, 6))
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 6))
    ls.record_service(db.uow(), CLERK, signed.id, date(2026, 5, 7), ServiceMethod.DIRECT)
    case = svc.get_case(db.uow(), JUDGE, case_id=rec.case_id)
    case.case.payments.append(Payment(date(2026, 6, 1), 0, Decimal("40000.00")))
    case.case.payments.append(Payment(date(2026, 6, 1), 0, None, "已公开赔礼道歉", 1))
    svc.update_case(db.uow(), JUDGE, case.id, case.version, case.case)
    result = ls.publish_due(db.uow(), ADMIN, date(2026, 7, 7))
    assert result.cancelled == [signed.id] and result.published == []
    [listing] = ls.listings_for_case(db.uow(), JUDGE, rec.case_id)
    assert listing.listing.status is ListingStatus.REMOVED
    assert all(r.status.value == "lifted" for r in listing.listing.restrictions)
    assert ls.respondent_state(db.uow(), JUDGE, rec.case_id, 0) is RespondentState.REMOVED


def test_a_published_listing_is_exported_in_the_listings_array(db: AppContext) -> None:
    rec = prepared(db)
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 6))
    ls.record_service(db.uow(), CLERK, signed.id, date(2026, 5, 7), ServiceMethod.BY_POST)
    ls.publish_due(db.uow(), ADMIN, date(2026, 5, 7))
    [case] = svc.export_cases(db.uow(), JUDGE, ["(2026)京0105执1234号"])
    out = interchange.dump_case(case)["listings"]
    assert out == [{
        "respondent": 0, "grounds": [3], "decided_on": "2026-05-06", "signed_by": "钱院长",
        "served_on": "2026-05-07", "grace_until": None, "published_on": "2026-05-07",
        "term_years": 2, "extension_years": 0, "status": "published",
        "restrictions": [
            {"item": 1, "person": None, "from": "2026-05-06", "until": None, "status": "imposed"},
            {"item": 9, "person": None, "from": "2026-05-06", "until": None, "status": "imposed"}],
        # the term ends 2028-05-06 (a Saturday): deletion due 3 working days later, a
        # provisional date while 2028 has no calendar data (R-R2, R-D1)
        "removed_on": None, "removal_reason": None, "removal_due": "2028-05-10",
        "removal_due_provisional": True,
        "service_method": "by_post", "reasons": "转移财产规避执行"}]


def test_serving_the_notice_later_records_the_transition_once(db: AppContext) -> None:
    def unserved(doc: dict) -> None:  # type: ignore[type-arg]
        doc["execution_notice"].pop("served_on")
        doc["execution_notice"].pop("service_method")

    cid = store(db, unserved)
    assert ls.respondent_state(db.uow(), JUDGE, cid, 0) is RespondentState.RECORDED
    rec = svc.get_case(db.uow(), JUDGE, case_id=cid)
    assert rec.case.execution_notice is not None
    rec.case.execution_notice.served_on = date(2026, 3, 6)
    rec.case.execution_notice.service_method = ServiceMethod.ELECTRONIC
    again = svc.update_case(db.uow(), JUDGE, cid, rec.version, rec.case)
    svc.update_case(db.uow(), JUDGE, cid, again.version, again.case)  # no second event
    events = ls.respondent_events(db.uow(), JUDGE, cid)
    assert [(e.respondent, e.to_state, e.effective_on) for e in events] == [
        (0, "notice_served", date(2026, 3, 6)), (1, "notice_served", date(2026, 3, 6))]


def test_a_second_current_listing_for_the_same_respondent_is_refused(db: AppContext) -> None:
    rec = prepared(db)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, rec.case_id, draft(), reasons_zh="理由")
    assert [x.rule for x in e.value.errors] == ["listing.duplicate"]


def test_importing_a_listing_of_a_minor_is_refused_and_nothing_is_written(db: AppContext) -> None:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["respondents"][0]["id_number"] = "110105201205050049"
    doc["listings"] = [{"respondent": 0, "grounds": [3], "decided_on": "2026-04-20",
                        "signed_by": "钱院长", "served_on": "2026-04-23", "grace_until": None,
                        "published_on": "2026-04-23", "term_years": 2, "extension_years": 0,
                        "status": "published", "restrictions": [
                            {"item": 1, "person": None, "from": "2026-04-23", "until": None,
                             "status": "imposed"}]}]
    with pytest.raises(ValidationError) as e:
        interchange.loads(json.dumps(doc, ensure_ascii=False))
    assert ("listings[0].respondent", "listing.minor") in {(x.path, x.rule) for x in e.value.errors}


def test_the_president_sees_prepared_decisions_awaiting_signature(db: AppContext) -> None:
    rec = prepared(db)
    assert [r.id for r in ls.awaiting_signature(db.uow(), PRESIDENT)] == [rec.id]
    ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 6))
    assert ls.awaiting_signature(db.uow(), PRESIDENT) == []


def test_each_restriction_item_has_its_own_lifecycle(db: AppContext) -> None:
    rec = prepared(db)
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 6))
    after = ls.set_restriction_status(db.uow(), JUDGE, signed.id, 0,
                                      RestrictionStatus.TEMPORARILY_LIFTED, date(2026, 6, 1),
                                      "近亲属重大疾病就医")
    assert [r.status for r in after.listing.restrictions] == [
        RestrictionStatus.TEMPORARILY_LIFTED, RestrictionStatus.IMPOSED]
    with pytest.raises(PermissionDenied):
        ls.set_restriction_status(db.uow(), CLERK, signed.id, 0, RestrictionStatus.IMPOSED,
                                  date(2026, 6, 5), "x")
    back = ls.set_restriction_status(db.uow(), JUDGE, signed.id, 0, RestrictionStatus.IMPOSED,
                                     date(2026, 6, 5), "返回")
    assert back.listing.restrictions[0].status is RestrictionStatus.IMPOSED
    ls.set_restriction_status(db.uow(), JUDGE, signed.id, 1, RestrictionStatus.LIFTED,
                              date(2026, 6, 6), "解除")
    with pytest.raises(ValidationError) as e:
        ls.set_restriction_status(db.uow(), JUDGE, signed.id, 1, RestrictionStatus.IMPOSED,
                                  date(2026, 6, 7), "再次")
    assert [x.rule for x in e.value.errors] == ["restriction.transition"]


def test_R_L7_a_grace_period_runs_from_the_signature_when_the_president_signs_later(
        db: AppContext) -> None:
    rec = prepared(db, grace=date(2026, 6, 6))  # a one-month warning drafted on 2026-05-06
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 12))
    assert signed.listing.decided_on == date(2026, 5, 12)
    assert signed.listing.grace_until == date(2026, 6, 12)


def test_the_worksheet_saves_findings_and_decision_together_or_neither(db: AppContext) -> None:
    """Issue 8 §1: the worksheet used to commit the findings, then prepare the decision
    in a second transaction; a refused decision left the findings saved while the
    screen said nothing was saved.  Now both go in one transaction."""
    from dataclasses import replace

    from courtapp.core.domain.model import Finding
    from courtapp.core.services import worksheet

    cid = store(db)
    before = svc.get_case(db.uow(), JUDGE, case_id=cid)
    answered = replace(before.case, findings=[Finding(0, True, False, False, True)])
    # The decision is refused (no reasons): nothing is saved, findings included.
    with pytest.raises(ValidationError) as refused:
        worksheet.submit_worksheet(db.uow(), JUDGE, cid, before.version, answered, draft(),
                                   reasons_zh="  ")
    assert {e.rule for e in refused.value.errors} == {"listing.reasons_required"}
    after = svc.get_case(db.uow(), JUDGE, case_id=cid)
    assert (after.version, after.case.findings) == (before.version, before.case.findings)
    assert ls.listings_for_case(db.uow(), JUDGE, cid) == []
    # With reasons, both are stored at once.
    rec = worksheet.submit_worksheet(db.uow(), JUDGE, cid, before.version, answered, draft(),
                                     reasons_zh="转移财产规避执行")
    stored = svc.get_case(db.uow(), JUDGE, case_id=cid)
    assert stored.case.findings == [Finding(0, True, False, False, True)]
    assert [r.id for r in ls.listings_for_case(db.uow(), JUDGE, cid)] == [rec.id]


# ----------------------------------------------------------- issue 9 §1, through the service
@pytest.mark.parametrize(("decided", "grace_end"), [
    (date(2026, 3, 31), date(2026, 4, 30)), (date(2026, 5, 31), date(2026, 6, 30)),
    (date(2026, 8, 31), date(2026, 9, 30)), (date(2027, 1, 29), date(2027, 2, 28)),
    (date(2027, 1, 30), date(2027, 2, 28)), (date(2027, 1, 31), date(2027, 2, 28)),
    (date(2028, 1, 31), date(2028, 2, 29)),
])
def test_R_L7_R_L15_a_president_signs_a_one_month_grace_decided_at_a_months_end(
        db: AppContext, decided: date, grace_end: date) -> None:
    from courtapp.core.domain.months import add_months

    cid = store(db)
    d = Listing(respondent=0, grounds=[3], decided_on=decided, term_years=2,
                grace_until=add_months(decided, 1),
                restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, decided)])
    rec = ls.prepare_listing(db.uow(), JUDGE, cid, d, reasons_zh="转移财产规避执行")
    assert rec.listing.grace_until == grace_end
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, decided)
    assert (signed.listing.decided_on, signed.listing.grace_until) == (decided, grace_end)
    assert ls.respondent_state(db.uow(), JUDGE, cid, 0) is RespondentState.WARNED


def test_R_L15_a_one_month_grace_drafted_on_31_january_keeps_one_month_when_signed_later(
        db: AppContext) -> None:
    cid = store(db)
    d = Listing(respondent=0, grounds=[3], decided_on=date(2027, 1, 31), term_years=2,
                grace_until=date(2027, 2, 28),
                restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, date(2027, 1, 31))])
    rec = ls.prepare_listing(db.uow(), JUDGE, cid, d, reasons_zh="转移财产规避执行")
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2027, 2, 3))
    assert signed.listing.grace_until == date(2027, 3, 3)


def late_notice(doc: dict) -> None:  # type: ignore[type-arg]
    doc["execution_notice"]["served_on"] = doc["execution_notice"]["deadline"]  # 2026-03-15


def test_R_L11_a_late_notice_is_saved_with_a_warning_and_bars_ground_one_and_the_restriction(
        db: AppContext) -> None:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    late_notice(doc)
    case = interchange.loads(json.dumps(doc, ensure_ascii=False))[0]
    rec = svc.create_case(db.uow(), JUDGE, case)
    assert [(w.path, w.rule) for w in rec.warnings] == [("execution_notice.served_on",
                                                         "notice.served_late")]
    assert svc.get_case(db.uow(), JUDGE, case_id=rec.id).warnings == rec.warnings
    cid = rec.id
    with pytest.raises(ValidationError) as g1:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(grounds=[1], term=None, items=()),
                           reasons_zh="有能力拒不履行")
    assert {(x.path, x.rule) for x in g1.value.errors} == {("grounds", "listing.ground_unsupported")}
    assert "served on or after its deadline" in g1.value.errors[0].en
    with pytest.raises(ValidationError) as items:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(), reasons_zh="转移财产规避执行")
    assert [x.rule for x in items.value.errors] == ["listing.restriction_unavailable"]
    # Ground (3) stands: listed, with no restriction items, and signed without one.
    done = ls.prepare_listing(db.uow(), JUDGE, cid, draft(items=()), reasons_zh="转移财产规避执行")
    signed = ls.sign_listing(db.uow(), PRESIDENT, done.id, done.version, date(2026, 5, 8))
    assert signed.listing.restrictions == []
    assert _sign_audit(db, done.id)["restriction"] == {"mode": "unavailable"}


def test_R_L11_a_standalone_restriction_order_is_refused_after_a_late_notice(db: AppContext) -> None:
    from courtapp.core.domain.restriction_order import Factor, Initiation, RestrictionOrder
    from courtapp.core.services import restriction as rsvc

    cid = store(db, late_notice)
    on = date(2026, 5, 6)
    with pytest.raises(ValidationError) as e:
        rsvc.prepare_order(db.uow(), JUDGE, cid, RestrictionOrder(
            respondent=1, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
            reasons="逾期未履行", decided_on=on,
            restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, on)]))
    assert [x.rule for x in e.value.errors] == ["order.not_available"]


def test_R_L11_importing_a_ground_one_listing_after_a_late_notice_is_refused() -> None:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    late_notice(doc)
    doc["listings"] = [{"respondent": 0, "grounds": [1], "decided_on": "2026-04-20",
                        "signed_by": "钱院长", "status": "awaiting_publication", "term_years": None,
                        "restrictions": []}]
    with pytest.raises(ValidationError) as e:
        interchange.loads(json.dumps(doc, ensure_ascii=False))
    assert ("listings[0].grounds", "listing.ground_unsupported") in {
        (x.path, x.rule) for x in e.value.errors}


def test_R_L13_a_respondent_later_in_the_order_is_listed_on_conduct_without_a_restriction(
        db: AppContext) -> None:
    from courtapp.core.domain.restriction_order import Factor, Initiation, RestrictionOrder
    from courtapp.core.services import restriction as rsvc

    def later(doc: dict) -> None:  # type: ignore[type-arg]
        doc["findings"][0]["later_in_performance_order"] = True

    cid = store(db, later)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(), reasons_zh="转移财产规避执行")
    assert [x.rule for x in e.value.errors] == ["listing.restriction_unavailable"]
    on = date(2026, 5, 6)
    with pytest.raises(ValidationError) as o:
        rsvc.prepare_order(db.uow(), JUDGE, cid, RestrictionOrder(
            respondent=0, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
            reasons="逾期未履行", decided_on=on,
            restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, on)]))
    assert [x.rule for x in o.value.errors] == ["order.not_available"]
    rec = ls.prepare_listing(db.uow(), JUDGE, cid, draft(items=()), reasons_zh="转移财产规避执行")
    assert ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, on).listing.restrictions == []


def test_R_L16_a_campus_loan_student_is_listed_only_with_the_judges_written_reason(
        db: AppContext) -> None:
    def student(doc: dict) -> None:  # type: ignore[type-arg]
        doc["findings"][0]["campus_loan_student"] = True

    cid = store(db, student)
    with pytest.raises(ValidationError) as e:
        ls.prepare_listing(db.uow(), JUDGE, cid, draft(), reasons_zh="转移财产规避执行")
    assert {x.rule for x in e.value.errors} == {"listing.ground_unsupported"}
    rec = svc.get_case(db.uow(), JUDGE, case_id=cid)
    rec.case.findings[0].campus_loan_exception_reason = "已毕业就业，转移财产规避执行"
    saved = svc.update_case(db.uow(), JUDGE, cid, rec.version, rec.case)
    assert saved.case.findings[0].campus_loan_exception_reason == "已毕业就业，转移财产规避执行"
    listed = ls.prepare_listing(db.uow(), JUDGE, cid, draft(), reasons_zh="转移财产规避执行")
    assert [int(r.item) for r in listed.listing.restrictions] == [1, 9]
    [exported] = svc.export_cases(db.uow(), JUDGE, ["(2026)京0105执1234号"])
    assert interchange.dump_case(exported)["findings"][0]["campus_loan_exception_reason"] == \
        "已毕业就业，转移财产规避执行"
