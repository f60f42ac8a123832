"""Photo evidence on the command line: `forensics verify` reports every kind of problem, and a
batch that the store cannot take to the end says exactly what was added and what was not."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PIL import Image

from forensics_gui.cli.main import main
from forensics_gui.services import stores
from forensics_gui.storage.blobs import BlobStore
from tests.e2e.test_cli import cli, cli_all

ITEM = "DEMO-ISKANDER-M-9M723-001"


def _pictures(folder: Path, count: int) -> list[Path]:
    paths = []
    for n in range(1, count + 1):
        out = io.BytesIO()
        Image.new("RGB", (64, 48), (n * 40, 20, 200)).save(out, "JPEG")
        path = folder / f"board-{n}.jpg"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def _drop_original(store_file: Path, sha256: str) -> None:
    """What damage, or a tool that switched the references and triggers off, would do."""
    with closing(sqlite3.connect(store_file)) as outside, outside:
        for (trigger,) in outside.execute("SELECT name FROM sqlite_master WHERE type = "
                                          "'trigger' AND tbl_name = 'photo_blob'").fetchall():
            outside.execute(f'DROP TRIGGER "{trigger}"')
        outside.execute("DELETE FROM photo_derivative WHERE sha256 = ?", (sha256,))
        outside.execute("DELETE FROM photo_blob WHERE sha256 = ?", (sha256,))


def test_verify_lists_photos_without_original_and_originals_without_photo(
        demo_file: Path, tmp_path: Path) -> None:
    added = cli(demo_file, "photo", "add", *map(str, _pictures(tmp_path, 2)), "--item", ITEM,
                "--json")
    assert added.code == 0, str(added)
    kept, lost = json.loads(added.out)["added"]
    stray = b"an original no photo refers to"
    store = stores.open_existing(str(demo_file))
    try:
        with store.writing() as uow:
            uow.blobs.add(hashlib.sha256(stray).hexdigest(), stray, "image/jpeg")
    finally:
        store.close()
    _drop_original(demo_file, lost["sha256"])
    run, as_json, check = cli_all(demo_file, ("verify",), ("verify", "--json"), ("db", "check"))
    assert run.code == 1, str(run)
    lines = run.out.splitlines()
    (missing,) = [line for line in lines if line.startswith("MISSING")]
    assert lost["sha256"][:16] in missing and "board-2.jpg" in missing and ITEM in missing
    assert f"added by {lost['created_by']} on {lost['created_at'][:10]}" in missing
    (unused,) = [line for line in lines if line.startswith("UNUSED")]
    assert hashlib.sha256(stray).hexdigest()[:16] in unused
    assert f"stored by {lost['created_by']}" in unused and f"{len(stray)} bytes" in unused
    assert not [line for line in lines if line.startswith("MISMATCH")]
    assert ("2 originals and 2 photos checked: 0 mismatches, 1 photos without their original, "
            "1 originals without a photo; the check is recorded in the audit trail") in lines
    assert kept["file_name"] not in run.out
    report = json.loads(as_json.out)
    assert as_json.code == 1 and report["problems"] == 2
    assert [p["id"] for p in report["photos_without_original"]] == [lost["id"]]
    assert check.code == 1 and "photo" in check.out and "photo_blob" in check.out, str(check)
    history = cli(demo_file, "history", "--limit", "5")
    assert history.out.count("verify failed") >= 2, str(history)


def test_a_full_disk_during_photo_add_says_what_was_added(
        demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    files = _pictures(tmp_path, 4)
    stored: list[str] = []
    store_original = BlobStore.add

    def add(blobs: BlobStore, sha256: str, data: bytes, media_type: str) -> bool:
        stored.append(sha256)
        if len(stored) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return store_original(blobs, sha256, data, media_type)

    monkeypatch.setattr(BlobStore, "add", add)
    code = main(["--store", str(demo_file), "photo", "add", *map(str, files), "--item", ITEM])
    out, err = capfd.readouterr()
    assert code == 6
    assert [line.split()[1] for line in out.splitlines()] == ["board-1.jpg", "board-2.jpg"]
    assert err.splitlines() == [
        f"forensics: error: stopped at {files[2]}: the disk holding the store is full; free "
        "some space and try again",
        f"forensics: not attempted: {files[3]}",
        "2 added, 0 already attached, 0 refused, 1 failed, 1 not attempted; the photos added "
        "before it stopped are kept: add the others again once the problem is solved"]
    monkeypatch.undo()
    listed = cli(demo_file, "photo", "list", "--json")
    assert sorted(p["file_name"] for p in json.loads(listed.out)["rows"]) == [
        "board-1.jpg", "board-2.jpg"]
    assert json.loads(cli(demo_file, "verify", "--json").out)["problems"] == 0


# The disk fills at the first original, in a process of its own (JSON goes to its stdout).
FULL_DISK = """
import errno, sys
from forensics_gui.storage.blobs import BlobStore
def full(*_args):
    raise OSError(errno.ENOSPC, "No space left on device")
BlobStore.add = full
from forensics_gui.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_store_that_cannot_take_more_is_reported_in_json_too(demo_file: Path,
                                                               tmp_path: Path) -> None:
    files = _pictures(tmp_path, 2)
    done = subprocess.run([sys.executable, "-c", FULL_DISK, "--store", str(demo_file), "photo",
                           "add", *map(str, files), "--item", ITEM, "--json"],
                          capture_output=True, text=True, timeout=120)
    report = json.loads(done.stdout)
    assert done.returncode == 6 and report["added"] == []
    assert report["stopped"] == {"path": str(files[0]), "reason": "the disk holding the store "
                                 "is full; free some space and try again"}
    assert report["not_attempted"] == [str(files[1])]
