"""The "Supply links" box of the part, finding and organization editors.

Lists the links involving the record (seller → buyer, part, date, status, sources, and for
each party whether it was designated before or after the link's date), and offers New link
(the link editor, filled in with the record), Open, and the probable chains of a part or
finding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.chains import CHAIN_KINDS
from forensics_gui.core.changes import Changes
from forensics_gui.core.fields import describe
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.flow_layout import FlowLayout, flow_row
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import supply
from forensics_gui.gui.kit.store_follower import StoreFollower
from forensics_gui.gui.supply.chains_panel import ChainsDialog
from forensics_gui.gui.supply.timing import TIMING_COLOURS, shown_timing

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

LINK_BOX_KINDS = ("part", "finding", "org")
# The status comes right after the date: it must be readable without scrolling sideways.
COLUMNS = (QT_TRANSLATE_NOOP("SupplyLinksBox", "Date"),
           QT_TRANSLATE_NOOP("SupplyLinksBox", "Status"),
           QT_TRANSLATE_NOOP("SupplyLinksBox", "Seller"),
           QT_TRANSLATE_NOOP("SupplyLinksBox", "Buyer"),
           QT_TRANSLATE_NOOP("SupplyLinksBox", "Sources"),
           QT_TRANSLATE_NOOP("SupplyLinksBox", "Part"))
PART_COLUMN = COLUMNS.index("Part")
PARTY_COLUMNS = (COLUMNS.index("Seller"), COLUMNS.index("Buyer"))
FITTED_COLUMNS = (COLUMNS.index("Date"), COLUMNS.index("Status"))  # always as wide as their text
NAME_WIDTH = 190
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size
ROLE_ID = Qt.ItemDataRole.UserRole


def party_cell(party: Any, timing: Any) -> QTableWidgetItem:
    """'Name (HK, hub)' over 'designated before the link (OFAC 2023-05-19)', coloured when
    the party is, or may have been, designated at the link's date."""
    text = shown_timing(timing)
    item = QTableWidgetItem(f"{party_text(party)}\n{text}")
    item.setToolTip(f"{party.name}: {text}")
    if timing.state in TIMING_COLOURS:
        item.setForeground(QBrush(QColor(TIMING_COLOURS[timing.state])))
    return item


def party_text(party: Any) -> str:
    details = [party.country or "?"] + ([translate("SupplyLinksBox", "hub")] if party.hub else [])
    return f"{party.name} ({', '.join(details)})"


