"""The petition domain (issue 5 §1): kinds, SLAs and the checks on a petition's data."""

from __future__ import annotations

from datetime import date

import pytest

from courtapp.core.domain.listing import RemovalReason
from courtapp.core.domain.petition import (
    KINDS,
    CorrectionGround,
    PetitionDetails,
    PetitionerRole,
    PetitionKind,
    Search,
    Sla,
    SlaUnit,
    check_details,
    check_searches,
    petition_number,
)


def test_there_are_eleven_kinds_each_with_its_legal_ground_and_petitioners() -> None:
    assert len(KINDS) == len(PetitionKind) == 11
    for kind, info in KINDS.items():
        assert info.kind is kind and info.article and info.petitioners and info.label_zh
    assert KINDS[PetitionKind.REMOVAL_CREDITOR_REQUEST].petitioners == {PetitionerRole.APPLICANT}
    assert KINDS[PetitionKind.PRIVATE_CONSUMPTION].petitioners == {PetitionerRole.OFFICER}
    assert KINDS[PetitionKind.OFFICER_RELEASE].petitioners == {PetitionerRole.OFFICER}
    removals = {k: i.removal[1] for k, i in KINDS.items() if i.removal}
    assert set(removals.values()) == {RemovalReason.PERFORMED, RemovalReason.SETTLEMENT_PERFORMED,
                                      RemovalReason.CREDITOR_REQUEST, RemovalReason.NO_PROPERTY,
                                      RemovalReason.TERM_EXPIRED}


def test_the_default_slas() -> None:
    codes = {k.value: i.sla.code() for k, i in KINDS.items()}
    assert codes["correction"] == "15d" and KINDS[PetitionKind.CORRECTION].statutory_sla
    assert codes["removal_performed"] == codes["lifting"] == "3wd"
    assert codes["temporary_travel"] == "1wd"
    assert codes["private_consumption"] == codes["necessary_consumption"] == "15d"


@pytest.mark.parametrize(("text", "sla"), [("3wd", Sla(3, SlaUnit.WORKING)),
                                           ("15d", Sla(15, SlaUnit.CALENDAR)),
                                           (" 5WD ", Sla(5, SlaUnit.WORKING))])
def test_an_sla_is_written_in_working_or_calendar_days(text: str, sla: Sla) -> None:
    assert Sla.parse(text) == sla and Sla.parse(sla.code()) == sla


@pytest.mark.parametrize("text", ["", "wd", "3w", "0d", "61wd", "three days"])
def test_a_bad_sla_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Sla.parse(text)


def test_the_petition_number_follows_the_case_number() -> None:
    assert petition_number("(2026)京0105执1234号", 1) == "(2026)京0105执1234号-申1"


def test_details_round_trip_through_json() -> None:
    d = PetitionDetails(correction_ground=CorrectionGround.INACCURATE, requested_correction="x",
                        items=(1, 9), terminated_on=date(2026, 6, 1),
                        searches=(Search(date(2026, 7, 1)), Search(date(2026, 8, 1), True, "房产")),
                        asset_lead=True, permit_from=date(2026, 9, 1), permit_until=date(2026, 9, 2),
                        consumption="y", written=False)
    assert PetitionDetails.from_json(d.to_json()) == d
    assert PetitionDetails().to_json() == {}


def test_check_details_names_each_missing_field() -> None:
    got = check_details(PetitionKind.CORRECTION, PetitionDetails(written=False), date(2026, 9, 1))
    assert [(e.path, e.rule) for e in got] == [
        ("details.correction_ground", "petition.correction_ground"),
        ("details.written", "petition.correction_written")]
    got = check_details(PetitionKind.TEMPORARY_TRAVEL, PetitionDetails(items=(10,)), date(2026, 9, 1))
    assert [e.path for e in got] == ["details.items", "details.travel_ground", "details.permit_from"]


def test_no_property_needs_two_empty_searches_after_termination_and_no_lead() -> None:
    base = PetitionDetails(terminated_on=date(2026, 6, 1))
    assert [e.rule for e in check_searches(PetitionDetails())] == ["petition.terminated_on"]
    two = base.with_searches((Search(date(2026, 6, 1)), Search(date(2026, 7, 1))), date(2026, 6, 1), False)
    assert check_searches(two) == []
    assert check_searches(two.with_searches(two.searches, date(2026, 6, 2), False))  # one is before
    assert check_searches(two.with_searches(two.searches, date(2026, 6, 1), True))  # a lead
    found = two.with_searches((*two.searches, Search(date(2026, 8, 1), True)), date(2026, 6, 1), False)
    assert check_searches(found)


def test_every_petition_kind_cites_its_article_in_chinese_too() -> None:
    from courtapp.core.domain.petition import KINDS

    for info in KINDS.values():
        zh = info.article_in("zh")
        assert zh != info.article and "《" in zh, info.kind
        assert info.article_in("en") == info.article
