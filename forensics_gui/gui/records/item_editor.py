"""A recovered item's page: details, chain of custody (with "record a transfer"), findings,
photos."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import ValidationError
from forensics_gui.gui.briefs.brief_actions import brief_button, subject_of
from forensics_gui.gui.kit.icons import icon
from forensics_gui.gui.kit.lazy import custody
from forensics_gui.gui.kit.record_table import RecordTable
from forensics_gui.gui.photos.photo_panel import PhotoPanel
from forensics_gui.gui.records.record_editor import RecordEditor

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext


class TransferDialog(QDialog):
    """Record that the item passed from one holder to another; or, given the event it
    corrects, how that transfer should have read (with the reason for the correction)."""

    def __init__(self, context: AppContext, item: Any, holder: str, parent: QWidget | None = None,
                 correcting: Any = None) -> None:
        super().__init__(parent)
        self.context, self.item, self.correcting = context, item, correcting
        self.setWindowTitle(f"Correct a transfer of {item.case_reference}" if correcting else
                            f"Record a transfer of {item.case_reference}")
        form = QFormLayout(self)
        self.inputs = {name: QLineEdit() for name in ("released_by", "received_by", "occurred_at",
                                                      "place", "purpose", "notes")}
        self.inputs["released_by"].setText(holder)
        self.inputs["occurred_at"].setText(datetime.now(UTC).strftime("%Y-%m-%d %H:%M"))
        if correcting is not None:
            for name, widget in self.inputs.items():
                value = getattr(correcting, name)
                widget.setText(f"{value:%Y-%m-%d %H:%M}" if name == "occurred_at" else value)
        labels = ("Released by *", "Received by *", "When (UTC) *", "Place", "Purpose", "Notes")
        for label, widget in zip(labels, self.inputs.values(), strict=True):
            form.addRow(label, widget)
        self.reason = QLineEdit()
        if correcting is not None:
            self.reason.setPlaceholderText("why the recorded transfer was wrong")
            form.addRow("Reason *", self.reason)
        self.error = QLabel()
        self.error.setStyleSheet("color: #d64545;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 0)

    def _save(self) -> None:
        values = {k: w.text() for k, w in self.inputs.items()}
        if self.correcting is not None:
            self.context.run(custody.correct_transfer, self.context.store, self.correcting.id,
                             values, self.reason.text(), on_done=lambda _: self.accept(),
                             on_error=self._refused)
            return
        self.context.run(custody.record_transfer, self.context.store, self.item.id, values,
                         on_done=lambda _: self.accept(), on_error=self._refused)

    def _refused(self, error: BaseException, trace: str) -> None:
        if not isinstance(error, ValidationError):
            self.context.show_error(error, trace)
            return
        self.error.setText(str(error))
        if error.field in self.inputs:
            self.inputs[error.field].setFocus()
        elif error.field == "reason":
            self.reason.setFocus()


class CustodyTab(QWidget):
    """Every custody event of the item, oldest first, and who holds it now. A wrong transfer
    is corrected or withdrawn by a later event; both stay in the list."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.item, self.events = context, None, []
        layout = QVBoxLayout(self)
        self.holder = QLabel()
        layout.addWidget(self.holder)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(["When (UTC)", "Status", "Released by",
                                              "Received by", "Place", "Purpose"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.transfer = QPushButton(icon("transfer"), "Record a transfer…")
        self.transfer.clicked.connect(self.record_transfer)
        self.correct = QPushButton("Correct…")
        self.correct.clicked.connect(self.correct_selected)
        self.withdraw = QPushButton("Withdraw…")
        self.withdraw.clicked.connect(self.withdraw_selected)
        for button in (self.transfer, self.correct, self.withdraw):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self._selection_changed()

    def show_item(self, item: Any) -> None:
        self.item = item
        self.context.run(custody.custody_history, self.context.store, item.id,
                         on_done=lambda events: self._show(item, events))

    def _show(self, item: Any, events: list[Any]) -> None:
        if item is not self.item:
            return
        self.events = events
        replaced = custody.replaced_by(events)
        self.table.setRowCount(len(events))
        for row, e in enumerate(events):
            later = replaced.get(e.id)
            status, why = _status(e, later)
            cells = (f"{e.occurred_at:%Y-%m-%d %H:%M}", status, e.released_by, e.received_by,
                     e.place, e.purpose)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(why)
                if later is not None or e.action == "withdrawal":
                    cell.setForeground(QBrush(QColor("#8A8F96")))
                    font = cell.font()
                    font.setStrikeOut(later is not None)
                    cell.setFont(font)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        holder = custody.current_custodian(events)
        self.holder.setText(f"Current custodian: <b>{holder or 'none recorded'}</b>")
        self.transfer.setEnabled(not item.withdrawn)
        self._selection_changed()

    def selected_event(self) -> Any:
        """The selected event when it still stands (neither corrected nor withdrawn)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.item is None or self.item.withdrawn:
            return None
        event = self.events[rows[0].row()]
        standing = {e.id for e in custody.standing(self.events)}
        return event if event.id in standing else None

    def _selection_changed(self) -> None:
        can = self.selected_event() is not None
        self.correct.setEnabled(can)
        self.withdraw.setEnabled(can)

    def correct_selected(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        dialog = TransferDialog(self.context, self.item, event.released_by, self, event)
        if dialog.exec():
            self.show_item(self.item)

    def withdraw_selected(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        reason, ok = QInputDialog.getText(
            self, "Withdraw a transfer",
            f"Why did the transfer of {event.occurred_at:%Y-%m-%d %H:%M} from "
            f"{event.released_by} to {event.received_by} not happen as recorded? It stays in "
            "the list, struck through.")
        if ok and reason.strip():
            self.context.run(custody.withdraw_transfer, self.context.store, event.id, reason,
                             on_done=lambda _: self.show_item(self.item))

    def record_transfer(self) -> None:
        if self.item is None:
            return
        dialog = TransferDialog(self.context, self.item,
                                custody.current_custodian(self.events), self)
        if dialog.exec():
            self.show_item(self.item)


def _status(event: Any, later: Any) -> tuple[str, str]:
    """What a custody event's row says beside its values, and why (its tooltip)."""
    text = {"correction": "correction", "withdrawal": "withdrawal"}.get(event.action, "")
    why = f"{text}: {event.reason}" if text else ""
    if later is not None:
        done = "corrected" if later.action == "correction" else "withdrawn"
        text = f"{text}, then {done}" if text else done
        why = f"{why}\n" if why else ""
        why += f"{done} on {later.created_at:%Y-%m-%d} by {later.created_by}: {later.reason}"
    return text, why


class ItemEditor(RecordEditor):
    """The recovered item's editor with its custody and findings tabs."""

    new_finding_requested = Signal(object)
    bench_requested = Signal(object)  # the item's id: record many findings in bench mode

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "item", parent)
        self.custody = CustodyTab(context)
        self.findings_holder = QWidget()
        QVBoxLayout(self.findings_holder).setContentsMargins(0, 0, 0, 0)
        self.findings: RecordTable | None = None
        self.photos = PhotoPanel(context, offer_place=True)
        self.tabs.addTab(self.custody, "Custody")
        self.tabs.addTab(self.findings_holder, "Findings")
        self.photos_tab = self.tabs.addTab(self.photos, "Photos")
        self.photos.controller.gps_chosen.connect(self.use_position)
        self.photos.controller.open_finding_requested.connect(
            lambda finding_id: self.open_requested.emit("finding", finding_id))
        self.brief_button = brief_button(context, self, lambda: subject_of("item", self.record))
        self.brief_button.setToolTip("Write the teardown report of this item (PDF)")
        self.brief_button.setEnabled(False)
        buttons = self.layout().itemAt(self.layout().count() - 1).layout()  # Save … History
        buttons.insertWidget(buttons.indexOf(self.history_button), self.brief_button)

    def load(self, record: Any) -> None:
        super().load(record)
        self.brief_button.setEnabled(True)
        self.tabs.setTabEnabled(1, True)
        self.tabs.setTabEnabled(2, True)
        self.tabs.setTabEnabled(self.photos_tab, True)
        self.custody.show_item(record)
        self._show_findings(record)
        self.photos.controller.show_item(record)

    def new(self, defaults: dict[str, Any] | None = None, shown: dict[str, Any] | None = None
            ) -> None:
        super().new(defaults, shown)
        self.brief_button.setEnabled(False)
        self.tabs.setTabEnabled(1, False)
        self.tabs.setTabEnabled(2, False)
        self.tabs.setTabEnabled(self.photos_tab, False)

    def use_position(self, latitude: float, longitude: float) -> None:
        """Fill the form's latitude and longitude (from a photo's GPS); saved only on Save."""
        self.inputs["latitude"].set_value(f"{latitude:.6f}")
        self.inputs["longitude"].set_value(f"{longitude:.6f}")
        self._on_edit()
        self.tabs.setCurrentIndex(0)

    def _show_findings(self, item: Any) -> None:
        layout = self.findings_holder.layout()
        if self.findings is None:
            self.findings = RecordTable(self.context, "finding",
                                        fixed_filters={"item_id": item.id})
            self.findings.open_requested.connect(
                lambda finding: self.open_requested.emit("finding", finding.id))
            layout.addWidget(self.findings)
            add = QPushButton(icon("new"), "New finding in this item")
            add.clicked.connect(lambda: self.new_finding_requested.emit(self.record))
            bench = QPushButton("Bench mode…")
            bench.setToolTip("Record many findings of this item in a row: a grid edited with "
                             "the keyboard, the item's photos and its template beside it")
            bench.clicked.connect(lambda: self.bench_requested.emit(self.record.id))
            buttons = QHBoxLayout()
            buttons.addWidget(add)
            buttons.addWidget(bench)
            buttons.addStretch()
            layout.addLayout(buttons)
        self.findings.fixed_filters = {"item_id": item.id}
        self.findings.apply_filter()
