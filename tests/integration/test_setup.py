"""Setting up a desk (issue 13): the answers applied on SQLite and PostgreSQL, a
second desk on the same database, unattended answers files, and ``courtapp setup``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import setup_fixtures
from setup_fixtures import EmptyPg
from sqlalchemy.engine import make_url

from courtapp.cli import main
from courtapp.core import config, paths
from courtapp.core import setup as desk
from courtapp.core.context import open_database
from courtapp.core.db import migrate
from courtapp.core.documents import signing
from courtapp.core.domain.errors import ValidationError
from courtapp.core.services import auth, keys
from courtapp.core.services import documents as ds

PASSWORD = "correct horse 9"
empty_pg = setup_fixtures.empty_pg  # an empty PostgreSQL database (skips only off CI)


def answers(db: desk.DatabaseChoice, **kw: object) -> desk.Answers:
    base: dict[str, object] = dict(court_name="北京市朝阳区人民法院", court_code="京0105",
                                   admin_username="admin", admin_display_name="系统管理员",
                                   admin_password=PASSWORD, database=db)
    base.update(kw)
    return desk.Answers(**base)  # type: ignore[arg-type]


def test_a_local_desk_is_set_up_end_to_end(tmp_path: Path) -> None:
    db_file = tmp_path / "court" / "courtapp.sqlite"
    steps: list[str] = []
    result = desk.apply(answers(desk.DatabaseChoice("sqlite", path=str(db_file))),
                        progress=steps.append)
    assert steps == ["database", "administrator", "court", "key", "configuration"]
    assert result.created_admin and result.passfile is None
    # The desk now finds its database without being told.
    assert config.load() == config.DeskConfig(database_url=f"sqlite+pysqlite:///{db_file}")
    assert config.database_url() == f"sqlite+pysqlite:///{db_file}"
    ctx = open_database(config.database_url())
    assert migrate.current_revision(ctx.engine) == migrate.head_revision()
    assert auth.authenticate(ctx.uow(), "admin", PASSWORD).display_name == "系统管理员"
    assert desk.court_identity(ctx) == ("北京市朝阳区人民法院", "京0105")
    key = signing.key_path()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    registered = ds.court_public_key(ctx.uow())
    assert registered is not None and signing.fingerprint(registered) == result.key_fingerprint
    ctx.engine.dispose()


def test_bad_answers_are_refused_by_field_and_nothing_is_written(tmp_path: Path) -> None:
    bad = answers(desk.DatabaseChoice("postgresql", host="", port=0), court_name=" ",
                  court_code="Beijing", admin_password="",
                  key=desk.KeyChoice("import", str(tmp_path / "missing.pem")))
    with pytest.raises(ValidationError) as e:
        desk.apply(bad)
    assert {x.path for x in e.value.errors} == {
        "court.name", "court.code", "administrator.password", "database.host", "database.port",
        "signing_key.file"}
    assert not config.exists()
    assert not signing.key_path().exists()


def test_a_second_desk_checks_the_administrator_and_registers_its_own_key(tmp_path: Path) -> None:
    db = desk.DatabaseChoice("sqlite", path=str(tmp_path / "shared.sqlite"))
    first = desk.apply(answers(db))
    first_key = signing.key_path().read_bytes()
    # Another desk: its own data directory, the same database, its own key (issue 10 §5).
    os.environ[paths.DATA_ENV] = str(tmp_path / "desk2")
    with pytest.raises(ValidationError) as wrong:
        desk.apply(answers(db, admin_password="not the password"))
    assert wrong.value.errors[0].path == "administrator.password"
    assert not config.exists()  # not configured after a failure
    second = desk.apply(answers(db))
    assert not second.created_admin
    assert second.key_fingerprint != first.key_fingerprint
    assert signing.key_path().read_bytes() != first_key  # no shared private key
    assert config.load().database_url == first.database_url
    ctx = open_database(first.database_url)
    try:
        assert [k.fingerprint for k in keys.registered_keys(ctx.uow())] == [
            first.key_fingerprint, second.key_fingerprint]
    finally:
        ctx.engine.dispose()
    with pytest.raises(ValidationError) as other_court:
        desk.apply(answers(db, court_name="上海市浦东新区人民法院", court_code="沪0115"))
    assert other_court.value.errors[0].rule == "court.other"
    # A rebuilt desk gets its own key file back with "import".
    rebuilt = tmp_path / "desk1-key.pem"
    rebuilt.write_bytes(first_key)
    os.environ[paths.DATA_ENV] = str(tmp_path / "desk1-rebuilt")
    again = desk.apply(answers(db, key=desk.KeyChoice("import", str(rebuilt))))
    assert again.key_fingerprint == first.key_fingerprint


def test_postgresql_with_the_password_remembered_in_a_0600_file(empty_pg: EmptyPg) -> None:
    db = desk.DatabaseChoice("postgresql", host=empty_pg.host, port=empty_pg.port,
                             name=empty_pg.name, user=empty_pg.user, password=empty_pg.password,
                             remember_password=True)
    report = desk.test_connection(db)
    assert report.server.startswith("PostgreSQL") and not report.migrated and report.users == 0
    result = desk.apply(answers(db))
    assert result.passfile is not None
    assert stat.S_IMODE(result.passfile.stat().st_mode) == 0o600
    line = result.passfile.read_text(encoding="utf-8").strip()
    assert line == f"{empty_pg.host}:{empty_pg.port}:{empty_pg.name}:{empty_pg.user}:{empty_pg.password}"
    stored = config.load()
    assert stored.database_url is not None and not stored.ask_password
    assert make_url(stored.database_url).password is None  # never in courtapp.toml
    assert f":{empty_pg.password}@" not in paths.desk_config_path().read_text(encoding="utf-8")
    # The stored URL connects: libpq reads the password file it names.
    ctx = open_database(stored.database_url)
    try:
        assert migrate.current_revision(ctx.engine) == migrate.head_revision()
        assert auth.user_count(ctx.uow()) == 1
        assert desk.court_identity(ctx) == ("北京市朝阳区人民法院", "京0105")
    finally:
        ctx.engine.dispose()
    assert desk.test_connection(db).migrated


def test_postgresql_without_remembering_asks_at_start(empty_pg: EmptyPg) -> None:
    db = desk.DatabaseChoice("postgresql", host=empty_pg.host, port=empty_pg.port,
                             name=empty_pg.name, user=empty_pg.user, password=empty_pg.password,
                             remember_password=False)
    result = desk.apply(answers(db))
    assert result.passfile is None and not config.pgpass_path().exists()
    assert config.load().ask_password


def test_a_wrong_postgresql_password_is_one_message_without_the_password(empty_pg: EmptyPg) -> None:
    db = desk.DatabaseChoice("postgresql", host=empty_pg.host, port=empty_pg.port,
                             name=empty_pg.name, user=empty_pg.user, password="wrong-secret-42")
    with pytest.raises(desk.SetupError) as e:
        desk.test_connection(db)
    assert empty_pg.name in e.value.message("en")
    assert "wrong-secret-42" not in e.value.message("en") + e.value.message("zh")


def write_answers(tmp_path: Path, body: str, mode: int = 0o600) -> Path:
    p = tmp_path / "desk.toml"
    p.write_text(body, encoding="utf-8")
    p.chmod(mode)
    return p


ANSWERS = """
[court]
name = "北京市朝阳区人民法院"
code = "京0105"

