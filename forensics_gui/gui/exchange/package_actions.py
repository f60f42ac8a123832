"""File menu → Case package: export a package, import one (and write its receipt), import a
receipt, synchronise with the shared store directly, and the exchange status.

Each entry calls the same service as `forensics package` / `forensics sync`, on the task
worker with progress and cancel; a refused package says the service's message and changes
nothing. After anything that may open conflicts, `counted` says how many are open, for the
navigator's "Conflicts (n)"."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
)

from forensics_gui.core.errors import StoreAuthError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.exchange.package_dialogs import (
    ExportPackageDialog,
    StatusDialog,
    SummaryDialog,
    SyncDialog,
    by_kind_text,
    conflicts_text,
    outcomes_text,
    pictures_text,
    record_versions_text,
    records_text,
)
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import exchange_conflicts, exchange_packages, exchange_sync, records

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

PACKAGE_FILTER = QT_TRANSLATE_NOOP("PackageActions", "Case packages (*.zip);;All files (*)")
RECEIPT_FILTER = QT_TRANSLATE_NOOP("PackageActions", "Receipts (*.json);;All files (*)")
SYNC_SETTING = "exchange/sync-location"
ITEM_LIMIT = 10_000
STATUS_SHOWN_MS = 20_000


def export_choices(store: Any) -> tuple[list[Any], Any]:
    """(recovered items, this store's identity) for the export dialog; on the worker."""
    items = records.list_records(store, "item", sort="case_reference", limit=ITEM_LIMIT).rows
    return list(items), exchange_packages.identity(store)


def export_named(store: Any, path: str, device: str, choices: dict[str, Any], *,
                 control: Any) -> Any:
    """Rename the device when asked, then write the package; on the worker."""
    if device and device != exchange_packages.identity(store).device_name:
        exchange_packages.set_device(store, device)
    return exchange_packages.export_package(store, path, control=control, **choices)


class PackageActions(QObject):
    """The Case package submenu and what its entries do."""

    exchanged = Signal(object)  # the report of an export, import, receipt or merge
    counted = Signal(int)  # how many conflicts are open
    conflicts_wanted = Signal()  # "Show the conflicts" in an import summary

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.dialog: QDialog | None = None  # the summary or status shown last

    def fill(self, menu: QMenu) -> None:
        """Add the Case package submenu to `menu`."""
        sub = menu.addMenu(translate("PackageActions", "Case &package"))
        self.export_action = sub.addAction(translate("PackageActions", "E&xport package…"),
                                           self.export_package)
        self.import_action = sub.addAction(translate("PackageActions", "&Import package…"),
                                           self.import_package)
        self.receipt_action = sub.addAction(translate("PackageActions", "Import &receipt…"),
                                            self.import_receipt)
        sub.addSeparator()
        self.sync_action = sub.addAction(
            translate("PackageActions", "&Synchronise with shared store…"), self.synchronise)
        self.status_action = sub.addAction(translate("PackageActions", "Exchange &status…"),
                                           self.show_status)

    def count_conflicts(self) -> None:
        """Count the open conflicts (on the worker); `counted` says how many."""
        if self.context.store is not None:
            self.context.run(exchange_conflicts.count_open, self.context.store,
                             on_done=self.counted.emit, on_error=lambda *_: None)

    def _done(self, report: Any) -> None:
        self.exchanged.emit(report)
        self.count_conflicts()

    # ------------------------------------------------------------------ export
    def export_package(self) -> None:
        """Ask what to send (and the device name), then a file, and write the package."""
        if self.context.store is not None:
            self.context.run(export_choices, self.context.store, on_done=self._ask_export)

    def _ask_export(self, found: tuple[list[Any], Any]) -> None:
        items, me = found
        self.export_dialog = dialog = ExportPackageDialog(items, me.device_name, self.window)
        dialog.plan_wanted.connect(self._plan)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        device = dialog.device_name() or me.device_name
        name = f"{device.replace(' ', '-')}-{date.today():%Y-%m-%d}.zip"
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, translate("PackageActions", "Export a case package"), name,
            translate("PackageActions", PACKAGE_FILTER))
        if not path:
            return
        path = path if Path(path).suffix else path + ".zip"
        self.context.run(export_named, self.context.store, path, device, dialog.choices(),
                         control=True,
                         label=translate("PackageActions", "Writing the case package…"),
                         on_done=self._exported)

    def _plan(self, items: list[str], undelivered: bool) -> None:
        dialog = self.export_dialog
        self.context.run(partial(exchange_packages.plan_package, items=items,
                                 undelivered=undelivered), self.context.store,
                         on_done=lambda plan: dialog.show_plan(plan, items))

    def _exported(self, report: Any) -> None:
        total = sum(report.records.values())
        what = f" ({by_kind_text(report.records)})" if total else ""
        self.window.statusBar().showMessage(translate(
            "PackageActions", "Wrote a case package of {records}{kinds} and {pictures} to "
            "{path}. Import its receipt here once the shared store has taken it in.").format(
                records=records_text(total), kinds=what,
                pictures=pictures_text(report.originals), path=report.path), STATUS_SHOWN_MS)
        self._done(report)

    # ------------------------------------------------------------------ import
    def import_package(self) -> None:
        """Take a package into the store (one transaction) and write its receipt."""
        if self.context.store is None:
            return
        path, _chosen = QFileDialog.getOpenFileName(
            self.window, translate("PackageActions", "Import a case package"), "",
            translate("PackageActions", PACKAGE_FILTER))
        if path:
            self.context.run(exchange_packages.import_package, self.context.store, path,
                             control=True,
                             label=translate("PackageActions", "Importing the case package…"),
                             on_done=self._imported)

    def _imported(self, report: Any) -> None:
        self._summary(translate("PackageActions", "Case package imported"),
                      import_headline(report),
                      report.by_kind if not report.already_imported else {},
                      import_notes(report))
        self._done(report)

    def _summary(self, title: str, headline: str, by_kind: dict[str, dict[str, int]],
                 notes: list[str]) -> None:
        self.dialog = SummaryDialog(title, headline, by_kind, notes, self.window,
                                    on_conflicts=self.conflicts_wanted.emit)
        self.dialog.open()

    # ----------------------------------------------------------------- receipt
    def import_receipt(self) -> None:
        """Take in the receipt of a package sent: its records are then delivered."""
        if self.context.store is None:
            return
        path, _chosen = QFileDialog.getOpenFileName(
            self.window, translate("PackageActions", "Import a receipt"), "",
            translate("PackageActions", RECEIPT_FILTER))
        if path:
            self.context.run(exchange_packages.import_receipt, self.context.store, path,
                             label=translate("PackageActions", "Importing the receipt…"),
                             on_done=self._receipt_taken)

    def _receipt_taken(self, report: Any) -> None:
        delivered = (translate("PackageActions", "{versions} is now delivered; {records} not "
                               "yet delivered.") if report.delivered == 1 else
                     translate("PackageActions", "{versions} are now delivered; {records} not "
                               "yet delivered.")).format(
            versions=record_versions_text(report.delivered),
            records=records_text(report.undelivered))
        text = translate("PackageActions", "{device} confirms it holds package {package} "
                         "({outcomes}).").format(
            device=report.receiving_device, package=report.package_id,
            outcomes=outcomes_text(report.outcomes)) + "\n\n" + delivered
        self.window.statusBar().showMessage(translate(
            "PackageActions", "Receipt imported: {versions} now delivered.").format(
                versions=record_versions_text(report.delivered)), STATUS_SHOWN_MS)
        QMessageBox.information(self.window, translate("PackageActions", "Receipt imported"),
                                text)
        self._done(report)

    # -------------------------------------------------------------------- sync
    def synchronise(self) -> None:
        """Merge every undelivered record into the shared store, without a file."""
        if self.context.store is None:
            return
        dialog = SyncDialog(str(self.context.settings.value(SYNC_SETTING, "") or ""),
                            self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.target():
            self.context.settings.setValue(SYNC_SETTING, dialog.target())
            self._sync(dialog.target())

    def _sync(self, target: str, password: str | None = None) -> None:
        prompt = (lambda _where: password) if password else None
        self.context.run(partial(exchange_sync.sync, prompt=prompt), self.context.store,
                         target, control=True,
                         label=translate("PackageActions", "Synchronising with the shared store…"),
                         on_done=self._synced,
                         on_error=lambda error, trace: self._sync_failed(target, error, trace))

    def _sync_failed(self, target: str, error: BaseException, trace: str) -> None:
        if isinstance(error, StoreAuthError):
            password, ok = QInputDialog.getText(
                self.window, translate("PackageActions", "Password"),
                translate("PackageActions", "Password for {target}:").format(target=target),
                QLineEdit.EchoMode.Password)
            if ok and password:
                self._sync(target, password)
                return
        self.context.show_error(error, trace)

    def _synced(self, report: Any) -> None:
        notes = import_notes(report.imported)[:-1]  # no receipt file: it was taken in here
        notes.append(translate("PackageActions", "{versions} now delivered here; {records} not "
                               "yet delivered.").format(
            versions=record_versions_text(report.receipt.delivered),
            records=records_text(report.receipt.undelivered)))
        self._summary(translate("PackageActions", "Synchronised"),
                      translate("PackageActions", "Merged into {target}: {headline}").format(
                          target=report.target, headline=import_headline(report.imported)),
                      report.imported.by_kind, notes)
        self._done(report)

    # ------------------------------------------------------------------ status
    def show_status(self) -> None:
        """Packages sent and received, records not yet delivered, open conflicts."""
        if self.context.store is not None:
            self.context.run(exchange_packages.status, self.context.store,
                             on_done=self._show_status)

    def _show_status(self, status: Any) -> None:
        self.dialog = StatusDialog(status, self.window)
        self.dialog.open()
        self.counted.emit(status.open_conflicts)


def import_headline(report: Any) -> str:
    """One line on what a package did."""
    if report.already_imported:
        return translate("PackageActions", "This package from {device} was imported before; "
                         "nothing changed.").format(device=report.sender_device)
    total = sum(report.outcomes.values())
    return translate("PackageActions", "{records} from {device}, taken in as one "
                     "transaction.").format(records=records_text(total),
                                            device=report.sender_device)


def import_notes(report: Any) -> list[str]:
    """What to do next: conflicts to decide, and where the receipt went (always last)."""
    notes = []
    if report.conflicts:
        notes.append(translate(
            "PackageActions", "{conflicts}: a record changed both here and on {device}. This "
            "store's record stays as it is until someone decides on the Conflicts page.").format(
                conflicts=conflicts_text(report.conflicts), device=report.sender_device))
    notes.append(translate(
        "PackageActions", "Receipt written to {path}. Import it on {device} (File → Case "
        "package → Import receipt…); only then are the records counted as delivered "
        "there.").format(path=report.receipt_path, device=report.sender_device))
    return notes
