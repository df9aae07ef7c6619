"""Migrations and connection settings on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from courtapp.core.context import AppContext, open_database
from courtapp.core.db import migrate
from courtapp.core.db.engine import make_engine
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import cases as svc


def test_an_empty_database_has_no_revision_and_upgrades_to_the_head(
        empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        assert migrate.current_revision(engine) is None
        assert "cases" not in inspect(engine).get_table_names()
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        tables = set(inspect(engine).get_table_names())
        assert {"cases", "persons", "officers", "case_parties", "obligations", "payments",
                "property_items", "securities", "conduct", "findings", "users", "audit_log",
                "settings", "alembic_version"} <= tables
    finally:
        engine.dispose()


def test_open_database_migrates_by_default_and_not_when_told_not_to(
        empty_database_url: str) -> None:
    ctx = open_database(empty_database_url, upgrade=False)
    try:
        assert migrate.current_revision(ctx.engine) is None
    finally:
        ctx.engine.dispose()
    ctx = open_database(empty_database_url)
    try:
        assert migrate.current_revision(ctx.engine) == migrate.head_revision()
    finally:
        ctx.engine.dispose()


def test_upgrading_twice_is_a_no_op_and_keeps_the_data(
        db: AppContext, judge: Actor, make_case: Callable[..., EnforcementCase], today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(1), today=today)
    before_tables = set(inspect(db.engine).get_table_names())
    migrate.upgrade(db.engine)
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert set(inspect(db.engine).get_table_names()) == before_tables
    with db.engine.connect() as c:
        assert c.execute(text("select count(*) from alembic_version")).scalar_one() == 1
        assert c.execute(text("select count(*) from cases")).scalar_one() == 1


def test_the_head_revision_is_the_only_head() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(migrate.MIGRATIONS))
    assert script.get_heads() == [migrate.head_revision()]


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(sqlite_db: AppContext) -> None:
    with sqlite_db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar_one().lower() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_every_new_sqlite_connection_gets_the_pragmas(sqlite_db: AppContext) -> None:
    conns = [sqlite_db.engine.connect() for _ in range(3)]  # three at once: three connections
    try:
        for c in conns:
            assert c.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    finally:
        for c in conns:
            c.close()


def test_a_foreign_key_to_a_missing_row_is_refused(db: AppContext) -> None:
    with db.engine.connect() as c, pytest.raises(IntegrityError):
        c.execute(text(
            "insert into case_parties (id, position, case_id, person_id, side) "
            "values (1, 0, 999, 999, 'applicant')"))
        c.commit()
    with db.engine.connect() as c:
        assert c.execute(text("select count(*) from case_parties")).scalar_one() == 0


def test_old_english_history_rows_become_codes_and_none_is_lost(
        empty_database_url: str) -> None:
    """Migration 0006: the sentences the app used to store become message codes."""
    import json

    from courtapp.core.domain.messages import CATALOGUE, render

    engine = make_engine(empty_database_url)
    old = [
        "execution notice served (by_post)",
        "listing decision signed; grace until 2026-09-30",
        "listing decision signed",
        "fully performed during the grace period",
        "grace period ended without performance",
        "signed and served",
        "imported from the court's previous system",
        "listing term ended on 2026-05-01",
        "petition (2026)京0105执1号-申1: 已全部履行",
        "information corrected: 姓名应为张三 (petition (2026)京0105执1号-申2: 核实无误)",
        "某法官手写的理由",
    ]
    try:
        migrate.upgrade(engine, "0005_counter")
        with engine.begin() as c:
            c.execute(text(
                "insert into persons (id, kind, name, id_number, created_at, version) values "
                "(1, 'person', '张三', '11010519491231002X', '2026-01-01', 1)"))
            c.execute(text(
                "insert into cases (id, case_number, year, court_code, type_code, sequence, "
                "court_name, filed_on, judge, basis_kind, basis_issuer, basis_document_number, "
                "basis_effective_on, respondent_names, applicant_names, due_fen, outstanding_fen, "
                "performed, partly_performed, created_at, updated_at, version) values (1, "
                "'(2026)京0105执1号', 2026, '京0105', '执', 1, '北京市朝阳区人民法院', '2026-01-05', "
                "'赵文华', 'civil_judgment', '本院', '(2025)京0105民初1号', '2025-12-01', '', '', 0, 0, "
                ":f, :f, '2026-01-05', '2026-01-05', 1)"), {"f": False})
            for i, reason in enumerate(old, 1):
                c.execute(text(
                    "insert into respondent_events (id, case_id, respondent, from_state, to_state, "
                    "at, effective_on, username, article, reason) values (:i, 1, 0, 'recorded', "
                    "'notice_served', '2026-01-05', '2026-01-05', 'judge', 'art', :r)"),
                    {"i": i, "r": reason})
            c.execute(text(
                "insert into audit_log (seq, at, username, action, entity_type, entity_id, reason) "
                "values (1, '2026-01-05', 'judge', 'listing.delete', 'listing', '1', "
                "'petition (2026)京0105执1号-申1: 已全部履行'), (2, '2026-01-05', 'judge', "
                "'listing.delete', 'listing', '2', 'listing term ended on 2026-05-01')"))
        migrate.upgrade(engine)
        with engine.connect() as c:
            rows = c.execute(text("select reason, reason_params from respondent_events "
                                  "order by id")).all()
            audit = c.execute(text("select reason from audit_log order by seq")).scalars().all()
    finally:
        engine.dispose()
    assert len(rows) == len(old)
    for (code, params), sentence in zip(rows, old, strict=True):
        assert code in CATALOGUE, (code, sentence)
        # Nothing lost: the English text made from the code is the old sentence.
        assert render(code, json.loads(params), "en") == sentence.replace(
            "(by_post)", "(service by post)")
    assert [code for code, _ in rows][-1] == "history.unknown"
    assert not any(r[0].startswith(("listing ", "execution ", "petition ")) for r in rows)
    assert audit == ["已全部履行", None]


def test_comma_joined_roles_become_one_row_per_role(empty_database_url: str) -> None:
    """Migration 0007: a user's roles move from one text column to the user_roles table."""
    from courtapp.core.services import auth

    engine = make_engine(empty_database_url)
    try:
        migrate.upgrade(engine, "0006_history_codes")
        with engine.begin() as c:
            c.execute(text("insert into users (id, username, display_name, password_hash, roles, "
                           "active, created_at, version) values (1, 'wang', '王', 'x', "
                           "'judge,administrator', :t, '2026-01-01', 1)"), {"t": True})
        migrate.upgrade(engine)
        with engine.connect() as c:
            rows = c.execute(text("select user_id, role from user_roles order by role")).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [(1, "administrator"), (1, "judge")]
    ctx = open_database(empty_database_url)
    try:
        [user] = auth.list_users(ctx.uow(), Actor("admin", frozenset({Role.ADMIN})))
    finally:
        ctx.engine.dispose()
    assert user.roles == frozenset({Role.ADMIN, Role.JUDGE})


