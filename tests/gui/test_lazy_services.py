"""Service modules load on the worker the first time they are used; a page that asks for a
second function while the worker is still importing the module must not fail."""

from __future__ import annotations

import sys
import types

import pytest

from forensics_gui.gui.kit.lazy import LazyModule


def test_a_function_of_a_module_still_being_imported_waits_for_the_import(
        monkeypatch: pytest.MonkeyPatch) -> None:
    name = "forensics_gui.services.test_half_imported"
    half = types.ModuleType(name)  # what sys.modules holds while the import runs
    monkeypatch.setitem(sys.modules, name, half)
    call = LazyModule(name).list_versions  # used to raise AttributeError here
    half.list_versions = lambda store: f"versions of {store}"  # the import finishes
    assert call("the store") == "versions of the store"


def test_a_loaded_module_hands_out_its_own_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "forensics_gui.services.test_loaded"
    loaded = types.ModuleType(name)
    loaded.count = len
    monkeypatch.setitem(sys.modules, name, loaded)
    assert LazyModule(name).count is len
