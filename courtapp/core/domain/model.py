"""The enforcement case: plain dataclasses with behaviour, no Qt, no database.

The field names follow the interchange format v1 (``docs/interchange.md``),
so that a validation error's path (``respondents[0].id_number``) means the
same thing in a JSON file, on the command line and in the case form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from courtapp.core.domain.identifiers import CaseNumber, parse_case_number

if TYPE_CHECKING:
    from courtapp.core.domain.listing import Listing


class PartyKind(StrEnum):
    PERSON = "person"
    ENTITY = "entity"


class OfficerRole(StrEnum):
    """The four roles bound by an entity's consumption restriction (2015 Art. 3 para. 2)."""

    LEGAL_REPRESENTATIVE = "legal_representative"
    PRINCIPAL = "principal"
    DIRECTLY_RESPONSIBLE = "directly_responsible"
    ACTUAL_CONTROLLER = "actual_controller"


class BasisKind(StrEnum):
    """The kind of enforcement basis (执行依据)."""

    CIVIL_JUDGMENT = "civil_judgment"
    CIVIL_RULING = "civil_ruling"
    MEDIATION = "mediation"
    ARBITRAL_AWARD = "arbitral_award"
    NOTARIZED_DEBT = "notarized_debt"
    ADMINISTRATIVE_DECISION = "administrative_decision"
    OTHER = "other"


class PublicRole(StrEnum):
    """2017 Provisions Art. 8: who else is notified when this party is listed."""

    STATE_FUNCTIONARY = "state_functionary"  # 国家工作人员 (para. 3: work unit)
    NPC_DEPUTY = "npc_deputy"  # 人大代表 (para. 3)
    CPPCC_MEMBER = "cppcc_member"  # 政协委员 (para. 3)
    STATE_ORGAN = "state_organ"  # 国家机关 (para. 4: superior unit)
    PUBLIC_INSTITUTION = "public_institution"  # 事业单位 (para. 4)
    STATE_OWNED_ENTERPRISE = "state_owned_enterprise"  # 国有企业 (para. 4: investor body)


class ObligationKind(StrEnum):
    MONETARY = "monetary"
    NON_MONETARY = "non_monetary"


class PropertyKind(StrEnum):
    BANK_DEPOSIT = "bank_deposit"
    REAL_ESTATE = "real_estate"
    VEHICLE = "vehicle"
    EQUITY = "equity"
    SECURITIES = "securities"
    RECEIVABLE = "receivable"
    OTHER = "other"


class PropertyMeasure(StrEnum):
    """Measure taken on found property.  Sealed, seized or frozen property counts
    towards the 2017 Art. 3 item 2 bar."""

    NONE = "none"
    SEALED = "sealed"
    SEIZED = "seized"
    FROZEN = "frozen"


class SecurityKind(StrEnum):
    GUARANTEE = "guarantee"
    MORTGAGE = "mortgage"
    PLEDGE = "pledge"
    CASH_DEPOSIT = "cash_deposit"
    OTHER = "other"


class ServiceMethod(StrEnum):
    """Methods of service of legal documents under the CPL."""

    DIRECT = "direct"
    LEFT_AT_RESIDENCE = "left_at_residence"
    ELECTRONIC = "electronic"
    ENTRUSTED = "entrusted"
    BY_POST = "by_post"
    PUBLIC_ANNOUNCEMENT = "public_announcement"


class ConductType(StrEnum):
    """Recorded conduct; each maps to a ground of 2017 Art. 1 (see :data:`CONDUCT_GROUND`)."""

    FORGED_EVIDENCE = "forged_evidence"
    VIOLENCE_OR_THREAT = "violence_or_threat"
    FALSE_LITIGATION = "false_litigation"
    FALSE_ARBITRATION = "false_arbitration"
    ASSET_CONCEALMENT = "asset_concealment"
    ASSET_TRANSFER = "asset_transfer"
    ASSET_REPORT_VIOLATION = "asset_report_violation"
    RESTRICTION_ORDER_VIOLATION = "restriction_order_violation"
    SETTLEMENT_REFUSAL = "settlement_refusal"


