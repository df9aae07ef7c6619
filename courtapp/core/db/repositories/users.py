"""User accounts (passwords are argon2 hashes; the services check them)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from courtapp.core.db.orm import LoginSessionRow, UserRoleRow, UserRow
from courtapp.core.domain.records import UserInfo
from courtapp.core.domain.roles import Role


def _info(r: UserRow) -> UserInfo:
    return UserInfo(r.id, r.username, r.display_name, frozenset(x.role for x in r.role_rows),
                    r.active)


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def count(self) -> int:
        return int(self._s.scalar(select(func.count()).select_from(UserRow)) or 0)

    def exists(self, username: str) -> bool:
        return self._s.scalar(select(UserRow.id).where(UserRow.username == username)) is not None

    def add(self, username: str, display_name: str, password_hash: str, roles: set[Role],
            created_at: datetime) -> UserInfo:
        row = UserRow(username=username, display_name=display_name, password_hash=password_hash,
                      active=True, created_at=created_at,
                      role_rows=[UserRoleRow(role=r) for r in sorted(roles)])
        self._s.add(row)
        self._s.flush()
        return _info(row)

    def all(self) -> list[UserInfo]:
        return [_info(r) for r in self._s.scalars(select(UserRow).order_by(UserRow.username))]

    def credentials(self, username: str) -> tuple[UserInfo, str] | None:
        """The account and its password hash, for a login check."""
        row = self._s.scalar(select(UserRow).where(UserRow.username == username))
        return None if row is None else (_info(row), row.password_hash)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        row = self._s.get(UserRow, user_id)
        if row is not None:
            row.password_hash = password_hash

    def get(self, user_id: int) -> UserInfo | None:
        row = self._s.get(UserRow, user_id)
        return None if row is None else _info(row)

    # ------------------------------------------------ command-line sessions
    def add_session(self, token_hash: str, user_id: int, created_at: datetime,
                    expires_at: datetime) -> None:
        self._s.add(LoginSessionRow(token_hash=token_hash, user_id=user_id,
                                    created_at=created_at, expires_at=expires_at))

    def session_user(self, token_hash: str, now: datetime) -> UserInfo | None:
        """The active user of an unexpired session."""
        row = self._s.get(LoginSessionRow, token_hash)
        if row is None:
            return None
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
        if expires <= now:
            return None
        user = self._s.get(UserRow, row.user_id)
        return _info(user) if user is not None and user.active else None

    def drop_session(self, token_hash: str) -> int | None:
        """Remove a session; returns its user's id (None if there was none)."""
        row = self._s.get(LoginSessionRow, token_hash)
        if row is None:
            return None
        self._s.delete(row)
        return row.user_id

    def drop_expired_sessions(self, now: datetime) -> None:
        self._s.execute(delete(LoginSessionRow).where(LoginSessionRow.expires_at <= now))
