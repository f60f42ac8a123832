"""Checking an identification rule's pattern before it is kept or used.

A rule's pattern is a regular expression matched at the start of a part number's search key
(`partnumbers.search_key`: capitals and digits only, so `STM32F765VIT6` for "stm32f765-vit6").
Analysts type patterns in the application, so a pattern is refused, with a message that says
what is wrong and where, when it

- is not a valid regular expression, or is longer than MAX_LENGTH characters;
- names a character no key holds where a literal character is meant (lower case letters,
  spaces, dashes and other punctuation, letters of other scripts): the key is written instead;
- looks behind or refers back to a group (not needed to read a part number, and slow);
- repeats a group that itself repeats or offers a choice, such as `(A+)+` or `(A|AA)*B`: such
  patterns can take exponentially long on a key that almost fits;
- can match zero characters, and so would fit every part number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

# The standard library's own parser of regular expressions: the only way to see what a
# pattern is made of without writing a parser of our own.
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

MAX_LENGTH = 300

_KEY_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_LOOKBEHIND = re.compile(r"\(\?<[=!]")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_REPEATED_GROUP = re.compile(r"(?<=\))(?:[*+]|\{\d*,\d*\}|\{\d+\})")
_SPACE_CATEGORIES = (sre.CATEGORY_SPACE,)


def check_pattern(text: str) -> str:
    """Return the pattern with the spaces around it removed, or raise ValueError saying in
    plain words what is wrong with it and, where it can be told, at which position (counted
    from 1)."""
    return checked_pattern(text).text


@dataclass(frozen=True)
class CheckedPattern:
    """A pattern that passed `check_pattern`, compiled, with what it pins down."""

    text: str
    regex: re.Pattern[str]
    facts: PatternFacts


def checked_pattern(text: str) -> CheckedPattern:
    """`check_pattern`, also returning the compiled pattern and its facts (read in one pass:
    the rule engine checks hundreds of patterns when it starts)."""
    pattern = (text or "").strip()
    _check_text(pattern)
    parsed, regex = _parse(pattern)
    _check_literals(pattern, parsed)
    _check_constructs(pattern, parsed)
    _check_nesting(pattern, parsed)
    if parsed.getwidth()[0] == 0:
        raise ValueError(f"{_shown(pattern)} can match zero characters, so it would fit every "
                         "part number; make it name at least one character (e.g. STM32 "
                         "rather than (STM32)?)")
    return CheckedPattern(pattern, regex, _facts(parsed))


# ------------------------------------------------------------------ the text as typed
def _shown(pattern: str) -> str:
    return repr(pattern if len(pattern) <= 40 else pattern[:39] + "…")


def _check_text(pattern: str) -> None:
    if not pattern:
        raise ValueError("the pattern is empty; give the beginning of the part numbers the "
                         "rule is for, e.g. STM32F7")
    if len(pattern) > MAX_LENGTH:
        raise ValueError(f"the pattern is {len(pattern):,} characters long; at most "
                         f"{MAX_LENGTH} are allowed")
    control = _CONTROL.search(pattern)
    if control:
        raise ValueError(f"the pattern holds a control character (U+{ord(control.group()):04X})"
                         f" at position {control.start() + 1}; remove it")


def _parse(pattern: str) -> tuple[Any, re.Pattern[str]]:
    try:
        return sre_parse.parse(pattern), re.compile(pattern)
    except re.error as error:
        where = f" at position {error.pos + 1}" if error.pos is not None else ""
        raise ValueError(f"{_shown(pattern)} is not a valid pattern: {error.msg}{where}") \
            from None
    except (RecursionError, OverflowError):
        raise ValueError(f"{_shown(pattern)} is nested too deeply to be a pattern") from None


def _items(parsed: Any) -> list[tuple[Any, Any]]:
    """Every (operation, argument) of a parsed pattern, nested ones included."""
    found: list[tuple[Any, Any]] = []
    stack = [parsed]
    while stack:
        for op, av in stack.pop():
            found.append((op, av))
            stack.extend(_children(op, av))
    return found


def _children(op: Any, av: Any) -> list[Any]:
    if op is sre.SUBPATTERN:
        return [av[3]]
    if op in _REPEATS:
        return [av[2]]
    if op is sre.BRANCH:
        return list(av[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1]]
    if op is sre.ATOMIC_GROUP:
        return [av]
    if op is sre.GROUPREF_EXISTS:
        return [part for part in av[1:] if part is not None]
    return []


# ------------------------------------------------------------------ literal characters
def _check_literals(pattern: str, parsed: Any) -> None:
    for op, av in _items(parsed):
        if op is sre.LITERAL:
            _check_character(pattern, chr(av))
        elif op is sre.IN and not any(o is sre.NEGATE for o, _ in av):
            _check_class(pattern, av)


def _check_class(pattern: str, members: list[tuple[Any, Any]]) -> None:
    for op, av in members:
        if op is sre.LITERAL:
            _check_character(pattern, chr(av))
        elif op is sre.RANGE:
            low, high = chr(av[0]), chr(av[1])
            _check_character(pattern, low)
            _check_character(pattern, high)
            if not (low.isdigit() == high.isdigit()):
                raise ValueError(f"the range {low}-{high} mixes digits and letters; write "
                                 "[A-Z0-9] style ranges: A-Z for letters, 0-9 for digits")
        elif op is sre.CATEGORY and av in _SPACE_CATEGORIES:
            raise ValueError(r"\s matches spaces, and part-number keys hold none; leave it out")


def _check_character(pattern: str, char: str) -> None:
    if char in _KEY_CHARACTERS:
        return
    where = _position_of(pattern, char)
    if char.isalpha() and char.isascii():
        raise ValueError(f"lower case {char!r}{where}: part-number keys hold capitals and "
                         f"digits only; write {char.upper()!r} (the key of 'stm32f7' is "
                         "STM32F7)")
    if char.isalpha() or char.isdigit():
        script = unicodedata.name(char, "unknown").split()[0].title()
        raise ValueError(f"{script} {char!r}{where}: part-number keys hold Latin capitals "
                         "and digits only; type the Latin letter")
    named = {" ": "a space", "-": "a dash", "/": "a slash", ".": "a dot", "_": "an underscore"}
    what = named.get(char, repr(char))
    raise ValueError(f"{what}{where}: part-number keys hold no spaces, dashes or other "
                     "punctuation (the key of ADSP-21489 is ADSP21489); leave it out")


def _position_of(pattern: str, char: str) -> str:
    """' at position n' for the first place `char` stands for itself in the pattern."""
    escaped = False
    for index, found in enumerate(pattern):
        if escaped:
            escaped = False
            if found == char and not found.isalnum():
                return f" at position {index + 1}"
            continue
        if found == "\\":
            escaped = True
        elif found == char:
            return f" at position {index + 1}"
    return ""


# ------------------------------------------------------------------ constructs refused
def _check_constructs(pattern: str, parsed: Any) -> None:
    for op, av in _items(parsed):
        if op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] < 0:
            raise ValueError(f"a look-behind{_at(_LOOKBEHIND, pattern)} is not allowed: a "
                             "rule reads a part number from its start; write what comes "
                             "first instead")
        if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            raise ValueError(f"a reference back to a group{_at(_BACKREFERENCE, pattern)} is "
                             "not allowed; write the characters out")


def _at(finder: re.Pattern[str], pattern: str) -> str:
    found = finder.search(pattern)
    return f" at position {found.start() + 1}" if found else ""


def _check_nesting(pattern: str, parsed: Any) -> None:
    for op, av in _items(parsed):
        if op in _REPEATS and av[1] > 1 and _backtracks_inside(av[2], av[1] == sre.MAXREPEAT):
            raise ValueError(
                f"the repetition{_at(_REPEATED_GROUP, pattern)} repeats a group that itself "
                "repeats or offers a choice, as in (A+)+ or (A|AA)*: such patterns can take "
                "very long to match; "
                "write a character class instead, e.g. [A-Z0-9]+ or (A|B)* as [AB]*")


def _backtracks_inside(body: Any, unbounded: bool) -> bool:
    """Whether the body of a repetition can match in several ways: it holds a repetition of
    varying count (with the outer or that one unbounded) or, under an unbounded repetition,
    a choice between alternatives that may begin with the same character."""
    for op, av in _items(body):
        if op in _REPEATS and av[0] != av[1] and (unbounded or av[1] == sre.MAXREPEAT):
            return True
        if unbounded and op is sre.BRANCH and not _distinct_beginnings(av[1]):
            return True
    return False


def _distinct_beginnings(branches: list[Any]) -> bool:
    """Whether each alternative begins with a written-out character no other one begins
    with ((?:AB|CD) yes, (?:A|AB) no): only one of them can fit at any place."""
    seen: set[str] = set()
    for branch in branches:
        prefixes, _complete = _prefixes(list(branch))
        firsts = {prefix[0] for prefix in prefixes if prefix}
        if not firsts or firsts & seen:
            return False
        seen |= firsts
    return True


# ------------------------------------------------------------------ what a pattern pins down
@dataclass(frozen=True)
class PatternFacts:
    """What the rule engine needs to know of a checked pattern.

    `prefixes`: every key the pattern fits starts with one of these literal beginnings (at most
    PREFIX_LENGTH characters each); empty when the pattern begins with a class or a choice too
    wide to list. `specificity`: how much of a key the pattern pins down, in bits: each
    character it requires counts log2(36 / n), n being how many of the 36 key characters it
    allows there (a written-out letter or digit about 5.17, [0-9] about 1.85, [A-Z] about 0.47,
    any character 0); optional parts and repetitions beyond their minimum count nothing.
    """

    prefixes: frozenset[str]
    specificity: float


PREFIX_LENGTH = 4
_MOST_PREFIXES = 16
_ALPHABET = len(_KEY_CHARACTERS)


def pattern_facts(pattern: str) -> PatternFacts:
    """The literal beginnings and the specificity of a pattern that `check_pattern` passed."""
    return _facts(sre_parse.parse(pattern))


def _facts(parsed: Any) -> PatternFacts:
    prefixes, _complete = _prefixes(list(parsed))
    return PatternFacts(frozenset(p for p in prefixes if p), round(_bits(parsed), 3))


def _bits(items: Any) -> float:
    total = 0.0
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            total += math.log2(_ALPHABET / max(1, _allowed(op, av)))
        elif op is sre.SUBPATTERN:
            total += _bits(av[3])
        elif op is sre.ATOMIC_GROUP:
            total += _bits(av)
        elif op in _REPEATS:
            total += av[0] * _bits(av[2])
        elif op is sre.BRANCH:
            total += min(_bits(branch) for branch in av[1])
    return total


def _allowed(op: Any, av: Any) -> int:
    """How many of the key's characters one character of the pattern allows."""
    if op is sre.LITERAL:
        return 1
    if op is sre.NOT_LITERAL:
        return _ALPHABET - (chr(av) in _KEY_CHARACTERS)
    if op is sre.ANY:
        return _ALPHABET
    chars = _class_characters(av)
    negated = any(o is sre.NEGATE for o, _ in av)
    return _ALPHABET - len(chars) if negated else len(chars)


