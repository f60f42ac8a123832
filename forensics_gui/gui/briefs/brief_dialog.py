"""The brief dialog: what to write (kind, what it is about, language, sections, options),
where, then the brief written on the worker with its progress shown here; Cancel stops it
with nothing written; the PDF opens when it is done.

A brief only reads the store. The dialog calls the same `reports.briefs.write` as
`forensics brief`, through `gui/kit/lazy.py`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.briefs import (
    KINDS,
    LANGUAGES,
    MAX_DPI,
    MIN_DPI,
    PRINT_DPI,
    REFERENCES,
    SECTIONS,
    kind_title,
    needs_reference,
    section_title,
)
from forensics_gui.core.errors import KnownError, NotFoundError, ValidationError
from forensics_gui.core.sizes import readable_size
from forensics_gui.gui.briefs import brief_task
from forensics_gui.gui.kit.elided_label import ElidedLabel
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import records

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext
    from forensics_gui.gui.kit.tasks import Task

PROBLEM = "color: #d64545;"
# Record kinds whose names complete the reference of each kind of brief.
NAMES_OF = {"teardown": ("item",), "dossier": ("part", "org"), "system": ("system",)}


class _Relay(QObject):
    """Carries the brief's progress from the worker to the dialog (a queued signal)."""

    progressed = Signal(int, int, str)


