"""Document numbers: ``<case number>之<n>`` in Chinese numerals, n counting every
document issued in the case (``（2026）京0105执1234号之三``)."""

from __future__ import annotations

from courtapp.core.db.repositories.documents import normalize_number
from courtapp.core.domain.identifiers import display_number
from courtapp.core.domain.numerals import chinese_numeral


def document_number(case_number: str, sequence: int) -> str:
    """``（2026）京0105执1234号之三``: the case number as courts print it, then 之n."""
    return f"{display_number(case_number)}之{chinese_numeral(sequence)}"


__all__ = ["chinese_numeral", "document_number", "normalize_number"]
