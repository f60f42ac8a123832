"""One chart on screen: drawn at the width it is given, its numbers shown under the pointer,
a click on a bar or slice asks for the findings behind it; copy, save as PNG or SVG, export
its data as CSV from its menu (the ⋯ button or a right click)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QWidget,
)

from forensics_gui.core.analytics import Bar, Figure
from forensics_gui.core.chart_shapes import ChartLayout
from forensics_gui.core.charts import describe_bar, describe_markers, layout_chart
from forensics_gui.core.errors import KnownError
from forensics_gui.gui.analytics.chart_export import copy_chart, save_chart
from forensics_gui.gui.analytics.chart_painter import measure, paint_chart
from forensics_gui.gui.kit.i18n import translate

NARROWEST = 300


def chart_words(text: str) -> str:
    """A chart's fixed words (core.charts) in the interface's language."""
    return translate("charts", text)


class ChartView(QWidget):
    """Emits `bar_clicked(Bar)` when a bar that leads somewhere is clicked: to the findings
    it counts (its filters) or to the finding it shows (a table's row)."""

    bar_clicked = Signal(object)

    def __init__(self, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.hovered: int | None = None
        self._layouts: dict[int, ChartLayout] = {}
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(figure.title)
        self.menu = self._menu()
        self.menu_button = QToolButton(
            self, text="⋯", toolTip=translate("ChartView", "Copy, save or export this chart"))
        self.menu_button.setAutoRaise(True)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(self.menu)

    def _menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(translate("ChartView", "&Copy image"), self.copy)
        menu.addAction(translate("ChartView", "Save as &PNG…"), lambda: self.save_dialog(".png"))
        menu.addAction(translate("ChartView", "Save as &SVG…"), lambda: self.save_dialog(".svg"))
        menu.addAction(translate("ChartView", "Export data as C&SV…"),
                       lambda: self.save_dialog(".csv"))
        return menu

    # ------------------------------------------------------------------ geometry
    def chart_layout(self, width: int | None = None) -> ChartLayout:
        """The chart laid out at `width` (by default the widget's)."""
        width = max(width if width is not None else self.width(), NARROWEST)
        if width not in self._layouts:
            if len(self._layouts) > 8:
                self._layouts.clear()
            self._layouts[width] = layout_chart(self.figure, width, measure, words=chart_words)
        return self._layouts[width]

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(self.chart_layout(width).height)

    def sizeHint(self) -> QSize:
        return QSize(480, self.heightForWidth(480))

    def minimumSizeHint(self) -> QSize:
        return QSize(NARROWEST, self.heightForWidth(NARROWEST))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.menu_button.move(self.width() - self.menu_button.sizeHint().width() - 4, 4)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_chart(painter, self.chart_layout(), self.hovered)
        painter.end()

    # ------------------------------------------------------------------ pointer
    def bar_at(self, point: QPoint) -> int | None:
        return self.chart_layout().bar_at(point.x(), point.y())

    def hover_text(self, point: QPoint) -> str:
        """What the pointer shows at `point`: the bar's numbers, and the reference dates
        whose line it is on."""
        index = self.bar_at(point)
        markers = self.chart_layout().markers_at(point.x(), point.y())
        parts = [describe_bar(self.figure, index, chart_words) if index is not None else "",
                 describe_markers(markers, chart_words) if markers else ""]
        return "\n\n".join(part for part in parts if part)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        index = self.bar_at(point)
        if index != self.hovered:
            self.hovered = index
            self.update()
        clickable = index is not None and _leads_somewhere(self.figure.bars[index])
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable
                       else Qt.CursorShape.ArrowCursor)
        text = self.hover_text(point)
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event: object) -> None:
        if self.hovered is not None:
            self.hovered = None
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.bar_at(event.position().toPoint())
        if index is not None and _leads_somewhere(self.figure.bars[index]):
            self.bar_clicked.emit(self.figure.bars[index])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu.exec(event.globalPos())

    # ------------------------------------------------------------------ export
    def copy(self) -> None:
        copy_chart(self.chart_layout())

    def save_dialog(self, suffix: str) -> None:
        kinds = {".png": translate("ChartView", "PNG image (*.png)"),
                 ".svg": translate("ChartView", "SVG drawing (*.svg)"),
                 ".csv": translate("ChartView", "Comma-separated values (*.csv)")}
        path, _chosen = QFileDialog.getSaveFileName(
            self, translate("ChartView", "Export data") if suffix == ".csv"
            else translate("ChartView", "Save chart"),
            f"{self.figure.name}{suffix}", kinds[suffix])
        if path:
            self.save(path if Path(path).suffix else path + suffix)

    def save(self, path: str | Path) -> Path | None:
        """Write the chart (PNG, SVG) or its data (CSV) to `path`; a refusal is shown."""
        try:
            return save_chart(self.chart_layout(), path)
        except KnownError as error:
            QMessageBox.warning(self, translate("ChartView", "Save chart"), str(error))
            return None


def _leads_somewhere(bar: Bar) -> bool:
    return bool(bar.filters) or bar.record_id is not None
