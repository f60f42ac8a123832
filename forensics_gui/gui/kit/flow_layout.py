"""A row of buttons or fields that wraps onto more lines when the room is narrower than the
row, so that longer words (another language, a larger font) never widen the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QWidget,
)

DEFAULT_SPACING = 6


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next line where the width runs out. With
    `last_right` the last item keeps to the right edge of its line (Save … History)."""

    def __init__(self, parent: QWidget | None = None, last_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._last_right = last_right
        # The width last laid out in, and the height that took: the height the layout asks
        # for (its parents keep no room for a second line otherwise).
        self._width = 0
        self._height = 0

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._width = rect.width()
        height = self._arrange(rect, apply=True)
        if height != self._height:
            self._height = height
            self.update()  # wrapped (or unwrapped): the parents make room for its lines

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _margins(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        """Everything on one line (as high as the lines it takes at its width)."""
        items = self._shown()
        width = sum(item.sizeHint().width() for item in items)
        width += self._gap() * max(0, len(items) - 1)
        height = max((item.sizeHint().height() for item in items), default=0)
        return (QSize(width, height) + self._margins()).expandedTo(self.minimumSize())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item; as high as the lines it takes at its width."""
        items = self._shown()
        width = max((item.minimumSize().width() for item in items), default=0)
        height = max((item.minimumSize().height() for item in items), default=0)
        least = QSize(width, height) + self._margins()
        if self._width > 0:
            least.setHeight(max(least.height(), self.heightForWidth(self._width)))
        return least

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return DEFAULT_SPACING
        gap = parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None,
                                         parent)
        return gap if gap >= 0 else DEFAULT_SPACING

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Lay the items out in `rect` (when `apply`); the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._shown():
            width = item.sizeHint().width()
            if lines[-1] and x + width > area.width():
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += width + gap
        y = area.y()
        for number, line in enumerate(lines):
            height = max((item.sizeHint().height() for item in line), default=0)
            x = area.x()
            for item in line:
                size = item.sizeHint().boundedTo(QSize(area.width(), height))
                size = size.expandedTo(item.minimumSize())
                left = x
                if self._last_right and number == len(lines) - 1 and item is line[-1]:
                    left = max(x, area.right() + 1 - size.width())
                if apply:
                    top = y + (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(left, top), size))
                x = left + size.width() + gap
            y += height + (gap if number < len(lines) - 1 else 0)
        return y - area.y() + margins.top() + margins.bottom()


def flow_row(*parts: QWidget | list[QWidget], last_right: bool = False) -> FlowLayout:
    """A wrapping row of `parts`: a widget, or a list of widgets kept together on one line
    (a label and its field, Save and Revert)."""
    row = FlowLayout(last_right=last_right)
    row.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        row.addWidget(keep_together(*part) if isinstance(part, list) else part)
    return row


def keep_together(*widgets: QWidget) -> QWidget:
    """`widgets` side by side, never split across lines of a FlowLayout."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        line.addWidget(widget)
    return holder
