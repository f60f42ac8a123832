"""The window fits a 1280x800 screen in Ukrainian (longer words than English) and in English:
every page of the navigator, and a record of every kind open in the editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from forensics_gui.gui.kit.context import AppContext
from forensics_gui.gui.mainwindow.main_window import NAVIGATION, MainWindow
from forensics_gui.services import records
from tests.gui.conftest import install_language, settle

SCREEN = (1280, 800)


@pytest.fixture(params=["uk", "en"])
def language(request: Any, qapp: Any, tmp_path: Path) -> Iterator[str]:
    """The interface in each language; English again afterwards, for the other tests."""
    assert install_language(tmp_path, request.param) == request.param
    yield request.param
    install_language(tmp_path, "en")


def _fits(qtbot: Any, window: MainWindow, where: str) -> None:
    settle(qtbot, window.context)
    qtbot.wait(10)
    wanted = window.minimumSizeHint().width()
    assert wanted <= SCREEN[0], f"{where}: the window needs {wanted} px"
    window.resize(*SCREEN)
    qtbot.wait(10)
    assert window.width() == SCREEN[0], f"{where}: the window is {window.width()} px wide"


def test_every_page_and_editor_fits_a_laptop_screen(qtbot: Any, language: str,
                                                    context: AppContext) -> None:
    # The demo store has no rule and no sanctions designation of its own.
    records.create(context.store, "rule", {"pattern": "ZQX9", "maker": "Canon",
                                           "confidence": "high"})
    records.create(context.store, "designation", {
        "organization_id": records.names(context.store, "org")[0], "authority": "UK",
        "listed_on": "2024-01-05"})
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.resize(*SCREEN)
    for row in range(window.navigator.count()):
        window.navigator.setCurrentRow(row)
        _fits(qtbot, window, f"page {window.navigator.item(row).text()!r}")
    for kind in NAVIGATION:
        window.show_kind(kind)
        table = window.current_table()
        settle(qtbot, context)
        qtbot.waitUntil(lambda t=table: t.select_row(0) is not None)
        window.show_record(kind, table.select_row(0))
        _fits(qtbot, window, f"a {kind} open")
    window.show_screening()
    _fits(qtbot, window, "screening with a record open")
