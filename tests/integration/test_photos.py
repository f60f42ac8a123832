"""Photo evidence through the services, on SQLite and PostgreSQL: ingest, deduplication,
metadata, copies, integrity checks, export and annotations."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PIL import ExifTags, Image
from sqlalchemy import event, exc, text

from forensics_gui.core.errors import (
    IntegrityRuleError,
    NotFoundError,
    StoreReadOnlyError,
    ValidationError,
)
from forensics_gui.core.ids import new_id
from forensics_gui.services import audit, photos, records, stores
from forensics_gui.storage.blobs import BlobStore

from .support import store_original

SMALL = (640, 480)


def _jpeg(path: Path, size: tuple[int, int] = SMALL, *, gps: bool = True,
          orientation: int = 1, colour: tuple[int, int, int] = (200, 40, 40)) -> Path:
    image = Image.new("RGB", size, colour)
    for x in range(0, size[0], 16):  # some structure so that copies can be compared
        image.paste((20, 20, 200), (x, 0, x + 4, size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "Canon EOS 90D"
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2024:03:02 14:05:09"
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update({
            ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (50.0, 27.0, 0.0),
            ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (30.0, 31.0, 12.0)})
    image.save(path, "JPEG", exif=exif, quality=90)
    return path


@pytest.fixture
def item(store: stores.Store) -> object:
    records.create(store, "system", {"name": "Shahed-136"})
    return records.create(store, "item", {"system_type_id": "Shahed-136",
                                          "case_reference": "UA-PH-1"})


def _blob_count(store: stores.Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM photo_blob")).scalar_one()


def test_add_reads_metadata_and_keeps_the_original(store: stores.Store, item: object,
                                                    tmp_path: Path) -> None:
    path = _jpeg(tmp_path / "board.jpg", orientation=6)
    report = photos.add_photos(store, [path], item="UA-PH-1", caption="guidance board")
    (photo,) = report.added
    assert photo.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (photo.camera_make, photo.camera_model, photo.orientation) == ("Canon",
                                                                          "Canon EOS 90D", 6)
    assert photo.gps_latitude == pytest.approx(50.45) and photo.gps_longitude > 30.5
    assert photo.taken_at is not None and photo.taken_at.year == 2024
    assert photo.created_by == store.actor and photo.item_case_reference == "UA-PH-1"
    assert photos.picture(store, photo, "original") == path.read_bytes()
    thumb = Image.open(io.BytesIO(photos.thumbnails(store, [photo])[photo.id]))
    assert thumb.height > thumb.width  # orientation 6: shown upright (portrait)
    created = audit.history(store, "photo", photo.id)[0]
    assert created.new_values["sha256"] == photo.sha256


def test_same_picture_is_stored_once_and_linked_twice(store: stores.Store, item: object,
                                                      tmp_path: Path) -> None:
    path = _jpeg(tmp_path / "a.jpg")
    copy = shutil.copy(path, tmp_path / "same-picture-other-name.jpg")
    first = photos.add_photos(store, [path], item="UA-PH-1")
    again = photos.add_photos(store, [copy], item="UA-PH-1")
    assert len(first.added) == 1 and again.already_attached == (str(copy),)
    finding = records.create(store, "finding", {"item_id": "UA-PH-1", "marking": "U12"})
    linked = photos.add_photos(store, [copy], finding=finding.id)
    assert len(linked.added) == 1 and linked.added[0].finding_id == finding.id
    assert _blob_count(store) == 1
    assert len(photos.photos_of(store, item="UA-PH-1")) == 2


def test_a_batch_goes_on_past_refused_files(store: stores.Store, item: object,
                                            tmp_path: Path) -> None:
    folder = tmp_path / "teardown"
    folder.mkdir()
    _jpeg(folder / "1.jpg", colour=(10, 10, 10))
    (folder / "notes.jpg").write_text("not a picture at all")
    good = _jpeg(tmp_path / "2.jpg", colour=(90, 90, 90)).read_bytes()
    (folder / "cut.jpg").write_bytes(good[: len(good) // 2])
    _jpeg(folder / "3.jpeg", colour=(250, 250, 250))
    report = photos.add_photos(store, [folder], item="UA-PH-1")
    assert sorted(p.file_name for p in report.added) == ["1.jpg", "3.jpeg"]
    refused = {Path(r.path).name: r.reason for r in report.refused}
    assert set(refused) == {"notes.jpg", "cut.jpg"}
    assert _blob_count(store) == 2
    assert records.count(store, "photo") == 2


def test_a_cut_heic_is_refused_and_nothing_is_stored(store: stores.Store, item: object,
                                                     tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    picture = Image.new("RGB", (320, 240), (200, 40, 40))
    whole = io.BytesIO()
    picture.save(whole, "HEIF", exif=Image.Exif().tobytes(), quality=80)
    assert pillow_heif.is_supported(whole.getvalue())
    cut = tmp_path / "IMG_0042.HEIC"
    cut.write_bytes(whole.getvalue()[:-200])
    report = photos.add_photos(store, [cut], item="UA-PH-1")
    assert not report.added and [Path(r.path).name for r in report.refused] == [cut.name]
    assert "HEIC/HEIF image but it is damaged or truncated" in report.refused[0].reason
    assert _blob_count(store) == 0 and records.count(store, "photo") == 0


def test_a_file_over_the_size_limit_is_refused(store: stores.Store, item: object,
                                               tmp_path: Path) -> None:
    path = _jpeg(tmp_path / "big.jpg")
    report = photos.add_photos(store, [path], item="UA-PH-1",
                               limits=photos.ImageLimits(max_bytes=1000))
    assert not report.added
    assert re.fullmatch(r"is \d+\.\d KB; at most 1,000 bytes are accepted",
                        report.refused[0].reason), report.refused[0].reason
    assert _blob_count(store) == 0


def test_photos_need_exactly_one_target(store: stores.Store, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        photos.add_photos(store, [_jpeg(tmp_path / "x.jpg")])


def test_display_copy_is_made_once_and_cached(store: stores.Store, item: object,
                                              tmp_path: Path) -> None:
    (photo,) = photos.add_photos(store, [_jpeg(tmp_path / "d.jpg", (3000, 2000))],
                                 item="UA-PH-1").added
    first = photos.picture(store, photo, "display")
    assert Image.open(io.BytesIO(first)).size == (2048, 1365)
    with store.engine.connect() as connection:
        kinds = connection.execute(text("SELECT kind FROM photo_derivative")).scalars().all()
    assert sorted(kinds) == ["display", "thumb"]
    assert photos.picture(store, photo, "display") == first


def test_originals_cannot_be_changed_with_sql(store: stores.Store, item: object,
                                              tmp_path: Path) -> None:
    photos.add_photos(store, [_jpeg(tmp_path / "o.jpg")], item="UA-PH-1")
    with pytest.raises(exc.DBAPIError), store.engine.begin() as connection:
        connection.execute(text("UPDATE photo_blob SET data = :d"), {"d": b"forged"})


def _tamper(store: stores.Store) -> None:
    """What damage or forgery at the file level would do, past the store's own guard."""
    with store.engine.begin() as connection:
        if store.kind == "postgresql":  # the shared test database keeps its guard
            connection.execute(text("ALTER TABLE photo_blob DISABLE TRIGGER photo_blob_no_update"))
        else:
            connection.execute(text("DROP TRIGGER photo_blob_no_update"))
        connection.execute(text("UPDATE photo_blob SET data = :d"), {"d": b"forged bytes"})
        if store.kind == "postgresql":
            connection.execute(text("ALTER TABLE photo_blob ENABLE TRIGGER photo_blob_no_update"))


