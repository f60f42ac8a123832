"""Part-number search on a million findings: the service against a LIKE scan and the raw index.

    .venv/bin/python tests/benchmarks/bench_search.py [--findings N] [--small-findings N]
        [--pg-url postgresql://root@127.0.0.1:5432/postgres] [--keep-store PATH] [--keep]
        [--reuse LOCATION ...] [--rounds 2] [--seed 7] [--no-reindex] [--batch-size N]

Generates the stores through the bulk path, which keeps the search index (see
generate_store.py), or reuses existing ones (a PostgreSQL store is VACUUM ANALYZEd first,
untimed). On each backend, a fixed set of queries drawn with `--seed` from the store's own part
numbers, over 200 in all (classes: hit = a 3 to 8 character substring of a part number's search
key from a random position, long = a whole part number as stored, in lower case or with dashes
or spaces, short = exactly 3 characters, miss = 6 random letters and digits in no key,
near-miss = a part number with 2 characters changed and then in no key, misread = a part number
with O/0, I/1, S/5 or B/8 swapped), is timed in `--rounds` rounds, each query once per round per
way, all samples of all rounds taken together (median and 95th percentile, nearest rank):

  service       `services.search.search(store, q, limit=50)`, every kind (the search box);
  service p+f   the same with kinds=("part", "finding"): the part-number search over the
                same two indexes the raw index baseline reads (compared with it);
  service part  the same with kinds=("part",);
  LIKE scan     baseline A: `upper(part_number) LIKE '%Q%' LIMIT 50` on part plus the same on
                component_finding.marking, both per query (Q upper case, LIKE-escaped);
  raw index     baseline B: the index alone, key LIKE '%KEY%' LIMIT 50 for parts plus the same
                for findings (on SQLite the FTS5 trigram tables over the keys, joined to
                search_term; on PostgreSQL the kind's partition of search_term through its
                pg_trgm index), KEY being `search_key(q)`; a key under 3 characters is looked
                up as a prefix instead.

Then the same query classes drawn from a small store (`--small-findings`, a fifth as many parts,
a fiftieth as many items) give the scaling ratio, and `services.search.reindex` (which drops,
refills and remakes the index in one transaction) is timed on an untimed copy of the large
store, so that a reused store keeps the index its bulk load made (skip with --no-reindex).
Each store is warmed up with one search first; one untimed pass checks what the service finds.

Targets: service p95 <= 10 ms; LIKE scan median >= 10x the service median; service median
<= 5x the raw index median; large/small ratio <= 3 for both the median and the p95; reindex
of the large store < 60 s. Prints a table and ends with one JSON line holding every figure.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sqlite3
import statistics
import string
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
from psycopg import sql
from sqlalchemy import select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import (
    backend_of,
    drop_database,
    generate,
    pg_store_url,
    planned_stores,
    remove_store,
    shown_location,
    temp_store_path,
)

from forensics_gui.core.errors import StoreLockedError
from forensics_gui.core.partnumbers import search_key
from forensics_gui.core.search import MIN_SUBSTRING, prefix_bounds
from forensics_gui.services import records, search, stores
from forensics_gui.storage import models as m
from forensics_gui.storage.search_index import fts_table, term_partition

LIMIT = 50
CLASS_COUNTS = {"hit": 80, "long": 30, "short": 30, "miss": 20, "near-miss": 20, "misread": 30}
WAYS = ("service", "service_pn", "service_part", "like_scan", "raw_index")
SMALL_WAYS = ("service", "service_part")
TARGET_P95_MS = 10.0
TARGET_LIKE_RATIO = 10.0
TARGET_RAW_RATIO = 5.0
TARGET_SCALING = 3.0
TARGET_REINDEX_S = 60.0
PG_DATABASE = "forensics_bench_search"
PG_SMALL_DATABASE = "forensics_bench_search_small"
PG_COPY_DATABASE = "forensics_bench_search_reindex"
ALNUM = string.ascii_uppercase + string.digits
MISREADS = {"O": "0", "0": "O", "I": "1", "1": "I", "S": "5", "5": "S", "B": "8", "8": "B"}


@dataclass(frozen=True)
class Query:
    """One query as typed, its class, and the part it was drawn from (None for a miss)."""

    text: str
    cls: str
    part_id: UUID | None = None


# ----------------------------------------------------------------- timing
def figures(samples: list[float]) -> dict[str, float]:
    """Median and 95th percentile (nearest rank) in ms, and how many samples."""
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"median": round(statistics.median(ordered), 3), "p95": round(p95, 3),
            "runs": len(ordered)}


def time_each(queries: list[Query], call: Callable[[Query], Any],
              samples: dict[int, list[float]]) -> None:
    """Time `call` once per query, adding each time (ms) to that query's samples."""
    for number, query in enumerate(queries):
        started = time.perf_counter()
        call(query)
        samples.setdefault(number, []).append((time.perf_counter() - started) * 1000)


