"""Builders: a :class:`Document` from the case, the listing or order, a template
and the issuing context.  Pure: no Qt, no database, no clock.

:func:`build` dispatches on the kind.  Each kind has a precondition; when it
is missing the builder raises :class:`MissingPrecondition`, whose message
says exactly what is missing in English and Chinese (the CLI shows it).

Inputs beyond the case, per kind (``extra`` keys; dates as ``date`` or ISO strings):

- ``execution_notice``: the case's execution notice and obligations.
- ``warning``: a listing of the respondent with a grace period (``grace_until``).
- ``listing_decision``: a listing of the respondent, with its reasons.
- ``restriction_order``: ``order`` (a standalone :class:`RestrictionOrder`) or the
  listing's restrictions; at least one item.
- ``restriction_lifting``: ``order`` or listing restrictions, and ``ground``
  (``security`` | ``creditor_consent`` | ``fully_performed``, 2015 Art. 9; or
  ``officer_change``, a former legal representative released, 2019 Opinion 17(2));
  ``items`` (item numbers) lifts those items only; without it, the items whose
  status is no longer ``imposed`` if only some are, else the whole order;
  ``security`` (lifting on security: ``offered``, ``value``, ``outstanding``, ``acts``,
  ``covers``, ``found_effective``) states what was offered, and calls it genuine and
  effective only if it covers everything outstanding or the judge found it so;
  ``persons`` (``None`` = the respondent, or officer indexes) narrows who; with
  ``officer_change`` the persons are the released officers, printed in their
  former capacity (原法定代表人), and ``new_officer`` (an index) names the entity's
  legal representative now.
- ``deletion``: a listing; ``action`` (``delete`` | ``revoke``; default from the
  listing's removal kind) and, to delete, ``ground``: 1–7 (2017 Art. 10 para. 1),
  ``"expired"`` (para. 2) or ``"early"`` (Art. 2 para. 2); ``reasons`` to revoke;
  ``due_on`` (the 3-working-day deadline, R-R7) and ``late`` (default False): a
  decision after ``due_on`` (or with ``late``) states that it is late and when it
  was due.
- ``correction_decision``: a listing; ``outcome`` (``granted`` | ``rejected``),
  ``ground`` (1–3, 2017 Art. 11), ``received_on``, ``reasons``; ``correction``
  (the corrected information) when ground 2 is granted; ``higher_court``.
- ``permission``: restrictions (order or listing); ``permission`` (``travel`` |
  ``private`` | ``necessary``), ``received_on``, ``from``, ``until``; for travel
  ``travel_ground`` (illness | funeral | official_duty | foreign_affairs | exam) and
  optional ``itinerary``; for private ``person`` (an officer index) and
  ``consumption``; for necessary ``consumption``.
- ``receipt``: ``petition`` (a key of the template's ``petitions``),
  ``petition_number``, ``received_on``; ``due_on`` unless the petition has a
  statutory review period (15 days for a correction or a listing application);
  ``due_provisional`` (the due date touches a year without calendar data);
  ``petitioner`` (``respondent`` | ``applicant`` with ``applicant``, an index |
  ``officer`` with ``person``, the entity respondent's officer index), ``attachments``.

Every kind also takes ``former_officers`` (officer indexes of an entity
respondent who no longer hold office: printed as 原法定代表人…, never as the
entity's representative).

Every notice (not the counter receipt) prints the outstanding balance as of its
issue date when the template has an ``outstanding`` text and something is outstanding.

Drafting rules (issue 9 §3) kept here for every kind: free-text reasons end with
their full stop (:func:`sentence`); Civil Procedure Law articles come from
:mod:`courtapp.core.domain.citations` by the issue date (R-N2); numbers print
with full-width brackets (:func:`~courtapp.core.domain.identifiers.display_number`);
the signer is a person's name, a system account prints a blank line
(:func:`printed_signer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from courtapp.core.documents.model import DocKind, Document, PartyLine
from courtapp.core.documents.templates import Template, fill, load_common, load_template
from courtapp.core.domain.assessment import GROUND_TEXT
from courtapp.core.domain.citations import NoCitation, cpl_citations
from courtapp.core.domain.identifiers import display_number, parse_case_number, resident_id_info
from courtapp.core.domain.listing import (
    RESTRICTION_TEXT,
    Listing,
    ListingStatus,
    RemovalKind,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
)
from courtapp.core.domain.model import (
    EnforcementCase,
    ObligationKind,
    Officer,
    OfficerRole,
    Party,
    PartyKind,
)
from courtapp.core.domain.money import format_amount
from courtapp.core.domain.numerals import chinese_numeral
from courtapp.core.domain.restriction_order import FACTOR_TEXT, Initiation, RestrictionOrder
from courtapp.core.domain.roles import is_system_account

__all__ = ["MissingPrecondition", "build", "zh_numeral", "format_date", "signature_date", "sentence",
           "phrase", "printed_signer"]


class MissingPrecondition(ValueError):
    """The kind's precondition is missing; the message says what, in both languages."""

    def __init__(self, kind: DocKind | str, what_en: str, what_zh: str) -> None:
        self.kind = DocKind(kind)
        self.what_en = what_en
        self.what_zh = what_zh
        super().__init__(f"cannot issue {self.kind.value}: {what_en} / 无法制作该文书：{what_zh}")


# ---------------------------------------------------------------- formatting
_DIGITS = "〇一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 31 → 三十一, 114 → 一百一十四."""
    return chinese_numeral(n) if n > 0 else str(n)


def format_date(d: date, lang: str, common: Template | None = None) -> str:
    """``2026年3月15日`` / ``15 March 2026``."""
    if common is None:
        common = load_common(lang)
    months = common.data.get("months") or []
    month = months[d.month - 1] if len(months) == 12 else str(d.month)
    return common.text("date", y=d.year, m=d.month, d=d.day, month=month)


def signature_date(d: date, lang: str, common: Template | None = None) -> str:
    """The date under the signature: ``二〇二六年三月十五日`` / ``15 March 2026``."""
    if common is None:
        common = load_common(lang)
    months = common.data.get("months") or []
    month = months[d.month - 1] if len(months) == 12 else str(d.month)
    return common.text("signature_date", Y="".join(_DIGITS[int(c)] for c in str(d.year)),
                       M=zh_numeral(d.month), D=zh_numeral(d.day), y=d.year, m=d.month,
                       d=d.day, month=month)


# ---------------------------------------------------------------- free text
_ZH_STOPS = "。！？"
_EN_STOPS = ".!?"
_SOFT_ENDS = "；;，,、：:"
_CLOSERS = "”’）)》」』】〕]"


