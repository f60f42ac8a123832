"""The sanctions screening page: importing lists (several files at once), the list versions,
candidates with their scores and changes, Confirm and Reject, opening the organization."""

from __future__ import annotations

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
