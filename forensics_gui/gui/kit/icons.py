"""Icons from assets/icons, cached."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from forensics_gui.core.resources import asset_path


@cache
def icon(name: str) -> QIcon:
    """The icon `name` (an SVG file in assets/icons), sharp at any screen density; no icon
    for no name."""
    if not name:
        return QIcon()
    return QIcon(str(asset_path("icons", f"{name}.svg")))
