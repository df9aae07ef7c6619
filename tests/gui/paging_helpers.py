"""Helpers for the pages whose lists fetch their next page as the view scrolls
(the register, the Decisions screen: ``courtapp.ui.paged``)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot


class PagedPage(Protocol):
    """A page with a ``PagedTableModel`` shown in ``table``."""

    model: Any
    table: Any


def scroll_to_the_end(qtbot: QtBot, page: PagedPage, timeout: int = 15_000) -> None:
    """Scroll down and ask for more, as the view does, until the last row."""
    while page.model.canFetchMore(QModelIndex()):
        with qtbot.waitSignal(page.model.page_loaded, timeout=timeout):
            page.table.scrollToBottom()
            page.model.fetchMore(QModelIndex())  # ignored if the view asked already
