"""What the figures are made from, for one set of filters inside one unit of work: the
counts of storage.analytics_query and analytics_recovery, each asked for once however many
figures use it, and the search filters that list what a bar counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cached_property
from typing import Any
from uuid import UUID

from forensics_gui.core.analytics import INVASION, AnalyticsFilters, Marker, country_codes
from forensics_gui.core.chart_shapes import Words, same
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.storage import analytics_query as aq
from forensics_gui.storage import analytics_recovery as ar
from forensics_gui.storage.repository import UnitOfWork


def coverage_of(filters: AnalyticsFilters) -> aq.Coverage:
    """The storage's coverage (ids given as text, as in a bar's filters, are read as ids)."""
    return aq.Coverage(system_id=_id(filters.system_id),
                       item_ids=tuple(_id(i) for i in filters.item_ids),
                       recovered_from=filters.recovered_from, recovered_to=filters.recovered_to,
                       produced_after=filters.produced_after,
                       produced_before=filters.produced_before,
                       countries=country_codes(filters.manufacturer_country))


def _id(value: Any) -> Any:
    return value if value is None or isinstance(value, UUID) else UUID(str(value))


class Board:
    """The counts behind the figures (read once each), and the search filters of a bar."""

    def __init__(self, uow: UnitOfWork, filters: AnalyticsFilters, *, after: date = INVASION,
                 top: int = 15, words: Words = same) -> None:
        self.uow, self.filters, self.after, self.top = uow, filters, after, top
        # the figures' fixed words (titles, notes, bar labels): English unless the desktop
        # client passes its translation
        self.words = words
        self.coverage = coverage_of(filters)
        self._organizations: dict[UUID, tuple[str, str, str]] = {}
        aq.begin(uow)

    def ask(self, count: Callable[..., Any], *args: Any) -> Any:
        """A count of the storage modules for this board's coverage."""
        return count(self.uow, self.coverage, *args)

    # -------------------------------------------------------------- shared counts
    @cached_property
    def findings(self) -> int:
        return self.ask(aq.covered_findings)

    @cached_property
    def makers(self) -> dict[UUID | None, int]:
        return self.ask(aq.maker_counts)

    def organization(self, org: UUID) -> tuple[str, str, str]:
        """(name, country, successor's name) of an organization."""
        if org not in self._organizations:
            self.organizations([org])
        return self._organizations.get(org, (str(org), "", ""))

    def organizations(self, ids: Any) -> None:
        """Read these organizations at once (before asking for them one by one)."""
        wanted = [org for org in ids if org is not None and org not in self._organizations]
        self._organizations.update(aq.organizations(self.uow, wanted))

    def country(self, org: UUID | None) -> str | None:
        """A maker's country ('' when not recorded), None for no maker."""
        return None if org is None else self.organization(org)[1]

    @cached_property
    def undated(self) -> dict[str, int]:
        return self.ask(aq.undated_counts)

    @cached_property
    def production_span(self) -> tuple[date, date] | None:
        return self.ask(aq.production_span)

    @cached_property
    def items(self) -> dict[date | None, int]:
        return self.ask(ar.items_by_recovery)

    @cached_property
    def designation_markers(self) -> tuple[Marker, ...]:
        """One marker per day on which companies involved were designated."""
        by_day: dict[date, list[str]] = {}
        for day, authority, name in self.ask(ar.designations):
            by_day.setdefault(day, []).append(f"{authority}: {name}" if authority else name)
        return tuple(Marker(day, _listed(names, self.words), "designation")
                     for day, names in sorted(by_day.items()))

    # -------------------------------------------------------------- click-through
    @cached_property
    def base_filters(self) -> dict[str, Any]:
        """The search filters that list the covered findings (the dashboard's own)."""
        f = self.filters
        found: dict[str, Any] = {}
        if f.system_id:
            found["system_id"] = str(f.system_id)
        if f.item_ids:
            ids = [str(i) for i in f.item_ids]
            found["item_id"] = ids[0] if len(ids) == 1 else ids
        for name in ("recovered_from", "recovered_to", "produced_after", "produced_before"):
            if getattr(f, name):
                found[name] = getattr(f, name).isoformat()
        if self.coverage.countries:
            found["manufacturer_country"] = _one_or_list(self.coverage.countries)
        return found

    def filters_for(self, **extra: Any) -> dict[str, Any]:
        """The search filters of a bar: the dashboard's, narrowed by the bar's own."""
        found = dict(self.base_filters)
        for name, value in extra.items():
            if isinstance(value, date):
                value = value.isoformat()
            found[name] = _narrowed(name, found.get(name), value)
        return found


def _narrowed(name: str, current: Any, value: Any) -> Any:
    """Two conditions of the same name at once: the later date of two lower bounds, the
    earlier of two upper bounds, the countries in both."""
    if current is None:
        return value
    if name in ("produced_after", "recovered_from", "produced_ends_after"):
        return max(current, value)
    if name in ("produced_before", "recovered_to", "produced_starts_before"):
        return min(current, value)
    if name == "manufacturer_country":
        both = [c for c in _as_list(value) if c in _as_list(current)]
        return _one_or_list(both)
    return value


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _one_or_list(codes: Any) -> Any:
    codes = list(codes)
    return codes[0] if len(codes) == 1 else codes


def _listed(names: list[str], words: Words, shown: int = 3) -> str:
    listed = "; ".join(names[:shown])
    if len(names) > shown:
        return words(QT_TRANSLATE_NOOP("charts", "designated: {names} and {count} more")).format(
            names=listed, count=len(names) - shown)
    return words(QT_TRANSLATE_NOOP("charts", "designated: {names}")).format(names=listed)


def day_after(day: date) -> date:
    return day + timedelta(days=1)
