"""Charts in a brief: vector drawing (boxes, lines and text, no picture) of the geometry the
screen draws, with the labels as text a reader can search and copy, in the embedded fonts."""

from __future__ import annotations

import base64
import re
import zlib
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String

from forensics_gui.core.charts import layout_chart
from forensics_gui.reports.charts import (
    PIXEL,
    WIDTH,
    chart_drawing,
    layout_drawing,
    measure,
    write_charts_pdf,
)
from tests import pdf_tools
from tests.chart_figures import by_country, every_figure, production


def shapes(drawing: Drawing) -> list[object]:
    found: list[object] = []
    for node in drawing.contents:
        found += node.contents if isinstance(node, Group) else [node]
    return found


def test_a_chart_is_drawn_with_its_own_geometry() -> None:
    figure = production()
    layout = layout_chart(figure, WIDTH / PIXEL, measure)
    drawing = chart_drawing(figure)
    assert drawing.width == pytest.approx(WIDTH)
    assert drawing.height == pytest.approx(layout.height * PIXEL)
    drawn = shapes(drawing)
    assert {type(shape) for shape in drawn} <= {Rect, Line, String}
    rects = [s for s in drawn if isinstance(s, Rect)]
    boxes = [s for s in layout.shapes if type(s).__name__ == "Box"]
    assert len(rects) == len(boxes)
    for rect, box in zip(rects, boxes, strict=True):  # the same boxes, y turned upwards
        assert (rect.x, rect.width, rect.height) == (box.x, box.width, box.height)
        assert rect.y == pytest.approx(layout.height - box.y - box.height)
    strings = {s.text for s in drawn if isinstance(s, String)}
    assert {"Invasion of Ukraine", "2022", "Production dates of components"} <= strings


def test_cyrillic_and_chinese_labels_are_set_in_fonts_that_have_them() -> None:
    from dataclasses import replace

    from forensics_gui.core.analytics import Bar
    from forensics_gui.reports import fonts

    figure = replace(by_country(), bars=(Bar("ООО Вектор", 3, 0.5), Bar("深圳 Parts", 3, 0.5)))
    drawn = [s for s in shapes(chart_drawing(figure)) if isinstance(s, String)]
    assert any(s.text == "ООО Вектор" and s.fontName == fonts.BODY for s in drawn)
    assert any(s.text == "深圳" and s.fontName == fonts.WIDE for s in drawn)


def test_the_pdf_holds_the_charts_as_vector_drawing_and_text(tmp_path: Path) -> None:
    path = write_charts_pdf(every_figure(), tmp_path / "charts.pdf", title="Figures")
    data = path.read_bytes()
    assert b"/Subtype /Image" not in data  # no picture anywhere
    streams = b"".join(_inflated(data))
    assert streams.count(b" re") >= 200  # the bars, as rectangles
    assert b"(United States) Tj" in streams and b"(Invasion of Ukraine) Tj" in streams
    pdf_tools.require()
    text = " ".join(pdf_tools.pages(path))
    for expected in ("Components by manufacturer country", "412 · 47 %", "United States",
                     "Invasion of Ukraine", "2022", "Counts findings: 869 of the 906 covered; 37 "
                     "have no value (no manufacturer identified)."):
        assert expected in text
    assert pdf_tools.run("pdfimages", "-list", path).splitlines()[2:] == []
    assert all(font["embedded"] == "yes" for font in pdf_tools.fonts(path))


def _inflated(data: bytes) -> list[bytes]:
    """Every stream of the PDF, decoded (Flate; ASCII85 first where ReportLab used it)."""
    found = []
    for body in re.findall(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            if body.rstrip().endswith(b"~>"):
                body = base64.a85decode(body.rstrip()[:-2])
            found.append(zlib.decompressobj().decompress(body))
        except (ValueError, zlib.error):
            found.append(body)
    return found


def test_a_drawing_scales_the_layout_without_moving_anything() -> None:
    layout = layout_chart(by_country(), 640, measure)
    small, large = layout_drawing(layout, 0.5), layout_drawing(layout, 1.0)
    assert (small.width, small.height) == (layout.width * 0.5, layout.height * 0.5)
    assert small.contents[0].transform == (0.5, 0, 0, 0.5, 0, 0)
    assert [type(s) for s in shapes(small)] == [type(s) for s in shapes(large)]
