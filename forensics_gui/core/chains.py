"""Supply links, probable supply chains and designation timing: the data and the path finding.

Plain Python on data already read from the store, so that the rules can be tested alone:

- **Designation timing**: for a party to a link, whether it was designated before the link's
  date, after it, not at all, or whether the link (or the listing) has no date to tell.
- **Probable chains**: every simple path through the recorded links from a part's maker to a
  Russian importer or end user, dates running forward, ranked by the weakest status on the
  path, then by evidence (the sources' Admiralty grades), then shorter first. The search is
  bounded (depth, steps examined, chains kept) and says when a bound cut it short.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cached_property
from uuid import UUID

from forensics_gui.core.chain_paths import LinkTable, PathResult, search_paths
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP

STATUS_ORDER = ("documented", "probable", "hypothesis")
STATUS_RANK = {status: rank for rank, status in enumerate(STATUS_ORDER)}
TARGET_COUNTRY = "RU"
TARGET_ROLES = frozenset({"importer", "end user"})
# Admiralty grades as points: A1 (reliable, confirmed) is 10, F6 (cannot be judged) is 0.
RELIABILITY_POINTS = {"A": 5, "B": 4, "C": 3, "D": 2, "E": 1, "F": 0}
CREDIBILITY_POINTS = {1: 5, 2: 4, 3: 3, 4: 2, 5: 1, 6: 0}
# Records whose supply links can be listed, and those that have probable chains.
LINK_KINDS = ("part", "finding", "org")
CHAIN_KINDS = ("part", "finding")
MAX_LISTED = 2_000  # links listed for one record, newest first


# ------------------------------------------------------------------------------ data
@dataclass(frozen=True)
class Listing:
    """One sanctions designation of an organization, as timing needs it."""

    authority: str
    listed_on: date | None = None
    delisted_on: date | None = None
    programme: str = ""
    reference: str = ""

    @property
    def label(self) -> str:
        """'OFAC 2023-05-19', with the delisting date when there is one."""
        return self.label_in(str)

    def label_in(self, words: Callable[[str], str]) -> str:
        """The label, its fixed words turned by `words` (the desktop client's translation)."""
        listed = self.listed_on or words(QT_TRANSLATE_NOOP("chains", "(listing date unknown)"))
        text = f"{self.authority} {listed}"
        if self.delisted_on is None:
            return text
        return words(QT_TRANSLATE_NOOP("chains", "{listing}, delisted {day}")).format(
            listing=text, day=self.delisted_on)

    def in_force_on(self, day: date) -> bool:
        """Listed on or before `day` and not delisted by then (unknown listing date: False)."""
        return (self.listed_on is not None and self.listed_on <= day
                and (self.delisted_on is None or self.delisted_on > day))

    def current(self, today: date) -> bool:
        """Still in force today (whatever its listing date)."""
        return self.delisted_on is None or self.delisted_on > today


@dataclass(frozen=True)
class Party:
    """An organization as links and chains show it."""

    id: UUID
    name: str
    country: str = ""
    roles: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    hub: bool = False  # its country is on the transshipment hub list

    @property
    def is_target(self) -> bool:
        """A Russian importer or end user: where a probable chain ends."""
        return self.country == TARGET_COUNTRY and bool(TARGET_ROLES & set(self.roles))

    def current_listings(self, today: date) -> tuple[Listing, ...]:
        return tuple(listing for listing in self.listings if listing.current(today))


@dataclass(frozen=True)
class Citation:
    """A source cited by a link, with its Admiralty grade."""

    source_id: UUID
    title: str
    reliability: str = "F"
    credibility: int = 6

    @property
    def grade(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def points(self) -> int:
        return RELIABILITY_POINTS.get(self.reliability, 0) + CREDIBILITY_POINTS.get(
            self.credibility, 0)


@dataclass(frozen=True)
class LinkFact:
    """A supply link as read from the store, its citations included."""

    id: UUID
    seller_id: UUID
    buyer_id: UUID
    status: str = "hypothesis"
    shipped_on: date | None = None
    part_id: UUID | None = None
    finding_id: UUID | None = None
    quantity: int | None = None
    value: Decimal | None = None
    currency: str = ""
    declared_hs_code: str = ""
    declared_description: str = ""
    citations: tuple[Citation, ...] = ()
    part_number: str = ""
    cited_points: int | None = None  # the sources' points, when they were read without them

    @cached_property
    def points(self) -> int:
        """Evidence: the Admiralty points of every source cited (more and better is more)."""
        if self.cited_points is not None:
            return self.cited_points
        return sum(c.points for c in self.citations)

    @property
    def grades(self) -> str:
        return ", ".join(c.grade for c in self.citations)


TIMING_STATES = ("before", "after", "delisted", "link-undated", "listing-undated", "none")


@dataclass(frozen=True)
class Timing:
    """Whether a party was designated before or after a link's date, and by which listing."""

    state: str  # one of TIMING_STATES
    text: str
    listing: Listing | None = None


@dataclass(frozen=True)
class LinkView:
    """One link with both parties and their designation timing."""

    link: LinkFact
    seller: Party
    buyer: Party
    seller_timing: Timing
    buyer_timing: Timing
    recorded_for: str = ""  # "part", "finding", "another finding" or "" (no part)


@dataclass(frozen=True)
class SupplyChain:
    """One path from the maker to a Russian importer or end user."""

    steps: tuple[LinkView, ...]
    weakest_status: str
    weakest_points: int  # evidence of the least supported step
    total_points: int
    source_count: int
    countries: tuple[str, ...]  # in the order crossed ('??' when unknown)
    hubs: tuple[str, ...]  # transshipment hub countries crossed after the maker
    undated_steps: int
    designated: tuple[UUID, ...]  # parties with a designation in force today

    @property
    def parties(self) -> tuple[Party, ...]:
        return (self.steps[0].seller, *(step.buyer for step in self.steps))

    @property
    def end(self) -> Party:
        return self.steps[-1].buyer

    def in_gap(self) -> bool:
        """No party after the maker holds a designation in force today."""
        maker = self.steps[0].seller.id
        return not any(party_id != maker for party_id in self.designated)


@dataclass(frozen=True)
class SearchLimits:
    """Bounds that keep the search finite on a dense graph."""

    max_depth: int = 8  # links in one chain
    max_steps: int = 200_000  # links examined while extending paths
    max_chains: int = 200  # chains kept (the best ones)


@dataclass(frozen=True)
class ChainSearch:
    """What the path finder found, and whether a bound cut it short."""

    chains: tuple[SupplyChain, ...]
    paths_found: int
    links_used: int
    self_links: int
    out_of_period: int
    cut_short: str = ""


@dataclass(frozen=True)
class ChainReport:
    """Probable chains of a part or finding, as services return them."""

    subject_kind: str
    subject_id: UUID
    subject_label: str
    manufacturer: Party | None
    chains: tuple[SupplyChain, ...]
    links_considered: int
    paths_found: int = 0
    cut_short: str = ""
    notices: tuple[str, ...] = ()
    period_from: date | None = None
    period_to: date | None = None


@dataclass(frozen=True)
class LinkList:
    """The links involving a part, a finding or an organization."""

    subject_kind: str
    subject_id: UUID
    subject_label: str
    links: tuple[LinkView, ...]
    total: int
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class GapPart:
    """A part (or a finding without one) with chains through no designated company."""

    kind: str
    id: UUID
    label: str
    manufacturer: Party | None
    chains: tuple[SupplyChain, ...]


@dataclass(frozen=True)
class GapOrganization:
    """A company on gap chains, designated nowhere today, with the links that put it there."""

    party: Party
    subjects: tuple[str, ...]  # labels of the parts whose gap chains it is on
    links: tuple[LinkView, ...]


@dataclass(frozen=True)
class SanctionsGap:
    """The parts and companies a desk officer acts on."""

    parts: tuple[GapPart, ...]
    organizations: tuple[GapOrganization, ...]
    subjects_examined: int
    cut_short: tuple[str, ...] = ()
    period_from: date | None = None
    period_to: date | None = None
    notices: tuple[str, ...] = field(default=())


# ----------------------------------------------------------------------------- timing
# What each designation timing says (marked for the desktop client's translation); {listing}
# is the listing's label, or its authority when the listing has no date.
TIMING_TEXTS = {
    "none": QT_TRANSLATE_NOOP("chains", "not designated"),
    "link-undated": QT_TRANSLATE_NOOP("chains", "designated, link undated ({listing})"),
    "link-undated delisted": QT_TRANSLATE_NOOP("chains", "delisted, link undated ({listing})"),
    "before": QT_TRANSLATE_NOOP("chains", "designated before the link ({listing})"),
    "after": QT_TRANSLATE_NOOP("chains", "designated after the link ({listing})"),
    "listing-undated": QT_TRANSLATE_NOOP("chains",
                                         "designated, listing date unknown ({listing})"),
    "delisted": QT_TRANSLATE_NOOP("chains", "delisted before the link ({listing})"),
}


def _timing(state: str, shown: Listing | None = None, wording: str = "") -> Timing:
    listing = "" if shown is None else shown.authority if state == "listing-undated" \
        else shown.label
    return Timing(state, TIMING_TEXTS[wording or state].format(listing=listing), shown)


def timing_text(timing: Timing, words: Callable[[str], str] = str) -> str:
    """What `timing` says, its fixed words turned by `words` (the desktop client's
    translation; `str` gives `timing.text`)."""
    shown = timing.listing
    listing = "" if shown is None else shown.authority if timing.state == "listing-undated" \
        else shown.label
    shown_words = "" if shown is None else shown.authority \
        if timing.state == "listing-undated" else shown.label_in(words)
    for wording in (timing.state, f"{timing.state} delisted"):
        template = TIMING_TEXTS.get(wording)
        if template is not None and template.format(listing=listing) == timing.text:
            return words(template).format(listing=shown_words)
    return timing.text


def designation_timing(party: Party, on: date | None, today: date) -> Timing:
    """Whether `party` was designated before or after a link made `on` (None: undated)."""
    listings = party.listings
    if not listings:
        return _timing("none")
    if on is None:
        current = [x for x in listings if x.current(today)]
        shown = _earliest(current or list(listings))
        return _timing("link-undated", shown, "" if current else "link-undated delisted")
    active = [x for x in listings if x.in_force_on(on)]
    if active:
        return _timing("before", _earliest(active))
    later = [x for x in listings if x.listed_on is not None and x.listed_on > on]
    if later:
        return _timing("after", _earliest(later))
    undated = [x for x in listings if x.listed_on is None]
    if undated:
        return _timing("listing-undated", undated[0])
    return _timing("delisted", max(listings, key=lambda x: x.delisted_on or date.min))


def _earliest(listings: Sequence[Listing]) -> Listing:
    return min(listings, key=lambda x: (x.listed_on or date.max, x.authority))


def link_view(link: LinkFact, parties: Mapping[UUID, Party], today: date,
              recorded_for: str = "") -> LinkView:
    """A link with its parties and their designation timing."""
    seller, buyer = parties[link.seller_id], parties[link.buyer_id]
    return LinkView(link, seller, buyer, designation_timing(seller, link.shipped_on, today),
                    designation_timing(buyer, link.shipped_on, today), recorded_for)


# ----------------------------------------------------------------------- path finding
def find_chains(start: UUID, links: Iterable[LinkFact], parties: Mapping[UUID, Party], *,
                today: date, limits: SearchLimits = SearchLimits(),
                period: tuple[date | None, date | None] = (None, None),
                recorded_for: Mapping[UUID, str] | None = None,
                cite: Callable[[list[UUID]], Mapping[UUID, tuple[Citation, ...]]] | None = None
                ) -> ChainSearch:
    """Every simple path of links from `start` to a Russian importer or end user, the best
    `limits.max_chains` of them, best first (see `chain_rank`).

    Links between a company and itself are ignored; with a period, dated links outside it
    are left out (undated ones stay: they may fall inside). A link dated before the latest
    date already on a path cannot follow it. See core.chain_paths for the search itself.

    Links may come with their sources' points only (`LinkFact.cited_points`); `cite` then
    gives the sources of the links on the chains kept.
    """
    usable, self_links, out_of_period = _usable(links, parties, period)
    usable.sort(key=lambda link: link.id)  # the same answer whatever order the store gave
    numbers = {party_id: n for n, party_id in enumerate(parties)}
    table = LinkTable([numbers[x.seller_id] for x in usable], [numbers[x.buyer_id] for x in usable],
                      [x.shipped_on.toordinal() if x.shipped_on else -1 for x in usable],
                      [STATUS_RANK.get(x.status, 2) for x in usable], [x.points for x in usable])
    targets = [party.is_target for party in parties.values()]
    result = search_paths(table, len(numbers), numbers[start], targets,
                          max_depth=limits.max_depth, max_steps=limits.max_steps,
                          max_paths=limits.max_chains) if start in numbers else None
    kept = sorted({i for path in result.paths for i in path}) if result else []
    sources = cite([usable[i].id for i in kept]) if cite is not None and kept else {}
    views: dict[int, LinkView] = {}
    for i in kept:
        link = usable[i]
        if link.id in sources:
            link = replace(link, citations=sources[link.id])
        views[i] = link_view(link, parties, today, (recorded_for or {}).get(link.id, ""))
    chains = [_chain(tuple(views[i] for i in path), today) for path in result.paths] \
        if result else []
    return ChainSearch(tuple(chains), result.paths_found if result else 0, len(usable),
                       self_links, out_of_period, _cut_short(result, limits))


def _cut_short(result: PathResult | None, limits: SearchLimits) -> str:
    if result is not None and result.stopped:
        return (f"the search stopped after examining {limits.max_steps:,} links; longer "
                "chains may exist (narrow the period to see them)")
    if result is not None and result.deeper:
        return f"chains longer than {limits.max_depth} links were not followed"
    return ""


def _usable(links: Iterable[LinkFact], parties: Mapping[UUID, Party],
            period: tuple[date | None, date | None]) -> tuple[list[LinkFact], int, int]:
    start, end = period
    usable: list[LinkFact] = []
    self_links = out_of_period = 0
    for link in links:
        if link.seller_id == link.buyer_id:
            self_links += 1
        elif link.shipped_on is not None and (
                (start is not None and link.shipped_on < start)
                or (end is not None and link.shipped_on > end)):
            out_of_period += 1
        elif link.seller_id in parties and link.buyer_id in parties:
            usable.append(link)
    return usable, self_links, out_of_period


def _chain(steps: tuple[LinkView, ...], today: date) -> SupplyChain:
    links = [step.link for step in steps]
    parties = (steps[0].seller, *(step.buyer for step in steps))
    countries: list[str] = []
    for party in parties:
        country = party.country or "??"
        if not countries or countries[-1] != country:
            countries.append(country)
    hubs = tuple(dict.fromkeys(p.country for p in parties[1:] if p.hub and p.country))
    points = [x.points for x in links]
    return SupplyChain(
        steps=steps,
        weakest_status=max((x.status for x in links), key=lambda s: STATUS_RANK.get(s, 9)),
        weakest_points=min(points), total_points=sum(points),
        source_count=sum(len(x.citations) for x in links),
        countries=tuple(countries), hubs=hubs,
        undated_steps=sum(1 for x in links if x.shipped_on is None),
        designated=tuple(p.id for p in parties if p.current_listings(today)))


def chain_rank(chain: SupplyChain) -> tuple[object, ...]:
    """Best first: the weakest status on the chain; evidence (the least supported step's
    points, then the points per step, so that length alone earns nothing); fewer links; fewer
    undated steps."""
    return (STATUS_RANK.get(chain.weakest_status, 9), -chain.weakest_points,
            -chain.total_points / len(chain.steps), len(chain.steps), chain.undated_steps)


# ---------------------------------------------------------------------------- wording
# The texts below take `words`, which turns their fixed words (marked for the desktop
# client's translation) into the text shown: `str` keeps them English (the CLI, reports).
HUB = QT_TRANSLATE_NOOP("chains", "hub")


def party_label(party: Party, today: date, words: Callable[[str], str] = str) -> str:
    """'Name (HK, hub)', and the authorities designating it today: '[designated: OFAC]'."""
    details = [party.country or words(QT_TRANSLATE_NOOP("chains", "country unknown"))] + (
        [words(HUB)] if party.hub else [])
    authorities = sorted({x.authority for x in party.current_listings(today)})
    flag = " " + words(QT_TRANSLATE_NOOP("chains", "[designated: {authorities}]")).format(
        authorities=", ".join(authorities)) if authorities else ""
    return f"{party.name} ({', '.join(details)}){flag}"


def route_text(chain: SupplyChain, words: Callable[[str], str] = str) -> str:
    """The countries crossed: 'CH → DE → HK (hub) → RU'."""
    return " → ".join(f"{c} ({words(HUB)})" if c in chain.hubs else c for c in chain.countries)


def _counted(words: Callable[[str], str], count: int, one: str, many: str) -> str:
    return words(one if count == 1 else many).format(count=count)


def chain_summary(chain: SupplyChain, words: Callable[[str], str] = str) -> str:
    """One line: weakest status, length, route, evidence, undated steps."""
    links = _counted(words, len(chain.steps), QT_TRANSLATE_NOOP("chains", "{count} link"),
                     QT_TRANSLATE_NOOP("chains", "{count} links"))
    sources = _counted(words, chain.source_count, QT_TRANSLATE_NOOP("chains", "{count} source"),
                       QT_TRANSLATE_NOOP("chains", "{count} sources"))
    evidence = words(QT_TRANSLATE_NOOP(
        "chains", "evidence: weakest step {points} points, {sources}")).format(
        points=chain.weakest_points, sources=sources)
    undated = (" · " + _counted(words, chain.undated_steps,
                                QT_TRANSLATE_NOOP("chains", "{count} undated step"),
                                QT_TRANSLATE_NOOP("chains", "{count} undated steps"))
               if chain.undated_steps else "")
    return (f"{chain.weakest_status} · {links} · {route_text(chain, words)} · {evidence}"
            f"{undated}")
