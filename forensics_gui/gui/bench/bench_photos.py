"""The photos beside the bench: the chosen photo of the item large, with its annotations (the
selected row's regions highlighted); a region drawn here is linked to a row (see
BenchController). The photos are listed by the gallery's model, in a compact list that leaves
the height to the picture."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.records import Photo, PhotoAnnotation
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.photos.photo_canvas import PhotoCanvas
from forensics_gui.gui.photos.photo_panel import PhotoController
from forensics_gui.gui.photos.photo_viewer import fetch_display, fetch_preview

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

CACHED_PICTURES = 4
HINT = QT_TRANSLATE_NOOP("BenchPhotos", "Annotate (A), then drag around a component: the "
                                        "region is linked to the selected row, or, on the new "
                                        "row, starts a row named by its label.")
NO_PHOTOS = QT_TRANSLATE_NOOP("BenchPhotos", "No photos of this item yet. Add them on its "
                                             "Photos tab (drop files or a folder there, or "
                                             "paste a picture); they show here to be "
                                             "annotated.")
ICON = 28


class BenchPhotos(QWidget):
    """The item's photos; emits `region_drawn(photo, fractions)` in annotate mode and
    `annotation_clicked(annotation)`."""

    region_drawn = Signal(object, QRectF)
    annotation_clicked = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = PhotoController(context, self)
        self.model = self.controller.model
        self.annotations: dict[UUID, list[PhotoAnnotation]] = {}
        self.highlighted: UUID | None = None
        self.shown: Photo | None = None
        self._pictures: OrderedDict[UUID, QImage] = OrderedDict()
        self.chooser = QComboBox()
        self.chooser.setModel(self.model)
        self.chooser.setIconSize(QSize(ICON, ICON))
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(8)
        self.canvas = PhotoCanvas()
        self._build()
        self.chooser.currentIndexChanged.connect(
            lambda row: self._show(self.model.photo_at(row)))
        self.model.modelReset.connect(self._listed)
        self.canvas.region_drawn.connect(self._drawn)
        self.canvas.annotation_clicked.connect(self.annotation_clicked)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        self.annotate = self._tool(translate("BenchPhotos", "Annotate"), "A",
                                   translate("BenchPhotos", "Drag a rectangle around a "
                                                            "component"))
        self.annotate.setCheckable(True)
        self.annotate.toggled.connect(self.canvas.set_annotating)
        self.fit = self._tool(translate("BenchPhotos", "Fit"), "F",
                              translate("BenchPhotos", "The whole photo in view"))
        self.fit.clicked.connect(self.canvas.fit)
        self.open_viewer = self._tool(translate("BenchPhotos", "Viewer…"), "",
                                      translate("BenchPhotos",
                                                "Open the photo in the photo viewer"))
        self.open_viewer.clicked.connect(
            lambda: self.controller.open_viewer(self.chooser.currentIndex()))
        self.count = QLabel()
        tools.addWidget(self.chooser, 1)
        tools.addWidget(self.count)
        for button in (self.annotate, self.fit, self.open_viewer):
            tools.addWidget(button)
        layout.addLayout(tools)
        layout.addWidget(self.canvas, 1)
        self.empty = QLabel(translate("BenchPhotos", NO_PHOTOS))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.empty.hide()
        layout.addWidget(self.empty, 1)
        self.hint = QLabel(translate("BenchPhotos", HINT))
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        layout.addWidget(self.hint)

    def _tool(self, text: str, key: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(f"{tip} ({key})" if key else tip)
        if key:
            action = QAction(text, self.canvas)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(button.click)
            self.canvas.addAction(action)
        return button

    # ------------------------------------------------------------------ showing
    def show_item(self, item: Any) -> None:
        self.shown = None
        self.canvas.clear()
        self.controller.show_item(item)

    def set_annotations(self, by_photo: dict[UUID, list[PhotoAnnotation]]) -> None:
        self.annotations = by_photo
        self._draw()

    def highlight(self, finding_id: UUID | None) -> None:
        """Mark the regions of `finding_id`; when the photo shown has none, show the first
        photo that has."""
        self.highlighted = finding_id
        if finding_id is not None and not self._regions_of(self.shown, finding_id):
            for row, photo in enumerate(self.model.photos()):
                if self._regions_of(photo, finding_id):
                    self.chooser.setCurrentIndex(row)
                    return
        self._select_regions()

    def current_photo(self) -> Photo | None:
        return self.shown

    def _regions_of(self, photo: Photo | None, finding_id: UUID) -> list[PhotoAnnotation]:
        if photo is None:
            return []
        return [a for a in self.annotations.get(photo.id, []) if a.finding_id == finding_id]

    def _listed(self) -> None:
        n = self.model.rowCount()
        self.count.setText(translate("BenchPhotos", "of {count}").format(count=f"{n:,}"))
        for widget in (self.canvas, self.hint, self.chooser, self.count, self.annotate, self.fit,
                       self.open_viewer):
            widget.setVisible(n > 0)
        self.empty.setVisible(n == 0)
        row = self.model.row_of(self.shown.id if self.shown is not None else None)
        if row < 0 and n:
            row = 0
        if row >= 0:
            self.chooser.setCurrentIndex(row)
            self._show(self.model.photo_at(row))
        else:
            self.shown = None
            self.canvas.clear()

    def _show(self, photo: Photo | None) -> None:
        if photo is None or (self.shown is not None and photo.id == self.shown.id
                             and self.canvas.has_picture()):
            return
        self.shown = photo
        image = self._pictures.get(photo.id)
        if image is not None:
            self._picture(photo, image)
            return
        self.canvas.clear()
        self.context.run(fetch_preview, self.context.store, photo,
                         on_done=lambda preview: self._preview(photo, preview),
                         on_error=lambda _e, _t: None)
        self.context.run(fetch_display, self.context.store, photo,
                         on_done=lambda image: self._fetched(photo, image),
                         on_error=lambda _e, _t: None)

    def _preview(self, photo: Photo, preview: QImage) -> None:
        if self.shown is photo and photo.id not in self._pictures and not preview.isNull():
            self.canvas.set_picture(QPixmap.fromImage(preview))
            self._draw()

    def _fetched(self, photo: Photo, image: QImage) -> None:
        if image.isNull():
            return
        self._pictures[photo.id] = image
        while len(self._pictures) > CACHED_PICTURES:
            self._pictures.popitem(last=False)
        if self.shown is photo:
            self._picture(photo, image)

    def _picture(self, photo: Photo, image: QImage) -> None:
        self._pictures.move_to_end(photo.id)
        self.canvas.set_picture(QPixmap.fromImage(image))
        self._draw()

    def _draw(self) -> None:
        if self.shown is None:
            return
        self.canvas.set_annotations(self.annotations.get(self.shown.id, []))
        self._select_regions()

    def _select_regions(self) -> None:
        for item in self.canvas.annotation_items():
            item.setSelected(self.highlighted is not None and
                             item.annotation.finding_id == self.highlighted)

    def _drawn(self, fractions: QRectF) -> None:
        if self.shown is not None:
            self.region_drawn.emit(self.shown, fractions)
