"""A layered drawing of a supply graph, left to right along the flow of goods.

Sugiyama's method, kept small and deterministic (the same graph is always drawn the same
way, so that a picture in a report can be made again):

1. each weakly connected part of the graph is laid out on its own and the parts are stacked;
2. cycles are broken by putting the companies in one sequence that as few and as light edges
   as possible run against (Eades, Lin and Smyth's heuristic; an edge weighs more when it is
   surer and when it runs with the roles), and turning those edges round: they are drawn
   against the flow;
3. columns by the longest path from the makers; a company with no recorded supplier that is
   not a maker is moved next to its first customer instead of standing among the makers;
4. edges longer than one column pass through placeholder points, one per column crossed (in
   a deep, tangled graph the longest edges go straight across instead);
5. the order within each column by repeated barycentre sweeps, keeping the order with the
   fewest crossings; ties fall to the role (maker, distributors, traders, importer, end
   user) and the name;
6. rows: each point is drawn towards its neighbours' mean height, then pushed apart just
   enough to keep the minimum gap (an isotonic regression), so chains come out straight.

Positions are in abstract units: the column index and a row (1.0 between two companies);
the caller scales them to pixels.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from forensics_gui.core.graph_cycles import greedy_sequence

Key = Hashable
Point = tuple[int, float]
SWEEPS = 12
POSITION_ROUNDS = 8
COMPONENT_GAP = 1.4
# Minimum distance between neighbours in a column: companies, a company and a passing edge,
# two passing edges.
GAP_NODES, GAP_MIXED, GAP_DUMMIES = 1.0, 0.6, 0.35
PLACEHOLDER_BUDGET, PLACEHOLDERS_PER_NODE = 2_000, 4


@dataclass(frozen=True)
class LayoutNode:
    """A node to lay out: its key, where its role sits along the flow, its name."""

    key: Key
    rank: int = 2
    name: str = ""


@dataclass(frozen=True)
class Layout:
    """Where everything goes.

    `positions`: key -> (column, row); `routes`: (source, target) -> the points an edge
    longer than one column passes through, from source to target; `reversed_edges`: edges
    drawn against the flow to break a cycle.
    """

    positions: dict[Key, Point] = field(default_factory=dict)
    routes: dict[tuple[Key, Key], tuple[Point, ...]] = field(default_factory=dict)
    reversed_edges: frozenset[tuple[Key, Key]] = frozenset()
    columns: int = 0
    height: float = 0.0
    crossings: int = 0


def layered_layout(nodes: Iterable[LayoutNode], edges: Iterable[tuple[Key, Key]],
                   weights: Mapping[tuple[Key, Key], float] | None = None) -> Layout:
    """Lay out `nodes` joined by directed `edges` (source, target).

    Edges naming unknown nodes and edges from a node to itself are left out; several edges
    between the same two nodes count as one. `weights` (default 1) say how sure an edge is:
    to break a cycle, the least sure edges are drawn against the flow first.
    """
    ordered = sorted(nodes, key=lambda n: (n.rank, n.name.casefold(), str(n.key)))
    keys = [n.key for n in ordered]
    index = {key: i for i, key in enumerate(keys)}
    pairs = sorted({(index[a], index[b]) for a, b in edges
                    if a in index and b in index and a != b})
    given = weights or {}
    # An edge running with the roles (maker to distributor to importer) outweighs one
    # running against them.
    weight = {(a, b): given.get((keys[a], keys[b]), 1.0)
              + (1.0 if ordered[a].rank <= ordered[b].rank else 0.0) for a, b in pairs}
    positions: dict[Key, Point] = {}
    routes: dict[tuple[Key, Key], tuple[Point, ...]] = {}
    turned: set[tuple[Key, Key]] = set()
    top, columns, crossings = 0.0, 0, 0
    makers = {i for i, n in enumerate(ordered) if n.rank == 0}
    for members, member_pairs in _components(len(keys), pairs):
        part = _Component(members, member_pairs, makers, weight).run()
        for node, (column, row) in part.positions.items():
            positions[keys[node]] = (column, row + top)
        for (a, b), points in part.routes.items():
            routes[(keys[a], keys[b])] = tuple((c, r + top) for c, r in points)
        turned |= {(keys[a], keys[b]) for a, b in part.turned}
        top += part.height + COMPONENT_GAP
        columns = max(columns, part.columns)
        crossings += part.crossings
    return Layout(positions, routes, frozenset(turned), columns,
                  max(top - COMPONENT_GAP, 0.0), crossings)


def _components(count: int, pairs: list[tuple[int, int]]
                ) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """Weakly connected parts, largest first (ties: the one holding the first node)."""
    parent = list(range(count))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}
    for node in range(count):
        groups.setdefault(find(node), ([], []))[0].append(node)
    for a, b in pairs:
        groups[find(a)][1].append((a, b))
    return sorted(groups.values(), key=lambda g: (-len(g[0]), g[0][0]))


@dataclass
class _Placed:
    positions: dict[int, Point]
    routes: dict[tuple[int, int], tuple[Point, ...]]
    turned: set[tuple[int, int]]
    columns: int
    height: float
    crossings: int


class _Component:
    """One connected part. Node numbers follow the preferred order (makers first)."""

    def __init__(self, members: list[int], pairs: list[tuple[int, int]],
                 makers: set[int], weights: dict[tuple[int, int], float]) -> None:
        self.members = members
        self.pairs = pairs
        self.makers = makers
        self.weights = weights
        self.real = set(members)
        self.succ: dict[int, list[int]] = {n: [] for n in members}
        self.pred: dict[int, list[int]] = {n: [] for n in members}
        self.layer: dict[int, int] = {}
        self.chains: dict[tuple[int, int], list[int]] = {}

    def run(self) -> _Placed:
        flow = self._break_cycles()
        self._assign_columns(flow)
        self._add_placeholders(flow)
        layers = self._initial_order()
        layers, crossings = self._reduce_crossings(layers)
        rows = self._assign_rows(layers)
        return self._placed(flow, layers, rows, crossings)

    # ----------------------------------------------------------- cycles
    def _break_cycles(self) -> dict[tuple[int, int], tuple[int, int]]:
        """{edge: the same edge in flow direction}.

        The nodes are put in a sequence by Eades, Lin and Smyth's greedy heuristic (sinks to
        the end, sources to the front, otherwise the node with the most weight going out
        rather than in); edges pointing back along the sequence are turned round. Weights
        make the edges least likely to be turned the surest ones and those that run with the
        roles (maker towards end user)."""
        order = greedy_sequence(self.members, self.pairs, self.weights)
        return {(a, b): ((b, a) if order[a] > order[b] else (a, b)) for a, b in self.pairs}

    # ---------------------------------------------------------- columns
    def _assign_columns(self, flow: dict[tuple[int, int], tuple[int, int]]) -> None:
        succ: dict[int, set[int]] = {n: set() for n in self.members}
        pred: dict[int, set[int]] = {n: set() for n in self.members}
        for a, b in flow.values():
            succ[a].add(b)
            pred[b].add(a)
        order = _topological(self.members, succ, pred)
        layer = {n: 0 for n in self.members}
        for node in order:
            for nxt in succ[node]:
                layer[nxt] = max(layer[nxt], layer[node] + 1)
        for node in reversed(order):
            if not pred[node] and succ[node] and node not in self.makers:
                layer[node] = min(layer[s] for s in succ[node]) - 1
        low = min(layer.values())
        self.layer = {n: c - low for n, c in layer.items()}

    # ----------------------------------------------------- placeholders
    def _add_placeholders(self, flow: dict[tuple[int, int], tuple[int, int]]) -> None:
        """One chain of placeholder points per edge longer than one column (each edge its
        own, so that two long edges between the same companies stay apart).

        Within a budget: the longest edges of a deep, tangled graph are drawn straight across
        instead (placeholders for them would make the layout slow and no more readable)."""
        next_id = max(self.members) + 1
        budget = PLACEHOLDER_BUDGET + PLACEHOLDERS_PER_NODE * len(self.members)
        spans = sorted(flow, key=lambda e: (self.layer[flow[e][1]] - self.layer[flow[e][0]], e))
        for edge in spans:
            a, b = flow[edge]
            span = self.layer[b] - self.layer[a] - 1
            if span > budget:
                continue
            budget -= span
            chain = list(range(next_id, next_id + span))
            next_id += span
            for offset, point in enumerate(chain, start=self.layer[a] + 1):
                self.layer[point] = offset
            self.chains[edge] = chain
            for u, v in pairwise([a, *chain, b]):
                self.succ.setdefault(u, []).append(v)
                self.pred.setdefault(v, []).append(u)
                self.succ.setdefault(v, [])
                self.pred.setdefault(u, [])

    # ------------------------------------------------------------ order
    def _initial_order(self) -> list[list[int]]:
        """Columns filled in depth-first order from the makers: chains start together."""
        columns = max(self.layer.values()) + 1
        layers: list[list[int]] = [[] for _ in range(columns)]
        seen: set[int] = set()
        for root in sorted(self.layer, key=lambda n: (self.layer[n], n)):
            stack = [root]
            while stack:
                node = stack.pop()
                if node in seen:
                    continue
                seen.add(node)
                layers[self.layer[node]].append(node)
                stack.extend(sorted(self.succ[node], reverse=True))
        return layers

    def _reduce_crossings(self, layers: list[list[int]]) -> tuple[list[list[int]], int]:
        best = [list(column) for column in layers]
        best_count = self._crossings(layers)
        for sweep in range(SWEEPS):
            if best_count == 0:
                break
            down = sweep % 2 == 0
            steps = range(1, len(layers)) if down else range(len(layers) - 2, -1, -1)
            for i in steps:
                reference = layers[i - 1] if down else layers[i + 1]
                layers[i] = _by_barycentre(layers[i], reference,
                                           self.pred if down else self.succ)
            count = self._crossings(layers)
            if count < best_count:
                best, best_count = [list(column) for column in layers], count
        return best, best_count

    def _crossings(self, layers: list[list[int]]) -> int:
        total = 0
        for left, right in pairwise(layers):
            where = {node: i for i, node in enumerate(right)}
            ends = sorted((i, where[v]) for i, u in enumerate(left) for v in self.succ[u])
            total += _inversions([b for _, b in ends], len(right))
        return total

    # ------------------------------------------------------------- rows
    def _gap(self, a: int, b: int) -> float:
        dummies = (a not in self.real) + (b not in self.real)
        return (GAP_NODES, GAP_MIXED, GAP_DUMMIES)[dummies]

    def _assign_rows(self, layers: list[list[int]]) -> dict[int, float]:
        rows: dict[int, float] = {}
        for column in layers:
            y = 0.0
            for i, node in enumerate(column):
                y += self._gap(column[i - 1], node) if i else 0.0
                rows[node] = y
        for round_ in range(POSITION_ROUNDS):
            down = round_ % 2 == 0
            steps = range(1, len(layers)) if down else range(len(layers) - 2, -1, -1)
            for i in steps:
                neighbours = self.pred if down else self.succ
                if round_ == POSITION_ROUNDS - 1:  # last round: both sides, for balance
                    neighbours = {n: self.pred[n] + self.succ[n] for n in layers[i]}
                self._settle(layers[i], rows, neighbours)
        return rows

    def _settle(self, column: list[int], rows: dict[int, float],
                neighbours: dict[int, list[int]]) -> None:
        wanted = []
        for node in column:
            near = neighbours[node]
            wanted.append(sum(rows[n] for n in near) / len(near) if near else rows[node])
        gaps = [0.0] + [self._gap(a, b) for a, b in pairwise(column)]
        for node, y in zip(column, _spaced(wanted, gaps), strict=True):
            rows[node] = y

    # ----------------------------------------------------------- result
    def _placed(self, flow: dict[tuple[int, int], tuple[int, int]], layers: list[list[int]],
                rows: dict[int, float], crossings: int) -> _Placed:
        low = min(rows.values())
        positions = {n: (self.layer[n], rows[n] - low) for n in self.members}
        routes: dict[tuple[int, int], tuple[Point, ...]] = {}
        turned: set[tuple[int, int]] = set()
        for edge in flow:
            points = [(self.layer[d], rows[d] - low) for d in self.chains.get(edge, ())]
            if flow[edge] != edge:
                turned.add(edge)
                points.reverse()
            if points:
                routes[edge] = tuple(points)
        height = max(rows.values()) - low
        return _Placed(positions, routes, turned, len(layers), height, crossings)


def _topological(members: list[int], succ: dict[int, set[int]],
                 pred: dict[int, set[int]]) -> list[int]:
    waiting = {n: len(pred[n]) for n in members}
    ready = [n for n in members if not waiting[n]]
    heapq.heapify(ready)
    order = []
    while ready:
        node = heapq.heappop(ready)
        order.append(node)
        for nxt in succ[node]:
            waiting[nxt] -= 1
            if not waiting[nxt]:
                heapq.heappush(ready, nxt)
    return order


def _by_barycentre(column: list[int], reference: list[int],
                   neighbours: dict[int, list[int]]) -> list[int]:
    """The column reordered by the mean position of each node's neighbours in the reference
    column; nodes without neighbours there keep their places."""
    where = {node: i for i, node in enumerate(reference)}
    movable: list[tuple[float, int, int]] = []
    for i, node in enumerate(column):
        near = [where[n] for n in neighbours[node] if n in where]
        if near:
            movable.append((sum(near) / len(near), i, node))
    slots = iter(sorted(movable))
    moved = {node for _, _, node in movable}
    return [next(slots)[2] if node in moved else node for node in column]


def _inversions(values: Sequence[int], size: int) -> int:
    """How many pairs are out of order (a Fenwick tree: edges crossing between columns)."""
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(values):
        i, not_greater = value + 1, 0
        while i > 0:
            not_greater += tree[i]
            i -= i & -i
        count += seen - not_greater
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def _spaced(wanted: list[float], gaps: list[float]) -> list[float]:
    """Rows as close as possible (least squares) to `wanted`, in order, at least `gaps[i]`
    below the one before: pool-adjacent-violators on the rows less the gaps' running sum."""
    offsets, total = [], 0.0
    for gap in gaps:
        total += gap
        offsets.append(total)
    blocks: list[list[float]] = []  # [sum, count]
    for y, offset in zip(wanted, offsets, strict=True):
        blocks.append([y - offset, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total_sum, count = blocks.pop()
            blocks[-1][0] += total_sum
            blocks[-1][1] += count
    spaced: list[float] = []
    for block_sum, count in blocks:
        spaced += [block_sum / count] * int(count)
    return [y + offset for y, offset in zip(spaced, offsets, strict=True)]
