"""Translated labels for the case form: enum values, field names, error locations.

The core returns enums and JSON paths; the UI turns them into words here.
Constant tables are marked with ``QT_TRANSLATE_NOOP`` (context ``CaseForm``)
so that ``pyside6-lupdate`` extracts them; :func:`tr` translates at display time.
"""

from __future__ import annotations

import re
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLocale

from courtapp.core.domain.model import (
    CONDUCT_GROUND,
    BasisKind,
    ConductType,
    ObligationKind,
    OfficerRole,
    PartyKind,
    PropertyKind,
    PropertyMeasure,
    PublicRole,
    SecurityKind,
    ServiceMethod,
    Stage,
)

CTX = "CaseForm"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for ``pyside6-lupdate``; it is translated when shown, by :func:`tr`.

    (PySide6's own marker is typed as returning ``object``.)
    """
    return text


def tr(text: str) -> str:
    """Translate a string marked with ``QT_TRANSLATE_NOOP("CaseForm", ...)``."""
    return QCoreApplication.translate(CTX, text)


def current_language() -> str:
    """"zh" or "en": the language validation messages are shown in.

    The installed translation decides (its entry for ``LANGUAGE_CODE`` is its
    language code); with no translation installed, the default locale does.
    """
    marker = QCoreApplication.translate(
        "CaseForm", "LANGUAGE_CODE", "the code of the language of this translation, e.g. zh")
    if marker != "LANGUAGE_CODE":
        return "zh" if marker.strip().lower().startswith("zh") else "en"
    return "zh" if QLocale().name().startswith("zh") else "en"


PARTY_KIND: dict[StrEnum, str] = {
    PartyKind.PERSON: QT_TRANSLATE_NOOP("CaseForm", "Natural person"),
    PartyKind.ENTITY: QT_TRANSLATE_NOOP("CaseForm", "Entity"),
}

#: 2017 Provisions Art. 8 paras. 3-4: whom the court also notifies on listing.
PUBLIC_ROLE: dict[StrEnum, str] = {
    PublicRole.STATE_FUNCTIONARY: QT_TRANSLATE_NOOP("CaseForm", "State functionary"),
    PublicRole.NPC_DEPUTY: QT_TRANSLATE_NOOP("CaseForm", "NPC deputy"),
    PublicRole.CPPCC_MEMBER: QT_TRANSLATE_NOOP("CaseForm", "CPPCC member"),
    PublicRole.STATE_ORGAN: QT_TRANSLATE_NOOP("CaseForm", "State organ"),
    PublicRole.PUBLIC_INSTITUTION: QT_TRANSLATE_NOOP("CaseForm", "Public institution"),
    PublicRole.STATE_OWNED_ENTERPRISE: QT_TRANSLATE_NOOP("CaseForm", "State-owned enterprise"),
}

OFFICER_ROLE: dict[StrEnum, str] = {
    OfficerRole.LEGAL_REPRESENTATIVE: QT_TRANSLATE_NOOP("CaseForm", "Legal representative"),
    OfficerRole.PRINCIPAL: QT_TRANSLATE_NOOP("CaseForm", "Principal responsible person"),
    OfficerRole.DIRECTLY_RESPONSIBLE: QT_TRANSLATE_NOOP(
        "CaseForm", "Directly responsible person affecting performance"),
    OfficerRole.ACTUAL_CONTROLLER: QT_TRANSLATE_NOOP("CaseForm", "Actual controller"),
}

BASIS_KIND: dict[StrEnum, str] = {
    BasisKind.CIVIL_JUDGMENT: QT_TRANSLATE_NOOP("CaseForm", "Civil judgment"),
    BasisKind.CIVIL_RULING: QT_TRANSLATE_NOOP("CaseForm", "Civil ruling"),
    BasisKind.MEDIATION: QT_TRANSLATE_NOOP("CaseForm", "Civil mediation statement"),
    BasisKind.ARBITRAL_AWARD: QT_TRANSLATE_NOOP("CaseForm", "Arbitral award"),
    BasisKind.NOTARIZED_DEBT: QT_TRANSLATE_NOOP("CaseForm", "Notarized creditor's rights document"),
    BasisKind.ADMINISTRATIVE_DECISION: QT_TRANSLATE_NOOP(
        "CaseForm", "Administrative penalty decision"),
    BasisKind.OTHER: QT_TRANSLATE_NOOP("CaseForm", "Other"),
}

OBLIGATION_KIND: dict[StrEnum, str] = {
    ObligationKind.MONETARY: QT_TRANSLATE_NOOP("CaseForm", "Monetary"),
    ObligationKind.NON_MONETARY: QT_TRANSLATE_NOOP("CaseForm", "Non-monetary (an act)"),
}

PROPERTY_KIND: dict[StrEnum, str] = {
    PropertyKind.BANK_DEPOSIT: QT_TRANSLATE_NOOP("CaseForm", "Bank deposit"),
    PropertyKind.REAL_ESTATE: QT_TRANSLATE_NOOP("CaseForm", "Real estate"),
    PropertyKind.VEHICLE: QT_TRANSLATE_NOOP("CaseForm", "Vehicle"),
    PropertyKind.EQUITY: QT_TRANSLATE_NOOP("CaseForm", "Equity"),
    PropertyKind.SECURITIES: QT_TRANSLATE_NOOP("CaseForm", "Securities"),
    PropertyKind.RECEIVABLE: QT_TRANSLATE_NOOP("CaseForm", "Receivable"),
    PropertyKind.OTHER: QT_TRANSLATE_NOOP("CaseForm", "Other"),
}

PROPERTY_MEASURE: dict[StrEnum, str] = {
    PropertyMeasure.NONE: QT_TRANSLATE_NOOP("CaseForm", "No measure taken"),
    PropertyMeasure.SEALED: QT_TRANSLATE_NOOP("CaseForm", "Sealed"),
    PropertyMeasure.SEIZED: QT_TRANSLATE_NOOP("CaseForm", "Seized"),
    PropertyMeasure.FROZEN: QT_TRANSLATE_NOOP("CaseForm", "Frozen"),
}

SECURITY_KIND: dict[StrEnum, str] = {
    SecurityKind.GUARANTEE: QT_TRANSLATE_NOOP("CaseForm", "Guarantee"),
    SecurityKind.MORTGAGE: QT_TRANSLATE_NOOP("CaseForm", "Mortgage"),
    SecurityKind.PLEDGE: QT_TRANSLATE_NOOP("CaseForm", "Pledge"),
    SecurityKind.CASH_DEPOSIT: QT_TRANSLATE_NOOP("CaseForm", "Cash deposit"),
    SecurityKind.OTHER: QT_TRANSLATE_NOOP("CaseForm", "Other"),
}

SERVICE_METHOD: dict[StrEnum, str] = {
    ServiceMethod.DIRECT: QT_TRANSLATE_NOOP("CaseForm", "Direct service"),
    ServiceMethod.LEFT_AT_RESIDENCE: QT_TRANSLATE_NOOP("CaseForm", "Left at the residence"),
    ServiceMethod.ELECTRONIC: QT_TRANSLATE_NOOP("CaseForm", "Electronic service"),
    ServiceMethod.ENTRUSTED: QT_TRANSLATE_NOOP("CaseForm", "Entrusted service"),
    ServiceMethod.BY_POST: QT_TRANSLATE_NOOP("CaseForm", "Service by post"),
    ServiceMethod.PUBLIC_ANNOUNCEMENT: QT_TRANSLATE_NOOP("CaseForm", "Service by public announcement"),
}

#: Each conduct with the ground of 2017 Provisions Art. 1 it falls under
#: (:data:`courtapp.core.domain.model.CONDUCT_GROUND`; a test keeps them in step).
CONDUCT_TYPE: dict[StrEnum, str] = {
    ConductType.FORGED_EVIDENCE: QT_TRANSLATE_NOOP("CaseForm", "Forged evidence (Art. 1 item 2)"),
    ConductType.VIOLENCE_OR_THREAT: QT_TRANSLATE_NOOP(
        "CaseForm", "Violence or threats (Art. 1 item 2)"),
    ConductType.FALSE_LITIGATION: QT_TRANSLATE_NOOP("CaseForm", "False litigation (Art. 1 item 3)"),
    ConductType.FALSE_ARBITRATION: QT_TRANSLATE_NOOP(
        "CaseForm", "False arbitration (Art. 1 item 3)"),
    ConductType.ASSET_CONCEALMENT: QT_TRANSLATE_NOOP(
        "CaseForm", "Concealing property (Art. 1 item 3)"),
    ConductType.ASSET_TRANSFER: QT_TRANSLATE_NOOP(
        "CaseForm", "Transferring property (Art. 1 item 3)"),
    ConductType.ASSET_REPORT_VIOLATION: QT_TRANSLATE_NOOP(
        "CaseForm", "Breach of the property reporting system (Art. 1 item 4)"),
    ConductType.RESTRICTION_ORDER_VIOLATION: QT_TRANSLATE_NOOP(
        "CaseForm", "Breach of a consumption restriction order (Art. 1 item 5)"),
    ConductType.SETTLEMENT_REFUSAL: QT_TRANSLATE_NOOP(
        "CaseForm", "Refusing without good reason to perform a settlement agreement (Art. 1 item 6)"),
}
assert set(CONDUCT_TYPE) == set(CONDUCT_GROUND)

STAGE: dict[StrEnum, str] = {
    Stage.REGISTERED: QT_TRANSLATE_NOOP("CaseForm", "Registered"),
    Stage.NOTICE_ISSUED: QT_TRANSLATE_NOOP("CaseForm", "Notice not yet served"),
    Stage.PERFORMANCE_PERIOD: QT_TRANSLATE_NOOP("CaseForm", "Performance period"),
    Stage.IN_DEFAULT: QT_TRANSLATE_NOOP("CaseForm", "Overdue, nothing performed"),
    Stage.PARTLY_PERFORMED: QT_TRANSLATE_NOOP("CaseForm", "Overdue, partly performed"),
    Stage.PERFORMED: QT_TRANSLATE_NOOP("CaseForm", "Performed"),
}

SEX: dict[str, str] = {
    "M": QT_TRANSLATE_NOOP("CaseForm", "male"),
    "F": QT_TRANSLATE_NOOP("CaseForm", "female"),
}

#: Names of the fields, keyed by the last segment of an error path.
FIELD: dict[str, str] = {
    "case_number": QT_TRANSLATE_NOOP("CaseForm", "Case number"),
    "court": QT_TRANSLATE_NOOP("CaseForm", "Enforcing court"),
    "court.name": QT_TRANSLATE_NOOP("CaseForm", "Court name"),
    "court.code": QT_TRANSLATE_NOOP("CaseForm", "Court code"),
    "filed_on": QT_TRANSLATE_NOOP("CaseForm", "Filing date"),
    "judge": QT_TRANSLATE_NOOP("CaseForm", "Presiding judge"),
    "basis": QT_TRANSLATE_NOOP("CaseForm", "Enforcement basis"),
    "basis.kind": QT_TRANSLATE_NOOP("CaseForm", "Kind of document"),
    "basis.issuer": QT_TRANSLATE_NOOP("CaseForm", "Issuing body"),
    "basis.document_number": QT_TRANSLATE_NOOP("CaseForm", "Document number"),
    "basis.effective_on": QT_TRANSLATE_NOOP("CaseForm", "Effective date"),
    "applicants": QT_TRANSLATE_NOOP("CaseForm", "Applicants"),
    "respondents": QT_TRANSLATE_NOOP("CaseForm", "Respondents"),
    "officers": QT_TRANSLATE_NOOP("CaseForm", "Officers"),
    "obligations": QT_TRANSLATE_NOOP("CaseForm", "Obligations"),
    "payments": QT_TRANSLATE_NOOP("CaseForm", "Payments and performance"),
    "property": QT_TRANSLATE_NOOP("CaseForm", "Property found"),
    "security": QT_TRANSLATE_NOOP("CaseForm", "Security"),
    "execution_notice": QT_TRANSLATE_NOOP("CaseForm", "Execution notice"),
    "conduct": QT_TRANSLATE_NOOP("CaseForm", "Conduct"),
    "findings": QT_TRANSLATE_NOOP("CaseForm", "Findings"),
    "name": QT_TRANSLATE_NOOP("CaseForm", "Name"),
    "kind": QT_TRANSLATE_NOOP("CaseForm", "Kind"),
    "type": QT_TRANSLATE_NOOP("CaseForm", "Type of conduct"),
    "role": QT_TRANSLATE_NOOP("CaseForm", "Role"),
    "id_number": QT_TRANSLATE_NOOP("CaseForm", "Resident ID number"),
    "credit_code": QT_TRANSLATE_NOOP("CaseForm", "Unified social credit code"),
    "amount": QT_TRANSLATE_NOOP("CaseForm", "Amount"),
    "value": QT_TRANSLATE_NOOP("CaseForm", "Value"),
    "description": QT_TRANSLATE_NOOP("CaseForm", "Description"),
    "act": QT_TRANSLATE_NOOP("CaseForm", "Act performed"),
    "obligation": QT_TRANSLATE_NOOP("CaseForm", "Obligation performed"),
    "evidence": QT_TRANSLATE_NOOP("CaseForm", "Evidence"),
    "on": QT_TRANSLATE_NOOP("CaseForm", "Date"),
    "respondent": QT_TRANSLATE_NOOP("CaseForm", "Respondent"),
    "found_on": QT_TRANSLATE_NOOP("CaseForm", "Found on"),
    "measure": QT_TRANSLATE_NOOP("CaseForm", "Measure"),
    "issued_on": QT_TRANSLATE_NOOP("CaseForm", "Issued on"),
    "deadline": QT_TRANSLATE_NOOP("CaseForm", "Performance deadline"),
    "served_on": QT_TRANSLATE_NOOP("CaseForm", "Served on"),
    "service_method": QT_TRANSLATE_NOOP("CaseForm", "Method of service"),
    "able_to_perform": QT_TRANSLATE_NOOP("CaseForm", "Able to perform"),
    "later_in_performance_order": QT_TRANSLATE_NOOP("CaseForm", "Later in the order of performance"),
    "campus_loan_student": QT_TRANSLATE_NOOP("CaseForm", "Student in a campus-loan case"),
    "serious_violence": QT_TRANSLATE_NOOP("CaseForm", "Serious violence or threats"),
    "campus_loan_exception_reason": QT_TRANSLATE_NOOP(
        "CaseForm", "Reason for a campus-loan exception"),
    "converted_amount": QT_TRANSLATE_NOOP("CaseForm", "Converted amount"),
}

#: One element of a list, numbered from 1 for people ("%1" is the number).
ITEM: dict[str, str] = {
    "applicants": QT_TRANSLATE_NOOP("CaseForm", "Applicant %1"),
    "respondents": QT_TRANSLATE_NOOP("CaseForm", "Respondent %1"),
    "officers": QT_TRANSLATE_NOOP("CaseForm", "Officer %1"),
    "obligations": QT_TRANSLATE_NOOP("CaseForm", "Obligation %1"),
    "payments": QT_TRANSLATE_NOOP("CaseForm", "Payment %1"),
    "property": QT_TRANSLATE_NOOP("CaseForm", "Property item %1"),
    "security": QT_TRANSLATE_NOOP("CaseForm", "Security %1"),
    "conduct": QT_TRANSLATE_NOOP("CaseForm", "Conduct %1"),
    "findings": QT_TRANSLATE_NOOP("CaseForm", "Finding %1"),
}

#: An error in a list: "%1" is where (describe_path), "%2" the message.
LOCATED = QT_TRANSLATE_NOOP("CaseForm", "%1: %2")

_SEGMENT = re.compile(r"^([A-Za-z_]+)(?:\[(\d+)\])?$")


def split_path(path: str) -> list[tuple[str, int | None]]:
    """``respondents[1].officers[0].name`` → [("respondents", 1), ("officers", 0), ("name", None)]."""
    out: list[tuple[str, int | None]] = []
    for seg in path.split("."):
        m = _SEGMENT.match(seg)
        if not m:
            return []
        out.append((m[1], int(m[2]) if m[2] is not None else None))
    return out


def describe_path(path: str) -> str:
    """A reader's name for an error path: ``Respondent 2 › Resident ID number``."""
    segs = split_path(path)
    if not segs:
        return path
    parts: list[str] = []
    if path in FIELD:
        return tr(FIELD[path])
    head = segs[0][0]
    if len(segs) == 2 and segs[1][1] is None and f"{head}.{segs[1][0]}" in FIELD:
        return tr(FIELD[f"{head}.{segs[1][0]}"])
    for name, idx in segs:
        if idx is not None and name in ITEM:
            parts.append(tr(ITEM[name]).replace("%1", str(idx + 1)))
        elif name in FIELD:
            parts.append(tr(FIELD[name]))
        else:
            parts.append(name)
    return " › ".join(parts)
