"""The register of issued court documents (issue 4 §3-§5).

Issuing a document:
1. checks the permission (``DOCUMENT_ISSUE``; the counter receipt needs
   ``RECEIPT_ISSUE``) and the precondition the kind needs in the stored state
   (a served notice, a signed listing, a lifted item…), refusing with a
   :class:`ValidationError` that says what is missing;
2. numbers it per case: ``<case number>之<n>`` in Chinese numerals, n counting
   every document issued in the case (``(2026)京0105执1234号之三``);
3. builds the :class:`Document` (``builders.build``), signs its content hash
   into the QR text (``signing.make_qr_text``), renders it with that QR code,
   seals the PDF (verification data + file signature) and stores the exact
   bytes with their SHA-256 and an audit record, in one transaction.

An issued document is never edited or deleted (the ORM refuses it); a
correction issues a new document whose ``supersedes`` is the old number, and
the old one is marked ``superseded_by``.  A reprint returns the stored bytes.

The court key: each desk holds the private key in its data directory
(:mod:`courtapp.core.documents.signing`); the first desk to issue registers
the public key in the settings table, and a desk whose key differs is refused,
so every document of a court verifies with the one public key.

Long operations (:func:`issue_batch`, :func:`render_batch`) are generators
yielding :class:`BatchProgress`; cancelling is stopping the iteration.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from courtapp.core.db.orm import (
    CaseRow,
    IssuedDocumentRow,
    ListingRow,
    RestrictionOrderRow,
    SettingRow,
)
from courtapp.core.db.repositories.cases import CaseRepository
from courtapp.core.db.repositories.listings import ListingRepository
from courtapp.core.db.repositories.orders import OrderRepository
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents import signing
from courtapp.core.documents.model import DocKind, Document, canonical, document_from_fields
from courtapp.core.domain.errors import (
    DomainError,
    FieldError,
    NotFound,
    ValidationError,
)
from courtapp.core.domain.listing import Listing, ListingStatus, RestrictionStatus
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.restriction_order import OrderStatus, RestrictionOrder
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services import audit

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

SETTING_PUBLIC_KEY = "documents.court_public_key"

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

_DECISION_KINDS = frozenset({DocKind.LISTING_DECISION, DocKind.RESTRICTION_ORDER})
#: Kinds that may be addressed to every respondent (``respondent=None``).
_ANY_RESPONDENT = frozenset({DocKind.EXECUTION_NOTICE, DocKind.RECEIPT})
_MAX_ATTEMPTS = 5


# -------------------------------------------------------------------- DTOs
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


# ----------------------------------------------------- rendering (pluggable)
def _build(kind: DocKind, case: EnforcementCase, **kw: Any) -> Document:
    from courtapp.core.documents import builders

    return builders.build(kind, case, **kw)


def _render(doc: Document, qr_text: str | None) -> bytes:
    from courtapp.core.documents import render

    return render.render(doc, qr_text=qr_text)


def _render_many(pairs: Sequence[tuple[Document, str | None]]) -> bytes:
    from courtapp.core.documents import render

    return render.render_many(pairs)


def _missing_precondition() -> type[Exception]:
    from courtapp.core.documents import builders

    return builders.MissingPrecondition


def _render_pure(item: tuple[Document, str | None]) -> bytes:
    """Top-level (picklable) render call for a process pool."""
    return _render(item[0], item[1])


# ------------------------------------------------------------------ helpers
_CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 105 → 一百零五 (for 之n)."""
    if n <= 0:
        raise ValueError(n)
    if n >= 10000:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out, zero = "", False
    rest = n
    for value, name in units:
        d, rest = divmod(rest, value)
        if d:
            if zero:
                out += "零"
            out += _CN_DIGITS[d] + name
            zero = False
        elif out:
            zero = True
    if rest:
        out += ("零" if zero else "") + _CN_DIGITS[rest]
    return out


def document_number(case_number: str, sequence: int) -> str:
    """``（2026）京0105执1234号之三``: the case number as courts print it, then 之n."""
    return f"{_display(case_number)}之{chinese_numeral(sequence)}"


def _display(case_number: str) -> str:
    from courtapp.core.domain.identifiers import display_number

    return display_number(case_number)


def normalize_number(text: str) -> str:
    """A document number as stored (full-width brackets), however it was typed."""
    return text.strip().replace("(", "（").replace(")", "）")


def _dto(r: IssuedDocumentRow, case_number: str) -> IssuedDocument:
    return IssuedDocument(
        r.id, r.number, DocKind(r.kind), r.case_id, case_number, r.respondent, r.respondent_name,
        r.lang, r.signer, r.signer_title, r.issued_on, r.issued_by, r.issued_at, r.content_hash,
        r.pdf_sha256, r.qr_text, r.supersedes, r.superseded_by, r.listing_id, r.order_id)


def _refuse(path: str, rule: str, en: str, zh: str) -> ValidationError:
    return ValidationError([FieldError(path, rule, en, zh)])


def _require_issue(actor: Actor, kind: DocKind) -> None:
    require(actor, Permission.RECEIPT_ISSUE if kind is DocKind.RECEIPT else Permission.DOCUMENT_ISSUE)


