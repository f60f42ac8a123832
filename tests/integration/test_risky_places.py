"""Opening a SQLite store where it is at risk: the store's warnings say why and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from forensics_gui.services import stores


def test_a_sync_client_s_marker_file_in_a_parent_folder_is_noticed(tmp_path: Path) -> None:
    synced = tmp_path / "team"
    (synced / "cases").mkdir(parents=True)
    (synced / ".dropbox").write_text("{}")

    store = stores.init(str(synced / "cases" / "store.sqlite"))
    try:
        (warning,) = store.warnings
    finally:
        store.close()
    assert "synchronised by Dropbox" in warning and "local disk" in warning


def test_the_mount_table_named_by_the_environment_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "mountinfo"
    table.write_text(f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                     f"61 22 0:52 / {tmp_path} rw - cifs //nas/cases rw\n")
    monkeypatch.setenv("FORENSICS_MOUNTINFO", str(table))

    store = stores.init(str(tmp_path / "store.sqlite"))
    try:
        assert [w.split(" lies on ")[1][:27] for w in store.warnings] == [
            "a network file system (cifs"]
    finally:
        store.close()
    monkeypatch.setenv("FORENSICS_MOUNTINFO", str(tmp_path / "missing"))
    store = stores.open_existing(str(tmp_path / "store.sqlite"))
    try:
        assert store.warnings == []  # an unreadable table says nothing, and opening goes on
    finally:
        store.close()
