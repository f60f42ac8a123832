"""The view the supply graph is drawn in: wheel to zoom, drag to pan, click to open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from forensics_gui.gui.graph.graph_scene import EdgeItem, EdgeLabelItem, NodeItem

BACKGROUND = QColor("#FAFBFC")
MIN_SCALE, MAX_SCALE = 0.03, 4.0
READABLE_SCALE = 0.6  # below this the names on the boxes are hard to read


class GraphCanvas(QGraphicsView):
    """Zoom with the wheel, pan by dragging, click a company or an arrow to open it."""

    node_clicked = Signal(object)  # organization id
    edge_clicked = Signal(object, object)  # EdgeItem, where (global position) for a menu

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing |
                            QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(BACKGROUND)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._pressed_at: QPoint | None = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.15 ** steps)
        event.accept()

    def zoom(self, factor: float) -> None:
        """Scale the view by `factor`, within readable limits."""
        current = self.transform().m11()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        self.scale(factor, factor)

    def fit(self) -> None:
        """Show the whole graph, never larger than its natural size."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.transform().m11()
        if scale > 1.0:
            self.resetTransform()
            self.centerOn(rect.center())
        elif scale < MIN_SCALE:
            self.zoom(MIN_SCALE / scale)

    def first_view(self) -> None:
        """The whole graph if it can be read that way, else its beginning (the title, the
        legend and the makers) at a readable size."""
        self.fit()
        if self.transform().m11() < READABLE_SCALE:
            self.resetTransform()
            self.scale(READABLE_SCALE, READABLE_SCALE)
            for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
                bar.setValue(bar.minimum())

    def mousePressEvent(self, event: Any) -> None:
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: Any) -> None:
        super().mouseReleaseEvent(event)
        start, self._pressed_at = self._pressed_at, None
        where = event.position().toPoint()
        if start is None or (where - start).manhattanLength() > 4:
            return  # a drag that panned the view, not a click
        if event.button() == Qt.MouseButton.LeftButton:
            self.click_at(where, event.globalPosition().toPoint())

    def click_at(self, where: QPoint, global_position: QPoint | None = None) -> None:
        """What a click at `where` (viewport coordinates) opens."""
        for item in self.items(where):
            if isinstance(item, NodeItem):
                self.node_clicked.emit(item.node.id)
                return
            if isinstance(item, EdgeLabelItem):
                item = item.edge
            if isinstance(item, EdgeItem):
                self.edge_clicked.emit(item, global_position or self.mapToGlobal(where))
                return
