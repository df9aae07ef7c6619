"""Permissions are checked by the service layer, denied by default, and a
refused call writes nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from courtapp.core.context import AppContext
from courtapp.core.domain.errors import PermissionDenied
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.roles import ROLE_PERMISSIONS, Actor, Permission, Role, require
from courtapp.core.services import audit, auth
from courtapp.core.services import cases as svc

Factory = Callable[..., EnforcementCase]
NOBODY = Actor(username="nobody", roles=frozenset())


def count(db: AppContext, table: str) -> int:
    with db.engine.connect() as c:
        return int(c.execute(text(f"select count(*) from {table}")).scalar_one())


def test_a_clerk_cannot_create_a_case(
        db: AppContext, clerk: Actor, judge: Actor, make_case: Factory, today: date) -> None:
    with pytest.raises(PermissionDenied) as exc:
        svc.create_case(db.uow(), clerk, make_case(), today=today)
    assert (exc.value.username, exc.value.permission) == ("clerk", "case.create")
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 0
    assert count(db, "persons") == count(db, "audit_log") == 0


def test_a_clerk_cannot_import_cases(
        db: AppContext, clerk: Actor, judge: Actor, make_case: Factory, today: date) -> None:
    with pytest.raises(PermissionDenied) as exc:
        svc.import_cases(db.uow(), clerk, [make_case(1), make_case(2)], today=today)
    assert exc.value.permission == "case.import"
    assert svc.count_cases(db.uow(), judge, svc.SearchQuery()) == 0
    assert count(db, "audit_log") == 0


def test_a_clerk_cannot_update_a_case(
        db: AppContext, clerk: Actor, judge: Actor, make_case: Factory, today: date) -> None:
    rec = svc.create_case(db.uow(), judge, make_case(), today=today)
    changed = copy.deepcopy(rec.case)
    changed.judge = "钱法官"
    with pytest.raises(PermissionDenied) as exc:
        svc.update_case(db.uow(), clerk, rec.id, rec.version, changed, today=today)
    assert exc.value.permission == "case.edit"
    assert svc.get_case(db.uow(), judge, case_id=rec.id) == rec
    assert count(db, "audit_log") == 1  # only the judge's create


def test_a_clerk_can_read_and_export(
        db: AppContext, clerk: Actor, judge: Actor, make_case: Factory, today: date) -> None:
    rec = svc.create_case(db.uow(), judge, make_case(), today=today)
    assert svc.get_case(db.uow(), clerk, case_id=rec.id) == rec
    assert svc.count_cases(db.uow(), clerk, svc.SearchQuery("张三")) == 1
    assert svc.export_cases(db.uow(), clerk, [rec.case.case_number]) == [rec.case]


def test_an_auditor_can_read_the_audit_log_and_a_judge_cannot(
        db: AppContext, judge: Actor, auditor: Actor, make_case: Factory, today: date) -> None:
    svc.create_case(db.uow(), judge, make_case(), today=today)
    assert [e.action for e in audit.entries(db.uow(), auditor)] == ["case.create"]
    with pytest.raises(PermissionDenied) as exc:
        audit.entries(db.uow(), judge)
    assert exc.value.permission == "audit.view"


def test_an_auditor_cannot_change_cases(
        db: AppContext, auditor: Actor, make_case: Factory, today: date) -> None:
    with pytest.raises(PermissionDenied):
        svc.create_case(db.uow(), auditor, make_case(), today=today)
    assert count(db, "cases") == 0


@pytest.mark.parametrize("permission", list(Permission))
def test_an_actor_without_roles_is_denied_every_permission(permission: Permission) -> None:
    assert not NOBODY.can(permission)
    with pytest.raises(PermissionDenied):
        require(NOBODY, permission)


@pytest.mark.parametrize("permission", list(Permission))
def test_an_unknown_role_grants_nothing(permission: Permission) -> None:
    ghost = Actor(username="ghost", roles=frozenset({"ghost"}))  # type: ignore[arg-type]
    assert not ghost.can(permission)


def test_a_role_grants_exactly_its_listed_permissions() -> None:
    for role in Role:
        a = Actor(username=role.value, roles=frozenset({role}))
        granted = {p for p in Permission if a.can(p)}
        assert granted == set(ROLE_PERMISSIONS.get(role, frozenset())), role


def test_roles_combine() -> None:
    both = Actor(username="x", roles=frozenset({Role.CLERK, Role.AUDITOR}))
    assert both.can(Permission.CASE_EXPORT) and both.can(Permission.AUDIT_VIEW)
    assert not both.can(Permission.CASE_EDIT)


def _calls(make_case: Factory, today: date) -> dict[str, Callable[[AppContext], Any]]:
    return {
        "get_case": lambda db: svc.get_case(db.uow(), NOBODY, case_id=1),
        "search_cases": lambda db: svc.search_cases(db.uow(), NOBODY, svc.SearchQuery()),
        "search_case_ids": lambda db: svc.search_case_ids(db.uow(), NOBODY, svc.SearchQuery()),
        "count_cases": lambda db: svc.count_cases(db.uow(), NOBODY, svc.SearchQuery()),
        "similar_persons": lambda db: svc.similar_persons(db.uow(), NOBODY, name="张三"),
        "get_person": lambda db: svc.get_person(db.uow(), NOBODY, 1),
        "export_cases": lambda db: svc.export_cases(db.uow(), NOBODY, ["(2026)京0105执1234号"]),
        "create_case": lambda db: svc.create_case(db.uow(), NOBODY, make_case(), today=today),
        "import_cases": lambda db: svc.import_cases(db.uow(), NOBODY, [make_case()], today=today),
        "update_case": lambda db: svc.update_case(db.uow(), NOBODY, 1, 1, make_case(),
                                                  today=today),
        "audit_entries": lambda db: audit.entries(db.uow(), NOBODY),
        "add_user": lambda db: auth.add_user(db.uow(), NOBODY, "eve", "Eve", "long-enough-pw",
                                             {Role.ADMIN}),
        "list_users": lambda db: auth.list_users(db.uow(), NOBODY),
    }


CALLS = ["get_case", "search_cases", "search_case_ids", "count_cases", "similar_persons",
         "get_person", "export_cases", "create_case", "import_cases", "update_case",
         "audit_entries", "add_user", "list_users"]


@pytest.mark.parametrize("call", CALLS)
def test_every_service_refuses_an_actor_without_roles(
        db: AppContext, make_case: Factory, today: date, call: str) -> None:
    calls = _calls(make_case, today)
    assert sorted(calls) == sorted(CALLS)
    with pytest.raises(PermissionDenied):
        calls[call](db)
    assert count(db, "cases") == count(db, "users") == count(db, "audit_log") == 0
