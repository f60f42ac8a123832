"""The geometry of the charts: what the screen and the briefs both draw. A reader must be able
to trust the picture: bars as long as their values, labels that can be read, reference dates
where they happened, and the pointer finding the bar it is on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import combinations

import pytest

from forensics_gui.core.analytics import BARS, FINDINGS, TABLE, Bar, Figure
from forensics_gui.core.chart_shapes import Box, ChartLayout, Label, Rule
from forensics_gui.core.charts import (
    counted_line,
    csv_rows,
    describe_bar,
    layout_chart,
    percent,
    rough_measure,
    short_period,
)
from tests.chart_figures import (
    MARKERS,
    after_invasion_by_system,
    by_country,
    empty,
    every_figure,
    identified,
    items_over_time,
    newest,
    production,
)

WIDTHS = (300, 460, 640, 1100)


def bar_boxes(layout: ChartLayout) -> dict[int, Box]:
    return {s.bar: s for s in layout.shapes if isinstance(s, Box) and s.fill == "bar"}


def overlapping(labels: list[Label]) -> list[tuple[str, str]]:
    return [(a.text, b.text) for a, b in combinations(labels, 2)
            if a.left < b.right - 0.5 and b.left < a.right - 0.5
            and a.top < b.bottom - 0.5 and b.top < a.bottom - 0.5]


def test_bars_are_as_long_as_their_values_in_the_figures_order() -> None:
    figure = by_country()  # largest first, as the service gives them
    layout = layout_chart(figure, 640, rough_measure)
    boxes = bar_boxes(layout)
    assert len(boxes) == len(figure.bars)
    drawn = sorted(boxes.items(), key=lambda item: item[1].y)
    assert [index for index, _box in drawn] == list(range(len(figure.bars)))
    tiers = layout_chart(replace(figure, bars=(Bar("tier 1", 5, 0.4), Bar("tier 2", 3, 0.2),
                                               Bar("tier 3.A", 4, 0.3))), 640, rough_measure)
    assert [t.text for t in tiers.labels() if t.text.startswith("tier")] == [
        "tier 1", "tier 2", "tier 3.A"]  # an order of its own is kept
    largest = drawn[0][1].width / figure.bars[drawn[0][0]].value
    for index, box in drawn:
        assert box.width == pytest.approx(figure.bars[index].value * largest, rel=0.01, abs=1.0)
    assert len({box.x for box in boxes.values()}) == 1  # one baseline


def test_each_bar_says_its_value_and_share() -> None:
    figure = by_country()
    texts = {label.text for label in layout_chart(figure, 640, rough_measure).labels()}
    assert "412 · 47 %" in texts and "1 · 0.1 %" in texts and "United States" in texts


@pytest.mark.parametrize("width", WIDTHS)
def test_no_two_labels_overlap_and_all_stay_inside(width: int) -> None:
    for figure in every_figure():
        layout = layout_chart(figure, width, rough_measure)
        labels = layout.labels()
        assert overlapping(labels) == [], (figure.name, width)
        for label in labels:
            inside = label.left >= -0.5 and label.right <= layout.width + 0.5
            assert inside and label.top >= 0 and label.bottom <= layout.height, (figure.name,
                                                                                 label.text)


def test_grouped_bars_stand_under_their_group() -> None:
    figure = after_invasion_by_system()
    layout = layout_chart(figure, 640, rough_measure)
    headings = [label for label in layout.labels() if label.bold and label.size == 11]
    assert [h.text for h in headings] == ["Shahed-136", "Kh-101", "Orlan-10"]
    boxes = sorted(bar_boxes(layout).items(), key=lambda item: item[1].y)
    drawn = [(figure.bars[i].group, figure.bars[i].value) for i, _box in boxes]
    assert drawn == [("Shahed-136", 14), ("Shahed-136", 30), ("Kh-101", 3), ("Kh-101", 21),
                     ("Orlan-10", 9)]
    for heading in headings:  # each group's name right above its first bar
        first = next(box for _i, box in boxes if box.y > heading.y)
        assert 0 < first.y - heading.y < 22
    _about, columns, rows = csv_rows(figure)
    assert columns[0] == "group" and rows[1][:3] == ["Shahed-136", "before", "30"]


def test_long_labels_are_cut_not_spilled() -> None:
    long_name = "Shenzhen Extremely Long Electronic Components Trading Company Limited"
    figure = Figure("makers", "Makers", FINDINGS, BARS, (Bar(long_name, 5, 1.0),), 5)
    layout = layout_chart(figure, 320, rough_measure)
    shown = [label.text for label in layout.labels() if label.text.startswith("Shenzhen")]
    assert shown and shown[0].endswith("…") and shown[0] != long_name


def test_reference_dates_stand_where_they_happened() -> None:
    layout = layout_chart(production(), 640, rough_measure)
    axis = layout.axis
    assert axis is not None and axis.start == date(2007, 1, 1) and axis.end == date(2025, 1, 1)
    lines = {round(hit.x, 3): hit.markers for hit in layout.marker_hits}
    span = (axis.end - axis.start).days
    for marker in MARKERS:
        x = next(x for x, markers in lines.items() if marker in markers)
        expected = axis.left + (marker.on - axis.start).days / span * (axis.right - axis.left)
        assert x == pytest.approx(expected, abs=3.0)  # dates a few pixels apart share a line
    invasion = next(hit for hit in layout.marker_hits if MARKERS[0] in hit.markers)
    ticks = {round(r.x1, 3) for r in layout.shapes if isinstance(r, Rule) and r.colour == "axis"
             and r.x1 == r.x2}
    for year in (2022, 2023):
        assert round(axis.x(date(year, 1, 1)), 3) in ticks
    assert axis.x(date(2022, 1, 1)) < invasion.x < axis.x(date(2023, 1, 1))
    rules = [r for r in layout.shapes if isinstance(r, Rule) and r.colour == "marker event"]
    assert len(rules) == 1 and rules[0].x1 == pytest.approx(invasion.x)


def test_the_invasion_is_always_labelled_and_labels_are_not_crossed_by_lines() -> None:
    for width in WIDTHS:
        layout = layout_chart(production(), width, rough_measure)
        labelled = [hit for hit in layout.marker_hits if hit.labelled]
        assert any(MARKERS[0] in hit.markers for hit in labelled), width
        marker_labels = [label for label in layout.labels() if label.colour.startswith("marker")]
        for hit in layout.marker_hits:
            for label in marker_labels:
                crossed = label.left < hit.x < label.right and label.top < hit.bottom \
                    and hit.top < label.bottom
                assert not crossed, (width, label.text, hit.markers[0].label)


def test_reference_dates_without_room_are_listed_under_the_chart() -> None:
    layout = layout_chart(production(), 300, rough_measure)
    unlabelled = [m for hit in layout.marker_hits if not hit.labelled for m in hit.markers]
    assert unlabelled
    footer = " ".join(label.text for label in layout.labels())
    for marker in unlabelled:
        assert marker.on.isoformat() in footer


def test_timeline_columns_span_their_periods() -> None:
    figure = items_over_time()
    layout = layout_chart(figure, 640, rough_measure)
    assert layout.axis is not None
    for index, bar in enumerate(figure.bars):
        box = next(s for s in layout.shapes if isinstance(s, Box) and s.bar == index)
        assert bar.start is not None
        assert box.x == pytest.approx(layout.axis.x(bar.start))
        assert box.height > 0


def test_the_pointer_finds_the_bar_it_is_on() -> None:
    for figure in (by_country(), production(), identified(), newest(), items_over_time()):
        layout = layout_chart(figure, 640, rough_measure)
        found = 0
        for index in range(len(figure.bars)):
            for box in (s for s in layout.shapes if isinstance(s, Box) and s.bar == index):
                if box.width >= 1 and box.height >= 1:
                    centre = (box.x + box.width / 2, box.y + box.height / 2)
                    assert layout.bar_at(*centre) == index, (figure.name, index)
                    found += 1
        assert found >= len(figure.bars) - 1, figure.name  # a table shades every other row
        assert layout.bar_at(1, 1) is None  # the title


def test_share_parts_are_as_wide_as_their_values() -> None:
    figure = identified()
    layout = layout_chart(figure, 640, rough_measure)
    parts = [s for s in layout.shapes if isinstance(s, Box) and s.fill.startswith("series")
             and s.height > 20]
    assert [p.bar for p in parts] == [0, 1]
    assert parts[0].width / parts[1].width == pytest.approx(820 / 180)
    assert parts[0].width + parts[1].width == pytest.approx(640 - 20)


def test_every_chart_says_what_it_counts_what_had_no_value_and_its_notes() -> None:
    for figure in every_figure():
        texts = " ".join(label.text for label in layout_chart(figure, 900,
                                                               rough_measure).labels())
        assert f"Counts {figure.counts}" in texts
        if figure.missing:
            assert f"{figure.missing:,} have no value ({figure.missing_label})" in texts
        for note in figure.notes:
            assert note in texts
    assert counted_line(by_country()) == ("Counts findings: 869 of the 906 covered; 37 have no "
                                          "value (no manufacturer identified).")
    assert counted_line(identified()) == "Counts findings: all 1,000 covered have a value."
    assert counted_line(empty()) == "Counts findings: none are covered by these filters."
    said = replace(identified(), missing=19, missing_label="no date code (19)")
    assert counted_line(said).endswith("; 19 have no value (no date code).")


def test_an_empty_figure_says_so() -> None:
    layout = layout_chart(empty(), 480, rough_measure)
    assert any("No findings with a value" in label.text for label in layout.labels())
    assert layout.hits == ()


def test_what_the_pointer_shows() -> None:
    figure = by_country()
    index = next(i for i, bar in enumerate(figure.bars) if bar.label == "China")
    assert describe_bar(figure, index) == ("China\n160 findings · 18 % of the 869 counted\n"
                                           "Click to list these findings")
    text = describe_bar(production(), 0)
    assert text.startswith("January 2007\n2007-01-01 to 2007-01-31\n")
    assert describe_bar(newest(), 0) == "Shahed-136\n3 Mar 2024\nweek 9 of 2024"


def test_csv_rows_hold_the_numbers() -> None:
    about, columns, rows = csv_rows(by_country())
    assert "Counts findings" in about and "37 have no value" in about
    assert columns == ["label", "value", "share"]
    assert ["United States", "412", f"{412 / 869:.4f}"] in rows
    _about, columns, rows = csv_rows(items_over_time())
    assert columns[-2:] == ["start", "end"] and rows[0][3:] == ["2022-01-01", "2022-03-31"]


@pytest.mark.parametrize(("share", "shown"), [(0.0, "0 %"), (0.004, "0.4 %"), (0.045, "4.5 %"),
                                              (0.37, "37 %"), (0.996, "99.6 %"),
                                              (1.0, "100 %")])
def test_percentages(share: float, shown: str) -> None:
    assert percent(share) == shown


@pytest.mark.parametrize(("start", "end", "shown"), [
    (date(2024, 3, 3), date(2024, 3, 3), "3 Mar 2024"),
    (date(2024, 3, 25), date(2024, 3, 31), "25–31 Mar 2024"),
    (date(2024, 3, 1), date(2024, 3, 31), "Mar 2024"),
    (date(2023, 12, 25), date(2024, 1, 7), "2023-12-25 to 2024-01-07")])
def test_dates_in_tables_read_short(start: date, end: date, shown: str) -> None:
    assert short_period(start, end) == shown


def test_a_row_under_its_group_does_not_repeat_the_group() -> None:
    bar = Bar("Kh-101: after 24 Feb 2022", 3, 0.5, group="Kh-101")
    figure = Figure("after", "After", FINDINGS, TABLE, (bar,), 6)
    texts = [label.text for label in layout_chart(figure, 480, rough_measure).labels()]
    assert "Kh-101" in texts and "after 24 Feb 2022" in texts
    assert describe_bar(figure, 0).startswith("Kh-101: after 24 Feb 2022\n")
