"""Charts of the analytics figures as geometry: every box, line and piece of text of a chart,
with its position, computed from a `Figure` and a function that measures text.

The screen (QPainter) and the briefs (ReportLab) draw the same shapes, so that a chart in a
brief is the chart on screen, and the screen finds the bar under the pointer in the same
boxes. Units are pixels of a 96 dpi screen (a brief draws each at 0.75 pt); y grows
downwards; text is placed by its baseline. Colours are named by role ("bar", "series 2",
"marker event") and looked up in the product's palette by each renderer.

How a chart reads (the analytic standards): its title on top, what it counts, how many
records had no value and its notes under it; bars in the figure's order (largest first) with
their value and share beside them; timelines on a time axis with year ticks and the
reference dates marked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, timedelta

from forensics_gui.core.analytics import (
    BARS,
    FINDINGS,
    ITEMS,
    PARTS,
    SHARE,
    TABLE,
    TIMELINE,
    Bar,
    Figure,
    Marker,
)
from forensics_gui.core.chart_shapes import (
    DESCENT,
    MAX_LISTED_MARKERS,
    STYLE,
    Box,
    Canvas,
    ChartLayout,
    Hit,
    Label,
    Measure,
    Rule,
    Style,
    Words,
    elide,
    rough_measure,
    same,
)
from forensics_gui.core.chart_timeline import layout_timeline
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP

__all__ = ["STYLE", "ChartLayout", "Label", "Measure", "Style", "csv_rows", "describe_bar",
           "describe_markers", "layout_chart", "percent", "rough_measure"]


# ------------------------------------------------------------------ words
def percent(share: float) -> str:
    """A share as people read it: "37 %", "4.5 %", "99.6 %"."""
    value = share * 100
    if value == 0 or value >= 100 or 10 <= value < 99.5:
        return f"{value:.0f} %"
    return f"{value:.1f} %"


# What one of each count (analytics.COUNTS) is called: "1 finding".
SINGULAR = {FINDINGS: QT_TRANSLATE_NOOP("charts", "finding"),
            PARTS: QT_TRANSLATE_NOOP("charts", "distinct part"),
            ITEMS: QT_TRANSLATE_NOOP("charts", "recovered item")}


def noun(counts: str, value: int) -> str:
    """ "findings" for 2, "finding" for 1."""
    return SINGULAR.get(counts, counts) if value == 1 else counts


def counted_line(figure: Figure, words: Words = same) -> str:
    """What the figure counts, over how many records, and how many had no value; `words`
    translates the fixed words (the desktop client)."""
    counts = words(figure.counts)
    if not figure.total:
        return words(QT_TRANSLATE_NOOP(
            "charts", "Counts {counts}: none are covered by these filters.")).format(
            counts=counts)
    if not figure.missing:
        return words(QT_TRANSLATE_NOOP(
            "charts", "Counts {counts}: all {total} covered have a value.")).format(
            counts=counts, total=f"{figure.total:,}")
    # "no date code (19)": the count is said already.
    label = re.sub(rf"\s*\({figure.missing}\)$", "", figure.missing_label)
    why = f" ({label})" if label else ""
    return words(QT_TRANSLATE_NOOP(
        "charts", "Counts {counts}: {counted} of the {total} covered; {missing} have no "
                  "value{why}.")).format(counts=counts, counted=f"{figure.counted:,}",
                                         total=f"{figure.total:,}",
                                         missing=f"{figure.missing:,}", why=why)


def period_text(bar: Bar) -> str:
    if bar.start is None:
        return ""
    end = bar.end or bar.start
    return bar.start.isoformat() if end == bar.start else f"{bar.start} to {end}"


def short_period(start: date, end: date) -> str:
    """ "3 Mar 2024", "25–31 Mar 2024", "Mar 2024" (a whole month), else both days."""
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        whole = start.day == 1 and (end + timedelta(days=1)).month != end.month
        return f"{start:%b %Y}" if whole else f"{start.day}–{end.day} {start:%b %Y}"
    return f"{start.isoformat()} to {end.isoformat()}"


def row_label(bar: Bar) -> str:
    """A bar's label under its group's heading, without the group's name repeated."""
    prefix = f"{bar.group}: "
    return bar.label[len(prefix):] if bar.group and bar.label.startswith(prefix) else bar.label


