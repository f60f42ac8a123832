"""What an export says about itself: what was exported, when, by whom, from which store, with
which filters, and the highest handling marking among the recovered items it concerns (a
reader must see "SECRET" before passing a file on)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from forensics_gui.services.exchange.export_columns import CUSTODY, LIST_SEPARATOR, kind_title

NO_MARKING = "none: no recovered item is among the records exported"
CHUNK = 500


@dataclass(frozen=True)
class About:
    """The facts an export's first sheet (Excel), `about` object (JSON) or about.csv holds."""

    exported: str
    store: str
    schema_revision: str
    exported_by: str
    highest_marking: str
    counts: dict[str, int]
    filters: dict[str, Any] = field(default_factory=dict)
    exported_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    notes: tuple[str, ...] = ()

    def rows(self) -> list[tuple[str, str]]:
        """(label, text) pairs, the handling marking first."""
        shown = [("Highest handling marking", self.highest_marking),
                 ("Exported", self.exported),
                 ("Exported at", self.exported_at.strftime("%Y-%m-%d %H:%M:%S UTC")),
                 ("Exported by", self.exported_by),
                 ("Store", self.store), ("Schema revision", self.schema_revision)]
        shown += [(f"Filter: {name}", _shown(value)) for name, value in self.filters.items()]
        shown += [(f"Records: {kind_title(kind)}", f"{n:,}") for kind, n in self.counts.items()]
        shown += [("Note", note) for note in self.notes]
        return shown

    def as_json(self) -> dict[str, Any]:
        """The same facts for a JSON document."""
        return {"highest_handling_marking": self.highest_marking, "exported": self.exported,
                "exported_at": self.exported_at.isoformat(), "exported_by": self.exported_by,
                "store": self.store, "schema_revision": self.schema_revision,
                "filters": self.filters, "counts": self.counts, "notes": list(self.notes)}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} = {v}" for k, v in value.items()) or "none"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


class MarkingTracker:
    """The handling markings of the recovered items that exported records belong to: an
    item's own, a finding's or custody event's item's, a photo's (or its finding's) item's,
    a supply link's finding's item's, an annotation's photo's item's."""

    def __init__(self, uow: Any) -> None:
        self._uow = uow
        markings = uow.list_page("marking", limit=1000).rows
        self._ranks = {marking.name: marking.rank for marking in markings}
        self._seen: set[str] = set()
        self._items_seen: set[UUID] = set()
        self._wanted: dict[str, set[UUID]] = {"item": set(), "finding": set(), "photo": set()}

    def see(self, kind: str, records: Sequence[Any]) -> None:
        """Note the records of a batch just exported."""
        if kind == "item":
            self._seen.update(r.handling_marking for r in records)
            self._items_seen.update(r.id for r in records)
        elif kind in ("finding", CUSTODY):
            self._want("item", (r.item_id for r in records))
        elif kind == "photo":
            self._want("item", (r.item_id for r in records))
            self._want("finding", (r.finding_id for r in records if r.item_id is None))
        elif kind == "link":
            self._want("finding", (r.finding_id for r in records))
        elif kind == "annotation":
            self._want("photo", (r.photo_id for r in records))

    def _want(self, kind: str, ids: Iterable[UUID | None]) -> None:
        self._wanted[kind].update(i for i in ids if i is not None)

    def highest(self) -> str:
        """The highest marking seen (by rank), or NO_MARKING."""
        for photo in self._read("photo"):
            self._want("item", (photo.item_id,))
            self._want("finding", (photo.finding_id,))
        for finding in self._read("finding"):
            self._want("item", (finding.item_id,))
        self._wanted["item"] -= self._items_seen
        self._seen.update(item.handling_marking for item in self._read("item"))
        if not self._seen:
            return NO_MARKING
        return max(self._seen, key=lambda name: (self._ranks.get(name, 0), name))

    def _read(self, kind: str) -> Iterable[Any]:
        ordered = sorted(self._wanted[kind])
        self._wanted[kind] = set()
        for start in range(0, len(ordered), CHUNK):
            yield from self._uow.get_many(kind, ordered[start:start + CHUNK])
