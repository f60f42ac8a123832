"""The shapes a chart is drawn with, the room they take, and text measured and fitted into
it: what `core/charts.py` and `core/chart_timeline.py` lay out and every renderer draws.

Units are pixels of a 96 dpi screen; y grows downwards; text is placed by its baseline.
Colours are roles ("bar", "series 2", "marker event") that each renderer looks up in the
product's palette.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from forensics_gui.core.analytics import Figure, Marker

Measure = Callable[[str, float, bool], float]  # (text, size, bold) -> width in pixels

# Where a line of text sits in its box (DejaVu Sans: ascent 0.93, descent 0.24 of the size).
ASCENT, DESCENT, CAP = 0.93, 0.24, 0.73
ELLIPSIS = "…"
MARKER_DASHES = {"event": (), "chpl": (5.0, 3.0), "designation": (1.5, 2.5)}
OTHER_DASH = (6.0, 2.0, 1.5, 2.0)
MAX_LISTED_MARKERS = 8


@dataclass(frozen=True, slots=True)
class Style:
    """Sizes of a chart, in pixels; one style for the screen and the briefs."""

    text: float = 11.0  # labels and values
    title: float = 13.0
    small: float = 10.0  # ticks, reference dates, what the chart counts, notes
    pad: float = 10.0
    gap: float = 6.0  # between a label and its bar
    row: float = 22.0  # one bar of a bar chart, one row of a table
    bar: float = 14.0  # thickness of a bar
    plot: float = 150.0  # height of a timeline's plot, at least
    plot_ratio: float = 0.24  # ... and this share of its width, up to
    plot_most: float = 240.0
    title_inset: float = 28.0  # room right of the title for the chart's menu on screen
    label_share: float = 0.42  # the label column's widest, as a share of the width
    lanes: int = 3  # rows of reference-date labels above a timeline
    leading: float = 1.35  # line height, as a multiple of the size


STYLE = Style()


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str = ""
    bar: int = -1  # the index of the figure's bar it draws, or -1


@dataclass(frozen=True, slots=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0
    dash: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float  # the baseline
    text: str
    size: float
    width: float  # as measured
    colour: str = "ink"
    bold: bool = False
    anchor: str = "start"  # start, middle or end: where x is on the text

    @property
    def left(self) -> float:
        return self.x - {"start": 0.0, "middle": self.width / 2, "end": self.width}[self.anchor]

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def top(self) -> float:
        return self.y - ASCENT * self.size

    @property
    def bottom(self) -> float:
        return self.y + DESCENT * self.size


Shape = Box | Rule | Label


@dataclass(frozen=True, slots=True)
class Hit:
    """Where the pointer points at a bar (its whole row, for easy aiming)."""

    x: float
    y: float
    width: float
    height: float
    bar: int

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


@dataclass(frozen=True, slots=True)
class TimeAxis:
    start: date
    end: date
    left: float
    right: float

    def x(self, day: date) -> float:
        span = max((self.end - self.start).days, 1)
        return self.left + (day - self.start).days / span * (self.right - self.left)


@dataclass(frozen=True, slots=True)
class MarkerHit:
    """A reference date's line (the pointer shows what it marks)."""

    x: float
    top: float
    bottom: float
    markers: tuple[Marker, ...]
    labelled: bool = True  # False: no room for its label above the plot (listed under it)


@dataclass(frozen=True, slots=True)
class ChartLayout:
    """Everything a renderer draws, in order, and where the pointer finds bars."""

    figure: Figure
    width: float
    height: float
    shapes: tuple[Shape, ...]
    hits: tuple[Hit, ...] = ()
    axis: TimeAxis | None = None
    marker_hits: tuple[MarkerHit, ...] = ()

    def bar_at(self, x: float, y: float) -> int | None:
        """The index (in `figure.bars`) of the bar at this point, if any."""
        return next((hit.bar for hit in self.hits if hit.contains(x, y)), None)

    def markers_at(self, x: float, y: float, slack: float = 3.0) -> tuple[Marker, ...]:
        return next((m.markers for m in self.marker_hits
                     if abs(m.x - x) <= slack and m.top <= y <= m.bottom), ())

    def labels(self) -> list[Label]:
        return [shape for shape in self.shapes if isinstance(shape, Label)]


# ------------------------------------------------------------------ text
def rough_measure(text: str, size: float, bold: bool = False) -> float:
    """A measure without a font (0.6 of the size per character): for tests and tools."""
    return len(text) * size * (0.64 if bold else 0.6)


def elide(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> str:
    """`text`, cut with an ellipsis to fit `width`."""
    if measure(text, size, bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS, size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS if low else ELLIPSIS


def wrap(text: str, width: float, size: float, measure: Measure,
         bold: bool = False) -> list[str]:
    """`text` in lines no wider than `width` (a word too long for a line is cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if measure(trial, size, bold) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [elide(line, width, size, measure, bold) for line in lines]


# ------------------------------------------------------------------ layout
Words = Callable[[str], str]


def same(text: str) -> str:
    """A chart's fixed words as they are (English): what `words` is unless the desktop client
    translates them."""
    return text


@dataclass
class Canvas:
    """Collects the shapes of one chart while it is laid out; `words` turns its fixed words
    (marked with QT_TRANSLATE_NOOP("charts", ...)) into the text drawn."""

    width: float
    measure: Measure
    style: Style
    shapes: list[Shape] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    marker_hits: list[MarkerHit] = field(default_factory=list)
    axis: TimeAxis | None = None
    words: Words = same

    @property
    def inner(self) -> float:
        return self.width - 2 * self.style.pad

    def text(self, x: float, y: float, text: str, size: float, colour: str = "ink",
             bold: bool = False, anchor: str = "start") -> Label:
        label = Label(x, y, text, size, self.measure(text, size, bold), colour, bold, anchor)
        self.shapes.append(label)
        return label

    def paragraph(self, top: float, text: str, size: float, colour: str, bold: bool = False,
                  width: float | None = None) -> float:
        """Wrapped text from `top`; returns where the next line starts."""
        line = size * self.style.leading
        lines = wrap(text, width or self.inner, size, self.measure, bold)
        for number, part in enumerate(lines):
            self.text(self.style.pad, top + number * line + ASCENT * size, part, size, colour,
                      bold)
        return top + len(lines) * line

    def centred_baseline(self, top: float, height: float, size: float) -> float:
        return top + height / 2 + CAP * size / 2

    def fits(self, text: str, size: float, bold: bool = False) -> float:
        """The width of `text`."""
        return self.measure(text, size, bold)


# ------------------------------------------------------------------ numbers
def nice_ticks(peak: float, count: int = 4) -> list[int]:
    """0 and round steps (1, 2, 5 × 10ⁿ) up to at least `peak`."""
    raw = max(peak, 1) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(int(step), 1)
    return list(range(0, math.ceil(max(peak, 1) / step) * step + 1, step))


def day_after(day: date) -> date:
    return day + timedelta(days=1)
