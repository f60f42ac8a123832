"""The exports' own queries: custody events of the whole store in batches, and recovered items
with their recovery place and findings count for maps.

Everything is read by keyset (ordered by id, continued after the last id) in batches, so that
a large store is never held in memory at once; every value reaches the database bound.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from sqlalchemy import ColumnElement, and_, func, select, true

from forensics_gui.core.records import CustodyEvent
from forensics_gui.storage import models as m

if TYPE_CHECKING:
    from forensics_gui.storage.repository import UnitOfWork

C = m.CustodyEventRow
I = m.RecoveredItemRow  # noqa: E741 - the recovered item table, as in the SQL it mirrors
F = m.ComponentFindingRow
BATCH = 2_000


@dataclass(frozen=True)
class RecoveryPlace:
    """A recovered item as a map shows it: where and when it was found, and how many findings
    (withdrawn ones left out) it holds."""

    id: UUID
    case_reference: str
    system_type: str
    recovered_on: date | None
    recovery_place: str
    recovering_unit: str
    handling_marking: str
    latitude: float | None
    longitude: float | None
    findings: int = 0


def _items_shown(withdrawn: str) -> ColumnElement[bool]:
    """Custody events of the items a listing with this `withdrawn` choice shows."""
    if withdrawn == "include":
        return true()
    gone = select(I.id).where(I.withdrawn_at.is_not(None))
    return C.item_id.in_(gone) if withdrawn == "only" else C.item_id.not_in(gone)


def count_custody_events(uow: UnitOfWork, withdrawn: str = "include") -> int:
    """How many custody events (corrections and withdrawals of events included) there are."""
    query = select(func.count()).select_from(C).where(_items_shown(withdrawn))
    return int(uow.session.execute(query).scalar_one())


def stream_custody_events(uow: UnitOfWork, withdrawn: str = "include",
                          batch: int = BATCH) -> Iterator[list[CustodyEvent]]:
    """Every custody event, in batches ordered by id."""
    last: UUID | None = None
    while True:
        query = select(C).where(_items_shown(withdrawn))
        if last is not None:
            query = query.where(C.id > last)
        rows = list(uow.session.scalars(query.order_by(C.id).limit(batch)))
        if not rows:
            return
        yield [_custody(row) for row in rows]
        last = rows[-1].id


def _custody(row: m.CustodyEventRow) -> CustodyEvent:
    return CustodyEvent(
        id=row.id, item_id=row.item_id, occurred_at=row.occurred_at,
        released_by=row.released_by, received_by=row.received_by, place=row.place,
        purpose=row.purpose, notes=row.notes, created_at=row.created_at,
        created_by=row.created_by, action=row.action, corrects_id=row.corrects_id,
        reason=row.reason)


def _place_condition(system_id: UUID | None, date_from: date | None,
                     date_to: date | None) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = [I.withdrawn_at.is_(None)]
    if system_id is not None:
        conditions.append(I.system_type_id == system_id)
    if date_from is not None:
        conditions.append(I.recovered_on >= date_from)
    if date_to is not None:
        conditions.append(I.recovered_on <= date_to)
    return and_(*conditions)


def stream_recovery_places(uow: UnitOfWork, *, system_id: UUID | None = None,
                           date_from: date | None = None, date_to: date | None = None,
                           batch: int = BATCH) -> Iterator[list[RecoveryPlace]]:
    """Recovered items that are not withdrawn (of a system type, recovered within a period,
    when given; a period leaves out items without a recovery date), in batches by id, with
    their findings counted."""
    condition = _place_condition(system_id, date_from, date_to)
    columns = (I.id, I.case_reference, I.system_type_name, I.recovered_on, I.recovery_place,
               I.recovering_unit, I.handling_marking, I.latitude, I.longitude)
    last: UUID | None = None
    while True:
        query = select(*columns).where(condition)
        if last is not None:
            query = query.where(I.id > last)
        rows = list(uow.session.execute(query.order_by(I.id).limit(batch)))
        if not rows:
            return
        counts = _finding_counts(uow, [row.id for row in rows])
        yield [RecoveryPlace(*row, findings=counts.get(row.id, 0)) for row in rows]
        last = rows[-1].id


def _finding_counts(uow: UnitOfWork, item_ids: Sequence[UUID]) -> dict[UUID, int]:
    query = (select(F.item_id, func.count()).where(F.item_id.in_(item_ids),
                                                    F.withdrawn_at.is_(None))
             .group_by(F.item_id))
    return {item: int(n) for item, n in uow.session.execute(query)}
