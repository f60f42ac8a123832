"""One spreadsheet row into one record: its references resolved (see `import_resolver`), its
values checked as `records.create` checks them; or the reason it is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from forensics_gui.core.countries import country_code
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import search_key
from forensics_gui.services import bulk, derive
from forensics_gui.services.exchange.import_resolver import (
    LIST_SEPARATOR,
    Draft,
    Refused,
    Resolver,
    as_uuid,
)
from forensics_gui.services.references import lookup

# The target a column fills for each field of a record, where they differ.
FIELD_TARGET = {"item_id": "item", "system_type_id": "weapon", "part_id": "part_number",
                "manufacturer_id": "manufacturer", "source_ids": "sources",
                "successor_id": "successor", "seller_id": "seller", "buyer_id": "buyer",
                "finding_id": "finding"}
# Plain fields each kind takes straight from its column of the same name.
PLAIN = {
    "finding": ("function", "marking", "date_code", "lot_code", "quantity", "location",
                "confidence", "identification", "notes"),
    "part": ("function", "category", "hs_code", "eccn", "description", "notes"),
    "org": ("roles", "aliases", "former_names", "identifiers", "addresses", "website", "notes"),
    "item": ("serial_number", "production_markings", "recovered_on", "recovery_place",
             "latitude", "longitude", "circumstances", "condition", "recovering_unit", "notes"),
    "link": ("shipped_on", "quantity", "value", "currency", "declared_hs_code",
             "declared_description", "status", "notes"),
}
@dataclass(frozen=True)
class Refusal:
    """A row that cannot be imported: where and why."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.reason}"



# ------------------------------------------------------------------ rows
def build_row(resolver: Resolver, number: int, row: Draft, row_id: UUID) -> Any:
    """The checked values of the row's record; a sentence saying what it matched when the
    store already holds it; or a Refusal."""
    resolver.begin()
    try:
        given = resolver.value(row, "id")
        if given:
            given_id = as_uuid(given)
            if given_id is None:
                raise Refused("id", f"{given!r} is not an id")
            if given_id in resolver.existing:
                return f"already in the store (id {given_id})"
            row_id = given_id
        elif row_id in resolver.existing:
            return "already imported"
        values = _BUILDERS[resolver.kind](resolver, row)
        if isinstance(values, str):
            resolver.abandon()
            return values
        checked = bulk.checked_row(resolver.kind, values, record_id=row_id,
                                   memo=resolver.memo(resolver.kind))
        if resolver.kind == "item":
            resolver.quiet()
            checked |= derive.for_create(resolver.uow, "item", checked)
        resolver.existing.add(row_id)
        return checked
    except Refused as refused:
        resolver.abandon()
        return Refusal(number, resolver.column(refused.target), refused.reason)
    except ValidationError as error:
        resolver.abandon()
        target = FIELD_TARGET.get(error.field, error.field)
        label = kind_spec(resolver.kind).field(error.field).label if _is_field(
            resolver.kind, error.field) else error.field
        return Refusal(number, resolver.column(target) or label, error.reason)


def _is_field(kind: str, name: str) -> bool:
    return any(f.name == name for f in kind_spec(kind).fields)


