"""Tools → Verify the audit trail: the chain checked in the background, its head shown to be
copied, a head printed earlier checked against it, and a trail altered outside the
application named at its first bad event."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import Any

from PySide6.QtGui import QGuiApplication

from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.services import audit
from tests.gui.conftest import settle


def _open(qtbot: Any, window: MainWindow) -> Any:
    window.verify_audit_action.trigger()
    from forensics_gui.gui.mainwindow.audit_check import AuditCheckDialog

    dialog = next(d for d in window.findChildren(AuditCheckDialog))
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10_000)
    settle(qtbot, window.context)
    return dialog


def test_a_sound_trail_shows_its_head_to_copy(qtbot: Any, window: MainWindow) -> None:
    head = audit.chain_head(window.context.store)
    dialog = _open(qtbot, window)
    assert "The audit trail holds" in dialog.verdict.text()
    assert dialog.head.text() == str(head)
    dialog.copy.click()
    assert QGuiApplication.clipboard().text() == str(head)

    dialog.heads.setPlainText(f"{head}\n")
    dialog.check()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10_000)
    assert "Each of the 1 head(s) given is in it" in dialog.verdict.text()

    dialog.heads.setPlainText("12:not-a-seal")
    dialog.check()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10_000)
    assert "is not an audit chain head" in dialog.verdict.text()


def test_an_altered_trail_is_named_at_its_first_bad_event(qtbot: Any,
                                                          window: MainWindow) -> None:
    with closing(sqlite3.connect(window.context.store.location.display)) as db:
        db.execute("DROP TRIGGER audit_event_no_update")
        db.execute("UPDATE audit_event SET actor = 'someone else' WHERE seq = 9")
        db.commit()
    dialog = _open(qtbot, window)
    assert "does NOT hold" in dialog.verdict.text()
    assert dialog.problems.count() >= 1
    assert dialog.problems.item(0).text().startswith("audit event 9 ")
