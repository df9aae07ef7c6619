"""user roles in their own table, one row per role, instead of a comma-joined column

Revision ID: 0007_user_roles
Revises: 0006_history_codes
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_user_roles'
down_revision = '0006_history_codes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('roles', sa.String))
    rows = [{"user_id": uid, "role": r} for uid, text in conn.execute(sa.select(users.c.id, users.c.roles))
            for r in sorted({x for x in (text or "").split(",") if x})]
    # Drop the column first: on SQLite the batch operation rebuilds the users table,
    # and dropping the old copy would cascade to a user_roles table made before it.
    with op.batch_alter_table('users') as batch:
        batch.drop_column('roles')
    op.create_table(
        'user_roles',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.Enum('judge', 'president', 'clerk', 'counter', 'administrator',
                                  'auditor', name='role', native_enum=False,
                                  create_constraint=False, length=16), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_roles_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'role', name=op.f('pk_user_roles')))
    if rows:
        roles = sa.table('user_roles', sa.column('user_id', sa.Integer), sa.column('role', sa.String))
        conn.execute(roles.insert(), rows)


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('roles', sa.String(length=200), nullable=False, server_default=''))
    conn = op.get_bind()
    for uid, role in conn.execute(sa.text("select user_id, role from user_roles order by role")).all():
        conn.execute(sa.text("update users set roles = case when roles = '' then :r "
                             "else roles || ',' || :r end where id = :u"), {"r": role, "u": uid})
    op.drop_table('user_roles')
