"""Restriction orders, creditor applications, entry data and notifications
(RULES.md R-C1-R-C4, R-L6, R-L8, R-L9)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from courtapp.core import interchange
from courtapp.core.context import AppContext
from courtapp.core.domain.errors import PermissionDenied, ValidationError
from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem
from courtapp.core.domain.model import ServiceMethod
from courtapp.core.domain.publication import entry_data, recipients
from courtapp.core.domain.restriction_order import (
    LEGAL_CONSEQUENCES,
    Factor,
    Initiation,
    RestrictionOrder,
    bound_people,
)
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import applications, dispatch
from courtapp.core.services import cases as svc
from courtapp.core.services import listing as ls
from courtapp.core.services import restriction as rs

EXAMPLE = Path(__file__).parent.parent / "data" / "example_case.json"
JUDGE = Actor("赵法官", frozenset({Role.JUDGE}), display_name="赵法官")
PRESIDENT = Actor("钱院长", frozenset({Role.PRESIDENT}), display_name="钱院长")
CLERK = Actor("李书记员", frozenset({Role.CLERK}), display_name="李书记员")
ADMIN = Actor("admin", frozenset({Role.ADMIN}))


def doc(**changes: Any) -> dict[str, Any]:
    d = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    d.update(changes)
    return d


def store(db: AppContext, d: dict[str, Any]) -> int:
    case = interchange.loads(json.dumps(d, ensure_ascii=False))[0]
    return svc.create_case(db.uow(), JUDGE, case).id


def order(respondent: int = 1, *, on: date = date(2026, 5, 6), initiation: Initiation = Initiation.EX_OFFICIO,
          received: date | None = None, factors: tuple[Factor, ...] = (Factor.PASSIVE_PERFORMANCE,),
          items: tuple[tuple[int, int | None], ...] = ((1, None), (9, None), (1, 0))) -> RestrictionOrder:
    return RestrictionOrder(
        respondent=respondent, initiation=initiation, factors=list(factors),
        reasons="逾期未履行，消极履行", decided_on=on, application_received_on=received,
        restrictions=[Restriction(RestrictionItem(i), p, on) for i, p in items])


def test_R_C1_a_restriction_needs_the_deadline_passed_and_the_factors_recorded(db: AppContext) -> None:
    cid = store(db, doc())
    with pytest.raises(ValidationError) as early:
        rs.prepare_order(db.uow(), JUDGE, cid, order(on=date(2026, 3, 15)))  # the deadline itself
    assert "order.not_available" in {e.rule for e in early.value.errors}
    with pytest.raises(ValidationError) as bare:
        rs.prepare_order(db.uow(), JUDGE, cid, order(factors=()))
    assert [e.rule for e in bare.value.errors] == ["order.factors_required"]
    rec = rs.prepare_order(db.uow(), JUDGE, cid, order(on=date(2026, 3, 16)))
    assert rec.order.factors == [Factor.PASSIVE_PERFORMANCE]


def test_R_C2_a_creditor_application_needs_its_date_and_ex_officio_does_not(db: AppContext) -> None:
    cid = store(db, doc())
    with pytest.raises(ValidationError) as e:
        rs.prepare_order(db.uow(), JUDGE, cid, order(initiation=Initiation.CREDITOR_APPLICATION))
    assert [x.rule for x in e.value.errors] == ["order.application_date"]
    rec = rs.prepare_order(db.uow(), JUDGE, cid, order(initiation=Initiation.CREDITOR_APPLICATION,
                                                       received=date(2026, 4, 28)))
    assert rec.order.initiation is Initiation.CREDITOR_APPLICATION
    assert rec.order.application_received_on == date(2026, 4, 28)


def test_R_C3_an_order_has_items_and_a_period_and_only_the_president_signs_it(db: AppContext) -> None:
    cid = store(db, doc())
    with pytest.raises(ValidationError) as e:
        rs.prepare_order(db.uow(), JUDGE, cid, order(items=()))
    assert [x.rule for x in e.value.errors] == ["order.items_required"]
    # A period that cannot be: ending before it starts, or starting before the decision.
    bad = order()
    bad.restrictions[0].until = date(2026, 5, 5)
    with pytest.raises(ValidationError) as e:
        rs.prepare_order(db.uow(), JUDGE, cid, bad)
    assert [(x.path, x.rule) for x in e.value.errors] == [("restrictions[0].until",
                                                          "restriction.dates")]
    early = order()
    early.restrictions[1].start = date(2026, 5, 1)
    with pytest.raises(ValidationError) as e:
        rs.prepare_order(db.uow(), JUDGE, cid, early)
    assert [(x.path, x.rule) for x in e.value.errors] == [("restrictions[1].from",
                                                          "restriction.before_decision")]
    rec = rs.prepare_order(db.uow(), JUDGE, cid, order())
    for actor in (JUDGE, CLERK):
        with pytest.raises(PermissionDenied):
            rs.sign_order(db.uow(), actor, rec.id, rec.version, date(2026, 5, 7))
    signed = rs.sign_order(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 7))
    assert signed.order.signed_by == "钱院长" and signed.order.status.value == "signed"
    assert {r.start for r in signed.order.restrictions} == {date(2026, 5, 7)}
    assert "第一百一十四条" in LEGAL_CONSEQUENCES[1] and "Art. 114" in LEGAL_CONSEQUENCES[0]


def test_R_C3_a_restriction_without_its_period_is_refused_on_import() -> None:
    d = doc()
    d["listings"] = [{"respondent": 0, "grounds": [3], "decided_on": "2026-04-20",
                      "signed_by": "钱院长", "status": "awaiting_publication", "term_years": 2,
                      "restrictions": [{"item": 1, "person": None, "status": "imposed"},
                                       {"item": 9, "person": None, "from": "2026-04-20",
                                        "until": "2026-04-19", "status": "imposed"}]}]
    with pytest.raises(ValidationError) as e:
        interchange.loads(json.dumps(d, ensure_ascii=False))
    found = {(x.path, x.rule) for x in e.value.errors}
    assert ("listings[0].restrictions[0].from", "required") in found


def test_R_C3_the_order_states_period_items_legal_consequences_and_signature_in_that_order(
        db: AppContext) -> None:
    import io
    import re

    from pypdf import PdfReader

    from courtapp.core.documents.builders import build
    from courtapp.core.documents.render import render
    from courtapp.core.domain.listing import RESTRICTION_TEXT

    cid = store(db, doc())
    rec = rs.prepare_order(db.uow(), JUDGE, cid, order(items=((1, None), (6, None), (1, 0))))
    signed = rs.sign_order(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 7))
    case = svc.get_case(db.uow(), JUDGE, case_id=cid).case
    document = build("restriction_order", case, respondent=1, lang="zh",
                     number="（2026）京0105执1234号之一", issued_on=date(2026, 5, 7),
                     signer="钱院长", signer_title="院长", order=signed.order)
    assert document.signer == "钱院长" and document.signer_title == "院长"
    pdf = PdfReader(io.BytesIO(render(document)))
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))

    def at(needle: str) -> int:
        i = text.find(re.sub(r"\s+", "", needle))
        assert i >= 0, needle
        return i

    period = at("自2026年5月7日起")
    items = [at(RESTRICTION_TEXT[RestrictionItem(i)][1][:12]) for i in (1, 6)]
    consequences = at(LEGAL_CONSEQUENCES[1][:20])
    signature = text.rfind("院长")
    assert period < min(items) and max(items) < consequences < signature
    assert "王五" in text  # the bound officer (R-C4)


def _id(birth: str, seq: str) -> str:
    from courtapp.core.domain.identifiers import ric_check_char

    first = "110105" + birth + seq
    return first + ric_check_char(first)


FOUR_ROLES = [("legal_representative", "王五", "110105198001010016"),
              ("principal", "赵六", _id("19790202", "013")),
              ("directly_responsible", "孙七", _id("19850303", "025")),
              ("actual_controller", "周八", _id("19700404", "037"))]


def test_R_C4_an_entity_order_binds_all_four_officer_roles_and_only_them(db: AppContext) -> None:
    from courtapp.core.domain.assessment import assess_respondent

    d = doc()
    d["respondents"][1]["officers"] = [{"role": r, "name": n, "id_number": i}
                                       for r, n, i in FOUR_ROLES]
    cid = store(db, d)
    case = svc.get_case(db.uow(), JUDGE, case_id=cid).case
    assert bound_people(case, 1) == [(None, "某某科技有限公司", "respondent")] + [
        (j, n, r) for j, (r, n, _i) in enumerate(FOUR_ROLES)]
    assert bound_people(case, 0) == [(None, "张三", "respondent")]
    # The assessment names each of them as bound by the entity's restriction (2015 Art. 3 para. 2).
    a = assess_respondent(case, 1, date(2026, 5, 6))
    assert a.restriction == "discretionary"
    assert a.bound_persons == [{"officer": j, "role": r, "name": n, "id_number": i}
                               for j, (r, n, i) in enumerate(FOUR_ROLES)]
    with pytest.raises(ValidationError) as e:  # officer index 4 does not exist
        rs.prepare_order(db.uow(), JUDGE, cid, order(items=((1, None), (1, 4))))
    assert [x.path for x in e.value.errors] == ["restrictions[1].person"]
    with pytest.raises(ValidationError):  # a natural person has no officers
        rs.prepare_order(db.uow(), JUDGE, cid, order(respondent=0, items=((1, 0),)))
    items = ((1, None), (9, None), (1, 0), (1, 1), (9, 2), (1, 3))
    rec = rs.prepare_order(db.uow(), JUDGE, cid, order(items=items))
    assert [(int(r.item), r.person) for r in rec.order.restrictions] == list(items)


def test_R_L6_a_creditor_application_is_due_15_days_after_receipt(db: AppContext) -> None:
    cid = store(db, doc())
    app = applications.record_application(db.uow(), JUDGE, cid, respondent=0, applicant=0,
                                          received_on=date(2026, 4, 1), grounds_claimed="转移财产")
    assert app.due_on == date(2026, 4, 16)
    assert not app.overdue(date(2026, 4, 16)) and app.overdue(date(2026, 4, 17))
    assert [a.id for a in applications.pending_applications(db.uow(), JUDGE)] == [app.id]
    with pytest.raises(ValidationError):  # a grant must name its listing
        applications.decide_application(db.uow(), JUDGE, app.id, granted=True,
                                        on=date(2026, 4, 10), reasons="符合条件")
    done = applications.decide_application(db.uow(), JUDGE, app.id, granted=False,
                                           on=date(2026, 4, 10), reasons="不符合第一条规定")
    assert done.status == "rejected" and applications.pending_applications(db.uow(), JUDGE) == []


def published(db: AppContext, d: dict[str, Any]) -> tuple[int, ls.ListingRecord]:
    cid = store(db, d)
    rec = ls.prepare_listing(
        db.uow(), JUDGE, cid,
        Listing(respondent=0, grounds=[3], decided_on=date(2026, 5, 6), term_years=2,
                restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, date(2026, 5, 6))]),
        reasons_zh="转移财产")
    signed = ls.sign_listing(db.uow(), PRESIDENT, rec.id, rec.version, date(2026, 5, 6))
    ls.record_service(db.uow(), CLERK, signed.id, date(2026, 5, 7), ServiceMethod.DIRECT)
    assert ls.publish_due(db.uow(), ADMIN, date(2026, 5, 8)).published == [signed.id]
    return cid, signed


def test_R_L8_the_entry_carries_the_art_6_data(db: AppContext) -> None:
    cid, rec = published(db, doc())
    case = svc.get_case(db.uow(), JUDGE, case_id=cid).case
    e = entry_data(case, rec.listing, date(2026, 5, 8))
    assert (e["name"], e["sex"], e["age"], e["id_number"]) == ("张三", "M", 35, "360426199101010071")
    assert e["performance"] == {"due": "50000.00", "paid": "10000.00", "outstanding": "40000.00",
                                "acts_unperformed": ["公开赔礼道歉"], "status": "partly_performed"}
    assert e["dishonest_conduct"][0]["ground"] == 3
    assert e["dishonest_conduct"][0]["records"] == [{"on": "2026-03-10", "description": "..."}]
    assert (e["basis_document_number"], e["case_number"], e["filed_on"], e["court"]) == (
        "(2025)京0105民初5678号", "(2026)京0105执1234号", "2026-03-02", "北京市朝阳区人民法院")
    entity = Listing(respondent=1, grounds=[1], decided_on=date(2026, 5, 8))
    ee = entry_data(case, entity, date(2026, 5, 8))
    assert (ee["credit_code"], ee["legal_representative"]) == ("91110000600037341L", "王五")


def test_R_L9_publication_reaches_the_list_credit_reporting_and_the_art_8_bodies(db: AppContext) -> None:
    _, rec = published(db, doc())
    items = dispatch.items_for_listing(db.uow(), JUDGE, rec.id)
    assert [i.recipient for i in items] == ["spc_list", "credit_reporting", "agencies", "airlines", "rail"]
    assert all(i.status == "open" for i in items)
    done = dispatch.acknowledge(db.uow(), CLERK, items[0].id, date(2026, 5, 9))
    assert done.status == "acknowledged"
    assert len(dispatch.open_items(db.uow(), JUDGE)) == 4


def test_R_L9_a_state_functionary_s_work_unit_is_notified(db: AppContext) -> None:
    d = doc()
    d["respondents"][0] |= {"public_role": "state_functionary", "notify_body": "某区人民政府办公室"}
    _, rec = published(db, d)
    items = dispatch.items_for_listing(db.uow(), JUDGE, rec.id)
    assert items[-1].recipient == "work_unit" and "某区人民政府办公室" in items[-1].recipient_name
    assert items[-1].article == "2017 Provisions Art. 8 para. 3"


def test_R_L9_an_soe_s_investor_body_is_notified() -> None:
    d = doc()
    d["respondents"][1] |= {"public_role": "state_owned_enterprise", "notify_body": "某国资委"}
    case = interchange.loads(json.dumps(d, ensure_ascii=False))[0]
    codes = [r.code for r in recipients(case, Listing(respondent=1, grounds=[1],
                                                      decided_on=date(2026, 5, 8)))]
    assert codes == ["spc_list", "credit_reporting", "agencies", "superior_body"]


def test_a_public_role_must_fit_the_kind_of_party() -> None:
    d = doc()
    d["respondents"][1] |= {"public_role": "npc_deputy", "notify_body": "某区人大常委会"}
    with pytest.raises(ValidationError) as e:
        interchange.loads(json.dumps(d, ensure_ascii=False))
    assert ("respondents[1].public_role", "party.public_role_kind") in {
        (x.path, x.rule) for x in e.value.errors}
