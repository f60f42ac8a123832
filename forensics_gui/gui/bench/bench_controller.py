"""What the bench does: load an item's findings, save rows one by one in the background as
they are left, show what was refused in the row, ask the identification rules about each
marking, follow the template, link photo regions to rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from forensics_gui.core.bench import BENCH_FIELDS, cell_values, marking_value, module_of
from forensics_gui.core.errors import ConflictError, KnownError, ValidationError
from forensics_gui.gui.bench.bench_model import COLUMNS, FIRST, LAST, BenchRow, heading
from forensics_gui.gui.bench.bench_regions import BenchRegions
from forensics_gui.gui.bench.bench_status import counts, row_status
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import bench, records
from forensics_gui.gui.kit.store_follower import StoreFollower

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

FOLLOWED = ("finding", "annotation", "photo", "module", "part", "org", "item")
MISSING_FIELD = {"org": "manufacturer_id", "part": "part_id"}


class BenchController(QObject):
    """The logic of one BenchPanel (`panel`, which imports this module: not typed here, so
    that no module imports back)."""

    def __init__(self, context: AppContext, panel: Any) -> None:
        super().__init__(panel)
        self.context, self.panel = context, panel
        self.model, self.view = panel.model, panel.view
        self.item: Any = None
        self.modules: list[Any] = []
        self.message = ""
        self._next_item: UUID | None = None
        self.follower = StoreFollower(panel, context, FOLLOWED, self._follow,
                                      forget=self._forget, delay_ms=150)
        self.model.marking_committed.connect(self._propose)
        self.model.row_edited.connect(lambda _row: (self._show_state(), self._show_counts()))
        self.model.rowsInserted.connect(lambda *_: self._show_counts())
        self.model.rowsRemoved.connect(lambda *_: self._show_counts())
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.action.connect(self.act)
        self.regions = BenchRegions(self)
        panel.checklist.start_requested.connect(self.start_from_template)
        panel.checklist.module_chosen.connect(self._go_to_module)
        panel.save_button.clicked.connect(lambda: self.act("save"))
        panel.create_button.clicked.connect(lambda: self.act("create_missing"))
        panel.open_button.clicked.connect(lambda: self.act("open"))

    # ------------------------------------------------------------------ loading
    def show_item(self, item_id: UUID) -> bool:
        """Show another item's bench; False when the user keeps this one (its refused rows
        would be lost)."""
        if self.item is not None and self.item.id != item_id:
            self.save_all()
            if any(r.saving for r in self.model.rows):
                self._next_item = item_id  # once the saves under way are answered
                return True
            if not self._may_leave():
                return False
        self._next_item = None
        self.context.run(bench.load, self.context.store, item_id, on_done=self._loaded,
                         label=translate("bench_controller", "Opening the bench…"))
        return True

    def _switch_when_saved(self) -> None:
        """Open the item asked for while rows were being saved, now that they are."""
        if self._next_item is not None and not any(r.saving for r in self.model.rows):
            self.show_item(self._next_item)

    def _may_leave(self) -> bool:
        refused = [n + 1 for n, r in enumerate(self.model.rows) if r.refused and r.dirty]
        if not refused:
            return True
        answer = QMessageBox.question(
            self.panel, translate("bench_controller", "Refused rows"),
            translate("bench_controller", "{count} rows of {item} were refused and are not "
                                          "saved (rows {rows}). Discard them and open the "
                                          "other item?").format(
                count=len(refused), item=self.item.case_reference,
                rows=", ".join(map(str, refused[:10]))),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _loaded(self, shown: Any) -> None:
        if not isValid(self.model):
            return  # the page was closed meanwhile
        same = self.item is not None and self.item.id == shown.item.id
        self.item, self.modules = shown.item, list(shown.modules)
        self.model.read_only = bool(shown.item.withdrawn or self.context.store.read_only)
        if same:
            self.model.merge_findings(list(shown.findings))
        else:
            self.message = ""  # what was said of the item shown before
            self.model.set_findings(list(shown.findings))
            self.panel.photos.show_item(shown.item)
            self._load_names()
        self.panel.checklist.show_modules(self.modules, shown.item.system_type_name)
        self.regions.load(self.item)
        self._show_title()
        self._ticks()
        if not same:
            self.go_to(self.model.rowCount() - 1, FIRST, edit=False)
            self.view.setFocus()

    def _show_title(self) -> None:
        item = self.item
        self.panel.title.setText(translate("bench_controller", "Bench: {item} · {system}").format(
            item=item.case_reference, system=item.system_type_name))
        if item.withdrawn:
            self.say(translate("bench_controller", "{item} was withdrawn: its findings are "
                                                   "shown, not edited.").format(
                item=item.case_reference))
        elif self.context.store.read_only:
            self.say(translate("bench_controller",
                               "The store is open read-only: rows cannot be saved."))

    def _follow(self, changes: Any) -> None:
        if self.item is None:
            return
        if changes.touches("part", "org"):
            self._load_names()  # a part or maker created with a row is completed from now
        if changes.touches("finding", "item", "module", "part", "org"):
            self.context.run(bench.load, self.context.store, self.item.id,
                             on_done=self._loaded)
        elif changes.touches("annotation", "photo"):
            self.regions.load(self.item)

    def _forget(self) -> None:
        self.item, self.modules = None, []
        self.model.set_findings([])
        self.panel.checklist.show_modules([], "")
        self.panel.title.setText(translate("bench_controller", "Bench mode"))

    def _load_names(self) -> None:
        for field, kind in (("part_id", "part"), ("manufacturer_id", "org")):
            self.context.run(records.names, self.context.store, kind,
                             on_done=lambda names, f=field: self.view.bench_delegate.set_names(
                                 f, names))

    # ------------------------------------------------------------------ moving
    def current(self) -> tuple[int, str, BenchRow | None]:
        index = self.view.currentIndex()
        if not index.isValid():
            return -1, "", None
        return index.row(), COLUMNS[index.column()], self.model.row_at(index.row())

    def go_to(self, number: int, column: int, edit: bool = True) -> None:
        index = self.model.index(max(0, min(number, self.model.rowCount() - 1)), column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if edit and not self.model.read_only:
            self.view.edit(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid() and previous.row() != current.row():
            left = self.model.row_at(previous.row())
            if left is not None:
                self.save(left)  # leaving a row saves it
        self.regions.highlight()
        self._show_state()

    # ------------------------------------------------------------------ keys
    def act(self, name: str) -> None:
        """Do what a bench key asks (see bench_delegate.KEYS)."""
        number, field, row = self.current()
        if name == "save":
            self.save_all(force=True)
        elif row is None:
            return
        elif name == "open":
            if row.finding_id is not None:
                self.panel.open_requested.emit("finding", row.finding_id)
        elif self.model.read_only:
            self.say(translate("bench_controller", "This bench is not edited (see above)."))
        else:
            self._edit_action(name, number, field, row)

    def _edit_action(self, name: str, number: int, field: str, row: BenchRow) -> None:
        if name == "enter":
            self.go_to(number + 1, FIRST)
        elif name == "copy_down":
            self.model.copy_down(number, field)
        elif name == "duplicate":
            at = self.model.duplicate(number)
            if at >= 0:
                self.go_to(at, FIRST)
        elif name == "clear":
            if not self.model.clear(number, field) and row.finding is not None:
                self.say(translate("bench_controller", "Delete clears cells of rows not saved "
                                                       "yet; to change a saved value, type "
                                                       "over it (F2 edits it)."))
        elif name == "undo":
            self.undo(number, row)
        elif name == "accept":
            self.accept(number, row)
        elif name == "create_missing":
            self.create_missing(row)
        elif name == "remove_row" and not self.model.remove_row(number):
            self.say(translate("bench_controller", "Only rows not saved yet are removed; a "
                                                   "saved finding is withdrawn in its editor "
                                                   "(Ctrl+O), with a reason."))

    def undo(self, number: int, row: BenchRow) -> None:
        done = self.model.undo(number)
        if done != "revert" or row.before_save is None:
            if not done and row.finding is not None and not row.dirty:
                self.say(translate("bench_controller", "This finding was saved as it is: a "
                                                       "finding recorded by mistake is "
                                                       "withdrawn, with a reason, in its "
                                                       "editor (Ctrl+O)."))
            elif not done:
                self.say(translate("bench_controller", "Nothing to undo in this row."))
            return
        shown = ", ".join(f"{heading(f)} “{row.before_save.get(f, '')}”" for f in BENCH_FIELDS
                          if row.before_save.get(f, "") != row.saved.get(f, ""))
        answer = QMessageBox.question(
            self.panel, translate("bench_controller", "Revert the row"),
            translate("bench_controller", "Revert row {number} to the values it was saved with "
                                          "before ({values})? This saves a new version; the "
                                          "history keeps both.").format(number=number + 1,
                                                                        values=shown),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.model.set_cells(number, dict(row.before_save))
            self.save(row, force=True)

    # ------------------------------------------------------------------ saving
    def save(self, row: BenchRow, create_missing: bool = False, force: bool = False) -> None:
        """Save one row in the background, if it holds changes (Ctrl+S: even if the same
        values were refused before)."""
        if self.item is None or self.model.read_only or self.model.number_of(row) < 0:
            return
        if row.saving:
            row.save_again = True
            return
        if not row.wants_save or (not force and row.refused_values == row.values):
            return
        values = row.to_send()
        version = row.finding.version if row.finding is not None else None
        self.model.mark_saving(row)
        self.context.run(bench.save_row, self.context.store, self.item.id, values,
                         row.finding_id, version, create_missing,
                         on_done=lambda result: self._saved(row, result),
                         on_error=lambda error, trace: self._refused(row, error, trace))

    def save_all(self, force: bool = False) -> None:
        self.view.commit_editing()
        for row in self.model.rows_to_save():
            self.save(row, force=force)

    def unsaved(self) -> int:
        return sum(1 for r in self.model.rows if r.wants_save or r.saving)

    def create_missing(self, row: BenchRow) -> None:
        if not row.missing:
            self.say(translate("bench_controller", "The row names no part or maker to create; "
                                                   "Ctrl+Shift+S creates what a refused row "
                                                   "names."))
            return
        self.save(row, create_missing=True, force=True)

    def _saved(self, row: BenchRow, result: tuple[Any, list[Any]]) -> None:
        if not isValid(self.model):
            return
        finding, created = result
        self.model.mark_saved(row, finding)
        for annotation_id in row.links:
            self.regions.link(annotation_id, finding.id)
        row.links = []
        made = ", ".join((translate("bench_controller", "part {name}")
                          if hasattr(r, "part_number") else
                          translate("bench_controller", "maker {name}")).format(
            name=getattr(r, "part_number", None) or r.name) for r in created)
        where = row.values["location"] or translate("bench_controller", "row {number}").format(
            number=self.model.number_of(row) + 1)
        self.say((translate("bench_controller", "{where} saved, with the new {made}.") if made
                  else translate("bench_controller", "{where} saved.")).format(where=where,
                                                                               made=made))
        self._ticks()
        self.panel.changed.emit()
        if row.save_again or (row.wants_save and row is not self.current()[2]):
            self.save(row)
        self._switch_when_saved()

    def _refused(self, row: BenchRow, error: BaseException, trace: str) -> None:
        if not isValid(self.model):
            return
        if isinstance(error, ConflictError):
            row.saving = False
            self._conflict(row, error)
            return
        missing = tuple(getattr(error, "missing", ()) or ())
        if isinstance(error, ValidationError):
            reasons = {error.field: error.reason}
            reasons |= {MISSING_FIELD[kind]: error.reason for kind, _name in missing}
        elif isinstance(error, KnownError):
            reasons = {"": str(error)}
        else:
            self.context.show_error(error, trace)
            reasons = {"": translate("bench_controller",
                                     "not saved: an error occurred (see the message)")}
        self.model.mark_refused(row, reasons, missing)
        self._show_state()
        if row.save_again and row.values != row.refused_values:
            self.save(row)
        self._switch_when_saved()

    def _conflict(self, row: BenchRow, error: ConflictError) -> None:
        from forensics_gui.gui.kit.conflict import ConflictDialog

        mine = row.to_send()

        def decide(theirs: Any) -> None:
            dialog = ConflictDialog("finding", row.finding, theirs, mine, error, self.panel)
            choice = dialog.exec_choice()
            if choice == ConflictDialog.RELOAD:
                self.model.show_finding(row, theirs)
            elif choice == ConflictDialog.APPLY_MINE:
                row.finding, row.saved = theirs, cell_values(theirs)
                self.save(row, force=True)
            else:
                self.model.mark_refused(row, {"": str(error)})

        self.context.run(records.get, self.context.store, "finding", row.finding_id,
                         on_done=decide)

    # ------------------------------------------------------------ identification
    def _propose(self, row: BenchRow) -> None:
        marking = row.values["marking"]
        row.proposing = True
        self.context.run(bench.propose, self.context.store, marking_value(marking),
                         on_done=lambda proposal: self._proposed(row, marking, proposal),
                         on_error=lambda error, _trace: self._not_proposed(row, marking, error))

    def _not_proposed(self, row: BenchRow, marking: str, error: BaseException) -> None:
        self._proposed(row, marking, None)
        if isinstance(error, KnownError) and isValid(self.model):
            self.say(translate("bench_controller", "No identification proposed: {error}").format(
                error=error))

    def _proposed(self, row: BenchRow, marking: str, proposal: Any) -> None:
        if not isValid(self.model) or row.values["marking"] != marking:
            return
        row.proposing = False
        self.model.set_proposal(row, marking, proposal)
        number = self.model.number_of(row)
        if row.accept_when_ready:
            row.accept_when_ready = False
            self.accept(number, row)
        elif row is self.current()[2]:
            self._show_state()
        self._refresh_editor_hint()

    def _refresh_editor_hint(self) -> None:
        """An editor opened before the proposal arrived shows it as its placeholder."""
        index = self.view.currentIndex()
        editor = self.view.indexWidget(index) or self.view.focusWidget()
        suggested = self.model.suggestion(self.current()[2], COLUMNS[index.column()]) \
            if index.isValid() and self.current()[2] is not None and index.column() else ""
        if suggested and hasattr(editor, "setPlaceholderText") and editor is not self.view:
            editor.setPlaceholderText(f"{suggested} (Ctrl+I)")  # not translated: a value, a key

    def accept(self, number: int, row: BenchRow) -> None:
        """Ctrl+I: the proposal shown in grey goes into its cells; asked before the
        proposal arrived, it is accepted when it does."""
        if row.proposing:
            row.accept_when_ready = True
            return
        filled = self.model.accept(number)
        if not filled:
            self.say(translate("bench_controller", "Nothing proposed to accept for this marking."))
            return
        self.say(translate("bench_controller", "Accepted: {fields}. Ctrl+Z takes it back.").format(
            fields=", ".join(heading(f) for f in filled)))
        empty = [c for c in range(COLUMNS.index("marking") + 1, LAST + 1)
                 if not row.values[COLUMNS[c]]]
        if row is self.current()[2]:
            self.go_to(number, empty[0] if empty else LAST)

    # ------------------------------------------------------------------ template
    def start_from_template(self) -> None:
        """One unsaved row per module with no finding yet (nor a row naming it)."""
        if self.model.read_only:
            return
        names = [m.name for m in self.modules]
        present = {module_of(r.values["location"], names) for r in self.model.rows}
        added = -1
        for module in self.modules:
            if module.name in present:
                continue
            row = BenchRow(untouched=True)
            row.values.update(location=module.name, function=module.function or "")
            at = self.model.add_before_new_row(row)
            added = at if added < 0 else added
        if added < 0:
            self.say(translate("bench_controller", "Every module of the template already has a "
                                                   "row."))
            return
        self.say(translate("bench_controller", "A row for each module not recorded yet: fill "
                                               "them in (rows you leave untouched are not "
                                               "saved; Ctrl+Delete removes one)."))
        self.go_to(added, COLUMNS.index("marking"))

    def _go_to_module(self, name: str) -> None:
        names = [m.name for m in self.modules]
        for number, row in enumerate(self.model.rows):
            if module_of(row.values["location"], names) == name:
                self.go_to(number, COLUMNS.index("marking"), edit=False)
                self.view.setFocus()
                return
        self.say(translate("bench_controller", "No row for {module} yet: “Start from template” "
                                               "adds one.").format(module=name))

    def _ticks(self) -> None:
        self.panel.checklist.update_ticks(self.model.locations())
        self._show_counts()

    # ------------------------------------------------------------------ telling
    def say(self, message: str) -> None:
        self.message = message
        self._show_state()

    def _show_state(self) -> None:
        """The status line: the current row's refusal or proposal, else the last message."""
        number, _field, row = self.current()
        self.panel.status.setText(row_status(self.model, number, row, self.message))
        self.panel.create_button.setEnabled(bool(row is not None and row.missing and row.dirty))
        self.panel.open_button.setEnabled(bool(row is not None and row.finding_id))

    def _show_counts(self) -> None:
        self.panel.counts.setText(counts(self.model.rows))
