"""Small widgets shared by the worksheet and the Decisions page: the
respondent's state strip, its history table and message banners."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from courtapp.core.domain.listing import RespondentState
from courtapp.ui.i18n import Retranslating
from courtapp.ui.listing.data import EventInfo
from courtapp.ui.listing.labels import article_label, reason_label, state_label

#: Banner colours: text, background, border.
_BANNER = {
    "info": ("#17324d", "#e8f1fb", "#9bbbe0"),
    "ok": ("#1d4d1f", "#e9f6e9", "#8fc591"),
    "warn": ("#5a3d00", "#fff4d6", "#e0b550"),
    "error": ("#6b1111", "#fdeaea", "#d98080"),
}


def banner(parent: QWidget) -> QLabel:
    """A word-wrapped message strip; hidden while empty (see :func:`set_banner`)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def set_banner(label: QLabel, kind: str, text: str) -> None:
    fg, bg, border = _BANNER[kind]
    label.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {border};"
                        f" border-radius: 4px; padding: 6px 10px; }}")
    label.setProperty("kind", kind)
    label.setText(text)
    label.setVisible(bool(text))


#: The states in the order a respondent goes through them.
STATE_ORDER = (
    RespondentState.RECORDED, RespondentState.NOTICE_SERVED, RespondentState.WARNED,
    RespondentState.LISTED_AWAITING_PUBLICATION, RespondentState.LISTED_PUBLISHED,
    RespondentState.REMOVED,
)


class StateStrip(Retranslating, QLabel):
    """recorded → notice served → warned → listed … with the current state marked.

    States the respondent went through (from the history) are dark, the
    current one is highlighted, the others grey.  One word-wrapped label, so
    that it fits narrow panes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: RespondentState | None = None
        self._visited: set[str] = set()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setObjectName("state_strip")
        self.retranslateUi()

    def set_state(self, state: RespondentState | None,
                  events: list[EventInfo] | None = None) -> None:
        self.state = state
        self._visited = set()
        for e in events or []:
            self._visited.update((e.from_state, e.to_state))
        self._paint()

    def retranslateUi(self) -> None:
        self._paint()

    def _paint(self) -> None:
        parts = []
        for s in STATE_ORDER:
            text = state_label(s).replace("&", "&amp;").replace("<", "&lt;")
            text = text.replace(" ", "&nbsp;")
            if s is self.state:
                parts.append(f"<span style='background-color:#24568f; color:#ffffff;"
                             f" font-weight:bold'>&nbsp;{text}&nbsp;</span>")
            elif s.value in self._visited:
                parts.append(f"<span style='color:#222222'>{text}</span>")
            else:
                parts.append(f"<span style='color:#9a9a9a'>{text}</span>")
        arrow = " <span style='color:#888888'>→</span> "
        caption = self.tr("State:")
        self.setText(f"<b>{caption}</b> " + arrow.join(parts))
        current = state_label(self.state) if self.state else "–"
        self.setAccessibleName(self.tr("Respondent's state: %1").replace("%1", current))
        self.setToolTip(self.accessibleName())


class HistoryTable(Retranslating, QTableWidget):
    """A respondent's recorded transitions: when, from → to, who, article, reason."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self._events: list[EventInfo] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        header.resizeSection(1, 15 * em)
        header.resizeSection(3, 16 * em)
        self.retranslateUi()

    def set_events(self, events: list[EventInfo]) -> None:
        self._events = list(events)
        self._fill()

    def retranslateUi(self) -> None:
        self.setHorizontalHeaderLabels([
            self.tr("Effective on"), self.tr("Change"), self.tr("By"), self.tr("Article"),
            self.tr("Reason")])
        self._fill()

    def _fill(self) -> None:
        self.setRowCount(len(self._events))
        for i, e in enumerate(self._events):
            change = f"{state_label(e.from_state)} → {state_label(e.to_state)}"
            recorded = e.at.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = (e.effective_on.isoformat(), change, e.username, article_label(e.article),
                     reason_label(e.reason, e.params))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(self.tr("Recorded at %1").replace("%1", recorded))
                self.setItem(i, col, item)
        self.resizeRowsToContents()
