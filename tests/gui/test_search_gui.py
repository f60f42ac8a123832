"""The search page: Ctrl+K, results while typing, groups and families, filters, opening a
record with where else it was seen, saved searches and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QTreeWidgetItem

from forensics_gui.gui.search.search_panel import ROLE_ID, ROLE_KIND
from forensics_gui.services import records, search_lists
from tests.gui.conftest import settle


def _groups(panel: Any) -> dict[str, list[str]]:
    """{group header: titles of the records under it (families opened)}."""
    shown: dict[str, list[str]] = {}
    for index in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(index)
        shown[group.text(0)] = [item.text(0) for item in _leaves(group)]
    return shown


def _leaves(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = []
    for index in range(item.childCount()):
        child = item.child(index)
        found += [child] if child.data(0, ROLE_ID) is not None else _leaves(child)
    return found


def _type(qtbot: Any, window: Any, text: str) -> Any:
    panel = window.search_panel
    panel.query.clear()
    with qtbot.waitSignal(panel.searched, timeout=10_000) as shown:
        qtbot.keyClicks(panel.query, text)
    qtbot.waitUntil(lambda: not window.context.runner.busy and not panel._timer.isActive())
    return shown.args[0] if panel.results is None else panel.results


def test_ctrl_k_puts_the_cursor_in_the_search_box(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    assert window.searching()
    qtbot.waitUntil(lambda: window.search_panel.query.hasFocus())
    assert window.navigator.currentItem().text() == "Search"


def test_results_come_while_typing_grouped_best_first(qtbot: Any, window: Any) -> None:
    window.show_search()
    results = _type(qtbot, window, "stm32")
    groups = _groups(window.search_panel)
    assert groups["Parts (2)"] == ["STM32F765VIT6", "STM32G071"]
    assert "Component findings (2)" in groups
    assert {h.match for h in results.groups["part"]} == {"prefix"}
    assert window.search_panel.status.text() == "2 parts, 2 component findings"


def test_a_misread_marking_still_finds_the_part(qtbot: Any, window: Any) -> None:
    window.show_search()
    _type(qtbot, window, "5TM32F765")
    part = _leaves(window.search_panel.tree.topLevelItem(0))[0]
    assert part.text(0) == "STM32F765VIT6"
    assert part.text(1) == "possible misreading"


def test_a_two_letter_query_says_how_to_search_anywhere(qtbot: Any, window: Any) -> None:
    window.show_search()
    _type(qtbot, window, "AD")
    assert "at least 3" in window.search_panel.status.text()


def test_an_overlong_query_is_a_message_not_an_error_dialog(qtbot: Any, window: Any,
                                                            answers: Any) -> None:
    window.show_search()
    panel = window.search_panel
    panel.query.setText("x" * 400)
    panel.run_search()
    settle(qtbot, window.context)
    assert "at most 300" in panel.status.text()
    assert answers.errors == [] and panel.tree.topLevelItemCount() == 0


def test_enter_opens_the_best_match_with_where_else_it_was_seen(qtbot: Any,
                                                                window: Any) -> None:
    window.show_search()
    _type(qtbot, window, "xilinx")
    assert _groups(window.search_panel) == {"Organizations (2)": ["Xilinx", "AMD"]}
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    settle(qtbot, window.context)
    assert window.editor is not None and window.editor.record.name == "Xilinx"
    assert window.searching()  # the results stay in view
    seen = window.editor.seen.text
    qtbot.waitUntil(lambda: "Kh-101" in seen.text())
    assert "1 finding in 1 item" in seen.text()


def test_filters_alone_list_the_findings_that_meet_them(qtbot: Any, window: Any) -> None:
    window.show_search()
    panel = window.search_panel
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.set_search("", {"produced_after": "2022-02-24", "system_id": "Iskander-M 9M723"})
    settle(qtbot, window.context)
    assert panel.filters_button.isChecked() and panel.filter_box.isVisible()
    findings = panel.results.groups["finding"]
    assert findings and all("Iskander-M" in h.detail for h in findings)
    assert all(h.match == "filter" for h in findings)
    panel.filter_inputs["system_id"].setCurrentText("Shahed-136")
    settle(qtbot, window.context)
    qtbot.waitUntil(lambda: all("Shahed-136" in h.detail
                                for h in panel.results.groups.get("finding", ())))


def test_save_a_search_and_run_it_from_the_menu(qtbot: Any, window: Any, context: Any,
                                                monkeypatch: Any) -> None:
    window.show_search()
    _type(qtbot, window, "32F7")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("flight controllers", True))
    window.search_panel.save_search()
    settle(qtbot, context)
    saved = search_lists.saved_searches(context.store)
    assert [(s.name, s.query) for s in saved] == [("flight controllers", "32F7")]
    panel = window.search_panel
    qtbot.waitUntil(lambda: len(panel._saved) == 1)
    panel.query.clear()
    panel._fill_saved_menu()
    action = next(a for a in panel.saved_menu.actions() if a.text() == "flight controllers")
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        action.trigger()
    assert panel.query.text() == "32F7"
    assert [h.title for h in panel.results.groups["part"]] == ["STM32F765VIT6"]


def test_export_writes_every_result_to_a_workbook(qtbot: Any, window: Any, context: Any,
                                                  tmp_path: Path) -> None:
    window.show_search()
    _type(qtbot, window, "stm32")
    target = tmp_path / "results.xlsx"
    window.search_panel.export_to(str(target))
    settle(qtbot, context)
    rows = list(load_workbook(target)["Results"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Group", "Found", "Details")
    assert [r[1] for r in rows[1:]] == ["STM32F765VIT6", "STM32G071", "STM32F765VIT6",
                                        "STM32G071"]
    assert "Wrote 4 records" in window.search_panel.status.text()


def test_results_follow_writes(qtbot: Any, window: Any, context: Any) -> None:
    window.show_search()
    _type(qtbot, window, "LM2596")
    assert "part" not in window.search_panel.results.groups
    with qtbot.waitSignal(window.search_panel.searched, timeout=10_000):
        # Written outside the window: the store reports the write, nobody announces it.
        records.create(context.store, "part", {"part_number": "LM2596S-5.0"})
    hits = window.search_panel.results.groups["part"]
    assert [h.title for h in hits] == ["LM2596S-5.0"]
    item = _leaves(window.search_panel.tree.topLevelItem(0))[0]
    assert item.data(0, ROLE_KIND) == "part"
