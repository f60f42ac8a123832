"""The editor of one record: a form built from the kind's fields, Save, Revert, Delete, History.

Validation errors are shown at the field. A save that finds the record changed by someone
else opens the conflict dialog; nothing is ever overwritten silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import ConflictError, ValidationError
from forensics_gui.core.fields import REFERENCE_NAMES, WITHDRAWABLE, describe, label_of
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.gui.kit.elided_label import ElidedLabel
from forensics_gui.gui.kit.fields import FieldInput, SourceList
from forensics_gui.gui.kit.icons import icon
from forensics_gui.gui.kit.lazy import records
from forensics_gui.gui.kit.table_model import display
from forensics_gui.gui.records.seen_before_box import SEEN_KINDS, SeenBeforeBox
from forensics_gui.gui.supply.supply_links_box import LINK_BOX_KINDS, SupplyLinksBox

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

# How the editor's height is shared: the form, then the seen-before and supply links boxes.
BODY_SHARES = (5, 3, 2)
FORM_LEAST = 0.4  # of that height, kept for the form when the boxes want more
COMPLETED_KINDS = ("system", "marking", "org", "source", "item")
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
    history_requested = Signal(str, object)
    new_requested = Signal(str, object, object)  # kind, values sent on save, values shown
    # "Show all in Search" of the seen-before box: {"text": ..., "filters": {...}} for the
    # search page (SearchPanel.set_search(text, filters)).
    search_requested = Signal(dict)

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.spec = kind_spec(kind)
        self.record: Any = None
        self.defaults: dict[str, Any] = {}
        self._shown_new: dict[str, Any] = {}  # what a new record's form showed at first
        self._original: dict[str, Any] = {}
        self._dirty = False
        self.inputs: dict[str, FieldInput | SourceList] = {}
        self.errors: dict[str, QLabel] = {}
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
        self.tabs.addTab(self._form(), "Details")
        # The tabs and the boxes below them share the height through a splitter: each keeps
        # the room it needs (nothing is drawn over its neighbour) and the user may move it.
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.tabs)
        outer.addWidget(self.body, 1)
        self.seen: SeenBeforeBox | None = None
        if self.kind in SEEN_KINDS:
            self.seen = SeenBeforeBox(self.context)
            self.seen.open_requested.connect(self.open_requested)
            self.seen.search_requested.connect(self.search_requested)
            self.seen.filled.connect(self.share_height)
            self.body.addWidget(self.seen)
        self.links_box: SupplyLinksBox | None = None
        if self.kind in LINK_BOX_KINDS:
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

    def _divided(self) -> None:
        self._divided_by_user = True

    def share_height(self) -> None:
        """Give the boxes below the form the height their contents want, the form keeping at
        least FORM_LEAST of it; once the user moves a divider, their division is kept."""
        if self._divided_by_user or self.body.count() < 2 or not self.body.isVisible():
            return
        sizes = self.body.sizes()
        total = sum(sizes)
        boxes = [self.body.widget(i) for i in range(1, self.body.count())]
        room = total - max(self.tabs.minimumSizeHint().height(), int(total * FORM_LEAST))
        given = dict.fromkeys(range(len(boxes)), 0)
        # The box that wants least gets all it wants if it can; the others share the rest.
        by_want = sorted(range(len(boxes)), key=lambda i: boxes[i].wanted_height())
        for n, i in enumerate(by_want):
            share = max(room, 0) // (len(boxes) - n)
            given[i] = max(boxes[i].minimumSizeHint().height(),
                           min(boxes[i].wanted_height(), share))
            room -= given[i]
        self.body.setSizes([total - sum(given.values()), *given.values()])

    def _form(self) -> QWidget:
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in self.spec.fields:
            widget = SourceList(spec) if spec.type == "refs" else FieldInput(spec)
            widget.edited.connect(self._on_edit)
            if isinstance(widget, SourceList):
                widget.add_requested.connect(lambda w=widget: self._cite_source(w))
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
            label = f"{spec.label}{' *' if spec.required else ''}"
            form.addRow(label, cell)
            self.inputs[spec.name], self.errors[spec.name] = widget, error
        self.derived: dict[str, QLabel] = {}
        for name in DERIVED_SHOWN.get(self.kind, ()):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            form.addRow(label_of(self.kind, name), value)
            self.derived[name] = value
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(form_widget)
        column.addStretch(1)  # extra height goes below the form, not between its rows
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        return scroll

    def _with_open_button(self, spec: Any, widget: QWidget) -> QWidget:
        if spec.type != "ref" or spec.ref == "marking":
            return widget
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget, 1)
        button = QPushButton("Open")
        button.setToolTip(f"Open the {spec.label.lower()}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self._open_reference(spec))
        row.addWidget(button)
        if spec.ref == "source":
            choose = QPushButton("Choose…")
            choose.setToolTip("Pick a source, or create a new one")
            choose.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            choose.clicked.connect(lambda: self._choose_source(widget))
            row.addWidget(choose)
        return holder

    def _choose_source(self, widget: Any) -> None:
        from forensics_gui.gui.kit.source_picker import pick_source

        def chosen(source: Any) -> None:
            widget.set_value(str(source.id))
            self._on_edit()

        pick_source(self.context, self, chosen)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(icon("save"), "Save")
        self.revert_button = QPushButton(icon("revert"), "Revert")
        # Evidence is withdrawn with a reason, never deleted.
        evidence = self.kind in WITHDRAWABLE
        self.delete_button = QPushButton(icon("delete"), "Withdraw…" if evidence else "Delete…")
        self.history_button = QPushButton(icon("history"), "History")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(self.remove)
        self.history_button.clicked.connect(
            lambda: self.history_requested.emit(self.kind, self.record.id if self.record else None))
        for button in (self.save_button, self.revert_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.history_button)
        row.addWidget(self.delete_button)
        return row

    # --------------------------------------------------------------- showing
    def load(self, record: Any) -> None:
        """Show an existing record (the form becomes clean)."""
        self.record, self.defaults = record, {}
        self._fill({name: self._shown_value(name, record) for name in self.inputs})
        self._load_source_titles()
        if self.seen is not None:
            self.seen.show_for(self.kind, record.id)
        if self.links_box is not None:
            self.links_box.show_for(self.kind, record)

    def new(self, defaults: dict[str, Any] | None = None, shown: dict[str, Any] | None = None
            ) -> None:
        """Start a new record; `defaults` are sent on save, `shown` are what the form shows."""
        self.record, self.defaults = None, dict(defaults or {})
        # References are sent as ids and shown by name; Revert shows the names again.
        self._shown_new = dict(shown or defaults or {})
        self._fill({name: "" for name in self.inputs} | self._shown_new)
        if self.seen is not None:
            self.seen.clear()
        if self.links_box is not None:
            self.links_box.clear()

    def _shown_value(self, name: str, record: Any) -> Any:
        derived = REFERENCE_NAMES.get((self.kind, name))
        value = getattr(record, name)
        if derived and value is not None:
            return getattr(record, derived) or value
        return value

    def _fill(self, values: dict[str, Any]) -> None:
        for name, widget in self.inputs.items():
            widget.blockSignals(True)
            if isinstance(widget, SourceList):
                widget.set_sources([(v, str(v)) for v in values.get(name) or ()])
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
            self.title.setText(f"New {self.spec.label}")
            self.meta.setText("Not saved yet")
        else:
            self.title.setText(f"{self.spec.label.capitalize()}: {describe(self.kind, record)}")
            self.meta.setText(f"Version {record.version} · changed "
                              f"{record.updated_at:%Y-%m-%d %H:%M} UTC by {record.updated_by}")
        withdrawn = bool(getattr(record, "withdrawn", False))
        self.withdrawn_note.setVisible(withdrawn)
        if withdrawn:
            self.withdrawn_note.setText(
                f"Withdrawn on {record.withdrawn_at:%Y-%m-%d %H:%M} UTC by {record.withdrawn_by}: "
                f"{record.withdrawal_reason}. It is kept as evidence and can no longer be "
                "edited.")
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

    def load_completions(self) -> None:
        """Fill the reference fields' completion lists from the store (in the background)."""
        for spec in self.spec.fields:
            if spec.type == "ref" and spec.ref in COMPLETED_KINDS:
                widget = self.inputs[spec.name]
                self.context.run(records.names, self.context.store, spec.ref,
                                 on_done=lambda names, w=widget: w.set_completions(names))

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
        """The values the user changed since the record was shown."""
        return {name: w.value() for name, w in self.inputs.items()
                if w.value() != self._original.get(name)}

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

    def show_field_error(self, field: str, message: str) -> None:
        """Mark the field that was refused, say why under it, and put the cursor there."""
        if field not in self.inputs:
            QMessageBox.warning(self, "Cannot save", f"{field}: {message}")
            return
        self.tabs.setCurrentIndex(0)
        self.inputs[field].set_invalid(True)
        self.errors[field].setText(message)
        self.errors[field].show()
        self.inputs[field].setFocus()

    # ----------------------------------------------------------------- saving
    def save(self, then: Any = None) -> None:
        """Save in the background; `then(record)` runs after a successful save."""
        self._clear_errors()
        if self.record is None:
            values = {k: v for k, v in self.changes().items() if v not in ("", ())}
            values = self.defaults | values
            self.context.run(records.create, self.context.store, self.kind, values,
                             on_done=lambda r: self._saved(r, then), on_error=self._save_failed,
                             label=f"Saving the {self.spec.label}…")
        else:
            self._update(self.record.version, self.changes(), then)

    def _update(self, version: int, changes: dict[str, Any], then: Any = None) -> None:
        self.context.run(records.update, self.context.store, self.kind, self.record.id, version,
                         changes, on_done=lambda r: self._saved(r, then),
                         on_error=self._save_failed, label=f"Saving the {self.spec.label}…")

    def _saved(self, record: Any, then: Any) -> None:
        self.load(record)
        self.saved.emit(record)
        if then is not None:
            then(record)

    def _save_failed(self, error: BaseException, trace: str) -> None:
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
        blocking = [f"{n} {label}" for label, n, effect in affected if effect == "blocks"]
        title = describe(self.kind, record)
        if blocking:
            QMessageBox.information(self, "Cannot delete", f"This {self.spec.label} is used by "
                                    f"{', '.join(blocking)}. Remove or re-link those first.")
            return
        lines = [f"{'Also deletes' if e == 'deletes' else 'Unlinks'} {n} {label}"
                 for label, n, e in affected]
        answer = QMessageBox.question(
            self, f"Delete {self.spec.label}",
            f"Delete {self.spec.label} “{title}”?\n\n" + "\n".join(lines) +
            ("\n\n" if lines else "") + "The deletion is recorded in the audit trail.",
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
        if record is None or self.dirty:
            if record is not None:
                QMessageBox.information(self, f"Withdraw {self.spec.label}",
                                        "Save or revert your changes first.")
            return
        title = describe(self.kind, record)
        also = {"item": " Its findings and photos are withdrawn with it.",
                "finding": " Its photos are withdrawn with it."}.get(self.kind, "")
        reason, ok = QInputDialog.getMultiLineText(
            self, f"Withdraw {self.spec.label}",
            f"Why is {self.spec.label} “{title}” withdrawn? It stays in the store and in its "
            f"history, hidden from lists, and can no longer be edited.{also}")
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(self, f"Withdraw {self.spec.label}",
                                    "Nothing was withdrawn: a reason is needed.")
            return
        self.context.run(records.withdraw, self.context.store, self.kind, record.id,
                         record.version, reason, on_done=self._withdrawn,
                         on_error=self._save_failed, label=f"Withdrawing the {self.spec.label}…")

    def _withdrawn(self, record: Any) -> None:
        self.load(record)
        self.saved.emit(record)

    def _deleted(self, record: Any) -> None:
        self.deleted.emit(self.kind, record.id)

    # ------------------------------------------------------------- references
    def _open_reference(self, spec: Any) -> None:
        value = getattr(self.record, spec.name, None) if self.record else None
        if value is None:
            value = self.defaults.get(spec.name)
        if value is not None:
            self.open_requested.emit(spec.ref, value)

    def _cite_source(self, widget: SourceList) -> None:
        from forensics_gui.gui.kit.source_picker import pick_source

        pick_source(self.context, self, lambda source: widget.add_source(source.id,
                                                                          source.title))
