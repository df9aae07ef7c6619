"""Screens refresh themselves from what the database tasks committed.

The task runner emits ``changed(Changes)`` after every database task that
committed something (:mod:`courtapp.core.changes`).  A page calls
:func:`follow_changes` once with the kinds it shows; when a change touches one
of them and the page is on screen with data loaded, it reloads.  A page that
is not on screen reloads when it is shown (each page does that already).
This replaces wiring pages to one another and most Refresh buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from courtapp.core.changes import Changes
from courtapp.ui.tasks import TaskRunner


class _Follower(QObject):
    def __init__(self, page: QWidget, kinds: frozenset[str], reload: Callable[[], None],
                 loaded: Callable[[], bool]) -> None:
        super().__init__(page)  # dies with the page, and its connection with it
        self._page = page
        self._kinds = kinds
        self._reload = reload
        self._loaded = loaded

    @Slot(object)
    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*self._kinds) and self._page.isVisible() and self._loaded():
            self._reload()


def follow_changes(page: QWidget, tasks: TaskRunner, kinds: Iterable[str],
                   reload: Callable[[], None], loaded: Callable[[], bool]) -> None:
    """Reload ``page`` (``reload()``) when a committed change touches ``kinds``,
    if it is visible and ``loaded()`` says it has shown data already."""
    follower = _Follower(page, frozenset(kinds), reload, loaded)
    tasks.changed.connect(follower.on_changed)
