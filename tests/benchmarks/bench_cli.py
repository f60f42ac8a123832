"""Command-line start-up: each command against its floor, measured side by side in one run.

    .venv/bin/python tests/benchmarks/bench_cli.py [--reuse STORE] [--runs 9]

Floors: `python -c pass` for commands without a store, and `python -c "import sqlalchemy.orm"`
for commands that open one. A search's target adds the search itself as the service API times
it (opened store, first call). `info` runs on a 1,000,000-finding store (--reuse one made by
generate_store.py, or one is generated). Every figure is the median of --runs runs, the runs
of all commands interleaved so that a noisy moment hits them alike. Prints a table, then one
JSON line with every figure.
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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# As installed for users: the package's bytecode written once, not compiled on every start.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
compileall.compile_dir(ROOT / "forensics_gui", quiet=1)
FORENSICS = str(Path(sys.executable).with_name("forensics"))
SEARCH_TIMED = """
import sys, time
from forensics_gui.services import search, stores
store = stores.open_existing(sys.argv[1])
started = time.perf_counter()
search.search(store, "STM32")
print(time.perf_counter() - started)
"""


def _seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True, timeout=120,
                   stdin=subprocess.DEVNULL)
    return time.perf_counter() - started


def _search_itself(store: str) -> float:
    out = subprocess.run([sys.executable, "-c", SEARCH_TIMED, store], check=True, cwd=ROOT,
                         capture_output=True, text=True, timeout=120).stdout
    return float(out.split()[-1])


def commands(demo: str, big: str) -> dict[str, list[str]]:
    """What is timed: the floors, then the commands, as a user types them."""
    python = sys.executable
    return {
        "floor: python -c pass": [python, "-c", "pass"],
        "floor: import sqlalchemy.orm": [python, "-c", "import sqlalchemy.orm"],
        "forensics --help": [FORENSICS, "--help"],
        "forensics datecode 2231": [FORENSICS, "datecode", "2231"],
        "forensics search STM32 --json (demo)": [FORENSICS, "--store", demo, "search", "STM32",
                                                 "--json"],
        "forensics info (1M findings)": [FORENSICS, "--store", big, "info"],
    }


def measure(demo: str, big: str, runs: int) -> dict[str, float]:
    """Median seconds of each command, runs interleaved."""
    timed = commands(demo, big)
    samples: dict[str, list[float]] = {name: [] for name in timed}
    samples["search itself (service API)"] = []
    for _ in range(runs):
        for name, command in timed.items():
            samples[name].append(_seconds(command))
        samples["search itself (service API)"].append(_search_itself(demo))
    return {name: statistics.median(values) for name, values in samples.items()}


def verdicts(m: dict[str, float]) -> list[tuple[str, float, float, bool]]:
    """(figure, value, target, met) for each target of the command-line issue."""
    bare, orm = m["floor: python -c pass"], m["floor: import sqlalchemy.orm"]
    quick = max(0.25, 5 * bare)
    search_target = 1.3 * orm + m["search itself (service API)"]
    return [
        ("forensics --help", m["forensics --help"], quick, m["forensics --help"] <= quick),
        ("forensics datecode 2231", m["forensics datecode 2231"], quick,
         m["forensics datecode 2231"] <= quick),
        ("search STM32 (demo)", m["forensics search STM32 --json (demo)"], search_target,
         m["forensics search STM32 --json (demo)"] <= search_target),
        ("info (1M findings)", m["forensics info (1M findings)"], 1.5 * orm,
         m["forensics info (1M findings)"] <= 1.5 * orm),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reuse", help="an existing 1,000,000-finding SQLite store")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    from forensics_gui.services import demo as demo_data
    from forensics_gui.services import stores

    work = Path(tempfile.mkdtemp())
    demo_store = str(work / "demo.sqlite")
    opened = stores.init(demo_store)
    demo_data.load_demo(opened)
    opened.close()
    big = args.reuse
    if not big:
        from tests.benchmarks.generate_store import generate

        big = str(work / "big.sqlite")
        generate(big, findings=1_000_000, parts=200_000, items=20_000)
    medians = measure(demo_store, big, args.runs)
    print(f"\n{'command (median of ' + str(args.runs) + ')':<44}{'seconds':>9}")
    for name, value in medians.items():
        print(f"  {name:<42}{value:>9.3f}")
    print(f"\n{'target':<28}{'seconds':>9}{'target':>9}{'ratio':>7}  met")
    results: dict[str, Any] = {"bench": "cli", "runs": args.runs, "medians_s": medians,
                               "targets": {}}
    for name, value, target, met in verdicts(medians):
        print(f"  {name:<26}{value:>9.3f}{target:>9.3f}{value / target:>7.2f}  "
              f"{'yes' if met else 'NO'}")
        results["targets"][name] = {"seconds": value, "target_s": target, "met": met,
                                    "of_target": value / target}
    print(json.dumps(results))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
