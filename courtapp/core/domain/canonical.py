"""Canonical JSON: sorted keys, no spaces, so that hashes and comparisons are stable."""

from __future__ import annotations

import json
from typing import Any

#: One encoder for every call (``json.dumps`` with these options builds a new one
#: each time; a bulk import seals tens of thousands of rows).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                            default=str)


def canonical_json(value: Any) -> str | None:
    """Stable JSON (sorted keys, no spaces) so that a hash chain is reproducible."""
    if value is None:
        return None
    return _ENCODER.encode(value)
