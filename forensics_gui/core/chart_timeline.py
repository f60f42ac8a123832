"""The geometry of a timeline chart: periods as columns on a time axis with year (or month)
ticks, and reference dates (the invasion, CHPL publications, designations) as vertical lines
whose labels never overlap: each goes into the first row above the plot where it has room,
and those that find none are listed under the chart.

Periods without dates are drawn as evenly spaced columns in the order given.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from forensics_gui.core.analytics import Figure, Marker
from forensics_gui.core.chart_shapes import (
    ASCENT,
    CAP,
    MARKER_DASHES,
    OTHER_DASH,
    Box,
    Canvas,
    Hit,
    MarkerHit,
    Rule,
    TimeAxis,
    day_after,
    elide,
    nice_ticks,
)
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP

MONTHS = (QT_TRANSLATE_NOOP("charts", "Jan"), QT_TRANSLATE_NOOP("charts", "Feb"),
          QT_TRANSLATE_NOOP("charts", "Mar"), QT_TRANSLATE_NOOP("charts", "Apr"),
          QT_TRANSLATE_NOOP("charts", "May"), QT_TRANSLATE_NOOP("charts", "Jun"),
          QT_TRANSLATE_NOOP("charts", "Jul"), QT_TRANSLATE_NOOP("charts", "Aug"),
          QT_TRANSLATE_NOOP("charts", "Sep"), QT_TRANSLATE_NOOP("charts", "Oct"),
          QT_TRANSLATE_NOOP("charts", "Nov"), QT_TRANSLATE_NOOP("charts", "Dec"))
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50)
MONTH_STEPS = (1, 2, 3, 6, 12)
MONTH_MODE_LIMIT = 24  # periods within two years get month ticks
LABEL_SHARE = 0.45  # a reference date's label is cut to this share of the plot's width
MERGE_PIXELS = 3.0  # reference dates closer than this on the axis share one line and label
KIND_ORDER = {"event": 0, "chpl": 1, "designation": 2}  # whose line style a shared line takes


def layout_timeline(canvas: Canvas, figure: Figure, top: float) -> float:
    """Columns for the periods, year ticks under them, reference dates above; returns the
    bottom of what was drawn."""
    style = canvas.style
    peak = max(max(bar.value for bar in figure.bars), 1)
    ticks = nice_ticks(peak)
    tick_width = max(canvas.fits(f"{tick:,}", style.small) for tick in ticks)
    left, right = style.pad + tick_width + style.gap, canvas.width - style.pad
    dated = all(bar.start is not None for bar in figure.bars)
    axis = _axis(figure, left, right) if dated else None
    canvas.axis = axis
    lanes = _place_labels(canvas, axis, figure.markers, left, right) if axis else []
    used = max((lane for _group, _x, lane, _label in lanes if lane is not None), default=-1) + 1
    lane_height = style.small * style.leading
    plot_top = top + used * lane_height + (style.gap if used else 0.0)
    plot_bottom = plot_top + min(max(style.plot, canvas.width * style.plot_ratio),
                                 style.plot_most)
    _grid(canvas, ticks, left, right, plot_top, plot_bottom)
    if axis is not None:
        _dated_columns(canvas, figure, axis, plot_top, plot_bottom, ticks[-1])
        bottom = _time_ticks(canvas, axis, plot_bottom)
    else:
        bottom = _even_columns(canvas, figure, left, right, plot_top, plot_bottom, ticks[-1])
    for group, x, lane, label in lanes:
        _marker(canvas, group, x, lane, label, top, lane_height, plot_top, plot_bottom)
    return bottom


def _axis(figure: Figure, left: float, right: float) -> TimeAxis:
    days = [d for bar in figure.bars if bar.start for d in (bar.start, bar.end or bar.start)]
    days += [marker.on for marker in figure.markers]
    first, last = min(days), max(days)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MONTH_MODE_LIMIT:
        end = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
        return TimeAxis(first.replace(day=1), end, left, right)
    return TimeAxis(date(first.year, 1, 1), date(last.year + 1, 1, 1), left, right)


def _grid(canvas: Canvas, ticks: list[int], left: float, right: float, plot_top: float,
          plot_bottom: float) -> None:
    style = canvas.style
    for tick in ticks:
        y = plot_bottom - (plot_bottom - plot_top) * tick / ticks[-1]
        if tick:
            canvas.shapes.append(Rule(left, y, right, y, "grid"))
        canvas.text(left - style.gap / 2, y + CAP * style.small / 2, f"{tick:,}", style.small,
                    "muted", anchor="end")


def _dated_columns(canvas: Canvas, figure: Figure, axis: TimeAxis, plot_top: float,
                   plot_bottom: float, ceiling: int) -> None:
    height = plot_bottom - plot_top
    for index, bar in enumerate(figure.bars):
        assert bar.start is not None
        x0, x1 = axis.x(bar.start), axis.x(day_after(bar.end or bar.start))
        gap = 1.0 if x1 - x0 > 4 else 0.0
        tall = height * max(bar.value, 0) / ceiling
        canvas.shapes.append(Box(x0, plot_bottom - tall, max(x1 - x0 - gap, 1.0), tall, "bar",
                                 bar=index))
        middle, reach = (x0 + x1) / 2, max(x1 - x0, 4.0)
        canvas.hits.append(Hit(middle - reach / 2, plot_top, reach, height, index))


def _even_columns(canvas: Canvas, figure: Figure, left: float, right: float, plot_top: float,
                  plot_bottom: float, ceiling: int) -> float:
    style = canvas.style
    slot = (right - left) / len(figure.bars)
    height = plot_bottom - plot_top
    widest = max(canvas.fits(bar.label, style.small) for bar in figure.bars) + style.gap
    every = max(1, math.ceil(widest / slot))
    for index, bar in enumerate(figure.bars):
        x = left + index * slot
        tall = height * max(bar.value, 0) / ceiling
        canvas.shapes.append(Box(x + slot * 0.15, plot_bottom - tall, slot * 0.7, tall, "bar",
                                 bar=index))
        canvas.hits.append(Hit(x, plot_top, slot, height, index))
        if index % every == 0:
            canvas.text(x + slot / 2, plot_bottom + style.gap / 2 + ASCENT * style.small,
                        bar.label, style.small, "muted", anchor="middle")
    canvas.shapes.append(Rule(left, plot_bottom, right, plot_bottom, "axis"))
    return plot_bottom + style.gap / 2 + style.small * style.leading


def _time_ticks(canvas: Canvas, axis: TimeAxis, plot_bottom: float) -> float:
    """The axis line, a tick at each year (or month), and as many labels as fit."""
    style = canvas.style
    canvas.shapes.append(Rule(axis.left, plot_bottom, axis.right, plot_bottom, "axis"))
    months = (axis.end.year - axis.start.year) * 12 + axis.end.month - axis.start.month
    by_month = months <= MONTH_MODE_LIMIT
    starts = _month_starts(axis) if by_month else [date(y, 1, 1) for y in
                                                     range(axis.start.year, axis.end.year + 1)]
    unit = (axis.right - axis.left) / max(len(starts) - 1, 1)
    sample = "Sep 2024" if by_month else "2024"
    steps = MONTH_STEPS if by_month else YEAR_STEPS
    step = next((s for s in steps if s * unit >= canvas.fits(sample, style.small) + 8),
                steps[-1])
    baseline = plot_bottom + 4 + ASCENT * style.small
    for number, start in enumerate(starts):
        x = axis.x(start)
        count = number if by_month else start.year
        labelled = count % step == 0 and start < axis.end
        canvas.shapes.append(Rule(x, plot_bottom, x, plot_bottom + (4 if labelled else 2),
                                  "axis"))
        if not labelled:
            continue
        month = canvas.words(MONTHS[start.month - 1])
        text = (f"{month} {start.year}" if start.month == 1 or number == 0 else month) \
            if by_month else str(start.year)
        middle = x + unit / 2 if step == 1 else x
        half = canvas.fits(text, style.small) / 2
        middle = min(max(middle, axis.left + half), canvas.width - style.pad - half)
        canvas.text(middle, baseline, text, style.small, "muted", anchor="middle")
    return plot_bottom + 4 + style.small * style.leading


def _month_starts(axis: TimeAxis) -> list[date]:
    found, day = [], axis.start
    while day <= axis.end:
        found.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return found


# ------------------------------------------------------------------ reference dates
Placed = tuple[tuple[Marker, ...], float, int | None, tuple[float, str, str]]


def _place_labels(canvas: Canvas, axis: TimeAxis, markers: Sequence[Marker], left: float,
                  right: float) -> list[Placed]:
    """Each reference date (those a few pixels apart together) with its x, the row of its
    label (None: no room) and the label's (x, text, anchor).

    The invasion first, then CHPL publications, then designations, each date is labelled if
    it still fits with those before it."""
    groups = _groups(axis, markers)
    labels = {id(group): _label(canvas, axis, group, left, right) for group in groups}
    chosen: list[tuple[Marker, ...]] = []
    rows: dict[int, tuple[int, tuple[float, float, str]]] = {}
    for group in sorted(groups, key=lambda g: (KIND_ORDER.get(g[0].kind, 9), g[0].on)):
        trial = _staircase(canvas, [*chosen, group], labels)
        if trial is not None:
            chosen.append(group)
            rows = trial
    placed: list[Placed] = []
    for group in groups:
        x, text, _sides = labels[id(group)]
        lane, side = rows.get(id(group), (None, None))
        anchor = (side[1] if side[2] == "end" else side[0], text, side[2]) if side else (
            x, text, "start")
        placed.append((group, x, lane, anchor))
    return placed


Sides = list[tuple[float, float, str]]


def _label(canvas: Canvas, axis: TimeAxis, group: tuple[Marker, ...], left: float,
           right: float) -> tuple[float, str, Sides]:
    """A date's x, its label, and where the label may go: left or right of the line."""
    x = axis.x(group[0].on)
    text = elide("; ".join(canvas.words(m.label) for m in group), (right - left) * LABEL_SHARE,
                 canvas.style.small, canvas.measure)
    width = canvas.fits(text, canvas.style.small)
    sides = [(x - 3 - width, x - 3, "end"), (x + 3, x + 3 + width, "start")]
    return x, text, [side for side in sides if side[0] >= canvas.style.pad
                     and side[1] <= right]


