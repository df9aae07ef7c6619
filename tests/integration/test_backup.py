"""``courtapp export --all``, ``backup`` and ``restore`` (issue 10 §5).

A small demo court (30 cases, with documents and petitions issued through the
services) is backed up, restored into a fresh SQLite file and, when
``COURTAPP_TEST_DATABASE_URL`` is set, a fresh PostgreSQL database; ``export
--all`` must give the same bytes from the source and from each restore.
"""

from __future__ import annotations

import gzip
import json
import os
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from setup_fixtures import fresh_pg_url
from sqlalchemy import create_engine, func, select

from courtapp.cli import main
from courtapp.cli.demo import load_demo
from courtapp.core import interchange
from courtapp.core.context import AppContext, open_database
from courtapp.core.db.orm import Base
from courtapp.core.documents import signing
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import auth, backup

PG_URL = os.environ.get("COURTAPP_TEST_DATABASE_URL")
ADMIN = Actor(username="admin", roles=frozenset({Role.ADMIN}), display_name="admin")


fresh_pg = fresh_pg_url  # a new, empty PostgreSQL database


@pytest.fixture
def court(db: AppContext) -> AppContext:
    load_demo(db, 30, seed=2026, batch=5000, quiet=True)
    return db


def export_all(url: str, out: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    assert main(["--database", url, "export", "--all", "-o", str(out)]) == 0
    capsys.readouterr()
    return out.read_bytes()


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return {t.name: c.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_export_all_is_deterministic_complete_and_reads_back(
        court: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = export_all(court.url, tmp_path / "a.json", capsys)
    assert export_all(court.url, tmp_path / "b.json", capsys) == first
    docs = json.loads(first)
    assert len(docs) == 30
    numbers = [d["case_number"] for d in docs]
    assert numbers == sorted(numbers)
    assert sum(len(d["documents"]) for d in docs) > 0
    assert sum(len(d["petitions"]) for d in docs) > 0
    assert sum(len(d.get("listings", [])) for d in docs) > 0
    assert sum(len(d["payments"]) for d in docs) > 0
    doc = next(d for d in docs if d["documents"])["documents"][0]
    assert len(doc["content_hash"]) == 64 and len(doc["pdf_sha256"]) == 64
    schema = json.loads((Path(__file__).resolve().parents[2] / "docs" /
                         "interchange-v1.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(docs)) == []
    # The export-only lists do not stop an import of the same file.
    assert len(interchange.loads(first.decode("utf-8"), today=datetime.now(UTC).date())) == 30
    # JSON Lines: the same cases, one per line.
    assert main(["--database", court.url, "export", "--all", "--jsonl", "-o",
                 str(tmp_path / "c.jsonl")]) == 0
    lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == docs


def test_backup_restores_into_sqlite_and_postgresql_with_identical_export(
        court: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(backup.PASSWORD_ENV, "correct horse battery staple")
    if court.engine.dialect.name == "sqlite" and PG_URL:
        # A PostgreSQL copy has no console operator (issue 10 §3): someone to log
        # in as there, carried over by the backup like every user.
        auth.add_user(court.uow(), ADMIN, "restorer", "恢复测试", "restorer-password-1",
                      {Role.JUDGE, Role.ADMIN})
        monkeypatch.setenv("COURTAPP_USER", "restorer")
        monkeypatch.setenv("COURTAPP_PASSWORD", "restorer-password-1")
    source = export_all(court.url, tmp_path / "source.json", capsys)
    file = tmp_path / "court.cab.gz"
    assert main(["--database", court.url, "backup", str(file)]) == 0
    assert "backup written" in capsys.readouterr().out
    with gzip.open(file, "rt", encoding="utf-8") as f:
        head = json.loads(f.readline())
    assert head["format"] == "courtapp-backup" and head["dialect"] == court.engine.dialect.name
    assert head["schema_revision"] and head["created_at"]

    targets = [f"sqlite+pysqlite:///{tmp_path / 'restored.sqlite'}"]
    with ExitStack() as stack:
        if PG_URL:
            targets.append(stack.enter_context(fresh_pg()))
        for url in targets:
            assert main(["--database", url, "restore", str(file)]) == 0, url
            assert "restored" in capsys.readouterr().out
            assert export_all(url, tmp_path / "restored.json", capsys) == source, url
            # All but the backup's own row (written after the snapshot), plus the
            # restored copy's own login for the export when the command logged in.
            logins = 1 if os.environ.get("COURTAPP_USER") else 0
            assert counts(url)["audit_log"] == counts(court.url)["audit_log"] - 1 + logins
            # The restored database works on: new rows get new ids (sequences on PostgreSQL).
            ctx = open_database(url)
            try:
                auth.add_user(ctx.uow(), ADMIN, "newclerk", "New Clerk", "a-long-password-1",
                              {Role.CLERK})
            finally:
                ctx.engine.dispose()


def test_restore_into_a_non_empty_database_is_refused_and_changes_nothing(
        court: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "court.cab.gz"
    assert backup.backup(court.uow(), ADMIN, file, password="pw").total > 0
    before = export_all(court.url, tmp_path / "before.json", capsys)
    before_counts = counts(court.url)  # after the export (a logged-in export audits its login)
    assert main(["--database", court.url, "restore", str(file)]) == 1
    err = [x for x in capsys.readouterr().err.strip().splitlines()
           if "password in --database" not in x]  # the test server's URL carries one
    assert len(err) == 1 and "not empty" in err[0] and "Traceback" not in err[0]
    assert counts(court.url) == before_counts
    assert export_all(court.url, tmp_path / "after.json", capsys) == before


def test_a_desk_with_a_key_backs_up_only_with_a_password_and_the_key_comes_back(
        court: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(backup.PASSWORD_ENV, raising=False)
    keys = signing.private_key_files()
    assert keys  # the demo issued documents, so this desk made its key
    file = tmp_path / "court.cab.gz"
    assert main(["--database", court.url, "backup", str(file)]) == 1
    assert backup.PASSWORD_ENV in capsys.readouterr().err
    assert not file.exists()

    monkeypatch.setenv(backup.PASSWORD_ENV, "s3cret-pass")
    assert main(["--database", court.url, "backup", str(file)]) == 0
    raw = gzip.decompress(file.read_bytes())
    for k in keys:  # encrypted: neither the PEM nor its base64 appear
        assert b"PRIVATE KEY" not in raw and k.read_bytes()[40:80] not in raw

    rebuilt = tmp_path / "rebuilt-desk"
    monkeypatch.setenv("COURTAPP_DATA_DIR", str(rebuilt))
    monkeypatch.setenv(backup.PASSWORD_ENV, "wrong")
    url = f"sqlite+pysqlite:///{tmp_path / 'r.sqlite'}"
    assert main(["--database", url, "restore", str(file), "--keys"]) == 1
    assert "password is wrong" in capsys.readouterr().err
    assert not (tmp_path / "r.sqlite").exists() or counts(url).get("cases", 0) == 0
    monkeypatch.setenv(backup.PASSWORD_ENV, "s3cret-pass")
    assert main(["--database", url, "restore", str(file), "--keys"]) == 0
    for k in keys:
        assert (rebuilt / k.name).read_bytes() == k.read_bytes()


def test_the_last_backup_is_recorded_and_overdue_after_the_configured_days(
        court: AppContext, tmp_path: Path) -> None:
    status = backup.backup_status(court.uow())
    assert status.last is None and status.overdue and status.max_age_days == 7
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    backup.backup(court.uow(), ADMIN, tmp_path / "b.gz", password="pw", now=at)
    status = backup.backup_status(court.uow(), now=at + timedelta(days=6))
    assert status.last is not None and status.last.at == at and not status.overdue
    assert status.last.file.endswith("b.gz") and status.last.rows > 0
    assert backup.backup_status(court.uow(), now=at + timedelta(days=8)).overdue
