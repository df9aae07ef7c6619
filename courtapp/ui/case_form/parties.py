"""The Parties section: applicants and respondents, each a card.

A card holds the kind (natural person / entity), the name and the ID number
or credit code, what a valid resident ID tells (sex, age, a minor), the
offer to use an already registered person record, and, for an entity, its
officers (2015 Provisions Art. 3 para. 2).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.domain.errors import FieldError
from courtapp.core.domain.identifiers import (
    check_credit_code,
    check_resident_id,
    resident_id_info,
)
from courtapp.core.domain.model import (
    EnforcementCase,
    Officer,
    OfficerRole,
    Party,
    PartyKind,
    PublicRole,
)
from courtapp.core.services.cases import PersonInfo
from courtapp.ui.case_form.base import Section, field_error
from courtapp.ui.case_form.fields import (
    INFO_BG,
    INFO_FG,
    EnumCombo,
    Target,
    WidgetTarget,
    error_label,
)
from courtapp.ui.case_form.labels import (
    OFFICER_ROLE,
    PARTY_KIND,
    PUBLIC_ROLE,
    QT_TRANSLATE_NOOP,
    SEX,
    split_path,
    tr,
)
from courtapp.ui.case_form.records import Column, RecordTable, new_uid

#: (name, identifier, callback(matches)) -> None: look up similar persons off-thread.
Lookup = Callable[[str, str, Callable[[list[PersonInfo]], None]], None]
#: (person id, callback(party)) -> None: fetch a registered person with its officers.
FetchPerson = Callable[[int, Callable[[Party], None]], None]

_OFFICERS_HINT = QT_TRANSLATE_NOOP(
    "CaseForm",
    "Persons bound with the entity by a consumption restriction (2015 Provisions Art. 3 para. 2). "
    "They belong to the entity's record: a change here applies to all of its cases.")
_AGE = QT_TRANSLATE_NOOP("CaseForm", "%1, aged %2 (born %3)")
_MINOR = QT_TRANSLATE_NOOP(
    "CaseForm",
    "Minor: a minor may not be put on the list of dishonest judgment defaulters "
    "(2017 Provisions Art. 4).")
_NO_NAME = QT_TRANSLATE_NOOP("CaseForm", "(no name yet)")


def normalise_ric(text: str) -> str:
    """A valid resident ID in its canonical form; anything else as typed (stripped)."""
    t = text.strip()
    try:
        return check_resident_id(t)
    except ValueError:
        return t


def normalise_uscc(text: str) -> str:
    t = text.strip()
    try:
        return check_credit_code(t)
    except ValueError:
        return t


def id_summary(text: str, *, today: date | None = None) -> tuple[str, int | None]:
    """"male, aged 35 (born 1991-01-01)" and the age, for a valid resident ID."""
    try:
        info = resident_id_info(text.strip())
    except ValueError:
        return "", None
    age = info.age_on(today or date.today())
    text = (tr(_AGE).replace("%1", tr(SEX[info.sex])).replace("%2", str(age))
            .replace("%3", info.birth_date.isoformat()))
    return text, age


def officer_columns() -> list[Column]:
    roles = [(r.value, tr(label)) for r, label in OFFICER_ROLE.items()]
    return [
        Column("role", QT_TRANSLATE_NOOP("CaseForm", "Role"), "choice", choices=lambda: roles),
        Column("name", QT_TRANSLATE_NOOP("CaseForm", "Full name")),
        Column("id_number", QT_TRANSLATE_NOOP("CaseForm", "Resident ID number"),
               sample="11010519491231002X"),
        Column("info", QT_TRANSLATE_NOOP("CaseForm", "Sex and age"), "label", stretch=True,
               display=lambda r: id_summary(r.get("id_number") or "")[0]),
    ]


class PartyCard(QFrame):
    """One applicant or respondent.

    Signals:
        changed(): anything in the card changed.
        identity_changed(): the kind or the name changed (other sections list respondents).
        lookup_requested(object): the name or number was edited; look for a registered record.
        remove_requested(object): the user asked to remove this party.
        officers_requested(object, int): fill the officers from this person record.
    """

    changed = Signal()
    identity_changed = Signal()
    lookup_requested = Signal(object)
    remove_requested = Signal(object)
    officers_requested = Signal(object, int)

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uid = new_uid()
        self.side = side
        self.index = 0
        self.read_only = False
        self.lookup_seq = 0
        self._looked_up: tuple[str, str, str] | None = None
        self.matches: list[PersonInfo] = []
        self.setObjectName("partyCard")
        self.setStyleSheet(
            "QFrame#partyCard { border: 1px solid palette(mid); border-radius: 6px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 10)
        lay.setSpacing(6)

        head = QHBoxLayout()
        self.title = QLabel(self)
        f = QFont(self.title.font())
        f.setBold(True)
        self.title.setFont(f)
        self.kind = EnumCombo(PARTY_KIND, self)
        self.kind.setAccessibleName(tr(QT_TRANSLATE_NOOP("CaseForm", "Kind of party")))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove this party from the case"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        head.addWidget(self.title)
        head.addSpacing(12)
        head.addWidget(self.kind)
        head.addStretch(1)
        head.addWidget(self.remove_button)
        lay.addLayout(head)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.name = QLineEdit(self)
        self.name.setMaxLength(100)
        self.name_label = QLabel(self.tr("Name"), self)
        self.name_label.setBuddy(self.name)
        self.ident = QLineEdit(self)
        self.ident.setMaxLength(32)  # pasted numbers may carry spaces; folded on saving
        self.ident_label = QLabel(self)
        self.ident_label.setBuddy(self.ident)
        self.name_error = error_label(self)
        self.ident_error = error_label(self)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.ident_label, 0, 2)
        grid.addWidget(self.ident, 0, 3)
        grid.addWidget(self.name_error, 1, 1)
        grid.addWidget(self.ident_error, 1, 3)
        # Sex and age of a valid resident ID, right under the number.
        self.info = QLabel(self)
        self.info.setStyleSheet("color: #37474f;")
        self.info.hide()
        grid.addWidget(self.info, 2, 3)
        # 2017 Provisions Art. 8 paras. 3-4: a public role makes the court notify
        # the work unit, superior unit or investor body when the party is listed.
        self.public_role = EnumCombo(PUBLIC_ROLE, self, none_text=self.tr("None"))
        self.public_role_label = QLabel(self.tr("Public role (Art. 8)"), self)
        self.public_role_label.setBuddy(self.public_role)
        self.public_role.setToolTip(self.tr(
            "A state functionary, NPC deputy or CPPCC member, or a state organ, public "
            "institution or state-owned enterprise: the court also notifies the body named here "
            "when the party is listed (2017 Provisions Art. 8)."))
        self.notify_body = QLineEdit(self)
        self.notify_body.setMaxLength(100)
        self.notify_body_label = QLabel(self.tr("Body to notify"), self)
        self.notify_body_label.setBuddy(self.notify_body)
        self.public_role_error = error_label(self)
        self.notify_body_error = error_label(self)
        grid.addWidget(self.public_role_label, 3, 0)
        grid.addWidget(self.public_role, 3, 1)
        grid.addWidget(self.notify_body_label, 3, 2)
        grid.addWidget(self.notify_body, 3, 3)
        grid.addWidget(self.public_role_error, 4, 1)
        grid.addWidget(self.notify_body_error, 4, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 3)
        fm = self.ident_label.fontMetrics()
        self.ident_label.setMinimumWidth(max(
            fm.horizontalAdvance(self.tr("Unified social credit code")),
            fm.horizontalAdvance(self.tr("Resident ID number"))) + 4)
        lay.addLayout(grid)
        self.minor = QLabel(tr(_MINOR), self)
        self.minor.setWordWrap(True)
        self.minor.setStyleSheet(
            f"background: {INFO_BG}; color: {INFO_FG}; border-radius: 3px; padding: 4px 8px;")
        self.minor.hide()
        lay.addWidget(self.minor)

        self.suggestions = QFrame(self)
        self.suggestions.setObjectName("suggestions")
        self.suggestions.setStyleSheet(
            f"QFrame#suggestions {{ background: {INFO_BG}; border-radius: 3px; }}"
            f"QFrame#suggestions QLabel {{ color: {INFO_FG}; }}")
        self._sugg_layout = QVBoxLayout(self.suggestions)
        self._sugg_layout.setContentsMargins(8, 4, 8, 4)
        self._sugg_layout.setSpacing(2)
        self.suggestions.hide()
        lay.addWidget(self.suggestions)
        self.use_buttons: list[QPushButton] = []

        self.officers_box = QWidget(self)
        ob = QVBoxLayout(self.officers_box)
        ob.setContentsMargins(0, 6, 0, 0)
        ob.setSpacing(4)
        ot = QLabel(self.tr("Officers"), self.officers_box)
        ot.setFont(f)
        oh = QLabel(tr(_OFFICERS_HINT), self.officers_box)
        oh.setWordWrap(True)
        oh.setStyleSheet("color: #5f6b73;")
        self.officers = RecordTable(officer_columns(), self.tr("Add officer"),
                                    self.tr("No officers recorded."), fit_rows=True,
                                    parent=self.officers_box)
        ob.addWidget(ot)
        ob.addWidget(oh)
        ob.addWidget(self.officers)
        lay.addWidget(self.officers_box)

        self._targets: dict[str, WidgetTarget] = {
            "name": WidgetTarget(self.name, self.name_error),
            "id_number": WidgetTarget(self.ident, self.ident_error),
            "kind": WidgetTarget(self.kind),
            "officers": WidgetTarget(self.officers.view),
            "public_role": WidgetTarget(self.public_role, self.public_role_error),
            "notify_body": WidgetTarget(self.notify_body, self.notify_body_error),
            "": WidgetTarget(self, frame=self),
        }
        self._targets["credit_code"] = self._targets["id_number"]

        # Tab order follows the reading order; removing the party comes last.
        chain = [self.kind, self.name, self.ident, self.public_role, self.notify_body,
                 self.officers.add_button,
                 self.officers.remove_button, self.officers.view, self.remove_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.name.textChanged.connect(self._on_name_changed)
        self.ident.textChanged.connect(self._on_ident_changed)
        self.name.editingFinished.connect(self._maybe_lookup)
        self.ident.editingFinished.connect(self._maybe_lookup)
        self.officers.changed.connect(self.changed)
        self.public_role.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.notify_body.textChanged.connect(lambda *_: self.changed.emit())
        self._on_kind_changed()

    # ------------------------------------------------------------ state
    def party_kind(self) -> PartyKind:
        return PartyKind(self.kind.value() or PartyKind.PERSON.value)

    def set_index(self, index: int) -> None:
        self.index = index
        key = "Applicant %1" if self.side == "applicants" else "Respondent %1"
        self.title.setText(tr(key).replace("%1", str(index + 1)))

    def display_name(self) -> str:
        return self.name.text().strip() or tr(_NO_NAME)

    def has_data(self) -> bool:
        return bool(self.name.text().strip() or self.ident.text().strip()
                    or self.officers.model.rows)

    def _on_kind_changed(self, *_a: object) -> None:
        entity = self.party_kind() is PartyKind.ENTITY
        self.ident_label.setText(self.tr("Unified social credit code") if entity
                                 else self.tr("Resident ID number"))
        self.ident.setPlaceholderText("91110000600037341L" if entity else "110105194912310021")
        self.officers_box.setVisible(entity)
        self._update_info()
        self.identity_changed.emit()
        self.changed.emit()

    def _on_name_changed(self, *_a: object) -> None:
        self.identity_changed.emit()
        self.changed.emit()

    def _on_ident_changed(self, *_a: object) -> None:
        self._update_info()
        self.changed.emit()

    def _update_info(self) -> None:
        text, age = ("", None)
        if self.party_kind() is PartyKind.PERSON:
            text, age = id_summary(self.ident.text())
        self.info.setText(text)
        self.info.setVisible(bool(text))
        self.minor.setVisible(self.side == "respondents" and age is not None and age < 18)

    # ---------------------------------------------------- registered records
    def lookup_key(self) -> tuple[str, str, str]:
        return (self.party_kind().value, self.name.text().strip(),
                self.ident.text().strip().upper())

    def mark_looked_up(self) -> None:
        """The current name and number need no lookup (loaded or chosen from the register)."""
        self._looked_up = self.lookup_key()

    def _maybe_lookup(self) -> None:
        if self.read_only:
            return
        key = self.lookup_key()
        if key == self._looked_up:
            return
        self._looked_up = key
        if not key[1] and len(key[2]) < 6:
            self.show_matches([])
            return
        self.lookup_requested.emit(self)

    def show_matches(self, matches: list[PersonInfo]) -> None:
        while self._sugg_layout.count():
            item = self._sugg_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.use_buttons = []
        self.matches = matches[:3]
        for m in self.matches:
            row = QWidget(self.suggestions)
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            text = (self.tr("Already registered: %1 %2 (cases: %3)")
                    .replace("%1", m.name).replace("%2", m.identifier)
                    .replace("%3", str(m.case_count)))
            if m.kind is not self.party_kind():
                text += " · " + tr(PARTY_KIND[m.kind])
            lab = QLabel(text, row)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            btn = QPushButton(self.tr("Use this record"), row)
            btn.setToolTip(self.tr("Fill this party from the registered record, so that one "
                                   "person record serves every case"))
            btn.clicked.connect(lambda _c=False, m=m: self.use_record(m))
            h.addWidget(lab, 1)
            h.addWidget(btn)
            self._sugg_layout.addWidget(row)
            self.use_buttons.append(btn)
        self.suggestions.setVisible(bool(self.matches))

    def use_record(self, m: PersonInfo) -> None:
        """Take name, kind and number (and, for an entity, its officers) from the register."""
        self.kind.set_value(m.kind.value)
        self.name.setText(m.name)
        self.ident.setText(m.identifier)
        self.mark_looked_up()
        self.show_matches([])
        if m.kind is PartyKind.ENTITY:
            self.officers_requested.emit(self, m.id)

    def set_officers(self, officers: list[Officer]) -> None:
        self.officers.model.set_rows([
            {"role": o.role.value, "name": o.name, "id_number": o.id_number} for o in officers])

    # ------------------------------------------------------------ data
    def fill(self, p: Party) -> None:
        self.kind.set_value(p.kind.value)
        self.name.setText(p.name)
        self.ident.setText(p.identifier)
        self.public_role.set_value(p.public_role.value if p.public_role else None)
        self.notify_body.setText(p.notify_body)
        self.set_officers(p.officers)
        self.mark_looked_up()

    def collect(self, path: str, errors: list[FieldError]) -> Party:
        kind = self.party_kind()
        name = self.name.text().strip()
        role_value = self.public_role.value()
        public_role = PublicRole(role_value) if role_value else None
        body = self.notify_body.text().strip()
        if kind is PartyKind.PERSON:
            ident = normalise_ric(self.ident.text()) or None
            return Party(kind, name, id_number=ident, public_role=public_role, notify_body=body)
        officers: list[Officer] = []
        for j, r in enumerate(self.officers.model.rows):
            role = r.get("role")
            if role is None:
                errors.append(field_error(f"{path}.officers[{j}].role", "required"))
                role = OfficerRole.LEGAL_REPRESENTATIVE.value
            officers.append(Officer(OfficerRole(role), (r.get("name") or "").strip(),
                                    normalise_ric(r.get("id_number") or "")))
        code = normalise_uscc(self.ident.text()) or None
        return Party(kind, name, credit_code=code, officers=officers, public_role=public_role,
                     notify_body=body)

    def target(self, rest: list[tuple[str, int | None]]) -> Target | None:
        if not rest:
            return self._targets[""]
        name, idx = rest[0]
        if name == "officers" and idx is not None and len(rest) > 1:
            return self.officers.cell(idx, rest[1][0])
        return self._targets.get(name)

    def clear_errors(self) -> None:
        for t in set(self._targets.values()):
            t.clear_errors()
        self.officers.model.clear_errors()

    def set_read_only(self, ro: bool) -> None:
        self.read_only = ro
        self.kind.setEnabled(not ro)
        self.name.setReadOnly(ro)
        self.ident.setReadOnly(ro)
        self.remove_button.setVisible(not ro)
        self.officers.set_read_only(ro)
        if ro:
            self.show_matches([])


class PartiesSection(Section):
    """Applicants and respondents.

    Signals:
        respondents_changed(): a respondent was added, removed, renamed or changed kind.
    """

    respondents_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Parties"), self.tr(
            "A party already registered in another case is offered as soon as its ID number, "
            "credit code or exact name is entered, so that one person record serves every "
            "case."), parent=parent)
        self.lookup: Lookup | None = None
        self.fetch_person: FetchPerson | None = None
        self.cards: dict[str, list[PartyCard]] = {"applicants": [], "respondents": []}
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 8, 0)
        lay.setSpacing(8)
        self._boxes: dict[str, QVBoxLayout] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self._groups: dict[str, QWidget] = {}
        for side, title, add in (
                ("applicants", self.tr("Applicants"), self.tr("Add applicant")),
                ("respondents", self.tr("Respondents"), self.tr("Add respondent"))):
            group = QWidget(self.body)
            g = QVBoxLayout(group)
            g.setContentsMargins(0, 0, 0, 0)
            g.setSpacing(8)
            head = QLabel(title, group)
            f = QFont(head.font())
            f.setBold(True)
            f.setPointSizeF(f.pointSizeF() * 1.1)
            head.setFont(f)
            g.addWidget(head)
            cards = QVBoxLayout()
            cards.setSpacing(8)
            g.addLayout(cards)
            btn = QPushButton("+ " + add, group)
            btn.clicked.connect(lambda _c=False, s=side: self._on_add(s))
            row = QHBoxLayout()
            row.addWidget(btn)
            row.addStretch(1)
            g.addLayout(row)
            lay.addWidget(group)
            lay.addSpacing(8)
            self._boxes[side] = cards
            self.add_buttons[side] = btn
            self._groups[side] = group
            self._targets[side] = WidgetTarget(btn, frame=group)
        lay.addStretch(1)

    # ------------------------------------------------------------ cards
    def add_card(self, side: str, party: Party | None = None) -> PartyCard:
        card = PartyCard(side, self.body)
        if party is not None:
            card.fill(party)
        card.set_read_only(self.read_only)
        self.cards[side].append(card)
        self._boxes[side].addWidget(card)
        card.changed.connect(self.changed)
        card.lookup_requested.connect(self._on_lookup)
        card.remove_requested.connect(self._on_remove)
        card.officers_requested.connect(self._on_officers_requested)
        if side == "respondents":
            card.identity_changed.connect(self.respondents_changed)
        self._renumber(side)
        return card

    def _on_add(self, side: str) -> None:
        card = self.add_card(side)
        card.kind.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def remove_card(self, card: PartyCard) -> None:
        side = card.side
        self.cards[side].remove(card)
        self._boxes[side].removeWidget(card)
        card.deleteLater()
        self._renumber(side)
        self.changed.emit()

    def _on_remove(self, card: PartyCard) -> None:
        if card.has_data():
            answer = QMessageBox.question(
                self, self.tr("Remove party"),
                self.tr("Remove %1 from this case?").replace("%1", card.display_name()))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.remove_card(card)

    def _renumber(self, side: str) -> None:
        for i, c in enumerate(self.cards[side]):
            c.set_index(i)
        if side == "respondents":
            self.respondents_changed.emit()

    def _clear_side(self, side: str) -> None:
        for c in list(self.cards[side]):
            self._boxes[side].removeWidget(c)
            c.deleteLater()
        self.cards[side] = []

    # ---------------------------------------------------------- lookups
    def _on_lookup(self, card: PartyCard) -> None:
        if self.lookup is None:
            return
        card.lookup_seq += 1
        seq = card.lookup_seq
        _kind, name, ident = card.lookup_key()

        def done(matches: list[PersonInfo]) -> None:
            if shiboken6.isValid(card) and card.lookup_seq == seq and not card.read_only:
                card.show_matches(matches)

        self.lookup(name, ident, done)

    def _on_officers_requested(self, card: PartyCard, person_id: int) -> None:
        if self.fetch_person is None:
            return

        def done(party: Party) -> None:
            if shiboken6.isValid(card):
                card.set_officers(party.officers)

        self.fetch_person(person_id, done)

    # ------------------------------------------------------ respondents
    def respondent_choices(self) -> list[tuple[Any, str]]:
        return [(c.uid, f"{i + 1}. {c.display_name()}")
                for i, c in enumerate(self.cards["respondents"])]

    def respondent_index(self, uid: Any) -> int | None:
        for i, c in enumerate(self.cards["respondents"]):
            if c.uid == uid:
                return i
        return None

    def respondent_uid(self, index: int) -> int | None:
        cards = self.cards["respondents"]
        return cards[index].uid if 0 <= index < len(cards) else None

    # ------------------------------------------------------------ data
    def fill(self, case: EnforcementCase | None) -> None:
        for side in ("applicants", "respondents"):
            self._clear_side(side)
            parties = getattr(case, side) if case is not None else [None]
            for p in parties:
                self.add_card(side, p)
            self._renumber(side)

    def collect(self, errors: list[FieldError]) -> tuple[list[Party], list[Party]]:
        return (
            [c.collect(f"applicants[{i}]", errors) for i, c in enumerate(self.cards["applicants"])],
            [c.collect(f"respondents[{i}]", errors)
             for i, c in enumerate(self.cards["respondents"])],
        )

    def target(self, path: str) -> Target | None:
        segs = split_path(path)
        if not segs:
            return None
        side, idx = segs[0]
        if idx is None:
            return self._targets.get(side)
        cards = self.cards.get(side, [])
        if 0 <= idx < len(cards):
            return cards[idx].target(segs[1:])
        return self._targets.get(side)

    def clear_errors(self) -> None:
        super().clear_errors()
        for side in self.cards.values():
            for c in side:
                c.clear_errors()

    def set_read_only(self, ro: bool) -> None:
        super().set_read_only(ro)
        for b in self.add_buttons.values():
            b.setVisible(not ro)
        for side in self.cards.values():
            for c in side:
                c.set_read_only(ro)

    def first_input(self) -> QWidget | None:
        cards = self.cards["applicants"] or self.cards["respondents"]
        return cards[0].ident if cards else self.add_buttons["applicants"]

    def count_text(self) -> str:
        return str(len(self.cards["applicants"]) + len(self.cards["respondents"]))
