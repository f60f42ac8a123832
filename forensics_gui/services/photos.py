"""Photo evidence: adding pictures, their copies, integrity checks and export.

Originals are stored unchanged inside the store, named by their SHA-256: the same picture
added twice is stored once and linked twice. Each picture is checked (format, size, pixel
limit, damage) before anything is written; a refused file is reported and the batch goes on.
"""

from __future__ import annotations

import errno
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from forensics_gui.core import records
from forensics_gui.core.errors import (
    KnownError,
    MediaError,
    StoreError,
    ValidationError,
)
from forensics_gui.core.sizes import readable_sizes
from forensics_gui.media import ImageLimits as _ImageLimits
from forensics_gui.media import images, redact
from forensics_gui.services.records import resolve_one
from forensics_gui.storage.blobs import StoredOriginal
from forensics_gui.storage.store import Store, retried_writes

ImageLimits = _ImageLimits
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif"}
THUMB_SIDE, DISPLAY_SIDE = 320, 2048
PREPARE_THREADS = 2


@dataclass(frozen=True)
class Refused:
    """A file that was not added, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Stopped:
    """The file at which a batch stopped because the store could not take it, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class AddReport:
    """What a batch of photos did: added, already there, refused; and when the store could not
    take more (a full disk, say), the file it stopped at and the files not attempted."""

    added: tuple[records.Photo, ...] = ()
    already_attached: tuple[str, ...] = ()
    refused: tuple[Refused, ...] = ()
    cancelled: bool = False
    stopped: Stopped | None = None
    not_attempted: tuple[str, ...] = ()


