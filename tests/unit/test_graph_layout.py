"""The layered layout of supply graphs: deterministic, left to right along the flow, cycles
broken without endless loops, no two boxes on top of each other."""

from __future__ import annotations

import random
import time
from itertools import pairwise

from forensics_gui.core.graph_layout import (
    GAP_MIXED,
    GAP_NODES,
    Layout,
    LayoutNode,
    layered_layout,
)

MAKER, DISTRIBUTOR, TRADER, IMPORTER, END_USER = 0, 1, 2, 3, 4


def chain_graph() -> tuple[list[LayoutNode], list[tuple[str, str]]]:
    """A maker selling through two routes to one importer, then an end user."""
    nodes = [LayoutNode("maker", MAKER, "Maker"), LayoutNode("dist", DISTRIBUTOR, "Dist"),
             LayoutNode("hk", TRADER, "Harbour"), LayoutNode("tr", TRADER, "Anatolia"),
             LayoutNode("imp", IMPORTER, "Importer"), LayoutNode("end", END_USER, "Plant")]
    edges = [("maker", "dist"), ("dist", "hk"), ("dist", "tr"), ("hk", "imp"), ("tr", "imp"),
             ("imp", "end")]
    return nodes, edges


def columns(layout: Layout) -> dict[object, int]:
    return {key: column for key, (column, _row) in layout.positions.items()}


def assert_no_overlaps(layout: Layout) -> None:
    by_column: dict[int, list[float]] = {}
    for column, row in layout.positions.values():
        by_column.setdefault(column, []).append(row)
    for rows in by_column.values():
        rows.sort()
        assert all(b - a >= GAP_NODES - 1e-9 for a, b in pairwise(rows)), rows


def test_columns_follow_the_flow_from_the_makers() -> None:
    layout = layered_layout(*chain_graph())
    column = columns(layout)
    assert column == {"maker": 0, "dist": 1, "hk": 2, "tr": 2, "imp": 3, "end": 4}
    assert layout.columns == 5 and not layout.reversed_edges and layout.crossings == 0


def test_the_same_graph_is_always_drawn_the_same_way() -> None:
    nodes, edges = chain_graph()
    first = layered_layout(nodes, edges)
    shuffled_nodes, shuffled_edges = nodes[:], edges[:]
    random.Random(3).shuffle(shuffled_nodes)
    random.Random(4).shuffle(shuffled_edges)
    assert layered_layout(shuffled_nodes, shuffled_edges) == first


def test_a_straight_chain_is_drawn_on_one_row() -> None:
    nodes = [LayoutNode(i, min(i, 4), f"n{i}") for i in range(5)]
    layout = layered_layout(nodes, [(i, i + 1) for i in range(4)])
    assert {row for _column, row in layout.positions.values()} == {0.0}


def test_boxes_in_a_column_never_overlap() -> None:
    maker = LayoutNode("m", MAKER, "Maker")
    traders = [LayoutNode(f"t{i}", TRADER, f"Trader {i:02d}") for i in range(25)]
    end = LayoutNode("e", END_USER, "Plant")
    edges = [("m", t.key) for t in traders] + [(t.key, "e") for t in traders]
    layout = layered_layout([maker, *traders, end], edges)
    assert_no_overlaps(layout)
    assert len({row for column, row in layout.positions.values() if column == 1}) == 25


def test_a_cycle_is_broken_and_every_company_is_still_placed() -> None:
    nodes = [LayoutNode(k, TRADER, k) for k in "abcd"]
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("c", "a")]
    layout = layered_layout(nodes, edges)
    assert set(layout.positions) == set("abcd")
    assert layout.reversed_edges
    column = columns(layout)
    for a, b in edges:  # forward edges run right, the ones turned round run left
        assert (column[a] < column[b]) == ((a, b) not in layout.reversed_edges)
    assert_no_overlaps(layout)


def test_the_link_against_the_roles_and_less_sure_is_the_one_drawn_backwards() -> None:
    """A trader ships to an importer (documented) and a hypothesis says goods went back: the
    hypothesis is drawn against the flow, not the documented shipment."""
    nodes = [LayoutNode("maker", MAKER, "Maker"), LayoutNode("hk", TRADER, "Harbour"),
             LayoutNode("imp", IMPORTER, "Importer"), LayoutNode("jsc", IMPORTER, "Another")]
    edges = [("maker", "hk"), ("hk", "imp"), ("hk", "jsc"), ("jsc", "imp"), ("imp", "hk")]
    weights = {("hk", "imp"): 3.0, ("imp", "hk"): 1.0, ("hk", "jsc"): 3.0}
    layout = layered_layout(nodes, edges, weights)
    assert layout.reversed_edges == {("imp", "hk")}
    assert columns(layout)["hk"] < columns(layout)["imp"]


