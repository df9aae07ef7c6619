"""SQLAlchemy 2 tables.  These classes stay inside ``courtapp.core.db``; the
rest of the app sees the domain dataclasses (``courtapp.core.domain.model``)
and the frozen DTOs of the services.

Design notes for later issues:
- ``version`` columns carry SQLAlchemy's optimistic locking (``version_id_col``):
  a stale update raises ``StaleDataError``, which the services turn into
  :class:`~courtapp.core.domain.errors.ConflictError`.
- ``audit_log`` has ``seq``, ``prev_hash`` and ``row_hash`` so that a later
  issue can chain it with SHA-256 without a new table.
- Money is integer fen (``BigInteger``), never float.
- ``cases.respondent_names``, ``outstanding_fen``, ``performed`` are a cached
  summary for the case list, recomputed by the service on every save.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    literal_column,
    text,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy import event as sa_event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from courtapp.core.domain.roles import Role

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def enum_column(enum: type[StrEnum], length: int) -> SqlEnum:
    """A column holding ``enum``'s values as text (no native database enum type):
    the row holds exactly what the interchange format and the logs say, and a
    value outside the enum is refused before it reaches the database."""
    return SqlEnum(enum, native_enum=False, create_constraint=False, length=length,
                   values_callable=lambda e: [m.value for m in e], validate_strings=True)


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    role_rows: Mapped[list[UserRoleRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="UserRoleRow.role")
    __mapper_args__ = {"version_id_col": version}


class UserRoleRow(Base):
    """One role of one user (a user has at least one; 'at most once each' is the key)."""

    __tablename__ = "user_roles"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    role: Mapped[Role] = mapped_column(enum_column(Role, 16), primary_key=True)


class PersonRow(Base):
    """A natural person or an entity.  One record serves every case it is in."""

    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # person | entity
    name: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    officers: Mapped[list[OfficerRow]] = relationship(
        foreign_keys="OfficerRow.entity_id", cascade="all, delete-orphan",
        order_by="OfficerRow.position",
    )
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_persons_name_prefix", "name", postgresql_ops={"name": "text_pattern_ops"}),
        Index("ix_persons_id_number_pattern", "id_number",
              postgresql_ops={"id_number": "text_pattern_ops"}).ddl_if(dialect="postgresql"),
        Index("ix_persons_credit_code_pattern", "credit_code",
              postgresql_ops={"credit_code": "text_pattern_ops"}).ddl_if(dialect="postgresql"),
    )


class OfficerRow(Base):
    """An entity's officer in one of the four bound roles (2015 Art. 3 para. 2)."""

    __tablename__ = "officers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    person: Mapped[PersonRow] = relationship(foreign_keys=[person_id], lazy="joined")


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    # Indexed for the monthly statistics of one court (and the list of courts).
    court_code: Mapped[str] = mapped_column(String(10), index=True)
    type_code: Mapped[str] = mapped_column(String(4))
    sequence: Mapped[int] = mapped_column(Integer)
    court_name: Mapped[str] = mapped_column(String(100))
    filed_on: Mapped[date] = mapped_column(Date)
    judge: Mapped[str] = mapped_column(String(100))
    basis_kind: Mapped[str] = mapped_column(String(32))
    basis_issuer: Mapped[str] = mapped_column(String(100))
    basis_document_number: Mapped[str] = mapped_column(String(100))
    basis_effective_on: Mapped[date] = mapped_column(Date)
    notice_issued_on: Mapped[date | None] = mapped_column(Date)
    notice_deadline: Mapped[date | None] = mapped_column(Date)
    notice_served_on: Mapped[date | None] = mapped_column(Date)
    notice_service_method: Mapped[str | None] = mapped_column(String(32))
    # Cached summary for the case list (recomputed on every save).
    respondent_names: Mapped[str] = mapped_column(String(400), default="")
    applicant_names: Mapped[str] = mapped_column(String(400), default="")
    due_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    outstanding_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    performed: Mapped[bool] = mapped_column(Boolean, default=False)
    partly_performed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    parties: Mapped[list[CasePartyRow]] = relationship(
        cascade="all, delete-orphan", order_by="CasePartyRow.position")
    obligations: Mapped[list[ObligationRow]] = relationship(
        cascade="all, delete-orphan", order_by="ObligationRow.position")
    payments: Mapped[list[PaymentRow]] = relationship(
        cascade="all, delete-orphan", order_by="PaymentRow.position")
    property_items: Mapped[list[PropertyRow]] = relationship(
        cascade="all, delete-orphan", order_by="PropertyRow.position")
    securities: Mapped[list[SecurityRow]] = relationship(
        cascade="all, delete-orphan", order_by="SecurityRow.position")
    conduct: Mapped[list[ConductRow]] = relationship(
        cascade="all, delete-orphan", order_by="ConductRow.position")
    findings: Mapped[list[FindingRow]] = relationship(
        cascade="all, delete-orphan", order_by="FindingRow.position")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("year", "court_code", "type_code", "sequence", name="uq_cases_number_parts"),
        # The case list sorts on the server by each of its columns (issue 12 §2),
        # the id breaking ties, so that each order has an index to walk.
        Index("ix_cases_filed_on_id", "filed_on", "id"),
        Index("ix_cases_judge_id", "judge", "id"),
        Index("ix_cases_outstanding_id", "outstanding_fen", "id"),
        Index("ix_cases_respondent_names_id", "respondent_names", "id"),
        Index("ix_cases_applicant_names_id", "applicant_names", "id"),
        Index("ix_cases_deadline_id", text("coalesce(notice_deadline, '9999-12-31')"), "id"),
        Index("ix_cases_sequence", "sequence"),
        # PostgreSQL-only: LIKE-prefix search under a non-C collation (migration 0001).
        Index("ix_cases_case_number_pattern", "case_number",
              postgresql_ops={"case_number": "text_pattern_ops"}).ddl_if(dialect="postgresql"),
    )


