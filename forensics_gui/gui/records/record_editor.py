"""The editor of one record: a form built from the kind's fields, Save, Revert, Delete, History.

Validation errors are shown at the field. A save that finds the record changed by someone
else opens the conflict dialog; nothing is ever overwritten silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import ConflictError, ValidationError
from forensics_gui.core.fields import REFERENCE_NAMES, WITHDRAWABLE, describe
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.gui.kit.create_dialog import CreateDialog, starting_values
from forensics_gui.gui.kit.elided_label import ElidedLabel
from forensics_gui.gui.kit.fields import FieldInput, SourceList
from forensics_gui.gui.kit.flow_layout import FlowLayout, flow_row, keep_together
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.icons import icon
from forensics_gui.gui.kit.labels import field_label, kind_label, spec_label
from forensics_gui.gui.kit.lazy import records, suggest
from forensics_gui.gui.kit.reference_field import ReferenceField, create_text
from forensics_gui.gui.kit.table_model import display
from forensics_gui.gui.records.seen_before_box import SEEN_KINDS, SeenBeforeBox
from forensics_gui.gui.supply.supply_links_box import LINK_BOX_KINDS, SupplyLinksBox

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

# How the editor's height is shared: the form, then the seen-before and supply links boxes.
BODY_SHARES = (5, 3, 2)
FORM_LEAST = 0.4  # of that height, kept for the form when the boxes want more
# Values computed by the store from what was typed, shown read-only under the form.
DERIVED_SHOWN = {
    "part": ("search_key", "confusable_key", "chpl_tier"),
    "finding": ("date_code_note", "produced_from", "produced_to"),
}


class RecordEditor(QWidget):
    """Shows one record of `kind` for editing, or a new one."""

    saved = Signal(object)
    deleted = Signal(str, object)
    open_requested = Signal(str, object)  # kind, id
    dirty_changed = Signal(bool)
    save_failed = Signal()  # a save was refused (the reason is shown at the field)
    history_requested = Signal(str, object)
    new_requested = Signal(str, object, object)  # kind, values sent on save, values shown
    # "Show all in Search" of the seen-before box: {"text": ..., "filters": {...}} for the
    # search page (SearchPanel.set_search(text, filters)).
    search_requested = Signal(dict)

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None,
                 compact: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        # Compact: the fields alone, for a window that makes a record (see CreateDialog).
        self.compact = compact
        self.spec = kind_spec(kind)
        self.record: Any = None
        self.defaults: dict[str, Any] = {}
        self._shown_new: dict[str, Any] = {}  # what a new record's form showed at first
        self._original: dict[str, Any] = {}
        self._dirty = False
        self.inputs: dict[str, FieldInput | SourceList] = {}
        self.errors: dict[str, QLabel] = {}
        self.cells: dict[str, QWidget] = {}  # each field's input, error and Create… under it
        self.create_buttons: dict[str, QPushButton] = {}
        self.create_dialog: CreateDialog | None = None
        self._build()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        # Titles and version lines can be long: cut to the pane, never widening the window.
        self.title = ElidedLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.meta = ElidedLabel()
        self.meta.setEnabled(False)
        outer.addWidget(self.meta)
        self.withdrawn_note = QLabel()
        self.withdrawn_note.setWordWrap(True)
        self.withdrawn_note.setStyleSheet(
            "background: #FDECEA; color: #8E1B13; padding: 6px; border-radius: 3px")
        self.withdrawn_note.setVisible(False)
        outer.addWidget(self.withdrawn_note)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._form(), translate("RecordEditor", "Details"))
        # The tabs and the boxes below them share the height through a splitter: each keeps
        # the room it needs (nothing is drawn over its neighbour) and the user may move it.
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.tabs)
        outer.addWidget(self.body, 1)
        self.seen: SeenBeforeBox | None = None
        if self.kind in SEEN_KINDS and not self.compact:
            self.seen = SeenBeforeBox(self.context)
            self.seen.open_requested.connect(self.open_requested)
            self.seen.search_requested.connect(self.search_requested)
            self.seen.filled.connect(self.share_height)
            self.body.addWidget(self.seen)
        self.links_box: SupplyLinksBox | None = None
        if self.kind in LINK_BOX_KINDS and not self.compact:
            self.links_box = SupplyLinksBox(self.context, self.kind)
            self.links_box.open_requested.connect(self.open_requested)
            self.links_box.filled.connect(self.share_height)
            self.links_box.new_link_requested.connect(
                lambda values, shown: self.new_requested.emit("link", values, shown))
            self.body.addWidget(self.links_box)
        # Height beyond what each needs goes mostly to the form, the rest to the boxes.
        for index, share in enumerate(BODY_SHARES[:self.body.count()]):
            self.body.setStretchFactor(index, share)
        self._divided_by_user = False
        self.body.splitterMoved.connect(self._divided)
        outer.addLayout(self._buttons())
        if self.compact:
            outer.setContentsMargins(0, 0, 0, 0)
            self.tabs.tabBar().hide()
            self.tabs.setDocumentMode(True)  # one frame around the fields, not two
            for widget in (self.title, self.meta, self.save_button, self.revert_button,
                           self.delete_button, self.history_button):
                widget.hide()

    def _divided(self) -> None:
        self._divided_by_user = True

    def share_height(self) -> None:
        """Give the boxes below the form the height their contents want, the form keeping at
        least FORM_LEAST of it; once the user moves a divider, their division is kept."""
        if self._divided_by_user or self.body.count() < 2 or not self.body.isVisible():
            return
        total = sum(self.body.sizes())
        everything = [self.body.widget(i) for i in range(1, self.body.count())]
        boxes = [box for box in everything if not box.isHidden()]
        room = total - max(self.tabs.minimumSizeHint().height(), int(total * FORM_LEAST))
        given = dict.fromkeys(range(len(boxes)), 0)
        # The box that wants least gets all it wants if it can; the others share the rest.
        by_want = sorted(range(len(boxes)), key=lambda i: boxes[i].wanted_height())
        for n, i in enumerate(by_want):
            share = max(room, 0) // (len(boxes) - n)
            given[i] = max(boxes[i].minimumSizeHint().height(),
                           min(boxes[i].wanted_height(), share))
            room -= given[i]
        shares = iter(given.values())
        self.body.setSizes([total - sum(given.values()),
                            *(0 if box.isHidden() else next(shares) for box in everything)])

    def _form(self) -> QWidget:
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels stay on one line beside their fields, however narrow the pane.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for spec in self.spec.fields:
            widget = self._input(spec)
            error = QLabel()
            error.setStyleSheet("color: #d64545;")
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(self._with_open_button(spec, widget))
            box.addWidget(error)
            if isinstance(widget, ReferenceField) and widget.creatable:
                box.addWidget(self._create_button(spec.name), 0, Qt.AlignmentFlag.AlignLeft)
            label = spec_label(spec) + (" *" if spec.required else "")
            form.addRow(_one_line(label), cell)
            self.inputs[spec.name], self.errors[spec.name] = widget, error
            self.cells[spec.name] = cell
        self.derived: dict[str, QLabel] = {}
        for name in () if self.compact else DERIVED_SHOWN.get(self.kind, ()):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            form.addRow(_one_line(field_label(self.kind, name)), value)
            self.derived[name] = value
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(form_widget)
        column.addStretch(1)  # extra height goes below the form, not between its rows
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(holder)
        return self.scroll

    def _input(self, spec: Any) -> FieldInput | SourceList:
        widget: FieldInput | SourceList
        if spec.type == "refs":
            widget = SourceList(spec)
            widget.add_requested.connect(lambda w=widget: self._cite_source(w))
        elif spec.type == "ref":
            widget = ReferenceField(spec, self.context)
            widget.create_requested.connect(lambda text, n=spec.name: self.create_reference(n,
                                                                                          text))
            widget.edited.connect(lambda n=spec.name: self._retitle_create(n))
        else:
            widget = FieldInput(spec)
        widget.edited.connect(self._on_edit)
        return widget

    def _create_button(self, name: str) -> QPushButton:
        """"Create part 'X'…" under a field whose name was refused as unknown."""
        button = QPushButton(icon("new"), "")
        button.setFlat(True)
        button.setStyleSheet("text-align: left;")
        button.clicked.connect(lambda: self.create_reference(name))
        button.hide()
        self.create_buttons[name] = button
        return button

    def form_height(self) -> int:
        """The height the fields want, without scrolling."""
        return self.scroll.widget().sizeHint().height() + self.scroll.frameWidth() * 2

    def cell_of(self, field: str) -> QVBoxLayout:
        """The column holding field `field`'s input and the words under it: another widget
        added there appears under the field and scrolls with it."""
        return self.cells[field].layout()

    def _with_open_button(self, spec: Any, widget: QWidget) -> QWidget:
        if spec.type != "ref" or spec.ref == "marking" or self.compact:
            return widget
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget, 1)
        button = QPushButton(translate("RecordEditor", "Open"))
        button.setToolTip(translate("RecordEditor", "Open the {what}").format(
            what=spec_label(spec).lower()))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self._open_reference(spec))
        row.addWidget(button)
        if spec.ref == "source":
            choose = QPushButton(translate("RecordEditor", "Choose…"))
            choose.setToolTip(translate("RecordEditor", "Pick a source, or create a new one"))
            choose.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            choose.clicked.connect(lambda: self._choose_source(widget))
            row.addWidget(choose)
        return holder

    def _choose_source(self, widget: Any) -> None:
        from forensics_gui.gui.kit.source_picker import pick_source

        def chosen(source: Any) -> None:
            widget.set_reference(source.id, source.title)
            self._on_edit()

        pick_source(self.context, self, chosen)

    def _buttons(self) -> FlowLayout:
        """Save and Revert at the left, History and Delete at the right; on a narrow pane (or
        with longer words) the right-hand group goes to a second line."""
        self.save_button = QPushButton(icon("save"), translate("RecordEditor", "Save"))
        self.revert_button = QPushButton(icon("revert"), translate("RecordEditor", "Revert"))
        # Evidence is withdrawn with a reason, never deleted.
        evidence = self.kind in WITHDRAWABLE
        self.delete_button = QPushButton(icon("delete"),
                                         translate("RecordEditor", "Withdraw…") if evidence
                                         else translate("RecordEditor", "Delete…"))
        self.history_button = QPushButton(icon("history"), translate("RecordEditor", "History"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(self.remove)
        self.history_button.clicked.connect(
            lambda: self.history_requested.emit(self.kind, self.record.id if self.record else None))
        side = keep_together(self.history_button, self.delete_button)
        # Editors of some kinds add their own buttons here, before History.
        self.side_buttons = side.layout()
        return flow_row([self.save_button, self.revert_button], side, last_right=True)

    # --------------------------------------------------------------- showing
    def load(self, record: Any) -> None:
        """Show an existing record (the form becomes clean); another record than the one
        shown starts at the top of the form (the same one, saved, stays where it was)."""
        same = self.record is not None and self.record.id == record.id
        self.record, self.defaults = record, {}
        self._fill({name: self._shown_value(name, record) for name in self.inputs},
                   {name: getattr(record, name) for name in self._references()})
        if not same:
            self.to_top()
        self._load_source_titles()
        if self.seen is not None:
            self.seen.show()
            self.seen.show_for(self.kind, record.id)
        if self.links_box is not None:
            self.links_box.show_for(self.kind, record)

    def new(self, defaults: dict[str, Any] | None = None, shown: dict[str, Any] | None = None
            ) -> None:
        """Start a new record; `defaults` are sent on save, `shown` are what the form shows."""
        self.record, self.defaults = None, dict(defaults or {})
        # References are sent as ids and shown by name; Revert shows the names again.
        self._shown_new = dict(shown or defaults or {})
        self._fill({name: "" for name in self.inputs} | self._shown_new,
                   {name: value for name, value in self.defaults.items()
                    if name in self._references() and isinstance(value, UUID)})
        self.tabs.setCurrentIndex(0)
        self.to_top()
        # A new record has been seen nowhere: the form gets the room.
        if self.seen is not None:
            self.seen.clear()
            self.seen.hide()
        if self.links_box is not None:
            self.links_box.clear()
        self.share_height()

    def to_top(self) -> None:
        """Scroll the form to its first fields (the item, the part...)."""
        self.scroll.verticalScrollBar().setValue(0)
        self.scroll.horizontalScrollBar().setValue(0)

    def _references(self) -> list[str]:
        """The fields naming a record by id (handling markings are named by name)."""
        return [name for name, widget in self.inputs.items()
                if isinstance(widget, ReferenceField) and widget.kind != "marking"]

    def _shown_value(self, name: str, record: Any) -> Any:
        derived = REFERENCE_NAMES.get((self.kind, name))
        value = getattr(record, name)
        if derived and value is not None:
            return getattr(record, derived) or value
        return value

    def _fill(self, values: dict[str, Any], ids: dict[str, Any]) -> None:
        """Show `values`; the reference fields in `ids` name those records."""
        for name, widget in self.inputs.items():
            widget.blockSignals(True)
            if isinstance(widget, SourceList):
                widget.set_sources([(v, str(v)) for v in values.get(name) or ()])
            elif isinstance(widget, ReferenceField) and ids.get(name) is not None:
                widget.set_reference(ids[name], display(values.get(name)))
            else:
                widget.set_value(values.get(name))
            widget.blockSignals(False)
        self._original = {name: w.value() for name, w in self.inputs.items()}
        self._clear_errors()
        self._set_dirty(False)
        self._update_header()
        for name, value in self.derived.items():
            shown = getattr(self.record, name, None) if self.record else None
            value.setText(display(shown) or "—")

    def _update_header(self) -> None:
        record = self.record
        if record is None:
            self.title.setText(translate("RecordEditor", "New {kind}").format(kind=self._kind()))
            self.meta.setText(translate("RecordEditor", "Not saved yet"))
        else:
            self.title.setText(f"{self._kind().capitalize()}: {describe(self.kind, record)}")
            self.meta.setText(translate("RecordEditor", "Version {version} · changed {when} UTC "
                                                        "by {who}").format(
                version=record.version, when=f"{record.updated_at:%Y-%m-%d %H:%M}",
                who=record.updated_by))
        withdrawn = bool(getattr(record, "withdrawn", False))
        self.withdrawn_note.setVisible(withdrawn)
        if withdrawn:
            self.withdrawn_note.setText(translate(
                "RecordEditor", "Withdrawn on {when} UTC by {who}: {reason}. It is kept as "
                "evidence and can no longer be edited.").format(
                when=f"{record.withdrawn_at:%Y-%m-%d %H:%M}", who=record.withdrawn_by,
                reason=record.withdrawal_reason))
        self.tabs.widget(0).setEnabled(not withdrawn)
        self.delete_button.setEnabled(record is not None and not withdrawn)
        self.history_button.setEnabled(record is not None)

    def _load_source_titles(self) -> None:
        lists = [(n, w) for n, w in self.inputs.items() if isinstance(w, SourceList)]
        ids = [i for _, w in lists for i in w.value()]
        if not ids:
            return
        record = self.record

        def apply(found: dict[UUID, str]) -> None:
            if self.record is not record:
                return
            for _, widget in lists:
                widget.set_sources([(i, found.get(i, str(i))) for i in widget.value()])
            self._original = {name: w.value() for name, w in self.inputs.items()}

        self.context.run(records.titles, self.context.store, "source", ids, on_done=apply)

    # ---------------------------------------------------------------- editing
    @property
    def dirty(self) -> bool:
        return self._dirty

    def _on_edit(self) -> None:
        self._set_dirty(self.changes() != {} or self.record is None)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def changes(self) -> dict[str, Any]:
        """The values the user changed since the record was shown (as shown)."""
        return {name: w.value() for name, w in self.inputs.items()
                if w.value() != self._original.get(name)}

    def _sent(self, changes: dict[str, Any]) -> dict[str, Any]:
        """`changes` as saved: a record chosen in a reference field is sent by its id."""
        return {name: self.inputs[name].sent_value()
                if isinstance(self.inputs[name], ReferenceField) else value
                for name, value in changes.items()}

    def revert(self) -> None:
        """Forget the user's changes."""
        if self.record is not None:
            self.load(self.record)
        else:
            self.new(self.defaults, self._shown_new)

    def _clear_errors(self) -> None:
        for name, label in self.errors.items():
            label.hide()
            self.inputs[name].set_invalid(False)
        for button in self.create_buttons.values():
            button.hide()

    def show_field_error(self, field: str, message: str, unknown: bool = False) -> None:
        """Mark the field that was refused, say why under it (offering to create the record
        an unknown name means: `unknown`, or the store's "unknown <kind> …"), scroll it into
        sight and put the cursor there."""
        if field not in self.inputs:
            QMessageBox.warning(self, translate("RecordEditor", "Cannot save"),
                                f"{field}: {message}")
            return
        self.tabs.setCurrentIndex(0)
        self.inputs[field].set_invalid(True)
        self.errors[field].setText(message)
        self.errors[field].show()
        widget = self.inputs[field]
        if isinstance(widget, ReferenceField) and field in self.create_buttons and (
                unknown or message.startswith(f"unknown {kind_spec(widget.kind).label} ")):
            self._retitle_create(field, offer=True)
        self.reveal(field)

    def reveal(self, field: str) -> None:
        """Scroll field `field` (and what is shown under it) into sight, cursor in it."""
        self.scroll.widget().layout().activate()  # the words just shown under it count
        cell = self.cells[field]
        self.scroll.ensureWidgetVisible(cell, 10, 20)
        self.inputs[field].setFocus()
        # Once more when the words under it have been laid out.
        QTimer.singleShot(0, cell, lambda: self.scroll.ensureWidgetVisible(cell, 10, 20))

    def focus_first_empty(self) -> None:
        """The cursor in the first required field left empty, else in the name."""
        empty = [spec.name for spec in self.spec.fields
                 if spec.required and self.inputs[spec.name].value() in ("", ())]
        field = empty[0] if empty else self.spec.title_field
        if field in self.inputs:
            self.reveal(field)
            line = getattr(self.inputs[field], "editor", None)
            if isinstance(line, QLineEdit):  # typing goes on after the name, replacing nothing
                QTimer.singleShot(0, line, lambda: line.end(False))

    # ----------------------------------------------------------------- saving
    def save(self, then: Any = None) -> None:
        """Save in the background; `then(record)` runs after a successful save."""
        self._clear_errors()
        if self.record is None:
            values = {k: v for k, v in self._sent(self.changes()).items() if v not in ("", ())}
            values = self.defaults | values
            self.context.run(records.create, self.context.store, self.kind, values,
                             on_done=lambda r: self._saved(r, then), on_error=self._save_failed,
                             label=self._saving_text())
        else:
            self._update(self.record.version, self.changes(), then)

    def _update(self, version: int, changes: dict[str, Any], then: Any = None) -> None:
        self.context.run(records.update, self.context.store, self.kind, self.record.id, version,
                         self._sent(changes), on_done=lambda r: self._saved(r, then),
                         on_error=self._save_failed, label=self._saving_text())

    def _saving_text(self) -> str:
        return translate("RecordEditor", "Saving the {kind}…").format(kind=self._kind())

    def _kind(self) -> str:
        """The kind's name as the interface says it ("finding")."""
        return kind_label(self.kind)

    def _saved(self, record: Any, then: Any) -> None:
        self.load(record)
        self.saved.emit(record)
        if then is not None:
            then(record)

    def _save_failed(self, error: BaseException, trace: str) -> None:
        self.save_failed.emit()
        if isinstance(error, ValidationError):
            self.show_field_error(error.field, error.reason)
        elif isinstance(error, ConflictError):
            self._resolve_conflict(error)
        else:
            self.context.show_error(error, trace)

    def _resolve_conflict(self, error: ConflictError) -> None:
        from forensics_gui.gui.kit.conflict import ConflictDialog

        mine = self.changes()

        def decide(theirs: Any) -> None:
            dialog = ConflictDialog(self.kind, self.record, theirs, mine, error, self)
            choice = dialog.exec_choice()
            if choice == ConflictDialog.RELOAD:
                self.load(theirs)
            elif choice == ConflictDialog.APPLY_MINE:
                self.record = theirs
                self._update(theirs.version, mine)

        self.context.run(records.get, self.context.store, self.kind, self.record.id,
                         on_done=decide)

    # --------------------------------------------------------------- deleting
    def delete(self) -> None:
        """Ask, saying what else the deletion affects, then delete."""
        if self.record is None:
            return
        record = self.record
        self.context.run(records.dependents, self.context.store, self.kind, record.id,
                         on_done=lambda affected: self._confirm_delete(record, affected))

    def _confirm_delete(self, record: Any, affected: list[tuple[str, int, str]]) -> None:
        blocking = [_counted(n, label) for label, n, effect in affected if effect == "blocks"]
        title = describe(self.kind, record)
        if blocking:
            QMessageBox.information(
                self, translate("RecordEditor", "Cannot delete"),
                translate("RecordEditor", "This {kind} is used by {users}. Remove or re-link "
                                          "those first.").format(kind=self._kind(),
                                                                 users=", ".join(blocking)))
            return
        lines = [(translate("RecordEditor", "Also deletes {counted}") if e == "deletes"
                  else translate("RecordEditor", "Unlinks {counted}")).format(
            counted=_counted(n, label)) for label, n, e in affected]
        answer = QMessageBox.question(
            self, translate("RecordEditor", "Delete {kind}").format(kind=self._kind()),
            translate("RecordEditor", "Delete {kind} “{title}”?").format(
                kind=self._kind(), title=title) + "\n\n" + "\n".join(lines) +
            ("\n\n" if lines else "") +
            translate("RecordEditor", "The deletion is recorded in the audit trail."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.run(records.delete, self.context.store, self.kind, record.id,
                         record.version, on_done=lambda _: self._deleted(record),
                         on_error=self._save_failed)

    def remove(self) -> None:
        """Withdraw evidence (items, findings, photos); delete any other record."""
        if self.kind in WITHDRAWABLE:
            self.withdraw()
        else:
            self.delete()

    def withdraw(self) -> None:
        """Ask why, then withdraw the record shown (evidence is never deleted)."""
        record = self.record
        heading = translate("RecordEditor", "Withdraw {kind}").format(kind=self._kind())
        if record is None or self.dirty:
            if record is not None:
                QMessageBox.information(self, heading, translate(
                    "RecordEditor", "Save or revert your changes first."))
            return
        title = describe(self.kind, record)
        also = {"item": translate("RecordEditor", " Its findings and photos are withdrawn with "
                                                  "it."),
                "finding": translate("RecordEditor", " Its photos are withdrawn with it.")
                }.get(self.kind, "")
        reason, ok = QInputDialog.getMultiLineText(
            self, heading,
            translate("RecordEditor", "Why is {kind} “{title}” withdrawn? It stays in the store "
                                      "and in its history, hidden from lists, and can no longer "
                                      "be edited.").format(kind=self._kind(), title=title) + also)
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(self, heading, translate(
                "RecordEditor", "Nothing was withdrawn: a reason is needed."))
            return
        self.context.run(records.withdraw, self.context.store, self.kind, record.id,
                         record.version, reason, on_done=self._withdrawn,
                         on_error=self._save_failed,
                         label=translate("RecordEditor", "Withdrawing the {kind}…").format(
                             kind=self._kind()))

    def _withdrawn(self, record: Any) -> None:
        self.load(record)
        self.saved.emit(record)

    def _deleted(self, record: Any) -> None:
        self.deleted.emit(self.kind, record.id)

    # ------------------------------------------------------------- references
    def set_reference(self, field: str, record_id: Any, name: str) -> None:
        """Name record `record_id` in reference field `field`, as if the user had chosen it
        (the form is edited; the record is sent by id on save)."""
        widget = self.inputs[field]
        if not isinstance(widget, ReferenceField):
            raise ValueError(f"{field} is not a reference field of a {self.spec.label}")
        widget.choose(record_id, name)
        self.errors[field].hide()
        widget.set_invalid(False)
        if field in self.create_buttons:
            self.create_buttons[field].hide()

    def _open_reference(self, spec: Any) -> None:
        """Open the record the field names now: the one chosen, else the text resolved."""
        widget = self.inputs[spec.name]
        chosen = widget.record_id() if isinstance(widget, ReferenceField) else None
        text = str(widget.value()).strip()
        if chosen is not None:
            self.open_requested.emit(spec.ref, chosen)
        elif text:
            self.context.run(suggest.resolve, self.context.store, spec.ref, text,
                             on_done=lambda found: self._resolved(spec, text, found),
                             on_error=self._save_failed)

    def _resolved(self, spec: Any, text: str, found: Any) -> None:
        if found is not None:
            self.open_requested.emit(spec.ref, found.id)
        else:
            self.show_field_error(spec.name, translate(
                "RecordEditor", "unknown {kind} {text}: nothing to open").format(
                kind=kind_label(spec.ref), text=repr(text[:80])),
                unknown=True)

    def _retitle_create(self, field: str, offer: bool = False) -> None:
        """Keep the Create… button under a field in step with its text (shown if `offer`)."""
        button = self.create_buttons.get(field)
        text = str(self.inputs[field].value()).strip()
        if button is None or not (offer or button.isVisibleTo(self)):
            return
        button.setText(create_text(self.inputs[field].kind, text))
        button.setVisible(bool(text))

    def offer_create(self, field: str) -> None:
        """Show "Create <kind> '<text>'…" under reference field `field` now, before any save
        is refused (the text was put there for a record the store does not hold yet)."""
        self._retitle_create(field, offer=True)

    def create_reference(self, field: str, text: str | None = None) -> None:
        """Make the record field `field` names but the store lacks, in a small window
        started with `text` (the field's text) and what this form knows; once saved it is
        chosen in the field. Nothing else in this form changes; Cancel changes nothing."""
        widget = self.inputs[field]
        text = str(widget.value()).strip() if text is None else text.strip()
        known = {name: (w.sent_value(), w.value()) if isinstance(w, ReferenceField)
                 else (w.value(), w.value()) for name, w in self.inputs.items()}
        sent, shown = starting_values(self.kind, field, text, known)
        form = RecordEditor(self.context, self.spec.field(field).ref, compact=True)
        form.new(sent, shown)
        dialog = self.create_dialog = CreateDialog(form, self)
        dialog.created.connect(lambda record: self._created(field, record))
        dialog.finished.connect(lambda _result: self._create_closed(dialog, field))
        dialog.open()

    def _created(self, field: str, record: Any) -> None:
        self.set_reference(field, record.id, describe(self.inputs[field].kind, record))

    def _create_closed(self, dialog: CreateDialog, field: str) -> None:
        if self.create_dialog is dialog:
            self.create_dialog = None
        dialog.deleteLater()
        self.inputs[field].setFocus()

    def _cite_source(self, widget: SourceList) -> None:
        from forensics_gui.gui.kit.source_picker import pick_source

        pick_source(self.context, self, lambda source: widget.add_source(source.id,
                                                                          source.title))


def _counted(count: int, label: str) -> str:
    """"3 component findings": how many records of a dependent `label` a deletion affects."""
    return translate("RecordEditor", "{count} {what}").format(
        count=count, what=translate("RecordEditor", label))


def _one_line(text: str) -> QLabel:
    """A form label that keeps its words on one line (the field beside it gives way)."""
    label = QLabel(text)
    label.setWordWrap(False)
    label.setMinimumWidth(label.sizeHint().width())
    return label
