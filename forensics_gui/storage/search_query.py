"""The search index's queries: ranked term matches, filters, and where a part was seen.

Every value typed by a user reaches the database as a bound parameter or, for LIKE patterns,
as a search key that holds only letters and digits; nothing typed becomes SQL. Kinds and tiers
are spelled into the statements from our own constants so that PostgreSQL can use the partial
trigram index of each kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    Uuid,
    and_,
    any_,
    bindparam,
    case,
    cast,
    column,
    distinct,
    exists,
    false,
    func,
    literal,
    literal_column,
    not_,
    null,
    or_,
    select,
    table,
    union_all,
)
from sqlalchemy.orm import Session

from forensics_gui.core.search import (
    CHPL_NOT_LISTED,
    FINDING_ONLY,
    SearchFilters,
    SearchText,
    prefix_bounds,
)
from forensics_gui.storage import models as m
from forensics_gui.storage.search_index import TERMS, fts_table, term_partition

if TYPE_CHECKING:
    from forensics_gui.storage.repository import UnitOfWork

MISREAD_KINDS = ("part", "finding")

F = m.ComponentFindingRow
P = m.PartRow
O = m.OrganizationRow  # noqa: E741 - the organization table, as in the SQL it mirrors
I = m.RecoveredItemRow  # noqa: E741
S = m.WeaponSystemTypeRow
L = m.SupplyLinkRow
D = m.SanctionsDesignationRow


def _core(session: Session) -> Any:
    """The session's connection: these statements select columns, not mapped objects, and
    run through it at half the cost of the session's own execute (no ORM bookkeeping)."""
    return session.connection()


@dataclass(frozen=True, slots=True)
class TermMatch:
    kind: str
    tier: str
    record_id: UUID
    field: str
    text: str
    key: str


@dataclass(frozen=True, slots=True)
class Scope:
    """Resolved filter values: ids instead of names, manufacturer with its predecessors."""

    filters: SearchFilters
    manufacturer_ids: tuple[UUID, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.filters.active())


def term_matches(uow: UnitOfWork, query: SearchText, wanted: Sequence[tuple[str, str, int]],
                 scope: Scope | None = None) -> list[TermMatch]:
    """Terms matching the query for each (kind, tier, how many), in one statement."""
    session = uow.session
    asked = [(kind, tier, n) for kind, tier, n in wanted if tier_applies(kind, tier, query)]
    if not asked:
        return []
    dialect = session.get_bind().dialect.name
    shape = tuple((kind, tier) for kind, tier, _ in asked)
    if scope is not None and scope.active:
        statement = _union(dialect, shape, scope)
    else:
        statement = _cached_union(dialect, shape)
    _, high = prefix_bounds(query.key)
    params = {"q": query.key, "high": high,
              "pattern": f"%{query.key}%", "misread": f"%{query.ckey}%",
              **{f"n{i}": n for i, (_, _, n) in enumerate(asked)}}
    return [TermMatch(*row) for row in _core(session).execute(statement, params)]


def match_of(row: TermMatch, query: SearchText) -> str:
    """How a term matched: exact, prefix, substring or misread (a row of the "either" look
    is a substring match or a misreading; a substring match that starts the key is a
    prefix or exact one)."""
    if row.key.startswith(query.key):
        return "exact" if row.key == query.key else "prefix"
    if row.tier == "either":
        return "substring" if query.key in row.key else "misread"
    return row.tier


# From this many letters and digits, a query is a whole part number or most of one: it has
# few substring matches, so its misreadings are looked for anyway.
LONG_QUERY = 8

# The looks into the index, and what each covers once it has returned all there is (fewer
# rows than it was asked for). "prefix" reads the keys from the query on, so an exact match
# comes first among them; "either" finds substring matches and misreadings together.
COVERS = {"prefix": ("prefix",), "substring": ("substring",), "misread": ("misread",),
          "either": ("substring", "misread")}


def tier_groups(query: SearchText) -> tuple[tuple[str, ...], ...]:
    """The looks to run, group after group, each group in one statement; a kind has a look
    only while its list is not full at that rank and no earlier look covered it.

    Cheap tiers first (prefix, through the key index), the costly ones (through the
    trigram indexes) only when the list is not full. A long query has few substring
    matches, so its misreadings will be looked for anyway: one look into the confusable-key
    index finds both ("either", with the prefix look in the same statement). When that
    look comes back full of misreadings, substring and misread run on their own.
    """
    if len(query.key) >= LONG_QUERY:
        return (("prefix", "either"), ("substring",), ("misread",))
    return (("prefix",), ("substring",), ("misread",))


