"""Reading supply links, their parties, designations and sources for chains and link lists.

Only what one part, finding or organization needs is read, through the indexes on
supply_link (part_id, finding_id, seller_id, buyer_id), component_finding.part_id,
link_source and sanctions_designation.organization_id: never the whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Select, func, nulls_last, or_, select, union
from sqlalchemy.orm import Session

from forensics_gui.core.chains import Citation, LinkFact, Listing, Party
from forensics_gui.storage import models as m

L = m.SupplyLinkRow.__table__
F = m.ComponentFindingRow.__table__
P = m.PartRow.__table__
O = m.OrganizationRow.__table__  # noqa: E741 - the organization table, as in the SQL
D = m.SanctionsDesignationRow.__table__
S = m.SourceRow.__table__
H = m.TransshipmentHubRow.__table__
LS = m.link_source
CHUNK = 1000
_LINK_COLUMNS = (L.c.id, L.c.seller_id, L.c.buyer_id, L.c.status, L.c.shipped_on, L.c.part_id,
                 L.c.finding_id, L.c.quantity, L.c.value, L.c.currency, L.c.declared_hs_code,
                 L.c.declared_description)


def _links(session: Session, statement: Select[Any]) -> list[LinkFact]:
    rows = session.execute(statement).all()
    cited = citations(session, [row.id for row in rows])
    numbers = part_numbers(session, {row.part_id for row in rows if row.part_id})
    return [LinkFact(id=row.id, seller_id=row.seller_id, buyer_id=row.buyer_id,
                     status=row.status, shipped_on=row.shipped_on, part_id=row.part_id,
                     finding_id=row.finding_id, quantity=row.quantity, value=row.value,
                     currency=row.currency, declared_hs_code=row.declared_hs_code,
                     declared_description=row.declared_description,
                     citations=cited.get(row.id, ()),
                     part_number=numbers.get(row.part_id, "") if row.part_id else "")
            for row in rows]


def links_of_part(session: Session, part_id: UUID) -> list[LinkFact]:
    """Links recorded for the part, or for a finding of it (two index lookups, no scan)."""
    of_part = select(*_LINK_COLUMNS).where(L.c.part_id == part_id)
    of_findings = (select(*_LINK_COLUMNS).join(F, F.c.id == L.c.finding_id)
                   .where(F.c.part_id == part_id))
    return _links(session, union(of_part, of_findings))


def links_of_finding(session: Session, finding_id: UUID) -> list[LinkFact]:
    """Links recorded for the finding itself."""
    return _links(session, select(*_LINK_COLUMNS).where(L.c.finding_id == finding_id))


def links_of_org(session: Session, org_id: UUID, limit: int) -> tuple[list[LinkFact], int]:
    """The newest `limit` links the organization sold or bought in (undated last), and how
    many there are in all."""
    involved = or_(L.c.seller_id == org_id, L.c.buyer_id == org_id)
    total = session.execute(select(func.count()).select_from(L).where(involved)).scalar_one()
    statement = (select(*_LINK_COLUMNS).where(involved)
                 .order_by(nulls_last(L.c.shipped_on.desc()), L.c.id).limit(limit))
    return _links(session, statement), int(total)


def citations(session: Session, link_ids: Sequence[UUID]) -> dict[UUID, tuple[Citation, ...]]:
    """{link id: the sources it cites, best grade first}."""
    found: dict[UUID, list[Citation]] = {}
    for chunk in _chunks(link_ids):
        statement = (select(LS.c.link_id, S.c.id, S.c.title, S.c.reliability, S.c.credibility)
                     .join(S, S.c.id == LS.c.source_id).where(LS.c.link_id.in_(chunk)))
        for link_id, source_id, title, reliability, credibility in session.execute(statement):
            found.setdefault(link_id, []).append(
                Citation(source_id, title, reliability, int(credibility)))
    return {k: tuple(sorted(v, key=lambda c: (-c.points, c.title))) for k, v in found.items()}


def part_numbers(session: Session, part_ids: Iterable[UUID]) -> dict[UUID, str]:
    found: dict[UUID, str] = {}
    for chunk in _chunks(list(part_ids)):
        found.update(session.execute(select(P.c.id, P.c.part_number)
                                     .where(P.c.id.in_(chunk))).all())
    return found


def parties(session: Session, org_ids: Iterable[UUID]) -> dict[UUID, Party]:
    """{id: the organization with its designations and whether its country is a hub}."""
    ids = list(dict.fromkeys(org_ids))
    hubs = hub_countries(session)
    listings: dict[UUID, list[Listing]] = {}
    rows: list[Any] = []
    for chunk in _chunks(ids):
        rows += session.execute(select(O.c.id, O.c.name, O.c.country, O.c.roles)
                                .where(O.c.id.in_(chunk))).all()
        statement = (select(D.c.organization_id, D.c.authority, D.c.listed_on, D.c.delisted_on,
                            D.c.programme, D.c.reference).where(D.c.organization_id.in_(chunk)))
        for org_id, *values in session.execute(statement):
            listings.setdefault(org_id, []).append(Listing(*values))
    return {row.id: Party(row.id, row.name, row.country or "", tuple(row.roles or ()),
                          tuple(listings.get(row.id, ())), (row.country or "") in hubs)
            for row in rows}


def hub_countries(session: Session) -> frozenset[str]:
    """The countries on the transshipment hub list."""
    return frozenset(session.scalars(select(H.c.country)))


def chain_subjects(session: Session) -> list[tuple[str, UUID]]:
    """Every part with links (its own or its findings'), then every finding without a part
    that has links of its own: what the sanctions gap looks at."""
    parts = union(select(L.c.part_id).where(L.c.part_id.is_not(None)),
                  select(F.c.part_id).join(L, L.c.finding_id == F.c.id)
                  .where(F.c.part_id.is_not(None))).subquery()
    part_ids = session.scalars(select(parts.c.part_id).order_by(parts.c.part_id)).all()
    findings = session.scalars(
        select(L.c.finding_id).distinct().join(F, F.c.id == L.c.finding_id)
        .where(F.c.part_id.is_(None)).order_by(L.c.finding_id)).all()
    return [("part", i) for i in part_ids] + [("finding", i) for i in findings]


def _chunks(items: Sequence[UUID]) -> Iterator[Sequence[UUID]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
