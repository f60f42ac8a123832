"""File menu → Case package: export a package, import one with its summary, refuse a hostile
one, import a receipt, synchronise, and the exchange status, as a user sees them."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from forensics_gui.gui.exchange.package_dialogs import (
    ExportPackageDialog,
    StatusDialog,
    SummaryDialog,
    SyncDialog,
)
from forensics_gui.gui.kit.errors import BugDialog
from forensics_gui.gui.mainwindow.main_window import MainWindow
from forensics_gui.services import records, stores
from forensics_gui.services.exchange import packages
from tests.gui.conftest import Answers, settle
from tests.integration.exchange_support import counts, field_case, laptop, snapshot


@pytest.fixture
def field(tmp_path: Path, sqlite_template: Path) -> Iterator[stores.Store]:
    """A laptop's store holding one field case (fictional intermediaries)."""
    store = laptop(tmp_path / "laptop.sqlite", sqlite_template, "field-laptop-3")
    field_case(store)
    yield store
    store.close()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(path), ""))


def summary_rows(dialog: SummaryDialog) -> dict[str, list[str]]:
    table = dialog.table
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 6)]
            for r in range(table.rowCount())}


def test_the_file_menu_has_the_case_package_entries(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    sub = next(a.menu() for a in file_menu.actions() if a.text() == "Case &package")
    assert [a.text() for a in sub.actions() if not a.isSeparator()] == [
        "E&xport package…", "&Import package…", "Import &receipt…",
        "&Synchronise with shared store…", "Exchange &status…"]


def test_export_writes_a_package_of_chosen_items_that_the_import_accepts(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        sqlite_store: stores.Store) -> None:
    packages.set_device(window.context.store, "field-laptop-3", new_id=True)  # its own store
    item = records.list_records(window.context.store, "item", sort="case_reference").rows[0]
    shown: dict[str, str] = {}

    def answer(dialog: ExportPackageDialog) -> QDialog.DialogCode:
        listed = [dialog.items.item(r, 0).text() for r in range(dialog.items.rowCount())]
        assert item.case_reference in listed and dialog.items.item(0, 1).text()
        dialog.set_checked([item.case_reference])
        qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
        shown["plan"] = dialog.plan.text()
        dialog.device.setText("Field laptop 7")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportPackageDialog, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(tmp_path / "case"), ""))
    with qtbot.waitSignal(window.package_actions.exchanged, timeout=20_000) as done:
        window.package_actions.export_action.trigger()
    report = done.args[0]
    total = sum(report.records.values())
    assert report.path == str(tmp_path / "case.zip") and report.records["item"] == 1
    assert shown["plan"] == (f"The package will carry {total} records and {report.originals} "
                             f"picture{'' if report.originals == 1 else 's'}.")
    assert window.statusBar().currentMessage().startswith(
        f"Wrote a case package of {total} records")
    assert packages.identity(window.context.store).device_name == "Field laptop 7"
    taken = packages.import_package(sqlite_store, report.path)
    assert taken.sender_device == "Field laptop 7"
    assert sum(taken.outcomes.values()) == total
    assert [i.case_reference for i in records.list_records(sqlite_store, "item").rows] == [
        item.case_reference]


