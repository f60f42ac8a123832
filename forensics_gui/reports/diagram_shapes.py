"""The shapes of a supply diagram: the scene they are placed on, organizations as boxes (fill
by role, border and marker by sanctions status, a tag for a transshipment hub, as on screen),
text set in the briefs' fonts, and the legend's entries, at the paper's sizes.

The scene is measured in points, y growing downwards from its top like the screen's; shapes are
made in ReportLab's coordinates (y upwards) once the scene's height is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.shapes import Circle, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from forensics_gui.core.graph import GraphNode
from forensics_gui.formats.palette import (
    EDGE_COLOURS,
    HUB_COLOUR,
    SANCTION_COLOURS,
    role_fill,
)
from forensics_gui.reports import fonts
from forensics_gui.reports.words import Words

# Sizes in points at scale 1 (the screen's proportions: a row is 1.4 boxes high).
BOX_W_MAX, BOX_W_MIN = 118.0, 64.0
GAP_X, GAP_X_MAX = 46.0, 110.0
BOX_H, ROW_PITCH = 48.0, 66.0
MARGIN = 6.0  # around the scene: sanction markers and hub tags stand out of their boxes
PAD = 3.0
NAME_SIZE, NAME_LEADING = 6.2, 7.0
FACT_SIZE, FACT_LEADING = 5.2, 6.3
LABEL_SIZE, LABEL_LEADING = 5.0, 5.9
ARROW, LINE_WIDTH, PORT_GAP, PAIR_OFFSET = 4.2, 0.8, 5.0, 3.0
DASHES = {"documented": None, "probable": [3.2, 2.0], "hypothesis": [0.8, 1.6]}
BORDER_WIDTHS = {"designated": 1.5, "formerly": 1.1, "none": 0.5}
TEXT = colors.HexColor("#1F2937")
MUTED = colors.HexColor("#4B5563")
RULE_COLOUR = colors.HexColor("#D0D5DB")
WHITE = colors.white
LEGEND_ROW = 11.0
NOTE_HEIGHT = 9.0  # under a slice cut at the foot of a page: "continued on the next page"

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom (scene points)


def scene_height(layout_height: float) -> float:
    return layout_height * ROW_PITCH + BOX_H + 2 * MARGIN


# ------------------------------------------------------------------------------ text
def text_width(text: str, size: float, bold: bool = False) -> float:
    fonts.register()
    return sum(pdfmetrics.stringWidth(part, _font(font, bold), size)
               for font, part in fonts.runs(text))


def _font(font: str, bold: bool) -> str:
    return fonts.BOLD if bold and font == fonts.BODY else font


def strings(text: str, x: float, y: float, size: float, colour: Any, *, bold: bool = False,
            anchor: str = "middle") -> list[String]:
    """`text` at baseline `y`, one string per font run (CJK names in their own font)."""
    width = text_width(text, size, bold)
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    found = []
    for font, part in fonts.runs(text):
        name = _font(font, bold)
        found.append(String(left, y, part, fontName=name, fontSize=size, fillColor=colour,
                            textAnchor="start"))
        left += pdfmetrics.stringWidth(part, name, size)
    return found


def elided(text: str, size: float, width: float, bold: bool = False) -> str:
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrapped(text: str, size: float, width: float, most: int, bold: bool = True) -> list[str]:
    """`text` broken at spaces into at most `most` lines that fit `width` (a word wider
    than the line is broken inside; the last line is elided when the rest does not fit)."""
    words: list[str] = []
    for word in text.split():
        while text_width(word, size, bold) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold) > width:
                cut -= 1
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    lines: list[str] = []
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[:most - 1], elided(" ".join(lines[most - 1:]), size, width, bold)]
    return lines or [""]


# ----------------------------------------------------------------------------- scene
@dataclass
class Scene:
    """Everything drawn, by kind, with the box it takes, so that a page can take some rows
    (and a part of the drawing some columns): "box" and "label" items go whole to the part
    holding their middle; "line" items (the arrows) are drawn in every part they cross, cut
    at its edges."""

    width: float
    height: float
    items: list[tuple[str, Box, list[Any]]] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    hidden_labels: int = 0

    def add(self, kind: str, where: Box, shapes: list[Any]) -> None:
        self.items.append((kind, where, shapes))

    def between(self, band: Box, lines: bool) -> list[Any]:
        """Shapes of the arrows crossing `band` (`lines`), or of the boxes and labels whose
        middle lies in it."""
        if lines:
            return [s for kind, where, found in self.items
                    if kind == "line" and overlap(where, band) for s in found]
        return [s for kind, where, found in self.items
                if kind != "line" and _middle_in(where, band) for s in found]

    def extent(self, band: Box) -> tuple[float, float]:
        """The band's top and bottom, grown to hold whole every box and label whose middle
        lies in it."""
        top, bottom = band[1], band[3]
        for kind, where, _ in self.items:
            if kind != "line" and _middle_in(where, band):
                top, bottom = min(top, where[1]), max(bottom, where[3])
        return top, bottom

    def cut_before(self, limit: float, after: float, left: float = 0.0,
                   right: float = float("inf")) -> float | None:
        """Where to end a slice (of the columns between `left` and `right`) that may reach
        `limit`: between two rows of boxes when one is free; else where no box standing
        across the cut would pass `limit`."""
        boxes = [b for b in self.boxes if left <= (b[0] + b[2]) / 2 < right]
        gap = (ROW_PITCH - BOX_H) / 2
        places = sorted({box[1] - gap for box in boxes}, reverse=True)
        lowest = after + max(BOX_H, 0.7 * (limit - after))  # not to leave half a page empty
        for y in places:
            if lowest < y <= limit and not any(b[1] - 2 < y < b[3] + 2 for b in boxes):
                return y
        y = limit - BOX_H / 2 - MARGIN
        return y if y > after + BOX_H else None

    def y(self, scene_y: float) -> float:
        """ReportLab's y of a scene point."""
        return self.height - scene_y


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def column_edge(column: int, box_width: float, gap: float) -> float:
    """The x of the middle of the gap before `column` (where the drawing may be divided)."""
    return MARGIN + column * (box_width + gap) - gap / 2


