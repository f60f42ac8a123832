"""The supply graph as services hand it out: organizations, the links between them, and what
the graph was asked for.

Plain data and the rules that need no store: where a role sits along the flow of goods and
what a company's designations say about it today.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from forensics_gui.core.graph_layout import Layout, LayoutNode, layered_layout
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP

# Past this many organizations a drawing is unreadable (and slow to lay out): the user is
# asked to narrow the graph instead.
MAX_DRAWN_NODES = 2_000
MAX_DRAWN_LINKS = 10_000
# How much a link of each status holds the drawing's flow when cycles must be broken.
STATUS_WEIGHTS = {"documented": 3.0, "probable": 2.0, "hypothesis": 1.0}
SANCTION_STATES = ("designated", "formerly", "none")
# Where each role sits along the flow from the maker to the end user.
ROLE_RANKS = {
    "manufacturer": 0, "authorised distributor": 1, "distributor": 1, "trading company": 2,
    "logistics": 2, "other": 2, "importer": 3, "end user": 4,
}
UNKNOWN_ROLE_RANK = 2


@dataclass(frozen=True)
class GraphScope:
    """Which links a graph holds: resolved ids and the period (inclusive)."""

    part_ids: tuple[UUID, ...] = ()
    finding_id: UUID | None = None
    organization_id: UUID | None = None
    date_from: date | None = None
    date_to: date | None = None
    include_undated: bool = True


@dataclass(frozen=True)
class GraphNode:
    """An organization in the graph, with what the drawing shows about it."""

    id: UUID
    name: str
    country: str = ""
    roles: tuple[str, ...] = ()
    hub: str = ""  # name of the transshipment hub its country is, if it is one
    sanctions: str = "none"  # designated (now), formerly, none
    designated_by: tuple[str, ...] = ()  # authorities listing it today
    formerly_by: tuple[str, ...] = ()  # authorities that listed it and have delisted it

    @property
    def is_hub(self) -> bool:
        return bool(self.hub)

    @property
    def rank(self) -> int:
        return role_rank(self.roles)


@dataclass(frozen=True)
class GraphEdge:
    """One supply link: goods went (or are thought to have gone) from seller to buyer."""

    id: UUID
    seller_id: UUID
    buyer_id: UUID
    status: str
    shipped_on: date | None = None
    part_id: UUID | None = None
    part_number: str = ""
    finding_id: UUID | None = None
    quantity: int | None = None
    value: Decimal | None = None
    currency: str = ""
    declared_hs_code: str = ""
    declared_description: str = ""
    source_count: int = 0
    source_titles: tuple[str, ...] = ()

    @property
    def is_self_link(self) -> bool:
        return self.seller_id == self.buyer_id


@dataclass(frozen=True)
class SupplyGraph:
    """The graph asked for; when it is empty or too large, `message` says so."""

    title: str
    scope: GraphScope
    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[GraphEdge, ...] = ()
    total_nodes: int = 0
    total_edges: int = 0
    too_large: bool = False
    message: str = ""

    @property
    def undated(self) -> int:
        return sum(1 for e in self.edges if e.shipped_on is None)

    @property
    def self_links(self) -> int:
        return sum(1 for e in self.edges if e.is_self_link)

    def node(self, node_id: UUID) -> GraphNode | None:
        """The node with this id, if it is in the graph."""
        return next((n for n in self.nodes if n.id == node_id), None)


@dataclass(frozen=True)
class PartChoice:
    """A part that supply links are recorded for, as offered in a graph's part filter."""

    id: UUID
    part_number: str
    manufacturer_name: str = ""
    link_count: int = 0

    @property
    def label(self) -> str:
        maker = f" — {self.manufacturer_name}" if self.manufacturer_name else ""
        return f"{self.part_number}{maker}"


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: the file and how many entities (or nodes, edges) of each kind."""

    path: str
    counts: dict[str, int]


def layout_graph(graph: SupplyGraph) -> Layout:
    """The layered layout of a graph: makers on the left, surer links holding the flow."""
    weights: dict[tuple[UUID, UUID], float] = {}
    for edge in graph.edges:
        pair = (edge.seller_id, edge.buyer_id)
        weights[pair] = max(weights.get(pair, 0.0), STATUS_WEIGHTS.get(edge.status, 1.0))
    return layered_layout([LayoutNode(n.id, n.rank, n.name) for n in graph.nodes],
                          list(weights), weights)


def role_rank(roles: Iterable[str]) -> int:
    """Where an organization with these roles sits along the flow (0: the maker)."""
    ranks = [ROLE_RANKS[r] for r in roles if r in ROLE_RANKS]
    return min(ranks) if ranks else UNKNOWN_ROLE_RANK


def sanctions_status(designations: Iterable[tuple[str, date | None, date | None]],
                     today: date) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(state, authorities listing now, authorities that delisted) from (authority, listed
    on, delisted on) triples; a listing dated after `today` does not count yet."""
    now: set[str] = set()
    former: set[str] = set()
    for authority, listed_on, delisted_on in designations:
        if delisted_on is not None and delisted_on <= today:
            former.add(authority)
        elif listed_on is None or listed_on <= today:
            now.add(authority)
    former -= now
    state = "designated" if now else "formerly" if former else "none"
    return state, tuple(sorted(now)), tuple(sorted(former))