@dataclass(frozen=True)
class IntegrityFailure:
    """An original whose bytes no longer hash to the name it was stored under."""

    sha256: str
    actual: str
    photos: tuple[records.Photo, ...]


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of checking every original and every photo."""

    checked: int  # originals re-hashed
    failures: tuple[IntegrityFailure, ...] = field(default_factory=tuple)
    photos_checked: int = 0
    photos_without_original: tuple[records.Photo, ...] = ()
    originals_without_photo: tuple[StoredOriginal, ...] = ()
    recorded: bool = True  # False on a store open read-only: the audit trail was not written

    @property
    def problems(self) -> int:
        """How many problems were found, of every kind."""
        return (len(self.failures) + len(self.photos_without_original)
                + len(self.originals_without_photo))


Control = Any  # a TaskControl-like object: report(done, total, text) and check()


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files to add: files as given, folders searched (recursively) for picture files."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
        else:
            found.append(path)
    return found


def add_photos(store: Store, paths: Sequence[str | Path], *, item: str | UUID | None = None,
               finding: str | UUID | None = None, caption: str = "",
               limits: ImageLimits | None = None, control: Control = None) -> AddReport:
    """Add picture files (and folders of them) to a recovered item or a finding.

    Each file is one transaction; refused files are listed with the reason, and the others
    are added. `control` (optional) receives progress and can cancel between files. When the
    store cannot take a file (its disk is full, it cannot be reached), the batch stops there:
    that file's transaction is rolled back whole, the files before it stay added, and the
    report names the file, why, and the files not attempted.
    """
    store.check_writable()  # refused before any picture is read
    files = expand(paths)
    target = _target(store, item, finding)
    limits = limits or ImageLimits()
    added, attached, refused = [], [], []
    # Decoding and hashing (which release the GIL) run a file ahead of the store writes.
    with ThreadPoolExecutor(max_workers=PREPARE_THREADS) as pool:
        prepared = ahead(pool, lambda p: _prepare(p, limits), files, PREPARE_THREADS)
        for done, (path, ready) in enumerate(zip(files, prepared, strict=True)):
            if control is not None:
                control.report(done, len(files), f"Adding {path.name} ({done + 1} of "
                                                  f"{len(files)})")
                if control.cancelled:
                    return AddReport(tuple(added), tuple(attached), tuple(refused), True)
            if isinstance(ready, KnownError):
                refused.append(Refused(str(path), getattr(ready, "reason", str(ready))))
                continue
            try:
                photo = _store_prepared(store, ready, path.name, caption, **target)
            except (StoreError, OSError) as error:
                stopped = Stopped(str(path), _stop_reason(error))
                return AddReport(tuple(added), tuple(attached), tuple(refused), stopped=stopped,
                                 not_attempted=tuple(str(p) for p in files[done + 1:]))
            (added if photo is not None else attached).append(photo or str(path))
    return AddReport(tuple(added), tuple(attached), tuple(refused))


def _stop_reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC,
                                                      getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk holding the store is full; free some space and try again"
    if isinstance(error, OSError):
        return f"the store could not be written ({error.strerror or error})"
    return str(error)


def ahead(pool: ThreadPoolExecutor, work: Callable[[Any], Any], jobs: Iterable[Any],
          in_flight: int) -> Iterator[Any]:
    """`work(job)` for each job on `pool`, in order, with at most `in_flight` + 1 jobs
    started ahead (so that a thousand big pictures are never all in memory at once). Jobs
    not started yet are cancelled when the caller stops early."""
    pending: deque[Future[Any]] = deque()
    try:
        for job in jobs:
            pending.append(pool.submit(work, job))
            if len(pending) > in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


@dataclass(frozen=True)
class _Prepared:
    data: bytes
    digest: str
    facts: Any
    thumbnail: tuple[bytes, int, int]


def _prepare(path: Path, limits: Any) -> _Prepared | KnownError:
    try:
        data = _read(path, limits)
        facts, thumbnail = images.inspect_with_thumbnail(data, path.name, limits, THUMB_SIDE)
        return _Prepared(data, images.sha256_hex(data), facts, thumbnail)
    except KnownError as error:
        return error


def _target(store: Store, item: str | UUID | None, finding: str | UUID | None
            ) -> dict[str, UUID | None]:
    if (item is None) == (finding is None):
        raise ValidationError("item", "give either a recovered item or a finding, not both")
    with store.reading() as uow:
        if finding is not None:
            finding_id = resolve_one(uow, "finding", finding)
            return {"item_id": uow.get("finding", finding_id).item_id, "finding_id": finding_id}
        return {"item_id": resolve_one(uow, "item", item), "finding_id": None}


def _read(path: Path, limits: ImageLimits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            shown, most = readable_sizes(size, limits.max_bytes)
            raise MediaError(path.name, f"is {shown}; at most {most} are accepted")
        return path.read_bytes()
    except OSError as error:
        raise MediaError(path.name, f"cannot be read ({error.strerror or error})") from None


def add_photo_bytes(store: Store, data: bytes, file_name: str, *, item_id: UUID | None,
                    finding_id: UUID | None = None, caption: str = "",
                    limits: ImageLimits | None = None) -> records.Photo | None:
    """Add one picture given as bytes (a pasted image, say); None if it was already attached.

    Raises MediaError (naming the file) when the bytes are not an acceptable picture.
    """
    facts, thumbnail = images.inspect_with_thumbnail(data, file_name, limits or ImageLimits(),
                                                     THUMB_SIDE)
    ready = _Prepared(data, images.sha256_hex(data), facts, thumbnail)
    return _store_prepared(store, ready, file_name, caption, item_id, finding_id)


@retried_writes
def _store_prepared(store: Store, ready: _Prepared, file_name: str, caption: str,
                    item_id: UUID | None, finding_id: UUID | None) -> records.Photo | None:
    with store.writing() as uow:
        if uow.find("photo", sha256=ready.digest, item_id=item_id, finding_id=finding_id):
            return None
        uow.blobs.add(ready.digest, ready.data, ready.facts.media_type)
        uow.blobs.add_derivative(ready.digest, "thumb", *ready.thumbnail)
        return uow.insert("photo", _photo_values(ready.facts, ready.digest, len(ready.data),
                                                 file_name, caption, item_id, finding_id))


def _photo_values(facts: Any, digest: str, size: int, file_name: str, caption: str,
                  item_id: UUID | None, finding_id: UUID | None) -> dict[str, Any]:
    gps = facts.gps
    return {"sha256": digest, "file_name": file_name[:500], "item_id": item_id,
            "finding_id": finding_id, "caption": caption, "media_type": facts.media_type,
            "byte_size": size, "width": facts.width, "height": facts.height,
            "taken_at": facts.taken_at, "orientation": facts.orientation,
            "camera_make": facts.camera_make[:200], "camera_model": facts.camera_model[:200],
            "lens": facts.lens[:200], "gps_latitude": gps.latitude if gps else None,
            "gps_longitude": gps.longitude if gps else None,
            "gps_altitude": gps.altitude if gps else None, "exif": dict(facts.exif)}


def photos_of(store: Store, *, item: str | UUID | None = None,
              finding: str | UUID | None = None) -> list[records.Photo]:
    """The photos of a recovered item (all, its findings' included) or of one finding."""
    with store.reading() as uow:
        if finding is not None:
            filters = {"finding_id": resolve_one(uow, "finding", finding)}
        else:
            filters = {"item_id": resolve_one(uow, "item", item)}
        page = uow.list_page("photo", filters=filters, sort="created", limit=10_000)
        return list(page.rows)


def thumbnails(store: Store, photos: Sequence[records.Photo]) -> dict[UUID, bytes]:
    """{photo id: thumbnail JPEG} for many photos at once (galleries)."""
    with store.reading() as uow:
        by_hash = uow.blobs.thumbnails(sorted({p.sha256 for p in photos}))
    return {p.id: by_hash[p.sha256] for p in photos if p.sha256 in by_hash}


def picture(store: Store, photo: records.Photo | UUID, kind: str = "display") -> bytes:
    """A photo's bytes: 'original' (exactly as added), 'display' (made once, then cached)
    or 'thumb'."""
    photo = photo if isinstance(photo, records.Photo) else _photo(store, photo)
    with store.reading() as uow:
        if kind == "original":
            return uow.blobs.original(photo.sha256) or b""
        cached = uow.blobs.derivative(photo.sha256, kind)
        if cached is not None:
            return cached[0]
        original = uow.blobs.original(photo.sha256) or b""
    data, width, height = images.make_display_copy(original, DISPLAY_SIDE)
    if store.read_only is None:  # a store open read-only shows the copy without keeping it
        with store.writing() as uow:  # (a viewer's shared store is open read-only)
            uow.blobs.add_derivative(photo.sha256, kind, data, width, height)
    return data


def _photo(store: Store, photo_id: UUID) -> records.Photo:
    with store.reading() as uow:
        return uow.get("photo", photo_id)


def verify(store: Store, control: Control = None) -> VerifyReport:
    """Check every original and every photo: each original is re-hashed, each photo must have
    its original, and each original a photo that refers to it.

    Mismatches are reported with their photos, items and who added them; so are photos whose
    original is missing, and originals no photo refers to, with who stored them. The check
    and every problem are written to the audit trail, except on a store open read-only
    (`recorded` is then False).
    """
    with store.reading() as uow:
        total, _ = uow.blobs.count()
        failures = _rehash(uow, total, control)
        report = VerifyReport(
            total, tuple(failures), uow.blobs.count_photos(),
            tuple(uow.get_many("photo", uow.blobs.photos_without_original())),
            tuple(uow.blobs.originals_without_photo()), recorded=store.read_only is None)
    if report.recorded:
        _audit_verification(store, report)
    return report


def _rehash(uow: Any, total: int, control: Control) -> list[IntegrityFailure]:
    failures = []
    for done, (digest, data) in enumerate(uow.blobs.each_original()):
        if control is not None:
            control.report(done, total, f"Checking {done + 1} of {total}")
            control.check()
        actual = images.sha256_hex(data)
        if actual != digest:
            failures.append(IntegrityFailure(digest, actual,
                                             tuple(uow.find("photo", sha256=digest))))
    return failures


@retried_writes
def _audit_verification(store: Store, report: VerifyReport) -> None:
    with store.writing() as uow:
        uow.record_audit("verify", "photo", None, {}, {
            "checked": report.checked, "failures": report.problems,
            "mismatches": len(report.failures), "photos_checked": report.photos_checked,
            "photos_without_original": len(report.photos_without_original),
            "originals_without_photo": len(report.originals_without_photo)}, changed=False)
        for failure in report.failures:
            for photo in failure.photos or (None,):
                uow.record_audit("verify failed", "photo", photo.id if photo else None, {}, {
                    "problem": "mismatch", "sha256": failure.sha256,
                    "actual_sha256": failure.actual, **_photo_facts(photo)}, changed=False)
        for photo in report.photos_without_original:
            uow.record_audit("verify failed", "photo", photo.id, {}, {
                "problem": "original missing", "sha256": photo.sha256, **_photo_facts(photo)},
                changed=False)
        for original in report.originals_without_photo:
            uow.record_audit("verify failed", "photo", None, {}, {
                "problem": "no photo refers to the original", "sha256": original.sha256,
                "byte_size": original.byte_size, "stored_by": original.created_by,
                "stored_at": original.created_at.isoformat() if original.created_at else ""},
                changed=False)


def _photo_facts(photo: records.Photo | None) -> dict[str, str]:
    """Which photo it is, for the audit trail: file, item, who added it and when."""
    return {"file_name": photo.file_name if photo else "",
            "item": photo.item_case_reference if photo else "",
            "added_by": photo.created_by if photo else "",
            "added_at": photo.created_at.isoformat() if photo and photo.created_at else ""}


def export(store: Store, photo_ids: Sequence[UUID], folder: str | Path, *,
           redacted: bool = True, control: Control = None) -> list[Path]:
    """Write photos to `folder`: redacted copies (no GPS or identifying metadata; the default
    for anything leaving the organisation) or the originals byte for byte.

    The folder is made when missing. A folder that is a file, or cannot be made or written to,
    and an unknown photo id are refused (ValidationError, NotFoundError) before any is written.
    """
    chosen = [_photo(store, photo_id) for photo_id in photo_ids]
    target = _export_folder(folder)
    written = []
    for done, photo in enumerate(chosen):
        if control is not None:
            control.report(done, len(chosen), "Exporting")
            control.check()
        data = picture(store, photo, "original")
        out = target / _export_name(photo, redacted)
        try:
            out.write_bytes(redact.redacted_copy(data, photo.file_name) if redacted else data)
        except OSError as error:
            raise ValidationError("folder", f"{out} cannot be written "
                                            f"({error.strerror or error})") from None
        written.append(out)
    return written


def _export_folder(folder: str | Path) -> Path:
    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        raise ValidationError("folder", f"{target} is a file, not a folder; give the folder "
                                        "to write the photos to")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ValidationError("folder", f"{target} cannot be made "
                                        f"({error.strerror or error})") from None
    return target


def _export_name(photo: records.Photo, redacted: bool) -> str:
    stem = Path(photo.file_name).stem or photo.sha256[:12]
    prefix = f"{photo.sha256[:8]}-{stem}"
    if redacted:
        return f"{prefix}-redacted{redact.redacted_suffix(photo.media_type)}"
    return f"{prefix}{Path(photo.file_name).suffix or images.original_suffix(photo.media_type)}"



def prepare_display_copies(store: Store, photo_ids: Sequence[UUID],
                           control: Control = None) -> int:
    """Make the display copies of new photos ahead of their first view (run in the
    background after adding); returns how many were made."""
    made = 0
    for done, photo_id in enumerate(photo_ids):
        if control is not None:
            control.report(done, len(photo_ids), "Preparing photos for viewing")
            control.check()
        photo = _photo(store, photo_id)
        with store.reading() as uow:
            cached = uow.blobs.derivative(photo.sha256, "display") is not None
        if not cached:
            picture(store, photo, "display")
            made += 1
    return made