def value_text(figure: Figure, bar: Bar) -> str:
    """The number shown beside a bar (or in a table's row)."""
    if figure.shape == TABLE:
        if figure.unit == "date":
            day = bar.start or bar.end
            return short_period(day, bar.end or day) if day else bar.detail or str(bar.value)
        return f"{bar.value:,}" + (f" {figure.unit}" if figure.unit else "")
    return f"{bar.value:,} · {percent(bar.share)}"


def describe_bar(figure: Figure, index: int, words: Words = same) -> str:
    """What the pointer shows over a bar: label, period, value, share and what it counts."""
    bar = figure.bars[index]
    lines = [f"{bar.group}: {row_label(bar)}" if bar.group else bar.label]
    if bar.start is not None and figure.shape != TABLE:
        lines.append(period_text(bar))
    if figure.shape == TABLE and figure.unit:
        lines.append(value_text(figure, bar))
    else:
        lines.append(words(QT_TRANSLATE_NOOP(
            "charts", "{value} {noun} · {share} of the {counted} counted")).format(
            value=f"{bar.value:,}", noun=words(noun(figure.counts, bar.value)),
            share=percent(bar.share), counted=f"{figure.counted:,}"))
    if bar.detail and bar.detail not in lines:
        lines.append(bar.detail)
    if bar.filters:
        lines.append(words(QT_TRANSLATE_NOOP("charts", "Click to list these findings")))
    elif bar.record_id is not None:
        lines.append(words(QT_TRANSLATE_NOOP("charts", "Click to open this finding")))
    return "\n".join(lines)


def describe_markers(markers: Sequence[Marker], words: Words = same) -> str:
    return "\n".join(f"{m.on:%d %B %Y}: {words(m.label)}" for m in markers)


def drawn_order(figure: Figure) -> list[int]:
    """The bars in the order the chart shows them: the figure's own (largest first, but
    tiers in their order and "other makers" last, as the service decides; periods in time
    order), the bars of a group together, groups in the order they first appear."""
    groups = {bar.group: number for number, bar in reversed(list(enumerate(figure.bars)))}
    return sorted(range(len(figure.bars)), key=lambda i: groups[figure.bars[i].group])


def _group_headings(canvas: Canvas, figure: Figure, order: list[int], top: float
                    ) -> tuple[dict[int, float], float]:
    """Where each drawn bar's row starts, a group's name above its first row (when bars are
    grouped); returns (row tops by bar, height of the headings)."""
    style = canvas.style
    tops: dict[int, float] = {}
    y, seen = top, None
    for index in order:
        group = figure.bars[index].group
        if group and group != seen:
            canvas.text(style.pad, y + style.row * 0.8 - DESCENT * style.text,
                        elide(group, canvas.inner, style.text, canvas.measure), style.text,
                        bold=True)
            y += style.row * 0.8
        seen = group
        tops[index] = y
        y += style.row + _detail_height(canvas, figure, index)
    return tops, y


def _detail_height(canvas: Canvas, figure: Figure, index: int) -> float:
    bar = figure.bars[index]
    shown = bar.detail and figure.shape == TABLE and bar.detail != value_text(figure, bar)
    return canvas.style.small * canvas.style.leading if shown else 0.0


