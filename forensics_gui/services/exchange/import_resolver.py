"""Finding the records a spreadsheet's rows name, and planning those the store lacks.

A reference is given as an id or as people write it: a maker's name or alias, a part number, an
item's case reference, a system type's name or alias, a source's title. The store is asked
about every name of a file at once (`learn`); makers, parts, system types, sources, the
organizations of supply links and the items of published lists that it lacks are planned,
and a refused row's plans are forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

from forensics_gui.core.countries import country_code
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.exchange import Layout, is_not_identified, layout_named
from forensics_gui.core.ids import new_id
from forensics_gui.core.markings import read_marking
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import search_key
from forensics_gui.formats.tables import from_text
from forensics_gui.services import bulk
from forensics_gui.services.references import lookup
from forensics_gui.storage import import_query as iq

LIST_SEPARATOR = ";"
Draft = dict[str, tuple[str, ...]]  # a row: {target: its non-empty cells}




def _cell(text: str) -> str:
    """A cell as the row holds it: stripped, and unquoted where an export quoted it."""
    text = text.strip()
    return from_text(text) if text[:1] == "'" else text


def _wrapped(column: list[str]) -> list[tuple[str, ...]]:
    """Each cell as the tuple a draft holds (empty for an empty cell), one per distinct text."""
    held = {text: (text,) if text else () for text in set(column)}
    return [held[text] for text in column]


class Refused(Exception):
    """A row cannot be imported: `target` is the column's target (or "")."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(reason)
        self.target = target
        self.reason = reason


def as_uuid(text: str) -> UUID | None:
    try:
        return UUID(text) if len(text) in (32, 36) else None
    except ValueError:
        return None


