"""The analytics figures against a store counted by hand (analytics_case.py), on SQLite and on
PostgreSQL: every bar, what each figure counts and leaves out, the filters, withdrawn
evidence, and the search filters of every bar listing exactly what the bar counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from forensics_gui.core.analytics import (
    FIGURE_NAMES,
    FINDINGS,
    ITEMS,
    TABLE,
    AnalyticsFilters,
    Dashboard,
    Figure,
)
from forensics_gui.core.errors import ValidationError
from forensics_gui.services import analytics, stores
from forensics_gui.services.search import search

from .analytics_case import COUNTED, AnalyticsCase, make_case


@pytest.fixture
def case(store: stores.Store) -> AnalyticsCase:
    return make_case(store)


@pytest.fixture
def board(store: stores.Store, case: AnalyticsCase) -> Dashboard:
    return analytics.dashboard(store)


def values(figure: Figure) -> dict[str, int]:
    return {bar.label: bar.value for bar in figure.bars}


def listed(store: stores.Store, filters: dict[str, Any]) -> set[UUID]:
    """The findings the search lists for a bar's filters."""
    found = search(store, "", filters=filters, kinds=("finding",), limit=1000)
    return {hit.record_id for hit in found.groups.get("finding", ())}


# ------------------------------------------------------------------ makers and countries
def test_findings_by_country_and_maker(board: Dashboard) -> None:
    countries = board.figure("by_country")
    assert (countries.counts, countries.total, countries.missing) == (FINDINGS, 12, 2)
    assert [(b.label, b.value) for b in countries.bars] == [
        ("Switzerland", 3), ("United States", 3), ("China", 1), ("Germany", 1), ("Japan", 1),
        ("Russia", 1)]
    assert countries.bars[0].share == pytest.approx(3 / 10)
    assert "no manufacturer identified (1)" in countries.missing_label
    assert "country not recorded (1)" in countries.missing_label
    makers = board.figure("by_maker")
    assert values(makers) == {
        "STMicroelectronics": 3, "Analog Devices": 2, "GigaDevice Semiconductor": 1,
        "Infineon Technologies": 1, "Linear Technology": 1, "Milandr": 1,
        "Murata Manufacturing": 1, "Nameless Components": 1}
    assert [b.label for b in makers.bars][:2] == ["STMicroelectronics", "Analog Devices"]
    linear = next(b for b in makers.bars if b.label == "Linear Technology")
    assert linear.detail == "US · now part of Analog Devices"
    assert (makers.total, makers.missing) == (12, 1)


def test_foreign_makers_share(board: Dashboard) -> None:
    foreign = board.figure("foreign_makers_share")
    assert values(foreign) == {"United States": 3, "European Union": 1, "Japan": 1,
                               "Switzerland": 3, "China": 1}
    assert (foreign.total, foreign.missing) == (12, 3)
    assert sum(b.share for b in foreign.bars) == pytest.approx(1)
    assert "Russian or Belarusian makers (1)" in foreign.missing_label


def test_top_makers_and_the_rest(store: stores.Store, case: AnalyticsCase) -> None:
    makers = analytics.figure(store, "by_maker", top=2)
    assert [(b.label, b.value) for b in makers.bars] == [
        ("STMicroelectronics", 3), ("Analog Devices", 2), ("other makers (6)", 6)]
    # F12 has no maker of its own: its part's (Infineon) counts, in the search too.
    assert case.names(listed(store, makers.bars[2].filters)) == {
        "F3", "F5", "F6", "F7", "F8", "F12"}


def test_a_maker_counts_as_recorded_not_with_its_successor(store: stores.Store,
                                                           case: AnalyticsCase,
                                                           board: Dashboard) -> None:
    adi = next(b for b in board.figure("by_maker").bars if b.label == "Analog Devices")
    assert case.names(listed(store, adi.filters)) == {"F2", "F9"}
    # The search by maker alone takes its predecessors in (Linear Technology's F3).
    assert case.names(listed(store, {"manufacturer_id": str(case.orgs["Analog Devices"])})) \
        == {"F2", "F3", "F9"}


