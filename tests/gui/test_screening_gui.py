"""The sanctions screening page: importing lists (several files at once), the list versions,
candidates with their scores and changes, Confirm and Reject, opening the organization."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from forensics_gui.core.errors import ValidationError
from forensics_gui.gui.screening.screening_panel import ROLE_MATCH, ImportDialog
from forensics_gui.services import records, screening
from tests.gui.conftest import settle

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
MAY = [str(LISTS / "ofac-2024-05" / name) for name in ("sdn.csv", "alt.csv", "add.csv")]
JUNE = [str(LISTS / "ofac-2024-06" / name) for name in ("sdn.csv", "alt.csv", "add.csv")]
COLUMNS = {"score": 0, "organization": 1, "listed": 2, "decision": 3, "change": 4}


def _page(qtbot: Any, window: Any) -> Any:
    window.show_screening()
    settle(qtbot, window.context)
    assert window.navigator.currentItem().text() == "Sanctions screening"
    return window.screening_panel


def _import(qtbot: Any, panel: Any, paths: list[str], **options: Any) -> Any:
    """Import through the page; returns the import's result once the page shows it."""
    results: list[Any] = []
    panel.imported.connect(results.append)
    with qtbot.waitSignals([panel.imported, panel.loaded], order="strict", timeout=30_000):
        panel.import_files(paths, **options)
    settle(qtbot, panel.context)
    return results[-1]


def _rows(panel: Any) -> dict[str, dict[str, str]]:
    """{organization: {column: text}} of the candidates table."""
    table = panel.table
    return {table.item(r, COLUMNS["organization"]).text():
            {name: table.item(r, c).text() for name, c in COLUMNS.items()}
            for r in range(table.rowCount())}


def _select(panel: Any, organization: str) -> Any:
    table = panel.table
    row = next(r for r in range(table.rowCount())
               if table.item(r, COLUMNS["organization"]).text() == organization)
    table.selectRow(row)
    return table.item(row, 0).data(ROLE_MATCH)


def test_an_import_shows_the_version_its_candidates_and_what_changed(qtbot: Any,
                                                                     window: Any) -> None:
    panel = _page(qtbot, window)
    result = _import(qtbot, panel, MAY, published_on="2024-05-01")
    assert result.list.entry_count == 4
    assert panel.summary.text().startswith("Imported OFAC SDN version 2024-05-01 (4 entries; "
                                           "skipped 1 vessel).")
    assert "2 new" in panel.summary.text()
    assert panel.versions.topLevelItemCount() == 1
    version = panel.versions.topLevelItem(0)
    assert [version.text(i) for i in range(5)] == ["OFAC SDN", "2024-05-01", "2024-05-01",
                                                   "ofac-sdn", "4"]
    assert version.font(0).bold()  # the newest version, the one screened against
    rows = _rows(panel)
    assert rows["OOO Vektor Komponent (fictional)"] == {
        "score": "100", "organization": "OOO Vektor Komponent (fictional)",
        "listed": "VEKTOR KOMPONENT, OOO (FICTIONAL)", "decision": "candidate",
        "change": "new"}
    assert rows["Harbour Star Electronics Ltd (fictional)"]["score"] == "97"


