"""Choosing the store: new file, open a file, connect to PostgreSQL, recent stores, demo data.

Passwords are never written to the settings: a location is kept with its password left out,
so that it still connects with libpq's .pgpass or service file, or with the password asked
for and kept only in memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)

from forensics_gui.core.errors import StoreAuthError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.context import settle_garbage_collector
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.icons import icon
from forensics_gui.gui.kit.lazy import demo, stores

if TYPE_CHECKING:  # for typing only: the context is passed in, never made here
    from forensics_gui.gui.kit.context import AppContext

MAX_RECENT = 8
MIN_DIALOG_WIDTH = 480
FILE_FILTER = QT_TRANSLATE_NOOP("StoreMenu", "Forensic stores (*.sqlite *.db);;All files (*)")


def open_and_prepare(location: str | None, create: bool, demo_if_empty: bool,
                     password: str | None = None, control: Any = None) -> tuple[Any, Any]:
    """(store, summary); runs on the worker. Loads the demo data into an empty store if asked,
    telling `control` (a TaskControl) each step."""
    prompt = (lambda _where: password) if password else None
    opener = stores.init if create else stores.open_existing
    steps = 3 if demo_if_empty else 2

    def step(number: int, text: str, done: int = 0, total: int = 0) -> None:
        if control is not None:
            # One scale for the whole opening: each step is 100 units.
            control.report((number - 1) * 100 + (done * 100 // total if total else 0),
                           steps * 100, translate("StoreMenu", "Step {number} of {steps}: {what}")
                           .format(number=number, steps=steps, what=text))

    step(1, translate("StoreMenu",
                      "opening the store (its tables are created or upgraded if needed)…"))
    store = opener(location, prompt=prompt)
    try:
        if demo_if_empty and store.read_only is None and stores.is_empty(store):
            demo.load_demo(store, lambda done, total, what: step(
                2, translate("StoreMenu", "loading the demo data: {what}…").format(what=what),
                done, total))
        step(steps, translate("StoreMenu", "reading what the store holds…"))
        return store, stores.summary(store, with_counts=False)
    except BaseException:
        store.close()
        raise


def load_demo_data(store: Any, control: Any) -> dict[str, int]:
    """The demo data, loaded on the worker with its progress told to `control`."""
    return demo.load_demo(store, lambda done, total, what: control.report(
        done, total, translate("StoreMenu", "Loading the demo data: {what}…").format(what=what)))


class PostgresDialog(QDialog):
    """A PostgreSQL URL or a libpq service name; the password is asked for only if needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("StoreMenu", "Connect to PostgreSQL"))
        form = QFormLayout(self)
        self.url = QLineEdit()
        self.url.setPlaceholderText(
            translate("StoreMenu", "postgresql://user@host:5432/database"))
        self.service = QLineEdit()
        self.service.setPlaceholderText(translate("StoreMenu", "name in your pg_service.conf"))
        form.addRow(translate("StoreMenu", "Server URL"), self.url)
        form.addRow(translate("StoreMenu", "or service name"), self.service)
        note = QLabel(translate(
            "StoreMenu", "Leave the password out: it comes from your .pgpass or service file, "
            "or you will be asked for it. It is never saved."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(MIN_DIALOG_WIDTH)  # the examples in the boxes stay readable

    def location(self) -> str:
        service = self.service.text().strip()
        return f"service:{service}" if service else self.url.text().strip()


class StoreMenu:
    """The store part of the File menu and the logic behind it."""

    def __init__(self, context: AppContext, window: QWidget) -> None:
        self.context = context
        self.window = window
        self.recent_menu = QMenu(translate("StoreMenu", "Recent stores"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def fill(self, menu: QMenu) -> None:
        menu.addAction(icon("new"), translate("StoreMenu", "&New store…"), self.new_store)
        menu.addAction(icon("open"), translate("StoreMenu", "&Open store file…"), self.open_file)
        menu.addAction(icon("database"), translate("StoreMenu", "Connect to &PostgreSQL…"),
                       self.connect_postgres)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(translate("StoreMenu", "Load the &demo data"), self.load_demo)

    # ---------------------------------------------------------------- opening
    def open(self, location: str | None, create: bool = False, demo_if_empty: bool = False,
             password: str | None = None) -> None:
        """Open a store in the background; the window switches to it when it is ready."""
        self.context.run(open_and_prepare, location, create, demo_if_empty, password,
                         on_done=lambda result: self._opened(location, *result),
                         on_error=lambda e, t: self._failed(location, create, e, t),
                         label=translate("StoreMenu", "Opening the store…"), control=True,
                         modal=False)

    def _opened(self, location: str | None, store: Any, summary: Any) -> None:
        self.context.set_store(store, summary)  # the window shows store.warnings in a bar
        if store.backup_path:
            self.window.statusBar().showMessage(
                translate("StoreMenu", "Store upgraded; the previous version is kept at {path}")
                .format(path=store.backup_path), 10_000)
        self._remember(location or summary.location)

    def _failed(self, location: str | None, create: bool, error: BaseException,
                trace: str) -> None:
        settle_garbage_collector()  # no store to wait for (see quiet_start)
        if isinstance(error, StoreAuthError) and location and not location.endswith(".sqlite"):
            password, ok = QInputDialog.getText(
                self.window, translate("StoreMenu", "Password"),
                translate("StoreMenu", "Password for {store}:").format(
                    store=stores.resolve(location)), QLineEdit.EchoMode.Password)
            if ok and password:
                self.open(location, create, password=password)
                return
        self.context.show_error(error, trace)

    def _remember(self, location: str) -> None:
        location = stores.without_password(location)  # never write a password to the settings
        recent = [r for r in self._recent() if r != location]
        self.context.settings.setValue("stores/recent", [location, *recent][:MAX_RECENT])
        self.context.settings.setValue("stores/last", location)

    def _recent(self) -> list[str]:
        """The recent stores, any password an older version kept left out."""
        kept = self.context.settings.value("stores/recent", [], type=list) or []
        return list(dict.fromkeys(stores.without_password(str(r)) for r in kept))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in self._recent():
            self.recent_menu.addAction(location, lambda loc=location: self.open(loc))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(translate("StoreMenu", "(none yet)")).setEnabled(False)

    # ---------------------------------------------------------------- actions
    def new_store(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, translate("StoreMenu", "New store"),
                                              "forensics.sqlite",
                                              translate("StoreMenu", FILE_FILTER))
        if path:
            self.open(path, create=True)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, translate("StoreMenu", "Open store"),
                                              "", translate("StoreMenu", FILE_FILTER))
        if path:
            self.open(path)

    def connect_postgres(self) -> None:
        dialog = PostgresDialog(self.window)
        if dialog.exec() and dialog.location():
            location = dialog.location()
            if stores.has_password(location):
                QMessageBox.information(
                    self.window, translate("StoreMenu", "Password in the URL"),
                    translate("StoreMenu", "The password in the URL is used for this connection "
                              "only and is not saved."))
            self.open(location)

    def load_demo(self) -> None:
        store = self.context.store
        if store is None:
            return
        self.context.run(load_demo_data, store,
                         label=translate("StoreMenu", "Loading the demo data…"), control=True,
                         modal=False)