def _zh_marks(text: str) -> str:
    """Chinese running text uses full-width brackets, never ASCII ones."""
    return text.replace("(", "（").replace(")", "）")


def sentence(text: str, lang: str) -> str:
    """A free-text reason as a sentence that ends with its full stop: ``…规避执行`` →
    ``…规避执行。``, ``…规避执行；`` → ``…规避执行。``; one already ended is kept.
    Empty stays empty.  In Chinese, ASCII brackets become full-width."""
    t = " ".join(text.split())
    if not t:
        return ""
    if lang == "zh":
        t = _zh_marks(t)
    if lang == "zh" and t.endswith("."):
        t = t[:-1] + "。"
    body = t.rstrip(_CLOSERS)
    if body and body[-1] in _ZH_STOPS + _EN_STOPS:
        return t  # "…。", "…。）" or, in English, "…." (a Chinese "…。" quoted stays)
    if t[-1] in _SOFT_ENDS:
        t = t[:-1].rstrip()
    return t + ("。" if lang == "zh" else ".")


def sentences(texts: Sequence[str], lang: str) -> str:
    """Several free-text sentences joined, each ending with its full stop."""
    parts = [s for s in (sentence(t, lang) for t in texts) if s]
    return ("" if lang == "zh" else " ").join(parts)


def phrase(text: str, lang: str) -> str:
    """Free text set inside a sentence (an itinerary, a consumption): no closing
    punctuation of its own, the template adds it."""
    t = " ".join(text.split())
    if lang == "zh":
        t = _zh_marks(t)
    while t and t[-1] in _ZH_STOPS + _EN_STOPS + _SOFT_ENDS:
        t = t[:-1].rstrip()
    return t


def printed_signer(name: str) -> str:
    """The name a document prints for its signer: a person's name, never a system
    account (``console:root``).  Empty: the page leaves a line for a handwritten name."""
    n = name.strip()
    return "" if not n or is_system_account(n) else n


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


