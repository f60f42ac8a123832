"""The work of the import dialog that runs on the task worker: reading the file, the preview
and the import itself, each through `services.exchange.importer` (the same calls as
`forensics import`), with what the dialog shows made there too, so that a file of a hundred
thousand rows never holds up the window."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from forensics_gui.core.exchange import targets
from forensics_gui.gui.exchange.import_mapping import (
    fate_header,
    fate_new,
    fate_refused,
    target_text,
)
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import exchange_import

Report = Callable[[int, int, str], None]  # done, total, what: emitted towards the window
FIRST_ROWS = 100  # rows of the file shown as they will be read
# The reader's hints name the command line's options; the dialog has fields for them.
_OPTION = re.compile(r" \(--[a-z-]+[^)]*\)")


@dataclass(frozen=True)
class Opened:
    """A file read: its table and the settings an import of it starts from."""

    sheet: Any
    settings: Any


@dataclass(frozen=True)
class Preview:
    """What an import would do, and the rows of the dialog's two tables."""

    plan: Any
    refused: list[tuple[int, str, str]]  # row, column, reason
    headers: list[str]  # of the first rows: "Row", "Will be", then the targets' labels
    first_rows: list[tuple[Any, ...]]


def reader_message(error: BaseException) -> str:
    """The reader's message as the dialog says it (without command-line options)."""
    return _OPTION.sub("", str(error))


def open_sheet(path: str, sheet: str | None, encoding: str | None, delimiter: str | None,
               kind: str | None) -> Opened:
    """Read the file and guess how its columns map (a public layout when they are one)."""
    table = exchange_import.read(path, sheet=sheet, encoding=encoding, delimiter=delimiter)
    return Opened(table, exchange_import.suggested(table, kind))


def make_preview(store: Any, sheet: Any, settings: Any, report: Report, *,
                 control: Any) -> Preview:
    """The plan of an import (nothing written), stopped when a newer request cancels it."""
    plan = exchange_import.preview(store, sheet, settings, _progress(report, control))
    headers, rows = first_rows(sheet, settings, plan)
    return Preview(plan, [(r.row, r.column, r.reason) for r in plan.refused], headers, rows)


def import_rows(store: Any, sheet: Any, settings: Any, report: Report, *,
                control: Any) -> Any:
    """Import the table in one transaction; cancelled, nothing is written."""
    if control.cancelled:
        raise InterruptedError("the import was cancelled; nothing was written")
    return exchange_import.run(store, sheet, settings, progress=_progress(report, control))


def write_rejects(sheet: Any, plan: Any, path: str) -> int:
    """Write the refused rows to a CSV file; returns how many."""
    return exchange_import.write_rejects(sheet, plan, path)


def _progress(report: Report, control: Any) -> Callable[[int, int, str], bool]:
    def progress(done: int, total: int, what: str) -> bool:
        report(done, total, what)
        return not control.cancelled

    return progress


def first_rows(sheet: Any, settings: Any, plan: Any, limit: int = FIRST_ROWS
               ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The first rows as the import reads them: the row, what becomes of it, and the text
    each mapped target takes (the first column mapped to it that holds text)."""
    chosen = [t for t in targets(settings.kind) if t.name in settings.mapping.values()]
    at = {t.name: [i for i, c in enumerate(sheet.columns) if settings.mapping.get(c) == t.name]
          for t in chosen}
    shown = sheet.rows[:limit]
    fates = _fates(plan, {number for number, _ in shown})
    rows = [(number, fates.get(number, ""),
             *(next((cells[i] for i in at[t.name] if cells[i].strip()), "") for t in chosen))
            for number, cells in shown]
    return [translate("import_task", "Row"), fate_header(),
            *(target_text(t.label) for t in chosen)], rows


def _fates(plan: Any, numbers: set[int]) -> dict[int, str]:
    new = fate_new()
    fates = {n: new for n in plan.row_numbers if n in numbers}
    fates |= {n: what for n, what in plan.held if n in numbers}
    for refusal in reversed(plan.refused):  # the first refusal of a row is said
        if refusal.row in numbers:
            where = f"'{refusal.column}': " if refusal.column else ""
            fates[refusal.row] = fate_refused(where, refusal.reason)
    return fates
