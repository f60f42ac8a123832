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
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.briefs.brief_actions import brief_button, subject_of
from forensics_gui.gui.kit.flow_layout import flow_row
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.icons import icon
from forensics_gui.gui.kit.lazy import custody
from forensics_gui.gui.kit.record_table import RecordTable
from forensics_gui.gui.photos.photo_panel import PhotoPanel
from forensics_gui.gui.records.record_editor import RecordEditor

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

# The transfer form's fields (required ones marked *), in the order of TransferDialog.inputs.
TRANSFER_LABELS = (QT_TRANSLATE_NOOP("item_editor", "Released by *"),
                   QT_TRANSLATE_NOOP("item_editor", "Received by *"),
                   QT_TRANSLATE_NOOP("item_editor", "When (UTC) *"),
                   QT_TRANSLATE_NOOP("item_editor", "Place"),
                   QT_TRANSLATE_NOOP("item_editor", "Purpose"),
                   QT_TRANSLATE_NOOP("item_editor", "Notes"))
CUSTODY_COLUMNS = (QT_TRANSLATE_NOOP("item_editor", "When (UTC)"),
                   QT_TRANSLATE_NOOP("item_editor", "Status"),
                   QT_TRANSLATE_NOOP("item_editor", "Released by"),
                   QT_TRANSLATE_NOOP("item_editor", "Received by"),
                   QT_TRANSLATE_NOOP("item_editor", "Place"),
                   QT_TRANSLATE_NOOP("item_editor", "Purpose"))


class TransferDialog(QDialog):
    """Record that the item passed from one holder to another; or, given the event it
    corrects, how that transfer should have read (with the reason for the correction)."""

    def __init__(self, context: AppContext, item: Any, holder: str, parent: QWidget | None = None,
                 correcting: Any = None) -> None:
        super().__init__(parent)
        self.context, self.item, self.correcting = context, item, correcting
        title = (translate("item_editor", "Correct a transfer of {item}") if correcting else
                 translate("item_editor", "Record a transfer of {item}"))
        self.setWindowTitle(title.format(item=item.case_reference))
        form = QFormLayout(self)
        self.inputs = {name: QLineEdit() for name in ("released_by", "received_by", "occurred_at",
                                                      "place", "purpose", "notes")}
        self.inputs["released_by"].setText(holder)
        self.inputs["occurred_at"].setText(datetime.now(UTC).strftime("%Y-%m-%d %H:%M"))
        if correcting is not None:
            for name, widget in self.inputs.items():
                value = getattr(correcting, name)
                widget.setText(f"{value:%Y-%m-%d %H:%M}" if name == "occurred_at" else value)
        for label, widget in zip(TRANSFER_LABELS, self.inputs.values(), strict=True):
            form.addRow(translate("item_editor", label), widget)
        self.reason = QLineEdit()
        if correcting is not None:
            self.reason.setPlaceholderText(translate("item_editor",
                                                     "why the recorded transfer was wrong"))
            form.addRow(translate("item_editor", "Reason *"), self.reason)
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
        self.table.setHorizontalHeaderLabels([translate("item_editor", text)
                                              for text in CUSTODY_COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        self.transfer = QPushButton(icon("transfer"),
                                    translate("item_editor", "Record a transfer…"))
        self.transfer.clicked.connect(self.record_transfer)
        self.correct = QPushButton(translate("item_editor", "Correct…"))
        self.correct.clicked.connect(self.correct_selected)
        self.withdraw = QPushButton(translate("item_editor", "Withdraw…"))
        self.withdraw.clicked.connect(self.withdraw_selected)
        layout.addLayout(flow_row(self.transfer, self.correct, self.withdraw))
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
        holder = holder or translate("item_editor", "none recorded")
        self.holder.setText(translate("item_editor", "Current custodian: {holder}").format(
            holder=f"<b>{holder}</b>"))
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
            self, translate("item_editor", "Withdraw a transfer"),
            translate("item_editor", "Why did the transfer of {when} from {released_by} to "
                                     "{received_by} not happen as recorded? It stays in the "
                                     "list, struck through.").format(
                when=f"{event.occurred_at:%Y-%m-%d %H:%M}", released_by=event.released_by,
                received_by=event.received_by))
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
    text = {"correction": translate("item_editor", "correction"),
            "withdrawal": translate("item_editor", "withdrawal")}.get(event.action, "")
    why = f"{text}: {event.reason}" if text else ""
    if later is not None:
        done = (translate("item_editor", "corrected") if later.action == "correction"
                else translate("item_editor", "withdrawn"))
        text = translate("item_editor", "{what}, then {done}").format(what=text, done=done) \
            if text else done
        why = f"{why}\n" if why else ""
        why += translate("item_editor", "{done} on {when} by {who}: {reason}").format(
            done=done, when=f"{later.created_at:%Y-%m-%d}", who=later.created_by,
            reason=later.reason)
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
        self.tabs.addTab(self.custody, translate("item_editor", "Custody"))
        self.tabs.addTab(self.findings_holder, translate("item_editor", "Findings"))
        self.photos_tab = self.tabs.addTab(self.photos, translate("item_editor", "Photos"))
        self.photos.controller.gps_chosen.connect(self.use_position)
        self.photos.controller.open_finding_requested.connect(
            lambda finding_id: self.open_requested.emit("finding", finding_id))
        self.brief_button = brief_button(context, self, lambda: subject_of("item", self.record))
        self.brief_button.setToolTip(translate("item_editor",
                                               "Write the teardown report of this item (PDF)"))
        self.brief_button.setEnabled(False)
        self.side_buttons.insertWidget(self.side_buttons.indexOf(self.history_button),
                                       self.brief_button)

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
            add = QPushButton(icon("new"), translate("item_editor", "New finding in this item"))
            add.clicked.connect(lambda: self.new_finding_requested.emit(self.record))
            bench = QPushButton(translate("item_editor", "Bench mode…"))
            bench.setToolTip(translate("item_editor", "Record many findings of this item in a "
                                                      "row: a grid edited with the keyboard, "
                                                      "the item's photos and its template "
                                                      "beside it"))
            bench.clicked.connect(lambda: self.bench_requested.emit(self.record.id))
            layout.addLayout(flow_row(add, bench))
        self.findings.fixed_filters = {"item_id": item.id}
        self.findings.apply_filter()
