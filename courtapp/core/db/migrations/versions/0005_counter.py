"""counter: petitions, evidence, removal state, dispatch links

Revision ID: 0005_counter
Revises: 0004_calendar
Create Date: 2026-11-26 07:27:48.503864
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_counter'
down_revision = '0004_calendar'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('petitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('petitioner_role', sa.String(length=12), nullable=False),
    sa.Column('petitioner_index', sa.Integer(), nullable=False),
    sa.Column('officer', sa.Integer(), nullable=True),
    sa.Column('petitioner_name', sa.String(length=100), nullable=False),
    sa.Column('petitioner_identifier', sa.String(length=18), nullable=False),
    sa.Column('listing_id', sa.Integer(), nullable=True),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('sla_days', sa.Integer(), nullable=False),
    sa.Column('sla_unit', sa.String(length=10), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('filed_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('receipt_number', sa.String(length=80), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=100), nullable=True),
    sa.Column('decision_reasons', sa.Text(), nullable=False),
    sa.Column('decision_details', sa.Text(), nullable=False),
    sa.Column('document_number', sa.String(length=80), nullable=True),
    sa.Column('document_error', sa.Text(), nullable=True),
    sa.Column('decision_served_on', sa.Date(), nullable=True),
    sa.Column('reconsideration_filed_on', sa.Date(), nullable=True),
    sa.Column('reconsideration_outcome', sa.String(length=16), nullable=True),
    sa.Column('reconsideration_decided_on', sa.Date(), nullable=True),
    sa.Column('permission_ended_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_petitions_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_petitions_listing_id_listings')),
    sa.ForeignKeyConstraint(['order_id'], ['restriction_orders.id'], name=op.f('fk_petitions_order_id_restriction_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_petitions')),
    sa.UniqueConstraint('case_id', 'sequence', name='uq_petitions_case_sequence'),
    sa.UniqueConstraint('number', name=op.f('uq_petitions_number'))
    )
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_petitions_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_petitions_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_petitions_listing_id'), ['listing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_petitions_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_petitions_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_petitions_status'), ['status'], unique=False)

    op.create_table('petition_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_petition_evidence_petition_id_petitions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_petition_evidence'))
    )
    with op.batch_alter_table('petition_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_petition_evidence_petition_id'), ['petition_id'], unique=False)

    with op.batch_alter_table('dispatch_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('order_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('petition_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_dispatch_items_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_items_petition_id'), ['petition_id'], unique=False)

    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removal_reason', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('removal_event_on', sa.Date(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.drop_column('removal_event_on')
        batch_op.drop_column('removal_reason')

    with op.batch_alter_table('dispatch_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatch_items_petition_id'))
        batch_op.drop_index(batch_op.f('ix_dispatch_items_order_id'))
        batch_op.drop_column('petition_id')
        batch_op.drop_column('order_id')

    with op.batch_alter_table('petition_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_petition_evidence_petition_id'))

    op.drop_table('petition_evidence')
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_petitions_status'))
        batch_op.drop_index(batch_op.f('ix_petitions_received_on'))
        batch_op.drop_index(batch_op.f('ix_petitions_order_id'))
        batch_op.drop_index(batch_op.f('ix_petitions_listing_id'))
        batch_op.drop_index(batch_op.f('ix_petitions_kind'))
        batch_op.drop_index(batch_op.f('ix_petitions_case_id'))

    op.drop_table('petitions')
