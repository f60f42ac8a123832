"""The search page: one box for everything, filters, grouped results, seen-before, saved
searches and export.

Results refresh while the user types: a short pause after the last key starts a search on the
worker; while one runs, only the newest text waits, so the list never lags behind by more
than one search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.changes import EVERY_KIND, Changes
from forensics_gui.core.errors import KnownError, ValidationError
from forensics_gui.core.fields import CONFIDENCE
from forensics_gui.core.hs import CHPL_TIERS
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.search import FILTER_LABELS, MATCH_LABELS
from forensics_gui.gui.briefs.brief_actions import brief_button, brief_for_record
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.labels import kind_label, kind_plural
from forensics_gui.gui.kit.lazy import records, search, search_lists
from forensics_gui.gui.kit.store_follower import StoreFollower

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

TYPING_PAUSE_MS = 40
BRIEF_KINDS = ("part", "org", "item", "system", "finding")  # results a brief is about
ROLE_KIND = Qt.ItemDataRole.UserRole
ROLE_ID = Qt.ItemDataRole.UserRole + 1

# The words of the yes/no filter, shown translated; the search is sent "yes" or "no".
YES_NO = ("", QT_TRANSLATE_NOOP("SearchPanel", "yes"), QT_TRANSLATE_NOOP("SearchPanel", "no"))
# (filter name, label, widget kind, choices)
FILTERS = (
    ("system_id", QT_TRANSLATE_NOOP("SearchPanel", "System type"), "combo", ()),
    ("item_id", QT_TRANSLATE_NOOP("SearchPanel", "Recovered item"), "line", ()),
    ("manufacturer_id", QT_TRANSLATE_NOOP("SearchPanel", "Maker"), "line", ()),
    ("manufacturer_country", QT_TRANSLATE_NOOP("SearchPanel", "Maker's country"), "line", ()),
    ("chpl_tier", QT_TRANSLATE_NOOP("SearchPanel", "CHPL tier"), "combo", ("", *CHPL_TIERS)),
    ("hs_code", QT_TRANSLATE_NOOP("SearchPanel", "HS code"), "line", ()),
    ("produced_after", QT_TRANSLATE_NOOP("SearchPanel", "Made after"), "line", ()),
    ("produced_before", QT_TRANSLATE_NOOP("SearchPanel", "Made before"), "line", ()),
    ("sanctioned", QT_TRANSLATE_NOOP("SearchPanel", "Sanctioned company in chain"), "combo",
     YES_NO),
    ("confidence", QT_TRANSLATE_NOOP("SearchPanel", "Confidence"), "combo", ("", *CONFIDENCE)),
    ("source_id", QT_TRANSLATE_NOOP("SearchPanel", "Source cited"), "line", ()),
)
_HINTS = {
    "produced_after": QT_TRANSLATE_NOOP("SearchPanel", "YYYY-MM-DD, e.g. 2022-02-24"),
    "produced_before": QT_TRANSLATE_NOOP("SearchPanel", "YYYY-MM-DD"),
    "manufacturer_country": QT_TRANSLATE_NOOP("SearchPanel", "e.g. US"),
    "hs_code": QT_TRANSLATE_NOOP("SearchPanel", "e.g. 8542"),
    "item_id": QT_TRANSLATE_NOOP("SearchPanel", "case reference"),
    "manufacturer_id": QT_TRANSLATE_NOOP("SearchPanel", "name; predecessors included"),
    "source_id": QT_TRANSLATE_NOOP("SearchPanel", "title"),
}


IDENTIFIED_TO = {"part": QT_TRANSLATE_NOOP("SearchPanel", "a part"),
                 "manufacturer": QT_TRANSLATE_NOOP("SearchPanel", "its maker only"),
                 "unidentified": QT_TRANSLATE_NOOP("SearchPanel", "nothing (not identified)")}


def condition_label(name: str) -> str:
    """What users call search condition `name` (core.search.FILTER_LABELS)."""
    known = FILTER_LABELS.get(name)
    return translate("SearchPanel", known) if known else name.replace("_", " ")


def match_label(match: str) -> str:
    """How a result matched, in users' words (core.search.MATCH_LABELS)."""
    return translate("SearchPanel", MATCH_LABELS[match])


