"""The audit log as a hash chain (RULES.md R-R6, 2017 Art. 13; issue 10 §4).

A payment multiplied in SQL, an edited audit row and a deleted audit row each
make ``audit verify`` fail and name what changed, on SQLite and PostgreSQL;
the database itself refuses UPDATE and DELETE of audit rows (migration 0014)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from courtapp.cli import main
from courtapp.core.context import AppContext
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import audit, auth
from courtapp.core.services import cases as svc

PASSWORD = "correct horse battery"
#: These tests decide themselves who logs in (no ``cli`` user from conftest).
CLI_LOGIN = False


def _sql(db: AppContext, *statements: str) -> None:
    with db.engine.begin() as c:
        for s in statements:
            c.execute(text(s))


def _allow_audit_edits(db: AppContext) -> None:
    """What someone with the database owner's rights can do: drop the guard."""
    if db.engine.dialect.name == "postgresql":  # on SQLite there is no guard to drop
        _sql(db, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")


@pytest.fixture
def three_changes(db: AppContext, judge: Actor, make_case: Callable[..., EnforcementCase],
                  today: date) -> list[int]:
    ids = [svc.create_case(db.uow(), judge, make_case(n), today=today).id for n in (1, 2)]
    rec = svc.get_case(db.uow(), judge, case_id=ids[0])
    svc.update_case(db.uow(), judge, ids[0], rec.version, replace(rec.case, judge="李法官"),
                    today=today)
    return ids


def test_the_chain_is_sealed_and_verifies(db: AppContext, three_changes: list[int],
                                          auditor: Actor) -> None:
    with db.engine.connect() as c:
        rows = c.execute(text("select seq, prev_hash, row_hash, content_hash from audit_log "
                              "order by seq")).all()
    assert [r[0] for r in rows] == [1, 2, 3]
    assert rows[0][1] == "0" * 64
    assert [r[1] for r in rows[1:]] == [r[2] for r in rows[:-1]]
    assert all(r[3] and len(r[3]) == 64 for r in rows)
    result = audit.verify(db.uow(), auditor)
    assert result.intact and result.records == 3
    assert audit.verify_lines(result) == ["audit intact: 3 records"]


def test_a_payment_changed_in_sql_is_named(db: AppContext, three_changes: list[int],
                                           auditor: Actor) -> None:
    _sql(db, "UPDATE payments SET amount_fen = amount_fen * 1000")
    result = audit.verify(db.uow(), auditor)
    assert not result.intact and result.broken_seq is None  # the chain itself is whole
    assert {(m.entity_type, m.changed) for m in result.mismatches} == {
        ("case", (f"payments#{pid}",)) for pid in _payment_ids(db)}
    assert any("payments#" in line for line in audit.verify_lines(result))


def _payment_ids(db: AppContext) -> list[int]:
    with db.engine.connect() as c:
        return list(c.execute(text("select id from payments")).scalars())


def test_an_edited_audit_row_breaks_the_chain_at_its_seq(db: AppContext, three_changes: list[int],
                                                         auditor: Actor) -> None:
    _allow_audit_edits(db)
    _sql(db, "UPDATE audit_log SET username = 'president' WHERE seq = 2")
    result = audit.verify(db.uow(), auditor)
    assert result.broken_seq == 2 and "changed" in result.broken_reason


def test_a_deleted_audit_row_breaks_the_chain_after_it(db: AppContext, three_changes: list[int],
                                                       auditor: Actor) -> None:
    _allow_audit_edits(db)
    _sql(db, "DELETE FROM audit_log WHERE seq = 2")
    result = audit.verify(db.uow(), auditor)
    assert result.broken_seq == 3 and "missing" in result.broken_reason


def test_deleting_the_last_audit_row_is_seen_too(db: AppContext, three_changes: list[int],
                                                 auditor: Actor) -> None:
    _allow_audit_edits(db)
    _sql(db, "DELETE FROM audit_log WHERE seq = 3")
    result = audit.verify(db.uow(), auditor)
    assert result.broken_seq == 3 and "missing" in result.broken_reason


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET username = 'x' WHERE seq = 1",
                                       "DELETE FROM audit_log WHERE seq = 1"])
