"""The monthly statistics of the list (issue 11 §1), each figure one SQL aggregate.

Definitions (``docs/statistics.md`` gives them in full, with the reasons):

- **Added** (新增): a listing whose ``published_on`` falls in the month — the day
  it went onto the public list (2017 Provisions Art. 7).  A warning still in
  its grace period, a decision awaiting service, or a listing cancelled before
  publication is not on the list and is not added.  A migrated listing counts
  by its ``published_on``; one without it was never published.
- **Removed** (移出): a listing that had been published (``published_on`` set)
  and whose ``removed_on`` falls in the month, by ``removal_reason``
  (``unspecified`` when a migrated listing gives none) and ``removal_kind``.
- **Listed at the month's end** (月末在册): published on or before the last day
  of the month and not removed on or before it.  So
  ``listed(M) = listed(M-1) + added(M) - removed(M)``.
- A listing is one respondent in one case: a person counts once per listing,
  whatever the number of its restriction items; an entity's bound officers
  (2015 Provisions Art. 3 para. 2) are counted apart (``officers_bound``).
- **Restrictions imposed**: the items of a listing on the day it is published
  (during a grace period they are withheld, 2019 Opinion item 15), and the
  items of a standalone order on the day it was signed; **lifted**: items
  whose status is ``lifted`` and whose ``until`` (the lifting day) falls in the
  month, if they had been imposed.  One item on one bound person is one count.
- **Petitions** received (``received_on``), decided (``decided_on``) and
  decided late (``decided_on`` after the stored ``due_on``), by kind.
- **Performed in grace**: the warnings (listings with a grace period, signed)
  whose grace ended in the month, and how many of them were not published
  because the respondent performed (removal kind ``cancelled``, or a
  ``performed``/``settlement_performed`` removal of a never-published listing).
- **Working days from proof of performance to deletion** (R-R7, 2017 Art. 10
  para. 1: 3 working days): for published listings removed in the month on
  ``performed`` or ``settlement_performed``, counted on the court's calendar
  (``calendar_days``/``calendar_years``; a year without data counts
  Monday–Friday) from the proof day, not counted, to the removal day.  The
  proof day is the day the granted removal petition fixed as its ground on
  record (``deletion_event_on``, R-R7; else its receipt) or the case's last
  payment, whichever is later; without a petition the last payment; else the
  recorded removal event; else the removal day.  Reported as the median.
- **Wrongful**: listings revoked (removal kind ``revoked``, Art. 9) or deleted
  on a correction application (reason ``corrected``, Arts. 11–12) in the
  month, published or not; and entries whose information was corrected
  (a granted correction application on ground (2)).
- **Cases** filed (``filed_on``) and closed: fully performed (执行完毕), on the
  day of the last payment or act recorded.

``court`` limits every figure to the cases of one court code; None: every
court in the database.

This module is the statistics' read side of the storage: its entry points
(:func:`monthly`, :func:`trend`, :func:`courts`) take an open unit of work and
run their aggregates on its session, so that the services never touch it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    bindparam,
    case,
    distinct,
    exists,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from courtapp.core.db.orm import (
    CaseRow,
    ListingRow,
    PaymentRow,
    PetitionRow,
    RestrictionOrderRow,
    RestrictionRow,
)
from courtapp.core.domain.listing import RemovalKind, RemovalReason, RestrictionItem
from courtapp.core.domain.petition import CorrectionGround, PetitionKind

if TYPE_CHECKING:
    from courtapp.core.db.uow import UnitOfWork

#: 2017 Provisions Art. 10 para. 1 (and R-R7): deletion within 3 working days of the proof.
DELETION_WORKING_DAYS = 3
GROUNDS = (1, 2, 3, 4, 5, 6)
KINDS = ("person", "entity")
PERFORMED_REASONS = (RemovalReason.PERFORMED.value, RemovalReason.SETTLEMENT_PERFORMED.value)
PERFORMED_PETITIONS = (PetitionKind.REMOVAL_PERFORMED.value, PetitionKind.REMOVAL_SETTLEMENT.value)
UNSPECIFIED = "unspecified"

_Q = TypeVar("_Q")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, ``YYYY-MM``."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        m = _MONTH.match(text.strip())
        if not m or not 1 <= int(m.group(2)) <= 12 or not 1900 <= int(m.group(1)) <= 9999:
            raise ValueError(f"{text!r} is not a month: write YYYY-MM, e.g. 2026-11")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, d: date) -> Month:
        return cls(d.year, d.month)

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return self.shift(1).first - timedelta(days=1)

    def shift(self, months: int) -> Month:
        n = self.year * 12 + self.month - 1 + months
        return Month(n // 12, n % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class DeletionDays:
    """Working days from proof of performance to deletion, for one month's deletions."""

    median: float | None
    count: int
    within_limit: int
    limit: int = DELETION_WORKING_DAYS


