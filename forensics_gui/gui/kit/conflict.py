"""Another user changed the record being edited: both versions side by side, the user decides."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.labels import field_label
from forensics_gui.gui.kit.table_model import display


class ConflictDialog(QDialog):
    """Mine (unsaved) and theirs (now in the store), field by field."""

    RELOAD, APPLY_MINE, CANCEL = "reload", "apply", "cancel"

    def __init__(self, kind: str, original: Any, theirs: Any, mine: dict[str, Any],
                 error: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ConflictDialog", "The record was changed by someone else"))
        self.choice = self.CANCEL
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "ConflictDialog", "{who} saved this record at {when} (now version {version}) while "
            "you were editing it.\nCompare the versions and choose.").format(
                who=error.changed_by, when=error.changed_at, version=theirs.version)))
        self.table = self._table(kind, original, theirs, mine)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        reload_button = QPushButton(translate("ConflictDialog", "Reload theirs (discard mine)"))
        apply_button = QPushButton(translate("ConflictDialog",
                                               "Apply my changes on top of theirs"))
        buttons.addButton(reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        reload_button.clicked.connect(lambda: self._choose(self.RELOAD))
        apply_button.clicked.connect(lambda: self._choose(self.APPLY_MINE))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _table(self, kind: str, original: Any, theirs: Any, mine: dict[str, Any]
               ) -> QTableWidget:
        names = [n for n in vars(theirs) if n in mine or
                 getattr(original, n, None) != getattr(theirs, n, None)]
        names = [n for n in names if n not in ("version", "updated_at", "updated_by")]
        table = QTableWidget(len(names), 3)
        table.setHorizontalHeaderLabels([translate("ConflictDialog", "Field"),
                                         translate("ConflictDialog", "Yours (not saved)"),
                                         translate("ConflictDialog", "Theirs (in the store)")])
        for row, name in enumerate(names):
            yours = mine.get(name, getattr(original, name, None))
            cells = (field_label(kind, name), display(yours), display(getattr(theirs, name, None)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column and name in mine and cells[1] != cells[2]:
                    item.setBackground(QBrush(QColor(255, 209, 102, 90)))
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def exec_choice(self) -> str:
        """Show the dialog; returns RELOAD, APPLY_MINE or CANCEL."""
        self.exec()
        return self.choice
