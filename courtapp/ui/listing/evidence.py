"""The assessment beside its evidence: each ground of 2017 Art. 1 and each bar,
with what the case record holds for it.

Whether a ground is established or a bar applies comes from the core's
:class:`~courtapp.core.domain.assessment.Assessment`; this module only lays
the case's facts beside each conclusion (property and its measure, conduct,
payments, security, the notice, the age from the ID number, the answers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from courtapp.core.domain.assessment import GROUND1_BARS, RESTRICTION_BARS, Assessment
from courtapp.core.domain.identifiers import resident_id_info
from courtapp.core.domain.model import (
    CONDUCT_GROUND,
    EnforcementCase,
    ObligationKind,
    PartyKind,
    PropertyItem,
    PropertyMeasure,
)
from courtapp.ui.i18n import QT_TRANSLATE_NOOP
from courtapp.ui.listing.labels import (
    BAR,
    CONDUCT,
    PROPERTY_KIND,
    PROPERTY_MEASURE,
    SECURITY_KIND,
    SERVICE_METHOD,
    bar_article,
    bar_title,
    ground_article,
    ground_number,
    ground_title,
    is_chinese,
    label,
    tl,
    yuan,
)

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Answers:
    """The judge's answers to the open questions; None is not answered yet."""

    able_to_perform: bool | None = None
    later_in_order: bool | None = None
    campus_loan_student: bool | None = None
    serious_violence: bool | None = None
    #: The judge's written reason for a campus-loan exception (2019 Opinion item 16).
    campus_loan_exception_reason: str = ""


#: Row status → (label, text colour, background).
STATUS_STYLE: dict[str, tuple[str, str, str]] = {
    "established": (QT_TRANSLATE_NOOP("Listing", "Established"), "#ffffff", "#2e7d32"),
    "barred": (QT_TRANSLATE_NOOP("Listing", "Barred"), "#ffffff", "#b3261e"),
    "not_found": (QT_TRANSLATE_NOOP("Listing", "Not found"), "#555555", "#e6e6e6"),
    "open": (QT_TRANSLATE_NOOP("Listing", "Answer needed"), "#3d2a00", "#ffd666"),
    "applies": (QT_TRANSLATE_NOOP("Listing", "Applies"), "#ffffff", "#b3261e"),
    "clear": (QT_TRANSLATE_NOOP("Listing", "Does not apply"), "#1d4d1f", "#dcefdc"),
}


@dataclass(frozen=True)
class EvidenceRow:
    kind: str  # ground | bar
    key: str  # "1".."6" or a bar code
    status: str  # a key of STATUS_STYLE
    title: str
    article: str
    scope: str  # bars: which grounds it blocks
    evidence: list[str]


