"""Each command loads only what it needs, so that scripts calling `forensics` in a loop do not
pay for every feature's libraries on every call."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "psycopg", "numpy", "rapidfuzz", "PIL", "PySide6",
         "reportlab", "openpyxl", "networkx")
REPORT = """
import json, sys
from forensics_gui.cli.main import main
code = main(sys.argv[1:]) if len(sys.argv) > 1 else None
print(json.dumps({"code": code, "loaded": sorted({m.split(".")[0] for m in sys.modules})}),
      file=sys.stderr)
"""


def loaded_by(*args: str, store: Path | None = None) -> tuple[int | None, set[str], str]:
    """(exit code, top-level modules loaded, what was printed) for `forensics ARGS`."""
    env = {**os.environ, **({"FORENSICS_STORE": str(store)} if store else {})}
    done = subprocess.run([sys.executable, "-c", REPORT, *args], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], set(report["loaded"]) & set(HEAVY), done.stdout


def test_loading_the_command_line_loads_no_library_of_a_feature() -> None:
    code, heavy, _ = loaded_by()
    assert code is None and heavy == set()


def test_store_free_commands_load_no_store_layer() -> None:
    code, heavy, out = loaded_by("datecode", "2231")
    assert code == 0 and "2022" in out and heavy == set()
    code, heavy, out = loaded_by("hs", "8542.31")
    assert code == 0 and "tier" in out.lower() and heavy == set()


def test_a_search_loads_the_store_layer_and_nothing_else(demo_file: Path) -> None:
    code, heavy, out = loaded_by("search", "STM32", "--json", store=demo_file)
    assert code == 0 and json.loads(out)["groups"]["part"]
    assert heavy == {"sqlalchemy"}, heavy - {"sqlalchemy"}


def test_info_loads_the_store_layer_and_nothing_else(demo_file: Path) -> None:
    code, heavy, out = loaded_by("info", "--json", store=demo_file)
    assert code == 0 and json.loads(out)["counts"]["finding"] > 0
    assert heavy == {"sqlalchemy"}, heavy - {"sqlalchemy"}
