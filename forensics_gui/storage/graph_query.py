"""The supply graph's queries: which links a graph holds, their parties, the parties'
designations, hubs, and the parts that links are recorded for.

Scopes arrive resolved (ids and dates); every value reaches the database as a bound
parameter. Long lists of ids are sent in chunks so that no statement grows unbounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from sqlalchemy import ColumnElement, and_, func, or_, select, true, union
from sqlalchemy.orm import Session

from forensics_gui.core.graph import GraphEdge, GraphScope, PartChoice
from forensics_gui.storage import models as m

if TYPE_CHECKING:
    from forensics_gui.storage.repository import UnitOfWork

L = m.SupplyLinkRow
O = m.OrganizationRow  # noqa: E741 - the organization table, as in the SQL it mirrors
P = m.PartRow
F = m.ComponentFindingRow
D = m.SanctionsDesignationRow
S = m.SourceRow
CHUNK = 500
Designation = tuple[str, date | None, date | None]  # authority, listed on, delisted on


def _chunks(ids: Sequence[UUID], size: int = CHUNK) -> Iterator[Sequence[UUID]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def link_condition(scope: GraphScope) -> ColumnElement[bool]:
    """The links a scope holds (without its organization, which is walked separately)."""
    conditions: list[ColumnElement[bool]] = [_period(scope)]
    about: list[ColumnElement[bool]] = []
    if scope.part_ids:
        about.append(L.part_id.in_(scope.part_ids))
        # A link recorded against a finding of the part is about the part too.
        about.append(L.finding_id.in_(select(F.id).where(F.part_id.in_(scope.part_ids))))
    if scope.finding_id is not None:
        about.append(L.finding_id == scope.finding_id)
    if about:
        conditions.append(or_(*about))
    return and_(*conditions)


def _period(scope: GraphScope) -> ColumnElement[bool]:
    inside: list[ColumnElement[bool]] = []
    if scope.date_from is not None:
        inside.append(L.shipped_on >= scope.date_from)
    if scope.date_to is not None:
        inside.append(L.shipped_on <= scope.date_to)
    dated = and_(L.shipped_on.is_not(None), *inside)
    return or_(L.shipped_on.is_(None), dated) if scope.include_undated else dated


def count_links(uow: UnitOfWork, condition: ColumnElement[bool]) -> int:
    """How many links meet the condition."""
    session = uow.session
    return int(session.execute(select(func.count()).select_from(L).where(condition))
               .scalar_one())


def count_parties(uow: UnitOfWork, condition: ColumnElement[bool]) -> int:
    """How many organizations sell or buy in the links that meet the condition."""
    session = uow.session
    parties = union(select(L.seller_id.label("org")).where(condition),
                    select(L.buyer_id.label("org")).where(condition)).subquery()
    return int(session.execute(select(func.count()).select_from(parties)).scalar_one())


def link_ids(uow: UnitOfWork, condition: ColumnElement[bool],
             limit: int | None = None) -> list[UUID]:
    """Ids of the links meeting the condition, in id order (creation order)."""
    session = uow.session
    query = select(L.id).where(condition).order_by(L.id)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def stream_link_ids(uow: UnitOfWork, condition: ColumnElement[bool],
                    batch: int = CHUNK) -> Iterator[list[UUID]]:
    """The same ids in batches, without holding every one of them at once."""
    session = uow.session
    last: UUID | None = None
    while True:
        query = select(L.id).where(condition)
        if last is not None:
            query = query.where(L.id > last)
        ids = list(session.scalars(query.order_by(L.id).limit(batch)))
        if not ids:
            return
        yield ids
        last = ids[-1]


def stream_organization_ids(uow: UnitOfWork, batch: int = CHUNK) -> Iterator[list[UUID]]:
    """Every organization's id, in batches."""
    session = uow.session
    last: UUID | None = None
    while True:
        query = select(O.id)
        if last is not None:
            query = query.where(O.id > last)
        ids = list(session.scalars(query.order_by(O.id).limit(batch)))
        if not ids:
            return
        yield ids
        last = ids[-1]


def links_near(uow: UnitOfWork, organization_id: UUID, depth: int,
               scope: GraphScope, max_links: int) -> list[UUID]:
    """Links within `depth` steps of an organization, either way along the flow; stops
    once more than `max_links` are found (the caller reports the graph as too large)."""
    session = uow.session
    condition = link_condition(GraphScope(date_from=scope.date_from, date_to=scope.date_to,
                                          include_undated=scope.include_undated,
                                          part_ids=scope.part_ids))
    seen_orgs = {organization_id}
    frontier = [organization_id]
    found: dict[UUID, None] = {}
    for _ in range(depth):
        reached: list[UUID] = []
        for chunk in _chunks(frontier):
            query = select(L.id, L.seller_id, L.buyer_id).where(
                condition, or_(L.seller_id.in_(chunk), L.buyer_id.in_(chunk)))
            for link_id, seller, buyer in session.execute(query):
                found[link_id] = None
                reached += [o for o in (seller, buyer) if o not in seen_orgs]
                seen_orgs.update((seller, buyer))
            if len(found) > max_links:
                return list(found)
        frontier = sorted(set(reached))
        if not frontier:
            break
    return sorted(found)


