"""The edge between the desktop client and the layers below it: every service module the GUI
calls is named here, and nowhere else (a test checks that no other GUI module names one, and
that each name is a module of `forensics_gui.services` or of `forensics_gui.reports`).

Briefs are the one thing the GUI asks of `reports/`: that layer sits between the front ends
and the services (docs/architecture.md), and the brief dialog must call the same `write` as
`forensics brief`. Naming it here keeps ReportLab out of the window until a brief is written,
and on the worker.

The modules load on first use, so that the window shows before the store layers load: until a
module is imported, its functions are handed out as wrappers that import it when called;
store calls run on the worker thread, so the import happens there, not while the user waits.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

SERVICES = "forensics_gui.services."
REPORTS = "forensics_gui.reports."


class LazyModule:
    """Stands for a module of the services (or the reports) layer until it is loaded."""

    def __init__(self, name: str) -> None:
        if not name.startswith((SERVICES, REPORTS)):
            raise ValueError(f"the GUI calls services and reports only, not {name}")
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        module = sys.modules.get(self._name)
        if module is not None:
            try:
                return getattr(module, attribute)
            except AttributeError:
                pass  # the worker is importing it right now: the call waits for that import
        return self._deferred(attribute)

    def _deferred(self, attribute: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module(self._name), attribute)(*args, **kwargs)

        call.__name__ = attribute
        return call


def load_now(*modules: LazyModule) -> None:
    """Import these modules now (on the worker at start-up, while the window is built)."""
    for module in modules:
        importlib.import_module(module._name)


records = LazyModule("forensics_gui.services.records")
custody = LazyModule("forensics_gui.services.custody")
audit = LazyModule("forensics_gui.services.audit")
access = LazyModule("forensics_gui.services.access")
stores = LazyModule("forensics_gui.services.stores")
backups = LazyModule("forensics_gui.services.backups")
demo = LazyModule("forensics_gui.services.demo")
photos = LazyModule("forensics_gui.services.photos")
search = LazyModule("forensics_gui.services.search")
search_lists = LazyModule("forensics_gui.services.search_lists")
suggest = LazyModule("forensics_gui.services.suggest")
sanctions_lists = LazyModule("forensics_gui.services.sanctions_lists")
screening = LazyModule("forensics_gui.services.screening")
supply = LazyModule("forensics_gui.services.supply")
gap = LazyModule("forensics_gui.services.gap")
graph = LazyModule("forensics_gui.services.graph")
analytics = LazyModule("forensics_gui.services.analytics")
identify = LazyModule("forensics_gui.services.identify")
bench = LazyModule("forensics_gui.services.bench")
exchange_export = LazyModule("forensics_gui.services.exchange.export")
exchange_import = LazyModule("forensics_gui.services.exchange.importer")
exchange_packages = LazyModule("forensics_gui.services.exchange.packages")
exchange_conflicts = LazyModule("forensics_gui.services.exchange.conflicts")
exchange_sync = LazyModule("forensics_gui.services.exchange.sync")
briefs = LazyModule("forensics_gui.reports.briefs")
