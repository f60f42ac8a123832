#!/usr/bin/env python3
"""Set up the application on a fresh machine (only Python 3.11+ needed) and run it or its tests.

    python3 installer/bootstrap.py           set up, then open the application on a local store
                                             holding the demo data
    python3 installer/bootstrap.py test      set up, then run the whole test suite
                                             (extra arguments go to pytest)
    python3 installer/bootstrap.py setup     set up only
    python3 installer/bootstrap.py test --latest
                                             install the newest releases allowed by
                                             pyproject.toml into .venv-latest, run the tests
                                             there and say which releases differ from the lock
    python3 installer/bootstrap.py lock      refresh the lock to the newest releases, install
                                             them and run the tests; the old lock is put back
                                             if the tests fail

Everything is installed into `.venv` beside this folder, at the versions written in
`installer/requirements.lock` (with their hashes), so that every machine runs what the tests
passed with. Nothing outside the folder is changed except the local store in the user data
folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "installer" / "requirements.lock"
LOCK_TOOL = ROOT / "installer" / "lock-tool.txt"
VENV = ROOT / ".venv"
LATEST_VENV = ROOT / ".venv-latest"
STAMP_NAME = ".installed-from"
LOCK_COMMAND = "python3 installer/bootstrap.py lock"


def _bin(env: Path, name: str) -> Path:
    folder = env / ("Scripts" if os.name == "nt" else "bin")
    return folder / (f"{name}.exe" if os.name == "nt" else name)


def _run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(c) for c in command], check=True, cwd=ROOT, env=env)


def _step(text: str) -> None:
    print(f"==> {text}", flush=True)


def _create(env: Path) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - this runs on whatever python3 the user has
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    python = _bin(env, "python")
    if not python.exists():
        _step(f"Creating the environment in {env.name}/")
        venv.EnvBuilder(with_pip=True).create(env)
    return python


def _fingerprint() -> bytes:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.read_bytes())
    return digest.hexdigest().encode()


def set_up() -> Path:
    """Create `.venv` and install exactly the locked releases, then the application itself."""
    python = _create(VENV)
    stamp = VENV / STAMP_NAME
    if stamp.exists() and stamp.read_bytes() == _fingerprint():
        return python
    _step(f"Installing the locked releases ({_count_locked()} packages, hashes checked)")
    _run(python, "-m", "pip", "install", "--require-hashes", "--no-deps", "--progress-bar",
         "on", "-r", LOCK)
    _step("Installing the application from these sources")
    # The build backend (hatchling) is one of the locked releases: no unlocked download.
    _run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--editable", ".")
    _step("Checking that the installed releases fit together")
    _run(python, "-m", "pip", "check")
    stamp.write_bytes(_fingerprint())
    return python


def _count_locked() -> int:
    return len(locked_versions(LOCK.read_text(encoding="utf-8")))


def locked_versions(text: str) -> dict[str, set[str]]:
    """{normalised name: versions} of a lock file (a name is locked twice when the version
    depends on the platform or the Python version)."""
    found: dict[str, set[str]] = {}
    for match in re.finditer(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", text, re.M):
        found.setdefault(_normalise(match[1]), set()).add(match[2])
    return found


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def open_application(python: Path) -> int:
    """Open the desktop client on the local store; it loads the demo data on first start."""
    return subprocess.call([str(python), "-m", "forensics_gui.gui.app", "--demo-if-empty"],
                           cwd=ROOT)


def run_tests(python: Path, extra: list[str], *, latest: bool = False) -> int:
    """The whole test suite (PostgreSQL tests need FORENSICS_TEST_PG_URL, see the README)."""
    env = dict(os.environ)
    if latest:
        env["FORENSICS_LATEST_RELEASES"] = "1"  # the lock check does not apply there
    return subprocess.call([str(python), "-m", "pytest", *extra], cwd=ROOT, env=env)


def test_latest(extra: list[str]) -> int:
    """Install the newest releases pyproject.toml allows into .venv-latest and run the tests:
    what breaks there breaks for the next person who installs without the lock."""
    shutil.rmtree(LATEST_VENV, ignore_errors=True)
    python = _create(LATEST_VENV)
    _step("Installing the newest releases allowed by pyproject.toml (not the lock)")
    _run(python, "-m", "pip", "install", "--upgrade", "--upgrade-strategy", "eager",
         "--editable", ".[test]")
    newer = _differences(python)
    code = run_tests(python, extra, latest=True)
    _step("Releases that differ from the lock:" if newer else "The lock holds the newest "
          "releases")
    for line in newer:
        print(f"    {line}")
    verdict = "the tests pass" if code == 0 else f"the tests FAIL (pytest exit code {code})"
    _step(f"With the newest releases {verdict}; refresh the lock with `{LOCK_COMMAND}`"
          if code == 0 and newer else f"With the newest releases {verdict}")
    return code


def _differences(python: Path) -> list[str]:
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format", "freeze"],
                            check=True, capture_output=True, text=True, cwd=ROOT).stdout
    locked = locked_versions(LOCK.read_text(encoding="utf-8"))
    lines = []
    for name, version in (line.split("==", 1) for line in listed.splitlines() if "==" in line):
        was = locked.get(_normalise(name))
        if was is not None and version not in was:
            lines.append(f"{name}: locked {', '.join(sorted(was))}, newest {version}")
        elif was is None and _normalise(name) not in ("pip", "setuptools", "forensics-gui"):
            lines.append(f"{name}: not in the lock, newest {version}")
    return lines


def refresh_lock(extra: list[str]) -> int:
    """Write the newest releases into the lock, install them and run the tests; put the old
    lock back if they fail."""
    python = _create(VENV)
    _step("Installing the locking tool (uv, at its locked version)")
    _run(python, "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps", "-r",
         LOCK_TOOL)
    previous = LOCK.read_bytes()
    _step("Resolving the newest releases for Linux, Windows and macOS")
    _run(_bin(VENV, "uv"), "pip", "compile", "pyproject.toml", "--extra", "test", "--universal",
         "--python-version", "3.11", "--generate-hashes", "--upgrade", "--quiet",
         "--custom-compile-command", LOCK_COMMAND, "--output-file", LOCK)
    code = run_tests(set_up(), extra)
    if code != 0:
        LOCK.write_bytes(previous)
        _step("The tests failed with the new releases: the previous lock is back in place "
              "(run `python3 installer/bootstrap.py setup` to reinstall it)")
        return code
    _step("The lock is refreshed and the tests pass: commit installer/requirements.lock")
    return 0


def main() -> int:
    args = sys.argv[1:]
    command, rest = (args[0], args[1:]) if args else ("", [])
    if command == "test" and "--latest" in rest:
        return test_latest([a for a in rest if a != "--latest"])
    if command == "lock":
        return refresh_lock(rest)
    python = set_up()
    if command == "test":
        return run_tests(python, rest)
    if command == "setup":
        return 0
    return open_application(python)


if __name__ == "__main__":
    sys.exit(main())