class _Child:
    """Columns shared by every per-case list table."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class CasePartyRow(_Child, Base):
    __tablename__ = "case_parties"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    side: Mapped[str] = mapped_column(String(12))  # applicant | respondent
    # The party's public role in this case and the body to notify (2017 Art. 8 paras. 3-4).
    public_role: Mapped[str | None] = mapped_column(String(32))
    notify_body: Mapped[str] = mapped_column(String(100), default="")
    person: Mapped[PersonRow] = relationship(lazy="joined")


class ObligationRow(_Child, Base):
    __tablename__ = "obligations"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(Text)
    #: A non-monetary obligation's money equivalent fixed by the basis (R-L14).
    converted_fen: Mapped[int | None] = mapped_column(BigInteger)


class PaymentRow(_Child, Base):
    __tablename__ = "payments"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    # Indexed for the monthly statistics (cases closed: the last payment's day).
    paid_on: Mapped[date] = mapped_column(Date, index=True)
    respondent: Mapped[int] = mapped_column(Integer)  # 0-based index among respondents
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    act: Mapped[str | None] = mapped_column(Text)
    obligation: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text, default="")


class PropertyRow(_Child, Base):
    __tablename__ = "property_items"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    value_fen: Mapped[int] = mapped_column(BigInteger)
    found_on: Mapped[date] = mapped_column(Date)
    measure: Mapped[str] = mapped_column(String(16))
    respondent: Mapped[int] = mapped_column(Integer)


class SecurityRow(_Child, Base):
    __tablename__ = "securities"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    value_fen: Mapped[int] = mapped_column(BigInteger)
    respondent: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")


class ConductRow(_Child, Base):
    __tablename__ = "conduct"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    occurred_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    respondent: Mapped[int] = mapped_column(Integer)


class FindingRow(_Child, Base):
    __tablename__ = "findings"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    respondent: Mapped[int] = mapped_column(Integer)
    able_to_perform: Mapped[bool | None] = mapped_column(Boolean)
    later_in_performance_order: Mapped[bool] = mapped_column(Boolean, default=False)
    campus_loan_student: Mapped[bool] = mapped_column(Boolean, default=False)
    serious_violence: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The judge's written reason for a campus-loan exception (R-L16); "" for none.
    campus_loan_exception_reason: Mapped[str] = mapped_column(Text, default="",
                                                              server_default="")


class AuditRow(Base):
    """One change made through the service layer (RULES.md R-R6; 2017 Art. 13).

    ``seq`` orders the chain (1, 2, 3 … with no gap since migration 0014);
    ``row_hash`` is SHA-256 over the canonical JSON of the row, ``prev_hash``
    included, so that each row seals the one before it.  ``content_hash`` is
    SHA-256 over ``content_digests``: one digest per database row of the audited
    entity as it stood when the change was committed (a case with its payments
    and other lists, a listing with its restriction items …), keyed
    ``table#id``; ``courtapp audit verify`` compares them with the rows as they
    are now.  ``before``/``after`` hold canonical JSON.  Appended only through
    :class:`~courtapp.core.db.repositories.audit.AuditRepository` under the
    lock on :class:`AuditHeadRow`; on PostgreSQL a trigger refuses UPDATE and
    DELETE (migration 0014).
    """

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    legal_ground: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    content_digests: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_audit_entity", "entity_type", "entity_id"),
                      Index("ix_audit_log_username", "username"))


class AuditHeadRow(Base):
    """The head of the audit chain: one row (``id`` 1) holding the last ``seq`` and
    its ``row_hash``.  Appending locks it first, so that two desks never append
    after the same row (the chain never forks), and a deleted last audit row
    is seen by ``audit verify``."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    row_hash: Mapped[str | None] = mapped_column(String(64))


