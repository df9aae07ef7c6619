"""The sections of the case form other than the parties.

Each section fills itself from an :class:`EnforcementCase`, collects its part
back (recording input that cannot be parsed as a :class:`FieldError` at the
field), and maps error paths to its fields.
"""

from __future__ import annotations

import contextlib
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.domain.errors import FieldError
from courtapp.core.domain.identifiers import (
    check_court_code,
    normalize_case_number,
    parse_case_number,
)
from courtapp.core.domain.model import (
    Basis,
    BasisKind,
    ConductRecord,
    ConductType,
    Court,
    EnforcementCase,
    ExecutionNotice,
    Finding,
    Obligation,
    ObligationKind,
    Payment,
    PropertyItem,
    PropertyKind,
    PropertyMeasure,
    SecurityItem,
    SecurityKind,
    ServiceMethod,
)
from courtapp.ui.case_form.base import Section, field_error, read_amount, read_date
from courtapp.ui.case_form.fields import (
    INFO_BG,
    INFO_FG,
    DateEdit,
    EnumCombo,
    OptionalDate,
    Target,
    WidgetTarget,
    field_box,
)
from courtapp.ui.case_form.labels import (
    BASIS_KIND,
    CONDUCT_TYPE,
    OBLIGATION_KIND,
    PROPERTY_KIND,
    PROPERTY_MEASURE,
    QT_TRANSLATE_NOOP,
    SECURITY_KIND,
    SERVICE_METHOD,
    split_path,
    tr,
)
from courtapp.ui.case_form.parties import PartiesSection
from courtapp.ui.case_form.records import Column, RecordTable

_FORM_WIDTH = 760


def _form(body: QWidget) -> QFormLayout:
    """A form of label/field rows, not wider than is comfortable to read."""
    outer = QVBoxLayout(body)
    outer.setContentsMargins(0, 4, 8, 0)
    holder = QWidget(body)
    holder.setMaximumWidth(_FORM_WIDTH)
    form = QFormLayout(holder)
    form.setContentsMargins(0, 0, 0, 0)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(10)
    outer.addWidget(holder)
    outer.addStretch(1)
    return form


def _choices(labels: dict[Any, str]) -> list[tuple[Any, str]]:
    return [(k.value, tr(v)) for k, v in labels.items()]


def _text(row: dict[str, Any], key: str) -> str:
    return (row.get(key) or "").strip()


def _amount_text(d: Decimal | None) -> str:
    return "" if d is None else str(d)


