"""A box saying where else a part, a maker or a finding's part has been found."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from forensics_gui.gui.kit.lazy import search

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

SEEN_KINDS = ("part", "org", "finding")


def describe_seen(seen: Any) -> str:
    """The box's text: counts, systems, and first and last dates."""
    if not seen.findings:
        return f"{seen.subject}: not found in any recovered item yet."
    plural = {True: "s", False: ""}
    lines = [f"<b>{_escape(seen.subject)}</b>",
             f"{seen.findings} finding{plural[seen.findings != 1]} in {seen.items} "
             f"item{plural[seen.items != 1]} of {seen.systems} system "
             f"type{plural[seen.systems != 1]}: {_escape(', '.join(seen.system_names))}",
             f"Recovered: {_span(seen.first_recovered, seen.last_recovered)}",
             f"Produced: {_span(seen.first_produced, seen.last_produced)}"]
    return "<br>".join(lines)


def _span(first: Any, last: Any) -> str:
    if first is None:
        return "unknown"
    return str(first) if first == last else f"{first} to {last}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SeenBeforeBox(QGroupBox):
    """Filled on the worker for the record shown; answers for older records are dropped."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Seen before", parent)
        self.context = context
        self._asked: tuple[str, Any] | None = None
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.clear()

    def clear(self) -> None:
        self._asked = None
        self.text.setText("Select a part, a finding or a maker to see where else it was found.")

    def show_for(self, kind: str, record_id: Any) -> None:
        if kind not in SEEN_KINDS or record_id is None or self.context.store is None:
            self.clear()
            return
        asked = self._asked = (kind, record_id)
        self.text.setText("Looking…")
        self.context.run(search.seen_before, self.context.store, kind, record_id,
                         on_done=lambda seen: self._shown(asked, seen),
                         on_error=lambda error, _trace: self._failed(asked, error))

    def _shown(self, asked: tuple[str, Any], seen: Any) -> None:
        if asked == self._asked:
            self.text.setText(describe_seen(seen))

    def _failed(self, asked: tuple[str, Any], error: BaseException) -> None:
        if asked == self._asked:
            self.text.setText(_escape(str(error)))
