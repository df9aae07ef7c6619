"""Domain errors.

Every validation failure names the field (as a JSON path into the interchange
format, e.g. ``respondents[0].id_number``) and the rule it breaks, with a
message in English and in Simplified Chinese.  The core carries both texts so
that the command line and the GUI can show the same wording; the GUI picks the
language the user chose.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from courtapp.core.domain.messages import Message


@dataclass(frozen=True)
class FieldError:
    """One broken rule at one place."""

    path: str
    rule: str
    en: str
    zh: str

    def message(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en

    def __str__(self) -> str:
        return f"{self.path}: {self.en} [{self.rule}]"


class DomainError(Exception):
    """Base class for every error the core raises on purpose."""


@dataclass
class ValidationError(DomainError):
    """One or more field errors; nothing was saved."""

    errors: list[FieldError] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.summary())

    def summary(self, lang: str = "en") -> str:
        return "\n".join(
            f"{e.path}: {e.message(lang)}" if e.path else e.message(lang) for e in self.errors
        )

    def __iter__(self) -> Iterator[FieldError]:
        return iter(self.errors)

    def __str__(self) -> str:
        return self.summary()


class ErrorCollector:
    """Collects field errors while walking a structure, then raises them all at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, path: str, rule: str, en: str, zh: str) -> None:
        self.errors.append(FieldError(path, rule, en, zh))

    def extend(self, errors: Iterable[FieldError]) -> None:
        self.errors.extend(errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(list(self.errors))

    def __bool__(self) -> bool:
        return bool(self.errors)


class PermissionDenied(DomainError):
    """The acting user's roles do not grant the permission the operation needs."""

    def __init__(self, username: str, permission: str) -> None:
        self.username = username
        self.permission = permission
        super().__init__(f"user {username!r} lacks permission {permission!r}")


class NotFound(DomainError):
    """A record that the caller named does not exist.  ``message``, when given, is
    the catalogue code that says so in either language."""

    def __init__(self, text: str = "", message: Message | None = None) -> None:
        super().__init__(text)
        self.message = message


class ConflictError(DomainError):
    """Someone else changed the record since it was read (optimistic locking), or
    took the same number or slot at the same moment.

    ``record`` names it (a case number, ``listing 12``); ``entity`` is its audit
    key (``("case", "(2026)京0105执1号")``), from which the unit of work fills in
    ``by`` and ``at``: the user and the time of the last audited change.  The
    text comes from the message catalogue (``conflict.changed_by`` …)."""

    def __init__(self, detail: str = "", *, record: str = "", entity: tuple[str, str] | None = None,
                 by: str | None = None, at: datetime | None = None,
                 code: str = "conflict.changed", params: dict[str, object] | None = None) -> None:
        self.detail, self.record, self.entity = detail, record, entity
        self.by, self.at, self.code, self.params = by, at, code, dict(params or {})
        super().__init__(detail)

    def rendering(self, record: str, *,
                  reloaded: bool = False) -> tuple[str, dict[str, object]]:
        """The message code and its parameters, ``record`` naming the record: who
        changed it and when, if known; ``reloaded``: the screen has reloaded it
        already (no "reload it" advice).  The CLI and the GUI render the same."""
        if self.code == "conflict.changed":
            suffix = "_reloaded" if reloaded else ""
            if self.by:
                at = self.at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if self.at else ""
                return "conflict.changed_by" + suffix, {"record": record, "user": self.by, "at": at}
            return "conflict.changed" + suffix, {"record": record}
        return self.code, {"record": record, **self.params}

    def message(self, lang: str = "en") -> str:
        from courtapp.core.domain.messages import render

        record = self.record or ("该记录" if lang.startswith("zh") else "the record")
        return render(*self.rendering(record), lang)

    def __str__(self) -> str:
        return self.message("en")


class NumberTaken(ConflictError):
    """Another desk took the same case, petition or document number at the same
    moment (a unique index said so): the operation is worth running again."""

    def __init__(self, number: str = "") -> None:
        super().__init__(f"number {number} taken", code="conflict.number_taken",
                         params={"number": number})


class DatabaseBusy(ConflictError):
    """A serialisation failure, a deadlock or a lock timeout: nothing was saved and
    running the operation again may succeed."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail, code="conflict.busy")


class AuthenticationFailed(DomainError):
    """Wrong user name or password, or an inactive account."""


class AccountLocked(AuthenticationFailed):
    """Too many wrong passwords in a row: the user name is locked until ``until``."""

    def __init__(self, username: str, until: object) -> None:
        self.username = username
        self.until = until
        super().__init__(username)
