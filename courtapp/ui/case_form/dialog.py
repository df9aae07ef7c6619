"""The case form: where an enforcement judge records a whole case.

Ten sections in a navigation list (Alt+1 … Alt+0, Ctrl+PgDown / Ctrl+PgUp),
a strip of live figures on top, and saving that is all or nothing: the form
validates locally first (:func:`validate_case`), then the service does, and on
any error the dialog stays open with the user's input and shows every
message at its field, in the UI language.  All database work goes through the
:class:`TaskRunner`.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QIcon, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.context import AppContext
from courtapp.core.domain.errors import (
    ConflictError,
    FieldError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from courtapp.core.domain.identifiers import parse_case_number
from courtapp.core.domain.model import EnforcementCase, Party, Stage
from courtapp.core.domain.money import format_amount
from courtapp.core.domain.roles import Actor, Permission
from courtapp.core.domain.validation import case_warnings, validate_case
from courtapp.core.services.cases import (
    CaseRecord,
    PersonInfo,
    create_case,
    get_case,
    get_person,
    similar_persons,
    update_case,
)
from courtapp.core.setup import court_identity
from courtapp.ui.case_form.base import Section
from courtapp.ui.case_form.fields import ERROR_BG, ERROR_RED, INFO_BG, INFO_FG, Target
from courtapp.ui.case_form.labels import (
    LOCATED,
    STAGE,
    current_language,
    describe_path,
    split_path,
    tr,
)
from courtapp.ui.case_form.parties import PartiesSection
from courtapp.ui.case_form.records import CellTarget, RecordTable
from courtapp.ui.case_form.sections import (
    BasisSection,
    CaseSection,
    ConductSection,
    FindingsSection,
    NoticeSection,
    ObligationsSection,
    PaymentsSection,
    PropertySection,
    SecuritySection,
)
from courtapp.ui.errors import describe
from courtapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Rules that compare two dates: when one of them could not be read, the
#: comparison says nothing and is not shown.
RELATED_PATHS: dict[str, tuple[str, ...]] = {
    "case_number.year_mismatch": ("filed_on",),
    "basis.after_filing": ("filed_on", "basis.effective_on"),
    "notice.issued_before_filing": ("filed_on", "execution_notice.issued_on"),
    "notice.deadline_before_issue": ("execution_notice.issued_on", "execution_notice.deadline"),
    "notice.served_before_issue": ("execution_notice.issued_on",),
}

NAV_ERRORS_ROLE = Qt.ItemDataRole.UserRole + 1


def merge_errors(input_errors: list[FieldError],
                 validation_errors: list[FieldError]) -> list[FieldError]:
    """Input that could not be read, then the rules it did not already explain.

    A field whose text could not be parsed (an amount "abc", an empty date)
    carries that message only, not also a rule about the stand-in value.
    """
    bad = {e.path for e in input_errors}
    out = list(input_errors)
    for e in validation_errors:
        if e.path in bad or any(p in bad for p in RELATED_PATHS.get(e.rule, ())):
            continue
        out.append(e)
    return out


class SummaryStrip(QFrame):
    """Live figures of the case being edited."""

    STAGE_COLOURS = {
        Stage.REGISTERED: "#607d8b", Stage.NOTICE_ISSUED: "#607d8b",
        Stage.PERFORMANCE_PERIOD: "#1565c0", Stage.IN_DEFAULT: "#c62828",
        Stage.PARTLY_PERFORMED: "#ef6c00", Stage.PERFORMED: "#2e7d32",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryStrip")
        self.setStyleSheet("QFrame#summaryStrip { background: palette(alternate-base);"
                           " border: 1px solid palette(midlight); border-radius: 6px; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(0)
        self.values: dict[str, QLabel] = {}
        captions = (("due", self.tr("Total due")), ("paid", self.tr("Paid")),
                    ("outstanding", self.tr("Outstanding")),
                    ("overdue", self.tr("Days past the deadline")), ("stage", self.tr("Stage")))
        for col, (key, caption) in enumerate(captions):
            cap = QLabel(caption, self)
            cap.setStyleSheet("color: #5f6b73;")
            val = QLabel("—", self)
            f = QFont(val.font())
            f.setPointSizeF(f.pointSizeF() * 1.2)
            f.setBold(True)
            val.setFont(f)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(cap, 0, col)
            grid.addWidget(val, 1, col)
            self.values[key] = val
        grid.setColumnStretch(len(captions), 1)

    def show_case(self, case: EnforcementCase | None, today: date | None = None) -> None:
        if case is None:
            for v in self.values.values():
                v.setText("—")
                v.setStyleSheet("")
            return
        today = today or date.today()
        outstanding = case.outstanding()
        self.values["due"].setText("¥" + format_amount(case.total_due()))
        self.values["paid"].setText("¥" + format_amount(case.total_paid()))
        self.values["outstanding"].setText("¥" + format_amount(outstanding))
        if case.execution_notice is None:
            self.values["overdue"].setText("—")
            self.values["overdue"].setStyleSheet("")
        else:
            days = case.days_past_deadline(today)
            self.values["overdue"].setText(str(days))
            self.values["overdue"].setStyleSheet(f"color: {ERROR_RED.name()};" if days else "")
        stage = case.stage(today)
        self.values["stage"].setText(tr(STAGE[stage]))
        self.values["stage"].setStyleSheet(f"color: {self.STAGE_COLOURS[stage]};")


class Banner(QFrame):
    """One line of state above the form: loading, saved-not, conflict... with an action."""

    STYLES = {
        "info": (INFO_BG, INFO_FG),
        "warning": ("#fff4e5", "#8a4b00"),
        "error": (ERROR_BG.name(), ERROR_RED.name()),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 8, 6)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton(self)
        self.action.setAutoDefault(False)
        self.action.hide()
        lay.addWidget(self.text, 1)
        lay.addWidget(self.action)
        self.kind = ""
        self._slot: Any = None
        self.action.clicked.connect(self._on_action)
        self.hide()

    def show_message(self, kind: str, text: str, action_text: str | None = None,
                     action: Any = None) -> None:
        bg, fg = self.STYLES[kind]
        self.kind = kind
        self.setStyleSheet(f"QFrame#banner {{ background: {bg}; border-radius: 4px; }}"
                           f"QFrame#banner QLabel {{ color: {fg}; }}")
        self.text.setText(text)
        self._slot = action
        self.action.setVisible(bool(action_text))
        self.action.setText(action_text or "")
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self._slot = None
        self.hide()

    def _on_action(self) -> None:
        if self._slot is not None:
            self._slot()


class CaseFormDialog(QDialog):
    """Create or edit one enforcement case.

    Signals:
        case_saved(int): the case id, after a successful save.
    """

    case_saved = Signal(int)

    def __init__(self, ctx: AppContext, actor: Actor, tasks: TaskRunner,
                 case_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._tasks = tasks
        self._case_id = case_id
        self._version: int | None = None
        self._loaded_case: EnforcementCase | None = None
        self._can_edit = actor.can(
            Permission.CASE_CREATE if case_id is None else Permission.CASE_EDIT)
        self._loaded = False
        self._saving = False
        self._filling = False
        self._dirty = False
        self._live = False
        self._server_errors: list[tuple[FieldError, Any]] = []
        self.errors: list[FieldError] = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self._refresh)
        self._build_ui()
        if case_id is None:
            self._start_new()
        else:
            self.reload()

    # ================================================================ layout
    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("New enforcement case"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setMinimumSize(960, 620)
        self.resize(1240, 820)
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 12, 14, 10)
        root.setSpacing(8)

        top = QHBoxLayout()
        self.title_label = QLabel(self.tr("New enforcement case"), self)
        f = QFont(self.title_label.font())
        f.setPointSizeF(f.pointSizeF() * 1.5)
        f.setBold(True)
        self.title_label.setFont(f)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.read_only_chip = QLabel(self.tr("Read only"), self)
        self.read_only_chip.setToolTip(self.tr(
            "Your role can view cases but not change them."))
        self.read_only_chip.setStyleSheet(
            "background: #eceff1; color: #37474f; border-radius: 9px; padding: 2px 10px;")
        self.read_only_chip.hide()
        top.addWidget(self.title_label)
        top.addSpacing(10)
        top.addWidget(self.read_only_chip)
        top.addStretch(1)
        root.addLayout(top)

        self.summary = SummaryStrip(self)
        root.addWidget(self.summary)
        self.banner = Banner(self)
        root.addWidget(self.banner)
        #: What deserves attention but does not stop saving (case_warnings, e.g. R-L11).
        self.warnings_banner = Banner(self)
        self.warnings_banner.setObjectName("warnings")
        root.addWidget(self.warnings_banner)
        self.warnings: list[FieldError] = []

        self.body = QWidget(self)
        h = QHBoxLayout(self.body)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(0)
        self.nav = QListWidget(self.body)
        self.nav.setObjectName("sectionNav")
        self.nav.setFixedWidth(264)
        self.nav.setIconSize(QSize(16, 16))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.nav.setStyleSheet(
            "QListWidget#sectionNav { border: none; border-right: 1px solid palette(midlight);"
            " background: palette(window); }"
            "QListWidget#sectionNav::item { padding: 7px 6px; }")
        self.stack = QStackedWidget(self.body)
        h.addWidget(self.nav)
        h.addWidget(self.stack, 1)
        root.addWidget(self.body, 1)

        self.case_section = CaseSection()
        self.basis_section = BasisSection()
        self.parties = PartiesSection()
        self.obligations = ObligationsSection()
        self.payments = PaymentsSection(self.parties, self.obligations)
        self.property_section = PropertySection(self.parties)
        self.security = SecuritySection(self.parties)
        self.notice = NoticeSection()
        self.conduct = ConductSection(self.parties)
        self.findings = FindingsSection(self.parties)
        self.sections: list[Section] = [
            self.case_section, self.basis_section, self.parties, self.obligations,
            self.payments, self.property_section, self.security, self.notice, self.conduct,
            self.findings]
        self._routes: dict[str, Section] = {
            "case_number": self.case_section, "court": self.case_section,
            "filed_on": self.case_section, "judge": self.case_section,
            "basis": self.basis_section, "applicants": self.parties,
            "respondents": self.parties, "obligations": self.obligations,
            "payments": self.payments, "property": self.property_section, "security": self.security,
            "execution_notice": self.notice, "conduct": self.conduct,
            "findings": self.findings,
        }
        for i, s in enumerate(self.sections):
            self.stack.addWidget(s)
            item = QListWidgetItem(self.nav)
            key = f"Alt+{(i + 1) % 10}"
            item.setToolTip(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
            s.changed.connect(self._on_changed)
            s.error_list.path_activated.connect(self.jump_to)
            QShortcut(QKeySequence(key), self, lambda i=i: self.go_to_section(i, focus=True))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self._step(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self._step(-1))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self.parties.lookup = self._lookup
        self.parties.fetch_person = self._fetch_person
        self.parties.respondents_changed.connect(self._on_respondents_changed)
        self.obligations.changed.connect(
            lambda: self.payments.model.refresh_column("obligation"))

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        hint = QLabel(self.tr("Alt+1 … Alt+0 or Ctrl+PgDown / Ctrl+PgUp: go to a section"), self)
        hint.setStyleSheet("color: #5f6b73;")
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        root.addLayout(bottom)
        self._update_nav()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a field must not press a button of the dialog (saving, adding a row).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            fw = QApplication.focusWidget()
            if isinstance(fw, QPushButton) and fw.isEnabled():
                fw.click()
            event.accept()
            return
        super().keyPressEvent(event)

    # ============================================================ navigation
    def go_to_section(self, index: int, *, focus: bool = False) -> None:
        if not 0 <= index < len(self.sections):
            return
        self.nav.setCurrentRow(index)
        if focus:
            w = self.sections[index].first_input()
            if w is not None and w.isEnabled():
                w.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _step(self, delta: int) -> None:
        self.go_to_section((self.nav.currentRow() + delta) % len(self.sections), focus=True)

    def section_for(self, path: str) -> Section | None:
        segs = split_path(path)
        return self._routes.get(segs[0][0]) if segs else None

    def jump_to(self, path: str) -> None:
        """Show the field of an error path and put the cursor in it."""
        s: Section | None = self.section_for(path)
        if s is None:
            return
        self.go_to_section(self.sections.index(s))
        t = s.target(path)
        if t is not None:
            t.focus()

    def _update_nav(self, counts: dict[int, int] | None = None) -> None:
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        blank = QPixmap(16, 16)
        blank.fill(Qt.GlobalColor.transparent)
        for i, s in enumerate(self.sections):
            item = self.nav.item(i)
            n = (counts or {}).get(i, 0)
            count = s.count_text()
            text = f"{(i + 1) % 10}   {s.title}" + (f"  ({count})" if count else "")
            item.setText(text)
            item.setData(NAV_ERRORS_ROLE, n)
            if n:
                item.setIcon(warn)
                item.setForeground(QBrush(ERROR_RED))
                item.setToolTip(self.tr("%1 problem(s) in this section").replace("%1", str(n)))
            else:
                item.setIcon(QIcon(blank))
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
                item.setToolTip(f"Alt+{(i + 1) % 10}")

    # ============================================================== state
    def _offer_court(self, court: tuple[str, str] | None) -> None:
        if court is None or not self._can_edit:
            return
        self._filling = True
        try:
            self.case_section.offer_court(*court)
        finally:
            self._filling = False

    def _start_new(self) -> None:
        self._fill(None)
        if self._can_edit:
            self._filling = True
            self.case_section.filed_on.set_value(date.today())
            self.case_section.judge.setText(self._actor.display_name)
            self._filling = False
            # A new case starts where typing starts: the case number (issue 12 §7).
            self.case_section.case_number.setFocus(Qt.FocusReason.OtherFocusReason)
            # The enforcing court is this desk's court (recorded at set-up), read off
            # the GUI thread and filled in if nothing was typed there meanwhile.
            ctx = self._ctx
            self._tasks.run_db(lambda: court_identity(ctx), on_done=self._offer_court,
                               on_error=lambda e: log.warning("court identity: %s", e),
                               owner=self)
        self._loaded = True
        self._apply_permissions()
        self._refresh()

    def reload(self) -> None:
        """(Re)load the case from the database; the form is disabled meanwhile."""
        if self._case_id is None:
            return
        self._loaded = False
        self.body.setEnabled(False)
        self.save_button.setEnabled(False)
        self.banner.show_message("info", self.tr("Loading the case…"))
        ctx, actor, case_id = self._ctx, self._actor, self._case_id
        self._tasks.run_db(lambda: get_case(ctx.uow(), actor, case_id=case_id),
                           on_done=self._on_loaded, on_error=self._on_load_failed)

    def _on_loaded(self, rec: CaseRecord) -> None:
        if not shiboken6.isValid(self):
            return
        self._version = rec.version
        self._loaded_case = rec.case
        self._fill(rec.case)
        self._loaded = True
        self._live = False
        self._server_errors = []
        self._present([])
        self.banner.clear()
        self.body.setEnabled(True)
        self._apply_permissions()
        self._set_title(rec.case.case_number)
        self._refresh()

    def _on_load_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, NotFound):
            text = self.tr("This case does not exist (any more).")
        elif isinstance(exc, PermissionDenied):
            text = self.tr("Your role does not allow you to view cases.")
        else:
            log.exception("loading case %s failed", self._case_id, exc_info=exc)
            text = self.tr("The case could not be loaded: %1").replace("%1", describe(exc))
        self.banner.show_message("error", text, self.tr("Try again"), self.reload)

    def _set_title(self, number: str) -> None:
        try:
            shown = parse_case_number(number).display()
        except ValueError:
            shown = number
        title = self.tr("Enforcement case %1").replace("%1", shown)
        self.title_label.setText(title)
        self.setWindowTitle(title)

    def _fill(self, case: EnforcementCase | None) -> None:
        self._filling = True
        try:
            # Parties before the tables that name respondents, obligations before payments.
            for s in (self.case_section, self.basis_section, self.parties, self.obligations,
                      self.notice, self.payments, self.property_section, self.security,
                      self.conduct, self.findings):
                s.fill(case)
        finally:
            self._filling = False
        self._dirty = False

    def _apply_permissions(self) -> None:
        ro = not self._can_edit
        for s in self.sections:
            s.set_read_only(ro)
        self.read_only_chip.setVisible(ro)
        self.save_button.setVisible(not ro)
        self.save_button.setEnabled(not ro and self._loaded)
        self.cancel_button.setText(self.tr("Close") if ro else self.tr("Cancel"))
        if ro and self._loaded:
            self.banner.show_message("info", self.tr(
                "Read only: your role can view cases but not change them."))

    @property
    def read_only(self) -> bool:
        return not self._can_edit

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def loaded(self) -> bool:
        return self._loaded

    def _on_changed(self) -> None:
        if self._filling or not self._loaded:
            return
        self._dirty = True
        self._refresh_timer.start()

    def _on_respondents_changed(self) -> None:
        for s in (self.payments, self.property_section, self.security, self.conduct):
            s.model.refresh_column("respondent")
        self.findings.sync()

    # ============================================================ building
    def build_case(self) -> tuple[EnforcementCase, list[FieldError]]:
        """The case as entered, and the input that could not be read (at its path)."""
        errors: list[FieldError] = []
        number, court, filed_on, judge = self.case_section.collect(errors)
        basis = self.basis_section.collect(errors)
        applicants, respondents = self.parties.collect(errors)
        case = EnforcementCase(
            case_number=number, court=court, filed_on=filed_on, judge=judge, basis=basis,
            applicants=applicants, respondents=respondents,
            obligations=self.obligations.collect(errors),
            execution_notice=self.notice.collect(errors),
            payments=self.payments.collect(errors),
            property=self.property_section.collect(errors),
            security=self.security.collect(errors),
            conduct=self.conduct.collect(errors),
            findings=self.findings.collect(errors),
        )
        listings = getattr(self._loaded_case, "listings", None)
        if listings:
            # Listing decisions belong to the listing service: carried through untouched.
            case.listings = list(listings)
        return case, errors

    def check(self) -> tuple[EnforcementCase, list[FieldError]]:
        """The case and every problem with it that can be found without the database."""
        case, input_errors = self.build_case()
        return case, merge_errors(input_errors, validate_case(case))

    def _refresh(self) -> None:
        """Recompute the live figures, and re-check the fields after a failed save."""
        if not self._loaded or not shiboken6.isValid(self):
            return
        case, input_errors = self.build_case()
        errors = merge_errors(input_errors, validate_case(case))
        self._show_figures(case, input_errors)
        self._show_warnings(case)
        if self._live:
            kept = [e for e, snap in self._server_errors if self._snapshot(e.path) == snap]
            self._present(errors + kept)
            if not errors and not kept and self.banner.kind == "error":
                self.banner.clear()
        else:
            self._update_nav(self._nav_counts())

    def _show_figures(self, case: EnforcementCase, input_errors: list[FieldError]) -> None:
        # Figures from amounts that cannot be read yet would mislead: show none.
        unreadable = any(e.path.startswith(("obligations", "payments"))
                         and e.path.endswith(".amount") for e in input_errors)
        try:
            self.summary.show_case(None if unreadable else case)
        except Exception:  # a half-entered case must not break the form
            log.debug("summary not computable", exc_info=True)
            self.summary.show_case(None)
        self.summary.setToolTip(self.tr("An amount in the form cannot be read yet.")
                                if unreadable else "")

    def _show_warnings(self, case: EnforcementCase) -> None:
        """Warnings about the case as entered: shown above the form, never blocking a save."""
        try:
            self.warnings = case_warnings(case)
        except Exception:  # a half-entered case must not break the form
            log.debug("warnings not computable", exc_info=True)
            self.warnings = []
        if not self.warnings:
            self.warnings_banner.clear()
            return
        lang = current_language()
        lines = [tr(LOCATED).replace("%1", describe_path(w.path)).replace("%2", w.message(lang))
                 for w in self.warnings]
        self.warnings_banner.show_message("warning", self.tr(
            "Warning (the case can still be saved):") + "\n" + "\n".join(lines))

    def _snapshot(self, path: str) -> Any:
        s = self.section_for(path)
        t = s.target(path) if s is not None else None
        return t.snapshot() if t is not None else None

    # ============================================================== errors
    def _nav_counts(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for e in self.errors:
            s = self.section_for(e.path)
            if s is not None:
                i = self.sections.index(s)
                counts[i] = counts.get(i, 0) + 1
        return counts

    def _present(self, errors: list[FieldError]) -> list[str]:
        """Mark every field with its errors; returns messages that have no field."""
        order = {s: i for i, s in enumerate(self.sections)}
        errors = sorted(errors, key=lambda e: order.get(self.section_for(e.path), 99))  # type: ignore[arg-type]
        self.errors = errors
        lang = current_language()
        for sec in self.sections:
            sec.clear_errors()
        grouped: dict[Any, tuple[Target, list[str]]] = {}
        per_section: dict[int, list[tuple[str, str]]] = {}
        loose: list[str] = []
        for e in errors:
            msg = e.message(lang)
            s: Section | None = self.section_for(e.path)
            if s is None:
                loose.append(f"{e.path}: {msg}" if e.path else msg)
                continue
            t = s.target(e.path)
            if t is not None:
                key = (id(t.table), t.row, t.key) if isinstance(t, CellTarget) else id(t)
                grouped.setdefault(key, (t, []))[1].append(msg)
            per_section.setdefault(order[s], []).append(
                (e.path, tr(LOCATED).replace("%1", describe_path(e.path)).replace("%2", msg)))
        for t, msgs in grouped.values():
            t.show_errors(list(dict.fromkeys(msgs)))
        for i, s in enumerate(self.sections):
            s.error_list.set_errors(per_section.get(i, []))
        self._update_nav(self._nav_counts())
        return loose

    def _show_errors(self, errors: list[FieldError]) -> None:
        """After a refused save: mark the fields, explain, go to the first problem."""
        self._live = True
        loose = self._present(errors)
        names = [s.title for i, s in enumerate(self.sections) if s.error_list.count()]
        text = (self.tr("Not saved. Correct the marked fields (%1 problems) in: %2")
                .replace("%1", str(len(errors))).replace("%2", "、".join(names)
                                                        if current_language() == "zh"
                                                        else ", ".join(names)))
        if loose:
            text += "\n" + "\n".join(loose)
        self.banner.show_message("error", text)
        if self.errors:
            self.jump_to(self.errors[0].path)

    # ================================================================ save
    def save(self) -> None:
        """Validate, then create or update the case off the GUI thread."""
        if not self._loaded or self._saving or not self._can_edit:
            return
        # Leaving the focused field commits an open table editor.
        self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)
        # The empty row a last Enter added goes now, not after this event (issue 12 §7).
        for table in self.findChildren(RecordTable):
            table.drop_untouched()
        self._refresh_timer.stop()
        case, input_errors = self.build_case()
        errors = merge_errors(input_errors, validate_case(case))
        self._show_figures(case, input_errors)
        if errors:
            self._server_errors = []
            self._show_errors(errors)
            return
        self._set_saving(True)
        ctx, actor, case_id, version = self._ctx, self._actor, self._case_id, self._version
        if case_id is None:
            def job() -> CaseRecord:
                return create_case(ctx.uow(), actor, case)
        else:
            assert version is not None

            def job() -> CaseRecord:
                return update_case(ctx.uow(), actor, case_id, version, case)
        self._tasks.run_db(job, on_done=self._on_saved, on_error=self._on_save_failed)

    def _set_saving(self, on: bool) -> None:
        self._saving = on
        self.body.setEnabled(not on)
        self.save_button.setEnabled(not on)
        self.cancel_button.setEnabled(not on)
        self.save_button.setText(self.tr("Saving…") if on else self.tr("Save"))
        if on:
            self.banner.show_message("info", self.tr("Saving the case…"))

    def _on_saved(self, rec: CaseRecord) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        self._case_id, self._version = rec.id, rec.version
        self._dirty = False
        self._live = False
        self._server_errors = []
        self._present([])
        self.banner.clear()
        self._set_title(rec.case.case_number)
        self.case_saved.emit(rec.id)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        if isinstance(exc, ValidationError):
            self._server_errors = [(e, self._snapshot(e.path)) for e in exc.errors]
            self._show_errors(list(exc.errors))
        elif isinstance(exc, ConflictError):
            self._on_conflict(exc)
        elif isinstance(exc, PermissionDenied):
            text = self.tr("Your role does not allow you to change cases. Nothing was saved.")
            self.banner.show_message("error", text)
            QMessageBox.warning(self, self.tr("Not permitted"), text)
        elif isinstance(exc, NotFound):
            text = self.tr("This case no longer exists; it may have been deleted. "
                           "Nothing was saved.")
            self.banner.show_message("error", text)
            QMessageBox.warning(self, self.tr("Case not found"), text)
        else:
            log.error("saving case failed", exc_info=exc)
            text = (self.tr("The case could not be saved: %1\nNothing was saved; your input is "
                            "still in the form.").replace("%1", describe(exc)))
            self.banner.show_message("error", text)
            QMessageBox.critical(self, self.tr("Saving failed"), text)

    def _on_conflict(self, exc: ConflictError) -> None:
        text = describe(exc)  # who changed it and when (issue 10 §2)
        self.banner.show_message("warning", text, self.tr("Reload the case"), self.reload)
        answer = QMessageBox.question(
            self, self.tr("Case changed by someone else"),
            text + "\n\n" + self.tr("Reload the case now? The changes in this form will be "
                                    "discarded. Choose No to keep your input on screen (for "
                                    "example to copy it) and reload later."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.reload()

    # ============================================================ closing
    def reject(self) -> None:
        if self._saving:
            return  # the save finishes first; the service is all or nothing
        if self._dirty and self._can_edit and self._loaded:
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"),
                self.tr("This case has changes that have not been saved. Close the form and "
                        "discard them?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    # ========================================================== lookups
    def _lookup(self, name: str, identifier: str, done: Any) -> None:
        ctx, actor = self._ctx, self._actor

        def ok(matches: list[PersonInfo]) -> None:
            if shiboken6.isValid(self):
                done(matches)

        self._tasks.run_db(
            lambda: similar_persons(ctx.uow(), actor, name=name, identifier=identifier),
            on_done=ok, on_error=lambda e: log.warning("person lookup failed: %s", e))

    def _fetch_person(self, person_id: int, done: Any) -> None:
        ctx, actor = self._ctx, self._actor

        def ok(party: Party) -> None:
            if shiboken6.isValid(self):
                done(party)

        self._tasks.run_db(lambda: get_person(ctx.uow(), actor, person_id),
                           on_done=ok, on_error=lambda e: log.warning("person fetch failed: %s", e))


__all__ = ["CaseFormDialog", "merge_errors"]

