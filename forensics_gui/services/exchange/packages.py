"""Case packages: a laptop's work carried to the shared store in one file, and the receipt
that comes back.

The model is how ODK and KoBoToolbox treat field submissions: every record keeps its own id
wherever it goes, a package imported twice is acknowledged and changes nothing, and a record
counts as delivered only once the receiving store's receipt says it holds that version.

- `export_package`: chosen recovered items with everything they need to stand alone, or
  every record not yet delivered, each with what it refers to (see `selection`). The file is
  written whole or not at all, and the store keeps a log of what it carried (which record
  versions), which the receipt must match.
- `import_package`: everything in the file is checked first (see `formats.package` and
  `content.incoming`); then the records are merged in one transaction (see `merge`), and
  the receipt is written beside the package (or where asked). Killed half way, the store is
  as it was; run again, it completes. A package taken in before gets its receipt again.
- `import_receipt`: the laptop checks that the receipt names a package it sent, record for
  record, and only then marks exactly those record versions delivered (a conflict on the
  other side counts: the centre holds that version). A record edited since stays undelivered.
- `status`, `identity`, `set_device`: what the exchange screens and `forensics package
  status` show.

The API the GUI and the CLI share (each call opens its own units of work and returns frozen
data objects; long ones take a task's `control`, which hears progress and may cancel):

- here: `identity`, `set_device`, `export_package`, `import_package`, `import_receipt`,
  `status`;
- `conflicts`: `open_conflicts`, `show` (field-by-field pairs), `resolve`;
- `sync`: `sync` (direct merge into another store).

Outcomes of records: added, updated, held, newer here, conflict (see `merge`). "Newer here"
is kept apart from "held": the receiver holds a later version than the one sent, which a
person reading the receipt may want to know.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import KnownError, ValidationError
from forensics_gui.formats.package import (
    FORMAT_VERSION,
    RECEIPT_FORMAT,
    PackageError,
    PackageLimits,
    PackageReader,
    default_receipt_path,
    open_package,
    read_receipt,
    seal_receipt,
    write_package,
    write_receipt,
)
from forensics_gui.services.exchange.content import (
    EXCHANGED_KINDS,
    Incoming,
    incoming,
)
from forensics_gui.services.exchange.merge import OUTCOMES, Sender, merge
from forensics_gui.services.exchange.selection import (
    Control,
    build_manifest,
    log_sent,
    originals_of,
    thumbs_of,
)
from forensics_gui.storage import exchange_query as xq
from forensics_gui.storage.store import SCHEMA_HEAD, Store, retried_writes


@dataclass(frozen=True)
class Identity:
    """Who a store is in field exchange."""

    store_id: UUID
    device_name: str


@dataclass(frozen=True)
class ExportReport:
    """A package written: where, its id, how many records of each kind, pictures, bytes."""

    path: str
    package_id: UUID
    records: dict[str, int]
    originals: int
    byte_size: int
    audit_head: str = ""  # this store's audit chain head, as the manifest carries it


@dataclass(frozen=True)
class ImportReport:
    """What a package did to the store. `already_imported`: it had been taken in before and
    nothing changed. `outcomes` counts records by outcome (added, updated, held, newer here,
    conflict), `by_kind` by kind and outcome; `conflicts` is how many conflicts this import
    left open for a person to resolve."""

    package_id: UUID
    sender_store_id: UUID
    sender_device: str
    already_imported: bool
    outcomes: dict[str, int]
    by_kind: dict[str, dict[str, int]]
    conflicts: int
    receipt_path: str = ""


@dataclass(frozen=True)
class ReceiptReport:
    """A receipt taken in: the package it confirms, the receiving store, how many record
    versions were newly marked delivered, the outcomes it reports, and what is still
    undelivered (records edited since the export)."""

    package_id: UUID
    receiving_store_id: UUID
    receiving_device: str
    delivered: int
    outcomes: dict[str, int]
    undelivered: int


@dataclass(frozen=True)
class PackageEntry:
    """One package in the exchange log."""

    id: UUID
    direction: str
    peer_device: str
    peer_store_id: UUID | None
    made_at: datetime
    recorded_at: datetime
    record_count: int
    receipt_at: datetime | None
    outcomes: dict[str, int]


@dataclass(frozen=True)
class ExchangeStatus:
    """The exchange at a glance: identity, packages, undelivered records, open conflicts."""

    identity: Identity
    sent: int
    received: int
    awaiting_receipt: int
    undelivered: dict[str, int]
    open_conflicts: int
    recent: tuple[PackageEntry, ...] = field(default=())


# ------------------------------------------------------------------------------ identity
def identity(store: Store) -> Identity:
    """The store's id and device name."""
    with store.writing() if store.read_only is None else store.reading() as uow:
        return Identity(*xq.identity(uow))