[administrator]
username = "admin"
display_name = "系统管理员"
password_env = "COURTAPP_ADMIN_PASSWORD"

[database]
kind = "sqlite"
path = "{path}"

[signing_key]
action = "generate"
"""


def test_courtapp_setup_reads_an_answers_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db_file = tmp_path / "desk.sqlite"
    path = write_answers(tmp_path, ANSWERS.format(path=db_file))
    monkeypatch.setenv("COURTAPP_ADMIN_PASSWORD", PASSWORD)
    assert main(["--lang", "en", "setup", "--answers", str(path)]) == 0
    out = capsys.readouterr().out
    assert "desk set up" in out and "administrator admin (created)" in out
    ctx = open_database(config.database_url())
    assert auth.authenticate(ctx.uow(), "admin", PASSWORD).username == "admin"
    ctx.engine.dispose()
    # Once set up, a second run needs --force; it then checks the administrator.
    with pytest.raises(SystemExit) as again:
        main(["--lang", "en", "setup", "--answers", str(path)])
    assert "--force" in str(again.value.code)
    assert main(["--lang", "en", "setup", "--answers", str(path), "--force"]) == 0
    assert "administrator admin (checked)" in capsys.readouterr().out


def test_an_answers_file_with_a_readable_password_is_refused(tmp_path: Path) -> None:
    body = ANSWERS.format(path=tmp_path / "x.sqlite").replace(
        'password_env = "COURTAPP_ADMIN_PASSWORD"', f'password = "{PASSWORD}"')
    with pytest.raises(ValidationError) as e:
        desk.load_answers(write_answers(tmp_path, body, mode=0o644))
    assert e.value.errors[0].path == "administrator.password"
    assert desk.load_answers(write_answers(tmp_path, body, mode=0o600)).admin_password == PASSWORD


def test_an_answers_file_names_each_missing_secret(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COURTAPP_ADMIN_PASSWORD", raising=False)
    body = ANSWERS.format(path="x").replace('kind = "sqlite"', 'kind = "postgresql"\n'
                                            'password_file = "nope.txt"')
    with pytest.raises(ValidationError) as e:
        desk.load_answers(write_answers(tmp_path, body))
    assert {x.path for x in e.value.errors} == {"administrator.password_env",
                                                "database.password_file"}
