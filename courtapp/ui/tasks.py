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
        _finished(object): internal, carries (task number, value, is_error, changes)
            to the GUI thread.
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
        self._closed = False
        self._changes_source: Callable[[], Changes] | None = None
        # What a task refers to on the GUI side (its function, callbacks and owner),
        # by task number.  Only the GUI thread drops these references: a function or
        # callback that holds the last reference to a widget must not free it on a
        # worker thread (a QWidget deleted there crashes the process).
        self._jobs: dict[int, tuple[Callable[[], Any], Any, Any, QObject | None]] = {}
        self._next = 0
        # Queued: the callbacks always run on the GUI thread, after run_db() returned.
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
        if self._closed:  # a result delivered after shutdown() asked for more work
            refused: Future[T] = Future()
            refused.cancel()
            return refused
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        key = self._next
        self._next += 1
        self._jobs[key] = (fn, on_done, on_error, owner)
        jobs = self._jobs
        finished = self._finished
        source = self._changes_source if watch else None

        def work() -> T:
            # The job stays in self._jobs (the GUI thread's) while it runs, so the
            # worker never holds the last reference to anything the job refers to.
            job = jobs.get(key)
            if job is None:  # dropped by shutdown()
                raise RuntimeError("task runner shut down")
            call: Callable[[], Any] | None = job[0]
            del job
            try:
                assert call is not None
                value = call()
            except BaseException as exc:
                call = None
                # The frames of the job (and what they refer to) stay on this thread
                # otherwise; the message is what the GUI shows.
                exc.__traceback__ = None
                finished.emit((key, exc, True, source() if source else None))
                raise exc from None
            call = None
            # On the database thread, right after the task: what it committed.
            finished.emit((key, value, False, source() if source else None))
            return value  # type: ignore[no-any-return]

        return pool.submit(work)

    @Slot(object)
    def _deliver(self, payload: tuple[int, Any, bool, Changes | None]) -> None:
        key, value, is_error, changes = payload
        job = self._jobs.pop(key, None)
        if job is None:
            return
        _fn, on_done, on_error, owner = job
        callback = on_error if is_error else on_done
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
        self._closed = True
        self._db.shutdown(wait=True, cancel_futures=True)
        self._cpu.shutdown(wait=True, cancel_futures=True)