def pooled(samples: dict[int, list[float]]) -> list[float]:
    return [ms for per_query in samples.values() for ms in per_query]


# ----------------------------------------------------------------- the query set
def part_numbers(store: stores.Store) -> list[tuple[str, UUID]]:
    """(part number, id) of every part, sorted by part number, so that a seed draws the same
    queries from stores generated alike on either backend."""
    with Session(store.engine) as session:
        rows = session.execute(select(m.PartRow.part_number, m.PartRow.id)).all()
    return sorted((number, part_id) for number, part_id in rows)


def every_key(store: stores.Store) -> str:
    """Every indexed key, one a line (keys hold letters and digits only), to tell misses."""
    with store.engine.connect() as connection:
        return "\n".join(connection.execute(text("SELECT key FROM search_term")).scalars())


def query_set(parts: list[tuple[str, UUID]], keys: str, seed: int) -> list[Query]:
    """CLASS_COUNTS distinct queries of each class, drawn from `random.Random(seed)`."""
    rng = random.Random(seed)
    queries: dict[str, Query] = {}
    for cls, count in CLASS_COUNTS.items():
        wanted = len(queries) + count
        while len(queries) < wanted:
            number, part_id = parts[rng.randrange(len(parts))]
            typed = DRAW[cls](rng, number, keys)
            if typed is not None and typed not in queries:
                queries[typed] = Query(typed, cls, None if "miss" in cls else part_id)
    return list(queries.values())


def _hit(rng: random.Random, number: str, _keys: str) -> str | None:
    return _piece(rng, search_key(number), rng.randint(3, 8))


def _short(rng: random.Random, number: str, _keys: str) -> str | None:
    return _piece(rng, search_key(number), 3)


def _piece(rng: random.Random, key: str, length: int) -> str | None:
    if len(key) < length:
        return None
    start = rng.randrange(len(key) - length + 1)
    return key[start:start + length]


def _long(rng: random.Random, number: str, _keys: str) -> str | None:
    way = rng.randrange(4)
    if way == 0:
        return number
    if way == 1:
        return number.lower()
    key = search_key(number)
    cuts = sorted(rng.sample(range(1, len(key)), min(2, len(key) - 1)))
    pieces = [key[a:b] for a, b in zip([0, *cuts], [*cuts, len(key)], strict=True)]
    return "-".join(pieces) if way == 2 else " ".join(pieces).lower()


def _miss(rng: random.Random, _number: str, keys: str) -> str | None:
    typed = "".join(rng.choice(ALNUM) for _ in range(6))
    return None if typed in keys else typed


def _near_miss(rng: random.Random, number: str, keys: str) -> str | None:
    key = list(search_key(number))
    if len(key) < 4:
        return None
    for spot in rng.sample(range(len(key)), 2):
        key[spot] = rng.choice(ALNUM.replace(key[spot], ""))
    typed = "".join(key)
    return None if typed in keys else typed


def _misread(rng: random.Random, number: str, _keys: str) -> str | None:
    spots = [i for i, ch in enumerate(number) if ch in MISREADS]
    if not spots:
        return None
    chars = list(number)
    for spot in rng.sample(spots, min(len(spots), rng.randint(1, 2))):
        chars[spot] = MISREADS[chars[spot]]
    return "".join(chars)


DRAW: dict[str, Callable[[random.Random, str, str], str | None]] = {
    "hit": _hit, "long": _long, "short": _short, "miss": _miss, "near-miss": _near_miss,
    "misread": _misread}


# ----------------------------------------------------------------- the four ways
def service_call(store: stores.Store, kinds: tuple[str, ...] | None) -> Callable[[Query], Any]:
    if kinds is None:
        return lambda q: search.search(store, q.text, limit=LIMIT)
    return lambda q: search.search(store, q.text, kinds=kinds, limit=LIMIT)


