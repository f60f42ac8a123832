"""What every brief gathers: its options, the frame (store, schema, author, time, the highest
marking of what it includes), photos ready for print, and the sources records cite."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from forensics_gui.core.briefs import KINDS, MAX_DPI, MIN_DPI, PRINT_DPI, SECTIONS
from forensics_gui.core.chains import Citation
from forensics_gui.core.errors import KnownError, ValidationError
from forensics_gui.core.records import ComponentFinding, Photo, PhotoAnnotation, Source
from forensics_gui.media import printing
from forensics_gui.services.photos import ahead
from forensics_gui.services.supply import parse_period
from forensics_gui.storage.store import Store

PRINT_WIDTH_INCHES = 6.6  # the text width of an A4 page with the briefs' margins
# JPEG quality of a photo at print resolution (a 24-megapixel photo comes to about 150 KB at
# 200 dpi) and at full resolution; at most this many photos are decoded at once.
PRINT_QUALITY = 78
FULL_QUALITY = 90
PREPARE_THREADS = max(1, min(4, os.cpu_count() or 1))
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BriefOptions:
    """What the person asking for a brief chose."""

    language: str = "en"
    without_hypotheses: bool = False
    redact_photo_metadata: bool = False
    sections: tuple[str, ...] = ()  # empty: every section of the kind
    author: str = ""  # default: the store's acting user
    photo_dpi: int = PRINT_DPI
    full_resolution_photos: bool = False  # only to measure what downsampling saves
    # Supply links dated outside the period are left out of chains and graphs (undated
    # links stay: they may fall inside); dates as typed, checked by `check`.
    period_from: date | str | None = None
    period_to: date | str | None = None

    def wants(self, section: str) -> bool:
        return not self.sections or section in self.sections

    def check(self, kind: str) -> None:
        if kind not in KINDS:
            raise ValidationError("kind", f"a brief is one of {', '.join(KINDS)}, not {kind!r}")
        unknown = [s for s in self.sections if s not in SECTIONS[kind]]
        if unknown:
            raise ValidationError("sections", f"a {kind} brief has no section "
                                  f"{', '.join(map(repr, unknown))} (its sections: "
                                  f"{', '.join(SECTIONS[kind])})")
        if self.language not in ("en", "uk"):
            raise ValidationError("language", f"briefs are written in en or uk, not "
                                  f"{self.language!r}")
        parse_period(self.period_from, self.period_to)
        if not MIN_DPI <= self.photo_dpi <= MAX_DPI:
            raise ValidationError("photo_dpi", f"print resolution must be {MIN_DPI} to "
                                  f"{MAX_DPI} dpi, not {self.photo_dpi}")

    def described(self) -> str:
        parts = [f"language {self.language}"]
        if self.without_hypotheses:
            parts.append("hypothesis-level links left out")
        if self.redact_photo_metadata:
            parts.append("photo metadata redacted")
        start, end = parse_period(self.period_from, self.period_to)
        if start or end:
            parts.append(f"supply links dated {start or '…'} to {end or '…'}")
        parts.append(f"sections: {', '.join(self.sections) if self.sections else 'all'}")
        parts.append(f"photos at {self.photo_dpi} dpi" if not self.full_resolution_photos
                     else "photos at full resolution")
        return "; ".join(parts)


@dataclass(frozen=True)
class BriefFrame:
    """Who, when, from which store, and under which marking."""

    store_location: str
    store_kind: str
    schema_revision: str
    author: str
    created: datetime
    marking: str
    marking_rank: int
    query: str
    options: BriefOptions
    audit_head: str = ""


@dataclass(frozen=True)
class PrintPhoto:
    """A photo ready for the page: a JPEG at print resolution with its annotations drawn on,
    or the reason it could not be shown."""

    photo: Photo
    data: bytes
    width: int
    height: int
    caption: str
    facts: tuple[tuple[str, str], ...] = ()  # taken, camera, position (left out if redacted)
    problem: str = ""
    original_bytes: int = 0


@dataclass
class SourceBook:
    """The sources records cite, read once."""

    sources: dict[UUID, Source] = field(default_factory=dict)

    def citations(self, ids: Iterable[UUID]) -> tuple[Citation, ...]:
        return tuple(Citation(s.id, s.title, s.reliability, s.credibility)
                     for i in ids if (s := self.sources.get(i)) is not None)


def frame(store: Store, uow: Any, markings: Iterable[str], query: str,
          options: BriefOptions) -> BriefFrame:
    """The frame of a brief whose records carry `markings` (the highest one is the brief's)."""
    ranks = {m.name: m.rank for m in uow.list_page("marking", limit=1000).rows}
    used = [m for m in markings if m] or ["UNCLASSIFIED"]
    highest = max(used, key=lambda name: ranks.get(name, 0))
    head = uow.audit_head()
    return BriefFrame(store.location.display, store.kind, store.schema_revision() or "none",
                      options.author or store.actor, datetime.now(UTC).replace(microsecond=0),
                      highest, ranks.get(highest, 0), query, options,
                      audit_head=str(head) if head else "")


def all_markings(uow: Any) -> list[str]:
    """Every handling marking of the store (a brief that cannot read all the records it
    counts carries the highest of them)."""
    return [m.name for m in uow.list_page("marking", limit=1000).rows]


def source_book(uow: Any, ids: Iterable[UUID]) -> SourceBook:
    wanted = sorted(set(ids), key=str)
    return SourceBook({s.id: s for s in uow.get_many("source", wanted)} if wanted else {})


def findings_of(uow: Any, item_id: UUID) -> list[ComponentFinding]:
    """The item's findings that stand (withdrawn ones are left out)."""
    return list(uow.list_page("finding", filters={"item_id": item_id}, sort="part",
                              limit=100_000).rows)


def print_photos(uow: Any, photos: Sequence[Photo], labels: dict[UUID, str],
                 options: BriefOptions, progress: Progress | None = None,
                 check: Callable[[], None] | None = None) -> list[PrintPhoto]:
    """Each photo downsampled to print resolution (a photo fills at most the text width),
    its annotations drawn on; a photo that cannot be decoded says so instead.

    The store is read on the calling thread, one photo ahead of the pictures being decoded,
    scaled and encoded on PREPARE_THREADS threads (Pillow lets go of the GIL while it does
    that); the photos come back in their order and each is made alone, so the result is the
    same whatever the number of threads."""
    side = round(PRINT_WIDTH_INCHES * options.photo_dpi)
    ready = []
    with ThreadPoolExecutor(max_workers=PREPARE_THREADS) as pool:
        made = ahead(pool, lambda job: _print_copy(job, side, options),
                     _print_jobs(uow, photos, labels), PREPARE_THREADS)
        for number, (photo, original, outcome) in enumerate(made, 1):
            if check is not None:
                check()
            if progress is not None:
                progress(number, len(photos), f"preparing photo {number} of {len(photos)}")
            caption = photo.caption or photo.file_name
            facts = () if options.redact_photo_metadata else _facts(photo)
            if isinstance(outcome, Exception):
                ready.append(PrintPhoto(photo, b"", 0, 0, caption, facts,
                                        problem=f"{photo.file_name} cannot be shown: {outcome}",
                                        original_bytes=original))
                continue
            data, width, height = outcome
            ready.append(PrintPhoto(photo, data, width, height, caption, facts,
                                    original_bytes=original))
    return ready


_PrintJob = tuple[Photo, list[printing.Mark], bytes]


def _print_jobs(uow: Any, photos: Sequence[Photo], labels: dict[UUID, str]
                ) -> Iterator[_PrintJob]:
    """Each photo with its annotations as marks and its original, read from the store."""
    for photo in photos:
        notes = uow.list_page("annotation", filters={"photo_id": photo.id}, limit=1000).rows
        marks = [printing.Mark(a.x, a.y, a.width, a.height, _mark_label(a, labels))
                 for a in notes]
        yield photo, marks, uow.blobs.original(photo.sha256) or b""


def _print_copy(job: _PrintJob, side: int, options: BriefOptions
                ) -> tuple[Photo, int, tuple[bytes, int, int] | Exception]:
    """(photo, size of its original, its print copy or why there is none); runs on a thread
    of its own, so it touches nothing but the bytes it is given."""
    photo, marks, original = job
    try:
        if not original:
            raise KnownError(f"the original of {photo.file_name} is missing from the store")
        if options.full_resolution_photos:
            return photo, len(original), printing.print_copy(
                original, photo.file_name, max(photo.width or 1, photo.height or 1), marks,
                quality=FULL_QUALITY)
        return photo, len(original), printing.print_copy(original, photo.file_name, side, marks,
                                                         quality=PRINT_QUALITY)
    except (KnownError, OSError, ValueError) as error:
        return photo, len(original), error


def _mark_label(annotation: PhotoAnnotation, labels: dict[UUID, str]) -> str:
    finding = labels.get(annotation.finding_id) if annotation.finding_id else ""
    if annotation.label and finding and finding not in annotation.label:
        return f"{annotation.label} = {finding}"
    return annotation.label or finding or ""


def _facts(photo: Photo) -> tuple[tuple[str, str], ...]:
    facts = []
    if photo.taken_at:
        facts.append(("taken", photo.taken_at.strftime("%Y-%m-%d %H:%M")))
    camera = " ".join(p for p in (photo.camera_make, photo.camera_model) if p)
    if camera:
        facts.append(("camera", camera))
    if photo.gps_latitude is not None and photo.gps_longitude is not None:
        facts.append(("position", f"{photo.gps_latitude:.5f}, {photo.gps_longitude:.5f}"))
    return tuple(facts)
