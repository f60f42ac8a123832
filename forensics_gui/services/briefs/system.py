"""What the summary of a weapon system type holds: its recovered items, where the components
found in them come from (countries, makers, CHPL tiers), when they were made, and what changed
from one year of recoveries to the next. The figures are the analytics service's own, so that
the brief shows what the dashboard shows for the same system type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from forensics_gui.core.analytics import INVASION, AnalyticsFilters, Dashboard, Figure
from forensics_gui.core.records import RecoveredItem, WeaponSystemType
from forensics_gui.services import analytics, records
from forensics_gui.services.briefs import common
from forensics_gui.services.briefs.common import BriefFrame, BriefOptions, Progress, SourceBook
from forensics_gui.storage.store import Store

FIGURES = ("by_country", "foreign_makers_share", "by_maker", "persistent_makers",
           "by_chpl_tier", "chpl_tier_1_2", "production_timeline", "produced_after",
           "identified", "items_over_time")
YEAR_FIGURES = ("by_country", "identified", "produced_after", "newest_production_by_system",
                "by_maker")
MAX_ITEMS = 5_000


@dataclass(frozen=True)
class YearOfRecoveries:
    """The findings of the items recovered in one year, as the dashboard counts them."""

    year: int
    items: int
    findings: int
    identified: float  # share of findings identified to a part
    after_invasion: int  # findings produced after 24 February 2022
    dated: int  # findings with a production date
    newest: date | None  # the newest production date seen
    countries: tuple[tuple[str, int], ...]  # the makers' countries, most findings first
    makers: frozenset[str]  # the makers whose parts were found


@dataclass(frozen=True)
class SystemData:
    frame: BriefFrame
    system: WeaponSystemType
    items: tuple[RecoveredItem, ...]
    findings_per_item: dict[UUID, int]
    board: Dashboard
    years: tuple[YearOfRecoveries, ...]
    undated_items: int  # items with no recovery date (in no year)
    sources: SourceBook

    def figure(self, name: str) -> Figure | None:
        return next((f for f in self.board.figures if f.name == name), None)


def gather(store: Store, system_ref: str | UUID, options: BriefOptions,
           progress: Progress | None = None, check: Callable[[], None] | None = None
           ) -> SystemData:
    options.check("system")
    say = progress or (lambda done, total, text: None)
    with store.reading() as uow:
        system = uow.get("system", records.resolve_one(uow, "system", system_ref))
        items = tuple(uow.list_page("item", filters={"system_type_id": system.id},
                                    sort="recovered_on", limit=MAX_ITEMS).rows)
        per_item: dict[UUID, int] = {}
        source_ids: set[UUID] = set()
        for number, item in enumerate(items, 1):
            if check is not None:
                check()
            say(number, len(items), f"reading the findings of item {number} of {len(items)}")
            found = common.findings_of(uow, item.id)
            per_item[item.id] = len(found)
            source_ids.update(s for f in found for s in f.source_ids)
        query = f"summary of weapon system type {system.name}"
        frame = common.frame(store, uow, [i.handling_marking for i in items], query, options)
        sources = common.source_book(uow, source_ids)
    filters = AnalyticsFilters(system_id=system.id)
    board = analytics.dashboard(store, filters, names=FIGURES)
    years = _years(store, system.id, items)
    undated = sum(1 for i in items if i.recovered_on is None)
    return SystemData(frame, system, items, per_item, board, years, undated, sources)


def _years(store: Store, system_id: UUID, items: tuple[RecoveredItem, ...]
           ) -> tuple[YearOfRecoveries, ...]:
    """The dashboard's figures for the items recovered in each year."""
    found = []
    for year in sorted({i.recovered_on.year for i in items if i.recovered_on}):
        filters = AnalyticsFilters(system_id=system_id, recovered_from=date(year, 1, 1),
                                   recovered_to=date(year, 12, 31))
        board = analytics.dashboard(store, filters, names=YEAR_FIGURES, after=INVASION,
                                    top=100)
        figures = {f.name: f for f in board.figures}
        identified = figures["identified"]
        part = next((b for b in identified.bars if b.filters.get("identification") == "part"),
                    None)
        after = figures["produced_after"]
        after_bar = next((b for b in after.bars if b.label.startswith("produced after")), None)
        newest = max((b.start for b in figures["newest_production_by_system"].bars if b.start),
                     default=None)
        makers = frozenset(b.label for b in figures["by_maker"].bars
                           if b.filters.get("manufacturer_id") or b.filters.get(
                               "manufacturer_exact"))
        found.append(YearOfRecoveries(
            year, board.items, board.findings, part.share if part else 0.0,
            after_bar.value if after_bar else 0, after.counted, newest,
            tuple((b.label, b.value) for b in figures["by_country"].bars[:4]), makers))
    return tuple(found)
