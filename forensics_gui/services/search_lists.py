"""Saved searches, and result lists written to CSV or Excel files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from forensics_gui.core.errors import MediaError, NotFoundError, ValidationError
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.files import replace_atomically
from forensics_gui.core.records import SavedSearch
from forensics_gui.core.search import (
    MATCH_LABELS,
    SearchResults,
    describe_filters,
    parse_filters,
    prepare_query,
)
from forensics_gui.formats import tables
from forensics_gui.services import records
from forensics_gui.services.references import lookup
from forensics_gui.services.search import MAX_LIMIT, search
from forensics_gui.storage.store import Store

EXPORT_FORMATS = (".csv", ".xlsx")
COLUMNS = ("Group", "Found", "Details", "Match", "Matched text", "Note", "Family", "Id")
# Column widths of the Excel sheet, in characters.
COLUMN_WIDTHS = (18, 28, 70, 18, 24, 40, 14, 38)


def save_search(store: Store, name: str, text: str, filters: Any = None, notes: str = "",
                *, overwrite: bool = False) -> SavedSearch:
    """Keep a query and its filters under a name (shared by everyone using the store)."""
    prepare_query(text)
    values = {"name": name, "query": text or "", "filters": parse_filters(filters),
              "notes": notes}
    existing = _find(store, name)
    if existing is not None:
        if not overwrite:
            raise ValidationError("name", f"a saved search named {name!r} already exists")
        return records.update(store, "saved", existing.id, existing.version, values)
    return records.create(store, "saved", values)


def saved_searches(store: Store) -> list[SavedSearch]:
    """Every saved search, by name."""
    return list(records.list_records(store, "saved", sort="name", limit=10_000).rows)


def run_saved(store: Store, reference: str, limit: int = 50) -> SearchResults:
    """Run a saved search (by name or id) again on what the store holds now."""
    saved = _find(store, reference)
    if saved is None:
        raise NotFoundError(f"there is no saved search {reference[:80]!r}")
    return search(store, saved.query, filters=saved.filters or None, limit=limit)


def _find(store: Store, reference: str) -> SavedSearch | None:
    with store.reading() as uow:
        found = lookup(uow, "saved", reference)
        return uow.get("saved", found) if found is not None else None


# ------------------------------------------------------------------ export
def result_rows(results: SearchResults) -> list[tuple[str, ...]]:
    """The table an export writes: one row per record found, groups in display order."""
    return [(kind_spec(hit.kind).plural.capitalize(), hit.title, hit.detail,
             MATCH_LABELS[hit.match], hit.matched, hit.note, hit.family, str(hit.record_id))
            for hit in results.hits]


def export_results(results: SearchResults, path: str | Path) -> int:
    """Write the results to a .csv or .xlsx file (replaced whole, never half-written);
    returns the number of rows written."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ValidationError("file", f"{target.name!r}: choose a name ending in .csv or .xlsx")
    if not target.parent.is_dir():
        raise MediaError(str(target), "the folder does not exist")
    rows = result_rows(results)
    writer = _write_csv if suffix == ".csv" else _write_xlsx
    def write(path: str) -> None:
        with open(path, "wb") as stream:
            writer(stream, results, rows)

    replace_atomically(target, write, failed=lambda reason: MediaError(str(target), reason))
    return len(rows)


def export_search(store: Store, text: str, filters: Any, path: str | Path,
                  limit: int = MAX_LIMIT) -> int:
    """Run a search with a large limit and write every record found to a file."""
    return export_results(search(store, text, filters=filters or None, limit=limit), path)


def _write_csv(stream: Any, _results: SearchResults, rows: Sequence[tuple[str, ...]]) -> None:
    tables.write_csv(stream, COLUMNS, rows)


def _write_xlsx(stream: Any, results: SearchResults, rows: Sequence[tuple[str, ...]]) -> None:
    about = (("Query", results.query),
             ("Filters", describe_filters(results.filters) or "none"),
             ("Records", str(len(rows))),
             ("Cut at the limit", ", ".join(sorted(results.more)) or "no"),
             ("Exported", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")))
    tables.write_xlsx(stream, "Results", COLUMNS, rows, widths=COLUMN_WIDTHS, about=about,
                      about_title="Search")
