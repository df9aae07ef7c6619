"""The effects a decision carries out, in the decision's transaction (issue 5 §2):
removal (R-R1, R-R2, R-R4), correction (R-R5), lifting (R-C9), permission
(R-C5, R-C7, R-C8), release of a former officer with an order on the new one
(R-C6).  What changes and whether it may is decided by the pure rules of
:mod:`courtapp.core.domain.petition_decision`; this module loads the records,
saves what the rules return (listings and orders through their repositories),
records the history and the audit, and queues the dispatch items.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.documents.model import DocKind
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.listing import (
    ListingStatus,
    Restriction,
    RestrictionItem,
    RestrictionStatus,
)
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.petition import (
    KINDS,
    PERMISSION_KINDS,
    RECONSIDERATION_DAYS,
    REMOVAL_KINDS,
    Decision,
    PetitionKind,
)
from courtapp.core.domain.petition_decision import (
    correction_plan,
    granted_why,
    lifting_bodies,
    lifting_plan,
    permission_name,
    permission_plan,
    release_plan,
    removal_plan,
    with_status,
)
from courtapp.core.domain.petition_intake import ART_R_C6
from courtapp.core.domain.publication import (
    SPC_LIST,
    carriers,
    entry_data,
    in_force,
    listing_bodies,
)
from courtapp.core.domain.records import ListingRecord, OrderRecord, PetitionRecord
from courtapp.core.domain.removal import ART_CORRECTED
from courtapp.core.domain.restriction_order import OrderStatus
from courtapp.core.domain.roles import Actor
from courtapp.core.interchange import dump_listing
from courtapp.core.services import dispatch, history
from courtapp.core.services.counter.common import higher_court, travel_max
from courtapp.core.services.removal import execute_removal, para1_applies_to_fixed_term
from courtapp.core.services.restriction import order_json


@dataclass
class Grant:
    """One decision being carried out: what it concerns and what it produced."""

    uow: UnitOfWork
    actor: Actor
    rec: PetitionRecord
    case: EnforcementCase
    decision: Decision
    e: ErrorCollector
    #: The history reason of the change (default: the petition and the judge's reasons).
    why: Message | None = None
    #: The document to issue: its kind and the data beyond the case.
    doc: tuple[DocKind, dict[str, Any]] | None = None
    #: What was carried out (stored with the decision; data, never prose).
    effect: dict[str, Any] = field(default_factory=dict)
    new_order_id: int | None = None
    #: R-R7, a removal: the day its ground was on record and the last day to delete.
    deletion_event: date | None = None
    deletion_due: date | None = None

    def __post_init__(self) -> None:
        if self.why is None:
            self.why = granted_why(self.rec.number, self.decision.reasons)

    @property
    def reason(self) -> Message:
        assert self.why is not None
        return self.why

    @property
    def kind(self) -> PetitionKind:
        return self.rec.kind

    @property
    def on(self) -> date:
        return self.decision.on

    def listing(self) -> ListingRecord:
        assert self.rec.listing_id is not None
        return self.uow.listings.get(self.rec.listing_id)

    def order(self) -> OrderRecord:
        assert self.rec.order_id is not None
        return self.uow.orders.get(self.rec.order_id)

    def items(self) -> list[Restriction]:
        """The restriction items of the listing, else the standalone order, concerned."""
        if self.rec.listing_id is not None:
            return list(self.listing().listing.restrictions)
        if self.rec.order_id is not None:
            return list(self.order().order.restrictions)
        return []


def change_items(g: Grant, positions: Sequence[int], status: RestrictionStatus, article: str, *,
                 lift_order: bool = False) -> list[int]:
    """Set the items at ``positions`` (of the listing, else the order) to ``status``
    through the repositories, with an audit entry per item; ``lift_order``: the
    standalone order is lifted as a whole.  Returns the items' stored ids."""
    if g.rec.listing_id is not None:
        lr = g.listing()
        entity, entity_id, items, ids = "listing", lr.id, lr.listing.restrictions, lr.restriction_ids
        g.uow.listings.save(lr.id, replace(lr.listing, restrictions=with_status(
            items, positions, status, g.on)))
    else:
        orec = g.order()
        entity, entity_id, items, ids = ("restriction_order", orec.id, orec.order.restrictions,
                                         orec.restriction_ids)
        changed = replace(orec.order, restrictions=with_status(items, positions, status, g.on))
        if lift_order:
            changed = replace(changed, status=OrderStatus.LIFTED)
        g.uow.orders.save(orec.id, changed)
    for j in positions:
        g.uow.audit.add(g.actor, "restriction.status", entity, entity_id,
                        before={"position": j, "status": items[j].status.value},
                        after={"position": j, "status": status.value, "on": g.on.isoformat(),
                               "petition": g.rec.number},
                        legal_ground=article, reason=history.judges_words(g.reason))
    return [ids[j] for j in positions if j < len(ids)]