def test_persistent_makers(board: Dashboard, store: stores.Store, case: AnalyticsCase) -> None:
    lasting = board.figure("persistent_makers")
    assert lasting.shape == TABLE
    assert [(b.label, b.value, b.start, b.end) for b in lasting.bars] == [
        ("Analog Devices", 2, date(2024, 4, 10), date(2025, 1, 15)),
        ("STMicroelectronics", 2, date(2024, 4, 10), date(2024, 9, 20))]
    assert "over 3 half-years" in lasting.bars[0].detail
    # F11 is in an item with no recovery date: it places ST in no half-year.
    assert (lasting.total, lasting.missing) == (12, 2)
    assert "no recovery date (1)" in lasting.missing_label
    assert case.names(listed(store, lasting.bars[1].filters)) == {"F1", "F4"}


# ------------------------------------------------------------------ what the parts are
def test_categories_and_chpl_tiers(board: Dashboard) -> None:
    categories = board.figure("by_category")
    assert values(categories) == {"microcontroller": 4, "capacitor": 1, "computer": 1,
                                  "memory": 1, "power management": 1, "temperature sensor": 1}
    assert (categories.total, categories.missing) == (12, 3)
    tiers = board.figure("by_chpl_tier")
    assert [(b.label, b.value) for b in tiers.bars] == [("tier 1", 6), ("tier 2", 1),
                                                       ("tier 3.A", 1)]
    assert (tiers.total, tiers.missing) == (12, 4)
    assert tiers.missing_label == ("no part identified (2), the part has no HS code (1), "
                                   "HS code not on the CHPL (1)")
    top = board.figure("chpl_tier_1_2")
    assert values(top) == {"CHPL tier 1": 6, "CHPL tier 2": 1, "other CHPL tiers": 1,
                           "HS code not on the CHPL": 1}
    assert (top.total, top.missing) == (12, 3)
    assert top.bars[0].share == pytest.approx(6 / 9)


def test_identification(board: Dashboard) -> None:
    shares = board.figure("identified")
    assert values(shares) == {"identified to a part": 10, "maker identified only": 1,
                              "not identified": 1}
    assert (shares.total, shares.missing) == (12, 0)


# ------------------------------------------------------------------ production dates
def test_produced_after_the_invasion(board: Dashboard) -> None:
    after = board.figure("produced_after")
    assert [(b.label, b.value) for b in after.bars] == [
        ("produced after 24 Feb 2022", 6), ("produced on or before 24 Feb 2022", 1),
        ("production period spans 24 Feb 2022 (undetermined)", 1)]
    assert (after.total, after.missing) == (12, 4)
    assert after.missing_label == ("no date code (2), ambiguous date code (1), unreadable "
                                   "date code (1)")
    assert any("in several ways" in note and "1 in none" in note for note in after.notes)


@pytest.mark.parametrize(("day", "expected"), [
    (date(2023, 1, 1), {"after": 4, "on or before": 4}),
    (date(2023, 1, 2), {"after": 2, "on or before": 4, "spans": 2}),  # F9, F12: week 1
    (date(2023, 1, 8), {"after": 2, "on or before": 6}),
])
def test_produced_after_another_day(store: stores.Store, case: AnalyticsCase, day: date,
                                    expected: dict[str, int]) -> None:
    after = analytics.figure(store, "produced_after", after=day)
    found = {key: bar.value for bar in after.bars for key in expected if key in bar.label}
    assert found == expected
    for bar in after.bars:
        assert len(listed(store, bar.filters)) == bar.value, bar.label


