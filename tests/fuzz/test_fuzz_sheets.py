"""Spreadsheets fuzzed: the sheet reader (CSV and .xlsx) and the spreadsheet import (read,
suggested settings, preview, run) only ever succeed or refuse with a known error, and a
refused import leaves the store as it was."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from forensics_gui.core.errors import KnownError
from forensics_gui.formats.sheets import Sheet, SheetError, read_sheet, sheet_names
from forensics_gui.services import records, stores
from forensics_gui.services.exchange import importer

from .conftest import FUZZ, examples, outcome, unchanged_unless_accepted
from .hostile import damaged, damaged_zip, hostile_text, random_bytes, rezip, zip_entries

FINDINGS = [
    ["Case ref", "Weapon", "Marking", "Part number", "Maker", "Function", "Date code", "Qty",
     "Location"],
    ["FT-2024-01", "Kh-101", "AD22100STZ 2220", "AD22100STZ", "Analog Devices, Inc.",
     "Temperature sensor", "2220", "1", "nose section"],
    ["FT-2024-01", "Kh-101", "STM32F765VIT6 CHN", "STM32F765VIT6", "STMicroelectronics",
     "Flight controller", "2214", "2", "autopilot board"],
    ["FT-2024-17", "X-101", "NEO-M8N-0-10", "NEO-M8N-0-10", "u-blox", "GNSS receiver", "",
     "1", ""],
]
PARTS = [["Part number", "Maker", "Function", "HS code"],
         ["AD22100STZ", "Analog Devices, Inc.", "Temperature sensor", "8542.31"],
         ["NEO-M8N-0-10", "u-blox", "GNSS receiver", "8526.91"]]
ORGS = [["Name", "Country", "Roles", "Aliases"],
        ["Northwind Components GmbH", "DE", "distributor", "Northwind"],
        ["Harbor Lantern Trading (fictional)", "HK", "trading company", ""]]
TABLES = {"finding": FINDINGS, "part": PARTS, "org": ORGS}
ENCODINGS = ("utf-8", "utf-8-sig", "cp1251", "utf-16", "latin-1")


def csv_bytes(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding, "surrogatepass" if "utf" in encoding
                                    else "replace")


def xlsx_bytes(rows: list[list[object]], title: str = "Findings") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v.encode("utf-8", "replace").decode())
                      if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    # The same rows give the same bytes (openpyxl writes the time of saving), so that every
    # example can be replayed.
    entries = [(name, re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2000-01-01T00:00:00Z", body))
               for name, body in zip_entries(buffer.getvalue())]
    return rezip(entries)


@st.composite
def hostile_rows(draw: st.DrawFn, kind: str = "finding") -> list[list[str]]:
    """The valid table of `kind` with cells swapped for hostile text, rows added, removed,
    widened or cut short, and the header changed."""
    rows = [list(row) for row in TABLES[kind]]
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(rows) - 1))
        how = draw(st.sampled_from(("cell", "cell", "cell", "row", "drop", "wide", "short",
                                    "header")))
        if how == "cell" and rows[at]:
            rows[at][draw(st.integers(0, len(rows[at]) - 1))] = draw(hostile_text())
        elif how == "row":
            rows.append(draw(st.lists(hostile_text(), max_size=len(rows[0]) + 2)))
        elif how == "drop" and len(rows) > 1:
            del rows[at]
        elif how == "wide":
            rows[at] = rows[at] + draw(st.lists(hostile_text(), min_size=1, max_size=3))
        elif how == "short":
            rows[at] = rows[at][:draw(st.integers(0, len(rows[at])))]
        elif how == "header" and rows[0]:
            rows[0][draw(st.integers(0, len(rows[0]) - 1))] = draw(hostile_text(12))
    return rows


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A CSV file: a hostile table in some encoding and delimiter, a valid file damaged, or
    random bytes."""
    how = draw(st.sampled_from(("table", "table", "damaged", "random")))
    if how == "random":
        return draw(random_bytes())
    rows = draw(hostile_rows(draw(st.sampled_from(sorted(TABLES)))))
    data = csv_bytes(rows, draw(st.sampled_from((",", ";", "\t", "|"))),
                     draw(st.sampled_from(ENCODINGS)))
    if draw(st.booleans()):
        data = b"sep=;\r\n" + data
    return draw(damaged(data)) if how == "damaged" else data


@st.composite
def xlsx_files(draw: st.DrawFn) -> bytes:
    """A workbook: hostile cells (text, numbers, dates), its zip rebuilt with hostile parts,
    or its bytes damaged."""
    rows: list[list[object]] = draw(hostile_rows(draw(st.sampled_from(sorted(TABLES)))))
    if draw(st.booleans()):
        rows.append(draw(st.lists(st.one_of(
            st.floats(), st.integers(-2**70, 2**70), st.datetimes(), st.dates(), st.booleans(),
            st.none()), max_size=9)))
    data = xlsx_bytes(rows, draw(st.sampled_from(("Findings", "Parts", "About", "Sheet"))))
    how = draw(st.sampled_from(("plain", "zip", "zip", "bytes")))
    if how == "zip":
        return draw(damaged_zip(data))
    return draw(damaged(data)) if how == "bytes" else data


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _check_sheet(found: object) -> None:
    """What a reader returns when it accepts a file: a header of distinct names and rows as
    wide as the header, holding text only."""
    if isinstance(found, KnownError):
        return
    assert isinstance(found, Sheet)
    assert found.columns and all(found.columns)
    assert len({c.casefold() for c in found.columns}) == len(found.columns)
    for number, cells in found.rows:
        assert number >= 1 and len(cells) == len(found.columns)
        assert all(isinstance(cell, str) for cell in cells)


