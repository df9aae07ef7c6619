"""Generated enforcement cases for GUI tests (and for looking at the GUI).

Every case is valid: it is ``tests/data/example_case.json`` with its own case
number ``(2026)京0105执{n}号`` and its own natural-person respondent (a valid
resident ID with a computed check digit).  The applicant 李四 and the company
respondent 某某科技有限公司 (legal representative 王五) are shared by all.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from courtapp.core.domain.identifiers import ric_check_char
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.interchange import parse_cases

EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "example_case.json"
N_CASES = 450
#: Respondent surnames, round robin (none of them matches the shared applicant
#: 李四, the shared company 某某科技 or its legal representative 王五).
SURNAMES = "张赵刘陈杨"
GIVEN = "伟芳敏静磊"
#: Case number 7 has a respondent with a name no other case has.
UNIQUE_NAME = "欧阳娜娜"


def respondent_id(n: int) -> str:
    """A valid, distinct resident ID number for case ``n`` (1..999 per birth year)."""
    first17 = f"360426{1970 + n // 1000}0101{n % 1000:03d}"
    return first17 + ric_check_char(first17)


def respondent_name(n: int) -> str:
    return UNIQUE_NAME if n == 7 else SURNAMES[n % 5] + GIVEN[(n // 5) % 5]


def case_number(n: int) -> str:
    return f"(2026)京0105执{n}号"


def build_cases(count: int, start: int = 1) -> list[EnforcementCase]:
    """Valid cases built from ``tests/data/example_case.json``: each has its own
    case number and its own natural-person respondent (the company respondent and
    the applicant are shared)."""
    template = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    items = []
    for n in range(start, start + count):
        d = copy.deepcopy(template)
        d["case_number"] = case_number(n)
        d["respondents"][0]["name"] = respondent_name(n)
        d["respondents"][0]["id_number"] = respondent_id(n)
        items.append((f"[{n}]", d))
    return parse_cases(items)
