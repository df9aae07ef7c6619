"""What the register hands out and takes in: its entries, issue requests, batch
progress, and the rules every module of the register shares (the legal ground of
each kind, the permission to issue, refusals naming the field)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from courtapp.core.db.orm import IssuedDocumentRow
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.errors import FieldError, ValidationError
from courtapp.core.domain.roles import Actor, Permission, require

#: The article each kind rests on (for the audit record).
LEGAL_GROUND: dict[DocKind, str] = {
    DocKind.EXECUTION_NOTICE: "2017 Provisions Art. 5 para. 1; CPL 2023 Art. 251",
    DocKind.WARNING: "2019 Opinion (法发〔2019〕35号) item 15",
    DocKind.LISTING_DECISION: "2017 Provisions Art. 5 para. 3",
    DocKind.RESTRICTION_ORDER: "2015 Provisions Arts. 1, 3, 5",
    DocKind.RESTRICTION_LIFTING: "2015 Provisions Art. 9",
    DocKind.DELETION: "2017 Provisions Arts. 9-10",
    DocKind.CORRECTION_DECISION: "2017 Provisions Arts. 11-12",
    DocKind.PERMISSION: "2015 Provisions Art. 8; 2019 Opinion item 17",
    DocKind.RECEIPT: "",
}

#: One line per kind, for ``courtapp notice --help`` and the GUI.
KIND_HELP: dict[DocKind, str] = {
    DocKind.EXECUTION_NOTICE: "execution notice with the listing risk warning (needs the case's notice)",
    DocKind.WARNING: "warning notice with its grace period (needs a signed listing with a grace period)",
    DocKind.LISTING_DECISION: "listing decision 纳入失信名单决定书 (needs a signed listing)",
    DocKind.RESTRICTION_ORDER: "consumption restriction order 限制消费令 (needs a signed listing "
                               "with restrictions or a signed order)",
    DocKind.RESTRICTION_LIFTING: "notice lifting a restriction (needs a lifted or temporarily "
                                 "lifted item; --extra ground)",
    DocKind.DELETION: "deletion or revocation notice (needs a removed listing; --extra ground "
                      "or reasons)",
    DocKind.CORRECTION_DECISION: "decision on a correction application (data from --extra)",
    DocKind.PERMISSION: "permission for temporary travel or consumption (data from --extra)",
    DocKind.RECEIPT: "counter receipt for a petition (data from --extra)",
}

#: How often a document is numbered again when another desk took its number meanwhile.
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class IssuedDocument:
    """One entry of the register (without the PDF bytes; see :func:`reprint`)."""

    id: int
    number: str
    kind: DocKind
    case_id: int
    case_number: str
    respondent: int | None
    respondent_name: str
    lang: str
    signer: str
    signer_title: str
    issued_on: date
    issued_by: str
    issued_at: datetime
    content_hash: str
    pdf_sha256: str
    qr_text: str
    supersedes: str | None
    superseded_by: str | None
    listing_id: int | None
    order_id: int | None

    @property
    def superseded(self) -> bool:
        return self.superseded_by is not None


@dataclass(frozen=True)
class Issued:
    """A document just issued: its register entry and the exact bytes handed out."""

    document: IssuedDocument
    pdf: bytes = field(repr=False)


@dataclass(frozen=True)
class IssueRequest:
    """What to issue: a kind for one respondent of one case (``extra`` for the
    kinds whose data is not in the case yet)."""

    kind: DocKind
    case_id: int
    respondent: int | None = None  # None: every respondent (execution notice), else 0
    lang: str = "zh"
    listing_id: int | None = None
    order_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    label: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "case_id": self.case_id, "respondent": self.respondent,
                "lang": self.lang, "listing_id": self.listing_id, "order_id": self.order_id,
                "extra": self.extra}

    def describe(self) -> str:
        return self.label or f"{self.kind.value} case {self.case_id} respondent {self.respondent}"


@dataclass(frozen=True)
class BatchItemError:
    index: int
    label: str
    reason: str


@dataclass(frozen=True)
class BatchProgress:
    """One step of a batch: ``done`` of ``total`` items handled.

    The step's document (``issued``) or failure (``error``) is given; the last
    step (``finished``) carries every failure and the combined PDF.
    """

    done: int
    total: int
    label: str = ""
    issued: IssuedDocument | None = None
    error: BatchItemError | None = None
    finished: bool = False
    failures: tuple[BatchItemError, ...] = ()
    numbers: tuple[str, ...] = ()
    pdf: bytes | None = None


def to_entry(r: IssuedDocumentRow, case_number: str) -> IssuedDocument:
    """The register entry of a stored row."""
    return IssuedDocument(
        r.id, r.number, DocKind(r.kind), r.case_id, case_number, r.respondent, r.respondent_name,
        r.lang, r.signer, r.signer_title, r.issued_on, r.issued_by, r.issued_at, r.content_hash,
        r.pdf_sha256, r.qr_text, r.supersedes, r.superseded_by, r.listing_id, r.order_id)


def refuse(path: str, rule: str, en: str, zh: str) -> ValidationError:
    """A refusal naming the field (``path``) and the rule it broke."""
    return ValidationError([FieldError(path, rule, en, zh)])


def require_issue(actor: Actor, kind: DocKind) -> None:
    """Issuing needs ``DOCUMENT_ISSUE``; the counter receipt needs ``RECEIPT_ISSUE``."""
    require(actor, Permission.RECEIPT_ISSUE if kind is DocKind.RECEIPT else Permission.DOCUMENT_ISSUE)


def reason(e: BaseException) -> str:
    """Why a batch item failed, in one line."""
    if isinstance(e, ValidationError):
        return e.summary("en")
    return str(e) or type(e).__name__
