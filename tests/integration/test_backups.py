"""Backups as users take and restore them: a copy that holds the store and passes its check,
taken while another program writes; a damaged backup refused; a replaced store kept aside;
PostgreSQL dumps restored into an empty database only."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from forensics_gui.core.backups import BackupRefusedError
from forensics_gui.core.errors import KnownError
from forensics_gui.services import backups, photos, records, stores
from forensics_gui.storage import backup_store


def _picture(seed: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (seed * 40 % 256, 90, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def _with_photo(store: stores.Store) -> bytes:
    """Attach a small picture to the first item; returns its bytes."""
    item = records.list_records(store, "item", sort="case_reference").rows[0]
    data = _picture(3)
    photos.add_photo_bytes(store, data, "plate.png", item_id=item.id)
    return data


def _counts(location: str) -> dict[str, int]:
    store = stores.open_existing(location, read_only=True)
    try:
        return stores.summary(store).counts
    finally:
        store.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def empty_pg_database(pg_server_url: str) -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"forensics_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_server_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(pg_server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ------------------------------------------------------------------ both backends


def test_a_backup_holds_the_store_and_restores_to_the_same_records(
        demo_store: stores.Store, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    picture = _with_photo(demo_store)
    before = stores.summary(demo_store).counts

    folder = tmp_path / "backups"
    folder.mkdir()

    report = backups.back_up(demo_store, folder)

    backup = Path(report.path)
    assert backup.parent == folder and backup.stat().st_size == report.byte_size > 0
    assert backup.suffix == (".sqlite" if demo_store.kind == "sqlite" else ".dump")
    assert report.check.ok and report.revision == demo_store.schema_revision()
    assert [p.name for p in folder.iterdir()] == [backup.name]  # no partial file left
    if demo_store.kind == "sqlite":
        assert report.check.originals_checked == 1
        assert report.check.counts["recovered_item"] == before["item"]
        target = str(tmp_path / "restored" / "store.sqlite")
    else:
        target = request.getfixturevalue("empty_pg_database")

    restored = backups.restore(backup, target)

    assert restored.kept_aside is None and restored.check.ok
    assert _counts(target) == before
    store = stores.open_existing(target, read_only=True)
    try:
        assert stores.check(store) == []
        (photo,) = records.list_records(store, "photo").rows
        assert photos.picture(store, photo, "original") == picture
    finally:
        store.close()


@pytest.mark.postgres
def test_a_dump_is_restored_only_into_an_empty_database(
        pg_store: stores.Store, tmp_path: Path, pg_migrated: str) -> None:
    backup = backups.back_up(pg_store, tmp_path / "shared.dump").path

    with pytest.raises(BackupRefusedError, match="is not empty") as refused:
        backups.restore(backup, pg_migrated)

    assert "createdb" in str(refused.value)
    with pytest.raises(BackupRefusedError, match="only be restored into a PostgreSQL database"):
        backups.restore(backup, str(tmp_path / "store.sqlite"))
    assert not (tmp_path / "store.sqlite").exists()


@pytest.mark.postgres
def test_without_pg_dump_the_message_says_what_to_install(
        pg_store: stores.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    with pytest.raises(KnownError, match="pg_dump was not found") as missing:
        backups.back_up(pg_store, tmp_path)

    assert "postgresql-client" in str(missing.value)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------ SQLite

WRITER = """
import sys, pathlib
from forensics_gui.services import records, stores
store = stores.open_existing(sys.argv[1])
stop, started = pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
n = 0
while not stop.exists():
    records.create(store, "org", {"name": f"Writer org {n:05d}", "roles": ["distributor"]})
    n += 1
    if n == 5:
        started.touch()
