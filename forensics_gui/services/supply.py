"""Supply links of a part, a finding or an organization, and a part's probable supply chains.

One API for the editors' "Supply links" box, the chains panel and `forensics links` /
`forensics chains`. Every link comes with its parties' designation timing (designated before
the link's date, after it, not at all, or undecidable for want of a date).

Which links make a chain: the links recorded for the part (part_id) and for its findings
(finding_id); for a finding, its own links and its part's. Links recorded with no part and no
finding are left out of chains: they say that two companies trade, not that this part passed
between them (they are listed in the organizations' boxes). A chain starts at the part's
manufacturer (for a finding without a part, the finding's own manufacturer) and ends at an
organization in Russia with the role importer or end user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from forensics_gui.core.chains import (
    CHAIN_KINDS,
    LINK_KINDS,
    MAX_LISTED,
    ChainReport,
    LinkFact,
    LinkList,
    Party,
    SearchLimits,
    find_chains,
    link_view,
)
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import FieldSpec, describe, parse_date
from forensics_gui.services.records import resolve_one
from forensics_gui.storage import supply_query as sq
from forensics_gui.storage.repository import UnitOfWork
from forensics_gui.storage.store import Store

_FROM = FieldSpec("from", "From", "date")
_TO = FieldSpec("to", "To", "date")


def today() -> date:
    """The date designations are judged current on (UTC)."""
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class Subject:
    """What links and chains are asked about, as read from the store."""

    kind: str
    id: UUID
    label: str
    maker_id: UUID | None
    part_id: UUID | None  # the part itself, or the finding's part
    record: Any


def links_for(store: Store, kind: str, reference: str | UUID, *,
              limit: int = MAX_LISTED) -> LinkList:
    """The supply links involving a part (its findings' included), a finding (its part's
    included) or an organization (as seller or buyer), newest first, undated last, each with
    both parties' designation timing. At most `limit` links; `total` says how many exist."""
    _check_kind(kind, LINK_KINDS)
    if not 1 <= limit <= 10_000:
        raise ValidationError("limit", "must be between 1 and 10000")
    with store.reading() as uow:
        subject = read_subject(uow, kind, reference)
        if kind == "org":
            links, total = sq.links_of_org(uow, subject.id, limit)
        else:
            links = subject_links(uow, subject)
            total = len(links)
        links = sorted(links, key=lambda x: (x.shipped_on is None, -_ordinal(x.shipped_on),
                                             str(x.id)))[:limit]
        parties = sq.parties(uow, _party_ids(links))
    day = today()
    views = tuple(link_view(x, parties, day, recorded_for(subject, x)) for x in links)
    notices = () if views else (f"no supply links are recorded for {subject.label}",)
    return LinkList(kind, subject.id, subject.label, views, total, notices)


def chains_for(store: Store, kind: str, reference: str | UUID, *,
               period_from: date | str | None = None, period_to: date | str | None = None,
               limits: SearchLimits | None = None) -> ChainReport:
    """Probable supply chains of a part or finding: every path of recorded links from its
    manufacturer to a Russian importer or end user, best first (weakest status, then the
    sources' grades, then shorter). With a period, dated links outside it are left out.

    The report says, instead of failing, when there is no manufacturer, no link, or no
    chain, and when a bound of the search (`limits`) cut it short.
    """
    _check_kind(kind, CHAIN_KINDS)
    period = parse_period(period_from, period_to)
    with store.reading() as uow:
        subject = read_subject(uow, kind, reference)
        return chain_report(uow, subject, period, limits or SearchLimits(), today())


def parse_period(period_from: date | str | None, period_to: date | str | None
                 ) -> tuple[date | None, date | None]:
    """(from, to) as dates; a ValidationError when one is not a date or they are reversed."""
    start, end = parse_date(_FROM, period_from), parse_date(_TO, period_to)
    if start and end and end < start:
        raise ValidationError("to", f"{end} is before the start of the period ({start})")
    return start, end


def read_subject(uow: Any, kind: str, reference: str | UUID) -> Subject:
    """The part, finding or organization named by `reference`, with where chains start."""
    record = uow.get(kind, resolve_one(uow, kind, reference))
    if kind == "part":
        label = f"part {record.part_number}"
        return Subject(kind, record.id, label, record.manufacturer_id, record.id, record)
    if kind == "finding":
        label = f"finding {describe('finding', record)}"
        maker = record.manufacturer_id
        if record.part_id and maker is None:
            maker = uow.get("part", record.part_id).manufacturer_id
        return Subject(kind, record.id, label, maker, record.part_id, record)
    return Subject(kind, record.id, record.name, None, None, record)


