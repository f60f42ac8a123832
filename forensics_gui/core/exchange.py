"""What a spreadsheet's columns mean: the targets a column can fill for each kind of record
imported, the headers recognised for each, and the public layouts analysts already hold.

A column maps to one target or to nothing (ignored). Targets are the record's fields, except
that references are given as people write them (a maker's name, a part number, an item's case
reference, a source's title) or as ids; the importer resolves them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP

IMPORT_KINDS = ("finding", "part", "org", "item", "link")


@dataclass(frozen=True)
class Target:
    """Something a column can fill: `name` is what the importer reads, `label` what people see."""

    name: str
    label: str
    headers: tuple[str, ...] = ()  # headers that mean this target, compared by `header_key`
    help: str = ""


def _t(name: str, label: str, *headers: str, help: str = "") -> Target:
    return Target(name, label, (name, label, *headers), help)


_ID = _t("id", "Id", "uuid", "record id",
         help=QT_TRANSLATE_NOOP("fields", "the record's id: rows already in the store are "
                                          "recognised by it"))
_SOURCES = _t("sources", "Sources", "source", "source_ids", "source title", "source titles",
              "sources cited",
              help=QT_TRANSLATE_NOOP("fields", "titles or ids of sources, separated by ';'"))
_NOTES = _t("notes", "Notes", "note", "comment", "comments", "remarks")
_MAKER = _t("manufacturer", "Manufacturer", "manufacturer_id", "manufacturer_name", "maker",
            "brand", "vendor", "producer", "mfr", "manufacturer name",
            help=QT_TRANSLATE_NOOP("fields", "name or id; 'Not identified' leaves it empty"))
_MAKER_COUNTRY = _t("manufacturer_country",
                    QT_TRANSLATE_NOOP("fields", "Manufacturer's country"),
                    "maker country", "country of manufacturer", "country",
                    "manufacturer country",
                    help=QT_TRANSLATE_NOOP("fields", "two-letter code or English name; used "
                                                     "when the maker is new"))
_PART_NUMBER = _t("part_number", "Part number", "part_id", "part", "part no", "part nr", "pn",
                  "p/n", "mpn", "ordering code", "part number as marked")
_FUNCTION = _t("function", "Function", "product", "type", "component type", "description",
               "purpose")

TARGETS: dict[str, tuple[Target, ...]] = {
    "finding": (
        _ID,
        _t("item", "Recovered item", "item_id", "case_reference", "case", "case ref",
           "case reference", "case number", "item reference",
           help=QT_TRANSLATE_NOOP("fields", "case reference or id of the recovered item")),
        _t("weapon", QT_TRANSLATE_NOOP("fields", "Weapon system"), "weapon system", "system",
           "system type", "system_type", "weapon_system", "weapon type", "missile", "drone",
           help=QT_TRANSLATE_NOOP("fields", "system type by name or alias; rows without an "
                                            "item are filed under one item per weapon and "
                                            "source")),
        _PART_NUMBER, _MAKER, _MAKER_COUNTRY, _FUNCTION,
        _t("marking", "Marking as read", "marking as read", "markings", "refs / marking",
           "refs/marking", "refs", "marking text", "component",
           help=QT_TRANSLATE_NOOP("fields", "as printed, several lines allowed; the part "
                                            "number and date code are read from it when their "
                                            "own columns are missing")),
        _t("date_code", "Date code", "datecode", "date code", "dc"),
        _t("lot_code", "Lot code", "lot", "lot number", "batch"),
        _t("quantity", "Quantity", "qty", "count", "pieces"),
        _t("location", "Location in item", "location in item", "position", "board",
           "module", "place"),
        _t("confidence", "Confidence"),
        _t("identification", "Identification"),
        _SOURCES, _NOTES,
    ),
    "part": (
        _ID, _PART_NUMBER, _MAKER, _MAKER_COUNTRY,
        _t("function", "Function", "product", "type"),
        _t("category", "Category"),
        _t("hs_code", "HS code", "hs", "hs6", "hs code", "hs6_indicative", "tariff code"),
        _t("eccn", "ECCN"),
        _t("description", "Description"),
        _NOTES,
    ),
    "org": (
        _ID,
        _t("name", "Name", "organization", "organisation", "company", "company name",
           "entity", "entity name"),
        _t("roles", "Roles", "role"),
        _t("country", "Country", "country code", "jurisdiction"),
        _t("aliases", "Aliases", "alias", "also known as", "aka"),
        _t("former_names", "Former names", "former name"),
        _t("successor", "Successor", "successor_id", "now part of", "successor name"),
        _t("identifiers", "Identifiers", "identifier", "registration"),
        _t("addresses", "Addresses", "address"),
        _t("website", "Website", "web", "url"),
        _NOTES,
    ),
    "item": (
        _ID,
        _t("item", "Case reference", "case_reference", "case", "case ref", "item",
           "case number", "reference"),
        _t("weapon", QT_TRANSLATE_NOOP("fields", "Weapon system"), "system_type_id",
           "system_type_name", "system type",
           "system", "weapon system", "weapon", "weapon_system"),
        _t("serial_number", "Serial number", "serial", "serial no", "s/n"),
        _t("production_markings", "Production markings"),
        _t("recovered_on", "Recovered on", "recovery date", "date recovered", "date"),
        _t("recovery_place", "Recovery place", "place", "location", "recovered at"),
        _t("latitude", "Latitude", "lat"),
        _t("longitude", "Longitude", "lon", "lng", "long"),
        _t("circumstances", "Circumstances"),
        _t("condition", "Condition"),
        _t("recovering_unit", "Recovering unit", "unit"),
        _t("handling_marking", "Handling marking", "classification"),
        _NOTES,
    ),
    "link": (
        _ID,
        _t("seller", "Seller", "seller_id", "seller_name", "from", "exporter", "shipper",
           "supplier"),
        _t("buyer", "Buyer", "buyer_id", "buyer_name", "to", "importer", "consignee"),
        _PART_NUMBER,
        _t("finding", "Finding", "finding_id",
           help=QT_TRANSLATE_NOOP("fields", "id of the finding the link explains")),
        _t("shipped_on", "Date", "date", "shipped on", "shipment date", "shipped"),
        _t("quantity", "Quantity", "qty"),
        _t("value", "Value", "amount", "value usd"),
        _t("currency", "Currency"),
        _t("declared_hs_code", "Declared HS code", "hs code", "hs", "declared hs"),
        _t("declared_description", "Declared goods description", "goods description",
           "declared description"),
        _t("status", "Status", "link status"),
        _SOURCES, _NOTES,
    ),
}


# Targets naming another record: several columns may fill one (an id column and a name
# column, as exports write them); the first that names a record the store holds wins.
REFERENCES = frozenset({"item", "weapon", "part_number", "manufacturer", "successor", "seller",
                        "buyer", "sources", "finding"})


def header_key(text: str) -> str:
    """How headers are compared: case, accents, spacing and punctuation other than '/' ignored."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w/]+|_", " ", plain).split())


