"""The batch print file: every page of every issued PDF, in order (issue 4 §5)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from courtapp.core.documents import combine, signing
from courtapp.core.documents.model import DocKind, Document, PartyLine


def sealed(n: int, pages: int, key: Ed25519PrivateKey) -> bytes:
    doc = Document(kind=DocKind.WARNING, lang="zh", number=f"(2026)京0105执1234号之{n}",
                   case_number="(2026)京0105执1234号", court_name="北京市朝阳区人民法院",
                   title="失信预警通知书", issued_on=date(2026, 5, 11), signer="赵法官",
                   signer_title="审判员", parties=(PartyLine("被执行人", "张三", "360426199101010071"),),
                   basis="b", body=("x",), legal_basis=("a",))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for p in range(pages):
        c.drawString(72, 720, f"document {n} page {p + 1}")
        c.showPage()
    c.save()
    qr = signing.make_qr_text(doc, key)
    return signing.seal_pdf(buf.getvalue(), doc, qr, key)


def texts(pdf: bytes) -> list[str]:
    return [(p.extract_text() or "").strip() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_pages_of_every_document_come_in_order() -> None:
    key = Ed25519PrivateKey.generate()
    pdfs = [sealed(1, 2, key), sealed(2, 1, key), sealed(3, 3, key)]
    out = combine._fast(pdfs)
    assert texts(out) == ["document 1 page 1", "document 1 page 2", "document 2 page 1",
                          "document 3 page 1", "document 3 page 2", "document 3 page 3"]
    assert combine.combine(pdfs) == out


def test_an_unusual_file_falls_back_to_pypdf(monkeypatch: pytest.MonkeyPatch) -> None:
    key = Ed25519PrivateKey.generate()
    pdfs = [sealed(1, 1, key), sealed(2, 2, key)]

    def refuse(_: object) -> bytes:
        raise combine._Unsupported("test")

    monkeypatch.setattr(combine, "_fast", refuse)
    assert texts(combine.combine(pdfs)) == ["document 1 page 1", "document 2 page 1",
                                            "document 2 page 2"]


def test_a_pdf_with_an_xref_stream_is_not_taken_apart_by_hand() -> None:
    with pytest.raises(combine._Unsupported):
        combine._fast([b"%PDF-1.5\n1 0 obj\n<< /Type /XRef >>\nendobj\nstartxref\n9\n%%EOF\n"])
    with pytest.raises(ValueError):
        combine.combine([])
