"""Proposing the maker of a component from its part number, by rules, without guessing.

A *rule* says that part numbers whose search key starts a certain way (a regular expression,
see `patterns`) are made by a maker, and may say the part family, the function category and
the HS code. Built-in rules ship with the application (`assets/data/identification/rules.csv`);
analysts add their own in the store (record kind "rule"). The makers table (`makers.csv`)
names each maker once, with its other names and the company that owns it today.

`RuleSet.identify` reads the marking (`markings.read_marking`), applies the rules to the
search key of the part number read, and proposes at most one maker, always with the rule that
produced it; it never fills anything itself.

Which rule wins (precedence):

1. Only rules whose pattern fits the start of the key count (`re.match`).
2. The most specific wins. Specificity is how much of a key the pattern pins down, in bits
   (`patterns.PatternFacts`: a written-out letter or digit counts about 5.17, [0-9] about
   1.85, any character 0; optional parts nothing), then how many characters of the key the
   match covers. Two rules are equally specific when both numbers are equal.
3. Analysts' rules (origin "store") override built-in rules of equal or lower specificity: when
   the best rule of the store is at least as specific as the best built-in one, only the
   store's rules of that specificity are looked at further.
4. Rules left at the best specificity that name makers with different owners today disagree:
   the status is "conflict" and nothing is proposed, whatever their confidence (a wrong maker
   is worse than none). Rules naming the same maker under another name (an alias), or a maker
   and the company that owns it now, or two brands of one owner (Linear Technology and Analog
   Devices; Atmel and Microchip Technology), agree: they name one company as it stands today.
   Among agreeing rules the proposal comes from the one with the highest confidence, then the
   one naming a brand rather than its owner (it says more: Linear Technology, now part of
   Analog Devices), then the store's, then the first listed (in the rule file, the store's
   rules after the built-in ones).
5. A single rule of low confidence still proposes its maker, with confidence low.

The confidence of a proposal starts from the rule's and drops one level (high, medium, low)
for each doubt in the reading: letters of another script read as Latin in the part number,
and a line or word joined to the part number by guess (its shape, not a rule) when the rule's
match reaches into it.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from forensics_gui.core.errors import KnownError
from forensics_gui.core.hs import normalise_hs_code
from forensics_gui.core.markings import JOIN_GUESSED, MarkingReading, read_marking
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import search_key
from forensics_gui.core.patterns import PREFIX_LENGTH, CheckedPattern, checked_pattern
from forensics_gui.core.resources import asset_path

BUILT_IN, STORE = "built-in", "store"
IDENTIFIED, NOT_IDENTIFIED, CONFLICT = "identified", "not identified", "conflict"
CONFIDENCE_LEVELS = ("high", "medium", "low")
RULE_COLUMNS = ("rule_id", "maker", "pattern", "family", "category", "hs_code", "confidence",
                "source", "url", "notes")
_REQUIRED = ("rule_id", "maker", "pattern", "confidence")
_LONGEST_OWNER_CHAIN = 10


class RuleFileError(KnownError, ValueError):
    """A row of a rule or makers file (or a rule of the store) cannot be used: names where,
    which row and column, and what is wrong."""

    def __init__(self, where: str, row: int, column: str, problem: str) -> None:
        place = where + (f", row {row}" if row else "") + (f", column {column}" if column else "")
        super().__init__(f"{place}: {problem}")
        self.where, self.row, self.column, self.problem = where, row, column, problem


# ------------------------------------------------------------------ makers
@dataclass(frozen=True)
class Maker:
    """A maker as the makers table names it."""

    name: str
    now_part_of: str = ""
    country: str = ""
    aliases: tuple[str, ...] = ()
    notes: str = ""


class Makers(Mapping[str, Maker]):
    """The makers table: canonical name -> Maker, and the way from any of a maker's names to
    its canonical name and to the company that owns it today."""

    def __init__(self, makers: Iterable[Maker] = ()) -> None:
        self._by_name = {maker.name: maker for maker in makers}
        self._names: dict[str, str] = {}
        for maker in self._by_name.values():
            for name in (*maker.aliases, maker.name):  # a maker's own name beats an alias
                self._names[name_key(name)] = maker.name

    def __getitem__(self, name: str) -> Maker:
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def canonical(self, name: str) -> str:
        """The table's name for a maker named by any of its names (as given when unknown)."""
        name = " ".join(name.split())
        return self._names.get(name_key(name), name)

    def owner(self, name: str) -> str:
        """The company that owns the maker today, following takeovers to the last one; ""
        when the maker is independent or unknown."""
        current, seen = self.canonical(name), set()
        for _ in range(_LONGEST_OWNER_CHAIN):
            maker = self._by_name.get(current)
            if maker is None or not maker.now_part_of or current in seen:
                break
            seen.add(current)
            current = self.canonical(maker.now_part_of)
        return "" if current == self.canonical(name) else current

    def group(self, name: str, now_part_of: str = "") -> str:
        """A key equal for makers that are one company today (a maker, its aliases, its
        owner and the owner's other brands)."""
        top = now_part_of or name
        return name_key(self.owner(top) or self.canonical(top))


