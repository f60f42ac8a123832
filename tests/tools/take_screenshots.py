"""Write a screenshot of each main screen, on a fresh demo store, to a folder.

    .venv/bin/python tests/tools/take_screenshots.py [--out assets/screenshots]
    .venv/bin/python tests/tools/take_screenshots.py --guide [--pg-url postgresql://...]

`--guide` writes the pictures of the user guide's pages (docs/guide/) into
docs/guide/screenshots/ at 1280x800 instead: exactly those the pages show, nothing else. With
`--pg-url` (a PostgreSQL server where the user may create databases and roles) it also takes
Tools → Logins and clearances on a shared store made for the purpose and dropped afterwards.
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

# Scratch paths of this run -> how the pictures show them (where a user keeps a store).
PLACES: dict[str, str] = {}


def hide_scratch(widget: object) -> None:
    """Show the paths of `PLACES` in `widget`'s fields and labels as a user's (display only:
    no signal is sent, nothing is read again)."""
    from PySide6.QtWidgets import QLabel, QLineEdit

    fields = [widget, *widget.findChildren(QLineEdit),  # type: ignore[attr-defined]
              *widget.findChildren(QLabel)]  # type: ignore[attr-defined]
    for field in fields:
        if not isinstance(field, (QLineEdit, QLabel)):
            continue
        text = field.text()
        for scratch, shown_as in PLACES.items():
            text = text.replace(scratch, shown_as)
        if text != field.text():
            blocked = field.blockSignals(True)
            field.setText(text)
            field.blockSignals(blocked)


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
    hide_scratch(dialog)
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


GUIDE_OUT = Path(__file__).resolve().parents[2] / "docs" / "guide" / "screenshots"
FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
LOGINS_PICTURE = "logins.png"  # taken only on PostgreSQL (--pg-url)
# Chips on the photographed board: label, marking as printed, left, top, width, height (pixels
# of a 1600x1200 picture).
BOARD = (("U2", "STM32F765\nVIT6\nCHN 2214", 240, 260, 300, 300),
         ("U7", "STM32F405\nRGT6\nCHN 2231", 240, 680, 300, 280),
         ("U12", "NEO-M8N\n0-10", 700, 300, 260, 220),
         ("U3", "ADM3232\nEARUZ", 1080, 320, 220, 160),
         ("PS1", "URB2405S\n-6WR3", 980, 720, 400, 230))


def board_photo(variant: int) -> bytes:
    """A photo-like picture of a flight-controller board (JPEG with a camera in its EXIF)."""
    import io

    from PIL import ExifTags, Image, ImageDraw, ImageFilter, ImageFont

    image = Image.new("RGB", (1600, 1200), (52, 60, 58))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((120, 140, 1480, 1060), 30, fill=(28, 92, 58), outline=(190, 170, 90),
                           width=6)
    for x in range(160, 1460, 46):  # traces and pads
        draw.line((x, 180, x + 40, 1020), fill=(40, 112, 72), width=4)
    for x in range(170, 1450, 90):
        draw.rectangle((x, 1000, x + 30, 1040), fill=(200, 180, 110))
    font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 34)
    small = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 26)
    for label, marking, left, top, width, height in BOARD:
        draw.rectangle((left, top, left + width, top + height), fill=(24, 24, 26),
                       outline=(90, 90, 90), width=3)
        draw.multiline_text((left + 18, top + 18), marking, font=font, fill=(200, 200, 196),
                            spacing=8)
        draw.text((left, top - 36), label, font=small, fill=(235, 235, 225))
    if variant:  # a second view: the other side, turned and closer
        image = image.rotate(180).crop((200, 150, 1400, 1050)).resize((1600, 1200))
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "Canon EOS 90D"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2023:01:12 10:21:07"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82, exif=exif)
    return out.getvalue()


class Shooter:
    """Takes the guide's pictures: each is a widget's grab saved under its name."""

    def __init__(self, app: QApplication, context: AppContext, out: Path) -> None:
        self.app, self.context, self.out = app, context, out
        self.paths: list[Path] = []

    def __call__(self, widget: object, name: str) -> None:
        settle(self.app, self.context)
        path = self.out / f"{name}.png"
        hide_scratch(widget)
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        self.paths.append(path)

    def message(self, name: str):  # type: ignore[no-untyped-def]
        """While in the block, QMessageBox.information shows its box and saves its grab."""
        from contextlib import contextmanager

        from PySide6.QtWidgets import QMessageBox

        @contextmanager
        def patched():  # type: ignore[no-untyped-def]
            original = QMessageBox.information
            shown: list[bool] = []

            def information(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
                for scratch, shown_as in PLACES.items():
                    text = text.replace(scratch, shown_as)
                box = QMessageBox(QMessageBox.Icon.Information, title, text,
                                  QMessageBox.StandardButton.Ok, parent)
                box.show()
                self(box, name)
                box.close()
                shown.append(True)
                return QMessageBox.StandardButton.Ok

            QMessageBox.information = information  # type: ignore[method-assign]
            try:
                yield
                wait_until(self.app, lambda: bool(shown), timeout=60)
            finally:
                QMessageBox.information = original  # type: ignore[method-assign]

        return patched()


def open_shahed(app: QApplication, context: AppContext, window: MainWindow) -> object:
    """Show the demo Shahed-136 item in its editor; return it."""
    window.show_kind("item")
    settle(app, context)
    table = window.current_table()
    row = next(r for r in range(table.model.rowCount())
               if "SHAHED" in str(table.model.index(r, 0).data()))
    item = table.select_row(row)
    window.show_record("item", item)
    settle(app, context)
    return item


def field_screens(app: QApplication, context: AppContext, window: MainWindow,
                  shoot: Shooter) -> None:
    """A field team's screens: a new item's form, an item with its custody and findings,
    photos with an annotation and the viewer, the case package to send."""
    from forensics_gui.gui.exchange.package_actions import export_choices
    from forensics_gui.gui.exchange.package_dialogs import ExportPackageDialog
    from forensics_gui.services import photos, records

    window.show_kind("item")
    settle(app, context)
    window._new("item", {}, {})
    settle(app, context)
    editor = window.editor
    editor.inputs["case_reference"].editor.setText("UA-2026-0042")
    shoot(window, "item-new")
    editor.revert()
    item = open_shahed(app, context, window)
    shoot(window, "window")
    findings = records.list_records(context.store, "finding",
                                    filters={"item_id": item.id}).rows  # type: ignore[attr-defined]
    added = [photos.add_photo_bytes(context.store, board_photo(n), f"IMG_47{n + 11}.JPG",
                                    item_id=item.id)  # type: ignore[attr-defined]
             for n in range(2)]
    marked = next(f for f in findings if (f.part_number or "").startswith("STM32F765"))
    records.create(context.store, "annotation", {
        "photo_id": added[0].id, "finding_id": marked.id, "label": "U2",
        "x": 0.14, "y": 0.205, "width": 0.2, "height": 0.265})
    window.show_record("item", records.get(context.store, "item", item.id))  # type: ignore[attr-defined]
    settle(app, context)
    editor = window.editor
    editor.tabs.setCurrentIndex(1)
    shoot(window, "item-custody")
    editor.tabs.setCurrentIndex(2)
    shoot(window, "item-findings")
    editor.tabs.setCurrentWidget(editor.photos)
    panel = editor.photos
    wait_until(app, lambda: panel.model.rowCount() == 2)
    settle(app, context)
    panel.strip.setCurrentIndex(panel.model.index(0))
    shoot(window, "item-photos")
    viewer = panel.controller.open_viewer(0)
    assert viewer is not None
    viewer.resize(1280, 800)
    wait_until(app, lambda: len(viewer.canvas.annotation_items()) == 1)
    shoot(viewer, "photo-viewer")
    viewer.close()
    items, _me = export_choices(context.store)
    dialog = ExportPackageDialog(items, "Field laptop 3", window)
    actions = window.package_actions
    actions.export_dialog = dialog
    dialog.plan_wanted.connect(actions._plan)
    dialog.show()
    dialog.set_checked([item.case_reference])  # type: ignore[attr-defined]
    wait_until(app, lambda: dialog.ok.isEnabled())
    shoot(dialog, "package-export")
    dialog.close()


def report_screens(app: QApplication, context: AppContext, window: MainWindow,
                   shoot: Shooter) -> None:
    """A report writer's screens: the analytics dashboard and the brief dialog."""
    from forensics_gui.gui.briefs.brief_actions import show_brief_dialog

    window.show_analytics()
    panel = window.analytics_panel
    panel.reload()
    settle(app, context)
    shoot(window, "analytics")
    dialog = show_brief_dialog(context, window, "teardown", "DEMO-SHAHED-136-001")
    settle(app, context)
    # The documents folder of the fictional user, not of the machine that takes the picture.
    dialog.path.setText(f"/home/okarpenko/Documents/{Path(dialog.path.text()).name}")
    shoot(dialog, "brief-dialog")
    dialog.close()


