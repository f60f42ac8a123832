"""The supply graph as a picture: PNG (twice the screen's resolution, for print) or SVG
(scalable, for reports), written whole or not at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.files import replace_atomically
from forensics_gui.gui.kit.i18n import translate

PNG_SCALE, PNG_MAX_SIDE = 2.0, 16_000
BORDER = 24.0


def export_scene(scene: QGraphicsScene, path: str | Path, title: str = "") -> Path:
    """Save everything on the scene as PNG or SVG, by the file's suffix."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValidationError(translate("graph_export", "file"), translate(
            "graph_export", "{name}: choose a name ending in .png or .svg").format(
            name=repr(target.name)))
    if target.is_dir():
        raise ValidationError(translate("graph_export", "file"), translate(
            "graph_export", "{target} is a folder; give the name of a file").format(
            target=target))
    if not target.parent.is_dir():
        raise ValidationError(translate("graph_export", "file"), translate(
            "graph_export", "{target}: the folder {folder} does not exist").format(
            target=target, folder=target.parent))
    source = scene.itemsBoundingRect().adjusted(-BORDER, -BORDER, BORDER, BORDER)
    # Cached items would be painted as bitmaps of the screen's resolution: drawn afresh
    # they stay sharp in the PNG, and text and lines in the SVG.
    cached = [(item, item.cacheMode()) for item in scene.items()
              if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        if suffix == ".png":
            replace_atomically(target, lambda path: _write_png(scene, source, path))
        else:
            replace_atomically(target, lambda path: _write_svg(scene, source, path, title))
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
    return target


def _write_png(scene: QGraphicsScene, source: QRectF, path: str) -> None:
    scale = min(PNG_SCALE, PNG_MAX_SIDE / max(source.width(), source.height(), 1.0))
    image = QImage(QSize(max(int(source.width() * scale), 1),
                         max(int(source.height() * scale), 1)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing |
                           QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    if not image.save(path, "PNG"):
        raise OSError("the image could not be written")


def _write_svg(scene: QGraphicsScene, source: QRectF, path: str, title: str) -> None:
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(int(source.width()), int(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(translate("graph_export", "Supply links — {title}").format(title=title)
                       if title else translate("graph_export", "Supply links"))
    generator.setDescription(translate("graph_export", "Organizations and supply links"))
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()