def like_scan_call(connection: Connection) -> Callable[[Query], Any]:
    """Baseline A: LIKE '%Q%' over the part numbers and the markings themselves."""
    parts = text("SELECT id FROM part WHERE upper(part_number) LIKE :p ESCAPE '\\' LIMIT 50")
    findings = text("SELECT id FROM component_finding WHERE upper(marking) LIKE :p "
                    "ESCAPE '\\' LIMIT 50")

    def call(query: Query) -> int:
        pattern = {"p": f"%{like_escape(query.text.upper())}%"}
        return (len(connection.execute(parts, pattern).all())
                + len(connection.execute(findings, pattern).all()))

    return call


def like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def raw_index_call(connection: Connection) -> Callable[[Query], Any]:
    """Baseline B: the trigram index alone, for parts and for findings."""
    sqlite = connection.dialect.name == "sqlite"
    by_pattern = {kind: text(_raw_sql(kind, sqlite)) for kind in ("part", "finding")}
    by_prefix = {kind: text(f"SELECT record_id FROM search_term WHERE kind = '{kind}' "
                            "AND key >= :low AND key < :high LIMIT 50")
                 for kind in ("part", "finding")}

    def call(query: Query) -> int:
        key = search_key(query.text)
        low, high = prefix_bounds(key)
        statements = by_pattern if len(key) >= MIN_SUBSTRING else by_prefix
        params = {"pattern": f"%{key}%", "low": low, "high": high}
        return sum(len(connection.execute(s, params).all()) for s in statements.values())

    return call


def _raw_sql(kind: str, sqlite: bool) -> str:
    if sqlite:
        return (f"SELECT t.record_id FROM {fts_table(kind, 'key')} f JOIN search_term t "
                "ON t.id = f.rowid WHERE f.key LIKE :pattern LIMIT 50")
    # The kind's own partition, named directly: the fastest way to ask the index (through
    # the parent table, PostgreSQL 15 may read a common fragment's whole trigram index).
    return (f"SELECT record_id FROM {term_partition(kind)} WHERE kind = '{kind}' "
            "AND key LIKE :pattern LIMIT 50")


# ----------------------------------------------------------------- one store
def measure_store(location: str, ways: tuple[str, ...], rounds: int,
                  seed: int) -> dict[str, Any]:
    """Draw the queries from the store at `location` and time each way on them."""
    with opened(location) as store:
        queries = query_set(part_numbers(store), every_key(store), seed)
        search.search(store, queries[0].text, limit=LIMIT)  # warm-up
        found = {"findings": records.count(store, "finding"), "parts": records.count(store, "part"),
                 "classes": dict(CLASS_COUNTS), "checks": check_queries(store, queries)}
        samples: dict[str, dict[int, list[float]]] = {way: {} for way in ways}
        for number in range(rounds):
            print(f"  round {number + 1} of {rounds}", flush=True)
            one_round(store, queries, samples)
        return found | describe_samples(queries, samples)


@contextmanager
def opened(location: str) -> Iterator[stores.Store]:
    store = stores.open_existing(location)
    try:
        yield store
    finally:
        store.close()


def one_round(store: stores.Store, queries: list[Query],
              samples: dict[str, dict[int, list[float]]]) -> None:
    """Each query once per way; the SQL baselines on one connection held for the round."""
    calls: dict[str, Callable[[Query], Any]] = {
        "service": service_call(store, None), "service_part": service_call(store, ("part",)),
        "service_pn": service_call(store, ("part", "finding"))}
    for way in (w for w in WAYS if w in samples and w in calls):
        time_each(queries, calls[way], samples[way])
    if "raw_index" not in samples:
        return
    with store.engine.connect() as connection:
        time_each(queries, raw_index_call(connection), samples["raw_index"])
        time_each(queries, like_scan_call(connection), samples["like_scan"])
        connection.rollback()


def describe_samples(queries: list[Query],
                     samples: dict[str, dict[int, list[float]]]) -> dict[str, Any]:
    """Figures per way, per class for the service, and the slowest queries of the service."""
    result: dict[str, Any] = {way: figures(pooled(s)) for way, s in samples.items()}
    result["by_class"] = {cls: figures([ms for n, per_query in samples["service"].items()
                                        if queries[n].cls == cls for ms in per_query])
                          for cls in CLASS_COUNTS}
    ranked = sorted(samples["service"].items(), key=lambda item: -statistics.median(item[1]))
    result["slowest"] = [{"query": queries[n].text, "class": queries[n].cls,
                          "ms": [round(ms, 1) for ms in per_query]}
                         for n, per_query in ranked[:10]]
    return result