def test_confirm_records_a_designation_and_a_rejection_stands(qtbot: Any, window: Any) -> None:
    panel = _page(qtbot, window)
    _import(qtbot, panel, MAY, published_on="2024-05-01")
    store = window.context.store
    vektor = _select(panel, "OOO Vektor Komponent (fictional)")
    qtbot.waitUntil(lambda: "RUSSIA-EO14024" in panel.details.text())
    assert "INN:7700000001" in panel.details.text()
    panel.note.setText("INN checked against the registry")
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Designation recorded (OFAC)" in panel.summary.text())
    settle(qtbot, window.context)
    designation = records.get(store, "designation",
                              screening.match_detail(store, vektor.id).match.designation_id)
    assert (designation.organization_name, designation.reference) == (
        "OOO Vektor Komponent (fictional)", "90001")
    assert "INN checked against the registry" in designation.notes
    # Confirmed matches leave the list of those waiting for a decision.
    qtbot.waitUntil(lambda: "OOO Vektor Komponent (fictional)" not in _rows(panel))
    _select(panel, "Harbour Star Electronics Ltd (fictional)")
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0)
    _import(qtbot, panel, JUNE, published_on="2024-06-01")
    assert "1 new, 1 changed" in panel.summary.text()
    assert list(_rows(panel)) == ["Gulf Bridge Trading FZE (fictional)"]
    panel.state_filter.setCurrentIndex(panel.state_filter.findData(""))
    qtbot.waitUntil(lambda: len(_rows(panel)) == 3)
    rows = _rows(panel)
    assert (rows["Harbour Star Electronics Ltd (fictional)"]["decision"],
            rows["Harbour Star Electronics Ltd (fictional)"]["change"]) == ("rejected",
                                                                           "unchanged")
    assert rows["OOO Vektor Komponent (fictional)"]["change"] == "changed"


def test_a_bad_file_says_why_and_imports_nothing(qtbot: Any, window: Any, answers: Any,
                                                 tmp_path: Path) -> None:
    panel = _page(qtbot, window)
    cut = tmp_path / "sdn.csv"
    cut.write_bytes(Path(MAY[0]).read_bytes()[:300])
    panel.import_files([str(cut)])
    qtbot.waitUntil(lambda: bool(answers.errors))
    assert isinstance(answers.errors[0], ValidationError)
    assert "Not imported: sdn.csv: line 1" in panel.summary.text()
    settle(qtbot, window.context)
    assert panel.versions.topLevelItemCount() == 0
    assert screening.list_versions(window.context.store) == []


def test_the_import_button_asks_for_several_files_at_once(qtbot: Any, window: Any,
                                                           monkeypatch: Any) -> None:
    panel = _page(qtbot, window)
    asked: list[str] = []

    def choose(_parent: Any, title: str, *_args: Any) -> tuple[list[str], str]:
        asked.append(title)
        return MAY, ""

    def accept(dialog: ImportDialog) -> int:
        dialog.version.setText("May 2024")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    monkeypatch.setattr(ImportDialog, "exec", accept)
    with qtbot.waitSignal(panel.imported, timeout=30_000) as done:
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert asked == ["Import sanctions list"]
    assert done.args[0].list.list_version == "May 2024"


def test_open_organization_shows_it_in_the_editor(qtbot: Any, window: Any) -> None:
    panel = _page(qtbot, window)
    _import(qtbot, panel, MAY)
    _select(panel, "Harbour Star Electronics Ltd (fictional)")
    assert panel.open_button.isEnabled()
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.record is not None)
    assert window.editor.record.name == "Harbour Star Electronics Ltd (fictional)"
    assert window.table_stack.currentWidget() is panel  # the page stays


# ------------------------------------------------------------------ the import dialog
FTM = str(LISTS / "ftm" / "entities.ftm.json")


def _dialog(qtbot: Any, window: Any, paths: list[str]) -> ImportDialog:
    panel = _page(qtbot, window)
    dialog = ImportDialog(paths, panel, window.context)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.defaults is not None, timeout=10_000)
    return dialog


def _not_clipped(label: Any) -> bool:
    """A wrapped label is as tall as its text needs at its width, and within its window."""
    inside = label.mapTo(label.window(), label.rect().bottomRight())
    return (label.height() >= label.heightForWidth(label.width())
            and label.window().rect().contains(inside))


def test_the_import_dialog_fills_in_the_date_the_file_states(qtbot: Any, window: Any) -> None:
    dialog = _dialog(qtbot, window, [FTM])
    assert (dialog.version.text(), dialog.published.text()) == ("2024-07-01", "2024-07-01")
    assert "Stated in the file (the newest last_seen" in dialog.published_hint.text()
    assert "FollowTheMoney" in dialog.format_hint.text()
    assert dialog.options()["published_on"] == "2024-07-01"


