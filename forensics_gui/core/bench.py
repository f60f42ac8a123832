"""Bench mode's rules in plain Python: the columns of the grid, how a cell holds a finding's
value, and which template module a finding belongs to.

The grid holds text as typed. A marking read over several lines is one cell, its lines
separated by " / " (space, slash, space): a slash without spaces ("RS-232/485") is part of
the text. Part and maker are typed by name (a part number, an organization's name); the
services resolve them when the row is saved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from forensics_gui.core.fields import CONFIDENCE
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP

# The finding's fields a row edits, in the grid's order.
BENCH_FIELDS = ("location", "marking", "part_id", "manufacturer_id", "function", "date_code",
                "confidence")
# The grid's headings, marked for the desktop client's translation (context of its grid).
HEADINGS = {"location": QT_TRANSLATE_NOOP("BenchModel", "Position"),
            "marking": QT_TRANSLATE_NOOP("BenchModel", "Marking as read"),
            "part_id": QT_TRANSLATE_NOOP("BenchModel", "Part"),
            "manufacturer_id": QT_TRANSLATE_NOOP("BenchModel", "Maker"),
            "function": QT_TRANSLATE_NOOP("BenchModel", "Function"),
            "date_code": QT_TRANSLATE_NOOP("BenchModel", "Date code"),
            "confidence": QT_TRANSLATE_NOOP("BenchModel", "Confidence")}
# What "duplicate the row" copies: everything but where the part sits and what it reads.
DUPLICATED = ("part_id", "manufacturer_id", "function", "date_code", "confidence")
# What an identification proposal may fill.
PROPOSED = ("part_id", "manufacturer_id", "function", "date_code")
LINE_BREAK = " / "
CHOICES = {"confidence": CONFIDENCE}

_BREAKS = re.compile(r"\s+/\s+")
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # a trailing note in brackets: "receiver (SN-99)"
_WORDS = re.compile(r"[^0-9a-z]+")


def marking_cell(marking: str) -> str:
    """A marking as the grid shows it: its lines joined by " / "."""
    lines = [line.strip() for line in (marking or "").splitlines()]
    return LINE_BREAK.join(line for line in lines if line)


def marking_value(cell: str) -> str:
    """The marking a cell stands for: " / " (and line breaks) separate its lines."""
    lines = (line.strip() for part in (cell or "").splitlines() for line in _BREAKS.split(part))
    return "\n".join(line for line in lines if line)


def expand_choice(field: str, text: str) -> str:
    """A choice typed by its first letters ("h" for high), when they fit one choice only;
    anything else is returned as typed (and refused, with the choices, when saved)."""
    choices = CHOICES.get(field)
    typed = text.strip().casefold()
    if not choices or not typed:
        return text.strip() if choices else text
    fitting = [c for c in choices if c.casefold().startswith(typed)]
    return fitting[0] if len(fitting) == 1 else text.strip()


def cell_values(finding: Any) -> dict[str, str]:
    """The grid's cells for a stored finding: references by the names people type."""
    return {"location": finding.location or "", "marking": marking_cell(finding.marking),
            "part_id": finding.part_number or "", "manufacturer_id": finding.manufacturer_name
            or "", "function": finding.function or "", "date_code": finding.date_code or "",
            "confidence": finding.confidence or ""}


def field_value(field: str, cell: str) -> str:
    """What a cell sends to the services for `field`."""
    if field == "marking":
        return marking_value(cell)
    return expand_choice(field, cell).strip()


def _key(text: str) -> str:
    return _WORDS.sub(" ", text.casefold()).strip()


def module_names(name: str) -> tuple[str, ...]:
    """The keys a module is recognised by: its name, and its name without a trailing note in
    brackets ("satellite navigation receiver (SN-99)" is also "satellite navigation
    receiver")."""
    keys = [_key(name), _key(_NOTE.sub("", name))]
    return tuple(dict.fromkeys(k for k in keys if k))


def module_of(location: str, modules: Iterable[str]) -> str | None:
    """The template module a finding's position lies in, or None.

    A position is in a module when it starts with the module's name (or that name without
    its note in brackets) as whole words, case, spaces and punctuation aside:
    "Flight controller U12" and "flight-controller/U12" are in "flight controller", and
    "power supply board" in "power supply" but "powerful" is not in "power". When several
    modules fit, the longest name wins ("GNSS receiver antenna" over "GNSS receiver").
    """
    where = _key(location or "")
    if not where:
        return None
    best: tuple[int, str] | None = None
    for module in modules:
        for key in module_names(module):
            if (where == key or where.startswith(key + " ")) and (
                    best is None or len(key) > best[0]):
                best = (len(key), module)
    return best[1] if best else None


def modules_recorded(locations: Iterable[str], modules: Iterable[str]) -> dict[str, int]:
    """How many positions lie in each module (every module named, 0 when none)."""
    names = list(modules)
    counts = dict.fromkeys(names, 0)
    for location in locations:
        found = module_of(location, names)
        if found is not None:
            counts[found] += 1
    return counts