class Resolver:
    """Finds the records rows name, and plans the ones the store lacks."""

    def __init__(self, uow: Any, store: Any, settings: Any, sheet: Any) -> None:
        self.uow, self.store, self.settings = uow, store, settings
        self.kind = settings.kind
        self.layout: Layout | None = layout_named(settings.layout) if settings.layout else None
        self.index: dict[str, list[int]] = {}
        self.header: dict[str, str] = {}
        for position, column in enumerate(sheet.columns):
            target = settings.mapping.get(column)
            if target:
                self.index.setdefault(target, []).append(position)
                self.header.setdefault(target, column)
        self._positions = list(self.index.items())
        self._cells: dict[str, set[str]] | None = None  # each target's distinct cells
        self.planned: dict[str, dict[Any, dict[str, Any]]] = {}
        self._resolved: dict[tuple[Any, ...], UUID | None] = {}  # reference cells -> record
        self._taken: set[tuple[str, Any]] = set()
        # Called before each statement once rows are being written (see ChunkWriter).
        self.quiet: Callable[[], None] = lambda: None
        self._row_new: list[tuple[str, Any]] = []
        self._rules: Any = None
        self.existing: set[UUID] = set()
        self.parts: dict[str, list[tuple[UUID, UUID | None]]] = {}
        self.orgs: dict[str, list[UUID]] = {}
        self.items: dict[str, list[UUID]] = {}
        self.sources: dict[str, list[UUID]] = {}
        self.systems: dict[str, UUID] = {}
        self.system_ids: set[UUID] = set()
        self.recorded: set[tuple[UUID, str]] = set()
        self.ids_known: dict[str, set[UUID]] = {}
        self.file_orgs: dict[str, UUID] = {}  # organizations the rows of an org import add
        self.seen: set[str] = set()
        self._memos: dict[str, dict[tuple[str, str], Any]] = {}

    def memo(self, kind: str) -> dict[tuple[str, str], Any]:
        """The values of `kind` already checked (see `fields.parse_values`)."""
        return self._memos.setdefault(kind, {})

    # ------------------------------------------------------------ reading cells
    def drafts(self, rows: Sequence[Sequence[str]]) -> list[Draft]:
        """Each row as {target: its non-empty cells, in the file's order}. Read column by
        column (a quoted cell unquoted, see `from_text`); the distinct cells of each target
        are kept for `learn`."""
        used = {i for _, positions in self._positions for i in positions}
        if not rows or len({len(cells) for cells in rows}) > 1 or max(used, default=0) >= len(
                rows[0]):  # short or ragged rows: read row by row
            return [self._draft(cells) for cells in rows]
        columns = {i: [t if t[:1] != "'" else from_text(t) for t in map(str.strip, column)]
                   for i, column in enumerate(zip(*rows, strict=True)) if i in used}
        self._cells = {target: set().union(*(columns[i] for i in positions)) - {""}
                       for target, positions in self._positions}
        # A cell of a single column is held as one tuple however many rows repeat it.
        single = [(t, _wrapped(columns[ps[0]])) for t, ps in self._positions if len(ps) == 1]
        targets = [t for t, _ in single]
        drafts: list[Draft] = [
            {t: v for t, v in zip(targets, values, strict=True) if v}
            for values in zip(*(c for _, c in single), strict=True)] if single else [
            {} for _ in rows]
        for target, positions in self._positions:
            if len(positions) > 1:
                for row, found in zip(drafts, zip(*(columns[i] for i in positions),
                                                  strict=True), strict=True):
                    if any(found):
                        row[target] = tuple(v for v in found if v)
        return drafts

    def _draft(self, cells: Sequence[str]) -> Draft:
        row: Draft = {}
        for target, positions in self._positions:
            found = tuple(text for i in positions if i < len(cells) and (text := _cell(cells[i])))
            if found:
                row[target] = found
        return row

    @staticmethod
    def values(row: Draft, target: str) -> Sequence[str]:
        return row.get(target, ())

    @staticmethod
    def value(row: Draft, target: str) -> str:
        found = row.get(target)
        return found[0] if found else ""

    def column(self, target: str) -> str:
        return self.header.get(target, "")

    # ------------------------------------------------------------ learning
    def learn(self, rows: Sequence[Draft], row_ids: Sequence[UUID]) -> None:
        """Ask the store about every name and id the rows hold, a few statements in all
        (`row_ids`: the ids rows without an id column of their own would get)."""
        seen = self._cells
        if seen is None:  # read row by row
            seen = {target: set() for target in self.index}
            for row in rows:
                for target, texts in row.items():
                    seen[target].update(texts)

        def every(target: str) -> set[str]:
            return seen.get(target, set())

        ids = {u for text in every("id") if (u := as_uuid(text))} | set(row_ids)
        self.existing = iq.existing_ids(self.uow, self.kind, ids)
        numbers = every("part_number")
        if self.kind == "finding" and "part_number" not in self.index:
            numbers = set()  # read from the markings row by row
        keys = {search_key(n) for n in numbers} - {""}
        self.parts = iq.parts_by_key(self.uow, keys)
        for key in keys:
            self.parts.setdefault(key, [])  # asked: the store has none
        names = every("manufacturer") | every("seller") | every("buyer") | every("successor")
        if self.kind == "org":
            names |= every("name")
        self.orgs = iq.orgs_by_key(self.uow, {name_key(n) for n in names} - {""})
        self.items = iq.named(self.uow, "item", "case_reference", every("item"))
        titles = {t.strip() for text in every("sources") for t in text.split(LIST_SEPARATOR)}
        if self.settings.source_title:
            titles.add(self.settings.source_title)
        self.sources = iq.named(self.uow, "source", "title", titles - {""})
        for system_id, name, aliases in iq.systems(self.uow):
            self.system_ids.add(system_id)
            for text in (name, *aliases):
                self.systems.setdefault(text.casefold().strip(), system_id)
        if self.kind == "finding" and "item" not in self.index:
            for system_id, key, marking in iq.recorded_in_systems(self.uow, self.system_ids):
                if key:
                    self.recorded.add((system_id, key))
                if marking:
                    self.recorded.add((system_id, "m:" + " ".join(marking.split())))
        if self.kind == "org":  # rows may name each other as successors
            for row, row_id in zip(rows, row_ids, strict=True):
                key = name_key(self.value(row, "name"))
                given = as_uuid(self.value(row, "id"))
                if key and key not in self.orgs:
                    self.file_orgs.setdefault(key, given or row_id)
        cited = {u for text in every("sources") for t in text.split(LIST_SEPARATOR)
                 if (u := as_uuid(t.strip()))}
        if cited:
            self.ids_known["source"] = iq.existing_ids(self.uow, "source", cited)
        for target, kind in (("item", "item"), ("part_number", "part"), ("finding", "finding"),
                             ("manufacturer", "org"), ("seller", "org"), ("buyer", "org"),
                             ("successor", "org"), ("weapon", "system")):
            wanted = {u for text in every(target) if (u := as_uuid(text))}
            if wanted:
                self.ids_known.setdefault(kind, set()).update(
                    iq.existing_ids(self.uow, kind, wanted))

    # ------------------------------------------------------------ planning new records
    def begin(self) -> None:
        self._row_new = []

    def abandon(self) -> None:
        """Forget what the refused row would have created."""
        dropped = {self.planned[kind].pop(key)["id"] for kind, key in self._row_new
                   if key in self.planned[kind]}
        if dropped:
            self._resolved = {k: v for k, v in self._resolved.items() if v not in dropped}
        self._row_new = []

    def _plan(self, kind: str, key: Any, values: dict[str, Any]) -> UUID:
        values = {"id": new_id(), **values}
        self.planned.setdefault(kind, {})[key] = values
        self._row_new.append((kind, key))
        return values["id"]

    def _planned(self, kind: str, key: Any) -> UUID | None:
        found = self.planned.get(kind, {}).get(key)
        return None if found is None else found["id"]

    def take_created(self) -> dict[str, list[dict[str, Any]]]:
        """The references to create planned since the last call, each checked as its kind
        requires."""
        found: dict[str, list[dict[str, Any]]] = {}
        for kind, planned in self.planned.items():
            for key, values in planned.items():
                if (kind, key) not in self._taken:
                    self._taken.add((kind, key))
                    found.setdefault(kind, []).append(
                        bulk.checked_row(kind, values, memo=self.memo(kind)))
        return found

    def known_values(self) -> dict[tuple[str, str], dict[UUID, Any]]:
        """What the rows' writing would otherwise ask the store again: the search key and
        maker of every part, the name key of every organization, looked up or planned, and
        the recovery date of every item planned."""
        keys = {pid: key for key, found in self.parts.items() for pid, _ in found}
        makers = {pid: by for found in self.parts.values() for pid, by in found}
        names = {oid: key for key, found in self.orgs.items() for oid in found}
        for (key, maker), values in self.planned.get("part", {}).items():
            keys[values["id"]], makers[values["id"]] = key, maker
        for key, values in self.planned.get("org", {}).items():
            names[values["id"]] = key
        recovered = {values["id"]: values.get("recovered_on")
                     for values in self.planned.get("item", {}).values()}
        return {("part", "search_key"): keys, ("part", "manufacturer_id"): makers,
                ("org", "name_key"): names, ("item", "recovered_on"): recovered}

    def _known_id(self, kind: str, text: str) -> UUID | None:
        """The id written in `text` when the store has that record, else None."""
        as_id = as_uuid(text)
        return as_id if as_id is not None and as_id in self.ids_known.get(kind, ()) else None

    # ------------------------------------------------------------ references
    def org(self, texts: Sequence[str], target: str, country: str = "",
            role: str = "") -> UUID | None:
        """The organization the cells name (the first that resolves), planned when the store
        lacks it; None when they say no maker was identified."""
        key = ("org", *texts, target, country, role)
        if key not in self._resolved:
            self._resolved[key] = self._org(texts, target, country, role)
        return self._resolved[key]

    def _org(self, texts: Sequence[str], target: str, country: str, role: str) -> UUID | None:
        for text in texts:
            if (known := self._known_id("org", text)) is not None:
                return known
            if as_uuid(text) is not None:
                continue
            if is_not_identified(text):
                return None
            return self._org_named(text, target, country, role)
        if texts:
            raise Refused(target, f"the store has no organization with id {texts[0]}")
        return None

    def _org_named(self, text: str, target: str, country: str, role: str) -> UUID:
        key = name_key(text)
        found = self.orgs.get(key, [])
        if len(found) > 1:
            raise Refused(target, f"{text!r} names {len(found)} organizations; give the id")
        if found:
            return found[0]
        if (planned := self._planned("org", key)) is not None:
            return planned
        if key in self.file_orgs:
            return self.file_orgs[key]
        self.quiet()
        try:
            alias = lookup(self.uow, "org", text)
        except ValidationError as error:
            raise Refused(target, error.reason) from None
        if alias is not None:
            self.orgs[key] = [alias]
            return alias
        code = ""
        if country:
            code = country_code(country) or ""
            if not code:
                raise Refused("manufacturer_country" if role == "manufacturer" else target,
                              f"{country!r} is not a country this program knows; write its "
                              f"two-letter code")
        return self._plan("org", key, {"name": text, "country": code,
                                       "roles": [role] if role else []})

    def part(self, texts: Sequence[str], maker: UUID | None, function: str = "") -> UUID | None:
        """The part the cells name (by id or part number, with this maker when there are
        several), planned when the store lacks it."""
        key = ("part", *texts, maker)
        if key not in self._resolved:
            self._resolved[key] = self._part(texts, maker, function)
        return self._resolved[key]

    def _part(self, texts: Sequence[str], maker: UUID | None, function: str) -> UUID | None:
        for text in texts:
            if (known := self._known_id("part", text)) is not None:
                return known
            if as_uuid(text) is not None:
                continue
            return self._part_numbered(text, maker, function)
        if texts:
            raise Refused("part_number", f"the store has no part with id {texts[0]}")
        return None

    def _part_numbered(self, text: str, maker: UUID | None, function: str) -> UUID:
        key = search_key(text)
        if not key:
            raise Refused("part_number", f"{text!r} holds no letters or digits")
        if key not in self.parts and self.kind == "finding":
            self.quiet()
            self.parts.update(iq.parts_by_key(self.uow, {key}))
            self.parts.setdefault(key, [])
        found = self.parts.get(key, [])
        same = [pid for pid, by in found if by == maker]
        if same:
            return same[0]
        if maker is None and len(found) == 1:
            return found[0][0]
        if maker is None and len(found) > 1:
            raise Refused("part_number", f"{len(found)} parts are numbered {text!r}, by "
                                         f"different makers; name the maker or give the id")
        if (planned := self._planned("part", (key, maker))) is not None:
            return planned
        return self._plan("part", (key, maker), {"part_number": text,
                                                 "manufacturer_id": maker,
                                                 "function": function})

    def system(self, texts: Sequence[str]) -> UUID | None:
        for text in texts:
            if (known := self._known_id("system", text)) is not None:
                return known
            if as_uuid(text) is not None:
                continue
            found = self._system_named(text)
            if found is not None:
                return found
            key = text.casefold()
            return self._planned("system", key) or self._plan("system", key, {"name": text})
        if texts:
            raise Refused("weapon", f"the store has no weapon system type with id {texts[0]}")
        return None

    def _system_named(self, text: str) -> UUID | None:
        """The system type by name or alias; "Kh-101 (X-101)" by either of its names."""
        found = self.systems.get(text.casefold())
        if found is None and "(" in text:
            outer, _, inner = text.partition("(")
            names = (outer.strip(), inner.rstrip(")").strip())
            found = next((s for n in names if (s := self.systems.get(n.casefold()))), None)
        return found

    def item(self, texts: Sequence[str], weapons: Sequence[str]) -> UUID:
        for text in texts:
            if (known := self._known_id("item", text)) is not None:
                return known
            if as_uuid(text) is not None:
                continue
            found = self.items.get(text.lower(), [])
            if found:
                return found[0]
            if (planned := self._planned("item", text.lower())) is not None:
                return planned
            system = self.system(weapons)
            if system is None:
                raise Refused("item", f"the store has no recovered item {text!r}; map a weapon "
                                      f"column to create it")
            return self._plan("item", text.lower(), {"case_reference": text,
                                                     "system_type_id": system})
        if texts:
            raise Refused("item", f"the store has no recovered item with id {texts[0]}")
        system = self.system(weapons)
        if system is None:
            raise Refused("item", "neither a recovered item nor a weapon is given")
        return self._weapon_item(weapons[0], system)

    def _weapon_item(self, weapon: str, system: UUID) -> UUID:
        """The item rows of a published list are filed under: one per weapon and source."""
        prefix = self.layout.item_prefix if self.layout else "Reported"
        reference = f"{prefix}: {weapon}"[:100]
        if reference.lower() not in self.items:
            self.quiet()
        found = self.items.get(reference.lower()) or iq.named(
            self.uow, "item", "case_reference", [reference]).get(reference.lower(), [])
        if found:
            self.items[reference.lower()] = found
            return found[0]
        planned = self._planned("item", reference.lower())
        source = self.settings.source_title or "the imported list"
        return planned or self._plan("item", reference.lower(), {
            "case_reference": reference, "system_type_id": system,
            "notes": f"Components that {source} reports in this weapon type; not one "
                     f"recovered item."})

    def source_ids(self, row: Draft) -> list[UUID]:
        found: list[UUID] = []
        texts = [t.strip() for text in self.values(row, "sources")
                 for t in text.split(LIST_SEPARATOR)]
        if self.settings.source_title:
            texts.append(self.settings.source_title)
        unknown = ""
        for text in texts:
            if not text:
                continue
            as_id = as_uuid(text)
            if as_id is not None and as_id not in self.ids_known.get("source", ()):
                unknown = unknown or text  # a store this came from: its title may follow
                continue
            source = self._source(text) if as_id is None else as_id
            if source not in found:
                found.append(source)
        if unknown and not found:
            raise Refused("sources", f"the store has no source with id {unknown}")
        return found

    def _source(self, title: str) -> UUID:
        found = self.sources.get(title.lower(), [])
        if found:
            return found[0]
        if (planned := self._planned("source", title.lower())) is not None:
            return planned
        values: dict[str, Any] = {"title": title, "kind": "other"}
        if title == self.settings.source_title:
            layout = self.layout
            values |= {"kind": "teardown report" if layout else "other",
                       "publisher": layout.source_publisher if layout else "",
                       "reference": layout.source_reference if layout else "",
                       "reliability": self.settings.source_reliability or "F",
                       "credibility": self.settings.source_credibility or "6"}
        return self._plan("source", title.lower(), values)

    # ------------------------------------------------------------ reading markings
    def read(self, marking: str) -> Any:
        if self._rules is None:
            from forensics_gui.services.identify import rules_for

            self._rules = rules_for(self.store)
        return read_marking(marking, self._rules)
