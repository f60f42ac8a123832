"""A record's history: its audit events, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.gui.kit.lazy import audit

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext


def describe_changes(event: Any) -> str:
    """'field: old → new' for every value the event changed."""
    if event.action == "delete":
        return "deleted"
    parts = []
    for name, new in event.new_values.items():
        old = event.old_values.get(name)
        parts.append(f"{name}: {old!r} → {new!r}" if old not in (None, "") else f"{name}: {new!r}")
    return "; ".join(parts)


class HistoryDialog(QDialog):
    """Who changed the record, when, and what."""

    def __init__(self, title: str, events: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History of {title}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(events)} recorded change(s); the audit trail cannot be "
                                "edited."))
        self.table = QTableWidget(len(events), 4)
        self.table.setHorizontalHeaderLabels(["When (UTC)", "Who", "What", "Changes"])
        for row, event in enumerate(events):
            cells = (f"{event.occurred_at:%Y-%m-%d %H:%M:%S}", event.actor, event.action,
                     describe_changes(event))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 400)


def show_history(context: AppContext, parent: QWidget, kind: str, record_id: Any,
                 title: str) -> None:
    """Load a record's audit events in the background, then show them."""
    context.run(audit.history, context.store, kind, record_id,
                on_done=lambda events: HistoryDialog(title, events, parent).exec())
