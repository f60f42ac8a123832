"""Which organizations may be which list entries: the comparison behind screening.

Every name is reduced to its key (see core.screening: transliterated, legal forms dropped,
words sorted) and keys are compared with rapidfuzz's `ratio`, so the score is the
token-order-insensitive similarity of the two names (100 = the same key). Identifiers
compared by digits within one scheme family score 100.

Words common in the list's names ("trading", "radioelektronika": in at least
COMMON_SHARE of its keys) make unrelated names look alike, so when both names have other,
distinctive words, those must also be alike (ratio of at least DISTINCTIVE; a misspelt
common word is still common): "Dezex Avtomatika" is not "Lerazex Avtomatika". A pair is
kept only if it passes both, so the pairs kept are a subset of those the names' score
finds, and the blocking below loses none of them.

Comparing every key with every key (50,000 organizations by 20,000 entries, each under
several names) would take minutes, so keys are compared only with keys whose length allows
the threshold at all: ratio = 200·LCS / (len₁ + len₂) ≤ 200·min / (len₁ + len₂), hence
len₂ must lie within [len₁·t/(200−t), len₁·(200−t)/t]. This blocking loses no pair that
scores at least the threshold; `exhaustive=True` compares all pairs, to prove it.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from forensics_gui.core.screening import THRESHOLD, identifier_key, name_variants

COMMON_SHARE = 0.001  # a word in at least this share of the list's keys is common...
COMMON_MIN = 5  # ...and in at least this many (so that small lists have no common words)
COMMON_LIKE = 80  # a word this like a common word counts as that word misspelt
# Distinctive words are short, where one letter weighs a lot ("sunosuks" for "sunosux" is
# 80), hence a lower bar than the names' threshold.
DISTINCTIVE = 75
CELLS = 4_000_000  # scores computed per rapidfuzz call (16 MB of float32)
WORKERS = 2


@dataclass(frozen=True, slots=True)
class Party:
    """An organization or a list entry: its names as (how it is known, name) and its
    identifiers as 'SCHEME:value'."""

    names: tuple[tuple[str, str], ...]
    identifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """Organization `org` may be entry `entry` (indexes into what was screened)."""

    org: int
    entry: int
    score: int
    matched_on: str


@dataclass
class Stats:
    """How much work a run did (for benchmarks and progress)."""

    org_keys: int = 0
    entry_keys: int = 0
    pairs_compared: int = 0
    calls: int = 0
    common: frozenset[str] = frozenset()


class _Keys:
    """Distinct name keys, each with the (party, name) pairs it stands for."""

    def __init__(self, parties: Sequence[Party]) -> None:
        self.keys: list[str] = []
        self.owners: list[list[tuple[int, int]]] = []
        index: dict[str, int] = {}
        for p, party in enumerate(parties):
            for n, (_how, name) in enumerate(party.names):
                for key in name_variants(name):
                    k = index.setdefault(key, len(self.keys))
                    if k == len(self.keys):
                        self.keys.append(key)
                        self.owners.append([])
                    self.owners[k].append((p, n))


def length_band(length: int, threshold: float) -> tuple[int, int]:
    """The lengths a key of `length` characters can score `threshold` against (one character
    wider on each side, so that rounding never costs a pair)."""
    low = length * threshold / (200 - threshold)
    high = length * (200 - threshold) / threshold
    return max(0, math.ceil(low) - 1), math.floor(high) + 1


def describe(ours: tuple[str, str], listed: tuple[str, str]) -> str:
    """What matched, in the analyst's words: 'name', 'alias: X', '... (our alias: Y)'."""
    said = "name" if listed[0] == "name" else f"{listed[0]}: {listed[1]}"
    if ours[0] != "name":
        said += f" (our {ours[0]}: {ours[1]})"
    return said[:500]


def common_words(keys: Sequence[str]) -> frozenset[str]:
    """Words found in at least COMMON_SHARE (and COMMON_MIN) of the keys."""
    counts = Counter(word for key in keys for word in set(key.split()))
    limit = max(COMMON_MIN, COMMON_SHARE * len(keys))
    return frozenset(word for word, n in counts.items() if n >= limit)


class _Distinctive:
    """The distinctive words of keys: without common words, or words that are a common word
    misspelt (rapidfuzz ratio of at least COMMON_LIKE); worked out once per key and word."""

    def __init__(self, keys: Sequence[str], common: frozenset[str],
                 words: dict[str, bool]) -> None:
        self.keys, self.common, self.found = keys, sorted(common), {}
        self.is_common = words  # shared by both sides: {word: common or like a common one}

    def __getitem__(self, index: int) -> str:
        text = self.found.get(index)
        if text is None:
            text = " ".join(w for w in self.keys[index].split() if not self._common(w))
            self.found[index] = text
        return text

    def _common(self, word: str) -> bool:
        known = self.is_common.get(word)
        if known is None:
            known = len(word) >= 5 and process.extractOne(
                word, self.common, scorer=fuzz.ratio, score_cutoff=COMMON_LIKE) is not None
            self.is_common[word] = known
        return known


