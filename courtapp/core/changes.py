"""What a committed unit of work changed, by kind (after Anki's ``OpChanges``).

The unit of work notes the table of every row it inserts, updates or deletes
and, on commit, hands the kinds to whoever listens (the GUI's task runner
emits them as one ``changed`` signal and every open screen refreshes itself
from it).  Services need not report anything by hand, and cannot forget to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Which kind of thing each table holds, as screens care about it.
TABLE_KINDS: dict[str, str] = {
    "cases": "cases", "case_parties": "cases", "obligations": "cases", "payments": "cases",
    "property_items": "cases", "securities": "cases", "conduct": "cases", "findings": "cases",
    "persons": "cases", "officers": "cases",
    "listings": "listings", "restrictions": "listings", "respondent_events": "listings",
    "restriction_orders": "orders", "listing_applications": "applications",
    "petitions": "petitions", "petition_evidence": "petitions",
    "dispatch_items": "dispatch", "issued_documents": "documents",
    "users": "users", "settings": "settings",
    "calendar_days": "calendar", "calendar_years": "calendar",
}


@dataclass(frozen=True)
class Changes:
    """The kinds of things one or more committed units of work changed."""

    kinds: frozenset[str] = frozenset()

    @classmethod
    def of_tables(cls, tables: Iterable[str]) -> Changes:
        return cls(frozenset(TABLE_KINDS[t] for t in tables if t in TABLE_KINDS))

    def touches(self, *kinds: str) -> bool:
        return bool(self.kinds.intersection(kinds))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)
