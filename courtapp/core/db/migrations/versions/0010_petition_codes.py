"""petition codes: a petition's document error is a message code, not a sentence

Revision ID: 0010_petition_codes
Revises: 0009_law_edges
Create Date: 2026-12-03

``petitions.document_error`` kept the English summary of the error that
stopped a decision document ("extra: the listing has no date of service").
It now keeps a code of ``courtapp.core.domain.messages`` with its parameters,
as canonical JSON: ``{"code": "counter.document_not_issued", "params":
{"reason": "document_rule.<rule>", "field": "<field>"}}``.  An old row keeps
the field it named; its sentence, which only repeated what issuing the document
again reports in full, becomes ``document_rule.recorded_before``.

A reconsideration granted by the higher court was recorded in the history as
"petition N: reconsideration granted by the higher court on D" (English in the
reasons parameter); it becomes ``history.reconsideration_granted``.
"""
from __future__ import annotations

import json
import re

import sqlalchemy as sa
from alembic import op

revision = '0010_petition_codes'
down_revision = '0009_law_edges'
branch_labels = None
depends_on = None

_RECON = re.compile(r"reconsideration granted by the higher court on (\d{4}-\d{2}-\d{2})")


def _canonical(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def convert_document_error(text: str) -> str:
    """The stored code for an old English document error."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    m = re.match(r"^([A-Za-z_][\w.\[\]]*): ", first)
    return _canonical({"code": "counter.document_not_issued",
                       "params": {"field": m.group(1) if m else "",
                                  "reason": "document_rule.recorded_before"}})


def convert_event(code: str, params: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A history entry whose reasons were the app's English about a reconsideration."""
    m = _RECON.fullmatch(str(params.get("reasons") or ""))
    if m is None:
        return code, params
    if code == "history.petition_granted":
        return "history.reconsideration_granted", {
            "on": m.group(1), "petition": params.get("petition", ""), "reasons": ""}
    return code, {**params, "reasons": ""}


def upgrade() -> None:
    conn = op.get_bind()
    petitions = sa.table('petitions', sa.column('id', sa.Integer),
                         sa.column('document_error', sa.Text))
    for pid, text in conn.execute(sa.select(petitions.c.id, petitions.c.document_error)
                                  .where(petitions.c.document_error.is_not(None))).all():
        if text.startswith("{"):
            continue
        conn.execute(petitions.update().where(petitions.c.id == pid)
                     .values(document_error=convert_document_error(text)))
    events = sa.table('respondent_events', sa.column('id', sa.Integer),
                      sa.column('reason', sa.Text), sa.column('reason_params', sa.Text))
    for eid, code, raw in conn.execute(sa.select(events.c.id, events.c.reason, events.c.reason_params)
                                       .where(events.c.reason.in_(
                                           ["history.petition_granted",
                                            "history.information_corrected"]))).all():
        params = json.loads(raw or "{}")
        new_code, new_params = convert_event(code, params)
        if (new_code, new_params) != (code, params):
            conn.execute(events.update().where(events.c.id == eid).values(
                reason=new_code, reason_params=_canonical(new_params)))


def downgrade() -> None:
    conn = op.get_bind()
    petitions = sa.table('petitions', sa.column('id', sa.Integer),
                         sa.column('document_error', sa.Text))
    for pid, text in conn.execute(sa.select(petitions.c.id, petitions.c.document_error)
                                  .where(petitions.c.document_error.is_not(None))).all():
        try:
            params = json.loads(text).get("params", {})
        except (ValueError, AttributeError):
            continue
        conn.execute(petitions.update().where(petitions.c.id == pid).values(
            document_error=f"{params.get('field') or 'document'}: the document was not issued"))
