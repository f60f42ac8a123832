"""Creating what a form names but the store lacks, where the user is: "Create part 'X'…" in
the suggestions and under a refused field, a small form started with what is known, and the
new record chosen in the form the user came from, which keeps everything else unsaved.
Also: a refused field in sight, Open on what was typed, Ctrl+N, new forms at the top."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from forensics_gui.core.fields import KINDS, describe
from forensics_gui.gui.kit.reference_field import NOT_CREATED, ReferenceField
from forensics_gui.gui.records.record_editor import RecordEditor
from forensics_gui.services import audit, records
from tests.gui.conftest import settle

SHAHED = "DEMO-SHAHED-136-001"
NEW_PART = "STM32F405RGT6"
ST = "STMicroelectronics"
# Names in the demo store, for the fields a new record of each kind cannot be saved without.
EXISTING = {"system": "Shahed-136", "org": ST, "item": "DEMO-LANCET-001"}
REFERENCES = [(kind.name, spec.name) for kind in KINDS.values() for spec in kind.fields
              if spec.type == "ref"]


def _new_finding(qtbot: Any, window: Any) -> Any:
    window.activateWindow()
    window.new_finding_in(records.get(window.context.store, "item", SHAHED))
    settle(qtbot, window.context)
    return window.editor


def _type(qtbot: Any, field: Any, text: str) -> None:
    field.editor.setFocus()
    qtbot.keyClicks(field.editor, text)


def _choose_create_from_the_list(qtbot: Any, field: Any) -> None:
    qtbot.waitUntil(lambda: field.shown_for == field.text().strip() and
                    field.completer.popup().isVisible(), timeout=10_000)
    popup = field.completer.popup()
    last = field.model.index(field.model.rowCount() - 1, 0)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton,
                     pos=popup.visualRect(popup.model().index(last.row(), 0)).center())


def _dialog(qtbot: Any, editor: Any) -> Any:
    qtbot.waitUntil(lambda: editor.create_dialog is not None and
                    editor.create_dialog.isVisible(), timeout=5_000)
    return editor.create_dialog


def _create(qtbot: Any, dialog: Any) -> Any:
    """Click Create; the record made, once the window has closed."""
    with qtbot.waitSignal(dialog.finished, timeout=10_000), \
            qtbot.waitSignal(dialog.created, timeout=10_000) as made:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    return made.args[0]


def _shown(editor: Any) -> dict[str, Any]:
    return {name: widget.value() for name, widget in editor.inputs.items()}


def test_an_unknown_part_number_is_created_from_the_finding_and_chosen(
        qtbot: Any, window: Any, context: Any) -> None:
    editor = _new_finding(qtbot, window)
    maker = editor.inputs["manufacturer_id"]
    maker.choose(records.get(context.store, "org", ST).id, ST)
    editor.inputs["function"].set_value("Flight controller microcontroller")
    editor.inputs["location"].set_value("flight controller board, U3")
    editor._on_edit()
    part = editor.inputs["part_id"]
    _type(qtbot, part, NEW_PART)
    _choose_create_from_the_list(qtbot, part)
    dialog = _dialog(qtbot, editor)
    form = dialog.form
    assert dialog.windowTitle() == "New part"
    assert form.inputs["part_number"].value() == NEW_PART
    assert form.inputs["manufacturer_id"].value() == ST
    assert form.inputs["function"].value() == "Flight controller microcontroller"
    assert form.inputs["category"].value() == ""
    before = _shown(editor)
    created = _create(qtbot, dialog)
    assert created.part_number == NEW_PART and created.manufacturer_name == ST
    # Back in the finding: the part chosen by name, everything else as it was, unsaved.
    assert part.value() == NEW_PART and part.record_id() == created.id
    assert _shown(editor) == before | {"part_id": NEW_PART}
    assert editor.record is None and editor.dirty
    events = audit.history(context.store, "part", created.id)
    assert [e.action for e in events] == ["create"]
    window.save_action.trigger()
    settle(qtbot, context)
    assert editor.record is not None and editor.record.part_id == created.id
    assert editor.record.case_reference == SHAHED
    assert editor.record.location == "flight controller board, U3"


def test_cancel_leaves_the_form_as_it_was(qtbot: Any, window: Any, context: Any) -> None:
    editor = _new_finding(qtbot, window)
    editor.inputs["function"].set_value("GNSS receiver")
    editor._on_edit()
    part = editor.inputs["part_id"]
    _type(qtbot, part, NEW_PART)
    before, dirty = _shown(editor), editor.dirty
    _choose_create_from_the_list(qtbot, part)
    dialog = _dialog(qtbot, editor)
    dialog.form.inputs["function"].set_value("something else")
    with qtbot.waitSignal(dialog.finished, timeout=5_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert _shown(editor) == before and editor.dirty == dirty
    assert part.record_id() is None
    assert records.count(context.store, "part", contains=NEW_PART) == 0


def _fill_required(form: Any) -> None:
    for spec in form.spec.fields:
        widget = form.inputs[spec.name]
        if not spec.required or widget.value():
            continue
        if spec.type == "choice":
            widget.set_value(spec.choices[0])
        elif spec.type == "ref":
            widget.set_value(EXISTING[spec.ref])
        else:
            widget.set_value("1")
    form._on_edit()


@pytest.mark.parametrize(("kind", "field"), REFERENCES, ids=[f"{k}.{f}" for k, f in REFERENCES])
def test_every_reference_field_creates_what_it_names(qtbot: Any, context: Any, kind: str,
                                                     field: str) -> None:
    target = KINDS[kind].field(field).ref
    editor = RecordEditor(context, kind)
    qtbot.addWidget(editor)
    editor.resize(600, 800)
    editor.show()
    editor.new()
    widget = editor.inputs[field]
    assert isinstance(widget, ReferenceField)
    name = f"Brand-new {target} 7"
    _type(qtbot, widget, name)
    qtbot.waitUntil(lambda: widget.shown_for == name, timeout=10_000)
    if target in NOT_CREATED:  # a photo comes from its file, a handling marking is a setting
        assert not any(row.startswith("Create") for row in widget.popup_rows())
        assert field not in editor.create_buttons
        return
    assert widget.popup_rows()[-1] == f"Create {KINDS[target].label} '{name}'…"
    editor.create_reference(field)
    dialog = _dialog(qtbot, editor)
    title = KINDS[target].title_field
    assert dialog.form.inputs[title].value() == name
    _fill_required(dialog.form)
    created = _create(qtbot, dialog)
    assert created is not None
    assert records.get(context.store, target, created.id).id == created.id
    assert widget.record_id() == created.id
    assert widget.value() == describe(target, created)
    assert editor.dirty and editor.record is None


def test_a_refused_field_is_scrolled_to_and_offers_create(qtbot: Any, window: Any,
                                                          context: Any) -> None:
    window.resize(1100, 620)
    editor = _new_finding(qtbot, window)
    editor.inputs["part_id"].set_value(NEW_PART)
    editor.inputs["notes"].set_value("typed last, at the bottom of the form")
    editor._on_edit()
    bar = editor.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert editor.cells["part_id"].visibleRegion().isEmpty()
    editor.save()
    settle(qtbot, context)
    error, button = editor.errors["part_id"], editor.create_buttons["part_id"]
    assert error.text() == f"unknown part '{NEW_PART}'"
    qtbot.waitUntil(lambda: not editor.cells["part_id"].visibleRegion().isEmpty())
    assert not error.visibleRegion().isEmpty() and not button.visibleRegion().isEmpty()
    assert bar.value() < bar.maximum()
    qtbot.waitUntil(lambda: editor.inputs["part_id"].editor.hasFocus())
    assert button.text() == f"Create part '{NEW_PART}'…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    created = _create(qtbot, _dialog(qtbot, editor))
    assert editor.inputs["part_id"].record_id() == created.id
    assert not error.isVisible() and not button.isVisible()
    assert editor.inputs["notes"].value() == "typed last, at the bottom of the form"


def test_open_opens_what_was_typed_or_offers_to_create_it(qtbot: Any, window: Any,
                                                          context: Any, answers: Any) -> None:
    editor = _new_finding(qtbot, window)
    part = editor.inputs["part_id"]
    part.set_value("UNKNOWN-123")
    editor._on_edit()
    (open_part,) = [b for b in editor.cells["part_id"].findChildren(type(editor.save_button))
                    if b.text() == "Open"]
    qtbot.mouseClick(open_part, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert window.editor is editor
    assert "unknown part 'UNKNOWN-123'" in editor.errors["part_id"].text()
    assert editor.create_buttons["part_id"].isVisible()
    part.set_value("stm32f765vit6")  # typed, never chosen: resolved as a save would
    answers.question = QMessageBox.StandardButton.Discard
    qtbot.mouseClick(open_part, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert window.editor.kind == "part" and window.editor.record.part_number == "STM32F765VIT6"


def test_labels_stay_on_one_line_and_an_empty_box_leaves_the_form_the_room(
        qtbot: Any, window: Any) -> None:
    window.resize(1280, 800)
    editor = _new_finding(qtbot, window)
    QApplication.processEvents()
    form = editor.scroll.widget().findChild(type(editor.scroll.widget()))
    labels = [form.layout().labelForField(editor.cells[name]) for name in editor.inputs]
    for label in labels:
        assert label.height() < 2 * label.fontMetrics().height(), label.text()
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    assert editor.seen is not None and not editor.seen.isVisible()
    assert editor.links_box.height() <= editor.links_box.sizeHint().height()
    assert editor.scroll.height() > editor.body.height() * 0.7


def _focus(qtbot: Any, widget: Any) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=5_000)


def _ctrl_n(qtbot: Any, widget: Any) -> None:
    _focus(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, widget.window().context)


def test_ctrl_n_in_a_finding_makes_a_finding_in_the_same_item(qtbot: Any, window: Any,
                                                              context: Any) -> None:
    item = records.get(context.store, "item", SHAHED)
    window.open_record("item", item.id)
    settle(qtbot, context)
    finding = records.list_records(context.store, "finding",
                                   filters={"item_id": item.id}).rows[0]
    window.open_record("finding", finding.id, keep_page=True)  # opened from the item
    settle(qtbot, context)
    assert window.current_kind() == "item"
    _ctrl_n(qtbot, window.editor.inputs["function"].editor)
    editor = window.editor
    assert editor.kind == "finding" and editor.record is None
    assert editor.inputs["item_id"].value() == SHAHED
    assert editor.inputs["item_id"].record_id() == item.id
    # Again from the new finding: still a finding in that item.
    _ctrl_n(qtbot, editor.inputs["function"].editor)
    assert window.editor.kind == "finding" and window.editor.inputs["item_id"].value() == SHAHED


def test_ctrl_n_follows_what_the_user_looks_at(qtbot: Any, window: Any, context: Any) -> None:
    item = records.get(context.store, "item", SHAHED)
    window.open_record("item", item.id)
    settle(qtbot, context)
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.findings_holder)
    settle(qtbot, context)
    _ctrl_n(qtbot, editor.findings.view)
    assert window.editor.kind == "finding" and window.editor.inputs["item_id"].value() == SHAHED
    part = records.get(context.store, "part", "STM32F765VIT6")
    window.open_record("part", part.id)
    settle(qtbot, context)
    _ctrl_n(qtbot, window.editor.inputs["function"].editor)
    assert window.editor.kind == "part" and window.editor.record is None
    window.open_record("part", part.id)
    settle(qtbot, context)
    window.show_search()  # a wide page: the kind of the record open beside it
    _ctrl_n(qtbot, window.search_panel)
    assert window.editor.kind == "part" and window.editor.record is None
    window.show_kind("item")
    settle(qtbot, context)
    _ctrl_n(qtbot, window.current_table().view)  # in a table: its kind
    assert window.editor.kind == "item" and window.editor.record is None


def test_a_new_or_opened_record_starts_at_the_top(qtbot: Any, window: Any,
                                                  context: Any) -> None:
    window.resize(1100, 620)
    window.show_kind("finding")
    settle(qtbot, context)
    window.show_record("finding", window.current_table().select_row(0))
    settle(qtbot, context)
    editor = window.editor
    bar = editor.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    _ctrl_n(qtbot, editor.inputs["notes"].editor)
    assert window.editor is editor and editor.record is None and bar.value() == 0
    for name in ("item_id", "part_id"):
        assert not editor.cells[name].visibleRegion().isEmpty()
    bar.setValue(bar.maximum())
    window.show_record("finding", window.current_table().select_row(1))
    assert bar.value() == 0


def test_the_small_form_refuses_at_its_field_and_creates_what_it_lacks_in_turn(
        qtbot: Any, window: Any, context: Any) -> None:
    window.activateWindow()
    window.show_kind("finding")
    window.new_record()
    editor = window.editor
    assert editor.kind == "finding" and editor.inputs["item_id"].value() == ""
    editor.inputs["function"].set_value("Jamming receiver")
    editor._on_edit()
    _type(qtbot, editor.inputs["item_id"], "UA-2025-0042")
    editor.create_reference("item_id")
    item_dialog = _dialog(qtbot, editor)
    item_form = item_dialog.form
    item_form.inputs["system_type_id"].set_value("Shahed-238")  # not in the store yet
    item_form._on_edit()
    qtbot.mouseClick(item_dialog.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert item_dialog.isVisible() and item_dialog.create_button.isEnabled()
    assert item_form.errors["system_type_id"].text() == "unknown weapon system type 'Shahed-238'"
    button = item_form.create_buttons["system_type_id"]
    assert button.isVisible() and button.text() == "Create weapon system type 'Shahed-238'…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    system = _create(qtbot, _dialog(qtbot, item_form))
    assert system.name == "Shahed-238"
    assert item_form.inputs["system_type_id"].record_id() == system.id
    item = _create(qtbot, item_dialog)
    assert item.case_reference == "UA-2025-0042" and item.system_type_id == system.id
    assert editor.inputs["item_id"].record_id() == item.id
    assert editor.inputs["function"].value() == "Jamming receiver" and editor.record is None