def csv_rows(figure: Figure) -> tuple[str, list[str], list[list[str]]]:
    """(what the data are, the column names, the rows in the order drawn) of a figure's CSV
    export."""
    about = " ".join([f"{figure.title}.", counted_line(figure), *figure.notes])
    dated = any(bar.start is not None for bar in figure.bars)
    grouped = any(bar.group for bar in figure.bars)
    columns = (["group"] if grouped else []) + ["label", "value", "share"] + (
        ["start", "end"] if dated else [])
    rows = []
    for bar in (figure.bars[i] for i in drawn_order(figure)):
        row = ([bar.group] if grouped else []) + [bar.label, str(bar.value), f"{bar.share:.4f}"]
        if dated:
            row += [bar.start.isoformat() if bar.start else "",
                    (bar.end or bar.start).isoformat() if bar.start else ""]
        rows.append(row)
    return about, columns, rows


def layout_chart(figure: Figure, width: float, measure: Measure,
                 style: Style = STYLE, words: Words = same) -> ChartLayout:
    """Lay out `figure` at `width` pixels: title, the figure by its shape, then what it
    counts, the records without a value and the notes. `words` translates the chart's fixed
    words (the desktop client; the figure's own texts are as the figure says)."""
    width = max(width, 160.0)
    canvas = Canvas(width, measure, style, words=words)
    top = canvas.paragraph(style.pad, figure.title, style.title, "ink", bold=True,
                           width=canvas.inner - style.title_inset) + style.gap
    draw = {BARS: _bars, TIMELINE: layout_timeline, SHARE: _share, TABLE: _table}.get(
        figure.shape, _bars)
    top = draw(canvas, figure, top) if figure.bars else _nothing(canvas, figure, top)
    top += style.gap
    footer = [counted_line(figure, words), *figure.notes, *_unlisted(canvas)]
    for text in footer:
        top = canvas.paragraph(top, text, style.small, "muted")
    height = math.ceil(top + style.pad)
    return ChartLayout(figure, width, height, (Box(0, 0, width, height, "paper"),
                                               *canvas.shapes),
                       tuple(canvas.hits), canvas.axis, tuple(canvas.marker_hits))


def _unlisted(canvas: Canvas) -> list[str]:
    """Reference dates whose label found no room above the timeline, listed under it."""
    left = [marker for hit in canvas.marker_hits if not hit.labelled for marker in hit.markers]
    if not left:
        return []
    shown = "; ".join(f"{m.on.isoformat()} {canvas.words(m.label)}"
                      for m in left[:MAX_LISTED_MARKERS])
    more = len(left) - MAX_LISTED_MARKERS
    if more > 0:
        return [canvas.words(QT_TRANSLATE_NOOP(
            "charts", "Also marked: {markers}; and {more} more.")).format(markers=shown,
                                                                          more=more)]
    return [canvas.words(QT_TRANSLATE_NOOP("charts", "Also marked: {markers}.")).format(
        markers=shown)]


def _nothing(canvas: Canvas, figure: Figure, top: float) -> float:
    height = 3 * canvas.style.row
    canvas.text(canvas.width / 2, canvas.centred_baseline(top, height, canvas.style.text),
                canvas.words(QT_TRANSLATE_NOOP(
                    "charts", "No {counts} with a value for these filters.")).format(
                    counts=canvas.words(figure.counts)), canvas.style.text,
                "muted", anchor="middle")
    return top + height


