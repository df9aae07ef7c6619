"""The data of the Today screen (issue 5 §5): what is due today and what is overdue, per role.

- judge: petitions to decide; creditors' listing applications to decide (R-L6);
  decision documents that failed to issue;
- president: listing decisions and restriction orders to sign (院长签发), among
  them the order on a new legal representative (R-C6);
- clerk: notices to print and serve — decisions signed but not served (2019
  Opinion item 14), warnings due this week, petition decisions not yet served;
- counter: receipts not yet issued;
- administrator: calendar years missing (R-D1) and dispatches not acknowledged
  in time (the failed propagations; a removal first).

:func:`today` returns flat :class:`TodayItem` rows, most urgent first within
each role; the GUI groups them by ``role``.  Items without a deadline (a
decision waiting for a signature) are always listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from courtapp.core.db.orm import CaseRow, RestrictionOrderRow
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.petition import PetitionStatus
from courtapp.core.domain.restriction_order import OrderStatus
from courtapp.core.domain.roles import Actor, Permission, Role, require


@dataclass(frozen=True)
class TodayItem:
    role: Role
    kind: str  # petition | application | document | sign_listing | sign_order | serve_listing |
    #            warning | serve_decision | serve_order | receipt | calendar | dispatch
    case_id: int | None
    case_number: str
    ref: str  # petition number, listing/order id, year…
    due: date | None
    overdue: bool
    provisional: bool
    en: str
    zh: str
    #: Within a role, a lower rank comes first (a removal nobody acknowledged: 0).
    rank: int = 1

    def text(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


def today(uow: UnitOfWork, actor: Actor, day: date, *,
          roles: frozenset[Role] | None = None) -> list[TodayItem]:
    """What each of ``roles`` (default: the actor's) has due by ``day`` or waiting."""
    from courtapp.core.services import applications, calendar, daily, listing, petitions, workload

    require(actor, Permission.CASE_VIEW)
    wanted = roles if roles is not None else actor.roles
    out: list[TodayItem] = []
    if Role.JUDGE in wanted:
        for q in petitions.queue(uow, actor, day):
            p = q.petition
            if p.due > day:
                continue
            out.append(TodayItem(
                Role.JUDGE, "petition", p.case_id, p.case_number, p.number, p.due, q.overdue,
                p.due_provisional, f"decide {p.number} ({p.info.label_en}) by {p.due.isoformat()}",
                f"于{p.due.isoformat()}前对{p.number}（{p.info.label_zh}）作出决定"))
        for a in applications.pending_applications(uow, actor):
            if a.due_on > day:
                continue
            out.append(TodayItem(
                Role.JUDGE, "application", a.case_id, a.case_number, f"application {a.id}", a.due_on,
                a.overdue(day), False,
                f"decide the creditor's listing application {a.id} by {a.due_on.isoformat()}",
                f"于{a.due_on.isoformat()}前审查申请执行人的纳入申请（{a.id}）"))
        for p in petitions.list_petitions(uow, actor, document_missing=True):
            out.append(TodayItem(
                Role.JUDGE, "document", p.case_id, p.case_number, p.number, p.decided_on, True, False,
                f"issue the decision document of {p.number}: {p.document_error}",
                f"补发{p.number}的决定文书：{p.document_error}"))
    if Role.PRESIDENT in wanted:
        for rec in listing.awaiting_signature(uow, actor):
            out.append(TodayItem(
                Role.PRESIDENT, "sign_listing", rec.case_id, rec.case_number, f"listing {rec.id}", None,
                False, False, f"sign the listing decision {rec.id} ({rec.case_number})",
                f"签发失信决定（{rec.id}，{rec.case_number}）"))
        with uow:
            drafts = list(uow.session.execute(
                select(RestrictionOrderRow.id, RestrictionOrderRow.case_id, CaseRow.case_number)
                .join(CaseRow, CaseRow.id == RestrictionOrderRow.case_id)
                .where(RestrictionOrderRow.status == OrderStatus.DRAFT.value)
                .order_by(RestrictionOrderRow.id)))
        for oid, cid, number in drafts:
            out.append(TodayItem(
                Role.PRESIDENT, "sign_order", cid, number, f"order {oid}", None, False, False,
                f"sign the restriction order {oid} ({number})", f"签发限制消费令（{oid}，{number}）"))
    if Role.CLERK in wanted:
        for rec in listing.signed_not_served(uow, actor):
            out.append(TodayItem(
                Role.CLERK, "serve_listing", rec.case_id, rec.case_number, f"listing {rec.id}", None,
                True, False, f"serve the signed listing decision {rec.id} (2019 Opinion item 14)",
                f"送达已签发的失信决定（{rec.id}，法发〔2019〕35号第14条）"))
        for g in workload.grace_ending(uow, actor, day):  # the set of documents.warnings_due
            out.append(TodayItem(
                Role.CLERK, "warning", g.case_id, g.case_number, f"listing {g.listing_id}", None,
                False, False,
                f"print and serve the warning of {g.case_number} (decision {g.listing_id}): "
                f"its grace period ends on {g.grace_until.isoformat()}",
                f"制作并送达预警通知：{g.case_number}（第{g.listing_id}号决定），"
                f"宽限期于{g.grace_until.isoformat()}届满"))
        for p in petitions.list_petitions(uow, actor, decision_unserved=True):
            if p.document_number:
                out.append(TodayItem(
                    Role.CLERK, "serve_decision", p.case_id, p.case_number, p.number, p.decided_on,
                    False, False, f"serve {p.document_number} on {p.petitioner_name} ({p.number})",
                    f"向{p.petitioner_name}送达{p.document_number}（{p.number}）"))
        with uow:
            unserved = list(uow.session.execute(
                select(RestrictionOrderRow.id, RestrictionOrderRow.case_id, CaseRow.case_number)
                .join(CaseRow, CaseRow.id == RestrictionOrderRow.case_id)
                .where(RestrictionOrderRow.status == OrderStatus.SIGNED.value,
                       RestrictionOrderRow.served_on.is_(None))
                .order_by(RestrictionOrderRow.id)))
        for oid, cid, number in unserved:
            out.append(TodayItem(
                Role.CLERK, "serve_order", cid, number, f"order {oid}", None, False, False,
                f"serve the signed restriction order {oid} ({number})",
                f"送达已签发的限制消费令（{oid}，{number}）"))
    if Role.COUNTER in wanted:
        for p in petitions.list_petitions(uow, actor, status=PetitionStatus.PENDING):
            if p.receipt_number is None:
                out.append(TodayItem(
                    Role.COUNTER, "receipt", p.case_id, p.case_number, p.number, p.received_on,
                    p.received_on < day, False, f"issue the receipt of {p.number}",
                    f"出具{p.number}的收件回执"))
    if Role.ADMIN in wanted:
        for year in calendar.missing_years(uow, day):
            out.append(TodayItem(
                Role.ADMIN, "calendar", None, "", str(year), None, year == day.year, True,
                f"enter the holiday schedule of {year}: its deadlines are provisional",
                f"录入{year}年节假日安排：该年度的期限目前为暂定", rank=2))
        for alert in daily.alerts(uow, actor, day):
            if alert.kind.value.endswith(("_unacknowledged", "_incomplete")):
                top = alert.kind is daily.AlertKind.REMOVAL_UNACKNOWLEDGED
                out.append(TodayItem(Role.ADMIN, "dispatch", None, alert.case_number, alert.ref,
                                     alert.due, True, alert.provisional, alert.en, alert.zh,
                                     rank=0 if top else 1))
    order = {r: k for k, r in enumerate(Role)}
    return sorted(out, key=lambda i: (order[i.role], i.rank, not i.overdue, i.due or day,
                                      i.case_number, i.ref))
