"""Identifiers: resident ID numbers, unified social credit codes and case numbers.

Pure functions, no I/O.  Each ``check_*`` function returns the normalised
value or raises :class:`ValueError` whose ``args[0]`` is a rule code from
:data:`RULE_MESSAGES`; the interchange and service layers turn that into a
:class:`~courtapp.core.domain.errors.FieldError` naming the field.

References (``shared/domain/RULES.md``):
- R-I1, §6.1: the 18-character resident ID, ISO 7064 MOD 11-2.
- R-I2, §6.2: the unified social credit code, GB 32100-2015.  Unlike
  python-stdnum we accept the registration authorities A, N and Y in
  position 1 (stdnum demands 8 leading digits).
- R-N1, §6.3: the enforcement case number (法〔2015〕137号).
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# ---------------------------------------------------------------- resident ID
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RIC_CHECK = "10X98765432"
# re.ASCII throughout: without it ``\d`` also matches Arabic-Indic and other
# digits, which NFKC does not fold, and such a value would be stored as valid.
_RIC_RE = re.compile(r"^\d{17}[\dX]$", re.ASCII)

#: Province-level area codes (GB/T 2260, first two digits) in use on resident IDs.
_RIC_PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
     50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)


def _fold(value: str) -> str:
    """Full-width to ASCII (NFKC), strip spaces, upper-case."""
    if value.isascii():  # NFKC leaves ASCII as it is
        return value.replace(" ", "").strip().upper()
    return unicodedata.normalize("NFKC", value).replace(" ", "").strip().upper()


def ric_check_char(first17: str) -> str:
    """The check character for the first 17 digits of a resident ID (R-I1)."""
    if len(first17) != 17:
        raise ValueError("ric.length")
    total = sum(map(operator.mul, map(int, first17), _RIC_WEIGHTS))
    return _RIC_CHECK[total % 11]


def check_resident_id(value: str, *, today: date | None = None) -> str:
    """Validate an 18-character resident ID and return it normalised.

    Rules: 17 digits and a check digit or ``X``; a known province code; a
    real birth date not in the future; the MOD 11-2 check character.
    """
    return _checked_resident_id(_fold(value), today)


# An import checks each number several times (reading, normal form, validation).
# Only valid numbers are cached, and a number valid on one day stays valid later.
@functools.lru_cache(maxsize=1 << 16)
def _checked_resident_id(v: str, today: date | None) -> str:
    if len(v) != 18:
        raise ValueError("ric.length")
    if not _RIC_RE.match(v):
        raise ValueError("ric.format")
    if int(v[:2]) not in _RIC_PROVINCES:
        raise ValueError("ric.area")
    try:
        born = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        raise ValueError("ric.birth_date") from None
    if born.year < 1880 or born > (today or date.today()):
        raise ValueError("ric.birth_date")
    if ric_check_char(v[:17]) != v[17]:
        raise ValueError("ric.checksum")
    return v


@dataclass(frozen=True)
class ResidentIdInfo:
    birth_date: date
    sex: str  # "M" or "F"
    area_code: str

    def age_on(self, on: date) -> int:
        """Completed years on ``on``: the Art. 4 minor bar is ``age_on(d) < 18``."""
        b = self.birth_date
        return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


def resident_id_info(value: str) -> ResidentIdInfo:
    """Birth date, sex (17th digit: odd male, even female) and area of a valid ID."""
    v = check_resident_id(value)
    return ResidentIdInfo(
        birth_date=date(int(v[6:10]), int(v[10:12]), int(v[12:14])),
        sex="M" if int(v[16]) % 2 else "F",
        area_code=v[:6],
    )


# ------------------------------------------------------ unified social credit code
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", re.ASCII)
#: Position 1: registration authority (登记管理部门代码), RULES.md §6.2.
USCC_AUTHORITIES = frozenset("123456789ANY")


def uscc_check_char(first17: str) -> str:
    """GB 32100-2015 check character: (31 - Σ v_i·3^i mod 31) mod 31."""
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


@functools.lru_cache(maxsize=1 << 14)  # valid codes only
def check_credit_code(value: str) -> str:
    """Validate an 18-character unified social credit code and return it normalised."""
    v = _fold(value)
    if len(v) != 18:
        raise ValueError("uscc.length")
    if not _USCC_RE.match(v):
        raise ValueError("uscc.format")
    if v[0] not in USCC_AUTHORITIES:
        raise ValueError("uscc.authority")
    if uscc_check_char(v[:17]) != v[17]:
        raise ValueError("uscc.checksum")
    return v


# ----------------------------------------------------------------- case number
#: Enforcement case-type codes (类型代字), RULES.md §6.3.
ENFORCEMENT_TYPES: dict[str, tuple[str, str]] = {
    "执": ("first enforcement", "首次执行"),
    "执恢": ("resumed enforcement", "恢复执行"),
    "执保": ("enforcement of preservation", "财产保全执行"),
    "执异": ("enforcement objection", "执行异议"),
    "执复": ("enforcement reconsideration", "执行复议"),
    "执监": ("enforcement supervision", "执行监督"),
    "执协": ("enforcement coordination", "执行协调"),
    "执他": ("other enforcement", "其他执行"),
}
_CASE_RE = re.compile(
    r"^[（(](\d{4})[）)]"
    r"(最高法|[\u4e00-\u9fff]\d{0,4})"
    r"(执恢|执保|执异|执复|执监|执协|执他|执)"
    r"(\d+)号$",
    re.ASCII,
)
_COURT_CODE_RE = re.compile(r"^(最高法|[\u4e00-\u9fff](\d{2}|\d{4})?)$", re.ASCII)


@dataclass(frozen=True, order=True)
class CaseNumber:
    """A parsed enforcement case number.

    ``str()`` gives the canonical stored form with ASCII brackets, as in the
    interchange format v1; :meth:`display` gives the full-width form that
    court documents print.
    """

    year: int
    court_code: str
    type_code: str
    sequence: int

    def __str__(self) -> str:
        return f"({self.year}){self.court_code}{self.type_code}{self.sequence}号"

    def display(self) -> str:
        return f"（{self.year}）{self.court_code}{self.type_code}{self.sequence}号"


def check_court_code(value: str) -> str:
    """最高法, a province abbreviation, or one followed by 2 or 4 digits (R-N1)."""
    v = unicodedata.normalize("NFKC", value).strip()
    if not _COURT_CODE_RE.match(v):
        raise ValueError("court_code.format")
    return v


def parse_case_number(value: str, *, today: date | None = None) -> CaseNumber:
    """Parse ``(YYYY)court-code type-code sequence 号`` with either bracket style.

    Full-width digits and spaces are folded away.
    """
    return _parsed_case_number(value, today)


@functools.lru_cache(maxsize=1 << 14)  # valid numbers only; valid later too
def _parsed_case_number(value: str, today: date | None) -> CaseNumber:
    v = value.strip().replace(" ", "").replace("\u3000", "")
    # Fold full-width digits, keep the CJK characters and the brackets.
    v = "".join(unicodedata.normalize("NFKC", c) if c.isdigit() else c for c in v)
    m = _CASE_RE.match(v)
    if not m:
        raise ValueError("case_number.format")
    year, court, typ, seq = int(m[1]), m[2], m[3], int(m[4])
    if court != "最高法" and len(court) not in (1, 3, 5):
        raise ValueError("case_number.court_code")
    this_year = (today or date.today()).year
    if year < 1950 or year > this_year + 1:
        raise ValueError("case_number.year")
    if seq < 1:
        raise ValueError("case_number.sequence")
    return CaseNumber(year, court, typ, seq)


def normalize_case_number(value: str) -> str:
    return str(parse_case_number(value))


_YEAR_IN_BRACKETS = re.compile(r"[（(](\d{4})[）)]")


def display_number(text: str) -> str:
    """A case, petition or document number as every page prints it: the year in
    full-width brackets, ``（2026）京0105执1234号`` (storage keeps ASCII brackets).

    Also for numbers inside running text: each ``(YYYY)`` becomes ``（YYYY）``, so
    ``(2026)京0105执1234号-申1`` and ``见(2025)京0105民初5678号判决`` print right.
    """
    return _YEAR_IN_BRACKETS.sub(r"（\1）", text)


#: Messages for the rule codes raised above, (English, Chinese).
RULE_MESSAGES: dict[str, tuple[str, str]] = {
    "ric.length": ("a resident ID number has 18 characters", "居民身份证号码应为18位"),
    "ric.format": (
        "a resident ID number is 17 digits followed by a digit or X",
        "居民身份证号码应为17位数字加1位数字或X",
    ),
    "ric.area": ("the area code of this ID number does not exist", "身份证号码的地区码不存在"),
    "ric.birth_date": (
        "the birth date in this ID number is not a valid past date",
        "身份证号码中的出生日期无效",
    ),
    "ric.checksum": (
        "the check character is wrong (ISO 7064 MOD 11-2)",
        "身份证号码校验位错误（ISO 7064 MOD 11-2）",
    ),
    "uscc.length": ("a unified social credit code has 18 characters", "统一社会信用代码应为18位"),
    "uscc.format": (
        "a unified social credit code uses 0-9 and A-Y without I, O, S, V, Z, with digits in positions 3-8",
        "统一社会信用代码只能由数字和除I、O、S、V、Z外的大写字母组成，第3至8位为数字",
    ),
    "uscc.authority": (
        "position 1 must be a registration authority code (1-9, A, N or Y)",
        "第1位应为登记管理部门代码（1-9、A、N、Y）",
    ),
    "uscc.checksum": (
        "the check character is wrong (GB 32100-2015)",
        "统一社会信用代码校验位错误（GB 32100-2015）",
    ),
    "case_number.format": (
        "a case number reads (YYYY) + court code + enforcement type (执, 执恢, 执保, 执异, 执复, 执监, 执协, 执他) + sequence + 号",
        "案号格式应为（年度）+法院代字+执行类型代字（执、执恢、执保、执异、执复、执监、执协、执他）+序号+号",
    ),
    "case_number.court_code": (
        "the court code is 最高法, a province abbreviation, or one followed by 2 or 4 digits",
        "法院代字应为“最高法”、省级简称，或简称加2位或4位数字",
    ),
    "case_number.year": ("the year of the case number is out of range", "案号年度超出范围"),
    "case_number.sequence": ("the sequence number must be 1 or more", "案号序号应大于0"),
    "court_code.format": (
        "the court code is 最高法, a province abbreviation, or one followed by 2 or 4 digits",
        "法院代字应为“最高法”、省级简称，或简称加2位或4位数字",
    ),
}
