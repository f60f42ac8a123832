"""The guard against drift: run every benchmark that has targets, compare each figure with its
target and with the figures of the last accepted run, and say what got worse.

    .venv/bin/python tests/benchmarks/guard.py [--only gui,cli] [--store BIG.sqlite]
                                               [--pg-url URL] [--update]

The benchmarks run one after another, each in its own process, on stores generated here (one
1,000,000-finding SQLite store shared by those that need it; --store reuses one made by
generate_store.py). Their output goes to bench-out/ (one log per benchmark). The accepted
figures are in tests/benchmarks/figures.json; --update replaces those of the benchmarks that
ran with this run's (do it when a change is accepted, and commit the file with the change).

A figure is flagged when it misses its target, or when it is worse than the accepted one by
more than the noise allowed for its kind (timings on these machines vary by a fifth from run
to run, a single stall or a twentieth of a second by half; ratios against a baseline timed in
the same run vary less; memory hardly at all).
Exit code 0 when nothing is flagged, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ACCEPTED = HERE / "figures.json"
LOGS = ROOT / "bench-out"
NOISE = {"s": 0.25, "ms": 0.25, "ratio": 0.15, "MB": 0.08, "share": 0.02}


@dataclass(frozen=True)
class Figure:
    """One figure of one benchmark's JSON line."""

    bench: str
    path: tuple[str, ...]
    label: str
    unit: str
    target: float | None = None
    better: str = "lower"  # or "higher"
    noise: float | None = None  # allowed worsening, as a share; None: that of its unit

    @property
    def allowed(self) -> float:
        return self.noise if self.noise is not None else NOISE[self.unit]

    def value_in(self, figures: dict[str, Any]) -> float | None:
        node: Any = figures
        for key in self.path:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return float(node) if isinstance(node, int | float) else None

    def meets(self, value: float) -> bool:
        if self.target is None:
            return True
        return value <= self.target if self.better == "lower" else value >= self.target

    def worse_by(self, value: float, accepted: float) -> float:
        """How much worse than accepted, as a share of it (negative: better)."""
        if accepted == 0:
            return 0.0
        change = (value - accepted) / abs(accepted)
        return change if self.better == "lower" else -change


# ------------------------------------------------------------------------------ figures
def _backends(bench: str, rows: list[tuple[tuple[str, ...], str, str, float | None, str]]
              ) -> list[Figure]:
    return [Figure(bench, ("backends", backend, *path), f"{backend} {label}", unit, target,
                   better)
            for backend in ("sqlite", "postgresql") for path, label, unit, target, better in rows]


SORTS = ("part", "manufacturer", "produced")
STALLS = ("open store", "show findings", "scroll to the end", "sort by part number", "filter",
          "open first record (builds the form)", "open next record", "save record")
# The names of services.analytics' figures (bench_analytics.py times each).
ANALYTICS_FIGURES = (
    "by_country", "foreign_makers_share", "by_maker", "persistent_makers", "by_category",
    "by_chpl_tier", "chpl_tier_1_2", "identified", "produced_after", "production_timeline",
    "after_invasion_by_system", "newest_production_by_system", "items_over_time")
CLI_TARGETS = ("forensics --help", "forensics datecode 2231", "search STM32 (demo)",
               "info (1M findings)")
