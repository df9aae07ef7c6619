"""statistics: petitions' due date persisted; indexes for the monthly report

Revision ID: 0009_statistics
Revises: 0008_case_list_sort
Create Date: 2026-12-02 08:00:00

The monthly statistics (docs/statistics.md) count late petition decisions in
SQL, so the last day to decide -- until now computed on the working-day
calendar whenever a petition was read -- is stored in ``petitions.due_on``.
Existing petitions are backfilled here with the same computation
(``courtapp.core.domain.workdays``: working days for a ``working`` period,
CPL 2023 Art. 85 for a ``calendar`` one), on the calendar as it stands.
"""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = '0009_statistics'
down_revision = '0008_case_list_sort'
branch_labels = None
depends_on = None


def _backfill_due() -> None:
    from courtapp.core.domain.workdays import DayInfo, YearCalendar, add_working_days, period_end

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, received_on, sla_days, sla_unit FROM petitions")).all()
    if not rows:
        return
    years = {int(y) for (y,) in conn.execute(sa.text("SELECT year FROM calendar_years"))}
    exceptions: dict[date, DayInfo] = {}
    for day, workday, name in conn.execute(sa.text("SELECT day, workday, name FROM calendar_days")):
        d = day if isinstance(day, date) else date.fromisoformat(str(day))
        if d.year in years:
            exceptions[d] = DayInfo(bool(workday), name or "")
    cal = YearCalendar(years, exceptions)
    for pid, received, days, unit in rows:
        received = received if isinstance(received, date) else date.fromisoformat(str(received))
        due = (add_working_days(cal, received, int(days)) if unit == "working"
               else period_end(cal, received, int(days)))
        conn.execute(sa.text("UPDATE petitions SET due_on = :d, due_provisional = :p WHERE id = :i"),
                     {"d": due.due, "p": due.provisional, "i": pid})


def upgrade() -> None:
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('due_provisional', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    _backfill_due()
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.alter_column('due_on', existing_type=sa.Date(), nullable=False)
        batch_op.alter_column('due_provisional', existing_type=sa.Boolean(), server_default=None)
        batch_op.create_index(batch_op.f('ix_petitions_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_petitions_decided_on'), ['decided_on'], unique=False)

    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_listings_published_on'), ['published_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_listings_removed_on'), ['removed_on'], unique=False)

    with op.batch_alter_table('restrictions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_restrictions_until'), ['until'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('restrictions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restrictions_until'))

    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_listings_removed_on'))
        batch_op.drop_index(batch_op.f('ix_listings_published_on'))

    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_petitions_decided_on'))
        batch_op.drop_index(batch_op.f('ix_petitions_due_on'))
        batch_op.drop_column('due_provisional')
        batch_op.drop_column('due_on')
