"""The sanctions gap: parts whose supply chains pass only through companies designated nowhere.

A chain is in the gap when no company on it holds a designation in force today, the
manufacturer apart: the maker is where the chain starts (often a Western company whose goods
were diverted), and the gap is about whoever moved the goods on from there. A part is listed
with those of its chains that are in the gap; each company on such a chain (the maker apart)
is listed with the parts and the links that put it there, and each link's status, date and
sources with their grades: the list a desk officer acts on.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from forensics_gui.core.chains import (
    GapOrganization,
    GapPart,
    LinkView,
    Party,
    SanctionsGap,
    SearchLimits,
    SupplyChain,
    chain_rank,
)
from forensics_gui.services.supply import Subject, chain_report, parse_period, read_subject, today
from forensics_gui.storage import supply_query as sq
from forensics_gui.storage.store import Store


def sanctions_gap(store: Store, *, period_from: date | str | None = None,
                  period_to: date | str | None = None, limits: SearchLimits | None = None,
                  control: Any = None) -> SanctionsGap:
    """Every part (and finding without a part) with links, examined for chains in the gap,
    in one consistent read of the store. `control` (optional) receives progress and may
    cancel between parts."""
    period = parse_period(period_from, period_to)
    day, limits = today(), limits or SearchLimits()
    collector = _Collector()
    with store.reading() as uow:
        subjects = sq.chain_subjects(uow)
        hubs = sq.hub_countries(uow)  # once, not once per part
        for done, (kind, subject_id) in enumerate(subjects):
            if control is not None:
                control.report(done, len(subjects), f"Examining {done + 1} of {len(subjects)}")
                control.check()
            subject = read_subject(uow, kind, subject_id)
            if subject.maker_id is None:
                collector.no_maker += 1
                continue
            report = chain_report(uow, subject, period, limits, day, hubs)
            if report.cut_short:
                collector.cut.append(f"{subject.label}: {report.cut_short}")
            collector.add(subject, report.manufacturer,
                          tuple(c for c in report.chains if c.in_gap()))
    return collector.result(len(subjects), period)


class _Collector:
    def __init__(self) -> None:
        self.parts: list[GapPart] = []
        self.orgs: dict[UUID, tuple[Party, dict[str, None], dict[UUID, LinkView]]] = {}
        self.cut: list[str] = []
        self.no_maker = 0

    def add(self, subject: Subject, maker: Party | None, chains: tuple[SupplyChain, ...]
            ) -> None:
        if not chains:
            return
        label = _label(subject)
        self.parts.append(GapPart(subject.kind, subject.id, label, maker, chains))
        for chain in chains:
            start = chain.steps[0].seller.id
            for step in chain.steps:
                for party in (step.seller, step.buyer):
                    if party.id != start:
                        _, subjects, links = self.orgs.setdefault(party.id, (party, {}, {}))
                        subjects[label] = None
                        links[step.link.id] = step

    def result(self, examined: int, period: tuple[date | None, date | None]) -> SanctionsGap:
        parts = sorted(self.parts, key=lambda p: (chain_rank(p.chains[0]), p.label))
        orgs = sorted((GapOrganization(party, tuple(sorted(subjects)), tuple(links.values()))
                       for party, subjects, links in self.orgs.values()),
                      key=lambda o: (-len(o.subjects), -len(o.links), o.party.name.lower()))
        notices = []
        if self.no_maker:
            notices.append(f"{self.no_maker} part{'s' * (self.no_maker != 1)} or finding"
                           f"{'s' * (self.no_maker != 1)} with links but no manufacturer "
                           "recorded could not be examined")
        return SanctionsGap(tuple(parts), tuple(orgs), examined, tuple(self.cut), *period,
                            notices=tuple(notices))


def _label(subject: Subject) -> str:
    record = subject.record
    if subject.kind == "part":
        return record.part_number
    return subject.label
