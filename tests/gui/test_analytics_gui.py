"""The analytics dashboard in the main window: the figures drawn, readable at the usual window
sizes, their numbers under the pointer, a click listing the findings behind a bar, every
chart copied, saved and exported, and the same geometry on screen and in a brief."""

from __future__ import annotations

import csv
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from forensics_gui.core.analytics import (
    BARS,
    FIGURE_NAMES,
    FINDINGS,
    AnalyticsFilters,
    Bar,
    Dashboard,
    Figure,
)
from forensics_gui.core.chart_shapes import Box, Label, Rule
from forensics_gui.core.charts import layout_chart
from forensics_gui.gui.analytics import dashboard_panel
from forensics_gui.gui.analytics.chart_painter import measure as screen_measure
from forensics_gui.gui.analytics.chart_view import ChartView
from forensics_gui.gui.kit.context import AppContext
from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.reports.charts import measure as brief_measure
from forensics_gui.services import records
from tests.chart_figures import (
    after_invasion_by_system,
    every_figure,
    identified,
    items_over_time,
    newest,
    production,
)
from tests.gui.conftest import settle
from tests.unit.test_charts import overlapping


def findings_by_country(store: Any) -> tuple[Figure, dict[str, set[Any]]]:
    """Components by maker's country, counted here from the records themselves."""
    findings = records.list_records(store, "finding", limit=10_000).rows
    countries = {org.id: org.country for org in records.list_records(store, "org",
                                                                     limit=10_000).rows}
    found: dict[str, set[Any]] = {}
    for finding in findings:
        country = countries.get(finding.manufacturer_id, "")
        if country:
            found.setdefault(country, set()).add(finding.id)
    counted = sum(len(ids) for ids in found.values())
    bars = tuple(Bar(country, len(ids), len(ids) / counted, {"manufacturer_country": country})
                 for country, ids in sorted(found.items(), key=lambda item: -len(item[1])))
    figure = Figure("by_country", "Components by manufacturer country", FINDINGS, BARS, bars,
                    len(findings), len(findings) - counted, "no manufacturer identified")
    return figure, found


class FakeService:
    """Stands for `services.analytics.dashboard`: the figures given, and who asked what."""

    def __init__(self, figures: list[Figure]) -> None:
        self.figures = figures
        self.calls: list[tuple[bool, dict[str, Any]]] = []

    def __call__(self, store: Any, choice: dict[str, Any]) -> Dashboard:
        on_main = threading.current_thread() is threading.main_thread()
        self.calls.append((on_main, choice))
        return Dashboard(AnalyticsFilters(), tuple(self.figures), 22, 8)