# ------------------------------------------------------------------ the sheet reader
@FUZZ
@given(data=csv_files(), name=st.sampled_from(("list.csv", "list.txt", "list")),
       encoding=st.sampled_from((None, None, "utf-8", "cp1251", "utf-16-le", "nonsense")),
       delimiter=st.sampled_from((None, None, ",", ";", "\t", "ab", '"')))
def test_csv_files_are_read_or_refused(tmp_path: Path, data: bytes, name: str,
                                       encoding: str | None, delimiter: str | None) -> None:
    path = _write(tmp_path, name, data)
    _check_sheet(outcome(lambda: read_sheet(path, encoding=encoding, delimiter=delimiter)))


@FUZZ
@given(data=xlsx_files(), name=st.sampled_from(("book.xlsx", "book.xlsm", "book.csv")),
       sheet=st.sampled_from((None, None, "Findings", "missing")))
def test_workbooks_are_read_or_refused(tmp_path: Path, data: bytes, name: str,
                                       sheet: str | None) -> None:
    path = _write(tmp_path, name, data)
    _check_sheet(outcome(lambda: read_sheet(path, sheet=sheet)))
    outcome(lambda: sheet_names(path))


@FUZZ
@given(data=random_bytes(),
       name=st.sampled_from(("x.csv", "x.xlsx", "x.xls", "x")),
       head=st.sampled_from((b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                             b"\xef\xbb\xbf", b"\xff\xfe")))
def test_random_bytes_are_refused_or_read_as_text(tmp_path: Path, data: bytes, name: str,
                                                  head: bytes) -> None:
    path = _write(tmp_path, name, head + data)
    _check_sheet(outcome(lambda: importer.read(path)))


# ------------------------------------------------------------------ the spreadsheet import
@st.composite
def import_files(draw: st.DrawFn) -> tuple[str, bytes]:
    if draw(st.integers(0, 3)) == 0:
        return "import.xlsx", draw(xlsx_files())
    return "import.csv", draw(csv_files())


def _settings(sheet: Sheet, kind: str | None, remap: dict[str, str | None]
              ) -> importer.Settings | KnownError:
    found = outcome(lambda: importer.suggested(sheet, kind))
    if isinstance(found, KnownError) or not remap:
        return found
    return dataclasses.replace(found, mapping={**found.mapping, **remap})


@pytest.fixture
def with_case(store: stores.Store) -> stores.Store:
    """A store holding what the example rows refer to, so that rows reach deep checks."""
    with store.writing() as uow:
        records.create_in(uow, "system", {"name": "Kh-101", "aliases": "X-101"})
        records.create_in(uow, "org", {"name": "Analog Devices, Inc.", "roles": "manufacturer",
                                       "country": "us"})
    return store


@examples(0.5)
@given(file=import_files(),
       kind=st.sampled_from((None, "finding", "part", "org", "item", "link", "photo")),
       remap=st.dictionaries(hostile_text(12), st.sampled_from(
           (None, "marking", "part_number", "quantity", "nonsense", "item")), max_size=2),
       strict=st.booleans())
def test_spreadsheet_imports_succeed_or_change_nothing(tmp_path: Path, with_case: stores.Store,
                                                       file: tuple[str, bytes],
                                                       kind: str | None,
                                                       remap: dict[str, str | None],
                                                       strict: bool) -> None:
    store = with_case
    path = _write(tmp_path, *file)
    sheet = outcome(lambda: importer.read(path))
    if isinstance(sheet, KnownError):
        return
    settings = _settings(sheet, kind, remap)
    if isinstance(settings, KnownError):
        return
    with unchanged_unless_accepted(store):
        preview = outcome(lambda: importer.preview(store, sheet, settings))
        if not isinstance(preview, KnownError):
            _check_plan(sheet, preview)
    with unchanged_unless_accepted(store):
        plan = importer.run(store, sheet, settings, strict=strict)
        _check_plan(sheet, plan)
        if strict:
            assert not plan.refused


def _check_plan(sheet: Sheet, plan: importer.Plan) -> None:
    """Every row of the file is accounted for: added, held or refused with its row number
    and a reason."""
    assert plan.rows == len(sheet.rows)
    assert plan.new_rows + len(plan.held) + len(plan.refused) == plan.rows, plan.summary()
    numbers = {number for number, _ in sheet.rows}
    for refusal in plan.refused:
        assert refusal.row in numbers and str(refusal.reason).strip()


def test_a_refused_sheet_names_the_file(tmp_path: Path) -> None:
    """The plain example behind the properties: a binary file is refused by name."""
    path = _write(tmp_path, "team.csv", b"Part\x00number\n")
    with pytest.raises(SheetError, match=r"team\.csv"):
        read_sheet(path)


def test_a_header_of_byte_order_marks_alone_is_refused(tmp_path: Path) -> None:
    """Found by fuzzing: a UTF-16 file whose header row held only a second byte order mark
    was read as a sheet without columns; it is refused, naming the row."""
    path = _write(tmp_path, "marks.csv", b"\xff\xfe\xff\xfe")
    with pytest.raises(SheetError, match=r"marks\.csv, row 1: the header row holds no column"):
        importer.read(path)
