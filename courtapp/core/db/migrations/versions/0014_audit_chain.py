"""audit chain: content digests, the chain's head, login sessions; audit rows cannot be edited

Revision ID: 0014_audit_chain
Revises: 0012_statistics
Create Date: 2026-12-02 14:30:00

RULES.md R-R6 (2017 Provisions Art. 13): the audit log becomes a hash chain.
``audit_log`` gains ``content_hash`` and ``content_digests`` (the audited
entity's rows as they stood after the change) and an index on ``username``
(the auditor's trail by user); ``audit_head`` holds the chain's last ``seq``
and hash and is locked by every append, so desks never fork the chain.  The
rows already there are chained here in ``seq`` order (their content was not
recorded, so only the chain covers them).  ``login_sessions`` holds the
hashes of ``courtapp login`` tokens.  On PostgreSQL a trigger (a PL/pgSQL
function raising an error) then refuses UPDATE, DELETE and TRUNCATE on
``audit_log``.  SQLite gets none: the desk's file belongs to its OS user, who
can drop any trigger, so there the chain is the guard.  (A database owner can
drop the PostgreSQL triggers too; ``courtapp audit verify`` is what shows an
edit.)
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014_audit_chain'
down_revision = '0012_statistics'
branch_labels = None
depends_on = None


def _chain_existing_rows() -> tuple[int, str | None]:
    from courtapp.core.domain import audit_chain

    conn = op.get_bind()
    # Typed as the model types them, so that the values hashed here are the ones
    # ``audit verify`` reads back (a timestamp, not SQLite's text of it).
    audit = sa.table(
        'audit_log', sa.column('seq', sa.BigInteger()), sa.column('at', sa.DateTime(timezone=True)),
        sa.column('user_id', sa.Integer()),
        *(sa.column(c, sa.Text()) for c in (
            'username', 'action', 'entity_type', 'entity_id', 'before', 'after', 'legal_ground',
            'reason', 'content_hash', 'prev_hash', 'row_hash')))
    prev, seq = audit_chain.GENESIS, 0
    rows = conn.execute(sa.select(audit).order_by(audit.c.seq)).mappings().all()
    for r in rows:
        fields = {**r, "prev_hash": prev, "content_hash": None}
        h = audit_chain.row_hash(fields)
        conn.execute(audit.update().where(audit.c.seq == r["seq"])
                     .values(prev_hash=prev, row_hash=h, content_hash=None))
        prev, seq = h, int(r["seq"])
    return seq, (prev if rows else None)


def upgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('content_digests', sa.Text(), nullable=True))
        batch_op.create_index('ix_audit_log_username', ['username'], unique=False)
    op.create_table(
        'audit_head',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('row_hash', sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head')))
    op.create_table(
        'login_sessions',
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_login_sessions_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_login_sessions')))
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_sessions_user_id'), ['user_id'], unique=False)

    seq, head = _chain_existing_rows()
    op.get_bind().execute(sa.text("INSERT INTO audit_head (id, seq, row_hash) VALUES (1, :s, :h)"),
                          {"s": seq, "h": head})

    if op.get_bind().dialect.name == 'postgresql':
        op.execute("""
            CREATE FUNCTION courtapp_audit_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only (RULES.md R-R6): % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION courtapp_audit_append_only()""")
        op.execute("""
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION courtapp_audit_append_only()""")
    # No trigger on SQLite: the desk's file belongs to its OS user, who can drop
    # any trigger; there the hash chain (`courtapp audit verify`) is the guard,
    # and a direct UPDATE or DELETE of an audit row is named by verify.


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS courtapp_audit_append_only()")
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_sessions_user_id'))
    op.drop_table('login_sessions')
    op.drop_table('audit_head')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_username')
        batch_op.drop_column('content_digests')
        batch_op.drop_column('content_hash')
