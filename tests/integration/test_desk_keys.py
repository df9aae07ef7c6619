"""Signing keys per desk (issue 10 §5): registered with desk, user and validity;
``courtapp verify`` accepts any registered key valid on the document's date; a
retired key still verifies what it signed; keys are encrypted at rest."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from document_fixtures import CLERK, Court, build_court
from sqlalchemy import text

from courtapp.cli import main
from courtapp.core.context import AppContext
from courtapp.core.db import migrate
from courtapp.core.db.engine import make_engine
from courtapp.core.documents import signing
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import documents as ds
from courtapp.core.services import keys

ADMIN = Actor("admin", frozenset({Role.ADMIN}))


@pytest.fixture
def court(db: AppContext) -> Court:
    return build_court(db)


def issue(db: AppContext, court: Court, kind: DocKind, on: date,
          key: Ed25519PrivateKey | None = None) -> ds.Issued:
    return ds.issue(db.uow(), CLERK, kind, court.case_id, respondent=0, issued_on=on, key=key)


def verify(db: AppContext, pdf: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str],
           *more: str) -> tuple[int, str]:
    f = tmp_path / "doc.pdf"
    f.write_bytes(pdf)
    capsys.readouterr()
    code = main(["--database", db.url, "verify", str(f), *more])
    return code, capsys.readouterr().out.strip()


def test_a_retired_key_verifies_what_it_signed_and_nothing_dated_after(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    old_doc = issue(db, court, DocKind.EXECUTION_NOTICE, date(2026, 5, 11))
    old_key = signing.load_private_key(signing.key_path())
    fp = signing.fingerprint(old_key)
    [reg] = keys.registered_keys(db.uow())
    assert reg.fingerprint == fp and reg.valid_from == date(2026, 5, 11) and reg.active
    assert reg.username == CLERK.username

    keys.retire(db.uow(), ADMIN, fp, at=datetime(2026, 6, 1, 12, 0, tzinfo=UTC))
    code, out = verify(db, old_doc.pdf, tmp_path, capsys)
    assert code == 0 and out.startswith("valid: ") and fp in out

    # The retired key signs nothing through the services...
    with pytest.raises(signing.SigningKeyError, match="retired"):
        issue(db, court, DocKind.WARNING, date(2026, 6, 10))
    # ...and a document it signed anyway, dated after its retirement, fails with the reason.
    late = issue(db, court, DocKind.WARNING, date(2026, 6, 10), key=old_key)
    code, out = verify(db, late.pdf, tmp_path, capsys)
    assert code == 1 and "outside the key's validity" in out and "retired" in out

    # The desk makes a new key; both are registered; the new one signs and verifies.
    assert main(["--database", db.url, "key", "new"]) == 0
    assert "retired" in capsys.readouterr().out
    fresh = issue(db, court, DocKind.WARNING, date(2026, 6, 10))
    code, out = verify(db, fresh.pdf, tmp_path, capsys)
    assert code == 0, out
    assert main(["--database", db.url, "key", "list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(fp) and "retired 2026-06-01" in lines[0]
    assert lines[1].endswith("active")
    # The retired key file is kept (encrypted), and goes into a backup.
    assert len(signing.private_key_files()) == 2
    assert all(b"ENCRYPTED" in p.read_bytes() for p in signing.private_key_files())


def test_a_document_signed_by_an_unregistered_key_fails_with_that_reason(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    issue(db, court, DocKind.EXECUTION_NOTICE, date(2026, 5, 11))  # registers this desk's key
    stranger = issue(db, court, DocKind.WARNING, date(2026, 5, 11), key=Ed25519PrivateKey.generate())
    code, out = verify(db, stranger.pdf, tmp_path, capsys)
    assert code == 1
    assert out.startswith("invalid: the file's signature does not match any key registered")
    qr, _ = signing.embedded(stranger.pdf)
    assert qr is not None
    capsys.readouterr()
    assert main(["--database", db.url, "verify", "--qr", qr]) == 1
    assert "any key registered for this court" in capsys.readouterr().out


def test_a_document_dated_before_the_keys_registration_widens_its_validity(
        db: AppContext, court: Court) -> None:
    issue(db, court, DocKind.EXECUTION_NOTICE, date(2026, 5, 11))
    issue(db, court, DocKind.WARNING, date(2026, 5, 4))
    [reg] = keys.registered_keys(db.uow())
    assert reg.valid_from == date(2026, 5, 4)


def test_the_one_court_key_of_before_becomes_the_first_registered_key(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+pysqlite:///{tmp_path / 'old.sqlite'}")
    try:
        migrate.upgrade(engine, "0012_statistics")
        key = Ed25519PrivateKey.generate()
        with engine.begin() as c:
            c.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                      {"k": "documents.court_public_key", "v": signing.public_key_pem(key)})
        migrate.upgrade(engine)
        from courtapp.core.db.uow import UnitOfWork

        [reg] = keys.registered_keys(UnitOfWork(engine))
        assert reg.fingerprint == signing.fingerprint(key) and reg.valid_from == date(1970, 1, 1)
        with engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM settings WHERE key = "
                                  "'documents.court_public_key'")).scalar_one() == 0
    finally:
        engine.dispose()
