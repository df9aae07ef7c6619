"""Translated words for the document screens: the nine kinds, what each needs,
and the choices of the details some kinds take.

Constant tables are marked with ``QT_TRANSLATE_NOOP`` and translated where
they are shown.  The core's ``DocKind`` values are codes; the UI names them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from courtapp.core.documents.model import DocKind
from courtapp.ui.i18n import QT_TRANSLATE_NOOP, ui_language

CTX = "DocKind"

KIND_LABELS: dict[DocKind, str] = {
    DocKind.EXECUTION_NOTICE: QT_TRANSLATE_NOOP("DocKind", "Execution notice"),
    DocKind.WARNING: QT_TRANSLATE_NOOP("DocKind", "Warning notice (grace period)"),
    DocKind.LISTING_DECISION: QT_TRANSLATE_NOOP("DocKind", "Listing decision"),
    DocKind.RESTRICTION_ORDER: QT_TRANSLATE_NOOP("DocKind", "Consumption restriction order"),
    DocKind.RESTRICTION_LIFTING: QT_TRANSLATE_NOOP("DocKind", "Notice lifting a restriction"),
    DocKind.DELETION: QT_TRANSLATE_NOOP("DocKind", "Deletion (revocation) decision"),
    DocKind.CORRECTION_DECISION: QT_TRANSLATE_NOOP("DocKind",
                                                   "Decision on a correction application"),
    DocKind.PERMISSION: QT_TRANSLATE_NOOP("DocKind",
                                          "Permission for temporary travel or consumption"),
    DocKind.RECEIPT: QT_TRANSLATE_NOOP("DocKind", "Counter receipt"),
}

#: What each kind is issued from (shown under the kind in the Issue dialog).
KIND_NEEDS: dict[DocKind, str] = {
    DocKind.EXECUTION_NOTICE: QT_TRANSLATE_NOOP(
        "DocKind", "With the listing risk warning (2017 Provisions Art. 5 para. 1). Needs the "
                   "case's execution notice: its issue date and performance deadline."),
    DocKind.WARNING: QT_TRANSLATE_NOOP(
        "DocKind", "Needs a signed listing decision with a grace period for the respondent "
                   "(2019 Opinion item 15)."),
    DocKind.LISTING_DECISION: QT_TRANSLATE_NOOP(
        "DocKind", "Needs the respondent's listing decision signed by the president "
                   "(2017 Provisions Art. 5 para. 3)."),
    DocKind.RESTRICTION_ORDER: QT_TRANSLATE_NOOP(
        "DocKind", "Needs a signed listing decision with restrictions, or a signed restriction "
                   "order, for the respondent (2015 Provisions Arts. 1, 3, 5)."),
    DocKind.RESTRICTION_LIFTING: QT_TRANSLATE_NOOP(
        "DocKind", "Needs a restriction item of the respondent that was lifted or temporarily "
                   "lifted, and the ground (2015 Provisions Art. 9)."),
    DocKind.DELETION: QT_TRANSLATE_NOOP(
        "DocKind", "Needs a removed (deleted or revoked) listing of the respondent "
                   "(2017 Provisions Arts. 9–10)."),
    DocKind.CORRECTION_DECISION: QT_TRANSLATE_NOOP(
        "DocKind", "Decides a written correction application (2017 Provisions Arts. 11–12); "
                   "a rejection names the next-higher court for reconsideration within 10 days."),
    DocKind.PERMISSION: QT_TRANSLATE_NOOP(
        "DocKind", "Needs restrictions on the respondent (2015 Provisions Arts. 3, 8; "
                   "2019 Opinion item 17)."),
    DocKind.RECEIPT: QT_TRANSLATE_NOOP(
        "DocKind", "The receipt handed over at the counter for a written petition."),
}

#: Kinds that may be addressed to every respondent at once.
ALL_RESPONDENTS_KINDS = frozenset({DocKind.EXECUTION_NOTICE, DocKind.RECEIPT})


def kind_label(kind: DocKind | str) -> str:
    try:
        k = DocKind(kind)
    except ValueError:
        return str(kind)
    return QCoreApplication.translate(CTX, KIND_LABELS[k])


def kind_needs(kind: DocKind) -> str:
    return QCoreApplication.translate(CTX, KIND_NEEDS[kind])


def core_lang() -> str:
    """The language argument for the core's bilingual messages (``en``/``zh_CN``)."""
    return ui_language()
