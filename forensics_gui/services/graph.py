"""The supply graph: organizations and the links between them, for a part, a finding, an
organization or the whole store, within a period.

One API for the graph view, the GraphML export and scripts. Each organization comes with
its role, country, whether that country is a transshipment hub, and its sanctions status
today (designated, formerly designated, never) with the authorities behind it.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.core.fields import parse_uuid
from forensics_gui.core.graph import (
    MAX_DRAWN_LINKS,
    MAX_DRAWN_NODES,
    GraphEdge,
    GraphNode,
    GraphScope,
    PartChoice,
    SupplyGraph,
    period_text,
    sanctions_status,
)
from forensics_gui.core.partnumbers import search_key
from forensics_gui.services.records import resolve_one
from forensics_gui.services.supply import parse_period
from forensics_gui.services.supply import today as current_day
from forensics_gui.storage import graph_query as gq
from forensics_gui.storage.repository import UnitOfWork
from forensics_gui.storage.store import Store

DEFAULT_DEPTH = 3  # steps from an organization: far enough to reach the maker from an importer
ALL_LINKS = "all supply links"


def supply_graph(store: Store, *, part: str | UUID | None = None,
                 finding: str | UUID | None = None, organization: str | UUID | None = None,
                 date_from: Any = None, date_to: Any = None, include_undated: bool = True,
                 max_nodes: int | None = MAX_DRAWN_NODES,
                 max_links: int | None = MAX_DRAWN_LINKS, depth: int = DEFAULT_DEPTH,
                 today: date | None = None) -> SupplyGraph:
    """The graph of the links of a part (id or part number: every maker's part of that
    number), a finding (its own links and its part's), an organization (links up to `depth`
    steps away either way) or, with none of these, the whole store.

    Dates are inclusive; links without a date stay in unless `include_undated` is false.
    When the graph holds more than `max_nodes` organizations or `max_links` links, it comes
    back without nodes and edges, `too_large` set and a message asking to narrow it; an empty
    graph comes back with a message saying what holds no links.
    """
    with store.reading() as uow:
        scope, title = resolve_scope(uow, part=part, finding=finding,
                                     organization=organization, date_from=date_from,
                                     date_to=date_to, include_undated=include_undated)
        return graph_in(uow, scope, title, max_nodes=max_nodes, max_links=max_links,
                        depth=depth, today=today)


def parts_with_links(store: Store, contains: str = "", limit: int = 2000) -> list[PartChoice]:
    """Parts that supply links are recorded for, by part number (for the graph's filter)."""
    if not 1 <= limit <= 10_000:
        raise ValidationError("limit", "must be between 1 and 10000")
    with store.reading() as uow:
        return gq.parts_with_links(uow, contains.strip()[:200], limit)


def resolve_scope(uow: Any, *, part: str | UUID | None = None,
                  finding: str | UUID | None = None, organization: str | UUID | None = None,
                  date_from: Any = None, date_to: Any = None,
                  include_undated: bool = True) -> tuple[GraphScope, str]:
    """The scope named by references as typed, and a title saying what it is."""
    start, end = parse_period(date_from, date_to)
    part_ids, finding_id, org_id, titles = (), None, None, []
    if part not in (None, ""):
        part_ids, number = _parts(uow, part)
        titles.append(f"part {number}")
    if finding not in (None, ""):
        finding_id = parse_uuid("finding", finding)
        record = uow.get("finding", finding_id)
        part_ids = part_ids or ((record.part_id,) if record.part_id is not None else ())
        shown = record.part_number or record.marking or "unidentified"
        titles.append(f"finding {shown} ({record.case_reference})")
    if organization not in (None, ""):
        org_id = resolve_one(uow, "org", organization)
        titles.append(uow.get("org", org_id).name)
    scope = GraphScope(tuple(part_ids), finding_id, org_id, start, end, include_undated)
    return scope, " · ".join(titles) or ALL_LINKS


def _parts(uow: Any, reference: str | UUID) -> tuple[tuple[UUID, ...], str]:
    try:
        part_id = parse_uuid("part", reference)
    except ValidationError:
        found = uow.find("part", search_key=search_key(str(reference)))
        if not found:
            raise NotFoundError(f"there is no part {str(reference)[:80]!r}") from None
        return tuple(p.id for p in found), found[0].part_number
    return (part_id,), uow.get("part", part_id).part_number


def graph_in(uow: Any, scope: GraphScope, title: str, *, max_nodes: int | None = None,
             max_links: int | None = None, depth: int = DEFAULT_DEPTH,
             today: date | None = None) -> SupplyGraph:
    """`supply_graph` inside a unit of work the caller holds, for a resolved scope."""
    if scope.organization_id is not None:
        ids = gq.links_near(uow, scope.organization_id, depth, scope,
                            max_links if max_links is not None else 10**9)
    else:
        condition = gq.link_condition(scope)
        total = gq.count_links(uow, condition)
        parties = gq.count_parties(uow, condition) if max_nodes is not None else 0
        if _over(total, max_links) or _over(parties, max_nodes):
            return _too_large(scope, title, parties, total, max_nodes, max_links)
        ids = gq.link_ids(uow, condition)
    if _over(len(ids), max_links):  # the walk stopped early: at least this many
        return _too_large(scope, title, 0, len(ids), max_nodes, max_links, at_least=True)
    edges = sorted(gq.graph_edges(uow, ids), key=_edge_order)
    party_ids = {e.seller_id for e in edges} | {e.buyer_id for e in edges}
    if scope.organization_id is not None:
        party_ids.add(scope.organization_id)
    if _over(len(party_ids), max_nodes):
        return _too_large(scope, title, len(party_ids), len(edges), max_nodes, max_links)
    nodes = _nodes(uow, party_ids, today or current_day())
    message = "" if edges else _empty_message(scope, title)
    return SupplyGraph(title, scope, tuple(nodes), tuple(edges), len(nodes), len(edges),
                       message=message)


def _over(count: int, limit: int | None) -> bool:
    return limit is not None and count > limit


def _edge_order(edge: GraphEdge) -> tuple[Any, ...]:
    return (edge.shipped_on or date.max, edge.part_number, str(edge.id))


def _nodes(uow: UnitOfWork, ids: set[UUID], today: date) -> list[GraphNode]:
    hubs = gq.hub_names(uow)
    listed = gq.designations_of(uow, ids)
    nodes = []
    for org_id, name, country, roles in gq.organization_facts(uow, ids):
        state, now, former = sanctions_status(listed.get(org_id, ()), today)
        nodes.append(GraphNode(org_id, name, country.upper(), roles,
                               hubs.get(country.upper(), ""), state, now, former))
    return sorted(nodes, key=lambda n: (n.rank, n.name.casefold(), str(n.id)))


def _empty_message(scope: GraphScope, title: str) -> str:
    subject = "in this store" if title == ALL_LINKS else f"for {title}"
    period = period_text(scope)
    undated = "" if scope.include_undated else " (undated links left out)"
    return f"No supply links recorded {subject}{' ' + period if period else ''}{undated}."


def _too_large(scope: GraphScope, title: str, nodes: int, links: int,
               max_nodes: int | None, max_links: int | None,
               at_least: bool = False) -> SupplyGraph:
    what = "The store" if title == ALL_LINKS else f"The graph of {title}"
    if _over(nodes, max_nodes):
        counted, limit = f"{nodes:,} organizations", f"at most {max_nodes:,} are drawn"
    else:
        more = "more than " if at_least else ""
        counted = f"{more}{max_links if at_least else links:,} supply links"
        limit = f"at most {max_links:,} are drawn"
    message = f"{what} has {counted}; {limit}. Choose a part or a shorter period to see it."
    return SupplyGraph(title, scope, total_nodes=nodes, total_edges=links, too_large=True,
                       message=message)
