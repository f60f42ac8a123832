"""`forensics identify`: the maker, family and category the identification rules propose for a
marking or part number, or for every marking of a CSV file.

The store's own rules and what it knows of the makers are used when a store can be opened;
without one, the built-in rules alone (and stderr says so). Nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import sys
from pathlib import Path
from typing import Any, TextIO

from forensics_gui.cli.output import cell, print_json
from forensics_gui.core.errors import StoreError, ValidationError
from forensics_gui.core.fields import KINDS
from forensics_gui.core.hs import hs_shown
from forensics_gui.core.markings import marking_problem

MARKING_COLUMNS = ("marking", "part_number", "part number")
MAX_ROWS = 100_000
TABLE = ("MARKING", "STATUS", "MAKER (NOW PART OF)", "FAMILY", "CATEGORY", "HS", "CHPL",
         "CONFIDENCE", "RULE")


def build(parser: argparse.ArgumentParser) -> None:
    """The grammar of `forensics identify` on its command's parser."""
    parser.description = (
        "Propose the maker (and its owner today), part family, function category, HS code and "
        "CHPL tier of a marking or part number as typed, with the rule that says so and a "
        "confidence; or say 'not identified' and why (no rule fits, rules disagree). Lines of "
        "a marking may be separated by ' / '. Uses the store's own rules when a store is "
        "there, else the built-in rules alone. Exit code 0 when run, 2 for bad input.")
    parser.add_argument("marking", nargs="?", help="the marking or part number, e.g. "
                                                   "'STM32F765 / VIT6 / CHN 2214'")
    parser.add_argument("--file", metavar="CSV", help="identify every row of a UTF-8 CSV file "
                                                      "instead (one line printed per row)")
    parser.add_argument("--column", metavar="NAME",
                        help="with --file: the column of markings (default: the first named "
                             "marking, part_number or part number, else the first column)")
    parser.set_defaults(handler=cmd_identify, store_free=True)


def cmd_identify(args: argparse.Namespace) -> int:
    from forensics_gui.services import identify

    texts = _texts(args)
    store = _store(args)
    try:
        proposals = identify.identify_many(store, texts)
    finally:
        if store is not None:
            store.close()
    if getattr(args, "json", False):
        print_json(proposals if args.file else proposals[0])
    elif args.file:
        print_rows(proposals)
    else:
        print_proposal(proposals[0])
    return 0


# ------------------------------------------------------------------ input
def _texts(args: argparse.Namespace) -> list[str]:
    if args.file and args.marking is not None:
        raise ValidationError("marking", "give a marking or --file, not both")
    if args.column and not args.file:
        raise ValidationError("column", "goes with --file")
    if args.file:
        return read_markings(Path(args.file), args.column)
    if args.marking is None:
        raise ValidationError("marking", "give a marking or part number, or --file CSV")
    return [_checked(args.marking)]


def _checked(marking: str) -> str:
    problem = marking_problem(marking)
    if problem:
        raise ValidationError("marking", problem.removeprefix("the marking ") + "; remove it")
    longest = KINDS["finding"].field("marking").max_len
    if len(marking) > longest:
        raise ValidationError("marking", f"is {len(marking):,} characters long; a marking has "
                                         f"at most {longest:,}")
    return marking


def read_markings(path: Path, column: str | None) -> list[str]:
    """The markings of a CSV file's column (see `build`), or ValidationError saying what is
    wrong with the file."""
    if not path.exists():
        raise ValidationError("file", f"there is no file {path}")
    if path.is_dir():
        raise ValidationError("file", f"{path} is a folder; give a CSV file")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError:
        raise ValidationError("file", f"{path} is not UTF-8 text; save it as CSV UTF-8") \
            from None
    except (csv.Error, OSError) as error:
        raise ValidationError("file", f"{path} cannot be read as CSV: {error}") from None
    if not rows:
        raise ValidationError("file", f"{path} is empty; it needs a header row and a marking "
                                      "in each row below")
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError("file", f"{path} has {len(rows) - 1:,} rows; at most "
                                      f"{MAX_ROWS:,} at once")
    at = _column(path, rows[0], column)
    return [row[at] if at < len(row) else "" for row in rows[1:]]


