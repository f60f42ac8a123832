"""The store's tables as SQLAlchemy 2 typed models: one schema for SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    Uuid,
    func,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, declared_attr, mapped_column

from forensics_gui.core.ids import new_id
from forensics_gui.storage.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


class Tracked:
    """Identity, who made and last changed a row, and the version counter for conflicts."""

    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def _sort_key(length: int) -> Any:
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def _text(length: int | None = None) -> Any:
    return mapped_column(String(length) if length else Text, nullable=False, default="")


def withdrawn_index(table: str) -> Index:
    """The ids of a table's withdrawn rows, and only those: listings leave them out with
    `id NOT IN (...)`, which keeps their scans on the sort indexes (no row is read to learn
    whether it was withdrawn), and the index costs nothing while nothing is withdrawn."""
    where = text("withdrawn_at IS NOT NULL")
    return Index(f"ix_{table}_withdrawn", "id", sqlite_where=where, postgresql_where=where)


# The conditions of the partial indexes the analytics count through (written as literals in
# the queries too: a database uses a partial index only for a query that states its condition).
FINDING_NOT_PART = "identification <> 'part'"
UNDATED_CODE = "produced_from IS NULL AND date_code <> ''"


def withdrawn_ids(model: Any) -> Any:
    """The ids of a withdrawable table's withdrawn rows (read from `withdrawn_index`)."""
    return select(model.id).where(model.withdrawn_at.is_not(None)).scalar_subquery()


class HandlingMarkingRow(Tracked, Base):
    __tablename__ = "handling_marking"
    name: Mapped[str] = mapped_column(String(60), unique=True)
    rank: Mapped[int] = mapped_column(Integer, unique=True)
    description: Mapped[str] = _text()


class WeaponSystemTypeRow(Tracked, Base):
    __tablename__ = "weapon_system_type"
    name: Mapped[str] = mapped_column(String(200), unique=True)
    aliases: Mapped[list[str]] = mapped_column(default=list)
    category: Mapped[str] = _text(200)
    origin_country: Mapped[str] = _text(2)
    producer: Mapped[str] = _text()
    notes: Mapped[str] = _text()


class OrganizationRow(Tracked, Base):
    __tablename__ = "organization"
    name: Mapped[str] = mapped_column(String(300), index=True)
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    roles: Mapped[list[str]] = mapped_column(default=list)
    country: Mapped[str] = _text(2)
    aliases: Mapped[list[str]] = mapped_column(default=list)
    former_names: Mapped[list[str]] = mapped_column(default=list)
    successor_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True)
    identifiers: Mapped[list[str]] = mapped_column(default=list)
    addresses: Mapped[list[str]] = mapped_column(default=list)
    website: Mapped[str] = _text(500)
    notes: Mapped[str] = _text()


class SourceRow(Tracked, Base):
    __tablename__ = "source"
    __table_args__ = (
        CheckConstraint("reliability IN ('A','B','C','D','E','F')", name="reliability"),
        CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility"),
    )
    title: Mapped[str] = mapped_column(String(500), index=True)
    kind: Mapped[str] = _text(40)
    publisher: Mapped[str] = _text(200)
    published_on: Mapped[date | None] = mapped_column(Date)
    reference: Mapped[str] = _text()
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    credibility: Mapped[int] = mapped_column(Integer, default=6)
    notes: Mapped[str] = _text()


class RecoveredItemRow(Tracked, Base):
    __tablename__ = "recovered_item"
    __table_args__ = (withdrawn_index("recovered_item"),)
    system_type_id: Mapped[UUID] = mapped_column(
        ForeignKey("weapon_system_type.id", ondelete="RESTRICT"), index=True)
    case_reference: Mapped[str] = mapped_column(String(100), unique=True)
    serial_number: Mapped[str] = _text(200)
    production_markings: Mapped[str] = _text()
    recovered_on: Mapped[date | None] = mapped_column(Date, index=True)
    recovery_place: Mapped[str] = _text()
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    circumstances: Mapped[str] = _text()
    condition: Mapped[str] = _text()
    recovering_unit: Mapped[str] = _text(200)
    handling_marking: Mapped[str] = mapped_column(
        ForeignKey("handling_marking.name", ondelete="RESTRICT", onupdate="CASCADE"))
    notes: Mapped[str] = _text()
    # Evidence is withdrawn with a reason, never deleted by ordinary use (the database refuses
    # deletes outside an administrator's purge; see migration 0006). Written out in each of
    # the three tables: a declarative mixin costs the command line a tenth of its start.
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by: Mapped[str] = _text(200)
    withdrawal_reason: Mapped[str] = _text()


