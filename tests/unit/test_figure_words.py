"""The analytics figures' fixed words (titles, notes, bar labels): in English (the CLI, the
exports, the briefs) they read exactly as before; given a translation (the desktop client),
only the fixed words change, never the names, codes and numbers from the store."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from forensics_gui.core.analytics import reference_markers
from forensics_gui.core.chart_shapes import Words, same
from forensics_gui.services.analytics import figures
from forensics_gui.storage import analytics_query as aq

ACME, NORD, ZETA, VEKTOR = (UUID(int=n) for n in range(1, 5))
ORGANIZATIONS = {ACME: ("Acme Microchips (fictional)", "US", ""),
                 NORD: ("Nordlicht Halbleiter (fictional)", "DE", "Acme Microchips (fictional)"),
                 ZETA: ("Zeta Parts (fictional)", "", ""),
                 VEKTOR: ("OOO Vektor Komponent (fictional)", "RU", "")}


def mark(text: str) -> str:
    """A stand-in translation: the fixed words (with their placeholders) in brackets."""
    return f"[{text}]"


class StandInBoard:
    """What the maker figures read of a Board, without a store."""

    top = 2

    def __init__(self, words: Words = same) -> None:
        self.words = words
        self.makers: dict[UUID | None, int] = {ACME: 5, NORD: 3, ZETA: 2, VEKTOR: 1, None: 4}

    def organizations(self, _ids: Any) -> None:
        """Nothing to read: the stand-in knows them all."""

    def organization(self, org: UUID) -> tuple[str, str, str]:
        return ORGANIZATIONS[org]

    def country(self, org: UUID | None) -> str | None:
        return None if org is None else ORGANIZATIONS[org][1]

    def filters_for(self, **filters: Any) -> dict[str, Any]:
        return filters

    def ask(self, count: Any, *_args: Any) -> Any:
        if count is aq.identification_counts:
            return {"part": 6, "manufacturer": 3, "unidentified": 2}
        if count is aq.tier_counts:
            return {("1", "8542"): 4, ("2", "8532"): 2, ("", "9999"): 1, ("", ""): 3, None: 5}
        raise AssertionError(f"not asked in this test: {count}")


def test_the_figures_read_in_english_exactly_as_before() -> None:
    board: Any = StandInBoard()
    maker = figures.by_maker(board)
    assert maker.title == "Components by manufacturer (the 2 most found)"
    assert [bar.label for bar in maker.bars] == [
        "Acme Microchips (fictional)", "Nordlicht Halbleiter (fictional)", "other makers (2)"]
    assert maker.bars[1].detail == "DE · now part of Acme Microchips (fictional)"
    assert maker.bars[2].detail == "2 makers with fewer findings each"
    assert maker.missing_label == "no manufacturer identified (4)"
    country = figures.by_country(board)
    assert country.title == "Components by manufacturer country"
    assert country.missing_label == \
        "no manufacturer identified (4), manufacturer's country not recorded (2)"
    assert country.notes == ("The country is the manufacturer's as recorded, not where the "
                             "component was made or bought.",)
    foreign = figures.foreign_makers_share(board)
    assert foreign.title == "Foreign components by the maker's country"
    assert foreign.missing_label == ("made by Russian or Belarusian makers (1), no "
                                     "manufacturer identified (4), manufacturer's country "
                                     "not recorded (2)")
    assert [bar.label for bar in figures.identified(board).bars] == [
        "identified to a part", "maker identified only", "not identified"]
    tiers = figures.chpl_tier_1_2(board)
    assert tiers.title == "Components in CHPL tiers 1 and 2"
    assert [bar.label for bar in tiers.bars] == ["CHPL tier 1", "CHPL tier 2",
                                                 "HS code not on the CHPL"]
    assert tiers.notes == ("6 components (86% of those whose part has an HS code) fall in "
                           "tiers 1 and 2, the items of highest concern.",)
    assert [bar.label for bar in figures.by_chpl_tier(board).bars] == ["tier 1", "tier 2"]


def test_a_translation_turns_the_fixed_words_only() -> None:
    board: Any = StandInBoard(mark)
    maker = figures.by_maker(board)
    assert maker.title == "[Components by manufacturer (the 2 most found)]"
    assert [bar.label for bar in maker.bars] == [
        "Acme Microchips (fictional)", "Nordlicht Halbleiter (fictional)", "[other makers (2)]"]
    assert maker.bars[1].detail == "DE · [now part of Acme Microchips (fictional)]"
    assert [bar.value for bar in maker.bars] == [5, 3, 3]
    assert maker.missing_label == "[no manufacturer identified] (4)"
    tiers = figures.chpl_tier_1_2(board)
    assert tiers.notes == ("[6 components (86% of those whose part has an HS code) fall in "
                           "tiers 1 and 2, the items of highest concern.]",)
    assert [bar.label for bar in figures.by_chpl_tier(board).bars] == ["[tier 1]", "[tier 2]"]


def test_the_chpl_markers_read_as_before() -> None:
    english = reference_markers()
    assert next(m.label for m in english if m.kind == "chpl").startswith("CHPL published (")
    marked = reference_markers(mark)
    assert next(m.label for m in marked if m.kind == "chpl").startswith("[CHPL published (")
    assert [m.on for m in marked] == [m.on for m in english]
    assert marked[0].label == english[0].label == "Full-scale invasion of Ukraine"
    assert english[0].on == date(2022, 2, 24)
