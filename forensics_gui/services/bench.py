"""Bench mode: recording many findings of one recovered item in a row.

A row of the bench is saved on its own: `save_row` resolves the part number and the maker's
name it holds, and, when asked, creates a part or maker the store does not know together with
the finding, in one transaction (a refused finding leaves no part or maker behind).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from forensics_gui.core.bench import BENCH_FIELDS, PROPOSED
from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.fields import parse_values
from forensics_gui.core.identify import rule_label, rule_source
from forensics_gui.core.partnumbers import search_key
from forensics_gui.core.records import ComponentFinding, PhotoAnnotation, RecoveredItem
from forensics_gui.services import derive, identify, photos, records
from forensics_gui.services.records import create_in
from forensics_gui.services.references import lookup, resolve_references
from forensics_gui.storage.store import Store, retried_writes

NAMED = ("part_id", "manufacturer_id")  # typed as a part number and an organization's name
MAX_FINDINGS = 10_000


class MissingRecords(ValidationError):
    """The row names a part or maker the store does not hold; `missing` lists them as
    (kind, name), for the user to create with the row."""

    def __init__(self, field_name: str, reason: str,
                 missing: tuple[tuple[str, str], ...]) -> None:
        super().__init__(field_name, reason)
        self.missing = missing


@dataclass(frozen=True)
class Bench:
    """What the bench shows of a recovered item."""

    item: RecoveredItem
    findings: tuple[ComponentFinding, ...]
    modules: tuple[Any, ...]  # the item's system type's template modules, in order


@dataclass(frozen=True)
class Proposal:
    """What an identification proposes for a row, as the grid's cells would hold it."""

    values: dict[str, str] = field(default_factory=dict)  # field -> text, PROPOSED only
    status: str = ""  # identified, not identified, conflict
    reason: str = ""


# ------------------------------------------------------------------------------ reading
def load(store: Store, item_id: UUID) -> Bench:
    """The item, its findings (withdrawn ones left out, as on its Findings tab) in the order
    they were recorded, and its system type's template modules."""
    item = records.get(store, "item", item_id)
    return Bench(item, tuple(findings_of(store, item.id)),
                 tuple(modules_of(store, item.system_type_id)))


def findings_of(store: Store, item_id: UUID) -> list[ComponentFinding]:
    """The item's findings as its Findings tab lists them, oldest first."""
    found: list[ComponentFinding] = []
    cursor = None
    while True:
        page = records.list_records(store, "finding", filters={"item_id": item_id},
                                    cursor=cursor, limit=1000)
        found += page.rows
        cursor = page.next_cursor
        if cursor is None or len(found) >= MAX_FINDINGS:
            return found


def modules_of(store: Store, system_type_id: UUID) -> list[Any]:
    """A system type's template modules in checklist order."""
    page = records.list_records(store, "module", filters={"system_type_id": system_type_id},
                                limit=1000)
    return sorted(page.rows, key=lambda m: (m.position is None, m.position or 0, m.name))


def annotations_of(store: Store, item_id: UUID) -> dict[UUID, list[PhotoAnnotation]]:
    """{photo id: its annotations} for every photo of the item (its findings' included)."""
    found: dict[UUID, list[PhotoAnnotation]] = {}
    for photo in photos.photos_of(store, item=item_id):
        page = records.list_records(store, "annotation", filters={"photo_id": photo.id},
                                    limit=1000)
        found[photo.id] = list(page.rows)
    return found


# ------------------------------------------------------------------------------- saving
@retried_writes
def save_row(store: Store, item_id: UUID, values: dict[str, Any],
             finding_id: UUID | None = None, version: int | None = None,
             create_missing: bool = False) -> tuple[ComponentFinding, list[Any]]:
    """Save one row of the bench: a new finding of the item, or changes to `finding_id`
    (read at `version`). Returns the finding and the records created with it.

    `values` holds the row's fields (BENCH_FIELDS); the part is given by its number and the
    maker by name. A part number known for several makers is the one of the row's maker. A
    part or maker the store does not know is refused with MissingRecords, or, with
    `create_missing`, created in the same transaction: the maker as an organization of that
    name, the part with the row's maker and function.
    """
    given = {k: v for k, v in values.items() if k in BENCH_FIELDS}
    if finding_id is None:
        given = {k: v for k, v in given.items() if v not in (None, "")}
    plain = {k: v for k, v in given.items() if k not in NAMED}
    spec = kind_spec("finding")
    parse_values(spec, plain, partial=True)  # a bad value is refused before any name
    with store.writing() as uow:
        current = uow.get("finding", finding_id) if finding_id is not None else None
        created: list[Any] = []
        named = _resolve_names(uow, given, current, create_missing, created.append)
        if current is None:
            finding = create_in(uow, "finding", {"item_id": item_id, **plain, **named})
        else:
            finding = _update_in(uow, current, version, {**plain, **named})
        return finding, created


def _update_in(uow: Any, current: ComponentFinding, version: int | None,
               changes: dict[str, Any]) -> ComponentFinding:
    spec = kind_spec("finding")
    parsed = resolve_references(uow, spec, parse_values(spec, changes, partial=True))
    complete = derive.for_update(uow, "finding", current, parsed)
    return uow.update("finding", current.id, version, complete)