def queue_lifting(g: Grant, items: Sequence[RestrictionItem], ground: str, article: str,
                  persons: Sequence[int | None] = ()) -> None:
    listing = g.listing().listing if g.rec.listing_id is not None else None
    dispatch.queue_event(
        g.uow, case_id=g.rec.case_id, event="lifting",
        recipients=lifting_bodies(g.case, g.rec.respondent, listing, items),
        payload={"event": "lifting", "on": g.on.isoformat(), "ground": ground,
                 "items": [int(i) for i in items], "persons": list(persons),
                 "respondent": g.case.respondents[g.rec.respondent].name, "article": article},
        on=g.on, listing_id=g.rec.listing_id,
        order_id=g.rec.order_id if g.rec.listing_id is None else None, petition_id=g.rec.id)


# ------------------------------------------------------------------ the effects
def reject(g: Grant) -> None:
    """A rejection changes nothing; a correction rejection is a decision with the
    reconsideration route (R-R5), which does not suspend anything."""
    if g.kind is PetitionKind.CORRECTION:
        ground = g.rec.details.correction_ground
        assert ground is not None
        g.doc = (DocKind.CORRECTION_DECISION, {
            "outcome": "rejected", "ground": int(ground.value),
            "received_on": g.rec.received_on.isoformat(), "reasons": g.decision.reasons.strip(),
            "higher_court": g.decision.higher_court.strip() or higher_court(g.uow)})
        g.effect = {"reconsideration_days": RECONSIDERATION_DAYS}


def grant_removal(g: Grant) -> None:
    lr = g.listing()
    plan = removal_plan(g.kind, lr.listing, g.case, g.rec.details, g.on, g.e,
                        para1_fixed=para1_applies_to_fixed_term(g.uow), event_on=g.deletion_event)
    if plan is None:
        return
    execute_removal(g.uow, g.actor, lr, g.case, kind=plan.kind, reason=plan.reason, on=g.on,
                    event_on=plan.event_on, article=plan.article, why=g.reason,
                    petition_id=g.rec.id)
    extra: dict[str, Any] = {"action": "delete", "ground": plan.ground}
    if g.deletion_due is not None:  # R-R7: the decision says when the deletion was due
        extra.update(due_on=g.deletion_due.isoformat(), late=g.on > g.deletion_due)
    g.doc = (DocKind.DELETION, extra)
    g.effect = {"removal": {"kind": plan.kind.value, "reason": plan.reason.value,
                            "article": plan.article, "event_on": plan.event_on.isoformat()}}


def grant_correction(g: Grant) -> None:
    lr = g.listing()
    plan = correction_plan(g.rec.details, g.decision, lr.listing, g.e)
    if plan is None:
        return
    extra: dict[str, Any] = {"outcome": "granted", "ground": int(plan.ground.value),
                             "received_on": g.rec.received_on.isoformat(),
                             "reasons": g.decision.reasons.strip()}
    if plan.removal is not None:  # R-R4: revoked (or deleted) within 3 working days
        kind, reason, article = plan.removal
        execute_removal(g.uow, g.actor, lr, g.case, kind=kind, reason=reason, on=g.on,
                        event_on=g.on, article=article, why=g.reason, petition_id=g.rec.id)
        g.effect = {"removal": {"kind": kind.value, "reason": reason.value, "article": article}}
    else:  # R-R4/R-R5: inaccurate information corrected within 3 working days
        text = plan.correction
        lst = lr.listing
        cur = history.current_state(g.uow, g.case, lr.case_id, lst.respondent, g.on)
        reasons = str(g.reason.params.get("reasons") or "")
        history.record(g.uow, g.actor, lr.case_id, lst.respondent, cur, cur, g.on, ART_CORRECTED,
                       Message("history.information_corrected",
                               {"correction": text, "petition": g.rec.number, "reasons": reasons}))
        g.uow.audit.add(g.actor, "listing.correct", "listing", lr.id, before=dump_listing(lst),
                        after={"correction": text, "on": g.on.isoformat(), "petition": g.rec.number},
                        legal_ground=ART_CORRECTED, reason=reasons or None)
        if lst.status is ListingStatus.PUBLISHED:
            dispatch.queue_event(
                g.uow, case_id=lr.case_id, event="correction",
                recipients=listing_bodies(g.case, lst.respondent, in_force(lst.restrictions)),
                payload={"event": "correction", "correction": text, "on": g.on.isoformat(),
                         "article": ART_CORRECTED, "entry": entry_data(g.case, lst, g.on)},
                on=g.on, listing_id=lr.id, petition_id=g.rec.id)
        extra["correction"] = text
        g.effect = {"correction": text}
    g.doc = (DocKind.CORRECTION_DECISION, extra)