def tier_applies(kind: str, tier: str, query: SearchText) -> bool:
    if not query.key:
        return False
    if tier == "misread":
        return query.misread_ok and kind in MISREAD_KINDS
    return tier == "prefix" or query.substring_ok


@lru_cache(maxsize=512)
def _cached_union(dialect: str, shape: tuple[tuple[str, str], ...]) -> Any:
    # Building the statement costs more than running it; the shapes are few.
    return _union(dialect, shape, None)


def _union(dialect: str, shape: tuple[tuple[str, str], ...], scope: Scope | None) -> Any:
    branches = [_branch(dialect, kind, tier, i, scope) for i, (kind, tier) in enumerate(shape)]
    return union_all(*(select(b.subquery()) for b in branches))


def _branch(dialect: str, kind: str, tier: str, number: int, scope: Scope | None) -> Any:
    terms = terms_of_kind(dialect, kind)
    source, condition = _tier_condition(dialect, kind, tier, terms)
    statement = (select(literal(kind), literal(tier), terms.c.record_id, terms.c.field,
                        terms.c.text, terms.c.key).select_from(source).where(condition))
    if source is terms:
        # The key index leads with the kind (a partition's too). A SQLite full-text table
        # holds one kind only; naming the kind there would lead the planner to read every
        # term of the kind and probe the full-text table for each.
        statement = statement.where(terms.c.kind == literal_column(f"'{kind}'"))
    if scope is not None:
        statement = statement.where(_scoped(kind, scope, terms))
    if tier == "prefix":
        # Shortest and closest keys first, read in order from the key index.
        statement = statement.order_by(terms.c.key)
    return statement.limit(bindparam(f"n{number}", type_=Integer))


@cache
def terms_of_kind(dialect: str, kind: str) -> Any:
    """Where one kind's terms are read from: on PostgreSQL its own partition, named
    directly (through the parent table, PostgreSQL 15 plans a partition for reading all
    of it, and chose to read a common fragment's whole trigram index where 51 rows at the
    start of the table would do); on SQLite the one terms table."""
    if dialect != "postgresql":
        return TERMS
    return table(term_partition(kind), *(column(c.name, c.type) for c in TERMS.c))


def _tier_condition(dialect: str, kind: str, tier: str,
                    terms: Any) -> tuple[Any, ColumnElement[bool]]:
    key = terms.c.key
    if tier == "prefix":
        return terms, and_(key >= bindparam("q"), key < bindparam("high"))
    # Keys hold letters and digits only, so the patterns have no wildcard of their own.
    # Substring matches are looked up by key, misreadings by confusable key; each index
    # then returns the rows wanted (asking one index for what the other holds would make it
    # read and reject every row that shares the trigrams). "either" asks the confusable
    # keys for both at once; a kind without misreadings answers it with its substrings.
    if tier == "either" and kind not in MISREAD_KINDS:
        tier = "substring"
    name = "key" if tier == "substring" else "ckey"
    if dialect == "sqlite":
        fts = table(fts_table(kind, name), column("rowid"), column(name))
        source: Any = fts.join(terms, terms.c.id == fts.c.rowid)
        indexed = fts.c[name]
    else:
        source, indexed = terms, terms.c[name]
    found = indexed.like(bindparam("pattern" if name == "key" else "misread"))
    if tier in ("substring", "either"):
        # Exact and prefix matches come back here too (see `match_of`); leaving them out
        # would make a common prefix read every key that starts with it.
        return source, found
    contains = (func.instr if dialect == "sqlite" else func.strpos)(key, bindparam("q"))
    return source, and_(found, contains == 0)


# ------------------------------------------------------------------ filters
def _scoped(kind: str, scope: Scope, terms: Any) -> ColumnElement[bool]:
    if kind == "finding":
        return exists().where(F.id == terms.c.record_id, *finding_conditions(scope))
    if kind == "part":
        return exists().where(P.id == terms.c.record_id, *part_conditions(scope))
    return false()


