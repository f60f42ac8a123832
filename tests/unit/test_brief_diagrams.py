"""Supply diagrams in the briefs: the screen's layout and colours, drawn as vectors with the
names as text, divided into parts when too wide and cut between rows when too tall, and not
drawn (saying so) when no page could hold them legibly."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from reportlab.graphics.shapes import Group, Rect
from reportlab.graphics.shapes import Path as PathShape

from forensics_gui.core.graph import GraphEdge, GraphNode, GraphScope, SupplyGraph, layout_graph
from forensics_gui.formats.palette import EDGE_COLOURS, SANCTION_COLOURS, role_fill
from forensics_gui.reports import diagrams
from forensics_gui.reports.diagram_links import build
from forensics_gui.reports.diagram_pages import fit
from forensics_gui.reports.document import BriefDocument, BriefMeta, styles, write_atomically
from forensics_gui.reports.words import Words
from tests import pdf_tools

ROLES = ("manufacturer", "distributor", "trading company", "importer", "end user")
WORDS = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
         "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo")


@pytest.fixture(autouse=True)
def _poppler() -> None:
    pdf_tools.require()


def name(number: int) -> str:
    """A fictional company whose first word names it alone."""
    return f"{WORDS[number % len(WORDS)]}{number // len(WORDS) or ''} Trading (fictional)"


def node(number: int, role: str, sanctions: str = "none", country: str = "HK") -> GraphNode:
    return GraphNode(UUID(int=number + 1), name(number), country, (role,),
                     "Hong Kong" if country == "HK" else "", sanctions,
                     ("OFAC",) if sanctions == "designated" else (),
                     ("EU",) if sanctions == "formerly" else ())


def edge(number: int, seller: GraphNode, buyer: GraphNode, status: str = "probable",
         shipped: date | None = date(2022, 6, 2)) -> GraphEdge:
    return GraphEdge(UUID(int=10_000 + number), seller.id, buyer.id, status, shipped,
                     part_number="TEST-PART-1")


def graph(nodes: list[GraphNode], edges: list[GraphEdge]) -> SupplyGraph:
    return SupplyGraph("test", GraphScope(), tuple(nodes), tuple(edges), len(nodes),
                       len(edges))


def layered(per_role: int) -> SupplyGraph:
    """`per_role` companies in each of five roles, each selling to two in the next."""
    nodes = [node(i * per_role + j, role, ("designated", "formerly", "none")[j % 3])
             for i, role in enumerate(ROLES) for j in range(per_role)]
    edges = []
    for i in range(len(ROLES) - 1):
        for j in range(per_role):
            seller = nodes[i * per_role + j]
            for k in (j, (j + 1) % per_role):
                edges.append(edge(len(edges), seller, nodes[(i + 1) * per_role + k],
                                  ("documented", "probable", "hypothesis")[len(edges) % 3]))
    return graph(nodes, edges)


def chain(length: int) -> SupplyGraph:
    """A single chain of `length` companies: as many columns."""
    nodes = [node(0, "manufacturer")] + [node(i, "trading company") for i in range(1, length)]
    return graph(nodes, [edge(i, a, b) for i, (a, b) in enumerate(pairwise(nodes))])


def render(path: Path, drawn: SupplyGraph, **options: Any) -> Path:
    sheet = styles()
    words = Words(options.pop("language", "en"))
    meta = BriefMeta("Diagram test", "", "Dossier", "analyst", "OFFICIAL", 20,
                     "2026-12-05 10:00 UTC", words=dict(words))

    def build(target: str) -> None:
        BriefDocument(target, meta, invariant=True).write(
            diagrams.diagram(drawn, "TEST-PART-1", sheet, words, **options))

    return write_atomically(path, build)


def boxes(path: Path) -> dict[str, tuple[int, float, float]]:
    """{first word of a name: (page, x middle, y top)} from poppler's word boxes."""
    found: dict[str, tuple[int, float, float]] = {}
    html = pdf_tools.run("pdftotext", "-bbox", path, "-")
    for page, text in enumerate(html.split("<page ")[1:], 1):
        for x0, y0, x1, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                                           r'xMax="([\d.]+)" yMax="[\d.]+">([^<]+)</word>',
                                           text):
            if word in WORDS or re.fullmatch(r"[A-Z][a-z]+\d+", word):
                found.setdefault(word, (page, (float(x0) + float(x1)) / 2, float(y0)))
    return found


def test_the_drawing_is_vector_with_every_name_as_text(tmp_path: Path) -> None:
    drawn = layered(3)
    path = render(tmp_path / "d.pdf", drawn)
    assert pdf_tools.run("pdfimages", "-list", path).splitlines()[2:] == []
    assert all(f["embedded"] == "yes" for f in pdf_tools.fonts(path))
    text = pdf_tools.words(path)
    for company in drawn.nodes:
        assert all(word in text for word in company.name.split()), company.name
    for legend in ("Role (fill)", "manufacturer", "documented", "probable", "hypothesis",
                   "designated now", "formerly designated", "Designated: OFAC", "HUB",
                   "2022-06-02"):
        assert legend in text, legend
    assert ("Supply graph of TEST-PART-1: counts the supply links recorded for it, 24 between "
            "15 organizations") in text


