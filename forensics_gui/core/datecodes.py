"""Date codes printed on component packages: which production period they may mean.

A date code is read in every supported format that matches it; each valid interpretation is a
:class:`DateCodeReading`. Several readings mean the code is ambiguous (a one-digit year, or two
formats asked for that collide), and the result says so instead of picking one.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

# Week formats first, then month formats; WWYY is supported but never tried by default because
# it reads every YYWW code differently.
FORMATS: tuple[str, ...] = (
    "YYYYWW", "YYYY-WW", "YYWW", "YWW", "MM/YYYY", "YYYY-MM", "MM/YY", "YYYY.MM", "WWYY",
)
DEFAULT_FORMATS: tuple[str, ...] = FORMATS[:-1]

# Integrated circuits carry date codes since the 1960s; anything outside is a misread.
MIN_YEAR = 1960
MAX_YEAR = 2099
# The decade of a one-digit year is guessed from here on.
FIRST_DECADE = 1990
# Longer input is certainly not a date code; refusing it early keeps the messages short.
MAX_LENGTH = 40


@dataclass(frozen=True)
class DateCodeReading:
    """One interpretation of a date code: a production period."""

    format: str
    year: int
    week: int | None
    month: int | None
    start: date
    end: date

    def describe(self) -> str:
        """Human-readable text, e.g. 'YYWW: 2022 week 29 (July 2022)'."""
        if self.week is None:
            return f"{self.format}: {_month_name(self.start)}"
        return f"{self.format}: {self.year} week {self.week} ({_span_text(self.start, self.end)})"


@dataclass(frozen=True)
class DateCodeResult:
    """Every reading of one date code, with an explanation for the user."""

    raw: str
    readings: tuple[DateCodeReading, ...]
    lot_suffix: str = ""
    message: str = ""

    @property
    def is_ambiguous(self) -> bool:
        """More than one reading is possible."""
        return len(self.readings) > 1

    @property
    def is_readable(self) -> bool:
        """At least one reading is possible."""
        return bool(self.readings)

    @property
    def reading(self) -> DateCodeReading | None:
        """The single reading, or None when there are none or several."""
        return self.readings[0] if len(self.readings) == 1 else None

    @property
    def period(self) -> tuple[date, date] | None:
        """(start, end) of the single reading, or None when there are none or several."""
        single = self.reading
        return None if single is None else (single.start, single.end)


@dataclass(frozen=True)
class _Context:
    not_after: date | None
    reference: date
    # A lot suffix is looked for only when no format reads the code as it stands, so that
    # '2021-03' is March 2021 rather than 2020 week 21 of lot '03'.
    with_suffix: bool = False


@dataclass
class _Attempt:
    """What one format made of the code: readings, or the reasons why there are none."""

    readings: list[DateCodeReading] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    lot_suffix: str = ""


def _month_name(day: date) -> str:
    return f"{calendar.month_name[day.month]} {day.year}"


def _span_text(start: date, end: date) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return _month_name(start)
    if start.year == end.year:
        return f"{calendar.month_name[start.month]}/{_month_name(end)}"
    return f"{_month_name(start)}/{_month_name(end)}"


def _year_problem(fmt: str, year: int) -> str | None:
    if MIN_YEAR <= year <= MAX_YEAR:
        return None
    return f"{fmt}: year {year} is outside {MIN_YEAR}..{MAX_YEAR}"


def _week_reading(fmt: str, year: int, week: int) -> DateCodeReading | str:
    problem = _year_problem(fmt, year)
    if problem:
        return problem
    weeks = date(year, 12, 28).isocalendar().week
    if not 1 <= week <= weeks:
        return f"{fmt}: week {week} does not exist in {year} (weeks 1..{weeks})"
    start = date.fromisocalendar(year, week, 1)
    return DateCodeReading(fmt, year, week, None, start, start + timedelta(days=6))


def _month_reading(fmt: str, year: int, month: int) -> DateCodeReading | str:
    problem = _year_problem(fmt, year)
    if problem:
        return problem
    if not 1 <= month <= 12:
        return f"{fmt}: month {month} is not 1..12"
    last = calendar.monthrange(year, month)[1]
    return DateCodeReading(fmt, year, None, month, date(year, month, 1), date(year, month, last))


def _attempt(*outcomes: DateCodeReading | str, lot_suffix: str = "") -> _Attempt:
    found = _Attempt(lot_suffix=lot_suffix)
    for outcome in outcomes:
        if isinstance(outcome, DateCodeReading):
            found.readings.append(outcome)
        else:
            found.problems.append(outcome)
    return found


def _two_digit_year(yy: int, ctx: _Context) -> int:
    # Only a known latest date (the recovery date) can say a 20YY year is impossible.
    year = 2000 + yy
    if ctx.not_after is not None and year > ctx.not_after.year:
        return 1900 + yy
    return year


_RE_YYYYWW = re.compile(r"(\d{4})(\d{2})")
_RE_ISO_WEEK = re.compile(r"(\d{4})-?W(\d{2})", re.IGNORECASE)
_RE_FOUR = re.compile(r"(\d{2})(\d{2})")
# A lot suffix directly after the date must start with a letter: '202220' is YYYYWW, not
# YYWW with lot '20'. After a separator it may be anything.
_RE_SUFFIXED = re.compile(r"(\d{2})(\d{2})(?:[\s\-/.]+([A-Z0-9]{1,4})|([A-Z][A-Z0-9]{0,3}))",
                          re.IGNORECASE)
_RE_YWW = re.compile(r"(\d)(\d{2})")
_RE_MM_YYYY = re.compile(r"(\d{1,2})/(\d{4})")
_RE_YYYY_MM = re.compile(r"(\d{4})-(\d{1,2})")
_RE_MM_YY = re.compile(r"(\d{1,2})/(\d{2})")
_RE_YYYY_DOT_MM = re.compile(r"(\d{4})\.(\d{1,2})")


def _when(pattern: re.Pattern[str], text: str,
          build: Callable[[re.Match[str]], _Attempt]) -> _Attempt | None:
    found = pattern.fullmatch(text)
    return None if found is None else build(found)


def _suffix(found: re.Match[str]) -> str:
    return "".join(group or "" for group in found.groups()[2:])


def _four_digit_pattern(ctx: _Context) -> re.Pattern[str]:
    return _RE_SUFFIXED if ctx.with_suffix else _RE_FOUR


def _parse_yyyyww(text: str, ctx: _Context) -> _Attempt | None:
    return _when(_RE_YYYYWW, text,
                 lambda m: _attempt(_week_reading("YYYYWW", int(m[1]), int(m[2]))))


def _parse_iso_week(text: str, ctx: _Context) -> _Attempt | None:
    return _when(_RE_ISO_WEEK, text,
                 lambda m: _attempt(_week_reading("YYYY-WW", int(m[1]), int(m[2]))))


def _parse_yyww(text: str, ctx: _Context) -> _Attempt | None:
    def build(m: re.Match[str]) -> _Attempt:
        year = _two_digit_year(int(m[1]), ctx)
        return _attempt(_week_reading("YYWW", year, int(m[2])), lot_suffix=_suffix(m))
    return _when(_four_digit_pattern(ctx), text, build)


def _parse_wwyy(text: str, ctx: _Context) -> _Attempt | None:
    def build(m: re.Match[str]) -> _Attempt:
        year = _two_digit_year(int(m[2]), ctx)
        return _attempt(_week_reading("WWYY", year, int(m[1])), lot_suffix=_suffix(m))
    return _when(_four_digit_pattern(ctx), text, build)


def _yww_years(digit: int, ctx: _Context) -> list[int]:
    last = ctx.reference.year
    return [d + digit for d in range(FIRST_DECADE, last + 1, 10) if d + digit <= last]


def _parse_yww(text: str, ctx: _Context) -> _Attempt | None:
    def build(m: re.Match[str]) -> _Attempt:
        digit, week = int(m[1]), int(m[2])
        years = _yww_years(digit, ctx)
        if not years:
            last = ctx.reference.year
            return _attempt(f"YWW: no year ending in {digit} from {FIRST_DECADE} to {last}")
        return _attempt(*(_week_reading("YWW", year, week) for year in years))
    return _when(_RE_YWW, text, build)


def _parse_mm_yyyy(text: str, ctx: _Context) -> _Attempt | None:
    return _when(_RE_MM_YYYY, text,
                 lambda m: _attempt(_month_reading("MM/YYYY", int(m[2]), int(m[1]))))


def _parse_yyyy_mm(text: str, ctx: _Context) -> _Attempt | None:
    return _when(_RE_YYYY_MM, text,
                 lambda m: _attempt(_month_reading("YYYY-MM", int(m[1]), int(m[2]))))


def _parse_mm_yy(text: str, ctx: _Context) -> _Attempt | None:
    return _when(_RE_MM_YY, text, lambda m: _attempt(
        _month_reading("MM/YY", _two_digit_year(int(m[2]), ctx), int(m[1]))))


def _parse_yyyy_dot_mm(text: str, ctx: _Context) -> _Attempt | None:
    return _when(_RE_YYYY_DOT_MM, text,
                 lambda m: _attempt(_month_reading("YYYY.MM", int(m[1]), int(m[2]))))


_PARSERS: dict[str, Callable[[str, _Context], _Attempt | None]] = {
    "YYYYWW": _parse_yyyyww, "YYYY-WW": _parse_iso_week, "YYWW": _parse_yyww,
    "YWW": _parse_yww, "MM/YYYY": _parse_mm_yyyy, "YYYY-MM": _parse_yyyy_mm,
    "MM/YY": _parse_mm_yy, "YYYY.MM": _parse_yyyy_dot_mm, "WWYY": _parse_wwyy,
}


def _chosen_formats(formats: Sequence[str] | None) -> tuple[str, ...]:
    if formats is None:
        return DEFAULT_FORMATS
    # A lone string is a Sequence[str] too; iterating it would give single letters.
    chosen = (formats,) if isinstance(formats, str) else tuple(formats)
    unknown = [name for name in chosen if name not in _PARSERS]
    if unknown:
        raise ValueError(f"unknown date-code formats {unknown}; supported: {', '.join(FORMATS)}")
    return chosen


def _clean(code: str) -> str:
    # NFKC turns full-width digits and letters into ASCII ones.
    return unicodedata.normalize("NFKC", code).strip()


def _shown(text: str) -> str:
    return repr(text if len(text) <= 20 else text[:20] + "...")


def _unreadable(raw: str, message: str) -> DateCodeResult:
    return DateCodeResult(raw=raw, readings=(), message=message)


def _merge(attempts: list[_Attempt]) -> _Attempt:
    merged = _Attempt()
    periods: set[tuple[date, date]] = set()
    for found in attempts:
        merged.problems.extend(found.problems)
        merged.lot_suffix = merged.lot_suffix or found.lot_suffix
        for reading in found.readings:
            # Two formats naming the same period are one reading, not an ambiguity.
            if (reading.start, reading.end) not in periods:
                periods.add((reading.start, reading.end))
                merged.readings.append(reading)
    return merged


def _drop_late(merged: _Attempt, not_after: date | None) -> list[DateCodeReading]:
    if not_after is None:
        return []
    late = [r for r in merged.readings if r.start > not_after]
    merged.readings = [r for r in merged.readings if r.start <= not_after]
    return late


def _readings_text(merged: _Attempt) -> str:
    text = "; ".join(r.describe() for r in merged.readings)
    if len(merged.readings) > 1:
        text = f"ambiguous, {len(merged.readings)} possible readings: {text}"
    if merged.lot_suffix:
        text += f" (lot suffix {merged.lot_suffix})"
    return text


def _message(merged: _Attempt, late: list[DateCodeReading], not_after: date | None) -> str:
    if not late:
        if merged.readings:
            return _readings_text(merged)
        return "unreadable: " + "; ".join(merged.problems)
    dropped = f"after {not_after}: " + "; ".join(r.describe() for r in late)
    if merged.readings:
        return f"{_readings_text(merged)}; ignored as {dropped}"
    return f"unreadable: every reading starts {dropped}"


def _as_text(code: object) -> str:
    # Callers sometimes hand over None or a number from a spreadsheet cell.
    if isinstance(code, str):
        return code
    return "" if code is None else str(code)


def _as_day(not_after: date | None) -> date | None:
    # A datetime is a date, but comparing one with a date raises TypeError.
    return not_after.date() if isinstance(not_after, datetime) else not_after


def _attempts(text: str, chosen: tuple[str, ...], ctx: _Context) -> list[_Attempt]:
    found = (_PARSERS[name](text, ctx) for name in chosen)
    return [attempt for attempt in found if attempt is not None]


def _attempts_with_fallback(text: str, chosen: tuple[str, ...], ctx: _Context) -> list[_Attempt]:
    return _attempts(text, chosen, ctx) or _attempts(text, chosen, replace(ctx, with_suffix=True))


def _result(raw: str, attempts: list[_Attempt], not_after: date | None) -> DateCodeResult:
    merged = _merge(attempts)
    late = _drop_late(merged, not_after)
    suffix = merged.lot_suffix if merged.readings else ""
    return DateCodeResult(raw, tuple(merged.readings), suffix, _message(merged, late, not_after))


def parse_date_code(code: str, *, not_after: date | None = None,
                    formats: Sequence[str] | None = None) -> DateCodeResult:
    """Read a date code in every format that matches it and return all valid readings.

    `not_after` is the latest possible production date (e.g. the recovery date): readings that
    start after it are dropped, two-digit years after its year are read as 19YY, and it ends
    the range of decades for a one-digit year (today when not given). `formats` restricts the
    formats tried (default: every format in FORMATS except WWYY). Never raises on any string;
    raises ValueError only for an unknown format name.
    """
    chosen = _chosen_formats(formats)
    raw, not_after = _as_text(code), _as_day(not_after)
    if not raw.strip():
        return _unreadable(raw, "no date code")
    if len(raw) > MAX_LENGTH:
        return _unreadable(raw, f"unreadable: {len(raw)} characters is too long for a date code")
    text = _clean(raw)
    ctx = _Context(not_after, not_after or date.today())
    attempts = _attempts_with_fallback(text, chosen, ctx)
    if not attempts:
        return _unreadable(raw, f"unreadable: {_shown(text)} matches none of the formats "
                                f"{', '.join(chosen)}")
    return _result(raw, attempts, not_after)


def describe(result: DateCodeResult) -> str:
    """The explanation of a parsed date code, for a tooltip or a report line."""
    return result.message
