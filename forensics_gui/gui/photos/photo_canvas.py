"""The picture in the viewer: zoom, pan, a rotated view, and annotation rectangles.

Annotation rectangles are children of the picture item and placed in its (upright) pixel
coordinates, so they follow zoom and the view's rotation, and stored fractions never depend
on how the picture is looked at.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from forensics_gui.core.records import PhotoAnnotation
from forensics_gui.gui.kit.i18n import translate

MIN_ZOOM, MAX_ZOOM = 0.02, 16.0
ZOOM_STEP = 1.25
MIN_REGION_PX = 6  # a drag shorter than this on screen is a click, not a region
MARK = QColor("#ffc400")
MARK_SELECTED = QColor("#ff3d00")


def annotation_text(annotation: PhotoAnnotation) -> str:
    """The label drawn by a region: the user's label, then what the finding is (its part
    number or the first line of its marking) unless the label already says it."""
    label = annotation.label.strip()
    lines = (annotation.finding_label or "").strip().splitlines()
    finding = lines[0].strip() if lines else ""
    if finding and _said(finding, label):
        finding = ""
    return " · ".join(p for p in (label, finding) if p) or translate("photo_canvas",
                                                                      "(no label)")


def _said(name: str, label: str) -> bool:
    """Whether `label` already holds `name` (case, spaces and dashes aside)."""
    def key(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    return bool(key(name)) and key(name) in key(label)


class AnnotationItem(QGraphicsRectItem):
    """A marked region with its label; the label stays upright and readable at any zoom."""

    def __init__(self, annotation: PhotoAnnotation, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(rect, parent)
        self.annotation = annotation
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(annotation_text(annotation) + (
            "\n" + translate("photo_canvas", "Click to open the finding")
            if annotation.finding_id else ""))
        self.tag = QGraphicsRectItem(self)
        self.tag.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.tag.setPen(QPen(Qt.PenStyle.NoPen))
        self.text = QGraphicsSimpleTextItem(annotation_text(annotation), self.tag)
        self.text.setBrush(QBrush(QColor("#111111")))
        bounds = self.text.boundingRect()
        self.tag.setRect(QRectF(0, 0, bounds.width() + 8, bounds.height() + 4))
        self.text.setPos(4, 2)
        self.tag.setPos(rect.topLeft())
        self._style(False)

    def _style(self, selected: bool) -> None:
        colour = MARK_SELECTED if selected else MARK
        pen = QPen(colour, 3 if selected else 2)
        pen.setCosmetic(True)  # the same width on screen at any zoom
        self.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(45)
        self.setBrush(fill)
        self.tag.setBrush(colour)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._style(bool(value))
        return super().itemChange(change, value)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        option.state &= ~QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        super().paint(painter, option, widget)


class PhotoCanvas(QGraphicsView):
    """Shows one picture; emits what the user clicks or marks."""

    annotation_clicked = Signal(object)  # PhotoAnnotation
    region_drawn = Signal(QRectF)  # fractions of the upright picture
    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.picture = QGraphicsPixmapItem()
        self.picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.picture)
        self.zoom, self.rotation, self.fitted = 1.0, 0, True
        self.annotating = False
        self._drag_start: QPointF | None = None
        self._press_at = QPoint()
        self._rubber: QGraphicsRectItem | None = None
        self._on_annotation = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing |
                            QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QColor("#1b1b1b"))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # ---------------------------------------------------------------- picture
    def has_picture(self) -> bool:
        return not self.picture.pixmap().isNull()

    def picture_size(self) -> QSizeF:
        return self.picture.pixmap().deviceIndependentSize()

    def clear(self) -> None:
        """Nothing shown (while the next picture loads)."""
        self.set_annotations([])
        self.picture.setPixmap(QPixmap())

    def set_picture(self, pixmap: QPixmap) -> None:
        """Show `pixmap` (already upright); the view rotation is kept. A sharper copy of the
        picture already shown keeps the zoom the user chose; anything else is fitted."""
        before = self.picture_size().width()
        self.picture.setPixmap(pixmap)
        self.scene().setSceneRect(self.picture.boundingRect())
        if before > 0 and not self.fitted:
            self.zoom *= before / max(self.picture_size().width(), 1.0)
            self._apply()
        else:
            self.fit()

    def set_annotations(self, annotations: list[PhotoAnnotation]) -> None:
        for item in self.annotation_items():
            self.scene().removeItem(item)
        if not self.has_picture():
            return
        for annotation in annotations:
            AnnotationItem(annotation, self.from_fractions(
                annotation.x, annotation.y, annotation.width, annotation.height), self.picture)

    def annotation_items(self) -> list[AnnotationItem]:
        return [i for i in self.picture.childItems() if isinstance(i, AnnotationItem)]

    def selected_annotations(self) -> list[PhotoAnnotation]:
        return [i.annotation for i in self.annotation_items() if i.isSelected()]

    def from_fractions(self, x: float, y: float, width: float, height: float) -> QRectF:
        size = self.picture_size()
        return QRectF(x * size.width(), y * size.height(), width * size.width(),
                      height * size.height())

    def to_fractions(self, rect: QRectF) -> QRectF:
        size = self.picture_size()
        inside = rect.normalized().intersected(QRectF(QPointF(0, 0), size))
        return QRectF(inside.x() / size.width(), inside.y() / size.height(),
                      inside.width() / size.width(), inside.height() / size.height())

    # ------------------------------------------------------------- transform
    def _apply(self) -> None:
        self.setTransform(QTransform().rotate(self.rotation).scale(self.zoom, self.zoom))
        self.view_changed.emit()

    def zoom_by(self, factor: float) -> None:
        self.zoom = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)
        self.fitted = False
        self._apply()

    def fit(self) -> None:
        """The whole picture in the window (F)."""
        self.fitted = True
        size = self.picture_size()
        if size.isEmpty():
            self._apply()
            return
        width, height = size.width(), size.height()
        if self.rotation % 180:
            width, height = height, width
        view = self.viewport().size()
        self.zoom = max(min((view.width() - 4) / width, (view.height() - 4) / height), MIN_ZOOM)
        self._apply()
        self.centerOn(self.picture)

    def actual_size(self) -> None:
        """One picture pixel on one screen pixel (1)."""
        self.zoom = 1.0 / max(self.devicePixelRatioF(), 1.0)
        self.fitted = False
        self._apply()

    def rotate_view(self) -> None:
        """Turn the view (never the picture) a quarter turn clockwise (R)."""
        self.rotation = (self.rotation + 90) % 360
        if self.fitted:
            self.fit()
        else:
            self._apply()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps)
        event.accept()

    # ----------------------------------------------------------------- mouse
    def set_annotating(self, on: bool) -> None:
        """In annotate mode a drag marks a region instead of moving the picture."""
        self.annotating = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on
                         else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on
                                  else Qt.CursorShape.OpenHandCursor)

    def annotation_at(self, position: QPoint) -> AnnotationItem | None:
        for item in self.items(position):
            while item is not None and not isinstance(item, AnnotationItem):
                item = item.parentItem()
            if item is not None:
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        position = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self.has_picture():
            if self.annotating:
                self._start_region(position)
                event.accept()
                return
            item = self.annotation_at(position)
            if item is not None:
                self.scene().clearSelection()
                item.setSelected(True)
                self._on_annotation = True
                self.annotation_clicked.emit(item.annotation)
                event.accept()
                return
            self.scene().clearSelection()
        super().mousePressEvent(event)

    def _start_region(self, position: QPoint) -> None:
        self._press_at = position
        self._drag_start = self.picture.mapFromScene(self.mapToScene(position))
        self._rubber = QGraphicsRectItem(QRectF(self._drag_start, self._drag_start),
                                         self.picture)
        pen = QPen(MARK, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._rubber.setPen(pen)

    def _region_to(self, position: QPoint) -> QRectF:
        end = self.picture.mapFromScene(self.mapToScene(position))
        bounds = QRectF(QPointF(0, 0), self.picture_size())
        return QRectF(self._drag_start or end, end).normalized().intersected(bounds)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._rubber is not None:
            self._rubber.setRect(self._region_to(event.position().toPoint()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._on_annotation:  # not a click on the background: keep the selection
            self._on_annotation = False
            event.accept()
            return
        if self._rubber is None:
            super().mouseReleaseEvent(event)
            return
        position = event.position().toPoint()
        region = self._region_to(position)
        self.scene().removeItem(self._rubber)
        self._rubber, self._drag_start = None, None
        moved = position - self._press_at
        event.accept()
        if min(abs(moved.x()), abs(moved.y())) >= MIN_REGION_PX and not region.isEmpty():
            self.region_drawn.emit(self.to_fractions(region))
