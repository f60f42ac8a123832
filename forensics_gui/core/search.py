"""What the search box indexes and how it ranks, without a database.

Every searchable text of a record (a part number, each line of a marking, an organization's
name and each alias, a case reference ...) becomes a *term*: the text as written, its search
key (see `partnumbers.search_key`: case, separators and look-alike scripts ignored) and its
confusable key (often-misread characters folded). The store indexes terms by trigrams so that a
substring of a key is found without reading every row.

A query is ranked in tiers: exact key, key prefix, key substring, then a misread match (the
confusable keys match where the keys do not). Within the part tier, ordering-code families (a
base number with its package and temperature variants) are kept together.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from typing import Any

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.markings import read_marking
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import (
    confusable_key,
    confusable_of_key,
    may_be_misread,
    search_key,
)

# Kinds the search box looks through, in the order their groups are shown.
SEARCH_KINDS = ("part", "finding", "org", "system", "item", "source")

# Where each kind's terms come from: (field label, attribute, is a list).
TERM_SOURCES: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "part": (("part number", "part_number", False),),
    "finding": (("marking", "marking", False),),
    "org": (("name", "name", False), ("alias", "aliases", True),
            ("former name", "former_names", True), ("identifier", "identifiers", True)),
    "system": (("name", "name", False), ("alias", "aliases", True)),
    "item": (("case reference", "case_reference", False), ("serial", "serial_number", False)),
    "source": (("title", "title", False), ("reference", "reference", False)),
}

# "successor": took over (or is the new name of) a company found; "predecessor": was taken
# over by one. Succession runs one way: companies taken over by the same successor are not
# related to each other.
MATCH_ORDER = ("exact", "prefix", "substring", "misread", "alias", "successor", "predecessor",
               "fuzzy", "filter")
MATCH_LABELS = {
    "exact": QT_TRANSLATE_NOOP("SearchPanel", "exact"),
    "prefix": QT_TRANSLATE_NOOP("SearchPanel", "starts with"),
    "substring": QT_TRANSLATE_NOOP("SearchPanel", "contains"),
    "misread": QT_TRANSLATE_NOOP("SearchPanel", "possible misreading"),
    "alias": QT_TRANSLATE_NOOP("SearchPanel", "company name"),
    "successor": QT_TRANSLATE_NOOP("SearchPanel", "successor"),
    "predecessor": QT_TRANSLATE_NOOP("SearchPanel", "predecessor"),
    "fuzzy": QT_TRANSLATE_NOOP("SearchPanel", "similar name"),
    "filter": QT_TRANSLATE_NOOP("SearchPanel", "meets the filters"),
}

MAX_QUERY_LENGTH = 300
# A trigram index cannot find fewer than three characters anywhere inside a key.
MIN_SUBSTRING = 3
# At most this many marking lines of one finding are indexed (real markings have a handful).
MAX_MARKING_LINES = 12
# The label of a finding's term holding the part number read from its marking.
PART_NUMBER_READ = "part number read"
# Line breaks: only a marking of several lines can spread its number over them.
_LINE_MARKS = ("\n", "\r", "\u2028", "\u2029")
_MAX_KEY = 500
_FAMILY = re.compile(r"[A-Z]*[0-9]+(?:[A-Z]{1,2}[0-9]+)*")
_SEPARATOR = re.compile(r"[-/]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Term:
    """One indexed text of a record."""

    field: str
    text: str
    key: str
    ckey: str


@dataclass(frozen=True, slots=True)
class SearchText:
    """A query as typed, with the keys it is looked up by."""

    raw: str
    key: str
    ckey: str
    name: str

    @property
    def substring_ok(self) -> bool:
        return len(self.key) >= MIN_SUBSTRING

    @property
    def misread_ok(self) -> bool:
        """Whether misreadings of the query can exist (it holds a misread character)."""
        return self.substring_ok and may_be_misread(self.key)


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Conditions on the parts and findings a search returns (None: no condition)."""

    system_id: Any = None
    item_id: Any = None
    part_id: Any = None  # the part itself (its findings, for findings)
    manufacturer_id: Any = None
    manufacturer_country: str | None = None
    chpl_tier: str | None = None
    hs_code: str | None = None
    produced_after: date | None = None
    produced_before: date | None = None
    sanctioned: bool | None = None
    confidence: str | None = None
    source_id: Any = None
    # The conditions below list what an analytics figure counts (a click on a bar). Items,
    # maker countries, CHPL tiers and categories may also be given as lists (any of them).
    manufacturer_exact: bool | None = None  # the maker itself, its predecessors left out
    manufacturer_other_than: Any = None  # made by a known maker that is none of these
    category: Any = None  # the part's category (its function where it has no category)
    identification: str | None = None  # part, manufacturer or unidentified
    recovered_from: date | None = None  # the item was recovered on or after
    recovered_to: date | None = None
    produced_starts_before: date | None = None  # the production period starts by then
    produced_ends_after: date | None = None  # the production period ends on or after

    def active(self) -> dict[str, Any]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name)) not in (None, "")}

    @property
    def finding_only(self) -> bool:
        """True when a condition only makes sense for findings (where and when found)."""
        return any(getattr(self, k) not in (None, "") for k in _FINDING_ONLY)


