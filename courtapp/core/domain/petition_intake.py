"""Intake rules of the counter, as pure functions on domain records (issue 5 §1).

1. :func:`identify`: the petitioner is identified by the identifier on the
   document shown at the counter (resident ID number or credit code) and must
   be a party of the case — or, for the kinds an entity's officer files, one of
   the entity respondent's officers; anyone else is refused, naming the field.
2. :func:`choose_target`: the respondent, and the listing or standalone
   restriction order, the petition concerns.
3. :func:`intake_checks`: what the case says about the petitioner and the items.

Nothing here reads a database: the service hands in the case, each
respondent's current signed listing and signed orders (repositories).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from courtapp.core.domain import limits
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.listing import Restriction, RestrictionItem, RestrictionStatus
from courtapp.core.domain.messages import refusal
from courtapp.core.domain.model import EnforcementCase, OfficerRole, PartyKind
from courtapp.core.domain.petition import (
    KINDS,
    TRAVEL_ITEMS,
    PetitionDetails,
    PetitionerRole,
    PetitionKind,
)
from courtapp.core.domain.records import ListingRecord, OrderRecord

#: 2019 Opinion item 17(2): a former legal representative's release.
ART_R_C6 = "2019 Opinion (法发〔2019〕35号) item 17(2)"

#: "Any bound person" when a rule does not narrow the restriction items to one.
ANY = "any"
Person = int | None | str


@dataclass(frozen=True)
class Petitioner:
    """Who the petitioner is in the case."""

    role: PetitionerRole
    index: int  # applicant or respondent index
    officer: int | None  # the officer index of an officer petitioner
    respondent: int | None  # the respondent concerned, if the petitioner fixes it
    name: str
    identifier: str


@dataclass(frozen=True)
class Target:
    """What a petition concerns: a respondent and its listing or standalone order."""

    respondent: int
    listing: ListingRecord | None
    order: OrderRecord | None

    @property
    def restrictions(self) -> list[Restriction]:
        if self.listing is not None:
            return list(self.listing.listing.restrictions)
        if self.order is not None:
            return list(self.order.order.restrictions)
        return []


ROLE_TEXT = {PetitionerRole.RESPONDENT: ("the respondent (被执行人)", "被执行人"),
             PetitionerRole.APPLICANT: ("the applicant creditor (申请执行人)", "申请执行人"),
             PetitionerRole.OFFICER: ("an officer of an entity respondent (2015 Art. 3 para. 2)",
                                      "单位被执行人的法定代表人、主要负责人等相关人员")}


def identify(case: EnforcementCase, kind: PetitionKind, identifier: str, name: str,
             e: ErrorCollector) -> Petitioner | None:
    """Who the petitioner is in ``case``, by the identifier on the document shown."""
    info = KINDS[kind]
    ident = identifier.strip().upper()
    if not ident:
        e.add("petitioner_id", "required", "this field is required (the petitioner's ID number or "
              "credit code)", "此项为必填项（申请人的身份证号码或统一社会信用代码）")
        return None
    found: list[Petitioner] = []
    for j, p in enumerate(case.respondents):
        if p.identifier.upper() == ident:
            found.append(Petitioner(PetitionerRole.RESPONDENT, j, None, j, p.name, ident))
    for j, p in enumerate(case.respondents):
        if p.kind is PartyKind.ENTITY:
            for k, o in enumerate(p.officers):
                if o.id_number.upper() == ident:
                    found.append(Petitioner(PetitionerRole.OFFICER, j, k, j, o.name, ident))
    for j, p in enumerate(case.applicants):
        if p.identifier.upper() == ident:
            found.append(Petitioner(PetitionerRole.APPLICANT, j, None, None, p.name, ident))
    if not found:
        e.add("petitioner_id", "petition.not_a_party",
              f"no party of case {case.case_number} (and no officer of its entity respondents) "
              f"has the identifier {ident}; only a party may petition",
              f"案件{case.case_number}的当事人（及单位被执行人的相关人员）中没有证件号码为{ident}的人，"
              "非本案当事人不得提出申请")
        return None
    fit = [w for w in found if w.role in info.petitioners]
    if not fit:
        w = found[0]
        allowed_en = " or ".join(ROLE_TEXT[r][0] for r in sorted(info.petitioners))
        allowed_zh = "或".join(ROLE_TEXT[r][1] for r in sorted(info.petitioners))
        e.add("petitioner_id", "petition.petitioner_role",
              f"{w.name} is {ROLE_TEXT[w.role][0]} of this case; a {info.label_en} is filed by "
              f"{allowed_en} ({info.article})",
              f"{w.name}是本案的{ROLE_TEXT[w.role][1]}；{info.label_zh}应由{allowed_zh}提出（{info.article}）")
        return None
    who = fit[0]
    if name.strip() and name.strip() != who.name:
        e.add("petitioner_name", "petition.name_mismatch",
              f"the name given ({name.strip()}) is not the name recorded for {ident} ({who.name})",
              f"所填姓名（{name.strip()}）与{ident}登记的姓名（{who.name}）不符")
        return None
    return who


def in_force(items: Sequence[Restriction], person: Person = ANY) -> list[int]:
    """The positions of the items not lifted (of ``person``, unless any person)."""
    return [j for j, r in enumerate(items) if r.status is not RestrictionStatus.LIFTED
            and (person == ANY or r.person == person)]


def restriction_source(kind: PetitionKind, listing: ListingRecord | None,
                       orders: Sequence[OrderRecord], person: Person
                       ) -> tuple[ListingRecord | None, OrderRecord | None]:
    """The listing or standalone order whose items the petition concerns.  A lifting
    prefers a standalone order (a listed respondent stays restricted, 2015 Art. 1
    para. 2); the other kinds prefer the listing.  ``orders``: newest first."""
    travel = kind is PetitionKind.TEMPORARY_TRAVEL

    def fits(items: Sequence[Restriction]) -> bool:
        return any(not travel or RestrictionItem(items[j].item) in TRAVEL_ITEMS
                   for j in in_force(items, person))

    fitting = [o for o in orders if fits(o.order.restrictions)]
    have_listing = listing is not None and fits(listing.listing.restrictions)
    if kind is PetitionKind.LIFTING and fitting:
        return None, fitting[0]
    if have_listing:
        return listing, None
    return (None, fitting[0]) if fitting else (None, None)


def choose_target(case: EnforcementCase, kind: PetitionKind, who: Petitioner,
                  respondent: int | None, listings: Mapping[int, ListingRecord | None],
                  orders: Mapping[int, Sequence[OrderRecord]], e: ErrorCollector) -> Target | None:
    """The respondent and the listing or order the petition concerns.

    ``listings``: each respondent's current signed listing (or None);
    ``orders``: each respondent's signed standalone orders, newest first."""
    info = KINDS[kind]
    if who.respondent is not None:
        if respondent is not None and respondent != who.respondent:
            e.add("respondent", "petition.respondent_mismatch",
                  f"the petitioner belongs to respondent {who.respondent}, not {respondent}",
                  f"申请人属于第{who.respondent}号被执行人，而非第{respondent}号")
            return None
        respondent = who.respondent
    if respondent is not None and not 0 <= respondent < len(case.respondents):
        e.add("respondent", "respondent.index", "the respondent index is out of range",
              "被执行人序号超出范围")
        return None
    candidates = [respondent] if respondent is not None else list(range(len(case.respondents)))
    person: Person = who.officer if who.role is PetitionerRole.OFFICER else (
        ANY if kind is PetitionKind.LIFTING else None)
    found: list[Target] = []
    for j in candidates:
        if info.restriction:
            lr, order = restriction_source(kind, listings.get(j), orders.get(j, ()), person)
            if lr is not None or order is not None:
                found.append(Target(j, lr, order))
        else:
            lr = listings.get(j)
            if lr is not None:
                found.append(Target(j, lr, None))
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        e.add("respondent", "petition.respondent_required",
              "several respondents fit: say which respondent the petition concerns",
              "有多名被执行人符合，请指明申请所涉及的被执行人")
        return None
    who_en = f"respondent {respondent} ({case.respondents[respondent].name})" \
        if respondent is not None else "no respondent of this case"
    who_zh = f"被执行人{case.respondents[respondent].name}" if respondent is not None else "本案被执行人"
    if info.restriction:
        e.add("respondent", "petition.no_restriction",
              f"{who_en} has no consumption restriction in force"
              + (" on flights or high-speed rail" if kind is PetitionKind.TEMPORARY_TRAVEL else "")
              + (" binding the petitioner" if who.role is PetitionerRole.OFFICER else ""),
              f"{who_zh}没有有效的限制消费措施" + ("（乘坐飞机、高铁）" if kind is PetitionKind.TEMPORARY_TRAVEL
                                            else ""))
    else:
        e.add("respondent", "petition.no_listing",
              f"{who_en} has no current listing (signed, not removed) in this case",
              f"{who_zh}在本案中没有有效的失信名单记录")
    return None


