"""A chart as a file or on the clipboard: PNG (twice the screen's resolution, for print), SVG
(vector, text as text), its data as CSV (label, value, share, under a line saying what it
counts and how many records had no value). Files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from forensics_gui.core.chart_shapes import ChartLayout
from forensics_gui.core.charts import counted_line, csv_rows
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.files import replace_atomically
from forensics_gui.formats.tables import write_csv
from forensics_gui.gui.analytics.chart_painter import paint_chart
from forensics_gui.gui.kit.i18n import translate

PNG_SCALE = 2.0
SUFFIXES = (".png", ".svg", ".csv")


def chart_image(layout: ChartLayout, scale: float = PNG_SCALE) -> QImage:
    """The chart as a picture, `scale` pixels for each of the layout's."""
    image = QImage(QSize(round(layout.width * scale), round(layout.height * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(1.0)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint_chart(painter, layout)
    painter.end()
    return image


def copy_chart(layout: ChartLayout) -> None:
    """Put the chart on the clipboard as a picture (and its data as text)."""
    about, columns, rows = csv_rows(layout.figure)
    data = QMimeData()
    data.setImageData(chart_image(layout))
    data.setText("\n".join([about, "\t".join(columns), *("\t".join(r) for r in rows)]))
    QGuiApplication.clipboard().setMimeData(data)


def save_chart(layout: ChartLayout, path: str | Path) -> Path:
    """Write the chart as PNG or SVG, or its data as CSV, by the file's suffix."""
    target = _target(path)
    writer = {".png": _write_png, ".svg": _write_svg, ".csv": _write_csv}[target.suffix.lower()]
    replace_atomically(target, lambda temporary: writer(layout, temporary))
    return target


def _target(path: str | Path) -> Path:
    target = Path(path)
    if target.suffix.lower() not in SUFFIXES:
        raise ValidationError(translate("chart_export", "file"), translate(
            "chart_export", "{name}: choose a name ending in .png, .svg or .csv").format(
            name=repr(target.name)))
    if target.is_dir():
        raise ValidationError(translate("chart_export", "file"), translate(
            "chart_export", "{target} is a folder; give the name of a file").format(
            target=target))
    if not target.parent.is_dir():
        raise ValidationError(translate("chart_export", "file"), translate(
            "chart_export", "{target}: the folder {folder} does not exist").format(
            target=target, folder=target.parent))
    return target


def _write_png(layout: ChartLayout, path: str) -> None:
    if not chart_image(layout).save(path, "PNG"):
        raise OSError("the image could not be written")


def _write_svg(layout: ChartLayout, path: str) -> None:
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(round(layout.width), round(layout.height)))
    generator.setViewBox(QRectF(0, 0, layout.width, layout.height))
    generator.setTitle(layout.figure.title)
    generator.setDescription(counted_line(layout.figure))
    painter = QPainter(generator)
    paint_chart(painter, layout)
    painter.end()


def _write_csv(layout: ChartLayout, path: str) -> None:
    about, columns, rows = csv_rows(layout.figure)
    with open(path, "wb") as stream:
        write_csv(stream, [about], [columns, *rows])
