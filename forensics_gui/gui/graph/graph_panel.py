"""The supply graph page: who sold a part to whom, drawn left to right from the makers to the
end users, filtered by part and period; click a company or an arrow to open its record;
export the picture as PNG or SVG.

The graph is read and laid out on the store worker; the main thread only draws it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.changes import EVERY_KIND, Changes
from forensics_gui.core.errors import KnownError
from forensics_gui.core.graph import MAX_DRAWN_NODES, SupplyGraph, layout_graph, period_text
from forensics_gui.core.graph_layout import Layout
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.briefs.brief_actions import brief_button, brief_for_graph
from forensics_gui.gui.graph.graph_canvas import BACKGROUND, GraphCanvas
from forensics_gui.gui.graph.graph_drawing import Drawn, draw_graph, draw_message
from forensics_gui.gui.graph.graph_export import export_scene
from forensics_gui.gui.graph.graph_scene import EdgeItem
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import graph as graph_service
from forensics_gui.gui.kit.store_follower import StoreFollower

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

ALL_PARTS = QT_TRANSLATE_NOOP("GraphPanel", "All parts")
MAX_NODES = MAX_DRAWN_NODES  # more organizations than this: the user is asked to filter
PNG_SCALE, PNG_MAX_SIDE = 2.0, 16_000
CHANGED_KINDS = ("link", "org", "designation", "part", "hub", "finding")


def load_graph(store: Any, request: dict[str, Any]) -> tuple[SupplyGraph, Layout]:
    """Read the graph and lay it out (runs on the worker)."""
    graph = graph_service.supply_graph(store, **request, max_nodes=MAX_NODES)
    return graph, layout_graph(graph)


class GraphPanel(QWidget):
    """The supply graph with its filters. Emits `open_requested(kind, id)`."""

    open_requested = Signal(str, object)
    shown = Signal(object)  # the SupplyGraph drawn

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.graph: SupplyGraph | None = None
        self.graph_layout = Layout()
        self.drawn = Drawn()
        self.link_menu: QMenu | None = None
        self.organization: str | UUID | None = None
        self.finding: str | UUID | None = None
        self.part_value: str | UUID | None = None
        self._request_number = 0
        self._period_shown = ("", "")
        self.scene = QGraphicsScene(self)
        self.scene.setBackgroundBrush(BACKGROUND)
        self._build()
        # A burst of writes (a link and its sources) redraws once.
        self.follower = StoreFollower(self, context, CHANGED_KINDS, self._follow,
                                      forget=self._forget, delay_ms=300)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_row())
        self.scope_row = self._scope_row()
        layout.addWidget(self.scope_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.canvas = GraphCanvas(self.scene)
        self.canvas.node_clicked.connect(lambda org_id: self.open_requested.emit("org", org_id))
        self.canvas.edge_clicked.connect(self._edge_clicked)
        layout.addWidget(self.canvas, 1)

    def _filter_row(self) -> QVBoxLayout:
        # Two lines, so that the page fits beside the record editor on a laptop screen.
        rows = QVBoxLayout()
        row, tools = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(row)
        rows.addLayout(tools)
        row.addWidget(QLabel(translate("GraphPanel", "Part")))
        self.part = QComboBox()
        self.part.setEditable(True)
        self.part.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.part.setMinimumContentsLength(20)
        self.part.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.part.lineEdit().setPlaceholderText(translate("GraphPanel", "part number"))
        self.part.activated.connect(self._part_chosen)
        self.part.lineEdit().returnPressed.connect(self._part_typed)
        row.addWidget(self.part, 2)
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for label, line in ((translate("GraphPanel", "From"), self.date_from),
                            (translate("GraphPanel", "To"), self.date_to)):
            row.addWidget(QLabel(label))
            line.setPlaceholderText(translate("GraphPanel", "YYYY-MM-DD"))
            line.setMaximumWidth(110)
            line.editingFinished.connect(self._period_edited)
            row.addWidget(line)
        self.undated = QCheckBox(translate("GraphPanel", "Undated links"))
        self.undated.setChecked(True)
        self.undated.setToolTip(translate(
            "GraphPanel", "Links whose date is not recorded stay in the graph, labelled "
            "'undated', even when a period is set (nobody can tell whether they fall inside "
            "it); untick to leave them out."))
        self.undated.toggled.connect(lambda _on: self.reload())
        row.addWidget(self.undated)
        row.addStretch(1)
        self.labels = QCheckBox(translate("GraphPanel", "Dates on arrows"))
        self.labels.setChecked(True)
        self.labels.setToolTip(translate("GraphPanel", "Show the dates (and parts) on the arrows"))
        self.labels.toggled.connect(lambda _on: self._redraw())
        tools.addWidget(self.labels)
        tools.addStretch(1)
        for text, tip, slot in (("−", translate("GraphPanel", "Zoom out"),
                                 lambda: self.canvas.zoom(1 / 1.25)),
                                ("+", translate("GraphPanel", "Zoom in"),
                                 lambda: self.canvas.zoom(1.25)),
                                (translate("GraphPanel", "Fit"),
                                 translate("GraphPanel", "Show the whole graph"),
                                 lambda: self.canvas.fit())):
            button = QToolButton(text=text, toolTip=tip)
            button.clicked.connect(slot)
            tools.addWidget(button)
        self.export_button = QPushButton(translate("GraphPanel", "Export image…"))
        self.export_button.clicked.connect(self.export_dialog)
        tools.addWidget(self.export_button)
        # The dossier of the part or organization shown; the whole store: the sanctions gap.
        self.brief_button = brief_button(self.context, self, lambda: brief_for_graph(
            self.context, self, self.graph))
        tools.addWidget(self.brief_button)
        return rows

    def _scope_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.scope_label = QLabel()
        row.addWidget(self.scope_label)
        clear = QToolButton(text=translate("GraphPanel", "Show all organizations"),
                            toolTip=translate("GraphPanel", "Leave this organization or "
                                                            "finding out of the filter"))
        clear.clicked.connect(lambda: self.show_for())
        row.addWidget(clear)
        row.addStretch(1)
        box.setVisible(False)
        return box

    # ------------------------------------------------------------------ events
    def _forget(self) -> None:
        self.organization = self.finding = self.part_value = None
        self.scope_row.setVisible(False)

    def _follow(self, changes: Changes) -> None:
        if changes.touches(EVERY_KIND):  # another store: its parts to choose from
            self._load_parts()
        self.reload()

    def _period_edited(self) -> None:
        current = (self.date_from.text().strip(), self.date_to.text().strip())
        if current != self._period_shown:
            self.reload()

    # ----------------------------------------------------------------- filters
    def _load_parts(self) -> None:
        self.context.run(graph_service.parts_with_links, self.context.store,
                         on_done=self._fill_parts)

    def _fill_parts(self, parts: list[Any]) -> None:
        self.part.blockSignals(True)
        self.part.clear()
        self.part.addItem(translate("GraphPanel", ALL_PARTS), None)
        for choice in parts:
            links = (translate("GraphPanel", "{count} link") if choice.link_count == 1
                     else translate("GraphPanel", "{count} links")).format(
                count=choice.link_count)
            self.part.addItem(f"{choice.label} ({links})", choice.id)
        completer = QCompleter([self.part.itemText(i) for i in range(self.part.count())], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(lambda _text: self._part_typed())
        self.part.setCompleter(completer)
        self.part.blockSignals(False)
        self._show_part()

    def _show_part(self, number: str = "") -> None:
        """Show the part filter in the box: its entry, or the part number as typed."""
        self.part.blockSignals(True)
        wanted = self.part_value
        if isinstance(wanted, str):  # a part number: its entry, when only one has it
            found = [i for i in range(1, self.part.count())
                     if self.part.itemText(i).casefold().startswith(f"{wanted} ".casefold())]
            index = found[0] if len(found) == 1 else self.part.findText(wanted)
        else:
            index = next((i for i in range(self.part.count())
                          if self.part.itemData(i) == wanted), -1)
        if index >= 0:
            self.part.setCurrentIndex(index)
        elif isinstance(wanted, str):
            self.part.setEditText(wanted)
        elif number:  # a part that no link is recorded for: not in the list
            self.part.setEditText(number)
        self.part.lineEdit().setCursorPosition(0)
        self.part.blockSignals(False)

    def _part_chosen(self, index: int) -> None:
        self.part_value = self.part.itemData(index)
        self.reload()

    def _part_typed(self) -> None:
        text = self.part.currentText().strip()
        index = self.part.findText(text)
        self.part_value = self.part.itemData(index) if index >= 0 else (text or None)
        self.reload()

    def request(self) -> dict[str, Any]:
        """The filters as the graph service takes them."""
        return {"part": self.part_value, "organization": self.organization,
                "finding": self.finding, "date_from": self.date_from.text().strip() or None,
                "date_to": self.date_to.text().strip() or None,
                "include_undated": self.undated.isChecked()}

    def show_for(self, *, part: str | UUID | None = None, organization: str | UUID | None = None,
                 finding: str | UUID | None = None, title: str = "") -> None:
        """Show the graph of a part (id or part number), an organization or a finding (none
        of them: every link); `title` names the organization or finding in the filter."""
        self.organization, self.finding, self.part_value = organization, finding, part
        self._show_part()
        scoped = organization is not None or finding is not None
        around = (translate("GraphPanel", "Only the links around the organization {title}")
                  if organization is not None else
                  translate("GraphPanel", "Only the links around the finding {title}"))
        self.scope_label.setText(around.format(title=title).rstrip() if scoped else "")
        self.scope_row.setVisible(scoped)
        self.reload()

    def set_period(self, date_from: str = "", date_to: str = "") -> None:
        """Limit the graph to links shipped within these dates (YYYY-MM-DD, inclusive)."""
        self.date_from.setText(date_from)
        self.date_to.setText(date_to)
        self.reload()

    # ----------------------------------------------------------------- loading
    def reload(self) -> None:
        """Read the graph again with the current filters (on the worker)."""
        if self.context.store is None:
            return
        self._request_number += 1
        number = self._request_number
        request = self.request()
        self._period_shown = (self.date_from.text().strip(), self.date_to.text().strip())
        self.status.setText(translate("GraphPanel", "Reading the supply graph…"))
        self.context.run(load_graph, self.context.store, request,
                         on_done=lambda result: self._loaded(number, *result),
                         on_error=lambda error, trace: self._failed(number, error, trace),
                         label=translate("GraphPanel", "Drawing the supply graph…"))

    def _loaded(self, number: int, graph: SupplyGraph, layout: Layout) -> None:
        if number != self._request_number:
            return  # the filters changed while this one was read
        self.graph, self.graph_layout = graph, layout
        self._redraw()
        self.canvas.first_view()
        if isinstance(self.part_value, UUID) and graph.title.startswith("part "):
            self._show_part(graph.title.removeprefix("part ").split(" · ")[0])
        self.shown.emit(graph)

    def _failed(self, number: int, error: BaseException, trace: str) -> None:
        if number != self._request_number:
            return
        if isinstance(error, KnownError):
            self.status.setText(  # not translated: the service's message, in red
                f"<span style='color:#B71C1C'>{_html(str(error))}</span>")
            return
        self.context.show_error(error, trace)

    def _redraw(self) -> None:
        graph = self.graph
        if graph is None:
            return
        self.scene.clear()
        self.drawn = Drawn()
        title = translate("GraphPanel", "Supply links — {title}").format(title=graph.title)
        if graph.message:
            draw_message(self.scene, title, graph.message)
            self.status.setText(graph.message)
        else:
            self.drawn = draw_graph(self.scene, graph, self.graph_layout, title=title,
                                    subtitle=self._subtitle(graph),
                                    labels=self.labels.isChecked())
            hidden = self.drawn.hidden_labels
            left_out = (translate("GraphPanel", " · {count} date label left out where it "
                                                "would cover others (point at an arrow to see "
                                                "its links)") if hidden == 1 else
                        translate("GraphPanel", " · {count} date labels left out where they "
                                                "would cover others (point at an arrow to see "
                                                "its links)"))
            self.status.setText(self._subtitle(graph) +
                                (left_out.format(count=hidden) if hidden else ""))
        rect = self.scene.itemsBoundingRect()
        self.scene.setSceneRect(rect.adjusted(-40, -40, 40, 40))

    @staticmethod
    def _subtitle(graph: SupplyGraph) -> str:
        period = period_text(graph.scope, lambda text: translate("graph", text))
        facts = [period.capitalize()] if period else []
        organizations = (translate("GraphPanel", "{count} organization")
                         if len(graph.nodes) == 1 else
                         translate("GraphPanel", "{count} organizations"))
        links = (translate("GraphPanel", "{count} supply link") if len(graph.edges) == 1
                 else translate("GraphPanel", "{count} supply links"))
        facts.append(translate("GraphPanel", "{organizations}, {links}").format(
            organizations=organizations.format(count=len(graph.nodes)),
            links=links.format(count=len(graph.edges))))
        if graph.undated:
            facts.append(translate("GraphPanel", "{count} undated (shown)").format(
                count=graph.undated))
        elif not graph.scope.include_undated:
            facts.append(translate("GraphPanel", "undated links left out"))
        if graph.self_links:
            facts.append(translate("GraphPanel", "{count} from a company to itself (not drawn)")
                         .format(count=graph.self_links))
        return " · ".join(facts)

    # ------------------------------------------------------------------ clicks
    def _edge_clicked(self, item: EdgeItem, where: QPoint) -> None:
        links = item.bundle.links
        if len(links) == 1:
            self.open_requested.emit("link", links[0].id)
            return
        menu = QMenu(self)
        for link in links:
            when = (link.shipped_on.isoformat() if link.shipped_on
                    else translate("GraphPanel", "undated"))
            part = link.part_number or translate("GraphPanel", "no part")
            text = f"{when} · {part} · {link.status}"
            menu.addAction(text, lambda i=link.id: self.open_requested.emit("link", i))
        menu.popup(where)
        self.link_menu = menu

    # ------------------------------------------------------------------ export
    def export_dialog(self) -> None:
        """Ask where to save the picture, then save it."""
        path, _filter = QFileDialog.getSaveFileName(
            self, translate("GraphPanel", "Export the supply graph"), "supply-graph.png",
            translate("GraphPanel", "PNG image (*.png);;SVG drawing (*.svg)"))
        if not path:
            return
        try:
            self.export_image(path)
        except KnownError as error:
            QMessageBox.warning(self, translate("GraphPanel", "Cannot export"), str(error))

    def export_image(self, path: str | Path) -> Path:
        """Save the drawing as PNG or SVG (by the file's suffix), replacing the file whole."""
        return export_scene(self.scene, path, title=self.graph.title if self.graph else "")


def show_supply_graph(context: AppContext, *, part: str | UUID | None = None,
                      organization: str | UUID | None = None,
                      finding: str | UUID | None = None, title: str = "") -> None:
    """Open the supply graph page of the main window for a part, an organization or a
    finding (for editors and panels that offer "Show supply graph")."""
    window = context.main_window
    if window is not None and hasattr(window, "show_graph"):
        window.show_graph(part=part, organization=organization, finding=finding, title=title)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
