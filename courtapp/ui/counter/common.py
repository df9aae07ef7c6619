"""Small helpers shared by the counter screens: kind names, error texts, a
read-only table model over a list of DTOs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from courtapp.core.domain.errors import FieldError, ValidationError
from courtapp.core.domain.petition import KINDS, PetitionKind
from courtapp.ui.errors import describe
from courtapp.ui.listing.labels import lang_pick

T = TypeVar("T")

#: Overdue rows: dark red text on a light red ground.
OVERDUE_FG = QColor("#8a1111")
OVERDUE_BG = QColor("#fdeaea")
PROVISIONAL_FG = QColor("#8a5a00")

#: Sort role: the raw value behind a cell.
SortRole = Qt.ItemDataRole.UserRole + 1
#: The row's DTO.
RowRole = Qt.ItemDataRole.UserRole + 2


def kind_label(kind: PetitionKind) -> str:
    """The petition kind in the interface language (the core carries both)."""
    info = KINDS[kind]
    return lang_pick(info.label_en, info.label_zh)


def iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def error_text(exc: BaseException) -> str:
    """One message for an exception from a service, in the interface language."""
    return describe(exc)


def field_errors(exc: BaseException) -> list[FieldError]:
    return list(exc.errors) if isinstance(exc, ValidationError) else []


class Column(Generic[T]):
    """One column: header (translated in context ``Counter``), text and sort value."""

    def __init__(self, header: str, text: Callable[[T], str],
                 sort: Callable[[T], Any] | None = None) -> None:
        self.header = header
        self.text = text
        self.sort = sort or text


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of frozen DTOs, reset on each load.

    ``marked(row)`` returns ``"overdue"``, ``"provisional"`` or ``""`` for the row colour.
    """

    def __init__(self, columns: Sequence[Column[T]], marked: Callable[[T], str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._marked = marked

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            return QCoreApplication.translate("Counter", self._columns[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(item)
        if role == SortRole:
            return col.sort(item)
        if role == RowRole:
            return item
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) and self._marked:
            mark = self._marked(item)
            if mark == "overdue":
                return QBrush(OVERDUE_FG if role == Qt.ItemDataRole.ForegroundRole else OVERDUE_BG)
            if mark == "provisional" and role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(PROVISIONAL_FG)
        return None


class ServerSortedRowsModel(RowsModel[T]):
    """A :class:`RowsModel` whose order the database sets (issue 12 §2).

    A header click does not reorder rows here: it sets :attr:`order` (a key of
    the list's sort table and whether descending) and emits ``sort_requested``;
    the page loads the rows in that order.  A column missing from
    ``column_sort`` is not sortable on the server: its click changes nothing
    (see :func:`keep_sortable_indicator`)."""

    sort_requested = Signal()

    def __init__(self, columns: Sequence[Column[T]], column_sort: dict[int, str], *,
                 default: tuple[str, bool], marked: Callable[[T], str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(columns, marked, parent)
        self.column_sort = dict(column_sort)
        self._default = default
        self.order: tuple[str, bool] = default

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            wanted = self._default
        elif column in self.column_sort:
            wanted = (self.column_sort[column], order == Qt.SortOrder.DescendingOrder)
        else:
            return
        if wanted != self.order:
            self.order = wanted
            self.sort_requested.emit()

    def sort_column(self) -> int:
        return next((c for c, k in self.column_sort.items() if k == self.order[0]), -1)
