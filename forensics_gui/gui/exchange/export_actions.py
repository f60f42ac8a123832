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
from forensics_gui.gui.kit.lazy import exchange_export, records

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

# The save dialog's filters: the one chosen decides the format of a name typed without a
# suffix (and the suffix added to it).
LIST_FILTERS = {"Excel workbook (*.xlsx)": "xlsx", "Comma-separated values (*.csv)": "csv",
                "JSON (*.json)": "json"}
STORE_FILTERS = {"Excel workbook, one sheet per kind (*.xlsx)": "xlsx",
                 "CSV files in a .zip, one per kind (*.zip)": "csv",
                 "JSON document (*.json)": "json"}
SUFFIX = {"xlsx": ".xlsx", "csv": ".csv", "json": ".json"}
ALL_SYSTEMS = "All weapon system types"
STATUS_SHOWN_MS = 20_000


def chosen_path(path: str, suffix: str) -> str:
    """The file name typed, with the suffix of the format chosen added when it lacks it."""
    return path if Path(path).suffix.lower() == suffix else path + suffix


class PlacesDialog(QDialog):
    """Which recovery places to export: a weapon system type and a period, both optional."""

    def __init__(self, systems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export recovery places")
        form = QFormLayout(self)
        intro = QLabel("Recovered items with a latitude and longitude become points on a map "
                       "(GeoJSON, which QGIS opens). Withdrawn items are left out; items "
                       "without coordinates, or with impossible ones, are counted.")
        intro.setWordWrap(True)
        form.addRow(intro)
        self.system = QComboBox()
        self.system.addItems([ALL_SYSTEMS, *systems])
        form.addRow("Weapon system type", self.system)
        self.date_from = QLineEdit(placeholderText="YYYY-MM-DD (optional)")
        self.date_to = QLineEdit(placeholderText="YYYY-MM-DD (optional)")
        form.addRow("Recovered from", self.date_from)
        form.addRow("Recovered until", self.date_to)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Choose the file…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def choices(self) -> dict[str, Any]:
        """The options of `export_places` chosen."""
        system = self.system.currentText()
        return {"system": None if system == ALL_SYSTEMS else system,
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
        self.list_action = menu.addAction("&Export list…", self.export_list)
        self.store_action = menu.addAction("Export the &whole store…", self.export_store)
        self.places_action = menu.addAction("Export recovery &places (GeoJSON)…",
                                            self.export_places)
        menu.aboutToShow.connect(self._name_the_list)

    def _name_the_list(self) -> None:
        """Say which list "Export list" writes: the table in view (or last in view)."""
        table = getattr(self.window, "current_table", lambda: None)()
        if table is not None:
            self.list_action.setText(f"&Export the list of {KINDS[table.kind].plural}…")

    # ------------------------------------------------------------------ lists
    def export_list(self) -> None:
        """The kind, search and filters of the table in view, to a file chosen."""
        table = getattr(self.window, "current_table", lambda: None)()
        if table is None or self.context.store is None:
            return
        model, plural = table.model, KINDS[table.kind].plural
        path, chosen = QFileDialog.getSaveFileName(
            self.window, f"Export the list of {plural}", plural.replace(" ", "-") + ".xlsx",
            ";;".join(LIST_FILTERS))
        if not path:
            return
        form = _format_of(path, store=False) or LIST_FILTERS.get(chosen, "xlsx")
        path = chosen_path(path, SUFFIX[form])
        work = partial(exchange_export.export_table, format=form, filters=dict(model.filters),
                       contains=model.contains, withdrawn=model.withdrawn,
                       sort=model.sort_key, descending=model.descending)
        self.context.run(work, self.context.store, table.kind, path, control=True,
                         label=f"Exporting {plural}…", on_done=self._tables_written)

    def export_store(self) -> None:
        """Every kind of record, to one workbook, one JSON document or a .zip of CSV files."""
        if self.context.store is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export the whole store", "store-export.xlsx",
            ";;".join(STORE_FILTERS))
        if not path:
            return
        form = _format_of(path, store=True) or STORE_FILTERS.get(chosen, "xlsx")
        path = chosen_path(path, ".zip" if form == "csv" else SUFFIX[form])
        self.context.run(partial(exchange_export.export_store, format=form),
                         self.context.store, path, control=True,
                         label="Exporting the whole store…", on_done=self._tables_written)

    def _tables_written(self, summary: Any) -> None:
        kinds = len(summary.counts)
        what = (f"{summary.total:,} records of {kinds} kinds" if kinds > 1 else
                f"{summary.total:,} {_plural(next(iter(summary.counts), ''))}")
        self._say(f"Wrote {what} to {summary.path} (highest handling marking: "
                  f"{summary.highest_marking}).", summary)

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
            self.window, "Export recovery places", "recovery-places.geojson",
            "GeoJSON (*.geojson)")
        if not path:
            return
        path = chosen_path(path, ".geojson") if not path.lower().endswith(".json") else path
        self.context.run(partial(exchange_export.export_places,
                                 **self.places_dialog.choices()),
                         self.context.store, path, control=True,
                         label="Exporting recovery places…", on_done=self._places_written)

    def _places_written(self, summary: Any) -> None:
        left_out = []
        if summary.missing:
            left_out.append(f"{_count(summary.missing, 'recovered item')} without "
                            "coordinates")
        if summary.impossible:
            left_out.append(f"{_count(summary.impossible, 'recovered item')} with impossible "
                            f"coordinates ({', '.join(summary.impossible_items[:5])})")
        tail = f"; left out {' and '.join(left_out)}" if left_out else ""
        self._say(f"Wrote {_count(summary.written, 'recovery place')} to {summary.path}"
                  f"{tail}.", summary)

    def _say(self, text: str, summary: Any) -> None:
        self.window.statusBar().showMessage(text, STATUS_SHOWN_MS)
        self.written.emit(summary)


def _count(n: int, thing: str) -> str:
    return f"{n:,} {thing}{'' if n == 1 else 's'}"


def _plural(kind: str) -> str:
    return KINDS[kind].plural if kind in KINDS else "custody events"


def _format_of(path: str, *, store: bool) -> str | None:
    """The format a name typed with its suffix asks for (it wins over the filter shown, which
    users seldom change); None without one of the export's suffixes."""
    suffixes = {".xlsx": "xlsx", ".json": "json", (".zip" if store else ".csv"): "csv"}
    return suffixes.get(Path(path).suffix.lower())
