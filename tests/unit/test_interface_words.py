"""The lower layers' fixed words that the desktop client translates: in English (the CLI,
exports, reports) they read as before; given a translation, only the fixed words change."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from forensics_gui.core.backups import counted
from forensics_gui.core.chains import Listing, Party, designation_timing, party_label, timing_text
from forensics_gui.core.graph import GraphScope, period_text
from forensics_gui.core.screening import describe_topics

TODAY = date(2025, 6, 1)
OFAC = Listing("OFAC", date(2023, 5, 19))


def mark(text: str) -> str:
    """A stand-in translation: the fixed words (with their placeholders) in brackets."""
    return f"[{text}]"


DELISTED = Listing("EU", date(2020, 1, 1), date(2021, 1, 1))


@pytest.mark.parametrize(("listings", "on", "said", "translated"), [
    ((), date(2024, 1, 1), "not designated", "[not designated]"),
    ((OFAC,), None, "designated, link undated (OFAC 2023-05-19)",
     "[designated, link undated (OFAC 2023-05-19)]"),
    ((DELISTED,), None, "delisted, link undated (EU 2020-01-01, delisted 2021-01-01)",
     "[delisted, link undated ([EU 2020-01-01, delisted 2021-01-01])]"),
    ((OFAC,), date(2024, 1, 1), "designated before the link (OFAC 2023-05-19)",
     "[designated before the link (OFAC 2023-05-19)]"),
    ((OFAC,), date(2022, 1, 1), "designated after the link (OFAC 2023-05-19)",
     "[designated after the link (OFAC 2023-05-19)]"),
    ((Listing("UK"),), date(2022, 1, 1), "designated, listing date unknown (UK)",
     "[designated, listing date unknown (UK)]"),
    ((DELISTED,), date(2022, 1, 1),
     "delisted before the link (EU 2020-01-01, delisted 2021-01-01)",
     "[delisted before the link ([EU 2020-01-01, delisted 2021-01-01])]"),
])
def test_designation_timing_reads_as_before_and_translates_its_words_only(
        listings: tuple[Listing, ...], on: date | None, said: str, translated: str) -> None:
    timing = designation_timing(Party(uuid4(), "Vektor (fictional)", "RU", listings=listings),
                                on, TODAY)
    assert timing.text == said
    assert timing_text(timing) == said
    assert timing_text(timing, mark) == translated


def test_a_listing_label_reads_as_before_and_translates_its_words_only() -> None:
    assert OFAC.label == OFAC.label_in(str) == "OFAC 2023-05-19"
    assert OFAC.label_in(mark) == "OFAC 2023-05-19"
    assert Listing("UK").label == "UK (listing date unknown)"
    assert Listing("UK").label_in(mark) == "UK [(listing date unknown)]"
    assert DELISTED.label == "EU 2020-01-01, delisted 2021-01-01"
    assert DELISTED.label_in(mark) == "[EU 2020-01-01, delisted 2021-01-01]"
    assert Listing("UK", None, date(2021, 1, 1)).label_in(mark) == \
        "[UK [(listing date unknown)], delisted 2021-01-01]"


def test_other_fixed_words_translate_and_leave_the_data_alone() -> None:
    party = Party(uuid4(), "Harbour Star (fictional)", "", listings=(OFAC,), hub=True)
    assert party_label(party, TODAY) == \
        "Harbour Star (fictional) (country unknown, hub) [designated: OFAC]"
    assert party_label(party, TODAY, mark) == \
        "Harbour Star (fictional) ([country unknown], [hub]) [[designated: OFAC]]"
    scope = GraphScope(date_from=date(2023, 1, 1), date_to=date(2024, 1, 1))
    assert period_text(scope) == "from 2023-01-01 to 2024-01-01"
    assert period_text(scope, mark) == "[from 2023-01-01 to 2024-01-01]"
    assert describe_topics(("sanction", "x.y")) == "sanction (sanctioned), x.y"
    assert describe_topics(("sanction",), mark) == "sanction ([sanctioned])"
    assert counted({"recovered_item": 1200, "part": 3}) == "1,200 recovered items, 3 parts"
    assert counted({"part": 3}, mark) == "3 [parts]"
    assert counted({}, mark) == "[no records]"
