"""Tables of records written as CSV (one file, or a .zip of one file per kind), Excel (one
sheet per kind after an About sheet) or JSON (one document with an `about` object).

Records arrive in batches (see `Section`), so a large store is never held in memory; cells a
spreadsheet would run as formulas are neutralised in CSV (`formats.tables.as_text`) and
written as text cells in Excel.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from forensics_gui.formats import tables
from forensics_gui.formats.workbook import WorkbookWriter, archive_member
from forensics_gui.services.exchange.export_about import About, MarkingTracker
from forensics_gui.services.exchange.export_columns import (
    ReferenceNames,
    columns_of,
    json_cell,
    kind_title,
    rows_of,
    text_cell,
)

FORMATS = ("csv", "xlsx", "json")
Control = Any  # a TaskControl-like object: report(done, total, text) and check()


@dataclass(frozen=True)
class Section:
    """The records of one kind to export: how many, and a function reading them in batches."""

    kind: str
    total: int
    batches: Callable[[], Iterator[Sequence[Any]]]


def file_title(kind: str) -> str:
    """The name of a kind's sheet ("Component findings") or, with hyphens, CSV file."""
    return kind_title(kind).capitalize()


class ExportRun:
    """One export under way: its rows, what was counted, the markings seen, and progress."""

    def __init__(self, uow: Any, sections: Sequence[Section], control: Control) -> None:
        self.sections = sections
        self.names = ReferenceNames(uow)
        self.tracker = MarkingTracker(uow)
        self.counts: dict[str, int] = {}
        self._control = control
        self._done = 0
        self._total = sum(s.total for s in sections)

    def rows(self, section: Section) -> Iterator[list[Any]]:
        """The typed values of the section's records, row by row."""
        kind = section.kind
        columns = columns_of(kind)
        self.counts[kind] = 0
        self._step(kind)
        for batch in section.batches():
            self.names.learn(kind, batch)
            self.tracker.see(kind, batch)
            yield from rows_of(columns, batch, self.names)
            self.counts[kind] += len(batch)
            self._done += len(batch)
            self._step(kind)

    def _step(self, kind: str) -> None:
        if self._control is not None:
            self._control.check()
            self._control.report(self._done, self._total,
                                 f"Exporting {kind_title(kind)}: {self._done:,} of "
                                 f"{self._total:,} records")


def header(kind: str) -> list[str]:
    return [column.name for column in columns_of(kind)]


def _text_rows(run: ExportRun, section: Section) -> Iterator[list[str]]:
    return ([text_cell(v) for v in row] for row in run.rows(section))


# ------------------------------------------------------------------------ CSV
def write_csv(stream: BinaryIO, run: ExportRun, _about: Callable[[], About]) -> None:
    """The one section as a CSV file (UTF-8 with a byte order mark)."""
    (section,) = run.sections
    rows = _text_rows(run, section)
    tables.write_csv(stream, header(section.kind), rows)  # type: ignore[arg-type]


def write_csv_zip(stream: BinaryIO, run: ExportRun, about: Callable[[], About]) -> None:
    """One CSV file per section in a .zip, and about.csv saying what they hold."""
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for section in run.sections:
            name = file_title(section.kind).lower().replace(" ", "-") + ".csv"
            with archive.open(archive_member(name), "w", force_zip64=True) as member:
                tables.write_csv(member, header(section.kind),  # type: ignore[arg-type]
                                 _text_rows(run, section))
        with archive.open(archive_member("about.csv"), "w") as member:
            tables.write_csv(member, ("label", "value"), about().rows())  # type: ignore[arg-type]


# ---------------------------------------------------------------------- Excel
def write_xlsx(stream: BinaryIO, run: ExportRun, about: Callable[[], About]) -> None:
    """An About sheet, then one sheet per section; every cell text."""
    book = WorkbookWriter(stream)
    try:
        for section in run.sections:
            names = header(section.kind)
            book.add_sheet(file_title(section.kind), names, _text_rows(run, section),
                           widths=[_width(name) for name in names])
    except BaseException:
        book.discard()
        raise
    book.save(about().rows())


def _width(column: str) -> int:
    """Characters a column opens with: whole ids, wider notes, otherwise room for a name."""
    if column == "id" or column.endswith(("_id", "_ids")):
        return 38
    return 40 if column in ("notes", "description", "marking", "circumstances") else 20


# ----------------------------------------------------------------------- JSON
def write_json(stream: BinaryIO, run: ExportRun, about: Callable[[], About]) -> None:
    """{"about": {...}, "records": {kind: [record, ...], ...}}: the records are written to a
    temporary file first, so that `about`, which needs them all seen, comes first."""
    with tempfile.TemporaryFile(dir=_folder_of(stream)) as spool:
        for number, section in enumerate(run.sections):
            spool.write(f'{"," if number else ""}\n  {json.dumps(section.kind)}: ['.encode())
            names = header(section.kind)
            for index, row in enumerate(run.rows(section)):
                record = {n: json_cell(v) for n, v in zip(names, row, strict=True)}
                line = json.dumps(record, ensure_ascii=False, allow_nan=False)
                spool.write(f'{"," if index else ""}\n    {line}'.encode())
            spool.write(b"\n  ]")
        head = json.dumps(about().as_json(), ensure_ascii=False, indent=2)
        stream.write(f'{{"about": {head},\n"records": {{'.encode())
        spool.seek(0)
        shutil.copyfileobj(spool, stream)
        stream.write(b"\n}}\n")


def _folder_of(stream: BinaryIO) -> str | None:
    """The folder of the file being written: the spool stays beside it, not in a shared
    temporary folder (exports may hold sensitive findings)."""
    name = getattr(stream, "name", None)
    return str(Path(name).parent) if isinstance(name, str) else None


WRITERS = {"csv": write_csv, "zip": write_csv_zip, "xlsx": write_xlsx, "json": write_json}
