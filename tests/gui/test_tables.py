"""Record tables: lazy model (qtmodeltester), sorting and filtering in the store, columns, copy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from forensics_gui.gui.kit.table_model import LOADING, RecordTableModel
from forensics_gui.services import bulk, records
from tests.gui.conftest import settle


def test_every_table_model_passes_the_model_tester(qtbot: Any, qtmodeltester: Any,
                                                   window: Any) -> None:
    for kind in ("system", "item", "finding", "part", "org", "link", "source", "marking"):
        window.show_kind(kind)
        settle(qtbot, window.context)
        model = window.current_table().model
        assert model.rowCount() > 0, kind
        qtmodeltester.check(model, force_py=True)


def test_rows_load_lazily_page_by_page(qtbot: Any, context: Any) -> None:
    item = records.list_records(context.store, "item", limit=1).rows[0]
    bulk.bulk_create(context.store, "finding", (
        {"item_id": item.id, "marking": f"CHIP {n:05d}"} for n in range(1_000)))
    model = RecordTableModel(context, "finding", ["marking", "case_reference"])
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 1_022)
    assert model.data(model.index(5, 0)) != LOADING  # the first page comes with the total
    far = model.index(900, 0)
    assert model.data(far) == LOADING  # not loaded yet: asked for in the background
    qtbot.waitUntil(lambda: model.data(far) != LOADING)
    assert model.data(far).startswith("CHIP") or model.data(far)


def test_sorting_happens_in_the_store(qtbot: Any, window: Any) -> None:
    window.show_kind("finding")
    table = window.current_table()
    settle(qtbot, window.context)
    column = table.model.columns.index("produced_from")
    table.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    settle(qtbot, window.context)
    assert table.model.sort_key == "produced" and table.model.descending
    dates = [table.model.data(table.model.index(r, column)) for r in range(3)]
    assert dates == ["2024-03-25", "2022-07-18", "2022-05-16"]


def test_filter_box_narrows_the_table(qtbot: Any, window: Any) -> None:
    window.show_kind("finding")
    table = window.current_table()
    table.filter.setText("kometa")
    qtbot.waitUntil(lambda: table.model.rowCount() == 3, timeout=5_000)
    assert "3 records" in table.count.text()


def test_column_chooser_is_remembered(qtbot: Any, window: Any, context: Any) -> None:
    table = window.current_table()
    table.toggle_column("serial_number", True)
    assert "serial_number" in table.model.columns
    assert "serial_number" in context.settings.value("columns/item")
    table.toggle_column("recovery_place", False)
    assert "recovery_place" not in context.settings.value("columns/item")


def test_copy_selection_as_tab_separated_text(qtbot: Any, window: Any) -> None:
    table = window.current_table()
    table.view.selectAll()
    table.copy_selection()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:2] == ["Case reference", "System type"]
    assert len(lines) == 7
    assert any("Shahed-136" in line.split("\t") for line in lines)
