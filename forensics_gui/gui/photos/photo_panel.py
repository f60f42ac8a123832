"""The "Photos" tab of a recovered item or a finding: the strip, the buttons, the details.

PhotoPanel holds the layout; PhotoController holds the logic (adding files, folders and
pasted pictures, saving captions, the GPS hint, opening the viewer).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.records import Photo
from forensics_gui.gui.kit.flow_layout import flow_row
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import photos as photo_service
from forensics_gui.gui.kit.lazy import records
from forensics_gui.gui.kit.store_follower import StoreFollower
from forensics_gui.gui.photos.photo_details import PhotoDetails
from forensics_gui.gui.photos.photo_gallery import PhotoStrip, local_paths
from forensics_gui.gui.photos.photo_model import PhotoListModel, PhotoRole
from forensics_gui.gui.photos.photo_viewer import PhotoViewer

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

IMAGE_FILTER = QT_TRANSLATE_NOOP(
    "PhotoPanel", "Pictures (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.JPG *.JPEG "
    "*.PNG *.TIF *.TIFF *.WEBP *.HEIC *.HEIF);;All files (*)")
MAX_LISTED = 25  # refused files named in the summary; the rest are counted


def png_bytes(image: QImage) -> bytes:
    """A clipboard image as PNG file bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def photos_text(n: int, grouped: bool = True) -> str:
    """'1 photo', '1,200 photos' ('1200 photos' not `grouped`)."""
    return (translate("PhotoPanel", "{count} photo") if n == 1 else
            translate("PhotoPanel", "{count} photos")).format(count=f"{n:,}" if grouped else n)


def pasted_name(now: datetime | None = None) -> str:
    return f"pasted-{(now or datetime.now()):%Y%m%d-%H%M%S}.png"


def skipped_in_folders(paths: list[str], taken: list[Any]) -> list[tuple[str, str]]:
    """(file, why) for every file in the folders among `paths` that is not among `taken`
    (the files a batch reads): left out by its name, never opened."""
    read = {str(path) for path in taken}
    skipped = []
    for folder in map(Path, paths):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and str(path) not in read:
                skipped.append((str(path.relative_to(folder)), translate(
                    "PhotoPanel", "a “{suffix}” file, not a picture").format(suffix=path.suffix)
                    if path.suffix else
                    translate("PhotoPanel", "no file extension, not a picture")))
    return skipped


def add_and_list_skipped(store: Any, paths: list[str], *, control: Any = None,
                         **target: Any) -> tuple[Any, list[tuple[str, str]]]:
    """On the worker: add the pictures among `paths`, and say which files of its folders
    were left out because they are not pictures."""
    report = photo_service.add_photos(store, paths, control=control, **target)
    return report, skipped_in_folders(paths, photo_service.expand(paths))


def add_summary(report: Any, skipped: list[tuple[str, str]] | None = None) -> str:
    """What a batch did, in words; the files of its folders left out as not pictures, the
    refused files with the reason for each, and where the store could not take more, the
    file it stopped at, why, and the files not attempted."""
    lines = [translate("PhotoPanel", "{photos} added.").format(
        photos=photos_text(len(report.added), grouped=False))]
    if skipped:
        lines += ["", translate("PhotoPanel", "{count} skipped (JPEG, PNG, TIFF, WebP and "
                                "HEIC/HEIF pictures are added):").format(count=len(skipped))]
        lines += _listed([f"{name}: {why}" for name, why in skipped])
    if report.cancelled:
        lines.append(translate("PhotoPanel",
                               "You cancelled: the files after that point were not added."))
    if report.already_attached:
        lines.append(translate("PhotoPanel", "{count} already attached here (not added "
                               "twice).").format(count=len(report.already_attached)))
    if report.refused:
        lines += ["", translate("PhotoPanel", "{count} not added:").format(
            count=len(report.refused))]
        lines += _listed([f"{Path(r.path).name}: {r.reason}" for r in report.refused])
    if report.stopped is not None:
        lines += ["", translate("PhotoPanel", "Stopped at {file}, which was not added: "
                                "{reason}").format(file=Path(report.stopped.path).name,
                                                   reason=report.stopped.reason),
                  translate("PhotoPanel", "The photos added before it are kept; add the others "
                            "again once the problem is solved.")]
    if report.not_attempted:
        lines += ["", translate("PhotoPanel", "{count} not attempted:").format(
            count=len(report.not_attempted))]
        lines += _listed([Path(p).name for p in report.not_attempted])
    return "\n".join(lines)


