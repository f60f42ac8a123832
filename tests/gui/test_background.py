"""Background work: the main thread stays free, slow work shows progress and can be
cancelled, and problems are shown as plain messages or, for bugs, with the traceback."""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from forensics_gui.core.errors import StoreLockedError
from forensics_gui.gui.kit import errors
from forensics_gui.gui.kit.tasks import PROGRESS_DELAY_MS, TaskControl
from tests.gui.conftest import settle


def _visible_progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_store_calls_run_off_the_main_thread(qtbot: Any, context: Any) -> None:
    import threading

    seen: list[int] = []
    context.run(lambda: seen.append(threading.get_ident()))
    settle(qtbot, context)
    assert seen and seen[0] != threading.get_ident()


def test_quick_work_shows_no_progress_dialog(qtbot: Any, context: Any) -> None:
    context.run(lambda: time.sleep(0.05), label="Quick")
    settle(qtbot, context)
    qtbot.wait(PROGRESS_DELAY_MS + 100)
    assert not _visible_progress_dialogs()


def test_slow_work_shows_progress_and_can_be_cancelled(qtbot: Any, context: Any) -> None:
    progress: list[int] = []
    finished: list[str] = []

    def slow(control: TaskControl) -> str:
        for step in range(300):
            control.check()
            control.report(step, 300, f"Step {step}")
            progress.append(step)
            time.sleep(0.01)
        return "finished"

    context.run(slow, label="Slow work", control=True, on_done=finished.append)
    qtbot.waitUntil(lambda: bool(_visible_progress_dialogs()), timeout=3_000)
    assert progress[-1] >= PROGRESS_DELAY_MS // 10 - 20  # it was on screen only after ~600 ms
    dialog = _visible_progress_dialogs()[0]
    qtbot.waitUntil(lambda: dialog.labelText().startswith("Step"), timeout=2_000)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert not finished and progress[-1] < 299
    assert not _visible_progress_dialogs()


def test_environment_problems_are_plain_messages(qtbot: Any, answers: Any) -> None:
    errors.show_error(None, StoreLockedError("the store x is locked; wait and try again"))
    assert answers.shown == ["Store is busy: the store x is locked; wait and try again"]


def test_bugs_show_the_traceback_with_a_copy_button(qtbot: Any, monkeypatch: Any) -> None:
    shown: list[errors.BugDialog] = []
    monkeypatch.setattr(errors.BugDialog, "exec", lambda self: shown.append(self) or 0)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as error:
        import traceback

        errors.show_error(None, error, traceback.format_exc())
    assert shown, "no bug dialog"
    shown[0].copy()
    assert "ZeroDivisionError" in QGuiApplication.clipboard().text()
    assert "Traceback" in QGuiApplication.clipboard().text()


@pytest.mark.parametrize("kind", ["item", "finding"])
def test_main_thread_keeps_ticking_during_store_work(qtbot: Any, window: Any, kind: str) -> None:
    ticks: list[float] = []
    from PySide6.QtCore import QTimer

    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    window.show_kind(kind)
    window.context.run(lambda: time.sleep(0.3))  # a slow store call
    window.refresh()
    settle(qtbot, window.context)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 20 and max(gaps) < 0.25
