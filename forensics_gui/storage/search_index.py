"""The search index: terms of every searchable record, kept current on every write.

The repository calls `write_terms` whenever a record is added or a searchable field changes;
deleting a record (directly or by cascade) removes its terms through database triggers made
by the migration. On SQLite, FTS5 tables with the trigram tokenizer, one per kind and column,
index the keys and the confusable keys (kept by triggers on `search_term`); on PostgreSQL,
`search_term` is partitioned by kind and pg_trgm GIN indexes on each partition do the same.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any
from uuid import UUID

from sqlalchemy import delete, insert, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from forensics_gui.core.search import SEARCH_KINDS, TERM_SOURCES, terms_of
from forensics_gui.storage import models as m
from forensics_gui.storage.bulk_stage import insert_many, nothing, stage_rows

TERMS = m.SearchTermRow.__table__
_BATCH = 20_000


FTS_COLUMNS = ("key", "ckey")


def fts_table(kind: str, column: str) -> str:
    """The SQLite full-text table over one column (key or ckey) of one kind's terms.

    One column per table: with detail=none a table cannot tell its columns apart, so a
    pattern on the keys would also fetch, then reject, every row whose confusable key has
    the same trigrams (all STM32 rows for "5TM32").
    """
    return f"search_fts_{kind}_{column}"


TABLE_OF_KIND = {"part": "part", "finding": "component_finding", "org": "organization",
                 "system": "weapon_system_type", "item": "recovered_item", "source": "source"}


def index_ddl(dialect: str) -> list[str]:
    """Statements that make the trigram index over the terms (not the terms table itself).

    The index is derived data: `rebuild` drops and remakes it with these same statements,
    and a migration that changes it rebuilds it.
    """
    if dialect != "sqlite":
        # Made on the table partitioned by kind, so each kind's partition has its own.
        return [f"CREATE INDEX {trigram_index(column)} ON search_term USING gin "
                f"({column} gin_trgm_ops)" for column in FTS_COLUMNS]
    tables = [(k, c, fts_table(k, c)) for k in SEARCH_KINDS for c in FTS_COLUMNS]
    adds = _fts_adds()
    removes = "".join(f"INSERT INTO {t}({t}, rowid, {c}) SELECT 'delete', old.id, old.{c} "
                      f"WHERE old.kind = '{k}'; " for k, c, t in tables)
    # The terms table is the content table: its integer key never changes, unlike the row
    # ids of tables keyed by UUID.
    return [*(f"CREATE VIRTUAL TABLE {t} USING fts5({c}, content='search_term', "
              "content_rowid='id', tokenize='trigram', detail='none')" for _k, c, t in tables),
            _INSERT_TRIGGER,
            f"CREATE TRIGGER search_term_ad AFTER DELETE ON search_term BEGIN {removes} END",
            f"CREATE TRIGGER search_term_au AFTER UPDATE ON search_term BEGIN {removes} "
            f"{adds} END"]


def _fts_adds() -> str:
    return "".join(f"INSERT INTO {fts_table(k, c)}(rowid, {c}) SELECT new.id, new.{c} "
                   f"WHERE new.kind = '{k}'; " for k in SEARCH_KINDS for c in FTS_COLUMNS)


_INSERT_TRIGGER = (f"CREATE TRIGGER search_term_ai AFTER INSERT ON search_term "
                   f"BEGIN {_fts_adds()} END")


def drop_index_ddl(dialect: str) -> list[str]:
    if dialect != "sqlite":
        # The per-kind indexes were made before the table was partitioned by kind.
        return [*(f"DROP INDEX IF EXISTS {trigram_index(column)}" for column in FTS_COLUMNS),
                *(f"DROP INDEX IF EXISTS ix_search_trgm_{kind}_{column}"
                  for kind in SEARCH_KINDS for column in FTS_COLUMNS)]
    return [*(f"DROP TRIGGER IF EXISTS search_term_{suffix}" for suffix in ("ai", "ad", "au")),
            *(f"DROP TABLE IF EXISTS {fts_table(kind, column)}" for kind in SEARCH_KINDS
              for column in FTS_COLUMNS)]


def forget_terms_ddl(dialect: str) -> list[str]:
    """Triggers that remove a record's terms when the record goes (cascades included)."""
    if dialect == "sqlite":
        return [f"CREATE TRIGGER {table}_forget_terms AFTER DELETE ON {table} BEGIN "
                f"DELETE FROM search_term WHERE kind = '{kind}' AND record_id = old.id; END"
                for kind, table in TABLE_OF_KIND.items()]
    return ["""CREATE FUNCTION forensics_forget_terms() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM search_term WHERE kind = TG_ARGV[0] AND record_id = OLD.id;
          RETURN OLD;
        END $$""", *(f"CREATE TRIGGER {table}_forget_terms AFTER DELETE ON {table} "
                     f"FOR EACH ROW EXECUTE FUNCTION forensics_forget_terms('{kind}')"
                     for kind, table in TABLE_OF_KIND.items())]