#: 2017 Provisions Art. 1: conduct → ground (2)–(6).
CONDUCT_GROUND: dict[ConductType, int] = {
    ConductType.FORGED_EVIDENCE: 2,
    ConductType.VIOLENCE_OR_THREAT: 2,
    ConductType.FALSE_LITIGATION: 3,
    ConductType.FALSE_ARBITRATION: 3,
    ConductType.ASSET_CONCEALMENT: 3,
    ConductType.ASSET_TRANSFER: 3,
    ConductType.ASSET_REPORT_VIOLATION: 4,
    ConductType.RESTRICTION_ORDER_VIOLATION: 5,
    ConductType.SETTLEMENT_REFUSAL: 6,
}


class Stage(StrEnum):
    """Where a case stands, derived from its data as of a date."""

    REGISTERED = "registered"  # filed, no execution notice yet
    NOTICE_ISSUED = "notice_issued"  # notice issued, not yet served
    PERFORMANCE_PERIOD = "performance_period"  # served, deadline not passed
    IN_DEFAULT = "in_default"  # deadline passed, nothing performed
    PARTLY_PERFORMED = "partly_performed"  # deadline passed, something paid
    PERFORMED = "performed"  # every obligation performed


def derive_stage(*, performed: bool, partly: bool, notice_issued_on: date | None,
                 served_on: date | None, deadline: date | None, as_of: date) -> Stage:
    """The stage of a case from a few facts; shared by the model and the case list."""
    if performed:
        return Stage.PERFORMED
    if notice_issued_on is None or deadline is None:
        return Stage.REGISTERED
    if served_on is None or served_on > as_of:
        return Stage.NOTICE_ISSUED
    if as_of <= deadline:
        return Stage.PERFORMANCE_PERIOD
    return Stage.PARTLY_PERFORMED if partly else Stage.IN_DEFAULT


@dataclass
class Court:
    name: str
    code: str


@dataclass
class Basis:
    kind: BasisKind
    issuer: str
    document_number: str
    effective_on: date


@dataclass
class Officer:
    role: OfficerRole
    name: str
    id_number: str


@dataclass
class Party:
    kind: PartyKind
    name: str
    id_number: str | None = None
    credit_code: str | None = None
    officers: list[Officer] = field(default_factory=list)
    #: A public role that 2017 Art. 8 paras. 3-4 make the court notify about.
    public_role: PublicRole | None = None
    #: The work unit, superior unit or investor body to notify (Art. 8 paras. 3-4).
    notify_body: str = ""

    @property
    def identifier(self) -> str:
        return (self.id_number if self.kind is PartyKind.PERSON else self.credit_code) or ""


@dataclass
class Obligation:
    kind: ObligationKind
    description: str
    amount: Decimal | None = None
    #: For a non-monetary obligation only: the sum the enforcement basis orders
    #: in its place if the act is not performed (折价), so that money can satisfy
    #: it (RULES.md R-L14).  None: only the act itself performs it.
    converted_amount: Decimal | None = None


@dataclass
class Payment:
    """A payment or an act of performance by a respondent."""

    on: date
    respondent: int
    amount: Decimal | None = None
    act: str | None = None
    obligation: int | None = None  # for an act: which non-monetary obligation
    evidence: str = ""


@dataclass
class PropertyItem:
    kind: PropertyKind
    description: str
    value: Decimal
    found_on: date
    measure: PropertyMeasure
    respondent: int


@dataclass
class SecurityItem:
    kind: SecurityKind
    value: Decimal
    respondent: int
    description: str = ""


@dataclass
class ExecutionNotice:
    """执行通知书 (CPL 2023 Art. 251).  It must carry the listing risk warning
    (2017 Provisions Art. 5 para. 1)."""

    issued_on: date
    deadline: date
    served_on: date | None = None
    service_method: ServiceMethod | None = None

    @property
    def served(self) -> bool:
        return self.served_on is not None


@dataclass
class ConductRecord:
    type: ConductType
    on: date
    description: str
    respondent: int

    @property
    def ground(self) -> int:
        return CONDUCT_GROUND[self.type]


