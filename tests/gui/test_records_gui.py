"""Names where ids used to show (forms after Revert, the column chooser, the History window)
and the seen-before box, as a user sees them, on a copy of the demo store."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from forensics_gui.gui.kit.history import HistoryDialog
from forensics_gui.gui.search.search_panel import ROLE_ID, SearchPanel
from forensics_gui.services import records
from tests.gui.conftest import settle

UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-")
LINK = re.compile(r"href='(\w+):([^']+)'")
LANCET = "DEMO-LANCET-001"
VEKTOR = "OOO Vektor Komponent (fictional)"


def _open(qtbot: Any, window: Any, kind: str, reference: str) -> Any:
    record = records.get(window.context.store, kind, reference)
    window.open_record(kind, record.id)
    settle(qtbot, window.context)
    return window.editor


def _seen(qtbot: Any, editor: Any) -> Any:
    box = editor.seen
    qtbot.waitUntil(lambda: box.seen is not None, timeout=10_000)
    return box


# ------------------------------------------------------------ names, not ids
def test_revert_and_discard_show_the_items_case_reference_again(qtbot: Any, window: Any,
                                                                answers: Any) -> None:
    item_editor = _open(qtbot, window, "item", LANCET)
    item_editor.tabs.setCurrentWidget(item_editor.findings_holder)
    settle(qtbot, window.context)
    (add,) = [b for b in item_editor.findings_holder.findChildren(QPushButton)
              if b.text() == "New finding in this item"]
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    editor = window.editor
    assert editor.kind == "finding" and editor.inputs["item_id"].value() == LANCET
    qtbot.keyClicks(editor.inputs["function"].editor, "Servo drive")
    qtbot.mouseClick(editor.revert_button, Qt.MouseButton.LeftButton)
    assert editor.inputs["item_id"].value() == LANCET
    assert editor.inputs["function"].value() == "" and not editor.dirty
    qtbot.keyClicks(editor.inputs["function"].editor, "Servo drive")
    answers.question = QMessageBox.StandardButton.Discard
    window.guard(lambda: None)  # what leaving the unsaved finding asks
    assert "Unsaved changes" in answers.asked[-1]
    assert editor.inputs["item_id"].value() == LANCET


def test_the_column_chooser_offers_each_column_once_by_name(qtbot: Any, window: Any) -> None:
    table = window.current_table()
    labels = [a.text() for a in table.column_menu().actions() if a.isCheckable()]
    assert labels.count("System type") == 1
    assert len(labels) == len(set(labels))
    for action in table.column_menu().actions():
        if action.isCheckable() and not action.isChecked():
            action.trigger()  # every column shown
    model = table.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.record_at(0) is not None)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers.count("System type") == 1 and len(headers) == len(labels)
    shown = {headers[c]: model.data(model.index(0, c)) for c in range(len(headers))}
    assert not UUID_TEXT.match(shown["System type"])
    assert [h for h, text in shown.items() if UUID_TEXT.match(text or "")] == ["Id"]


def test_the_findings_table_shows_the_marking_as_read_near_the_front(qtbot: Any,
                                                                     window: Any) -> None:
    window.show_kind("finding")
    table = window.current_table()
    model = table.model
    qtbot.waitUntil(lambda: model.rowCount() == 22 and model.record_at(0) is not None)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers.index("Marking as read") == 1
    assert not table.view.isColumnHidden(1) and table.view.columnWidth(1) > 60
    markings = {model.data(model.index(r, 1)) for r in range(model.rowCount())}
    assert "Kometa CRPA" in markings and "URB2405S-6WR3" in markings


def test_history_names_the_records_a_change_refers_to(qtbot: Any, window: Any, context: Any,
                                                      monkeypatch: Any) -> None:
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    finding = records.list_records(context.store, "finding",
                                   filters={"part_id": "Kometa"}).rows[0]
    lancet = records.get(context.store, "item", LANCET)
    records.update(context.store, "finding", finding.id, finding.version,
                   {"item_id": lancet.id})
    editor = _open(qtbot, window, "finding", str(finding.id))
    qtbot.mouseClick(editor.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    table = shown[0].table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    field, before, after = (headers.index(h) for h in ("Field", "Before", "After"))
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    moved = next(r for r in range(len(rows)) if rows[r][field] == "Recovered item")
    assert rows[moved][before] == finding.case_reference and rows[moved][after] == LANCET
    assert str(lancet.id) in table.item(moved, after).toolTip()
    created = {row[field]: row[after] for row in rows[moved + 1:]}
    assert created["Part"] == "Kometa" and created["Manufacturer"] == "VNIIR-Progress"
    assert not [text for row in rows for text in row if UUID_TEXT.search(text)]


# -------------------------------------------------------------- seen before
def test_seen_before_lists_the_other_findings_of_the_part_each_to_be_opened(
        qtbot: Any, window: Any, context: Any) -> None:
    mine, *others = records.list_records(context.store, "finding",
                                         filters={"part_id": "Kometa"}).rows
    box = _seen(qtbot, _open(qtbot, window, "finding", str(mine.id)))
    text = box.text.text()
    assert "Kometa, other than this finding" in text and "2 findings in 2 items" in text
    assert "nor this finding" in box.dates.text()
    links = LINK.findall(box.entries.text())
    assert {i for kind, i in links if kind == "finding"} == {str(f.id) for f in others}
    assert {i for kind, i in links if kind == "item"} == {str(f.item_id) for f in others}
    box.entries.linkActivated.emit(f"item:{others[0].item_id}")
    settle(qtbot, context)
    assert window.editor.kind == "item" and window.editor.record.id == others[0].item_id
    window.open_record("finding", mine.id)
    settle(qtbot, context)
    box = _seen(qtbot, window.editor)
    box.entries.linkActivated.emit(f"finding:{others[1].id}")
    settle(qtbot, context)
    assert window.editor.kind == "finding" and window.editor.record.id == others[1].id


def test_show_all_in_search_lists_the_same_findings_as_the_box(qtbot: Any, window: Any,
                                                               context: Any) -> None:
    editor = _open(qtbot, window, "org", "AMD")  # Xilinx's successor: its finding counts
    box = _seen(qtbot, editor)
    assert box.text.text().startswith("<b>Maker AMD and its predecessors</b>")
    assert box.search_button.isVisible()
    with qtbot.waitSignal(editor.search_requested) as asked:
        qtbot.mouseClick(box.search_button, Qt.MouseButton.LeftButton)
    request = asked.args[0]
    assert request == {"text": "", "filters": {"manufacturer_id": "AMD"}}
    panel = SearchPanel(context)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.set_search(request["text"], request["filters"])
    found = panel.results.groups["finding"]
    assert len(found) == box.seen.findings == 1
    assert [hit.title for hit in found] == ["FPGA by Xilinx"]  # not "unidentified"
    groups = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    (group,) = [g for g in groups if g.text(0).startswith("Component findings")]
    assert group.text(0) == "Component findings (1)"
    assert group.child(0).text(0) == "FPGA by Xilinx"
    assert group.child(0).data(0, ROLE_ID) == box.seen.entries[0].finding_id


def test_an_importer_is_seen_through_the_parts_it_bought_and_called_an_importer(
        qtbot: Any, window: Any) -> None:
    box = _seen(qtbot, _open(qtbot, window, "org", VEKTOR))
    text = box.text.text()
    assert f"Parts that importer {VEKTOR} sold or bought" in text
    assert "maker" not in text.lower()
    assert "3 findings in 2 items" in text
    assert len(LINK.findall(box.entries.text())) == 6  # three findings and their items
