"""What an editor does with the identification strip: it places it under the field that is
read (a finding's marking, a part's number), hands it the text as the user types, and on
Accept (Ctrl+I) fills the fields the proposal knows, where they are empty or still hold what
an earlier proposal put there. A value the user typed is never replaced.

A maker the store does not hold yet is added as an organization when the user accepts (the
strip says so beforehand), with its owner today as successor when the store holds the owner:
a finding or part can only name an organization that exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from forensics_gui.core.errors import KnownError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.identify import rule_label
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import records
from forensics_gui.gui.records.identify_strip import ACCEPT_KEY, IdentifyStrip

if TYPE_CHECKING:  # for typing only
    from forensics_gui.gui.records.record_editor import RecordEditor


@dataclass(frozen=True)
class Fill:
    """A field Accept may fill: how the strip names it (marked for translation), its value
    in a proposal, and for a reference the id of the record that value names (None when the
    store has none)."""

    field: str
    name: str
    value: Callable[[Any], str | None]
    record_id: Callable[[Any], Any] = lambda _proposal: None


def _found(proposal: Any) -> Any:
    return proposal.identification


def _reading(proposal: Any) -> Any:
    return proposal.identification.reading


MAKER = Fill("manufacturer_id", QT_TRANSLATE_NOOP("identify_assist", "manufacturer"),
             lambda p: _found(p).maker,
             lambda p: p.maker_id)
FINDING_FILLS = (
    # The part when the store has one with that number, else the number, which the
    # reference field's "Create part…" can turn into a part.
    Fill("part_id", QT_TRANSLATE_NOOP("identify_assist", "part"),
         lambda p: _reading(p) and _reading(p).part_number, lambda p: p.part_id),
    MAKER,
    Fill("function", QT_TRANSLATE_NOOP("identify_assist", "function"),
         lambda p: _found(p).category or _found(p).family),
    Fill("date_code", QT_TRANSLATE_NOOP("identify_assist", "date code"),
         lambda p: _reading(p) and _reading(p).date_code),
    Fill("lot_code", QT_TRANSLATE_NOOP("identify_assist", "lot code"),
         lambda p: _reading(p) and _reading(p).lot_code),
)
PART_FILLS = (
    MAKER,
    Fill("function", QT_TRANSLATE_NOOP("identify_assist", "function"),
         lambda p: _found(p).family or _found(p).category),
    Fill("category", QT_TRANSLATE_NOOP("identify_assist", "category"),
         lambda p: _found(p).category),
    Fill("hs_code", QT_TRANSLATE_NOOP("identify_assist", "HS code"), lambda p: _found(p).hs_code),
)


def place_under(editor: RecordEditor, field: str, widget: QWidget) -> None:
    """Put `widget` in the form right under `field`: in the column of the field's cell that
    holds its input and the words under it, so that it scrolls with the field."""
    cell_of = getattr(editor, "cell_of", None)
    column = cell_of(field) if cell_of is not None else \
        editor.errors[field].parentWidget().layout()
    column.addWidget(widget)


class IdentifyAssist(QObject):
    """The strip under `field` of `editor`, and Accept filling `fills`."""

    def __init__(self, editor: RecordEditor, field: str, fills: tuple[Fill, ...],
                 what: str) -> None:
        super().__init__(editor)
        self.editor, self.field, self.fills = editor, field, fills
        self.strip = IdentifyStrip(editor.context, what)
        place_under(editor, field, self.strip)
        editor.inputs[field].edited.connect(self.text_changed)
        self.strip.accept_requested.connect(self.accept)
        self.strip.undo_requested.connect(self.undo)
        self.strip.open_requested.connect(editor.open_requested)
        self.strip.shown.connect(self._proposal_shown)
        self.shortcut = QShortcut(QKeySequence(ACCEPT_KEY), editor)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.accept)
        self._filled: dict[str, Any] = {}  # field -> what Accept put there
        self._before: dict[str, Any] = {}  # field -> what it held before
        self._accept_when_shown = False

    # ----------------------------------------------------------------- showing
    def record_shown(self) -> None:
        """A record was shown (or a new one started): identify what its field holds."""
        self._filled, self._before = {}, {}
        self._accept_when_shown = False
        record = self.editor.record
        self.strip.shown_part = record.id if record is not None and \
            self.editor.kind == "part" else None
        self.strip.set_text(self._text(), at_once=True)

    def text_changed(self) -> None:
        self.strip.set_text(self._text())

    def _text(self) -> str:
        value = self.editor.inputs[self.field].value()
        return value if isinstance(value, str) else ""

    def _proposal_shown(self, proposal: Any) -> None:
        if self._accept_when_shown and self.strip.up_to_date:
            self._accept_when_shown = False
            self.accept()

    # --------------------------------------------------------------- accepting
    def accept(self) -> None:
        """Fill what the proposal knows (Ctrl+I); a proposal still on its way is accepted when
        it arrives, so that a quick Ctrl+I after typing takes what was typed."""
        if not self.editor.tabs.widget(0).isEnabled():
            return  # a withdrawn record is not edited
        if not self.strip.up_to_date:
            self._accept_when_shown = True
            return
        proposal = self.strip.proposal
        if proposal is None or proposal.identification.status != "identified":
            return
        if not proposal.maker_id and self._would_fill(MAKER, proposal):
            self._add_maker(proposal)
            return
        self._fill(proposal, proposal.maker_id)

    def _add_maker(self, proposal: Any) -> None:
        found = proposal.identification
        values: dict[str, Any] = {"name": found.maker, "roles": ("manufacturer",),
                                  "notes": f"Added when accepting the identification of "
                                           f"{self._text()[:80]!r} by "
                                           f"{rule_label(found.rule)}"}
        if proposal.owner_id:
            values["successor_id"] = proposal.owner_id
        text = self._text()
        self.strip.show_message(escape(translate(
            "identify_assist", "Adding {maker} to the organizations…")).format(
            maker=escape(found.maker)))

        def added(org: Any) -> None:
            if self._text() == text:
                self._fill(proposal, org.id, added=found.maker)

        def failed(error: BaseException, trace: str) -> None:
            self.strip.show_message(escape(translate(
                "identify_assist", "{maker} could not be added: {error}")).format(
                maker=escape(found.maker), error=escape(str(error)[:200])))
            if not isinstance(error, KnownError):
                self.editor.context.show_error(error, trace)

        self.editor.context.run(records.create, self.editor.context.store, "org", values,
                                on_done=added, on_error=failed,
                                label=translate("identify_assist", "Adding {maker}…").format(
                                    maker=found.maker))

    def _fill(self, proposal: Any, maker_id: Any, added: str = "") -> None:
        names = [translate("identify_assist", fill.name) for fill in self.fills
                 if self._put(fill, proposal, maker_id)]
        if names:
            self.editor._on_edit()  # dirty as if typed: the user saves, or reverts
        if "part_id" in self._filled and proposal.part_id is None and \
                hasattr(self.editor, "offer_create"):
            # A part the store does not hold yet: its Create… is offered under the field
            # at once, rather than after a refused save.
            self.editor.offer_create("part_id")
        self.strip.show_filled(names)
        if added:
            self.strip.show_message(escape(translate(
                "identify_assist", "{maker} added to the organizations.")).format(
                maker=escape(added)) + " " + self.strip.detail.text())

    def _would_fill(self, fill: Fill, proposal: Any) -> bool:
        value = fill.value(proposal)
        current = self.editor.inputs[fill.field].value()
        return bool(value) and current != value and (
            not current or current == self._filled.get(fill.field))

    def _put(self, fill: Fill, proposal: Any, maker_id: Any) -> bool:
        if not self._would_fill(fill, proposal):
            return False
        widget = self.editor.inputs[fill.field]
        self._before.setdefault(fill.field, widget.value())
        value = fill.value(proposal)
        record_id = maker_id if fill is MAKER else fill.record_id(proposal)
        if record_id is not None and hasattr(self.editor, "set_reference"):
            self.editor.set_reference(fill.field, record_id, value)
        elif record_id is not None and hasattr(widget, "set_reference"):
            widget.set_reference(record_id, value)  # sent by id, shown by name
        else:
            widget.set_value(value)
        self._filled[fill.field] = widget.value()
        return True

    def undo(self) -> None:
        """Put back what the fields held before Accept, where they still hold its values."""
        for field, before in self._before.items():
            widget = self.editor.inputs[field]
            if widget.value() == self._filled.get(field):
                widget.set_value(before)
        self._filled, self._before = {}, {}
        self.editor._on_edit()
        proposal = self.strip.proposal
        if proposal is not None:
            self.strip.show_proposal(proposal, self.strip.shown_for or "")
