"""Paging through a million findings: keyset cursors against OFFSET, on SQLite and PostgreSQL.

    .venv/bin/python tests/benchmarks/bench_paging.py [--findings N]
        [--pg-url postgresql://root@127.0.0.1:5432/postgres] [--keep-store PATH] [--keep]
        [--reuse LOCATION ...] [--repeat 30] [--batch-size N]

Generates the stores through the bulk path (see generate_store.py), or reuses existing ones
(a PostgreSQL store is VACUUM ANALYZEd first, untimed, as autovacuum would after a load), then
times through `services.records.list_records` the first page and the 10,000th page of
findings sorted by part number, manufacturer and production date: by keyset cursor (the
product's way) and, side by side, by OFFSET 499,950 LIMIT 50 with the same ORDER BY (the
baseline). Targets: 10 ms per page; generation of the SQLite store under 120 s. Prints a table
and ends with one JSON line holding every figure.
"""

from __future__ import annotations

import argparse
import inspect
import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import (
    backend_of,
    generate,
    planned_stores,
    remove_store,
    shown_location,
)

from forensics_gui.services import records, stores
from forensics_gui.storage import models as m
from forensics_gui.storage.convert import encode_cursor
from forensics_gui.storage.repository import FINDING_SORTS

PAGE_SIZE = 50
DEEP_PAGE = 10_000
SORTS = ("part", "manufacturer", "produced")
TARGET_PAGE_MS = 10.0
TARGET_GENERATION_S = 120.0
PG_DATABASE = "forensics_bench_paging"


# ----------------------------------------------------------------- timing
def timed(call: Callable[[], Any], repeat: int, budget_s: float = 20.0) -> dict[str, float]:
    """Median and 95th percentile (nearest rank) in ms of up to `repeat` calls after a warm-up.

    A slow baseline (OFFSET deep in a large store) stops after `budget_s` seconds, with at
    least 3 calls; `runs` says how many were timed.
    """
    call()
    samples: list[float] = []
    spent = time.perf_counter()
    while len(samples) < repeat and (len(samples) < 3 or time.perf_counter() - spent < budget_s):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[max(0, math.ceil(0.95 * len(samples)) - 1)]
    return {"median": round(statistics.median(samples), 3), "p95": round(p95, 3),
            "runs": len(samples)}


# ----------------------------------------------------------------- the two ways to page
def cursor_before(store: stores.Store, sort: str, offset: int) -> str | None:
    """The keyset cursor that continues after row `offset - 1` (None for the first page).

    Computed untimed with one query, in the format list_page writes (encode_cursor).
    """
    if offset == 0:
        return None
    row = m.ComponentFindingRow
    key = getattr(row, FINDING_SORTS[sort])
    query = select(key, row.id).order_by(key, row.id).offset(offset - 1).limit(1)
    with Session(store.engine) as session:
        value, last_id = session.execute(query).one()
    return encode_cursor([value, last_id])


def keyset_page(store: stores.Store, sort: str, cursor: str | None) -> records.Page:
    """A page through the service API, continued by cursor."""
    return records.list_records(store, "finding", sort=sort, limit=PAGE_SIZE, cursor=cursor)


def offset_page(store: stores.Store, sort: str, offset: int) -> list[Any]:
    """The same page by OFFSET: through list_records when it takes an offset, else through
    the repository's list_ids and get_many (the lazy table model's way)."""
    if "offset" in inspect.signature(records.list_records).parameters:
        return list(records.list_records(store, "finding", sort=sort, limit=PAGE_SIZE,
                                         offset=offset).rows)
    with store.reading() as uow:
        ids = uow.list_ids("finding", sort=sort, offset=offset, limit=PAGE_SIZE)
        return uow.get_many("finding", ids)


def offset_ids(store: stores.Store, sort: str, offset: int) -> list[Any]:
    """Only the ids of the page by OFFSET (repository.list_ids): the cheapest OFFSET query."""
    with store.reading() as uow:
        return uow.list_ids("finding", sort=sort, offset=offset, limit=PAGE_SIZE)