def intake_checks(case: EnforcementCase, kind: PetitionKind, who: Petitioner, target: Target,
                  d: PetitionDetails, e: ErrorCollector) -> None:
    """What the case says about this petitioner and the items asked for."""
    party = case.respondents[target.respondent]
    if kind is PetitionKind.OFFICER_RELEASE and who.officer is not None:
        role = party.officers[who.officer].role
        if role not in (OfficerRole.LEGAL_REPRESENTATIVE, OfficerRole.PRINCIPAL):
            e.add("petitioner_id", "petition.not_former_representative",
                  f"only a former legal representative or principal responsible person may apply "
                  f"for release ({ART_R_C6}); {who.name} is recorded as {role.value}",
                  f"仅原法定代表人、主要负责人可以申请解除（{ART_R_C6}）；{who.name}登记为{role.value}")
    if kind is PetitionKind.TEMPORARY_TRAVEL and who.role is PetitionerRole.RESPONDENT \
            and party.kind is PartyKind.ENTITY:
        e.add("petitioner_id", "petition.travel_person",
              "temporary travel is applied for by a natural person: the respondent's officer who "
              "must travel files it (2019 Opinion item 17(3))",
              "暂时解除乘坐飞机、高铁限制应由需要出行的自然人申请（法发〔2019〕35号第17条第3项）")
    if d.items:
        items = target.restrictions
        have = {int(items[j].item) for j in in_force(items)}
        bad = sorted(set(d.items) - have)
        if bad:
            e.add("details.items", "petition.items_not_restricted",
                  f"item(s) {', '.join(map(str, bad))} are not restricted",
                  f"第{'、'.join(map(str, bad))}项不在限制消费项目之内")


