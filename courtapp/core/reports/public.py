"""The public list (公开名单): what 2017 Provisions Art. 6 lets the public see.

An entry is a listing that is **published and not removed**.  It carries the
Art. 6 fields only (``ALLOWED_FIELDS``):

- item (1) an entity: name, unified social credit code in full, and the legal
  representative's (or principal's) name;
- item (2) a natural person: name, sex, age, and the resident ID number
  **masked in the middle** (a court setting, default: the first 6 and the last 4
  characters show, asterisks between — the birth date never shows);
- item (3) the obligations and how far they are performed: amount due, paid,
  outstanding, the performance status and the date of the last payment;
- item (4) the dishonest conduct: the grounds of Art. 1 with their legal text;
- item (5) the basis's issuer and number, the case number, the filing date and
  the court;
- and the day the entry was published (Art. 7).

No address, telephone, officer ID, applicant, evidence, reasons or any other
personal data is ever read into an entry; free text that goes out (an
obligation's description) has anything shaped like an ID or a mobile number
masked as well (:func:`scrub`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from courtapp.core import settings
from courtapp.core.db.orm import CaseRow, ListingRow, PersonRow
from courtapp.core.domain.assessment import GROUND_TEXT
from courtapp.core.domain.identifiers import resident_id_info
from courtapp.core.domain.listing import ListingStatus
from courtapp.core.domain.model import EnforcementCase, OfficerRole, PartyKind
from courtapp.core.domain.money import format_amount
from courtapp.core.settings import SettingsReader

if TYPE_CHECKING:
    from courtapp.core.db.uow import UnitOfWork

SETTING_ID_MASK = settings.PUBLIC_ID_MASK.key
#: Default mask: the first 6 (the area code) and the last 4 characters show.
DEFAULT_MASK = (6, 4)
#: The birth date (positions 7-14) is always hidden: at most 6 first and 4 last characters.
MAX_FIRST, MAX_LAST = 6, 4

#: Every field a public entry may have, in export order (2017 Provisions Art. 6).
ALLOWED_FIELDS = (
    "published_on", "case_number", "court", "filed_on", "basis_issuer", "basis_document_number",
    "kind", "name", "sex", "age", "id_number", "credit_code", "legal_representative",
    "obligations", "amount_due", "amount_paid", "amount_outstanding", "performance",
    "last_payment_on", "grounds", "dishonest_conduct",
)

_ID18 = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<!\d)(\d{15})(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")


@dataclass(frozen=True)
class Mask:
    """How many leading and trailing characters of a resident ID show."""

    first: int = DEFAULT_MASK[0]
    last: int = DEFAULT_MASK[1]

    @classmethod
    def parse(cls, text: str) -> Mask:
        """``"6,4"``; ValueError unless 0 ≤ first ≤ 6 and 0 ≤ last ≤ 4."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise ValueError(f"{text!r}: write FIRST,LAST, e.g. 6,4")
        first, last = int(parts[0]), int(parts[1])
        if not (0 <= first <= MAX_FIRST and 0 <= last <= MAX_LAST):
            raise ValueError(f"{text!r}: at most the first {MAX_FIRST} and the last {MAX_LAST} "
                             "characters may show (the birth date is always hidden)")
        return cls(first, last)

    def apply(self, value: str) -> str:
        n = len(value)
        keep_last = min(self.last, max(0, n - self.first))
        hidden = n - self.first - keep_last
        if hidden <= 0:
            return "*" * n
        return value[:self.first] + "*" * hidden + (value[n - keep_last:] if keep_last else "")

    def __str__(self) -> str:
        return f"{self.first},{self.last}"


def mask_setting(reader: SettingsReader) -> Mask:
    """The court's mask (:data:`courtapp.core.settings.PUBLIC_ID_MASK`); the default
    when unset or unreadable (an unreadable setting never unmasks more)."""
    try:
        return Mask.parse(settings.value(reader, settings.PUBLIC_ID_MASK))
    except ValueError:
        return Mask()


def scrub(text: str, mask: Mask) -> str:
    """``text`` with anything shaped like a resident ID (18 or 15 digits) or a
    mobile number masked."""
    text = _ID18.sub(lambda m: mask.apply(m.group(1)), text)
    text = _ID15.sub(lambda m: Mask(min(mask.first, 6), min(mask.last, 3)).apply(m.group(1)), text)
    return _MOBILE.sub(lambda m: m.group(1)[:3] + "****" + m.group(1)[7:], text)


@dataclass(frozen=True)
class PublicEntry:
    """One entry of the public list (Art. 6 fields only)."""

    listing_id: int
    fields: dict[str, Any]

    @property
    def outstanding(self) -> str:
        return str(self.fields["amount_outstanding"])

    @property
    def last_payment_on(self) -> str | None:
        value = self.fields.get("last_payment_on")
        return None if value is None else str(value)


