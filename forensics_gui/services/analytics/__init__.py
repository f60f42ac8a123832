"""Analytics across the store: where the components come from, what they are, and when they
were made, as the figures of core.analytics, for the dashboard, `forensics stats` and the
briefs (one computation, so that a brief always shows what the screen shows).

    dashboard(store, filters, after=INVASION, top=15) -> Dashboard   every figure
    figure(store, name, filters, after=..., top=...) -> Figure       one of FIGURE_NAMES
    filters_for(store, system=..., items=..., ...) -> AnalyticsFilters   from names and text

Every figure counts findings (or recovered items) that are not withdrawn, says how many had
no value for it, and gives each bar the search filters that list what it counts. The counts
are made in SQL through indexes (see storage.analytics_query); nothing loads the findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from forensics_gui.core.analytics import (
    DEFAULT_TOP,
    FIGURE_NAMES,
    INVASION,
    AnalyticsFilters,
    Dashboard,
    Figure,
    country_codes,
)
from forensics_gui.core.chart_shapes import Words, same
from forensics_gui.core.errors import ValidationError
from forensics_gui.services.analytics import figures as makers
from forensics_gui.services.analytics import timelines
from forensics_gui.services.analytics.board import Board
from forensics_gui.services.references import lookup
from forensics_gui.storage.store import Store

__all__ = ["FIGURE_NAMES", "dashboard", "figure", "filters_for"]

BUILDERS: dict[str, Callable[[Board], Figure]] = {
    "by_country": makers.by_country, "foreign_makers_share": makers.foreign_makers_share,
    "by_maker": makers.by_maker, "persistent_makers": makers.persistent_makers,
    "by_category": makers.by_category, "by_chpl_tier": makers.by_chpl_tier,
    "chpl_tier_1_2": makers.chpl_tier_1_2, "identified": makers.identified,
    "produced_after": timelines.produced_after,
    "production_timeline": timelines.production_timeline,
    "after_invasion_by_system": timelines.after_invasion_by_system,
    "newest_production_by_system": timelines.newest_production_by_system,
    "items_over_time": timelines.items_over_time,
}
MAX_TOP = 100


def dashboard(store: Store, filters: AnalyticsFilters | None = None, *,
              after: date = INVASION, top: int = DEFAULT_TOP,
              names: Sequence[str] = FIGURE_NAMES, words: Words = same) -> Dashboard:
    """Every figure (or those named) for the findings the filters cover, in one reading of
    the store. `after`: the day of the share produced after it (default: the invasion);
    `top`: how many makers and categories get a bar of their own; `words`: the figures' fixed
    words in the desktop client's language (English as they are otherwise)."""
    filters = filters or AnalyticsFilters()
    wanted = _checked(names, top)
    with store.reading() as uow:
        board = Board(uow, filters, after=after, top=top, words=words)
        built = tuple(BUILDERS[name](board) for name in wanted)
        covered_items = sum(board.items.values())
        return Dashboard(filters, built, board.findings, covered_items,
                         datetime.now(UTC).isoformat(timespec="seconds"))


def figure(store: Store, name: str, filters: AnalyticsFilters | None = None, *,
           after: date = INVASION, top: int = DEFAULT_TOP, words: Words = same) -> Figure:
    """One figure of the dashboard (FIGURE_NAMES), computed on its own."""
    _checked([name], top)
    with store.reading() as uow:
        return BUILDERS[name](Board(uow, filters or AnalyticsFilters(), after=after, top=top,
                                    words=words))


def _checked(names: Sequence[str], top: int) -> list[str]:
    unknown = [n for n in names if n not in BUILDERS]
    if unknown:
        raise ValidationError("figure", f"there is no figure {unknown[0]!r} (figures: "
                                        f"{', '.join(FIGURE_NAMES)})")
    if not 1 <= top <= MAX_TOP:
        raise ValidationError("top", f"must be between 1 and {MAX_TOP}")
    return list(dict.fromkeys(names))


def filters_for(store: Store, *, system: str | None = None, items: Sequence[str] = (),
                recovered_from: Any = None, recovered_to: Any = None,
                produced_after: Any = None, produced_before: Any = None,
                maker_country: str | None = None) -> AnalyticsFilters:
    """AnalyticsFilters from what a user typed: a system type and items by name or id, dates
    as YYYY-MM-DD, a maker country as ISO codes ("US", "US, JP") or "EU". ValidationError
    names what is wrong (an unknown system type or item, an impossible date or period)."""
    with store.reading() as uow:
        system_id = _found(uow, "system", "weapon system type", system) if system else None
        item_ids = tuple(dict.fromkeys(_found(uow, "item", "recovered item", ref)
                                       for ref in items))
    days = {name: _day(name, value) for name, value in (
        ("recovered_from", recovered_from), ("recovered_to", recovered_to),
        ("produced_after", produced_after), ("produced_before", produced_before))}
    for low, high in (("recovered_from", "recovered_to"), ("produced_after", "produced_before")):
        if days[low] and days[high] and days[low] > days[high]:
            raise ValidationError(high.replace("_", " "), f"{days[high]} is before {days[low]}")
    codes = country_codes(maker_country)
    bad = [code for code in codes if len(code) != 2 or not code.isalpha()]
    if bad:
        raise ValidationError("maker country", f"{bad[0][:20]!r} is not a two-letter country "
                                               "code (or EU)")
    return AnalyticsFilters(system_id=system_id, item_ids=item_ids,
                            manufacturer_country=", ".join(codes) or None, **days)


def _found(uow: Any, kind: str, label: str, reference: str) -> Any:
    found = lookup(uow, kind, reference)
    if found is None:
        raise ValidationError(label, f"there is no {label} {str(reference)[:80]!r}")
    return found


def _day(name: str, value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(name.replace("_", " "), f"{str(value)[:40]!r} is not a date "
                                                      "(expected YYYY-MM-DD)") from None
