"""The audit trail is a hash chain: an event edited, deleted, inserted or moved, even with the
database's own tools, is found and named, and a rewrite of the whole chain is caught by a head
printed earlier."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command

from forensics_gui.core.audit import Head
from forensics_gui.core.errors import ValidationError
from forensics_gui.services import audit, records, stores
from forensics_gui.storage import audit_chain, migrate

SEALED_COLUMNS = ("id", "occurred_at", "actor", "action", "record_kind", "record_id",
                  "old_values", "new_values", "seq", "prev_hash", "hash")


def _sqlite_path(store: stores.Store) -> str:
    return store.location.display


def _raw(store: stores.Store, *statements: str) -> None:
    """Statements typed straight into the database file, as someone with the sqlite3 tool
    would: the guards that refuse changes to the trail are dropped first."""
    with closing(sqlite3.connect(_sqlite_path(store))) as db:
        db.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        db.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
        for statement in statements:
            db.execute(statement)
        db.commit()


def test_ordinary_use_keeps_the_chain_sound(demo_store: stores.Store) -> None:
    before = audit.chain_head(demo_store)
    assert before is not None and before.seq > 100
    records.create(demo_store, "org", {"name": "Fictional Relay Trading FZE", "country": "AE"})
    verdict = audit.verify_chain(demo_store, [str(before)])
    assert verdict.sound, verdict.problems
    # One event on SQLite; on PostgreSQL the database records the statement as well.
    assert verdict.head is not None and verdict.head.seq in (before.seq + 1, before.seq + 2)
    assert verdict.events == verdict.head.seq
    assert stores.check(demo_store) == []


@pytest.fixture
def sqlite_demo(sqlite_demo_template: Path, tmp_path: Path) -> stores.Store:
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(sqlite_demo_template, path)
    return stores.open_existing(str(path))


def test_an_edited_event_is_named(sqlite_demo: stores.Store) -> None:
    _raw(sqlite_demo, "UPDATE audit_event SET actor = 'someone else' WHERE seq = 40")
    verdict = audit.verify_chain(sqlite_demo)
    assert not verdict.sound
    assert verdict.problems[0].startswith("audit event 40 ")
    assert "changed after it was written" in verdict.problems[0]
    assert any("audit event 40 " in p for p in stores.check(sqlite_demo))


def test_a_deleted_event_is_named(sqlite_demo: stores.Store) -> None:
    _raw(sqlite_demo, "DELETE FROM audit_event WHERE seq = 12")
    problems = audit.verify_chain(sqlite_demo).problems
    assert problems[0].startswith("audit event 13 ") and "12\u201312 are missing" in problems[0]


def test_an_inserted_event_is_named(sqlite_demo: stores.Store) -> None:
    """A forged event given a number of its own and a made-up seal: it breaks the link of
    the event after it, or its own seal."""
    with closing(sqlite3.connect(_sqlite_path(sqlite_demo))) as db:
        row = db.execute("SELECT id, occurred_at, actor, action, record_kind, record_id, "
                         "old_values, new_values, seq, prev_hash, hash FROM audit_event "
                         "WHERE seq = 30").fetchone()
    forged = ("ab" * 16, row[1], "forger", "create", "org", None, "{}", "{}")
    _raw(sqlite_demo,
         "UPDATE audit_event SET seq = seq + 1000000 WHERE seq > 30",
         "UPDATE audit_event SET seq = seq - 999999 WHERE seq > 1000000",
         f"INSERT INTO audit_event (id, occurred_at, actor, action, record_kind, record_id, "
         f"old_values, new_values, seq, prev_hash, hash) VALUES "
         f"('{forged[0]}', '{forged[1]}', 'forger', 'create', 'org', NULL, '{{}}', '{{}}', 31, "
         f"'{row[10]}', '{audit_chain.seal(31, row[10], forged)}')")
    problems = audit.verify_chain(sqlite_demo).problems
    assert problems[0].startswith("audit event 32 ")
    assert "does not follow the event before it" in problems[0]


def test_moved_events_are_named(sqlite_demo: stores.Store) -> None:
    _raw(sqlite_demo, "UPDATE audit_event SET seq = -1 WHERE seq = 20",
         "UPDATE audit_event SET seq = 20 WHERE seq = 21",
         "UPDATE audit_event SET seq = 21 WHERE seq = -1")
    problems = audit.verify_chain(sqlite_demo).problems
    assert problems[0].startswith("audit event 20 ")


def test_events_cut_from_the_end_are_found(sqlite_demo: stores.Store) -> None:
    head = audit.chain_head(sqlite_demo)
    assert head is not None
    _raw(sqlite_demo, f"DELETE FROM audit_event WHERE seq > {head.seq - 3}")
    problems = audit.verify_chain(sqlite_demo).problems
    assert len(problems) == 1 and "events at the end were removed" in problems[0]


def test_an_event_written_around_the_application_is_found(sqlite_demo: stores.Store) -> None:
    _raw(sqlite_demo, "INSERT INTO audit_event (id, occurred_at, actor, action, record_kind, "
                      "old_values, new_values) VALUES ('cd' || hex(randomblob(15)), "
                      "'2026-01-01 00:00:00.000000', 'x', 'create', 'org', '{}', '{}')")
    problems = audit.verify_chain(sqlite_demo).problems
    assert any("is not sealed" in p for p in problems)


def test_a_rewritten_chain_is_caught_by_a_head_printed_earlier(sqlite_demo: stores.Store
                                                               ) -> None:
    """Someone edits an event and computes every seal again: the chain holds in itself, but
    the head printed on an earlier brief no longer matches."""
    printed = audit.chain_head(sqlite_demo)
    assert printed is not None
    with closing(sqlite3.connect(_sqlite_path(sqlite_demo))) as db:
        db.execute("DROP TRIGGER audit_event_no_update")
        db.execute("UPDATE audit_event SET actor = 'rewriter' WHERE seq = 7")
        rows = db.execute(f"SELECT seq, {', '.join(audit_chain.SEALED)} FROM audit_event "
                          f"ORDER BY seq").fetchall()
        previous = audit_chain.GENESIS
        for seq, *stored in rows:
            sealed = audit_chain.seal(seq, previous, stored)
            db.execute("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?",
                       (previous, sealed, seq))
            previous = sealed
        db.execute("UPDATE audit_chain_head SET hash = ?", (previous,))
        db.commit()
    assert audit.verify_chain(sqlite_demo).sound  # consistent in itself
    caught = audit.verify_chain(sqlite_demo, [str(printed)])
    assert not caught.sound and "the chain was rewritten since" in caught.problems[0]


def test_every_altered_event_is_found(sqlite_demo: stores.Store) -> None:
    """Each event of the demo trail altered in turn, in a field chosen at random (its values,
    its number or its seals): checking always fails and names that event or the one after it."""
    rng = random.Random(20261205)
    path = _sqlite_path(sqlite_demo)
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("DROP TRIGGER audit_event_no_update")
        seqs = [r[0] for r in db.execute("SELECT seq FROM audit_event ORDER BY seq")]
        found = 0
        for seq in seqs:
            column = rng.choice(SEALED_COLUMNS)
            db.execute("BEGIN")
            value = {"seq": "seq + 1000000", "id": "'ee' || substr(id, 3)",
                     "record_id": "coalesce('ff' || substr(record_id, 3), 'ff')",
                     "prev_hash": _other_first_digit("prev_hash"),
                     "hash": _other_first_digit("hash"),
                     "old_values": "old_values || ' '", "new_values": "new_values || ' '"}.get(
                column, f"{column} || 'x'")
            db.execute(f"UPDATE audit_event SET {column} = {value} WHERE seq = ?", (seq,))
            verdict = audit_chain.verify(_Connection(db))
            db.execute("ROLLBACK")
            first = verdict.problems[0] if verdict.problems else ""
            if first.startswith((f"audit event {seq} ", f"audit event {seq + 1} ",
                                 f"audit event {seq + 1000000} ")) or (
                    seq == seqs[-1] and "events at the end" in first):
                found += 1
    print(f"altered audit events: {len(seqs)}, detected and named: {found} "
          f"({100 * found / len(seqs):.0f}%)")
    assert found == len(seqs)


def _other_first_digit(column: str) -> str:
    return (f"CASE WHEN substr({column}, 1, 1) = '0' THEN '1' ELSE '0' END || "
            f"substr({column}, 2)")


class _Connection:
    """The two things `audit_chain.verify` asks of a connection, over a plain sqlite3 one (so
    that each alteration can be rolled back)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.dialect = type("Dialect", (), {"name": "sqlite"})()

    def exec_driver_sql(self, statement: str, params: tuple = ()) -> _Result:
        return _Result(self.db.execute(statement, params))