# ------------------------------------------------------------------ the key
def court_public_key(uow: UnitOfWork) -> Ed25519PublicKey | None:
    """The court's public key registered in the database, if any."""
    with uow:
        row = uow.session.get(SettingRow, SETTING_PUBLIC_KEY)
        return signing.load_public_key(row.value) if row else None


def court_signing_key(uow: UnitOfWork, actor: Actor) -> Ed25519PrivateKey:
    """This desk's court key (made on first use), registered in the database on
    first use; refused if the database already knows another key."""
    key = signing.load_or_create_private_key()
    for _ in range(2):
        try:
            with uow:
                row = uow.session.get(SettingRow, SETTING_PUBLIC_KEY)
                if row is None:
                    uow.session.add(SettingRow(key=SETTING_PUBLIC_KEY,
                                               value=signing.public_key_pem(key)))
                    audit.record(uow, actor, "court_key.register", "setting", SETTING_PUBLIC_KEY,
                                 after={"fingerprint": signing.fingerprint(key)})
                    uow.commit()
                    return key
                registered = signing.load_public_key(row.value)
        except IntegrityError:  # another desk registered it at the same moment
            continue
        if not signing.same_key(registered, key):
            raise signing.SigningKeyError(
                f"this desk's signing key ({signing.fingerprint(key)}, {signing.key_path()}) is "
                f"not the court's key registered in the database ({signing.fingerprint(registered)}); "
                "copy the court key file from the desk that issued the first document")
        return key
    raise signing.SigningKeyError("could not register the court key")


# ------------------------------------------------------------- preconditions
@dataclass
class _Source:
    listing: ListingRow | None = None
    order: RestrictionOrderRow | None = None


def _who(case: EnforcementCase, respondent: int | None) -> tuple[str, str]:
    if respondent is None:
        return "any respondent", "被执行人"
    name = case.respondents[respondent].name
    return f"the respondent {name}", f"被执行人{name}"


def _listings(s: Session, case_id: int, respondent: int | None) -> list[ListingRow]:
    q = (select(ListingRow).options(selectinload(ListingRow.restrictions))
         .where(ListingRow.case_id == case_id).order_by(ListingRow.id.desc()))
    if respondent is not None:
        q = q.where(ListingRow.respondent == respondent)
    return list(s.scalars(q))


def _orders(s: Session, case_id: int, respondent: int | None) -> list[RestrictionOrderRow]:
    q = (select(RestrictionOrderRow).options(selectinload(RestrictionOrderRow.restrictions))
         .where(RestrictionOrderRow.case_id == case_id).order_by(RestrictionOrderRow.id.desc()))
    if respondent is not None:
        q = q.where(RestrictionOrderRow.respondent == respondent)
    return list(s.scalars(q))


@dataclass
class _State:
    """Cases with their listings and orders, loaded once for many documents."""

    cases: dict[int, EnforcementCase]
    listings: dict[int, list[ListingRow]]  # by case id, newest first
    orders: dict[int, list[RestrictionOrderRow]]
    last_sequence: dict[int, int]  # by case id: the highest document sequence issued


def _load_state(s: Session, case_ids: Iterable[int]) -> _State:
    ids = sorted(set(case_ids))
    cases = {i: rec.case for i, rec in CaseRepository(s).many(ids).items()}
    listings: dict[int, list[ListingRow]] = {i: [] for i in ids}
    for lr in s.scalars(select(ListingRow).options(selectinload(ListingRow.restrictions))
                        .where(ListingRow.case_id.in_(ids)).order_by(ListingRow.id.desc())):
        listings[lr.case_id].append(lr)
    orders: dict[int, list[RestrictionOrderRow]] = {i: [] for i in ids}
    for orow in s.scalars(select(RestrictionOrderRow)
                          .options(selectinload(RestrictionOrderRow.restrictions))
                          .where(RestrictionOrderRow.case_id.in_(ids))
                          .order_by(RestrictionOrderRow.id.desc())):
        orders[orow.case_id].append(orow)
    last = dict.fromkeys(ids, 0)
    for cid, top in s.execute(select(IssuedDocumentRow.case_id, func.max(IssuedDocumentRow.sequence))
                              .where(IssuedDocumentRow.case_id.in_(ids))
                              .group_by(IssuedDocumentRow.case_id)):
        last[cid] = int(top or 0)
    return _State(cases, listings, orders, last)


def _signed(r: ListingRow) -> bool:
    return r.status != ListingStatus.DRAFT.value


def _order_signed(r: RestrictionOrderRow) -> bool:
    return r.status != OrderStatus.DRAFT.value


def _lifted(items: Iterable[Any]) -> bool:
    return any(x.status in (RestrictionStatus.LIFTED.value, RestrictionStatus.TEMPORARILY_LIFTED.value)
               for x in items)


