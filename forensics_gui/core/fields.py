"""What each record kind holds, field by field, and how typed-in values are checked.

The GUI forms and the CLI options are both built from these specs, so a rule written here
holds everywhere. Values may arrive as text (CLI, forms) or already typed (services, tests).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.search import parse_filters

SHORT, MEDIUM, LONG = 200, 2_000, 20_000
# The store keeps whole numbers as 32-bit integers and amounts as NUMERIC(18, 2).
INT_LIMIT = 2**31 - 1
DECIMAL_LIMIT = Decimal("9999999999999999.99")
_CENT = Decimal("0.01")
# Earliest plausible dates. No weapon recovered, photographed or listed in this work, and no
# source about one, is older than 1900: an earlier date is a typing mistake (0001-01-01, or
# 1023 for 2023). The supply links concern components of weapons in use today, none shipped
# before 1990.
EARLIEST = date(1900, 1, 1)
EARLIEST_SHIPMENT = date(1990, 1, 1)


@dataclass(frozen=True)
class FieldSpec:
    """One writable field of a record kind."""

    name: str
    label: str
    type: str = "text"  # text int float decimal date datetime choice list ref refs hs code
    #                     filters (search conditions, see core.search) pattern (a rule's
    #                     regular expression, see core.identify)
    required: bool = False
    max_len: int = SHORT
    choices: tuple[str, ...] = ()
    ref: str = ""  # kind referenced by a ref/refs field
    past_only: bool = False  # dates that cannot lie in the future
    earliest: date | None = None  # dates before this one are refused as implausible
    help: str = ""


@dataclass(frozen=True)
class KindSpec:
    """A kind of record: its names for users and its writable fields."""

    name: str
    label: str
    plural: str
    fields: tuple[FieldSpec, ...]
    title_field: str

    def field(self, name: str) -> FieldSpec:
        """The spec of field `name`, or a ValidationError naming the kind's fields."""
        spec = _field_index(self.name).get(name)
        if spec is not None:
            return spec
        known = ", ".join(f.name for f in self.fields)
        raise ValidationError(name, f"{self.label} has no such field (fields: {known})")


@cache
def _required_fields(kind_name: str) -> tuple[str, ...]:
    return tuple(spec.name for spec in KINDS[kind_name].fields if spec.required)


@cache
def _field_index(kind_name: str) -> dict[str, FieldSpec]:
    # Large imports look fields up for every value (keyed by name: hashing a spec is slow).
    return {spec.name: spec for spec in KINDS[kind_name].fields}


F = FieldSpec
CONFIDENCE = ("confirmed", "high", "medium", "low")
IDENTIFICATION = ("part", "manufacturer", "unidentified")
LINK_STATUS = ("documented", "probable", "hypothesis")
ORG_ROLES = ("manufacturer", "authorised distributor", "distributor", "trading company",
             "logistics", "importer", "end user", "other")
AUTHORITIES = ("OFAC", "BIS", "EU", "UK", "JP", "CA", "CH", "AU", "UN", "UA", "OTHER")
SOURCE_KINDS = ("teardown report", "customs record", "press", "official list",
                "field observation", "other")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = ("1", "2", "3", "4", "5", "6")
ALIAS_RELATIONS = ("alias", "renamed", "acquired", "merged")
LIST_FORMATS = ("ofac-sdn", "csl", "ftm")
MATCH_STATES = ("candidate", "confirmed", "rejected")
MATCH_CHANGES = ("new", "changed", "unchanged", "removed")
DEFAULT_MARKINGS = ("UNCLASSIFIED", "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET")
RULE_CONFIDENCE = ("high", "medium", "low")

