"""invariants in the database: one current listing per respondent, one current restriction per person and item

Revision ID: 0016_db_invariants
Revises: 0015_signing_keys
Create Date: 2026-12-02 14:30:00

Every "at most one" rule of the services is now also a unique (partial) index,
so that two desks racing past the same check cannot both insert (issue 10 §1):

- ``uq_listings_current``: one current listing (draft, awaiting publication or
  published) per case and respondent (2017 Art. 5);
- ``uq_restrictions_{listing,order}_item`` and ``..._person_item``: one current
  (not lifted) restriction per bound person and item in a listing or an order
  (2015 Arts. 3, 5); two indexes each, as ``person`` is NULL for the respondent
  and NULLs never collide in a unique index.

Case, petition and document numbers were unique from 0001/0003/0005 on.

Existing violators: before creating an index the migration looks for rows that
would break it.  If there are any it stops with an error naming the rule and
the ids concerned (no names, no identifiers) and changes nothing -- the whole
upgrade runs in one transaction, on SQLite too (Alembic's transactional DDL).
A court that meets this must decide which of the duplicates stands (remove or
lift the others through the application) and run the upgrade again; the
migration never picks one itself, as that would be a judicial decision.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016_db_invariants'
down_revision = '0015_signing_keys'
branch_labels = None
depends_on = None

LISTING_CURRENT = "status IN ('draft', 'awaiting_publication', 'published')"
RESTRICTION_CURRENT = "status <> 'lifted'"


class ExistingViolations(RuntimeError):
    """Rows already break a rule the migration is about to enforce."""


def _refuse_violators(rule: str, table: str, key: str, where: str) -> None:
    rows = op.get_bind().execute(sa.text(
        f"SELECT {key}, COUNT(*) AS n, MIN(id) AS first_id, MAX(id) AS last_id FROM {table} "
        f"WHERE {where} GROUP BY {key} HAVING COUNT(*) > 1")).all()
    if rows:
        shown = "; ".join(f"ids {r.first_id}..{r.last_id} ({r.n} rows)" for r in rows[:10])
        raise ExistingViolations(
            f"cannot enforce '{rule}': {len(rows)} group(s) of {table} already break it ({shown}). "
            "Nothing was changed. Remove or lift the duplicates in courtapp, then upgrade again.")


def _indexes() -> list[tuple[str, str, list[str], str, str]]:
    out = [("uq_listings_current", "listings", ["case_id", "respondent"], LISTING_CURRENT,
            "one current listing per respondent and case")]
    for owner in ("listing_id", "order_id"):
        short = owner.removesuffix("_id")
        out.append((f"uq_restrictions_{short}_item", "restrictions", [owner, "item"],
                    f"{owner} IS NOT NULL AND person IS NULL AND {RESTRICTION_CURRENT}",
                    f"one current restriction per item on the respondent of a {short}"))
        out.append((f"uq_restrictions_{short}_person_item", "restrictions", [owner, "person", "item"],
                    f"{owner} IS NOT NULL AND person IS NOT NULL AND {RESTRICTION_CURRENT}",
                    f"one current restriction per item on an officer of a {short}"))
    return out


def upgrade() -> None:
    for name, table, columns, where, rule in _indexes():
        _refuse_violators(rule, table, ", ".join(columns), where)
        op.create_index(name, table, columns, unique=True,
                        sqlite_where=sa.text(where), postgresql_where=sa.text(where))


def downgrade() -> None:
    for name, table, *_ in reversed(_indexes()):
        op.drop_index(name, table_name=table)
