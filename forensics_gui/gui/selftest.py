"""`forensics-gui --self-test FOLDER`: the desktop client, started as a user would start it,
does a user's first task and exits: it opens (creating) the store `FOLDER/self-test.sqlite`,
loads the demo data when the store is empty, waits until its window shows the first rows,
writes a teardown brief of the first recovered item to `FOLDER/brief.pdf` (unless
`--no-brief`), closes its window and exits.

It prints one JSON line: when the window became usable (`usable_at`, seconds since the epoch,
for the caller to subtract its own start time), the items shown, and the brief's path and
pages, and how many font families Qt found; it leaves a picture of the window in
`FOLDER/window.png`. Used to try a bundle on a clean system (installer/build_bundle.py);
exit code 1 and the reason on standard error when anything fails or takes more than
`LIMIT_S`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from forensics_gui.gui.kit import lazy

LIMIT_S = 150


class SelfTest(QObject):
    """Drives the window through the task and records what happened."""

    def __init__(self, app: QApplication, folder: Path, brief: bool) -> None:
        super().__init__()
        from forensics_gui.gui.kit.context import AppContext
        from forensics_gui.gui.mainwindow.main_window import MainWindow

        self.app, self.folder, self.brief = app, folder, brief
        folder.mkdir(parents=True, exist_ok=True)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        test = self

        class Context(AppContext):
            def show_error(self, error: BaseException, trace: str = "") -> None:
                test._fail(f"{error}\n{trace}".strip())  # no dialog waits for a click

        self.context = Context(settings)
        self.window = MainWindow(self.context)
        self.report: dict[str, Any] = {}
        self.failure = ""

    def start(self) -> None:
        self.window.show()
        self.window.store_menu.open(str(self.folder / "self-test.sqlite"), create=True,
                                    demo_if_empty=True)
        QTimer.singleShot(0, self._wait_for_rows)
        QTimer.singleShot(LIMIT_S * 1000, lambda: self._fail(f"not done after {LIMIT_S} s"))

    def _wait_for_rows(self) -> None:
        table = self.window.tables.get("item")
        if table is not None and table.model.rowCount() and table.model.record_at(0) is not None:
            table.view.viewport().installEventFilter(self)
            table.view.viewport().update()
        else:
            QTimer.singleShot(5, self._wait_for_rows)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "usable_at" not in self.report:
            self.report["usable_at"] = time.time()
            self.report["items"] = self.window.tables["item"].model.rowCount()
            self.report["fonts"] = len(QFontDatabase.families())
            QTimer.singleShot(0, lambda: self.window.grab().save(str(self.folder /
                                                                      "window.png")))
            QTimer.singleShot(0, self._write_brief if self.brief else self._finish)
        return False

    def _write_brief(self) -> None:
        table = self.window.tables["item"]
        item = table.model.record_at(0)
        target = self.folder / "brief.pdf"
        self.context.run(_teardown_brief, self.context.store, item.case_reference, target,
                         on_done=self._brief_written)

    def _brief_written(self, result: Any) -> None:
        self.report["brief"] = str(result.path)
        self.report["pages"] = result.pages
        self._finish()

    def _fail(self, reason: str) -> None:
        if not self.failure and "done" not in self.report:
            self.failure = reason
            self.app.exit(1)

    def _finish(self) -> None:
        self.report["done"] = True
        self.window.close()
        self.app.exit(0)


def _teardown_brief(store: Any, case_reference: str, target: Path) -> Any:
    return lazy.briefs.write(store, "teardown", case_reference, target)


def run(app: QApplication, folder: str, *, brief: bool = True) -> int:
    """Run the self-test; returns the exit code."""
    test = SelfTest(app, Path(folder).resolve(), brief)
    test.start()
    code = app.exec()
    test.context.shutdown()
    if code or test.failure or "done" not in test.report:
        print(f"self-test failed: {test.failure or 'the window closed early'}",
              file=sys.stderr)
        return 1
    test.report.pop("done")
    print(json.dumps(test.report), flush=True)
    return 0
