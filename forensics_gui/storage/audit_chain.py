"""The audit trail as a hash chain: every event is sealed with the SHA-256 of the previous
event's seal and of its own values as the database stores them, so that an event edited,
deleted, inserted out of turn or moved is found by `verify`, which names the first bad one.

Each event gets the next number (`seq`); `audit_chain_head` holds the newest number and seal.
On SQLite the application seals events as it writes them (it is the only writer). On
PostgreSQL a trigger seals every event, the application's and one typed in psql alike, so the
chain does not depend on the client; the head row is locked while an event is sealed, so
events are numbered in the order their transactions wrote them.

A rewrite of the whole chain (every seal computed again after an edit) is consistent in
itself: it is caught by comparing a head printed earlier (on a brief, in a case package) with
the event of the same number now (`verify(heads=...)`).

The text sealed is the event's values as the database stores them, joined by U+001F, after
the number and the previous seal: the chain can be checked from the stored rows alone, and
on PostgreSQL by the same expression the trigger uses. It must never change: stores sealed
with it are checked with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.engine import Connection

from forensics_gui.core.audit import Head, Verdict
from forensics_gui.storage.bulk_stage import insert_many

GENESIS = "0" * 64  # the "previous seal" of the first event
SEPARATOR = "\x1f"
# The event's values sealed, in this order.
SEALED = ("id", "occurred_at", "actor", "action", "record_kind", "record_id", "old_values",
          "new_values")
_BATCH = 5_000


def seal(seq: int, previous: str, stored: Sequence[Any]) -> str:
    """The seal of event `seq`: SHA-256 over its number, the previous seal and its values as
    stored (None as empty text)."""
    text = SEPARATOR.join([str(seq), previous, *("" if v is None else str(v) for v in stored)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pg_sealed_text(row: str, seq: str = "", previous: str = "") -> str:
    """The text PostgreSQL seals for the row `row` (a table alias): the same fields as
    `seal`, as PostgreSQL prints them; `seq` and `previous` stand for the row's own number
    and link when given (the trigger sets them in the same statement)."""
    return (f"concat_ws(chr(31), {seq or row + '.seq'}::text, {previous or row + '.prev_hash'}, "
            f"{row}.id::text, "
            f"to_char({row}.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
            f"{row}.actor, {row}.action, {row}.record_kind, "
            f"coalesce({row}.record_id::text, ''), {row}.old_values::text, "
            f"{row}.new_values::text)")


# PostgreSQL seals each event when its transaction commits (a deferred constraint trigger,
# installed by migration 0010): the head row is locked only while the transaction's events
# are sealed, not for the whole of a long import, and events are numbered in commit order.
PG_SEAL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION forensics_audit_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
  sealed text;
BEGIN
  IF EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.id AND hash IS NOT NULL) THEN
    RETURN NULL;  -- given a seal by hand: checking the chain judges it
  END IF;
  UPDATE audit_chain_head SET seq = seq + 1 WHERE singleton = 1 RETURNING seq, hash INTO head;
  IF head IS NULL THEN
    RAISE EXCEPTION 'the audit chain has no head row; the store is damaged';
  END IF;
  UPDATE audit_event e SET seq = head.seq, prev_hash = head.hash,
         hash = encode(sha256(convert_to({pg_sealed_text("e", "head.seq", "head.hash")},
                                         'UTF8')), 'hex')
   WHERE e.id = NEW.id RETURNING e.hash INTO sealed;
  UPDATE audit_chain_head SET hash = sealed WHERE singleton = 1;
  RETURN NULL;
END $$"""
# Sealing is the one change an event takes, once: any other update is refused by the
# append-only guard of 0001 (deletes by its own trigger).
_UNCHANGED = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in (
    "id", "occurred_at", "actor", "action", "record_kind", "record_id"))
PG_SEAL_TRIGGERS = (
    "DROP TRIGGER audit_event_append_only ON audit_event",
    "CREATE TRIGGER audit_event_append_only BEFORE DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION forensics_append_only()",
    "CREATE TRIGGER audit_event_sealed_once BEFORE UPDATE ON audit_event FOR EACH ROW "
    f"WHEN (OLD.hash IS NOT NULL OR OLD.seq IS NOT NULL OR NEW.hash IS NULL OR {_UNCHANGED} "
    "OR OLD.old_values::text IS DISTINCT FROM NEW.old_values::text "
    "OR OLD.new_values::text IS DISTINCT FROM NEW.new_values::text) "
    "EXECUTE FUNCTION forensics_append_only()",
    "CREATE CONSTRAINT TRIGGER audit_event_seal AFTER INSERT ON audit_event "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION forensics_audit_seal()",
)
PG_UNSEAL_TRIGGERS = (
    "DROP TRIGGER IF EXISTS audit_event_seal ON audit_event",
    "DROP TRIGGER IF EXISTS audit_event_sealed_once ON audit_event",
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event",
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION forensics_append_only()",
)


