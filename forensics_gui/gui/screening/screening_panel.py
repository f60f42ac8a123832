"""The sanctions screening page: import list files, see the list versions, and decide about
the candidates screening found (confirm makes a designation citing the list; reject keeps
the question closed until the entry changes).

Importing and screening run on the store worker with a progress dialog; after an import the
page says what changed since the list's previous version.
"""

from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import KnownError
from forensics_gui.core.fields import LIST_FORMATS
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.screening import describe_topics, entry_topics
from forensics_gui.gui.kit.flow_layout import FlowLayout, flow_row
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import sanctions_lists, screening
from forensics_gui.gui.kit.store_follower import StoreFollower

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

ROLE_MATCH = Qt.ItemDataRole.UserRole
MATCH_LIMIT = 2000
STATES = ((QT_TRANSLATE_NOOP("ScreeningPanel", "Waiting for a decision"), "candidate"),
          (QT_TRANSLATE_NOOP("ScreeningPanel", "Confirmed"), "confirmed"),
          (QT_TRANSLATE_NOOP("ScreeningPanel", "Rejected"), "rejected"),
          (QT_TRANSLATE_NOOP("ScreeningPanel", "All decisions"), ""))
CHANGES = ((QT_TRANSLATE_NOOP("ScreeningPanel", "Any change"), ""),
           (QT_TRANSLATE_NOOP("ScreeningPanel", "New"), "new"),
           (QT_TRANSLATE_NOOP("ScreeningPanel", "Changed"), "changed"),
           (QT_TRANSLATE_NOOP("ScreeningPanel", "Removed from the list"), "removed"),
           (QT_TRANSLATE_NOOP("ScreeningPanel", "Unchanged"), "unchanged"))
MATCH_HEADERS = (QT_TRANSLATE_NOOP("ScreeningPanel", "Score"),
                 QT_TRANSLATE_NOOP("ScreeningPanel", "Organization"),
                 QT_TRANSLATE_NOOP("ScreeningPanel", "Listed name"),
                 QT_TRANSLATE_NOOP("ScreeningPanel", "Decision"),
                 QT_TRANSLATE_NOOP("ScreeningPanel", "Change"),
                 QT_TRANSLATE_NOOP("ScreeningPanel", "List"),
                 QT_TRANSLATE_NOOP("ScreeningPanel", "Matched on"))
SCORE, DECISION, CHANGE = 0, 3, 4
MAX_COLUMN_WIDTH = 230
VERSION_HEADERS = (QT_TRANSLATE_NOOP("ScreeningPanel", "List"),
                   QT_TRANSLATE_NOOP("ScreeningPanel", "Version"),
                   QT_TRANSLATE_NOOP("ScreeningPanel", "Published"),
                   QT_TRANSLATE_NOOP("ScreeningPanel", "Format"),
                   QT_TRANSLATE_NOOP("ScreeningPanel", "Entries"),
                   QT_TRANSLATE_NOOP("ScreeningPanel", "Screened"),
                   QT_TRANSLATE_NOOP("ScreeningPanel", "Waiting"),
                   QT_TRANSLATE_NOOP("ScreeningPanel", "Confirmed"),
                   QT_TRANSLATE_NOOP("ScreeningPanel", "Rejected"))
CHANGE_COLOURS = {"new": "#1565c0", "changed": "#b26a00", "removed": "#c62828"}
MIN_DIALOG_WIDTH, MIN_DIALOG_HEIGHT = 620, 340
NOT_STATED_COLOUR, ERROR_COLOUR = "#b26a00", "#c62828"
FILE_FILTER = QT_TRANSLATE_NOOP("ScreeningPanel",
                                "List files (*.csv *.json *.jsonl *.ndjson);;CSV files (*.csv);;"
                                "JSON lines (*.json *.jsonl *.ndjson);;All files (*)")


def _text(text: str) -> str:
    """Plain text for a rich-text label (quotes stay as typed)."""
    return escape(text, quote=False)


