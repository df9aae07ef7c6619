"""Roles and permissions.  Denied by default: a role grants exactly the
permissions listed for it here and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from courtapp.core.domain.errors import PermissionDenied


class Role(StrEnum):
    JUDGE = "judge"
    PRESIDENT = "president"  # signs decisions and orders (院长签发, 2017 Art. 5; 2015 Art. 5)
    CLERK = "clerk"
    COUNTER = "counter"
    ADMIN = "administrator"
    AUDITOR = "auditor"


class Permission(StrEnum):
    CASE_VIEW = "case.view"
    CASE_CREATE = "case.create"
    CASE_EDIT = "case.edit"
    CASE_IMPORT = "case.import"
    CASE_EXPORT = "case.export"
    LISTING_PREPARE = "listing.prepare"
    LISTING_SERVE = "listing.serve"
    LISTING_PUBLISH = "listing.publish"
    DECISION_SIGN = "decision.sign"
    USER_MANAGE = "user.manage"
    AUDIT_VIEW = "audit.view"
    SETTINGS_EDIT = "settings.edit"
    DEMO_LOAD = "demo.load"
    # Issuing a court document (registers and signs it).  Reading and reprinting
    # an issued document needs CASE_VIEW.  A listing decision or restriction
    # order document is issued only from a listing or order a DECISION_SIGN
    # holder has already signed, and carries that signer.
    DOCUMENT_ISSUE = "document.issue"
    RECEIPT_ISSUE = "document.receipt"  # the counter receipt for a petition
    # Petitions at the counter (issue 5): filing one (identity checked, evidence
    # attached, receipt printed) and deciding one (a judge).
    PETITION_FILE = "petition.file"
    PETITION_DECIDE = "petition.decide"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.JUDGE: frozenset({
        Permission.CASE_VIEW, Permission.CASE_CREATE, Permission.CASE_EDIT,
        Permission.CASE_IMPORT, Permission.CASE_EXPORT, Permission.LISTING_PREPARE,
        Permission.LISTING_SERVE, Permission.DOCUMENT_ISSUE, Permission.RECEIPT_ISSUE,
        Permission.PETITION_FILE, Permission.PETITION_DECIDE,
    }),
    # Only the president signs decisions and restriction orders (院长签发).
    Role.PRESIDENT: frozenset({Permission.CASE_VIEW, Permission.CASE_EXPORT, Permission.DECISION_SIGN}),
    Role.CLERK: frozenset({Permission.CASE_VIEW, Permission.CASE_EXPORT, Permission.LISTING_SERVE,
                           Permission.DOCUMENT_ISSUE, Permission.RECEIPT_ISSUE,
                           Permission.PETITION_FILE}),
    Role.COUNTER: frozenset({Permission.CASE_VIEW, Permission.RECEIPT_ISSUE, Permission.PETITION_FILE}),
    Role.ADMIN: frozenset({
        Permission.CASE_VIEW, Permission.USER_MANAGE, Permission.SETTINGS_EDIT,
        Permission.CASE_IMPORT, Permission.CASE_EXPORT, Permission.DEMO_LOAD,
        Permission.AUDIT_VIEW, Permission.LISTING_PUBLISH,
    }),
    Role.AUDITOR: frozenset({Permission.CASE_VIEW, Permission.AUDIT_VIEW}),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting.  ``user_id`` is None for the command-line operator."""

    username: str
    roles: frozenset[Role]
    user_id: int | None = None
    display_name: str = ""

    def can(self, permission: Permission) -> bool:
        return any(permission in ROLE_PERMISSIONS.get(r, frozenset()) for r in self.roles)


#: The prefix of the command line's operator account (:func:`console_actor`).
CONSOLE_PREFIX = "console:"


def is_system_account(name: str) -> bool:
    """Whether ``name`` is a system account (the command line's operator), not a person."""
    return name.strip().startswith(CONSOLE_PREFIX)


def console_actor(os_user: str) -> Actor:
    """The operator of the command line on this machine.

    Whoever can run ``courtapp`` against a database already holds its file (or
    its PostgreSQL credentials); the command line acts as that operator, with
    the judge's and the administrator's permissions, and every change it makes
    is audited under ``console:<os user>``.
    """
    return Actor(username=f"{CONSOLE_PREFIX}{os_user}", roles=frozenset({Role.JUDGE, Role.ADMIN}))


def require(actor: Actor, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless one of the actor's roles grants
    ``permission``.  Every service that changes or reveals data calls it first;
    the GUI hides buttons too, but the service layer is what refuses."""
    if not actor.can(permission):
        raise PermissionDenied(actor.username, permission.value)
