"""Queries and bulk writes of sanctions screening: list entries, what screening compares,
and the matches it keeps. Called by the services inside a unit of work; every write is
recorded in the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import bindparam, delete, func, select, update

from forensics_gui.core.ids import new_id
from forensics_gui.core.records import (
    ListEntry,
    Page,
    SanctionsEntry,
    SanctionsList,
    ScreeningMatch,
)
from forensics_gui.storage import models as m
from forensics_gui.storage.convert import json_value, to_dto
from forensics_gui.storage.repository import UnitOfWork

E = m.SanctionsEntryRow
L = m.SanctionsListRow
M = m.ScreeningMatchRow
O = m.OrganizationRow  # noqa: E741 - the organization table
_ENTRY_COLUMNS = (E.id, E.list_id, E.ref, E.name, E.entity_type, E.names, E.identifiers,
                  E.countries, E.programmes, E.authority, E.listed_on, E.addresses, E.remarks)
_CHUNK = 500
_RESCREENED = ("score", "matched_on", "entry_name", "list_id", "change", "state")


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# ------------------------------------------------------------------------------ lists
def lists(uow: UnitOfWork) -> list[SanctionsList]:
    """Every imported list version, newest first within each name."""
    rows = uow.session.scalars(select(L).order_by(L.name, L.published_on.desc().nulls_last(),
                                                  L.created_at.desc(), L.id.desc())).all()
    return [to_dto("list", r) for r in rows]


def newest_lists(uow: UnitOfWork) -> list[SanctionsList]:
    """The newest version of each list (by publication date, then by import)."""
    newest: dict[str, SanctionsList] = {}
    for version in lists(uow):
        newest.setdefault(version.name, version)
    return list(newest.values())


def same_list(uow: UnitOfWork, name: str, sha256: str, list_version: str) -> SanctionsList | None:
    """A version of list `name` imported from the same bytes, or under the same version."""
    query = select(L).where(func.lower(L.name) == name.lower(),
                            (L.sha256 == sha256) | (L.list_version == list_version))
    row = uow.session.scalars(query.limit(1)).first()
    return to_dto("list", row) if row is not None else None


def mark_screened(uow: UnitOfWork, list_ids: Sequence[UUID]) -> None:
    """Record that every organization was screened against these list versions."""
    now = datetime.now(UTC)
    for list_id in list_ids:
        if uow.get("list", list_id).screened_at is None:
            uow.update("list", list_id, None, {"screened_at": now})


def insert_entries(uow: UnitOfWork, list_id: UUID, entries: Sequence[ListEntry]) -> int:
    """Store the entries of an imported list through the driver's executemany."""
    rows = [{"id": new_id(), "list_id": list_id, "ref": e.ref, "name": e.name[:500],
             "entity_type": e.entity_type[:40], "names": list(e.names),
             "identifiers": list(e.identifiers), "countries": list(e.countries),
             "programmes": list(e.programmes), "authority": e.authority[:20],
             "listed_on": e.listed_on, "addresses": list(e.addresses),
             "remarks": e.remarks} for e in entries]
    for chunk in _chunks(rows, 20_000):
        uow._executemany(E.__table__, list(chunk), {})
    uow.record_audit("import entries", "list", list_id, {}, {"entries": len(rows)})
    return len(rows)


def entries_of(uow: UnitOfWork, list_id: UUID) -> list[SanctionsEntry]:
    """Every entry of a list version, in the order of the file."""
    query = select(*_ENTRY_COLUMNS).where(E.list_id == list_id).order_by(E.ref)
    return [_entry(row) for row in uow.session.execute(query)]


def entries_by_ref(uow: UnitOfWork,
                   wanted: Iterable[tuple[UUID, str]]) -> dict[tuple[UUID, str], SanctionsEntry]:
    """{(list version, entry reference): entry} for the pairs asked for that exist."""
    by_list: dict[UUID, list[str]] = {}
    for list_id, ref in wanted:
        by_list.setdefault(list_id, []).append(ref)
    found: dict[tuple[UUID, str], SanctionsEntry] = {}
    for list_id, refs in by_list.items():
        for chunk in _chunks(sorted(set(refs))):
            query = select(*_ENTRY_COLUMNS).where(E.list_id == list_id, E.ref.in_(chunk))
            found.update(((list_id, r.ref), _entry(r)) for r in uow.session.execute(query))
    return found


def _entry(row: Any) -> SanctionsEntry:
    return SanctionsEntry(
        id=row.id, list_id=row.list_id, ref=row.ref, name=row.name, entity_type=row.entity_type,
        names=tuple(row.names or ()), identifiers=tuple(row.identifiers or ()),
        countries=tuple(row.countries or ()), programmes=tuple(row.programmes or ()),
        authority=row.authority, listed_on=row.listed_on, addresses=tuple(row.addresses or ()),
        remarks=row.remarks)


# ------------------------------------------------------------------------ organizations
def organizations(uow: UnitOfWork) -> list[tuple[UUID, str, list[str], list[str], list[str]]]:
    """(id, name, aliases, former names, identifiers) of every organization."""
    query = select(O.id, O.name, O.aliases, O.former_names, O.identifiers).order_by(O.id)
    return [(r.id, r.name, r.aliases or [], r.former_names or [], r.identifiers or [])
            for r in uow.session.execute(query)]


