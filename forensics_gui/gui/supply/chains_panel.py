"""Probable supply chains of a part or finding, best first, in a window of their own.

Each chain shows its weakest status, the countries crossed (transshipment hubs marked) and its
evidence; each step shows seller → buyer with their countries, hub and sanctions markers, the
link's date, status, sources and both parties' designation timing. Double-click a step to
open the link.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.chains import chain_summary, party_label
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.briefs.brief_actions import brief_button, brief_for_record
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import supply
from forensics_gui.gui.supply.timing import TIMING_COLOURS, chain_words, shown_timing

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

COLUMNS = (QT_TRANSLATE_NOOP("ChainsPanel", "Chain / step"),
           QT_TRANSLATE_NOOP("ChainsPanel", "Date"), QT_TRANSLATE_NOOP("ChainsPanel", "Status"),
           QT_TRANSLATE_NOOP("ChainsPanel", "Sources"),
           QT_TRANSLATE_NOOP("ChainsPanel", "Designation at the link's date"))
ROLE_KIND = Qt.ItemDataRole.UserRole
ROLE_ID = Qt.ItemDataRole.UserRole + 1
DESIGNATED = "#c0392b"
SOURCES_WIDTH = 300


def step_item(step: Any, today: Any) -> QTreeWidgetItem:
    """One link of a chain: parties with markers, date, status, sources, timing."""
    link = step.link
    sources = ("; ".join(f"{c.title} ({c.grade})" for c in link.citations)
               or translate("ChainsPanel", "no source cited"))
    timing = translate("ChainsPanel", "seller {seller}\nbuyer {buyer}").format(
        seller=shown_timing(step.seller_timing), buyer=shown_timing(step.buyer_timing))
    item = QTreeWidgetItem([
        f"{party_label(step.seller, today, chain_words)}\n"
        f"→ {party_label(step.buyer, today, chain_words)}",
        str(link.shipped_on) if link.shipped_on else translate("ChainsPanel", "undated"),
        link.status, sources.replace("; ", "\n"), timing])
    item.setData(0, ROLE_KIND, "link")
    item.setData(0, ROLE_ID, link.id)
    item.setToolTip(0, translate("ChainsPanel",
                                 "{seller} → {buyer}; double-click to open the link").format(
        seller=step.seller.name, buyer=step.buyer.name))
    item.setToolTip(3, sources)
    item.setToolTip(4, timing)
    states = [t.state for t in (step.seller_timing, step.buyer_timing)]
    flagged = [s for s in ("before", *TIMING_COLOURS) if s in states]
    if flagged:  # designated at the link's date first, then possibly so
        item.setForeground(4, QBrush(QColor(TIMING_COLOURS[flagged[0]])))
    if step.seller.current_listings(today) or step.buyer.current_listings(today):
        item.setForeground(0, QBrush(QColor(DESIGNATED)))
    return item


def chain_item(number: int, chain: Any, today: Any) -> QTreeWidgetItem:
    """A chain's summary with its steps below it."""
    item = QTreeWidgetItem([f"#{number}  {chain_summary(chain, chain_words)}"])
    item.setToolTip(0, " → ".join(p.name for p in chain.parties))
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    for step in chain.steps:
        item.addChild(step_item(step, today))
    return item


def period_row(button_text: str, action: Callable[[], None]
               ) -> tuple[QHBoxLayout, QLineEdit, QLineEdit, QPushButton]:
    """"Links dated from [ ] to [ ] [button]": Enter in either box does what the button does."""
    row = QHBoxLayout()
    start, end = QLineEdit(), QLineEdit()
    for label, box in ((translate("ChainsPanel", "Links dated from"), start),
                       (translate("ChainsPanel", "to"), end)):
        box.setPlaceholderText(translate("ChainsPanel", "YYYY-MM-DD"))
        box.setMaximumWidth(120)
        box.returnPressed.connect(action)
        row.addWidget(QLabel(label))
        row.addWidget(box)
    button = QPushButton(button_text)
    button.clicked.connect(action)
    row.addWidget(button)
    row.addStretch(1)
    return row, start, end, button


