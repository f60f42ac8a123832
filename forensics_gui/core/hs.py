"""HS codes and the Common High Priority List (CHPL) of items found in Russian weapons.

The CHPL names six-digit subheadings of the HS 2022 edition; national tariff codes of 8 or 10
digits fall under the list through their first six digits.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.resources import asset_path

# Ordered by priority: tier 1 is the most important.
CHPL_TIERS: tuple[str, ...] = ("1", "2", "3.A", "3.B", "4.A", "4.B")

_FIELD = "hs_code"
_LENGTHS = (6, 8, 10)
_FIRST_CHAPTER, _LAST_CHAPTER = 1, 97
_SEPARATORS = re.compile(r"[\s.]+")
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class ChplEntry:
    """One line of the CHPL: a six-digit HS 2022 subheading and its tier."""

    tier: str
    hs6: str
    description: str


def _shown(raw: str) -> str:
    return repr(raw if len(raw) <= 30 else raw[:30] + "...")


def _check_digits(raw: str, digits: str) -> None:
    if not digits:
        raise ValidationError(_FIELD, "no HS code given")
    if not _DIGITS.fullmatch(digits):
        raise ValidationError(
            _FIELD, f"{_shown(raw)} is not an HS code: only digits, spaces and dots are allowed")
    if len(digits) not in _LENGTHS:
        raise ValidationError(
            _FIELD, f"{_shown(raw)} has {len(digits)} digits; an HS code has 6, 8 or 10")


def normalise_hs_code(raw: str) -> str:
    """Return the HS code as bare digits ('8542.31.00' gives '85423100').

    Raises ValidationError('hs_code', ...) unless the result has 6, 8 or 10 digits and a
    chapter (first two digits) from 01 to 97.
    """
    if not isinstance(raw, str):
        raise ValidationError(_FIELD, f"{raw!r} is not an HS code: expected text")
    digits = _SEPARATORS.sub("", raw)
    _check_digits(raw, digits)
    chapter = int(digits[:2])
    if not _FIRST_CHAPTER <= chapter <= _LAST_CHAPTER:
        raise ValidationError(
            _FIELD, f"{_shown(raw)}: chapter {digits[:2]} does not exist (chapters are 01 to 97)")
    return digits


def _entry(row: dict[str, str], line: int) -> ChplEntry:
    entry = ChplEntry(row["tier"].strip(), row["hs6"].strip(), row["description"].strip())
    if entry.tier not in CHPL_TIERS or not re.fullmatch(r"[0-9]{6}", entry.hs6):
        # The list ships with the application, so a bad line is a packaging bug.
        raise ValueError(f"chpl_hs6.csv line {line}: bad tier or code {entry}")
    return entry


@functools.cache
def _chpl_table() -> dict[str, ChplEntry]:
    path = asset_path("data", "chpl_hs6.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.DictReader(handle)
        entries = [_entry(row, number) for number, row in enumerate(rows, start=2)]
    return {entry.hs6: entry for entry in entries}


def chpl_entries() -> tuple[ChplEntry, ...]:
    """Every CHPL entry, by tier priority and then by code."""
    table = _chpl_table().values()
    return tuple(sorted(table, key=lambda e: (CHPL_TIERS.index(e.tier), e.hs6)))


def chpl_entry(code: str) -> ChplEntry | None:
    """Return the CHPL entry covering an HS code, or None when the code is not on the list.

    8- and 10-digit national codes are matched by their first six digits. Raises
    ValidationError('hs_code', ...) when the code itself is not valid.
    """
    return _chpl_table().get(normalise_hs_code(code)[:6])


def chpl_tier(code: str | None) -> str | None:
    """Return the CHPL tier ('1' ... '4.B') of an HS code, or None (no code, not listed)."""
    if code is None or not code.strip():
        return None
    entry = chpl_entry(code)
    return None if entry is None else entry.tier


def hs_shown(code: str) -> str:
    """An HS code as tariffs print it: 854231 as 8542.31, 85423100 as 8542.31.00."""
    if not code.isdigit() or len(code) < 6:
        return code
    rest = code[4:]
    return code[:4] + "".join(f".{rest[i:i + 2]}" for i in range(0, len(rest), 2))
