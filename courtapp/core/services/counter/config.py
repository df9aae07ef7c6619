"""The counter's court settings: each kind's period to decide, the longest
temporary travel lifting, the Art. 10 para. 2 reading, the next-higher court,
the lifting's dispatch period (declared in :mod:`courtapp.core.settings`)."""

from __future__ import annotations

from courtapp.core import settings
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.petition import KINDS, REMOVAL_KINDS, PetitionKind, Sla
from courtapp.core.domain.removal import REMOVAL_WORKING_DAYS
from courtapp.core.domain.roles import Actor
from courtapp.core.services.counter.common import (
    SETTING_HIGHER_COURT,
    SETTING_LIFTING_DAYS,
    SETTING_SLA,
    SETTING_TRAVEL_MAX_DAYS,
    higher_court,
    lifting_days,
    refuse,
    sla_for,
    travel_max,
)
from courtapp.core.services.listing import set_setting
from courtapp.core.services.removal import SETTING_PARA1_FIXED, para1_applies_to_fixed_term

#: The counter's settings other than the periods, in the order they are listed.
_OTHERS = (SETTING_TRAVEL_MAX_DAYS, SETTING_LIFTING_DAYS, SETTING_PARA1_FIXED, SETTING_HIGHER_COURT)


def set_sla(uow: UnitOfWork, actor: Actor, kind: PetitionKind, sla: Sla) -> None:
    """A court's period for deciding ``kind`` (the correction's 15 days are statutory)."""
    info = KINDS[kind]
    if info.statutory_sla:
        raise refuse("kind", "petition.sla_statutory",
                     f"the period for a {info.label_en} is fixed by {info.article}",
                     f"{info.label_zh}的审查期限由{info.article}规定，不能修改")
    if kind in REMOVAL_KINDS and sla.days > REMOVAL_WORKING_DAYS:
        raise refuse("sla", "petition.sla_removal",
                     f"a removal is decided within the {REMOVAL_WORKING_DAYS} working days the court "
                     f"has to delete (2017 Provisions Art. 10; R-R7): {sla.code()} is too long",
                     f"删除申请的审查期限不得超过删除失信信息的{REMOVAL_WORKING_DAYS}个工作日"
                     f"（第十条）：{sla.code()}过长")
    set_setting(uow, actor, SETTING_SLA.format(kind=kind.value), Sla.parse(sla.code()).code())


def slas(uow: UnitOfWork) -> dict[PetitionKind, Sla]:
    """The period to decide each kind, as this court has set it."""
    with uow:
        return {k: sla_for(uow, k) for k in PetitionKind}


def counter_settings(uow: UnitOfWork) -> dict[str, str]:
    """Every court setting of the counter, with its current value (defaults filled in)."""
    with uow:
        out = {SETTING_SLA.format(kind=k.value): sla_for(uow, k).code() for k in PetitionKind}
        out[SETTING_TRAVEL_MAX_DAYS] = str(travel_max(uow))
        out[SETTING_PARA1_FIXED] = "true" if para1_applies_to_fixed_term(uow) else "false"
        out[SETTING_HIGHER_COURT] = higher_court(uow)
        out[SETTING_LIFTING_DAYS] = str(lifting_days(uow))
        return out


def set_counter_setting(uow: UnitOfWork, actor: Actor, key: str, value: str) -> None:
    """Change one counter setting (``SETTINGS_EDIT``), checked before it is stored."""
    value = value.strip()
    prefix = SETTING_SLA.format(kind="")
    if key.startswith(prefix):
        try:
            kind = PetitionKind(key[len(prefix):])
            sla = Sla.parse(value)
        except ValueError as ex:
            raise refuse(key, "setting.value", str(ex), f"设置值无效：{ex}") from None
        set_sla(uow, actor, kind, sla)
        return
    if key not in _OTHERS:
        raise refuse(key, "setting.unknown", f"no counter setting {key!r}; see counter_settings()",
                     f"没有名为{key}的设置")
    declared = settings.SETTINGS[key]
    if not declared.valid(value):
        raise refuse(key, "setting.value", f"{value!r} is not a valid value for {key}",
                     f"{value}不是{key}的有效值")
    set_setting(uow, actor, key, value)


__all__ = ["counter_settings", "set_counter_setting", "set_sla", "slas"]
