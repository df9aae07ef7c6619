"""The listing worksheet's one intent: the judge's findings and the draft decision.

The judge answers the worksheet's open questions (ability to perform, order of
performance, campus-loan student, serious violence) and prepares the decision
in one go.  Both are stored in one transaction: if the decision is refused
(a duplicate, a missing reason…), the findings are not saved either, and the
screen can say truthfully that nothing was saved.
"""

from __future__ import annotations

from datetime import date

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.listing import Listing
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.records import ListingRecord
from courtapp.core.domain.roles import Actor
from courtapp.core.services import cases, listing


def submit_worksheet(uow: UnitOfWork, actor: Actor, case_id: int, expected_version: int,
                     case: EnforcementCase, draft: Listing, *, reasons_zh: str,
                     reasons_en: str = "", proportionality_reason: str = "",
                     today: date | None = None) -> ListingRecord:
    """Save the answers as the case's findings and prepare the draft decision for
    the president's signature: both or neither."""
    with uow:
        cases.update_in(uow, actor, case_id, expected_version, case,
                        reason="listing worksheet: the judge's findings", today=today)
        rec = listing.prepare_in(uow, actor, case_id, draft, reasons_zh=reasons_zh,
                                 reasons_en=reasons_en,
                                 proportionality_reason=proportionality_reason)
        uow.commit()
        return rec
