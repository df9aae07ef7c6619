"""Lists that show their first page at once and fetch the next as the user
scrolls (issue 12 §2), for pages that read their rows themselves.

:class:`PagedTableModel` holds the rows fetched so far and the keyset
continuation (``next_after``) of the last page.  It reads nothing: when the
view wants more rows (``canFetchMore``/``fetchMore``) it emits
``more_wanted`` once, and the page reads the next page on the task runner
and hands it back with :meth:`PagedTableModel.append_page` (or
:meth:`PagedTableModel.stop_fetching` when the read failed: no retry loop).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLabel, QWidget

from courtapp.core.domain.paging import Page
from courtapp.ui.errors import describe
from courtapp.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class PagedTableModel(QAbstractTableModel, Generic[T]):
    """Rows a page at a time, in the server's order.

    Signals:
        more_wanted(): the view wants the next page (emitted once until it arrives).
        page_loaded(int): a page was shown; the number of rows it added.
    """

    more_wanted = Signal()
    page_loaded = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._has_more = False
        self._next_after: object | None = None
        self._fetching = False

    # ------------------------------------------------------------ state
    @property
    def rows(self) -> Sequence[T]:
        return self._rows

    @property
    def next_after(self) -> object | None:
        """Where the next page starts (the ``next_after`` of the last page)."""
        return self._next_after

    @property
    def is_fetching(self) -> bool:
        return self._fetching

    # ------------------------------------------------------------ pages
    def _show_first_page(self, page: Page[T]) -> None:
        """Start over with ``page`` (a new load, a new order or filter)."""
        self.beginResetModel()
        self._rows = list(page.rows)
        self._has_more = page.has_more
        self._next_after = page.next_after
        self._fetching = False
        self.endResetModel()
        self.page_loaded.emit(len(page))

    def _append_page(self, page: Page[T]) -> None:
        """Add the page that ``more_wanted`` asked for."""
        self._has_more = page.has_more
        self._next_after = page.next_after
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        # Only now: views call fetchMore() from the insert notifications, and must
        # not ask for this page again.
        self._fetching = False
        self.page_loaded.emit(len(page))

    def stop_fetching(self) -> None:
        """The next page could not be read: no more fetching until the next load."""
        self._fetching = False
        self._has_more = False

    # --------------------------------------------------- lazy fetching
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._has_more or self._fetching:
            return
        self._fetching = True
        self.more_wanted.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)


def rows_text(count: int | None, shown: int, one: str, many: str) -> str:
    """The line beside a paged list: its total once counted ("Counting…" until
    then), and how many rows are fetched so far while that is fewer.  ``one``
    and ``many`` are the caller's translated "1 document" and "%1 documents"."""
    translate = QCoreApplication.translate
    if count is None:
        return translate("PagedList", "Counting…")
    total = one if count == 1 else many.replace("%1", f"{count:,}")
    if shown >= count:
        return total
    return translate("PagedList", "%1 (%2 loaded; scroll for more)").replace(
        "%1", total).replace("%2", f"{shown:,}")


class TotalLabel(QLabel):
    """The line beside a paged list (:func:`rows_text`): its total once counted,
    how many rows are loaded while fewer, or why it could not be counted, which
    stays until the next load whatever pages follow.

    ``rows`` gives the rows loaded so far; ``nouns`` the page's own translated
    "1 document" and "%1 documents" (read at each refresh: the language may
    change).  The count runs on ``tasks``, after the first page (it never holds
    the page up); a count of an older load is dropped.
    """

    def __init__(self, tasks: TaskRunner, rows: Callable[[], int],
                 nouns: Callable[[], tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks, self._rows, self._nouns = tasks, rows, nouns
        self.count: int | None = None  # the total, once counted
        self._error: str | None = None  # why it could not be counted
        self._generation = 0
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def new_load(self) -> None:
        """A load starts: a count still running for the one before is dropped."""
        self._generation += 1

    def start(self, first: Page[T], counting: Callable[[], int]) -> None:
        """The load's first page is shown: its total if that page is all of it,
        else ``counting`` reads the total off the GUI thread."""
        self._error = None
        if first.has_more:
            self.count = None
            gen = self._generation
            self._tasks.run_db(counting, on_done=lambda n: self._counted(gen, n),
                               on_error=lambda e: self._not_counted(gen, e), owner=self)
        else:
            self.count = len(first)

    def _counted(self, gen: int, count: int) -> None:
        if gen == self._generation:
            self.count = count
            self.refresh()

    def _not_counted(self, gen: int, exc: BaseException) -> None:
        if gen == self._generation:
            self._error = describe(exc)
            self.refresh()

    def refresh(self) -> None:
        if self._error is not None:
            self.setText(QCoreApplication.translate("PagedList", "Not counted: %1")
                         .replace("%1", self._error))
            return
        self.setText(rows_text(self.count, self._rows(), *self._nouns()))
