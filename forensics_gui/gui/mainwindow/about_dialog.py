"""Help → About: the version, the store schema it writes and the store in use, and the
licences of the libraries the application runs with."""

from __future__ import annotations

import platform
from html import escape
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.licences import bundled
from forensics_gui.gui.kit import lazy
from forensics_gui.gui.kit.i18n import translate


class AboutDialog(QDialog):
    """What this program is, which version, on which store, and whose code it carries."""

    def __init__(self, summary: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from forensics_gui import __version__

        self.setWindowTitle(translate("AboutDialog", "About the forensic component database"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        name = translate("AboutDialog", "Forensic component database")
        purpose = translate("AboutDialog", "Components found in recovered weapons, and their "
                                           "supply chains.")
        heading = QLabel(f"<h2>{escape(name)} {escape(__version__)}</h2>"
                         f"<p>{escape(purpose)}</p>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        facts = QLabel(self._facts(summary))
        facts.setObjectName("about-facts")
        facts.setWordWrap(True)
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(facts)
        layout.addWidget(QLabel(translate(
            "AboutDialog", "Libraries it runs with, and their licences (their full texts are "
                     "installed with them):")))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("about-licences")
        self.table.setHorizontalHeaderLabels([translate("AboutDialog", "Library"),
                                              translate("AboutDialog", "Version"),
                                              translate("AboutDialog", "Licence")])
        rows = [("Python", platform.python_version(), "PSF-2.0"),
                ("Qt", qVersion(), "LGPL-3.0-only"),
                *((lib.name, lib.version, lib.licence) for lib in bundled())]
        if not any(name.lower().startswith("pyside6") for name, *_ in rows):
            rows.append(("PySide6", pyside_version, "LGPL-3.0-only"))
        for row, values in enumerate(rows):
            self.table.insertRow(row)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a library, however narrow the window
        self.table.resizeRowsToContents()
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _facts(summary: Any) -> str:
        lines = [translate("AboutDialog", "Writes stores of schema {schema}.").format(
            schema=escape(lazy.stores.schema_head()))]
        if summary is None:
            lines.append(translate("AboutDialog", "No store is open."))
        else:
            lines.append(translate("AboutDialog", "Store in use: {location} ({kind}, schema "
                                            "{schema}).").format(
                location=escape(summary.location),
                kind=escape({"sqlite": translate("AboutDialog", "SQLite file"),
                             "postgresql": "PostgreSQL"}.get(summary.kind, summary.kind)),
                schema=escape(summary.schema_revision)))
        lines.append(translate("AboutDialog", "Python {python}, Qt {qt}, on {system}.").format(
            python=platform.python_version(), qt=qVersion(),
            system=escape(f"{platform.system()} {platform.machine()}")))
        return "<br>".join(lines)


def show_about(summary: Any, parent: QWidget | None = None) -> AboutDialog:
    dialog = AboutDialog(summary, parent)
    dialog.exec() if parent is None else dialog.open()
    return dialog