#: The sentences of the evidence column; ``%1``… are filled in by :func:`_say`.
_TEXT: dict[str, str] = {
    "not_answered": QT_TRANSLATE_NOOP("Listing", "not answered yet"),
    "yes": QT_TRANSLATE_NOOP("Listing", "yes"),
    "no": QT_TRANSLATE_NOOP("Listing", "no"),
    "property": QT_TRANSLATE_NOOP("Listing", "%1, %2: %3, found %4 — %5"),
    "able": QT_TRANSLATE_NOOP("Listing", "Judge's finding, able to perform: %1"),
    "no_property": QT_TRANSLATE_NOOP("Listing", "No property found on record."),
    "paid": QT_TRANSLATE_NOOP("Listing", "Paid so far: %1 (payments recorded: %2)"),
    "outstanding": QT_TRANSLATE_NOOP("Listing", "Outstanding: %1"),
    "no_conduct": QT_TRANSLATE_NOOP("Listing", "No conduct of this kind recorded."),
    "conduct": QT_TRANSLATE_NOOP("Listing", "%1 %2: %3"),
    "security_item": QT_TRANSLATE_NOOP("Listing", "%1: %2"),
    "described": QT_TRANSLATE_NOOP("Listing", "%1 — %2"),
    "due": QT_TRANSLATE_NOOP("Listing", "Due %1; paid %2; outstanding %3."),
    "not_performed": QT_TRANSLATE_NOOP("Listing", "Not performed: %1"),
    "performed": QT_TRANSLATE_NOOP("Listing", "Performed: %1"),
    "no_notice": QT_TRANSLATE_NOOP("Listing", "No execution notice recorded."),
    "served": QT_TRANSLATE_NOOP("Listing", "served %1 (%2)"),
    "not_served": QT_TRANSLATE_NOOP("Listing", "not served"),
    "notice": QT_TRANSLATE_NOOP("Listing", "Execution notice issued %1, %2."),
    "deadline": QT_TRANSLATE_NOOP("Listing", "Performance deadline: %1 (assessed as of %2)."),
    "grace": QT_TRANSLATE_NOOP("Listing", "Grace period of the current decision until %1."),
    "no_grace": QT_TRANSLATE_NOOP("Listing", "No grace period running."),
    "entity": QT_TRANSLATE_NOOP("Listing", "An entity: not applicable."),
    "age": QT_TRANSLATE_NOOP("Listing", "ID number %1: born %2, age %3 on %4."),
    "no_age": QT_TRANSLATE_NOOP("Listing", "No valid ID number: the age cannot be read."),
    "finding": QT_TRANSLATE_NOOP("Listing", "Judge's finding: %1"),
    "security": QT_TRANSLATE_NOOP("Listing", "Security %1 against outstanding %2."),
    "no_security": QT_TRANSLATE_NOOP("Listing", "No security provided."),
    "no_held": QT_TRANSLATE_NOOP("Listing", "No property sealed, seized or frozen."),
    "held": QT_TRANSLATE_NOOP("Listing", "Held %1 against outstanding %2."),
    "barred_by": QT_TRANSLATE_NOOP("Listing", "Barred by: %1."),
    "ground1_only": QT_TRANSLATE_NOOP("Listing", "Bars ground (1) only"),
    "every_ground": QT_TRANSLATE_NOOP("Listing", "Bars every ground"),
    "ground1_restriction": QT_TRANSLATE_NOOP(
        "Listing", "Bars ground (1) and a consumption restriction"),
    "every_ground_restriction": QT_TRANSLATE_NOOP(
        "Listing", "Bars every ground and a consumption restriction"),
    "served_late": QT_TRANSLATE_NOOP(
        "Listing", "Served on %1, on or after the deadline of %2: the respondent never had the "
        "period to perform. Ground (1) and a restriction wait for a fresh notice with a new "
        "deadline, served, and that deadline passed."),
    "exception": QT_TRANSLATE_NOOP("Listing", "The judge's written reason for an exception: %1"),
    "no_exception": QT_TRANSLATE_NOOP("Listing", "No written reason for an exception."),
    "everything": QT_TRANSLATE_NOOP(
        "Listing", "Everything outstanding under the basis: %1 (money %2, acts converted %3)."),
    "act_uncovered": QT_TRANSLATE_NOOP(
        "Listing", "Unperformed act with no money equivalent: %1 — money or property cannot "
        "perform it."),
    "co_held": QT_TRANSLATE_NOOP("Listing", "Co-respondent %1: %2 held — for the judge to weigh."),
}


def _say(key: str, *args: str) -> str:
    """The translated sentence ``key`` with ``%1``, ``%2``… replaced by ``args``."""
    text = tl(_TEXT[key])
    for n, arg in reversed(list(enumerate(args, 1))):
        text = text.replace(f"%{n}", arg)
    return text


def _yes_no(value: bool | None) -> str:
    return _say("not_answered") if value is None else _say("yes" if value else "no")