# ---------------------------------------------------------------- context
@dataclass
class _Ctx:
    kind: DocKind
    case: EnforcementCase
    respondent: int | None
    lang: str
    number: str
    issued_on: date
    signer: str
    signer_title: str
    listing: Listing | None
    order: RestrictionOrder | None
    extra: dict[str, Any]
    t: Template
    c: Template
    #: officers (indexes) of the respondent who no longer hold their office
    formers: frozenset[int] = frozenset()

    # -- errors
    def missing(self, what_en: str, what_zh: str) -> MissingPrecondition:
        return MissingPrecondition(self.kind, what_en, what_zh)

    def need(self, key: str, what_en: str, what_zh: str) -> Any:
        v = self.extra.get(key)
        if v is None or v == "" or v == []:
            raise self.missing(what_en, what_zh)
        return v

    def need_date(self, key: str, what_en: str, what_zh: str) -> date:
        v = self.need(key, what_en, what_zh)
        try:
            d = _as_date(v)
        except ValueError:
            raise self.missing(f"{what_en} (not a date: {v!r})", f"{what_zh}（日期格式错误：{v}）") from None
        assert d is not None
        return d

    # -- text
    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    def fmt(self, d: date) -> str:
        return format_date(d, self.lang, self.c)

    def join(self, items: Sequence[str]) -> str:
        if not self.zh and len(items) > 1:
            return ", ".join(items[:-1]) + " and " + items[-1]
        return str(self.c.data["join"]).join(items)

    # -- parties
    def resp(self) -> Party:
        assert self.respondent is not None
        return self.case.respondents[self.respondent]

    def id_text(self, party_kind: PartyKind, identifier: str) -> str:
        key = "id_person" if party_kind is PartyKind.PERSON else "id_entity"
        return self.c.text(key, id=identifier)

    def person_id_text(self, id_number: str) -> str:
        return self.c.text("id_person", id=id_number)

    def party_line(self, role_key: str, p: Party) -> PartyLine:
        role = str(self.c.mapping("roles")[role_key])
        ident = p.identifier
        id_text = self.id_text(p.kind, ident)
        if p.kind is PartyKind.PERSON:
            try:
                info = resident_id_info(ident)
            except ValueError:
                detail = id_text
            else:
                detail = self.c.text("person_detail", sex=self.c.mapping("sex")[info.sex],
                                     born=self.fmt(info.birth_date), id_text=id_text)
        else:
            lines = [self.c.text("entity_detail", id_text=id_text)]
            o = self.representative(p)
            if o is not None:
                lines.append(self.c.text("representative", role=self.c.mapping("officer_roles")[o.role.value],
                                         name=o.name))
            detail = "\n".join(lines)
        return PartyLine(role=role, name=p.name, identifier=ident, detail=detail)

    def representative(self, p: Party) -> Officer | None:
        """The entity's legal representative (else principal responsible person) in
        office: the new one (``new_officer``) first; a former one never."""
        current = [o for j, o in enumerate(p.officers)
                   if not (self.respondent is not None and p is self.resp() and j in self.formers)]
        new = self.extra.get("new_officer")
        if isinstance(new, int) and p is self.resp() and 0 <= new < len(p.officers) \
                and p.officers[new] in current:
            current.insert(0, p.officers[new])
        reps = [o for o in current if o.role is OfficerRole.LEGAL_REPRESENTATIVE] or \
            [o for o in current if o.role is OfficerRole.PRINCIPAL]
        return reps[0] if reps else None

    def office(self, j: int) -> str:
        """The respondent's officer ``j``'s capacity: 法定代表人, or 原法定代表人 once released."""
        o = self.resp().officers[j]
        key = "former_officer_roles" if j in self.formers else "officer_roles"
        return str(self.c.mapping(key)[o.role.value])

    def officer_line(self, p: Party, j: int) -> PartyLine:
        """A person bound with an entity respondent (2015 Art. 3 para. 2)."""
        o = p.officers[j]
        office = self.office(j) if self.zh else _lower_first(self.office(j))
        return PartyLine(role=str(self.c.mapping("roles")["bound"]), name=o.name, identifier=o.id_number,
                         detail=self.c.text("bound_detail", entity=p.name, office=office,
                                            id_text=self.person_id_text(o.id_number)))

    def base_parties(self, role_key: str = "respondent") -> list[PartyLine]:
        out = [self.party_line("applicant", a) for a in self.case.applicants]
        if self.respondent is None:
            out += [self.party_line(role_key, r) for r in self.case.respondents]
        else:
            out.append(self.party_line(role_key, self.resp()))
        return out

    # -- common values
    def values(self) -> dict[str, Any]:
        case = self.case
        b = case.basis
        kinds = self.c.mapping("basis_kinds")
        resp_name = self.resp().name if self.respondent is not None else \
            self.join([r.name for r in case.respondents])
        resp_id = ""
        if self.respondent is not None:
            r = self.resp()
            resp_id = self.id_text(r.kind, r.identifier)
        try:
            cites = cpl_citations(self.issued_on, self.lang)
        except NoCitation as e:
            raise self.missing(str(e), f"{self.issued_on.isoformat()}无可引用的民事诉讼法条文版本") from None
        return {
            **cites,
            "court": case.court.name,
            "case_number": _case_display(case),
            "number": self.number,
            "applicants": self.join([a.name for a in case.applicants]),
            "respondents": self.join([r.name for r in case.respondents]),
            "respondent": resp_name,
            "respondent_id": resp_id,
            "basis_issuer": b.issuer,
            "basis_number": display_number(b.document_number),
            "basis_kind": kinds.get(b.kind.value, kinds.get("other", "")),
            "basis_effective_on": self.fmt(b.effective_on),
            "filed_on": self.fmt(case.filed_on),
            "issued_on": self.fmt(self.issued_on),
            "judge": case.judge,
        }

    def outstanding(self, values: Mapping[str, Any]) -> tuple[str, Decimal]:
        amount = self.case.outstanding(self.issued_on)
        if amount <= 0 or "outstanding" not in self.t.data:
            return "", amount
        return self.t.text("outstanding", **{**values, "amount": format_amount(amount),
                                             "as_of": self.fmt(self.issued_on)}), amount

    # -- listing and restrictions
    def find_listing(self, *, current: bool = True) -> Listing:
        i = self.respondent
        assert i is not None
        if self.listing is not None:
            if self.listing.respondent != i:
                raise self.missing(
                    f"the listing given is for respondent {self.listing.respondent + 1}, not respondent {i + 1}",
                    f"所给失信名单记录属于第{self.listing.respondent + 1}被执行人，而非第{i + 1}被执行人")
            return self.listing
        mine = [x for x in self.case.listings if x.respondent == i]
        if current:
            live = [x for x in mine if x.status is not ListingStatus.REMOVED]
            mine = live or mine
        if not mine:
            name = self.resp().name
            raise self.missing(f"respondent {i + 1} ({name}) has no listing decision in this case",
                               f"被执行人{name}在本案中没有纳入失信被执行人名单的决定")
        return max(mine, key=lambda x: x.decided_on)

    def restrictions(self) -> tuple[list[Restriction], date, RestrictionOrder | None, Listing | None]:
        i = self.respondent
        assert i is not None
        if self.order is not None:
            if self.order.respondent != i:
                raise self.missing(
                    f"the restriction order given is for respondent {self.order.respondent + 1}, not respondent {i + 1}",
                    f"所给限制消费令属于第{self.order.respondent + 1}被执行人，而非第{i + 1}被执行人")
            rs, when, order, listing = list(self.order.restrictions), self.order.decided_on, self.order, None
        else:
            try:
                lst = self.find_listing()
            except MissingPrecondition:
                lst = None
            rs = list(lst.restrictions) if lst is not None else []
            when = lst.decided_on if lst is not None else self.issued_on
            order, listing = None, lst
        if not rs:
            name = self.resp().name
            raise self.missing(
                f"respondent {i + 1} ({name}) has no restricted item: a restriction order names at least "
                "one item of 2015 Provisions Art. 3",
                f"被执行人{name}没有限制消费项目：限制消费令应列明至少一项《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第三条规定的项目")
        return rs, when, order, listing

    def person_name(self, person: int | None) -> tuple[str, str, str]:
        """(label, name, ID text) of a bound person."""
        p = self.resp()
        if person is None:
            return (str(self.c.mapping("roles")["respondent"]), p.name, self.id_text(p.kind, p.identifier))
        o = p.officers[person]
        office = self.office(person) if self.zh else _lower_first(self.office(person))
        return (office, o.name, self.person_id_text(o.id_number))

    def item_text(self, item: RestrictionItem) -> str:
        en, zh = RESTRICTION_TEXT[item]
        return zh if self.zh else en

    def grounds(self, grounds: Sequence[int]) -> tuple[str, str]:
        gs = sorted(set(grounds))
        if self.zh:
            items = "、".join(f"第（{zh_numeral(g)}）项" for g in gs)
            texts = "，且".join(GROUND_TEXT[g][1] for g in gs)
        else:
            items = ("item " if len(gs) == 1 else "items ") + self.join([f"({g})" for g in gs])
            texts = " and ".join(GROUND_TEXT[g][0] for g in gs)
        return items, texts

    def labels(self) -> dict[str, str]:
        c = self.c
        return {
            "qr_caption": c.text("qr_caption"),
            "legal_basis_heading": c.text("legal_basis_heading"),
            "page": str(c.raw("page")),
            "signature_date": signature_date(self.issued_on, self.lang, c),
            "signer_line": c.text("signer", title=self.signer_title, name=printed_signer(self.signer)),
            "case_number": c.text("case_number", case_number=_case_display(self.case)),
        }

    def document(self, *, title: str | None = None, parties: Sequence[PartyLine], basis: str,
                 body: Sequence[str], legal_basis: Sequence[str], term: str = "", remedy: str = "",
                 outstanding: str = "", extra: Mapping[str, Any] | None = None) -> Document:
        x: dict[str, Any] = {"respondent": self.respondent, **_jsonable(dict(extra or {}))}
        x["labels"] = self.labels()
        signer = printed_signer(self.signer)
        if not signer:
            x["signature"] = "handwritten"  # a line is left for the name, signed by hand
        tidy = self.tidy
        supersedes = display_number(str(self.extra.get("supersedes") or ""))
        if supersedes:
            x["labels"]["supersedes"] = self.c.text("supersedes", supersedes=supersedes)
        return Document(
            kind=self.kind, lang=self.lang, number=display_number(self.number),
            case_number=_case_display(self.case),
            court_name=str(self.extra.get("court_name") or self.case.court.name),
            title=title or self.t.title, issued_on=self.issued_on, signer=signer,
            signer_title=self.signer_title,
            parties=tuple(replace(p, detail=tidy(p.detail, opens=False)) for p in parties),
            basis=tidy(basis),
            body=tuple(tidy(b) for b in body), legal_basis=tuple(tidy(b) for b in legal_basis),
            term=tidy(term), remedy=tidy(remedy), outstanding=tidy(outstanding), extra=x,
            supersedes=supersedes)

    def tidy(self, text: str, *, opens: bool = True) -> str:
        """Every number on the page in its printed form (``（2026）…号``); in English,
        no doubled space where an optional sentence was left out."""
        text = display_number(text)
        if not self.zh:
            text = re.sub(r" {2,}", " ", text).replace(" \n", "\n").strip(" ")
            if opens and text[:1].islower():  # a paragraph opening with a placeholder ("former …")
                text = text[0].upper() + text[1:]
        return text


