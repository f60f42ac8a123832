"""Exporting lists and the whole store as CSV, Excel and JSON, and recovery places as GeoJSON.

One API for `forensics export` and the desktop client's File menu:

- `export_table`: the records of one kind that `forensics KIND list` (or the table in view)
  shows with the same search, filters and withdrawn choice.
- `export_store`: every kind that holds evidence or reference data (see `STORE_KINDS`):
  Excel one sheet per kind, JSON one document, CSV a .zip of one file per kind.
- `export_places`: recovered items on a map (see `export_places`' module).

Columns are the store's field names (see `export_columns`), so that `forensics import` reads
the files back. Records are read in batches inside one read of the store, and files are
written whole or not at all (a temporary file beside the target, then renamed).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import KINDS, WITHDRAWABLE, WITHDRAWN_SHOWN, parse_values
from forensics_gui.core.files import replace_atomically
from forensics_gui.services.exchange.export_about import About
from forensics_gui.services.exchange.export_columns import (
    CUSTODY,
    STORE_KINDS,
    TABLE_KINDS,
    kind_title,
)
from forensics_gui.services.exchange.export_places import PlacesExport, export_places
from forensics_gui.services.exchange.export_tables import (
    FORMATS,
    WRITERS,
    Control,
    ExportRun,
    Section,
)
from forensics_gui.services.interchange import _target
from forensics_gui.services.references import resolve_references
from forensics_gui.storage import export_query
from forensics_gui.storage.store import Store

__all__ = ["FORMATS", "STORE_KINDS", "TABLE_KINDS", "PlacesExport", "TableExport",
           "export_places", "export_store", "export_table", "format_of"]

BATCH = 2_000
SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx", "json": ".json"}
NOTES = {
    "csv": ("Lists are separated by '; '. Dates and times are ISO 8601, times in UTC.",
            "Cells that begin with = + - @ (a formula to a spreadsheet) begin with a ' added "
            "before them, so that spreadsheets show them as text."),
    "xlsx": ("Lists are separated by '; '. Dates and times are ISO 8601, times in UTC.",
             "Every cell is text: none is run as a formula."),
    "json": ("Dates and times are ISO 8601, times in UTC; amounts are text, to keep their "
             "cents exact.",),
}
COLUMNS_NOTE = ("Columns are the store's field names: id and *_id columns hold record ids; "
                "the column after a reference names the record it points to.")


@dataclass(frozen=True)
class TableExport:
    """What an export wrote: the file, its format, the records of each kind, and the highest
    handling marking among the recovered items concerned."""

    path: str
    format: str
    counts: dict[str, int]
    highest_marking: str

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def format_of(path: str | Path) -> str:
    """The export format a file name asks for by its suffix (.csv, .xlsx, .json, or .zip for
    CSV files of the whole store)."""
    suffix = Path(path).suffix.lower()
    found = {".zip": "csv", **{v: k for k, v in SUFFIXES.items()}}.get(suffix)
    if found is None:
        raise ValidationError("file", f"{Path(path).name!r}: choose a name ending in .csv, "
                                      ".xlsx or .json")
    return found


def export_table(store: Store, kind: str, path: str | Path, *, format: str | None = None,
                 filters: dict[str, Any] | None = None, contains: str = "",
                 withdrawn: str = "hide", sort: str = "", descending: bool = False,
                 control: Control = None) -> TableExport:
    """Write the records of `kind` that `records.list_records` lists with the same filters,
    search text (`contains`), withdrawn choice and order, to a .csv, .xlsx or .json file
    (by `format`, else by the file's suffix). `control` (optional) receives progress and may
    cancel; a cancelled export leaves no file."""
    if kind not in TABLE_KINDS:
        raise ValidationError("kind", f"unknown record kind {kind!r} (kinds: "
                                      f"{', '.join(TABLE_KINDS)}, or all)")
    chosen = _format(path, format)
    _check_withdrawn(withdrawn)
    target = _named_target(path, SUFFIXES[chosen])
    with store.reading() as uow:
        section = _section(uow, kind, filters or {}, contains, withdrawn, sort, descending)
        shown = {"search": contains, "fields": dict(filters or {}),
                 "withdrawn": withdrawn if kind in (*WITHDRAWABLE, CUSTODY) else "",
                 "sort": f"{sort}{' descending' if descending else ''}"}
        shown = {k: v for k, v in shown.items() if v}
        return _write(store, uow, target, chosen, [section], kind_title(kind), shown, control)


def export_store(store: Store, path: str | Path, *, format: str | None = None,
                 withdrawn: str = "include", control: Control = None) -> TableExport:
    """Write every kind of `STORE_KINDS` (withdrawn evidence included unless `withdrawn`
    says otherwise) to one .xlsx workbook, one .json document or a .zip of CSV files."""
    chosen = _format(path, format)
    _check_withdrawn(withdrawn)
    target = _named_target(path, ".zip" if chosen == "csv" else SUFFIXES[chosen])
    with store.reading() as uow:
        sections = [_section(uow, kind, {}, "", withdrawn, "", False) for kind in STORE_KINDS]
        return _write(store, uow, target, "zip" if chosen == "csv" else chosen, sections,
                      "the whole store", {"withdrawn": withdrawn}, control)


def _format(path: str | Path, given: str | None) -> str:
    if given is None:
        return format_of(path)
    if given not in FORMATS:
        raise ValidationError("format", f"{given!r} is not one of: {', '.join(FORMATS)}")
    return given


def _named_target(path: str | Path, suffix: str) -> Path:
    """The file to write; its name must end as the format's files do."""
    target = _target(path)
    if target.suffix.lower() != suffix:
        raise ValidationError("file", f"{target.name!r}: this export is written to a file "
                                      f"whose name ends in {suffix}")
    return target


def _check_withdrawn(withdrawn: str) -> None:
    if withdrawn not in WITHDRAWN_SHOWN:
        raise ValidationError("withdrawn", f"{withdrawn!r} is not one of: "
                                           f"{', '.join(WITHDRAWN_SHOWN)}")


def _section(uow: Any, kind: str, filters: dict[str, Any], contains: str, withdrawn: str,
             sort: str, descending: bool) -> Section:
    """How many records of `kind` the export holds, and how to read them in batches."""
    if kind == CUSTODY:
        if filters or contains or sort:
            raise ValidationError("custody", "custody events are exported whole: without "
                                             "filters, search or order")
        return Section(kind, export_query.count_custody_events(uow, withdrawn),
                       lambda: export_query.stream_custody_events(uow, withdrawn, BATCH))
    spec = KINDS[kind]
    resolved = resolve_references(uow, spec, parse_values(spec, filters, partial=True))
    resolved["withdrawn"] = withdrawn if kind in WITHDRAWABLE else "include"
    total = uow.count(kind, resolved, contains)
    return Section(kind, total, lambda: _pages(uow, kind, resolved, contains, sort, descending))


def _pages(uow: Any, kind: str, filters: dict[str, Any], contains: str, sort: str,
           descending: bool) -> Iterator[Sequence[Any]]:
    """The records in batches, continued by keyset as the listings are."""
    cursor: str | None = None
    while True:
        page = uow.list_page(kind, filters=dict(filters), contains=contains, sort=sort,
                             descending=descending, cursor=cursor, limit=BATCH)
        if page.rows:
            yield page.rows
        cursor = page.next_cursor
        if not cursor:
            return


def _write(store: Store, uow: Any, target: Path, writer: str, sections: list[Section],
           what: str, filters: dict[str, Any], control: Control) -> TableExport:
    run = ExportRun(uow, sections, control)
    marking: list[str] = []

    def about() -> About:
        marking.append(run.tracker.highest())
        counts = {section.kind: run.counts.get(section.kind, 0) for section in sections}
        return About(exported=what, store=store.location.display,
                     schema_revision=store.schema_revision() or "none",
                     exported_by=store.actor, highest_marking=marking[-1], counts=counts,
                     filters=filters,
                     notes=(COLUMNS_NOTE, *NOTES["csv" if writer == "zip" else writer]))

    def fill(path: str) -> None:
        with open(path, "wb") as stream:
            WRITERS[writer](stream, run, about)

    replace_atomically(target, fill)
    highest = marking[-1] if marking else run.tracker.highest()
    return TableExport(str(target), "csv" if writer == "zip" else writer, dict(run.counts),
                       highest)