class CustodyEventRow(Base):
    """Append-only: the database refuses updates (see the migration's triggers). A mistake
    is put right by a later event that names the one it corrects or withdraws."""

    __tablename__ = "custody_event"
    __table_args__ = (
        CheckConstraint("action IN ('transfer','correction','withdrawal')", name="action"),
        CheckConstraint("(action = 'transfer') = (corrects_id IS NULL)", name="corrects"),
    )
    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    item_id: Mapped[UUID] = mapped_column(
        ForeignKey("recovered_item.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20), default="transfer")
    corrects_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("custody_event.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = _text()
    occurred_at: Mapped[datetime]
    released_by: Mapped[str] = mapped_column(String(200))
    received_by: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = _text()
    purpose: Mapped[str] = _text()
    notes: Mapped[str] = _text()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class PartRow(Tracked, Base):
    __tablename__ = "part"
    __table_args__ = (
        Index("uq_part_manufacturer_key", "manufacturer_id", "search_key", unique=True),
        # The figures count findings per part from the part's side (see analytics_query).
        Index("ix_part_facts", "id", "chpl_tier", "hs_code", "category", "function"),
    )
    part_number: Mapped[str] = mapped_column(String(200))
    manufacturer_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True)
    search_key: Mapped[str] = mapped_column(String(200), index=True)
    confusable_key: Mapped[str] = mapped_column(String(200), index=True)
    function: Mapped[str] = _text(200)
    category: Mapped[str] = _text(200)
    hs_code: Mapped[str] = _text(10)
    chpl_tier: Mapped[str] = _text(3)
    eccn: Mapped[str] = _text(20)
    description: Mapped[str] = _text()
    notes: Mapped[str] = _text()


finding_source = Table(
    "finding_source", Base.metadata,
    Column("finding_id", ForeignKey("component_finding.id", ondelete="CASCADE"), primary_key=True),
    Column("source_id", ForeignKey("source.id", ondelete="RESTRICT"), primary_key=True,
           index=True),
)

link_source = Table(
    "link_source", Base.metadata,
    Column("link_id", ForeignKey("supply_link.id", ondelete="CASCADE"), primary_key=True),
    Column("source_id", ForeignKey("source.id", ondelete="RESTRICT"), primary_key=True,
           index=True),
)


class ComponentFindingRow(Tracked, Base):
    __tablename__ = "component_finding"
    __table_args__ = (
        CheckConstraint("quantity >= 1", name="quantity"),
        CheckConstraint("identification <> 'part' OR part_id IS NOT NULL", name="identified"),
        Index("ix_finding_sort_part", "sort_part", "id"),
        Index("ix_finding_sort_maker", "sort_maker", "id"),
        Index("ix_finding_sort_produced", "sort_produced", "id"),
        Index("ix_finding_item_sort_part", "item_id", "sort_part", "id"),
        withdrawn_index("component_finding"),
        # The analytics figures count through these (migration 0007; see analytics_query).
        Index("ix_finding_maker_part_item", "manufacturer_id", "part_id", "item_id"),
        Index("ix_finding_item_produced", "item_id", "sort_produced"),
        Index("ix_finding_not_part", "identification", sqlite_where=text(FINDING_NOT_PART),
              postgresql_where=text(FINDING_NOT_PART)),
        Index("ix_finding_undated_code", "date_code_note", sqlite_where=text(UNDATED_CODE),
              postgresql_where=text(UNDATED_CODE)),
    )
    item_id: Mapped[UUID] = mapped_column(ForeignKey("recovered_item.id", ondelete="CASCADE"))
    identification: Mapped[str] = mapped_column(String(20), default="unidentified")
    part_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("part.id", ondelete="RESTRICT"), index=True)
    # Indexed by ix_finding_maker_part_item, which starts with it.
    manufacturer_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"))
    function: Mapped[str] = _text(200)
    marking: Mapped[str] = _text()
    date_code: Mapped[str] = _text(40)
    lot_code: Mapped[str] = _text(60)
    produced_from: Mapped[date | None] = mapped_column(Date)
    produced_to: Mapped[date | None] = mapped_column(Date)
    date_code_format: Mapped[str] = _text(40)
    date_code_note: Mapped[str] = _text()
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    location: Mapped[str] = _text(500)
    confidence: Mapped[str] = mapped_column(String(20), default="medium")
    notes: Mapped[str] = _text()
    # Sort keys kept by the services so that large listings page through an index.
    # Byte order ("C" collation on PostgreSQL) so that '~' (unknown) sorts after every key
    # whatever the database's language collation.
    sort_part: Mapped[str] = mapped_column(_sort_key(200), default="~")
    sort_maker: Mapped[str] = mapped_column(_sort_key(300), default="~")
    sort_produced: Mapped[str] = mapped_column(_sort_key(10), default="~")
    # Evidence is withdrawn with a reason, never deleted by ordinary use (the database refuses
    # deletes outside an administrator's purge; see migration 0006). Written out in each of
    # the three tables: a declarative mixin costs the command line a tenth of its start.
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by: Mapped[str] = _text(200)
    withdrawal_reason: Mapped[str] = _text()


class SanctionsDesignationRow(Tracked, Base):
    __tablename__ = "sanctions_designation"
    organization_id: Mapped[UUID] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    authority: Mapped[str] = mapped_column(String(20))
    programme: Mapped[str] = _text(200)
    listed_on: Mapped[date | None] = mapped_column(Date)
    delisted_on: Mapped[date | None] = mapped_column(Date)
    reference: Mapped[str] = _text(500)
    source_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("source.id", ondelete="RESTRICT"), index=True)
    notes: Mapped[str] = _text()


