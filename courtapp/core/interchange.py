"""Interchange format v1: JSON (one case or a list) and JSON Lines.

:func:`load_cases` parses and validates everything first and raises one
:class:`ValidationError` listing every error with its JSON path, so that an
import is all or nothing.  :func:`dump_case` writes the same format back.
The JSON Schema is ``docs/interchange-v1.schema.json``; the field names of
the issue that defined the format are fixed.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from courtapp.core.domain.errors import ErrorCollector, FieldError, ValidationError
from courtapp.core.domain.identifiers import (
    check_court_code,
    check_credit_code,
    check_resident_id,
    normalize_case_number,
    parse_case_number,
)
from courtapp.core.domain.limits import (
    MAX_ANY_STRING,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_CASES,
    MAX_INT,
    MAX_LIST_ITEMS,
    MAX_NAME,
    date_in_range,
    date_range_params,
)
from courtapp.core.domain.listing import (
    IMPORTABLE_STATUSES,
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
    check_listing,
)
from courtapp.core.domain.messages import REFUSALS, refusal
from courtapp.core.domain.model import (
    Basis,
    BasisKind,
    ConductRecord,
    ConductType,
    Court,
    EnforcementCase,
    ExecutionNotice,
    Finding,
    Obligation,
    ObligationKind,
    Officer,
    OfficerRole,
    Party,
    PartyKind,
    Payment,
    PropertyItem,
    PropertyKind,
    PropertyMeasure,
    PublicRole,
    SecurityItem,
    SecurityKind,
    ServiceMethod,
)
from courtapp.core.domain.money import parse_amount
from courtapp.core.domain.validation import normal_form, validate_case

FORMAT_VERSION = 1
_SURROGATE = re.compile("[\ud800-\udfff]")
E = TypeVar("E", bound=StrEnum)

_MSG: dict[str, tuple[str, str]] = {
    "json.syntax": ("the file is not valid JSON", "文件不是有效的JSON"),
    "type.object": ("an object is expected here", "此处应为对象"),
    "type.list": ("a list is expected here", "此处应为列表"),
    "type.string": ("a string is expected here", "此处应为字符串"),
    "type.integer": ("an integer is expected here", "此处应为整数"),
    "type.boolean": ("true or false is expected here", "此处应为true或false"),
    "date.format": ("a date in ISO 8601 form (YYYY-MM-DD) is expected", "日期应为ISO 8601格式（YYYY-MM-DD）"),
    "enum.unknown": ("unknown kind: {value!r}; allowed: {allowed}", "未知类型：{value!r}；可选：{allowed}"),
    "field.unknown": ("unknown field", "未知字段"),
    "required": ("this field is required", "此项为必填项"),
    "file.empty": ("the file holds no case", "文件中没有案件"),
    "case.duplicate_in_file": ("this case number appears twice in the file", "文件中该案号重复出现"),
    "listing.duplicate": ("this respondent has two current listings in the file", "文件中该被执行人有两条有效失信记录"),
    "restriction.item_range": ("restriction items are numbered 1 to 9 (2015 Provisions Art. 3)",
                               "限制消费项目编号应为1至9（2015年规定第三条）"),
}


class _NotJSON:
    """A value that JSON does not allow (``NaN``, ``Infinity``): Python's parser
    accepts them; every typed field refuses this stand-in with its path."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class _DupDict(dict[str, Any]):
    """A JSON object in which a key appears twice (the reader refuses it at its path)."""

    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) == len(pairs):
        return d
    out = _DupDict(d)
    seen: set[str] = set()
    out.duplicates = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
    return out


def _int(text: str) -> int | Decimal:
    # Python refuses to convert more than 4,300 digits (ValueError); such a
    # number is kept as a Decimal, which every integer field refuses by range.
    return int(text) if len(text) <= 30 else Decimal(text)


def _parse(text: str) -> Any:
    """``json.loads`` with NaN/Infinity, huge integers and duplicate keys made visible."""
    return json.loads(text, parse_constant=_NotJSON, parse_int=_int, object_pairs_hook=_object)


def _path_error(path: str, rule: str, **params: object) -> FieldError:
    return FieldError(path, rule, *refusal(rule, **params))


