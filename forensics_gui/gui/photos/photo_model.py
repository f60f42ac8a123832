"""The photos of a recovered item or a finding, with thumbnails loaded as rows come into view.

Listing the photos is one query on the worker. Thumbnails are asked for by `data()` when the
view paints a row, gathered into batches of THUMB_BATCH, fetched and decoded on the worker,
and kept as small pixmaps. A gallery of hundreds of photos therefore costs only what is on
screen.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

from forensics_gui.core.records import Photo
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import photos as photo_service

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

THUMB_BATCH = 40
ICON_SIDE = 112
MAX_CACHED = 1000  # pixmaps kept (about 40 KB each)
MAX_WANTED = 2 * THUMB_BATCH  # rows scrolled past quickly are forgotten, asked again if seen
PhotoRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def list_photos(store: Any, target: dict[str, Any]) -> list[Photo]:
    """On the worker: the photos of {'item': id} or {'finding': id}."""
    return photo_service.photos_of(store, **target)


def decode_thumbnails(store: Any, batch: list[Photo]) -> dict[UUID, QImage]:
    """On the worker: fetch thumbnails and decode them at icon size (QImage is thread-safe),
    so that the main thread only turns them into pixmaps."""
    found = photo_service.thumbnails(store, batch)
    images: dict[UUID, QImage] = {}
    for photo_id, data in found.items():
        image = QImage.fromData(data)
        if not image.isNull():
            images[photo_id] = image.scaled(ICON_SIDE, ICON_SIDE,
                                            Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
    return images


def _blank(text: str = "") -> QPixmap:
    pixmap = QPixmap(ICON_SIDE, ICON_SIDE * 3 // 4)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(128, 128, 128, 140), 1))
    painter.setBrush(QColor(128, 128, 128, 50))
    painter.drawRoundedRect(QRectF(pixmap.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
    if text:
        painter.setPen(QColor(128, 128, 128))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def tooltip_of(photo: Photo) -> str:
    """What hovering a thumbnail tells."""
    lines = [photo.file_name or photo.sha256[:12]]
    if photo.caption:
        lines.append(photo.caption)
    if photo.taken_at is not None:
        lines.append(translate("photo_model", "Taken {moment}").format(
            moment=f"{photo.taken_at:%Y-%m-%d %H:%M}"))
    if photo.finding_id is not None:
        lines.append(translate("photo_model", "Photo of a finding"))
    return "\n".join(lines)


class PhotoListModel(QAbstractListModel):
    """Photo DTOs, one per row; DecorationRole gives the thumbnail or a placeholder."""

    loaded = Signal()  # a listing arrived
    batch_requested = Signal(int)  # how many thumbnails a batch asked for

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self._photos: list[Photo] = []
        self._rows: dict[UUID, int] = {}
        self._pixmaps: OrderedDict[UUID, QPixmap] = OrderedDict()
        self._wanted: OrderedDict[UUID, None] = OrderedDict()
        self._in_flight: set[UUID] = set()
        self._generation = 0
        self.requested: set[UUID] = set()  # every thumbnail asked for since the last listing
        self._placeholder: QPixmap | None = None
        self._missing: QPixmap | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._send_batch)

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._photos)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._photos):
            return None
        photo = self._photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.file_name or photo.sha256[:12]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_of(photo)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(photo)
        if role == PhotoRole:
            return photo
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------ our own API
    def photos(self) -> list[Photo]:
        return list(self._photos)

    def photo_at(self, row: int) -> Photo | None:
        return self._photos[row] if 0 <= row < len(self._photos) else None

    def row_of(self, photo_id: UUID | None) -> int:
        return self._rows.get(photo_id, -1) if photo_id is not None else -1

    def cached(self, photo_id: UUID) -> QPixmap | None:
        """The thumbnail if it is loaded (no request is made)."""
        return self._pixmaps.get(photo_id)

    def load(self, target: dict[str, Any] | None) -> None:
        """List the photos of `target` ({'item': id} or {'finding': id}) on the worker."""
        self._generation += 1
        generation = self._generation
        if target is None or self.context.store is None:
            self.set_photos([])
            return
        self.context.run(list_photos, self.context.store, dict(target),
                         on_done=lambda found: self._listed(generation, found))

    def _listed(self, generation: int, found: list[Photo]) -> None:
        if generation == self._generation:
            self.set_photos(found)
            self.loaded.emit()

    def set_photos(self, photos: list[Photo]) -> None:
        """Show these photos; thumbnails already loaded are kept."""
        self.beginResetModel()
        self._photos = list(photos)
        self._rows = {p.id: row for row, p in enumerate(self._photos)}
        self._wanted.clear()
        self.requested.clear()
        self.endResetModel()

    def replace(self, photo: Photo) -> None:
        """Show a changed photo (a new caption) in its row."""
        row = self._rows.get(photo.id, -1)
        if row >= 0:
            self._photos[row] = photo
            self.dataChanged.emit(self.index(row), self.index(row))

    def forget(self) -> None:
        """Drop every cached thumbnail (another store was opened)."""
        self._pixmaps.clear()
        self.set_photos([])

    # -------------------------------------------------------------- thumbnails
    def placeholder(self) -> QPixmap:
        if self._placeholder is None:
            self._placeholder = _blank()
        return self._placeholder

    def thumbnail(self, photo: Photo) -> QPixmap:
        pixmap = self._pixmaps.get(photo.id)
        if pixmap is not None:
            self._pixmaps.move_to_end(photo.id)
            return pixmap
        self._want(photo.id)
        return self.placeholder()

    def _want(self, photo_id: UUID) -> None:
        if photo_id in self._in_flight:
            return
        self._wanted[photo_id] = None
        self._wanted.move_to_end(photo_id)
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)
        if not self._in_flight and not self._timer.isActive():
            self._timer.start()

    def _send_batch(self) -> None:
        if self._in_flight or not self._wanted or self.context.store is None:
            return
        batch: list[Photo] = []
        while self._wanted and len(batch) < THUMB_BATCH:
            photo_id, _ = self._wanted.popitem(last=True)  # the rows painted last first
            if photo_id in self._rows and photo_id not in self._pixmaps:
                batch.append(self._photos[self._rows[photo_id]])
        if not batch:
            return
        self._in_flight = {p.id for p in batch}
        self.requested |= self._in_flight
        self.batch_requested.emit(len(batch))
        self.context.run(decode_thumbnails, self.context.store, batch,
                         on_done=lambda images: self._arrived(batch, images),
                         on_error=self._failed)

    def _arrived(self, batch: list[Photo], images: dict[UUID, QImage]) -> None:
        self._in_flight = set()
        for photo in batch:
            image = images.get(photo.id)
            self._pixmaps[photo.id] = (QPixmap.fromImage(image) if image is not None
                                       else self._no_preview())
            self._pixmaps.move_to_end(photo.id)
        while len(self._pixmaps) > MAX_CACHED:
            self._pixmaps.popitem(last=False)
        self._announce(sorted(self._rows[p.id] for p in batch if p.id in self._rows))
        if self._wanted:
            self._timer.start()

    def _failed(self, error: BaseException, trace: str) -> None:
        self._in_flight = set()
        self._wanted.clear()  # no retry loop: the rows ask again when painted next
        self.context.show_error(error, trace)

    def _no_preview(self) -> QPixmap:
        if self._missing is None:
            self._missing = _blank(translate("photo_model", "no preview"))
        return self._missing

    def _announce(self, rows: list[int]) -> None:
        """dataChanged for each run of consecutive rows."""
        start = previous = None
        for row in [*rows, None]:
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None and previous is not None:
                self.dataChanged.emit(self.index(start), self.index(previous),
                                      [Qt.ItemDataRole.DecorationRole])
            start = previous = row

