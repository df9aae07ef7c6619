"""The demo court's cases and their lives: pure generation, no database.

:class:`DemoGenerator` makes realistic, valid :class:`EnforcementCase` objects
(surnames at their real frequencies, about 15 % entities, companies named after
many places and trade names) and, for each, what the court did with it up to
``today`` (:class:`Life`): listings decided by :func:`assess_respondent`,
warnings and publications, restriction items per bound person, removals of every
kind, standalone restriction orders, removal petitions, and every respondent
transition with its article and message code.  Deterministic for a seed.
:mod:`courtapp.core.services.demo` stores them in bulk.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from courtapp.core.domain.assessment import GROUND_TEXT, assess_respondent
from courtapp.core.domain.identifiers import ric_check_char, uscc_check_char
from courtapp.core.domain.listing import (
    Listing,
    ListingStatus,
    RemovalKind,
    RemovalReason,
    RespondentState,
    Restriction,
    RestrictionStatus,
    propose_restrictions,
)
from courtapp.core.domain.messages import Message
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
from courtapp.core.domain.months import add_months
from courtapp.core.domain.petition import KINDS, PetitionKind, petition_number
from courtapp.core.domain.restriction_order import (
    Factor,
    Initiation,
    OrderStatus,
    RestrictionOrder,
    check_order,
)
from courtapp.core.domain.workdays import YearCalendar, add_working_days


def _words(text: str) -> list[str]:
    return text.split()


#: Surnames with their approximate share of the population in per mille (the Ministry of
#: Public Security's 2020 ranking; the top 100 cover about 86 %), so that name prefixes
#: are spread as in a real court: 王, 李, 张 and 刘 each begin over 5 % of names.
SURNAME_WEIGHTS: tuple[tuple[str, float], ...] = tuple(
    (s, float(w)) for s, w in (pair.split(":") for pair in _words(
        "王:71 李:70 张:65 刘:54 陈:45 杨:31 黄:22 赵:21 吴:20 周:19 徐:15 孙:15 马:13.5 朱:12.8 "
        "胡:12.6 郭:11.6 何:11.4 高:10.7 林:10.6 罗:10.2 郑:9.7 梁:9.3 谢:8.6 宋:8.1 唐:7.9 许:7.5 "
        "韩:7.3 冯:7.1 邓:6.9 曹:6.8 彭:6.6 曾:6.4 肖:6.2 田:6.1 董:6 袁:5.8 潘:5.6 于:5.5 蒋:5.4 "
        "蔡:5.3 余:5.2 杜:5.1 叶:5 程:4.9 苏:4.8 魏:4.7 吕:4.6 丁:4.5 任:4.4 沈:4.3 姚:4.2 卢:4.1 "
        "姜:4 崔:3.9 钟:3.8 谭:3.7 陆:3.6 汪:3.5 范:3.4 金:3.3 石:3.2 廖:3.1 贾:3 夏:2.9 韦:2.8 "
        "付:2.8 方:2.7 白:2.7 邹:2.6 孟:2.6 熊:2.5 秦:2.5 邱:2.4 江:2.4 尹:2.3 薛:2.3 闫:2.2 段:2.2 "
        "雷:2.1 侯:2.1 龙:2 史:2 陶:1.9 黎:1.9 贺:1.8 顾:1.8 毛:1.7 郝:1.7 龚:1.6 邵:1.6 万:1.5 "
        "钱:1.5 严:1.4 覃:1.4 武:1.4 戴:1.3 莫:1.3 孔:1.2 向:1.2 汤:1.2 常:1.1 温:1.1 康:1.1 施:1 "
        "文:1 牛:1 樊:1 葛:0.9 邢:0.9 安:0.9 齐:0.9 易:0.9 乔:0.9 伍:0.8 庞:0.8 颜:0.8 倪:0.8 "
        "庄:0.8 聂:0.8 章:0.8 鲁:0.7 岳:0.7 翟:0.7 殷:0.7 詹:0.7 申:0.7 欧:0.7 耿:0.6 关:0.6 兰:0.6 "
        "焦:0.6 俞:0.6 左:0.6 柳:0.6 甘:0.5 祝:0.5 包:0.5 宁:0.5 尚:0.5 符:0.5 舒:0.5 阮:0.5 柯:0.5 "
        "纪:0.5 梅:0.5 童:0.5 凌:0.4 毕:0.4 单:0.4 季:0.4 裴:0.4 霍:0.4 涂:0.4 成:0.4 苗:0.4 谷:0.4 "
        "盛:0.4 曲:0.4 翁:0.4 冉:0.3 骆:0.3 蓝:0.3 路:0.3 游:0.3 辛:0.3 靳:0.3 管:0.3 柴:0.3 蒙:0.3 "
        "鲍:0.3 华:0.3 喻:0.3 祁:0.3 蒲:0.3 房:0.3 滕:0.3 屈:0.3 饶:0.3 解:0.3 牟:0.3 艾:0.3 尤:0.3 "
        "阳:0.2 时:0.2 穆:0.2 农:0.2 司:0.2 卓:0.2 古:0.2 吉:0.2 缪:0.2 简:0.2 车:0.2 项:0.2 连:0.2 "
        "芦:0.2 麦:0.2 褚:0.2 娄:0.2 窦:0.2 戚:0.2 岑:0.2 景:0.2 党:0.2 宫:0.2 费:0.2 卜:0.2 冷:0.2 "
        "晏:0.2 席:0.2 卫:0.2 米:0.2 柏:0.2 宗:0.2 瞿:0.1 桂:0.1 全:0.1 佟:0.1 应:0.1 臧:0.1 闵:0.1 "
        "苟:0.1 邬:0.1 边:0.1 卞:0.1 姬:0.1 师:0.1 和:0.1 仇:0.1 栾:0.1 隋:0.1 商:0.1 刁:0.1 沙:0.1 "
        "荣:0.1 巫:0.1 寇:0.1 桑:0.1 郎:0.1 甄:0.1 丛:0.1 仲:0.1 虞:0.1 敖:0.1 巩:0.1 明:0.1 佘:0.1 "
        "池:0.1 查:0.1 麻:0.1 苑:0.1 迟:0.1 邝:0.1 欧阳:0.3 司马:0.03 上官:0.03 诸葛:0.02 东方:0.02 "
        "皇甫:0.02 尉迟:0.01 令狐:0.01 公孙:0.01 慕容:0.01")))
#: Characters of given names, men's and women's (one or two of them).
GIVEN_M = ("伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国建华志强"
           "海峰晓东文博子轩浩然宇轩思远一鸣天佑俊杰立新永刚德明国庆春生")
GIVEN_F = ("芳娜敏静丽艳娟霞秀英桂兰玉萍红玲芬燕彩云琳雪梅丹倩婷慧颖佳怡欣妍晶璐梦瑶雨萱"
           "子涵梓涵一诺欣怡诗琪思雨海燕晓红春梅金凤")
#: Where a company name begins: a province, city or district (about 45 % of names,
#: several dozen places), otherwise its own trade name (字号).
PLACES = _words("北京 上海 天津 重庆 广州 深圳 杭州 南京 武汉 成都 西安 郑州 长沙 济南 青岛 沈阳 大连 "
          "哈尔滨 长春 石家庄 太原 合肥 福州 厦门 南昌 昆明 贵阳 南宁 海口 兰州 银川 西宁 乌鲁木齐 "
          "呼和浩特 苏州 无锡 宁波 温州 佛山 东莞 珠海 唐山 保定 廊坊 烟台 潍坊 洛阳 徐州 常州 南通 "
          "绍兴 嘉兴 金华 台州 泉州 惠州 中山 桂林 柳州 绵阳 宜昌 襄阳 株洲 赣州 芜湖 淄博 临沂 邯郸 "
          "沧州 秦皇岛 朝阳 海淀 丰台 东城 西城 通州 顺义 昌平 大兴 房山 河北 山东 江苏 浙江 广东 "
          "中国 中")
TRADE_NAMES = _words("恒信 宏达 瑞丰 鑫源 汇通 安泰 中和 德润 嘉禾 晨曦 博远 卓越 金鼎 华信 永盛 天成 盛世 "
               "宏图 荣昌 联创 新锐 锦程 凯旋 明德 正泰 宏远 兴业 鸿运 腾飞 和顺 富源 长城 东方 远景 "
               "星辰 蓝天 绿洲 时代 前程 龙腾 海纳 泰和 广厦 华夏 九州 天宇 伟业 振兴 昌盛 利达 旭日 "
               "聚力 合众 致远 鼎盛 信达 诚信 恒通 佳美 优品 同创 百川 智联 云帆 易达 安居 乐家 金桥 "
               "银河 紫金 翔宇 浩然 国泰 康宁 仁和 福瑞 吉祥 如意 润泽 沃土 青禾 万象 尚品 拓普 "
               "京华 燕山 首创 金台 望京 国贸 领航 启明 弘毅 朗润 思创 睿达 宸宇 峰汇 木森 沐阳")
TRADES = ["科技", "商贸", "建筑工程", "餐饮管理", "物流", "文化传媒", "房地产开发", "投资咨询",
          "装饰工程", "医疗器械", "网络科技", "贸易", "实业", "环保科技", "教育咨询", "农业开发",
          "汽车销售", "电子", "机械设备", "服装", "食品", "建材", "信息技术", "物业管理"]
FORMS = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司", "商贸中心", "合伙企业（有限合伙）"]
#: Area codes of resident IDs: mostly Beijing (the demo court's), then every province.
AREAS_LOCAL = ["110101", "110102", "110105", "110106", "110107", "110108", "110111", "110112",
               "110113", "110114", "110115"]
AREAS_ELSEWHERE = ["120101", "130102", "130105", "140105", "150102", "210102", "220102", "230102",
                   "310101", "320102", "330102", "340102", "350102", "360102", "360426", "370102",
                   "410102", "410105", "420102", "430102", "440103", "450102", "460105", "500101",
                   "510104", "520102", "530102", "540102", "610102", "620102", "630102", "640104",
                   "650102"]
JUDGES = ["赵文华", "钱晓明", "孙立新", "李建国", "周婷", "吴海峰"]
#: The demo president (``courtapp.cli.demo.DEMO_USERS``), who signs the demo's decisions.
PRESIDENT = "王院长"
_SURNAMES = [s for s, _ in SURNAME_WEIGHTS]
_SURNAME_CUM = list(accumulate(w for _, w in SURNAME_WEIGHTS))


@dataclass(frozen=True)
class DemoCourt:
    name: str = "北京市朝阳区人民法院"
    code: str = "京0105"
    civil_code: str = "京0105民初"


#: Articles as the services record them (respondent events, dispatch).
ART_NOTICE = "2017 Provisions Art. 5 para. 1; CPL 2023 Art. 251"
ART_DECISION = "2017 Provisions Art. 5 para. 3"
ART_GRACE = "2019 Opinion (法发〔2019〕35号) item 15"
ART_PUBLISH = "2017 Provisions Art. 7"
ART_ITEM = "2017 Provisions Art. 10 para. 1 item {n}"
ART_EARLY = "2017 Provisions Art. 2 para. 2"
ART_EXPIRED = "2017 Provisions Art. 10 para. 2"
ART_REVOKE = "2017 Provisions Arts. 9, 11-12"
ART_CORRECTED = "2017 Provisions Arts. 11-12"


#: The judge's words on a granted removal petition (the demo's, in Chinese).
GRANTED = "经审查，被执行人已履行生效法律文书确定的全部义务。"


def _by_court(reasons: str) -> Message:
    """A removal on the court's own finding, with the judge's words."""
    return Message("history.removed_by_judge", {"reasons": reasons})


def default_months(n: int) -> int:
    """How far back the demo reaches: 24 months, 5 years for a million cases."""
    return 60 if n >= 1_000_000 else 24


class _Ids:
    """Unique resident IDs and credit codes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _area(self) -> str:
        r = self.rng
        return r.choice(AREAS_LOCAL) if r.random() < 0.55 else r.choice(AREAS_ELSEWHERE)

    def resident_id(self, born: date, male: bool) -> str:
        while True:
            seq = self.rng.randrange(0, 100) * 10 + (self.rng.choice((1, 3, 5, 7, 9)) if male
                                                      else self.rng.choice((0, 2, 4, 6, 8)))
            body = f"{self._area()}{born:%Y%m%d}{seq:03d}"
            v = body + ric_check_char(body)
            if v not in self.used:
                self.used.add(v)
                return v

    def credit_code(self) -> str:
        while True:
            # "MA…": an organisation code of the post-2015 kind, so a code never reads as
            # 18 digits (a resident ID's shape) in the public list, where it shows in full.
            org = f"MA{self.rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY')}{self.rng.randrange(10**5):05d}"
            weights = (3, 7, 9, 10, 5, 8, 4, 2)
            values = [int(c) if c.isdigit() else ord(c) - 55 for c in org]
            c9 = 11 - sum(v * w for v, w in zip(values, weights, strict=True)) % 11
            check = "X" if c9 == 10 else "0" if c9 == 11 else str(c9)
            body = f"91{self._area()}{org}{check}"
            v = body + uscc_check_char(body)
            if v not in self.used:
                self.used.add(v)
                return v


