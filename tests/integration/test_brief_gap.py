"""The sanctions-gap brief, read back as a reader would get it: the parts whose chains pass
through no company designated today after the maker, the companies on them designated
nowhere, every link with its status word and graded sources, and each small part's graph."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.reports import briefs
from forensics_gui.services import gap, records, stores
from forensics_gui.services.briefs.common import BriefOptions
from tests import pdf_tools
from tests.integration.brief_store import generate

AT = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
TRADER = "Harbour Star Electronics Ltd (fictional)"
GULF = "Gulf Bridge Trading FZE (fictional)"


@pytest.fixture(autouse=True)
def _poppler() -> None:
    pdf_tools.require()


def write(store: stores.Store, path: Path, **options: Any) -> briefs.BriefResult:
    return briefs.write(store, "gap", None, path, BriefOptions(**options), invariant=True,
                        at=AT)


def body(path: Path, start: str, end: str) -> str:
    pages = pdf_tools.pages(path)[2:]
    text = " ".join(" ".join(pages).split())
    begin = text.index(start)
    return text[begin:text.index(end, begin)]


def test_the_gap_brief_holds_the_gap_list(demo_store: stores.Store, tmp_path: Path) -> None:
    result = write(demo_store, tmp_path / "gap.pdf")
    pages = pdf_tools.pages(result.path)
    assert result.pages == len(pages) and 5 <= len(pages) <= 15
    for number, page in enumerate(pages, 1):
        assert page.count("OFFICIAL") >= 2, f"the marking on page {number}"
        assert f"Page {number} of {len(pages)}" in page
    text = pdf_tools.words(result.path)
    listed = gap.sanctions_gap(demo_store)
    for expected in ("Sanctions gap", "supply links of every date",
                     f"Of the {listed.subjects_examined} parts and findings with supply links "
                     f"examined, {len(listed.parts)} have probable chains",
                     f"On those chains, {len(listed.organizations)} companies are designated",
                     "STM32F765VIT6: components made by STMicroelectronics",
                     "Chain 1, probable: STMicroelectronics → Northwind Components GmbH",
                     "(CH → DE → HK (hub) → RU)",
                     f"probable: Northwind Components GmbH (fictional) → {TRADER}",
                     "Companies on those chains designated nowhere",
                     f"{TRADER} · HK (transshipment hub) · trading company · designated by no "
                     "authority today", "Supply graph of STM32F765VIT6: counts",
                     "How to read this brief", "How this brief was made", "sanctions gap"):
        assert expected in text, expected
    assert "supplied" not in body(result.path, "Summary", "Sources")
    assert pdf_tools.run("pdfimages", "-list", result.path).splitlines()[2:] == []
    assert all(f["embedded"] == "yes" for f in pdf_tools.fonts(result.path))
    assert pdf_tools.info(result.path)["Title"] == "Sanctions gap"


def test_citations_resolve_to_the_source_list(demo_store: stores.Store,
                                              tmp_path: Path) -> None:
    pages = pdf_tools.pages(write(demo_store, tmp_path / "g.pdf").path)
    start = next(i for i, p in enumerate(pages) if re.search(r"^\s*Sources\s*$", p, re.M)
                 and i > 1)
    text = " ".join(" ".join(pages[2:start]).split())
    listed = " ".join(" ".join(pages[start:]).split())
    cited = {int(n) for n in re.findall(r"\[(\d+)\] [A-F][1-6]", text)}
    assert cited and cited == set(range(1, max(cited) + 1))
    for number in cited:
        assert re.search(rf"\[{number}\] .+? [A-F][1-6] — ", listed), number
    for status in ("documented", "probable", "hypothesis"):  # the status word comes first
        assert re.search(rf"• {status}: [^•]+? → [^•]+? · \[\d+\] [A-F][1-6]", text), status


def test_a_designation_in_force_takes_a_part_out_of_the_gap(demo_store: stores.Store,
                                                            tmp_path: Path) -> None:
    records.create(demo_store, "designation", {"organization_id": TRADER, "authority": "OFAC",
                                               "listed_on": "2023-05-19"})
    records.create(demo_store, "designation", {"organization_id": GULF, "authority": "EU",
                                               "listed_on": "2023-01-01",
                                               "delisted_on": "2024-01-01"})
    text = pdf_tools.words(write(demo_store, tmp_path / "g.pdf").path)
    assert "STM32F765VIT6: components made by" not in text
    assert "AD22100STZ: components made by Analog Devices" in text
    assert f"{TRADER} ·" not in body_text(text, "Companies on those chains")
    assert (f"{GULF} · AE (transshipment hub) · trading company · formerly designated: EU "
            "2023-01-01, delisted 2024-01-01") in text


def body_text(text: str, start: str) -> str:
    return text[text.index(start):text.index("Sources No.")]


def test_a_period_and_hypotheses_left_out(demo_store: stores.Store, tmp_path: Path) -> None:
    dated = write(demo_store, tmp_path / "p.pdf", period_from="2023-03-01").path
    text = pdf_tools.words(dated)
    assert "supply links dated 2023-03-01 to …" in text
    assert "Only supply links dated from 2023-03-01 to … are considered" in text
    assert "TSM0505S: components made by Traco Power" in text
    assert "STM32F765VIT6: components" not in text and "AD22100STZ: components" not in text
    trimmed = write(demo_store, tmp_path / "h.pdf", without_hypotheses=True).path
    parts = body(trimmed, "Parts whose chains", "Sources")
    assert "hypothesis:" not in parts
    assert "Each of its chains in the gap has a hypothesis-level link: left out" in parts
    assert "Chain 1, probable: STMicroelectronics" in parts
    assert "hypothesis-level links left out" in pdf_tools.words(trimmed)  # last page


def test_the_same_store_and_options_give_the_same_pdf(demo_store: stores.Store,
                                                      tmp_path: Path) -> None:
    first = write(demo_store, tmp_path / "1.pdf").path.read_bytes()
    assert write(demo_store, tmp_path / "2.pdf").path.read_bytes() == first


def test_a_gap_brief_in_ukrainian(demo_store: stores.Store, tmp_path: Path) -> None:
    text = pdf_tools.words(write(demo_store, tmp_path / "uk.pdf", language="uk").path)
    for expected in ("Санкційні прогалини", "Сторінка 1 з", "OFFICIAL",
                     "Деталі, ланцюги яких не проходять через жодну компанію під санкціями",
                     "STM32F765VIT6: компоненти виробництва STMicroelectronics",
                     "задокументовано: STMicroelectronics", "ймовірно:", TRADER,
                     "Граф постачання: STM32F765VIT6"):
        assert expected in text, expected
    assert "Companies on those chains" not in text


def test_the_gap_brief_takes_no_reference(demo_store: stores.Store, tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    with pytest.raises(ValidationError, match="takes no reference"):
        briefs.write(demo_store, "gap", "STM32F765VIT6", folder / "x.pdf")
    with pytest.raises(ValidationError, match="before the start of the period"):
        write(demo_store, folder / "y.pdf", period_from="2024-01-01", period_to="2023-01-01")
    assert not folder.exists() or not list(folder.iterdir())


def test_a_gap_brief_from_a_larger_store(store: stores.Store, tmp_path: Path) -> None:
    generate(store)
    listed = gap.sanctions_gap(store)
    result = write(store, tmp_path / "big.pdf")
    pages = pdf_tools.pages(result.path)
    assert 8 <= len(pages) <= 60
    assert all(p.count(result.marking) >= 2 for p in pages)
    text = pdf_tools.words(result.path)
    assert (f"Of the {listed.subjects_examined} parts and findings with supply links examined, "
            f"{len(listed.parts)} have probable chains") in text
    for part in listed.parts:
        assert f"{part.label}: components made by" in text
    for org in listed.organizations[:5]:
        assert f"{org.party.name} · {org.party.country}" in text
    drawn = text.count(": counts the supply links recorded for it")
    not_drawn = text.count("is not drawn here")
    assert drawn + not_drawn == len(listed.parts) and drawn
    assert pdf_tools.run("pdfimages", "-list", result.path).splitlines()[2:] == []
    assert all(f["embedded"] == "yes" for f in pdf_tools.fonts(result.path))
