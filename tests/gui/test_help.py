"""Help holds the user guide (an overview linking a page per kind of user) and every keyboard
shortcut, read from the menus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from forensics_gui.gui.mainwindow.help import PICTURE_WIDTH, GuideDialog, ShortcutsDialog
from forensics_gui.gui.mainwindow.main_window import MainWindow


def test_the_help_menu_offers_the_guide_and_the_shortcuts(window: MainWindow) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.text() for a in help_menu.actions() if a.text()] == [
        "&User guide", "&Keyboard shortcuts", "&About"]


def test_every_menu_shortcut_is_listed(qtbot: Any, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert ("Ctrl+K", "Search") in rows
    assert ("Ctrl+E", "Record editor") in rows
    assert ("Ctrl+S", "Save") in rows
    assert ("Esc", "Close the viewer") in rows
    # A shortcut added to a menu later appears without anyone editing the list.
    window.menuBar().actions()[0].menu().addAction("Brand new", lambda: None, "Ctrl+Shift+J")
    again = ShortcutsDialog(window)
    qtbot.addWidget(again)
    assert any(again.table.item(r, 2).text() == "Brand new"
               and again.table.item(r, 1).text() == "Ctrl+Shift+J"
               for r in range(again.table.rowCount()))


def test_the_user_guide_opens_inside_the_application(qtbot: Any, window: MainWindow) -> None:
    window.guide_action.trigger()
    guide = next(w for w in QApplication.topLevelWidgets()
                 if isinstance(w, GuideDialog) and w.isVisible())
    text = guide.browser.toPlainText()
    for part in ("Field teams", "Desk officers", "Report writers",
                 "Administrators of a shared store"):
        assert part in text
    assert "# " not in text.splitlines()[0], "Markdown is shown formatted, not as source"
    guide.close()


def test_the_guide_follows_a_link_to_a_page_and_back(qtbot: Any, window: MainWindow) -> None:
    guide = GuideDialog(window)
    qtbot.addWidget(guide)
    guide.show()
    browser = guide.browser
    browser.setFocus()
    # Tab goes to the first link (Field teams), Enter follows it, as a reader would.
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert browser.textCursor().selectedText() == "Field teams"
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: browser.source().path().endswith("guide/field-teams.md"))
    text = browser.toPlainText()
    assert text.splitlines()[0] == "Field teams"
    assert "Bench mode: recording a whole board" in text
    # Its screenshots load from the page's own folder, shrunk to the dialog's width.
    picture = browser.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                          QUrl("screenshots/bench.png"))
    assert isinstance(picture, QImage) and not picture.isNull()
    assert picture.width() == PICTURE_WIDTH
    browser.backward()
    assert browser.source().path().endswith("user-guide.md")
    assert "Field teams" in browser.toPlainText()
