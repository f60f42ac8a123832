"""File → Back up the store… and Restore from a backup…, and the warning bar about a store
on a network file system, as a user sees them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.services import backups, records, stores
from tests.gui.conftest import Answers, settle


def _file_menu_entries(window: MainWindow) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in file_menu.actions() if not a.isSeparator()]


def test_the_file_menu_backs_up_the_store_and_says_where_and_that_it_was_checked(
        qtbot: Any, window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    assert {"&Back up the store…", "Res&tore from a backup…"} <= set(_file_menu_entries(window))
    target = tmp_path / "kept" / "cases-backup.sqlite"
    target.parent.mkdir()
    offered: list[str] = []

    def save_name(_parent: Any, _title: str, name: str, _filter: str) -> tuple[str, str]:
        offered.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)

    window.backup_actions.backup_action.trigger()
    qtbot.waitUntil(lambda: any(s.startswith("Backup written") for s in answers.shown),
                    timeout=20_000)

    (message,) = answers.shown
    assert str(target) in message and "read back and checked" in message
    assert "no problem was found" in message and "6 recovered items" in message
    assert offered[0].startswith("demo-backup-") and offered[0].endswith(".sqlite")
    assert backups.check_backup(target).ok
    assert answers.errors == []


def test_restore_replaces_the_open_store_keeping_it_aside_and_shows_the_backup(
        qtbot: Any, window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    store = window.context.store
    backup = backups.back_up(store, tmp_path / "backup.sqlite").path
    records.create(store, "system", {"name": "Recorded after the backup"})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (backup, ""))

    window.backup_actions.restore_action.trigger()
    qtbot.waitUntil(lambda: any(s.startswith("Backup restored") for s in answers.shown),
                    timeout=20_000)
    settle(qtbot, window.context)

    (question,) = answers.asked
    assert "kept beside it" in question and backup in question
    message = next(s for s in answers.shown if s.startswith("Backup restored"))
    kept = next(tmp_path.glob("demo.replaced-*.sqlite"))
    assert str(kept) in message and "checked" in message
    assert window.context.store is not store  # the restored store was opened
    names = [r.name for r in records.list_records(window.context.store, "system",
                                                  limit=100).rows]
    assert "Recorded after the backup" not in names
    assert answers.errors == []


def test_a_store_on_a_network_file_system_shows_a_warning_bar_not_a_dialog(
        qtbot: Any, window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, sqlite_demo_template: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    shutil.copy(sqlite_demo_template, share / "cases.sqlite")
    table = tmp_path / "mountinfo"
    table.write_text(f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                     f"61 22 0:52 / {share} rw - cifs //nas/cases rw\n")
    monkeypatch.setenv("FORENSICS_MOUNTINFO", str(table))
    assert window.warning_bar.isHidden()

    window.store_menu.open(str(share / "cases.sqlite"))
    qtbot.waitUntil(lambda: window.warning_bar.isVisible(), timeout=20_000)

    text = window.warning_bar.text.text()
    assert "network file system (cifs)" in text and "local disk" in text
    assert answers.shown == []  # it does not stop the user
    assert window.context.store.location.path == share / "cases.sqlite"
    window.warning_bar.hide_button.click()
    assert window.warning_bar.isHidden()

    monkeypatch.delenv("FORENSICS_MOUNTINFO")
    window.warning_bar.show()
    window.store_menu.open(str(tmp_path / "demo.sqlite"))
    qtbot.waitUntil(lambda: window.warning_bar.isHidden(), timeout=20_000)
    settle(qtbot, window.context)
    assert stores.summary(window.context.store).counts["item"] == 6