class SupplyLinkRow(Tracked, Base):
    __tablename__ = "supply_link"
    __table_args__ = (
        CheckConstraint("status IN ('documented','probable','hypothesis')", name="status"),
    )
    seller_id: Mapped[UUID] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True)
    buyer_id: Mapped[UUID] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True)
    part_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("part.id", ondelete="RESTRICT"), index=True)
    finding_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("component_finding.id", ondelete="SET NULL"), index=True)
    shipped_on: Mapped[date | None] = mapped_column(Date)
    quantity: Mapped[int | None]
    value: Mapped[Decimal | None] = mapped_column(Numeric(18, 2, asdecimal=True))
    currency: Mapped[str] = _text(3)
    declared_hs_code: Mapped[str] = _text(10)
    declared_description: Mapped[str] = _text()
    status: Mapped[str] = mapped_column(String(20), default="hypothesis")
    notes: Mapped[str] = _text()


class PhotoBlobRow(Base):
    """An original picture, byte for byte, named by its SHA-256; never changed (triggers)."""

    __tablename__ = "photo_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    byte_size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class PhotoDerivativeRow(Base):
    """A thumbnail or display copy made from an original, cached in the store."""

    __tablename__ = "photo_derivative"
    sha256: Mapped[str] = mapped_column(
        ForeignKey("photo_blob.sha256", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(100))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class PhotoRow(Tracked, Base):
    __tablename__ = "photo"
    __table_args__ = (withdrawn_index("photo"),)
    sha256: Mapped[str] = mapped_column(
        ForeignKey("photo_blob.sha256", ondelete="RESTRICT"), index=True)
    file_name: Mapped[str] = _text(500)
    item_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("recovered_item.id", ondelete="CASCADE"), index=True)
    finding_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("component_finding.id", ondelete="CASCADE"), index=True)
    caption: Mapped[str] = _text()
    media_type: Mapped[str] = _text(100)
    byte_size: Mapped[int | None]
    width: Mapped[int | None]
    height: Mapped[int | None]
    taken_at: Mapped[datetime | None]
    notes: Mapped[str] = _text()
    orientation: Mapped[int] = mapped_column(Integer, default=1)
    camera_make: Mapped[str] = _text(200)
    camera_model: Mapped[str] = _text(200)
    lens: Mapped[str] = _text(200)
    gps_latitude: Mapped[float | None]
    gps_longitude: Mapped[float | None]
    gps_altitude: Mapped[float | None]
    exif: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Evidence is withdrawn with a reason, never deleted by ordinary use (the database refuses
    # deletes outside an administrator's purge; see migration 0006). Written out in each of
    # the three tables: a declarative mixin costs the command line a tenth of its start.
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by: Mapped[str] = _text(200)
    withdrawal_reason: Mapped[str] = _text()


class PhotoAnnotationRow(Tracked, Base):
    """A rectangle on a photo, in fractions of the upright picture, naming a finding."""

    __tablename__ = "photo_annotation"
    __table_args__ = (
        CheckConstraint("x >= 0 AND y >= 0 AND width > 0 AND height > 0 AND x + width <= 1.0001 "
                        "AND y + height <= 1.0001", name="inside"),
    )
    photo_id: Mapped[UUID] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), index=True)
    finding_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("component_finding.id", ondelete="SET NULL"), index=True)
    label: Mapped[str] = _text(200)
    x: Mapped[float]
    y: Mapped[float]
    width: Mapped[float]
    height: Mapped[float]
    notes: Mapped[str] = _text()