def evidence_rows(case: EnforcementCase, respondent: int, as_of: date, a: Assessment,
                  answers: Answers, grace_until: date | None) -> list[EvidenceRow]:
    """One row per ground (1–6) and per bar, with the evidence from ``case``."""
    party = case.respondents[respondent]
    entity = party.kind is PartyKind.ENTITY
    rows: list[EvidenceRow] = []
    conduct = [c for c in case.conduct if c.respondent == respondent and c.on <= as_of]
    found = [p for p in case.property if p.respondent == respondent and p.found_on <= as_of]
    held = [p for p in found if p.measure is not PropertyMeasure.NONE]
    outstanding = case.outstanding(as_of)
    cover = case.outstanding_in_money(as_of)
    paid = case.total_paid(as_of)
    payments = [p for p in case.payments if p.on <= as_of and p.amount is not None]

    def property_lines(items: list[PropertyItem]) -> list[str]:
        return [_say("property", label(PROPERTY_KIND, p.kind), label(PROPERTY_MEASURE, p.measure),
                     yuan(p.value), p.found_on.isoformat(), p.description or "–") for p in items]

    def everything() -> list[str]:
        """R-L14: what security and held property are weighed against."""
        left = case.unperformed_acts(as_of)
        uncovered = [case.obligations[i].description for i in left
                     if case.obligations[i].converted_amount is None]
        if uncovered:
            return [_say("act_uncovered", d) for d in uncovered]
        total = cover if cover is not None else outstanding
        return [_say("everything", yuan(total), yuan(outstanding), yuan(total - outstanding))]

    # ------------------------------------------------------------ grounds
    for g in range(1, 7):
        if g in a.effective_grounds:
            status = "established"
        elif g in a.grounds:
            status = "barred"
        elif g == 1 and answers.able_to_perform is None:
            status = "open"
        else:
            status = "not_found"
        ev: list[str] = []
        if status == "barred":
            blocking = [bar_title(b) for b in a.bars if g == 1 or b not in GROUND1_BARS]
            ev.append(_say("barred_by", ("；" if is_chinese() else "; ").join(blocking)))
        if g == 1:
            ev.append(_say("able", _yes_no(answers.able_to_perform)))
            ev.extend(property_lines(found) or [_say("no_property")])
            if payments:
                ev.append(_say("paid", yuan(paid), str(len(payments))))
            ev.append(_say("outstanding", yuan(outstanding)))
        else:
            acts = [c for c in conduct if CONDUCT_GROUND[c.type] == g]
            ev.extend(_say("conduct", c.on.isoformat(), label(CONDUCT, c.type), c.description or "–")
                      for c in acts)
            ev.extend([] if acts else [_say("no_conduct")])
        rows.append(EvidenceRow("ground", str(g), status, f"{ground_number(g)} {ground_title(g)}",
                                ground_article(g), "", ev))

    # --------------------------------------------------------------- bars
    n = case.execution_notice
    question_of = {"later_in_order": answers.later_in_order,
                   "not_able_to_perform": answers.able_to_perform,
                   "campus_loan_student": False if entity else answers.campus_loan_student}
    for code in BAR:
        if code in a.bars:
            status = "applies"
        elif code in question_of and question_of[code] is None:
            status = "open"
        else:
            status = "clear"
        ev = []
        if code == "nothing_outstanding":
            ev.append(_say("due", yuan(case.total_due()), yuan(paid), yuan(outstanding)))
            left = case.unperformed_acts(as_of)
            for i, o in enumerate(case.obligations):
                if o.kind is ObligationKind.NON_MONETARY:
                    ev.append(_say("not_performed" if i in left else "performed", o.description))
        elif code in ("notice_not_served", "notice_served_late", "performance_period_running"):
            if n is None:
                ev.append(_say("no_notice"))
            else:
                method = label(SERVICE_METHOD, n.service_method) if n.service_method else "–"
                served = (_say("served", n.served_on.isoformat(), method) if n.served_on
                          else _say("not_served"))
                ev.append(_say("notice", n.issued_on.isoformat(), served))
                ev.append(_say("deadline", n.deadline.isoformat(), as_of.isoformat()))
                if code == "notice_served_late" and code in a.bars and n.served_on:
                    ev.append(_say("served_late", n.served_on.isoformat(), n.deadline.isoformat()))
        elif code == "grace_period_running":
            ev.append(_say("grace", grace_until.isoformat()) if grace_until else _say("no_grace"))
        elif code == "minor":
            if entity:
                ev.append(_say("entity"))
            else:
                try:
                    info = resident_id_info(party.id_number or "")
                    ev.append(_say("age", party.id_number or "", info.birth_date.isoformat(),
                                   str(info.age_on(as_of)), as_of.isoformat()))
                except ValueError:
                    ev.append(_say("no_age"))
        elif code == "campus_loan_student":
            ev.append(_say("entity") if entity
                      else _say("finding", _yes_no(answers.campus_loan_student)))
            if not entity and answers.campus_loan_student:
                reason = answers.campus_loan_exception_reason.strip()
                ev.append(_say("exception", reason) if reason else _say("no_exception"))
        elif code == "security":
            items = [s for s in case.security if s.respondent == respondent]
            total = sum((s.value for s in items), Decimal("0"))
            for s in items:
                line = _say("security_item", label(SECURITY_KIND, s.kind), yuan(s.value))
                ev.append(_say("described", line, s.description) if s.description else line)
            ev.append(_say("security", yuan(total), yuan(outstanding)) if items
                      else _say("no_security"))
            if items:
                ev.extend(everything())
        elif code == "seized_property_sufficient":
            total = sum((p.value for p in held), Decimal("0"))
            ev.extend(property_lines(held) or [_say("no_held")])
            if held:
                ev.append(_say("held", yuan(total), yuan(outstanding)))
            co = [p for p in case.property if p.respondent != respondent and p.found_on <= as_of
                  and p.measure is not PropertyMeasure.NONE]
            for p in co:
                who = (case.respondents[p.respondent].name
                       if 0 <= p.respondent < len(case.respondents) else str(p.respondent))
                ev.append(_say("co_held", who, yuan(p.value)))
            if held or co:
                ev.extend(everything())
        elif code == "later_in_order":
            ev.append(_say("finding", _yes_no(answers.later_in_order)))
        elif code == "not_able_to_perform":
            ev.append(_say("able", _yes_no(answers.able_to_perform)))
        if code in RESTRICTION_BARS:
            scope = _say("ground1_restriction" if code in GROUND1_BARS else "every_ground_restriction")
        else:
            scope = _say("ground1_only" if code in GROUND1_BARS else "every_ground")
        rows.append(EvidenceRow("bar", code, status, bar_title(code), bar_article(code), scope, ev))
    # What blocks the listing first, then what still needs an answer, then the rest.
    order = {"applies": 0, "open": 1, "clear": 2}
    bars = sorted((r for r in rows if r.kind == "bar"), key=lambda r: order[r.status])
    return [r for r in rows if r.kind == "ground"] + bars