# ====================================================================== Case
class CaseSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Case"), self.tr(
            "The enforcement case number reads (year) + court code + type code + sequence + 号; "
            "full-width （） and ASCII () brackets are both accepted."), parent=parent)
        form = _form(self.body)
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText("(2026)京0105执1234号")
        self.case_number.setMaxLength(40)
        self.court_name = QLineEdit()
        self.court_name.setPlaceholderText(self.tr("e.g. 北京市朝阳区人民法院"))
        self.court_code = QLineEdit()
        self.court_code.setPlaceholderText("京0105")
        self.court_code.setMaxLength(8)
        self.court_code.setMaximumWidth(160)
        self.filed_on = DateEdit()
        self.judge = QLineEdit()
        self.judge.setMaxLength(100)
        for path, label, w, stretch in (
                ("case_number", self.tr("Case number"), self.case_number, True),
                ("court.name", self.tr("Enforcing court"), self.court_name, True),
                ("court.code", self.tr("Court code"), self.court_code, False),
                ("filed_on", self.tr("Filing date"), self.filed_on, False),
                ("judge", self.tr("Presiding judge"), self.judge, True)):
            box, _lab, target = field_box(w, stretch=stretch)
            form.addRow(label, box)
            self._targets[path] = target
        self._offered: tuple[str, str] | None = None  # this desk's court, as offered
        self.case_number.editingFinished.connect(self._on_number_finished)
        self.watch(self.case_number.textChanged, self.court_name.textChanged,
                   self.court_code.textChanged, self.filed_on.value_changed,
                   self.judge.textChanged)

    def _on_number_finished(self) -> None:
        """Take the court code from a valid case number when it is still empty, or
        when it is this desk's court as offered (:meth:`offer_court`) and the number
        names another court: then the offered name goes too."""
        if self.read_only:
            return
        try:
            n = parse_case_number(self.case_number.text())
        except ValueError:
            return
        offered = self._offered
        if offered is not None and self._still_offered() and n.court_code != offered[1]:
            self._offered = None
            self.court_name.clear()
            self.court_code.setText(n.court_code)
            return
        if not self.court_code.text().strip():
            self.court_code.setText(n.court_code)

    def _still_offered(self) -> bool:
        return self._offered is not None and (
            self.court_name.text(), self.court_code.text()) == self._offered

    def offer_court(self, name: str, code: str) -> bool:
        """This desk's court, recorded at set-up, for a NEW case: filled in when the
        user has typed no court and the case number (if any) is that court's, so the
        enforcing court is not typed on every case.  Returns whether it was filled."""
        if self.read_only or self.court_name.text().strip() or self.court_code.text().strip():
            return False
        try:
            number_code: str | None = parse_case_number(self.case_number.text()).court_code
        except ValueError:
            number_code = None
        if number_code is not None and number_code != code:
            return False
        self._offered = (name, code)
        self.court_name.setText(name)
        self.court_code.setText(code)
        return True

    def fill(self, case: EnforcementCase | None) -> None:
        self._offered = None
        self.case_number.setText(case.case_number if case else "")
        self.court_name.setText(case.court.name if case else "")
        self.court_code.setText(case.court.code if case else "")
        self.filed_on.set_value(case.filed_on if case else None)
        self.judge.setText(case.judge if case else "")

    def collect(self, errors: list[FieldError]) -> tuple[str, Court, Any, str]:
        number = self.case_number.text().strip()
        with contextlib.suppress(ValueError):  # validate_case names the rule
            number = normalize_case_number(number)
        code = self.court_code.text().strip()
        with contextlib.suppress(ValueError):
            code = check_court_code(code)
        filed = read_date(self.filed_on.value(), "filed_on", errors)
        return number, Court(self.court_name.text().strip(), code), filed, self.judge.text().strip()

    def set_read_only(self, ro: bool) -> None:
        super().set_read_only(ro)
        for w in (self.case_number, self.court_name, self.court_code, self.judge, self.filed_on):
            w.setReadOnly(ro)

    def first_input(self) -> QWidget | None:
        return self.case_number


# ===================================================================== Basis
class BasisSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enforcement basis"), self.tr(
            "The effective legal document that is being enforced (执行依据)."), parent=parent)
        form = _form(self.body)
        self.kind = EnumCombo(BASIS_KIND, none_text=self.tr("(choose)"))
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("e.g. 北京市朝阳区人民法院"))
        self.document_number = QLineEdit()
        self.document_number.setPlaceholderText("(2025)京0105民初5678号")
        self.effective_on = DateEdit()
        for path, label, w, stretch in (
                ("basis.kind", self.tr("Kind of document"), self.kind, False),
                ("basis.issuer", self.tr("Issuing body"), self.issuer, True),
                ("basis.document_number", self.tr("Document number"), self.document_number, True),
                ("basis.effective_on", self.tr("Effective date"), self.effective_on, False)):
            box, _lab, target = field_box(w, stretch=stretch)
            form.addRow(label, box)
            self._targets[path] = target
        self.watch(self.kind.currentIndexChanged, self.issuer.textChanged,
                   self.document_number.textChanged, self.effective_on.value_changed)

    def fill(self, case: EnforcementCase | None) -> None:
        b = case.basis if case else None
        self.kind.set_value(b.kind.value if b else None)
        self.issuer.setText(b.issuer if b else "")
        self.document_number.setText(b.document_number if b else "")
        self.effective_on.set_value(b.effective_on if b else None)

    def collect(self, errors: list[FieldError]) -> Basis:
        kind = self.kind.value()
        if kind is None:
            errors.append(field_error("basis.kind", "required"))
        return Basis(BasisKind(kind or BasisKind.OTHER.value), self.issuer.text().strip(),
                     self.document_number.text().strip(),
                     read_date(self.effective_on.value(), "basis.effective_on", errors))

    def set_read_only(self, ro: bool) -> None:
        super().set_read_only(ro)
        self.kind.setEnabled(not ro)
        for w in (self.issuer, self.document_number, self.effective_on):
            w.setReadOnly(ro)

    def first_input(self) -> QWidget | None:
        return self.kind


