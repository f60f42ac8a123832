"""Photo ingest against `vipsthumbnail` plus `sha256sum` on the same files, and the time to
open a photo in the viewer.

    .venv/bin/python tests/benchmarks/bench_photos.py [--count 50] [--pg-url URL] [--runs 3]

Ingest is hash + metadata + thumbnail + storing the original in the store, through
`services.photos.add_photos`, on SQLite and (with --pg-url) PostgreSQL. The baseline runs
`vipsthumbnail` and `sha256sum` over the same 24-megapixel JPEGs in the same run. Prints a
table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_store import drop_database, new_database


def make_photos(folder: Path, count: int) -> list[Path]:
    """24-megapixel JPEGs with camera metadata, each different (so none is deduplicated)."""
    from PIL import ExifTags, Image, ImageDraw, ImageFilter

    base = Image.effect_noise((6000, 4000), 40).convert("RGB").filter(ImageFilter.GaussianBlur(1))
    paths = []
    for n in range(count):
        image = base.copy()
        draw = ImageDraw.Draw(image)
        draw.rectangle((200 + n * 50, 300, 2400 + n * 50, 1900), fill=(30 + n, 90, 40))
        draw.text((400, 500), f"U{n:02d} STM32F765VIT6", fill=(230, 230, 230))
        exif = Image.Exif()
        exif[ExifTags.Base.Make], exif[ExifTags.Base.Model] = "Canon", "EOS 90D"
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2024:03:02 14:05:09"
        path = folder / f"board-{n:03d}.jpg"
        image.save(path, "JPEG", quality=92, exif=exif)
        paths.append(path)
    return paths


def baseline(paths: list[Path], out: Path) -> float:
    """Seconds for vipsthumbnail (320 px) and sha256sum over every file."""
    started = time.perf_counter()
    subprocess.run(["vipsthumbnail", "--size", "320", "-o", f"{out}/%s-thumb.jpg",
                    *map(str, paths)], check=True)
    subprocess.run(["sha256sum", *map(str, paths)], check=True, capture_output=True)
    return time.perf_counter() - started


def ingest(location: str, paths: list[Path]) -> tuple[float, Any]:
    """Seconds to add every file to a fresh store's item, and the store (left open)."""
    from forensics_gui.services import photos, records, stores

    store = stores.init(location)
    records.create(store, "system", {"name": "Shahed-136"})
    records.create(store, "item", {"system_type_id": "Shahed-136", "case_reference": "BENCH"})
    started = time.perf_counter()
    report = photos.add_photos(store, paths, item="BENCH")
    seconds = time.perf_counter() - started
    assert len(report.added) == len(paths), report.refused
    return seconds, store


def viewer_open(store: Any) -> dict[str, float]:
    """Median ms to fetch a display copy (already made) and decode it as the viewer does."""
    from PySide6.QtGui import QGuiApplication, QImage

    from forensics_gui.services import photos

    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    shown = photos.photos_of(store, item="BENCH")
    first = []
    for photo in shown[:5]:
        started = time.perf_counter()
        photos.picture(store, photo, "display")
        first.append((time.perf_counter() - started) * 1000)
    cached = []
    for photo in shown[:5]:
        started = time.perf_counter()
        QImage.fromData(photos.picture(store, photo, "display"))
        cached.append((time.perf_counter() - started) * 1000)
    return {"first_view_ms": statistics.median(first),
            "open_ms": statistics.median(cached)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg-url", help="PostgreSQL server URL whose user may create databases")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    (work / "thumbs").mkdir()
    print(f"making {args.count} 24-megapixel JPEGs …", flush=True)
    paths = make_photos(work, args.count)
    size = sum(p.stat().st_size for p in paths) / 1e6
    results: dict[str, Any] = {"files": len(paths), "megabytes": round(size, 1)}
    rows = []
    for run in range(args.runs):
        base = baseline(paths, work / "thumbs")
        sqlite_s, store = ingest(str(work / f"run{run}.sqlite"), paths)
        if run == 0:
            results["viewer"] = viewer_open(store)
        store.close()
        row = {"baseline_s": base, "sqlite_s": sqlite_s}
        if args.pg_url:
            db = new_database(args.pg_url)
            pg_s, pg_store = ingest(db, paths)
            pg_store.close()
            drop_database(db)
            row["postgresql_s"] = pg_s
        rows.append(row)
        print(f"run {run + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in row.items()), flush=True)
    for key in rows[0]:
        results[key] = statistics.median(r[key] for r in rows)
    for key in ("sqlite_s", "postgresql_s"):
        if key in results:
            results[key.replace("_s", "_ratio")] = results[key] / results["baseline_s"]
    print(f"\n{args.count} JPEGs of 24 MP, {size:.0f} MB; medians of {args.runs} runs")
    print(f"{'':<34}{'seconds':>9}{'vs baseline':>13}")
    print(f"{'vipsthumbnail + sha256sum':<34}{results['baseline_s']:>9.2f}{'1.00':>13}")
    for key, label in (("sqlite_s", "ingest into SQLite"), ("postgresql_s",
                                                           "ingest into PostgreSQL")):
        if key in results:
            ratio = results[key.replace("_s", "_ratio")]
            print(f"{label:<34}{results[key]:>9.2f}{ratio:>13.2f}")
    viewer = results["viewer"]
    print(f"\nviewer: display copy made on first view {viewer['first_view_ms']:.0f} ms; "
          f"opening a photo (fetch + decode) {viewer['open_ms']:.0f} ms (target ≤ 300)")
    print(json.dumps({"bench": "photos", **results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
