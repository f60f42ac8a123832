"""A box saying where else a part, a maker, a company's parts or a finding's part has been
found: the counts, the findings themselves (each opens, with its item) and the search that
lists them all."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import search

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

SEEN_KINDS = ("part", "org", "finding")
OPENED_KINDS = ("finding", "item")
SHOWN_ENTRIES = 5  # findings named in the box; "Show all in Search" lists the others


def seen_words(text: str) -> str:
    """The fixed words the services put in the box (what was looked for, what was counted)
    in the interface's language."""
    return translate("seen_before", text)


def describe_seen(seen: Any) -> str:
    """The box's first lines: what was looked for, and in how many findings, items and
    system types it was found."""
    subject = _escape(seen.subject[:1].upper() + seen.subject[1:])
    if not seen.findings:
        return f"<b>{subject}</b>: " + _escape(translate("seen_before",
                                                         "no finding recorded yet."))
    findings = (translate("seen_before", "{count} finding") if seen.findings == 1
                else translate("seen_before", "{count} findings")).format(count=seen.findings)
    items = (translate("seen_before", "{count} item") if seen.items == 1
             else translate("seen_before", "{count} items")).format(count=seen.items)
    systems = (translate("seen_before", "{count} system type") if seen.systems == 1
               else translate("seen_before", "{count} system types")).format(count=seen.systems)
    return f"<b>{subject}</b><br>" + _escape(translate(
        "seen_before", "{findings} in {items} of {systems}: {names}").format(
        findings=findings, items=items, systems=systems, names=", ".join(seen.system_names)))


def describe_dates(seen: Any) -> str:
    """The box's last lines: first and last recovery and production, and what was
    counted."""
    counted = f"<br><span style='color: #6B7280'>{_escape(seen.counted)}</span>" \
        if seen.counted else ""
    if not seen.findings:
        return counted.removeprefix("<br>")
    return _escape(translate("seen_before", "Recovered: {recovered} · produced: {produced}")
                   .format(recovered=_span(seen.first_recovered, seen.last_recovered),
                           produced=_span(seen.first_produced, seen.last_produced))) + counted


def describe_entries(seen: Any, most: int = SHOWN_ENTRIES) -> str:
    """The findings counted (the first `most`), each a link to the finding and one to its
    item."""
    lines = []
    for entry in seen.entries[:most]:
        facts = [_escape(entry.system)] if entry.system else []
        facts += [_escape(translate("seen_before", "recovered {date}").format(
            date=entry.recovered_on))] if entry.recovered_on else []
        finding = f"<a href='finding:{entry.finding_id}'>{_escape(entry.title)}</a>"
        item = f"<a href='item:{entry.item_id}'>{_escape(entry.case_reference)}</a>"
        lines.append("• " + _escape(translate("seen_before", "{finding} in {item}")).format(
            finding=finding, item=item) + (f" ({', '.join(facts)})" if facts else ""))
    more = seen.findings - len(seen.entries[:most])
    if lines and more > 0:
        lines.append(_escape(translate("seen_before", "…and {count} more").format(count=more)))
    return "<br>".join(lines)


def _span(first: Any, last: Any) -> str:
    if first is None:
        return translate("seen_before", "unknown")
    return str(first) if first == last else translate("seen_before", "{first} to {last}").format(
        first=first, last=last)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SeenBeforeBox(QGroupBox):
    """Filled on the worker for the record shown; answers for older records are dropped.

    Emits `open_requested(kind, id)` when a finding or an item is clicked, and
    `search_requested({"text": ..., "filters": {...}})` for "Show all in Search"."""

    open_requested = Signal(str, object)
    search_requested = Signal(dict)
    filled = Signal()  # an answer is shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("seen_before", "Seen before"), parent)
        self.context = context
        self._asked: tuple[str, Any] | None = None
        self.seen: Any = None
        layout = QVBoxLayout(self)
        self.text = self._label()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entries = self._label()
        self.entries.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.entries.linkActivated.connect(self._open)
        self.dates = self._label()
        self.dates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        for label in (self.text, self.entries, self.dates):  # the findings before the dates
            column.addWidget(label)
        column.addStretch(1)
        self.scroll = scroll = QScrollArea()  # a long list scrolls, the form keeps its room
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setMinimumHeight(2 * self.fontMetrics().height())  # the rest scrolls
        scroll.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.search_button = QPushButton(translate("seen_before", "Show all in Search"))
        self.search_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.search_button.clicked.connect(self.show_in_search)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        self.clear()

    @staticmethod
    def _label() -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    def clear(self) -> None:
        self._asked, self.seen = None, None
        self.text.setText(translate("seen_before", "Open a part, a finding or an organization "
                                                   "to see where else it was found."))
        for label in (self.entries, self.dates):
            label.clear()
            label.hide()
        self.search_button.hide()

    def show_for(self, kind: str, record_id: Any) -> None:
        if kind not in SEEN_KINDS or record_id is None or self.context.store is None:
            self.clear()
            return
        asked = self._asked = (kind, record_id)
        self.text.setText(translate("seen_before", "Looking…"))
        self.entries.hide()
        self.dates.hide()
        self.search_button.hide()
        self.context.run(partial(search.seen_before, words=seen_words), self.context.store,
                         kind, record_id,
                         on_done=lambda seen: self._shown(asked, seen),
                         on_error=lambda error, _trace: self._failed(asked, error))

    def _shown(self, asked: tuple[str, Any], seen: Any) -> None:
        if asked != self._asked:
            return
        self.seen = seen
        self.text.setText(describe_seen(seen))
        self.entries.setText(describe_entries(seen))
        self.entries.setVisible(bool(seen.entries))
        self.dates.setText(describe_dates(seen))
        self.dates.setVisible(bool(self.dates.text()))
        self.search_button.setVisible(bool(seen.search) and seen.findings > 0)
        self.search_button.setText(_search_text(seen))
        self.search_button.setToolTip(_search_tip(seen.search))
        self.filled.emit()

    def wanted_height(self) -> int:
        """The height that shows everything without scrolling."""
        content = self.scroll.widget()
        content.adjustSize()
        return self.height() - self.scroll.viewport().height() + \
            content.heightForWidth(self.scroll.viewport().width())

    def _failed(self, asked: tuple[str, Any], error: BaseException) -> None:
        if asked == self._asked:
            self.text.setText(_escape(str(error)))

    def _open(self, link: str) -> None:
        kind, _, record_id = link.partition(":")
        if kind in OPENED_KINDS:
            self.open_requested.emit(kind, UUID(record_id))

    def show_in_search(self) -> None:
        """Ask for the search page listing every finding counted here."""
        if self.seen is not None and self.seen.search:
            self.search_requested.emit(dict(self.seen.search))


def _search_text(seen: Any) -> str:
    """The button's words: a filter lists exactly the findings counted; a part number or a
    marking is searched as text (the findings whose marking reads it, and the part)."""
    if seen.search.get("filters"):
        return translate("seen_before", "Show all {count} in Search").format(
            count=seen.findings) if seen.findings > 1 else translate("seen_before",
                                                                     "Show in Search")
    return translate("seen_before", "Search for “{text}”").format(
        text=seen.search.get("text", "")[:40])


def _search_tip(request: dict[str, Any]) -> str:
    if request.get("filters", {}).get("manufacturer_id"):
        return translate("seen_before", "Search with the maker filter {maker} (its "
                                        "predecessors included)").format(
            maker=repr(request["filters"]["manufacturer_id"]))
    return translate("seen_before", "Search for {text}").format(
        text=repr(request.get("text", ""))) if request else ""