# ----------------------------------------------------------------- one store
def measure_store(location: str, repeat: int) -> dict[str, Any]:
    """Every sort, first and deep page, keyset and OFFSET, on the store at `location`."""
    store = stores.open_existing(location)
    try:
        total = records.count(store, "finding")
        page = min(DEEP_PAGE, max(1, total // PAGE_SIZE))
        figures: dict[str, Any] = {"findings": total, "deep_page": page}
        for sort in SORTS:
            figures[sort] = {"first": _measure_page(store, sort, 1, repeat),
                             "deep": _measure_page(store, sort, page, repeat)}
        return figures
    finally:
        store.close()


def _measure_page(store: stores.Store, sort: str, page: int, repeat: int) -> dict[str, Any]:
    offset = (page - 1) * PAGE_SIZE
    cursor = cursor_before(store, sort, offset)
    by_key = [r.id for r in keyset_page(store, sort, cursor).rows]
    by_offset = [r.id for r in offset_page(store, sort, offset)]
    keyset = timed(lambda: keyset_page(store, sort, cursor), repeat)
    baseline = timed(lambda: offset_page(store, sort, offset), repeat)
    ids_only = timed(lambda: offset_ids(store, sort, offset), repeat)
    return {"page": page, "offset": offset, "same_rows": by_key == by_offset,
            "rows": len(by_key), "keyset_ms": keyset, "offset_ms": baseline,
            "offset_ids_ms": ids_only,
            "ratio": round(baseline["median"] / keyset["median"], 1)}


def settle(location: str) -> None:
    """VACUUM ANALYZE a PostgreSQL store, as autovacuum does soon after a bulk load, so that
    runs do not depend on when autovacuum last passed (untimed)."""
    if backend_of(location) != "postgresql":
        return
    store = stores.open_existing(location)
    try:
        with store.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM (ANALYZE)"))
    finally:
        store.close()


# ----------------------------------------------------------------- the run
def run(args: argparse.Namespace) -> dict[str, Any]:
    """Generate or reuse each store, measure it, and remove what was generated."""
    result: dict[str, Any] = {"benchmark": "paging", "page_size": PAGE_SIZE,
                              "repeat": args.repeat, "batch_size": args.batch_size,
                              "load_average_start": round(os.getloadavg()[0], 2),
                              "generation_s": {}, "generation_cpu_s": {}, "backends": {}}
    for location, fresh in planned_stores(args.reuse, args.keep_store, args.pg_url,
                                          PG_DATABASE):
        backend = backend_of(location)
        kept = args.keep or (args.keep_store is not None and backend == "sqlite")
        try:
            if fresh:
                print(f"\n[{backend}] generating {args.findings:,} findings in "
                      f"{shown_location(location)}")
                made = generate(location, args.findings, max(1_000, args.findings // 5),
                                max(100, args.findings // 50), batch_size=args.batch_size)
                result["generation_s"][backend] = made["seconds"]
                result["generation_cpu_s"][backend] = made["cpu_seconds"]
            settle(location)
            print(f"[{backend}] measuring ({args.repeat} runs per figure)")
            result["backends"][backend] = measure_store(location, args.repeat)
        except FileExistsError:
            kept = True  # never remove a store that was there before
            raise
        finally:
            if fresh and not kept:
                remove_store(location)
            else:
                print(f"[{backend}] store kept at {shown_location(location)}")
    return result


# ----------------------------------------------------------------- report
def print_table(result: dict[str, Any]) -> None:
    """The figures, one line per backend, sort and page."""
    print("\nGeneration through bulk_create (seconds)")
    for backend, seconds in result["generation_s"].items():
        kinds = "  ".join(f"{k} {v:.1f}" for k, v in seconds.items() if k != "total")
        mark = _mark(seconds["total"] <= TARGET_GENERATION_S) if backend == "sqlite" else ""
        print(f"  {backend:<10} total {seconds['total']:7.1f} {mark}  ({kinds})")
    print(f"\nPages of {PAGE_SIZE} findings, ms (median / p95); target {TARGET_PAGE_MS:g} ms "
          "for keyset; ratio = OFFSET page / keyset page (medians)")
    header = (f"{'backend':<10} {'sort':<12} {'page':>6}  {'keyset':>15}  {'OFFSET page':>17}  "
              f"{'OFFSET ids':>17}  {'ratio':>6}  same rows")
    print(header)
    print("-" * len(header))
    for backend, figures in result["backends"].items():
        for sort in SORTS:
            for depth in ("first", "deep"):
                print(_row(backend, sort, figures[sort][depth]))


def _row(backend: str, sort: str, f: dict[str, Any]) -> str:
    def pair(ms: dict[str, float]) -> str:
        return f"{ms['median']:7.2f} /{ms['p95']:7.2f}"

    met = _mark(f["keyset_ms"]["median"] <= TARGET_PAGE_MS)
    return (f"{backend:<10} {sort:<12} {f['page']:>6}  {pair(f['keyset_ms'])}{met}  "
            f"{pair(f['offset_ms']):>17}  {pair(f['offset_ids_ms']):>17}  "
            f"{f['ratio']:>5.1f}x  {'yes' if f['same_rows'] else 'NO'}")


def _mark(ok: bool) -> str:
    return " " if ok else "!"


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """Whether each target was met, for the JSON line."""
    pages = [f[s][d]["keyset_ms"]["median"] for f in result["backends"].values()
             for s in SORTS for d in ("first", "deep")]
    generation = result["generation_s"].get("sqlite", {}).get("total")
    return {"page_target_ms": TARGET_PAGE_MS, "pages_met": all(p <= TARGET_PAGE_MS for p in pages),
            "generation_target_s": TARGET_GENERATION_S,
            "generation_met": None if generation is None else generation <= TARGET_GENERATION_S}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--pg-url", help="a PostgreSQL server URL; the bench makes its own "
                                         f"database {PG_DATABASE!r} there and drops it")
    parser.add_argument("--keep-store", metavar="PATH", help="generate the SQLite store here "
                                                             "and keep it")
    parser.add_argument("--keep", action="store_true", help="keep every generated store")
    parser.add_argument("--reuse", action="append", default=[], metavar="LOCATION",
                        help="measure this existing store (SQLite path or PostgreSQL URL)")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--batch-size", type=int, help="rows per bulk_create batch "
                                                       "(default: the product's)")
    result = run(parser.parse_args(argv))
    result["load_average_end"] = round(os.getloadavg()[0], 2)
    result["targets"] = summary(result)
    print_table(result)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
