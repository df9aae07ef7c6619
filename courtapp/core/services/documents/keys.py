"""This desk's signing key (issue 4 §5, issue 10 §5).

Each desk holds its own private key in its data directory
(:mod:`courtapp.core.documents.signing`, encrypted at rest by default) and
registers its public key in ``signing_keys`` the first time it signs
(:mod:`courtapp.core.services.keys`); every registered key verifies.
"""

from __future__ import annotations

import os
import threading
from datetime import date
from typing import TYPE_CHECKING

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents import signing
from courtapp.core.domain.roles import Actor
from courtapp.core.services import keys

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

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
    """The public key registered last that is still in use (one of the desks' keys;
    :func:`courtapp.core.services.keys.verify` accepts any registered key)."""
    latest = keys.latest_key(uow)
    return latest.public_key if latest is not None else None


def court_signing_key(uow: UnitOfWork, actor: Actor, *, on: date | None = None) -> Ed25519PrivateKey:
    """This desk's own key (made on first use), registered in the database with the
    desk, the user and its validity (issue 10 §5); ``on``: the date of the
    documents about to be signed.  A retired key is refused."""
    key = desk_key()
    assert key is not None
    return keys.register(uow, actor, key, on=on)