def test_verify_reports_mismatches_and_audits_them(store: stores.Store, item: object,
                                                   tmp_path: Path) -> None:
    (photo,) = photos.add_photos(store, [_jpeg(tmp_path / "v.jpg")], item="UA-PH-1").added
    clean = photos.verify(store)
    assert (clean.checked, clean.failures) == (1, ())
    _tamper(store)
    report = photos.verify(store)
    (failure,) = report.failures
    assert failure.sha256 == photo.sha256 and failure.photos[0].id == photo.id
    assert failure.actual == hashlib.sha256(b"forged bytes").hexdigest()
    events = audit.history(store, "photo", photo.id)
    failed = [e for e in events if e.action == "verify failed"]
    assert failed and failed[0].new_values["added_by"] == store.actor
    assert failed[0].new_values["item"] == "UA-PH-1"
    checks = [e for e in audit.history(store, "photo") if e.action == "verify"]
    assert [c.new_values["failures"] for c in checks] == [1, 0]


def _drop_original(store: stores.Store, sha256: str) -> None:
    """What damage, or a tool that switched the store's references and triggers off, would
    do: the original of a photo gone while the photo stays."""
    if store.kind == "postgresql":
        with store.engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            connection.execute(text("DELETE FROM photo_blob WHERE sha256 = :s"), {"s": sha256})
        return
    with closing(sqlite3.connect(store.location.path)) as outside, outside:
        for (trigger,) in outside.execute("SELECT name FROM sqlite_master WHERE type = "
                                          "'trigger' AND tbl_name = 'photo_blob'").fetchall():
            outside.execute(f'DROP TRIGGER "{trigger}"')
        outside.execute("DELETE FROM photo_derivative WHERE sha256 = ?", (sha256,))
        outside.execute("DELETE FROM photo_blob WHERE sha256 = ?", (sha256,))