# PostgreSQL: every statement that changes rows of a table, typed in psql or sent by the
# application, is recorded in the trail by the database itself (one event per statement:
# the ids inserted, the rows as they were before an update or a delete). The application
# also records what each of its changes meant; these events are the database's own account.
DATABASE_ACTIONS = "database %"  # LIKE pattern of the actions of these events
NOT_ROW_AUDITED = frozenset({"audit_event", "audit_chain_head", "alembic_version",
                             "search_term"})  # the trail itself, and the derived search index
PG_ROWS_FUNCTION = """
CREATE OR REPLACE FUNCTION forensics_audit_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys text := (SELECT string_agg(format('r.%I', k), ', ')
                FROM unnest(string_to_array(TG_ARGV[0], ',')) k);
  left_out text[] := string_to_array(TG_ARGV[1], ',');
  counted bigint;
  ids jsonb;
  before jsonb := '{}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT count(*), coalesce(jsonb_agg(jsonb_build_array(%s)), ''[]'') '
                   'FROM new_rows r', keys) INTO counted, ids;
  ELSE
    EXECUTE format('SELECT count(*), coalesce(jsonb_agg(jsonb_build_array(%s)), ''[]''), '
                   'coalesce(jsonb_agg(to_jsonb(r) - $1), ''[]'') FROM old_rows r', keys)
      INTO counted, ids, before USING coalesce(left_out, '{}'::text[]);
    before := jsonb_build_object('rows', before);
  END IF;
  IF counted > 0 THEN
    INSERT INTO audit_event (id, occurred_at, actor, action, record_kind, record_id,
                             old_values, new_values)
    VALUES (gen_random_uuid(), clock_timestamp(), session_user,
            'database ' || lower(TG_OP), TG_TABLE_NAME, NULL, before,
            jsonb_build_object('rows', counted, 'keys', ids));
  END IF;
  RETURN NULL;
END $$"""


def pg_row_triggers(connection: Connection, table: str) -> list[str]:
    """The statements that make the database record every change of `table` (see above):
    rows are named by their primary key; binary columns (pictures) are left out of the
    rows recorded as they were."""
    keys = connection.exec_driver_sql(
        "SELECT string_agg(a.attname, ',' ORDER BY array_position(i.indkey, a.attnum)) "
        "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %(t)s::regclass AND i.indisprimary",
        {"t": table}).scalar() or ""
    binary = connection.exec_driver_sql(
        "SELECT coalesce(string_agg(column_name, ','), '') FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %(t)s AND data_type = 'bytea'",
        {"t": table}).scalar()
    return [f"CREATE TRIGGER {table}_audit_{op.lower()} AFTER {op} ON {table} "
            f"REFERENCING {'NEW' if op == 'INSERT' else 'OLD'} TABLE AS "
            f"{'new_rows' if op == 'INSERT' else 'old_rows'} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION forensics_audit_rows('{keys}', '{binary}')"
            for op in ("INSERT", "UPDATE", "DELETE")]