def test_dense_cycles_terminate_quickly() -> None:
    nodes = [LayoutNode(i, i % 5, f"n{i}") for i in range(8)]
    edges = [(a, b) for a in range(8) for b in range(8) if a != b]  # every pair, both ways
    layout = layered_layout(nodes, edges)
    assert len(layout.positions) == 8
    assert_no_overlaps(layout)


def test_self_links_and_unknown_companies_are_left_out() -> None:
    nodes = [LayoutNode("a", MAKER, "A"), LayoutNode("b", TRADER, "B")]
    layout = layered_layout(nodes, [("a", "a"), ("a", "b"), ("b", "ghost"), ("a", "b")])
    assert columns(layout) == {"a": 0, "b": 1}
    assert layered_layout([], []) == Layout()


def test_a_trader_with_no_recorded_supplier_stands_next_to_its_customer() -> None:
    nodes, edges = chain_graph()
    nodes.append(LayoutNode("lone", TRADER, "Lone trader"))
    layout = layered_layout(nodes, [*edges, ("lone", "imp")])
    assert columns(layout)["lone"] == columns(layout)["imp"] - 1


def test_long_links_pass_through_the_columns_on_rows_of_their_own() -> None:
    nodes, edges = chain_graph()
    layout = layered_layout(nodes, [*edges, ("maker", "imp")])
    route = layout.routes[("maker", "imp")]
    assert [column for column, _row in route] == [1, 2]
    for column, row in route:
        rows = [r for (c, r) in layout.positions.values() if c == column]
        assert all(abs(row - r) >= GAP_MIXED - 1e-9 for r in rows)


def test_separate_supply_chains_are_stacked_without_overlapping() -> None:
    nodes = [LayoutNode(f"{c}{i}", i, f"{c}{i}") for c in "xy" for i in range(3)]
    edges = [(f"{c}{i}", f"{c}{i + 1}") for c in "xy" for i in range(2)]
    layout = layered_layout(nodes, edges)
    rows_x = {row for key, (_c, row) in layout.positions.items() if key.startswith("x")}
    rows_y = {row for key, (_c, row) in layout.positions.items() if key.startswith("y")}
    assert len(rows_x) == len(rows_y) == 1 and abs(rows_x.pop() - rows_y.pop()) >= 1.0
    assert_no_overlaps(layout)


def test_crossings_are_reduced() -> None:
    """Two makers feed two distributors crosswise through traders whose names would put them
    in the crossing order: the layout untangles them."""
    nodes = [LayoutNode("m1", MAKER, "A maker"), LayoutNode("m2", MAKER, "B maker"),
             LayoutNode("t1", TRADER, "Z trader"), LayoutNode("t2", TRADER, "Y trader"),
             LayoutNode("t3", TRADER, "X trader"), LayoutNode("i1", IMPORTER, "A importer"),
             LayoutNode("i2", IMPORTER, "B importer")]
    edges = [("m1", "t3"), ("m2", "t1"), ("m1", "t2"), ("t3", "i2"), ("t1", "i1"),
             ("t2", "i2")]
    layout = layered_layout(nodes, edges)
    assert layout.crossings == _crossings(layout, edges) == 0


def test_two_thousand_companies_are_laid_out_in_reasonable_time() -> None:
    rng = random.Random(1)
    nodes = [LayoutNode(i, rng.choice((0, 1, 2, 2, 3, 4)), f"n{i}") for i in range(2000)]
    edges = {(rng.randrange(2000), rng.randrange(2000)) for _ in range(4000)}
    started = time.perf_counter()
    layout = layered_layout(nodes, edges)
    assert time.perf_counter() - started < 15
    assert len(layout.positions) == 2000
    assert_no_overlaps(layout)


def _crossings(layout: Layout, edges: list[tuple[str, str]]) -> int:
    """Crossings between adjacent columns, counted pair by pair from the positions."""
    pos = layout.positions
    spans = [(pos[a], pos[b]) for a, b in edges if pos[b][0] - pos[a][0] == 1]
    count = 0
    for (a1, b1), (a2, b2) in ((s, t) for i, s in enumerate(spans) for t in spans[i + 1:]):
        if a1[0] == a2[0] and (a1[1] - a2[1]) * (b1[1] - b2[1]) < 0:
            count += 1
    return count
