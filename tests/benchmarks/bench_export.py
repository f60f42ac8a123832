"""Exporting 100,000 findings to CSV, Excel and JSON, on SQLite and PostgreSQL.

    .venv/bin/python tests/benchmarks/bench_export.py [--findings 100000]
        [--pg-url postgresql://root@127.0.0.1:5432/postgres] [--reuse LOCATION ...]

Generates a store through the bulk path (see generate_store.py) or reuses one, then times
`export_table(store, "finding", ...)` for each format, with, side by side as the baseline, the
same rows read through `records.list_records` (every page, nothing written) and written by
Python's csv module alone (no store). Prints a table and ends with one JSON line holding
every figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import (
    backend_of,
    generate,
    planned_stores,
    remove_store,
    shown_location,
)

from forensics_gui.services import records, stores
from forensics_gui.services.exchange import export

PG_DATABASE = "forensics_bench_export"


def read_only_baseline(store: stores.Store) -> tuple[float, list[Any]]:
    """Seconds to page through every finding as `forensics finding list --all` does."""
    started, rows, cursor = time.perf_counter(), [], None
    while True:
        page = records.list_records(store, "finding", cursor=cursor, limit=2_000)
        rows += page.rows
        cursor = page.next_cursor
        if not cursor:
            return time.perf_counter() - started, rows


def csv_baseline(rows: list[Any], folder: str) -> float:
    """Seconds for Python's csv module to write the rows' plain values, nothing else."""
    started = time.perf_counter()
    with open(Path(folder, "baseline.csv"), "w", newline="", encoding="utf-8") as stream:
        out = csv.writer(stream)
        for row in rows:
            out.writerow([str(v) for v in vars(row).values()])
    return time.perf_counter() - started


def measure(location: str) -> dict[str, Any]:
    store = stores.open_existing(location)
    figures: dict[str, Any] = {"backend": backend_of(location)}
    try:
        with tempfile.TemporaryDirectory() as folder:
            figures["read_all_pages_s"], rows = read_only_baseline(store)
            figures["csv_module_only_s"] = csv_baseline(rows, folder)
            figures["findings"] = len(rows)
            del rows
            for form in ("csv", "xlsx", "json"):
                path = Path(folder, f"findings.{form}")
                started = time.perf_counter()
                summary = export.export_table(store, "finding", path)
                figures[f"{form}_s"] = time.perf_counter() - started
                figures[f"{form}_mb"] = path.stat().st_size / 1e6
                assert summary.total == figures["findings"]
    finally:
        store.close()
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in figures.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--pg-url", help="PostgreSQL server URL (a database is created)")
    parser.add_argument("--reuse", nargs="*", default=[], help="stores already generated")
    args = parser.parse_args(argv)
    planned = planned_stores(args.reuse, None, args.pg_url, PG_DATABASE)
    results = []
    for location, made_here in planned:
        if made_here:
            generate(location, findings=args.findings, parts=args.findings // 5,
                     items=max(args.findings // 50, 10), orgs=1_000)
        try:
            results.append(measure(location))
        finally:
            if made_here:
                remove_store(location)
        print(f"measured {shown_location(location)}", file=sys.stderr)
    print(f"\n{'backend':<12}{'findings':>10}{'read pages':>12}{'csv module':>12}"
          f"{'CSV':>8}{'Excel':>8}{'JSON':>8}   (seconds; load {os.getloadavg()[0]:.1f})")
    for r in results:
        print(f"{r['backend']:<12}{r['findings']:>10,}{r['read_all_pages_s']:>12}"
              f"{r['csv_module_only_s']:>12}{r['csv_s']:>8}{r['xlsx_s']:>8}{r['json_s']:>8}")
    print(json.dumps({"benchmark": "export", "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
