"""Reading petitions: one by id or number, paged lists, the judge's queue, evidence."""

from __future__ import annotations

import hashlib
from datetime import date

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain import paging
from courtapp.core.domain.errors import DomainError
from courtapp.core.domain.paging import PAGE_SIZE, Page, every
from courtapp.core.domain.petition import PetitionKind, PetitionStatus
from courtapp.core.domain.petition_view import Petition, QueueItem, queue_order
from courtapp.core.domain.records import PetitionRecord
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.services.counter.common import view, views


def get_petition(uow: UnitOfWork, actor: Actor, ref: int | str) -> Petition:
    """A petition by id or number."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return view(uow, uow.petitions.get(ref))


def petitions_page(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                   status: PetitionStatus | None = None, kind: PetitionKind | None = None,
                   document_missing: bool = False, decision_unserved: bool = False,
                   after: object | None = None, limit: int = PAGE_SIZE, sort: str = "oldest",
                   descending: bool = False) -> Page[Petition]:
    """One page of petitions, oldest first or by ``sort`` (a key of
    ``PETITION_SORT``) (``after``: the ``next_after`` of the page before)."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        page = uow.petitions.page(case_id=case_id, status=status, kind=kind,
                                  document_missing=document_missing,
                                  decision_unserved=decision_unserved, after=after, limit=limit,
                                  sort=sort, descending=descending)
        return Page(views(uow, list(page.rows)), page.has_more, page.next_after)


def list_petitions(uow: UnitOfWork, actor: Actor, *, case_id: int | None = None,
                   status: PetitionStatus | None = None, kind: PetitionKind | None = None,
                   document_missing: bool = False, decision_unserved: bool = False,
                   limit: int | None = None, sort: str = "oldest",
                   descending: bool = False) -> list[Petition]:
    """Every petition that matches, oldest first or by ``sort``, read page after
    page in one snapshot (``limit``: at most that many, when the caller asks for fewer).

    ``document_missing``: decided, but the decision document failed to issue;
    ``decision_unserved``: its document is issued and its service not recorded."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        recs: list[PetitionRecord] = []
        for rec in every(lambda after: uow.petitions.page(
                case_id=case_id, status=status, kind=kind, document_missing=document_missing,
                decision_unserved=decision_unserved, after=after, limit=paging.PAGE_SIZE,
                sort=sort, descending=descending)):
            if limit is not None and len(recs) >= limit:
                break
            recs.append(rec)
        return views(uow, recs)


def queue(uow: UnitOfWork, actor: Actor, today: date, *, case_id: int | None = None,
          sort: str = "queue", descending: bool = False) -> list[QueueItem]:
    """The judge's queue: every pending petition, soonest due first ("queue": a
    removal by its deletion deadline, counted here), or in the database's order
    of ``sort`` (a key of ``PETITION_SORT``); overdue ones marked."""
    if sort == "queue":
        pending = list_petitions(uow, actor, case_id=case_id, status=PetitionStatus.PENDING)
        return queue_order(pending, today)
    return [QueueItem(p, p.overdue(today), p.days_overdue(today)) for p in list_petitions(
        uow, actor, case_id=case_id, status=PetitionStatus.PENDING, sort=sort,
        descending=descending)]


def evidence_bytes(uow: UnitOfWork, actor: Actor, evidence_id: int) -> bytes:
    """An evidence file's bytes, checked against the SHA-256 recorded at intake."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        ev, data = uow.petitions.evidence_data(evidence_id)
    if hashlib.sha256(data).hexdigest() != ev.sha256:
        raise DomainError(f"evidence {ev.name} no longer matches its SHA-256")
    return data


__all__ = ["evidence_bytes", "get_petition", "list_petitions", "petitions_page", "queue"]
