"""File menu → Back up the store… and Restore from a backup…

Both call the same services as `forensics backup` / `forensics restore`, on the task worker
with progress and cancel. A backup ends with a message saying where it is and that it was read
back and checked; a restore replaces the open SQLite store (kept aside first) and opens the
restored store.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from forensics_gui.core.backups import counted
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import backups

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

FILTERS = {"sqlite": QT_TRANSLATE_NOOP("BackupActions", "Store backups (*.sqlite);;All files (*)"),
           "postgresql": QT_TRANSLATE_NOOP("BackupActions",
                                           "PostgreSQL dumps (*.dump);;All files (*)")}
STATUS_SHOWN_MS = 20_000


def table_words(text: str) -> str:
    """The tables' names a backup counts (core.backups) in the interface's language."""
    return translate("backups", text)


class BackupActions(QObject):
    """The backup entries of the File menu and what they do."""

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window

    def fill(self, menu: QMenu) -> None:
        """Add the entries to `menu`; restoring is offered for SQLite stores that may be
        written."""
        self.backup_action = menu.addAction(translate("BackupActions", "&Back up the store…"),
                                            self.back_up)
        self.restore_action = menu.addAction(translate("BackupActions", "Res&tore from a backup…"),
                                             self.restore)
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        store = self.context.store
        self.backup_action.setEnabled(store is not None)
        sqlite = store is not None and store.kind == "sqlite"
        self.restore_action.setVisible(store is None or sqlite)
        self.restore_action.setEnabled(sqlite and store.read_only is None)

    # ------------------------------------------------------------------ backup
    def back_up(self) -> None:
        """Ask where, then write the backup and check it."""
        store = self.context.store
        if store is None:
            return
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, translate("BackupActions", "Back up the store"),
            backups.default_name(store), translate("BackupActions", FILTERS[store.kind]))
        if path:
            self.context.run(backups.back_up, store, path, control=True,
                             label=translate("BackupActions", "Backing up the store…"),
                             on_done=self._backed_up)

    def _backed_up(self, report: Any) -> None:
        check = report.check
        # The counts are worded by core.backups (its tables' names translated here).
        holds = (translate("BackupActions", "It holds {counts}.").format(
                     counts=counted(check.counts, table_words)) if report.kind == "sqlite"
                 else translate("BackupActions", "It holds the data of {count} tables.").format(
                     count=len(check.counts)))
        self.window.statusBar().showMessage(
            translate("BackupActions", "Backup written and checked: {path}").format(
                path=report.path), STATUS_SHOWN_MS)
        QMessageBox.information(
            self.window, translate("BackupActions", "Backup written"), translate(
                "BackupActions", "The backup of {source} is at:\n{path}\n\nIt was read back "
                "and checked ({checks}): no problem was found. {holds}").format(
                    source=report.source, path=report.path, checks=", ".join(check.checks),
                    holds=holds))

    # ----------------------------------------------------------------- restore
    def restore(self) -> None:
        """Ask for a backup, confirm, then put it in the place of the open store (kept
        aside first) and open it."""
        store = self.context.store
        if store is None or store.kind != "sqlite":
            return
        path, _chosen = QFileDialog.getOpenFileName(
            self.window, translate("BackupActions", "Restore from a backup"), "",
            translate("BackupActions", FILTERS["sqlite"]))
        if not path:
            return
        where = store.location.display
        answer = QMessageBox.question(
            self.window, translate("BackupActions", "Restore from a backup"), translate(
                "BackupActions", "Replace the open store {store} with the backup {backup}?\n\n"
                "The backup is checked first. The store as it is now is kept beside it under a "
                "name with the date and time. Close other programs using the store before you "
                "go on.").format(store=where, backup=path))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.run(partial(backups.restore, replace=True), path, where, control=True,
                         label=translate("BackupActions", "Restoring the backup…"),
                         on_done=lambda report: self._restored(where, report))

    def _restored(self, where: str, report: Any) -> None:
        self.window.store_menu.open(where)  # the window shows the restored records
        kept = ("\n\n" + translate("BackupActions", "The store as it was is kept at:\n{path}")
                .format(path=report.kept_aside) if report.kept_aside else "")
        QMessageBox.information(
            self.window, translate("BackupActions", "Backup restored"), translate(
                "BackupActions", "The backup {backup} was checked ({checks}) and restored into "
                "{store}. It holds {counts}.").format(
                    backup=report.backup, checks=", ".join(report.check.checks),
                    store=report.store, counts=counted(report.check.counts, table_words)) + kept)
