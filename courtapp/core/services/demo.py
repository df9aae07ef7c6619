"""Realistic, valid sample cases for demonstrations and benchmarks.

Every generated case passes :func:`validate_case` (the tests check this on a
sample; large runs validate one case in ``validate_every``).  About 15 % of
respondents are entities with officers, as in the national figures
(RULES.md §8: ~85 % natural persons).  Cases are spread over every stage.
Some debtors recur across cases, so one person record serves several cases.

Large runs use bulk inserts (SQLAlchemy Core ``executemany``) instead of the
per-case service, with one audit record for the whole load.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, insert, select

from courtapp.core.db.orm import (
    CasePartyRow,
    CaseRow,
    ConductRow,
    FindingRow,
    ObligationRow,
    OfficerRow,
    PaymentRow,
    PersonRow,
    PropertyRow,
    SecurityRow,
)
from courtapp.core.db.repositories.cases import case_columns
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ValidationError
from courtapp.core.domain.identifiers import ric_check_char, uscc_check_char
from courtapp.core.domain.model import (
    Basis,
    BasisKind,
    ConductRecord,
    ConductType,
    Court,
    EnforcementCase,
    ExecutionNotice,
    Finding,
    Obligation,
    ObligationKind,
    Officer,
    OfficerRole,
    Party,
    PartyKind,
    Payment,
    PropertyItem,
    PropertyKind,
    PropertyMeasure,
    PublicRole,
    SecurityItem,
    SecurityKind,
    ServiceMethod,
)
from courtapp.core.domain.money import to_fen
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.domain.validation import validate_case
from courtapp.core.services import audit

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯鹏飞俊峰建国建华志强海燕晓东春梅小红文博子轩梓涵一诺欣怡浩然宇轩思远"
CITY = ["北京", "朝阳", "京华", "燕山", "东方", "华北", "首都", "金台", "望京", "国贸"]
WORDS = ["恒信", "宏达", "瑞丰", "鑫源", "汇通", "安泰", "中和", "德润", "嘉禾", "晨曦", "博远", "卓越"]
TRADES = ["科技", "商贸", "建筑工程", "餐饮管理", "物流", "文化传媒", "房地产开发", "投资咨询", "装饰工程", "医疗器械"]
AREAS = ["110105", "110108", "110101", "110102", "130105", "120101", "360426", "410105", "320102", "370102"]
JUDGES = ["赵文华", "钱晓明", "孙立新", "李建国", "周婷", "吴海峰"]


@dataclass(frozen=True)
class DemoCourt:
    name: str = "北京市朝阳区人民法院"
    code: str = "京0105"
    civil_code: str = "京0105民初"


class _Ids:
    """Unique resident IDs and credit codes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def resident_id(self, born: date, male: bool) -> str:
        while True:
            seq = self.rng.randrange(0, 100) * 10 + (self.rng.choice((1, 3, 5, 7, 9)) if male
                                                      else self.rng.choice((0, 2, 4, 6, 8)))
            body = f"{self.rng.choice(AREAS)}{born:%Y%m%d}{seq:03d}"
            v = body + ric_check_char(body)
            if v not in self.used:
                self.used.add(v)
                return v

    def credit_code(self) -> str:
        while True:
            org = f"MA{self.rng.randrange(10**6):06d}"
            weights = (3, 7, 9, 10, 5, 8, 4, 2)
            values = [int(c) if c.isdigit() else ord(c) - 55 for c in org]
            c9 = 11 - sum(v * w for v, w in zip(values, weights, strict=True)) % 11
            check = "X" if c9 == 10 else "0" if c9 == 11 else str(c9)
            body = f"91{self.rng.choice(AREAS)}{org}{check}"
            v = body + uscc_check_char(body)
            if v not in self.used:
                self.used.add(v)
                return v