@pytest.fixture
def service(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> tuple[FakeService, dict]:
    figure, found = findings_by_country(context.store)
    finding = records.list_records(context.store, "finding", limit=1).rows[0]
    newest_rows = replace(newest(), bars=(Bar("Shahed-136", 0, 0.0, detail="week 9 of 2024",
                                              record_id=finding.id),))
    fake = FakeService([figure, production(), identified(), newest_rows, items_over_time(),
                        after_invasion_by_system()])
    monkeypatch.setattr(dashboard_panel, "compute", fake)
    return fake, found


def open_dashboard(window: MainWindow, qtbot: Any, context: AppContext) -> Any:
    window.show_analytics()
    qtbot.waitUntil(lambda: window.analytics_panel.dashboard is not None, timeout=10_000)
    settle(qtbot, context)
    return window.analytics_panel


def centre_of(chart: ChartView, index: int) -> QPoint:
    box = next(s for s in chart.chart_layout().shapes if isinstance(s, Box) and s.bar == index)
    return QPoint(round(box.x + box.width / 2), round(box.y + box.height / 2))


def test_the_dashboard_draws_every_figure_computed_on_the_worker(
        window: MainWindow, qtbot: Any, context: AppContext, service: Any) -> None:
    fake, _found = service
    panel = open_dashboard(window, qtbot, context)
    assert [chart.figure.name for chart in panel.grid.charts] == [
        f.name for f in fake.figures]
    assert all(chart.isVisible() and chart.height() == chart.heightForWidth(chart.width())
               for chart in panel.grid.charts)
    assert fake.calls and not fake.calls[0][0]  # computed on the worker, not the main thread
    assert "22 findings in 8 recovered items" in panel.status.text()
    assert window.table_stack.currentWidget() is panel
    assert window.editor_dock.isHidden()  # a wide page: the editor keeps out of its way


@pytest.mark.parametrize(("size", "columns"), [((1280, 800), 2), ((1920, 1080), 3)])
def test_charts_reflow_with_the_window_without_scrolling_sideways(
        window: MainWindow, qtbot: Any, context: AppContext, service: Any,
        size: tuple[int, int], columns: int) -> None:
    window.resize(*size)
    panel = open_dashboard(window, qtbot, context)
    qtbot.waitUntil(lambda: panel.grid.columns == columns)
    viewport = panel.scroll.viewport().width()
    assert panel.grid.width() <= viewport
    assert panel.scroll.horizontalScrollBar().maximum() == 0
    rects = [chart.geometry() for chart in panel.grid.charts]
    assert all(rect.right() < viewport for rect in rects)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert all(rect.width() >= 440 for rect in rects)  # wide enough to read


def test_the_pointer_shows_the_numbers(window: MainWindow, qtbot: Any, context: AppContext,
                                       service: Any) -> None:
    panel = open_dashboard(window, qtbot, context)
    chart = panel.chart("by_country")
    index = next(i for i, bar in enumerate(chart.figure.bars) if bar.label == "US")
    bar = chart.figure.bars[index]
    point = centre_of(chart, index)
    text = chart.hover_text(point)
    assert text.startswith(f"US\n{bar.value} finding")
    assert f"of the {chart.figure.counted} counted" in text and "Click to list" in text
    QTest.mouseMove(chart, point)
    qtbot.waitUntil(lambda: chart.hovered == index)
    assert QToolTip.text() == text
    assert chart.cursor().shape() == Qt.CursorShape.PointingHandCursor
    timeline = panel.chart("production")
    invasion = next(h for h in timeline.chart_layout().marker_hits
                    if h.markers[0].kind == "event")
    assert "24 February 2022: Invasion of Ukraine" in timeline.hover_text(
        QPoint(round(invasion.x), round(invasion.bottom - 5)))


def test_clicking_a_bar_lists_exactly_its_findings(window: MainWindow, qtbot: Any,
                                                   context: AppContext, service: Any) -> None:
    _fake, found = service
    panel = open_dashboard(window, qtbot, context)
    chart = panel.chart("by_country")
    index = next(i for i, bar in enumerate(chart.figure.bars) if bar.label == "US")
    with qtbot.waitSignal(window.search_panel.searched, timeout=10_000) as shown:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre_of(chart, index))
    assert window.searching()
    assert window.search_panel.filters() == {"manufacturer_country": "US"}
    listed = {hit.record_id for hit in shown.args[0].groups.get("finding", ())}
    assert listed == found["US"] and len(listed) == chart.figure.bars[index].value


def test_a_condition_with_no_search_field_is_kept_and_shown(window: MainWindow, qtbot: Any,
                                                           context: AppContext) -> None:
    from forensics_gui.services import analytics

    figure = analytics.figure(context.store, "identified")
    bar = next(b for b in figure.bars if b.filters.get("identification") == "manufacturer")
    panel = window.search_panel
    with qtbot.waitSignal(panel.searched, timeout=10_000) as shown:
        window.show_findings(bar.filters)
    assert window.searching()
    listed = shown.args[0].groups.get("finding", ())
    assert len(listed) == bar.value, "the search lists exactly what the slice counted"
    assert panel.further_label.isVisible()
    assert "identified to: its maker only" in panel.further_label.text()
    with qtbot.waitSignal(panel.searched, timeout=10_000) as again:
        panel.further_clear.click()
    assert not panel.further_label.isVisible() and "identification" not in panel.filters()
    assert len(again.args[0].groups.get("finding", ())) >= len(listed)


