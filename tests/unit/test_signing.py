"""The court key, the signed QR code and offline verification of sealed PDFs (issue 4 §4)."""

from __future__ import annotations

import io
import os
import stat
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from courtapp.core.documents import signing
from courtapp.core.documents.model import DocKind, Document, PartyLine, content_hash
from courtapp.core.services.documents import chinese_numeral, document_number


def doc(number: str = "(2026)京0105执1234号之一", name: str = "张三", **kw: object) -> Document:
    base = Document(
        kind=DocKind.LISTING_DECISION, lang="zh", number=number,
        case_number="(2026)京0105执1234号", court_name="北京市朝阳区人民法院",
        title="纳入失信被执行人名单决定书", issued_on=date(2026, 5, 8), signer="钱院长",
        signer_title="院长",
        parties=(PartyLine("申请执行人", "李四", "11010519491231002X"),
                 PartyLine("被执行人", name, "360426199101010071")),
        basis="北京市朝阳区人民法院(2025)京0105民初5678号民事判决书",
        body=("被执行人张三有履行能力而拒不履行生效法律文书确定的义务。",),
        legal_basis=("《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（三）项",),
        term="二年", remedy="如认为本决定有错误，可以向本院申请纠正。",
        extra={"grounds": [3], "on": date(2026, 5, 8)})
    return replace(base, **kw)  # type: ignore[arg-type]


