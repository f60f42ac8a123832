"""File menu → Export list, Export the whole store and Export recovery places: the file chosen
is written on the worker and the status bar says what was written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QFileDialog

from forensics_gui.gui.exchange.export_actions import LIST_FILTERS, STORE_FILTERS, PlacesDialog
from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.services import records
from tests.gui.conftest import settle


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str) -> list[str]:
    """Answer the save dialog with `path` and the filter `chosen`; returns the titles asked."""
    asked: list[str] = []

    def answer(_parent: Any, title: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(title)
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def file_menu_entries(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_file_menu_offers_the_three_exports(window: MainWindow) -> None:
    window.show_kind("part")
    window.menuBar().actions()[0].menu().aboutToShow.emit()
    entries = file_menu_entries(window)
    for text in ("&Export the list of parts…", "Export the &whole store…",
                 "Export recovery &places (GeoJSON)…"):
        assert text in entries


def test_export_list_writes_the_table_in_view_with_its_search(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    window.show_kind("finding")
    table = window.current_table()
    table.model.set_filter("STM32")
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    shown = table.model.rowCount()
    asked = save_as(monkeypatch, tmp_path / "stm32", "Comma-separated values (*.csv)")
    with qtbot.waitSignal(window.export_actions.written, timeout=10_000):
        window.export_actions.list_action.trigger()
    path = tmp_path / "stm32.csv"  # the suffix of the filter chosen is added
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"),
                                           newline="")))
    assert asked == ["Export the list of component findings"]
    assert len(rows) == shown and all("STM32" in r["marking"].upper() for r in rows)
    assert window.statusBar().currentMessage() == (
        f"Wrote {shown} component findings to {path} (highest handling marking: OFFICIAL).")


def test_export_the_whole_store_as_a_workbook(qtbot: Any, window: MainWindow,
                                              monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    path = tmp_path / "store.xlsx"
    save_as(monkeypatch, path, next(iter(STORE_FILTERS)))
    with qtbot.waitSignal(window.export_actions.written, timeout=20_000) as done:
        window.export_actions.store_action.trigger()
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[0] == "About" and "Component findings" in book.sheetnames
    assert window.statusBar().currentMessage().startswith(
        f"Wrote {done.args[0].total} records of 16 kinds to {path}")


def test_export_list_as_json_by_the_filter_chosen(qtbot: Any, window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    save_as(monkeypatch, tmp_path / "items", "JSON (*.json)")
    assert "JSON (*.json)" in LIST_FILTERS
    with qtbot.waitSignal(window.export_actions.written, timeout=10_000):
        window.export_actions.list_action.trigger()
    document = json.loads((tmp_path / "items.json").read_text(encoding="utf-8"))
    assert len(document["records"]["item"]) == window.current_table().model.rowCount() == 6


def test_export_recovery_places_reports_what_was_left_out(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    store = window.context.store
    item = records.list_records(store, "item", limit=1).rows[0]
    records.update(store, "item", item.id, None, {"latitude": 48.4647, "longitude": 35.0462})
    monkeypatch.setattr(PlacesDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    save_as(monkeypatch, tmp_path / "places", "GeoJSON (*.geojson)")
    with qtbot.waitSignal(window.export_actions.written, timeout=10_000):
        window.export_actions.places_action.trigger()
    settle(qtbot, window.context)
    path = tmp_path / "places.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert [f["properties"]["case_reference"] for f in collection["features"]] == \
        [item.case_reference]
    assert window.statusBar().currentMessage() == (
        f"Wrote 1 recovery place to {path}; left out 5 recovered items without coordinates.")


def test_a_folder_that_does_not_exist_is_reported(qtbot: Any, window: MainWindow,
                                                  answers: Any,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    save_as(monkeypatch, tmp_path / "gone" / "items.xlsx", next(iter(LIST_FILTERS)))
    window.export_actions.list_action.trigger()
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=10_000)
    assert "does not exist" in answers.shown[0]
    assert not (tmp_path / "gone").exists()
    assert not window.statusBar().currentMessage().startswith("Wrote")


def test_a_name_typed_with_its_suffix_decides_the_format(qtbot: Any, window: MainWindow,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    save_as(monkeypatch, tmp_path / "items.csv", next(iter(LIST_FILTERS)))  # Excel shown
    with qtbot.waitSignal(window.export_actions.written, timeout=10_000) as done:
        window.export_actions.list_action.trigger()
    assert done.args[0].format == "csv" and done.args[0].path == str(tmp_path / "items.csv")
    assert (tmp_path / "items.csv").read_bytes().startswith(b"\xef\xbb\xbfid,version,")