class _Result:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.cursor = cursor

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.cursor)

    def first(self) -> tuple | None:
        return self.cursor.fetchone()


def test_a_head_must_be_written_as_printed() -> None:
    assert Head.parse(" 12:" + "A" * 64) == Head(12, "a" * 64)
    for text in ("12", "x:" + "a" * 64, "12:" + "a" * 63, "12:" + "g" * 64):
        with pytest.raises(ValidationError, match="not an audit chain head"):
            Head.parse(text)


def test_the_0010_migration_seals_the_events_already_written(demo_store: stores.Store) -> None:
    """Down to 0009 (no chain) and up again: the events then in the store are sealed in the
    order they happened, and the chain holds."""
    with demo_store.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0009")
    with demo_store.engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    verdict = audit.verify_chain(demo_store)
    assert verdict.sound, verdict.problems
    assert verdict.events > 100 and verdict.head is not None
    assert verdict.head.seq == verdict.events
    records.create(demo_store, "org", {"name": "Fictional Freight Kyrgyzstan LLC"})
    assert audit.verify_chain(demo_store).sound


# ---------------------------------------------------------------- PostgreSQL, from psql
def _psql(url: str, statement: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", statement],
                          capture_output=True, text=True, check=False)


@pytest.mark.postgres
def test_events_typed_in_psql_are_sealed_too(pg_store: stores.Store) -> None:
    records.create(pg_store, "org", {"name": "Fictional Trading Ltd"})
    before = audit.chain_head(pg_store)
    assert before is not None
    url = pg_store.location.url.replace("postgresql+psycopg:", "postgresql:")
    done = _psql(url, "INSERT INTO audit_event (id, occurred_at, actor, action, record_kind, "
                      "old_values, new_values) VALUES (gen_random_uuid(), now(), 'anyone', "
                      "'typed', 'org', '{}', '{\"said\": \"by hand\"}')")
    assert done.returncode == 0, done.stderr
    verdict = audit.verify_chain(pg_store)
    assert verdict.sound, verdict.problems
    assert verdict.head is not None and verdict.head.seq == before.seq + 1
    with pg_store.engine.connect() as connection:
        actor = connection.exec_driver_sql(
            f"SELECT actor FROM audit_event WHERE seq = {verdict.head.seq}").scalar()
    assert actor != "anyone"  # the database records the login, whatever was typed