@retried_writes
def set_device(store: Store, name: str | None = None, *, new_id: bool = False) -> Identity:
    """Rename this device (what receivers see as the sender) and, for a store file copied
    from another laptop, give the store an id of its own (`new_id`)."""
    if name is not None:
        name = " ".join(name.split())
        if not name or len(name) > 200:
            raise ValidationError("device", "give a name of 1 to 200 characters")
    with store.writing() as uow:
        xq.set_identity(uow, name, new_id)
        return Identity(*xq.identity(uow))


# ------------------------------------------------------------------------------ export
def export_package(store: Store, path: str | Path, *, items: Sequence[str] = (),
                   undelivered: bool | None = None, control: Control = None) -> ExportReport:
    """Write a package of the recovered items named in `items` (case references or ids)
    with everything they need, and/or of every record not yet delivered (`undelivered`; by
    default when no item is named)."""
    target = Path(path)
    with store.writing() as uow:
        manifest = build_manifest(uow, items, control, undelivered=undelivered)
        originals = manifest["originals"]
        write_package(target, manifest, originals_of(uow, originals, control),
                      thumbs_of(uow, originals))
        log_sent(uow, manifest, target.name)
    kinds = Counter(r["kind"] for r in manifest["records"])
    return ExportReport(str(target), UUID(manifest["package_id"]), dict(kinds), len(originals),
                        target.stat().st_size, manifest["audit_head"])


@dataclass(frozen=True)
class PackagePlan:
    """What a package would carry: records of each kind and pictures."""

    records: dict[str, int]
    originals: int


def plan_package(store: Store, *, items: Sequence[str] = (),
                 undelivered: bool | None = None) -> PackagePlan:
    """What `export_package` with these choices would carry, nothing written (the export
    dialog shows it before a file is chosen)."""
    with store.writing() if store.read_only is None else store.reading() as uow:
        manifest = build_manifest(uow, items, undelivered=undelivered)
    return PackagePlan(dict(Counter(r["kind"] for r in manifest["records"])),
                       len(manifest["originals"]))


# ------------------------------------------------------------------------------ import
@retried_writes
def import_package(store: Store, path: str | Path, *, receipt_path: str | Path | None = None,
                   limits: PackageLimits | None = None, control: Control = None
                   ) -> ImportReport:
    """Take a package into the store in one transaction, after checking all of it; write
    its receipt (to `receipt_path`, by default beside the package)."""
    source = Path(path)
    with open_package(source, limits) as reader:
        records = checked_records(reader.manifest, source.name)
        if control is not None:
            control.report(0, len(records), f"{len(records):,} records checked")
            control.check()
        with store.writing(bulk=True) as uow:
            receipt, report = receive(uow, reader.manifest, records, FilePictures(reader),
                                      source.name, control)
    target = Path(receipt_path) if receipt_path else default_receipt_path(source)
    try:
        write_receipt(target, receipt)
    except PackageError as error:
        raise KnownError(f"{error}. The package was imported; import it again with --receipt "
                         "FILE (a folder you may write to) to get its receipt") from None
    return replace(report, receipt_path=str(target))


