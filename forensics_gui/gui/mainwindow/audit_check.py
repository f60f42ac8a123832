"""Tools → Verify the audit trail: the hash chain checked in the background, its head shown
to be copied, and heads printed earlier (on briefs, in case packages) checked against it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import audit

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

INTRO = QT_TRANSLATE_NOOP(
    "AuditCheckDialog", "Every change recorded in this store is numbered and sealed with "
    "SHA-256 over its values and the seal of the change before it. An event edited, deleted, "
    "inserted or moved, even with the database's own tools, breaks the chain. Briefs and case "
    "packages print the chain's head; paste heads printed earlier below to check that the "
    "trail was not rewritten since.")


class AuditCheckDialog(QDialog):
    """Runs the check and shows what it found."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("AuditCheckDialog", "Verify the audit trail"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate("AuditCheckDialog", INTRO))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(translate(
            "AuditCheckDialog", "Heads printed earlier (NUMBER:SEAL, one a line; optional):")))
        self.heads = QPlainTextEdit()
        self.heads.setPlaceholderText(translate(
            "AuditCheckDialog", "for example 139:3300ba9457b9a204aebb745a1f1e18be…"))
        self.heads.setMaximumHeight(80)
        layout.addWidget(self.heads)
        self.verdict = QLabel(translate("AuditCheckDialog", "Not checked yet."))
        self.verdict.setWordWrap(True)
        self.verdict.setObjectName("audit-verdict")
        layout.addWidget(self.verdict)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("AuditCheckDialog", "Head now:")))
        self.head = QLineEdit()
        self.head.setReadOnly(True)
        row.addWidget(self.head, 1)
        self.copy = QPushButton(translate("AuditCheckDialog", "Copy"))
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.head.text()))
        self.copy.setEnabled(False)
        row.addWidget(self.copy)
        layout.addLayout(row)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.hide()  # shown when there is a problem to list
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = buttons.addButton(translate("AuditCheckDialog", "Check"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.clicked.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def given_heads(self) -> list[str]:
        return [line.strip() for line in self.heads.toPlainText().splitlines() if line.strip()]

    def check(self) -> None:
        """Check the chain (and the heads given) off the GUI thread."""
        self.check_button.setEnabled(False)
        self.verdict.setText(translate("AuditCheckDialog", "Checking every event…"))
        self.problems.clear()
        self.context.run(audit.verify_chain, self.context.store, self.given_heads(),
                         on_done=self.show_verdict, on_error=self._failed,
                         label=translate("AuditCheckDialog", "Verifying the audit trail…"))

    def show_verdict(self, verdict: Any) -> None:
        self.check_button.setEnabled(True)
        given = len(self.given_heads())
        self.head.setText(str(verdict.head) if verdict.head else "")
        self.copy.setEnabled(verdict.head is not None)
        if verdict.sound:
            heads = " " + translate(
                "AuditCheckDialog", "Each of the {count} head(s) given is in it.").format(
                    count=given) if given else ""
            unread = " " + translate(
                "AuditCheckDialog", "{count} of them are above your clearance: their numbers "
                "and links were checked, their contents only a login cleared to read them can "
                "check.").format(count=f"{verdict.unread:,}") if verdict.unread else ""
            self.verdict.setText(translate(
                "AuditCheckDialog", "<b>The audit trail holds.</b> {count} events checked.")
                .format(count=f"{verdict.events:,}") + heads + unread)
            self.verdict.setStyleSheet("color: #1b5e20;")
            self.problems.hide()
            return
        self.verdict.setText(translate(
            "AuditCheckDialog", "<b>The audit trail does NOT hold.</b> {count} events read; the "
            "first problem names the first bad event.").format(count=f"{verdict.events:,}"))
        self.verdict.setStyleSheet("color: #b71c1c;")
        self.problems.addItems(list(verdict.problems))
        self.problems.show()

    def _failed(self, error: BaseException, trace: str) -> None:
        self.check_button.setEnabled(True)
        if isinstance(error, ValidationError):  # a head pasted wrongly
            self.verdict.setText(error.reason)
            self.verdict.setStyleSheet("color: #b71c1c;")
            return
        self.verdict.setText(translate("AuditCheckDialog", "The check could not run."))
        self.context.show_error(error, trace)


def verify_audit_trail(context: AppContext, parent: QWidget) -> AuditCheckDialog:
    """Open the dialog and start the check at once."""
    dialog = AuditCheckDialog(context, parent)
    dialog.show()
    dialog.check()
    return dialog
