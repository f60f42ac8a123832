"""The identification strip of the finding and part editors: what the rules propose as the user
types, filled only on Ctrl+I, never over a value the user typed, and a window that stays
responsive whatever is pasted."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from forensics_gui.core.identify import load_rules
from forensics_gui.gui.records import identify_strip
from forensics_gui.gui.records.finding_editor import FindingEditor
from forensics_gui.gui.records.part_editor import PartEditor
from forensics_gui.services import identify, records
from tests.gui.conftest import settle

LANCET = "DEMO-LANCET-001"


# The built-in rules are replaced by a small set, so that these tests say what the screens
# do whatever the rule file holds.
BUILT_IN = (
    {"rule_id": "st-stm32", "maker": "STMicroelectronics", "pattern": "STM32[FGHLW][0-9]",
     "family": "STM32 Arm Cortex-M microcontroller", "category": "microcontroller",
     "hs_code": "8542.31", "confidence": "high", "source": "STM32 ordering information"},
    {"rule_id": "xi-xc7", "maker": "Xilinx", "pattern": "XC7[AZK]", "family": "7 series FPGA",
     "category": "FPGA", "hs_code": "8542.39", "confidence": "high"},
    {"rule_id": "ti-lm", "maker": "Texas Instruments", "pattern": "LM[0-9]",
     "confidence": "medium"},
)


@pytest.fixture(autouse=True)
def small_built_in_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules(BUILT_IN)
    monkeypatch.setattr(identify, "builtin_rules", lambda: rules)


class Counting:
    """The identification service, counting what it is asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.on_main_thread = 0
        self.took: list[float] = []  # seconds each call took, on the worker

    def identify(self, store: Any, text: str) -> Any:
        self.asked.append(text)
        self.on_main_thread += threading.current_thread() is threading.main_thread()
        started = time.monotonic()
        try:
            return identify.identify(store, text)
        finally:
            self.took.append(time.monotonic() - started)


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> Counting:
    counting = Counting()
    monkeypatch.setattr(identify_strip, "identify", counting)
    return counting


@pytest.fixture
def finding_editor(qtbot: Any, context: Any, engine: Counting) -> FindingEditor:
    editor = FindingEditor(context)
    qtbot.addWidget(editor)
    editor.resize(700, 900)
    editor.show()
    item = records.get(context.store, "item", LANCET)
    editor.new({"item_id": item.id}, {"item_id": LANCET})
    return editor


def _rule(context: Any, pattern: str, maker: str, **values: str) -> Any:
    return records.create(context.store, "rule", {"pattern": pattern, "maker": maker,
                                                  "confidence": "high", **values})


def _type(qtbot: Any, editor: Any, text: str, field: str = "marking") -> Any:
    widget = editor.inputs[field].editor
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:  # QTest types Latin-1 only; a pasted Cyrillic marking arrives like this
        widget.insertPlainText(text)
    strip = editor.identify.strip
    qtbot.waitUntil(lambda: strip.up_to_date, timeout=10_000)
    return strip


def _accept(qtbot: Any, editor: Any, field: str = "marking") -> None:
    qtbot.keyClick(editor.inputs[field].editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, editor.context)


def test_typing_a_marking_proposes_the_maker_and_fills_nothing_until_ctrl_i(
        qtbot: Any, finding_editor: Any) -> None:
    editor = finding_editor
    strip = _type(qtbot, editor, "STM32F405RGT6")
    found = strip.proposal.identification
    verdict = strip.verdict.text()
    assert verdict.startswith("<b>Identified</b>: <a href='org:")  # the maker links to its org
    assert "STMicroelectronics" in verdict
    assert "rule st-stm32: STM32 ordering information" in verdict
    assert "HS 8542.31 · CHPL tier 1" in verdict
    assert "part number STM32F405RGT6" in strip.detail.text()
    assert strip.accept_button.isVisible()
    assert editor.inputs["manufacturer_id"].value() == ""
    assert editor.inputs["function"].value() == ""
    assert editor.inputs["part_id"].value() == ""
    _accept(qtbot, editor)
    assert editor.inputs["manufacturer_id"].value() == "STMicroelectronics"
    assert editor.inputs["function"].value() == found.category == "microcontroller"
    assert editor.inputs["part_id"].value() == "STM32F405RGT6"
    assert editor.dirty
    assert "Filled: part, manufacturer, function" in strip.detail.text()
    # The store has no such part: creating it is offered under the field at once.
    create = editor.create_buttons["part_id"]
    assert create.isVisible() and "Create part 'STM32F405RGT6'" in create.text()


