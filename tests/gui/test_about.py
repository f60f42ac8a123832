"""Help → About: the version written in pyproject.toml, the schema it writes, the store in
use, and the licences of the libraries it runs with; `--version` on the command line."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from forensics_gui.cli.main import main as cli_main
from forensics_gui.core.licences import bundled
from forensics_gui.gui.mainwindow.about_dialog import AboutDialog
from forensics_gui.services import stores

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_about_shows_the_version_schema_store_and_licences(qtbot: Any, window: Any) -> None:
    dialog = AboutDialog(window.context.summary, window)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    facts = dialog.findChild(QLabel, "about-facts").text()
    assert any(f"Forensic component database {VERSION}" in text for text in labels)
    assert f"schema {stores.schema_head()}" in facts
    assert window.context.summary.location in facts
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text()
            for r in range(dialog.table.rowCount())}
    assert rows["SQLAlchemy"] == "MIT"
    assert "LGPL-3.0-only" in rows["PySide6_Essentials"]
    assert rows["Python"] == "PSF-2.0" and "Qt" in rows


def test_the_libraries_listed_are_what_the_application_requires() -> None:
    names = {lib.name.lower().replace("_", "-") for lib in bundled()}
    assert {"sqlalchemy", "alembic", "pyside6-essentials", "shiboken6", "reportlab",
            "psycopg", "psycopg-binary", "openpyxl", "pillow"} <= names
    assert not names & {"pytest", "hypothesis", "ruff", "pyinstaller"}  # tools, not bundled
    assert all(lib.licence and lib.licence != "not stated" for lib in bundled())


def test_version_on_the_command_line(capsys: Any) -> None:
    try:
        cli_main(["--version"])
    except SystemExit as done:
        assert done.code == 0
    out = capsys.readouterr().out
    assert out.strip() == f"forensics {VERSION} (store schema {stores.schema_head()})"


def test_help_about_opens_it(qtbot: Any, window: Any) -> None:
    window.about()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() > 10
    dialog.close()