def _case_display(case: EnforcementCase) -> str:
    try:
        return parse_case_number(case.case_number).display()
    except ValueError:
        return display_number(case.case_number)


def _jsonable(v: Any) -> Any:
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple | set | frozenset):
        items = sorted(v) if isinstance(v, set | frozenset) else v
        return [_jsonable(x) for x in items]
    if isinstance(v, int | float | str | bool) or v is None:
        return v
    return str(v)


def _end_list(items: list[str], lang: str) -> list[str]:
    """The last item of a list ends with a full stop, not a semicolon."""
    if items:
        last = items[-1].rstrip()
        if last.endswith(("；", ";")):
            items[-1] = last[:-1] + ("。" if lang == "zh" else ".")
    return items


# ---------------------------------------------------------------- the kinds
def _execution_notice(x: _Ctx) -> Document:
    n = x.case.execution_notice
    if n is None:
        raise x.missing("the case has no execution notice (its issue date and performance deadline)",
                        "本案没有执行通知书记录（签发日期和履行期限）")
    if not x.case.obligations:
        raise x.missing("the case records no obligation to perform", "本案没有记录被执行人应当履行的义务")
    v = x.values()
    v["deadline"] = x.fmt(n.deadline)
    items: list[str] = []
    for k, o in enumerate(x.case.obligations, start=1):
        num = zh_numeral(k) if x.zh else str(k)
        if o.kind is ObligationKind.MONETARY and o.amount is not None:
            items.append(x.t.text("obligation_monetary", **v, n=num, description=o.description,
                                  amount=format_amount(o.amount)))
        else:
            items.append(x.t.text("obligation_non_monetary", **v, n=num, description=o.description))
    v["obligations"] = _end_list(items, x.lang)
    outstanding, amount = x.outstanding(v)
    return x.document(
        parties=x.base_parties(), basis=x.t.text("basis", **v), body=x.t.paragraphs("body", **v),
        legal_basis=x.t.paragraphs("legal_basis", **v), term=x.t.text("term", **v),
        remedy=x.t.text("remedy", **v), outstanding=outstanding,
        extra={"notice_issued_on": n.issued_on, "deadline": n.deadline, "outstanding": amount})


def _warning(x: _Ctx) -> Document:
    lst = x.find_listing()
    if lst.grace_until is None:
        raise x.missing(
            f"the listing of {x.resp().name} has no grace period (2019 Opinion item 15: 1 to 3 months)",
            f"被执行人{x.resp().name}的失信名单决定没有设定宽限期（法发〔2019〕35号第15条：一至三个月）")
    if not lst.grounds:
        raise x.missing("the listing states no ground of 2017 Provisions Art. 1",
                        "失信名单决定未写明第一条规定的情形")
    v = x.values()
    v["ground_items"], v["ground_texts"] = x.grounds(lst.grounds)
    v["decided_on"] = x.fmt(lst.decided_on)
    v["grace_until"] = x.fmt(lst.grace_until)
    outstanding, amount = x.outstanding(v)
    return x.document(
        parties=x.base_parties(), basis=x.t.text("basis", **v), body=x.t.paragraphs("body", **v),
        legal_basis=x.t.paragraphs("legal_basis", **v), term=x.t.text("term", **v),
        remedy=x.t.text("remedy", **v), outstanding=outstanding,
        extra={"decided_on": lst.decided_on, "grace_until": lst.grace_until,
               "grounds": sorted(lst.grounds), "outstanding": amount})


def _listing_decision(x: _Ctx) -> Document:
    lst = x.find_listing()
    if not lst.grounds:
        raise x.missing("the listing states no ground of 2017 Provisions Art. 1",
                        "失信名单决定未写明第一条规定的情形")
    if not lst.reasons.strip():
        raise x.missing("the listing states no reasons (2017 Provisions Art. 5 para. 3)",
                        "失信名单决定未写明纳入理由（第五条第三款）")
    v = x.values()
    v["ground_items"], v["ground_texts"] = x.grounds(lst.grounds)
    v["reasons"] = sentence(lst.reasons, x.lang)
    v["decided_on"] = x.fmt(lst.decided_on)
    end = lst.term_end()
    if lst.term_years is not None and end is not None:
        years = lst.term_years + lst.extension_years
        v["term_years"] = zh_numeral(years) if x.zh else str(years)
        v["term_end"] = x.fmt(end)
        v["decision"] = x.t.text("decision_fixed", **v)
        term = x.t.text("term_fixed", **v)
    else:
        v["decision"] = x.t.text("decision_none", **v)
        term = x.t.text("term_none", **v)
    v["grace"] = x.t.text("grace", **v, grace_until=x.fmt(lst.grace_until)) \
        if lst.grace_until is not None else ""
    outstanding, amount = x.outstanding(v)
    return x.document(
        parties=x.base_parties(), basis=x.t.text("basis", **v), body=x.t.paragraphs("body", **v),
        legal_basis=x.t.paragraphs("legal_basis", **v), term=term, remedy=x.t.text("remedy", **v),
        outstanding=outstanding,
        extra={"decided_on": lst.decided_on, "grounds": sorted(lst.grounds),
               "term_years": lst.term_years, "extension_years": lst.extension_years,
               "term_end": end, "grace_until": lst.grace_until, "outstanding": amount})


def _groups(rs: Sequence[Restriction]) -> dict[int | None, list[Restriction]]:
    out: dict[int | None, list[Restriction]] = {}
    for r in rs:
        out.setdefault(r.person, []).append(r)
    return dict(sorted(out.items(), key=lambda kv: -1 if kv[0] is None else kv[0]))


def _period(x: _Ctx, rs: Sequence[Restriction], open_key: str, key: str, **v: Any) -> str:
    start = min(r.start for r in rs)
    untils = [r.until for r in rs]
    if any(u is None for u in untils):
        return x.t.text(open_key, **v, start=x.fmt(start))
    return x.t.text(key, **v, start=x.fmt(start), until=x.fmt(max(u for u in untils if u)))


def _bound_parties(x: _Ctx, persons: Sequence[int | None]) -> list[PartyLine]:
    p = x.resp()
    return [x.officer_line(p, j) for j in persons if j is not None and 0 <= j < len(p.officers)]