class SearchPanel(QWidget):
    """Emits `open_requested(kind, id)` when a result is opened."""

    open_requested = Signal(str, object)
    searched = Signal(object)  # the results shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.results: Any = None
        self._running = False
        self._waiting = False
        self._saved: list[Any] = []
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self._build()
        self.follower = StoreFollower(self, context, None, self._follow, forget=self.tree.clear)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._top_row())
        self.filter_box = self._filter_box()
        self.filter_box.setVisible(False)
        layout.addWidget(self.filter_box)
        # Conditions that have no field above (a chart's bar: a category, a recovery period,
        # several countries): kept, shown and removable, so that the list is what was counted.
        self.further: dict[str, Any] = {}
        further_row = QHBoxLayout()
        self.further_label = QLabel()
        self.further_label.setWordWrap(True)
        self.further_clear = QPushButton(translate("SearchPanel", "Remove these conditions"))
        self.further_clear.clicked.connect(self.clear_further)
        further_row.addWidget(self.further_label, 1)
        further_row.addWidget(self.further_clear)
        layout.addLayout(further_row)
        self._show_further()
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        # Opening a result shows it in the editor, with where else it was seen.
        self.tree = self._results_tree()
        self.tree.currentItemChanged.connect(lambda item, _previous: self.brief_button.setEnabled(
            item is not None and item.data(0, ROLE_KIND) in BRIEF_KINDS))
        layout.addWidget(self.tree, 1)

    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setPlaceholderText(translate("SearchPanel", "Part number, marking, maker, "
                                                               "system, case reference or "
                                                               "source… (Ctrl+K)"))
        self.query.setClearButtonEnabled(True)
        self.query.textEdited.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._open_first)
        self.query.installEventFilter(self)
        row.addWidget(self.query, 1)
        self.filters_button = QToolButton(text=translate("SearchPanel", "Filters"),
                                          checkable=True)
        row.addWidget(self.filters_button)
        self.saved_button = QToolButton(text=translate("SearchPanel", "Saved"))
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_menu = QMenu(self.saved_button)
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.saved_button.setMenu(self.saved_menu)
        row.addWidget(self.saved_button)
        for text, slot in ((translate("SearchPanel", "Save…"), self.save_search),
                           (translate("SearchPanel", "Export…"), self.export)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        # The brief of the selected result: a part's or a maker's dossier, an item's teardown.
        self.brief_button = brief_button(self.context, self, self._brief_subject)
        self.brief_button.setEnabled(False)
        row.addWidget(self.brief_button)
        return row

    def _brief_subject(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, ROLE_KIND) in BRIEF_KINDS:
            brief_for_record(self.context, self, item.data(0, ROLE_KIND), item.data(0, ROLE_ID))

    def _filter_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.filter_inputs: dict[str, QLineEdit | QComboBox] = {}
        for number, (name, label, kind, choices) in enumerate(FILTERS):
            widget = self._filter_input(name, kind, choices)
            widget.setMinimumWidth(60)
            self.filter_inputs[name] = widget
            grid.addWidget(QLabel(translate("SearchPanel", label)), number // 2,
                           (number % 2) * 2)
            grid.addWidget(widget, number // 2, (number % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        clear = QPushButton(translate("SearchPanel", "Clear filters"))
        clear.clicked.connect(self.clear_filters)
        grid.addWidget(clear, len(FILTERS) // 2, 3, Qt.AlignmentFlag.AlignRight)
        self.filters_button.toggled.connect(box.setVisible)
        return box

    def _filter_input(self, name: str, kind: str, choices: tuple[str, ...]) -> QWidget:
        if kind == "combo":
            combo = QComboBox()
            for choice in choices or ("",):  # the words shown; the value sent is the data
                shown = translate("SearchPanel", choice) if choices is YES_NO and choice \
                    else choice
                combo.addItem(shown, choice)
            combo.currentIndexChanged.connect(lambda _i: self._timer.start())
            return combo
        line = QLineEdit()
        hint = _HINTS.get(name)
        line.setPlaceholderText(translate("SearchPanel", hint) if hint else "")
        line.editingFinished.connect(self._timer.start)
        return line

    def _results_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(3)
        tree.setHeaderLabels([translate("SearchPanel", "Found"),
                              translate("SearchPanel", "Match"),
                              translate("SearchPanel", "Details")])
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.itemActivated.connect(lambda item, _column: self._open(item))
        tree.setColumnWidth(0, 200)
        tree.setColumnWidth(1, 130)
        return tree

    # ------------------------------------------------------------------ events
    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (watched is self.query and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.tree.topLevelItemCount()):
            self.tree.setFocus()
            self.tree.setCurrentItem(self._first_record() or self.tree.topLevelItem(0))
            return True
        return super().eventFilter(watched, event)

    def focus_query(self) -> None:
        """Ctrl+K: put the cursor in the search box, its text selected."""
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def _follow(self, changes: Changes) -> None:
        if changes.touches(EVERY_KIND):  # another store
            self._load_choices()
            self._load_saved()
            if self.query.text() or self.filters():
                self.run_search()
            return
        if changes.touches("saved"):
            self._load_saved()
        if self.results is not None and changes.kinds - {"saved"}:
            self._timer.start()

    # ------------------------------------------------------------------ search
    def filters(self) -> dict[str, Any]:
        """The filters as typed (names resolved by the service), with the further
        conditions."""
        values: dict[str, Any] = dict(self.further)
        for name, widget in self.filter_inputs.items():
            text = (widget.currentData() or widget.currentText()) \
                if isinstance(widget, QComboBox) else widget.text()
            if text.strip():
                values[name] = text.strip()
        return values

    def clear_further(self) -> None:
        self.further = {}
        self._show_further()
        self.run_search()

    def _show_further(self) -> None:
        shown = "; ".join(f"{condition_label(name)}: "
                          f"{', '.join(map(str, v)) if isinstance(v, list | tuple) else v}"
                          for name, v in ((n, translate("SearchPanel", IDENTIFIED_TO[v])
                                           if n == "identification" and v in IDENTIFIED_TO
                                           else v) for n, v in self.further.items()))
        self.further_label.setText(translate("SearchPanel", "Also narrowed by {conditions}")
                                   .format(conditions=shown) if shown else "")
        self.further_label.setVisible(bool(shown))
        self.further_clear.setVisible(bool(shown))

    def clear_filters(self) -> None:
        self.further = {}
        self._show_further()
        for widget in self.filter_inputs.values():
            widget.blockSignals(True)
            widget.setCurrentIndex(0) if isinstance(widget, QComboBox) else widget.clear()
            widget.blockSignals(False)
        self.run_search()

    def set_search(self, text: str, filters: dict[str, Any]) -> None:
        """Show a (saved) search: its text and filters, then run it. Conditions with no field
        of their own (or several values for one) are kept as further conditions."""
        self.query.setText(text)
        single = {name: value[0] if isinstance(value, list | tuple) and len(value) == 1
                  else value for name, value in filters.items()}
        self.further = {name: value for name, value in single.items()
                        if name not in self.filter_inputs or isinstance(value, list | tuple)}
        self._show_further()
        for name, widget in self.filter_inputs.items():
            value = single.get(name, "") if name not in self.further else ""
            value = {True: "yes", False: "no"}.get(value, value) if name == "sanctioned" else value
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                found = widget.findData(str(value))
                found = found if found >= 0 else widget.findText(str(value))
                if found < 0:
                    widget.addItem(str(value))
                    found = widget.count() - 1
                widget.setCurrentIndex(found)
            else:
                widget.setText(str(value))
            widget.blockSignals(False)
        self.filters_button.setChecked(bool(filters))
        self.run_search()

    def run_search(self) -> None:
        """Search for what the box and filters say now (the newest text wins)."""
        if self.context.store is None:
            return
        if self._running:
            self._waiting = True
            return
        self._running, self._waiting = True, False
        store, text, filters = self.context.store, self.query.text(), self.filters()
        self.context.run(lambda: search.search(store, text, filters=filters, limit=50),
                         on_done=self._show, on_error=self._failed)

    def _finished(self) -> None:
        self._running = False
        if self._waiting:
            self.run_search()

    def _failed(self, error: BaseException, trace: str) -> None:
        self._finished()
        if not isinstance(error, KnownError):
            self.context.show_error(error, trace)
            return
        self._set_status(str(error), problem=True)
        self.tree.clear()

    def _show(self, results: Any) -> None:
        self._finished()
        if self._waiting:
            return
        self.results = results
        self._fill_tree(results)
        self._set_status(self._summary(results))
        self.searched.emit(results)

    def _summary(self, results: Any) -> str:
        if results.notice and not len(results):
            return results.notice
        counts = [translate("SearchPanel", "{count} {kind}").format(
            count=f"{len(hits)}{'+' if kind in results.more else ''}",
            kind=kind_plural(kind) if len(hits) != 1 else kind_label(kind))
            for kind, hits in results.groups.items()]
        text = ", ".join(counts) if counts else translate("SearchPanel", "Nothing found.")
        return f"{text}  {results.notice}".strip()

    def _set_status(self, text: str, problem: bool = False) -> None:
        self.status.setStyleSheet("color: #d64545;" if problem else "")
        self.status.setText(text)

    # ----------------------------------------------------------------- results
    def _fill_tree(self, results: Any) -> None:
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for kind, hits in results.groups.items():
            more = "+" if kind in results.more else ""
            group = QTreeWidgetItem([f"{kind_plural(kind).capitalize()} ({len(hits)}{more})"])
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            self._add_hits(group, kind, hits)
            group.setExpanded(True)
        self.tree.setUpdatesEnabled(True)

    def _add_hits(self, group: QTreeWidgetItem, kind: str, hits: Any) -> None:
        families: dict[str, int] = {}
        for hit in hits:
            if hit.family:
                families[hit.family] = families.get(hit.family, 0) + 1
        parents: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            parent = group
            if families.get(hit.family, 0) > 1:
                parent = parents.get(hit.family) or self._family(group, hit.family,
                                                                 families[hit.family], parents)
            parent.addChild(self._hit_item(kind, hit))

    def _family(self, group: QTreeWidgetItem, family: str, count: int,
                parents: dict[str, QTreeWidgetItem]) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f"{family}…", "", translate(
            "SearchPanel", "ordering-code family: {count} variants").format(count=count)])
        item.setForeground(2, self.palette().placeholderText())
        group.addChild(item)
        item.setExpanded(True)
        parents[family] = item
        return item

    def _hit_item(self, kind: str, hit: Any) -> QTreeWidgetItem:
        how = match_label(hit.match)
        item = QTreeWidgetItem([hit.title, how, hit.detail])
        tip = f"{how}: {hit.matched}" + (f"\n{hit.note}" if hit.note else "")
        for column in range(3):
            item.setToolTip(column, tip)
        if hit.note:
            item.setText(2, f"{hit.note} · {hit.detail}")
        item.setData(0, ROLE_KIND, kind)
        item.setData(0, ROLE_ID, hit.record_id)
        return item

    def _first_record(self) -> QTreeWidgetItem | None:
        item = self.tree.topLevelItem(0)
        while item is not None and item.data(0, ROLE_ID) is None:
            item = self.tree.itemBelow(item)
        return item

    def _open_first(self) -> None:
        first = self._first_record()
        if first is not None:
            self.tree.setCurrentItem(first)
            self._open(first)

    def _open(self, item: QTreeWidgetItem) -> None:
        record_id = item.data(0, ROLE_ID)
        if record_id is not None:
            self.open_requested.emit(item.data(0, ROLE_KIND), record_id)

    # ------------------------------------------------------------- choices
    def _load_choices(self) -> None:
        store = self.context.store
        self.context.run(records.names, store, "system", on_done=self._set_systems)
        for name, kind in (("manufacturer_id", "org"), ("source_id", "source")):
            self.context.run(records.names, store, kind,
                             on_done=lambda names, n=name: self._complete(n, names))

    def _set_systems(self, names: list[str]) -> None:
        combo = self.filter_inputs["system_id"]
        assert isinstance(combo, QComboBox)
        chosen = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(["", *sorted(set(names) | {chosen} - {""}, key=str.casefold)])
        combo.setCurrentText(chosen)
        combo.blockSignals(False)

    def _complete(self, name: str, names: list[str]) -> None:
        completer = QCompleter(sorted(set(names), key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        widget = self.filter_inputs[name]
        assert isinstance(widget, QLineEdit)
        widget.setCompleter(completer)

    # -------------------------------------------------------- saved searches
    def _load_saved(self) -> None:
        if self.context.store is not None:
            self.context.run(search_lists.saved_searches, self.context.store,
                             on_done=lambda saved: setattr(self, "_saved", saved))

    def _fill_saved_menu(self) -> None:
        self.saved_menu.clear()
        if not self._saved:
            self.saved_menu.addAction(translate("SearchPanel", "No saved searches yet")
                                      ).setEnabled(False)
            return
        for saved in self._saved:
            action = self.saved_menu.addAction(saved.name)
            action.setToolTip(saved.query)
            action.triggered.connect(lambda _c=False, s=saved: self.set_search(s.query,
                                                                               s.filters))
        remove = self.saved_menu.addMenu(translate("SearchPanel", "Delete"))
        for saved in self._saved:
            remove.addAction(saved.name).triggered.connect(
                lambda _c=False, s=saved: self.delete_saved(s))

    def save_search(self) -> None:
        name, ok = QInputDialog.getText(self, translate("SearchPanel", "Save search"),
                                        translate("SearchPanel", "Name of this search:"))
        if ok and name.strip():
            self._save(name.strip(), overwrite=False)

    def _save(self, name: str, overwrite: bool) -> None:
        store, text, filters = self.context.store, self.query.text(), self.filters()
        self.context.run(lambda: search_lists.save_search(store, name, text, filters,
                                                          overwrite=overwrite),
                         on_error=lambda error, trace: self._save_failed(name, error, trace))

    def _save_failed(self, name: str, error: BaseException, trace: str) -> None:
        if isinstance(error, ValidationError) and "already exists" in error.reason:
            answer = QMessageBox.question(
                self, translate("SearchPanel", "Save search"),
                translate("SearchPanel", "A saved search named {name} exists. Replace it?")
                .format(name=repr(name)))
            if answer == QMessageBox.StandardButton.Yes:
                self._save(name, overwrite=True)
            return
        self.context.show_error(error, trace)

    def delete_saved(self, saved: Any) -> None:
        answer = QMessageBox.question(
            self, translate("SearchPanel", "Delete saved search"),
            translate("SearchPanel", "Delete the saved search {name}?").format(
                name=repr(saved.name)))
        if answer == QMessageBox.StandardButton.Yes:
            self.context.run(records.delete, self.context.store, "saved", saved.id,
                             saved.version)

    # ------------------------------------------------------------------ export
    def export(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self, translate("SearchPanel", "Export results"), "search-results.xlsx",
            translate("SearchPanel", "Excel workbook (*.xlsx)") + ";;" +
            translate("SearchPanel", "Comma-separated values (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write every record the current search finds (not only those shown) to a file."""
        self.context.run(search_lists.export_search, self.context.store, self.query.text(),
                         self.filters(), path,
                         label=translate("SearchPanel", "Exporting search results"),
                         on_done=lambda count: self._set_status(translate(
                             "SearchPanel", "Wrote {count} records to {path}.").format(
                             count=count, path=path)))