# ==================================================================== Notice
class NoticeSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Execution notice"), self.tr(
            "执行通知书 (CPL 2023 Art. 251). The notice must carry the risk warning about the list "
            "of dishonest judgment defaulters (2017 Provisions Art. 5 para. 1)."), parent=parent)
        form = _form(self.body)
        self.issued = QCheckBox(self.tr("An execution notice has been issued"))
        form.addRow("", self.issued)
        self.issued_on = DateEdit()
        self.deadline = DateEdit()
        self.served_on = OptionalDate()
        self.service_method = EnumCombo(SERVICE_METHOD, none_text=self.tr("(not served yet)"))
        self._rows: list[QWidget] = []
        for path, label, w, focus in (
                ("execution_notice.issued_on", self.tr("Issued on"), self.issued_on, None),
                ("execution_notice.deadline", self.tr("Performance deadline"), self.deadline,
                 None),
                ("execution_notice.served_on", self.tr("Served on"), self.served_on,
                 self.served_on.edit),
                ("execution_notice.service_method", self.tr("Method of service"),
                 self.service_method, None)):
            box, lab, target = field_box(w, stretch=False)
            if focus is not None:
                target = WidgetTarget(focus, lab, frame=focus)
            form.addRow(label, box)
            self._rows.append(box)
            self._targets[path] = target
        self._targets["execution_notice"] = WidgetTarget(self.issued)
        note = QLabel(self.tr("Leave “Served on” empty until the notice has actually been "
                              "served; until then the case stands at “notice not yet served”."))
        note.setWordWrap(True)
        note.setStyleSheet(
            f"background: {INFO_BG}; color: {INFO_FG}; border-radius: 3px; padding: 6px 8px;")
        form.addRow("", note)
        self.issued.toggled.connect(self._on_issued_toggled)
        self.watch(self.issued.toggled, self.issued_on.value_changed,
                   self.deadline.value_changed, self.served_on.edit.value_changed,
                   self.service_method.currentIndexChanged)
        self._on_issued_toggled(False)

    def _on_issued_toggled(self, on: bool) -> None:
        for r in self._rows:
            r.setEnabled(on)

    def fill(self, case: EnforcementCase | None) -> None:
        n = case.execution_notice if case else None
        self.issued.setChecked(n is not None)
        self.issued_on.set_value(n.issued_on if n else None)
        self.deadline.set_value(n.deadline if n else None)
        self.served_on.edit.set_value(n.served_on if n else None)
        self.service_method.set_value(n.service_method.value if n and n.service_method else None)
        self._on_issued_toggled(n is not None)

    def collect(self, errors: list[FieldError]) -> ExecutionNotice | None:
        if not self.issued.isChecked():
            return None
        method = self.service_method.value()
        return ExecutionNotice(
            read_date(self.issued_on.value(), "execution_notice.issued_on", errors),
            read_date(self.deadline.value(), "execution_notice.deadline", errors),
            self.served_on.edit.value(),
            ServiceMethod(method) if method else None)

    def set_read_only(self, ro: bool) -> None:
        super().set_read_only(ro)
        self.issued.setEnabled(not ro)
        self.issued_on.setReadOnly(ro)
        self.deadline.setReadOnly(ro)
        self.served_on.set_read_only(ro)
        self.service_method.setEnabled(not ro and self.issued.isChecked())

    def first_input(self) -> QWidget | None:
        return self.issued


