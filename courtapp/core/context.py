"""The composition root shared by the command line and the GUI."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from courtapp.core.db import migrate
from courtapp.core.db.engine import make_engine, normalise_url
from courtapp.core.db.uow import UnitOfWork


@dataclass
class AppContext:
    url: str
    engine: Engine

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine)

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