_FINDING_ONLY = ("system_id", "item_id", "produced_after", "produced_before", "confidence",
                 "source_id", "identification", "recovered_from", "recovered_to",
                 "produced_starts_before", "produced_ends_after")
FINDING_ONLY = _FINDING_ONLY
# The chpl_tier condition's value for "an HS code that is not on the CHPL".
CHPL_NOT_LISTED = "none"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record found: what it is, what matched and how well."""

    kind: str
    record_id: Any
    title: str
    detail: str
    matched: str
    match: str
    family: str = ""
    note: str = ""

    @property
    def rank(self) -> int:
        return MATCH_ORDER.index(self.match)


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Hits grouped by kind, best first; `more` names groups cut at the limit."""

    query: str
    groups: dict[str, tuple[SearchHit, ...]]
    more: frozenset[str] = frozenset()
    notice: str = ""
    filters: dict[str, Any] = field(default_factory=dict)

    @property
    def hits(self) -> list[SearchHit]:
        return [hit for kind in SEARCH_KINDS for hit in self.groups.get(kind, ())]

    def __len__(self) -> int:
        return sum(len(g) for g in self.groups.values())


@dataclass(frozen=True, slots=True)
class SeenFinding:
    """One finding counted by "seen before", with what opens it and its item."""

    finding_id: Any
    item_id: Any
    title: str  # the part number, the marking, or what it is and who made it
    case_reference: str
    system: str
    recovered_on: date | None
    maker: str = ""


@dataclass(frozen=True, slots=True)
class SeenBefore:
    """Where a part, a maker or a marking has been found: findings not withdrawn, the
    finding asked about left out (`counted` says what was counted)."""

    subject: str
    findings: int
    items: int
    systems: int
    system_names: tuple[str, ...]
    first_recovered: date | None
    last_recovered: date | None
    first_produced: date | None
    last_produced: date | None
    counted: str = ""  # what the counts are of, in words
    entries: tuple[SeenFinding, ...] = ()  # the newest findings counted, each to be opened
    # The search page showing them all: {"text": ..., "filters": {...}}; empty when none can.
    search: dict[str, Any] = field(default_factory=dict)


FILTER_LABELS = {
    "system_id": QT_TRANSLATE_NOOP("SearchPanel", "weapon system type"),
    "item_id": QT_TRANSLATE_NOOP("SearchPanel", "recovered item"),
    "part_id": QT_TRANSLATE_NOOP("SearchPanel", "part"),
    "manufacturer_id": QT_TRANSLATE_NOOP("SearchPanel", "manufacturer"),
    "manufacturer_country": QT_TRANSLATE_NOOP("SearchPanel", "manufacturer country"),
    "chpl_tier": QT_TRANSLATE_NOOP("SearchPanel", "CHPL tier"),
    "hs_code": QT_TRANSLATE_NOOP("SearchPanel", "HS code"),
    "produced_after": QT_TRANSLATE_NOOP("SearchPanel", "produced after"),
    "produced_before": QT_TRANSLATE_NOOP("SearchPanel", "produced before"),
    "sanctioned": QT_TRANSLATE_NOOP("SearchPanel", "sanctioned company in supply chain"),
    "confidence": QT_TRANSLATE_NOOP("SearchPanel", "identification confidence"),
    "source_id": QT_TRANSLATE_NOOP("SearchPanel", "source"),
    "manufacturer_exact":
        QT_TRANSLATE_NOOP("SearchPanel", "this maker only, not its predecessors"),
    "manufacturer_other_than": QT_TRANSLATE_NOOP("SearchPanel", "made by another maker than"),
    "category": QT_TRANSLATE_NOOP("SearchPanel", "category"),
    "identification": QT_TRANSLATE_NOOP("SearchPanel", "identified to"),
    "recovered_from": QT_TRANSLATE_NOOP("SearchPanel", "recovered from"),
    "recovered_to": QT_TRANSLATE_NOOP("SearchPanel", "recovered to"),
    "produced_starts_before": QT_TRANSLATE_NOOP("SearchPanel", "production period starts by"),
    "produced_ends_after": QT_TRANSLATE_NOOP("SearchPanel", "production period ends on or after"),
}
_DATE_FILTERS = ("produced_after", "produced_before", "recovered_from", "recovered_to",
                 "produced_starts_before", "produced_ends_after")
