"""Translated words for the listing screens: states, statuses, bars, articles.

The core returns codes (bar codes, enum values); the UI names them here.
Constant tables are marked with ``QT_TRANSLATE_NOOP`` in the context
``Listing`` and translated where they are shown (:func:`tr`).  Legal texts
the core already carries in both languages (the six grounds of Art. 1, the
nine items of Art. 3, reasons) are picked by :func:`lang_pick`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate

from courtapp.core.domain.assessment import GROUND_TEXT
from courtapp.core.domain.listing import (
    RESTRICTION_TEXT,
    ListingStatus,
    RemovalKind,
    RespondentState,
    RestrictionItem,
    RestrictionStatus,
)
from courtapp.core.domain.model import (
    ConductType,
    OfficerRole,
    PropertyKind,
    PropertyMeasure,
    SecurityKind,
    ServiceMethod,
)
from courtapp.core.domain.money import format_amount
from courtapp.core.domain.roles import Permission
from courtapp.core.services import listing as ls
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, ui_language
from courtapp.ui.messages import render as render_message

translate = QCoreApplication.translate

CTX = "Listing"


def tl(text: str) -> str:
    """Translate a string marked ``QT_TRANSLATE_NOOP("Listing", ...)``."""
    return QCoreApplication.translate(CTX, text)


def is_chinese() -> bool:
    return ui_language().startswith("zh")


def lang_pick(en: str, zh: str) -> str:
    """The core's English or Chinese text, in the interface language."""
    return zh if is_chinese() else en


def error_lang() -> str:
    """The language argument for ``FieldError.message``."""
    return ui_language()


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def money(amount: Decimal) -> str:
    return format_amount(amount)


def yuan(amount: Decimal) -> str:
    return translate("Listing", "%1 yuan").replace("%1", format_amount(amount))


# ----------------------------------------------------------- respondent states
STATE: dict[RespondentState, str] = {
    RespondentState.RECORDED: QT_TRANSLATE_NOOP("Listing", "Recorded"),
    RespondentState.NOTICE_SERVED: QT_TRANSLATE_NOOP("Listing", "Notice served"),
    RespondentState.WARNED: QT_TRANSLATE_NOOP("Listing", "Warned (grace period)"),
    RespondentState.LISTED_AWAITING_PUBLICATION: QT_TRANSLATE_NOOP(
        "Listing", "Listed, awaiting publication"),
    RespondentState.LISTED_PUBLISHED: QT_TRANSLATE_NOOP("Listing", "Listed, published"),
    RespondentState.REMOVED: QT_TRANSLATE_NOOP("Listing", "Removed"),
}


def state_label(state: RespondentState | str) -> str:
    try:
        return tl(STATE[RespondentState(state)])
    except ValueError:
        return str(state)


# ------------------------------------------------------------ listing statuses
STATUS: dict[ListingStatus, str] = {
    ListingStatus.DRAFT: QT_TRANSLATE_NOOP("Listing", "Draft, awaiting signature"),
    ListingStatus.AWAITING_PUBLICATION: QT_TRANSLATE_NOOP("Listing", "Awaiting publication"),
    ListingStatus.PUBLISHED: QT_TRANSLATE_NOOP("Listing", "Published"),
    ListingStatus.REMOVED: QT_TRANSLATE_NOOP("Listing", "Removed"),
}

REMOVAL: dict[RemovalKind, str] = {
    RemovalKind.DELETED: QT_TRANSLATE_NOOP("Listing", "deleted"),
    RemovalKind.REVOKED: QT_TRANSLATE_NOOP("Listing", "revoked"),
    RemovalKind.EXPIRED: QT_TRANSLATE_NOOP("Listing", "term expired"),
    RemovalKind.CANCELLED: QT_TRANSLATE_NOOP(
        "Listing", "cancelled: performed during the grace period"),
}

RESTRICTION_STATUS: dict[RestrictionStatus, str] = {
    RestrictionStatus.IMPOSED: QT_TRANSLATE_NOOP("Listing", "imposed"),
    RestrictionStatus.TEMPORARILY_LIFTED: QT_TRANSLATE_NOOP("Listing", "temporarily lifted"),
    RestrictionStatus.LIFTED: QT_TRANSLATE_NOOP("Listing", "lifted"),
}