def finding_conditions(scope: Scope) -> list[ColumnElement[bool]]:
    """Conditions on component findings (rows of `F`) for every active filter."""
    f = scope.filters
    withdrawn_item = I.__table__.alias("withdrawn_item")  # nor the findings of one
    found: list[ColumnElement[bool]] = [
        F.id.not_in(m.withdrawn_ids(F)),  # not searched
        F.item_id.not_in(select(withdrawn_item.c.id)
                         .where(withdrawn_item.c.withdrawn_at.is_not(None)))]
    if f.item_id:
        found.append(F.item_id.in_(_listed(f.item_id)))
    if f.part_id:
        found.append(F.part_id == f.part_id)
    if f.system_id:
        found.append(F.item_id.in_(select(I.id).where(I.system_type_id == f.system_id)))
    if f.confidence:
        found.append(F.confidence == f.confidence)
    if f.produced_after:
        found.append(F.produced_from >= f.produced_after)
    if f.produced_before:
        found.append(func.coalesce(F.produced_to, F.produced_from) <= f.produced_before)
    found.extend(_finding_extras(f))
    if f.source_id:
        cite = m.finding_source.c
        found.append(exists().where(cite.finding_id == F.id, cite.source_id == f.source_id))
    found.extend(_maker_conditions(F.manufacturer_id, scope, of_findings=True))
    if _has_part_condition(f):
        found.append(exists().where(P.id == F.part_id, *_part_only(scope)))
    return found


def _finding_extras(f: SearchFilters) -> list[ColumnElement[bool]]:
    """The conditions that list what an analytics figure counts."""
    found: list[ColumnElement[bool]] = []
    if f.identification:
        found.append(F.identification == f.identification)
    if f.produced_starts_before:
        found.append(F.produced_from <= f.produced_starts_before)
    if f.produced_ends_after:
        found.append(func.coalesce(F.produced_to, F.produced_from) >= f.produced_ends_after)
    if f.recovered_from or f.recovered_to:
        recovered = select(I.id)
        if f.recovered_from:
            recovered = recovered.where(I.recovered_on >= f.recovered_from)
        if f.recovered_to:
            recovered = recovered.where(I.recovered_on <= f.recovered_to)
        found.append(F.item_id.in_(recovered))
    return found


def _listed(value: Any) -> list[Any]:
    """A condition's values (one, or a list of them)."""
    return list(value) if isinstance(value, list | tuple) else [value]


def part_category() -> Any:
    """A part's category, else its function: what the analytics count as its category."""
    return case((P.category != literal(""), P.category), else_=P.function)


def part_conditions(scope: Scope) -> list[ColumnElement[bool]]:
    """Conditions on parts (rows of `P`); conditions about findings need one that meets them."""
    found = _part_only(scope) + _maker_conditions(P.manufacturer_id, scope)
    if scope.filters.finding_only:
        only_findings = Scope(SearchFilters(**{
            k: v for k, v in scope.filters.active().items()
            if k in FINDING_ONLY}))
        found.append(exists().where(F.part_id == P.id, *finding_conditions(only_findings)))
    return found


def _has_part_condition(f: SearchFilters) -> bool:
    return bool(f.chpl_tier or f.hs_code or f.sanctioned is not None or f.category)


def _part_only(scope: Scope) -> list[ColumnElement[bool]]:
    f = scope.filters
    found: list[ColumnElement[bool]] = []
    if f.part_id:
        found.append(P.id == f.part_id)
    if f.chpl_tier:
        tiers = _listed(f.chpl_tier)
        listed = [t for t in tiers if t.upper() != CHPL_NOT_LISTED.upper()]
        either = [P.chpl_tier.in_(listed)] if listed else []
        if len(listed) < len(tiers):  # an HS code that is not on the list
            either.append(and_(P.chpl_tier == literal(""), P.hs_code != literal("")))
        found.append(or_(*either))
    if f.category:
        found.append(part_category().in_(_listed(f.category)))
    if f.hs_code:
        found.append(P.hs_code.startswith(f.hs_code, autoescape=True))
    if f.sanctioned is not None:
        found.append(_chain_sanctioned() if f.sanctioned else not_(_chain_sanctioned()))
    return found


