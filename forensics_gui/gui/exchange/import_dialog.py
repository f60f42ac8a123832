"""File › Import spreadsheet…: a CSV file or a sheet of an Excel workbook read as findings,
parts, organizations, recovered items or supply links.

The user picks the file (and the sheet, or the text encoding and delimiter when the reader
refused it), says what the rows are (a public list such as HUR's is recognised by its
columns and cited as a graded source), confirms how each column maps, and sees a preview:
how many rows are new, already in the store or refused, and why. The import is one
transaction on the task worker, with progress and Cancel; refused rows can be saved to a
file before or after it. Reading, previewing and importing all call
`services.exchange.importer`, as `forensics import` does, through `gui/kit/lazy.py`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from forensics_gui.core.errors import KnownError
from forensics_gui.core.exchange import missing_targets
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.exchange import import_task
from forensics_gui.gui.exchange.import_layout import ImportLayout, detected_text
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import exchange_import

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext
    from forensics_gui.gui.kit.tasks import Task

PREVIEW_DELAY_MS = 250  # changes made in a burst give one preview
FILTERS = QT_TRANSLATE_NOOP("ImportDialog", "Spreadsheets (*.csv *.xlsx *.txt *.tsv);;All "
                            "files (*)")


class _Relay(QObject):
    """Carries progress from the worker to the dialog (queued): which request, done, total,
    what."""

    progressed = Signal(int, int, int, str)


class ImportDialog(ImportLayout):
    """Import one spreadsheet, previewed before anything is written."""

    imported = Signal(object)  # the Plan of a finished import

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 path: str = "") -> None:
        super().__init__(parent)
        self.context = context
        self.sheet: Any = None
        self.settings: Any = None
        self.preview: import_task.Preview | None = None
        self.result: Any = None  # the Plan of the import done
        self.reading: Task | None = None
        self.previewing: Task | None = None
        self.task: Task | None = None  # the import
        self._request = 0  # the newest preview asked for; older ones are dropped
        self._close_when_done = False
        self._closed = False
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._start_preview)
        self._connect()
        self._show_settings()
        self._show_state()
        if path:
            self.open_path(path)

    def _connect(self) -> None:
        self.path.returnPressed.connect(lambda: self.open_path(self.path.text().strip()))
        self.browse.clicked.connect(self.choose_file)
        self.retry.clicked.connect(self._read_as_guessed)
        for combo in (self.sheet_box, self.encoding, self.delimiter):
            combo.activated.connect(lambda _i: self._reread())
        self.encoding.lineEdit().returnPressed.connect(self._reread)
        self.kind.activated.connect(lambda _i: self._kind_chosen())
        self.layout_box.activated.connect(lambda _i: self._layout_chosen())
        self.source_title.textEdited.connect(lambda _t: self._source_changed())
        for combo in (self.reliability, self.credibility):
            combo.activated.connect(lambda _i: self._source_changed())
        self.mapping.changed.connect(self._mapping_changed)
        self.save_rejects.clicked.connect(self.choose_rejects_file)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(lambda: self.cancel() if self.running else
                                          self.reject())

    # -------------------------------------------------------------- the file
    def choose_file(self) -> None:
        """Ask for the file to import."""
        start = self.path.text().strip() or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, translate("ImportDialog", "Import a spreadsheet"), start,
            translate("ImportDialog", FILTERS))
        if chosen:
            self.open_path(chosen)

    def open_path(self, path: str) -> None:
        """Read `path` afresh: detected encoding and delimiter, its first sheet."""
        self._closed = False
        self.path.setText(path)
        self.sheet_box.clear()
        self.sheet_box.setEnabled(False)
        self.sheet_label.setEnabled(False)
        self.encoding.setCurrentIndex(0)
        self.delimiter.setCurrentIndex(0)
        self._read(None, None)

    def _reread(self) -> None:
        """Read the same file again with the sheet, encoding and delimiter chosen."""
        if self.path.text().strip():
            self._read(self.sheet_box.currentText() or None, self.kind.currentData())

    def _read_as_guessed(self) -> None:
        encoding = self.retry.property("encoding")
        self.encoding.setCurrentIndex(max(self.encoding.findData(encoding), 0))
        self._reread()

    def _read(self, sheet: str | None, kind: str | None) -> None:
        """Read the file on the worker; `kind`: what the rows were said to be (None: guess)."""
        path = self.path.text().strip()
        if not path or self.running:
            return
        self.sheet = self.settings = self.preview = None
        self._request += 1  # a preview of the previous table is of no use now
        self._cancel_preview()
        self.show_reader_problem("")
        self.read_line.setText(translate("ImportDialog", "Reading…"))
        self.reading = self.context.run(
            import_task.open_sheet, path, sheet, self._chosen_encoding(),
            self.delimiter.currentData(), kind, on_done=self._opened,
            on_error=self._not_read)
        self._show_state()

    def _chosen_encoding(self) -> str | None:
        text = self.encoding.currentText().strip()
        return None if not text or text.startswith(detected_text()) else text

    def _opened(self, opened: import_task.Opened) -> None:
        self.reading = None
        if self._closed:
            return
        self.sheet, self.settings, self.result = opened.sheet, opened.settings, None
        self.show_reading(opened.sheet)
        self._show_settings()
        self.mapping.show_columns(self.sheet, self.settings.kind, self.settings.mapping)
        self.say("")
        self._changed()

    def _not_read(self, error: BaseException, trace: str) -> None:
        self.reading = None
        if self._closed:
            return
        self.read_line.setText("")
        self.mapping.show_columns(_NO_SHEET, "finding", {})
        self._show_settings()
        self.clear_preview()
        if not isinstance(error, KnownError):
            self.context.show_error(error, trace)
            self.show_reader_problem(translate("ImportDialog", "The file could not be read: "
                                               "{error}").format(error=error))
        else:
            self.show_reader_problem(import_task.reader_message(error),
                                     getattr(error, "encoding", ""))
        self._show_state()

    # --------------------------------------------------------- the settings
    def _show_settings(self) -> None:
        """The settings in the widgets; without a table, what an import starts from."""
        self.show_settings(self.settings or _NO_SETTINGS,
                           self.sheet.columns if self.sheet is not None else ())

    def _kind_chosen(self) -> None:
        if self.sheet is None or self.kind.currentData() == self.settings.kind:
            return
        self.settings = exchange_import.suggested(self.sheet, self.kind.currentData())
        self._settings_shown()

    def _layout_chosen(self) -> None:
        if self.sheet is None:
            return
        name = self.layout_box.currentData()
        if name:
            self.settings = exchange_import.layout_settings(name, self.sheet)
        else:
            self.settings = dataclasses.replace(self.settings, layout="")
        self._settings_shown()

    def _settings_shown(self) -> None:
        self._show_settings()
        self.mapping.set_mapping(self.settings.kind, self.settings.mapping)
        self._changed()

    def _source_changed(self) -> None:
        if self.settings is None:
            return
        self.settings = dataclasses.replace(
            self.settings, source_title=self.source_title.text().strip(),
            source_reliability=self.reliability.currentData(),
            source_credibility=self.credibility.currentData())
        self.show_layout_note(self.settings)
        self._changed()

    def _mapping_changed(self) -> None:
        if self.settings is not None:
            self.settings = dataclasses.replace(self.settings, mapping=self.mapping.mapping())
            self._changed()

    def missing_text(self) -> str:
        """What the mapping lacks, in sentences ("" when it can be imported)."""
        if self.settings is None:
            return ""
        problems = missing_targets(self.settings.kind, self.settings.mapping)
        text = "; ".join(problems)
        return f"{text[:1].upper()}{text[1:]}." if problems else ""

    # ---------------------------------------------------------------- preview
    def _changed(self) -> None:
        """The settings changed: the preview shown is stale; a new one follows shortly."""
        self.preview = None
        self._request += 1
        self._cancel_preview()
        missing = self.missing_text()
        self.missing.setText(missing)
        self.missing.setVisible(bool(missing))
        if missing:
            self.clear_preview()
        else:
            self.checking.setText(translate("ImportDialog", "Checking the rows…"))
            self._timer.start()
        self._show_state()

    def _cancel_preview(self) -> None:
        self._timer.stop()
        if self.previewing is not None:
            self.previewing.control.cancelled = True

    def _start_preview(self) -> None:
        if self.sheet is None or self.settings is None or self.missing_text() or self.running:
            return
        request = self._request
        self.previewing = self.context.run(
            import_task.make_preview, self.context.store, self.sheet, self.settings,
            lambda d, t, w: self._relay.progressed.emit(request, d, t, w), control=True,
            on_done=lambda preview: self._previewed(request, preview),
            on_error=lambda error, trace: self._preview_failed(request, error, trace))

    def _previewed(self, request: int, preview: import_task.Preview) -> None:
        if request != self._request:
            return  # a newer request is under way
        self.previewing = None
        self.preview = preview
        self.checking.setText("")
        self.show_preview(preview, self.settings)
        self._show_state()

    def _preview_failed(self, request: int, error: BaseException, trace: str) -> None:
        if request != self._request or isinstance(error, InterruptedError):
            return
        self.previewing = None
        self.checking.setText("")
        if isinstance(error, KnownError):
            self.show_preview_problem(str(error))
        else:
            self.show_preview_problem(translate("ImportDialog",
                                                "The preview could not be made."))
            self.context.show_error(error, trace)
        self._show_state()

    def _progressed(self, request: int, done: int, total: int, what: str) -> None:
        if request == -1 and self.running:
            self.progress.setRange(0, max(total, 0))
            self.progress.setValue(min(done, total) if total else 0)
            self.step.setText(translate("ImportDialog", "{what}: {done} of {total}").format(
                what=f"{what[:1].upper()}{what[1:]}", done=f"{done:,}", total=f"{total:,}"))
        elif request == self._request and self.previewing is not None:
            self.checking.setText(translate(
                "ImportDialog", "Checking the rows: {done} of {total}…").format(
                    done=f"{done:,}", total=f"{total:,}"))

    # ----------------------------------------------------------------- import
    @property
    def running(self) -> bool:
        return self.task is not None

    def start_import(self) -> None:
        """Import the rows the preview shows as new, in one transaction on the worker."""
        if self.preview is None or self.running or not self.preview.plan.new_rows:
            return
        self.task = self.context.run(
            import_task.import_rows, self.context.store, self.sheet, self.settings,
            lambda d, t, w: self._relay.progressed.emit(-1, d, t, w), control=True,
            on_done=self._imported, on_error=self._import_failed,
            label=translate("ImportDialog", "Importing {sheet}…").format(sheet=self.sheet.name),
            modal=False)
        self._set_running(True)

    def cancel(self) -> None:
        """Stop the import; nothing is written."""
        if self.task is not None:
            self.task.control.cancelled = True
            self.close_button.setEnabled(False)
            self.step.setText(translate("ImportDialog", "Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.progress_box.setVisible(running)
        self.progress.setRange(0, 0)
        self.step.setText(translate("ImportDialog", "Checking the rows again…") if running
                          else "")
        self.close_button.setText(translate("ImportDialog", "Cancel") if running else
                                  translate("ImportDialog", "Close"))
        self.say("")
        self._show_state()

    def _finished(self) -> None:
        self.task = None
        self.close_button.setEnabled(True)
        self._set_running(False)
        if self._close_when_done:
            self.close()

    def _imported(self, plan: Any) -> None:
        self._finished()
        self.result = plan
        self.say(translate("ImportDialog", "Imported {sheet}: {summary}.").format(
            sheet=plan.sheet_name, summary=plan.summary()) + (translate(
                "ImportDialog", " Save the refused rows to correct them and import them "
                "again.") if plan.refused else ""))
        self.imported.emit(plan)
        self._changed()  # the preview now shows these rows as already in the store

    def _import_failed(self, error: BaseException, trace: str) -> None:
        self._finished()
        if isinstance(error, InterruptedError):
            self.say(translate("ImportDialog",
                               "Cancelled: nothing was imported; the store is as it was."))
        elif isinstance(error, KnownError):
            self.say(translate("ImportDialog", "Nothing was imported: {error}").format(
                error=error), problem=True)
        else:
            self.say(translate("ImportDialog", "Nothing was imported: {error}").format(
                error=error), problem=True)
            self.context.show_error(error, trace)

    # ---------------------------------------------------------------- rejects
    def refused_plan(self) -> Any:
        """The plan whose refused rows would be saved: the import's, else the preview's."""
        if self.result is not None and self.result.refused:
            return self.result
        return self.preview.plan if self.preview is not None else None

    def choose_rejects_file(self) -> None:
        """Ask where to save the refused rows, then write them."""
        plan = self.refused_plan()
        if plan is None or not plan.refused:
            return
        start = Path(self.path.text().strip())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, translate("ImportDialog", "Save the refused rows"),
            str(start.with_name(f"{start.stem}-refused.csv")),
            translate("ImportDialog", "Comma-separated values (*.csv)"))
        if chosen:
            self.save_rejects_to(chosen if chosen.lower().endswith(".csv") else chosen + ".csv")

    def save_rejects_to(self, path: str) -> None:
        """Write the refused rows to `path` on the worker."""
        self.context.run(import_task.write_rejects, self.sheet, self.refused_plan(), path,
                         on_done=lambda n: self.say(translate(
                             "ImportDialog", "Saved {count} refused rows to {path}.").format(
                                 count=f"{n:,}", path=path)),
                         on_error=lambda e, t: self.say(translate(
                             "ImportDialog", "The refused rows were not saved: {error}").format(
                                 error=e), problem=True))

    # ------------------------------------------------------------------ state
    def _show_state(self) -> None:
        """Enable what can be done now; the Import button says how many rows."""
        plan = self.preview.plan if self.preview is not None else None
        new = plan.new_rows if plan is not None else 0
        if not new:
            self.import_button.setText(translate("ImportDialog", "&Import"))
        else:
            self.import_button.setText((translate("ImportDialog", "&Import {count} row")
                                        if new == 1 else
                                        translate("ImportDialog", "&Import {count} rows")
                                        ).format(count=f"{new:,}"))
        self.import_button.setEnabled(bool(new) and not self.running and
                                      self.reading is None)
        rejected = self.refused_plan()
        self.save_rejects.setEnabled(bool(rejected and rejected.refused) and not self.running)
        self.inputs[0].setEnabled(not self.running)
        for box in self.inputs[1:]:  # their own widgets keep their own state
            box.setEnabled(self.sheet is not None and not self.running)
        self.problem_row.setVisible(bool(self.reader_problem.text()))

    # ---------------------------------------------------------------- closing
    def reject(self) -> None:
        """Escape: while importing, cancel and close once it stopped; else close."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        self._release()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:  # the worker still reports to this window: it stays until then
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        self._release()
        super().closeEvent(event)

    def _release(self) -> None:
        """Closed: let go of the file's rows (the dialog object lives on in its parent) and
        of any answer still on its way."""
        self._closed = True
        self._request += 1
        self._cancel_preview()
        self.sheet = self.settings = self.preview = self.result = None
        self.first_model.set_rows((), [])
        self.refused_model.set_rows((), [])


@dataclasses.dataclass(frozen=True)
class _Empty:
    """What the dialog shows before a table is read, or when the file was refused."""

    columns: tuple[str, ...] = ()
    rows: tuple[Any, ...] = ()
    kind: str = "finding"
    mapping: dict[str, str | None] = dataclasses.field(default_factory=dict)
    layout: str = ""
    source_title: str = ""
    source_reliability: str = ""
    source_credibility: str = ""


_NO_SHEET = _NO_SETTINGS = _Empty()


def show_import_dialog(context: AppContext, parent: QWidget | None, path: str = ""
                       ) -> ImportDialog | None:
    """Open the import dialog (a window of its own, kept by the main window)."""
    if context.store is None:
        return None
    dialog = ImportDialog(context, context.main_window or parent, path)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    if not path:
        dialog.path.setFocus()
    return dialog
