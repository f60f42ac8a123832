"""Spreadsheets as the imports read them: a CSV text file or one sheet of an Excel workbook,
as a header and rows of text, exactly as written.

Every import goes through here, and the files come from anywhere: field laptops, published
lists, mail. So a file is checked before it is parsed. A CSV must be text (no NUL byte) in a
known encoding, split by the delimiter it really uses; a workbook must be a plain .xlsx whose
zip is not built to exhaust the machine (too many parts, a compression bomb, names escaping the
archive) and that holds no macros, no links to other workbooks and no DOCTYPE or ENTITY
declaration (what XML external-entity attacks need). Anything else is refused with a
:class:`SheetError` saying what was wrong and where, before a single row reaches the caller.

Cells are never converted: a part number "007" stays "007", and the importer decides what a
text means. Excel's own values (numbers, dates) become the text Excel shows for them.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from forensics_gui.core.errors import KnownError

MAX_FILE_BYTES = 500 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}
_SNIFF_CHARS = 64 * 1024
_SNIFF_RECORDS = 50
_CHUNK = 1024 * 1024
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xlam", ".xls", ".xlsb")
_MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
# Parts that are never parsed as XML (pictures may be SVG, which does carry a DOCTYPE).
_UNPARSED_FOLDERS = ("xl/media/", "xl/embeddings/")
_ASCII = bytes(range(128))
_MACROS = ("the workbook holds macros, which are never opened here; save a copy as .xlsx "
           "(Excel Workbook, without macros) and read that")
_POSITION = re.compile(r"[A-Z]+ \(\d+\)")
_SEP = re.compile(r"sep=([^\r\n\"])(\r\n|\r|\n)")


class SheetError(KnownError, ValueError):
    """What was wrong with the file and where: `file` (its name, plus the sheet of a
    workbook), `row` (as the spreadsheet numbers it), `column` (its header, or its letter and
    number) and `reason`; `encoding` is the encoding the file is probably in, when that was
    the problem."""

    exit_code = 2  # bad input: nothing was written

    def __init__(self, file: str, row: int | None = None, column: str | None = None,
                 reason: str = "the file cannot be read", *, encoding: str = "") -> None:
        place = [file]
        if row is not None:
            place.append(f"row {row}")
        if column is not None:
            place.append(f"column {column}" if _POSITION.fullmatch(column)
                         else f"column '{column}'")
        super().__init__(f"{', '.join(place)}: {reason}")
        self.file, self.row, self.column, self.reason = file, row, column, reason
        self.encoding = encoding


@dataclass(frozen=True)
class Sheet:
    """A header and the rows under it. `rows` holds (row number as the spreadsheet shows it,
    cells), one cell per column; rows without any text are left out."""

    name: str
    kind: str
    columns: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]
    encoding: str = ""
    delimiter: str = ""
    sheets: tuple[str, ...] = ()


def read_sheet(path: str | Path, *, sheet: str | None = None, encoding: str | None = None,
               delimiter: str | None = None, max_rows: int = 1_000_000) -> Sheet:
    """The header and rows of a CSV file or of one sheet of an .xlsx workbook (`sheet`, else
    the first sheet holding data). `encoding` and `delimiter` override what is detected in a
    CSV. Raises SheetError for anything that is not a plain, safe spreadsheet, and when more
    than `max_rows` rows would be read."""
    path = Path(path)
    with _open(path) as file:
        if _is_workbook(path, file):
            return _read_workbook(path.name, file, sheet, max_rows)
        return _read_csv(path.name, file, encoding, delimiter, max_rows)


def sheet_names(path: str | Path) -> tuple[str, ...]:
    """The names of the sheets of an .xlsx workbook, in order (none for a CSV file); the
    workbook is checked as :func:`read_sheet` checks it."""
    path = Path(path)
    with _open(path) as file:
        if not _is_workbook(path, file):
            return ()
        book = _open_book(path.name, file)
        try:
            return tuple(ws.title for ws in book.worksheets)
        finally:
            book.close()


# ------------------------------------------------------------------ the file
def _open(path: Path) -> BinaryIO:
    try:
        file = path.open("rb")
        size = os.fstat(file.fileno()).st_size
    except IsADirectoryError:
        raise SheetError(path.name, reason="is a folder, not a spreadsheet file") from None
    except OSError as error:
        raise SheetError(path.name, reason=f"cannot be opened ({error.strerror})") from error
    if size > MAX_FILE_BYTES or size == 0:
        file.close()
        raise SheetError(path.name, reason="the file is empty" if size == 0 else
                         f"the file is {_megabytes(size)}, more than the "
                         f"{_megabytes(MAX_FILE_BYTES)} a spreadsheet may have")
    return file


def _is_workbook(path: Path, file: BinaryIO) -> bool:
    """A workbook by its content, whatever its name; an Excel name on other content, or an
    old binary workbook, is refused here."""
    head = file.read(8)
    file.seek(0)
    if head.startswith(_OLE2):
        raise SheetError(path.name, reason=_ole2_reason(file))
    if head.startswith(_ZIP):
        return True
    if path.suffix.lower() in _WORKBOOK_SUFFIXES:
        raise SheetError(path.name, reason="is not an Excel .xlsx workbook (it is not a zip "
                         "archive); open it in Excel and save it again as .xlsx")
    return False


def _ole2_reason(file: BinaryIO) -> str:
    # An .xlsx with a password is stored in the same container as an old .xls; the name of
    # its stream may lie anywhere in the file.
    stream, tail = "EncryptedPackage".encode("utf-16-le"), b""
    while chunk := file.read(_CHUNK):
        if stream in tail + chunk:
            return ("the workbook is protected by a password; remove the password in Excel "
                    "and save it again as .xlsx")
        tail = chunk[-len(stream):]
    return ("is an old Excel .xls workbook, which is not read; open it in Excel and save it "
            "as .xlsx (Excel Workbook)")


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


def _letter(number: int) -> str:
    """A column's letter as spreadsheets show it: 1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _position(number: int) -> str:
    return f"{_letter(number)} ({number})"


