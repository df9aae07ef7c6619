"""The court key (issue 4 §5).

Each desk holds the private key in its data directory
(:mod:`courtapp.core.documents.signing`); the first desk to issue registers
the public key in the settings table, and a desk whose key differs is refused,
so every document of a court verifies with the one public key.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents import signing
from courtapp.core.domain.roles import Actor
from courtapp.core.services import audit

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

SETTING_PUBLIC_KEY = "documents.court_public_key"

#: This desk's key as read from its file, by (path, modification time, size, passphrase):
#: read (and decrypted) once per process, again only when the file changes.
_DESK_KEYS: dict[tuple[str, int, int, str | None], Ed25519PrivateKey] = {}
_DESK_KEYS_LOCK = threading.Lock()


def desk_key(*, create: bool = True) -> Ed25519PrivateKey | None:
    """This desk's court key (made on first use unless ``create`` is false: then None
    when there is none yet), loaded once per process."""
    path = signing.key_path()
    with _DESK_KEYS_LOCK:
        try:
            st = path.stat()
        except FileNotFoundError:
            if not create:
                return None
            signing.load_or_create_private_key()
            st = path.stat()
        stamp = (str(path), st.st_mtime_ns, st.st_size, os.environ.get(signing.PASSPHRASE_ENV))
        key = _DESK_KEYS.get(stamp)
        if key is None:
            key = _DESK_KEYS[stamp] = signing.load_private_key(path)
        return key


def court_public_key(uow: UnitOfWork) -> Ed25519PublicKey | None:
    """The court's public key registered in the database, if any."""
    with uow:
        pem = uow.settings.get(SETTING_PUBLIC_KEY)
        return signing.load_public_key(pem) if pem is not None else None


def court_signing_key(uow: UnitOfWork, actor: Actor) -> Ed25519PrivateKey:
    """This desk's court key (made on first use), registered in the database on
    first use; refused if the database already knows another key."""
    key = desk_key()
    assert key is not None
    for _ in range(2):
        try:
            with uow:
                pem = uow.settings.add_if_absent(SETTING_PUBLIC_KEY, signing.public_key_pem(key))
                if pem is None:
                    audit.record(uow, actor, "court_key.register", "setting", SETTING_PUBLIC_KEY,
                                 after={"fingerprint": signing.fingerprint(key)})
                    uow.commit()
                    return key
                registered = signing.load_public_key(pem)
        except IntegrityError:  # another desk registered it at the same moment
            continue
        if not signing.same_key(registered, key):
            raise signing.SigningKeyError(
                f"this desk's signing key ({signing.fingerprint(key)}, {signing.key_path()}) is "
                f"not the court's key registered in the database ({signing.fingerprint(registered)}); "
                "copy the court key file from the desk that issued the first document")
        return key
    raise signing.SigningKeyError("could not register the court key")