def test_postgresql_refuses_to_edit_or_delete_audit_rows_and_sqlite_leaves_it_to_verify(
        db: AppContext, three_changes: list[int], auditor: Actor, statement: str) -> None:
    if db.engine.dialect.name != "postgresql":
        # A SQLite file belongs to its OS user, who could drop any trigger: the
        # edit goes through, and the chain names it.
        _sql(db, statement)
        # an edited row is broken itself; a deleted one breaks the link of the next
        assert audit.verify(db.uow(), auditor).broken_seq == (1 if "UPDATE" in statement else 2)
        return
    with pytest.raises(DatabaseError, match="append-only"):
        _sql(db, statement)
    with db.engine.connect() as c:
        assert c.execute(text("select count(*) from audit_log where username = 'x'")).scalar() == 0
        assert c.execute(text("select count(*) from audit_log")).scalar() == 3


def test_desks_appending_at_once_never_fork_the_chain(
        db: AppContext, judge: Actor, auditor: Actor) -> None:
    errors: list[BaseException] = []

    def desk(k: int) -> None:
        try:
            for j in range(4):
                with db.uow() as u:
                    u.settings.put(f"test.desk{k}.{j}", "x")
                    audit.record(u, judge, "setting.change", "setting", f"test.desk{k}.{j}")
                    u.commit()
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=desk, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.engine.connect() as c:
        seqs = list(c.execute(text("select seq from audit_log order by seq")).scalars())
    assert seqs == list(range(1, 17))
    assert audit.verify(db.uow(), auditor).intact


def test_audit_verify_command_exits_0_then_1_naming_the_change(
        db: AppContext, three_changes: list[int], admin: Actor,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    auth.add_user(db.uow(), admin, "shen", "审计员", PASSWORD, {Role.AUDITOR})
    monkeypatch.setenv("COURTAPP_USER", "shen")
    monkeypatch.setenv("COURTAPP_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert main(["--database", db.url, "audit", "verify"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("audit intact: ") and out.endswith(" records")
    _sql(db, "UPDATE payments SET amount_fen = amount_fen * 1000")
    assert main(["--database", db.url, "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "payments#" in out and "content changed: case" in out
    _allow_audit_edits(db)
    _sql(db, "DELETE FROM audit_log WHERE seq = 2")
    assert main(["--database", db.url, "audit", "verify"]) == 1
    assert "first broken link: seq 3" in capsys.readouterr().out


def test_audit_list_past_its_limit_says_n_of_m(
        db: AppContext, three_changes: list[int], admin: Actor,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """No list stops silently at N rows: ``audit list --limit 2`` prints two
    records and says on stderr how many there are."""
    auth.add_user(db.uow(), admin, "shen", "审计员", PASSWORD, {Role.AUDITOR})
    monkeypatch.setenv("COURTAPP_USER", "shen")
    monkeypatch.setenv("COURTAPP_PASSWORD", PASSWORD)
    total = len(audit.entries(db.uow(), Actor("shen", frozenset({Role.AUDITOR})), limit=10_000))
    assert total > 2
    capsys.readouterr()
    assert main(["--database", db.url, "--lang", "en", "audit", "list", "--limit", "2"]) == 0
    got = capsys.readouterr()
    assert len(got.out.strip().splitlines()) == 3  # the header and two records
    assert "the newest 2 of " in got.err
    assert int(got.err.split(" of ")[1].split()[0].replace(",", "")) >= total
    assert main(["--database", db.url, "--lang", "en", "audit", "list", "--limit", "10000"]) == 0
    assert "the newest" not in capsys.readouterr().err
