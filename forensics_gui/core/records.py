"""Plain frozen data objects that services hand to the GUI, the CLI and reports.

Field names match the store's column names; fields after `notes` marked "derived" are read
from related records and cannot be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID


@dataclass(frozen=True, kw_only=True)
class Record:
    """What every editable record carries."""

    id: UUID
    version: int = 1
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True, kw_only=True)
class HandlingMarking(Record):
    name: str
    rank: int
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class WeaponSystemType(Record):
    name: str
    aliases: tuple[str, ...] = ()
    category: str = ""
    origin_country: str = ""
    producer: str = ""
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class RecoveredItem(Record):
    system_type_id: UUID
    case_reference: str
    serial_number: str = ""
    production_markings: str = ""
    recovered_on: date | None = None
    recovery_place: str = ""
    latitude: float | None = None
    longitude: float | None = None
    circumstances: str = ""
    condition: str = ""
    recovering_unit: str = ""
    handling_marking: str = "UNCLASSIFIED"
    notes: str = ""
    system_type_name: str = ""  # derived
    withdrawn_at: datetime | None = None  # set by withdrawal, never edited
    withdrawn_by: str = ""
    withdrawal_reason: str = ""

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@dataclass(frozen=True, kw_only=True)
class CustodyEvent:
    """One transfer of a recovered item; append-only, never edited. A mistake is put right
    by a later event: a correction (action 'correction', the corrected values) or a
    withdrawal (action 'withdrawal'), naming the event it replaces in `corrects_id`."""

    id: UUID
    item_id: UUID
    occurred_at: datetime
    released_by: str
    received_by: str
    place: str = ""
    purpose: str = ""
    notes: str = ""
    created_at: datetime | None = None
    created_by: str = ""
    action: str = "transfer"
    corrects_id: UUID | None = None
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class Part(Record):
    part_number: str
    manufacturer_id: UUID | None = None
    search_key: str = ""
    confusable_key: str = ""
    function: str = ""
    category: str = ""
    hs_code: str = ""
    chpl_tier: str = ""
    eccn: str = ""
    description: str = ""
    notes: str = ""
    manufacturer_name: str = ""  # derived


@dataclass(frozen=True, kw_only=True)
class ComponentFinding(Record):
    item_id: UUID
    identification: str = "unidentified"
    part_id: UUID | None = None
    manufacturer_id: UUID | None = None
    function: str = ""
    marking: str = ""
    date_code: str = ""
    lot_code: str = ""
    produced_from: date | None = None
    produced_to: date | None = None
    date_code_format: str = ""
    date_code_note: str = ""
    quantity: int = 1
    location: str = ""
    confidence: str = "medium"
    notes: str = ""
    source_ids: tuple[UUID, ...] = ()
    part_number: str = ""  # derived
    manufacturer_name: str = ""  # derived
    case_reference: str = ""  # derived
    withdrawn_at: datetime | None = None  # set by withdrawal, never edited
    withdrawn_by: str = ""
    withdrawal_reason: str = ""

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@dataclass(frozen=True, kw_only=True)
class Organization(Record):
    name: str
    roles: tuple[str, ...] = ()
    country: str = ""
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    successor_id: UUID | None = None
    identifiers: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    website: str = ""
    notes: str = ""
    successor_name: str = ""  # derived


@dataclass(frozen=True, kw_only=True)
class SanctionsDesignation(Record):
    organization_id: UUID
    authority: str
    programme: str = ""
    listed_on: date | None = None
    delisted_on: date | None = None
    reference: str = ""
    source_id: UUID | None = None
    notes: str = ""
    organization_name: str = ""  # derived


@dataclass(frozen=True, kw_only=True)
class SupplyLink(Record):
    seller_id: UUID
    buyer_id: UUID
    part_id: UUID | None = None
    finding_id: UUID | None = None
    shipped_on: date | None = None
    quantity: int | None = None
    value: Decimal | None = None
    currency: str = ""
    declared_hs_code: str = ""
    declared_description: str = ""
    status: str = "hypothesis"
    notes: str = ""
    source_ids: tuple[UUID, ...] = ()
    seller_name: str = ""  # derived
    buyer_name: str = ""  # derived
    part_number: str = ""  # derived


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    title: str
    kind: str = "press"
    publisher: str = ""
    published_on: date | None = None
    reference: str = ""
    reliability: str = "F"
    credibility: int = 6
    notes: str = ""

    @property
    def grade(self) -> str:
        """Admiralty grade such as 'B2'."""
        return f"{self.reliability}{self.credibility}"


@dataclass(frozen=True, kw_only=True)
class Photo(Record):
    sha256: str
    file_name: str = ""
    item_id: UUID | None = None
    finding_id: UUID | None = None
    caption: str = ""
    media_type: str = ""
    byte_size: int | None = None
    width: int | None = None
    height: int | None = None
    taken_at: datetime | None = None
    notes: str = ""
    orientation: int = 1
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    gps_latitude: float | None = None
    gps_longitude: float | None = None
    gps_altitude: float | None = None
    exif: dict[str, Any] = field(default_factory=dict, compare=False)
    item_case_reference: str = ""  # derived
    withdrawn_at: datetime | None = None  # set by withdrawal, never edited
    withdrawn_by: str = ""
    withdrawal_reason: str = ""

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def has_gps(self) -> bool:
        return self.gps_latitude is not None and self.gps_longitude is not None


@dataclass(frozen=True, kw_only=True)
class PhotoAnnotation(Record):
    """A rectangle on a photo (fractions of the upright picture) naming what it shows."""

    photo_id: UUID
    x: float
    y: float
    width: float
    height: float
    finding_id: UUID | None = None
    label: str = ""
    notes: str = ""
    finding_label: str = ""  # derived


@dataclass(frozen=True, kw_only=True)
class CompanyAlias(Record):
    """Another name of a company: an alias, a former name, or a company taken over."""

    name: str
    current_name: str
    name_key: str = ""
    current_key: str = ""
    relation: str = "alias"
    year: int | None = None
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class SavedSearch(Record):
    """A search kept under a name: the query and its filters."""

    name: str
    query: str = ""
    filters: dict[str, Any] = field(default_factory=dict, compare=False)
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class TransshipmentHub(Record):
    """A country or territory through which goods are routed to evade export controls."""

    country: str
    name: str
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class IdentificationRule(Record):
    """An analyst's rule naming the maker of parts whose number fits a pattern."""

    pattern: str
    maker: str
    now_part_of: str = ""
    family: str = ""
    category: str = ""
    hs_code: str = ""
    confidence: str = "medium"
    source_id: UUID | None = None
    notes: str = ""
    source_title: str = ""  # derived