def _middle_in(where: Box, band: Box) -> bool:
    x, y = (where[0] + where[2]) / 2, (where[1] + where[3]) / 2
    return band[0] <= x < band[2] and band[1] <= y < band[3]


def node_box(scene: Scene, node: GraphNode, centre: Point, width: float, words: Words) -> None:
    x, y = centre
    box: Box = (x - width / 2, y - BOX_H / 2, x + width / 2, y + BOX_H / 2)
    scene.boxes.append(box)
    border = colors.HexColor(SANCTION_COLOURS.get(node.sanctions, SANCTION_COLOURS["none"]))
    shapes: list[Any] = [Rect(box[0], scene.y(box[3]), width, BOX_H, rx=3, ry=3,
                              fillColor=colors.HexColor(role_fill(node.roles)),
                              strokeColor=border,
                              strokeWidth=BORDER_WIDTHS.get(node.sanctions, 0.5))]
    inner = width - 2 * PAD
    roles = ", ".join(words.get(f"role_{r}", r) for r in node.roles) \
        or words["role_not_recorded"]
    told = f"{roles} · {node.country}" if node.country else roles
    note = {"designated": ("designated_by", node.designated_by),
            "formerly": ("formerly_by", node.formerly_by)}.get(node.sanctions)
    said = words[note[0]].format(who=", ".join(note[1])) if note else ""
    size = _name_size(node.name, inner)
    names, facts, notes = _box_lines(node.name, told, said, inner, size)
    small = [(line, MUTED, False) for line in facts] + [(line, border, True) for line in notes]
    top = y - (len(names) * NAME_LEADING + len(small) * FACT_LEADING) / 2
    for line in names:
        shapes += strings(line, x, scene.y(top + NAME_LEADING * 0.78), size, TEXT, bold=True)
        top += NAME_LEADING
    for text, colour, bold in small:
        shapes += strings(text, x, scene.y(top + FACT_LEADING * 0.78), FACT_SIZE, colour,
                          bold=bold)
        top += FACT_LEADING
    if node.sanctions != "none":
        shapes += sanction_marker(box[0] + 1.5, scene.y(box[1] + 1.5), node.sanctions)
    if node.is_hub:
        shapes += hub_tag(box[2] - 9, scene.y(box[1]))
    scene.add("box", (box[0] - MARGIN, box[1] - MARGIN, box[2] + MARGIN, box[3]), shapes)


def _name_size(name: str, width: float) -> float:
    """The name's size: smaller (down to 85 %) when its longest word would not fit a line."""
    widest = max((text_width(word, NAME_SIZE, True) for word in name.split()), default=0.0)
    return max(NAME_SIZE * 0.85, min(NAME_SIZE, NAME_SIZE * width / widest)) if widest \
        else NAME_SIZE


