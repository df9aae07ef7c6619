"""``courtapp listing``: creditors' written applications to list a respondent
(2017 Provisions Art. 5 para. 2; the 6-month bar of Art. 10 para. 4, R-R3)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from courtapp.cli.common import SubParsers, acting, database, date_arg, int_arg, lang_of
from courtapp.core.domain.records import Application


def _application_json(a: Application) -> dict[str, object]:
    return {"id": a.id, "case_number": a.case_number, "respondent": a.respondent,
            "applicant": a.applicant, "received_on": a.received_on.isoformat(),
            "due_on": a.due_on.isoformat(), "status": a.status,
            "decided_on": a.decided_on.isoformat() if a.decided_on else None,
            "decision_reasons": a.decision_reasons or None, "listing_id": a.listing_id}


def _line(a: Application, lang: str, today: date) -> str:
    late = a.overdue(today)
    if lang == "zh":
        return "\t".join([str(a.id), a.case_number, f"被执行人{a.respondent}", a.received_on.isoformat(),
                          f"应于{a.due_on.isoformat()}前处理", {"pending": "待处理", "granted": "准许",
                                                           "rejected": "驳回"}.get(a.status, a.status),
                          "逾期" if late else ""]).rstrip()
    return "\t".join([str(a.id), a.case_number, f"respondent {a.respondent}", a.received_on.isoformat(),
                      f"due {a.due_on.isoformat()}", a.status, "OVERDUE" if late else ""]).rstrip()


def cmd_listing(args: argparse.Namespace) -> int:
    """Record, list and decide creditors' applications to list a respondent."""
    from courtapp.core.services import applications, cases

    lang = lang_of(args)
    today = date.today()
    with database(args) as ctx:
        actor = acting(ctx)
        if args.listing_command == "apply":
            case_id = cases.get_case(ctx.uow(), actor, case_number=args.case_number).id
            app = applications.record_application(
                ctx.uow(), actor, case_id, respondent=args.respondent, applicant=args.applicant,
                received_on=date_arg(args.received_on, "--received-on") or today,
                grounds_claimed=args.grounds)
            if args.json:
                print(json.dumps(_application_json(app), ensure_ascii=False))
            elif lang == "zh":
                print(f"已登记申请执行人的纳入申请（第{app.id}号），应于{app.due_on.isoformat()}前审查决定")
            else:
                print(f"recorded application {app.id}; decide by {app.due_on.isoformat()}")
            return 0
        if args.listing_command == "decide":
            app = applications.decide_application(
                ctx.uow(), actor, args.id, granted=args.grant,
                on=date_arg(args.on, "--on") or today, reasons=args.reasons,
                listing_id=args.listing_id)
            if args.json:
                print(json.dumps(_application_json(app), ensure_ascii=False))
            else:
                print(_line(app, lang, today))
            return 0
        found = applications.pending_applications(ctx.uow(), actor)
    for a in found:
        print(json.dumps(_application_json(a), ensure_ascii=False) if args.json else
              _line(a, lang, today))
    return 0


def register(sub: SubParsers) -> None:
    lst = sub.add_parser(
        "listing", help="creditors' applications to list a respondent: apply, list, decide",
        description="A creditor's written application to put a respondent on the list of "
                    "dishonest judgment defaulters (2017 Provisions Art. 5 para. 2), decided within "
                    "15 days.  Within six months after a deletion made at the creditor's own "
                    "written request (Art. 10 para. 1 item 3), the creditor's application to list "
                    "the respondent again is not supported (Art. 10 para. 4): it is refused when "
                    "recorded, naming the last day of the bar.")
    ls = lst.add_subparsers(dest="listing_command", metavar="ACTION", required=True)
    ap = ls.add_parser("apply", help="record a creditor's written application to list a respondent")
    ap.add_argument("case_number", metavar="CASE_NUMBER", help="the case, e.g. (2026)京0105执1234号")
    ap.add_argument("--respondent", type=int_arg, required=True, metavar="N",
                    help="the respondent to list (0-based index in the case)")
    ap.add_argument("--applicant", type=int_arg, default=0, metavar="N",
                    help="the applicant creditor (0-based index; default 0)")
    ap.add_argument("--received-on", metavar="DATE",
                    help="the day the written application was received (default today)")
    ap.add_argument("--grounds", required=True, metavar="TEXT",
                    help="the grounds the creditor claims (2017 Provisions Art. 1)")
    ap.add_argument("--json", action="store_true", help="print the application as one JSON object")
    de = ls.add_parser("decide", help="grant or reject a creditor's application")
    de.add_argument("id", type=int_arg, metavar="ID", help="the application (from `courtapp listing list`)")
    g = de.add_mutually_exclusive_group(required=True)
    g.add_argument("--grant", action="store_true", help="grant: name the listing prepared on it")
    g.add_argument("--reject", action="store_true", help="reject the application")
    de.add_argument("--reasons", required=True, metavar="TEXT", help="the reasons for the decision")
    de.add_argument("--on", metavar="DATE", help="the decision date (default today)")
    de.add_argument("--listing-id", type=int_arg, metavar="N",
                    help="a granted application: the listing decision prepared on it")
    de.add_argument("--json", action="store_true", help="print the application as one JSON object")
    li = ls.add_parser("list", help="the pending applications, soonest due first")
    li.add_argument("--json", action="store_true", help="one JSON object per application")
    lst.set_defaults(func=cmd_listing)
