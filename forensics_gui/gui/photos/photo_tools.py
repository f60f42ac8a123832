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

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import photos as photo_service

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

REDACTED = QT_TRANSLATE_NOOP("PhotoTools", "Redacted copies: no GPS position, camera or other "
                             "metadata (recommended)")
ORIGINALS = QT_TRANSLATE_NOOP("PhotoTools", "Originals, byte for byte (keep GPS and camera "
                              "data; internal use only)")


def export_item_photos(store: Any, item_id: UUID, folder: str, redacted: bool,
                       control: Any = None) -> list[Any]:
    """On the worker: every photo of the item (its findings' included) written to `folder`."""
    found = photo_service.photos_of(store, item=item_id)
    return photo_service.export(store, [p.id for p in found], folder, redacted=redacted,
                                control=control)


MISMATCH = QT_TRANSLATE_NOOP("PhotoTools", "Changed since it was added")
MISSING = QT_TRANSLATE_NOOP("PhotoTools", "Original missing")
UNUSED = QT_TRANSLATE_NOOP("PhotoTools", "No photo refers to this original")


def _when(moment: Any) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else ""


def _photo_cells(photo: Any) -> tuple[str, str, str, str]:
    if photo is None:
        return (translate("PhotoTools", "(no photo uses it)"), "", "", "")
    return (photo.file_name, photo.item_case_reference, photo.created_by,
            _when(photo.created_at))


def integrity_rows(report: Any) -> list[tuple[str, ...]]:
    """One row per problem a check found: (photo, item, added by, added at, stored SHA-256,
    SHA-256 now, problem). An original no photo refers to shows who stored it and when."""
    mismatch, missing, unused = (translate("PhotoTools", t) for t in (MISMATCH, MISSING, UNUSED))
    rows = [(*_photo_cells(photo), failure.sha256, failure.actual, mismatch)
            for failure in report.failures for photo in failure.photos or (None,)]
    rows += [(*_photo_cells(photo), photo.sha256, translate("PhotoTools", "(not in the store)"),
              missing) for photo in report.photos_without_original]
    rows += [(translate("PhotoTools", "(no photo)"), "", original.created_by,
              _when(original.created_at), original.sha256, "", unused)
             for original in report.originals_without_photo]
    return rows


def integrity_summary(report: Any) -> str:
    """What a check found, in words."""
    found = [translate("PhotoTools", "{count} of {checked} originals no longer match their "
                       "SHA-256 (damaged or changed after they were added)").format(
                 count=len(report.failures), checked=f"{report.checked:,}")
             if report.failures else "",
             translate("PhotoTools", "{count} of {checked} photos have no original in the "
                       "store").format(count=len(report.photos_without_original),
                                       checked=f"{report.photos_checked:,}")
             if report.photos_without_original else "",
             translate("PhotoTools", "{count} originals are not referred to by any "
                       "photo").format(count=len(report.originals_without_photo))
             if report.originals_without_photo else ""]
    recorded = (translate("PhotoTools", "Each problem is recorded in the audit trail")
                if report.recorded else
                translate("PhotoTools", "The store is open read-only: the check is not "
                          "recorded in the audit trail"))
    return f"<b>{'; '.join(f for f in found if f)}.</b><br>" + translate(
        "PhotoTools", "{recorded}; keep the store as it is and tell the person responsible "
        "for the evidence.").format(recorded=recorded)


class IntegrityDialog(QDialog):
    """Originals whose bytes no longer match the SHA-256 they were stored under, photos whose
    original is missing, and originals no photo refers to."""

    COLUMNS = (QT_TRANSLATE_NOOP("PhotoTools", "Photo"), QT_TRANSLATE_NOOP("PhotoTools", "Item"),
               QT_TRANSLATE_NOOP("PhotoTools", "Added by"),
               QT_TRANSLATE_NOOP("PhotoTools", "Added at"),
               QT_TRANSLATE_NOOP("PhotoTools", "Stored SHA-256"),
               QT_TRANSLATE_NOOP("PhotoTools", "SHA-256 now"),
               QT_TRANSLATE_NOOP("PhotoTools", "Problem"))

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PhotoTools", "Photo integrity: problems found"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(integrity_summary(report))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        rows = integrity_rows(report)
        self.table = QTableWidget(len(rows), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("PhotoTools", c) for c in self.COLUMNS])
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
                         label=translate("PhotoTools", "Checking every original photo…"),
                         control=True)

    def _verified(self, report: Any) -> None:
        self.verified.emit(report)
        if not report.problems:
            QMessageBox.information(
                self.parent_widget, translate("PhotoTools", "Photo integrity"),
                translate("PhotoTools", "{originals} originals and {photos} photos checked: no "
                          "problem found.").format(originals=f"{report.checked:,}",
                                                   photos=f"{report.photos_checked:,}"))
            return
        self.dialog = IntegrityDialog(report, self.parent_widget)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def export_item(self, item_id: UUID | None, case_reference: str = "") -> None:
        """Ask for a folder and redacted or originals, then write the item's photos."""
        if item_id is None or self.context.store is None:
            QMessageBox.information(self.parent_widget, translate("PhotoTools", "Export photos"),
                                    translate("PhotoTools", "Open a recovered item (or one of "
                                              "its findings) first; its photos are exported."))
            return
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, translate("PhotoTools", "Export the photos of {item} to").format(
                item=case_reference or translate("PhotoTools", "the item")))
        if not folder:
            return
        originals = translate("PhotoTools", ORIGINALS)
        choice, ok = QInputDialog.getItem(self.parent_widget,
                                          translate("PhotoTools", "Export photos"),
                                          translate("PhotoTools", "What should be written?"),
                                          [translate("PhotoTools", REDACTED), originals], 0,
                                          False)
        if not ok:
            return
        redacted = choice != originals
        self.context.run(export_item_photos, self.context.store, item_id, folder, redacted,
                         on_done=lambda written: self._exported(written, folder, redacted),
                         label=translate("PhotoTools", "Exporting photos…"), control=True)

    def _exported(self, written: list[Any], folder: str, redacted: bool) -> None:
        self.exported.emit(written)
        if not written:
            text = translate("PhotoTools", "The item has no photos; nothing was written.")
        elif redacted:
            text = translate("PhotoTools", "{count} redacted copies written to {folder}.")
        else:
            text = translate("PhotoTools", "{count} originals written to {folder}.")
        QMessageBox.information(self.parent_widget, translate("PhotoTools", "Export photos"),
                                text.format(count=len(written), folder=folder))