def _box_lines(name: str, facts: str, note: str, width: float, size: float = NAME_SIZE
               ) -> tuple[list[str], list[str], list[str]]:
    """What a box says, fitted to its height: the name on up to four lines, the roles and
    country and the designation on up to two each; when they do not all fit, the roles give
    way first, then the designation, then the name (elided on its last line)."""
    room = BOX_H - 2 * PAD
    fact_lines = wrapped(facts, FACT_SIZE, width, 2, bold=False)
    note_lines = wrapped(note, FACT_SIZE, width, 2) if note else []
    name_lines = wrapped(name, size, width, 4)
    for shrink in ("facts", "note", "name"):
        if len(name_lines) * NAME_LEADING + (len(fact_lines) + len(note_lines)) \
                * FACT_LEADING <= room:
            break
        if shrink == "facts":
            fact_lines = wrapped(facts, FACT_SIZE, width, 1, bold=False)
        elif shrink == "note" and note_lines:
            note_lines = wrapped(note, FACT_SIZE, width, 1)
    most = max(1, int((room - (len(fact_lines) + len(note_lines)) * FACT_LEADING)
                      // NAME_LEADING))
    return wrapped(name, size, width, min(most, 4)), fact_lines, note_lines


def sanction_marker(x: float, y: float, state: str) -> list[Any]:
    """A round marker with an 'S': filled red when designated now, hollow amber when
    formerly designated (centre at x, y in ReportLab's coordinates)."""
    colour = colors.HexColor(SANCTION_COLOURS[state])
    designated = state == "designated"
    return [Circle(x, y, 4.0, fillColor=colour if designated else WHITE, strokeColor=colour,
                   strokeWidth=0.9),
            *strings("S", x, y - 1.6, 4.6, WHITE if designated else colour, bold=True)]


def hub_tag(x: float, y: float) -> list[Any]:
    """The 'HUB' tag of an organization in a transshipment hub country."""
    return [Rect(x - 7.5, y - 3.2, 15, 6.4, rx=3.2, ry=3.2, fillColor=colors.HexColor(HUB_COLOUR),
                 strokeColor=None, strokeWidth=0),
            *strings("HUB", x, y - 1.5, 4.0, WHITE, bold=True)]


# ---------------------------------------------------------------------------- legend
LEGEND_SIZE = 5.8


def legend_rows(entries: list[tuple[str, Any]], width: float
                ) -> list[list[tuple[float, str, Any]]]:
    """Entries flowed left to right into rows (a heading never ends a row)."""
    rows: list[list[tuple[float, str, Any]]] = [[]]
    x = 5.0
    for number, (kind, value) in enumerate(entries):
        size = _entry_width(kind, value)
        need = size
        if kind == "heading" and number + 1 < len(entries):
            need += _entry_width(*entries[number + 1])
        if rows[-1] and x + need > width - 4:
            rows.append([])
            x = 5.0
        rows[-1].append((x, kind, value))
        x += size
    return rows


def _entry_width(kind: str, value: Any) -> float:
    if kind == "heading":
        return text_width(value, LEGEND_SIZE, True) + 6
    text = value if isinstance(value, str) else value[1]
    lead = {"role": 13, "status": 24, "sanction": 11, "hub": 18}[kind]
    return lead + text_width(text, LEGEND_SIZE) + 9


def legend_entry(kind: str, value: Any, x: float, y: float, words: Words) -> list[Any]:
    """One entry of the legend at `x`, its middle at `y` (ReportLab's coordinates)."""
    baseline = y - LEGEND_SIZE * 0.35
    if kind == "heading":
        return strings(value, x, baseline, LEGEND_SIZE, TEXT, bold=True, anchor="start")
    if kind == "role":
        fill, text = value
        return [Rect(x, y - 3.2, 10, 6.4, rx=1.5, ry=1.5, fillColor=colors.HexColor(fill),
                     strokeColor=colors.HexColor(SANCTION_COLOURS["none"]), strokeWidth=0.4),
                *strings(text, x + 13, baseline, LEGEND_SIZE, MUTED, anchor="start")]
    if kind == "status":
        status, text = value
        colour = colors.HexColor(EDGE_COLOURS[status])
        return [Line(x, y, x + 17, y, strokeColor=colour, strokeWidth=LINE_WIDTH,
                     strokeLineCap=0, strokeDashArray=DASHES[status]),
                Polygon([x + 21, y, x + 17, y - 2, x + 17, y + 2], fillColor=colour,
                        strokeColor=None, strokeWidth=0),
                *strings(text, x + 24, baseline, LEGEND_SIZE, MUTED, anchor="start")]
    if kind == "sanction":
        state, text = value
        return [*sanction_marker(x + 4, y, state),
                *strings(text, x + 11, baseline, LEGEND_SIZE, MUTED, anchor="start")]
    return [*hub_tag(x + 7.5, y),
            *strings(value, x + 18, baseline, LEGEND_SIZE, MUTED, anchor="start")]


def draw_note(canvas: Any, width: float, y: float, text: str) -> None:
    """A small note drawn straight on the page (under a slice cut at the foot of a page)."""
    canvas.saveState()
    canvas.setFont(fonts.BODY, 6)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(width, y, f"… {text}")
    canvas.restoreState()