_YES_NO_FILTERS = ("sanctioned", "manufacturer_exact")
# Conditions that may name several values (a record meets one of them).
LIST_FILTERS = ("item_id", "manufacturer_country", "chpl_tier", "category",
                "manufacturer_other_than")
MAX_LISTED = 1000
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n"}


def parse_filters(value: Any) -> dict[str, Any]:
    """Search conditions as plain JSON-able values, from a dict, JSON text or SearchFilters.

    References (system, item, manufacturer, source) stay as given, an id or a name, for the
    services to resolve. Raises ValidationError naming the condition that is wrong.
    """
    if value is None or value == "":
        return {}
    if isinstance(value, SearchFilters):
        value = value.active()
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):  # RecursionError: nested thousands of levels
            raise ValidationError("filters", "is not JSON text of named conditions") from None
    if not isinstance(value, dict):
        raise ValidationError("filters", "must be a set of named conditions")
    return {name: _filter_value(name, v) for name, v in value.items() if v not in (None, "")}


def _filter_value(name: str, value: Any) -> Any:
    if name not in FILTER_LABELS:
        raise ValidationError("filters", f"unknown condition {name!r} (known: "
                                         f"{', '.join(FILTER_LABELS)})")
    if name in _DATE_FILTERS:
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value).strip()).isoformat()
        except ValueError:
            raise ValidationError(FILTER_LABELS[name], f"{str(value)[:40]!r} is not a date "
                                        "(expected YYYY-MM-DD)") from None
    if name in _YES_NO_FILTERS:
        text = str(value).strip().lower()
        if isinstance(value, bool) or text in _TRUE | _FALSE:
            return value if isinstance(value, bool) else text in _TRUE
        raise ValidationError(FILTER_LABELS[name], f"{str(value)[:40]!r} is not yes or no")
    if isinstance(value, list | tuple) and name in LIST_FILTERS:
        if len(value) > MAX_LISTED:
            raise ValidationError(FILTER_LABELS[name], f"names {len(value):,} values; at most "
                                                       f"{MAX_LISTED:,}")
        return [_text_value(name, v) for v in value]
    return _text_value(name, value)


def _text_value(name: str, value: Any) -> str:
    text = str(value).strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise ValidationError(FILTER_LABELS[name], f"is {len(text):,} characters long; at "
                                                   f"most {MAX_QUERY_LENGTH}")
    if _CONTROL.search(text):
        # No stored value holds them (and PostgreSQL refuses NUL in any text).
        raise ValidationError(FILTER_LABELS[name], "contains control characters")
    return text


def filters_from(values: dict[str, Any]) -> SearchFilters:
    """SearchFilters from parsed values (dates as ISO text become dates)."""
    typed = {k: (date.fromisoformat(v) if k in _DATE_FILTERS and isinstance(v, str) else
                 tuple(v) if isinstance(v, list) else v)
             for k, v in parse_filters(values).items()}
    return SearchFilters(**typed)


def describe_filters(values: dict[str, Any]) -> str:
    """'manufacturer: AMD; produced after: 2022-02-24' for titles and exports."""
    shown = []
    for name, value in values.items():
        if name in _YES_NO_FILTERS:
            value = "yes" if value else "no"
        elif isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        shown.append(f"{FILTER_LABELS.get(name, name)}: {value}")
    return "; ".join(shown)


def prepare_query(raw: str | None) -> SearchText:
    """The keys of a typed query; ValidationError when it is too long to be a search."""
    text = raw or ""
    if len(text) > MAX_QUERY_LENGTH:
        raise ValidationError("query", f"is {len(text):,} characters long; a search takes at "
                                       f"most {MAX_QUERY_LENGTH}")
    return SearchText(raw=text, key=search_key(text), ckey=confusable_key(text),
                      name=name_key(text))