class _Reader:
    """Walks a JSON value, converting fields and collecting errors with their paths."""

    def __init__(self, errors: ErrorCollector, today: date | None = None) -> None:
        self.errors = errors
        self.today = today
        #: Set when a list item could not be read (its later siblings' indexes
        #: would shift), or a list or the notice could not be read at all: the
        #: case is then not handed to validate_case, whose paths would mislead.
        self.dropped = False

    def err(self, path: str, rule: str, **fmt: Any) -> None:
        from courtapp.core.domain.validation import message

        en, zh = _MSG.get(rule) or REFUSALS.get(rule) or message(rule)
        self.errors.add(path, rule, en.format(**fmt), zh.format(**fmt))

    def obj(self, v: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(v, dict):
            self.err(path, "type.object")
            return None
        if isinstance(v, _DupDict):
            sep = "" if path in ("", "$") else "."
            for key in dict.fromkeys(v.duplicates):
                self.err(f"{'' if path == '$' else path}{sep}{key}", "json.duplicate_key", key=key)
        return v

    def lst(self, d: dict[str, Any], key: str, path: str, *, required: bool = False) -> list[Any]:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}{key}", "required")
            return []
        if not isinstance(v, list):
            self.err(f"{path}{key}", "type.list")
            self.dropped = True
            return []
        if len(v) > MAX_LIST_ITEMS:
            self.err(f"{path}{key}", "list.too_long", size=len(v), limit=MAX_LIST_ITEMS)
            self.dropped = True
            return []
        return v

    def s(self, d: dict[str, Any], key: str, path: str, *, required: bool = True,
          limit: int = MAX_ANY_STRING) -> str | None:
        """A string; refused (None) if it is too long for any field, or holds
        NUL or an unpaired surrogate (PostgreSQL and UTF-8 cannot store them)."""
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}{key}", "required")
            return None
        if not isinstance(v, str):
            self.err(f"{path}{key}", "type.string")
            return None
        if len(v) > limit:
            self.err(f"{path}{key}", "text.too_long", size=len(v), limit=limit)
            return None
        if "\x00" in v:
            self.err(f"{path}{key}", "text.control")
            return None
        if _SURROGATE.search(v):
            self.err(f"{path}{key}", "text.encoding")
            return None
        return v

    def day(self, d: dict[str, Any], key: str, path: str, *, required: bool = True) -> date | None:
        v = self.s(d, key, path, required=required)
        if v is None:
            return None
        try:
            day = date.fromisoformat(v)
        except ValueError:
            self.err(f"{path}{key}", "date.format")
            return None
        if not date_in_range(day, self.today):
            self.err(f"{path}{key}", "date.range", **date_range_params(self.today))
            return None
        return day

    def amount(self, d: dict[str, Any], key: str, path: str, *, required: bool = True) -> Decimal | None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}{key}", "required")
            return None
        try:
            return parse_amount(v)
        except ValueError as e:
            self.err(f"{path}{key}", str(e.args[0]))
            return None

    def enum(self, d: dict[str, Any], key: str, path: str, cls: type[E], *, required: bool = True) -> E | None:
        v = self.s(d, key, path, required=required)
        if v is None:
            return None
        try:
            return cls(v)
        except ValueError:
            self.err(f"{path}{key}", "enum.unknown", value=v, allowed=", ".join(m.value for m in cls))
            return None

    def integer(self, d: dict[str, Any], key: str, path: str, *, required: bool = True) -> int | None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(f"{path}{key}", "required")
            return None
        if isinstance(v, Decimal) and v == v.to_integral_value():  # a huge integer (_int)
            self.err(f"{path}{key}", "number.range", min=-MAX_INT - 1, max=MAX_INT)
            return None
        if isinstance(v, bool) or not isinstance(v, int):
            self.err(f"{path}{key}", "type.integer")
            return None
        if not -MAX_INT - 1 <= v <= MAX_INT:
            self.err(f"{path}{key}", "number.range", min=-MAX_INT - 1, max=MAX_INT)
            return None
        return v

    def boolean(self, d: dict[str, Any], key: str, path: str, default: bool | None) -> bool | None:
        v = d.get(key, default)
        if v is None or isinstance(v, bool):
            return v
        self.err(f"{path}{key}", "type.boolean")
        return default

    def each(self, d: dict[str, Any], key: str, path: str, fn: Callable[[dict[str, Any], str], Any],
             *, required: bool = False) -> list[Any]:
        out = []
        for i, item in enumerate(self.lst(d, key, path, required=required)):
            ip = f"{path}{key}[{i}]"
            o = self.obj(item, ip)
            r = None if o is None else fn(o, ip + ".")
            if r is None:
                self.dropped = True
            else:
                out.append(r)
        return out


