"""The brief dialog and the "Brief…" buttons, on a copy of the demo store: the options reach
`reports.briefs.write` as chosen, progress shows in the dialog, Cancel stops the brief with
nothing written, the result opens, errors are said in the dialog, and each button opens the
dialog on the brief of what the user looks at."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from forensics_gui.gui.briefs import brief_task
from forensics_gui.gui.briefs.brief_actions import show_brief_dialog
from forensics_gui.gui.briefs.brief_dialog import BriefDialog
from forensics_gui.gui.search.search_panel import ROLE_KIND
from forensics_gui.gui.supply.chains_panel import ChainsDialog
from forensics_gui.gui.supply.gap_panel import show_gap
from forensics_gui.reports import briefs
from forensics_gui.services import records, stores
from tests.gui.conftest import settle

ITEM = "DEMO-SHAHED-136-001"
STM = "STM32F765VIT6"
VEKTOR = "OOO Vektor Komponent (fictional)"
# Sections that need no analytics: the teardown's charts come from services.analytics.
PLAIN_SECTIONS = ("recovery", "findings", "chains")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[QUrl]:
    """What the dialog asked the desktop to open; briefs go to a documents folder of the
    test's own."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url)))
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(brief_task, "documents_folder", lambda: documents)
    return urls


def dialog_for(qtbot: Any, window: Any, kind: str, reference: str = "") -> BriefDialog:
    dialog = show_brief_dialog(window.context, window, kind, reference)
    qtbot.addWidget(dialog)
    settle(qtbot, window.context)
    return dialog


def only_sections(dialog: BriefDialog, chosen: tuple[str, ...]) -> None:
    for name, box in dialog.section_boxes.items():
        box.setChecked(name in chosen)


def finished(qtbot: Any, dialog: BriefDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)


def audit_events(store: Any) -> int:
    return stores.summary(store).counts["audit"]


def test_the_options_chosen_reach_the_brief_and_the_result_opens(
        qtbot: Any, window: Any, opened: list[QUrl], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[Any, ...]] = []

    def write(store: Any, kind: str, reference: Any, path: Any, options: Any,
              **kwargs: Any) -> briefs.BriefResult:
        asked.append((kind, reference, path, options))
        Path(path).parent.mkdir()
        Path(path).write_bytes(b"%PDF-1.4 a brief")
        return briefs.BriefResult(Path(path), 3, 1260, "OFFICIAL", "Teardown report")

    monkeypatch.setattr(briefs, "write", write)
    dialog = dialog_for(qtbot, window, "teardown", ITEM)
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    dialog.without_hypotheses.setChecked(True)
    dialog.redact.setChecked(True)
    only_sections(dialog, ("findings", "chains"))
    dialog.author.setText("Analyst Kovalenko")
    dialog.dpi.setValue(150)
    dialog.period_from.setText("2022-02-24")
    target = tmp_path / "out" / "brief"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    finished(qtbot, dialog)
    ((kind, reference, path, options),) = asked
    assert (kind, reference, path) == ("teardown", ITEM, str(target) + ".pdf")
    assert (options.language, options.without_hypotheses, options.redact_photo_metadata,
            options.sections, options.author, options.photo_dpi, options.period_from,
            options.period_to) == ("uk", True, True, ("findings", "chains"),
                                   "Analyst Kovalenko", 150, "2022-02-24", None)
    assert dialog.result_box.isVisible()
    assert dialog.result_line.text() == "<b>Written:</b> 3 pages, 1.2 KB, marking OFFICIAL"
    assert dialog.result_path.text() == str(target) + ".pdf"
    assert opened == [QUrl.fromLocalFile(str(target) + ".pdf")]  # opened when done
    dialog.folder_button.click()
    assert opened[-1] == QUrl.fromLocalFile(str(tmp_path / "out"))


