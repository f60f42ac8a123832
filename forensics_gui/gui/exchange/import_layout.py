"""How the import dialog is laid out: the file and how it is read, what the rows are and
the source they are cited to, the columns and what each becomes, the preview, the progress of
the import and the buttons. The dialog (`import_dialog`) wires them and acts; this module only
builds them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.exchange import IMPORT_KINDS, LAYOUTS, layout_named
from forensics_gui.core.fields import CREDIBILITY, KINDS, RELIABILITY
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.exchange.import_mapping import MappingGrid, TextTableModel
from forensics_gui.gui.kit.elided_label import ElidedLabel
from forensics_gui.gui.kit.i18n import translate

PROBLEM = "color: #d64545;"
MAX_COLUMN = 260  # pixels a preview column takes at most at first
CITING = ("finding", "link")  # the kinds whose rows cite sources
ENCODINGS = ("utf-8", "utf-8-sig", "cp1251", "koi8_r", "cp1252", "latin-1", "utf-16")
DELIMITERS = {",": QT_TRANSLATE_NOOP("ImportLayout", "comma"),
              ";": QT_TRANSLATE_NOOP("ImportLayout", "semicolon"),
              "\t": QT_TRANSLATE_NOOP("ImportLayout", "tab"),
              "|": QT_TRANSLATE_NOOP("ImportLayout", "bar |")}
# The Admiralty grades in the words of the analytic standards.
RELIABILITY_WORDS = dict(zip(RELIABILITY, (
    QT_TRANSLATE_NOOP("ImportLayout", "completely reliable"),
    QT_TRANSLATE_NOOP("ImportLayout", "usually reliable"),
    QT_TRANSLATE_NOOP("ImportLayout", "fairly reliable"),
    QT_TRANSLATE_NOOP("ImportLayout", "not usually reliable"),
    QT_TRANSLATE_NOOP("ImportLayout", "unreliable"),
    QT_TRANSLATE_NOOP("ImportLayout", "reliability cannot be judged")), strict=True))
CREDIBILITY_WORDS = dict(zip(CREDIBILITY, (
    QT_TRANSLATE_NOOP("ImportLayout", "confirmed by other sources"),
    QT_TRANSLATE_NOOP("ImportLayout", "probably true"),
    QT_TRANSLATE_NOOP("ImportLayout", "possibly true"),
    QT_TRANSLATE_NOOP("ImportLayout", "doubtful"),
    QT_TRANSLATE_NOOP("ImportLayout", "improbable"),
    QT_TRANSLATE_NOOP("ImportLayout", "truth cannot be judged")), strict=True))


def detected_text() -> str:
    """The first entry of the encoding and delimiter boxes: read as the file suggests."""
    return translate("ImportLayout", "detected")


def delimiter_name(mark: str) -> str:
    """A delimiter in words ("?" for one without a name)."""
    return translate("ImportLayout", DELIMITERS[mark]) if mark in DELIMITERS else "?"


class ImportLayout(QDialog):
    """The widgets of the import dialog, built and placed; no behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportLayout", "Import spreadsheet"))
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.inputs = (self._file_box(), self._rows_box(), self._columns_box())
        layout.addWidget(self.inputs[0])
        layout.addWidget(self.inputs[1])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.inputs[2])
        splitter.addWidget(self._preview_box())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._progress_box())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self._default_size()

    def _default_size(self) -> None:
        """Wide enough for the mapping and the preview side by side, within the screen."""
        wanted = (self.fontMetrics().averageCharWidth() * 210, self.fontMetrics().height() * 48)
        screen = self.screen().availableGeometry()
        self.resize(min(wanted[0], int(screen.width() * 0.95)),
                    min(wanted[1], int(screen.height() * 0.92)))

    def _file_box(self) -> QGroupBox:
        box = QGroupBox(translate("ImportLayout", "File"))
        form = QFormLayout(box)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(translate("ImportLayout",
                                               "a CSV file or an Excel workbook (.xlsx)"))
        self.browse = QPushButton(translate("ImportLayout", "&Browse…"))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form.addRow(_buddy(translate("ImportLayout", "&File"), self.path), row)
        form.addRow(self._reading_row())
        self.reader_problem = QLabel()
        self.reader_problem.setWordWrap(True)
        self.reader_problem.setStyleSheet(PROBLEM)
        self.reader_problem.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton()
        problem = QHBoxLayout()
        problem.addWidget(self.reader_problem, 1)
        problem.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignTop)
        self.problem_row = QWidget()
        self.problem_row.setLayout(problem)
        problem.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.problem_row)
        return box

    def _reading_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.sheet_box = QComboBox()
        self.sheet_box.setMinimumContentsLength(16)
        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        self.encoding.setMinimumContentsLength(18)
        self.encoding.addItem(detected_text(), None)
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        self.delimiter = QComboBox()
        self.delimiter.setMinimumContentsLength(18)
        self.delimiter.addItem(detected_text(), None)
        for mark in DELIMITERS:
            self.delimiter.addItem(delimiter_name(mark), mark)
        self.read_line = ElidedLabel()
        self.read_line.setEnabled(False)
        for text, widget in ((translate("ImportLayout", "&Sheet"), self.sheet_box),
                             (translate("ImportLayout", "E&ncoding"), self.encoding),
                             (translate("ImportLayout", "&Delimiter"), self.delimiter)):
            row.addWidget(_buddy(text, widget))
            row.addWidget(widget)
            row.addSpacing(8)
        self.sheet_label = row.itemAt(0).widget()
        self.sheet_label.setEnabled(False)  # until a workbook of several sheets is read
        self.sheet_box.setEnabled(False)
        row.addWidget(self.read_line, 1)
        return row

    def _rows_box(self) -> QGroupBox:
        box = QGroupBox(translate("ImportLayout", "What the rows are"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top = QHBoxLayout()
        self.kind = QComboBox()
        for kind in IMPORT_KINDS:
            plural = translate("fields", KINDS[kind].plural)
            self.kind.addItem(plural[:1].upper() + plural[1:], kind)
        self.layout_box = QComboBox()
        top.addWidget(self.kind)
        top.addSpacing(16)
        top.addWidget(_buddy(translate("ImportLayout", "&Published list"), self.layout_box))
        top.addWidget(self.layout_box, 1)
        form.addRow(_buddy(translate("ImportLayout", "Rows &are"), self.kind), top)
        self.layout_note = QLabel()
        self.layout_note.setWordWrap(True)
        form.addRow(self.layout_note)
        source = self._source_row()
        form.addRow(_buddy(translate("ImportLayout", "Cite every row &to"), self.source_title),
                    source)
        return box

    def _source_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.source_title = QLineEdit()
        self.source_title.setPlaceholderText(translate(
            "ImportLayout", "title of the source the rows come from (optional)"))
        self.reliability = QComboBox()
        for grade, words in RELIABILITY_WORDS.items():
            self.reliability.addItem(f"{grade} — {translate('ImportLayout', words)}", grade)
        self.credibility = QComboBox()
        for grade, words in CREDIBILITY_WORDS.items():
            self.credibility.addItem(f"{grade} — {translate('ImportLayout', words)}", grade)
        row.addWidget(self.source_title, 3)
        for text, widget in ((translate("ImportLayout", "Reliabilit&y"), self.reliability),
                             (translate("ImportLayout", "Credi&bility"), self.credibility)):
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(14)  # the grade shows; its words may be cut
            row.addSpacing(8)
            row.addWidget(_buddy(text, widget))
            row.addWidget(widget, 1)
        return row

    def _columns_box(self) -> QGroupBox:
        box = QGroupBox(translate("ImportLayout", "Columns"))
        column = QVBoxLayout(box)
        self.mapping = MappingGrid()
        column.addWidget(self.mapping)
        return box

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(translate("ImportLayout", "Preview (nothing is written yet)"))
        column = QVBoxLayout(box)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(PROBLEM)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checking = ElidedLabel()
        self.checking.setEnabled(False)
        self.tabs = QTabWidget()
        self.first_model = TextTableModel(parent=self)
        self.refused_model = TextTableModel(parent=self)
        self.first_table = self._table(self.first_model)
        self.refused_table = self._table(self.refused_model)
        self.tabs.addTab(self.first_table, translate("ImportLayout", "First rows as read"))
        self.tabs.addTab(self.refused_table, translate("ImportLayout", "Refused rows"))
        for widget in (self.missing, self.summary, self.checking):
            column.addWidget(widget)
        column.addWidget(self.tabs, 1)
        return box

    def _table(self, model: TextTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        return table

    def _progress_box(self) -> QWidget:
        self.progress_box = QWidget()
        row = QHBoxLayout(self.progress_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.step = ElidedLabel()
        row.addWidget(self.progress, 2)
        row.addWidget(self.step, 3)
        self.progress_box.setVisible(False)
        return self.progress_box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_rejects = QPushButton(translate("ImportLayout", "Save &refused rows…"))
        self.save_rejects.setToolTip(translate(
            "ImportLayout", "Write the refused rows, with row, column and reason, to a CSV "
            "file to correct and import again"))
        row.addWidget(self.save_rejects)
        row.addStretch(1)
        self.import_button = QPushButton(translate("ImportLayout", "&Import"))
        self.import_button.setDefault(True)
        self.close_button = QPushButton(translate("ImportLayout", "Close"))
        row.addWidget(self.import_button)
        row.addWidget(self.close_button)
        return row


    # --------------------------------------------------------------- showing
    def show_reader_problem(self, text: str, encoding: str = "") -> None:
        """What the reader refused, and a button to read the file in the encoding it
        named, if it named one."""
        self.reader_problem.setText(text)
        self.problem_row.setVisible(bool(text))
        self.retry.setVisible(bool(encoding))
        self.retry.setText(translate("ImportLayout", "Read as {encoding}").format(
            encoding=encoding))
        self.retry.setProperty("encoding", encoding)
        if encoding and self.encoding.findData(encoding) < 0:
            self.encoding.addItem(encoding, encoding)

    def show_reading(self, sheet: Any) -> None:
        """How the table was read: its sheet, encoding and delimiter, and its size."""
        csv = sheet.kind == "csv"
        names = list(sheet.sheets)
        if [self.sheet_box.itemText(i) for i in range(self.sheet_box.count())] != names:
            self.sheet_box.clear()
            self.sheet_box.addItems(names)
        if names:
            self.sheet_box.setCurrentText(sheet.name.rsplit(" / ", 1)[-1])
        self.sheet_box.setEnabled(len(names) > 1)
        self.sheet_label.setEnabled(len(names) > 1)
        self.encoding.setEnabled(csv)
        self.delimiter.setEnabled(csv)
        detected = detected_text()
        self.encoding.setItemText(0, f"{detected} ({sheet.encoding})" if csv else detected)
        self.delimiter.setItemText(0, f"{detected} ({delimiter_name(sheet.delimiter)})"
                                   if csv else detected)
        rows = len(sheet.rows)
        self.read_line.setText((translate("ImportLayout", "{rows} row under a header of "
                                          "{columns} columns") if rows == 1 else
                                translate("ImportLayout", "{rows} rows under a header of "
                                          "{columns} columns")).format(
            rows=f"{rows:,}", columns=len(sheet.columns)))

    def show_settings(self, settings: Any, columns: Sequence[str]) -> None:
        """Put the settings in the widgets (no signals): the kind, the public layouts the
        columns are, the source and its grade."""
        self.kind.setCurrentIndex(self.kind.findData(settings.kind))
        self.layout_box.clear()
        self.layout_box.addItem(translate("ImportLayout", "None: map the columns below"), "")
        for layout in LAYOUTS:
            if layout.matches(columns):
                self.layout_box.addItem(layout.label, layout.name)
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(settings.layout), 0))
        self.layout_box.setEnabled(self.layout_box.count() > 1)
        self.source_title.setText(settings.source_title)
        self.reliability.setCurrentIndex(max(self.reliability.findData(
            settings.source_reliability or "F"), 0))
        self.credibility.setCurrentIndex(max(self.credibility.findData(
            settings.source_credibility or "6"), 0))
        for widget in (self.source_title, self.reliability, self.credibility):
            widget.setEnabled(settings.kind in CITING)
        self.show_layout_note(settings)

    def show_layout_note(self, settings: Any) -> None:
        """Say what the rows of a public layout become (nothing without one)."""
        self.layout_note.setVisible(bool(settings.layout))
        if settings.layout:
            self.layout_note.setText(layout_sentence(
                settings.layout, settings.source_title,
                settings.source_reliability + settings.source_credibility))

    def show_preview(self, preview: Any, settings: Any) -> None:
        """The preview: its counts, the first rows as read and the refused rows."""
        self.show_plan(preview.plan, settings)
        self.first_model.set_rows(preview.headers, preview.first_rows)
        self.refused_model.set_rows((translate("ImportLayout", "Row"),
                                     translate("ImportLayout", "Column"),
                                     translate("ImportLayout", "Reason")), preview.refused)
        self.tabs.setTabText(1, translate("ImportLayout", "Refused rows ({count})").format(
            count=f"{len(preview.refused):,}"))
        self.fit_columns()

    def show_preview_problem(self, text: str) -> None:
        # the text is translated where it is made; this is only its colour
        markup = f"<span style='{PROBLEM}'>{_html(text)}</span>"
        self.summary.setText(markup)

    def show_plan(self, plan: Any, settings: Any) -> None:
        """The preview's counts, and the source the rows are cited to."""
        text = f"<b>{_html(plan.summary())}.</b>"
        if settings.source_title and settings.kind in CITING:
            new = "source" in plan.counts()
            title = _html(settings.source_title)
            text += "<br>" + (translate(
                "ImportLayout", "Rows are cited to “{title}”, a new source graded "
                "{grade}.").format(title=title, grade=settings.source_reliability
                                   + settings.source_credibility) if new else translate(
                "ImportLayout", "Rows are cited to “{title}”, a source already in the store "
                "(its grade there is kept).").format(title=title))
        self.summary.setText(text)

    def fit_columns(self) -> None:
        """Columns as wide as their text, up to a limit (the rest is in the tooltip)."""
        for table in (self.first_table, self.refused_table):
            table.resizeColumnsToContents()
            header = table.horizontalHeader()
            for column in range(header.count()):
                header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN))

    def clear_preview(self) -> None:
        self.summary.setText("")
        self.checking.setText("")
        self.first_model.set_rows((), [])
        self.refused_model.set_rows((), [])
        self.tabs.setTabText(1, translate("ImportLayout", "Refused rows"))

    def say(self, text: str, problem: bool = False) -> None:
        """A line above the buttons: what was done, or what went wrong (in red)."""
        self.message.setStyleSheet(PROBLEM if problem else "font-weight: bold;")
        self.message.setText(text)
        self.message.setVisible(bool(text))


def layout_sentence(layout_name: str, title: str, grade: str) -> str:
    """What a public layout's rows become, in a sentence."""
    layout = layout_named(layout_name)
    cited = f"“{title}” ({grade})" if title else translate(
        "ImportLayout", "no source (give its title below)")
    return translate(
        "ImportLayout", "This is the {layout} list: each row becomes a component finding cited "
        "to {cited}, filed under one recovered item per weapon (“{prefix}: <weapon>”). Parts "
        "and makers the store lacks are added; “Not identified” makers stay empty; rows "
        "already in the store are recognised by part number (or marking) and weapon.").format(
            layout=layout.label, cited=cited, prefix=layout.item_prefix)


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