def existing_organizations(uow: UnitOfWork, ids: Iterable[UUID]) -> set[UUID]:
    """Those of `ids` that are still organizations (one may be deleted while screening runs)."""
    found: set[UUID] = set()
    for chunk in _chunks(sorted(set(ids))):
        found.update(uow.session.scalars(select(O.id).where(O.id.in_(chunk))))
    return found


# ------------------------------------------------------------------------------ matches
def matches_of_lists(uow: UnitOfWork, list_names: Iterable[str], *,
                     lock: bool = False) -> list[ScreeningMatch]:
    """Every match recorded against the lists of these names. `lock`: hold them until the
    unit of work ends (PostgreSQL), so that a decision taken meanwhile is read, not written
    over with the state read before it."""
    found: list[ScreeningMatch] = []
    for chunk in _chunks(sorted(set(list_names))):
        query = select(M).where(M.list_name.in_(chunk)).order_by(M.id)
        if lock and uow.dialect == "postgresql":
            query = query.with_for_update().execution_options(populate_existing=True)
        rows = uow.session.scalars(query)
        found += [to_dto("match", r) for r in rows]
    return found


# A candidate whose entry a newer version no longer lists waits for nobody: it leaves the
# queue and the counts of candidates, and stays in the store with its change "removed".
_WAITING = (M.state == "candidate") & (M.change != "removed")


def match_page(uow: UnitOfWork, filters: dict[str, Any], limit: int, offset: int, *,
               waiting: bool = False) -> Page:
    """Matches whose columns equal `filters`, best score first, with the total; `waiting`
    keeps only the candidates still waiting for a decision (not those removed from the
    list)."""
    conditions = [getattr(M, name) == value for name, value in filters.items()]
    if waiting:
        conditions.append(_WAITING)
    query = (select(M).where(*conditions).order_by(M.score.desc().nulls_last(), M.id)
             .offset(offset).limit(limit))
    total = uow.session.execute(select(func.count()).select_from(M).where(*conditions))
    rows = [to_dto("match", r) for r in uow.session.scalars(query)]
    return Page(tuple(rows), None, int(total.scalar_one()))


def match_ids(uow: UnitOfWork) -> list[UUID]:
    """The id of every match (to resolve an id prefix typed by a user)."""
    return list(uow.session.scalars(select(M.id)))


def match_counts(uow: UnitOfWork) -> dict[tuple[UUID, str], int]:
    """{(list version, decision): how many matches} for the list versions matches point at;
    candidates whose entry was removed from the list are counted as 'removed', not as
    'candidate'."""
    query = (select(M.list_id, M.state, M.change, func.count())
             .where(M.list_id.is_not(None)).group_by(M.list_id, M.state, M.change))
    counts: dict[tuple[UUID, str], int] = {}
    for list_id, decision, change, n in uow.session.execute(query):
        state = "removed" if decision == "candidate" and change == "removed" else decision
        if list_id is not None:
            counts[list_id, state] = counts.get((list_id, state), 0) + int(n)
    return counts


def count_candidates(uow: UnitOfWork, list_names: Iterable[str]) -> int:
    """How many matches against these lists wait for a decision (those whose entry was
    removed from the list do not)."""
    names = sorted(set(list_names))
    if not names:
        return 0
    query = select(func.count()).select_from(M).where(_WAITING, M.list_name.in_(names))
    return int(uow.session.execute(query).scalar_one())


def insert_matches(uow: UnitOfWork, rows: list[dict[str, Any]]) -> list[UUID]:
    """Add new candidates (one audit event names them all)."""
    return uow.bulk_insert("match", rows) if rows else []


def update_matches(uow: UnitOfWork, changes: list[dict[str, Any]]) -> None:
    """Write re-screening results to existing matches: each dict holds `id` and the new
    score, matched_on, entry_name, list_id, change and state; versions go up by one."""
    if not changes:
        return
    now = datetime.now(UTC)
    statement = (update(M.__table__).where(M.__table__.c.id == bindparam("match_id"))
                 .values(**{name: bindparam(f"new_{name}") for name in _RESCREENED},
                         version=M.__table__.c.version + 1, updated_at=now,
                         updated_by=uow.actor))
    params = [{"match_id": c["id"], **{f"new_{name}": c[name] for name in _RESCREENED}}
              for c in changes]
    uow.session.connection().execute(statement, params)
    uow.record_audit("rescreen", "match", None, {}, {
        "count": len(changes),
        "changes": {str(c["id"]): json_value([c["change"], c["state"], c["score"]])
                    for c in changes}})


def delete_matches(uow: UnitOfWork, ids: Sequence[UUID]) -> None:
    """Remove undecided candidates that no longer match."""
    if not ids:
        return
    for chunk in _chunks(list(ids)):
        uow.session.execute(delete(M).where(M.id.in_(chunk)))
    uow.record_audit("rescreen drop", "match", None, {},
                     {"count": len(ids), "ids": json_value(list(ids))})
