"""Desktop client figures: cold start against the floor, memory while scrolling a million
findings, and the longest stall of the main thread during store operations.

    .venv/bin/python tests/benchmarks/bench_gui.py [--findings 1000000] [--reuse STORE]

The floor is a bare PySide6 window plus the import of SQLAlchemy's ORM, timed in the same
run. Prints a table, then one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# As installed for users: the package's bytecode written once, not compiled on every start.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
compileall.compile_dir(ROOT / "forensics_gui", quiet=1)

FLOOR = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
print(time.time())
"""

APP = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from forensics_gui.gui.app import create_window, parse_args
app = QApplication(sys.argv[:1])
stamps = {}
context, window = create_window(parse_args(["--store", sys.argv[1]]),
                                QSettings(sys.argv[2], QSettings.Format.IniFormat))
context.store_opened.connect(lambda _s: stamps.setdefault("services ready", time.time()))
window.show()
app.processEvents()
stamps["window"] = time.time()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        table = window.tables.get("item")
        if (event.type() == QEvent.Type.Paint and "first query" in stamps and table is not None
                and watched is table.view.viewport()):
            QTimer.singleShot(0, done)
        return False

painted = FirstPaint()
def done():
    if "first paint" not in stamps:
        stamps["first paint"] = time.time()
        print(json.dumps(stamps))
        app.quit()

def rows_ready():
    table = window.tables.get("item")
    if table is not None and table.model.rowCount() and table.model.record_at(0) is not None:
        stamps["first query"] = time.time()
        table.view.viewport().installEventFilter(painted)
        table.view.viewport().update()
    else:
        QTimer.singleShot(2, rows_ready)
QTimer.singleShot(0, rows_ready)
app.exec()
context.shutdown()
"""
PHASES = ("window", "services ready", "first query", "first paint")


def _timed(script: str, *args: str) -> dict[str, float]:
    """Seconds from the process start to each stamp the script prints (JSON, or one number)."""
    started = time.time()
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                         check=True, cwd=ROOT, timeout=120).stdout.strip().splitlines()[-1]
    stamps = json.loads(out) if out.startswith("{") else {"window": float(out)}
    return {name: stamp - started for name, stamp in stamps.items()}


def cold_starts(store: str, runs: int) -> dict[str, Any]:
    """Median seconds to a shown window (floor and app) and to each start-up phase of the app,
    the last being rows painted on screen; floor and app runs interleaved."""
    floor: list[float] = []
    phases: dict[str, list[float]] = {name: [] for name in PHASES}
    for _ in range(runs):
        floor.append(_timed(FLOOR)["window"])
        app = _timed(APP, store, tempfile.mktemp(suffix=".ini"))
        for name in PHASES:
            phases[name].append(app[name])
    medians = {name: statistics.median(values) for name, values in phases.items()}
    usable = medians["first paint"]
    return {"floor_s": statistics.median(floor), "window_s": medians["window"],
            "usable_s": usable, "ratio": usable / statistics.median(floor),
            "phases_s": medians}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class StallMeter:
    """A 5 ms timer on the main thread; the longest gap between its ticks is the stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0


