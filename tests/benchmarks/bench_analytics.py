"""The analytics figures on a million findings: each figure through the service against the
same figure computed by loading every row into Python, on SQLite and PostgreSQL.

    .venv/bin/python tests/benchmarks/bench_analytics.py [--findings N]
        [--pg-url postgresql://root@127.0.0.1:5432/postgres] [--keep-store PATH] [--keep]
        [--reuse LOCATION ...] [--repeat 5] [--baseline-repeat 3] [--batch-size N]

Generates the stores through the bulk path (see generate_store.py: 1,000,000 findings,
200,000 parts, 20,000 items, 2,000 organizations), or reuses existing ones (a PostgreSQL store
is VACUUM ANALYZEd first, untimed, as autovacuum would after a load). On each backend, every
figure of `services.analytics` over the whole store is timed on its own (`analytics.figure`,
a new unit of work each time, nothing cached between runs): one untimed run, then `--repeat`
timed ones. The baseline, in the same run: the same figure's numbers computed in Python after
reading every finding, part, organization and item (one SELECT of each table, no WHERE), timed
`--baseline-repeat` times; its numbers are compared with the service's (`same`). Then the whole
dashboard, and the dashboard of the largest system type (no target; for reading).

Target: every figure's median at most 500 ms on both backends. Prints a table (medians in
ms, baseline/service ratio) and ends with one JSON line holding every figure.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import (
    backend_of,
    generate,
    planned_stores,
    remove_store,
    shown_location,
)

from forensics_gui.core.analytics import (
    DEFAULT_TOP,
    DOMESTIC,
    FIGURE_NAMES,
    INVASION,
    AnalyticsFilters,
    Figure,
    chpl_publications,
    foreign_group,
    grain_for,
    half_year,
    period_start,
)
from forensics_gui.services import analytics, stores

TARGET_MS = 500.0
PG_DATABASE = "forensics_bench_analytics"


# ----------------------------------------------------------------- timing
def timed(call: Callable[[], Any], repeat: int) -> tuple[float, list[float], Any]:
    """(median ms, every sample, the last result) of `repeat` calls after an untimed one."""
    result = call()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 1), [round(s, 1) for s in samples], result


# ----------------------------------------------------------------- the baseline
class Rows:
    """Every row the figures read, loaded into Python (the baseline's first step)."""

    def __init__(self, store: stores.Store) -> None:
        with store.engine.connect() as c:
            self.findings = c.execute(text(
                "SELECT item_id, part_id, manufacturer_id, identification, produced_from, "
                "produced_to, date_code, substr(date_code_note, 1, 9), withdrawn_at IS NOT NULL "
                "FROM component_finding")).all()
            self.parts = {r[0]: r[1:] for r in c.execute(text(
                "SELECT id, manufacturer_id, chpl_tier, hs_code, category, function FROM part"))}
            self.orgs = {r[0]: r[1:] for r in c.execute(text(
                "SELECT id, name, country FROM organization"))}
            self.items = {r[0]: r[1:] for r in c.execute(text(
                "SELECT id, system_type_id, recovered_on, withdrawn_at IS NOT NULL "
                "FROM recovered_item"))}

    def covered(self) -> list[Any]:
        return [f for f in self.findings if not f[8] and not self.items[f[0]][2]]

    def maker(self, f: Any) -> Any:
        if f[2] is not None:
            return f[2]
        return self.parts[f[1]][0] if f[1] is not None else None


def _signature(total: int, missing: int, values: list[Any]) -> tuple[Any, ...]:
    return total, missing, tuple(sorted((v for v in values if v), key=str))


def _makers(rows: Rows) -> tuple[Counter[Any], int]:
    found = Counter(rows.maker(f) for f in rows.covered())
    return found, sum(found.values())


def _date(value: Any) -> date | None:
    return value if value is None or isinstance(value, date) else date.fromisoformat(value)


def base_by_country(rows: Rows) -> tuple[Any, ...]:
    makers, total = _makers(rows)
    countries: Counter[str] = Counter()
    for org, n in makers.items():
        if org is not None and rows.orgs[org][1]:
            countries[rows.orgs[org][1]] += n
    return _signature(total, total - sum(countries.values()), list(countries.values()))


def base_foreign(rows: Rows) -> tuple[Any, ...]:
    makers, total = _makers(rows)
    groups: Counter[str] = Counter()
    for org, n in makers.items():
        country = rows.orgs[org][1] if org is not None else ""
        group = foreign_group(country) if country and country not in DOMESTIC else None
        if group is not None:
            groups[group or "other"] += n
    return _signature(total, total - sum(groups.values()), list(groups.values()))


def base_by_maker(rows: Rows) -> tuple[Any, ...]:
    makers, total = _makers(rows)
    ranked = sorted(((n, rows.orgs[o][0]) for o, n in makers.items() if o is not None),
                    key=lambda x: (-x[0], x[1]))
    shown = [n for n, _ in ranked[:DEFAULT_TOP]]
    rest = sum(n for n, _ in ranked[DEFAULT_TOP:])
    return _signature(total, makers[None], [*shown, rest])


def base_persistent(rows: Rows) -> tuple[Any, ...]:
    halves: dict[Any, set[Any]] = defaultdict(set)
    counts: Counter[Any] = Counter()
    no_maker = undated = 0
    for f in rows.covered():
        recovered = _date(rows.items[f[0]][1])
        org = rows.maker(f)
        if recovered is None:
            undated += 1
        elif org is None:
            no_maker += 1
        else:
            counts[org] += 1
            halves[org].add(half_year(recovered))
    total = sum(counts.values()) + no_maker + undated
    first = {o: min(h) for o, h in halves.items()}
    last = {o: max(h) for o, h in halves.items()}

    def span(org: Any) -> int:  # half-years from the first to the last, less one
        return (last[org][0] - first[org][0]) * 2 + last[org][1] - first[org][1]
    lasting = sorted((o for o in halves if span(o) > 0),
                     key=lambda o: (-span(o), -counts[o], rows.orgs[o][0]))
    return _signature(total, no_maker + undated, [counts[o] for o in lasting[:DEFAULT_TOP]])


def _part_of(rows: Rows, f: Any) -> Any:
    return rows.parts[f[1]] if f[1] is not None else None


def base_by_category(rows: Rows) -> tuple[Any, ...]:
    found: Counter[str] = Counter()
    covered = rows.covered()
    for f in covered:
        part = _part_of(rows, f)
        if part is not None and (part[3] or part[4]):
            found[part[3] or part[4]] += 1
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    values = [n for _, n in ranked[:DEFAULT_TOP]] + [sum(n for _, n in ranked[DEFAULT_TOP:])]
    return _signature(len(covered), len(covered) - sum(found.values()), values)


def _tiers(rows: Rows) -> tuple[Counter[str], int, int, int]:
    tiers: Counter[str] = Counter()
    covered = rows.covered()
    not_listed = 0
    for f in covered:
        part = _part_of(rows, f)
        if part is not None and part[1]:
            tiers[part[1]] += 1
        elif part is not None and part[2]:
            not_listed += 1
    return tiers, len(covered), not_listed, len(covered) - sum(tiers.values()) - not_listed


def base_by_tier(rows: Rows) -> tuple[Any, ...]:
    tiers, total, not_listed, rest = _tiers(rows)
    return _signature(total, rest + not_listed, list(tiers.values()))


def base_tier_1_2(rows: Rows) -> tuple[Any, ...]:
    tiers, total, not_listed, rest = _tiers(rows)
    others = sum(n for t, n in tiers.items() if t not in ("1", "2"))
    return _signature(total, rest, [tiers["1"], tiers["2"], others, not_listed])


def base_identified(rows: Rows) -> tuple[Any, ...]:
    found = Counter(f[3] for f in rows.covered())
    return _signature(sum(found.values()), 0, list(found.values()))


def _undated(f: Any) -> bool:
    return f[4] is None


def base_produced_after(rows: Rows) -> tuple[Any, ...]:
    split: Counter[str] = Counter()
    covered = rows.covered()
    for f in covered:
        if _undated(f):
            continue
        start, end = _date(f[4]), _date(f[5]) or _date(f[4])
        split["after" if start > INVASION else "before" if end <= INVASION else "spans"] += 1
    return _signature(len(covered), len(covered) - sum(split.values()), list(split.values()))


def base_timeline(rows: Rows) -> tuple[Any, ...]:
    covered = rows.covered()
    days = [_date(f[4]) for f in covered if not _undated(f)]
    if not days:
        return _signature(len(covered), len(covered), [])
    grain = grain_for(min(days), max(days))
    found = Counter(period_start(d, grain) for d in days)
    return _signature(len(covered), len(covered) - len(days), list(found.values()))


def _references() -> list[date]:
    return [INVASION, *(p.published_on for p in chpl_publications())]


def base_after_by_system(rows: Rows) -> tuple[Any, ...]:
    covered = rows.covered()
    dated: Counter[Any] = Counter()
    after: Counter[tuple[Any, date]] = Counter()
    for f in covered:
        if _undated(f):
            continue
        system = rows.items[f[0]][0]
        dated[system] += 1
        for day in _references():
            after[(system, day)] += _date(f[4]) > day
    return _signature(len(covered), len(covered) - sum(dated.values()), list(after.values()))


def base_newest(rows: Rows) -> tuple[Any, ...]:
    covered = rows.covered()
    newest: dict[Any, date] = {}
    for f in covered:
        if not _undated(f):
            system = rows.items[f[0]][0]
            newest[system] = max(newest.get(system, date.min), _date(f[4]))
    return _signature(len(covered), sum(_undated(f) for f in covered),
                      [d.isoformat() for d in newest.values()])


def base_items(rows: Rows) -> tuple[Any, ...]:
    kept = [v for v in rows.items.values() if not v[2]]
    days = [_date(v[1]) for v in kept if v[1] is not None]
    grain = grain_for(min(days), max(days))
    found = Counter(period_start(d, grain) for d in days)
    return _signature(len(kept), len(kept) - len(days), list(found.values()))


BASELINES: dict[str, Callable[[Rows], tuple[Any, ...]]] = {
    "by_country": base_by_country, "foreign_makers_share": base_foreign,
    "by_maker": base_by_maker, "persistent_makers": base_persistent,
    "by_category": base_by_category, "by_chpl_tier": base_by_tier,
    "chpl_tier_1_2": base_tier_1_2, "identified": base_identified,
    "produced_after": base_produced_after, "production_timeline": base_timeline,
    "after_invasion_by_system": base_after_by_system,
    "newest_production_by_system": base_newest, "items_over_time": base_items,
}


def signature_of(figure: Figure) -> tuple[Any, ...]:
    """The service figure's numbers in the baseline's terms."""
    if figure.name == "newest_production_by_system":
        values: list[Any] = [b.start.isoformat() for b in figure.bars if b.start]
    else:
        values = [b.value for b in figure.bars]
    return _signature(figure.total, figure.missing, values)


# ----------------------------------------------------------------- one store
def measure_store(location: str, repeat: int, baseline_repeat: int) -> dict[str, Any]:
    """Every figure through the service first, then every baseline (a million rows held in
    Python would leave the collector busy during the service's runs)."""
    store = stores.open_existing(location)
    try:
        figures: dict[str, Any] = {}
        shown: dict[str, Figure] = {}
        for name in FIGURE_NAMES:
            gc.collect()
            median, samples, shown[name] = timed(lambda n=name: analytics.figure(store, n),
                                                 repeat)
            figures[name] = {"median_ms": median, "samples_ms": samples,
                             "meets_target": median <= TARGET_MS}
            print(f"  {name:<30} {median:8.1f} ms  {samples}", flush=True)
        dashboard, _, board = timed(lambda: analytics.dashboard(store), max(1, repeat // 2))
        largest = _largest_system(board)
        filtered, _, _ = timed(lambda: analytics.dashboard(
            store, AnalyticsFilters(system_id=UUID(largest) if largest else None)),
            max(1, repeat // 2))
        print(f"  whole dashboard {dashboard:.0f} ms; of one system type {filtered:.0f} ms")
        for name in FIGURE_NAMES:
            base, base_samples, numbers = timed(
                lambda n=name: BASELINES[n](Rows(store)), baseline_repeat)
            median = figures[name]["median_ms"]
            figures[name] |= {"baseline_ms": base, "baseline_samples_ms": base_samples,
                              "ratio": round(base / median, 1) if median else None,
                              "same": signature_of(shown[name]) == numbers}
            print(f"  {name:<30} baseline {base:9.1f} ms  x{figures[name]['ratio']}  "
                  f"{'same' if figures[name]['same'] else 'DIFFER'}", flush=True)
        return {"figures": figures, "findings": board.findings,
                "max_median_ms": max(f["median_ms"] for f in figures.values()),
                "dashboard_ms": dashboard, "dashboard_one_system_ms": filtered}
    finally:
        store.close()


def _largest_system(board: Any) -> Any:
    rows = board.figure("after_invasion_by_system").bars
    biggest = max(rows, key=lambda bar: int(bar.detail.split(" of ")[1].split()[0]
                                            .replace(",", "")), default=None)
    return None if biggest is None else biggest.filters.get("system_id")


def settle(location: str) -> None:
    """VACUUM ANALYZE a PostgreSQL store (untimed), as autovacuum does after a bulk load."""
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
    result: dict[str, Any] = {"benchmark": "analytics", "target_ms": TARGET_MS,
                              "repeat": args.repeat, "baseline_repeat": args.baseline_repeat,
                              "load_average_start": round(os.getloadavg()[0], 2),
                              "generation_s": {}, "backends": {}}
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
            settle(location)
            print(f"[{backend}] measuring (medians of {args.repeat}; baseline of "
                  f"{args.baseline_repeat})", flush=True)
            result["backends"][backend] = measure_store(location, args.repeat,
                                                        args.baseline_repeat)
        except FileExistsError:
            kept = True
            raise
        finally:
            if fresh and not kept:
                remove_store(location)
            else:
                print(f"[{backend}] store kept at {shown_location(location)}")
    result["load_average_end"] = round(os.getloadavg()[0], 2)
    return result


def print_table(result: dict[str, Any]) -> None:
    backends = list(result["backends"])
    print(f"\nEach figure on {', '.join(backends)}: median ms of the service | baseline "
          f"(every row into Python) | baseline/service; target <= {TARGET_MS:g} ms")
    header = f"  {'figure':<30}" + "".join(f"{b:>34}" for b in backends)
    print(header)
    for name in FIGURE_NAMES:
        cells = []
        for backend in backends:
            f = result["backends"][backend]["figures"][name]
            mark = "" if f["meets_target"] else " MISS"
            same = "" if f["same"] else " DIFFER"
            cells.append(f"{f['median_ms']:>9.1f} | {f['baseline_ms']:>9.1f} | "
                         f"x{f['ratio']:<6}{mark}{same}")
        print(f"  {name:<30}" + "".join(f"{c:>34}" for c in cells))
    for backend in backends:
        b = result["backends"][backend]
        print(f"  {backend}: slowest figure {b['max_median_ms']:.1f} ms; whole dashboard "
              f"{b['dashboard_ms']:.0f} ms; dashboard of one system type "
              f"{b['dashboard_one_system_ms']:.0f} ms")
    print(f"  load average {result['load_average_start']} at the start, "
          f"{result['load_average_end']} at the end")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--pg-url", help="PostgreSQL server URL (a database is created)")
    parser.add_argument("--keep-store", help="generate the SQLite store at this path, kept")
    parser.add_argument("--keep", action="store_true", help="keep the generated stores")
    parser.add_argument("--reuse", action="append", default=[], metavar="LOCATION",
                        help="a store made before (SQLite path or PostgreSQL URL)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline-repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int)
    args = parser.parse_args(argv)
    result = run(args)
    print_table(result)
    print(json.dumps(result))
    missed = [(b, n) for b, r in result["backends"].items()
              for n, f in r["figures"].items() if not (f["meets_target"] and f["same"])]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
