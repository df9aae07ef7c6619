"""The case service: create, read, update and import, all or nothing, each
change audited; one person record per ID number."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from courtapp.core.context import AppContext
from courtapp.core.domain.errors import ConflictError, NotFound, ValidationError
from courtapp.core.domain.model import EnforcementCase, Payment, Stage
from courtapp.core.domain.roles import Actor
from courtapp.core.interchange import dump_case, loads
from courtapp.core.services import audit
from courtapp.core.services import cases as svc

Factory = Callable[..., EnforcementCase]


def scalar(db: AppContext, sql: str, **params: Any) -> Any:
    with db.engine.connect() as c:
        return c.execute(text(sql), params).scalar_one()


def rows(db: AppContext, sql: str, **params: Any) -> list[Any]:
    with db.engine.connect() as c:
        return list(c.execute(text(sql), params).all())


def errors_of(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.path, e.rule) for e in exc.value.errors]


# --------------------------------------------------------- create and get
def test_a_created_case_reads_back_equal(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    case = make_case()
    rec = svc.create_case(db.uow(), judge, case, today=today)
    assert rec.case == case
    assert rec.version == 1
    by_id = svc.get_case(db.uow(), judge, case_id=rec.id)
    by_number = svc.get_case(db.uow(), judge, case_number="（2026）京0105执1234号")
    assert by_id == by_number == rec
    assert by_id.case == case


def test_a_created_case_exports_to_the_same_interchange_document(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    case = make_case()
    svc.create_case(db.uow(), judge, case, today=today)
    [exported] = svc.export_cases(db.uow(), judge, ["(2026)京0105执1234号"])
    assert dump_case(exported) == dump_case(case)


def test_getting_a_missing_case_raises_not_found(db: AppContext, judge: Actor) -> None:
    with pytest.raises(NotFound):
        svc.get_case(db.uow(), judge, case_id=12345)
    with pytest.raises(NotFound):
        svc.get_case(db.uow(), judge, case_number="(2026)京0105执1号")
    with pytest.raises(NotFound):
        svc.get_case(db.uow(), judge, case_number="not a number")


def test_an_invalid_case_is_refused_with_its_paths_and_nothing_is_written(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    case = make_case()
    case.respondents[0].id_number = "360426199101010072"
    case.payments[0].respondent = 7
    with pytest.raises(ValidationError) as exc:
        svc.create_case(db.uow(), judge, case, today=today)
    assert sorted(errors_of(exc)) == [("payments[0].respondent", "respondent.index"),
                                      ("respondents[0].id_number", "ric.checksum")]
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 0
    assert scalar(db, "select count(*) from persons") == 0


def test_the_case_list_summary_is_stored_with_the_case(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(), today=today)
    [s] = svc.search_cases(db.uow(), judge, svc.SearchQuery(), as_of=today)
    assert s.case_number == "(2026)京0105执1234号"
    assert s.respondent_names == "张三、某某科技有限公司"
    assert s.applicant_names == "李四"
    assert (s.due, s.outstanding) == (Decimal("50000.00"), Decimal("40000.00"))
    assert s.notice_deadline == date(2026, 3, 15)
    assert s.stage is Stage.PARTLY_PERFORMED


# ------------------------------------------------------ all or nothing
def test_importing_several_cases_is_all_or_nothing(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    good = [make_case(n) for n in (1, 2, 3)]
    bad = make_case(4)
    bad.respondents[1].credit_code = "91110000600037341A"
    with pytest.raises(ValidationError) as exc:
        svc.import_cases(db.uow(), judge, [*good, bad], today=today)
    assert errors_of(exc) == [("[3].respondents[1].credit_code", "uscc.checksum")]
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 0
    assert scalar(db, "select count(*) from persons") == 0
    assert scalar(db, "select count(*) from audit_log") == 0


def test_a_name_conflict_in_the_last_case_rolls_back_the_whole_import(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    # The conflict is only found against rows the import itself added.
    def rename(doc: dict[str, Any]) -> None:
        doc["respondents"][0]["name"] = "张叁"

    with pytest.raises(ValidationError) as exc:
        svc.import_cases(db.uow(), judge, [make_case(1), make_case(2), make_case(3, rename)],
                         today=today)
    assert errors_of(exc) == [("[2].respondents[0].name", "party.name_conflict")]
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 0
    assert scalar(db, "select count(*) from persons") == 0
    assert scalar(db, "select count(*) from audit_log") == 0


def test_an_import_uses_the_given_path_prefixes(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    bad = make_case(2)
    bad.judge = ""
    with pytest.raises(ValidationError) as exc:
        svc.import_cases(db.uow(), judge, [make_case(1), bad], today=today,
                         path_prefixes=["line 1", "line 2"])
    assert errors_of(exc) == [("line 2.judge", "required")]


def test_an_import_from_a_file_stores_every_case(
        db: AppContext, judge: Actor, example_doc: dict[str, Any], today: date) -> None:
    docs = []
    for n in (1, 2, 3):
        d = copy.deepcopy(example_doc)
        d["case_number"] = f"(2026)京0105执{n}号"
        docs.append(d)
    cases = loads(json.dumps(docs, ensure_ascii=False), today=today)
    recs = svc.import_cases(db.uow(), judge, cases, today=today)
    assert [r.case.case_number for r in recs] == [f"(2026)京0105执{n}号" for n in (1, 2, 3)]
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 3


# ---------------------------------------------------- duplicate numbers
def test_R_N1_a_case_number_already_registered_is_refused_with_its_path(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(1), today=today)
    again = make_case(1)
    again.case_number = "（2026）京0105执1号"
    with pytest.raises(ValidationError) as exc:
        svc.create_case(db.uow(), judge, again, today=today)
    assert errors_of(exc) == [("case_number", "case_number.exists")]
    with pytest.raises(ValidationError) as exc:
        svc.import_cases(db.uow(), judge, [make_case(2), make_case(1)], today=today)
    assert errors_of(exc) == [("[1].case_number", "case_number.exists")]
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 1


def test_the_same_number_twice_in_one_import_is_refused(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.import_cases(db.uow(), judge, [make_case(5), make_case(5)], today=today)
    assert errors_of(exc) == [("[1].case_number", "case_number.exists")]
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 0


def test_renumbering_a_case_onto_an_existing_number_is_refused(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(1), today=today)
    rec = svc.create_case(db.uow(), judge, make_case(2), today=today)
    changed = copy.deepcopy(rec.case)
    changed.case_number = "(2026)京0105执1号"
    with pytest.raises(ValidationError) as exc:
        svc.update_case(db.uow(), judge, rec.id, rec.version, changed, today=today)
    assert errors_of(exc) == [("case_number", "case_number.exists")]


# --------------------------------------------------------------- persons
def test_the_same_id_number_under_another_name_is_refused(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(1), today=today)

    def rename(doc: dict[str, Any]) -> None:
        doc["respondents"][0]["name"] = "张叁"

    with pytest.raises(ValidationError) as exc:
        svc.create_case(db.uow(), judge, make_case(2, rename), today=today)
    [e] = exc.value.errors
    assert (e.path, e.rule) == ("respondents[0].name", "party.name_conflict")
    assert "张三" in e.en and "张三" in e.zh
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 1


def test_the_same_person_in_two_cases_shares_one_persons_row(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(1), today=today)
    svc.create_case(db.uow(), judge, make_case(2), today=today)
    # 李四, 张三, the company and its legal representative 王五: four records.
    assert scalar(db, "select count(*) from persons") == 4
    assert scalar(db, "select count(*) from persons where id_number = '360426199101010071'") == 1
    assert scalar(db, "select count(distinct person_id) from case_parties") == 3
    assert scalar(db, "select count(*) from case_parties") == 6


def test_an_id_number_typed_differently_is_still_the_same_person(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(1), today=today)
    second = make_case(2)
    second.applicants[0].id_number = "11010519491231002x"
    second.respondents[0].id_number = "３６０４２６１９９１０１０１００７１"
    second.case_number = "（2026）京0105执2号"
    rec = svc.create_case(db.uow(), judge, second, today=today)
    assert scalar(db, "select count(*) from persons") == 4
    assert rec.case.applicants[0].id_number == "11010519491231002X"
    assert rec.case.case_number == "(2026)京0105执2号"
    assert sorted(r[0] for r in rows(db, "select id_number from persons "
                                         "where id_number is not null")) == [
        "11010519491231002X", "110105198001010016", "360426199101010071"]


def test_an_officer_who_is_also_a_respondent_is_one_person(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    def add_wang_as_respondent(doc: dict[str, Any]) -> None:
        doc["respondents"].append({"kind": "person", "name": "王五",
                                   "id_number": "110105198001010016"})

    svc.create_case(db.uow(), judge, make_case(1, add_wang_as_respondent), today=today)
    assert scalar(db, "select count(*) from persons where id_number = '110105198001010016'") == 1


def test_similar_persons_finds_a_number_prefix_or_the_same_name(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(1), today=today)
    svc.create_case(db.uow(), judge, make_case(2), today=today)
    by_id = svc.similar_persons(db.uow(), judge, identifier="360426")
    assert [(p.name, p.identifier, p.case_count) for p in by_id] == [
        ("张三", "360426199101010071", 2)]
    by_code = svc.similar_persons(db.uow(), judge, identifier="91110000600037341l")
    assert [(p.name, p.kind.value) for p in by_code] == [("某某科技有限公司", "entity")]
    by_name = svc.similar_persons(db.uow(), judge, name="李四")
    assert [p.identifier for p in by_name] == ["11010519491231002X"]
    assert svc.similar_persons(db.uow(), judge, identifier="36042") == []  # too short
    assert svc.similar_persons(db.uow(), judge, name="赵六") == []
    officer = svc.similar_persons(db.uow(), judge, name="王五")
    assert [(p.identifier, p.case_count) for p in officer] == [("110105198001010016", 0)]
    party = svc.get_person(db.uow(), judge, by_code[0].id)
    assert [o.name for o in party.officers] == ["王五"]


# ---------------------------------------------------------------- update
def test_an_update_with_the_current_version_is_saved_and_bumps_the_version(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    rec = svc.create_case(db.uow(), judge, make_case(), today=today)
    changed = copy.deepcopy(rec.case)
    changed.payments.append(Payment(date(2026, 5, 1), 0, Decimal("40000.00")))
    new = svc.update_case(db.uow(), judge, rec.id, rec.version, changed, reason="收到还款",
                          today=today)
    assert new.version > rec.version
    assert new.case == changed
    assert svc.get_case(db.uow(), judge, case_id=rec.id).case.outstanding() == Decimal("0.00")


def test_an_update_with_a_stale_version_is_a_conflict(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    rec = svc.create_case(db.uow(), judge, make_case(), today=today)
    first = copy.deepcopy(rec.case)
    first.judge = "钱法官"
    svc.update_case(db.uow(), judge, rec.id, rec.version, first, today=today)
    second = copy.deepcopy(rec.case)
    second.judge = "孙法官"
    with pytest.raises(ConflictError):
        svc.update_case(db.uow(), judge, rec.id, rec.version, second, today=today)
    assert svc.get_case(db.uow(), judge, case_id=rec.id).case.judge == "钱法官"


def test_updating_a_missing_case_raises_not_found(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    with pytest.raises(NotFound):
        svc.update_case(db.uow(), judge, 999, 1, make_case(), today=today)


def test_an_invalid_update_is_refused_and_the_case_is_unchanged(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    rec = svc.create_case(db.uow(), judge, make_case(), today=today)
    changed = copy.deepcopy(rec.case)
    changed.obligations[0].amount = None
    with pytest.raises(ValidationError) as exc:
        svc.update_case(db.uow(), judge, rec.id, rec.version, changed, today=today)
    assert errors_of(exc) == [("obligations[0].amount", "obligation.amount_required")]
    assert svc.get_case(db.uow(), judge, case_id=rec.id) == rec


# ----------------------------------------------------------------- audit
def test_a_create_writes_an_audit_row_with_who_what_and_after(
        db: AppContext, judge: Actor, make_case: Factory, today: date, auditor: Actor) -> None:
    case = make_case()
    svc.create_case(db.uow(), judge, case, today=today)
    [entry] = audit.entries(db.uow(), auditor)
    assert (entry.username, entry.action, entry.entity_type, entry.entity_id) == (
        "judge", "case.create", "case", "(2026)京0105执1234号")
    assert entry.before is None
    assert entry.after is not None
    assert json.loads(entry.after) == dump_case(case)
    assert entry.at is not None


def test_an_update_writes_before_and_after_and_the_reason(
        db: AppContext, judge: Actor, make_case: Factory, today: date, auditor: Actor) -> None:
    rec = svc.create_case(db.uow(), judge, make_case(), today=today)
    changed = copy.deepcopy(rec.case)
    changed.judge = "钱法官"
    svc.update_case(db.uow(), judge, rec.id, rec.version, changed, reason="更换承办法官",
                    today=today)
    entries = audit.entries(db.uow(), auditor, entity_type="case",
                            entity_id="(2026)京0105执1234号")
    assert [e.action for e in entries] == ["case.update", "case.create"]
    upd = entries[0]
    assert upd.username == "judge" and upd.reason == "更换承办法官"
    assert upd.before is not None and upd.after is not None
    assert json.loads(upd.before)["judge"] == "赵法官"
    assert json.loads(upd.after)["judge"] == "钱法官"
    assert json.loads(upd.after) == dump_case(changed)


def test_an_update_that_changes_nothing_writes_no_audit_row(
        db: AppContext, judge: Actor, make_case: Factory, today: date, auditor: Actor) -> None:
    rec = svc.create_case(db.uow(), judge, make_case(), today=today)
    same = copy.deepcopy(rec.case)
    same.case_number = "（2026）京0105执1234号"  # the same number, other brackets
    svc.update_case(db.uow(), judge, rec.id, rec.version, same, today=today)
    assert [e.action for e in audit.entries(db.uow(), auditor)] == ["case.create"]


def test_an_import_writes_one_audit_row_per_case(
        db: AppContext, judge: Actor, make_case: Factory, today: date, auditor: Actor) -> None:
    svc.import_cases(db.uow(), judge, [make_case(1), make_case(2)], today=today)
    entries = audit.entries(db.uow(), auditor)
    assert sorted((e.action, e.entity_id, e.username) for e in entries) == [
        ("case.import", "(2026)京0105执1号", "judge"),
        ("case.import", "(2026)京0105执2号", "judge"),
    ]
    for e in entries:
        assert e.after is not None
        assert json.loads(e.after)["case_number"] == e.entity_id


def test_audit_json_is_canonical(
        db: AppContext, judge: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(), today=today)
    after = scalar(db, "select after from audit_log")
    doc = json.loads(after)
    assert after == json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert "张三" in after  # not \\u-escaped
