"""The audit trail: who changed what, and when."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from forensics_gui.core import records
from forensics_gui.core.audit import Head, Verdict
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import describe, finding_title, reference_kinds
from forensics_gui.core.search import SEARCH_KINDS
from forensics_gui.services.records import resolve_one
from forensics_gui.storage import search_query as sq
from forensics_gui.storage.store import Store


def history(store: Store, kind: str | None = None, reference: str | UUID | None = None,
            limit: int = 200, *, database: bool = False) -> list[records.AuditEvent]:
    """Audit events, newest first: of one record when `kind` and `reference` are given.
    `database`: with the statements PostgreSQL recorded itself (psql's among them)."""
    if not 1 <= limit <= 100_000:
        raise ValidationError("limit", "must be between 1 and 100000")
    with store.reading() as uow:
        record_id = resolve_one(uow, kind, reference) if kind and reference else None
        return uow.audit_events(kind, record_id, limit, database=database)


def history_with_names(store: Store, kind: str | None = None,
                       reference: str | UUID | None = None, limit: int = 200
                       ) -> tuple[list[records.AuditEvent], dict[str, str]]:
    """`history`, and what people call each record the events refer to by id (an item's
    case reference, a part's number, a company's name), as {id as written in the trail:
    name}. The names are read in one query for the whole trail (records of kinds the search
    does not describe, such as photos, in one more per kind); an id whose record is gone
    has no name."""
    if not 1 <= limit <= 100_000:
        raise ValidationError("limit", "must be between 1 and 100000")
    with store.reading() as uow:
        record_id = resolve_one(uow, kind, reference) if kind and reference else None
        events = uow.audit_events(kind, record_id, limit)
        return events, _names(uow, _referenced(events))


def _referenced(events: Iterable[records.AuditEvent]) -> dict[str, set[UUID]]:
    """{kind: ids} of every reference held in the events' old and new values."""
    kinds = reference_kinds()
    found: dict[str, set[UUID]] = defaultdict(set)
    for event in events:
        for values in (event.old_values, event.new_values):
            for name, value in values.items():
                if name in kinds:
                    found[kinds[name]].update(_ids(value))
    return found


def _ids(value: Any) -> list[UUID]:
    ids = []
    for item in value if isinstance(value, list | tuple) else (value,):
        try:
            ids.append(item if isinstance(item, UUID) else UUID(str(item)))
        except ValueError:
            continue  # a value written before references were ids, or none at all
    return ids


def _names(uow: Any, wanted: dict[str, set[UUID]]) -> dict[str, str]:
    names: dict[str, str] = {}
    described = sq.describe_many(uow, {kind: sorted(ids, key=str) for kind, ids in wanted.items()
                                       if kind in SEARCH_KINDS})
    for kind, rows in described.items():
        names.update((str(record_id), _name_of(kind, row)) for record_id, row in rows.items())
    for kind, ids in wanted.items():
        if kind not in SEARCH_KINDS and ids:
            names.update((str(r.id), describe(kind, r))
                         for r in uow.get_many(kind, sorted(ids, key=str)))
    return names


def _name_of(kind: str, row: dict[str, Any]) -> str:
    if kind == "finding":
        title = finding_title(row["part_number"], row["marking"], row["function"], row["maker"])
        return f"{title} in {row['case_reference']}"
    field = {"part": "part_number", "item": "case_reference", "source": "title"}.get(kind, "name")
    return str(row[field])


def chain_head(store: Store) -> Head | None:
    """The audit trail's newest event number and seal (None before the first event)."""
    with store.reading() as uow:
        return uow.audit_head()


def verify_chain(store: Store, heads: Iterable[str | Head] = ()) -> Verdict:
    """Check the audit trail's hash chain: every seal, the numbering, the links and the head,
    and that each head printed earlier (on a brief, in a case package: "SEQ:HASH") is still
    in the chain, which a rewrite of the whole chain would change."""
    wanted = [h if isinstance(h, Head) else Head.parse(h) for h in heads]
    with store.reading() as uow:
        return uow.verify_audit(wanted)
