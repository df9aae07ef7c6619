"""The court's Ed25519 key, the signed QR code and offline verification of issued PDFs.

The key
    One Ed25519 key per court, made on first use (:func:`load_or_create_private_key`).
    The private key is a PKCS#8 PEM file, ``court-signing-key.pem`` in the data
    directory (:func:`courtapp.core.paths.data_dir`).  It is always created with
    file mode 0600 (owner only), and always encrypted at rest (PKCS#8 PBES2:
    PBKDF2-HMAC-SHA256 and AES-256-CBC).  The passphrase is
    ``COURTAPP_KEY_PASSPHRASE`` when set (then needed on every later use: the
    strongest choice, for courts that keep the data directory on a shared or
    backed-up disk); without it, a random desk secret made on first use and
    kept apart from the key, in the desk's configuration directory
    (``desk-key-secret``, mode 0600), so that the key file alone, or a copy of
    the data directory, cannot sign.  ``COURTAPP_KEY_UNENCRYPTED=1`` (a test
    desk) makes a plain file.  Courts that need more should
    set the passphrase.  The public key is exported as SubjectPublicKeyInfo PEM
    (``courtapp key export``) and is also stored in the database settings, so
    that every desk verifies with the same key.

The QR code (``CA1`` format), UTF-8, fields separated by ``|``::

    CA1|<document number>|<case number>|<kind>|<issue date>|<content hash>|<signature>

``content hash`` is the SHA-256 of the document's content fields
(:func:`~courtapp.core.documents.model.content_hash`) in unpadded base64url
(43 characters); ``signature`` is the Ed25519 signature (unpadded base64url,
86 characters) over the UTF-8 bytes of everything before the last ``|``.
The QR text is computed from the :class:`Document` *before* rendering, so the
renderer can print it.

The PDF
    :func:`seal_pdf` takes the rendered bytes and (a) appends an incremental
    update whose document information dictionary carries ``/CourtAppQR`` (the
    QR text) and ``/CourtAppFields`` (the canonical JSON of the content fields),
    then (b) appends, after the final ``%%EOF``, one comment line
    ``%COURTAPP-SIG <base64url>`` holding the Ed25519 signature over
    ``b"courtapp-pdf-v1:" + SHA-256(every byte before that line)``.  Both steps
    are deterministic, so the same rendering seals to the same bytes.

:func:`verify_pdf` checks, in order: the signature line is there and is the
last thing in the file; it matches the bytes and the key; the embedded QR
text is signed by the key; and the QR's number, case, kind, date and hash are
those of the embedded content fields (a QR copied from another document fails
here).  :func:`verify_qr` checks a scanned QR text on its own.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from courtapp.core import paths
from courtapp.core.documents.model import DocKind, Document, canonical, content_hash
from courtapp.core.domain.errors import DomainError

KEY_FILE = "court-signing-key.pem"
PASSPHRASE_ENV = "COURTAPP_KEY_PASSPHRASE"
#: ``1``: a new key may be made without a passphrase (demo and test desks only).
UNENCRYPTED_ENV = "COURTAPP_KEY_UNENCRYPTED"
#: The random secret that encrypts the key when no passphrase is set (config dir).
DESK_SECRET_FILE = "desk-key-secret"
QR_VERSION = "CA1"
SIG_MARKER = b"%COURTAPP-SIG "
PDF_SIG_CONTEXT = b"courtapp-pdf-v1:"
INFO_QR = "/CourtAppQR"
INFO_FIELDS = "/CourtAppFields"

#: Short labels for messages (the documents' own titles come from the templates).
KIND_LABELS: dict[DocKind, tuple[str, str]] = {
    DocKind.EXECUTION_NOTICE: ("execution notice", "执行通知书"),
    DocKind.WARNING: ("warning notice", "失信预警通知书"),
    DocKind.LISTING_DECISION: ("listing decision", "纳入失信被执行人名单决定书"),
    DocKind.RESTRICTION_ORDER: ("consumption restriction order", "限制消费令"),
    DocKind.RESTRICTION_LIFTING: ("notice lifting a restriction", "解除限制消费通知书"),
    DocKind.DELETION: ("deletion or revocation notice", "删除失信信息决定书"),
    DocKind.CORRECTION_DECISION: ("decision on a correction application", "纠正申请决定书"),
    DocKind.PERMISSION: ("permission for travel or consumption", "准许临时出行/消费决定书"),
    DocKind.RECEIPT: ("counter receipt", "收件回执"),
}


class SigningKeyError(DomainError):
    """The court key is missing, unreadable, or protected by a passphrase not given."""


# ------------------------------------------------------------------- keys
def key_path(directory: Path | None = None) -> Path:
    """Where this desk keeps the court's private key."""
    return (directory if directory is not None else paths.data_dir()) / KEY_FILE


