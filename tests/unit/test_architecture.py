"""The layering rules of the design guide hold: a broken rule fails the test run."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_imports_only_the_standard_library() -> None:
    stdlib = set(sys.stdlib_module_names)
    for path in (ROOT / "forensics_gui" / "core").glob("*.py"):
        for module in _imported_modules(path):
            top = module.split(".")[0]
            assert module.startswith("forensics_gui.core") or top in stdlib, (path.name, module)


GUI = ROOT / "forensics_gui" / "gui"


def _strings_naming_our_packages(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and node.value.startswith("forensics_gui.")]


def test_the_gui_names_the_services_it_calls_in_one_place() -> None:
    # Lazily imported modules are named by strings, which no import contract can see.
    for path in GUI.rglob("*.py"):
        if path.name != "lazy.py":
            assert _strings_naming_our_packages(path) == [], path.name
    named = _strings_naming_our_packages(GUI / "kit" / "lazy.py")
    assert len(named) >= 10
    edges = ("forensics_gui.services.", "forensics_gui.reports.")
    for name in named:
        assert name in edges or (
            name.startswith(edges) and importlib.util.find_spec(name)
        ), name


def test_the_edge_refuses_anything_but_a_service_or_a_report() -> None:
    from forensics_gui.gui.kit.lazy import LazyModule

    for name in ("forensics_gui.storage.store", "forensics_gui.media.images",
                 "forensics_gui.formats.graphml", "forensics_gui.core.briefs"):
        with pytest.raises(ValueError, match="services and reports only"):
            LazyModule(name)
    assert LazyModule("forensics_gui.reports.briefs")  # the briefs: on purpose, see lazy.py


def test_no_module_of_ours_imports_itself_back() -> None:
    import grimp

    graph = grimp.build_graph("forensics_gui")
    loops = [(a, b) for a in sorted(graph.modules)
             for b in graph.find_modules_directly_imported_by(a)
             if b.startswith("forensics_gui.")
             and graph.chain_exists(importer=b, imported=a, as_packages=False)]
    assert loops == []


def test_gui_screens_say_what_context_they_are_given() -> None:
    untyped = [path.name for path in GUI.rglob("*.py")
               if "context: Any" in path.read_text(encoding="utf-8")]
    assert untyped == []


def _attributes_used(path: Path) -> set[str]:
    return {node.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Attribute)}


def test_the_database_session_stays_inside_storage() -> None:
    # Services and everything above them get a unit of work and plain data, never the
    # SQLAlchemy session or connection behind it.
    reaching = [f"{path.relative_to(ROOT)}: {sorted(used)}"
                for layer in ("services", "cli", "gui", "reports", "formats", "media")
                for path in (ROOT / "forensics_gui" / layer).rglob("*.py")
                if (used := _attributes_used(path) & {"session", "connection", "engine"})]
    assert reaching == []


def test_writes_are_announced_by_the_store_not_by_callers() -> None:
    # Screens follow what a committed write changed (Store.on_commit); no caller announces.
    announcing = [path.name for path in GUI.rglob("*.py")
                  if ".changed(" in path.read_text(encoding="utf-8").replace("_changed(", "")]
    assert announcing == []


def test_the_architecture_page_names_every_package() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = sorted(str(p.parent.relative_to(ROOT / "forensics_gui")) + "/"
                      for p in (ROOT / "forensics_gui").rglob("__init__.py")
                      if p.parent != ROOT / "forensics_gui")
    missing = [name for name in packages if name.rsplit("/", 2)[-2] + "/" not in page]
    assert missing == []