@dataclass(frozen=True)
class MonthlyReport:
    """Every figure of one month (for one court, or all).  ``to_json`` gives the
    object ``courtapp report monthly --json`` prints."""

    month: Month
    court: str | None
    court_name: str | None
    added: dict[str, int]
    added_by_ground: dict[int, int]
    removed: dict[str, int]
    removed_by_reason: dict[str, int]
    removed_by_kind: dict[str, int]
    listed_at_end: dict[str, int]
    officers_added: int
    officers_at_end: int
    imposed: dict[int, int]
    lifted: dict[int, int]
    petitions: dict[str, int]
    petitions_by_kind: dict[str, dict[str, int]]
    warned: int
    performed_in_grace: int
    in_grace_at_end: int
    deletion: DeletionDays
    revoked: int
    corrected: int
    information_corrected: int
    cases_filed: int
    cases_closed: int
    generated_on: date = field(default_factory=date.today)

    @property
    def performed_share(self) -> float | None:
        return round(self.performed_in_grace / self.warned, 4) if self.warned else None

    def to_json(self) -> dict[str, Any]:
        return {
            "month": str(self.month),
            "court": None if self.court is None else {"code": self.court, "name": self.court_name},
            "period": {"from": self.month.first.isoformat(), "to": self.month.last.isoformat()},
            "listings_added": dict(self.added),
            "listings_added_by_ground": {str(g): n for g, n in self.added_by_ground.items()},
            "listings_removed": dict(self.removed),
            "listings_removed_by_reason": dict(self.removed_by_reason),
            "listings_removed_by_kind": dict(self.removed_by_kind),
            "listed_at_month_end": dict(self.listed_at_end),
            "officers_bound": {"added": self.officers_added, "at_month_end": self.officers_at_end},
            "restrictions": {"imposed": {str(i): n for i, n in self.imposed.items()},
                             "lifted": {str(i): n for i, n in self.lifted.items()}},
            "petitions": dict(self.petitions),
            "petitions_by_kind": {k: dict(v) for k, v in self.petitions_by_kind.items()},
            "performed_in_grace": {"warned": self.warned, "performed": self.performed_in_grace},
            "performed_in_grace_share": self.performed_share,
            "warnings_in_grace_at_month_end": self.in_grace_at_end,
            "deletion_working_days": {"median": self.deletion.median, "count": self.deletion.count,
                                      "within_limit": self.deletion.within_limit,
                                      "limit": self.deletion.limit},
            "listings_wrongful": {"revoked": self.revoked, "corrected": self.corrected},
            "information_corrected": self.information_corrected,
            "cases": {"filed": self.cases_filed, "closed": self.cases_closed},
            "generated_on": self.generated_on.isoformat(),
        }


# ------------------------------------------------------------------ helpers
def _n(value: Any) -> int:
    return int(value or 0)


