"""What a reference field suggests while the user types: the records the text may name.

Ranked as the search box ranks them (`services.search`: exact, starts with, contains,
possible misreading, company name, succession, similar name), for the kinds the search box
looks through; other kinds (designations, sanctions lists, photos, handling markings...) by
their name: the record named exactly, then names starting with the text, then containing it.
The GUI asks on its worker at every pause in typing and shows only the newest answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from forensics_gui.core.fields import describe, finding_title
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.partnumbers import search_key
from forensics_gui.core.search import MATCH_LABELS, SEARCH_KINDS, SearchHit
from forensics_gui.services import records
from forensics_gui.services.references import lookup
from forensics_gui.services.search import search
from forensics_gui.storage.store import Store

MAX_SUGGESTED = 50
# Terms other than a record's name that the search box finds it by, as the note names them.
_OTHER_NAMES = (("aliases", "alias"), ("former_names", "former name"),
                ("identifiers", "identifier"), ("serial_number", "serial"),
                ("reference", "reference"), ("marking", "marking"))


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A record a reference field may mean: `name` goes in the field (it names the record
    again when resolved), `detail` says which one it is, `note` how the text matched."""

    kind: str
    id: UUID
    name: str
    detail: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        """'STM32F405RGT6 — STMicroelectronics', as the suggestion list shows it."""
        return f"{self.name} — {self.detail}" if self.detail else self.name

    @property
    def exact(self) -> bool:
        return self.note.startswith(MATCH_LABELS["exact"])


def suggest(store: Store, kind: str, text: str, limit: int = 15) -> list[Suggestion]:
    """The records of `kind` that `text` may name, best match first (at most `limit`).

    Empty or unsearchable text (no letter or digit) suggests nothing."""
    kind_spec(kind)  # an unknown kind is refused, naming it
    limit = max(1, min(limit, MAX_SUGGESTED))
    if not search_key(text or ""):
        return []
    if kind in SEARCH_KINDS:
        return _searched(store, kind, text, limit)
    return _listed(store, kind, text.strip(), limit)


def resolve(store: Store, kind: str, text: str | UUID) -> Suggestion | None:
    """The record of `kind` that `text` names (an id, or a name as the services resolve it
    on save), or None when it names none; ValidationError when it names several."""
    with store.reading() as uow:
        found = lookup(uow, kind, text)
        record = uow.get(kind, found) if found is not None else None
    return None if record is None else _suggestion(kind, record, "")


def _searched(store: Store, kind: str, text: str, limit: int) -> list[Suggestion]:
    hits = search(store, text, kinds=(kind,), limit=limit).hits
    shown = {r.id: r for r in records.get_many(store, kind, [h.record_id for h in hits])}
    return [_suggestion(kind, shown[h.record_id], _note(h, shown[h.record_id]))
            for h in hits if h.record_id in shown]


def _note(hit: SearchHit, record: Any) -> str:
    """How the text matched: 'starts with', 'exact, alias Geran-2', 'possible misreading',
    or the search's own note (company names, succession, similar spelling)."""
    how = MATCH_LABELS[hit.match]
    if hit.note:
        return hit.note
    if hit.matched and search_key(hit.matched) != search_key(_name(hit.kind, record)):
        return f"{how}, {_named_as(record, hit.matched)}"
    return how


def _named_as(record: Any, matched: str) -> str:
    for attribute, what in _OTHER_NAMES:
        value = getattr(record, attribute, None)
        lines = value if isinstance(value, tuple) else str(value or "").splitlines()
        if matched == value or matched in lines:
            return f"{what} {matched}"
    return matched.splitlines()[0] if matched.strip() else matched


def _listed(store: Store, kind: str, text: str, limit: int) -> list[Suggestion]:
    """Kinds the search box does not look through, by the name in their title field."""
    spec = kind_spec(kind)
    with store.reading() as uow:
        exact = lookup(uow, kind, text) if spec.title_field != "id" else None
    rows = [] if spec.title_field == "id" else records.list_records(
        store, kind, contains=text, sort=spec.title_field, limit=limit * 2).rows
    found = records.get_many(store, kind, [exact]) if exact is not None else []
    found += [r for r in rows if r.id != exact]
    wanted = text.casefold()

    def rank(record: Any) -> int:
        name = _name(kind, record).casefold()
        return 0 if record.id == exact or name == wanted else 1 if name.startswith(wanted) else 2

    ranked = sorted(found, key=rank)[:limit]
    notes = ("exact", "prefix", "substring")
    return [_suggestion(kind, r, MATCH_LABELS[notes[rank(r)]]) for r in ranked]


def _suggestion(kind: str, record: Any, note: str) -> Suggestion:
    detail = _DETAIL.get(kind, lambda _r: "")(record)
    return Suggestion(kind, record.id, _name(kind, record), detail, note)


def _name(kind: str, record: Any) -> str:
    """What the field shows for the record: its part number, case reference, name..."""
    if kind == "finding":
        return finding_title(record.part_number, record.marking, record.function,
                             record.manufacturer_name)
    return describe(kind, record)


def _org_detail(record: Any) -> str:
    now = f"now part of {record.successor_name}" if record.successor_name else ""
    return " · ".join(p for p in (record.country, ", ".join(record.roles), now) if p)


_DETAIL: dict[str, Callable[[Any], str]] = {
    "part": lambda r: r.manufacturer_name or "maker unknown",
    "item": lambda r: r.system_type_name or "",
    "finding": lambda r: r.case_reference or "",
    "org": _org_detail,
    "system": lambda r: r.category or "",
    "source": lambda r: " · ".join(p for p in (r.publisher, r.kind) if p),
    "designation": lambda r: r.programme or "",
    "list": lambda r: r.list_version or "",
    "module": lambda r: getattr(r, "system_type_name", "") or "",
}
