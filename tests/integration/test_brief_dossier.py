"""The dossier of a part or an organization, read back as a reader would get it: where it was
seen (counted by recovered item, as the screen counts), its chains and links with their status
words and graded sources, its supply graph drawn as vector graphics, and the sanctions status
of every company involved."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from forensics_gui.core.errors import NotFoundError
from forensics_gui.reports import briefs
from forensics_gui.services import records, search, stores
from forensics_gui.services.briefs.common import BriefOptions
from tests import pdf_tools
from tests.integration.brief_store import generate

PART = "STM32F765VIT6"
ITEM = "DEMO-SHAHED-136-001"
AT = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
TRADER = "Harbour Star Electronics Ltd (fictional)"
DISTRIBUTOR = "Northwind Components GmbH (fictional)"


@pytest.fixture(autouse=True)
def _poppler() -> None:
    pdf_tools.require()


def write(store: stores.Store, reference: str, path: Path, **options: Any) -> briefs.BriefResult:
    return briefs.write(store, "dossier", reference, path, BriefOptions(**options),
                        invariant=True, at=AT)


def designate(store: stores.Store) -> None:
    """The trader designated today by OFAC (graded source), the distributor delisted by
    the EU."""
    source = records.create(store, "source", {"title": "OFAC press release (fictional)",
                                              "kind": "official list", "reliability": "A",
                                              "credibility": "1"})
    records.create(store, "designation", {"organization_id": TRADER, "authority": "OFAC",
                                          "programme": "RUSSIA-EO14024",
                                          "listed_on": "2023-05-19", "source_id": source.id})
    records.create(store, "designation", {"organization_id": DISTRIBUTOR, "authority": "EU",
                                          "listed_on": "2022-12-16",
                                          "delisted_on": "2024-03-01"})


def section(path: Path, start: str, end: str | None = None) -> str:
    """The text of the body between two headings (from the page after the contents)."""
    pages = pdf_tools.pages(path)[2:]
    text = " ".join(" ".join(pages).split())
    begin = text.index(start)
    return text[begin:text.index(end, begin)] if end else text[begin:]


def graph_page(path: Path, subject: str) -> str:
    """The page holding the caption of `subject`'s supply graph, white space folded."""
    caption = f"Supply graph of {subject}: counts"
    found = [" ".join(p.split()) for p in pdf_tools.pages(path)]
    return next(p for p in found if caption in p)


def test_a_part_dossier_holds_what_the_store_knows(demo_store: stores.Store,
                                                   tmp_path: Path) -> None:
    designate(demo_store)
    result = write(demo_store, PART, tmp_path / "dossier.pdf")
    pages = pdf_tools.pages(result.path)
    assert result.pages == len(pages) and 5 <= len(pages) <= 12
    for number, page in enumerate(pages, 1):
        assert page.count("OFFICIAL") >= 2, f"the marking on page {number}"
        assert f"Page {number} of {len(pages)}" in page
    text = pdf_tools.words(result.path)
    for expected in (f"Dossier: {PART}", "part made by STMicroelectronics",
                     f"Components with part number {PART} were found in 1 recovered items "
                     "of 1 weapon system types (1 findings)",
                     "Counted as recovered items, not findings", ITEM,
                     f"Probable supply chains of {PART}",
                     f"documented: STMicroelectronics → {DISTRIBUTOR}",
                     "Chain 1, probable:",
                     f"Supply graph of {PART}: counts the supply links recorded for it, 4 "
                     "between 5 organizations; undated: 1",
                     "Sanctions status of the companies involved",
                     "OFAC (RUSSIA-EO14024) · listed 2023-05-19 · in force",
                     "EU · listed 2022-12-16 · delisted 2024-03-01 · delisted",
                     "Counts companies: 1 designated today, 1 formerly designated, 3",
                     "How to read this brief", f"dossier of part {PART}"):
        assert expected in text, expected
    assert "supplied" not in text  # presence is not provenance
    info = pdf_tools.info(result.path)
    assert info["Title"] == f"Dossier: {PART}" and info["Subject"] == "Dossier"
    assert all(f["embedded"] == "yes" for f in pdf_tools.fonts(result.path))


def test_seen_counts_recovered_items_as_the_screen_does(demo_store: stores.Store,
                                                        tmp_path: Path) -> None:
    """Two more findings of the part in the same item and one in another: three items would
    be wrong, four findings are not four observations."""
    other = records.create(demo_store, "item", {"system_type_id": "Shahed-136",
                                                 "case_reference": "TEST-SHAHED-002",
                                                 "handling_marking": "OFFICIAL-SENSITIVE"})
    for item in (ITEM, ITEM, other.id):
        records.create(demo_store, "finding", {"item_id": item, "part_id": PART,
                                               "marking": f"{PART} 2231", "date_code": "2231"})
    part = records.get(demo_store, "part", PART)
    seen = search.seen_before(demo_store, "part", part.id)
    result = write(demo_store, PART, tmp_path / "seen.pdf")
    text = pdf_tools.words(result.path)
    assert (seen.items, seen.findings) == (2, 4)
    assert (f"were found in {seen.items} recovered items of 1 weapon system types "
            f"({seen.findings} findings)") in text
    assert "Without a recovery date: 1 of the 2 recovered items listed" in text
    assert "2231 → 2022-08-01 – 2022-08-07" in text  # week 31 of 2022: production, not shipment
    assert "TEST-SHAHED-002 (OFFICIAL-SENSITIVE)" in text
    assert result.marking == "OFFICIAL-SENSITIVE"
    assert all(p.count("OFFICIAL-SENSITIVE") >= 2 for p in pdf_tools.pages(result.path))