def targets(kind: str) -> tuple[Target, ...]:
    """The targets of an import of `kind` (one of IMPORT_KINDS)."""
    if kind not in TARGETS:
        raise ValueError(f"cannot import {kind!r}; choose one of {', '.join(IMPORT_KINDS)}")
    return TARGETS[kind]


def target_named(kind: str, name: str) -> Target:
    for target in targets(kind):
        if target.name == name:
            return target
    raise ValueError(f"{name!r} is not a column an import of {kind} records takes; "
                     f"choose one of {', '.join(t.name for t in targets(kind))}")


def guess_mapping(kind: str, columns: Sequence[str]) -> dict[str, str | None]:
    """{column: target name or None (ignored)}: each header matched against the targets'
    known headers; a target is given to the first column that names it (a reference to
    every column that names it)."""
    known: dict[str, str] = {}
    for target in targets(kind):
        for header in target.headers:
            known.setdefault(header_key(header), target.name)
    taken: set[str] = set()
    mapping: dict[str, str | None] = {}
    for column in columns:
        name = known.get(header_key(column))
        mapping[column] = name if name is not None and (
            name not in taken or name in REFERENCES) else None
        if name is not None:
            taken.add(name)
    return mapping


def missing_targets(kind: str, mapping: Mapping[str, str | None]) -> list[str]:
    """What an import of `kind` cannot do without: sentences naming the missing columns."""
    chosen = {t for t in mapping.values() if t}
    needs: dict[str, list[tuple[str, ...]]] = {
        "finding": [("item", "weapon")], "part": [("part_number",)], "org": [("name",)],
        "item": [("item",), ("weapon",)],
        "link": [("seller",), ("buyer",)],
    }
    missing = []
    for alternatives in needs[kind]:
        if not chosen & set(alternatives):
            labels = " or ".join(f"'{target_named(kind, a).label}'" for a in alternatives)
            missing.append(f"no column is mapped to {labels}")
    return missing


# ------------------------------------------------------------------ public layouts
@dataclass(frozen=True)
class Layout:
    """A published table analysts hold, read as it is: its columns, and the source it is."""

    name: str
    label: str
    kind: str
    columns: Mapping[str, str]  # header key -> target
    source_title: str
    source_publisher: str
    source_reference: str
    reliability: str
    credibility: int
    item_prefix: str  # weapon-level rows are filed under "<prefix>: <weapon>"

    def matches(self, columns: Sequence[str]) -> bool:
        keys = {header_key(c) for c in columns}
        return set(self.columns) <= keys


LAYOUTS: tuple[Layout, ...] = (
    Layout("hur", 'HUR "Foreign components in weapons"', "finding",
           {"product": "function", "refs / marking": "marking", "weapon": "weapon",
            "manufacturer country": "manufacturer_country", "manufacturer": "manufacturer"},
           "War & Sanctions portal (HUR), Foreign components in weapons",
           "Defence Intelligence of Ukraine (HUR)", "war-sanctions.gur.gov.ua/en/components",
           "B", 2, "HUR list"),
    Layout("kse", "KSE / RUSI component table", "finding",
           {"component": "marking", "manufacturer": "manufacturer",
            "country": "manufacturer_country", "weapon": "weapon"},
           "Component table (KSE Institute / RUSI layout)", "", "", "B", 2, "Component table"),
)

# What public lists write where no maker could be named.
NOT_IDENTIFIED = frozenset(header_key(t) for t in (
    "Not identified", "Unidentified", "Unknown", "n/a", "na", "-", "—", "?", "not known",
    "не визначено", "невідомо", "не идентифицирован"))


def layout_of(columns: Sequence[str]) -> Layout | None:
    """The public layout the columns are, or None."""
    return next((layout for layout in LAYOUTS if layout.matches(columns)), None)


def layout_named(name: str) -> Layout:
    for layout in LAYOUTS:
        if layout.name == name:
            return layout
    raise ValueError(f"unknown layout {name!r}; choose one of "
                     f"{', '.join(layout.name for layout in LAYOUTS)}")


def layout_mapping(layout: Layout, columns: Sequence[str]) -> dict[str, str | None]:
    """The layout's mapping of these columns; other columns are ignored."""
    return {c: layout.columns.get(header_key(c)) for c in columns}


@lru_cache(maxsize=4096)
def is_not_identified(text: str) -> bool:
    """Whether a maker cell says that no maker was identified."""
    return header_key(text) in NOT_IDENTIFIED or not header_key(text)