class CompanyAliasRow(Tracked, Base):
    """A name a company is also known by, or was known by before a rename or takeover."""

    __tablename__ = "company_alias"
    __table_args__ = (Index("uq_company_alias_name_key", "name_key", "current_key", unique=True),)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    current_name: Mapped[str] = mapped_column(String(300))
    current_key: Mapped[str] = mapped_column(String(300), index=True)
    relation: Mapped[str] = mapped_column(String(20), default="alias")
    year: Mapped[int | None]
    notes: Mapped[str] = _text()


class SavedSearchRow(Tracked, Base):
    __tablename__ = "saved_search"
    name: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = _text(300)
    filters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    notes: Mapped[str] = _text()


class TransshipmentHubRow(Tracked, Base):
    __tablename__ = "transshipment_hub"
    country: Mapped[str] = mapped_column(String(2), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = _text()


class SanctionsListRow(Tracked, Base):
    """One imported version of an official list; its entries hang off it."""

    __tablename__ = "sanctions_list"
    __table_args__ = (
        CheckConstraint("format IN ('ofac-sdn','csl','ftm')", name="format"),
    )
    name: Mapped[str] = mapped_column(String(200), index=True)
    format: Mapped[str] = mapped_column(String(20))
    list_version: Mapped[str] = _text(100)
    published_on: Mapped[date | None] = mapped_column(Date)
    file_name: Mapped[str] = _text(500)
    sha256: Mapped[str] = _text(64)
    entry_count: Mapped[int | None]
    source_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("source.id", ondelete="RESTRICT"), index=True)
    notes: Mapped[str] = _text()
    # Set when every organization has been screened against this version: an import cut
    # short after its entries were stored leaves it empty, and the next screening catches up.
    screened_at: Mapped[datetime | None]


class SanctionsEntryRow(Base):
    """An entry of an imported list as published; written once by the import, never edited."""

    __tablename__ = "sanctions_entry"
    __table_args__ = (Index("ix_sanctions_entry_list_ref", "list_id", "ref"),)
    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    list_id: Mapped[UUID] = mapped_column(ForeignKey("sanctions_list.id", ondelete="CASCADE"))
    ref: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(500))
    entity_type: Mapped[str] = _text(40)
    names: Mapped[list[str]] = mapped_column(default=list)
    identifiers: Mapped[list[str]] = mapped_column(default=list)
    countries: Mapped[list[str]] = mapped_column(default=list)
    programmes: Mapped[list[str]] = mapped_column(default=list)
    authority: Mapped[str] = _text(20)
    listed_on: Mapped[date | None] = mapped_column(Date)
    addresses: Mapped[list[str]] = mapped_column(default=list)
    remarks: Mapped[str] = _text()