def _passphrase(passphrase: str | None) -> bytes | None:
    value = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV)
    return value.encode("utf-8") if value else None


def desk_secret_path() -> Path:
    """Where the desk secret lives: the configuration directory, not the key's."""
    return paths.config_dir() / DESK_SECRET_FILE


def _desk_secret(*, create: bool) -> bytes | None:
    """The desk's random key secret (made on first use with ``create``)."""
    path = desk_secret_path()
    try:
        return path.read_bytes().strip() or None
    except FileNotFoundError:
        if not create:
            return None
    path.parent.mkdir(parents=True, exist_ok=True)
    token = base64.urlsafe_b64encode(os.urandom(32))
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:  # another process made it meanwhile
        return path.read_bytes().strip() or None
    with os.fdopen(fd, "wb") as f:
        f.write(token)
    return token


def create_private_key(path: Path, *, passphrase: str | None = None) -> Ed25519PrivateKey:
    """Make a new key at ``path`` (mode 0600), encrypted with the passphrase given,
    ``COURTAPP_KEY_PASSPHRASE``, or else the desk secret; plain only with
    ``COURTAPP_KEY_UNENCRYPTED=1`` (a test desk).  Never overwrites an existing file."""
    secret = _passphrase(passphrase)
    if secret is None and os.environ.get(UNENCRYPTED_ENV) != "1":
        secret = _desk_secret(create=True)
    key = Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            encryption)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    return key


def load_private_key(path: Path, *, passphrase: str | None = None) -> Ed25519PrivateKey:
    """Read the desk's key: with the passphrase (given or ``COURTAPP_KEY_PASSPHRASE``),
    else with the desk secret."""
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        raise SigningKeyError(f"no court signing key at {path}") from None
    encrypted = b"ENCRYPTED" in pem
    secret = _passphrase(passphrase)
    if encrypted and secret is None:
        secret = _desk_secret(create=False)
    if encrypted and secret is None:
        raise SigningKeyError(
            f"the court signing key {path} is protected by a passphrase; set {PASSPHRASE_ENV}")
    try:
        key = serialization.load_pem_private_key(pem, password=secret if encrypted else None)
    except ValueError:
        raise SigningKeyError(
            f"cannot read the court signing key {path}: wrong passphrase or damaged file "
            f"(a key made with {PASSPHRASE_ENV} needs it on every use)") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} does not hold an Ed25519 key")
    return key


def load_or_create_private_key(directory: Path | None = None, *,
                               passphrase: str | None = None) -> Ed25519PrivateKey:
    """The court key of this desk, made on first use."""
    path = key_path(directory)
    if not path.exists():
        try:
            return create_private_key(path, passphrase=passphrase)
        except FileExistsError:  # another process made it meanwhile
            pass
    return load_private_key(path, passphrase=passphrase)


def private_key_files(directory: Path | None = None) -> list[Path]:
    """This desk's private key files (what a backup carries, encrypted)."""
    base = directory if directory is not None else paths.data_dir()
    stem = Path(KEY_FILE).stem
    found = sorted(p for p in (base / KEY_FILE, *base.glob(f"{stem}.retired-*.pem")) if p.is_file())
    secret = base / DESK_SECRET_FILE if directory is not None else desk_secret_path()
    return found + [secret] if found and secret.is_file() else found


def install_private_key_file(name: str, data: bytes, directory: Path | None = None) -> Path | None:
    """Write a key file restored from a backup (mode 0600); never over an existing
    file (returns None then), never outside ``directory``."""
    base = directory if directory is not None else paths.data_dir()
    if name == DESK_SECRET_FILE:  # the secret of keys made without a passphrase
        target = base / name if directory is not None else desk_secret_path()
    elif Path(name).name != name or not name.endswith(".pem"):
        raise SigningKeyError(f"not a key file name: {name!r}")
    else:
        target = base / name
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        return None
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return target


