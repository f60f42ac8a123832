"""Bench mode: a grid of one recovered item's findings typed with the keyboard, rows saved
one by one as they are left, refusals shown in the row, proposals accepted with one key."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from forensics_gui.core.bench import marking_value, module_of, modules_recorded
from forensics_gui.core.identify import Rule
from forensics_gui.gui.bench.bench_model import (
    COLUMNS,
    FIRST,
    REFUSED_BACKGROUND,
    BenchModel,
    SuggestionRole,
)
from forensics_gui.gui.bench.bench_panel import BenchPanel
from forensics_gui.services import bench as bench_service
from forensics_gui.services import records
from tests.gui.bench_support import Keyboard
from tests.gui.conftest import settle

ITEM = "DEMO-SHAHED-136-001"


def col(name: str) -> int:
    return COLUMNS.index(name)


@pytest.fixture
def panel(qtbot: Any, context: Any) -> BenchPanel:
    shown = BenchPanel(context)
    # Closing saves what is left: drained while the page still exists.
    qtbot.addWidget(shown, before_close_func=lambda page: (page.close(), drain(qtbot, context)))
    shown.resize(1400, 800)
    shown.show()
    shown.activateWindow()
    item = records.get(context.store, "item", ITEM)
    shown.show_item(item.id)
    qtbot.waitUntil(lambda: shown.controller.item is not None)
    settle(qtbot, context)
    return shown


def drain(qtbot: Any, context: Any) -> None:
    """Wait until the worker is idle and the follow-up work of its writes has run too."""
    for _ in range(3):
        settle(qtbot, context)
        QApplication.processEvents()


def saved(context: Any, location: str) -> Any:
    found = records.list_records(context.store, "finding", filters={"location": location})
    return found.rows[0] if found.rows else None


def type_row(keys: Keyboard, cells: list[str], end: str = "tab") -> None:
    """Type cells from Position on, Tab between them; `end` leaves the row."""
    for n, text in enumerate(cells):
        keys.type(text)
        if n < len(cells) - 1:
            keys.tab()
    keys.tab() if end == "tab" else keys.enter()


# ---------------------------------------------------------------------- pure rules
def test_a_marking_cell_holds_its_lines_separated_by_a_spaced_slash() -> None:
    assert marking_value("STM32F405 / RGT6  /  GH22L") == "STM32F405\nRGT6\nGH22L"
    assert marking_value("RS-232/485") == "RS-232/485"  # a slash without spaces is text


def test_a_position_lies_in_the_module_whose_name_it_starts_with() -> None:
    modules = ["flight controller", "GNSS receiver", "GNSS receiver antenna",
               "satellite navigation receiver (SN-99)", "power"]
    assert module_of("Flight-controller / U12", modules) == "flight controller"
    assert module_of("GNSS receiver antenna LNA", modules) == "GNSS receiver antenna"
    assert module_of("satellite navigation receiver U3", modules) == \
        "satellite navigation receiver (SN-99)"
    assert module_of("powerful U1", modules) is None
    assert modules_recorded(["power U1", "power U2", "U3"], modules)["power"] == 2


# ---------------------------------------------------------------------- the model
def test_the_model_keeps_a_new_row_last_and_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = BenchModel()
    qtmodeltester.check(model)
    model.setData(model.index(0, col("location")), "U1")
    assert model.rowCount() == 2 and model.rows[0].values["location"] == "U1"
    model.setData(model.index(0, col("confidence")), "h")  # a choice by its first letter
    assert model.rows[0].values["confidence"] == "high"
    qtmodeltester.check(model)


def test_copy_down_duplicate_clear_and_undo_work_on_the_row() -> None:
    model = BenchModel()
    model.set_cells(0, {"location": "U1", "marking": "A / B", "part_id": "P1",
                        "manufacturer_id": "Maker", "function": "MCU", "date_code": "2231"})
    assert model.copy_down(1, "manufacturer_id")
    assert model.rows[1].values["manufacturer_id"] == "Maker"
    at = model.duplicate(0)
    copy = model.rows[at]
    assert at == 1 and copy.untouched and not copy.wants_save
    assert (copy.values["location"], copy.values["marking"], copy.values["part_id"]) == (
        "", "", "P1")
    assert model.clear(0, "date_code") and model.rows[0].values["date_code"] == ""
    assert model.undo(0) == "undone" and model.rows[0].values["date_code"] == "2231"
    assert model.remove_row(1) and model.rows[1].values["manufacturer_id"] == "Maker"
    assert not model.remove_row(model.rowCount() - 1)  # the new row stays


# ---------------------------------------------------------------------- the panel
def test_rows_typed_with_the_keyboard_are_saved_as_they_are_left(
        qtbot: Any, context: Any, panel: BenchPanel) -> None:
    start = panel.model.rowCount() - 1
    assert panel.view.currentIndex().row() == start  # the new row, ready to type
    keys = Keyboard(panel)
    type_row(keys, ["U21", "ADM3232", "ADM3232", "Analog Devices", "RS-232 driver", "2231",
                    "h"])
    assert panel.view.currentIndex().row() == start + 1  # Tab went on to the next row
    qtbot.waitUntil(lambda: panel.model.rows[start].state(False) == "saved")
    finding = saved(context, "U21")
    assert (finding.part_number, finding.manufacturer_name, finding.function,
            finding.date_code, finding.confidence) == (
        "ADM3232", "Analog Devices", "RS-232 driver", "2231", "high")
    type_row(keys, ["U22", "STM32G071", "STM32G071"], end="enter")  # Enter ends the row
    qtbot.waitUntil(lambda: panel.model.rows[start + 1].state(False) == "saved")
    assert saved(context, "U22").manufacturer_name == "STMicroelectronics"
    assert panel.model.rows[start + 1].values["manufacturer_id"] == "STMicroelectronics"
    assert panel.model.data(panel.model.index(start, 0)) == "✓"


def test_a_refused_row_says_why_in_the_row_and_editing_goes_on(
        qtbot: Any, context: Any, panel: BenchPanel) -> None:
    start = panel.model.rowCount() - 1
    keys = Keyboard(panel)
    type_row(keys, ["U31", "X1", "", "", "", "", "sure"])  # not a confidence
    qtbot.waitUntil(lambda: panel.model.rows[start].refused != {})
    refused = panel.model.rows[start]
    cell = panel.model.index(start, col("confidence"))
    assert refused.state(False) == "refused"
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == REFUSED_BACKGROUND
    assert "not one of" in cell.data(Qt.ItemDataRole.ToolTipRole)
    type_row(keys, ["U32", "X2"], end="enter")  # the next row is typed and saved meanwhile
    qtbot.waitUntil(lambda: panel.model.rows[start + 1].state(False) == "saved")
    panel.view.setCurrentIndex(cell)  # back to the refused row: the status line says why
    assert "Row" in panel.status.text() and "Confidence" in panel.status.text()
    keys.type("m")
    keys.enter()
    qtbot.waitUntil(lambda: refused.state(False) == "saved")
    assert saved(context, "U31").confidence == "medium"
    assert refused.refused == {}


def test_an_unknown_part_and_maker_are_created_with_the_row_on_request(
        qtbot: Any, context: Any, panel: BenchPanel) -> None:
    start = panel.model.rowCount() - 1
    keys = Keyboard(panel)
    type_row(keys, ["U41", "LTC2950 / 2231", "LTC2950-1", "Linear Technology", "Pushbutton"],
             end="enter")
    qtbot.waitUntil(lambda: panel.model.rows[start].missing != ())
    row = panel.model.rows[start]
    assert {"part_id", "manufacturer_id"} <= row.refused.keys()
    panel.view.setCurrentIndex(panel.model.index(start, FIRST))
    assert "Ctrl+Shift+S" in panel.status.text() and panel.create_button.isEnabled()
    assert records.count(context.store, "org", filters={"name": "Linear Technology"}) == 0
    keys.ctrl(Qt.Key.Key_S, shift=True)
    qtbot.waitUntil(lambda: row.state(False) == "saved")
    finding = saved(context, "U41")
    part = records.get(context.store, "part", finding.part_id)
    assert (part.part_number, part.manufacturer_name, part.function) == (
        "LTC2950-1", "Linear Technology", "Pushbutton")
    assert finding.marking == "LTC2950\n2231"
    assert "with the new" in panel.status.text()


def test_keys_copy_down_duplicate_clear_and_remove(qtbot: Any, panel: BenchPanel) -> None:
    start = panel.model.rowCount() - 1
    keys = Keyboard(panel)
    type_row(keys, ["U51", "M1", "", "Analog Devices", "Sensor"], end="enter")
    # On the next row: position, marking, then the maker copied from the row above.
    keys.type("U52")
    keys.tab()
    keys.type("M2")
    keys.tab()
    keys.tab()
    keys.ctrl(Qt.Key.Key_D)
    second = panel.model.rows[start + 1]
    assert second.values["manufacturer_id"] == "Analog Devices"
    keys.ctrl(Qt.Key.Key_D, shift=True)  # duplicate: all but position and marking
    copy = panel.model.rows[start + 2]
    assert (copy.values["location"], copy.values["marking"], copy.values["manufacturer_id"]) \
        == ("", "", "Analog Devices") and copy.untouched
    assert panel.view.currentIndex() == panel.model.index(start + 2, FIRST)
    keys.press(Qt.Key.Key_Escape)
    keys.ctrl(Qt.Key.Key_Delete)  # an unsaved row may be removed
    assert panel.model.rows[start + 2] is not copy
    panel.view.setCurrentIndex(panel.model.index(start + 1, col("marking")))
    keys.press(Qt.Key.Key_Delete)
    assert second.values["marking"] == ""
    keys.ctrl(Qt.Key.Key_Z)
    assert second.values["marking"] == "M2"


def test_undo_after_a_save_reverts_the_row_by_a_new_version(
        qtbot: Any, context: Any, panel: BenchPanel, answers: Any) -> None:
    start = panel.model.rowCount() - 1
    keys = Keyboard(panel)
    type_row(keys, ["U61", "first reading"], end="enter")
    row = panel.model.rows[start]
    qtbot.waitUntil(lambda: row.state(False) == "saved")
    panel.view.setCurrentIndex(panel.model.index(start, col("marking")))
    keys.type("second reading")
    keys.enter()
    qtbot.waitUntil(lambda: row.state(False) == "saved" and
                    row.saved["marking"] == "second reading")
    panel.view.setCurrentIndex(panel.model.index(start, col("marking")))
    keys.ctrl(Qt.Key.Key_Z)  # nothing left to undo in the row: offers to revert
    assert answers.asked and "Revert row" in answers.asked[-1]
    qtbot.waitUntil(lambda: saved(context, "U61").marking == "first reading")
    finding = saved(context, "U61")
    assert finding.version == 3  # evidence is never erased: a new version
    history = records.list_records(context.store, "finding", filters={"location": "U61"})
    assert len(history.rows) == 1


def test_a_proposal_shows_greyed_and_ctrl_i_accepts_it(
        qtbot: Any, context: Any, panel: BenchPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    maker = records.get(context.store, "org", "STMicroelectronics")
    identification = SimpleNamespace(
        status="identified", maker="STMicroelectronics", now_part_of="", family="STM32G0",
        category="microcontroller", confidence="high", reason="",
        rule=Rule(rule_id="st-stm32g0", maker="STMicroelectronics", pattern="STM32G0",
                  confidence="high"),
        part_number="STM32G071",
        reading=SimpleNamespace(part_number="STM32G071", date_code="2231"))
    found = SimpleNamespace(identification=identification, maker_id=maker.id, owner_name="")
    monkeypatch.setattr(bench_service, "_identify", lambda _store, _text: found)
    start = panel.model.rowCount() - 1
    keys = Keyboard(panel)
    keys.type("U71")
    keys.tab()
    keys.type("STM32G071 / 2231")
    keys.tab()
    row = panel.model.rows[start]
    qtbot.waitUntil(lambda: row.proposal is not None)
    part = panel.model.index(start, col("part_id"))
    assert part.data(SuggestionRole) == "STM32G071"
    assert part.data(Qt.ItemDataRole.DisplayRole) == ""  # nothing filled without the key
    assert "Ctrl+I" in panel.status.text() and "high confidence" in panel.status.text()
    keys.ctrl(Qt.Key.Key_I)
    assert (row.values["part_id"], row.values["manufacturer_id"], row.values["function"],
            row.values["date_code"]) == ("STM32G071", "STMicroelectronics", "microcontroller",
                                  "2231")
    assert panel.view.currentIndex().column() == col("confidence")  # what is left to type
    keys.type("h")
    keys.enter()
    qtbot.waitUntil(lambda: row.state(False) == "saved")
    assert saved(context, "U71").part_id is not None


def test_the_template_checklist_and_start_from_template(
        qtbot: Any, context: Any, panel: BenchPanel) -> None:
    modules = panel.checklist.modules  # the demo's template of the Shahed-136
    assert len(modules) >= 3
    total = len(modules)
    assert panel.checklist.title.text() == f"Template: 0 of {total} modules recorded"
    start = panel.model.rowCount() - 1
    panel.checklist.start.click()
    rows = panel.model.rows[start:start + total]
    assert [(r.values["location"], r.values["function"]) for r in rows] == [
        (m.name, m.function) for m in modules]
    keys = Keyboard(panel)
    keys.type("STM32F765VIT6")  # the first template row's marking
    keys.enter()  # leaves it: saved; the second, never edited, is left unsaved
    keys.enter()
    qtbot.waitUntil(lambda: panel.checklist.title.text() ==
                    f"Template: 1 of {total} modules recorded")
    assert saved(context, modules[0].name) is not None
    assert saved(context, modules[1].name) is None
    assert rows[1].untouched and rows[1].state(False) == "untouched"
    panel.checklist.start.click()  # again: no second row for a module that has one
    assert panel.model.rowCount() == start + total + 1


def test_a_system_without_modules_says_where_they_are_added(
        qtbot: Any, context: Any, panel: BenchPanel) -> None:
    system = records.create(context.store, "system", {"name": "Geran-3"})
    item = records.create(context.store, "item", {"system_type_id": system.id,
                                                  "case_reference": "CASE-GERAN-3"})
    panel.show_item(item.id)
    qtbot.waitUntil(lambda: panel.controller.item.id == item.id)
    assert panel.checklist.empty.isVisible()
    assert "Geran-3 has no template modules" in panel.checklist.empty.text()
    assert "Template modules" in panel.checklist.empty.text()
    assert not panel.checklist.start.isEnabled()


def test_the_item_editor_opens_the_bench(qtbot: Any, window: Any) -> None:
    item = records.get(window.context.store, "item", ITEM)
    window.show_record("item", item)
    editor = window.editor
    (button,) = [b for b in editor.findings_holder.findChildren(QPushButton)
                 if b.text() == "Bench mode…"]
    with qtbot.waitSignal(editor.bench_requested) as asked:
        button.click()
    assert asked.args == [item.id]


def test_the_item_s_bench_opens_as_a_full_width_page(qtbot: Any, window: Any) -> None:
    store = window.context.store
    item = records.get(store, "item", ITEM)
    window.show_record("item", item)
    settle(qtbot, window.context)
    editor = window.editor
    (button,) = [b for b in editor.findings_holder.findChildren(QPushButton)
                 if b.text() == "Bench mode…"]
    button.click()
    settle(qtbot, window.context)
    panel = window.bench_panel
    assert window.table_stack.currentWidget() is panel
    assert window.editor_dock.isHidden()  # the grid and the photos get the width
    shown = records.list_records(store, "finding", filters={"item_id": item.id}).rows
    assert {r.values["marking"] for r in panel.model.rows if r.finding is not None} == \
        {f.marking or "" for f in shown}


def test_ctrl_b_opens_the_bench_of_the_item_or_of_the_finding_open(qtbot: Any,
                                                                   window: Any) -> None:
    store = window.context.store
    window.show_kind("part")
    settle(qtbot, window.context)
    window.bench_action.trigger()  # nothing open that belongs to an item: it says so
    assert window.bench_panel is None
    assert "open the item" in window.statusBar().currentMessage()
    item = records.get(store, "item", ITEM)
    (finding, *_) = records.list_records(store, "finding", filters={"item_id": item.id}).rows
    window.show_record("finding", finding)
    settle(qtbot, window.context)
    window.bench_action.trigger()
    settle(qtbot, window.context)
    assert window.table_stack.currentWidget() is window.bench_panel
    assert ITEM in window.bench_panel.title.text()


def test_the_keyboard_shortcuts_list_the_bench_keys(qtbot: Any, window: Any) -> None:
    from forensics_gui.gui.mainwindow.help import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
            for r in range(dialog.table.rowCount())}
    assert {("Bench mode", "Ctrl+I"), ("Bench mode", "Ctrl+Shift+S"),
            ("Bench mode", "Ctrl+D")} <= rows


def test_in_the_window_the_grid_keeps_its_keys(qtbot: Any, context: Any, window: Any,
                                               answers: Any) -> None:
    """Shown as a page of the main window (as it is wired), Ctrl+S and Ctrl+Delete act on the
    grid, not on the window's record editor."""
    page = BenchPanel(context)
    window.table_stack.addWidget(page)
    window.table_stack.setCurrentWidget(page)
    window.activateWindow()
    page.show_item(records.get(context.store, "item", ITEM).id)
    qtbot.waitUntil(lambda: page.controller.item is not None)
    start = page.model.rowCount() - 1
    keys = Keyboard(window)
    keys.type("U81")
    keys.ctrl(Qt.Key.Key_S)
    qtbot.waitUntil(lambda: page.model.rows[start].state(False) == "saved")
    keys.enter()
    keys.type("U82")
    keys.tab()
    keys.press(Qt.Key.Key_Escape)
    assert page.model.rows[start + 1].values["location"] == "U82"
    keys.ctrl(Qt.Key.Key_Delete)  # the window's Delete… would ask about a record
    assert all(r.values["location"] != "U82" for r in page.model.rows)
    assert answers.asked == []
    drain(qtbot, context)


def test_another_item_is_opened_once_rows_are_saved_and_refused_ones_are_not_dropped_unasked(
        qtbot: Any, context: Any, panel: BenchPanel, answers: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    keys = Keyboard(panel)
    type_row(keys, ["U91", "X9", "", "", "", "", "sure"])  # refused: not a confidence
    other = records.get(context.store, "item", "DEMO-KH-101-001")
    answers.question = QMessageBox.StandardButton.Cancel
    panel.show_item(other.id)  # asked once the save under way is answered: the user stays
    qtbot.waitUntil(lambda: len(answers.asked) == 1)
    assert "refused" in answers.asked[0]
    assert panel.controller.item.case_reference == ITEM
    answers.question = QMessageBox.StandardButton.Discard
    assert panel.show_item(other.id)
    qtbot.waitUntil(lambda: panel.controller.item.id == other.id)
    assert all(r.values["location"] != "U91" for r in panel.model.rows)
