"""Supply links in the part, finding and organization editors, the probable chains window and
the sanctions gap window, on a copy of the demo store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from forensics_gui.gui.supply.chains_panel import ROLE_ID, ROLE_KIND
from forensics_gui.services import records
from tests.gui.conftest import settle

STM = "STM32F765VIT6"
HARBOUR = "Harbour Star Electronics Ltd (fictional)"
VEKTOR = "OOO Vektor Komponent (fictional)"


def _open(qtbot: Any, window: Any, kind: str, reference: str) -> Any:
    record = records.get(window.context.store, kind, reference)
    window.open_record(kind, record.id)
    settle(qtbot, window.context)
    box = window.editor.links_box
    qtbot.waitUntil(lambda: box.listing is not None, timeout=10_000)
    return box


def _rows(box: Any) -> list[list[str]]:
    table = box.table
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def test_the_part_editor_lists_its_links_with_designation_timing(qtbot: Any,
                                                                 window: Any) -> None:
    box = _open(qtbot, window, "part", STM)
    rows = _rows(box)
    assert box.title() == "Supply links (4)" and len(rows) == 4
    assert rows[0][0] == "2022-08-26" and rows[-1][0] == "undated"
    assert rows[0][2] == f"{HARBOUR} (HK, hub)\nnot designated"
    assert rows[0][1] == "probable" and rows[0][4] == "1 (F6)"
    assert box.table.isColumnHidden(5)  # the part column says nothing in the part's editor
    assert box.chains_button.isVisible() and box.new_button.isEnabled()
    assert not box.open_button.isEnabled()


def test_a_designation_shows_before_and_after_each_link(qtbot: Any, window: Any,
                                                        context: Any) -> None:
    box = _open(qtbot, window, "part", STM)
    records.create(context.store, "designation", {
        "organization_id": HARBOUR, "authority": "OFAC", "listed_on": "2022-07-01"})
    qtbot.waitUntil(lambda: box.listing is not None and "OFAC" in str(_rows(box)),
                    timeout=10_000)
    by_date = {row[0]: row for row in _rows(box)}
    assert by_date["2022-08-26"][2].endswith("designated before the link (OFAC 2022-07-01)")
    assert by_date["2022-06-02"][3].endswith("designated after the link (OFAC 2022-07-01)")
    assert box.table.item(1, 3).foreground().color().name() != "#000000"


def test_new_link_from_a_part_opens_the_link_editor_filled_in(qtbot: Any, window: Any,
                                                             context: Any) -> None:
    box = _open(qtbot, window, "part", STM)
    qtbot.mouseClick(box.new_button, Qt.MouseButton.LeftButton)
    editor = window.editor
    assert editor.kind == "link" and editor.record is None
    assert editor.inputs["part_id"].value() == STM
    editor.inputs["seller_id"].set_value(HARBOUR)
    editor.inputs["buyer_id"].set_value(VEKTOR)
    editor.inputs["shipped_on"].set_value("2023-02-01")
    editor.inputs["status"].set_value("documented")
    editor._on_edit()
    editor.save()
    settle(qtbot, context)
    assert editor.record is not None and editor.record.part_number == STM
    qtbot.waitUntil(lambda: box.table.rowCount() == 5, timeout=10_000)


def test_open_shows_the_selected_link(qtbot: Any, window: Any) -> None:
    box = _open(qtbot, window, "org", VEKTOR)
    assert not box.chains_button.isVisible()
    assert box.table.rowCount() == 4 and not box.table.isColumnHidden(5)
    box.table.selectRow(0)
    assert box.open_button.isEnabled()
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.context)
    assert window.editor.kind == "link"
    assert window.editor.record.buyer_name == VEKTOR


def test_new_link_from_an_importer_puts_it_on_the_buying_side(qtbot: Any,
                                                              window: Any) -> None:
    box = _open(qtbot, window, "org", VEKTOR)
    box.new_link()
    assert window.editor.inputs["buyer_id"].value() == VEKTOR
    assert window.editor.inputs["seller_id"].value() == ""


def test_a_finding_lists_its_parts_links(qtbot: Any, window: Any, context: Any) -> None:
    finding = records.list_records(context.store, "finding", filters={"part_id": STM}).rows[0]
    window.open_record("finding", finding.id)
    settle(qtbot, context)
    box = window.editor.links_box
    qtbot.waitUntil(lambda: box.listing is not None, timeout=10_000)
    assert box.table.rowCount() == 4
    assert box.table.item(0, 0).toolTip() == "recorded for part"


def _chains_dialog(qtbot: Any, window: Any) -> Any:
    box = _open(qtbot, window, "part", STM)
    qtbot.mouseClick(box.chains_button, Qt.MouseButton.LeftButton)
    dialog = box._chains[-1]
    qtbot.waitUntil(lambda: dialog.panel.report is not None, timeout=10_000)
    return dialog


def test_the_chains_window_ranks_the_paths_and_opens_a_link(qtbot: Any, window: Any) -> None:
    dialog = _chains_dialog(qtbot, window)
    tree = dialog.panel.tree
    assert tree.topLevelItemCount() == 2
    first = tree.topLevelItem(0)
    assert first.text(0).startswith("#1  probable · 3 links · CH → DE → HK (hub) → RU")
    assert tree.topLevelItem(1).text(0).startswith("#2  hypothesis · 4 links")
    step = first.child(2)
    assert step.text(0) == f"{HARBOUR} (HK, hub)\n→ {VEKTOR} (RU)"
    assert (step.text(1), step.text(2)) == ("2022-08-26", "probable")
    assert step.text(4) == "seller not designated\nbuyer not designated"
    assert dialog.windowTitle() == f"Probable supply chains — part {STM}"
    assert step.data(0, ROLE_KIND) == "link"
    dialog.panel._activated(step, 0)
    settle(qtbot, window.context)
    assert window.editor.kind == "link" and window.editor.record.id == step.data(0, ROLE_ID)


def test_the_chains_window_filters_by_period_and_says_what_is_wrong(qtbot: Any,
                                                                    window: Any) -> None:
    panel = _chains_dialog(qtbot, window).panel
    panel.period_from.setText("2022-01-01")
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        panel.find_button.click()
    assert panel.tree.topLevelItemCount() == 0
    assert "1 link dated outside the period left out" in panel.notices.text()
    panel.period_to.setText("2021-01-01")
    panel.run()
    settle(qtbot, window.context)
    assert "before the start of the period" in panel.notices.text()
    assert panel.find_button.isEnabled()


def test_the_gap_window_lists_parts_and_companies_and_opens_them(qtbot: Any,
                                                                 window: Any,
                                                                 context: Any) -> None:
    records.create(context.store, "designation", {
        "organization_id": "Gulf Bridge Trading FZE (fictional)", "authority": "OFAC",
        "listed_on": "2023-05-19"})
    window.gap_action.trigger()
    panel = window._gap_dialog.panel
    qtbot.waitUntil(lambda: panel.result is not None, timeout=10_000)
    parts, companies = (panel.tree.topLevelItem(i) for i in range(2))
    assert parts.text(0) == "Parts with chains through no designated company (2)"
    assert [parts.child(i).text(0).split(" — ")[0] for i in range(parts.childCount())] == \
        [STM, "TSM0505S"]
    names = [companies.child(i).text(0) for i in range(companies.childCount())]
    assert names[0].startswith(f"{VEKTOR} (RU) · on chains of {STM}, TSM0505S")
    assert not any("Gulf Bridge" in name for name in names)
    panel._activated(parts.child(0), 0)
    settle(qtbot, context)
    assert window.editor.kind == "part" and window.editor.record.part_number == STM
    panel._activated(companies.child(0), 0)
    settle(qtbot, context)
    assert window.editor.kind == "org" and window.editor.record.name == VEKTOR


def test_graph_from_an_organization_shows_its_links_in_the_supply_graph(qtbot: Any,
                                                                       window: Any) -> None:
    box = _open(qtbot, window, "org", HARBOUR)
    assert box.graph_button.isEnabled()
    qtbot.mouseClick(box.graph_button, Qt.MouseButton.LeftButton)
    view = window.graph_panel
    qtbot.waitUntil(lambda: view.graph is not None and view.drawn is not None, timeout=10_000)
    settle(qtbot, window.context)
    names = {item.node.name for item in view.drawn.nodes.values()}
    assert HARBOUR in names and VEKTOR in names
    assert window.navigator.currentItem().text() == "Supply graph"
    assert window.editor.record is not None  # the organization stays open beside the graph