def terms_of(kind: str, record: Any) -> list[Term]:
    """The terms a record is found by (no duplicates, no empty keys).

    A finding is also found by the part number read from its marking (`PART_NUMBER_READ`),
    when the marking spreads it over several lines: STM32F765 over VIT6 is found as
    STM32F765VIT6 before any part is chosen. A number read from within one line needs no
    such term: that line's key holds it, and it is found there.
    """
    if kind == "finding":
        marking = str(_value(record, "marking") or "")
        if len(marking.splitlines()) < 2:  # most markings: one line, one term
            term = make_term("marking", marking)
            return [term] if term.key else []
    found: dict[tuple[str, str], Term] = {}
    for label, attribute, is_list in TERM_SOURCES.get(kind, ()):
        value = _value(record, attribute)
        texts = list(value or ()) if is_list else _texts(kind, value)
        for text in texts:
            term = make_term(label, text)
            if term.key and (term.field, term.key) not in found:
                found[(term.field, term.key)] = term
    if kind == "finding":
        read = make_term(PART_NUMBER_READ, _part_number_read(_value(record, "marking")))
        # Only a number joined over lines is new: one within a line is found in that line.
        if read.key and all(read.key not in term.key for term in found.values()):
            found[(read.field, read.key)] = read
    return list(found.values())


def _part_number_read(marking: Any) -> str:
    """The part number `markings.read_marking` reads (without rules: the index must not wait
    for the rule file) from a marking of several lines; "" from one of a single line."""
    text = str(marking or "")
    if not any(mark in text for mark in _LINE_MARKS):
        return ""  # most markings, and what a million-finding reindex mostly sees
    return read_marking(text).part_number


@lru_cache(maxsize=65_536)  # imports and reindexes meet the same part numbers again and again
def make_term(label: str, text: str) -> Term:
    text = str(text).strip()
    key = search_key(text)[:_MAX_KEY]
    return Term(label, text[:_MAX_KEY], key, confusable_of_key(key))


def _value(record: Any, attribute: str) -> Any:
    if isinstance(record, dict):
        return record.get(attribute)
    return getattr(record, attribute, None)


def _texts(kind: str, value: Any) -> list[str]:
    if not value:
        return []
    if kind == "finding":
        return [line for line in str(value).splitlines() if line.strip()][:MAX_MARKING_LINES]
    return [str(value)]


def term_fields(kind: str) -> frozenset[str]:
    """The record attributes whose change changes the record's terms."""
    return frozenset(attribute for _, attribute, _ in TERM_SOURCES.get(kind, ()))


def family_key(key: str) -> str:
    """The ordering-code family of a part's search key: the base number without the package,
    temperature and packing suffix (STM32F765VIT6 -> STM32F765, XC7A35T-1CSG324C -> XC7A35T).

    A heuristic: letters, then digits, then short letter+digit groups; it stops at a longer
    run of letters, and at the first dash or slash after a digit in the number as marked.
    Keys it cannot split (fewer than four characters of base) are their own family.
    """
    found = _FAMILY.match(key)
    base = found.group(0) if found else ""
    return base if len(base) >= 4 else key


def family_of(part_number: str) -> str:
    """`family_key` that also honours a separator in the number as marked."""
    key = search_key(part_number)
    base = family_key(key)
    seen = 0
    for piece in _SEPARATOR.split(part_number.strip()):
        # How many characters of the key the piece gives (letters and digits kept).
        seen += sum(ch.isalnum() for ch in piece)
        if 4 <= seen < len(base) and any(ch.isdigit() for ch in key[:seen]):
            return key[:seen]
    return base


def keep_families_together(hits: Iterable[SearchHit]) -> list[SearchHit]:
    """Hits in rank order, except that each family's members follow its best-ranked one."""
    families: dict[str, list[SearchHit]] = {}
    for position, hit in enumerate(sorted(hits, key=lambda h: h.rank)):
        families.setdefault(hit.family or f"#{position}", []).append(hit)
    return [hit for members in families.values() for hit in members]


def prefix_bounds(key: str) -> tuple[str, str]:
    """Lower and upper bounds of every key that starts with `key` (code point order)."""
    return key, key + "\U0010ffff"

