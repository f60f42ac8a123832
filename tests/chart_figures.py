"""Hand-made figures of every shape, as the analytics service describes them, for the tests
of the charts (the geometry, the screen and the briefs)."""

from __future__ import annotations

from datetime import date, timedelta

from forensics_gui.core.analytics import (
    BARS,
    FINDINGS,
    ITEMS,
    PARTS,
    SHARE,
    TABLE,
    TIMELINE,
    Bar,
    Figure,
    Marker,
)

COUNTRIES = (("United States", 412), ("China", 160), ("Switzerland", 88), ("Japan", 61),
             ("Germany", 44), ("Taiwan", 30), ("Netherlands", 22), ("South Korea", 15),
             ("United Kingdom", 11), ("Russia", 9), ("France", 7), ("Philippines", 4),
             ("Malaysia", 3), ("Ireland", 2), ("Israel", 1))
MARKERS = (Marker(date(2022, 2, 24), "Invasion of Ukraine", "event"),
           Marker(date(2023, 2, 24), "CHPL published", "chpl"),
           Marker(date(2023, 9, 14), "CHPL updated", "chpl"),
           Marker(date(2022, 6, 28), "OFAC: Vektor Komponent", "designation"),
           Marker(date(2023, 5, 19), "OFAC: Harbour Star", "designation"),
           Marker(date(2023, 5, 20), "EU: Harbour Star", "designation"),
           Marker(date(2024, 2, 23), "OFAC: Sino Parts", "designation"))


def month_end(start: date) -> date:
    return date(start.year + (start.month == 12), start.month % 12 + 1, 1) - timedelta(days=1)


def by_country() -> Figure:
    total = sum(value for _name, value in COUNTRIES)
    bars = tuple(Bar(name, value, value / total, {"manufacturer_country": name[:2].upper()})
                 for name, value in COUNTRIES)
    return Figure("by_country", "Components by manufacturer country", FINDINGS, BARS, bars,
                  total + 37, 37, "no manufacturer identified",
                  notes=("Countries are those of the manufacturer today.",))


def production(periods: int = 200) -> Figure:
    starts = [date(2007 + i // 12, i % 12 + 1, 1) for i in range(periods)]
    values = [5 + (i * 37) % 23 + i // 4 for i in range(periods)]
    total = sum(values)
    bars = tuple(Bar(f"{start:%B %Y}", value, value / total,
                     {"produced_after": start.isoformat(),
                      "produced_before": month_end(start).isoformat()}, start, month_end(start))
                 for start, value in zip(starts, values, strict=True))
    return Figure("production", "Production dates of components", FINDINGS, TIMELINE, bars,
                  total + 210, 210, "no readable date code", markers=MARKERS,
                  notes=("14 date codes can be read two ways; they are left out.",))


def identified() -> Figure:
    return Figure("identified", "Identified and unidentified components", FINDINGS, SHARE,
                  (Bar("Identified part", 820, 0.82, {"identified": "yes"}),
                   Bar("Not identified", 180, 0.18)), 1000)


def newest() -> Figure:
    return Figure("newest", "Newest production date per system type", FINDINGS, TABLE,
                  (Bar("Shahed-136", 0, 0.0, end=date(2024, 3, 3), detail="week 9 of 2024"),
                   Bar("Kh-101", 0, 0.0, end=date(2023, 11, 30))), 300, 12, "no date code",
                  unit="date")


def tiers() -> Figure:
    return Figure("by_chpl_tier", "Components by CHPL tier", PARTS, BARS,
                  (Bar("Tier 1", 40, 0.4, {"chpl_tier": "1"}), Bar("Tier 2", 30, 0.3),
                   Bar("Not on the CHPL", 30, 0.3)), 120, 20, "no HS code")


def items_over_time() -> Figure:
    quarters = tuple(Bar(f"{2022 + q // 4} Q{q % 4 + 1}", (3, 5, 8, 4, 9, 12, 7, 3)[q], 0.1,
                         {}, date(2022 + q // 4, q % 4 * 3 + 1, 1),
                         month_end(date(2022 + q // 4, q % 4 * 3 + 3, 1))) for q in range(8))
    return Figure("items_over_time", "Recovered items over time", ITEMS, TIMELINE, quarters,
                  53, 2, "no recovery date", markers=MARKERS[:1])


def after_invasion_by_system() -> Figure:
    """Bars in groups: the share produced after the invasion, per system type."""
    rows = (("Shahed-136", "after 24 Feb 2022", 14), ("Shahed-136", "before", 30),
            ("Kh-101", "after 24 Feb 2022", 3), ("Kh-101", "before", 21),
            ("Orlan-10", "before", 9))
    return Figure("after_invasion_by_system", "Produced after the invasion, by system type",
                  FINDINGS, BARS, tuple(Bar(label, value, value / 44, {"system_id": group},
                                            group=group) for group, label, value in rows),
                  90, 13, "no readable date code")


def empty() -> Figure:
    return Figure("empty", "Components by function", FINDINGS, BARS, (), 0)


def every_figure() -> list[Figure]:
    return [by_country(), production(), identified(), newest(), tiers(), items_over_time(),
            after_invasion_by_system(), empty()]
