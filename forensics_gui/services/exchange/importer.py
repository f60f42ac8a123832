"""Importing spreadsheets of findings, parts, organizations, recovered items and supply links.

An import is planned, then written:

- **Plan** (`preview`): every row is read through the column mapping, its references
  resolved (an id, or a name as people write it: a maker, a part number, a case reference,
  a source's title) and checked as `records.create` checks it. Rows refused are listed with
  their row, column and reason; nothing is written.
- **Write** (`run`): the plan is made again inside one write transaction (the store may
  have changed since the preview) and everything is written in it: the references the rows
  need that the store lacks (makers, parts, system types, items, sources), then the rows.
  Killed at any moment, the store is as it was; run again, it completes.

Importing the same file again changes nothing: a row given with an id is recognised by it;
a row without one gets an id made from its kind and its cells (the same cells give the same
id), so the second import finds it held. Rows of a public list (a weapon but no recovered
item) are also recognised by their part number, or marking, and weapon.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID, uuid5

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.exchange import (
    IMPORT_KINDS,
    Layout,
    guess_mapping,
    layout_mapping,
    layout_named,
    layout_of,
    missing_targets,
    targets,
)
from forensics_gui.core.files import replace_atomically
from forensics_gui.formats.sheets import Sheet, read_sheet, sheet_names
from forensics_gui.formats.tables import as_text
from forensics_gui.services import bulk
from forensics_gui.services.exchange.export_columns import ABOUT_SHEET, kind_of_title
from forensics_gui.services.exchange.import_resolver import Resolver
from forensics_gui.services.exchange.import_rows import Refusal, build_row
from forensics_gui.services.exchange.import_writer import WRITE_ORDER, ChunkWriter
from forensics_gui.storage.store import Store, retried_writes

__all__ = ["Plan", "Refusal", "Settings", "check_settings", "layout_settings", "preview",
           "read", "run", "suggested", "write_rejects"]
Progress = Callable[[int, int, str], bool | None]  # done, total, what -> False to stop
# Ids of imported rows without one: uuid5 in this namespace of the kind and the row's cells.
ROW_NAMESPACE = UUID("6f1c2a4e-3b1d-5c7a-9e2f-0a8b4c6d1e35")
CHUNK_ROWS = 10_000  # rows written at a time while the next are checked


@dataclass(frozen=True)
class Settings:
    """What the user chose: the kind of record, how columns map, the public layout and the
    source the rows are cited from (when the file is a published list)."""

    kind: str
    mapping: dict[str, str | None]
    layout: str = ""
    source_title: str = ""
    source_reliability: str = ""
    source_credibility: str = ""


@dataclass
class Plan:
    """What an import would do (or did)."""

    sheet_name: str
    settings: Settings
    rows: int = 0
    added: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    held: list[tuple[int, str]] = field(default_factory=list)  # (row, what it matched)
    refused: list[Refusal] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)  # of the rows added, in order

    def counts(self) -> dict[str, int]:
        """How many records of each kind would be added."""
        return {kind: len(rows) for kind in WRITE_ORDER if (rows := self.added.get(kind))}

    @property
    def new_rows(self) -> int:
        return len(self.added.get(self.settings.kind, []))

    def summary(self) -> str:
        """One sentence: what was added (or would be), held and refused."""
        kind = self.settings.kind
        extra = ", ".join(f"{n:,} {_plural(k, n)}" for k, n in self.counts().items()
                          if k != kind)
        return (f"{self.rows:,} rows: {self.new_rows:,} new {_plural(kind, self.new_rows)}"
                f"{' (with ' + extra + ')' if extra else ''}, {len(self.held):,} already in "
                f"the store, {len(self.refused):,} refused")


def _plural(kind: str, count: int) -> str:
    from forensics_gui.core.fields import kind as kind_spec

    spec = kind_spec(kind)
    return spec.label if count == 1 else spec.plural


# ------------------------------------------------------------------ settings
def read(path: str | Path, *, sheet: str | None = None, encoding: str | None = None,
         delimiter: str | None = None) -> Sheet:
    """The file's table, refused with a message naming what is wrong and where. A workbook
    this program exported starts with its About sheet: the first sheet of records is read."""
    if sheet is None and Path(path).suffix.lower() == ".xlsx":
        names = sheet_names(path)
        if len(names) > 1 and names[0] == ABOUT_SHEET:
            sheet = names[1]
    return read_sheet(path, sheet=sheet, encoding=encoding, delimiter=delimiter)


def suggested(sheet: Sheet, kind: str | None = None) -> Settings:
    """The settings an import of this table starts from: a public layout when its columns are
    one, else the kind asked for (findings by default) with its headers matched."""
    layout = layout_of(sheet.columns) if kind in (None, "finding") else None
    if layout is not None:
        return layout_settings(layout, sheet)
    named = kind_of_title(sheet.name.rpartition(" / ")[2] or sheet.name)
    kind = kind or (named if named in IMPORT_KINDS else "finding")
    if kind not in IMPORT_KINDS:
        raise ValidationError("kind", f"cannot import {kind!r}; choose one of "
                                      f"{', '.join(IMPORT_KINDS)}")
    return Settings(kind, guess_mapping(kind, sheet.columns))


def layout_settings(layout: Layout | str, sheet: Sheet) -> Settings:
    chosen = layout_named(layout) if isinstance(layout, str) else layout
    if not chosen.matches(sheet.columns):
        raise ValidationError("layout", f"{sheet.name} is not a {chosen.label} table: it lacks "
                                        f"the columns {', '.join(sorted(chosen.columns))}")
    return Settings(chosen.kind, layout_mapping(chosen, sheet.columns), chosen.name,
                    chosen.source_title, chosen.reliability, str(chosen.credibility))


def check_settings(sheet: Sheet, settings: Settings) -> None:
    """Refuse settings that cannot work, before any row is read."""
    names = {t.name for t in targets(settings.kind)}
    unknown = {c for c in settings.mapping if c not in sheet.columns}
    if unknown:
        raise ValidationError("mapping", f"{sheet.name} has no column "
                                         f"{', '.join(repr(c) for c in sorted(unknown))}")
    wrong = {t for t in settings.mapping.values() if t and t not in names}
    if wrong:
        raise ValidationError("mapping", f"an import of {settings.kind} records has no "
                                         f"{', '.join(sorted(wrong))}")
    problems = missing_targets(settings.kind, settings.mapping)
    if problems:
        raise ValidationError("mapping", f"{sheet.name}: {'; '.join(problems)}")


# ------------------------------------------------------------------ planning
def preview(store: Store, sheet: Sheet, settings: Settings,
            progress: Progress | None = None) -> Plan:
    """What importing the table would do; nothing is written."""
    check_settings(sheet, settings)
    with store.reading() as uow, bulk.collector_paused():
        return _plan(uow, store, sheet, settings, progress)


@retried_writes
def run(store: Store, sheet: Sheet, settings: Settings, *, strict: bool = False,
        progress: Progress | None = None) -> Plan:
    """Import the table in one transaction; returns what was done. With `strict`, a single
    refused row refuses the whole file (nothing is written). A transaction the store gave up
    because of other writers is run again from the start (`retried_writes`)."""
    check_settings(sheet, settings)
    with store.writing(bulk=True) as uow, bulk.collector_paused():
        with ChunkWriter(uow, overlap=True) as writer:
            plan = _plan(uow, store, sheet, settings, progress, writer, strict)
        if any(plan.added.values()):
            uow.record_audit("import", settings.kind, None, {},
                             {"file": sheet.name, "rows": plan.rows, "added": plan.counts(),
                              "held": len(plan.held), "refused": len(plan.refused)})
    return plan


def _plan(uow: Any, store: Store, sheet: Sheet, settings: Settings,
          progress: Progress | None, writer: ChunkWriter | None = None,
          strict: bool = False) -> Plan:
    """Check every row; with a `writer`, write them in chunks as they are checked."""
    plan = Plan(sheet.name, settings, rows=len(sheet.rows))
    resolver = Resolver(uow, store, settings, sheet)
    seen: dict[str, int] = {}
    row_ids = [_row_id(settings.kind, cells, seen) for _, cells in sheet.rows]
    drafts = resolver.drafts([cells for _, cells in sheet.rows])
    resolver.learn(drafts, row_ids)
    if writer is not None:
        resolver.quiet = writer.quiet
    # Organizations may name later rows as successors: written in one chunk.
    size = len(drafts) + 1 if settings.kind == "org" else CHUNK_ROWS
    chunk: list[dict[str, Any]] = []
    total = len(sheet.rows)
    for done, ((number, _), row, row_id) in enumerate(
            zip(sheet.rows, drafts, row_ids, strict=True), 1):
        outcome = build_row(resolver, number, row, row_id)
        if isinstance(outcome, Refusal):
            plan.refused.append(outcome)
            if strict and writer is not None:
                raise ValidationError("file", f"rows refused, nothing was imported; the "
                                              f"first: {outcome}")
        elif isinstance(outcome, str):
            plan.held.append((number, outcome))
        else:
            chunk.append(outcome)
            plan.row_numbers.append(number)
        if len(chunk) >= size:
            _flush(plan, resolver, writer, chunk)
            chunk = []
        if progress is not None and done % 2000 == 0 and progress(
                done, total, "importing rows" if writer else "checking rows") is False:
            raise InterruptedError("the import was cancelled; nothing was written")
    _flush(plan, resolver, writer, chunk)
    return plan


def _flush(plan: Plan, resolver: Resolver, writer: ChunkWriter | None,
           chunk: list[dict[str, Any]]) -> None:
    """Count (and with a writer, write) the rows checked since the last flush, with the
    records they need that the store lacks."""
    rows = resolver.take_created()
    kind = plan.settings.kind
    if chunk:
        rows[kind] = rows.get(kind, []) + chunk
    for name, found in rows.items():
        plan.added.setdefault(name, []).extend(found)
    if writer is not None and rows:
        writer.remember(resolver.known_values())
        writer.write(rows, lambda name, found: _successors_first(found) if name == "org"
                     else found)


def _row_id(kind: str, cells: tuple[str, ...], seen: dict[str, int]) -> UUID:
    """The id of a row without one: the same cells give the same id (their nth repetition in
    the file the same nth id), so a file imported twice is recognised."""
    text = "\x1f".join(cells)
    occurrence = seen.get(text, 0)
    seen[text] = occurrence + 1
    return uuid5(ROW_NAMESPACE, f"{kind}\x1e{text}\x1e{occurrence}")


def _successors_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Organizations ordered so that each comes after the successor it names (the store
    checks the reference as each row goes in)."""
    pending = {row["id"]: row for row in rows}
    ordered: list[dict[str, Any]] = []

    def place(row: dict[str, Any], path: set[Any]) -> None:
        if row["id"] not in pending or row["id"] in path:
            return
        successor = pending.get(row.get("successor_id"))
        if successor is not None:
            place(successor, path | {row["id"]})
        ordered.append(pending.pop(row["id"]))

    for row in rows:
        place(row, set())
    return ordered


# ------------------------------------------------------------------ rejects
def write_rejects(sheet: Sheet, plan: Plan, path: str | Path) -> int:
    """Write the refused rows as they were in the file, with the row number, column and
    reason first, as CSV (UTF-8 with a byte order mark); returns how many."""
    cells = dict(sheet.rows)
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(["row", "column", "reason", *sheet.columns])
    for refusal in plan.refused:
        out.writerow([as_text(str(v)) for v in (refusal.row, refusal.column, refusal.reason,
                                                 *cells.get(refusal.row, ()))])

    def fill(name: str) -> None:
        Path(name).write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")

    replace_atomically(Path(path), fill)
    return len(plan.refused)