def _column(path: Path, header: list[str], wanted: str | None) -> int:
    names = [name.strip().lower() for name in header]
    if wanted:
        if wanted.strip().lower() not in names:
            shown = ", ".join(repr(n) for n in header[:20])
            raise ValidationError("column", f"{path} has no column {wanted!r} (its columns: "
                                            f"{shown})")
        return names.index(wanted.strip().lower())
    return next((names.index(n) for n in MARKING_COLUMNS if n in names), 0)


def _prompt(where: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Password for {where}: ")


def _store(args: argparse.Namespace) -> Any:
    """The store named by --store (which must open), else the configured or default one when
    it can be opened, else None (the built-in rules alone; stderr says why)."""
    from forensics_gui.services import stores

    named = getattr(args, "store", None)
    read_only = getattr(args, "read_only", False)
    if named:
        return stores.open_existing(named, prompt=_prompt, read_only=read_only)
    try:
        store = stores.open_existing(None, prompt=_prompt, read_only=read_only)
    except StoreError as error:
        print(f"forensics: note: no store opened ({error}); identifying with the built-in "
              "rules only", file=sys.stderr)
        return None
    for warning in store.warnings:
        print(f"forensics: warning: {warning}", file=sys.stderr)
    if store.backup_path:
        print(f"forensics: upgraded the store; the old version is kept at "
              f"{store.backup_path}", file=sys.stderr)
    return store


# ------------------------------------------------------------------ output
def _maker(proposal: Any) -> str:
    found = proposal.identification
    owner = proposal.owner_name or found.now_part_of
    return f"{found.maker} ({owner})" if owner and owner != found.maker else found.maker


def _rule(proposal: Any) -> str:
    rule = proposal.identification.rule
    if rule is None:
        return ""
    return rule.rule_id if rule.origin == "built-in" else f"store {rule.pattern}"


def _row(proposal: Any) -> list[str]:
    found = proposal.identification
    marking = " / ".join(found.reading.lines) or found.query
    return [cell(marking, 40), found.status, cell(_maker(proposal), 40), cell(found.family),
            cell(found.category, 30), hs_shown(found.hs_code), proposal.chpl_tier or "",
            found.confidence, cell(_rule(proposal), 30)]


def print_rows(proposals: list[Any], out: TextIO = sys.stdout) -> None:
    """One aligned line per marking: marking, status, maker (owner), family, category, HS
    code, CHPL tier, confidence, rule."""
    table = [list(TABLE), *(_row(p) for p in proposals)]
    widths = [max(len(line[i]) for line in table) for i in range(len(TABLE))]
    for line in table:
        out.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()
                  + "\n")


def print_proposal(proposal: Any, out: TextIO = sys.stdout) -> None:
    """What was read and what is proposed, one fact a line (empty ones left out)."""
    found, reading = proposal.identification, proposal.identification.reading
    part = reading.part_number + (f" (part {proposal.part_id} in the store)"
                                  if proposal.part_id else "")
    tier = f" (CHPL tier {proposal.chpl_tier})" if proposal.chpl_tier else ""
    hs = hs_shown(found.hs_code) + tier
    maker = found.maker + (f" (organization {proposal.maker_id})" if proposal.maker_id else "")
    owner = proposal.owner_name or found.now_part_of
    facts = [("part number", part), ("date code", reading.date_code),
             ("lot code", reading.lot_code), ("origin", reading.country),
             ("not read", " ".join(reading.other)), ("status", found.status),
             ("maker", maker), ("now part of", owner if owner != found.maker else ""),
             ("family", found.family), ("category", found.category), ("HS code", hs),
             ("confidence", found.confidence), ("rule", _rule(proposal)),
             ("reason", found.reason)]
    facts += [("note", note) for note in reading.notes]
    for name, value in facts:
        if value:
            out.write(f"{name:<12} {value}\n")
