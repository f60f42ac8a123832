"""The rule editor: the pattern checked as it is typed, "Try it" answering with the rule as the
form shows it (unsaved), and the built-in rules to look through before writing one."""

from __future__ import annotations

from typing import Any

import pytest

from forensics_gui.core.identify import load_rules
from forensics_gui.gui.records.built_in_rules_dialog import BuiltInRulesDialog
from forensics_gui.gui.records.rule_editor import RuleEditor
from forensics_gui.services import identify, records
from tests.gui.conftest import settle

BUILT_IN = (
    {"rule_id": "st-stm32", "maker": "STMicroelectronics", "pattern": "STM32[FGHLW][0-9]",
     "category": "microcontroller", "confidence": "high"},
    {"rule_id": "ti-lm", "maker": "Texas Instruments", "pattern": "LM[0-9]",
     "family": "LM linear ICs", "confidence": "medium", "source": "TI product pages"},
    {"rule_id": "xi-xc7", "maker": "Xilinx", "pattern": "XC7[AZK]", "confidence": "high"},
)


@pytest.fixture(autouse=True)
def small_built_in_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The built-in rules replaced by a small set: these tests say what the editor does
    whatever the rule file holds."""
    rules = load_rules(BUILT_IN)
    monkeypatch.setattr(identify, "builtin_rules", lambda: rules)


@pytest.fixture
def rule_editor(qtbot: Any, context: Any) -> RuleEditor:
    editor = RuleEditor(context)
    qtbot.addWidget(editor)
    editor.resize(700, 900)
    editor.show()
    editor.new()
    return editor


def _fill(qtbot: Any, editor: RuleEditor, **values: str) -> None:
    for name, value in values.items():
        widget = editor.inputs[name]
        if name == "confidence":
            widget.set_value(value)
            widget.edited.emit()
        else:
            widget.editor.clear()
            qtbot.keyClicks(widget.editor, value)


def _tried(qtbot: Any, editor: RuleEditor, lines: str) -> list[tuple[str, str, str]]:
    box = editor.try_box
    box.samples.setPlainText(lines)
    qtbot.waitUntil(lambda: box.up_to_date, timeout=10_000)
    table = box.table
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_try_it_answers_with_the_unsaved_rule(qtbot: Any, rule_editor: RuleEditor,
                                              context: Any) -> None:
    editor = rule_editor
    _fill(qtbot, editor, pattern="ZQX9[0-9]", maker="Gowin Semiconductor",
          family="ZQX9 test family", confidence="high")
    rows = _tried(qtbot, editor, "ZQX9123\nZQY1234")
    assert rows[0][0] == "ZQX9123"
    assert "Gowin Semiconductor" in rows[0][1] and "your rule ZQX9[0-9]" in rows[0][1]
    assert rows[0][2] == "fits: its maker is proposed"
    assert rows[1][2] == "does not fit" and "Not identified" in rows[1][1]
    assert records.list_records(context.store, "rule").rows == ()  # nothing was saved


def test_a_bad_pattern_shows_its_error_at_the_field(qtbot: Any, rule_editor: RuleEditor
                                                    ) -> None:
    editor = rule_editor
    _fill(qtbot, editor, pattern="stm32")
    qtbot.waitUntil(lambda: editor.errors["pattern"].isVisible(), timeout=5_000)
    assert "lower case 's'" in editor.errors["pattern"].text()
    assert editor.inputs["pattern"].editor.property("invalid") is True
    _fill(qtbot, editor, pattern="STM32")
    qtbot.waitUntil(lambda: not editor.errors["pattern"].isVisible(), timeout=5_000)
    _fill(qtbot, editor, pattern="(A+)+")
    qtbot.waitUntil(lambda: editor.errors["pattern"].isVisible(), timeout=5_000)
    assert "repeats a group" in editor.errors["pattern"].text()


def test_the_try_box_says_why_an_incomplete_rule_cannot_be_tried(
        qtbot: Any, rule_editor: RuleEditor) -> None:
    editor = rule_editor
    _fill(qtbot, editor, pattern="STM32F4")
    _tried(qtbot, editor, "STM32F405RGT6")
    assert editor.try_box.problem.isVisible()
    assert "maker" in editor.try_box.problem.text()


def test_a_saved_rule_is_tried_as_edited_not_as_stored(qtbot: Any, rule_editor: RuleEditor,
                                                       context: Any) -> None:
    rule = records.create(context.store, "rule", {"pattern": "ZQX9", "maker": "Canon",
                                                  "confidence": "high"})
    editor = rule_editor
    editor.load(rule)
    _fill(qtbot, editor, maker="Gowin Semiconductor")
    rows = _tried(qtbot, editor, "ZQX9123")
    assert "Gowin Semiconductor" in rows[0][1] and "Canon" not in rows[0][1]
    assert rows[0][2] == "fits: its maker is proposed"


def test_the_built_in_rules_are_listed_and_filtered(qtbot: Any, context: Any) -> None:
    dialog = BuiltInRulesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, context)
    assert dialog.model.rowCount() == 3
    assert dialog.count.text() == "3 built-in rules"
    dialog.filter.setText("linear")  # the family of one rule
    assert dialog.proxy.rowCount() == 1
    row = [dialog.proxy.index(0, c).data() for c in range(dialog.proxy.columnCount())]
    assert row[:4] == ["ti-lm", "Texas Instruments", "", "LM[0-9]"]
    assert row[-1] == "TI product pages"
    dialog.filter.setText("AMD")  # the owner today of one maker (from the makers table)
    assert [dialog.proxy.index(0, c).data() for c in range(2)] == ["xi-xc7", "Xilinx"]
    assert dialog.count.text() == "1 of 3 built-in rules"


def test_the_try_box_says_when_this_rule_wins_and_when_it_disagrees(
        qtbot: Any, rule_editor: RuleEditor, context: Any) -> None:
    editor = rule_editor
    _fill(qtbot, editor, pattern="LM317", maker="onsemi", confidence="high")
    rows = _tried(qtbot, editor, "LM317T\nLM358")
    assert rows[0][2] == "fits: its maker is proposed"  # more specific than ti-lm
    assert "Texas Instruments" in rows[1][1] and rows[1][2] == "does not fit"
    records.create(context.store, "rule", {"pattern": "LM317", "maker": "Texas Instruments",
                                           "confidence": "high"})  # the answers follow
    qtbot.waitUntil(lambda: editor.try_box.table.item(0, 2).text() != rows[0][2],
                    timeout=10_000)
    rows = _tried(qtbot, editor, "LM317T")
    assert rows[0][1].startswith("Not identified: rules disagree")
    assert rows[0][2] == "fits, and disagrees with another rule"
