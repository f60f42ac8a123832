"""What is known about the selected photo: file, hash, who added it, camera, size, GPS, caption."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.records import Photo
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.icons import icon

# How EXIF orientation values read (the camera's words; pictures are always shown upright).
ORIENTATIONS = {
    1: QT_TRANSLATE_NOOP("PhotoDetails", "normal"),
    2: QT_TRANSLATE_NOOP("PhotoDetails", "mirrored horizontally"),
    3: QT_TRANSLATE_NOOP("PhotoDetails", "rotated 180°"),
    4: QT_TRANSLATE_NOOP("PhotoDetails", "mirrored vertically"),
    5: QT_TRANSLATE_NOOP("PhotoDetails", "mirrored horizontally, rotated 270° clockwise"),
    6: QT_TRANSLATE_NOOP("PhotoDetails", "rotated 90° clockwise"),
    7: QT_TRANSLATE_NOOP("PhotoDetails", "mirrored horizontally, rotated 90° clockwise"),
    8: QT_TRANSLATE_NOOP("PhotoDetails", "rotated 270° clockwise"),
}
GPS_NOTE = QT_TRANSLATE_NOOP("PhotoDetails", "GPS position: a hint for the recovery place; it "
                             "is never applied automatically.")
# The rows of the details: key -> label.
ROWS = (("file_name", QT_TRANSLATE_NOOP("PhotoDetails", "File name")),
        ("attached", QT_TRANSLATE_NOOP("PhotoDetails", "Attached to")),
        ("added", QT_TRANSLATE_NOOP("PhotoDetails", "Added")),
        ("taken_at", QT_TRANSLATE_NOOP("PhotoDetails", "Taken at")),
        ("camera", QT_TRANSLATE_NOOP("PhotoDetails", "Camera")),
        ("lens", QT_TRANSLATE_NOOP("PhotoDetails", "Lens")),
        ("size", QT_TRANSLATE_NOOP("PhotoDetails", "Size")),
        ("orientation", QT_TRANSLATE_NOOP("PhotoDetails", "Orientation")),
        ("gps", QT_TRANSLATE_NOOP("PhotoDetails", "GPS")))


def size_text(photo: Photo) -> str:
    pixels = translate("PhotoDetails", "{width} × {height} px").format(
        width=photo.width, height=photo.height) if photo.width and photo.height else ""
    size = photo.byte_size
    if size is None:
        return pixels or "—"
    readable = (translate("PhotoDetails", "{size} MB").format(size=f"{size / 1e6:.1f}")
                if size >= 1e6 else
                translate("PhotoDetails", "{size} KB").format(size=f"{size / 1e3:.0f}"))
    stored = translate("PhotoDetails", "{readable} ({bytes} bytes)").format(
        readable=readable, bytes=f"{size:,}")
    return " · ".join(t for t in (pixels, stored) if t)


def camera_text(photo: Photo) -> str:
    make, model = photo.camera_make.strip(), photo.camera_model.strip()
    if make and model.lower().startswith(make.lower()):
        return model
    return " ".join(t for t in (make, model) if t) or translate("PhotoDetails", "not recorded")


def gps_text(photo: Photo) -> str:
    if not photo.has_gps:
        return translate("PhotoDetails", "none in the picture")
    text = f"{photo.gps_latitude:.6f}, {photo.gps_longitude:.6f}"
    if photo.gps_altitude is not None:
        text += " · " + translate("PhotoDetails", "{altitude} m").format(
            altitude=f"{photo.gps_altitude:.0f}")
    return text


def orientation_text(photo: Photo) -> str:
    name = translate("PhotoDetails", ORIENTATIONS.get(photo.orientation, "unknown"))
    return translate("PhotoDetails", "{name} (EXIF {value}); shown upright").format(
        name=name, value=photo.orientation)


def added_text(photo: Photo) -> str:
    when = translate("PhotoDetails", " on {moment} UTC").format(
        moment=f"{photo.created_at:%Y-%m-%d %H:%M}") if photo.created_at else ""
    return f"{photo.created_by or translate('PhotoDetails', 'unknown')}{when}"


def _selectable() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class PhotoDetails(QWidget):
    """The selected photo's metadata; the caption can be edited and saved."""

    caption_saved = Signal(object, str)  # photo, new caption
    place_requested = Signal(object)  # photo whose GPS position should fill the item's place
    view_requested = Signal(object)  # photo to open in the viewer

    def __init__(self, offer_place: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo: Photo | None = None
        self.offer_place = offer_place
        self.values: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(translate("PhotoDetails",
                                      "Select a photo to see what is known about it."))
        self.empty.setEnabled(False)
        outer.addWidget(self.empty)
        self.form_widget = QWidget()
        outer.addWidget(self.form_widget)
        outer.addStretch(1)
        self._build_form(QFormLayout(self.form_widget))
        self.show_photo(None)

    def _build_form(self, form: QFormLayout) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(translate("PhotoDetails", "What the photo shows"))
        self.caption.textEdited.connect(self._caption_edited)
        self.caption.returnPressed.connect(self._save_caption)
        self.save_caption = QPushButton(translate("PhotoDetails", "Save caption"))
        self.save_caption.clicked.connect(self._save_caption)
        self.view_button = QPushButton(translate("PhotoDetails", "Open viewer"))
        self.view_button.clicked.connect(
            lambda: self.photo and self.view_requested.emit(self.photo))
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(self.save_caption)
        row.addWidget(self.view_button)
        form.addRow(translate("PhotoDetails", "Caption"), row)
        for key, label in ROWS:
            self.values[key] = _selectable()
            form.addRow(translate("PhotoDetails", label), self.values[key])
        self.sha = QLineEdit()
        self.sha.setReadOnly(True)
        self.sha.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.sha.setToolTip(translate("PhotoDetails",
                                      "The SHA-256 of the original file, exactly as it was added"))
        copy = QPushButton(icon("copy"), "")
        copy.setToolTip(translate("PhotoDetails", "Copy the SHA-256"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.sha.text()))
        sha_row = QHBoxLayout()
        sha_row.addWidget(self.sha, 1)
        sha_row.addWidget(copy)
        form.insertRow(2, "SHA-256", sha_row)
        self.gps_note = QLabel(translate("PhotoDetails", GPS_NOTE))
        self.gps_note.setWordWrap(True)
        self.gps_note.setEnabled(False)
        self.use_place = QPushButton(translate("PhotoDetails", "Use as recovery place…"))
        self.use_place.setToolTip(translate(
            "PhotoDetails", "Fill the item's latitude and longitude with this position (after "
            "you confirm; the item is saved only when you save it)"))
        self.use_place.clicked.connect(lambda: self.photo and self.place_requested.emit(self.photo))
        place_row = QHBoxLayout()
        place_row.addWidget(self.use_place)
        place_row.addStretch(1)
        form.addRow("", self.gps_note)
        form.addRow("", place_row)

    def show_photo(self, photo: Photo | None) -> None:
        """Show `photo`, or the hint to select one; a caption being typed is kept."""
        typing = (photo is not None and self.photo is not None and photo.id == self.photo.id
                  and self.caption.text() != self.photo.caption)
        self.photo = photo
        self.empty.setVisible(photo is None)
        self.form_widget.setVisible(photo is not None)
        if photo is None:
            return
        texts = {
            "file_name": photo.file_name or "—",
            "attached": (photo.item_case_reference or "—") +
                        (translate("PhotoDetails", " · photo of a finding")
                         if photo.finding_id else ""),
            "added": added_text(photo),
            "taken_at": f"{photo.taken_at:%Y-%m-%d %H:%M:%S}" if photo.taken_at else
                        translate("PhotoDetails", "unknown"),
            "camera": camera_text(photo),
            "lens": photo.lens or translate("PhotoDetails", "not recorded"),
            "size": size_text(photo), "orientation": orientation_text(photo),
            "gps": gps_text(photo),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.sha.setText(photo.sha256)
        self.sha.setCursorPosition(0)
        if not typing:
            self.caption.setText(photo.caption)
        self.save_caption.setEnabled(self.caption.text() != photo.caption)
        self.gps_note.setVisible(photo.has_gps)
        self.use_place.setVisible(photo.has_gps and self.offer_place)

    def _caption_edited(self, text: str) -> None:
        self.save_caption.setEnabled(self.photo is not None and text != self.photo.caption)

    def _save_caption(self) -> None:
        if self.photo is not None and self.caption.text() != self.photo.caption:
            self.save_caption.setEnabled(False)
            self.caption_saved.emit(self.photo, self.caption.text())

    def values_shown(self) -> dict[str, Any]:
        """What each row shows (tests, copying)."""
        return {key: label.text() for key, label in self.values.items()} | {
            "sha256": self.sha.text(), "caption": self.caption.text()}
