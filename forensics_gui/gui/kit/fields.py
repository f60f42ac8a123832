"""One input widget per field type, all read and written as text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.fields import FieldSpec
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate

PLACEHOLDERS = {"date": QT_TRANSLATE_NOOP("FieldInput", "YYYY-MM-DD"),
                "datetime": QT_TRANSLATE_NOOP("FieldInput", "YYYY-MM-DD HH:MM"),
                "list": QT_TRANSLATE_NOOP("FieldInput", "one; two; three"),
                "ref": QT_TRANSLATE_NOOP("FieldInput", "name or id"),
                "hs": QT_TRANSLATE_NOOP("FieldInput", "e.g. 8542.31"),
                "code": QT_TRANSLATE_NOOP("FieldInput", "two-letter code")}
# Codes of another length say so (currencies are ISO 4217: three letters).
CODE_PLACEHOLDERS = {2: QT_TRANSLATE_NOOP("FieldInput", "two-letter code"),
                     3: QT_TRANSLATE_NOOP("FieldInput", "three-letter code, e.g. USD")}


class FieldInput(QWidget):
    """A field's input: `value()` gives text (or a tuple for lists of references)."""

    edited = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor = self._make_editor()
        layout.addWidget(self.editor)
        self.setFocusProxy(self.editor)

    def _make_editor(self) -> QWidget:
        if self.spec.type == "choice":
            # The choices are values the store keeps: shown as they are stored.
            combo = QComboBox()
            combo.addItems(["", *self.spec.choices])
            combo.currentIndexChanged.connect(self.edited)
            return combo
        if self.spec.max_len > 500 and self.spec.type == "text":
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(72)
            text.textChanged.connect(self.edited)
            return text
        line = QLineEdit()
        placeholder = PLACEHOLDERS.get(self.spec.type, "")
        if self.spec.type == "code":
            placeholder = CODE_PLACEHOLDERS.get(self.spec.max_len, placeholder)
        line.setPlaceholderText(translate("FieldInput", placeholder) if placeholder else "")
        line.textEdited.connect(self.edited)
        return line

    def value(self) -> Any:
        if isinstance(self.editor, QComboBox):
            return self.editor.currentText()
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def set_value(self, value: Any) -> None:
        text = _as_text(value)
        if isinstance(self.editor, QComboBox):
            index = self.editor.findText(text, Qt.MatchFlag.MatchFixedString)
            self.editor.setCurrentIndex(max(index, 0))
        elif isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)
            self.editor.setCursorPosition(0)

    def set_invalid(self, invalid: bool) -> None:
        self.editor.setProperty("invalid", invalid)
        self.editor.setStyleSheet("border: 2px solid #d64545;" if invalid else "")


class SourceList(QWidget):
    """The sources a record cites: a list with add and remove."""

    edited = Signal()
    add_requested = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setFixedHeight(84)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        add = QPushButton(translate("SourceList", "Cite a source…"))
        remove = QPushButton(translate("SourceList", "Remove"))
        add.clicked.connect(self.add_requested)
        remove.clicked.connect(self._remove)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)

    def value(self) -> tuple[Any, ...]:
        return tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.list.count()))

    def set_sources(self, sources: list[tuple[Any, str]]) -> None:
        self.list.clear()
        for source_id, title in sources:
            self.add_source(source_id, title, notify=False)

    def add_source(self, source_id: Any, title: str, notify: bool = True) -> None:
        if source_id in self.value():
            return
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, source_id)
        self.list.addItem(item)
        if notify:
            self.edited.emit()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.edited.emit()

    def set_invalid(self, invalid: bool) -> None:
        self.list.setStyleSheet("border: 2px solid #d64545;" if invalid else "")


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:16].replace("T", " ") if "T" in text else text
    return str(value)
