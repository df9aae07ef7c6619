"""Imported cases with known listings and removals, for the monthly statistics.

Every case is the same simple debt (100,000 yuan, ground (1): able to perform,
no security, nothing frozen), filed, served and overdue early in 2026, and
carries one listing migrated through the interchange ``listings`` array.
Which month each listing went onto the list and came off it is chosen so that
October 2026 has a figure of every kind (see ``EXPECTED_OCTOBER``); National
Day (2026-10-01..07, with 2026-10-10 a make-up working day) sits inside it.
"""

from __future__ import annotations

import copy
from typing import Any

from courtapp.core.context import AppContext
from courtapp.core.domain.roles import Actor
from courtapp.core.interchange import parse_cases
from courtapp.core.services import cases as svc

# Valid resident IDs (R-I1), made with the check character of GB 11643.
_AREA_BIRTH = ["11010519800101", "11010519810202", "11010519820303", "11010519830404",
               "11010519840505", "11010519850606", "11010519860707", "11010519870808",
               "11010519880909", "11010519891010", "11010519901111", "11010519911212",
               "11010519920113", "11010519930214", "11010519940315", "11010519950416"]


def rid(k: int) -> str:
    from courtapp.core.domain.identifiers import ric_check_char

    body = f"{_AREA_BIRTH[k % len(_AREA_BIRTH)]}{(k // len(_AREA_BIRTH)) * 10 + 1:03d}"
    return body + ric_check_char(body)


def uscc(k: int) -> str:
    from courtapp.core.domain.identifiers import uscc_check_char

    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    org = f"MA{k:06d}"
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in org]
    c9 = 11 - sum(v * w for v, w in zip(values, weights, strict=True)) % 11
    body = f"91110105{org}{'X' if c9 == 10 else '0' if c9 == 11 else c9}"
    return body + uscc_check_char(body)


BASE: dict[str, Any] = {
    "court": {"name": "北京市朝阳区人民法院", "code": "京0105"},
    "filed_on": "2026-01-05",
    "judge": "赵法官",
    "basis": {"kind": "civil_judgment", "issuer": "北京市朝阳区人民法院",
              "document_number": "(2025)京0105民初5678号", "effective_on": "2025-12-20"},
    "applicants": [{"kind": "person", "name": "李四", "id_number": "11010519491231002X"}],
    "obligations": [{"kind": "monetary", "amount": "100000.00", "description": "借款本金"}],
    "execution_notice": {"issued_on": "2026-01-06", "served_on": "2026-01-07",
                         "service_method": "direct", "deadline": "2026-01-20"},
    "payments": [], "property": [], "security": [], "conduct": [],
    "findings": [{"respondent": 0, "able_to_perform": True}],
}


def _person(k: int) -> dict[str, Any]:
    return {"kind": "person", "name": f"被执行人{k}", "id_number": rid(k)}


def _entity(k: int, officers: int) -> dict[str, Any]:
    return {"kind": "entity", "name": f"某某{k}号科技有限公司", "credit_code": uscc(k),
            "officers": [{"role": role, "name": f"相关人员{k}-{j}", "id_number": rid(100 + 10 * k + j)}
                         for j, role in enumerate(["legal_representative", "actual_controller"][:officers])]}


def _items(start: str, persons: list[int | None], lifted_on: str | None) -> list[dict[str, Any]]:
    return [{"item": item, "person": p, "from": start,
             "until": lifted_on, "status": "lifted" if lifted_on else "imposed"}
            for p in persons for item in (1, 9) if p is None or item == 1]


def listing(*, decided: str = "2026-02-10", served: str | None = "2026-02-11",
            published: str | None = None, grace: str | None = None, removed: str | None = None,
            kind: str | None = None, reason: str | None = None,
            officers: int = 0) -> dict[str, Any]:
    status = "removed" if removed else ("published" if published else "awaiting_publication")
    out: dict[str, Any] = {
        "respondent": 0, "grounds": [1], "decided_on": decided, "status": status,
        "signed_by": "王院长", "reasons": "有履行能力而拒不履行", "term_years": None,
        "restrictions": _items(decided, [None, *range(officers)], removed)}
    if served:
        out |= {"served_on": served, "service_method": "direct"}
    if grace:
        out["grace_until"] = grace
    if published:
        out["published_on"] = published
    if removed:
        out |= {"removed_on": removed, "removal_kind": kind}
        if reason:
            out["removal_reason"] = reason
    return out


