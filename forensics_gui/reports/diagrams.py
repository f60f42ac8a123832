"""Supply-chain diagrams in the briefs: the screen's supply graph on paper.

The same graph (`services.graph.supply_graph`), the same layered layout (`core.graph
.layout_graph`: columns along the flow of goods, rows from the layout) and the same colours
(`formats.palette`: fills by role, borders and markers by sanctions status, link styles by
status: documented solid, probable dashed, hypothesis dotted), drawn as ReportLab vector
graphics: boxes, curves and text, never a picture, so that every company name is text a reader
can search and copy.

Only the scale is the paper's own: boxes and gaps are sized for print and the drawing is fitted
to the text width. A graph too wide to stay legible (names below about 4.5 pt) or with too many
organizations is not drawn: the brief says so and its tables state every link. A tall graph is
cut between rows of boxes and continued on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from forensics_gui.core.graph import SupplyGraph
from forensics_gui.formats.palette import ROLE_FILLS
from forensics_gui.reports import diagram_shapes as shapes
from forensics_gui.reports.blocks import PAGE_TEXT_WIDTH
from forensics_gui.reports.diagram_links import build
from forensics_gui.reports.diagram_pages import MAX_NODES, DiagramSlice, Fit, fit, widest
from forensics_gui.reports.diagram_pages import drawing as made_drawing
from forensics_gui.reports.fonts import markup
from forensics_gui.reports.words import Words, add

LEGEND_ROLES = ("manufacturer", "authorised distributor", "distributor", "trading company",
                "logistics", "importer", "end user", "other")

add({"diagram_caption": "Supply graph of {subject}: counts the supply links recorded for it, "
                        "{links} between {nodes} organizations{undated}{self_links}. The "
                        "layout is the screen's supply graph.",
     "diagram_undated": "; undated: {n} (marked “undated” on the drawing)",
     "diagram_self": "; between a company and itself, not drawn: {n}",
     "diagram_hidden": "{n} link dates are not shown on the drawing where they would cover a "
                       "company or another date; the statements of the links give every one.",
     "diagram_too_large": "The supply graph of {subject} ({nodes} organizations, {links} supply "
                          "links) is not drawn: at most {most} organizations and {columns} "
                          "columns stay legible on a page. The statements below give every "
                          "link.",
     "diagram_empty": "No supply link is recorded for {subject}: there is no graph to draw.",
     "diagram_continued": "continued on the next page",
     "diagram_part": "Part {n} of {total} of the drawing (columns {first} to {last} of "
                     "{columns}); an arrow cut at the edge of a part goes on at the same height "
                     "in the next.",
     "legend_role": "Role (fill)", "legend_status": "Link status",
     "legend_sanctions": "Sanctions and hubs", "legend_designated": "designated now",
     "legend_formerly": "formerly designated", "legend_hub": "transshipment hub country",
     "designated_by": "Designated: {who}", "formerly_by": "Formerly designated: {who}",
     "role_not_recorded": "role not recorded",
     "role_manufacturer": "manufacturer", "role_authorised distributor": "authorised distributor",
     "role_distributor": "distributor", "role_trading company": "trading company",
     "role_logistics": "logistics", "role_importer": "importer", "role_end user": "end user",
     "role_other": "other"},
    {"diagram_caption": "Граф постачання: {subject}. Враховано записані для нього ланки "
                        "постачання: {links} між {nodes} організаціями{undated}{self_links}. "
                        "Розміщення таке саме, як у графі постачання на екрані.",
     "diagram_undated": "; без дати: {n} (на схемі позначено «без дати»)",
     "diagram_self": "; між компанією і нею самою, не показано: {n}",
     "diagram_hidden": "Дати {n} ланок не показано на схемі там, де вони закрили б компанію "
                       "чи іншу дату; опис ланок нижче наводить усі дати.",
     "diagram_too_large": "Граф постачання {subject} ({nodes} організацій, {links} ланок "
                          "постачання) не показано: розбірливими на сторінці лишаються не більше "
                          "{most} організацій і {columns} стовпців. Опис нижче наводить кожну "
                          "ланку.",
     "diagram_empty": "Для {subject} не записано жодної ланки постачання: графа немає.",
     "diagram_continued": "продовження на наступній сторінці",
     "diagram_part": "Частина {n} з {total} схеми (стовпці з {first} по {last} з {columns}); "
                     "стрілка, обрізана на краю частини, продовжується на тій самій висоті в "
                     "сусідній частині.",
     "legend_role": "Роль (заливка)", "legend_status": "Статус ланки",
     "legend_sanctions": "Санкції та хаби", "legend_designated": "під санкціями зараз",
     "legend_formerly": "раніше під санкціями", "legend_hub": "країна-хаб перевантаження",
     "designated_by": "Санкції: {who}", "formerly_by": "Раніше санкції: {who}",
     "role_not_recorded": "роль не записано",
     "role_manufacturer": "виробник", "role_authorised distributor": "уповноважений дистриб’ютор",
     "role_distributor": "дистриб’ютор", "role_trading company": "торговельна компанія",
     "role_logistics": "логістика", "role_importer": "імпортер",
     "role_end user": "кінцевий користувач", "role_other": "інше"})


def diagram(graph: SupplyGraph, subject: str, sheet: Any, words: Words, *,
            width: float = PAGE_TEXT_WIDTH, most: int = MAX_NODES,
            heading: Flowable | Sequence[Flowable] = (),
            hypotheses: bool = True) -> list[Flowable]:
    """The supply graph of `subject` as a vector drawing with its legend and a caption that
    says what it counts, or a sentence saying why it is not drawn. `heading` (a heading, or
    what opens the section) is kept on the drawing's page. Without `hypotheses`,
    hypothesis-level links are left out (and companies only they joined to the graph), and
    the caption says how many."""
    lead = list(heading) if isinstance(heading, (list, tuple)) else [heading]
    left_out = 0
    if not hypotheses:
        graph, left_out = without_hypotheses(graph)
    placed = fit(graph, width, most)
    said = _not_drawn(graph, subject, words, width, most, placed)
    if said or placed.layout is None:
        return [*lead, Paragraph(markup(said), sheet["Small"])]
    scene = build(graph, placed.layout, placed.box_width, placed.gap, words,
                         placed.cuts())
    said = caption(graph, subject, words)
    if left_out:
        said += " " + words["left_out"].format(n=left_out)
    if scene.hidden_labels:
        said += " " + words["diagram_hidden"].format(n=scene.hidden_labels)
    groups: list[list[Flowable]] = []
    for number, part in enumerate(placed.parts, 1):
        left, right = placed.band(part)
        group: list[Flowable] = []
        if len(placed.parts) > 1:
            group.append(Paragraph(markup(words["diagram_part"].format(
                n=number, total=len(placed.parts), first=part[0] + 1, last=part[1],
                columns=placed.columns)), sheet["Small"]))
        groups.append([*group, DiagramSlice(scene, (left, 0.0, right, scene.height),
                                            placed.scale, words["diagram_continued"]),
                       Spacer(1, 3)])
    groups[0][:0] = [*lead, legend(graph, words, width), Spacer(1, 3)]
    groups[-1].append(Paragraph(markup(said), sheet["Small"]))
    # Each part kept whole with what names it: a legend or a caption is never left on a page
    # without its drawing (a part taller than a page starts a page and is cut between rows).
    return [*(KeepTogether(group) for group in groups), Spacer(1, 6)]


def without_hypotheses(graph: SupplyGraph) -> tuple[SupplyGraph, int]:
    """`graph` without its hypothesis-level links, and how many there were; a company left
    with no link goes too (the organization a graph is about stays)."""
    edges = tuple(e for e in graph.edges if e.status != "hypothesis")
    left_out = len(graph.edges) - len(edges)
    if not left_out:
        return graph, 0
    linked = {e.seller_id for e in edges} | {e.buyer_id for e in edges}
    linked.add(graph.scope.organization_id)
    nodes = tuple(n for n in graph.nodes if n.id in linked)
    return replace(graph, nodes=nodes, edges=edges, total_nodes=len(nodes),
                   total_edges=len(edges)), left_out


def _not_drawn(graph: SupplyGraph, subject: str, words: Words, width: float,
               most: int, placed: Fit) -> str:
    """Why `graph` is not drawn ("" when it is)."""
    if not graph.edges and not graph.too_large:
        return words["diagram_empty"].format(subject=subject)
    if placed.drawable:
        return ""
    return words["diagram_too_large"].format(
        subject=subject, nodes=graph.total_nodes or len(graph.nodes),
        links=graph.total_edges or len(graph.edges), most=most, columns=widest(width))


def caption(graph: SupplyGraph, subject: str, words: Words) -> str:
    undated = graph.undated
    self_links = graph.self_links
    return words["diagram_caption"].format(
        subject=subject, links=len(graph.edges), nodes=len(graph.nodes),
        undated=words["diagram_undated"].format(n=undated) if undated else "",
        self_links=words["diagram_self"].format(n=self_links) if self_links else "")


def legend(graph: SupplyGraph, words: Words, width: float = PAGE_TEXT_WIDTH) -> Drawing:
    """What the fills, borders, markers and line styles mean (the roles shown are those in
    the graph)."""
    present = {role for node in graph.nodes for role in node.roles}
    roles = [r for r in LEGEND_ROLES if r in present] or ["other"]
    entries: list[tuple[str, Any]] = [("heading", words["legend_role"])]
    entries += [("role", (ROLE_FILLS[r], words[f"role_{r}"])) for r in roles]
    entries.append(("heading", words["legend_status"]))
    entries += [("status", (s, words[s])) for s in ("documented", "probable", "hypothesis")]
    states = {node.sanctions for node in graph.nodes}
    hubs = any(node.is_hub for node in graph.nodes)
    if states - {"none"} or hubs:
        entries.append(("heading", words["legend_sanctions"]))
        entries += [("sanction", (s, words[f"legend_{s}"])) for s in ("designated", "formerly")
                    if s in states]
        if hubs:
            entries.append(("hub", words["legend_hub"]))
    rows = shapes.legend_rows(entries, width)
    drawing = made_drawing(width, shapes.LEGEND_ROW * len(rows) + 4)
    drawing.add(Rect(0, 0, width, drawing.height, rx=3, ry=3, fillColor=None,
                     strokeColor=shapes.RULE_COLOUR, strokeWidth=0.4))
    for number, row in enumerate(rows):
        y = drawing.height - 2 - shapes.LEGEND_ROW * (number + 0.5)
        for x, kind, value in row:
            for shape in shapes.legend_entry(kind, value, x, y, words):
                drawing.add(shape)
    return drawing