def test_production_timeline(board: Dashboard) -> None:
    timeline = board.figure("production_timeline")
    counted = {b.label: b.value for b in timeline.bars if b.value}
    assert counted == {"Dec 2021": 1, "Feb 2022": 1, "Aug 2022": 2, "Jan 2023": 2,
                       "Jan 2024": 1, "Mar 2024": 1}
    assert len(timeline.bars) == 28  # every month from December 2021 to March 2024
    assert (timeline.bars[0].start, timeline.bars[-1].end) == (date(2021, 12, 1),
                                                               date(2024, 3, 31))
    assert (timeline.total, timeline.missing) == (12, 4)
    marks = {(m.on, m.kind) for m in timeline.markers}
    assert {(date(2022, 2, 24), "event"), (date(2024, 2, 23), "chpl"),
            (date(2023, 9, 14), "chpl"), (date(2023, 5, 19), "designation")} <= marks
    designation = next(m for m in timeline.markers if m.kind == "designation")
    assert "OFAC: Harbour Star Electronics Ltd (fictional)" in designation.label


def test_production_by_system_type(board: Dashboard, case: AnalyticsCase) -> None:
    by_type = board.figure("after_invasion_by_system")
    rows = {(b.group, b.label.split(": ", 1)[1].split(" (")[0]): (b.value, round(b.share, 3))
            for b in by_type.bars}
    assert rows == {("Shahed-136", "after 24 Feb 2022"): (4, 0.667),
                    ("Shahed-136", "after 14 Sep 2023"): (2, 0.333),
                    ("Shahed-136", "after 23 Feb 2024"): (1, 0.167),
                    ("Kh-101", "after 24 Feb 2022"): (2, 1.0),
                    ("Kh-101", "after 14 Sep 2023"): (0, 0.0),
                    ("Kh-101", "after 23 Feb 2024"): (0, 0.0)}
    assert (by_type.total, by_type.missing) == (12, 4)
    newest = board.figure("newest_production_by_system")
    assert newest.unit == "date"
    assert [(b.label, b.start, b.record_id) for b in newest.bars] == [
        ("Shahed-136", date(2024, 3, 4), case.findings["F5"]),
        ("Kh-101", date(2023, 1, 2), case.findings["F9"])]
    assert "week 10" in newest.bars[0].detail and "GRM155R71C104KA88D" in newest.bars[0].detail


def test_items_over_time(board: Dashboard) -> None:
    items = board.figure("items_over_time")
    assert (items.counts, items.total, items.missing) == (ITEMS, 4, 1)
    assert {b.label: b.value for b in items.bars if b.value} == {
        "Apr 2024": 1, "Sep 2024": 1, "Jan 2025": 1}
    assert len(items.bars) == 10
    assert board.items == 4 and board.findings == 12


# ------------------------------------------------------------------ left out and filtered
def test_withdrawn_evidence_never_counts(board: Dashboard, case: AnalyticsCase,
                                         store: stores.Store) -> None:
    for figure in board.figures:
        if figure.counts == FINDINGS:
            assert figure.total == len(COUNTED), figure.name
    everything = set()
    for figure in board.figures:
        for bar in figure.bars:
            if bar.filters:
                everything |= listed(store, bar.filters)
    assert case.names(everything) <= set(COUNTED)


def test_every_bar_lists_what_it_counts(board: Dashboard, store: stores.Store,
                                        case: AnalyticsCase) -> None:
    checked = 0
    for figure in board.figures:
        for bar in figure.bars:
            found = listed(store, bar.filters)
            if figure.unit == "date":
                assert found == {bar.record_id}, (figure.name, bar.label)
            elif figure.counts == ITEMS:
                items = {f.item_id for f in _findings(store, found)}
                assert len(items) == bar.value, (figure.name, bar.label)
            else:
                assert len(found) == bar.value, (figure.name, bar.label, case.names(found))
            checked += 1
    assert checked > 60


def _findings(store: stores.Store, ids: set[UUID]) -> list[Any]:
    from forensics_gui.services import records

    return records.get_many(store, "finding", list(ids))