def test_every_section_ticked_asks_for_the_whole_brief(qtbot: Any, window: Any,
                                                       opened: list[QUrl]) -> None:
    dialog = dialog_for(qtbot, window, "teardown", ITEM)
    assert list(dialog.section_boxes) == ["recovery", "photos", "findings", "makers", "dates",
                                          "chains", "sources"]
    assert dialog.options()["sections"] == ()
    dialog.kind.setCurrentIndex(dialog.kind.findData("gap"))
    assert list(dialog.section_boxes) == ["parts", "companies", "sources"]
    assert not dialog.reference.isEnabled() and dialog._reference() == ""
    assert Path(dialog.path.text()).name.startswith("sanctions-gap-")


def test_progress_is_shown_while_the_brief_is_written(qtbot: Any, window: Any,
                                                      opened: list[QUrl], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()

    def write(store: Any, kind: str, reference: Any, path: Any, options: Any, *,
              progress: Any, check: Any, **kwargs: Any) -> briefs.BriefResult:
        progress(3, 10, "preparing photo 3 of 10")
        gate.wait(20)
        Path(path).write_bytes(b"%PDF-")
        return briefs.BriefResult(Path(path), 1, 5, "OFFICIAL", "t")

    monkeypatch.setattr(briefs, "write", write)
    dialog = dialog_for(qtbot, window, "teardown", ITEM)
    dialog.path.setText(str(tmp_path / "p.pdf"))
    dialog.write()
    try:
        qtbot.waitUntil(lambda: dialog.step.text() == "Preparing photo 3 of 10")
        assert dialog.progress_box.isVisible()
        assert (dialog.progress.value(), dialog.progress.maximum()) == (3, 10)
        assert dialog.cancel_button.text() == "Cancel" and not dialog.write_button.isEnabled()
        assert not dialog.reference.isEnabled()
    finally:
        gate.set()
    finished(qtbot, dialog)
    assert not dialog.progress_box.isVisible() and dialog.cancel_button.text() == "Close"


def test_cancel_stops_the_brief_and_writes_nothing(qtbot: Any, window: Any,
                                                   opened: list[QUrl], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    gate, real = threading.Event(), briefs.write

    def held(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def report(done: int, total: int, text: str) -> None:
            progress(done, total, text)
            if text.startswith("laying out"):
                gate.wait(20)  # until the user has clicked Cancel
        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(briefs, "write", held)
    dialog = dialog_for(qtbot, window, "teardown", ITEM)
    only_sections(dialog, PLAIN_SECTIONS)
    folder = tmp_path / "briefs"
    folder.mkdir()
    target = folder / "cancelled.pdf"
    dialog.path.setText(str(target))
    dialog.write()
    try:
        qtbot.waitUntil(lambda: dialog.step.text().startswith("Laying out"), timeout=30_000)
        dialog.cancel_button.click()
        assert dialog.step.text() == "Cancelling…"
    finally:
        gate.set()
    finished(qtbot, dialog)
    assert dialog.message.text() == "Cancelled: nothing was written."
    assert list(folder.iterdir()) == []  # no brief, no partial file
    assert opened == [] and not dialog.result_box.isVisible()


def test_a_brief_is_written_for_real_and_the_store_is_not_changed(
        qtbot: Any, window: Any, opened: list[QUrl], tmp_path: Path) -> None:
    store = window.context.store
    before = audit_events(store)
    dialog = dialog_for(qtbot, window, "teardown", ITEM)
    only_sections(dialog, PLAIN_SECTIONS)
    dialog.write()
    finished(qtbot, dialog)
    target = Path(dialog.result.path)
    assert target.parent == tmp_path / "Documents" and target.name.startswith(
        f"teardown-{ITEM}-")
    assert target.read_bytes().startswith(b"%PDF-")
    assert dialog.result_line.text().startswith(
        f"<b>Written:</b> {dialog.result.pages} pages, ")
    assert dialog.result_line.text().endswith("KB, marking OFFICIAL")
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert audit_events(store) == before


def test_an_unknown_reference_is_said_in_the_dialog(qtbot: Any, window: Any,
                                                    opened: list[QUrl], tmp_path: Path,
                                                    answers: Any) -> None:
    dialog = dialog_for(qtbot, window, "teardown", "NOPE-1")
    dialog.write()
    finished(qtbot, dialog)
    assert dialog.message.isVisible() and dialog.message.text() == \
        "there is no recovered item 'NOPE-1'"
    assert "d64545" in dialog.message.styleSheet()
    assert answers.errors == [] and opened == []
    assert list((tmp_path / "Documents").iterdir()) == []


def test_a_folder_that_cannot_be_written_is_said_in_the_dialog(
        qtbot: Any, window: Any, opened: list[QUrl], tmp_path: Path, answers: Any) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    dialog = dialog_for(qtbot, window, "teardown", ITEM)
    only_sections(dialog, PLAIN_SECTIONS)
    dialog.path.setText(str(blocked / "brief.pdf"))
    dialog.write()
    finished(qtbot, dialog)
    assert dialog.message.text().startswith(f"cannot write {blocked / 'brief.pdf'}: ")
    assert answers.errors == [] and blocked.read_text() == "a file where the folder should be"


def test_a_period_the_store_refuses_is_said_at_its_box(qtbot: Any, window: Any,
                                                       opened: list[QUrl]) -> None:
    dialog = dialog_for(qtbot, window, "gap")
    dialog.period_from.setText("2023-01-01")
    dialog.period_to.setText("2022-01-01")
    dialog.write()
    finished(qtbot, dialog)
    assert dialog.message.text() == "2022-01-01 is before the start of the period (2023-01-01)"
    assert dialog.focusWidget() is dialog.period_to


def test_what_the_dialog_can_tell_is_said_before_anything_runs(
        qtbot: Any, window: Any, opened: list[QUrl], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(briefs, "write", lambda *a, **k: pytest.fail("nothing should run"))
    dialog = dialog_for(qtbot, window, "dossier", "")
    dialog.write()
    assert dialog.message.text() == "Say what the brief is about: a part number or a maker's " \
                                    "name."
    dialog.reference.setText(STM)
    only_sections(dialog, ())
    dialog.write()
    assert dialog.message.text() == "Choose at least one section."
    assert not dialog.running


def test_a_request_the_brief_layer_refuses_is_said_in_the_dialog(
        qtbot: Any, window: Any, opened: list[QUrl], answers: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = dialog_for(qtbot, window, "gap")
    original = briefs.write

    def write(store: Any, kind: str, reference: Any, *args: Any, **kwargs: Any) -> Any:
        return original(store, kind, "Shahed-136", *args, **kwargs)  # a gap takes none

    monkeypatch.setattr(briefs, "write", write)
    dialog.write()
    finished(qtbot, dialog)
    assert dialog.message.text().startswith("a sanctions-gap brief covers the whole store")
    assert answers.errors == []


def test_a_bug_while_writing_is_reported_as_one(qtbot: Any, window: Any, opened: list[QUrl],
                                                answers: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def write(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a value deep inside the layout")  # not raised by briefs itself

    monkeypatch.setattr(briefs, "write", write)
    dialog = dialog_for(qtbot, window, "gap")
    dialog.write()
    finished(qtbot, dialog)
    assert dialog.message.text() == "The brief could not be written: a value deep inside " \
                                    "the layout"
    assert [str(e) for e in answers.errors] == ["a value deep inside the layout"]


# ------------------------------------------------------------------ the Brief… buttons
def new_dialog(qtbot: Any, window: Any, click: Any) -> BriefDialog:
    before = set(window.findChildren(BriefDialog))
    click()
    qtbot.waitUntil(lambda: bool(set(window.findChildren(BriefDialog)) - before),
                    timeout=10_000)
    (dialog,) = set(window.findChildren(BriefDialog)) - before
    settle(qtbot, window.context)
    assert dialog.isVisible()
    return dialog


def subject(dialog: BriefDialog) -> tuple[str, str]:
    return dialog.current_kind(), dialog.reference.text()


def test_the_item_editor_offers_its_teardown_report(qtbot: Any, window: Any,
                                                    opened: list[QUrl]) -> None:
    item = records.get(window.context.store, "item", ITEM)
    window.open_record("item", item.id)
    settle(qtbot, window.context)
    button = window.editor.brief_button
    assert button.isEnabled() and button.isVisible()
    assert subject(new_dialog(qtbot, window, button.click)) == ("teardown", ITEM)


def test_file_write_a_brief_starts_from_the_open_record(qtbot: Any, window: Any,
                                                        opened: list[QUrl]) -> None:
    assert subject(new_dialog(qtbot, window, window.brief_action.trigger)) == ("teardown", "")
    part = records.get(window.context.store, "part", STM)
    window.open_record("part", part.id)
    settle(qtbot, window.context)
    assert subject(new_dialog(qtbot, window, window.brief_action.trigger)) == ("dossier", STM)


def test_the_chains_window_offers_the_dossier_of_its_part(qtbot: Any, window: Any,
                                                          opened: list[QUrl]) -> None:
    part = records.get(window.context.store, "part", STM)
    chains = ChainsDialog(window.context, "part", part.id, window)
    qtbot.addWidget(chains)
    settle(qtbot, window.context)
    dialog = new_dialog(qtbot, window, chains.panel.brief_button.click)
    assert subject(dialog) == ("dossier", STM)
    chains.close()


def test_the_gap_window_offers_the_gap_brief(qtbot: Any, window: Any,
                                             opened: list[QUrl]) -> None:
    gap = show_gap(window.context, window, lambda kind, record_id: None)
    settle(qtbot, window.context)
    gap.panel.period_from.setText("2022-01-01")  # the period shown goes with it
    dialog = new_dialog(qtbot, window, gap.panel.brief_button.click)
    assert subject(dialog) == ("gap", "") and not dialog.reference.isEnabled()
    assert (dialog.period_from.text(), dialog.period_to.text()) == ("2022-01-01", "")
    gap.close()


@pytest.mark.parametrize(("kind", "title", "expected"), [
    ("part", STM, ("dossier", STM)), ("org", VEKTOR, ("dossier", VEKTOR)),
    ("item", ITEM, ("teardown", ITEM)), ("system", "Shahed-136", ("system", "Shahed-136"))])
def test_a_search_result_offers_its_brief(qtbot: Any, window: Any, opened: list[QUrl],
                                          kind: str, title: str,
                                          expected: tuple[str, str]) -> None:
    window.show_search()
    panel = window.search_panel
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.set_search(title, {})
    settle(qtbot, window.context)
    assert not panel.brief_button.isEnabled()  # nothing chosen yet
    hit = next(item for item in _items(panel.tree) if item.text(0) == title
               and item.data(0, ROLE_KIND) == kind)
    panel.tree.setCurrentItem(hit)
    assert panel.brief_button.isEnabled()
    assert subject(new_dialog(qtbot, window, panel.brief_button.click)) == expected


def _items(tree: Any) -> list[Any]:
    found, stack = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        found.append(item)
        stack += [item.child(i) for i in range(item.childCount())]
    return found


def test_the_graph_offers_the_dossier_of_what_it_shows_or_the_gap(
        qtbot: Any, window: Any, opened: list[QUrl]) -> None:
    window.show_graph()
    view = window.graph_panel
    qtbot.waitUntil(lambda: view.graph is not None, timeout=10_000)
    settle(qtbot, window.context)
    assert subject(new_dialog(qtbot, window, view.brief_button.click)) == ("gap", "")
    with qtbot.waitSignal(view.shown, timeout=10_000):
        view.show_for(part=STM)
    assert subject(new_dialog(qtbot, window, view.brief_button.click)) == ("dossier", STM)
    with qtbot.waitSignal(view.shown, timeout=10_000):
        view.show_for(organization=VEKTOR, title=VEKTOR)
    with qtbot.waitSignal(view.shown, timeout=10_000):
        view.set_period("2022-06-01", "2023-12-31")
    dialog = new_dialog(qtbot, window, view.brief_button.click)
    assert subject(dialog) == ("dossier", VEKTOR)
    assert (dialog.period_from.text(), dialog.period_to.text()) == ("2022-06-01", "2023-12-31")