def _staircase(canvas: Canvas, groups: list[tuple[Marker, ...]],
               labels: dict[int, tuple[float, str, Sides]]
               ) -> dict[int, tuple[int, tuple[float, float, str]]] | None:
    """Rows for all these labels, or None. Recent dates crowd the right end of the axis, so
    labels go from right to left, each on the left of its line where it fits: lines from
    upper rows then pass beside the labels below them, not through them."""
    spans: list[list[tuple[float, float]]] = [[] for _ in range(canvas.style.lanes)]
    lines: list[tuple[float, int]] = []  # x of each labelled line and the row it starts at
    rows = {}
    for group in sorted(groups, key=lambda g: -labels[id(g)][0]):
        x, _text, sides = labels[id(group)]
        lane, side = _free_lane(spans, lines, sides, x)
        if lane is None or side is None:
            return None
        spans[lane].append(side[:2])
        lines.append((x, lane))
        rows[id(group)] = (lane, side)
    return rows


def _groups(axis: TimeAxis, markers: Sequence[Marker]) -> list[tuple[Marker, ...]]:
    """Reference dates in date order, those closer than a few pixels as one."""
    groups: list[list[Marker]] = []
    for marker in sorted(markers, key=lambda m: (m.on, KIND_ORDER.get(m.kind, 9))):
        if groups and axis.x(marker.on) - axis.x(groups[-1][0].on) < MERGE_PIXELS:
            groups[-1].append(marker)
        else:
            groups.append([marker])
    return [tuple(sorted(g, key=lambda m: KIND_ORDER.get(m.kind, 9))) for g in groups]