def rendered(d: Document, qr: str | None = None) -> bytes:
    """A stand-in rendering (ReportLab, deterministic): a page with the number."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setTitle(d.title)
    c.drawString(72, 720, d.number.encode("ascii", "replace").decode())
    c.drawString(72, 700, (qr or "")[:60].encode("ascii", "replace").decode())
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def sealed(d: Document, key: Ed25519PrivateKey) -> bytes:
    qr = signing.make_qr_text(d, key)
    return signing.seal_pdf(rendered(d, qr), d, qr, key)


# ------------------------------------------------------------------- keys
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_key_is_made_on_first_use_owner_only_and_reused(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(signing.PASSPHRASE_ENV, raising=False)
    monkeypatch.setenv(signing.UNENCRYPTED_ENV, "1")  # a demo desk's explicit choice
    first = signing.load_or_create_private_key(tmp_path)
    path = signing.key_path(tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert b"BEGIN PRIVATE KEY" in path.read_bytes()
    again = signing.load_or_create_private_key(tmp_path)
    assert signing.same_key(first, again)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_without_a_passphrase_the_key_is_encrypted_with_a_desk_secret_kept_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(signing.PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv(signing.UNENCRYPTED_ENV, raising=False)
    monkeypatch.setenv("COURTAPP_DATA_DIR", str(tmp_path / "desk"))
    keys = tmp_path / "keys"
    made = signing.load_or_create_private_key(keys)
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in signing.key_path(keys).read_bytes()
    secret = signing.desk_secret_path()
    assert secret.parent != keys and stat.S_IMODE(os.stat(secret).st_mode) == 0o600
    assert signing.same_key(signing.load_or_create_private_key(keys), made)
    # the key file without its desk secret cannot sign
    secret.unlink()
    with pytest.raises(signing.SigningKeyError, match=signing.PASSPHRASE_ENV):
        signing.load_private_key(signing.key_path(keys))


def test_with_a_passphrase_the_key_file_is_encrypted_and_needs_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(signing.PASSPHRASE_ENV, "correct horse 法院")
    made = signing.load_or_create_private_key(tmp_path)
    pem = signing.key_path(tmp_path).read_bytes()
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in pem
    assert signing.same_key(signing.load_or_create_private_key(tmp_path), made)
    monkeypatch.delenv(signing.PASSPHRASE_ENV)
    with pytest.raises(signing.SigningKeyError, match=signing.PASSPHRASE_ENV):
        signing.load_private_key(signing.key_path(tmp_path))
    with pytest.raises(signing.SigningKeyError, match="wrong passphrase"):
        signing.load_private_key(signing.key_path(tmp_path), passphrase="wrong")


def test_the_public_key_exports_as_pem_and_reads_back(key: Ed25519PrivateKey) -> None:
    pem = signing.public_key_pem(key)
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    assert signing.same_key(signing.load_public_key(pem), key)
    with pytest.raises(signing.SigningKeyError):
        signing.load_public_key("not a key")


# --------------------------------------------------------------------- QR
def test_the_qr_text_holds_number_case_kind_date_hash_and_signature(key: Ed25519PrivateKey) -> None:
    d = doc()
    text = signing.make_qr_text(d, key)
    parts = text.split("|")
    assert parts[:5] == ["CA1", "(2026)京0105执1234号之一", "(2026)京0105执1234号",
                         "listing_decision", "2026-05-08"]
    assert len(parts) == 7 and len(parts[5]) == 43 and len(parts[6]) == 86
    qr = signing.parse_qr(text)
    assert qr.content_hash == content_hash(d)
    assert len(text.encode("utf-8")) < 260  # compact enough for a small QR code
    v = signing.verify_qr(text, key.public_key())
    assert v.valid and "(2026)京0105执1234号之一" in v.reason_zh
    assert v.line("en").startswith("valid: ") and v.line("zh").startswith("有效：")


def test_a_qr_signed_with_another_key_is_rejected(key: Ed25519PrivateKey) -> None:
    text = signing.make_qr_text(doc(), Ed25519PrivateKey.generate())
    v = signing.verify_qr(text, key.public_key())
    assert not v.valid and "signature" in v.reason_en and v.line("en").startswith("invalid: ")


def test_a_qr_with_a_changed_field_is_rejected(key: Ed25519PrivateKey) -> None:
    text = signing.make_qr_text(doc(), key)
    forged = text.replace("2026-05-08", "2026-05-09")
    assert not signing.verify_qr(forged, key.public_key()).valid
    assert not signing.verify_qr(text.replace("之一", "之二"), key.public_key()).valid


def test_a_qr_copied_onto_another_document_is_rejected(key: Ed25519PrivateKey) -> None:
    a, b = doc(), doc(number="(2026)京0105执1234号之二", name="王五")
    text = signing.make_qr_text(a, key)
    assert signing.verify_qr(text, key.public_key(), document=a).valid
    v = signing.verify_qr(text, key.public_key(), document=b)
    assert not v.valid and "another document" in v.reason_en and "另一份文书" in v.reason_zh
    # Same number, different content (e.g. a forged name): the hash differs.
    v2 = signing.verify_qr(text, key.public_key(), document=doc(name="张四"))
    assert not v2.valid and "content hash" in v2.reason_en


@pytest.mark.parametrize("text", ["", "hello", "CA1|a|b|warning|2026-01-01|xx|yy",
                                  "CA2|a|b|c|d|e|f", "CA1|a|b|nonsense|2026-01-01|" + "A" * 43
                                  + "|" + "A" * 86])
def test_text_that_is_not_a_ca1_code_is_rejected(key: Ed25519PrivateKey, text: str) -> None:
    v = signing.verify_qr(text, key.public_key())
    assert not v.valid and "not a courtapp verification code" in v.reason_en


def test_a_separator_in_a_number_is_refused_rather_than_signed(key: Ed25519PrivateKey) -> None:
    with pytest.raises(ValueError, match="number"):
        signing.make_qr_text(doc(number="a|b"), key)


# -------------------------------------------------------------------- PDF
def test_a_sealed_pdf_verifies_and_carries_its_qr_and_fields(key: Ed25519PrivateKey) -> None:
    d = doc()
    data = sealed(d, key)
    assert data.rstrip().rsplit(b"\n", 1)[1].startswith(b"%COURTAPP-SIG ")
    v = signing.verify_pdf(data, key.public_key())
    assert v.valid, v.reason_en
    assert v.fields == d.fields() | {"issued_on": "2026-05-08", "extra": {"grounds": [3], "on": "2026-05-08"},
                                     "parties": [p.__dict__ for p in d.parties],
                                     "body": list(d.body), "legal_basis": list(d.legal_basis)}
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None and meta["/CourtAppQR"] == signing.make_qr_text(d, key)
    assert meta["/Title"] == d.title  # the renderer's own information is kept


def test_sealing_is_deterministic(key: Ed25519PrivateKey) -> None:
    d = doc()
    assert sealed(d, key) == sealed(d, key)


def test_one_changed_byte_anywhere_is_detected(key: Ed25519PrivateKey) -> None:
    data = sealed(doc(), key)
    stream = data.index(b"stream\n") + 10  # inside the page's content stream
    body_end = data.rindex(b"%COURTAPP-SIG")
    for at in (stream, 9, len(data) // 2, body_end - 3):
        bad = bytearray(data)
        bad[at] ^= 0x01
        v = signing.verify_pdf(bytes(bad), key.public_key())
        assert not v.valid, at
        assert "altered" in v.reason_en


def test_a_missing_signature_is_rejected(key: Ed25519PrivateKey) -> None:
    data = sealed(doc(), key)
    unsigned = data[:data.rindex(b"%COURTAPP-SIG")]
    v = signing.verify_pdf(unsigned, key.public_key())
    assert not v.valid and v.reason_en == "the file carries no court signature"
    assert not signing.verify_pdf(rendered(doc()), key.public_key()).valid


def test_data_appended_after_the_signature_is_rejected(key: Ed25519PrivateKey) -> None:
    data = sealed(doc(), key) + b"1 0 obj\n<< >>\nendobj\n"
    v = signing.verify_pdf(data, key.public_key())
    assert not v.valid and "after the court signed it" in v.reason_en


def test_a_pdf_signed_with_another_key_is_rejected(key: Ed25519PrivateKey) -> None:
    data = sealed(doc(), Ed25519PrivateKey.generate())
    assert not signing.verify_pdf(data, key.public_key()).valid


def test_a_qr_copied_onto_another_pdf_is_rejected_even_when_the_file_is_signed(
        key: Ed25519PrivateKey) -> None:
    a, b = doc(), doc(number="(2026)京0105执1234号之二", name="王五")
    qr_a = signing.make_qr_text(a, key)
    forged = signing.seal_pdf(rendered(b, qr_a), b, qr_a, key)
    v = signing.verify_pdf(forged, key.public_key())
    assert not v.valid and "another document" in v.reason_en


def test_a_file_that_is_not_a_pdf_is_rejected(key: Ed25519PrivateKey) -> None:
    assert signing.verify_pdf(b"hello", key.public_key()).reason_en == "this is not a PDF file"


def test_a_pdf_the_fast_path_cannot_update_is_sealed_through_pypdf(
        key: Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch) -> None:
    d = doc()
    qr = signing.make_qr_text(d, key)
    assert signing._append_info(b"%PDF-1.7 not really", {}) is None
    monkeypatch.setattr(signing, "_append_info", lambda pdf, entries: None)
    once = signing.seal_pdf(rendered(d, qr), d, qr, key)
    assert once == signing.seal_pdf(rendered(d, qr), d, qr, key)
    assert signing.verify_pdf(once, key.public_key()).valid


# ------------------------------------------------------------ numbering
@pytest.mark.parametrize(("n", "text"), [(1, "一"), (3, "三"), (10, "十"), (11, "十一"), (20, "二十"),
                                         (99, "九十九"), (100, "一百"), (105, "一百零五"),
                                         (110, "一百一十"), (1010, "一千零一十"), (2026, "二千零二十六")])
def test_documents_are_numbered_zhi_n_in_chinese_numerals(n: int, text: str) -> None:
    assert chinese_numeral(n) == text
    assert document_number("(2026)京0105执1234号", n) == f"（2026）京0105执1234号之{text}"