def _party(r: _Reader, d: dict[str, Any], p: str) -> Party | None:
    kind = r.enum(d, "kind", p, PartyKind)
    name = r.s(d, "name", p)
    if kind is PartyKind.PERSON:
        idn = r.s(d, "id_number", p)
        code = r.s(d, "credit_code", p, required=False)
        officers = []
        if d.get("officers"):
            r.err(f"{p}officers", "officer.person_only_entity")
    elif kind is PartyKind.ENTITY:
        idn = r.s(d, "id_number", p, required=False)
        code = r.s(d, "credit_code", p)

        def officer(o: dict[str, Any], op: str) -> Officer | None:
            role = r.enum(o, "role", op, OfficerRole)
            oname = r.s(o, "name", op)
            oid = r.s(o, "id_number", op)
            _precheck(r, oid, f"{op}id_number", check_resident_id)
            if role is None or oname is None or oid is None:
                return None
            return Officer(role, oname, normal_form(oid, check_resident_id) or oid)

        officers = r.each(d, "officers", p, officer)
    else:
        return None
    _precheck(r, idn if kind is PartyKind.PERSON else code, f"{p}id_number" if kind is PartyKind.PERSON else f"{p}credit_code",
              check_resident_id if kind is PartyKind.PERSON else check_credit_code)
    public_role = r.enum(d, "public_role", p, PublicRole, required=False)
    notify_body = r.s(d, "notify_body", p, required=False) or ""
    if name is None:
        return None
    return Party(kind, name, normal_form(idn, check_resident_id), normal_form(code, check_credit_code), officers,
                 public_role, notify_body)


def _precheck(r: _Reader, value: str | None, path: str, check: Callable[[str], object]) -> None:
    """Field-level rules checked while reading, so that they are reported even
    when another part of the same case cannot be read at all."""
    if value is None:
        return
    try:
        check(value)
    except ValueError as e:
        r.err(path, str(e.args[0]))


