"""Printing records for people (aligned tables, field lists) and for scripts (JSON)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TextIO
from uuid import UUID

from forensics_gui.core.fields import KINDS, LIST_COLUMNS
from forensics_gui.core.search import MATCH_LABELS

__all__ = ["LIST_COLUMNS", "print_json", "print_record", "print_table"]



def plain(value: Any) -> Any:
    """A JSON-safe form of any value a service returns."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items()}
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def print_json(value: Any, out: TextIO = sys.stdout) -> None:
    """Write `value` as indented JSON."""
    json.dump(plain(value), out, ensure_ascii=False, indent=2)
    out.write("\n")


def cell(value: Any, width: int = 40) -> str:
    """One table cell: lists joined, None empty, long text cut, lines joined."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, datetime):
        value = value.strftime("%Y-%m-%d %H:%M")
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(rows: list[Any], columns: tuple[str, ...], out: TextIO = sys.stdout) -> None:
    """Rows as an aligned table with a header; the id comes first so it can be copied."""
    header = ("id", *columns)
    table = [[str(r.id), *(cell(getattr(r, c)) for c in columns)] for r in rows]
    widths = [max(len(h), *(len(t[i]) for t in table)) if table else len(h)
              for i, h in enumerate(header)]
    for line in ([h.upper() for h in header], *table):
        out.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n")


def print_record(record: Any, out: TextIO = sys.stdout) -> None:
    """Every field of a record, one per line; several lines of text stay indented."""
    names = [f.name for f in fields(record)]
    width = max(len(n) for n in names)
    for name in names:
        value = getattr(record, name)
        text = cell(value, 10_000) if not isinstance(value, str) else value
        lines = text.splitlines() or [""]
        out.write(f"{name.ljust(width)}  {lines[0]}\n")
        for extra in lines[1:]:
            out.write(f"{' ' * width}  {extra}\n")


def print_results(results: Any, out: TextIO = sys.stdout) -> None:
    """Search results grouped by kind: what was found, how it matched, details, id."""
    if results.notice:
        sys.stderr.write(results.notice + "\n")
    if not len(results):
        sys.stderr.write("nothing found\n")
        return
    for kind, hits in results.groups.items():
        more = " (more: raise --limit)" if kind in results.more else ""
        out.write(f"{KINDS[kind].plural.upper()} ({len(hits)}){more}\n")
        width = min(32, max(len(cell(h.title, 32)) for h in hits))
        for hit in hits:
            how = MATCH_LABELS[hit.match] + (f" ({hit.note})" if hit.note else "")
            out.write(f"  {cell(hit.title, 32).ljust(width)}  {cell(hit.detail, 70)}\n"
                      f"  {' ' * width}  {how} · {hit.record_id}\n")


def print_seen(seen: Any, out: TextIO = sys.stdout) -> None:
    """Where a part, maker or marking has been found."""
    out.write(f"{seen.subject}\n")
    if not seen.findings:
        out.write("  not found in any recovered item\n")
        return
    out.write(f"  {seen.findings} finding{'s' * (seen.findings != 1)} in {seen.items} "
              f"item{'s' * (seen.items != 1)} of {seen.systems} system "
              f"type{'s' * (seen.systems != 1)}: {', '.join(seen.system_names)}\n")
    out.write(f"  recovered  {_span(seen.first_recovered, seen.last_recovered)}\n")
    out.write(f"  produced   {_span(seen.first_produced, seen.last_produced)}\n")


def _span(first: Any, last: Any) -> str:
    if first is None:
        return "unknown"
    return str(first) if first == last else f"{first} to {last}"
