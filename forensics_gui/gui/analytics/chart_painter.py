"""Draws a chart's shapes (`core/charts.py`) with QPainter: on screen, into a PNG or an SVG.

Text is measured and drawn in DejaVu Sans, the font the briefs embed, at whole-pixel sizes and
without hinting, so that the layout computed with these measurements is the layout a brief
computes with ReportLab's: the same chart on screen and on paper. The font files are loaded
the first time a chart is drawn, not when the application starts.
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen

from forensics_gui.core.chart_shapes import Box, ChartLayout, Label, Rule
from forensics_gui.core.resources import asset_path
from forensics_gui.formats.palette import chart_colour

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FAMILY = "DejaVu Sans"


@cache
def chart_family() -> str:
    """The family charts are drawn in: DejaVu Sans from the application's fonts."""
    for file in FONT_FILES:
        QFontDatabase.addApplicationFont(str(asset_path("fonts", file)))
    return FAMILY if FAMILY in QFontDatabase.families() else QFont().family()


@cache
def chart_font(size: float, bold: bool) -> QFont:
    font = QFont(chart_family())
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    # Design widths, as ReportLab measures them: no hinting, no kerning.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    return font


@lru_cache(maxsize=50_000)
def measure(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` in pixels, as the chart draws it."""
    return QFontMetricsF(chart_font(size, bold)).horizontalAdvance(text)


@cache
def _colour(role: str) -> QColor:
    return QColor(chart_colour(role))


def paint_chart(painter: QPainter, layout: ChartLayout, hovered: int | None = None) -> None:
    """Draw every shape of `layout` (in its own pixels: scale the painter for more), the bar
    under the pointer outlined."""
    painter.setRenderHints(QPainter.RenderHint.Antialiasing |
                           QPainter.RenderHint.TextAntialiasing)
    for shape in layout.shapes:
        if isinstance(shape, Box):
            _box(painter, shape)
        elif isinstance(shape, Rule):
            _rule(painter, shape)
        elif isinstance(shape, Label):
            _label(painter, shape)
    if hovered is not None:
        painter.setPen(QPen(_colour("highlight"), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for shape in layout.shapes:
            if isinstance(shape, Box) and shape.bar == hovered:
                painter.drawRect(QRectF(shape.x, shape.y, shape.width, shape.height))


def _box(painter: QPainter, box: Box) -> None:
    rect = QRectF(box.x, box.y, box.width, box.height)
    painter.setPen(QPen(_colour(box.stroke), 1.0) if box.stroke else Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(_colour(box.fill)))
    painter.drawRect(rect)


def _rule(painter: QPainter, rule: Rule) -> None:
    pen = QPen(_colour(rule.colour), rule.width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if rule.dash:
        pen.setDashPattern([length / rule.width for length in rule.dash])
    painter.setPen(pen)
    painter.drawLine(QPointF(rule.x1, rule.y1), QPointF(rule.x2, rule.y2))


def _label(painter: QPainter, label: Label) -> None:
    painter.setFont(chart_font(label.size, label.bold))
    painter.setPen(_colour(label.colour))
    painter.drawText(QPointF(label.left, label.y), label.text)