FIGURES: list[Figure] = [
    *_backends("paging", [((s, d, "keyset_ms", "median"), f"keyset page, {s}, {d}", "ms", 10.0,
                           "lower") for s in SORTS for d in ("first", "deep")]),
    *_backends("paging", [((s, "deep", "ratio"), f"OFFSET/keyset, {s}, deep", "ratio", None,
                           "higher") for s in SORTS]),
    Figure("paging", ("generation_s", "sqlite", "total"), "sqlite store generation", "s",
           120.0),
    *_backends("search", [
        (("service", "p95"), "search p95", "ms", 10.0, "lower"),
        (("service", "median"), "search median", "ms", None, "lower"),
        (("like_ratio", "median"), "LIKE scan/search", "ratio", 10.0, "higher"),
        (("raw_ratio", "median"), "search/raw index", "ratio", 5.0, "lower"),
        (("scaling", "median"), "1M/10k median", "ratio", 3.0, "lower"),
        (("scaling", "p95"), "1M/10k p95", "ratio", 3.0, "lower"),
        (("reindex", "seconds"), "reindex", "s", 60.0, "lower")]),
    Figure("search_gui", ("p95_ms",), "last key to results p95", "ms", 100.0),
    Figure("search_gui", ("median_ms",), "last key to results median", "ms"),
    Figure("search_gui", ("longest_stall_ms",), "stall while typing", "ms", 100.0),
    Figure("gui", ("demo", "ratio"), "cold start/floor, demo store", "ratio", 2.0),
    Figure("gui", ("large", "ratio"), "cold start/floor, 1M store", "ratio", 2.0),
    Figure("gui", ("demo", "usable_s"), "cold start, demo store", "s"),
    Figure("gui", ("large", "usable_s"), "cold start, 1M store", "s"),
    Figure("gui", ("scroll", "peak_rss_mb"), "peak memory scrolling 1M", "MB", 200.0),
    # A stall is the longest of one run's gaps: one sample, so it varies by half.
    *[Figure("gui", ("scroll", "stalls_ms", name), f"stall: {name}", "ms", 100.0, noise=0.5)
      for name in STALLS],
    *_backends("chains", [(("chains_ms", "p95"), "chains p95", "ms", 200.0, "lower"),
                          (("chains_ms", "median"), "chains median", "ms", None, "lower")]),
    Figure("photos", ("viewer", "open_ms"), "open a photo", "ms", 300.0),
    Figure("photos", ("sqlite_ratio",), "photo ingest/vips baseline, sqlite", "ratio"),
    Figure("photos", ("postgresql_ratio",), "photo ingest/vips baseline, postgresql", "ratio"),
    Figure("screening", ("service_screen_seconds_median",), "screen 50k x 20k", "s", 60.0),
    Figure("screening", ("sample_recall",), "screening recall", "share", 0.99, "higher"),
    Figure("screening", ("engine_seconds_median",), "screening engine", "s"),
    # Each analytics figure over 1,000,000 findings, computed on its own.
    *_backends("analytics", [(("figures", name, "median_ms"), f"analytics {name}", "ms", 500.0,
                              "lower") for name in ANALYTICS_FIGURES]),
    *_backends("analytics", [(("dashboard_ms",), "analytics whole dashboard", "ms", None,
                              "lower")]),
    # The first two are against a fixed 0.25 s: timings of a twentieth of a second, which
    # vary by a third on these machines; the last two are against floors of the same run.
    *[Figure("cli", ("targets", name, "of_target"), f"{name} / its target", "ratio", 1.0,
             noise=0.4 if "forensics" in name else None) for name in CLI_TARGETS],
    # A case package of 1,000 findings and 500 photos, written and taken in.
    Figure("packages", ("export_s",), "package export", "s", 30.0),
    *[Figure("packages", (f"import_{backend}_s",), f"package import, {backend}", "s", 30.0)
      for backend in ("sqlite", "postgresql")],
    # A CSV of 100,000 findings imported (and the same file loaded into a bare table).
    Figure("import", ("sqlite", "import_median_s"), "CSV import, sqlite", "s", 10.0),
    Figure("import", ("postgresql", "import_median_s"), "CSV import, postgresql", "s", 15.0),
]
BENCHES = ("paging", "search", "search_gui", "gui", "cli", "chains", "photos", "screening",
           "analytics", "packages", "import")


# ------------------------------------------------------------------------------- running
def commands(store: str, pg_url: str | None, keep_new_store: bool) -> dict[str, list[str]]:
    """Each benchmark's command line; the large SQLite store is made by the paging benchmark
    (which times that) unless one is given, and reused by the others."""
    pg = ["--pg-url", pg_url] if pg_url else []
    here = [sys.executable, "-u"]
    paging = ["--keep-store", store] if keep_new_store else ["--reuse", store]
    return {
        "paging": [*here, str(HERE / "bench_paging.py"), *paging, *pg],
        "search": [*here, str(HERE / "bench_search.py"), "--reuse", store, *pg],
        "search_gui": [*here, str(HERE / "bench_search_gui.py"), store],
        "gui": [*here, str(HERE / "bench_gui.py"), "--reuse", store],
        "cli": [*here, str(HERE / "bench_cli.py"), "--reuse", store],
        "chains": [*here, str(HERE / "bench_chains.py"), *pg],
        "photos": [*here, str(HERE / "bench_photos.py"), *pg],
        "screening": [*here, str(HERE / "bench_screening.py")],
        "analytics": [*here, str(HERE / "bench_analytics.py"), "--reuse", store, *pg],
        "packages": [*here, str(HERE / "bench_packages.py"), *pg],
        "import": [*here, str(HERE / "bench_import.py"), *(pg or ["--no-pg"])],
    }