def scroll_and_operate(store: str) -> dict[str, Any]:
    """Scroll the findings table top to bottom; time stalls during store operations."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from forensics_gui.gui.kit.context import AppContext
    from forensics_gui.gui.kit.table_model import LOADING, PAGE_SIZE
    from forensics_gui.gui.mainwindow.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    context = AppContext(QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    context.show_error = lambda e, t="": print("error:", e, file=sys.stderr)  # type: ignore
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    meter = StallMeter()
    stalls: dict[str, float] = {}

    def wait(condition: Any, what: str, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(what)
            app.processEvents()
            time.sleep(0.001)

    def measure(name: str, start: Any, done: Any) -> None:
        meter.reset()
        start()
        wait(done, name)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.002)
        stalls[name] = meter.longest * 1000

    measure("open store", lambda: window.store_menu.open(store),
            lambda: context.store is not None and not context.runner.busy)
    measure("show findings", lambda: window.show_kind("finding"),
            lambda: window.current_table().model.rowCount() > 0 and not context.runner.busy)
    table = window.current_table()
    model = table.model
    total = model.rowCount()
    peak = rss_mb()
    meter.reset()
    started = time.perf_counter()
    for row in range(0, total, PAGE_SIZE):
        table.view.scrollTo(model.index(min(row + PAGE_SIZE - 1, total - 1), 0))
        wait(lambda r=row: model.data(model.index(r, 0)) != LOADING, f"row {row}")
        if row % (PAGE_SIZE * 250) == 0:
            peak = max(peak, rss_mb())
    scroll_s = time.perf_counter() - started
    peak = max(peak, rss_mb())
    stalls["scroll to the end"] = meter.longest * 1000
    column = model.columns.index("part_number")
    measure("sort by part number", lambda: table.view.sortByColumn(
        column, Qt.SortOrder.DescendingOrder), lambda: not context.runner.busy)
    wait(lambda: model.record_at(0) is not None, "first row")
    needle = (model.record_at(0).marking or "A")[:5]
    measure("filter", lambda: (table.filter.setText(needle), table._filter_timer.stop(),
                               table.apply_filter()),
            lambda: not context.runner.busy and model.record_at(0) is not None)
    measure("open first record (builds the form)",
            lambda: window.show_record("finding", model.record_at(0)),
            lambda: not context.runner.busy)
    measure("open next record", lambda: window.step(1), lambda: not context.runner.busy)
    window.editor.inputs["notes"].set_value("benchmark note")
    window.editor._on_edit()
    measure("save record", window.editor.save, lambda: not context.runner.busy)
    context.shutdown()
    return {"rows": total, "scroll_s": scroll_s, "peak_rss_mb": peak, "stalls_ms": stalls}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--reuse", help="an existing large SQLite store to use")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scroll-only", help=argparse.SUPPRESS)
    parser.add_argument("--cold-only", action="store_true",
                        help="only the cold starts (no scrolling and stalls)")
    args = parser.parse_args()
    if args.scroll_only:
        print(json.dumps(scroll_and_operate(args.scroll_only)))
        return 0
    from forensics_gui.services import demo, stores

    work = Path(tempfile.mkdtemp())
    demo_store = str(work / "demo.sqlite")
    demo.load_demo(stores.init(demo_store))
    big = args.reuse
    if not big:
        from tests.benchmarks.generate_store import generate

        big = str(work / "big.sqlite")
        generate(big, findings=args.findings, parts=max(args.findings // 5, 1),
                 items=max(args.findings // 50, 1))
    results: dict[str, Any] = {"demo": cold_starts(demo_store, args.runs),
                               "large": cold_starts(big, args.runs)}
    if not args.cold_only:
        # In a fresh process: the generation above leaves this one's heap large.
        out = subprocess.run([sys.executable, __file__, "--scroll-only", big],
                             capture_output=True, text=True, check=True, cwd=ROOT,
                             timeout=3600).stdout
        results["scroll"] = json.loads(out.strip().splitlines()[-1])
    print(f"\n{'cold start':<22}{'floor s':>10}{'window s':>10}{'usable s':>10}{'ratio':>8}"
          "  (target <= 2.00)")
    for name in ("demo", "large"):
        r = results[name]
        print(f"{name + ' store':<22}{r['floor_s']:>10.3f}{r['window_s']:>10.3f}"
              f"{r['usable_s']:>10.3f}{r['ratio']:>8.2f}")
    print(f"\n{'where start-up goes (s)':<22}" + "".join(f"{p:>16}" for p in PHASES))
    for name in ("demo", "large"):
        phases = results[name]["phases_s"]
        print(f"{name + ' store':<22}" + "".join(f"{phases[p]:>16.3f}" for p in PHASES))
    if "scroll" in results:
        _print_scroll(results["scroll"])
    print(json.dumps({"bench": "gui", **results}))
    if not args.reuse:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _print_scroll(s: dict[str, Any]) -> None:
    print(f"\nscrolled {s['rows']:,} findings in {s['scroll_s']:.1f} s; peak RSS "
          f"{s['peak_rss_mb']:.0f} MB (target < 200)")
    print(f"{'longest main-thread stall':<30}{'ms':>8}  (target <= 100)")
    for name, ms in s["stalls_ms"].items():
        print(f"  {name:<28}{ms:>8.1f}")


if __name__ == "__main__":
    sys.exit(main())
