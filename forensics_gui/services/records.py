"""Create, read, update, delete and list every kind of record, with the rules of each kind.

The GUI and the CLI both call these functions. Values may be given as text (as typed) or
already typed; references may be given as an id or as the referenced record's name.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from forensics_gui.core import records
from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.fields import parse_uuid, parse_values
from forensics_gui.services import derive
from forensics_gui.services.references import lookup, resolve_references
from forensics_gui.storage import evidence
from forensics_gui.storage.store import Store, retried_writes


@retried_writes
def create(store: Store, kind: str, values: dict[str, Any]) -> Any:
    """Add a record of `kind`; every value is checked first and nothing is written on error."""
    with store.writing() as uow:
        return create_in(uow, kind, values)


def create_in(uow: Any, kind: str, values: dict[str, Any]) -> Any:
    """`create` inside a unit of work the caller holds (for imports that must be atomic)."""
    spec = kind_spec(kind)
    parsed = parse_values(spec, values, partial=False)
    resolved = resolve_references(uow, spec, parsed)
    return uow.insert(kind, derive.for_create(uow, kind, resolved))


def get(store: Store, kind: str, reference: str | UUID) -> Any:
    """The record of `kind` given by id or by name (case reference, title...)."""
    with store.reading() as uow:
        record_id = resolve_one(uow, kind, reference)
        return uow.get(kind, record_id)


@retried_writes
def update(store: Store, kind: str, record_id: str | UUID, version: int | None,
           changes: dict[str, Any]) -> Any:
    """Change fields of a record read at `version`; ConflictError if someone changed it since.

    `version=None` skips the check (for scripts that mean "whatever is there now").
    """
    spec = kind_spec(kind)
    parsed = parse_values(spec, changes, partial=True)
    with store.writing() as uow:
        record_id = resolve_one(uow, kind, record_id)
        current = uow.get(kind, record_id)
        resolved = resolve_references(uow, spec, parsed)
        complete = derive.for_update(uow, kind, current, resolved)
        return uow.update(kind, record_id, version, complete)


@retried_writes
def delete(store: Store, kind: str, record_id: str | UUID, version: int | None = None) -> Any:
    """Remove a record; refused while other records depend on it (see `dependents`), and
    for evidence (recovered items, findings, photos), which is withdrawn instead."""
    with store.writing() as uow:
        record_id = resolve_one(uow, kind, record_id)
        return uow.delete(kind, record_id, version)


@retried_writes
def withdraw(store: Store, kind: str, record_id: str | UUID, version: int | None,
             reason: str) -> Any:
    """Withdraw a recovered item, finding or photo with a reason: it stays in the store and
    in its history, hidden from listings unless asked for, and can no longer be edited. An
    item takes its findings and photos with it, a finding its photos."""
    with store.writing() as uow:
        return evidence.withdraw(uow, kind, resolve_one(uow, kind, record_id), version, reason)


@retried_writes
def purge(store: Store, kind: str, record_id: str | UUID, reason: str) -> dict[str, int]:
    """Erase a recovered item, finding or photo for good (an administrator's decision): the
    audit trail keeps a full copy of what was erased. Returns how many rows of each kind."""
    with store.writing() as uow:
        return evidence.purge(uow, kind, resolve_one(uow, kind, record_id), reason)


def dependents(store: Store, kind: str, record_id: str | UUID) -> list[tuple[str, int, str]]:
    """What deleting a record would affect: (what, how many, 'blocks'/'deletes'/'unlinks')."""
    with store.reading() as uow:
        return uow.dependents(kind, resolve_one(uow, kind, record_id))


def list_records(store: Store, kind: str, *, filters: dict[str, Any] | None = None,
                 contains: str = "", sort: str = "", descending: bool = False,
                 cursor: str | None = None, limit: int = 50, offset: int = 0,
                 with_total: bool = False, withdrawn: str = "hide") -> records.Page:
    """One page of records of `kind`, sorted and filtered in the store.

    Filters are exact column values (references may be names); `contains` matches the kind's
    title field; pass the returned `next_cursor` to get the next page, or an `offset` to
    jump into the middle of the listing. Withdrawn evidence is left out unless `withdrawn`
    is "include" (or "only").
    """
    spec = kind_spec(kind)
    if not 1 <= limit <= 10_000:
        raise ValidationError("limit", "must be between 1 and 10000")
    with store.reading() as uow:
        resolved = resolve_references(uow, spec, parse_values(spec, filters or {}, partial=True))
        resolved["withdrawn"] = withdrawn
        return uow.list_page(kind, filters=resolved, contains=contains, sort=sort,
                             descending=descending, cursor=cursor, limit=limit,
                             offset=offset, with_total=with_total)


def count(store: Store, kind: str, *, filters: dict[str, Any] | None = None,
          contains: str = "", withdrawn: str = "hide") -> int:
    """How many records of `kind` match the filters (all of them without filters; withdrawn
    evidence as in `list_records`)."""
    spec = kind_spec(kind)
    with store.reading() as uow:
        resolved = resolve_references(uow, spec, parse_values(spec, filters or {}, partial=True))
        return uow.count(kind, {**resolved, "withdrawn": withdrawn}, contains)


def resolve_one(uow: Any, kind: str, reference: str | UUID) -> UUID:
    """The id of the record of `kind` named by `reference` (an id or a name)."""
    found = lookup(uow, kind, reference)
    if found is None:
        raise NotFoundError(f"there is no {kind_spec(kind).label} {str(reference)[:80]!r}")
    return found


def parse_id(field: str, value: Any) -> UUID:
    """An id typed by a user, or a ValidationError naming the field."""
    return parse_uuid(field, value)


def get_many(store: Store, kind: str, ids: list[UUID]) -> list[Any]:
    """The records with these ids, in the same order (ids that no longer exist left out)."""
    with store.reading() as uow:
        return uow.get_many(kind, ids)


def titles(store: Store, kind: str, ids: list[UUID]) -> dict[UUID, str]:
    """{id: what people call the record} for showing references by name."""
    field = kind_spec(kind).title_field
    return {r.id: str(getattr(r, field) or r.id) for r in get_many(store, kind, ids)}


def names(store: Store, kind: str, limit: int = 5000) -> list[str]:
    """Names of records of `kind` (and aliases where it has them), for completion lists."""
    field = kind_spec(kind).title_field
    page = list_records(store, kind, sort=field if kind != "org" else "name", limit=limit)
    found: list[str] = []
    for record in page.rows:
        found.append(str(getattr(record, field)))
        found += list(getattr(record, "aliases", ()))
    return found



def dto_type(kind: str) -> type:
    """The data class that records of `kind` are returned as."""
    return records.DTO_OF_KIND[kind]
