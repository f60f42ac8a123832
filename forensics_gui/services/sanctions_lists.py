"""Importing official sanctions lists from the files users download themselves.

Formats: OFAC's SDN list as published in CSV (sdn.csv with alt.csv and add.csv), the US
Consolidated Screening List (consolidated.csv) and OpenSanctions' FollowTheMoney JSON lines.
Each import is one list version: the list record, a source of kind "official list" that
designations confirmed from it cite, and its entries, written in one transaction after every
file was read and checked. Then every organization is screened again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from forensics_gui.core.errors import IntegrityRuleError, ValidationError
from forensics_gui.core.fields import KINDS, clean_text, parse_date
from forensics_gui.core.screening import ImportDefaults, ListImport, ParsedList, count_of
from forensics_gui.formats.lists import (
    FORMAT_LABELS,
    ListFile,
    check_size,
    parse_files,
    refuse,
    stated_date,
)
from forensics_gui.services import screening
from forensics_gui.services.records import create_in
from forensics_gui.services.supply import today as current_day
from forensics_gui.storage import screening_query as sq
from forensics_gui.storage.store import Store, retried_writes

SOURCE_TITLE = "{name}, version {version}"
OFFICIAL = {"kind": "official list", "reliability": "A", "credibility": 1}
REF_LIMIT = 100  # the store's limit for an entry's reference
STATING_NO_DATE = {"ofac-sdn": "OFAC's CSV files state",
                   "csl": "The Consolidated Screening List's CSV file states",
                   "ftm": "This file states"}


def read_files(paths: Sequence[str | Path]) -> list[ListFile]:
    """The files' bytes and dates; missing, unreadable and oversized files are refused."""
    files = []
    for path in (Path(p) for p in paths):
        try:
            size = path.stat().st_size
            if path.is_dir():
                raise refuse(path.name, "is a folder; give the list files themselves")
            check_size(path.name, size)
            modified = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
            files.append(ListFile(path.name, path.read_bytes(), modified))
        except OSError as error:
            raise refuse(path.name, f"cannot be read ({error.strerror or error})") from None
    return files


def file_digest(files: Sequence[ListFile]) -> str:
    """SHA-256 of the files' bytes, the same whatever order the files were given in."""
    digest = hashlib.sha256()
    for data in sorted((f.data for f in files), key=lambda d: hashlib.sha256(d).digest()):
        digest.update(data)
    return digest.hexdigest()


def import_defaults(paths: Sequence[str | Path], fmt: str | None = None) -> ImportDefaults:
    """The format, date and version name an import of these files would use when not told
    otherwise, and where the date comes from: the date the files state, else the files' own
    date, else today. Reads the files but not their entries; a file that cannot be read is
    refused as the import would refuse it."""
    files = read_files(paths)
    found, stated, where = stated_date(files, fmt)
    published, origin = _default_date(stated, files)
    return ImportDefaults(found or "", published, published.isoformat(), origin,
                          _date_explained(found, origin, where),
                          FORMAT_LABELS.get(found or "", ""))


def _date_explained(fmt: str | None, origin: str, where: str) -> str:
    """Where a version's date comes from, when it was not given, for people."""
    files_are = STATING_NO_DATE.get(fmt or "", "These files state")
    if origin == "stated":
        return f"Stated in the file ({where})."
    if origin == "file date":
        return (f"{files_are} no date: this is the file's own date (the day it was saved, "
                "usually the day it was downloaded). Give the publisher's date if you know it.")
    return (f"{files_are} no date, and the file has none of its own: this is today. Give "
            "the publisher's date.")


def import_list(store: Store, paths: Sequence[str | Path], *, fmt: str | None = None,
                name: str | None = None, list_version: str | None = None,
                published_on: str | date | None = None, screen: bool = True,
                control: Any = None) -> ListImport:
    """Import one version of a list from its files (OFAC's three files together), then screen
    every organization against the lists' newest versions.

    `fmt` is detected when not given. The version's date is the one given, else the one the
    file states, else the file's own date, else today (see `import_defaults`); its version
    name defaults to that date. A file
    imported before under the same list name is refused, as is bad input of any kind: nothing
    is written then.
    """
    screening.report_progress(control, 0, 4, "Reading the list files")
    files = read_files(paths)
    screening.report_progress(control, 1, 4, "Checking the list files")
    parsed = parse_files(files, fmt)
    _check_entries(parsed, files)
    published, dated = _published(published_on, parsed, files)
    values = _list_values(name or parsed.default_name, list_version or published.isoformat(),
                          published, parsed, files)
    screening.report_progress(control, 2, 4, f"Storing {len(parsed.entries):,} entries")
    version = _store_version(store, values, parsed, files)
    summary = None
    if screen:
        screening.report_progress(control, 3, 4,
                                  "Screening organizations against the new version")
        summary = screening.screen(store, control=None)
    return ListImport(version, dict(parsed.skipped), summary, dated)


