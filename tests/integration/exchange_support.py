"""What the field exchange tests share: a laptop's case file (fictional intermediaries),
pictures, and a way to compare what two stores hold."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from PIL import Image

from forensics_gui.services import custody, photos, records, stores
from forensics_gui.services.exchange import packages
from forensics_gui.services.exchange.content import EXCHANGED_KINDS, hash_of, seeded
from forensics_gui.storage import exchange_query as xq


def jpeg(seed: int, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small real JPEG, different for every seed."""
    image = Image.new("RGB", size, (seed * 37 % 256, seed * 91 % 256, seed * 13 % 256))
    image.paste((255 - seed % 256, 10, 10), (0, 0, 8 + seed % 40, 8))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


@dataclass(frozen=True)
class FieldCase:
    """The records of one recovered item recorded on a laptop."""

    item: Any
    finding: Any
    part: Any
    maker: Any
    broker: Any
    source: Any
    link: Any
    photo: Any


def field_case(store: stores.Store, case: str = "FIELD-2026-001", seed: int = 1,
               system: str = "Geran-2") -> FieldCase:
    """A recovered item with a finding, its part and maker, a fictional broker, a cited
    source, a supply link, a designation, a custody transfer and an annotated photo."""
    with store.writing() as uow:
        def create(kind: str, values: dict[str, Any]) -> Any:
            return records.create_in(uow, kind, values)

        found = uow.find_by_name("system", "name", system)
        system_id = found[0].id if found else create("system", {"name": system}).id
        item = create("item", {"system_type_id": system_id, "case_reference": case,
                               "recovered_on": "2026-03-01", "recovery_place": "Field site"})
        maker = create("org", {"name": f"Northwind Microdevices {seed}", "country": "DE",
                               "roles": "manufacturer"})
        broker = create("org", {"name": f"Harbor Lantern Trading {seed} (fictional)",
                                "country": "HK", "roles": "trading company"})
        part = create("part", {"part_number": f"NW32F405RGT{seed}", "manufacturer_id": maker.id,
                               "hs_code": "8542.31", "function": "microcontroller"})
        source = create("source", {"title": f"Field teardown notes {seed}",
                                   "kind": "field observation", "reliability": "B",
                                   "credibility": "2"})
        finding = create("finding", {"item_id": item.id, "part_id": part.id,
                                     "marking": f"NW32F405\nRGT{seed} 2231", "date_code": "2231",
                                     "location": "flight controller", "source_ids": [source.id]})
        link = create("link", {"seller_id": maker.id, "buyer_id": broker.id, "part_id": part.id,
                               "status": "probable", "source_ids": [source.id]})
        create("designation", {"organization_id": broker.id, "authority": "EU",
                               "source_id": source.id, "reference": f"EU-FICT-{seed}"})
    custody.record_transfer(store, item.id, {"released_by": "Field team", "received_by": "Lab",
                                             "occurred_at": "2026-03-02 10:00"})
    photo = photos.add_photo_bytes(store, jpeg(seed), f"board-{seed}.jpg", item_id=item.id,
                                   finding_id=finding.id)
    assert photo is not None
    records.create(store, "annotation", {"photo_id": photo.id, "finding_id": finding.id,
                                         "label": "U1", "x": 0.1, "y": 0.2, "width": 0.3,
                                         "height": 0.3})
    return FieldCase(item, finding, part, maker, broker, source, link, photo)


def laptop(path: Path, template: Path, name: str = "laptop-1") -> stores.Store:
    """A store of its own (own id and device name) copied from a template."""
    shutil.copy(template, path)
    store = stores.open_existing(str(path))
    packages.set_device(store, name, new_id=True)
    return store


def snapshot(store: stores.Store) -> dict[tuple[str, UUID], tuple[int, str]]:
    """{(kind, id): (version, content hash)} of every exchanged record (seeded ones apart)."""
    found: dict[tuple[str, UUID], tuple[int, str]] = {}
    with store.reading() as uow:
        for kind in EXCHANGED_KINDS:
            ids = xq.all_ids(uow, kind)
            held = (xq.custody_events(uow, ids) if kind == "custody"
                    else uow.get_many(kind, ids))
            found.update(((kind, r.id), (getattr(r, "version", 1), hash_of(kind, r)))
                         for r in held if not seeded(r))
    return found


def originals(store: stores.Store) -> dict[str, bytes]:
    """Every original picture's bytes by hash."""
    with store.reading() as uow:
        return dict(uow.blobs.each_original())


def counts(store: stores.Store) -> dict[str, int]:
    """Record, audit and custody counts, and the exchange tables' rows."""
    with store.reading() as uow:
        found = uow.counts()
        found["conflicts"] = len(xq.conflicts(uow, None))
        found["packages"] = sum(xq.package_counts(uow).values())
        found["originals"] = uow.blobs.count()[0]
        return found


def many_findings(store: stores.Store, findings: int, pictures: int, *, prefix: str = "BULK",
                  control: Any = None) -> None:
    """`findings` findings over recovered items of 50 findings each, on parts of a few
    fictional makers, and `pictures` small JPEGs (added through the photo service, with
    their thumbnails) spread over the items."""
    items: list[Any] = []
    with store.writing(bulk=True) as uow:
        def create(kind: str, values: dict[str, Any]) -> Any:
            return records.create_in(uow, kind, values)

        system = create("system", {"name": f"{prefix} system"})
        makers = [create("org", {"name": f"{prefix} Maker {n} (fictional)", "country": "DE"})
                  for n in range(5)]
        parts = [create("part", {"part_number": f"{prefix}{n:04d}X", "hs_code": "8542.31",
                                 "manufacturer_id": makers[n % 5].id}) for n in range(50)]
        for n in range(findings):
            if n % 50 == 0:
                items.append(create("item", {"system_type_id": system.id,
                                             "case_reference": f"{prefix}-{n // 50:04d}",
                                             "recovered_on": "2025-06-01"}))
            create("finding", {"item_id": items[-1].id, "part_id": parts[n % 50].id,
                               "date_code": f"23{n % 50 + 1:02d}", "marking": f"mark {n}"})
    for n in range(pictures):
        photos.add_photo_bytes(store, jpeg(n + 1000), f"p{n}.jpg", item_id=items[n % len(items)].id)
