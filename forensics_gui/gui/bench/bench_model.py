"""The bench's rows: one finding each, as typed, with what is saved and what is not.

A row holds the text of its cells; the services resolve names when it is saved. The last
row is always an empty new row: typing into it makes it a row of its own and a new empty row
follows. Rows added by the template, by duplicating or by annotating a photo are saved only
once the user has edited them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from forensics_gui.core.bench import (
    BENCH_FIELDS,
    DUPLICATED,
    HEADINGS,
    cell_values,
    expand_choice,
    field_value,
)
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate

Index = QModelIndex | QPersistentModelIndex
STATUS = 0  # the column saying whether the row is saved
COLUMNS = ("status", *BENCH_FIELDS)
FIRST, LAST = 1, len(COLUMNS) - 1  # the editable columns
SuggestionRole = Qt.ItemDataRole.UserRole + 1  # greyed text proposed for an empty cell
RowRole = Qt.ItemDataRole.UserRole + 2
REFUSED_BACKGROUND = QColor("#F8D7D3")
# (symbol, word, colour) per state, for the status column.
LOOKS = {"new": ("+", QT_TRANSLATE_NOOP("BenchModel", "new row: type to add a finding"),
                 "#8A8F96"),
         "untouched": ("◇", QT_TRANSLATE_NOOP("BenchModel", "not saved until you edit it"),
                       "#8A8F96"),
         "unsaved": ("●", QT_TRANSLATE_NOOP("BenchModel", "not saved yet: saved when you leave "
                                                          "the row (or Ctrl+S)"), "#B7791F"),
         "saving": ("…", QT_TRANSLATE_NOOP("BenchModel", "saving"), "#2F6FB0"),
         "saved": ("✓", QT_TRANSLATE_NOOP("BenchModel", "saved"), "#2E7D32"),
         "refused": ("✕", QT_TRANSLATE_NOOP("BenchModel", "refused: not saved"), "#C62828")}


def heading(name: str) -> str:
    """The heading of the grid's column `name` (a field of core.bench.BENCH_FIELDS)."""
    return translate("BenchModel", HEADINGS[name])


@dataclass(eq=False)
class BenchRow:
    """One row: its cells as typed, the finding it shows (once saved) and what happened."""

    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(BENCH_FIELDS, ""))
    finding: Any = None
    saved: dict[str, str] = field(default_factory=dict)  # the cells as last saved
    before_save: dict[str, str] | None = None  # the saved cells before the last update
    undo: list[list[tuple[str, str]]] = field(default_factory=list)  # groups of (field, old)
    untouched: bool = False  # added for the user (template, duplicate, annotation)
    saving: bool = False
    save_again: bool = False
    sent: dict[str, str] = field(default_factory=dict)  # the cells of the save under way
    refused: dict[str, str] = field(default_factory=dict)  # field ("" for the row) -> why
    refused_values: dict[str, str] | None = None  # the cells that were refused
    missing: tuple[tuple[str, str], ...] = ()  # (kind, name) the row may create
    proposal: Any = None  # services.bench.Proposal for the marking as committed
    proposed_for: str = ""  # the marking the proposal (or the one asked for) is for
    filled: dict[str, str] = field(default_factory=dict)  # what accepting put in cells
    proposing: bool = False  # a proposal was asked for and has not arrived
    accept_when_ready: bool = False
    links: list[UUID] = field(default_factory=list)  # annotations to link once saved

    @property
    def finding_id(self) -> UUID | None:
        return self.finding.id if self.finding is not None else None

    @property
    def empty(self) -> bool:
        return not any(v.strip() for v in self.values.values())

    @property
    def dirty(self) -> bool:
        """Whether the cells differ from what is stored."""
        base = self.saved if self.finding is not None else {}
        return any(v.strip() != base.get(f, "").strip() for f, v in self.values.items())

    @property
    def wants_save(self) -> bool:
        return self.dirty and not self.untouched and not (self.finding is None and self.empty)

    def state(self, last: bool) -> str:
        if self.saving:
            return "saving"
        if self.refused and self.dirty:
            return "refused"
        if self.finding is not None and not self.dirty:
            return "saved"
        if last and self.finding is None and self.empty:
            return "new"
        return "untouched" if self.untouched else "unsaved"

    def to_send(self) -> dict[str, str]:
        """The values a save sends: every filled cell of a new row; the changed cells of a
        saved one."""
        if self.finding is None:
            return {f: field_value(f, v) for f, v in self.values.items() if v.strip()}
        return {f: field_value(f, v) for f, v in self.values.items()
                if v.strip() != self.saved.get(f, "").strip()}


