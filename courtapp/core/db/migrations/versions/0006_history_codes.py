"""history codes: respondent events store a message code and its parameters

Revision ID: 0006_history_codes
Revises: 0005_counter
Create Date: 2026-12-02

Until now each status change kept an English sentence ("listing decision
signed; grace until 2026-09-30"), which the GUI translated back by pattern.
It now keeps a code of ``courtapp.core.domain.messages`` and its parameters
(JSON).  Every old row is converted: a sentence the app wrote becomes its
code; anything else is kept whole as ``history.unknown`` with the text as a
parameter, so nothing is lost.  Audit reasons that the app wrote itself
("petition N: …", "listing term ended on …") keep only the judge's words; the
rest is in the audit row's ``after`` already.
"""
from __future__ import annotations

import json
import re

import sqlalchemy as sa
from alembic import op

revision = '0006_history_codes'
down_revision = '0005_counter'
branch_labels = None
depends_on = None

_ISO = r"\d{4}-\d{2}-\d{2}"
#: (pattern, code, parameter names in group order); the first match wins.
_EVENTS: list[tuple[str, str, tuple[str, ...]]] = [
    (r"execution notice served \((.*)\)", "history.notice_served", ("method",)),
    (rf"listing decision signed; grace until ({_ISO})", "history.listing_signed_grace",
     ("grace_until",)),
    (r"listing decision signed", "history.listing_signed", ()),
    (r"fully performed during the grace period", "history.grace_performed", ()),
    (r"grace period ended without performance", "history.published_after_grace", ()),
    (r"signed and served", "history.published", ()),
    (r"imported from the court's previous system", "history.imported", ()),
    (rf"listing term ended on ({_ISO})", "history.term_ended", ("end",)),
    (r"information corrected: (.*) \(petition (\S+): (.*)\)", "history.information_corrected",
     ("correction", "petition", "reasons")),
    (r"petition (\S+): (.*)", "history.petition_granted", ("petition", "reasons")),
]


def convert_event(reason: str) -> tuple[str, dict[str, str]]:
    """The code and parameters for an old history sentence."""
    for pattern, code, names in _EVENTS:
        m = re.fullmatch(pattern, reason, flags=re.S)
        if m:
            params = dict(zip(names, m.groups(), strict=True))
            if code == "history.notice_served":
                params["method"] = "service_method." + params["method"]
            return code, params
    return "history.unknown", {"text": reason}


def convert_audit_reason(reason: str) -> str | None:
    """The judge's own words in an audit reason the app wrote, else the reason as it is."""
    m = re.fullmatch(r"petition \S+: (.*)", reason, flags=re.S)
    if m:
        return m.group(1)
    if re.fullmatch(rf"listing term ended on {_ISO}", reason) or \
            reason.startswith("verified breach of the restriction order"):
        return None
    return reason


def upgrade() -> None:
    with op.batch_alter_table('respondent_events') as batch:
        batch.add_column(sa.Column('reason_params', sa.Text(), nullable=False,
                                   server_default='{}'))
    conn = op.get_bind()
    events = sa.table('respondent_events', sa.column('id', sa.Integer),
                      sa.column('reason', sa.Text), sa.column('reason_params', sa.Text))
    for row_id, reason in conn.execute(sa.select(events.c.id, events.c.reason)).all():
        if reason is None or reason.startswith("history."):
            continue
        code, params = convert_event(reason)
        conn.execute(events.update().where(events.c.id == row_id).values(
            reason=code, reason_params=json.dumps(params, ensure_ascii=False, sort_keys=True)))
    audit = sa.table('audit_log', sa.column('seq', sa.BigInteger), sa.column('reason', sa.Text))
    for seq, reason in conn.execute(sa.select(audit.c.seq, audit.c.reason)
                                    .where(audit.c.reason.is_not(None))).all():
        new = convert_audit_reason(reason)
        if new != reason:
            conn.execute(audit.update().where(audit.c.seq == seq).values(reason=new))


def downgrade() -> None:
    with op.batch_alter_table('respondent_events') as batch:
        batch.drop_column('reason_params')