def _listed(names: list[str]) -> list[str]:
    """Bullet lines for at most MAX_LISTED names; the rest are counted."""
    lines = [f"• {name}" for name in names[:MAX_LISTED]]
    if len(names) > MAX_LISTED:
        lines.append(translate("PhotoPanel", "…and {count} more.").format(
            count=len(names) - MAX_LISTED))
    return lines


class PhotoController(QObject):
    """The photos of one recovered item or one finding, and what the user does with them."""

    open_finding_requested = Signal(object)  # finding id
    gps_chosen = Signal(float, float)  # latitude, longitude the user chose to use
    added = Signal(object)  # AddReport, or the Photo of a pasted picture
    status = Signal(str)

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.model = PhotoListModel(context, self)
        self.item: Any = None
        self.finding: Any = None
        self.viewer: PhotoViewer | None = None
        # A finding's deletion takes its photos with it.
        self.follower = StoreFollower(parent_widget, context, ("photo", "finding"),
                                      self._follow, forget=self._forget, gated=False)

    # ------------------------------------------------------------------ target
    def show_item(self, item: Any) -> None:
        """Show the photos of a recovered item (its findings' photos included)."""
        self.item, self.finding = item, None
        self.reload()

    def show_finding(self, finding: Any) -> None:
        """Show the photos of one finding."""
        self.item, self.finding = None, finding
        self.reload()

    def target(self) -> dict[str, UUID] | None:
        if self.finding is not None:
            return {"finding": self.finding.id}
        return {"item": self.item.id} if self.item is not None else None

    def reload(self) -> None:
        self.model.load(self.target())

    def _follow(self, _changes: Any) -> None:
        if self.target() is not None:
            self.reload()

    def _forget(self) -> None:
        self.item = self.finding = None
        self.model.forget()
        if self.viewer is not None:
            self.viewer.close()

    # ------------------------------------------------------------------ adding
    def add_paths(self, paths: list[str]) -> None:
        """Add picture files and folders of them, as one cancellable task."""
        target = self.target()
        if not paths or target is None:
            return
        self.context.run(partial(add_and_list_skipped, **target), self.context.store,
                         list(paths), on_done=self._added,
                         label=translate("PhotoPanel", "Adding photos…"),
                         control=True)

    def _added(self, result: tuple[Any, list[tuple[str, str]]]) -> None:
        report, skipped = result
        self.added.emit(report)
        if report.added:  # so that the viewer opens them at once later (no label: no dialog)
            self.context.run(photo_service.prepare_display_copies, self.context.store,
                             [p.id for p in report.added])
        stopped = (translate("PhotoPanel", "; stopped at {file}").format(
            file=Path(report.stopped.path).name) if report.stopped is not None else "")
        left = translate("PhotoPanel", "; {count} not pictures skipped").format(
            count=len(skipped)) if skipped else ""
        self.status.emit(translate("PhotoPanel", "{photos} added").format(
            photos=photos_text(len(report.added), grouped=False)) + left + stopped)
        if report.stopped is not None:
            QMessageBox.warning(self.parent_widget,
                                translate("PhotoPanel", "Adding photos stopped"),
                                add_summary(report, skipped))
        elif report.refused or report.cancelled or report.already_attached or skipped:
            QMessageBox.information(self.parent_widget, translate("PhotoPanel", "Adding photos"),
                                    add_summary(report, skipped))

    def paste(self) -> None:
        """Add what the clipboard holds: copied files, or a picture (saved as PNG)."""
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        paths = local_paths(mime)
        if paths:
            self.add_paths(paths)
        elif mime is not None and mime.hasImage():
            self.add_image(clipboard.image())
        else:
            self.status.emit(translate("PhotoPanel", "The clipboard holds no picture"))

    def add_image(self, image: QImage) -> None:
        """Add a picture held in memory (pasted) under a generated file name."""
        if image.isNull() or self.target() is None:
            return
        if self.finding is not None:
            ids = {"item_id": self.finding.item_id, "finding_id": self.finding.id}
        else:
            ids = {"item_id": self.item.id, "finding_id": None}
        self.context.run(partial(photo_service.add_photo_bytes, **ids), self.context.store,
                         png_bytes(image), pasted_name(), on_done=self._pasted,
                         label=translate("PhotoPanel", "Adding the pasted picture…"))

    def _pasted(self, photo: Photo | None) -> None:
        if photo is None:
            QMessageBox.information(self.parent_widget, translate("PhotoPanel", "Paste"),
                                    translate("PhotoPanel",
                                              "This picture is already attached here."))
            return
        self.added.emit(photo)
        self.status.emit(translate("PhotoPanel", "Pasted picture added as {file}").format(
            file=photo.file_name))

    # ------------------------------------------------------------ one photo
    def save_caption(self, photo: Photo, caption: str) -> None:
        self.context.run(records.update, self.context.store, "photo", photo.id, photo.version,
                         {"caption": caption}, on_done=self._caption_saved,
                         on_error=self._caption_failed,
                         label=translate("PhotoPanel", "Saving the caption…"))

    def _caption_saved(self, photo: Photo) -> None:
        self.model.replace(photo)
        self.status.emit(translate("PhotoPanel", "Caption saved"))

    def _caption_failed(self, error: BaseException, trace: str) -> None:
        self.context.show_error(error, trace)
        self.reload()  # show what the store holds now

    def offer_gps(self, photo: Photo) -> None:
        """After the user confirms, hand the photo's GPS position to the item's form."""
        if not photo.has_gps:
            return
        answer = QMessageBox.question(
            self.parent_widget, translate("PhotoPanel", "Use the photo's GPS position"),
            translate("PhotoPanel", "Fill the item's latitude and longitude with {latitude}, "
                      "{longitude} from “{file}”?\n\nA camera's position is only a hint (the "
                      "photo may have been taken elsewhere, or the clock and GPS may be wrong): "
                      "check it against the recovery report. Nothing is saved until you save "
                      "the item.").format(latitude=f"{photo.gps_latitude:.6f}",
                                          longitude=f"{photo.gps_longitude:.6f}",
                                          file=photo.file_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.gps_chosen.emit(float(photo.gps_latitude), float(photo.gps_longitude))

    def open_viewer(self, row: int) -> PhotoViewer | None:
        """Show photo `row` large; next and previous move through this gallery."""
        photos = self.model.photos()
        if not 0 <= row < len(photos):
            return None
        if self.viewer is None:
            self.viewer = PhotoViewer(self.context, self.parent_widget)
            self.viewer.open_finding_requested.connect(self.open_finding_requested)
        self.viewer.controller.show_photos(photos, row)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        return self.viewer


class PhotoPanel(QWidget):
    """The Photos tab: buttons, the gallery strip and the selected photo's details."""

    def __init__(self, context: AppContext, offer_place: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = PhotoController(context, self)
        self.model = self.controller.model
        self._selected: UUID | None = None
        self.strip = PhotoStrip()
        self.strip.setModel(self.model)
        self.details = PhotoDetails(offer_place)
        self._build()
        self._connect()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.add_button = QPushButton(translate("PhotoPanel", "Add photos…"))
        self.add_folder_button = QPushButton(translate("PhotoPanel", "Add folder…"))
        self.paste_button = QPushButton(translate("PhotoPanel", "Paste"))
        self.paste_button.setToolTip(translate(
            "PhotoPanel", "Add a picture or files from the clipboard (Ctrl+V)"))
        self.withdraw_button = QPushButton(translate("PhotoPanel", "Withdraw…"))
        self.withdraw_button.setToolTip(translate(
            "PhotoPanel", "Withdraw the selected photo with a reason: it is kept as evidence "
            "and leaves the gallery"))
        self.withdraw_button.setEnabled(False)
        self.count = QLabel()
        self.message = QLabel()
        self.message.setEnabled(False)
        # On a narrow pane (or with longer words) the buttons wrap onto a second line.
        layout.addLayout(flow_row(self.add_button, self.add_folder_button, self.paste_button,
                                  self.withdraw_button))
        about = QHBoxLayout()
        about.addWidget(self.message, 1)
        about.addWidget(self.count)
        layout.addLayout(about)
        layout.addWidget(self.strip)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.details)
        # It scrolls: a few lines are enough, so that the editor's boxes below the tabs keep
        # their room on a small screen.
        scroll.setMinimumHeight(3 * self.fontMetrics().height())
        scroll.viewport().setAutoFillBackground(False)  # the tab's own background
        self.details.setAutoFillBackground(False)
        layout.addWidget(scroll, 1)
        paste = QAction(translate("PhotoPanel", "Paste photos"), self)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.triggered.connect(self.controller.paste)
        self.addAction(paste)

    def _connect(self) -> None:
        c = self.controller
        self.add_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.paste_button.clicked.connect(c.paste)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.strip.paths_dropped.connect(c.add_paths)
        self.strip.doubleClicked.connect(lambda index: c.open_viewer(index.row()))
        self.strip.activated.connect(lambda index: c.open_viewer(index.row()))
        self.strip.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._restore_selection)
        self.model.dataChanged.connect(self._refresh_details)
        self.details.caption_saved.connect(c.save_caption)
        self.details.place_requested.connect(c.offer_gps)
        self.details.view_requested.connect(
            lambda photo: c.open_viewer(self.model.row_of(photo.id)))
        c.status.connect(self.message.setText)

    # --------------------------------------------------------------- choosing
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, translate("PhotoPanel", "Add photos"),
                                                "", translate("PhotoPanel", IMAGE_FILTER))
        self.controller.add_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("PhotoPanel", "Add every picture in a folder"))
        if folder:
            self.controller.add_paths([folder])

    # -------------------------------------------------------------- selection
    def _current_changed(self, current: Any, _previous: Any) -> None:
        photo = self.model.photo_at(current.row()) if current.isValid() else None
        self._selected = photo.id if photo is not None else None
        self.details.show_photo(photo)
        self.withdraw_button.setEnabled(photo is not None)

    def withdraw_selected(self) -> None:
        """Ask why, then withdraw the selected photo (evidence is never deleted)."""
        photo = self.model.photo_at(self.strip.currentIndex().row())
        if photo is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, translate("PhotoPanel", "Withdraw photo"), translate(
                "PhotoPanel", "Why is {file} withdrawn? It stays in the store and in its "
                "history, and leaves this gallery.").format(file=photo.file_name))
        if ok and reason.strip():
            context = self.controller.context
            context.run(records.withdraw, context.store, "photo", photo.id, photo.version,
                        reason, label=translate("PhotoPanel", "Withdrawing the photo…"))

    def _restore_selection(self) -> None:
        n = self.model.rowCount()
        self.count.setText(photos_text(n))
        row = self.model.row_of(self._selected)
        row = row if row >= 0 else (0 if n else -1)
        if row >= 0:
            self.strip.setCurrentIndex(self.model.index(row))
        else:
            self.details.show_photo(None)

    def _refresh_details(self, top_left: Any, bottom_right: Any, roles: Any = ()) -> None:
        if roles and Qt.ItemDataRole.DecorationRole in roles:
            return
        current = self.strip.currentIndex()
        if current.isValid() and top_left.row() <= current.row() <= bottom_right.row():
            self.details.show_photo(current.data(PhotoRole))

    def selected_photo(self) -> Photo | None:
        index = self.strip.currentIndex()
        return index.data(PhotoRole) if index.isValid() else None
