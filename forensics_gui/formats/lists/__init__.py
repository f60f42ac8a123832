"""Sanctions list files as their publishers publish them: OFAC's SDN files, the US
Consolidated Screening List and OpenSanctions' FollowTheMoney lines, read into entries.

Every problem is a ValidationError naming the file, the line and what was wrong; a file is
read completely and checked before anything is stored.

What a file states about itself, without reading its entries (`stated_date`): OpenSanctions'
FollowTheMoney lines state the day of the export; OFAC's legacy CSV files and the
Consolidated Screening List's CSV state no date at all (their publishers give it beside the
file, on the download page).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import LIST_FORMATS
from forensics_gui.core.screening import ParsedList
from forensics_gui.formats.lists import csl, ofac, opensanctions
from forensics_gui.formats.lists import files as files_module
from forensics_gui.formats.lists.files import (
    FORMAT_LABELS,
    MAX_BYTES,
    MAX_ENTRIES,
    ListFile,
    check_size,
    decode,
    detect_format,
    refuse,
)

__all__ = ["FORMAT_LABELS", "MAX_BYTES", "MAX_ENTRIES", "ListFile", "check_size", "parse_files",
           "refuse", "stated_date"]


def parse_files(files: Sequence[ListFile], fmt: str | None = None) -> ParsedList:
    """Read the files of one list (OFAC's three files together, or one file of another
    format) into entries; `fmt` None detects the format."""
    if not files:
        raise ValidationError("files", "give at least one list file")
    if fmt is not None and fmt not in LIST_FORMATS:
        raise ValidationError("format", f"{fmt!r} is not one of: {', '.join(LIST_FORMATS)}")
    texts = [_text_of(f, fmt) for f in files]
    formats = [fmt or detect_format(t) for t in texts]
    for file, found in zip(files, formats, strict=True):
        if found is None:
            raise refuse(file.name, "line 1: is not a list file in a known layout ("
                                    + "; ".join(FORMAT_LABELS.values()) + ")")
    if len(set(formats)) > 1:
        raise ValidationError("files", "give the files of one list at a time (these are in "
                                       f"different formats: {', '.join(sorted(set(formats)))})")
    parsed = _parse(formats[0], files, texts)
    most = files_module.MAX_ENTRIES  # read at the call: tests lower it
    if len(parsed.entries) > most:
        raise refuse(files[0].name, f"holds {len(parsed.entries):,} entries; at most "
                                    f"{most:,} are accepted")
    return parsed


def stated_date(files: Sequence[ListFile],
                fmt: str | None = None) -> tuple[str | None, date | None, str]:
    """(format, the publication date the files state, where they state it); the format is
    None when it cannot be recognised, the date None when the files state none. Nothing is
    refused here: `parse_files` says what is wrong with a file."""
    try:
        texts = [_text_of(f, fmt) for f in files]
    except ValidationError:
        return fmt, None, ""
    found = fmt or next((f for f in map(detect_format, texts) if f), None)
    if found != "ftm" or len(texts) != 1:
        return found, None, ""
    published, where = opensanctions.stated_date(texts[0])
    return found, published, where


def _text_of(file: ListFile, fmt: str | None) -> str:
    """UTF-8 text; OFAC's files alone may also be Windows-1252, as OFAC publishes them."""
    try:
        return decode(file)
    except ValidationError:
        if (fmt or detect_format(file.data[:20_000].decode("latin-1"))) != "ofac-sdn":
            raise
        return decode(file, "cp1252")


def _parse(fmt: str, files: Sequence[ListFile], texts: list[str]) -> ParsedList:
    if fmt == "ofac-sdn":
        return ofac.parse(files, texts)
    if len(files) > 1:
        raise ValidationError("files", f"a {FORMAT_LABELS[fmt]} list is one file; "
                                       f"{len(files)} were given")
    parser = csl.parse if fmt == "csl" else opensanctions.parse
    return parser(files[0], texts[0])
