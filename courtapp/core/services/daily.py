"""The daily run and the alerts of the day (issue 5 §4, §6).

``courtapp daily [--today DATE]`` runs :func:`run_daily` at GUI start-up,
from the Admin screen, or from cron / Task Scheduler.  It

1. publishes listings whose grace period ended without performance, and
   cancels those performed during it (``services.listing.publish_due``,
   2019 Opinion item 15);
2. deletes fixed-term listings whose term has ended, within 3 working days
   of the end (``services.removal.expire_due``, R-R2);
3. imposes again the items of temporary permissions whose period has ended
   (``services.petitions.end_permissions``, R-C7, R-C8);
4. flags petitions past their due date and changes not yet acknowledged by
   their recipients, and the calendar years without data (R-D1).

It is idempotent: each step acts only on what is still to do, so a second run
on the same day changes nothing and writes nothing.

:func:`alerts` is the list of the day, most urgent first: a removal that no
recipient has acknowledged by its due day (3 working days after it) comes
first of all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.publication import (
    AGENCIES,
    AIRLINES,
    CREDIT_REPORTING,
    RAIL,
    SPC_LIST,
)
from courtapp.core.domain.roles import Actor, Permission, require


class AlertKind(StrEnum):
    REMOVAL_UNACKNOWLEDGED = "removal_unacknowledged"  # the top alert (issue 5 §6)
    REMOVAL_INCOMPLETE = "removal_incomplete"  # some recipients acknowledged, not all
    CORRECTION_UNACKNOWLEDGED = "correction_unacknowledged"
    LIFTING_UNACKNOWLEDGED = "lifting_unacknowledged"
    PERMISSION_UNACKNOWLEDGED = "permission_unacknowledged"
    PETITION_OVERDUE = "petition_overdue"
    DOCUMENT_MISSING = "document_missing"  # a decision whose document failed to issue
    SIGNED_NOT_SERVED = "signed_not_served"  # 2019 Opinion item 14
    CALENDAR_MISSING = "calendar_missing"  # R-D1


_ORDER = list(AlertKind)


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    case_number: str
    ref: str  # listing id, petition number, year…
    due: date | None
    provisional: bool
    en: str
    zh: str

    def text(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "case_number": self.case_number, "ref": self.ref,
                "due": self.due.isoformat() if self.due else None,
                "provisional": self.provisional, "en": self.en, "zh": self.zh}


#: Chinese names of the standing recipients (the work unit and superior body are named per party).
RECIPIENT_ZH: dict[str, str] = {
    r.code: r.name_zh for r in (SPC_LIST, CREDIT_REPORTING, AGENCIES, AIRLINES, RAIL)
} | {"work_unit": "所在单位", "superior_body": "上级单位或出资人"}


def _prov(p: bool, lang: str) -> str:
    if not p:
        return ""
    return "（期限暂定：所涉年度的节假日安排尚未录入）" if lang == "zh" else \
        " (provisional: a year without calendar data)"


def alerts(uow: UnitOfWork, actor: Actor, today: date) -> list[Alert]:
    """Everything that needs someone today, most urgent first."""
    from courtapp.core.services import calendar, dispatch, listing, petitions

    require(actor, Permission.CASE_VIEW)
    out: list[Alert] = []
    kinds = {"removal": AlertKind.REMOVAL_UNACKNOWLEDGED, "correction": AlertKind.CORRECTION_UNACKNOWLEDGED,
             "lifting": AlertKind.LIFTING_UNACKNOWLEDGED, "permission": AlertKind.PERMISSION_UNACKNOWLEDGED}
    names_zh = {"removal": "删除", "correction": "更正", "lifting": "解除限制消费", "permission": "临时准许"}
    for p in dispatch.pending_propagation(uow, actor, today):
        kind = kinds[p.event]
        if p.event == "removal" and p.acknowledged:
            kind = AlertKind.REMOVAL_INCOMPLETE
        ref = f"listing {p.listing_id}" if p.listing_id is not None else f"order {p.order_id}"
        ref_zh = (f"第{p.listing_id}号失信记录" if p.listing_id is not None
                  else f"第{p.order_id}号限制消费令")
        due = p.due.isoformat() if p.due else ""
        waiting = ", ".join(p.open_recipients)
        waiting_zh = "、".join(RECIPIENT_ZH.get(r, r) for r in p.open_recipients)
        out.append(Alert(
            kind, p.case_number, ref, p.due, p.due_provisional,
            f"{p.case_number}: the {p.event} of {ref} made on {p.created_on.isoformat()} was due to "
            f"reach every recipient by {due}; {p.acknowledged} of {p.recipients} acknowledged "
            f"(waiting: {waiting}){_prov(p.due_provisional, 'en')}",
            f"{p.case_number}：{p.created_on.isoformat()}作出的{names_zh[p.event]}（{ref_zh}）应于{due}前送达各接收方，"
            f"已回执{p.acknowledged}/{p.recipients}（待回执：{waiting_zh}）{_prov(p.due_provisional, 'zh')}"))
    for q in petitions.queue(uow, actor, today):
        if q.overdue:
            pt = q.petition
            out.append(Alert(
                AlertKind.PETITION_OVERDUE, pt.case_number, pt.number, pt.due, pt.due_provisional,
                f"{pt.number} ({pt.info.label_en}, received {pt.received_on.isoformat()}) was due "
                f"for decision by {pt.due.isoformat()}: {q.days_overdue} day(s) overdue"
                f"{_prov(pt.due_provisional, 'en')}",
                f"{pt.number}（{pt.info.label_zh}，{pt.received_on.isoformat()}收到）应于{pt.due.isoformat()}前"
                f"作出决定，已逾期{q.days_overdue}日{_prov(pt.due_provisional, 'zh')}"))
    for pt in petitions.list_petitions(uow, actor, document_missing=True):
        if pt.document_error:
            out.append(Alert(
                AlertKind.DOCUMENT_MISSING, pt.case_number, pt.number, pt.decided_on, False,
                f"{pt.number}: the decision document was not issued: {pt.document_error}",
                f"{pt.number}：决定文书未能制作：{pt.document_error}"))
    for rec in listing.signed_not_served(uow, actor):
        out.append(Alert(
            AlertKind.SIGNED_NOT_SERVED, rec.case_number, f"listing {rec.id}", None, False,
            f"{rec.case_number}: listing {rec.id} is signed but not served (2019 Opinion item 14)",
            f"{rec.case_number}：第{rec.id}号失信决定书已签发未送达（法发〔2019〕35号第14条）"))
    for year in calendar.missing_years(uow, today):
        out.append(Alert(
            AlertKind.CALENDAR_MISSING, "", str(year), None, True,
            f"no holiday calendar for {year}: deadlines in {year} are provisional (weekdays only) "
            "until an administrator enters the State Council's schedule",
            f"{year}年节假日安排尚未录入，涉及该年度的期限暂按周一至周五计算，请管理员录入国务院办公厅通知"))
    return sorted(out, key=lambda a: (_ORDER.index(a.kind), a.due or today, a.case_number, a.ref))


@dataclass(frozen=True)
class DailySummary:
    today: date
    published: tuple[int, ...]
    cancelled: tuple[int, ...]
    waiting_for_service: tuple[int, ...]
    expired: tuple[int, ...]
    permissions_ended: tuple[str, ...]
    overdue_petitions: tuple[str, ...]
    #: Removals not acknowledged by every recipient by their due day ("listing <id>").
    late_removals: tuple[str, ...]
    missing_years: tuple[int, ...]
    alerts: tuple[Alert, ...]

    @property
    def changes(self) -> int:
        """How many records the run changed (0 on a second run the same day)."""
        return len(self.published) + len(self.cancelled) + len(self.expired) + len(self.permissions_ended)

    def to_json(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(), "published": list(self.published),
                "cancelled": list(self.cancelled), "waiting_for_service": list(self.waiting_for_service),
                "expired": list(self.expired), "permissions_ended": list(self.permissions_ended),
                "overdue_petitions": list(self.overdue_petitions),
                "late_removals": list(self.late_removals),
                "missing_years": list(self.missing_years), "changes": self.changes,
                "alerts": [a.to_json() for a in self.alerts]}

    def lines(self, lang: str = "en") -> list[str]:
        zh = lang.startswith("zh")

        def ids(xs: tuple[object, ...]) -> str:
            return ", ".join(str(x) for x in xs) if xs else ("无" if zh else "none")

        if zh:
            out = [f"每日任务 {self.today.isoformat()}：变更{self.changes}项",
                   f"  公布失信名单：{ids(self.published)}",
                   f"  宽限期内履行完毕、不予公布：{ids(self.cancelled)}",
                   f"  已签发待送达：{ids(self.waiting_for_service)}",
                   f"  纳入期限届满删除：{ids(self.expired)}",
                   f"  临时准许期满恢复限制：{ids(self.permissions_ended)}",
                   f"  逾期未决的申请：{ids(self.overdue_petitions)}",
                   f"  逾期未获回执的删除：{ids(self.late_removals)}",
                   f"  缺少节假日安排的年度：{ids(tuple(self.missing_years))}"]
        else:
            out = [f"daily run {self.today.isoformat()}: {self.changes} change(s)",
                   f"  published listings: {ids(self.published)}",
                   f"  cancelled (performed during grace): {ids(self.cancelled)}",
                   f"  signed, waiting for service: {ids(self.waiting_for_service)}",
                   f"  deleted at term end: {ids(self.expired)}",
                   f"  temporary permissions ended: {ids(self.permissions_ended)}",
                   f"  overdue petitions: {ids(self.overdue_petitions)}",
                   f"  removals not acknowledged in time: {ids(self.late_removals)}",
                   f"  calendar years missing: {ids(tuple(self.missing_years))}"]
        if self.alerts:
            out.append("今日提醒：" if zh else "alerts:")
            out += [f"  [{a.kind.value}] {a.text(lang)}" for a in self.alerts]
        return out


def run_daily(uow: UnitOfWork, actor: Actor, today: date) -> DailySummary:
    """The daily run (idempotent); see the module docstring."""
    from courtapp.core.services import calendar, listing, petitions, removal

    require(actor, Permission.LISTING_PUBLISH)
    pub = listing.publish_due(uow, actor, today)
    expired = removal.expire_due(uow, actor, today)
    ended = petitions.end_permissions(uow, actor, today)
    overdue = tuple(q.petition.number for q in petitions.queue(uow, actor, today) if q.overdue)
    found = tuple(alerts(uow, actor, today))
    late = tuple(a.ref for a in found if a.kind in (AlertKind.REMOVAL_UNACKNOWLEDGED,
                                                    AlertKind.REMOVAL_INCOMPLETE))
    return DailySummary(
        today=today, published=tuple(pub.published), cancelled=tuple(pub.cancelled),
        waiting_for_service=tuple(pub.waiting_for_service), expired=tuple(expired),
        permissions_ended=tuple(ended), overdue_petitions=overdue, late_removals=late,
        missing_years=tuple(calendar.missing_years(uow, today)), alerts=found)