class SupplyLinksBox(QGroupBox):
    """Filled on the worker for the record shown; answers for older records are dropped."""

    open_requested = Signal(str, object)  # kind, id
    new_link_requested = Signal(object, object)  # values sent on save, values shown
    filled = Signal()  # the links (or none) are shown

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("SupplyLinksBox", "Supply links"), parent)
        self.context = context
        self.kind = kind
        self.record: Any = None
        self.listing: Any = None
        self._chains: list[Any] = []  # open chain windows, kept alive
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("SupplyLinksBox", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.setColumnHidden(PART_COLUMN, kind == "part")  # always the part itself
        self.table.setMaximumHeight(190)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        self.status = QLabel()  # a line of its own: beside the buttons it wrapped word by word
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        # A link saved or deleted elsewhere, or a designation that changes the timing.
        self.follower = StoreFollower(self, context, ("link", "designation", "org"),
                                      self._follow, forget=self.clear, gated=False)
        self.clear()

    def _buttons(self) -> FlowLayout:
        self.new_button = QPushButton(translate("SupplyLinksBox", "New link…"))
        self.new_button.setToolTip(translate("SupplyLinksBox",
                                             "Record a supply link for this record"))
        self.new_button.clicked.connect(self.new_link)
        self.open_button = QPushButton(translate("SupplyLinksBox", "Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.chains_button = QPushButton(translate("SupplyLinksBox", "Probable chains…"))
        self.chains_button.setToolTip(translate(
            "SupplyLinksBox", "Paths from the maker to a Russian importer or end user"))
        self.chains_button.clicked.connect(self.show_chains)
        self.graph_button = QPushButton(translate("SupplyLinksBox", "Graph"))
        self.graph_button.setToolTip(translate("SupplyLinksBox",
                                               "Show these supply links in the supply graph"))
        self.graph_button.clicked.connect(self.show_graph)
        buttons = (self.new_button, self.open_button, self.chains_button, self.graph_button)
        for button in buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return flow_row(*buttons)

    # ----------------------------------------------------------------- showing
    def clear(self) -> None:
        self.record, self.listing = None, None
        self.setTitle(translate("SupplyLinksBox", "Supply links"))
        self.table.setRowCount(0)
        self.status.setText(translate("SupplyLinksBox",
                                      "Save the record to record its supply links."))
        self._fit(False)
        for button in (self.new_button, self.open_button, self.chains_button,
                       self.graph_button):
            button.setEnabled(False)
        self.chains_button.setVisible(self.kind in CHAIN_KINDS)

    def show_for(self, kind: str, record: Any) -> None:
        """List the links of `record` (a part, a finding or an organization)."""
        if kind not in LINK_BOX_KINDS or record is None or self.context.store is None:
            self.clear()
            return
        self.kind, self.record, self.listing = kind, record, None
        self.chains_button.setVisible(kind in CHAIN_KINDS)
        self.new_button.setEnabled(True)
        self.chains_button.setEnabled(True)
        self.graph_button.setEnabled(True)
        self.open_button.setEnabled(False)
        self.table.setRowCount(0)
        self.status.setText(translate("SupplyLinksBox", "Looking…"))
        self.context.run(supply.links_for, self.context.store, kind, record.id,
                         on_done=lambda listing, asked=record: self._shown(asked, listing),
                         on_error=lambda error, _trace, asked=record: self._failed(asked, error))

    def _shown(self, asked: Any, listing: Any) -> None:
        if asked is not self.record:
            return
        self.listing = listing
        self.table.setRowCount(len(listing.links))
        for row, view in enumerate(listing.links):
            self._fill_row(row, view)
        self.table.resizeColumnsToContents()
        for column in PARTY_COLUMNS:
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), NAME_WIDTH))
        self.table.resizeRowsToContents()
        count = len(listing.links)
        self.setTitle(translate("SupplyLinksBox", "Supply links ({count})").format(
            count=listing.total))
        more = (translate("SupplyLinksBox", "; the newest {count} are shown").format(count=count)
                if listing.total > count else "")
        total = (translate("SupplyLinksBox", "{count} link") if listing.total == 1
                 else translate("SupplyLinksBox", "{count} links")).format(count=listing.total)
        self.status.setText(total + more if count else
                            translate("SupplyLinksBox", "No supply links recorded yet."))
        self._fit(bool(count))

    def _fit(self, rows: bool) -> None:
        """Without links the empty table is left out and the box takes only the height of
        its words and buttons, leaving the rest of the editor to the boxes above it."""
        self.table.setVisible(rows)
        self.setMaximumHeight(QWIDGETSIZE_MAX if rows else self.sizeHint().height())
        self.filled.emit()

    def wanted_height(self) -> int:
        """The height that shows every row (up to the table's own limit)."""
        if not self.table.isVisibleTo(self):
            return self.sizeHint().height()
        table = self.table
        rows = (table.verticalHeader().length() + table.horizontalHeader().height() +
                2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height())
        return self.height() - table.height() + min(rows, table.maximumHeight())

    def _fill_row(self, row: int, view: Any) -> None:
        link = view.link
        when = QTableWidgetItem(str(link.shipped_on) if link.shipped_on
                                else translate("SupplyLinksBox", "undated"))
        when.setData(ROLE_ID, link.id)
        when.setToolTip(translate("SupplyLinksBox", "recorded for {record}").format(
            record=view.recorded_for) if view.recorded_for
            else translate("SupplyLinksBox", "recorded with no part"))
        sources = QTableWidgetItem(f"{len(link.citations)}"
                                   f"{' (' + link.grades + ')' if link.citations else ''}")
        sources.setToolTip("\n".join(f"{c.title} ({c.grade})" for c in link.citations)
                           or translate("SupplyLinksBox", "No source cited"))
        cells = (when, QTableWidgetItem(link.status), party_cell(view.seller, view.seller_timing),
                 party_cell(view.buyer, view.buyer_timing), sources,
                 QTableWidgetItem(link.part_number or "—"))
        for column, item in enumerate(cells):
            self.table.setItem(row, column, item)

    def _failed(self, asked: Any, error: BaseException) -> None:
        if asked is self.record:
            self.status.setText(str(error))

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.selected_link() is not None)

    def _follow(self, _changes: Changes) -> None:
        if self.record is not None:
            self.show_for(self.kind, self.record)

    # ----------------------------------------------------------------- actions
    def selected_link(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(ROLE_ID) if rows else None

    def open_selected(self) -> None:
        link_id = self.selected_link()
        if link_id is not None:
            self.open_requested.emit("link", link_id)

    def new_link(self) -> None:
        """Ask for the link editor, filled in with the record shown."""
        if self.record is not None:
            defaults, shown = prefill(self.kind, self.record)
            self.new_link_requested.emit(defaults, shown)

    def show_graph(self) -> None:
        """Open the supply graph filtered to the record shown."""
        from forensics_gui.gui.graph.graph_panel import show_supply_graph

        if self.record is None:
            return
        scope = {"org": "organization"}.get(self.kind, self.kind)
        show_supply_graph(self.context, **{scope: self.record.id},
                          title=describe(self.kind, self.record))

    def show_chains(self) -> None:
        if self.record is None or self.kind not in CHAIN_KINDS:
            return
        dialog = ChainsDialog(self.context, self.kind, self.record.id, self.window())
        dialog.panel.open_requested.connect(self.open_requested)
        dialog.finished.connect(lambda _: self._chains.remove(dialog))
        self._chains.append(dialog)
        dialog.show()


def prefill(kind: str, record: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """(values a new link is saved with, values its form shows) for a link from `record`.

    An organization is put on the side it most likely takes: a Russian importer or end user
    buys, anyone else sells.
    """
    if kind == "part":
        return {"part_id": record.id}, {"part_id": record.part_number}
    if kind == "finding":
        defaults: dict[str, Any] = {"finding_id": record.id}
        shown: dict[str, Any] = {"finding_id": str(record.id)}
        if record.part_id is not None:
            defaults["part_id"], shown["part_id"] = record.part_id, record.part_number
        return defaults, shown
    buys = record.country == "RU" and bool({"importer", "end user"} & set(record.roles))
    side = "buyer_id" if buys else "seller_id"
    return {side: record.id}, {side: record.name}
