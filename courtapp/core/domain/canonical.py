"""Canonical JSON: sorted keys, no spaces, so that hashes and comparisons are stable."""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> str | None:
    """Stable JSON (sorted keys, no spaces) so that a hash chain is reproducible."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
