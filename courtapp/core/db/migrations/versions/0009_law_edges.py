"""law at the edges: a campus-loan exception's reason, an act's money equivalent

Revision ID: 0009_law_edges
Revises: 0008_case_list_sort
Create Date: 2026-12-02 09:00:00

- ``findings.campus_loan_exception_reason``: the judge's written reason for
  listing or restricting a campus-loan student all the same (2019 Opinion
  item 16; RULES.md R-L16).
- ``obligations.converted_fen``: the sum the enforcement basis orders in place
  of an unperformed act, so that money can satisfy it (R-L14).
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_law_edges'
down_revision = '0008_case_list_sort'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('findings') as batch:
        batch.add_column(sa.Column('campus_loan_exception_reason', sa.Text(), nullable=False,
                                   server_default=''))
    with op.batch_alter_table('obligations') as batch:
        batch.add_column(sa.Column('converted_fen', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('obligations') as batch:
        batch.drop_column('converted_fen')
    with op.batch_alter_table('findings') as batch:
        batch.drop_column('campus_loan_exception_reason')
