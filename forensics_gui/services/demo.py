"""The demo data set: public teardown findings, fictional supply chains, and the usual
modules of each system type (the checklist a teardown starts from).

Findings belong to a recovered item, so one demo item is made per system type that has
findings; its recovery details are marked as demo values. Modules cite the same source
records as the findings.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import IntegrityRuleError
from forensics_gui.core.resources import asset_path
from forensics_gui.services.custody import transfer_in
from forensics_gui.services.records import create_in
from forensics_gui.storage.store import Store, retried_writes

DEMO_PREFIX = "DEMO-"
DEMO_NOTE = "Demo value: not a real recovery. Replace with case data before use."
# Demo recovery dates, late enough for every date code in the set.
RECOVERY_DATES = {
    "Iskander-M 9M723": date(2024, 6, 15), "Shahed-136": date(2023, 1, 10),
    "Orlan-10": date(2022, 10, 1), "Lancet": date(2023, 3, 1), "Kh-101": date(2022, 11, 23),
    "Kalibr 3M-14": date(2022, 12, 16), "Kh-55": date(2022, 11, 26),
}
# (starts with, kind, reliability, credibility) to grade the cited publications.
SOURCE_GRADES = (
    ("War & Sanctions portal", "teardown report", "B", 2), ("RUSI", "teardown report", "B", 2),
    ("Hackaday", "teardown report", "C", 3), ("Conflict Armament", "press", "B", 3),
    ("CNN", "press", "C", 3), ("Press", "press", "C", 3), ("Demo record", "other", "F", 6),
)
# A brand in brackets after a maker names the company that marked the part, since absorbed.
BRANDS = re.compile(r"^(?P<owner>.+?) \((?P<brand>.+)\)$")


@dataclass
class _Loader:
    uow: Any
    orgs: dict[str, UUID] = field(default_factory=dict)
    sources: dict[str, UUID] = field(default_factory=dict)
    parts: dict[tuple[str, UUID], UUID] = field(default_factory=dict)
    items: dict[str, UUID] = field(default_factory=dict)

    def maker(self, name: str, country: str) -> UUID:
        match = BRANDS.match(name)
        if match:
            owner = self.org(match["owner"], country, "manufacturer")
            return self.org(match["brand"], country, "manufacturer", successor=owner)
        return self.org(name, country, "manufacturer")

    def org(self, name: str, country: str, role: str, successor: UUID | None = None) -> UUID:
        if name not in self.orgs:
            notes = "Fictional demo entity" if "fictional" in name or "demo" in name else ""
            self.orgs[name] = create_in(self.uow, "org", {
                "name": name, "country": country, "roles": [role], "successor_id": successor,
                "notes": notes}).id
        return self.orgs[name]

    def source(self, title: str) -> UUID:
        if title not in self.sources:
            kind, reliability, credibility = _grade(title)
            self.sources[title] = create_in(self.uow, "source", {
                "title": title, "kind": kind, "reliability": reliability,
                "credibility": credibility, "publisher": title.split(",")[0]}).id
        return self.sources[title]


def _grade(title: str) -> tuple[str, str, int]:
    for prefix, kind, reliability, credibility in SOURCE_GRADES:
        if title.startswith(prefix):
            return kind, reliability, credibility
    return "press", "C", 3


def _rows(name: str) -> list[dict[str, str]]:
    with asset_path("data", "demo", name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def has_demo(store: Store) -> bool:
    """True when the store already holds the demo data."""
    with store.reading() as uow:
        return any(uow.find_by_name("item", "case_reference", f"{DEMO_PREFIX}{name}")
                   for name in ("ISKANDER-M-9M723-001", "SHAHED-136-001"))


@retried_writes
def load_demo(store: Store,
              progress: Callable[[int, int, str], None] | None = None) -> dict[str, int]:
    """Load the demo data set in one transaction; returns how many records of each kind.
    `progress(done, total, what)` is told after each record of the data set."""
    if has_demo(store):
        raise IntegrityRuleError("the store already holds the demo data")
    report = progress or (lambda done, total, what: None)
    findings, links = _rows("component_findings.csv"), _rows("supply_links.csv")
    modules = _rows("module_templates.csv")
    total = 1 + len(findings) + len(links) + len(modules)
    with store.writing() as uow:
        loader = _Loader(uow)
        report(0, total, "weapon system types")
        _load_systems(uow)
        for number, row in enumerate(findings, 1):
            _load_finding(loader, row)
            report(1 + number, total, f"component findings ({number} of {len(findings)})")
        for number, row in enumerate(links, 1):
            _load_link(loader, row)
            report(1 + len(findings) + number, total,
                   f"supply links ({number} of {len(links)})")
        for number, row in enumerate(modules, 1):
            _load_module(loader, row)
            report(1 + len(findings) + len(links) + number, total,
                   f"template modules ({number} of {len(modules)})")
        return uow.counts()


def _load_systems(uow: Any) -> None:
    for row in _rows("weapon_systems.csv"):
        create_in(uow, "system", {
            "name": row["name"], "aliases": row["aliases"], "category": row["category"],
            "origin_country": row["origin_country"], "producer": row["producer"],
            "notes": row["notes"]})


def _item(loader: _Loader, system: str) -> UUID:
    if system not in loader.items:
        reference = DEMO_PREFIX + re.sub(r"[^A-Z0-9]+", "-", system.upper()) + "-001"
        recovered = RECOVERY_DATES.get(system)
        item = create_in(loader.uow, "item", {
            "system_type_id": system, "case_reference": reference, "recovered_on": recovered,
            "recovery_place": "Demo value", "circumstances": "Demo value",
            "recovering_unit": "Demo recovering unit", "handling_marking": "OFFICIAL",
            "notes": DEMO_NOTE})
        _demo_transfer(loader.uow, item.id, recovered)
        loader.items[system] = item.id
    return loader.items[system]


def _demo_transfer(uow: Any, item_id: UUID, recovered: date | None) -> None:
    when = datetime.combine(recovered or date(2023, 1, 1), datetime.min.time(), UTC)
    transfer = {"released_by": "Demo recovering unit", "received_by": "Demo forensic laboratory",
                "occurred_at": when.replace(hour=12), "place": "Demo value",
                "purpose": "teardown and documentation", "notes": "", }
    transfer_in(uow, item_id, transfer)


def _part(loader: _Loader, row: dict[str, str], maker: UUID) -> UUID | None:
    number = row["part_number"].strip()
    if not number:
        return None
    if (number, maker) not in loader.parts:
        loader.parts[(number, maker)] = create_in(loader.uow, "part", {
            "part_number": number, "manufacturer_id": maker, "function": row["function"],
            "hs_code": row.get("hs6_indicative", "")}).id
    return loader.parts[(number, maker)]


def _load_finding(loader: _Loader, row: dict[str, str]) -> None:
    maker = loader.maker(row["manufacturer"], row["manufacturer_country"])
    part = _part(loader, row, maker)
    create_in(loader.uow, "finding", {
        "item_id": _item(loader, row["weapon_system"]), "part_id": part,
        "manufacturer_id": maker, "function": row["function"], "marking": row["marking"],
        "date_code": row["date_code"], "confidence": row["confidence"],
        "source_ids": [loader.source(row["source"])]})


def _load_link(loader: _Loader, row: dict[str, str]) -> None:
    seller = loader.org(row["seller"], row["seller_country"], row["seller_role"])
    buyer = loader.org(row["buyer"], row["buyer_country"], row["buyer_role"])
    parts = [pid for (number, _), pid in loader.parts.items() if number == row["part_number"]]
    create_in(loader.uow, "link", {
        "seller_id": seller, "buyer_id": buyer, "part_id": parts[0] if parts else None,
        "shipped_on": row["date"], "quantity": row["quantity"], "status": row["status"],
        "notes": row["notes"], "source_ids": [loader.source(row["source"])]})


def _load_module(loader: _Loader, row: dict[str, str]) -> None:
    source = row["source"].strip()
    create_in(loader.uow, "module", {
        "system_type_id": row["weapon_system"], "position": row["position"],
        "name": row["module"], "function": row["function"], "expected": row["expected"],
        "source_id": loader.source(source) if source else None, "notes": row["notes"]})
