"""Forensic database of components found in recovered weapons and their supply chains."""

from __future__ import annotations


def _version() -> str:
    """The version written once, in pyproject.toml: read from the installed package's
    metadata (a bundle carries it), else from pyproject.toml beside the package."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("forensics-gui")
    except PackageNotFoundError:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        with pyproject.open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])


__version__ = _version()
