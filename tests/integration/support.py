"""Names and helpers shared by the integration tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from forensics_gui.services import stores

CASE = "CASE-2023-001"
RECOVERED_ON = date(2023, 1, 10)


@dataclass(frozen=True)
class CaseFile:
    """The records made by the `case_file` fixture, as the services returned them."""

    system: Any
    item: Any
    maker: Any
    distributor: Any
    part: Any
    source: Any
    other_source: Any


def store_counts(store: stores.Store) -> dict[str, int]:
    """How many records of every kind the store holds, audit and custody events included."""
    with store.reading() as uow:
        return uow.counts()


def store_original(store: stores.Store, sha256: str, data: bytes = b"picture bytes") -> None:
    """Put an original picture in the store as the photo service would (for photo records)."""
    with store.writing() as uow:
        uow.blobs.add(sha256.lower(), data, "image/jpeg")