class BriefDialog(QDialog):
    """Choose and write one brief; `kind` and `reference` say what it starts with."""

    written = Signal(object)  # the BriefResult

    def __init__(self, context: AppContext, kind: str = "teardown", reference: str = "",
                 parent: QWidget | None = None, period: tuple[str, str] = ("", "")) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("BriefDialog", "Write a brief"))
        self.setModal(False)
        self.task: Task | None = None
        self.result: Any = None
        self._path_chosen = False  # the user picked or typed the file: it no longer follows
        self._replace_confirmed = ""
        self._close_when_done = False
        self._names: dict[str, list[str]] = {}
        self.section_boxes: dict[str, QCheckBox] = {}
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self._build()
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(KINDS.index(kind) if kind in KINDS else 0)
        self.kind.blockSignals(False)
        self.reference.setText(reference)
        self.period_from.setText(period[0])
        self.period_to.setText(period[1])
        self._kind_changed()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(translate("briefs", kind_title(kind)), kind)
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        form.addRow(translate("BriefDialog", "Brief"), self.kind)
        self.reference = QLineEdit()
        self.reference.textEdited.connect(lambda _text: self._follow_path())
        self.reference_hint = QLabel()
        self.reference_hint.setEnabled(False)
        about = QVBoxLayout()
        about.setSpacing(2)
        about.addWidget(self.reference)
        about.addWidget(self.reference_hint)
        form.addRow(translate("BriefDialog", "About"), about)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        form.addRow(translate("BriefDialog", "Language"), self.language)
        self.sections = QGroupBox(translate("BriefDialog", "Sections"))
        self.section_grid = QGridLayout(self.sections)
        form.addRow(self.sections)
        self.without_hypotheses = QCheckBox(translate("BriefDialog",
                                                      "Leave out hypothesis-level supply links"))
        self.redact = QCheckBox(translate("BriefDialog",
                                          "Redact photo metadata (when, camera, GPS position)"))
        options = QVBoxLayout()
        options.addWidget(self.without_hypotheses)
        options.addWidget(self.redact)
        form.addRow(translate("BriefDialog", "Options"), options)
        form.addRow(translate("BriefDialog", "Supply links"), self._period_row())
        self.author = QLineEdit()
        summary = self.context.summary
        self.author.setPlaceholderText(
            translate("BriefDialog", "you ({login})").format(login=summary.user) if summary
            else translate("BriefDialog", "you"))
        form.addRow(translate("BriefDialog", "Author"), self.author)
        self.dpi = QSpinBox()
        self.dpi.setRange(MIN_DPI, MAX_DPI)
        self.dpi.setValue(PRINT_DPI)
        self.dpi.setSuffix(translate("BriefDialog", " dpi"))
        self.dpi.setToolTip(translate("BriefDialog", "Photos are downsampled to this resolution "
                                                     "at the page's width"))
        self.dpi.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("0000" + self.dpi.suffix()) + 40)
        dpi_row = QHBoxLayout()
        dpi_row.addWidget(self.dpi)
        dpi_row.addStretch(1)
        form.addRow(translate("BriefDialog", "Photos at"), dpi_row)
        form.addRow(translate("BriefDialog", "Save as"), self._path_row())
        layout.addLayout(form)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self._progress_box())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        layout.addWidget(self._result_box())
        layout.addLayout(self._buttons())
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.period_from, self.period_to = QLineEdit(), QLineEdit()
        for label, box in ((translate("BriefDialog", "dated from"), self.period_from),
                           (translate("BriefDialog", "to"), self.period_to)):
            box.setPlaceholderText(translate("BriefDialog", "YYYY-MM-DD"))
            box.setMaximumWidth(self.fontMetrics().horizontalAdvance(box.placeholderText()) + 24)
            box.setToolTip(translate("BriefDialog",
                                     "Only supply links dated within the period are considered; "
                                     "links without a date stay in, since they may fall inside "
                                     "it"))
            row.addWidget(QLabel(label))
            row.addWidget(box)
        row.addStretch(1)
        return row

    def _path_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.textEdited.connect(lambda _text: setattr(self, "_path_chosen", True))
        row.addWidget(self.path, 1)
        self.choose = QPushButton(translate("BriefDialog", "Choose…"))
        self.choose.clicked.connect(self.choose_path)
        row.addWidget(self.choose)
        return row

    def _progress_box(self) -> QWidget:
        self.progress_box = QWidget()
        box = QVBoxLayout(self.progress_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.step = ElidedLabel()
        box.addWidget(self.progress)
        box.addWidget(self.step)
        self.progress_box.setVisible(False)
        return self.progress_box

    def _result_box(self) -> QWidget:
        self.result_box = QWidget()
        box = QVBoxLayout(self.result_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.result_line = QLabel()
        self.result_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.result_line)
        row = QHBoxLayout()
        self.result_path = _PathLabel()
        row.addWidget(self.result_path, 1)
        self.open_button = QPushButton(translate("BriefDialog", "Open"))
        self.open_button.clicked.connect(self.open_result)
        self.folder_button = QPushButton(translate("BriefDialog", "Show in folder"))
        self.folder_button.clicked.connect(self.show_folder)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        box.addLayout(row)
        self.result_box.setVisible(False)
        return self.result_box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.write_button = QPushButton(translate("BriefDialog", "Write brief"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.cancel_button = QPushButton(translate("BriefDialog", "Close"))
        self.cancel_button.clicked.connect(lambda: self.cancel() if self.running else
                                           self.reject())
        row.addWidget(self.write_button)
        row.addWidget(self.cancel_button)
        return row

    # ----------------------------------------------------------------- choices
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        wanted = needs_reference(kind)
        self.reference.setEnabled(wanted)
        reference = translate("briefs", REFERENCES.get(kind, "")) if wanted else ""
        self.reference.setPlaceholderText(reference)
        self.reference_hint.setText(reference[:1].upper() + reference[1:] if wanted else
                                    translate("BriefDialog", "This brief covers the whole store."))
        self._fill_sections(kind)
        self._load_names(kind)
        self._follow_path()

    def _fill_sections(self, kind: str) -> None:
        for box in self.section_boxes.values():
            self.section_grid.removeWidget(box)
            box.deleteLater()
        self.section_boxes = {}
        for number, section in enumerate(SECTIONS.get(kind, ())):
            box = QCheckBox(translate("briefs", section_title(section)))
            box.setChecked(True)
            self.section_boxes[section] = box
            self.section_grid.addWidget(box, number // 2, number % 2)

    def _load_names(self, kind: str) -> None:
        if kind in self._names or not NAMES_OF.get(kind) or self.context.store is None:
            self._complete(kind)
            return
        store = self.context.store
        self.context.run(lambda: [n for k in NAMES_OF[kind] for n in records.names(store, k)],
                         on_done=lambda names: self._names_loaded(kind, names))

    def _names_loaded(self, kind: str, names: list[str]) -> None:
        self._names[kind] = sorted(set(names), key=str.casefold)
        self._complete(kind)

    def _complete(self, kind: str) -> None:
        if kind != self.current_kind():
            return
        completer = QCompleter(self._names.get(kind, []), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda _text: self._follow_path())
        self.reference.setCompleter(completer)

    def _follow_path(self) -> None:
        if not self._path_chosen:
            self.path.setText(str(brief_task.default_path(
                self.current_kind(), self._reference(), brief_task.documents_folder(),
                date.today())))

    def _reference(self) -> str:
        return self.reference.text().strip() if needs_reference(self.current_kind()) else ""

    def choose_path(self) -> None:
        """Ask where to save the brief (the file dialog asks before replacing a file)."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, translate("BriefDialog", "Save the brief as"), self.path.text(),
            translate("BriefDialog", "PDF (*.pdf)"))
        if chosen:
            chosen = chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf"
            self.path.setText(chosen)
            self._path_chosen = True
            self._replace_confirmed = chosen

    def options(self) -> dict[str, Any]:
        """The options as BriefOptions takes them (every section ticked: all of them)."""
        ticked = tuple(s for s, box in self.section_boxes.items() if box.isChecked())
        return {"language": self.language.currentData(),
                "without_hypotheses": self.without_hypotheses.isChecked(),
                "redact_photo_metadata": self.redact.isChecked(),
                "sections": () if len(ticked) == len(self.section_boxes) else ticked,
                "author": self.author.text().strip(), "photo_dpi": self.dpi.value(),
                "period_from": self.period_from.text().strip() or None,
                "period_to": self.period_to.text().strip() or None}

    # ----------------------------------------------------------------- writing
    @property
    def running(self) -> bool:
        return self.task is not None

    def write(self) -> None:
        """Check what can be checked here, then write the brief on the worker."""
        kind, reference, target = self.current_kind(), self._reference(), self._target()
        problem = self._problem(kind, reference, target)
        if problem:
            self._say(problem, problem=True)
            return
        if target.exists() and self._replace_confirmed != str(target) and not self._replace(
                target):
            return
        self.result = None
        self.result_box.setVisible(False)
        self._say("")
        self._set_running(True)
        self.task = self.context.run(
            brief_task.write_brief, self.context.store, kind, reference, str(target),
            self.options(), self._relay.progressed.emit, on_done=self._done, on_error=self._failed,
            label=translate("BriefDialog", "Writing the brief…"), control=True, modal=False)

    def _target(self) -> Path:
        text = self.path.text().strip()
        if text and not text.lower().endswith(".pdf") and not Path(text).is_dir():
            text += ".pdf"
        return Path(text).expanduser()

    def _problem(self, kind: str, reference: str, target: Path) -> str:
        if self.context.store is None:
            return translate("BriefDialog", "Open a store first.")
        if needs_reference(kind) and not reference:
            self.reference.setFocus()
            return translate("BriefDialog", "Say what the brief is about: {what}.").format(
                what=translate("briefs", REFERENCES[kind]))
        if self.section_boxes and not any(b.isChecked() for b in self.section_boxes.values()):
            return translate("BriefDialog", "Choose at least one section.")
        if not str(target) or str(target) == "." or target.is_dir():
            self.path.setFocus()
            return translate("BriefDialog", "Say which file to write (Choose…).")
        return ""

    def _replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self, translate("BriefDialog", "Replace the file?"),
            translate("BriefDialog", "{file} exists. Replace it with the new brief?").format(
                file=target))
        return answer == QMessageBox.StandardButton.Yes

    def _set_running(self, running: bool) -> None:
        for widget in (self.kind, self.reference, self.language, self.sections,
                       self.without_hypotheses, self.redact, self.period_from, self.period_to,
                       self.author, self.dpi, self.path, self.choose, self.write_button):
            widget.setEnabled(not running)
        if not running:
            self.reference.setEnabled(needs_reference(self.current_kind()))
        self.progress_box.setVisible(running)
        self.progress.setRange(0, 0)  # busy until the first step is reported
        self.step.setText(translate("BriefDialog", "Reading the store…") if running else "")
        self.cancel_button.setText(translate("BriefDialog", "Cancel") if running
                                   else translate("BriefDialog", "Close"))
        self.cancel_button.setToolTip(
            translate("BriefDialog", "Stop writing: nothing is written") if running else "")

    def _progressed(self, done: int, total: int, text: str) -> None:
        if not self.running:
            return
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total else 0)
        self.step.setText(text[:1].upper() + text[1:])

    def cancel(self) -> None:
        """Stop the brief being written; nothing is written at the target."""
        if self.task is not None:
            self.task.control.cancelled = True
            self.cancel_button.setEnabled(False)
            self.step.setText(translate("BriefDialog", "Cancelling…"))

    def _finished(self) -> None:
        self.task = None
        self.cancel_button.setEnabled(True)
        self._set_running(False)
        if self._close_when_done:
            self.close()

    def _done(self, result: Any) -> None:
        self._finished()
        if result is None:
            self._say(translate("BriefDialog", "Cancelled: nothing was written."))
            return
        self.result = result
        pages = (translate("BriefDialog", "{count} page") if result.pages == 1
                 else translate("BriefDialog", "{count} pages")).format(count=result.pages)
        self.result_line.setText(translate(
            "BriefDialog", "<b>Written:</b> {pages}, {size}, marking {marking}").format(
            pages=pages, size=readable_size(result.size), marking=_html(result.marking)))
        self.result_path.setText(str(result.path))
        self.result_box.setVisible(True)
        self.written.emit(result)
        self.open_result()

    def _failed(self, error: BaseException, trace: str) -> None:
        self._finished()
        if isinstance(error, KnownError):
            # The field a refusal names is shown by the focus; its reason is what to read.
            self._say(error.reason if isinstance(error, ValidationError) else str(error),
                      problem=True)
            focus = {"reference": self.reference, "photo_dpi": self.dpi,
                     "language": self.language, "from": self.period_from,
                     "to": self.period_to}.get(getattr(error, "field", ""))
            if isinstance(error, NotFoundError):  # the record the brief is about
                focus = self.reference
            if focus is not None and focus.isEnabled():
                focus.setFocus()
            return
        self._say(translate("BriefDialog", "The brief could not be written: {error}").format(
            error=error), problem=True)
        self.context.show_error(error, trace)

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setStyleSheet(PROBLEM if problem else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------------ result
    def open_result(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))

    def show_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.result.path).parent)))

    # ---------------------------------------------------------------- closing
    def reject(self) -> None:
        """Escape: while writing, cancel and close once the writing stopped; else close."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:  # the worker still reports to this window: it stays until then
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


class _PathLabel(ElidedLabel):
    """A path on one line, cut in the middle: its folder's start and its file name show."""

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle,
                                              max(self.width(), 80))
        QLabel.setText(self, shown)
        self.setToolTip(self.text() if shown != self.text() else "")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