@retried_writes
def _store_version(store: Store, values: dict[str, Any], parsed: ParsedList,
                   files: list[ListFile]) -> Any:
    """The list version, its source and its entries, in one transaction (run again from the
    start when the store gave it up because of other writers)."""
    with store.writing(bulk=True) as uow:
        _refuse_repeat(uow, values)
        source = create_in(uow, "source", _source_values(values, parsed, files))
        version = create_in(uow, "list", {**values, "source_id": source.id})
        sq.insert_entries(uow, version.id, parsed.entries)
    return version


def _check_entries(parsed: ParsedList, files: list[ListFile]) -> None:
    names = ", ".join(f.name for f in files)
    if not parsed.entries:
        skipped = ", ".join(count_of(n, kind) for kind, n in sorted(parsed.skipped.items()))
        raise refuse(names, "holds no entries that can be screened"
                            + (f" (left out: {skipped})" if skipped else ""))
    too_long = next((e.ref for e in parsed.entries if len(e.ref) > REF_LIMIT), None)
    if too_long is not None:
        raise refuse(names, f"entry reference {too_long[:40]!r}... is longer than "
                            f"{REF_LIMIT} characters")


def _published(given: str | date | None, parsed: ParsedList,
               files: list[ListFile]) -> tuple[date, str]:
    """(the version's date, where it comes from when it was not given, else "")."""
    if given:
        found = parse_date(KINDS["list"].field("published_on"), given)
        assert found is not None
        return found, ""
    published, origin = _default_date(parsed.published_on, files)
    return published, _date_explained(parsed.format, origin, parsed.dated_by)


def _default_date(stated: date | None, files: Sequence[ListFile]) -> tuple[date, str]:
    """(date, origin): the date the files state, else their own, else today."""
    if stated is not None:
        return stated, "stated"
    dates = [f.modified for f in files if f.modified is not None]
    return (min(dates), "file date") if dates else (current_day(), "today")


def _list_values(name: str, version: str, published: date, parsed: ParsedList,
                 files: list[ListFile]) -> dict[str, Any]:
    skipped = ", ".join(count_of(n, kind) for kind, n in sorted(parsed.skipped.items()))
    spec = KINDS["list"]  # checked as typed before the store is asked for the same version
    name, version = clean_text(spec.field("name"), name), \
        clean_text(spec.field("list_version"), version)
    return {"name": name, "format": parsed.format, "list_version": version,
            "published_on": published, "file_name": ", ".join(f.name for f in files)[:500],
            "sha256": file_digest(files), "entry_count": len(parsed.entries),
            "notes": f"Left out when imported: {skipped}." if skipped else ""}


def _refuse_repeat(uow: Any, values: dict[str, Any]) -> None:
    same = sq.same_list(uow, values["name"], values["sha256"], values["list_version"])
    if same is None:
        return
    if same.sha256 == values["sha256"]:
        state = ("and screened" if same.screened_at is not None else
                 "but its screening did not complete: run `forensics screen` (or Screen "
                 "again in the application) to screen every organization against it")
        raise IntegrityRuleError(
            f"{values['file_name']} was imported already as {same.name} version "
            f"{same.list_version} on {same.created_at:%Y-%m-%d} {state}; nothing was imported")
    raise IntegrityRuleError(
        f"{same.name} already has a version {same.list_version!r} (from {same.file_name}); "
        "give this one another version name; nothing was imported")


def _source_values(values: dict[str, Any], parsed: ParsedList,
                   files: list[ListFile]) -> dict[str, Any]:
    if not values["name"]:
        raise ValidationError("name", "is required")
    return {**OFFICIAL,
            "title": SOURCE_TITLE.format(name=values["name"],
                                         version=values["list_version"])[:500],
            "publisher": parsed.publisher, "published_on": values["published_on"],
            "reference": f"{values['file_name']}; SHA-256 {values['sha256']}"[:2000],
            "notes": f"Imported from {len(files)} file(s) with {len(parsed.entries):,} entries."}
