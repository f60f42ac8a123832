"""Sanctions screening: how names and identifiers are compared, and what screening returns.

Names are compared as *keys*: case, accents and punctuation ignored, Cyrillic written in Latin
letters by one fixed table (so that "ООО Вектор" and "OOO Vektor" meet), legal forms such as
LLC, OOO, GmbH or FZE dropped wherever they stand, and the remaining words sorted, so that
word order does not matter ("VEKTOR KOMPONENT, OOO" is "OOO Vektor Komponent").
Identifiers ("INN:7701234567") are compared by their digits within one family of schemes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.records import (
    ListEntry,
    SanctionsDesignation,
    SanctionsList,
    ScreeningMatch,
)

# Candidates scoring at least this (0-100, rapidfuzz's ratio of the two keys) go to the
# analyst. 85 lets through a typo or a transliteration variant in names of a dozen letters
# ("Vektorr Komponent") while names sharing only a common word stay below it.
THRESHOLD = 85

# One Latin spelling for every Cyrillic letter (Russian, Ukrainian, Belarusian), close to the
# spellings the official lists use ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU").
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}
_TRANSLITERATION = str.maketrans(CYRILLIC)

# Legal forms as words after transliteration and without punctuation ("S.A." is "s a");
# longer forms are tried first so that "closed joint stock company" goes as a whole.
LEGAL_FORMS = tuple(sorted((tuple(form.split()) for form in (
    "obshchestvo s ogranichennoi otvetstvennostyu", "tovaristvo z obmezhenoyu vidpovidalnistyu",
    "zakrytoe aktsionernoe obshchestvo", "otkrytoe aktsionernoe obshchestvo",
    "publichnoe aktsionernoe obshchestvo", "nepublichnoe aktsionernoe obshchestvo",
    "aktsionernoe obshchestvo", "limited liability company", "limited liability partnership",
    "closed joint stock company", "open joint stock company", "public joint stock company",
    "joint stock company", "private limited company", "public limited company",
    "limited sirketi", "anonim sirketi", "sp z o o", "ltd sti", "fz llc", "l l c", "s a r l",
    "s a", "b v", "n v", "a s", "s r l", "s p a", "s r o", "d o o",
    "llc", "ooo", "ao", "zao", "pao", "oao", "nao", "jsc", "cjsc", "ojsc", "pjsc", "ltd",
    "limited", "co", "company", "inc", "incorporated", "corp", "corporation", "gmbh", "ag",
    "fze", "fzco", "fzc", "llp", "too", "tov", "sarl", "sa", "bv", "nv", "as", "plc", "pte",
    "pty", "kg", "srl", "spa", "oy", "ab", "aps", "kft", "sro", "ou", "uab", "sia", "eood",
    "ood", "doo", "sti",
)), key=len, reverse=True))
_FIRST_WORDS = {form[0] for form in LEGAL_FORMS}
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_BRACKETS = re.compile(r"\([^()]*\)")

# Schemes that hold the same kind of number under different names; compared within a family.
ID_FAMILIES = {
    "INN": "TAX", "TAX": "TAX", "TIN": "TAX", "TAXID": "TAX",
    "OGRN": "REG", "OGRNIP": "REG", "REG": "REG", "REGNO": "REG", "REGISTRATION": "REG",
    "CRN": "REG", "USCC": "REG",
}
# Schemes whose values are letters and digits; all others are compared by their digits.
ALPHANUMERIC_SCHEMES = {"LEI", "SWIFT", "BIC", "VAT", "USCC"}
MIN_IDENTIFIER = 5  # shorter numbers match too much to mean anything


def transliterate(text: str) -> str:
    """Cyrillic letters written in Latin ones (lower case), the rest left alone."""
    return text.casefold().translate(_TRANSLITERATION)


def name_words(name: str) -> list[str]:
    """The words of a name: lower case, Latin letters, no accents or punctuation."""
    text = unicodedata.normalize("NFKD", transliterate(unicodedata.normalize("NFKC", name)))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", text).split()


def strip_legal_forms(words: list[str]) -> list[str]:
    """The words without legal forms, wherever they stand; a name that is nothing but a legal
    form keeps its words (else every such name would be the same empty name)."""
    kept: list[str] = []
    i = 0
    while i < len(words):
        form = _legal_form_at(words, i) if words[i] in _FIRST_WORDS else None
        if form:
            i += len(form)
        else:
            kept.append(words[i])
            i += 1
    return kept or words


def _legal_form_at(words: list[str], i: int) -> tuple[str, ...] | None:
    for form in LEGAL_FORMS:
        if tuple(words[i:i + len(form)]) == form:
            return form
    return None


def name_key(name: str) -> str:
    """The comparison key of a name: normalised words, legal forms dropped, sorted."""
    return " ".join(sorted(strip_legal_forms(name_words(name))))


def name_variants(name: str) -> list[str]:
    """The keys a name is compared under: the whole name, and the name without what stands in
    brackets ("OOO Vektor (fictional)" is also "OOO Vektor")."""
    keys = [name_key(name)]
    outside = _BRACKETS.sub(" ", name)
    if outside != name and outside.strip():
        keys.append(name_key(outside))
    return [k for k in dict.fromkeys(keys) if k]


def identifier_key(identifier: str) -> str | None:
    """'FAMILY:value' for comparing an identifier such as 'INN:7701234567', or None when it
    holds too little to compare (no scheme, or fewer than MIN_IDENTIFIER characters)."""
    scheme, sep, value = identifier.partition(":")
    if not sep:
        return None
    scheme = re.sub(r"[^A-Z]", "", scheme.upper())
    if scheme in ALPHANUMERIC_SCHEMES:
        value = re.sub(r"[^0-9A-Za-z]", "", value).upper()
    else:
        value = re.sub(r"\D", "", value)
    if not scheme or len(value) < MIN_IDENTIFIER:
        return None
    return f"{ID_FAMILIES.get(scheme, scheme)}:{value}"


# ------------------------------------------------------------------- topics of an entry
# OpenSanctions' topics of an entry are kept at the head of its remarks, after this prefix.
TOPICS_PREFIX = "Topics: "
# What OpenSanctions' topics mean, for the analyst deciding about a candidate (marked for the
# desktop client's translation).
TOPIC_LABELS = {
    "sanction": QT_TRANSLATE_NOOP("screening", "sanctioned"),
    "sanction.linked": QT_TRANSLATE_NOOP("screening", "linked to a sanctioned party"),
    "sanction.counter":
        QT_TRANSLATE_NOOP("screening", "counter-sanctioned (by Russia or Belarus)"),
    "export.control": QT_TRANSLATE_NOOP("screening", "export controlled"),
    "export.risk": QT_TRANSLATE_NOOP("screening", "trade risk"),
    "debarment": QT_TRANSLATE_NOOP("screening", "debarred"),
    "role.pep": QT_TRANSLATE_NOOP("screening", "politically exposed person"),
    "role.rca": QT_TRANSLATE_NOOP("screening", "close associate of a politically exposed person"),
    "role.oligarch": QT_TRANSLATE_NOOP("screening", "oligarch"),
    "poi": QT_TRANSLATE_NOOP("screening", "person of interest"),
    "crime": QT_TRANSLATE_NOOP("screening", "crime"),
    "crime.war": QT_TRANSLATE_NOOP("screening", "war crimes"),
    "crime.terror": QT_TRANSLATE_NOOP("screening", "terrorism"),
    "wanted": QT_TRANSLATE_NOOP("screening", "wanted"),
    "mil": QT_TRANSLATE_NOOP("screening", "military"),
    "gov.soe": QT_TRANSLATE_NOOP("screening", "state-owned enterprise"),
    "corp.disqual": QT_TRANSLATE_NOOP("screening", "disqualified"),
    "reg.action": QT_TRANSLATE_NOOP("screening", "regulatory action"),
    "reg.warn": QT_TRANSLATE_NOOP("screening", "regulatory warning"),
}


def entry_topics(remarks: str) -> tuple[str, ...]:
    """The topics kept at the head of an entry's remarks (FollowTheMoney lists only)."""
    if not remarks.startswith(TOPICS_PREFIX):
        return ()
    head = remarks[len(TOPICS_PREFIX):].split(";", 1)[0]
    return tuple(t.strip() for t in head.split(",") if t.strip())


