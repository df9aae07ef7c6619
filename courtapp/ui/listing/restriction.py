"""The consumption restriction order (限制消费令) part of the worksheet.

For the respondent and, for an entity, each bound officer (2015 Provisions
Art. 3 para. 2), the judge ticks which of the nine items of Art. 3 apply.
The boxes start from the core's proportionate proposal
(:func:`~courtapp.core.domain.listing.propose_restrictions`) and its reasons
are shown.  The period runs from a date, optionally until a date, with a
reason.  When :func:`~courtapp.core.domain.listing.needs_proportionality_reason`
says so for the chosen set, a written reason becomes required.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.domain.listing import (
    Proposal,
    Restriction,
    RestrictionItem,
    needs_proportionality_reason,
)
from courtapp.core.domain.model import EnforcementCase, OfficerRole
from courtapp.ui.i18n import Retranslating
from courtapp.ui.listing.labels import (
    OFFICER_ROLE,
    is_chinese,
    item_number,
    item_text,
    items_text,
    label,
    pydate,
    qdate,
)


class _ItemLabel(QLabel):
    """The wrapped text of an item; clicking it ticks the box beside it."""

    def __init__(self, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(parent)
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._box.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


@dataclass(frozen=True)
class BoundPerson:
    """Who a set of items binds: ``officer`` None is the respondent itself."""

    officer: int | None
    name: str
    role: str | None = None


class PersonItems(Retranslating, QGroupBox):
    """The nine items for one person; an officer can follow the entity's set.

    Signals are not needed: the owner listens to ``toggled`` of the boxes.
    """

    def __init__(self, person: BoundPerson, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person
        self.same_as_entity: QCheckBox | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.note)
        if person.officer is not None:
            self.same_as_entity = QCheckBox(self)
            self.same_as_entity.setChecked(True)
            self.same_as_entity.setObjectName(f"same_as_entity_{person.officer}")
            layout.addWidget(self.same_as_entity)
        self.boxes: dict[RestrictionItem, QCheckBox] = {}
        self.texts: dict[RestrictionItem, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        for row, item in enumerate(RestrictionItem):
            box = QCheckBox(self)
            who = "r" if person.officer is None else str(person.officer)
            box.setObjectName(f"item_{who}_{int(item)}")
            text = _ItemLabel(box, self)
            self.boxes[item] = box
            self.texts[item] = text
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
        layout.addLayout(grid)
        if self.same_as_entity is not None:
            self.same_as_entity.toggled.connect(self._follow)
            self._follow(True)
        self.retranslateUi()

    def _follow(self, same: bool) -> None:
        for item, box in self.boxes.items():
            box.setEnabled(not same)
            self.texts[item].setEnabled(not same)

    def follows_entity(self) -> bool:
        return self.same_as_entity is not None and self.same_as_entity.isChecked()

    def items(self) -> set[RestrictionItem]:
        return {i for i, b in self.boxes.items() if b.isChecked()}

    def set_items(self, items: set[RestrictionItem]) -> None:
        for i, b in self.boxes.items():
            b.blockSignals(True)
            b.setChecked(i in items)
            b.blockSignals(False)

    def retranslateUi(self) -> None:
        p = self.person
        if p.officer is None:
            self.setTitle(self.tr("Respondent: %1").replace("%1", p.name))
            self.note.setText(self.tr("Items of 2015 Provisions Art. 3 para. 1 (at least one)."))
        else:
            role = label(OFFICER_ROLE, OfficerRole(p.role)) if p.role else ""
            self.setTitle(self.tr("%1: %2").replace("%1", role).replace("%2", p.name))
            self.note.setText(self.tr(
                "Bound by the entity's restriction (2015 Provisions Art. 3 para. 2); "
                "not listed personally."))
        if self.same_as_entity is not None:
            self.same_as_entity.setText(self.tr("Same items as the &entity"))
        for item, box in self.boxes.items():
            box.setText(item_number(item))
            self.texts[item].setText(item_text(item, numbered=False))
            box.setAccessibleName(item_text(item))


class RestrictionEditor(Retranslating, QWidget):
    """Items per bound person, the period and the reasons of the restriction order.

    Signals:
        changed(): any choice changed (items, dates, reasons).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case: EnforcementCase | None = None
        self._as_of = date.today()
        self._small_amount = 10_000
        self._proposal: Proposal | None = None
        self._touched = False
        self._reason_draft = ""
        self._from_follows = True
        self.people: list[PersonItems] = []

        self.proposal_label = QLabel(self)
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setStyleSheet(
            "QLabel { background: #f3f6fa; border: 1px solid #c9d6e6; border-radius: 4px;"
            " padding: 6px 8px; }")
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restore_proposal")
        self._people_box = QVBoxLayout()
        self._people_box.setSpacing(8)

        self.from_label = QLabel(self)
        self.from_date = QDateEdit(self)
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("yyyy-MM-dd")
        self.from_label.setBuddy(self.from_date)
        self.until_check = QCheckBox(self)
        self.until_date = QDateEdit(self)
        self.until_date.setCalendarPopup(True)
        self.until_date.setDisplayFormat("yyyy-MM-dd")
        self.until_date.setEnabled(False)
        self.reason_label = QLabel(self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("restriction_reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.reason_label.setBuddy(self.reason_edit)
        self.proportion_label = QLabel(self)
        self.proportion_label.setWordWrap(True)
        self.proportion_label.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.proportion_edit = QPlainTextEdit(self)
        self.proportion_edit.setObjectName("proportionality_reason")
        self.proportion_edit.setTabChangesFocus(True)
        self.proportion_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.proportion_label.setBuddy(self.proportion_edit)

        top = QHBoxLayout()
        top.addWidget(self.proposal_label, 1)
        period = QHBoxLayout()
        period.addWidget(self.from_label)
        period.addWidget(self.from_date)
        period.addSpacing(16)
        period.addWidget(self.until_check)
        period.addWidget(self.until_date)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        layout.addLayout(restore_row)
        layout.addLayout(self._people_box)
        layout.addLayout(period)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.proportion_label)
        layout.addWidget(self.proportion_edit)

        self.restore_button.clicked.connect(self.restore_proposal)
        self.until_check.toggled.connect(self._on_until_toggled)
        self.from_date.dateChanged.connect(self._on_from_changed)
        self.until_date.dateChanged.connect(lambda _d: self.changed.emit())
        self.reason_edit.textChanged.connect(self.changed)
        self.proportion_edit.textChanged.connect(self._on_proportion_text)
        self.retranslateUi()
        self._update_proportionality()

    # ------------------------------------------------------------ context
    def set_people(self, people: list[BoundPerson]) -> None:
        """New bound persons (another respondent): rebuild the item boxes."""
        for w in self.people:
            self._people_box.removeWidget(w)
            w.deleteLater()
        self.people = []
        for p in people:
            w = PersonItems(p, self)
            for box in w.boxes.values():
                box.toggled.connect(self._on_item_toggled)
            if w.same_as_entity is not None:
                w.same_as_entity.toggled.connect(self._on_item_toggled)
            self._people_box.addWidget(w)
            w.show()  # at once, not when the layout gets round to it
            self.people.append(w)
        self._touched = False
        self._reason_draft = ""
        self.reason_edit.setPlainText("")
        self.proportion_edit.setPlainText("")
        self._from_follows = True
        self.until_check.setChecked(False)

    def set_context(self, case: EnforcementCase, as_of: date, proposal: Proposal,
                    small_amount: int) -> None:
        """The case (with the judge's answers), the decision date and the proposal.

        Untouched choices follow the new proposal; the judge's own choices stay.
        """
        self._case = case
        self._as_of = as_of
        self._proposal = proposal
        self._small_amount = small_amount
        if self._from_follows:
            self.from_date.blockSignals(True)
            self.from_date.setDate(qdate(as_of))
            self.from_date.blockSignals(False)
        self.until_date.setMinimumDate(self.from_date.date())
        if not self._touched:
            self._apply_proposal()
        draft = self.proposal_reason_text()
        if self.reason_edit.toPlainText() in ("", self._reason_draft):
            self.reason_edit.blockSignals(True)
            self.reason_edit.setPlainText(draft)
            self.reason_edit.blockSignals(False)
        self._reason_draft = draft
        self._show_proposal()
        self._update_proportionality()

    def proposal_reason_text(self) -> str:
        if self._proposal is None:
            return ""
        reasons = self._proposal.reasons_zh if is_chinese() else self._proposal.reasons_en
        return "".join(reasons) if is_chinese() else " ".join(reasons)

    def restore_proposal(self) -> None:
        self._touched = False
        self._apply_proposal()
        self.reason_edit.setPlainText(self.proposal_reason_text())
        self._update_proportionality()
        self.changed.emit()

    def _apply_proposal(self) -> None:
        items = set(self._proposal.items) if self._proposal else set()
        for w in self.people:
            w.set_items(items)
            if w.same_as_entity is not None:
                w.same_as_entity.blockSignals(True)
                w.same_as_entity.setChecked(True)
                w.same_as_entity.blockSignals(False)
                w._follow(True)

    # ------------------------------------------------------------- choices
    def items_for(self, officer: int | None = None) -> set[RestrictionItem]:
        for w in self.people:
            if w.person.officer == officer:
                if w.follows_entity():
                    return self.items_for(None)
                return w.items()
        return set()

    def set_items(self, items: set[RestrictionItem] | set[int], officer: int | None = None) -> None:
        """Tick exactly ``items`` for a person (as the judge would)."""
        wanted = {RestrictionItem(int(i)) for i in items}
        for w in self.people:
            if w.person.officer == officer:
                if w.same_as_entity is not None:
                    w.same_as_entity.setChecked(False)
                for i, box in w.boxes.items():
                    box.setChecked(i in wanted)

    def restrictions(self) -> list[Restriction]:
        start = pydate(self.from_date.date())
        until = pydate(self.until_date.date()) if self.until_check.isChecked() else None
        reason = self.reason_edit.toPlainText().strip()
        out: list[Restriction] = []
        for w in self.people:
            for item in sorted(self.items_for(w.person.officer)):
                out.append(Restriction(item, w.person.officer, start, until, reason=reason))
        return out

    def needs_proportionality(self) -> bool:
        if self._case is None:
            return False
        return needs_proportionality_reason(self._case, self.items_for(None), self._as_of,
                                            small_amount=self._small_amount)

    def proportionality_reason(self) -> str:
        return self.proportion_edit.toPlainText().strip() if self.needs_proportionality() else ""

    def problems(self) -> list[str]:
        """What stops the order from being submitted, in words."""
        out = []
        if not self.items_for(None):
            out.append(self.tr("tick at least one restriction item for the respondent "
                               "(a listed respondent must be restricted)"))
        if not self.reason_edit.toPlainText().strip():
            out.append(self.tr("give the reason for the restriction"))
        if self.needs_proportionality() and not self.proportion_edit.toPlainText().strip():
            out.append(self.tr("write why all nine items are proportionate on this amount"))
        if self.until_check.isChecked() and self.until_date.date() < self.from_date.date():
            out.append(self.tr("the restriction cannot end before it starts"))
        return out

    # ------------------------------------------------------------- slots
    def _on_item_toggled(self, _checked: bool) -> None:
        self._touched = True
        self._mirror()
        self._update_proportionality()
        self.changed.emit()

    def _mirror(self) -> None:
        """Officers who follow the entity show the entity's items."""
        items = self.items_for(None)
        for w in self.people:
            if w.follows_entity():
                w.set_items(items)

    def _on_until_toggled(self, on: bool) -> None:
        self.until_date.setEnabled(on)
        self.changed.emit()

    def _on_from_changed(self, _d: Any) -> None:
        self._from_follows = False
        self.until_date.setMinimumDate(self.from_date.date())
        self.changed.emit()

    def _on_proportion_text(self) -> None:
        self.changed.emit()

    def _update_proportionality(self) -> None:
        needed = self.needs_proportionality()
        self.proportion_label.setVisible(needed)
        self.proportion_edit.setVisible(needed)

    def _show_proposal(self) -> None:
        p = self._proposal
        if p is None:
            self.proposal_label.setText("")
            return
        self.proposal_label.setText(
            self.tr("Proposed items: %1. %2").replace("%1", items_text([int(i) for i in p.items]))
            .replace("%2", self.proposal_reason_text()))

    def retranslateUi(self) -> None:
        self.restore_button.setText(self.tr("Restore the &proposal"))
        self.from_label.setText(self.tr("Restriction &from:"))
        self.until_check.setText(self.tr("&Until:"))
        self.reason_label.setText(self.tr("Reason for the restr&iction:"))
        self.proportion_label.setText(self.tr(
            "All nine items on a small amount or a non-monetary obligation: a written "
            "reason is re&quired (proportionality):"))
        self._show_proposal()