class EvidencePanel(QWidget):
    """The rows of :func:`evidence_rows` as a three-column sheet:
    status, ground or bar (with its article), evidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EvidenceRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._body: QWidget | None = None

    def status_of(self, kind: str, key: str) -> str | None:
        return next((r.status for r in self.rows if r.kind == kind and r.key == key), None)

    def evidence_of(self, kind: str, key: str) -> list[str]:
        return next((r.evidence for r in self.rows if r.kind == kind and r.key == key), [])

    def set_rows(self, rows: list[EvidenceRow]) -> None:
        self.rows = rows
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.deleteLater()
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(2, 1)
        em = self.fontMetrics().horizontalAdvance("M")
        grid.setColumnMinimumWidth(1, 15 * em)
        r = 0
        headings = (
            ("ground", translate("Listing", "Grounds for listing (2017 Provisions Art. 1)")),
            ("bar", translate("Listing", "Bars to listing")))
        for kind, heading in headings:
            head = QLabel(heading, body)
            font = head.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            head.setFont(font)
            head.setContentsMargins(0, 8 if r else 0, 0, 2)
            grid.addWidget(head, r, 0, 1, 3)
            r += 1
            for row in (x for x in rows if x.kind == kind):
                line = QFrame(body)
                line.setFrameShape(QFrame.Shape.HLine)
                line.setStyleSheet("color: #dddddd;")
                grid.addWidget(line, r, 0, 1, 3)
                r += 1
                text, fg, bg = STATUS_STYLE[row.status]
                pill = QLabel(tl(text), body)
                pill.setObjectName(f"status_{row.kind}_{row.key}")
                pill.setAlignment(Qt.AlignmentFlag.AlignCenter)
                pill.setStyleSheet(f"color: {fg}; background: {bg}; border-radius: 4px;"
                                   " padding: 3px 8px; font-weight: bold;")
                pill.setMinimumWidth(8 * em)
                pill.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                grid.addWidget(pill, r, 0, Qt.AlignmentFlag.AlignTop)
                title = QLabel(body)
                title.setWordWrap(True)
                title.setTextFormat(Qt.TextFormat.RichText)
                extra = (f"<br><span style='color:#8a5a00'>{_esc(row.scope)}</span>"
                         if row.scope else "")
                title.setText(f"<b>{_esc(row.title)}</b><br>"
                              f"<span style='color:#666'>{_esc(row.article)}</span>{extra}")
                grid.addWidget(title, r, 1, Qt.AlignmentFlag.AlignTop)
                ev = QLabel("\n".join(row.evidence), body)
                ev.setObjectName(f"evidence_{row.kind}_{row.key}")
                ev.setWordWrap(True)
                ev.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(ev, r, 2, Qt.AlignmentFlag.AlignTop)
                r += 1
        grid.setRowStretch(r, 1)
        self._body = body
        self._layout.addWidget(body)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