def graph_edges(uow: UnitOfWork, ids: Sequence[UUID]) -> list[GraphEdge]:
    """The links with these ids as graph edges, with the titles of their sources."""
    session = uow.session
    titles = _source_titles(session, ids)
    edges = []
    part_number = select(P.part_number).where(P.id == L.part_id).scalar_subquery()
    for chunk in _chunks(ids):
        query = select(L.id, L.seller_id, L.buyer_id, L.status, L.shipped_on, L.part_id,
                       part_number, L.finding_id, L.quantity, L.value, L.currency,
                       L.declared_hs_code, L.declared_description).where(L.id.in_(chunk))
        for row in session.execute(query):
            cited = titles.get(row[0], ())
            edges.append(GraphEdge(
                id=row[0], seller_id=row[1], buyer_id=row[2], status=row[3],
                shipped_on=row[4], part_id=row[5], part_number=row[6] or "",
                finding_id=row[7], quantity=row[8], value=row[9], currency=row[10] or "",
                declared_hs_code=row[11] or "", declared_description=row[12] or "",
                source_count=len(cited), source_titles=cited))
    return edges


def _source_titles(session: Session, ids: Sequence[UUID]) -> dict[UUID, tuple[str, ...]]:
    found: dict[UUID, list[str]] = {}
    table = m.link_source
    for chunk in _chunks(ids):
        query = (select(table.c.link_id, S.title).join(S, S.id == table.c.source_id)
                 .where(table.c.link_id.in_(chunk)).order_by(table.c.link_id, S.title))
        for link_id, title in session.execute(query):
            found.setdefault(link_id, []).append(title)
    return {k: tuple(v) for k, v in found.items()}


def organization_facts(uow: UnitOfWork, ids: Iterable[UUID]
                       ) -> list[tuple[UUID, str, str, tuple[str, ...]]]:
    """(id, name, country, roles) of the organizations with these ids."""
    session = uow.session
    wanted = sorted(set(ids))
    facts = []
    for chunk in _chunks(wanted):
        for row in session.execute(select(O.id, O.name, O.country, O.roles)
                                   .where(O.id.in_(chunk))):
            facts.append((row[0], row[1], row[2] or "", tuple(row[3] or ())))
    return facts


def designations_of(uow: UnitOfWork, ids: Iterable[UUID]) -> dict[UUID, list[Designation]]:
    """{organization id: its designations as (authority, listed on, delisted on)}."""
    session = uow.session
    wanted = sorted(set(ids))
    found: dict[UUID, list[Designation]] = {}
    for chunk in _chunks(wanted):
        query = (select(D.organization_id, D.authority, D.listed_on, D.delisted_on)
                 .where(D.organization_id.in_(chunk)).order_by(D.organization_id, D.id))
        for org_id, authority, listed_on, delisted_on in session.execute(query):
            found.setdefault(org_id, []).append((authority, listed_on, delisted_on))
    return found


def designation_ids_of(uow: UnitOfWork, ids: Sequence[UUID]) -> list[UUID]:
    """Ids of the designations of these organizations."""
    session = uow.session
    found: list[UUID] = []
    for chunk in _chunks(ids):
        found += session.scalars(select(D.id).where(D.organization_id.in_(chunk))
                                 .order_by(D.id))
    return found


def hub_names(uow: UnitOfWork) -> dict[str, str]:
    """{country code: hub name} of the transshipment hubs."""
    session = uow.session
    return {country.upper(): name for country, name in session.execute(
        select(m.TransshipmentHubRow.country, m.TransshipmentHubRow.name))}


def parts_with_links(uow: UnitOfWork, contains: str, limit: int) -> list[PartChoice]:
    """Parts that links are recorded for, by part number, with how many links."""
    session = uow.session
    condition = P.part_number.ilike(f"%{_escaped(contains)}%", escape="\\") \
        if contains else true()
    query = (select(P.id, P.part_number, O.name, func.count(L.id))
             .join(L, L.part_id == P.id).outerjoin(O, O.id == P.manufacturer_id)
             .where(condition).group_by(P.id, P.part_number, O.name)
             .order_by(P.part_number, P.id).limit(limit))
    return [PartChoice(row[0], row[1], row[2] or "", int(row[3]))
            for row in session.execute(query)]


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
