"""Search by part number, marking, maker and everything else; where a part was seen before.

One API for the search box, `forensics search` and reports. Results come grouped by kind,
best match first: exact, prefix, substring, then possible misreadings; makers are also found
under their aliases, former names and the companies that took them over, and by similar
spelling (rapidfuzz) when little else matches.
"""

from __future__ import annotations

import operator
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import reduce
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import finding_title
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import search_key
from forensics_gui.core.search import (
    FILTER_LABELS,
    MATCH_ORDER,
    MIN_SUBSTRING,
    SEARCH_KINDS,
    SearchFilters,
    SearchHit,
    SearchResults,
    SearchText,
    SeenBefore,
    SeenFinding,
    family_of,
    filters_from,
    keep_families_together,
    make_term,
    parse_filters,
    prepare_query,
)
from forensics_gui.services.references import lookup
from forensics_gui.storage import search_query as sq
from forensics_gui.storage.repository import UnitOfWork
from forensics_gui.storage.store import Store, retried_writes

MAX_LIMIT = 10_000
_FUZZY_CUTOFF = 88
_FUZZY_MIN = 4
_FILTER_KINDS = ("part", "finding")
SUCCESSION = ("successor", "predecessor")
_REFERENCES = {"system_id": "system", "item_id": "item", "part_id": "part",
               "manufacturer_id": "org",
               "source_id": "source", "manufacturer_other_than": "org"}


