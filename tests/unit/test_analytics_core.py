"""What the analytics figures rest on without a store: country groups, reference dates,
timeline periods, half-years, and the search conditions the bars hand over."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from forensics_gui.core import analytics as a
from forensics_gui.core.countries import COUNTRY_NAMES, country_name
from forensics_gui.core.datecodes import FORMATS, parse_date_code
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.search import describe_filters, filters_from, parse_filters
from forensics_gui.storage.analytics_query import LONGEST_READING_DAYS


def test_the_european_union_is_its_27_member_states() -> None:
    assert len(set(a.EU_MEMBERS)) == 27
    assert {"DE", "FR", "GR", "HR", "CY"} <= set(a.EU_MEMBERS)
    assert not {"GB", "CH", "NO", "EL", "EU"} & set(a.EU_MEMBERS)
    assert all(code in COUNTRY_NAMES for code in a.EU_MEMBERS)


@pytest.mark.parametrize(("typed", "codes"), [
    ("us", ("US",)), ("US, jp", ("US", "JP")), ("US JP us", ("US", "JP")), ("", ()),
    (None, ()), ("eu", a.EU_MEMBERS)])
def test_country_codes(typed: str | None, codes: tuple[str, ...]) -> None:
    assert a.country_codes(typed) == codes


@pytest.mark.parametrize(("country", "group"), [
    ("US", "United States"), ("DE", "European Union"), ("JP", "Japan"), ("CH", "Switzerland"),
    ("TW", "Taiwan"), ("CN", "China"), ("HK", ""), ("KR", ""), ("GB", ""), ("RU", None),
    ("BY", None), ("", None)])
def test_which_slice_a_makers_country_falls_in(country: str, group: str | None) -> None:
    assert a.foreign_group(country) == group


def test_country_names() -> None:
    assert country_name("us") == "United States"
    assert country_name("TW") == "Taiwan"
    assert country_name("QQ") == "QQ"


def test_the_chpl_publications_are_dated_and_sourced() -> None:
    published = a.chpl_publications()
    assert [p.published_on for p in published] == sorted(p.published_on for p in published)
    assert date(2024, 2, 23) in {p.published_on for p in published}
    assert all(p.source and p.version for p in published)
    markers = a.reference_markers()
    assert markers[0] == a.Marker(a.INVASION, "Full-scale invasion of Ukraine", "event")
    assert [m.kind for m in markers[1:]] == ["chpl"] * len(published)


@pytest.mark.parametrize(("first", "last", "grain", "count"), [
    (date(2022, 2, 24), date(2025, 12, 31), a.MONTH, 47),
    (date(2010, 1, 4), date(2025, 12, 22), a.QUARTER, 64),
    (date(1975, 5, 1), date(2025, 1, 1), a.YEAR, 51),
    (date(2024, 3, 3), date(2024, 3, 3), a.MONTH, 1)])
def test_timeline_periods(first: date, last: date, grain: str, count: int) -> None:
    assert a.grain_for(first, last) == grain
    spans = a.periods(first, last, grain)
    assert len(spans) == count
    assert spans[0][0] <= first and spans[-1][1] >= last
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start == end + timedelta(days=1)  # no gap, no overlap


def test_period_labels_and_half_years() -> None:
    assert a.period_label(date(2022, 2, 1), a.MONTH) == "Feb 2022"
    assert a.period_label(date(2022, 4, 1), a.QUARTER) == "2022 Q2"
    assert a.period_label(date(2022, 1, 1), a.YEAR) == "2022"
    assert a.half_year(date(2022, 6, 30)) == (2022, 1)
    assert a.half_year(date(2022, 7, 1)) == (2022, 2)
    assert a.half_year_bounds((2023, 2)) == (date(2023, 7, 1), date(2023, 12, 31))
    assert a.day_text(date(2022, 2, 24)) == "24 Feb 2022"


@pytest.mark.parametrize("code", ["2231", "202231", "2022-31", "231", "07/2022", "2022-07",
                                  "07/22", "2022.07", "3122", "0222", "5301"])
def test_no_date_code_reads_a_period_longer_than_the_window_the_counts_assume(
        code: str) -> None:
    """The share produced after a day counts the periods that run across it among those
    starting at most LONGEST_READING_DAYS before it: no reading may be longer."""
    for fmt in FORMATS:
        for reading in parse_date_code(code, formats=(fmt,)).readings:
            assert (reading.end - reading.start).days < LONGEST_READING_DAYS, (code, fmt)


def test_the_conditions_a_bar_hands_to_the_search() -> None:
    parsed = parse_filters({"item_id": ["CASE-1", "CASE-2"], "manufacturer_exact": "yes",
                            "manufacturer_country": ["US", "JP"], "chpl_tier": ["1", "none"],
                            "category": "FPGA", "identification": "part",
                            "recovered_from": date(2024, 1, 1), "recovered_to": "2024-06-30",
                            "produced_starts_before": "2022-02-24",
                            "produced_ends_after": "2022-02-25"})
    assert parsed["manufacturer_exact"] is True
    assert parsed["recovered_from"] == "2024-01-01"
    typed = filters_from(parsed)
    assert typed.item_id == ("CASE-1", "CASE-2")
    assert typed.produced_ends_after == date(2022, 2, 25)
    assert typed.finding_only
    text = describe_filters(parsed)
    assert "manufacturer country: US, JP" in text and "this maker only" in text


@pytest.mark.parametrize("bad", [{"recovered_from": "2024-02-30"},
                                 {"manufacturer_exact": "maybe"},
                                 {"category": ["x" * 400]},
                                 {"item_id": ["a"] * 1001}])
def test_bad_conditions_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        parse_filters(bad)
