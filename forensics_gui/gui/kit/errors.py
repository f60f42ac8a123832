"""Showing problems: plain messages for what the environment did, a traceback for bugs."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import (
    KnownError,
    StoreAuthError,
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StoreUnreachableError,
)
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate

_TITLES: tuple[tuple[type[KnownError], str], ...] = (
    (StoreLockedError, QT_TRANSLATE_NOOP("errors", "Store is busy")),
    (StoreUnreachableError, QT_TRANSLATE_NOOP("errors", "Server unreachable")),
    (StoreAuthError, QT_TRANSLATE_NOOP("errors", "Login refused")),
    (StoreDamagedError, QT_TRANSLATE_NOOP("errors", "Not a usable store")),
    (StoreError, QT_TRANSLATE_NOOP("errors", "Store problem")),
)


def title_for(error: KnownError) -> str:
    """A short title naming the kind of problem."""
    for error_type, title in _TITLES:
        if isinstance(error, error_type):
            return translate("errors", title)
    return translate("errors", "Cannot do that")


class BugDialog(QDialog):
    """An unexpected error: what happened, the traceback, and a button to copy it."""

    def __init__(self, error: BaseException, trace: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("errors", "Unexpected error"))
        self.trace = trace
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "errors", "<b>Something went wrong inside the application.</b><br>{error}<br><br>"
            "Nothing more was written to the store. Please copy the details below into a bug "
            "report.").format(error=f"{type(error).__name__}: {str(error)[:300]}")))
        details = QPlainTextEdit(trace)
        details.setReadOnly(True)
        details.setMinimumSize(640, 240)
        layout.addWidget(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(translate("errors", "Copy details"))
        copy.clicked.connect(self.copy)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.trace)


def show_error(parent: QWidget | None, error: BaseException, trace: str = "") -> None:
    """Tell the user about `error` in the way that fits it."""
    if isinstance(error, KnownError):
        QMessageBox.warning(parent, title_for(error), str(error))
        return
    if isinstance(error, OSError):
        QMessageBox.warning(parent, translate("errors", "System problem"), translate(
            "errors", "{problem}. Check the disk and the file, then try again.").format(
                problem=error.strerror or error))
        return
    BugDialog(error, trace, parent).exec()
