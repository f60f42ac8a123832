"""Tools → Logins and clearances: an administrator of a shared PostgreSQL store lists its
logins, adds one through the form and disables it; an editor is told plainly that only an
administrator may; on a SQLite file the entry is off and says why."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from PySide6.QtCore import QSettings, Qt

from forensics_gui.gui.kit.context import AppContext
from forensics_gui.gui.mainwindow.logins_dialog import NOT_POSTGRESQL, LoginsDialog
from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.gui.mainwindow.store_menu import open_and_prepare
from forensics_gui.services import access, demo, stores
from tests.gui.conftest import Answers, settle


@dataclass
class Shared:
    urls: dict[str, str]  # group: the store's address as a login of that group
    logins: dict[str, str]  # group: its login
    added: str  # the login the test adds through the dialog


def _as(url: str, login: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{login}@{rest.split('@', 1)[-1]}"


@pytest.fixture(scope="module")
def shared(pg_server_url: str) -> Iterator[Shared]:
    name = f"forensics_logins_{uuid.uuid4().hex[:8]}"
    server = pg_server_url.rsplit("/", 1)[0]
    with psycopg.connect(pg_server_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = f"{server}/{name}"
    suffix = uuid.uuid4().hex[:6]
    logins = {"viewer": f"fx_vera_{suffix}", "editor": f"fx_bob_{suffix}",
              "admin": f"fx_alice_{suffix}"}
    clearance = {"viewer": "UNCLASSIFIED", "editor": "OFFICIAL", "admin": "SECRET"}
    added = f"fx_carol_{suffix}"
    store = stores.init(url)
    try:
        demo.load_demo(store)
        access.set_up_roles(store)
        for group, login in logins.items():
            access.set_login(store, login, group, clearance[group], "pw-" + suffix)
    finally:
        store.close()
    yield Shared({g: _as(url, login) for g, login in logins.items()}, logins, added)
    with psycopg.connect(pg_server_url, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))
        for login in (*logins.values(), added):
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


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
                 monkeypatch: pytest.MonkeyPatch, shared: Shared) -> Iterator[MainWindow]:
    yield from _window(qtbot, tmp_path, answers, monkeypatch, shared.urls["admin"])


@pytest.fixture
def editor_window(qtbot: Any, tmp_path: Path, answers: Answers,
                  monkeypatch: pytest.MonkeyPatch, shared: Shared) -> Iterator[MainWindow]:
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
        qtbot: Any, admin_window: MainWindow, shared: Shared, answers: Answers) -> None:
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
    dialog.name.setText(shared.added)
    dialog.password.setText("one")
    dialog.again.setText("two")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.outcome.text()

    dialog.again.setText("one")
    dialog.group.setCurrentIndex(dialog.group.findData("editor"))
    dialog.clearance.setCurrentIndex(dialog.clearance.findText("OFFICIAL-SENSITIVE"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shared.added in _listed(dialog), timeout=10_000)
    settle(qtbot, admin_window.context)
    assert "password set" in dialog.outcome.text()
    assert dialog.password.text() == "" and dialog.again.text() == ""
    found = {login.login: login for login in access.logins(admin_window.context.store)}
    assert (found[shared.added].group, found[shared.added].clearance) == (
        "editor", "OFFICIAL-SENSITIVE")
    assert found[shared.added].can_log_in
    assert _listed(dialog)[shared.added][1:4] == ["editor", "OFFICIAL-SENSITIVE", "yes"]

    dialog.table.selectRow(list(_listed(dialog)).index(shared.added))
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _listed(dialog)[shared.added][3] == "no: disabled",
                    timeout=10_000)
    settle(qtbot, admin_window.context)
    assert "stays on record" in answers.asked[-1]
    assert "may no longer log in" in dialog.outcome.text()
    found = {login.login: login for login in access.logins(admin_window.context.store)}
    assert not found[shared.added].can_log_in
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
        qtbot: Any, editor_window: MainWindow, shared: Shared, answers: Answers) -> None:
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