class LoginSessionRow(Base):
    """A command-line session opened by ``courtapp login``: the SHA-256 of a random
    token (the token itself is only in the user's 0600 file) and its expiry."""

    __tablename__ = "login_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SigningKeyRow(Base):
    """A desk's public signing key (issue 10 §5): who registered it, on which desk,
    and when it was valid.  A retired key still verifies what it signed before."""

    __tablename__ = "signing_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(16))
    public_key: Mapped[str] = mapped_column(Text)  # SubjectPublicKeyInfo PEM
    desk: Mapped[str] = mapped_column(String(100))
    username: Mapped[str] = mapped_column(String(100))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    retired_by: Mapped[str | None] = mapped_column(String(100))
    __table_args__ = (UniqueConstraint("fingerprint", name="uq_signing_keys_fingerprint"),)


class SettingRow(Base):
    """Court-wide settings shared by every desk (e.g. the default grace period)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


#: The case list's deadline order: cases without an execution notice come after every
#: deadline.  The same expression as the index ``ix_cases_deadline_id``, so it is used.
CASE_DEADLINE_SORT = func.coalesce(CaseRow.notice_deadline, literal_column("'9999-12-31'"))


# ------------------------------------------------------------------ listing
#: The statuses of a current listing (``repositories.listings.CURRENT``), as SQL.
LISTING_CURRENT_WHERE = "status IN ('draft', 'awaiting_publication', 'published')"
#: A restriction item still counts unless it is lifted (``RestrictionStatus``).
RESTRICTION_CURRENT_WHERE = "status <> 'lifted'"


def _one_current_item(owner: str) -> tuple[Index, Index]:
    short = owner.removesuffix("_id")
    where_self = f"{owner} IS NOT NULL AND person IS NULL AND {RESTRICTION_CURRENT_WHERE}"
    where_officer = f"{owner} IS NOT NULL AND person IS NOT NULL AND {RESTRICTION_CURRENT_WHERE}"
    return (
        Index(f"uq_restrictions_{short}_item", owner, "item", unique=True,
              sqlite_where=text(where_self), postgresql_where=text(where_self)),
        Index(f"uq_restrictions_{short}_person_item", owner, "person", "item", unique=True,
              sqlite_where=text(where_officer), postgresql_where=text(where_officer)),
    )


class ListingRow(Base):
    """A listing decision on one respondent of a case (2017 Provisions Art. 5 para. 3)."""

    __tablename__ = "listings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    respondent: Mapped[int] = mapped_column(Integer)  # 0-based index among the case's respondents
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    # The listed party's kind (person | entity), copied from its person record when
    # the listing is stored (a record's kind never changes), so that the monthly
    # statistics split persons from entities from an index alone.
    respondent_kind: Mapped[str | None] = mapped_column(String(10))
    grounds: Mapped[str] = mapped_column(String(20))  # "1,3"
    status: Mapped[str] = mapped_column(String(24), index=True)
    decided_on: Mapped[date] = mapped_column(Date)
    reasons_zh: Mapped[str] = mapped_column(Text, default="")
    reasons_en: Mapped[str] = mapped_column(Text, default="")
    prepared_by: Mapped[str] = mapped_column(String(100))
    signed_by: Mapped[str | None] = mapped_column(String(100))
    signed_by_user_id: Mapped[int | None] = mapped_column(Integer)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    served_on: Mapped[date | None] = mapped_column(Date)
    service_method: Mapped[str | None] = mapped_column(String(32))
    grace_until: Mapped[date | None] = mapped_column(Date, index=True)
    published_on: Mapped[date | None] = mapped_column(Date)
    term_years: Mapped[int | None] = mapped_column(Integer)
    extension_years: Mapped[int] = mapped_column(Integer, default=0)
    removed_on: Mapped[date | None] = mapped_column(Date)
    removal_kind: Mapped[str | None] = mapped_column(String(16))
    # Why it was removed (RemovalReason) and the day its ground was established,
    # from which the removal is due in 3 working days (R-R1, R-R4; the due date
    # itself is computed on the calendar when read, so it firms up once an
    # administrator enters a missing year).  A fixed-term listing counts from
    # its term end instead (R-R2).
    removal_reason: Mapped[str | None] = mapped_column(String(24))
    removal_event_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    restrictions: Mapped[list[RestrictionRow]] = relationship(
        cascade="all, delete-orphan", order_by="RestrictionRow.position")
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # The monthly statistics read added (published_on), removed (removed_on) and
        # listed at the month's end from these two indexes alone (docs/statistics.md).
        Index("ix_listings_published_removed", "published_on", "removed_on", "respondent_kind"),
        Index("ix_listings_removed_published", "removed_on", "published_on", "respondent_kind"),
        # At most one current listing per respondent and case (2017 Art. 5; issue 10 §1):
        # the service checks first, this index decides a race (migration 0013).
        Index("uq_listings_current", "case_id", "respondent", unique=True,
              sqlite_where=text(LISTING_CURRENT_WHERE),
              postgresql_where=text(LISTING_CURRENT_WHERE)),
    )


def _copy_respondent_kind(_mapper: object, connection: Any, target: ListingRow) -> None:
    if target.respondent_kind is None:
        from sqlalchemy import select

        target.respondent_kind = connection.scalar(
            select(PersonRow.kind).where(PersonRow.id == target.person_id))


sa_event.listen(ListingRow, "before_insert", _copy_respondent_kind)


class RestrictionRow(Base):
    """One item of a consumption restriction order on one bound person (2015 Arts. 3, 5)."""

    __tablename__ = "restrictions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Exactly one of: the listing whose mandatory restriction this is, or a
    # standalone (discretionary) restriction order.
    listing_id: Mapped[int | None] = mapped_column(
        ForeignKey("listings.id", ondelete="CASCADE"))
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("restriction_orders.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    respondent: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    person: Mapped[int | None] = mapped_column(Integer)  # None: the respondent; else officer index
    item: Mapped[int] = mapped_column(Integer)  # 1-9, 2015 Art. 3
    start: Mapped[date] = mapped_column(Date)
    # The lifting date once lifted; indexed for the monthly statistics.
    until: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # A listing's items; with the bound person and the end day it also answers
        # "which officers are bound at the month's end" from the index alone.
        Index("ix_restrictions_listing_person_until", "listing_id", "person", "until"),
        # At most one current (not lifted) restriction per bound person and item in
        # a listing or an order (2015 Arts. 3, 5).  ``person`` is NULL for the
        # respondent, and NULLs never collide in a unique index: hence two each.
        *_one_current_item("listing_id"),
        *_one_current_item("order_id"),
    )


class RespondentEventRow(Base):
    """A transition of a respondent's enforcement status: who, when, which article, why."""

    __tablename__ = "respondent_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    respondent: Mapped[int] = mapped_column(Integer)
    from_state: Mapped[str] = mapped_column(String(32))
    to_state: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    effective_on: Mapped[date] = mapped_column(Date)
    username: Mapped[str] = mapped_column(String(100))
    article: Mapped[str] = mapped_column(String(200))
    #: A code of courtapp.core.domain.messages and its parameters (canonical JSON).
    reason: Mapped[str] = mapped_column(Text, default="")
    reason_params: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class RestrictionOrderRow(Base):
    """A standalone consumption restriction order (2015 Provisions Arts. 1, 2, 4, 5)."""

    __tablename__ = "restriction_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    respondent: Mapped[int] = mapped_column(Integer)
    initiation: Mapped[str] = mapped_column(String(32))
    application_received_on: Mapped[date | None] = mapped_column(Date)
    factors: Mapped[str] = mapped_column(String(200))  # comma-separated Factor values
    reasons: Mapped[str] = mapped_column(Text)
    # Indexed for the monthly statistics (an order's items are imposed when it is signed).
    decided_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    prepared_by: Mapped[str] = mapped_column(String(100))
    signed_by: Mapped[str | None] = mapped_column(String(100))
    signed_by_user_id: Mapped[int | None] = mapped_column(Integer)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    served_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    restrictions: Mapped[list[RestrictionRow]] = relationship(
        cascade="all, delete-orphan", order_by="RestrictionRow.position",
        foreign_keys="RestrictionRow.order_id")
    __mapper_args__ = {"version_id_col": version}