def _free_lane(spans: list[list[tuple[float, float]]], lines: list[tuple[float, int]],
               sides: list[tuple[float, float, str]], x: float
               ) -> tuple[int | None, tuple[float, float, str] | None]:
    """The first row, and side of the line, where the label overlaps no label, no line from
    a row above crosses it, and its own line crosses no label in a row below."""
    for lane, taken in enumerate(spans):
        if any(a - 2 <= x <= b + 2 for below in spans[lane + 1:] for a, b in below):
            continue
        for side in sides:
            if any(a - 4 < side[1] and side[0] < b + 4 for a, b in taken):
                continue
            if any(row < lane and side[0] - 2 <= lx <= side[1] + 2 for lx, row in lines):
                continue
            return lane, side
    return None, None


def _marker(canvas: Canvas, group: tuple[Marker, ...], x: float, lane: int | None,
            label: tuple[float, str, str], top: float, lane_height: float, plot_top: float,
            plot_bottom: float) -> None:
    style = canvas.style
    kind = group[0].kind
    colour = f"marker {kind}"
    line_top = plot_top if lane is None else top + lane * lane_height
    canvas.shapes.append(Rule(x, line_top, x, plot_bottom, colour,
                              1.6 if kind == "event" else 1.2,
                              MARKER_DASHES.get(kind, OTHER_DASH)))
    if lane is not None:
        lx, text, anchor = label
        canvas.text(lx, line_top + ASCENT * style.small, text, style.small, colour,
                    anchor=anchor)
    canvas.marker_hits.append(MarkerHit(x, line_top, plot_bottom, group, lane is not None))
