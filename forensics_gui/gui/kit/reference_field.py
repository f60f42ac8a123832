"""A reference field: the records a name may mean, suggested while typing, the record chosen
kept by id (shown by name), and "Create part 'X'…" when the name is new.

Suggestions come from the worker (`services.suggest`) after a short pause in typing, one
request at a time: an answer for text that is no longer in the field is dropped and the
newest text asked for, so fast typing never queues work nor shows a stale list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from shiboken6 import isValid

from forensics_gui.core.fields import FieldSpec
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.gui.kit.fields import FieldInput
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import suggest

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

SUGGEST_DELAY_MS = 80  # a pause in typing this long asks for suggestions
SUGGESTED = 15
POPUP_WIDEST = 640
# Kinds never made from a reference field: handling markings are a store's settings, and a
# photo is added from its file (in an item's or a finding's Photos tab).
NOT_CREATED = ("marking", "photo")
ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_NAME = Qt.ItemDataRole.UserRole + 2
ROLE_NOTE = Qt.ItemDataRole.UserRole + 3
ROLE_CREATE = Qt.ItemDataRole.UserRole + 4
_GAP = 16


def create_text(kind: str, text: str) -> str:
    """"Create part 'STM32F405RGT6'…", as the list and the button under a field say it."""
    return translate("ReferenceField", "Create {kind} '{text}'…").format(
        kind=translate("fields", kind_spec(kind).label), text=text)


class ReferenceField(FieldInput):
    """A field naming a record of `spec.ref`: `value()` is the text shown, `sent_value()`
    the id of the record chosen while the text still names it, else the text."""

    create_requested = Signal(str)  # the text typed, for a new record of that name
    chosen = Signal(object)  # the id of a record picked from the suggestions

    def __init__(self, spec: FieldSpec, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.context = context
        self.kind = spec.ref
        self.creatable = spec.ref not in NOT_CREATED
        self._record_id: Any = None
        self._record_name = ""
        self._asked: str | None = None  # the text of the request on the worker
        self.shown_for: str | None = None  # the text the list was made for
        self.suggestions: list[Any] = []
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(self.editor)  # not setCompleter: the field inserts nothing
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(SUGGESTED + 1)
        self.completer.popup().setItemDelegate(SuggestionDelegate(self.completer.popup()))
        self.completer.activated[QModelIndex].connect(self._activated)
        self._pause = QTimer(self, singleShot=True, interval=SUGGEST_DELAY_MS)
        self._pause.timeout.connect(self.ask)
        self.editor.textEdited.connect(self._typed)

    # ------------------------------------------------------------- the value
    def text(self) -> str:
        return self.editor.text()

    def set_value(self, value: Any) -> None:
        self._forget()
        super().set_value(value)

    def set_reference(self, record_id: Any, name: str | None) -> None:
        """Show the record `record_id` by `name`; it is sent by id while the name stays."""
        self._forget()
        self._record_id, self._record_name = record_id, name or str(record_id or "")
        super().set_value(self._record_name)

    def record_id(self) -> Any:
        """The id of the record chosen, while the field still shows its name; else None."""
        if self._record_id is not None and self.text() == self._record_name:
            return self._record_id
        return None

    def sent_value(self) -> Any:
        """What a save sends: the chosen record's id, else the text (resolved by name)."""
        chosen = self.record_id()
        return chosen if chosen is not None else self.value()

    def _forget(self) -> None:
        self._pause.stop()
        self.completer.popup().hide()
        self._record_id, self._record_name = None, ""

    # -------------------------------------------------------- suggestions
    def _typed(self, text: str) -> None:
        if not text.strip():
            self._pause.stop()
            self.completer.popup().hide()
            return
        self._pause.start()

    def ask(self) -> None:
        """Ask the worker for suggestions for the text now in the field (one at a time)."""
        text = self.text().strip()
        if not text or self.context.store is None or self._asked is not None:
            return  # an answer on its way asks again for the newest text when it comes
        self._asked = text
        self.context.run(suggest.suggest, self.context.store, self.kind, text, SUGGESTED,
                         on_done=lambda found: self._arrived(text, found),
                         on_error=lambda _error, _trace: self._arrived(text, []))

    def _arrived(self, asked: str, found: list[Any]) -> None:
        if not isValid(self):  # the form was closed while the store looked
            return
        self._asked = None
        if asked != self.text().strip():  # typed on meanwhile: this answer is stale
            if not self._pause.isActive():
                self.ask()
            return
        self.show_suggestions(asked, found)

    def show_suggestions(self, asked: str, found: list[Any]) -> None:
        """List `found` (best first) under the field, then Create… when nothing is called
        `asked` exactly."""
        self.suggestions, self.shown_for = list(found), asked
        self.model.clear()
        for suggestion in found:
            row = QStandardItem(suggestion.label)
            row.setData(suggestion.id, ROLE_ID)
            row.setData(suggestion.name, ROLE_NAME)
            row.setData(suggestion.note, ROLE_NOTE)
            row.setToolTip(f"{suggestion.label}\n{suggestion.note}".strip())
            self.model.appendRow(row)
        if self.creatable and not any(s.exact for s in found):
            row = QStandardItem(create_text(self.kind, asked))
            row.setData(True, ROLE_CREATE)
            row.setData(asked, ROLE_NAME)
            font = row.font()
            font.setItalic(True)
            row.setFont(font)
            self.model.appendRow(row)
        # Only under the field being typed in: keys typed into the list go to its field.
        if self.model.rowCount() == 0 or not self.editor.hasFocus():
            self.completer.popup().hide()
            return
        self._pop_up()

    def _pop_up(self) -> None:
        popup = self.completer.popup()
        rect = self.editor.rect()
        wanted = popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 8
        rect.setWidth(max(rect.width(), min(wanted, POPUP_WIDEST)))
        self.completer.complete(rect)
        popup.setCurrentIndex(QModelIndex())  # nothing chosen until the user moves to it

    def popup_rows(self) -> list[str]:
        """The rows of the suggestion list, as shown."""
        return [self.model.item(r).text() for r in range(self.model.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        if index.data(ROLE_CREATE):
            self.create_requested.emit(index.data(ROLE_NAME))
            return
        self.choose(index.data(ROLE_ID), index.data(ROLE_NAME))

    def choose(self, record_id: Any, name: str) -> None:
        """Take the record `record_id` as if picked from the list (the form is edited)."""
        self.set_reference(record_id, name)
        self.editor.end(False)  # typing on goes after the name, as after any completion
        self.edited.emit()
        self.chosen.emit(record_id)


class SuggestionDelegate(QStyledItemDelegate):
    """A suggestion's name and detail on the left, how it matched on the right, dimmed."""

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        text, note = view.text, index.data(ROLE_NOTE) or ""
        view.text = ""
        style = view.widget.style() if view.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, view.widget)
        rect = view.rect.adjusted(6, 0, -6, 0)
        metrics = view.fontMetrics
        selected = bool(view.state & QStyle.StateFlag.State_Selected)
        colour = view.palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        # One pixel more than measured: text elided to its exact width loses its end.
        noted = min(metrics.horizontalAdvance(note) + 1, rect.width() // 2) if note else 0
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setFont(view.font)
        painter.setPen(colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | middle, metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, rect.width() - noted - (_GAP if note else 0)))
        if note:
            painter.setPen(colour if selected else
                           view.palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | middle,
                             metrics.elidedText(note, Qt.TextElideMode.ElideRight, noted))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        note = index.data(ROLE_NOTE)
        if note:
            size.setWidth(size.width() + option.fontMetrics.horizontalAdvance(note) + 2 * _GAP)
        return size
