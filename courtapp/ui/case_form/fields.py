"""Small input widgets of the case form and how a field shows an error.

- :class:`DateEdit`: a ``QDateEdit`` (calendar popup, ``yyyy-MM-dd``) that can
  be empty: the minimum date is the "no date" value and shows as a dash.
- :class:`EnumCombo`: a combo box of enum values with translated labels.
- :class:`ErrorOverlay` draws a red frame over any widget, so every kind of
  input (line edit, combo, date, table) is marked the same way whatever the
  platform style.
- :class:`WidgetTarget`: where a field error is shown: red frame, tooltip
  and (in forms) a message label under the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from PySide6.QtCore import QDate, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.ui.case_form.labels import QT_TRANSLATE_NOOP, tr

ERROR_RED = QColor("#c62828")
ERROR_BG = QColor("#fdecea")
INFO_BG = "#e8f1fb"
INFO_FG = "#0d47a1"

_CLEAR_DATE = QT_TRANSLATE_NOOP("CaseForm", "Clear the date")


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class DateEdit(QDateEdit):
    """A date with a calendar popup, shown as yyyy-MM-dd, that may be empty.

    Empty is the minimum date, displayed as the special value text.  Ctrl+A then
    Delete empties it; typing a digit into an empty field starts from today.

    Signals:
        value_changed(): the date was set or cleared.
    """

    EMPTY = QDate(1900, 1, 1)
    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.EMPTY)
        self.setSpecialValueText("—")
        self.setDate(self.EMPTY)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 48)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.calendarWidget().installEventFilter(self)
        self.dateChanged.connect(lambda _d: self.value_changed.emit())

    def value(self) -> date | None:
        d = self.date()
        if d == self.EMPTY or not d.isValid():
            return None
        return date(d.year(), d.month(), d.day())

    def set_value(self, d: date | None) -> None:
        self.setDate(self.EMPTY if d is None else to_qdate(d))

    def clear_value(self) -> None:
        self.setDate(self.EMPTY)

    def is_empty(self) -> bool:
        return self.value() is None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Open the calendar of an empty field on this month, not on January 1900.
        if event.type() == QEvent.Type.Show and self.is_empty():
            today = date.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return False

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Scrolling the form over a date must not change it.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            le = self.lineEdit()
            if self.is_empty() or le.selectedText() == le.text():
                self.clear_value()
                return
        if event.text() in ("-", "/", ".") and self.currentSectionIndex() > 0:
            # After the year (or month) is complete the cursor has already moved on:
            # the separator a judge types out of habit must not skip a section.
            le = self.lineEdit()
            if le.hasSelectedText() and le.selectedText() == self.sectionText(
                    self.currentSection()):
                event.accept()
                return
        if self.is_empty() and event.text().isdigit():
            self.setDate(to_qdate(date.today()))
            self.setSelectedSection(QDateEdit.Section.YearSection)
        if event.text() in ("/", "."):  # 2024/1/5 and 2024.1.5 are typed too
            event = QKeyEvent(event.type(), Qt.Key.Key_Minus, event.modifiers(), "-")
        super().keyPressEvent(event)


class OptionalDate(QWidget):
    """A :class:`DateEdit` with a button that empties it (for optional dates)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.edit = DateEdit(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(tr(_CLEAR_DATE))
        self.clear_button.setAccessibleName(tr(_CLEAR_DATE))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.clicked.connect(self.edit.clear_value)
        lay.addWidget(self.edit)
        lay.addWidget(self.clear_button)
        lay.addStretch(1)
        self.setFocusProxy(self.edit)

    def set_read_only(self, ro: bool) -> None:
        self.edit.setReadOnly(ro)
        self.clear_button.setVisible(not ro)


class EnumCombo(QComboBox):
    """Enum values with translated labels; optionally a first "none" entry."""

    def __init__(self, labels: Mapping[StrEnum, str], parent: QWidget | None = None, *,
                 none_text: str | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        if none_text is not None:
            self.addItem(none_text, None)
        for value, text in labels.items():
            self.addItem(tr(text), value.value)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Scrolling the form over a combo box must not change its value.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def value(self) -> str | None:
        v = self.currentData()
        return v if isinstance(v, str) else None

    def set_value(self, value: str | None) -> None:
        i = self.findData(value)
        self.setCurrentIndex(max(i, 0))


def value_of(widget: QWidget) -> Any:
    """The current value of an input widget (to tell whether it changed)."""
    if isinstance(widget, OptionalDate):
        return widget.edit.value()
    if isinstance(widget, DateEdit):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    return None


class ErrorOverlay(QWidget):
    """A red frame drawn over ``target``; lets every mouse event through."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target = target
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._target and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.setGeometry(self._target.rect())
            self.raise_()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(ERROR_RED)
        tint.setAlpha(16)
        r = QRect(self.rect()).adjusted(1, 1, -1, -1)
        p.fillRect(r, tint)
        p.setPen(QPen(ERROR_RED, 2))
        p.drawRoundedRect(r, 3, 3)


class Target(Protocol):
    """Somewhere an error can be shown: a widget or a table cell."""

    def show_errors(self, messages: list[str]) -> None: ...
    def clear_errors(self) -> None: ...
    def focus(self) -> None: ...
    def snapshot(self) -> Any: ...


def ensure_visible(widget: QWidget) -> None:
    """Scroll every enclosing scroll area so that ``widget`` is in view."""
    w: QWidget | None = widget.parentWidget()
    while w is not None:
        if isinstance(w, QScrollArea) and not isinstance(w, QAbstractItemView):
            w.ensureWidgetVisible(widget, 40, 40)
        w = w.parentWidget()


class WidgetTarget:
    """Shows errors on one widget: red frame, tooltip, and the label under it."""

    def __init__(self, widget: QWidget, label: QLabel | None = None,
                 frame: QWidget | None = None) -> None:
        self.widget = widget
        self.label = label
        self.frame = frame or widget
        self._tooltip = self.frame.toolTip()
        self._overlay: ErrorOverlay | None = None

    def show_errors(self, messages: list[str]) -> None:
        text = "\n".join(messages)
        if self._overlay is None:
            self._overlay = ErrorOverlay(self.frame)
        self._overlay.show()
        self._overlay.raise_()
        self.frame.setToolTip(text)
        self.frame.setProperty("fieldError", True)
        if self.label is not None:
            self.label.setText(text)
            self.label.show()

    def clear_errors(self) -> None:
        if self._overlay is not None:
            self._overlay.hide()
        self.frame.setToolTip(self._tooltip)
        self.frame.setProperty("fieldError", False)
        if self.label is not None:
            self.label.clear()
            self.label.hide()

    def has_error(self) -> bool:
        return self._overlay is not None and not self._overlay.isHidden()

    def focus(self) -> None:
        ensure_visible(self.frame)
        self.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def snapshot(self) -> Any:
        return value_of(self.widget)


def error_label(parent: QWidget | None = None) -> QLabel:
    """The red message line under a field (hidden while there is no error)."""
    lab = QLabel(parent)
    lab.setObjectName("fieldErrorLabel")
    lab.setWordWrap(True)
    lab.setStyleSheet(f"color: {ERROR_RED.name()};")
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lab.hide()
    return lab


def info_label(parent: QWidget | None = None) -> QLabel:
    """A quiet line of derived information next to or under a field."""
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #5f6b73;")
    return lab


def field_box(widget: QWidget, *extras: QWidget,
              stretch: bool = True) -> tuple[QWidget, QLabel, WidgetTarget]:
    """Wrap ``widget`` (and extras beside it) with an error label beneath.

    Returns the container for a form layout, the label and the field's target.
    """
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(2)
    row = QHBoxLayout()
    row.setSpacing(8)
    row.addWidget(widget, 1 if stretch else 0)
    for x in extras:
        row.addWidget(x)
    if not stretch:
        row.addStretch(1)
    v.addLayout(row)
    lab = error_label(box)
    v.addWidget(lab)
    box.setFocusProxy(widget)
    return box, lab, WidgetTarget(widget, lab)
