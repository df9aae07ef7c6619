"""The audit chain's hashes (RULES.md R-R6; 2017 Provisions Art. 13).

Court staff answer for a wrongful publication or deletion, so the record of
who changed what must show when it was edited behind the application's back.
Each audit row is sealed by SHA-256 over the canonical JSON of its fields and
the previous row's hash; each audited entity's database rows are digested when
the change is committed, so a later direct change of those rows (a payment's
amount multiplied in SQL) no longer matches.  Pure functions: the repository
and migration 0014 use the same ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from courtapp.core.domain.canonical import canonical_json

#: The ``prev_hash`` of the first row of the chain.
GENESIS = "0" * 64

#: The fields of an audit row that its hash covers, in the order of the columns.
SEALED_FIELDS = ("seq", "at", "user_id", "username", "action", "entity_type", "entity_id",
                 "before", "after", "legal_ground", "reason", "content_hash", "prev_hash")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: Column values that are plain JSON already (most of them): returned as they are.
_AS_IS = frozenset({str, int, bool, float, type(None)})


def plain(value: Any) -> Any:
    """A column value as plain JSON, the same on SQLite and PostgreSQL: a
    timestamp in UTC (a naive one read back from SQLite *is* UTC), a date in ISO
    form, bytes by their SHA-256, a Decimal as text."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, Decimal):
        return str(value)
    return value


def row_hash(fields: Mapping[str, Any]) -> str:
    """The hash sealing one audit row (``fields`` holds :data:`SEALED_FIELDS`)."""
    return sha256(canonical_json({k: plain(fields.get(k)) for k in SEALED_FIELDS}) or "")


def row_digest(row: Mapping[str, Any]) -> str:
    """The digest of one database row's content (every column)."""
    return sha256(canonical_json({k: plain(v) for k, v in row.items()}) or "")


def content_hash(digests: Mapping[str, str]) -> str:
    """The hash of an entity's content: over its rows' digests (keyed ``table#id``)."""
    return sha256(canonical_json(dict(digests)) or "")


__all__ = ["GENESIS", "SEALED_FIELDS", "content_hash", "plain", "row_digest", "row_hash", "sha256"]
