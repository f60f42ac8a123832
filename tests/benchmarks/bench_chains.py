"""Probable supply chains of one part on 100,000 organizations and 1,000,000 supply links.

    .venv/bin/python tests/benchmarks/bench_chains.py [--orgs N] [--links N] [--parts N]
        [--queried 50] [--rounds 2] [--seed 3] [--pg-url postgresql://root@127.0.0.1:5432/postgres]
        [--reuse LOCATION ...] [--keep]

Builds a store on SQLite (and on PostgreSQL with --pg-url) through the bulk path
(`services.bulk.bulk_create`): organizations (makers, distributors, traders in transshipment
hubs, other intermediaries, Russian importers and end users), designations of some of them,
graded sources, parts, and links. `--queried` parts get a realistic network of their own,
300 to 3,000 links each: maker to distributors, to traders in hubs, traders selling to each
other (cycles), back from importers to traders (cycles), to Russian importers and end users;
some links undated, some against the time order, a few between a company and itself. The
other links belong to the other parts, or to no part. PostgreSQL is ANALYZEd after the load
(untimed), as autovacuum would.

Timed: `services.supply.chains_for(store, "part", id)` for every queried part, `--rounds`
times each, every sample pooled (median and 95th percentile, nearest rank). Baseline, side by
side: reading the whole link table once (what any per-query whole-graph approach costs at
least). Target: chains p95 <= 200 ms. Prints a table and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import (
    backend_of,
    prepare_location,
    remove_store,
    shown_location,
    temp_store_path,
)

from forensics_gui.services import stores, supply
from forensics_gui.services.bulk import bulk_create
from forensics_gui.storage import models as m

TARGET_P95_MS = 200.0
QUERIED_PREFIX = "QCHAIN"
PG_DATABASE = "forensics_bench_chains"
HUBS = ("HK", "HK", "HK", "TR", "AE", "AE", "AM", "KZ", "KG", "GE", "UZ")
ELSEWHERE = ("CN", "CN", "IN", "RS", "BY", "TH", "MY", "SG", "VN", "IL")
MAKER_COUNTRIES = ("US", "US", "US", "JP", "DE", "CH", "NL", "TW", "KR", "CN")
# (share of the organizations, countries, role)
ORG_GROUPS = (("maker", 0.003, MAKER_COUNTRIES, "manufacturer"),
              ("distributor", 0.05, ("DE", "US", "GB", "NL", "SG", "CN"), "distributor"),
              ("trader", 0.20, HUBS, "trading company"),
              ("other", 0.597, ELSEWHERE, "trading company"),
              ("importer", 0.10, ("RU",), "importer"),
              ("end user", 0.05, ("RU",), "end user"))
STATUSES = ("documented",) * 2 + ("probable",) * 5 + ("hypothesis",) * 3
GRADES = [(r, c) for r in "ABCDEF" for c in range(1, 7)]
START = date(2021, 1, 1)


# ------------------------------------------------------------------ the network
class Network:
    """Draws every row from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.groups: dict[str, list[UUID]] = {}
        self.sources: list[UUID] = []

    def org_rows(self, count: int) -> Iterator[dict[str, Any]]:
        for group, share, countries, role in ORG_GROUPS:
            for number in range(max(1, int(count * share))):
                yield {"name": f"{group.title()} {number:06d} (fictional)", "roles": [role],
                       "country": self.rng.choice(countries), "_group": group}

    def designation_rows(self) -> Iterator[dict[str, Any]]:
        for group, share in (("trader", 0.03), ("importer", 0.2), ("end user", 0.3),
                             ("other", 0.005)):
            for org in self.rng.sample(self.groups[group], int(len(self.groups[group]) * share)):
                listed = START + timedelta(days=self.rng.randrange(1400))
                delisted = listed + timedelta(days=300) if self.rng.random() < 0.05 else None
                yield {"organization_id": org, "authority": self.rng.choice(("OFAC", "EU", "UK")),
                       "listed_on": listed, "delisted_on": delisted}

    def source_rows(self, count: int) -> Iterator[dict[str, Any]]:
        for number in range(count):
            reliability, credibility = self.rng.choice(GRADES)
            yield {"title": f"Benchmark source {number:05d}", "reliability": reliability,
                   "credibility": credibility}

    def part_rows(self, count: int, queried: int) -> Iterator[dict[str, Any]]:
        for number in range(count):
            prefix = QUERIED_PREFIX if number < queried else "PART"
            yield {"part_number": f"{prefix}-{number:06d}",
                   "manufacturer_id": self.rng.choice(self.groups["maker"])}

    def link(self, seller: UUID, buyer: UUID, part: UUID | None, layer: int
             ) -> dict[str, Any]:
        rng = self.rng
        shipped = None if rng.random() < 0.05 else (
            START + timedelta(days=layer * 90 + rng.randrange(-60, 150)))
        cited = rng.sample(self.sources, rng.choice((0, 1, 1, 1, 1, 2, 2)))
        return {"seller_id": seller, "buyer_id": buyer, "part_id": part, "shipped_on": shipped,
                "status": rng.choice(STATUSES), "source_ids": cited}

    def part_links(self, part: UUID, maker: UUID, size: int) -> Iterator[dict[str, Any]]:
        """A network of about `size` links for one part: layered, with cycles and hubs."""
        rng, pick = self.rng, self.rng.choice
        cast = {group: rng.sample(self.groups[group], k) for group, k in (
            ("distributor", max(3, size // 100)), ("trader", max(10, size // 12)),
            ("other", max(3, size // 60)), ("importer", max(5, size // 40)),
            ("end user", max(3, size // 100)))}
        middle = cast["trader"] + cast["other"]
        for distributor in cast["distributor"]:
            yield self.link(maker, distributor, part, 0)
        made = len(cast["distributor"])
        while made < size:
            roll = rng.random()
            if roll < 0.25:
                row = self.link(pick(cast["distributor"]), pick(middle), part, 1)
            elif roll < 0.55:
                row = self.link(pick(middle), pick(middle), part, 2)  # cycles among traders
            elif roll < 0.80:
                row = self.link(pick(middle), pick(cast["importer"]), part, 3)
            elif roll < 0.92:
                row = self.link(pick(cast["importer"]), pick(cast["end user"]), part, 4)
            elif roll < 0.99:
                row = self.link(pick(cast["importer"]), pick(middle), part, 3)  # back again
            else:
                trader = pick(middle)
                row = self.link(trader, trader, part, 2)  # bad data a bulk import can bring
            made += 1
            yield row

    def other_links(self, parts: list[tuple[UUID, UUID]], count: int
                    ) -> Iterator[dict[str, Any]]:
        """Small networks for the other parts, and links recorded with no part."""
        rng, groups = self.rng, self.groups
        made = 0
        while made < count:
            if rng.random() < 0.15:
                seller, buyer = rng.sample(groups["other"] + groups["trader"][:5000], 2)
                made += 1
                yield self.link(seller, buyer, None, rng.randrange(5))
                continue
            part, maker = rng.choice(parts)
            chain = [maker, rng.choice(groups["distributor"]), rng.choice(groups["trader"]),
                     rng.choice(groups["other"]), rng.choice(groups["importer"])]
            for layer, (seller, buyer) in enumerate(pairwise(chain)):
                if made == count:
                    return
                made += 1
                yield self.link(seller, buyer, part, layer)


def generate(location: str, orgs: int, links: int, parts: int, queried: int, seed: int
             ) -> dict[str, Any]:
    """Fill a new store at `location`; returns the seconds each kind took."""
    prepare_location(location)
    network, seconds = Network(seed), {}
    store = stores.init(location)
    started = time.perf_counter()

    def timed(kind: str, rows: Iterator[dict[str, Any]]) -> list[UUID]:
        begun = time.perf_counter()
        ids = bulk_create(store, kind, rows)
        seconds[kind] = round(time.perf_counter() - begun, 1)
        print(f"  {kind:<12}{len(ids):>10,} in {seconds[kind]:7.1f} s", flush=True)
        return ids

    try:
        org_rows = list(network.org_rows(orgs))
        ids = timed("org", ({k: v for k, v in r.items() if k != "_group"} for r in org_rows))
        for row, org_id in zip(org_rows, ids, strict=True):
            network.groups.setdefault(row["_group"], []).append(org_id)
        timed("designation", network.designation_rows())
        network.sources = timed("source", network.source_rows(2_000))
        part_rows = list(network.part_rows(parts, queried))
        part_ids = timed("part", iter(part_rows))
        owned = [(p, r["manufacturer_id"]) for p, r in zip(part_ids, part_rows, strict=True)]
        sizes = [network.rng.randint(300, 3000) for _ in range(queried)]
        timed("link", _all_links(network, owned, queried, sizes, links))
        if backend_of(location) == "postgresql":
            autocommit = store.engine.execution_options(isolation_level="AUTOCOMMIT")
            with autocommit.connect() as connection:
                connection.exec_driver_sql("ANALYZE")
    finally:
        store.close()
    seconds["total"] = round(time.perf_counter() - started, 1)
    return seconds


def _all_links(network: Network, owned: list[tuple[UUID, UUID]], queried: int,
               sizes: list[int], total: int) -> Iterator[dict[str, Any]]:
    for (part, maker), size in zip(owned[:queried], sizes, strict=True):
        yield from network.part_links(part, maker, size)
    yield from network.other_links(owned[queried:], max(0, total - sum(sizes)))


# ------------------------------------------------------------------ measuring
def figures(samples: list[float]) -> dict[str, float]:
    """Median and 95th percentile (nearest rank) in ms."""
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"median": round(statistics.median(ordered), 1), "p95": round(p95, 1),
            "max": round(ordered[-1], 1), "runs": len(ordered)}


def queried_parts(store: stores.Store) -> list[UUID]:
    with store.reading() as uow:
        return list(uow.session.scalars(
            select(m.PartRow.id).where(m.PartRow.part_number.startswith(QUERIED_PREFIX))
            .order_by(m.PartRow.part_number)))


def counts(store: stores.Store) -> dict[str, int]:
    with store.reading() as uow:
        return {name: int(uow.session.execute(select(func.count()).select_from(model))
                          .scalar_one())
                for name, model in (("org", m.OrganizationRow), ("link", m.SupplyLinkRow))}


def measure(location: str, rounds: int) -> dict[str, Any]:
    gc.collect()  # what generating the store left behind is not the search's to pay for
    store = stores.open_existing(location)
    try:
        parts = queried_parts(store)
        supply.chains_for(store, "part", parts[0])  # warm up: imports, connection, caches
        samples, cpu, shapes = [], [], []
        for round_number in range(rounds):
            for part in parts:
                started, used = time.perf_counter(), time.process_time()
                report = supply.chains_for(store, "part", part)
                samples.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - used) * 1000)
                if round_number == 0:
                    # Only the figures: holding 50 whole reports would leave the timed calls
                    # paying for the garbage collector's walks over them, which a desk
                    # officer (one report on screen) never does.
                    shapes.append(Shape(report.links_considered, len(report.chains),
                                        report.paths_found, bool(report.cut_short)))
                del report
        baseline = [whole_graph_read(store) for _ in range(2)]
        return {"location": shown_location(location), "counts": counts(store),
                "parts": len(parts), "chains_ms": figures(samples),
                "chains_client_cpu_ms": figures(cpu),
                "whole_graph_read_ms": figures(baseline), "subgraphs": describe(shapes)}
    finally:
        store.close()


def whole_graph_read(store: stores.Store) -> float:
    """Baseline: every link's seller, buyer, part, date and status read once (ms)."""
    table = m.SupplyLinkRow.__table__
    started = time.perf_counter()
    with store.reading() as uow:
        rows = uow.session.execute(select(table.c.seller_id, table.c.buyer_id, table.c.part_id,
                                          table.c.shipped_on, table.c.status)).all()
    assert rows
    return (time.perf_counter() - started) * 1000


@dataclass(frozen=True)
class Shape:
    """What a report says about the subgraph searched, without the chains themselves."""

    links_considered: int
    chains: int
    paths_found: int
    cut_short: bool


def describe(reports: list[Shape]) -> dict[str, Any]:
    links = sorted(r.links_considered for r in reports)
    return {"links_min": links[0], "links_median": int(statistics.median(links)),
            "links_max": links[-1], "chains_median": int(statistics.median(
                r.chains for r in reports)),
            "paths_found_median": int(statistics.median(r.paths_found for r in reports)),
            "cut_short": sum(1 for r in reports if r.cut_short)}


# ------------------------------------------------------------------ output
def print_table(result: dict[str, Any]) -> None:
    print(f"\nProbable chains of one part, ms (target p95 <= {TARGET_P95_MS:g} ms); seed "
          f"{result['seed']}, {result['rounds']} rounds pooled; load average "
          f"{result['load_average_start']} at the start, {result['load_average_end']} at the end")
    header = (f"{'backend':<11} {'orgs':>8} {'links':>10} {'parts':>6}  {'way':<18} "
              f"{'median':>8} {'p95':>8} {'max':>8}")
    print(header)
    print("-" * len(header))
    for backend, r in result["backends"].items():
        lead = f"{backend:<11} {r['counts']['org']:>8,} {r['counts']['link']:>10,} " \
               f"{r['parts']:>6}"
        ways = (("chains_for", "chains_ms"), ("  this process CPU", "chains_client_cpu_ms"),
                ("whole-graph read", "whole_graph_read_ms"))
        for way, key in ways:
            f = r[key]
            mark = (" ok" if f["p95"] <= TARGET_P95_MS else " MISSED") if key == "chains_ms" \
                else ""
            print(f"{lead}  {way:<18} {f['median']:8.1f} {f['p95']:8.1f} {f['max']:8.1f}{mark}")
            lead = " " * len(lead)
    for backend, r in result["backends"].items():
        s = r["subgraphs"]
        print(f"[{backend}] links per queried part {s['links_min']:,} to {s['links_max']:,} "
              f"(median {s['links_median']:,}); chains shown median {s['chains_median']}, "
              f"found median {s['paths_found_median']:,}; search cut short for "
              f"{s['cut_short']} of {r['parts']}")
    for backend, seconds in result.get("generation_s", {}).items():
        print(f"Generation of the {backend} store: {seconds['total']:.1f} s ({seconds})")


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=1_000_000)
    parser.add_argument("--parts", type=int, default=20_000)
    parser.add_argument("--queried", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--pg-url", help="a PostgreSQL server URL whose user may create "
                                         "databases; adds the PostgreSQL store")
    parser.add_argument("--reuse", nargs="+", metavar="LOCATION",
                        help="measure existing stores made by an earlier --keep run")
    parser.add_argument("--keep", action="store_true", help="keep the generated stores")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = arguments().parse_args(argv)
    result: dict[str, Any] = {"seed": args.seed, "rounds": args.rounds, "backends": {},
                              "generation_s": {}}
    result["load_average_start"] = round(os.getloadavg()[0], 2)
    locations = args.reuse or [temp_store_path("chains.sqlite")] + (
        [args.pg_url.rsplit("/", 1)[0] + "/" + PG_DATABASE] if args.pg_url else [])
    try:
        for location in locations:
            backend = backend_of(location)
            if not args.reuse:
                print(f"generating {args.orgs:,} organizations and {args.links:,} links in "
                      f"{shown_location(location)}", flush=True)
                result["generation_s"][backend] = generate(
                    location, args.orgs, args.links, args.parts, args.queried, args.seed)
            result["backends"][backend] = measure(location, args.rounds)
    finally:
        if not args.reuse:
            for location in locations:
                if args.keep:
                    print(f"store kept at {shown_location(location)}")
                else:
                    remove_store(location)
    result["load_average_end"] = round(os.getloadavg()[0], 2)
    result["target_met"] = all(r["chains_ms"]["p95"] <= TARGET_P95_MS
                               for r in result["backends"].values())
    print_table(result)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