# ------------------------------------------------------------------ grounds
GROUND_ARTICLE = QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 1 item (%1)")
_ZH_NUM = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九"}


def ground_number(g: int) -> str:
    """``(3)`` in English, ``（三）`` in Chinese."""
    return f"（{_ZH_NUM[g]}）" if is_chinese() else f"({g})"


def ground_title(g: int) -> str:
    en, zh = GROUND_TEXT[g]
    return lang_pick(en[:1].upper() + en[1:], zh)


def ground_article(g: int) -> str:
    return tl(GROUND_ARTICLE).replace("%1", _ZH_NUM[g] if is_chinese() else str(g))


def grounds_text(grounds: list[int]) -> str:
    """"Art. 1 (3)" / "第一条第（三）项" for the grounds of a listing."""
    if not grounds:
        return "–"
    sep = "、" if is_chinese() else ", "
    numbers = sep.join(ground_number(g) for g in sorted(grounds))
    return translate("Listing", "Art. 1 %1").replace("%1", numbers)


def term_text(term_years: int | None, extension_years: int = 0) -> str:
    if term_years is None:
        return translate("Listing", "No fixed term")
    if extension_years:
        text = translate("Listing", "%1 years + %2 extension")
        return text.replace("%1", str(term_years)).replace("%2", str(extension_years))
    return translate("Listing", "%1 years").replace("%1", str(term_years))


