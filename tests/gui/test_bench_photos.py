"""The photos beside the bench: a row's regions are highlighted, and a region drawn on a photo
is linked to the selected row, or starts a row named by its label."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QInputDialog

from forensics_gui.gui.bench.bench_model import COLUMNS, FIRST
from forensics_gui.gui.bench.bench_panel import BenchPanel
from forensics_gui.services import photos, records
from tests.gui.bench_support import Keyboard, board_png
from tests.gui.test_bench import ITEM, drain


@pytest.fixture
def panel(qtbot: Any, context: Any, monkeypatch: pytest.MonkeyPatch) -> BenchPanel:
    item = records.get(context.store, "item", ITEM)
    photos.add_photo_bytes(context.store, board_png(), "board.png", item_id=item.id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kwargs: ("U2", True))
    shown = BenchPanel(context)
    qtbot.addWidget(shown, before_close_func=lambda page: (page.close(), drain(qtbot, context)))
    shown.resize(1400, 800)
    shown.show()
    shown.activateWindow()
    shown.show_item(item.id)
    qtbot.waitUntil(lambda: shown.photos.canvas.has_picture())
    drain(qtbot, context)
    return shown


def annotations(context: Any) -> list[Any]:
    return list(records.list_records(context.store, "annotation").rows)


def selected_regions(panel: BenchPanel) -> list[str]:
    return [i.annotation.label for i in panel.photos.canvas.annotation_items() if i.isSelected()]


def test_a_region_drawn_with_a_saved_row_selected_is_linked_to_its_finding(
        qtbot: Any, context: Any, panel: BenchPanel) -> None:
    row = panel.model.rows[0]
    panel.view.setCurrentIndex(panel.model.index(0, FIRST))
    panel.photos.canvas.region_drawn.emit(QRectF(0.4, 0.18, 0.15, 0.22))
    qtbot.waitUntil(lambda: len(annotations(context)) == 1)
    (annotation,) = annotations(context)
    assert (annotation.label, annotation.finding_id) == ("U2", row.finding_id)
    qtbot.waitUntil(lambda: selected_regions(panel) == ["U2"])  # the row's region, marked
    panel.view.setCurrentIndex(panel.model.index(1, FIRST))
    assert selected_regions(panel) == []
    panel.photos.annotation_clicked.emit(annotation)  # a click on a region picks its row
    assert panel.view.currentIndex().row() == 0


def test_a_region_drawn_on_the_new_row_starts_a_row_linked_once_saved(
        qtbot: Any, context: Any, panel: BenchPanel) -> None:
    new_row = panel.model.rowCount() - 1
    panel.view.setCurrentIndex(panel.model.index(new_row, FIRST))
    panel.photos.canvas.region_drawn.emit(QRectF(0.4, 0.18, 0.15, 0.22))
    row = panel.model.rows[new_row]
    assert row.values["location"] == "U2" and row.untouched
    assert panel.view.currentIndex() == panel.model.index(new_row, COLUMNS.index("marking"))
    qtbot.waitUntil(lambda: len(row.links) == 1)
    assert annotations(context)[0].finding_id is None  # not linked while the row is unsaved
    keys = Keyboard(panel)
    keys.type("STM32G071")
    keys.enter()
    qtbot.waitUntil(lambda: row.finding_id is not None)
    qtbot.waitUntil(lambda: annotations(context)[0].finding_id == row.finding_id)
    finding = records.get(context.store, "finding", row.finding_id)
    assert (finding.location, finding.marking) == ("U2", "STM32G071")