class DemoGenerator:
    """Generates :class:`EnforcementCase` objects, deterministic for a seed."""

    def __init__(self, *, seed: int = 2026, today: date | None = None,
                 court: DemoCourt | None = None, start_sequence: dict[int, int] | None = None) -> None:
        self.rng = random.Random(seed)
        self.today = today or date.today()
        self.court = court or DemoCourt()
        self.ids = _Ids(self.rng)
        self.sequence: dict[int, int] = dict(start_sequence or {})
        self.recurring: list[Party] = []

    # ----------------------------------------------------------- parties
    def _name(self) -> str:
        r = self.rng
        given = r.choice(GIVEN) + (r.choice(GIVEN) if r.random() < 0.6 else "")
        return r.choice(SURNAMES) + given[:2]

    def _person(self, *, adult: bool = True) -> Party:
        r = self.rng
        if adult:
            born = date(r.randrange(1950, self.today.year - 19), r.randrange(1, 13), r.randrange(1, 29))
        else:
            born = date(self.today.year - r.randrange(10, 17), r.randrange(1, 13), r.randrange(1, 29))
        return Party(PartyKind.PERSON, self._name(),
                     id_number=self.ids.resident_id(born, r.random() < 0.5))

    def _entity(self) -> Party:
        r = self.rng
        name = f"{r.choice(CITY)}{r.choice(WORDS)}{r.choice(TRADES)}有限公司"
        officers = [Officer(OfficerRole.LEGAL_REPRESENTATIVE, (lr := self._person()).name,
                            lr.id_number or "")]
        if r.random() < 0.5:
            ac = self._person()
            officers.append(Officer(OfficerRole.ACTUAL_CONTROLLER, ac.name, ac.id_number or ""))
        if r.random() < 0.3:
            pr = self._person()
            officers.append(Officer(OfficerRole.PRINCIPAL, pr.name, pr.id_number or ""))
        return Party(PartyKind.ENTITY, name, credit_code=self.ids.credit_code(), officers=officers)

    def _respondent(self) -> Party:
        r = self.rng
        if self.recurring and r.random() < 0.05:
            return r.choice(self.recurring)  # a debtor with several cases
        p = self._entity() if r.random() < 0.15 else self._person(adult=r.random() > 0.01)
        if r.random() < 0.1:
            self.recurring.append(p)
            if len(self.recurring) > 500:
                self.recurring.pop(0)
        return p

    # ------------------------------------------------------------- cases
    def case(self, filed: date | None = None) -> EnforcementCase:
        """One case; ``filed`` defaults to a random day in the last three years."""
        r = self.rng
        filed = filed or self.today - timedelta(days=r.randrange(0, 3 * 365))
        year = filed.year
        seq = self.sequence.get(year, 0) + 1
        self.sequence[year] = seq
        effective = filed - timedelta(days=r.randrange(20, 200))
        kind = r.choices(list(BasisKind), weights=[50, 10, 15, 8, 8, 4, 5])[0]
        issuer = {
            BasisKind.ARBITRAL_AWARD: "北京仲裁委员会",
            BasisKind.NOTARIZED_DEBT: "北京市方正公证处",
            BasisKind.ADMINISTRATIVE_DECISION: "北京市朝阳区市场监督管理局",
        }.get(kind, self.court.name)
        docno = {
            BasisKind.ARBITRAL_AWARD: f"({effective.year})京仲裁字第{r.randrange(1, 3000)}号",
            BasisKind.NOTARIZED_DEBT: f"({effective.year})京方正内经证字第{r.randrange(1, 9000)}号",
            BasisKind.ADMINISTRATIVE_DECISION: f"京朝市监罚〔{effective.year}〕{r.randrange(1, 900)}号",
        }.get(kind, f"({effective.year}){self.court.civil_code}{r.randrange(1, 40000)}号")

        n_resp = 1 if r.random() < 0.8 else 2
        respondents: list[Party] = []
        while len(respondents) < n_resp:
            p = self._respondent()
            if all(p.identifier != q.identifier for q in respondents):
                respondents.append(p)
        applicants = [self._entity() if r.random() < 0.3 else self._person()]
        for p in respondents:  # a few public roles, for the Art. 8 notifications
            if r.random() < 0.01:
                if p.kind is PartyKind.PERSON:
                    p.public_role = PublicRole.STATE_FUNCTIONARY
                    p.notify_body = "北京市朝阳区某街道办事处"
                else:
                    p.public_role = PublicRole.STATE_OWNED_ENTERPRISE
                    p.notify_body = "北京市朝阳区人民政府国有资产监督管理委员会"

        principal = Decimal(r.randrange(2_000, 2_000_000)) + Decimal(r.randrange(0, 100)) / 100
        obligations = [Obligation(ObligationKind.MONETARY, r.choice(
            ["借款本金", "货款", "工程款", "租金", "劳动报酬", "损害赔偿金", "违约金"]), principal)]
        if r.random() < 0.4:
            obligations.append(Obligation(ObligationKind.MONETARY, "利息",
                                          (principal * Decimal("0.06")).quantize(Decimal("0.01"))))
        if r.random() < 0.08:
            obligations.append(Obligation(ObligationKind.NON_MONETARY,
                                          r.choice(["公开赔礼道歉", "返还车辆", "停止侵害", "恢复原状"])))

        case = EnforcementCase(
            case_number=f"({year}){self.court.code}执{seq}号",
            court=Court(self.court.name, self.court.code), filed_on=filed,
            judge=r.choice(JUDGES), basis=Basis(kind, issuer, docno, effective),
            applicants=applicants, respondents=respondents, obligations=obligations)

        # Stage: where in the life of the case we are today.
        stage = r.choices(["registered", "issued", "period", "default", "partly", "performed"],
                          weights=[8, 7, 10, 42, 18, 15])[0]
        age = (self.today - filed).days
        if stage == "registered" or age < 3:
            return case
        issued = filed + timedelta(days=r.randrange(1, min(age, 5) + 1))
        deadline = issued + timedelta(days=r.choice([7, 10, 15]))
        served = None if stage == "issued" else issued + timedelta(days=r.randrange(0, 3))
        if served is not None and served > self.today:
            served = None
        if stage == "period":
            deadline = max(deadline, self.today + timedelta(days=r.randrange(1, 10)))
        case.execution_notice = ExecutionNotice(
            issued, deadline, served,
            r.choice([ServiceMethod.DIRECT, ServiceMethod.BY_POST, ServiceMethod.ELECTRONIC,
                      ServiceMethod.LEFT_AT_RESIDENCE]) if served else None)
        if stage in ("issued", "period") or served is None or deadline >= self.today:
            return case

        # Past the deadline: payments, property, security, conduct, findings.
        def day_after(d: date) -> date:
            span = (self.today - d).days
            return d + timedelta(days=r.randrange(0, span + 1)) if span > 0 else d

        due = case.total_due()
        if stage == "performed":
            case.payments.append(Payment(day_after(deadline), 0, due, evidence="银行转账凭证"))
            for i, o in enumerate(obligations):
                if o.kind is ObligationKind.NON_MONETARY:
                    case.payments.append(Payment(day_after(deadline), 0, None, f"已{o.description}", i,
                                                 "履行情况说明"))
        elif stage == "partly":
            part = (due * Decimal(r.randrange(5, 80)) / 100).quantize(Decimal("0.01"))
            case.payments.append(Payment(day_after(deadline), r.randrange(n_resp), part,
                                         evidence="执行款收据"))
        if r.random() < 0.5:
            pk = r.choice(list(PropertyKind))
            desc = {PropertyKind.BANK_DEPOSIT: "中国工商银行账户存款",
                    PropertyKind.REAL_ESTATE: "朝阳区住宅一套",
                    PropertyKind.VEHICLE: "小型轿车一辆", PropertyKind.EQUITY: "有限公司股权",
                    PropertyKind.SECURITIES: "证券账户资金", PropertyKind.RECEIVABLE: "到期债权",
                    PropertyKind.OTHER: "其他财产"}[pk]
            case.property.append(PropertyItem(
                pk, desc, Decimal(r.randrange(1_000, 3_000_000)), day_after(issued),
                r.choice(list(PropertyMeasure)), r.randrange(n_resp)))
        if r.random() < 0.1:
            case.security.append(SecurityItem(r.choice(list(SecurityKind)),
                                              Decimal(r.randrange(10_000, 500_000)), 0, "担保人提供保证"))
        if stage != "performed" and r.random() < 0.25:
            ct = r.choice(list(ConductType))
            case.conduct.append(ConductRecord(ct, day_after(filed), {
                ConductType.ASSET_TRANSFER: "判决生效后将名下房产无偿转让给亲属",
                ConductType.ASSET_CONCEALMENT: "隐匿银行账户资金",
                ConductType.ASSET_REPORT_VIOLATION: "拒不报告财产情况",
                ConductType.RESTRICTION_ORDER_VIOLATION: "被限制消费期间乘坐飞机",
                ConductType.SETTLEMENT_REFUSAL: "无正当理由拒不履行执行和解协议",
                ConductType.VIOLENCE_OR_THREAT: "以暴力方法阻碍执行人员执行公务",
                ConductType.FORGED_EVIDENCE: "提交伪造的还款凭证",
                ConductType.FALSE_LITIGATION: "与他人恶意串通进行虚假诉讼",
                ConductType.FALSE_ARBITRATION: "通过虚假仲裁转移财产",
            }[ct], r.randrange(n_resp)))
        if stage != "performed" and r.random() < 0.6:
            case.findings.append(Finding(0, able_to_perform=r.random() < 0.6,
                                         later_in_performance_order=r.random() < 0.03,
                                         campus_loan_student=r.random() < 0.01,
                                         serious_violence=any(
                                             c.type is ConductType.VIOLENCE_OR_THREAT for c in case.conduct)))
        return case

    def cases(self, n: int) -> Iterator[EnforcementCase]:
        for _ in range(n):
            yield self.case()


