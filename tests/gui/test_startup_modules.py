"""A fresh desktop client loads only what its first screen needs: each feature's heavy
libraries wait until the feature is used, so that start-up stays quick and small."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from forensics_gui.services import demo, stores

FEATURE_LIBRARIES = ("numpy", "rapidfuzz", "openpyxl", "networkx", "reportlab", "PIL",
                     "pi_heif", "pillow_heif", "alembic", "psycopg")
# The dashboard's charts (their geometry, drawing, fonts and SVG export) load when it is shown.
FEATURE_MODULES = ("forensics_gui.gui.analytics.", "forensics_gui.core.chart",
                   "forensics_gui.reports", "forensics_gui.services.analytics", "PySide6.QtSvg")
CLIENT = """
import json, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from forensics_gui.gui.app import create_window, parse_args
app = QApplication(sys.argv[:1])
context, window = create_window(parse_args(["--store", sys.argv[1]]),
                                QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
def first_rows():
    table = window.tables.get("item")
    if table is not None and table.model.rowCount() and table.model.record_at(0) is not None:
        loaded = sorted({m.split(".")[0] for m in sys.modules})
        ours = sorted(m for m in sys.modules if m.startswith("forensics_gui.services."))
        modules = sorted(m for m in sys.modules if m.startswith(("forensics_gui.", "PySide6.")))
        print(json.dumps({"rows": table.model.rowCount(), "loaded": loaded, "services": ours,
                          "modules": modules}))
        app.quit()
    else:
        QTimer.singleShot(5, first_rows)
QTimer.singleShot(0, first_rows)
QTimer.singleShot(60_000, app.quit)
app.exec()
context.shutdown()
"""


def test_first_rows_are_shown_without_any_feature_library(tmp_path: Path) -> None:
    store = stores.init(str(tmp_path / "demo.sqlite"))
    demo.load_demo(store)
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CLIENT, str(tmp_path / "demo.sqlite"),
                           str(tmp_path / "settings.ini")], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["rows"] > 0
    assert set(shown["loaded"]) & set(FEATURE_LIBRARIES) == set()
    assert "sqlalchemy" in shown["loaded"]  # the store is open: the check is not vacuous
    assert [m for m in shown["modules"] if m.startswith(FEATURE_MODULES)] == []
    assert "forensics_gui.gui.mainwindow.main_window" in shown["modules"]
    # Only the services of the first screen; search, screening and the rest load when used.
    assert set(shown["services"]) <= {
        "forensics_gui.services.stores", "forensics_gui.services.records",
        "forensics_gui.services.derive", "forensics_gui.services.references"}