class ListingApplicationRow(Base):
    """A creditor's written application to list a respondent (2017 Art. 5 para. 2):
    decided within 15 days of receipt (R-L6)."""

    __tablename__ = "listing_applications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    respondent: Mapped[int] = mapped_column(Integer)
    applicant: Mapped[int] = mapped_column(Integer)  # 0-based index among applicants
    received_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    grounds_claimed: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending | granted | rejected
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decision_reasons: Mapped[str] = mapped_column(Text, default="")
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"))
    recorded_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class DispatchRow(Base):
    """One notification to one recipient (2017 Arts. 7-8); open until acknowledged.

    The propagation ledger (services.dispatch): every publication, removal,
    correction, lifting and temporary permission; ``order_id`` for a standalone
    restriction order, ``petition_id`` for the petition whose decision caused it.
    """

    __tablename__ = "dispatch_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"), index=True)
    event: Mapped[str] = mapped_column(String(32))  # publication | removal | lifting | permission
    recipient: Mapped[str] = mapped_column(String(32))
    recipient_name: Mapped[str] = mapped_column(String(200))
    article: Mapped[str] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON of what is sent
    created_on: Mapped[date] = mapped_column(Date)
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    acknowledged_by: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), index=True)  # open | acknowledged
    order_id: Mapped[int | None] = mapped_column(Integer, index=True)
    petition_id: Mapped[int | None] = mapped_column(Integer, index=True)


