"""Reading supply links, their parties, designations and sources for chains and link lists.

Only what one part, finding or organization needs is read, through the indexes on
supply_link (part_id, finding_id, seller_id, buyer_id), component_finding.part_id,
link_source and sanctions_designation.organization_id: never the whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import (
    Select,
    String,
    case,
    cast,
    func,
    literal,
    nulls_last,
    or_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session

from forensics_gui.core.chains import (
    CREDIBILITY_POINTS,
    RELIABILITY_POINTS,
    Citation,
    LinkFact,
    Listing,
    Party,
)
from forensics_gui.storage import models as m

if TYPE_CHECKING:
    from forensics_gui.storage.repository import UnitOfWork

L = m.SupplyLinkRow.__table__
F = m.ComponentFindingRow.__table__
P = m.PartRow.__table__
O = m.OrganizationRow.__table__  # noqa: E741 - the organization table, as in the SQL
D = m.SanctionsDesignationRow.__table__
S = m.SourceRow.__table__
H = m.TransshipmentHubRow.__table__
LS = m.link_source
CHUNK = 1000


class _Ids(dict[Any, Any]):
    """Ids read as text, each made a UUID once: a part's links name the same few hundred
    companies and sources thousands of times."""

    def __missing__(self, raw: Any) -> UUID | None:
        value = raw if raw is None or isinstance(raw, UUID) else UUID(hex=raw)
        self[raw] = value
        return value


def _id(session: Session, column: Any, name: str) -> Any:
    """An id column read as text, for `_Ids` to convert once per distinct id."""
    if session.get_bind().dialect.name == "sqlite":
        return type_coerce(column, String).label(name)  # stored as text already
    return cast(column, String).label(name)


def _evidence_points() -> Any:
    """The Admiralty points of the sources a link cites, worked out by the database (the
    same scale as Citation.points)."""
    grade = (case(RELIABILITY_POINTS, value=S.c.reliability, else_=0)
             + case(CREDIBILITY_POINTS, value=S.c.credibility, else_=0))
    return func.coalesce(select(func.sum(grade)).select_from(LS.join(S, S.c.id == LS.c.source_id))
                         .where(LS.c.link_id == L.c.id).scalar_subquery(), 0)


def _link_select(session: Session, cited: bool) -> Select[Any]:
    points = (literal(None) if cited else _evidence_points()).label("points")
    return select(
        _id(session, L.c.id, "id"), _id(session, L.c.seller_id, "seller_id"),
        _id(session, L.c.buyer_id, "buyer_id"), _id(session, L.c.part_id, "part_id"),
        _id(session, L.c.finding_id, "finding_id"), L.c.status, L.c.shipped_on, L.c.quantity,
        L.c.value, L.c.currency, L.c.declared_hs_code, L.c.declared_description, points)


def _links(session: Session, statement: Any, link_ids: Any, cited: bool) -> list[LinkFact]:
    """LinkFacts from the rows of a `_link_select`, with their part numbers, and with their
    sources (`cited`) or only the sources' points; `link_ids` selects the same links' ids
    (for their citations, without sending thousands of ids back to the database)."""
    ids = _Ids()
    rows = session.execute(statement).all()
    sources = _citations(session, LS.c.link_id.in_(link_ids), ids) if cited else {}
    numbers = _part_numbers(session, {ids[row[3]] for row in rows if row[3] is not None})
    facts = []
    # Rows unpacked by position: reading a column by name costs more than the row.
    for (key, seller, buyer, part, finding, status, shipped_on, quantity, value, currency,
         hs_code, description, points) in rows:
        link_id, part_id = ids[key], ids[part]
        facts.append(LinkFact(
            id=link_id, seller_id=ids[seller], buyer_id=ids[buyer], status=status,
            shipped_on=shipped_on, part_id=part_id, finding_id=ids[finding],
            quantity=quantity, value=value, currency=currency, declared_hs_code=hs_code,
            declared_description=description, citations=sources.get(link_id, ()),
            part_number=numbers.get(part_id, "") if part_id else "",
            cited_points=None if cited else int(points)))
    return facts


def citations_of(uow: UnitOfWork, link_ids: Sequence[UUID]) -> dict[UUID, tuple[Citation, ...]]:
    """{link id: the sources it cites, best grade first}, for these links."""
    session = uow.session
    found: dict[UUID, tuple[Citation, ...]] = {}
    ids = _Ids()
    for chunk in _chunks(list(link_ids)):
        found |= _citations(session, LS.c.link_id.in_(chunk), ids)
    return found


def _citations(session: Session, condition: Any, ids: _Ids) -> dict[UUID, tuple[Citation, ...]]:
    found: dict[UUID, list[Citation]] = {}
    sources: dict[str, Citation] = {}  # one object per source, however often it is cited
    statement = (select(_id(session, LS.c.link_id, "link_id"), _id(session, S.c.id, "source_id"),
                        S.c.title, S.c.reliability, S.c.credibility)
                 .join(S, S.c.id == LS.c.source_id).where(condition))
    for link_id, source_id, title, reliability, credibility in session.execute(statement).all():
        citation = sources.get(source_id)
        if citation is None:
            citation = sources[source_id] = Citation(ids[source_id], title, reliability,
                                                     int(credibility))
        found.setdefault(ids[link_id], []).append(citation)
    return {k: tuple(v) if len(v) == 1 else tuple(sorted(v, key=lambda c: (-c.points, c.title)))
            for k, v in found.items()}


def _part_numbers(session: Session, part_ids: set[UUID]) -> dict[UUID, str]:
    found: dict[UUID, str] = {}
    for chunk in _chunks(list(part_ids)):
        found.update(session.execute(select(P.c.id, P.c.part_number)
                                     .where(P.c.id.in_(chunk))).all())
    return found


def links_of_part(uow: UnitOfWork, part_id: UUID, cited: bool = True) -> list[LinkFact]:
    """Links recorded for the part, or for a finding of it (index lookups, no scan); without
    `cited`, each link holds only its sources' points (see `citations_of`)."""
    session = uow.session
    links = _links(session, _link_select(session, cited).where(L.c.part_id == part_id),
                   select(L.c.id).where(L.c.part_id == part_id), cited)
    # The findings' links in a query of their own, and only when the part has findings: a
    # union with the part's is estimated so large on PostgreSQL that it is compiled (JIT)
    # first, which takes longer than the query.
    findings = list(session.scalars(select(F.c.id).where(F.c.part_id == part_id)))
    for chunk in _chunks(findings):
        other = (L.c.finding_id.in_(chunk), or_(L.c.part_id.is_(None), L.c.part_id != part_id))
        links += _links(session, _link_select(session, cited).where(*other),
                        select(L.c.id).where(*other), cited)
    return links


