"""The counts behind the analytics figures that follow the recovered items: production dates
per system type, the makers over the recovery dates (which keep appearing), recovered items
per recovery date, and the sanctions designations of the companies involved.

As in analytics_query: over the whole store, counts of index ranges (less the withdrawn
findings); with a filter, GROUP BY over the covered findings. Plain values out.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import case, exists, func, literal, or_, select

from forensics_gui.storage.analytics_query import (
    UNDATED,
    Coverage,
    D,
    F,
    Gone,
    I,
    L,
    O,
    P,
    S,
    covered,
    gone_of,
    grouped,
    items_of,
    kept,
    left_out,
    maker_counts,
    maker_of_finding,
    run,
    withdrawn_items,
)

if TYPE_CHECKING:
    from forensics_gui.storage.repository import UnitOfWork


# ------------------------------------------------------------------ system types
def system_production(uow: UnitOfWork, coverage: Coverage,
                      days: Sequence[date]) -> dict[UUID, list[int]]:
    """{system type: [findings with a production date, then those produced after each of
    `days` (in the order given)]}."""
    ordered = sorted(set(days))
    gone = gone_of(uow)
    after = [func.count(case((F.sort_produced > d.isoformat(), literal(1)))) for d in ordered]
    per_type = (select(I.system_type_id, func.count(), *after)
                .select_from(F.__table__.join(I.__table__, I.id == F.item_id))
                .group_by(I.system_type_id))
    if coverage.whole_store:
        found = (_system_ranges if uow.dialect == "sqlite" else _system_groups)(uow, ordered)
        if gone.any:
            for system, *counts in run(uow, per_type.where(left_out(gone),
                                                           F.sort_produced < UNDATED)):
                found[system] = [n - c for n, c in zip(found[system], counts, strict=True)]
    else:
        found = {row[0]: list(row[1:]) for row in run(uow, per_type.where(
            *covered(coverage, gone), F.sort_produced < UNDATED))}
    return {system: [counts[0], *(counts[1 + ordered.index(d)] for d in days)]
            for system, counts in found.items() if counts[0]}


def _system_ranges(uow: UnitOfWork, ordered: list[date]) -> dict[UUID, list[int]]:
    """Each item's findings between consecutive days (every entry of ix_finding_item_produced
    read once), summed per type."""
    bounds = ["", *(d.isoformat() for d in ordered), UNDATED]

    def between(low: str, high: str) -> Any:
        upper = F.sort_produced < high if high == UNDATED else F.sort_produced <= high
        return select(func.count()).select_from(F).where(
            F.item_id == I.id, F.sort_produced > low, upper).scalar_subquery()
    # Counted in the items' own order first (materialized): grouped at once, the items would
    # be taken type by type, and each count would seek to another place of the index.
    per_item = (select(I.system_type_id.label("system"),
                       *(between(low, high).label(f"n{k}")
                         for k, (low, high) in enumerate(itertools.pairwise(bounds))))
                .cte("per_item").prefix_with("MATERIALIZED"))
    slices = [func.sum(per_item.c[f"n{k}"]) for k in range(len(bounds) - 1)]
    found = {}
    for system, *sums in run(uow, select(per_item.c.system, *slices)
                             .group_by(per_item.c.system)):
        counts = [int(n or 0) for n in sums]  # PostgreSQL sums to numeric
        # Produced after day k: the slices above it.
        found[system] = [sum(counts), *(sum(counts[k + 1:]) for k in range(len(ordered)))]
    return found


def _system_groups(uow: UnitOfWork, ordered: list[date]) -> dict[UUID, list[int]]:
    """PostgreSQL groups the findings by item through ix_finding_item_produced (already in
    item order), then the items by type."""
    per_item = (select(F.item_id.label("item"), func.count().label("dated"),
                       *(func.count(case((F.sort_produced > d.isoformat(), literal(1))))
                         .label(f"after{k}") for k, d in enumerate(ordered)))
                .where(F.sort_produced < UNDATED).group_by(F.item_id).subquery())
    statement = (select(I.system_type_id, func.sum(per_item.c.dated),
                        *(func.sum(per_item.c[f"after{k}"]) for k in range(len(ordered))))
                 .select_from(per_item.join(I.__table__, I.id == per_item.c.item))
                 .group_by(I.system_type_id))
    return {system: [int(n or 0) for n in counts] for system, *counts in run(uow, statement)}


def newest_production(uow: UnitOfWork,
                      coverage: Coverage) -> dict[UUID, tuple[UUID, date, date | None]]:
    """{system type: the covered finding with the newest production date (id, first and
    last day of its production period; the first by id among several of that date)}."""
    gone = gone_of(uow)
    if coverage.whole_store:
        # Each item's newest is one seek into ix_finding_item_produced.
        newest = (select(func.max(F.sort_produced))
                  .where(F.item_id == I.id, F.sort_produced < UNDATED).scalar_subquery())
        days = select(I.system_type_id, func.max(newest)).group_by(I.system_type_id)
        if gone.items:
            days = days.where(I.id.not_in(withdrawn_items()))
    else:
        days = (select(I.system_type_id, func.max(F.sort_produced))
                .select_from(F.__table__.join(I.__table__, I.id == F.item_id))
                .where(*covered(coverage, gone), F.sort_produced < UNDATED)
                .group_by(I.system_type_id))
    found = {}
    for system, day in run(uow, days).all():
        row = _newest_of(uow, coverage, gone, system, day) if day is not None else None
        if row is not None:
            found[system] = row
    return found


def _newest_of(uow: UnitOfWork, coverage: Coverage, gone: Gone, system: UUID,
               day: str) -> tuple[UUID, date, date | None] | None:
    conditions = [*covered(coverage, gone),
                  F.item_id.in_(select(I.id).where(I.system_type_id == system))]
    columns = select(F.id, F.produced_from, F.produced_to)
    row = run(uow, columns.where(*conditions, F.sort_produced == day)
              .order_by(F.id).limit(1)).first()
    if row is None:  # every finding of that date was withdrawn: the next newest
        row = run(uow, columns.where(*conditions, F.sort_produced < UNDATED)
                  .order_by(F.sort_produced.desc(), F.id).limit(1)).first()
    return None if row is None else (row[0], row[1], row[2])


def system_names(uow: UnitOfWork, ids: Iterable[UUID]) -> dict[UUID, str]:
    wanted = list(ids)
    if not wanted:
        return {}
    return dict(run(uow, select(S.id, S.name).where(S.id.in_(wanted))).all())


def finding_facts(uow: UnitOfWork, finding_id: UUID) -> dict[str, Any]:
    """What a row naming one finding shows: part number, marking, maker, item, date code."""
    statement = (select(P.part_number, F.marking, O.name.label("maker"), I.case_reference,
                        F.date_code, F.date_code_format).select_from(F)
                 .outerjoin(P, P.id == F.part_id).join(I, I.id == F.item_id)
                 .outerjoin(O, O.id == func.coalesce(F.manufacturer_id, P.manufacturer_id))
                 .where(F.id == finding_id))
    return dict(run(uow, statement).one()._mapping)


# ------------------------------------------------------------------ makers over time
# From this many findings, SQLite places the makers in time by probes of the maker index
# (see _halves_by_probes) rather than by joining every finding to its item.
PROBED_FROM = 100_000


@dataclass(frozen=True, slots=True)
class MakerRecovery:
    """When a maker's components were recovered: its findings in dated items, the first and
    the last half-year holding them (indexes into the half-years asked about) and, where
    known without more reading, the days."""

    findings: int
    first_half: int
    last_half: int
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True, slots=True)
class MakersOverTime:
    """Every covered finding once: under its maker, or with no maker (in a dated item), or
    in an item with no recovery date."""

    makers: dict[UUID, MakerRecovery]
    no_maker: int
    undated_items: int


def recovery_span(uow: UnitOfWork, coverage: Coverage) -> tuple[date, date] | None:
    """The first and the last recovery date of the covered (not withdrawn) items."""
    items = items_of(coverage).where(I.recovered_on.is_not(None),
                                     I.id.not_in(withdrawn_items()))
    first, last = run(uow, items.with_only_columns(func.min(I.recovered_on),
                                                    func.max(I.recovered_on))).one()
    return None if first is None else (first, last)


def makers_over_time(uow: UnitOfWork, coverage: Coverage,
                     halves: Sequence[tuple[date, date]]) -> MakersOverTime:
    """The covered findings by maker, with the first and last of `halves` (consecutive
    periods, oldest first, spanning the covered items' recovery dates) that hold them."""
    gone = gone_of(uow)
    undated = select(I.id).where(I.recovered_on.is_(None))
    in_undated = grouped(uow, [maker_of_finding()], [*covered(coverage, gone),
                                                     F.item_id.in_(undated)])
    counts = maker_counts(uow, coverage) if uow.dialect == "sqlite" and \
        coverage.whole_store else {}
    if sum(counts.values()) > PROBED_FROM:
        dated = {org: n - in_undated.get(org, 0) for org, n in counts.items()}
        placed = _halves_by_probes(uow, halves, {org for org, n in dated.items()
                                                 if org is not None and n})
        makers = {org: MakerRecovery(dated[org], *place) for org, place in placed.items()}
        return MakersOverTime(makers, dated.get(None, 0), sum(in_undated.values()))
    if coverage.whole_store:
        # Grouped by the maker column itself (read from its index), then the findings with
        # none of their own by their part's maker.
        rows = [*_recovery_grouped(uow, F.manufacturer_id, [F.manufacturer_id.is_not(None),
                                                            *kept(gone)]),
                *_recovery_grouped(uow, maker_of_finding(), [F.manufacturer_id.is_(None),
                                                             *kept(gone)])]
    else:
        rows = _recovery_grouped(uow, maker_of_finding(), covered(coverage, gone))
    makers: dict[UUID, MakerRecovery] = {}
    no_maker = 0
    for org, first, last, n in rows:
        if org is None:
            no_maker += n
        else:
            makers[org] = MakerRecovery(n, _half_of(first, halves), _half_of(last, halves),
                                        first, last)
    return MakersOverTime(makers, no_maker, sum(in_undated.values()))


def _recovery_grouped(uow: UnitOfWork, maker: Any, conditions: Sequence[Any]) -> list[Any]:
    statement = (select(maker, func.min(I.recovered_on), func.max(I.recovered_on),
                        func.count())
                 .select_from(F.__table__.join(I.__table__, I.id == F.item_id))
                 .where(*conditions, I.recovered_on.is_not(None)).group_by(maker))
    return list(run(uow, statement))


def _half_of(day: date, halves: Sequence[tuple[date, date]]) -> int:
    return next(n for n, (first, last) in enumerate(halves) if first <= day <= last)


def _halves_by_probes(uow: UnitOfWork, halves: Sequence[tuple[date, date]],
                      makers: set[UUID]) -> dict[UUID, tuple[int, int]]:
    """SQLite would join a million findings to their items row by row; instead, for each
    half-year from the oldest, which makers not yet placed have a finding in an item of it
    (a probe of the maker index that stops at the first such finding), and the same from
    the newest."""
    first: dict[UUID, int] = {}
    last: dict[UUID, int] = {}
    for placed, order in ((first, range(len(halves))),
                          (last, range(len(halves) - 1, -1, -1))):
        for number in order:
            waiting = makers - placed.keys()
            if not waiting:
                break
            for org in makers_in_period(uow, *halves[number], waiting):
                placed[org] = number
    return {org: (first[org], last[org]) for org in first}


def makers_in_period(uow: UnitOfWork, first: date, last: date,
                     among: set[UUID]) -> set[UUID]:
    """Which of the makers have a finding (not withdrawn) in an item recovered within the
    period, over the whole store."""
    items = select(I.id).where(I.recovered_on >= first, I.recovered_on <= last,
                               I.id.not_in(withdrawn_items()))
    gone = gone_of(uow)
    own = select(literal(1)).select_from(F).where(F.manufacturer_id == O.id,
                                                  F.item_id.in_(items), *kept(gone))
    found = set(run(uow, select(O.id).where(O.id.in_(list(among)), own.exists())).scalars())
    by_part = (select(P.manufacturer_id).distinct().select_from(F).join(P, P.id == F.part_id)
               .where(F.manufacturer_id.is_(None), F.item_id.in_(items), *kept(gone),
                      P.manufacturer_id.in_(list(among))))
    return found | set(run(uow, by_part).scalars())


FEW_FINDINGS = 1000  # see recovered_with: below this, looking items up costs less


def recovered_with(uow: UnitOfWork, maker_id: UUID, findings: int,
                   within: tuple[date, date]) -> date | None:
    """The first recovery date within `within` (the last when `within` runs backwards) of an
    item holding a finding of the maker, over the whole store. For a maker with few findings
    their items are looked up; for one with many, the items of the period are read in
    recovery order until one holds a finding of it."""
    kept_ = kept(gone_of(uow))
    start, end = within
    latest = start > end
    dated = [I.recovered_on.between(min(start, end), max(start, end)),
             I.id.not_in(withdrawn_items())]
    if findings <= FEW_FINDINGS:
        # Through the maker index (its findings, and those of its parts with no maker).
        parts = select(P.id).where(P.manufacturer_id == maker_id)
        own = or_(F.manufacturer_id == maker_id,
                  F.manufacturer_id.is_(None) & F.part_id.in_(parts))
        holding = I.id.in_(select(F.item_id).where(own, *kept_))
    else:
        # Item by item: the maker of each of its findings.
        holding = exists().where(F.item_id == I.id, maker_of_finding() == maker_id, *kept_)
    order = I.recovered_on.desc() if latest else I.recovered_on
    return run(uow, select(I.recovered_on).where(*dated, holding)
               .order_by(order).limit(1)).scalar()


# ------------------------------------------------------------------ recovered items
def items_by_recovery(uow: UnitOfWork, coverage: Coverage) -> dict[date | None, int]:
    """{recovery date (None: not recorded): covered items}. With a condition on the
    findings, an item is covered when it holds a covered finding."""
    conditions = [I.id.not_in(withdrawn_items())]
    if coverage.by_item:
        conditions.append(I.id.in_(items_of(coverage)))
    if coverage.by_finding:
        conditions.append(exists().where(F.item_id == I.id,
                                         *covered(coverage, gone_of(uow))))
    statement = (select(I.recovered_on, func.count()).where(*conditions)
                 .group_by(I.recovered_on))
    return dict(run(uow, statement).all())


# ------------------------------------------------------------------ designations
def designations(uow: UnitOfWork, coverage: Coverage) -> list[tuple[date, str, str]]:
    """(listed on, authority, organization) of the designations of the companies involved:
    the makers of covered findings, and the parties to the supply links recorded for the
    covered findings or their parts. Designations are few: each is probed (is its company
    the maker of a covered finding?) rather than every finding read."""
    gone = gone_of(uow)
    conditions = covered(coverage, gone)
    part = P.__table__.alias("designated_part")
    made = or_(exists().where(F.manufacturer_id == D.organization_id, *conditions),
               exists().where(F.manufacturer_id.is_(None), F.part_id == part.c.id,
                              part.c.manufacturer_id == D.organization_id, *conditions))
    links = select(L.seller_id, L.buyer_id).where(or_(L.part_id.is_not(None),
                                                      L.finding_id.is_not(None)))
    if not coverage.whole_store or gone.any:
        findings = select(F.id).where(*conditions)
        links = links.where(or_(L.finding_id.in_(findings),
                                L.part_id.in_(findings.with_only_columns(F.part_id))))
    parties = list({org for pair in run(uow, links) for org in pair})
    involved = or_(made, D.organization_id.in_(parties)) if parties else made
    statement = (select(D.listed_on, D.authority, O.name).join(O, O.id == D.organization_id)
                 .where(D.listed_on.is_not(None), involved).order_by(D.listed_on, O.name))
    return [(row[0], row[1], row[2]) for row in run(uow, statement)]
