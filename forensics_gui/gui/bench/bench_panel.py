"""Bench mode: a wide page for recording the findings of one recovered item in a row.

The grid (one row per finding, edited in place with the keyboard) has the item's photos and
the template checklist beside it. BenchPanel holds the layout; BenchController the logic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from forensics_gui.gui.bench.bench_controller import BenchController
from forensics_gui.gui.bench.bench_delegate import KEYS
from forensics_gui.gui.bench.bench_model import BenchModel
from forensics_gui.gui.bench.bench_photos import BenchPhotos
from forensics_gui.gui.bench.bench_view import BenchView
from forensics_gui.gui.bench.template_checklist import TemplateChecklist
from forensics_gui.gui.kit.elided_label import ElidedLabel
from forensics_gui.gui.kit.i18n import translate

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

GRID_SHARE = 0.62  # of the width, the grid's; the photos and checklist have the rest
PHOTOS_SHARE = 0.68  # of the side's height, the photos'


def help_line() -> str:
    """The keys, as the line above the grid lists them."""
    return " · ".join(f"<b>{keys}</b> {translate('bench_keys', short)}"
                      for keys, short, _full in KEYS)


class BenchPanel(QWidget):
    """The bench of one recovered item; `open_requested(kind, id)` opens a record in the
    editor, `changed()` follows each row saved."""

    open_requested = Signal(str, object)
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = BenchModel(self)
        self.view = BenchView(self.model)
        self.photos = BenchPhotos(context)
        self.checklist = TemplateChecklist()
        self._divided = False  # whether the user moved a divider
        self._build()
        self.controller = BenchController(context, self)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.title = ElidedLabel(translate("BenchPanel", "Bench mode"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.keys = QLabel(help_line())
        self.keys.setWordWrap(True)
        self.keys.setTextFormat(Qt.TextFormat.RichText)
        self.keys.setToolTip("\n".join(f"{keys}: {translate('bench_keys', full)}"
                                       for keys, _short, full in KEYS))
        small = self.keys.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.keys.setFont(small)
        outer.addWidget(self.keys)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._grid_side())
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setChildrenCollapsible(False)
        self.side.addWidget(self.photos)
        self.side.addWidget(self.checklist)
        self.side.setStretchFactor(0, 3)
        self.side.setStretchFactor(1, 1)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.splitterMoved.connect(self._moved_by_user)
        self.side.splitterMoved.connect(self._moved_by_user)
        outer.addWidget(self.splitter, 1)

    def _grid_side(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setMinimumHeight(2 * self.fontMetrics().height() + 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.counts = ElidedLabel()
        self.save_button = QPushButton(translate("BenchPanel", "Save"))
        self.save_button.setToolTip(translate("BenchPanel", "Save every changed row now "
                                                            "(Ctrl+S)"))
        self.create_button = QPushButton(translate("BenchPanel", "Create and save"))
        self.create_button.setToolTip(translate("BenchPanel", "Save the row, creating the part "
                                                              "or maker the store does not know "
                                                              "yet (Ctrl+Shift+S)"))
        self.create_button.setEnabled(False)
        self.open_button = QPushButton(translate("BenchPanel", "Open finding"))
        self.open_button.setToolTip(translate("BenchPanel", "Open the row's finding in the "
                                                            "editor (Ctrl+O)"))
        for button in (self.save_button, self.create_button, self.open_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the grid
        row.addWidget(self.counts, 1)
        row.addWidget(self.create_button)
        row.addWidget(self.save_button)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        return holder

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.setFocus()  # the keys go to the grid at once

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._divided:  # the shares follow the width until the user moves a divider
            total, height = self.splitter.width(), self.side.height()
            grid = int(total * GRID_SHARE)
            self.splitter.setSizes([grid, total - grid])
            photos = int(height * PHOTOS_SHARE)
            self.side.setSizes([photos, height - photos])

    def _moved_by_user(self) -> None:
        self._divided = True

    # --------------------------------------------------------------- the API
    def show_item(self, item_id: UUID) -> bool:
        """Show the bench of recovered item `item_id`. The changed rows of the item shown
        before are saved first; if some were refused, the user is asked whether to discard
        them (False: the user stays on this item)."""
        return self.controller.show_item(item_id)

    def unsaved(self) -> int:
        """How many rows hold changes not saved (yet)."""
        return self.controller.unsaved()

    def save_all(self) -> None:
        """Save every changed row (leaving the bench does it too)."""
        self.controller.save_all()

    def hideEvent(self, event: QHideEvent) -> None:
        self.controller.save_all()  # leaving the bench leaves the row too
        super().hideEvent(event)