def checked_records(manifest: dict[str, Any], where: str) -> list[Incoming]:
    """Every record of a manifest checked as the store checks typed values; refuses a
    package from a newer schema."""
    revision = manifest["schema_revision"]
    if not revision.isdigit():
        raise PackageError(f"{where}: schema revision {revision[:20]!r} is not one this "
                           "version knows")
    if int(revision) > int(SCHEMA_HEAD):
        raise PackageError(f"{where} was written by a newer version (schema {revision}; this "
                           f"one knows up to {SCHEMA_HEAD}); install the newer version to "
                           "import it")
    records = [incoming(entry, f"{where}: record {n}")
               for n, entry in enumerate(manifest["records"], start=1)]
    seen: set[tuple[str, UUID]] = set()
    for n, record in enumerate(records, start=1):
        if (record.kind, record.id) in seen:
            raise PackageError(f"{where}: record {n} ({record.label()}) appears twice")
        seen.add((record.kind, record.id))
    return records


class FilePictures:
    """The originals (and thumbnails) a package file carries."""

    def __init__(self, reader: PackageReader) -> None:
        self.reader = reader
        self.listed = {o["sha256"]: o for o in reader.manifest["originals"]}

    def original(self, digest: str) -> bytes:
        if digest not in self.listed:
            raise PackageError(f"{self.reader.path.name}: a photo's picture {digest[:12]}… "
                               "is not in the package")
        return self.reader.original(digest)

    def thumb(self, digest: str) -> tuple[bytes, int, int] | None:
        listed = self.listed[digest]
        data = self.reader.thumb(digest) if listed["thumb_sha256"] else None
        return (data, listed["thumb_width"], listed["thumb_height"]) if data else None

    def media_type(self, digest: str) -> str:
        return self.listed[digest]["media_type"]


def receive(uow: Any, manifest: dict[str, Any], records: list[Incoming], pictures: Any,
            file_name: str, control: Control = None) -> tuple[dict[str, Any], ImportReport]:
    """Merge a checked package inside `uow`; returns its receipt and the report. A package
    taken in before changes nothing and gets the receipt it got then."""
    ours, device = xq.identity(uow)
    sender = Sender(UUID(manifest["store_id"]), manifest["device_name"][:200],
                    UUID(manifest["package_id"]))
    if sender.store_id == ours:
        raise PackageError(f"{file_name} was written by this store itself; import it into "
                           "another store")
    _check_originals(manifest, records, file_name)
    known = xq.package(uow, sender.package_id)
    if known is not None:
        if known["direction"] != "received":
            raise PackageError(f"{file_name} is a package this store sent")
        return known["receipt"], _report(sender, known["receipt"], already=True)
    outcomes = merge(uow, sender, records, pictures, control)
    receipt = seal_receipt({
        "format": RECEIPT_FORMAT, "format_version": FORMAT_VERSION,
        "package_id": str(sender.package_id), "store_id": str(ours), "device_name": device,
        "received_at": datetime.now(UTC).isoformat(), "received_by": uow.actor,
        "records": [{"kind": o.kind, "id": str(o.id), "version": o.version,
                     "sha256": o.sha256, "outcome": o.outcome} for o in outcomes]})
    report = _report(sender, receipt, already=False)
    xq.log_package(uow, {
        "id": sender.package_id, "direction": "received", "peer_store_id": sender.store_id,
        "peer_device": sender.device_name, "schema_revision": manifest["schema_revision"],
        "format_version": manifest["format_version"], "made_at": _moment(manifest),
        "made_by": manifest["created_by"][:200], "record_count": len(records),
        "file_name": file_name[:500], "outcomes": report.outcomes, "receipt": receipt})
    return receipt, report


def _moment(manifest: dict[str, Any]) -> datetime:
    try:
        return datetime.fromisoformat(manifest["created_at"])
    except ValueError:
        raise PackageError(f"the package's created_at {manifest['created_at'][:40]!r} is not "
                           "a date and time") from None


