"""`forensics stats` end to end on the demo store: the figures as text and as JSON (the same
numbers as the service's dashboard), the options, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from forensics_gui.core.analytics import FIGURE_NAMES
from forensics_gui.services import analytics, stores
from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok
from tests.e2e.test_cli_startup import loaded_by


def _dashboard(path: Path, **options: object) -> analytics.Dashboard:
    store = stores.open_existing(str(path))
    try:
        filters = analytics.filters_for(store, **options)  # type: ignore[arg-type]
        return analytics.dashboard(store, filters)
    finally:
        store.close()


def test_json_holds_every_figure_with_the_dashboards_numbers(demo_file: Path) -> None:
    shown = ok(cli(demo_file, "stats", "--json"))
    expected = _dashboard(demo_file)
    assert [f["name"] for f in shown["figures"]] == list(FIGURE_NAMES)
    assert (shown["findings"], shown["items"]) == (expected.findings, expected.items) == (22, 6)
    for figure, same in zip(shown["figures"], expected.figures, strict=True):
        assert (figure["total"], figure["missing"], figure["missing_label"]) == (
            same.total, same.missing, same.missing_label), figure["name"]
        assert [(b["label"], b["value"]) for b in figure["bars"]] == [
            (b.label, b.value) for b in same.bars], figure["name"]
    country = shown["figures"][0]
    assert country["counts"] == "findings" and country["bars"][0]["filters"] == {
        "manufacturer_country": "US"}


def test_text_says_what_each_figure_counts(demo_file: Path) -> None:
    run = cli(demo_file, "stats")
    assert run.code == 0, str(run)
    assert run.out.startswith("22 findings in 6 recovered items; withdrawn evidence left out.")
    assert "Components by manufacturer country  [by_country]" in run.out
    assert "counts findings: all 22 covered" in run.out
    assert "United States (US)" in run.out and "40.9%" in run.out
    assert ("counts findings: 3 of the 22 covered; 19 have no value (no date code (19))"
            in run.out)
    assert "| 24 Feb 2022: Full-scale invasion of Ukraine" in run.out
    assert "note: Dates from date codes are production dates" in run.out
    assert "Recovered items over time  [items_over_time]" in run.out


def test_options_select_findings_and_figures(demo_file: Path) -> None:
    system, period, figures = cli_all(
        demo_file, ("stats", "--system", "Shahed-136", "--json"),
        ("stats", "--recovered-from", "2023-01-01", "--recovered-to", "2023-12-31",
         "--maker-country", "us", "--figure", "by_maker", "--json"),
        ("stats", "--figure", "produced_after", "--figure", "identified", "--after",
         "2024-01-01", "--top", "3", "--json"))
    shahed = ok(system)
    assert shahed["findings"] == _dashboard(demo_file, system="Shahed-136").findings == 11
    assert shahed["figures"][0]["bars"][0]["filters"]["system_id"]
    makers = ok(period)
    assert [f["name"] for f in makers["figures"]] == ["by_maker"]
    expected = _dashboard(demo_file, recovered_from="2023-01-01", recovered_to="2023-12-31",
                          maker_country="us")
    assert makers["findings"] == expected.findings
    assert {b["label"] for b in makers["figures"][0]["bars"]} == {
        b.label for b in expected.figure("by_maker").bars}
    chosen = ok(figures)
    assert [f["name"] for f in chosen["figures"]] == ["produced_after", "identified"]
    assert chosen["figures"][0]["title"] == "Components produced after 1 Jan 2024"


def test_bad_input_is_refused_with_exit_code_2(demo_file: Path) -> None:
    unknown, impossible, reversed_, top, figure, after = cli_all(
        demo_file, ("stats", "--system", "Tu-22M3"), ("stats", "--produced-after", "2023-02-30"),
        ("stats", "--recovered-from", "2024-01-01", "--recovered-to", "2023-01-01"),
        ("stats", "--top", "0"), ("stats", "--figure", "by_colour"),
        ("stats", "--after", "yesterday"))
    assert_user_error(unknown, 2, "no weapon system type", "Tu-22M3")
    assert_user_error(impossible, 2, "2023-02-30", "not a date")
    assert_user_error(reversed_, 2, "recovered to")
    assert_user_error(top, 2, "top")
    assert_user_error(figure, 2, "by_colour")
    assert_user_error(after, 2, "after", "yesterday")


def test_stats_loads_the_store_layer_and_nothing_else(demo_file: Path) -> None:
    code, heavy, out = loaded_by("stats", "--json", store=demo_file)
    assert code == 0 and '"figures"' in out
    assert heavy == {"sqlalchemy"}, heavy - {"sqlalchemy"}


@pytest.mark.postgres
def test_stats_on_postgresql(pg_store: stores.Store, pg_migrated: str) -> None:
    from forensics_gui.services import demo

    demo.load_demo(pg_store)
    shown, text = cli_all(pg_migrated, ("stats", "--json"), ("stats", "--figure", "by_maker"))
    board = analytics.dashboard(pg_store)
    assert ok(shown)["findings"] == board.findings == 22
    assert [[b["value"] for b in f["bars"]] for f in ok(shown)["figures"]] == [
        [b.value for b in f.bars] for f in board.figures]
    assert text.code == 0 and "[by_maker]" in text.out and "now part of" in text.out
