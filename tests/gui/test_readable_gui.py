"""Nothing clipped, cramped or drawn over something else in the editors, the supply graph's
boxes and the photo viewer; and the photo viewer's ways out and its labels, on a copy of the
demo store in a 1280×800 window."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from uuid import uuid4

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QFileDialog, QToolBar, QWidget

from forensics_gui.core.graph import GraphNode
from forensics_gui.gui.graph.graph_scene import NODE_W, NodeItem
from forensics_gui.services import photos, records
from tests.gui.conftest import settle

HARBOUR = "Harbour Star Electronics Ltd (fictional)"


def _open(qtbot: Any, window: Any, kind: str, reference: str) -> Any:
    window.resize(1280, 800)
    record = records.get(window.context.store, kind, reference)
    window.open_record(kind, record.id)
    settle(qtbot, window.context)
    return window.editor


def _overlapping(root: QWidget) -> list[str]:
    """Visible widgets drawn over a visible sibling."""
    found = []
    for parent in [root, *root.findChildren(QWidget)]:
        shown = [c for c in parent.children()
                 if isinstance(c, QWidget) and c.isVisible() and not c.isWindow()]
        for n, first in enumerate(shown):
            for second in shown[n + 1:]:
                both = first.geometry().intersected(second.geometry())
                if both.width() > 2 and both.height() > 2:
                    found.append(f"{type(first).__name__} and {type(second).__name__} in "
                                 f"{type(parent).__name__}")
    return found


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 40, 40)).save(out, "JPEG")
    return out.getvalue()


def _viewer(qtbot: Any, window: Any, context: Any) -> tuple[Any, Any]:
    """The photo viewer on a photo of the finding of part AD22100STZ."""
    (finding,) = records.list_records(context.store, "finding",
                                      filters={"part_id": "AD22100STZ"}).rows
    photos.add_photo_bytes(context.store, _jpeg(), "board.jpg", item_id=finding.item_id,
                           finding_id=finding.id)
    editor = _open(qtbot, window, "finding", str(finding.id))
    editor.tabs.setCurrentWidget(editor.photos)
    qtbot.waitUntil(lambda: editor.photos.model.rowCount() == 1)
    viewer = editor.photos.controller.open_viewer(0)
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.controller.shown is not None)
    return viewer, finding


# ------------------------------------------------------------------ editors
def test_the_status_of_every_supply_link_reads_in_full(qtbot: Any, window: Any) -> None:
    box = _open(qtbot, window, "part", "STM32F765VIT6").links_box
    qtbot.waitUntil(lambda: box.listing is not None, timeout=10_000)
    table = box.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    status = headers.index("Status")
    assert {table.item(r, status).text() for r in range(table.rowCount())} == {
        "documented", "probable", "hypothesis"}
    words = table.fontMetrics().horizontalAdvance("documented")
    assert table.columnWidth(status) > words
    # on screen without scrolling sideways
    assert table.columnViewportPosition(status) >= 0
    assert table.columnViewportPosition(status) + table.columnWidth(status) <= \
        table.viewport().width()


def test_the_words_beside_the_supply_link_buttons_are_not_wrapped_word_by_word(
        qtbot: Any, window: Any) -> None:
    window.resize(1280, 800)
    item = records.get(window.context.store, "item", "DEMO-LANCET-001")
    window.new_finding_in(item)
    settle(qtbot, window.context)
    status = window.editor.links_box.status
    assert status.text() == "Save the record to record its supply links."
    assert status.isVisible()
    assert status.height() < 2.5 * status.fontMetrics().height()


def test_nothing_in_a_finding_editor_is_drawn_over_something_else(qtbot: Any, window: Any,
                                                                  context: Any) -> None:
    finding = records.list_records(context.store, "finding",
                                   filters={"part_id": "STM32F765VIT6"}).rows[0]
    editor = _open(qtbot, window, "finding", str(finding.id))
    qtbot.waitUntil(lambda: "Looking" not in editor.seen.text.text(), timeout=10_000)
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        settle(qtbot, context)
        QApplication.processEvents()
        assert _overlapping(editor) == [], editor.tabs.tabText(tab)


# ------------------------------------------------------------ supply graph
def test_a_company_box_in_the_supply_graph_shows_its_whole_name(qtbot: Any) -> None:
    box = NodeItem(GraphNode(uuid4(), HARBOUR, "HK", ("trading company",), "Hong Kong"))
    names = [text for shown, _colour, text in box.text_lines() if shown.bold()]
    assert " ".join(names) == HARBOUR


def test_a_name_too_long_for_its_box_is_elided_and_named_in_the_tooltip(qtbot: Any) -> None:
    name = "Joint Stock Company " + "Very Long Trading Name " * 6 + "Limited"
    box = NodeItem(GraphNode(uuid4(), name, "AE", ("trading company",), "",
                             "designated", ("OFAC",)))
    lines = box.text_lines()
    names = [text for shown, _colour, text in lines if shown.bold() and shown.pointSizeF() > 9]
    assert names[-1].endswith("…") and name in box.toolTip()
    for shown, _colour, text in lines:  # every line inside the box, none cut by its edge
        assert QFontMetricsF(shown).horizontalAdvance(text) <= NODE_W - 20
    assert "Designated: OFAC" in [text for _f, _c, text in lines]


# ------------------------------------------------------------------ photos
def test_the_photo_viewer_closes_with_its_button_and_with_escape(qtbot: Any, window: Any,
                                                                 context: Any) -> None:
    viewer, _finding = _viewer(qtbot, window, context)
    (toolbar,) = viewer.findChildren(QToolBar)
    button = toolbar.widgetForAction(viewer.close_action)
    assert button is not None and button.isVisible() and button.text() == "Close"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()
    viewer.show()
    viewer.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    viewer.annotate_action.trigger()
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Escape)  # first leaves annotate mode
    assert viewer.isVisible() and not viewer.annotate_action.isChecked()
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_an_annotation_label_names_the_part_once(qtbot: Any, window: Any,
                                                context: Any) -> None:
    viewer, finding = _viewer(qtbot, window, context)
    photo = viewer.controller.photo
    viewer.controller.create_annotation(photo, finding.id, "U3 = AD22100STZ",
                                        (0.1, 0.1, 0.2, 0.2))
    viewer.controller.create_annotation(photo, finding.id, "U4", (0.5, 0.5, 0.2, 0.2))
    qtbot.waitUntil(lambda: len(viewer.canvas.annotation_items()) == 2)
    labels = sorted(item.text.text() for item in viewer.canvas.annotation_items())
    assert labels == ["U3 = AD22100STZ", "U4 · AD22100STZ"]


def test_add_folder_says_which_files_it_skipped_and_why(qtbot: Any, window: Any, context: Any,
                                                       answers: Any, monkeypatch: Any,
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "teardown"
    folder.mkdir()
    (folder / "board.jpg").write_bytes(_jpeg())
    (folder / "notes.txt").write_text("U3 under the shield")
    editor = _open(qtbot, window, "item", "DEMO-LANCET-001")
    editor.tabs.setCurrentWidget(editor.photos)
    panel = editor.photos
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(panel.add_folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    settle(qtbot, context)
    (summary,) = [text for text in answers.shown if text.startswith("Adding photos")]
    assert "1 photo added." in summary
    assert "1 skipped (JPEG, PNG, TIFF, WebP and HEIC/HEIF pictures are added):\n" \
           "• notes.txt: a “.txt” file, not a picture" in summary
    assert "not pictures skipped" in panel.message.text()