# --------------------------------------------------------------------- bars
#: Each bar: its title and its article.
BAR: dict[str, tuple[str, str]] = {
    "nothing_outstanding": (
        QT_TRANSLATE_NOOP("Listing", "Nothing outstanding"),
        QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 1")),
    "notice_not_served": (
        QT_TRANSLATE_NOOP("Listing", "Execution notice not served"),
        QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 5 para. 1")),
    "notice_served_late": (
        QT_TRANSLATE_NOOP("Listing", "Execution notice served on or after its deadline"),
        QT_TRANSLATE_NOOP("Listing", "2015 Provisions Art. 1; CPL Art. 251")),
    "performance_period_running": (
        QT_TRANSLATE_NOOP("Listing", "Performance period still running"),
        QT_TRANSLATE_NOOP("Listing", "2015 Provisions Art. 1; CPL Art. 251")),
    "grace_period_running": (
        QT_TRANSLATE_NOOP("Listing", "Grace period running"),
        QT_TRANSLATE_NOOP("Listing", "2019 Opinion item 15")),
    "minor": (
        QT_TRANSLATE_NOOP("Listing", "Minor"),
        QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 4")),
    "campus_loan_student": (
        QT_TRANSLATE_NOOP("Listing", "Student with a campus loan"),
        QT_TRANSLATE_NOOP("Listing", "2019 Opinion item 16")),
    "security": (
        QT_TRANSLATE_NOOP("Listing", "Sufficient and effective security"),
        QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 3 item (1)")),
    "seized_property_sufficient": (
        QT_TRANSLATE_NOOP("Listing", "Sealed, seized or frozen property covers the debt"),
        QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 3 item (2)")),
    "later_in_order": (
        QT_TRANSLATE_NOOP("Listing", "Later in the order of performance"),
        QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 3 item (3)")),
    "not_able_to_perform": (
        QT_TRANSLATE_NOOP("Listing", "Not able to perform"),
        QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 3 item (4)")),
}


def bar_title(code: str) -> str:
    return tl(BAR[code][0]) if code in BAR else code


def bar_article(code: str) -> str:
    return tl(BAR[code][1]) if code in BAR else ""


# ------------------------------------------------------- restriction items
def item_number(item: RestrictionItem | int) -> str:
    """``(3)`` in English, ``（三）`` in Chinese: the item of 2015 Art. 3."""
    return ground_number(int(item))


def item_text(item: RestrictionItem, *, numbered: bool = True) -> str:
    """The Chinese text of 2015 Art. 3 (with the English after it in English)."""
    en, zh = RESTRICTION_TEXT[item]
    text = zh if is_chinese() else f"{zh} — {en}"
    return f"{item_number(item)} {text}" if numbered else text


def items_text(items: list[int]) -> str:
    sep = "、" if is_chinese() else ", "
    return sep.join(ground_number(i) if is_chinese() else str(i) for i in sorted(set(items)))


# ---------------------------------------------------------- case vocabulary
OFFICER_ROLE: dict[OfficerRole, str] = {
    OfficerRole.LEGAL_REPRESENTATIVE: QT_TRANSLATE_NOOP("Listing", "Legal representative"),
    OfficerRole.PRINCIPAL: QT_TRANSLATE_NOOP("Listing", "Principal responsible person"),
    OfficerRole.DIRECTLY_RESPONSIBLE: QT_TRANSLATE_NOOP(
        "Listing", "Directly responsible person"),
    OfficerRole.ACTUAL_CONTROLLER: QT_TRANSLATE_NOOP("Listing", "Actual controller"),
}

SERVICE_METHOD: dict[ServiceMethod, str] = {
    ServiceMethod.DIRECT: QT_TRANSLATE_NOOP("Listing", "Direct service"),
    ServiceMethod.LEFT_AT_RESIDENCE: QT_TRANSLATE_NOOP("Listing", "Left at the residence"),
    ServiceMethod.ELECTRONIC: QT_TRANSLATE_NOOP("Listing", "Electronic service"),
    ServiceMethod.ENTRUSTED: QT_TRANSLATE_NOOP("Listing", "Entrusted service"),
    ServiceMethod.BY_POST: QT_TRANSLATE_NOOP("Listing", "Service by post"),
    ServiceMethod.PUBLIC_ANNOUNCEMENT: QT_TRANSLATE_NOOP(
        "Listing", "Service by public announcement"),
}

PROPERTY_KIND: dict[PropertyKind, str] = {
    PropertyKind.BANK_DEPOSIT: QT_TRANSLATE_NOOP("Listing", "Bank deposit"),
    PropertyKind.REAL_ESTATE: QT_TRANSLATE_NOOP("Listing", "Real estate"),
    PropertyKind.VEHICLE: QT_TRANSLATE_NOOP("Listing", "Vehicle"),
    PropertyKind.EQUITY: QT_TRANSLATE_NOOP("Listing", "Equity"),
    PropertyKind.SECURITIES: QT_TRANSLATE_NOOP("Listing", "Securities"),
    PropertyKind.RECEIVABLE: QT_TRANSLATE_NOOP("Listing", "Receivable"),
    PropertyKind.OTHER: QT_TRANSLATE_NOOP("Listing", "Other property"),
}

PROPERTY_MEASURE: dict[PropertyMeasure, str] = {
    PropertyMeasure.NONE: QT_TRANSLATE_NOOP("Listing", "no measure taken"),
    PropertyMeasure.SEALED: QT_TRANSLATE_NOOP("Listing", "sealed"),
    PropertyMeasure.SEIZED: QT_TRANSLATE_NOOP("Listing", "seized"),
    PropertyMeasure.FROZEN: QT_TRANSLATE_NOOP("Listing", "frozen"),
}

SECURITY_KIND: dict[SecurityKind, str] = {
    SecurityKind.GUARANTEE: QT_TRANSLATE_NOOP("Listing", "Guarantee"),
    SecurityKind.MORTGAGE: QT_TRANSLATE_NOOP("Listing", "Mortgage"),
    SecurityKind.PLEDGE: QT_TRANSLATE_NOOP("Listing", "Pledge"),
    SecurityKind.CASH_DEPOSIT: QT_TRANSLATE_NOOP("Listing", "Cash deposit"),
    SecurityKind.OTHER: QT_TRANSLATE_NOOP("Listing", "Other security"),
}

CONDUCT: dict[ConductType, str] = {
    ConductType.FORGED_EVIDENCE: QT_TRANSLATE_NOOP("Listing", "Forged evidence"),
    ConductType.VIOLENCE_OR_THREAT: QT_TRANSLATE_NOOP("Listing", "Violence or threats"),
    ConductType.FALSE_LITIGATION: QT_TRANSLATE_NOOP("Listing", "False litigation"),
    ConductType.FALSE_ARBITRATION: QT_TRANSLATE_NOOP("Listing", "False arbitration"),
    ConductType.ASSET_CONCEALMENT: QT_TRANSLATE_NOOP("Listing", "Concealing property"),
    ConductType.ASSET_TRANSFER: QT_TRANSLATE_NOOP("Listing", "Transferring property"),
    ConductType.ASSET_REPORT_VIOLATION: QT_TRANSLATE_NOOP(
        "Listing", "Breach of the property reporting system"),
    ConductType.RESTRICTION_ORDER_VIOLATION: QT_TRANSLATE_NOOP(
        "Listing", "Breach of a consumption restriction order"),
    ConductType.SETTLEMENT_REFUSAL: QT_TRANSLATE_NOOP(
        "Listing", "Refusing to perform a settlement agreement"),
}


def label(table: dict, key: object) -> str:  # type: ignore[type-arg]
    """A translated label from one of the tables above (the raw key if missing)."""
    text = table.get(key)
    return tl(text) if text else str(key)


# ------------------------------------------------- recorded status history
#: The articles the listing service records with each transition.
ARTICLE: dict[str, str] = {
    ls.ART_DECISION: QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 5 para. 3"),
    ls.ART_GRACE: QT_TRANSLATE_NOOP("Listing", "2019 Opinion item 15"),
    ls.ART_PUBLISH: QT_TRANSLATE_NOOP("Listing", "2017 Provisions Art. 7"),
    ls.ART_NOTICE: QT_TRANSLATE_NOOP(
        "Listing", "2017 Provisions Art. 5 para. 1; CPL 2023 Art. 251"),
    ls.ART_RESTRICT: QT_TRANSLATE_NOOP("Listing", "2015 Provisions Arts. 1, 3, 5"),
    "2017 Provisions Arts. 9-10": QT_TRANSLATE_NOOP("Listing", "2017 Provisions Arts. 9-10"),
}

def article_label(article: str) -> str:
    """A recorded article in the interface language (as recorded if unknown)."""
    text = ARTICLE.get(article)
    return tl(text) if text else article


def reason_label(code: str, params: Mapping[str, object]) -> str:
    """A recorded reason (a message code) in the interface language."""
    return render_message(code, params)


#: What a refused permission would have allowed, for "your roles do not allow …".
PERMISSION: dict[str, str] = {
    Permission.DECISION_SIGN.value: QT_TRANSLATE_NOOP(
        "Listing", "signing decisions (the court president signs)"),
    Permission.LISTING_PREPARE.value: QT_TRANSLATE_NOOP(
        "Listing", "preparing listing decisions"),
    Permission.LISTING_SERVE.value: QT_TRANSLATE_NOOP("Listing", "recording service"),
    Permission.LISTING_PUBLISH.value: QT_TRANSLATE_NOOP("Listing", "publishing listings"),
    Permission.CASE_EDIT.value: QT_TRANSLATE_NOOP("Listing", "changing the case"),
    Permission.CASE_VIEW.value: QT_TRANSLATE_NOOP("Listing", "viewing cases"),
}


def permission_label(permission: str) -> str:
    text = PERMISSION.get(permission)
    return tl(text) if text else permission


#: Paths of the listing service's field errors, named for the reader.
FIELD: dict[str, str] = {
    "reasons": QT_TRANSLATE_NOOP("Listing", "Reasons"),
    "proportionality_reason": QT_TRANSLATE_NOOP("Listing", "Proportionality reason"),
    "restrictions": QT_TRANSLATE_NOOP("Listing", "Restriction order"),
    "respondent": QT_TRANSLATE_NOOP("Listing", "Respondent"),
    "grounds": QT_TRANSLATE_NOOP("Listing", "Grounds"),
    "decided_on": QT_TRANSLATE_NOOP("Listing", "Decision date"),
    "term_years": QT_TRANSLATE_NOOP("Listing", "Term"),
    "extension_years": QT_TRANSLATE_NOOP("Listing", "Extension"),
    "grace_until": QT_TRANSLATE_NOOP("Listing", "Grace period"),
    "signed_by": QT_TRANSLATE_NOOP("Listing", "Signature"),
    "served_on": QT_TRANSLATE_NOOP("Listing", "Served on"),
    "status": QT_TRANSLATE_NOOP("Listing", "Status"),
}


def field_name(path: str) -> str:
    head = path.split(".", 1)[0].split("[", 1)[0]
    text = FIELD.get(head)
    return tl(text) if text else path