def _case(r: _Reader, d: dict[str, Any], p: str) -> EnforcementCase | None:
    """The case read from ``d``, or None if a part of it could not be read.

    Field-level errors (a bad checksum, a negative amount, an index out of
    range) are reported and the case is still returned, so that
    :func:`parse_cases` also reports the rules it breaks elsewhere.
    """
    r.dropped = False
    number = r.s(d, "case_number", p)
    if number is not None and not number.strip():
        r.err(f"{p}case_number", "required")
    else:
        _precheck(r, number, f"{p}case_number", parse_case_number)
    court_d = r.obj(d.get("court"), f"{p}court") if "court" in d else None
    if "court" not in d:
        r.err(f"{p}court", "required")
    court = None
    if court_d is not None:
        cname, ccode = r.s(court_d, "name", f"{p}court."), r.s(court_d, "code", f"{p}court.")
        _precheck(r, ccode, f"{p}court.code", check_court_code)
        if cname is not None and ccode is not None:
            court = Court(cname, normal_form(ccode, check_court_code) or ccode)
    filed_on = r.day(d, "filed_on", p)
    judge = r.s(d, "judge", p)
    basis = None
    if "basis" not in d:
        r.err(f"{p}basis", "required")
    else:
        bd = r.obj(d["basis"], f"{p}basis")
        if bd is not None:
            bp = f"{p}basis."
            bk, bi = r.enum(bd, "kind", bp, BasisKind), r.s(bd, "issuer", bp)
            bn, be = r.s(bd, "document_number", bp), r.day(bd, "effective_on", bp)
            if bk is not None and bi is not None and bn is not None and be is not None:
                basis = Basis(bk, bi, bn, be)

    applicants = r.each(d, "applicants", p, lambda o, ip: _party(r, o, ip), required=True)
    respondents = r.each(d, "respondents", p, lambda o, ip: _party(r, o, ip), required=True)

    def obligation(o: dict[str, Any], op: str) -> Obligation | None:
        kind = r.enum(o, "kind", op, ObligationKind)
        desc = r.s(o, "description", op)
        amount = r.amount(o, "amount", op, required=kind is ObligationKind.MONETARY)
        converted = r.amount(o, "converted_amount", op, required=False)
        if kind is None or desc is None:
            return None
        return Obligation(kind, desc, amount, converted)

    obligations = r.each(d, "obligations", p, obligation, required=True)
    raw_respondents = d.get("respondents")
    # Without a list of respondents there is no range to check against.
    n_resp = len(raw_respondents) if isinstance(raw_respondents, list) else None

    def respondent(o: dict[str, Any], op: str) -> int | None:
        idx = r.integer(o, "respondent", op)
        if idx is not None and n_resp is not None and not 0 <= idx < n_resp:
            r.err(f"{op}respondent", "respondent.index")
        return idx

    notice = None
    if d.get("execution_notice") is not None:
        np = f"{p}execution_notice."
        nd = r.obj(d["execution_notice"], f"{p}execution_notice")
        if nd is not None:
            issued, deadline = r.day(nd, "issued_on", np), r.day(nd, "deadline", np)
            served = r.day(nd, "served_on", np, required=False)
            method = r.enum(nd, "service_method", np, ServiceMethod, required=False)
            if issued is not None and deadline is not None:
                notice = ExecutionNotice(issued, deadline, served, method)
        if notice is None:
            r.dropped = True

    def payment(o: dict[str, Any], op: str) -> Payment | None:
        on = r.day(o, "on", op)
        resp = respondent(o, op)
        amount = r.amount(o, "amount", op, required=False)
        act = r.s(o, "act", op, required=False)
        obl = r.integer(o, "obligation", op, required=False)
        evidence = r.s(o, "evidence", op, required=False) or ""
        if on is None or resp is None:
            return None
        return Payment(on, resp, amount, act, obl, evidence)

    def prop(o: dict[str, Any], op: str) -> PropertyItem | None:
        kind = r.enum(o, "kind", op, PropertyKind)
        desc = r.s(o, "description", op)
        value = r.amount(o, "value", op)
        found = r.day(o, "found_on", op)
        measure = r.enum(o, "measure", op, PropertyMeasure)
        resp = respondent(o, op)
        if None in (kind, desc, value, found, measure, resp):
            return None
        return PropertyItem(kind, desc, value, found, measure, resp)  # type: ignore[arg-type]

    def security(o: dict[str, Any], op: str) -> SecurityItem | None:
        kind = r.enum(o, "kind", op, SecurityKind)
        value = r.amount(o, "value", op)
        resp = respondent(o, op)
        desc = r.s(o, "description", op, required=False) or ""
        if kind is None or value is None or resp is None:
            return None
        return SecurityItem(kind, value, resp, desc)

    def conduct(o: dict[str, Any], op: str) -> ConductRecord | None:
        typ = r.enum(o, "type", op, ConductType)
        on = r.day(o, "on", op)
        desc = r.s(o, "description", op)
        resp = respondent(o, op)
        if typ is None or on is None or desc is None or resp is None:
            return None
        return ConductRecord(typ, on, desc, resp)

    def finding(o: dict[str, Any], op: str) -> Finding | None:
        resp = respondent(o, op)
        able = r.boolean(o, "able_to_perform", op, None)
        later = r.boolean(o, "later_in_performance_order", op, False)
        campus = r.boolean(o, "campus_loan_student", op, False)
        violent = r.boolean(o, "serious_violence", op, False)
        exception = r.s(o, "campus_loan_exception_reason", op, required=False) or ""
        if resp is None:
            return None
        return Finding(resp, able, bool(later), bool(campus), bool(violent), exception)

    payments = r.each(d, "payments", p, payment)
    props = r.each(d, "property", p, prop)
    securities = r.each(d, "security", p, security)
    conducts = r.each(d, "conduct", p, conduct)
    findings = r.each(d, "findings", p, finding)
    listings = r.each(d, "listings", p, lambda o, lp: _listing(r, o, lp, respondent))

    if r.dropped or number is None or court is None or filed_on is None or judge is None \
            or basis is None:
        return None
    with contextlib.suppress(ValueError):  # validate_case reports it with its path
        number = normalize_case_number(number)
    return EnforcementCase(
        case_number=number, court=court, filed_on=filed_on, judge=judge, basis=basis,
        applicants=applicants, respondents=respondents, obligations=obligations,
        execution_notice=notice, payments=payments, property=props, security=securities,
        conduct=conducts, findings=findings, listings=listings,
    )


