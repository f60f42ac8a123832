"""Original pictures and their cached copies, kept inside the store so every client sees them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import exists, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from forensics_gui.storage import models as m


@dataclass(frozen=True)
class StoredOriginal:
    """An original picture as the store knows it, without its bytes."""

    sha256: str
    byte_size: int
    media_type: str
    created_at: datetime | None
    created_by: str


class BlobStore:
    """Reads and writes picture bytes inside a unit of work's session."""

    def __init__(self, session: Session, actor: str) -> None:
        self.session = session
        self.actor = actor

    def has(self, sha256: str) -> bool:
        """True when an original with this hash is stored."""
        return self.session.get(m.PhotoBlobRow, sha256) is not None

    def add(self, sha256: str, data: bytes, media_type: str) -> bool:
        """Store an original once; returns False when it was already there."""
        if self.session.execute(select(m.PhotoBlobRow.sha256)
                                .where(m.PhotoBlobRow.sha256 == sha256)).first():
            return False
        values = {"sha256": sha256, "byte_size": len(data), "media_type": media_type,
                  "data": data, "created_at": datetime.now(UTC), "created_by": self.actor}
        if self.session.bind.dialect.name == "postgresql":
            # The same picture may be stored already and hidden from this login (shown only
            # on records above its clearance): it is there, so nothing is added.
            self.session.flush()
            added = self.session.execute(pg_insert(m.PhotoBlobRow).values(
                **values).on_conflict_do_nothing())
            return bool(added.rowcount)
        self.session.add(m.PhotoBlobRow(**values))
        self.session.flush()
        return True

    def original(self, sha256: str) -> bytes | None:
        """The original's bytes, exactly as added."""
        return self.session.execute(select(m.PhotoBlobRow.data)
                                    .where(m.PhotoBlobRow.sha256 == sha256)).scalar()

    def derivative(self, sha256: str, kind: str) -> tuple[bytes, int, int] | None:
        """A cached copy ('thumb' or 'display'): (JPEG bytes, width, height)."""
        row = self.session.get(m.PhotoDerivativeRow, (sha256, kind))
        return (row.data, row.width, row.height) if row else None

    def thumbnails(self, hashes: list[str]) -> dict[str, bytes]:
        """{sha256: thumbnail bytes} for many pictures in one query."""
        query = select(m.PhotoDerivativeRow.sha256, m.PhotoDerivativeRow.data).where(
            m.PhotoDerivativeRow.kind == "thumb", m.PhotoDerivativeRow.sha256.in_(hashes))
        return dict(self.session.execute(query).all())

    def add_derivative(self, sha256: str, kind: str, data: bytes, width: int,
                       height: int) -> None:
        """Cache a copy made from an original (replacing an older one of the same kind)."""
        if (self.session.bind.dialect.name == "postgresql"
                and self.session.get(m.PhotoDerivativeRow, (sha256, kind)) is None):
            self.session.execute(pg_insert(m.PhotoDerivativeRow).values(  # see `add`
                sha256=sha256, kind=kind, media_type="image/jpeg", width=width, height=height,
                data=data).on_conflict_do_nothing())
            return
        self.session.merge(m.PhotoDerivativeRow(sha256=sha256, kind=kind, media_type="image/jpeg",
                                                width=width, height=height, data=data))
        self.session.flush()

    def count(self) -> tuple[int, int]:
        """(how many originals, how many bytes they take)."""
        n, size = self.session.execute(select(func.count(), func.coalesce(
            func.sum(m.PhotoBlobRow.byte_size), 0))).one()
        return int(n), int(size)

    def count_photos(self) -> int:
        """How many photos refer to originals (withdrawn ones included)."""
        return int(self.session.execute(select(func.count()).select_from(m.PhotoRow))
                   .scalar_one())

    def photos_without_original(self) -> list[UUID]:
        """Ids of the photos whose original is not stored. The store's references forbid it,
        so only damage, or a tool that switched them off, leaves such a photo."""
        query = (select(m.PhotoRow.id)
                 .where(~exists().where(m.PhotoBlobRow.sha256 == m.PhotoRow.sha256))
                 .order_by(m.PhotoRow.id))
        return list(self.session.scalars(query))

    def originals_without_photo(self) -> list[StoredOriginal]:
        """The stored originals that no photo refers to (withdrawn photos still do)."""
        blob = m.PhotoBlobRow
        query = (select(blob.sha256, blob.byte_size, blob.media_type, blob.created_at,
                        blob.created_by)
                 .where(~exists().where(m.PhotoRow.sha256 == blob.sha256))
                 .order_by(blob.sha256))
        return [StoredOriginal(*row) for row in self.session.execute(query)]

    def each_original(self) -> Iterator[tuple[str, bytes]]:
        """Every original as (stored hash, bytes), one at a time."""
        hashes = list(self.session.scalars(select(m.PhotoBlobRow.sha256)
                                           .order_by(m.PhotoBlobRow.sha256)))
        for sha256 in hashes:
            data = self.original(sha256)
            yield sha256, data if data is not None else b""