@dataclass
class Finding:
    """The judge's findings on a respondent, used by the listing assessment."""

    respondent: int
    able_to_perform: bool | None = None
    later_in_performance_order: bool = False
    #: A full-time student who became a debtor through a campus-loan dispute
    #: (2019 Opinion item 16): generally neither listed nor restricted (R-L16).
    campus_loan_student: bool = False
    #: The judge's answer "serious circumstances" to recorded violence or threats;
    #: it qualifies recorded conduct and never replaces it (R-L12).
    serious_violence: bool = False
    #: The judge's written reason for listing or restricting a campus-loan student
    #: all the same (the exception "generally" leaves, R-L16); empty: no exception.
    campus_loan_exception_reason: str = ""


@dataclass
class EnforcementCase:
    case_number: str
    court: Court
    filed_on: date
    judge: str
    basis: Basis
    applicants: list[Party] = field(default_factory=list)
    respondents: list[Party] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    execution_notice: ExecutionNotice | None = None
    payments: list[Payment] = field(default_factory=list)
    property: list[PropertyItem] = field(default_factory=list)
    security: list[SecurityItem] = field(default_factory=list)
    conduct: list[ConductRecord] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: Listing decisions (interchange ``listings``); stored by the listing
    #: service, not by the case form.
    listings: list[Listing] = field(default_factory=list)

    # ------------------------------------------------------------ derived
    def parsed_number(self) -> CaseNumber:
        return parse_case_number(self.case_number)

    def total_due(self) -> Decimal:
        return sum(
            (o.amount for o in self.obligations
             if o.kind is ObligationKind.MONETARY and o.amount is not None),
            Decimal("0.00"),
        )

    def total_paid(self, as_of: date | None = None) -> Decimal:
        return sum(
            (p.amount for p in self.payments
             if p.amount is not None and (as_of is None or p.on <= as_of)),
            Decimal("0.00"),
        )

    def outstanding(self, as_of: date | None = None) -> Decimal:
        """Monetary amount still owed: what is due less what was paid, never below zero."""
        return max(self.total_due() - self.total_paid(as_of), Decimal("0.00"))

    def unperformed_acts(self, as_of: date | None = None) -> list[int]:
        """Indexes of non-monetary obligations with no recorded act of performance."""
        done = {
            p.obligation for p in self.payments
            if p.obligation is not None and p.act and (as_of is None or p.on <= as_of)
        }
        return [
            i for i, o in enumerate(self.obligations)
            if o.kind is ObligationKind.NON_MONETARY and i not in done
        ]

    def outstanding_in_money(self, as_of: date | None = None) -> Decimal | None:
        """Everything still owed under the enforcement basis, in money: the monetary
        outstanding plus the converted sum of every unperformed act; None when an
        unperformed act has no money equivalent, since money or property cannot
        satisfy it (RULES.md R-L14, 2017 Art. 3 items (1)–(2))."""
        total = self.outstanding(as_of)
        for i in self.unperformed_acts(as_of):
            converted = self.obligations[i].converted_amount
            if converted is None:
                return None
            total += converted
        return total

    def fully_performed(self, as_of: date | None = None) -> bool:
        return self.outstanding(as_of) == 0 and not self.unperformed_acts(as_of)

    def days_past_deadline(self, as_of: date) -> int:
        """Days since the execution notice's performance deadline, 0 if not passed,
        not set, or everything is performed."""
        n = self.execution_notice
        if n is None or as_of <= n.deadline or self.fully_performed(as_of):
            return 0
        return (as_of - n.deadline).days

    def partly_performed(self, as_of: date | None = None) -> bool:
        """Something was paid or done, but not everything."""
        n_acts = sum(1 for o in self.obligations if o.kind is ObligationKind.NON_MONETARY)
        some = self.total_paid(as_of) > 0 or len(self.unperformed_acts(as_of)) < n_acts
        return some and not self.fully_performed(as_of)

    def stage(self, as_of: date) -> Stage:
        n = self.execution_notice
        return derive_stage(
            performed=bool(self.obligations) and self.fully_performed(as_of),
            partly=self.partly_performed(as_of),
            notice_issued_on=n.issued_on if n else None,
            served_on=n.served_on if n else None,
            deadline=n.deadline if n else None,
            as_of=as_of,
        )

    def finding_for(self, respondent: int) -> Finding:
        for f in self.findings:
            if f.respondent == respondent:
                return f
        return Finding(respondent=respondent)
