#!/usr/bin/env python3
"""Set up the application on a fresh machine (only Python 3.11+ needed) and run it or its tests.

    python3 installer/bootstrap.py          set up, then open the application on a local store
                                            holding the demo data
    python3 installer/bootstrap.py test     set up, then run the whole test suite
                                            (extra arguments go to pytest)

Everything is installed into `.venv` beside this folder; nothing outside it is changed except
the local store in the user data folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"


def _run(*command: str | Path) -> None:
    subprocess.run([str(c) for c in command], check=True, cwd=ROOT)


def set_up() -> None:
    """Create the virtual environment and install the application with its test tools."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this runs on whatever python3 the user has
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"Creating the environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    project = (ROOT / "pyproject.toml").read_bytes()
    if STAMP.exists() and STAMP.read_bytes() == project:
        return
    print("Installing the application and its test tools ...", flush=True)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", ".[test]")
    STAMP.write_bytes(project)


def open_application() -> int:
    """Open the desktop client on the local store; it loads the demo data on first start."""
    command = [str(PYTHON), "-m", "forensics_gui.gui.app", "--demo-if-empty"]
    return subprocess.call(command, cwd=ROOT)


def run_tests(extra: list[str]) -> int:
    """The whole test suite (PostgreSQL tests need FORENSICS_TEST_PG_URL, see the README)."""
    return subprocess.call([str(PYTHON), "-m", "pytest", *extra], cwd=ROOT)


def main() -> int:
    args = sys.argv[1:]
    set_up()
    if args[:1] == ["test"]:
        return run_tests(args[1:])
    if args[:1] == ["setup"]:
        return 0
    return open_application()


if __name__ == "__main__":
    sys.exit(main())
