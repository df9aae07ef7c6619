"""One task runner for all background work (after Anki's ``taskman``).

- ``run_db``: database work, serialised on one worker thread (SQLite has one
  writer; PostgreSQL does not mind).  Never touches widgets.
- ``run_cpu``: pure work (PDF rendering of loaded DTOs, file export) on a
  small parallel pool.
- Results and errors come back on the GUI thread through a queued signal.

Usage::

    tasks.run_db(lambda: services.search_cases(ctx.uow(), actor, q),
                 on_done=self._on_page_loaded, on_error=self._on_failed, owner=self)

With ``owner``, the callbacks are skipped if the owner (a widget, a model)
has been deleted by the time the result arrives: a dialog closed while its
query was running does not get called back.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from shiboken6 import Shiboken

from courtapp.core.changes import Changes

T = TypeVar("T")


class TaskRunner(QObject):
    """Signals:
        _finished(object): internal, carries (callback, value) to the GUI thread.
        busy_changed(bool): True while any task is pending.
        failed(object): an exception no caller handled.
        changed(Changes): what a database task committed (after its callback ran);
            every open screen refreshes itself from it.
    """

    _finished = Signal(object)
    busy_changed = Signal(bool)
    failed = Signal(object)
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="courtapp-db")
        self._cpu = ThreadPoolExecutor(max_workers=2, thread_name_prefix="courtapp-cpu")
        self._pending = 0
        self._changes_source: Callable[[], Changes] | None = None
        # Queued even when emitted on the GUI thread: a task that finishes before
        # add_done_callback() runs its callback at once, inside run_db(), otherwise.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def watch_changes(self, source: Callable[[], Changes]) -> None:
        """After each database task, ask ``source`` what it committed (e.g.
        ``AppContext.take_changes``) and emit it as ``changed``."""
        self._changes_source = source

    def run_db(self, fn: Callable[[], T], on_done: Callable[[T], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, *,
               owner: QObject | None = None) -> Future[T]:
        return self._submit(self._db, fn, on_done, on_error, owner, watch=True)

    def run_cpu(self, fn: Callable[[], T], on_done: Callable[[T], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None, *,
                owner: QObject | None = None) -> Future[T]:
        return self._submit(self._cpu, fn, on_done, on_error, owner)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[[], T],
                on_done: Callable[[T], None] | None,
                on_error: Callable[[BaseException], None] | None,
                owner: QObject | None, *, watch: bool = False) -> Future[T]:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        fut = pool.submit(fn)

        def done(f: Future[T]) -> None:
            if f.cancelled():  # dropped by shutdown(); nobody waits for it any more
                return
            # On the database thread, right after the task: what it committed.
            changes = self._changes_source() if watch and self._changes_source else None
            exc = f.exception()
            if exc is not None:
                self._finished.emit((on_error, exc, True, owner, changes))
            else:
                self._finished.emit((on_done, f.result(), False, owner, changes))

        fut.add_done_callback(done)
        return fut

    @Slot(object)
    def _deliver(self, payload: tuple[Any, Any, bool, QObject | None, Changes | None]) -> None:
        callback, value, is_error, owner, changes = payload
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if owner is None or Shiboken.isValid(owner):  # else the widget that asked is gone
            if callback is not None:
                callback(value)
            elif is_error:
                self.failed.emit(value)
        if changes:
            self.changed.emit(changes)

    def shutdown(self) -> None:
        self._db.shutdown(wait=True, cancel_futures=True)
        self._cpu.shutdown(wait=True, cancel_futures=True)
