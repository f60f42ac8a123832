"""File menu → Export: the list in view or the whole store as CSV, Excel or JSON, and recovery
places as GeoJSON. The work runs on the task worker (progress, cancel); the status bar says
what was written, how many records, and the highest handling marking among them."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)

from forensics_gui.core.fields import KINDS
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import exchange_export, records

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

# The save dialog's filters: the one chosen decides the format of a name typed without a
# suffix (and the suffix added to it).
LIST_FILTERS = {QT_TRANSLATE_NOOP("ExportActions", "Excel workbook (*.xlsx)"): "xlsx",
                QT_TRANSLATE_NOOP("ExportActions", "Comma-separated values (*.csv)"): "csv",
                QT_TRANSLATE_NOOP("ExportActions", "JSON (*.json)"): "json"}
STORE_FILTERS = {
    QT_TRANSLATE_NOOP("ExportActions", "Excel workbook, one sheet per kind (*.xlsx)"): "xlsx",
    QT_TRANSLATE_NOOP("ExportActions", "CSV files in a .zip, one per kind (*.zip)"): "csv",
    QT_TRANSLATE_NOOP("ExportActions", "JSON document (*.json)"): "json"}
SUFFIX = {"xlsx": ".xlsx", "csv": ".csv", "json": ".json"}
STATUS_SHOWN_MS = 20_000


def chosen_path(path: str, suffix: str) -> str:
    """The file name typed, with the suffix of the format chosen added when it lacks it."""
    return path if Path(path).suffix.lower() == suffix else path + suffix


def shown_filters(filters: dict[str, str]) -> dict[str, str]:
    """The save dialog's filters as shown (in the interface's language) -> format."""
    return {translate("ExportActions", text): form for text, form in filters.items()}


def plural_of(kind: str) -> str:
    """What records of `kind` are called, in the interface's language."""
    return translate("fields", KINDS[kind].plural)


