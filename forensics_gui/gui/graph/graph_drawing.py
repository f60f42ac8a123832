"""Putting a laid-out supply graph on a scene: where each box goes, where each arrow leaves
and enters its boxes, the curves between columns, the title and the legend.

Arrows leave a box on the side facing their buyer and enter on the side facing their seller;
several arrows on one side are spread along it in the order of where they come from, so they
do not cross at the box. An arrow longer than one column runs straight through the columns
it crosses (on the rows the layout kept free for it) and curves between them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from forensics_gui.core.graph import Bundle, SupplyGraph, bundles_of, pair_offsets
from forensics_gui.core.graph_layout import Layout
from forensics_gui.formats.palette import EDGE_COLOURS, ROLE_FILLS
from forensics_gui.gui.graph.graph_scene import (
    ARROW,
    COLUMN_W,
    MUTED,
    NODE_H,
    NODE_W,
    PEN_STYLES,
    PORT_GAP,
    ROW_H,
    TEXT,
    EdgeItem,
    EdgeLabelItem,
    NodeItem,
    edge_label,
    font,
    hub_tag,
    sanction_marker,
)
from forensics_gui.gui.kit.i18n import translate

LABEL_SHIFTS = (0.0, -0.12, 0.12, -0.24, 0.24, -0.36, 0.36)
PAIR_OFFSET = 9.0  # between arrows of different status joining the same two companies
MARGIN = 36.0
LEGEND_ROLES = ("manufacturer", "authorised distributor", "distributor", "trading company",
                "logistics", "importer", "end user")


@dataclass
class Drawn:
    """The items of a drawn graph, by what they stand for."""

    nodes: dict[UUID, NodeItem] = field(default_factory=dict)
    edges: list[EdgeItem] = field(default_factory=list)
    labels: list[EdgeLabelItem] = field(default_factory=list)
    hidden_labels: int = 0  # labels left out where they would have covered others


@dataclass
class _End:
    bundle: Bundle
    node: UUID
    side: float  # +1 right side of the box, -1 left side
    toward: float  # y of the point the arrow comes from or goes to, for ordering


def draw_graph(scene: QGraphicsScene, graph: SupplyGraph, layout: Layout, *,
               title: str, subtitle: str, labels: bool = True) -> Drawn:
    """Draw the graph on an empty scene: title, legend, then the graph below them."""
    top = _header(scene, title, subtitle)
    centres = {key: QPointF(column * COLUMN_W, top + row * ROW_H + NODE_H / 2)
               for key, (column, row) in layout.positions.items()}
    drawn = Drawn()
    for node in graph.nodes:
        if node.id in centres:
            item = NodeItem(node)
            item.setPos(centres[node.id])
            scene.addItem(item)
            drawn.nodes[node.id] = item
    bundles = [b for b in bundles_of(graph.edges)
               if b.seller_id in centres and b.buyer_id in centres]
    with_part = len({e.part_number for e in graph.edges if e.part_number}) > 1
    _Router(scene, drawn, centres, layout, top, labels, with_part).route(bundles)
    return drawn


def draw_message(scene: QGraphicsScene, title: str, message: str) -> None:
    """A scene saying why there is no graph to draw."""
    top = _header(scene, title, "", legend=False)
    text = scene.addText(message, font(11))
    text.setDefaultTextColor(MUTED)
    text.setTextWidth(560)
    text.setPos(0, top)


def _header(scene: QGraphicsScene, title: str, subtitle: str, legend: bool = True) -> float:
    """Title, subtitle and legend at the top left; returns where the graph starts."""
    heading = scene.addText(title, font(13, True))
    heading.setDefaultTextColor(TEXT)
    heading.setPos(-NODE_W / 2, -20)
    y = heading.pos().y() + heading.boundingRect().height()
    if subtitle:
        sub = scene.addText(subtitle, font(9))
        sub.setDefaultTextColor(MUTED)
        sub.setPos(-NODE_W / 2, y - 4)
        y += sub.boundingRect().height() - 4
    if legend:
        key = LegendItem()
        key.setPos(-NODE_W / 2, y + 8)
        scene.addItem(key)
        y += key.boundingRect().height() + 8
    return y + MARGIN


class _Router:
    """Ports and paths of the arrows."""

    def __init__(self, scene: QGraphicsScene, drawn: Drawn, centres: dict[Any, QPointF],
                 layout: Layout, top: float, labels: bool, with_part: bool) -> None:
        self.scene, self.drawn, self.centres, self.layout = scene, drawn, centres, layout
        self.top = top
        self.labels, self.with_part = labels, with_part
        self.ports: dict[tuple[UUID, int, str], float] = {}
        self.taken = _Taken()
        for centre in centres.values():
            self.taken.add(QRectF(centre.x() - NODE_W / 2, centre.y() - NODE_H / 2,
                                  NODE_W, NODE_H))

    def route(self, bundles: list[Bundle]) -> None:
        offsets, shares = pair_offsets(bundles, PAIR_OFFSET)
        ways = {self._key(b): self._waypoints(b, offsets[self._key(b)]) for b in bundles}
        self._assign_ports(bundles, ways)
        for bundle in bundles:
            key = self._key(bundle)
            self._draw(bundle, ways[key], shares[key])

    @staticmethod
    def _key(bundle: Bundle) -> tuple[str, str, int]:
        return bundle.key

    def _direction(self, bundle: Bundle) -> float:
        seller, buyer = self.centres[bundle.seller_id], self.centres[bundle.buyer_id]
        return 1.0 if seller.x() < buyer.x() else -1.0

    def _waypoints(self, bundle: Bundle, offset: float) -> list[QPointF]:
        points = self.layout.routes.get((bundle.seller_id, bundle.buyer_id), ())
        return [QPointF(column * COLUMN_W, self.top + row * ROW_H + NODE_H / 2 + offset)
                for column, row in points]

    def _assign_ports(self, bundles: list[Bundle], ways: dict[Any, list[QPointF]]) -> None:
        sides: dict[tuple[UUID, int], list[_End]] = defaultdict(list)
        for bundle in bundles:
            direction = self._direction(bundle)
            way = ways[bundle.key]
            buyer, seller = self.centres[bundle.buyer_id], self.centres[bundle.seller_id]
            first = way[0].y() if way else buyer.y()
            last = way[-1].y() if way else seller.y()
            sides[(bundle.seller_id, int(direction))].append(
                _End(bundle, bundle.seller_id, direction, first))
            sides[(bundle.buyer_id, int(-direction))].append(
                _End(bundle, bundle.buyer_id, -direction, last))
        for (node, side), ends in sides.items():
            ends.sort(key=lambda e: (e.toward, e.bundle.key))
            count = len(ends)
            gap = min(PORT_GAP, (NODE_H - 18) / (count - 1)) if count > 1 else 0.0
            for i, end in enumerate(ends):
                role = "out" if end.node == end.bundle.seller_id else "in"
                self.ports[(node, side, f"{role}{end.bundle.key}")] = \
                    self.centres[node].y() + (i - (count - 1) / 2) * gap

    def _port(self, node: UUID, side: float, role: str, bundle: Bundle) -> QPointF:
        y = self.ports[(node, int(side), f"{role}{bundle.key}")]
        return QPointF(self.centres[node].x() + side * NODE_W / 2, y)

    def _draw(self, bundle: Bundle, way: list[QPointF], share: tuple[int, int]) -> None:
        direction = self._direction(bundle)
        start = self._port(bundle.seller_id, direction, "out", bundle)
        tip = self._port(bundle.buyer_id, -direction, "in", bundle)
        end = QPointF(tip.x() - direction * ARROW, tip.y())
        path = QPainterPath(start)
        current = start
        for point in way:
            entry = QPointF(point.x() - direction * NODE_W / 2, point.y())
            _curve(path, current, entry)
            current = QPointF(point.x() + direction * NODE_W / 2, point.y())
            path.lineTo(current)
        _curve(path, current, end)
        item = EdgeItem(bundle, path, tip, direction)
        self.scene.addItem(item)
        self.drawn.edges.append(item)
        if self.labels:
            index, count = share
            at = 0.5 + (index - (count - 1) / 2) * (0.5 / max(count, 2))
            self._label(item, edge_label(bundle, self.with_part), at)

    def _label(self, item: EdgeItem, text: str, at: float) -> None:
        """Put the label where it hides no box and no other label, trying places along the
        arrow; where there is none, the dates stay in the arrow's tooltip."""
        label = EdgeLabelItem(item, text, at)
        for shift in LABEL_SHIFTS:
            t = min(max(at + shift, 0.08), 0.92)
            point = item.path().pointAtPercent(t)
            if self.taken.free(label.rect.translated(point)):
                label.setPos(point)
                self.taken.add(label.rect.translated(point))
                self.scene.addItem(label)
                self.drawn.labels.append(label)
                return
        self.drawn.hidden_labels += 1


