"""The window keeps the size the user gave it, wide pages get the width, and an opened record
is always in sight."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings

from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.services import records
from tests.gui.conftest import settle
from tests.gui.test_graph_panel import VEKTOR, node, open_graph

LONG_NAME = ("Very Long Trading Company Name For Electronic Components And Dual-Use Goods "
             "Limited Liability Partnership (fictional)")


def laptop(qtbot: Any, window: MainWindow) -> MainWindow:
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    return window


@pytest.mark.parametrize("kind", ["item", "finding", "part", "org", "link", "source"])
def test_no_record_widens_the_window(qtbot: Any, window: MainWindow, kind: str) -> None:
    laptop(qtbot, window)
    window.show_kind(kind)
    settle(qtbot, window.context)
    table = window.current_table()
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    for row in range(min(table.model.rowCount(), 4)):
        window.show_record(kind, table.select_row(row))
        settle(qtbot, window.context)
        qtbot.wait(10)
        assert window.width() == 1280, f"{kind} row {row} widened the window"


def test_a_long_title_is_cut_in_the_pane_and_shown_whole_in_its_tooltip(
        qtbot: Any, window: MainWindow) -> None:
    laptop(qtbot, window)
    org = records.create(window.context.store, "org", {
        "name": LONG_NAME, "country": "AE", "roles": ["trading company"]})
    window.show_kind("org")
    widths = set()
    for _ in range(2):  # this record, another, and back: the pane keeps its width
        window.open_record("org", org.id)
        settle(qtbot, window.context)
        qtbot.wait(10)
        widths.add(window.editor_dock.width())
        window.show_record("org", window.current_table().select_row(0))
        settle(qtbot, window.context)
        qtbot.wait(10)
        widths.add(window.editor_dock.width())
    assert window.width() == 1280
    assert len(widths) == 1, f"the editor changed width from record to record: {widths}"
    window.open_record("org", org.id)
    settle(qtbot, window.context)
    title = window.editor.title
    assert title.text() == f"Organization: {LONG_NAME}"
    assert title.shown_text().endswith("…") and title.toolTip() == title.text()


def test_wide_pages_take_the_width_until_a_record_is_opened(qtbot: Any,
                                                            window: MainWindow) -> None:
    laptop(qtbot, window)
    window.show_record("item", window.current_table().select_row(0))
    view = open_graph(qtbot, window)
    assert window.editor_dock.isHidden()
    assert view.width() > 1000, "the graph should take the width the editor left"
    qtbot.waitUntil(lambda: all(item.isVisible() for item in view.drawn.nodes.values()))
    visible = [item for item in view.drawn.nodes.values()
               if view.canvas.viewport().rect().contains(
                   view.canvas.mapFromScene(item.sceneBoundingRect().center()))]
    assert len(visible) == len(view.drawn.nodes), "every company of the demo graph in view"
    # Clicking a company opens it where it can be seen.
    vektor = node(view, VEKTOR)
    view.canvas.click_at(view.canvas.mapFromScene(vektor.sceneBoundingRect().center()))
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.kind == "org")
    assert not window.editor_dock.isHidden() and window.editor_dock.isVisible()
    assert window.editor.record.name == VEKTOR
    assert window.table_stack.currentWidget() is view
    # Closed by the user, it comes back when the next record is opened.
    window.editor_dock.close()
    assert window.editor_dock.isHidden()
    view.canvas.click_at(view.canvas.mapFromScene(vektor.sceneBoundingRect().center()))
    qtbot.waitUntil(lambda: window.editor_dock.isVisible())
    # Back on a table, the editor is beside it again.
    window.show_kind("item")
    assert window.editor_dock.isVisible()
    assert window.width() == 1280


def test_the_editor_can_have_a_window_of_its_own(qtbot: Any, window: MainWindow) -> None:
    laptop(qtbot, window)
    window.float_action.setChecked(True)
    assert window.editor_dock.isFloating()
    view = open_graph(qtbot, window)
    assert view.width() > 1000
    window.show_record("item", window.tables["item"].select_row(1))
    assert window.editor_dock.isVisible() and window.editor_dock.isFloating()
    window.float_action.setChecked(False)
    assert not window.editor_dock.isFloating()


def test_what_the_user_chose_for_each_kind_of_page_is_kept(qtbot: Any, context: Any,
                                                          tmp_path: Any) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    laptop(qtbot, window)
    window.show_search()
    window.show_record("item", records.get(context.store, "item", "DEMO-LANCET-001"))
    assert window.editor_dock.isVisible()  # opened from the search page: shown beside it
    window.show_kind("part")
    window.editor_dock.close()
    window.show_search()
    assert window.editor_dock.isVisible(), "the search page keeps the editor it was given"
    window.show_kind("part")
    assert window.editor_dock.isHidden(), "tables keep the editor closed as the user left it"
    window.save_layout()
    settings: QSettings = context.settings
    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    again.show_search()
    assert again.editor_dock.isVisible()
    again.show_kind("part")
    assert again.editor_dock.isHidden()
    assert settings.value("window/editor-tables")[0] == "false"


def test_show_all_in_search_opens_the_search_with_what_the_box_counted(
        qtbot: Any, window: MainWindow) -> None:
    window.show_kind("org")
    maker = records.get(window.context.store, "org", "STMicroelectronics")
    window.open_record("org", maker.id)
    box = None

    def ready() -> bool:
        nonlocal box
        box = getattr(window.editor, "seen", None)
        return box is not None and box.search_button.isEnabled() and box.seen is not None

    qtbot.waitUntil(ready, timeout=10_000)
    assert box is not None
    box.search_button.click()
    qtbot.waitUntil(lambda: window.searching())
    settle(qtbot, window.context)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=10_000)
    shown = panel.filter_inputs["manufacturer_id"]
    assert "STMicroelectronics" in (shown.currentText() if hasattr(shown, "currentText")
                                    else shown.text())


def test_a_parts_seen_before_and_its_search_count_the_same_findings(
        qtbot: Any, window: MainWindow) -> None:
    part = records.get(window.context.store, "part", "STM32F765VIT6")
    window.open_record("part", part.id)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.seen is not None
                    and window.editor.seen.seen is not None, timeout=10_000)
    seen = window.editor.seen.seen
    panel = window.search_panel
    with qtbot.waitSignal(panel.searched, timeout=10_000) as shown:
        window.editor.seen.search_button.click()
    findings = shown.args[0].groups.get("finding", ())
    assert len(findings) == seen.findings, "the box and the search count the same findings"
    assert "part: STM32F765VIT6" in panel.further_label.text()
