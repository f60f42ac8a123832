"""Fitting a supply diagram to the page: how wide its boxes are, how far it is scaled down, and
how it is divided when it is too wide or too tall for one page.

A graph up to about six columns is drawn across the text width. A wider one is divided into
parts of a few columns each, printed one under the other at the same scale and in the same
rows, so that an arrow cut at the right edge of one part goes on at the same height in the
next. A part taller than the room left on a page is cut between two rows of boxes where it
can, and never through a box. Past `MAX_PARTS` parts, `MAX_PAGES` pages or `MAX_NODES`
organizations the graph is not drawn: the brief says so and its statements give every link.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group
from reportlab.platypus import Flowable, FrameBreak

from forensics_gui.core.graph import SupplyGraph, layout_graph
from forensics_gui.core.graph_layout import Layout
from forensics_gui.reports import diagram_shapes as shapes
from forensics_gui.reports import fonts
from forensics_gui.reports.diagram_shapes import Scene

MAX_NODES = 90  # organizations drawn at most
MIN_SCALE = 0.75  # smaller, and a name would be under about 4.5 pt: divided into parts
PART_SCALE = 0.85  # the scale a divided drawing aims at (its parts as wide as the text)
MAX_PARTS = 3
MAX_PAGES = 3  # a taller drawing would be read more easily as the statements
PAGE_HEIGHT = 690.0  # points of one page's frame a slice of the drawing may fill


@dataclass(frozen=True)
class Fit:
    """Whether and how a graph is drawn: box width, gap between columns, scale, and the
    columns of each part (one part when it fits across the page)."""

    drawable: bool
    box_width: float = 0.0
    gap: float = 0.0
    scale: float = 1.0
    columns: int = 0
    layout: Layout | None = None
    parts: tuple[tuple[int, int], ...] = ()  # (first column, column after the last)

    def cuts(self) -> list[float]:
        """Where the drawing is divided (scene x)."""
        return [shapes.column_edge(start, self.box_width, self.gap) for start, _ in
                self.parts[1:]]

    def band(self, part: tuple[int, int]) -> tuple[float, float]:
        """The scene x from which and to which a part is drawn."""
        start, end = part
        left = shapes.column_edge(start, self.box_width, self.gap) if start else 0.0
        right = shapes.column_edge(end, self.box_width, self.gap)
        if end == self.columns:  # the last column's box and the margin after it
            right += shapes.MARGIN - self.gap / 2
        return left, right


def fit(graph: SupplyGraph, width: float, most: int = MAX_NODES) -> Fit:
    """How `graph` would be drawn `width` points wide, or that it would not stay legible."""
    if not graph.nodes or graph.too_large or len(graph.nodes) > most:
        return Fit(False)
    layout = layout_graph(graph)
    columns = max(layout.columns, 1)
    room = width - 2 * shapes.MARGIN
    box = min(shapes.BOX_W_MAX, (room - (columns - 1) * shapes.GAP_X) / columns)
    gap, scale = shapes.GAP_X, 1.0
    parts = ((0, columns),)
    if box < shapes.BOX_W_MIN:
        box = shapes.BOX_W_MIN
        scale = room / _natural(columns)
        if scale < MIN_SCALE:
            per = max(1, max(c for c in range(1, columns + 1)
                             if _natural(c) * PART_SCALE <= room))
            count = math.ceil(columns / per)
            per = math.ceil(columns / count)  # parts of even width
            parts = tuple((start, min(start + per, columns))
                          for start in range(0, columns, per))
            box = min(shapes.BOX_W_MAX, (room - (per - 1) * gap) / per)  # parts fill the width
            scale = 1.0
            if box < shapes.BOX_W_MIN:
                box, scale = shapes.BOX_W_MIN, room / _natural(per)
    elif columns > 1:  # few columns: the boxes keep their width, the gaps take the room left
        gap = min(shapes.GAP_X_MAX, (room - columns * box) / (columns - 1))
    height = shapes.scene_height(layout.height) * scale * len(parts)
    drawable = len(parts) <= MAX_PARTS and height <= MAX_PAGES * PAGE_HEIGHT
    return Fit(drawable, box, gap, scale, columns, layout, parts)


def _natural(columns: int) -> float:
    return columns * shapes.BOX_W_MIN + (columns - 1) * shapes.GAP_X


def widest(width: float) -> int:
    """The most columns drawn legibly across `width`, in all its parts."""
    room = width - 2 * shapes.MARGIN
    per = max(c for c in range(1, 50) if _natural(c) * PART_SCALE <= room)
    return per * MAX_PARTS


class DiagramSlice(Flowable):
    """The part of a drawn graph between `left` and `right` (scene x) and between `top` and
    `bottom` (scene y, downwards). When it does not fit, it splits between two rows of
    boxes where it can, and never through a box: a box goes whole to the page holding its
    middle, and arrows are cut at the page's edge."""

    def __init__(self, scene: Scene, band: tuple[float, float, float, float], scale: float,
                 continued: str) -> None:
        super().__init__()
        self.scene, self.band, self.scale = scene, band, scale
        self.continued = continued
        self.cut_below = False
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        top, bottom = self.scene.extent(self.band)
        self.width = (self.band[2] - self.band[0]) * self.scale
        self.height = (bottom - top) * self.scale + self._note()
        return self.width, self.height

    def _note(self) -> float:
        return shapes.NOTE_HEIGHT if self.cut_below else 0.0

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        left, top, right, bottom = self.band
        room = (available_height - shapes.NOTE_HEIGHT) / self.scale
        limit = top + room
        while (cut := self.scene.cut_before(limit, top, left, right)) is not None:
            high, low = self.scene.extent((left, top, right, cut))
            if low - high <= room:
                break
            limit -= low - high - room + 1  # a box standing across the cut overhangs
        if cut is None:
            return []
        first = DiagramSlice(self.scene, (left, top, right, cut), self.scale, self.continued)
        first.cut_below = True
        # The rest starts the next page, even when this one has room left under the cut.
        return [first, FrameBreak(),
                DiagramSlice(self.scene, (left, cut, right, bottom), self.scale,
                             self.continued)]

    def draw(self) -> None:
        canvas = self.canv
        note = self._note()
        left, top, _, bottom = self.band
        low = self.scene.extent(self.band)[1]
        height = self.height - note
        # Scene y grows downwards from the scene's top; the drawing's upwards.
        transform = (self.scale, 0, 0, self.scale, -left * self.scale,
                     -(self.scene.height - low) * self.scale)
        lines = Group(*self.scene.between(self.band, lines=True), transform=transform)
        whole = Group(*self.scene.between(self.band, lines=False), transform=transform)
        canvas.saveState()
        clip = canvas.beginPath()  # arrows end at the band's edges, boxes never do
        clip.rect(0, note + (low - bottom) * self.scale, self.width,
                  (bottom - top) * self.scale)
        canvas.clipPath(clip, stroke=0, fill=0)
        renderPDF.draw(drawing(self.width, height, lines), canvas, 0, note)
        canvas.restoreState()
        renderPDF.draw(drawing(self.width, height, whole), canvas, 0, note)
        if self.cut_below:
            shapes.draw_note(canvas, self.width, 2, self.continued)


def drawing(width: float, height: float, *found: Any) -> Drawing:
    """A drawing in the briefs' font (ReportLab would start one in Helvetica, which the
    brief does not embed)."""
    fonts.register()
    made = Drawing(width, height, initialFontName=fonts.BODY)
    for shape in found:
        made.add(shape)
    return made
