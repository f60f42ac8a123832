"""Photos in the client: the gallery on item and finding pages, adding by every route, the
viewer with annotations, and the integrity and export tools."""

from __future__ import annotations

import errno
import hashlib
import io
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PIL import ExifTags, Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from forensics_gui.gui.photos import photo_tools
from forensics_gui.gui.photos.photo_model import THUMB_BATCH, PhotoListModel, PhotoRole
from forensics_gui.services import photos, records
from forensics_gui.storage.blobs import BlobStore
from tests.gui.conftest import settle


def _jpeg(size: tuple[int, int] = (320, 240), colour: tuple[int, int, int] = (200, 40, 40),
          gps: bool = False) -> bytes:
    image = Image.new("RGB", size, colour)
    for x in range(0, size[0], 16):  # stripes, so that a turned picture would show it
        image.paste((20, 20, 200), (x, 0, x + 4, size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "Canon EOS 90D"
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update({
            ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (50.0, 27.0, 0.0),
            ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (30.0, 31.0, 12.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=85)
    return out.getvalue()


def _write(path: Path, **kwargs: Any) -> Path:
    path.write_bytes(_jpeg(**kwargs))
    return path


def _item_with_findings(context: Any) -> Any:
    finding = records.list_records(context.store, "finding", limit=1).rows[0]
    return records.get(context.store, "item", finding.item_id)


def _open_item(qtbot: Any, window: Any, item: Any) -> Any:
    window.show_record("item", records.get(window.context.store, "item", item.id))
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.photos)
    settle(qtbot, window.context)
    return editor


def _add(context: Any, item: Any, count: int, **kwargs: Any) -> list[Any]:
    added = []
    for n in range(count):
        colour = (n % 256, (n * 7) % 256, (n // 256) * 90)
        added.append(photos.add_photo_bytes(context.store, _jpeg(colour=colour, **kwargs),
                                            f"photo-{n:03d}.jpg", item_id=item.id))
    return added


def _visible_rows(panel: Any) -> list[int]:
    strip, model = panel.strip, panel.model
    area = strip.viewport().rect()
    return [r for r in range(model.rowCount())
            if strip.visualRect(model.index(r)).intersects(area)]


def _thumbnails_shown(panel: Any) -> bool:
    rows = _visible_rows(panel)
    return bool(rows) and all(panel.model.cached(panel.model.photo_at(r).id) is not None
                              for r in rows)


def _open_viewer(qtbot: Any, panel: Any, row: int = 0) -> Any:
    viewer = panel.controller.open_viewer(row)
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.controller.shown == panel.model.photo_at(row).id)
    settle(qtbot, panel.controller.context)
    return viewer


# ------------------------------------------------------------------ gallery
def test_item_page_shows_the_photos_and_adds_files(qtbot: Any, window: Any, context: Any,
                                                   tmp_path: Path) -> None:
    item = _item_with_findings(context)
    _add(context, item, 2)
    editor = _open_item(qtbot, window, item)
    assert editor.tabs.tabText(editor.photos_tab) == "Photos"
    panel = editor.photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.count.text() == "2 photos"
    assert panel.details.values_shown()["file_name"] == "photo-000.jpg"
    panel.controller.add_paths([str(_write(tmp_path / "board.jpg", colour=(1, 200, 3)))])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    names = [panel.model.data(panel.model.index(r)) for r in range(3)]
    assert "board.jpg" in names
    assert len(photos.photos_of(context.store, item=item.id)) == 3


def test_a_photo_is_withdrawn_from_the_gallery_with_a_reason(qtbot: Any, window: Any,
                                                             context: Any,
                                                             monkeypatch: Any) -> None:
    item = _item_with_findings(context)
    first, _second = _add(context, item, 2)
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.withdraw_button.isEnabled()
    panel.strip.setCurrentIndex(panel.model.index(panel.model.row_of(first.id)))
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("Shows the other missile's board", True))
    panel.withdraw_selected()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)  # the gallery follows the write
    kept = records.get(context.store, "photo", first.id)
    assert kept.withdrawn and kept.withdrawal_reason == "Shows the other missile's board"


def test_gallery_model_passes_the_model_tester(qtbot: Any, qtmodeltester: Any, window: Any,
                                               context: Any) -> None:
    item = _item_with_findings(context)
    _add(context, item, 5)
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5)
    qtmodeltester.check(panel.model, force_py=True)


def test_thumbnails_load_lazily(qtbot: Any, context: Any) -> None:
    item = _item_with_findings(context)
    _add(context, item, 3)
    model = PhotoListModel(context)  # no view: nothing is painted, so nothing is asked for
    model.load({"item": item.id})
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    settle(qtbot, context)
    assert not model.requested
    first = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert first.cacheKey() == model.placeholder().cacheKey()
    with qtbot.waitSignal(model.dataChanged):
        pass
    loaded = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert loaded.cacheKey() != model.placeholder().cacheKey()
    assert not loaded.isNull() and loaded.width() > loaded.height()  # 320×240, landscape
    assert model.requested == {model.photo_at(0).id}  # only the row that was shown


@pytest.mark.slow
def test_a_gallery_of_500_photos_stays_responsive(qtbot: Any, window: Any, context: Any
                                                  ) -> None:
    item = _item_with_findings(context)
    # The window hears of the 500 writes a moment later, as one: wait for it, or the gallery
    # would list its photos again while the test looks at the first listing.
    with qtbot.waitSignal(context.records_changed, timeout=10_000):
        for n in range(500):
            photos.add_photo_bytes(context.store, _jpeg((16, 12), (n % 256, (n * 7) % 256,
                                                                   (n // 256) * 90)),
                                   f"tiny-{n:03d}.jpg", item_id=item.id)
    batches: list[int] = []
    editor = window.editor_for("item")
    editor.photos.model.batch_requested.connect(batches.append)
    settle(qtbot, context)
    started = time.perf_counter()
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 500, timeout=5000)
    qtbot.waitUntil(lambda: _thumbnails_shown(panel), timeout=5000)
    elapsed = time.perf_counter() - started
    print(f"\n500-photo gallery: listing and first visible thumbnails in {elapsed * 1000:.0f} ms")
    assert elapsed < 2.0
    visible = len(_visible_rows(panel))
    assert 0 < len(panel.model.requested) <= visible + 2 < 500
    assert batches and max(batches) <= THUMB_BATCH
    panel.strip.horizontalScrollBar().setValue(panel.strip.horizontalScrollBar().maximum())
    qtbot.waitUntil(lambda: _thumbnails_shown(panel), timeout=5000)
    assert panel.model.cached(panel.model.photo_at(499).id) is not None
    assert len(panel.model.requested) < 100


def test_dropping_a_folder_adds_its_pictures(qtbot: Any, window: Any, context: Any,
                                             answers: Any, tmp_path: Path) -> None:
    item = _item_with_findings(context)
    panel = _open_item(qtbot, window, item).photos
    folder = tmp_path / "teardown"
    (folder / "inside").mkdir(parents=True)
    _write(folder / "1.jpg", colour=(10, 10, 10))
    _write(folder / "inside" / "2.jpeg", colour=(90, 90, 90))
    (folder / "broken.jpg").write_bytes(b"not a picture")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    where = (QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
             Qt.KeyboardModifier.NoModifier)
    # Qt delivers drop events only during a real drag: hand them to the strip's handlers.
    enter = QDragEnterEvent(QPoint(20, 20), *where[1:])
    panel.strip.dragEnterEvent(enter)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    drop = QDropEvent(*where)
    panel.strip.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    settle(qtbot, context)
    assert answers.shown and "broken.jpg" in answers.shown[-1]
    assert "2 photos added" in answers.shown[-1]


def test_pasting_a_clipboard_image_adds_one_photo(qtbot: Any, window: Any, context: Any
                                                  ) -> None:
    item = _item_with_findings(context)
    panel = _open_item(qtbot, window, item).photos
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    QGuiApplication.clipboard().setImage(image)
    panel.paste_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    (photo,) = photos.photos_of(context.store, item=item.id)
    assert photo.file_name.startswith("pasted-") and photo.file_name.endswith(".png")
    assert photo.media_type == "image/png" and (photo.width, photo.height) == (120, 80)
    image.fill(QColor("#aa6633"))
    QGuiApplication.clipboard().setImage(image)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.strip.setFocus()
    qtbot.keyClick(panel.strip, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)


def test_caption_is_saved_and_gps_fills_the_form_only(qtbot: Any, window: Any, context: Any,
                                                      answers: Any) -> None:
    item = _item_with_findings(context)
    (photo,) = _add(context, item, 1, gps=True)
    editor = _open_item(qtbot, window, item)
    details = editor.photos.details
    qtbot.waitUntil(lambda: details.photo is not None)
    assert details.use_place.isVisibleTo(editor) and details.gps_note.isVisibleTo(editor)
    assert details.values_shown()["sha256"] == photo.sha256
    details.caption.setText("Guidance board, top side")
    details._save_caption()
    settle(qtbot, context)
    assert records.get(context.store, "photo", photo.id).caption == "Guidance board, top side"
    details.use_place.click()
    assert answers.asked and "only a hint" in answers.asked[-1]
    assert editor.inputs["latitude"].value() == "50.450000"
    assert editor.inputs["longitude"].value().startswith("30.52")
    assert editor.dirty  # filled, not saved
    assert records.get(context.store, "item", item.id).latitude == item.latitude


def test_finding_page_has_its_own_photos(qtbot: Any, window: Any, context: Any,
                                         tmp_path: Path) -> None:
    finding = records.list_records(context.store, "finding", limit=1).rows[0]
    window.show_record("finding", finding)
    editor = window.editor
    assert editor.tabs.tabText(editor.photos_tab) == "Photos"
    editor.tabs.setCurrentWidget(editor.photos)
    editor.photos.controller.add_paths([str(_write(tmp_path / "chip.jpg"))])
    qtbot.waitUntil(lambda: editor.photos.model.rowCount() == 1)
    (photo,) = photos.photos_of(context.store, finding=finding.id)
    assert photo.finding_id == finding.id and photo.item_id == finding.item_id
    window.new_record()
    assert not window.editor.tabs.isTabEnabled(editor.photos_tab)


# ------------------------------------------------------------------- viewer
def test_viewer_shows_the_display_copy_quickly(qtbot: Any, window: Any, context: Any) -> None:
    item = _item_with_findings(context)
    _add(context, item, 2)
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    settle(qtbot, context)
    started = time.perf_counter()
    viewer = panel.controller.open_viewer(0)
    qtbot.addWidget(viewer)
    qtbot.waitUntil(viewer.canvas.has_picture, timeout=2000)
    first = time.perf_counter() - started
    qtbot.waitUntil(lambda: viewer.controller.shown == panel.model.photo_at(0).id,
                    timeout=2000)
    elapsed = time.perf_counter() - started
    print(f"\nviewer: first picture after {first * 1000:.0f} ms, display copy after "
          f"{elapsed * 1000:.0f} ms")
    assert elapsed < 0.3
    assert viewer.canvas.picture_size().width() == 320
    assert viewer.position.text() == "1 of 2"


def test_zoom_fit_and_rotate_change_the_view_not_the_picture(qtbot: Any, window: Any,
                                                             context: Any) -> None:
    item = _item_with_findings(context)
    (photo,) = _add(context, item, 1)
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    viewer = _open_viewer(qtbot, panel)
    canvas = viewer.canvas
    fitted = canvas.transform().m11()
    viewer.zoom_in_action.trigger()
    assert canvas.transform().m11() == pytest.approx(fitted * 1.25)
    viewer.actual_action.trigger()
    assert canvas.transform().m11() == pytest.approx(1.0)
    viewer.rotate_action.trigger()
    assert canvas.transform().m11() == pytest.approx(0, abs=1e-9)  # a quarter turn
    assert canvas.rotation == 90
    viewer.fit_action.trigger()
    assert canvas.fitted and canvas.rotation == 90
    original = photos.picture(context.store, photo, "original")
    assert hashlib.sha256(original).hexdigest() == photo.sha256
    assert records.get(context.store, "photo", photo.id).sha256 == photo.sha256


def test_next_and_previous_move_through_the_items_photos(qtbot: Any, window: Any,
                                                         context: Any) -> None:
    item = _item_with_findings(context)
    added = _add(context, item, 3)
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    viewer = _open_viewer(qtbot, panel)
    controller = viewer.controller
    assert not viewer.previous_action.isEnabled()
    for expected in (1, 2):
        viewer.next_action.trigger()
        qtbot.waitUntil(lambda e=expected: controller.shown == added[e].id)
    assert not viewer.next_action.isEnabled() and viewer.position.text() == "3 of 3"
    viewer.previous_action.trigger()
    qtbot.waitUntil(lambda: controller.shown == added[1].id)
    viewer.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    for key, expected in ((Qt.Key.Key_PageUp, 0), (Qt.Key.Key_Right, 1)):
        qtbot.keyClick(viewer.canvas, key)
        qtbot.waitUntil(lambda e=expected: controller.shown == added[e].id)


def test_annotations_are_drawn_and_open_their_finding(qtbot: Any, window: Any, context: Any,
                                                      answers: Any) -> None:
    item = _item_with_findings(context)
    (photo,) = _add(context, item, 1)
    finding = records.list_records(context.store, "finding",
                                   filters={"item_id": item.id}, limit=1).rows[0]
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    viewer = _open_viewer(qtbot, panel)
    viewer.controller.create_annotation(photo, finding.id, "U12", (0.1, 0.2, 0.3, 0.25))
    qtbot.waitUntil(lambda: len(viewer.canvas.annotation_items()) == 1)
    (drawn,) = viewer.canvas.annotation_items()
    assert drawn.rect().x() == pytest.approx(32) and drawn.rect().height() == pytest.approx(60)
    viewer.rotate_action.trigger()
    centre = viewer.canvas.mapFromScene(drawn.sceneBoundingRect().center())
    with qtbot.waitSignal(viewer.open_finding_requested) as opened:
        qtbot.mouseClick(viewer.canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [finding.id]
    settle(qtbot, context)
    assert window.editor.kind == "finding" and window.editor.record.id == finding.id
    (stored,) = records.list_records(context.store, "annotation",
                                     filters={"photo_id": photo.id}).rows
    assert (stored.x, stored.y, stored.width, stored.height) == (0.1, 0.2, 0.3, 0.25)
    assert drawn.isSelected()
    viewer.delete_action.trigger()
    settle(qtbot, context)
    assert "Delete the annotation" in answers.asked[-1]
    assert records.count(context.store, "annotation") == 0
    qtbot.waitUntil(lambda: not viewer.canvas.annotation_items())


def test_dragging_a_rectangle_in_annotate_mode_marks_a_finding(
        qtbot: Any, window: Any, context: Any, monkeypatch: Any) -> None:
    item = _item_with_findings(context)
    (photo,) = _add(context, item, 1)
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    viewer = _open_viewer(qtbot, panel)
    offered: list[list[str]] = []

    def pick(_parent: Any, _title: str, _label: str, names: list[str], *args: Any) -> Any:
        offered.append(names)
        return names[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("C7", True))
    viewer.annotate_action.trigger()
    canvas = viewer.canvas
    start = canvas.mapFromScene(QPointF(80, 60))  # the picture is 320×240
    end = canvas.mapFromScene(QPointF(160, 180))
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=QPoint((start.x() + end.x()) // 2, end.y()))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: len(canvas.annotation_items()) == 1)
    assert offered and offered[0][-1].startswith("No finding")
    (stored,) = records.list_records(context.store, "annotation",
                                     filters={"photo_id": photo.id}).rows
    assert stored.label == "C7" and stored.finding_id is not None
    assert (stored.x, stored.y) == (pytest.approx(0.25, abs=0.01), pytest.approx(0.25, abs=0.01))
    assert (stored.width, stored.height) == (pytest.approx(0.25, abs=0.01),
                                             pytest.approx(0.5, abs=0.01))


# -------------------------------------------------------------------- tools
def test_verify_reports_a_clean_store(qtbot: Any, window: Any, context: Any,
                                      answers: Any) -> None:
    _add(context, _item_with_findings(context), 3)
    window.verify_photos_action.trigger()
    settle(qtbot, context)
    assert answers.shown[-1] == ("Photo integrity: 3 originals and 3 photos checked: no problem "
                                 "found.")


def test_verify_lists_each_mismatch_with_its_item_and_who_added_it(
        qtbot: Any, window: Any, context: Any) -> None:
    from sqlalchemy import text

    item = _item_with_findings(context)
    (photo,) = _add(context, item, 1)
    with context.store.engine.begin() as connection:  # damage past the store's own guard
        connection.execute(text("DROP TRIGGER photo_blob_no_update"))
        connection.execute(text("UPDATE photo_blob SET data = :d"), {"d": b"forged"})
    window.verify_photos_action.trigger()
    settle(qtbot, context)
    table = window.photo_tools.dialog.table
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[:3] == [photo.file_name, item.case_reference, photo.created_by]
    assert row[4] == photo.sha256 and row[5] == hashlib.sha256(b"forged").hexdigest()
    assert row[6] == photo_tools.MISMATCH


def _drop_original(store: Any, sha256: str) -> None:
    """What damage, or a tool that switched the references and triggers off, would do."""
    with closing(sqlite3.connect(store.location.path)) as outside, outside:
        for (trigger,) in outside.execute("SELECT name FROM sqlite_master WHERE type = "
                                          "'trigger' AND tbl_name = 'photo_blob'").fetchall():
            outside.execute(f'DROP TRIGGER "{trigger}"')
        outside.execute("DELETE FROM photo_derivative WHERE sha256 = ?", (sha256,))
        outside.execute("DELETE FROM photo_blob WHERE sha256 = ?", (sha256,))


def test_verify_lists_photos_without_original_and_originals_without_photo(
        qtbot: Any, window: Any, context: Any) -> None:
    item = _item_with_findings(context)
    _kept, lost = _add(context, item, 2)
    stray = b"an original no photo refers to"
    with context.store.writing() as uow:
        uow.blobs.add(hashlib.sha256(stray).hexdigest(), stray, "image/jpeg")
    _drop_original(context.store, lost.sha256)
    window.verify_photos_action.trigger()
    settle(qtbot, context)
    dialog = window.photo_tools.dialog
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert rows[0][:3] == [lost.file_name, item.case_reference, lost.created_by]
    assert rows[0][4:] == [lost.sha256, "(not in the store)", photo_tools.MISSING]
    assert rows[1][:3] == ["(no photo)", "", context.store.actor]
    assert rows[1][4:] == [hashlib.sha256(stray).hexdigest(), "", photo_tools.UNUSED]
    assert len(rows) == 2 and dialog.windowTitle() == "Photo integrity: problems found"
    summary = dialog.summary.text()
    assert "1 of 2 photos have no original in the store" in summary
    assert "1 originals are not referred to by any photo" in summary


def test_a_batch_the_store_cannot_take_to_the_end_says_what_was_added(
        qtbot: Any, window: Any, context: Any, answers: Any, monkeypatch: Any,
        tmp_path: Path) -> None:
    item = _item_with_findings(context)
    panel = _open_item(qtbot, window, item).photos
    paths = [_write(tmp_path / f"board-{n}.jpg", colour=(n * 60, 1, 1)) for n in range(1, 4)]
    stored: list[str] = []
    store_original = BlobStore.add

    def add(blobs: BlobStore, sha256: str, data: bytes, media_type: str) -> bool:
        stored.append(sha256)
        if len(stored) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return store_original(blobs, sha256, data, media_type)

    monkeypatch.setattr(BlobStore, "add", add)
    panel.controller.add_paths([str(p) for p in paths])
    settle(qtbot, context)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert answers.shown[-1] == (
        "Adding photos stopped: 1 photo added.\n\nStopped at board-2.jpg, which was not "
        "added: the disk holding the store is full; free some space and try again\nThe "
        "photos added before it are kept; add the others again once the problem is solved."
        "\n\n1 not attempted:\n• board-3.jpg")
    assert panel.message.text() == "1 photo added; stopped at board-2.jpg"
    assert [p.file_name for p in photos.photos_of(context.store, item=item.id)] == [
        "board-1.jpg"]


def test_export_writes_redacted_copies_of_the_items_photos(
        qtbot: Any, window: Any, context: Any, answers: Any, monkeypatch: Any,
        tmp_path: Path) -> None:
    item = _item_with_findings(context)
    _add(context, item, 2, gps=True)
    _open_item(qtbot, window, item)
    out = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, names, current, *a: (names[current], True))
    window.export_photos_action.trigger()
    settle(qtbot, context)
    written = sorted(out.iterdir())
    assert len(written) == 2 and all("redacted" in p.name for p in written)
    assert not Image.open(written[0]).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert "2 redacted copies written" in answers.shown[-1]
    assert photo_tools.REDACTED.startswith("Redacted")


def test_photo_role_gives_the_dto(qtbot: Any, window: Any, context: Any) -> None:
    item = _item_with_findings(context)
    (photo,) = _add(context, item, 1)
    panel = _open_item(qtbot, window, item).photos
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.data(panel.model.index(0), PhotoRole).sha256 == photo.sha256
