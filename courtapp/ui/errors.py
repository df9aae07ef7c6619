"""One way to say what went wrong, for every screen (issue 8: it replaces four mappers).

:func:`describe` turns any exception a task delivers into one text in the
interface language: the field and the rule a refusal names, the permission a
role lacks, a conflict with someone else's change.  It never shows SQL, a
traceback or data of a party; anything unexpected is logged in full and
described by its kind only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from courtapp.core.db.safety import database_trouble
from courtapp.core.domain.errors import (
    AuthenticationFailed,
    ConflictError,
    DomainError,
    FieldError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from courtapp.ui.i18n import ui_language
from courtapp.ui.messages import message_text, render

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def field_line(e: FieldError) -> str:
    """``Field: message`` for one broken rule (the field named for a reader)."""
    from courtapp.ui.case_form.labels import describe_path
    from courtapp.ui.listing.labels import FIELD, field_name

    msg = e.message(ui_language())
    if not e.path or e.path == "$":
        return msg
    head = e.path.split(".", 1)[0].split("[", 1)[0]
    name = field_name(e.path) if head in FIELD else describe_path(e.path)
    return f"{name}: {msg}"


def conflict_text(exc: ConflictError, *, record: str | None = None,
                  reloaded: bool = False) -> str:
    """A conflict in the interface language: who changed the record and when, if known.
    ``record`` names it as the screen shows it (else the core's name for it);
    ``reloaded``: the screen has already reloaded it (no "reload it" advice)."""
    return render(*exc.rendering(record or exc.record or translate("Errors", "the record"),
                                 reloaded=reloaded))


def describe(exc: BaseException) -> str:
    """What went wrong, for the person at the desk."""
    if isinstance(exc, ValidationError):
        return "\n".join(field_line(e) for e in exc.errors)
    if isinstance(exc, PermissionDenied):
        from courtapp.ui.listing.labels import permission_label

        return translate("Errors", "Your roles do not allow %1.").replace(
            "%1", permission_label(exc.permission))
    if isinstance(exc, ConflictError):
        return conflict_text(exc)
    if isinstance(exc, NotFound) and exc.message is not None:
        return message_text(exc.message)
    if isinstance(exc, NotFound):
        return translate("Errors", "The record does not exist (any more): %1").replace(
            "%1", str(exc))
    if isinstance(exc, AuthenticationFailed):
        return translate("Errors", "Wrong user name or password.")
    if isinstance(exc, DomainError):
        return str(exc) or type(exc).__name__
    trouble = database_trouble(exc)
    if trouble is not None:  # one line, no SQL, no data; the detail goes to the log file
        log.error("database error in a task", exc_info=exc)
        return message_text(trouble)
    log.error("unexpected error in a task", exc_info=exc)
    return translate("Errors", "An unexpected error occurred (%1). Nothing was changed by it; "
                     "the details are in the log file.").replace("%1", type(exc).__name__)