def _source(state: _State, case: EnforcementCase, case_id: int, req: IssueRequest, *,
            draft: bool = False) -> _Source:
    """The listing or order the document is issued from; refuses with what is missing.

    ``draft``: a preview may use an unsigned listing or order.
    """
    kind, respondent = req.kind, req.respondent
    who_en, who_zh = _who(case, respondent)
    listings = [r for r in state.listings.get(case_id, []) if r.respondent == respondent]
    orders = [r for r in state.orders.get(case_id, []) if r.respondent == respondent]
    if req.listing_id is not None:
        listings = [r for r in listings if r.id == req.listing_id]
        if not listings:
            raise _refuse("listing_id", "document.listing_not_found",
                          f"listing {req.listing_id} is not a listing of {who_en} in this case",
                          f"第{req.listing_id}号失信记录不属于本案{who_zh}")
        orders = []
    if req.order_id is not None:
        orders = [r for r in orders if r.id == req.order_id]
        if not orders:
            raise _refuse("order_id", "document.order_not_found",
                          f"restriction order {req.order_id} is not an order on {who_en} in this case",
                          f"第{req.order_id}号限制消费令不属于本案{who_zh}")
        if req.listing_id is None:
            listings = []
    signed = [r for r in listings if draft or _signed(r)]
    signed_orders = [r for r in orders if draft or _order_signed(r)]
    unsigned_note_en = unsigned_note_zh = ""
    if any(not _signed(r) for r in listings) or any(not _order_signed(r) for r in orders):
        unsigned_note_en = "; a prepared decision is waiting for the president's signature (院长签发)"
        unsigned_note_zh = "；已拟制的决定尚待院长签发"

    if kind is DocKind.EXECUTION_NOTICE:
        if case.execution_notice is None:
            raise _refuse("execution_notice", "document.needs_notice",
                          "an execution notice needs the case's notice data (its issue date and "
                          "performance deadline); record them on the case first",
                          "执行通知书需要案件的执行通知信息（发出日期和履行期限），请先在案件中登记")
        return _Source()
    if kind is DocKind.WARNING:
        found = [r for r in signed if r.grace_until is not None
                 and r.status != ListingStatus.REMOVED.value]
        if not found:
            raise _refuse("listing", "document.needs_grace_listing",
                          f"a warning notice needs a signed listing decision with a grace period "
                          f"for {who_en}; there is none{unsigned_note_en}",
                          f"失信预警通知书需要{who_zh}已签发且设有宽限期的纳入失信名单决定；"
                          f"目前没有{unsigned_note_zh}")
        return _Source(listing=found[0])
    if kind is DocKind.LISTING_DECISION:
        if not signed:
            raise _refuse("listing", "document.needs_signed_listing",
                          f"a listing decision needs a signed listing for {who_en}; there is "
                          f"none{unsigned_note_en}",
                          f"纳入失信名单决定书需要{who_zh}已签发的失信记录；目前没有{unsigned_note_zh}")
        return _Source(listing=signed[0])
    if kind is DocKind.RESTRICTION_ORDER:
        cand_l = [r for r in signed if r.restrictions]
        cand_o = [r for r in signed_orders if r.restrictions]
        if not cand_l and not cand_o:
            raise _refuse("restriction", "document.needs_signed_restriction",
                          f"a restriction order needs a signed listing with restrictions or a "
                          f"signed restriction order for {who_en}; there is none{unsigned_note_en}",
                          f"限制消费令需要{who_zh}已签发的含限制消费措施的失信决定或已签发的限制消费决定；"
                          f"目前没有{unsigned_note_zh}")
        best_l = cand_l[0] if cand_l else None
        best_o = cand_o[0] if cand_o else None
        if best_l is not None and best_o is not None:
            return _Source(listing=best_l) if best_l.decided_on >= best_o.decided_on \
                else _Source(order=best_o)
        return _Source(listing=best_l, order=best_o)
    if kind is DocKind.RESTRICTION_LIFTING:
        lifted_l = [r for r in signed if _lifted(r.restrictions)]
        lifted_o = [r for r in signed_orders
                    if _lifted(r.restrictions) or r.status == OrderStatus.LIFTED.value]
        if not lifted_l and not lifted_o:
            raise _refuse("restriction", "document.needs_lifted_item",
                          f"a lifting notice needs a restriction item of {who_en} that was lifted "
                          "or temporarily lifted; none is",
                          f"解除限制消费通知书需要{who_zh}已解除或暂时解除的限制消费项目；目前没有")
        return _Source(listing=lifted_l[0]) if lifted_l else _Source(order=lifted_o[0])
    if kind is DocKind.DELETION:
        removed = [r for r in signed if r.status == ListingStatus.REMOVED.value]
        if not removed:
            raise _refuse("listing", "document.needs_removed_listing",
                          f"a deletion notice needs a removed (deleted or revoked) listing of "
                          f"{who_en}; there is none",
                          f"删除失信信息决定书需要{who_zh}已删除或撤销的失信记录；目前没有")
        return _Source(listing=removed[0])
    # correction_decision, permission, receipt: their data come from ``extra``
    # (the counter issue adds petitions); pass what the case has, if anything.
    if kind is DocKind.RECEIPT:
        return _Source()
    return _Source(listing=signed[0] if signed else None,
                   order=signed_orders[0] if signed_orders and not signed else None)