# ------------------------------------------------------------------ header and rows
def _blank(cells: Sequence[str]) -> bool:
    text = "".join(cells)
    return not text or text.isspace()


def _table(name: str, records: Iterator[tuple[int, list[str]]], max_rows: int
           ) -> tuple[tuple[str, ...], list[tuple[int, tuple[str, ...]]]]:
    """The header (the first row holding text) and the rows under it, each as wide as the
    header."""
    for number, cells in records:
        if not _blank(cells):
            columns = _header(name, number, cells)
            return columns, _rows(name, columns, records, max_rows)
    raise SheetError(name, reason="holds no header row: there is no text in it")


def _header(name: str, number: int, cells: list[str]) -> tuple[str, ...]:
    columns = [cell.strip().lstrip("\ufeff").strip() for cell in cells]
    while columns and not columns[-1]:
        columns.pop()  # trailing empty cells name no column
    if not columns:  # only byte order marks: text no one can see
        raise SheetError(name, number, reason="the header row holds no column names, only "
                         "invisible byte order marks")
    seen: dict[str, int] = {}
    for at, column in enumerate(columns, 1):
        if not column:
            raise SheetError(name, number, _position(at), "this column has no name in the "
                             "header; name it, or delete the column if it is not needed")
        first = seen.setdefault(column.casefold(), at)
        if first != at:
            raise SheetError(name, number, _position(at), f"the header '{column}' is also "
                             f"the name of column {_position(first)}; each column needs its "
                             "own name")
    return tuple(columns)


def _rows(name: str, columns: tuple[str, ...], records: Iterator[tuple[int, list[str]]],
          max_rows: int) -> list[tuple[int, tuple[str, ...]]]:
    width = len(columns)
    rows: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in records:
        text = "".join(cells)
        if not text or text.isspace():
            continue
        if len(rows) == max_rows:
            raise SheetError(name, reason=f"has more than {max_rows:,} rows, more than one "
                             "import takes; split it into smaller files")
        if len(cells) != width:
            cells = _fitted(name, number, cells, width)
        rows.append((number, tuple(cells)))
    return rows