def test_old_english_document_errors_and_reconsideration_history_become_codes(
        empty_database_url: str) -> None:
    """Migration 0010: a petition's document error and a reconsideration's history
    entry are codes; no English sentence is left in either column."""
    import json

    from courtapp.core.domain.messages import CATALOGUE, render

    engine = make_engine(empty_database_url)
    try:
        migrate.upgrade(engine, "0009_law_edges")
        with engine.begin() as c:
            c.execute(text(
                "insert into persons (id, kind, name, id_number, created_at, version) values "
                "(1, 'person', '张三', '11010519491231002X', '2026-01-01', 1)"))
            c.execute(text(
                "insert into cases (id, case_number, year, court_code, type_code, sequence, "
                "court_name, filed_on, judge, basis_kind, basis_issuer, basis_document_number, "
                "basis_effective_on, respondent_names, applicant_names, due_fen, outstanding_fen, "
                "performed, partly_performed, created_at, updated_at, version) values (1, "
                "'(2026)京0105执1号', 2026, '京0105', '执', 1, '北京市朝阳区人民法院', '2026-01-05', "
                "'赵文华', 'civil_judgment', '本院', '(2025)京0105民初1号', '2025-12-01', '', '', 0, 0, "
                ":f, :f, '2026-01-05', '2026-01-05', 1)"), {"f": False})
            for pid, error in ((1, "extra: the listing has no date of service\nsigner: unsigned"),
                               (2, "KeyError"), (3, None)):
                c.execute(text(
                    "insert into petitions (id, number, case_id, sequence, kind, status, respondent, "
                    "petitioner_role, petitioner_index, petitioner_name, petitioner_identifier, "
                    "received_on, sla_days, sla_unit, details, filed_by, created_at, decision_reasons, "
                    "decision_details, document_error, version) values (:i, :n, 1, :i, "
                    "'correction', 'granted', 0, 'respondent', 0, '张三', '11010519491231002X', "
                    "'2026-09-20', 15, 'calendar', '{}', 'counter', '2026-09-20', '', '{}', :e, 1)"),
                    {"i": pid, "n": f"(2026)京0105执1号-申{pid}", "e": error})
            for eid, code, params in (
                    (1, "history.petition_granted",
                     {"petition": "(2026)京0105执1号-申1",
                      "reasons": "reconsideration granted by the higher court on 2026-10-28"}),
                    (2, "history.information_corrected",
                     {"correction": "姓名应为张三", "petition": "(2026)京0105执1号-申1",
                      "reasons": "reconsideration granted by the higher court on 2026-10-28"}),
                    (3, "history.petition_granted",
                     {"petition": "(2026)京0105执1号-申2", "reasons": "已全部履行"})):
                c.execute(text(
                    "insert into respondent_events (id, case_id, respondent, from_state, to_state, "
                    "at, effective_on, username, article, reason, reason_params) values (:i, 1, 0, "
                    "'listed_published', 'removed', '2026-01-05', '2026-01-05', 'judge', 'art', :c, :p)"),
                    {"i": eid, "c": code, "p": json.dumps(params, ensure_ascii=False)})
        migrate.upgrade(engine)
        with engine.connect() as c:
            errors = c.execute(text("select document_error from petitions order by id")).scalars().all()
            events = c.execute(text("select reason, reason_params from respondent_events "
                                    "order by id")).all()
    finally:
        engine.dispose()
    first, second, third = errors
    assert third is None
    for stored, field in ((first, "extra"), (second, "")):
        d = json.loads(stored)
        assert d == {"code": "counter.document_not_issued",
                     "params": {"field": field, "reason": "document_rule.recorded_before"}}
        assert d["code"] in CATALOGUE and d["params"]["reason"] in CATALOGUE
        assert "service" not in stored and "KeyError" not in stored
    codes = [(code, json.loads(p)) for code, p in events]
    assert codes[0] == ("history.reconsideration_granted",
                        {"on": "2026-10-28", "petition": "(2026)京0105执1号-申1", "reasons": ""})
    assert render(*codes[0], "zh") == "申请(2026)京0105执1号-申1：上一级人民法院于2026-10-28决定复议成立"
    assert codes[1][0] == "history.information_corrected" and codes[1][1]["reasons"] == ""
    assert codes[2] == ("history.petition_granted",
                        {"petition": "(2026)京0105执1号-申2", "reasons": "已全部履行"})
    assert not any("reconsideration granted" in json.dumps(p) for _, p in codes)
