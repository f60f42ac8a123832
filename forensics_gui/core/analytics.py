"""The figures of the analytics dashboard, `forensics stats` and the briefs: what each counts,
over which records, and what had no value.

One service computes them (`services.analytics`); the screen, the command line and the briefs
only show them, so that a figure in a brief always equals the figure on screen. Withdrawn
evidence never counts.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.resources import asset_path

# What a figure counts (the analytic standards: every figure says so).
FINDINGS = QT_TRANSLATE_NOOP("charts", "findings")
PARTS = QT_TRANSLATE_NOOP("charts", "distinct parts")
ITEMS = QT_TRANSLATE_NOOP("charts", "recovered items")
COUNTS = (FINDINGS, PARTS, ITEMS)

# How a figure is drawn.
BARS = "bars"  # categories, largest first
TIMELINE = "timeline"  # periods in time order, with reference dates marked
SHARE = "share"  # parts of one whole (two or a few slices)
TABLE = "table"  # rows of values that are read, not compared (e.g. the newest date per type)
SHAPES = (BARS, TIMELINE, SHARE, TABLE)

INVASION = date(2022, 2, 24)

# Every figure, in the order the dashboard, `forensics stats` and the briefs show them.
FIGURE_NAMES = (
    "by_country", "foreign_makers_share", "by_maker", "persistent_makers", "by_category",
    "by_chpl_tier", "chpl_tier_1_2", "identified", "produced_after", "production_timeline",
    "after_invasion_by_system", "newest_production_by_system", "items_over_time")
DEFAULT_TOP = 15  # makers (and categories) shown before the rest become one bar

# "Foreign" components: made by a maker whose country is known and is not one of these.
DOMESTIC = ("RU", "BY")
# The member states of the European Union (ISO 3166-1 codes; Greece is GR, not EL).
EU_MEMBERS = ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
              "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI",
              "SK")
# The makers' countries the readers ask about first, in the order shown; every other foreign
# country is one slice. Hong Kong (HK) is its own code, not China's.
FOREIGN_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("United States", ("US",)), ("European Union", EU_MEMBERS), ("Japan", ("JP",)),
    ("Switzerland", ("CH",)), ("Taiwan", ("TW",)), ("China", ("CN",)))
COUNTRY_GROUPS = {"EU": EU_MEMBERS}


@dataclass(frozen=True, slots=True)
class AnalyticsFilters:
    """Which findings the figures cover (None or empty: no condition).

    The names match the search's filters where they mean the same, so that a click on a bar
    opens the same findings in the search page."""

    system_id: UUID | None = None
    item_ids: tuple[UUID, ...] = ()
    recovered_from: date | None = None
    recovered_to: date | None = None
    produced_after: date | None = None
    produced_before: date | None = None
    manufacturer_country: str | None = None

    def active(self) -> dict[str, Any]:
        return {f.name: v for f in fields(self)
                if (v := getattr(self, f.name)) not in (None, "", ())}


@dataclass(frozen=True, slots=True)
class Marker:
    """A reference date on a timeline: the invasion, a CHPL publication, a designation."""

    on: date
    label: str
    kind: str  # "event", "chpl", "designation"


@dataclass(frozen=True, slots=True)
class Bar:
    """One category or period of a figure.

    `value` is the count; `share` its part of the figure's counted total (0..1); `filters`
    the search filters that list the findings behind it (the click-through); `start`/`end`
    the period of a timeline bar (in a table of dates, the period of the row's date).
    `group` names the group a row belongs to where a table holds several rows per group (the
    system type in `after_invasion_by_system`), for grouped bars; `record_id` the record a
    table row comes from (the finding with the newest production date). In a table of dates
    (`Figure.unit` "date") a row's date is `start` (its period running to `end`), `detail`
    says it in words, and `value` is 0."""

    label: str
    value: int
    share: float
    filters: dict[str, Any] = field(default_factory=dict)
    start: date | None = None
    end: date | None = None
    detail: str = ""
    group: str = ""
    record_id: UUID | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: what it counts, over how many records, and how many had no value."""

    name: str  # stable identifier, e.g. "by_country" (the JSON key, the CSV file name)
    title: str
    counts: str  # one of COUNTS
    shape: str  # one of SHAPES
    bars: tuple[Bar, ...]
    total: int  # records covered by the filters
    missing: int = 0  # records with no value for this figure (not in any bar)
    missing_label: str = ""  # what "no value" means here, e.g. "no manufacturer identified"
    markers: tuple[Marker, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. the ambiguous date-code readings left out
    unit: str = ""  # for TABLE figures whose values are not counts (e.g. "date")

    @property
    def counted(self) -> int:
        return self.total - self.missing


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Every figure for one set of filters, with what they cover."""

    filters: AnalyticsFilters
    figures: tuple[Figure, ...]
    findings: int  # findings covered (withdrawn left out)
    items: int  # recovered items covered
    computed_at: str = ""  # ISO time, for the briefs' last page

    def figure(self, name: str) -> Figure:
        return next(f for f in self.figures if f.name == name)


# ------------------------------------------------------------------ countries
def country_codes(value: str | None) -> tuple[str, ...]:
    """The ISO codes a maker-country condition names: one code ("us"), several separated by
    commas or spaces ("US, JP"), or a group ("EU": its member states)."""
    codes: list[str] = []
    for word in (value or "").replace(",", " ").split():
        codes += COUNTRY_GROUPS.get(word.upper(), (word.upper(),))
    return tuple(dict.fromkeys(codes))


def foreign_group(country: str) -> str | None:
    """The slice of `foreign_makers_share` a maker's country falls in: a group's name, "" for
    another foreign country, None when the maker is not foreign (no country, RU, BY)."""
    if not country or country in DOMESTIC:
        return None
    return next((name for name, codes in FOREIGN_GROUPS if country in codes), "")


# ------------------------------------------------------------------ reference dates
@dataclass(frozen=True, slots=True)
class ChplPublication:
    """A published version of the Common High Priority List (a reference date on timelines)."""

    published_on: date
    version: str
    items: int | None
    source: str
    note: str


@functools.cache
def chpl_publications() -> tuple[ChplPublication, ...]:
    """The CHPL's published versions, oldest first (assets/data/chpl_versions.csv, with the
    source of each date)."""
    with asset_path("data", "chpl_versions.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = [ChplPublication(date.fromisoformat(r["published_on"]), r["version"].strip(),
                             int(r["items"]) if r["items"].strip() else None,
                             r["source"].strip(), r["note"].strip()) for r in rows]
    return tuple(sorted(found, key=lambda p: p.published_on))


def reference_markers(words: Callable[[str], str] = str) -> tuple[Marker, ...]:
    """The invasion and every CHPL publication, in time order; `words` turns the fixed
    words of the publications' labels (the desktop client's translation; the invasion's
    label is translated where it is drawn)."""
    published = words(QT_TRANSLATE_NOOP("charts", "CHPL published ({version})"))
    chpl = tuple(Marker(p.published_on, published.format(version=p.version), "chpl")
                 for p in chpl_publications())
    return (Marker(INVASION, QT_TRANSLATE_NOOP("charts", "Full-scale invasion of Ukraine"),
                   "event"), *chpl)


def day_text(day: date) -> str:
    """'24 Feb 2022'."""
    return f"{day.day} {day:%b %Y}"


# ------------------------------------------------------------------ periods
MONTH, QUARTER, YEAR = "month", "quarter", "year"
MAX_PERIODS = 120  # a timeline's bars: months up to ten years, quarters up to thirty


def grain_for(first: date, last: date) -> str:
    """The period of a timeline's bars: months, quarters when there would be more than
    MAX_PERIODS months, years when there would be more than MAX_PERIODS quarters."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MAX_PERIODS:
        return MONTH
    return QUARTER if (months + 2) // 3 <= MAX_PERIODS else YEAR