@pytest.mark.postgres
def test_a_superuser_rewriting_an_event_is_found(pg_store: stores.Store) -> None:
    for name in ("Fictional One Ltd", "Fictional Two Ltd", "Fictional Three Ltd"):
        records.create(pg_store, "org", {"name": name})
    url = pg_store.location.url.replace("postgresql+psycopg:", "postgresql:")
    try:
        done = _psql(url, "ALTER TABLE audit_event DISABLE TRIGGER USER; "
                          "UPDATE audit_event SET new_values = '{\"name\": \"Other\"}' "
                          "WHERE seq = 2; DELETE FROM audit_event WHERE seq = 3;")
        assert done.returncode == 0, done.stderr
        problems = audit.verify_chain(pg_store).problems
        assert problems[0].startswith("audit event 2 ") and "changed" in problems[0]
        check = stores.check(pg_store)
        assert any("audit_event_seal on audit_event is switched off" in p for p in check)
        assert any("audit trail: audit event 2 " in p for p in check)
    finally:  # the test database is shared by the tests that follow
        _psql(url, "ALTER TABLE audit_event ENABLE TRIGGER USER")


def test_the_sealed_text_is_sha256_of_the_stored_values() -> None:
    stored = ("0a" * 16, "2026-12-05 10:00:00.000000", "analyst", "create", "org", None, "{}",
              '{"name": "Fictional"}')
    text = "\x1f".join(["1", audit_chain.GENESIS, *("" if v is None else v for v in stored)])
    assert audit_chain.seal(1, audit_chain.GENESIS, stored) == hashlib.sha256(
        text.encode()).hexdigest()


