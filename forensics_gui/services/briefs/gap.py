"""What the sanctions-gap brief holds: the gap list of `services.gap` (parts whose probable
chains pass through no company designated today after the maker, and the companies on those
chains designated nowhere), each link with its status and sources, and for each part the
graph the screen draws of it when that graph is small enough to print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from forensics_gui.core.chains import SanctionsGap
from forensics_gui.core.graph import SupplyGraph
from forensics_gui.services import gap, graph, supply
from forensics_gui.services.briefs import common
from forensics_gui.services.briefs.common import BriefFrame, BriefOptions, Progress, SourceBook
from forensics_gui.storage.store import Store

SMALL_GRAPH = 25  # organizations: a part's graph is drawn in the brief up to this size
FINDINGS_READ = 10_000  # findings of one part read to know the items (and markings) it was in


@dataclass(frozen=True)
class GapData:
    frame: BriefFrame
    gap: SanctionsGap
    graphs: dict[UUID, SupplyGraph]  # gap part (or finding) id -> its graph, when small
    sources: SourceBook
    today: date


class _Control:
    """Progress and cancellation, as `services.gap.sanctions_gap` asks for them."""

    def __init__(self, progress: Progress, check: Callable[[], None] | None) -> None:
        self._progress, self._check = progress, check

    def report(self, done: int, total: int, text: str) -> None:
        self._progress(done, total, text)

    def check(self) -> None:
        if self._check is not None:
            self._check()


def gather(store: Store, options: BriefOptions, progress: Progress | None = None,
           check: Callable[[], None] | None = None) -> GapData:
    """Read the gap list (in the options' period) and what the brief shows with it."""
    options.check("gap")
    say = progress or (lambda done, total, text: None)
    result = gap.sanctions_gap(store, period_from=options.period_from,
                               period_to=options.period_to, control=_Control(say, check))
    start, end = result.period_from, result.period_to
    with store.reading() as uow:
        graphs: dict[UUID, SupplyGraph] = {}
        if options.wants("parts"):
            for number, part in enumerate(result.parts, 1):
                say(number, len(result.parts), f"drawing the graph of {number} of "
                    f"{len(result.parts)} parts")
                if check is not None:
                    check()
                scope, title = graph.resolve_scope(uow, **{part.kind: part.id},
                                                   date_from=start, date_to=end)
                graphs[part.id] = graph.graph_in(uow, scope, title, max_nodes=SMALL_GRAPH,
                                                 max_links=SMALL_GRAPH * 4)
        cited = [c.source_id for part in result.parts for chain in part.chains
                 for step in chain.steps for c in step.link.citations]
        cited += [c.source_id for org in result.organizations for view in org.links
                  for c in view.link.citations]
        sources = common.source_book(uow, cited)
        period = " to ".join(d.isoformat() if d else "…" for d in (start, end))
        query = "sanctions gap" + (f", supply links dated {period}" if start or end else "")
        frame = common.frame(store, uow, _markings(uow, result), query, options)
    return GapData(frame, result, graphs, sources, supply.today())


def _markings(uow: Any, result: SanctionsGap) -> list[str]:
    """The handling markings of the recovered items the gap's parts were found in: the
    brief names those parts, so it carries the highest of them."""
    item_ids: set[UUID] = set()
    for part in result.parts:
        if part.kind == "finding":
            item_ids.add(uow.get("finding", part.id).item_id)
            continue
        rows = uow.list_page("finding", filters={"part_id": part.id}, limit=FINDINGS_READ).rows
        if len(rows) == FINDINGS_READ:  # not all read: rather the store's highest marking
            return common.all_markings(uow)
        item_ids |= {f.item_id for f in rows}
    items = uow.get_many("item", sorted(item_ids, key=str)) if item_ids else []
    return [item.handling_marking for item in items]