def entry(case: EnforcementCase, respondent: int, grounds: Sequence[int], published_on: date,
          mask: Mask, as_of: date) -> dict[str, Any]:
    """The Art. 6 fields of one listing of ``case`` as of ``as_of``."""
    party = case.respondents[respondent]
    out: dict[str, Any] = {
        "published_on": published_on.isoformat(),
        "case_number": case.case_number,
        "court": case.court.name,
        "filed_on": case.filed_on.isoformat(),
        "basis_issuer": case.basis.issuer,
        "basis_document_number": case.basis.document_number,
        "kind": party.kind.value,
        "name": party.name,
    }
    if party.kind is PartyKind.PERSON:  # Art. 6 item (2)
        info = resident_id_info(party.id_number or "")
        out |= {"sex": info.sex, "age": info.age_on(as_of),
                "id_number": mask.apply(party.id_number or "")}
    else:  # Art. 6 item (1)
        head = next((o for o in party.officers if o.role is OfficerRole.LEGAL_REPRESENTATIVE),
                    next((o for o in party.officers if o.role is OfficerRole.PRINCIPAL), None))
        out |= {"credit_code": party.credit_code, "legal_representative": head.name if head else None}
    paid = [p.on for p in case.payments if p.on <= as_of]
    outstanding = case.outstanding(as_of)
    out |= {  # Art. 6 item (3)
        "obligations": [scrub(o.description, mask) + (f" {format_amount(o.amount)}元" if o.amount else "")
                        for o in case.obligations],
        "amount_due": f"{case.total_due():.2f}",
        "amount_paid": f"{case.total_paid(as_of):.2f}",
        "amount_outstanding": f"{outstanding:.2f}",
        "performance": "performed" if case.fully_performed(as_of) else (
            "partly_performed" if case.partly_performed(as_of) else "not_performed"),
        "last_payment_on": max(paid).isoformat() if paid else None,
        # Art. 6 item (4): the grounds of Art. 1, in the words of the Provisions.
        "grounds": sorted(set(grounds)),
        "dishonest_conduct": [GROUND_TEXT[g][1] for g in sorted(set(grounds))],
    }
    return {k: out[k] for k in ALLOWED_FIELDS if k in out}


def _published() -> Any:
    return ListingRow.status == ListingStatus.PUBLISHED.value


def _entries(uow: UnitOfWork, rows: Sequence[tuple[int, int, int, str, date]], mask: Mask,
             as_of: date) -> list[PublicEntry]:
    cases = uow.cases.many(sorted({r[1] for r in rows}))
    return [PublicEntry(lid, entry(cases[cid].case, resp, [int(g) for g in grounds.split(",") if g],
                                   published, mask, as_of))
            for lid, cid, resp, grounds, published in rows]


def _listing_cols() -> Any:
    lr = ListingRow
    return select(lr.id, lr.case_id, lr.respondent, lr.grounds, lr.published_on)


def export_entries(uow: UnitOfWork, start: date, end: date, *, as_of: date,
                   court: str | None = None, chunk: int = 500) -> Iterator[PublicEntry]:
    """Every entry published from ``start`` to ``end`` (inclusive) and still on the
    list, oldest first, read ``chunk`` listings at a time (within the caller's open
    unit of work)."""
    s = uow.session
    mask = mask_setting(uow.settings)
    lr = ListingRow
    after = 0
    while True:
        q = _listing_cols().where(_published(), lr.published_on.between(start, end),
                                  lr.published_on <= as_of, lr.id > after) \
            .order_by(lr.id).limit(chunk)
        if court is not None:
            q = q.join(CaseRow, CaseRow.id == lr.case_id).where(CaseRow.court_code == court)
        rows = [tuple(r) for r in s.execute(q)]
        if not rows:
            return
        yield from _entries(uow, rows, mask, as_of)
        after = int(rows[-1][0])


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_CASE_TEXT = re.compile(r"^[(（]|^(执[恢保异复监协他]?)?\d{1,7}号?$")
_ID_TEXT = re.compile(r"^(\d{15}|\d{17}[\dX])$")
_USCC_TEXT = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")


def search_kind(text: str) -> str:
    """What the public search box holds: case_number (``(2026)京0105执12号``, ``执12``,
    ``12``), id_number or credit_code (in full), else name.  A name may contain 执
    (被执行人…), so only a number-shaped text is a case number."""
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "").upper()
    if _CASE_TEXT.match(t):
        return "case_number"
    if _ID_TEXT.match(t):
        return "id_number"
    if _USCC_TEXT.match(t):
        return "credit_code"
    return "name"


def search(uow: UnitOfWork, text: str, *, as_of: date, before_id: int | None = None,
           limit: int = 50) -> list[PublicEntry]:
    """Published entries matching a name (prefix), a full ID number or credit code, or a
    case number (or its sequence, e.g. ``执2999`` or ``2999``), newest first.
    ``before_id`` continues after the last entry of the previous page (keyset)."""
    s = uow.session
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if not t:
        return []
    lr, p = ListingRow, PersonRow
    sel = _listing_cols().join(p, p.id == lr.person_id).where(_published(), lr.published_on <= as_of)
    kind = search_kind(t)
    if kind == "case_number":
        number = _escape(t.replace("（", "(").replace("）", ")"))
        if number.startswith("("):
            pattern = number + "%"  # the number from its start
        elif number.isdigit():
            pattern = f"%执{number}号"  # a bare sequence number: first enforcement (执)
        else:
            pattern = "%" + number + ("" if number.endswith("号") else "号")  # 执2999, 执恢12
        sel = sel.join(CaseRow, CaseRow.id == lr.case_id).where(
            CaseRow.case_number.like(pattern, escape="\\"))
    elif kind in ("id_number", "credit_code"):
        ident = t.upper()
        sel = sel.where(or_(p.id_number == ident, p.credit_code == ident))
    else:
        sel = sel.where(p.name.like(_escape(t) + "%", escape="\\"))
    if before_id is not None:
        sel = sel.where(lr.id < before_id)
    rows = [tuple(r) for r in s.execute(sel.order_by(lr.id.desc()).limit(limit))]
    return _entries(uow, rows, mask_setting(uow.settings), as_of)


__all__ = ["ALLOWED_FIELDS", "DEFAULT_MASK", "Mask", "PublicEntry", "SETTING_ID_MASK", "entry",
           "export_entries", "mask_setting", "scrub", "search", "search_kind"]
