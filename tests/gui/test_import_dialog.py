"""The spreadsheet import dialog, on a copy of the demo store: the mapping is guessed, the
preview follows every change and lists refused rows where they are, Import writes the rows
(and the lists show them), the same file again adds nothing, a public list is recognised and
cited, Cancel leaves the store as it was, and a file the reader refuses is said in the dialog."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from forensics_gui.gui.exchange.import_dialog import ImportDialog, show_import_dialog
from forensics_gui.services import records, stores
from tests.gui.conftest import settle

HUR_TITLE = "War & Sanctions portal (HUR), Foreign components in weapons"
FINDINGS = [
    ["Case reference", "Part number", "Manufacturer", "Marking as read", "Quantity",
     "Location in item"],
    ["DEMO-SHAHED-136-001", "STM32F405RGT6", "STMicroelectronics", "STM32F405\nRGT6", "1",
     "flight controller"],
    ["DEMO-SHAHED-136-001", "ADM3232", "Analog Devices", "ADM3232EARNZ", "2", "interface"],
    ["DEMO-KH-101-001", "TPS54331DR", "Texas Instruments", "TPS54331", "1", "power supply"],
    ["DEMO-NOT-THERE-999", "LM317", "Texas Instruments", "LM317T", "1", ""],
    ["DEMO-LANCET-001", "XC7Z020", "AMD Xilinx", "XC7Z020-1CLG400C", "abc", "video module"],
]
HUR = [
    ["product", "refs / marking", "weapon", "manufacturer_country", "manufacturer"],
    ["Microcontroller", "STM32F405RGT6\nGH22V 93 MYS 231", "Shahed-136", "Switzerland",
     "STMicroelectronics"],
    ["GNSS module", "NEO-M8N\n0-001", "Shahed-136", "Switzerland", "u-blox"],
    ["Capacitor", "T491D107K016AT", "Orlan-10", "United States", "Not identified"],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path


def open_dialog(qtbot: Any, window: Any, path: Path) -> ImportDialog:
    dialog = show_import_dialog(window.context, window, str(path))
    assert dialog is not None
    qtbot.addWidget(dialog)
    previewed(qtbot, dialog)
    return dialog


def previewed(qtbot: Any, dialog: ImportDialog) -> None:
    """Wait for the preview of the settings shown (or for the reader's refusal)."""
    qtbot.waitUntil(lambda: dialog.preview is not None or bool(
        dialog.reader_problem.text() or dialog.missing_text()), timeout=20_000)


def pick(dialog: ImportDialog, column: str, target: str | None) -> None:
    combo = dialog.mapping.combos[column]
    combo.setCurrentIndex(combo.findData(target))


def button_text(dialog: ImportDialog) -> str:
    return dialog.import_button.text().replace("&", "")


def counts(store: Any) -> dict[str, int]:
    return {k: v for k, v in stores.summary(store).counts.items() if k != "audit"}


def import_now(qtbot: Any, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)


@pytest.fixture
def findings_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "findings.csv", FINDINGS)


def test_the_columns_are_mapped_and_the_preview_counts_the_rows(
        qtbot: Any, window: Any, findings_csv: Path) -> None:
    dialog = open_dialog(qtbot, window, findings_csv)
    assert dialog.kind.currentData() == "finding"
    assert dialog.mapping.mapping() == {
        "Case reference": "item", "Part number": "part_number", "Manufacturer": "manufacturer",
        "Marking as read": "marking", "Quantity": "quantity", "Location in item": "location"}
    summary = dialog.summary.text()
    assert "3 new component findings (with 2 parts)" in summary
    assert "2 refused" in summary
    assert button_text(dialog) == "Import 3 rows" and dialog.import_button.isEnabled()
    assert dialog.save_rejects.text().replace("&", "") == "Save refused rows…"
    assert dialog.save_rejects.isEnabled()
    # The first rows as they will be read: what becomes of each, and the cells by target.
    first = dialog.first_model
    assert first.headers[:3] == ["Row", "Will be", "Recovered item"]
    assert first.rows[0][:3] == (2, "new", "DEMO-SHAHED-136-001")
    assert first.rows[4][1].startswith("refused: 'Quantity'")
    samples = dialog.mapping.grid.itemAtPosition(4, 1).widget().text()
    assert "STM32F405 ⏎ RGT6" in samples  # a cell of two lines, on one


def test_a_refused_row_is_listed_with_its_row_column_and_reason(
        qtbot: Any, window: Any, findings_csv: Path, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, window, findings_csv)
    refused = {(row, column): reason for row, column, reason in dialog.refused_model.rows}
    assert set(refused) == {(5, "Case reference"), (6, "Quantity")}
    assert "DEMO-NOT-THERE-999" in refused[5, "Case reference"]
    assert "'abc' is not a whole number" in refused[6, "Quantity"]
    assert dialog.tabs.tabText(1) == "Refused rows (2)"
    assert dialog.refused_model.data(dialog.refused_model.index(1, 1)) == "Quantity"
    # Saved before anything is imported, as they were in the file, row and reason first.
    target = tmp_path / "refused.csv"
    dialog.save_rejects_to(str(target))
    qtbot.waitUntil(lambda: "Saved 2 refused rows" in dialog.message.text())
    saved = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert saved[0][:4] == ["row", "column", "reason", "Case reference"]
    assert [r[:2] for r in saved[1:]] == [["5", "Case reference"], ["6", "Quantity"]]
    assert saved[2][3] == "DEMO-LANCET-001"