class ScreeningMatchRow(Tracked, Base):
    """An organization that may be a list entry, and the analyst's decision about it.

    Keyed by the list's name and the entry's own reference, so that a decision outlives the
    list version it was made on.
    """

    __tablename__ = "screening_match"
    __table_args__ = (
        Index("uq_screening_match_org_entry", "organization_id", "list_name", "entry_ref",
              unique=True),
        CheckConstraint("state IN ('candidate','confirmed','rejected')", name="state"),
    )
    organization_id: Mapped[UUID] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    list_name: Mapped[str] = mapped_column(String(200))
    entry_ref: Mapped[str] = mapped_column(String(100))
    entry_name: Mapped[str] = _text(500)
    list_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("sanctions_list.id", ondelete="SET NULL"), index=True)
    score: Mapped[int | None]
    matched_on: Mapped[str] = _text(500)
    state: Mapped[str] = mapped_column(String(20), default="candidate")
    change: Mapped[str] = mapped_column(String(20), default="new")
    designation_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("sanctions_designation.id", ondelete="SET NULL"), index=True)
    notes: Mapped[str] = _text()


class IdentificationRuleRow(Tracked, Base):
    """An analyst's rule: part numbers whose search key starts with the pattern carry the
    maker's name. (The rules shipped with the program are read from its data, not stored.)"""

    __tablename__ = "identification_rule"
    __table_args__ = (
        Index("uq_identification_rule_pattern_maker", "pattern", "maker", unique=True),
        CheckConstraint("confidence IN ('high','medium','low')", name="confidence"),
    )
    pattern: Mapped[str] = mapped_column(String(300))
    maker: Mapped[str] = mapped_column(String(300))
    now_part_of: Mapped[str] = _text(300)
    family: Mapped[str] = _text(200)
    category: Mapped[str] = _text(200)
    hs_code: Mapped[str] = _text(10)
    confidence: Mapped[str] = mapped_column(String(20), default="medium")
    source_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("source.id", ondelete="RESTRICT"), index=True)
    notes: Mapped[str] = _text()