# ------------------------------------------------------------------ loading
_CHILD_TABLES = (ObligationRow, PaymentRow, PropertyRow, SecurityRow, ConductRow, FindingRow)


def _next_ids(uow: UnitOfWork) -> dict[str, int]:
    s = uow.session
    out = {}
    for t in (PersonRow, OfficerRow, CaseRow, CasePartyRow, *_CHILD_TABLES):
        out[t.__tablename__] = int(s.scalar(select(func.coalesce(func.max(t.id), 0))) or 0) + 1
    return out


class _BatchRows:
    """Row dictionaries for one batch of bulk inserts, with ids assigned here."""

    def __init__(self, next_id: dict[str, int], known: dict[str, int]) -> None:
        self.next_id = next_id
        self.known = known  # identifier -> persons.id, across batches
        self.now = datetime.now(UTC)
        self.rows: dict[str, list[dict[str, object]]] = {}
        self.reset()

    def reset(self) -> None:
        self.rows = {t.__tablename__: [] for t in (
            PersonRow, OfficerRow, CaseRow, CasePartyRow, *_CHILD_TABLES)}

    def _take(self, table: str) -> int:
        i = self.next_id[table]
        self.next_id[table] += 1
        return i

    def person_id(self, p: Party) -> int:
        pid = self.known.get(p.identifier)
        if pid is not None:
            return pid
        pid = self._take("persons")
        self.known[p.identifier] = pid
        self.rows["persons"].append({
            "id": pid, "kind": p.kind.value, "name": p.name, "id_number": p.id_number,
            "credit_code": p.credit_code, "created_at": self.now, "version": 1})
        for j, o in enumerate(p.officers):
            oid = self.person_id(Party(PartyKind.PERSON, o.name, id_number=o.id_number))
            self.rows["officers"].append({"id": self._take("officers"), "entity_id": pid,
                                          "person_id": oid, "role": o.role.value, "position": j})
        return pid

    def child(self, table: str, case_id: int, **values: object) -> None:
        self.rows[table].append({"id": self._take(table), "case_id": case_id, **values})

    def add_case(self, c: EnforcementCase) -> None:
        cid = self._take("cases")
        self.rows["cases"].append({"id": cid, **case_columns(c), "created_at": self.now,
                                   "updated_at": self.now, "version": 1})
        pos = 0
        for side, plist in (("applicant", c.applicants), ("respondent", c.respondents)):
            for party in plist:
                self.child("case_parties", cid, person_id=self.person_id(party), side=side,
                           position=pos,
                           public_role=party.public_role.value if party.public_role else None,
                           notify_body=party.notify_body)
                pos += 1
        for i, o in enumerate(c.obligations):
            self.child("obligations", cid, position=i, kind=o.kind.value,
                       description=o.description,
                       amount_fen=None if o.amount is None else to_fen(o.amount))
        for i, pay in enumerate(c.payments):
            self.child("payments", cid, position=i, paid_on=pay.on, respondent=pay.respondent,
                       amount_fen=None if pay.amount is None else to_fen(pay.amount),
                       act=pay.act, obligation=pay.obligation, evidence=pay.evidence)
        for i, x in enumerate(c.property):
            self.child("property_items", cid, position=i, kind=x.kind.value,
                       description=x.description, value_fen=to_fen(x.value),
                       found_on=x.found_on, measure=x.measure.value, respondent=x.respondent)
        for i, sc in enumerate(c.security):
            self.child("securities", cid, position=i, kind=sc.kind.value,
                       value_fen=to_fen(sc.value), respondent=sc.respondent,
                       description=sc.description)
        for i, cr in enumerate(c.conduct):
            self.child("conduct", cid, position=i, type=cr.type.value, occurred_on=cr.on,
                       description=cr.description, respondent=cr.respondent)
        for i, f in enumerate(c.findings):
            self.child("findings", cid, position=i, respondent=f.respondent,
                       able_to_perform=f.able_to_perform,
                       later_in_performance_order=f.later_in_performance_order,
                       campus_loan_student=f.campus_loan_student,
                       serious_violence=f.serious_violence)


