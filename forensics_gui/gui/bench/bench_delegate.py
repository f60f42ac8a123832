"""The bench's keys, its cell editor, and how a cell shows a proposal.

Every key of the bench is named once here (`KEYS`, `key_action`); the grid, the cell editor
and the help line read them from this table.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from forensics_gui.core.bench import CHOICES, LINE_BREAK
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.bench.bench_model import COLUMNS, SuggestionRole

Index = QModelIndex | QPersistentModelIndex
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
SUGGESTED = QColor("#8A8F96")
# (keys, what they do in a word, in full): the bench's keys, in the order they are learnt.
# The words are marked for translation (context "bench_keys"); the keys keep their names.
KEYS = (
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("bench_keys", "next / previous cell"),
     QT_TRANSLATE_NOOP("bench_keys", "next / previous cell; from the last cell, the next row "
                                     "(the new row after the last)")),
    ("Enter", QT_TRANSLATE_NOOP("bench_keys", "next row"),
     QT_TRANSLATE_NOOP("bench_keys", "keep the cell and start the next row")),
    ("Shift+Enter", QT_TRANSLATE_NOOP("bench_keys", "new line in the marking"),
     QT_TRANSLATE_NOOP("bench_keys", "a new line in the marking, shown as “ / ” (typing “ / ” "
                                     "does the same)")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("bench_keys", "accept the proposal"),
     QT_TRANSLATE_NOOP("bench_keys", "accept the identification proposed in grey")),
    ("Ctrl+D", QT_TRANSLATE_NOOP("bench_keys", "copy the cell above"),
     QT_TRANSLATE_NOOP("bench_keys", "copy the cell above into this one")),
    ("Ctrl+Shift+D", QT_TRANSLATE_NOOP("bench_keys", "duplicate the row"),
     QT_TRANSLATE_NOOP("bench_keys", "a copy of the row below it, all but position and "
                                     "marking")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("bench_keys", "undo"),
     QT_TRANSLATE_NOOP("bench_keys", "undo the row's last change; after a save, revert the "
                                     "row by a new version")),
    ("Delete", QT_TRANSLATE_NOOP("bench_keys", "clear the cell"),
     QT_TRANSLATE_NOOP("bench_keys", "clear the cell of a row not saved yet")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("bench_keys", "save"),
     QT_TRANSLATE_NOOP("bench_keys", "save the changed rows now (a row is saved when you "
                                     "leave it)")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("bench_keys", "save, creating part or maker"),
     QT_TRANSLATE_NOOP("bench_keys", "save the row, creating the part or maker the store "
                                     "does not know")),
    ("Ctrl+Delete", QT_TRANSLATE_NOOP("bench_keys", "remove the row"),
     QT_TRANSLATE_NOOP("bench_keys", "remove a row not saved yet")),
    ("Ctrl+O", QT_TRANSLATE_NOOP("bench_keys", "open the finding"),
     QT_TRANSLATE_NOOP("bench_keys", "open the row's finding in the editor")),
)
_CTRL_KEYS = {Qt.Key.Key_D: "copy_down", Qt.Key.Key_S: "save", Qt.Key.Key_Z: "undo",
              Qt.Key.Key_I: "accept", Qt.Key.Key_Delete: "remove_row", Qt.Key.Key_O: "open"}
_CTRL_SHIFT_KEYS = {Qt.Key.Key_D: "duplicate", Qt.Key.Key_S: "create_missing"}
_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def key_action(event: QKeyEvent, editing: bool) -> str:
    """The bench action a key press asks for ('' for an ordinary key)."""
    key = Qt.Key(event.key())
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if key == Qt.Key.Key_Backtab:
        return "previous"
    if key == Qt.Key.Key_Tab and modifiers in (NONE, SHIFT):
        return "previous" if modifiers == SHIFT else "next"
    if key in _RETURN and modifiers in (NONE, SHIFT):
        return "line_break" if modifiers == SHIFT else "enter"
    if modifiers == CTRL:
        return _CTRL_KEYS.get(key, "")
    if modifiers == CTRL | SHIFT:
        return _CTRL_SHIFT_KEYS.get(key, "")
    if not editing and key == Qt.Key.Key_Delete and modifiers == NONE:
        return "clear"
    return ""


class CellEdit(QLineEdit):
    """A cell's editor: the bench's keys become `action(name)`, even while a completion list
    is open (it hands keys to the editor without its event filters)."""

    action = Signal(str)

    def __init__(self, parent: QWidget | None = None, line_breaks: bool = False) -> None:
        super().__init__(parent)
        self.line_breaks = line_breaks

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            name = key_action(event, editing=True)  # type: ignore[arg-type]
            if name == "line_break":
                if self.line_breaks:
                    if event.type() == QEvent.Type.KeyPress:
                        self.insert(LINE_BREAK)
                    event.accept()
                    return True
                name = "enter"
            if name == "undo" and self.isUndoAvailable():
                name = ""  # the editor's own undo first
            if name:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.action.emit(name)
                return True
        return super().event(event)


class BenchDelegate(QStyledItemDelegate):
    """Edits cells with CellEdit (names completed for part and maker) and draws a proposal
    greyed in the empty cells it would fill. `action(name)` follows a bench key pressed while
    editing, once the cell is kept (or, for undo, dropped)."""

    action = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, QStringListModel] = {
            "part_id": QStringListModel(self), "manufacturer_id": QStringListModel(self)}

    def set_names(self, field: str, names: list[str]) -> None:
        """Completion lists: part numbers, makers' names."""
        self.names[field].setStringList(sorted(set(names), key=str.casefold))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget:
        name = COLUMNS[index.column()]
        editor = CellEdit(parent, line_breaks=name == "marking")
        editor.setFrame(False)
        if name in CHOICES:
            editor.setPlaceholderText(", ".join(CHOICES[name]))
        if name in self.names:
            completer = QCompleter(self.names[name], editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchStartsWith if name == "part_id"
                                    else Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        suggested = index.data(SuggestionRole)
        if suggested:
            editor.setPlaceholderText(f"{suggested} (Ctrl+I)")  # not translated: a value, a key
        editor.action.connect(lambda action, e=editor: self._editor_action(e, action))
        return editor

    def _editor_action(self, editor: QWidget, name: str) -> None:
        if name == "undo":
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            self.action.emit(name)
            return
        self.commitData.emit(editor)
        hint = {"next": QAbstractItemDelegate.EndEditHint.EditNextItem,
                "previous": QAbstractItemDelegate.EndEditHint.EditPreviousItem}.get(
            name, QAbstractItemDelegate.EndEditHint.NoHint)
        self.closeEditor.emit(editor, hint)
        if name not in ("next", "previous"):
            self.action.emit(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The bench's keys reach the editor itself (CellEdit.event), Esc and focus the base.
        pressed = event.type() == QEvent.Type.KeyPress
        if pressed and key_action(event, True):  # type: ignore[arg-type]
            return False
        return super().eventFilter(watched, event)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        suggested = index.data(SuggestionRole)
        if not suggested or index.data(Qt.ItemDataRole.DisplayRole):
            return
        painter.save()
        font = option.font  # type: ignore[attr-defined]
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(SUGGESTED)
        rect = option.rect.adjusted(4, 0, -4, 0)  # type: ignore[attr-defined]
        text = option.fontMetrics.elidedText(  # type: ignore[attr-defined]
            suggested, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()
