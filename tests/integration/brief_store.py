"""A larger store for the briefs' tests: a few hundred findings in sixty recovered items, and
a few hundred supply links through fictional intermediaries, each part with a layered network
of its own (distributors, traders trading among themselves, importers, end users), some links
undated, a few between a company and itself, graded sources, and designations in force and
lifted. Every company is fictional, makers included."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from forensics_gui.services import records, stores
from forensics_gui.services.bulk import bulk_create

STEMS = ("Huaxin", "Jinyuan", "Tianrui", "Hengtai", "Everbright", "Sinotech", "Kestrel",
         "Marlow", "Ostrava", "Veles", "Arctur", "Dalnyaya", "Polar Star", "Sable", "Zenit")
ROLES = (("manufacturer", 5, ("US", "CH", "DE", "JP", "NL")),
         ("distributor", 8, ("DE", "NL", "FR", "IT")),
         ("trading company", 20, ("HK", "AE", "TR", "KZ", "CN", "AM")),
         ("importer", 8, ("RU",)), ("end user", 4, ("RU",)))
GRADES = (("A", "1"), ("B", "2"), ("C", "3"), ("B", "3"), ("D", "4"), ("F", "6"))
STATUSES = ("documented", "probable", "probable", "hypothesis")
START = date(2021, 1, 1)


@dataclass(frozen=True)
class Generated:
    """What was made: ids by role, the parts (the first is the busiest), items."""

    orgs: dict[str, list[UUID]]
    names: dict[UUID, str]
    parts: list[UUID]
    part_numbers: list[str]
    items: list[UUID]
    findings: int
    links: int


def generate(store: stores.Store, seed: int = 7, findings: int = 400) -> Generated:
    """Fill an empty store; returns what was made."""
    rng = random.Random(seed)
    systems = bulk_create(store, "system", [
        {"name": f"Test system {n} (fictional)", "origin_country": "RU"} for n in "ABC"])
    sources = bulk_create(store, "source", [
        {"title": f"Test source {n} (fictional)", "kind": "customs record" if n % 2 else "press",
         "reliability": r, "credibility": c} for n, (r, c) in enumerate(GRADES)])
    orgs, names = _orgs(store, rng)
    numbers = [f"GEN-{n:03d}-{rng.choice('ABXZ')}{rng.randrange(10, 99)}" for n in range(12)]
    parts = bulk_create(store, "part", [
        {"part_number": number, "manufacturer_id": orgs["manufacturer"][n % 5],
         "function": rng.choice(("microcontroller", "GNSS receiver", "DC/DC converter"))}
        for n, number in enumerate(numbers)])
    items = bulk_create(store, "item", [
        {"system_type_id": systems[n % 3], "case_reference": f"GEN-ITEM-{n:03d}",
         "recovered_on": None if n % 10 == 9 else START + timedelta(days=400 + 13 * n),
         "handling_marking": "OFFICIAL-SENSITIVE" if n % 7 == 0 else "OFFICIAL"}
        for n in range(60)])
    bulk_create(store, "finding", _findings(rng, findings, items, parts, numbers, sources))
    links = list(_links(rng, orgs, parts, sources))
    bulk_create(store, "link", links)
    _designations(store, orgs, sources)
    return Generated(orgs, names, parts, numbers, items, findings, len(links))


def _orgs(store: stores.Store, rng: random.Random
          ) -> tuple[dict[str, list[UUID]], dict[UUID, str]]:
    rows, roles = [], []
    for role, count, countries in ROLES:
        for n in range(count):
            name = f"{STEMS[(n + len(rows)) % len(STEMS)]} {role.title()} {n + 1} (fictional)"
            rows.append({"name": name, "country": rng.choice(countries), "roles": [role]})
            roles.append(role)
    ids = bulk_create(store, "org", rows)
    found: dict[str, list[UUID]] = {}
    for role, org_id in zip(roles, ids, strict=True):
        found.setdefault(role, []).append(org_id)
    return found, {org_id: row["name"] for org_id, row in zip(ids, rows, strict=True)}


def _findings(rng: random.Random, count: int, items: list[UUID], parts: list[UUID],
              numbers: list[str], sources: list[UUID]) -> list[dict[str, Any]]:
    rows = []
    for n in range(count):
        part = int(len(parts) * rng.random() ** 2)  # the first parts are seen most
        code = "" if rng.random() < 0.15 else f"{rng.randrange(19, 24)}{rng.randrange(1, 53):02d}"
        row: dict[str, Any] = {"item_id": items[n * len(items) // count], "date_code": code,
                               "location": f"main board U{n % 40 + 1}",
                               "source_ids": rng.sample(sources, rng.choice((0, 1, 1, 2)))}
        if rng.random() < 0.9:
            row |= {"part_id": parts[part], "marking": f"{numbers[part]} {code}".strip()}
        else:
            row["marking"] = f"UNREAD {n}"
        rows.append(row)
    return rows


def _links(rng: random.Random, orgs: dict[str, list[UUID]], parts: list[UUID],
           sources: list[UUID]) -> Any:
    """A layered network for each part, the first part's the largest."""
    for number, part in enumerate(parts):
        maker = orgs["manufacturer"][number % 5]
        size = 60 if number == 0 else rng.randrange(8, 24)
        cast = {role: rng.sample(orgs[role], min(len(orgs[role]), k)) for role, k in (
            ("distributor", 2 + (number == 0)), ("trading company", 4 + 4 * (number == 0)),
            ("importer", 2 + (number == 0)), ("end user", 1 + (number == 0)))}
        for distributor in cast["distributor"]:
            yield _link(rng, maker, distributor, part, 0, sources)
        for made in range(size):
            layer = made % 4
            seller, buyer = {
                0: (rng.choice(cast["distributor"]), rng.choice(cast["trading company"])),
                1: tuple(rng.sample(cast["trading company"], 2)),
                2: (rng.choice(cast["trading company"]), rng.choice(cast["importer"])),
                3: (rng.choice(cast["importer"]), rng.choice(cast["end user"]))}[layer]
            if made == 5:
                buyer = seller  # a link between a company and itself, as imports bring
            yield _link(rng, seller, buyer, part, layer + 1, sources)


def _link(rng: random.Random, seller: UUID, buyer: UUID, part: UUID, layer: int,
          sources: list[UUID]) -> dict[str, Any]:
    shipped = None if rng.random() < 0.08 else START + timedelta(
        days=layer * 120 + rng.randrange(0, 200))
    return {"seller_id": seller, "buyer_id": buyer, "part_id": part, "shipped_on": shipped,
            "status": rng.choice(STATUSES), "quantity": rng.randrange(10, 5000),
            "source_ids": rng.sample(sources, rng.choice((0, 1, 1, 2)))}


def _designations(store: stores.Store, orgs: dict[str, list[UUID]],
                  sources: list[UUID]) -> None:
    traders, importers = orgs["trading company"], orgs["importer"]
    rows = [{"organization_id": traders[0], "authority": "OFAC", "listed_on": "2023-05-19",
             "programme": "RUSSIA-EO14024", "source_id": sources[0]},
            {"organization_id": traders[1], "authority": "EU", "listed_on": "2022-12-16",
             "delisted_on": "2024-03-01", "source_id": sources[1]},
            {"organization_id": importers[0], "authority": "UK", "listed_on": "2022-06-29"},
            {"organization_id": traders[2], "authority": "OFAC", "listed_on": None}]
    for row in rows:
        records.create(store, "designation", row)
