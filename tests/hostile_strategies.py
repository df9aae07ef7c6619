"""Hypothesis strategies for hostile input (issue 10 §6), shared by the unit
and integration property tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

EXAMPLE = Path(__file__).resolve().parent / "data" / "example_case.json"
BASE: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))

#: Text with what hostile input holds: controls and NUL, surrogates, RTL and
#: combining marks, full-width and Arabic-Indic digits, CJK.
hostile_text = st.text(alphabet=st.one_of(
    st.characters(codec=None),  # anything, surrogates included
    st.sampled_from(list("\x00\u202e\u200f\u0301\u20dd\ufeff\u3000（）()执号京0123456789X１٢")),
), max_size=40)
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True), hostile_text,
    st.sampled_from(["9999-12-31", "0001-01-01", "2026-02-30", "1e27", "NaN", "-0", "", " "]))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(hostile_text, inner, max_size=3)), max_leaves=8)


@st.composite
def mutated_case(draw: st.DrawFn) -> dict[str, Any]:
    """The example case with one to three values replaced, deleted or added anywhere."""
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        node: Any = doc
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            k = draw(st.sampled_from(keys))
            child = node[k]
            if isinstance(child, dict | list) and child and draw(st.booleans()):
                node = child
                continue
            action = draw(st.sampled_from(["replace", "delete", "add"]))
            if action == "replace":
                node[k] = draw(json_values)
            elif action == "delete":
                del node[k]
            elif isinstance(node, dict):
                node[draw(hostile_text)] = draw(json_values)
            else:
                node.append(draw(json_values))
            break
    return doc
