"""The supply graph as GraphML, for Gephi, yEd, networkx and other graph tools.

Every attribute is declared with its type, so that tools read numbers as numbers. yEd's own
node and edge graphics are added (label, role colour, sanctions border, line style by
status, and the positions of our layered layout when there is one), so that the file opens
in yEd as it is drawn in the application; other tools ignore them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from forensics_gui.core.graph import GraphEdge, GraphNode
from forensics_gui.formats.palette import SANCTION_COLOURS, role_fill

NODE_ATTRIBUTES = (
    ("name", "string"), ("label", "string"), ("country", "string"), ("roles", "string"),
    ("hub", "boolean"), ("hub_name", "string"), ("sanctions", "string"),
    ("designated", "boolean"), ("authorities", "string"), ("former_authorities", "string"),
)
EDGE_ATTRIBUTES = (
    ("label", "string"), ("status", "string"), ("date", "string"), ("part", "string"),
    ("part_id", "string"), ("finding_id", "string"), ("quantity", "long"),
    ("value", "string"), ("currency", "string"), ("declared_hs_code", "string"),
    ("declared_description", "string"), ("sources", "int"), ("source_titles", "string"),
)
LINE_TYPES = {"documented": "line", "probable": "dashed", "hypothesis": "dotted"}
NODE_WIDTH, NODE_HEIGHT = 190.0, 60.0
SEPARATOR = "; "
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class GraphMLWriter:
    """Writes a directed graph to `out`: nodes first, then edges, then `close()`."""

    def __init__(self, out: TextIO, description: str = "") -> None:
        self.out = out
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                  'xmlns:y="http://www.yworks.com/xml/graphml" '
                  'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                  'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">\n')
        out.write('  <key id="g_description" for="graph" attr.name="description" '
                  'attr.type="string"/>\n')
        for prefix, scope, attributes in (("n", "node", NODE_ATTRIBUTES),
                                          ("e", "edge", EDGE_ATTRIBUTES)):
            for name, kind in attributes:
                out.write(f'  <key id="{prefix}_{name}" for="{scope}" attr.name="{name}" '
                          f'attr.type="{kind}"/>\n')
        out.write('  <key id="n_yed" for="node" yfiles.type="nodegraphics"/>\n'
                  '  <key id="e_yed" for="edge" yfiles.type="edgegraphics"/>\n')
        out.write('  <graph id="supply-links" edgedefault="directed">\n')
        if description:
            out.write(f'    <data key="g_description">{_text(description)}</data>\n')

    def node(self, node: GraphNode, position: tuple[float, float] | None = None) -> None:
        """One organization; `position` (x, y of its centre) goes to yEd's graphics."""
        values = {
            "name": node.name, "label": node_label(node), "country": node.country,
            "roles": SEPARATOR.join(node.roles), "hub": node.is_hub, "hub_name": node.hub,
            "sanctions": node.sanctions, "designated": node.sanctions == "designated",
            "authorities": SEPARATOR.join(node.designated_by),
            "former_authorities": SEPARATOR.join(node.formerly_by),
        }
        self.out.write(f"    <node id={quoteattr(str(node.id))}>\n")
        self._data("n", values)
        self.out.write(_yed_node(node, position))
        self.out.write("    </node>\n")

    def edge(self, edge: GraphEdge) -> None:
        """One supply link, from seller to buyer."""
        when = edge.shipped_on.isoformat() if edge.shipped_on else ""
        values = {
            "label": when or "undated", "status": edge.status,
            "date": when, "part": edge.part_number,
            "part_id": str(edge.part_id) if edge.part_id else "",
            "finding_id": str(edge.finding_id) if edge.finding_id else "",
            "quantity": edge.quantity, "value": str(edge.value) if edge.value is not None
            else "", "currency": edge.currency, "declared_hs_code": edge.declared_hs_code,
            "declared_description": edge.declared_description, "sources": edge.source_count,
            "source_titles": SEPARATOR.join(edge.source_titles),
        }
        self.out.write(f"    <edge id={quoteattr(str(edge.id))} "
                       f"source={quoteattr(str(edge.seller_id))} "
                       f"target={quoteattr(str(edge.buyer_id))}>\n")
        self._data("e", values)
        self.out.write(_yed_edge(edge))
        self.out.write("    </edge>\n")

    def close(self) -> None:
        """End the document."""
        self.out.write("  </graph>\n</graphml>\n")

    def _data(self, prefix: str, values: dict[str, object]) -> None:
        for name, value in values.items():
            if value is None:
                continue  # unknown (a quantity not recorded): no value rather than a zero
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            self.out.write(f'      <data key="{prefix}_{name}">{_text(text)}</data>\n')


def write_graphml(out: TextIO, nodes: Iterable[GraphNode], edges: Iterable[GraphEdge],
                  positions: dict[object, tuple[float, float]] | None = None,
                  description: str = "") -> None:
    """The whole graph in one call."""
    writer = GraphMLWriter(out, description)
    for node in nodes:
        writer.node(node, (positions or {}).get(node.id))
    for edge in edges:
        writer.edge(edge)
    writer.close()


def node_label(node: GraphNode) -> str:
    """What graph tools show on a node: the name and the country."""
    return f"{node.name} ({node.country})" if node.country else node.name


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _yed_node(node: GraphNode, position: tuple[float, float] | None) -> str:
    border = SANCTION_COLOURS[node.sanctions]
    width = {"designated": 3.0, "formerly": 2.0}.get(node.sanctions, 1.0)
    geometry = ""
    if position is not None:
        x, y = position[0] - NODE_WIDTH / 2, position[1] - NODE_HEIGHT / 2
        geometry = (f'<y:Geometry height="{NODE_HEIGHT}" width="{NODE_WIDTH}" '
                    f'x="{x:.1f}" y="{y:.1f}"/>')
    else:
        geometry = f'<y:Geometry height="{NODE_HEIGHT}" width="{NODE_WIDTH}"/>'
    label = node_label(node)
    return (f'      <data key="n_yed"><y:ShapeNode>{geometry}'
            f'<y:Fill color="{role_fill(node.roles)}" transparent="false"/>'
            f'<y:BorderStyle color="{border}" type="line" width="{width}"/>'
            f'<y:NodeLabel>{_text(label)}</y:NodeLabel>'
            '<y:Shape type="roundrectangle"/></y:ShapeNode></data>\n')


def _yed_edge(edge: GraphEdge) -> str:
    line = LINE_TYPES.get(edge.status, "line")
    when = edge.shipped_on.isoformat() if edge.shipped_on else "undated"
    return (f'      <data key="e_yed"><y:PolyLineEdge>'
            f'<y:LineStyle color="#374151" type="{line}" width="1.5"/>'
            '<y:Arrows source="none" target="standard"/>'
            f'<y:EdgeLabel>{_text(when)}</y:EdgeLabel>'
            '</y:PolyLineEdge></data>\n')
