"""Reading a marking as typed off a component: its part number, date code, lot and origin.

Field teams type what is printed, line by line ("STM32F765 / VIT6 / CHN 2214"): a logo word,
the part number (often broken over two lines), a date code, a lot or trace code, the country
of assembly. `read_marking` takes it apart and says how (`MarkingReading.notes`), so that the
user can check the reading before accepting anything read from it.

How a marking is read:

- Lines are split on line breaks and on a slash or bar with spaces around it (" / ", " | ");
  tokens on spaces. Only the first MAX_CHARACTERS characters and MAX_LINES lines are read.
- Letters of other scripts that look like Latin ones (Cyrillic С, Greek Τ ...) in a token that
  is otherwise Latin letters and digits are read as Latin, and a note says so.
- A token is an origin (CHN, MALAYSIA, a line "MADE IN ..."), a date code (`datecodes`: 2214,
  214, 202214, #1944, or 2229C: a date code with a lot suffix), a mark (e3, G4, ARM, ESD, logo
  words), a word (letters only) or a code (letters and digits).
- The part number is the first code with at least four letters and digits, one of them a
  letter (a number of five digits or more when there is none). Its rest may follow: the next
  token, when it ends its line or is alone on the next line, is short (letters: up to 4;
  letters and digits: up to 6, at most 3 of them digits) and is no date, origin or mark. Its
  start may come before it: a word of 2 to 5 letters just before a number that starts with a
  digit, on its line (Traco Power's "TEN 5-2411WI"). Given rules, such a join is made when
  the rules fit the joined number over more characters, and not made when they fit it over
  fewer; otherwise (and without rules) the shape decides (a rest only after a number ending
  with a digit or a dash), and the reading says that this is a guess. A join within a line
  keeps the space printed; a rest on the next line is joined without the line break.
- The first remaining code is the lot; everything else is `other`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from forensics_gui.core.datecodes import parse_date_code
from forensics_gui.core.partnumbers import search_key

MAX_CHARACTERS = 500
MAX_LINES = 12

JOIN_BY_RULE = "rule"
JOIN_GUESSED = "guess"

# Origin marks as printed on packages (ISO 3166 alpha-3 codes and names).
COUNTRY_WORDS = frozenset({
    "CHN", "CHINA", "MYS", "MALAYSIA", "PHL", "PHILIPPINES", "TWN", "TAIWAN", "KOR", "KOREA",
    "THA", "THAILAND", "JPN", "JAPAN", "VNM", "VIETNAM", "IDN", "INDONESIA", "SGP",
    "SINGAPORE", "USA", "MEX", "MEXICO", "DEU", "GERMANY", "FRA", "FRANCE", "ITA", "ITALY",
    "MAR", "MOROCCO", "ISR", "ISRAEL", "IND", "INDIA", "HKG", "CRI", "GBR", "ENGLAND", "AUT",
    "AUSTRIA", "MLT", "MALTA", "KHM", "CAMBODIA",
})
# Words printed beside the number that are never part of it: logos, approvals, lead-free.
MARK_WORDS = frozenset({
    "ARM", "ESD", "ROHS", "LF", "PB", "PBF", "LOGO", "ST", "TI", "ADI", "NXP", "JEDEC", "MSL",
    "HF", "GREEN", "TM", "R", "C",
})
_MADE_IN = re.compile(r"(?:MADE|ASSEMBLED|ASSY|PRODUCED)\s+IN\s+(.+)", re.IGNORECASE)
_LEAD_FREE = re.compile(r"[EG][0-9]")
_DATE_TOKEN = re.compile(r"#?([0-9]{3,6})([A-Z][A-Z0-9]{0,3})?")
_WEEK_FORMATS = ("YYYYWW", "YYWW", "YWW")
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\u2028\u2029]|\s+/+\s+|\s+\|\s+")
_SIGNS = str.maketrans("", "", "\u2122\u00ae\u00a9\u2117")  # ™ ® © ℗
# Control characters, and invisible ones (soft hyphen, zero-width spaces, bidirectional
# controls, byte-order mark), and halves of characters that are not text.
_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e"
                      r"\u2060-\u2064\u2066-\u206f\ufeff\ud800-\udfff]")

COUNTRY, DATE, MARK, WORD, CODE = "country", "date", "mark", "word", "code"


class RuleMatcher(Protocol):
    """What reading needs of a rule set: how many characters of a key its best rule fits."""

    def match_length(self, key: str) -> int: ...


@dataclass(frozen=True)
class MarkingReading:
    """What was read from a marking, and how (`notes`)."""

    text: str  # as typed
    lines: tuple[str, ...] = ()
    part_number: str = ""  # as printed (look-alikes read as Latin), its rest joined
    date_code: str = ""
    lot_code: str = ""
    country: str = ""
    other: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    problem: str = ""  # why nothing was read (a control character), else ""
    lookalikes: bool = False  # the part number held letters of another script read as Latin
    join: str = ""  # how its rest was joined: JOIN_BY_RULE, JOIN_GUESSED or "" (not joined)
    joined_at: int = 0  # key characters of the part number before the rest joined


@dataclass
class _Token:
    text: str  # as printed, look-alikes read as Latin
    key: str
    line: int  # counted from 1
    alone: bool  # the only token of its line
    last: bool  # the last token of its line
    kind: str = ""
    date: str = ""
    lot: str = ""
    lookalikes: bool = False


@dataclass
class _Reading:
    part: _Token | None = None
    start: _Token | None = None  # a word before the number, read as its start
    rest: _Token | None = None  # a token after the number, read as its rest
    start_join: str = ""
    rest_join: str = ""
    notes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)

    def number(self) -> str:
        """The part number as printed: a start keeps its space, a rest on the same line its
        space, a rest on the next line is joined without the line break."""
        if self.part is None:
            return ""
        text = f"{self.start.text} {self.part.text}" if self.start else self.part.text
        if self.rest is None:
            return text
        return f"{text} {self.rest.text}" if self.rest.line == self.part.line else (
            text + self.rest.text)

    def join(self) -> tuple[str, int]:
        """(how the number was joined: the doubtful way if either was a guess; how many
        characters of its key came before the doubt (0: all of them in doubt))."""
        hows = (self.start_join, self.rest_join)
        how = JOIN_GUESSED if JOIN_GUESSED in hows else (JOIN_BY_RULE if any(hows) else "")
        if self.start_join == JOIN_GUESSED or not how:
            return how, 0
        before = (self.start.key if self.start else "") + (self.part.key if self.part else "")
        return how, len(before)


# ------------------------------------------------------------------ problems
def marking_problem(text: str) -> str:
    """Why a marking cannot be read (it holds a control or invisible character, named with
    its position counted from 1), or "" when it can."""
    found = _REFUSED.search(text)
    if found is None:
        return ""
    return (f"the marking holds a control character (U+{ord(found.group()):04X}) at position "
            f"{found.start() + 1}")


def check_marking(text: str) -> None:
    """Raise ValueError when a marking holds a control or invisible character."""
    problem = marking_problem(text)
    if problem:
        raise ValueError(f"{problem}; remove it (copied text often carries them)")


# ------------------------------------------------------------------ reading
def read_marking(text: str | None, rules: RuleMatcher | None = None) -> MarkingReading:
    """Read a marking as typed into its part number, date code, lot and origin.

    Never raises: a marking holding a control character is not read, and `problem` says
    which and where. `rules`, when given, decide whether a short line after the part number
    is its rest (see the module's description).
    """
    raw = text if isinstance(text, str) else ("" if text is None else str(text))
    notes: list[str] = []
    cut = _first_characters(raw, notes)
    problem = marking_problem(cut)
    if problem:
        return MarkingReading(raw, notes=(problem,), problem=problem)
    lines = _lines(_plain(cut, notes), notes)
    tokens = _tokens(lines, notes)
    reading = _Reading(notes=notes)
    reading.countries = [found.group(1).strip() for line in lines
                         if (found := _MADE_IN.fullmatch(line))]
    _choose_part(tokens, reading, rules)
    return _result(raw, lines, tokens, reading)


def _first_characters(raw: str, notes: list[str]) -> str:
    if len(raw) <= MAX_CHARACTERS:
        return raw
    cut = raw[:MAX_CHARACTERS]
    notes.append(f"only the first {MAX_CHARACTERS} of {len(raw):,} characters were read")
    return cut


def _plain(text: str, notes: list[str]) -> str:
    text = text.translate(_SIGNS)
    if text.isascii():
        return text
    plain = unicodedata.normalize("NFKC", text)
    if plain != unicodedata.normalize("NFC", text):
        notes.append("full-width or other special forms of characters read as plain ones")
    return plain


def _lines(text: str, notes: list[str]) -> tuple[str, ...]:
    lines = [line.strip() for line in _LINE_BREAKS.split(text)]
    lines = [line for line in lines if line]
    if len(lines) > MAX_LINES:
        notes.append(f"only the first {MAX_LINES} of {len(lines):,} lines were read")
    return tuple(lines[:MAX_LINES])


def _tokens(lines: tuple[str, ...], notes: list[str]) -> list[_Token]:
    tokens: list[_Token] = []
    for number, line in enumerate(lines, start=1):
        if _MADE_IN.fullmatch(line):
            continue
        words = line.split()
        folded: dict[str, list[str]] = {}
        for index, word in enumerate(words):
            token = _token(word, number, len(words) == 1, index == len(words) - 1, folded)
            tokens.append(token)
        notes += [_lookalike_note(script, letters, number) for script, letters in folded.items()]
    return tokens


def _token(word: str, line: int, alone: bool, last: bool,
           folded: dict[str, list[str]]) -> _Token:
    text, lookalikes = _as_latin(word, folded)
    token = _Token(text, search_key(text), line, alone, last, lookalikes=lookalikes)
    _classify(token)
    return token


def _as_latin(word: str, folded: dict[str, list[str]]) -> tuple[str, bool]:
    """The word with look-alike letters of other scripts read as Latin, when every letter of
    it is Latin or such a look-alike (a word of another script is left as it is)."""
    if word.isascii():
        return word, False
    latin = {ch: search_key(ch) for ch in set(word) if not ch.isascii() and ch.isalpha()}
    if not latin or not all(len(k) == 1 and k.isascii() for k in latin.values()):
        return word, False
    for ch in sorted(latin, key=word.index):
        script = unicodedata.name(ch, "OTHER").split()[0].title()
        folded.setdefault(script, []).append(ch)
    return "".join(latin.get(ch, ch) for ch in word), True


def _lookalike_note(script: str, letters: list[str], line: int) -> str:
    shown = ", ".join(dict.fromkeys(letters))
    latin = ", ".join(dict.fromkeys(search_key(ch) for ch in letters))
    return f"{script} {shown} read as Latin {latin} in line {line}"


def _classify(token: _Token) -> None:
    key, upper = token.key, token.text.upper()
    if upper in COUNTRY_WORDS:
        token.kind = COUNTRY
    elif not key or key in MARK_WORDS or _LEAD_FREE.fullmatch(key):
        token.kind = MARK
    elif _read_date(token):
        token.kind = DATE
    elif key.isalpha():
        token.kind = WORD
    else:
        token.kind = CODE


def _read_date(token: _Token) -> bool:
    found = _DATE_TOKEN.fullmatch(token.text.upper())
    if found is None:
        return False
    digits, suffix = found.group(1), found.group(2) or ""
    if suffix and len(digits) != 4:
        return False
    if not _readable_date(digits):
        return False
    token.date, token.lot = digits, suffix
    return True


@lru_cache(maxsize=4096)
def _readable_date(digits: str) -> bool:
    # Reading a date code is slow next to everything else here, and the same few hundred
    # codes come back again and again.
    return parse_date_code(digits, formats=_WEEK_FORMATS).is_readable


# ------------------------------------------------------------------ the part number
def _is_part(token: _Token, first: bool) -> bool:
    if token.kind == CODE:
        return len(token.key) >= 4 and not token.key.isdigit()
    # A date code with a lot suffix ("7805CT") opening the marking is rather a number.
    return first and token.kind == DATE and bool(token.lot)


def _choose_part(tokens: list[_Token], reading: _Reading, rules: RuleMatcher | None) -> None:
    at = next((i for i, t in enumerate(tokens) if _is_part(t, i == 0)), None)
    if at is None:
        at = next((i for i, t in enumerate(tokens)
                   if t.kind == CODE and t.key.isdigit() and len(t.key) >= 5), None)
    if at is None:
        if tokens:
            reading.notes.append("no part number found: a part number holds letters and "
                                 "digits")
        return
    reading.part = tokens[at]
    reading.part.kind = CODE
    if at > 0:
        _join_start(reading, tokens[at - 1], rules)
    if at + 1 < len(tokens):
        _join_rest(reading, tokens[at + 1], rules)


def _decide(alone: str, joined: str, rules: RuleMatcher | None) -> str:
    """JOIN_BY_RULE when the rules fit `joined` further than `alone`, "" when they fit it
    less far, else JOIN_GUESSED (the shape, which the caller checked, decides)."""
    if rules is None:
        return JOIN_GUESSED
    fits_alone, fits_joined = rules.match_length(alone), rules.match_length(joined)
    if fits_joined != fits_alone:
        return JOIN_BY_RULE if fits_joined > fits_alone else ""
    return JOIN_GUESSED


def _join_start(reading: _Reading, start: _Token, rules: RuleMatcher | None) -> None:
    """A short word before a number starting with a digit, on its line, may be the number's
    start: Traco Power's TEN 5-2411WI is printed with the space."""
    part = reading.part
    assert part is not None
    if not (start.line == part.line and start.kind == WORD and 2 <= len(start.key) <= 5
            and part.key[:1].isdigit()):
        return
    how = _decide(part.key, start.key + part.key, rules)
    where = f"{start.text!r} before the part number in line {part.line}"
    if not how:
        reading.notes.append(f"{where} not read as its start: the rules fit {part.key} "
                             "better alone")
        return
    reading.start, reading.start_join = start, how
    reading.notes.append(f"{where} read as its start" + (
        ": a rule fits the joined number further" if how == JOIN_BY_RULE else
        " (a guess from its shape)"))


def _may_be_rest(part: _Token, rest: _Token) -> bool:
    placed = (rest.line == part.line and rest.last) or (rest.line == part.line + 1
                                                        and rest.alone)
    if not placed:
        return False
    if part.text.endswith("-"):
        return rest.kind in (CODE, WORD, DATE)
    if rest.kind == WORD:
        return 2 <= len(rest.key) <= 4
    digits = sum(ch.isdigit() for ch in rest.key)
    # A package and grade code (VIT6, CLG400) holds a few digits; a number of its own more.
    return rest.kind == CODE and 2 <= len(rest.key) <= 6 and digits <= 3 and (
        not rest.key.isdigit())


def _join_rest(reading: _Reading, rest: _Token, rules: RuleMatcher | None) -> None:
    part = reading.part
    assert part is not None
    if not _may_be_rest(part, rest):
        return
    where = (f"line {rest.line}" if rest.line != part.line
             else f"{rest.text!r} after the part number in line {rest.line}")
    before = reading.start.key + part.key if reading.start else part.key
    how = _decide(before, before + rest.key, rules)
    if how == JOIN_GUESSED and not (part.key[-1:].isdigit() or part.text.endswith("-")):
        return
    if not how:
        reading.notes.append(f"{where} not read as the rest of the part number: the rules "
                             f"fit {before} better alone")
        return
    reading.rest, reading.rest_join = rest, how
    reading.notes.append(f"{where} read as the rest of the part number" + (
        ": a rule fits the joined number further" if how == JOIN_BY_RULE else
        " (a guess from its shape)"))


# ------------------------------------------------------------------ the result
def _result(raw: str, lines: tuple[str, ...], tokens: list[_Token],
            reading: _Reading) -> MarkingReading:
    part, rest, start = reading.part, reading.rest, reading.start
    date = lot = country = ""
    suffix_of = ""
    other: list[str] = []
    for token in tokens:
        if token is part or token is rest or token is start:
            continue
        if token.kind == DATE and not date:
            date, suffix_of = token.date, token.lot and token.text
            if token.lot:
                reading.notes.append(f"{token.text!r} read as date code {token.date} with lot "
                                     f"suffix {token.lot}")
        elif token.kind == COUNTRY and not country:
            country = token.text
        elif token.kind == CODE and not lot and len(token.key) >= 3:
            lot = token.text
        else:
            other.append(token.text)
    if not lot and suffix_of:
        lot = _DATE_TOKEN.fullmatch(suffix_of.upper()).group(2)  # type: ignore[union-attr]
    country = country or (reading.countries[0] if reading.countries else "")
    how, joined_at = reading.join()
    return MarkingReading(
        raw, lines, reading.number(), date, lot, country, tuple(other), tuple(reading.notes),
        lookalikes=any(t is not None and t.lookalikes for t in (part, rest, start)),
        join=how, joined_at=joined_at)
