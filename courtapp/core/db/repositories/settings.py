"""Court settings: key → text (the typed schema is :mod:`courtapp.core.settings`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from courtapp.core.db.orm import SettingRow


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, key: str) -> str | None:
        row = self._s.get(SettingRow, key)
        return row.value if row is not None else None

    def put(self, key: str, value: str) -> str | None:
        """Store ``value``; returns the value it replaces."""
        row = self._s.get(SettingRow, key)
        if row is None:
            self._s.add(SettingRow(key=key, value=value))
            return None
        before = row.value
        row.value = value
        return before

    def add_if_absent(self, key: str, value: str) -> str | None:
        """Store ``value`` unless the key is set; returns the value already there (or None).

        The insert is flushed at once, so that two desks racing for the same key
        meet the primary key (``IntegrityError``) here, not at commit."""
        row = self._s.get(SettingRow, key)
        if row is not None:
            return row.value
        self._s.add(SettingRow(key=key, value=value))
        self._s.flush()
        return None
