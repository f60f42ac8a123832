"""A store that may not be written is opened read-only by the command line: reading commands
answer, with one note saying why, and writing commands are refused in one plain line."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from forensics_gui.storage.store import AS_IT_WAS
from tests.e2e.test_cli import CLI, Run, cli, cli_all

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NOBODY = 65534
READS = (("info",), ("item", "list"), ("search", "AD22100"),
         ("item", "show", "DEMO-ISKANDER-M-9M723-001"),
         ("item", "history", "DEMO-ISKANDER-M-9M723-001"), ("history", "--limit", "5"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_reads_answer(runs: list[Run], why: str) -> None:
    for run in runs:
        assert run.code == 0, str(run)
        notes = [line for line in run.err.splitlines() if "opened read-only" in line]
        assert notes == [f"forensics: note: opened read-only: {why}"], str(run)
        assert "Traceback" not in run.err, str(run)


def assert_write_refused(run: Run) -> None:
    assert run.code == 6, str(run)
    error = run.err.splitlines()[-1]
    assert error.startswith("forensics: error: the store is open read-only ("), str(run)
    assert "nothing was written" in error and "Traceback" not in run.err, str(run)


def test_read_only_answers_every_reading_command_and_refuses_writes(demo_file: Path) -> None:
    before = sha256(demo_file)
    runs = cli_all(demo_file, *[("--read-only", *args) for args in READS],
                   ("--read-only", "system", "add", "--name", "Not written"),
                   ("system", "add", "--read-only", "--name", "Not written either"))
    assert_reads_answer(runs[:len(READS)], "read-only was asked for")
    assert "Read-only: read-only was asked for" in runs[0].out
    for refused in runs[len(READS):]:
        assert_write_refused(refused)
        assert "without asking for read-only" in refused.err
    assert sha256(demo_file) == before
    assert cli(demo_file, "system", "list", "--contains", "Not written").out.count("\n") == 1


def test_a_store_that_needs_an_upgrade_is_refused_read_only(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "store-0001.sqlite", path)
    before = sha256(path)
    run = cli(path, "--read-only", "info")
    assert run.code == 6, str(run)
    assert run.err.splitlines()[-1].startswith("forensics: error: "), str(run)
    assert "needs an upgrade" in run.err and "cannot be done read-only" in run.err, str(run)
    assert sha256(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["old.sqlite"]


# ------------------------------------------------------------ refused by the operating system

@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder every user may reach (pytest's own temporary folders are private to root)."""
    with tempfile.TemporaryDirectory(prefix="forensics-ro-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        yield folder
        for path in (folder, *folder.rglob("*")):
            path.chmod(stat.S_IRWXU)


def _as_reader(store: Path, *args: str) -> Run:
    """`forensics ARGS` as a user the file permissions apply to: this user, or when the tests
    run as root (whom permissions do not stop), the user nobody."""
    env = {**os.environ, "FORENSICS_STORE": str(store), "HOME": str(store.parent),
           "PYTHONDONTWRITEBYTECODE": "1"}
    user = NOBODY if os.geteuid() == 0 else None
    done = subprocess.run([*CLI, *args], env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=120, user=user, cwd=store.parent)
    return Run(tuple(args), done.returncode, done.stdout, done.stderr)


def _reader_can_run_the_application(folder: Path) -> bool:
    if os.geteuid() != 0:
        return True
    try:
        probe = subprocess.run([sys.executable, "-c", "import forensics_gui.cli.main"],
                               capture_output=True, user=NOBODY, cwd=folder, timeout=60)
    except PermissionError:  # the checkout lies in a folder only its owner may enter
        return False
    return probe.returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("locked", ["file", "folder"])
def test_a_store_the_system_refuses_to_write_is_opened_read_only(
        demo_file: Path, shared_folder: Path, locked: str) -> None:
    if not _reader_can_run_the_application(shared_folder):
        pytest.skip("the user nobody cannot read the application's files here")
    folder = shared_folder / "cases"
    folder.mkdir()
    path = folder / "store.sqlite"
    shutil.copy(demo_file, path)
    # A folder SQLite may not write to holds no shared-memory file of the store's log, which
    # SQLite would have to make to read it in the usual way.
    path.chmod(0o666 if locked == "folder" else 0o444)
    folder.chmod(0o555 if locked == "folder" else 0o777)
    before = sha256(path)
    reads = [_as_reader(path, *args) for args in READS]
    why = (f"you may not write to its folder {folder}; {AS_IT_WAS}" if locked == "folder"
           else f"you may not write to {path}")
    assert_reads_answer(reads, why)
    assert_write_refused(_as_reader(path, "system", "add", "--name", "Not written"))
    assert sha256(path) == before
