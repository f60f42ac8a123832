"""Direct merge: a store's undelivered records into another store (usually a laptop's
SQLite file into the shared PostgreSQL store) without a file in between.

It is a package export, import and receipt in one go, with the same rules and the same
report: the package is built from the store in use and logged as sent (one transaction),
merged into the target in one transaction (pictures read straight from the sending store),
and its receipt is taken in by the sending store (a third transaction). Killed between the
second and the third, the target holds the records and the sender still counts them as
undelivered: running it again finds them held and marks them delivered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from forensics_gui.core.errors import StoreError
from forensics_gui.formats.package import PackageError
from forensics_gui.services import stores
from forensics_gui.services.exchange.packages import (
    ImportReport,
    ReceiptReport,
    apply_receipt,
    checked_records,
    identity,
    receive,
)
from forensics_gui.services.exchange.selection import Control, build_manifest, log_sent
from forensics_gui.storage.store import PasswordPrompt, Store


@dataclass(frozen=True)
class SyncReport:
    """What a direct merge did: where to, the import's report on the target, and the
    receipt's on this store."""

    target: str
    imported: ImportReport
    receipt: ReceiptReport


class StorePictures:
    """The originals of a package read straight from the sending store."""

    def __init__(self, uow: Any, manifest: dict[str, Any]) -> None:
        self.uow = uow
        self.listed = {o["sha256"]: o for o in manifest["originals"]}

    def original(self, digest: str) -> bytes:
        data = self.uow.blobs.original(digest)
        if data is None:
            raise StoreError(f"the original {digest[:12]}… is missing from the sending store "
                             "(see `forensics verify`); nothing was merged")
        return data

    def thumb(self, digest: str) -> tuple[bytes, int, int] | None:
        return self.uow.blobs.derivative(digest, "thumb")

    def media_type(self, digest: str) -> str:
        return self.listed[digest]["media_type"]


def sync(store: Store, target: str | Store, *, prompt: PasswordPrompt | None = None,
         control: Control = None) -> SyncReport:
    """Merge every undelivered record of `store` into `target` (a location or an open
    store) and mark what the target now holds as delivered."""
    other = target if isinstance(target, Store) else stores.open_existing(target, prompt=prompt)
    try:
        other.check_writable()
        _check_distinct(store, other)
        with store.writing() as uow:
            manifest = build_manifest(uow, control=control)
            log_sent(uow, manifest, f"direct merge into {other.location.display}")
        records = checked_records(manifest, "the direct merge")
        with store.reading() as source, other.writing(bulk=True) as uow:
            receipt, imported = receive(uow, manifest, records,
                                        StorePictures(source, manifest), "the direct merge",
                                        control)
        with store.writing() as uow:
            taken = apply_receipt(uow, receipt, "the direct merge's receipt")
        return SyncReport(other.location.display, imported, taken)
    finally:
        if other is not target:
            other.close()


def _check_distinct(store: Store, other: Store) -> None:
    if identity(store).store_id == identity(other).store_id:
        raise PackageError(f"{other.location.display} has this store's own id (the same "
                           "store, or a copy of its file); merge into another store, or give "
                           "the copy an id of its own with `forensics package device --new-id`")