def grant_lifting(g: Grant) -> None:
    ground = g.rec.details.lifting_ground
    assert ground is not None
    art = KINDS[PetitionKind.LIFTING].article
    listing = g.listing().listing if g.rec.listing_id is not None else None
    plan = lifting_plan(g.case, g.rec.respondent, g.rec.details, g.on, g.items(), listing, g.e,
                        security_found=g.decision.security_effective)
    if plan is None:
        return
    change_items(g, plan.positions, RestrictionStatus.LIFTED, art, lift_order=plan.whole_order)
    queue_lifting(g, plan.items, ground.value, art)
    extra: dict[str, Any] = {"ground": ground.value, **plan.extra}  # on security: what was offered
    if not plan.whole_order:
        extra["items"] = [int(i) for i in plan.items]
    g.doc = (DocKind.RESTRICTION_LIFTING, extra)
    g.effect = {"lifted": [int(i) for i in plan.items], "whole_order": plan.whole_order,
                "ground": ground.value, **plan.extra}


def grant_permission(g: Grant) -> None:
    d, person = g.rec.details, g.rec.officer
    running: list[tuple[str, str | None]] = []
    if g.kind is PetitionKind.TEMPORARY_TRAVEL:
        running = [(o.number, (o.decision.get("permission") or {}).get("until"))
                   for o in g.uow.petitions.running_travel(g.rec.case_id, g.rec.respondent,
                                                           exclude=g.rec.id)
                   if o.officer == person]
    plan = permission_plan(g.kind, d, g.decision, g.rec.received_on, person, g.items(), running,
                           g.e, travel_max_days=travel_max(g.uow))
    if plan is None:
        return
    start, until = plan.extra["from"], plan.extra["until"]
    assert isinstance(start, date) and isinstance(until, date)
    art = KINDS[g.kind].article
    ids = change_items(g, plan.positions, RestrictionStatus.TEMPORARILY_LIFTED, art)
    what = permission_name(g.kind)
    dispatch.queue_event(
        g.uow, case_id=g.rec.case_id, event="permission",
        recipients=[SPC_LIST, *carriers(plan.items)],
        payload={"event": "permission", "permission": what, "from": start.isoformat(),
                 "until": until.isoformat(), "items": [int(i) for i in plan.items],
                 "person": person, "article": art,
                 "respondent": g.case.respondents[g.rec.respondent].name},
        on=g.on, listing_id=g.rec.listing_id,
        order_id=g.rec.order_id if g.rec.listing_id is None else None, petition_id=g.rec.id)
    extra: dict[str, Any] = {"permission": what, "received_on": g.rec.received_on.isoformat(),
                             "from": start.isoformat(), "until": until.isoformat()}
    if person is not None:
        extra["person"] = person
    if g.kind is PetitionKind.TEMPORARY_TRAVEL:
        assert d.travel_ground is not None
        extra["travel_ground"] = d.travel_ground.value
        if d.itinerary:
            extra["itinerary"] = d.itinerary
    else:
        extra["consumption"] = d.consumption
    g.doc = (DocKind.PERMISSION, extra)
    g.effect = {"permission": {"kind": what, "from": start.isoformat(), "until": until.isoformat(),
                               "person": person, "items": [int(i) for i in plan.items],
                               "rows": ids}}


def grant_officer_release(g: Grant) -> None:
    """R-C6: lift the former officer's items and prepare, for the president's
    signature (2015 Art. 5), a restriction order on the new officer."""
    former = g.rec.officer
    assert former is not None
    factors = g.order().order.factors if (g.rec.order_id is not None
                                          and g.rec.listing_id is None) else []
    plan = release_plan(g.case, g.rec.respondent, former, g.decision.new_officer, g.rec.number,
                        g.on, g.items(), factors, g.e)
    if plan is None:
        return
    change_items(g, plan.lift.positions, RestrictionStatus.LIFTED, ART_R_C6)
    draft = replace(plan.order, status=OrderStatus.DRAFT,
                    restrictions=[replace(r, status=RestrictionStatus.IMPOSED)
                                  for r in plan.order.restrictions])
    new = g.uow.orders.add(g.rec.case_id, draft, prepared_by=g.actor.username)
    g.uow.audit.add(g.actor, "restriction_order.prepare", "restriction_order", new.id,
                    after=order_json(plan.order) | {"petition": g.rec.number},
                    legal_ground=ART_R_C6, reason=history.judges_words(g.reason))
    g.new_order_id = new.id
    items = [int(i) for i in plan.lift.items]
    queue_lifting(g, plan.lift.items, "officer_change", ART_R_C6, persons=[former])
    g.doc = (DocKind.RESTRICTION_LIFTING, {"ground": "officer_change", "persons": [former],
                                           "items": items})
    g.effect = {"released": former, "items": items, "new_officer": plan.new, "new_order_id": new.id}


GRANT: dict[PetitionKind, Callable[[Grant], None]] = {
    **dict.fromkeys(REMOVAL_KINDS, grant_removal),
    PetitionKind.CORRECTION: grant_correction,
    PetitionKind.LIFTING: grant_lifting,
    **dict.fromkeys(PERMISSION_KINDS, grant_permission),
    PetitionKind.OFFICER_RELEASE: grant_officer_release,
}


__all__ = ["GRANT", "Grant", "change_items", "grant_correction", "queue_lifting", "reject"]
