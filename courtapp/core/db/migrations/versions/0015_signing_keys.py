"""signing keys: one per desk, public keys registered with desk, user and validity

Revision ID: 0015_signing_keys
Revises: 0014_audit_chain
Create Date: 2026-12-02 14:30:00

Each desk signs with its own Ed25519 key (issue 10 §5); ``courtapp verify``
accepts any key registered here that was valid on the document's date.  The
one court key of before (the setting ``documents.court_public_key``) becomes
the first registered key, valid from 1970-01-01 so that it still verifies
every document it signed; the setting is removed.
"""
from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op
from cryptography.hazmat.primitives import serialization

revision = '0015_signing_keys'
down_revision = '0014_audit_chain'
branch_labels = None
depends_on = None

_SETTING = "documents.court_public_key"


def upgrade() -> None:
    keys = op.create_table(
        "signing_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("fingerprint", sa.String(16), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("desk", sa.String(100), nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retired_by", sa.String(100), nullable=True),
        sa.UniqueConstraint("fingerprint", name="uq_signing_keys_fingerprint"),
    )
    conn = op.get_bind()
    pem = conn.execute(sa.text("SELECT value FROM settings WHERE key = :k"), {"k": _SETTING}).scalar()
    if pem:
        pub = serialization.load_pem_public_key(pem.encode("ascii"))
        raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        op.bulk_insert(keys, [{
            "fingerprint": hashlib.sha256(raw).hexdigest()[:16], "public_key": pem,
            "desk": "court key (before 0015)", "username": "", "valid_from": date(1970, 1, 1),
            "valid_to": None, "registered_at": datetime.now(UTC), "retired_at": None,
            "retired_by": None}])
        conn.execute(sa.text("DELETE FROM settings WHERE key = :k"), {"k": _SETTING})


def downgrade() -> None:
    conn = op.get_bind()
    pem = conn.execute(sa.text("SELECT public_key FROM signing_keys ORDER BY id LIMIT 1")).scalar()
    if pem:
        conn.execute(sa.text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                     {"k": _SETTING, "v": pem})
    op.drop_table("signing_keys")
