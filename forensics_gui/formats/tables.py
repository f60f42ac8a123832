"""Tables as CSV (UTF-8 with a byte order mark) and Excel files, safe to open: no cell is
ever run as a formula, whatever its text starts with."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import BinaryIO

_FORMULA_START = ("=", "+", "@", "\t", "\r", "'")  # a quote too: read back without loss
Row = Sequence[str]


def as_text(value: str) -> str:
    """Text a spreadsheet shows as text, never runs (a leading quote marks it as text)."""
    if value.startswith(_FORMULA_START) or (value.startswith("-") and len(value) > 1
                                            and not value[1].isdigit()):
        return "'" + value
    return value


def from_text(value: str) -> str:
    """The value `as_text` was given: its leading quote taken off again, only where `as_text`
    would have put it (a part number that really starts with a quote keeps it)."""
    if value.startswith("'") and as_text(value[1:]) == value:
        return value[1:]
    return value


def write_csv(stream: BinaryIO, columns: Row, rows: Sequence[Row]) -> None:
    """The header and rows; UTF-8 with a byte order mark, so that spreadsheets read Cyrillic
    and Chinese correctly."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    out = csv.writer(text)
    out.writerow(columns)
    out.writerows([as_text(v) for v in row] for row in rows)
    text.flush()
    text.detach()


def write_xlsx(stream: BinaryIO, title: str, columns: Row, rows: Sequence[Row], *,
               widths: Sequence[int] = (), about: Sequence[tuple[str, str]] = (),
               about_title: str = "About") -> None:
    """One sheet `title` with a bold, frozen header row, and a sheet `about_title` of
    labelled values (what was exported, when) when `about` is given. Every cell is text."""
    from openpyxl import Workbook  # loaded for the first spreadsheet written, not before
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.data_type = "s"  # never a formula, whatever the text starts with
    for number, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    if about:
        notes = book.create_sheet(about_title)
        for label, value in about:
            notes.append((label, value))
            notes.cell(notes.max_row, 2).data_type = "s"
        notes.column_dimensions["A"].width = 18
        notes.column_dimensions["B"].width = 80
    book.save(stream)