def public_key_pem(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def load_public_key(data: str | bytes) -> Ed25519PublicKey:
    """A public key from PEM (as exported) or from 32 raw bytes in base64."""
    raw = data.encode("ascii") if isinstance(data, str) else data
    try:
        if b"BEGIN" in raw:
            key = serialization.load_pem_public_key(raw)
            if not isinstance(key, Ed25519PublicKey):
                raise SigningKeyError("not an Ed25519 public key")
            return key
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(raw.strip(), validate=True))
    except (ValueError, binascii.Error):
        raise SigningKeyError("not a readable Ed25519 public key") from None


def fingerprint(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    """A short, stable name for a key (first 16 hex digits of SHA-256 of the raw key)."""
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def same_key(a: Ed25519PublicKey | Ed25519PrivateKey, b: Ed25519PublicKey | Ed25519PrivateKey) -> bool:
    return fingerprint(a) == fingerprint(b)


# --------------------------------------------------------------- encoding
def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# --------------------------------------------------------------------- QR
@dataclass(frozen=True)
class QrData:
    """What a ``CA1`` QR text says."""

    number: str
    case_number: str
    kind: str
    issued_on: str
    content_hash: str  # hex, as :func:`content_hash`
    signature: bytes
    signed_text: str  # the part the signature covers

    def fields(self) -> dict[str, str]:
        return {"number": self.number, "case_number": self.case_number, "kind": self.kind,
                "issued_on": self.issued_on, "content_hash": self.content_hash}


def _check_field(name: str, value: str) -> str:
    if "|" in value or "\n" in value or not value:
        raise ValueError(f"the document's {name} cannot go into a QR code: {value!r}")
    return value


def qr_payload(doc: Document) -> str:
    """The signed part of the QR text for ``doc`` (everything but the signature)."""
    digest = bytes.fromhex(content_hash(doc))
    parts = [QR_VERSION, _check_field("number", doc.number),
             _check_field("case number", doc.case_number), doc.kind.value,
             doc.issued_on.isoformat(), _b64(digest)]
    return "|".join(parts)


def make_qr_text(doc: Document, key: Ed25519PrivateKey) -> str:
    """The QR text for ``doc``, signed with the court key."""
    payload = qr_payload(doc)
    return f"{payload}|{_b64(key.sign(payload.encode('utf-8')))}"


def parse_qr(text: str) -> QrData:
    """Split a QR text; raises ValueError if it is not a ``CA1`` code."""
    text = text.strip()
    parts = text.split("|")
    if len(parts) != 7 or parts[0] != QR_VERSION:
        raise ValueError("not a courtapp verification code")
    _, number, case_number, kind, issued_on, h, sig = parts
    digest = _unb64(h)
    signature = _unb64(sig)
    if len(digest) != 32 or len(signature) != 64:
        raise ValueError("bad hash or signature length")
    date.fromisoformat(issued_on)
    DocKind(kind)
    return QrData(number, case_number, kind, issued_on, digest.hex(), signature,
                  text.rsplit("|", 1)[0])


# ---------------------------------------------------------------- verdict
@dataclass(frozen=True)
class Verdict:
    valid: bool
    reason_en: str
    reason_zh: str
    fields: dict[str, Any] = field(default_factory=dict)

    def reason(self, lang: str = "en") -> str:
        return self.reason_zh if lang.startswith("zh") else self.reason_en

    def line(self, lang: str = "en") -> str:
        """``valid: …`` or ``invalid: …`` (the CLI's output)."""
        if lang.startswith("zh"):
            return f"{'有效' if self.valid else '无效'}：{self.reason_zh}"
        return f"{'valid' if self.valid else 'invalid'}: {self.reason_en}"


def _bad(en: str, zh: str, fields: dict[str, Any] | None = None) -> Verdict:
    return Verdict(False, en, zh, dict(fields or {}))


def _good(number: str, case_number: str, kind: str, issued_on: str,
          fields: dict[str, Any]) -> Verdict:
    try:
        en, zh = KIND_LABELS[DocKind(kind)]
    except ValueError:
        en = zh = kind
    return Verdict(True, f"{en} {number} in case {case_number}, issued {issued_on}, "
                         "signed by the court's key",
                   f"{zh} {number}（案号{case_number}），{issued_on}签发，法院密钥签名相符", fields)


def verify_qr(text: str, public_key: Ed25519PublicKey, *,
              document: Document | None = None) -> Verdict:
    """Check a scanned QR text: its form, its signature, and (given the document it
    was printed on) that it belongs to that document."""
    try:
        qr = parse_qr(text)
    except ValueError:
        return _bad("this is not a courtapp verification code (CA1)",
                    "这不是本系统的核验码（CA1格式）")
    try:
        public_key.verify(qr.signature, qr.signed_text.encode("utf-8"))
    except InvalidSignature:
        return _bad("the code's signature does not match the court's key: it was altered "
                    "or not issued by this court",
                    "核验码签名与本院密钥不符：已被篡改或非本院签发", qr.fields())
    if document is not None:
        mismatch = _qr_mismatch(qr, document.fields())
        if mismatch:
            return mismatch
    return _good(qr.number, qr.case_number, qr.kind, qr.issued_on, qr.fields())


def _qr_mismatch(qr: QrData, fields: dict[str, Any]) -> Verdict | None:
    own = {"number": fields.get("number"), "case_number": fields.get("case_number"),
           "kind": fields.get("kind"), "issued_on": fields.get("issued_on"),
           "content_hash": hashlib.sha256(canonical(fields)).hexdigest()}
    differ = [k for k, v in qr.fields().items() if own[k] != v]
    if not differ:
        return None
    return _bad("the QR code belongs to another document: its "
                + ", ".join(k.replace("_", " ") for k in differ) + " differ from this document's",
                "核验码属于另一份文书：其" + "、".join(_ZH_FIELD[k] for k in differ)
                + "与本文书不一致", qr.fields())


_ZH_FIELD = {"number": "文书编号", "case_number": "案号", "kind": "文书种类", "issued_on": "签发日期",
             "content_hash": "内容摘要"}


# -------------------------------------------------------------------- PDF
def _text_string(value: str) -> bytes:
    """A PDF text string (UTF-16BE with BOM, hex form): safe for any character."""
    return b"<" + binascii.hexlify(b"\xfe\xff" + value.encode("utf-16-be")).upper() + b">"


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def _append_info(pdf: bytes, entries: dict[str, str]) -> bytes | None:
    """Append an incremental update whose Info dictionary is the old one plus
    ``entries``.  Deterministic; None if the file's structure is not the classic
    xref table this knows (the caller then falls back to pypdf)."""
    m = _STARTXREF.search(pdf[-1024:])
    if m is None:
        return None
    prev = int(m.group(1))
    tail = pdf[prev:]
    if not tail.startswith(b"xref"):
        return None  # an xref stream
    t = pdf.rfind(b"trailer", prev)
    if t < 0:
        return None
    end = pdf.find(b"startxref", t)
    trailer = pdf[t:end]
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    info = re.search(rb"/Info\s+(\d+)\s+(\d+)\s+R", trailer)
    ident = re.search(rb"/ID\s*(\[[^\]]*\])", trailer)
    if size is None or root is None:
        return None
    old_info = b"<<"
    if info is not None:
        body = _object_body(pdf, prev, int(info.group(1)))
        if body is None:
            return None
        close = body.rfind(b">>")
        if not body.startswith(b"<<") or close < 0:
            return None
        old_info = body[:close]
        if any(k.encode("ascii") in old_info for k in entries):
            return None
    num = int(size.group(1))
    out = bytearray(pdf)
    if not out.endswith(b"\n"):
        out += b"\n"
    offset = len(out)
    new_info = old_info.rstrip() + b"\n" + b"\n".join(
        k.encode("ascii") + b" " + _text_string(v) for k, v in entries.items()) + b"\n>>"
    out += b"%d 0 obj\n" % num + new_info + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n%d 1\n%010d 00000 n \n" % (num, offset)
    out += b"trailer\n<<\n/Size %d\n/Root %s\n/Info %d 0 R\n/Prev %d\n" % (
        num + 1, root.group(1), num, prev)
    if ident is not None:
        out += b"/ID " + ident.group(1) + b"\n"
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _object_body(pdf: bytes, xref_at: int, num: int) -> bytes | None:
    """The bytes between ``N G obj`` and ``endobj`` for object ``num`` (classic xref)."""
    pos = xref_at + len(b"xref")
    lines = pdf[pos:pdf.find(b"trailer", pos)].split(b"\n")
    it = iter(x.strip() for x in lines if x.strip())
    for head in it:
        parts = head.split()
        if len(parts) != 2:
            return None
        first, count = int(parts[0]), int(parts[1])
        for k in range(count):
            entry = next(it, b"").split()
            if first + k == num and len(entry) == 3 and entry[2] == b"n":
                at = int(entry[0])
                start = pdf.find(b"obj", at) + 3
                stop = pdf.find(b"endobj", start)
                return pdf[start:stop].strip() if start > 2 and stop > 0 else None
    return None


def _append_info_pypdf(pdf: bytes, entries: dict[str, str]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(PdfReader(io.BytesIO(pdf)), incremental=True)
    writer.add_metadata(entries)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def embed(pdf: bytes, doc: Document, qr_text: str) -> bytes:
    """``pdf`` with the QR text and the content fields in its Info dictionary."""
    entries = {INFO_QR: qr_text, INFO_FIELDS: canonical(doc.fields()).decode("utf-8")}
    out = _append_info(pdf, entries)
    return out if out is not None else _append_info_pypdf(pdf, entries)


def sign_file(pdf: bytes, key: Ed25519PrivateKey) -> bytes:
    """Append ``%COURTAPP-SIG <sig>`` after the final ``%%EOF``."""
    body = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    sig = key.sign(PDF_SIG_CONTEXT + hashlib.sha256(body).digest())
    return body + SIG_MARKER + _b64(sig).encode("ascii") + b"\n"


def seal_pdf(pdf: bytes, doc: Document, qr_text: str, key: Ed25519PrivateKey) -> bytes:
    """The issued file: the rendered ``pdf`` with its verification data and signature."""
    return sign_file(embed(pdf, doc, qr_text), key)


def split_signature(data: bytes) -> tuple[bytes, bytes] | None:
    """``(signed bytes, signature)``, or None if the file has no signature line at its end."""
    at = data.rfind(b"\n" + SIG_MARKER)
    if at < 0:
        return None
    line = data[at + 1:]
    m = re.fullmatch(rb"%COURTAPP-SIG ([A-Za-z0-9_-]+)\r?\n?", line)
    if m is None:
        return None
    try:
        sig = _unb64(m.group(1).decode("ascii"))
    except ValueError:
        return None
    return data[:at + 1], sig


def embedded(data: bytes) -> tuple[str | None, dict[str, Any] | None]:
    """The QR text and the content fields a sealed PDF carries (not verified)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        meta: dict[str, Any] = dict(PdfReader(io.BytesIO(data)).metadata or {})
        qr = meta.get(INFO_QR)
        raw = meta.get(INFO_FIELDS)
        fields = json.loads(str(raw)) if raw is not None else None
    except (PyPdfError, ValueError, KeyError, TypeError):
        return None, None
    return (str(qr) if qr is not None else None), (fields if isinstance(fields, dict) else None)


def verify_pdf(data: bytes, public_key: Ed25519PublicKey) -> Verdict:
    """Check an issued PDF offline against the court's public key."""
    if not data.startswith(b"%PDF-"):
        return _bad("this is not a PDF file", "这不是PDF文件")
    split = split_signature(data)
    if split is None:
        if SIG_MARKER in data:
            return _bad("the file was changed after the court signed it (data follows the "
                        "signature)", "文件在法院签名后被追加或改动")
        return _bad("the file carries no court signature", "文件没有法院签名")
    body, sig = split
    try:
        public_key.verify(sig, PDF_SIG_CONTEXT + hashlib.sha256(body).digest())
    except InvalidSignature:
        return _bad("the file's signature does not match: the file was altered after it was "
                    "issued, or it was not signed with this court's key",
                    "文件签名不符：文件在签发后被改动，或并非本院密钥签名")
    qr_text, fields = embedded(body)
    if qr_text is None or fields is None:
        return _bad("the file carries no verification code data", "文件中没有核验码数据")
    qr_verdict = verify_qr(qr_text, public_key)
    if not qr_verdict.valid:
        return Verdict(False, qr_verdict.reason_en, qr_verdict.reason_zh, fields)
    mismatch = _qr_mismatch(parse_qr(qr_text), fields)
    if mismatch is not None:
        return Verdict(False, mismatch.reason_en, mismatch.reason_zh, fields)
    return _good(str(fields["number"]), str(fields["case_number"]), str(fields["kind"]),
                 str(fields["issued_on"]), fields)
