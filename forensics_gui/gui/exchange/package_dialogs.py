"""The dialogs of File → Case package: what a package will carry (export), what a package
or a direct merge did (the summary), where to merge to, and the exchange at a glance.

They show what `services.exchange.packages` and `sync` report, in the same words as
`forensics package` and `forensics sync`: added, updated, held, newer here, conflict."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.fields import KINDS
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate

# The outcomes the services report (their keys), and how the summaries say them.
OUTCOMES = ("added", "updated", "held", "newer here", "conflict")
OUTCOME_WORDS = {"added": QT_TRANSLATE_NOOP("package_dialogs", "added"),
                 "updated": QT_TRANSLATE_NOOP("package_dialogs", "updated"),
                 "held": QT_TRANSLATE_NOOP("package_dialogs", "held"),
                 "newer here": QT_TRANSLATE_NOOP("package_dialogs", "newer here"),
                 "conflict": QT_TRANSLATE_NOOP("package_dialogs", "conflict")}
OUTCOME_HEADERS = (QT_TRANSLATE_NOOP("package_dialogs", "Added"),
                   QT_TRANSLATE_NOOP("package_dialogs", "Updated"),
                   QT_TRANSLATE_NOOP("package_dialogs", "Held"),
                   QT_TRANSLATE_NOOP("package_dialogs", "Newer here"),
                   QT_TRANSLATE_NOOP("package_dialogs", "Conflicts"))
PLAN_DELAY_MS = 250
MAX_TABLE_HEIGHT = 300
CHECKED = Qt.CheckState.Checked


def kind_plural(kind: str) -> str:
    """What records of `kind` are called in the summaries."""
    return translate("fields", KINDS[kind].plural) if kind in KINDS else \
        translate("package_dialogs", "custody events")


def kind_singular(kind: str) -> str:
    return translate("fields", KINDS[kind].label) if kind in KINDS else \
        translate("package_dialogs", "custody event")


def count(n: int, one: str, many: str) -> str:
    """`one` or `many`, texts holding {count}, for `n`: '1 record', '2,345 records'."""
    return (one if n == 1 else many).format(count=f"{n:,}")


def records_text(n: int) -> str:
    return count(n, translate("package_dialogs", "{count} record"),
                 translate("package_dialogs", "{count} records"))


def record_versions_text(n: int) -> str:
    return count(n, translate("package_dialogs", "{count} record version"),
                 translate("package_dialogs", "{count} record versions"))


def pictures_text(n: int) -> str:
    return count(n, translate("package_dialogs", "{count} picture"),
                 translate("package_dialogs", "{count} pictures"))


def conflicts_text(n: int) -> str:
    return count(n, translate("package_dialogs", "{count} conflict"),
                 translate("package_dialogs", "{count} conflicts"))


def outcomes_text(outcomes: dict[str, int]) -> str:
    """'added 3, held 1'."""
    return ", ".join(f"{translate('package_dialogs', OUTCOME_WORDS.get(o, o))} {n:,}"
                     for o, n in outcomes.items())


def by_kind_text(counts: dict[str, int]) -> str:
    """'12 component findings, 3 parts' (largest first)."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kind_plural(kv[0])))
    return ", ".join(translate("package_dialogs", "{count} {kinds}").format(
        count=f"{n:,}", kinds=kind_singular(k) if n == 1 else kind_plural(k))
        for k, n in ordered)