def test_verify_reports_photos_without_original_and_originals_without_photo(
        store: stores.Store, item: object, tmp_path: Path) -> None:
    kept, lost = photos.add_photos(store, [_jpeg(tmp_path / "kept.jpg", colour=(1, 2, 3)),
                                           _jpeg(tmp_path / "lost.jpg", colour=(9, 9, 9))],
                                   item="UA-PH-1").added
    stray = b"an original no photo refers to"
    store_original(store, hashlib.sha256(stray).hexdigest(), stray)
    _drop_original(store, lost.sha256)
    report = photos.verify(store)
    assert (report.checked, report.photos_checked, report.failures) == (2, 2, ())
    assert [p.id for p in report.photos_without_original] == [lost.id]
    (unused,) = report.originals_without_photo
    assert (unused.sha256, unused.byte_size) == (hashlib.sha256(stray).hexdigest(), len(stray))
    assert unused.created_by == store.actor and unused.created_at is not None
    assert report.problems == 2 and report.recorded
    (missing,) = [e for e in audit.history(store, "photo", lost.id) if e.action == "verify failed"]
    assert missing.new_values == {
        "problem": "original missing", "sha256": lost.sha256, "file_name": "lost.jpg",
        "item": "UA-PH-1", "added_by": store.actor, "added_at": lost.created_at.isoformat()}
    events = audit.history(store, "photo")
    (stray_event,) = [e for e in events if e.action == "verify failed" and e.record_id is None]
    assert stray_event.new_values["problem"] == "no photo refers to the original"
    assert stray_event.new_values["stored_by"] == store.actor
    (check,) = [e for e in events if e.action == "verify"]
    assert (check.new_values["failures"], check.new_values["photos_without_original"],
            check.new_values["originals_without_photo"]) == (2, 1, 1)
    assert not [e for e in audit.history(store, "photo", kept.id) if e.action != "create"]


def _address(store: stores.Store) -> str:
    return str(store.location.path) if store.kind == "sqlite" else store.location.url


def test_verify_on_a_store_open_read_only_writes_no_audit(store: stores.Store, item: object,
                                                          tmp_path: Path) -> None:
    photos.add_photos(store, [_jpeg(tmp_path / "v.jpg")], item="UA-PH-1")
    reader = stores.open_existing(_address(store), read_only=True)
    try:
        report = photos.verify(reader)
    finally:
        reader.close()
    assert (report.checked, report.problems, report.recorded) == (1, 0, False)
    assert [e.action for e in audit.history(store, "photo")] == ["create"]


def _full_disk(failure: str) -> BaseException:
    if failure == "oserror":
        return OSError(errno.ENOSPC, "No space left on device")
    return exc.OperationalError("INSERT INTO photo_blob", {},
                                sqlite3.OperationalError("database or disk is full"))


@pytest.mark.parametrize("failure", ["oserror", "store error"])
def test_a_full_disk_stops_the_batch_and_keeps_what_was_added(
        store: stores.Store, item: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        failure: str) -> None:
    files = [_jpeg(tmp_path / f"{n}.jpg", colour=(n * 40, 10, 10)) for n in range(1, 5)]
    written: list[str] = []
    store_original_bytes = BlobStore.add

    def add(blobs: BlobStore, sha256: str, data: bytes, media_type: str) -> bool:
        stored = store_original_bytes(blobs, sha256, data, media_type)
        written.append(sha256)
        if len(written) == 3:  # the third original is half written when the disk fills
            raise _full_disk(failure)
        return stored

    monkeypatch.setattr(BlobStore, "add", add)
    report = photos.add_photos(store, files, item="UA-PH-1")
    assert [p.file_name for p in report.added] == ["1.jpg", "2.jpg"]
    assert report.stopped is not None and report.stopped.path == str(files[2])
    assert "disk" in report.stopped.reason and "full" in report.stopped.reason
    assert report.not_attempted == (str(files[3]),) and not report.refused
    monkeypatch.undo()
    assert _blob_count(store) == 2 and records.count(store, "photo") == 2
    assert photos.verify(store).problems == 0  # no photo without its original, none half kept
    again = photos.add_photos(store, files, item="UA-PH-1")  # once there is room again
    assert [p.file_name for p in again.added] == ["3.jpg", "4.jpg"]


