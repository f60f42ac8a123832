"""What the supply graph is drawn with: organizations, links, the legend and the title.

Organizations are rounded boxes filled by role, with a thick red border and a red marker when
designated today, an amber border and marker when formerly designated, and a "HUB" tag when
their country is a transshipment hub. Links are arrows from seller to buyer: documented
solid, probable dashed, hypothesis dotted. Links between the same two companies with the
same status are drawn as one arrow (labelled with their number); different statuses between
the same pair are drawn side by side.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from forensics_gui.core.graph import Bundle, GraphNode
from forensics_gui.formats.palette import EDGE_COLOURS, HUB_COLOUR, SANCTION_COLOURS, role_fill
from forensics_gui.gui.kit.i18n import translate

NODE_W, NODE_H = 200.0, 74.0
NODE_PAD = 10.0  # between a box's border and its text
COLUMN_W, ROW_H = 350.0, 104.0
ARROW = 10.0
TEXT_DETAIL = 0.3  # below this scale, text would be a few pixels high: left out
PORT_GAP = 11.0
TEXT = QColor("#1F2937")
MUTED = QColor("#4B5563")
PEN_STYLES = {"documented": Qt.PenStyle.SolidLine, "probable": Qt.PenStyle.DashLine,
              "hypothesis": Qt.PenStyle.DotLine}
BORDER_WIDTHS = {"designated": 3.5, "formerly": 2.5, "none": 1.2}


def font(size: float, bold: bool = False) -> QFont:
    """The graph's fonts: fixed point sizes, so that exported images look the same."""
    shown = QFont()
    shown.setPointSizeF(size)
    shown.setBold(bold)
    return shown


# ----------------------------------------------------------------- organizations
class NodeItem(QGraphicsItem):
    """One organization; clicking it opens its record."""

    def __init__(self, node: GraphNode) -> None:
        super().__init__()
        self.node = node
        self.fill = QColor(role_fill(node.roles))
        self.border = QColor(SANCTION_COLOURS[node.sanctions])
        self.border_width = BORDER_WIDTHS[node.sanctions]
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)
        self.setToolTip(node_tooltip(node))
        self.hovered = False

    def boundingRect(self) -> QRectF:
        return QRectF(-NODE_W / 2 - 12, -NODE_H / 2 - 12, NODE_W + 24, NODE_H + 24)

    def box(self) -> QRectF:
        return QRectF(-NODE_W / 2, -NODE_H / 2, NODE_W, NODE_H)

    def shape(self) -> QPainterPath:
        # The box itself: what a click hits and what labels must not cover.
        path = QPainterPath()
        path.addRoundedRect(self.box(), 9, 9)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: Any = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.border_width + (0.8 if self.hovered else 0.0)
        painter.setPen(QPen(self.border, width))
        painter.setBrush(self.fill)
        painter.drawRoundedRect(self.box(), 9, 9)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < TEXT_DETAIL:
            return  # too small to read: boxes only, so that a large graph pans smoothly
        self._text(painter)
        if self.node.sanctions != "none":
            self._sanction_marker(painter)
        if self.node.is_hub:
            self._hub_tag(painter)

    def text_lines(self) -> list[tuple[QFont, QColor, str]]:
        """What the box says, line by line, each line fitting the box: the name on as many
        lines as the box has room for (elided on the last one only when even they are too
        few; the tooltip names it in full), the roles and country, the designation."""
        width = NODE_W - 2 * NODE_PAD
        facts = [(font(8), MUTED, self._facts())]
        note = {"designated": (translate("graph_scene", "Designated: {by}"),
                               self.node.designated_by),
                "formerly": (translate("graph_scene", "Formerly designated: {by}"),
                             self.node.formerly_by)
                }.get(self.node.sanctions)
        if note:
            facts.append((font(8, True), self.border, note[0].format(by=", ".join(note[1]))))
        name_font = font(9.5, True)
        room = NODE_H - 8 - sum(QFontMetricsF(f).height() for f, _, _ in facts)
        most = max(1, int(room // QFontMetricsF(name_font).height()))
        names = wrapped(self.node.name, name_font, width, most)
        lines = [(name_font, TEXT, line) for line in names] + facts
        return [(f, colour, QFontMetricsF(f).elidedText(text, Qt.TextElideMode.ElideRight,
                                                        width))
                for f, colour, text in lines]

    def _text(self, painter: QPainter) -> None:
        left, width = -NODE_W / 2 + NODE_PAD, NODE_W - 2 * NODE_PAD
        lines = self.text_lines()
        heights = [QFontMetricsF(f).height() for f, _, _ in lines]
        y = -sum(heights) / 2
        for (shown_font, colour, text), height in zip(lines, heights, strict=True):
            painter.setFont(shown_font)
            painter.setPen(colour)
            # Never clipped to the rectangle: a glyph drawn a hair wider than measured (at
            # another zoom or resolution) shows whole, inside the box's margin.
            painter.drawText(QRectF(left, y, width, height),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter |
                             Qt.TextFlag.TextDontClip, text)
            y += height

    def _facts(self) -> str:
        roles = ", ".join(self.node.roles) or translate("graph_scene", "role not recorded")
        return f"{roles} · {self.node.country}" if self.node.country else roles

    def _sanction_marker(self, painter: QPainter) -> None:
        centre = QPointF(-NODE_W / 2 + 2, -NODE_H / 2 + 2)
        sanction_marker(painter, centre, self.node.sanctions)

    def _hub_tag(self, painter: QPainter) -> None:
        hub_tag(painter, QPointF(NODE_W / 2 - 22, -NODE_H / 2))

    def hoverEnterEvent(self, event: Any) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event: Any) -> None:
        self.hovered = False
        self.update()


def wrapped(text: str, shown_font: QFont, width: float, most: int = 2) -> list[str]:
    """`text` broken at spaces into at most `most` lines that fit `width` (the last one is
    elided when drawn if the rest still does not fit)."""
    metrics = QFontMetricsF(shown_font)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines) <= most and \
                metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        elif len(lines) < most:
            lines.append(word)
        else:
            lines[-1] += f" {word}"
    return lines or [""]