def run_bench(name: str, command: list[str]) -> dict[str, Any] | None:
    """Run one benchmark, its output into bench-out/NAME.log; its JSON line, or None."""
    LOGS.mkdir(exist_ok=True)
    log = LOGS / f"{name}.log"
    started = time.monotonic()
    shown = " ".join(Path(c).name if Path(c).exists() else c for c in command[2:])
    print(f"--- {name}: {shown}", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                              env=env, check=False)
    lines = [line for line in log.read_text(encoding="utf-8").splitlines()
             if line.startswith("{")]
    minutes = (time.monotonic() - started) / 60
    if done.returncode != 0 or not lines:
        print(f"    FAILED (exit code {done.returncode}, {minutes:.1f} min); see {log}")
        return None
    print(f"    done in {minutes:.1f} min")
    return json.loads(lines[-1])


# ----------------------------------------------------------------------------- comparing
def compare(results: dict[str, dict[str, Any]], accepted: dict[str, dict[str, float]]
            ) -> tuple[list[list[str]], int]:
    """Table rows for every figure measured, and how many were flagged."""
    rows, flagged = [], 0
    for figure in FIGURES:
        if figure.bench not in results:
            continue
        value = figure.value_in(results[figure.bench])
        if value is None:
            continue
        before = accepted.get(figure.bench, {}).get(figure.label)
        problems = []
        if not figure.meets(value):
            problems.append("misses target")
        change = ""
        if before is not None:
            worse = figure.worse_by(value, before)
            change = f"{'+' if worse >= 0 else '-'}{abs(worse):.0%}"
            if worse > figure.allowed:
                problems.append("worse than accepted")
        flagged += bool(problems)
        target = "" if figure.target is None else (
            f"{'<=' if figure.better == 'lower' else '>='} {figure.target:g}")
        rows.append([figure.bench, figure.label, f"{value:,.3g} {figure.unit}", target,
                     "" if before is None else f"{before:,.3g}", change,
                     "; ".join(problems) or "ok"])
    return rows, flagged


def print_table(rows: list[list[str]]) -> None:
    header = ["bench", "figure", "now", "target", "accepted", "worse by", "verdict"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def measured(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """{bench: {figure label: value}} of this run, as figures.json keeps them."""
    kept: dict[str, dict[str, float]] = {}
    for figure in FIGURES:
        value = figure.value_in(results.get(figure.bench, {}))
        if value is not None:
            kept.setdefault(figure.bench, {})[figure.label] = round(value, 4)
    return kept


def load_accepted() -> dict[str, Any]:
    if not ACCEPTED.exists():
        return {"figures": {}}
    return json.loads(ACCEPTED.read_text(encoding="utf-8"))


def save_accepted(document: dict[str, Any], results: dict[str, dict[str, Any]]) -> None:
    figures = {**document.get("figures", {}), **measured(results)}
    accepted = {**document.get("accepted", {}),
                **{name: datetime.now(UTC).date().isoformat() for name in results}}
    ACCEPTED.write_text(json.dumps({"accepted": accepted, "figures": figures}, indent=1,
                                   sort_keys=True) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help=f"comma-separated benchmarks ({', '.join(BENCHES)})")
    parser.add_argument("--store", help="an existing 1,000,000-finding SQLite store to reuse")
    parser.add_argument("--pg-url", default=os.environ.get("FORENSICS_TEST_PG_URL"),
                        help="PostgreSQL server URL whose user may create databases "
                             "(default: $FORENSICS_TEST_PG_URL; without one, SQLite only)")
    parser.add_argument("--update", action="store_true",
                        help="accept this run's figures into tests/benchmarks/figures.json")
    args = parser.parse_args()
    chosen = args.only.split(",") if args.only else list(BENCHES)
    unknown = set(chosen) - set(BENCHES)
    if unknown:
        parser.error(f"no benchmark named {', '.join(sorted(unknown))}")
    work = Path(tempfile.mkdtemp(prefix="forensics-bench-"))
    store = args.store or str(work / "big.sqlite")
    if not args.store and "paging" not in chosen:
        chosen.insert(0, "paging")  # it makes the large store the others read
    lines = commands(store, args.pg_url, keep_new_store=not args.store)
    results = {}
    for name in chosen:
        found = run_bench(name, lines[name])
        if found is not None:
            results[name] = found
    document = load_accepted()
    rows, flagged = compare(results, document.get("figures", {}))
    print()
    print_table(rows)
    failed = [name for name in chosen if name not in results]
    print(f"\n{flagged} figure(s) flagged; {len(failed)} benchmark(s) failed"
          f"{': ' + ', '.join(failed) if failed else ''}")
    if args.update:
        save_accepted(document, results)
        print(f"accepted figures written to {ACCEPTED.relative_to(ROOT)}")
    if not args.store:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if flagged or failed else 0


if __name__ == "__main__":
    sys.exit(main())
