"""What the case list's search box holds, classified, and one row of the list."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from courtapp.core.domain.identifiers import normalize_case_number
from courtapp.core.domain.model import Stage

_RIC_LIKE = re.compile(r"^\d{6,17}[\dX]?$")
#: A bare sequence number ("2999"): what a counter officer types without an input
#: method for 执 ("执2999" is a case-number search and finds it as well).
_SEQUENCE = re.compile(r"^(\d{1,5})号?$")


class SortKey(StrEnum):
    """What the case list is ordered by (on the server; every key has an index)."""

    NEWEST = "newest"  # registration order, the default
    CASE_NUMBER = "case_number"  # year, court, type, sequence: numerically
    RESPONDENTS = "respondents"
    APPLICANTS = "applicants"
    FILED_ON = "filed_on"
    JUDGE = "judge"
    OUTSTANDING = "outstanding"
    DEADLINE = "deadline"  # cases without an execution notice last
_USCC_LIKE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{4,18}$")


@dataclass(frozen=True)
class SearchQuery:
    """What the search box holds, classified.  Empty text lists every case."""

    text: str = ""
    sort: SortKey = SortKey.NEWEST
    descending: bool = True

    @property
    def folded(self) -> str:
        return unicodedata.normalize("NFKC", self.text).strip().replace(" ", "")

    def kind(self) -> str:
        t = self.folded.upper()
        if not t:
            return "all"
        if _SEQUENCE.match(t):
            return "sequence"
        if t.startswith("(") or "执" in t:
            return "case_number"
        if _RIC_LIKE.match(t):
            return "id_number"
        if _USCC_LIKE.match(t) and any(c.isdigit() for c in t):
            return "credit_code"
        return "name"

    def exact(self) -> tuple[str, str | int] | None:
        """What an exact lookup looks for, or None for a prefix search: a whole case
        number in its stored form (``("case_number", "(2026)京0105执1234号")``), a
        bare sequence number (``("sequence", 1234)``), or 18 characters of an ID
        number or credit code (``("id_number", …)``: either column, as the prefix
        search does; ``("credit_code", …)``).

        Each finds exactly the rows its prefix search finds: a stored case number
        ends at 号 (R-N1), and ID numbers and credit codes are 18 characters long
        (R-I1, R-I2), so no stored value is longer and begins with these.
        """
        kind = self.kind()
        t = self.folded.upper()
        if kind == "sequence":
            return kind, self.sequence()
        if kind == "case_number":
            t = self.folded.replace("（", "(").replace("）", ")")
            try:
                return (kind, t) if t.startswith("(") and normalize_case_number(t) == t else None
            except ValueError:
                return None
        if kind in ("id_number", "credit_code") and len(t) == 18:
            return kind, t
        return None

    def sequence(self) -> int:
        """The number of a ``sequence`` search."""
        m = _SEQUENCE.match(self.folded.upper())
        assert m is not None
        return int(m.group(1))


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
