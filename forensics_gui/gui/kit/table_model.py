"""A lazy table of records: the total first, rows fetched page by page on the worker.

Sorting and filtering happen in the store. Pages already seen keep their keyset cursor so
scrolling through a million rows never pays for a deep OFFSET; a jump far ahead uses one.
Only MAX_PAGES pages are kept in memory.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from forensics_gui.core.fields import WITHDRAWABLE, sort_key_for
from forensics_gui.core.records import Page
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.labels import column_title
from forensics_gui.gui.kit.lazy import records

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

PAGE_SIZE = 200
MAX_PAGES = 60
LOADING = "…"


_LOOK_ROLES = (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)


@cache
def _withdrawn_look() -> dict[int, Any]:
    """How a withdrawn record looks when a table shows withdrawn records too (made once the
    application exists: fonts need it)."""
    font = QFont()
    font.setStrikeOut(True)
    return {Qt.ItemDataRole.ForegroundRole: QBrush(QColor("#8A8F96")),
            Qt.ItemDataRole.FontRole: font}
Index = QModelIndex | QPersistentModelIndex


def display(value: Any) -> str:
    """How a value reads in a table cell."""
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


class RecordTableModel(QAbstractTableModel):
    """Records of one kind, as many as the store holds, loaded as they come into view."""

    loaded = Signal()  # the total is known (after a reload)
    sort_refused = Signal(str)

    def __init__(self, context: AppContext, kind: str, columns: list[str]) -> None:
        super().__init__()
        self.context = context
        self.kind = kind
        self._columns = list(columns)
        self._total = 0
        self._pages: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        self._cursors: dict[int, str] = {}
        self._requested: set[int] = set()
        self._generation = 0
        self.sort_key, self.descending = "", False
        self.filters: dict[str, Any] = {}
        self.contains = ""
        self.withdrawn = "hide"  # withdrawn evidence: "hide", "include" or "only"
        self._evidence = kind in WITHDRAWABLE

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return column_title(self.kind, self._columns[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in _LOOK_ROLES and self._evidence and index.isValid():
            record = self.record_at(index.row())
            return _withdrawn_look()[role] if getattr(record, "withdrawn", False) else None
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.record_at(index.row())
        if record is None:
            return LOADING if role == Qt.ItemDataRole.DisplayRole else None
        return display(getattr(record, self._columns[index.column()], ""))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        name = self._columns[column]
        key = sort_key_for(self.kind, name)
        if key is None:
            self.sort_refused.emit(translate("RecordTable", "{column} cannot be sorted").format(
                column=column_title(self.kind, name)))
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # ------------------------------------------------------------ our own API
    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    def set_columns(self, columns: list[str]) -> None:
        """Show these values as columns, in this order."""
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def set_filter(self, contains: str = "", filters: dict[str, Any] | None = None) -> None:
        """Show only records matching; reloads from the store."""
        self.contains = contains
        self.filters = dict(filters or {})
        self.reload()

    def reload(self) -> None:
        """Forget every loaded row and ask the store for the total again."""
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self._pages.clear()
        self._cursors.clear()
        self._requested.clear()
        self._total = 0
        self.endResetModel()
        if self.context.store is None:
            return  # nothing to show until a store is open
        self.context.run(self._count, self.context.store, self._query(),
                         on_done=lambda n: self._set_total(generation, n))

    def _query(self) -> dict[str, Any]:
        # Taken on the main thread when a request is made; the worker only reads this copy.
        return {"filters": dict(self.filters), "contains": self.contains,
                "sort": self.sort_key, "descending": self.descending,
                "withdrawn": self.withdrawn}

    def _count(self, store: Any, query: dict[str, Any]) -> tuple[int, Page]:
        total = records.count(store, self.kind, filters=query["filters"],
                              contains=query["contains"], withdrawn=query["withdrawn"])
        return total, self._fetch(store, query, 0, None)

    def _fetch(self, store: Any, query: dict[str, Any], page: int,
               cursor: str | None) -> Page:
        return records.list_records(
            store, self.kind, limit=PAGE_SIZE, cursor=cursor,
            offset=0 if cursor or page == 0 else page * PAGE_SIZE, **query)

    def _set_total(self, generation: int, result: tuple[int, Page]) -> None:
        if generation != self._generation:
            return
        total, first = result
        self.beginResetModel()
        self._total = total
        self._store_page(0, first)
        self.endResetModel()
        self.loaded.emit()

    def record_at(self, row: int) -> Any:
        """The record shown in `row`, or None while it is being loaded."""
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        self._pages.move_to_end(page)
        offset = row - page * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def _request(self, page: int) -> None:
        if page in self._requested or not 0 <= page * PAGE_SIZE < self._total:
            return
        self._requested.add(page)
        generation = self._generation
        self.context.run(self._fetch, self.context.store, self._query(), page,
                         self._cursors.get(page),
                         on_done=lambda result: self._page_loaded(generation, page, result))

    def _page_loaded(self, generation: int, page: int, result: Page) -> None:
        if generation != self._generation:
            return
        self._requested.discard(page)
        self._store_page(page, result)
        first = page * PAGE_SIZE
        last = min(first + len(result.rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, max(len(self._columns) - 1, 0)))

    def _store_page(self, page: int, result: Page) -> None:
        self._pages[page] = result.rows
        self._pages.move_to_end(page)
        if result.next_cursor:
            self._cursors[page + 1] = result.next_cursor
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
