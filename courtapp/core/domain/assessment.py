"""Willful non-performance assessment: may a respondent be listed, and on what.

A pure function of a case, a respondent and a date (no Qt, no database).
Each conclusion carries its article and a plain reason in Chinese and English.

Rules (``shared/domain/RULES.md`` §10):
- R-L1: a listing needs non-performance and at least one ground of 2017 Art. 1.
  Ground (1) needs a finding that the respondent is able to perform; grounds
  (2)–(6) come from recorded conduct (``CONDUCT_GROUND``).
- R-L2: a minor is never listed (2017 Art. 4), by age on the assessment date.
- R-L3: the 2017 Art. 3 bars block ground (1) only: sufficient security,
  sealed/seized/frozen property covering the debt, later in the order of
  performance, not able to perform.
- General bars (they block every ground): nothing outstanding (R-L1); the
  execution notice not served (2017 Art. 5 para. 1: the notice carries the
  listing risk warning); the performance period still running (2015 Art. 1,
  CPL 2023 Art. 251); a grace period running (2019 Opinion item 15); a
  full-time student in a campus-loan dispute (2019 Opinion item 16).
- R-L4: grounds (2)–(6) give 2 years, extendable by 1–3 years only for serious
  violence or threats, or several dishonest acts (2017 Art. 2 para. 1); ground
  (1) alone has no fixed term.  Ground (1) together with (2)–(6) is UNCONFIRMED
  in the rules: the 2-year term of the fixed-term grounds is proposed and the
  result is flagged for the judge's decision (``manual_review``).
- R-L10 / 2015 Art. 1: a restriction is mandatory if listed, discretionary if
  the performance deadline has passed unperformed, unavailable otherwise.
- R-L11: a notice served on or after its own deadline gave no period to
  perform (2015 Art. 1 "指定的期间"; CPL 2023 Art. 251): ground (1) and a
  restriction are unavailable (bar ``notice_served_late``) until a fresh
  notice with a new deadline is served and that deadline passes.
- R-L12: the extension needs recorded conduct: recorded violence or threats
  that the judge found serious (the answer qualifies the record, it never
  replaces it), or two or more recorded dishonest acts.
- R-L13: a debtor later in the order of performance should not be enforced
  against (2017 Art. 3(3)); a restriction is an enforcement measure, so it is
  unavailable too, whatever the grounds.
- R-L14: security and sealed/seized/frozen property are weighed against
  everything outstanding under the basis; money cannot satisfy an unperformed
  act unless the basis converts it to money (``converted_amount``).  A
  co-debtor's held property that covers the joint debt is flagged for the
  judge (``manual_review``) with a reason naming it.
- R-L16: a full-time student in a campus-loan dispute is neither listed nor
  restricted, unless the judge records a written reason for an exception
  (``Finding.campus_loan_exception_reason``), which the reasons quote.
- R-C4 / 2015 Art. 3 para. 2: an entity's legal representative, principal,
  directly responsible persons and actual controller are bound by its
  restriction; they are not listed themselves (2019 Opinion).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from courtapp.core.domain.identifiers import resident_id_info
from courtapp.core.domain.model import (
    CONDUCT_GROUND,
    ConductType,
    EnforcementCase,
    PartyKind,
    PropertyMeasure,
)

#: Bar codes, in the order they are reported.
BAR_CODES = (
    "nothing_outstanding", "notice_not_served", "notice_served_late",
    "performance_period_running", "grace_period_running", "minor", "campus_loan_student",
    "security", "seized_property_sufficient", "later_in_order", "not_able_to_perform",
)
#: Bars that block ground (1) only: those of 2017 Art. 3, and a notice served
#: too late to give a period to perform (R-L11).
GROUND1_BARS = frozenset({"notice_served_late", "security", "seized_property_sufficient",
                          "later_in_order", "not_able_to_perform"})
#: Bars that also make a consumption restriction unavailable (R-L11, R-L13, R-L16).
RESTRICTION_BARS = frozenset({"notice_served_late", "later_in_order", "campus_loan_student"})

BASE_TERM_YEARS = 2
MAX_EXTENSION_YEARS = 3
#: "Several dishonest acts" (多项失信行为, 2017 Art. 2 para. 1): two or more records.
SEVERAL_ACTS = 2

CITE = {
    "ground": "2017 Provisions Art. 1 item ({n}) (最高人民法院关于公布失信被执行人名单信息的若干规定 第一条第（{zh}）项)",
    "no_ground": "2017 Provisions Art. 1 (失信情形)",
    "nothing_outstanding": "2017 Provisions Art. 1 (未履行生效法律文书确定的义务)",
    "notice_not_served": "2017 Provisions Art. 5 para. 1 (执行通知中的失信风险提示)",
    "notice_served_late": "2015 Provisions Art. 1; CPL 2023 Art. 251 (执行通知书指定的期间应在送达后开始；送达时已届期限的，未给予履行期间)",
    "performance_period_running": "2015 Provisions Art. 1; CPL 2023 Art. 251 (执行通知书指定的履行期间)",
    "grace_period_running": "2019 Opinion (法发〔2019〕35号) item 15 (宽限期)",
    "minor": "2017 Provisions Art. 4 (未成年人不得纳入失信名单)",
    "campus_loan_student": "2019 Opinion (法发〔2019〕35号) item 16 (全日制在校生因“校园贷”纠纷成为被执行人的，一般不得纳入失信名单或限制消费)",
    "security": "2017 Provisions Art. 3 item (1) (提供了充分有效担保)",
    "seized_property_sufficient": "2017 Provisions Art. 3 item (2) (已查封、扣押、冻结的财产足以清偿)",
    "later_in_order": "2017 Provisions Art. 3 item (3) (履行顺序在后)",
    "not_able_to_perform": "2017 Provisions Art. 3 item (4) (不属于有履行能力而拒不履行)",
    "term": "2017 Provisions Art. 2 para. 1 (纳入期限二年，可延长一至三年)",
    "no_term": "2017 Provisions Art. 2, Art. 10 (第一条第一项情形无固定期限)",
    "mandatory": "2015 Provisions Art. 1 para. 2 (纳入失信名单的，应当限制消费)",
    "discretionary": "2015 Provisions Art. 1 para. 1, Art. 2 (未按执行通知书指定的期间履行的，可以限制消费)",
    "restriction_barred": "2015 Provisions Art. 1 (限制消费系强制执行措施)",
    "bound": "2015 Provisions Art. 3 para. 2 (单位被执行人的法定代表人、主要负责人、直接责任人员、实际控制人)",
}
_ZH_NUM = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}

GROUND_TEXT = {
    1: ("able to perform but refuses to", "有履行能力而拒不履行生效法律文书确定义务"),
    2: ("obstructs or resists enforcement by forged evidence, violence or threats",
        "以伪造证据、暴力、威胁等方法妨碍、抗拒执行"),
    3: ("evades enforcement by false litigation, false arbitration, or hiding or transferring assets",
        "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行"),
    4: ("breaches the asset-reporting system", "违反财产报告制度"),
    5: ("breaches a consumption restriction order", "违反限制消费令"),
    6: ("refuses without good reason to perform an enforcement settlement agreement",
        "无正当理由拒不履行执行和解协议"),
}


@dataclass
class Assessment:
    """The assessment of one respondent on one date."""

    respondent: int
    as_of: date
    listable: bool
    grounds: list[int]
    effective_grounds: list[int]
    bars: list[str]
    term_years: int | None
    extendable: bool
    restriction: str  # mandatory | discretionary | unavailable
    bound_persons: list[dict[str, Any]]
    open_questions: list[str]
    manual_review: bool
    citations: list[str] = field(default_factory=list)
    reasons_zh: list[str] = field(default_factory=list)
    reasons_en: list[str] = field(default_factory=list)
    #: Why ``manual_review`` is set, as codes (not part of the JSON output):
    #: ``ground_one_with_fixed_term`` (R-L4), ``co_debtor_property`` (R-L14).
    review: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "respondent": self.respondent,
            "listable": self.listable,
            "grounds": self.grounds,
            "bars": self.bars,
            "term": None if self.term_years is None else {"years": self.term_years},
            "extendable": self.extendable,
            "restriction": self.restriction,
            "bound_persons": self.bound_persons,
            "citations": self.citations,
            "reasons": {"zh": self.reasons_zh, "en": self.reasons_en},
            # Beyond the fixed fields:
            "as_of": self.as_of.isoformat(),
            "effective_grounds": self.effective_grounds,
            "open_questions": self.open_questions,
            "manual_review": self.manual_review,
        }


def _money(d: Decimal) -> str:
    return f"{d:,.2f}"


def _names_zh(names: list[str]) -> str:
    return "、".join(names)


def assess_respondent(case: EnforcementCase, respondent: int, as_of: date, *,
                      grace_until: date | None = None) -> Assessment:
    """Assess respondent ``respondent`` (0-based) of ``case`` as of ``as_of``."""
    if not 0 <= respondent < len(case.respondents):
        raise IndexError(f"respondent {respondent} out of range")
    party = case.respondents[respondent]
    finding = case.finding_for(respondent)
    cites: list[str] = []
    zh: list[str] = []
    en: list[str] = []

    def say(cite_key: str | None, text_en: str, text_zh: str, cite: str | None = None) -> None:
        c = cite or (CITE[cite_key] if cite_key else None)
        if c and c not in cites:
            cites.append(c)
        en.append(text_en)
        zh.append(text_zh)

    outstanding = case.outstanding(as_of)
    acts = case.unperformed_acts(as_of)
    # R-L14: everything outstanding under the basis, in money (None: an
    # unperformed act that money cannot perform).
    cover = case.outstanding_in_money(as_of)
    open_questions: list[str] = []

    # ---- grounds found (R-L1)
    grounds: set[int] = set()
    if finding.able_to_perform is True:
        grounds.add(1)
    elif finding.able_to_perform is None:
        open_questions.append("able_to_perform")
    conduct = [c for c in case.conduct if c.respondent == respondent and c.on <= as_of]
    for c in conduct:
        grounds.add(CONDUCT_GROUND[c.type])

    # ---- bars
    bars: list[str] = []
    if outstanding == 0 and not acts:
        bars.append("nothing_outstanding")
    n = case.execution_notice
    served = n is not None and n.served_on is not None and n.served_on <= as_of
    # R-L11: served on or after its own deadline, the notice gave no period at all.
    late = served and n is not None and n.served_on is not None and n.served_on >= n.deadline
    if not served:
        bars.append("notice_not_served")
    elif late:
        bars.append("notice_served_late")
    elif n is not None and as_of <= n.deadline:
        bars.append("performance_period_running")
    if grace_until is not None and as_of <= grace_until:
        bars.append("grace_period_running")
    age: int | None = None
    if party.kind is PartyKind.PERSON and party.id_number:
        try:
            age = resident_id_info(party.id_number).age_on(as_of)
        except ValueError:
            age = None
        if age is not None and age < 18:
            bars.append("minor")
    exception = finding.campus_loan_exception_reason.strip() if finding.campus_loan_student else ""
    if finding.campus_loan_student and not exception:
        bars.append("campus_loan_student")
    security = sum((s.value for s in case.security if s.respondent == respondent), Decimal("0"))
    if cover is not None and cover > 0 and security >= cover:
        bars.append("security")
    held_items = [p for p in case.property if p.found_on <= as_of
                  and p.measure is not PropertyMeasure.NONE]
    held = sum((p.value for p in held_items if p.respondent == respondent), Decimal("0"))
    if cover is not None and cover > 0 and held >= cover:
        bars.append("seized_property_sufficient")
    if finding.later_in_performance_order:
        bars.append("later_in_order")
    if finding.able_to_perform is False:
        bars.append("not_able_to_perform")

    general = [b for b in bars if b not in GROUND1_BARS]
    effective = sorted(g for g in grounds
                       if not general and not (g == 1 and any(b in GROUND1_BARS for b in bars)))
    listable = bool(effective)

    # ---- reasons for grounds and bars
    for g in sorted(grounds):
        g_en, g_zh = GROUND_TEXT[g]
        evidence_en = evidence_zh = ""
        if g == 1:
            evidence_en = " (the judge found the respondent able to perform)"
            evidence_zh = "（经审查认定被执行人有履行能力）"
        else:
            acts_of_g = [c for c in conduct if CONDUCT_GROUND[c.type] == g]
            evidence_en = "; recorded: " + "; ".join(f"{c.on.isoformat()} {c.description}" for c in acts_of_g)
            evidence_zh = "；记录：" + "；".join(f"{c.on.isoformat()}{c.description}" for c in acts_of_g)
        say(None, f"Ground ({g}): {g_en}{evidence_en}.",
            f"第一条第（{_ZH_NUM[g]}）项：{g_zh}{evidence_zh}。",
            CITE["ground"].format(n=g, zh=_ZH_NUM[g]))
    if not grounds:
        say("no_ground", "No ground of Art. 1 is established on the record.",
            "现有记录不能认定存在第一条规定的失信情形。")
    deadline = n.deadline.isoformat() if n else ""
    served_text = n.served_on.isoformat() if n and n.served_on else ""
    cover_text = _money(cover) if cover is not None else ""
    converted = (cover - outstanding) if cover is not None else Decimal("0")
    incl_en = (f" (of which {_money(converted)} yuan in place of unperformed acts)"
               if converted > 0 else "")
    incl_zh = f"（其中{_money(converted)}元为未履行行为义务的折价）" if converted > 0 else ""
    bar_text = {
        "nothing_outstanding": ("Nothing is outstanding: every obligation has been performed, so there is no non-performance.",
                                "生效法律文书确定的义务已全部履行，不存在未履行情形。"),
        "notice_not_served": ("The execution notice, which carries the listing risk warning, has not been served.",
                              "载明失信风险提示的执行通知书尚未送达。"),
        "notice_served_late": (f"The execution notice was served on {served_text}, on or after its own performance deadline of {deadline}: the respondent never had the period to perform. Ground (1) and a consumption restriction are unavailable until a fresh notice with a new deadline has been served and that deadline has passed.",
                               f"执行通知书于{served_text}送达，送达时其指定的履行期限（{deadline}）已届至，被执行人未获得履行期间。重新送达指定新履行期限的执行通知书且该期限届满前，不得依第一条第（一）项纳入失信名单，亦不得限制消费。"),
        "performance_period_running": (f"The performance period set in the execution notice runs until {deadline} inclusive.",
                                       f"执行通知书指定的履行期间至{deadline}（含当日）尚未届满。"),
        "grace_period_running": (f"A grace period runs until {grace_until.isoformat() if grace_until else ''}.",
                                 f"宽限期至{grace_until.isoformat() if grace_until else ''}尚未届满。"),
        "minor": (f"The respondent is a minor (age {age} on {as_of.isoformat()}) and may not be listed.",
                  f"被执行人为未成年人（{as_of.isoformat()}时{age}周岁），不得纳入失信被执行人名单。"),
        "campus_loan_student": ("The respondent is a full-time student who became a debtor through a campus-loan dispute: generally neither listed nor restricted, and the judge has recorded no written reason for an exception.",
                                "被执行人系因“校园贷”纠纷成为被执行人的全日制在校生，一般不得纳入失信名单或限制消费，承办法官未书面说明例外理由。"),
        "security": (f"Security of {_money(security)} yuan covers everything outstanding, {cover_text} yuan{incl_en}.",
                     f"被执行人提供的担保{_money(security)}元足以清偿全部未履行债务{cover_text}元{incl_zh}。"),
        "seized_property_sufficient": (f"Sealed, seized or frozen property worth {_money(held)} yuan covers everything outstanding, {cover_text} yuan{incl_en}.",
                                       f"已查封、扣押、冻结的财产价值{_money(held)}元，足以清偿全部未履行债务{cover_text}元{incl_zh}。"),
        "later_in_order": ("The respondent is later in the order of performance and should not be enforced against yet; a consumption restriction is an enforcement measure, so it is unavailable too.",
                           "被执行人履行顺序在后，依法不应强制执行；限制消费属于强制执行措施，亦不得采取。"),
        "not_able_to_perform": ("The respondent was found not able to perform.",
                                "经审查被执行人不具有履行能力。"),
    }
    for b in bars:
        b_en, b_zh = bar_text[b]
        if b in RESTRICTION_BARS:
            scope_en = (" This bars ground (1) and a consumption restriction." if b in GROUND1_BARS
                        else " This bars every ground and a consumption restriction.")
            scope_zh = ("此情形阻却第一条第（一）项及限制消费。" if b in GROUND1_BARS
                        else "此情形阻却全部失信情形及限制消费。")
        else:
            scope_en = " This bars ground (1) only." if b in GROUND1_BARS else " This bars every ground."
            scope_zh = "此情形仅阻却第一条第（一）项。" if b in GROUND1_BARS else "此情形阻却全部失信情形。"
        say(b, b_en + scope_en, b_zh + scope_zh)
    if exception:
        say("campus_loan_student",
            "The respondent is a full-time student who became a debtor through a campus-loan dispute, "
            f"who is generally neither listed nor restricted; the judge makes an exception for this written reason: {exception}",
            f"被执行人系因“校园贷”纠纷成为被执行人的全日制在校生，一般不得纳入失信名单或限制消费；承办法官书面说明的例外理由：{exception}")

    # ---- R-L14: what security and held property cannot cover
    if cover is None and (security > 0 or held > 0):
        left = [case.obligations[i].description for i in acts
                if case.obligations[i].converted_amount is None]
        say("seized_property_sufficient" if held > 0 else "security",
            "Security or held property cannot perform an unperformed non-monetary obligation ("
            + "; ".join(left) + "), and the basis does not convert it to money: it does not cover the debt.",
            "担保或已控制的财产不能代替履行未履行的非金钱给付义务（" + "；".join(left)
            + "），执行依据亦未将其折价，不足以清偿全部债务。")
    review: list[str] = []
    co_held = [p for p in held_items if p.respondent != respondent]
    co_total = sum((p.value for p in co_held), Decimal("0"))
    if (cover is not None and cover > 0 and held < cover and co_held
            and held + co_total >= cover):
        review.append("co_debtor_property")
        names = sorted({p.respondent for p in co_held})
        who = [case.respondents[j].name for j in names if 0 <= j < len(case.respondents)]
        say("seized_property_sufficient",
            f"Manual review: property of co-respondent {', '.join(who)} worth {_money(co_total)} yuan is sealed, seized or frozen"
            + (f"; with this respondent's own {_money(held)} yuan it" if held > 0 else "; it")
            + f" covers everything outstanding under the joint debt, {cover_text} yuan. Whether this bars ground (1) for this respondent (Art. 3 item (2)) is for the judge.",
            f"需法官审查：共同被执行人{_names_zh(who)}的财产价值{_money(co_total)}元已被查封、扣押、冻结"
            + (f"，连同本被执行人的{_money(held)}元" if held > 0 else "")
            + f"足以清偿共同债务的全部未履行部分{cover_text}元。是否据此阻却对本被执行人适用第一条第（一）项（第三条第（二）项），由承办法官决定。")

    # ---- term and extension (R-L4, R-L12)
    term: int | None = None
    extendable = False
    fixed = [g for g in effective if g != 1]
    violent = [c for c in conduct if c.type is ConductType.VIOLENCE_OR_THREAT]
    if listable and fixed:
        term = BASE_TERM_YEARS
        serious = finding.serious_violence and bool(violent)
        several = len(conduct) >= SEVERAL_ACTS
        extendable = serious or several
        why_en = ("recorded violence or threats that the judge found serious" if serious else "") + (
            (" and " if serious and several else "") + ("several dishonest acts" if several else ""))
        why_zh = ("以暴力、威胁方法妨碍、抗拒执行情节严重" if serious else "") + (
            ("，且" if serious and several else "") + ("具有多项失信行为" if several else ""))
        say("term",
            f"Term: {BASE_TERM_YEARS} years" + (f"; it may be extended by 1–{MAX_EXTENSION_YEARS} years for {why_en}." if extendable else "; no ground for an extension."),
            f"纳入期限为{BASE_TERM_YEARS}年" + (f"；因{why_zh}，可以延长一至三年。" if extendable else "；不具备延长期限的情形。"))
        if finding.serious_violence and not violent:
            say("term",
                "The judge answered that there was serious violence or threats, but no violence or threat is recorded: the answer qualifies recorded conduct and cannot by itself support an extension.",
                "承办法官认定存在以暴力、威胁方法妨碍执行且情节严重，但案件中未记录暴力、威胁行为；该认定仅能对已记录的行为作出评价，不能单独作为延长期限的依据。")
        if 1 in effective:
            review.append("ground_one_with_fixed_term")
            say("term", "Ground (1) stands together with a fixed-term ground: whether the listing is open-ended is not settled in the rules; the judge decides.",
                "同时存在第一条第（一）项与其他失信情形，是否设定期限规则未明确，由承办法官决定。")
    elif listable:
        say("no_term", "Ground (1) alone: no fixed term; the entry stays until a deletion ground of Art. 10 applies.",
            "仅具有第一条第（一）项情形，不设固定期限，至出现第十条规定的删除情形时删除。")

    # ---- restriction (2015 Art. 1; R-L11, R-L13, R-L16)
    deadline_passed = served and not late and n is not None and as_of > n.deadline
    blocking = [b for b in bars if b in RESTRICTION_BARS]
    if blocking:
        restriction = "unavailable"
        why = {"notice_served_late": ("the execution notice was served on or after its deadline",
                                      "执行通知书送达时履行期限已届至"),
               "later_in_order": ("the respondent is later in the order of performance",
                                  "被执行人履行顺序在后"),
               "campus_loan_student": ("the respondent is a campus-loan student",
                                       "被执行人系涉“校园贷”的全日制在校生")}
        say("restriction_barred",
            ("Listable on another ground, but no" if listable else "No")
            + " consumption restriction is available: " + "; ".join(why[b][0] for b in blocking) + ".",
            ("虽可依其他失信情形纳入失信名单，但" if listable else "")
            + "不得采取限制消费措施：" + "；".join(why[b][1] for b in blocking) + "。")
    elif listable:
        restriction = "mandatory"
        say("mandatory", "Listed: a consumption restriction must be imposed.",
            "纳入失信被执行人名单的，应当采取限制消费措施。")
    elif deadline_passed and (outstanding > 0 or acts):
        restriction = "discretionary"
        say("discretionary", "Not listable, but the performance deadline has passed unperformed: a consumption restriction may be imposed after weighing Art. 2 factors.",
            "虽不纳入失信名单，但未按执行通知书指定的期间履行，可以综合考虑第二条因素决定是否限制消费。")
    else:
        restriction = "unavailable"
        say(None, "No consumption restriction is available now.", "目前不具备采取限制消费措施的条件。",
            CITE["discretionary"])

    # ---- bound persons (R-C4)
    bound: list[dict[str, Any]] = []
    if party.kind is PartyKind.ENTITY and restriction != "unavailable":
        for j, o in enumerate(party.officers):
            bound.append({"officer": j, "role": o.role.value, "name": o.name, "id_number": o.id_number})
        if bound:
            say("bound", "Bound by the entity's restriction: "
                + ", ".join(f"{b['name']} ({b['role'].replace('_', ' ')})" for b in bound)
                + ". They are not listed themselves.",
                "单位被执行人的" + "、".join(b["name"] for b in bound) + "受限制消费措施约束，其本人不因此纳入失信名单。")

    return Assessment(
        respondent=respondent, as_of=as_of, listable=listable, grounds=sorted(grounds),
        effective_grounds=effective, bars=bars, term_years=term, extendable=extendable,
        restriction=restriction, bound_persons=bound, open_questions=open_questions,
        manual_review=bool(review), citations=cites, reasons_zh=zh, reasons_en=en, review=review)


def assess_case(case: EnforcementCase, as_of: date, *,
                grace_until: dict[int, date] | None = None) -> list[Assessment]:
    """Assess every respondent of ``case``."""
    grace_until = grace_until or {}
    return [assess_respondent(case, i, as_of, grace_until=grace_until.get(i))
            for i in range(len(case.respondents))]
