"""The photo viewer window: one picture large, its annotations, next and previous.

The window holds the layout and the keys; ViewerController fetches pictures (display
copies, already upright) and annotations on the worker and writes annotations.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.fields import describe
from forensics_gui.core.records import Photo, PhotoAnnotation
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import photos as photo_service
from forensics_gui.gui.kit.lazy import records
from forensics_gui.gui.photos.photo_canvas import ZOOM_STEP, PhotoCanvas

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

CACHED_PICTURES = 5


def fetch_display(store: Any, photo: Photo) -> QImage:
    """On the worker: the display copy, decoded (QImage is safe off the main thread)."""
    return QImage.fromData(photo_service.picture(store, photo, "display"))


def fetch_preview(store: Any, photo: Photo) -> QImage:
    """On the worker: the small upright copy made when the photo was added."""
    return QImage.fromData(photo_service.picture(store, photo, "thumb"))


def fetch_annotations(store: Any, photo_id: UUID) -> list[PhotoAnnotation]:
    return list(records.list_records(store, "annotation", filters={"photo_id": photo_id},
                                     limit=1000).rows)


def fetch_findings(store: Any, item_id: UUID) -> list[Any]:
    return list(records.list_records(store, "finding", filters={"item_id": item_id},
                                     limit=1000).rows)


def finding_names(findings: list[Any]) -> list[str]:
    """One distinct line per finding, for choosing which one a rectangle shows."""
    names: list[str] = []
    for finding in findings:
        name = describe("finding", finding)
        if finding.location:
            name += f" ({finding.location})"
        names.append(name if name not in names else f"{name} #{len(names) + 1}")
    return names


class PhotoViewer(QWidget):
    """A window showing one photo of a list; emits `open_finding_requested(finding id)`."""

    open_finding_requested = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("PhotoViewer", "Photo"))
        self.resize(1100, 800)
        self.canvas = PhotoCanvas()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.position = QLabel()
        self.zoom_label = QLabel()
        self.status = QLabel()
        self._build_actions()
        self._build_layout()
        self.controller = ViewerController(context, self)
        self.canvas.view_changed.connect(self._show_zoom)
        self.canvas.annotation_clicked.connect(self.controller.annotation_clicked)
        self.canvas.region_drawn.connect(self.controller.region_drawn)

    def _action(self, text: str, keys: tuple[Any, ...], slot: Any, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setToolTip(f"{tip or text} ({QKeySequence(keys[0]).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a, c = self._action, self.canvas
        self.previous_action = a(translate("PhotoViewer", "◀ Previous"),
                                 (Qt.Key.Key_Left, Qt.Key.Key_PageUp),
                                 lambda: self.controller.go(-1),
                                 translate("PhotoViewer", "Previous photo"))
        self.next_action = a(translate("PhotoViewer", "Next ▶"),
                             (Qt.Key.Key_Right, Qt.Key.Key_PageDown),
                             lambda: self.controller.go(1), translate("PhotoViewer", "Next photo"))
        self.zoom_in_action = a(translate("PhotoViewer", "Zoom in"),
                                (Qt.Key.Key_Plus, Qt.Key.Key_Equal,
                                 QKeySequence.StandardKey.ZoomIn), lambda: c.zoom_by(ZOOM_STEP))
        self.zoom_out_action = a(translate("PhotoViewer", "Zoom out"),
                                 (Qt.Key.Key_Minus, QKeySequence.StandardKey.ZoomOut),
                                 lambda: c.zoom_by(1 / ZOOM_STEP))
        self.fit_action = a(translate("PhotoViewer", "Fit"), (Qt.Key.Key_F,), c.fit,
                            translate("PhotoViewer", "Fit the picture in the window"))
        self.actual_action = a("100%", (Qt.Key.Key_1,), c.actual_size,
                               translate("PhotoViewer", "Actual pixels"))
        self.rotate_action = a(translate("PhotoViewer", "Rotate view"), (Qt.Key.Key_R,),
                               c.rotate_view, translate(
                                   "PhotoViewer",
                                   "Turn the view a quarter turn (the photo is not changed)"))
        self.annotate_action = a(translate("PhotoViewer", "Annotate"), (Qt.Key.Key_A,),
                                 self._annotate_toggled, translate(
                                     "PhotoViewer",
                                     "Drag a rectangle around a component to mark it"))
        self.annotate_action.setCheckable(True)
        self.delete_action = a(translate("PhotoViewer", "Delete annotation"),
                               (Qt.Key.Key_Delete,), lambda: self.controller.delete_selected(),
                               translate("PhotoViewer", "Delete the selected annotation"))
        self.close_action = a(translate("PhotoViewer", "Close"),
                              (QKeySequence.StandardKey.Close,), self.close,
                              translate("PhotoViewer", "Close the viewer"))
        self.close_action.setToolTip(translate("PhotoViewer", "Close the viewer (Esc)"))
        self.escape_action = a(translate("PhotoViewer", "Leave annotate mode or close"),
                               (Qt.Key.Key_Escape,), self.escape)

    def _build_layout(self) -> None:
        toolbar = QToolBar()
        for action in (self.previous_action, self.next_action, None, self.zoom_out_action,
                       self.zoom_in_action, self.fit_action, self.actual_action,
                       self.rotate_action, None, self.annotate_action, self.delete_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        spacer = QWidget()  # Close at the far end, where windows keep it
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.close_action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.canvas, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(8, 6, 8, 6)
        bottom.setSpacing(18)
        bottom.addWidget(self.caption, 1)
        for label in (self.status, self.zoom_label, self.position):
            bottom.addWidget(label)
        layout.addLayout(bottom)

    def escape(self) -> None:
        """Esc leaves annotate mode first; pressed again (or outside it), closes."""
        if self.annotate_action.isChecked():
            self.annotate_action.setChecked(False)
            self._annotate_toggled()
        else:
            self.close()

    def _annotate_toggled(self) -> None:
        on = self.annotate_action.isChecked()
        self.canvas.set_annotating(on)
        self.status.setText(translate("PhotoViewer", "Drag a rectangle around a component")
                            if on else "")

    def _show_zoom(self) -> None:
        turned = translate("PhotoViewer", " · view turned {degrees}°").format(
            degrees=self.canvas.rotation) if self.canvas.rotation else ""
        self.zoom_label.setText(f"{self.canvas.zoom * 100:.0f}%{turned}")

    def show_photo_info(self, photo: Photo, index: int, total: int) -> None:
        """Title, caption and position of the photo being shown."""
        name = photo.file_name or photo.sha256[:12]
        self.setWindowTitle(f"{name} — "
                            f"{photo.item_case_reference or translate('PhotoViewer', 'photo')}")
        self.caption.setText(photo.caption or translate(
            "PhotoViewer", "<i>{name}</i> (no caption)").format(name=name))
        self.position.setText(translate("PhotoViewer", "{number} of {total}").format(
            number=index + 1, total=total))
        self.previous_action.setEnabled(index > 0)
        self.next_action.setEnabled(index < total - 1)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.closed()
        super().closeEvent(event)


class ViewerController(QObject):
    """Which photo is shown, fetching it, and reading and writing its annotations."""

    picture_shown = Signal(object)  # the Photo whose display copy is now on screen
    annotations_shown = Signal(object)  # the Photo whose annotations are drawn

    def __init__(self, context: AppContext, view: PhotoViewer) -> None:
        super().__init__(view)
        self.context, self.view = context, view
        self.photos: list[Photo] = []
        self.index = -1
        self._pictures: OrderedDict[UUID, QImage] = OrderedDict()
        self._fetching: set[UUID] = set()
        self.shown: UUID | None = None  # the photo whose display copy is on screen
        self.annotations: list[PhotoAnnotation] = []

    @property
    def photo(self) -> Photo | None:
        return self.photos[self.index] if 0 <= self.index < len(self.photos) else None

    def show_photos(self, photos: list[Photo], index: int) -> None:
        """Show photo `index` of `photos`; next and previous move through the list."""
        self.photos = list(photos)
        self.index = min(max(index, 0), len(self.photos) - 1)
        self._show_current()

    def go(self, delta: int) -> None:
        index = self.index + delta
        if 0 <= index < len(self.photos) and index != self.index:
            self.index = index
            self._show_current()

    def closed(self) -> None:
        self._pictures.clear()

    # -------------------------------------------------------------- pictures
    def _show_current(self) -> None:
        photo = self.photo
        if photo is None:
            return
        self.view.show_photo_info(photo, self.index, len(self.photos))
        self.annotations = []
        image = self._pictures.get(photo.id)
        self.shown = None
        self.view.canvas.clear()
        if image is None:
            self.view.status.setText(translate("PhotoViewer", "Loading…"))
            if photo.id not in self._fetching:  # the thumbnail first: something at once
                self.context.run(fetch_preview, self.context.store, photo,
                                 on_done=lambda preview: self._preview(photo, preview),
                                 on_error=lambda _e, _t: None)
            self._fetch(photo)
        else:
            self._show_picture(photo, image)
        self._load_annotations(photo)

    def _preview(self, photo: Photo, preview: QImage) -> None:
        if self.photo is None or self.photo.id != photo.id or self.shown == photo.id or \
                preview.isNull():
            return
        self.view.canvas.set_picture(QPixmap.fromImage(preview))
        self.view.canvas.set_annotations(self.annotations)
        self.view.status.setText(translate("PhotoViewer", "Loading the full picture…"))

    def _fetch(self, photo: Photo) -> None:
        if photo.id in self._fetching:
            return
        self._fetching.add(photo.id)
        self.context.run(fetch_display, self.context.store, photo,
                         on_done=lambda image: self._fetched(photo, image),
                         on_error=lambda e, t: self._fetch_failed(photo, e, t))

    def _fetched(self, photo: Photo, image: QImage) -> None:
        self._fetching.discard(photo.id)
        self._pictures[photo.id] = image
        while len(self._pictures) > CACHED_PICTURES:
            self._pictures.popitem(last=False)
        if self.photo is not None and self.photo.id == photo.id:
            self._show_picture(photo, image)

    def _fetch_failed(self, photo: Photo, error: BaseException, trace: str) -> None:
        self._fetching.discard(photo.id)
        if self.photo is not None and self.photo.id == photo.id:
            self.view.status.setText(translate("PhotoViewer", "The picture cannot be shown"))
        self.context.show_error(error, trace)

    def _show_picture(self, photo: Photo, image: QImage) -> None:
        self._pictures.move_to_end(photo.id)
        self.view.canvas.set_picture(QPixmap.fromImage(image))
        self.view.canvas.set_annotations(self.annotations)
        self.view.status.setText("")
        self.shown = photo.id
        self.picture_shown.emit(photo)
        for neighbour in (self.index + 1, self.index - 1):  # next/previous feel instant
            if 0 <= neighbour < len(self.photos) and \
                    self.photos[neighbour].id not in self._pictures:
                self._fetch(self.photos[neighbour])

    # ----------------------------------------------------------- annotations
    def _load_annotations(self, photo: Photo) -> None:
        self.context.run(fetch_annotations, self.context.store, photo.id,
                         on_done=lambda found: self._annotations_loaded(photo, found))

    def _annotations_loaded(self, photo: Photo, found: list[PhotoAnnotation]) -> None:
        if self.photo is None or self.photo.id != photo.id:
            return
        self.annotations = found
        self.view.canvas.set_annotations(found)
        self.annotations_shown.emit(photo)

    def annotation_clicked(self, annotation: PhotoAnnotation) -> None:
        if annotation.finding_id is not None:
            self.view.status.setText(translate("PhotoViewer", "Opened the finding {label}").format(
                label=annotation.finding_label).strip())
            self.view.open_finding_requested.emit(annotation.finding_id)

    def region_drawn(self, fractions: QRectF) -> None:
        """Ask which finding the region shows and its label, then save it."""
        photo = self.photo
        if photo is None or photo.item_id is None:
            return
        self.context.run(fetch_findings, self.context.store, photo.item_id,
                         on_done=lambda found: self._ask_and_create(photo, fractions, found))

    def _ask_and_create(self, photo: Photo, fractions: QRectF, findings: list[Any]) -> None:
        names = finding_names(findings)
        default = next((n for n, f in enumerate(findings) if f.id == photo.finding_id), 0)
        choice, ok = QInputDialog.getItem(
            self.view, translate("PhotoViewer", "Mark a component"),
            translate("PhotoViewer", "Which finding does the rectangle show?"),
            [*names, translate("PhotoViewer", "No finding (a label only)")], default, False)
        if not ok:
            return
        finding = findings[names.index(choice)] if choice in names else None
        # The finding's part number (or marking) is drawn beside the label anyway: the label
        # is for what the photo alone shows, such as the board position.
        shown = (finding.part_number or finding.marking or "").strip().split("\n")[0] \
            if finding is not None else ""
        prompt = (translate("PhotoViewer", "Label shown on the photo beside {finding} (e.g. "
                            "U12):").format(finding=shown) if shown
                  else translate("PhotoViewer", "Label shown on the photo (e.g. U12):"))
        label, ok = QInputDialog.getText(self.view, translate("PhotoViewer", "Mark a component"),
                                         prompt)
        if ok:
            self.create_annotation(photo, finding.id if finding else None, label.strip(),
                                   fractions)

    def create_annotation(self, photo: Photo, finding_id: UUID | None, label: str,
                          fractions: QRectF | tuple[float, float, float, float]) -> None:
        """Save a rectangle given as fractions (left, top, width, height) of the upright
        picture."""
        if isinstance(fractions, QRectF):
            fractions = (fractions.x(), fractions.y(), fractions.width(), fractions.height())
        x, y, width, height = (min(max(v, 0.0), 1.0) for v in fractions)
        values = {"photo_id": photo.id, "label": label, "x": round(x, 6), "y": round(y, 6),
                  "width": round(min(width, 1.0 - x), 6),
                  "height": round(min(height, 1.0 - y), 6)}
        if finding_id is not None:
            values["finding_id"] = finding_id
        self.context.run(records.create, self.context.store, "annotation", values,
                         on_done=self._annotation_written,
                         label=translate("PhotoViewer", "Saving the annotation…"))

    def _annotation_written(self, annotation: PhotoAnnotation | None) -> None:
        if self.photo is not None:
            self._load_annotations(self.photo)

    def delete_selected(self) -> None:
        """Delete the selected annotation after asking."""
        chosen = self.view.canvas.selected_annotations()
        if not chosen:
            self.view.status.setText(translate("PhotoViewer",
                                               "Click an annotation first, then press Delete"))
            return
        unlabelled = translate("PhotoViewer", "unlabelled")
        names = ", ".join(f"“{a.label or a.finding_label or unlabelled}”" for a in chosen)
        answer = QMessageBox.question(
            self.view, translate("PhotoViewer", "Delete annotation"), translate(
                "PhotoViewer", "Delete the annotation {names}? The photo and the finding stay; "
                "the deletion is recorded in the audit trail.").format(names=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        for annotation in chosen:
            self.context.run(records.delete, self.context.store, "annotation", annotation.id,
                             annotation.version, on_done=lambda _: self._annotation_written(None))
