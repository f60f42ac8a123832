"""Chart libraries for the dashboard and the briefs, measured side by side in one run.

    .venv/bin/python tests/benchmarks/bench_charts.py [--python OTHER/bin/python] [--runs 5]

Options:
  geometry    ours: `core/charts.py` lays a chart out; QPainter draws it on screen, ReportLab
              shapes in the PDF (the same boxes, lines and text on both)
  qtcharts    QtCharts (PySide6-Addons): a QChartView on screen, QPdfWriter for the PDF
  matplotlib  matplotlib: its Agg canvas shown as a QImage (what its QtAgg backend does), its
              PDF backend
  reportlab   ReportLab's own charts (reportlab.graphics.charts): PDF only, nothing on screen

For each: the import and the first chart (cold: a fresh process each time; for the screen
with what the client has loaded when the dashboard is first shown, its QApplication and main
window; for the PDF nothing, as in the command line; median of --runs); drawing a 15-bar
chart and a 200-period timeline with 7 reference dates on screen (offscreen, into a 640-pixel
QImage) and into a one-page PDF in memory (median of --runs after a warm-up); the installed
size it adds to the project's locked install (MB); whether its PDF is vector drawing (no
embedded picture); and whether a ReportLab brief can place that drawing.

Options this interpreter cannot import run under --python: a virtualenv made outside the
checkout, so that the lock is not touched (python3 -m venv OTHER; OTHER/bin/pip install
PySide6-Addons==6.11.3 matplotlib reportlab==5.1.0), or are skipped, saying so. Prints a
table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = ("geometry", "qtcharts", "matplotlib", "reportlab")
NEEDS = {"geometry": "PySide6.QtGui, reportlab", "qtcharts": "PySide6.QtCharts",
         "matplotlib": "matplotlib", "reportlab": "reportlab.graphics.charts"}
SCREEN_IMPORTS = {
    "geometry": "import forensics_gui.gui.analytics.chart_view",
    "qtcharts": "from PySide6 import QtCharts",
    "matplotlib": "from matplotlib.figure import Figure\n"
                  "from matplotlib.backends.backend_agg import FigureCanvasAgg",
}
PDF_IMPORTS = {
    "geometry": "import forensics_gui.reports.charts",
    "qtcharts": "from PySide6 import QtCharts, QtWidgets\nfrom PySide6.QtGui import QPdfWriter\n"
                "app = QtWidgets.QApplication([])",
    "matplotlib": "from matplotlib.figure import Figure\n"
                  "from matplotlib.backends.backend_pdf import FigureCanvasPdf",
    "reportlab": "from reportlab.graphics.charts.barcharts import HorizontalBarChart\n"
                 "from reportlab.graphics.charts.lineplots import LinePlot\n"
                 "from reportlab.graphics import renderPDF",
}
# The distributions each option installs (with what they require); those in the lock are free.
DISTRIBUTIONS = {"geometry": (), "qtcharts": ("PySide6-Addons",), "matplotlib": ("matplotlib",),
                 "reportlab": ()}
PLACEABLE = {"geometry": "yes (a Drawing)", "reportlab": "yes (a Drawing)",
             "qtcharts": "no (a PDF of its own)", "matplotlib": "no (a PDF of its own)"}
INTERACTIVE = {"geometry": "hit boxes", "qtcharts": "signals", "matplotlib": "pick events",
               "reportlab": "none"}
COLD = """
import sys, time
sys.path[:0] = [{root!r}, {bench!r}]
import bench_charts
{base}
started = time.perf_counter()
{imports}
imported = time.perf_counter()
bench_charts.DRAW[({option!r}, {target!r})]("bars")()
print(imported - started, time.perf_counter() - started)
"""
# What the client has loaded when the dashboard is first shown (our modules where they run).
SCREEN_BASE = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
try:
    import forensics_gui.gui.mainwindow.main_window
except ImportError:
    pass
"""
WIDTH, HEIGHT = 640, 400


# ------------------------------------------------------------------ the charts measured
def bar_data() -> tuple[list[str], list[int]]:
    names = ["United States", "China", "Switzerland", "Japan", "Germany", "Taiwan",
             "Netherlands", "South Korea", "United Kingdom", "Russia", "France", "Philippines",
             "Malaysia", "Ireland", "Israel"]
    return names, [412, 160, 88, 61, 44, 30, 22, 15, 11, 9, 7, 4, 3, 2, 1]