def admin_screens(app: QApplication, context: AppContext, window: MainWindow,
                  shoot: Shooter, work: Path) -> None:
    """An administrator's screens on this (SQLite) store: the backup written and checked,
    the photos verified."""
    from PySide6.QtWidgets import QFileDialog

    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
        lambda *args, **kwargs: (str(work / "backups" / "forensics-backup.sqlite"), ""))
    (work / "backups").mkdir(exist_ok=True)
    try:
        with shoot.message("backup"):
            window.backup_actions.back_up()
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
    with shoot.message("verify-photos"):
        window.photo_tools.verify()


def logins_screen(app: QApplication, window: MainWindow, shoot: Shooter, pg_url: str) -> None:
    """Tools → Logins and clearances on a shared store made for the picture (a copy of the
    demo data with three logins), opened as its administrator; dropped afterwards."""
    import uuid

    import psycopg
    from psycopg import sql

    from forensics_gui.gui.mainwindow.logins_dialog import show_logins
    from forensics_gui.gui.mainwindow.store_menu import open_and_prepare
    from forensics_gui.services import access, demo, stores

    name = f"forensics_guide_{uuid.uuid4().hex[:8]}"
    server = pg_url.rsplit("/", 1)[0]
    logins = {"okarpenko": ("admin", "SECRET"), "ilysenko": ("editor", "OFFICIAL"),
              "mbondar": ("viewer", "UNCLASSIFIED")}
    password = uuid.uuid4().hex
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        store = stores.init(f"{server}/{name}")
        try:
            demo.load_demo(store)
            access.set_up_roles(store)
            for login, (group, clearance) in logins.items():
                access.set_login(store, login, group, clearance, password)
        finally:
            store.close()
        scheme, rest = server.split("://", 1)
        url = f"{scheme}://okarpenko:{password}@{rest.split('@', 1)[-1]}/{name}"
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"),
                             QSettings.Format.IniFormat)
        context = AppContext(settings)
        shared, summary = open_and_prepare(url, False, False)
        context.set_store(shared, summary)
        second = MainWindow(context)
        second.resize(window.size())
        second.show()
        settle(app, context)
        dialog = show_logins(context, second)
        settle(app, context)
        shoot.context = context
        shoot(dialog, LOGINS_PICTURE.removesuffix(".png"))
        dialog.close()
        context.shutdown()
        shared.close()
        second.close()
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))
            for login in logins:
                admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


