"""Editable tables of records (obligations, payments, property, officers...).

One generic :class:`RecordModel` (a ``QAbstractTableModel`` over a list of
dicts, configured by :class:`Column` specs), one delegate that creates the
right editor per column kind, and :class:`RecordTable`, the view with its
Add / Remove buttons.  Raw input is kept as typed (an amount stays the text
"abc" until it is fixed), so a bad value is reported at its cell, never
turned into a silent zero.  A cell's error shows as a red background and a
tooltip.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.domain.money import format_amount, parse_amount
from courtapp.ui.case_form.fields import ERROR_BG, ERROR_RED, DateEdit, ensure_visible
from courtapp.ui.case_form.labels import QT_TRANSLATE_NOOP, tr

_uids = itertools.count(1)
_ROOT = QModelIndex()

_REMOVED = QT_TRANSLATE_NOOP("CaseForm", "(removed)")

Index = QModelIndex | QPersistentModelIndex


def new_uid() -> int:
    """A number that names one row (or party) for as long as the form lives."""
    return next(_uids)


@dataclass
class Column:
    """One column: ``key`` is the field name in error paths (``payments[0].amount``).

    Kinds: ``text``, ``amount`` (CNY as typed), ``date``, ``choice`` (from
    ``choices()``: (value, label) pairs; ``none_text`` adds an empty choice),
    ``bool`` (a check box) and ``label`` (read-only, from ``display(row)``).
    """

    key: str
    header: str
    kind: str = "text"
    choices: Callable[[], list[tuple[Any, str]]] | None = None
    none_text: str | None = None
    stretch: bool = False
    width: int | None = None
    enabled: Callable[[dict[str, Any]], bool] | None = None
    display: Callable[[dict[str, Any]], str] | None = None
    tooltip: str | None = None
    #: A typical value, to size the column (e.g. an 18-character ID number).
    sample: str | None = None


class RecordModel(QAbstractTableModel):
    """Rows of plain values, one dict per row (with a stable ``_uid``).

    Signals:
        edited(): any cell, row insertion or removal changed the data.
    """

    edited = Signal()

    def __init__(self, columns: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self.read_only = False
        #: Called after a cell changed: (row values, key); may change other keys.
        self.after_edit: Callable[[dict[str, Any], str], None] | None = None
        self._errors: dict[tuple[int, str], str] = {}

    # ------------------------------------------------------------ structure
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def column_of(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        return -1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(col.header)
            if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
                return tr(col.tooltip)
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    # ---------------------------------------------------------------- data
    def choice_label(self, col: Column, value: Any) -> tuple[str, bool]:
        """The label of a choice value, and whether the value still exists."""
        if value is None:
            return (tr(col.none_text) if col.none_text else ""), True
        for v, label in col.choices() if col.choices else []:
            if v == value:
                return label, True
        return tr(_REMOVED), False

    def display_text(self, row: dict[str, Any], col: Column) -> str:
        v = row.get(col.key)
        if col.kind == "amount":
            text = (v or "").strip()
            if not text:
                return ""
            try:
                return format_amount(parse_amount(text))
            except ValueError:
                return text
        if col.kind == "date":
            return v.isoformat() if isinstance(v, date) else ""
        if col.kind == "choice":
            return self.choice_label(col, v)[0]
        if col.kind == "bool":
            return ""
        if col.kind == "label":
            return col.display(row) if col.display else ""
        return "" if v is None else str(v)

    def is_enabled(self, row: dict[str, Any], col: Column) -> bool:
        return col.enabled is None or col.enabled(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        err = self._errors.get((index.row(), col.key))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, col)
        if role == Qt.ItemDataRole.EditRole:
            return row.get(col.key)
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == "bool":
            return Qt.CheckState.Checked if row.get(col.key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if err:
                return err
            text = self.display_text(row, col)
            return text if col.kind in ("text", "choice", "label") and text else None
        if role == Qt.ItemDataRole.BackgroundRole and err:
            return QBrush(ERROR_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if err:
                return QBrush(ERROR_RED)
            if col.kind == "choice" and not self.choice_label(col, row.get(col.key))[1]:
                return QBrush(ERROR_RED)
            if col.kind == "label":
                return QBrush(QColor("#546e7a"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        col = self.columns[index.column()]
        row = self.rows[index.row()]
        if not self.is_enabled(row, col):
            return Qt.ItemFlag.ItemIsSelectable
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or col.kind == "label":
            return f
        if col.kind == "bool":
            return f | Qt.ItemFlag.ItemIsUserCheckable
        return f | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        col = self.columns[index.column()]
        row = self.rows[index.row()]
        if col.kind == "bool" and role == Qt.ItemDataRole.CheckStateRole:
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and col.kind not in ("bool", "label"):
            new = value
        else:
            return False
        if row.get(col.key) == new:
            return True
        row[col.key] = new
        if self.after_edit is not None:
            self.after_edit(row, col.key)
        r = index.row()
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))
        self.edited.emit()
        return True

    def set_value(self, row: int, key: str, value: Any) -> bool:
        """Set one cell as an editor would (``EditRole``, or the check state)."""
        c = self.column_of(key)
        role = (Qt.ItemDataRole.CheckStateRole if self.columns[c].kind == "bool"
                else Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        return self.setData(self.index(row, c), value, role)

    # ----------------------------------------------------------------- rows
    def add_row(self, values: dict[str, Any] | None = None) -> int:
        r = len(self.rows)
        self.beginInsertRows(QModelIndex(), r, r)
        row: dict[str, Any] = {"_uid": new_uid()}
        row.update(values or {})
        self.rows.append(row)
        self.endInsertRows()
        self.edited.emit()
        return r

    def remove_rows(self, rows: list[int]) -> None:
        for r in sorted(set(rows), reverse=True):
            if 0 <= r < len(self.rows):
                self.beginRemoveRows(QModelIndex(), r, r)
                del self.rows[r]
                self.endRemoveRows()
        self._errors.clear()
        self.edited.emit()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [{"_uid": new_uid(), **r} for r in rows]
        self._errors.clear()
        self.endResetModel()
        self.edited.emit()

    def index_of_uid(self, uid: Any) -> int | None:
        for i, r in enumerate(self.rows):
            if r["_uid"] == uid:
                return i
        return None

    def refresh_column(self, key: str) -> None:
        c = self.column_of(key)
        if c >= 0 and self.rows:
            self.dataChanged.emit(self.index(0, c), self.index(len(self.rows) - 1, c))

    # --------------------------------------------------------------- errors
    def set_error(self, row: int, key: str, message: str) -> None:
        self._errors[(row, key)] = message
        c = self.column_of(key)
        if c >= 0 and row < len(self.rows):
            idx = self.index(row, c)
            self.dataChanged.emit(idx, idx)

    def error(self, row: int, key: str) -> str | None:
        return self._errors.get((row, key))

    def clear_errors(self) -> None:
        if self._errors:
            self._errors.clear()
            if self.rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self.rows) - 1, len(self.columns) - 1))


class RecordDelegate(QStyledItemDelegate):
    """Creates a line edit, a date edit or a combo box according to the column.

    Signals:
        enter_pressed(): Enter committed a cell (the table then goes to the next row).
    """

    enter_pressed = Signal()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(obj, QWidget) and not isinstance(obj, QComboBox)):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(obj, event)

    def _column(self, index: Index) -> Column:
        model = index.model()
        assert isinstance(model, RecordModel)
        return model.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        col = self._column(index)
        if col.kind == "date":
            return DateEdit(parent)
        if col.kind == "choice":
            box = QComboBox(parent)
            if col.none_text is not None:
                box.addItem(tr(col.none_text), None)
            for value, label in col.choices() if col.choices else []:
                box.addItem(label, value)
            box.activated.connect(lambda _i, b=box: self._commit_and_close(b))
            QTimer.singleShot(0, box, box.showPopup)  # cancelled if the editor goes
            return box
        edit = QLineEdit(parent)
        if col.kind == "amount":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setPlaceholderText("0.00")
        return edit

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateEdit):
            editor.set_value(value if isinstance(value, date) else None)
        elif isinstance(editor, QComboBox):
            for i in range(editor.count()):
                if editor.itemData(i) == value:
                    editor.setCurrentIndex(i)
                    return
            editor.setCurrentIndex(-1)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, DateEdit):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            if editor.currentIndex() >= 0:
                model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        s = super().sizeHint(option, index)
        return QSize(s.width() + 16, s.height())


_ADD_TIP = QT_TRANSLATE_NOOP("CaseForm", "Add a row (Insert)")
_REMOVE = QT_TRANSLATE_NOOP("CaseForm", "Remove selected rows")
_REMOVE_TIP = QT_TRANSLATE_NOOP("CaseForm", "Remove the rows of the selected cells (Ctrl+Delete)")
_EDIT_TIP = QT_TRANSLATE_NOOP(
    "CaseForm", "Double-click a cell, press F2 or start typing to edit it")


class RecordTable(QWidget):
    """A table of records with Add and Remove buttons.

    ``fit_rows``: the view grows with its rows (for a table inside a scrolling
    form) instead of filling the space it is given.

    Signals:
        changed(): the records changed.
    """

    changed = Signal()

    def __init__(self, columns: list[Column], add_text: str, empty_text: str, *,
                 can_add: bool = True, fit_rows: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordModel(columns, self)
        self._fit_rows = fit_rows
        self._can_add = can_add
        #: The row Enter added last, as it was then: (uid, values).
        self._untouched: tuple[Any, dict[str, Any]] | None = None
        #: Values of a new row (e.g. the only respondent); None: every cell empty.
        self.defaults: Callable[[], dict[str, Any]] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.add_button = QPushButton("+ " + add_text, self)
        self.add_button.setToolTip(tr(_ADD_TIP))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(tr(_REMOVE), self)
        self.remove_button.setToolTip(tr(_REMOVE_TIP))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setStyleSheet("color: #5f6b73; font-style: italic;")
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addSpacing(12)
        bar.addWidget(self.empty_label)
        bar.addStretch(1)
        self.add_button.setVisible(can_add)
        self.remove_button.setVisible(can_add)
        lay.addLayout(bar)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        delegate = RecordDelegate(self.view)
        delegate.enter_pressed.connect(self.next_row)
        self.view.setItemDelegate(delegate)
        self.view.installEventFilter(self)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setToolTip(tr(_EDIT_TIP))
        vh = self.view.verticalHeader()
        vh.setDefaultSectionSize(self.fontMetrics().height() + 16)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh = self.view.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setMinimumSectionSize(60)
        for i, c in enumerate(columns):
            if c.stretch:
                hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(i, c.width or self._initial_width(c))
        if fit_rows:
            self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(self.view, 1)

        QShortcut(QKeySequence(Qt.Key.Key_Insert), self.view, self._on_add_clicked,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Delete"), self.view, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.edited.connect(self._on_model_edited)
        self._on_model_edited()

    def _initial_width(self, col: Column) -> int:
        """Wide enough for the header and a typical value, in the current font."""
        fm = self.view.fontMetrics()
        head = fm.horizontalAdvance(tr(col.header)) + 28
        if col.kind == "date":
            body = fm.horizontalAdvance("0000-00-00") + 44
        elif col.kind == "amount":
            body = fm.horizontalAdvance("000,000,000.00") + 16
        elif col.kind == "choice":
            labels = [label for _v, label in (col.choices() if col.choices else [])]
            if col.none_text:
                labels.append(tr(col.none_text))
            body = max([fm.horizontalAdvance(x) for x in labels] + [fm.horizontalAdvance("中" * 8)])
            body += 44
        elif col.kind == "bool":
            body = 48
        else:
            body = fm.horizontalAdvance("中" * 9)
        if col.sample:
            body = max(body, fm.horizontalAdvance(col.sample) + 24)
        return min(max(head, body, 70), 380)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self, self.drop_untouched)
        # Enter on a cell that is not being edited: the next row (issue 12 §7).
        if (obj is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.view.state() != QAbstractItemView.State.EditingState):
            self.next_row()
            return True
        return super().eventFilter(obj, event)

    def next_row(self) -> None:
        """Fast entry: Enter on the last row adds a row and moves to its first
        editable cell; on another row it moves to the next row's first cell."""
        current = self.view.currentIndex()
        last = self.model.rowCount() - 1
        if not current.isValid() or current.row() >= last:
            if self.model.read_only or not self._can_add:
                return
            self._on_add_clicked()
            r = self.model.rowCount() - 1
            self._untouched = (self.model.rows[r].get("_uid"), dict(self.model.rows[r]))
            return
        self._first_editable(current.row() + 1)

    def drop_untouched(self) -> None:
        """A row Enter added and nobody filled is removed once the focus leaves the
        table, so that finishing a table with Enter leaves no empty row behind
        (saving calls this at once: Enter, then Ctrl+S saves without that row)."""
        if self._untouched is None:
            return
        if self._has_focus_within():
            return
        uid, original = self._untouched
        self._untouched = None
        r = self.model.index_of_uid(uid)
        if r is not None and self.model.rows[r] == original:
            self.model.remove_rows([r])

    def _has_focus_within(self) -> bool:
        """The focus is in the view, its editor, or a popup of the editor (a choice's
        list, a date's calendar): popups are windows of their own, so
        ``isAncestorOf`` does not see them; their parent chain does."""
        w = QApplication.focusWidget()
        while w is not None:
            if w is self.view:
                return True
            w = w.parentWidget()
        return False

    def _first_editable(self, r: int) -> None:
        for c in range(len(self.model.columns)):
            idx = self.model.index(r, c)
            if self.model.flags(idx) & Qt.ItemFlag.ItemIsEditable:
                self.view.setCurrentIndex(idx)
                self.view.scrollTo(idx)
                break

    # ------------------------------------------------------------- actions
    def _on_add_clicked(self) -> None:
        if self.model.read_only or not self._can_add:
            return
        r = self.add_row()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._first_editable(r)

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        if values is None and self.defaults is not None:
            values = self.defaults()
        return self.model.add_row(values)

    def remove_selected(self) -> None:
        if self.model.read_only or not self._can_add:
            return
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        self.model.remove_rows(rows)

    def _update_buttons(self) -> None:
        has = bool(self.view.selectionModel().selectedIndexes())
        self.remove_button.setEnabled(has and not self.model.read_only)

    def _on_model_edited(self) -> None:
        self.empty_label.setVisible(not self.model.rows)
        if self._fit_rows:
            self._fit()
        self._update_buttons()
        self.changed.emit()

    def _fit(self) -> None:
        rows = max(len(self.model.rows), 1)
        h = (self.view.horizontalHeader().sizeHint().height()
             + rows * self.view.verticalHeader().defaultSectionSize()
             + 2 * self.view.frameWidth() + 2)
        self.view.setFixedHeight(h)

    def set_read_only(self, ro: bool) -> None:
        self.model.read_only = ro
        self.add_button.setVisible(self._can_add and not ro)
        self.remove_button.setVisible(self._can_add and not ro)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if ro else
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setToolTip("" if ro else tr(_EDIT_TIP))

    def cell(self, row: int, key: str) -> CellTarget:
        return CellTarget(self, row, key)


class CellTarget:
    """An error shown at one table cell: red background and tooltip."""

    def __init__(self, table: RecordTable, row: int, key: str) -> None:
        self.table = table
        self.row = row
        self.key = key

    def show_errors(self, messages: list[str]) -> None:
        self.table.model.set_error(self.row, self.key, "\n".join(messages))

    def clear_errors(self) -> None:
        self.table.model.clear_errors()

    def focus(self) -> None:
        ensure_visible(self.table)
        m = self.table.model
        c = m.column_of(self.key)
        if 0 <= self.row < len(m.rows) and c >= 0:
            idx = m.index(self.row, c)
            self.table.view.setCurrentIndex(idx)
            self.table.view.scrollTo(idx)
        self.table.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def snapshot(self) -> Any:
        m = self.table.model
        return m.rows[self.row].get(self.key) if 0 <= self.row < len(m.rows) else None
