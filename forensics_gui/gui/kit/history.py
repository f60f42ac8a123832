"""A record's history: its audit events, newest first, one changed value a row.

References are shown by the name of the record they point to (a case reference, a part
number, a company's name), read in one go for the whole window; the id stays in the cell's
tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.fields import KINDS, label_of, reference_kinds
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import audit

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

COLUMNS = (QT_TRANSLATE_NOOP("HistoryDialog", "When (UTC)"),
           QT_TRANSLATE_NOOP("HistoryDialog", "Who"), QT_TRANSLATE_NOOP("HistoryDialog", "What"),
           QT_TRANSLATE_NOOP("HistoryDialog", "Field"),
           QT_TRANSLATE_NOOP("HistoryDialog", "Before"),
           QT_TRANSLATE_NOOP("HistoryDialog", "After"))
BEFORE, AFTER = COLUMNS.index("Before"), COLUMNS.index("After")
MAX_CELL = 300  # characters of a long text shown in a cell; the tooltip holds all of it


def field_label(kind: str, name: str) -> str:
    """What users call a value of a record of `kind` (custody events included), as shown."""
    english = label_of(kind, name) if kind in KINDS else name.replace("_", " ").capitalize()
    return translate("fields", english)


def value_text(name: str, value: Any, names: dict[str, str]) -> tuple[str, str]:
    """(what a cell shows, its tooltip) for one value: a reference by the name of its
    record, the id in the tooltip; a reference to a record no longer in the store says so."""
    if value in (None, "", [], ()):
        return "", ""
    if name in reference_kinds():
        ids = [str(v) for v in (value if isinstance(value, list | tuple) else (value,))]
        shown = [names.get(i, translate("HistoryDialog", "(no longer in the store) {id}…").format(
            id=i[:8])) for i in ids]
        return "; ".join(shown), "\n".join(
            translate("HistoryDialog", "{name}: id {id}").format(name=s, id=i)
            for s, i in zip(shown, ids, strict=True))
    text = "; ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    short = " ".join(text.split())
    return (short if len(short) <= MAX_CELL else short[:MAX_CELL - 1] + "…"), text


def change_rows(event: Any, names: dict[str, str]) -> list[tuple[str, str, str, str, str]]:
    """(field, before, its tooltip, after, its tooltip) for every value the event changed."""
    if event.action == "delete":
        return [("", "", "", translate("HistoryDialog", "deleted"),
                 translate("HistoryDialog", "the values it held are kept in the audit trail"))]
    rows = []
    for name in dict.fromkeys([*event.new_values, *event.old_values]):
        before = value_text(name, event.old_values.get(name), names)
        after = value_text(name, event.new_values.get(name), names)
        if before[0] or after[0]:  # a value left empty on both sides says nothing
            rows.append((field_label(event.record_kind, name), *before, *after))
    return rows or [("", "", "", "", "")]


class HistoryDialog(QDialog):
    """Who changed the record, when, and what: one changed value a row."""

    def __init__(self, title: str, events: list[Any], names: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("HistoryDialog", "History of {title}").format(title=title))
        layout = QVBoxLayout(self)
        counted = translate(
            "HistoryDialog", "1 recorded change; the audit trail cannot be edited.") \
            if len(events) == 1 else translate(
                "HistoryDialog", "{count} recorded changes; the audit trail cannot be edited.")
        layout.addWidget(QLabel(counted.format(count=len(events))))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("HistoryDialog", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        for event in events:
            self._add(event, names or {})
        self._size_columns()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 480)

    def _add(self, event: Any, names: dict[str, str]) -> None:
        when = (f"{event.occurred_at:%Y-%m-%d %H:%M:%S}", event.actor, event.action)
        for number, (field, before, before_tip, after, after_tip) in enumerate(
                change_rows(event, names)):
            row = self.table.rowCount()
            self.table.insertRow(row)
            # The event's time, author and action on its first row only: the rows below
            # are the other values it changed.
            cells = (*(when if number == 0 else ("", "", "")), field, before, after)
            tips = (*when, field, before_tip, after_tip)
            for column, (text, tip) in enumerate(zip(cells, tips, strict=True)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.table.setItem(row, column, item)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in (BEFORE, AFTER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Wrapped values take the height they need at the widths the columns end up with.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()


def show_history(context: AppContext, parent: QWidget, kind: str, record_id: Any,
                 title: str) -> None:
    """Load a record's audit events, and the names of the records they refer to, in the
    background; then show them."""
    context.run(audit.history_with_names, context.store, kind, record_id,
                on_done=lambda found: HistoryDialog(title, *found, parent=parent).exec())
