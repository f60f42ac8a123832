"""The teardown report of a photographed item: photos downsampled to print resolution against
the same brief with every photo embedded at full resolution, time and size.

    .venv/bin/python tests/benchmarks/bench_briefs.py [--photos 100] [--findings 60] [--runs 3]
                                                      [--keep FOLDER]

The store holds the demo data and one recovered item with 60 findings (demo parts, so that
chains are found) and 100 distinct 24-megapixel JPEGs (noise, stripes and board-like shapes,
so that they compress as photos do, about 7 MB each), each with three annotations linked to
findings. Making it takes a few minutes; `--keep FOLDER` keeps it there and reuses it on the
next run. Targets: the brief at print resolution in 10 s or less and 20 MB or smaller. Prints
a table (medians of the runs), then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ITEM = "BENCH-TEARDOWN-1"
TARGET_SECONDS = 10.0
TARGET_BYTES = 20 * 1024 * 1024
LOCATIONS = ("flight controller", "power board", "GNSS receiver", "servo drive", "seeker",
             "")


def make_photo(base: Any, number: int, path: Path) -> Path:
    """A 6000 x 4000 picture of a 'board': shared noise, its own stripes, chips and text."""
    from PIL import ImageDraw

    image = base.copy()
    draw = ImageDraw.Draw(image)
    for x in range(number * 7 % 90, 6000, 90):  # traces
        draw.line((x, 0, x + 400, 4000), fill=(170, 150, 60), width=5)
    for chip in range(14):
        left, top = 300 + (chip * 811 + number * 97) % 5000, 250 + (chip * 557 + number * 61) % 3300
        draw.rectangle((left, top, left + 420, top + 300), fill=(25, 25, 28))
        draw.text((left + 30, top + 120), f"U{chip} {number:03d}", fill=(215, 215, 215))
    image.save(path, "JPEG", quality=90)
    return path


def make_store(path: Path, photos_wanted: int, findings_wanted: int) -> None:
    """The demo data and one item with its findings, photos and annotations."""
    from PIL import Image, ImageFilter

    from forensics_gui.services import demo, photos, records, stores

    store = stores.init(str(path))
    try:
        demo.load_demo(store)
        parts = records.list_records(store, "part", limit=1000).rows
        records.create(store, "item", {"system_type_id": "Shahed-136", "case_reference": ITEM,
                                       "recovered_on": "2024-03-02",
                                       "recovery_place": "Kyiv region"})
        findings = []
        for number in range(findings_wanted):
            part = parts[number % len(parts)]
            findings.append(records.create(store, "finding", {
                "item_id": ITEM, "part_id": str(part.id), "marking": part.part_number,
                "location": LOCATIONS[number % len(LOCATIONS)],
                "date_code": f"{19 + number % 5}{10 + number % 40:02d}",
                "function": "bench component"}))
        base = Image.effect_noise((6000, 4000), 40).convert("RGB").filter(
            ImageFilter.GaussianBlur(1))
        folder = path.parent / "photos"
        folder.mkdir(exist_ok=True)
        for number in range(photos_wanted):
            print(f"  photo {number + 1} of {photos_wanted}", end="\r", flush=True)
            file = make_photo(base, number, folder / f"board-{number:03d}.jpg")
            (photo,) = photos.add_photos(store, [file], item=ITEM,
                                         caption=f"board {number}").added
            file.unlink()
            for mark in range(3):
                finding = findings[(number * 3 + mark) % len(findings)]
                records.create(store, "annotation", {
                    "photo_id": photo.id, "x": 0.1 + 0.25 * mark, "y": 0.2, "width": 0.1,
                    "height": 0.08, "label": f"U{mark}", "finding_id": finding.id})
        print()
    finally:
        store.close()


def ready_store(keep: Path | None, photos_wanted: int, findings_wanted: int) -> Path:
    folder = keep or Path(tempfile.mkdtemp(prefix="bench-briefs-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"briefs-{photos_wanted}p-{findings_wanted}f.sqlite"
    if not path.exists():
        print(f"making the store ({photos_wanted} photos of 24 MP, {findings_wanted} "
              f"findings) in {folder} …", flush=True)
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        make_store(partial, photos_wanted, findings_wanted)
        partial.rename(path)
        print(f"made in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def build(store: Any, out: Path, full: bool) -> tuple[float, float, int, int]:
    """(seconds, CPU seconds of every thread, bytes, pages) of one brief."""
    from forensics_gui.reports import briefs

    options = briefs.BriefOptions(full_resolution_photos=full)
    started, cpu = time.perf_counter(), time.process_time()
    result = briefs.write(store, "teardown", ITEM, out, options)
    return (time.perf_counter() - started, time.process_time() - cpu, result.size,
            result.pages)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--findings", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the store in")
    parser.add_argument("--print-only", action="store_true",
                        help="only the brief at print resolution (no full-resolution runs)")
    args = parser.parse_args()
    path = ready_store(args.keep, args.photos, args.findings)
    from forensics_gui.services import stores

    store = stores.open_existing(str(path))
    out = Path(tempfile.mkdtemp(prefix="bench-briefs-out-"))
    variants = ("print",) if args.print_only else ("print", "full")
    rows: dict[str, list[tuple[float, float, int, int]]] = {v: [] for v in variants}
    load = os.getloadavg()[0]
    try:
        for run in range(args.runs):
            for variant in variants:
                measured = build(store, out / f"{variant}.pdf", variant == "full")
                rows[variant].append(measured)
                seconds, cpu, size, pages = measured
                print(f"run {run + 1} {variant:<6} {seconds:7.2f} s (CPU {cpu:6.2f} s)  "
                      f"{size / 2**20:8.1f} MB  {pages} pages", flush=True)
    finally:
        store.close()
    results: dict[str, Any] = {"photos": args.photos, "findings": args.findings,
                               "runs": args.runs, "cpus": os.cpu_count(),
                               "load_before": round(load, 1),
                               "load_after": round(os.getloadavg()[0], 1)}
    for variant, measured in rows.items():
        results[f"{variant}_s"] = round(statistics.median(m[0] for m in measured), 2)
        results[f"{variant}_cpu_s"] = round(statistics.median(m[1] for m in measured), 2)
        results[f"{variant}_mb"] = round(statistics.median(m[2] for m in measured) / 2**20, 1)
        results[f"{variant}_pages"] = measured[0][3]
    print(f"\nTeardown report, {args.photos} photos of 24 MP and {args.findings} findings; "
          f"medians of {args.runs} runs")
    print(f"{os.cpu_count()} CPUs; load average {results['load_before']} before, "
          f"{results['load_after']} after (other work on the machine slows every figure)")
    print(f"{'':<30}{'seconds':>9}{'CPU s':>8}{'MB':>8}{'pages':>7}")
    labels = {"print": "photos at print resolution", "full": "photos at full resolution"}
    for variant in variants:
        print(f"{labels[variant]:<30}{results[f'{variant}_s']:>9.2f}"
              f"{results[f'{variant}_cpu_s']:>8.2f}{results[f'{variant}_mb']:>8.1f}"
              f"{results[f'{variant}_pages']:>7}")
    met = results["print_s"] <= TARGET_SECONDS and results["print_mb"] * 2**20 <= TARGET_BYTES
    print(f"target: at most {TARGET_SECONDS:.0f} s and {TARGET_BYTES // 2**20} MB at print "
          f"resolution: {'met' if met else 'MISSED'}")
    print(json.dumps({"bench": "briefs", **results, "target_met": met}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
