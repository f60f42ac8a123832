"""Charts in the briefs: the geometry the screen draws (`core/charts.py`), as ReportLab vector
graphics (boxes, lines and text, never a picture), so that a chart in a brief is the chart on
screen, bar for bar and label for label.

Text is measured and set in the briefs' fonts (DejaVu Sans, embedded as a subset; Chinese,
Japanese and Korean names in the fallback font), the font the screen draws charts in. A
layout pixel is 0.75 pt (96 dpi): a chart 480 pt wide is the chart a screen shows 640 pixels
wide, scaled.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from forensics_gui.core.analytics import Figure
from forensics_gui.core.chart_shapes import Box, ChartLayout, Label, Rule
from forensics_gui.core.charts import layout_chart
from forensics_gui.core.files import replace_atomically
from forensics_gui.formats.palette import chart_colour
from forensics_gui.reports import fonts
from forensics_gui.reports.fonts import markup

PIXEL = 0.75  # points per layout pixel
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN  # a chart across the page's text


def _font(font: str, bold: bool) -> str:
    return fonts.BOLD if bold and font == fonts.BODY else font


@lru_cache(maxsize=50_000)
def measure(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` in layout pixels, as the brief sets it."""
    fonts.register()
    return sum(pdfmetrics.stringWidth(part, _font(font, bold), size)
               for font, part in fonts.runs(text))


def chart_drawing(figure: Figure, width: float = WIDTH) -> Drawing:
    """`figure` as a vector drawing `width` points wide, to place in a brief's story."""
    return layout_drawing(layout_chart(figure, width / PIXEL, measure))


def layout_drawing(layout: ChartLayout, pixel: float = PIXEL) -> Drawing:
    """A laid-out chart as a ReportLab drawing, `pixel` points for each layout pixel."""
    fonts.register()
    drawing = Drawing(layout.width * pixel, layout.height * pixel)
    drawing.initialFontName = fonts.BODY  # not ReportLab's Helvetica, which is not embedded
    group = Group()
    group.transform = (pixel, 0, 0, pixel, 0, 0)
    for shape in layout.shapes:
        if isinstance(shape, Box):
            group.add(_rect(shape, layout.height))
        elif isinstance(shape, Rule):
            group.add(_line(shape, layout.height))
        elif isinstance(shape, Label):
            for part in _strings(shape, layout.height):
                group.add(part)
    drawing.add(group)
    return drawing


@lru_cache(maxsize=64)
def _colour(role: str) -> colors.Color:
    return colors.HexColor(chart_colour(role))


def _rect(box: Box, height: float) -> Rect:
    # The layout's y grows downwards, ReportLab's upwards.
    return Rect(box.x, height - box.y - box.height, box.width, box.height,
                fillColor=_colour(box.fill), strokeColor=_colour(box.stroke) if box.stroke
                else None, strokeWidth=1.0 if box.stroke else 0)


def _line(rule: Rule, height: float) -> Line:
    line = Line(rule.x1, height - rule.y1, rule.x2, height - rule.y2,
                strokeColor=_colour(rule.colour), strokeWidth=rule.width, strokeLineCap=0)
    if rule.dash:
        line.strokeDashArray = list(rule.dash)
    return line


def _strings(label: Label, height: float) -> list[String]:
    """The label as one string per font run, from its left edge."""
    x, parts = label.left, []
    for font, text in fonts.runs(label.text):
        name = _font(font, label.bold)
        parts.append(String(x, height - label.y, text, fontName=name, fontSize=label.size,
                            fillColor=_colour(label.colour), textAnchor="start"))
        x += pdfmetrics.stringWidth(text, name, label.size)
    return parts


def write_charts_pdf(figures: Sequence[Figure], path: str | Path, title: str = "") -> Path:
    """A PDF of these charts one under another, as a brief draws them (for checking a chart
    on paper; the briefs place `chart_drawing` in their own pages)."""
    fonts.register()
    target = Path(path)
    styles = getSampleStyleSheet()
    heading = styles["Heading2"].clone("chart-heading", fontName=fonts.BOLD)
    story: list = [Paragraph(markup(title), heading)] if title else []
    for figure in figures:
        story += [chart_drawing(figure), Spacer(1, 6 * mm)]

    def write(temporary: str) -> None:
        document = SimpleDocTemplate(temporary, pagesize=A4, leftMargin=MARGIN,
                                     rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                                     title=title or "Charts", author="",
                                     initialFontName=fonts.BODY)  # not Helvetica: unembedded
        document.build(story)

    replace_atomically(target, write)
    return target
