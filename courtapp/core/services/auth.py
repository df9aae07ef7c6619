"""Users, passwords (argon2) and permission checks.

Every service that changes or reveals data calls :func:`require` first; the
GUI hides buttons too, but the service layer is what refuses.
"""

from __future__ import annotations

from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import (
    AuthenticationFailed,
    ErrorCollector,
    PermissionDenied,
)
from courtapp.core.domain.records import UserInfo
from courtapp.core.domain.roles import Actor, Permission, Role, require

_hasher = PasswordHasher()
MIN_PASSWORD = 8


def _check_new_user(username: str, display_name: str, password: str, roles: set[Role],
                    *, min_password: int = MIN_PASSWORD) -> None:
    e = ErrorCollector()
    if not username or not username.replace("_", "").replace(".", "").isalnum() or len(username) > 64:
        e.add("username", "user.username", "a user name is 1-64 letters, digits, '.' or '_'",
              "用户名应为1-64位字母、数字、“.”或“_”")
    if not display_name.strip():
        e.add("display_name", "required", "this field is required", "此项为必填项")
    if len(password) < min_password:
        e.add("password", "user.password_short",
              f"a password has at least {min_password} characters",
              f"密码至少应有{min_password}个字符")
    if not roles:
        e.add("roles", "user.roles", "a user needs at least one role", "用户至少应有一个角色")
    e.raise_if_any()


def user_count(uow: UnitOfWork) -> int:
    with uow:
        return uow.users.count()


def _insert_user(uow: UnitOfWork, actor: Actor, username: str, display_name: str,
                 password: str, roles: set[Role], *, min_password: int = MIN_PASSWORD) -> UserInfo:
    _check_new_user(username, display_name, password, roles, min_password=min_password)
    if uow.users.exists(username):
        e = ErrorCollector()
        e.add("username", "user.exists", "this user name is taken", "该用户名已被使用")
        e.raise_if_any()
    info = uow.users.add(username, display_name.strip(), _hasher.hash(password), roles,
                         datetime.now(UTC))
    uow.audit.add(actor, "user.create", "user", info.id,
                  after={"username": username, "display_name": display_name,
                         "roles": sorted(r.value for r in roles)})
    return info


def create_first_admin(uow: UnitOfWork, username: str, display_name: str, password: str) -> UserInfo:
    """The first-run administrator.  Refused once any user exists."""
    with uow:
        if uow.users.count():
            raise PermissionDenied(username, "first-run setup (users already exist)")
        info = _insert_user(uow, Actor(username="setup", roles=frozenset()), username,
                            display_name, password, {Role.ADMIN})
        uow.commit()
        return info


def add_user(uow: UnitOfWork, actor: Actor, username: str, display_name: str, password: str,
             roles: set[Role], *, min_password: int = MIN_PASSWORD) -> UserInfo:
    require(actor, Permission.USER_MANAGE)
    with uow:
        info = _insert_user(uow, actor, username, display_name, password, roles,
                            min_password=min_password)
        uow.commit()
        return info


def list_users(uow: UnitOfWork, actor: Actor) -> list[UserInfo]:
    require(actor, Permission.USER_MANAGE)
    with uow:
        return uow.users.all()


def authenticate(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The actor for a correct user name and password; raises AuthenticationFailed otherwise."""
    with uow:
        found = uow.users.credentials(username)
        if found is None:
            _hasher.hash(password)  # spend the same time as a real check
            raise AuthenticationFailed(username)
        user, password_hash = found
        try:
            _hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            raise AuthenticationFailed(username) from None
        if not user.active:
            raise AuthenticationFailed(username)
        actor = Actor(username=user.username, roles=user.roles, user_id=user.id,
                      display_name=user.display_name)
        if _hasher.check_needs_rehash(password_hash):
            uow.users.set_password_hash(user.id, _hasher.hash(password))
        uow.audit.add(actor, "user.login", "user", user.id)
        uow.commit()
        return actor


__all__ = ["UserInfo", "add_user", "authenticate", "create_first_admin", "list_users", "user_count"]