# ------------------------------------------------------------------ rules
@dataclass(frozen=True, kw_only=True)
class Rule:
    """One identification rule, as written in the rule file or the store."""

    rule_id: str
    maker: str
    now_part_of: str = ""
    pattern: str
    family: str = ""
    category: str = ""
    hs_code: str = ""
    confidence: str
    source: str = ""
    url: str = ""
    notes: str = ""
    origin: str = BUILT_IN


@dataclass(frozen=True)
class _Entry:
    """A rule made ready for matching."""

    rule: Rule
    regex: re.Pattern[str] = field(compare=False)
    prefixes: frozenset[str]
    specificity: float
    group: str
    brand: bool  # the rule names a maker owned by another company


@dataclass(frozen=True)
class _Match:
    entry: _Entry
    end: int

    @property
    def rank(self) -> tuple[float, int]:
        return (self.entry.specificity, self.end)


@dataclass(frozen=True)
class Identification:
    """What the rules propose for a marking or part number, and why."""

    query: str
    reading: MarkingReading
    part_number: str = ""
    status: str = NOT_IDENTIFIED
    maker: str = ""
    now_part_of: str = ""
    family: str = ""
    category: str = ""
    hs_code: str = ""
    confidence: str = ""
    rule: Rule | None = None
    reason: str = ""
    alternatives: tuple[Rule, ...] = ()
    matched: str = ""  # the characters of the part number's key the rule fits


