"""Merging a sender's records into a store, inside the caller's transaction.

For each record of a package (the same rules for a package file and a direct merge):

- its id is unknown here, and no record of the store has its name (for the kinds whose name
  is unique: a system type, a case reference, a part of a maker...) → it is **added** with
  its id, version, maker and times;
- the store's record has the same content → **held**, nothing changes;
- the store's record is unchanged since the version last received from this sender, and the
  sender's is newer → the sender's edit is applied as an **update** (a new version here);
- the sender's record is the one last received and the store changed it since → the store's
  is **newer here**, nothing changes;
- anything else (both changed, or no common history and different contents), or a new
  version of a record whose conflict with this sender still waits for a decision → a
  **conflict**: the store's record stays, and a conflict row keeps the sender's whole version
  for a person to decide (superseding the one waiting). There is never a silent winner.

Once a person has decided, the version kept becomes the common ancestor: a later edit from
the sender is applied as long as the store's record has not changed since.

"Changed since" is decided by content hashes, not version numbers: each store counts its own
versions, but the same content has the same hash everywhere. What was last received of each
sender's record (its version and hash, and the hash of the store's record just after) is the
common ancestor of the next merge.

A record matched by name gets this store's id; the sender's id is remembered, and every
reference to it in later records (and later packages) is read as this store's id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import FIXED_FIELDS, WITHDRAWABLE
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import search_key
from forensics_gui.formats.package import PackageError, content_hash
from forensics_gui.services import derive
from forensics_gui.services.exchange.content import (
    EXCHANGED_KINDS,
    Incoming,
    entry_of,
    hash_of,
    mapped,
    plain,
    references,
    values_of,
)
from forensics_gui.storage import exchange_query as xq

OUTCOMES = ("added", "updated", "held", "newer here", "conflict")


class Pictures(Protocol):
    """Where the originals of a package come from (a package file, or the sending store)."""

    def original(self, digest: str) -> bytes: ...

    def thumb(self, digest: str) -> tuple[bytes, int, int] | None: ...

    def media_type(self, digest: str) -> str: ...


@dataclass(frozen=True)
class Sender:
    """Who sent a package: the store, its device, and the package."""

    store_id: UUID
    device_name: str
    package_id: UUID


@dataclass(frozen=True)
class RecordOutcome:
    """What became of one record of a package (`id` is the sender's, `local_id` this
    store's: they differ for a record matched by name)."""

    kind: str
    id: UUID
    version: int
    sha256: str
    outcome: str
    local_id: UUID


def merge(uow: Any, sender: Sender, records: list[Incoming], pictures: Pictures,
          control: Any = None) -> list[RecordOutcome]:
    """Merge `records` (checked, see `content.incoming`) into the store; returns the outcome
    of each. Raises PackageError, before anything is written, when a record refers to one
    neither in the package nor in the store. `control` (a task's) hears how far it got
    after each kind, and may cancel: the caller's transaction then rolls back."""
    merger = _Merger(uow, sender, pictures)
    merger.check_references(records)
    for kind in EXCHANGED_KINDS:
        batch = [r for r in records if r.kind == kind]
        if batch:
            merger.merge_kind(kind, _in_order(kind, batch))
            if control is not None:
                control.report(len(merger.outcomes), len(records),
                               f"{len(merger.outcomes):,} of {len(records):,} records merged")
                control.check()
    merger.finish()
    return merger.outcomes


def _in_order(kind: str, batch: list[Incoming]) -> list[Incoming]:
    """Records referring to others of their own kind after those (an organization after its
    successor, a correction of custody after the event it corrects)."""
    own = [name for name, ref in references(kind).items() if ref == kind]
    if not own:
        return batch
    by_id = {r.id: r for r in batch}
    done: dict[UUID, Incoming] = {}

    def visit(record: Incoming, depth: int = 0) -> None:
        if record.id in done or depth > len(batch):
            return
        for name in own:
            target = by_id.get(record.typed.get(name))  # type: ignore[arg-type]
            if target is not None and target is not record:
                visit(target, depth + 1)
        done[record.id] = record

    for record in batch:
        visit(record)
    return list(done.values())


class _Merger:
    def __init__(self, uow: Any, sender: Sender, pictures: Pictures) -> None:
        self.uow = uow
        self.sender = sender
        self.pictures = pictures
        self.states = xq.received_states(uow, sender.store_id)
        self.local: dict[tuple[str, UUID], UUID] = {
            key: state["local_id"] for key, state in self.states.items()}
        self.waiting = xq.open_conflict_keys(uow, sender.store_id)
        self.outcomes: list[RecordOutcome] = []
        self.received: list[dict[str, Any]] = []

    # ------------------------------------------------------------------ references
    def local_id(self, kind: str, their_id: Any) -> Any:
        """This store's id for a sender's id (text stays text)."""
        key = UUID(their_id) if isinstance(their_id, str) else their_id
        found = self.local.get((kind, key), key)
        return str(found) if isinstance(their_id, str) else found

    def check_references(self, records: list[Incoming]) -> None:
        carried = {(r.kind, r.id) for r in records}
        wanted: dict[str, dict[UUID, Incoming]] = {}
        for record in records:
            for ref, target in _refs(record):
                if (ref, target) not in carried:
                    wanted.setdefault(ref, {})[self.local_id(ref, target)] = record
        for ref, needed in wanted.items():
            held = xq.versions(self.uow, ref, needed)
            for target, record in needed.items():
                if target not in held:
                    raise PackageError(
                        f"{record.label()} refers to {_label(ref)} {target}, which is neither "
                        "in the package nor in this store; nothing was imported")

    # ------------------------------------------------------------------ one kind
    def merge_kind(self, kind: str, batch: list[Incoming]) -> None:
        ids = [self.local_id(kind, r.id) for r in batch]
        held = xq.versions(self.uow, kind, ids)
        by_name: set[UUID] = set()
        for n, record in enumerate(batch):
            if ids[n] not in held:
                match = self._named(kind, record)
                if match is not None:
                    ids[n] = self.local[(kind, record.id)] = match
                    by_name.add(record.id)
        ours = {r.id: r for r in _stored(self.uow, kind, [i for i in ids if i is not None])}
        plan: dict[str, list[tuple[Incoming, Any]]] = {o: [] for o in OUTCOMES}
        for record, local_id in zip(batch, ids, strict=True):
            current = ours.get(local_id)
            # Records matched by name (now or before) were made apart: their makers differ.
            outcome = self._decide(kind, record, current,
                                   record.id in by_name or local_id != record.id)
            plan[outcome].append((record, current))
        self._add(kind, [r for r, _ in plan["added"]])
        self._update(kind, plan)
        self._conflicts(kind, plan["conflict"])
        self._note(kind, plan, ids, batch)

    def _named(self, kind: str, record: Incoming) -> UUID | None:
        finder = _NATURAL_KEYS.get(kind)
        if finder is None:
            return None
        values = mapped(kind, record.typed, self.local_id)
        return finder(self.uow, values)

    def _decide(self, kind: str, record: Incoming, current: Any, by_name: bool) -> str:
        if current is None:
            return "added"
        ours = hash_of(kind, current)
        theirs_here = mapped(kind, record.raw, self.local_id)
        if by_name:
            same = content_hash(theirs_here, "", "") == content_hash(values_of(kind, current),
                                                                      "", "")
        else:
            same = content_hash(theirs_here, record.entry["created_at"],
                                record.entry["created_by"]) == ours
        state = self.states.get((kind, record.id))
        if same or (state and record.sha256 == state["sha256"]
                    and ours == state["local_sha256"]):
            return "held"
        if (kind, current.id) in self.waiting:
            return "conflict"  # a decision is pending: a newer version of theirs joins it
        if state and ours == state["local_sha256"] and record.version > state["version"]:
            return "updated" if _updatable(kind, current, record) else "conflict"
        if state and record.sha256 == state["sha256"]:
            return "newer here"
        return "conflict"

    # ------------------------------------------------------------------ writing
    def _add(self, kind: str, records: list[Incoming]) -> None:
        if not records:
            return
        if kind == "photo":
            self._store_originals(records)
        rows = []
        for record in records:
            values = mapped(kind, record.typed, self.local_id)
            if kind != "custody":
                try:
                    values = derive.for_create(self.uow, kind, values)
                except ValidationError as error:
                    raise PackageError(f"{record.label()}: {error}; nothing was "
                                       "imported") from None
            meta = record.meta if kind != "custody" else {
                k: record.meta[k] for k in ("created_at", "created_by")}
            rows.append({**values, **meta, "id": record.id,
                         **({"version": record.version} if kind != "custody" else {})})
        xq.insert_received(self.uow, kind, rows)
        xq.audit_many(self.uow, "receive", kind, [
            (r.id, self._where(r) | {"values": r.raw}) for r in records])

    def _store_originals(self, records: list[Incoming]) -> None:
        for digest in dict.fromkeys(r.typed["sha256"] for r in records):
            if self.uow.blobs.has(digest):
                continue
            self.uow.blobs.add(digest, self.pictures.original(digest),
                               self.pictures.media_type(digest))
            thumb = self.pictures.thumb(digest)
            if thumb is not None:
                self.uow.blobs.add_derivative(digest, "thumb", *thumb)

    def _update(self, kind: str, plan: dict[str, list[tuple[Incoming, Any]]]) -> None:
        for record, current in plan["updated"]:
            apply_version(self.uow, kind, current, mapped(kind, record.typed, self.local_id))
        xq.audit_many(self.uow, "receive update", kind, [
            (current.id, self._where(r)) for r, current in plan["updated"]])

    def _conflicts(self, kind: str, found: list[tuple[Incoming, Any]]) -> None:
        for record, current in found:
            open_one = xq.open_conflict(self.uow, kind, current.id, self.sender.store_id)
            if open_one and open_one["their_sha256"] == record.sha256:
                continue  # the same version sent again: its conflict is already waiting
            xq.add_conflict(self.uow, {
                "kind": kind, "record_id": current.id, "package_id": self.sender.package_id,
                "sender_store_id": self.sender.store_id,
                "sender_device": self.sender.device_name, "their_id": record.id,
                "their_version": record.version, "their_sha256": record.sha256,
                "their_values": record.entry, "our_version": getattr(current, "version", 1),
                "our_sha256": hash_of(kind, current), "our_values": entry_of(kind, current)})
        if found:
            xq.audit_many(self.uow, "receive conflict", kind, [
                (current.id, self._where(r) | {"their_values": r.raw}) for r, current in found])

    def _where(self, record: Incoming) -> dict[str, Any]:
        return {"package": str(self.sender.package_id), "device": self.sender.device_name,
                "sender_store": str(self.sender.store_id), "their_version": record.version}

    def _note(self, kind: str, plan: dict[str, list[tuple[Incoming, Any]]], ids: list[Any],
              batch: list[Incoming]) -> None:
        local = {r.id: i for r, i in zip(batch, ids, strict=True)}
        for r, _ in plan["added"]:
            local[r.id] = r.id
        changed = [local[r.id] for o in ("added", "updated") for r, _ in plan[o]]
        after = {r.id: hash_of(kind, r) for r in _stored(self.uow, kind, changed)}
        for outcome, pairs in plan.items():
            for record, current in pairs:
                here = local[record.id]
                state = self.states.get((kind, record.id))
                if outcome in ("added", "updated"):
                    ancestor = after[here]
                elif outcome == "conflict" and state:
                    ancestor = state["local_sha256"]
                else:
                    ancestor = hash_of(kind, current)
                self.received.append({"kind": kind, "record_id": record.id, "local_id": here,
                                      "version": record.version, "sha256": record.sha256,
                                      "local_sha256": ancestor,
                                      "package_id": self.sender.package_id})
                self.outcomes.append(RecordOutcome(kind, record.id, record.version,
                                                   record.sha256, outcome, here))

    def finish(self) -> None:
        xq.put_received(self.uow, self.sender.store_id, self.received)


def apply_version(uow: Any, kind: str, current: Any, values: dict[str, Any]) -> Any:
    """Write `values` (typed, this store's ids) over a stored record as a new version."""
    changes = {k: v for k, v in values.items() if plain(getattr(current, k, None)) != plain(v)}
    if not changes:
        return current
    complete = derive.for_update(uow, kind, current, changes)
    return uow.update(kind, current.id, current.version, complete)


def _updatable(kind: str, current: Any, record: Incoming) -> bool:
    """Whether the sender's version can be written over the store's: custody events are
    never changed, withdrawn evidence is never edited again, and an original's facts are
    fixed; any of those becomes a conflict for a person to look at."""
    if kind == "custody":
        return False
    if kind in WITHDRAWABLE and current.withdrawn_at is not None:
        return False
    fixed = FIXED_FIELDS.get(kind, frozenset())
    return all(plain(getattr(current, f)) == record.raw.get(f) for f in fixed)


def _stored(uow: Any, kind: str, ids: list[UUID]) -> list[Any]:
    if kind == "custody":
        return xq.custody_events(uow, ids)
    return uow.get_many(kind, ids)


def _refs(record: Incoming) -> Iterable[tuple[str, UUID]]:
    for name, ref in references(record.kind).items():
        value = record.typed.get(name)
        if isinstance(value, tuple):
            yield from ((ref, v) for v in value)
        elif value is not None:
            yield ref, value


def _label(kind: str) -> str:
    return "custody event" if kind == "custody" else kind_spec(kind).label


def _first(records: list[Any]) -> UUID | None:
    return records[0].id if records else None


_NATURAL_KEYS = {
    "marking": lambda uow, v: _first(uow.find("marking", name=v["name"])),
    "system": lambda uow, v: _first(uow.find_by_name("system", "name", v["name"])),
    "item": lambda uow, v: _first(uow.find("item", case_reference=v["case_reference"])),
    "part": lambda uow, v: _first(uow.find("part", search_key=search_key(v["part_number"]),
                                           manufacturer_id=v.get("manufacturer_id"))),
    "alias": lambda uow, v: _first(uow.find("alias", name_key=name_key(v["name"]),
                                            current_key=name_key(v["current_name"]))),
    "hub": lambda uow, v: _first(uow.find("hub", country=v["country"])),
    "rule": lambda uow, v: _first([r for r in uow.find("rule", pattern=v["pattern"])
                                   if name_key(r.maker) == name_key(v["maker"])]),
    "module": lambda uow, v: _first([r for r in uow.find("module",
                                                         system_type_id=v["system_type_id"])
                                     if r.name.casefold() == v["name"].casefold()]),
}
