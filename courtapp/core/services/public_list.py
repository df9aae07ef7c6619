"""Use cases for the public list (issue 11 §2): export, search, the ID mask setting.

- :func:`export` writes the entries published in a period and still on the list,
  with the 2017 Provisions Art. 6 fields only (:mod:`courtapp.core.reports.public`),
  as JSON or CSV.  It needs ``CASE_EXPORT`` and is audited (what period, how
  many entries, which mask): publishing personal data is an act the court
  answers for (Art. 13).
- :func:`search` finds published entries by name, ID number, credit code or case
  number (``CASE_VIEW``).
- :func:`set_mask` changes how much of a resident ID shows (``SETTINGS_EDIT``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from courtapp.core import paths
from courtapp.core.db.uow import UnitOfWork
from courtapp.core.domain.errors import ErrorCollector
from courtapp.core.domain.roles import Actor, Permission, require
from courtapp.core.reports import public
from courtapp.core.reports.public import ALLOWED_FIELDS, Mask, PublicEntry

FORMATS = ("json", "csv")


def _refuse(path: str, rule: str, en: str, zh: str) -> None:
    e = ErrorCollector()
    e.add(path, rule, en, zh)
    e.raise_if_any()


def check_period(start: date, end: date) -> None:
    if end < start:
        _refuse("to", "public.period", "the period ends before it starts (--to is before --from)",
                "截止日期早于起始日期（--to 早于 --from）")


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class ExportResult:
    entries: int
    mask: str


class _Writer:
    """Streams entries as a JSON array or as CSV rows (UTF-8; CSV with a BOM)."""

    def __init__(self, out: IO[bytes], fmt: str) -> None:
        self.out, self.fmt, self.count = out, fmt, 0
        if fmt == "csv":
            self.out.write("\ufeff".encode())
            self._row(list(ALLOWED_FIELDS))
        else:
            self.out.write(b"[")

    def _row(self, values: list[str]) -> None:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerow(values)
        self.out.write(buf.getvalue().encode("utf-8"))

    def add(self, e: PublicEntry) -> None:
        if self.fmt == "csv":
            self._row([_csv_value(e.fields.get(k)) for k in ALLOWED_FIELDS])
        else:
            text = json.dumps(e.fields, ensure_ascii=False, sort_keys=False)
            self.out.write((("\n" if self.count == 0 else ",\n") + text).encode("utf-8"))
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write(b"\n]\n" if self.count else b"]\n")


def export(uow: UnitOfWork, actor: Actor, start: date, end: date, out: IO[bytes], *,
           fmt: str = "json", as_of: date | None = None, court: str | None = None) -> ExportResult:
    """Write the public entries published from ``start`` to ``end`` to ``out``."""
    require(actor, Permission.CASE_EXPORT)
    if fmt not in FORMATS:
        _refuse("format", "public.format", "the format is json or csv", "格式应为json或csv")
    check_period(start, end)
    as_of = as_of or date.today()
    writer = _Writer(out, fmt)
    with uow:
        mask = public.mask_setting(uow.settings)
        for e in public.export_entries(uow, start, end, as_of=as_of, court=court):
            writer.add(e)
        writer.close()
        uow.audit.add(actor, "public_list.export", "public_list", f"{start}..{end}",
                      after={"from": start.isoformat(), "to": end.isoformat(), "format": fmt,
                             "entries": writer.count, "mask": str(mask), "court": court,
                             "as_of": as_of.isoformat()},
                      legal_ground="2017 Provisions Arts. 6-7")
        uow.commit()
    return ExportResult(writer.count, str(mask))


def export_file(uow: UnitOfWork, actor: Actor, start: date, end: date, path: str | Path, *,
                fmt: str = "json", as_of: date | None = None,
                court: str | None = None) -> ExportResult:
    """Export to a file, written whole or not at all (a temporary file renamed at the end)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with tmp.open("wb") as f:
            result = export(uow, actor, start, end, f, fmt=fmt, as_of=as_of, court=court)
        paths.put_in_place(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return result


def search(uow: UnitOfWork, actor: Actor, text: str, *, as_of: date | None = None,
           before_id: int | None = None, limit: int = 50) -> list[PublicEntry]:
    """One page of published entries matching ``text``, newest first."""
    require(actor, Permission.CASE_VIEW)
    with uow:
        return public.search(uow, text, as_of=as_of or date.today(), before_id=before_id,
                             limit=limit)


def search_pages(uow: UnitOfWork, actor: Actor, text: str, *, as_of: date | None = None,
                 page: int = 200) -> Iterator[PublicEntry]:
    """Every match, page after page (the command line prints them all)."""
    before: int | None = None
    while True:
        rows = search(uow, actor, text, as_of=as_of, before_id=before, limit=page)
        yield from rows
        if len(rows) < page:
            return
        before = rows[-1].listing_id


def get_mask(uow: UnitOfWork) -> Mask:
    with uow:
        return public.mask_setting(uow.settings)


def set_mask(uow: UnitOfWork, actor: Actor, text: str) -> Mask:
    """Set how much of a natural person's ID shows in the public list, e.g. ``6,4``."""
    require(actor, Permission.SETTINGS_EDIT)
    try:
        mask = Mask.parse(text)
    except ValueError:
        _refuse(public.SETTING_ID_MASK, "public.mask",
                f"{text!r}: write FIRST,LAST with FIRST 0-{public.MAX_FIRST} and LAST "
                f"0-{public.MAX_LAST} (the birth date is always hidden)",
                f"“{text}”无效：应写作“前位数,后位数”，前位数0至{public.MAX_FIRST}，后位数0至"
                f"{public.MAX_LAST}（出生日期始终隐去）")
        raise AssertionError("unreachable") from None
    with uow:
        before = uow.settings.put(public.SETTING_ID_MASK, str(mask))
        uow.audit.add(actor, "setting.change", "setting", public.SETTING_ID_MASK,
                      before=before, after=str(mask), legal_ground="2017 Provisions Art. 6")
        uow.commit()
    return mask


__all__ = ["ALLOWED_FIELDS", "ExportResult", "FORMATS", "Mask", "PublicEntry", "export",
           "export_file", "get_mask", "search", "search_pages", "set_mask"]