# ----------------------------------------------------------------- petitions
class PetitionRow(Base):
    """A petition filed at the counter (issue 5 §1): removal, correction, lifting,
    permission.  ``details`` and ``decision_details`` hold canonical JSON."""

    __tablename__ = "petitions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)  # (2026)京0105执1234号-申1
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending | granted | rejected
    respondent: Mapped[int] = mapped_column(Integer)  # the respondent it concerns
    petitioner_role: Mapped[str] = mapped_column(String(12))  # respondent | applicant | officer
    petitioner_index: Mapped[int] = mapped_column(Integer)  # into applicants or respondents
    officer: Mapped[int | None] = mapped_column(Integer)  # officer index of an officer petitioner
    petitioner_name: Mapped[str] = mapped_column(String(100))
    petitioner_identifier: Mapped[str] = mapped_column(String(18))
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("restriction_orders.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    # The period to decide, frozen at intake; the due date is computed on the calendar.
    sla_days: Mapped[int] = mapped_column(Integer)
    sla_unit: Mapped[str] = mapped_column(String(10))  # working | calendar
    # The last day to decide, persisted when it is fixed (at intake, and again at
    # the decision, on the calendar as it then stands) so that the monthly
    # statistics count late decisions in SQL (docs/statistics.md).
    # ``due_provisional``: a year it touched had no calendar data (R-D1).
    # Nullable in the schema only (migration 0012 adds it to existing tables); the
    # services always set it.
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    details: Mapped[str] = mapped_column(Text)
    # What the petitioner asks and why, in their words (a field, not an evidence file).
    statement: Mapped[str] = mapped_column(Text, default="", server_default="")
    filed_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    receipt_number: Mapped[str | None] = mapped_column(String(80))
    decided_on: Mapped[date | None] = mapped_column(Date, index=True)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decision_reasons: Mapped[str] = mapped_column(Text, default="")
    decision_details: Mapped[str] = mapped_column(Text, default="{}")
    document_number: Mapped[str | None] = mapped_column(String(80))
    document_error: Mapped[str | None] = mapped_column(Text)
    decision_served_on: Mapped[date | None] = mapped_column(Date)
    reconsideration_filed_on: Mapped[date | None] = mapped_column(Date)
    reconsideration_outcome: Mapped[str | None] = mapped_column(String(16))
    reconsideration_decided_on: Mapped[date | None] = mapped_column(Date)
    # A temporary permission's items were imposed again after its period (daily run).
    permission_ended_on: Mapped[date | None] = mapped_column(Date)
    # R-R7: a removal's 3 working days count from the day the court had its ground
    # on record (fixed at the decision); a grant after them is a late deletion.
    deletion_event_on: Mapped[date | None] = mapped_column(Date)
    deletion_late: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    version: Mapped[int] = mapped_column(Integer, default=1)
    evidence: Mapped[list[PetitionEvidenceRow]] = relationship(
        cascade="all, delete-orphan", order_by="PetitionEvidenceRow.position")
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("case_id", "sequence", name="uq_petitions_case_sequence"),
    )


