"""Help: the user guide shown inside the application, and every keyboard shortcut."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QTextDocument
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

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.resources import resource_dir
from forensics_gui.gui.bench.bench_delegate import KEYS as BENCH_KEYS
from forensics_gui.gui.kit.i18n import translate

GUIDE = "user-guide.md"
PICTURE_WIDTH = 820  # the guide's screenshots, shrunk to fit the dialog's width
DOES_WIDTH = 300  # the room kept for the "Does" column
# Keys that work where they are, without a menu entry.
IN_PLACE_KEYS = (
    (QT_TRANSLATE_NOOP("shortcuts", "Tables"), "Enter",
     QT_TRANSLATE_NOOP("shortcuts", "Open the selected record")),
    (QT_TRANSLATE_NOOP("shortcuts", "Tables"), "Ctrl+C",
     QT_TRANSLATE_NOOP("shortcuts", "Copy the selected cells as tab-separated text")),
    (QT_TRANSLATE_NOOP("shortcuts", "Tables"),
     QT_TRANSLATE_NOOP("shortcuts", "Right-click on the header"),
     QT_TRANSLATE_NOOP("shortcuts", "Choose the columns")),
    (QT_TRANSLATE_NOOP("shortcuts", "Search"), QT_TRANSLATE_NOOP("shortcuts", "Down, then Enter"),
     QT_TRANSLATE_NOOP("shortcuts", "From the search box into the results, open one")),
    (QT_TRANSLATE_NOOP("shortcuts", "Finding and part editors"), "Ctrl+I",
     QT_TRANSLATE_NOOP("shortcuts",
                       "Accept the identification proposed under the marking or part number")),
    (QT_TRANSLATE_NOOP("shortcuts", "Reference fields"),
     QT_TRANSLATE_NOOP("shortcuts", "Down, then Enter"),
     QT_TRANSLATE_NOOP("shortcuts", "Choose a suggestion, or the last entry to create the "
                       "record that is missing")),
    (QT_TRANSLATE_NOOP("shortcuts", "Photo viewer"), "Esc",
     QT_TRANSLATE_NOOP("shortcuts", "Close the viewer")),
    (QT_TRANSLATE_NOOP("shortcuts", "Photo viewer"), QT_TRANSLATE_NOOP("shortcuts", "Left / Right"),
     QT_TRANSLATE_NOOP("shortcuts", "Previous / next photo")),
    (QT_TRANSLATE_NOOP("shortcuts", "Photo viewer"), "+ / − / F / 1",
     QT_TRANSLATE_NOOP("shortcuts", "Zoom in / out, fit, actual pixels")),
    (QT_TRANSLATE_NOOP("shortcuts", "Photo viewer"), "A / R / Delete",
     QT_TRANSLATE_NOOP("shortcuts", "Annotate, rotate the view, delete the annotation")),
    (QT_TRANSLATE_NOOP("shortcuts", "Supply graph"), QT_TRANSLATE_NOOP("shortcuts", "Wheel"),
     QT_TRANSLATE_NOOP("shortcuts", "Zoom; drag to move the picture")),
    (QT_TRANSLATE_NOOP("shortcuts", "Dialogs"), "Esc",
     QT_TRANSLATE_NOOP("shortcuts", "Close without changing anything")),
)


def guide_path() -> str:
    return str(resource_dir("docs") / GUIDE)


class GuideBrowser(QTextBrowser):
    """Shows the guide's pages; its screenshots are shrunk to the page's width."""

    def loadResource(self, kind: int, name: QUrl) -> Any:
        data = super().loadResource(kind, name)
        if kind == QTextDocument.ResourceType.ImageResource.value and data:
            image = QImage.fromData(data)
            if image.width() > PICTURE_WIDTH:
                return image.scaledToWidth(PICTURE_WIDTH,
                                           Qt.TransformationMode.SmoothTransformation)
        return data


class GuideDialog(QDialog):
    """The user guide (Markdown, with its pictures and links between its pages)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("help", "User guide"))
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        self.browser = GuideBrowser()
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
        QMessageBox.warning(parent, translate("help", "User guide"),
                            translate("help", "The user guide is missing: {error}").format(
                                error=error))
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
    in_place = [(translate("shortcuts", where), translate("shortcuts", keys),
                 translate("shortcuts", what)) for where, keys, what in IN_PLACE_KEYS]
    bench = [(translate("shortcuts", "Bench mode"), keys, full)
             for keys, _short, full in BENCH_KEYS]
    return found + in_place + bench


def _keys(action: QAction) -> str:
    return translate("shortcuts", " or ").join(k.toString(QKeySequence.SequenceFormat.NativeText)
                       for k in action.shortcuts() if not k.isEmpty())


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the menus, so it cannot fall out of date."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("help", "Keyboard shortcuts"))
        rows = shortcuts(window)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([translate("help", "Where"), translate("help", "Keys"),
                                              translate("help", "Does")])
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
        # Wide enough for what the keys do beside the longest place and keys (longer in some
        # languages than in English).
        self.table.resizeColumnsToContents()
        named = header.sectionSize(0) + header.sectionSize(1)
        self.resize(max(620, min(960, named + DOES_WIDTH)), min(760, 90 + 30 * len(rows)))