class ChainsPanel(QWidget):
    """Ranked chains of one part or finding, with an optional period."""

    open_requested = Signal(str, object)  # kind, id
    shown = Signal(object)  # the report

    def __init__(self, context: AppContext, kind: str, record_id: UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.kind, self.record_id = context, kind, record_id
        self.report: Any = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(translate("ChainsPanel", "Looking for chains…"))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        layout.addLayout(self._period_row())
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([translate("ChainsPanel", column) for column in COLUMNS])
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.notices)

    def _period_row(self) -> QHBoxLayout:
        row, self.period_from, self.period_to, self.find_button = period_row(
            translate("ChainsPanel", "Find chains"), self.run)
        self.brief_button = brief_button(self.context, self, lambda: brief_for_record(
            self.context, self, self.kind, self.record_id,  # the dossier of the part
            (self.period_from.text().strip(), self.period_to.text().strip())))
        row.addWidget(self.brief_button)
        return row

    def run(self) -> None:
        """Look for the chains (again) with the period typed."""
        self.find_button.setEnabled(False)
        self.notices.setStyleSheet("")
        self.context.run(_chains, self.context.store, self.kind, self.record_id,
                         self.period_from.text(), self.period_to.text(),
                         on_done=self._show, on_error=self._failed,
                         label=translate("ChainsPanel", "Looking for supply chains…"))

    def _show(self, report: Any) -> None:
        self.find_button.setEnabled(True)
        self.report = report
        today = supply.today()
        maker = (report.manufacturer.name if report.manufacturer
                 else translate("ChainsPanel", "no manufacturer"))
        count = len(report.chains)
        label = report.subject_label[:1].upper() + report.subject_label[1:]
        heading = (translate("ChainsPanel", "{subject} — from {maker}: {count} probable chain")
                   if count == 1 else
                   translate("ChainsPanel", "{subject} — from {maker}: {count} probable chains"))
        self.heading.setText(heading.format(subject=label, maker=maker, count=count))
        self.tree.clear()
        for number, chain in enumerate(report.chains, 1):
            item = chain_item(number, chain, today)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)  # only once in the tree
        self.tree.expandAll()
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 520))
        self.tree.setColumnWidth(3, min(self.tree.columnWidth(3), SOURCES_WIDTH))
        lines = [*report.notices, *filter(None, [report.cut_short])]
        self.notices.setText("\n".join(lines))
        if report.cut_short:
            self.notices.setStyleSheet("color: #b9770e;")
        self.shown.emit(report)

    def _failed(self, error: BaseException, trace: str) -> None:
        self.find_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.notices.setStyleSheet("color: #d64545;")
            self.notices.setText(str(error))
            (self.period_to if error.field == "to" else self.period_from).setFocus()
            return
        self.context.show_error(error, trace)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, ROLE_KIND)
        if kind:
            self.open_requested.emit(kind, item.data(0, ROLE_ID))


def _chains(store: Any, kind: str, record_id: UUID, start: str, end: str) -> Any:
    return supply.chains_for(store, kind, record_id, period_from=start.strip() or None,
                             period_to=end.strip() or None)


class ChainsDialog(QDialog):
    """A window holding the chains panel; it looks as soon as it is made."""

    def __init__(self, context: AppContext, kind: str, record_id: UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ChainsPanel", "Probable supply chains"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.panel = ChainsPanel(context, kind, record_id, self)
        layout.addWidget(self.panel)
        self.panel.shown.connect(
            lambda report: self.setWindowTitle(translate(
                "ChainsPanel", "Probable supply chains — {subject}").format(
                subject=report.subject_label)))
        self.resize(1180, 560)
        self.panel.run()
