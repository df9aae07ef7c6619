"""Petitions at the counter and the judge's decisions on them (issue 5 §1-§2).

The public face of :mod:`courtapp.core.services.counter`, which the GUI, the
command line and the tests use: every name here is re-exported from the
module that owns it, one module per intent —

- intake (:mod:`~courtapp.core.services.counter.intake`): :func:`file_petition`,
  :func:`file_petition_with_searches`, :func:`record_searches`, :func:`issue_receipt`;
- decision (:mod:`~courtapp.core.services.counter.decide`): :func:`decide`,
  :func:`issue_decision_document`, :func:`record_decision_service`,
  :func:`record_reconsideration`, :func:`end_permissions`;
- reading (:mod:`~courtapp.core.services.counter.reading`): :func:`get_petition`,
  :func:`petitions_page`, :func:`list_petitions`, :func:`queue`, :func:`evidence_bytes`;
- settings (:mod:`~courtapp.core.services.counter.config`): :func:`counter_settings`,
  :func:`set_counter_setting`, :func:`set_sla`, :func:`slas`.

The rules are pure domain functions: :mod:`courtapp.core.domain.petition`
(kinds, data checks), :mod:`~courtapp.core.domain.petition_intake` (who may
petition, about what), :mod:`~courtapp.core.domain.petition_decision` (must
grant, the effects) and :mod:`~courtapp.core.domain.petition_view` (deadlines).
"""

from __future__ import annotations

from courtapp.core.domain.petition import Decision, PetitionDetails, Search, Sla
from courtapp.core.domain.petition_intake import ART_R_C6
from courtapp.core.domain.petition_view import Petition, QueueItem, decision_due
from courtapp.core.domain.records import Evidence
from courtapp.core.services.counter.common import (
    SETTING_HIGHER_COURT,
    SETTING_SLA,
    SETTING_TRAVEL_MAX_DAYS,
    Decided,
    EvidenceFile,
    Filed,
    sla_for,
)
from courtapp.core.services.counter.config import (
    counter_settings,
    set_counter_setting,
    set_sla,
    slas,
)
from courtapp.core.services.counter.decide import (
    decide,
    end_permissions,
    issue_decision_document,
    record_decision_service,
    record_reconsideration,
)
from courtapp.core.services.counter.intake import (
    file_petition,
    file_petition_with_searches,
    issue_receipt,
    record_searches,
)
from courtapp.core.services.counter.reading import (
    evidence_bytes,
    get_petition,
    list_petitions,
    petitions_page,
    queue,
)

__all__ = [
    "ART_R_C6", "SETTING_HIGHER_COURT", "SETTING_SLA", "SETTING_TRAVEL_MAX_DAYS", "Decided",
    "Decision", "Evidence", "EvidenceFile", "Filed", "Petition", "PetitionDetails", "QueueItem",
    "Search", "Sla", "counter_settings", "decide", "decision_due", "end_permissions",
    "evidence_bytes", "file_petition", "file_petition_with_searches", "get_petition",
    "issue_decision_document", "issue_receipt", "list_petitions", "petitions_page", "queue",
    "record_decision_service", "record_reconsideration", "record_searches", "set_counter_setting",
    "set_sla", "sla_for", "slas",
]
