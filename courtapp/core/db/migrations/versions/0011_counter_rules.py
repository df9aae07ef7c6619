"""counter rules: the petitioner's statement; a removal's deadline from the proof (R-R7)

Revision ID: 0011_counter_rules
Revises: 0010_petition_codes
Create Date: 2026-12-03

- ``petitions.statement``: what the petitioner asks and why, a field of the
  petition (until now the GUI stored it as a text file among the evidence; those
  files stay where they are, as handed in).
- ``petitions.deletion_event_on``: for a removal petition, the day the court had
  its ground on record (the petition with its proof, or the performance, or the
  searches, recorded), from which the 3 working days for deletion run (R-R7);
  fixed when the petition is decided.  ``deletion_late``: granted after them.
  Petitions decided before this revision keep NULL / false: the day was not
  recorded then, and none is guessed.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_counter_rules'
down_revision = '0010_petition_codes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite can add a NOT NULL column with a default): a batch
    # copy of the table would reflect the cases table's expression index, which
    # SQLite cannot.  The defaults stay, as harmless as they are on the models.
    op.add_column('petitions', sa.Column('statement', sa.Text(), nullable=False, server_default=''))
    op.add_column('petitions', sa.Column('deletion_event_on', sa.Date(), nullable=True))
    op.add_column('petitions', sa.Column('deletion_late', sa.Boolean(), nullable=False,
                                         server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_column('deletion_late')
        batch_op.drop_column('deletion_event_on')
        batch_op.drop_column('statement')
