"""The daily run, the propagation ledger and the command line of the counter (issue 5 §4-§7)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from counter_fixtures import (
    ADMIN,
    AUDITOR,
    CLERK,
    COUNTER,
    JUDGE,
    LI_SI,
    NUMBER,
    ZHANG_SAN,
    case_doc,
    perform_fully,
    publish,
    store,
)

from courtapp.cli import main
from courtapp.core.context import AppContext
from courtapp.core.db.orm import AuditRow, DispatchRow, ListingRow, RestrictionRow
from courtapp.core.domain.errors import ValidationError
from courtapp.core.domain.petition import (
    CorrectionGround,
    Decision,
    PetitionDetails,
    PetitionKind,
    TravelGround,
)
from courtapp.core.services import daily, dispatch
from courtapp.core.services import petitions as ps

K = PetitionKind


def snapshot(db: AppContext) -> dict[str, object]:
    from sqlalchemy import func, select

    with db.uow() as u:
        s = u.session
        return {
            "audit": s.scalar(select(func.count()).select_from(AuditRow)),
            "dispatch": s.scalar(select(func.count()).select_from(DispatchRow)),
            "listings": sorted((r.id, r.status, r.removed_on, r.version) for r in s.scalars(select(ListingRow))),
            "items": sorted((r.id, r.status, r.version) for r in s.scalars(select(RestrictionRow))),
        }


def test_the_daily_run_is_idempotent(db: AppContext) -> None:
    grace = store(db)  # 张三: listed with a grace period that ends unperformed
    publish(db, grace, on=date(2026, 5, 6), grace=date(2026, 7, 6), published=False)
    paid = store(db, lambda d: d.update(case_number="(2026)京0105执1235号"))
    publish(db, paid, on=date(2026, 5, 6), grace=date(2026, 7, 6), published=False)
    perform_fully(db, paid, date(2026, 6, 30))  # performed during the grace: never published
    fixed = store(db, lambda d: d.update(case_number="(2026)京0105执1236号"), open_ended=False)
    fixed_id = publish(db, fixed, grounds=(3,), term=2, on=date(2026, 5, 6))
    trip = store(db, lambda d: d.update(case_number="(2026)京0105执1237号"))
    publish(db, trip)
    t = ps.file_petition(db.uow(), COUNTER, trip, K.TEMPORARY_TRAVEL, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 6, 1), issue_receipt=False,
                         details=PetitionDetails(travel_ground=TravelGround.EXAM,
                                                 permit_from=date(2026, 6, 5), permit_until=date(2026, 6, 7)))
    ps.decide(db.uow(), JUDGE, t.petition.id, Decision(True, "参加重要考试", date(2026, 6, 2)),
              issue_document=False)
    late = ps.file_petition(db.uow(), COUNTER, trip, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                            received_on=date(2026, 6, 1), issue_receipt=False)

    first = daily.run_daily(db.uow(), ADMIN, date(2028, 5, 9))
    assert len(first.published) == 1 and len(first.cancelled) == 1
    assert first.expired == (fixed_id,) and first.permissions_ended == (t.petition.number,)
    assert first.overdue_petitions == (late.petition.number,)
    assert first.changes == 4
    assert set(first.missing_years) == {2028, 2029}
    before = snapshot(db)
    second = daily.run_daily(db.uow(), ADMIN, date(2028, 5, 9))
    assert second.changes == 0
    assert (second.published, second.cancelled, second.expired, second.permissions_ended) == ((), (), (), ())
    assert second.overdue_petitions == first.overdue_petitions  # still reported, nothing written
    assert snapshot(db) == before
    assert "0 change(s)" in second.lines("en")[0] and "变更0项" in second.lines("zh")[0]


def test_a_removal_no_recipient_acknowledged_in_three_working_days_is_the_top_alert(
        db: AppContext) -> None:
    cid = store(db)
    publish(db, cid)
    perform_fully(db, cid, date(2026, 9, 29))
    f = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 8), issue_receipt=False)
    other = ps.file_petition(db.uow(), COUNTER, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                             received_on=date(2026, 9, 1), issue_receipt=False,  # left pending: overdue
                             details=PetitionDetails(correction_ground=CorrectionGround.INACCURATE,
                                                     requested_correction="年龄有误"))
    ps.decide(db.uow(), JUDGE, f.petition.id, Decision(True, "已履行完毕", date(2026, 9, 30)),
              issue_document=False)
    # R-R7: performance recorded on 9-29 (after the petition): the list entry is to be
    # gone everywhere 3 working days after that day, 10-09 (10-01..07 are holidays)
    assert not any(a.kind is daily.AlertKind.REMOVAL_UNACKNOWLEDGED
                   for a in daily.alerts(db.uow(), JUDGE, date(2026, 10, 8)))
    alerts = daily.alerts(db.uow(), JUDGE, date(2026, 10, 9))
    top = alerts[0]
    assert top.kind is daily.AlertKind.REMOVAL_UNACKNOWLEDGED and top.due == date(2026, 10, 9)
    assert "0 of 5" in top.en and "spc_list" in top.en
    assert daily.AlertKind.PETITION_OVERDUE in {a.kind for a in alerts}
    assert other.petition.number in {a.ref for a in alerts}
    items = dispatch.list_items(db.uow(), JUDGE, open_only=True, event="removal")
    dispatch.acknowledge(db.uow(), CLERK, items[0].id, date(2026, 10, 10))
    kinds = [a.kind for a in daily.alerts(db.uow(), JUDGE, date(2026, 10, 12))]
    assert daily.AlertKind.REMOVAL_UNACKNOWLEDGED not in kinds
    assert kinds[0] is daily.AlertKind.REMOVAL_INCOMPLETE
    for i in items[1:]:
        dispatch.acknowledge(db.uow(), CLERK, i.id, date(2026, 10, 12))
    assert daily.AlertKind.REMOVAL_INCOMPLETE not in {
        a.kind for a in daily.alerts(db.uow(), JUDGE, date(2026, 10, 12))}
    with pytest.raises(Exception):  # noqa: B017 - already acknowledged
        dispatch.acknowledge(db.uow(), CLERK, items[0].id, date(2026, 10, 12))
    assert dispatch.list_items(db.uow(), AUDITOR, event="removal", open_only=True) == []


# ------------------------------------------------------------ command line
def run(db: AppContext, *argv: str) -> int:
    return main(["--database", db.url, "--lang", "en", *argv])


@pytest.mark.parametrize("argv", [["petition", "--help"], ["petition", "file", "--help"],
                                  ["petition", "decide", "--help"], ["petition", "list", "--help"],
                                  ["daily", "--help"], ["dispatch", "--help"],
                                  ["dispatch", "ack", "--help"]])
def test_the_counter_commands_document_their_fields(argv: list[str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "usage: courtapp " + " ".join(argv[:-1]) in out
    if argv[:2] == ["petition", "file"]:
        for opt in ("--petitioner-id", "--statement", "--evidence", "--correction-ground", "--lifting-ground",
                    "--search", "--terminated-on", "--travel-ground", "--from", "--until",
                    "--consumption", "--items", "--receipt", "removal_no_property"):
            assert opt in out, opt


def test_petition_file_decide_list_then_daily_and_export_from_the_command_line(
        db: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = store(db)
    publish(db, cid, respondent=1, on=date(2026, 5, 6))  # the company: published
    publish(db, cid, on=date(2026, 5, 6), grace=date(2026, 7, 6), published=False)  # 张三: in grace
    evidence = tmp_path / "申请书.pdf"
    evidence.write_bytes(b"%PDF-1.4 written request")
    receipt = tmp_path / "receipt.pdf"
    assert run(db, "petition", "file", NUMBER, "removal_creditor_request", "--petitioner-id", LI_SI,
               "--respondent", "1", "--received-on", "2026-09-30", "--evidence", str(evidence),
               "--receipt", str(receipt)) == 0
    out = capsys.readouterr().out
    assert "(2026)京0105执1234号-申1" in out and "decision due 2026-10-10" in out
    assert receipt.read_bytes().startswith(b"%PDF")
    assert run(db, "petition", "list", "--pending", "--today", "2026-10-12") == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("(2026)京0105执1234号-申1\tremoval_creditor_request\tpending")
    assert line.endswith("OVERDUE")
    doc = tmp_path / "deletion.pdf"
    assert run(db, "petition", "decide", "(2026)京0105执1234号-申1", "--grant", "--reasons",
               "申请执行人书面申请删除，经审查同意", "--on", "2026-09-30", "--document", str(doc)) == 0
    out = capsys.readouterr().out
    assert "granted; to be carried out by 2026-10-10" in out and doc.read_bytes().startswith(b"%PDF")
    assert run(db, "petition", "decide", "(2026)京0105执1234号-申1", "--reject", "--reasons", "x") == 1
    assert "petition.decided" in capsys.readouterr().err

    assert run(db, "daily", "--today", "2026-10-10") == 0
    out = capsys.readouterr().out
    assert "published listings: " in out and "[removal_unacknowledged]" in out
    assert run(db, "export", NUMBER) == 0
    listings = {x["respondent"]: x for x in json.loads(capsys.readouterr().out)["listings"]}
    assert (listings[0]["status"], listings[0]["published_on"], listings[0]["removal_due"]) == (
        "published", "2026-10-10", None)
    assert {k: listings[1][k] for k in ("status", "removed_on", "removal_reason", "removal_due")} == {
        "status": "removed", "removed_on": "2026-09-30", "removal_reason": "creditor_request",
        "removal_due": "2026-10-10"}

    assert run(db, "dispatch", "list", "--open", "--event", "removal") == 0
    rows = [x.split("\t") for x in capsys.readouterr().out.strip().splitlines()]
    assert [r[3] for r in rows] == ["spc_list", "credit_reporting", "agencies", "airlines", "rail"]
    assert {r[5] for r in rows} == {"2026-10-10"}
    assert run(db, "dispatch", "ack", rows[0][0], "--on", "2026-10-09") == 0
    assert "acknowledged 2026-10-09" in capsys.readouterr().out
    assert run(db, "dispatch", "list", "--open", "--event", "removal", "--json") == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 4
    assert run(db, "daily", "--today", "2026-10-10", "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["changes"] == 0 and summary["alerts"][0]["kind"] == "removal_incomplete"
    assert summary["late_removals"] == [summary["alerts"][0]["ref"]]


def test_petition_file_refusals_name_the_field_on_the_command_line(
        db: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    cid = store(db)
    publish(db, cid)
    assert run(db, "petition", "file", NUMBER, "removal_performed", "--petitioner-id",
               "110105199001010029", "--received-on", "2026-09-28") == 1
    err = capsys.readouterr().err
    assert "petitioner_id:" in err and "[petition.not_a_party]" in err
    assert run(db, "petition", "file", NUMBER, "removal_no_property", "--petitioner-id", ZHANG_SAN,
               "--received-on", "2026-09-28", "--terminated-on", "2026-06-01", "--search",
               "2026-07-01:none", "--search", "2026-08-01", "--no-receipt", "--json",
               "--statement", "终本后两次查询均无财产，申请删除") == 0
    p = json.loads(capsys.readouterr().out)
    assert [s["on"] for s in p["details"]["searches"]] == ["2026-07-01", "2026-08-01"]
    assert (p["statement"], p["evidence"]) == ("终本后两次查询均无财产，申请删除", [])
    assert run(db, "petition", "show", p["number"], "--json") == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "removal_no_property"
    _ = case_doc


def test_the_today_screen_lists_what_each_role_has_due(db: AppContext) -> None:
    from courtapp.core.domain.listing import Listing, Restriction, RestrictionItem
    from courtapp.core.domain.restriction_order import Factor, Initiation, RestrictionOrder
    from courtapp.core.domain.roles import Role
    from courtapp.core.services import listing as ls
    from courtapp.core.services import restriction as rs
    from courtapp.core.services import today as td

    cid = store(db)
    lid = publish(db, cid, on=date(2026, 11, 2), published=False)  # signed, served (see below)
    draft = ls.prepare_listing(db.uow(), JUDGE, cid, Listing(
        respondent=1, grounds=[1], decided_on=date(2026, 11, 2),
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, None, date(2026, 11, 2))]),
        reasons_zh="有履行能力而拒不履行")
    rs.prepare_order(db.uow(), JUDGE, cid, RestrictionOrder(
        respondent=1, initiation=Initiation.EX_OFFICIO, factors=[Factor.PASSIVE_PERFORMANCE],
        reasons="消极履行", decided_on=date(2026, 11, 2),
        restrictions=[Restriction(RestrictionItem.TRAVEL_CLASS, 0, date(2026, 11, 2))]))
    due = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_SETTLEMENT, petitioner_id=ZHANG_SAN,
                           received_on=date(2026, 11, 20), issue_receipt=False)
    items = td.today(db.uow(), ADMIN, date(2026, 11, 26), roles=frozenset(Role))
    by_role = {r: [(i.kind, i.ref, i.overdue) for i in items if i.role is r] for r in Role}
    assert by_role[Role.JUDGE] == [("petition", due.petition.number, True)]  # due 11-25
    assert by_role[Role.PRESIDENT][0] == ("sign_listing", f"listing {draft.id}", False)
    assert [k for k, _, _ in by_role[Role.PRESIDENT]] == ["sign_listing", "sign_order"]
    assert by_role[Role.COUNTER] == [("receipt", due.petition.number, True)]
    assert by_role[Role.ADMIN] == [("calendar", "2027", False)]
    assert by_role[Role.CLERK] == []  # the listing is served (publish() serves it)
    assert lid
    # an actor sees its own roles only
    assert {i.role for i in td.today(db.uow(), COUNTER, date(2026, 11, 26))} == {Role.COUNTER}
    done = ps.decide(db.uow(), JUDGE, due.petition.id,
                     Decision(True, "和解协议已履行完毕", date(2026, 11, 26), facts_verified=True))
    clerk = [(i.kind, i.ref) for i in td.today(db.uow(), CLERK, date(2026, 11, 26))]
    assert clerk == [("serve_decision", due.petition.number)]
    assert done.document is not None and done.document.number in \
        td.today(db.uow(), CLERK, date(2026, 11, 26))[0].en
    ps.record_decision_service(db.uow(), CLERK, due.petition.id, date(2026, 11, 27))
    assert td.today(db.uow(), CLERK, date(2026, 11, 27)) == []


def test_the_counter_settings_are_checked_and_apply_to_new_petitions(
        db: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "petition", "settings", "--set", "petition.sla.removal_performed=2wd",
               "--set", "court.higher_court=北京市第三中级人民法院") == 0
    out = capsys.readouterr().out
    assert "petition.sla.removal_performed\t2wd" in out and "petition.sla.correction\t15d" in out
    assert "removal.para1_applies_to_fixed_term\tfalse" in out
    assert run(db, "petition", "settings", "--set", "petition.sla.correction=20d") == 1
    assert "petition.sla_statutory" in capsys.readouterr().err
    assert run(db, "petition", "settings", "--set", "petition.travel_max_days=a month") == 1
    assert run(db, "petition", "settings", "--set", "no.such=1") == 1
    cid = store(db)
    publish(db, cid)
    f = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 28), issue_receipt=False)
    assert (f.petition.due, f.petition.sla.code()) == (date(2026, 9, 30), "2wd")
    with pytest.raises(ValidationError) as long:  # R-R7: never beyond the 3 days to delete
        ps.set_counter_setting(db.uow(), ADMIN, "petition.sla.removal_performed", "5wd")
    assert [x.rule for x in long.value.errors] == ["petition.sla_removal"]
    ps.set_counter_setting(db.uow(), ADMIN, "petition.sla.removal_performed", "1wd")
    # the period is frozen on the petition when it is filed
    assert ps.get_petition(db.uow(), JUDGE, f.petition.id).due == date(2026, 9, 30)


def test_one_intent_one_transaction_a_refused_step_leaves_nothing_saved(db: AppContext) -> None:
    """Issue 8: filing with searches, and acknowledging several items, are each one
    transaction on the real database: a refused step saves none of the others."""
    from courtapp.core.domain.petition import Search
    from courtapp.core.services import audit as audit_svc

    cid = store(db)
    publish(db, cid)
    with pytest.raises(ValidationError) as e:
        ps.file_petition_with_searches(
            db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
            received_on=date(2026, 9, 28), terminated_on=date(2026, 6, 1),
            searches=[Search(date(2026, 7, 1))], issue_receipt=False)
    assert {x.rule for x in e.value.errors} == {"petition.searches_kind"}
    assert ps.list_petitions(db.uow(), JUDGE) == []
    assert audit_svc.entries(db.uow(), AUDITOR,
                             entity_type="petition") == []
    perform_fully(db, cid, date(2026, 9, 29))
    f = ps.file_petition(db.uow(), COUNTER, cid, K.REMOVAL_PERFORMED, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 29), issue_receipt=False)
    ps.decide(db.uow(), JUDGE, f.petition.id,
              Decision(True, "已履行完毕", date(2026, 9, 30)), issue_document=False)
    first, second, *rest = [i.id for i in dispatch.open_items(db.uow(), JUDGE)]
    dispatch.acknowledge(db.uow(), CLERK, first, date(2026, 10, 8))
    with pytest.raises(ValidationError):
        dispatch.acknowledge_dispatch(db.uow(), CLERK, [second, *rest, first], date(2026, 10, 9))
    assert [i.id for i in dispatch.open_items(db.uow(), JUDGE)] == [second, *rest]
    done = dispatch.acknowledge_dispatch(db.uow(), CLERK, [second, *rest], date(2026, 10, 9))
    assert {i.status for i in done} == {"acknowledged"} and dispatch.open_items(db.uow(), JUDGE) == []
