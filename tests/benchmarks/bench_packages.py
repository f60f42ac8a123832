"""Case packages: exporting a laptop's 1,000 findings and 500 photos, and importing them into
an empty store, on SQLite and (with --pg-url) PostgreSQL; the direct merge too.

    .venv/bin/python tests/benchmarks/bench_packages.py [--findings 1000] [--photos 500]
        [--runs 3] [--pg-url URL]

Targets: export 30 s or less, import 30 s or less. Beside them, in the same run, `zip` and
`sha256sum` over the same pictures written as files (what packing and checking them costs
with the system's own tools). Prints each run, a table of medians, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import drop_database, new_database

TARGET_S = 30.0


def make_laptop(folder: Path, findings: int, photos: int) -> Path:
    """A laptop's store: findings on items and parts, small real JPEGs (with thumbnails)."""
    from forensics_gui.services import stores
    from tests.integration.exchange_support import many_findings

    path = folder / "laptop.sqlite"
    store = stores.init(str(path))
    many_findings(store, findings, photos)
    store.close()
    return path


def empty_store(folder: Path, name: str) -> Path:
    from forensics_gui.services import stores

    path = folder / name
    stores.init(str(path)).close()
    return path


def baseline(laptop: Path, folder: Path) -> float:
    """Seconds for `zip` and `sha256sum` over the same pictures as plain files."""
    from forensics_gui.services import stores

    pictures = folder / "pictures"
    pictures.mkdir(exist_ok=True)
    store = stores.open_existing(str(laptop))
    with store.reading() as uow:
        for digest, data in uow.blobs.each_original():
            (pictures / digest).write_bytes(data)
    store.close()
    started = time.perf_counter()
    subprocess.run(["zip", "-q", "-0", "-r", str(folder / "baseline.zip"), "."], cwd=pictures,
                   check=True)
    subprocess.run(["sha256sum", *map(str, pictures.iterdir())], check=True,
                   capture_output=True)
    seconds = time.perf_counter() - started
    (folder / "baseline.zip").unlink()
    return seconds


def timed(work: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def one_run(laptop: Path, folder: Path, pg_url: str | None) -> dict[str, float]:
    from forensics_gui.services import stores
    from forensics_gui.services.exchange import packages, sync

    copy = folder / "run-laptop.sqlite"
    shutil.copy(laptop, copy)
    source = stores.open_existing(str(copy))
    row: dict[str, float] = {"baseline_s": baseline(laptop, folder)}
    row["export_s"], report = timed(lambda: packages.export_package(source, folder / "p.zip"))
    target = stores.open_existing(str(empty_store(folder, f"centre-{uuid.uuid4().hex}.sqlite")))
    row["import_sqlite_s"], imported = timed(
        lambda: packages.import_package(target, folder / "p.zip"))
    assert imported.outcomes == {"added": sum(report.records.values())}, imported.outcomes
    target.close()
    if pg_url:
        for name, work in (("import_postgresql_s", lambda s: packages.import_package(
                               s, folder / "p.zip")),
                           ("sync_postgresql_s", lambda s: sync.sync(source, s))):
            database = new_database(pg_url)
            store = stores.init(database)
            row[name], _ = timed(lambda w=work, s=store: w(s))
            store.close()
            drop_database(database)
    source.close()
    return row


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=1000)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg-url", help="PostgreSQL server URL whose user may create databases")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    print(f"making a laptop store of {args.findings:,} findings and {args.photos:,} photos …",
          flush=True)
    laptop = make_laptop(folder, args.findings, args.photos)
    rows = []
    for run in range(args.runs):
        rows.append(one_run(laptop, folder, args.pg_url))
        print(f"run {run + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in rows[-1].items()),
              flush=True)
    results: dict[str, Any] = {"findings": args.findings, "photos": args.photos,
                               "runs": args.runs}
    results |= {key: round(statistics.median(r[key] for r in rows), 3) for key in rows[0]}
    results["package_mb"] = round((folder / "p.zip").stat().st_size / 1e6, 2)
    print(f"\n{'median of ' + str(args.runs) + ' runs':<32} {'seconds':>8}  target")
    for key, value in results.items():
        if key.endswith("_s"):
            target = f"≤ {TARGET_S:.0f} s" if key.startswith(("export", "import")) else ""
            print(f"{key:<32} {value:>8.2f}  {target}")
    shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({"bench": "packages", **results}))
    slow = [k for k, v in results.items() if k.startswith(("export", "import"))
            and k.endswith("_s") and v > TARGET_S]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
