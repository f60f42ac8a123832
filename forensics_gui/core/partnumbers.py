"""Part-number normalisation for search.

A part number read off a component is typed in many ways: with or without dashes and spaces,
in lower case, with Cyrillic letters that look like Latin ones, with an O read as a 0. The
*search key* removes the differences that never matter; the *confusable key* and the
*candidate keys* deal with misreads, which may matter and so are never merged silently:
callers look the candidates up and show them as possible matches.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator

# Built from Unicode names rather than literals, because the literals look exactly like the
# Latin letters they replace and a reviewer could not tell them apart.
_CYRILLIC_LOOKALIKES = {
    "A": "A", "VE": "B", "IE": "E", "KA": "K", "EM": "M", "EN": "H", "O": "O", "ER": "P",
    "ES": "C", "TE": "T", "HA": "X", "U": "Y", "BYELORUSSIAN-UKRAINIAN I": "I", "JE": "J",
    "DZE": "S",
}
_GREEK_LOOKALIKES = {
    "ALPHA": "A", "BETA": "B", "EPSILON": "E", "ZETA": "Z", "ETA": "H", "IOTA": "I",
    "KAPPA": "K", "MU": "M", "NU": "N", "OMICRON": "O", "RHO": "P", "TAU": "T",
    "UPSILON": "Y", "CHI": "X",
}


def _lookalike_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for script, names in (("CYRILLIC", _CYRILLIC_LOOKALIKES), ("GREEK", _GREEK_LOOKALIKES)):
        for name, latin in names.items():
            table[ord(unicodedata.lookup(f"{script} CAPITAL LETTER {name}"))] = latin
    return table


_LOOKALIKES = _lookalike_table()

# Misread classes, each mapped to one representative.
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2",
                              "G": "6"})

# One alternative reading per character. L is only ever a misread 1, never the other way round,
# because a printed 1 is not read as an L often enough to be worth a candidate.
_ALTERNATIVES = {"O": "0", "0": "O", "I": "1", "1": "I", "L": "1", "S": "5", "5": "S",
                 "B": "8", "8": "B", "Z": "2", "2": "Z", "G": "6", "6": "G"}

# Every character of a misread class, representatives included.
_MISREADABLE = frozenset(map(chr, _CONFUSABLES)) | frozenset(_CONFUSABLES.values())

_NOT_ASCII_ALNUM = re.compile(r"[^A-Z0-9]+")

# Enough passes for any real input to reach a fixed point (see search_key).
_MAX_PASSES = 4


def _keep(ch: str) -> str:
    if ch.isdecimal():
        # Other scripts' digits (Arabic-Indic, Devanagari ...) are the same digits.
        return str(unicodedata.decimal(ch))
    return ch if ch.isalpha() else ""


def _one_pass(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).upper().translate(_LOOKALIKES)
    return "".join(_keep(ch) for ch in folded)


def search_key(raw: str | None) -> str:
    """Return the search key of a part number: NFKC, upper case, look-alikes folded, only
    letters and digits kept.

    `'gw1n-uv9 ug169c6/i5'` gives `'GW1NUV9UG169C6I5'`; Cyrillic `'1986ВЕ91Т'` gives
    `'1986BE91T'`. Never raises.
    """
    key = raw or ""
    if key.isascii():
        # The common case, and the same result: NFKC leaves ASCII alone and no look-alike
        # is ASCII.
        return _NOT_ASCII_ALNUM.sub("", key.upper())
    # Dropping separators can bring together characters that NFKC composes (Hangul jamo),
    # so repeat until nothing changes; that keeps search_key idempotent.
    for _ in range(_MAX_PASSES):
        again = _one_pass(key)
        if again == key:
            break
        key = again
    return key


def confusable_key(raw: str | None) -> str:
    """Return the search key with often-misread characters mapped to one representative.

    The classes are {O,0}, {I,1,L}, {S,5}, {B,8}, {Z,2}, {G,6}; two part numbers that differ
    only by such misreads have the same confusable key.
    """
    return confusable_of_key(search_key(raw))


def confusable_of_key(key: str) -> str:
    """`confusable_key` of text that is already a search key (saves normalising twice)."""
    return key.translate(_CONFUSABLES)


def may_be_misread(key: str) -> bool:
    """Whether a search key holds a character of a misread class: only then can another
    number be a misreading of it (every other character reads the same in both)."""
    return any(ch in _MISREADABLE for ch in key)


def _alternative_readings(key: str) -> Iterator[str]:
    spots = [i for i, ch in enumerate(key) if ch in _ALTERNATIVES]
    for count in range(1, len(spots) + 1):
        for chosen in itertools.combinations(spots, count):
            chars = list(key)
            for i in chosen:
                chars[i] = _ALTERNATIVES[chars[i]]
            yield "".join(chars)


def candidate_keys(raw: str | None, limit: int = 64) -> list[str]:
    """Return the search key followed by alternative readings of misread characters.

    Alternatives substitute O<->0, I<->1, L->1, S<->5, B<->8, Z<->2, G<->6; readings with
    fewer substitutions come first (then left to right). At most `limit` keys, no duplicates.
    """
    if limit < 1:
        return []
    key = search_key(raw)
    found = dict.fromkeys([key])
    for reading in _alternative_readings(key):
        if len(found) >= limit:
            break
        found.setdefault(reading)
    return list(found)


def is_blank(raw: str | None) -> bool:
    """True when the part number has no letter or digit at all."""
    return not search_key(raw)
