"""``courtapp petition``, ``daily`` and ``dispatch``: the counter (issue 5)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from courtapp.cli.common import (
    SubParsers,
    acting,
    database,
    date_arg,
    int_arg,
    lang_of,
    no_such_file,
    today_arg,
    write_output,
)
from courtapp.core.context import AppContext

if TYPE_CHECKING:
    from courtapp.core.domain.petition import Search
    from courtapp.core.services.petitions import EvidenceFile, Petition




def _items_arg(text: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        return tuple(int(x) for x in text.replace("，", ",").split(",") if x.strip())
    except ValueError:
        raise SystemExit(f"courtapp: --items {text!r} is not a list of item numbers like 1,9") from None


def _amount_arg(text: str | None) -> Decimal | None:
    from courtapp.core.domain.money import parse_amount

    if not text:
        return None
    try:
        return parse_amount(text)
    except ValueError:
        raise SystemExit(f"courtapp: --security-value {text!r} is not an amount in yuan like 10000.00") from None


def _searches_arg(values: Sequence[str] | None) -> list[Search]:
    from courtapp.core.domain.petition import Search

    out: list[Search] = []
    for v in values or []:
        day, _, result = v.partition(":")
        on = date_arg(day, "--search")
        if on is None or result not in ("", "none", "found"):
            raise SystemExit(f"courtapp: --search {v!r}: write DATE or DATE:none or DATE:found")
        out.append(Search(on, found_property=result == "found"))
    return out


def _evidence_arg(names: Sequence[str] | None, args: argparse.Namespace) -> list[EvidenceFile]:
    """The files of ``--evidence``, each checked against the size limit before it is read."""
    from courtapp.core.domain import limits
    from courtapp.core.domain.errors import FieldError, ValidationError
    from courtapp.core.domain.messages import refusal
    from courtapp.core.services.petitions import EvidenceFile

    names = list(names or [])
    if len(names) > limits.MAX_EVIDENCE_FILES:
        raise ValidationError([FieldError("--evidence", "evidence.too_many", *refusal(
            "evidence.too_many", size=len(names), limit=limits.MAX_EVIDENCE_FILES))])
    out: list[EvidenceFile] = []
    for k, name in enumerate(names):
        path = Path(name)
        if not path.is_file():
            raise no_such_file("petition file", path, args)
        size = path.stat().st_size
        if size > limits.MAX_EVIDENCE_BYTES:
            raise ValidationError([FieldError(f"evidence[{k}]", "evidence.too_large", *refusal(
                "evidence.too_large", size=size, limit=limits.MAX_EVIDENCE_BYTES))])
        out.append(EvidenceFile(path.name, path.read_bytes()))
    return out


def _petition_json(p: Petition) -> dict[str, object]:
    return {
        "number": p.number, "case_number": p.case_number, "kind": p.kind.value,
        "status": p.status.value, "respondent": p.respondent, "respondent_name": p.respondent_name,
        "petitioner": {"role": p.petitioner_role.value, "name": p.petitioner_name,
                       "identifier": p.petitioner_identifier, "officer": p.officer},
        "statement": p.statement or None,
        "received_on": p.received_on.isoformat(), "sla": p.sla.code(), "due": p.due.isoformat(),
        "due_provisional": p.due_provisional, "details": p.details.to_json(),
        "evidence": [{"name": x.name, "size": x.size, "sha256": x.sha256} for x in p.evidence],
        "receipt_number": p.receipt_number,
        "decided_on": p.decided_on.isoformat() if p.decided_on else None,
        "decided_by": p.decided_by, "decision_reasons": p.decision_reasons or None,
        "document_number": p.document_number, "document_error": p.document_error,
        "effect_due": p.effect_due.isoformat() if p.effect_due else None,
        "effect_due_provisional": p.effect_due_provisional,
        "reconsideration_until": p.reconsideration_until.isoformat() if p.reconsideration_until else None,
        # R-R7: a removal's deadline to delete, from the day its ground was on record
        "deletion_due": p.deletion_due.isoformat() if p.deletion_due else None,
        "deletion_late": p.deletion_late,
    }


def _due_text(due: date, provisional: bool, lang: str) -> str:
    if not provisional:
        return due.isoformat()
    return due.isoformat() + ("（暂定）" if lang == "zh" else " (provisional)")


def cmd_petition(args: argparse.Namespace) -> int:
    """File, decide and list petitions (the counter and the judge's queue)."""
    with database(args) as ctx:
        return _petition(args, ctx)


def _petition(args: argparse.Namespace, ctx: AppContext) -> int:
    from courtapp.core.domain.petition import (
        CorrectionGround,
        Decision,
        LiftingGround,
        PetitionDetails,
        PetitionKind,
        PetitionStatus,
        TravelGround,
    )
    from courtapp.core.services import cases, petitions

    lang = lang_of(args)
    actor = acting(ctx)
    cmd = args.petition_command
    if cmd == "file":
        rec = cases.get_case(ctx.uow(), actor, case_number=args.case_number)
        evidence = _evidence_arg(args.evidence, args)
        searches = _searches_arg(args.search)
        details = PetitionDetails(
            correction_ground=CorrectionGround(args.correction_ground) if args.correction_ground else None,
            requested_correction=args.requested_correction or "",
            lifting_ground=LiftingGround(args.lifting_ground) if args.lifting_ground else None,
            security=args.security or "", security_value=_amount_arg(args.security_value),
            items=_items_arg(args.items), terminated_on=date_arg(args.terminated_on, "--terminated-on"),
            searches=tuple(searches),
            asset_lead=args.asset_lead,
            travel_ground=TravelGround(args.travel_ground) if args.travel_ground else None,
            itinerary=args.itinerary or "", permit_from=date_arg(args.permit_from, "--from"),
            permit_until=date_arg(args.permit_until, "--until"), consumption=args.consumption or "",
            written=not args.oral)
        filed = petitions.file_petition(
            ctx.uow(), actor, rec.id, PetitionKind(args.kind), petitioner_id=args.petitioner_id,
            petitioner_name=args.name or "", respondent=args.respondent,
            received_on=date_arg(args.received_on, "--received-on") or date.today(),
            details=details, evidence=evidence, statement=args.statement or "",
            issue_receipt=not args.no_receipt,
            lang=args.doc_lang)
        p = filed.petition
        if args.json:
            print(json.dumps(_petition_json(p), ensure_ascii=False))
        elif lang == "zh":
            print(f"已收件 {p.number}（{p.info.label_zh}），答复期限 {_due_text(p.due, p.due_provisional, lang)}"
                  + (f"，回执 {p.receipt_number}" if p.receipt_number else ""))
        else:
            print(f"filed {p.number} ({p.info.label_en}); decision due {_due_text(p.due, p.due_provisional, lang)}"
                  + (f"; receipt {p.receipt_number}" if p.receipt_number else ""))
        if p.due_provisional:
            print(("注意：" if lang == "zh" else "note: ") + _provisional_note(p.missing_years, lang),
                  file=sys.stderr)
        if filed.pdf is not None and args.receipt:
            write_output(args.receipt, filed.pdf)
        if filed.receipt_error:
            print(f"courtapp: the petition is filed but its receipt was not issued: {filed.receipt_error}",
                  file=sys.stderr)
            return 3
        return 0
    if cmd == "decide":
        decision = Decision(
            granted=args.grant, reasons=args.reasons, on=date_arg(args.on, "--on") or date.today(),
            facts_verified=args.verified, new_officer=args.new_officer,
            correction=args.correction or "", permit_from=date_arg(args.permit_from, "--from"),
            permit_until=date_arg(args.permit_until, "--until"), higher_court=args.higher_court or "",
            security_effective=args.security_effective)
        done = petitions.decide(ctx.uow(), actor, args.number, decision,
                                issue_document=not args.no_document, lang=args.doc_lang)
        p = done.petition
        if args.json:
            print(json.dumps(_petition_json(p), ensure_ascii=False))
        else:
            verdict = p.status.value if lang == "en" else {"granted": "准许", "rejected": "驳回"}[p.status.value]
            line = f"{p.number}: {verdict}"
            if p.effect_due is not None:
                line += (f"; to be carried out by {_due_text(p.effect_due, p.effect_due_provisional, lang)}"
                         if lang == "en" else
                         f"；应于{_due_text(p.effect_due, p.effect_due_provisional, lang)}前办结")
            if p.document_number:
                line += f"; {p.document_number}" if lang == "en" else f"；文书 {p.document_number}"
            if done.new_order_id is not None:
                line += (f"; restriction order {done.new_order_id} on the new officer awaits the "
                         "president's signature" if lang == "en" else
                         f"；对变更后人员的限制消费令（{done.new_order_id}）待院长签发")
            print(line)
        if done.pdf is not None and args.document:
            write_output(args.document, done.pdf)
        if done.document_error:
            print(f"courtapp: decided, but the document was not issued: {done.document_error}; "
                  f"retry with `courtapp petition document {p.number}`", file=sys.stderr)
            return 3
        return 0
    if cmd == "document":
        done = petitions.issue_decision_document(ctx.uow(), actor, args.number, lang=args.doc_lang)
        if done.document_error:
            print(f"courtapp: {done.document_error}", file=sys.stderr)
            return 1
        if done.pdf is not None:
            write_output(args.output, done.pdf)
        print(done.petition.document_number)
        return 0
    if cmd == "searches":
        p = petitions.record_searches(
            ctx.uow(), actor, petitions.get_petition(ctx.uow(), actor, args.number).id,
            terminated_on=date_arg(args.terminated_on, "--terminated-on") or date.today(),
            searches=_searches_arg(args.search), asset_lead=args.asset_lead)
        print(f"{p.number}: {len(p.details.searches)} search(es) recorded")
        return 0
    if cmd == "settings":
        for pair in args.set or []:
            key, sep, value = pair.partition("=")
            if not sep:
                raise SystemExit(f"courtapp petition settings: --set {pair!r}: write KEY=VALUE")
            petitions.set_counter_setting(ctx.uow(), actor, key.strip(), value)
        for key, value in petitions.counter_settings(ctx.uow()).items():
            print(f"{key}\t{value}")
        return 0
    if cmd == "serve":
        p = petitions.record_decision_service(ctx.uow(), actor, args.number,
                                              date_arg(args.on, "--on") or date.today())
        print(f"{p.number}: " + (f"决定已于{p.decision_served_on}送达" if lang == "zh"
                                 else f"decision served on {p.decision_served_on}")
              + (("；复议申请期限至" if lang == "zh" else "; reconsideration may be applied for until ")
                 + p.reconsideration_until.isoformat() if p.reconsideration_until else ""))
        return 0
    if cmd == "reconsider":
        if args.outcome is None and (args.decided_on or args.reasons):
            raise SystemExit("courtapp petition reconsider: --decided-on and --reasons go with --outcome")
        p = petitions.record_reconsideration(
            ctx.uow(), actor, args.number, filed_on=date_arg(args.filed_on, "--filed-on") or date.today(),
            outcome=args.outcome, decided_on=date_arg(args.decided_on, "--decided-on"),
            reasons=args.reasons or "")
        if args.json:
            print(json.dumps(_petition_json(p) | {
                "reconsideration_filed_on": p.reconsideration_filed_on.isoformat()
                if p.reconsideration_filed_on else None,
                "reconsideration_due": p.reconsideration_due.isoformat()
                if p.reconsideration_due else None,
                "reconsideration_outcome": p.reconsideration_outcome}, ensure_ascii=False))
        elif lang == "zh":
            print(f"{p.number}：已登记复议申请（{p.reconsideration_filed_on}），上一级人民法院应于"
                  f"{p.reconsideration_due}前作出决定"
                  + ({"granted": "；复议成立，已予纠正", "rejected": "；复议驳回"}.get(
                      p.reconsideration_outcome or "", "")))
        else:
            print(f"{p.number}: reconsideration filed on {p.reconsideration_filed_on}; the higher "
                  f"court decides by {p.reconsideration_due}"
                  + ({"granted": "; granted, the correction is made", "rejected": "; rejected"}.get(
                      p.reconsideration_outcome or "", "")))
        return 0
    if cmd == "show":
        p = petitions.get_petition(ctx.uow(), actor, args.number)
        print(json.dumps(_petition_json(p), ensure_ascii=False, indent=None if args.json else 2))
        return 0
    # list
    today = today_arg(args)
    case_id = cases.get_case(ctx.uow(), actor, case_number=args.case).id if args.case else None
    if args.pending:
        found = [q.petition for q in petitions.queue(ctx.uow(), actor, today, case_id=case_id)]
    else:
        found = petitions.list_petitions(
            ctx.uow(), actor, case_id=case_id,
            status=PetitionStatus(args.status) if args.status else None)
    for p in found:
        if args.json:
            print(json.dumps(_petition_json(p) | {"overdue": p.overdue(today)}, ensure_ascii=False))
            continue
        flag = ("逾期" if lang == "zh" else "OVERDUE") if p.overdue(today) else ""
        print("\t".join([p.number, p.kind.value, p.status.value, p.received_on.isoformat(),
                         _due_text(p.due, p.due_provisional, lang), p.petitioner_name, flag]).rstrip())
    return 0


def _provisional_note(years: Sequence[int], lang: str) -> str:
    from courtapp.core.domain.workdays import Deadline

    return Deadline(date.today(), True, tuple(years)).explain(lang)


def cmd_daily(args: argparse.Namespace) -> int:
    """The daily run: publish, expire, end permissions, flag what is overdue."""
    from courtapp.core.services import daily

    with database(args) as ctx:
        summary = daily.run_daily(ctx.uow(), acting(ctx), today_arg(args))
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        for line in summary.lines(lang_of(args)):
            print(line)
    return 0


def cmd_dispatch(args: argparse.Namespace) -> int:
    """The propagation ledger: list items, record an acknowledgement."""
    from courtapp.core.services import cases, dispatch

    lang = lang_of(args)
    with database(args) as ctx:
        actor = acting(ctx)
        if args.dispatch_command == "ack":
            item = dispatch.acknowledge(ctx.uow(), actor, args.id, date_arg(args.on, "--on") or date.today())
            print(f"{item.id}\t{item.event}\t{item.recipient}\tacknowledged {item.acknowledged_on}"
                  if lang == "en" else f"{item.id}\t{item.event}\t{item.recipient_name}\t已回执 {item.acknowledged_on}")
            return 0
        case_id = cases.get_case(ctx.uow(), actor, case_number=args.case).id if args.case else None
        items = dispatch.list_items(ctx.uow(), actor, open_only=args.open, case_id=case_id,
                                    event=args.event)
    for i in items:
        if args.json:
            print(json.dumps({
                "id": i.id, "case_number": i.case_number, "listing_id": i.listing_id,
                "order_id": i.order_id, "petition_id": i.petition_id, "event": i.event,
                "recipient": i.recipient, "recipient_name": i.recipient_name, "article": i.article,
                "created_on": i.created_on.isoformat(), "status": i.status,
                "due": i.due.isoformat() if i.due else None, "due_provisional": i.due_provisional,
                "acknowledged_on": i.acknowledged_on.isoformat() if i.acknowledged_on else None,
                "acknowledged_by": i.acknowledged_by}, ensure_ascii=False))
            continue
        due = _due_text(i.due, i.due_provisional, lang) if i.due else "-"
        state = i.status if i.open else f"{i.status} {i.acknowledged_on}"
        print("\t".join([str(i.id), i.case_number, i.event, i.recipient, i.created_on.isoformat(),
                         due, state]))
    return 0


def register(sub: SubParsers) -> None:
    from courtapp.core.domain.petition import (
        KINDS,
        CorrectionGround,
        LiftingGround,
        PetitionKind,
        PetitionStatus,
        TravelGround,
    )
    from courtapp.core.services.dispatch import EVENTS

    raw = argparse.RawDescriptionHelpFormatter
    kinds = "\n".join(f"  {k.value:<26} {i.label_en} ({i.article}); filed by "
                      f"{' or '.join(sorted(r.value for r in i.petitioners))}; decision due in "
                      f"{i.sla.days} {i.sla.unit.value} day(s)"
                      f"{' (statutory)' if i.statutory_sla else ' by default'}"
                      for k, i in KINDS.items())
    pet = sub.add_parser(
        "petition", help="petitions at the counter: file, decide, list",
        formatter_class=raw,
        description="Petitions for removal from the list, correction, lifting of a consumption "
                    "restriction and permissions (issue 5).  A counter officer files one, a judge "
                    "decides it; each decision carries out its effect and issues its document.",
        epilog="kinds:\n" + kinds)
    ps = pet.add_subparsers(dest="petition_command", metavar="ACTION", required=True)

    f = ps.add_parser(
        "file", help="file a petition and issue its counter receipt", formatter_class=raw,
        description="File a petition received at the counter.  The petitioner is identified by the "
                    "identifier on the document shown (ID number or credit code) and must be a "
                    "party of the case, or an officer of an entity respondent for the kinds "
                    "officers file.  The petition is numbered <case number>-申<n>, its decision is "
                    "due on the working-day calendar (provisional when a year has no calendar "
                    "data) and a receipt is issued.",
        epilog="kinds:\n" + kinds)
    f.add_argument("case_number", metavar="CASE_NUMBER", help="the case, e.g. (2026)京0105执1234号")
    f.add_argument("kind", choices=[k.value for k in PetitionKind], metavar="KIND",
                   help="the kind of petition (listed below)")
    f.add_argument("--petitioner-id", required=True, metavar="ID",
                   help="the petitioner's resident ID number or unified social credit code, as on "
                        "the document shown at the counter")
    f.add_argument("--name", help="the petitioner's name as shown; refused if it differs from the record")
    f.add_argument("--respondent", type=int_arg, metavar="N",
                   help="the respondent the petition concerns, numbered from 0 (needed when a "
                        "creditor petitions and several respondents fit)")
    f.add_argument("--received-on", metavar="DATE", help="the day the petition was received (default today)")
    f.add_argument("--statement", metavar="TEXT",
                   help="what the petitioner asks and why, in their words (kept on the petition)")
    f.add_argument("--evidence", action="append", metavar="FILE",
                   help="an evidence file, stored with its SHA-256; repeat for several")
    f.add_argument("--correction-ground", choices=[g.value for g in CorrectionGround],
                   help="correction: 1 should not have been listed, 2 the information is inaccurate, "
                        "3 the entry should have been deleted (2017 Provisions Art. 11)")
    f.add_argument("--requested-correction", metavar="TEXT",
                   help="correction ground 2: what the information should read")
    f.add_argument("--oral", action="store_true",
                   help="the application was not in writing (a correction is then refused, Art. 12)")
    f.add_argument("--lifting-ground", choices=[g.value for g in LiftingGround],
                   help="lifting: security, creditor_consent or fully_performed (2015 Provisions Art. 9)")
    f.add_argument("--security", metavar="TEXT",
                   help="lifting on security: what is offered as security (e.g. a mortgage on a "
                        "named property)")
    f.add_argument("--security-value", metavar="YUAN",
                   help="lifting on security: its value in yuan, e.g. 10000.00 (the judge sees how "
                        "much of what is outstanding it covers)")
    f.add_argument("--items", metavar="N,N",
                   help="lifting and permissions: the restricted items concerned, numbered as in "
                        "2015 Provisions Art. 3 (default: all in force)")
    f.add_argument("--terminated-on", metavar="DATE",
                   help="removal_no_property: the date of the ruling terminating this round of "
                        "enforcement (终结本次执行程序)")
    f.add_argument("--search", action="append", metavar="DATE[:none|found]",
                   help="removal_no_property: an online search (网络执行查控) and whether it found "
                        "property; repeat (at least two after the termination, none finding property)")
    f.add_argument("--asset-lead", action="store_true",
                   help="removal_no_property: someone gave an effective asset lead (bars deletion)")
    f.add_argument("--travel-ground", choices=[g.value for g in TravelGround],
                   help="temporary_travel: illness, funeral, official_duty, foreign_affairs or exam "
                        "(2019 Opinion item 17(3))")
    f.add_argument("--itinerary", metavar="TEXT", help="temporary_travel: the trip, e.g. 北京—上海")
    f.add_argument("--from", dest="permit_from", metavar="DATE",
                   help="permissions: the first day of the period asked for")
    f.add_argument("--until", dest="permit_until", metavar="DATE",
                   help="permissions: the last day of the period asked for")
    f.add_argument("--consumption", metavar="TEXT",
                   help="private_consumption, necessary_consumption: what the petitioner wants to buy or do")
    f.add_argument("--receipt", metavar="FILE.pdf", help="write the receipt PDF here ('-' for standard output)")
    f.add_argument("--no-receipt", action="store_true", help="file without issuing a receipt")
    f.add_argument("--lang", dest="doc_lang", choices=["zh", "en"], default="zh",
                   help="language of the receipt (default zh)")
    f.add_argument("--json", action="store_true", help="print the petition as one JSON object")

    d = ps.add_parser(
        "decide", help="grant or reject a petition (a judge)", formatter_class=raw,
        description="Decide a petition with reasons.  The effect is carried out at once (removal, "
                    "correction, lifting, permission, release) and the decision document issued. "
                    "Verified facts that oblige the court cannot be rejected.")
    d.add_argument("number", metavar="NUMBER", help="the petition number, e.g. (2026)京0105执1234号-申1")
    g = d.add_mutually_exclusive_group(required=True)
    g.add_argument("--grant", action="store_true", help="grant the petition")
    g.add_argument("--reject", action="store_true", help="reject the petition")
    d.add_argument("--reasons", required=True, metavar="TEXT", help="the reasons for the decision")
    d.add_argument("--on", metavar="DATE", help="the decision date (default today)")
    d.add_argument("--verified", action="store_true",
                   help="the petition's facts are verified (a rejection is then refused where the "
                        "rules say the court shall grant)")
    d.add_argument("--new-officer", type=int_arg, metavar="N",
                   help="officer_release: the officer index of the new legal representative or "
                        "principal responsible person (record them on the case first)")
    d.add_argument("--correction", metavar="TEXT",
                   help="correction ground 2: the corrected information (default: as requested)")
    d.add_argument("--from", dest="permit_from", metavar="DATE",
                   help="permissions: the first day granted (default: as asked)")
    d.add_argument("--until", dest="permit_until", metavar="DATE",
                   help="permissions: the last day granted (default: as asked)")
    d.add_argument("--higher-court", metavar="NAME",
                   help="correction rejection: the next-higher court for reconsideration (default: "
                        "the court setting court.higher_court)")
    d.add_argument("--security-effective", action="store_true",
                   help="lifting on security: you find the security genuine and effective although it "
                        "does not cover everything outstanding (without this it lifts nothing; "
                        "2015 Provisions Art. 9)")
    d.add_argument("--document", metavar="FILE.pdf",
                   help="write the decision document here ('-' for standard output)")
    d.add_argument("--no-document", action="store_true", help="decide without issuing the document")
    d.add_argument("--lang", dest="doc_lang", choices=["zh", "en"], default="zh",
                   help="language of the document (default zh)")
    d.add_argument("--json", action="store_true", help="print the petition as one JSON object")

    doc = ps.add_parser("document", help="issue a decided petition's document again after a failure")
    doc.add_argument("number", metavar="NUMBER")
    doc.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    doc.add_argument("--lang", dest="doc_lang", choices=["zh", "en"], default="zh")

    se = ps.add_parser("searches", help="record online searches on a removal_no_property petition")
    se.add_argument("number", metavar="NUMBER")
    se.add_argument("--terminated-on", required=True, metavar="DATE",
                    help="the date of the ruling terminating this round of enforcement")
    se.add_argument("--search", action="append", required=True, metavar="DATE[:none|found]",
                    help="an online search and its result; repeat")
    se.add_argument("--asset-lead", action="store_true", help="an effective asset lead was given")

    st = ps.add_parser(
        "settings", help="show or change the counter's court settings",
        description="Settings: petition.sla.<kind> (the period to decide: 3wd = 3 working days, "
                    "15d = 15 calendar days; the correction's 15 days are statutory), "
                    "petition.travel_max_days (longest temporary travel lifting, default 30: "
                    "'one month' is UNCONFIRMED), removal.para1_applies_to_fixed_term (true: the "
                    "grounds of 2017 Art. 10 para. 1 also delete fixed-term listings; default false), "
                    "court.higher_court (the next-higher court named for reconsideration), "
                    "dispatch.lifting_working_days (working days for a lifting to reach every "
                    "recipient, default 3).")
    st.add_argument("--set", action="append", metavar="KEY=VALUE", help="change a setting; repeat for several")
    sv = ps.add_parser("serve", help="record that a decision was served on the petitioner",
                       description="Service of the decision: a correction rejection's 10 days for "
                                   "reconsideration run from it (2017 Provisions Art. 12).")
    sv.add_argument("number", metavar="NUMBER")
    sv.add_argument("--on", metavar="DATE", help="the day it was served (default today)")
    rc = ps.add_parser(
        "reconsider", help="record a reconsideration of a rejected correction at the higher court",
        description="A reconsideration of a correction rejection, applied for at the next-higher "
                    "court within 10 days of service, decided there within 15 (2017 Provisions "
                    "Art. 12, R-R5).  It does not suspend the rejection: nothing changes until the "
                    "outcome 'granted' is recorded, which then makes the correction.  A filing "
                    "after the 10 days is recorded and flagged in the audit.")
    rc.add_argument("number", metavar="NUMBER", help="the rejected correction petition")
    rc.add_argument("--filed-on", metavar="DATE", help="the day it was filed (default today)")
    rc.add_argument("--outcome", choices=["granted", "rejected"],
                    help="the higher court's outcome, once known")
    rc.add_argument("--decided-on", metavar="DATE", help="with --outcome: the day it was decided")
    rc.add_argument("--reasons", metavar="TEXT", help="with --outcome: the higher court's reasons")
    rc.add_argument("--json", action="store_true", help="print the petition as one JSON object")
    sh = ps.add_parser("show", help="show one petition as JSON")
    sh.add_argument("number", metavar="NUMBER")
    sh.add_argument("--json", action="store_true", help="one line instead of indented")

    ls_ = ps.add_parser("list", help="list petitions; --pending gives the judge's queue")
    ls_.add_argument("--case", metavar="CASE_NUMBER", help="only this case's petitions")
    ls_.add_argument("--pending", action="store_true",
                     help="the queue: pending petitions, soonest due first, overdue ones marked")
    ls_.add_argument("--status", choices=[st.value for st in PetitionStatus], help="only this status")
    ls_.add_argument("--today", metavar="DATE", help="the day overdue is judged against (default today)")
    ls_.add_argument("--json", action="store_true", help="one JSON object per petition")
    pet.set_defaults(func=cmd_petition)

    dy = sub.add_parser(
        "daily", help="the daily run: publish, delete expired, end permissions, flag overdue",
        description="Publishes listings whose grace ended without performance, deletes fixed-term "
                    "listings whose term ended, imposes again the items of ended temporary "
                    "permissions, and reports overdue petitions, unacknowledged removals and "
                    "missing calendar years.  Running it twice changes nothing the second time.")
    dy.add_argument("--today", metavar="DATE", help="the day to run for (default today)")
    dy.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    dy.set_defaults(func=cmd_daily)

    dp = sub.add_parser("dispatch", help="the propagation ledger: list items, record acknowledgements")
    dps = dp.add_subparsers(dest="dispatch_command", metavar="ACTION", required=True)
    dl = dps.add_parser("list", help="list ledger items with their due dates")
    dl.add_argument("--open", action="store_true", help="only items not yet acknowledged")
    dl.add_argument("--case", metavar="CASE_NUMBER", help="only this case's items")
    dl.add_argument("--event", choices=list(EVENTS), help="only this kind of change")
    dl.add_argument("--json", action="store_true", help="one JSON object per item")
    da = dps.add_parser("ack", help="record a recipient's acknowledgement of an item")
    da.add_argument("id", type=int_arg, metavar="ID", help="the item id (from `courtapp dispatch list`)")
    da.add_argument("--on", metavar="DATE", help="the day it was acknowledged (default today)")
    dp.set_defaults(func=cmd_dispatch)
