"""The arrows of a supply diagram, placed as the screen places them
(`gui/graph/graph_drawing.py`): arrows leave a box on the side facing their buyer and enter on
the side facing their seller, several arrows on one side are spread along it in the order of
where they come from, an arrow longer than one column runs straight through the columns it
crosses (on the rows the layout kept free for it) and curves between them, and links between
the same two companies with the same status are one arrow, its dates on a light label where
the label hides no box and no other label. `build` puts boxes and arrows on one scene."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any
from uuid import UUID

from reportlab.graphics.shapes import Group, Path, Polygon, Rect
from reportlab.lib import colors

from forensics_gui.core.graph import Bundle, SupplyGraph, bundles_of, pair_offsets
from forensics_gui.core.graph_layout import Layout
from forensics_gui.formats.palette import EDGE_COLOURS
from forensics_gui.reports.diagram_shapes import (
    ARROW,
    BOX_H,
    DASHES,
    LABEL_LEADING,
    LABEL_SIZE,
    LINE_WIDTH,
    MARGIN,
    PAIR_OFFSET,
    PORT_GAP,
    ROW_PITCH,
    WHITE,
    Box,
    Point,
    Scene,
    node_box,
    overlap,
    scene_height,
    strings,
    text_width,
)
from forensics_gui.reports.words import Words

STATUS_RANK = {"documented": 0, "probable": 1, "hypothesis": 2}
LABEL_SHIFTS = (0.0, -0.12, 0.12, -0.24, 0.24, -0.36, 0.36)


def build(graph: SupplyGraph, layout: Layout, box_width: float, gap: float,
          words: Words, cuts: Sequence[float] = ()) -> Scene:
    """The shapes of `graph` laid out by `layout`, boxes `box_width` wide; no date is put
    across the `cuts` (where the drawing is divided into parts of a few columns each)."""
    columns = max(layout.columns, 1)
    scene = Scene(columns * box_width + (columns - 1) * gap + 2 * MARGIN,
                  scene_height(layout.height))
    pitch = box_width + gap
    centres = {key: (MARGIN + column * pitch + box_width / 2,
                     MARGIN + row * ROW_PITCH + BOX_H / 2)
               for key, (column, row) in layout.positions.items()}
    for node in graph.nodes:
        if node.id in centres:
            node_box(scene, node, centres[node.id], box_width, words)
    bundles = [b for b in bundles_of(graph.edges)
               if b.seller_id in centres and b.buyer_id in centres]
    with_part = len({e.part_number for e in graph.edges if e.part_number}) > 1
    router = _Router(scene, centres, layout, box_width, pitch, words, with_part)
    router.taken += [(x - 1, -1e9, x + 1, 1e9) for x in cuts]
    router.route(bundles)
    return scene


def edge_label(bundle: Bundle, with_part: bool, words: Words) -> list[str]:
    """The dates of an arrow's links (the first and last when several), the part when the
    graph holds several, and how many links when more than one: one to three lines."""
    dates = sorted({link.shipped_on for link in bundle.links if link.shipped_on})
    lines = _span(dates) if dates else [words["undated"]]
    if dates and len(dates) < len(bundle.links):
        lines[-1] += f" + {words['undated']}"
    count = f" ×{len(bundle.links)}" if len(bundle.links) > 1 else ""
    parts = sorted({link.part_number for link in bundle.links if link.part_number})
    part = (parts[0] if len(parts) == 1 else f"{len(parts)} parts") if parts else ""
    if with_part and part:
        return [f"{part}{count}", *lines]
    lines[-1] += count
    return lines


def _span(dates: Sequence[date]) -> list[str]:
    if len(dates) == 1:
        return [dates[0].isoformat()]
    return [f"{dates[0].isoformat()} –", dates[-1].isoformat()]


@dataclass
class _End:
    bundle: Bundle
    node: UUID
    toward: float  # y of the point the arrow comes from or goes to, for ordering


class _Router:
    """Ports and paths of the arrows, and where their dates go."""

    def __init__(self, scene: Scene, centres: dict[Any, Point], layout: Layout,
                 box_width: float, pitch: float, words: Words, with_part: bool) -> None:
        self.scene, self.centres, self.layout = scene, centres, layout
        self.box_width, self.pitch, self.words, self.with_part = box_width, pitch, words, with_part
        self.ports: dict[tuple[UUID, int, str], float] = {}
        self.taken: list[Box] = list(scene.boxes)

    def route(self, bundles: list[Bundle]) -> None:
        offsets, shares = pair_offsets(bundles, PAIR_OFFSET)
        ways = {b.key: self._waypoints(b, offsets[b.key]) for b in bundles}
        self._assign_ports(bundles, ways)
        for bundle in bundles:
            self._draw(bundle, ways[bundle.key], shares[bundle.key])

    def _direction(self, bundle: Bundle) -> float:
        seller, buyer = self.centres[bundle.seller_id], self.centres[bundle.buyer_id]
        return 1.0 if seller[0] < buyer[0] else -1.0

    def _waypoints(self, bundle: Bundle, offset: float) -> list[Point]:
        points = self.layout.routes.get((bundle.seller_id, bundle.buyer_id), ())
        return [(MARGIN + column * self.pitch + self.box_width / 2,
                 MARGIN + row * ROW_PITCH + BOX_H / 2 + offset) for column, row in points]

    def _assign_ports(self, bundles: list[Bundle], ways: dict[Any, list[Point]]) -> None:
        sides: dict[tuple[UUID, int], list[_End]] = defaultdict(list)
        for bundle in bundles:
            direction = int(self._direction(bundle))
            way = ways[bundle.key]
            first = way[0][1] if way else self.centres[bundle.buyer_id][1]
            last = way[-1][1] if way else self.centres[bundle.seller_id][1]
            sides[(bundle.seller_id, direction)].append(_End(bundle, bundle.seller_id, first))
            sides[(bundle.buyer_id, -direction)].append(_End(bundle, bundle.buyer_id, last))
        for (node, side), ends in sides.items():
            ends.sort(key=lambda e: (e.toward, e.bundle.key))
            count = len(ends)
            gap = min(PORT_GAP, (BOX_H - 10) / (count - 1)) if count > 1 else 0.0
            for i, end in enumerate(ends):
                role = "out" if end.node == end.bundle.seller_id else "in"
                self.ports[(node, side, f"{role}{end.bundle.key}")] = \
                    self.centres[node][1] + (i - (count - 1) / 2) * gap

    def _port(self, node: UUID, side: float, role: str, bundle: Bundle) -> Point:
        y = self.ports[(node, int(side), f"{role}{bundle.key}")]
        return self.centres[node][0] + side * self.box_width / 2, y

    def _draw(self, bundle: Bundle, way: list[Point], share: tuple[int, int]) -> None:
        direction = self._direction(bundle)
        start = self._port(bundle.seller_id, direction, "out", bundle)
        tip = self._port(bundle.buyer_id, -direction, "in", bundle)
        end = (tip[0] - direction * ARROW, tip[1])
        segments: list[tuple[Point, ...]] = []
        current = start
        for point in way:
            entry = (point[0] - direction * self.box_width / 2, point[1])
            segments.append(_curve(current, entry))
            current = (point[0] + direction * self.box_width / 2, point[1])
            segments.append((entry, current))
        segments.append(_curve(current, end))
        colour = colors.HexColor(EDGE_COLOURS.get(bundle.status, "#1F2937"))
        path = Path(strokeColor=colour, strokeWidth=LINE_WIDTH, fillColor=None,
                    strokeLineCap=0, strokeDashArray=DASHES.get(bundle.status))
        path.moveTo(start[0], self.scene.y(start[1]))
        for segment in segments:
            if len(segment) == 4:
                (_, c1, c2, p) = segment
                path.curveTo(c1[0], self.scene.y(c1[1]), c2[0], self.scene.y(c2[1]),
                             p[0], self.scene.y(p[1]))
            else:
                path.lineTo(segment[1][0], self.scene.y(segment[1][1]))
        base = tip[0] - direction * ARROW
        head = Polygon([tip[0], self.scene.y(tip[1]), base, self.scene.y(tip[1] - ARROW / 2),
                        base, self.scene.y(tip[1] + ARROW / 2)], fillColor=colour,
                       strokeColor=None, strokeWidth=0)
        line = [*_polyline(segments), tip]  # the arrow's head is part of its length
        xs, ys = [p[0] for p in line], [p[1] for p in line]
        self.scene.add("line", (min(xs) - 1, min(ys) - 1, max(xs) + 1, max(ys) + 1),
                       [Group(path, head)])
        index, count = share
        at = 0.5 + (index - (count - 1) / 2) * (0.5 / max(count, 2))
        self._label(bundle, line, at, colour)

    def _label(self, bundle: Bundle, line: list[Point], at: float, colour: Any) -> None:
        """The dates where they hide no box and no other label, trying places along the
        arrow; where there is none they are left out (and counted)."""
        lines = edge_label(bundle, self.with_part, self.words)
        width = max(text_width(t, LABEL_SIZE) for t in lines) + 3
        height = LABEL_LEADING * len(lines) + 1
        for shift in LABEL_SHIFTS:
            x, y = _point_at(line, min(max(at + shift, 0.08), 0.92))
            box = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
            if box[0] < 0 or box[2] > self.scene.width or any(overlap(box, o)
                                                              for o in self.taken):
                continue
            self.taken.append(box)
            shapes: list[Any] = [Rect(box[0], self.scene.y(box[3]), width, height, rx=1.5,
                                      ry=1.5, fillColor=WHITE, fillOpacity=0.92,
                                      strokeColor=None, strokeWidth=0)]
            baseline = box[1] + 0.5 + LABEL_LEADING * 0.8
            for text in lines:
                shapes += strings(text, x, self.scene.y(baseline), LABEL_SIZE, colour)
                baseline += LABEL_LEADING
            self.scene.add("label", box, shapes)
            return
        self.scene.hidden_labels += 1


def _curve(start: Point, end: Point) -> tuple[Point, Point, Point, Point]:
    """A curve leaving and arriving horizontally."""
    middle = (end[0] - start[0]) / 2
    return start, (start[0] + middle, start[1]), (end[0] - middle, end[1]), end


def _polyline(segments: list[tuple[Point, ...]], steps: int = 12) -> list[Point]:
    points: list[Point] = [segments[0][0]]
    for segment in segments:
        if len(segment) == 2:
            points.append(segment[1])
            continue
        p0, c1, c2, p3 = segment
        for i in range(1, steps + 1):
            t = i / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
            points.append((a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0],
                           a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1]))
    return points


def _point_at(line: list[Point], fraction: float) -> Point:
    pairs = list(pairwise(line))
    lengths = [((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in pairs]
    goal = sum(lengths) * fraction
    for (a, b), length in zip(pairs, lengths, strict=True):
        if goal <= length and length > 0:
            t = goal / length
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        goal -= length
    return line[-1]