class BenchModel(QAbstractTableModel):
    """The rows of the bench; the last is always an empty new row."""

    marking_committed = Signal(object)  # BenchRow whose marking changed
    row_edited = Signal(object)  # BenchRow

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[BenchRow] = [BenchRow()]
        self.read_only = False

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if section == STATUS else heading(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == STATUS:
            return translate("BenchModel", "Saved (✓), not saved yet (●), saving (…), refused "
                                           "(✕), not edited (◇)")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != STATUS and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == RowRole:
            return row
        if index.column() == STATUS:
            return self._status_data(row, index.row(), role)
        name = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.values.get(name, "")
        if role == SuggestionRole:
            return self.suggestion(row, name)
        if role == Qt.ItemDataRole.BackgroundRole and name in row.refused and row.dirty:
            return QBrush(REFUSED_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, name)
        return None

    def _status_data(self, row: BenchRow, number: int, role: int) -> Any:
        symbol, words, colour = LOOKS[row.state(number == len(self.rows) - 1)]
        if role == Qt.ItemDataRole.DisplayRole:
            return symbol
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            why = "\n".join(row.refused.values()) if row.refused and row.dirty else ""
            return f"{translate('BenchModel', words)}\n{why}".strip()
        if role == Qt.ItemDataRole.BackgroundRole and row.refused.get("") and row.dirty:
            return QBrush(REFUSED_BACKGROUND)
        return None

    def _tooltip(self, row: BenchRow, name: str) -> str | None:
        if name in row.refused and row.dirty:
            return row.refused[name]
        suggested = self.suggestion(row, name)
        if suggested:
            return translate("BenchModel", "Proposed: {value} (Ctrl+I accepts)").format(
                value=suggested) + f"\n{row.proposal.reason}"
        if name == "marking" and row.values["marking"]:
            return row.values["marking"].replace(" / ", "\n")
        if name == "date_code" and row.finding is not None and row.finding.date_code_note:
            return f"{row.values['date_code']}: {row.finding.date_code_note}"
        return row.values.get(name) or None  # the whole text, where the cell cuts it

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == STATUS:
            return False
        return self.set_cells(index.row(), {COLUMNS[index.column()]: str(value or "")})

    # ------------------------------------------------------------ rows
    def row_at(self, number: int) -> BenchRow | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def number_of(self, row: BenchRow) -> int:
        """Where `row` is now (rows move as others are added), -1 when it is gone."""
        return next((n for n, r in enumerate(self.rows) if r is row), -1)

    def is_new_row(self, number: int) -> bool:
        return number == len(self.rows) - 1

    def set_cells(self, number: int, cells: dict[str, str], undoable: bool = True) -> bool:
        """Put text in cells of a row (one undo step); the new row becomes a row of its own."""
        row = self.row_at(number)
        if row is None:
            return False
        changed = {f: expand_choice(f, v) for f, v in cells.items()
                   if expand_choice(f, v) != row.values.get(f, "")}
        if not changed:
            return False
        if undoable:
            row.undo.append([(f, row.values.get(f, "")) for f in changed])
        self._apply(row, number, changed)
        return True

    def _apply(self, row: BenchRow, number: int, changed: dict[str, str]) -> None:
        row.values.update(changed)
        row.untouched = False
        for name in changed:
            row.refused.pop(name, None)
        if "marking" in changed:
            row.proposal, row.proposed_for = None, ""
        self._changed(number)
        if self.is_new_row(number) and not row.empty:
            self.add_row(BenchRow())
        if "marking" in changed and row.values["marking"].strip():
            self.marking_committed.emit(row)
        self.row_edited.emit(row)

    def add_row(self, row: BenchRow, at: int | None = None) -> int:
        """Insert `row` before `at` (at the end when None); returns where it went."""
        at = len(self.rows) if at is None else max(0, min(at, len(self.rows)))
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.insert(at, row)
        self.endInsertRows()
        return at

    def add_before_new_row(self, row: BenchRow) -> int:
        return self.add_row(row, len(self.rows) - 1)

    def remove_row(self, number: int) -> bool:
        """Take away an unsaved row (never a saved one, nor the new row)."""
        row = self.row_at(number)
        if row is None or row.finding is not None or row.saving or self.is_new_row(number):
            return False
        self.beginRemoveRows(QModelIndex(), number, number)
        del self.rows[number]
        self.endRemoveRows()
        return True

    def _changed(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, LAST))

    def refresh_row(self, row: BenchRow) -> None:
        number = self.number_of(row)
        if number >= 0:
            self._changed(number)

    # ------------------------------------------------------------ editing keys
    def copy_down(self, number: int, name: str) -> bool:
        """Ctrl+D: the cell above, copied into this one."""
        above = self.row_at(number - 1)
        if above is None or name not in BENCH_FIELDS:
            return False
        return self.set_cells(number, {name: above.values[name]})

    def duplicate(self, number: int) -> int:
        """Ctrl+Shift+D: a new row below with this row's values but position and marking."""
        row = self.row_at(number)
        if row is None or row.empty:
            return -1
        copy = BenchRow(untouched=True)
        copy.values.update({f: row.values[f] for f in DUPLICATED})
        at = min(number + 1, len(self.rows) - 1)
        return self.add_row(copy, at)

    def clear(self, number: int, name: str) -> bool:
        """Delete: empty a cell of a row that is not saved."""
        row = self.row_at(number)
        if row is None or row.finding is not None or name not in BENCH_FIELDS:
            return False
        return self.set_cells(number, {name: ""})

    def undo(self, number: int) -> str:
        """Ctrl+Z: 'undone' (the row's last change taken back), 'revert' (nothing left to
        take back, but the row was saved over earlier values in this sitting) or ''."""
        row = self.row_at(number)
        if row is None:
            return ""
        if row.undo and (row.dirty or row.finding is None):
            step = row.undo.pop()
            self._apply(row, number, dict(step))
            return "undone"
        return "revert" if row.before_save is not None and not row.dirty else ""

    # ------------------------------------------------------------ proposals
    def suggestion(self, row: BenchRow, name: str) -> str:
        """The proposal's value for an empty cell (or one still holding an earlier
        acceptance) of a row being recorded, '' otherwise (a row saved as it is was saved
        without it)."""
        if row.proposal is None or row.proposed_for != row.values["marking"] or (
                row.finding is not None and not row.dirty):
            return ""
        value = row.proposal.values.get(name, "")
        current = row.values.get(name, "")
        if not value or current == value:
            return ""
        return value if not current or current == row.filled.get(name) else ""

    def set_proposal(self, row: BenchRow, marking: str, proposal: Any) -> None:
        if row.values["marking"] != marking:
            return  # the marking changed since it was asked for
        row.proposal, row.proposed_for = proposal, marking
        self.refresh_row(row)

    def accept(self, number: int) -> list[str]:
        """Ctrl+I: fill the cells the proposal shows; returns the fields filled."""
        row = self.row_at(number)
        if row is None:
            return []
        cells = {f: self.suggestion(row, f) for f in BENCH_FIELDS}
        cells = {f: v for f, v in cells.items() if v}
        if cells and self.set_cells(number, cells):
            row.filled.update(cells)
            return list(cells)
        return []

    # ------------------------------------------------------------ saving
    def mark_saving(self, row: BenchRow) -> None:
        row.saving, row.save_again = True, False
        row.sent = dict(row.values)
        self.refresh_row(row)

    def mark_saved(self, row: BenchRow, finding: Any) -> None:
        """The save went through: the cells the user did not change meanwhile show what the
        store holds now (names as stored, "high" for "High")."""
        stored = cell_values(finding)
        if row.finding is not None and row.saved != stored:
            row.before_save = dict(row.saved)
        for name, text in stored.items():
            if row.values.get(name) == row.sent.get(name):
                row.values[name] = text
        row.finding, row.saved, row.saving = finding, stored, False
        row.refused, row.refused_values, row.missing = {}, None, ()
        row.undo = [] if not row.dirty else row.undo
        self.refresh_row(row)

    def mark_refused(self, row: BenchRow, reasons: dict[str, str],
                     missing: tuple[tuple[str, str], ...] = ()) -> None:
        row.saving = False
        row.refused = {(f if f in BENCH_FIELDS else ""): why for f, why in reasons.items()}
        row.refused_values, row.missing = dict(row.sent), missing
        self.refresh_row(row)

    def show_finding(self, row: BenchRow, finding: Any) -> None:
        """A finding changed elsewhere: shown as stored (the row holds no unsaved change)."""
        row.finding, row.saved = finding, cell_values(finding)
        row.values = dict(row.saved)
        self.refresh_row(row)

    # ------------------------------------------------------------ the store's findings
    def set_findings(self, findings: list[Any]) -> None:
        """Show these findings (a new item): every row saved, then the new row."""
        self.beginResetModel()
        self.rows = [self._saved_row(f) for f in findings] + [BenchRow()]
        self.endResetModel()

    @staticmethod
    def _saved_row(finding: Any) -> BenchRow:
        values = cell_values(finding)
        return BenchRow(values=dict(values), finding=finding, saved=values)

    def merge_findings(self, findings: list[Any]) -> None:
        """Follow the store: saved rows show the stored finding, findings recorded elsewhere
        are added, withdrawn ones leave; rows with unsaved changes are kept as they are."""
        by_id = {f.id: f for f in findings}
        for number in range(len(self.rows) - 1, -1, -1):
            row = self.rows[number]
            if row.finding is None or row.saving:
                continue
            stored = by_id.get(row.finding.id)
            if stored is None and not row.dirty:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self.rows[number]
                self.endRemoveRows()
            elif stored is not None and stored.version != row.finding.version and \
                    not row.dirty:
                self.show_finding(row, stored)
        shown = {r.finding.id for r in self.rows if r.finding is not None}
        for finding in findings:
            if finding.id not in shown:
                self.add_before_new_row(self._saved_row(finding))

    def rows_to_save(self) -> list[BenchRow]:
        return [r for r in self.rows if r.wants_save and not r.saving]

    def locations(self) -> list[str]:
        """The positions of the saved findings (what the template checklist ticks)."""
        return [r.saved.get("location", "") for r in self.rows if r.finding is not None]

    def row_of_finding(self, finding_id: UUID) -> int:
        return next((n for n, r in enumerate(self.rows) if r.finding_id == finding_id), -1)
