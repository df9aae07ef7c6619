"""statistics: petitions' due date and listings' respondent kind persisted; indexes for the monthly report

Revision ID: 0012_statistics
Revises: 0011_counter_rules
Create Date: 2026-12-02 08:00:00

The monthly statistics (docs/statistics.md) count late petition decisions in
SQL, so the last day to decide -- until now computed on the working-day
calendar whenever a petition was read -- is stored in ``petitions.due_on``.
Existing petitions are backfilled here with the same computation
(``courtapp.core.domain.workdays``: working days for a ``working`` period,
CPL 2023 Art. 85 for a ``calendar`` one, capped for a decided removal by the 3
working days from its stored ``deletion_event_on``, R-R7), on the calendar as
it stands.  A pending petition's is stored again when it is decided.
``listings.respondent_kind`` copies the listed party's kind (person or entity)
so that the report splits them from an index, without a join.
"""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = '0012_statistics'
down_revision = '0011_counter_rules'
branch_labels = None
depends_on = None


def _backfill_due() -> None:
    from courtapp.core.domain.workdays import (
        DayInfo,
        Deadline,
        YearCalendar,
        add_working_days,
        period_end,
    )

    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, received_on, sla_days, sla_unit, deletion_event_on FROM petitions")).all()
    if not rows:
        return
    years = {int(y) for (y,) in conn.execute(sa.text("SELECT year FROM calendar_years"))}
    exceptions: dict[date, DayInfo] = {}
    for day, workday, name in conn.execute(sa.text("SELECT day, workday, name FROM calendar_days")):
        d = day if isinstance(day, date) else date.fromisoformat(str(day))
        if d.year in years:
            exceptions[d] = DayInfo(bool(workday), name or "")
    cal = YearCalendar(years, exceptions)
    def day(v: object) -> date | None:
        return v if isinstance(v, date) or v is None else date.fromisoformat(str(v))

    for pid, received_raw, days, unit, event_raw in rows:
        received, event = day(received_raw), day(event_raw)
        assert received is not None
        due = (add_working_days(cal, received, int(days)) if unit == "working"
               else period_end(cal, received, int(days)))
        if event is not None:  # a decided removal: its decision was due within the
            deletion = add_working_days(cal, event, 3)  # deletion's 3 working days (R-R7)
            if deletion.due < due.due:
                due = deletion if deletion.due >= received else \
                    Deadline(received, deletion.provisional, deletion.missing_years)
        conn.execute(sa.text("UPDATE petitions SET due_on = :d, due_provisional = :p WHERE id = :i"),
                     {"d": due.due, "p": due.provisional, "i": pid})


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN and CREATE INDEX only: a batch "recreate" of a
    # table that other tables reference would DROP it, which SQLite refuses with
    # foreign keys on once rows refer to it.  So the new columns stay nullable;
    # the services always set them (and the backfill below fills the old rows).
    op.add_column('petitions', sa.Column('due_on', sa.Date(), nullable=True))
    op.add_column('petitions', sa.Column('due_provisional', sa.Boolean(), nullable=False,
                                         server_default=sa.false()))
    _backfill_due()
    op.create_index(op.f('ix_petitions_due_on'), 'petitions', ['due_on'], unique=False)
    op.create_index(op.f('ix_petitions_decided_on'), 'petitions', ['decided_on'], unique=False)

    op.add_column('listings', sa.Column('respondent_kind', sa.String(length=10), nullable=True))
    op.execute("UPDATE listings SET respondent_kind = "
               "(SELECT p.kind FROM persons p WHERE p.id = listings.person_id)")
    op.create_index('ix_listings_published_removed', 'listings',
                    ['published_on', 'removed_on', 'respondent_kind'], unique=False)
    op.create_index('ix_listings_removed_published', 'listings',
                    ['removed_on', 'published_on', 'respondent_kind'], unique=False)

    op.drop_index(op.f('ix_restrictions_listing_id'), table_name='restrictions')
    op.create_index('ix_restrictions_listing_person_until', 'restrictions',
                    ['listing_id', 'person', 'until'], unique=False)
    op.create_index(op.f('ix_restrictions_until'), 'restrictions', ['until'], unique=False)
    op.create_index(op.f('ix_restriction_orders_decided_on'), 'restriction_orders', ['decided_on'],
                    unique=False)
    op.create_index(op.f('ix_payments_paid_on'), 'payments', ['paid_on'], unique=False)
    op.create_index(op.f('ix_cases_court_code'), 'cases', ['court_code'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_cases_court_code'), table_name='cases')
    op.drop_index(op.f('ix_payments_paid_on'), table_name='payments')
    op.drop_index(op.f('ix_restriction_orders_decided_on'), table_name='restriction_orders')
    op.drop_index(op.f('ix_restrictions_until'), table_name='restrictions')
    op.drop_index('ix_restrictions_listing_person_until', table_name='restrictions')
    op.create_index(op.f('ix_restrictions_listing_id'), 'restrictions', ['listing_id'], unique=False)
    op.drop_index('ix_listings_removed_published', table_name='listings')
    op.drop_index('ix_listings_published_removed', table_name='listings')
    op.drop_column('listings', 'respondent_kind')  # ALTER TABLE DROP COLUMN (SQLite ≥ 3.35)
    op.drop_index(op.f('ix_petitions_decided_on'), table_name='petitions')
    op.drop_index(op.f('ix_petitions_due_on'), table_name='petitions')
    op.drop_column('petitions', 'due_provisional')
    op.drop_column('petitions', 'due_on')
