"""What the database says, turned into what the services say (issue 10 §§1-2).

- :func:`refusal_for`: a unique index that refused a row (``IntegrityError``)
  becomes the same refusal as the service's own check -- a ValidationError with
  the rule's code (``listing.duplicate`` …).  A case, petition or document
  number another desk took at the same moment stays an ``IntegrityError``,
  which the numbering code catches to number again, and :func:`retrying` runs
  again; when the attempts run out it is :class:`NumberTaken`.
- :func:`transient`: a serialisation failure, a deadlock, a lock timeout or a
  number collision: nothing was saved and running the unit of work again may
  succeed.  :func:`retrying` / :func:`retried` do so a bounded number of times.
- :func:`database_trouble`: any other database error as one catalogue message
  that names no SQL and no personal data (the detail goes to the log file).

The unit of work (:mod:`courtapp.core.db.uow`) applies :func:`refusal_for` on
the way out of every ``with uow:``, so the services need not catch anything.
"""

from __future__ import annotations

import functools
import logging
import random
import re
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy import Index, UniqueConstraint
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from courtapp.core.db.orm import Base
from courtapp.core.domain.errors import (
    DatabaseBusy,
    DomainError,
    ErrorCollector,
    NumberTaken,
    ValidationError,
)
from courtapp.core.domain.messages import Message, render

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

#: Unique index or constraint -> (field path, catalogue code, field label) of the refusal.
#: The label fills ``record.duplicate``'s ``{field}``.
REFUSALS: dict[str, tuple[str, str]] = {
    "uq_listings_current": ("respondent", "listing.duplicate"),
    "uq_restrictions_listing_item": ("restrictions", "restriction.duplicate"),
    "uq_restrictions_listing_person_item": ("restrictions", "restriction.duplicate"),
    "uq_restrictions_order_item": ("restrictions", "restriction.duplicate"),
    "uq_restrictions_order_person_item": ("restrictions", "restriction.duplicate"),
    "uq_users_username": ("username", "user.exists"),
    # A case number is typed, not handed out: the same refusal as services.cases gives.
    "uq_cases_case_number": ("case_number", "case_number.exists"),
    "uq_cases_number_parts": ("case_number", "case_number.exists"),
}
#: Numbers handed out as "the highest + 1": a collision means another desk took it.
#: Also a person entered by two desks at once: run again, the person is found.
NUMBERS = {"uq_petitions_number", "uq_petitions_case_sequence", "uq_issued_documents_number",
           "uq_issued_documents_case_sequence", "uq_persons_id_number", "uq_persons_credit_code"}

_USER_EXISTS = ("this user name is taken", "该用户名已被使用")  # as services.auth says it


def _unique_keys() -> dict[tuple[str, tuple[str, ...]], str]:
    """(table, columns) -> name of every unique index and constraint (SQLite's
    message names the columns, not the index)."""
    out: dict[tuple[str, tuple[str, ...]], str] = {}
    for table in Base.metadata.tables.values():
        for c in table.columns:
            if c.unique:
                out[(table.name, (c.name,))] = f"uq_{table.name}_{c.name}"
        for obj in (*table.indexes, *table.constraints):
            if isinstance(obj, Index) and obj.unique or isinstance(obj, UniqueConstraint):
                cols = tuple(col.name for col in obj.columns)
                if cols and obj.name:
                    out[(table.name, cols)] = str(obj.name)
    return out


_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: ([\w., ]+)")


def constraint_of(exc: IntegrityError) -> str | None:
    """The name of the unique index or constraint that refused the row, if any."""
    diag = getattr(exc.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name:
        return str(name)
    m = _SQLITE_UNIQUE.search(str(exc.orig))
    if not m:
        return None
    cols = [c.strip() for c in m.group(1).split(",")]
    table = cols[0].split(".")[0]
    return _unique_keys().get((table, tuple(c.split(".", 1)[1] for c in cols)))


def refusal_for(exc: IntegrityError) -> DomainError | None:
    """The refusal a unique index's ``IntegrityError`` stands for (None: not one of ours)."""
    name = constraint_of(exc)
    if name not in REFUSALS:  # a number collision stays an IntegrityError: retried (retrying)
        return None
    path, code = REFUSALS[name]
    e = ErrorCollector()
    if code == "user.exists":
        e.add(path, code, *_USER_EXISTS)
    else:
        params = {"field": path}
        e.add(path, code, render(code, params, "en"), render(code, params, "zh"))
    return ValidationError(e.errors)


# PostgreSQL SQLSTATEs: serialization_failure, deadlock_detected, lock_not_available.
_RETRY_STATES = {"40001", "40P01", "55P03"}


def transient(exc: BaseException) -> bool:
    """Worth running the unit of work again: nothing was saved, the cause was timing."""
    if isinstance(exc, NumberTaken | DatabaseBusy):
        return True
    if isinstance(exc, IntegrityError):
        return constraint_of(exc) in NUMBERS
    if isinstance(exc, DBAPIError):
        state = getattr(exc.orig, "sqlstate", None)
        if state in _RETRY_STATES:
            return True
        text = str(exc.orig).lower()
        return "database is locked" in text or "database table is locked" in text
    return False


def retrying(fn: Callable[[], T], *, attempts: int = 5, pause: float = 0.05) -> T:
    """``fn()`` (a whole unit of work), run again up to ``attempts`` times in all
    while it fails for a :func:`transient` reason, with a short random pause.  The
    last failure is raised as :class:`DatabaseBusy` (or the NumberTaken itself)."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except Exception as e:
            if not transient(e):
                raise
            log.info("transient database conflict (%s), attempt %d of %d",
                     type(e).__name__, attempt, attempts)
            if attempt == attempts:
                if isinstance(e, DomainError):
                    raise
                if isinstance(e, IntegrityError):
                    raise NumberTaken() from e
                raise DatabaseBusy(type(e).__name__) from e
            time.sleep(random.uniform(0, pause * 2 ** attempt))
    raise AssertionError("unreachable")  # pragma: no cover


def retried(fn: Callable[P, T]) -> Callable[P, T]:
    """A service function (one unit of work) run under :func:`retrying`."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return retrying(lambda: fn(*args, **kwargs))

    return run


def database_trouble(exc: BaseException) -> Message | None:
    """One message for a database error no service turned into a refusal (None:
    not a database error).  It names no SQL and no data: the detail is logged."""
    if not isinstance(exc, DBAPIError):
        return None
    if isinstance(exc, IntegrityError) and transient(exc):
        return Message("conflict.number_taken", {"number": ""})
    if transient(exc):
        return Message("conflict.busy")
    if isinstance(exc, OperationalError | InterfaceError) or exc.connection_invalidated:
        return Message("database.unavailable")
    return Message("database.error", {"kind": type(exc).__name__})
