"""Before a document is issued: the precondition its kind needs in the stored state
(a served notice, a signed listing, a lifted item…), the signer, the number, and the
built :class:`Document` with its signed QR text (issue 4 §3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from courtapp.core.db.orm import ListingRow, RestrictionOrderRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents import signing
from courtapp.core.documents.model import DocKind, Document
from courtapp.core.domain.errors import NotFound
from courtapp.core.domain.listing import Listing, ListingStatus, RestrictionStatus
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.restriction_order import OrderStatus, RestrictionOrder
from courtapp.core.domain.roles import Actor
from courtapp.core.services.documents import rendering
from courtapp.core.services.documents.model import IssueRequest, refuse
from courtapp.core.services.documents.numbering import document_number

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

_DECISION_KINDS = frozenset({DocKind.LISTING_DECISION, DocKind.RESTRICTION_ORDER})
#: Kinds that may be addressed to every respondent (``respondent=None``).
_ANY_RESPONDENT = frozenset({DocKind.EXECUTION_NOTICE, DocKind.RECEIPT})


@dataclass
class _Source:
    listing: ListingRow | None = None
    order: RestrictionOrderRow | None = None


def _who(case: EnforcementCase, respondent: int | None) -> tuple[str, str]:
    if respondent is None:
        return "any respondent", "被执行人"
    name = case.respondents[respondent].name
    return f"the respondent {name}", f"被执行人{name}"


@dataclass
class State:
    """Cases with their listings and orders, loaded once for many documents."""

    cases: dict[int, EnforcementCase]
    listings: dict[int, list[ListingRow]]  # by case id, newest first
    orders: dict[int, list[RestrictionOrderRow]]
    last_sequence: dict[int, int]  # by case id: the highest document sequence issued


def load_state(uow: UnitOfWork, case_ids: Iterable[int]) -> State:
    ids = sorted(set(case_ids))
    cases = {i: rec.case for i, rec in uow.cases.many(ids).items()}
    return State(cases, uow.documents.listings_of(ids), uow.documents.orders_of(ids),
                 uow.documents.last_sequences(ids))


def is_signed(r: ListingRow) -> bool:
    return r.status != ListingStatus.DRAFT.value


def is_order_signed(r: RestrictionOrderRow) -> bool:
    return r.status != OrderStatus.DRAFT.value


def _lifted(items: Iterable[Any]) -> bool:
    return any(x.status in (RestrictionStatus.LIFTED.value, RestrictionStatus.TEMPORARILY_LIFTED.value)
               for x in items)


def _source(state: State, case: EnforcementCase, case_id: int, req: IssueRequest, *,
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
            raise refuse("listing_id", "document.listing_not_found",
                         f"listing {req.listing_id} is not a listing of {who_en} in this case",
                         f"第{req.listing_id}号失信记录不属于本案{who_zh}")
        orders = []
    if req.order_id is not None:
        orders = [r for r in orders if r.id == req.order_id]
        if not orders:
            raise refuse("order_id", "document.order_not_found",
                         f"restriction order {req.order_id} is not an order on {who_en} in this case",
                         f"第{req.order_id}号限制消费令不属于本案{who_zh}")
        if req.listing_id is None:
            listings = []
    signed = [r for r in listings if draft or is_signed(r)]
    signed_orders = [r for r in orders if draft or is_order_signed(r)]
    unsigned_note_en = unsigned_note_zh = ""
    if any(not is_signed(r) for r in listings) or any(not is_order_signed(r) for r in orders):
        unsigned_note_en = "; a prepared decision is waiting for the president's signature (院长签发)"
        unsigned_note_zh = "；已拟制的决定尚待院长签发"

    if kind is DocKind.EXECUTION_NOTICE:
        if case.execution_notice is None:
            raise refuse("execution_notice", "document.needs_notice",
                         "an execution notice needs the case's notice data (its issue date and "
                         "performance deadline); record them on the case first",
                         "执行通知书需要案件的执行通知信息（发出日期和履行期限），请先在案件中登记")
        return _Source()
    if kind is DocKind.WARNING:
        found = [r for r in signed if r.grace_until is not None
                 and r.status != ListingStatus.REMOVED.value]
        if not found:
            raise refuse("listing", "document.needs_grace_listing",
                         f"a warning notice needs a signed listing decision with a grace period "
                         f"for {who_en}; there is none{unsigned_note_en}",
                         f"失信预警通知书需要{who_zh}已签发且设有宽限期的纳入失信名单决定；"
                         f"目前没有{unsigned_note_zh}")
        return _Source(listing=found[0])
    if kind is DocKind.LISTING_DECISION:
        if not signed:
            raise refuse("listing", "document.needs_signed_listing",
                         f"a listing decision needs a signed listing for {who_en}; there is "
                         f"none{unsigned_note_en}",
                         f"纳入失信名单决定书需要{who_zh}已签发的失信记录；目前没有{unsigned_note_zh}")
        return _Source(listing=signed[0])
    if kind is DocKind.RESTRICTION_ORDER:
        cand_l = [r for r in signed if r.restrictions]
        cand_o = [r for r in signed_orders if r.restrictions]
        if not cand_l and not cand_o:
            raise refuse("restriction", "document.needs_signed_restriction",
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
            raise refuse("restriction", "document.needs_lifted_item",
                         f"a lifting notice needs a restriction item of {who_en} that was lifted "
                         "or temporarily lifted; none is",
                         f"解除限制消费通知书需要{who_zh}已解除或暂时解除的限制消费项目；目前没有")
        return _Source(listing=lifted_l[0]) if lifted_l else _Source(order=lifted_o[0])
    if kind is DocKind.DELETION:
        removed = [r for r in signed if r.status == ListingStatus.REMOVED.value]
        if not removed:
            raise refuse("listing", "document.needs_removed_listing",
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
        raise refuse("signer", "document.unsigned", "the decision is not signed",
                     "该决定尚未签发")
    if kind is DocKind.RECEIPT:
        # The officer's name, never a login: without one (the command line's operator)
        # the receipt leaves a line for a handwritten name.
        return actor.display_name.strip(), "Officer" if en else "经办人"
    return case.judge, "Judge" if en else "审判员"


@dataclass(frozen=True)
class Prepared:
    """A document checked and built, ready to render, seal and store."""

    request: IssueRequest
    doc: Document
    qr_text: str | None
    case_number: str
    respondent_name: str
    sequence: int
    listing_id: int | None
    order_id: int | None


def prepare(uow: UnitOfWork, actor: Actor, req: IssueRequest, issued_on: date,
            key: Ed25519PrivateKey | None, *, sequence: int | None = None,
            supersedes: str = "", draft: bool = False, state: State | None = None) -> Prepared:
    """Check the precondition and build the Document (and its QR text unless a draft)."""
    if state is None or req.case_id not in state.cases:
        state = load_state(uow, [req.case_id])
    if req.case_id not in state.cases:
        raise NotFound(f"case id {req.case_id}")
    case = state.cases[req.case_id]
    if req.lang not in ("zh", "en"):
        raise refuse("lang", "document.lang", "a document is in Chinese (zh) or English (en)",
                     "文书语言应为中文（zh）或英文（en）")
    respondent = req.respondent
    if req.kind not in _ANY_RESPONDENT and respondent is None:
        respondent = 0
    if respondent is not None and not 0 <= respondent < len(case.respondents):
        raise refuse("respondent", "document.no_such_respondent",
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
    listing: Listing | None = uow.listings.get(src.listing.id).listing \
        if src.listing is not None else None
    order: RestrictionOrder | None = uow.orders.get(src.order.id).order \
        if src.order is not None else None
    extra = dict(req.extra)
    if req.kind is DocKind.RESTRICTION_LIFTING and "items" not in extra:
        extra["items"] = _lifted_items(src)
    if supersedes:
        extra["supersedes"] = supersedes
    try:
        doc = rendering.build(req.kind, case, respondent=respondent, lang=req.lang, number=number,
                              issued_on=issued_on, signer=signer, signer_title=signer_title,
                              listing=listing, order=order, extra=extra or None)
    except rendering.missing_precondition() as e:
        raise refuse("extra", "document.missing_precondition",
                     str(getattr(e, "what_en", "") or e),
                     str(getattr(e, "what_zh", "") or e)) from None
    if supersedes:
        doc = replace(doc, supersedes=supersedes)
    qr = None if draft or key is None else signing.make_qr_text(doc, key)
    name = case.respondents[respondent].name if respondent is not None else ""
    return Prepared(req, doc, qr, case.case_number, name, sequence,
                    src.listing.id if src.listing is not None else None,
                    src.order.id if src.order is not None else None)
