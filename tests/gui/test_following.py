"""Screens follow what committed writes changed, whoever wrote: nobody announces a write."""

from __future__ import annotations

from typing import Any

from forensics_gui.services import records
from tests.gui.conftest import settle


def test_a_table_follows_a_write_made_elsewhere(qtbot: Any, window: Any, context: Any) -> None:
    window.show_kind("source")
    table = window.current_table()
    qtbot.waitUntil(lambda: table.model.rowCount() > 0, timeout=10_000)
    before = table.model.rowCount()
    context.run(records.create, context.store, "source", {"title": "Customs extract 17"})
    qtbot.waitUntil(lambda: table.model.rowCount() == before + 1, timeout=10_000)
    assert "Customs extract 17" in [table.model.record_at(r).title
                                    for r in range(table.model.rowCount())
                                    if table.model.record_at(r) is not None]


def test_a_hidden_page_catches_up_when_shown(qtbot: Any, window: Any, context: Any) -> None:
    window.show_screening()
    settle(qtbot, context)
    window.show_kind("org")
    screening = window.screening_panel
    assert not screening.isVisible()
    records.create(context.store, "designation", {
        "organization_id": records.names(context.store, "org")[0], "authority": "UK",
        "listed_on": "2024-01-05"})
    qtbot.waitUntil(lambda: screening.follower.waiting, timeout=10_000)
    with qtbot.waitSignal(screening.loaded, timeout=10_000):
        window.show_screening()
    assert not screening.follower.waiting


def test_unrelated_writes_leave_a_page_alone(qtbot: Any, window: Any, context: Any) -> None:
    window.show_screening()
    settle(qtbot, context)
    window.show_kind("item")
    records.create(context.store, "source", {"title": "Customs extract 18"})
    qtbot.wait(50)
    assert not window.screening_panel.follower.waiting
