"""The frame every brief shares: marking on every page, "Page n of N", contents, fonts for
every script, metadata, reproducible output, and no half-written file at the target."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import pytest
from reportlab.platypus import PageBreak, Paragraph

from forensics_gui.core.chains import Citation, LinkFact
from forensics_gui.reports import evidence, fonts
from forensics_gui.reports.document import (
    BriefDocument,
    BriefMeta,
    Cancelled,
    Heading,
    contents,
    styles,
    title_page,
    write_atomically,
)
from forensics_gui.reports.fonts import markup
from forensics_gui.reports.words import EN, UK, Words
from tests import pdf_tools


@pytest.fixture(autouse=True)
def _poppler() -> None:
    pdf_tools.require()


MIXED = "Marking РП15-50ШВ-В by 深圳市华强电子有限公司"


def meta(**changes: object) -> BriefMeta:
    values = {"title": "Teardown report: DEMO-1", "subtitle": "Shahed-136", "kind":
              "Teardown report", "author": "analyst", "marking": "OFFICIAL-SENSITIVE",
              "marking_rank": 20, "created": "2026-12-05 10:00 UTC"}
    return BriefMeta(**(values | changes))  # type: ignore[arg-type]


def build(path: Path, sections: int = 3, **kwargs: object) -> Path:
    sheet = styles()
    info = meta()

    def make(target: str) -> None:
        doc = BriefDocument(target, info, invariant=True, **kwargs)  # type: ignore[arg-type]
        story = title_page(sheet, info, [("Date", "2026-12-05")]) + contents(sheet, "Contents")
        for number in range(1, sections + 1):
            story += [PageBreak(), Heading(f"{number}. Section {number}", sheet["H1"], 0),
                      Paragraph(markup(MIXED), sheet["Body"])]
        doc.write(story)

    return write_atomically(path, make)


def text_of(path: Path) -> list[str]:
    return pdf_tools.pages(path)


def test_every_page_carries_the_marking_and_its_number(tmp_path: Path) -> None:
    pages = text_of(build(tmp_path / "b.pdf"))
    assert len(pages) == 5  # title, contents, three sections
    for number, page in enumerate(pages, 1):
        assert page.count("OFFICIAL-SENSITIVE") == 2, f"marking top and bottom of page {number}"
        assert f"Page {number} of 5" in page
    assert "1. Section 1" in pages[1] and "3. Section 3" in pages[1]  # the contents


def test_every_script_is_drawn_with_an_embedded_font(tmp_path: Path) -> None:
    path = build(tmp_path / "b.pdf")
    assert MIXED in " ".join(text_of(path)[2].split())
    listed = pdf_tools.fonts(path)
    assert listed and all(font["embedded"] == "yes" for font in listed), listed
    assert any("DroidSansFallback" in font["name"] for font in listed)
    assert fonts.missing_glyphs(MIXED) == ""


def test_the_pdf_says_what_it_is(tmp_path: Path) -> None:
    info = pdf_tools.info(build(tmp_path / "b.pdf"))
    assert info["Title"] == "Teardown report: DEMO-1"
    assert info["Author"] == "analyst" and info["Subject"] == "Teardown report"


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    assert build(tmp_path / "a.pdf").read_bytes() == build(tmp_path / "b.pdf").read_bytes()


def test_a_cancelled_or_failed_build_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the previous brief")

    def cancel() -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        build(target, check=cancel)
    assert target.read_bytes() == b"the previous brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"], "no temporary file left"


def test_citations_are_numbered_once_with_their_grades() -> None:
    citations = evidence.Citations()
    a = Citation(source_id=uuid4(), title="Customs record", reliability="B",
                 credibility=2)
    b = Citation(source_id=uuid4(), title="Press", reliability="D",
                 credibility=4)
    link = LinkFact(id=a.source_id, seller_id=a.source_id, buyer_id=b.source_id,
                    status="probable", citations=(b, a), part_number="STM32F405RGT6")
    sentence = evidence.link_sentence(link, "Maker", "Distributor (fictional)", citations,
                                      Words())
    assert sentence.startswith("<b>probable</b>: Maker → Distributor (fictional)")
    assert sentence.endswith("[1] B2, [2] D4"), "the better source first"
    assert citations.cite(a) == "[1] B2"
    assert evidence.grade_words(a, Words("uk")) == "B2 — здебільшого надійне, імовірно правдиве"


def test_both_languages_have_every_word() -> None:
    assert set(EN) == set(UK)
    with pytest.raises(ValueError, match="briefs are written in en or uk"):
        Words("de")
