"""What the bench says under its grid: why the current row was refused and what would put it
right, what the identification proposes, and how many rows are saved."""

from __future__ import annotations

from html import escape
from typing import Any

from forensics_gui.core.bench import HEADINGS
from forensics_gui.gui.bench.bench_model import BenchModel, BenchRow

KIND_WORDS = {"org": "maker", "part": "part"}
REFUSED = "#C62828"


def row_status(model: BenchModel, number: int, row: BenchRow | None, message: str) -> str:
    """The status line (rich text) for the current row; `message` when it has nothing to
    say. A proposal is told while the row is being recorded (not once saved without it)."""
    lines: list[str] = []
    if row is not None and row.refused and row.dirty:
        lines += [f"<span style='color:{REFUSED}'><b>Row {number + 1} refused</b> — "
                  f"{escape(HEADINGS.get(field, 'Row'))}: {escape(why)}</span>"
                  for field, why in row.refused.items()]
        if row.missing:
            what = " and ".join(f"{KIND_WORDS[k]} “{escape(n)}”" for k, n in row.missing)
            lines.append(f"<b>Ctrl+Shift+S</b> creates the {what} and saves the row.")
    elif row is not None and row.proposal is not None and (
            row.proposed_for == row.values["marking"]) and (row.finding is None or row.dirty):
        shown = ", ".join(f"{HEADINGS[f]} {escape(v)}" for f, v in row.proposal.values.items()
                          if model.suggestion(row, f))
        accept = f" — <b>Ctrl+I</b> fills {shown}" if shown else ""
        lines.append(f"Identification: {escape(row.proposal.reason)}{accept}")
    if not lines and message:
        lines.append(escape(message))
    return "<br>".join(lines)


def counts(rows: list[Any]) -> str:
    """'12 findings saved · 2 not saved yet · 1 refused'."""
    saved = sum(1 for r in rows if r.finding is not None)
    unsaved = sum(1 for r in rows if r.wants_save or r.saving)
    refused = sum(1 for r in rows if r.refused and r.dirty)
    words = [f"{saved} {'finding' if saved == 1 else 'findings'} saved"]
    if unsaved:
        words.append(f"{unsaved} not saved yet")
    if refused:
        words.append(f"{refused} refused")
    return " · ".join(words)
