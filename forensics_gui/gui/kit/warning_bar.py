"""A band across the top of the window that says what is wrong and what to do, without
stopping the user: it stays until it is hidden or the problem is gone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

from forensics_gui.gui.kit.i18n import translate

ICON_SIZE = 24
STYLE = ("#warning-bar { background: #fff4ce; border: 1px solid #d9a800; border-radius: 3px; }"
         "#warning-bar QLabel { color: #3b2e00; }")


class WarningBar(QFrame):
    """Warnings about the open store (where it lies), shown until hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warning-bar")
        self.setStyleSheet(STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        sign = QLabel()
        sign.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(ICON_SIZE, ICON_SIZE))
        sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(sign)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.hide_button = QPushButton(translate("WarningBar", "Hide"))
        self.hide_button.setToolTip(translate(
            "WarningBar", "Hide this warning until the store is opened again"))
        self.hide_button.clicked.connect(self.hide)
        layout.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_warnings(self, warnings: list[str]) -> None:
        """Show these warnings (each a paragraph), or hide the bar when there are none."""
        self.text.setText("\n\n".join(warnings))
        self.setVisible(bool(warnings))