def _fitted(name: str, number: int, cells: list[str], width: int) -> list[str]:
    if len(cells) < width:
        return cells + [""] * (width - len(cells))
    for at in range(width, len(cells)):
        if cells[at].strip():
            raise SheetError(name, number, _position(at + 1), f"this row has text "
                             f"('{cells[at][:40]}') beyond the {width} columns the header "
                             "names; give the column a header, or move the text")
    return cells[:width]


# ------------------------------------------------------------------ CSV
def _read_csv(name: str, file: BinaryIO, encoding: str | None, delimiter: str | None,
              max_rows: int) -> Sheet:
    codec = _csv_codec(name, file.read(_SNIFF_CHARS), encoding)
    file.seek(0)
    text = io.TextIOWrapper(file, encoding=codec, newline="")
    try:
        sample = text.read(_SNIFF_CHARS) + text.readline()
        note = _SEP.match(sample)  # Excel's own note of the delimiter, "sep=;"
        body = sample[note.end():] if note else sample
        delimiter = _delimiter(name, body, delimiter or (note and note.group(1)))
        lines = chain([note.group(0)] if note else [], io.StringIO(body, newline=""), text)
        reader = csv.reader(_text_lines(name, lines), delimiter=delimiter, quotechar='"',
                            strict=True)
        if note:
            next(reader)  # counted as a line, but no row of the sheet
        columns, rows = _table(name, _csv_records(name, reader), max_rows)
    except UnicodeDecodeError:
        file.seek(0)
        raise _decoding_error(name, file, codec) from None
    finally:
        text.detach()
    return Sheet(name, "csv", columns, rows, encoding=codec, delimiter=delimiter)


def _csv_codec(name: str, head: bytes, encoding: str | None) -> str:
    """The codec named, or the one the byte order mark names, else UTF-8."""
    if encoding:
        try:
            return codecs.lookup(encoding).name
        except LookupError:
            raise SheetError(name, reason=f"'{encoding}' is not an encoding known here "
                             "(for example utf-8, cp1251, latin-1)") from None
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise SheetError(name, reason=_binary_reason(head))
    return "utf-8"


def _binary_reason(head: bytes) -> str:
    if head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4:
        return ("holds NUL bytes: it looks like UTF-16 text without a byte order mark; read "
                "it with the encoding utf-16-le (--encoding utf-16-le) or utf-16-be")
    return "holds NUL bytes: it is a binary file, not CSV text"


def _text_lines(name: str, lines: Iterable[str]) -> Iterator[str]:
    for number, line in enumerate(lines, 1):
        if "\x00" in line:
            raise SheetError(name, reason=f"line {number} holds a NUL byte: it is a binary "
                             "file, not CSV text")
        yield line


def _csv_records(name: str, reader: Any) -> Iterator[tuple[int, list[str]]]:
    """The records with their row numbers; quotes are read strictly, since a stray quote
    would otherwise change the text of a cell or swallow the rows after it."""
    started = reader.line_num + 1
    try:
        for number, record in enumerate(reader, 1):
            yield number, record
            started = reader.line_num + 1
    except csv.Error as error:
        raise SheetError(name, reason=_quote_fault(str(error), started, reader.line_num)
                         ) from None


def _quote_fault(fault: str, started: int, line: int) -> str:
    if "end of data" in fault:
        return (f"the file ends inside a quoted cell: a quote (\") opened on line {started} "
                "or after it is never closed")
    if "expected after" in fault:
        return (f"on line {line}, text follows the closing quote (\") of a cell; a quote inside "
                "a cell must be written twice (\"\"), or the cell left without quotes")
    if "field larger" in fault:
        return (f"a cell starting on line {started} or after it is longer than "
                f"{csv.field_size_limit():,} characters: probably a quote (\") opened there "
                "is never closed")
    return f"line {line} cannot be read as CSV ({fault})"


