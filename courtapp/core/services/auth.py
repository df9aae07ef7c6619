"""Users, passwords (argon2) and permission checks.

Every service that changes or reveals data calls :func:`require` first; the
GUI hides buttons too, but the service layer is what refuses.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from courtapp.core import settings
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import (
    AccountLocked,
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


def _locked_until(uow: UnitOfWork, username: str, user_id: int | None,
                  now: datetime) -> datetime | None:
    """When the lockout of ``username`` ends, if it is locked now: after
    LOGIN_MAX_FAILURES wrong passwords in a row (since its last login), until the
    last one is older than the lockout setting (issue 10 §3)."""
    failures = uow.audit.failures_since_login(username, user_id, limit=settings.LOGIN_MAX_FAILURES)
    if len(failures) < settings.LOGIN_MAX_FAILURES:
        return None
    until = failures[0] + timedelta(minutes=settings.value(uow.settings, settings.LOCKOUT_MINUTES))
    return until if until > now else None


def authenticate(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The actor for a correct user name and password; raises AuthenticationFailed
    otherwise, or AccountLocked while the user name is locked out.  A failed
    login, a lockout and a login refused while locked are audited."""
    with uow:
        now = datetime.now(UTC)
        found = uow.users.credentials(username)
        user_id = found[0].id if found is not None else None
        until = _locked_until(uow, username, user_id, now)
        if until is not None:
            _hasher.hash(password)  # spend the same time as a real check
            uow.audit.add(_anonymous(username), "user.login_locked", "login", username,
                          after={"until": until.isoformat(timespec="seconds")})
            uow.commit()
            raise AccountLocked(username, until)
        ok = False
        if found is None:
            _hasher.hash(password)  # spend the same time as a real check
        else:
            user, password_hash = found
            try:
                ok = _hasher.verify(password_hash, password) and user.active
            except (VerificationError, InvalidHashError):
                ok = False
        if not ok:
            uow.audit.add(_anonymous(username), "user.login_failed", "login", username)
            if _locked_until_after_failure(uow, username, user_id, now):
                uow.audit.add(_anonymous(username), "user.lockout", "login", username,
                              after={"minutes": settings.value(uow.settings,
                                                               settings.LOCKOUT_MINUTES)})
            uow.commit()
            raise AuthenticationFailed(username)
        assert found is not None
        user, password_hash = found
        actor = Actor(username=user.username, roles=user.roles, user_id=user.id,
                      display_name=user.display_name)
        if _hasher.check_needs_rehash(password_hash):
            uow.users.set_password_hash(user.id, _hasher.hash(password))
        uow.audit.add(actor, "user.login", "user", user.id)
        uow.commit()
        return actor


def _anonymous(username: str) -> Actor:
    """Who a failed login is audited as: the name typed, not a user."""
    return Actor(username=username[:100], roles=frozenset())


def _locked_until_after_failure(uow: UnitOfWork, username: str, user_id: int | None,
                                now: datetime) -> bool:
    """Whether the failure just recorded (not yet in the chain) is the one that locks."""
    earlier = uow.audit.failures_since_login(username, user_id,
                                             limit=settings.LOGIN_MAX_FAILURES - 1)
    return len(earlier) == settings.LOGIN_MAX_FAILURES - 1


def idle_lock_minutes(uow: UnitOfWork) -> int:
    """After how many minutes without input a desk locks itself (a court setting)."""
    with uow:
        return settings.value(uow.settings, settings.IDLE_LOCK_MINUTES)


# ------------------------------------------------------- command-line sessions
def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(uow: UnitOfWork, username: str, password: str) -> tuple[Actor, str, datetime]:
    """Log in for ``courtapp login``: the actor, a new random token and its expiry.
    Only the token's SHA-256 is stored; the caller keeps the token itself."""
    actor = authenticate(uow, username, password)
    assert actor.user_id is not None
    token = secrets.token_urlsafe(32)
    with uow:
        now = datetime.now(UTC)
        expires = now + timedelta(hours=settings.value(uow.settings, settings.SESSION_HOURS))
        uow.users.drop_expired_sessions(now)
        uow.users.add_session(_token_hash(token), actor.user_id, now, expires)
        uow.audit.add(actor, "user.session_open", "login", actor.username,
                      after={"expires": expires.isoformat(timespec="seconds")})
        uow.commit()
    return actor, token, expires


def session_actor(uow: UnitOfWork, token: str) -> Actor | None:
    """The user of an open, unexpired session (with the roles the user has now)."""
    with uow:
        user = uow.users.session_user(_token_hash(token), datetime.now(UTC))
        if user is None:
            return None
        return Actor(username=user.username, roles=user.roles, user_id=user.id,
                     display_name=user.display_name)


def close_session(uow: UnitOfWork, token: str) -> bool:
    """End a session (``courtapp logout``); False if it was not open."""
    with uow:
        user_id = uow.users.drop_session(_token_hash(token))
        if user_id is None:
            return False
        user = uow.users.get(user_id)
        name = user.username if user is not None else str(user_id)
        uow.audit.add(Actor(username=name, roles=frozenset(), user_id=user_id),
                      "user.session_close", "login", name)
        uow.commit()
        return True


__all__ = ["UserInfo", "add_user", "authenticate", "close_session", "create_first_admin", "idle_lock_minutes",
           "list_users",
           "open_session", "session_actor", "user_count"]
