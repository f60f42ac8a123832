"""Tools → Logins and clearances: an administrator of a shared PostgreSQL store lists its
logins, adds one through the form and disables it; an editor is told plainly that only an
administrator may; on a SQLite file the entry is off and says why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from forensics_gui.gui.kit.context import AppContext
from forensics_gui.gui.mainwindow.logins_dialog import NOT_POSTGRESQL, LoginsDialog
from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.gui.mainwindow.store_menu import open_and_prepare
from forensics_gui.services import access
from tests.gui.conftest import Answers, settle
from tests.shared_store import SharedStore, shared_store

ADDED = "carol"  # the login the test adds through the dialog: fx_carol_<suffix>


@pytest.fixture(scope="module")
def shared(pg_server_url: str) -> Iterator[SharedStore]:
    with shared_store(pg_server_url, "logins", more_logins=[ADDED]) as store:
        yield store


def _added(shared: SharedStore) -> str:
    return f"fx_{ADDED}_{shared.suffix}"


def _window(qtbot: Any, tmp_path: Path, answers: Answers, monkeypatch: pytest.MonkeyPatch,
            url: str) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(settings)
    monkeypatch.setattr(context, "show_error",
                        lambda error, trace="": answers.errors.append(error))
    store, summary = open_and_prepare(url, False, False)
    context.set_store(store, summary)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    yield window
    settle(qtbot, context)
    context.shutdown()
    store.close()


@pytest.fixture
def admin_window(qtbot: Any, tmp_path: Path, answers: Answers,
                 monkeypatch: pytest.MonkeyPatch, shared: SharedStore) -> Iterator[MainWindow]:
    yield from _window(qtbot, tmp_path, answers, monkeypatch, shared.urls["admin"])


@pytest.fixture
def editor_window(qtbot: Any, tmp_path: Path, answers: Answers,
                  monkeypatch: pytest.MonkeyPatch, shared: SharedStore) -> Iterator[MainWindow]:
    yield from _window(qtbot, tmp_path, answers, monkeypatch, shared.urls["editor"])


def _open(qtbot: Any, window: MainWindow) -> LoginsDialog:
    assert window.logins_action.isEnabled()
    window.logins_action.trigger()
    dialog = next(d for d in window.findChildren(LoginsDialog))
    settle(qtbot, window.context)
    return dialog


def _listed(dialog: LoginsDialog) -> dict[str, list[str]]:
    table = dialog.table
    return {table.item(row, 0).text(): [table.item(row, c).text()
                                        for c in range(table.columnCount())]
            for row in range(table.rowCount())}


@pytest.mark.postgres
def test_an_administrator_lists_adds_and_disables_logins(
        qtbot: Any, admin_window: MainWindow, shared: SharedStore, answers: Answers) -> None:
    dialog = _open(qtbot, admin_window)
    assert shared.logins["admin"] in dialog.who.text()
    assert "administrator" in dialog.who.text()
    assert dialog.refusal.isHidden() and dialog.table.isVisible()
    listed = _listed(dialog)
    assert set(shared.logins.values()) <= set(listed)
    assert listed[shared.logins["editor"]][1:4] == ["editor", "OFFICIAL", "yes"]
    markings = [dialog.clearance.itemText(i) for i in range(dialog.clearance.count())]
    assert markings == ["UNCLASSIFIED", "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET"]

    # Selecting a row fills the form.
    row = list(listed).index(shared.logins["viewer"])
    dialog.table.selectRow(row)
    assert dialog.name.text() == shared.logins["viewer"]
    assert dialog.group.currentData() == "viewer"
    assert dialog.clearance.currentText() == "UNCLASSIFIED"

    # Passwords that differ change nothing.
    dialog.name.setText(_added(shared))
    dialog.password.setText("one")
    dialog.again.setText("two")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.outcome.text()

    dialog.again.setText("one")
    dialog.group.setCurrentIndex(dialog.group.findData("editor"))
    dialog.clearance.setCurrentIndex(dialog.clearance.findText("OFFICIAL-SENSITIVE"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _added(shared) in _listed(dialog), timeout=10_000)
    settle(qtbot, admin_window.context)
    assert "password set" in dialog.outcome.text()
    assert dialog.password.text() == "" and dialog.again.text() == ""
    found = {login.login: login for login in access.logins(admin_window.context.store)}
    assert (found[_added(shared)].group, found[_added(shared)].clearance) == (
        "editor", "OFFICIAL-SENSITIVE")
    assert found[_added(shared)].can_log_in
    assert _listed(dialog)[_added(shared)][1:4] == ["editor", "OFFICIAL-SENSITIVE", "yes"]

    dialog.table.selectRow(list(_listed(dialog)).index(_added(shared)))
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _listed(dialog)[_added(shared)][3] == "no: disabled",
                    timeout=10_000)
    settle(qtbot, admin_window.context)
    assert "stays on record" in answers.asked[-1]
    assert "may no longer log in" in dialog.outcome.text()
    found = {login.login: login for login in access.logins(admin_window.context.store)}
    assert not found[_added(shared)].can_log_in
    assert not answers.errors


@pytest.mark.postgres
def test_a_bad_name_is_refused_in_the_dialog(qtbot: Any, admin_window: MainWindow) -> None:
    dialog = _open(qtbot, admin_window)
    dialog.name.setText("Not A Login")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, admin_window.context)
    assert "is not a login name" in dialog.outcome.text()
    assert dialog.save_button.isEnabled()


@pytest.mark.postgres
def test_an_editor_is_told_that_only_an_administrator_may(
        qtbot: Any, editor_window: MainWindow, shared: SharedStore, answers: Answers) -> None:
    dialog = _open(qtbot, editor_window)
    assert shared.logins["editor"] in dialog.who.text()
    assert dialog.refusal.isVisible()
    assert "does not let you see or change its logins" in dialog.refusal.text()
    assert "Only an administrator" in dialog.refusal.text()
    assert dialog.table.isHidden() and dialog.form_box.isHidden()
    assert not answers.errors


def test_the_entry_is_off_on_a_sqlite_file(window: MainWindow) -> None:
    assert not window.logins_action.isEnabled()
    assert window.logins_action.toolTip() == NOT_POSTGRESQL
    assert "shared PostgreSQL store" in NOT_POSTGRESQL
