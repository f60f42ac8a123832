"""A part's editor: under the part number, what the identification rules make of it (the
maker and its owner today, family, function category, HS code, CHPL tier); Ctrl+I fills the
empty fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.records.identify_assist import PART_FILLS, IdentifyAssist
from forensics_gui.gui.records.record_editor import RecordEditor

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext


class PartEditor(RecordEditor):
    """The part's form with the identification strip under its number."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "part", parent)
        self.identify = IdentifyAssist(self, "part_number", PART_FILLS,
                                       translate("PartEditor", "part number"))

    def load(self, record: Any) -> None:
        super().load(record)
        self.identify.record_shown()

    def new(self, defaults: dict[str, Any] | None = None, shown: dict[str, Any] | None = None
            ) -> None:
        super().new(defaults, shown)
        self.identify.record_shown()
