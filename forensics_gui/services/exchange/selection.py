"""What a package carries: the records chosen (recovered items with everything they need,
or every record not yet delivered) and, again and again, every record they refer to.

A chosen recovered item brings what it needs to stand alone in the receiving store: its
system type (and its template modules), handling marking, custody events, findings, parts and
their makers (and their successors), photos with their annotations, the sources cited, and the
supply links and designations of the parts and makers involved. Referenced records are sent
even when the receiving store may already hold them: they are cheap, and taken in as "held".
Records seeded by the schema in every store and never changed are not sent.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from forensics_gui.formats.package import FORMAT, FORMAT_VERSION, PackageError, sha256_hex
from forensics_gui.services.exchange.content import (
    EXCHANGED_KINDS,
    entry_of,
    referenced,
    seeded,
)
from forensics_gui.services.records import resolve_one
from forensics_gui.storage import exchange_query as xq
from forensics_gui.storage.store import SCHEMA_HEAD

Control = Any  # a TaskControl-like object: report(done, total, text) and check()


def build_manifest(uow: Any, items: Sequence[str] = (), control: Control = None, *,
                   undelivered: bool | None = None) -> dict[str, Any]:
    """The manifest of a new package (see `formats.package`) of chosen items, of every
    undelivered record (`undelivered`; by default when no item is chosen), or of both."""
    store_id, device = xq.identity(uow)
    chosen = _case_records(uow, items)
    if undelivered or (undelivered is None and not items):
        for kind in EXCHANGED_KINDS:
            chosen[kind] |= set(xq.undelivered_ids(uow, kind))
    loaded = _with_references(uow, chosen)
    records = [entry_of(kind, r) for kind in EXCHANGED_KINDS
               for r in sorted(loaded[kind].values(), key=lambda r: r.id) if not seeded(r)]
    if control is not None:
        control.report(0, len(records), f"{len(records):,} records chosen")
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "package_id": str(uuid4()),
            "store_id": str(store_id), "device_name": device, "schema_revision": SCHEMA_HEAD,
            "created_at": datetime.now(UTC).isoformat(), "created_by": uow.actor,
            "audit_head": str(head) if (head := uow.audit_head()) else "",
            "records": records, "originals": _originals_listed(uow, loaded["photo"].values())}


def log_sent(uow: Any, manifest: dict[str, Any], file_name: str) -> None:
    """Keep what a package carried, which its receipt must name."""
    records = manifest["records"]
    xq.log_package(uow, {
        "id": UUID(manifest["package_id"]), "direction": "sent", "peer_store_id": None,
        "peer_device": "", "schema_revision": manifest["schema_revision"],
        "format_version": manifest["format_version"],
        "made_at": datetime.fromisoformat(manifest["created_at"]),
        "made_by": manifest["created_by"], "record_count": len(records),
        "file_name": file_name[:500]},
        [(r["kind"], UUID(r["id"]), r["version"], r["sha256"]) for r in records])


def _case_records(uow: Any, items: Sequence[str]) -> dict[str, set[UUID]]:
    """The records a recovered item needs to stand alone in another store."""
    chosen: dict[str, set[UUID]] = {kind: set() for kind in EXCHANGED_KINDS}
    if not items:
        return chosen
    item_ids = {resolve_one(uow, "item", ref) for ref in items}
    chosen["item"] = item_ids
    chosen["custody"] = set(xq.ids_where(uow, "custody", "item_id", item_ids))
    findings = uow.get_many("finding", xq.ids_where(uow, "finding", "item_id", item_ids))
    chosen["finding"] = {f.id for f in findings}
    chosen["photo"] = set(xq.ids_where(uow, "photo", "item_id", item_ids)
                          + xq.ids_where(uow, "photo", "finding_id", chosen["finding"]))
    chosen["annotation"] = set(xq.ids_where(uow, "annotation", "photo_id", chosen["photo"]))
    parts = uow.get_many("part", list({f.part_id for f in findings if f.part_id}))
    chosen["part"] = {p.id for p in parts}
    links = uow.get_many("link", list(set(
        xq.ids_where(uow, "link", "part_id", chosen["part"])
        + xq.ids_where(uow, "link", "finding_id", chosen["finding"]))))
    chosen["link"] = {link.id for link in links}
    orgs = ({f.manufacturer_id for f in findings} | {p.manufacturer_id for p in parts}
            | {link.seller_id for link in links} | {link.buyer_id for link in links})
    chosen["designation"] = set(xq.ids_where(uow, "designation", "organization_id", orgs))
    systems = {i.system_type_id for i in uow.get_many("item", list(item_ids))}
    chosen["module"] = set(xq.ids_where(uow, "module", "system_type_id", systems))
    return chosen


def _with_references(uow: Any, chosen: dict[str, set[UUID]]) -> dict[str, dict[UUID, Any]]:
    """The chosen records and, again and again, every record they refer to."""
    loaded: dict[str, dict[UUID, Any]] = {kind: {} for kind in EXCHANGED_KINDS}
    pending = chosen
    while any(pending.values()):
        wanted: dict[str, set[UUID]] = {kind: set() for kind in EXCHANGED_KINDS}
        for kind, ids in pending.items():
            for record in _stored(uow, kind, sorted(ids - loaded[kind].keys())):
                loaded[kind][record.id] = record
                for ref, target in referenced(kind, record):
                    if target not in loaded[ref]:
                        wanted[ref].add(target)
                if kind == "item" and record.handling_marking:
                    wanted["marking"] |= {m.id for m in uow.find(
                        "marking", name=record.handling_marking)} - loaded["marking"].keys()
        pending = wanted
    return loaded


def _stored(uow: Any, kind: str, ids: list[UUID]) -> list[Any]:
    if not ids:
        return []
    return xq.custody_events(uow, ids) if kind == "custody" else uow.get_many(kind, ids)


def _originals_listed(uow: Any, photos: Any) -> list[dict[str, Any]]:
    listed: dict[str, dict[str, Any]] = {}
    for photo in photos:
        if photo.sha256 in listed:
            continue
        thumb = uow.blobs.derivative(photo.sha256, "thumb")
        listed[photo.sha256] = {
            "sha256": photo.sha256, "byte_size": photo.byte_size or 0,
            "media_type": photo.media_type,
            "thumb_sha256": sha256_hex(thumb[0]) if thumb else "",
            "thumb_width": thumb[1] if thumb else 0, "thumb_height": thumb[2] if thumb else 0}
    return sorted(listed.values(), key=lambda o: o["sha256"])


def originals_of(uow: Any, originals: list[dict[str, Any]], control: Control
               ) -> Iterator[tuple[str, bytes]]:
    for n, original in enumerate(originals, start=1):
        data = uow.blobs.original(original["sha256"])
        if data is None:
            raise PackageError(f"the original of photo {original['sha256'][:12]}… is missing "
                               "from this store (see `forensics verify`); no package written")
        yield original["sha256"], data
        if control is not None:
            control.report(n, len(originals), f"pictures written: {n:,} of {len(originals):,}")
            control.check()


def thumbs_of(uow: Any, originals: list[dict[str, Any]]) -> Iterator[tuple[str, bytes]]:
    for original in originals:
        if original["thumb_sha256"]:
            thumb = uow.blobs.derivative(original["sha256"], "thumb")
            if thumb is not None:
                yield original["sha256"], thumb[0]
