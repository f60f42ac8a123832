"""What the dossier of a part or a manufacturer (or any organization) holds: every place it was
seen, its probable supply chains and the supply links recorded for it, the graph the screen
draws of it, and the sanctions designations of every company involved.

"Seen" is the search service's own definition (`services.search.seen_before`), so that the
dossier counts what the "Seen before" box and `forensics seen` count: findings that are not
withdrawn, of the part; of the maker and its predecessors; or, for a company that is not a
maker, of the parts it sold or bought.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from forensics_gui.core.chains import ChainReport, LinkView, Party, SearchLimits
from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.core.graph import GraphScope, SupplyGraph
from forensics_gui.core.records import (
    ComponentFinding,
    Organization,
    Part,
    RecoveredItem,
    SanctionsDesignation,
)
from forensics_gui.core.search import SeenBefore
from forensics_gui.services import graph, search, supply
from forensics_gui.services.briefs import common
from forensics_gui.services.briefs.common import BriefFrame, BriefOptions, Progress, SourceBook
from forensics_gui.services.references import lookup
from forensics_gui.storage.store import Store

MAX_SIGHTINGS = 2_000  # findings listed one by one; the counts cover them all
MAX_CHAIN_PARTS = 20  # parts whose chains an organization's dossier states
MAX_LINKS = 400  # supply links listed
MAX_COMPANIES = 400  # companies whose designations are read
GRAPH_NODES = 400  # a larger graph comes back "too large" (and is not drawn)


@dataclass(frozen=True)
class Sighting:
    """One finding counted as "seen", with the recovered item it was found in."""

    finding: ComponentFinding
    item: RecoveredItem


@dataclass(frozen=True)
class Company:
    """A company involved, with every designation recorded for it."""

    party: Party
    designations: tuple[SanctionsDesignation, ...]

    def state(self, today: date) -> str:
        """"designated" (a designation in force today), "formerly" or "none"."""
        if any(designation_state(d, today) == "in force" for d in self.designations):
            return "designated"
        return "formerly" if self.designations else "none"


@dataclass(frozen=True)
class DossierData:
    frame: BriefFrame
    kind: str  # "part" or "org"
    part: Part | None
    organization: Organization | None  # the organization asked about, or the part's maker
    seen: SeenBefore
    sightings: tuple[Sighting, ...]
    chains: tuple[ChainReport, ...]  # for an organization: only chains passing through it
    links: tuple[LinkView, ...]  # the links recorded for it, newest first
    link_total: int
    graph: SupplyGraph
    companies: tuple[Company, ...]
    sources: SourceBook
    today: date
    period: tuple[date | None, date | None] = (None, None)
    notices: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The part number or the organization's name, as the dossier's title names it."""
        if self.part is not None:
            return self.part.part_number
        return self.organization.name if self.organization else ""


def resolve(store: Store, reference: str | UUID) -> tuple[str, UUID]:
    """("part" or "org", id) of the record a dossier is asked about: a part number (or a
    part's id) first, else an organization's name, alias or id. "part:" or "org:" in
    front of the reference says which is meant when it names both."""
    text = str(reference).strip()
    wanted = ("part", "org")
    for prefix in wanted:
        if text.lower().startswith(f"{prefix}:"):
            text, wanted = text[len(prefix) + 1:].strip(), (prefix,)
    if not text:
        raise ValidationError("reference", "a dossier needs a part number or an "
                                           "organization's name")
    with store.reading() as uow:
        found = [(kind, found) for kind in wanted if (found := lookup(uow, kind, text))]
    if not found:
        raise NotFoundError(f"there is no part or organization {text[:80]!r}")
    if len(found) > 1:
        raise ValidationError("reference", f"{text[:80]!r} is both a part number and an "
                                           "organization; write part:… or org:… to choose")
    return found[0]


def gather(store: Store, reference: str | UUID, options: BriefOptions,
           progress: Progress | None = None, check: Callable[[], None] | None = None
           ) -> DossierData:
    """Read everything the dossier of `reference` shows."""
    options.check("dossier")
    say = progress or (lambda done, total, text: None)
    kind, record_id = resolve(store, reference)
    period = supply.parse_period(options.period_from, options.period_to)
    say(0, 4, "counting where it was seen")
    seen = search.seen_before(store, kind, record_id, listed=MAX_SIGHTINGS)
    link_list = supply.links_for(store, kind, record_id, limit=MAX_LINKS)
    links = tuple(v for v in link_list.links if _in_period(v.link.shipped_on, period))
    with store.reading() as uow:
        record = uow.get(kind, record_id)
        part = record if kind == "part" else None
        organization = record if kind == "org" else (
            uow.get("org", record.manufacturer_id) if record.manufacturer_id else None)
        sightings = _sightings(uow, seen)
        say(1, 4, "finding the supply chains")
        chains = _chains(uow, kind, record, links, period, check) \
            if options.wants("chains") else ()
        say(2, 4, "reading the designations")
        parties = _parties(organization, links, chains)
        notices = (f"designations are read for the first {MAX_COMPANIES} of {len(parties)} "
                   "companies involved",) if len(parties) > MAX_COMPANIES else ()
        companies = _companies(uow, parties[:MAX_COMPANIES]) if options.wants("sanctions") \
            else ()
        drawn = _graph(uow, kind, record_id, period) if options.wants("chains") else \
            SupplyGraph("", GraphScope())
        cited = [s for x in sightings for s in x.finding.source_ids]
        cited += [c.source_id for v in links for c in v.link.citations]
        cited += [c.source_id for r in chains for ch in r.chains for st in ch.steps
                  for c in st.link.citations]
        cited += [d.source_id for c in companies for d in c.designations if d.source_id]
        sources = common.source_book(uow, cited)
        label = record.part_number if part else record.name
        query = f"dossier of {'part' if part else 'organization'} {label}"
        if any(period):
            query += f", supply links dated {_period(period)}"
        markings = [x.item.handling_marking for x in sightings]
        if seen.findings > len(sightings):
            # Not every item it was found in is read: the brief carries the store's highest
            # marking rather than risk one lower than a record it counts.
            markings += common.all_markings(uow)
            notices += (f"{seen.findings - len(sightings)} findings are counted but not "
                        "listed; the brief carries the highest handling marking of the store",)
        frame = common.frame(store, uow, markings, query, options)
    say(3, 4, "gathered")
    return DossierData(frame, kind, part, organization, seen, sightings, chains, links,
                       link_list.total, drawn, companies, sources, supply.today(), period,
                       notices)