def _listing(r: _Reader, o: dict[str, Any], p: str,
             respondent: Callable[[dict[str, Any], str], int | None]) -> Listing | None:
    """One entry of the top-level ``listings`` array (courts migrating existing listings)."""
    resp = respondent(o, p)
    grounds_raw = o.get("grounds")
    grounds: list[int] = []
    if not isinstance(grounds_raw, list) or not all(
            isinstance(g, int) and not isinstance(g, bool) for g in grounds_raw):
        r.err(f"{p}grounds", "type.list")
    else:
        grounds = list(grounds_raw)
    decided = r.day(o, "decided_on", p)
    signed = r.s(o, "signed_by", p, required=False, limit=MAX_NAME)
    served = r.day(o, "served_on", p, required=False)
    method = r.enum(o, "service_method", p, ServiceMethod, required=False)
    grace = r.day(o, "grace_until", p, required=False)
    published = r.day(o, "published_on", p, required=False)
    term = r.integer(o, "term_years", p, required=False)
    ext = r.integer(o, "extension_years", p, required=False) or 0
    status = r.enum(o, "status", p, ListingStatus)
    if status is not None and status not in IMPORTABLE_STATUSES:
        r.err(f"{p}status", "enum.unknown", value=status.value,
              allowed=", ".join(sorted(x.value for x in IMPORTABLE_STATUSES)))
        status = None
    removed = r.day(o, "removed_on", p, required=False)
    removal = r.enum(o, "removal_kind", p, RemovalKind, required=False)
    reason = r.enum(o, "removal_reason", p, RemovalReason, required=False)
    # Written by export from the working-day calendar; checked for form, then
    # recomputed by courtapp rather than stored.
    r.day(o, "removal_due", p, required=False)
    r.boolean(o, "removal_due_provisional", p, None)
    reasons = r.s(o, "reasons", p, required=False) or ""

    def restriction(x: dict[str, Any], xp: str) -> Restriction | None:
        item = r.integer(x, "item", xp)
        if item is not None and not 1 <= item <= 9:
            r.err(f"{xp}item", "restriction.item_range")
            item = None
        person = r.integer(x, "person", xp, required=False)
        start = r.day(x, "from", xp)
        until = r.day(x, "until", xp, required=False)
        st = r.enum(x, "status", xp, RestrictionStatus)
        if item is None or start is None or st is None:
            return None
        return Restriction(RestrictionItem(item), person, start, until, st, r.s(x, "reason", xp, required=False) or "")

    restrictions = r.each(o, "restrictions", p, restriction)
    if resp is None or decided is None or status is None:
        return None
    return Listing(respondent=resp, grounds=grounds, decided_on=decided, signed_by=signed,
                   reasons=reasons, served_on=served, service_method=method, grace_until=grace,
                   published_on=published, term_years=term, extension_years=ext, status=status,
                   removed_on=removed, removal_kind=removal, restrictions=restrictions,
                   removal_reason=reason)


def warnings_with_paths(cases: Iterable[EnforcementCase],
                        prefixes: Iterable[str]) -> list[FieldError]:
    """Every warning (:func:`~courtapp.core.domain.validation.case_warnings`) of the
    cases read from one file, with the same path prefixes as the errors
    (``line 3.execution_notice.served_on``).  Warnings never refuse an import."""
    from courtapp.core.domain.validation import case_warnings

    out: list[FieldError] = []
    for c, prefix in zip(cases, prefixes, strict=False):
        for w in case_warnings(c):
            out.append(FieldError(f"{prefix}.{w.path}" if prefix else w.path, w.rule, w.en, w.zh))
    return out


def parse_into(items: Iterable[tuple[str, Any]], errors: ErrorCollector, seen: dict[str, str], *,
               today: date | None = None) -> tuple[list[EnforcementCase], list[str]]:
    """Parse and validate ``(path_prefix, json_value)`` pairs, adding every error to
    ``errors``; ``seen`` holds the case numbers read so far (a file read in chunks
    shares it).  Returns the cases read, with their prefixes."""
    r = _Reader(errors, today)
    cases: list[EnforcementCase] = []
    prefixes: list[str] = []
    for prefix, value in items:
        d = r.obj(value, prefix or "$")
        if d is None:
            continue
        c = _case(r, d, prefix + "." if prefix else "")
        if c is None:
            continue
        # A problem found while reading (say a checksum) is found again by
        # validate_case at the same path: report it once.
        reported = {fe.path for fe in errors.errors}
        for fe in validate_case(c, today=today):
            path = f"{prefix}.{fe.path}" if prefix else fe.path
            if path not in reported:
                errors.add(path, fe.rule, fe.en, fe.zh)
        if not any(fe.path.startswith(prefix) for fe in errors.errors):
            for k, listing in enumerate(c.listings):
                lp = f"{prefix}.listings[{k}]" if prefix else f"listings[{k}]"
                errors.extend(check_listing(c, listing, lp))
                if sum(1 for x in c.listings[:k] if x.respondent == listing.respondent
                       and x.status is not ListingStatus.REMOVED
                       and listing.status is not ListingStatus.REMOVED):
                    r.err(f"{lp}.respondent", "listing.duplicate")
        if c.case_number in seen:
            r.err(f"{prefix}.case_number" if prefix else "case_number", "case.duplicate_in_file")
        seen[c.case_number] = prefix
        cases.append(c)
        prefixes.append(prefix)
    return cases, prefixes