def _lifted_items(src: _Source) -> list[int] | None:
    """The items lifted or temporarily lifted (None: every item, i.e. the whole order)."""
    rows = src.listing.restrictions if src.listing is not None else \
        src.order.restrictions if src.order is not None else []
    lifted = sorted({x.item for x in rows if _lifted([x])})
    everything = sorted({x.item for x in rows})
    if src.order is not None and src.order.status == OrderStatus.LIFTED.value:
        return None
    return None if lifted == everything else lifted


def _signer(kind: DocKind, case: EnforcementCase, src: _Source, actor: Actor,
            lang: str, *, draft: bool) -> tuple[str, str]:
    en = lang == "en"
    if kind in _DECISION_KINDS:
        signed_by = (src.listing.signed_by if src.listing is not None
                     else src.order.signed_by if src.order is not None else None)
        if signed_by:
            return signed_by, "President" if en else "院长"
        if draft:
            return ("(to be signed)" if en else "（待签发）"), "President" if en else "院长"
        raise _refuse("signer", "document.unsigned", "the decision is not signed",
                      "该决定尚未签发")
    if kind is DocKind.RECEIPT:
        # The officer's name, never a login: without one (the command line's operator)
        # the receipt leaves a line for a handwritten name.
        return actor.display_name.strip(), "Officer" if en else "经办人"
    return case.judge, "Judge" if en else "审判员"


@dataclass(frozen=True)
class _Prepared:
    request: IssueRequest
    doc: Document
    qr_text: str | None
    case_number: str
    respondent_name: str
    sequence: int
    listing_id: int | None
    order_id: int | None


def _prepare(s: Session, actor: Actor, req: IssueRequest, issued_on: date,
             key: Ed25519PrivateKey | None, *, sequence: int | None = None,
             supersedes: str = "", draft: bool = False, state: _State | None = None) -> _Prepared:
    """Check the precondition and build the Document (and its QR text unless a draft)."""
    if state is None or req.case_id not in state.cases:
        state = _load_state(s, [req.case_id])
    if req.case_id not in state.cases:
        raise NotFound(f"case id {req.case_id}")
    case = state.cases[req.case_id]
    if req.lang not in ("zh", "en"):
        raise _refuse("lang", "document.lang", "a document is in Chinese (zh) or English (en)",
                      "文书语言应为中文（zh）或英文（en）")
    respondent = req.respondent
    if req.kind not in _ANY_RESPONDENT and respondent is None:
        respondent = 0
    if respondent is not None and not 0 <= respondent < len(case.respondents):
        raise _refuse("respondent", "document.no_such_respondent",
                      f"the case has {len(case.respondents)} respondent(s), numbered from 0; "
                      f"there is no respondent {respondent}",
                      f"本案有{len(case.respondents)}名被执行人（自0起编号），没有第{respondent}号")
    req = replace(req, respondent=respondent)
    src = _source(state, case, req.case_id, req, draft=draft)
    signer, signer_title = _signer(req.kind, case, src, actor, req.lang, draft=draft)
    if sequence is None:
        sequence = state.last_sequence.get(req.case_id, 0) + 1
    number = ("草稿" if req.lang == "zh" else "DRAFT") if draft \
        else document_number(case.case_number, sequence)
    listing: Listing | None = ListingRepository(s).get(src.listing.id).listing \
        if src.listing is not None else None
    order: RestrictionOrder | None = OrderRepository(s).get(src.order.id).order \
        if src.order is not None else None
    extra = dict(req.extra)
    if req.kind is DocKind.RESTRICTION_LIFTING and "items" not in extra:
        extra["items"] = _lifted_items(src)
    if supersedes:
        extra["supersedes"] = supersedes
    try:
        doc = _build(req.kind, case, respondent=respondent, lang=req.lang, number=number,
                     issued_on=issued_on, signer=signer, signer_title=signer_title,
                     listing=listing, order=order, extra=extra or None)
    except _missing_precondition() as e:
        raise _refuse("extra", "document.missing_precondition",
                      str(getattr(e, "what_en", "") or e),
                      str(getattr(e, "what_zh", "") or e)) from None
    if supersedes:
        doc = replace(doc, supersedes=supersedes)
    qr = None if draft or key is None else signing.make_qr_text(doc, key)
    name = case.respondents[respondent].name if respondent is not None else ""
    return _Prepared(req, doc, qr, case.case_number, name, sequence,
                     src.listing.id if src.listing is not None else None,
                     src.order.id if src.order is not None else None)