class ImportDialog(QDialog):
    """What the user may say about the files: format, list name, version and date.

    Given the application context, the dialog reads what the files state (on the worker)
    and fills Version and Published on with it; when the files state no date, the hint
    beside the field says where the date put there comes from."""

    def __init__(self, paths: list[str], parent: QWidget | None = None,
                 context: AppContext | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ScreeningPanel", "Import sanctions list"))
        self.setMinimumSize(MIN_DIALOG_WIDTH, MIN_DIALOG_HEIGHT)
        self.defaults: Any = None
        layout = QVBoxLayout(self)
        names = ", ".join(p.replace("\\", "/").rsplit("/", 1)[-1] for p in paths)
        self.files = self._hint(translate("ScreeningPanel", "<b>Files:</b> {names}").format(
            names=_text(names)), plain=False)
        layout.addWidget(self.files)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(form)
        self._fields(form)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if context is not None:
            self.published_hint.setText(translate("ScreeningPanel",
                                                  "Reading the date the file states…"))
            context.run(sanctions_lists.import_defaults, list(paths), on_done=self.show_defaults,
                        on_error=self._unreadable,
                        label=translate("ScreeningPanel", "Reading the list files…"))

    def _fields(self, form: QFormLayout) -> None:
        self.format = QComboBox()
        self.format.addItem(translate("ScreeningPanel", "Recognise from the files"), "")
        for fmt in LIST_FORMATS:
            self.format.addItem(fmt, fmt)
        self.format_hint = self._hint("")
        self.name = QLineEdit(placeholderText=translate(
            "ScreeningPanel", "default: OFAC SDN, Consolidated Screening List…"))
        self.version = QLineEdit(placeholderText=translate("ScreeningPanel",
                                                           "default: the version's date"))
        self.version_hint = self._hint(translate(
            "ScreeningPanel", "As the publisher names the version; by default its date."))
        self.published = QLineEdit(placeholderText=translate(
            "ScreeningPanel", "YYYY-MM-DD; default: from the file"))
        self.published_hint = self._hint("")
        for label, widget, hint in (
                (translate("ScreeningPanel", "Format"), self.format, self.format_hint),
                (translate("ScreeningPanel", "List name"), self.name, None),
                (translate("ScreeningPanel", "Version"), self.version, self.version_hint),
                (translate("ScreeningPanel", "Published on"), self.published,
                 self.published_hint)):
            form.addRow(label, self._with_hint(widget, hint))

    def _hint(self, text: str, plain: bool = True) -> QLabel:
        hint = QLabel(_text(text) if plain else text)
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.RichText)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return hint

    @staticmethod
    def _with_hint(widget: QWidget, hint: QLabel | None) -> QWidget:
        if hint is None:
            return widget
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(hint)
        return box

    def show_defaults(self, defaults: Any) -> None:
        """Fill Version and Published on with what the files state (fields the user has
        typed in are left alone), and say where the date comes from."""
        self.defaults = defaults
        if not self.published.text().strip():
            self.published.setText(defaults.published_on.isoformat())
        if not self.version.text().strip():
            self.version.setText(defaults.list_version)
        stated = defaults.origin == "stated"
        colour = "" if stated else f" style='color:{NOT_STATED_COLOUR}'"
        self.published_hint.setText(  # not translated: the service's explanation
            f"<span{colour}>{_text(defaults.explanation)}</span>")
        self.version_hint.setText(_text(translate(
            "ScreeningPanel", "The file states no version name: its date is used. Give the "
            "publisher's name for the version if it has one.") if stated else translate(
            "ScreeningPanel", "By default the version's date. Give the publisher's name for "
            "the version if it has one.")))
        if defaults.format_label and not self.format.currentData():
            self.format_hint.setText(_text(translate("ScreeningPanel", "Recognised: {format}.")
                                           .format(format=defaults.format_label)))
        self._fit()

    def _fit(self) -> None:
        """Grow to the height the wrapped hints need at the dialog's width."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else 0
        if needed > self.height():
            self.resize(self.width(), needed)

    def _unreadable(self, error: BaseException, _trace: str) -> None:
        self.published_hint.setText(  # not translated: the error's message, in red
            f"<span style='color:{ERROR_COLOUR}'>{_text(str(error))}</span>")
        self._fit()

    def options(self) -> dict[str, Any]:
        """The values given, as keyword arguments of the import."""
        return {"fmt": self.format.currentData() or None, "name": self.name.text().strip(),
                "list_version": self.version.text().strip(),
                "published_on": self.published.text().strip()}


class ScreeningPanel(QWidget):
    """Emits `open_requested("org", id)` when the user opens a match's organization."""

    open_requested = Signal(str, object)
    imported = Signal(object)  # the ListImport
    screened = Signal(object)  # the ScreeningSummary
    loaded = Signal()  # versions and matches shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.matches: list[Any] = []
        self._build()
        self.follower = StoreFollower(self, context, ("list", "match", "designation", "org"),
                                      lambda _changes: self.reload())

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._top_row())
        self.summary = QLabel(translate("ScreeningPanel",
                                        "Import a list downloaded from its publisher to screen "
                                        "every organization against it."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._versions_tree())
        splitter.addWidget(self._matches_table())
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([110, 400])
        layout.addWidget(splitter, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        layout.addLayout(self._decision_row())

    def _top_row(self) -> FlowLayout:
        self.import_button = QPushButton(translate("ScreeningPanel", "Import list…"))
        self.import_button.clicked.connect(self.choose_and_import)
        self.screen_button = QPushButton(translate("ScreeningPanel", "Screen again"))
        self.screen_button.clicked.connect(self.screen_again)
        self.state_filter = self._combo(STATES)
        self.change_filter = self._combo(CHANGES)
        return flow_row([self.import_button, self.screen_button],
                        [QLabel(translate("ScreeningPanel", "Show:")), self.state_filter,
                         self.change_filter], last_right=True)

    def _combo(self, choices: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox()
        for label, value in choices:
            combo.addItem(translate("ScreeningPanel", label), value)
        combo.currentIndexChanged.connect(lambda _i: self.load_matches())
        return combo

    def _versions_tree(self) -> QTreeWidget:
        self.versions = QTreeWidget()
        self.versions.setHeaderLabels([translate("ScreeningPanel", h) for h in VERSION_HEADERS])
        self.versions.setRootIsDecorated(False)
        self.versions.setUniformRowHeights(True)
        self.versions.setToolTip(translate("ScreeningPanel",
                                           "Imported list versions; screening uses the newest "
                                           "(bold) of each list"))
        self.versions.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return self.versions

    def _matches_table(self) -> QTableWidget:
        table = QTableWidget(0, len(MATCH_HEADERS))
        table.setHorizontalHeaderLabels([translate("ScreeningPanel", h) for h in MATCH_HEADERS])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.itemActivated.connect(lambda _item: self.open_organization())
        self.table = table
        return table

    def _decision_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.note = QLineEdit(placeholderText=translate(
            "ScreeningPanel", "Note for the decision (optional): why"))
        row.addWidget(self.note, 1)
        self.confirm_button = QPushButton(translate("ScreeningPanel", "Confirm"))
        self.confirm_button.setToolTip(translate(
            "ScreeningPanel", "The organization is the listed entry: record a designation "
            "citing the list"))
        self.reject_button = QPushButton(translate("ScreeningPanel", "Reject"))
        self.reject_button.setToolTip(translate(
            "ScreeningPanel", "The organization is not the listed entry; not asked again "
            "unless the entry changes"))
        self.open_button = QPushButton(translate("ScreeningPanel", "Open organization"))
        for button, slot in ((self.confirm_button, self.confirm), (self.reject_button,
                                                                    self.reject),
                             (self.open_button, self.open_organization)):
            button.clicked.connect(slot)
            button.setEnabled(False)
            row.addWidget(button)
        return row

    # ----------------------------------------------------------------- loading
    def reload(self) -> None:
        """Show the store's list versions and matches again."""
        if self.context.store is None:
            return
        self.context.run(screening.list_versions, self.context.store,
                         on_done=self._show_versions)
        self.load_matches()

    def load_matches(self) -> None:
        """Fetch the matches the filters ask for."""
        if self.context.store is None:
            return
        fetch = partial(screening.list_matches, state=self.state_filter.currentData() or None,
                        change=self.change_filter.currentData() or None, limit=MATCH_LIMIT)
        self.context.run(fetch, self.context.store, on_done=self._show_matches)

    def _show_versions(self, versions: list[Any]) -> None:
        self.versions.clear()
        for version in versions:
            v = version.list
            screened = (f"{v.screened_at:%Y-%m-%d}" if v.screened
                        else translate("ScreeningPanel", "not yet"))
            item = QTreeWidgetItem([v.name, v.list_version, str(v.published_on or ""), v.format,
                                    f"{v.entry_count or 0:,}", screened,
                                    str(version.candidates), str(version.confirmed),
                                    str(version.rejected)])
            if version.newest and not v.screened:
                item.setForeground(5, QColor("#c62828"))
                item.setToolTip(5, translate(
                    "ScreeningPanel", "No screening against this version has completed: "
                    "Screen again (it also runs when the application starts)"))
            item.setToolTip(0, f"{v.file_name}\nSHA-256 {v.sha256}\n{v.notes}".strip())
            if version.newest:
                font = QFont(item.font(0))
                font.setBold(True)
                for column in range(len(VERSION_HEADERS)):
                    item.setFont(column, font)
            self.versions.addTopLevelItem(item)

    def _show_matches(self, page: Any) -> None:
        self.matches = list(page.rows)
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(self.matches))
        for row, match in enumerate(self.matches):
            values = (match.score, match.organization_name, match.entry_name, match.state,
                      match.change, match.list_name, match.matched_on)
            for column, value in enumerate(values):
                table.setItem(row, column, self._cell(match, column, value))
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        # Long names are cut short (their tooltips hold them whole) only when the table has
        # no room for them all.
        wanted = [table.columnWidth(column) for column in range(table.columnCount())]
        if sum(wanted) > table.viewport().width():
            for column, width in enumerate(wanted):
                table.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))
        self._selection_changed()
        self.loaded.emit()

    def _cell(self, match: Any, column: int, value: Any) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if column == DECISION and match.state == "candidate" and match.change == "removed":
            value = translate("ScreeningPanel", "none: no longer listed")
        item.setData(Qt.ItemDataRole.DisplayRole,
                     value if column == SCORE else str(value or ""))
        item.setData(ROLE_MATCH, match)
        colour = CHANGE_COLOURS.get(match.change)
        if column == CHANGE and colour:
            item.setForeground(QColor(colour))
        if column in (1, 2, 6):
            item.setToolTip(str(value or ""))
        if column == 2:
            item.setToolTip(translate("ScreeningPanel", "{list} entry {entry}").format(
                list=match.list_name, entry=match.entry_ref))
        return item

    # --------------------------------------------------------------- selection
    def selected_match(self) -> Any:
        """The match of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(ROLE_MATCH) if rows else None

    def select_match(self, match_id: Any) -> bool:
        """Select the row of a match; False when it is not shown."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ROLE_MATCH).id == match_id:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        match = self.selected_match()
        self.open_button.setEnabled(match is not None)
        decided = match is not None and match.designation_id is not None
        # An entry a newer version no longer lists cannot be confirmed (see services).
        self.confirm_button.setEnabled(match is not None and match.state != "confirmed"
                                       and match.change != "removed")
        self.reject_button.setEnabled(match is not None and match.state != "rejected"
                                      and not decided)
        self.details.clear()
        if match is not None:
            self.context.run(screening.match_detail, self.context.store, match.id,
                             on_done=self._show_details, on_error=lambda *_: None)

    def _show_details(self, detail: Any) -> None:
        if detail.match.id != getattr(self.selected_match(), "id", None):
            return
        removed = _removed_line(detail)
        entry = detail.entry
        if entry is None:
            self.details.setText(removed + escape(translate(
                "ScreeningPanel", "Entry {entry} is in no imported version.").format(
                entry=detail.match.entry_ref)))
            return
        authority = entry.authority or translate("ScreeningPanel", "authority not given")
        listed = (translate("ScreeningPanel", ", listed {date}").format(date=entry.listed_on)
                  if entry.listed_on else "")
        lines = [("", f"{entry.name} ({entry.entity_type}, {authority}{listed})"),
                 (translate("ScreeningPanel", "Topics"),
                  describe_topics(entry_topics(entry.remarks),
                                  lambda label: translate("screening", label))),
                 (translate("ScreeningPanel", "Programmes"),
                  "; ".join(entry.programmes) or translate("ScreeningPanel", "none")),
                 (translate("ScreeningPanel", "Also listed as"), "; ".join(entry.names[:6])),
                 (translate("ScreeningPanel", "Identifiers"), ", ".join(entry.identifiers)),
                 (translate("ScreeningPanel", "Notes"), detail.match.notes)]
        self.details.setText(removed + "<br>".join(
            f"{label}: {escape(text)}" if label else f"<b>{escape(text)}</b>"
            for label, text in lines if text))

    # ----------------------------------------------------------------- actions
    def choose_and_import(self) -> None:
        """Ask for the files (several at once for OFAC's three) and import them."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, translate("ScreeningPanel", "Import sanctions list"), "",
            translate("ScreeningPanel", FILE_FILTER))
        if not paths:
            return
        dialog = ImportDialog(paths, self, self.context)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.import_files(paths, **dialog.options())

    def import_files(self, paths: list[str], **options: Any) -> None:
        """Import one list version from `paths`, then screen; shows what changed."""
        given = {k: v for k, v in options.items() if v}
        work = partial(sanctions_lists.import_list, **given)
        self.summary.setText(escape(translate("ScreeningPanel", "Importing {files}…").format(
            files=", ".join(str(p) for p in paths))))
        self.context.run(work, self.context.store, [str(p) for p in paths], control=True,
                         label=translate("ScreeningPanel", "Importing the sanctions list…"),
                         on_done=self._imported,
                         on_error=self._failed)

    def _imported(self, result: Any) -> None:
        self.summary.setText(escape(result.describe()))
        self.imported.emit(result)

    def _failed(self, error: BaseException, trace: str) -> None:
        if isinstance(error, KnownError):
            problem = translate("ScreeningPanel", "Not imported: {error}").format(
                error=str(error))
            self.summary.setText(  # not translated: the message above, in red
                f"<span style='color:#c62828'>{escape(problem)}</span>")
        self.context.show_error(error, trace)

    def screen_again(self) -> None:
        """Screen every organization against the lists' newest versions."""
        self.context.run(screening.screen, self.context.store, control=True,
                         label=translate("ScreeningPanel", "Screening organizations…"),
                         on_done=self._screened)

    def _screened(self, summary: Any) -> None:
        self.summary.setText(escape(summary.describe()))
        self.screened.emit(summary)

    def confirm(self) -> None:
        """Confirm the selected match: a designation citing the list is recorded."""
        self._decide(screening.confirm, translate("ScreeningPanel", "confirmed"))

    def reject(self) -> None:
        """Reject the selected match."""
        self._decide(screening.reject, translate("ScreeningPanel", "rejected"))

    def _decide(self, decide: Any, verb: str) -> None:
        match = self.selected_match()
        if match is None:
            return
        note = self.note.text()
        self.context.run(decide, self.context.store, match.id, note, match.version,
                         on_done=lambda decision: self._decided(decision, verb))

    def _decided(self, decision: Any, verb: str) -> None:
        self.note.clear()
        match = decision.match
        text = translate("ScreeningPanel", "{organization}: {verb} as {entry} ({list}).").format(
            organization=match.organization_name, verb=verb, entry=match.entry_name,
            list=match.list_name)
        if decision.designation is not None:
            text += translate("ScreeningPanel", " Designation recorded ({authority}).").format(
                authority=decision.designation.authority)
        self.summary.setText(escape(text))

    def open_organization(self) -> None:
        """Open the selected match's organization in the editor."""
        match = self.selected_match()
        if match is not None:
            self.open_requested.emit("org", match.organization_id)


def _removed_line(detail: Any) -> str:
    """For an entry a newer version no longer lists: which version removed it."""
    if detail.match.change != "removed":
        return ""
    version = detail.removed_in
    removed = (translate("ScreeningPanel", "Removed from the list in {list} version {version}.")
               .format(list=version.name, version=version.list_version) if version
               else translate("ScreeningPanel", "Removed from the list."))
    waiting = (translate("ScreeningPanel",
                         " It no longer waits for a decision and cannot be confirmed.")
               if detail.match.state == "candidate" else "")
    return (f"<span style='color:{ERROR_COLOUR}'><b>{escape(removed)}"
            f"</b>{escape(waiting)}</span><br>")