def test_the_strip_sits_under_the_marking_and_its_maker_opens(qtbot: Any, finding_editor: Any,
                                                              context: Any) -> None:
    editor = finding_editor
    strip = _type(qtbot, editor, "STM32F405RGT6")
    marking = editor.inputs["marking"]
    assert strip.parentWidget() is editor.errors["marking"].parentWidget()
    below = strip.mapTo(editor, strip.rect().topLeft()).y()
    assert 0 <= below - marking.mapTo(editor, marking.rect().bottomLeft()).y() < 30
    with qtbot.waitSignal(editor.open_requested) as opened:
        strip._link_activated(strip.verdict.text().split("href='")[1].split("'")[0])
    st = records.get(context.store, "org", "STMicroelectronics")
    assert opened.args == ["org", str(st.id)]
    qtbot.mouseClick(strip.accept_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert editor.inputs["manufacturer_id"].value() == "STMicroelectronics"


def test_ctrl_i_right_after_typing_accepts_what_was_typed(qtbot: Any, finding_editor: Any,
                                                          context: Any) -> None:
    _rule(context, "ZQX9", "Canon", category="camera")
    editor = finding_editor
    qtbot.keyClicks(editor.inputs["marking"].editor, "ZQX9001")
    _accept(qtbot, editor)  # before the pause in typing has asked the rules
    qtbot.waitUntil(lambda: editor.inputs["manufacturer_id"].value() == "Canon", timeout=5_000)
    assert editor.inputs["function"].value() == "camera"


def test_ctrl_i_leaves_a_maker_the_user_typed(qtbot: Any, finding_editor: Any) -> None:
    editor = finding_editor
    qtbot.keyClicks(editor.inputs["manufacturer_id"].editor, "Texas Instruments")
    _type(qtbot, editor, "STM32F405RGT6")
    _accept(qtbot, editor)
    assert editor.inputs["manufacturer_id"].value() == "Texas Instruments"
    assert editor.inputs["function"].value() != ""
    assert "manufacturer" not in editor.identify.strip.detail.text()


def test_a_second_accept_replaces_what_the_first_filled_and_undo_restores(
        qtbot: Any, finding_editor: Any, context: Any) -> None:
    _rule(context, "ZQX9", "Canon", category="camera")
    _rule(context, "ZQX9A", "NVIDIA", category="vision computer")
    editor = finding_editor
    _type(qtbot, editor, "ZQX9123")
    _accept(qtbot, editor)
    assert editor.inputs["manufacturer_id"].value() == "Canon"
    editor.inputs["date_code"].set_value("2301")  # typed by the user after Accept
    editor.inputs["marking"].editor.clear()
    strip = _type(qtbot, editor, "ZQX9A123 2214")
    _accept(qtbot, editor)
    assert editor.inputs["manufacturer_id"].value() == "NVIDIA"
    assert editor.inputs["function"].value() == "vision computer"
    assert editor.inputs["date_code"].value() == "2301"
    strip._link_activated("undo:")
    assert editor.inputs["manufacturer_id"].value() == ""
    assert editor.inputs["function"].value() == ""
    assert editor.inputs["date_code"].value() == "2301"


def test_rules_that_disagree_show_not_identified_and_fill_nothing(
        qtbot: Any, finding_editor: Any, context: Any) -> None:
    _rule(context, "ZQX9", "onsemi")
    _rule(context, "ZQX9", "Texas Instruments")
    editor = finding_editor
    strip = _type(qtbot, editor, "ZQX9317T 2214")
    assert "Not identified" in strip.verdict.text()
    assert "rules disagree — onsemi or Texas Instruments" in strip.verdict.text()
    assert strip.accept_button.isHidden()
    _accept(qtbot, editor)
    assert editor.inputs["manufacturer_id"].value() == ""
    assert editor.inputs["date_code"].value() == ""
    assert not editor.dirty or editor.changes().keys() <= {"marking"}


def test_no_rule_fits(qtbot: Any, finding_editor: Any) -> None:
    strip = _type(qtbot, finding_editor, "QQZZ123")
    assert "Not identified" in strip.verdict.text() and "no rule fits" in strip.verdict.text()
    assert strip.accept_button.isHidden()


def test_a_rule_added_meanwhile_changes_what_the_strip_says(qtbot: Any, finding_editor: Any,
                                                            context: Any) -> None:
    strip = _type(qtbot, finding_editor, "QQZZ123")
    assert "no rule fits" in strip.verdict.text()
    _rule(context, "QQZZ", "Canon")  # written elsewhere: in the rule editor, by the CLI
    qtbot.waitUntil(lambda: "Canon" in strip.verdict.text(), timeout=10_000)


def test_an_acquired_maker_is_shown_with_its_owner_today(qtbot: Any, finding_editor: Any,
                                                         context: Any) -> None:
    _rule(context, "ZQX7", "Xilinx", family="test FPGA")
    strip = _type(qtbot, finding_editor, "ZQX7Z020")
    amd = records.get(context.store, "org", "AMD")
    assert "Xilinx</a> (now <a href='org:" in strip.verdict.text()
    assert f"org:{amd.id}'>AMD</a>)" in strip.verdict.text()


def test_a_maker_the_store_lacks_is_added_on_accept(qtbot: Any, finding_editor: Any,
                                                    context: Any) -> None:
    _rule(context, "ZQX6", "Quarry Semiconductor")
    editor = finding_editor
    strip = _type(qtbot, editor, "ZQX6001")
    assert "not in the store: Accept adds it" in strip.verdict.text()
    _accept(qtbot, editor)
    org = records.get(context.store, "org", "Quarry Semiconductor")
    assert org.roles == ("manufacturer",)
    assert editor.inputs["manufacturer_id"].value() == "Quarry Semiconductor"
    assert "Quarry Semiconductor added to the organizations" in strip.detail.text()


def test_a_cyrillic_look_alike_marking_says_what_was_folded(
        qtbot: Any, finding_editor: Any) -> None:
    strip = _type(qtbot, finding_editor, "SТМ32F405RGТ6")  # Т and М are Cyrillic
    assert "STMicroelectronics" in strip.verdict.text()
    assert "part number STM32F405RGT6" in strip.detail.text()
    assert "Cyrillic Т, М read as Latin T, M" in strip.detail.text()
    assert "lowered from" in strip.verdict.text()


def test_a_marking_over_several_lines_is_read_as_one(qtbot: Any, finding_editor: Any) -> None:
    editor = finding_editor
    editor.inputs["marking"].editor.setPlainText("STM32F765\nVIT6\nCHN 2214")
    strip = editor.identify.strip
    qtbot.waitUntil(lambda: strip.up_to_date, timeout=10_000)
    assert "part number STM32F765VIT6" in strip.detail.text()
    assert "date code 2214 (2022 week 14)" in strip.detail.text()
    assert "origin CHN" in strip.detail.text()
    _accept(qtbot, editor)
    assert editor.inputs["date_code"].value() == "2214"
    editor.save()  # the user saves what Accept filled
    settle(qtbot, editor.context)
    saved = editor.record
    part = records.get(editor.context.store, "part", "STM32F765VIT6")
    assert saved is not None and saved.part_id == part.id
    assert saved.manufacturer_name == "STMicroelectronics" and saved.date_code == "2214"


@pytest.mark.parametrize(("pasted", "said"), [
    (("STM32F405RGT6 \x07" * 143)[:2000], "control character (U+0007) at position 15"),
    (("STM32F405RGT6 2214 " * 106)[:2000], "only the first 500 of 2,000 characters were read"),
])
def test_a_long_paste_keeps_the_window_responsive(qtbot: Any, finding_editor: Any,
                                                  engine: Counting, pasted: str,
                                                  said: str) -> None:
    editor = finding_editor
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    editor.inputs["marking"].editor.setPlainText(pasted)
    took = time.monotonic() - started
    strip = editor.identify.strip
    qtbot.waitUntil(lambda: strip.up_to_date, timeout=10_000)
    timer.stop()
    assert took < 0.5  # the paste only hands the text to the worker
    assert engine.on_main_thread == 0
    assert len(ticks) >= 5  # the event loop kept running meanwhile
    assert said in strip.verdict.text() + strip.detail.text()
    assert len(strip.verdict.text()) + len(strip.detail.text()) < 1200
    assert engine.asked == [pasted]  # one question for the whole paste
    assert engine.took[0] < 1.0  # and a short one: only the first characters are read


def test_typing_fast_asks_for_the_newest_text_and_not_for_every_key(
        qtbot: Any, finding_editor: Any, engine: Counting) -> None:
    _type(qtbot, finding_editor, "STM32F405RGT6")
    assert engine.asked[-1] == "STM32F405RGT6" and len(engine.asked) <= 3


def test_the_part_editor_proposes_under_the_part_number(qtbot: Any, context: Any,
                                                        engine: Counting) -> None:
    _rule(context, "ZQX5", "Canon", family="test image sensor", category="image sensor",
          hs_code="8542.31")
    editor = PartEditor(context)
    qtbot.addWidget(editor)
    editor.show()
    editor.new()
    strip = _type(qtbot, editor, "ZQX5001", "part_number")
    assert "Canon" in strip.verdict.text() and "HS 8542.31" in strip.verdict.text()
    assert "CHPL tier" in strip.verdict.text()
    _accept(qtbot, editor, "part_number")
    assert editor.inputs["manufacturer_id"].value() == "Canon"
    assert editor.inputs["function"].value() == "test image sensor"
    assert editor.inputs["category"].value() == "image sensor"
    assert editor.inputs["hs_code"].value() == "854231"
    assert "Filled: manufacturer, function, category, HS code" in strip.detail.text()