def subject_links(uow: UnitOfWork, subject: Subject, cited: bool = True) -> list[LinkFact]:
    """The links chains of `subject` are made of (see the module's description); without
    `cited`, with their sources' points only."""
    found: dict[UUID, LinkFact] = {}
    if subject.kind == "finding":
        found.update((x.id, x) for x in sq.links_of_finding(uow, subject.id, cited))
    if subject.part_id is not None:
        found.update((x.id, x) for x in sq.links_of_part(uow, subject.part_id, cited))
    return list(found.values())


def recorded_for(subject: Subject, link: LinkFact) -> str:
    """What the link was recorded for, seen from the subject: part, finding, this finding."""
    if subject.kind == "finding" and link.finding_id == subject.id:
        return "this finding"
    if link.finding_id is not None:
        return "finding"
    return "part" if link.part_id is not None else ""


def chain_report(uow: UnitOfWork, subject: Subject, period: tuple[date | None, date | None],
                 limits: SearchLimits, day: date,
                 hubs: frozenset[str] | None = None) -> ChainReport:
    """The chains of `subject`, read and found inside the caller's unit of work (`hubs`:
    the hub countries, when the caller asks about many subjects in one read)."""
    empty = _why_no_chain(subject)
    # The sources themselves are read only for the links on the chains kept.
    links = subject_links(uow, subject, cited=False) if not empty else []
    if not empty and not links:
        empty = f"no supply links are recorded for {subject.label}"
    parties = sq.parties(uow, [*_party_ids(links), *filter(None, [subject.maker_id])],
                         hubs)
    maker = parties.get(subject.maker_id) if subject.maker_id else None
    if empty:
        return ChainReport(subject.kind, subject.id, subject.label, maker, (), 0,
                           notices=(empty,), period_from=period[0], period_to=period[1])
    assert maker is not None
    search = find_chains(maker.id, links, parties, today=day, limits=limits, period=period,
                         recorded_for={x.id: recorded_for(subject, x) for x in links},
                         cite=lambda link_ids: sq.citations_of(uow, link_ids))
    notices = _notices(search, maker, len(links))
    return ChainReport(subject.kind, subject.id, subject.label, maker, search.chains,
                       len(links), search.paths_found, search.cut_short, notices, *period)


def _why_no_chain(subject: Subject) -> str:
    if subject.maker_id is not None:
        return ""
    if subject.kind == "part":
        return (f"{subject.label} has no manufacturer recorded: chains start at the "
                "manufacturer, so there is none to show; set the part's manufacturer first")
    if subject.part_id is None:
        return (f"{subject.label} is unidentified (no part and no manufacturer): there is no "
                "maker to start a chain from")
    return (f"the part of {subject.label} has no manufacturer recorded: chains start at the "
            "manufacturer, so there is none to show")


def _notices(search: Any, maker: Party, link_count: int) -> tuple[str, ...]:
    notices = []
    if search.self_links:
        notices.append(f"{search.self_links} link{'s' * (search.self_links != 1)} between a "
                       "company and itself ignored")
    if search.out_of_period:
        notices.append(f"{search.out_of_period} link{'s' * (search.out_of_period != 1)} dated "
                       "outside the period left out")
    if not search.chains:
        notices.append(f"none of the {link_count} recorded link{'s' * (link_count != 1)} "
                       f"leads from {maker.name} to a Russian importer or end user (an "
                       "organization in RU with the role importer or end user)")
    if search.paths_found > len(search.chains):
        notices.append(f"at least {search.paths_found:,} chains; the best "
                       f"{len(search.chains)} are shown")
    return tuple(notices)


def _party_ids(links: list[LinkFact]) -> list[UUID]:
    return [party for x in links for party in (x.seller_id, x.buyer_id)]


def _ordinal(day: date | None) -> int:
    return day.toordinal() if day else 0


def _check_kind(kind: str, allowed: tuple[str, ...]) -> None:
    if kind not in allowed:
        raise ValidationError("kind", f"{kind!r} is not one of: {', '.join(allowed)}")
