"""The Qt binding in use keeps Python's reference counts right (6.12.0 did not)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_signals_does_not_lose_references() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit(None)
    assert (sys.getrefcount(True), sys.getrefcount(None)) == (before[0], before[1] + 200)
    assert len(received) == 200
