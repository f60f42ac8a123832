"""The first start: the store is created and the demo data loaded while the window shows what
is happening, step by step, and stays usable."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QProgressDialog

from forensics_gui.gui.kit.context import AppContext
from forensics_gui.gui.mainwindow.main_window import PLACEHOLDER, MainWindow
from forensics_gui.services import demo


def test_the_demo_load_is_shown_step_by_step_and_the_window_stays_usable(
        qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    slow = demo._load_finding

    def load_slowly(loader: Any, row: Any) -> None:  # as on a slow laptop's first start
        time.sleep(0.04)
        slow(loader, row)

    monkeypatch.setattr(demo, "_load_finding", load_slowly)
    context = AppContext(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    said: list[tuple[str, int, int]] = []
    context.runner.activity.connect(lambda text, done, total: said.append((text, done, total)))
    seen_while_loading: list[tuple[str, bool, str]] = []
    window.store_menu.open(str(tmp_path / "first.sqlite"), create=True, demo_if_empty=True)

    def look() -> bool:
        if context.store is None:
            modal = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QProgressDialog) and w.isVisible()]
            assert not modal, "no dialog may block the window while the store opens"
            seen_while_loading.append((window.busy.text(), window.progress.isVisible(),
                                       window.placeholder.text()))
            # The window answers meanwhile: another page can be chosen.
            window.show_kind("part" if window.current_kind() == "item" else "item")
        return context.store is not None

    qtbot.waitUntil(look, timeout=20_000)
    texts = [text for text, _, _ in said]
    assert texts[0] == "Opening the store…"
    assert "Step 1 of 3: opening the store (its tables are created or upgraded if needed)…" \
        in texts
    assert "Step 2 of 3: loading the demo data: component findings (22 of 22)…" in texts
    assert "Step 3 of 3: reading what the store holds…" in texts
    done = [d for _, d, t in said if t]
    assert done == sorted(done) and said[-1] == ("", 0, 0), "progress only goes forward"
    assert any(busy.startswith("Step 2 of 3: loading the demo data") and bar and
               placeholder.startswith("Step 2 of 3") for busy, bar, placeholder in
               seen_while_loading), seen_while_loading
    qtbot.waitUntil(lambda: not context.runner.busy)
    assert window.busy.text() == "" and not window.progress.isVisible()
    assert window.placeholder.text() == PLACEHOLDER
    window.show_kind("item")
    qtbot.waitUntil(lambda: window.current_table().model.rowCount() == 6)
    context.shutdown()
    context.store.close()