KINDS: dict[str, KindSpec] = {k.name: k for k in (
    KindSpec("marking", QT_TRANSLATE_NOOP("fields", "handling marking"),
             QT_TRANSLATE_NOOP("fields", "handling markings"), (
        F("name", QT_TRANSLATE_NOOP("fields", "Name"), required=True, max_len=60),
        F("rank", QT_TRANSLATE_NOOP("fields", "Rank"), "int", required=True),
        F("description", QT_TRANSLATE_NOOP("fields", "Description"), max_len=MEDIUM),
    ), "name"),
    KindSpec("system", QT_TRANSLATE_NOOP("fields", "weapon system type"),
             QT_TRANSLATE_NOOP("fields", "weapon system types"), (
        F("name", QT_TRANSLATE_NOOP("fields", "Name"), required=True),
        F("aliases", QT_TRANSLATE_NOOP("fields", "Aliases"), "list"),
        F("category", QT_TRANSLATE_NOOP("fields", "Category")),
        F("origin_country", QT_TRANSLATE_NOOP("fields", "Country of origin"), "code", max_len=2),
        F("producer", QT_TRANSLATE_NOOP("fields", "Producer"), max_len=MEDIUM),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "name"),
    KindSpec("item", QT_TRANSLATE_NOOP("fields", "recovered item"),
             QT_TRANSLATE_NOOP("fields", "recovered items"), (
        F("system_type_id", QT_TRANSLATE_NOOP("fields", "System type"), "ref", required=True,
          ref="system"),
        F("case_reference", QT_TRANSLATE_NOOP("fields", "Case reference"), required=True,
          max_len=100),
        F("serial_number", QT_TRANSLATE_NOOP("fields", "Serial number")),
        F("production_markings", QT_TRANSLATE_NOOP("fields", "Production markings"),
          max_len=MEDIUM),
        F("recovered_on", QT_TRANSLATE_NOOP("fields", "Recovered on"), "date", past_only=True,
          earliest=EARLIEST),
        F("recovery_place", QT_TRANSLATE_NOOP("fields", "Recovery place"), max_len=MEDIUM),
        F("latitude", QT_TRANSLATE_NOOP("fields", "Latitude"), "float"),
        F("longitude", QT_TRANSLATE_NOOP("fields", "Longitude"), "float"),
        F("circumstances", QT_TRANSLATE_NOOP("fields", "Circumstances"), max_len=MEDIUM),
        F("condition", QT_TRANSLATE_NOOP("fields", "Condition"), max_len=MEDIUM),
        F("recovering_unit", QT_TRANSLATE_NOOP("fields", "Recovering unit")),
        F("handling_marking", QT_TRANSLATE_NOOP("fields", "Handling marking"), "ref",
          ref="marking"),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "case_reference"),
    KindSpec("part", QT_TRANSLATE_NOOP("fields", "part"), QT_TRANSLATE_NOOP("fields", "parts"), (
        F("part_number", QT_TRANSLATE_NOOP("fields", "Part number"), required=True,
          help=QT_TRANSLATE_NOOP("fields", "full ordering code as marked")),
        F("manufacturer_id", QT_TRANSLATE_NOOP("fields", "Manufacturer"), "ref", ref="org"),
        F("function", QT_TRANSLATE_NOOP("fields", "Function")),
        F("category", QT_TRANSLATE_NOOP("fields", "Category")),
        F("hs_code", QT_TRANSLATE_NOOP("fields", "HS code"), "hs", max_len=13),
        F("eccn", QT_TRANSLATE_NOOP("fields", "ECCN"), max_len=20),
        F("description", QT_TRANSLATE_NOOP("fields", "Description"), max_len=MEDIUM),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "part_number"),
    KindSpec("finding", QT_TRANSLATE_NOOP("fields", "component finding"),
             QT_TRANSLATE_NOOP("fields", "component findings"), (
        F("item_id", QT_TRANSLATE_NOOP("fields", "Recovered item"), "ref", required=True,
          ref="item"),
        F("identification", QT_TRANSLATE_NOOP("fields", "Identification"), "choice",
          choices=IDENTIFICATION),
        F("part_id", QT_TRANSLATE_NOOP("fields", "Part"), "ref", ref="part"),
        F("manufacturer_id", QT_TRANSLATE_NOOP("fields", "Manufacturer"), "ref", ref="org"),
        F("function", QT_TRANSLATE_NOOP("fields", "Function")),
        F("marking", QT_TRANSLATE_NOOP("fields", "Marking as read"), max_len=MEDIUM),
        F("date_code", QT_TRANSLATE_NOOP("fields", "Date code"), max_len=40),
        F("lot_code", QT_TRANSLATE_NOOP("fields", "Lot code"), max_len=60),
        F("quantity", QT_TRANSLATE_NOOP("fields", "Quantity"), "int"),
        F("location", QT_TRANSLATE_NOOP("fields", "Location in item"), max_len=500),
        F("confidence", QT_TRANSLATE_NOOP("fields", "Confidence"), "choice", choices=CONFIDENCE),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
        F("source_ids", QT_TRANSLATE_NOOP("fields", "Sources"), "refs", ref="source"),
    ), "marking"),
    KindSpec("org", QT_TRANSLATE_NOOP("fields", "organization"),
             QT_TRANSLATE_NOOP("fields", "organizations"), (
        F("name", QT_TRANSLATE_NOOP("fields", "Name"), required=True, max_len=300),
        F("roles", QT_TRANSLATE_NOOP("fields", "Roles"), "list", choices=ORG_ROLES),
        F("country", QT_TRANSLATE_NOOP("fields", "Country"), "code", max_len=2),
        F("aliases", QT_TRANSLATE_NOOP("fields", "Aliases"), "list"),
        F("former_names", QT_TRANSLATE_NOOP("fields", "Former names"), "list"),
        F("successor_id", QT_TRANSLATE_NOOP("fields", "Successor"), "ref", ref="org"),
        F("identifiers", QT_TRANSLATE_NOOP("fields", "Identifiers"), "list",
          help=QT_TRANSLATE_NOOP("fields", "SCHEME:value, e.g. INN:7701234567")),
        F("addresses", QT_TRANSLATE_NOOP("fields", "Addresses"), "list", max_len=MEDIUM),
        F("website", QT_TRANSLATE_NOOP("fields", "Website"), max_len=500),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "name"),
    KindSpec("designation", QT_TRANSLATE_NOOP("fields", "sanctions designation"),
             QT_TRANSLATE_NOOP("fields", "sanctions designations"), (
        F("organization_id", QT_TRANSLATE_NOOP("fields", "Organization"), "ref", required=True,
          ref="org"),
        F("authority", QT_TRANSLATE_NOOP("fields", "Authority"), "choice", required=True,
          choices=AUTHORITIES),
        F("programme", QT_TRANSLATE_NOOP("fields", "Programme")),
        F("listed_on", QT_TRANSLATE_NOOP("fields", "Listed on"), "date", past_only=True,
          earliest=EARLIEST),
        F("delisted_on", QT_TRANSLATE_NOOP("fields", "Delisted on"), "date", past_only=True,
          earliest=EARLIEST),
        F("reference", QT_TRANSLATE_NOOP("fields", "Reference"), max_len=500),
        F("source_id", QT_TRANSLATE_NOOP("fields", "Source"), "ref", ref="source"),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "reference"),
    KindSpec("link", QT_TRANSLATE_NOOP("fields", "supply link"),
             QT_TRANSLATE_NOOP("fields", "supply links"), (
        F("seller_id", QT_TRANSLATE_NOOP("fields", "Seller"), "ref", required=True, ref="org"),
        F("buyer_id", QT_TRANSLATE_NOOP("fields", "Buyer"), "ref", required=True, ref="org"),
        F("part_id", QT_TRANSLATE_NOOP("fields", "Part"), "ref", ref="part"),
        F("finding_id", QT_TRANSLATE_NOOP("fields", "Finding"), "ref", ref="finding"),
        F("shipped_on", QT_TRANSLATE_NOOP("fields", "Date"), "date", past_only=True,
          earliest=EARLIEST_SHIPMENT),
        F("quantity", QT_TRANSLATE_NOOP("fields", "Quantity"), "int"),
        F("value", QT_TRANSLATE_NOOP("fields", "Value"), "decimal"),
        F("currency", QT_TRANSLATE_NOOP("fields", "Currency"), "code", max_len=3),
        F("declared_hs_code", QT_TRANSLATE_NOOP("fields", "Declared HS code"), "hs", max_len=13),
        F("declared_description", QT_TRANSLATE_NOOP("fields", "Declared goods description"),
          max_len=MEDIUM),
        F("status", QT_TRANSLATE_NOOP("fields", "Status"), "choice", choices=LINK_STATUS),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
        F("source_ids", QT_TRANSLATE_NOOP("fields", "Sources"), "refs", ref="source"),
    ), "id"),
    KindSpec("source", QT_TRANSLATE_NOOP("fields", "source"),
             QT_TRANSLATE_NOOP("fields", "sources"), (
        F("title", QT_TRANSLATE_NOOP("fields", "Title"), required=True, max_len=500),
        F("kind", QT_TRANSLATE_NOOP("fields", "Kind"), "choice", choices=SOURCE_KINDS),
        F("publisher", QT_TRANSLATE_NOOP("fields", "Publisher")),
        F("published_on", QT_TRANSLATE_NOOP("fields", "Published on"), "date", past_only=True,
          earliest=EARLIEST),
        F("reference", QT_TRANSLATE_NOOP("fields", "Reference or address"), max_len=MEDIUM),
        F("reliability", QT_TRANSLATE_NOOP("fields", "Source reliability"), "choice",
          choices=RELIABILITY),
        F("credibility", QT_TRANSLATE_NOOP("fields", "Information credibility"), "choice",
          choices=CREDIBILITY),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "title"),
    KindSpec("alias", QT_TRANSLATE_NOOP("fields", "company name"),
             QT_TRANSLATE_NOOP("fields", "company names"), (
        F("name", QT_TRANSLATE_NOOP("fields", "Name"), required=True, max_len=300,
          help=QT_TRANSLATE_NOOP("fields", "a name the company is, or was, known by")),
        F("current_name", QT_TRANSLATE_NOOP("fields", "Now part of"), required=True, max_len=300,
          help=QT_TRANSLATE_NOOP("fields",
                                 "the company's name today, or the company that took it over")),
        F("relation", QT_TRANSLATE_NOOP("fields", "Relation"), "choice", choices=ALIAS_RELATIONS),
        F("year", QT_TRANSLATE_NOOP("fields", "Since (year)"), "int"),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "name"),
    KindSpec("hub", QT_TRANSLATE_NOOP("fields", "transshipment hub"),
             QT_TRANSLATE_NOOP("fields", "transshipment hubs"), (
        F("country", QT_TRANSLATE_NOOP("fields", "Country"), "code", required=True, max_len=2),
        F("name", QT_TRANSLATE_NOOP("fields", "Name"), required=True,
          help=QT_TRANSLATE_NOOP("fields", "the country or territory as users call it")),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "name"),
    KindSpec("list", QT_TRANSLATE_NOOP("fields", "sanctions list"),
             QT_TRANSLATE_NOOP("fields", "sanctions lists"), (
        F("name", QT_TRANSLATE_NOOP("fields", "Name"), required=True,
          help=QT_TRANSLATE_NOOP("fields", "e.g. OFAC SDN, Consolidated Screening List")),
        F("format", QT_TRANSLATE_NOOP("fields", "Format"), "choice", required=True,
          choices=LIST_FORMATS),
        F("list_version", QT_TRANSLATE_NOOP("fields", "Version"), max_len=100,
          help=QT_TRANSLATE_NOOP("fields", "as the publisher names it, or the file's date")),
        F("published_on", QT_TRANSLATE_NOOP("fields", "Published on"), "date", past_only=True,
          earliest=EARLIEST),
        F("file_name", QT_TRANSLATE_NOOP("fields", "File"), max_len=500),
        F("sha256", QT_TRANSLATE_NOOP("fields", "SHA-256"), max_len=64),
        F("entry_count", QT_TRANSLATE_NOOP("fields", "Entries"), "int"),
        F("source_id", QT_TRANSLATE_NOOP("fields", "Source"), "ref", ref="source"),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "name"),
    KindSpec("match", QT_TRANSLATE_NOOP("fields", "screening match"),
             QT_TRANSLATE_NOOP("fields", "screening matches"), (
        F("organization_id", QT_TRANSLATE_NOOP("fields", "Organization"), "ref", required=True,
          ref="org"),
        F("list_name", QT_TRANSLATE_NOOP("fields", "List"), required=True),
        F("entry_ref", QT_TRANSLATE_NOOP("fields", "Entry"), required=True, max_len=100),
        F("entry_name", QT_TRANSLATE_NOOP("fields", "Listed name"), max_len=500),
        F("list_id", QT_TRANSLATE_NOOP("fields", "List version"), "ref", ref="list"),
        F("score", QT_TRANSLATE_NOOP("fields", "Score"), "int"),
        F("matched_on", QT_TRANSLATE_NOOP("fields", "Matched on"), max_len=500),
        F("state", QT_TRANSLATE_NOOP("fields", "Decision"), "choice", choices=MATCH_STATES),
        F("change", QT_TRANSLATE_NOOP("fields", "Change"), "choice", choices=MATCH_CHANGES),
        F("designation_id", QT_TRANSLATE_NOOP("fields", "Designation"), "ref", ref="designation"),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "entry_name"),
    KindSpec("saved", QT_TRANSLATE_NOOP("fields", "saved search"),
             QT_TRANSLATE_NOOP("fields", "saved searches"), (
        F("name", QT_TRANSLATE_NOOP("fields", "Name"), required=True),
        F("query", QT_TRANSLATE_NOOP("fields", "Query"), max_len=300),
        F("filters", QT_TRANSLATE_NOOP("fields", "Filters"), "filters"),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "name"),
    KindSpec("photo", QT_TRANSLATE_NOOP("fields", "photo"), QT_TRANSLATE_NOOP("fields", "photos"), (
        F("sha256", QT_TRANSLATE_NOOP("fields", "SHA-256"), required=True, max_len=64),
        F("file_name", QT_TRANSLATE_NOOP("fields", "File name"), max_len=500),
        F("item_id", QT_TRANSLATE_NOOP("fields", "Recovered item"), "ref", ref="item"),
        F("finding_id", QT_TRANSLATE_NOOP("fields", "Finding"), "ref", ref="finding"),
        F("caption", QT_TRANSLATE_NOOP("fields", "Caption"), max_len=MEDIUM),
        F("media_type", QT_TRANSLATE_NOOP("fields", "Media type"), max_len=100),
        F("byte_size", QT_TRANSLATE_NOOP("fields", "Size in bytes"), "int"),
        F("width", QT_TRANSLATE_NOOP("fields", "Width"), "int"),
        F("height", QT_TRANSLATE_NOOP("fields", "Height"), "int"),
        F("taken_at", QT_TRANSLATE_NOOP("fields", "Taken at"), "datetime", past_only=True,
          earliest=EARLIEST),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "file_name"),
    KindSpec("rule", QT_TRANSLATE_NOOP("fields", "identification rule"),
             QT_TRANSLATE_NOOP("fields", "identification rules"), (
        F("pattern", QT_TRANSLATE_NOOP("fields", "Pattern"), "pattern", required=True, max_len=300,
          help=QT_TRANSLATE_NOOP("fields", "regular expression matched at the start of the "
                                 "part number's search key (capitals and digits only), "
                                 "e.g. STM32[FGHLW][0-9]")),
        F("maker", QT_TRANSLATE_NOOP("fields", "Maker"), required=True, max_len=300,
          help=QT_TRANSLATE_NOOP("fields", "the maker whose name the part carries, e.g. "
                                 "Linear Technology")),
        F("now_part_of", QT_TRANSLATE_NOOP("fields", "Now part of"), max_len=300,
          help=QT_TRANSLATE_NOOP("fields",
                                 "the company that owns the maker today, e.g. Analog Devices")),
        F("family", QT_TRANSLATE_NOOP("fields", "Part family"),
          help=QT_TRANSLATE_NOOP("fields", "e.g. STM32F4 32-bit Arm Cortex-M4 microcontroller")),
        F("category", QT_TRANSLATE_NOOP("fields", "Function category"),
          help=QT_TRANSLATE_NOOP("fields", "e.g. microcontroller, FPGA, GNSS receiver")),
        F("hs_code", QT_TRANSLATE_NOOP("fields", "HS code"), "hs", max_len=13),
        F("confidence", QT_TRANSLATE_NOOP("fields", "Confidence"), "choice", required=True,
          choices=RULE_CONFIDENCE),
        F("source_id", QT_TRANSLATE_NOOP("fields", "Source"), "ref", ref="source",
          help=QT_TRANSLATE_NOOP("fields",
                                 "the ordering-code guide or datasheet the rule comes from")),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "pattern"),
    KindSpec("module", QT_TRANSLATE_NOOP("fields", "template module"),
             QT_TRANSLATE_NOOP("fields", "template modules"), (
        F("system_type_id", QT_TRANSLATE_NOOP("fields", "System type"), "ref", required=True,
          ref="system"),
        F("name", QT_TRANSLATE_NOOP("fields", "Module"), required=True,
          help=QT_TRANSLATE_NOOP("fields", "e.g. flight controller, GNSS receiver")),
        F("position", QT_TRANSLATE_NOOP("fields", "Order"), "int",
          help=QT_TRANSLATE_NOOP("fields", "where the module comes in the checklist")),
        F("function", QT_TRANSLATE_NOOP("fields", "Function"),
          help=QT_TRANSLATE_NOOP("fields", "what a finding in this module usually does")),
        F("expected", QT_TRANSLATE_NOOP("fields", "Usual components"), "list", max_len=MEDIUM,
          help=QT_TRANSLATE_NOOP("fields", "e.g. STM32F405 microcontroller; u-blox NEO-M8N")),
        F("source_id", QT_TRANSLATE_NOOP("fields", "Source"), "ref", ref="source",
          help=QT_TRANSLATE_NOOP("fields", "the public teardown the module is known from")),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "name"),
    KindSpec("annotation", QT_TRANSLATE_NOOP("fields", "photo annotation"),
             QT_TRANSLATE_NOOP("fields", "photo annotations"), (
        F("photo_id", QT_TRANSLATE_NOOP("fields", "Photo"), "ref", required=True, ref="photo"),
        F("finding_id", QT_TRANSLATE_NOOP("fields", "Finding"), "ref", ref="finding"),
        F("label", QT_TRANSLATE_NOOP("fields", "Label"),
          help=QT_TRANSLATE_NOOP("fields", "e.g. U12")),
        F("x", QT_TRANSLATE_NOOP("fields", "Left"), "float", required=True),
        F("y", QT_TRANSLATE_NOOP("fields", "Top"), "float", required=True),
        F("width", QT_TRANSLATE_NOOP("fields", "Width"), "float", required=True),
        F("height", QT_TRANSLATE_NOOP("fields", "Height"), "float", required=True),
        F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
    ), "label"),
)}

# Columns listed by default for each kind (tables in the GUI, `list` in the CLI).
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "marking": ("rank", "name", "description"),
    "system": ("name", "category", "origin_country", "aliases"),
    "item": ("case_reference", "system_type_name", "recovered_on", "recovery_place",
             "handling_marking"),
    "part": ("part_number", "manufacturer_name", "function", "hs_code", "chpl_tier"),
    # The marking as read comes first after the item: it is what a field team reads first.
    "finding": ("case_reference", "marking", "part_number", "manufacturer_name", "function",
                "date_code", "produced_from", "confidence"),
    "org": ("name", "country", "roles", "successor_name"),
    "designation": ("organization_name", "authority", "programme", "listed_on", "reference"),
    "link": ("seller_name", "buyer_name", "part_number", "shipped_on", "quantity", "status"),
    "source": ("title", "kind", "publisher", "published_on", "reliability", "credibility"),
    "photo": ("file_name", "item_case_reference", "caption", "taken_at", "camera_model"),
    "annotation": ("label", "finding_label", "x", "y", "width", "height"),
    "alias": ("name", "current_name", "relation", "year"),
    "saved": ("name", "query", "filters", "updated_by"),
    "hub": ("country", "name", "notes"),
    "list": ("name", "list_version", "published_on", "format", "entry_count", "created_at"),
    "match": ("organization_name", "list_name", "entry_name", "score", "state", "change"),
    "rule": ("pattern", "maker", "now_part_of", "family", "category", "confidence"),
    "module": ("system_type_name", "position", "name", "function", "expected"),
}

# Labels of values shown beside records that are not fields of their own.
EXTRA_LABELS = {
    "id": QT_TRANSLATE_NOOP("fields", "Id"), "version": QT_TRANSLATE_NOOP("fields", "Version"),
    "created_at": QT_TRANSLATE_NOOP("fields", "Created"),
    "created_by": QT_TRANSLATE_NOOP("fields", "Created by"),
    "updated_at": QT_TRANSLATE_NOOP("fields", "Changed"),
    "updated_by": QT_TRANSLATE_NOOP("fields", "Changed by"),
    "system_type_name": QT_TRANSLATE_NOOP("fields", "System type"),
    "manufacturer_name": QT_TRANSLATE_NOOP("fields", "Manufacturer"),
    "part_number": QT_TRANSLATE_NOOP("fields", "Part number"),
    "case_reference": QT_TRANSLATE_NOOP("fields", "Item"),
    "successor_name": QT_TRANSLATE_NOOP("fields", "Successor"),
    "organization_name": QT_TRANSLATE_NOOP("fields", "Organization"),
    "seller_name": QT_TRANSLATE_NOOP("fields", "Seller"),
    "buyer_name": QT_TRANSLATE_NOOP("fields", "Buyer"),
    "search_key": QT_TRANSLATE_NOOP("fields", "Search key"),
    "confusable_key": QT_TRANSLATE_NOOP("fields", "Misread key"),
    "chpl_tier": QT_TRANSLATE_NOOP("fields", "CHPL tier"),
    "produced_from": QT_TRANSLATE_NOOP("fields", "Produced from"),
    "produced_to": QT_TRANSLATE_NOOP("fields", "Produced to"),
    "date_code_format": QT_TRANSLATE_NOOP("fields", "Date-code format"),
    "date_code_note": QT_TRANSLATE_NOOP("fields", "Date-code reading"),
    "item_case_reference": QT_TRANSLATE_NOOP("fields", "Item"),
    "finding_label": QT_TRANSLATE_NOOP("fields", "Finding"),
    "camera_model": QT_TRANSLATE_NOOP("fields", "Camera"),
    "camera_make": QT_TRANSLATE_NOOP("fields", "Camera maker"),
    "gps_latitude": QT_TRANSLATE_NOOP("fields", "GPS latitude"),
    "gps_longitude": QT_TRANSLATE_NOOP("fields", "GPS longitude"),
    "gps_altitude": QT_TRANSLATE_NOOP("fields", "GPS altitude"),
    "name_key": QT_TRANSLATE_NOOP("fields", "Name key"),
    "current_key": QT_TRANSLATE_NOOP("fields", "Current name key"),
    "withdrawn_at": QT_TRANSLATE_NOOP("fields", "Withdrawn"),
    "withdrawn_by": QT_TRANSLATE_NOOP("fields", "Withdrawn by"),
    "withdrawal_reason": QT_TRANSLATE_NOOP("fields", "Reason for withdrawal"),
    "source_title": QT_TRANSLATE_NOOP("fields", "Source"),
}


# Values shown with records that come from related records (not stored with the record).
DERIVED: dict[str, frozenset[str]] = {
    "item": frozenset({"system_type_name"}), "part": frozenset({"manufacturer_name"}),
    "finding": frozenset({"part_number", "manufacturer_name", "case_reference", "source_ids"}),
    "org": frozenset({"successor_name"}), "designation": frozenset({"organization_name"}),
    "link": frozenset({"seller_name", "buyer_name", "part_number", "source_ids"}),
    "photo": frozenset({"item_case_reference", "exif"}),
    "annotation": frozenset({"finding_label"}),
    "match": frozenset({"organization_name"}),
    "rule": frozenset({"source_title"}), "module": frozenset({"system_type_name", "source_title"}),
}
# Derived values the store can still sort by, and the sort key that does it.
DERIVED_SORTS: dict[str, dict[str, str]] = {
    "finding": {"part_number": "part", "manufacturer_name": "manufacturer",
                "produced_from": "produced"},
}


def sort_key_for(kind_name: str, name: str) -> str | None:
    """The sort key that orders records of a kind by value `name`, or None if none can."""
    special = DERIVED_SORTS.get(kind_name, {})
    if name in special:
        return special[name]
    if name in DERIVED.get(kind_name, ()):
        return None
    spec = next((f for f in KINDS[kind_name].fields if f.name == name), None)
    return None if spec is not None and spec.type in ("list", "refs") else name


# Evidence: records of these kinds are withdrawn with a reason (hidden from listings unless
# asked for, kept everywhere else), never deleted by ordinary use.
WITHDRAWABLE = ("item", "finding", "photo")
# Listings of those kinds show: "hide" (the default), "include" or "only" withdrawn records.
WITHDRAWN_SHOWN = ("hide", "include", "only")
# Facts about an original, read from the file when it was added: no edit may change them.
FIXED_FIELDS: dict[str, frozenset[str]] = {
    "photo": frozenset({"sha256", "media_type", "byte_size", "width", "height"}),
}


# What the filter box of a table searches, where it is more than the title field.
FILTER_COLUMNS: dict[str, tuple[str, ...]] = {
    "link": ("seller_name", "buyer_name", "declared_description"),
    "designation": ("organization_name", "reference"),
    "finding": ("marking", "function"),
}


def filter_label(kind_name: str) -> str:
    """What the filter box of a table of `kind_name` looks in, in users' words."""
    names = FILTER_COLUMNS.get(kind_name, (KINDS[kind_name].title_field,))
    labels = [label_of(kind_name, n).lower() for n in names]
    return ", ".join(labels[:-1]) + " or " + labels[-1] if len(labels) > 1 else labels[0]


def describe(kind_name: str, record: Any) -> str:
    """A one-line name for a record, as titles and confirmations show it."""
    if kind_name == "link":
        return f"{record.seller_name} → {record.buyer_name}"
    if kind_name == "designation":
        return f"{record.organization_name} ({record.authority})"
    if kind_name == "module":
        return f"{record.system_type_name}: {record.name}" if record.system_type_name \
            else record.name
    if kind_name == "finding":
        first = (record.part_number or record.marking or record.function or "").splitlines()
        return f"{first[0] if first else 'unidentified'} in {record.case_reference}"
    value = getattr(record, KINDS[kind_name].title_field, "") or record.id
    return str(value).splitlines()[0] if str(value) else str(record.id)


# The value that names the record a reference points to, per (kind, field): tables and forms
# show it in place of the id, which stays out of the column chooser.
REFERENCE_NAMES: dict[tuple[str, str], str] = {
    ("item", "system_type_id"): "system_type_name",
    ("part", "manufacturer_id"): "manufacturer_name",
    ("finding", "part_id"): "part_number", ("finding", "manufacturer_id"): "manufacturer_name",
    ("finding", "item_id"): "case_reference", ("org", "successor_id"): "successor_name",
    ("designation", "organization_id"): "organization_name", ("link", "seller_id"): "seller_name",
    ("link", "buyer_id"): "buyer_name", ("link", "part_id"): "part_number",
    ("photo", "item_id"): "item_case_reference", ("annotation", "finding_id"): "finding_label",
    ("match", "organization_id"): "organization_name",
    ("rule", "source_id"): "source_title", ("module", "system_type_id"): "system_type_name",
    ("module", "source_id"): "source_title",
}


@cache
def reference_kinds() -> dict[str, str]:
    """{field name: kind it refers to} for every reference field of every kind (a name means
    the same kind everywhere: `item_id` is always a recovered item)."""
    return {spec.name: spec.ref for k in KINDS.values() for spec in k.fields
            if spec.type in ("ref", "refs") and spec.ref != "marking"}


def column_label(kind_name: str, name: str) -> str:
    """A table column's heading and its name in the column chooser: no two columns of a kind
    read the same (a reference shown as an id says so)."""
    label = label_of(kind_name, name)
    spec = _field_index(kind_name).get(name)
    if spec is not None and spec.type == "ref" and spec.ref != "marking":
        return f"{label} (id)"
    if spec is None and any(f.label == label and (kind_name, f.name) not in REFERENCE_NAMES
                            for f in KINDS[kind_name].fields):
        return f"{label} (record)"  # the record's own version beside a list's version
    return label


def finding_title(part_number: str | None, marking: str | None, function: str | None,
                  maker: str | None) -> str:
    """What a finding is called in a list: its part number, else the first line of its
    marking, else what it is and who made it; "unidentified" only when nothing is known."""
    first_line = (marking or "").strip().splitlines()[:1]
    if part_number or first_line:
        return part_number or first_line[0]
    if maker:
        return f"{function or 'component'} by {maker}"
    return function or "unidentified"


def label_of(kind_name: str, name: str) -> str:
    """What users call a value of a record of `kind_name`."""
    spec = KINDS[kind_name]
    for field_spec in spec.fields:
        if field_spec.name == name and not (name == "case_reference" and kind_name != "item"):
            return field_spec.label
    return EXTRA_LABELS.get(name, name.replace("_", " ").capitalize())


CUSTODY_FIELDS: tuple[FieldSpec, ...] = (
    F("released_by", QT_TRANSLATE_NOOP("fields", "Released by"), required=True),
    F("received_by", QT_TRANSLATE_NOOP("fields", "Received by"), required=True),
    F("occurred_at", QT_TRANSLATE_NOOP("fields", "When"), "datetime", past_only=True,
      earliest=EARLIEST),
    F("place", QT_TRANSLATE_NOOP("fields", "Place"), max_len=MEDIUM),
    F("purpose", QT_TRANSLATE_NOOP("fields", "Purpose"), max_len=MEDIUM),
    F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), max_len=LONG),
)

_CODE = re.compile(r"^[A-Z]+$")
# Characters no stored text holds. Control characters (C0 but tab and line breaks, DEL, C1);
# invisible format characters (Unicode category Cf: soft hyphen, zero-width spaces and
# joiners, bidirectional controls, word joiners, byte-order mark, tags...), with which two
# case references or names that look the same would differ; and lone surrogates, which are
# not text at all (what is left of a command-line argument that was not UTF-8).
# Three patterns, for speed (bulk imports clean millions of values): ASCII text can only hold
# C0 controls; a class of BMP characters is one table look-up a character, while characters
# beyond the BMP make the class a slow list of ranges, looked through only when there are any.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_REFUSED_BMP = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
    r"\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    r"\ufeff\ufff9-\ufffb\ud800-\udfff]")
_BEYOND_BMP = re.compile(r"[\U00010000-\U0010ffff]")
_REFUSED_BEYOND_BMP = re.compile(
    r"[\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    r"\U000e0001\U000e0020-\U000e007f]")


def kind(name: str) -> KindSpec:
    """The spec of record kind `name`."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValidationError("kind", f"unknown record kind {name!r}") from None


def has_control_characters(text: str) -> bool:
    """True when text holds a control or invisible character (no stored text does; see
    clean_text)."""
    return _refused_at(text) is not None


def _refused_at(text: str) -> int | None:
    if text.isascii():
        found = _CONTROL.search(text)
    else:
        found = _REFUSED_BMP.search(text) or (
            _REFUSED_BEYOND_BMP.search(text) if _BEYOND_BMP.search(text) else None)
    return None if found is None else found.start()


def normal_text(text: str) -> str:
    """Text in the composed form (NFC) the store keeps: an e typed with a combining accent
    becomes the one character é, so that both are the same name. ASCII is returned as is."""
    # isascii() is cheap and NFC never changes ASCII; bulk imports clean millions of values.
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def clean_text(spec: FieldSpec, value: Any) -> str:
    """Strip a text value, compose it (NFC, see normal_text) and check its length.

    Control characters and invisible ones (zero-width spaces, bidirectional controls...) are
    refused, naming the character and where it is: with them, two case references or names
    that look the same would be different records.
    """
    text = "" if value is None else normal_text(str(value).strip())
    refused = _refused_at(text)
    if refused is not None:
        raise ValidationError(spec.name, _refused_character(text, refused))
    if len(text) > spec.max_len:
        raise ValidationError(spec.name, f"is {len(text)} characters long; at most "
                                         f"{spec.max_len} are allowed")
    if spec.required and not text:
        raise ValidationError(spec.name, "is required")
    return text


def _refused_character(text: str, at: int) -> str:
    char = text[at]
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    where = f"at position {at + 1}"
    if category == "Cs":
        return (f"contains a character that is not text ({code}) {where}: the input was not "
                "UTF-8; type the text again")
    if category == "Cf":
        what = f"an invisible character ({code} {unicodedata.name(char, '')}".strip() + ")"
    else:
        what = f"a control character ({code})"
    return f"contains {what} {where}; remove it (copied text often carries them)"


def parse_uuid(field_name: str, value: Any) -> UUID:
    """A UUID from text, with a message naming the field when it is not one."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value).strip())
    except ValueError:
        raise ValidationError(field_name, f"{str(value)[:80]!r} is not a valid id") from None


def parse_date(spec: FieldSpec, value: Any, today: date | None = None) -> date | None:
    """An ISO date (YYYY-MM-DD). Refused: dates before the field's earliest plausible date,
    and dates in the future where they cannot be."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(spec.name, f"{str(value)[:40]!r} is not a date "
                                             "(expected YYYY-MM-DD)") from None
    _check_earliest(spec, value, value.isoformat())
    if spec.past_only and value > (today or datetime.now(UTC).date()):
        raise ValidationError(spec.name, f"{value.isoformat()} lies in the future")
    return value


def parse_datetime(spec: FieldSpec, value: Any) -> datetime | None:
    """An ISO timestamp; a naive one is read as UTC. Stored in UTC. Refused as in parse_date."""
    if value is None or value == "":
        return None
    if not isinstance(value, datetime):
        text = str(value).strip()
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(spec.name, f"{text[:40]!r} is not a date and time "
                                             "(expected YYYY-MM-DD HH:MM)") from None
    # Checked before moving to UTC too, which fails for the first hours of year 1.
    _check_earliest(spec, value.date(), value.isoformat())
    try:
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise ValidationError(spec.name, f"{value.isoformat()} is outside the dates that "
                                         "can be stored") from None
    _check_earliest(spec, value.date(), value.isoformat())
    if spec.past_only and value > datetime.now(UTC):
        raise ValidationError(spec.name, f"{value.isoformat()} lies in the future")
    return value


def _check_earliest(spec: FieldSpec, day: date, shown: str) -> None:
    if spec.earliest is not None and day < spec.earliest:
        raise ValidationError(spec.name, f"{shown} is before {spec.earliest.isoformat()}, the "
                                         "earliest date accepted here; check the year")


# One comma between digits: "4,5", "12,50", "1,250" (see _number_text).
_ONE_COMMA = re.compile(r"([+-]?\d+),(\d+)")
# Digits grouped by thousands: "1,250,000", "1,250.50" (see _number_text).
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# Field types in which unambiguous thousands separators are read (whole numbers, amounts).
_GROUPING_READ = ("int", "decimal")
_CONVERTERS: dict[str, Callable[[Any], Any]] = {"int": int, "float": float, "decimal": Decimal}


def _parse_number(spec: FieldSpec, value: Any) -> int | float | Decimal | None:
    """A number for an int, float or decimal field; text is read as `_number_text` says.

    Nothing is rounded: a value the store would keep as another number (a fraction in a
    whole-number field, a third decimal place in an amount) is refused, as are NaN and
    infinities.
    """
    if value is None or value == "":
        return None
    number = _convert(spec, value)
    shown = repr(str(value).strip()[:40])
    if spec.type != "int" and not _finite(number):
        raise ValidationError(spec.name, f"{shown} is not a finite number")
    limit = {"int": INT_LIMIT, "decimal": DECIMAL_LIMIT}.get(spec.type)
    if limit is not None and abs(number) > limit:
        raise ValidationError(spec.name, f"{shown} is too large (at most {limit:,})")
    if spec.type == "decimal" and number != number.quantize(_CENT):
        raise ValidationError(spec.name, f"{shown} has more than two decimal places; amounts "
                                         "are kept to the cent")
    return number


def _finite(number: float | Decimal) -> bool:
    # A Decimal is not turned into a float: 1e400 is finite, and a signalling NaN would raise.
    return number.is_finite() if isinstance(number, Decimal) else math.isfinite(number)


def _convert(spec: FieldSpec, value: Any) -> Any:
    if isinstance(value, str):
        given: Any = _number_text(spec, value.strip())
    elif spec.type == "decimal" and isinstance(value, float):
        given = repr(value)  # the float as written (0.1), not its binary expansion
    else:
        given = value
    try:
        number = _CONVERTERS[spec.type](given)
    except (ValueError, InvalidOperation, TypeError, OverflowError):
        what = "a whole number" if spec.type == "int" else "a number"
        raise ValidationError(spec.name, f"{str(value).strip()[:40]!r} is not {what}; "
                                         f"{_number_hint(spec)}") from None
    if spec.type == "int" and not isinstance(value, str) and number != value:
        raise ValidationError(spec.name, f"{value!r} is not a whole number")
    return number


def _number_text(spec: FieldSpec, text: str) -> str:
    """The text of a typed number with its commas read, where only one reading is possible;
    nothing that could mean two numbers is guessed at.

    - A point is always the decimal point ("4.5"; "1.250" is one and a quarter).
    - One comma between digits, not followed by exactly three digits ("4,5", "12,50",
      "0,1255"), can only be a decimal comma: read as a point (whole-number fields refuse it).
    - One comma followed by exactly three digits and nothing else ("1,250", "12,500",
      "0,125") may separate thousands or decimals: refused in every field, with both readings.
    - Commas grouping thousands where none can be a decimal comma, several groups
      ("1,250,000") or a group before a decimal point ("1,250.50", as trade papers write
      amounts), are read as thousands separators in whole numbers and amounts; coordinates
      and picture regions, which never reach the thousands, refuse them.
    - Any other comma ("1.250,50", "4,", "12,50,000") is refused.
    """
    if "," not in text:
        return text
    shown = repr(text[:40])
    one_comma = _ONE_COMMA.fullmatch(text)
    if one_comma is None:
        if not _GROUPED.fullmatch(text):
            raise ValidationError(spec.name, f"{shown} is not a number; {_number_hint(spec)}")
        if spec.type not in _GROUPING_READ:
            raise ValidationError(spec.name, f"{shown} has thousands separators; "
                                             f"{_number_hint(spec)}")
        return text.replace(",", "")
    whole, fraction = one_comma.groups()
    if len(fraction) == 3:
        thousands = int(whole + fraction)
        meant = f"{thousands} (digits only)" if spec.type == "int" else \
            f"{thousands} or {whole}.{fraction}, as meant"
        raise ValidationError(spec.name, f"{shown} could be {thousands} or "
                                         f"{whole}.{fraction} (a comma before three digits may "
                                         f"separate thousands or decimals); write {meant}")
    if spec.type == "int":
        raise ValidationError(spec.name, f"{shown} is not a whole number; {_number_hint(spec)}")
    return f"{whole}.{fraction}"


def _number_hint(spec: FieldSpec) -> str:
    if spec.type == "int":
        return "write whole numbers with digits only (e.g. 1250)"
    return "write a point for decimals and no thousands separators (e.g. 1250.5)"


def _parse_list(spec: FieldSpec, value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value.split(";") if isinstance(value, str) else _items(spec, value)
    cleaned = tuple(dict.fromkeys(t for t in (clean_text(spec, v) for v in items) if t))
    for item in cleaned:
        if spec.choices and item not in spec.choices:
            raise ValidationError(spec.name, f"{item!r} is not one of: {', '.join(spec.choices)}")
    return cleaned


# A source graded without a grade: "cannot be judged" in the Admiralty system.
UNGRADED = {"reliability": "F", "credibility": 6}


def _parse_choice(spec: FieldSpec, value: Any) -> str | int:
    text = clean_text(spec, value)
    if not text:
        return UNGRADED.get(spec.name, "")
    match = _choices_by_case(spec.choices).get(text.lower())
    if match is None:
        raise ValidationError(spec.name, f"{text[:40]!r} is not one of: {', '.join(spec.choices)}")
    return int(match) if spec.name == "credibility" else match


@cache
def _choices_by_case(choices: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for choice in choices:
        found.setdefault(choice.lower(), choice)
    return found


def _parse_code(spec: FieldSpec, value: Any) -> str:
    text = clean_text(spec, value).upper()
    if text and (len(text) != spec.max_len or not _CODE.match(text)):
        raise ValidationError(spec.name, f"{text[:20]!r} is not a {spec.max_len}-letter code")
    return text


def _parse_refs(spec: FieldSpec, value: Any) -> tuple[UUID, ...]:
    return tuple(parse_uuid(spec.name, v) for v in _items(spec, value or ()))


def _items(spec: FieldSpec, value: Any) -> list[Any]:
    """The values of a list field given as a list (a package's or a caller's); a single
    number or other value that holds no list is refused, naming the field."""
    try:
        return list(value)
    except TypeError:
        raise ValidationError(spec.name, f"{str(value)[:40]!r} is not a list of values; "
                                         "give the values separated by ';'") from None


def _parse_required_number(spec: FieldSpec, value: Any) -> Any:
    number = _parse_number(spec, value)
    if number is None and spec.required:
        raise ValidationError(spec.name, "is required")
    return number


def _parse_pattern(spec: FieldSpec, value: Any) -> Any:
    from forensics_gui.core.patterns import check_pattern

    text = clean_text(spec, value)
    if not text:
        return text
    try:
        return check_pattern(text)
    except ValueError as error:
        raise ValidationError(spec.name, str(error)) from None


_PARSERS: dict[str, Callable[[FieldSpec, Any], Any]] = {
    "int": _parse_required_number, "float": _parse_required_number,
    "decimal": _parse_required_number,
    "date": parse_date,
    "datetime": parse_datetime, "list": _parse_list, "choice": _parse_choice,
    "code": _parse_code, "refs": _parse_refs,
    "filters": lambda _spec, value: parse_filters(value),
    "ref": lambda _spec, value: value, "hs": lambda _spec, value: value,
    "pattern": _parse_pattern,
}


_UNSEEN = object()
# What a memo of `parse_values` may share between rows: values nobody can change.
_IMMUTABLE = frozenset({str, int, float, bool, Decimal, date, datetime, type(None)})


def parse_value(spec: FieldSpec, value: Any) -> Any:
    """Convert one value to the field's type, raising ValidationError naming the field.

    References ('ref') and HS codes ('hs') are returned as given (see `parse_values`).
    """
    return _PARSERS.get(spec.type, clean_text)(spec, value)


def parse_values(kind_spec: KindSpec, values: dict[str, Any], *, partial: bool,
                 memo: dict[tuple[str, str], Any] | None = None) -> dict[str, Any]:
    """Check every given value; for a new record (partial=False) required fields must be there.

    References ('ref' fields) are returned as given: resolving a name to a record needs the
    store, which the services do. `memo`, a dict the caller keeps for one kind over many
    rows, saves checking the same text of a field twice (imports repeat values a great deal);
    values refused are checked again each time, so each row gets its own error.
    """
    fields = _field_index(kind_spec.name)
    parsed: dict[str, Any] = {}
    for name, value in values.items():
        if memo is not None and type(value) is str:
            found = memo.get((name, value), _UNSEEN)
            if found is _UNSEEN:
                spec = fields.get(name) or kind_spec.field(name)
                found = _PARSERS.get(spec.type, clean_text)(spec, value)
                if type(found) in _IMMUTABLE:
                    memo[(name, value)] = found
            parsed[name] = found
            continue
        spec = fields.get(name) or kind_spec.field(name)
        parsed[name] = _PARSERS.get(spec.type, clean_text)(spec, value)
    if not partial:
        for name in _required_fields(kind_spec.name):
            if name not in parsed:
                raise ValidationError(name, "is required")
    return parsed
