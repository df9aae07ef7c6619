"""Each respondent's status and its history (issue 3 §7; R-R6).

A respondent moves recorded → notice served → warned → listed (awaiting
publication or published) → removed, only by the transitions
:func:`~courtapp.core.domain.listing.check_transition` allows.  Every move is
recorded here, within the caller's transaction, with who, when, the article
and the reason, and an audit record.  This is the one home of transitions.
"""

from __future__ import annotations

from datetime import date

from courtapp.core.db.repositories.audit import AuditItem
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.listing import RespondentState, TransitionRefused, check_transition
from courtapp.core.domain.messages import Message
from courtapp.core.domain.model import EnforcementCase
from courtapp.core.domain.roles import Actor

ART_NOTICE = "2017 Provisions Art. 5 para. 1; CPL 2023 Art. 251"


def current_state(uow: UnitOfWork, case: EnforcementCase, case_id: int, respondent: int,
                  as_of: date | None = None) -> RespondentState:
    """The respondent's status: the last recorded transition, else derived from the notice."""
    last = uow.events.last_state(case_id, respondent)
    if last is not None:
        return last
    n = case.execution_notice
    if n is not None and n.served_on is not None and (as_of is None or n.served_on <= as_of):
        return RespondentState.NOTICE_SERVED
    return RespondentState.RECORDED


def transition(uow: UnitOfWork, actor: Actor, case: EnforcementCase, case_id: int,
               respondent: int, target: RespondentState, on: date, article: str,
               reason: Message) -> None:
    """Record the move of one respondent to ``target`` (refused if not allowed)."""
    cur = current_state(uow, case, case_id, respondent, on)
    try:
        check_transition(cur, target)
    except TransitionRefused as e:
        err = ErrorCollector()
        err.add("status", "status.transition", f"{e}", f"不允许的状态变更：{cur.value} → {target.value}")
        err.raise_if_any()
    record(uow, actor, case_id, respondent, cur, target, on, article, reason)
    uow.audit.add(actor, "respondent.transition", "case", f"{case.case_number}#{respondent}",
                  before={"state": cur.value},
                  after={"state": target.value, "on": on.isoformat(),
                         "reason": {"code": reason.code, "params": dict(reason.params)}},
                  legal_ground=article, reason=judges_words(reason))


def judges_words(reason: Message) -> str | None:
    """What a judge wrote, if the message carries it (the audit keeps only that as prose)."""
    words = reason.params.get("reasons")
    return str(words) if words else None


def record(uow: UnitOfWork, actor: Actor, case_id: int, respondent: int, from_state: RespondentState,
           to_state: RespondentState, on: date, article: str, reason: Message) -> None:
    """One history entry as it is (a correction keeps the state: ``from == to``)."""
    uow.events.add(case_id=case_id, respondent=respondent, from_state=from_state,
                   to_state=to_state, effective_on=on, username=actor.username, article=article,
                   reason=reason)


def record_notice_service(uow: UnitOfWork, actor: Actor, case_id: int,
                          case: EnforcementCase) -> None:
    """Within the caller's transaction: once the execution notice is served, each
    respondent's recorded → notice_served transition is written (issue 3 §7).

    Called by the case service whenever a case is stored; idempotent.
    """
    n = case.execution_notice
    if n is None or n.served_on is None:
        return
    for i in range(len(case.respondents)):
        if uow.events.has_any(case_id, i):
            continue
        record(uow, actor, case_id, i, RespondentState.RECORDED, RespondentState.NOTICE_SERVED,
               n.served_on, ART_NOTICE,
               Message("history.notice_served", {"method": "service_method." + (
                   n.service_method.value if n.service_method else "")}))


class NewCaseHistory:
    """The history of newly stored cases, gathered in memory and written by one insert.

    A new case has no history to query, so each respondent's state is followed
    here: the same transitions, checks, rows and audit records as
    :func:`record_notice_service` and :func:`transition`, without a query (and
    an autoflush) per step.  Used by bulk import.
    """

    def __init__(self, uow: UnitOfWork, actor: Actor) -> None:
        self.uow, self.actor = uow, actor
        self.rows: list[tuple[int, int, RespondentState, RespondentState, date, str, str, Message]] = []
        self.state: dict[tuple[int, int], RespondentState] = {}
        #: The audit records, in order; the caller appends its own between the steps.
        self.audit: list[AuditItem] = []

    def notice_served(self, case_id: int, case: EnforcementCase) -> None:
        """As :func:`record_notice_service` for a case with no history yet."""
        n = case.execution_notice
        if n is None or n.served_on is None:
            return
        reason = Message("history.notice_served", {"method": "service_method." + (
            n.service_method.value if n.service_method else "")})
        for i in range(len(case.respondents)):
            self.rows.append((case_id, i, RespondentState.RECORDED, RespondentState.NOTICE_SERVED,
                              n.served_on, self.actor.username, ART_NOTICE, reason))
            self.state[(case_id, i)] = RespondentState.NOTICE_SERVED

    def transition(self, case: EnforcementCase, case_id: int, respondent: int,
                   target: RespondentState, on: date, article: str, reason: Message) -> None:
        """As :func:`transition`, the state before it followed in memory."""
        cur = self.state.get((case_id, respondent), RespondentState.RECORDED)
        try:
            check_transition(cur, target)
        except TransitionRefused as e:
            err = ErrorCollector()
            err.add("status", "status.transition", f"{e}", f"不允许的状态变更：{cur.value} → {target.value}")
            err.raise_if_any()
        self.rows.append((case_id, respondent, cur, target, on, self.actor.username, article, reason))
        self.state[(case_id, respondent)] = target
        self.audit.append(AuditItem(
            "respondent.transition", "case", f"{case.case_number}#{respondent}",
            before={"state": cur.value},
            after={"state": target.value, "on": on.isoformat(),
                   "reason": {"code": reason.code, "params": dict(reason.params)}},
            legal_ground=article, reason=judges_words(reason)))

    def store(self) -> None:
        """Write the gathered history and audit records (the audit through
        :func:`courtapp.core.services.audit.record_many`)."""
        from courtapp.core.services.audit import record_many

        self.uow.events.add_many(self.rows)
        record_many(self.uow, self.actor, self.audit)
        self.rows, self.audit = [], []