def describe_topics(topics: tuple[str, ...],
                    shown: Callable[[str], str] = lambda label: label) -> str:
    """'sanction (sanctioned), export.control (export controlled)'; `shown` turns a topic's
    label into the text shown (the desktop client translates it)."""
    return ", ".join(f"{t} ({shown(TOPIC_LABELS[t])})" if t in TOPIC_LABELS else t
                     for t in topics)


# ---------------------------------------------------------------------- what imports read
@dataclass(frozen=True)
class ImportDefaults:
    """What an import of some list files would use when not told otherwise: the format, the
    version's date and name, and where the date comes from ("stated": the file says it;
    "file date": the file's own modification date; "today")."""

    format: str
    published_on: date
    list_version: str
    origin: str
    explanation: str  # for people: where the date comes from, and what to do about it
    format_label: str = ""  # "OFAC SDN (sdn.csv, alt.csv, add.csv)"


@dataclass(frozen=True)
class ParsedList:
    """Everything read from the files of one list, checked and ready to be stored."""

    format: str
    entries: tuple[ListEntry, ...]
    default_name: str
    publisher: str
    published_on: date | None = None
    skipped: dict[str, int] = field(default_factory=dict)
    dated_by: str = ""  # where the file states `published_on` ("the newest last_seen ...")