def test_everything_undelivered_is_the_default_and_no_item_ticked_disables_the_export(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    undelivered = sum(packages.status(window.context.store).undelivered.values())
    seen: list[str] = []

    def look(dialog: ExportPackageDialog) -> QDialog.DialogCode:
        qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
        assert dialog.undelivered.isChecked() and not dialog.items.isEnabled()
        seen.append(dialog.plan.text())
        dialog.chosen.setChecked(True)
        assert not dialog.ok.isEnabled()
        seen.append(dialog.plan.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportPackageDialog, "exec", look)
    window.package_actions.export_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert seen[0].startswith(f"The package will carry {undelivered:,} records and ")
    assert seen[1] == "Tick the recovered items to send."


def test_the_import_summary_counts_what_the_package_did(
        qtbot: Any, window: MainWindow, field: stores.Store, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    packages.export_package(field, tmp_path / "week.zip")
    sent = len(snapshot(field))
    choose_file(monkeypatch, tmp_path / "week.zip")
    with qtbot.waitSignal(window.package_actions.exchanged, timeout=20_000) as done:
        window.package_actions.import_action.trigger()
    report = done.args[0]
    dialog = window.package_actions.dialog
    assert isinstance(dialog, SummaryDialog) and dialog.isVisible()
    rows = summary_rows(dialog)
    totals = [report.outcomes.get(o, 0) for o in ("added", "updated", "held", "newer here",
                                                  "conflict")]
    assert rows["All"] == [str(n) if n else "" for n in totals]
    assert sum(totals) == sent and report.outcomes["added"] > 10
    assert rows["Recovered items"][0] == "1" and rows["Photos"][0] == "1"
    text = dialog.text()
    assert f"{sent} records from field-laptop-3, taken in as one transaction." in text
    receipt = tmp_path / "week.receipt.json"
    assert receipt.exists() and f"Receipt written to {receipt}." in text
    # The same package again is acknowledged and changes nothing.
    before = counts(window.context.store)
    with qtbot.waitSignal(window.package_actions.exchanged, timeout=20_000):
        window.package_actions.import_action.trigger()
    assert "was imported before; nothing changed" in window.package_actions.dialog.text()
    assert counts(window.context.store) == before


def test_a_hostile_package_shows_its_refusal_and_changes_nothing(
        qtbot: Any, window: MainWindow, field: stores.Store, answers: Answers,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    packages.export_package(field, tmp_path / "good.zip")
    with zipfile.ZipFile(tmp_path / "good.zip") as good, \
            zipfile.ZipFile(tmp_path / "altered.zip", "w") as altered:
        for name in good.namelist():
            data = good.read(name)
            altered.writestr(name, data.replace(b"Field site", b"Other site")
                             if name == "manifest.json" else data)
    monkeypatch.delattr(window.context, "show_error")  # the application's own way of saying it
    monkeypatch.setattr(BugDialog, "exec", lambda _self: answers.shown.append("a traceback"))
    before = counts(window.context.store)
    choose_file(monkeypatch, tmp_path / "altered.zip")
    window.package_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=20_000)
    settle(qtbot, window.context)
    [said] = answers.shown
    assert said.startswith("Cannot do that: altered.zip") and \
        "manifest does not match its SHA-256" in said
    assert counts(window.context.store) == before
    assert window.package_actions.dialog is None
    assert not (tmp_path / "altered.receipt.json").exists()


def test_a_receipt_marks_the_records_delivered(
        qtbot: Any, window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, sqlite_store: stores.Store) -> None:
    store = window.context.store
    packages.set_device(store, "field-laptop-3", new_id=True)
    sent = packages.export_package(store, tmp_path / "all.zip")
    undelivered = sum(packages.status(store).undelivered.values())
    assert undelivered == sum(sent.records.values()) > 0
    imported = packages.import_package(sqlite_store, tmp_path / "all.zip")
    choose_file(monkeypatch, Path(imported.receipt_path))
    with qtbot.waitSignal(window.package_actions.exchanged, timeout=20_000) as done:
        window.package_actions.receipt_action.trigger()
    assert done.args[0].delivered == undelivered
    assert packages.status(store).undelivered == {}
    assert f"{undelivered:,} record versions are now delivered; 0 records not yet " \
           "delivered." in answers.shown[-1]
    assert window.statusBar().currentMessage() == (
        f"Receipt imported: {undelivered:,} record versions now delivered.")


def test_synchronise_merges_into_another_store_and_marks_delivered(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        sqlite_template: Path) -> None:
    laptop(tmp_path / "shared.sqlite", sqlite_template, "shared").close()
    synchronised(qtbot, window, monkeypatch, str(tmp_path / "shared.sqlite"))


@pytest.mark.postgres
def test_synchronise_into_the_shared_postgresql_store(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        pg_store: stores.Store, pg_migrated: str) -> None:
    report = synchronised(qtbot, window, monkeypatch, pg_migrated)
    assert report.imported.outcomes.get("conflict", 0) == 0
    assert records.count(pg_store, "item") == records.count(window.context.store, "item")


def synchronised(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                 location: str) -> Any:
    """Synchronise the window's store into `location` as a user would; checks the summary."""
    def answer(dialog: SyncDialog) -> QDialog.DialogCode:
        dialog.location.setText(location)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SyncDialog, "exec", answer)
    undelivered = sum(packages.status(window.context.store).undelivered.values())
    with qtbot.waitSignal(window.package_actions.exchanged, timeout=60_000) as done:
        window.package_actions.sync_action.trigger()
    report = done.args[0]
    assert sum(report.imported.outcomes.values()) == undelivered
    dialog = window.package_actions.dialog
    assert summary_rows(dialog)["All"][0] == str(report.imported.outcomes["added"])
    assert f"{undelivered:,} record versions now delivered here; 0 records not yet " \
           "delivered." in dialog.text()
    assert "Receipt written" not in dialog.text()
    assert packages.status(window.context.store).undelivered == {}
    assert window.context.settings.value("exchange/sync-location") == location
    return report


def test_the_status_dialog_says_what_was_sent_and_what_waits(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    store = window.context.store
    packages.export_package(store, tmp_path / "all.zip")
    window.package_actions.status_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.package_actions.dialog, StatusDialog),
                    timeout=10_000)
    dialog = window.package_actions.dialog
    status = packages.status(store)
    assert dialog.recent.item(0, 1).text() == "sent"
    assert dialog.recent.item(0, 4).text() == "awaiting"
    assert dialog.undelivered.rowCount() == len(status.undelivered)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"{status.sent} ({status.awaiting_receipt} awaiting their receipt)" in texts
    assert f"{sum(status.undelivered.values()):,} records" in texts
