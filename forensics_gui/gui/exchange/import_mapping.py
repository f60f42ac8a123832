"""The parts of the import dialog that show the file: the mapping of its columns (one line per
column: its header, its first values, and what it becomes) and plain tables of text (the
refused rows, the first rows as read)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from forensics_gui.core.exchange import targets
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.elided_label import ElidedLabel
from forensics_gui.gui.kit.i18n import translate

# the header of the column saying what becomes of a row
FATE = QT_TRANSLATE_NOOP("import_mapping", "Will be")
REFUSED_COLOUR = "#d64545"
HELD_COLOUR = "#8A8F96"
SAMPLES = 3
SAMPLE_SCAN = 500  # rows looked at for a column's first values
Index = QModelIndex | QPersistentModelIndex


def samples(sheet: Any, limit: int = SAMPLES) -> list[list[str]]:
    """The first `limit` values holding text of each column, among the first rows."""
    found: list[list[str]] = [[] for _ in sheet.columns]
    for _number, cells in sheet.rows[:SAMPLE_SCAN]:
        for at, cell in enumerate(cells):
            if cell.strip() and len(found[at]) < limit:
                found[at].append(cell.strip())
    return found


def fate_header() -> str:
    """The header of the column saying what becomes of a row, as shown."""
    return translate("import_mapping", FATE)


def fate_new() -> str:
    """What the first rows say of a row the import adds."""
    return translate("import_mapping", "new")


def fate_refused(where: str, reason: str) -> str:
    """What the first rows say of a row the import refuses."""
    return translate("import_mapping", "refused: {where}{reason}").format(where=where,
                                                                          reason=reason)


def target_text(text: str) -> str:
    """A target's label or help in the interface's language (the words of `core.fields`)."""
    return translate("fields", text) if text else text


def one_line(text: str) -> str:
    """A cell on one line: its line breaks shown as ⏎."""
    return " ⏎ ".join(line.strip() for line in text.splitlines() if line.strip())


class MappingGrid(QScrollArea):
    """One line per column of the file; its combo says which target the column fills."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.combos: dict[str, QComboBox] = {}
        self.kind = ""
        self._clear()

    def _clear(self) -> None:
        self.combos = {}
        body = QWidget()
        self.grid = QGridLayout(body)
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(12)
        bold = QFont()
        bold.setBold(True)
        for at, text in enumerate((translate("import_mapping", "Column in the file"),
                                   translate("import_mapping", "First values"),
                                   translate("import_mapping", "Becomes"))):
            title = QLabel(text)
            title.setFont(bold)
            self.grid.addWidget(title, 0, at)
        self.setWidget(body)

    def show_columns(self, sheet: Any, kind: str, mapping: dict[str, str | None]) -> None:
        """A line per column of `sheet`, mapped as `mapping` says."""
        self._clear()
        for row, (column, values) in enumerate(zip(sheet.columns, samples(sheet),
                                                   strict=True), 1):
            header = ElidedLabel(column)
            header.setMinimumWidth(120)
            shown = ElidedLabel("   ·   ".join(one_line(v) for v in values)
                                or translate("import_mapping", "(empty)"))
            shown.setEnabled(bool(values))
            shown.setToolTip("\n\n".join(values))
            combo = QComboBox()
            combo.setAccessibleName(translate(
                "import_mapping", "What the column '{column}' becomes").format(column=column))
            combo.setMinimumContentsLength(22)
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._picked(c))
            header.setBuddy(combo)
            self.combos[column] = combo
            for at, widget in enumerate((header, shown, combo)):
                self.grid.addWidget(widget, row, at)
        self.grid.setRowStretch(len(self.combos) + 1, 1)
        previous: QWidget = self
        for combo in self.combos.values():  # made after the dialog: put them in its Tab order
            QWidget.setTabOrder(previous, combo)
            previous = combo
        self.set_mapping(kind, mapping)

    def set_mapping(self, kind: str, mapping: dict[str, str | None]) -> None:
        """Offer the targets of `kind` and select what `mapping` says (no signal)."""
        choices = targets(kind)
        self.kind = kind
        for column, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("import_mapping", "— ignore —"), None)
            combo.setItemData(0, translate("import_mapping", "The column is not read"),
                              Qt.ItemDataRole.ToolTipRole)
            for target in choices:
                combo.addItem(target_text(target.label), target.name)
                combo.setItemData(combo.count() - 1, target_text(target.help or target.label),
                                  Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(mapping.get(column)), 0))
            combo.blockSignals(False)
            self._tip(combo)

    def mapping(self) -> dict[str, str | None]:
        """{column: target name or None}, as chosen."""
        return {column: combo.currentData() for column, combo in self.combos.items()}

    def _picked(self, combo: QComboBox) -> None:
        self._tip(combo)
        self.changed.emit()

    @staticmethod
    def _tip(combo: QComboBox) -> None:
        combo.setToolTip(str(combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
                             or ""))


class TextTableModel(QAbstractTableModel):
    """Rows of plain values under headers; cells on one line, whole in their tooltips."""

    def __init__(self, headers: Sequence[str] = (), rows: Sequence[Sequence[Any]] = (),
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: Sequence[Sequence[Any]] = rows

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self.headers, self.rows = list(headers), rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._tone(self.rows[index.row()])
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.rows[index.row()][index.column()]
        text = f"{value:,}" if isinstance(value, int) else str(value)
        return one_line(text) if role == Qt.ItemDataRole.DisplayRole else text or None

    def _tone(self, row: Sequence[Any]) -> QBrush | None:
        """Refused rows in red, rows the store already holds in grey (by what the row's
        second cell says will become of it)."""
        fate = str(row[1]) if len(row) > 1 and self.headers[1:2] == [fate_header()] else ""
        if fate.startswith(fate_refused("", "")):
            return QBrush(QColor(REFUSED_COLOUR))
        if fate and fate != fate_new():
            return QBrush(QColor(HELD_COLOUR))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None
