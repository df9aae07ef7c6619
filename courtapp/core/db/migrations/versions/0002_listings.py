"""listings restrictions orders applications dispatch

Revision ID: 0002_listings
Revises: 0001_initial
Create Date: 2026-11-26 06:41:14.185650
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_listings'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('listings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('grounds', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('reasons_zh', sa.Text(), nullable=False),
    sa.Column('reasons_en', sa.Text(), nullable=False),
    sa.Column('prepared_by', sa.String(length=100), nullable=False),
    sa.Column('signed_by', sa.String(length=100), nullable=True),
    sa.Column('signed_by_user_id', sa.Integer(), nullable=True),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('served_on', sa.Date(), nullable=True),
    sa.Column('service_method', sa.String(length=32), nullable=True),
    sa.Column('grace_until', sa.Date(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('term_years', sa.Integer(), nullable=True),
    sa.Column('extension_years', sa.Integer(), nullable=False),
    sa.Column('removed_on', sa.Date(), nullable=True),
    sa.Column('removal_kind', sa.String(length=16), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_listings_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_listings_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_listings'))
    )
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_listings_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_listings_grace_until'), ['grace_until'], unique=False)
        batch_op.create_index(batch_op.f('ix_listings_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_listings_status'), ['status'], unique=False)

    op.create_table('respondent_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('from_state', sa.String(length=32), nullable=False),
    sa.Column('to_state', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('article', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_respondent_events_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_respondent_events'))
    )
    with op.batch_alter_table('respondent_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_respondent_events_case_id'), ['case_id'], unique=False)

    op.create_table('restriction_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('initiation', sa.String(length=32), nullable=False),
    sa.Column('application_received_on', sa.Date(), nullable=True),
    sa.Column('factors', sa.String(length=200), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('prepared_by', sa.String(length=100), nullable=False),
    sa.Column('signed_by', sa.String(length=100), nullable=True),
    sa.Column('signed_by_user_id', sa.Integer(), nullable=True),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('served_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_restriction_orders_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_restriction_orders'))
    )
    with op.batch_alter_table('restriction_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_restriction_orders_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_restriction_orders_status'), ['status'], unique=False)

    op.create_table('dispatch_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('listing_id', sa.Integer(), nullable=True),
    sa.Column('event', sa.String(length=32), nullable=False),
    sa.Column('recipient', sa.String(length=32), nullable=False),
    sa.Column('recipient_name', sa.String(length=200), nullable=False),
    sa.Column('article', sa.String(length=100), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.Column('acknowledged_on', sa.Date(), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=100), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_dispatch_items_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_dispatch_items_listing_id_listings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch_items'))
    )
    with op.batch_alter_table('dispatch_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_items_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_items_listing_id'), ['listing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_items_status'), ['status'], unique=False)

    op.create_table('listing_applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('applicant', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('grounds_claimed', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=100), nullable=True),
    sa.Column('decision_reasons', sa.Text(), nullable=False),
    sa.Column('listing_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_listing_applications_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_listing_applications_listing_id_listings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_listing_applications'))
    )
    with op.batch_alter_table('listing_applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_listing_applications_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_listing_applications_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_listing_applications_status'), ['status'], unique=False)

    op.create_table('restrictions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('listing_id', sa.Integer(), nullable=True),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('person', sa.Integer(), nullable=True),
    sa.Column('item', sa.Integer(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_restrictions_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_restrictions_listing_id_listings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['restriction_orders.id'], name=op.f('fk_restrictions_order_id_restriction_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_restrictions'))
    )
    with op.batch_alter_table('restrictions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_restrictions_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_restrictions_listing_id'), ['listing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_restrictions_order_id'), ['order_id'], unique=False)

    with op.batch_alter_table('case_parties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_role', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('notify_body', sa.String(length=100), nullable=False, server_default=''))



def downgrade() -> None:
    with op.batch_alter_table('case_parties', schema=None) as batch_op:
        batch_op.drop_column('notify_body')
        batch_op.drop_column('public_role')

    with op.batch_alter_table('restrictions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restrictions_order_id'))
        batch_op.drop_index(batch_op.f('ix_restrictions_listing_id'))
        batch_op.drop_index(batch_op.f('ix_restrictions_case_id'))

    op.drop_table('restrictions')
    with op.batch_alter_table('listing_applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_listing_applications_status'))
        batch_op.drop_index(batch_op.f('ix_listing_applications_due_on'))
        batch_op.drop_index(batch_op.f('ix_listing_applications_case_id'))

    op.drop_table('listing_applications')
    with op.batch_alter_table('dispatch_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatch_items_status'))
        batch_op.drop_index(batch_op.f('ix_dispatch_items_listing_id'))
        batch_op.drop_index(batch_op.f('ix_dispatch_items_case_id'))

    op.drop_table('dispatch_items')
    with op.batch_alter_table('restriction_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restriction_orders_status'))
        batch_op.drop_index(batch_op.f('ix_restriction_orders_case_id'))

    op.drop_table('restriction_orders')
    with op.batch_alter_table('respondent_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_respondent_events_case_id'))

    op.drop_table('respondent_events')
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_listings_status'))
        batch_op.drop_index(batch_op.f('ix_listings_person_id'))
        batch_op.drop_index(batch_op.f('ix_listings_grace_until'))
        batch_op.drop_index(batch_op.f('ix_listings_case_id'))

    op.drop_table('listings')