def _resolve_names(uow: Any, given: dict[str, Any], current: ComponentFinding | None,
                   create_missing: bool, created: Callable[[Any], None]) -> dict[str, Any]:
    """{part_id, manufacturer_id} as ids for what the row names (only those it gives)."""
    resolved: dict[str, Any] = {}
    maker_text = _text(given.get("manufacturer_id"))
    maker_given = "manufacturer_id" in given
    maker_id = _find_maker(uow, maker_text) if maker_given else (
        current.manufacturer_id if current is not None else None)
    missing: list[tuple[str, str, str]] = []  # (field, kind, name)
    if maker_given:
        resolved["manufacturer_id"] = maker_id
        if maker_text and maker_id is None:
            missing.append(("manufacturer_id", "org", maker_text))
    if "part_id" in given:
        number = _text(given["part_id"])
        part_id = _find_part(uow, number, maker_id, maker_given and bool(maker_text))
        resolved["part_id"] = part_id
        if number and part_id is None:
            missing.append(("part_id", "part", number))
    if not missing:
        return resolved
    if not create_missing:
        raise _missing(missing, maker_text)
    return resolved | _create(uow, missing, resolved, given, created)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _find_maker(uow: Any, name: str) -> UUID | None:
    if not name:
        return None
    try:
        return lookup(uow, "org", name)
    except ValidationError as error:  # a name several organizations answer to
        raise ValidationError("manufacturer_id", error.reason) from None


def _find_part(uow: Any, number: str, maker_id: UUID | None, maker_typed: bool) -> UUID | None:
    """The part with this number: the maker's own when the row names a maker; else the only
    part with the number. None when the store has none (of that maker)."""
    if not number:
        return None
    as_id = lookup(uow, "part", number) if _is_id(number) else None
    if as_id is not None:
        return as_id
    key = search_key(number)
    if not key:
        raise ValidationError("part_id", "must contain letters or digits")
    candidates = uow.find("part", search_key=key)
    if maker_id is not None:
        mine = [p for p in candidates if p.manufacturer_id == maker_id]
        if mine:
            return mine[0].id
    unmade = [p for p in candidates if p.manufacturer_id is None]
    if maker_typed:
        return unmade[0].id if len(unmade) == 1 else None
    if len(candidates) == 1:
        return candidates[0].id
    if candidates:
        makers = ", ".join(sorted({p.manufacturer_name or "no maker" for p in candidates}))
        raise ValidationError("part_id", f"{number!r} is a part of several makers ({makers}); "
                                         "type the maker too")
    return None


def _is_id(text: str) -> bool:
    try:
        UUID(text)
    except ValueError:
        return False
    return True


def _missing(missing: list[tuple[str, str, str]], maker: str) -> MissingRecords:
    words = []
    for _field, kind, name in missing:
        if kind == "org":
            words.append(f"no organization is named {name!r}")
        else:
            by = f" by {maker}" if maker else ""
            words.append(f"the store has no part {name!r}{by}")
    what = " and ".join("a maker" if k == "org" else "a part" for _f, k, _n in missing)
    reason = f"{'; '.join(words)}: create {what} with the row, or correct it"
    return MissingRecords(missing[0][0], reason, tuple((k, n) for _f, k, n in missing))


def _create(uow: Any, missing: list[tuple[str, str, str]], resolved: dict[str, Any],
            given: dict[str, Any], created: Callable[[Any], None]) -> dict[str, Any]:
    made: dict[str, Any] = {}
    for field_name, kind, name in sorted(missing, key=lambda m: m[1] != "org"):  # maker first
        if kind == "org":
            record = create_in(uow, "org", {"name": name, "roles": ["manufacturer"]})
        else:
            maker = made.get("manufacturer_id", resolved.get("manufacturer_id"))
            record = create_in(uow, "part", {"part_number": name, "manufacturer_id": maker,
                                             "function": _text(given.get("function"))})
        made[field_name] = record.id
        created(record)
    return made


# ---------------------------------------------------------------------- identification
def propose(store: Store, marking: str) -> Proposal | None:
    """What the identification rules propose for a marking, as cell values: when they identify
    it, the part number and date code read from it, the maker (as the store names it) and the
    function; otherwise no value, and the reason. None when there is nothing to say."""
    if not marking.strip():
        return None
    found = _identify(store, marking)
    if found is None:
        return None
    identification = found.identification
    values: dict[str, str] = {}
    if identification.status == "identified":  # as the finding editor: nothing else is filled
        reading = identification.reading
        values = {"part_id": identification.part_number or reading.part_number,
                  "date_code": reading.date_code, "manufacturer_id": _maker_name(store, found),
                  "function": identification.category or identification.family}
    values = {k: str(v) for k, v in values.items() if k in PROPOSED and v}
    if not values and not identification.reason:
        return None
    return Proposal(values, identification.status, _reason(found))


def _identify(store: Store, marking: str) -> Any:
    """The identification engine's proposal (services.identify, as in the finding editor)."""
    return identify.identify(store, marking)


def _maker_name(store: Store, found: Any) -> str:
    """The maker as the store names it when it holds it, else as the rule names it."""
    if found.maker_id is not None:
        try:
            return records.get(store, "org", found.maker_id).name
        except NotFoundError:
            pass
    return found.identification.maker or ""


def _reason(found: Any) -> str:
    """The proposal in words: who made it and what it is, how sure, by which rule; or why
    nothing is identified."""
    identification = found.identification
    if identification.status != "identified":
        return identification.reason or identification.status
    owner = found.owner_name or identification.now_part_of
    words = [identification.maker + (f" (now {owner})" if owner else "")]
    what = identification.family or identification.category
    if what:
        words.append(what)
    if identification.confidence:
        words.append(f"{identification.confidence} confidence")
    rule = identification.rule
    if rule is not None:
        source = rule_source(rule)
        words.append(rule_label(rule) + (f" ({source})" if source else ""))
    return "; ".join(w for w in words if w)