def period_text(scope: GraphScope, words: Callable[[str], str] = str) -> str:
    """The period of a scope in words ('' when there is none); `words` translates the fixed
    words (the desktop client; `str` keeps them English)."""
    start, end = scope.date_from, scope.date_to
    if start and end:
        return words(QT_TRANSLATE_NOOP("graph", "from {start} to {end}")).format(
            start=start.isoformat(), end=end.isoformat())
    if start:
        return words(QT_TRANSLATE_NOOP("graph", "from {start} on")).format(
            start=start.isoformat())
    if end:
        return words(QT_TRANSLATE_NOOP("graph", "up to {end}")).format(end=end.isoformat())
    return ""


# ------------------------------------------------------------------ arrows
# How the links between two companies are drawn, on screen and in the briefs alike.
STATUS_RANK = {"documented": 0, "probable": 1, "hypothesis": 2}


@dataclass(frozen=True)
class Bundle:
    """The links drawn as one arrow: same seller, buyer and status."""

    seller_id: UUID
    buyer_id: UUID
    status: str
    links: tuple[GraphEdge, ...]

    @property
    def key(self) -> tuple[str, str, int]:
        return str(self.seller_id), str(self.buyer_id), STATUS_RANK.get(self.status, 3)


def bundles_of(edges: Iterable[GraphEdge]) -> list[Bundle]:
    """Links grouped into arrows; links from a company to itself are not drawn."""
    grouped: dict[tuple[UUID, UUID, str], list[GraphEdge]] = defaultdict(list)
    for edge in edges:
        if not edge.is_self_link:
            grouped[(edge.seller_id, edge.buyer_id, edge.status)].append(edge)
    found = [Bundle(s, b, status, tuple(links)) for (s, b, status), links in grouped.items()]
    return sorted(found, key=lambda b: b.key)


def pair_offsets(bundles: Iterable[Bundle], gap: float
                 ) -> tuple[dict[tuple[str, str, int], float],
                            dict[tuple[str, str, int], tuple[int, int]]]:
    """Arrows joining the same two companies side by side, `gap` apart: for each arrow its
    offset from the straight line, and (its place, how many) among them."""
    pairs: dict[frozenset[UUID], list[Bundle]] = defaultdict(list)
    for bundle in bundles:
        pairs[frozenset((bundle.seller_id, bundle.buyer_id))].append(bundle)
    offsets, shares = {}, {}
    for group in pairs.values():
        for i, bundle in enumerate(sorted(group, key=lambda b: b.key)):
            offsets[bundle.key] = (i - (len(group) - 1) / 2) * gap
            shares[bundle.key] = (i, len(group))
    return offsets, shares