_CATEGORY_CHARACTERS = {
    sre.CATEGORY_DIGIT: frozenset("0123456789"),
    sre.CATEGORY_NOT_DIGIT: _KEY_CHARACTERS - frozenset("0123456789"),
    sre.CATEGORY_WORD: _KEY_CHARACTERS,
    sre.CATEGORY_NOT_SPACE: _KEY_CHARACTERS,
}


def _class_characters(members: Any) -> frozenset[str]:
    """The key characters a character class holds (negation left to the caller)."""
    found: set[str] = set()
    for op, av in members:
        if op is sre.LITERAL:
            found.add(chr(av))
        elif op is sre.RANGE:
            found.update(chr(code) for code in range(av[0], min(av[1], 0x7F) + 1))
        elif op is sre.CATEGORY:
            found.update(_CATEGORY_CHARACTERS.get(av, ()))
    return frozenset(found) & _KEY_CHARACTERS


def _prefixes(items: list[Any]) -> tuple[set[str], bool]:
    """(the literal beginnings of a sequence, whether they spell the whole sequence)."""
    prefixes = {""}
    for op, av in items:
        if op is sre.AT:
            continue
        choices, complete = _choices(op, av)
        grown = {(p + c)[:PREFIX_LENGTH] for p in prefixes for c in choices}
        if not choices or len(grown) > _MOST_PREFIXES:
            return prefixes, False
        prefixes = grown
        if not complete or all(len(p) >= PREFIX_LENGTH for p in prefixes):
            return prefixes, False
    return prefixes, True


def _choices(op: Any, av: Any) -> tuple[set[str], bool]:
    """The literal beginnings one element of a pattern can have, and whether they spell it
    whole; no beginnings when it can start with too many characters to list."""
    if op is sre.LITERAL:
        return {chr(av)}, True
    if op is sre.IN and not any(o is sre.NEGATE or o is sre.CATEGORY for o, _ in av):
        chars = _class_characters(av)
        return (set(chars), True) if len(chars) <= 4 else (set(), False)
    if op is sre.SUBPATTERN:
        return _prefixes(list(av[3]))
    if op is sre.BRANCH:
        found = [_prefixes(list(branch)) for branch in av[1]]
        if any(not p or "" in p for p, _ in found):
            return set(), False
        return set().union(*(p for p, _ in found)), all(c for _, c in found)
    if op in _REPEATS and av[0] >= 1:
        inner, complete = _prefixes(list(av[2]))
        return inner, complete and av[0] == av[1] == 1
    return set(), False