def test_a_file_stating_no_date_gets_its_own_date_and_says_so(qtbot: Any, window: Any,
                                                              tmp_path: Path) -> None:
    copies = []
    for path in map(Path, MAY):
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes())
        stamp = datetime(2024, 5, 3, 12, 0).timestamp()
        os.utime(copy, (stamp, stamp))
        copies.append(str(copy))
    panel = _page(qtbot, window)
    dialog = ImportDialog(copies, panel, window.context)
    dialog.version.setText("May 2024")  # typed before the file was read: left alone
    dialog.show()
    qtbot.waitUntil(lambda: dialog.defaults is not None, timeout=10_000)
    assert (dialog.version.text(), dialog.published.text()) == ("May 2024", "2024-05-03")
    hint = dialog.published_hint.text()
    assert "OFAC's CSV files state no date" in hint and "the file's own date" in hint
    assert date.today().isoformat() != dialog.published.text()


def test_the_import_dialog_is_big_enough_for_its_hints(qtbot: Any, window: Any) -> None:
    dialog = _dialog(qtbot, window, MAY)
    assert dialog.minimumWidth() >= 600 and dialog.width() >= 600
    hints = (dialog.files, dialog.format_hint, dialog.version_hint, dialog.published_hint)
    assert all(hint.wordWrap() for hint in hints)
    qtbot.waitUntil(lambda: all(_not_clipped(hint) for hint in hints))
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())


def test_the_import_button_uses_the_date_the_file_states(qtbot: Any, window: Any,
                                                         monkeypatch: Any) -> None:
    panel = _page(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args: ([FTM], ""))

    def accept(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: dialog.defaults is not None, timeout=10_000)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", accept)
    with qtbot.waitSignal(panel.imported, timeout=30_000) as done:
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    version = done.args[0].list
    assert (version.list_version, version.published_on) == ("2024-07-01", date(2024, 7, 1))


# --------------------------------------------------------------- the candidate view
def test_the_candidate_view_shows_the_entrys_topics(qtbot: Any, window: Any) -> None:
    panel = _page(qtbot, window)
    _import(qtbot, panel, [FTM])
    _select(panel, "OOO Vektor Komponent (fictional)")
    qtbot.waitUntil(lambda: "Topics: sanction (sanctioned)" in panel.details.text())
    assert "OFAC, listed 2024-02-23" in panel.details.text()


def test_a_candidate_removed_from_the_list_leaves_the_queue(qtbot: Any, window: Any) -> None:
    panel = _page(qtbot, window)
    records.create(window.context.store, "org", {"name": "Severny Pribor (fictional)"})
    _import(qtbot, panel, MAY, published_on="2024-05-01")
    assert "Severny Pribor (fictional)" in _rows(panel)
    _import(qtbot, panel, JUNE, published_on="2024-06-01")
    assert "1 removed from the list" in panel.summary.text()
    assert "3 candidates awaiting a decision" in panel.summary.text()
    assert "Severny Pribor (fictional)" not in _rows(panel)
    newest = panel.versions.topLevelItem(0)
    assert (newest.text(1), newest.text(6)) == ("2024-06-01", "3")
    assert panel.versions.topLevelItem(1).text(6) == "0"
    panel.change_filter.setCurrentIndex(panel.change_filter.findData("removed"))
    qtbot.waitUntil(lambda: list(_rows(panel)) == ["Severny Pribor (fictional)"])
    assert _rows(panel)["Severny Pribor (fictional)"]["decision"] == "none: no longer listed"
    _select(panel, "Severny Pribor (fictional)")
    qtbot.waitUntil(lambda: "Removed from the list in OFAC SDN version 2024-06-01"
                    in panel.details.text())
    assert not panel.confirm_button.isEnabled() and panel.reject_button.isEnabled()
