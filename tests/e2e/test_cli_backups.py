"""`forensics backup` and `forensics restore` as users run them, and the warning every command
gives about a store on a network file system or in a sync folder."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_cli import assert_user_error, cli, ok


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_then_restore_into_a_new_store_and_in_place(demo_file: Path,
                                                          tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()

    run = cli(demo_file, "backup", str(folder))

    assert run.code == 0, str(run)
    (backup,) = folder.iterdir()
    assert f"backed up {demo_file} to {backup}" in run.out
    assert "SHA-256 of every original picture: no problem found" in run.out
    assert "6 recovered items" in run.out
    again = cli(demo_file, "backup", str(backup))
    assert_user_error(again, 2, "already exists")

    new = tmp_path / "elsewhere" / "restored.sqlite"
    restored = cli(new, "restore", str(backup))
    assert restored.code == 0, str(restored)
    assert f"restored {backup} into {new}" in restored.out
    assert ok(cli(new, "info", "--json"))["counts"]["item"] == 6

    refused = cli(demo_file, "restore", str(backup))
    assert_user_error(refused, 2, "already a store", "--replace")
    replaced = cli(demo_file, "restore", str(backup), "--replace", "--json")
    said = ok(replaced)
    kept = Path(said["kept_aside"])
    assert kept.parent == demo_file.parent and kept.name.startswith("store.replaced-")
    assert said["check"]["problems"] == [] and said["store"] == str(demo_file)


def test_a_damaged_backup_is_refused_and_the_store_left_as_it_was(demo_file: Path,
                                                                  tmp_path: Path) -> None:
    backup = tmp_path / "backup.sqlite"
    assert cli(demo_file, "backup", str(backup)).code == 0
    backup.write_bytes(backup.read_bytes()[: backup.stat().st_size // 3])
    before = _digest(demo_file)

    run = cli(demo_file, "restore", str(backup), "--replace")

    assert_user_error(run, 2, str(backup), "failed its check", "nothing was changed")
    assert _digest(demo_file) == before
    assert not list(tmp_path.glob("store.replaced-*"))
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    assert_user_error(cli(demo_file, "restore", str(not_a_backup)), 2, "is not a backup")


@pytest.fixture
def pg_database(pg_server_url: str) -> Iterator[str]:
    """A new, empty database (dropped afterwards)."""
    import psycopg

    name = f"forensics_cli_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_server_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(pg_server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_a_postgresql_store_is_dumped_checked_and_restored_into_an_empty_database(
        pg_migrated: str, pg_database: str, tmp_path: Path) -> None:
    run = cli(pg_migrated, "backup", str(tmp_path / "shared.dump"))
    assert run.code == 0, str(run)
    assert "pg_restore --list reads the archive" in run.out

    restored = cli(pg_database, "restore", str(tmp_path / "shared.dump"))
    assert restored.code == 0, str(restored)
    assert ok(cli(pg_database, "db", "current", "--json"))
    assert_user_error(cli(pg_database, "restore", str(tmp_path / "shared.dump")), 2,
                      "is not empty")


# ------------------------------------------------------------------ risky places

def _mount_table(path: Path, store_folder: Path, fs_type: str) -> Path:
    """A mount table, as /proc/self/mountinfo writes it, that puts `store_folder` on a file
    system of `fs_type`."""
    folder = str(store_folder).replace(" ", "\\040")
    path.write_text(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        f"61 22 0:52 / {folder} rw,relatime shared:30 - {fs_type} fileserver:/cases rw\n")
    return path


def test_every_command_warns_once_about_a_store_on_a_network_file_system(
        demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = _mount_table(tmp_path.parent / f"mountinfo-{tmp_path.name}", demo_file.parent,
                         "nfs4")
    monkeypatch.setenv("FORENSICS_MOUNTINFO", str(table))

    run = cli(demo_file, "item", "list", "--json")

    assert run.code == 0, str(run)
    warnings = [line for line in run.err.splitlines() if line.startswith("forensics: warning:")]
    assert len(warnings) == 1, run.err
    assert f"{demo_file} lies on a network file system (nfs4)" in warnings[0]
    assert "local disk" in warnings[0] and "PostgreSQL" in warnings[0]
    assert len(json.loads(run.out)["rows"]) == 6  # the command itself still works

    monkeypatch.setenv("FORENSICS_MOUNTINFO", str(_mount_table(table, tmp_path / "other",
                                                               "nfs4")))
    assert "warning" not in cli(demo_file, "info").err


def test_a_store_in_a_sync_folder_is_warned_about(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - Field Office" / "cases"
    run = cli(folder / "store.sqlite", "init")

    assert run.code == 0, str(run)
    (warning,) = [line for line in run.err.splitlines() if "warning" in line]
    assert "synchronised by OneDrive" in warning and "conflicted copies" in warning