def designation_state(designation: SanctionsDesignation, today: date) -> str:
    """"in force", "delisted" or "not yet in force" (listed after `today`)."""
    if designation.delisted_on is not None and designation.delisted_on <= today:
        return "delisted"
    if designation.listed_on is not None and designation.listed_on > today:
        return "not yet in force"
    return "in force"


def _in_period(day: date | None, period: tuple[date | None, date | None]) -> bool:
    start, end = period
    return day is None or ((start is None or day >= start) and (end is None or day <= end))


def _period(period: tuple[date | None, date | None]) -> str:
    return " to ".join(d.isoformat() if d else "…" for d in period)


def _sightings(uow: Any, seen: SeenBefore) -> tuple[Sighting, ...]:
    ids = [entry.finding_id for entry in seen.entries]
    findings = uow.get_many("finding", ids)
    items = {i.id: i for i in uow.get_many("item", sorted({f.item_id for f in findings},
                                                          key=str))}
    found = [Sighting(f, items[f.item_id]) for f in findings if f.item_id in items]
    return tuple(sorted(found, key=lambda s: (s.item.recovered_on is None,
                                              s.item.recovered_on or date.min,
                                              s.item.case_reference, s.finding.location,
                                              str(s.finding.id))))


def _chains(uow: Any, kind: str, record: Any, links: tuple[LinkView, ...],
            period: tuple[date | None, date | None], check: Callable[[], None] | None
            ) -> tuple[ChainReport, ...]:
    """A part's chains; for an organization, the chains through it of the parts on its
    links (the most linked first)."""
    today = supply.today()
    limits = SearchLimits(max_chains=10)
    if kind == "part":
        subject = supply.read_subject(uow, "part", record.id)
        return (supply.chain_report(uow, subject, period, limits, today),)
    counts: dict[UUID, int] = {}
    for view in links:
        if view.link.part_id is not None:
            counts[view.link.part_id] = counts.get(view.link.part_id, 0) + 1
    reports = []
    for part_id in sorted(counts, key=lambda p: (-counts[p], str(p)))[:MAX_CHAIN_PARTS]:
        if check is not None:
            check()
        subject = supply.read_subject(uow, "part", part_id)
        report = supply.chain_report(uow, subject, period, limits, today)
        through = tuple(c for c in report.chains if record.id in {p.id for p in c.parties})
        if through:
            reports.append(ChainReport(report.subject_kind, report.subject_id,
                                       subject.record.part_number, report.manufacturer,
                                       through, report.links_considered,
                                       notices=report.notices))
    return tuple(reports)


def _parties(organization: Organization | None, links: tuple[LinkView, ...],
             chains: tuple[ChainReport, ...]) -> list[Party]:
    """The organization (or the part's maker) first, then every company on its links and
    chains, by name."""
    found: dict[UUID, Party] = {}
    for view in links:
        found.setdefault(view.seller.id, view.seller)
        found.setdefault(view.buyer.id, view.buyer)
    for report in chains:
        for chain in report.chains:
            for party in chain.parties:
                found.setdefault(party.id, party)
    first: list[Party] = []
    if organization is not None:
        first = [found.pop(organization.id, None) or Party(
            organization.id, organization.name, organization.country, organization.roles)]
    return first + sorted(found.values(), key=lambda p: (p.name.casefold(), str(p.id)))


def _companies(uow: Any, parties: list[Party]) -> tuple[Company, ...]:
    return tuple(Company(party, tuple(uow.list_page(
        "designation", filters={"organization_id": party.id}, limit=200).rows))
        for party in parties)


def _graph(uow: Any, kind: str, record_id: UUID,
           period: tuple[date | None, date | None]) -> SupplyGraph:
    """The graph the screen draws for the part or organization, in the period."""
    scope, title = graph.resolve_scope(uow, **{"part" if kind == "part" else "organization":
                                               record_id},
                                       date_from=period[0], date_to=period[1])
    return graph.graph_in(uow, scope, title, max_nodes=GRAPH_NODES, max_links=GRAPH_NODES * 4)