# ----------------------------------------------------------------- what the service finds
def check_queries(store: stores.Store, queries: list[Query]) -> dict[str, dict[str, int]]:
    """Per class, untimed: queries with part or finding hits, and queries whose own part is
    found (long: as the exact match; misread: among the part hits)."""
    checks = {cls: {"queries": 0, "with_hits": 0, "own_part": 0} for cls in CLASS_COUNTS}
    for query in queries:
        results = search.search(store, query.text, limit=LIMIT)
        parts = results.groups.get("part", ())
        tally = checks[query.cls]
        tally["queries"] += 1
        tally["with_hits"] += bool(parts or results.groups.get("finding"))
        tally["own_part"] += any(h.record_id == query.part_id and _expected(query, h.match)
                                 for h in parts)
    return checks


def _expected(query: Query, match: str) -> bool:
    return match == "exact" if query.cls == "long" else True


def time_reindex(location: str) -> dict[str, Any]:
    """`services.search.reindex` on a copy of the store at `location` (so that a store reused
    later keeps the index its bulk load made): seconds and terms per kind, or an error when
    another program holds the copy, so that the other figures stay."""
    with scratch_copy(location) as copy, opened(copy) as store:
        started = time.perf_counter()
        try:
            terms = search.reindex(store)
        except StoreLockedError as error:
            print(f"  reindex failed: {error}")
            return {"seconds": None, "error": str(error)}
        return {"seconds": round(time.perf_counter() - started, 2), "terms": terms}


@contextmanager
def scratch_copy(location: str) -> Iterator[str]:
    """A copy of the store at `location` (untimed), removed afterwards: by SQLite's backup API,
    or as a PostgreSQL database made from the store's as a template."""
    print(f"  copying {shown_location(location)} (untimed)", flush=True)
    if backend_of(location) == "sqlite":
        copy = temp_store_path("reindex.sqlite")
        with closing(sqlite3.connect(location)) as source, closing(sqlite3.connect(copy)) as to:
            source.backup(to)
    else:
        copy = pg_store_url(location, PG_COPY_DATABASE)
        drop_database(copy)
        copy_database(location, copy)
    try:
        yield copy
    finally:
        remove_store(copy)


def copy_database(source: str, copy: str) -> None:
    """CREATE DATABASE `copy` TEMPLATE `source` (nothing may be connected to the source)."""
    admin = make_url(source).set(drivername="postgresql", database="postgres")
    names = [sql.Identifier(str(make_url(u).database)) for u in (copy, source)]
    with psycopg.connect(admin.render_as_string(hide_password=False),
                         autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(*names))


