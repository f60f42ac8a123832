"""Recovery places as GeoJSON points, for QGIS and other map tools.

Each recovered item that is not withdrawn and has a possible latitude and longitude becomes a
point; items without coordinates, or with impossible ones, are counted and reported instead
of written (see `formats.geojson.position_problem`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.files import replace_atomically
from forensics_gui.formats import geojson
from forensics_gui.services.exchange.export_about import NO_MARKING
from forensics_gui.services.interchange import _target
from forensics_gui.services.records import resolve_one
from forensics_gui.services.supply import parse_period
from forensics_gui.storage import export_query
from forensics_gui.storage.export_query import RecoveryPlace
from forensics_gui.storage.store import Store

Control = Any  # a TaskControl-like object: report(done, total, text) and check()
SUFFIXES = (".geojson", ".json")


@dataclass(frozen=True)
class PlacesExport:
    """What a GeoJSON export wrote: the file, the points written, the items left out for want
    of coordinates (`missing`) or with coordinates no place has (`impossible`, their case
    references in `impossible_items`), and the highest handling marking among the points."""

    path: str
    written: int
    missing: int
    impossible: int
    highest_marking: str
    impossible_items: tuple[str, ...] = ()

    @property
    def skipped(self) -> int:
        return self.missing + self.impossible


class _Tally:
    """Counts what was written and left out while the features stream past."""

    def __init__(self, ranks: dict[str, int]) -> None:
        self.ranks = ranks
        self.missing = 0
        self.impossible: list[str] = []
        self.markings: set[str] = set()

    def highest(self) -> str:
        if not self.markings:
            return NO_MARKING
        return max(self.markings, key=lambda name: (self.ranks.get(name, 0), name))


def export_places(store: Store, path: str | Path, *, system: str | UUID | None = None,
                  date_from: Any = None, date_to: Any = None,
                  control: Control = None) -> PlacesExport:
    """Write the recovery places of recovered items (of a weapon system type, recovered
    within a period, when given) as a GeoJSON FeatureCollection of points."""
    target = _target(path)
    if target.suffix.lower() not in SUFFIXES:
        raise ValidationError("file", f"{target.name!r}: choose a name ending in .geojson")
    start, end = parse_period(date_from, date_to)
    with store.reading() as uow:
        system_id = resolve_one(uow, "system", system) if system not in (None, "") else None
        ranks = {m.name: m.rank for m in uow.list_page("marking", limit=1000).rows}
        tally = _Tally(ranks)
        places = export_query.stream_recovery_places(uow, system_id=system_id,
                                                     date_from=start, date_to=end)
        written: list[int] = []

        def fill(name: str) -> None:
            with open(name, "w", encoding="utf-8", newline="\n") as stream:
                written.append(geojson.write_collection(
                    stream, _features(places, tally, control), _members(store)))

        replace_atomically(target, fill)
    return PlacesExport(str(target), written[0], tally.missing, len(tally.impossible),
                        tally.highest(), tuple(tally.impossible))


def _members(store: Store) -> dict[str, Any]:
    """Foreign members naming the collection (map tools show `name` as the layer's)."""
    return {"name": "Recovery places",
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "exported_by": store.actor, "store": store.location.display}


def _features(batches: Iterator[list[RecoveryPlace]], tally: _Tally,
              control: Control) -> Iterator[dict[str, Any]]:
    done = 0
    for batch in batches:
        if control is not None:
            control.check()
            control.report(done, 0, f"Exporting recovery places: {done:,} items read")
        for place in batch:
            problem = geojson.position_problem(place.latitude, place.longitude)
            if problem == "missing":
                tally.missing += 1
            elif problem is not None:
                tally.impossible.append(place.case_reference)
            else:
                tally.markings.add(place.handling_marking)
                yield geojson.point_feature(place.latitude, place.longitude,
                                            _properties(place))
        done += len(batch)


def _properties(place: RecoveryPlace) -> dict[str, Any]:
    return {"id": str(place.id), "case_reference": place.case_reference,
            "system_type": place.system_type,
            "recovered_on": place.recovered_on.isoformat() if place.recovered_on else None,
            "recovery_place": place.recovery_place, "recovering_unit": place.recovering_unit,
            "handling_marking": place.handling_marking, "findings": place.findings}
