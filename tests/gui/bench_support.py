"""Typing at the bench as a user does, counting the key presses, and a board photo to
annotate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from forensics_gui.gui.photos.photo_panel import png_bytes

# A board photo's components: (label, left, top, width, height) in pixels of 960 x 640.
BOARD = (("U1", 120, 110, 190, 150), ("U2", 380, 120, 140, 140), ("U3", 600, 110, 120, 90),
         ("U4", 600, 260, 120, 90), ("C7", 140, 360, 60, 40), ("Q2", 380, 380, 90, 70),
         ("J1", 760, 430, 130, 110))


class Keyboard:
    """Sends keys where the keyboard focus is (one key press = one character typed, or one
    key with its modifiers) and counts them."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.count = 0

    def target(self) -> QWidget:
        # Offscreen, a window is not made active again after a completion list closes (a
        # desktop does it): the focus would stay on an editor already closed.
        if QApplication.activePopupWidget() is None and not self.window.isActiveWindow():
            self.window.activateWindow()
            QApplication.processEvents()
        focus = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert focus is not None, "the keyboard focus went nowhere"
        return focus

    def type(self, text: str) -> None:
        for character in text:
            QTest.keyClick(self.target(), character)
            self.count += 1

    def press(self, key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.target(), key, modifiers)
        self.count += 1

    def tab(self) -> None:
        self.press(Qt.Key.Key_Tab)

    def enter(self) -> None:
        self.press(Qt.Key.Key_Return)

    def ctrl(self, key: Qt.Key, shift: bool = False) -> None:
        modifiers = Qt.KeyboardModifier.ControlModifier
        if shift:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        self.press(key, modifiers)


def board_png() -> bytes:
    """A drawn circuit board with labelled components (a photo to annotate)."""
    image = QImage(960, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#1F5E3A"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#C9A227"))
    for y in range(40, 640, 36):  # traces
        painter.drawLine(20, y, 940, y + 8)
    font = QFont()
    font.setPixelSize(18)
    painter.setFont(font)
    for label, x, y, width, height in BOARD:
        painter.fillRect(QRect(x, y, width, height), QColor("#202020"))
        painter.setPen(QColor("#D8D8D8"))
        painter.drawText(QRect(x, y, width, height), Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QColor("#F2F2F2"))
        painter.drawText(x, y - 6, label)
    painter.end()
    return png_bytes(image)
