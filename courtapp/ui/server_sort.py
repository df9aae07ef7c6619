"""Lists the database orders (issue 12 §2): the header's sort arrow stays where
the rows' order really is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView


def keep_sortable_indicator(header: QHeaderView, sortable: Callable[[int], bool],
                            current: Callable[[], tuple[int, bool]]) -> None:
    """A click on a column the server cannot sort puts the arrow back where the
    rows' order really is: ``current()`` gives its column (-1: the default
    order, no arrow) and whether it is descending."""

    def check(section: int, _order: Qt.SortOrder) -> None:
        if section >= 0 and not sortable(section):
            column, descending = current()
            was = header.blockSignals(True)
            header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(was)
            header.viewport().update()

    header.sortIndicatorChanged.connect(check)
