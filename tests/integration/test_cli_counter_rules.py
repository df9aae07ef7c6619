"""The counter's rules reached from the command line (issue 9 §2): creditors'
applications and the re-listing bar (R-R3), service and reconsideration (R-R5)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from counter_fixtures import JUDGE, LI_SI, NUMBER, ZHANG_SAN, publish, store

from courtapp.cli import main
from courtapp.core.context import AppContext
from courtapp.core.domain.listing import ListingStatus, RemovalReason
from courtapp.core.domain.petition import CorrectionGround, Decision, PetitionDetails, PetitionKind
from courtapp.core.services import listing as ls
from courtapp.core.services import petitions as ps

K = PetitionKind


def run(db: AppContext, *argv: str, lang: str = "en") -> int:
    return main(["--database", db.url, "--lang", lang, *argv])


@pytest.mark.parametrize("argv", [["listing", "apply", "--help"], ["listing", "decide", "--help"],
                                  ["petition", "reconsider", "--help"],
                                  ["petition", "serve", "--help"]])
def test_the_new_commands_document_their_options(argv: list[str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "usage: courtapp " + " ".join(argv[:-1]) in out
    if argv[:2] == ["listing", "apply"]:
        assert all(o in out for o in ("--respondent", "--applicant", "--received-on", "--grounds"))
    if argv[:2] == ["petition", "reconsider"]:
        assert all(o in out for o in ("--filed-on", "--outcome", "--decided-on"))


def test_R_R3_a_creditors_relisting_application_within_six_months_is_refused_from_the_command_line(
        db: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    cid = store(db)
    lid = publish(db, cid)
    req = ps.file_petition(db.uow(), JUDGE, cid, K.REMOVAL_CREDITOR_REQUEST, petitioner_id=LI_SI,
                           received_on=date(2026, 5, 28), issue_receipt=False)
    ps.decide(db.uow(), JUDGE, req.petition.id, Decision(True, "申请执行人书面申请删除", date(2026, 6, 1)),
              issue_document=False)
    [rec] = [r for r in ls.listings_for_case(db.uow(), JUDGE, cid) if r.id == lid]
    assert rec.listing.removal_reason is RemovalReason.CREDITOR_REQUEST
    assert run(db, "listing", "apply", NUMBER, "--respondent", "0", "--received-on", "2026-12-01",
               "--grounds", "仍未履行") == 1
    err = capsys.readouterr().err
    assert "received_on:" in err and "[application.relisting_bar]" in err and "2026-12-01" in err
    assert "Art. 10 para. 4" in err
    assert run(db, "listing", "apply", NUMBER, "--respondent", "0", "--received-on", "2026-12-01",
               "--grounds", "仍未履行", lang="zh") == 1
    assert "不予支持" in capsys.readouterr().err
    assert run(db, "listing", "apply", NUMBER, "--respondent", "0", "--received-on", "2026-12-02",
               "--grounds", "仍未履行", "--json") == 0
    app = json.loads(capsys.readouterr().out)
    assert (app["status"], app["received_on"], app["due_on"]) == ("pending", "2026-12-02", "2026-12-17")
    assert run(db, "listing", "list") == 0
    assert capsys.readouterr().out.startswith(f"{app['id']}\t{NUMBER}\trespondent 0\t2026-12-02")
    assert run(db, "listing", "decide", str(app["id"]), "--reject", "--reasons", "不符合条件",
               "--on", "2026-12-10") == 0
    assert "rejected" in capsys.readouterr().out
    assert run(db, "listing", "list", "--json") == 0
    assert capsys.readouterr().out == ""


def test_R_R5_a_reconsideration_is_recorded_from_the_command_line_and_does_not_suspend(
        db: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    cid = store(db)
    lid = publish(db, cid)
    f = ps.file_petition(db.uow(), JUDGE, cid, K.CORRECTION, petitioner_id=ZHANG_SAN,
                         received_on=date(2026, 9, 20), issue_receipt=False,
                         details=PetitionDetails(correction_ground=CorrectionGround.NOT_LISTABLE))
    number = f.petition.number
    ps.decide(db.uow(), JUDGE, f.petition.id, Decision(False, "纳入符合规定", date(2026, 9, 30)),
              issue_document=False)
    assert run(db, "petition", "serve", number, "--on", "2026-10-09") == 0
    assert "until 2026-10-19" in capsys.readouterr().out
    assert run(db, "petition", "reconsider", number, "--filed-on", "2026-10-15", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["reconsideration_filed_on"], out["reconsideration_due"],
            out["reconsideration_outcome"]) == ("2026-10-15", "2026-10-30", None)
    [rec] = [r for r in ls.listings_for_case(db.uow(), JUDGE, cid) if r.id == lid]
    assert rec.listing.status is ListingStatus.PUBLISHED  # no suspension
    assert run(db, "petition", "reconsider", number, "--filed-on", "2026-10-15", "--outcome",
               "granted", "--decided-on", "2026-10-28", "--reasons", "原决定认定事实不清", lang="zh") == 0
    assert "复议成立" in capsys.readouterr().out
    [rec] = [r for r in ls.listings_for_case(db.uow(), JUDGE, cid) if r.id == lid]
    assert (rec.listing.status, rec.listing.removal_reason) == (ListingStatus.REMOVED,
                                                                RemovalReason.REVOKED)
    ev = ls.respondent_events(db.uow(), JUDGE, cid)[-1]
    assert (ev.reason, ev.params["on"], ev.params["reasons"]) == (
        "history.reconsideration_granted", "2026-10-28", "原决定认定事实不清")
    with pytest.raises(SystemExit):  # an outcome's date without the outcome
        run(db, "petition", "reconsider", number, "--decided-on", "2026-10-28")
