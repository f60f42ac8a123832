"""What the bench says under its grid: why the current row was refused and what would put it
right, what the identification proposes, and how many rows are saved."""

from __future__ import annotations

from html import escape
from typing import Any

from forensics_gui.core.bench import HEADINGS
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.bench.bench_model import BenchModel, BenchRow, heading
from forensics_gui.gui.kit.i18n import translate

# What a refused row may create: "creates the maker “X” and the part “Y”".
KIND_WORDS = {"org": QT_TRANSLATE_NOOP("bench_status", "maker {name}"),
              "part": QT_TRANSLATE_NOOP("bench_status", "part {name}")}
REFUSED = "#C62828"


def row_status(model: BenchModel, number: int, row: BenchRow | None, message: str) -> str:
    """The status line (rich text) for the current row; `message` when it has nothing to
    say. A proposal is told while the row is being recorded (not once saved without it)."""
    lines: list[str] = []
    if row is not None and row.refused and row.dirty:
        refused = escape(translate("bench_status", "Row {number} refused").format(
            number=number + 1))
        lines += [f"<span style='color:{REFUSED}'><b>{refused}</b> — "
                  f"{escape(_heading(field))}: {escape(why)}</span>"
                  for field, why in row.refused.items()]
        if row.missing:
            what = translate("bench_status", " and ").join(
                translate("bench_status", KIND_WORDS[k]).format(name=f"“{n}”")
                for k, n in row.missing)
            lines.append("<b>Ctrl+Shift+S</b> " + escape(translate(
                "bench_status", "creates the {what} and saves the row.").format(what=what)))
    elif row is not None and row.proposal is not None and (
            row.proposed_for == row.values["marking"]) and (row.finding is None or row.dirty):
        shown = ", ".join(f"{escape(heading(f))} {escape(v)}"
                          for f, v in row.proposal.values.items() if model.suggestion(row, f))
        accept = " — <b>Ctrl+I</b> " + escape(translate("bench_status", "fills {values}")).format(
            values=shown) if shown else ""
        lines.append(escape(translate("bench_status", "Identification: {reason}").format(
            reason=row.proposal.reason)) + accept)
    if not lines and message:
        lines.append(escape(message))
    return "<br>".join(lines)


def counts(rows: list[Any]) -> str:
    """'12 findings saved · 2 not saved yet · 1 refused'."""
    saved = sum(1 for r in rows if r.finding is not None)
    unsaved = sum(1 for r in rows if r.wants_save or r.saving)
    refused = sum(1 for r in rows if r.refused and r.dirty)
    words = [(translate("bench_status", "{count} finding saved") if saved == 1 else
              translate("bench_status", "{count} findings saved")).format(count=saved)]
    if unsaved:
        words.append(translate("bench_status", "{count} not saved yet").format(count=unsaved))
    if refused:
        words.append(translate("bench_status", "{count} refused").format(count=refused))
    return " · ".join(words)


def _heading(field: str) -> str:
    """The heading of the column a refusal is about ("Row" when it is about the row)."""
    return heading(field) if field in HEADINGS else translate("bench_status", "Row")
