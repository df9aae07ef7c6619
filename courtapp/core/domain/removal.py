"""When a listing's removal is due (RULES.md R-R1, R-R2, R-R4).

- R-R1 (2017 Art. 10 para. 1): once a ground is established the entry is
  deleted within 3 working days of that day.
- R-R2 (Art. 10 para. 2): a fixed-term listing is deleted within 3 working
  days after its term ends.
- R-R4 (Art. 9): a wrongful listing is revoked within 3 working days.
"""

from __future__ import annotations

from datetime import date

from courtapp.core.domain.listing import Listing, ListingStatus, RemovalKind
from courtapp.core.domain.workdays import Deadline, YearCalendar, add_working_days

#: Art. 9, Art. 10 paras. 1-2, Art. 12: within 3 working days.
REMOVAL_WORKING_DAYS = 3

#: The articles a removal cites, by its ground.
ART_ITEM = "2017 Provisions Art. 10 para. 1 item {n}"
ART_EXPIRED = "2017 Provisions Art. 10 para. 2"
ART_EARLY = "2017 Provisions Art. 2 para. 2"
ART_REVOKE = "2017 Provisions Arts. 9, 11-12"
ART_CORRECTED = "2017 Provisions Arts. 11-12"
ART_RELISTING = "2017 Provisions Art. 10 para. 4"


def removal_trigger(listing: Listing, event_on: date | None) -> date | None:
    """The day a removal counts from: the day its ground was established, else a
    fixed term's end (R-R2); None for an open-ended listing with no ground yet."""
    if event_on is not None:
        return event_on
    if listing.status is ListingStatus.DRAFT:
        return None
    if listing.status is ListingStatus.REMOVED and listing.removal_kind is not RemovalKind.EXPIRED:
        return None
    return listing.term_end()


def removal_due(cal: YearCalendar, listing: Listing, event_on: date | None) -> Deadline | None:
    """When the removal is (or was) due: 3 working days after its trigger (R-R1, R-R2)."""
    start = removal_trigger(listing, event_on)
    return None if start is None else add_working_days(cal, start, REMOVAL_WORKING_DAYS)