def guide_screens(app: QApplication, context: AppContext, window: MainWindow, out: Path,
                  work: Path, pg_url: str) -> list[Path]:
    """Every picture the user guide's pages show, by the page that shows it."""
    shoot = Shooter(app, context, out)
    field_screens(app, context, window, shoot)
    shoot.paths += search_screens(app, context, window, out, "")
    shoot.paths += supply_screens(app, context, window, out, "")
    shoot.paths += bench_screens(app, context, window, out, "")
    window.editor.revert()  # the rule tried but not saved
    shoot.paths += exchange_screens(app, context, window, out, "", work)
    report_screens(app, context, window, shoot)
    shoot.paths += audit_screens(app, context, window, out, "")
    admin_screens(app, context, window, shoot, work)
    if pg_url:
        logins_screen(app, window, shoot, pg_url)
    return shoot.paths


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=None,
                        help="folder (assets/screenshots; with --guide, docs/guide/screenshots)")
    parser.add_argument("--dark", action="store_true", help="dark colour scheme")
    parser.add_argument("--size", default=None,
                        help="window size, WIDTHxHEIGHT (1440x860; with --guide, 1280x800)")
    parser.add_argument("--guide", action="store_true",
                        help="the pictures of the user guide's pages, replacing the folder's")
    parser.add_argument("--pg-url", default="",
                        help="with --guide: a PostgreSQL server URL for the logins picture")
    args = parser.parse_args()
    out = Path(args.out or (GUIDE_OUT if args.guide else "assets/screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    if args.guide:  # the folder holds exactly the pictures the pages use, of a fictional user
        os.environ["LOGNAME"] = os.environ["USER"] = "okarpenko"
        for old in out.glob("*.png"):
            if args.pg_url or old.name != LOGINS_PICTURE:
                old.unlink()
        if not args.pg_url:
            print(f"{LOGINS_PICTURE} is kept as it was: --pg-url takes it again", file=sys.stderr)
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
    size = args.size or ("1280x800" if args.guide else "1440x860")
    width, height = (int(n) for n in size.lower().split("x"))
    window.resize(width, height)
    window.show()
    window.store_menu.open(str(work / "demo.sqlite"), create=True, demo_if_empty=True)
    wait_until(app, lambda: context.store is not None)
    settle(app, context)
    # The pictures show where a user would keep a store, not this run's scratch folder.
    PLACES.update({str(work / "demo.sqlite"): "~/Documents/forensics/cases.sqlite",
                   str(work): "~/Documents/forensics"})
    window.store_label.setText(window.store_label.text().replace(
        str(work / "demo.sqlite"), PLACES[str(work / "demo.sqlite")]))
    if args.guide:
        shots = guide_screens(app, context, window, out, work, args.pg_url)
        print("\n".join(str(p) for p in shots))
        context.shutdown()
        return 0
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