def load_demo(uow: UnitOfWork, actor: Actor, n: int, *, seed: int = 2026, batch: int = 5000,
              today: date | None = None, validate_every: int = 1) -> Iterator[int]:
    """Generate and store ``n`` cases in batches; yields the count stored so far.

    A generator, so the GUI or the CLI can show progress and stop between
    batches.  Every ``validate_every``-th case is checked with validate_case;
    an invalid one aborts the load (the current batch is not committed).
    """
    require(actor, Permission.DEMO_LOAD)
    today = today or date.today()
    with uow:
        s = uow.session
        next_id = _next_ids(uow)
        existing = {
            (int(y)): int(m) for y, m in s.execute(
                select(CaseRow.year, func.max(CaseRow.sequence))
                .where(CaseRow.court_code == DemoCourt.code, CaseRow.type_code == "执")
                .group_by(CaseRow.year))
        }
        known: dict[str, int] = {}
        for pid, idn, code in s.execute(select(PersonRow.id, PersonRow.id_number, PersonRow.credit_code)):
            if key := idn or code:
                known[key] = pid
    gen = DemoGenerator(seed=seed, today=today, start_sequence=existing)
    gen.ids.used.update(known)
    done = 0
    batch_rows = _BatchRows(next_id, known)
    while done < n:
        size = min(batch, n - done)
        batch_rows.reset()
        for k in range(size):
            # Filing dates follow registration order over the last three years.
            filed = today - timedelta(days=int((1 - (done + k) / n) * 3 * 365))
            c = gen.case(filed)
            if validate_every and (done + k) % validate_every == 0:
                errs = validate_case(c, today=today)
                if errs:
                    raise ValidationError(errs)
            batch_rows.add_case(c)
        rows = batch_rows.rows
        with uow:
            conn = uow.session.connection()
            for table in (PersonRow, OfficerRow, CaseRow, CasePartyRow, *_CHILD_TABLES):
                data = rows[table.__tablename__]
                if data:
                    conn.execute(insert(table.__table__), data)  # type: ignore[arg-type]
            done += size
            if done >= n:
                audit.record(uow, actor, "demo.load", "database", "demo",
                             after={"cases": n, "seed": seed})
            uow.commit()
        yield done
    if uow.dialect == "postgresql":
        _reset_pg_sequences(uow)


def _reset_pg_sequences(uow: UnitOfWork) -> None:
    """Bulk inserts set ids explicitly; move PostgreSQL's sequences past them."""
    from sqlalchemy import text

    with uow:
        for t in (PersonRow, OfficerRow, CaseRow, CasePartyRow, *_CHILD_TABLES):
            name = t.__tablename__
            uow.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 1))"))
        uow.commit()