class TemplateModuleRow(Tracked, Base):
    """A usual module of a weapon system type; the system's modules, in order, are the
    checklist a teardown starts from. They go with their system type."""

    __tablename__ = "template_module"
    # Also the index of a system's modules (it starts with the system type).
    __table_args__ = (
        Index("uq_template_module_system_name", "system_type_id", "name", unique=True),
    )
    system_type_id: Mapped[UUID] = mapped_column(
        ForeignKey("weapon_system_type.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int | None]
    function: Mapped[str] = _text(200)
    expected: Mapped[list[str]] = mapped_column(default=list)
    source_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("source.id", ondelete="RESTRICT"), index=True)
    notes: Mapped[str] = _text()


class SearchTermRow(Base):
    """One searchable text of a record, kept by the repository on every write.

    The integer key gives SQLite's full-text tables a row id that never changes; deletes of the
    records themselves (cascades included) remove their terms through triggers.
    """

    __tablename__ = "search_term"
    __table_args__ = (Index("ix_search_term_kind_key", "kind", "key"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(12))
    record_id: Mapped[UUID] = mapped_column(Uuid, index=True)
    field: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(_sort_key(500))
    ckey: Mapped[str] = mapped_column(_sort_key(500))


class LoginClearanceRow(Base):
    """A login of a shared PostgreSQL store: its group and the highest handling marking it
    may read (storage/access.py; written only through the functions that manage logins)."""

    __tablename__ = "login_clearance"
    login: Mapped[str] = mapped_column(String(63), primary_key=True)
    grp: Mapped[str] = mapped_column(String(20))
    marking: Mapped[str] = mapped_column(
        ForeignKey("handling_marking.name", ondelete="RESTRICT", onupdate="CASCADE"))
    can_log_in: Mapped[bool] = mapped_column(default=True)
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class PurgePermitRow(Base):
    """Present only inside an administrator's purge transaction: the database refuses to
    delete evidence rows while this table is empty (see migration 0006)."""

    __tablename__ = "purge_permit"
    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    actor: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)


class AuditEventRow(Base):
    """Append-only: the database refuses updates and deletes (see the migration's triggers)."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_record", "record_kind", "record_id", "occurred_at"),)
    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[UUID | None] = mapped_column(Uuid)
    old_values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    new_values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The hash chain (storage/audit_chain.py): number, the previous event's seal, the seal.
    seq: Mapped[int | None] = mapped_column(BigInteger, index=True, unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditChainHeadRow(Base):
    """The newest audit event's number and seal (one row)."""

    __tablename__ = "audit_chain_head"
    __table_args__ = (CheckConstraint("singleton = 1", name="singleton"),)
    singleton: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class StoreIdentityRow(Base):
    """Who this store is in field exchange: one row, made with the store (or by migration
    0009), naming the store by a UUID and the device by a name people recognise."""

    __tablename__ = "store_identity"
    __table_args__ = (CheckConstraint("singleton = 1", name="singleton"),)
    singleton: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    store_id: Mapped[UUID] = mapped_column(Uuid, unique=True)
    device_name: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExchangePackageRow(Base):
    """A case package this store wrote (`sent`) or took in (`received`); a received one keeps
    the receipt it produced, so that the same package imported again gets the same one."""

    __tablename__ = "exchange_package"
    __table_args__ = (
        CheckConstraint("direction IN ('sent','received')", name="direction"),
        Index("ix_exchange_package_direction", "direction", "recorded_at"),
    )
    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))
    peer_store_id: Mapped[UUID | None] = mapped_column(Uuid)
    peer_device: Mapped[str] = _text(200)
    schema_revision: Mapped[str] = mapped_column(String(20))
    format_version: Mapped[int] = mapped_column(Integer)
    made_at: Mapped[datetime]
    made_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(200))
    record_count: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = _text(500)
    outcomes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    receipt: Mapped[dict[str, Any]] = mapped_column(default=dict)
    receipt_at: Mapped[datetime | None]


class ExchangeSentRecordRow(Base):
    """One record version a sent package carried: what its receipt must name."""

    __tablename__ = "exchange_sent_record"
    package_id: Mapped[UUID] = mapped_column(
        ForeignKey("exchange_package.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))


class ExchangeDeliveredRow(Base):
    """The newest version of a record that a receipt confirmed the receiving store holds."""

    __tablename__ = "exchange_delivered"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[UUID] = mapped_column(Uuid)
    delivered_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExchangeReceivedRow(Base):
    """What this store last took in of a sender's record: the sender's version and content
    hash, and the hash of this store's record just after (the common ancestor of the next
    merge). `local_id` is this store's record (another id when matched by name)."""

    __tablename__ = "exchange_received"
    __table_args__ = (Index("ix_exchange_received_local", "kind", "local_id"),)
    sender_store_id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    local_id: Mapped[UUID] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    local_sha256: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[UUID] = mapped_column(Uuid)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExchangeConflictRow(Base):
    """A record changed both here and on a sending device: the store's record stayed as it
    was, and this row keeps the sender's whole version until a person decides. Resolved
    conflicts stay, with who decided, when, which version was kept and why."""

    __tablename__ = "exchange_conflict"
    __table_args__ = (
        CheckConstraint("state IN ('open','resolved','superseded')", name="state"),
        CheckConstraint("kept IN ('','ours','theirs')", name="kept"),
        Index("ix_exchange_conflict_state", "state", "received_at"),
        Index("ix_exchange_conflict_record", "kind", "record_id"),
    )
    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[UUID] = mapped_column(Uuid)
    sender_store_id: Mapped[UUID] = mapped_column(Uuid)
    sender_device: Mapped[str] = _text(200)
    package_id: Mapped[UUID] = mapped_column(Uuid)
    their_id: Mapped[UUID] = mapped_column(Uuid)
    their_version: Mapped[int] = mapped_column(Integer)
    their_sha256: Mapped[str] = mapped_column(String(64))
    their_values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    our_version: Mapped[int] = mapped_column(Integer)
    our_sha256: Mapped[str] = mapped_column(String(64))
    our_values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_by: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), default="open")
    kept: Mapped[str] = mapped_column(String(10), default="")
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str] = _text(200)
    reason: Mapped[str] = _text()


