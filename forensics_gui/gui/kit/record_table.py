"""A table of records of one kind: filter box, lazy rows, column chooser, copy as text."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.fields import (
    LIST_COLUMNS,
    REFERENCE_NAMES,
    WITHDRAWABLE,
)
from forensics_gui.core.records import DTO_OF_KIND
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.labels import column_title, filter_label
from forensics_gui.gui.kit.store_follower import StoreFollower
from forensics_gui.gui.kit.table_model import RecordTableModel, display

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

FILTER_DELAY_MS = 250
MAX_COLUMN_WIDTH = 280


def all_columns(kind: str, sample: Any = None) -> list[str]:
    """Every value a table of `kind` can show, default columns first; a reference whose
    record is named beside it is offered by that name only (never as a column of ids)."""
    named = {name for k, name in REFERENCE_NAMES if k == kind}
    names = [f.name for f in fields(DTO_OF_KIND[kind])
             if f.name not in ("source_ids",) and f.name not in named]
    defaults = list(LIST_COLUMNS[kind])
    return defaults + [n for n in names if n not in defaults]


class RecordTable(QWidget):
    """Records of `kind`; emits `open_requested(record)` on double-click or Enter."""

    open_requested = Signal(object)
    current_changed = Signal(object)

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None,
                 fixed_filters: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.fixed_filters = dict(fixed_filters or {})
        self.model = RecordTableModel(context, kind, self._saved_columns())
        self._sized = False
        self._build()
        self.model.loaded.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        # Tables are cheap to refresh (one count, then the rows on screen): kept current even
        # while hidden, so that switching to one shows its records at once.
        self.follower = StoreFollower(self, context, (kind, *_AFFECTS.get(kind, ())),
                                      lambda _changes: self.reload(), gated=False)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate(
            "RecordTable", "Filter by {what}… (Ctrl+F)").format(what=filter_label(self.kind)))
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _: self._filter_timer.start())
        self.count = QLabel()
        top.addWidget(self.filter, 1)
        self.show_withdrawn: QCheckBox | None = None
        if self.kind in WITHDRAWABLE:
            self.show_withdrawn = QCheckBox(translate("RecordTable", "Show withdrawn"))
            self.show_withdrawn.setToolTip(translate(
                "RecordTable", "Withdrawn evidence is kept; it is hidden from lists unless shown "
                "here (struck through)"))
            self.show_withdrawn.toggled.connect(self._show_withdrawn)
            top.addWidget(self.show_withdrawn)
        top.addWidget(self.count)
        layout.addLayout(top)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _: self.current_changed.emit(self.model.record_at(current.row())))
        copy = QAction(translate("RecordTable", "Copy"), self.view)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.view.addAction(copy)
        layout.addWidget(self.view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_row(self.view.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        """Ask the store again (after a refresh or a change elsewhere)."""
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(self.filter.text().strip(), self.fixed_filters)

    def _show_withdrawn(self, shown: bool) -> None:
        self.model.withdrawn = "include" if shown else "hide"
        self.reload()

    def _update_count(self) -> None:
        if not self._sized and self.model.rowCount():
            self._sized = True
            self.fit_columns()
        n = self.model.rowCount()
        self.count.setText(translate("RecordTable", "1 record") if n == 1 else
                           translate("RecordTable", "{count} records").format(count=f"{n:,}"))

    def fit_columns(self, sample: int = 50) -> None:
        """Width of each column from its header and the first rows (Qt's own sizing reads a
        thousand rows, which is slow on a large store)."""
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        rows = min(sample, self.model.rowCount())
        for column in range(self.model.columnCount()):
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal))]
            texts += [str(self.model.data(self.model.index(r, column)) or "") for r in range(rows)]
            width = max(metrics.horizontalAdvance(t) for t in texts) + 24
            header.resizeSection(column, min(width, MAX_COLUMN_WIDTH))

    def _open_row(self, row: int) -> None:
        record = self.model.record_at(row) if row >= 0 else None
        if record is not None:
            self.open_requested.emit(record)

    def current_record(self) -> Any:
        index = self.view.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> Any:
        """Make `row` current (for next/previous record); returns its record if loaded."""
        if not 0 <= row < self.model.rowCount():
            return None
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect |
            QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return self.model.record_at(row)

    # --------------------------------------------------------------- columns
    def _settings_key(self) -> str:
        return f"columns/{self.kind}"

    def _saved_columns(self) -> list[str]:
        saved = self.context.settings.value(self._settings_key())
        valid = set(all_columns(self.kind))
        columns = [c for c in (saved or []) if c in valid] if isinstance(saved, list) else []
        return columns or list(LIST_COLUMNS[self.kind])

    def column_menu(self) -> QMenu:
        """The header's context menu: every column, ticked when shown, and the defaults."""
        menu = QMenu(self)
        shown = self.model.columns
        for name in all_columns(self.kind):
            action = menu.addAction(column_title(self.kind, name))
            action.setCheckable(True)
            action.setChecked(name in shown)
            action.toggled.connect(lambda on, n=name: self.toggle_column(n, on))
        menu.addSeparator()
        menu.addAction(translate("RecordTable", "Default columns"), self.reset_columns)
        return menu

    def _column_menu(self, position: Any) -> None:
        self.column_menu().exec(self.view.horizontalHeader().mapToGlobal(position))

    def toggle_column(self, name: str, shown: bool) -> None:
        """Show or hide a column; the choice is remembered."""
        columns = self.model.columns
        if shown and name not in columns:
            columns.append(name)
        elif not shown and name in columns and len(columns) > 1:
            columns.remove(name)
        self.model.set_columns(columns)
        self.context.settings.setValue(self._settings_key(), columns)

    def reset_columns(self) -> None:
        self.model.set_columns(list(LIST_COLUMNS[self.kind]))
        self.context.settings.remove(self._settings_key())

    # ------------------------------------------------------------------ copy
    def copy_selection(self) -> None:
        """Copy the selected cells as tab-separated text, a header line first."""
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        lines = ["\t".join(str(self.model.headerData(c, Qt.Orientation.Horizontal))
                           for c in columns)]
        for row in rows:
            lines.append("\t".join(display(self.model.data(self.model.index(row, c))).replace(
                "\t", " ") for c in columns))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")


# A change to one kind can change how another kind's rows read (names shown beside them).
_AFFECTS = {
    "finding": ("part", "org", "item"), "part": ("org",), "item": ("system",),
    "link": ("org", "part"), "designation": ("org",), "org": (),
}
