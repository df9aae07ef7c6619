"""The composition root shared by the command line and the GUI."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import Engine

from courtapp.core.changes import Changes
from courtapp.core.db import migrate
from courtapp.core.db.engine import make_engine, normalise_url
from courtapp.core.db.uow import UnitOfWork


@dataclass
class AppContext:
    url: str
    engine: Engine
    _changes: Changes = field(default_factory=Changes, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, on_commit=self._note)

    def _note(self, changes: Changes) -> None:
        with self._lock:
            self._changes = self._changes | changes

    def take_changes(self) -> Changes:
        """What the units of work of this context committed since the last call."""
        with self._lock:
            out, self._changes = self._changes, Changes()
            return out

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)


def open_database(url: str, *, upgrade: bool = True) -> AppContext:
    """Connect and (by default) apply pending migrations."""
    url = normalise_url(url)
    engine = make_engine(url)
    if upgrade:
        migrate.upgrade(engine)
        from courtapp.core.services import calendar

        if not calendar.years(UnitOfWork(engine)):
            calendar.seed_from_package(UnitOfWork(engine))  # 2004-2026, RULES.md R-D1
    return AppContext(url, engine)