def _check_originals(manifest: dict[str, Any], records: list[Incoming], where: str) -> None:
    listed = {o["sha256"] for o in manifest["originals"]}
    for record in records:
        if record.kind == "photo" and record.typed["sha256"] not in listed:
            raise PackageError(f"{where}: the picture of {record.label()} is missing from the "
                               "package")


def _report(sender: Sender, receipt: dict[str, Any], *, already: bool) -> ImportReport:
    outcomes = Counter(r["outcome"] for r in receipt["records"])
    by_kind: dict[str, dict[str, int]] = {}
    for record in receipt["records"]:
        kind = by_kind.setdefault(record["kind"], {})
        kind[record["outcome"]] = kind.get(record["outcome"], 0) + 1
    counts = {o: outcomes[o] for o in OUTCOMES if outcomes[o]}
    return ImportReport(sender.package_id, sender.store_id, sender.device_name, already,
                        counts, by_kind, 0 if already else outcomes["conflict"])


# ------------------------------------------------------------------------------ receipts
@retried_writes
def import_receipt(store: Store, path: str | Path) -> ReceiptReport:
    """Take in the receipt of a package this store sent: checked against what the package
    carried, then exactly those record versions are marked delivered."""
    source = Path(path)
    receipt = read_receipt(source)
    with store.writing() as uow:
        return apply_receipt(uow, receipt, source.name)


def apply_receipt(uow: Any, receipt: dict[str, Any], where: str) -> ReceiptReport:
    """Check a receipt (already checked as a file) against the log of packages sent and mark
    its record versions delivered; PackageError before any write when it does not match."""
    package_id = UUID(receipt["package_id"])
    sent = xq.package(uow, package_id)
    if sent is None or sent["direction"] != "sent":
        raise PackageError(f"{where} confirms package {package_id}, which this store never "
                           "sent; nothing was marked delivered")
    carried = xq.sent_records(uow, package_id)
    delivered = []
    for n, record in enumerate(receipt["records"], start=1):
        key = (record["kind"], _uuid(record["id"], where, n))
        if carried.get(key) != (record["version"], record["sha256"]) \
                or record["outcome"] not in OUTCOMES:
            raise PackageError(f"{where}: record {n} ({record['kind'][:20]} {record['id'][:40]} "
                               f"version {record['version']}) is not what package {package_id} "
                               "carried; nothing was marked delivered")
        delivered.append((*key, record["version"], record["sha256"]))
    outcomes = dict(Counter(r["outcome"] for r in receipt["records"]))
    receiver = UUID(receipt["store_id"])
    count = xq.mark_delivered(uow, package_id, delivered)
    xq.note_receipt(uow, package_id, receiver, receipt, outcomes)
    left = sum(xq.undelivered_counts(uow, EXCHANGED_KINDS).values())
    return ReceiptReport(package_id, receiver, receipt["device_name"], count, outcomes, left)


def _uuid(text: str, where: str, n: int) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        raise PackageError(f"{where}: record {n} has no valid id") from None


# ------------------------------------------------------------------------------ status
def status(store: Store, recent: int = 20) -> ExchangeStatus:
    """Packages sent and received, records not yet delivered by kind, open conflicts."""
    with store.reading() as uow:
        counts = xq.package_counts(uow)
        entries = sorted(xq.packages(uow, "sent", recent) + xq.packages(uow, "received", recent),
                         key=lambda p: p["recorded_at"], reverse=True)[:recent]
        return ExchangeStatus(
            Identity(*xq.identity(uow)), counts["sent"], counts["received"],
            counts["awaiting receipt"], xq.undelivered_counts(uow, EXCHANGED_KINDS),
            xq.count_open_conflicts(uow), tuple(_entry(p) for p in entries))


def _entry(row: dict[str, Any]) -> PackageEntry:
    return PackageEntry(row["id"], row["direction"], row["peer_device"], row["peer_store_id"],
                        row["made_at"], row["recorded_at"], row["record_count"],
                        row["receipt_at"], dict(row["outcomes"] or {}))