class _Taken:
    """Rectangles already used on the scene, in a grid of cells for quick look-ups (the
    scene's own index is rebuilt after every item added, too slow for thousands of labels)."""

    CELL = 160.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[QRectF]] = defaultdict(list)

    def _keys(self, rect: QRectF) -> list[tuple[int, int]]:
        left, right = int(rect.left() // self.CELL), int(rect.right() // self.CELL)
        top, bottom = int(rect.top() // self.CELL), int(rect.bottom() // self.CELL)
        return [(x, y) for x in range(left, right + 1) for y in range(top, bottom + 1)]

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self.cells[key].append(rect)

    def free(self, rect: QRectF) -> bool:
        return not any(rect.intersects(other) for key in self._keys(rect)
                       for other in self.cells.get(key, ()))


def _curve(path: QPainterPath, start: QPointF, end: QPointF) -> None:
    """A curve leaving and arriving horizontally."""
    middle = (end.x() - start.x()) / 2
    path.cubicTo(QPointF(start.x() + middle, start.y()), QPointF(end.x() - middle, end.y()),
                 end)


class LegendItem(QGraphicsItem):
    """What the fills, borders, markers and line styles mean."""

    ROW = 19.0
    PAD = 10.0
    COLUMNS = (0.0, 175.0, 350.0, 480.0)
    WIDTH = 690.0

    def __init__(self) -> None:
        super().__init__()
        self.sanctions = (translate("graph_drawing", "designated now (red border)"),
                          translate("graph_drawing", "formerly designated"),
                          translate("graph_drawing", "transshipment hub country"))
        # As wide as the last column's words need in the interface's language.
        words = max(QFontMetricsF(font(8)).horizontalAdvance(text) for text in self.sanctions)
        self.width = max(self.WIDTH, self.PAD * 2 + 2 + self.COLUMNS[3] + 32 + words)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.PAD * 2 + self.ROW * 5)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: Any = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#D0D5DB"), 1))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(self.boundingRect(), 8, 8)
        x0, first = self.PAD + 2, self.PAD + self.ROW / 2
        self._heading(painter, x0, first, translate("graph_drawing", "Role (fill)"))
        for i, role in enumerate(LEGEND_ROLES):
            column, row = divmod(i, 4)
            self._swatch(painter, x0 + self.COLUMNS[column], first + self.ROW * (row + 1), role)
        self._heading(painter, x0 + self.COLUMNS[2], first,
                      translate("graph_drawing", "Link status"))
        for row, status in enumerate(("documented", "probable", "hypothesis"), start=1):
            self._line(painter, x0 + self.COLUMNS[2], first + self.ROW * row, status)
        self._heading(painter, x0 + self.COLUMNS[3], first,
                      translate("graph_drawing", "Sanctions and hubs"))
        x = x0 + self.COLUMNS[3]
        sanction_marker(painter, QPointF(x + 10, first + self.ROW), "designated")
        self._label(painter, x + 26, first + self.ROW, self.sanctions[0])
        sanction_marker(painter, QPointF(x + 10, first + self.ROW * 2), "formerly")
        self._label(painter, x + 26, first + self.ROW * 2, self.sanctions[1])
        hub_tag(painter, QPointF(x + 10, first + self.ROW * 3))
        self._label(painter, x + 32, first + self.ROW * 3, self.sanctions[2])

    def _heading(self, painter: QPainter, x: float, y: float, text: str) -> None:
        self._label(painter, x, y, text, bold=True)

    def _label(self, painter: QPainter, x: float, y: float, text: str,
               bold: bool = False) -> None:
        shown = font(8, bold)
        painter.setFont(shown)
        painter.setPen(TEXT if bold else MUTED)
        height = QFontMetricsF(shown).height()
        painter.drawText(QRectF(x, y - height / 2, 220, height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _swatch(self, painter: QPainter, x: float, y: float, role: str) -> None:
        painter.setPen(QPen(QColor("#59636E"), 1))
        painter.setBrush(QColor(ROLE_FILLS[role]))
        painter.drawRoundedRect(QRectF(x, y - 6, 20, 12), 3, 3)
        self._label(painter, x + 26, y, role)

    def _line(self, painter: QPainter, x: float, y: float, status: str) -> None:
        colour = QColor(EDGE_COLOURS[status])
        pen = QPen(colour, 1.8, PEN_STYLES[status])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, y), QPointF(x + 30, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon([QPointF(x + 38, y), QPointF(x + 30, y - 4), QPointF(x + 30, y + 4)])
        self._label(painter, x + 46, y, status)
