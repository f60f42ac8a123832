"""Photo regions and bench rows: the selected row's regions are highlighted; a region drawn
while a saved row is selected is linked to its finding; drawn on the new row (or with no row
selected), it starts a row whose position is the region's label, linked once that row is
saved; a click on a region selects its row."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QObject, QRectF
from PySide6.QtWidgets import QInputDialog
from shiboken6 import isValid

from forensics_gui.gui.bench.bench_model import COLUMNS, FIRST, BenchRow
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import bench, records


class BenchRegions(QObject):
    """The photos side of a BenchController (`controller`, which imports this module)."""

    def __init__(self, controller: Any) -> None:
        super().__init__(controller)
        self.controller = controller
        self.context, self.model = controller.context, controller.model
        photos = controller.panel.photos
        photos.region_drawn.connect(self.region_drawn)
        photos.annotation_clicked.connect(self.annotation_clicked)

    def load(self, item: Any) -> None:
        """Read the regions of every photo of `item` again."""
        self.context.run(bench.annotations_of, self.context.store, item.id,
                         on_done=lambda found: self._loaded(item, found))

    def _loaded(self, item: Any, found: dict[UUID, list[Any]]) -> None:
        shown = self.controller.item
        if isValid(self.model) and shown is not None and shown.id == item.id:
            self.controller.panel.photos.set_annotations(found)
            self.highlight()

    def highlight(self) -> None:
        _number, _field, row = self.controller.current()
        self.controller.panel.photos.highlight(row.finding_id if row is not None else None)

    def region_drawn(self, photo: Any, fractions: QRectF) -> None:
        """Ask the region's label (the row's position by default), then write the region."""
        number, _field, row = self.controller.current()
        default = row.values["location"] if row is not None else ""
        label, ok = QInputDialog.getText(self.controller.panel,
                                         translate("BenchRegions", "Mark a component"),
                                         translate("BenchRegions",
                                                   "Label shown on the photo (e.g. U12):"),
                                         text=default)
        if not ok:
            return
        label = label.strip()
        if row is None or row.empty:
            row = BenchRow(untouched=True)
            row.values["location"] = label
            number = self.model.add_before_new_row(row)
            self.controller.go_to(number, COLUMNS.index("marking"))
        values = {"photo_id": photo.id, "label": label, "x": round(fractions.x(), 6),
                  "y": round(fractions.y(), 6), "width": round(fractions.width(), 6),
                  "height": round(fractions.height(), 6)}
        if row.finding_id is not None:
            values["finding_id"] = row.finding_id
        self.context.run(records.create, self.context.store, "annotation", values,
                         on_done=lambda annotation: self._written(row, annotation))

    def _written(self, row: BenchRow, annotation: Any) -> None:
        if annotation.finding_id is not None or not isValid(self.model):
            return
        if row.finding_id is not None:  # saved while the region was being written
            self.link(annotation.id, row.finding_id)
        else:
            row.links.append(annotation.id)
            self.controller.say(translate("BenchRegions", "Region {label} is linked to its row "
                                                          "once the row is saved.").format(
                label=annotation.label))

    def link(self, annotation_id: UUID, finding_id: UUID) -> None:
        """Name the finding a region shows (once its row is saved)."""
        self.context.run(records.update, self.context.store, "annotation", annotation_id,
                         None, {"finding_id": finding_id},
                         on_error=lambda error, _trace: self.controller.say(
                             translate("BenchRegions",
                                       "The region could not be linked: {error}").format(
                                 error=error)))

    def annotation_clicked(self, annotation: Any) -> None:
        if annotation.finding_id is not None:
            number = self.model.row_of_finding(annotation.finding_id)
            if number >= 0:
                self.controller.go_to(number, FIRST, edit=False)
