"""The contract between document content, rendering, the register and verification.

A :class:`Document` is everything a court document says, as plain data.
- ``builders`` make one from the case, the listing or order, and a template.
- ``render`` turns it into PDF bytes, deterministically: the same Document and
  the same QR text give the same bytes, so a reprint is identical.
- the register stores the Document (as canonical JSON) with the SHA-256 of
  the bytes, and ``signing`` signs :func:`content_hash` in the QR code.

Templates are data (``resources/templates/<lang>/<kind>.json``); the wording
that was used is copied into ``Document.body`` when the document is issued,
so a later template change never alters an issued document.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class DocKind(StrEnum):
    """The fixed kind names (issue 4 §7)."""

    EXECUTION_NOTICE = "execution_notice"  # 执行通知书, with the listing risk warning (2017 Art. 5 para. 1)
    WARNING = "warning"  # 失信预警/宽限期告知书 (2019 Opinion item 15)
    LISTING_DECISION = "listing_decision"  # 纳入失信被执行人名单决定书 (2017 Art. 5 para. 3)
    RESTRICTION_ORDER = "restriction_order"  # 限制消费令 (2015 Art. 5)
    RESTRICTION_LIFTING = "restriction_lifting"  # 解除限制消费令 (2015 Art. 9)
    DELETION = "deletion"  # 删除/撤销失信信息决定书 (2017 Arts. 9-10)
    CORRECTION_DECISION = "correction_decision"  # 纠正申请决定书 (2017 Art. 12)
    PERMISSION = "permission"  # 准许临时出行/消费决定书 (2015 Arts. 3, 8; 2019 Opinion 17)
    RECEIPT = "receipt"  # 诉讼服务窗口收件回执


@dataclass(frozen=True)
class PartyLine:
    """One party as printed: role label, name, and ID number or credit code."""

    role: str  # e.g. "申请执行人" / "Applicant"
    name: str
    identifier: str  # resident ID or credit code, printed in full on court documents
    detail: str = ""  # e.g. "法定代表人：王五" or sex and birth date


@dataclass(frozen=True)
class Document:
    kind: DocKind
    lang: str  # "zh" or "en"
    number: str  # document number, e.g. "(2026)京0105执1234号之一"
    case_number: str
    court_name: str
    title: str
    issued_on: date
    signer: str  # who signs (for decisions and orders: the president, 院长签发)
    signer_title: str  # e.g. "院长" / "审判员"
    parties: tuple[PartyLine, ...]
    basis: str  # the enforcement basis, one sentence
    body: tuple[str, ...]  # the operative text, paragraph by paragraph
    legal_basis: tuple[str, ...]  # articles relied on
    term: str = ""  # the term or period, if any
    remedy: str = ""  # the remedy notice (reconsideration etc.)
    outstanding: str = ""  # the outstanding balance line, if monetary
    extra: dict[str, Any] = field(default_factory=dict)  # kind-specific fields (items, dates…)
    supersedes: str = ""  # the number of the document this one corrects

    def fields(self) -> dict[str, Any]:
        """The content fields as JSON-able data (what the QR hash covers)."""
        d = asdict(self)
        d["kind"] = self.kind.value
        d["issued_on"] = self.issued_on.isoformat()
        return d


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str).encode("utf-8")


def content_hash(doc: Document) -> str:
    """SHA-256 (hex) of the canonical JSON of the document's content fields."""
    return hashlib.sha256(canonical(doc.fields())).hexdigest()


def document_from_fields(d: dict[str, Any]) -> Document:
    """The inverse of :meth:`Document.fields` (for the register)."""
    return Document(
        kind=DocKind(d["kind"]), lang=d["lang"], number=d["number"], case_number=d["case_number"],
        court_name=d["court_name"], title=d["title"], issued_on=date.fromisoformat(d["issued_on"]),
        signer=d["signer"], signer_title=d["signer_title"],
        parties=tuple(PartyLine(**p) for p in d["parties"]), basis=d["basis"],
        body=tuple(d["body"]), legal_basis=tuple(d["legal_basis"]), term=d.get("term", ""),
        remedy=d.get("remedy", ""), outstanding=d.get("outstanding", ""),
        extra=dict(d.get("extra", {})), supersedes=d.get("supersedes", ""))
