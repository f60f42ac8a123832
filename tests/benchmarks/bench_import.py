"""Importing a CSV of 100,000 findings, against loading the same file into a bare table.

    .venv/bin/python tests/benchmarks/bench_import.py [--rows 100000] [--repeat 3]
        [--pg-url postgresql://root@127.0.0.1:5432/postgres] [--no-pg]

Writes a CSV of findings as a field team's spreadsheet would hold them (case reference,
weapon, marking, part number, maker, function, date code, lot code, quantity, location,
confidence; 500 recovered items, 20,000 parts, each number made by one of 60 makers), then,
side by side in one run and each `--repeat` times on a fresh store:

- the product: `forensics import` of the file (read, every row checked, references resolved,
  new items, parts and makers created, findings written with their search terms and audit
  event, one transaction), on SQLite and on PostgreSQL;
- the baseline: sqlite3's `.import` and psql's `\\copy` of the same file into a bare table of
  text columns (no check, no index).

Targets: 10 s on SQLite, 15 s on PostgreSQL, at most 5 times the baseline. Prints medians,
the ratios, and one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import drop_database, new_database

from forensics_gui.services import stores
from forensics_gui.services.exchange import importer

TARGET_S = {"sqlite": 10.0, "postgresql": 15.0}
TARGET_RATIO = 5.0
COLUMNS = ("case_reference", "weapon", "marking", "part_number", "manufacturer", "function",
           "date_code", "lot_code", "quantity", "location", "confidence")
WEAPONS = ("Shahed-136", "Kh-101", "Orlan-10", "Lancet", "Kalibr 3M-14")


def write_file(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        for n in range(rows):
            number = f"FPN{n % 20_000:05d}-{'ABCDEFGH'[n % 8]}T6"
            code = f"{22 + n % 3}{1 + n % 52:02d}"
            out.writerow([f"FT-{n % 500:04d}", WEAPONS[(n % 500) % len(WEAPONS)],
                          f"{number} {code}", number, f"Fictional Maker {n % 20_000 % 60}",
                          "microcontroller", code, f"L{n:06d}", 1 + n % 4,
                          f"board {n % 7}, position U{n % 40}", "high"])


def timed(runs: int, prepare: Callable[[], object], call: Callable[[object], object]
          ) -> list[float]:
    seconds = []
    for _ in range(runs):
        target = prepare()
        start = time.perf_counter()
        call(target)
        seconds.append(time.perf_counter() - start)
    return seconds


def import_into(location: str, path: Path) -> None:
    store = stores.open_existing(location)
    try:
        sheet = importer.read(path)
        plan = importer.run(store, sheet, importer.suggested(sheet))
        assert plan.new_rows > 0 and not plan.refused, plan.summary()
    finally:
        store.close()


def sqlite_baseline(path: Path, folder: Path) -> Callable[[object], object]:
    def run(target: object) -> None:
        db = folder / f"bare-{uuid.uuid4().hex}.sqlite"
        columns = ", ".join(f"c{i} TEXT" for i in range(len(COLUMNS)))
        subprocess.run(["sqlite3", str(db), f"CREATE TABLE t ({columns});", ".mode csv",
                        f".import --skip 1 {path} t"], check=True)
    return run


def pg_baseline(path: Path, url: str) -> Callable[[object], object]:
    def run(target: object) -> None:
        columns = ", ".join(f"c{i} text" for i in range(len(COLUMNS)))
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url,
                        "-c", f"DROP TABLE IF EXISTS bench_bare; CREATE TABLE bench_bare "
                              f"({columns})",
                        "-c", f"\\copy bench_bare FROM '{path}' CSV HEADER"], check=True)
    return run


def fresh_pg(url: str, made: list[str]) -> Callable[[], object]:
    """A new store in a database of its own for each run (the previous one dropped); the
    caller drops the last, listed in `made`."""
    def make() -> str:
        if made:
            drop_database(made.pop())
        made.append(new_database(url))
        stores.init(made[-1]).close()
        return made[-1]
    return make


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg-url", default="postgresql://root@127.0.0.1:5432/postgres")
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    figures: dict[str, object] = {"rows": args.rows}
    databases: list[str] = []
    try:
        path = folder / "findings.csv"
        write_file(path, args.rows)
        template = folder / "template.sqlite"
        stores.init(str(template)).close()
        counter = iter(range(1_000_000))

        def fresh_sqlite() -> str:
            return str(shutil.copy(template, folder / f"store-{next(counter)}.sqlite"))

        backends = [("sqlite", fresh_sqlite, sqlite_baseline(path, folder))]
        if not args.no_pg:
            backends.append(("postgresql", fresh_pg(args.pg_url, databases),
                             pg_baseline(path, args.pg_url)))
        print(f"{args.rows:,} findings, {path.stat().st_size / 1e6:.1f} MB; median of "
              f"{args.repeat} runs")
        print(f"{'backend':<12}{'import s':>10}{'bare load s':>13}{'ratio':>8}{'target s':>10}")
        for name, fresh, baseline in backends:
            ours = timed(args.repeat, fresh, lambda location: import_into(str(location), path))
            bare = timed(args.repeat, lambda: None, baseline)
            ratio = statistics.median(ours) / statistics.median(bare)
            figures[name] = {"import_s": ours, "bare_s": bare,
                             "import_median_s": statistics.median(ours),
                             "bare_median_s": statistics.median(bare), "ratio": ratio,
                             "target_s": TARGET_S[name], "target_ratio": TARGET_RATIO}
            print(f"{name:<12}{statistics.median(ours):>10.2f}{statistics.median(bare):>13.3f}"
                  f"{ratio:>8.1f}{TARGET_S[name]:>10.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for database in databases:
            drop_database(database)
        if not args.no_pg:
            subprocess.run(["psql", "-q", args.pg_url, "-c", "DROP TABLE IF EXISTS bench_bare"],
                           check=False)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
