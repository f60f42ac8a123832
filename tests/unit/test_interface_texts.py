"""Every text the interface shows goes through `translate` (so that it can be shown in
Ukrainian), and every translation file is complete and compiled."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "forensics_gui" / "gui"
# Calls whose argument at the given positions is a text shown to people.
SHOWN_BY_METHOD = {
    "setText": (0,), "setWindowTitle": (0,), "setToolTip": (0,), "setPlaceholderText": (0,),
    "setStatusTip": (0,), "setTitle": (0,), "addAction": (0,), "addMenu": (0,),
    "showMessage": (0,), "addTab": (1,), "addRow": (0,), "setWhatsThis": (0,),
    "setLabelText": (0,), "setInformativeText": (0,), "setHeaderLabels": (0,),
    "setHorizontalHeaderLabels": (0,), "warning": (1, 2), "information": (1, 2),
    "question": (1, 2), "critical": (1, 2), "getText": (1, 2), "getItem": (1, 2),
    "getOpenFileName": (1,), "getSaveFileName": (1,), "getExistingDirectory": (1,),
    "addButton": (0,), "setSpecialValueText": (0,), "setSuffix": (0,), "setPrefix": (0,),
}
SHOWN_BY_CLASS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox",
                  "QAction", "QMenu", "QToolButton", "QCommandLinkButton"}
WORDS = re.compile(r"[A-Za-z]{2,}")
# A line that shows data or a fixed code, not prose, says so.
EXEMPT = "# not translated"


def _literal_text(node: ast.AST) -> str | None:
    """The prose of a literal argument (a string or f-string with words), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORDS.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return text if WORDS.search(text) else None
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return next((t for t in map(_literal_text, node.elts) if t), None)
    return None


def untranslated_texts() -> list[str]:
    found = []
    for path in sorted(GUI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else (
                func.id if isinstance(func, ast.Name) else "")
            positions = SHOWN_BY_METHOD.get(name, ()) if isinstance(func, ast.Attribute) else ()
            if name in SHOWN_BY_CLASS:
                positions = (0,)
            for position in positions:
                if position >= len(node.args):
                    continue
                text = _literal_text(node.args[position])
                line = lines[node.lineno - 1]
                if text and EXEMPT not in line:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:60]!r}")
    return found


def test_every_text_the_interface_shows_is_translatable() -> None:
    found = untranslated_texts()
    assert found == [], f"{len(found)} texts not passed through translate():\n" + "\n".join(
        found[:80])


def test_every_translation_is_made_and_compiled() -> None:
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        import translations
    finally:
        sys.path.remove(str(ROOT / "installer"))
    try:
        found = translations.problems()
    except SystemExit as missing:  # lrelease is not beside this Python
        pytest.skip(str(missing))
    assert found == []


def test_every_translation_names_its_context_and_text_as_written() -> None:
    """lupdate reads `translate("Context", "text")` from the source: a context or text held
    in a variable is never collected, so it would never be translated."""
    found = []
    for path in sorted((ROOT / "forensics_gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ("translate", "QT_TRANSLATE_NOOP") if GUI in path.parents else (
                "QT_TRANSLATE_NOOP",)  # (storage has a `translate` of its own: errors)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in names and node.args
                    and not (isinstance(node.args[0], ast.Constant)
                             and isinstance(node.args[0].value, str))):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
