"""Unit of work: one short session per use case, with a repository per aggregate.

Rollback is the default; ``commit()`` is explicit.  Safe to use from a worker
thread (each ``with uow:`` opens its own session).  Services reach the data
only through the repositories (``uow.cases``, ``uow.listings`` …), so a test
can hand them an in-memory fake (``tests/fakes.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.orm.exc import StaleDataError

from courtapp.core.changes import Changes
from courtapp.core.db.repositories.applications import ApplicationRepository
from courtapp.core.db.repositories.audit import AuditRepository
from courtapp.core.db.repositories.calendar import CalendarRepository
from courtapp.core.db.repositories.cases import CaseRepository
from courtapp.core.db.repositories.dispatch import DispatchRepository
from courtapp.core.db.repositories.documents import DocumentRepository
from courtapp.core.db.repositories.events import EventRepository
from courtapp.core.db.repositories.listings import ListingRepository
from courtapp.core.db.repositories.orders import OrderRepository
from courtapp.core.db.repositories.petitions import PetitionRepository
from courtapp.core.db.repositories.settings import SettingsRepository
from courtapp.core.db.repositories.users import UserRepository
from courtapp.core.db.safety import refusal_for
from courtapp.core.domain.errors import ConflictError


class _UnitSession(Session):
    """A unit of work's session.  Its two listeners are the class's, registered
    once (below), and reach the unit of work through ``session.info``: listening
    on every new session cost more than a lookup by case number (issue 11)."""


def _after_flush(session: Session, context: Any) -> None:
    uow = session.info.get("uow")
    if uow is not None:
        uow._note_flush(session, context)


def _do_orm_execute(state: ORMExecuteState) -> None:
    uow = state.session.info.get("uow")
    if uow is not None:
        uow._note_statement(state)


event.listen(_UnitSession, "after_flush", _after_flush)
event.listen(_UnitSession, "do_orm_execute", _do_orm_execute)


class UnitOfWork:
    cases: CaseRepository
    listings: ListingRepository
    orders: OrderRepository
    applications: ApplicationRepository
    events: EventRepository
    petitions: PetitionRepository
    dispatch: DispatchRepository
    documents: DocumentRepository
    settings: SettingsRepository
    calendar: CalendarRepository
    audit: AuditRepository
    users: UserRepository

    def __init__(self, engine: Engine, *,
                 on_commit: Callable[[Changes], None] | None = None) -> None:
        self.engine = engine
        self._on_commit = on_commit
        self._tables: set[str] = set()
        #: What this unit of work has committed so far.
        self.changes = Changes()
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        s = self.session = _UnitSession(bind=self.engine, expire_on_commit=False, autoflush=True,
                                        info={"uow": self})
        self._tables = set()
        self.cases = CaseRepository(s)
        self.listings = ListingRepository(s)
        self.orders = OrderRepository(s)
        self.applications = ApplicationRepository(s)
        self.events = EventRepository(s)
        self.petitions = PetitionRepository(s)
        self.dispatch = DispatchRepository(s)
        self.documents = DocumentRepository(s)
        self.settings = SettingsRepository(s)
        self.calendar = CalendarRepository(s)
        self.audit = AuditRepository(s)
        self.users = UserRepository(s)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.session.rollback()
            if isinstance(exc, StaleDataError):  # a flush no repository caught
                exc = ConflictError(str(exc))
                raise exc from None
            if isinstance(exc, ConflictError) and exc.entity and exc.by is None:
                self._who_changed(exc)
            if isinstance(exc, IntegrityError):
                refusal = refusal_for(exc)
                if refusal is not None:  # the same refusal as the service's own check
                    raise refusal from None
        finally:
            self.session.close()

    def _who_changed(self, exc: ConflictError) -> None:
        """Fill in who made the change that beat ours, and when (the last audit row)."""
        assert exc.entity is not None
        try:
            last = self.audit.last_change(*exc.entity)
        except DBAPIError:  # the message without the name is still right
            return
        if last is not None:
            exc.by, exc.at = last

    def commit(self) -> None:
        self.audit.seal()  # the audit rows join the chain in this transaction (R-R6)
        self.session.commit()
        done = Changes.of_tables(self._tables)
        self._tables = set()
        self.changes = self.changes | done
        if done and self._on_commit is not None:
            self._on_commit(done)

    def _note_flush(self, session: Session, _context: Any) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            table = getattr(type(obj), "__tablename__", None)
            if table:
                self._tables.add(table)

    def _note_statement(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            if state.bind_mapper:
                self._tables.add(state.bind_mapper.local_table.name)  # type: ignore[attr-defined]
            elif (table := getattr(state.statement, "table", None)) is not None:
                self._tables.add(table.name)  # a Core bulk insert (import)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name
