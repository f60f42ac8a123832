"""Photos prepared for a brief on several threads: the same bytes in the same order whatever
the number of threads, a photo that cannot be shown named in its place, progress photo by
photo, and a cancelled brief that stops decoding within a few photos."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from forensics_gui.media import printing
from forensics_gui.reports import briefs
from forensics_gui.services import photos, records, stores
from forensics_gui.services.briefs import common

ITEM = "DEMO-SHAHED-136-001"
AT = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


class Stop(Exception):
    pass


@pytest.fixture
def store(tmp_path: Path, sqlite_demo_template: Path) -> Iterator[stores.Store]:
    """The demo store with six photos of the item, two of them annotated."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(sqlite_demo_template, path)
    opened = stores.open_existing(str(path))
    files = []
    for number in range(6):
        image = Image.new("RGB", (1800 + 40 * number, 1200), (20 + 30 * number, 90, 50))
        draw = ImageDraw.Draw(image)
        for x in range(number * 5, image.width, 35):
            draw.line((x, 0, x + 200, image.height), fill=(200, 190, 90), width=4)
        files.append(tmp_path / f"board-{number}.jpg")
        image.save(files[-1], "JPEG", quality=90)
    added = photos.add_photos(opened, files, item=ITEM).added
    finding = records.list_records(opened, "finding", filters={"item_id": added[0].item_id},
                                   limit=10).rows[0]
    for photo in added[:2]:
        records.create(opened, "annotation", {"photo_id": photo.id, "x": 0.2, "y": 0.3,
                                              "width": 0.2, "height": 0.1, "label": "U7",
                                              "finding_id": finding.id})
    yield opened
    opened.close()


def prepared(store: stores.Store, threads: int, monkeypatch: pytest.MonkeyPatch,
             **kwargs: Any) -> list[common.PrintPhoto]:
    monkeypatch.setattr(common, "PREPARE_THREADS", threads)
    with store.reading() as uow:
        shot = uow.list_page("photo", filters={"item_id": records.get(store, "item", ITEM).id},
                             sort="created", limit=100).rows
        return common.print_photos(uow, shot, {}, common.BriefOptions(), **kwargs)


def test_the_same_photos_in_the_same_order_whatever_the_threads(
        store: stores.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = prepared(store, 1, monkeypatch)
    together = prepared(store, 4, monkeypatch)
    assert [p.photo.file_name for p in alone] == [f"board-{n}.jpg" for n in range(6)]
    assert [(p.photo.id, p.data, p.width, p.height) for p in together] == \
        [(p.photo.id, p.data, p.width, p.height) for p in alone]
    assert all(p.data.startswith(b"\xff\xd8") and not p.problem for p in alone)
    assert max(alone[5].width, alone[5].height) == round(common.PRINT_WIDTH_INCHES * 200)


def test_a_whole_brief_is_the_same_whatever_the_threads(
        store: stores.Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    written = []
    for threads in (1, 3):
        monkeypatch.setattr(common, "PREPARE_THREADS", threads)
        result = briefs.write(store, "teardown", ITEM, tmp_path / f"{threads}.pdf",
                              common.BriefOptions(sections=("recovery", "photos")),
                              invariant=True, at=AT)
        written.append(result.path.read_bytes())
    assert written[0] == written[1]


def test_a_photo_that_cannot_be_shown_keeps_its_place(store: stores.Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real = printing.print_copy

    def fussy(data: bytes, file_name: str, *args: Any, **kwargs: Any) -> Any:
        if file_name == "board-2.jpg":
            raise OSError("broken data stream")
        return real(data, file_name, *args, **kwargs)

    monkeypatch.setattr(printing, "print_copy", fussy)
    ready = prepared(store, 2, monkeypatch)
    assert [bool(p.problem) for p in ready] == [False, False, True, False, False, False]
    assert ready[2].problem == "board-2.jpg cannot be shown: broken data stream"
    assert ready[2].original_bytes > 0 and ready[2].data == b""


def test_progress_photo_by_photo_and_a_cancel_stops_decoding(
        store: stores.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[tuple[int, int, str]] = []
    prepared(store, 2, monkeypatch, progress=lambda d, t, s: said.append((d, t, s)))
    assert said == [(n, 6, f"preparing photo {n} of 6") for n in range(1, 7)]
    decoded: list[str] = []
    real = printing.print_copy

    def counted(data: bytes, file_name: str, *args: Any, **kwargs: Any) -> Any:
        decoded.append(file_name)
        return real(data, file_name, *args, **kwargs)

    monkeypatch.setattr(printing, "print_copy", counted)
    checks = 0

    def check() -> None:
        nonlocal checks
        checks += 1
        if checks == 2:
            raise Stop()

    with pytest.raises(Stop):
        prepared(store, 1, monkeypatch, check=check)
    assert len(decoded) <= 3  # the photo asked for, the one in hand and one ahead