def test_a_sqlite_store_whose_file_cannot_grow_stops_the_batch(
        sqlite_store: stores.Store, tmp_path: Path) -> None:
    """SQLite's own 'database or disk is full', from a file not allowed to grow further."""
    records.create(sqlite_store, "system", {"name": "Shahed-136"})
    records.create(sqlite_store, "item", {"system_type_id": "Shahed-136",
                                          "case_reference": "UA-PH-1"})
    files = []
    for n in range(3):
        noise = Image.frombytes("RGB", SMALL, os.urandom(SMALL[0] * SMALL[1] * 3))
        noise.save(tmp_path / f"noise-{n}.png")  # about 900 kB each, kept byte for byte
        files.append(tmp_path / f"noise-{n}.png")
    with sqlite_store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    limit = int(pages + 1.5 * files[0].stat().st_size // 4096)

    def cannot_grow(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit}")

    event.listen(sqlite_store.engine, "connect", cannot_grow)
    sqlite_store.engine.dispose()
    report = photos.add_photos(sqlite_store, files, item="UA-PH-1")
    assert [p.file_name for p in report.added] == ["noise-0.png"]
    assert report.stopped is not None and report.stopped.path == str(files[1])
    assert report.stopped.reason.startswith(f"the disk holding {sqlite_store.location.display} "
                                            "is full")
    assert report.not_attempted == (str(files[2]),)
    assert _blob_count(sqlite_store) == 1 and photos.verify(sqlite_store).problems == 0


def test_a_store_open_read_only_refuses_photos_before_reading_them(
        store: stores.Store, item: object, tmp_path: Path) -> None:
    reader = stores.open_existing(_address(store), read_only=True)
    try:
        with pytest.raises(StoreReadOnlyError, match="the store is open read-only"):
            photos.add_photos(reader, [_jpeg(tmp_path / "r.jpg")], item="UA-PH-1")
    finally:
        reader.close()
    assert _blob_count(store) == 0


def test_export_originals_byte_for_byte_and_redacted_copies(store: stores.Store, item: object,
                                                            tmp_path: Path) -> None:
    path = _jpeg(tmp_path / "gps.jpg")
    (photo,) = photos.add_photos(store, [path], item="UA-PH-1").added
    (original,) = photos.export(store, [photo.id], tmp_path / "out", redacted=False)
    assert original.read_bytes() == path.read_bytes()
    (redacted,) = photos.export(store, [photo.id], tmp_path / "out")
    assert "redacted" in redacted.name
    exif = Image.open(redacted).getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo) and ExifTags.Base.Model not in exif
    if shutil.which("exiftool") or os.environ.get("FORENSICS_REQUIRE_EXIFTOOL") == "1":
        out = subprocess.run(["exiftool", "-G", "-a", str(redacted)], capture_output=True,
                             text=True, check=True).stdout
        assert "GPS" not in out and "Canon" not in out


def test_export_refuses_a_target_that_is_a_file_and_writes_nothing(store: stores.Store,
                                                                   item: object,
                                                                   tmp_path: Path) -> None:
    (photo,) = photos.add_photos(store, [_jpeg(tmp_path / "gps.jpg")], item="UA-PH-1").added
    target = tmp_path / "notes.txt"
    target.write_text("kept")
    with pytest.raises(ValidationError, match="is a file, not a folder") as refused:
        photos.export(store, [photo.id], target)
    assert refused.value.field == "folder" and str(target) in str(refused.value)
    with pytest.raises(ValidationError, match="cannot be made"):
        photos.export(store, [photo.id], target / "inside")
    assert target.read_text() == "kept"
    missing = tmp_path / "out"
    with pytest.raises(NotFoundError):  # an unknown photo: refused before anything is written
        photos.export(store, [photo.id, new_id()], missing)
    assert not missing.exists()


def test_annotations_link_regions_to_findings(store: stores.Store, item: object,
                                              tmp_path: Path) -> None:
    (photo,) = photos.add_photos(store, [_jpeg(tmp_path / "pcb.jpg")], item="UA-PH-1").added
    part = records.create(store, "part", {"part_number": "STM32F765VIT6"})
    finding = records.create(store, "finding", {"item_id": "UA-PH-1", "part_id": part.id})
    note = records.create(store, "annotation", {"photo_id": photo.id, "finding_id": finding.id,
                                                "label": "U12", "x": 0.1, "y": 0.2,
                                                "width": 0.3, "height": 0.25})
    assert note.finding_label == "STM32F765VIT6"
    with pytest.raises(ValidationError) as refused:
        records.create(store, "annotation", {"photo_id": photo.id, "x": 0.9, "y": 0.2,
                                             "width": 0.3, "height": 0.25})
    assert refused.value.field == "width"
    listed = records.list_records(store, "annotation", filters={"photo_id": photo.id}).rows
    assert [a.label for a in listed] == ["U12"]
    with pytest.raises(IntegrityRuleError, match="evidence"):
        records.delete(store, "photo", photo.id)
    records.purge(store, "photo", photo.id, "Picture of the wrong item")
    assert records.count(store, "annotation") == 0