def screen(orgs: Sequence[Party], entries: Sequence[Party], *, threshold: float = THRESHOLD,
           exhaustive: bool = False, workers: int = WORKERS,
           check: Callable[[], None] | None = None, stats: Stats | None = None,
           common: frozenset[str] | None = None) -> list[Hit]:
    """Every (organization, entry) pair scoring at least `threshold`, with its best score and
    what matched; `check` is called between batches (it may raise to cancel). `common`, the
    common words, defaults to those of the entries' names (see common_words)."""
    stats = stats if stats is not None else Stats()
    org_keys, entry_keys = _Keys(orgs), _Keys(entries)
    stats.org_keys, stats.entry_keys = len(org_keys.keys), len(entry_keys.keys)
    stats.common = common if common is not None else common_words(entry_keys.keys)
    known = dict.fromkeys(stats.common, True)
    org_words = _Distinctive(org_keys.keys, stats.common, known)
    entry_words = _Distinctive(entry_keys.keys, stats.common, known)
    best: dict[tuple[int, int], tuple[float, int, str]] = {}
    for q, e, score in similar_keys(org_keys.keys, entry_keys.keys, threshold=threshold,
                                    exhaustive=exhaustive, workers=workers, check=check,
                                    stats=stats):
        if not _distinctive_alike(org_words, q, entry_words, e):
            continue
        for o, on in org_keys.owners[q]:
            for n, en in entry_keys.owners[e]:
                ours, listed = orgs[o].names[on], entries[n].names[en]
                rank = (score, int(ours[0] == "name") + int(listed[0] == "name"))
                current = best.get((o, n))
                if current is None or rank > current[:2]:
                    best[(o, n)] = (*rank, describe(ours, listed))
    for o, n, identifier in identifier_hits(orgs, entries):
        best[(o, n)] = (100.0, 3, f"identifier {identifier}"[:500])
    return [Hit(o, n, min(100, round(score)), said)
            for (o, n), (score, _rank, said) in best.items()]


def _distinctive_alike(ours: _Distinctive, q: int, theirs: _Distinctive, e: int) -> bool:
    """Whether the names' distinctive words are alike too (when both have some)."""
    mine, listed = ours[q], theirs[e]
    if not mine or not listed or (mine == ours.keys[q] and listed == theirs.keys[e]):
        return True
    return fuzz.ratio(mine, listed, score_cutoff=DISTINCTIVE) > 0


def similar_keys(queries: Sequence[str], choices: Sequence[str], *, threshold: float,
                 exhaustive: bool = False, workers: int = WORKERS,
                 check: Callable[[], None] | None = None,
                 stats: Stats | None = None) -> Iterator[tuple[int, int, float]]:
    """(query index, choice index, score) of every pair scoring at least `threshold`."""
    order = sorted(range(len(choices)), key=lambda i: len(choices[i]))
    ordered = [choices[i] for i in order]
    lengths = [len(c) for c in ordered]
    by_length: dict[int, list[int]] = defaultdict(list)
    for i, query in enumerate(queries):
        by_length[len(query)].append(i)
    for length, members in sorted(by_length.items()):
        low, high = (0, lengths[-1] if lengths else 0) if exhaustive else \
            length_band(length, threshold)
        start, stop = bisect_left(lengths, low), bisect_right(lengths, high)
        if start < stop:
            yield from _compare(queries, members, ordered[start:stop], order[start:stop],
                                threshold, workers, check, stats)


def _compare(queries: Sequence[str], members: list[int], band: list[str], band_ids: list[int],
             threshold: float, workers: int, check: Callable[[], None] | None,
             stats: Stats | None) -> Iterator[tuple[int, int, float]]:
    step = max(1, CELLS // len(band))
    for first in range(0, len(members), step):
        if check is not None:
            check()
        chunk = members[first:first + step]
        scores = process.cdist([queries[i] for i in chunk], band, scorer=fuzz.ratio,
                               score_cutoff=threshold, dtype=np.float32, workers=workers)
        if stats is not None:
            stats.pairs_compared += len(chunk) * len(band)
            stats.calls += 1
        rows, columns = np.nonzero(scores)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            yield chunk[row], band_ids[column], float(scores[row, column])


def identifier_hits(orgs: Sequence[Party],
                    entries: Sequence[Party]) -> Iterator[tuple[int, int, str]]:
    """(organization, entry, the organization's identifier) for every shared identifier."""
    listed: dict[str, list[int]] = defaultdict(list)
    for n, entry in enumerate(entries):
        for identifier in entry.identifiers:
            key = identifier_key(identifier)
            if key:
                listed[key].append(n)
    for o, org in enumerate(orgs):
        for identifier in org.identifiers:
            for n in listed.get(identifier_key(identifier) or "", ()):
                yield o, n, identifier