def _store(uow: UnitOfWork, actor: Actor, p: _Prepared, pdf: bytes,
           key: Ed25519PrivateKey) -> IssuedDocumentRow:
    assert p.qr_text is not None
    fields = canonical(p.doc.fields()).decode("utf-8")
    digest = hashlib.sha256(pdf).hexdigest()
    row = IssuedDocumentRow(
        number=p.doc.number, kind=p.doc.kind.value, case_id=p.request.case_id,
        sequence=p.sequence, respondent=p.request.respondent, respondent_name=p.respondent_name,
        listing_id=p.listing_id, order_id=p.order_id, lang=p.doc.lang, signer=p.doc.signer,
        signer_title=p.doc.signer_title, issued_on=p.doc.issued_on, issued_by=actor.username,
        issued_at=datetime.now(UTC), request=canonical(p.request.to_json()).decode("utf-8"),
        fields=fields, content_hash=hashlib.sha256(fields.encode("utf-8")).hexdigest(),
        qr_text=p.qr_text, key_fingerprint=signing.fingerprint(key), pdf_sha256=digest, pdf=pdf,
        supersedes=p.doc.supersedes or None)
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, actor, "document.issue", "document", row.number,
                 after={"number": row.number, "kind": row.kind, "case": p.case_number,
                        "respondent": row.respondent, "signer": row.signer,
                        "issued_on": row.issued_on.isoformat(), "content_hash": row.content_hash,
                        "pdf_sha256": digest, "supersedes": row.supersedes},
                 legal_ground=LEGAL_GROUND[p.doc.kind] or None)
    return row


def _seal(pdf: bytes, p: _Prepared, key: Ed25519PrivateKey) -> bytes:
    assert p.qr_text is not None
    return signing.seal_pdf(pdf, p.doc, p.qr_text, key)


def _render_checked(doc: Document, qr_text: str | None) -> bytes:
    try:
        return _render(doc, qr_text)
    except ValueError as e:  # e.g. a character the font lacks: the message names it
        raise _refuse("render", "document.render", str(e), str(e)) from None


# ---------------------------------------------------------------- use cases
def issue(uow: UnitOfWork, actor: Actor, kind: DocKind, case_id: int, *,
          respondent: int | None = None, lang: str = "zh", issued_on: date | None = None,
          listing_id: int | None = None, order_id: int | None = None,
          extra: dict[str, Any] | None = None,
          key: Ed25519PrivateKey | None = None) -> Issued:
    """Issue one document: register it, sign it, store its bytes."""
    req = IssueRequest(kind, case_id, respondent, lang, listing_id, order_id, dict(extra or {}))
    return issue_request(uow, actor, req, issued_on=issued_on, key=key)


def issue_request(uow: UnitOfWork, actor: Actor, req: IssueRequest, *,
                  issued_on: date | None = None, key: Ed25519PrivateKey | None = None,
                  supersedes: str = "", reason: str = "") -> Issued:
    """Issue what ``req`` asks for (``supersedes``: the number this one corrects)."""
    _require_issue(actor, req.kind)
    if key is None:
        key = court_signing_key(uow, actor)
    on = issued_on or date.today()
    for attempt in range(_MAX_ATTEMPTS):
        try:
            with uow:
                s = uow.session
                old: IssuedDocumentRow | None = None
                if supersedes:
                    supersedes = normalize_number(supersedes)
                    old = s.scalar(select(IssuedDocumentRow).where(
                        IssuedDocumentRow.number == supersedes))
                    if old is None:
                        raise NotFound(f"issued document {supersedes}")
                    if old.superseded_by:
                        raise _refuse("supersedes", "document.already_superseded",
                                      f"{supersedes} is already superseded by {old.superseded_by}",
                                      f"{supersedes}已被{old.superseded_by}取代")
                p = _prepare(s, actor, req, on, key, supersedes=supersedes)
                pdf = _seal(_render_checked(p.doc, p.qr_text), p, key)
                row = _store(uow, actor, p, pdf, key)
                if old is not None:
                    old.superseded_by = row.number
                    audit.record(uow, actor, "document.supersede", "document", old.number,
                                 before={"superseded_by": None},
                                 after={"superseded_by": row.number}, reason=reason or None,
                                 legal_ground=LEGAL_GROUND[DocKind(old.kind)] or None)
                s.flush()
                dto = _dto(row, p.case_number)
                uow.commit()
                return Issued(dto, pdf)
        except IntegrityError:  # another desk took the number meanwhile: number again
            if attempt == _MAX_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def supersede(uow: UnitOfWork, actor: Actor, number: str, *, reason: str,
              issued_on: date | None = None, extra: dict[str, Any] | None = None,
              key: Ed25519PrivateKey | None = None) -> Issued:
    """Correct an issued document: a new document of the same kind, from the current
    state, that supersedes ``number``; both stay in the register."""
    if not reason.strip():
        raise _refuse("reason", "required", "a correction states its reason", "更正应说明理由")
    with uow:
        old = uow.session.scalar(select(IssuedDocumentRow).where(
            IssuedDocumentRow.number == normalize_number(number)))
        if old is None:
            raise NotFound(f"issued document {number}")
        asked = json.loads(old.request)
    merged = {**asked.get("extra", {}), **(extra or {})}
    req = IssueRequest(DocKind(asked["kind"]), asked["case_id"], asked.get("respondent"),
                       asked.get("lang", "zh"), asked.get("listing_id"), asked.get("order_id"),
                       merged)
    return issue_request(uow, actor, req, issued_on=issued_on, key=key, supersedes=number,
                         reason=reason.strip())


