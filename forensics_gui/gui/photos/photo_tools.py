"""Tools for all photos: check that every photo has its original and every original is intact
and used, export an item's photos."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.gui.kit.lazy import photos as photo_service

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

REDACTED = "Redacted copies: no GPS position, camera or other metadata (recommended)"
ORIGINALS = "Originals, byte for byte (keep GPS and camera data; internal use only)"


def export_item_photos(store: Any, item_id: UUID, folder: str, redacted: bool,
                       control: Any = None) -> list[Any]:
    """On the worker: every photo of the item (its findings' included) written to `folder`."""
    found = photo_service.photos_of(store, item=item_id)
    return photo_service.export(store, [p.id for p in found], folder, redacted=redacted,
                                control=control)


MISMATCH = "Changed since it was added"
MISSING = "Original missing"
UNUSED = "No photo refers to this original"


def _when(moment: Any) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else ""


def _photo_cells(photo: Any) -> tuple[str, str, str, str]:
    if photo is None:
        return ("(no photo uses it)", "", "", "")
    return (photo.file_name, photo.item_case_reference, photo.created_by,
            _when(photo.created_at))


def integrity_rows(report: Any) -> list[tuple[str, ...]]:
    """One row per problem a check found: (photo, item, added by, added at, stored SHA-256,
    SHA-256 now, problem). An original no photo refers to shows who stored it and when."""
    rows = [(*_photo_cells(photo), failure.sha256, failure.actual, MISMATCH)
            for failure in report.failures for photo in failure.photos or (None,)]
    rows += [(*_photo_cells(photo), photo.sha256, "(not in the store)", MISSING)
             for photo in report.photos_without_original]
    rows += [("(no photo)", "", original.created_by, _when(original.created_at),
              original.sha256, "", UNUSED) for original in report.originals_without_photo]
    return rows


def integrity_summary(report: Any) -> str:
    """What a check found, in words."""
    found = [f"{len(report.failures)} of {report.checked:,} originals no longer match their "
             "SHA-256 (damaged or changed after they were added)" if report.failures else "",
             f"{len(report.photos_without_original)} of {report.photos_checked:,} photos have "
             "no original in the store" if report.photos_without_original else "",
             f"{len(report.originals_without_photo)} originals are not referred to by any "
             "photo" if report.originals_without_photo else ""]
    recorded = ("Each problem is recorded in the audit trail" if report.recorded else
                "The store is open read-only: the check is not recorded in the audit trail")
    return (f"<b>{'; '.join(f for f in found if f)}.</b><br>{recorded}; keep the store as it "
            "is and tell the person responsible for the evidence.")


class IntegrityDialog(QDialog):
    """Originals whose bytes no longer match the SHA-256 they were stored under, photos whose
    original is missing, and originals no photo refers to."""

    COLUMNS = ("Photo", "Item", "Added by", "Added at", "Stored SHA-256", "SHA-256 now",
               "Problem")

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Photo integrity: problems found")
        layout = QVBoxLayout(self)
        self.summary = QLabel(integrity_summary(report))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        rows = integrity_rows(report)
        self.table = QTableWidget(len(rows), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 360)


class PhotoTools(QObject):
    """Verify and export, each a cancellable task with progress."""

    verified = Signal(object)  # VerifyReport
    exported = Signal(object)  # the files written

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.dialog: IntegrityDialog | None = None

    def verify(self) -> None:
        """Check every photo and original in the store and show what is wrong."""
        if self.context.store is None:
            return
        self.context.run(photo_service.verify, self.context.store, on_done=self._verified,
                         label="Checking every original photo…", control=True)

    def _verified(self, report: Any) -> None:
        self.verified.emit(report)
        if not report.problems:
            QMessageBox.information(
                self.parent_widget, "Photo integrity",
                f"{report.checked:,} originals and {report.photos_checked:,} photos checked: "
                "no problem found.")
            return
        self.dialog = IntegrityDialog(report, self.parent_widget)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def export_item(self, item_id: UUID | None, case_reference: str = "") -> None:
        """Ask for a folder and redacted or originals, then write the item's photos."""
        if item_id is None or self.context.store is None:
            QMessageBox.information(self.parent_widget, "Export photos",
                                    "Open a recovered item (or one of its findings) first; "
                                    "its photos are exported.")
            return
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, f"Export the photos of {case_reference or 'the item'} to")
        if not folder:
            return
        choice, ok = QInputDialog.getItem(self.parent_widget, "Export photos",
                                          "What should be written?", [REDACTED, ORIGINALS], 0,
                                          False)
        if not ok:
            return
        redacted = choice != ORIGINALS
        self.context.run(export_item_photos, self.context.store, item_id, folder, redacted,
                         on_done=lambda written: self._exported(written, folder, redacted),
                         label="Exporting photos…", control=True)

    def _exported(self, written: list[Any], folder: str, redacted: bool) -> None:
        self.exported.emit(written)
        what = "redacted copies" if redacted else "originals"
        text = (f"{len(written)} {what} written to {folder}." if written
                else "The item has no photos; nothing was written.")
        QMessageBox.information(self.parent_widget, "Export photos", text)
