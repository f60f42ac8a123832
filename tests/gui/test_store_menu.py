"""Stores in the client: what is remembered in the settings and shown on screen never holds a
password, and a store that may not be written is opened read-only and labelled so."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QSettings

from forensics_gui.core.errors import StoreReadOnlyError, StoreUnreachableError
from forensics_gui.gui.app import create_window, parse_args
from forensics_gui.services import records
from forensics_gui.storage import store as store_module
from tests.gui.conftest import settle

SECRET = "s3cr:t@pw"


def _settings_text(settings: QSettings) -> str:
    settings.sync()
    path = Path(settings.fileName())
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _shown(window: Any) -> str:
    """Everything the window shows about the store."""
    return " ".join((window.windowTitle(), window.store_label.text(),
                     window.store_label.toolTip(), window.statusBar().currentMessage()))


@pytest.mark.postgres
@pytest.mark.parametrize("shape", ["{user}:{password}@{server}",
                                   ":{password}@{server}",
                                   "{user}@{server}?password={password}&sslmode=disable"])
def test_a_postgresql_address_with_a_password_is_remembered_without_it(
        qtbot: Any, tmp_path: Path, pg_migrated: str, monkeypatch: pytest.MonkeyPatch,
        shape: str) -> None:
    """`forensics-gui --store URL`: the store opens with the password given, and the settings,
    the title and the status bar get the address without it."""
    parts = urlsplit(pg_migrated)
    password = parts.password or SECRET  # the server of the tests may trust every login
    monkeypatch.setenv("PGUSER", parts.username or "")  # for the address without a user
    server = f"{parts.hostname}:{parts.port or 5432}{parts.path}"
    encoded = password.replace("%", "%25").replace(":", "%3A").replace("@", "%40")
    address = "postgresql://" + shape.format(user=parts.username, password=encoded,
                                             server=server)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context, window = create_window(parse_args(["--store", address]), settings)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: context.store is not None, timeout=20_000)
        settle(qtbot, context)
        remembered = settings.value("stores/last")
        assert context.store.kind == "postgresql" and remembered
        for text in (_settings_text(settings), _shown(window)):
            assert password not in text and encoded not in text and "***" not in text
        assert remembered == address.replace(f":{encoded}@", "@").replace(
            f"//@{server}", f"//{server}").replace(f"password={encoded}&", "")
        assert settings.value("stores/recent", [], type=list) == [remembered]
        if not parts.password:  # what was kept connects again (with .pgpass or a prompt)
            window.store_menu.open(remembered)
            settle(qtbot, context)
            assert context.summary.kind == "postgresql"
    finally:
        context.shutdown()


def test_a_refused_address_is_neither_kept_nor_shown_with_its_password(
        qtbot: Any, window: Any, context: Any, answers: Any) -> None:
    before = _settings_text(context.settings)
    window.store_menu.open(f"postgresql://:{SECRET.replace('@', '%40')}@127.0.0.1:1/cases")
    settle(qtbot, context)
    (error,) = answers.errors
    assert isinstance(error, StoreUnreachableError) and "s3cr" not in str(error)
    assert "postgresql://127.0.0.1:1/cases" in str(error)
    assert _settings_text(context.settings) == before and "s3cr" not in _shown(window)


def test_recent_stores_never_show_or_keep_a_password(qtbot: Any, window: Any,
                                                     context: Any) -> None:
    """Settings written by an older version may hold passwords: they are shown, and written
    again, without them."""
    context.settings.setValue("stores/recent", [
        f"postgresql://:{SECRET.replace('@', '%40')}@db.example.org/cases",
        f"host=db.example.org password='{SECRET}' dbname=cases",
        "postgresql://analyst@db.example.org/cases?password=pw&sslmode=require"])
    menu = window.store_menu
    menu.recent_menu.aboutToShow.emit()
    assert [a.text() for a in menu.recent_menu.actions()] == [
        "postgresql://db.example.org/cases", "host=db.example.org dbname=cases",
        "postgresql://analyst@db.example.org/cases?sslmode=require"]
    here = str(context.store.location.path)
    menu.open(here)
    settle(qtbot, context)
    text = _settings_text(context.settings)
    assert "s3cr" not in text and "password" not in text
    assert context.settings.value("stores/recent", [], type=list)[:2] == [
        here, "postgresql://db.example.org/cases"]


def test_a_store_that_may_not_be_written_is_labelled_read_only(
        qtbot: Any, window: Any, context: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    path = context.store.location.path
    why = f"you may not write to {path}"
    monkeypatch.setattr(store_module, "read_only_reason", lambda _path: why)
    window.store_menu.open(str(path))
    settle(qtbot, context)
    assert context.store.read_only == why
    assert window.store_label.text().endswith(" · read-only")
    assert f"Opened read-only: {why}" in window.store_label.toolTip()
    assert window.statusBar().currentMessage().startswith(f"Opened read-only: {why}")
    failed: list[BaseException] = []
    context.run(records.create, context.store, "system", {"name": "Not written"},
                on_error=lambda error, _trace: failed.append(error))
    settle(qtbot, context)
    (error,) = failed
    assert isinstance(error, StoreReadOnlyError)
    assert str(error).startswith("the store is open read-only")