def edit(uow: UnitOfWork, actor: Actor, number: str, **changes: Any) -> None:
    """There is no editing an issued document: always refused (issue a correction)."""
    raise _refuse("number", "document.immutable",
                  f"issued document {number} cannot be edited; issue a correction that supersedes it",
                  f"已签发的文书{number}不能修改，请签发更正文书予以取代")


def _row(s: Session, ref: int | str) -> tuple[IssuedDocumentRow, str]:
    q = select(IssuedDocumentRow, CaseRow.case_number).join(
        CaseRow, CaseRow.id == IssuedDocumentRow.case_id)
    q = q.where(IssuedDocumentRow.id == ref) if isinstance(ref, int) \
        else q.where(IssuedDocumentRow.number == normalize_number(ref))
    found = s.execute(q).first()
    if found is None:
        raise NotFound(f"issued document {ref}")
    return found[0], found[1]


def find_document(uow: UnitOfWork, actor: Actor, number: str) -> IssuedDocument | None:
    """The register entry with this number, or None (for verification)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        try:
            row, case_number = _row(uow.session, number)
        except NotFound:
            return None
        return _dto(row, case_number)


def get_document(uow: UnitOfWork, actor: Actor, ref: int | str) -> IssuedDocument:
    require(actor, Permission.CASE_VIEW)
    with uow:
        row, number = _row(uow.session, ref)
        return _dto(row, number)


def document_content(uow: UnitOfWork, actor: Actor, ref: int | str) -> Document:
    """The issued document's content, as it was issued."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        row, _ = _row(uow.session, ref)
        return document_from_fields(json.loads(row.fields))


class StoredDocumentDamaged(DomainError):
    """The stored bytes no longer match their recorded SHA-256."""


def reprint(uow: UnitOfWork, actor: Actor, ref: int | str) -> bytes:
    """The issued bytes, identical to the first print (audited)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        row, _ = _row(uow.session, ref)
        data = bytes(row.pdf)
        if hashlib.sha256(data).hexdigest() != row.pdf_sha256:
            raise StoredDocumentDamaged(f"the stored bytes of {row.number} do not match their hash")
        audit.record(uow, actor, "document.reprint", "document", row.number,
                     after={"pdf_sha256": row.pdf_sha256})
        uow.commit()
        return data


def list_documents(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                   kind: DocKind | None = None, current_only: bool = False,
                   issued_from: date | None = None, issued_to: date | None = None,
                   limit: int = 10_000) -> list[IssuedDocument]:
    """Register entries, oldest first."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        q = (select(IssuedDocumentRow, CaseRow.case_number)
             .join(CaseRow, CaseRow.id == IssuedDocumentRow.case_id)
             .order_by(IssuedDocumentRow.id).limit(limit))
        if case_id is not None:
            q = q.where(IssuedDocumentRow.case_id == case_id)
        if kind is not None:
            q = q.where(IssuedDocumentRow.kind == kind.value)
        if current_only:
            q = q.where(IssuedDocumentRow.superseded_by.is_(None))
        if issued_from is not None:
            q = q.where(IssuedDocumentRow.issued_on >= issued_from)
        if issued_to is not None:
            q = q.where(IssuedDocumentRow.issued_on <= issued_to)
        # Only the register columns: the PDF bytes stay in the database.
        q = q.options(_without_pdf())
        return [_dto(r, n) for r, n in uow.session.execute(q)]


def _without_pdf() -> Any:
    from sqlalchemy.orm import defer

    return defer(IssuedDocumentRow.pdf)


def preview(uow: UnitOfWork, actor: Actor, kind: DocKind, case_id: int, *,
            respondent: int | None = None, lang: str = "zh", issued_on: date | None = None,
            extra: dict[str, Any] | None = None) -> bytes:
    """An unregistered, unsigned draft (numbered 草稿/DRAFT, no QR code).  It may be
    made from a listing or order not signed yet, so a judge can read it first."""
    require(actor, Permission.CASE_VIEW)
    req = IssueRequest(kind, case_id, respondent, lang, extra=dict(extra or {}))
    with uow:
        p = _prepare(uow.session, actor, req, issued_on or date.today(), None, draft=True)
    doc = replace(p.doc, title=p.doc.title + ("（草稿）" if lang == "zh" else " (DRAFT)"),
                  extra={**p.doc.extra, "draft": True})
    return _render_checked(doc, None)


# ------------------------------------------------------------------- batch
def _combine(pdfs: Sequence[bytes]) -> bytes:
    """One print file from issued PDFs (their pages, unchanged)."""
    from courtapp.core.documents.combine import combine

    return combine(pdfs)