def parse_cases(items: Iterable[tuple[str, Any]], *, today: date | None = None) -> list[EnforcementCase]:
    """Parse and validate ``(path_prefix, json_value)`` pairs; all or nothing."""
    errors = ErrorCollector()
    cases, _ = parse_into(items, errors, {}, today=today)
    if not cases and not errors:
        _Reader(errors).err("$", "file.empty")
    errors.raise_if_any()
    return cases


class FileReader:
    """An interchange file read ``size`` cases at a time, with the checks and the
    error messages of :func:`load_file_with_paths` (JSON Lines is streamed line by
    line; a JSON document is parsed whole, then handed out in chunks).

    The errors are collected as the chunks are read; :meth:`raise_if_any` raises
    them all, in :func:`load_file_with_paths`'s order, once the file is read.
    """

    def __init__(self, path: Path, *, today: date | None = None) -> None:
        self.path, self.today = path, today
        self._syntax = ErrorCollector()
        self._parse = ErrorCollector()
        self._seen: dict[str, str] = {}
        self._read = 0

    @property
    def errors(self) -> bool:
        """Whether an error has been found so far."""
        return bool(self._syntax or self._parse)

    def _lines(self) -> Iterator[tuple[str, Any]]:
        check_file(self.path)  # the size and UTF-8 checked first (refused naming the place)
        # Lines of the file as it is (blank lines count), split on "\n" only
        # (as _items does: not at U+2028, U+0085, or "\r").
        with self.path.open(encoding="utf-8", newline="\n") as f:
            for n, line in enumerate(f, start=1):
                line = line.removesuffix("\n")
                if n == 1:
                    line = line.lstrip("\ufeff")
                if not line.strip():
                    continue
                try:
                    value = _parse(line)
                except json.JSONDecodeError as e:
                    en, zh = _MSG["json.syntax"]
                    self._syntax.add(f"line {n}", "json.syntax", f"{en}: {e.msg} (column {e.colno})",
                                     f"{zh}：{e.msg}（第{e.colno}列）")
                    continue
                except RecursionError:
                    self._syntax.extend([_path_error(f"line {n}", "json.depth")])
                    continue
                except ValueError:
                    self._syntax.extend([_path_error(f"line {n}", "json.number")])
                    continue
                yield f"line {n}", value

    def _items(self) -> Iterator[tuple[str, Any]]:
        if self.path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from self._lines()
            return
        items, errors = _items(read_text(self.path), None)
        self._syntax.extend(errors.errors)
        yield from items

    def chunks(self, size: int) -> Iterator[tuple[list[EnforcementCase], list[str]]]:
        """The file's cases, ``size`` records at a time, with their path prefixes."""
        items = self._items()
        while True:
            part = list(itertools.islice(items, size))
            if not part:
                return
            cases, prefixes = parse_into(part, self._parse, self._seen, today=self.today)
            self._read += len(cases)
            yield cases, prefixes

    def raise_if_any(self) -> None:
        if not self._read and not self._parse:
            _Reader(self._parse).err("$", "file.empty")
        errors = ErrorCollector()
        errors.extend(self._syntax.errors)
        errors.extend(self._parse.errors)
        errors.raise_if_any()