# ==================================================================== Tables
class TableSection(Section):
    """A section that is one table of records, ``key[i].field`` in error paths."""

    def __init__(self, title: str, hint: str, key: str, columns: list[Column], add_text: str,
                 empty_text: str, *, can_add: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(title, hint, scroll=False, parent=parent)
        self.key = key
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = RecordTable(columns, add_text, empty_text, can_add=can_add, parent=self.body)
        lay.addWidget(self.table)
        self.model = self.table.model
        self.table.changed.connect(self.changed)
        self._targets[key] = WidgetTarget(self.table.view)

    def row_for(self, index: int) -> int:
        """The table row of the ``index``-th record in the collected case."""
        return index

    def target(self, path: str) -> Target | None:
        segs = split_path(path)
        if not segs or segs[0][0] != self.key:
            return None
        idx = segs[0][1]
        if idx is None:
            return self._targets[self.key]
        field = segs[1][0] if len(segs) > 1 else self.model.columns[0].key
        return self.table.cell(self.row_for(idx), field)

    def clear_errors(self) -> None:
        super().clear_errors()
        self.model.clear_errors()

    def set_read_only(self, ro: bool) -> None:
        super().set_read_only(ro)
        self.table.set_read_only(ro)

    def first_input(self) -> QWidget | None:
        return self.table.view

    def count_text(self) -> str:
        return str(len(self.model.rows)) if self.model.rows else ""


def _respondent_column(parties: PartiesSection) -> Column:
    return Column("respondent", QT_TRANSLATE_NOOP("CaseForm", "Respondent"), "choice",
                  choices=parties.respondent_choices, sample="1. 某某科技有限公司")


class _WithRespondent(TableSection):
    """A table whose rows name a respondent (by the card, so renumbering is safe)."""

    parties: PartiesSection

    def _defaults(self) -> dict[str, Any]:
        only = self.parties.respondent_choices()
        return {"respondent": only[0][0]} if len(only) == 1 else {}

    def respondent(self, row: dict[str, Any], path: str, errors: list[FieldError]) -> int:
        idx = self.parties.respondent_index(row.get("respondent"))
        if idx is None:
            errors.append(field_error(path, "required"))
            return -1
        return idx


class ObligationsSection(TableSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        def monetary(r: dict[str, Any]) -> bool:
            return r.get("kind") != ObligationKind.NON_MONETARY.value

        def non_monetary(r: dict[str, Any]) -> bool:
            return r.get("kind") == ObligationKind.NON_MONETARY.value

        cols = [
            Column("kind", QT_TRANSLATE_NOOP("CaseForm", "Kind"), "choice",
                   choices=lambda: _choices(OBLIGATION_KIND)),
            Column("amount", QT_TRANSLATE_NOOP("CaseForm", "Amount (CNY)"), "amount",
                   enabled=monetary),
            Column("description", QT_TRANSLATE_NOOP("CaseForm", "Description or act"),
                   stretch=True),
            Column("converted_amount", QT_TRANSLATE_NOOP("CaseForm", "Converted amount (CNY)"),
                   "amount", enabled=non_monetary, tooltip=QT_TRANSLATE_NOOP(
                       "CaseForm", "For an act only: the sum the enforcement basis orders in its "
                       "place if it is not performed. Without it, security or seized property "
                       "cannot cover the act (2017 Provisions Art. 3 items (1)-(2)).")),
        ]
        super().__init__(
            self.tr("Obligations"),
            self.tr("What the effective legal document orders the respondents to do. Amounts are "
                    "in yuan with at most two decimal places (e.g. 50000 or 50,000.00)."),
            "obligations", cols, self.tr("Add obligation"), self.tr("No obligations entered yet."),
            parent=parent)
        self.table.defaults = lambda: {"kind": ObligationKind.MONETARY.value}
        self.model.after_edit = self._after_edit

    @staticmethod
    def _after_edit(row: dict[str, Any], key: str) -> None:
        if key == "kind" and row.get("kind") == ObligationKind.NON_MONETARY.value:
            row["amount"] = ""
        elif key == "kind":
            row["converted_amount"] = ""

    def fill(self, case: EnforcementCase | None) -> None:
        self.model.set_rows([
            {"kind": o.kind.value, "amount": _amount_text(o.amount), "description": o.description,
             "converted_amount": _amount_text(o.converted_amount)}
            for o in (case.obligations if case else [])])

    def collect(self, errors: list[FieldError]) -> list[Obligation]:
        out = []
        for i, r in enumerate(self.model.rows):
            p = f"obligations[{i}]"
            kind = r.get("kind")
            if kind is None:
                errors.append(field_error(f"{p}.kind", "required"))
                kind = ObligationKind.MONETARY.value
            amount = converted = None
            if kind == ObligationKind.MONETARY.value:
                amount = read_amount(r.get("amount"), f"{p}.amount", errors, required=False)
            else:
                converted = read_amount(r.get("converted_amount"), f"{p}.converted_amount", errors,
                                        required=False)
            out.append(Obligation(ObligationKind(kind), _text(r, "description"), amount, converted))
        return out

    def non_monetary_choices(self) -> list[tuple[Any, str]]:
        return [(r["_uid"], f"{i + 1}. {_text(r, 'description') or tr(OBLIGATION_KIND[ObligationKind.NON_MONETARY])}")
                for i, r in enumerate(self.model.rows)
                if r.get("kind") == ObligationKind.NON_MONETARY.value]

    def uid_at(self, index: int | None) -> int | None:
        if index is None or not 0 <= index < len(self.model.rows):
            return None
        return int(self.model.rows[index]["_uid"])


class PaymentsSection(_WithRespondent):
    def __init__(self, parties: PartiesSection, obligations: ObligationsSection,
                 parent: QWidget | None = None) -> None:
        cols = [
            Column("on", QT_TRANSLATE_NOOP("CaseForm", "Date"), "date"),
            _respondent_column(parties),
            Column("amount", QT_TRANSLATE_NOOP("CaseForm", "Amount paid (CNY)"), "amount"),
            Column("act", QT_TRANSLATE_NOOP("CaseForm", "Act performed")),
            Column("obligation", QT_TRANSLATE_NOOP("CaseForm", "Obligation performed"), "choice",
                   choices=obligations.non_monetary_choices, none_text="—",
                   tooltip=QT_TRANSLATE_NOOP(
                       "CaseForm", "For an act: the non-monetary obligation it performs")),
            Column("evidence", QT_TRANSLATE_NOOP("CaseForm", "Evidence"), stretch=True),
        ]
        super().__init__(
            self.tr("Payments and performance"),
            self.tr("Each payment (an amount) or act of performance by a respondent. An act can "
                    "name the non-monetary obligation it performs."),
            "payments", cols, self.tr("Add payment or act"), self.tr("Nothing performed yet."),
            parent=parent)
        self.parties = parties
        self.obligations = obligations
        self.table.defaults = self._defaults

    def fill(self, case: EnforcementCase | None) -> None:
        self.model.set_rows([
            {"on": p.on, "respondent": self.parties.respondent_uid(p.respondent),
             "amount": _amount_text(p.amount), "act": p.act or "",
             "obligation": self.obligations.uid_at(p.obligation), "evidence": p.evidence}
            for p in (case.payments if case else [])])

    def collect(self, errors: list[FieldError]) -> list[Payment]:
        out = []
        for i, r in enumerate(self.model.rows):
            p = f"payments[{i}]"
            ob_uid = r.get("obligation")
            ob = self.obligations.model.index_of_uid(ob_uid) if ob_uid is not None else None
            out.append(Payment(
                on=read_date(r.get("on"), f"{p}.on", errors),
                respondent=self.respondent(r, f"{p}.respondent", errors),
                amount=read_amount(r.get("amount"), f"{p}.amount", errors, required=False),
                act=_text(r, "act") or None,
                obligation=ob,
                evidence=_text(r, "evidence")))
        return out


class PropertySection(_WithRespondent):
    def __init__(self, parties: PartiesSection, parent: QWidget | None = None) -> None:
        cols = [
            Column("kind", QT_TRANSLATE_NOOP("CaseForm", "Kind"), "choice",
                   choices=lambda: _choices(PROPERTY_KIND)),
            Column("description", QT_TRANSLATE_NOOP("CaseForm", "Description"), stretch=True),
            Column("value", QT_TRANSLATE_NOOP("CaseForm", "Estimated value (CNY)"), "amount"),
            Column("found_on", QT_TRANSLATE_NOOP("CaseForm", "Found on"), "date"),
            Column("measure", QT_TRANSLATE_NOOP("CaseForm", "Measure"), "choice",
                   choices=lambda: _choices(PROPERTY_MEASURE)),
            _respondent_column(parties),
        ]
        super().__init__(
            self.tr("Property found"),
            self.tr("Property of the respondents found by the court. Sealed, seized or frozen "
                    "property that covers the debt bars listing under Art. 1 item 1 "
                    "(2017 Provisions Art. 3 item 2)."),
            "property", cols, self.tr("Add property"), self.tr("No property found yet."),
            parent=parent)
        self.parties = parties
        self.table.defaults = lambda: {**self._defaults(), "measure": PropertyMeasure.NONE.value}

    def fill(self, case: EnforcementCase | None) -> None:
        self.model.set_rows([
            {"kind": x.kind.value, "description": x.description, "value": _amount_text(x.value),
             "found_on": x.found_on, "measure": x.measure.value,
             "respondent": self.parties.respondent_uid(x.respondent)}
            for x in (case.property if case else [])])

    def collect(self, errors: list[FieldError]) -> list[PropertyItem]:
        out = []
        for i, r in enumerate(self.model.rows):
            p = f"property[{i}]"
            kind = r.get("kind")
            if kind is None:
                errors.append(field_error(f"{p}.kind", "required"))
            measure = r.get("measure")
            if measure is None:
                errors.append(field_error(f"{p}.measure", "required"))
            out.append(PropertyItem(
                kind=PropertyKind(kind or PropertyKind.OTHER.value),
                description=_text(r, "description"),
                value=read_amount(r.get("value"), f"{p}.value", errors, required=True)
                or Decimal("0.00"),
                found_on=read_date(r.get("found_on"), f"{p}.found_on", errors),
                measure=PropertyMeasure(measure or PropertyMeasure.NONE.value),
                respondent=self.respondent(r, f"{p}.respondent", errors)))
        return out


class SecuritySection(_WithRespondent):
    def __init__(self, parties: PartiesSection, parent: QWidget | None = None) -> None:
        cols = [
            Column("kind", QT_TRANSLATE_NOOP("CaseForm", "Kind"), "choice",
                   choices=lambda: _choices(SECURITY_KIND)),
            Column("value", QT_TRANSLATE_NOOP("CaseForm", "Value (CNY)"), "amount"),
            _respondent_column(parties),
            Column("description", QT_TRANSLATE_NOOP("CaseForm", "Description"), stretch=True),
        ]
        super().__init__(
            self.tr("Security"),
            self.tr("Security provided for the respondents. Sufficient and effective security bars "
                    "listing under Art. 1 item 1 (2017 Provisions Art. 3 item 1)."),
            "security", cols, self.tr("Add security"), self.tr("No security provided."),
            parent=parent)
        self.parties = parties
        self.table.defaults = self._defaults

    def fill(self, case: EnforcementCase | None) -> None:
        self.model.set_rows([
            {"kind": s.kind.value, "value": _amount_text(s.value),
             "respondent": self.parties.respondent_uid(s.respondent), "description": s.description}
            for s in (case.security if case else [])])

    def collect(self, errors: list[FieldError]) -> list[SecurityItem]:
        out = []
        for i, r in enumerate(self.model.rows):
            p = f"security[{i}]"
            kind = r.get("kind")
            if kind is None:
                errors.append(field_error(f"{p}.kind", "required"))
            out.append(SecurityItem(
                kind=SecurityKind(kind or SecurityKind.OTHER.value),
                value=read_amount(r.get("value"), f"{p}.value", errors, required=True)
                or Decimal("0.00"),
                respondent=self.respondent(r, f"{p}.respondent", errors),
                description=_text(r, "description")))
        return out


class ConductSection(_WithRespondent):
    def __init__(self, parties: PartiesSection, parent: QWidget | None = None) -> None:
        cols = [
            Column("type", QT_TRANSLATE_NOOP("CaseForm", "Type of conduct"), "choice",
                   choices=lambda: _choices(CONDUCT_TYPE)),
            Column("on", QT_TRANSLATE_NOOP("CaseForm", "Date"), "date"),
            Column("description", QT_TRANSLATE_NOOP("CaseForm", "Description"), stretch=True),
            _respondent_column(parties),
        ]
        super().__init__(
            self.tr("Conduct"),
            self.tr("Dishonest conduct of a respondent; each type falls under a ground of "
                    "Art. 1 of the 2017 Provisions on the list of dishonest judgment defaulters."),
            "conduct", cols, self.tr("Add conduct"), self.tr("No conduct recorded."),
            parent=parent)
        self.parties = parties
        self.table.defaults = self._defaults

    def fill(self, case: EnforcementCase | None) -> None:
        self.model.set_rows([
            {"type": c.type.value, "on": c.on, "description": c.description,
             "respondent": self.parties.respondent_uid(c.respondent)}
            for c in (case.conduct if case else [])])

    def collect(self, errors: list[FieldError]) -> list[ConductRecord]:
        out = []
        for i, r in enumerate(self.model.rows):
            p = f"conduct[{i}]"
            typ = r.get("type")
            if typ is None:
                errors.append(field_error(f"{p}.type", "required"))
            out.append(ConductRecord(
                type=ConductType(typ or ConductType.ASSET_TRANSFER.value),
                on=read_date(r.get("on"), f"{p}.on", errors),
                description=_text(r, "description"),
                respondent=self.respondent(r, f"{p}.respondent", errors)))
        return out


_YES = QT_TRANSLATE_NOOP("CaseForm", "Yes")
_NO = QT_TRANSLATE_NOOP("CaseForm", "No")
_NOT_DETERMINED = QT_TRANSLATE_NOOP("CaseForm", "Not determined")

_FINDING_FLAGS = ("later_in_performance_order", "campus_loan_student", "serious_violence")


class FindingsSection(TableSection):
    """One row per respondent, kept in step with the Parties section."""

    def __init__(self, parties: PartiesSection, parent: QWidget | None = None) -> None:

        def name(r: dict[str, Any]) -> str:
            for uid, label in parties.respondent_choices():
                if uid == r.get("respondent"):
                    return label
            return ""

        cols = [
            Column("respondent", QT_TRANSLATE_NOOP("CaseForm", "Respondent"), "label",
                   display=name, sample="1. 某某某某科技有限公司"),
            Column("able_to_perform", QT_TRANSLATE_NOOP("CaseForm", "Able to perform"), "choice",
                   choices=lambda: [(True, tr(_YES)), (False, tr(_NO))],
                   none_text=_NOT_DETERMINED,
                   tooltip=QT_TRANSLATE_NOOP(
                       "CaseForm", "Able to perform but refuses: 2017 Provisions Art. 1 item 1")),
            Column("later_in_performance_order",
                   QT_TRANSLATE_NOOP("CaseForm", "Later in the order of performance"), "bool", tooltip=QT_TRANSLATE_NOOP(
                       "CaseForm", "Bars listing under Art. 1 item 1 (2017 Provisions Art. 3 "
                       "item 3)")),
            Column("campus_loan_student",
                   QT_TRANSLATE_NOOP("CaseForm", "Student in a campus-loan case"), "bool",
                   tooltip=QT_TRANSLATE_NOOP(
                       "CaseForm", "A full-time student who became a debtor through a campus-loan "
                       "dispute is generally neither listed nor restricted (2019 Opinion "
                       "item 16)")),
            Column("serious_violence", QT_TRANSLATE_NOOP("CaseForm", "Serious violence or threats"),
                   "bool", tooltip=QT_TRANSLATE_NOOP(
                       "CaseForm", "The recorded violence or threats were serious: the listing "
                       "period may be extended (2017 Provisions Art. 2). It needs a conduct "
                       "record of violence or threats; it does not replace one.")),
            Column("campus_loan_exception_reason",
                   QT_TRANSLATE_NOOP("CaseForm", "Reason for a campus-loan exception"),
                   stretch=True, enabled=lambda r: bool(r.get("campus_loan_student")),
                   tooltip=QT_TRANSLATE_NOOP(
                       "CaseForm", "Only to list or restrict a campus-loan student all the same: "
                       "the judge's written reason (2019 Opinion item 16)")),
        ]
        super().__init__(
            self.tr("Findings"),
            self.tr("The judge's findings on each respondent, used when deciding on listing."),
            "findings", cols, "", "", can_add=False, parent=parent)
        self.parties = parties
        self._emitted: list[int] = []

    def sync(self) -> None:
        """One row per current respondent, in their order; keeps what was entered."""
        by_uid = {r.get("respondent"): r for r in self.model.rows}
        rows = []
        for uid, _label in self.parties.respondent_choices():
            rows.append(by_uid.get(uid) or {"respondent": uid, "able_to_perform": None,
                                           "campus_loan_exception_reason": "",
                                           **dict.fromkeys(_FINDING_FLAGS, False)})
        if [r.get("respondent") for r in rows] != [r.get("respondent") for r in self.model.rows]:
            self.model.set_rows(rows)
        else:
            self.model.refresh_column("respondent")

    def fill(self, case: EnforcementCase | None) -> None:
        self.model.set_rows([])
        self.sync()
        for f in case.findings if case else []:
            uid = self.parties.respondent_uid(f.respondent)
            for r in self.model.rows:
                if r.get("respondent") == uid:
                    r.update(able_to_perform=f.able_to_perform, _explicit=True,
                             later_in_performance_order=f.later_in_performance_order,
                             campus_loan_student=f.campus_loan_student,
                             serious_violence=f.serious_violence,
                             campus_loan_exception_reason=f.campus_loan_exception_reason)
        self.model.set_rows(list(self.model.rows))

    def collect(self, errors: list[FieldError]) -> list[Finding]:
        """A finding for every respondent with something determined (or loaded with one)."""
        out = []
        self._emitted = []
        for row_no, r in enumerate(self.model.rows):
            if not (r.get("_explicit") or r.get("able_to_perform") is not None
                    or any(r.get(k) for k in _FINDING_FLAGS)
                    or _text(r, "campus_loan_exception_reason")):
                continue
            idx = self.parties.respondent_index(r.get("respondent"))
            if idx is None:
                continue
            self._emitted.append(row_no)
            out.append(Finding(idx, r.get("able_to_perform"),
                               bool(r.get("later_in_performance_order")),
                               bool(r.get("campus_loan_student")),
                               bool(r.get("serious_violence")),
                               _text(r, "campus_loan_exception_reason")
                               if r.get("campus_loan_student") else ""))
        return out

    def row_for(self, index: int) -> int:
        return self._emitted[index] if 0 <= index < len(self._emitted) else index
