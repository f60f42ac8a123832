"""`forensics-gui`: start the desktop client.

Start-up imports only what the first screen needs. The worker starts loading the store layers
(SQLAlchemy, the models) before the window is built, and the store opens on it while the
window is already on screen; heavy libraries of other features load when first used.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from forensics_gui.gui.kit import i18n, lazy
from forensics_gui.gui.kit.context import SETTINGS_ORG, AppContext, quiet_start
from forensics_gui.gui.kit.fonts import ensure_fonts
from forensics_gui.gui.kit.icons import icon

if TYPE_CHECKING:
    from forensics_gui.gui.mainwindow.main_window import MainWindow


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="forensics-gui", description="Forensic database client")
    parser.add_argument("--store", help="SQLite file, postgresql:// URL or service:NAME "
                                        "(default: the store opened last, else the local store)")
    parser.add_argument("--demo-if-empty", action="store_true",
                        help="load the demo data if the store is empty")
    parser.add_argument("--version", action="store_true",
                        help="print the version and the store schema it writes, then exit")
    parser.add_argument("--self-test", metavar="FOLDER",
                        help="create a store in FOLDER, load the demo data, wait for the "
                             "first rows on screen, write a brief and exit (prints JSON; "
                             "used to try an installed bundle)")
    parser.add_argument("--no-brief", action="store_true",
                        help="with --self-test: do not write the brief")
    return parser.parse_args(argv)


def start_location(context: AppContext, args: argparse.Namespace) -> tuple[str | None, bool]:
    """(where to open, whether it is the local default store that may be created)."""
    if args.store:
        return args.store, False
    last = context.settings.value("stores/last")
    return (str(last), False) if last else (None, True)


def create_window(args: argparse.Namespace,
                  settings: QSettings | None = None) -> tuple[AppContext, MainWindow]:
    """The application context and main window, with the store opening in the background."""
    quiet_start()
    context = AppContext(settings)
    # The worker loads the store layers while this thread loads and builds the window.
    context.run(lazy.load_now, lazy.stores, lazy.records)
    from forensics_gui.gui.mainwindow.main_window import MainWindow

    window = MainWindow(context)
    location, is_default = start_location(context, args)
    first_start = is_default and not context.settings.value("stores/recent")
    window.store_menu.open(location, create=is_default,
                           demo_if_empty=args.demo_if_empty or first_start)
    return context, window


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop client until its window is closed."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(lazy.stores.version_line("forensics-gui"))
        return 0
    app = QApplication.instance() or QApplication(sys.argv[:1])
    ensure_fonts(app)
    app.setOrganizationName(SETTINGS_ORG)
    app.setApplicationName(SETTINGS_ORG)
    # The interface's language is chosen before any window text is made; the window's
    # context reads the same settings.
    settings = QSettings(SETTINGS_ORG, SETTINGS_ORG)
    i18n.install(app, settings)
    app.setApplicationDisplayName(i18n.translate("app", "Forensic component database"))
    app.setWindowIcon(icon("app"))
    if args.self_test:
        from forensics_gui.gui import selftest

        return selftest.run(app, args.self_test, brief=not args.no_brief)
    context, window = create_window(args, settings)
    window.show()
    code = app.exec()
    context.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
