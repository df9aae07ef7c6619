"""Every court setting, declared once with its type, default and rule.

Settings live in the ``settings`` table shared by every desk of a court.  A
service reads one with :func:`value` and changes one with
:func:`courtapp.core.services.admin.set_setting`, which checks it against the
declaration here first; nothing else knows a setting's key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from courtapp.core.domain.listing import DEFAULT_SMALL_AMOUNT
from courtapp.core.domain.petition import DEFAULT_TRAVEL_MAX_DAYS, KINDS, PetitionKind, Sla

T = TypeVar("T")


class SettingsReader(Protocol):
    def get(self, key: str) -> str | None: ...


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key, default, how it is read from text, and the rule a
    new value must meet (``valid``), with the rule's code and texts."""

    key: str
    default: T
    parse: Callable[[str], T]
    valid: Callable[[str], bool]
    rule: str
    en: str
    zh: str

    def read(self, raw: str | None) -> T:
        """The stored text as a value; the default when it is missing or unreadable."""
        if raw is None or not self.valid(raw):
            return self.default
        return self.parse(raw)

    def text(self, value: T) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, Sla):
            return value.code()
        return str(value)


def _bool(raw: str) -> bool:
    return raw.strip().lower() in ("1", "true", "yes")


def _is_bool(raw: str) -> bool:
    return raw.strip().lower() in ("1", "0", "true", "false", "yes", "no")


def _int_between(lo: int, hi: int) -> Callable[[str], bool]:
    return lambda raw: raw.strip().isdigit() and lo <= int(raw.strip()) <= hi


def _is_sla(raw: str) -> bool:
    try:
        Sla.parse(raw)
    except ValueError:
        return False
    return True


GRACE_MONTHS: Setting[int] = Setting(
    "listing.default_grace_months", 2, int, lambda v: v.strip() in ("1", "2", "3"),
    "listing.grace_range", "a grace period is 1 to 3 months (2019 Opinion item 15)",
    "宽限期应为一至三个月（2019年意见第15条）")
SMALL_AMOUNT: Setting[int] = Setting(
    "restriction.small_amount_yuan", DEFAULT_SMALL_AMOUNT, int, lambda v: v.strip().isdigit(),
    "amount.format", "an amount must be a whole number of yuan", "金额应为整数元")
PARA1_APPLIES_TO_FIXED_TERM: Setting[bool] = Setting(
    "removal.para1_applies_to_fixed_term", False, _bool, _is_bool, "setting.value",
    "true or false", "应为true或false")
TRAVEL_MAX_DAYS: Setting[int] = Setting(
    "petition.travel_max_days", DEFAULT_TRAVEL_MAX_DAYS, int, _int_between(1, 366), "setting.value",
    "a number of days from 1 to 366", "应为1至366之间的天数")
HIGHER_COURT: Setting[str] = Setting(
    "court.higher_court", "", str.strip, lambda v: bool(v.strip()), "setting.value",
    "the name of the next-higher court", "应填写上一级人民法院名称")
LIFTING_WORKING_DAYS: Setting[int] = Setting(
    "dispatch.lifting_working_days", 3, int, _int_between(1, 60), "setting.value",
    "a number of working days from 1 to 60", "应为1至60之间的工作日数")
BACKUP_MAX_AGE_DAYS: Setting[int] = Setting(
    "backup.max_age_days", 7, int, _int_between(1, 365), "setting.value",
    "a number of days from 1 to 365 after which the Admin screen warns that the last backup "
    "is too old", "应为1至365之间的天数，超过后管理页面提示上次备份已过久")

# Who is acting (issue 10 §3): a user name is locked for this long after
# LOGIN_MAX_FAILURES wrong passwords in a row; a ``courtapp login`` session
# lasts this long; a desk locks itself after this long without input.
LOCKOUT_MINUTES: Setting[int] = Setting(
    "auth.lockout_minutes", 15, int, _int_between(1, 1440), "setting.value",
    "a number of minutes from 1 to 1440", "应为1至1440之间的分钟数")
SESSION_HOURS: Setting[int] = Setting(
    "auth.session_hours", 8, int, _int_between(1, 168), "setting.value",
    "a number of hours from 1 to 168", "应为1至168之间的小时数")
IDLE_LOCK_MINUTES: Setting[int] = Setting(
    "desk.idle_lock_minutes", 10, int, _int_between(1, 480), "setting.value",
    "a number of minutes from 1 to 480", "应为1至480之间的分钟数")
#: Wrong passwords in a row that lock a user name (issue 10 §3).
LOGIN_MAX_FAILURES = 5


PUBLIC_ID_MASK: Setting[str] = Setting(
    "public_list.id_mask", "6,4", lambda v: v.replace(" ", ""),
    lambda v: re.fullmatch(r"\s*[0-6]\s*,\s*[0-4]\s*", v) is not None, "public.mask",
    "FIRST,LAST: how many leading (0-6) and trailing (0-4) characters of a resident ID the "
    "public list shows; the birth date is always hidden",
    "应写作“前位数,后位数”：公开名单显示身份证号码的前0至6位和后0至4位，出生日期始终隐去")


def sla(kind: PetitionKind) -> Setting[Sla]:
    """The period to decide a petition of ``kind`` (the statutory ones are not settings)."""
    return Setting(f"petition.sla.{kind.value}", KINDS[kind].sla, Sla.parse, _is_sla,
                   "setting.value", "a period such as 3wd (working days) or 15d (calendar days)",
                   "应为期限，如3wd（工作日）或15d（日）")


#: Every setting a court may change, by key.
_ALL: tuple[Setting[Any], ...] = (
    GRACE_MONTHS, SMALL_AMOUNT, PARA1_APPLIES_TO_FIXED_TERM, TRAVEL_MAX_DAYS, HIGHER_COURT,
    LIFTING_WORKING_DAYS, PUBLIC_ID_MASK, LOCKOUT_MINUTES, SESSION_HOURS, IDLE_LOCK_MINUTES,
    BACKUP_MAX_AGE_DAYS, *(sla(k) for k in PetitionKind if not KINDS[k].statutory_sla))
SETTINGS: dict[str, Setting[Any]] = {s.key: s for s in _ALL}


def value(reader: SettingsReader, setting: Setting[T]) -> T:
    """The setting's current value (its default when unset)."""
    return setting.read(reader.get(setting.key))
