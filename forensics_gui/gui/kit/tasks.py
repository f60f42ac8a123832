"""Every store call runs on one background worker; results come back to the main thread.

A progress dialog appears only for work that lasts longer than PROGRESS_DELAY_MS, and long
work can be cancelled: the task function receives a `TaskControl` to report progress and to
ask whether the user cancelled. Work the window should stay usable through (opening a store,
loading the demo data) runs with `modal=False`: no dialog, its label and progress go to
`activity`, which the status bar shows.
"""

from __future__ import annotations

import queue
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from forensics_gui.gui.kit.i18n import translate

PROGRESS_DELAY_MS = 600


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


@dataclass
class TaskControl:
    """Handed to long tasks: report progress, notice cancellation."""

    cancelled: bool = False
    _report: Callable[[int, int, str], None] = field(default=lambda done, total, text: None)

    def report(self, done: int, total: int, text: str = "") -> None:
        """Tell the user how far the task is (shown in the progress dialog)."""
        self._report(done, total, text)

    def check(self) -> None:
        """Stop the task here if the user cancelled it."""
        if self.cancelled:
            raise Cancelled()


@dataclass(eq=False)
class Task:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException, str], None] | None
    label: str
    wants_control: bool
    modal: bool = True
    control: TaskControl = field(default_factory=TaskControl)
    dialog: QProgressDialog | None = None
    finished: bool = False


class _Worker(QThread):
    done = Signal(object, object)
    failed = Signal(object, object, str)
    progressed = Signal(object, int, int, str)
    started_task = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.tasks: queue.Queue[Task | None] = queue.Queue()

    def run(self) -> None:
        while (task := self.tasks.get()) is not None:
            self.started_task.emit(task)
            try:
                if task.wants_control:
                    task.control._report = lambda d, t, s, task=task: self.progressed.emit(
                        task, d, t, s)
                    result = task.fn(*task.args, control=task.control)
                else:
                    result = task.fn(*task.args)
            except BaseException as error:  # handed to the main thread, shown there
                self.failed.emit(task, error, traceback.format_exc())
            else:
                # Wrapped: a bare None crossing threads in a queued signal upsets PySide's
                # reference counting.
                self.done.emit(task, [result])


class TaskRunner(QObject):
    """Runs functions on the one store worker thread; callbacks run on the main thread."""

    busy_changed = Signal(bool)
    activity = Signal(str, int, int)  # what a labelled task is doing, done, total ("" when idle)

    def __init__(self, parent_widget: Callable[[], QWidget | None],
                 default_error: Callable[[BaseException, str], None]) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._default_error = default_error
        self._pending = 0
        self._worker = _Worker()
        self._worker.done.connect(self._finish)
        self._worker.failed.connect(self._fail)
        self._worker.progressed.connect(self._progress)
        self._worker.started_task.connect(self._arm_dialog)
        self._worker.start()

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException, str], None] | None = None, label: str = "",
            control: bool = False, modal: bool = True) -> Task:
        """Queue `fn(*args)`; `control=True` passes a TaskControl as keyword `control`;
        `modal=False` reports in the status bar instead of a dialog that blocks the window."""
        task = Task(fn, args, on_done, on_error, label, control, modal)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._worker.tasks.put(task)
        return task

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def _arm_dialog(self, task: Task) -> None:
        if task.label:
            self.activity.emit(task.label, 0, 0)
        if task.label and task.modal:
            QTimer.singleShot(PROGRESS_DELAY_MS, lambda: self._show_dialog(task))

    def _show_dialog(self, task: Task) -> None:
        if task.finished or task.dialog is not None:
            return
        dialog = QProgressDialog(task.label,
                                 translate("TaskRunner", "Cancel") if task.wants_control else "",
                                 0, 0, self._parent_widget())
        dialog.setWindowTitle(translate("TaskRunner", "Working"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        if not task.wants_control:
            dialog.setCancelButton(None)
        dialog.canceled.connect(lambda: setattr(task.control, "cancelled", True))
        dialog.show()
        task.dialog = dialog

    def _progress(self, task: Task, done: int, total: int, text: str) -> None:
        if task.label:
            self.activity.emit(text or task.label, done, total)
        if task.dialog is not None:
            task.dialog.setMaximum(max(total, 0))
            task.dialog.setValue(min(done, total) if total else 0)
            if text:
                task.dialog.setLabelText(text)

    def _close(self, task: Task) -> None:
        task.finished = True
        if task.label:
            self.activity.emit("", 0, 0)
        if task.dialog is not None:
            task.dialog.hide()
            task.dialog.deleteLater()
            task.dialog = None
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    def _finish(self, task: Task, wrapped: list[Any]) -> None:
        self._close(task)
        if task.on_done is not None:
            task.on_done(wrapped[0])

    def _fail(self, task: Task, error: BaseException, trace: str) -> None:
        self._close(task)
        if isinstance(error, Cancelled):
            return
        (task.on_error or self._default_error)(error, trace)

    def shutdown(self) -> None:
        """Finish queued work and stop the worker thread."""
        self._worker.tasks.put(None)
        self._worker.wait(10_000)
