"""Chain of custody of recovered items: append-only transfers and the derived custodian.

Nothing recorded is changed or removed. A wrong transfer is put right by a later event that
names it: a correction (the values as they should have been) or a withdrawal (it did not
happen). The chain as it stands leaves out what was corrected or withdrawn; the history keeps
every event.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from forensics_gui.core import records
from forensics_gui.core.errors import IntegrityRuleError, NotFoundError, ValidationError
from forensics_gui.core.fields import CUSTODY_FIELDS, parse_uuid, parse_value
from forensics_gui.services.records import resolve_one
from forensics_gui.storage.store import Store, retried_writes

Event = records.CustodyEvent


@retried_writes
def record_transfer(store: Store, item: str | UUID, values: dict[str, Any]) -> Event:
    """Append a transfer of `item` (id or case reference): released by, received by, when...

    A transfer cannot be dated before the item's recovery or the previous transfer, and the
    releasing party must be the current custodian when there is one.
    """
    with store.writing() as uow:
        return transfer_in(uow, resolve_one(uow, "item", item), values)


def transfer_in(uow: Any, item_id: UUID, values: dict[str, Any]) -> Event:
    """`record_transfer` inside a unit of work the caller holds (imports, the demo set)."""
    parsed = _parsed(values, required=True)
    uow.lock("item", item_id)  # the chain read below stays the chain until this commits
    _check_item(uow, item_id, parsed["occurred_at"])
    _check_sequence(standing(uow.custody_events(item_id)), parsed)
    return uow.add_custody_event({"item_id": item_id, **parsed})


@retried_writes
def correct_transfer(store: Store, event_id: str | UUID, values: dict[str, Any],
                     reason: str) -> Event:
    """Record how a transfer should have read: a correction event naming it, with the values
    given and the corrected event's values for the others. The corrected event stays in the
    history."""
    with store.writing() as uow:
        wrong = _standing_event(uow, event_id)
        given = _parsed(values, required=False)
        parsed = {spec.name: given[spec.name] if spec.name in given else getattr(wrong, spec.name)
                  for spec in CUSTODY_FIELDS}
        _check_item(uow, wrong.item_id, parsed["occurred_at"])
        return uow.add_custody_event({"item_id": wrong.item_id, **parsed, "action": "correction",
                                      "corrects_id": wrong.id, "reason": _reason(reason)})


@retried_writes
def withdraw_transfer(store: Store, event_id: str | UUID, reason: str) -> Event:
    """Record that a transfer did not happen as recorded: a withdrawal event naming it."""
    with store.writing() as uow:
        wrong = _standing_event(uow, event_id)
        values = {spec.name: getattr(wrong, spec.name) for spec in CUSTODY_FIELDS}
        return uow.add_custody_event({"item_id": wrong.item_id, **values, "action": "withdrawal",
                                      "corrects_id": wrong.id, "reason": _reason(reason)})


def custody_history(store: Store, item: str | UUID) -> list[Event]:
    """Every custody event of `item` (transfers, corrections, withdrawals), oldest first."""
    with store.reading() as uow:
        return uow.custody_events(resolve_one(uow, "item", item))


def standing(history: list[Event]) -> list[Event]:
    """The chain as it stands: transfers and corrections that no later event corrected or
    withdrew, oldest first."""
    replaced = {e.corrects_id for e in history if e.corrects_id is not None}
    return [e for e in history if e.action != "withdrawal" and e.id not in replaced]


def current_custodian(history: list[Event]) -> str:
    """Who holds the item now: the receiver of the last standing transfer ('' before any)."""
    chain = standing(history)
    return chain[-1].received_by if chain else ""


def replaced_by(history: list[Event]) -> dict[UUID, Event]:
    """{event id: the correction or withdrawal that replaced it}."""
    return {e.corrects_id: e for e in history if e.corrects_id is not None}


def _parsed(values: dict[str, Any], *, required: bool) -> dict[str, Any]:
    unknown = set(values) - {spec.name for spec in CUSTODY_FIELDS}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a field of a custody transfer")
    if required:
        parsed = {spec.name: parse_value(spec, values.get(spec.name)) for spec in CUSTODY_FIELDS}
        parsed["occurred_at"] = parsed["occurred_at"] or datetime.now(UTC)
        return parsed
    given = {s.name: parse_value(s, values[s.name]) for s in CUSTODY_FIELDS
             if values.get(s.name) not in (None, "")}
    return given


def _reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError("reason", "is required: say why the transfer is put right")
    return text


def _standing_event(uow: Any, event_id: str | UUID) -> Event:
    wanted = parse_uuid("event", event_id)
    event = uow.custody_event(wanted)
    if event is None:
        raise NotFoundError(f"there is no custody event {str(event_id)[:80]!r}")
    uow.lock("item", event.item_id)  # two people cannot both put the same event right
    history = uow.custody_events(event.item_id)
    later = replaced_by(history).get(event.id)
    if later is not None:
        raise IntegrityRuleError(f"custody event {event.id} was already replaced by a "
                                 f"{later.action} on {later.created_at:%Y-%m-%d}; put that "
                                 "one right instead")
    if event.action == "withdrawal":
        raise IntegrityRuleError("a withdrawal cannot itself be corrected or withdrawn")
    return event


def _check_item(uow: Any, item_id: UUID, occurred_at: datetime) -> None:
    item = uow.get("item", item_id)
    if item.withdrawn:
        raise IntegrityRuleError(f"recovered item {item.case_reference} was withdrawn on "
                                 f"{item.withdrawn_at:%Y-%m-%d}; its custody is closed")
    recovered = item.recovered_on
    if recovered is not None and occurred_at.date() < recovered:
        raise ValidationError("occurred_at", f"{occurred_at:%Y-%m-%d} is before the item was "
                                             f"recovered ({recovered:%Y-%m-%d})")


def _check_sequence(chain: list[Event], new: dict[str, Any]) -> None:
    if not chain:
        return
    last = chain[-1]
    if new["occurred_at"] < last.occurred_at:
        raise ValidationError("occurred_at", f"is before the last transfer "
                                             f"({last.occurred_at:%Y-%m-%d %H:%M} UTC)")
    if new["released_by"].casefold() != last.received_by.casefold():
        raise ValidationError("released_by", f"the item is held by {last.received_by!r}, "
                                             f"not {new['released_by']!r}")