def case_doc(seq: int, respondent: dict[str, Any], listings: list[dict[str, Any]],
             *, payments: list[dict[str, Any]] | None = None, filed: str | None = None
             ) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    doc["case_number"] = f"(2026)京0105执{seq}号"
    doc["respondents"] = [respondent]
    doc["listings"] = listings
    if payments:
        doc["payments"] = payments
    if filed:
        doc["filed_on"] = filed
        doc["execution_notice"] = None
        doc["findings"] = []
    return doc


def paid(on: str, amount: str = "100000.00") -> dict[str, Any]:
    return {"on": on, "amount": amount, "respondent": 0}


def october_cases() -> list[dict[str, Any]]:
    """The cases behind ``EXPECTED_OCTOBER`` (letters as in the module's tests)."""
    return [
        # A: a person published in October, still listed.
        case_doc(1, _person(1), [listing(published="2026-10-12")]),
        # B: an entity with two bound officers, published in October.
        case_doc(2, _entity(2, 2), [listing(published="2026-10-20", officers=2)]),
        # C: published in September; performed on 30 September, deleted on 9 October
        #    (after National Day: 8 and 9 October are the 2 working days between).
        case_doc(3, _person(3), [listing(published="2026-09-15", removed="2026-10-09",
                                         kind="deleted", reason="performed")],
                 payments=[paid("2026-09-30")]),
        # D: published in August, revoked as wrongful in October (Art. 9).
        case_doc(4, _person(4), [listing(published="2026-08-03", removed="2026-10-30",
                                         kind="revoked", reason="revoked")]),
        # E: published and deleted at the creditor's request within October.
        case_doc(5, _person(5), [listing(published="2026-10-05", removed="2026-10-28",
                                         kind="deleted", reason="creditor_request")]),
        # F: warned; performed in grace (10 October), cancelled the day after the grace:
        #    never on the list.
        case_doc(6, _person(6), [listing(decided="2026-08-14", served="2026-08-14",
                                         grace="2026-10-14", removed="2026-10-15",
                                         kind="cancelled", reason="performed")],
                 payments=[paid("2026-10-10")]),
        # G: warned; not performed, published the day after the grace ended.
        case_doc(7, _person(7), [listing(decided="2026-08-20", served="2026-08-20",
                                         grace="2026-10-20", published="2026-10-21")]),
        # H: signed in October, not served: awaiting publication, not on the list.
        case_doc(8, _person(8), [listing(decided="2026-10-02", served=None)]),
        # I: published in November.
        case_doc(9, _person(9), [listing(published="2026-11-02")]),
        # K: an entity (one officer) published in September, deleted for lack of property.
        case_doc(10, _entity(10, 1), [listing(published="2026-09-01", removed="2026-10-15",
                                              kind="deleted", reason="no_property", officers=1)]),
        # L: a migrated removal without a reason.
        case_doc(11, _person(11), [listing(published="2026-07-01", removed="2026-10-22",
                                           kind="deleted")]),
        # M: a case filed in October (no notice yet, no listing).
        case_doc(12, _person(12), [], filed="2026-10-08"),
    ]


EXPECTED_OCTOBER: dict[str, Any] = {
    "month": "2026-10",
    "listings_added": {"person": 3, "entity": 1},  # A, E, G; B
    "listings_removed": {"person": 4, "entity": 1},  # C, D, E, L; K
    "listed_at_month_end": {"person": 2, "entity": 1},  # A, G; B
    "performed_in_grace": {"warned": 2, "performed": 1},  # F, G; F
}
EXPECTED_SEPTEMBER_END = {"person": 3, "entity": 1}  # C, D, L; K


def import_all(db: AppContext, actor: Actor, docs: list[dict[str, Any]]) -> None:
    from datetime import date

    parsed = parse_cases([(f"[{i}]", d) for i, d in enumerate(docs)], today=date(2026, 12, 1))
    svc.import_cases(db.uow(), actor, parsed, today=date(2026, 12, 1))
