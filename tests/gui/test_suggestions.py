"""Suggestions under a reference field while typing: ranked like the search box, the newest
text's answer only, the window free while the store looks, and a choice kept by id."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, Qt

from forensics_gui.gui.kit import reference_field
from forensics_gui.gui.records.finding_editor import FindingEditor
from forensics_gui.services import records
from forensics_gui.services import suggest as suggest_service
from tests.gui.conftest import settle

SUGGEST = suggest_service.suggest  # the service itself, before a test stands in for it
LANCET = "DEMO-LANCET-001"
ST = "STMicroelectronics"


@pytest.fixture
def editor(qtbot: Any, context: Any) -> FindingEditor:
    """A new finding in the Lancet, in a window of its own."""
    editor = FindingEditor(context)
    qtbot.addWidget(editor)
    editor.resize(700, 900)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    item = records.get(context.store, "item", LANCET)
    editor.new({"item_id": item.id}, {"item_id": LANCET})
    return editor


def _type(qtbot: Any, field: Any, text: str) -> None:
    field.editor.setFocus()
    qtbot.keyClicks(field.editor, text)


def _listed(qtbot: Any, field: Any, text: str) -> list[str]:
    """Type `text` and wait for the list made for the field's whole text."""
    _type(qtbot, field, text)
    qtbot.waitUntil(lambda: field.shown_for == field.text().strip() and
                    field.completer.popup().isVisible(), timeout=10_000)
    return field.popup_rows()


def test_parts_are_listed_as_the_search_box_ranks_them(qtbot: Any, editor: Any,
                                                       context: Any) -> None:
    for number in ("EVB-STM32F405RG", "STM32F405RGT6", "STM32F4O5RG", "STM32F405RG"):
        records.create(context.store, "part", {"part_number": number,
                                               "manufacturer_id": ST if "-" not in number
                                               and "O" not in number else None})
    field = editor.inputs["part_id"]
    rows = _listed(qtbot, field, "stm32f405rg")
    assert rows == [f"STM32F405RG — {ST}", f"STM32F405RGT6 — {ST}",
                    "EVB-STM32F405RG — maker unknown", "STM32F4O5RG — maker unknown"]
    notes = [field.model.item(r).data(reference_field.ROLE_NOTE) for r in range(len(rows))]
    assert notes == ["exact", "starts with", "contains", "possible misreading"]
    # The number exists: nothing to create.
    assert not any(row.startswith("Create") for row in rows)


def test_a_new_number_is_offered_for_creation_last(qtbot: Any, editor: Any) -> None:
    rows = _listed(qtbot, editor.inputs["part_id"], "STM32")
    assert rows[:2] == [f"STM32F765VIT6 — {ST}", f"STM32G071 — {ST}"]
    assert rows[-1] == "Create part 'STM32'…"


def test_choosing_a_suggestion_names_the_record_and_sends_its_id(qtbot: Any, editor: Any,
                                                                 context: Any) -> None:
    field = editor.inputs["manufacturer_id"]
    rows = _listed(qtbot, field, "stmicro")
    assert rows[0].startswith(f"{ST} — CH")
    popup = field.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    maker = records.get(context.store, "org", ST)
    assert field.value() == ST and field.record_id() == maker.id
    assert not popup.isVisible() and editor.dirty
    editor.save()
    settle(qtbot, context)
    assert editor.record is not None and editor.record.manufacturer_id == maker.id
    assert editor.inputs["manufacturer_id"].value() == ST


def test_text_typed_after_a_choice_is_sent_as_typed(qtbot: Any, editor: Any,
                                                    context: Any) -> None:
    field = editor.inputs["manufacturer_id"]
    maker = records.get(context.store, "org", ST)
    field.choose(maker.id, ST)
    assert field.sent_value() == maker.id
    qtbot.keyClicks(field.editor, " Ltd")
    assert field.record_id() is None and field.sent_value() == f"{ST} Ltd"


class SlowFirst:
    """The suggestion service, holding its first answer until released."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.release = threading.Event()

    def suggest(self, store: Any, kind: str, text: str, limit: int = 15) -> Any:
        self.asked.append(text)
        if len(self.asked) == 1:
            self.release.wait(10)
        return SUGGEST(store, kind, text, limit)


def test_the_newest_text_wins_and_typing_never_waits_for_the_store(
        qtbot: Any, editor: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = SlowFirst()
    monkeypatch.setattr(suggest_service, "suggest", slow.suggest)
    field = editor.inputs["part_id"]
    shown: list[str] = []
    original = field.show_suggestions
    monkeypatch.setattr(field, "show_suggestions",
                        lambda asked, found: (shown.append(asked), original(asked, found)))
    _type(qtbot, field, "ST")
    qtbot.waitUntil(lambda: slow.asked == ["ST"], timeout=5_000)
    clock = QElapsedTimer()
    clock.start()
    _type(qtbot, field, "M32G")  # while the store is busy with "ST"
    assert clock.elapsed() < 1_000 and field.text() == "STM32G"
    qtbot.wait(2 * reference_field.SUGGEST_DELAY_MS)
    assert slow.asked == ["ST"]  # one question at a time: nothing queued behind it
    slow.release.set()
    qtbot.waitUntil(lambda: shown == ["STM32G"], timeout=10_000)
    assert slow.asked == ["ST", "STM32G"]  # the stale answer dropped, the newest text asked
    assert field.popup_rows()[0] == f"STM32G071 — {ST}"


def test_fast_typing_asks_once_per_pause(qtbot: Any, editor: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def counting(store: Any, kind: str, text: str, limit: int = 15) -> Any:
        asked.append(text)
        return SUGGEST(store, kind, text, limit)

    monkeypatch.setattr(suggest_service, "suggest", counting)
    field = editor.inputs["part_id"]
    _listed(qtbot, field, "STM32F765VIT6")
    assert asked[-1] == "STM32F765VIT6" and len(asked) <= 3


def test_clearing_the_field_closes_the_list(qtbot: Any, editor: Any) -> None:
    field = editor.inputs["part_id"]
    _listed(qtbot, field, "STM")
    field.editor.selectAll()
    qtbot.keyClick(field.editor, Qt.Key.Key_Backspace)
    assert not field.completer.popup().isVisible() and field.text() == ""


def test_typing_on_while_the_list_is_open_goes_into_the_field(qtbot: Any, editor: Any) -> None:
    field = editor.inputs["part_id"]
    _listed(qtbot, field, "STM32")
    qtbot.keyClicks(field.completer.popup(), "G0")
    assert field.text() == "STM32G0"
    qtbot.waitUntil(lambda: field.shown_for == "STM32G0", timeout=10_000)
    assert field.popup_rows()[0] == f"STM32G071 — {ST}"


def test_no_list_opens_under_a_field_the_user_has_left(qtbot: Any, editor: Any) -> None:
    field = editor.inputs["part_id"]
    _type(qtbot, field, "STM32")
    editor.inputs["function"].editor.setFocus()  # Tab before the answer came
    qtbot.waitUntil(lambda: field.shown_for == "STM32", timeout=10_000)
    assert field.popup_rows() and not field.completer.popup().isVisible()
