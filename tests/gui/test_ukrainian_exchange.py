"""The exchange and photo screens in Ukrainian: their own words translated, what people
recorded (case references, part numbers, device names, handling markings, file names)
shown as it was written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from forensics_gui.gui.exchange.export_actions import PlacesDialog
from forensics_gui.gui.exchange.import_mapping import REFUSED_COLOUR
from forensics_gui.gui.exchange.package_dialogs import ExportPackageDialog, StatusDialog
from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.services import records
from forensics_gui.services.exchange import packages
from tests.gui.conftest import settle
from tests.gui.test_conflicts_panel import conflicted, shown_conflicts
from tests.gui.test_import_dialog import FINDINGS, open_dialog, write_csv
from tests.gui.test_photos_gui import _add, _item_with_findings, _open_item, _open_viewer
from tests.integration.exchange_support import FieldCase

__all__ = ["conflicted"]  # the fixture, used by a test below



@pytest.fixture
def window(ukrainian: None, window: MainWindow) -> MainWindow:
    """The main window, built after the Ukrainian translation was installed."""
    return window


def test_the_conflicts_page_speaks_ukrainian_and_keeps_the_data(
        qtbot: Any, window: MainWindow, conflicted: FieldCase) -> None:
    panel = shown_conflicts(qtbot, window, 1)
    headers = [panel.list.horizontalHeaderItem(c).text()
               for c in range(panel.list.columnCount())]
    assert headers[:3] == ["Вид", "Запис", "З пристрою"]
    row = [panel.list.item(0, c).text() for c in range(panel.list.columnCount())]
    assert conflicted.item.case_reference in row[1] and "NW32F405RGT1" in row[1]
    assert row[2] == "field-laptop-3"  # the device's name, as its user typed it
    assert row[5] == "відкритий"
    assert panel.keep_ours.text() == "Залишити нашу…"
    assert panel.take_theirs.text() == "Прийняти їхню…"
    assert "Їхня: версія" in panel.about.text()
    assert panel.fields.horizontalHeaderItem(2).text() == "Їхня (field-laptop-3)"
    cells = {panel.fields.item(r, 1).text() for r in range(panel.fields.rowCount())}
    assert "centre reading" in cells  # the notes, not translated


def test_the_import_dialog_speaks_ukrainian_and_keeps_the_data(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, window, write_csv(tmp_path / "findings.csv", FINDINGS))
    assert dialog.windowTitle() == "Імпорт таблиці"
    assert dialog.inputs[0].title() == "Файл"
    assert dialog.import_button.text().replace("&", "") == "Імпортувати рядки (3)"
    assert dialog.tabs.tabText(1) == "Відхилені рядки (2)"
    first = dialog.first_model
    assert first.headers[:2] == ["Рядок", "Стане"]
    assert first.rows[0][:3] == (2, "новий", "DEMO-SHAHED-136-001")
    assert first.rows[4][1].startswith("відхилено: 'Quantity'")
    # The refused row is still shown in red, whatever the language.
    brush = first.data(first.index(4, 0), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == REFUSED_COLOUR
    samples = dialog.mapping.grid.itemAtPosition(4, 1).widget().text()
    assert "STM32F405 ⏎ RGT6" in samples  # the part number as the file has it
    assert dialog.encoding.itemText(0).startswith("визначено")


def test_the_exports_speak_ukrainian_and_keep_the_marking(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    places = PlacesDialog(["Fictional UAV"])
    qtbot.addWidget(places)
    assert places.windowTitle() == "Експорт місць вилучення"
    assert places.system.itemText(0) == "Усі типи систем озброєння"
    assert places.system.itemText(1) == "Fictional UAV"
    assert places.choices()["system"] is None
    places.system.setCurrentIndex(1)
    assert places.choices()["system"] == "Fictional UAV"

    path = tmp_path / "store.json"

    def answer(_parent: Any, title: str, _name: str, filters: str) -> tuple[str, str]:
        assert title == "Експорт усього сховища"
        assert filters.split(";;")[2] == "Документ JSON (*.json)"
        return str(path), filters.split(";;")[2]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    with qtbot.waitSignal(window.export_actions.written, timeout=20_000):
        window.export_actions.store_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Експорт у {path} завершено — записів:")
    assert message.endswith("(найвищий гриф: OFFICIAL).")


def test_the_package_dialogs_speak_ukrainian_and_keep_the_data(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    store = window.context.store
    items = records.list_records(store, "item", sort="case_reference").rows
    dialog = ExportPackageDialog(items, "field-laptop-7")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Експорт пакета справи"
    assert dialog.items.horizontalHeaderItem(0).text() == "Номер справи"
    assert dialog.items.item(0, 0).text() == items[0].case_reference
    assert dialog.device.text() == "field-laptop-7"
    packages.export_package(store, tmp_path / "all.zip")
    window.package_actions.status_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.package_actions.dialog, StatusDialog),
                    timeout=10_000)
    status = window.package_actions.dialog
    assert status.windowTitle() == "Стан обміну"
    assert status.recent.item(0, 1).text() == "надіслано"
    assert status.recent.item(0, 4).text() == "очікується"
    texts = " ".join(label.text() for label in status.findChildren(QLabel))
    assert "Це сховище: " in texts and "очікують квитанції" in texts


def test_the_photos_speak_ukrainian_and_keep_the_file_names(
        qtbot: Any, window: MainWindow, context: Any) -> None:
    item = _item_with_findings(context)
    _add(context, item, 2, gps=True)
    editor = _open_item(qtbot, window, item)
    panel = editor.photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.add_button.text() == "Додати фото…"
    assert panel.withdraw_button.text() == "Відкликати…"
    assert panel.count.text() == "2 фото"
    shown = panel.details.values_shown()
    assert shown["file_name"] == "photo-000.jpg"
    assert shown["attached"] == item.case_reference
    assert shown["camera"] == "Canon EOS 90D"
    assert panel.details.save_caption.text() == "Зберегти підпис"
    assert "показано вертикально" in shown["orientation"]
    viewer = _open_viewer(qtbot, panel)
    assert viewer.zoom_in_action.text() == "Збільшити"
    assert viewer.position.text() == "1 з 2"
    assert viewer.windowTitle() == f"photo-000.jpg — {item.case_reference}"
    settle(qtbot, context)
