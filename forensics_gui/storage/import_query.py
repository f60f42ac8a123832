"""What an import asks the store about many rows at once: which of these ids, part numbers,
names and case references it already holds, in a few statements rather than one per row.

Values reach the database as bound parameters, in chunks, so no statement grows unbounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import ARRAY, any_, bindparam, func, select

from forensics_gui.storage import models as m

if TYPE_CHECKING:
    from forensics_gui.storage.repository import UnitOfWork

CHUNK = 5000  # values per statement: few round trips, well under SQLite's limit of 32,766


def _chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _among(uow: UnitOfWork, column: Any, values: Iterable[Any]) -> Iterator[Any]:
    """Conditions `column` is one of `values`, a chunk at a time: on PostgreSQL each chunk
    sent as one array (a statement with thousands of parameters costs more to make than to
    run), elsewhere as an IN list."""
    wanted = list(set(values))
    if uow.dialect == "postgresql":
        for chunk in _chunks(wanted, 50_000):
            yield column == any_(bindparam(None, list(chunk), type_=ARRAY(column.type)))
        return
    for chunk in _chunks(wanted):
        yield column.in_(chunk)


def existing_ids(uow: UnitOfWork, kind: str, ids: Iterable[UUID]) -> set[UUID]:
    """The ids among `ids` that records of `kind` have."""
    model = m.MODEL_OF_KIND[kind]
    found: set[UUID] = set()
    for condition in _among(uow, model.id, ids):
        found.update(uow.session.scalars(select(model.id).where(condition)))
    return found


def parts_by_key(uow: UnitOfWork, keys: Iterable[str]) -> dict[str, list[tuple[UUID, UUID | None]]]:
    """{search key: [(part id, maker id)...]} for the parts with these search keys."""
    found: dict[str, list[tuple[UUID, UUID | None]]] = {}
    part = m.PartRow
    for condition in _among(uow, part.search_key, keys):
        query = select(part.search_key, part.id, part.manufacturer_id).where(condition)
        for key, part_id, maker in uow.session.execute(query):
            found.setdefault(key, []).append((part_id, maker))
    return found


def orgs_by_key(uow: UnitOfWork, keys: Iterable[str]) -> dict[str, list[UUID]]:
    """{name key: [organization ids]} for organizations named so (not by alias)."""
    found: dict[str, list[UUID]] = {}
    org = m.OrganizationRow
    for condition in _among(uow, org.name_key, keys):
        for key, org_id in uow.session.execute(select(org.name_key, org.id).where(condition)):
            found.setdefault(key, []).append(org_id)
    return found


def named(uow: UnitOfWork, kind: str, column: str, names: Iterable[str]) -> dict[str, list[UUID]]:
    """{name in lower case: [ids]} for records of `kind` whose `column` is one of `names`,
    compared without case."""
    model = m.MODEL_OF_KIND[kind]
    lower = func.unicode_lower if uow.dialect == "sqlite" else func.lower
    found: dict[str, list[UUID]] = {}
    column_of = getattr(model, column)
    for chunk in _chunks(sorted({n.lower() for n in names})):
        for name, record_id in uow.session.execute(
                select(lower(column_of), model.id).where(lower(column_of).in_(chunk))):
            found.setdefault(name, []).append(record_id)
    return found


def systems(uow: UnitOfWork) -> list[tuple[UUID, str, list[str]]]:
    """Every weapon system type: (id, name, aliases); a small table."""
    system = m.WeaponSystemTypeRow
    return [(i, name, list(aliases or ())) for i, name, aliases in uow.session.execute(
        select(system.id, system.name, system.aliases))]


def recorded_in_systems(uow: UnitOfWork, system_ids: Iterable[UUID]
                        ) -> Iterator[tuple[UUID, str, str]]:
    """(system type id, part search key or "", marking) of every finding not withdrawn in an
    item of these system types: what a public list may already have given the store."""
    finding, item, part = m.ComponentFindingRow, m.RecoveredItemRow, m.PartRow
    for chunk in _chunks(sorted(set(system_ids))):
        query = (select(item.system_type_id, part.search_key, finding.marking)
                 .select_from(finding).join(item, item.id == finding.item_id)
                 .outerjoin(part, part.id == finding.part_id)
                 .where(item.system_type_id.in_(chunk), finding.withdrawn_at.is_(None)))
        for system_id, key, marking in uow.session.execute(query):
            yield system_id, key or "", marking or ""