def check_evidence(names_and_sizes: Sequence[tuple[str, int]], e: ErrorCollector) -> None:
    """Each evidence file handed in has a name and is not empty; no file and
    no name is over the limits (:mod:`courtapp.core.domain.limits`)."""
    if len(names_and_sizes) > limits.MAX_EVIDENCE_FILES:
        e.add("evidence", "evidence.too_many", *refusal(
            "evidence.too_many", size=len(names_and_sizes), limit=limits.MAX_EVIDENCE_FILES))
    for k, (name, size) in enumerate(names_and_sizes):
        if not name.strip():
            e.add(f"evidence[{k}].name", "required", "this field is required", "此项为必填项")
        elif len(name) > limits.MAX_FILE_NAME:
            e.add(f"evidence[{k}].name", "text.too_long", *refusal(
                "text.too_long", size=len(name), limit=limits.MAX_FILE_NAME))
        if size > limits.MAX_EVIDENCE_BYTES:
            e.add(f"evidence[{k}]", "evidence.too_large", *refusal(
                "evidence.too_large", size=size, limit=limits.MAX_EVIDENCE_BYTES))
        if not size:
            e.add(f"evidence[{k}]", "petition.evidence_empty", f"the file {name} is empty",
                  f"文件{name}为空")


__all__ = ["ANY", "ART_R_C6", "Petitioner", "Target", "check_evidence", "choose_target",
           "identify", "in_force", "intake_checks", "restriction_source"]
