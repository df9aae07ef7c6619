"""What every section of the case form has: a title, an error list, a body."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.domain.errors import FieldError
from courtapp.core.domain.money import parse_amount
from courtapp.core.domain.validation import message
from courtapp.ui.case_form.fields import ERROR_BG, ERROR_RED, Target, WidgetTarget
from courtapp.ui.case_form.labels import QT_TRANSLATE_NOOP, tr

_ERRORS_TIP = QT_TRANSLATE_NOOP("CaseForm", "Click a problem to go to its field")


def field_error(path: str, rule: str) -> FieldError:
    """A FieldError for a rule code of the core (``required``, ``amount.format``...)."""
    en, zh = message(rule)
    return FieldError(path, rule, en, zh)


def read_amount(text: str | None, path: str, errors: list[FieldError], *,
                required: bool) -> Decimal | None:
    """Parse typed money; a bad or missing amount becomes an error at ``path``."""
    t = (text or "").strip()
    if not t:
        if required:
            errors.append(field_error(path, "required"))
        return None
    try:
        return parse_amount(t)
    except ValueError as e:
        errors.append(field_error(path, str(e.args[0])))
        return None


def read_date(d: date | None, path: str, errors: list[FieldError]) -> date:
    """A required date; when empty, the error is recorded and today stands in."""
    if d is None:
        errors.append(field_error(path, "required"))
        return date.today()
    return d


class ErrorList(QListWidget):
    """The problems of one section; activating one jumps to its field.

    Signals:
        path_activated(str): the error path of the clicked problem.
    """

    path_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionErrors")
        self.setToolTip(tr(_ERRORS_TIP))
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(
            f"QListWidget#sectionErrors {{ background: {ERROR_BG.name()};"
            f" border-left: 4px solid {ERROR_RED.name()}; border-radius: 3px; padding: 2px; }}"
            f"QListWidget#sectionErrors::item {{ color: {ERROR_RED.name()}; padding: 2px 4px; }}")
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)
        self.hide()

    def set_errors(self, items: list[tuple[str, str]]) -> None:
        self.clear()
        for path, text in items:
            it = QListWidgetItem("⚠ " + text)
            it.setData(Qt.ItemDataRole.UserRole, path)
            self.addItem(it)
        rows = min(len(items), 5)
        if rows:
            h = sum(self.sizeHintForRow(i) for i in range(rows)) + 10
            self.setFixedHeight(max(h, 28))
        self.setVisible(bool(items))

    def paths(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        self.path_activated.emit(item.data(Qt.ItemDataRole.UserRole))


class Section(QWidget):
    """One section of the form.

    Subclasses fill ``self.body`` (a form that scrolls, or a table that fills
    the page) and implement :meth:`target` to map an error path to its field.

    Signals:
        changed(): the user changed something in this section.
    """

    changed = Signal()

    def __init__(self, title: str, hint: str = "", *, scroll: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(8)
        head = QLabel(title, self)
        f = QFont(head.font())
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        head.setFont(f)
        outer.addWidget(head)
        self.hint_label = QLabel(hint, self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #5f6b73;")
        self.hint_label.setVisible(bool(hint))
        outer.addWidget(self.hint_label)
        self.error_list = ErrorList(self)
        outer.addWidget(self.error_list)
        self.body = QWidget()
        if scroll:
            self.scroll_area: QScrollArea | None = QScrollArea(self)
            self.scroll_area.setWidgetResizable(True)
            self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll_area.setWidget(self.body)
            outer.addWidget(self.scroll_area, 1)
        else:
            self.scroll_area = None
            outer.addWidget(self.body, 1)
        self._targets: dict[str, WidgetTarget] = {}
        self.read_only = False

    # ------------------------------------------------------------ interface
    def target(self, path: str) -> Target | None:
        return self._targets.get(path)

    def clear_errors(self) -> None:
        for t in self._targets.values():
            t.clear_errors()
        self.error_list.set_errors([])

    def set_read_only(self, ro: bool) -> None:
        self.read_only = ro

    def first_input(self) -> QWidget | None:
        return None

    def count_text(self) -> str:
        """A count for the navigation list ("3"), or "" for a plain form."""
        return ""

    def watch(self, *signals: object) -> None:
        """Emit :attr:`changed` whenever one of these signals fires."""
        for s in signals:
            s.connect(self._emit_changed)  # type: ignore[attr-defined]

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