def test_changing_a_target_updates_the_preview(
        qtbot: Any, window: Any, findings_csv: Path) -> None:
    dialog = open_dialog(qtbot, window, findings_csv)
    pick(dialog, "Quantity", None)  # ignored: the 'abc' row is no longer refused
    qtbot.waitUntil(lambda: dialog.preview is not None and "4 new" in dialog.summary.text())
    assert "1 refused" in dialog.summary.text()
    assert button_text(dialog) == "Import 4 rows"
    pick(dialog, "Case reference", None)  # nothing says where the findings were found
    assert "No column is mapped to 'Recovered item' or 'Weapon system'" in (
        dialog.missing.text())
    assert not dialog.missing.isHidden()
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text() == ""
    pick(dialog, "Case reference", "item")
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.missing.isHidden() and dialog.import_button.isEnabled()


def test_import_writes_the_rows_and_the_same_file_again_adds_nothing(
        qtbot: Any, window: Any, findings_csv: Path) -> None:
    store = window.context.store
    before = counts(store)
    window.show_kind("finding")
    table = window.current_table()
    qtbot.waitUntil(lambda: table.model.rowCount() == before["finding"])
    dialog = open_dialog(qtbot, window, findings_csv)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running)
    after = counts(store)
    assert after["finding"] == before["finding"] + 3
    assert after["part"] == before["part"] + 2
    assert "Imported findings.csv: 6 rows" not in dialog.message.text()  # 5 rows, said so
    assert dialog.message.text().startswith("Imported findings.csv: 5 rows: 3 new")
    marking = records.list_records(store, "finding", filters={"part_id": "STM32F405RGT6"}).rows
    assert [(f.case_reference, f.marking, f.location) for f in marking] == [
        ("DEMO-SHAHED-136-001", "STM32F405\nRGT6", "flight controller")]
    # The main window's list follows the write.
    qtbot.waitUntil(lambda: table.model.rowCount() == before["finding"] + 3)
    # The preview now sees them held, and so does the file opened again.
    qtbot.waitUntil(lambda: dialog.preview is not None
                    and "3 already in the store" in dialog.summary.text())
    assert not dialog.import_button.isEnabled()
    again = open_dialog(qtbot, window, findings_csv)
    assert "0 new component findings, 3 already in the store, 2 refused" in again.summary.text()
    assert [fate for _, fate, *_ in again.first_model.rows[:3]] == ["already imported"] * 3
    assert not again.import_button.isEnabled()
    assert counts(store) == after


def test_the_hur_list_is_recognised_and_cited_to_its_graded_source(
        qtbot: Any, window: Any, tmp_path: Path) -> None:
    store = window.context.store
    dialog = open_dialog(qtbot, window, write_csv(tmp_path / "hur.csv", HUR))
    assert dialog.layout_box.currentData() == "hur"
    assert dialog.layout_note.text().startswith(
        'This is the HUR "Foreign components in weapons" list: each row becomes a component '
        f"finding cited to “{HUR_TITLE}” (B2)")
    assert dialog.source_title.text() == HUR_TITLE
    assert dialog.reliability.currentData() == "B" and dialog.credibility.currentData() == "2"
    assert dialog.mapping.mapping()["refs / marking"] == "marking"
    assert "3 new component findings" in dialog.summary.text()
    # Cited to a source of its own, graded as the user says.
    dialog.source_title.setText("HUR component list, scraped copy")
    dialog.source_title.textEdited.emit(dialog.source_title.text())
    dialog.reliability.setCurrentIndex(dialog.reliability.findData("C"))
    dialog.reliability.activated.emit(dialog.reliability.currentIndex())
    qtbot.waitUntil(lambda: dialog.preview is not None
                    and "a new source graded C2" in dialog.summary.text())
    import_now(qtbot, dialog)
    source = records.get(store, "source", "HUR component list, scraped copy")
    assert (source.reliability, source.credibility) == ("C", 2)
    found = records.list_records(store, "finding", filters={"part_id": "NEO-M8N"}).rows
    assert len(found) == 1 and found[0].source_ids == (source.id,)
    assert found[0].case_reference == "HUR list: Shahed-136"
    unnamed = records.list_records(store, "finding", filters={"part_id": "T491D107K016AT"}).rows
    assert unnamed[0].manufacturer_id is None  # "Not identified" names no maker


def test_cancel_leaves_the_store_as_it_was(
        qtbot: Any, window: Any, findings_csv: Path) -> None:
    store = window.context.store
    before = counts(store)
    dialog = open_dialog(qtbot, window, findings_csv)
    gate = threading.Event()
    window.context.run(gate.wait)  # the worker is busy: the import waits behind it
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.close_button.text() == "Cancel" and not dialog.inputs[0].isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.message.text() == ("Cancelled: nothing was imported; the store is as it "
                                     "was.")
    assert counts(store) == before
    assert dialog.close_button.text() == "Close" and dialog.inputs[0].isEnabled()