def _items(text: str, jsonl: bool | None) -> tuple[list[tuple[str, Any]], ErrorCollector]:
    """Split a document into ``(path prefix, JSON value)`` records.

    ``jsonl=None`` detects the form: a text that parses whole is JSON (a case
    or a list); otherwise it is read as JSON Lines if it has several lines
    starting with ``{``.
    """
    text = text.lstrip("\ufeff")
    errors = ErrorCollector()
    items: list[tuple[str, Any]] = []
    if jsonl is None:
        try:
            doc = _parse(text)
            jsonl = False
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
            lines = [x for x in text.split("\n") if x.strip()]
            jsonl = len(lines) > 1 and all(x.lstrip().startswith("{") for x in lines)
    if jsonl:
        # Lines of the file as it is (blank lines count), split on "\n" only:
        # str.splitlines() would also split inside strings at U+2028, U+0085...
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                items.append((f"line {n}", _parse(line)))
            except json.JSONDecodeError as e:
                en, zh = _MSG["json.syntax"]
                errors.add(f"line {n}", "json.syntax", f"{en}: {e.msg} (column {e.colno})",
                           f"{zh}：{e.msg}（第{e.colno}列）")
            except RecursionError:
                errors.extend([_path_error(f"line {n}", "json.depth")])
            except ValueError:  # a number Python will not convert
                errors.extend([_path_error(f"line {n}", "json.number")])
        return items, errors
    try:
        doc = _parse(text)
    except json.JSONDecodeError as e:
        en, zh = _MSG["json.syntax"]
        raise ValidationError([FieldError(
            f"line {e.lineno}", "json.syntax", f"{en}: {e.msg} (column {e.colno})",
            f"{zh}：{e.msg}（第{e.lineno}行第{e.colno}列）")]) from None
    except RecursionError:
        raise ValidationError([_path_error("$", "json.depth")]) from None
    except ValueError:
        raise ValidationError([_path_error("$", "json.number")]) from None
    if isinstance(doc, list):
        if len(doc) > MAX_IMPORT_CASES:
            raise ValidationError([_path_error("$", "list.too_long", size=len(doc), limit=MAX_IMPORT_CASES)])
        return [(f"[{i}]", v) for i, v in enumerate(doc)], errors
    return [("", doc)], errors


def loads_with_paths(text: str, *, jsonl: bool | None = None,
                     today: date | None = None) -> tuple[list[EnforcementCase], list[str]]:
    """Like :func:`loads`, also giving each case's path prefix (``""``, ``[3]``,
    ``line 7``) so that later errors (from the database) name the same place."""
    items, errors = _items(text, jsonl)
    try:
        cases = parse_cases(items, today=today)
    except ValidationError as ve:
        errors.extend(ve.errors)
        cases = []
    errors.raise_if_any()
    return cases, [prefix for prefix, _ in items]


def loads(text: str, *, jsonl: bool | None = None, today: date | None = None) -> list[EnforcementCase]:
    """Parse a JSON document (a case or a list of cases) or JSON Lines text; all or nothing."""
    return loads_with_paths(text, jsonl=jsonl, today=today)[0]


def read_text(path: Path) -> str:
    """The text of an interchange file: at most :data:`~courtapp.core.domain.limits.MAX_IMPORT_BYTES`,
    UTF-8 (a BOM is allowed); anything else is refused naming the place."""
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise ValidationError([_path_error("$", "file.too_large", size=size, limit=MAX_IMPORT_BYTES)])
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ValidationError([_path_error(f"line {line}", "file.encoding", offset=e.start)]) from None


def check_file(path: Path) -> None:
    """:func:`read_text`'s checks (size, UTF-8) without holding the file: it is
    decoded in blocks; only a file that fails is read whole, for the message."""
    if path.stat().st_size > MAX_IMPORT_BYTES:
        read_text(path)  # raises, naming the size and the limit
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as f:
            while block := f.read(1 << 20):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        read_text(path)  # raises, naming the line and the byte
        raise


def load_file_with_paths(path: Path, *, today: date | None = None
                         ) -> tuple[list[EnforcementCase], list[str]]:
    text = read_text(path)
    return loads_with_paths(text, jsonl=path.suffix.lower() in (".jsonl", ".ndjson") or None,
                            today=today)


def load_file(path: Path, *, today: date | None = None) -> list[EnforcementCase]:
    return load_file_with_paths(path, today=today)[0]


# ------------------------------------------------------------------ writing
def _amt(d: Decimal | None) -> str | None:
    return None if d is None else f"{d:.2f}"


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def dump_party(p: Party) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": p.kind.value, "name": p.name}
    if p.kind is PartyKind.PERSON:
        out["id_number"] = p.id_number
    else:
        out["credit_code"] = p.credit_code
        out["officers"] = [
            {"role": o.role.value, "name": o.name, "id_number": o.id_number} for o in p.officers
        ]
    if p.public_role is not None:
        out["public_role"] = p.public_role.value
    if p.notify_body:
        out["notify_body"] = p.notify_body
    return out


