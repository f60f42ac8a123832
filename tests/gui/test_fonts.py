"""On a system that tells Qt of no fonts (no fontconfig configuration: a minimal Linux), the
client writes with the fonts it ships with instead of drawing empty boxes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from forensics_gui.gui.kit import fonts


def test_without_system_fonts_the_shipped_ones_are_used(qtbot: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    app = QApplication.instance()
    before = app.font()
    monkeypatch.setattr(fonts, "system_fonts_configured", lambda: False)
    try:
        assert fonts.ensure_fonts(app) is True
        assert "DejaVu Sans" in QFontDatabase.families()
        assert QFontInfo(app.font()).family() == "DejaVu Sans"
    finally:
        app.setFont(before)


def test_with_system_fonts_nothing_changes(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    app = QApplication.instance()
    before = app.font()
    monkeypatch.setattr(fonts, "system_fonts_configured", lambda: True)
    assert fonts.ensure_fonts(app) is False
    assert app.font() == before