def _plain(resolver: Resolver, row: Draft, kind: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in PLAIN[kind]:
        found = resolver.values(row, name)
        if found:
            values[name] = found[0]
    return values


def _finding(resolver: Resolver, row: Draft) -> dict[str, Any] | str:
    values = _plain(resolver, row, "finding")
    numbers = resolver.values(row, "part_number")
    marking = values.get("marking", "")
    if marking and "part_number" not in resolver.index:
        reading = resolver.read(marking)
        if reading.problem:
            raise Refused("marking", reading.problem)
        numbers = [reading.part_number] if reading.part_number else []
        for name, read in (("date_code", reading.date_code), ("lot_code", reading.lot_code)):
            if read and name not in resolver.index:
                values[name] = read
    maker = resolver.org(resolver.values(row, "manufacturer"), "manufacturer",
                         resolver.value(row, "manufacturer_country"), "manufacturer")
    part = resolver.part(numbers, maker, values.get("function", ""))
    items, weapons = resolver.values(row, "item"), resolver.values(row, "weapon")
    item = resolver.item(items, weapons)
    if not items:  # a row of a published list: recognised by part (or marking) and weapon
        system = resolver.system(weapons)
        keys = [("part " + numbers[0], search_key(numbers[0]))] if numbers else []
        if marking:
            keys.append((f"marking {marking!r}", "m:" + " ".join(marking.split())))
        for what, key in keys:
            if system is not None and (system, key) in resolver.recorded:
                return f"already in the store: {what} in {weapons[0]}"
        resolver.recorded.update((system, key) for _, key in keys if system is not None)
    return values | {"item_id": item, "part_id": part, "manufacturer_id": maker,
                     "source_ids": resolver.source_ids(row)}


def _part(resolver: Resolver, row: Draft) -> dict[str, Any] | str:
    number = resolver.value(row, "part_number")
    if not number:
        raise Refused("part_number", "is empty")
    maker = resolver.org(resolver.values(row, "manufacturer"), "manufacturer",
                         resolver.value(row, "manufacturer_country"), "manufacturer")
    key = search_key(number)
    if any(by == maker for _, by in resolver.parts.get(key, [])):
        return f"already in the store: part {number}"
    if resolver._planned("part", (key, maker)) is not None:
        return f"repeats part {number} of an earlier row"
    resolver.parts.setdefault(key, []).append((UUID(int=0), maker))
    return _plain(resolver, row, "part") | {"part_number": number, "manufacturer_id": maker}


def _org(resolver: Resolver, row: Draft) -> dict[str, Any] | str:
    name = resolver.value(row, "name")
    if not name:
        raise Refused("name", "is empty")
    key = name_key(name)
    if resolver.orgs.get(key):
        return f"already in the store: {name}"
    if key in resolver.seen:
        return f"repeats {name} of an earlier row"
    values = _plain(resolver, row, "org") | {"name": name}
    for field in ("roles", "aliases", "former_names", "identifiers", "addresses"):
        if field in values:
            values[field] = [v.strip() for v in values[field].split(LIST_SEPARATOR) if v.strip()]
    country = resolver.value(row, "country")
    if country:
        values["country"] = country_code(country) or country
    successor = resolver.org(resolver.values(row, "successor"), "successor")
    resolver.seen.add(key)
    return values | {"successor_id": successor}


def _item(resolver: Resolver, row: Draft) -> dict[str, Any] | str:
    reference = resolver.value(row, "item")
    if not reference:
        raise Refused("item", "is empty")
    if resolver.items.get(reference.lower()):
        return f"already in the store: {reference}"
    system = resolver.system(resolver.values(row, "weapon"))
    if system is None:
        raise Refused("weapon", "is empty")
    values = _plain(resolver, row, "item") | {"case_reference": reference,
                                                 "system_type_id": system}
    marking = resolver.value(row, "handling_marking")
    if marking:
        resolver.quiet()
        found = lookup(resolver.uow, "marking", marking)
        if found is None:
            raise Refused("handling_marking", f"the store has no handling marking {marking!r}")
        values["handling_marking"] = resolver.uow.get("marking", found).name
    resolver.items[reference.lower()] = [UUID(int=0)]
    return values


def _link(resolver: Resolver, row: Draft) -> dict[str, Any] | str:
    seller = resolver.org(resolver.values(row, "seller"), "seller")
    buyer = resolver.org(resolver.values(row, "buyer"), "buyer")
    if seller is None or buyer is None:
        raise Refused("seller" if seller is None else "buyer", "is empty")
    finding = None
    for text in resolver.values(row, "finding"):
        finding = resolver._known_id("finding", text)
        if finding is None:
            raise Refused("finding", f"the store has no finding with id {text}")
    part = resolver.part(resolver.values(row, "part_number"), None)
    return _plain(resolver, row, "link") | {
        "seller_id": seller, "buyer_id": buyer, "part_id": part, "finding_id": finding,
        "source_ids": resolver.source_ids(row)}


_BUILDERS = {"finding": _finding, "part": _part, "org": _org, "item": _item, "link": _link}
