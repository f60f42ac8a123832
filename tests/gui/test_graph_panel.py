"""The supply graph page: companies and links drawn with the right styles, filters by part
and period, empty and oversized graphs, clicking to open records, PNG and SVG export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsTextItem

from forensics_gui.core.errors import ValidationError
from forensics_gui.formats.palette import ROLE_FILLS, SANCTION_COLOURS
from forensics_gui.gui.graph import graph_panel
from forensics_gui.gui.graph.graph_panel import GraphPanel, show_supply_graph
from forensics_gui.gui.graph.graph_scene import EdgeItem, EdgeLabelItem, NodeItem
from forensics_gui.services import records
from tests.gui.conftest import settle

VEKTOR = "OOO Vektor Komponent (fictional)"
HARBOUR = "Harbour Star Electronics Ltd (fictional)"
NORTHWIND = "Northwind Components GmbH (fictional)"


def open_graph(qtbot: Any, window: Any) -> GraphPanel:
    window.show_graph()
    view = window.graph_panel
    qtbot.waitUntil(lambda: view.graph is not None, timeout=10_000)
    settle(qtbot, window.context)
    return view


def redrawn(qtbot: Any, view: GraphPanel, change: Any) -> Any:
    """Make a change to the filters and wait until the graph is drawn again."""
    with qtbot.waitSignal(view.shown, timeout=10_000) as shown:
        change()
    return shown.args[0]


def node(view: GraphPanel, name: str) -> NodeItem:
    return next(item for item in view.drawn.nodes.values() if item.node.name == name)


def edge(view: GraphPanel, seller: str, buyer: str) -> EdgeItem:
    ids = {item.node.name: item.node.id for item in view.drawn.nodes.values()}
    return next(e for e in view.drawn.edges
                if (e.bundle.seller_id, e.bundle.buyer_id) == (ids[seller], ids[buyer]))


def choose_part(qtbot: Any, view: GraphPanel, number: str) -> Any:
    index = next(i for i in range(view.part.count()) if view.part.itemText(i).startswith(number))
    return redrawn(qtbot, view, lambda: view.part.activated.emit(index))


def scene_texts(view: GraphPanel) -> list[str]:
    return [i.toPlainText() for i in view.scene.items() if isinstance(i, QGraphicsTextItem)]


def click(qtbot: Any, view: GraphPanel, item: Any, where: Any = None) -> None:
    view.canvas.centerOn(item)
    point = view.canvas.mapFromScene(where if where is not None else item.scenePos())
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_every_company_and_link_is_drawn_with_its_style(qtbot: Any, window: Any) -> None:
    view = open_graph(qtbot, window)
    assert window.navigator.currentItem().text() == "Supply graph"
    assert len(view.drawn.nodes) == 10 and len(view.drawn.edges) == 9
    styles = {e.bundle.status: e.pen().style() for e in view.drawn.edges}
    assert styles == {"documented": Qt.PenStyle.SolidLine, "probable": Qt.PenStyle.DashLine,
                      "hypothesis": Qt.PenStyle.DotLine}
    maker = node(view, "STMicroelectronics")
    assert maker.fill.name().upper() == ROLE_FILLS["manufacturer"]
    assert node(view, HARBOUR).node.hub == "Hong Kong"
    assert not node(view, NORTHWIND).node.is_hub
    assert view.status.text() == "10 organizations, 9 supply links · 1 undated (shown)"
    assert any("Link status" in t or "Supply links" in t for t in scene_texts(view))


def test_sanctioned_companies_are_marked(qtbot: Any, window: Any) -> None:
    store = window.context.store
    records.create(store, "designation", {"organization_id": HARBOUR, "authority": "OFAC",
                                          "listed_on": "2023-05-19"})
    records.create(store, "designation", {"organization_id": NORTHWIND, "authority": "EU",
                                          "listed_on": "2022-03-01",
                                          "delisted_on": "2023-03-01"})
    view = open_graph(qtbot, window)
    harbour, northwind = node(view, HARBOUR), node(view, NORTHWIND)
    assert harbour.border.name().upper() == SANCTION_COLOURS["designated"]
    assert harbour.border_width > northwind.border_width > node(view, VEKTOR).border_width
    assert northwind.border.name().upper() == SANCTION_COLOURS["formerly"]
    assert "Designated now</b> by OFAC" in harbour.toolTip()
    assert "Formerly designated by EU" in northwind.toolTip()


def test_the_part_and_period_filters_change_the_drawing(qtbot: Any, window: Any) -> None:
    view = open_graph(qtbot, window)
    shown = choose_part(qtbot, view, "STM32F765VIT6")
    assert shown.title == "part STM32F765VIT6"
    assert len(view.drawn.nodes) == 5 and len(view.drawn.edges) == 4
    view.date_from.setText("2022-01-01")
    view.date_to.setText("2022-12-31")
    redrawn(qtbot, view, lambda: view.undated.setChecked(False))
    assert {i.node.name for i in view.drawn.nodes.values()} == {NORTHWIND, HARBOUR, VEKTOR}
    assert "undated links left out" in view.status.text()
    redrawn(qtbot, view, lambda: view.undated.setChecked(True))
    assert len(view.drawn.edges) == 3
    assert "undated" in [label.text for label in view.drawn.labels]
    assert view.status.text().startswith("From 2022-01-01 to 2022-12-31 · 4 organizations")
    view.labels.setChecked(False)  # drawn again at once, from the graph already read
    assert not [i for i in view.scene.items() if isinstance(i, EdgeLabelItem)]


def test_an_empty_graph_says_what_holds_no_links(qtbot: Any, window: Any) -> None:
    view = open_graph(qtbot, window)
    choose_part(qtbot, view, "TSM0505S")
    view.undated.blockSignals(True)
    view.undated.setChecked(False)
    view.undated.blockSignals(False)
    redrawn(qtbot, view, lambda: view.set_period("1990-01-01", "1990-12-31"))
    assert not view.drawn.nodes
    message = ("No supply links recorded for part TSM0505S from 1990-01-01 to 1990-12-31 "
               "(undated links left out).")
    assert message in scene_texts(view) and view.status.text() == message


def test_a_bad_date_is_shown_beside_the_filters(qtbot: Any, window: Any, answers: Any) -> None:
    view = open_graph(qtbot, window)
    view.date_from.setText("2022-02-30")
    view.reload()
    qtbot.waitUntil(lambda: "is not a date" in view.status.text(), timeout=10_000)
    assert not answers.errors


def test_a_huge_graph_asks_to_be_filtered(qtbot: Any, window: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_panel, "MAX_NODES", 4)
    view = open_graph(qtbot, window)
    assert not view.drawn.nodes and view.graph.too_large
    assert any("10 organizations; at most 4 are drawn. Choose a part or a shorter period"
               in text for text in scene_texts(view))


def test_cycles_are_drawn_with_the_turned_link_pointing_back(qtbot: Any, window: Any) -> None:
    records.create(window.context.store, "link", {"seller_id": VEKTOR, "buyer_id": NORTHWIND,
                                                  "status": "hypothesis"})
    view = open_graph(qtbot, window)
    assert len(view.drawn.edges) == 10
    back = edge(view, VEKTOR, NORTHWIND)
    assert back.direction == -1 and back.tip.x() < node(view, VEKTOR).scenePos().x()
    positions = [(round(i.scenePos().x()), round(i.scenePos().y()))
                 for i in view.drawn.nodes.values()]
    assert len(set(positions)) == len(positions)


def test_clicking_a_company_or_a_link_opens_its_record(qtbot: Any, window: Any) -> None:
    view = open_graph(qtbot, window)
    click(qtbot, view, node(view, HARBOUR))
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.record is not None
                    and window.editor.kind == "org", timeout=10_000)
    assert window.editor.record.name == HARBOUR
    assert window.table_stack.currentWidget() is view  # the graph stays in place
    arrow = edge(view, HARBOUR, VEKTOR)
    click(qtbot, view, arrow, arrow.path().pointAtPercent(0.2))
    qtbot.waitUntil(lambda: window.editor.kind == "link", timeout=10_000)
    qtbot.waitUntil(lambda: window.editor.record is not None, timeout=10_000)
    assert window.editor.record.id == arrow.bundle.links[0].id


def test_several_links_in_one_arrow_are_offered_in_a_menu(qtbot: Any, window: Any) -> None:
    records.create(window.context.store, "link", {
        "seller_id": HARBOUR, "buyer_id": VEKTOR, "status": "probable",
        "shipped_on": "2023-01-15", "part_id": "STM32F765VIT6"})
    view = open_graph(qtbot, window)
    arrow = edge(view, HARBOUR, VEKTOR)
    assert len(arrow.bundle.links) == 2
    label = next(lb for lb in view.drawn.labels if lb.edge is arrow)
    assert label.text == "STM32F765VIT6 ×2\n2022-08-26 – 2023-01-15"
    view._edge_clicked(arrow, QPoint(0, 0))
    actions = view.link_menu.actions()
    assert [a.text().split(" · ")[0] for a in actions] == ["2022-08-26", "2023-01-15"]
    with qtbot.waitSignal(view.open_requested) as opened:
        actions[1].trigger()
    assert opened.args == ["link", arrow.bundle.links[1].id]


def test_the_picture_is_exported_as_png_and_svg(qtbot: Any, window: Any,
                                                tmp_path: Path) -> None:
    view = open_graph(qtbot, window)
    png, svg = view.export_image(tmp_path / "graph.png"), view.export_image(tmp_path / "g.svg")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 2000 and image.height() > 500
    assert QSvgRenderer(str(svg)).isValid()
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "Harbour Star" in text
    with pytest.raises(ValidationError, match=r"ending in \.png or \.svg"):
        view.export_image(tmp_path / "graph.jpg")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".svg")) == [
        "g.svg", "graph.png"]


def test_a_new_link_appears_without_reopening(qtbot: Any, window: Any) -> None:
    view = open_graph(qtbot, window)
    redrawn(qtbot, view, lambda: records.create(window.context.store, "link", {
        "seller_id": NORTHWIND, "buyer_id": VEKTOR, "status": "documented",
        "shipped_on": "2023-02-01"}))
    assert len(view.drawn.edges) == 10


def test_the_graph_of_one_organization_can_be_opened_from_elsewhere(qtbot: Any,
                                                                    window: Any) -> None:
    view = open_graph(qtbot, window)
    vektor = records.get(window.context.store, "org", VEKTOR)
    shown = redrawn(qtbot, view, lambda: show_supply_graph(
        window.context, organization=vektor.id, title=VEKTOR))
    assert shown.title == VEKTOR and view.scope_row.isVisible()
    assert view.scope_label.text() == f"Only the links around the organization {VEKTOR}"
    shown = redrawn(qtbot, view, lambda: view.show_for())
    assert shown.title == "all supply links" and not view.scope_row.isVisible()
