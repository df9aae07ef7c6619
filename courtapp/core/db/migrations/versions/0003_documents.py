"""issued documents register

Revision ID: 0003_documents
Revises: 0002_listings
Create Date: 2026-11-26 06:49:28.234171
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_documents'
down_revision = '0002_listings'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=True),
    sa.Column('respondent_name', sa.String(length=100), nullable=False),
    sa.Column('listing_id', sa.Integer(), nullable=True),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('signer', sa.String(length=100), nullable=False),
    sa.Column('signer_title', sa.String(length=40), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('issued_by', sa.String(length=100), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('request', sa.Text(), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('qr_text', sa.Text(), nullable=False),
    sa.Column('key_fingerprint', sa.String(length=16), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('supersedes', sa.String(length=80), nullable=True),
    sa.Column('superseded_by', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_issued_documents_case_id_cases')),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_issued_documents_listing_id_listings')),
    sa.ForeignKeyConstraint(['order_id'], ['restriction_orders.id'], name=op.f('fk_issued_documents_order_id_restriction_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents')),
    sa.UniqueConstraint('case_id', 'sequence', name='uq_issued_documents_case_sequence'),
    sa.UniqueConstraint('number', name=op.f('uq_issued_documents_number'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_documents_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_issued_on'), ['issued_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_listing_id'), ['listing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_order_id'), ['order_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_documents_order_id'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_listing_id'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_kind'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_issued_on'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_case_id'))

    op.drop_table('issued_documents')