def timeline_data() -> tuple[list[date], list[int], list[tuple[date, str]]]:
    starts = [date(2007 + i // 12, i % 12 + 1, 1) for i in range(200)]
    values = [5 + (i * 37) % 23 + i // 4 for i in range(200)]
    markers = [(date(2022, 2, 24), "Invasion of Ukraine"), (date(2023, 2, 24), "CHPL published"),
               (date(2023, 9, 14), "CHPL updated"), (date(2022, 6, 28), "OFAC: Vektor"),
               (date(2023, 5, 19), "OFAC: Harbour Star"), (date(2023, 5, 20), "EU: Harbour Star"),
               (date(2024, 2, 23), "OFAC: Sino Parts")]
    return starts, values, markers


def figures() -> tuple[Any, Any]:
    from forensics_gui.core.analytics import BARS, FINDINGS, TIMELINE, Bar, Figure, Marker

    names, values = bar_data()
    total = sum(values)
    bars = Figure("by_country", "Components by manufacturer country", FINDINGS, BARS,
                  tuple(Bar(n, v, v / total) for n, v in zip(names, values, strict=True)),
                  total + 37, 37, "no manufacturer identified")
    starts, counts, markers = timeline_data()
    periods = tuple(Bar(f"{s:%Y-%m}", v, v / sum(counts), {}, s, _month_end(s))
                    for s, v in zip(starts, counts, strict=True))
    kinds = ["event", "chpl", "chpl", "designation", "designation", "designation",
             "designation"]
    timeline = Figure("production", "Production dates of components", FINDINGS, TIMELINE,
                      periods, sum(counts), 0, markers=tuple(
                          Marker(d, label, kind) for (d, label), kind in zip(markers, kinds,
                                                                              strict=True)))
    return bars, timeline


def _month_end(start: date) -> date:
    return date(start.year + (start.month == 12), start.month % 12 + 1, 1) - timedelta(days=1)


# ------------------------------------------------------------------ drawing, per option
def geometry_screen(which: str) -> Callable[[], Any]:
    from PySide6.QtGui import QColor, QImage, QPainter

    from forensics_gui.core.charts import layout_chart
    from forensics_gui.gui.analytics import chart_painter

    figure = figures()[which == "timeline"]

    def draw() -> Any:
        chart_painter.measure.cache_clear()
        layout = layout_chart(figure, WIDTH, chart_painter.measure)
        image = QImage(WIDTH, round(layout.height), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        chart_painter.paint_chart(painter, layout)
        painter.end()
        return image

    return draw


def geometry_pdf(which: str) -> Callable[[], bytes]:
    from forensics_gui.reports import charts

    figure = figures()[which == "timeline"]

    def draw() -> bytes:
        charts.measure.cache_clear()
        return _one_page(charts.chart_drawing(figure, WIDTH * 0.75))

    return draw


def _one_page(drawing: Any) -> bytes:
    import io

    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    renderPDF.draw(drawing, canvas, 40, 300)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def qtcharts_chart(which: str) -> Any:
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSet,
        QChart,
        QChartView,
        QDateTimeAxis,
        QHorizontalBarSeries,
        QLineSeries,
        QValueAxis,
    )
    from PySide6.QtCore import QDate, QDateTime, Qt, QTime
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    chart = QChart()
    chart.legend().hide()
    if which == "bars":
        names, values = bar_data()
        bar_set = QBarSet("findings")
        bar_set.append([float(v) for v in reversed(values)])
        series = QHorizontalBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(reversed(names)))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        axis = QValueAxis()
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
    else:
        starts, counts, markers = timeline_data()
        time_axis, value_axis = QDateTimeAxis(), QValueAxis()
        time_axis.setFormat("yyyy")
        chart.addAxis(time_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        line = QLineSeries()
        for start, value in zip(starts, counts, strict=True):
            line.append(_msecs(QDateTime, QDate, QTime, start), value)
        lines = [line]
        for day, label in markers:
            mark = QLineSeries(name=label)
            x = _msecs(QDateTime, QDate, QTime, day)
            mark.append(x, 0)
            mark.append(x, max(counts))
            lines.append(mark)
        for series in lines:
            chart.addSeries(series)
            series.attachAxis(time_axis)
            series.attachAxis(value_axis)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(WIDTH, HEIGHT)
    # A chart is laid out when its view is shown: rendered before, it is blank.
    view.show()
    QApplication.processEvents()
    return view


def _msecs(date_time: Any, qdate: Any, qtime: Any, day: date) -> float:
    return float(date_time(qdate(day.year, day.month, day.day), qtime(0, 0)).toMSecsSinceEpoch())


def qtcharts_screen(which: str) -> Callable[[], Any]:
    from PySide6.QtGui import QColor, QImage, QPainter

    def draw() -> Any:
        view = qtcharts_chart(which)
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        view.render(painter)
        painter.end()
        view.close()
        return image

    return draw


def qtcharts_pdf(which: str) -> Callable[[], bytes]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    def draw() -> bytes:
        view = qtcharts_chart(which)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        painter = QPainter(writer)
        view.render(painter)
        painter.end()
        buffer.close()
        view.close()
        return bytes(data.data())

    return draw


def matplotlib_figure(which: str) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    if which == "bars":
        names, values = bar_data()
        bars = axes.barh(names[::-1], values[::-1], color="#0072B2")
        axes.bar_label(bars, [f"{v} · {v / sum(values):.0%}" for v in values[::-1]])
    else:
        starts, counts, markers = timeline_data()
        axes.bar(starts, counts, width=28, color="#0072B2")
        for day, label in markers:
            axes.axvline(day, color="#D55E00", linestyle="--")
            axes.annotate(label, (day, max(counts)), fontsize=7, rotation=90)
    axes.set_title("Components", fontsize=11)
    return figure


def matplotlib_screen(which: str) -> Callable[[], Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PySide6.QtGui import QImage

    def draw() -> Any:
        canvas = FigureCanvasAgg(matplotlib_figure(which))
        canvas.draw()
        buffer = canvas.buffer_rgba()
        return QImage(bytes(buffer), buffer.shape[1], buffer.shape[0],
                      QImage.Format.Format_RGBA8888).copy()

    return draw


def matplotlib_pdf(which: str) -> Callable[[], bytes]:
    import io

    def draw() -> bytes:
        out = io.BytesIO()
        matplotlib_figure(which).savefig(out, format="pdf")
        return out.getvalue()

    return draw


def reportlab_pdf(which: str) -> Callable[[], bytes]:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing, Line, String

    def draw() -> bytes:
        drawing = Drawing(480, 300)
        if which == "bars":
            names, values = bar_data()
            chart = HorizontalBarChart()
            chart.data = [values[::-1]]
            chart.categoryAxis.categoryNames = names[::-1]
            chart.barLabelFormat = "%d"
            chart.barLabels.nudge = 10
        else:
            starts, counts, markers = timeline_data()
            chart = LinePlot()
            chart.data = [[(s.toordinal(), v) for s, v in zip(starts, counts, strict=True)]]
        chart.x, chart.y, chart.width, chart.height = 90, 30, 360, 250
        drawing.add(chart)
        if which != "bars":
            low, high = starts[0].toordinal(), starts[-1].toordinal()
            for day, label in markers:
                x = 90 + (day.toordinal() - low) / (high - low) * 360
                drawing.add(Line(x, 30, x, 280))
                drawing.add(String(x, 285, label, fontSize=7))
        return _one_page(drawing)

    return draw


DRAW = {("geometry", "screen"): geometry_screen, ("geometry", "pdf"): geometry_pdf,
        ("qtcharts", "screen"): qtcharts_screen, ("qtcharts", "pdf"): qtcharts_pdf,
        ("matplotlib", "screen"): matplotlib_screen, ("matplotlib", "pdf"): matplotlib_pdf,
        ("reportlab", "pdf"): reportlab_pdf}


# ------------------------------------------------------------------ the worker (one option)
def worker(option: str, runs: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    figures_out: dict[str, Any] = {"interpreter": sys.executable}
    for target in ("screen", "pdf"):
        for which in ("bars", "timeline"):
            maker = DRAW.get((option, target))
            if maker is None:
                continue
            draw = maker(which)
            result = draw()  # warm-up: first use of fonts and caches
            if target == "screen":
                figures_out[f"screen_{which}_colours"] = _colours(result)
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                result = draw()
                times.append(time.perf_counter() - started)
            figures_out[f"{target}_{which}_ms"] = statistics.median(times) * 1000
            if target == "pdf":
                figures_out[f"pdf_{which}_vector"] = b"/Subtype /Image" not in result
    figures_out["added_mb"] = added_megabytes(DISTRIBUTIONS[option])
    del app
    return figures_out


def _colours(image: Any) -> int:
    """How many colours a sample of the picture holds (1: nothing was drawn)."""
    return len({image.pixel(x, y) for x in range(0, image.width(), 3)
                for y in range(0, image.height(), 3)})


def added_megabytes(roots: tuple[str, ...]) -> float:
    """Installed size of these distributions and what they require, less what the lock has."""
    from importlib import metadata

    from packaging.requirements import Requirement

    locked = {re.split(r"[=\s]", line)[0].lower().replace("_", "-")
              for line in (ROOT / "installer" / "requirements.lock").read_text().splitlines()
              if re.match(r"^[A-Za-z0-9]", line)}
    seen: set[str] = set()
    waiting = list(roots)
    size = 0
    while waiting:
        name = waiting.pop().lower().replace("_", "-")
        if name in seen or name in locked:
            continue
        seen.add(name)
        dist = metadata.distribution(name)
        size += sum(f.size or 0 for f in dist.files or ())
        for text in dist.requires or ():
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                waiting.append(requirement.name)
    return size / 1e6


# ------------------------------------------------------------------ the run
def importable(python: str, option: str) -> bool:
    modules = {"geometry": "PySide6.QtGui, reportlab", "qtcharts": "PySide6.QtCharts",
               "matplotlib": "matplotlib, PySide6.QtGui", "reportlab": "reportlab.graphics"}
    done = subprocess.run([python, "-c", f"import {modules[option]}"], capture_output=True)
    return done.returncode == 0


def cold_start(python: str, option: str, target: str, runs: int) -> tuple[float, float] | None:
    """(import, import and first chart drawn) in a fresh process, medians in milliseconds."""
    imports = (SCREEN_IMPORTS if target == "screen" else PDF_IMPORTS).get(option)
    if imports is None:
        return None
    base = SCREEN_BASE if target == "screen" else ""
    code = COLD.format(root=str(ROOT), bench=str(Path(__file__).parent), base=base,
                       imports=imports, option=option, target=target)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    imported, first = [], []
    for _ in range(runs):
        done = subprocess.run([python, "-c", code], capture_output=True, text=True, env=env,
                              check=True)
        a, b = (float(n) for n in done.stdout.strip().splitlines()[-1].split())
        imported.append(a * 1000)
        first.append(b * 1000)
    return statistics.median(imported), statistics.median(first)


def measure_option(python: str, option: str, runs: int) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([python, __file__, "--worker", option, "--runs", str(runs)],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        return {"skipped": done.stderr.strip().splitlines()[-1][:200]}
    found = json.loads(done.stdout.strip().splitlines()[-1])
    for target in ("screen", "pdf"):
        cold = cold_start(python, option, target, runs)
        if cold is not None:
            found[f"import_{target}_ms"], found[f"first_{target}_ms"] = cold
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", help="interpreter of a virtualenv with the other libraries")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--worker", choices=OPTIONS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.runs)))
        return 0
    results: dict[str, Any] = {}
    for option in OPTIONS:
        python = next((p for p in (sys.executable, args.python) if p and importable(p, option)),
                      None)
        if python is None:
            results[option] = {"skipped": f"{NEEDS[option]} not importable here; give --python"}
            continue
        results[option] = measure_option(python, option, args.runs)
    print_table(results, args.runs)
    print(json.dumps(results))
    return 0


def print_table(results: dict[str, Any], runs: int) -> None:
    def cell(value: Any, width: int = 8) -> str:
        if value is None:
            return f"{'-':>{width}}"
        if isinstance(value, bool):
            return f"{'yes' if value else 'no':>{width}}"
        return f"{value:>{width}.1f}"

    print(f"\nMilliseconds, medians of {runs}. import, first: a fresh process each time (the "
          "screen's with the client's main window loaded), importing, then drawing the 15 bars")
    names = ("import", "first", "15 bars", "200 pts")
    print(f"{'option':<11}" + "".join(f"{n:>8}" for n in names * 2)
          + f"{'vector':>8}{'+MB':>8}  {'in a brief':<22}hover/click")
    print(f"{'':<11}{' screen ':-^32}{' PDF ':-^32}")
    for option, found in results.items():
        if "skipped" in found:
            print(f"{option:<11}skipped: {found['skipped']}")
            continue
        vector = (found.get("pdf_bars_vector") and found.get("pdf_timeline_vector")
                  if "pdf_bars_vector" in found else None)
        numbers = [found.get(f"{key}_{target}_ms" if key in ("import", "first")
                             else f"{target}_{key}_ms")
                   for target in ("screen", "pdf")
                   for key in ("import", "first", "bars", "timeline")]
        print(f"{option:<11}" + "".join(cell(n) for n in numbers)
              + f"{cell(vector)}{cell(found['added_mb'])}  {PLACEABLE[option]:<22}"
              + INTERACTIVE[option])


if __name__ == "__main__":
    sys.exit(main())
