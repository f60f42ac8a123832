"""Help: the user guide shown inside the application, and every keyboard shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.resources import resource_dir
from forensics_gui.gui.bench.bench_delegate import KEYS as BENCH_KEYS

GUIDE = "user-guide.md"
# Keys that work where they are, without a menu entry.
IN_PLACE_KEYS = (
    ("Tables", "Enter", "Open the selected record"),
    ("Tables", "Ctrl+C", "Copy the selected cells as tab-separated text"),
    ("Tables", "Right-click on the header", "Choose the columns"),
    ("Search", "Down, then Enter", "From the search box into the results, open one"),
    ("Finding and part editors", "Ctrl+I",
     "Accept the identification proposed under the marking or part number"),
    ("Reference fields", "Down, then Enter",
     "Choose a suggestion, or the last entry to create the record that is missing"),
    ("Photo viewer", "Esc", "Close the viewer"),
    ("Photo viewer", "Left / Right", "Previous / next photo"),
    ("Photo viewer", "+ / − / F / 1", "Zoom in / out, fit, actual pixels"),
    ("Photo viewer", "A / R / Delete", "Annotate, rotate the view, delete the annotation"),
    ("Supply graph", "Wheel", "Zoom; drag to move the picture"),
    ("Dialogs", "Esc", "Close without changing anything"),
)


def guide_path() -> str:
    return str(resource_dir("docs") / GUIDE)


class GuideDialog(QDialog):
    """The user guide (Markdown, with its pictures and links between its pages)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("User guide")
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(guide_path()),
                               QTextDocument.ResourceType.MarkdownResource)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def open_guide(parent: QWidget) -> None:
    try:
        dialog = GuideDialog(parent)
    except FileNotFoundError as error:
        QMessageBox.warning(parent, "User guide", f"The user guide is missing: {error}")
        return
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


def shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, keys, what) of every action of the window's menus that has a shortcut, then the
    keys that work in place."""
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), where)
            elif _keys(action) and action.text() not in seen:
                seen.add(action.text())
                found.append((where, _keys(action), action.text().replace("&", "").rstrip("…")))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), top.text().replace("&", ""))
    bench = [("Bench mode", keys, full) for keys, _short, full in BENCH_KEYS]
    return found + list(IN_PLACE_KEYS) + bench


def _keys(action: QAction) -> str:
    return " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                       for k in action.shortcuts() if not k.isEmpty())


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the menus, so it cannot fall out of date."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcuts(window)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "Does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, min(760, 90 + 30 * len(rows)))
