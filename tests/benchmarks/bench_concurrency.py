"""Concurrency: many users editing the same records at once, deadlocks, and writers killed
part-way through, on SQLite and (with --pg-url) PostgreSQL.

    .venv/bin/python tests/benchmarks/bench_concurrency.py [--edits 1000] [--kills 200]
        [--pg-url URL] [--pg-kills 50] [--deadlocks 10]

Edits: real clients in processes of their own edit 5 records at once, each edit appending a
token of its own to the notes of the version it read. On PostgreSQL four service-layer
clients (as the desktop client saves) make --edits edits while a psql session edits the same
rows with raw `UPDATE ... SET version = version + 1`; on SQLite three service-layer clients
make them with two `forensics item edit` command lines (a tenth of the edits), beside a raw
SQL session doing the same raw edits. Afterwards every accepted token must be in its record
and in the audit trail, every record's version must have gone up once per token it holds,
and every conflict must name a newer version. Targets: 0 silent overwrites (an accepted edit
lost, or written over a version it never saw), 0 version gaps, 0 unfounded conflicts, 0
failed edits.

Baseline, in the same run: the same service clients saving without naming the version they
read (as a script that means "whatever is there now"): edits are lost, and the check says so.

Deadlocks (PostgreSQL): two writers lock two records in opposite orders; the one PostgreSQL
stops must run again and succeed. Kills: writers killed with SIGKILL at --kills random moments
on a small store, checked after each kill (PRAGMA integrity_check and foreign_key_check, the
store's check, the edits against the audit trail, `forensics db check`). Target: 0 damaged.

Prints a table, then one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import drop_database, new_database

from forensics_gui.services import stores
from tests import concurrency as c

RECORDS = 5
# Of the edits on SQLite, the share made by `forensics item edit` command lines (each edit
# starts two processes: `item show`, then `item edit`).
CLI_SHARE = 0.1


def edits(location: str, total: int, folder: Path, *, name_version: bool = True,
          raw: int = 0, cli_share: float = 0.0, records: int = RECORDS) -> dict[str, Any]:
    """`total` edits by concurrent clients (a share of them by command lines) and `raw` by a
    raw SQL session, all on the same few records; the check's figures."""
    ids = c.make_items(location, records)
    cli_edits = int(total * cli_share)
    services = 4 if cli_edits == 0 else 3
    each = [(total - cli_edits) // services + (k < (total - cli_edits) % services)
            for k in range(services)]
    started = time.perf_counter()
    clients = [c.start_service_editor(location, folder / f"s{k}.jsonl", f"s{k}", each[k], k,
                                      ids, name_version=name_version) for k in range(services)]
    session = c.raw_sql_editor(location, "r", raw, 99, ids) if raw else None
    by_cli: list[dict[str, Any]] = []
    lines = [threading.Thread(target=lambda k=k: by_cli.extend(
        c.cli_editor(location, f"c{k}", cli_edits // 2 + k * (cli_edits % 2), 50 + k, ids)))
        for k in range(2)
        if cli_edits]
    for line in lines:
        line.start()
    for line in lines:
        line.join()
    failed = [k for k, client in enumerate(clients) if client.wait() != 0]
    if session is not None and session.wait() != 0:
        assert session.stderr is not None
        raise RuntimeError(f"the raw SQL session failed: {session.stderr.read()}")
    if failed:
        raise RuntimeError(f"service clients {failed} failed")
    seconds = time.perf_counter() - started
    outcomes = c.read_outcomes(folder / f"s{k}.jsonl" for k in range(services)) + by_cli
    tally = c.check_edits(location, outcomes, [f"r-{n}" for n in range(raw)], ids)
    for problem in tally.problems[:5]:
        print(f"    {problem}")
    return {**tally.figures(), "edits": len(outcomes), "seconds": round(seconds, 1)}


def kills(location: str, count: int) -> dict[str, Any]:
    ids = c.make_items(location, 3)
    started = time.perf_counter()
    tally = c.kill_writers(location, ids, count)
    for problem in tally.problems[:5]:
        print(f"    {problem}")
    return {**tally.figures(), "seconds": round(time.perf_counter() - started, 1)}


def backend_figures(location: str, args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    pg = location.startswith("postgresql")
    figures: dict[str, Any] = {}
    print(f"{'postgresql' if pg else 'sqlite'}: {args.edits} concurrent edits ...", flush=True)
    figures["edits"] = edits(location, args.edits, folder / "edits", raw=args.edits // 4,
                             cli_share=0.0 if pg else CLI_SHARE)
    print(f"  {figures['edits']}", flush=True)
    print("  baseline: the same clients not naming the version read ...", flush=True)
    figures["baseline"] = edits(location, args.edits // 5, folder / "baseline",
                                name_version=False, records=2)
    print(f"  {figures['baseline']}", flush=True)
    if pg and args.deadlocks:
        print(f"  {args.deadlocks} crossed writers ...", flush=True)
        figures["deadlocks"] = c.crossed_writes(location, c.make_items(location, 2),
                                                args.deadlocks)
        print(f"  {figures['deadlocks']}", flush=True)
    count = args.pg_kills if pg else args.kills
    if count:
        print(f"  {count} writers killed ...", flush=True)
        figures["kills"] = kills(location, count)
        print(f"  {figures['kills']}", flush=True)
    return figures


def _table(results: dict[str, dict[str, Any]]) -> None:
    print(f"\n{'store':<11} {'run':<10} {'edits':>6} {'accepted':>9} {'conflicts':>9} "
          f"{'raw':>5} {'failed':>6} {'lost':>5} {'gaps':>5} {'unfounded':>9} {'no audit':>8} "
          f"{'s':>6}")
    for backend, figures in results.items():
        for run in ("edits", "baseline"):
            f = figures[run]
            print(f"{backend:<11} {run:<10} {f['edits']:>6} {f['accepted']:>9} "
                  f"{f['conflicts']:>9} {f['raw_edits']:>5} {f['failed']:>6} "
                  f"{f['silent_overwrites']:>5} {f.get('version_gaps', 0):>5} "
                  f"{f['unfounded_conflicts']:>9} "
                  f"{f['missing_from_audit']:>8} {f['seconds']:>6}")
    for backend, figures in results.items():
        if "deadlocks" in figures:
            d = figures["deadlocks"]
            print(f"{backend}: {d['rounds']} crossed pairs, {d['deadlocks']} deadlocks reported "
                  f"and run again, {d['writes_held']} of {d['writes_made']} writes held "
                  "by both records")
        if "kills" in figures:
            k = figures["kills"]
            print(f"{backend}: {k['kills']} writers killed, {k['damaged']} damaged stores, "
                  f"{k['cli_checks']} `forensics db check` runs, {k['edits_seen']} edits kept, "
                  f"{k['seconds']} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--pg-url", help="PostgreSQL server URL whose user may create databases")
    parser.add_argument("--pg-kills", type=int, default=50)
    parser.add_argument("--deadlocks", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="forensics-bench-"))
    results: dict[str, dict[str, Any]] = {}
    try:
        for sub in ("edits", "baseline"):
            (folder / sub).mkdir()
        sqlite = str(folder / "store.sqlite")
        stores.init(sqlite).close()
        results["sqlite"] = backend_figures(sqlite, args, folder)
        if args.pg_url:
            database = new_database(args.pg_url)
            try:
                stores.init(database).close()
                results["postgresql"] = backend_figures(database, args, folder)
            finally:
                drop_database(database)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    _table(results)
    print(json.dumps(results))
    worst = sum(f["edits"]["silent_overwrites"] + f["edits"]["unfounded_conflicts"]
                + f["edits"]["version_gaps"]
                + f["edits"]["failed"] + f.get("kills", {}).get("damaged", 0)
                for f in results.values())
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
