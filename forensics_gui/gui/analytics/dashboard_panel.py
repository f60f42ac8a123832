"""The analytics dashboard: every figure of `services.analytics` for the whole store or a
filter (system type, recovery period, recovered items), with the share produced after a
chosen date and the top N makers; each figure drawn by its shape, a click on a bar lists its
findings in the search page.

The figures are computed on the store worker, so the window stays responsive; they follow
every write to the records they count.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.analytics import DEFAULT_TOP, INVASION, Bar, Dashboard
from forensics_gui.core.changes import EVERY_KIND, Changes
from forensics_gui.core.errors import KnownError, ValidationError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.analytics.chart_grid import ChartGrid
from forensics_gui.gui.analytics.chart_view import ChartView, chart_words
from forensics_gui.gui.kit.flow_layout import FlowLayout, flow_row
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import analytics, records
from forensics_gui.gui.kit.store_follower import StoreFollower

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

ALL_SYSTEMS = QT_TRANSLATE_NOOP("DashboardPanel", "All system types")
COUNTED_KINDS = ("system", "item", "finding", "part", "org", "alias", "designation")
TOP_RANGE = (3, 50)
EDIT_PAUSE_MS = 250
ITEMS_WIDTH = 200  # the case references field, wide enough for two of them


def compute(store: Any, choice: dict[str, Any]) -> Dashboard:
    """The dashboard for what the filter row says (runs on the worker: names are looked up
    here, not on the main thread)."""
    filters = analytics.filters_for(store, system=choice["system"] or None,
                                    items=choice["items"],
                                    recovered_from=choice["recovered_from"],
                                    recovered_to=choice["recovered_to"])
    # the figures' own words (titles, notes, bar labels) in the interface's language
    return analytics.dashboard(store, filters, after=choice["after"], top=choice["top"],
                               words=chart_words)


class DashboardPanel(QWidget):
    """Emits `search_requested(filters)` when a bar is clicked, `open_requested(kind, id)`
    when a table's row of one record is, and `shown(Dashboard)` when figures are drawn."""

    search_requested = Signal(dict)
    open_requested = Signal(str, object)
    shown = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dashboard: Dashboard | None = None
        self._request = 0
        self._timer = QTimer(self, singleShot=True, interval=EDIT_PAUSE_MS)
        self._timer.timeout.connect(self.reload)
        self._build()
        # A burst of writes (a finding and its part) recomputes once.
        self.follower = StoreFollower(self, context, COUNTED_KINDS, self._follow,
                                      forget=self._forget, delay_ms=300)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_row())
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.grid = ChartGrid()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so that the charts' width does not jump when it would appear.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setWidget(self.grid)
        layout.addWidget(self.scroll, 1)

    def _filter_row(self) -> FlowLayout:
        """The filters, wrapping onto a second line when the page is narrow."""
        self.system = QComboBox()
        self.system.addItem(translate("DashboardPanel", ALL_SYSTEMS))
        self.system.setMinimumContentsLength(14)
        self.system.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.recovered_from, self.recovered_to = QLineEdit(), QLineEdit()
        self.items = QLineEdit()
        self.items.setPlaceholderText(translate("DashboardPanel",
                                                "case references, comma-separated"))
        self.items.setToolTip(translate("DashboardPanel",
                                        "Only the findings of these recovered items"))
        self.items.setMinimumWidth(ITEMS_WIDTH)
        self.items.setMaximumWidth(360)
        self.after = QLineEdit(INVASION.isoformat())
        self.after.setToolTip(translate(
            "DashboardPanel",
            "The share of components produced after this date (from their date codes)"))
        self.top = QSpinBox(minimum=TOP_RANGE[0], maximum=TOP_RANGE[1], value=DEFAULT_TOP)
        self.top.setToolTip(translate("DashboardPanel",
                                      "How many manufacturers the figure of makers names"))
        self.top.valueChanged.connect(lambda _v: self._timer.start())
        for widget in (self.recovered_from, self.recovered_to, self.items, self.after):
            widget.editingFinished.connect(self._timer.start)
            if widget is not self.items:
                widget.setPlaceholderText(widget.placeholderText() or
                                         translate("DashboardPanel", "YYYY-MM-DD"))
                widget.setMaximumWidth(105)
        return flow_row([QLabel(translate("DashboardPanel", "System type")), self.system],
                        [QLabel(translate("DashboardPanel", "Recovered from")),
                         self.recovered_from, QLabel(translate("DashboardPanel", "to")),
                         self.recovered_to],
                        [QLabel(translate("DashboardPanel", "Items")), self.items],
                        [QLabel(translate("DashboardPanel", "Produced after")), self.after],
                        [QLabel(translate("DashboardPanel", "Top")), self.top])

    # ------------------------------------------------------------------ events
    def _forget(self) -> None:
        self.dashboard = None
        self.grid.set_charts([])
        self.status.clear()

    def _follow(self, changes: Changes) -> None:
        if changes.touches(EVERY_KIND):  # another store: its system types to choose from
            self.context.run(records.names, self.context.store, "system",
                             on_done=self._set_systems)
        self.reload()

    def _set_systems(self, names: list[str]) -> None:
        chosen = self.system.currentText() if self.system.currentIndex() > 0 else ""
        self.system.blockSignals(True)
        self.system.clear()
        self.system.addItem(translate("DashboardPanel", ALL_SYSTEMS))
        self.system.addItems(sorted(set(names), key=str.casefold))
        self.system.setCurrentIndex(max(self.system.findText(chosen), 0) if chosen in names
                                    else 0)
        self.system.blockSignals(False)

    # ------------------------------------------------------------------ figures
    def choice(self) -> dict[str, Any]:
        """What the filter row asks for (dates checked here; names on the worker)."""
        system = self.system.currentText() if self.system.currentIndex() > 0 else ""
        return {"system": system,
                "items": [ref.strip() for ref in self.items.text().split(",") if ref.strip()],
                "recovered_from": _date(self.recovered_from,
                                        translate("DashboardPanel", "Recovered from")),
                "recovered_to": _date(self.recovered_to,
                                      translate("DashboardPanel", "Recovered to")),
                "after": _date(self.after, translate("DashboardPanel", "Produced after"))
                or INVASION,
                "top": self.top.value()}

    def reload(self) -> None:
        """Compute the figures for the filter row on the worker, then draw them."""
        if self.context.store is None:
            return
        try:
            choice = self.choice()
        except ValidationError as error:
            self._set_status(str(error), problem=True)
            return
        self._request += 1
        number, store = self._request, self.context.store
        self._set_status(translate("DashboardPanel", "Computing the figures…"))
        self.context.run(compute, store, choice, modal=False,
                         on_done=lambda dashboard: self._show(number, dashboard),
                         on_error=lambda error, trace: self._failed(number, error, trace))

    def _show(self, number: int, dashboard: Dashboard) -> None:
        if number != self._request:
            return  # a newer request is on its way
        self.dashboard = dashboard
        charts = []
        for figure in dashboard.figures:
            chart = ChartView(figure)
            chart.bar_clicked.connect(self._clicked)
            charts.append(chart)
        self.grid.set_charts(charts)
        self._set_status(_summary(dashboard))
        self.shown.emit(dashboard)

    def _clicked(self, bar: Bar) -> None:
        if bar.filters:
            self.search_requested.emit(dict(bar.filters))
        elif bar.record_id is not None:
            self.open_requested.emit("finding", bar.record_id)

    def _failed(self, number: int, error: BaseException, trace: str) -> None:
        if number != self._request:
            return
        if isinstance(error, KnownError):
            self._set_status(str(error), problem=True)
        else:
            self.context.show_error(error, trace)

    def _set_status(self, text: str, problem: bool = False) -> None:
        self.status.setStyleSheet("color: #d64545;" if problem else "")
        self.status.setText(text)

    def chart(self, name: str) -> ChartView:
        """The chart of the figure called `name`."""
        return next(c for c in self.grid.charts if c.figure.name == name)


def _date(line: QLineEdit, label: str) -> date | None:
    text = line.text().strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(label, translate("DashboardPanel",
                                               "{text} is not a date (YYYY-MM-DD)").format(
            text=repr(text[:20]))) from None


def _summary(dashboard: Dashboard) -> str:
    findings, items = dashboard.findings, dashboard.items
    counted = (translate("DashboardPanel", "{findings} finding in {items}") if findings == 1
               else translate("DashboardPanel", "{findings} findings in {items}"))
    items_text = (translate("DashboardPanel", "{count} recovered item") if items == 1
                  else translate("DashboardPanel", "{count} recovered items"))
    text = translate("DashboardPanel",
                     "{counted}; withdrawn evidence is not counted. Point at a bar for its "
                     "numbers; click it to list its findings.").format(
        counted=counted.format(findings=f"{findings:,}",
                               items=items_text.format(count=f"{items:,}")))
    if dashboard.figures:
        return text
    return translate("DashboardPanel", "{text} No figures for these filters.").format(text=text)
