"""What a teardown report of one recovered item holds: recovery and custody, photos with their
annotations, findings by where they sat, makers and countries, production dates, and the
probable supply chain of each identified part."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from forensics_gui.core.analytics import AnalyticsFilters, Figure
from forensics_gui.core.chains import ChainReport, SearchLimits
from forensics_gui.core.graph import SupplyGraph
from forensics_gui.core.records import (
    ComponentFinding,
    CustodyEvent,
    Organization,
    Part,
    RecoveredItem,
    WeaponSystemType,
)
from forensics_gui.services import custody, graph, records, supply
from forensics_gui.services.briefs import common
from forensics_gui.services.briefs.common import (
    BriefFrame,
    BriefOptions,
    PrintPhoto,
    Progress,
    SourceBook,
)
from forensics_gui.storage.store import Store

FIGURES = ("by_country", "by_maker", "production_timeline", "identified")
GRAPH_NODES = 200  # a larger graph of a part comes back "too large" (and is not drawn)


@dataclass(frozen=True)
class TeardownData:
    frame: BriefFrame
    item: RecoveredItem
    system: WeaponSystemType | None
    custody: tuple[CustodyEvent, ...]  # as it stands (corrections applied, withdrawals out)
    findings: tuple[ComponentFinding, ...]
    parts: dict[UUID, Part]
    makers: dict[UUID, Organization]
    photos: tuple[PrintPhoto, ...]
    figures: tuple[Figure, ...]
    chains: dict[UUID, ChainReport]  # finding id -> its chains (identified findings only)
    sources: SourceBook
    graphs: dict[UUID, SupplyGraph] = field(default_factory=dict)  # part id -> its graph


def gather(store: Store, item_ref: str | UUID, options: BriefOptions,
           progress: Progress | None = None, check: Callable[[], None] | None = None
           ) -> TeardownData:
    """Read everything a teardown report of `item_ref` shows, in one consistent read."""
    options.check("teardown")
    say = progress or (lambda done, total, text: None)
    with store.reading() as uow:
        item = uow.get("item", records.resolve_one(uow, "item", item_ref))
        system = uow.get("system", item.system_type_id) if item.system_type_id else None
        findings = common.findings_of(uow, item.id)
        part_ids = sorted({f.part_id for f in findings if f.part_id}, key=str)
        parts = {p.id: p for p in uow.get_many("part", part_ids)} if part_ids else {}
        maker_ids = sorted({m for f in findings
                            if (m := f.manufacturer_id or _part_maker(parts, f))}, key=str)
        makers = {o.id: o for o in uow.get_many("org", maker_ids)} if maker_ids else {}
        query = f"teardown report of recovered item {item.case_reference}"
        frame = common.frame(store, uow, [item.handling_marking], query, options)
        photos: list[PrintPhoto] = []
        if options.wants("photos"):
            shot = uow.list_page("photo", filters={"item_id": item.id}, sort="created",
                                 limit=10_000).rows
            labels = {f.id: f.part_number or f.marking for f in findings}
            photos = common.print_photos(uow, shot, labels, options, progress=say, check=check)
        chains: dict[UUID, ChainReport] = {}
        graphs: dict[UUID, SupplyGraph] = {}
        if options.wants("chains"):
            today = supply.today()
            identified = [f for f in findings if f.part_id]
            for number, finding in enumerate(identified, 1):
                if check is not None:
                    check()
                say(number, len(identified), f"finding the supply chains of {number} of "
                    f"{len(identified)} identified parts")
                subject = supply.read_subject(uow, "finding", finding.id)
                chains[finding.id] = supply.chain_report(uow, subject, (None, None),
                                                         SearchLimits(max_chains=5), today)
            graphs = _graphs(uow, {f.part_id for f in identified
                                   if chains[f.id].links_considered})
        sources = common.source_book(uow, [s for f in findings for s in f.source_ids])
    history = custody.standing(custody.custody_history(store, item.id))
    figures = _figures(store, item.id) if options.wants("makers") or options.wants("dates") \
        else ()
    return TeardownData(frame, item, system, tuple(history), tuple(findings), parts, makers,
                        tuple(photos), figures, chains, sources, graphs)


def _graphs(uow: Any, part_ids: set[Any]) -> dict[UUID, SupplyGraph]:
    """The graph the screen draws of each part that has supply links."""
    found = {}
    for part_id in sorted(part_ids, key=str):
        scope, title = graph.resolve_scope(uow, part=part_id)
        found[part_id] = graph.graph_in(uow, scope, title, max_nodes=GRAPH_NODES,
                                        max_links=GRAPH_NODES * 4)
    return found


def _part_maker(parts: dict[UUID, Part], finding: ComponentFinding) -> UUID | None:
    part = parts.get(finding.part_id) if finding.part_id else None
    return part.manufacturer_id if part else None


def _figures(store: Store, item_id: UUID) -> tuple[Figure, ...]:
    from forensics_gui.services import analytics

    board: Any = analytics.dashboard(store, AnalyticsFilters(item_ids=(item_id,)))
    return tuple(f for f in board.figures if f.name in FIGURES)