def links_of_finding(uow: UnitOfWork, finding_id: UUID, cited: bool = True
                     ) -> list[LinkFact]:
    """Links recorded for the finding itself."""
    session = uow.session
    return _links(session, _link_select(session, cited).where(L.c.finding_id == finding_id),
                  select(L.c.id).where(L.c.finding_id == finding_id), cited)


def links_of_org(uow: UnitOfWork, org_id: UUID, limit: int) -> tuple[list[LinkFact], int]:
    """The newest `limit` links the organization sold or bought in (undated last), and how
    many there are in all."""
    session = uow.session
    involved = or_(L.c.seller_id == org_id, L.c.buyer_id == org_id)
    total = session.execute(select(func.count()).select_from(L).where(involved)).scalar_one()
    order = (nulls_last(L.c.shipped_on.desc()), L.c.id)
    statement = _link_select(session, True).where(involved).order_by(*order).limit(limit)
    newest = select(L.c.id).where(involved).order_by(*order).limit(limit)
    return _links(session, statement, newest, True), int(total)


def parties(uow: UnitOfWork, org_ids: Iterable[UUID],
            hubs: frozenset[str] | None = None) -> dict[UUID, Party]:
    """{id: the organization with its designations and whether its country is a hub};
    `hubs` are the hub countries when the caller has read them already."""
    session = uow.session
    wanted = list(dict.fromkeys(org_ids))
    hubs = hub_countries(uow) if hubs is None else hubs
    ids = _Ids()
    listings: dict[UUID, list[Listing]] = {}
    rows: list[Any] = []
    for chunk in _chunks(wanted):
        rows += session.execute(select(_id(session, O.c.id, "id"), O.c.name, O.c.country,
                                       O.c.roles).where(O.c.id.in_(chunk))).all()
        statement = (select(_id(session, D.c.organization_id, "org"), D.c.authority,
                            D.c.listed_on, D.c.delisted_on, D.c.programme, D.c.reference)
                     .where(D.c.organization_id.in_(chunk)))
        for org_id, *values in session.execute(statement):
            listings.setdefault(ids[org_id], []).append(Listing(*values))
    return {ids[row.id]: Party(ids[row.id], row.name, row.country or "", tuple(row.roles or ()),
                               tuple(listings.get(ids[row.id], ())), (row.country or "") in hubs)
            for row in rows}


def hub_countries(uow: UnitOfWork) -> frozenset[str]:
    """The countries on the transshipment hub list."""
    session = uow.session
    return frozenset(session.scalars(select(H.c.country)))


def chain_subjects(uow: UnitOfWork) -> list[tuple[str, UUID]]:
    """Every part with links (its own or its findings'), then every finding without a part
    that has links of its own: what the sanctions gap looks at."""
    session = uow.session
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