def test_a_dossier_listing_only_some_findings_carries_the_highest_marking(
        demo_store: stores.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings counted but not listed may sit in items of any marking: never under-mark."""
    from forensics_gui.services.briefs import dossier

    records.create(demo_store, "finding", {"item_id": ITEM, "part_id": PART})
    monkeypatch.setattr(dossier, "MAX_SIGHTINGS", 1)
    result = write(demo_store, PART, tmp_path / "some.pdf")
    text = pdf_tools.words(result.path)
    assert result.marking == "SECRET" and all(p.count("SECRET") >= 2
                                              for p in pdf_tools.pages(result.path))
    assert "The 1 most recently recorded of the 2 findings are listed" in text
    assert "the brief carries the highest handling marking of the store" in text


def test_citations_resolve_to_the_source_list(demo_store: stores.Store,
                                              tmp_path: Path) -> None:
    designate(demo_store)
    path = write(demo_store, PART, tmp_path / "d.pdf").path
    pages = pdf_tools.pages(path)
    start = next(i for i, p in enumerate(pages) if re.search(r"^\s*Sources\s*$", p, re.M)
                 and i > 1)
    body = " ".join(" ".join(pages[2:start]).split())
    listed = " ".join(" ".join(pages[start:]).split())
    cited = {int(n) for n in re.findall(r"\[(\d+)\] [A-F][1-6]", body)}
    assert cited and cited == set(range(1, max(cited) + 1)), "numbered in order, none skipped"
    for number in cited:
        assert re.search(rf"\[{number}\] .+? [A-F][1-6] — ", listed), number
    assert re.search(r"\[\d+\] OFAC press release \(fictional\) A1 — completely reliable, "
                     r"confirmed by other sources", listed)


def test_the_supply_graph_is_drawn_in_vectors_with_its_names_as_text(
        demo_store: stores.Store, tmp_path: Path) -> None:
    designate(demo_store)
    path = write(demo_store, PART, tmp_path / "g.pdf").path
    assert pdf_tools.run("pdfimages", "-list", path).splitlines()[2:] == []
    page = graph_page(path, PART)
    for name in ("STMicroelectronics", "Northwind Components GmbH (fictional)",
                 "Harbour Star Electronics Ltd (fictional)", "OOO Vektor Komponent (fictional)",
                 "Alabuga drone production site (demo end user)"):
        assert all(word in page for word in name.split()), name
    for legend in ("Role (fill)", "documented", "probable", "hypothesis", "designated now",
                   "formerly designated", "Designated: OFAC", "Formerly", "designated: EU",
                   "2021-03-15", "undated", "HUB"):
        assert legend in page, legend


def test_an_organization_dossier(demo_store: stores.Store, tmp_path: Path) -> None:
    maker = pdf_tools.words(write(demo_store, "Analog Devices", tmp_path / "m.pdf").path)
    seen = search.seen_before(demo_store, "org", records.get(demo_store, "org",
                                                             "Analog Devices").id)
    assert "Dossier: Analog Devices" in maker
    assert (f"Components made by Analog Devices were found in {seen.items} recovered items "
            f"of {seen.systems} weapon system types ({seen.findings} findings)") in maker
    assert "Probable supply chains of AD22100STZ" in maker
    assert "probable: Analog Devices → Gulf Bridge Trading FZE (fictional)" in maker
    trader = pdf_tools.words(write(demo_store, TRADER, tmp_path / "t.pdf").path)
    assert f"Parts on the supply links of {TRADER} were found in 1 recovered items" in trader
    assert f"Probable supply chains of {PART}" in trader
    assert "Probable supply chains of AD22100STZ" not in trader  # not through this trader
    assert f"probable: {DISTRIBUTOR} → {TRADER}" in trader


def test_hypotheses_are_left_out_when_asked(demo_store: stores.Store, tmp_path: Path) -> None:
    plain = write(demo_store, PART, tmp_path / "a.pdf").path
    assert "hypothesis: OOO Vektor Komponent (fictional) → Alabuga" in pdf_tools.words(plain)
    trimmed = write(demo_store, PART, tmp_path / "b.pdf", without_hypotheses=True).path
    chains = section(trimmed, "Supply chains and links", "Sanctions status of the")
    assert "hypothesis:" not in chains and "Alabuga" not in chains
    assert "1 hypothesis-level links left out at the reader's request" in chains
    assert "3 between 4 organizations" in chains  # the graph without the hypothesis
    assert "hypothesis-level links left out" in pdf_tools.words(trimmed)  # last page too


def test_the_same_store_and_options_give_the_same_pdf(demo_store: stores.Store,
                                                      tmp_path: Path) -> None:
    first = write(demo_store, TRADER, tmp_path / "1.pdf").path.read_bytes()
    assert write(demo_store, TRADER, tmp_path / "2.pdf").path.read_bytes() == first


def test_sections_can_be_chosen(demo_store: stores.Store, tmp_path: Path) -> None:
    text = pdf_tools.words(write(demo_store, PART, tmp_path / "s.pdf",
                                 sections=("sanctions",)).path)
    assert "Sanctions status of the companies involved" in text
    assert "Where it was seen" not in text and "Supply graph" not in text


def test_a_dossier_in_ukrainian_keeps_markings_and_names(demo_store: stores.Store,
                                                         tmp_path: Path) -> None:
    designate(demo_store)
    text = pdf_tools.words(write(demo_store, PART, tmp_path / "uk.pdf", language="uk").path)
    for expected in (f"Досьє: {PART}", "Сторінка 1 з", "OFFICIAL", "Де виявлено",
                     "задокументовано: STMicroelectronics", "Граф постачання",
                     "Роль (заливка)", "Санкційний статус залучених компаній", "чинні",
                     "Санкції: OFAC", TRADER, "Пораховано вилучені зразки, а не знахідки"):
        assert expected in text, expected
    assert "Where it was seen" not in text and "Supply graph of" not in text


def test_bad_input_still_gives_a_dossier_that_says_what_is_missing(
        demo_store: stores.Store, tmp_path: Path) -> None:
    """A part with no maker, no link and a 300-character marking in an item recovered on
    no known date; a part seen nowhere."""
    marking = ("X" * 120 + " " + "ЖУК-7 " * 20 + "Z" * 60)[:300]
    item = records.create(demo_store, "item", {"system_type_id": "Lancet",
                                               "case_reference": "TEST-LANCET-UNDATED"})
    records.create(demo_store, "part", {"part_number": "BAD-INPUT-1"})
    records.create(demo_store, "finding", {"item_id": item.id, "part_id": "BAD-INPUT-1",
                                           "marking": marking})
    result = write(demo_store, "BAD-INPUT-1", tmp_path / "bad.pdf")
    text = pdf_tools.words(result.path)
    for expected in ("Dossier: BAD-INPUT-1", "maker not recorded",
                     "Without a recovery date: 1 of the 1 recovered items listed",
                     "Without a production date that could be read: 1 of the 1",
                     "No supply link is recorded for BAD-INPUT-1",
                     "has no manufacturer recorded",
                     "No company is involved: no maker and no supply link are recorded"):
        assert expected in text, expected
    folded = "".join(text.split())
    assert "".join(marking.split()) in folded  # the whole marking, wrapped, never cut
    records.create(demo_store, "part", {"part_number": "NEVER-SEEN-1"})
    unseen = pdf_tools.words(write(demo_store, "NEVER-SEEN-1", tmp_path / "n.pdf").path)
    assert "No finding of it is recorded" in unseen and "there is no graph to draw" in unseen


def test_an_unknown_reference_writes_nothing(demo_store: stores.Store, tmp_path: Path) -> None:
    target = tmp_path / "dossier.pdf"
    target.write_bytes(b"an earlier brief")
    with pytest.raises(NotFoundError, match="there is no part or organization 'NOPE-404'"):
        write(demo_store, "NOPE-404", target)
    assert target.read_bytes() == b"an earlier brief"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".brief-")]


def test_a_dossier_from_a_larger_store(store: stores.Store, tmp_path: Path) -> None:
    made = generate(store)
    busiest = made.part_numbers[0]
    result = write(store, busiest, tmp_path / "big.pdf")
    pages = pdf_tools.pages(result.path)
    assert 8 <= len(pages) <= 40
    assert all(p.count(result.marking) >= 2 for p in pages)
    assert result.marking == "OFFICIAL-SENSITIVE"
    text = pdf_tools.words(result.path)
    part = records.get(store, "part", busiest)
    seen = search.seen_before(store, "part", part.id)
    assert (f"were found in {seen.items} recovered items of {seen.systems} weapon system "
            f"types ({seen.findings} findings)") in text
    assert f"Probable supply chains of {busiest}" in text and "Chain 5," in text
    assert "Supply links not on the chains above" in text
    assert pdf_tools.run("pdfimages", "-list", result.path).splitlines()[2:] == []
    assert all(f["embedded"] == "yes" for f in pdf_tools.fonts(result.path))
    drawn = graph_page(result.path, busiest) if f"Supply graph of {busiest}: counts" in text \
        else ""
    assert drawn or f"The supply graph of {busiest}" in text
    maker = made.names[made.orgs["manufacturer"][0]]
    org = pdf_tools.words(write(store, maker, tmp_path / "maker.pdf").path)
    assert f"Components made by {maker} were found in" in org
    assert re.search(r"Counts companies: \d+ designated today, \d+ formerly designated", org)