@pytest.mark.postgres
def test_changes_typed_in_psql_are_recorded_by_the_database(pg_store: stores.Store) -> None:
    """A change made around the application (psql, another tool) is still in the trail:
    the database records each statement with the rows as they were, and the login."""
    org = records.create(pg_store, "org", {"name": "Fictional Haulage LLP", "notes": "first"})
    url = pg_store.location.url.replace("postgresql+psycopg:", "postgresql:")
    done = _psql(url, f"UPDATE organization SET notes = 'typed by hand' WHERE id = '{org.id}';"
                      f"DELETE FROM organization WHERE id = '{org.id}';")
    assert done.returncode == 0, done.stderr
    events = [e for e in audit.history(pg_store, limit=20, database=True)
              if e.record_kind == "organization"]
    assert not any(e.action.startswith("database ") for e in audit.history(pg_store))
    update = next(e for e in events if e.action == "database update")
    delete = next(e for e in events if e.action == "database delete")
    assert update.old_values["rows"][0]["notes"] == "first"
    assert update.new_values == {"rows": 1, "keys": [[str(org.id)]]}
    assert delete.old_values["rows"][0]["notes"] == "typed by hand"
    assert {update.actor, delete.actor} == {pg_store.actor} or update.actor == delete.actor
    assert audit.verify_chain(pg_store).sound

    try:
        done = _psql(url, "ALTER TABLE organization DISABLE TRIGGER organization_audit_update")
        assert done.returncode == 0, done.stderr
        assert any("organization_audit_update on organization is switched off" in p
                   for p in stores.check(pg_store))
    finally:
        _psql(url, "ALTER TABLE organization ENABLE TRIGGER organization_audit_update")


@pytest.mark.postgres
def test_a_long_transaction_does_not_hold_up_other_writers(pg_store: stores.Store) -> None:
    """Events are sealed when their transaction commits, so a long import that has written
    events does not make every other user's save wait for it; the chain follows commit
    order."""
    import threading

    with pg_store.engine.connect() as long_running:
        long_running.exec_driver_sql(
            "INSERT INTO audit_event (id, occurred_at, actor, action, record_kind, old_values, "
            "new_values) VALUES (gen_random_uuid(), now(), 'x', 'import', 'finding', '{}', "
            "'{\"rows\": 100000}')")
        saved: list[object] = []
        other = threading.Thread(target=lambda: saved.append(
            records.create(pg_store, "org", {"name": "Fictional Courier Armenia CJSC"})))
        other.start()
        other.join(10)
        assert saved, "another user's save waited for the long transaction"
        long_running.commit()
    verdict = audit.verify_chain(pg_store)
    assert verdict.sound, verdict.problems
    with pg_store.engine.connect() as connection:
        last = connection.exec_driver_sql(
            "SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1").scalar()
    assert last == "import"  # committed last, sealed last
