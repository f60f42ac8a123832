"""The bench's grid: keyboard-first editing of one row per finding."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from forensics_gui.gui.bench.bench_delegate import BenchDelegate, key_action
from forensics_gui.gui.bench.bench_model import FIRST, LAST, STATUS, BenchModel

# Each column's share of the width beyond the least it gets (its heading, or these many
# average characters): Position holds a module's name and a board position ("air-data
# computer U3"), Marking several lines.
SHARES = {1: 1.6, 2: 2.0, 3: 1.4, 4: 1.4, 5: 1.2, 6: 0.3, 7: 0.3}
LEAST = {1: 8, 2: 10, 3: 8, 4: 8, 5: 7, 6: 4, 7: 6}
STATUS_CHARS = 3
_MOVES = (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious)
_OWN = {"next", "previous", ""}  # keys the view moves by itself


class BenchView(QTableView):
    """Tab walks the editable cells row after row (the status column is skipped) and from
    the last row into the new row; the bench's other keys become `action(name)`."""

    action = Signal(str)

    def __init__(self, model: BenchModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.bench_delegate = BenchDelegate(self)
        self.setItemDelegate(self.bench_delegate)
        self.bench_delegate.action.connect(self.action)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed |
                             QAbstractItemView.EditTrigger.EditKeyPressed |
                             QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        self._char = self.fontMetrics().averageCharWidth()
        header.setMinimumSectionSize(STATUS_CHARS * self._char + 8)
        header.resizeSection(STATUS, STATUS_CHARS * self._char + 8)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        header.sectionResized.connect(self._resized_by_user)
        self._fitting = False
        self._user_widths = False
        self._closing = False

    def fit_columns(self) -> None:
        """Share the width between the columns (until the user resizes one)."""
        if self._user_widths:
            return
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        least = {c: max(chars * self._char + 12, metrics.horizontalAdvance(
            str(self.model().headerData(c, Qt.Orientation.Horizontal))) + 18)
            for c, chars in LEAST.items()}
        extra = max(0, self.viewport().width() - header.sectionSize(STATUS) - sum(least.values()))
        total = sum(SHARES.values())
        self._fitting = True
        for column, share in SHARES.items():
            header.resizeSection(column, least[column] + int(extra * share / total))
        self._fitting = False

    def _resized_by_user(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != LAST and self.isVisible():
            self._user_widths = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        if action not in _MOVES or not current.isValid():
            return super().moveCursor(action, modifiers)
        row, column = current.row(), current.column()
        model = self.model()
        if action == QAbstractItemView.CursorAction.MoveNext:
            if column < LAST:
                return model.index(row, max(column + 1, FIRST))
            return model.index(row + 1, FIRST) if row + 1 < model.rowCount() else current
        if column > FIRST:
            return model.index(row, column - 1)
        return model.index(row - 1, LAST) if row > 0 else current

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Hiding an editor that still holds the focus (its window not active, as after a
        # completion list closed) passes the focus on as if Tab were pressed: the cell would
        # move twice. The hint moves it once.
        self._closing = True
        try:
            super().closeEditor(editor, hint)
        finally:
            self._closing = False

    def focusNextPrevChild(self, next: bool) -> bool:
        if self._closing:
            return True
        return super().focusNextPrevChild(next)

    def commit_editing(self) -> None:
        """Keep what the open cell editor holds (before saving, or when the page goes)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.bench_delegate.commitData.emit(editor)
            self.bench_delegate.closeEditor.emit(
                editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and \
                key_action(event, editing=False) not in _OWN:  # type: ignore[arg-type]
            event.accept()  # the grid's Ctrl+S, not the window's
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        name = key_action(event, editing=False)
        if name in _OWN or name == "line_break":
            if name == "line_break":
                self.action.emit("enter")
                return
            super().keyPressEvent(event)
            return
        self.action.emit(name)
