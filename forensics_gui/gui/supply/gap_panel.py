"""The sanctions gap: parts whose chains pass through no designated company, and the companies
on those chains, with the evidence behind every link. Double-click anything to open it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.chains import chain_summary, party_label
from forensics_gui.core.errors import ValidationError
from forensics_gui.gui.briefs.brief_actions import brief_button
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import gap, supply
from forensics_gui.gui.supply.chains_panel import (
    COLUMNS,
    ROLE_ID,
    ROLE_KIND,
    SOURCES_WIDTH,
    period_row,
    step_item,
)
from forensics_gui.gui.supply.timing import chain_words

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext


def _record_item(texts: list[str], kind: str, record_id: Any, bold: bool = False
                 ) -> QTreeWidgetItem:
    item = QTreeWidgetItem(texts)
    item.setData(0, ROLE_KIND, kind)
    item.setData(0, ROLE_ID, record_id)
    tips = {"org": translate("GapPanel", "Double-click to open the organization"),
            "part": translate("GapPanel", "Double-click to open the part"),
            "finding": translate("GapPanel", "Double-click to open the finding")}
    item.setToolTip(0, tips.get(kind) or translate("GapPanel", "Double-click to open the {kind}")
                    .format(kind=kind))
    if bold:
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
    return item


def _group(title: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem([title])
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    return item


def _span_headings(item: QTreeWidgetItem) -> None:
    """Headings (parts, companies, chains) run across the columns; links keep theirs."""
    if item.data(0, ROLE_KIND) != "link":
        item.setFirstColumnSpanned(True)
        for index in range(item.childCount()):
            _span_headings(item.child(index))


def part_item(part: Any, today: Any) -> QTreeWidgetItem:
    """A part, its chains in the gap, and their steps."""
    maker = (f" — {party_label(part.manufacturer, today, chain_words)}" if part.manufacturer
             else "")
    count = len(part.chains)
    chains = (translate("GapPanel", "{count} chain") if count == 1
              else translate("GapPanel", "{count} chains")).format(count=count)
    item = _record_item([f"{part.label}{maker} · {chains}"], part.kind, part.id, bold=True)
    for number, chain in enumerate(part.chains, 1):
        child = QTreeWidgetItem([f"#{number}  {chain_summary(chain, chain_words)}"])
        for step in chain.steps:
            child.addChild(step_item(step, today))
        item.addChild(child)
    return item


def org_item(org: Any, today: Any) -> QTreeWidgetItem:
    """A company designated nowhere, the parts it carried, and its links with their evidence."""
    count = len(org.links)
    links = (translate("GapPanel", "{count} link") if count == 1
             else translate("GapPanel", "{count} links")).format(count=count)
    on_chains = translate("GapPanel", "on chains of {parts}").format(
        parts=", ".join(org.subjects))
    item = _record_item([f"{party_label(org.party, today, chain_words)} · {on_chains} · "
                         f"{links}"],
                        "org", org.party.id, bold=True)
    for view in org.links:
        item.addChild(step_item(view, today))
    return item


class GapPanel(QWidget):
    """Looks when asked (Refresh); the search may take a while on a large store."""

    open_requested = Signal(str, object)  # kind, id
    shown = Signal(object)  # the gap

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.result: Any = None
        layout = QVBoxLayout(self)
        explanation = QLabel(translate(
            "GapPanel",
            "Parts whose probable chains to a Russian importer or end user pass through no "
            "company designated today (the manufacturer apart), and the companies on those "
            "chains with the evidence behind each link."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addLayout(self._controls())
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([translate("GapPanel", "Part, company, chain or link"),
                                   *(translate("ChainsPanel", column) for column in COLUMNS[1:])])
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def _controls(self) -> QHBoxLayout:
        row, self.period_from, self.period_to, self.refresh_button = period_row(
            translate("GapPanel", "Refresh"), self.refresh)
        self.brief_button = brief_button(self.context, self, lambda: (
            "gap", "", (self.period_from.text().strip(), self.period_to.text().strip())))
        row.addWidget(self.brief_button)
        return row

    def refresh(self) -> None:
        """Examine every part with links again (in the background; it can be cancelled)."""
        self.refresh_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(translate("GapPanel", "Examining the supply chains…"))
        self.context.run(_gap, self.context.store, self.period_from.text(),
                         self.period_to.text(), on_done=self._show, on_error=self._failed,
                         label=translate("GapPanel", "Looking for the sanctions gap…"),
                         control=True)

    def _show(self, result: Any) -> None:
        self.refresh_button.setEnabled(True)
        self.result = result
        today = supply.today()
        self.tree.clear()
        parts = _group(translate("GapPanel",
                                 "Parts with chains through no designated company ({count})")
                       .format(count=len(result.parts)))
        for part in result.parts:
            parts.addChild(part_item(part, today))
        orgs = _group(translate("GapPanel", "Companies designated nowhere on those chains "
                                            "({count})").format(count=len(result.organizations)))
        for org in result.organizations:
            orgs.addChild(org_item(org, today))
        self.tree.addTopLevelItems([parts, orgs])
        for group in (parts, orgs):
            _span_headings(group)  # only once in the tree
            group.setExpanded(True)
        self.tree.expandToDepth(1)
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 520))
        self.tree.setColumnWidth(3, min(self.tree.columnWidth(3), SOURCES_WIDTH))
        examined = (translate("GapPanel", "{count} part with supply links examined")
                    if result.subjects_examined == 1 else
                    translate("GapPanel", "{count} parts with supply links examined"))
        lines = [examined.format(count=result.subjects_examined), *result.notices,
                 *result.cut_short]
        self.status.setText("\n".join(lines))
        self.shown.emit(result)

    def _failed(self, error: BaseException, trace: str) -> None:
        self.refresh_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.status.setStyleSheet("color: #d64545;")
            self.status.setText(str(error))
            return
        self.status.setText("")
        self.context.show_error(error, trace)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, ROLE_KIND)
        if kind:
            self.open_requested.emit(kind, item.data(0, ROLE_ID))


def _gap(store: Any, start: str, end: str, control: Any = None) -> Any:
    return gap.sanctions_gap(store, period_from=start.strip() or None,
                             period_to=end.strip() or None, control=control)


class GapDialog(QDialog):
    """A window holding the gap panel; it looks as soon as it is shown the first time."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GapPanel", "Sanctions gap"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.panel = GapPanel(context, self)
        layout.addWidget(self.panel)
        self.resize(1240, 640)


def show_gap(context: AppContext, parent: QWidget, open_record: Callable[[str, Any], None]
             ) -> GapDialog:
    """Show the sanctions gap window of `parent` (one per window), refreshed."""
    dialog = getattr(parent, "_gap_dialog", None)
    if dialog is None:
        dialog = GapDialog(context, parent)
        dialog.panel.open_requested.connect(open_record)
        parent._gap_dialog = dialog  # type: ignore[attr-defined]
    dialog.show()
    dialog.raise_()
    dialog.panel.refresh()
    return dialog