def _maker_conditions(maker: Any, scope: Scope,
                      of_findings: bool = False) -> list[ColumnElement[bool]]:
    """A finding's maker is its own, else its part's (the analytics count it so too)."""
    f = scope.filters
    found: list[ColumnElement[bool]] = []
    if f.manufacturer_id:
        found.append(_made_by(maker, scope.manufacturer_ids or (f.manufacturer_id,),
                              of_findings))
    if f.manufacturer_country:
        countries = select(O.id).where(O.country.in_(_listed(f.manufacturer_country)))
        found.append(_made_by(maker, countries, of_findings))
    if f.manufacturer_other_than:
        others = _listed(f.manufacturer_other_than)
        if not of_findings:
            found.append(and_(maker.is_not(None), maker.not_in(others)))
        else:
            part = P.__table__.alias("maker_part")
            found.append(or_(and_(F.manufacturer_id.is_not(None),
                                  F.manufacturer_id.not_in(others)),
                             and_(F.manufacturer_id.is_(None), F.part_id.in_(
                                 select(part.c.id).where(part.c.manufacturer_id.is_not(None),
                                                         part.c.manufacturer_id.not_in(others))
                             ))))
    return found


def _made_by(maker: Any, makers: Any, of_findings: bool) -> ColumnElement[bool]:
    if not of_findings:
        return maker.in_(makers)
    part = P.__table__.alias("maker_part")
    by_part = select(part.c.id).where(part.c.manufacturer_id.in_(makers))
    return or_(F.manufacturer_id.in_(makers),
               and_(F.manufacturer_id.is_(None), F.part_id.in_(by_part)))


def _chain_sanctioned() -> ColumnElement[bool]:
    """A company in the part's supply chain (its maker, or a party to a link for the part)
    is designated and not delisted."""
    designated = select(D.organization_id).where(D.delisted_on.is_(None))
    # A part of unknown maker: NULL IN (...) is NULL, and NOT NULL would drop the part from
    # "not sanctioned" too.
    return or_(and_(P.manufacturer_id.is_not(None), P.manufacturer_id.in_(designated)),
               exists().where(L.part_id == P.id,
                              or_(L.seller_id.in_(designated), L.buyer_id.in_(designated))))


def filtered_records(uow: UnitOfWork, kind: str, scope: Scope, limit: int) -> list[UUID]:
    """Findings or parts meeting the filters alone (no query typed), in part-number order."""
    session = uow.session
    if kind == "finding":
        statement = select(F.id).where(*finding_conditions(scope)).order_by(F.sort_part, F.id)
    else:
        statement = select(P.id).where(*part_conditions(scope)).order_by(P.search_key, P.id)
    return list(_core(session).scalars(statement.limit(limit)))


# ----------------------------------------------------------------- display
def describe(uow: UnitOfWork, kind: str, ids: Sequence[UUID]) -> dict[UUID, dict[str, Any]]:
    """What a result list shows of each record, in one query."""
    return describe_many(uow, {kind: ids}).get(kind, {})


def describe_many(uow: UnitOfWork,
                  wanted: dict[str, Sequence[UUID]]) -> dict[str, dict[UUID, dict[str, Any]]]:
    """`describe` for several kinds in one statement (one round trip to the server)."""
    session = uow.session
    asked = tuple(kind for kind, ids in wanted.items() if ids)
    if not asked:
        return {}
    params = {f"ids{i}": list(wanted[kind]) for i, kind in enumerate(asked)}
    shown: dict[str, dict[UUID, dict[str, Any]]] = {kind: {} for kind in asked}
    statement, names = _described(session.get_bind().dialect.name, asked)
    for row in _core(session).execute(statement, params):
        shown[asked[row[0]]][row[1]] = dict(zip(names, row[1:], strict=True))
    return shown


@lru_cache(maxsize=64)
def _described(dialect: str, kinds: tuple[str, ...]) -> tuple[Any, tuple[str, ...]]:
    """One SELECT per kind, padded to the same columns and joined with UNION ALL: the
    number of the kind, the id, then every column any of the kinds shows (a typed NULL
    where a kind has no such column: PostgreSQL must see one type per column)."""
    selects = [_DESCRIBE[kind]() for kind in kinds]
    own = [{c.key: c for c in select_.selected_columns if c.key != "id"} for select_ in selects]
    names = list(dict.fromkeys(name for columns in own for name in columns))
    types = {name: columns[name].type for columns in own for name in columns}
    branches = []
    for number, (kind, select_, columns) in enumerate(zip(kinds, selects, own, strict=True)):
        padded = [columns[name].label(name) if name in columns
                  else cast(null(), types[name]).label(name) for name in names]
        branches.append(select_.with_only_columns(literal(number).label("kind_number"),
                                                  _ID_OF[kind].label("id"), *padded)
                        .where(_among(dialect, _ID_OF[kind], f"ids{number}")))
    statement = branches[0] if len(branches) == 1 else union_all(*branches)
    return statement, ("id", *names)


