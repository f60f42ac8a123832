"""Key presses for recording findings: 50 findings of one item typed in bench mode (every
cell typed; then again accepting the identification with Ctrl+I where the rules identify the
marking), and the same 50 in the ordinary finding editor (New record, fields by Tab, Save),
counted. Each finding: position, marking (two lines), part number, maker, function, date code,
confidence.

A key press is one character typed or one key with its modifiers (Tab, Shift+Enter, Ctrl+S).
Run with -s to see the figures.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forensics_gui.gui.bench.bench_panel import BenchPanel
from forensics_gui.services import bench as bench_service
from forensics_gui.services import records
from tests.gui.bench_support import Keyboard
from tests.gui.test_bench import ITEM, drain

BENCH_FINDINGS = 50
EDITOR_FINDINGS = 50
CONFIDENCE = ("high", "medium", "low")
# The order of a finding's values at the bench (one cell each, Tab between them).
CELLS = ("location", "marking", "part", "maker", "function", "date_code", "confidence")
CELL_FIELDS = dict(zip(CELLS, ("location", "marking", "part_id", "manufacturer_id", "function",
                               "date_code", "confidence"), strict=True))
# The finding editor's fields, in the order typed (Tab passes over the others).
EDITOR_FIELDS = (("item_id", "item"), ("part_id", "part"), ("manufacturer_id", "maker"),
                 ("function", "function"), ("marking", "marking"), ("date_code", "date_code"),
                 ("location", "location"), ("confidence", "confidence"))


def teardown_findings(context: Any, count: int, prefix: str) -> list[dict[str, str]]:
    """The values of `count` findings: the demo's parts with their makers, over and over (a
    board holds many of the same part), each at its own position."""
    parts = [p for p in records.list_records(context.store, "part", limit=100).rows
             if p.manufacturer_name]
    found = []
    for n in range(count):
        part = parts[n % len(parts)]
        date_code = f"{20 + n % 3}{1 + (n * 7) % 50:02d}"
        found.append({"location": f"{prefix}{n + 1}", "part": part.part_number,
                      "marking": f"{part.part_number}\n{date_code}",
                      "maker": part.manufacturer_name, "function": part.function or "IC",
                      "date_code": date_code, "confidence": CONFIDENCE[n % 3]})
    return found


def type_marking(keys: Keyboard, marking: str, new_line: Any) -> None:
    for n, line in enumerate(marking.split("\n")):
        if n:
            new_line()
        keys.type(line)


def check_stored(context: Any, item: Any, wanted: list[dict[str, str]]) -> None:
    stored = {f.location: f for f in records.list_records(
        context.store, "finding", filters={"item_id": item.id}, limit=1000).rows}
    for values in wanted:
        finding = stored[values["location"]]
        assert (finding.marking, finding.part_number, finding.manufacturer_name,
                finding.function, finding.date_code, finding.confidence) == (
            values["marking"], values["part"], values["maker"], values["function"],
            values["date_code"], values["confidence"]), values["location"]


# ---------------------------------------------------------------------- bench mode
def open_bench(qtbot: Any, context: Any, item: Any) -> BenchPanel:
    panel = BenchPanel(context)
    qtbot.addWidget(panel, before_close_func=lambda page: (page.close(), drain(qtbot, context)))
    panel.resize(1600, 900)
    panel.show()
    panel.activateWindow()
    panel.show_item(item.id)
    qtbot.waitUntil(lambda: panel.controller.item is not None)
    drain(qtbot, context)
    return panel


def bench_keys(qtbot: Any, context: Any, item: Any, findings: list[dict[str, str]],
               accept: bool = False) -> int:
    """Every cell typed, Tab between them; with `accept`, Ctrl+I after the marking wherever
    the rules identify it, then only the cells still empty."""
    panel = open_bench(qtbot, context, item)
    keys = Keyboard(panel)
    for values in findings:
        keys.type(values["location"])
        keys.tab()
        row = panel.model.rows[panel.view.currentIndex().row()]
        type_marking(keys, values["marking"],
                     lambda: keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier))
        rest = CELLS[2:]
        if accept and identified(context, values["marking"]):
            keys.ctrl(Qt.Key.Key_I)  # the grey proposal goes in; the cursor to what is left
            qtbot.waitUntil(lambda row=row: row.values["part_id"] != "")
            rest = CELLS[panel.view.currentIndex().column() - 1:]
        else:
            keys.tab()
        for name in rest:
            if not row.values[CELL_FIELDS[name]]:
                keys.type(values[name][0] if name == "confidence" else values[name])
            keys.tab()  # from the last cell: the next row, and the row left is saved
    qtbot.waitUntil(lambda: panel.unsaved() == 0, timeout=30_000)
    assert not [r for r in panel.model.rows if r.refused], "no row may be refused"
    return keys.count


def identified(context: Any, marking: str) -> bool:
    """Whether the grey proposal a user sees names the part and its maker."""
    proposal = bench_service.propose(context.store, marking)
    return proposal is not None and {"part_id", "manufacturer_id"} <= proposal.values.keys()


# ---------------------------------------------------------------------- the editor
def editor_keys(qtbot: Any, context: Any, window: Any, item: Any,
                findings: list[dict[str, str]]) -> int:
    window.show_kind("finding")
    window.activateWindow()
    keys = Keyboard(window)
    # A list (the confidence) finds what is typed within this interval as one word; a test
    # types faster than anyone, and the letter of one finding would join the next one's.
    interval = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(1)
    for values in findings:
        keys.ctrl(Qt.Key.Key_N)
        editor = window.editor
        values = values | {"item": item.case_reference}
        for field, name in EDITOR_FIELDS:
            tab_to(keys, editor, field)
            if name == "marking":
                type_marking(keys, values["marking"], keys.enter)
            else:
                keys.type(values[name][0] if name == "confidence" else values[name])
        keys.ctrl(Qt.Key.Key_S)
        qtbot.waitUntil(lambda editor=editor, values=values: editor.record is not None and
                        editor.record.location == values["location"] and not editor.dirty,
                        timeout=10_000)
    QApplication.setKeyboardInputInterval(interval)
    return keys.count


def tab_to(keys: Keyboard, editor: Any, field: str) -> None:
    """Tab until the keyboard is in `field` (as a user does, counting each Tab)."""
    widget = editor.inputs[field]
    for _ in range(40):
        focus = QApplication.focusWidget()
        if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
            return
        keys.tab()
    raise AssertionError(f"Tab never reached {field}")


@pytest.mark.slow
def test_bench_mode_takes_fewer_key_presses_than_the_finding_editor(
        qtbot: Any, context: Any, window: Any) -> None:
    item = records.get(context.store, "item", ITEM)
    figures: dict[str, Any] = {}
    started = time.monotonic()
    at_bench = teardown_findings(context, BENCH_FINDINGS, "B")
    bench = bench_keys(qtbot, context, item, at_bench)
    check_stored(context, item, at_bench)
    seconds = {"bench": time.monotonic() - started}
    started = time.monotonic()
    accepting = teardown_findings(context, BENCH_FINDINGS, "I")
    with_rules = bench_keys(qtbot, context, item, accepting, accept=True)
    check_identified(context, item, accepting)
    seconds["rules"] = time.monotonic() - started
    started = time.monotonic()
    in_editor = teardown_findings(context, EDITOR_FINDINGS, "E")
    editor = editor_keys(qtbot, context, window, item, in_editor)
    check_stored(context, item, in_editor)
    seconds["editor"] = time.monotonic() - started
    drain(qtbot, context)  # the editor's boxes and strips finish before the window closes
    per = {"bench": bench / BENCH_FINDINGS, "rules": with_rules / BENCH_FINDINGS,
           "editor": editor / EDITOR_FINDINGS}
    figures = {"findings": BENCH_FINDINGS, "bench_keys": bench, "bench_ctrl_i_keys": with_rules,
               "editor_findings": EDITOR_FINDINGS, "editor_keys": editor,
               **{f"{k}_per_finding": round(v, 1) for k, v in per.items()},
               "ratio_bench_editor": round(per["bench"] / per["editor"], 2),
               "ratio_bench_ctrl_i_editor": round(per["rules"] / per["editor"], 2)}
    print(f"\nKey presses to record findings of one item (the keyboard only)\n"
          f"  {'':38}{'findings':>9}{'keys':>7}{'per finding':>13}{'seconds':>9}\n"
          f"  {'bench mode, every cell typed':38}{BENCH_FINDINGS:>9}{bench:>7}"
          f"{per['bench']:>13.1f}{seconds['bench']:>9.1f}\n"
          f"  {'bench mode, Ctrl+I where identified':38}{BENCH_FINDINGS:>9}{with_rules:>7}"
          f"{per['rules']:>13.1f}{seconds['rules']:>9.1f}\n"
          f"  {'finding editor (Ctrl+N, Tab, Ctrl+S)':38}{EDITOR_FINDINGS:>9}{editor:>7}"
          f"{per['editor']:>13.1f}{seconds['editor']:>9.1f}\n"
          f"  bench / editor: {figures['ratio_bench_editor']:.2f}; with Ctrl+I: "
          f"{figures['ratio_bench_ctrl_i_editor']:.2f}\n{json.dumps(figures)}")
    assert per["rules"] <= per["bench"] < per["editor"]


def check_identified(context: Any, item: Any, wanted: list[dict[str, str]]) -> None:
    """Findings recorded with Ctrl+I: where they sit, what they read, their part and maker."""
    stored = {f.location: f for f in records.list_records(
        context.store, "finding", filters={"item_id": item.id}, limit=1000).rows}
    for values in wanted:
        finding = stored[values["location"]]
        assert (finding.marking, finding.part_number, finding.manufacturer_name) == (
            values["marking"], values["part"], values["maker"]), values["location"]
