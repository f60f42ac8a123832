"""Fonts for a system that offers Qt none (no fontconfig configuration, no font installed:
a minimal Linux system): the fonts the application ships with, so that its text shows."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from forensics_gui.core.resources import asset_path

SHIPPED = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
           "DroidSansFallbackFull.ttf")  # the last: Chinese, Japanese and Korean markings


def system_fonts_configured() -> bool:
    """Whether the system tells Qt where its fonts are (on Linux, through fontconfig's
    configuration: without it Qt lists families it cannot draw with)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("FONTCONFIG_FILE") or os.environ.get("FONTCONFIG_PATH")
                or Path("/etc/fonts/fonts.conf").is_file())


def ensure_fonts(app: QApplication) -> bool:
    """Give Qt the shipped fonts when the system offers none; True when it had to."""
    if system_fonts_configured() and QFontDatabase.families():
        return False
    for name in SHIPPED:
        QFontDatabase.addApplicationFont(str(asset_path("fonts", name)))
    font = QFont("DejaVu Sans")
    font.setPointSize(app.font().pointSize() if app.font().pointSize() > 0 else 10)
    app.setFont(font)
    return True
