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
  CPL 2023 Art. 251); a grace period running (2019 Opinion item 15); a student
  with a campus loan (2019 Opinion, generally not listed).
- R-L4: grounds (2)–(6) give 2 years, extendable by 1–3 years only for serious
  violence or threats, or several dishonest acts (2017 Art. 2 para. 1); ground
  (1) alone has no fixed term.  Ground (1) together with (2)–(6) is UNCONFIRMED
  in the rules: the 2-year term of the fixed-term grounds is proposed and the
  result is flagged for the judge's decision (``manual_review``).
- R-L10 / 2015 Art. 1: a restriction is mandatory if listed, discretionary if
  the performance deadline has passed unperformed, unavailable otherwise.
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
    EnforcementCase,
    PartyKind,
    PropertyMeasure,
)

#: Bar codes, in the order they are reported.
BAR_CODES = (
    "nothing_outstanding", "notice_not_served", "performance_period_running",
    "grace_period_running", "minor", "campus_loan_student",
    "security", "seized_property_sufficient", "later_in_order", "not_able_to_perform",
)
#: Bars of 2017 Art. 3: they block ground (1) only.
GROUND1_BARS = frozenset({"security", "seized_property_sufficient", "later_in_order",
                          "not_able_to_perform"})

BASE_TERM_YEARS = 2
MAX_EXTENSION_YEARS = 3