def search(store: Store, text: str | None, *, filters: Any = None,
           kinds: Sequence[str] = SEARCH_KINDS, limit: int = 50) -> SearchResults:
    """Records matching `text` (and the filters), grouped by kind, best first.

    At most `limit` records per kind; `results.more` names the kinds that have more. With
    filters, only parts and findings are returned (the filters are about them); with filters
    and no text, the parts and findings meeting the filters are listed.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("limit", f"must be between 1 and {MAX_LIMIT}")
    unknown = [k for k in kinds if k not in SEARCH_KINDS]
    if unknown:
        raise ValidationError("kinds", f"cannot search {unknown[0]!r} (searchable: "
                                       f"{', '.join(SEARCH_KINDS)})")
    query = prepare_query(text)
    conditions = parse_filters(filters)
    with store.reading() as uow:
        scope = _scope(uow, conditions)
        if scope.active:
            kinds = [k for k in kinds if k in _FILTER_KINDS]
        return _Search(store, uow, query, scope, kinds, limit).run(conditions)


class _Search:
    def __init__(self, store: Store, uow: UnitOfWork, query: SearchText, scope: sq.Scope,
                 kinds: Sequence[str], limit: int) -> None:
        self.store, self.uow, self.query = store, uow, query
        self.scope, self.kinds, self.limit = scope, kinds, limit
        self.found: dict[str, dict[UUID, tuple[str, str, str]]] = {k: {} for k in kinds}

    def run(self, conditions: dict[str, Any]) -> SearchResults:
        if not self.query.key and not self.scope.active:
            return SearchResults(self.query.raw, {}, notice=_empty_notice(self.query.raw),
                                 filters=conditions)
        if self.query.key:
            self._terms()
            if "org" in self.kinds:
                self._makers()
        else:
            self._filtered()
        groups = self._groups()
        more = frozenset(k for k, g in self.found.items() if len(g) > self.limit)
        return SearchResults(self.query.raw, groups, more, _notice(self.query),
                             filters=conditions)

    def _add(self, kind: str, record_id: UUID, match: str, matched: str, note: str = "") -> None:
        """Note a record found; found again by a better match, it keeps the better one."""
        known = self.found[kind].get(record_id)
        if known is None or MATCH_ORDER.index(match) < MATCH_ORDER.index(known[0]):
            self.found[kind][record_id] = (match, matched, note)

    def _terms(self) -> None:
        """Group by group of looks (see `search_query.tier_groups`), and only for the kinds
        that still need more at that rank: the costly looks (through the trigram indexes)
        run when the cheap one (through the key index) did not fill the list."""
        returned = dict.fromkeys(self.kinds, 0)
        covered: set[tuple[str, str]] = set()
        for looks in sq.tier_groups(self.query):
            wanted = {(kind, look): self.limit + 1 + returned[kind] for kind in self.kinds
                      for look in looks if sq.tier_applies(kind, look, self.query)
                      and not all((kind, tier) in covered for tier in sq.COVERS[look])
                      and self._ranked(kind, sq.COVERS[look][0]) <= self.limit}
            while wanted:
                rows = sq.term_matches(self.uow, self.query,
                                       [(kind, look, n) for (kind, look), n in wanted.items()],
                                       self.scope)
                got = Counter((row.kind, row.tier) for row in rows)
                for row in rows:
                    returned[row.kind] += 1
                    self._add(row.kind, row.record_id, sq.match_of(row, self.query), row.text)
                covered |= {(kind, tier) for (kind, look), n in wanted.items()
                            if got[kind, look] < n for tier in sq.COVERS[look]}
                # Records found twice (a prefix match comes back as a substring match too; a
                # marking has several lines) count once: a look that gave all it was asked
                # for may hold more records than the list has room for at its rank, so it is
                # asked again, for as many more as came back. A full "either" is not: its
                # tiers are looked up on their own next.
                wanted = {(kind, look): n + returned[kind] for (kind, look), n in wanted.items()
                          if look != "either" and got[kind, look] >= n
                          and self._ranked(kind, look) <= self.limit}

    def _ranked(self, kind: str, tier: str) -> int:
        """How many records of `kind` were found by `tier` or a better match."""
        worst = MATCH_ORDER.index(tier)
        return sum(MATCH_ORDER.index(how[0]) <= worst for how in self.found[kind].values())

    def _filtered(self) -> None:
        for kind in self.kinds:
            for record_id in sq.filtered_records(self.uow, kind, self.scope, self.limit + 1):
                self._add(kind, record_id, "filter", "")

    def _makers(self) -> None:
        """Organizations found through company names, succession and similar spelling.

        Succession is followed in its own direction only: from a company the query names,
        to the companies that took it over and to those it took over; from a company found
        as the successor of a name, only further on; from one found as a predecessor, only
        further back. Companies taken over by one successor are not each other's relatives
        (Cypress does not find International Rectifier through Infineon)."""
        # Makers' names rarely hold digits: a query with digits is a part number or a
        # marking, and only organizations matching it as typed are looked at further.
        named = not any(ch.isdigit() for ch in self.query.name)
        names = _NameCache.for_store(self.store, self.uow) if named else None
        direct = list(self.found["org"])[:self.limit + 1]
        later: list[UUID] = []
        earlier: list[UUID] = []
        for org_id, matched, note, relation in (names.related(self.uow, self.query)
                                                if names else ()):
            self._add("org", org_id, "alias", matched, note)
            (later if relation == "successor" else earlier).append(org_id)
        self._succession(direct, SUCCESSION)
        self._succession(later[:self.limit + 1], ("successor",))
        self._succession(earlier[:self.limit + 1], ("predecessor",))
        if names and len(self.found["org"]) < 5 and len(self.query.name) >= _FUZZY_MIN:
            similar = [(org_id, matched, score) for org_id, matched, score
                       in names.similar(self.query.name) if org_id not in self.found["org"]]
            for org_id, matched, score in similar:
                self._add("org", org_id, "fuzzy", matched, f"similar spelling ({score:.0f}%)")
            self._succession([org_id for org_id, _, _ in similar], SUCCESSION, "fuzzy")

    def _succession(self, org_ids: list[UUID], relations: Sequence[str],
                    match: str | None = None) -> None:
        """Add the companies after (successors) or before (predecessors) these, along
        whole chains, ranked as their relation, or no higher than `match` when given."""
        if not org_ids:
            return
        chains = sq.succession(self.uow, org_ids, relations)
        origins = sq.describe(self.uow, "org", list({origin for origin, _, _ in chains}))
        for origin, related, relation in chains:
            label = origins[origin]["name"] if origin in origins else str(origin)
            note = f"successor of {label}" if relation == "successor" else f"now part of {label}"
            self._add("org", related, match or relation, label, note)

    def _groups(self) -> dict[str, tuple[SearchHit, ...]]:
        """The first `limit` records of each kind, described in one statement."""
        chosen = {kind: sorted(self.found[kind].items(),
                               key=lambda found: MATCH_ORDER.index(found[1][0]))[:self.limit]
                  for kind in self.kinds}
        shown = sq.describe_many(self.uow, {kind: [record_id for record_id, _ in records]
                                                for kind, records in chosen.items()})
        groups = {}
        for kind, records in chosen.items():
            described = shown.get(kind, {})
            # Already best match first (`chosen` is sorted by match).
            hits = [_hit(kind, record_id, described[record_id], *how)
                    for record_id, how in records if record_id in described]
            if hits:
                groups[kind] = tuple(keep_families_together(hits) if kind == "part" else hits)
        return groups


def _empty_notice(raw: str) -> str:
    if raw.strip():
        return (f"Nothing to look for in {raw.strip()[:40]!r}: a search needs at least one "
                "letter or digit.")
    return "Type a part number, a marking, a maker, a system, a case reference or a source."


def _notice(query: SearchText) -> str:
    if query.key and not query.substring_ok:
        return (f"Only records starting with {query.key!r} are shown: type at least "
                f"{MIN_SUBSTRING} letters or digits to find it anywhere in a number or name.")
    return ""


# ------------------------------------------------------------------ filters
def _scope(uow: Any, conditions: dict[str, Any]) -> sq.Scope:
    resolved = dict(conditions)
    for name, kind in _REFERENCES.items():
        if name in resolved:
            value = resolved[name]
            resolved[name] = ([_reference(uow, name, kind, v) for v in value]
                              if isinstance(value, list) else _reference(uow, name, kind, value))
    for name in ("manufacturer_country", "chpl_tier"):
        if name in resolved:
            value = resolved[name]
            resolved[name] = ([str(v).upper() for v in value] if isinstance(value, list)
                              else str(value).upper())
    if "hs_code" in resolved:
        digits = "".join(ch for ch in resolved["hs_code"] if ch.isdigit())
        if not digits:
            raise ValidationError(FILTER_LABELS["hs_code"], f"{resolved['hs_code'][:20]!r} holds "
                                                            "no digits (e.g. 8542)")
        resolved["hs_code"] = digits
    ids = {k: (tuple(v) if isinstance(v, list) else v) for k, v in resolved.items()
           if k in _REFERENCES}
    filters = filters_from({k: v for k, v in resolved.items()
                            if k not in ids}) if resolved else SearchFilters()
    filters = replace(filters, **ids)
    makers: tuple[UUID, ...] = ()
    if filters.manufacturer_id and not filters.manufacturer_exact:
        makers = tuple(sq.predecessors(uow, [filters.manufacturer_id]))
    return sq.Scope(filters, makers)


def _reference(uow: Any, name: str, kind: str, value: Any) -> UUID:
    found = lookup(uow, kind, value)
    if found is None and kind == "org":
        found = _org_by_company_name(uow, value)
    if found is None:
        raise ValidationError(FILTER_LABELS[name], f"there is no {kind_label(kind)} "
                                                   f"{str(value)[:80]!r}")
    return found


def _org_by_company_name(uow: Any, text: str) -> UUID | None:
    """The organization a recorded company name stands for (ADI is Analog Devices)."""
    wanted = name_key(text)
    for _name, key, current, _current_key, _relation, _year in sq.company_names(uow):
        if key == wanted:
            return lookup(uow, "org", current)
    return None


def kind_label(kind: str) -> str:
    return kind_spec(kind).label


# ----------------------------------------------------------------- display
def _hit(kind: str, record_id: UUID, row: dict[str, Any], match: str, matched: str,
         note: str) -> SearchHit:
    title, detail = _SHOW[kind](row)
    if note and note in detail.split(" · "):  # "now part of Infineon" said once is enough
        detail = _join(*(part for part in detail.split(" · ") if part != note))
    family = family_of(row["part_number"]) if kind == "part" else ""
    return SearchHit(kind, record_id, title, detail, matched or title, match, family, note)


def _join(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, "", (), []))


def _show_part(r: dict[str, Any]) -> tuple[str, str]:
    seen = f"seen in {r['findings']} finding{'s' * (r['findings'] != 1)}"
    tier = f"CHPL tier {r['chpl_tier']}" if r["chpl_tier"] else ""
    return r["part_number"], _join(r["maker"] or "maker unknown", r["function"], tier, seen)


def _show_finding(r: dict[str, Any]) -> tuple[str, str]:
    title = finding_title(r["part_number"], r["marking"], r["function"], r["maker"])
    produced = f"made {r['produced_from']:%Y-%m}" if r["produced_from"] else ""
    return title, _join(f"{r['case_reference']} ({r['system']})", r["location"], r["maker"],
                        produced)


def _show_org(r: dict[str, Any]) -> tuple[str, str]:
    now = f"now part of {r['successor']}" if r["successor"] else ""
    return r["name"], _join(r["country"], ", ".join(r["roles"] or ()), now)


def _show_system(r: dict[str, Any]) -> tuple[str, str]:
    return r["name"], _join(r["category"], r["origin_country"])


def _show_item(r: dict[str, Any]) -> tuple[str, str]:
    return r["case_reference"], _join(r["system"], r["recovered_on"], r["recovery_place"])


def _show_source(r: dict[str, Any]) -> tuple[str, str]:
    return r["title"], _join(r["publisher"], r["published_on"], r["kind"])


_SHOW: dict[str, Callable[[dict[str, Any]], tuple[str, str]]] = {
    "part": _show_part, "finding": _show_finding, "org": _show_org, "system": _show_system,
    "item": _show_item, "source": _show_source}


# ------------------------------------------------------- names of makers
class _NameCache:
    """Organization names and recorded company names, read once per change of either."""

    _lock = threading.Lock()
    # Weak keys: a closed store's names go with it, and a new store never gets them.
    _by_store: weakref.WeakKeyDictionary[Store, _NameCache] = weakref.WeakKeyDictionary()

    def __init__(self, generation: tuple[Any, ...], uow: UnitOfWork) -> None:
        self.generation = generation
        names = sq.org_names(uow)
        self.org_ids = [org_id for org_id, _ in names]
        self.org_texts = [text for _, text in names]
        self.org_keys = [name_key(text) for text in self.org_texts]
        self.company = sq.company_names(uow)

    @classmethod
    def for_store(cls, store: Store, uow: UnitOfWork) -> _NameCache:
        """The names of `store` as they are now (read again after any change to them)."""
        generation = sq.generation(uow)
        with cls._lock:
            cached = cls._by_store.get(store)
            if cached is None or cached.generation != generation:
                cached = cls._by_store[store] = cls(generation, uow)
            return cached

    def related(self, uow: UnitOfWork,
                query: SearchText) -> Iterable[tuple[UUID, str, str, str]]:
        """(organization, name matched, note, 'successor' or 'predecessor'): organizations
        named as what a matching company name now is (its successor), or once was."""
        wanted = query.name
        if not wanted:
            return []
        found: list[tuple[UUID, str, str, str]] = []
        for name, key, current, current_key, relation, year in self.company:
            when = f" {year}" if year else ""
            if _name_matches(key, wanted):
                note = f"{name}: {_RELATION_NOTES[relation]} {current}{when}"
                found += [(o, name, note, "successor") for o in self._orgs_called(uow, current)]
            if _name_matches(current_key, wanted):
                note = f"{name} ({_RELATION_NOTES[relation]} {current}{when})"
                found += [(o, current, note, "predecessor")
                          for o in self._orgs_called(uow, name)]
        return found

    @staticmethod
    def _orgs_called(uow: UnitOfWork, name: str) -> list[UUID]:
        return sq.orgs_named(uow, [search_key(name)])

    def similar(self, wanted: str) -> list[tuple[UUID, str, float]]:
        # Only a query that matched little else gets here: rapidfuzz loads then, not at start.
        from rapidfuzz import fuzz, process

        matches = process.extract(wanted, self.org_keys, scorer=fuzz.WRatio, limit=10,
                                  score_cutoff=_FUZZY_CUTOFF)
        return [(self.org_ids[i], self.org_texts[i], score) for _, score, i in matches]


_RELATION_NOTES = {"alias": "also known as", "renamed": "renamed", "acquired": "acquired by",
                   "merged": "merged into"}


def _name_matches(key: str, wanted: str) -> bool:
    if key == wanted:
        return True
    return len(wanted) >= MIN_SUBSTRING and key.startswith(wanted)


# ------------------------------------------------------------ seen before
SEEN_LISTED = 12  # findings named (and openable) in a seen-before answer; the rest counted
# A company that is not a maker is seen through the parts of its supply links: at most this
# many parts (of its newest links) are counted, and the findings named come from the first
# SEEN_PARTS_LISTED of them (one short query each).
SEEN_PARTS, SEEN_PARTS_LISTED = 200, 25


def as_is(text: str) -> str:
    """Fixed words as they are (English): what `words` is unless the desktop client
    translates them."""
    return text


@dataclass(frozen=True)
class _Seen:
    """One definition of "seen", for a part, a maker, a company's supply links or a
    marking: the findings meeting `condition` (withdrawn findings never count)."""

    subject: str
    condition: Any
    listing: Callable[[int], list[UUID]]  # ids of findings meeting it, newest first
    search: dict[str, Any] = field(default_factory=dict)  # the search page listing them


def seen_before(store: Store, kind: str, record_id: str | UUID,
                listed: int = SEEN_LISTED, words: Callable[[str], str] = as_is) -> SeenBefore:
    """Where else a part, a maker (its predecessors included), the parts a distributor or
    an importer handled, or a finding's part, maker or marking has been found.

    "Seen" means the same for every caller (the editors' box, `forensics seen`, the search
    it opens): findings that are not withdrawn, the finding asked about left out. Counts
    and first and last dates, the `listed` most recently recorded of those findings (each
    with its item, to be opened), and the search that lists them all. `words` gives the
    fixed words of the subject and of what was counted in the desktop client's language
    (English as they are otherwise)."""
    if kind not in ("part", "org", "finding"):
        raise ValidationError("kind", "seen-before is about a part, a maker or a finding")
    with store.reading() as uow:
        found = lookup(uow, kind, record_id)
        if found is None:
            raise ValidationError("record", f"there is no {kind_label(kind)} "
                                            f"{str(record_id)[:80]!r}")
        seen = _seen(uow, kind, found, words)
        counts = sq.seen_before(uow, seen.condition)
        entries = _seen_entries(uow, seen, found if kind == "finding" else None, listed)
    counted = words(QT_TRANSLATE_NOOP("seen_before", "Withdrawn findings are not counted, nor "
                                      "this finding.") if kind == "finding" else
                    QT_TRANSLATE_NOOP("seen_before", "Withdrawn findings are not counted."))
    return SeenBefore(subject=seen.subject, counted=counted, entries=entries,
                      search=seen.search, **counts)


def _seen(uow: Any, kind: str, record_id: UUID, words: Callable[[str], str]) -> _Seen:
    if kind == "part":
        return _seen_part(uow, uow.get("part", record_id), words)
    if kind == "org":
        return _seen_org(uow, uow.get("org", record_id), words)
    finding = uow.get("finding", record_id)
    seen = _seen_of_finding(uow, finding, words)
    others = seen.condition & ~sq.finding_itself(finding.id)
    return replace(seen, subject=words(QT_TRANSLATE_NOOP(
        "seen_before", "{subject}, other than this finding")).format(subject=seen.subject),
        condition=others)


def _seen_of_finding(uow: Any, finding: Any, words: Callable[[str], str]) -> _Seen:
    """A finding is compared by its part; without one, by its maker; without either, by
    the first line of its marking."""
    if finding.part_id is not None:
        return _seen_part(uow, uow.get("part", finding.part_id), words)
    if finding.manufacturer_id is not None:
        return _seen_made_by(uow, uow.get("org", finding.manufacturer_id), "maker", words)
    lines = [line.strip() for line in finding.marking.splitlines() if search_key(line)]
    if not lines:
        return _Seen(words(QT_TRANSLATE_NOOP(
                         "seen_before", "this finding: no part, maker or marking to compare")),
                     sq.findings_of_makers([]), lambda _n: [])
    key = make_term("marking", lines[0]).key

    def listing(n: int) -> list[UUID]:
        rows = sq.term_matches(uow, prepare_query(lines[0]), [("finding", "prefix", n * 4)])
        return sorted({row.record_id for row in rows if row.key == key}, key=str,
                      reverse=True)

    return _Seen(words(QT_TRANSLATE_NOOP("seen_before", "marking {marking}")).format(
                     marking=lines[0]), sq.findings_marked(key), listing,
                 {"text": lines[0], "filters": {}})


def _seen_part(uow: Any, part: Any, words: Callable[[str], str]) -> _Seen:
    return _Seen(words(QT_TRANSLATE_NOOP("seen_before", "part {part_number}")).format(
                     part_number=part.part_number), sq.findings_of_part(part.id),
                 lambda n: _findings_where(uow, "part_id", [part.id], n),
                 {"text": "", "filters": {"part_id": part.part_number}})


def _seen_org(uow: Any, org: Any, words: Callable[[str], str]) -> _Seen:
    """A maker is seen in the findings it made; a distributor, an importer or any other
    company that is not a maker, in the findings of the parts it sold or bought."""
    roles = [role for role in org.roles if role != "other"]
    if "manufacturer" in roles or not roles:
        return _seen_made_by(uow, org, "maker" if roles else "company", words)
    links = sorted((*uow.list_page("link", filters={"seller_id": org.id}, limit=10_000).rows,
                    *uow.list_page("link", filters={"buyer_id": org.id}, limit=10_000).rows),
                   key=lambda link: str(link.id), reverse=True)
    parts = list(dict.fromkeys(link.part_id for link in links if link.part_id is not None))
    subject = QT_TRANSLATE_NOOP("seen_before", "parts that {role} {name} sold or bought")
    if len(parts) > SEEN_PARTS:
        parts, subject = parts[:SEEN_PARTS], QT_TRANSLATE_NOOP(
            "seen_before", "parts that {role} {name} sold or bought (the {count} parts of its "
                           "newest links)")
    condition = (reduce(operator.or_, [sq.findings_of_part(p) for p in parts]) if parts
                 else sq.findings_of_makers([]))
    return _Seen(words(subject).format(role=roles[0], name=org.name, count=SEEN_PARTS),
                 condition,
                 lambda n: _findings_where(uow, "part_id", parts[:SEEN_PARTS_LISTED], n))


# What a maker (or a company with no role) is called in the box: {(role, with its
# predecessors?): subject}.
MADE_BY = {("maker", False): QT_TRANSLATE_NOOP("seen_before", "maker {name}"),
           ("maker", True): QT_TRANSLATE_NOOP("seen_before", "maker {name} and its predecessors"),
           ("company", False): QT_TRANSLATE_NOOP("seen_before", "company {name}"),
           ("company", True): QT_TRANSLATE_NOOP("seen_before",
                                                "company {name} and its predecessors")}


def _seen_made_by(uow: Any, org: Any, role: str, words: Callable[[str], str]) -> _Seen:
    makers = sorted(sq.predecessors(uow, [org.id]), key=str)
    subject = words(MADE_BY[role, len(makers) > 1]).format(name=org.name)
    return _Seen(subject, sq.findings_of_makers(makers),
                 lambda n: _findings_where(uow, "manufacturer_id", makers, n),
                 {"text": "", "filters": {"manufacturer_id": org.name}})


def _findings_where(uow: Any, name: str, values: list[UUID], n: int) -> list[UUID]:
    """Ids of the `n` most recently recorded findings not withdrawn whose `name` is one of
    `values` (ids are made in time order)."""
    found = [finding_id for value in values for finding_id in uow.list_ids(
        "finding", filters={name: value, "withdrawn": "hide"}, sort="created",
        descending=True, limit=n)]
    return sorted(found, key=str, reverse=True)[:n]


def _seen_entries(uow: Any, seen: _Seen, asked: UUID | None,
                  listed: int) -> tuple[SeenFinding, ...]:
    ids = [i for i in dict.fromkeys(seen.listing(listed + 1)) if i != asked][:listed * 2]
    findings = [f for f in uow.get_many("finding", ids) if not f.withdrawn][:listed]
    items = {i.id: i for i in uow.get_many("item", sorted({f.item_id for f in findings},
                                                          key=str))}
    return tuple(SeenFinding(f.id, f.item_id, finding_title(f.part_number, f.marking,
                                                            f.function, f.manufacturer_name),
                             f.case_reference, items[f.item_id].system_type_name,
                             items[f.item_id].recovered_on, f.manufacturer_name)
                 for f in findings if f.item_id in items)


# ---------------------------------------------------------------- index upkeep
@retried_writes
def reindex(store: Store, progress: Callable[[str, int], bool | None] | None = None
            ) -> dict[str, int]:
    """Recompute the search index from the records (all or nothing); {kind: terms}."""
    with store.writing(bulk=True) as uow:
        return uow.rebuild_search_index(progress)


def index_status(store: Store) -> dict[str, Any]:
    """Terms per kind and the index engine in use."""
    with store.reading() as uow:
        return uow.search_index_status()