def _restriction_order(x: _Ctx) -> Document:
    rs, decided_on, order, lst = x.restrictions()
    p = x.resp()
    for r in rs:
        if r.person is not None and not (p.kind is PartyKind.ENTITY and 0 <= r.person < len(p.officers)):
            raise x.missing(f"a restricted person (officer index {r.person}) is not an officer of {p.name}",
                            f"被限制消费人员（序号{r.person}）不是{p.name}的相关人员")
    v = x.values()
    v["decided_on"] = x.fmt(decided_on)
    # Persons with the same items and period share one list (2015 Art. 5: period and items).
    blocks: dict[tuple[tuple[int, ...], str], list[str]] = {}
    for person, group in _groups(rs).items():
        label, name, id_text = x.person_name(person)
        bkey = (tuple(sorted(int(r.item) for r in group)), _period(x, group, "period_open", "period"))
        blocks.setdefault(bkey, []).append(x.t.text("person_name", label=label, name=name, id_text=id_text))
    persons: list[str] = []
    for (items, period), names in blocks.items():
        persons.append(x.t.text("person", names=x.join(names), period=period))
        persons += _end_list([x.t.text("item", n=zh_numeral(i) if x.zh else str(i),
                                       text=x.item_text(RestrictionItem(i))) for i in items], x.lang)
    v["persons"] = persons
    if order is not None:
        factors = x.join([FACTOR_TEXT[f][1 if x.zh else 0] for f in order.factors])
        v["reasons"] = sentence(order.reasons, x.lang)
        key = "initiation_application" if order.initiation is Initiation.CREDITOR_APPLICATION \
            else "initiation_ex_officio"
        recv = order.application_received_on
        if key == "initiation_application" and recv is None:
            raise x.missing("the creditor's application has no date of receipt (2015 Provisions Art. 4)",
                            "申请执行人的书面申请没有收到日期（2015年规定第四条）")
        v["initiation"] = x.t.text(key, **v, factors=factors,
                                   application_received_on=x.fmt(recv) if recv else "")
    else:
        v["reasons"] = sentence(lst.reasons, x.lang) if lst is not None else ""
        v["initiation"] = x.t.text("initiation_listing", **v)
    entity = p.kind is PartyKind.ENTITY
    # The bound officers and their private-consumption route exist only for an
    # entity debtor (2015 Art. 3 para. 2); a natural person's order never carries them.
    v["entity_clause"] = x.t.text("entity_clause", **v) if entity else ""
    v["objectors"] = x.t.text("objectors_entity" if entity else "objectors_person")
    v["legal_consequences"] = x.t.text("legal_consequences", **v)
    term = _period(x, rs, "term_open", "term", **v)
    outstanding, amount = x.outstanding(v)
    people = [person for person in _groups(rs)]
    return x.document(
        parties=x.base_parties() + _bound_parties(x, people), basis=x.t.text("basis", **v),
        body=x.t.paragraphs("body", **v), legal_basis=x.t.paragraphs("legal_basis", **v),
        term=term, remedy=x.t.text("remedy", **v), outstanding=outstanding,
        extra={"decided_on": decided_on, "source": "order" if order is not None else "listing",
               "restrictions": [{"item": int(r.item), "person": r.person, "start": r.start,
                                 "until": r.until} for r in rs],
               "outstanding": amount})


def _restriction_lifting(x: _Ctx) -> Document:
    rs, decided_on, _order, _lst = x.restrictions()
    ground = x.need("ground", "the ground for lifting (security, creditor_consent or fully_performed; "
                    "2015 Provisions Art. 9)", "解除的理由（提供担保、申请执行人同意或者履行完毕；2015年规定第九条）")
    grounds = x.t.mapping("grounds")
    if ground not in grounds:
        raise x.missing(f"the ground for lifting must be one of {', '.join(grounds)}, not {ground!r}",
                        f"解除理由应为{'、'.join(grounds)}之一，而非“{ground}”")
    wanted_items = x.extra.get("items")
    persons_arg = x.extra.get("persons")
    chosen = [r for r in rs if persons_arg is None or r.person in persons_arg]
    if wanted_items is None:
        # By default the items already marked lifted; all of them lifted is the whole order.
        lifted = [r for r in chosen if r.status is not RestrictionStatus.IMPOSED]
        if lifted and len(lifted) < len(chosen):
            wanted_items = sorted({int(r.item) for r in lifted})
            chosen = lifted
    if wanted_items:
        have = {int(r.item) for r in chosen}
        bad = [i for i in wanted_items if int(i) not in have]
        if bad:
            raise x.missing(f"item(s) {', '.join(map(str, bad))} are not restricted for these persons",
                            f"第{'、'.join(map(str, bad))}项不在上述人员的限制消费项目之内")
        chosen = [r for r in chosen if int(r.item) in {int(i) for i in wanted_items}]
    if not chosen:
        raise x.missing("no restriction matches the persons to lift", "没有与所选人员相符的限制消费项目")
    v = x.values()
    v["order_date"] = x.fmt(decided_on)
    people = list(_groups(chosen))
    if ground == "officer_change" and not all(pp is not None and pp in x.formers for pp in people):
        raise x.missing("the officers released on a change of legal representative (persons: the "
                        "former officers' indexes; 2019 Opinion item 17(2))",
                        "因变更法定代表人而解除限制消费的原法定代表人或者主要负责人（法发〔2019〕35号第17条第2项）")
    # Each person with the capacity they had: 原法定代表人王五 once released.
    v["bound"] = x.join([_capacity_name(x, pp) for pp in people])
    v["offices"] = x.join(sorted({str(x.c.mapping("officer_roles")[x.resp().officers[pp].role.value])
                                  for pp in people if pp is not None}))
    if not x.zh:
        v["offices"] = v["offices"].lower()
    v["ground"] = fill(str(grounds[ground]), v, "restriction_lifting.json:grounds")
    if ground == "security":
        v["ground"] = _security_ground(x, v) or v["ground"]
    v["ground_basis"] = str(x.t.mapping("ground_bases")[ground])
    whole = not wanted_items
    if whole:
        body = x.t.paragraphs("body_whole", **v)
        title = x.t.title
    else:
        items = sorted({int(r.item) for r in chosen})
        v["items"] = _end_list([x.t.text("item", n=zh_numeral(i) if x.zh else str(i),
                                         text=x.item_text(RestrictionItem(i))) for i in items], x.lang)
        body = x.t.paragraphs("body_items", **v)
        title = str(x.t.data.get("title_items") or x.t.title)
    outstanding, _amount = x.outstanding(v)
    return x.document(
        title=title, parties=x.base_parties() + _bound_parties(x, people),
        basis=x.t.text("basis", **v), body=body, legal_basis=x.t.paragraphs("legal_basis", **v),
        term=x.t.text("term", **v), remedy=x.t.text("remedy", **v), outstanding=outstanding,
        extra={"ground": ground, "items": sorted({int(r.item) for r in chosen}), "whole": whole,
               "persons": people, "order_date": decided_on})


