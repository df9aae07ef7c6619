"""statistics: petitions' due date and listings' respondent kind persisted; indexes for the monthly report

Revision ID: 0009_statistics
Revises: 0008_case_list_sort
Create Date: 2026-12-02 08:00:00

The monthly statistics (docs/statistics.md) count late petition decisions in
SQL, so the last day to decide -- until now computed on the working-day
calendar whenever a petition was read -- is stored in ``petitions.due_on``.
Existing petitions are backfilled here with the same computation
(``courtapp.core.domain.workdays``: working days for a ``working`` period,
CPL 2023 Art. 85 for a ``calendar`` one), on the calendar as it stands.
``listings.respondent_kind`` copies the listed party's kind (person or entity)
so that the report splits them from an index, without a join.
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
        batch_op.add_column(sa.Column('respondent_kind', sa.String(length=10), nullable=True))
    op.execute("UPDATE listings SET respondent_kind = "
               "(SELECT p.kind FROM persons p WHERE p.id = listings.person_id)")
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.alter_column('respondent_kind', existing_type=sa.String(length=10), nullable=False)
        batch_op.create_index('ix_listings_published_removed',
                              ['published_on', 'removed_on', 'respondent_kind'], unique=False)
        batch_op.create_index('ix_listings_removed_published',
                              ['removed_on', 'published_on', 'respondent_kind'], unique=False)

    with op.batch_alter_table('restrictions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restrictions_listing_id'))
        batch_op.create_index('ix_restrictions_listing_person_until',
                              ['listing_id', 'person', 'until'], unique=False)
        batch_op.create_index(batch_op.f('ix_restrictions_until'), ['until'], unique=False)

    with op.batch_alter_table('restriction_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_restriction_orders_decided_on'), ['decided_on'],
                              unique=False)

    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_paid_on'), ['paid_on'], unique=False)

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_court_code'), ['court_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_court_code'))

    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_paid_on'))

    with op.batch_alter_table('restriction_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restriction_orders_decided_on'))

    with op.batch_alter_table('restrictions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restrictions_until'))
        batch_op.drop_index('ix_restrictions_listing_person_until')
        batch_op.create_index(batch_op.f('ix_restrictions_listing_id'), ['listing_id'], unique=False)

    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.drop_index('ix_listings_removed_published')
        batch_op.drop_index('ix_listings_published_removed')
        batch_op.drop_column('respondent_kind')

    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_petitions_decided_on'))
        batch_op.drop_index(batch_op.f('ix_petitions_due_on'))
        batch_op.drop_column('due_provisional')
        batch_op.drop_column('due_on')
