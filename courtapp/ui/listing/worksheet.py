"""The listing worksheet: one case, one respondent, one decision date.

Left, the assessment beside its evidence (every ground of 2017 Art. 1 and
every bar) and the respondent's state with its history.  Right, what the
judge decides: the open questions, the decision (term, extension, a warning
with a grace period), the consumption restriction order and the reasons.

Answering a question re-runs the core's pure
:func:`~courtapp.core.domain.assessment.assess_respondent` on a copy of the
case at once; nothing is stored until "Submit for signature", which saves the
answers as the case's findings (``update_case``, with the version read) and
prepares the draft decision (``prepare_listing``) for the president.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.assessment import RESTRICTION_BARS, Assessment, assess_respondent
from courtapp.core.domain.errors import ConflictError
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    Proposal,
    propose_restrictions,
)
from courtapp.core.domain.model import EnforcementCase, Finding, Party, PartyKind
from courtapp.core.domain.months import add_months
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.services import listing as ls
from courtapp.core.services import worksheet
from courtapp.ui.errors import conflict_text, describe
from courtapp.ui.i18n import Retranslating
from courtapp.ui.listing.data import WorksheetData, load_worksheet
from courtapp.ui.listing.evidence import Answers, EvidencePanel, evidence_rows
from courtapp.ui.listing.labels import (
    STATUS,
    bar_title,
    grounds_text,
    is_chinese,
    pydate,
    qdate,
    term_text,
    tl,
)
from courtapp.ui.listing.restriction import BoundPerson, RestrictionEditor
from courtapp.ui.listing.widgets import HistoryTable, StateStrip, banner, set_banner
from courtapp.ui.tasks import TaskRunner

#: The open questions, in the order they are asked.
QUESTIONS = ("able_to_perform", "later_in_order", "campus_loan_student", "serious_violence")


def answers_from(case: EnforcementCase, respondent: int) -> Answers:
    """The stored findings as answers; with no finding on record nothing is answered."""
    entity = case.respondents[respondent].kind is PartyKind.ENTITY
    f = next((f for f in case.findings if f.respondent == respondent), None)
    if f is None:
        return Answers(campus_loan_student=False if entity else None)
    return Answers(f.able_to_perform, f.later_in_performance_order,
                   False if entity else f.campus_loan_student, f.serious_violence,
                   "" if entity else f.campus_loan_exception_reason)


def finding_of(respondent: int, a: Answers) -> Finding:
    return Finding(respondent, a.able_to_perform, bool(a.later_in_order),
                   bool(a.campus_loan_student), bool(a.serious_violence),
                   a.campus_loan_exception_reason.strip() if a.campus_loan_student else "")


def complete(a: Answers) -> bool:
    return None not in (a.able_to_perform, a.later_in_order, a.campus_loan_student,
                        a.serious_violence)


class ListingWorksheet(Retranslating, QDialog):
    """The listing worksheet for one case (see the module docstring).

    Signals:
        loaded(): the case, its listings and history arrived (also after a reload).
        assessed(): the assessment was re-run (answers, date or respondent changed).
        listing_prepared(int): a draft decision was stored; its listing id.
        submit_failed(str): saving was refused; the message shown.
    """

    loaded = Signal()
    assessed = Signal()
    listing_prepared = Signal(int)
    submit_failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner, case_id: int, *,
                 respondent: int = 0, as_of: date | None = None,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ListingWorksheet")
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self.case_id = case_id
        self._today = today
        self._initial_respondent = respondent
        self.data: WorksheetData | None = None
        self.answers: dict[int, Answers] = {}
        self.assessment: Assessment | None = None
        self.proposal: Proposal | None = None
        self._busy = False
        self._draft_zh = ""
        self._draft_en = ""
        self.can_prepare = actor.can(Permission.LISTING_PREPARE) and actor.can(Permission.CASE_EDIT)

        # ------------------------------------------------------------ header
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.respondent_label = QLabel(self)
        self.respondent_combo = QComboBox(self)
        self.respondent_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.respondent_label.setBuddy(self.respondent_combo)
        self.date_label = QLabel(self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(today()))
        self.date_edit.setDate(qdate(as_of or today()))
        self.date_label.setBuddy(self.date_edit)
        self.state_strip = StateStrip(self)
        self.summary = banner(self)
        self.summary.setObjectName("summary")
        self.existing = banner(self)
        self.existing.setObjectName("existing")

        # -------------------------------------------------------------- left
        self.evidence = EvidencePanel(self)
        self.evidence_scroll = QScrollArea(self)
        self.evidence_scroll.setWidgetResizable(True)
        self.evidence_scroll.setWidget(self.evidence)
        self.evidence_scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.history = HistoryTable(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.evidence_scroll, "")
        self.tabs.addTab(self.history, "")

        # ------------------------------------------------------------- right
        right = QWidget(self)
        self.questions_box = QGroupBox(right)
        qgrid = QGridLayout(self.questions_box)
        qgrid.setHorizontalSpacing(12)
        qgrid.setColumnStretch(3, 1)
        self.question_labels: dict[str, QLabel] = {}
        self.question_help: dict[str, QLabel] = {}
        self.yes: dict[str, QRadioButton] = {}
        self.no: dict[str, QRadioButton] = {}
        self.groups: dict[str, QButtonGroup] = {}
        for row, key in enumerate(QUESTIONS):
            lab = QLabel(self.questions_box)
            lab.setWordWrap(True)
            yes = QRadioButton(self.questions_box)
            no = QRadioButton(self.questions_box)
            yes.setObjectName(f"{key}_yes")
            no.setObjectName(f"{key}_no")
            group = QButtonGroup(self)
            group.setExclusive(True)
            group.addButton(yes, 1)
            group.addButton(no, 0)
            group.buttonToggled.connect(self._on_answer_toggled)
            lab.setBuddy(yes)
            help_ = QLabel(self.questions_box)
            help_.setWordWrap(True)
            help_.setStyleSheet("color: #666;")
            qgrid.addWidget(lab, 2 * row, 0)
            qgrid.addWidget(yes, 2 * row, 1)
            qgrid.addWidget(no, 2 * row, 2)
            qgrid.addWidget(help_, 2 * row + 1, 0, 1, 4)
            self.question_labels[key] = lab
            self.question_help[key] = help_
            self.yes[key], self.no[key], self.groups[key] = yes, no, group
        # R-L16: a campus-loan student is listed or restricted only for a written reason.
        self.exception_label = QLabel(self.questions_box)
        self.exception_label.setWordWrap(True)
        self.exception_edit = QLineEdit(self.questions_box)
        self.exception_edit.setObjectName("campus_loan_exception_reason")
        self.exception_label.setBuddy(self.exception_edit)
        last = 2 * len(QUESTIONS)
        qgrid.addWidget(self.exception_label, last, 0)
        qgrid.addWidget(self.exception_edit, last, 1, 1, 3)

        self.decision_box = QGroupBox(right)
        dform = QFormLayout(self.decision_box)
        dform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.grounds_caption = QLabel(self.decision_box)
        self.grounds_value = QLabel(self.decision_box)
        self.grounds_value.setObjectName("grounds_value")
        self.grounds_value.setWordWrap(True)
        self.term_caption = QLabel(self.decision_box)
        self.term_value = QLabel(self.decision_box)
        self.term_value.setObjectName("term_value")
        self.term_value.setWordWrap(True)
        self.extension_label = QLabel(self.decision_box)
        self.extension_spin = QSpinBox(self.decision_box)
        self.extension_spin.setRange(0, 3)
        self.extension_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.extension_label.setBuddy(self.extension_spin)
        self.warning_check = QCheckBox(self.decision_box)
        self.months_label = QLabel(self.decision_box)
        self.months_spin = QSpinBox(self.decision_box)
        self.months_spin.setRange(1, 3)
        self.months_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.months_spin.setEnabled(False)
        self.months_label.setBuddy(self.months_spin)
        self.grace_value = QLabel(self.decision_box)
        self.grace_value.setObjectName("grace_value")
        self.grace_value.setWordWrap(True)
        months_row = QHBoxLayout()
        months_row.addWidget(self.months_spin)
        months_row.addWidget(self.grace_value, 1)
        self.manual_note = QLabel(self.decision_box)
        self.manual_note.setWordWrap(True)
        self.manual_note.setStyleSheet("color: #8a5a00;")
        dform.addRow(self.grounds_caption, self.grounds_value)
        dform.addRow(self.term_caption, self.term_value)
        dform.addRow(self.extension_label, self.extension_spin)
        dform.addRow(self.warning_check)
        dform.addRow(self.months_label, months_row)
        dform.addRow(self.manual_note)

        self.restriction_box = QGroupBox(right)
        rlay = QVBoxLayout(self.restriction_box)
        self.restriction_note = QLabel(self.restriction_box)
        self.restriction_note.setWordWrap(True)
        self.restriction_note.setStyleSheet("color: #8a5a00;")
        self.restriction = RestrictionEditor(self.restriction_box)
        rlay.addWidget(self.restriction_note)
        rlay.addWidget(self.restriction)

        self.reasons_box = QGroupBox(right)
        rform = QVBoxLayout(self.reasons_box)
        self.reasons_zh_label = QLabel(self.reasons_box)
        self.reasons_zh = QPlainTextEdit(self.reasons_box)
        self.reasons_zh.setObjectName("reasons_zh")
        self.reasons_zh.setTabChangesFocus(True)
        self.reasons_zh.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.reasons_zh_label.setBuddy(self.reasons_zh)
        self.reasons_en_label = QLabel(self.reasons_box)
        self.reasons_en = QPlainTextEdit(self.reasons_box)
        self.reasons_en.setObjectName("reasons_en")
        self.reasons_en.setTabChangesFocus(True)
        self.reasons_en.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.reasons_en_label.setBuddy(self.reasons_en)
        self.redraft_button = QPushButton(self.reasons_box)
        redraft_row = QHBoxLayout()
        redraft_row.addStretch(1)
        redraft_row.addWidget(self.redraft_button)
        rform.addWidget(self.reasons_zh_label)
        rform.addWidget(self.reasons_zh)
        rform.addWidget(self.reasons_en_label)
        rform.addWidget(self.reasons_en)
        rform.addLayout(redraft_row)

        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(4, 4, 8, 4)
        rcol.setSpacing(10)
        rcol.addWidget(self.questions_box)
        rcol.addWidget(self.decision_box)
        rcol.addWidget(self.restriction_box)
        rcol.addWidget(self.reasons_box)
        rcol.addStretch(1)
        self.right_scroll = QScrollArea(self)
        self.right_scroll.setWidgetResizable(True)
        self.right_scroll.setWidget(right)
        self.right_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.right_scroll)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)

        # ------------------------------------------------------------ bottom
        self.hint = banner(self)
        self.hint.setObjectName("hint")
        self.error = banner(self)
        self.error.setObjectName("error")
        self.success = banner(self)
        self.success.setObjectName("success")
        self.buttons = QDialogButtonBox(self)
        self.submit_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("submit")
        self.close_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.RejectRole)
        self.submit_button.setDefault(True)
        self.submit_button.setAutoDefault(True)
        self.close_button.setAutoDefault(False)
        self.submit_button.setEnabled(False)

        header = QGridLayout()
        header.setHorizontalSpacing(10)
        header.addWidget(self.title, 0, 0, 1, 6)
        header.addWidget(self.respondent_label, 1, 0)
        header.addWidget(self.respondent_combo, 1, 1)
        header.addWidget(self.date_label, 1, 2)
        header.addWidget(self.date_edit, 1, 3)
        header.setColumnStretch(5, 1)
        header.addWidget(self.state_strip, 2, 0, 1, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.existing)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.success)
        layout.addWidget(self.buttons)

        self.respondent_combo.currentIndexChanged.connect(self._on_respondent_changed)
        self.date_edit.dateChanged.connect(lambda _d: self.reassess())
        self.extension_spin.valueChanged.connect(lambda _v: self._update_submit())
        self.warning_check.toggled.connect(self._on_warning_toggled)
        self.months_spin.valueChanged.connect(lambda _v: self._update_grace())
        self.exception_edit.textEdited.connect(self._on_exception_edited)
        self.restriction.changed.connect(self._update_submit)
        self.reasons_zh.textChanged.connect(self._update_submit)
        self.reasons_en.textChanged.connect(self._update_submit)
        self.redraft_button.clicked.connect(self.redraft_reasons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self.retranslateUi()
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(min(112 * em, 1360), 840)
        self.splitter.setSizes([600, 560])
        self._set_enabled_inputs(False)
        self.reload()

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        ctx, actor, case_id = self._ctx, self._actor, self.case_id
        self._tasks.run_db(lambda: load_worksheet(ctx, actor, case_id),
                           on_done=self._on_loaded, on_error=self._on_load_failed, owner=self)

    def _on_loaded(self, data: WorksheetData) -> None:
        first = self.data is None
        self.data = data
        case = data.record.case
        # A reload keeps what the judge answered and has not saved yet.
        kept = self.answers
        self.answers = {i: kept.get(i) or answers_from(case, i)
                        for i in range(len(case.respondents))}
        if first:
            self.months_spin.setValue(data.settings.default_grace_months)
        self.respondent_combo.blockSignals(True)
        current = self.respondent_combo.currentIndex() if not first else self._initial_respondent
        self.respondent_combo.clear()
        for p in case.respondents:
            self.respondent_combo.addItem(self._respondent_text(p))
        self.respondent_combo.setCurrentIndex(max(0, min(current, len(case.respondents) - 1)))
        self.respondent_combo.blockSignals(False)
        self._set_enabled_inputs(True)
        self._show_title()
        self._on_respondent_changed(self.respondent_combo.currentIndex())
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        set_banner(self.error, "error",
                   self.tr("The case could not be loaded: %1").replace("%1", describe(exc)))

    # --------------------------------------------------------- respondent
    @property
    def respondent(self) -> int:
        return max(0, self.respondent_combo.currentIndex())

    @property
    def as_of(self) -> date:
        return pydate(self.date_edit.date())

    def _on_respondent_changed(self, _index: int) -> None:
        if self.data is None:
            return
        case = self.data.record.case
        i = self.respondent
        party = case.respondents[i]
        entity = party.kind is PartyKind.ENTITY
        self.question_labels["campus_loan_student"].setVisible(not entity)
        self.yes["campus_loan_student"].setVisible(not entity)
        self.no["campus_loan_student"].setVisible(not entity)
        self.question_help["campus_loan_student"].setVisible(not entity)
        self.exception_label.setVisible(not entity)
        self.exception_edit.setVisible(not entity)
        self._show_answers(self.answers[i])
        self.restriction.set_people([BoundPerson(None, party.name)])
        self._draft_zh = self._draft_en = ""
        self.reasons_zh.setPlainText("")
        self.reasons_en.setPlainText("")
        self.warning_check.setChecked(False)
        self.extension_spin.setValue(0)
        events = [e for e in self.data.events if e.respondent == i]
        self.history.set_events(events)
        self.state_strip.set_state(self.data.states.get(i), events)
        self.evidence_scroll.verticalScrollBar().setValue(0)
        self._fix_tab_order()
        self.reassess()

    def _show_answers(self, a: Answers) -> None:
        values = {"able_to_perform": a.able_to_perform, "later_in_order": a.later_in_order,
                  "campus_loan_student": a.campus_loan_student,
                  "serious_violence": a.serious_violence}
        for key, value in values.items():
            group = self.groups[key]
            group.blockSignals(True)
            group.setExclusive(False)
            self.yes[key].setChecked(value is True)
            self.no[key].setChecked(value is False)
            group.setExclusive(True)
            group.blockSignals(False)
        if self.exception_edit.text() != a.campus_loan_exception_reason:
            self.exception_edit.setText(a.campus_loan_exception_reason)
        self._enable_exception(a)

    def _enable_exception(self, a: Answers) -> None:
        self.exception_edit.setEnabled(bool(a.campus_loan_student) and self.can_prepare
                                       and self.data is not None)

    def _on_exception_edited(self, text: str) -> None:
        if self.data is None:
            return
        self.answers[self.respondent] = dataclasses.replace(
            self.answers[self.respondent], campus_loan_exception_reason=text)
        self.reassess()

    def answer(self, question: str, value: bool) -> None:
        """Answer one open question as the judge would (by its radio button)."""
        (self.yes if value else self.no)[question].click()

    def _on_answer_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if not checked or self.data is None:
            return
        values: dict[str, bool | None] = {}
        for key in QUESTIONS:
            bid = self.groups[key].checkedId()
            values[key] = None if bid == -1 else bool(bid)
        entity = self.data.record.case.respondents[self.respondent].kind is PartyKind.ENTITY
        self.answers[self.respondent] = Answers(
            values["able_to_perform"], values["later_in_order"],
            False if entity else values["campus_loan_student"], values["serious_violence"],
            self.answers[self.respondent].campus_loan_exception_reason)
        self._enable_exception(self.answers[self.respondent])
        self.reassess()

    # --------------------------------------------------------- assessment
    def case_with_answers(self, *, only_complete: bool = False) -> EnforcementCase:
        """The loaded case with the judge's answers as its findings (nothing stored).

        ``only_complete``: leave out respondents whose questions are not all
        answered (what is saved never turns "not answered" into "no").
        """
        assert self.data is not None
        case = self.data.record.case
        findings = {f.respondent: f for f in case.findings}
        for i, a in self.answers.items():
            if a != answers_from(case, i) and (complete(a) or not only_complete):
                findings[i] = finding_of(i, a)
        return dataclasses.replace(case, findings=[findings[k] for k in sorted(findings)])

    def current_listing(self) -> ls.ListingRecord | None:
        return self.data.current_listing(self.respondent) if self.data else None

    def reassess(self) -> None:
        """Run the pure assessment again for the answers and the date shown."""
        if self.data is None:
            return
        i, as_of = self.respondent, self.as_of
        case = self.case_with_answers()
        current = self.current_listing()
        grace = current.listing.grace_until if current else None
        a = assess_respondent(case, i, as_of, grace_until=grace)
        small = self.data.settings.small_amount
        self.assessment = a
        self.proposal = propose_restrictions(case, i, as_of, small_amount=small)
        answers = self.answers[i]
        self.evidence.set_rows(evidence_rows(case, i, as_of, a, answers, grace))
        self._show_summary(a, current)
        self._show_decision(a)
        listable = a.listable and current is None
        # R-L11, R-L13, R-L16: listable on another ground, but no restriction is available.
        restrict = listable and a.restriction != "unavailable"
        self._sync_people(a)
        self.restriction.set_context(case, as_of, self.proposal, small)
        self.warning_check.setEnabled(listable and self.can_prepare)
        self.months_spin.setEnabled(listable and self.can_prepare and self.warning_check.isChecked())
        self.extension_spin.setEnabled(listable and a.extendable and self.can_prepare)
        self.restriction.setVisible(restrict)
        self.restriction.setEnabled(self.can_prepare)
        self.restriction_note.setVisible(not restrict)
        if listable and not restrict:
            self.restriction_note.setText(self.tr(
                "No consumption restriction: %1. The listing carries none (2015 Provisions "
                "Art. 1; 2017 Provisions Art. 3 item (3); 2019 Opinion item 16).").replace(
                    "%1", ("；" if is_chinese() else "; ").join(
                        bar_title(b) for b in a.bars if b in RESTRICTION_BARS)))
        elif current is not None:
            self.restriction_note.setText(self.tr(
                "The current decision carries its own restriction order (see the Decisions "
                "page)."))
        elif not listable:
            self.restriction_note.setText(self.tr(
                "No restriction order here: the respondent is not listable. A listed "
                "respondent must be restricted (2015 Provisions Art. 1 para. 2); without a "
                "listing a restriction is discretionary (Art. 1 para. 1) and is not ordered "
                "from this worksheet."))
        self._redraft_if_untouched(a)
        self._update_grace()
        self._update_submit()
        self.assessed.emit()

    def _sync_people(self, a: Assessment) -> None:
        """The respondent and the officers the core says its restriction binds (R-C4)."""
        assert self.data is not None
        party = self.data.record.case.respondents[a.respondent]
        people = [BoundPerson(None, party.name)] + [
            BoundPerson(int(b["officer"]), str(b["name"]), str(b["role"])) for b in a.bound_persons]
        if people != [w.person for w in self.restriction.people]:
            self.restriction.set_people(people)
            self._fix_tab_order()

    def _show_summary(self, a: Assessment, current: ls.ListingRecord | None) -> None:
        sep = "；" if is_chinese() else "; "
        grace = current.listing.grace_until if current is not None else None
        if current is not None and grace is not None and "grace_period_running" in a.bars:
            # A warned respondent: the grace period is the warning running its course
            # (2019 Opinion item 15), not a bar on a decision already taken.
            if current.listing.status is ListingStatus.DRAFT:
                text = self.tr("Decision No. %1 with a warning awaits the president's "
                               "signature; its grace period would end on %2.")
            else:
                text = self.tr("Warned; grace ends on %2. Decision No. %1 is published after "
                               "that unless the respondent performs in full.")
            set_banner(self.summary, "warn", text.replace("%1", str(current.id))
                       .replace("%2", grace.isoformat()))
            self._show_existing(current)
            return
        ground1 = ""
        if 1 in a.grounds and 1 not in a.effective_grounds:
            ground1 = " " + self.tr("Ground (1) is barred: %1.").replace(
                "%1", sep.join(bar_title(b) for b in a.bars) or "–")
        if a.listable and a.restriction == "unavailable":
            set_banner(self.summary, "ok", self.tr(
                "Listable on %1. Term: %2. No consumption restriction is available: %3.")
                .replace("%1", grounds_text(a.effective_grounds))
                .replace("%2", term_text(a.term_years))
                .replace("%3", sep.join(bar_title(b) for b in a.bars if b in RESTRICTION_BARS))
                + ground1)
        elif a.listable:
            set_banner(self.summary, "ok", self.tr(
                "Listable on %1. Term: %2. Consumption restriction: mandatory once listed.")
                .replace("%1", grounds_text(a.effective_grounds))
                .replace("%2", term_text(a.term_years)) + ground1)
        elif a.grounds:
            set_banner(self.summary, "error", self.tr(
                "Not listable: %1 — found %2, but every ground is barred.")
                .replace("%1", sep.join(bar_title(b) for b in a.bars) or "–")
                .replace("%2", grounds_text(a.grounds)))
        else:
            why = sep.join(bar_title(b) for b in a.bars)
            set_banner(self.summary, "error" if why else "warn", self.tr(
                "Not listable: no ground of Art. 1 is established on the record.")
                + (" " + self.tr("Bars: %1.").replace("%1", why) if why else ""))
        self._show_existing(current)

    def _show_existing(self, current: ls.ListingRecord | None) -> None:
        if current is not None:
            rec = current.listing
            set_banner(self.existing, "info", self.tr(
                "This respondent already has a decision (No. %1, %2, dated %3). "
                "A new one cannot be prepared while it stands.")
                .replace("%1", str(current.id)).replace("%2", tl(STATUS[rec.status]))
                .replace("%3", rec.decided_on.isoformat()))
        else:
            set_banner(self.existing, "info", "")

    def _show_decision(self, a: Assessment) -> None:
        self.grounds_value.setText(grounds_text(a.effective_grounds) if a.effective_grounds
                                   else self.tr("none (not listable)"))
        if a.term_years is None and a.effective_grounds:
            self.term_value.setText(self.tr(
                "No fixed term: ground (1) alone; the entry stays until a deletion ground "
                "of Art. 10 applies."))
        elif a.term_years is not None:
            self.term_value.setText(self.tr("%1 years from the decision date (Art. 2 para. 1)")
                                    .replace("%1", str(a.term_years)))
        else:
            self.term_value.setText("–")
        self.extension_spin.setEnabled(a.extendable and self.can_prepare)
        if not a.extendable:
            self.extension_spin.setValue(0)
        self.extension_spin.setToolTip(self.tr(
            "An extension of 1 to 3 years is lawful only for serious violence or threats, or "
            "several dishonest acts (Art. 2 para. 1).") if not a.extendable else "")
        notes = []
        if "ground_one_with_fixed_term" in a.review:
            notes.append(self.tr(
                "Ground (1) stands together with a fixed-term ground: the rules do not settle "
                "whether the listing is open-ended. The 2-year term is proposed; decide and say "
                "so in the reasons."))
        if "co_debtor_property" in a.review:
            notes.append(self.tr(
                "A co-respondent's sealed, seized or frozen property covers the joint debt: "
                "decide whether it bars ground (1) for this respondent (2017 Provisions Art. 3 "
                "item (2)) and say so in the reasons."))
        self.manual_note.setVisible(bool(notes))
        self.manual_note.setText("\n".join(notes))

    def _on_warning_toggled(self, on: bool) -> None:
        self.months_spin.setEnabled(on and self.can_prepare and self.warning_check.isEnabled())
        self._update_grace()

    def grace_until(self) -> date | None:
        if not self.warning_check.isChecked():
            return None
        return add_months(self.as_of, self.months_spin.value())

    def _update_grace(self) -> None:
        g = add_months(self.as_of, self.months_spin.value())
        if self.warning_check.isChecked():
            self.grace_value.setText(self.tr(
                "until %1: decided but not published before then; performed in full by then, "
                "it is cancelled.").replace("%1", g.isoformat()))
        else:
            self.grace_value.setText(self.tr("(no warning: published once served)"))
        self._update_submit()

    # ------------------------------------------------------------ reasons
    def _drafts(self, a: Assessment) -> tuple[str, str]:
        return "\n".join(a.reasons_zh), "\n".join(a.reasons_en)

    def _redraft_if_untouched(self, a: Assessment) -> None:
        zh, en = self._drafts(a)
        for edit, old, new in ((self.reasons_zh, self._draft_zh, zh),
                               (self.reasons_en, self._draft_en, en)):
            if edit.toPlainText() in ("", old):
                edit.blockSignals(True)
                edit.setPlainText(new)
                edit.blockSignals(False)
        self._draft_zh, self._draft_en = zh, en

    def redraft_reasons(self) -> None:
        """Replace both reasons with a fresh draft from the assessment."""
        if self.assessment is None:
            return
        zh, en = self._drafts(self.assessment)
        self._draft_zh, self._draft_en = zh, en
        self.reasons_zh.setPlainText(zh)
        self.reasons_en.setPlainText(en)

    # ------------------------------------------------------------ submit
    def unanswered(self) -> list[str]:
        """The open questions not answered yet, by their key."""
        a = self.answers.get(self.respondent, Answers())
        values = {"able_to_perform": a.able_to_perform, "later_in_order": a.later_in_order,
                  "campus_loan_student": a.campus_loan_student,
                  "serious_violence": a.serious_violence}
        return [k for k in QUESTIONS if values[k] is None]

    def problems(self) -> list[str]:
        """Everything that keeps the decision from being submitted, in words."""
        if self.data is None or self.assessment is None:
            return [self.tr("the case is still loading")]
        out: list[str] = []
        if not self.can_prepare:
            out.append(self.tr("your roles do not allow preparing listing decisions"))
        missing = self.unanswered()
        if missing:
            names = ("、" if is_chinese() else ", ").join(
                self._question_name(k) for k in missing)
            out.append(self.tr("answer: %1").replace("%1", names))
        if self.current_listing() is not None:
            out.append(self.tr("this respondent already has a current decision"))
        elif not self.assessment.listable and not missing:
            out.append(self.tr("the respondent is not listable on this record"))
        elif not self.assessment.listable:
            out.append(self.tr("the respondent is not listable as answered so far"))
        if (self.assessment.listable and self.current_listing() is None
                and self.assessment.restriction != "unavailable"):
            out.extend(self.restriction.problems())
        if not self.reasons_zh.toPlainText().strip():
            out.append(self.tr("state the reasons for the decision (Chinese)"))
        return out

    def _question_name(self, key: str) -> str:
        return {
            "able_to_perform": self.tr("able to perform"),
            "later_in_order": self.tr("later in the order of performance"),
            "campus_loan_student": self.tr("campus-loan student"),
            "serious_violence": self.tr("serious violence or threats"),
        }[key]

    def _update_submit(self) -> None:
        if self._busy:
            return
        problems = self.problems()
        self.submit_button.setEnabled(not problems)
        if problems:
            sep = "；" if is_chinese() else "; "
            set_banner(self.hint, "warn", self.tr("To submit: %1.").replace(
                "%1", sep.join(problems)))
        else:
            set_banner(self.hint, "info", "")

    def listing(self) -> Listing:
        """The draft decision as the worksheet shows it now."""
        a = self.assessment
        assert a is not None
        return Listing(
            respondent=self.respondent, grounds=list(a.effective_grounds), decided_on=self.as_of,
            term_years=a.term_years,
            extension_years=self.extension_spin.value() if a.extendable else 0,
            grace_until=self.grace_until(),
            restrictions=self.restriction.restrictions() if a.restriction != "unavailable" else [],
            status=ListingStatus.DRAFT)

    def submit(self) -> None:
        """Save the answers as findings, then prepare the draft decision for signature."""
        if self._busy or self.data is None or self.problems():
            return
        data = self.data
        listing = self.listing()
        reasons_zh = self.reasons_zh.toPlainText()
        reasons_en = self.reasons_en.toPlainText()
        proportion = self.restriction.proportionality_reason()
        case = self.case_with_answers(only_complete=True)
        ctx, actor, case_id, version = self._ctx, self._actor, self.case_id, data.record.version
        set_banner(self.error, "error", "")
        set_banner(self.success, "ok", "")
        self._set_busy(True)

        self._tasks.run_db(
            lambda: worksheet.submit_worksheet(
                ctx.uow(), actor, case_id, version, case, listing, reasons_zh=reasons_zh,
                reasons_en=reasons_en, proportionality_reason=proportion),
            on_done=self._on_prepared, on_error=self._on_submit_failed, owner=self)

    def _on_prepared(self, rec: ls.ListingRecord) -> None:
        self._set_busy(False)
        set_banner(self.success, "ok", self.tr(
            "Draft decision No. %1 submitted for the president's signature.")
            .replace("%1", str(rec.id)))
        self.listing_prepared.emit(rec.id)
        self.reload()

    def _on_submit_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ConflictError):
            # Who changed the case and when (the audit trail); it is reloaded here.
            text = conflict_text(exc, reloaded=True)
            self.reload()
        else:
            lines = [f"• {line}" for line in describe(exc).splitlines()]
            text = self.tr("Nothing was saved:") + "\n" + "\n".join(lines)
        set_banner(self.error, "error", text)
        self.submit_failed.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy and not self.problems())
        self.close_button.setEnabled(not busy)

    def _set_enabled_inputs(self, on: bool) -> None:
        can = on and self.can_prepare
        for w in (*self.yes.values(), *self.no.values()):
            w.setEnabled(on)
        if on and self.data is not None:
            self._enable_exception(self.answers.get(self.respondent, Answers()))
        else:
            self.exception_edit.setEnabled(False)
        self.warning_check.setEnabled(can)
        self.reasons_zh.setReadOnly(not can)
        self.reasons_en.setReadOnly(not can)
        self.redraft_button.setEnabled(can)
        self.respondent_combo.setEnabled(on)
        self.date_edit.setEnabled(on)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    # ----------------------------------------------------------- keyboard
    def _fix_tab_order(self) -> None:
        """Header, the evidence, the questions, the decision, the order, the reasons, buttons."""
        chain: list[QWidget] = [self.respondent_combo, self.date_edit, self.tabs.tabBar(),
                                self.evidence_scroll, self.history]
        for key in QUESTIONS:
            chain += [self.yes[key], self.no[key]]
        chain += [self.exception_edit, self.extension_spin, self.warning_check, self.months_spin,
                  self.restriction.restore_button]
        for w in self.restriction.people:
            if w.same_as_entity is not None:
                chain.append(w.same_as_entity)
            chain += list(w.boxes.values())
        r = self.restriction
        chain += [r.from_date, r.until_check, r.until_date, r.reason_edit, r.proportion_edit,
                  self.reasons_zh, self.reasons_en, self.redraft_button, self.submit_button,
                  self.close_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # -------------------------------------------------------------- texts
    def _respondent_text(self, p: Party) -> str:
        kind = self.tr("entity") if p.kind is PartyKind.ENTITY else self.tr("natural person")
        return f"{p.name} ({kind})"

    def _show_title(self) -> None:
        if self.data is None:
            self.title.setText(self.tr("Listing worksheet"))
            return
        c = self.data.record.case
        self.title.setText(self.tr("Listing worksheet — %1 · %2").replace("%1", c.case_number)
                           .replace("%2", c.court.name))

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Listing worksheet"))
        self._show_title()
        self.respondent_label.setText(self.tr("&Respondent:"))
        self.date_label.setText(self.tr("Decision &date:"))
        self.date_edit.setToolTip(self.tr(
            "The assessment is made as of this date; the decision takes effect on the day "
            "the president signs it."))
        self.tabs.setTabText(0, self.tr("Assessment and evidence"))
        self.tabs.setTabText(1, self.tr("State and &history"))
        self.questions_box.setTitle(self.tr("Questions for the judge"))
        texts = {
            "able_to_perform": (self.tr("&Able to perform?"), self.tr(
                "Ground (1) needs a finding that the respondent can perform; “no” bars it "
                "(2017 Provisions Arts. 1 and 3 item (4)).")),
            "later_in_order": (self.tr("&Later in the order of performance?"), self.tr(
                "A respondent later in the order should not be enforced against yet; this "
                "bars ground (1) (Art. 3 item (3)).")),
            "campus_loan_student": (self.tr("Student with a &campus loan?"), self.tr(
                "A full-time student who became a debtor through a campus-loan dispute is "
                "generally neither listed nor restricted (2019 Opinion item 16); an exception "
                "needs your written reason below.")),
            "serious_violence": (self.tr("Serious &violence or threats?"), self.tr(
                "For recorded violence or threats: allows the 2-year term to be extended by 1 "
                "to 3 years (Art. 2 para. 1). It does not replace a conduct record.")),
        }
        for key, (text, help_) in texts.items():
            self.question_labels[key].setText(text)
            self.question_help[key].setText(help_)
            self.yes[key].setText(self.tr("Yes"))
            self.no[key].setText(self.tr("No"))
        self.exception_label.setText(self.tr("Written reason for an exce&ption:"))
        self.exception_edit.setPlaceholderText(self.tr(
            "Only to list or restrict the student all the same"))
        self.decision_box.setTitle(self.tr("Decision (决定书, 2017 Provisions Art. 5 para. 3)"))
        self.grounds_caption.setText(self.tr("Grounds:"))
        self.term_caption.setText(self.tr("Term:"))
        self.extension_label.setText(self.tr("E&xtension (years):"))
        self.warning_check.setText(self.tr("Issue a &warning with a grace period"))
        self.warning_check.setToolTip(self.tr(
            "2019 Opinion item 15: 1 to 3 months during which the listing is decided but not "
            "published."))
        self.months_label.setText(self.tr("&Months:"))
        self.restriction_box.setTitle(self.tr(
            "Consumption restriction order (限制消费令, 2015 Provisions Arts. 1, 3, 5)"))
        self.reasons_box.setTitle(self.tr("Reasons for the decision"))
        self.reasons_zh_label.setText(self.tr("Reasons in Chi&nese (for the decision):"))
        self.reasons_en_label.setText(self.tr("Reasons in En&glish:"))
        self.redraft_button.setText(self.tr("Redraf&t from the assessment"))
        self.submit_button.setText(self.tr("&Submit for signature"))
        self.close_button.setText(self.tr("Cl&ose"))
        if self.data is not None:
            for i, p in enumerate(self.data.record.case.respondents):
                self.respondent_combo.setItemText(i, self._respondent_text(p))
            self.reassess()
        else:
            self._update_grace()