# ------------------------------------------------------------------- what services return
@dataclass(frozen=True)
class ScreeningSummary:
    """What one screening run found, and what changed since the run before."""

    lists: tuple[str, ...]  # "OFAC SDN 2024-05-01" for each list version screened against
    organizations: int
    entries: int
    candidates: int  # matches waiting for a decision after the run
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    reopened: int = 0  # rejected matches asked again because the entry changed
    dropped: int = 0  # undecided candidates that no longer match
    seconds: float = 0.0

    def describe(self) -> str:
        """One sentence for people."""
        if not self.lists:
            return "No sanctions list has been imported yet; nothing was screened."
        reopened = f" ({self.reopened} rejected before)" if self.reopened else ""
        return (f"Screened {self.organizations:,} organizations against {self.entries:,} "
                f"entries of {', '.join(self.lists)}: {self.new} new, {self.changed} changed"
                f"{reopened}, {self.removed} removed from the list, {self.unchanged} unchanged; "
                f"{count_of(self.candidates, 'candidate')} awaiting a decision.")


def count_of(n: int, noun: str) -> str:
    """'1 vessel', '2 vessels', '3 Ownership entities', '2 entities without a name'."""
    if n != 1:
        head, sep, tail = noun.partition(" without")
        if head.endswith("entity"):
            head = head[:-1] + "ies"
        elif not head.endswith("aircraft"):
            head += "s"
        noun = head + sep + tail
    return f"{n:,} {noun}"


@dataclass(frozen=True)
class ListImport:
    """The outcome of importing a list file: the list version, and the screening after it."""

    list: SanctionsList
    skipped: dict[str, int]
    screening: ScreeningSummary | None = None
    dated: str = ""  # where the version's date comes from, when it was not given

    def describe(self) -> str:
        """What was imported, for people."""
        version = self.list
        skipped = ", ".join(count_of(n, kind) for kind, n in sorted(self.skipped.items()))
        text = (f"Imported {version.name} version {version.list_version} "
                f"({version.entry_count:,} entries")
        text += f"; skipped {skipped})." if skipped else ")."
        return text + (" " + self.screening.describe() if self.screening else "")


@dataclass(frozen=True)
class ListVersion:
    """An imported list version with how its matches stand."""

    list: SanctionsList
    newest: bool
    candidates: int = 0
    confirmed: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class MatchDetail:
    """A match with the list entry it is about (None when that list version was deleted),
    and the version that removed the entry from the list, when one did."""

    match: ScreeningMatch
    entry: Any = None  # SanctionsEntry
    list: SanctionsList | None = None
    removed_in: SanctionsList | None = None


@dataclass(frozen=True)
class MatchDecision:
    """A match after the analyst's decision, with the designation a confirmation made."""

    match: ScreeningMatch
    designation: SanctionsDesignation | None = None