def _security_ground(x: _Ctx, v: Mapping[str, Any]) -> str | None:
    """Lifting on security (2015 Art. 9, R-C9): what was offered, its value and what
    is outstanding (``extra["security"]``: offered, value, outstanding, acts, covers,
    found_effective).  "确实有效" only when it covers everything outstanding or the
    judge found it so; None without the data (the plain ground says only "provided")."""
    sec = x.extra.get("security")
    if not isinstance(sec, Mapping) or not str(sec.get("offered") or "").strip() \
            or sec.get("value") in (None, ""):
        return None
    texts = x.t.mapping("security_grounds")
    variant = "covers" if sec.get("covers") else "found" if sec.get("found_effective") else "offered"
    acts = len(sec.get("acts") or [])
    values = {**v, "security": str(sec["offered"]).strip().rstrip("。．.；;，,"),
              "security_value": format_amount(Decimal(str(sec["value"]))),
              "security_outstanding": format_amount(Decimal(str(sec.get("outstanding") or "0"))),
              "security_acts": fill(str(texts["acts"]), {"n": acts}) if acts else ""}
    return fill(str(texts[variant]), values, f"restriction_lifting.json:security_grounds.{variant}")


def _capacity_name(x: _Ctx, person: int | None) -> str:
    """``原法定代表人王五`` / ``former legal representative 王五``; the respondent by name."""
    if person is None:
        return x.resp().name
    label, name, _ = x.person_name(person)
    return f"{label}{name}" if x.zh else f"{label} {name}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


_REMOVAL_ACTION = {RemovalKind.REVOKED: "revoke", RemovalKind.DELETED: "delete",
                   RemovalKind.EXPIRED: "delete", RemovalKind.CANCELLED: "delete"}


def _deletion(x: _Ctx) -> Document:
    lst = x.find_listing(current=False)
    action = x.extra.get("action") or (_REMOVAL_ACTION.get(lst.removal_kind) if lst.removal_kind else None)
    if action not in ("delete", "revoke"):
        raise x.missing("whether the entry is deleted (2017 Provisions Art. 10) or revoked (Art. 9): "
                        "give action 'delete' or 'revoke'",
                        "删除（第十条）还是撤销（第九条）失信信息：请指定delete或revoke")
    v = x.values()
    v["decided_on"] = x.fmt(lst.decided_on)
    v["published"] = x.t.text("published", published_on=x.fmt(lst.published_on)) \
        if lst.published_on is not None else ""
    extra: dict[str, Any] = {"action": action, "decided_on": lst.decided_on}
    # R-R7: a deletion (or revocation) decided after its 3-working-day deadline says so.
    due = _late_due(x)
    v["late"] = x.t.text(f"late_{action}", due_on=x.fmt(due)) if due is not None else ""
    extra.update(late=due is not None, due_on=due)
    if action == "revoke":
        v["reasons"] = sentence(str(x.extra.get("reasons") or ""), x.lang)
        if not v["reasons"]:
            raise x.missing("the reasons why the respondent should not have been listed (2017 Provisions Art. 9)",
                            "不应纳入失信被执行人名单的理由（第九条）")
        body = x.t.paragraphs("body_revoke", **v)
        legal = x.t.paragraphs("legal_basis_revoke", **v)
        title = x.t.text("title_revoke")
    else:
        ground = x.extra.get("ground")
        if ground is None and lst.removal_kind is RemovalKind.EXPIRED:
            ground = "expired"
        if ground is None and lst.removal_kind is RemovalKind.CANCELLED:
            ground = 1
        if ground == "expired":
            end = lst.term_end()
            if end is None:
                raise x.missing("the listing has no fixed term, so it cannot expire (2017 Provisions Art. 10 para. 2)",
                                "该失信名单未设纳入期限，不存在期限届满（第十条第二款）")
            v["term_end"] = x.fmt(end)
            v["ground"] = x.t.text("ground_expired", **v)
            v["article"] = x.t.text("article_expired")
        elif ground == "early":
            v["ground"] = x.t.text("ground_early", **v)
            v["article"] = x.t.text("article_early")
        elif isinstance(ground, int) and 1 <= ground <= 7:
            v["ground"] = str(x.t.raw("grounds")[ground - 1])
            v["article"] = x.t.text("article_items", n=zh_numeral(ground) if x.zh else str(ground))
        else:
            raise x.missing("the ground for deletion: an item 1-7 of 2017 Provisions Art. 10 para. 1, "
                            "'expired' (para. 2) or 'early' (Art. 2 para. 2)",
                            "删除的理由：第十条第一款第一至七项之一、期限届满（第二款）或者提前删除（第二条第二款）")
        articles = [v["article"]]
        v["relisting"] = ""
        if isinstance(ground, int):
            # Art. 10 para. 3 (re-listing on a new ground) follows a deletion under para. 1;
            # para. 4 (no creditor re-listing for 6 months) follows one under item (3).
            bar = ground == 3
            v["relisting"] = x.t.text("relisting") + (x.t.text("relisting_bar") if bar else "")
            articles.append(x.t.text("article_relisting"))
            if bar:
                articles.append(x.t.text("article_relisting_bar"))
        v["articles"] = x.join(articles)
        body = x.t.paragraphs("body_delete", **v)
        legal = x.t.paragraphs("legal_basis_delete", **v)
        title = x.t.title
        extra["ground"] = ground
    outstanding, _amount = x.outstanding(v)
    return x.document(title=title, parties=x.base_parties(), basis=x.t.text("basis", **v), body=body,
                      legal_basis=legal, term=x.t.text("term", **v), remedy=x.t.text("remedy", **v),
                      outstanding=outstanding, extra=extra)


def _late_due(x: _Ctx) -> date | None:
    """The missed deadline when the decision is late (``late`` and ``due_on`` in extra;
    a ``due_on`` before the issue date is late whatever ``late`` says), else None."""
    late = bool(x.extra.get("late"))
    try:
        due = _as_date(x.extra.get("due_on"))
    except ValueError:
        raise x.missing(f"the deadline that was missed (not a date: {x.extra.get('due_on')!r})",
                        f"已届满的删除期限（日期格式错误：{x.extra.get('due_on')}）") from None
    if due is None:
        if late:
            raise x.missing("the deadline that was missed (due_on), to state that the decision is late "
                            "(2017 Provisions Art. 10: three working days)",
                            "逾期作出的决定应写明届满的期限（due_on，第十条：三个工作日内）")
        return None
    return due if late or x.issued_on > due else None


