"""Who is acting on the command line (issue 10 §3).

On a server database every command runs as a logged-in courtapp user; the
console operator is only for a local SQLite file owned by the OS user, and its
name comes from the OS, not from ``LOGNAME``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from courtapp.cli import main
from courtapp.cli.common import os_user, read_sessions, session_file
from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import auth

PG_URL = os.environ.get("COURTAPP_TEST_DATABASE_URL")

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example_case.json"
PASSWORD = "correct horse battery"
#: These tests decide themselves who logs in (no ``cli`` user from conftest).
CLI_LOGIN = False
CLI_PASSWORD = "another horse battery"
server = pytest.mark.skipif(not PG_URL, reason="needs COURTAPP_TEST_DATABASE_URL")


def users(db: AppContext) -> list[str]:
    with db.engine.connect() as c:
        return list(c.execute(text("select username from users order by username")).scalars())


def audit_users(db: AppContext, action: str) -> list[str]:
    with db.engine.connect() as c:
        return list(c.execute(text("select username from audit_log where action = :a order by seq"),
                              {"a": action}).scalars())


def test_the_console_operator_is_named_by_the_os_not_by_logname(
        sqlite_db: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "president")
    monkeypatch.setenv("USER", "president")
    assert main(["--database", sqlite_db.url, "import", str(EXAMPLE)]) == 0
    import pwd

    assert audit_users(sqlite_db, "case.import") == [f"console:{pwd.getpwuid(os.getuid()).pw_name}"]
    assert os_user() != "president" or pwd.getpwuid(os.getuid()).pw_name == "president"


def test_a_sqlite_file_owned_by_someone_else_gets_no_console_operator(
        sqlite_db: AppContext, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    real = os.stat
    path = str(sqlite_db.engine.url.database)

    def foreign(p: object, *a: object, **k: object) -> os.stat_result:
        st = real(p, *a, **k)  # type: ignore[arg-type]
        if str(p) == path:
            return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, os.getuid() + 1,
                                   st.st_gid, st.st_size, 0, 0, 0))
        return st

    monkeypatch.setattr(os, "stat", foreign)
    with pytest.raises(SystemExit) as e:
        main(["--database", sqlite_db.url, "import", str(EXAMPLE)])
    assert "log in first" in str(e.value.code)
    with sqlite_db.engine.connect() as c:
        assert c.execute(text("select count(*) from cases")).scalar() == 0


def test_env_credentials_act_as_that_user_with_its_roles(
        sqlite_db: AppContext, admin: Actor, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    auth.add_user(sqlite_db.uow(), admin, "qian", "钱书记员", PASSWORD, {Role.CLERK})
    monkeypatch.setenv("COURTAPP_USER", "qian")
    monkeypatch.setenv("COURTAPP_PASSWORD", PASSWORD)
    assert main(["--database", sqlite_db.url, "import", str(EXAMPLE)]) == 1  # a clerk cannot import
    assert "PermissionDenied" in capsys.readouterr().err
    monkeypatch.setenv("COURTAPP_PASSWORD", "wrong password")
    assert main(["--database", sqlite_db.url, "import", str(EXAMPLE)]) == 1
    assert capsys.readouterr().err.strip() == "courtapp: wrong user name or password"
    assert audit_users(sqlite_db, "user.login_failed") == ["qian"]


def test_login_stores_an_expiring_token_readable_by_its_owner_only(
        sqlite_db: AppContext, admin: Actor, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    auth.add_user(sqlite_db.uow(), admin, "zhao", "赵法官", PASSWORD, {Role.JUDGE})
    monkeypatch.setenv("COURTAPP_PASSWORD", PASSWORD)
    assert main(["--database", sqlite_db.url, "login", "--user", "zhao"]) == 0
    assert "logged in as zhao until" in capsys.readouterr().out
    monkeypatch.delenv("COURTAPP_PASSWORD")
    assert stat.S_IMODE(session_file().stat().st_mode) == 0o600
    [token] = read_sessions().values()
    with sqlite_db.engine.connect() as c:
        hashes = list(c.execute(text("select token_hash from login_sessions")).scalars())
    assert token not in hashes and len(hashes[0]) == 64  # only the hash is stored
    assert main(["--database", sqlite_db.url, "import", str(EXAMPLE)]) == 0
    assert audit_users(sqlite_db, "case.import") == ["zhao"]  # the session's user, not the console
    # An expired session is not accepted.
    with sqlite_db.engine.begin() as c:
        c.execute(text("update login_sessions set expires_at = '2000-01-01 00:00:00'"))
    assert main(["--database", sqlite_db.url, "export", "(2026)京0105执1234号"]) == 0
    assert "session has ended" in capsys.readouterr().err
    assert main(["--database", sqlite_db.url, "logout"]) == 0
    assert not session_file().exists()
    with sqlite_db.engine.connect() as c:
        assert c.execute(text("select count(*) from login_sessions")).scalar() == 0


def test_five_wrong_passwords_lock_the_account_and_are_audited(
        db: AppContext, admin: Actor) -> None:
    auth.add_user(db.uow(), admin, "zhao", "赵法官", PASSWORD, {Role.JUDGE})
    from courtapp.core.domain.errors import AccountLocked, AuthenticationFailed

    for _ in range(5):
        with pytest.raises(AuthenticationFailed) as e:
            auth.authenticate(db.uow(), "zhao", "wrong")
        assert not isinstance(e.value, AccountLocked)
    with pytest.raises(AccountLocked):
        auth.authenticate(db.uow(), "zhao", PASSWORD)  # the right one, but locked
    assert len(audit_users(db, "user.login_failed")) == 5
    assert audit_users(db, "user.lockout") == ["zhao"]
    assert audit_users(db, "user.login_locked") == ["zhao"]
    # When the lockout has passed, the right password works again.
    with db.engine.begin() as c:
        c.execute(text("insert into settings (key, value) values ('auth.lockout_minutes', '1')"))
    _age_failures(db)
    assert auth.authenticate(db.uow(), "zhao", PASSWORD).username == "zhao"


def _age_failures(db: AppContext) -> None:
    """Make the failed logins an hour old (PostgreSQL refuses updates: lift it)."""
    with db.engine.begin() as c:
        if db.engine.dialect.name == "postgresql":
            c.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            c.execute(text("update audit_log set at = at - interval '1 hour'"))
            c.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))
        else:
            c.execute(text("update audit_log set at = datetime(at, '-1 hour')"))


def test_a_password_in_database_url_is_warned_about(capsys: pytest.CaptureFixture[str]) -> None:
    from courtapp.cli.common import warn_password_in_url

    warn_password_in_url("postgresql://u:secret@host/db", "en")
    assert "visible to other users in `ps`" in capsys.readouterr().err
    warn_password_in_url("postgresql://u@host/db", "en")
    assert capsys.readouterr().err == ""


@server
def test_user_add_on_a_server_needs_an_administrators_login(
        db: AppContext, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the server case")
    monkeypatch.delenv("COURTAPP_USER", raising=False)
    monkeypatch.setattr("sys.stdin", _lines())  # no terminal: no prompt
    # An empty server database: refused without --first-admin.
    with pytest.raises(SystemExit) as e:
        main(["--database", db.url, "user", "add", "president", "--role", "president",
              "--password-stdin"])
    assert "refused" in str(e.value.code) and users(db) == []
    monkeypatch.setattr("sys.stdin", _lines(PASSWORD))
    assert main(["--database", db.url, "user", "add", "admin", "--first-admin",
                 "--password-stdin"]) == 0
    assert users(db) == ["admin"]
    # Once a user exists: no second first administrator, no user without a login.
    monkeypatch.setattr("sys.stdin", _lines(PASSWORD))
    with pytest.raises(SystemExit) as e:
        main(["--database", db.url, "user", "add", "boss", "--first-admin", "--password-stdin"])
    assert "users exist already" in str(e.value.code)
    monkeypatch.setattr("sys.stdin", _lines(PASSWORD))
    with pytest.raises(SystemExit) as e:
        main(["--database", db.url, "user", "add", "president", "--role", "president",
              "--password-stdin"])
    assert "log in first" in str(e.value.code)
    assert users(db) == ["admin"]
    # A non-administrator's login is refused too; an administrator's is accepted.
    auth.add_user(db.uow(), Actor("t", frozenset({Role.ADMIN})), "zhao", "赵", PASSWORD, {Role.JUDGE})
    monkeypatch.setenv("COURTAPP_USER", "zhao")
    monkeypatch.setenv("COURTAPP_PASSWORD", PASSWORD)
    monkeypatch.setattr("sys.stdin", _lines(PASSWORD))
    assert main(["--database", db.url, "user", "add", "president", "--role", "president",
                 "--password-stdin"]) == 1
    assert "PermissionDenied" in capsys.readouterr().err
    assert users(db) == ["admin", "zhao"]
    monkeypatch.setenv("COURTAPP_USER", "admin")
    monkeypatch.setattr("sys.stdin", _lines(PASSWORD))
    assert main(["--database", db.url, "user", "add", "president", "--role", "president",
                 "--password-stdin"]) == 0
    assert users(db) == ["admin", "president", "zhao"]
    assert audit_users(db, "user.create")[-1] == "admin"


@server
def test_a_server_database_never_gets_the_console_operator(
        db: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the server case")
    monkeypatch.delenv("COURTAPP_USER", raising=False)
    monkeypatch.setattr("sys.stdin", _lines())
    with pytest.raises(SystemExit) as e:
        main(["--database", db.url, "import", str(EXAMPLE)])
    assert "log in first" in str(e.value.code)
    auth.add_user(db.uow(), Actor("t", frozenset({Role.ADMIN})), "cli", "命令行", CLI_PASSWORD,
                  {Role.JUDGE})
    monkeypatch.setenv("COURTAPP_USER", "cli")
    monkeypatch.setenv("COURTAPP_PASSWORD", CLI_PASSWORD)
    assert main(["--database", db.url, "import", str(EXAMPLE)]) == 0
    assert audit_users(db, "case.import") == ["cli"]


def _lines(*lines: str):  # type: ignore[no-untyped-def]
    import io

    return io.StringIO("".join(f"{x}\n" for x in lines))
