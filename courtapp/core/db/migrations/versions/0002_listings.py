"""listings, restriction items and respondent status events

Revision ID: 0002_listings
Revises: 0001_initial
Create Date: 2026-11-26 06:23:55.698145
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

    op.create_table('restrictions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('listing_id', sa.Integer(), nullable=True),
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_restrictions'))
    )
    with op.batch_alter_table('restrictions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_restrictions_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_restrictions_listing_id'), ['listing_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('restrictions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restrictions_listing_id'))
        batch_op.drop_index(batch_op.f('ix_restrictions_case_id'))

    op.drop_table('restrictions')
    with op.batch_alter_table('respondent_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_respondent_events_case_id'))

    op.drop_table('respondent_events')
    with op.batch_alter_table('listings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_listings_status'))
        batch_op.drop_index(batch_op.f('ix_listings_person_id'))
        batch_op.drop_index(batch_op.f('ix_listings_grace_until'))
        batch_op.drop_index(batch_op.f('ix_listings_case_id'))

    op.drop_table('listings')
