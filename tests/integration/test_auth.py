"""Users and passwords: argon2 hashes, authentication, first-run setup."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from courtapp.core.context import AppContext
from courtapp.core.domain.errors import AuthenticationFailed, PermissionDenied, ValidationError
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import audit, auth

PASSWORD = "correct horse battery"


def field_errors(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return sorted((e.path, e.rule) for e in exc.value.errors)


def stored_hashes(db: AppContext) -> dict[str, str]:
    with db.engine.connect() as c:
        return dict(c.execute(text("select username, password_hash from users")).all())


def test_an_added_user_can_log_in_with_the_roles_given(db: AppContext, admin: Actor) -> None:
    info = auth.add_user(db.uow(), admin, "zhao", "赵法官", PASSWORD, {Role.JUDGE, Role.CLERK})
    assert (info.username, info.display_name, info.active) == ("zhao", "赵法官", True)
    assert info.roles == frozenset({Role.JUDGE, Role.CLERK})
    actor = auth.authenticate(db.uow(), "zhao", PASSWORD)
    assert actor.username == "zhao" and actor.user_id == info.id
    assert actor.roles == frozenset({Role.JUDGE, Role.CLERK})
    assert actor.display_name == "赵法官"
    assert [u.username for u in auth.list_users(db.uow(), admin)] == ["zhao"]


def test_a_wrong_password_is_refused(db: AppContext, admin: Actor) -> None:
    auth.add_user(db.uow(), admin, "zhao", "赵法官", PASSWORD, {Role.JUDGE})
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(db.uow(), "zhao", PASSWORD + "!")
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(db.uow(), "zhao", "")


def test_an_unknown_user_is_refused_like_a_wrong_password(db: AppContext) -> None:
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(db.uow(), "nobody", PASSWORD)


def test_passwords_are_stored_as_argon2_hashes_never_plain(db: AppContext, admin: Actor) -> None:
    auth.add_user(db.uow(), admin, "zhao", "赵法官", PASSWORD, {Role.JUDGE})
    auth.add_user(db.uow(), admin, "qian", "钱书记员", PASSWORD, {Role.CLERK})
    hashes = stored_hashes(db)
    assert set(hashes) == {"zhao", "qian"}
    for h in hashes.values():
        assert h.startswith("$argon2")
        assert PASSWORD not in h
    assert hashes["zhao"] != hashes["qian"]  # salted
    with db.engine.connect() as c:
        dump = " ".join(str(v) for row in c.execute(text("select * from users")) for v in row)
    assert PASSWORD not in dump


def test_create_first_admin_works_only_on_an_empty_users_table(db: AppContext) -> None:
    assert auth.user_count(db.uow()) == 0
    info = auth.create_first_admin(db.uow(), "admin", "管理员", PASSWORD)
    assert info.roles == frozenset({Role.ADMIN})
    assert auth.authenticate(db.uow(), "admin", PASSWORD).roles == frozenset({Role.ADMIN})
    with pytest.raises(PermissionDenied):
        auth.create_first_admin(db.uow(), "mallory", "Mallory", PASSWORD)
    assert auth.user_count(db.uow()) == 1


def test_a_short_password_and_empty_roles_are_refused_with_field_errors(
        db: AppContext, admin: Actor) -> None:
    with pytest.raises(ValidationError) as exc:
        auth.add_user(db.uow(), admin, "zhao", "赵法官", "short", set())
    assert field_errors(exc) == [("password", "user.password_short"), ("roles", "user.roles")]
    assert auth.user_count(db.uow()) == 0


def test_a_password_of_exactly_the_minimum_length_is_accepted(
        db: AppContext, admin: Actor) -> None:
    pw = "x" * auth.MIN_PASSWORD
    auth.add_user(db.uow(), admin, "zhao", "赵法官", pw, {Role.JUDGE})
    assert auth.authenticate(db.uow(), "zhao", pw).username == "zhao"
    with pytest.raises(ValidationError):
        auth.add_user(db.uow(), admin, "qian", "钱", "x" * (auth.MIN_PASSWORD - 1), {Role.JUDGE})


def test_the_first_admin_is_held_to_the_same_rules(db: AppContext) -> None:
    with pytest.raises(ValidationError) as exc:
        auth.create_first_admin(db.uow(), "", " ", "short")
    assert field_errors(exc) == [("display_name", "required"), ("password", "user.password_short"),
                                 ("username", "user.username")]
    assert auth.user_count(db.uow()) == 0


@pytest.mark.parametrize("username", ["", "has space", "semi;colon", "x" * 65, "a/b"])
def test_a_bad_user_name_is_refused(db: AppContext, admin: Actor, username: str) -> None:
    with pytest.raises(ValidationError) as exc:
        auth.add_user(db.uow(), admin, username, "Name", PASSWORD, {Role.JUDGE})
    assert field_errors(exc) == [("username", "user.username")]


def test_a_taken_user_name_is_refused(db: AppContext, admin: Actor) -> None:
    auth.add_user(db.uow(), admin, "zhao", "赵法官", PASSWORD, {Role.JUDGE})
    with pytest.raises(ValidationError) as exc:
        auth.add_user(db.uow(), admin, "zhao", "另一个赵", PASSWORD, {Role.CLERK})
    assert field_errors(exc) == [("username", "user.exists")]
    assert auth.user_count(db.uow()) == 1


def test_only_a_user_manager_can_add_users(db: AppContext, judge: Actor) -> None:
    with pytest.raises(PermissionDenied):
        auth.add_user(db.uow(), judge, "qian", "钱", PASSWORD, {Role.ADMIN})
    assert auth.user_count(db.uow()) == 0


def test_user_changes_and_logins_are_audited_without_the_password(
        db: AppContext, admin: Actor) -> None:
    info = auth.add_user(db.uow(), admin, "zhao", "赵法官", PASSWORD, {Role.JUDGE, Role.AUDITOR})
    auditor = auth.authenticate(db.uow(), "zhao", PASSWORD)
    entries = audit.entries(db.uow(), auditor)
    assert [(e.action, e.username, e.entity_id) for e in entries] == [
        ("user.login", "zhao", str(info.id)), ("user.create", "admin", str(info.id))]
    for e in entries:
        assert PASSWORD not in (e.after or "") + (e.before or "")