def issue_batch(uow: UnitOfWork, actor: Actor, requests: Sequence[IssueRequest], *,
                issued_on: date | None = None, key: Ed25519PrivateKey | None = None,
                workers: int = 1, chunk: int = 32, combine: bool = True,
                executor: Executor | None = None) -> Iterator[BatchProgress]:
    """Issue many documents, yielding progress; the last step carries one combined PDF.

    Each item is issued in its own transaction: a bad item (missing
    precondition, a character the font lacks…) is reported and skipped.
    Stopping the iteration cancels the rest; what was issued stays issued.
    ``workers`` > 1 renders in that many processes (pure render calls).
    """
    total = len(requests)
    on = issued_on or date.today()
    failures: list[BatchItemError] = []
    numbers: list[str] = []
    pdfs: list[bytes] = []
    if key is None:
        key = court_signing_key(uow, actor)
    pool: Executor | None = executor
    own_pool = False
    if pool is None and workers > 1:
        # spawn, not fork: the GUI process has threads (and Qt) that must not be forked.
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
        own_pool = True
    done = 0
    try:
        for start in range(0, total, chunk):
            batch = list(enumerate(requests[start:start + chunk], start))
            prepared: list[tuple[int, IssueRequest, _Prepared | BatchItemError]] = []
            with uow:  # read-only: check and build every item of the chunk
                state = _load_state(uow.session, [r.case_id for _, r in batch])
                nxt: dict[int, int] = {}
                for i, req in batch:
                    try:
                        _require_issue(actor, req.kind)
                        if req.case_id not in nxt:
                            nxt[req.case_id] = state.last_sequence.get(req.case_id, 0) + 1
                        prepared.append((i, req, _prepare(uow.session, actor, req, on, key,
                                                          sequence=nxt[req.case_id],
                                                          state=state)))
                        nxt[req.case_id] += 1
                    except (DomainError, ValueError) as e:
                        prepared.append((i, req, BatchItemError(i, req.describe(), _reason(e))))
            ready = [p for _, _, p in prepared if isinstance(p, _Prepared)]
            rendered = iter(_render_all(ready, pool))
            outcomes = _store_chunk(uow, actor, [(i, req, item if isinstance(item, BatchItemError)
                                                  else (item, next(rendered)))
                                                 for i, req, item in prepared], key, on)
            # Progress only after the chunk is committed: stopping here loses nothing issued.
            for (_, req, _), outcome in zip(prepared, outcomes, strict=True):
                done += 1
                if isinstance(outcome, BatchItemError):
                    failures.append(outcome)
                    yield BatchProgress(done, total, req.describe(), error=outcome)
                    continue
                issued, pdf = outcome
                numbers.append(issued.number)
                if combine:
                    pdfs.append(pdf)
                yield BatchProgress(done, total, issued.number, issued=issued)
    finally:
        if own_pool and pool is not None:
            pool.shutdown(cancel_futures=True)
    combined = _combine(pdfs) if combine and pdfs else None
    yield BatchProgress(done, total, "", finished=True, failures=tuple(failures),
                        numbers=tuple(numbers), pdf=combined)


def _reason(e: BaseException) -> str:
    if isinstance(e, ValidationError):
        return e.summary("en")
    return str(e) or type(e).__name__


def _render_all(items: Sequence[_Prepared], pool: Executor | None) -> list[bytes | Exception]:
    out: list[bytes | Exception] = []
    if pool is None:
        for p in items:
            try:
                out.append(_render(p.doc, p.qr_text))
            except Exception as e:  # reported per item; never stops the batch
                out.append(e)
        return out
    futures = [pool.submit(_render_pure, (p.doc, p.qr_text)) for p in items]
    for f in futures:
        try:
            out.append(f.result())
        except Exception as e:
            out.append(e)
    return out


_Outcome = tuple[IssuedDocument, bytes] | BatchItemError


def _store_chunk(uow: UnitOfWork, actor: Actor,
                 items: Sequence[tuple[int, IssueRequest,
                                       BatchItemError | tuple[_Prepared, bytes | Exception]]],
                 key: Ed25519PrivateKey, on: date) -> list[_Outcome]:
    """Store a chunk in one transaction; if a number was taken meanwhile (another
    desk), store item by item instead, numbering those again."""
    def failed(i: int, req: IssueRequest, e: BaseException) -> BatchItemError:
        return BatchItemError(i, req.describe(), _reason(e))

    try:
        out: list[_Outcome] = []
        with uow:
            for i, req, item in items:
                if isinstance(item, BatchItemError):
                    out.append(item)
                    continue
                p, rendered = item
                if isinstance(rendered, Exception):
                    out.append(failed(i, req, rendered))
                    continue
                try:
                    pdf = _seal(rendered, p, key)
                except ValueError as e:
                    out.append(failed(i, req, e))
                    continue
                row = _store(uow, actor, p, pdf, key)
                out.append((_dto(row, p.case_number), pdf))
            uow.commit()
        return out
    except IntegrityError:
        pass
    out = []
    for i, req, item in items:
        if isinstance(item, BatchItemError):
            out.append(item)
            continue
        p, rendered = item
        try:
            if isinstance(rendered, Exception):
                raise rendered
            out.append(_store_one(uow, actor, req, p, rendered, key, on))
        except (DomainError, ValueError, IntegrityError) as e:
            out.append(failed(i, req, e))
    return out