def _delimiter(name: str, sample: str, given: str | None) -> str:
    """The delimiter given (unless the file is plainly split by another one), else the one
    that splits the header and the first rows alike."""
    found, columns, fit = _sniff(sample)
    if given is None:
        return found
    if len(given) != 1 or given in "\"\r\n":
        raise SheetError(name, reason=f"{given!r} cannot separate columns; give one "
                         "character such as ',' or ';'")
    convincing = columns >= 3 or (columns == 2 and fit >= 0.8)
    if found != given and convincing and _split_width(sample, given) == 1:
        raise SheetError(name, reason=f"the file seems to use {_DELIMITER_NAMES[found]} "
                         f"between columns, not {_DELIMITER_NAMES.get(given, repr(given))}; "
                         "read it with that delimiter, or let it be detected")
    return given


def _sniff(sample: str) -> tuple[str, int, float]:
    """(delimiter, header width, share of the first rows as wide as the header) of the
    candidate that splits best; quoted cells count as one, whatever they hold. A file of one
    column gets a delimiter that splits none of its rows."""
    best, found, single = (0.0, 0, 0), ",", ""
    for rank, candidate in enumerate(DELIMITERS):
        records = [r for r in _sample_records(sample, candidate) if not _blank(r)]
        if not records:
            return ",", 1, 1.0
        width, rows = len(records[0]), records[1:]
        fit = sum(len(r) == width for r in rows) / len(rows) if rows else 1.0
        if width > 1 and (fit, width, -rank) > best:
            best, found = (fit, width, -rank), candidate
        elif width == 1 and not single and all(len(r) == 1 for r in rows):
            single = candidate
    if not best[1]:
        return single or ",", 1, 0.0
    return found, best[1], best[0]