def sanction_marker(painter: QPainter, centre: QPointF, state: str) -> None:
    """A round marker with an 'S': filled red when designated now, hollow amber when
    formerly designated."""
    colour = QColor(SANCTION_COLOURS[state])
    designated = state == "designated"
    painter.setPen(QPen(colour, 2.0))
    painter.setBrush(colour if designated else QColor("#FFFFFF"))
    painter.drawEllipse(centre, 9.5, 9.5)
    painter.setPen(QColor("#FFFFFF") if designated else colour)
    painter.setFont(font(8.5, True))
    painter.drawText(QRectF(centre.x() - 9.5, centre.y() - 9.5, 19, 19),
                     Qt.AlignmentFlag.AlignCenter, translate("graph_scene", "S"))


def hub_tag(painter: QPainter, centre: QPointF) -> None:
    """The 'HUB' tag of an organization in a transshipment hub country."""
    rect = QRectF(centre.x() - 17, centre.y() - 8, 34, 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(HUB_COLOUR))
    painter.drawRoundedRect(rect, 8, 8)
    painter.setPen(QColor("#FFFFFF"))
    painter.setFont(font(7, True))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, translate("graph_scene", "HUB"))


def node_tooltip(node: GraphNode) -> str:
    """What hovering over an organization tells."""
    lines = [f"<b>{_html(node.name)}</b>", _html(", ".join(node.roles) or
                                                translate("graph_scene", "role not recorded"))]
    if node.country:
        lines.append(translate("graph_scene", "Country: {country} — transshipment hub ({hub})")
                     .format(country=node.country, hub=_html(node.hub)) if node.hub else
                     translate("graph_scene", "Country: {country}").format(country=node.country))
    if node.sanctions == "designated":
        lines.append(translate("graph_scene", "<b>Designated now</b> by {by}").format(
            by=", ".join(node.designated_by)))
    if node.formerly_by:
        lines.append(translate("graph_scene", "Formerly designated by {by}").format(
            by=", ".join(node.formerly_by)))
    if node.sanctions == "none":
        lines.append(translate("graph_scene",
                               "Not designated by any authority recorded in the store"))
    lines.append(translate("graph_scene", "<i>Click to open the organization</i>"))
    return "<br>".join(lines)


