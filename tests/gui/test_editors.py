"""Editors: create, edit, validation at the field, unsaved changes, delete, conflicts, custody."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from forensics_gui.gui.kit.conflict import ConflictDialog
from forensics_gui.gui.records.item_editor import TransferDialog
from forensics_gui.services import audit, custody, records
from tests.gui.conftest import settle


def _open_first(qtbot: Any, window: Any, kind: str, row: int = 0) -> Any:
    window.show_kind(kind)
    settle(qtbot, window.context)
    record = window.current_table().select_row(row)
    window.show_record(kind, record)
    settle(qtbot, window.context)
    return window.editor


def test_create_an_item_from_the_editor(qtbot: Any, window: Any, context: Any) -> None:
    window.new_record()
    editor = window.editor
    assert editor.title.text() == "New recovered item"
    editor.inputs["system_type_id"].set_value("Geran-2")  # an alias of Shahed-136
    editor.inputs["case_reference"].set_value("UA-2024-0117")
    editor.inputs["recovered_on"].set_value("2024-03-02")
    editor._on_edit()
    window.save_action.trigger()
    settle(qtbot, context)
    assert editor.record is not None and editor.record.system_type_name == "Shahed-136"
    assert records.get(context.store, "item", "UA-2024-0117").recovered_on.isoformat() == \
        "2024-03-02"
    qtbot.waitUntil(lambda: window.current_table().model.rowCount() == 7)


def test_edit_and_save_increments_the_version(qtbot: Any, window: Any, context: Any) -> None:
    editor = _open_first(qtbot, window, "item")
    version = editor.record.version
    editor.inputs["serial_number"].set_value("SN 0042")
    editor._on_edit()
    assert editor.dirty and window.save_action.isEnabled()
    editor.save()
    settle(qtbot, context)
    assert editor.record.version == version + 1 and not editor.dirty
    events = audit.history(context.store, "item", editor.record.id)
    assert events[0].new_values == {"serial_number": "SN 0042"}


def test_validation_is_shown_at_the_field(qtbot: Any, window: Any, context: Any) -> None:
    editor = _open_first(qtbot, window, "item")
    editor.inputs["recovered_on"].set_value("2999-01-01")
    editor._on_edit()
    editor.save()
    settle(qtbot, context)
    assert editor.errors["recovered_on"].isVisible()
    assert "future" in editor.errors["recovered_on"].text()
    assert editor.inputs["recovered_on"].editor.property("invalid") is True
    assert records.get(context.store, "item", editor.record.id).version == editor.record.version


def test_unsaved_changes_prompt_before_they_are_lost(qtbot: Any, window: Any, answers: Any
                                                     ) -> None:
    editor = _open_first(qtbot, window, "item")
    editor.inputs["condition"].set_value("burnt")
    editor._on_edit()
    answers.question = QMessageBox.StandardButton.Cancel
    window.step(1)
    assert answers.asked and "not saved" in answers.asked[-1]
    assert window.editor is editor and editor.dirty
    answers.question = QMessageBox.StandardButton.Discard
    window.step(1)
    settle(qtbot, window.context)
    assert not window.editor.dirty
    assert window.current_table().view.currentIndex().row() == 1


def test_an_item_is_withdrawn_with_a_reason_never_deleted(qtbot: Any, window: Any,
                                                          context: Any, monkeypatch: Any) -> None:
    editor = _open_first(qtbot, window, "item")
    case = editor.record.case_reference
    asked: list[str] = []

    def reason(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return "Recorded twice; the teardown is under another case", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", reason)
    assert editor.delete_button.text() == "Withdraw…"
    window.delete_action.trigger()
    settle(qtbot, context)
    assert "findings and photos are withdrawn with it" in asked[-1]
    table = window.current_table()
    qtbot.waitUntil(lambda: table.model.rowCount() == 5)
    assert all(r.case_reference != case for r in records.list_records(context.store, "item").rows)
    assert records.count(context.store, "item", withdrawn="include") == 6
    assert editor.withdrawn_note.isVisible() and "Recorded twice" in editor.withdrawn_note.text()
    assert not editor.tabs.widget(0).isEnabled() and not editor.delete_button.isEnabled()
    table.show_withdrawn.setChecked(True)
    qtbot.waitUntil(lambda: table.model.rowCount() == 6)
    struck = [r for r in range(6) if table.model.index(r, 0).data(Qt.ItemDataRole.FontRole)]
    assert len(struck) == 1 and table.model.record_at(struck[0]).case_reference == case


def test_a_withdrawal_without_a_reason_is_not_made(qtbot: Any, window: Any, context: Any,
                                                   answers: Any, monkeypatch: Any) -> None:
    _open_first(qtbot, window, "finding")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("   ", True))
    window.delete_action.trigger()
    settle(qtbot, context)
    assert "a reason is needed" in answers.shown[-1]
    assert records.count(context.store, "finding", withdrawn="only") == 0


def test_delete_refused_while_records_depend_on_it(qtbot: Any, window: Any, context: Any,
                                                   answers: Any) -> None:
    _open_first(qtbot, window, "part")
    window.delete_action.trigger()
    settle(qtbot, context)
    assert answers.shown and "Cannot delete" in answers.shown[-1]
    assert records.count(context.store, "part") == 10


def test_conflict_shows_both_versions_and_applies_mine_on_top(
        qtbot: Any, window: Any, context: Any, monkeypatch: Any) -> None:
    editor = _open_first(qtbot, window, "item")
    records.update(context.store, "item", editor.record.id, None, {"condition": "theirs"})
    shown: list[ConflictDialog] = []

    def choose(dialog: ConflictDialog) -> str:
        shown.append(dialog)
        return ConflictDialog.APPLY_MINE

    monkeypatch.setattr(ConflictDialog, "exec_choice", choose)
    editor.inputs["serial_number"].set_value("mine")
    editor._on_edit()
    editor.save()
    settle(qtbot, context)
    assert shown, "the conflict dialog was not shown"
    table = shown[0].table
    cells = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
             for r in range(table.rowCount())}
    assert cells["Serial number"][0] == "mine"
    assert cells["Condition"][1] == "theirs"
    settle(qtbot, context)
    saved = records.get(context.store, "item", editor.record.id)
    assert (saved.serial_number, saved.condition) == ("mine", "theirs")


def test_conflict_reload_discards_mine(qtbot: Any, window: Any, context: Any,
                                       monkeypatch: Any) -> None:
    editor = _open_first(qtbot, window, "item")
    records.update(context.store, "item", editor.record.id, None, {"condition": "theirs"})
    monkeypatch.setattr(ConflictDialog, "exec_choice", lambda self: ConflictDialog.RELOAD)
    editor.inputs["condition"].set_value("mine")
    editor._on_edit()
    editor.save()
    settle(qtbot, context)
    qtbot.waitUntil(lambda: editor.inputs["condition"].value() == "theirs")
    assert not editor.dirty


def test_record_a_transfer_from_the_item_page(qtbot: Any, window: Any, context: Any,
                                              monkeypatch: Any) -> None:
    editor = _open_first(qtbot, window, "item")
    settle(qtbot, context)
    assert "Demo forensic laboratory" in editor.custody.holder.text()

    def fill_and_save(dialog: TransferDialog) -> int:
        assert dialog.inputs["released_by"].text() == "Demo forensic laboratory"
        dialog.inputs["received_by"].setText("Archive")
        dialog._save()
        qtbot.waitUntil(lambda: dialog.result() == 1)
        return 1

    monkeypatch.setattr(TransferDialog, "exec", fill_and_save)
    editor.custody.record_transfer()
    settle(qtbot, context)
    assert "Archive" in editor.custody.holder.text()
    events = custody.custody_history(context.store, editor.record.id)
    assert custody.current_custodian(events) == "Archive"


def test_correct_and_withdraw_a_transfer_from_the_item_page(qtbot: Any, window: Any,
                                                            context: Any,
                                                            monkeypatch: Any) -> None:
    editor = _open_first(qtbot, window, "item")
    settle(qtbot, context)
    tab = editor.custody
    assert not tab.correct.isEnabled()  # nothing selected
    tab.table.selectRow(0)
    wrong = tab.selected_event()

    def correct(dialog: TransferDialog) -> int:
        assert dialog.inputs["received_by"].text() == wrong.received_by
        dialog.inputs["received_by"].setText("Evidence store B")
        dialog._save()
        settle(qtbot, context)
        assert "reason" in dialog.error.text()  # a correction says why
        dialog.reason.setText("Store B signed the receipt")
        dialog._save()
        qtbot.waitUntil(lambda: dialog.result() == 1)
        return 1

    monkeypatch.setattr(TransferDialog, "exec", correct)
    tab.correct_selected()
    settle(qtbot, context)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    assert "Evidence store B" in tab.holder.text()
    assert tab.table.item(0, 0).font().strikeOut()  # the wrong one stays, struck through
    assert tab.table.item(0, 1).text() == "corrected"
    assert tab.table.item(1, 1).text() == "correction"
    assert tab.table.item(1, 1).toolTip() == "correction: Store B signed the receipt"
    tab.table.selectRow(0)
    assert not tab.withdraw.isEnabled()  # already replaced
    tab.table.selectRow(1)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Never left the lab", True))
    tab.withdraw_selected()
    settle(qtbot, context)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3)
    assert "none recorded" in tab.holder.text()  # the only transfer was put right, then withdrawn
    assert tab.table.item(1, 1).text() == "correction, then withdrawn"
    assert tab.table.item(2, 1).toolTip() == "withdrawal: Never left the lab"


def test_finding_links_open_its_part(qtbot: Any, window: Any, context: Any) -> None:
    editor = _open_first(qtbot, window, "finding")
    part_id = editor.record.part_id
    editor.open_requested.emit("part", part_id)
    settle(qtbot, context)
    assert window.editor.kind == "part" and window.editor.record.id == part_id
    assert window.current_kind() == "part"
    assert window.editor.derived["chpl_tier"].text() == "1"


def test_shortcuts_exist_for_common_actions(window: Any) -> None:
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString()
                 for a in window.actions() if not a.shortcut().isEmpty()}
    for name in ("New record", "Save", "Delete…", "Find", "Refresh", "Next record",
                 "Previous record", "History"):
        assert shortcuts.get(name), name


def test_a_single_source_can_be_chosen_or_created_from_the_editor(
        qtbot: Any, window: Any, context: Any, monkeypatch: Any) -> None:
    from forensics_gui.gui.kit import source_picker

    window.show_kind("designation")
    window.new_record()
    editor = window.editor
    editor.inputs["organization_id"].set_value("Harbour Star Electronics Ltd (fictional)")
    editor.inputs["authority"].set_value("OFAC")

    def create_new(dialog: source_picker.SourcePicker) -> int:
        dialog.tabs.setCurrentIndex(1)
        dialog.title.setText("OFAC press release (demo)")
        dialog._accept()
        qtbot.waitUntil(lambda: dialog.chosen is not None)
        return 1

    monkeypatch.setattr(source_picker.SourcePicker, "exec", create_new)
    choose = next(b for b in editor.findChildren(type(editor.save_button))
                  if b.text() == "Choose…")
    choose.click()
    settle(qtbot, context)
    editor.save()
    settle(qtbot, context)
    saved = editor.record
    assert saved is not None and saved.source_id is not None
    assert records.get(context.store, "source", saved.source_id).title == \
        "OFAC press release (demo)"


def test_a_finding_cites_an_existing_source(qtbot: Any, window: Any, context: Any,
                                            monkeypatch: Any) -> None:
    from forensics_gui.gui.kit import source_picker

    editor = _open_first(qtbot, window, "finding")
    before = editor.inputs["source_ids"].value()

    def pick_rusi(dialog: source_picker.SourcePicker) -> int:
        dialog.filter.setText("RUSI")
        visible = [dialog.list.item(r) for r in range(dialog.list.count())
                   if not dialog.list.item(r).isHidden()]
        dialog.list.setCurrentItem(visible[0])
        dialog._accept()
        return 1

    monkeypatch.setattr(source_picker.SourcePicker, "exec", pick_rusi)
    editor._cite_source(editor.inputs["source_ids"])
    settle(qtbot, context)
    assert len(editor.inputs["source_ids"].value()) == len(before) + 1
    editor.save()
    settle(qtbot, context)
    titles = records.titles(context.store, "source", list(editor.record.source_ids))
    assert any(t.startswith("RUSI") for t in titles.values())
