"""Conflicts: a record changed both in this store and on a sending device.

The store's record stayed as it was; the conflict keeps the sender's whole version (values,
version, hash, package, device, time). A person decides: keep ours (nothing changes in the
record) or take theirs (their values become a new version of the record). Both decisions
are audited, and the conflict keeps who decided, when, how and why; nothing is deleted.

For the GUI: `open_conflicts` lists them, `show` gives one as field-by-field pairs (ours,
theirs) with the fields that differ marked, `resolve` decides one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import IntegrityRuleError, NotFoundError, ValidationError
from forensics_gui.core.fields import describe, label_of
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.formats.package import PackageError
from forensics_gui.services.exchange.content import (
    hash_of,
    incoming,
    mapped,
    value_names,
    values_of,
)
from forensics_gui.services.exchange.merge import apply_version
from forensics_gui.storage import exchange_query as xq
from forensics_gui.storage.store import Store, retried_writes

KEEP = ("ours", "theirs")


@dataclass(frozen=True)
class Conflict:
    """One conflict as lists show it."""

    id: UUID
    kind: str
    kind_label: str
    record_id: UUID
    title: str
    sender_device: str
    sender_store_id: UUID
    package_id: UUID
    their_version: int
    our_version: int
    received_at: datetime
    state: str
    kept: str
    resolved_by: str
    resolved_at: datetime | None
    reason: str
    differing: tuple[str, ...]


@dataclass(frozen=True)
class FieldPair:
    """One value of a conflicting record: its label, ours (now), theirs, whether they differ."""

    name: str
    label: str
    ours: Any
    theirs: Any
    differs: bool


@dataclass(frozen=True)
class ConflictDetail:
    """A conflict with every value side by side."""

    conflict: Conflict
    fields: tuple[FieldPair, ...]
    theirs_made: str
    theirs_changed: str


def open_conflicts(store: Store, *, include_closed: bool = False,
                   limit: int = 1000) -> list[Conflict]:
    """Conflicts waiting for a decision (and decided ones too with `include_closed`),
    newest first."""
    with store.reading() as uow:
        rows = xq.conflicts(uow, None if include_closed else "open", limit)
        return [_conflict(uow, row) for row in rows]


def count_open(store: Store) -> int:
    """How many conflicts wait for a decision (the navigator's "Conflicts (n)")."""
    with store.reading() as uow:
        return xq.count_open_conflicts(uow)


def show(store: Store, conflict_id: str | UUID) -> ConflictDetail:
    """A conflict as field-by-field pairs: the store's current values and the sender's."""
    with store.reading() as uow:
        row = _row(uow, conflict_id)
        ours = values_of(row["kind"], _current(uow, row)) if _exists(uow, row) else {}
        theirs = _theirs_here(uow, row)
        pairs = tuple(FieldPair(name, _label(row["kind"], name), ours.get(name),
                                theirs.get(name), ours.get(name) != theirs.get(name))
                      for name in value_names(row["kind"]))
        entry = row["their_values"]
        return ConflictDetail(_conflict(uow, row), pairs,
                              f"{entry['created_by']} at {entry['created_at']}",
                              f"{entry['updated_by']} at {entry['updated_at']}")


@retried_writes
def resolve(store: Store, conflict_id: str | UUID, keep: str, reason: str) -> Conflict:
    """Decide a conflict: keep `ours` (the record stays) or take `theirs` (their values
    become a new version). `reason` is required; both are audited."""
    if keep not in KEEP:
        raise ValidationError("keep", "must be 'ours' or 'theirs'")
    reason = " ".join(str(reason or "").split())
    if not reason:
        raise ValidationError("reason", "say why this version is kept")
    with store.writing() as uow:
        row = _row(uow, conflict_id)
        if row["state"] != "open":
            raise IntegrityRuleError(f"conflict {row['id']} was already {row['state']}"
                                     f"{' by ' + row['resolved_by'] if row['resolved_by'] else ''}"
                                     "; nothing changed")
        current = _current(uow, row)
        if keep == "theirs":
            current = _take_theirs(uow, row, current)
        xq.close_conflict(uow, row["id"], keep, reason)
        xq.set_local_hash(uow, row["sender_store_id"], row["kind"], row["their_id"],
                          hash_of(row["kind"], current))
        uow.record_audit("resolve conflict", row["kind"], row["record_id"], {}, {
            "conflict": str(row["id"]), "kept": keep, "reason": reason,
            "their_version": row["their_version"], "device": row["sender_device"],
            "package": str(row["package_id"])})
        return _conflict(uow, xq.conflict(uow, row["id"]))


def _take_theirs(uow: Any, row: dict[str, Any], current: Any) -> Any:
    kind = row["kind"]
    if kind == "custody":
        raise IntegrityRuleError("custody events are never changed: keep ours, and record a "
                                 "correction of the event if theirs is right")
    if getattr(current, "withdrawn_at", None) is not None:
        raise IntegrityRuleError(f"this {kind_spec(kind).label} was withdrawn here and can no "
                                 "longer be edited: keep ours")
    try:
        record = incoming(row["their_values"], "their version")
    except PackageError as error:
        raise ValidationError("theirs", str(error)) from None
    return apply_version(uow, kind, current, mapped(kind, record.typed, _local_ids(uow, row)))


def _local_ids(uow: Any, row: dict[str, Any]) -> Any:
    """Reads a sender's id as this store's (records matched by name have another id here)."""
    local = {key: state["local_id"]
             for key, state in xq.received_states(uow, row["sender_store_id"]).items()}

    def local_id(ref: str, their_id: Any) -> Any:
        key = UUID(their_id) if isinstance(their_id, str) else their_id
        found = local.get((ref, key), key)
        return str(found) if isinstance(their_id, str) else found

    return local_id


def _theirs_here(uow: Any, row: dict[str, Any]) -> dict[str, Any]:
    """The sender's values with their references read as this store's ids."""
    return mapped(row["kind"], row["their_values"]["values"], _local_ids(uow, row))


def _row(uow: Any, conflict_id: str | UUID) -> dict[str, Any]:
    try:
        key = conflict_id if isinstance(conflict_id, UUID) else UUID(str(conflict_id).strip())
    except ValueError:
        raise ValidationError("conflict", f"{str(conflict_id)[:60]!r} is not a conflict id"
                              ) from None
    row = xq.conflict(uow, key)
    if row is None:
        raise NotFoundError(f"there is no conflict {key}")
    return row


def _exists(uow: Any, row: dict[str, Any]) -> bool:
    return bool(xq.versions(uow, row["kind"], [row["record_id"]]))


def _current(uow: Any, row: dict[str, Any]) -> Any:
    if row["kind"] == "custody":
        found = xq.custody_events(uow, [row["record_id"]])
        if not found:
            raise NotFoundError(f"custody event {row['record_id']} is no longer in the store")
        return found[0]
    return uow.get(row["kind"], row["record_id"])


def _label(kind: str, name: str) -> str:
    return name.replace("_", " ").capitalize() if kind == "custody" else label_of(kind, name)


def _conflict(uow: Any, row: dict[str, Any]) -> Conflict:
    kind = row["kind"]
    ours = values_of(kind, _current(uow, row)) if _exists(uow, row) else {}
    theirs = _theirs_here(uow, row)
    differing = tuple(n for n in value_names(kind) if ours.get(n) != theirs.get(n))
    title = str(row["record_id"])
    if kind != "custody" and _exists(uow, row):
        title = describe(kind, uow.get(kind, row["record_id"]))
    label = "custody event" if kind == "custody" else kind_spec(kind).label
    return Conflict(row["id"], kind, label, row["record_id"], title, row["sender_device"],
                    row["sender_store_id"], row["package_id"], row["their_version"],
                    row["our_version"], row["received_at"], row["state"], row["kept"],
                    row["resolved_by"], row["resolved_at"], row["reason"], differing)
