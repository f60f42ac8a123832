"""The Conflicts page: a record edited both on a field laptop and here is listed, shown field
by field, and decided with a reason (none is refused); the decided one stays listed under
"Show resolved", and the navigator counts the open ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.services import records
from forensics_gui.services.exchange import conflicts, packages
from tests.gui.conftest import Answers, settle
from tests.integration.exchange_support import FieldCase, field_case, laptop


@pytest.fixture
def conflicted(window: MainWindow, tmp_path: Path, sqlite_template: Path
               ) -> Iterator[FieldCase]:
    """A field case sent from a laptop to the window's store, then its finding's notes edited
    on both sides and sent again: the finding is in conflict."""
    source = laptop(tmp_path / "laptop.sqlite", sqlite_template, "field-laptop-3")
    case = field_case(source, system="Fictional UAV")
    centre = window.context.store
    packages.export_package(source, tmp_path / "first.zip")
    first = packages.import_package(centre, tmp_path / "first.zip")
    packages.import_receipt(source, first.receipt_path)
    records.update(source, "finding", case.finding.id, None, {"notes": "laptop reading"})
    records.update(centre, "finding", case.finding.id, None, {"notes": "centre reading"})
    packages.export_package(source, tmp_path / "second.zip")
    assert packages.import_package(centre, tmp_path / "second.zip").conflicts == 1
    source.close()
    yield case


def shown_conflicts(qtbot: Any, window: MainWindow, rows: int) -> Any:
    window.show_conflicts()
    panel = window.conflicts_panel
    qtbot.waitUntil(lambda: panel.list.rowCount() == rows and panel.detail is not None,
                    timeout=10_000)
    settle(qtbot, window.context)
    return panel


def answer_reason(monkeypatch: pytest.MonkeyPatch, reason: str) -> list[str]:
    asked: list[str] = []

    def answer(_parent: Any, title: str, label: str, *_args: Any, **_kw: Any
               ) -> tuple[str, bool]:
        asked.append(f"{title}: {label}")
        return reason, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    return asked


def test_a_real_conflict_is_listed_with_its_differing_fields(
        qtbot: Any, window: MainWindow, conflicted: FieldCase) -> None:
    window.package_actions.count_conflicts()
    qtbot.waitUntil(lambda: window.conflicts_item.text() == "Conflicts (1)", timeout=10_000)
    panel = shown_conflicts(qtbot, window, 1)
    row = [panel.list.item(0, c).text() for c in range(panel.list.columnCount())]
    assert row[0] == "Component finding"
    assert row[1] == f"NW32F405RGT1 in {conflicted.item.case_reference}"
    assert row[2] == "field-laptop-3" and row[4] == "Notes"
    assert row[5] == "open" and panel.list.isColumnHidden(6)
    assert panel.differing_fields() == ["Notes"]
    table = panel.fields
    cells = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
             for r in range(table.rowCount())}
    assert cells["Notes"] == ("centre reading", "laptop reading")
    # References are shown by name, on both sides.
    assert cells["Part"] == ("NW32F405RGT1", "NW32F405RGT1")
    assert table.horizontalHeaderItem(2).text() == "Theirs (field-laptop-3)"
    assert panel.take_theirs.isEnabled() and panel.keep_ours.isEnabled()


def test_an_empty_reason_is_refused_and_nothing_changes(
        qtbot: Any, window: MainWindow, conflicted: FieldCase, answers: Answers,
        monkeypatch: pytest.MonkeyPatch) -> None:
    panel = shown_conflicts(qtbot, window, 1)
    asked = answer_reason(monkeypatch, "   ")
    panel.take_theirs.click()
    settle(qtbot, window.context)
    assert asked == ["Take theirs: Why take field-laptop-3's version? (required; the record's "
                     "history keeps it)"]
    assert answers.shown == ["Take theirs: A reason is required: say why this version is "
                             "kept. Nothing was changed."]
    assert records.get(window.context.store, "finding",
                       conflicted.finding.id).notes == "centre reading"
    assert len(conflicts.open_conflicts(window.context.store)) == 1


def test_take_theirs_changes_the_record_and_closes_the_conflict(
        qtbot: Any, window: MainWindow, conflicted: FieldCase,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.context.store
    before = records.get(store, "finding", conflicted.finding.id)
    panel = shown_conflicts(qtbot, window, 1)
    answer_reason(monkeypatch, "the laptop's reading was checked on the board")
    with qtbot.waitSignal(panel.resolved, timeout=10_000):
        panel.take_theirs.click()
    after = records.get(store, "finding", conflicted.finding.id)
    assert (after.notes, after.version) == ("laptop reading", before.version + 1)
    assert conflicts.open_conflicts(store) == []
    with store.reading() as uow:
        history = uow.audit_events("finding", conflicted.finding.id)
    assert history[0].action == "resolve conflict"
    assert history[0].new_values["reason"] == "the laptop's reading was checked on the board"
    # The list and the navigator follow; the decided one is listed under "Show resolved".
    qtbot.waitUntil(lambda: panel.list.rowCount() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.conflicts_item.text() == "Conflicts", timeout=10_000)
    assert panel.heading.text() == "No conflict waiting for a decision."
    panel.show_resolved.setChecked(True)
    qtbot.waitUntil(lambda: panel.list.rowCount() == 1 and panel.detail is not None,
                    timeout=10_000)
    settle(qtbot, window.context)
    assert panel.list.item(0, 5).text() == "kept theirs"
    decided = panel.list.item(0, 6).text()
    assert decided.startswith(f"{store.actor}, ")
    assert decided.endswith(": the laptop's reading was checked on the board")
    assert not panel.list.isColumnHidden(6)
    assert not panel.take_theirs.isEnabled() and not panel.keep_ours.isEnabled()
    assert "Decided: kept theirs" in panel.about.text()


def test_keep_ours_leaves_the_record_as_it_was(
        qtbot: Any, window: MainWindow, conflicted: FieldCase,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.context.store
    before = records.get(store, "finding", conflicted.finding.id)
    panel = shown_conflicts(qtbot, window, 1)
    answer_reason(monkeypatch, "the lab re-read the marking")
    with qtbot.waitSignal(panel.resolved, timeout=10_000) as done:
        panel.keep_ours.click()
    assert done.args[0].kept == "ours"
    assert records.get(store, "finding", conflicted.finding.id) == before


def test_an_import_with_conflicts_updates_the_navigator(
        qtbot: Any, window: MainWindow, tmp_path: Path, sqlite_template: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = laptop(tmp_path / "laptop.sqlite", sqlite_template, "field-laptop-3")
    case = field_case(source, system="Fictional UAV")
    centre = window.context.store
    packages.export_package(source, tmp_path / "first.zip")
    packages.import_receipt(source, packages.import_package(
        centre, tmp_path / "first.zip").receipt_path)
    records.update(source, "finding", case.finding.id, None, {"notes": "laptop reading"})
    records.update(centre, "finding", case.finding.id, None, {"notes": "centre reading"})
    packages.export_package(source, tmp_path / "second.zip")
    source.close()
    assert window.conflicts_item.text() == "Conflicts"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(tmp_path / "second.zip"), ""))
    window.package_actions.import_action.trigger()
    qtbot.waitUntil(lambda: window.conflicts_item.text() == "Conflicts (1)", timeout=20_000)
    assert "1 conflict: a record changed both here and on field-laptop-3." in \
        window.package_actions.dialog.text()


def test_the_conflicts_page_is_a_wide_page(window: MainWindow, qtbot: Any,
                                           conflicted: FieldCase) -> None:
    shown_conflicts(qtbot, window, 1)
    assert window.editor_dock.isHidden()
    assert window.navigator.currentItem() is window.conflicts_item