class PetitionEvidenceRow(Base):
    """One evidence file attached at the counter, with its SHA-256 (never changed)."""

    __tablename__ = "petition_evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


# ---------------------------------------------------------------- documents
class IssuedDocumentRow(Base):
    """One issued court document (issue 4 §3): never edited, never deleted.

    ``fields`` is the canonical JSON of the Document's content fields (what the
    QR hash covers); ``pdf`` the exact bytes handed out, so a reprint is
    identical whatever later happens to the templates.  A correction is a new
    row with ``supersedes`` = the old number; the old row only gains
    ``superseded_by`` (the one column that may change, enforced in
    ``courtapp.core.services.documents``).
    """

    __tablename__ = "issued_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)  # n in 之n, per case
    respondent: Mapped[int | None] = mapped_column(Integer)
    respondent_name: Mapped[str] = mapped_column(String(100), default="")
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("restriction_orders.id"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    signer: Mapped[str] = mapped_column(String(100))
    signer_title: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    issued_by: Mapped[str] = mapped_column(String(100))
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    request: Mapped[str] = mapped_column(Text)  # canonical JSON: what was asked (for a correction)
    fields: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    qr_text: Mapped[str] = mapped_column(Text)
    key_fingerprint: Mapped[str] = mapped_column(String(16))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    supersedes: Mapped[str | None] = mapped_column(String(80))
    superseded_by: Mapped[str | None] = mapped_column(String(80))
    __table_args__ = (
        UniqueConstraint("case_id", "sequence", name="uq_issued_documents_case_sequence"),
    )


class IssuedDocumentImmutable(Exception):
    """An attempt to change or delete an issued document (only ``superseded_by`` may be set, once)."""


def _refuse_document_edit(_mapper: object, _conn: object, target: IssuedDocumentRow) -> None:
    from sqlalchemy import inspect

    state = inspect(target)
    changed = {a.key for a in state.attrs if a.history.has_changes()}
    if changed - {"superseded_by"}:
        raise IssuedDocumentImmutable(
            f"issued document {target.number} cannot be edited ({', '.join(sorted(changed))}); "
            "issue a correction that supersedes it")
    if state.attrs.superseded_by.history.deleted not in ((), [None], (None,)):
        raise IssuedDocumentImmutable(f"issued document {target.number} is already superseded")


def _refuse_document_delete(_mapper: object, _conn: object, target: IssuedDocumentRow) -> None:
    raise IssuedDocumentImmutable(f"issued document {target.number} cannot be deleted")


sa_event.listen(IssuedDocumentRow, "before_update", _refuse_document_edit)
sa_event.listen(IssuedDocumentRow, "before_delete", _refuse_document_delete)


# ------------------------------------------------------------------ calendar
class CalendarYearRow(Base):
    """A year whose holiday schedule is known (RULES.md R-D1)."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(100))  # "chinesecalendar 1.11.0" or who entered it
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(100))


class CalendarDayRow(Base):
    """An exception to Monday-Friday: a holiday (rest) or a make-up working day (调休)."""

    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(50), default="")