def _bars(canvas: Canvas, figure: Figure, top: float) -> float:
    """Horizontal bars in the figure's order (largest first): the label left of each bar,
    value and share right."""
    style, measure = canvas.style, canvas.measure
    order = drawn_order(figure)
    labels = [row_label(figure.bars[i]) or canvas.words(QT_TRANSLATE_NOOP("charts", "(no label)"))
              for i in order]
    values = [value_text(figure, figure.bars[i]) for i in order]
    label_width = min(max(measure(t, style.text, False) for t in labels),
                      canvas.inner * style.label_share)
    value_width = max(measure(t, style.text, False) for t in values)
    left = style.pad + label_width + style.gap
    span = max(canvas.width - style.pad - value_width - style.gap - left, 20.0)
    peak = max(max(bar.value for bar in figure.bars), 1)
    tops, bottom = _group_headings(canvas, figure, order, top)
    for index, label, value in zip(order, labels, values, strict=True):
        y = tops[index]
        length = span * max(figure.bars[index].value, 0) / peak
        if figure.bars[index].value > 0:
            length = max(length, 1.0)
        canvas.shapes.append(Box(left, y + (style.row - style.bar) / 2, length, style.bar, "bar",
                                 bar=index))
        baseline = canvas.centred_baseline(y, style.row, style.text)
        canvas.text(left - style.gap, baseline, elide(label, label_width, style.text, measure),
                    style.text, anchor="end")
        canvas.text(left + length + style.gap / 2, baseline, value, style.text, "muted")
        canvas.hits.append(Hit(style.pad, y, canvas.inner, style.row, index))
        canvas.shapes.append(Rule(left, y, left, y + style.row, "axis"))
    return bottom


def _share(canvas: Canvas, figure: Figure, top: float) -> float:
    """One bar cut into the parts of the whole, and a legend row for each part."""
    style = canvas.style
    total = sum(max(bar.value, 0) for bar in figure.bars) or 1
    height, x = style.bar * 2, style.pad
    for index, bar in enumerate(figure.bars):
        width = canvas.inner * max(bar.value, 0) / total
        canvas.shapes.append(Box(x, top, width, height, f"series {index}", "paper", index))
        share = percent(bar.share)
        if canvas.fits(share, style.small) + 6 <= width:
            canvas.text(x + width / 2, canvas.centred_baseline(top, height, style.small), share,
                        style.small, f"on series {index}", anchor="middle")
        canvas.hits.append(Hit(x, top, width, height, index))
        x += width
    top += height + style.gap / 2
    for index, bar in enumerate(figure.bars):
        value = value_text(figure, bar)
        value_width = canvas.fits(value, style.text)
        swatch = style.text * 0.8
        canvas.shapes.append(Box(style.pad, top + (style.row - swatch) / 2, swatch, swatch,
                                 f"series {index}", bar=index))
        baseline = canvas.centred_baseline(top, style.row, style.text)
        room = canvas.inner - swatch - style.gap * 2 - value_width
        canvas.text(style.pad + swatch + style.gap, baseline,
                    elide(bar.label, room, style.text, canvas.measure), style.text)
        canvas.text(canvas.width - style.pad, baseline, value, style.text, "muted", anchor="end")
        canvas.hits.append(Hit(style.pad, top, canvas.inner, style.row, index))
        top += style.row
    return top


def _table(canvas: Canvas, figure: Figure, top: float) -> float:
    """Rows of label and value (read, not compared): e.g. the newest date per system type."""
    style, measure = canvas.style, canvas.measure
    values = [value_text(figure, bar) for bar in figure.bars]
    value_width = max(measure(text, style.text, True) for text in values)
    room = canvas.inner - value_width - style.gap * 3
    order = drawn_order(figure)
    tops, bottom = _group_headings(canvas, figure, order, top)
    for row, index in enumerate(order):
        bar, value, top = figure.bars[index], values[index], tops[index]
        detail = bar.detail if _detail_height(canvas, figure, index) else ""
        height = style.row + _detail_height(canvas, figure, index)
        if row % 2 == 0:
            canvas.shapes.append(Box(style.pad, top, canvas.inner, height, "row", bar=index))
        baseline = canvas.centred_baseline(top, style.row, style.text)
        canvas.text(style.pad + style.gap, baseline,
                    elide(row_label(bar), room, style.text, measure), style.text)
        canvas.text(canvas.width - style.pad - style.gap, baseline, value, style.text,
                    bold=True, anchor="end")
        if detail:
            canvas.text(style.pad + style.gap, baseline + style.small * style.leading,
                        elide(detail, room, style.small, measure), style.small, "muted")
        canvas.hits.append(Hit(style.pad, top, canvas.inner, height, index))
    return bottom