# ------------------------------------------------------------------ the plan
@dataclass
class PlannedPetition:
    """A removal petition on performance, stored with the listing it removes."""

    received_on: date
    decided_on: date | None
    due: date
    due_provisional: bool
    late: bool
    sequence: int = 1


@dataclass
class PlannedListing:
    listing: Listing
    reasons_zh: str
    removal_event_on: date | None = None
    petition: PlannedPetition | None = None
    #: Left published for :func:`sample_activity` (performed lately; the
    #: removal petition is filed through the service).
    reserved: bool = False


@dataclass
class Life:
    """What happened to a case's respondents up to today."""

    listings: list[PlannedListing] = field(default_factory=list)
    orders: list[RestrictionOrder] = field(default_factory=list)
    #: (respondent, from, to, effective on, article, reason)
    events: list[tuple[int, str, str, date, str, Message]] = field(default_factory=list)
    #: Removal petitions planned so far (numbered per case: 申1, 申2 …).
    petitions: int = 0


class DemoGenerator:
    """Generates :class:`EnforcementCase` objects and their lives, deterministic for a seed."""

    def __init__(self, *, seed: int = 2026, today: date | None = None,
                 court: DemoCourt | None = None, start_sequence: dict[int, int] | None = None,
                 calendar: YearCalendar | None = None, months: int = 24) -> None:
        self.rng = random.Random(seed)
        self.today = today or date.today()
        self.court = court or DemoCourt()
        self.ids = _Ids(self.rng)
        self.sequence: dict[int, int] = dict(start_sequence or {})
        self.recurring: list[Party] = []
        self.calendar = calendar or YearCalendar()
        self.months = months

    # ----------------------------------------------------------- parties
    def _name(self, male: bool | None = None) -> str:
        r = self.rng
        surname = r.choices(_SURNAMES, cum_weights=_SURNAME_CUM)[0]
        male = r.random() < 0.5 if male is None else male
        pool = GIVEN_M if male else GIVEN_F
        given = r.choice(pool) + (r.choice(pool) if r.random() < 0.8 else "")
        return surname + given

    def _person(self, *, adult: bool = True) -> Party:
        r = self.rng
        if adult:
            born = date(r.randrange(1950, self.today.year - 19), r.randrange(1, 13), r.randrange(1, 29))
        else:
            born = date(self.today.year - r.randrange(10, 17), r.randrange(1, 13), r.randrange(1, 29))
        male = r.random() < 0.62  # judgment debtors are more often men
        return Party(PartyKind.PERSON, self._name(male),
                     id_number=self.ids.resident_id(born, male))

    def _entity(self) -> Party:
        r = self.rng
        place = r.choice(PLACES) if r.random() < 0.45 else ""
        name = f"{place}{r.choice(TRADE_NAMES)}{r.choice(TRADES)}{r.choice(FORMS)}"
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
        """One case; ``filed`` defaults to a random day in the demo's span."""
        r = self.rng
        filed = filed or self.today - timedelta(days=r.randrange(0, self.months * 30))
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
            paid_on = day_after(deadline)
            case.payments.append(Payment(paid_on, 0, due, evidence="银行转账凭证"))
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
        if stage != "performed" and r.random() < 0.35:
            ct = r.choice(list(ConductType))
            # Conduct usually comes to light soon after the deadline.
            on = min(deadline + timedelta(days=r.randrange(0, 40)), self.today)
            case.conduct.append(ConductRecord(ct, on, {
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
        if r.random() < 0.75:
            case.findings.append(Finding(0, able_to_perform=r.random() < 0.65,
                                         later_in_performance_order=r.random() < 0.03,
                                         campus_loan_student=r.random() < 0.01,
                                         serious_violence=any(
                                             c.type is ConductType.VIOLENCE_OR_THREAT for c in case.conduct)))
        return case

    def cases(self, n: int) -> Iterator[EnforcementCase]:
        for _ in range(n):
            yield self.case()

    # -------------------------------------------------------------- lives
    def _working_days(self, start: date, n: int) -> date:
        return add_working_days(self.calendar, start, n).due

    def life(self, case: EnforcementCase) -> Life:
        """What the court did with ``case``'s respondents up to today."""
        life = Life()
        n = case.execution_notice
        if n is None or n.served_on is None or n.served_on > self.today:
            return life
        for i in range(len(case.respondents)):
            life.events.append((i, RespondentState.RECORDED.value, RespondentState.NOTICE_SERVED.value,
                                n.served_on, ART_NOTICE, Message("history.notice_served", {
                                    "method": "service_method." + (
                                        n.service_method.value if n.service_method else "")})))
        if n.deadline >= self.today:
            return life
        for i in range(len(case.respondents)):
            x = self.rng.random()
            if x < 0.7 and self._listing(case, i, life):
                continue
            if x < 0.85:
                self._order(case, i, life)
        return life

    def _performed_on(self, case: EnforcementCase) -> date | None:
        for d in sorted({p.on for p in case.payments}):
            if case.fully_performed(d):
                return d
        return None

    def _event(self, life: Life, i: int, a: RespondentState, b: RespondentState, on: date,
               article: str, reason: Message) -> None:
        life.events.append((i, a.value, b.value, on, article, reason))

    def _listing(self, case: EnforcementCase, i: int, life: Life) -> bool:
        r, today = self.rng, self.today
        n = case.execution_notice
        assert n is not None
        decided = n.deadline + timedelta(days=r.randrange(3, 60))
        if decided >= today:
            return False
        a = assess_respondent(case, i, decided)
        if not a.listable or not a.effective_grounds or a.restriction == "unavailable":
            # A listed respondent is restricted (2015 Art. 1 para. 2); where no restriction
            # is available (later in the order of performance, R-L13) the demo lists no one.
            return False
        grounds = sorted(a.effective_grounds)
        fixed = any(g != 1 for g in grounds)
        party = case.respondents[i]
        items = propose_restrictions(case, i, decided).items
        persons: list[int | None] = [None]
        if party.kind is PartyKind.ENTITY:
            persons += list(range(len(party.officers)))  # 2015 Art. 3 para. 2: all four roles
        listing = Listing(
            respondent=i, grounds=grounds, decided_on=decided, term_years=2 if fixed else None,
            extension_years=1 if fixed and a.extendable and r.random() < 0.4 else 0,
            restrictions=[Restriction(item, p, decided) for p in persons for item in items])
        reasons = (f"被执行人{party.name}" + "；".join(GROUND_TEXT[g][1] for g in grounds)
                   + "，符合《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条的规定。")
        plan = PlannedListing(listing, reasons)
        life.listings.append(plan)
        if (today - decided).days < 20 and r.random() < 0.25:
            return True  # a draft waiting for the president's signature
        listing.signed_by = PRESIDENT
        listing.status = ListingStatus.AWAITING_PUBLICATION
        if r.random() < 0.45:
            listing.grace_until = add_months(decided, r.choice((1, 2, 2, 3)))
        served: date | None = decided + timedelta(days=r.choice((0, 0, 1, 2, 3, 5)))
        if served is None or served > today or ((today - decided).days < 12 and r.random() < 0.3):
            served = None  # signed, not yet served (the 2019 Opinion item 14 alert)
        if served is not None:
            listing.served_on = served
            listing.service_method = r.choice([ServiceMethod.DIRECT, ServiceMethod.BY_POST,
                                               ServiceMethod.ELECTRONIC])
        grace = listing.grace_until
        self._event(life, i, RespondentState.NOTICE_SERVED,
                    RespondentState.WARNED if grace else RespondentState.LISTED_AWAITING_PUBLICATION,
                    decided, ART_DECISION,
                    Message("history.listing_signed_grace", {"grace_until": grace.isoformat()})
                    if grace else Message("history.listing_signed"))
        performed = self._performed_on(case)
        if grace is not None:
            if grace >= today:
                return True  # a warning in its grace period
            if performed is not None and performed <= grace:
                self._remove(plan, life, grace + timedelta(days=1), RemovalKind.CANCELLED,
                             RemovalReason.PERFORMED, grace + timedelta(days=1), ART_GRACE,
                             Message("history.grace_performed"), RespondentState.WARNED)
                return True
            if served is None:
                return True
            published = max(grace + timedelta(days=1), served)
        else:
            if served is None:
                return True
            published = served + timedelta(days=r.choice((0, 1)))
        if published > today:
            return True
        listing.status = ListingStatus.PUBLISHED
        listing.published_on = published
        self._event(life, i, RespondentState.WARNED if grace else RespondentState.LISTED_AWAITING_PUBLICATION,
                    RespondentState.LISTED_PUBLISHED, published, ART_PUBLISH,
                    Message("history.published_after_grace" if grace else "history.published"))
        self._removal(case, plan, life, performed)
        return True

    def _remove(self, plan: PlannedListing, life: Life, on: date, kind: RemovalKind,
                reason: RemovalReason, event_on: date, article: str, why: Message,
                before: RespondentState) -> None:
        lst = plan.listing
        lst.status = ListingStatus.REMOVED
        lst.removed_on, lst.removal_kind, lst.removal_reason = on, kind, reason
        plan.removal_event_on = event_on
        for x in lst.restrictions:
            x.status, x.until = RestrictionStatus.LIFTED, on
        self._event(life, lst.respondent, before, RespondentState.REMOVED, on, article, why)

    def _removal(self, case: EnforcementCase, plan: PlannedListing, life: Life,
                 performed: date | None) -> None:
        """The first removal that happened to a published listing, if any."""
        r, today, lst = self.rng, self.today, plan.listing
        assert lst.published_on is not None
        fixed = lst.term_years is not None
        end = lst.term_end()
        pub = RespondentState.LISTED_PUBLISHED
        expiry = end + timedelta(days=1) if end is not None else None
        if performed is not None:
            base = max(performed, lst.published_on)
            item1 = ART_EARLY if fixed else ART_ITEM.format(n=1)
            if (today - base).days <= 20 and r.random() < 0.6:
                plan.reserved = True  # performed lately: the sample files the petition
                return
            if r.random() < 0.55:  # the respondent petitions, with proof (R-R7)
                received = base + timedelta(days=r.randrange(1, 25))
                k = r.choices([1, 2, 3, 4, 6, 9], weights=[30, 30, 22, 8, 6, 4])[0]
                decided = self._working_days(received, k)
                if received > today and (expiry is None or expiry > today):
                    return  # the proof has not reached the court yet
                if received <= today and (expiry is None or decided < expiry):
                    due = add_working_days(self.calendar, received, KINDS[
                        PetitionKind.REMOVAL_PERFORMED].sla.days)
                    if (today - received).days <= 20 and r.random() < 0.4:
                        decided = today + timedelta(days=1)  # still in the queue, perhaps overdue
                    life.petitions += 1
                    plan.petition = PlannedPetition(received, decided if decided <= today else None,
                                                    due.due, due.provisional, decided > due.due,
                                                    life.petitions)
                    if decided > today:
                        return  # pending in the judge's queue
                    self._remove(plan, life, decided, RemovalKind.DELETED, RemovalReason.PERFORMED,
                                 decided, item1, Message("history.petition_granted", {
                                     "petition": petition_number(case.case_number, life.petitions),
                                     "reasons": GRANTED}), pub)
                    return
            else:  # the court deletes on its own finding, a few working days after
                k = r.choices([0, 1, 2, 3, 5, 8], weights=[10, 30, 30, 18, 8, 4])[0]
                on = self._working_days(base, k)
                if on <= today and (expiry is None or on < expiry):
                    self._remove(plan, life, on, RemovalKind.DELETED, RemovalReason.PERFORMED, base,
                                 item1, _by_court("被执行人已全部履行，本院执行完毕"), pub)
                    return
        if expiry is not None and expiry <= today:
            assert end is not None
            self._remove(plan, life, expiry, RemovalKind.EXPIRED, RemovalReason.TERM_EXPIRED, end,
                         ART_EXPIRED, Message("history.term_ended", {"end": end.isoformat()}), pub)
            return
        if plan.petition is not None:
            return
        on = lst.published_on + timedelta(days=r.randrange(10, 300))
        if on > today or (expiry is not None and on >= expiry):
            return
        x = r.random()
        if x < 0.04:
            self._remove(plan, life, on, RemovalKind.REVOKED, RemovalReason.REVOKED, on, ART_REVOKE,
                         _by_court("经复查，被执行人不应纳入失信被执行人名单"), pub)
        elif x < 0.07 and not fixed:
            self._remove(plan, life, on, RemovalKind.DELETED, RemovalReason.CREDITOR_REQUEST, on,
                         ART_ITEM.format(n=3), _by_court("申请执行人书面申请删除失信信息"), pub)
        elif x < 0.10 and not fixed:
            self._remove(plan, life, on, RemovalKind.DELETED, RemovalReason.NO_PROPERTY, on,
                         ART_ITEM.format(n=4), _by_court("终结本次执行程序后两次查询均未发现可供执行财产"),
                         pub)
        elif x < 0.12:
            self._remove(plan, life, on, RemovalKind.DELETED, RemovalReason.SETTLEMENT_PERFORMED, on,
                         ART_EARLY if fixed else ART_ITEM.format(n=2),
                         _by_court("执行和解协议已履行完毕"), pub)
        elif x < 0.135:
            self._remove(plan, life, on, RemovalKind.DELETED, RemovalReason.CORRECTED, on,
                         ART_CORRECTED, _by_court("经审查纠正申请成立，失信信息应予删除"), pub)

    def _order(self, case: EnforcementCase, i: int, life: Life) -> None:
        """A discretionary standalone restriction order (2015 Art. 1 para. 1)."""
        r, today = self.rng, self.today
        n = case.execution_notice
        assert n is not None
        decided = n.deadline + timedelta(days=r.randrange(5, 90))
        if decided >= today or case.fully_performed(decided):
            return
        party = case.respondents[i]
        persons: list[int | None] = [None]
        if party.kind is PartyKind.ENTITY:
            persons += list(range(len(party.officers)))
        items = propose_restrictions(case, i, decided).items
        by_creditor = r.random() < 0.6
        order = RestrictionOrder(
            respondent=i,
            initiation=Initiation.CREDITOR_APPLICATION if by_creditor else Initiation.EX_OFFICIO,
            factors=[Factor.PASSIVE_PERFORMANCE] + ([Factor.ABLE_TO_PERFORM] if r.random() < 0.5 else []),
            reasons=f"被执行人{party.name}未按执行通知书指定的期间履行给付义务，消极履行。",
            decided_on=decided,
            restrictions=[Restriction(item, p, decided) for p in persons for item in items],
            application_received_on=decided - timedelta(days=r.randrange(1, 10)) if by_creditor else None,
            signed_by=PRESIDENT, served_on=min(decided + timedelta(days=r.randrange(0, 4)), today),
            status=OrderStatus.SIGNED)
        if check_order(case, order):
            return
        performed = self._performed_on(case)
        if performed is not None and performed > decided:
            lifted = performed + timedelta(days=r.randrange(1, 10))
            if lifted <= today:  # fully performed: the court shall lift (2015 Art. 9)
                order.status = OrderStatus.LIFTED
                for x in order.restrictions:
                    x.status, x.until = RestrictionStatus.LIFTED, lifted
        life.orders.append(order)


