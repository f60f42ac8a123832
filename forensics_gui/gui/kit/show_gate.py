"""Work for a page the user is not looking at waits until the page is shown.

Opening a store announces itself to every page; a hidden page (search, screening) that
queued its queries then would hold up the rows of the page on screen, since every store call
runs on the one worker, in order.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class ShowGate(QObject):
    """Runs `refresh` at once while `page` is on screen, otherwise the next time it is shown."""

    def __init__(self, page: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(page)
        self._page = page
        self._refresh = refresh
        self.stale = False
        page.installEventFilter(self)

    def request(self) -> None:
        """The page's data changed: refresh now if it is visible, else when it is shown."""
        if self._page.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            QTimer.singleShot(0, self._refresh)  # after the page has painted
        return False