# ------------------------------------------------------------------------ links
class EdgeItem(QGraphicsPathItem):
    """One arrow (one or more links); clicking it opens the link record."""

    def __init__(self, bundle: Bundle, path: QPainterPath, tip: QPointF,
                 direction: float) -> None:
        super().__init__(path)
        self.bundle = bundle
        self.tip, self.direction = tip, direction
        colour = QColor(EDGE_COLOURS.get(bundle.status, "#1F2937"))
        self.colour = colour
        pen = QPen(colour, 1.8, PEN_STYLES.get(bundle.status, Qt.PenStyle.SolidLine))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.setPen(pen)
        self.setZValue(1)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(edge_tooltip(bundle))
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        self._shape = stroker.createStroke(path)
        self._shape.addPolygon(self._arrow())

    @property
    def link_ids(self) -> list[UUID]:
        return [link.id for link in self.bundle.links]

    def shape(self) -> QPainterPath:
        return self._shape

    def boundingRect(self) -> QRectF:
        return self._shape.boundingRect().adjusted(-2, -2, 2, 2)

    def _arrow(self) -> QPolygonF:
        base = self.tip.x() - self.direction * ARROW
        return QPolygonF([self.tip, QPointF(base, self.tip.y() - ARROW / 2),
                          QPointF(base, self.tip.y() + ARROW / 2)])

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: Any = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.pen())
        if self.isUnderMouse():
            pen.setWidthF(pen.widthF() + 1.2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawPolygon(self._arrow())

    def hoverEnterEvent(self, event: Any) -> None:
        self.update()

    def hoverLeaveEvent(self, event: Any) -> None:
        self.update()


class EdgeLabelItem(QGraphicsItem):
    """The dates (and part) of an arrow, on a light background above the lines."""

    def __init__(self, edge: EdgeItem, text: str, at: float = 0.5) -> None:
        super().__init__()
        self.edge, self.text = edge, text
        self.font = font(7.5)
        metrics = QFontMetricsF(self.font)
        lines = text.splitlines()
        width = max(metrics.horizontalAdvance(line) for line in lines) + 8
        height = metrics.height() * len(lines) + 2
        self.rect = QRectF(-width / 2, -height / 2, width, height)
        self.setPos(edge.path().pointAtPercent(at))
        self.setZValue(1.5)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(edge.toolTip())

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: Any = None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < TEXT_DETAIL:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(self.rect, 4, 4)
        painter.setFont(self.font)
        painter.setPen(self.edge.colour)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.text)


def edge_label(bundle: Bundle, with_part: bool) -> str:
    """Dates of the links (the first and last when several), the part when the graph holds
    several parts, and how many links when more than one."""
    dates = sorted({link.shipped_on for link in bundle.links if link.shipped_on})
    when = _span(dates) if dates else translate("graph_scene", "undated")
    if dates and len(dates) < len(bundle.links):
        when = translate("graph_scene", "{dates} + undated").format(dates=when)
    count = f" ×{len(bundle.links)}" if len(bundle.links) > 1 else ""
    parts = sorted({link.part_number for link in bundle.links if link.part_number})
    part = (parts[0] if len(parts) == 1 else
            translate("graph_scene", "{count} parts").format(count=len(parts))) if parts else ""
    first = f"{part}{count}" if with_part and part else ""
    return f"{first}\n{when}" if first else f"{when}{count}"


def _span(dates: list[date]) -> str:
    if len(dates) == 1:
        return dates[0].isoformat()
    return f"{dates[0].isoformat()} – {dates[-1].isoformat()}"


def edge_tooltip(bundle: Bundle) -> str:
    """Each link of an arrow on one line."""
    heading = (translate("graph_scene", "<b>{status}</b> supply links") if len(bundle.links) > 1
               else translate("graph_scene", "<b>{status}</b> supply link"))
    lines = [heading.format(status=bundle.status.capitalize())]
    for link in bundle.links[:12]:
        facts = [link.shipped_on.isoformat() if link.shipped_on
                 else translate("graph_scene", "undated")]
        facts += [_html(link.part_number)] if link.part_number else []
        facts += ([translate("graph_scene", "{count} pcs").format(count=f"{link.quantity:,}")]
                  if link.quantity is not None else [])
        facts += [f"{link.value:,} {link.currency}".strip()] if link.value is not None else []
        facts.append((translate("graph_scene", "{count} source") if link.source_count == 1
                      else translate("graph_scene", "{count} sources")).format(
            count=link.source_count))
        lines.append(" · ".join(facts))
    if len(bundle.links) > 12:
        lines.append(translate("graph_scene", "… and {count} more").format(
            count=len(bundle.links) - 12))
    lines.append(translate("graph_scene", "<i>Click to open the link</i>"))
    return "<br>".join(lines)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
