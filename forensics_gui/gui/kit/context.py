"""What every window and widget of the client shares: the open store, the worker, signals."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from forensics_gui.gui.kit.errors import show_error
from forensics_gui.gui.kit.tasks import Task, TaskRunner

SETTINGS_ORG = "forensics-gui"
GC_THRESHOLDS = (700, 10, 10_000)


def quiet_start() -> None:
    """Leave the cyclic collector off while the window is built and the store layers load:
    what they make lives as long as the application, and walking it again and again costs
    a tenth of the start. `settle_garbage_collector` switches it back on."""
    gc.disable()


def settle_garbage_collector() -> None:
    """Keep full garbage collections short: they stop every thread, the main one included.

    Everything loaded so far (Qt, SQLAlchemy, the services) lives as long as the application,
    so it is moved out of the collector's sight; young objects are collected less often.
    """
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    gc.enable()


class AppContext(QObject):
    """Passed explicitly to views and controllers instead of reaching for a global window."""

    store_opened = Signal(object)  # the store summary
    # What committed writes changed (a Changes), from this window or any other caller of the
    # open store; the writes of one moment arrive as one.
    records_changed = Signal(object)
    _committed = Signal(object)  # from whichever thread wrote

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings(SETTINGS_ORG, SETTINGS_ORG)
        self.main_window: QWidget | None = None
        self.runner = TaskRunner(lambda: self.main_window, self.show_error)
        self.store: Any = None
        self.summary: Any = None
        self._pending: Any = None
        self._stop_following: Callable[[], None] = lambda: None
        self._flush = QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self._announce)
        self._committed.connect(self._gather, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException, str], None] | None = None, label: str = "",
            control: bool = False, modal: bool = True) -> Task:
        """Run a store call on the worker; see TaskRunner.run."""
        return self.runner.run(fn, *args, on_done=on_done, on_error=on_error, label=label,
                               control=control, modal=modal)

    def show_error(self, error: BaseException, trace: str = "") -> None:
        """Show a problem to the user in the way that fits it."""
        show_error(self.main_window, error, trace)

    def set_store(self, store: Any, summary: Any) -> None:
        """Make `store` the open store (the previous one is closed on the worker)."""
        settle_garbage_collector()
        previous, self.store, self.summary = self.store, store, summary
        if previous is not store:
            self._stop_following()
            self._stop_following = store.on_commit(self._committed.emit)
        if previous is not None and previous is not store:
            self.run(previous.close)
        self.store_opened.emit(summary)

    def _gather(self, changes: Any) -> None:
        self._pending = changes if self._pending is None else self._pending | changes
        self._flush.start()

    def _announce(self) -> None:
        changes, self._pending = self._pending, None
        if changes:
            self.records_changed.emit(changes)

    def shutdown(self) -> None:
        """Close the store and stop the worker."""
        if self.store is not None:
            self.run(self.store.close)
        self.runner.shutdown()
