"""Unit of work: one short session per use case, with a repository per aggregate.

Rollback is the default; ``commit()`` is explicit.  Safe to use from a worker
thread (each ``with uow:`` opens its own session).  Services reach the data
only through the repositories (``uow.cases``, ``uow.listings`` …), so a test
can hand them an in-memory fake (``tests/fakes.py``).
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from courtapp.core.db.repositories.applications import ApplicationRepository
from courtapp.core.db.repositories.audit import AuditRepository
from courtapp.core.db.repositories.calendar import CalendarRepository
from courtapp.core.db.repositories.cases import CaseRepository
from courtapp.core.db.repositories.events import EventRepository
from courtapp.core.db.repositories.listings import ListingRepository
from courtapp.core.db.repositories.orders import OrderRepository
from courtapp.core.db.repositories.settings import SettingsRepository
from courtapp.core.db.repositories.users import UserRepository


class UnitOfWork:
    cases: CaseRepository
    listings: ListingRepository
    orders: OrderRepository
    applications: ApplicationRepository
    events: EventRepository
    settings: SettingsRepository
    calendar: CalendarRepository
    audit: AuditRepository
    users: UserRepository

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        s = self.session = self._factory()
        self.cases = CaseRepository(s)
        self.listings = ListingRepository(s)
        self.orders = OrderRepository(s)
        self.applications = ApplicationRepository(s)
        self.events = EventRepository(s)
        self.settings = SettingsRepository(s)
        self.calendar = CalendarRepository(s)
        self.audit = AuditRepository(s)
        self.users = UserRepository(s)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name
