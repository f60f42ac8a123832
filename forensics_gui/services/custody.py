"""Chain of custody of recovered items: append-only transfers and the derived custodian."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from forensics_gui.core import records
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import CUSTODY_FIELDS, parse_value
from forensics_gui.services.records import resolve_one
from forensics_gui.storage.store import Store


def record_transfer(store: Store, item: str | UUID, values: dict[str, Any]) -> records.CustodyEvent:
    """Append a transfer of `item` (id or case reference): released by, received by, when...

    A transfer cannot be dated before the previous one, and the releasing party must be the
    current custodian when there is one.
    """
    with store.writing() as uow:
        return transfer_in(uow, resolve_one(uow, "item", item), values)


def transfer_in(uow: Any, item_id: UUID, values: dict[str, Any]) -> records.CustodyEvent:
    """`record_transfer` inside a unit of work the caller holds (imports, the demo set)."""
    parsed = {spec.name: parse_value(spec, values.get(spec.name)) for spec in CUSTODY_FIELDS}
    unknown = set(values) - {spec.name for spec in CUSTODY_FIELDS}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a field of a custody transfer")
    parsed["occurred_at"] = parsed["occurred_at"] or datetime.now(UTC)
    _check_sequence(uow.custody_events(item_id), parsed)
    return uow.add_custody_event({"item_id": item_id, **parsed})


def _check_sequence(history: list[records.CustodyEvent], new: dict[str, Any]) -> None:
    if not history:
        return
    last = history[-1]
    if new["occurred_at"] < last.occurred_at:
        raise ValidationError("occurred_at", f"is before the last transfer "
                                             f"({last.occurred_at:%Y-%m-%d %H:%M} UTC)")
    if new["released_by"].casefold() != last.received_by.casefold():
        raise ValidationError("released_by", f"the item is held by {last.received_by!r}, "
                                             f"not {new['released_by']!r}")


def custody_history(store: Store, item: str | UUID) -> list[records.CustodyEvent]:
    """Every transfer of `item`, oldest first."""
    with store.reading() as uow:
        return uow.custody_events(resolve_one(uow, "item", item))


def current_custodian(history: list[records.CustodyEvent]) -> str:
    """Who holds the item now: the receiver of the last transfer ('' before any transfer)."""
    return history[-1].received_by if history else ""