@pytest.mark.parametrize(("options", "expected"), [
    ({"system": "Shahed-136"}, {"F1", "F2", "F3", "F4", "F5", "F6", "F12"}),
    ({"items": ["CASE-I1", "CASE-I3"]}, {"F1", "F2", "F3", "F12", "F7", "F8", "F9", "F10"}),
    ({"recovered_from": "2024-09-01", "recovered_to": "2025-12-31"},
     {"F4", "F5", "F6", "F7", "F8", "F9", "F10"}),
    ({"produced_after": "2023-01-01"}, {"F4", "F5", "F9", "F12"}),
    ({"produced_before": "2022-02-24"}, {"F2"}),
    ({"maker_country": "us"}, {"F2", "F3", "F9"}),
    ({"maker_country": "EU"}, {"F12"}),
])
def test_filters_cover_what_they_say(store: stores.Store, case: AnalyticsCase,
                                     options: dict[str, Any], expected: set[str]) -> None:
    filters = analytics.filters_for(store, **options)
    board = analytics.dashboard(store, filters)
    assert board.findings == len(expected)
    for figure in board.figures:
        if figure.counts == FINDINGS:
            assert figure.total == len(expected), figure.name
        for bar in figure.bars:
            found = listed(store, bar.filters)
            assert case.names(found) <= expected, (figure.name, bar.label)
            if figure.counts == FINDINGS and figure.unit != "date":
                assert len(found) == bar.value, (figure.name, bar.label)
    makers = board.figure("by_maker")
    assert sum(b.value for b in makers.bars) + makers.missing == len(expected)


def test_counts_through_indexes_equal_counts_row_by_row(store: stores.Store,
                                                        case: AnalyticsCase,
                                                        board: Dashboard) -> None:
    """Over the whole store the figures are made of index ranges less the withdrawn rows;
    naming every item makes them grouped row by row instead: the same figures."""
    every_item = AnalyticsFilters(item_ids=tuple(case.items.values()))
    grouped = analytics.dashboard(store, every_item)
    assert _shown(grouped) == _shown(board)


def test_the_two_ways_agree_on_the_demo_data(demo_store: stores.Store) -> None:
    whole = analytics.dashboard(demo_store)
    from forensics_gui.services import records

    items = tuple(i.id for i in records.list_records(demo_store, "item", limit=100).rows)
    assert _shown(analytics.dashboard(demo_store, AnalyticsFilters(item_ids=items))) == \
        _shown(whole)
    assert whole.findings == records.count(demo_store, "finding")


def _shown(board: Dashboard) -> list[Any]:
    """Everything a figure shows but the search filters (which name the items)."""
    return [(f.name, f.total, f.missing, f.missing_label,
             [replace(b, filters={}) for b in f.bars], f.markers) for f in board.figures]


# ------------------------------------------------------------------ asking
def test_bad_requests_are_refused(store: stores.Store, case: AnalyticsCase) -> None:
    with pytest.raises(ValidationError, match="no figure 'nope'"):
        analytics.figure(store, "nope")
    with pytest.raises(ValidationError, match="top"):
        analytics.dashboard(store, top=0)
    with pytest.raises(ValidationError, match="no weapon system type 'Tu-22'"):
        analytics.filters_for(store, system="Tu-22")
    with pytest.raises(ValidationError, match="no recovered item"):
        analytics.filters_for(store, items=["CASE-404"])
    with pytest.raises(ValidationError, match="not a date"):
        analytics.filters_for(store, recovered_from="2024-02-30")
    with pytest.raises(ValidationError, match="before"):
        analytics.filters_for(store, recovered_from="2024-03-01", recovered_to="2024-02-01")
    with pytest.raises(ValidationError, match="country code"):
        analytics.filters_for(store, maker_country="USA")


def test_a_figure_alone_equals_it_in_the_dashboard(store: stores.Store, case: AnalyticsCase,
                                                   board: Dashboard) -> None:
    assert [f.name for f in board.figures] == list(FIGURE_NAMES)
    for name in FIGURE_NAMES:
        assert analytics.figure(store, name) == board.figure(name)


def test_an_empty_store(store: stores.Store) -> None:
    board = analytics.dashboard(store)
    assert (board.findings, board.items) == (0, 0)
    for figure in board.figures:
        assert figure.total == 0 and figure.missing == 0, figure.name
        assert all(bar.value == 0 for bar in figure.bars) or not figure.bars