def test_clicking_a_row_of_one_finding_opens_it(window: MainWindow, qtbot: Any,
                                                 context: AppContext, service: Any) -> None:
    panel = open_dashboard(window, qtbot, context)
    chart = panel.chart("newest")
    bar = chart.figure.bars[0]
    assert chart.hover_text(centre_of(chart, 0)).endswith("Click to open this finding")
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre_of(chart, 0))
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.record is not None
                    and window.editor.record.id == bar.record_id, timeout=10_000)
    assert window.table_stack.currentWidget() is panel  # the dashboard stays in sight
    assert window.editor_dock.isVisible()


def test_every_chart_is_saved_as_png_svg_and_csv(window: MainWindow, qtbot: Any,
                                                 context: AppContext, service: Any,
                                                 tmp_path: Path) -> None:
    panel = open_dashboard(window, qtbot, context)
    chart = panel.chart("by_country")
    figure, layout = chart.figure, chart.chart_layout()
    png = chart.save(tmp_path / "countries.png")
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (round(layout.width * 2),
                                               round(layout.height * 2))
    svg = ElementTree.parse(chart.save(tmp_path / "countries.svg"))
    texts = {"".join(t.itertext()).strip()
             for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert {"US", figure.title} <= texts
    assert any(t.startswith(f"{figure.bars[0].value} · ") for t in texts)
    assert any(t.startswith("Counts findings") for t in texts)
    timeline = panel.chart("production")
    with open(timeline.save(tmp_path / "production.csv"), encoding="utf-8-sig",
              newline="") as f:
        rows = list(csv.reader(f))
    figure = timeline.figure
    assert rows[0][0].startswith(figure.title) and "Counts findings: 8,086 of the" in rows[0][0]
    assert "210 have no value (no readable date code)" in rows[0][0]
    assert rows[1] == ["label", "value", "share", "start", "end"]
    assert rows[2:] == [[b.label, str(b.value), f"{b.share:.4f}", str(b.start), str(b.end)]
                        for b in figure.bars]


def test_a_refused_file_name_is_explained(window: MainWindow, qtbot: Any, context: AppContext,
                                          service: Any, tmp_path: Path, answers: Any) -> None:
    panel = open_dashboard(window, qtbot, context)
    assert panel.chart("by_country").save(tmp_path / "countries.jpg") is None
    assert answers.shown and "choose a name ending in .png, .svg or .csv" in answers.shown[-1]
    assert not (tmp_path / "countries.jpg").exists()


def test_copy_puts_the_picture_and_the_numbers_on_the_clipboard(
        window: MainWindow, qtbot: Any, context: AppContext, service: Any) -> None:
    panel = open_dashboard(window, qtbot, context)
    chart = panel.chart("identified")
    chart.copy()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasImage() and not QImage(data.imageData()).isNull()
    assert "Identified part\t820\t0.8200" in data.text()


def test_the_dashboard_follows_writes_and_its_filters(window: MainWindow, qtbot: Any,
                                                      context: AppContext,
                                                      service: Any) -> None:
    fake, _found = service
    panel = open_dashboard(window, qtbot, context)
    asked = len(fake.calls)
    finding = records.list_records(context.store, "finding", limit=1).rows[0]
    records.withdraw(context.store, "finding", finding.id, finding.version,
                     "Recorded twice")
    qtbot.waitUntil(lambda: len(fake.calls) > asked, timeout=10_000)
    systems = records.names(context.store, "system")
    qtbot.waitUntil(lambda: panel.system.count() == len(systems) + 1)
    panel.system.setCurrentText(systems[0])
    panel.recovered_from.setText("2023-01-01")
    panel.top.setValue(5)
    qtbot.waitUntil(lambda: fake.calls[-1][1]["top"] == 5, timeout=10_000)
    choice = fake.calls[-1][1]
    assert choice["system"] == systems[0] and str(choice["recovered_from"]) == "2023-01-01"
    asked = len(fake.calls)
    panel.recovered_to.setText("31.12.2023")
    panel.reload()
    assert "is not a date" in panel.status.text() and len(fake.calls) == asked


def test_the_dashboard_is_loaded_only_when_first_shown(window: MainWindow) -> None:
    assert window.analytics_panel is None
    rows = [window.navigator.item(r).text() for r in range(window.navigator.count())]
    assert "Analytics" in rows


def test_a_chart_has_the_same_geometry_on_screen_and_in_a_brief(qtbot: Any) -> None:
    for figure in every_figure():
        screen = layout_chart(figure, 640, screen_measure)
        brief = layout_chart(figure, 640, brief_measure)
        assert screen.height == brief.height, figure.name
        assert [type(s) for s in screen.shapes] == [type(s) for s in brief.shapes]
        for a, b in zip(screen.shapes, brief.shapes, strict=True):
            if isinstance(a, Label):
                assert a.text == b.text and abs(a.left - b.left) < 1.0 and a.y == b.y
                assert abs(a.width - b.width) <= max(1.0, a.width * 0.005)
            elif isinstance(a, Box | Rule):
                assert all(abs(x - y) < 1.0 for x, y in zip(_numbers(a), _numbers(b),
                                                            strict=True)), figure.name


def _numbers(shape: Box | Rule) -> list[float]:
    if isinstance(shape, Box):
        return [shape.x, shape.y, shape.width, shape.height]
    return [shape.x1, shape.y1, shape.x2, shape.y2]


def test_the_demo_store_figures_are_drawn_and_lead_to_their_findings(
        window: MainWindow, qtbot: Any, context: AppContext) -> None:
    panel = open_dashboard(window, qtbot, context)  # the service itself, not a stand-in
    assert [c.figure.name for c in panel.grid.charts] == list(FIGURE_NAMES)
    for chart in panel.grid.charts:
        labels = chart.chart_layout().labels()
        assert f"Counts {chart.figure.counts}" in " ".join(label.text for label in labels)
        assert overlapping(labels) == [], chart.figure.name
    _figure, found = findings_by_country(context.store)
    chart = panel.chart("by_country")
    assert {bar.filters["manufacturer_country"]: bar.value for bar in chart.figure.bars} == {
        country: len(ids) for country, ids in found.items()}
    index = next(i for i, bar in enumerate(chart.figure.bars) if bar.label == "United States")
    with qtbot.waitSignal(window.search_panel.searched, timeout=10_000) as shown:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre_of(chart, index))
    assert {hit.record_id for hit in shown.args[0].groups["finding"]} == found["US"]


def test_the_filter_row_reaches_the_service_as_analytics_filters(
        context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[AnalyticsFilters, dict[str, Any]]] = []

    def dashboard(store: Any, filters: AnalyticsFilters, **options: Any) -> Dashboard:
        asked.append((filters, options))
        return Dashboard(filters, (), 0, 0)

    from forensics_gui.services import analytics

    monkeypatch.setattr(dashboard_panel, "analytics",
                        SimpleNamespace(dashboard=dashboard, filters_for=analytics.filters_for))
    store = context.store
    system = records.names(store, "system")[0]
    item = records.list_records(store, "item", limit=1).rows[0]
    dashboard_panel.compute(store, {"system": system, "items": [item.case_reference],
                                    "recovered_from": date(2023, 1, 1), "recovered_to": None,
                                    "after": date(2022, 2, 24), "top": 7})
    filters, options = asked[-1]
    assert filters.system_id == records.get(store, "system", system).id
    assert filters.item_ids == (item.id,) and filters.recovered_from == date(2023, 1, 1)
    # the figures' fixed words come in the interface's language
    assert options == {"after": date(2022, 2, 24), "top": 7,
                       "words": dashboard_panel.chart_words}
