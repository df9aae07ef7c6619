"""``courtapp backup`` and ``courtapp restore`` (issue 10 §5).

A backup is one file in the format of :mod:`courtapp.core.db.dump`: every
table, read in one consistent snapshot while desks keep working, plus this
desk's private signing key files, encrypted with the backup password
(scrypt, then AES-256-GCM).  The password comes from
``COURTAPP_BACKUP_PASSWORD`` (or the CLI's prompt); without one, a desk that
has a key refuses to back up rather than write the key in the clear or leave
it out silently.

The last backup (when, which file, how many rows) is kept in the setting
``backup.last`` of the database it was taken from; the Admin screen shows it
and warns when it is older than ``backup.max_age_days``
(:data:`courtapp.core.settings.BACKUP_MAX_AGE_DAYS`).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from courtapp import __version__
from courtapp.core import settings
from courtapp.core.db import dump, migrate
from courtapp.core.db.dump import BackupError, DumpResult, NotEmpty
from courtapp.core.db.engine import make_engine, normalise_url
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents import signing
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import audit

PASSWORD_ENV = "COURTAPP_BACKUP_PASSWORD"
SETTING_LAST = "backup.last"
_SCRYPT_N = 2**15

__all__ = ["PASSWORD_ENV", "BackupError", "BackupInfo", "BackupStatus", "NotEmpty",
           "backup", "backup_status", "restore"]


@dataclass(frozen=True)
class BackupInfo:
    """What ``backup.last`` records."""

    at: datetime
    file: str
    rows: int
    dialect: str

    def to_json(self) -> str:
        return json.dumps({"at": self.at.isoformat(), "file": self.file, "rows": self.rows,
                           "dialect": self.dialect}, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> BackupInfo | None:
        try:
            d = json.loads(text)
            return BackupInfo(datetime.fromisoformat(d["at"]), str(d["file"]), int(d["rows"]),
                              str(d["dialect"]))
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class BackupStatus:
    """For the Admin screen: the last backup and whether it is too old (or missing)."""

    last: BackupInfo | None
    max_age_days: int
    overdue: bool


# ------------------------------------------------------------------ keys
def _kdf(password: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=8, p=1).derive(password.encode("utf-8"))


def encrypt_keys(files: dict[str, bytes], password: str) -> dict[str, Any]:
    salt, nonce = os.urandom(16), os.urandom(12)
    plain = json.dumps({k: base64.b64encode(v).decode("ascii") for k, v in sorted(files.items())})
    sealed = AESGCM(_kdf(password, salt)).encrypt(nonce, plain.encode("utf-8"), b"courtapp-backup-keys")
    return {"kdf": "scrypt", "n": _SCRYPT_N, "r": 8, "p": 1, "cipher": "AES-256-GCM",
            "salt": base64.b64encode(salt).decode("ascii"),
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "ciphertext": base64.b64encode(sealed).decode("ascii"), "files": sorted(files)}


def decrypt_keys(blob: dict[str, Any], password: str) -> dict[str, bytes]:
    try:
        salt, nonce = base64.b64decode(blob["salt"]), base64.b64decode(blob["nonce"])
        plain = AESGCM(_kdf(password, salt)).decrypt(
            nonce, base64.b64decode(blob["ciphertext"]), b"courtapp-backup-keys")
    except InvalidTag:
        raise BackupError("the backup password is wrong: the keys cannot be decrypted") from None
    except (KeyError, ValueError, TypeError):
        raise BackupError("the keys in the backup are damaged") from None
    return {k: base64.b64decode(v) for k, v in json.loads(plain).items()}


def _password(password: str | None) -> str | None:
    return password if password is not None else (os.environ.get(PASSWORD_ENV) or None)


# ---------------------------------------------------------------- backup
def backup(uow: UnitOfWork, actor: Actor, path: Path, *, password: str | None = None,
           key_dir: Path | None = None, now: datetime | None = None) -> DumpResult:
    """Write a backup of ``uow``'s database to ``path`` and record it as the last one.

    The private key files of this desk (under ``key_dir``, by default the data
    directory) go in encrypted with ``password`` (default ``$COURTAPP_BACKUP_PASSWORD``);
    a desk with keys and no password is refused before anything is written."""
    require(actor, Permission.SETTINGS_EDIT)
    files = signing.private_key_files(key_dir)
    secret = _password(password)
    if files and secret is None:
        raise BackupError(f"this desk's signing keys go into the backup encrypted: set {PASSWORD_ENV} "
                          "(or answer the prompt)")
    keys = encrypt_keys({p.name: p.read_bytes() for p in files}, secret) if files and secret else None
    at = (now or datetime.now(UTC)).replace(microsecond=0)
    header = {"created_at": at.isoformat(), "dialect": uow.dialect, "courtapp": __version__}
    result = dump.dump(uow.engine, path, header, keys)
    with uow:
        info = BackupInfo(at, str(path.resolve()), result.total, uow.dialect)
        before = uow.settings.put(SETTING_LAST, info.to_json())
        audit.record(uow, actor, "backup.create", "setting", SETTING_LAST,
                     before=before, after=info.to_json())
        uow.commit()
    return result


def backup_status(uow: UnitOfWork, *, now: datetime | None = None) -> BackupStatus:
    with uow:
        raw = uow.settings.get(SETTING_LAST)
        days = settings.value(uow.settings, settings.BACKUP_MAX_AGE_DAYS)
    last = BackupInfo.from_json(raw) if raw else None
    moment = now or datetime.now(UTC)
    overdue = last is None or moment - last.at > timedelta(days=days)
    return BackupStatus(last, days, overdue)


# --------------------------------------------------------------- restore
def restore(url: str, path: Path, *, password: str | None = None,
            key_dir: Path | None = None, install_keys: bool = False) -> tuple[DumpResult, list[Path]]:
    """Fill the empty database at ``url`` from the backup at ``path``.

    Migrates it to the backup's schema revision, loads every table in one
    transaction, then migrates it to the newest revision.  A database holding
    data is refused (:class:`NotEmpty`) and left as it was.  With
    ``install_keys`` the backup's key files are decrypted into ``key_dir``
    (never over an existing file); returns the files written."""
    head, blob = dump.read_header(path)
    secret = _password(password)
    keys: dict[str, bytes] = {}
    if install_keys:
        if blob is None:
            raise BackupError("this backup holds no signing keys")
        if secret is None:
            raise BackupError(f"the keys in the backup are encrypted: set {PASSWORD_ENV}")
        keys = decrypt_keys(blob, secret)  # a wrong password is refused before any change
    engine = make_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            occupied = dump.non_empty_table(conn) if migrate.current_revision(engine) else None
        if occupied is not None:
            raise NotEmpty(occupied)
        revision = head.get("schema_revision")
        current = migrate.current_revision(engine)
        if revision and current is None:
            migrate.upgrade(engine, revision)
        result = dump.load(engine, path)
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    written: list[Path] = []
    for name, data in keys.items():
        target = signing.install_private_key_file(name, data, key_dir)
        if target is not None:
            written.append(target)
    return result, written
