"""The search index: terms of every searchable record, kept current on every write.

The repository calls `write_terms` whenever a record is added or a searchable field changes;
deleting a record (directly or by cascade) removes its terms through database triggers made
by the migration. On SQLite, one FTS5 table per kind with the trigram tokenizer indexes the
confusable keys (kept by triggers on `search_term`); on PostgreSQL, partial pg_trgm GIN
indexes on `search_term` do the same.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from uuid import UUID

from sqlalchemy import delete, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from forensics_gui.core.search import SEARCH_KINDS, TERM_SOURCES, terms_of
from forensics_gui.storage import models as m

TERMS = m.SearchTermRow.__table__
_BATCH = 20_000


def fts_table(kind: str) -> str:
    """The SQLite full-text table holding the confusable keys of one kind's terms."""
    return f"search_fts_{kind}"


def trigram_index(kind: str) -> str:
    """The PostgreSQL trigram index over one kind's confusable keys."""
    return f"ix_search_trgm_{kind}"


def managed_outside_models(name: str | None, type_: str) -> bool:
    """True for the index structures the migrations make by hand (not in the models)."""
    if not name:
        return False
    if type_ == "table":
        return name.startswith("search_fts_")
    return type_ == "index" and name.startswith("ix_search_trgm_")


def term_rows(kind: str, record_id: UUID, record: Any) -> list[dict[str, Any]]:
    return [{"kind": kind, "record_id": record_id, "field": t.field, "text": t.text,
             "key": t.key, "ckey": t.ckey} for t in terms_of(kind, record)]


def write_terms(session: Session, kind: str, record_id: UUID, record: Any) -> None:
    """Replace the terms of one record by those of its current values."""
    if kind not in SEARCH_KINDS:
        return
    session.execute(delete(TERMS).where(TERMS.c.kind == kind, TERMS.c.record_id == record_id))
    rows = term_rows(kind, record_id, record)
    if rows:
        session.execute(insert(TERMS), rows)


def bulk_write_terms(connection: Connection, kind: str,
                     records: Iterable[tuple[UUID, Any]]) -> int:
    """Add the terms of many new records through the driver's executemany; returns the count."""
    if kind not in SEARCH_KINDS:
        return 0
    dialect = connection.dialect
    to_db = TERMS.c.record_id.type.bind_processor(dialect) or (lambda v: v)
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO search_term (kind, record_id, field, text, key, ckey) "
           f"VALUES ({', '.join([marker] * 6)})")
    params = [(kind, to_db(record_id), t.field, t.text, t.key, t.ckey)
              for record_id, record in records for t in terms_of(kind, record)]
    if params:
        connection.exec_driver_sql(sql, params)
    return len(params)


def rebuild(connection: Connection,
            progress: Callable[[str, int], bool | None] | None = None) -> dict[str, int]:
    """Recompute every term from the records and rebuild the index; {kind: terms}.

    Runs inside the caller's transaction, so an interrupted rebuild leaves the old index.
    """
    counts: dict[str, int] = {}
    connection.execute(delete(TERMS))
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        for kind in SEARCH_KINDS:
            connection.exec_driver_sql(
                f"INSERT INTO {fts_table(kind)}({fts_table(kind)}) VALUES ('delete-all')")
    for kind in SEARCH_KINDS:
        counts[kind] = 0
        for batch in _records(connection, kind):
            counts[kind] += bulk_write_terms(connection, kind, batch)
            if progress is not None and progress(kind, counts[kind]) is False:
                raise InterruptedError("index rebuild cancelled")
    if not sqlite:
        connection.exec_driver_sql("ANALYZE search_term")
    return counts


def _records(connection: Connection, kind: str) -> Iterator[list[tuple[UUID, dict[str, Any]]]]:
    model = m.MODEL_OF_KIND[kind]
    table = model.__table__
    attributes = [attribute for _, attribute, _ in TERM_SOURCES[kind]]
    query = select(table.c.id, *(table.c[a] for a in attributes))
    result = connection.execution_options(yield_per=_BATCH).execute(query)
    for chunk in result.partitions(_BATCH):
        yield [(row[0], dict(zip(attributes, row[1:], strict=True))) for row in chunk]


def status(connection: Connection) -> dict[str, Any]:
    """How many terms each kind has in the index, and whether the index answers."""
    started = time.perf_counter()
    counts = dict(connection.execute(
        select(TERMS.c.kind, text("count(*)")).group_by(TERMS.c.kind)).all())
    return {"terms": {k: int(counts.get(k, 0)) for k in SEARCH_KINDS},
            "seconds": round(time.perf_counter() - started, 3),
            "engine": "FTS5 trigram" if connection.dialect.name == "sqlite" else "pg_trgm"}