@dataclass(frozen=True, kw_only=True)
class TemplateModule(Record):
    """One usual module of a weapon system type: with the system's other modules, the
    checklist a teardown of a new recovered item starts from."""

    system_type_id: UUID
    name: str
    position: int | None = None
    function: str = ""
    expected: tuple[str, ...] = ()
    source_id: UUID | None = None
    notes: str = ""
    system_type_name: str = ""  # derived
    source_title: str = ""  # derived


@dataclass(frozen=True, kw_only=True)
class SanctionsList(Record):
    """One imported version of an official list (OFAC SDN, Consolidated Screening List, ...)."""

    name: str
    format: str
    list_version: str = ""
    published_on: date | None = None
    file_name: str = ""
    sha256: str = ""
    entry_count: int | None = None
    source_id: UUID | None = None
    notes: str = ""
    screened_at: datetime | None = None  # when every organization was screened against it

    @property
    def screened(self) -> bool:
        return self.screened_at is not None


@dataclass(frozen=True)
class ListEntry:
    """One entry of a sanctions list, as the list gives it (read from a file, or stored)."""

    ref: str
    name: str
    entity_type: str = "entity"
    names: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    authority: str = ""
    listed_on: date | None = None
    addresses: tuple[str, ...] = ()
    remarks: str = ""


@dataclass(frozen=True, kw_only=True)
class SanctionsEntry(ListEntry):
    """A list entry as stored with its list version; never edited."""

    id: UUID
    list_id: UUID


@dataclass(frozen=True, kw_only=True)
class ScreeningMatch(Record):
    """An organization that may be a list entry: a candidate until an analyst decides."""

    organization_id: UUID
    list_name: str
    entry_ref: str
    entry_name: str = ""
    list_id: UUID | None = None
    score: int | None = None
    matched_on: str = ""
    state: str = "candidate"
    change: str = "new"
    designation_id: UUID | None = None
    notes: str = ""
    organization_name: str = ""  # derived


@dataclass(frozen=True, kw_only=True)
class AuditEvent:
    """One write to the store, as it happened; never changed."""

    id: UUID
    occurred_at: datetime
    actor: str
    action: str
    record_kind: str
    record_id: UUID | None
    old_values: dict[str, Any] = field(default_factory=dict)
    new_values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """One page of a listing, with the cursor that continues it."""

    rows: tuple[Any, ...]
    next_cursor: str | None = None
    total: int | None = None


@dataclass(frozen=True)
class StoreSummary:
    """Counts of what a store holds, for status lines and `forensics info`."""

    location: str
    kind: str
    user: str
    schema_revision: str
    counts: dict[str, int]
    read_only: str = ""  # why the store is open read-only; empty when it may be written
    withdrawn: dict[str, int] = field(default_factory=dict)  # evidence withdrawn, by kind
    # A shared store: the login's group and clearance ("editor, cleared to OFFICIAL: ...").
    access: str = ""


DTO_OF_KIND: dict[str, type[Record]] = {
    "marking": HandlingMarking, "system": WeaponSystemType, "org": Organization,
    "source": Source, "item": RecoveredItem, "part": Part, "finding": ComponentFinding,
    "designation": SanctionsDesignation, "link": SupplyLink, "photo": Photo,
    "annotation": PhotoAnnotation, "alias": CompanyAlias, "saved": SavedSearch,
    "hub": TransshipmentHub, "list": SanctionsList, "match": ScreeningMatch,
    "rule": IdentificationRule, "module": TemplateModule,
}