def _store_one(uow: UnitOfWork, actor: Actor, req: IssueRequest, p: _Prepared, rendered: bytes,
               key: Ed25519PrivateKey, on: date) -> tuple[IssuedDocument, bytes]:
    """Store a prepared item; if its number was taken meanwhile, number and render again."""
    for attempt in range(_MAX_ATTEMPTS):
        try:
            with uow:
                pdf = _seal(rendered, p, key)
                row = _store(uow, actor, p, pdf, key)
                dto = _dto(row, p.case_number)
                uow.commit()
                return dto, pdf
        except IntegrityError:
            if attempt == _MAX_ATTEMPTS - 1:
                raise
            with uow:
                p = _prepare(uow.session, actor, req, on, key)
            rendered = _render_checked(p.doc, p.qr_text)
    raise AssertionError("unreachable")


def render_batch(uow: UnitOfWork, actor: Actor, refs: Sequence[int | str]) -> Iterator[BatchProgress]:
    """One print file of issued documents (their stored bytes), yielding progress."""
    require(actor, Permission.CASE_VIEW)
    total = len(refs)
    failures: list[BatchItemError] = []
    pdfs: list[bytes] = []
    numbers: list[str] = []
    for i, ref in enumerate(refs):
        try:
            with uow:
                row, _ = _row(uow.session, ref)
                data = bytes(row.pdf)
                if hashlib.sha256(data).hexdigest() != row.pdf_sha256:
                    raise StoredDocumentDamaged(f"the stored bytes of {row.number} do not match")
                number = row.number
        except DomainError as e:
            err = BatchItemError(i, str(ref), _reason(e))
            failures.append(err)
            yield BatchProgress(i + 1, total, str(ref), error=err)
            continue
        pdfs.append(data)
        numbers.append(number)
        yield BatchProgress(i + 1, total, number)
    combined = _combine(pdfs) if pdfs else None
    if numbers:
        with uow:
            audit.record(uow, actor, "document.batch_print", "document", numbers[0],
                         after={"numbers": numbers})
            uow.commit()
    yield BatchProgress(total, total, "", finished=True, failures=tuple(failures),
                        numbers=tuple(numbers), pdf=combined)


def collect(progress: Iterable[BatchProgress],
            on_step: Callable[[BatchProgress], None] | None = None) -> BatchProgress:
    """Run a batch to its end (for the command line and tests); the last step."""
    last: BatchProgress | None = None
    for step in progress:
        if on_step is not None:
            on_step(step)
        last = step
    assert last is not None and last.finished
    return last


# --------------------------------------------------------------- selections
def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of ``day``'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def warnings_due(uow: UnitOfWork, actor: Actor, day: date, *, lang: str = "zh") -> list[IssueRequest]:
    """Every warning due in ``day``'s week (Monday-Sunday): each signed listing still
    awaiting publication whose grace period ends that week, the last warning
    before it is published (2019 Opinion item 15)."""
    require(actor, Permission.CASE_VIEW)
    start, end = week_of(day)
    with uow:
        rows = uow.session.execute(
            select(ListingRow.id, ListingRow.case_id, ListingRow.respondent, CaseRow.case_number)
            .join(CaseRow, CaseRow.id == ListingRow.case_id)
            .where(ListingRow.status == ListingStatus.AWAITING_PUBLICATION.value,
                   ListingRow.grace_until >= start, ListingRow.grace_until <= end)
            .order_by(ListingRow.grace_until, ListingRow.id))
        return [IssueRequest(DocKind.WARNING, cid, resp, lang, listing_id=lid,
                             label=f"warning {number} #{resp}")
                for lid, cid, resp, number in rows]


def restriction_orders_of_case(uow: UnitOfWork, actor: Actor, case_id: int, *,
                               lang: str = "zh") -> list[IssueRequest]:
    """Every restriction order of a case: one per signed listing with restrictions
    and one per signed standalone order."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        s = uow.session
        number = s.scalar(select(CaseRow.case_number).where(CaseRow.id == case_id))
        if number is None:
            raise NotFound(f"case id {case_id}")
        out = [IssueRequest(DocKind.RESTRICTION_ORDER, case_id, r.respondent, lang,
                            listing_id=r.id, label=f"restriction order {number} listing {r.id}")
               for r in _listings(s, case_id, None) if _signed(r) and r.restrictions]
        out += [IssueRequest(DocKind.RESTRICTION_ORDER, case_id, r.respondent, lang,
                             order_id=r.id, label=f"restriction order {number} order {r.id}")
                for r in _orders(s, case_id, None) if _order_signed(r) and r.restrictions]
        return sorted(out, key=lambda r: (r.respondent or 0, r.listing_id or 0, r.order_id or 0))


def issued_ids(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
               kind: DocKind | None = None, current_only: bool = True) -> list[int]:
    """Register ids for :func:`render_batch` (e.g. every restriction order of a case)."""
    return [d.id for d in list_documents(uow, actor, case_id=case_id, kind=kind,
                                         current_only=current_only)]


__all__ = [
    "BatchItemError", "BatchProgress", "IssueRequest", "Issued", "IssuedDocument", "KIND_HELP",
    "chinese_numeral", "collect", "court_public_key", "court_signing_key", "document_content",
    "document_number", "edit", "find_document", "normalize_number", "get_document", "issue", "issue_batch", "issue_request",
    "issued_ids", "list_documents", "preview", "render_batch", "reprint",
    "restriction_orders_of_case", "supersede", "warnings_due", "week_of",
]
