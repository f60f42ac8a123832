"""The search box at a million findings: time from the last key typed to the results shown.

    .venv/bin/python tests/benchmarks/bench_search_gui.py STORE [--queries 60] [--key-ms 80]

STORE is a large SQLite store (see generate_store.py). The window opens on it, shows the
search page, and types each query one key at a time, `--key-ms` apart (a brisk typist), as a
user would; after the last key the clock runs until the list shows the results for the whole
text. Also reports the longest stall of the main thread while typing (it must keep echoing
keys). Target: results within 100 ms of the last key. Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TARGET_MS = 100.0


def queries(store: Any, count: int, seed: int = 7) -> list[str]:
    """Substrings, whole numbers typed lower-case, short prefixes and misses."""
    from forensics_gui.services import records

    numbers = [p.part_number for p in records.list_records(store, "part", limit=5000).rows]
    rng = random.Random(seed)
    picked = rng.sample(numbers, count)
    found = []
    for number, kind in zip(picked, ("substring", "whole", "short", "miss") * count,
                            strict=False):
        start = rng.randrange(max(1, len(number) - 5))
        found.append({"substring": number[start:start + 5], "whole": number.lower(),
                      "short": number[:3], "miss": f"Q{rng.randrange(10**5):05d}XZ"}[kind])
    return found


def nearest_rank(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def type_key(widget: Any, ch: str) -> None:
    """One key press and release carrying `ch` (any script), as the keyboard sends it."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def run(store_path: str, count: int, key_ms: float) -> dict[str, Any]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from forensics_gui.gui.kit.context import AppContext
    from forensics_gui.gui.mainwindow.main_window import MainWindow
    from tests.benchmarks.bench_gui import StallMeter

    app = QApplication.instance() or QApplication(sys.argv[:1])
    context = AppContext(QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()

    def pump(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.0005)

    def wait(condition: Any, timeout: float = 60) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("no results")
            app.processEvents()
            time.sleep(0.0002)

    window.store_menu.open(store_path)
    wait(lambda: context.store is not None and not context.runner.busy, 600)
    window.show_search()
    panel = window.search_panel
    texts = queries(context.store, count)
    # Warm up: the first search loads the search modules and fills the caches.
    for ch in "stm":
        type_key(panel.query, ch)
    wait(lambda: panel.results is not None and panel.results.query == "stm")
    meter = StallMeter()
    latencies, stalls = [], []
    for text in texts:
        panel.query.clear()
        pump(0.2)
        meter.reset()
        for position, ch in enumerate(text):
            type_key(panel.query, ch)
            last_key = time.perf_counter()
            if position < len(text) - 1:
                pump(key_ms / 1000)
        wait(lambda t=text: panel.results is not None and panel.results.query == t
             and not panel._timer.isActive())
        shown = time.perf_counter()
        latencies.append((max(0.0, shown - last_key) * 1000, text))
        stalls.append(meter.longest * 1000)
    context.shutdown()
    values = [ms for ms, _ in latencies]
    return {"queries": len(texts), "key_ms": key_ms, "median_ms": statistics.median(values),
            "p95_ms": nearest_rank(values, 0.95), "max_ms": max(values),
            "longest_stall_ms": max(stalls), "slowest": sorted(latencies)[-5:]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("store", help="a large SQLite store")
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--key-ms", type=float, default=80.0)
    args = parser.parse_args()
    result = run(args.store, args.queries, args.key_ms)
    print(f"\n{'search box, last key to results':<34}{'ms':>8}")
    for name in ("median_ms", "p95_ms", "max_ms", "longest_stall_ms"):
        print(f"  {name.removesuffix('_ms'):<32}{result[name]:>8.1f}")
    print(f"  {'target (p95)':<32}{TARGET_MS:>8.1f}")
    print("slowest:", ", ".join(f"{t!r} {ms:.0f} ms" for ms, t in result["slowest"]))
    print(json.dumps({"bench": "search_gui", **result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