class PlacesDialog(QDialog):
    """Which recovery places to export: a weapon system type and a period, both optional."""

    def __init__(self, systems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportActions", "Export recovery places"))
        form = QFormLayout(self)
        intro = QLabel(translate(
            "ExportActions", "Recovered items with a latitude and longitude become points on "
            "a map (GeoJSON, which QGIS opens). Withdrawn items are left out; items without "
            "coordinates, or with impossible ones, are counted."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.system = QComboBox()
        self.system.addItem(translate("ExportActions", "All weapon system types"), None)
        for system in systems:
            self.system.addItem(system, system)
        form.addRow(translate("ExportActions", "Weapon system type"), self.system)
        optional = translate("ExportActions", "YYYY-MM-DD (optional)")
        self.date_from = QLineEdit(placeholderText=optional)
        self.date_to = QLineEdit(placeholderText=optional)
        form.addRow(translate("ExportActions", "Recovered from"), self.date_from)
        form.addRow(translate("ExportActions", "Recovered until"), self.date_to)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("ExportActions", "Choose the file…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def choices(self) -> dict[str, Any]:
        """The options of `export_places` chosen."""
        return {"system": self.system.currentData(),
                "date_from": self.date_from.text().strip() or None,
                "date_to": self.date_to.text().strip() or None}


class ExportActions(QObject):
    """The three export entries of the File menu, and what they do."""

    written = Signal(object)  # the summary of a finished export

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window

    def fill(self, menu: QMenu) -> None:
        """Add the export entries to `menu`."""
        self.list_action = menu.addAction(translate("ExportActions", "&Export list…"),
                                          self.export_list)
        self.store_action = menu.addAction(translate("ExportActions",
                                                     "Export the &whole store…"),
                                           self.export_store)
        self.places_action = menu.addAction(
            translate("ExportActions", "Export recovery &places (GeoJSON)…"),
            self.export_places)
        menu.aboutToShow.connect(self._name_the_list)

    def _name_the_list(self) -> None:
        """Say which list "Export list" writes: the table in view (or last in view)."""
        table = getattr(self.window, "current_table", lambda: None)()
        if table is not None:
            self.list_action.setText(translate(
                "ExportActions", "&Export the list of {kinds}…").format(
                    kinds=plural_of(table.kind)))

    # ------------------------------------------------------------------ lists
    def export_list(self) -> None:
        """The kind, search and filters of the table in view, to a file chosen."""
        table = getattr(self.window, "current_table", lambda: None)()
        if table is None or self.context.store is None:
            return
        model, plural = table.model, KINDS[table.kind].plural
        filters = shown_filters(LIST_FILTERS)
        path, chosen = QFileDialog.getSaveFileName(
            self.window, translate("ExportActions", "Export the list of {kinds}").format(
                kinds=plural_of(table.kind)), plural.replace(" ", "-") + ".xlsx",
            ";;".join(filters))
        if not path:
            return
        form = _format_of(path, store=False) or filters.get(chosen, "xlsx")
        path = chosen_path(path, SUFFIX[form])
        work = partial(exchange_export.export_table, format=form, filters=dict(model.filters),
                       contains=model.contains, withdrawn=model.withdrawn,
                       sort=model.sort_key, descending=model.descending)
        self.context.run(work, self.context.store, table.kind, path, control=True,
                         label=translate("ExportActions", "Exporting {kinds}…").format(
                             kinds=plural_of(table.kind)), on_done=self._tables_written)

    def export_store(self) -> None:
        """Every kind of record, to one workbook, one JSON document or a .zip of CSV files."""
        if self.context.store is None:
            return
        filters = shown_filters(STORE_FILTERS)
        path, chosen = QFileDialog.getSaveFileName(
            self.window, translate("ExportActions", "Export the whole store"),
            "store-export.xlsx", ";;".join(filters))
        if not path:
            return
        form = _format_of(path, store=True) or filters.get(chosen, "xlsx")
        path = chosen_path(path, ".zip" if form == "csv" else SUFFIX[form])
        self.context.run(partial(exchange_export.export_store, format=form),
                         self.context.store, path, control=True,
                         label=translate("ExportActions", "Exporting the whole store…"),
                         on_done=self._tables_written)

    def _tables_written(self, summary: Any) -> None:
        kinds = len(summary.counts)
        what = (translate("ExportActions", "{count} records of {kinds} kinds").format(
                    count=f"{summary.total:,}", kinds=kinds) if kinds > 1 else
                translate("ExportActions", "{count} {kinds}").format(
                    count=f"{summary.total:,}", kinds=_plural(next(iter(summary.counts), ""))))
        self._say(translate("ExportActions", "Wrote {what} to {path} (highest handling "
                            "marking: {marking}).").format(
                                what=what, path=summary.path, marking=summary.highest_marking),
                  summary)

    # ----------------------------------------------------------------- places
    def export_places(self) -> None:
        """Ask for a system type and period, then a file, and write the points."""
        if self.context.store is None:
            return
        self.context.run(records.names, self.context.store, "system",
                         on_done=self._ask_places)

    def _ask_places(self, systems: list[str]) -> None:
        self.places_dialog = PlacesDialog(sorted(set(systems), key=str.lower), self.window)
        if self.places_dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, translate("ExportActions", "Export recovery places"),
            "recovery-places.geojson", "GeoJSON (*.geojson)")
        if not path:
            return
        path = chosen_path(path, ".geojson") if not path.lower().endswith(".json") else path
        self.context.run(partial(exchange_export.export_places,
                                 **self.places_dialog.choices()),
                         self.context.store, path, control=True,
                         label=translate("ExportActions", "Exporting recovery places…"),
                         on_done=self._places_written)

    def _places_written(self, summary: Any) -> None:
        left_out = []
        if summary.missing:
            left_out.append((translate("ExportActions", "{count} recovered item without "
                                       "coordinates") if summary.missing == 1 else
                             translate("ExportActions", "{count} recovered items without "
                                       "coordinates")).format(count=f"{summary.missing:,}"))
        if summary.impossible:
            left_out.append((translate("ExportActions", "{count} recovered item with "
                                       "impossible coordinates ({items})")
                             if summary.impossible == 1 else
                             translate("ExportActions", "{count} recovered items with "
                                       "impossible coordinates ({items})")).format(
                count=f"{summary.impossible:,}", items=", ".join(summary.impossible_items[:5])))
        tail = translate("ExportActions", "; left out {what}").format(
            what=translate("ExportActions", " and ").join(left_out)) if left_out else ""
        places = (translate("ExportActions", "{count} recovery place") if summary.written == 1
                  else translate("ExportActions", "{count} recovery places")).format(
            count=f"{summary.written:,}")
        self._say(translate("ExportActions", "Wrote {places} to {path}{tail}.").format(
            places=places, path=summary.path, tail=tail), summary)

    def _say(self, text: str, summary: Any) -> None:
        self.window.statusBar().showMessage(text, STATUS_SHOWN_MS)
        self.written.emit(summary)


def _plural(kind: str) -> str:
    return plural_of(kind) if kind in KINDS else translate("ExportActions", "custody events")


def _format_of(path: str, *, store: bool) -> str | None:
    """The format a name typed with its suffix asks for (it wins over the filter shown, which
    users seldom change); None without one of the export's suffixes."""
    suffixes = {".xlsx": "xlsx", ".json": "json", (".zip" if store else ".csv"): "csv"}
    return suffixes.get(Path(path).suffix.lower())
