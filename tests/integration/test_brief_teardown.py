"""The teardown report of one recovered item, read back as a reader would get it."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.reports import briefs
from forensics_gui.services import photos, records, stores
from forensics_gui.services.briefs.common import BriefOptions
from tests import pdf_tools

ITEM = "DEMO-SHAHED-136-001"
AT = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _poppler() -> None:
    pdf_tools.require()


def board(path: Path, size: tuple[int, int] = (4000, 3000)) -> Path:
    image = Image.new("RGB", size, (30, 110, 60))
    for x in range(0, size[0], 40):
        image.paste((200, 200, 200), (x, 0, x + 6, size[1]))
    image.save(path, "JPEG", quality=90)
    return path


def with_photo(store: stores.Store, tmp_path: Path) -> Any:
    report = photos.add_photos(store, [board(tmp_path / "board.jpg")], item=ITEM,
                               caption="flight controller board")
    (photo,) = report.added
    finding = next(f for f in records.list_records(store, "finding",
                                                   filters={"item_id": photo.item_id},
                                                   limit=100).rows
                   if f.part_number == "STM32F765VIT6")
    records.create(store, "annotation", {"photo_id": photo.id, "x": 0.2, "y": 0.3,
                                         "width": 0.1, "height": 0.1, "label": "U3",
                                         "finding_id": finding.id})
    return photo


def write(store: stores.Store, path: Path, **options: Any) -> briefs.BriefResult:
    return briefs.write(store, "teardown", ITEM, path, BriefOptions(**options), invariant=True,
                        at=AT)


def test_a_teardown_report_holds_what_the_store_knows(demo_store: stores.Store,
                                                      tmp_path: Path) -> None:
    with_photo(demo_store, tmp_path)
    result = write(demo_store, tmp_path / "teardown.pdf")
    pages = pdf_tools.pages(result.path)
    assert result.pages == len(pages) >= 8
    for number, page in enumerate(pages, 1):
        assert page.count("OFFICIAL") >= 2, f"the marking on page {number}"
        assert f"Page {number} of {len(pages)}" in page
    assert f"Teardown report: {ITEM}" in " ".join(pages[0].split())
    for expected in ("Recovery and custody", "Demo forensic laboratory",
                     "flight controller board", "STM32F765VIT6", "Makers and countries",
                     "Probable supply chains of STM32F765VIT6",
                     "documented: STMicroelectronics → Northwind Components GmbH (fictional)",
                     "How to read this brief", "realistic possibility",
                     "How this brief was made", "teardown report of recovered item " + ITEM):
        assert expected in pdf_tools.words(result.path), expected
    info = pdf_tools.info(result.path)
    assert info["Title"] == f"Teardown report: {ITEM}" and info["Subject"] == "Teardown report"
    assert all(f["embedded"] == "yes" for f in pdf_tools.fonts(result.path))


def test_citations_resolve_to_the_source_list(demo_store: stores.Store,
                                              tmp_path: Path) -> None:
    pages = pdf_tools.pages(write(demo_store, tmp_path / "t.pdf").path)
    start = next(i for i, p in enumerate(pages) if re.search(r"^\s*Sources\s*$", p, re.M))
    body = " ".join(" ".join(pages[2:start]).split())
    listed = " ".join(" ".join(pages[start:]).split())
    cited = {int(n) for n in re.findall(r"\[(\d+)\] [A-F][1-6]", body)}
    assert cited and cited == set(range(1, max(cited) + 1)), "numbered in order, none skipped"
    for number in cited:
        assert re.search(rf"\[{number}\] .+? [A-F][1-6] — ", listed), number


def test_photos_are_downsampled_to_print_resolution(demo_store: stores.Store,
                                                    tmp_path: Path) -> None:
    with_photo(demo_store, tmp_path)
    small = write(demo_store, tmp_path / "print.pdf")
    full = write(demo_store, tmp_path / "full.pdf", full_resolution_photos=True)
    (image,) = [line.split() for line in pdf_tools.run("pdfimages", "-list", small.path)
                .splitlines()[2:]]
    width, height = int(image[3]), int(image[4])
    assert max(width, height) <= round(6.6 * 200) and width / height == pytest.approx(4 / 3,
                                                                                     rel=0.01)
    assert small.size < full.size / 2


def test_options_leave_out_what_was_asked(demo_store: stores.Store, tmp_path: Path) -> None:
    with_photo(demo_store, tmp_path)
    plain = pdf_tools.words(write(demo_store, tmp_path / "a.pdf").path)
    assert "hypothesis: OOO Vektor Komponent (fictional) → Alabuga" in plain
    assert "camera" not in plain  # the board picture has no camera metadata anyway
    trimmed = write(demo_store, tmp_path / "b.pdf", without_hypotheses=True,
                    sections=("findings", "chains"))
    text = pdf_tools.words(trimmed.path)
    assert "hypothesis: OOO Vektor" not in text
    assert "hypothesis-level links left out" in text
    assert "Photos" not in text and "Recovery and custody" not in text
    assert "sections: findings, chains" in text and "hypothesis-level links left out" in text
    with pytest.raises(ValidationError, match="has no section 'cover'"):
        write(demo_store, tmp_path / "c.pdf", sections=("cover",))


def test_the_same_store_and_options_give_the_same_pdf(demo_store: stores.Store,
                                                      tmp_path: Path) -> None:
    first = write(demo_store, tmp_path / "1.pdf").path.read_bytes()
    assert write(demo_store, tmp_path / "2.pdf").path.read_bytes() == first


def test_a_brief_in_ukrainian_keeps_markings_and_names(demo_store: stores.Store,
                                                        tmp_path: Path) -> None:
    maker = records.create(demo_store, "org", {"name": "深圳华强示例电子 (fictional)",
                                               "country": "CN", "roles": ["manufacturer"]})
    records.create(demo_store, "finding", {"item_id": ITEM, "marking": "РП15-50ШВ-В",
                                           "function": "connector",
                                           "manufacturer_id": maker.id})
    text = pdf_tools.words(write(demo_store, tmp_path / "uk.pdf", language="uk").path)
    assert f"Звіт про розбирання: {ITEM}" in text
    assert "РП15-50ШВ-В" in text and "STM32F765VIT6" in text and "OFFICIAL" in text
    assert "深圳华强示例电子 (fictional)" in text
    assert "Сторінка 1 з" in text and "задокументовано: STMicroelectronics" in text


def test_a_photo_that_cannot_be_decoded_is_named_and_the_brief_still_written(
        demo_store: stores.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    photo = with_photo(demo_store, tmp_path)
    from forensics_gui.media import printing

    def broken(data: bytes, file_name: str, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("the picture data is damaged")

    monkeypatch.setattr(printing, "print_copy", broken)
    text = pdf_tools.words(write(demo_store, tmp_path / "p.pdf").path)
    assert f"Photo not shown: {photo.file_name} cannot be shown: the picture data is " \
           "damaged" in text


def test_nothing_is_left_at_the_target_when_a_brief_fails(demo_store: stores.Store,
                                                          tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"an earlier brief")
    with pytest.raises(NotFoundError, match="there is no recovered item 'NOPE-1'"):
        briefs.write(demo_store, "teardown", "NOPE-1", target, invariant=True)
    assert target.read_bytes() == b"an earlier brief"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".brief-")]


def test_the_last_page_prints_the_audit_chain_head(demo_store: stores.Store,
                                                   tmp_path: Path) -> None:
    """The head printed is the one the store held when the brief was written: checking it
    later (`forensics audit verify --head`) catches a rewrite of the trail."""
    from forensics_gui.services import audit

    head = audit.chain_head(demo_store)
    assert head is not None
    result = write(demo_store, tmp_path / "teardown.pdf")
    last = " ".join(pdf_tools.pages(result.path)[-1].split())
    assert "Audit chain head" in last
    assert str(head) in last  # on one line, to be copied whole
    assert audit.verify_chain(demo_store, [str(head)]).sound
