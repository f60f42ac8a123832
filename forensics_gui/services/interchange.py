"""Handing the store's supply chains to other tools.

- FollowTheMoney JSON lines (one entity per line): organizations, their designations, supply
  links and the sources cited, for OpenSanctions' tools, Aleph and anything reading FtM.
- GraphML: the supply graph with its attributes, for Gephi, yEd and networkx.

Files are written whole or not at all (a temporary file beside the target, then renamed).
Large stores are read in batches, never all at once, for the FtM export.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO
from uuid import UUID

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.files import replace_atomically
from forensics_gui.core.graph import (
    MAX_DRAWN_NODES,
    ExportSummary,
    GraphScope,
    SupplyGraph,
    layout_graph,
    period_text,
)
from forensics_gui.formats import ftm
from forensics_gui.formats.graphml import write_graphml
from forensics_gui.services.graph import ALL_LINKS, graph_in, resolve_scope
from forensics_gui.services.supply import today as current_day
from forensics_gui.storage import graph_query as gq
from forensics_gui.storage.store import Store

# Pixels between columns and rows of the layout written into GraphML for yEd.
COLUMN_WIDTH, ROW_HEIGHT = 300.0, 95.0


def export_ftm(store: Store, path: str | Path, *, part: str | UUID | None = None,
               date_from: Any = None, date_to: Any = None, include_undated: bool = True,
               today: date | None = None) -> ExportSummary:
    """Write FollowTheMoney entities as JSON lines: the supply links (of a part, within a
    period, if given), every organization they join (every organization of the store
    without a part or period), those organizations' designations and successions, and the
    sources cited. Returns how many entities of each schema were written."""
    target = _target(path)
    with store.reading() as uow:
        scope, _title = resolve_scope(uow, part=part, date_from=date_from, date_to=date_to,
                                      include_undated=include_undated)
        counts: Counter[str] = Counter()

        def write(stream: TextIO) -> None:
            for entity in _entities(uow, scope, today or current_day()):
                stream.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
                counts[entity["schema"]] += 1

        _atomically(target, write)
    return ExportSummary(str(target), dict(sorted(counts.items())))


def export_graphml(store: Store, path: str | Path, *, part: str | UUID | None = None,
                   finding: str | UUID | None = None, organization: str | UUID | None = None,
                   date_from: Any = None, date_to: Any = None, include_undated: bool = True,
                   today: date | None = None) -> ExportSummary:
    """Write the supply graph (the same one the graph view shows for these filters, without
    its size limit) as GraphML. Returns the number of nodes and edges written."""
    target = _target(path)
    with store.reading() as uow:
        scope, title = resolve_scope(uow, part=part, finding=finding,
                                     organization=organization, date_from=date_from,
                                     date_to=date_to, include_undated=include_undated)
        graph = graph_in(uow, scope, title, today=today)
    positions = _positions(graph)
    period = period_text(scope)
    subject = "" if title == ALL_LINKS else f" of {title}"
    description = f"Supply links{subject}{', ' + period if period else ''}"
    _atomically(target, lambda stream: write_graphml(stream, graph.nodes, graph.edges,
                                                     positions, description))
    return ExportSummary(str(target), {"nodes": len(graph.nodes), "edges": len(graph.edges)})


def _positions(graph: SupplyGraph) -> dict[object, tuple[float, float]]:
    """Pixel positions of our layout, for yEd; left out for graphs too large to lay out."""
    if not graph.nodes or len(graph.nodes) > MAX_DRAWN_NODES:
        return {}
    layout = layout_graph(graph)
    return {key: (column * COLUMN_WIDTH, row * ROW_HEIGHT)
            for key, (column, row) in layout.positions.items()}


# ----------------------------------------------------------------- FtM entities
def _entities(uow: Any, scope: GraphScope, today: date) -> Iterator[dict[str, Any]]:
    """Links first (collecting their parties and sources), then organizations with their
    designations and successions, then the sources; each read in batches."""
    everything = scope == GraphScope()
    parties: set[UUID] = set()
    cited: set[UUID] = set()
    makers: dict[UUID, str] = {}
    for ids in gq.stream_link_ids(uow, gq.link_condition(scope)):
        links = uow.get_many("link", ids)
        _learn_makers(uow, makers, {link.part_id for link in links} - set(makers) - {None})
        for link in links:
            parties.update((link.seller_id, link.buyer_id))
            cited.update(link.source_ids)
            maker = makers.get(link.part_id, "") if link.part_id else ""
            yield ftm.link_entity(link, maker)
    batches = gq.stream_organization_ids(uow) if everything else _batches(parties)
    for ids in batches:
        yield from _organizations(uow, ids, parties if not everything else None, cited, today)
    for ids in _batches(cited):
        for source in uow.get_many("source", ids):
            yield ftm.source_entity(source)


def _organizations(uow: Any, ids: list[UUID], exported: set[UUID] | None, cited: set[UUID],
                   today: date) -> Iterator[dict[str, Any]]:
    designations: dict[UUID, list[Any]] = {}
    for designation in uow.get_many("designation", gq.designation_ids_of(uow, ids)):
        designations.setdefault(designation.organization_id, []).append(designation)
    sources = {s.id: s for s in uow.get_many(
        "source", sorted({d.source_id for ds in designations.values() for d in ds
                          if d.source_id is not None}))}
    for org in uow.get_many("org", ids):
        listed = designations.get(org.id, [])
        yield ftm.organization_entity(org, listed, today)
        succession = ftm.succession_entity(org)
        if succession is not None and (exported is None or org.successor_id in exported):
            yield succession
        for designation in listed:
            if designation.source_id is not None:
                cited.add(designation.source_id)
            yield ftm.sanction_entity(designation, sources.get(designation.source_id))


def _learn_makers(uow: Any, makers: dict[UUID, str], part_ids: set[UUID]) -> None:
    for part in uow.get_many("part", sorted(part_ids)):
        makers[part.id] = part.manufacturer_name


def _batches(ids: set[UUID], size: int = gq.CHUNK) -> Iterator[list[UUID]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), size):
        yield ordered[start:start + size]


# ---------------------------------------------------------------------- files
def _target(path: str | Path) -> Path:
    """The file to write, refused with a clear message when it cannot be one."""
    if not str(path).strip():
        raise ValidationError("file", "give the name of the file to write")
    target = Path(path).expanduser()
    if target.is_dir():
        raise ValidationError("file", f"{target} is a folder; give the name of a file")
    if not target.parent.is_dir():
        raise ValidationError("file", f"{target}: the folder {target.parent} does not exist")
    return target


def _atomically(target: Path, write: Callable[[TextIO], None]) -> None:
    """Write UTF-8 text with Unix line ends, replacing the target only when complete."""
    def fill(path: str) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            write(stream)

    replace_atomically(target, fill)