CITE = {
    "ground": "2017 Provisions Art. 1 item ({n}) (最高人民法院关于公布失信被执行人名单信息的若干规定 第一条第（{zh}）项)",
    "no_ground": "2017 Provisions Art. 1 (失信情形)",
    "nothing_outstanding": "2017 Provisions Art. 1 (未履行生效法律文书确定的义务)",
    "notice_not_served": "2017 Provisions Art. 5 para. 1 (执行通知中的失信风险提示)",
    "performance_period_running": "2015 Provisions Art. 1; CPL 2023 Art. 251 (执行通知书指定的履行期间)",
    "grace_period_running": "2019 Opinion (法发〔2019〕35号) item 15 (宽限期)",
    "minor": "2017 Provisions Art. 4 (未成年人不得纳入失信名单)",
    "campus_loan_student": "2019 Opinion (法发〔2019〕35号) (校园贷学生一般不纳入失信名单)",
    "security": "2017 Provisions Art. 3 item (1) (提供了充分有效担保)",
    "seized_property_sufficient": "2017 Provisions Art. 3 item (2) (已查封、扣押、冻结的财产足以清偿)",
    "later_in_order": "2017 Provisions Art. 3 item (3) (履行顺序在后)",
    "not_able_to_perform": "2017 Provisions Art. 3 item (4) (不属于有履行能力而拒不履行)",
    "term": "2017 Provisions Art. 2 para. 1 (纳入期限二年，可延长一至三年)",
    "no_term": "2017 Provisions Art. 2, Art. 10 (第一条第一项情形无固定期限)",
    "mandatory": "2015 Provisions Art. 1 para. 2 (纳入失信名单的，应当限制消费)",
    "discretionary": "2015 Provisions Art. 1 para. 1, Art. 2 (未按执行通知书指定的期间履行的，可以限制消费)",
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
    if not served:
        bars.append("notice_not_served")
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
    if finding.campus_loan_student:
        bars.append("campus_loan_student")
    security = sum((s.value for s in case.security if s.respondent == respondent), Decimal("0"))
    if outstanding > 0 and security >= outstanding:
        bars.append("security")
    held = sum((p.value for p in case.property
                if p.respondent == respondent and p.found_on <= as_of
                and p.measure is not PropertyMeasure.NONE), Decimal("0"))
    if outstanding > 0 and held >= outstanding:
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
    bar_text = {
        "nothing_outstanding": ("Nothing is outstanding: every obligation has been performed, so there is no non-performance.",
                                "生效法律文书确定的义务已全部履行，不存在未履行情形。"),
        "notice_not_served": ("The execution notice, which carries the listing risk warning, has not been served.",
                              "载明失信风险提示的执行通知书尚未送达。"),
        "performance_period_running": (f"The performance period set in the execution notice runs until {n.deadline.isoformat() if n else ''} inclusive.",
                                       f"执行通知书指定的履行期间至{n.deadline.isoformat() if n else ''}（含当日）尚未届满。"),
        "grace_period_running": (f"A grace period runs until {grace_until.isoformat() if grace_until else ''}.",
                                 f"宽限期至{grace_until.isoformat() if grace_until else ''}尚未届满。"),
        "minor": (f"The respondent is a minor (age {age} on {as_of.isoformat()}) and may not be listed.",
                  f"被执行人为未成年人（{as_of.isoformat()}时{age}周岁），不得纳入失信被执行人名单。"),
        "campus_loan_student": ("The respondent is a student with a campus loan and is generally not listed.",
                                "被执行人系涉校园贷的在校学生，一般不纳入失信被执行人名单。"),
        "security": (f"Security of {_money(security)} yuan covers the outstanding {_money(outstanding)} yuan.",
                     f"被执行人提供的担保{_money(security)}元足以清偿未履行金额{_money(outstanding)}元。"),
        "seized_property_sufficient": (f"Sealed, seized or frozen property worth {_money(held)} yuan covers the outstanding {_money(outstanding)} yuan.",
                                       f"已查封、扣押、冻结的财产价值{_money(held)}元，足以清偿未履行金额{_money(outstanding)}元。"),
        "later_in_order": ("The respondent is later in the order of performance and should not be enforced against yet.",
                           "被执行人履行顺序在后，依法不应强制执行。"),
        "not_able_to_perform": ("The respondent was found not able to perform.",
                                "经审查被执行人不具有履行能力。"),
    }
    for b in bars:
        b_en, b_zh = bar_text[b]
        scope_en = " This bars ground (1) only." if b in GROUND1_BARS else " This bars every ground."
        scope_zh = "此情形仅阻却第一条第（一）项。" if b in GROUND1_BARS else "此情形阻却全部失信情形。"
        say(b, b_en + scope_en, b_zh + scope_zh)

    # ---- term and extension (R-L4)
    term: int | None = None
    extendable = False
    manual = False
    fixed = [g for g in effective if g != 1]
    if listable and fixed:
        term = BASE_TERM_YEARS
        serious = finding.serious_violence
        several = len(conduct) >= 2
        extendable = serious or several
        why_en = ("serious violence or threats" if serious else "") + (
            (" and " if serious and several else "") + ("several dishonest acts" if several else ""))
        why_zh = ("以暴力、威胁方法妨碍、抗拒执行情节严重" if serious else "") + (
            ("，且" if serious and several else "") + ("具有多项失信行为" if several else ""))
        say("term",
            f"Term: {BASE_TERM_YEARS} years" + (f"; it may be extended by 1–{MAX_EXTENSION_YEARS} years for {why_en}." if extendable else "; no ground for an extension."),
            f"纳入期限为{BASE_TERM_YEARS}年" + (f"；因{why_zh}，可以延长一至三年。" if extendable else "；不具备延长期限的情形。"))
        if 1 in effective:
            manual = True
            say("term", "Ground (1) stands together with a fixed-term ground: whether the listing is open-ended is not settled in the rules; the judge decides.",
                "同时存在第一条第（一）项与其他失信情形，是否设定期限规则未明确，由承办法官决定。")
    elif listable:
        say("no_term", "Ground (1) alone: no fixed term; the entry stays until a deletion ground of Art. 10 applies.",
            "仅具有第一条第（一）项情形，不设固定期限，至出现第十条规定的删除情形时删除。")

    # ---- restriction (2015 Art. 1)
    deadline_passed = served and n is not None and as_of > n.deadline
    if listable:
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
        manual_review=manual, citations=cites, reasons_zh=zh, reasons_en=en)


def assess_case(case: EnforcementCase, as_of: date, *,
                grace_until: dict[int, date] | None = None) -> list[Assessment]:
    """Assess every respondent of ``case``."""
    grace_until = grace_until or {}
    return [assess_respondent(case, i, as_of, grace_until=grace_until.get(i))
            for i in range(len(case.respondents))]