def test_a_file_the_reader_refuses_is_said_in_the_dialog_and_can_be_read_again(
        qtbot: Any, window: Any, tmp_path: Path, answers: Any) -> None:
    path = tmp_path / "cyrillic.csv"
    path.write_bytes("Назва,Країна\nВектор Компонент,RU\n".encode("cp1251"))
    dialog = open_dialog(qtbot, window, path)
    problem = dialog.reader_problem.text()
    assert problem.startswith("cyrillic.csv: line 1 holds the byte 0x")
    assert "cp1251" in problem and "--encoding" not in problem
    assert dialog.retry.text() == "Read as cp1251" and not dialog.retry.isHidden()
    assert not dialog.import_button.isEnabled() and answers.errors == []
    qtbot.mouseClick(dialog.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.sheet is not None)
    assert dialog.problem_row.isHidden()
    assert list(dialog.mapping.combos) == ["Назва", "Країна"]
    assert dialog.encoding.currentText() == "cp1251"


def test_a_file_that_is_not_a_spreadsheet_is_refused_with_the_readers_message(
        qtbot: Any, window: Any, tmp_path: Path, answers: Any) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    dialog = open_dialog(qtbot, window, path)
    assert dialog.reader_problem.text().startswith("photo.xlsx")
    assert dialog.mapping.combos == {} and not dialog.import_button.isEnabled()
    assert answers.errors == []


def test_other_kinds_take_their_own_targets(qtbot: Any, window: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "orgs.csv", [["Company", "Country", "Website"],
                                             ["Fictional Relay Trading Ltd", "HK", ""]])
    dialog = open_dialog(qtbot, window, path)
    assert dialog.missing_text()  # read as findings, nothing says where they were found
    dialog.kind.setCurrentIndex(dialog.kind.findData("org"))
    dialog.kind.activated.emit(dialog.kind.currentIndex())
    assert dialog.mapping.mapping() == {"Company": "name", "Country": "country",
                                        "Website": "website"}
    assert not dialog.source_title.isEnabled()
    previewed(qtbot, dialog)
    qtbot.waitUntil(lambda: "1 new organization" in dialog.summary.text())


def test_the_file_menu_opens_the_dialog(qtbot: Any, window: Any) -> None:
    action = window.import_action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+I")
    assert action.text() == "&Import spreadsheet…"
    action.trigger()
    dialogs = [w for w in window.findChildren(ImportDialog) if w.isVisible()]
    assert len(dialogs) == 1
    qtbot.addWidget(dialogs[0])
    settle(qtbot, window.context)


def test_the_sheet_of_a_workbook_is_chosen(qtbot: Any, window: Any, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "About"
    book.active.append(["Notes"])
    book.active.append(["Findings of the field team, week 31"])
    book.create_sheet("Findings")
    for row in FINDINGS[:4]:
        book["Findings"].append(row)
    book.save(tmp_path / "team.xlsx")
    dialog = open_dialog(qtbot, window, tmp_path / "team.xlsx")
    assert [dialog.sheet_box.itemText(i) for i in range(dialog.sheet_box.count())] == [
        "About", "Findings"]
    assert dialog.sheet_box.isEnabled() and not dialog.encoding.isEnabled()
    assert "Notes" not in dialog.mapping.combos  # an About sheet first is passed over
    dialog.sheet_box.setCurrentIndex(0)
    dialog.sheet_box.activated.emit(0)
    qtbot.waitUntil(lambda: list(dialog.mapping.combos) == ["Notes"], timeout=20_000)
    dialog.sheet_box.setCurrentIndex(1)
    dialog.sheet_box.activated.emit(1)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    assert dialog.sheet_box.currentText() == "Findings"
    assert "3 new component findings" in dialog.summary.text()
    assert "3 rows under a header of 6 columns" in dialog.read_line.text()


def test_reading_and_previewing_run_off_the_window_thread(
        qtbot: Any, window: Any, findings_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from forensics_gui.services.exchange import importer

    threads: list[str] = []

    def spied(real: Any) -> Any:
        def spy(*args: Any, **kwargs: Any) -> Any:
            threads.append(threading.current_thread().name)
            return real(*args, **kwargs)

        return spy

    for name in ("read", "preview"):
        monkeypatch.setattr(importer, name, spied(getattr(importer, name)))
    dialog = open_dialog(qtbot, window, findings_csv)
    assert dialog.preview is not None
    assert len(threads) == 2 and threading.main_thread().name not in threads


def test_the_preview_tables_are_sound_models(qtbot: Any, qtmodeltester: Any, window: Any,
                                             findings_csv: Path) -> None:
    dialog = open_dialog(qtbot, window, findings_csv)
    qtmodeltester.check(dialog.first_model)
    qtmodeltester.check(dialog.refused_model)
