"""Signing keys per desk (issue 10 §5): the register of public keys.

Each desk signs with its own Ed25519 key, made on the desk on first use
(:func:`courtapp.core.services.documents.keys.desk_key`, encrypted at rest by
default); no private key is shared.  Its public key is registered
in ``signing_keys`` with the desk, the user who registered it and its validity:
``valid_from`` (the first document date it signed) to ``valid_to`` or the day
it was retired.

:func:`verify` accepts a document if a registered key signed it and that key
was valid on the document's date (the date in its signed QR code).  A retired
key still verifies what it signed before its retirement; a document signed by
an unregistered key, or dated after its key's validity, is refused with that
reason.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, date, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from courtapp.core.db.orm import SigningKeyRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents import signing
from courtapp.core.domain.errors import NotFound
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import audit

DESK_ENV = "COURTAPP_DESK"

__all__ = ["DESK_ENV", "RegisteredKey", "desk_name", "register", "latest_key", "registered_keys",
           "renew", "retire", "verify"]


@dataclass(frozen=True)
class RegisteredKey:
    fingerprint: str
    public_key: Ed25519PublicKey
    desk: str
    username: str
    valid_from: date
    valid_to: date | None
    retired_at: datetime | None

    @property
    def last_day(self) -> date | None:
        """The last document date this key may sign (None: open)."""
        days = [d for d in (self.valid_to, self.retired_at.date() if self.retired_at else None) if d]
        return min(days) if days else None

    def valid_on(self, day: date) -> bool:
        last = self.last_day
        return self.valid_from <= day and (last is None or day <= last)

    @property
    def active(self) -> bool:
        return self.retired_at is None


def desk_name() -> str:
    """This desk's name in the key register: ``$COURTAPP_DESK``, else the host name."""
    return (os.environ.get(DESK_ENV) or socket.gethostname() or "desk")[:100]


def _dto(r: SigningKeyRow) -> RegisteredKey:
    return RegisteredKey(r.fingerprint, signing.load_public_key(r.public_key), r.desk, r.username,
                         r.valid_from, r.valid_to, r.retired_at)


def registered_keys(uow: UnitOfWork) -> list[RegisteredKey]:
    """Every registered key, oldest first (reading needs no permission: verification is public)."""
    with uow:
        return [_dto(r) for r in uow.session.scalars(select(SigningKeyRow).order_by(SigningKeyRow.id))]


def latest_key(uow: UnitOfWork) -> RegisteredKey | None:
    """The most recently registered key still in use, if any."""
    active = [k for k in registered_keys(uow) if k.active]
    return active[-1] if active else None


def register(uow: UnitOfWork, actor: Actor, key: Ed25519PrivateKey, *,
             on: date | None = None) -> Ed25519PrivateKey:
    """Register this desk's ``key`` if it is not yet, and return it.

    ``on``: the date of the document about to be signed; a key's validity is
    widened back to it (a document may carry an earlier date than the day it
    is issued).  A retired key, or one past its ``valid_to``, signs nothing."""
    fp = signing.fingerprint(key)
    day = on or date.today()
    for _ in range(2):
        try:
            with uow:
                s = uow.session
                row = s.scalar(select(SigningKeyRow).where(SigningKeyRow.fingerprint == fp))
                if row is None:
                    row = SigningKeyRow(
                        fingerprint=fp, public_key=signing.public_key_pem(key), desk=desk_name(),
                        username=actor.username, valid_from=min(day, date.today()), valid_to=None,
                        registered_at=datetime.now(UTC), retired_at=None)
                    s.add(row)
                    s.flush()
                    audit.record(uow, actor, "signing_key.register", "signing_key", fp,
                                 after={"fingerprint": fp, "desk": row.desk,
                                        "valid_from": row.valid_from.isoformat()})
                    uow.commit()
                    return key
                found = _dto(row)
                if found.retired_at is not None or (found.last_day is not None and day > found.last_day):
                    raise signing.SigningKeyError(
                        f"this desk's signing key {fp} is retired or past its validity "
                        f"({found.last_day}); make a new one with `courtapp key new`")
                if day < row.valid_from:
                    before = row.valid_from.isoformat()
                    row.valid_from = day
                    audit.record(uow, actor, "signing_key.valid_from", "signing_key", fp,
                                 before={"valid_from": before}, after={"valid_from": day.isoformat()})
                    uow.commit()
                return key
        except IntegrityError:  # another process registered it at the same moment
            continue
    raise signing.SigningKeyError("could not register this desk's signing key")