def _correction_decision(x: _Ctx) -> Document:
    lst = x.find_listing(current=False)
    outcome = x.need("outcome", "the outcome of the review: granted or rejected (2017 Provisions Art. 12)",
                     "审查结果：纠正或者驳回（第十二条）")
    if outcome not in ("granted", "rejected"):
        raise x.missing(f"the outcome must be granted or rejected, not {outcome!r}",
                        f"审查结果应为granted或rejected，而非“{outcome}”")
    ground = x.need("ground", "the ground of the application: 1, 2 or 3 of 2017 Provisions Art. 11",
                    "纠正申请的理由：第十一条第（一）至（三）项之一")
    if ground not in (1, 2, 3):
        raise x.missing(f"the ground must be 1, 2 or 3 (2017 Provisions Art. 11), not {ground!r}",
                        f"纠正理由应为第十一条第（一）至（三）项之一，而非“{ground}”")
    received = x.need_date("received_on", "the date the written application was received",
                           "收到书面纠正申请的日期")
    v = x.values()
    v["decided_on"] = x.fmt(lst.decided_on)
    v["received_on"] = x.fmt(received)
    v["application_ground"] = str(x.t.raw("grounds")[ground - 1])
    v["reasons"] = sentence(str(x.extra.get("reasons") or ""), x.lang)
    v["n"] = zh_numeral(ground) if x.zh else str(ground)
    v["higher_court"] = str(x.extra.get("higher_court") or ("上一级人民法院" if x.zh else "the next-higher court"))
    if outcome == "granted":
        if ground == 2 and not str(x.extra.get("correction") or "").strip():
            raise x.missing("the corrected information (what the entry should say)",
                            "更正后的失信信息内容")
        v["correction"] = sentence(str(x.extra.get("correction") or ""), x.lang)
        v["action"] = _fill_action(x, ground, v)
        body = x.t.paragraphs("body_granted", **v)
        title, term, remedy = x.t.title, x.t.text("term_granted", **v), x.t.text("remedy_granted", **v)
    else:
        if not v["reasons"]:
            raise x.missing("the reasons for rejecting the application", "驳回纠正申请的理由")
        body = x.t.paragraphs("body_rejected", **v)
        title = x.t.text("title_rejected")
        term, remedy = x.t.text("term_rejected", **v), x.t.text("remedy_rejected", **v)
    parties = [x.party_line("applicant", a) for a in x.case.applicants] + \
        [x.party_line("correction_applicant", x.resp())]
    outstanding, _amount = x.outstanding(v)
    return x.document(title=title, parties=parties, basis=x.t.text("basis", **v), body=body,
                      legal_basis=x.t.paragraphs("legal_basis", **v), term=term, remedy=remedy,
                      outstanding=outstanding,
                      extra={"outcome": outcome, "ground": ground, "received_on": received,
                             "decided_on": lst.decided_on,
                             "reconsideration_days": 10 if outcome == "rejected" else None})


def _fill_action(x: _Ctx, ground: int, v: Mapping[str, Any]) -> str:
    return fill(str(x.t.raw("actions")[ground - 1]), v, "correction_decision.json:actions")


def _permission(x: _Ctx) -> Document:
    rs, decided_on, _o, _l = x.restrictions()
    what = x.need("permission", "what is permitted: travel, private or necessary",
                  "准许的事项：临时出行（travel）、因私消费（private）或者必需消费（necessary）")
    if what not in ("travel", "private", "necessary"):
        raise x.missing(f"the permission must be travel, private or necessary, not {what!r}",
                        f"准许事项应为travel、private或necessary，而非“{what}”")
    received = x.need_date("received_on", "the date the application was received", "收到申请的日期")
    start = x.need_date("from", "the first day of the permitted period", "准许期间的起始日期")
    until = x.need_date("until", "the last day of the permitted period", "准许期间的截止日期")
    if until < start:
        raise x.missing("the permitted period ends before it starts", "准许期间的截止日期早于起始日期")
    v = x.values()
    v.update(order_date=x.fmt(decided_on), received_on=x.fmt(received), from_date=x.fmt(start),
             until_date=x.fmt(until))
    p = x.resp()
    person = x.extra.get("person")
    extra: dict[str, Any] = {"permission": what, "received_on": received, "from": start, "until": until}
    people: list[int | None] = []
    if what == "travel":
        g = x.need("travel_ground", "the ground for temporary travel (2019 Opinion item 17(3))",
                   "暂时解除乘坐飞机、高铁限制的事由（法发〔2019〕35号第17条第3项）")
        tg = x.t.mapping("travel_grounds")
        if g not in tg:
            raise x.missing(f"the travel ground must be one of {', '.join(tg)}, not {g!r}",
                            f"出行事由应为{'、'.join(tg)}之一，而非“{g}”")
        travel_items = {RestrictionItem.TRAVEL_CLASS, RestrictionItem.HIGH_SPEED_RAIL}
        if not any(r.item in travel_items for r in rs):
            raise x.missing("the respondent's travel by air or high-speed rail is not restricted",
                            "被执行人乘坐飞机、高铁未受限制，无需准许")
        if person is not None and not (p.kind is PartyKind.ENTITY and 0 <= int(person) < len(p.officers)):
            raise x.missing(f"person {person} is not an officer of {p.name}", f"{person}不是{p.name}的相关人员")
        label, name, id_text = x.person_name(None if person is None else int(person))
        itinerary = phrase(str(x.extra.get("itinerary") or ""), x.lang)
        v.update(person=name, person_id=id_text, travel_ground=tg[g],
                 itinerary=x.t.text("itinerary", itinerary=itinerary) if itinerary else "")
        body = x.t.paragraphs("body_travel", **v)
        legal = x.t.paragraphs("legal_basis_travel", **v)
        title = x.t.title
        people = [None if person is None else int(person)]
        extra.update(travel_ground=g, person=person, itinerary=x.extra.get("itinerary"))
    elif what == "private":
        if p.kind is not PartyKind.ENTITY or person is None or not 0 <= int(person) < len(p.officers):
            raise x.missing(
                "private consumption is applied for by an officer of an entity respondent (2015 Provisions "
                "Art. 3 para. 2): give person, the officer's index",
                "因私消费应由单位被执行人的法定代表人等相关人员申请（2015年规定第三条第二款）：请指定相关人员")
        consumption = phrase(str(x.need("consumption", "the consumption applied for", "申请的消费事项")),
                             x.lang)
        label, name, id_text = x.person_name(int(person))
        v.update(person=name, person_id=id_text, person_role=label, consumption=consumption)
        body = x.t.paragraphs("body_private", **v)
        legal = x.t.paragraphs("legal_basis_private", **v)
        title = x.t.text("title_private")
        people = [int(person)]
        extra.update(person=person, consumption=consumption)
    else:
        consumption = phrase(str(x.need("consumption", "the consumption applied for (2015 Provisions Art. 8)",
                                        "申请的消费事项（2015年规定第八条）")), x.lang)
        v["consumption"] = consumption
        body = x.t.paragraphs("body_necessary", **v)
        legal = x.t.paragraphs("legal_basis_necessary", **v)
        title = x.t.text("title_necessary")
        extra.update(consumption=consumption)
    outstanding, _amount = x.outstanding(v)
    return x.document(title=title, parties=x.base_parties() + _bound_parties(x, people),
                      basis=x.t.text("basis", **v), body=body, legal_basis=legal,
                      term=x.t.text("term", **v), remedy=x.t.text("remedy", **v),
                      outstanding=outstanding, extra=extra)