def append(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Add audit events (dicts of the `SEALED` values, as Python values) to the trail, sealed
    in order, inside the caller's transaction."""
    if not rows:
        return
    table = _table()
    dialect = connection.dialect
    columns = [table.c[name] for name in SEALED]
    processors = [c.type._cached_bind_processor(dialect) for c in columns]
    stored = [[v if p is None else p(v) for p, v in zip(processors, (r[c.name] for c in columns),
                                                           strict=True)] for r in rows]
    if dialect.name != "sqlite":  # the trigger seals them
        insert_many(connection, table.name, SEALED, [tuple(values) for values in stored])
        return
    # Claiming the numbers first takes the write lock: nobody else can seal meanwhile.
    connection.exec_driver_sql("UPDATE audit_chain_head SET seq = seq + ? WHERE singleton = 1",
                               (len(rows),))
    last, previous = connection.exec_driver_sql(
        "SELECT seq, hash FROM audit_chain_head WHERE singleton = 1").one()
    params = []
    for seq, values in enumerate(stored, start=last - len(rows) + 1):
        sealed = seal(seq, previous, values)
        params.append((*values, seq, previous, sealed))
        previous = sealed
    insert_many(connection, table.name, (*SEALED, "seq", "prev_hash", "hash"), params)
    connection.exec_driver_sql("UPDATE audit_chain_head SET hash = ? WHERE singleton = 1",
                               (previous,))


def _table() -> Any:
    from forensics_gui.storage.models import AuditEventRow

    return AuditEventRow.__table__


# ------------------------------------------------------------------ checking
def head(connection: Connection) -> Head | None:
    """The head as the store records it (None before the first event)."""
    found = connection.exec_driver_sql(
        "SELECT seq, hash FROM audit_chain_head WHERE singleton = 1").first()
    if found is None or not found[0]:
        return None
    return Head(int(found[0]), str(found[1]))


def verify(connection: Connection, heads: Sequence[Head] = ()) -> Verdict:
    """Check every seal, the numbering and the links, the head row, and that each of `heads`
    (printed earlier) is still in the chain. Stops listing after the first few problems."""
    problems: list[str] = []
    expected_seq, previous, count, unread = 1, GENESIS, 0, 0
    seals: dict[int, str] = {}
    wanted = {h.seq for h in heads}
    for seq, id_, prev_hash, sealed, text in _events(connection):
        count += 1
        where = f"audit event {seq if seq is not None else '(no number)'} (id {id_})"
        if seq is None or sealed is None or prev_hash is None:
            problems.append(f"{where} is not sealed: it was written around the application")
        else:
            if seq != expected_seq:
                problems.append(
                    f"{where}: expected event {expected_seq} here; events "
                    f"{expected_seq}\u2013{seq - 1} are missing" if seq > expected_seq else
                    f"{where}: number {seq} comes again or out of order after "
                    f"{expected_seq - 1}")
            if prev_hash != previous:
                problems.append(f"{where} does not follow the event before it (its link "
                                f"differs): an event before it was changed, removed or moved")
            if text is None:
                unread += 1
            elif hashlib.sha256(text.encode("utf-8")).hexdigest() != sealed:
                problems.append(f"{where} was changed after it was written (its seal does "
                                f"not match its values)")
            if seq in wanted:
                seals[seq] = sealed
            expected_seq = seq + 1
            previous = sealed
        if len(problems) >= 20:
            problems.append("(stopped after 20 problems)")
            break
    recorded = head(connection)
    last = Head(expected_seq - 1, previous) if count else None
    if len(problems) < 20 and recorded != last:
        problems.append(f"the chain's head row says {recorded or 'no events'} but the last "
                        f"event is {last or 'none'}: events at the end were removed or the "
                        f"head was changed")
    for printed in heads:
        now = seals.get(printed.seq)
        if now is None:
            problems.append(f"head {printed} printed earlier: event {printed.seq} is no longer "
                            f"in the chain")
        elif now != printed.hash:
            problems.append(f"head {printed} printed earlier: event {printed.seq} now has seal "
                            f"{now[:16]}\u2026, so the chain was rewritten since")
    return Verdict(count, recorded, tuple(problems), unread)


def _events(connection: Connection) -> Iterator[tuple[Any, ...]]:
    """(seq, id, prev_hash, hash, the text its seal covers) of every event, in order."""
    if connection.dialect.name == "sqlite":
        columns = ", ".join(SEALED)
        result = connection.exec_driver_sql(
            f"SELECT seq, id, prev_hash, hash, {columns} FROM audit_event "
            f"ORDER BY seq IS NULL, seq, occurred_at, id")
        for seq, id_, prev_hash, sealed, *stored in result:
            text = "" if seq is None else SEPARATOR.join(
                [str(seq), prev_hash or "", *("" if v is None else str(v) for v in stored)])
            yield seq, id_, prev_hash, sealed, text
        return
    has_links = connection.exec_driver_sql(
        "SELECT to_regclass('audit_chain_link') IS NOT NULL").scalar()
    if not has_links:
        yield from connection.exec_driver_sql(
            f"SELECT e.seq, e.id::text, e.prev_hash, e.hash, {pg_sealed_text('e')} "
            f"FROM audit_event e ORDER BY e.seq NULLS LAST, e.occurred_at, e.id")
        return
    # Row-level security hides events above the login's clearance: every event's link comes
    # from the view (past the policies), the text sealed from the events the login may read.
    texts = iter(connection.exec_driver_sql(
        f"SELECT e.seq, {pg_sealed_text('e')} FROM audit_event e WHERE e.seq IS NOT NULL "
        f"ORDER BY e.seq").all())
    pending = next(texts, None)
    for seq, id_, prev_hash, sealed in connection.exec_driver_sql(
            "SELECT l.seq, l.id::text, l.prev_hash, l.hash FROM audit_chain_link l "
            "ORDER BY l.seq NULLS LAST, l.id"):
        text = None
        if seq is not None and pending is not None and pending[0] == seq:
            text, pending = pending[1], next(texts, None)
        yield seq, id_, prev_hash, sealed, text