store.close()
print(n)
"""


class _SlowControl:
    """Progress that lets the other process write between two steps of the copy."""

    def __init__(self) -> None:
        self.steps = 0

    def report(self, done: int, total: int, text: str = "") -> None:
        self.steps += 1
        time.sleep(0.01)

    def check(self) -> None:
        return None


def _writer_orgs(location: str) -> list[str]:
    store = stores.open_existing(location, read_only=True)
    try:
        rows = records.list_records(store, "org", contains="Writer org", sort="name",
                                    limit=10_000).rows
        return [row.name for row in rows]
    finally:
        store.close()


def test_a_backup_taken_while_another_process_writes_holds_one_consistent_moment(
        sqlite_demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.sqlite"
    path.write_bytes(sqlite_demo_template.read_bytes())
    monkeypatch.setattr(backup_store, "PAGES_PER_STEP", 4)  # many steps, writes between them
    stop, started = tmp_path / "stop", tmp_path / "started"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(stop), str(started)],
                              stdout=subprocess.PIPE, text=True, env={**os.environ})
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert writer.poll() is None and time.monotonic() < deadline, "the writer stopped"
            time.sleep(0.05)
        store = stores.open_existing(str(path))
        control = _SlowControl()
        before = len(_writer_orgs(str(path)))
        report = backups.back_up(store, tmp_path / "backup.sqlite", control=control)
        after = len(_writer_orgs(str(path)))
        store.close()
    finally:
        stop.touch()
        written = int(writer.communicate(timeout=60)[0].strip() or 0)
    assert writer.returncode == 0 and control.steps > 20
    assert after > before, "the other process wrote nothing while the backup was taken"
    assert report.check.ok
    restored = str(tmp_path / "restored.sqlite")
    backups.restore(report.path, restored)
    names = _writer_orgs(restored)
    # One moment of the store: the writer's records from the first up to some point, none
    # missing in between, and as many organizations as the check counted.
    assert before <= len(names) <= after <= written
    assert names == [f"Writer org {n:05d}" for n in range(len(names))]
    assert report.check.counts["organization"] == _counts(restored)["org"]
    store = stores.open_existing(restored, read_only=True)
    try:
        assert stores.check(store) == []
    finally:
        store.close()


def _corrupt_picture(backup: Path, picture: bytes) -> None:
    """Change one byte inside the stored picture, as a failing disk would."""
    raw = bytearray(backup.read_bytes())
    at = raw.find(picture)
    assert at > 0
    raw[at + len(picture) // 2] ^= 0xFF
    backup.write_bytes(bytes(raw))


@pytest.mark.parametrize("damage", ["truncated", "picture changed", "not a store"])
def test_a_damaged_backup_is_refused_and_the_store_left_as_it_was(
        sqlite_demo_template: Path, tmp_path: Path, damage: str) -> None:
    path = tmp_path / "store.sqlite"
    path.write_bytes(sqlite_demo_template.read_bytes())
    store = stores.open_existing(str(path))
    picture = _with_photo(store)
    backup = Path(backups.back_up(store, tmp_path / "backup.sqlite").path)
    store.close()
    if damage == "truncated":
        backup.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
        expected = "failed its check"
    elif damage == "picture changed":
        _corrupt_picture(backup, picture)
        expected = "hashes to"
    else:
        backup.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        expected = "failed its check"
    kept = _digest(path)

    with pytest.raises(BackupRefusedError, match=expected) as refused:
        backups.restore(backup, str(path), replace=True)

    assert str(backup) in str(refused.value) and "nothing was changed" in str(refused.value)
    assert _digest(path) == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite", "store.sqlite"]
    assert backups.check_backup(backup).problems


def test_replace_keeps_the_store_as_it_was_aside(sqlite_demo_template: Path,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    path.write_bytes(sqlite_demo_template.read_bytes())
    store = stores.open_existing(str(path))
    backup = backups.back_up(store, tmp_path / "backup.sqlite").path
    records.create(store, "org", {"name": "Recorded after the backup", "roles": ["distributor"]})
    now = stores.summary(store).counts

    with pytest.raises(BackupRefusedError, match="--replace"):
        backups.restore(backup, str(path))
    report = backups.restore(backup, str(path), replace=True)

    # The open store sees the restored records at once.
    assert stores.summary(store).counts["org"] == now["org"] - 1
    store.close()
    kept = Path(str(report.kept_aside))
    assert kept.parent == tmp_path and kept.name.startswith("store.replaced-")
    assert _counts(str(kept)) == now
    assert "Recorded after the backup" not in _writer_names(str(path))
    assert "Recorded after the backup" in _writer_names(str(kept))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def _writer_names(location: str) -> list[str]:
    store = stores.open_existing(location, read_only=True)
    try:
        return [r.name for r in records.list_records(store, "org", limit=1000).rows]
    finally:
        store.close()


def test_a_damaged_store_is_moved_aside_whole_when_replaced(sqlite_demo_template: Path,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    path.write_bytes(sqlite_demo_template.read_bytes())
    store = stores.open_existing(str(path))
    backup = backups.back_up(store, tmp_path / "backup.sqlite").path
    store.close()
    path.write_bytes(b"this is no longer a database" * 100)

    report = backups.restore(backup, str(path), replace=True)

    assert Path(str(report.kept_aside)).read_bytes().startswith(b"this is no longer")
    assert _counts(str(path))["item"] == 6


def test_a_backup_never_writes_over_a_file_and_a_cancelled_one_leaves_nothing(
        sqlite_store: stores.Store, tmp_path: Path) -> None:
    taken = tmp_path / "taken.sqlite"
    taken.write_text("an earlier backup")
    with pytest.raises(BackupRefusedError, match="already exists"):
        backups.back_up(sqlite_store, taken)
    assert taken.read_text() == "an earlier backup"
    with pytest.raises(BackupRefusedError, match="does not exist"):
        backups.back_up(sqlite_store, tmp_path / "missing" / "b.sqlite")

    class Stop(Exception):
        pass

    class Cancelling:
        def report(self, *_args: Any) -> None:
            return None

        def check(self) -> None:
            raise Stop()

    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(Stop):
        backups.back_up(sqlite_store, folder, control=Cancelling())
    assert list(folder.iterdir()) == []