def _receipt(x: _Ctx) -> Document:
    petitions = x.t.mapping("petitions")
    kind = x.need("petition", f"what was received: one of {', '.join(petitions)}",
                  f"所收材料的种类：{'、'.join(petitions)}之一")
    if kind not in petitions:
        raise x.missing(f"the petition must be one of {', '.join(petitions)}, not {kind!r}",
                        f"申请种类应为{'、'.join(petitions)}之一，而非“{kind}”")
    label, basis_text, days = petitions[kind]
    number = x.need("petition_number", "the petition (receipt) number", "收件编号")
    received = x.need_date("received_on", "the date the petition was received", "收件日期")
    due = _as_date(x.extra.get("due_on"))
    if due is None:
        if days is None:
            raise x.missing("the date the decision is due by (this petition has no statutory review period)",
                            "答复期限（该类申请没有法定审查期限）")
        due = received + timedelta(days=int(days))
    who = x.extra.get("petitioner") or ("respondent" if x.respondent is not None else "applicant")
    if who == "respondent":
        if x.respondent is None:
            raise x.missing("which respondent submitted the petition", "提交申请的被执行人")
        petitioner = x.resp()
        parties = [x.party_line("petitioner", petitioner)]
    elif who == "officer":
        person = x.extra.get("person")
        entity = x.resp() if x.respondent is not None else None
        if entity is None or person is None or not 0 <= int(person) < len(entity.officers):
            raise x.missing("the entity respondent's officer who submitted the petition (person)",
                            "提交申请的单位被执行人相关人员")
        o = entity.officers[int(person)]
        petitioner = Party(PartyKind.PERSON, o.name, o.id_number)
        line = x.officer_line(entity, int(person))
        parties = [PartyLine(role=str(x.c.mapping("roles")["petitioner"]), name=line.name,
                             identifier=line.identifier, detail=line.detail)]
    else:
        idx = int(x.extra.get("applicant", 0))
        if not 0 <= idx < len(x.case.applicants):
            raise x.missing("the applicant who submitted the petition", "提交申请的申请执行人")
        petitioner = x.case.applicants[idx]
        parties = [x.party_line("petitioner", petitioner)]
    v = x.values()
    attachments = phrase(str(x.extra.get("attachments") or ""), x.lang)
    number = display_number(str(number))
    v.update(petitioner=petitioner.name, petition=label, petition_number=number,
             received_on=x.fmt(received), due_on=x.fmt(due), petition_basis=basis_text,
             attachments=x.t.text("attachments", attachments=attachments) if attachments else "")
    term = x.t.text("term", **v)
    provisional = bool(x.extra.get("due_provisional"))
    if provisional and "provisional" in x.t.data:
        term += x.t.text("provisional", **v)
    return x.document(parties=parties, basis=x.t.text("basis", **v), body=x.t.paragraphs("body", **v),
                      legal_basis=x.t.paragraphs("legal_basis", **v), term=term,
                      remedy=x.t.text("remedy", **v),
                      extra={"petition": kind, "petition_number": number, "received_on": received,
                             "due_on": due, "due_provisional": provisional, "petitioner": who})


_BUILDERS: dict[DocKind, Callable[[_Ctx], Document]] = {
    DocKind.EXECUTION_NOTICE: _execution_notice,
    DocKind.WARNING: _warning,
    DocKind.LISTING_DECISION: _listing_decision,
    DocKind.RESTRICTION_ORDER: _restriction_order,
    DocKind.RESTRICTION_LIFTING: _restriction_lifting,
    DocKind.DELETION: _deletion,
    DocKind.CORRECTION_DECISION: _correction_decision,
    DocKind.PERMISSION: _permission,
    DocKind.RECEIPT: _receipt,
}

#: Kinds addressed to one respondent (``respondent`` is required).
NEEDS_RESPONDENT = frozenset(set(DocKind) - {DocKind.EXECUTION_NOTICE, DocKind.RECEIPT})


def build(kind: DocKind | str, case: EnforcementCase, *, respondent: int | None, lang: str,
          number: str, issued_on: date, signer: str, signer_title: str,
          listing: Listing | None = None, order: RestrictionOrder | None = None,
          extra: Mapping[str, Any] | None = None, templates_dir: Path | None = None) -> Document:
    """The document of ``kind`` for ``case`` (and ``respondent``, 0-based), in ``lang``.

    ``signer`` is the name of the person who signs; an empty one, or a system
    account (``console:…``), prints a blank line for a handwritten name instead.

    Raises :class:`MissingPrecondition` when the kind's input is missing, and
    :class:`~courtapp.core.documents.templates.TemplateError` for a broken template.
    """
    k = DocKind(kind)
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}: use zh or en")
    if respondent is None and k in NEEDS_RESPONDENT:
        raise MissingPrecondition(k, "which respondent the document is addressed to",
                                  "文书针对的被执行人")
    if respondent is not None and not 0 <= respondent < len(case.respondents):
        raise MissingPrecondition(
            k, f"respondent {respondent + 1} does not exist (the case has {len(case.respondents)})",
            f"本案不存在第{respondent + 1}被执行人（共{len(case.respondents)}名）")
    if not number.strip():
        raise MissingPrecondition(k, "the document number", "文书编号")
    x = dict(extra or {})
    formers = {int(j) for j in x.get("former_officers") or []}
    if k is DocKind.RESTRICTION_LIFTING and x.get("ground") == "officer_change":
        formers |= {int(j) for j in x.get("persons") or [] if j is not None}
    ctx = _Ctx(kind=k, case=case, respondent=respondent, lang=lang, number=number.strip(),
               issued_on=issued_on, signer=signer.strip(), signer_title=signer_title.strip(),
               listing=listing, order=order, extra=x,
               t=load_template(k, lang, templates_dir), c=load_common(lang, templates_dir),
               formers=frozenset(formers))
    return _BUILDERS[k](ctx)