def period_start(day: date, grain: str) -> date:
    if grain == YEAR:
        return date(day.year, 1, 1)
    if grain == QUARTER:
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, day.month, 1)


def next_period(start: date, grain: str) -> date:
    step = {MONTH: 1, QUARTER: 3, YEAR: 12}[grain]
    month = start.month - 1 + step
    return date(start.year + month // 12, month % 12 + 1, 1)


def periods(first: date, last: date, grain: str) -> list[tuple[date, date]]:
    """(first day, last day) of every period from the one holding `first` to the one
    holding `last`, empty ones included."""
    found = []
    start = period_start(first, grain)
    while start <= last:
        following = next_period(start, grain)
        found.append((start, following - timedelta(days=1)))
        start = following
    return found


def period_label(start: date, grain: str) -> str:
    if grain == YEAR:
        return str(start.year)
    if grain == QUARTER:
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    return f"{start:%b %Y}"


def half_year(day: date) -> tuple[int, int]:
    """(year, 1 or 2): January to June is the first half, July to December the second."""
    return day.year, 1 if day.month <= 6 else 2


def half_year_bounds(half: tuple[int, int]) -> tuple[date, date]:
    year, number = half
    return (date(year, 1, 1), date(year, 6, 30)) if number == 1 else \
        (date(year, 7, 1), date(year, 12, 31))
