"""Use cases for the enforcement-case registry.

Each function takes the acting user and a :class:`UnitOfWork`, checks the
permission, validates everything, and either commits the whole change with
its audit record or nothing.  Callers get frozen records or domain
dataclasses, never ORM rows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from courtapp.core import interchange
from courtapp.core.db.repositories.audit import AuditItem
from courtapp.core.db.safety import retrying
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import (
    ConflictError,
    ErrorCollector,
    FieldError,
    ValidationError,
)
from courtapp.core.domain.model import EnforcementCase, Party
from courtapp.core.domain.paging import Page
from courtapp.core.domain.records import CaseRecord, PersonInfo
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.search import CaseSummary, SearchQuery, SortKey
from courtapp.core.domain.validation import normalized_case, validate_case
from courtapp.core.interchange import dump_case
from courtapp.core.services import history, listing


def _prefixed(errors: Sequence[FieldError], prefix: str) -> list[FieldError]:
    if not prefix:
        return list(errors)
    return [FieldError(f"{prefix}.{e.path}", e.rule, e.en, e.zh) for e in errors]


def _number_taken(number: str) -> tuple[str, str, str]:
    return ("case_number.exists", f"case {number} is already registered", f"案号{number}已登记")


# ------------------------------------------------------------- use cases
def create_cases(uow: UnitOfWork, actor: Actor, cases: Sequence[EnforcementCase], *,
                 permission: Permission = Permission.CASE_CREATE,
                 action: str = "case.create", today: date | None = None,
                 path_prefixes: Sequence[str] | None = None) -> list[CaseRecord]:
    """Validate and store new cases, all or nothing, each with an audit record."""
    require(actor, permission)
    # Store and audit the normal form: one person is one record however the
    # ID number was typed (11010519491231002x / ...X, full-width digits).
    cases = [normalized_case(c) for c in cases]
    errors = ErrorCollector()
    prefixes = list(path_prefixes) if path_prefixes else (
        [""] if len(cases) == 1 else [f"[{i}]" for i in range(len(cases))])
    for c, prefix in zip(cases, prefixes, strict=True):
        errors.extend(_prefixed(validate_case(c, today=today), prefix))
    errors.raise_if_any()

    def store() -> list[CaseRecord]:
        errors = ErrorCollector()
        with uow:
            out = _store(uow, actor, cases, prefixes, action, errors, set())
            errors.raise_if_any()
            uow.commit()
        return out

    # Two desks entering the same new person at once: the second one's insert meets
    # the unique identifier, and the run again finds the person (issue 10 §2).
    return retrying(store)


def _store(uow: UnitOfWork, actor: Actor, cases: Sequence[EnforcementCase], prefixes: Sequence[str],
           action: str, errors: ErrorCollector, seen: set[str], *,
           listings_checked: bool = False) -> list[CaseRecord]:
    """Within the caller's transaction: store valid, normalised new cases in bulk, each
    with its audit record, its notice's service and its migrated listings.  Refusals
    (a number already registered or seen in ``seen``, a person conflict) go to
    ``errors``; the caller raises them, so nothing is committed."""
    taken = uow.cases.numbers_taken([c.case_number for c in cases])
    keep: list[tuple[EnforcementCase, str]] = []
    for c, prefix in zip(cases, prefixes, strict=True):
        number = c.case_number
        if number in seen or number in taken:
            errors.add(f"{prefix}.case_number" if prefix else "case_number", *_number_taken(number))
            continue
        seen.add(number)
        keep.append((c, prefix))
    added = uow.cases.add_many([c for c, _ in keep], [p for _, p in keep], errors)
    stored = [(CaseRecord(res[0], 1, replace(c, listings=[]), res[1]), c)
              for (c, _), res in zip(keep, added, strict=True) if res is not None]
    if errors:
        return []
    listing_ids = listing.store_imported_many(uow, actor, [(r, c) for r, c in stored if c.listings],
                                              checked=listings_checked)
    events = history.NewCaseHistory(uow, actor)
    for rec, c in stored:
        events.audit.append(AuditItem(action, "case", c.case_number, after=dump_case(c)))
        events.notice_served(rec.id, c)
        for lst, lid in zip(c.listings, listing_ids.get(rec.id, ()), strict=True):
            listing.record_imported_listing(uow, actor, events, rec.id, c, lst, lid)
    events.store()
    return [rec for rec, _ in stored]


def import_file(uow: UnitOfWork, actor: Actor, path: Path, *, today: date | None = None,
                chunk: int = 2000,
                warn: Callable[[list[FieldError]], None] | None = None) -> list[str]:
    """Import an interchange v1 file, all or nothing, in one transaction, reading and
    storing it ``chunk`` cases at a time (a JSON Lines file is streamed, so memory
    stays flat in the file's size).  Returns the imported case numbers.

    The errors are those of :func:`~courtapp.core.interchange.load_file_with_paths`
    and then of :func:`import_cases`, in the same order: if the file is invalid
    anywhere, its errors alone are raised and nothing is written.  ``warn`` gets
    the file's warnings (:func:`~courtapp.core.interchange.warnings_with_paths`)
    once it is read and valid, before any refusal from the database.
    """
    require(actor, Permission.CASE_IMPORT)
    reading = interchange.FileReader(path, today=today)
    refused = ErrorCollector()
    seen: set[str] = set()
    numbers: list[str] = []
    warnings: list[FieldError] = []
    with uow:
        for cases, prefixes in reading.chunks(chunk):
            warnings += interchange.warnings_with_paths(cases, prefixes)
            if reading.errors:
                continue  # an invalid file: read on for its errors, store nothing more
            numbers += [r.case.case_number for r in _store(
                uow, actor, cases, prefixes, "case.import", refused, seen, listings_checked=True)]
            # The chunk's audit rows join the chain now (same transaction), so that
            # memory stays flat in the file's size (the head stays locked to the commit).
            uow.audit.seal()
        reading.raise_if_any()
        if warn is not None:
            warn(warnings)
        refused.raise_if_any()
        uow.commit()
    return numbers


def create_case(uow: UnitOfWork, actor: Actor, case: EnforcementCase, *,
                today: date | None = None) -> CaseRecord:
    return create_cases(uow, actor, [case], today=today)[0]


def import_cases(uow: UnitOfWork, actor: Actor, cases: Sequence[EnforcementCase], *,
                 path_prefixes: Sequence[str] | None = None,
                 today: date | None = None) -> list[CaseRecord]:
    return create_cases(uow, actor, cases, permission=Permission.CASE_IMPORT,
                        action="case.import", today=today, path_prefixes=path_prefixes)


def update_in(uow: UnitOfWork, actor: Actor, case_id: int, expected_version: int,
              case: EnforcementCase, *, reason: str | None = None,
              today: date | None = None) -> CaseRecord:
    """Within the caller's open unit of work: replace a case's data (validated,
    audited, its notice's service recorded).  The caller commits."""
    require(actor, Permission.CASE_EDIT)
    case = normalized_case(case)
    errors = ErrorCollector()
    errors.extend(validate_case(case, today=today))
    errors.raise_if_any()
    old = uow.cases.get(case_id)
    if old.version != expected_version:
        raise ConflictError(f"case {old.case.case_number} was changed by someone else "
                            f"(version {old.version}, you had {expected_version})",
                            record=old.case.case_number, entity=("case", old.case.case_number))
    before = dump_case(old.case)
    if uow.cases.number_taken(case.case_number, exclude_id=case_id):
        errors.add("case_number", *_number_taken(case.case_number))
        errors.raise_if_any()
    after = dump_case(case)
    if before == after:
        # Nothing changed: the rows stay as they are (no new version, no audit
        # row), so that every change of a case's rows has its audit row (R-R6).
        rec = old
    else:
        updated = uow.cases.update(case_id, expected_version, case, errors)
        errors.raise_if_any()
        assert updated is not None
        rec = updated
        uow.audit.add(actor, "case.update", "case", rec.case.case_number,
                      before=before, after=after, reason=reason)
    history.record_notice_service(uow, actor, case_id, case)
    return rec


def update_case(uow: UnitOfWork, actor: Actor, case_id: int, expected_version: int,
                case: EnforcementCase, *, reason: str | None = None,
                today: date | None = None) -> CaseRecord:
    """Replace a case's data.  Refused with ConflictError if someone saved it meanwhile."""
    with uow:
        rec = update_in(uow, actor, case_id, expected_version, case, reason=reason, today=today)
        uow.commit()
        return rec


def get_case(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
             case_number: str | None = None) -> CaseRecord:
    require(actor, Permission.CASE_VIEW)
    with uow:
        if case_id is not None:
            return uow.cases.get(case_id)
        if case_number is not None:
            return uow.cases.by_number(case_number)
        raise TypeError("case_id or case_number is required")


def export_cases(uow: UnitOfWork, actor: Actor, numbers: Sequence[str]) -> list[EnforcementCase]:
    """The named cases with their listings, read in one snapshot, in batches (a
    query per table per 500 cases, not per case)."""
    require(actor, Permission.CASE_EXPORT)
    with uow:
        return listing.attach_listings_many(uow, uow.cases.by_numbers(numbers))


# ---------------------------------------------------------------- search
def search_case_ids(uow: UnitOfWork, actor: Actor, query: SearchQuery, *,
                    before_id: int | None = None, limit: int = 200) -> list[int]:
    """Case ids, newest first, after the keyset position ``before_id``."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.cases.search_ids(query, before_id, limit)


def search_cases(uow: UnitOfWork, actor: Actor, query: SearchQuery, *,
                 before_id: int | None = None, limit: int = 200,
                 as_of: date | None = None) -> list[CaseSummary]:
    """One page of the case list: summaries, newest first (keyset pagination)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        if before_id is None and query.exact() is not None:  # one query, not two (issue 11)
            newest = replace(query, sort=SortKey.NEWEST, descending=True)
            return list(uow.cases.search_page(newest, None, limit, as_of or date.today()).rows)
        ids = uow.cases.search_ids(query, before_id, limit)
        return uow.cases.summaries(ids, as_of or date.today())


def cases_page(uow: UnitOfWork, actor: Actor, query: SearchQuery, *,
               after: object | None = None, limit: int = 200,
               as_of: date | None = None) -> Page[CaseSummary]:
    """One page of the case list in the query's order (sorted on the server), after
    the keyset cursor ``after``; ``has_more`` says whether another page follows."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.cases.search_page(query, after, limit, as_of or date.today())


def count_cases(uow: UnitOfWork, actor: Actor, query: SearchQuery, *, cap: int = 10_000) -> int:
    """How many cases match; a search stops counting at ``cap`` (the list shows "cap+")."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.cases.count(query, cap)


def similar_persons(uow: UnitOfWork, actor: Actor, *, name: str = "", identifier: str = "",
                    limit: int = 10) -> list[PersonInfo]:
    """Likely duplicates for party entry: the same number, or the same name."""
    require(actor, Permission.CASE_VIEW)
    name = name.strip()
    ident = unicodedata.normalize("NFKC", identifier).strip().upper()
    if not name and len(ident) < 6:
        return []
    with uow:
        return uow.cases.similar_persons(name, ident, limit)


def get_person(uow: UnitOfWork, actor: Actor, person_id: int) -> Party:
    require(actor, Permission.CASE_VIEW)
    with uow:
        return uow.cases.person(person_id)


__all__ = [
    "CaseRecord", "CaseSummary", "ConflictError", "PersonInfo", "SearchQuery", "SortKey",
    "cases_page",
    "ValidationError", "count_cases", "create_case", "create_cases", "export_cases",
    "get_case", "get_person", "import_cases", "import_file", "search_case_ids", "search_cases",
    "similar_persons", "update_case", "update_in",
]
