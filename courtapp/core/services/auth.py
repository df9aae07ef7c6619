"""Users, passwords (argon2) and permission checks.

Every service that changes or reveals data calls :func:`require` first; the
GUI hides buttons too, but the service layer is what refuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from courtapp.core.db.orm import UserRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import (
    AuthenticationFailed,
    ErrorCollector,
    PermissionDenied,
)
from courtapp.core.domain.roles import Actor, Permission, Role, require

_hasher = PasswordHasher()
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool


def _info(r: UserRow) -> UserInfo:
    return UserInfo(r.id, r.username, r.display_name, _roles(r.roles), r.active)


def _roles(text: str) -> frozenset[Role]:
    return frozenset(Role(x) for x in text.split(",") if x)


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
        return int(uow.session.scalar(select(func.count()).select_from(UserRow)) or 0)


def _insert_user(uow: UnitOfWork, actor: Actor, username: str, display_name: str,
                 password: str, roles: set[Role], *, min_password: int = MIN_PASSWORD) -> UserInfo:
    from courtapp.core.services import audit

    _check_new_user(username, display_name, password, roles, min_password=min_password)
    if uow.session.scalar(select(UserRow).where(UserRow.username == username)):
        e = ErrorCollector()
        e.add("username", "user.exists", "this user name is taken", "该用户名已被使用")
        e.raise_if_any()
    row = UserRow(username=username, display_name=display_name.strip(),
                  password_hash=_hasher.hash(password),
                  roles=",".join(sorted(r.value for r in roles)), active=True,
                  created_at=datetime.now(UTC))
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, actor, "user.create", "user", row.id,
                 after={"username": username, "display_name": display_name,
                        "roles": sorted(r.value for r in roles)})
    return _info(row)


def create_first_admin(uow: UnitOfWork, username: str, display_name: str, password: str) -> UserInfo:
    """The first-run administrator.  Refused once any user exists."""
    with uow:
        if uow.session.scalar(select(func.count()).select_from(UserRow)):
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
        return [_info(r) for r in uow.session.scalars(select(UserRow).order_by(UserRow.username))]


def authenticate(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The actor for a correct user name and password; raises AuthenticationFailed otherwise."""
    from courtapp.core.services import audit

    with uow:
        row = uow.session.scalar(select(UserRow).where(UserRow.username == username))
        if row is None:
            _hasher.hash(password)  # spend the same time as a real check
            raise AuthenticationFailed(username)
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise AuthenticationFailed(username) from None
        if not row.active:
            raise AuthenticationFailed(username)
        actor = Actor(username=row.username, roles=_roles(row.roles), user_id=row.id,
                      display_name=row.display_name)
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        audit.record(uow, actor, "user.login", "user", row.id)
        uow.commit()
        return actor