def drop_forget_terms_ddl(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_forget_terms" for table in TABLE_OF_KIND.values()]
    return [*(f"DROP TRIGGER IF EXISTS {table}_forget_terms ON {table}"
              for table in TABLE_OF_KIND.values()),
            "DROP FUNCTION IF EXISTS forensics_forget_terms()"]


def trigram_index(column: str) -> str:
    """The PostgreSQL trigram index over the keys or the confusable keys."""
    return f"ix_search_trgm_{column}"


def term_partition(kind: str) -> str:
    """PostgreSQL: the partition of `search_term` holding one kind's terms."""
    return f"search_term_{kind}"


def partition_terms_ddl() -> list[str]:
    """PostgreSQL: make `search_term` a table partitioned by kind, keeping its rows.

    In one table, the planner cannot know that one kind's terms lie together at one end:
    a scan for a common part-number fragment among the parts' terms read through every
    marking first (a million rows, a tenth of a second). A partition per kind holds only
    that kind's terms, with its own trigram and key indexes (see `term_partition`).
    """
    return _remade_terms(partitioned=True)


def unpartition_terms_ddl() -> list[str]:
    """PostgreSQL: undo `partition_terms_ddl` (one table again, rows kept)."""
    return _remade_terms(partitioned=False)


def _remade_terms(*, partitioned: bool) -> list[str]:
    """The terms table made again, partitioned by kind or not: the old one is set aside,
    its rows copied into the new one, its sequence handed over, its indexes made anew."""
    old = "search_term_whole" if partitioned else "search_term_parted"
    layout = " PARTITION BY LIST (kind)" if partitioned else ""
    partitions = [*(f"CREATE TABLE {term_partition(kind)} PARTITION OF search_term "
                    f"FOR VALUES IN ('{kind}')" for kind in SEARCH_KINDS),
                  "CREATE TABLE search_term_other PARTITION OF search_term DEFAULT"]
    return [*drop_index_ddl("postgresql"),
            f"ALTER TABLE search_term RENAME TO {old}",
            *_renamed_aside(old),
            "ALTER SEQUENCE search_term_id_seq OWNED BY NONE",
            f"CREATE TABLE search_term (LIKE {old} INCLUDING DEFAULTS){layout}",
            *(partitions if partitioned else []),
            f"INSERT INTO search_term SELECT * FROM {old}",
            f"DROP TABLE {old}",
            *_terms_keys("(kind, id)" if partitioned else "(id)"),
            *index_ddl("postgresql"),
            "ANALYZE search_term"]


def _renamed_aside(table: str) -> list[str]:
    return [f"ALTER TABLE {table} RENAME CONSTRAINT pk_search_term TO pk_{table}",
            f"ALTER INDEX ix_search_term_kind_key RENAME TO ix_{table}_kind_key",
            f"ALTER INDEX ix_search_term_record_id RENAME TO ix_{table}_record_id"]


def _terms_keys(primary: str) -> list[str]:
    return ["ALTER SEQUENCE search_term_id_seq OWNED BY search_term.id",
            f"ALTER TABLE search_term ADD CONSTRAINT pk_search_term PRIMARY KEY {primary}",
            "CREATE INDEX ix_search_term_kind_key ON search_term (kind, key)",
            "CREATE INDEX ix_search_term_record_id ON search_term (record_id)"]


def managed_outside_models(name: str | None, type_: str) -> bool:
    """True for the index structures the migrations make by hand (not in the models)."""
    if not name:
        return False
    if type_ == "table":
        # SQLite's full-text tables; PostgreSQL's partitions of the terms table.
        return name.startswith(("search_fts_", "search_term_"))
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


def forget_terms(session: Session, kind: str, record_id: UUID) -> None:
    """Drop the terms of one record (withdrawn evidence is not found by searching)."""
    session.execute(delete(TERMS).where(TERMS.c.kind == kind, TERMS.c.record_id == record_id))


def term_params(dialect: Any, kind: str, records: Iterable[tuple[Any, Any]], *,
                raw_ids: bool = False) -> list[tuple[Any, ...]]:
    """The rows of `search_term` for many records, as the driver takes them.

    `raw_ids`: the ids are already in the database's own form (read with exec_driver_sql).
    """
    if kind not in SEARCH_KINDS:
        return []
    to_db = (lambda v: v) if raw_ids else (
        TERMS.c.record_id.type.bind_processor(dialect) or (lambda v: v))
    return [(kind, to_db(record_id), t.field, t.text, t.key, t.ckey)
            for record_id, record in records for t in terms_of(kind, record)]


def insert_terms(connection: Connection, kind: str, params: list[tuple[Any, ...]], *,
                 indexed: bool = True) -> None:
    """Add terms made by `term_params`. `indexed` False: the trigram index is not there (a
    rebuild makes it afterwards)."""
    def insert() -> None:
        insert_many(connection, "search_term", _TERM_COLUMNS, params)

    if params and indexed and connection.dialect.name == "sqlite":
        _indexing_once(connection, kind, insert)
    else:
        insert()


_TERM_COLUMNS = ("kind", "record_id", "field", "text", "key", "ckey")


def stage_terms(connection: Connection, kind: str,
                params: list[tuple[Any, ...]]) -> Callable[[], None]:
    """SQLite: put terms (values for `_TERM_COLUMNS`) in a temporary table; the returned
    function moves them into `search_term` and its full-text tables (see `_indexing_once`)."""
    move = stage_rows(connection, "search_term", _TERM_COLUMNS, params)
    return move if move is nothing else partial(_indexing_once, connection, kind, move)


def _indexing_once(connection: Connection, kind: str, insert: Callable[[], None]) -> None:
    """SQLite: run `insert` (new terms of `kind`) with the full-text tables fed once, not row
    by row.

    The trigger that feeds them per row is set aside meanwhile, and the new terms are indexed
    in one pass per table, which takes half the time. It all happens in the caller's
    transaction: other connections never see the store without its trigger, and a rollback
    puts it back. New terms get keys above the largest (integer primary key).
    """
    first = connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM search_term").scalar()
    connection.exec_driver_sql("DROP TRIGGER search_term_ai")
    insert()
    for column in FTS_COLUMNS:
        connection.exec_driver_sql(
            f"INSERT INTO {fts_table(kind, column)}(rowid, {column}) "
            f"SELECT id, {column} FROM search_term WHERE id > ? AND kind = ?", (first, kind))
    connection.exec_driver_sql(_INSERT_TRIGGER)


def rebuild(connection: Connection,
            progress: Callable[[str, int], bool | None] | None = None) -> dict[str, int]:
    """Recompute every term from the records and remake the index; {kind: terms}.

    Runs inside the caller's transaction, so an interrupted rebuild leaves the old index.
    The index is dropped first and made again over all the terms at once, which is several
    times faster than keeping it current row by row.
    """
    dialect = connection.dialect.name
    for statement in drop_index_ddl(dialect):
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql("DELETE FROM search_term")
    counts: dict[str, int] = {}
    for kind in SEARCH_KINDS:
        counts[kind] = 0
        for batch in _records(connection, kind):
            params = term_params(connection.dialect, kind, batch, raw_ids=True)
            insert_terms(connection, kind, params, indexed=False)
            counts[kind] += len(params)
            if progress is not None and progress(kind, counts[kind]) is False:
                raise InterruptedError("index rebuild cancelled")
    for statement in index_ddl(dialect):
        connection.exec_driver_sql(statement)
    if dialect == "sqlite":
        for kind in SEARCH_KINDS:
            for column in FTS_COLUMNS:
                connection.exec_driver_sql(
                    f"INSERT INTO {fts_table(kind, column)}(rowid, {column}) "
                    f"SELECT id, {column} FROM search_term WHERE kind = '{kind}'")
    else:
        connection.exec_driver_sql("ANALYZE search_term")
    return counts


def _records(connection: Connection, kind: str) -> Iterator[list[tuple[Any, dict[str, Any]]]]:
    attributes = [attribute for _, attribute, _ in TERM_SOURCES[kind]]
    # Read raw: converting a million ids and JSON lists costs more than indexing them.
    # Withdrawn evidence is kept but not found by searching. (Migrations older than the
    # withdrawal columns rebuild the index too: the column is looked for.)
    table = TABLE_OF_KIND[kind]
    withdrawable = any(c["name"] == "withdrawn_at" for c in inspect(connection).get_columns(table))
    live = " WHERE withdrawn_at IS NULL" if withdrawable else ""
    cursor = connection.exec_driver_sql(
        f"SELECT id, {', '.join(attributes)} FROM {table}{live}")
    lists = {a for _, a, is_list in TERM_SOURCES[kind] if is_list}
    while chunk := cursor.fetchmany(_BATCH):
        yield [(row[0], {a: (_list(v) if a in lists else v)
                         for a, v in zip(attributes, row[1:], strict=True)}) for row in chunk]


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = json.loads(value or "[]")
    return [str(v) for v in value or ()]


def status(connection: Connection) -> dict[str, Any]:
    """How many terms each kind has in the index, and whether the index answers."""
    started = time.perf_counter()
    counts = dict(connection.execute(
        select(TERMS.c.kind, text("count(*)")).group_by(TERMS.c.kind)).all())
    return {"terms": {k: int(counts.get(k, 0)) for k in SEARCH_KINDS},
            "seconds": round(time.perf_counter() - started, 3),
            "engine": "FTS5 trigram" if connection.dialect.name == "sqlite" else "pg_trgm"}
