"""What every sanctions list reader shares: limits, encodings, CSV rows, which format a
file is in, and how a file is refused.

Every problem is a ValidationError naming the file, the line and what was wrong; a file is
read completely and checked before anything is stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.records import ListEntry
from forensics_gui.core.sizes import readable_sizes

MAX_BYTES = 500 * 1024 * 1024  # the largest list published today is a few hundred MB
MAX_ENTRIES = 2_000_000
OFAC_NULL = "-0-"
END_OF_FILE = "\x1a"  # OFAC's files end with a DOS end-of-file character
FORMAT_LABELS = {"ofac-sdn": "OFAC SDN (sdn.csv, alt.csv, add.csv)",
                 "csl": "Consolidated Screening List (consolidated.csv)",
                 "ftm": "FollowTheMoney JSON lines (OpenSanctions)"}
# Layouts of OFAC's three legacy CSV files (no header row), from OFAC's data specification.
OFAC_LAYOUTS = {
    "sdn": ("ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type",
            "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"),
    "alt": ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"),
    "add": ("Ent_num", "Add_num", "Address", "City/State/Province/Postal Code", "Country",
            "Add_remarks"),
}
_OFAC_BY_WIDTH = {len(fields): kind for kind, fields in OFAC_LAYOUTS.items()}


@dataclass(frozen=True)
class ListFile:
    """One file as the user gave it: its name (for messages), bytes and modification date."""

    name: str
    data: bytes
    modified: date | None = None


def refuse(file_name: str, message: str) -> ValidationError:
    """The error for a file that cannot be imported; says that nothing was imported."""
    return ValidationError(file_name, f"{message}; nothing was imported")


def check_size(name: str, size: int) -> None:
    """Refuse a file larger than MAX_BYTES before reading it."""
    if size > MAX_BYTES:
        shown, most = readable_sizes(size, MAX_BYTES)
        raise refuse(name, f"is {shown}; files over {most} are refused (is it really a list "
                           "file?)")


def decode(file: ListFile, fallback: str | None = None) -> str:
    """The file's text: UTF-8 (a byte-order mark allowed), else `fallback` if given; UTF-16
    and binary files are refused, as is text in another encoding when there is no fallback."""
    data = file.data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise refuse(file.name, "is UTF-16 text; the lists are published in UTF-8 or ASCII, "
                                "import the file as downloaded or save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise refuse(file.name, f"line {_line_at(data, nul)}: holds binary data (a NUL byte); "
                                "it is not a list file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if fallback is None:
            line = _line_at(data, error.start)
            raise refuse(file.name, f"line {line}: byte 0x{data[error.start]:02x} is not "
                                    "UTF-8; the file is in another encoding (it must be UTF-8 "
                                    "as published)") from None
        text = _decode_fallback(file, fallback)
    return _without_end_of_file(text)


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _looks_utf16(data: bytes) -> bool:
    head = data[:200]
    return len(head) >= 4 and head.count(b"\x00") * 3 >= len(head)


def _decode_fallback(file: ListFile, encoding: str) -> str:
    try:
        return file.data.decode(encoding)
    except UnicodeDecodeError as error:
        line = _line_at(file.data, error.start)
        raise refuse(file.name, f"line {line}: byte 0x{file.data[error.start]:02x} is neither "
                                f"UTF-8 nor {encoding}; the file is damaged") from None


def _without_end_of_file(text: str) -> str:
    stripped = text.rstrip()
    while stripped.endswith(END_OF_FILE):
        stripped = stripped[:-1].rstrip()
    return stripped


def csv_rows(file: ListFile, text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of every non-blank record; a damaged quote is refused."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    try:
        for row in reader:
            if row and any(cell.strip() for cell in row):
                yield line, row
            line = reader.line_num + 1
    except csv.Error as error:
        raise refuse(file.name, f"line {line}: {error} (the file is cut off or damaged)") from None


def ofac_kind(text: str) -> str | None:
    """'sdn', 'alt' or 'add' when the first record has the width and number of an OFAC file."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        row = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return None
    kind = _OFAC_BY_WIDTH.get(len(row))
    return kind if kind and row[0].strip().isdigit() else None


def detect_format(text: str) -> str | None:
    """The format a file is in, judged by its beginning; None when it is none of them."""
    start = text.lstrip()[:1]
    if start == "{":
        return "ftm"
    first_line = text.split("\n", 1)[0].lower()
    if "name" in first_line and "source" in first_line:
        return "csl"
    return "ofac-sdn" if ofac_kind(text) else None


def unique_refs(file: ListFile, entries: list[tuple[int, ListEntry]]) -> tuple[ListEntry, ...]:
    """The entries, refusing an entry reference given twice (the file is not one list)."""
    seen: dict[str, int] = {}
    for line, entry in entries:
        if entry.ref in seen:
            raise refuse(file.name, f"line {line}: entry {entry.ref!r} appears a second time "
                                    f"(first on line {seen[entry.ref]})")
        seen[entry.ref] = line
    return tuple(e for _, e in entries)


def split_list(text: str, separator: str = ";") -> tuple[str, ...]:
    """Non-empty, stripped parts of a separated text, in order, without repeats."""
    parts = (p.strip() for p in text.split(separator))
    return tuple(dict.fromkeys(p for p in parts if p and p != OFAC_NULL))
