"""What the case list's search box holds, classified, and one row of the list."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from courtapp.core.domain.model import Stage

_RIC_LIKE = re.compile(r"^\d{6,17}[\dX]?$")
_USCC_LIKE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{4,18}$")


@dataclass(frozen=True)
class SearchQuery:
    """What the search box holds, classified.  Empty text lists every case."""

    text: str = ""

    @property
    def folded(self) -> str:
        return unicodedata.normalize("NFKC", self.text).strip().replace(" ", "")

    def kind(self) -> str:
        t = self.folded.upper()
        if not t:
            return "all"
        if t.startswith("(") or "执" in t:
            return "case_number"
        if _RIC_LIKE.match(t):
            return "id_number"
        if _USCC_LIKE.match(t) and any(c.isdigit() for c in t):
            return "credit_code"
        return "name"


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    case_number: str
    court_name: str
    filed_on: date
    judge: str
    applicant_names: str
    respondent_names: str
    due: Decimal
    outstanding: Decimal
    notice_deadline: date | None
    stage: Stage
    version: int