def _among(dialect: str, column: Any, name: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        # One array parameter: the statement's text stays the same whatever the number of
        # ids, so the server prepares it once.
        return column == any_(bindparam(name, type_=ARRAY(Uuid)))
    return column.in_(bindparam(name, expanding=True))


def _of_org(org_id: Any, column: Any = O.name) -> Any:
    # A lookup per row: a join would lead PostgreSQL to hash the whole organization table
    # to describe fifty records.
    return select(column).where(O.id == org_id).scalar_subquery()


def _describe_part() -> Select[Any]:
    uses = select(func.count()).where(F.part_id == P.id).scalar_subquery()
    return select(P.id, P.part_number, P.function, P.chpl_tier, P.hs_code,
                  _of_org(P.manufacturer_id).label("maker"),
                  _of_org(P.manufacturer_id, O.country).label("country"), uses.label("findings"))


def _describe_finding() -> Select[Any]:
    number = select(P.part_number).where(P.id == F.part_id).scalar_subquery()
    return (select(F.id, F.marking, F.function, F.location, F.produced_from, F.confidence,
                   F.date_code, number.label("part_number"),
                   _of_org(F.manufacturer_id).label("maker"), I.case_reference,
                   S.name.label("system"))
            .join(I, I.id == F.item_id).join(S, S.id == I.system_type_id))


def _describe_org() -> Select[Any]:
    # The successor's name through an alias of the table: `_of_org` on the table itself
    # would look for an organization that is its own successor.
    later = O.__table__.alias("successor_org")
    successor = select(later.c.name).where(later.c.id == O.successor_id).scalar_subquery()
    return select(O.id, O.name, O.country, O.roles, O.successor_id,
                  successor.label("successor"))


def _describe_system() -> Select[Any]:
    return select(S.id, S.name, S.category, S.origin_country)


def _describe_item() -> Select[Any]:
    return (select(I.id, I.case_reference, I.recovered_on, I.recovery_place,
                   S.name.label("system")).join(S, S.id == I.system_type_id))


def _describe_source() -> Select[Any]:
    return select(m.SourceRow.id, m.SourceRow.title, m.SourceRow.publisher,
                  m.SourceRow.published_on, m.SourceRow.kind)


_DESCRIBE = {"part": _describe_part, "finding": _describe_finding, "org": _describe_org,
             "system": _describe_system, "item": _describe_item, "source": _describe_source}
_ID_OF = {"part": P.id, "finding": F.id, "org": O.id, "system": S.id, "item": I.id,
          "source": m.SourceRow.id}


# ------------------------------------------------------------ seen before
def seen_before(uow: UnitOfWork, condition: ColumnElement[bool]) -> dict[str, Any]:
    """Counts and first/last dates over the findings meeting `condition`."""
    session = uow.session
    statement = (select(func.count(F.id), func.count(distinct(F.item_id)),
                        func.count(distinct(I.system_type_id)), func.min(I.recovered_on),
                        func.max(I.recovered_on), func.min(F.produced_from),
                        func.max(func.coalesce(F.produced_to, F.produced_from)))
                 .join(I, I.id == F.item_id).where(condition, F.id.not_in(m.withdrawn_ids(F))))
    row = _core(session).execute(statement).one()
    names = _core(session).scalars(
        select(S.name).where(S.id.in_(select(I.system_type_id).join(F, F.item_id == I.id)
                                      .where(condition, F.id.not_in(m.withdrawn_ids(F)))))
        .order_by(S.name).limit(20)).all()
    keys = ("findings", "items", "systems", "first_recovered", "last_recovered",
            "first_produced", "last_produced")
    return {**dict(zip(keys, row, strict=True)), "system_names": tuple(names)}


def findings_of_part(part_id: UUID) -> ColumnElement[bool]:
    return F.part_id == part_id


def findings_of_makers(maker_ids: Sequence[UUID]) -> ColumnElement[bool]:
    return F.manufacturer_id.in_(list(maker_ids))


def finding_itself(finding_id: UUID) -> ColumnElement[bool]:
    return F.id == finding_id


def findings_marked(key: str) -> ColumnElement[bool]:
    """Findings with a marking line whose search key is `key`."""
    return F.id.in_(select(TERMS.c.record_id).where(
        literal_column("search_term.kind = 'finding'"), TERMS.c.key == key))


# ------------------------------------------------------- names of makers
def predecessors(uow: UnitOfWork, org_ids: Sequence[UUID]) -> set[UUID]:
    """The organizations and every one whose chain of successors leads to one of them."""
    session = uow.session
    found, frontier = set(org_ids), set(org_ids)
    for _ in range(20):  # succession chains are short; the bound stops a cycle
        frontier = set(_core(session).scalars(
            select(O.id).where(O.successor_id.in_(list(frontier)))))
        frontier -= found
        if not frontier:
            break
        found |= frontier
    return found


def succession(uow: UnitOfWork, org_ids: Sequence[UUID],
               relations: Sequence[str] = ("successor", "predecessor"),
               ) -> list[tuple[UUID, UUID, str]]:
    """(organization, related one, 'successor' or 'predecessor') along whole chains of
    succession, in the directions asked for, a couple of queries per step whatever the
    number of organizations. Each direction is followed on its own: the predecessors of a
    successor are not walked from the successors of an organization."""
    session = uow.session
    found: list[tuple[UUID, UUID, str]] = []
    steps = (("successor", _later), ("predecessor", _earlier))
    for relation, step in (pair for pair in steps if pair[0] in relations):
        seen, frontier = set(org_ids), {org_id: org_id for org_id in org_ids}
        for _ in range(20):  # chains are short; the bound stops a cycle
            following: dict[UUID, UUID] = {}
            for current, related in step(session, list(frontier)):
                if related not in seen:
                    seen.add(related)
                    following[related] = frontier[current]
                    found.append((frontier[current], related, relation))
            if not following:
                break
            frontier = following
    return found


def _later(session: Session, ids: list[UUID]) -> list[tuple[UUID, UUID]]:
    return [(r[0], r[1]) for r in _core(session).execute(
        select(O.id, O.successor_id).where(O.id.in_(ids), O.successor_id.is_not(None)))]


def _earlier(session: Session, ids: list[UUID]) -> list[tuple[UUID, UUID]]:
    return [(r[1], r[0]) for r in _core(session).execute(
        select(O.id, O.successor_id).where(O.successor_id.in_(ids)))]


def orgs_named(uow: UnitOfWork, keys: Sequence[str]) -> list[UUID]:
    """Organizations with a name, alias or former name whose search key is in `keys`."""
    session = uow.session
    if not keys:
        return []
    return list(_core(session).scalars(select(TERMS.c.record_id).distinct().where(
        literal_column("search_term.kind = 'org'"), TERMS.c.key.in_(list(keys)))))


def company_names(uow: UnitOfWork) -> list[tuple[str, str, str, str, str, int | None]]:
    """Every recorded company name: (name, its key, current name, its key, relation, year)."""
    session = uow.session
    a = m.CompanyAliasRow
    return [tuple(r) for r in _core(session).execute(
        select(a.name, a.name_key, a.current_name, a.current_key, a.relation, a.year))]


def org_names(uow: UnitOfWork) -> list[tuple[UUID, str]]:
    """(organization id, name or alias) for fuzzy matching."""
    session = uow.session
    return [(r[0], r[1]) for r in _core(session).execute(
        select(TERMS.c.record_id, TERMS.c.text).where(
            literal_column("search_term.kind = 'org'"), TERMS.c.field != "identifier"))]


def generation(uow: UnitOfWork) -> tuple[Any, ...]:
    """Changes whenever an organization or a company name is added, changed or removed."""
    session = uow.session
    a = m.CompanyAliasRow
    return tuple(_core(session).execute(select(
        select(func.count(O.id)).scalar_subquery(),
        select(func.max(O.updated_at)).scalar_subquery(),
        select(func.count(a.id)).scalar_subquery(),
        select(func.max(a.updated_at)).scalar_subquery())).one())
