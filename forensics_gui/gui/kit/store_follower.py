"""Keeps a page in step with the open store: one wiring for every page that shows records.

A page names the kinds of record it shows and how it refreshes. Opening another store and
every committed write that touches those kinds (from this page, another page, or another
caller of the store) refresh it: at once while it is on screen, otherwise the next time it is
shown, so that hidden pages do not hold up the worker. A small box inside an editor may
ask to refresh even while hidden (`gated=False`), so that it is current when its editor
comes back.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from forensics_gui.core.changes import EVERYTHING, Changes
from forensics_gui.gui.kit.show_gate import ShowGate

if TYPE_CHECKING:
    from forensics_gui.gui.kit.context import AppContext


class StoreFollower(QObject):
    """Calls `refresh(changes)` when a write touches `kinds` (None: any kind), and
    `refresh(EVERYTHING)` when a store is opened, after `forget()`, which runs at once: what
    belonged to the previous store must not stay on screen. `delay_ms` gathers a burst of
    writes into one refresh."""

    def __init__(self, page: QWidget, context: AppContext, kinds: Collection[str] | None,
                 refresh: Callable[[Changes], None], *,
                 forget: Callable[[], None] | None = None, delay_ms: int = 0,
                 gated: bool = True) -> None:
        super().__init__(page)
        self.kinds = None if kinds is None else tuple(kinds)
        self._refresh = refresh
        self._forget = forget
        self._gated = gated
        self._pending: Changes | None = None
        self._gate = ShowGate(page, self._run)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._gate.request if gated else self._run)
        context.store_opened.connect(lambda _summary: self._store_opened())
        context.records_changed.connect(self._records_changed)
        if context.store is not None:
            self._store_opened()

    @property
    def waiting(self) -> bool:
        """Whether a refresh waits for the page to be shown."""
        return self._gate.stale

    def _store_opened(self) -> None:
        if self._forget is not None:
            self._forget()
        self._pending = EVERYTHING
        self._timer.stop()
        if self._gated:
            self._gate.request()
        else:
            self._run()

    def _records_changed(self, changes: Changes) -> None:
        if self.kinds is None or changes.touches(*self.kinds):
            self._pending = changes if self._pending is None else self._pending | changes
            self._timer.start()

    def _run(self) -> None:
        changes, self._pending = self._pending, None
        if changes is not None:
            self._refresh(changes)
