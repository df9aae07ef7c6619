"""case list sorting: an index for each column the list sorts by, and the sequence search

Revision ID: 0008_case_list_sort
Revises: 0007_user_roles
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_case_list_sort'
down_revision = '0007_user_roles'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_cases_filed_on_id', 'cases', ['filed_on', 'id'])
    op.create_index('ix_cases_judge_id', 'cases', ['judge', 'id'])
    op.create_index('ix_cases_outstanding_id', 'cases', ['outstanding_fen', 'id'])
    op.create_index('ix_cases_respondent_names_id', 'cases', ['respondent_names', 'id'])
    op.create_index('ix_cases_applicant_names_id', 'cases', ['applicant_names', 'id'])
    op.create_index('ix_cases_deadline_id', 'cases',
                    [sa.text("coalesce(notice_deadline, '9999-12-31')"), 'id'])
    op.create_index('ix_cases_sequence', 'cases', ['sequence'])


def downgrade() -> None:
    for name in ('ix_cases_sequence', 'ix_cases_deadline_id', 'ix_cases_applicant_names_id',
                 'ix_cases_respondent_names_id', 'ix_cases_outstanding_id', 'ix_cases_judge_id',
                 'ix_cases_filed_on_id'):
        op.drop_index(name, table_name='cases')
