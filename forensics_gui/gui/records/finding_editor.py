"""A component finding's editor, with the photos of the finding in a tab, and under the
marking as read what the identification rules make of it (Ctrl+I fills the empty fields)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.photos.photo_panel import PhotoPanel
from forensics_gui.gui.records.identify_assist import FINDING_FILLS, IdentifyAssist
from forensics_gui.gui.records.record_editor import RecordEditor

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext


class FindingEditor(RecordEditor):
    """The finding's form and its "Photos" tab (enabled once the finding is saved)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "finding", parent)
        self.photos = PhotoPanel(context, offer_place=False)
        self.photos_tab = self.tabs.addTab(self.photos, translate("FindingEditor", "Photos"))
        self.photos.controller.open_finding_requested.connect(
            lambda finding_id: self.open_requested.emit("finding", finding_id))
        self.identify = IdentifyAssist(self, "marking", FINDING_FILLS,
                                       translate("FindingEditor", "marking"))

    def load(self, record: Any) -> None:
        super().load(record)
        self.identify.record_shown()
        self.tabs.setTabEnabled(self.photos_tab, True)
        self.photos.controller.show_finding(record)

    def new(self, defaults: dict[str, Any] | None = None, shown: dict[str, Any] | None = None
            ) -> None:
        super().new(defaults, shown)
        self.identify.record_shown()
        self.tabs.setTabEnabled(self.photos_tab, False)
