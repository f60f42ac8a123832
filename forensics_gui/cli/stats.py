"""`forensics stats`: the analytics figures (the dashboard's and the briefs') as text or JSON."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any, TextIO

from forensics_gui.cli.output import print_json
from forensics_gui.core.analytics import (
    DEFAULT_TOP,
    FIGURE_NAMES,
    INVASION,
    TABLE,
    Dashboard,
    Figure,
    day_text,
)
from forensics_gui.core.errors import ValidationError


def build(parser: argparse.ArgumentParser) -> None:
    """The grammar of `forensics stats` on its command's parser."""
    parser.description = (
        "Where the components come from, what they are and when they were made: every "
        "figure of the analytics dashboard, over the whole store or the findings the options "
        "select (withdrawn evidence never counts). Each figure says what it counts and how "
        "many records had no value for it.")
    parser.add_argument("--system", help="only this weapon system type (name or id)")
    parser.add_argument("--item", action="append", default=[], dest="items", metavar="REF",
                        help="only this recovered item (case reference or id; repeatable)")
    parser.add_argument("--recovered-from", metavar="DATE",
                        help="only items recovered on or after (YYYY-MM-DD)")
    parser.add_argument("--recovered-to", metavar="DATE",
                        help="only items recovered on or before (YYYY-MM-DD)")
    parser.add_argument("--produced-after", metavar="DATE",
                        help="only findings produced on or after (YYYY-MM-DD, from date codes)")
    parser.add_argument("--produced-before", metavar="DATE",
                        help="only findings produced on or before (YYYY-MM-DD)")
    parser.add_argument("--maker-country", metavar="CODES",
                        help="only makers of these countries (US, \"US,JP\", EU)")
    parser.add_argument("--after", metavar="DATE",
                        help=f"the day of the share produced after it (default "
                             f"{INVASION.isoformat()}, the full-scale invasion)")
    parser.add_argument("--top", type=int, default=DEFAULT_TOP,
                        help=f"makers and categories shown one by one (default {DEFAULT_TOP})")
    parser.add_argument("--figure", action="append", choices=FIGURE_NAMES, dest="figures",
                        metavar="NAME", help="only this figure (repeatable): "
                                             + ", ".join(FIGURE_NAMES))
    parser.set_defaults(handler=cmd_stats)


def cmd_stats(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import analytics

    after = _day("after", args.after) or INVASION
    filters = analytics.filters_for(
        store, system=args.system, items=args.items, recovered_from=args.recovered_from,
        recovered_to=args.recovered_to, produced_after=args.produced_after,
        produced_before=args.produced_before, maker_country=args.maker_country)
    board = analytics.dashboard(store, filters, after=after, top=args.top,
                                names=args.figures or FIGURE_NAMES)
    if getattr(args, "json", False):
        print_json(board)
    else:
        print_dashboard(board, _options_text(args))
    return 0


def _day(name: str, text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(name, f"{text[:40]!r} is not a date (expected YYYY-MM-DD)") from None


# ------------------------------------------------------------------ text
def print_dashboard(board: Dashboard, selected: str = "", out: TextIO = sys.stdout) -> None:
    """Every figure: title, what it counts, its bars with counts and shares, notes."""
    shown = selected
    out.write(f"{board.findings:,} findings in {board.items:,} recovered items"
              f"{f' ({shown})' if shown else ''}; withdrawn evidence left out.\n")
    for figure in board.figures:
        out.write("\n")
        print_figure(figure, out)


def print_figure(figure: Figure, out: TextIO = sys.stdout) -> None:
    out.write(f"{figure.title}  [{figure.name}]\n")
    out.write(f"  {_counts_line(figure)}\n")
    if not figure.bars:
        out.write("  (nothing to show)\n")
    width = min(48, max((len(_label(figure, bar)) for bar in figure.bars), default=0))
    for bar in figure.bars:
        label = _label(figure, bar)
        label = label if len(label) <= width else label[:width - 1] + "…"
        out.write(f"  {label.ljust(width)}  {_value(figure, bar)}\n")
        if bar.detail and not _short(figure, bar):
            out.write(f"  {' ' * width}  {bar.detail}\n")
    for marker in figure.markers:
        out.write(f"  | {day_text(marker.on)}: {marker.label}\n")
    for note in figure.notes:
        out.write(f"  note: {note}\n")


def _counts_line(figure: Figure) -> str:
    if not figure.missing:
        return f"counts {figure.counts}: all {figure.total:,} covered"
    why = f" ({figure.missing_label})" if figure.missing_label else ""
    return (f"counts {figure.counts}: {figure.counted:,} of the {figure.total:,} covered; "
            f"{figure.missing:,} have no value{why}")


def _short(figure: Figure, bar: Any) -> bool:
    """A detail short enough to stand beside the label (a country code)."""
    return bool(bar.detail) and figure.shape != TABLE and len(bar.detail) <= 12


def _label(figure: Figure, bar: Any) -> str:
    return f"{bar.label} ({bar.detail})" if _short(figure, bar) else bar.label


def _value(figure: Figure, bar: Any) -> str:
    if figure.unit == "date":
        end = bar.end or bar.start
        return f"{bar.start} to {end}" if end and end != bar.start else str(bar.start)
    return f"{bar.value:>10,}  {bar.share:6.1%}"


def _options_text(args: argparse.Namespace) -> str:
    """What the options selected, as typed."""
    parts = [f"system {args.system}"] if args.system else []
    parts += [f"item {ref}" for ref in args.items]
    for name, words in (("recovered_from", "recovered from"), ("recovered_to", "recovered to"),
                        ("produced_after", "produced on or after"),
                        ("produced_before", "produced on or before"),
                        ("maker_country", "makers of")):
        if getattr(args, name):
            parts.append(f"{words} {getattr(args, name)}")
    return "; ".join(parts)
