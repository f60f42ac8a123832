"""Write a screenshot of each main screen, on a fresh demo store, to a folder.

    .venv/bin/python tests/tools/take_screenshots.py [--out assets/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from forensics_gui.gui.kit.context import AppContext
from forensics_gui.gui.mainwindow.main_window import MainWindow


def wait_until(app: QApplication, condition, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, context: AppContext) -> None:
    import time

    for _ in range(3):
        wait_until(app, lambda: not context.runner.busy)
        end = time.monotonic() + 0.2
        while time.monotonic() < end:
            app.processEvents()


def dark_palette() -> object:
    """A dark palette like the one a dark desktop theme hands to Qt."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in ((role.Window, "#2b2b2b"), (role.WindowText, "#e8e8e8"),
                         (role.Base, "#1e1e1e"), (role.AlternateBase, "#262626"),
                         (role.Text, "#e8e8e8"), (role.Button, "#353535"),
                         (role.ButtonText, "#e8e8e8"), (role.Highlight, "#2f80ed"),
                         (role.HighlightedText, "#ffffff"), (role.PlaceholderText, "#8a8a8a"),
                         (role.ToolTipBase, "#353535"), (role.ToolTipText, "#e8e8e8")):
        palette.setColor(name, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#777777"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#777777"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#777777"))
    return palette


def search_screens(app: QApplication, context: AppContext, window: MainWindow, out: Path,
                   suffix: str) -> list[Path]:
    """The search page: a part-number search with a selected result, a maker search, and
    the filters."""
    paths = []
    panel = window.search_panel
    for name, text, filters in (("search-part", "stm32f7", {}),
                                ("search-maker", "xilinx", {}),
                                ("search-filters", "", {"produced_after": "2022-02-24",
                                                        "sanctioned": "no"})):
        window.show_search()
        panel.set_search(text, filters)
        settle(app, context)
        first = panel._first_record()
        if first is not None:
            panel.tree.setCurrentItem(first)
            panel._open(first)
            settle(app, context)
        path = out / f"{name}{suffix}.png"
        window.grab().save(str(path))
        paths.append(path)
    return paths


LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def supply_screens(app: QApplication, context: AppContext, window: MainWindow, out: Path,
                   suffix: str) -> list[Path]:
    """Supply links in a part's editor, its probable chains, the supply graph, sanctions
    screening after importing the sample lists, and the sanctions gap."""
    from forensics_gui.gui.supply.chains_panel import ChainsDialog
    from forensics_gui.gui.supply.gap_panel import show_gap
    from forensics_gui.services import records, sanctions_lists

    paths = []

    def shoot(widget: object, name: str) -> None:
        settle(app, context)
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        paths.append(path)

    part = records.get(context.store, "part", "STM32F765VIT6")
    window.show_kind("part")
    window.open_record("part", part.id)
    settle(app, context)
    window.editor.links_box.graph_button.click()  # the editor's box, then the graph beside it
    shoot(window, "supply-links")
    chains = ChainsDialog(context, "part", part.id, window)
    chains.show()
    shoot(chains, "chains")
    chains.close()
    window.show_graph()
    window.graph_panel.show_for()
    shoot(window, "supply-graph")
    for folder, published in (("ofac-2024-05", "2024-05-01"), ("ofac-2024-06", "2024-06-01")):
        sanctions_lists.import_list(context.store, sorted((LISTS / folder).glob("*.csv")),
                                    published_on=published)
    sanctions_lists.import_list(context.store, [LISTS / "csl" / "consolidated.csv"],
                                published_on="2024-06-10")
    window.show_screening()
    window.screening_panel.reload()
    shoot(window, "screening")
    gap = show_gap(context, window, lambda kind, record_id: None)
    shoot(gap, "gap")
    gap.close()
    return paths


def bench_screens(app: QApplication, context: AppContext, window: MainWindow, out: Path,
                  suffix: str) -> list[Path]:
    """Recording a teardown: bench mode of the Shahed-136 item with its template, a new
    finding's marking identified in the editor, the template modules and the rules pages."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    paths = []
    window.show_kind("item")
    settle(app, context)
    table = window.current_table()
    row = next(r for r in range(table.model.rowCount())
               if "SHAHED" in str(table.model.index(r, 0).data()))
    item = table.select_row(row)
    window.show_record("item", item)
    settle(app, context)
    window.show_bench(item.id)
    settle(app, context)
    panel = window.bench_panel
    view = panel.view
    window.activateWindow()
    view.setFocus()
    view.setCurrentIndex(panel.model.index(panel.model.rowCount() - 1, 1))

    def typed(text: str) -> None:  # one key at a time, where the focus is, as a user types
        for character in text:
            app.processEvents()
            QTest.keyClick(QApplication.focusWidget() or view, character)

    typed("flight controller U7")
    QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Tab)
    typed("STM32F405 / RGT6 / CHN 2231")
    QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Tab)
    settle(app, context)
    paths.append(out / f"bench{suffix}.png")
    window.grab().save(str(paths[-1]))
    QTest.keyClick(view, Qt.Key.Key_Escape)
    for row in reversed(range(panel.model.rowCount())):
        view.setCurrentIndex(panel.model.index(row, 1))
        QTest.keyClick(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    settle(app, context)
    window.show_kind("finding")
    settle(app, context)
    window._new("finding", {}, {})
    settle(app, context)
    editor = window.editor
    editor.inputs["item_id"].editor.setText("DEMO-SHAHED-136-001")
    editor.inputs["marking"].editor.setPlainText("XC7Z020\n1CLG400C\n2231 D")
    wait_until(app, lambda: editor.identify.strip.up_to_date)
    settle(app, context)
    paths.append(out / f"identify{suffix}.png")
    window.grab().save(str(paths[-1]))
    editor.revert()
    for kind, name in (("module", "template-modules"), ("rule", "rules")):
        window.show_kind(kind)
        settle(app, context)
        table = window.current_table()
        if table.model.rowCount():
            window.show_record(kind, table.select_row(0))
            settle(app, context)
        if kind == "rule":  # an analyst's rule tried before it is saved
            window._new("rule", {}, {})
            settle(app, context)
            rule = window.editor
            rule.inputs["pattern"].editor.setText("LTC29[0-9]{2}")
            rule.inputs["maker"].editor.setText("Linear Technology")
            rule.inputs["family"].editor.setText("LTC29xx pushbutton controller")
            rule._on_edit()
            rule.try_box.samples.setPlainText("LTC2950CTS8-1\nLTC2955ITS8\nLT1086CM-3.3\nLM317T")
            settle(app, context)
        paths.append(out / f"{name}{suffix}.png")
        window.grab().save(str(paths[-1]))
    return paths


HUR_LIST = [
    ["product", "refs / marking", "weapon", "manufacturer_country", "manufacturer"],
    ["Microcontroller", "STM32F405\nRGT6\nCHN 2231", "Shahed-136", "Switzerland",
     "STMicroelectronics"],
    ["GNSS module", "NEO-M8N-0-10", "Shahed-136", "Switzerland", "u-blox"],
    ["Voltage regulator", "LM1117IMPX-3.3", "Kh-101", "United States", "Texas Instruments"],
    ["DC/DC converter", "TSM0505S 2413", "Iskander-M 9M723", "Switzerland", "Traco Power"],
    ["Capacitor", "337 G 00A02", "Shahed-136", "", "Not identified"],
    ["Fuel pump", "FP-77 2209", "Orlan-10", "Narnia", "Fictional Pumps Ltd"],
]


def exchange_screens(app: QApplication, context: AppContext, window: MainWindow, out: Path,
                     suffix: str, work: Path) -> list[Path]:
    """The import dialog on a list laid out as HUR publishes it: the layout recognised, its
    source graded, the rows the store already holds and a refused row."""
    import csv

    from forensics_gui.gui.exchange.import_dialog import show_import_dialog

    path = work / "hur-components.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(HUR_LIST)
    dialog = show_import_dialog(context, window, str(path))
    assert dialog is not None
    dialog.resize(window.size())
    wait_until(app, lambda: dialog.preview is not None)
    settle(app, context)
    shot = out / f"import{suffix}.png"
    dialog.grab().save(str(shot))
    dialog.close()
    return [shot]


def audit_screens(app: QApplication, context: AppContext, window: MainWindow, out: Path,
                  suffix: str) -> list[Path]:
    """Tools → Verify the audit trail, after the check."""
    from forensics_gui.gui.mainwindow.audit_check import verify_audit_trail

    dialog = verify_audit_trail(context, window)
    wait_until(app, lambda: dialog.check_button.isEnabled())
    settle(app, context)
    shot = out / f"audit-check{suffix}.png"
    dialog.grab().save(str(shot))
    dialog.close()
    return [shot]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="assets/screenshots")
    parser.add_argument("--dark", action="store_true", help="dark colour scheme")
    parser.add_argument("--size", default="1440x860", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    app = QApplication(sys.argv[:1])
    if args.dark:
        from PySide6.QtCore import Qt

        app.setStyle("Fusion")
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(settings)
    window = MainWindow(context)
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    window.store_menu.open(str(work / "demo.sqlite"), create=True, demo_if_empty=True)
    wait_until(app, lambda: context.store is not None)
    settle(app, context)
    shots = []
    for kind in ("item", "finding", "part", "org", "link", "source"):
        window.show_kind(kind)
        settle(app, context)
        table = window.current_table()
        if table.model.rowCount():
            window.show_record(kind, table.select_row(0))
            settle(app, context)
        path = out / f"{kind}s{'-dark' if args.dark else ''}.png"
        window.grab().save(str(path))
        shots.append(path)
    window.show_kind("item")
    settle(app, context)
    window.show_record("item", window.current_table().select_row(3))
    window.editor.tabs.setCurrentIndex(1)
    settle(app, context)
    suffix = "-dark" if args.dark else ""
    window.grab().save(str(out / f"item-custody{suffix}.png"))
    window.editor.tabs.setCurrentIndex(2)
    settle(app, context)
    window.grab().save(str(out / f"item-findings{suffix}.png"))
    shots += search_screens(app, context, window, out, suffix)
    shots += supply_screens(app, context, window, out, suffix)
    shots += bench_screens(app, context, window, out, suffix)
    shots += exchange_screens(app, context, window, out, suffix, work)
    shots += audit_screens(app, context, window, out, suffix)
    print("\n".join(str(p) for p in shots))
    context.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
