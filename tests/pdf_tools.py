"""Reading briefs back with poppler's tools (pdftotext, pdffonts, pdfimages, pdftoppm), an
independent reader. Without them the tests that need them are skipped, saying why; with
FORENSICS_REQUIRE_PDF_TOOLS=1 (as in CI) they fail instead."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdffonts", "pdfimages", "pdfinfo", "pdftoppm")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]


def require() -> None:
    """Skip (or fail, where they are required) when poppler's tools are missing."""
    if not MISSING:
        return
    message = (f"needs poppler's {', '.join(MISSING)} to read the PDF back "
               "(Debian and Ubuntu: poppler-utils)")
    if os.environ.get("FORENSICS_REQUIRE_PDF_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def run(tool: str, *args: str | Path) -> str:
    return subprocess.run([tool, *(str(a) for a in args)], check=True, capture_output=True,
                          text=True).stdout


def pages(path: Path) -> list[str]:
    """The text of each page, laid out."""
    return run("pdftotext", "-layout", path, "-").split("\f")[:-1]


def words(path: Path) -> str:
    """The whole text in reading order, white space folded: for "does it say X" checks."""
    return " ".join(run("pdftotext", path, "-").split())


def fonts(path: Path) -> list[dict[str, str]]:
    rows = run("pdffonts", path).splitlines()[2:]
    return [{"name": r.split()[0], "embedded": r.split()[-5]} for r in rows]


def info(path: Path) -> dict[str, str]:
    found = {}
    for line in run("pdfinfo", path).splitlines():
        key, _, value = line.partition(":")
        found[key.strip()] = value.strip()
    return found
