"""The counts behind the analytics figures, in SQL: covered findings per maker, per part's
CHPL tier and category, per identification, per production period and date-code state
(analytics_recovery has those that follow the recovered items).

Counting a million findings row by row costs seconds; counting the entries of an index
between two keys costs milliseconds. So over the whole store every count is made of index
ranges (migration 0007 added the indexes): the findings of a maker are the entries of
ix_finding_maker_part_item under it, those of a CHPL tier the entries of
ix_component_finding_part_id under each part of the tier (the parts read from ix_part_facts),
those of a month the entries of ix_finding_sort_produced between two dates. Withdrawn
evidence (and the findings of withdrawn items) is left out by counting the same things over
those few rows and taking them away, so that nothing changes while nothing is withdrawn.

With a filter (system type, items, recovery or production period, maker country) the covered
findings are grouped row by row (GROUP BY), from whichever index the filter starts from.

Every function takes the unit of work and returns plain values: ids, dates and counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID
from weakref import WeakKeyDictionary

from sqlalchemy import ColumnElement, case, func, literal, or_, select, text

from forensics_gui.storage import models as m
from forensics_gui.storage.search_query import part_category  # one rule for both

if TYPE_CHECKING:
    from forensics_gui.storage.repository import UnitOfWork

F = m.ComponentFindingRow
P = m.PartRow
O = m.OrganizationRow  # noqa: E741 - the organization table, as in the SQL it mirrors
I = m.RecoveredItemRow  # noqa: E741
S = m.WeaponSystemTypeRow
D = m.SanctionsDesignationRow
L = m.SupplyLinkRow

UNDATED = "~"  # sort_produced of a finding with no production date (sorts after every date)
# A date-code reading is a week or a month (core.datecodes), so a production period that
# runs across a day starts at most this many days before it.
LONGEST_READING_DAYS = 31
AMBIGUOUS = "ambiguous"  # how core.datecodes starts the note of a code with several readings


@dataclass(frozen=True, slots=True)
class Coverage:
    """Which findings are counted, resolved to ids (core.analytics.AnalyticsFilters)."""

    system_id: UUID | None = None
    item_ids: tuple[UUID, ...] = ()
    recovered_from: date | None = None
    recovered_to: date | None = None
    produced_after: date | None = None
    produced_before: date | None = None
    countries: tuple[str, ...] = ()

    @property
    def by_item(self) -> bool:
        """A condition on the recovered items (type, the items themselves, recovery date)."""
        return bool(self.system_id or self.item_ids or self.recovered_from or self.recovered_to)

    @property
    def by_finding(self) -> bool:
        """A condition on the findings themselves (production period, maker's country)."""
        return bool(self.produced_after or self.produced_before or self.countries)

    @property
    def whole_store(self) -> bool:
        return not (self.by_item or self.by_finding)


def run(uow: UnitOfWork, statement: Any) -> Any:
    # Columns, not mapped objects: through the connection, without the ORM's bookkeeping.
    return uow.session.connection().execute(statement)


def begin(uow: UnitOfWork) -> None:
    """Ready a unit of work for the counts: on PostgreSQL without JIT compilation for the
    rest of its transaction (compiling the plans of these short queries costs a second, more
    than running them)."""
    if uow.dialect == "postgresql":
        uow.session.connection().exec_driver_sql("SET LOCAL jit = off")


# ------------------------------------------------------------------ what is left out
@dataclass(frozen=True, slots=True)
class Gone:
    """Whether any finding, or any recovered item, was withdrawn (one probe each)."""

    findings: bool
    items: bool

    @property
    def any(self) -> bool:
        return self.findings or self.items


_GONE: WeakKeyDictionary[Any, Gone] = WeakKeyDictionary()


def gone_of(uow: UnitOfWork) -> Gone:
    """Asked once per unit of work (the counts are read in one that writes nothing)."""
    if uow not in _GONE:
        def withdrawn(model: Any) -> bool:
            probe = select(model.id).where(model.withdrawn_at.is_not(None)).limit(1)
            return run(uow, probe).first() is not None
        _GONE[uow] = Gone(withdrawn(F), withdrawn(I))
    return _GONE[uow]


def withdrawn_items() -> Any:
    gone = I.__table__.alias("withdrawn_item")
    return select(gone.c.id).where(gone.c.withdrawn_at.is_not(None))


def withdrawn_findings() -> Any:
    gone = F.__table__.alias("withdrawn_finding")
    return select(gone.c.id).where(gone.c.withdrawn_at.is_not(None))


def kept(gone: Gone) -> list[ColumnElement[bool]]:
    """Conditions that leave withdrawn findings and the findings of withdrawn items out."""
    kept = [F.id.not_in(withdrawn_findings())] if gone.findings else []
    return kept + ([F.item_id.not_in(withdrawn_items())] if gone.items else [])


def left_out(gone: Gone) -> ColumnElement[bool]:
    """The findings `kept` leaves out (read through the partial indexes of withdrawn ids)."""
    return or_(*([F.id.in_(withdrawn_findings())] if gone.findings else []),
               *([F.item_id.in_(withdrawn_items())] if gone.items else []))


def subtract(counts: dict[Any, int], gone: dict[Any, int]) -> dict[Any, int]:
    for key, n in gone.items():
        counts[key] = counts.get(key, 0) - n
    return {key: n for key, n in counts.items() if n}


# ------------------------------------------------------------------ covered findings
def maker_of_finding() -> Any:
    """A finding's maker: its own, else its part's."""
    part = P.__table__.alias("maker_part")  # the finding alone is taken from the query
    part_maker = select(part.c.manufacturer_id).where(part.c.id == F.part_id).scalar_subquery()
    return func.coalesce(F.manufacturer_id, part_maker)


def items_of(coverage: Coverage) -> Any:
    """The ids of the recovered items meeting the item conditions."""
    items = select(I.id)
    if coverage.system_id:
        items = items.where(I.system_type_id == coverage.system_id)
    if coverage.item_ids:
        items = items.where(I.id.in_(coverage.item_ids))
    if coverage.recovered_from:
        items = items.where(I.recovered_on >= coverage.recovered_from)
    if coverage.recovered_to:
        items = items.where(I.recovered_on <= coverage.recovered_to)
    return items


def covered(coverage: Coverage, gone: Gone) -> list[ColumnElement[bool]]:
    """Conditions on findings (rows of F) for the coverage, withdrawn evidence left out."""
    found = kept(gone)
    if coverage.by_item:
        found.append(F.item_id.in_(items_of(coverage)))
    if coverage.produced_after:
        found.append(F.produced_from >= coverage.produced_after)
    if coverage.produced_before:
        found.append(func.coalesce(F.produced_to, F.produced_from) <= coverage.produced_before)
    if coverage.countries:
        found.append(maker_of_finding().in_(select(O.id).where(O.country.in_(coverage.countries))))
    return found


def grouped(uow: UnitOfWork, keys: Sequence[Any], conditions: Sequence[Any],
             joined: Any = None) -> dict[Any, int]:
    """{key (a tuple when there are several): findings} over the findings meeting them."""
    source = F.__table__ if joined is None else joined
    statement = (select(*keys, func.count()).select_from(source).where(*conditions)
                 .group_by(*keys))
    return {(tuple(row[:-1]) if len(keys) > 1 else row[0]): row[-1]
            for row in run(uow, statement)}


def _counted(uow: UnitOfWork, coverage: Coverage, keys: Sequence[Any], fast: Any,
             joined: Any = None, where: Sequence[Any] = ()) -> dict[Any, int]:
    """Grouped counts of the findings meeting `where`: over the whole store from
    `fast(uow)` (index ranges, counting the same findings) less the withdrawn ones, else row
    by row over the covered findings."""
    gone = gone_of(uow)
    if not coverage.whole_store:
        return grouped(uow, keys, [*covered(coverage, gone), *where], joined)
    found = fast(uow)
    if gone.any:
        found = subtract(found, grouped(uow, keys, [left_out(gone), *where], joined))
    return found


def covered_findings(uow: UnitOfWork, coverage: Coverage) -> int:
    """How many findings the figures cover."""
    gone = gone_of(uow)
    if not coverage.whole_store:
        return run(uow, select(func.count()).select_from(F)
                    .where(*covered(coverage, gone))).scalar_one()
    withdrawn = run(uow, select(func.count()).select_from(F).where(left_out(gone))
                     ).scalar_one() if gone.any else 0
    return _every_finding(uow) - withdrawn


def _every_finding(uow: UnitOfWork) -> int:
    return run(uow, select(func.count()).select_from(F)).scalar_one()


# ------------------------------------------------------------------ makers
def maker_counts(uow: UnitOfWork, coverage: Coverage) -> dict[UUID | None, int]:
    """{maker id (None: no maker identified): findings}."""
    return _counted(uow, coverage, [maker_of_finding()], _maker_ranges)


def _maker_ranges(uow: UnitOfWork) -> dict[Any, int]:
    in_range = select(func.count()).select_from(F).where(F.manufacturer_id == O.id)
    found = {org: n for org, n in run(uow, select(O.id, in_range.scalar_subquery())) if n}
    # Findings with no maker of their own count under their part's, if it has one.
    for org, n in grouped(uow, [maker_of_finding()], [F.manufacturer_id.is_(None)]).items():
        found[org] = found.get(org, 0) + n
    return found


def organizations(uow: UnitOfWork, ids: Iterable[UUID]) -> dict[UUID, tuple[str, str, str]]:
    """{id: (name, country, successor's name or '')}."""
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    successor = O.__table__.alias("successor")
    statement = (select(O.id, O.name, O.country, successor.c.name)
                 .outerjoin(successor, successor.c.id == O.successor_id).where(O.id.in_(wanted)))
    return {row[0]: (row[1], row[2] or "", row[3] or "") for row in run(uow, statement)}


def country_of_makers(uow: UnitOfWork) -> dict[UUID, str]:
    """{organization id: country} of every organization with a country."""
    return dict(run(uow, select(O.id, O.country).where(O.country != "")).all())


# ------------------------------------------------------------------ parts
TierKey = tuple[str, bool] | None  # (the part's CHPL tier, it has an HS code); None: no part


def tier_counts(uow: UnitOfWork, coverage: Coverage) -> dict[TierKey, int]:
    """{(CHPL tier, has an HS code) of the finding's part, or None (no part): findings}."""
    keys = [P.chpl_tier, P.hs_code != literal("")]
    found = _counted(uow, coverage, keys, _tier_ranges, _with_parts())
    collapsed: dict[TierKey, int] = {}
    for (tier, coded), n in found.items():
        key = None if tier is None else (tier, bool(coded))
        collapsed[key] = collapsed.get(key, 0) + n
    return collapsed


def category_counts(uow: UnitOfWork, coverage: Coverage) -> dict[str | None, int]:
    """{category of the finding's part (its function where it has no category; '' when it
    has neither), or None (no part): findings}."""
    return _counted(uow, coverage, [part_category()], _category_ranges, _with_parts())


def _with_parts() -> Any:
    return F.__table__.outerjoin(P.__table__, P.id == F.part_id)


def _findings_of_part() -> Any:
    return select(func.count()).select_from(F).where(F.part_id == P.id).scalar_subquery()


def _no_part(uow: UnitOfWork) -> int:
    return run(uow, select(func.count()).select_from(F).where(F.part_id.is_(None))).scalar_one()


# SQLite joins by looking rows up one at a time, which over a million findings costs
# seconds; it counts the entries of one part in the findings' part index in a microsecond
# when it takes the parts in the order of their ids (the order of that index: ix_part_facts
# reads them so). PostgreSQL hashes the parts and reads the findings' part index once.
def _tier_ranges(uow: UnitOfWork) -> dict[Any, int]:
    keys = [P.chpl_tier, P.hs_code != literal("")]
    if uow.dialect != "sqlite":
        return _joined(uow, keys)
    pairs = list(run(uow, select(*keys).distinct()))
    # One sum per (tier, coded) pair: a GROUP BY would sort the parts first and count them
    # in that order, a seek to another place of the index for each.
    sums = [func.sum(case((P.chpl_tier == tier, _findings_of_part()))) if coded is None else
            func.sum(case(((P.chpl_tier == tier) & ((P.hs_code != literal("")) if coded else
                                                   (P.hs_code == literal(""))),
                           _findings_of_part())))
            for tier, coded in pairs]
    counts = run(uow, select(*sums).select_from(P)).one() if sums else ()
    found = {(tier, coded): n or 0 for (tier, coded), n in zip(pairs, counts, strict=True)}
    found[(None, None)] = _no_part(uow)
    return found


def _category_ranges(uow: UnitOfWork) -> dict[Any, int]:
    if uow.dialect != "sqlite":
        return _joined(uow, [part_category()])
    # Counted in the order of the parts' ids first (materialized), then grouped.
    counted = (select(part_category().label("category"), _findings_of_part().label("n"))
               .select_from(P).cte("per_part").prefix_with("MATERIALIZED"))
    statement = select(counted.c.category, func.sum(counted.c.n)).group_by(counted.c.category)
    found: dict[Any, int] = dict(run(uow, statement).all())
    found[None] = _no_part(uow)
    return found


def _joined(uow: UnitOfWork, keys: Sequence[Any]) -> dict[Any, int]:
    statement = (select(*keys, func.count()).select_from(F).join(P, P.id == F.part_id)
                 .group_by(*keys))
    found = {(tuple(row[:-1]) if len(keys) > 1 else row[0]): row[-1]
             for row in run(uow, statement)}
    found[(None,) * len(keys) if len(keys) > 1 else None] = _no_part(uow)
    return found


# ------------------------------------------------------------------ identification
def identification_counts(uow: UnitOfWork, coverage: Coverage) -> dict[str, int]:
    """{identification ('part', 'manufacturer', 'unidentified'): findings}."""
    return _counted(uow, coverage, [F.identification], _identification_ranges)


def _identification_ranges(uow: UnitOfWork) -> dict[Any, int]:
    # Few findings are identified to less than a part: they have an index of their own.
    others = (select(F.identification, func.count()).where(text(m.FINDING_NOT_PART))
              .group_by(F.identification))
    found = dict(run(uow, others).all())
    found["part"] = _every_finding(uow) - sum(found.values())
    return found


# ------------------------------------------------------------------ production dates
def production_span(uow: UnitOfWork, coverage: Coverage) -> tuple[date, date] | None:
    """The first and the last production date (start of the period read) covered."""
    conditions = [*covered(coverage, gone_of(uow)), F.sort_produced < UNDATED]
    first = run(uow, select(F.sort_produced).where(*conditions)
                 .order_by(F.sort_produced).limit(1)).scalar()
    last = run(uow, select(F.sort_produced).where(*conditions)
                .order_by(F.sort_produced.desc()).limit(1)).scalar()
    return None if first is None else (date.fromisoformat(first), date.fromisoformat(last))


def produced_in(uow: UnitOfWork, coverage: Coverage,
                periods: Sequence[tuple[date, date]]) -> list[int]:
    """Findings whose production period starts within each (first day, last day)."""
    gone = gone_of(uow)
    if coverage.whole_store:
        counts = _period_ranges(uow, periods)
        if gone.any:
            withdrawn = _bucketed(grouped(uow, [F.sort_produced], [left_out(gone)]), periods)
            counts = [n - out for n, out in zip(counts, withdrawn, strict=True)]
        return counts
    days = grouped(uow, [F.sort_produced], [*covered(coverage, gone), F.sort_produced < UNDATED])
    return _bucketed(days, periods)


def _period_ranges(uow: UnitOfWork, periods: Sequence[tuple[date, date]]) -> list[int]:
    if not periods:
        return []
    counts = [select(func.count()).select_from(F).where(
        F.sort_produced >= first.isoformat(), F.sort_produced <= last.isoformat())
        .scalar_subquery() for first, last in periods]
    return list(run(uow, select(*counts)).one())


def _bucketed(days: dict[str, int], periods: Sequence[tuple[date, date]]) -> list[int]:
    counts = [0] * len(periods)
    bounds = [(first.isoformat(), last.isoformat()) for first, last in periods]
    for day, n in days.items():
        for number, (first, last) in enumerate(bounds):
            if first <= day <= last:
                counts[number] += n
                break
    return counts


def undated_counts(uow: UnitOfWork, coverage: Coverage) -> dict[str, int]:
    """Findings with no production date: {'no date code', 'ambiguous', 'unreadable': n}."""
    state = case((F.date_code == literal(""), literal("no date code")),
                 (func.substr(F.date_code_note, 1, len(AMBIGUOUS)) == AMBIGUOUS,
                  literal("ambiguous")), else_=literal("unreadable"))
    found = _counted(uow, coverage, [state], _undated_ranges,
                     where=[F.sort_produced == UNDATED])
    return {key: found.get(key, 0) for key in ("no date code", "ambiguous", "unreadable")}


def _undated_ranges(uow: UnitOfWork) -> dict[Any, int]:
    undated = run(uow, select(func.count()).select_from(F)
                   .where(F.sort_produced == UNDATED)).scalar_one()
    # The codes with no single reading have a partial index (its condition stated as such).
    state = case((func.substr(F.date_code_note, 1, len(AMBIGUOUS)) == AMBIGUOUS,
                  literal("ambiguous")), else_=literal("unreadable"))
    coded = dict(run(uow, select(state, func.count()).where(text(m.UNDATED_CODE))
                      .group_by(state)).all())
    return {**coded, "no date code": undated - sum(coded.values())}


def production_split(uow: UnitOfWork, coverage: Coverage, day: date) -> dict[str, int]:
    """Findings with a production date: {'after': produced after `day` (the period starts
    after it), 'before': produced on or before it (the period ends by then), 'spanning': the
    period runs across it}."""
    when = case((F.sort_produced > day.isoformat(), literal("after")),
                (func.coalesce(F.produced_to, F.produced_from) <= day, literal("before")),
                else_=literal("spanning"))
    gone = gone_of(uow)
    if not coverage.whole_store:
        found = grouped(uow, [when], [*covered(coverage, gone), F.sort_produced < UNDATED])
    else:
        found = _split_ranges(uow, day)
        if gone.any:
            found = subtract(found, grouped(uow, [when], [left_out(gone),
                                                            F.sort_produced < UNDATED]))
    return {key: found.get(key, 0) for key in ("after", "before", "spanning")}


def _split_ranges(uow: UnitOfWork, day: date) -> dict[str, int]:
    def count(*conditions: Any) -> Any:
        return select(func.count()).select_from(F).where(*conditions).scalar_subquery()
    iso, earliest = day.isoformat(), (day - timedelta(days=LONGEST_READING_DAYS)).isoformat()
    dated, after, spanning = run(uow, select(
        count(F.sort_produced < UNDATED),
        count(F.sort_produced > iso, F.sort_produced < UNDATED),
        count(F.sort_produced > earliest, F.sort_produced <= iso, F.produced_to > day))).one()
    return {"after": after, "spanning": spanning, "before": dated - after - spanning}