def retire(uow: UnitOfWork, actor: Actor, fingerprint: str, *,
           at: datetime | None = None) -> RegisteredKey:
    """Retire a key: it signs nothing from now on and still verifies what it signed."""
    require(actor, Permission.SETTINGS_EDIT)
    with uow:
        row = uow.session.scalar(select(SigningKeyRow).where(SigningKeyRow.fingerprint == fingerprint))
        if row is None:
            raise NotFound(f"no registered signing key {fingerprint}")
        if row.retired_at is None:
            row.retired_at = at or datetime.now(UTC)
            row.retired_by = actor.username
            audit.record(uow, actor, "signing_key.retire", "signing_key", fingerprint,
                         after={"retired_at": row.retired_at.isoformat()})
            uow.commit()
        return _dto(row)


def renew(uow: UnitOfWork, actor: Actor) -> tuple[str | None, Ed25519PrivateKey]:
    """Retire this desk's key (its file kept as ``….retired-<fingerprint>.pem``) and
    make, register and return a new one; returns the old fingerprint too."""
    require(actor, Permission.SETTINGS_EDIT)
    path = signing.key_path()
    old: str | None = None
    if path.exists():
        old = signing.fingerprint(signing.load_private_key(path))
        if any(k.fingerprint == old for k in registered_keys(uow)):
            retire(uow, actor, old)
        path.rename(path.with_name(f"{path.stem}.retired-{old}.pem"))
    return old, register(uow, actor, signing.load_or_create_private_key())


# ------------------------------------------------------------------ verify
def _in_validity(k: RegisteredKey, verdict: signing.Verdict) -> signing.Verdict:
    """A verdict that ``k`` signed the document, checked against ``k``'s validity."""
    try:
        day = date.fromisoformat(str(verdict.fields.get("issued_on", "")))
    except ValueError:
        return verdict
    if k.valid_on(day):
        return signing.Verdict(True, f"{verdict.reason_en} (desk {k.desk}, key {k.fingerprint})",
                               f"{verdict.reason_zh}（{k.desk}，密钥{k.fingerprint}）",
                               dict(verdict.fields, key_fingerprint=k.fingerprint))
    span = f"{k.valid_from} to {k.last_day or 'open'}"
    return signing.Verdict(
        False, f"signed by key {k.fingerprint} (desk {k.desk}) but dated {day}, outside the "
               f"key's validity ({span}){'; the key is retired' if k.retired_at else ''}",
        f"文书日期{day}不在签名密钥{k.fingerprint}（{k.desk}）的有效期内（{span}）",
        dict(verdict.fields))


def _mismatch(v: signing.Verdict) -> bool:
    return not v.valid and "does not match" in v.reason_en


def verify(keys: list[RegisteredKey], *, pdf: bytes | None = None,
           qr: str | None = None) -> signing.Verdict:
    """Check an issued PDF or a scanned QR text against the registered keys: valid
    if one of them signed it and was valid on the document's date."""
    if not keys:
        return signing.Verdict(False, "no signing key is registered for this court",
                               "本院尚未登记任何签名密钥")
    results = [(k, signing.verify_pdf(pdf, k.public_key) if pdf is not None
                else signing.verify_qr(qr or "", k.public_key)) for k in keys]
    for k, v in results:
        if v.valid:
            return _in_validity(k, v)
    other = [v for _, v in results if not _mismatch(v)]
    if other:  # not a signature problem: not a PDF, a copied QR code...
        return other[0]
    if pdf is not None:
        code = signing.embedded(pdf)[0]
        for k, v in results:
            if code and signing.verify_qr(code, k.public_key).valid:
                return v  # a registered key's document, altered afterwards
        return signing.Verdict(
            False, "the file's signature does not match any key registered for this court: the "
                   "file was altered, or it was signed with an unregistered key",
            "文件签名与本院登记的任何密钥均不符：文件已被改动，或由未登记的密钥签名",
            dict(results[0][1].fields))
    return signing.Verdict(
        False, "the code's signature does not match any key registered for this court: it was "
               "altered, or signed with an unregistered key",
        "核验码签名与本院登记的任何密钥均不符：已被篡改或由未登记的密钥签名",
        dict(results[0][1].fields))