def _name_of(model: type[Any], key_column: Any) -> Any:
    return select(model.name).where(model.id == key_column).scalar_subquery()


def _title_of(key_column: Any) -> Any:
    return select(SourceRow.title).where(SourceRow.id == key_column).scalar_subquery()


# Derived, read-only names shown beside references.
RecoveredItemRow.system_type_name = column_property(
    _name_of(WeaponSystemTypeRow, RecoveredItemRow.system_type_id))
PartRow.manufacturer_name = column_property(_name_of(OrganizationRow, PartRow.manufacturer_id))
_Successor = OrganizationRow.__table__.alias("successor")
OrganizationRow.successor_name = column_property(
    select(_Successor.c.name).where(_Successor.c.id == OrganizationRow.successor_id)
    .scalar_subquery())
SanctionsDesignationRow.organization_name = column_property(
    _name_of(OrganizationRow, SanctionsDesignationRow.organization_id))
SupplyLinkRow.seller_name = column_property(_name_of(OrganizationRow, SupplyLinkRow.seller_id))
SupplyLinkRow.buyer_name = column_property(_name_of(OrganizationRow, SupplyLinkRow.buyer_id))
SupplyLinkRow.part_number = column_property(
    select(PartRow.part_number).where(PartRow.id == SupplyLinkRow.part_id).scalar_subquery())
ComponentFindingRow.part_number = column_property(
    select(PartRow.part_number).where(PartRow.id == ComponentFindingRow.part_id).scalar_subquery())
ComponentFindingRow.manufacturer_name = column_property(
    _name_of(OrganizationRow, ComponentFindingRow.manufacturer_id))
ComponentFindingRow.case_reference = column_property(
    select(RecoveredItemRow.case_reference)
    .where(RecoveredItemRow.id == ComponentFindingRow.item_id).scalar_subquery())

ScreeningMatchRow.organization_name = column_property(
    _name_of(OrganizationRow, ScreeningMatchRow.organization_id))
PhotoAnnotationRow.finding_label = column_property(
    select(func.coalesce(PartRow.part_number, ComponentFindingRow.marking))
    .select_from(ComponentFindingRow)
    .outerjoin(PartRow, PartRow.id == ComponentFindingRow.part_id)
    .where(ComponentFindingRow.id == PhotoAnnotationRow.finding_id).scalar_subquery())
PhotoRow.item_case_reference = column_property(
    select(RecoveredItemRow.case_reference)
    .where(RecoveredItemRow.id == PhotoRow.item_id).scalar_subquery())

IdentificationRuleRow.source_title = column_property(_title_of(IdentificationRuleRow.source_id))
TemplateModuleRow.system_type_name = column_property(
    _name_of(WeaponSystemTypeRow, TemplateModuleRow.system_type_id))
TemplateModuleRow.source_title = column_property(_title_of(TemplateModuleRow.source_id))

MODEL_OF_KIND: dict[str, type[Tracked]] = {
    "marking": HandlingMarkingRow, "system": WeaponSystemTypeRow, "org": OrganizationRow,
    "source": SourceRow, "item": RecoveredItemRow, "part": PartRow,
    "finding": ComponentFindingRow, "designation": SanctionsDesignationRow,
    "link": SupplyLinkRow, "photo": PhotoRow, "annotation": PhotoAnnotationRow,
    "alias": CompanyAliasRow, "saved": SavedSearchRow, "hub": TransshipmentHubRow,
    "list": SanctionsListRow, "match": ScreeningMatchRow, "rule": IdentificationRuleRow,
    "module": TemplateModuleRow,
}
CITATION_TABLES: dict[str, tuple[Table, str]] = {
    "finding": (finding_source, "finding_id"),
    "link": (link_source, "link_id"),
}