def dump_case(c: EnforcementCase) -> dict[str, Any]:
    """The interchange v1 form of a case (the inverse of :func:`loads`)."""
    n = c.execution_notice
    return {
        "case_number": c.case_number,
        "court": {"name": c.court.name, "code": c.court.code},
        "filed_on": c.filed_on.isoformat(),
        "judge": c.judge,
        "basis": {
            "kind": c.basis.kind.value, "issuer": c.basis.issuer,
            "document_number": c.basis.document_number,
            "effective_on": c.basis.effective_on.isoformat(),
        },
        "applicants": [dump_party(p) for p in c.applicants],
        "respondents": [dump_party(p) for p in c.respondents],
        "obligations": [
            _drop_none({"kind": o.kind.value, "amount": _amt(o.amount), "description": o.description,
                        "converted_amount": _amt(o.converted_amount)})
            for o in c.obligations
        ],
        "execution_notice": None if n is None else _drop_none({
            "issued_on": n.issued_on.isoformat(),
            "served_on": n.served_on.isoformat() if n.served_on else None,
            "service_method": n.service_method.value if n.service_method else None,
            "deadline": n.deadline.isoformat(),
        }),
        "payments": [
            _drop_none({"on": p.on.isoformat(), "amount": _amt(p.amount), "act": p.act,
                        "obligation": p.obligation, "respondent": p.respondent,
                        "evidence": p.evidence or None})
            for p in c.payments
        ],
        "property": [
            {"kind": x.kind.value, "description": x.description, "value": _amt(x.value),
             "found_on": x.found_on.isoformat(), "measure": x.measure.value,
             "respondent": x.respondent}
            for x in c.property
        ],
        "security": [
            _drop_none({"kind": s.kind.value, "value": _amt(s.value), "respondent": s.respondent,
                        "description": s.description or None})
            for s in c.security
        ],
        "conduct": [
            {"type": x.type.value, "on": x.on.isoformat(), "description": x.description,
             "respondent": x.respondent}
            for x in c.conduct
        ],
        "findings": [
            _drop_none({"respondent": f.respondent, "able_to_perform": f.able_to_perform,
                        "later_in_performance_order": f.later_in_performance_order,
                        "campus_loan_student": f.campus_loan_student,
                        "serious_violence": f.serious_violence,
                        "campus_loan_exception_reason": f.campus_loan_exception_reason or None})
            for f in c.findings
        ],
    } | ({"listings": [dump_listing(x) for x in c.listings]} if c.listings else {})


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def dump_listing(x: Listing) -> dict[str, Any]:
    """The interchange form of a listing (issue 3 §9): the fixed keys are always present."""
    out: dict[str, Any] = {
        "respondent": x.respondent, "grounds": sorted(x.grounds),
        "decided_on": x.decided_on.isoformat(), "signed_by": x.signed_by,
        "served_on": _iso(x.served_on), "grace_until": _iso(x.grace_until),
        "published_on": _iso(x.published_on), "term_years": x.term_years,
        "extension_years": x.extension_years, "status": x.status.value,
        "restrictions": [
            {"item": int(t.item), "person": t.person, "from": t.start.isoformat(),
             "until": _iso(t.until), "status": t.status.value}
            | ({"reason": t.reason} if t.reason else {})
            for t in x.restrictions],
    }
    # Removal state (issue 5 §7): always present, null when there is none.
    out |= {"removed_on": _iso(x.removed_on),
            "removal_reason": x.removal_reason.value if x.removal_reason else None,
            "removal_due": _iso(x.removal_due)}
    if x.removal_due_provisional:
        out["removal_due_provisional"] = True
    out |= _drop_none({
        "service_method": x.service_method.value if x.service_method else None,
        "removal_kind": x.removal_kind.value if x.removal_kind else None,
        "reasons": x.reasons or None,
    })
    return out


def dumps(cases: list[EnforcementCase]) -> str:
    body: Any = dump_case(cases[0]) if len(cases) == 1 else [dump_case(c) for c in cases]
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def dumps_all(docs: list[dict[str, Any]], *, jsonl: bool = False) -> str:
    """``courtapp export --all``: already dumped cases (in the caller's order) as a JSON
    array, or JSON Lines; the same input always gives the same bytes."""
    if jsonl:
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    return json.dumps(docs, ensure_ascii=False, indent=2) + "\n"
