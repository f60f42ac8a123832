"""Locating the `assets/` and `migrations/` folders in a checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _candidates(name: str) -> list[Path]:
    found = [_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.insert(0, Path(bundle) / name)
    return found


def resource_dir(name: str) -> Path:
    """Return the folder `name` ('assets', 'migrations' or 'docs') wherever the application
    runs from.

    A wheel carries the folders inside the package as `_data/<name>`; a source checkout has them
    beside the package; a frozen bundle has them at its root.
    """
    for path in _candidates(name):
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in _candidates(name))
    raise FileNotFoundError(f"the application's {name} folder is missing (looked in {tried})")


def asset_path(*parts: str) -> Path:
    """Path of a file under `assets/`."""
    return resource_dir("assets").joinpath(*parts)
