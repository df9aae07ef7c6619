"""The register of issued court documents (issue 4 §3-§5).

Issuing a document (:mod:`.issuing`):
1. checks the permission (``DOCUMENT_ISSUE``; the counter receipt needs
   ``RECEIPT_ISSUE``) and the precondition the kind needs in the stored state
   (a served notice, a signed listing, a lifted item…), refusing with a
   :class:`ValidationError` that says what is missing (:mod:`.prepare`);
2. numbers it per case: ``<case number>之<n>`` in Chinese numerals, n counting
   every document issued in the case (``(2026)京0105执1234号之三``, :mod:`.numbering`);
3. builds the :class:`Document` (``builders.build``), signs its content hash
   into the QR text (``signing.make_qr_text``), renders it with that QR code,
   seals the PDF (verification data + file signature) and stores the exact
   bytes with their SHA-256 and an audit record, in one transaction.

An issued document is never edited or deleted (the ORM refuses it); a
correction issues a new document whose ``supersedes`` is the old number, and
the old one is marked ``superseded_by``.  A reprint returns the stored bytes
(:mod:`.register`, reading through ``uow.documents``).

The court key (:mod:`.keys`): each desk holds the private key in its data directory
(:mod:`courtapp.core.documents.signing`); the first desk to issue registers
the public key in the settings table, and a desk whose key differs is refused,
so every document of a court verifies with the one public key.

Long operations (:func:`issue_batch`, :func:`render_batch`, :mod:`.batch`) are
generators yielding :class:`BatchProgress`; cancelling is stopping the iteration.

The rendering calls are looked up in :mod:`.rendering` at each use, so a test or
a benchmark may replace them there.
"""

from __future__ import annotations

from courtapp.core.services.documents.batch import collect, issue_batch, render_batch
from courtapp.core.services.documents.issuing import (
    edit,
    issue,
    issue_request,
    preview,
    supersede,
)
from courtapp.core.services.documents.keys import (
    court_public_key,
    court_signing_key,
)
from courtapp.core.services.documents.model import (
    KIND_HELP,
    LEGAL_GROUND,
    BatchItemError,
    BatchProgress,
    Issued,
    IssuedDocument,
    IssueRequest,
)
from courtapp.core.services.documents.numbering import (
    chinese_numeral,
    document_number,
    normalize_number,
)
from courtapp.core.services.documents.register import (
    StoredDocumentDamaged,
    count_documents,
    document_content,
    documents_page,
    find_document,
    get_document,
    issued_ids,
    list_documents,
    reprint,
    restriction_orders_of_case,
    warnings_due,
    week_of,
)
from courtapp.core.services.documents.warm import warm_up, warm_up_database

__all__ = [
    "KIND_HELP", "LEGAL_GROUND", "BatchItemError", "BatchProgress",
    "IssueRequest", "Issued", "IssuedDocument", "StoredDocumentDamaged",
    "chinese_numeral", "collect", "count_documents", "court_public_key", "court_signing_key", "document_content",
    "document_number", "documents_page", "edit", "find_document", "get_document", "issue", "issue_batch",
    "issue_request", "issued_ids", "list_documents", "normalize_number", "preview",
    "render_batch", "reprint", "restriction_orders_of_case", "supersede", "warnings_due",
    "warm_up", "warm_up_database", "week_of",
]