def _sample_records(sample: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
    records = []
    try:
        for record in reader:
            records.append(record)
            if len(records) > _SNIFF_RECORDS:
                break
    except csv.Error:
        pass  # judged on the records before; the real read names the fault
    return records


def _split_width(sample: str, delimiter: str) -> int:
    records = [r for r in _sample_records(sample, delimiter) if not _blank(r)]
    return len(records[0]) if records else 0


def _decoding_error(name: str, file: BinaryIO, codec: str) -> SheetError:
    """Where the first byte that is not `codec` text is, and what the file probably is."""
    decoder = codecs.getincrementaldecoder(codec)()
    shown = codec.upper().removesuffix("-SIG")
    lines = 1
    while chunk := file.read(_CHUNK):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            line = lines + error.object.count(b"\n", 0, error.start)
            bad = error.object[error.start]
            guess = _guess_encoding(error.object[error.start:error.start + _SNIFF_CHARS])
            hint = (f"it is probably {_ENCODING_NAMES[guess]}: read it with the encoding "
                    f"{guess} (--encoding {guess})" if guess else
                    "read it with the encoding it was saved in (--encoding)")
            return SheetError(name, reason=f"line {line} holds the byte 0x{bad:02X}, which is "
                              f"not {shown} text; {hint}", encoding=guess)
        lines += chunk.count(b"\n")
    return SheetError(name, reason=f"the file ends in the middle of a {shown} character; it "
                      "may be cut short")


_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_ENCODING_NAMES = {"cp1251": "Windows-1251 (Cyrillic)", "koi8_r": "KOI8-R (Cyrillic)",
                   "cp1252": "Windows-1252 / Latin-1 (Western European)"}


def _guess_encoding(data: bytes) -> str:
    """cp1251 or koi8_r when the bytes above 127 read as whole Cyrillic words, cp1252 when
    they read as accented letters inside Latin words; only to make the message helpful,
    never used to read the file."""
    words = [w for w in _WORD.findall(data.decode("cp1251", errors="replace"))
             if max(w) > "\x7f"]
    cyrillic = [w for w in words if _CYRILLIC.fullmatch(w)]
    if words and len(cyrillic) >= 0.8 * len(words):
        upper = sum(1 for w in cyrillic for c in w if c.isupper())
        return "koi8_r" if upper > 2 * (sum(map(len, cyrillic)) - upper) else "cp1251"
    latin = [w for w in _WORD.findall(data.decode("cp1252", errors="replace"))
             if max(w) > "\x7f" and min(w) < "\x7f"]
    return "cp1252" if words and len(latin) >= 0.8 * len(words) else ""


# ------------------------------------------------------------------ XLSX
def _read_workbook(name: str, file: BinaryIO, wanted: str | None, max_rows: int) -> Sheet:
    book = _open_book(name, file)
    try:
        names = tuple(ws.title for ws in book.worksheets)
        title, records = _pick_sheet(name, book, wanted)
        label = f"{name} / {title}"
        columns, rows = _table(label, _guarded(label, records), max_rows)
    finally:
        book.close()
    return Sheet(label, "xlsx", columns, rows, sheets=names)


def _open_book(name: str, file: BinaryIO) -> Any:
    """The workbook, read only and with the values Excel last computed, once its zip and its
    parts have been checked."""
    if Path(name).suffix.lower() in _MACRO_SUFFIXES:
        raise SheetError(name, reason=_MACROS)
    _check_zip_directory(name, file)
    try:
        with zipfile.ZipFile(file) as archive:
            _check_parts(name, archive)
    except SheetError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
        raise SheetError(name, reason=_damaged(error)) from error
    file.seek(0)
    from openpyxl import load_workbook  # loaded for the first workbook read, not before

    try:
        return load_workbook(file, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged part
        raise SheetError(name, reason=_damaged(error)) from error


def _damaged(error: Exception) -> str:
    return f"the workbook is damaged or was not written as Excel writes .xlsx ({error!r:.200})"


def _check_zip_directory(name: str, file: BinaryIO) -> None:
    """Refuse a zip claiming more parts than allowed before Python reads its directory."""
    size = file.seek(0, os.SEEK_END)
    file.seek(max(0, size - 65_557))
    tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise SheetError(name, reason="is not an Excel .xlsx workbook (its zip directory is "
                         "missing); open it in Excel and save it again as .xlsx")
    entries, directory_size = struct.unpack("<10xHL", tail[at:at + 16])
    if entries > MAX_ENTRIES or directory_size > MAX_ENTRIES * 1024:
        raise SheetError(name, reason=f"the workbook holds more than {MAX_ENTRIES:,} parts; "
                         "no spreadsheet needs that many, so it is refused")
    file.seek(0)


def _check_parts(name: str, archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise SheetError(name, reason=f"the workbook holds {len(infos):,} parts, more than "
                         f"the {MAX_ENTRIES:,} allowed; it is refused")
    for info in infos:
        _check_part_name(name, info)
    if "[Content_Types].xml" not in archive.namelist():
        raise SheetError(name, reason="is a zip archive, not an Excel .xlsx workbook")
    _check_sizes(name, infos)
    if _macro_content_type(archive):
        raise SheetError(name, reason=_MACROS)
    for info in infos:
        if not info.filename.lower().startswith(_UNPARSED_FOLDERS) and not info.is_dir():
            _check_xml_part(name, archive, info)


def _check_sizes(name: str, infos: list[zipfile.ZipInfo]) -> None:
    """The sizes the zip states; reading a part never gives more than its stated size."""
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetError(name, reason=f"the workbook would unpack to {_megabytes(unpacked)}, "
                         f"more than the {_megabytes(MAX_UNPACKED_BYTES)} allowed")
    for info in infos:
        if info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise SheetError(name, reason=f"the part {info.filename} would unpack to "
                             f"{info.file_size // max(info.compress_size, 1):,} times its "
                             "stored size: a compression bomb; the file is refused")


def _macro_content_type(archive: zipfile.ZipFile) -> bool:
    return b"macroenabled" in archive.read("[Content_Types].xml").lower()


def _check_part_name(name: str, info: zipfile.ZipInfo) -> None:
    part = info.filename
    steps = re.split(r"[\\/]", part)
    if part.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", part) or ".." in steps:
        raise SheetError(name, reason=f"the part name '{part}' points outside the workbook "
                         "(an absolute path or '..'); the file is refused")
    lowered = part.lower()
    if steps[-1].lower() == "vbaproject.bin" or lowered.startswith("xl/macrosheets/"):
        raise SheetError(name, reason=_MACROS)
    if lowered.startswith("xl/externallinks/"):
        raise SheetError(name, reason="the workbook links to other workbooks "
                         f"({part}); break the links in Excel (Data > Edit Links), save it "
                         "again and read that")
    if info.flag_bits & 0x1:
        raise SheetError(name, reason=f"the part {part} is encrypted; save the workbook "
                         "again without a password")


# In every encoding an XML parser could read the part in: UTF-16 hides them from a byte scan.
_DECLARATIONS = tuple(word.encode(family) for word in ("<!doctype", "<!entity")
                      for family in ("utf-8", "utf-16-le", "utf-16-be"))
_DECLARED_ENCODING = re.compile(rb"(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")


def _check_xml_part(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a DOCTYPE or ENTITY declaration anywhere in the part; Excel never writes one,
    and XML external entities need one."""
    with archive.open(info) as part:
        chunk = part.read(_CHUNK)
        _check_xml_encoding(name, info.filename, chunk[:400])
        overlap = b""
        while chunk:
            window = (overlap + chunk).lower()
            if any(word in window for word in _DECLARATIONS):
                raise SheetError(name, reason=f"the part {info.filename} declares a DOCTYPE "
                                 "or an ENTITY, which Excel never writes and which can make "
                                 "a reader fetch other files; the file is refused")
            overlap = window[-32:]
            chunk = part.read(_CHUNK)


def _check_xml_encoding(name: str, part: str, head: bytes) -> None:
    declared = _DECLARED_ENCODING.match(head)
    encoding = declared.group(1).decode("ascii", errors="replace") if declared else "utf-8"
    if not _ascii_compatible(encoding):
        raise SheetError(name, reason=f"the part {part} is written in the encoding "
                         f"'{encoding}', which Excel never uses; the file is refused")


def _ascii_compatible(encoding: str) -> bool:
    """Whether the encoding writes "<!DOCTYPE" as those very bytes (as UTF-8 and the Latin
    and Cyrillic code pages do; EBCDIC or UTF-7 would hide it from the scan)."""
    try:
        return _ASCII.decode(encoding) == _ASCII.decode("ascii")
    except (LookupError, UnicodeError):
        return False


def _pick_sheet(name: str, book: Any, wanted: str | None
                ) -> tuple[str, Iterator[tuple[int, list[str]]]]:
    """The sheet named, else the first one holding text, with its rows."""
    sheets = book.worksheets
    if wanted is not None:
        chosen = [ws for ws in sheets if ws.title == wanted]
        if not chosen:
            listed = ", ".join(f"'{ws.title}'" for ws in sheets)
            raise SheetError(name, reason=f"the workbook has no sheet named '{wanted}'; its "
                             f"sheets are {listed}")
        return wanted, _sheet_records(chosen[0])
    for ws in sheets:
        records = _guarded(f"{name} / {ws.title}", _sheet_records(ws))
        for number, cells in records:
            if not _blank(cells):
                return ws.title, chain([(number, cells)], records)
    raise SheetError(name, reason="the workbook holds no data: every sheet is empty")


def _sheet_records(ws: Any) -> Iterator[tuple[int, list[str]]]:
    ws.reset_dimensions()  # the size a file states may be wrong or hostile; read the rows
    for number, values in enumerate(ws.iter_rows(values_only=True), 1):
        yield number, [value if type(value) is str else _cell_text(value) for value in values]


def _guarded(label: str, records: Iterator[tuple[int, list[str]]]
             ) -> Iterator[tuple[int, list[str]]]:
    try:
        yield from records
    except SheetError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged sheet
        raise SheetError(label, reason=_damaged(error)) from error


def _cell_text(value: Any) -> str:
    """The text of an Excel value as Excel shows it in General format: whole numbers as
    digits, others with Excel's 15 significant digits and no exponent, dates as ISO dates
    (with the time when it is not midnight), booleans as true/false, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, datetime):
        value = (value + timedelta(microseconds=500_000)).replace(microsecond=0)
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _number_text(value: float) -> str:
    if not math.isfinite(value):
        return repr(value)
    value = float(f"{value:.15g}")
    if value.is_integer():
        return str(int(value))
    text = repr(value)
    return format(Decimal(text), "f") if "e" in text else text