def _count_if(cond: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _scoped(q: _Q, case_id: Any, court: str | None) -> _Q:
    """Limit the select ``q`` to one court's cases (joined on ``case_id``)."""
    if court is None:
        return q
    sel: Any = q
    return cast(_Q, sel.join(CaseRow, CaseRow.id == case_id).where(CaseRow.court_code == court))


def _in(col: Any, m: Month) -> ColumnElement[bool]:
    return col.between(m.first, m.last)  # type: ignore[no-any-return]


def _by_kind(s: Session, cond: ColumnElement[bool], court: str | None) -> dict[str, int]:
    lr = ListingRow
    q = select(_count_if(lr.respondent_kind == "person"), _count_if(lr.respondent_kind == "entity")) \
        .select_from(lr).where(cond)
    person, entity = s.execute(_scoped(q, lr.case_id, court)).one()
    return {"person": _n(person), "entity": _n(entity)}


def added_cond(m: Month) -> ColumnElement[bool]:
    return _in(ListingRow.published_on, m)


def removed_cond(m: Month) -> ColumnElement[bool]:
    return and_(ListingRow.published_on.is_not(None), _in(ListingRow.removed_on, m))


def listed_cond(on: date) -> ColumnElement[bool]:
    lr = ListingRow
    return and_(lr.published_on <= on, or_(lr.removed_on.is_(None), lr.removed_on > on))


# ------------------------------------------------------------------ figures
def listings_added(s: Session, m: Month, court: str | None) -> dict[str, int]:
    return _by_kind(s, added_cond(m), court)


def listings_removed(s: Session, m: Month, court: str | None) -> dict[str, int]:
    return _by_kind(s, removed_cond(m), court)


def listed_at(s: Session, on: date, court: str | None) -> dict[str, int]:
    return _by_kind(s, listed_cond(on), court)


def added_by_ground(s: Session, m: Month, court: str | None) -> dict[int, int]:
    """A listing on several grounds counts under each of them."""
    lr = ListingRow
    padded = literal(",") + lr.grounds + literal(",")
    q = select(*[_count_if(padded.like(f"%,{g},%")) for g in GROUNDS]).where(added_cond(m))
    row = s.execute(_scoped(q, lr.case_id, court)).one()
    return {g: _n(v) for g, v in zip(GROUNDS, row, strict=True)}


def _grouped(s: Session, q: Select[Any]) -> dict[str, int]:
    return {str(k) if k is not None else UNSPECIFIED: _n(n) for k, n in s.execute(q)}


def removed_by(s: Session, m: Month, court: str | None, column: Any,
               keys: tuple[str, ...]) -> dict[str, int]:
    q = select(column, func.count()).where(removed_cond(m)).group_by(column)
    found = _grouped(s, _scoped(q, ListingRow.case_id, court))
    out = {k: found.pop(k, 0) for k in keys}
    out.update(found)
    return out


def officers_bound(s: Session, cond: ColumnElement[bool], court: str | None,
                   *, on: date | None = None) -> int:
    """Distinct (listing, officer) pairs bound by the items of the entity listings in
    ``cond``; with ``on``, only items that had not ended (been lifted) by that day."""
    lr, r = ListingRow, RestrictionRow
    # The listings first (an IN subquery): without ANALYZE statistics SQLite would
    # otherwise walk every restriction item of the database.
    entities = _scoped(select(lr.id).where(cond, lr.respondent_kind == "entity"), lr.case_id, court)
    q = select(r.listing_id, r.person).distinct() \
        .where(r.listing_id.in_(entities), r.person.is_not(None))
    if on is not None:
        q = q.where(or_(r.until.is_(None), r.until > on))
    inner = q.subquery()
    return _n(s.scalar(select(func.count()).select_from(inner)))


def restrictions_imposed(s: Session, m: Month, court: str | None) -> dict[int, int]:
    lr, r, o = ListingRow, RestrictionRow, RestrictionOrderRow
    from_listings = _scoped(select(r.item.label("item")).select_from(lr).join(r, r.listing_id == lr.id)
                            .where(added_cond(m)), lr.case_id, court)
    from_orders = _scoped(select(r.item.label("item")).select_from(o).join(r, r.order_id == o.id)
                          .where(o.status != "draft", _in(o.decided_on, m)), o.case_id, court)
    u = union_all(from_listings, from_orders).subquery()
    found = {int(i): _n(n) for i, n in s.execute(select(u.c.item, func.count()).group_by(u.c.item))}
    return {int(i): found.get(int(i), 0) for i in RestrictionItem}


def restrictions_lifted(s: Session, m: Month, court: str | None) -> dict[int, int]:
    lr, r, o = ListingRow, RestrictionRow, RestrictionOrderRow
    imposed = or_(exists().where(lr.id == r.listing_id, lr.published_on.is_not(None)),
                  exists().where(o.id == r.order_id, o.status != "draft"))
    q = select(r.item, func.count()).where(r.status == "lifted", _in(r.until, m), imposed) \
        .group_by(r.item)
    found = {int(i): _n(n) for i, n in s.execute(_scoped(q, r.case_id, court))}
    return {int(i): found.get(int(i), 0) for i in RestrictionItem}


def _petition_sums(m: Month) -> tuple[ColumnElement[int], ColumnElement[int], ColumnElement[int]]:
    p = PetitionRow
    decided = _in(p.decided_on, m)
    return (_count_if(_in(p.received_on, m)), _count_if(decided),
            _count_if(and_(decided, p.decided_on > p.due_on)))


def petitions(s: Session, m: Month, court: str | None) -> dict[str, int]:
    p = PetitionRow
    q = select(*_petition_sums(m)).where(or_(_in(p.received_on, m), _in(p.decided_on, m)))
    received, decided, late = s.execute(_scoped(q, p.case_id, court)).one()
    return {"received": _n(received), "decided": _n(decided), "late": _n(late)}


def petitions_by_kind(s: Session, m: Month, court: str | None) -> dict[str, dict[str, int]]:
    p = PetitionRow
    q = select(p.kind, *_petition_sums(m)) \
        .where(or_(_in(p.received_on, m), _in(p.decided_on, m))).group_by(p.kind)
    found = {str(k): {"received": _n(a), "decided": _n(b), "late": _n(c)}
             for k, a, b, c in s.execute(_scoped(q, p.case_id, court))}
    zero = {"received": 0, "decided": 0, "late": 0}
    return {k.value: found.get(k.value, dict(zero)) for k in PetitionKind}


def performed_cond() -> ColumnElement[bool]:
    lr = ListingRow
    return or_(lr.removal_kind == RemovalKind.CANCELLED.value,
               and_(lr.published_on.is_(None), lr.removed_on.is_not(None),
                    lr.removal_reason.in_(PERFORMED_REASONS)))


def grace(s: Session, m: Month, court: str | None) -> tuple[int, int]:
    """(warned, performed): warnings whose grace ended in the month."""
    lr = ListingRow
    q = select(func.count(), _count_if(performed_cond())) \
        .where(_in(lr.grace_until, m), lr.status != "draft")
    warned, performed = s.execute(_scoped(q, lr.case_id, court)).one()
    return _n(warned), _n(performed)


def in_grace_on(s: Session, on: date, court: str | None) -> int:
    lr = ListingRow
    q = select(func.count()).select_from(lr).where(
        lr.status != "draft", lr.decided_on <= on, lr.grace_until >= on,
        or_(lr.removed_on.is_(None), lr.removed_on > on),
        or_(lr.published_on.is_(None), lr.published_on > on))
    return _n(s.scalar(_scoped(q, lr.case_id, court)))


def wrongful(s: Session, m: Month, court: str | None) -> tuple[int, int]:
    """(revoked, corrected) in the month, published or not."""
    lr = ListingRow
    q = select(_count_if(lr.removal_kind == RemovalKind.REVOKED.value),
               _count_if(lr.removal_reason == RemovalReason.CORRECTED.value)) \
        .where(_in(lr.removed_on, m))
    revoked, corrected = s.execute(_scoped(q, lr.case_id, court)).one()
    return _n(revoked), _n(corrected)


def information_corrected(s: Session, m: Month, court: str | None) -> int:
    """Granted correction applications on Art. 11 ground (2), decided in the month.
    ``details`` is canonical JSON (sorted keys, no spaces), so the ground is a fixed text."""
    p = PetitionRow
    ground = f'%"correction_ground":"{CorrectionGround.INACCURATE.value}"%'
    q = select(func.count()).select_from(p).where(
        p.kind == PetitionKind.CORRECTION.value, p.status == "granted", _in(p.decided_on, m),
        p.details.like(ground))
    return _n(s.scalar(_scoped(q, p.case_id, court)))


def cases_filed(s: Session, m: Month, court: str | None) -> int:
    c = CaseRow
    q = select(func.count()).select_from(c).where(_in(c.filed_on, m))
    if court is not None:
        q = q.where(c.court_code == court)
    return _n(s.scalar(q))


def cases_closed(s: Session, m: Month, court: str | None) -> int:
    """Cases fully performed whose last payment or act falls in the month."""
    c, pay, later = CaseRow, PaymentRow, aliased(PaymentRow)
    q = select(func.count(distinct(pay.case_id))).select_from(pay).join(c, c.id == pay.case_id) \
        .where(_in(pay.paid_on, m), c.performed.is_(True),
               ~exists().where(later.case_id == pay.case_id, later.paid_on > pay.paid_on))
    if court is not None:
        q = q.where(c.court_code == court)
    return _n(s.scalar(q))


# ------------------------------------------------ working days, in SQL
def _sql_dialect_parts(dialect: str) -> dict[str, str]:
    """Day number (days since Monday 1900-01-01) and year of a date, per dialect."""
    if dialect == "postgresql":
        return {"dn": "(({x}) - DATE '1900-01-01')", "year": "CAST(EXTRACT(YEAR FROM {x}) AS INTEGER)"}
    return {"dn": "CAST(julianday({x}) - 2415020.5 AS INTEGER)",
            "year": "CAST(strftime('%Y', {x}) AS INTEGER)"}


def working_days_sql(dialect: str, a: str, b: str) -> str:
    """SQL for the working days after ``a`` up to and including ``b`` (``a < b``):
    Monday–Friday counted arithmetically, then the calendar's exceptions in
    known years — a make-up working day (调休) on a weekend adds one, a
    holiday on a weekday takes one away (R-D1)."""
    parts = _sql_dialect_parts(dialect)

    def dn(x: str) -> str:
        return parts["dn"].format(x=x)

    def upto(x: str) -> str:  # weekdays from 1900-01-01 to x, inclusive
        k = f"({dn(x)} + 1)"
        return f"(5 * ({k} / 7) + CASE WHEN {k} % 7 > 5 THEN 5 ELSE {k} % 7 END)"

    weekend = f"({dn('cd.day')} % 7 >= 5)"
    adjust = (
        "(SELECT COALESCE(SUM(CASE "
        f"WHEN cd.workday AND {weekend} THEN 1 "
        f"WHEN NOT cd.workday AND NOT {weekend} THEN -1 ELSE 0 END), 0) "
        f"FROM calendar_days cd WHERE cd.day > {a} AND cd.day <= {b} "
        f"AND {parts['year'].format(x='cd.day')} IN (SELECT year FROM calendar_years))")
    return f"({upto(b)} - {upto(a)} + {adjust})"


def deletion_days(s: Session, m: Month, court: str | None) -> DeletionDays:
    """The median working days from proof of performance to deletion (one statement)."""
    dialect = s.get_bind().dialect.name
    scope = "JOIN cases c ON c.id = l.case_id AND c.court_code = :court" if court else ""
    reasons = ", ".join(f"'{r}'" for r in PERFORMED_REASONS)
    kinds = ", ".join(f"'{k}'" for k in PERFORMED_PETITIONS)
    wd = working_days_sql(dialect, "d.a", "d.b")
    sql = f"""
WITH raw AS (
  SELECT l.id AS id, l.removed_on AS b, l.removal_event_on AS ev,
         (SELECT MAX(COALESCE(p.deletion_event_on, p.received_on)) FROM petitions p
           WHERE p.listing_id = l.id AND p.status = 'granted' AND p.kind IN ({kinds})) AS pet,
         (SELECT MAX(pay.paid_on) FROM payments pay WHERE pay.case_id = l.case_id) AS paid
  FROM listings l {scope}
  WHERE l.published_on IS NOT NULL AND l.removed_on BETWEEN :first AND :last
    AND l.removal_reason IN ({reasons})
), d AS (
  SELECT id, b, CASE
      WHEN pet IS NOT NULL AND (paid IS NULL OR pet >= paid) THEN pet
      WHEN paid IS NOT NULL THEN paid
      WHEN ev IS NOT NULL THEN ev
      ELSE b END AS a
  FROM raw
), w AS (
  SELECT CASE WHEN d.b <= d.a THEN 0 ELSE {wd} END AS wd FROM d
), r AS (
  SELECT wd, ROW_NUMBER() OVER (ORDER BY wd) AS rn, COUNT(*) OVER () AS cnt FROM w
)
SELECT AVG(CASE WHEN rn IN ((cnt + 1) / 2, (cnt + 2) / 2) THEN wd * 1.0 END),
       COUNT(*), COALESCE(SUM(CASE WHEN wd <= {DELETION_WORKING_DAYS} THEN 1 ELSE 0 END), 0)
FROM r"""
    params: dict[str, object] = {"first": m.first, "last": m.last}
    binds = [bindparam("first", type_=Date), bindparam("last", type_=Date)]
    if court:
        params["court"] = court
        binds.append(bindparam("court"))
    median, count, within = s.execute(text(sql).bindparams(*binds), params).one()
    return DeletionDays(None if median is None else round(float(median), 1), _n(count), _n(within))


# ------------------------------------------------------------------ the report
def _court_name(s: Session, court: str | None) -> str | None:
    if court is None:
        return None
    return s.scalar(select(CaseRow.court_name).where(CaseRow.court_code == court).limit(1))


def court_name(uow: UnitOfWork, court: str | None) -> str | None:
    """The name of the court with code ``court`` (None: no case of that court)."""
    return _court_name(uow.session, court)


def _filter_needed(s: Session, court: str | None) -> str | None:
    """``court``, or None when every case in the database is that court's (a court's own
    database): the figures are the same without joining each row to its case."""
    if court is None:
        return None
    lowest = s.scalar(select(CaseRow.court_code).order_by(CaseRow.court_code).limit(1))
    highest = s.scalar(select(CaseRow.court_code).order_by(CaseRow.court_code.desc()).limit(1))
    return None if lowest == highest == court else court


def monthly(uow: UnitOfWork, m: Month, court: str | None = None, *,
            today: date | None = None) -> MonthlyReport:
    """Every figure of month ``m``, read within the caller's open unit of work."""
    s = uow.session
    name = _court_name(s, court)
    scope, court = court, _filter_needed(s, court)
    warned, performed = grace(s, m, court)
    revoked, corrected = wrongful(s, m, court)
    reasons = tuple(r.value for r in RemovalReason)
    kinds = tuple(k.value for k in RemovalKind)
    return MonthlyReport(
        month=m, court=scope, court_name=name,
        added=listings_added(s, m, court), added_by_ground=added_by_ground(s, m, court),
        removed=listings_removed(s, m, court),
        removed_by_reason=removed_by(s, m, court, ListingRow.removal_reason, reasons),
        removed_by_kind=removed_by(s, m, court, ListingRow.removal_kind, kinds),
        listed_at_end=listed_at(s, m.last, court),
        officers_added=officers_bound(s, added_cond(m), court),
        officers_at_end=officers_bound(s, listed_cond(m.last), court, on=m.last),
        imposed=restrictions_imposed(s, m, court), lifted=restrictions_lifted(s, m, court),
        petitions=petitions(s, m, court), petitions_by_kind=petitions_by_kind(s, m, court),
        warned=warned, performed_in_grace=performed, in_grace_at_end=in_grace_on(s, m.last, court),
        deletion=deletion_days(s, m, court), revoked=revoked, corrected=corrected,
        information_corrected=information_corrected(s, m, court),
        cases_filed=cases_filed(s, m, court), cases_closed=cases_closed(s, m, court),
        generated_on=today or date.today())


@dataclass(frozen=True)
class TrendPoint:
    """One month of the 12-month trend (the charts)."""

    month: Month
    added: dict[str, int]
    removed: dict[str, int]
    listed_at_end: dict[str, int]
    warned: int
    performed_in_grace: int


def trend(uow: UnitOfWork, last: Month, court: str | None = None,
          months: int = 12) -> list[TrendPoint]:
    """The ``months`` months ending with ``last``, oldest first."""
    s = uow.session
    court = _filter_needed(s, court)
    out = []
    for k in range(months - 1, -1, -1):
        m = last.shift(-k)
        warned, performed = grace(s, m, court)
        out.append(TrendPoint(m, listings_added(s, m, court), listings_removed(s, m, court),
                              listed_at(s, m.last, court), warned, performed))
    return out


def courts(uow: UnitOfWork) -> list[tuple[str, str]]:
    """Every court in the database: (code, name), by code (the codes from the index)."""
    s = uow.session
    codes = list(s.scalars(select(CaseRow.court_code).distinct().order_by(CaseRow.court_code)))
    return [(str(c), str(_court_name(s, c) or "")) for c in codes]


__all__ = [
    "DELETION_WORKING_DAYS", "DeletionDays", "Month", "MonthlyReport", "TrendPoint", "courts",
    "monthly", "trend", "working_days_sql",
]