def read_only_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
                    total_row: bool = False, blank_zero: bool = False) -> QTableWidget:
    """A compact table of text that fits its contents: the first column stretches, counts
    are right-aligned (blank for none with `blank_zero`), a last row of totals in bold."""
    rows = list(rows)
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            number = isinstance(value, int)
            cell = QTableWidgetItem(("" if blank_zero and not value else f"{value:,}")
                                    if number else str(value))
            if number:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if total_row and r == len(rows) - 1:
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
            table.setItem(r, c, cell)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    height = header.sizeHint().height() + 2 * table.frameWidth() + sum(
        table.rowHeight(r) for r in range(len(rows)))
    table.setMinimumHeight(min(height, MAX_TABLE_HEIGHT))
    table.setMaximumHeight(height)
    return table


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ExportPackageDialog(QDialog):
    """What a package carries: every record not yet delivered, or chosen recovered items
    (with everything they need); how many records and pictures that is; and the device
    name the receiver sees. `plan_wanted` asks the owner to count the choice (on the
    worker); `show_plan` shows the answer."""

    plan_wanted = Signal(object, object)  # items (case references), undelivered (bool|None)

    def __init__(self, items: Sequence[Any], device: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("package_dialogs", "Export a case package"))
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(translate(
            "package_dialogs", "A case package is one file carrying records with their ids and "
            "versions, and the original pictures. Take it to the shared store; import its "
            "receipt here, and only then are the records counted as delivered.")))
        self.undelivered = QRadioButton(translate("package_dialogs",
                                                  "Everything not yet delivered"))
        self.chosen = QRadioButton(translate(
            "package_dialogs", "Chosen recovered items, with everything they need"))
        group = QButtonGroup(self)
        for button in (self.undelivered, self.chosen):
            group.addButton(button)
            layout.addWidget(button)
        self.undelivered.setChecked(True)
        self.filter = QLineEdit(placeholderText=translate(
            "package_dialogs", "Filter by case reference or system type"))
        layout.addWidget(self.filter)
        self.items = self._item_table(items)
        layout.addWidget(self.items, 1)
        self.plan = _bold(translate("package_dialogs", "Counting what the package will carry…"))
        layout.addWidget(self.plan)
        self.plan_kinds = _wrapped("")
        layout.addWidget(self.plan_kinds)
        form = QFormLayout()
        self.device = QLineEdit(device)
        self.device.setToolTip(translate(
            "package_dialogs", "The name receivers see as the sender of this package."))
        form.addRow(translate("package_dialogs", "This device's name"), self.device)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("package_dialogs", "Choose the file…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=PLAN_DELAY_MS)
        self._timer.timeout.connect(self._ask_plan)
        group.buttonToggled.connect(lambda *_: self._changed())
        self.items.itemChanged.connect(lambda *_: self._changed())
        self.filter.textChanged.connect(self._filter)
        self.resize(680, 520)
        self._changed()

    def _item_table(self, items: Sequence[Any]) -> QTableWidget:
        table = QTableWidget(len(items), 3)
        table.setHorizontalHeaderLabels([translate("package_dialogs", "Case reference"),
                                         translate("package_dialogs", "System type"),
                                         translate("package_dialogs", "Recovered on")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        for row, item in enumerate(items):
            reference = QTableWidgetItem(item.case_reference)
            reference.setFlags(reference.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            reference.setCheckState(Qt.CheckState.Unchecked)
            table.setItem(row, 0, reference)
            table.setItem(row, 1, QTableWidgetItem(item.system_type_name or ""))
            table.setItem(row, 2, QTableWidgetItem(str(item.recovered_on or "")))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.cellClicked.connect(self._toggle_row)
        return table

    def _toggle_row(self, row: int, column: int) -> None:
        """A click anywhere on an item's row ticks it (the box alone is a small target)."""
        if column:
            cell = self.items.item(row, 0)
            cell.setCheckState(Qt.CheckState.Unchecked if cell.checkState() == CHECKED
                               else CHECKED)

    def _filter(self, text: str) -> None:
        wanted = text.strip().lower()
        for row in range(self.items.rowCount()):
            shown = " ".join(self.items.item(row, c).text() for c in range(3)).lower()
            self.items.setRowHidden(row, bool(wanted) and wanted not in shown)

    def set_checked(self, references: Iterable[str]) -> None:
        """Tick these items (by case reference) and choose "Chosen recovered items"."""
        wanted = set(references)
        for row in range(self.items.rowCount()):
            cell = self.items.item(row, 0)
            cell.setCheckState(CHECKED if cell.text() in wanted else Qt.CheckState.Unchecked)
        self.chosen.setChecked(True)

    def checked_items(self) -> list[str]:
        """The case references ticked."""
        return [self.items.item(r, 0).text() for r in range(self.items.rowCount())
                if self.items.item(r, 0).checkState() == CHECKED]

    def choices(self) -> dict[str, Any]:
        """The options of `export_package` chosen."""
        if self.chosen.isChecked():
            return {"items": self.checked_items(), "undelivered": False}
        return {"items": [], "undelivered": True}

    def _changed(self) -> None:
        choosing = self.chosen.isChecked()
        self.items.setEnabled(choosing)
        self.filter.setEnabled(choosing)
        if choosing and not self.checked_items():
            self.ok.setEnabled(False)
            self.plan.setText(translate("package_dialogs", "Tick the recovered items to send."))
            return
        self.plan.setText(translate("package_dialogs", "Counting what the package will carry…"))
        self.plan_kinds.setText("")
        self.ok.setEnabled(False)
        self._timer.start()

    def _ask_plan(self) -> None:
        choice = self.choices()
        self._asked = choice
        self.plan_wanted.emit(choice["items"], choice["undelivered"])

    def show_plan(self, plan: Any, items: Sequence[str]) -> None:
        """Say what the choice that was counted carries (ignored when the choice changed
        since)."""
        if list(items) != self.choices()["items"]:
            return
        total = sum(plan.records.values())
        if not total:
            self.plan.setText(translate("package_dialogs",
                                        "Nothing to send: every record was delivered."))
            self.ok.setEnabled(False)
            return
        self.plan.setText(translate(
            "package_dialogs", "The package will carry {records} and {pictures}.").format(
                records=records_text(total), pictures=pictures_text(plan.originals)))
        self.plan_kinds.setText(by_kind_text(plan.records).capitalize() + ".")
        self.ok.setEnabled(True)

    def device_name(self) -> str:
        return " ".join(self.device.text().split())


class SummaryDialog(QDialog):
    """What an import or a direct merge did: records by kind and outcome, conflicts left for
    a person, and where the receipt was written."""

    def __init__(self, title: str, headline: str, by_kind: dict[str, dict[str, int]],
                 notes: Sequence[str], parent: QWidget | None = None,
                 on_conflicts: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(_bold(headline))
        totals = [sum(outcomes.get(o, 0) for outcomes in by_kind.values()) for o in OUTCOMES]
        rows = [(kind_plural(kind).capitalize(), *(outcomes.get(o, 0) for o in OUTCOMES))
                for kind, outcomes in sorted(by_kind.items(), key=lambda kv: kind_plural(kv[0]))]
        self.table = read_only_table(
            (translate("package_dialogs", "Records"),
             *(translate("package_dialogs", h) for h in OUTCOME_HEADERS)),
            [*rows, (translate("package_dialogs", "All"), *totals)], total_row=True,
            blank_zero=True)
        if rows:
            layout.addWidget(self.table)
        self.totals = dict(zip(OUTCOMES, totals, strict=True))
        self.notes = [_wrapped(note) for note in notes]
        for label in self.notes:
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if on_conflicts is not None and self.totals["conflict"]:
            show = buttons.addButton(translate("package_dialogs", "Show the conflicts"),
                                     QDialogButtonBox.ButtonRole.ActionRole)
            show.clicked.connect(lambda: (self.accept(), on_conflicts()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def text(self) -> str:
        """Everything the dialog says, for a test or a bug report."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))


class SyncDialog(QDialog):
    """Where to merge this store's undelivered records: a PostgreSQL URL or service name."""

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("package_dialogs", "Synchronise with the shared store"))
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(translate(
            "package_dialogs", "Every record of this store not yet delivered is merged into "
            "the shared store in one transaction, with the same rules as a case package: "
            "nothing is overwritten, a record edited on both sides becomes a conflict there. "
            "What the shared store then holds is marked delivered here.")))
        form = QFormLayout()
        self.location = QLineEdit(location)
        self.location.setPlaceholderText(translate(
            "package_dialogs", "postgresql://analyst@db.example.org/forensics  or  "
            "service:forensics"))
        self.location.setMinimumWidth(440)
        form.addRow(translate("package_dialogs", "Shared store"), self.location)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("package_dialogs", "Synchronise"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.location.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(location.strip()))
        self.setMinimumWidth(600)

    def target(self) -> str:
        return self.location.text().strip()


class StatusDialog(QDialog):
    """The exchange at a glance: this store's identity, packages sent and received, records
    not yet delivered by kind, open conflicts, and the latest packages."""

    def __init__(self, status: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("package_dialogs", "Exchange status"))
        layout = QVBoxLayout(self)
        me = status.identity
        layout.addWidget(_bold(translate("package_dialogs", "This store: {device}").format(
            device=me.device_name)))
        form = QFormLayout()
        form.addRow(translate("package_dialogs", "Store id"), _wrapped(str(me.store_id)))
        form.addRow(translate("package_dialogs", "Packages sent"), QLabel(translate(
            "package_dialogs", "{sent} ({awaiting} awaiting their receipt)").format(
                sent=f"{status.sent:,}", awaiting=f"{status.awaiting_receipt:,}")))
        form.addRow(translate("package_dialogs", "Packages received"),
                    QLabel(f"{status.received:,}"))
        form.addRow(translate("package_dialogs", "Open conflicts"),
                    QLabel(f"{status.open_conflicts:,}"))
        undelivered = sum(status.undelivered.values())
        form.addRow(translate("package_dialogs", "Not yet delivered"), QLabel(
            records_text(undelivered) if undelivered else
            translate("package_dialogs", "nothing: every record was delivered")))
        layout.addLayout(form)
        self.undelivered = read_only_table(
            (translate("package_dialogs", "Not yet delivered"),
             translate("package_dialogs", "Records")),
            [(kind_plural(k).capitalize(), n) for k, n in sorted(
                status.undelivered.items(), key=lambda kv: -kv[1])])
        if status.undelivered:
            layout.addWidget(self.undelivered)
        layout.addWidget(QLabel(translate("package_dialogs", "Latest packages")))
        self.recent = read_only_table(
            (translate("package_dialogs", "When"), translate("package_dialogs", "Direction"),
             translate("package_dialogs", "Other device"),
             translate("package_dialogs", "Records"), translate("package_dialogs", "Receipt"),
             translate("package_dialogs", "Outcomes")),
            [_package_row(entry) for entry in status.recent])
        self.recent.horizontalHeader().setSectionResizeMode(
            5, QHeaderView.ResizeMode.Stretch)
        self.recent.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.recent if status.recent else
                         QLabel(translate("package_dialogs", "none yet")))
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(820)


def _package_row(entry: Any) -> tuple[Any, ...]:
    sent = entry.direction == "sent"
    receipt = (f"{entry.receipt_at:%Y-%m-%d %H:%M}" if entry.receipt_at else
               translate("package_dialogs", "awaiting") if sent else
               translate("package_dialogs", "written"))
    direction = translate("package_dialogs", "sent") if sent else \
        translate("package_dialogs", "received")
    return (f"{entry.recorded_at:%Y-%m-%d %H:%M}", direction, entry.peer_device or "—",
            entry.record_count, receipt, outcomes_text(entry.outcomes))
