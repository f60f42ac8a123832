"""The dashboard's charts in columns that follow the window's width: as many columns as fit
(each at least `COLUMN` pixels wide), timelines two columns wide; each row as tall as its
tallest chart. Only the height scrolls."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from forensics_gui.core.analytics import TIMELINE
from forensics_gui.gui.analytics.chart_view import ChartView

COLUMN = 460
SPACING = 12


class ChartGrid(QWidget):
    """Holds the ChartViews and places them; its minimum height is what they need."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: list[ChartView] = []
        self.columns = 1

    def set_charts(self, charts: list[ChartView]) -> None:
        for chart in self.charts:
            chart.hide()
            chart.deleteLater()
        self.charts = charts
        for chart in charts:
            chart.setParent(self)
            chart.show()
        self.arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def sizeHint(self) -> QSize:
        return QSize(COLUMN, self.minimumHeight())

    def arrange(self) -> None:
        """Place every chart for the current width."""
        width = self.width()
        self.columns = max(1, (width + SPACING) // (COLUMN + SPACING))
        unit = (width - SPACING * (self.columns - 1)) / self.columns
        top = 0
        for row in self._rows():
            x, tallest = 0.0, 0
            for chart, span in row:
                chart_width = round(unit * span + SPACING * (span - 1))
                height = chart.heightForWidth(chart_width)
                chart.setGeometry(round(x), top, chart_width, height)
                x += chart_width + SPACING
                tallest = max(tallest, height)
            top += tallest + SPACING
        self.setMinimumHeight(max(top - SPACING, 0))

    def _rows(self) -> list[list[tuple[ChartView, int]]]:
        """Charts in order, each row filled with the first charts that fit in it."""
        waiting = [(chart, self._span(chart)) for chart in self.charts]
        rows = []
        while waiting:
            row, room = [], self.columns
            for item in list(waiting):
                if item[1] <= room:
                    row.append(item)
                    waiting.remove(item)
                    room -= item[1]
            rows.append(row)
        return rows

    def _span(self, chart: ChartView) -> int:
        return min(2, self.columns) if chart.figure.shape == TIMELINE else 1
