"""The listing screens (issue 3, GUI side).

- :class:`ListingWorksheet` (:mod:`.worksheet`): per case and respondent, the
  assessment beside its evidence, the judge's answers, the decision with an
  optional warning and grace period, the restriction order and the reasons;
  submits a draft decision for the president's signature.
- :class:`DecisionsPage` (:mod:`.decisions`): the "Listings" page; signing,
  service, publication, and the "signed but not served" alert.

Supporting modules: :mod:`.evidence` (grounds and bars beside the case's
facts), :mod:`.restriction` (the nine items per bound person), :mod:`.widgets`
(state strip, history), :mod:`.data` (what is loaded, on the database
thread), :mod:`.labels` (translated words).
"""

from courtapp.ui.listing.decisions import DecisionsPage
from courtapp.ui.listing.worksheet import ListingWorksheet

__all__ = ["DecisionsPage", "ListingWorksheet"]