class RuleSet:
    """Rules indexed by their literal beginnings, so that a key is tried against the few that
    can fit it rather than against all."""

    def __init__(self, entries: Sequence[_Entry] = (), makers: Makers | None = None, *,
                 indexed: bool = True) -> None:
        """`indexed` False tries every rule on every key (the baseline benchmarks compare)."""
        self._entries = tuple(entries)
        self.makers = makers if makers is not None else Makers()
        # (position in the set, entry): the position keeps the order the rules were given.
        self._by_prefix: dict[str, list[tuple[int, _Entry]]] = {}
        self._general: list[tuple[int, _Entry]] = []
        for position, entry in enumerate(self._entries):
            for prefix in entry.prefixes if indexed else ():
                self._by_prefix.setdefault(prefix, []).append((position, entry))
            if not (entry.prefixes and indexed):
                self._general.append((position, entry))

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(entry.rule for entry in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def unindexed(self) -> RuleSet:
        """The same rules, every one tried on every key (the baseline benchmarks compare)."""
        return RuleSet(self._entries, self.makers, indexed=False)

    def merged(self, *others: RuleSet) -> RuleSet:
        """These rules and the others' together (with the makers table of this set)."""
        return RuleSet(self._entries + tuple(e for other in others for e in other._entries),
                       self.makers)

    def matches(self, key: str) -> list[_Match]:
        """Every rule that fits the start of `key`, in the order the rules were given."""
        tried = dict(self._general)
        for length in range(1, min(PREFIX_LENGTH, len(key)) + 1):
            tried.update(self._by_prefix.get(key[:length], ()))
        found = []
        for _position, entry in sorted(tried.items()):
            hit = entry.regex.match(key)
            if hit is not None:
                found.append(_Match(entry, hit.end()))
        return found

    def match_length(self, key: str) -> int:
        """How many characters of `key` the rule that fits furthest covers (0: none fits)."""
        return max((found.end for found in self.matches(key)), default=0)

    def identify(self, text: str | None) -> Identification:
        """Read `text` (a marking or a part number) and propose a maker, or say why not."""
        query = text if isinstance(text, str) else ""
        reading = read_marking(query, self)
        blank = Identification(query, reading, reading.part_number)
        why = _unreadable(query, reading)
        if why:
            return _with(blank, reason=f"not identified: {why}")
        key = search_key(reading.part_number)
        found = self.matches(key)
        if not found:
            return _with(blank, reason=f"not identified: no rule fits {_shown(reading)}")
        best = _best(found)
        groups = {m.entry.group for m in best}
        if len(groups) > 1:
            return _with(blank, status=CONFLICT, reason=_disagreement(best, self.makers),
                         alternatives=tuple(m.entry.rule for m in best))
        return self._proposal(blank, best, key)

    def _proposal(self, blank: Identification, best: list[_Match], key: str) -> Identification:
        chosen = min(best, key=_preference)
        rule, reading = chosen.entry.rule, blank.reading
        maker = self.makers.canonical(rule.maker)
        owner = self.makers.canonical(rule.now_part_of) if rule.now_part_of else (
            self.makers.owner(maker))
        doubts = _doubts(reading, chosen.end)
        confidence = _lowered(rule.confidence, len(doubts))
        reason = _because(rule, maker, owner)
        if doubts:
            reason += f"; confidence lowered from {rule.confidence}: {' and '.join(doubts)}"
        return _with(blank, status=IDENTIFIED, maker=maker, now_part_of=owner,
                     family=rule.family, category=rule.category, hs_code=rule.hs_code,
                     confidence=confidence, rule=rule, reason=reason,
                     alternatives=tuple(m.entry.rule for m in best if m is not chosen),
                     matched=key[:chosen.end])


def _with(blank: Identification, **values: Any) -> Identification:
    return replace(blank, **values)


def _unreadable(query: str, reading: MarkingReading) -> str:
    if reading.problem:
        return reading.problem
    if not query.strip():
        return "nothing to identify"
    if not reading.part_number:
        return "no part number read from the marking (a part number holds letters and digits)"
    return ""


def _shown(reading: MarkingReading) -> str:
    number = reading.part_number
    return repr(number if len(number) <= 40 else number[:39] + "…")


def _best(found: list[_Match]) -> list[_Match]:
    """The matches of the best specificity, the store's alone when it has one there."""
    top = max(m.rank for m in found)
    best = [m for m in found if m.rank == top]
    store = [m for m in best if m.entry.rule.origin == STORE]
    return store or best


def _preference(found: _Match) -> tuple[int, bool, bool]:
    rule = found.entry.rule
    return (CONFIDENCE_LEVELS.index(rule.confidence), not found.entry.brand,
            rule.origin != STORE)


def _doubts(reading: MarkingReading, end: int) -> list[str]:
    doubts = []
    if reading.lookalikes:
        doubts.append("letters of another script were read as Latin")
    if reading.join == JOIN_GUESSED and end > reading.joined_at:
        doubts.append("the rule reaches into text joined to the part number by guess")
    return doubts


def _lowered(confidence: str, steps: int) -> str:
    at = min(CONFIDENCE_LEVELS.index(confidence) + steps, len(CONFIDENCE_LEVELS) - 1)
    return CONFIDENCE_LEVELS[at]


def rule_label(rule: Rule) -> str:
    """How a reason names a rule: 'rule st-stm32', or 'your rule STM32F7' for the store's."""
    return f"rule {rule.rule_id}" if rule.origin == BUILT_IN else f"your rule {rule.pattern}"


def rule_source(rule: Rule) -> str:
    """The rule's source without the maker's name it often starts with, for lines that name
    the maker already: "TDK, TDK-Lambda CC-E datasheet" gives "TDK-Lambda CC-E datasheet"."""
    return rule.source.removeprefix(f"{rule.maker}, ")


def _because(rule: Rule, maker: str, owner: str) -> str:
    what = rule.family or rule.category or f"part numbers starting {rule.pattern}"
    who = f"{maker}, now part of {owner}" if owner and owner != maker else maker
    source = rule_source(rule)
    return f"{what} ({rule_label(rule)}, {who}{', ' + source if source else ''})"


def _disagreement(best: list[_Match], makers: Makers) -> str:
    named = [f"{makers.canonical(m.entry.rule.maker)} ({rule_label(m.entry.rule)})"
             for m in best]
    listed = ", ".join(named[:-1]) + f" and {named[-1]}"
    return f"not identified: rules disagree: {listed}"


# ------------------------------------------------------------------ loading rules
def load_rules(rows: Iterable[Mapping[str, Any]], origin: str = BUILT_IN, *,
               where: str = "rules", first_row: int = 2,
               makers: Makers | None = None) -> RuleSet:
    """A rule set from rows of a rule file (dicts keyed by RULE_COLUMNS) or of the store
    (rule records as dicts: `id` for `rule_id`, `source` the source's title).

    Raises RuleFileError naming `where`, the row (counted as a spreadsheet does: the header is
    row 1; no row when `first_row` is 0, for a rule of the store named by `where`) and the
    column of the first value that cannot be used.
    """
    table = makers if makers is not None else builtin_makers()
    entries: list[_Entry] = []
    seen: set[str] = set()
    for index, row in enumerate(rows):
        number = first_row + index if first_row else 0
        entry = _rule(row, origin, table, lambda column, problem, n=number: RuleFileError(
            where, n, column, problem))
        rule = entry.rule
        if rule.rule_id in seen:
            raise RuleFileError(where, number, "rule_id", f"{rule.rule_id!r} is used by an "
                                                          "earlier row; give each rule its own")
        seen.add(rule.rule_id)
        entries.append(entry)
    return RuleSet(entries, table)


def _text(row: Mapping[str, Any], column: str) -> str:
    value = row.get(column)
    return "" if value is None else " ".join(str(value).split())


def _rule(row: Mapping[str, Any], origin: str, makers: Makers, error: Any) -> _Entry:
    values = {column: _text(row, column) for column in RULE_COLUMNS}
    values["rule_id"] = values["rule_id"] or _text(row, "id")
    values["now_part_of"] = _text(row, "now_part_of")
    for column in _REQUIRED:
        if not values[column]:
            raise error(column, "is empty; every rule needs one")
    try:
        checked = checked_pattern(str(row.get("pattern")))
    except ValueError as problem:
        raise error("pattern", str(problem)) from None
    values["pattern"] = checked.text
    values["confidence"] = values["confidence"].lower()
    if values["confidence"] not in CONFIDENCE_LEVELS:
        raise error("confidence", f"{values['confidence'][:40]!r} is not one of "
                                  f"{', '.join(CONFIDENCE_LEVELS)}")
    if values["hs_code"]:
        try:
            values["hs_code"] = normalise_hs_code(values["hs_code"])
        except KnownError as problem:
            raise error("hs_code", getattr(problem, "reason", str(problem))) from None
    return _entry(Rule(**values, origin=origin), checked, makers)


def _entry(rule: Rule, checked: CheckedPattern, makers: Makers) -> _Entry:
    maker = makers.canonical(rule.maker)
    brand = bool(rule.now_part_of or makers.owner(maker))
    return _Entry(rule, checked.regex, checked.facts.prefixes, checked.facts.specificity,
                  makers.group(maker, rule.now_part_of), brand)


def _csv_rows(path: Path, wanted: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file as dicts keyed by the header's names (stripped, lower
    case); RuleFileError when a column of `wanted` is missing from the header."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or ()]
        for column in wanted:
            if column not in reader.fieldnames:
                raise RuleFileError(path.name, 1, column, "the column is missing from the "
                                                          "header")
        return list(reader)


def read_csv_rules(path: Path, origin: str = BUILT_IN, *,
                   makers: Makers | None = None) -> RuleSet:
    """The rules of a rule file (columns RULE_COLUMNS; rule_id, maker, pattern and confidence
    required). Raises RuleFileError naming the file, row and column of what cannot be used."""
    rows = _csv_rows(path, _REQUIRED)
    return load_rules(rows, origin, where=path.name, makers=makers)


@functools.cache
def builtin_makers() -> Makers:
    """The makers table that ships with the application (read once)."""
    path = asset_path("data", "identification", "makers.csv")
    makers = []
    for number, row in enumerate(_csv_rows(path, ("maker",)), start=2):
        name = _text(row, "maker")
        if not name:
            raise RuleFileError(path.name, number, "maker", "is empty; every row names a maker")
        aliases = tuple(a.strip() for a in _text(row, "aliases").split(";") if a.strip())
        makers.append(Maker(name, _text(row, "now_part_of"), _text(row, "country"), aliases,
                            _text(row, "notes")))
    return Makers(makers)


def makers() -> Makers:
    """The makers table (makers.csv): name -> Maker (owner today, country, aliases)."""
    return builtin_makers()


@functools.cache
def builtin_rules() -> RuleSet:
    """The rules that ship with the application (rules.csv), read and checked once.

    Raises RuleFileError naming the row and column of a rule that cannot be used, or saying
    that the file is missing.
    """
    path = asset_path("data", "identification", "rules.csv")
    if not path.is_file():
        raise RuleFileError(path.name, 0, "", "the application's rule file is missing; "
                                              "install the application again")
    return read_csv_rules(path)


def identify(text: str | None, rules: RuleSet | None = None) -> Identification:
    """`RuleSet.identify` with the built-in rules unless others are given."""
    return (rules if rules is not None else builtin_rules()).identify(text)
