"""Lists the database orders (issue 12 §2): the header's sort arrow stays where
the rows' order really is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView


def keep_sortable_indicator(header: QHeaderView, sortable: Callable[[int], bool],
                            current: Callable[[], int]) -> None:
    """A click on a column the server cannot sort puts the arrow back where the
    rows' order really is."""

    def check(section: int, _order: Qt.SortOrder) -> None:
        if section >= 0 and not sortable(section):
            was = header.blockSignals(True)
            header.setSortIndicator(current(), Qt.SortOrder.DescendingOrder
                                    if current() < 0 else header.sortIndicatorOrder())
            header.blockSignals(was)
            header.viewport().update()

    header.sortIndicatorChanged.connect(check)