def test_boxes_stand_where_the_screen_puts_them(tmp_path: Path) -> None:
    """Columns along the flow of goods and rows from the screen's layout."""
    drawn = layered(3)
    layout = layout_graph(drawn)
    placed = boxes(render(tmp_path / "l.pdf", drawn))
    by_column: dict[int, list[tuple[float, str]]] = {}
    for company in drawn.nodes:
        column, row = layout.positions[company.id]
        by_column.setdefault(column, []).append((row, company.name.split()[0]))
    lefts = []
    for column in sorted(by_column):
        shown = [placed[word] for _, word in sorted(by_column[column])]
        xs = [x for _, x, _ in shown]
        assert max(xs) - min(xs) < 30, "one column"
        assert [y for _, _, y in shown] == sorted(y for _, _, y in shown), "rows in order"
        lefts.append(min(xs))
    assert lefts == sorted(lefts) and len(lefts) == layout.columns
    assert min(b - a for a, b in pairwise(lefts)) > 40


def test_the_screen_colours_and_line_styles() -> None:
    drawn = layered(3)
    placed = fit(drawn, 475)
    assert placed.layout is not None
    scene = build(drawn, placed.layout, placed.box_width, placed.gap,
                                 Words("en"))
    boxes_ = {(r.fillColor.hexval()[2:].upper(), r.strokeColor.hexval()[2:].upper())
              for kind, _, shapes in scene.items if kind == "box"
              for r in shapes if isinstance(r, Rect) and r.width > 20}
    for company in drawn.nodes:  # fill by role, border by sanctions status
        assert (role_fill(company.roles).lstrip("#").upper(),
                SANCTION_COLOURS[company.sanctions].lstrip("#").upper()) in boxes_
    styles_ = {}
    for kind, _, shapes in scene.items:
        if kind == "line":
            (group,) = shapes
            line = next(s for s in group.contents if isinstance(s, PathShape))
            styles_[line.strokeColor.hexval()[2:].upper()] = line.strokeDashArray
    assert styles_[EDGE_COLOURS["documented"].lstrip("#").upper()] is None  # solid
    assert styles_[EDGE_COLOURS["probable"].lstrip("#").upper()][0] > 2  # dashed
    assert styles_[EDGE_COLOURS["hypothesis"].lstrip("#").upper()][0] < 1  # dotted
    assert all(isinstance(shapes[0], Group) for kind, _, shapes in scene.items if kind == "line")


def test_a_wide_graph_is_divided_into_parts(tmp_path: Path) -> None:
    drawn = chain(10)
    path = render(tmp_path / "w.pdf", drawn)
    text = pdf_tools.words(path)
    assert "Part 1 of 2 of the drawing (columns 1 to 5 of 10)" in text
    assert "Part 2 of 2 of the drawing (columns 6 to 10 of 10)" in text
    for company in drawn.nodes:  # each box drawn once, in the part holding it
        assert text.count(company.name.split()[0] + " ") == 1, company.name


def test_a_tall_graph_is_cut_between_rows_onto_the_next_pages(tmp_path: Path) -> None:
    drawn = layered(16)
    path = render(tmp_path / "t.pdf", drawn)
    pages = pdf_tools.pages(path)
    assert len(pages) >= 2 and "continued on the next page" in pages[0]
    placed = boxes(path)
    for company in drawn.nodes:
        word = company.name.split()[0]
        assert word in placed, company.name
    text = pdf_tools.words(path)
    for company in drawn.nodes:
        assert len(re.findall(rf"\b{company.name.split()[0]}\b", text)) == 1, company.name
    assert all(p.count("OFFICIAL") >= 2 for p in pages)


def test_a_graph_no_page_holds_is_not_drawn(tmp_path: Path) -> None:
    for drawn, why in ((layered(20), "100 organizations"), (chain(19), "19 organizations")):
        text = pdf_tools.words(render(tmp_path / "x.pdf", drawn))
        assert f"The supply graph of TEST-PART-1 ({why}" in text
        assert "is not drawn" in text and "Role (fill)" not in text
    empty = pdf_tools.words(render(tmp_path / "e.pdf", graph([], [])))
    assert "No supply link is recorded for TEST-PART-1: there is no graph to draw." in empty


def test_hypotheses_are_left_out_of_the_drawing_when_asked(tmp_path: Path) -> None:
    maker, trader, importer = (node(0, "manufacturer"), node(1, "trading company"),
                               node(2, "importer", country="RU"))
    plant = node(3, "end user", country="RU")
    drawn = graph([maker, trader, importer, plant],
                  [edge(0, maker, trader, "documented"), edge(1, trader, importer),
                   edge(2, importer, plant, "hypothesis", None)])
    text = pdf_tools.words(render(tmp_path / "h.pdf", drawn, hypotheses=False))
    assert "3 between 3 organizations" not in text and "2 between 3 organizations" in text
    assert "1 hypothesis-level links left out at the reader's request" in text
    assert "Delta" not in text and "undated" not in text


def test_a_diagram_in_ukrainian_keeps_the_names(tmp_path: Path) -> None:
    drawn = layered(2)
    text = pdf_tools.words(render(tmp_path / "uk.pdf", drawn, language="uk"))
    for expected in ("Роль (заливка)", "Статус ланки", "задокументовано", "гіпотеза",
                     "Санкції: OFAC", "Граф постачання: TEST-PART-1", "торговельна компанія"):
        assert expected in text, expected
    assert all(word in text for c in drawn.nodes for word in c.name.split())