def settle(location: str) -> None:
    """VACUUM ANALYZE a PostgreSQL store, as autovacuum does soon after a bulk load, so that
    runs do not depend on when autovacuum last passed (untimed)."""
    if backend_of(location) != "postgresql":
        return
    with opened(location) as store, store.engine.connect().execution_options(
            isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM (ANALYZE)"))


# ----------------------------------------------------------------- the run
def make_store(location: str, findings: int, args: argparse.Namespace) -> dict[str, Any]:
    """Generate a store of `findings` findings, a fifth as many parts, a fiftieth as many
    items (at least 1,000 parts and 100 items)."""
    print(f"\n[{backend_of(location)}] generating {findings:,} findings in "
          f"{shown_location(location)}", flush=True)
    return generate(location, findings, max(1_000, findings // 5), max(100, findings // 50),
                    batch_size=args.batch_size)


def small_location(large: str) -> str:
    """Where the small store goes: a temporary file, or the benchmark's second database
    (dropped first: it only ever holds a store this benchmark made)."""
    if backend_of(large) == "sqlite":
        return temp_store_path("small.sqlite")
    small = pg_store_url(large, PG_SMALL_DATABASE)
    drop_database(small)
    return small


def measure_backend(location: str, fresh: bool, args: argparse.Namespace,
                    result: dict[str, Any]) -> None:
    """Generate (if asked), measure the large and the small store, then time the reindex."""
    backend = backend_of(location)
    if fresh:
        made = make_store(location, args.findings, args)
        result["generation_s"][backend] = made["seconds"]
    settle(location)
    print(f"[{backend}] measuring {shown_location(location)} ({args.rounds} rounds)", flush=True)
    figures_ = measure_store(location, WAYS, args.rounds, args.seed)
    figures_["small"] = measure_small(location, args)
    figures_ |= ratios(figures_)
    if not args.no_reindex:
        print(f"[{backend}] timing the reindex", flush=True)
        figures_["reindex"] = time_reindex(location)
    result["backends"][backend] = figures_


def measure_small(large: str, args: argparse.Namespace) -> dict[str, Any]:
    """The service on a small store generated alike (always removed afterwards)."""
    location = small_location(large)
    try:
        make_store(location, args.small_findings, args)
        settle(location)
        print(f"[{backend_of(location)}] measuring the small store", flush=True)
        return measure_store(location, SMALL_WAYS, args.rounds, args.seed)
    finally:
        remove_store(location)


def ratios(f: dict[str, Any]) -> dict[str, Any]:
    """LIKE scan / service, service / raw index, and large / small store."""
    def ratio(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
        return {p: round(a[p] / b[p], 2) for p in ("median", "p95")}

    return {"like_ratio": ratio(f["like_scan"], f["service"]),
            "raw_ratio": ratio(f["service_pn"], f["raw_index"]),
            "raw_ratio_all": ratio(f["service"], f["raw_index"]),
            "scaling": ratio(f["service"], f["small"]["service"]),
            "scaling_part": ratio(f["service_part"], f["small"]["service_part"])}


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Generate or reuse each large store, measure it, and remove what was generated."""
    result: dict[str, Any] = {"benchmark": "search", "limit": LIMIT, "rounds": args.rounds,
                              "seed": args.seed, "classes": dict(CLASS_COUNTS),
                              "samples": "every round's time of every query, pooled",
                              "load_average_start": round(os.getloadavg()[0], 2),
                              "generation_s": {}, "backends": {}}
    for location, fresh in planned_stores(args.reuse, args.keep_store, args.pg_url,
                                          PG_DATABASE):
        kept = args.keep or (args.keep_store is not None and backend_of(location) == "sqlite")
        try:
            measure_backend(location, fresh, args, result)
        except FileExistsError:
            kept = True  # never remove a store that was there before
            raise
        finally:
            if fresh and not kept:
                remove_store(location)
            else:
                print(f"[{backend_of(location)}] store kept at {shown_location(location)}")
    return result


# ----------------------------------------------------------------- report
WAY_LABELS = {"service": "service", "service_pn": "service p+f",
              "service_part": "service part", "like_scan": "LIKE scan",
              "raw_index": "raw index"}


def print_table(result: dict[str, Any]) -> None:
    classes = ", ".join(f"{cls} {n}" for cls, n in result["classes"].items())
    print(f"\nQueries: {sum(result['classes'].values())} ({classes}); seed {result['seed']}, "
          f"{result['rounds']} rounds, every sample of every round pooled")
    for backend, seconds in result["generation_s"].items():
        print(f"Generation of the {backend} store: {seconds['total']:.1f} s")
    print(f"\nFirst {LIMIT} results, ms; target service p95 <= {TARGET_P95_MS:g} ms")
    header = f"{'backend':<11} {'findings':>10}  {'way':<13} {'median':>8} {'p95':>8} {'runs':>5}"
    print(header)
    print("-" * len(header))
    for backend, f in result["backends"].items():
        for store in (f, f["small"]):
            for way in (w for w in WAYS if w in store):
                print(_row(backend, store["findings"], way, store[way]))
    for backend, f in result["backends"].items():
        print_ratios(backend, f)
    print_details(result)


def _row(backend: str, findings: int, way: str, ms: dict[str, float]) -> str:
    mark = _mark(ms["p95"] <= TARGET_P95_MS) if way.startswith("service") else " "
    return (f"{backend:<11} {findings:>10,}  {WAY_LABELS[way]:<13} {ms['median']:8.2f} "
            f"{ms['p95']:8.2f}{mark}{ms['runs']:>5}")


def print_ratios(backend: str, f: dict[str, Any]) -> None:
    like, raw, scale = f["like_ratio"], f["raw_ratio"], f["scaling"]
    print(f"\n[{backend}] LIKE scan / service: median {like['median']:.1f}x, p95 "
          f"{like['p95']:.1f}x{_mark(like['median'] >= TARGET_LIKE_RATIO)} "
          f"(target >= {TARGET_LIKE_RATIO:g}x)")
    every = f["raw_ratio_all"]
    print(f"[{backend}] service p+f / raw index: median {raw['median']:.1f}x, p95 "
          f"{raw['p95']:.1f}x{_mark(raw['median'] <= TARGET_RAW_RATIO)} "
          f"(target <= {TARGET_RAW_RATIO:g}x; every kind: median {every['median']:.1f}x, "
          f"p95 {every['p95']:.1f}x)")
    part = f["scaling_part"]
    print(f"[{backend}] {f['findings']:,} / {f['small']['findings']:,} findings: median "
          f"{scale['median']:.2f}x, p95 {scale['p95']:.2f}x{_mark(_scaling_met(scale))} "
          f"(target <= {TARGET_SCALING:g}x; parts only: median {part['median']:.2f}x, p95 "
          f"{part['p95']:.2f}x)")
    if "reindex" in f and f["reindex"]["seconds"] is None:
        print(f"[{backend}] reindex failed: {f['reindex']['error']}")
    elif "reindex" in f:
        seconds = f["reindex"]["seconds"]
        print(f"[{backend}] reindex: {seconds:.1f} s{_mark(seconds < TARGET_REINDEX_S)} "
              f"(target < {TARGET_REINDEX_S:g} s; terms {f['reindex']['terms']})")


def print_details(result: dict[str, Any]) -> None:
    """Service figures by query class, what it found, and the slowest queries."""
    for backend, f in result["backends"].items():
        print(f"\n[{backend}] service by class, ms (median / p95), and what it found (own part: "
              "as the exact match for long, among the parts for misread; the others can have "
              f"more than {LIMIT} matches):")
        for cls, ms in f["by_class"].items():
            c = f["checks"][cls]
            print(f"  {cls:<10} {ms['median']:7.2f} /{ms['p95']:7.2f}   {c['with_hits']:>3} of "
                  f"{c['queries']:>3} with hits, own part found in {c['own_part']:>3}")
        print(f"[{backend}] slowest queries (service, every kind; ms per round):")
        for slow in f["slowest"]:
            times = ", ".join(f"{ms:.1f}" for ms in slow["ms"])
            print(f"  {slow['query']!r:<28} {slow['class']:<10} {times}")


def _scaling_met(scale: dict[str, float]) -> bool:
    return scale["median"] <= TARGET_SCALING and scale["p95"] <= TARGET_SCALING


def _mark(ok: bool) -> str:
    return " " if ok else "!"


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """Whether each target was met on every backend measured, for the JSON line."""
    backends = result["backends"].values()
    reindex = [f["reindex"]["seconds"] for f in backends if "reindex" in f]
    reindex = [s if s is not None else math.inf for s in reindex]
    return {"p95_target_ms": TARGET_P95_MS,
            "p95_met": all(f["service"]["p95"] <= TARGET_P95_MS for f in backends),
            "like_ratio_target": TARGET_LIKE_RATIO,
            "like_ratio_met": all(f["like_ratio"]["median"] >= TARGET_LIKE_RATIO
                                  for f in backends),
            "raw_ratio_target": TARGET_RAW_RATIO,
            "raw_ratio_met": all(f["raw_ratio"]["median"] <= TARGET_RAW_RATIO for f in backends),
            "scaling_target": TARGET_SCALING,
            "scaling_met": all(_scaling_met(f["scaling"]) for f in backends),
            "reindex_target_s": TARGET_REINDEX_S,
            "reindex_met": all(s < TARGET_REINDEX_S for s in reindex) if reindex else None}


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--small-findings", type=int, default=10_000)
    parser.add_argument("--pg-url", help="a PostgreSQL server URL; the bench makes its own "
                                         f"database {PG_DATABASE!r} there (dropped unless --keep)")
    parser.add_argument("--keep-store", metavar="PATH", help="generate the large SQLite store "
                                                             "here and keep it")
    parser.add_argument("--keep", action="store_true", help="keep the generated large stores")
    parser.add_argument("--reuse", action="append", default=[], metavar="LOCATION",
                        help="measure this existing large store (SQLite path or PostgreSQL "
                             "URL); it is only read")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7, help="draws the queries")
    parser.add_argument("--no-reindex", action="store_true", help="do not time the reindex")
    parser.add_argument("--batch-size", type=int, help="rows per bulk_create batch "
                                                       "(default: the product's)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = arguments()
    args = parser.parse_args(argv)
    if args.rounds < 2:
        parser.error("--rounds: at least 2")
    result = run(args)
    result["load_average_end"] = round(os.getloadavg()[0], 2)
    result["targets"] = summary(result)
    print_table(result)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
