"""Several users writing at once: no edit is lost, a stale edit is refused with a conflict
even when the other user's change lands between the check and the write, a deadlock or a
serialization failure is run again from the start and succeeds, and a SQLite writer waits
for another program's lock instead of failing at once."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from forensics_gui.core.errors import ConflictError, StoreLockedError, ValidationError
from forensics_gui.services import custody, records, stores
from forensics_gui.storage import store as store_module
from tests import concurrency

from .support import CASE


def _where(store: stores.Store) -> str:
    path = store.location.path
    return str(path) if path is not None else store.location.url.replace("+psycopg", "")


@pytest.fixture
def pg_item(pg_store: stores.Store) -> Iterator[Any]:
    """A recovered item in a PostgreSQL store."""
    system = records.create(pg_store, "system", {"name": "Kh-101"})
    yield records.create(pg_store, "item", {"system_type_id": system.id,
                                            "case_reference": CASE})


@pytest.mark.slow
def test_concurrent_editors_lose_no_edit(store: stores.Store, tmp_path: Path) -> None:
    where = _where(store)
    ids = concurrency.make_items(where, 3)
    clients = [concurrency.start_service_editor(where, tmp_path / f"s{k}.jsonl", f"s{k}", 40,
                                                k, ids) for k in range(3)]
    raw = concurrency.raw_sql_editor(where, "r", 30, 7, ids)
    by_cli = concurrency.cli_editor(where, "c", 4, 3, ids) if store.kind == "sqlite" else []
    assert [client.wait() for client in clients] == [0, 0, 0]
    assert raw.wait() == 0, raw.stderr.read() if raw.stderr else ""

    outcomes = concurrency.read_outcomes(tmp_path / f"s{k}.jsonl" for k in range(3)) + by_cli
    tally = concurrency.check_edits(where, outcomes, [f"r-{n}" for n in range(30)], ids)
    assert tally.problems == []
    assert tally.accepted + tally.conflicts == len(outcomes) == 120 + len(by_cli)
    assert tally.accepted > 0 and tally.conflicts > 0
    assert tally.silent_overwrites == tally.version_gaps == 0
    assert tally.unfounded_conflicts == tally.failed == tally.missing_from_audit == 0


@pytest.mark.postgres
def test_a_change_committed_after_the_check_still_makes_a_conflict(
        pg_store: stores.Store, pg_item: Any) -> None:
    read = records.get(pg_store, "item", CASE)
    other = stores.open_existing(_where(pg_store))
    try:
        with pytest.raises(ConflictError) as caught, pg_store.writing() as uow:
            # The version is checked here, against what this transaction read...
            uow.check_version("item", uow.row("item", read.id), read.version)
            # ...then another user's edit commits before this one writes.
            records.update(other, "item", read.id, read.version, {"condition": "burnt"})
            uow.update("item", read.id, read.version, {"condition": "intact"})
    finally:
        other.close()
    assert caught.value.current_version == read.version + 1
    assert records.get(pg_store, "item", CASE).condition == "burnt"


@pytest.mark.postgres
def test_an_edit_waiting_for_another_users_uncommitted_edit_gets_a_conflict(
        pg_store: stores.Store, pg_item: Any) -> None:
    read = records.get(pg_store, "item", CASE)
    other = stores.open_existing(_where(pg_store))
    outcome: list[Any] = []

    def second_edit() -> None:
        try:
            outcome.append(records.update(other, "item", read.id, read.version,
                                          {"condition": "intact"}))
        except ConflictError as error:
            outcome.append(error)

    try:
        with pg_store.writing() as uow:
            uow.update("item", read.id, read.version, {"condition": "burnt"})
            waiting = threading.Thread(target=second_edit)
            waiting.start()
            waiting.join(0.5)
            assert waiting.is_alive()  # blocked on the row until the first edit commits
        waiting.join(30)
    finally:
        other.close()
    assert isinstance(outcome[0], ConflictError)
    assert records.get(pg_store, "item", CASE).condition == "burnt"


@pytest.mark.postgres
def test_a_deadlock_is_run_again_and_both_writes_land(pg_store: stores.Store) -> None:
    where = _where(pg_store)
    figures = concurrency.crossed_writes(where, concurrency.make_items(where, 2), 2)

    assert figures["deadlocks"] == 2  # one writer of each pair was stopped, then ran again
    assert figures["writes_held"] == figures["writes_made"] == 4


@pytest.mark.postgres
def test_a_serialization_failure_is_run_again_and_succeeds(
        pg_store: stores.Store, pg_item: Any, caplog: pytest.LogCaptureFixture) -> None:
    pg_store.engine = pg_store.engine.execution_options(isolation_level="SERIALIZABLE")
    other = stores.open_existing(_where(pg_store))
    item = records.get(pg_store, "item", CASE)
    read, committed = threading.Event(), threading.Event()
    attempts: list[int] = []

    @store_module.retried_writes
    def append_note() -> Any:
        attempts.append(1)
        with pg_store.writing() as uow:
            notes = uow.get("item", item.id).notes or ""
            if len(attempts) == 1:
                read.set()
                committed.wait(30)  # the other edit commits after this one took its snapshot
            return uow.update("item", item.id, None, {"notes": f"{notes} first".strip()})

    def other_edit() -> None:
        read.wait(30)
        records.update(other, "item", item.id, None, {"notes": "second"})
        committed.set()

    helper = threading.Thread(target=other_edit)
    helper.start()
    try:
        result = append_note()
    finally:
        helper.join(30)
        other.close()
    assert len(attempts) == 2
    assert result.notes == "second first"  # run again from its start: the other edit kept
    assert "attempt 1 of 5" in caplog.text and "another user's change" in caplog.text


@pytest.mark.postgres
def test_a_transfer_waits_for_another_transfer_of_the_item(
        pg_store: stores.Store, pg_item: Any) -> None:
    custody.record_transfer(pg_store, CASE, {"released_by": "Field team",
                                             "received_by": "Lab A", "purpose": "analysis"})
    other = stores.open_existing(_where(pg_store))
    outcome: list[Any] = []

    def second_transfer() -> None:
        try:
            outcome.append(custody.record_transfer(other, CASE, {
                "released_by": "Lab A", "received_by": "Lab C", "purpose": "analysis"}))
        except ValidationError as error:
            outcome.append(error)

    try:
        with pg_store.writing() as uow:
            custody.transfer_in(uow, pg_item.id, {
                "released_by": "Lab A", "received_by": "Lab B", "purpose": "analysis"})
            waiting = threading.Thread(target=second_transfer)
            waiting.start()
            waiting.join(0.5)
            assert waiting.is_alive()  # the chain is held until the first transfer commits
        waiting.join(30)
    finally:
        other.close()
    assert isinstance(outcome[0], ValidationError)
    assert "held by 'Lab B'" in str(outcome[0])
    assert custody.current_custodian(custody.custody_history(pg_store, CASE)) == "Lab B"


# ------------------------------------------------------------------------------ SQLite
def _hold_lock(path: Path, seconds: float) -> threading.Thread:
    """Another program holding SQLite's write lock for `seconds`."""
    locked = threading.Event()

    def hold() -> None:
        with sqlite3.connect(path, isolation_level=None) as connection:
            connection.execute("BEGIN IMMEDIATE")
            locked.set()
            time.sleep(seconds)
            connection.execute("ROLLBACK")
        connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    locked.wait(10)
    return holder


def test_a_sqlite_store_is_opened_for_waiting_writers(sqlite_store: stores.Store) -> None:
    with sqlite_store.writing() as uow:
        settings = {name: uow.session.connection().exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("journal_mode", "busy_timeout")}
    assert settings == {"journal_mode": "wal", "busy_timeout": store_module.BUSY_TIMEOUT_MS}


def test_a_sqlite_writer_waits_for_another_programs_lock(sqlite_store: stores.Store) -> None:
    read = records.create(sqlite_store, "system", {"name": "Shahed-136"})
    holder = _hold_lock(sqlite_store.location.path, 1.0)
    started = time.monotonic()
    saved = records.update(sqlite_store, "system", read.id, read.version, {"notes": "seen"})
    holder.join()

    assert time.monotonic() - started >= 0.8  # it waited for the lock, then wrote
    assert saved.notes == "seen" and saved.version == read.version + 1


def test_a_lock_held_past_every_attempt_is_reported_plainly(
        tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "busy.sqlite"
    path.write_bytes(sqlite_template.read_bytes())
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(store_module, "RETRY_PAUSE_S", 0.01)
    store = stores.open_existing(str(path))
    try:
        system = records.create(store, "system", {"name": "Shahed-136"})
        holder = _hold_lock(path, 3.0)
        with pytest.raises(StoreLockedError) as caught:
            records.update(store, "system", system.id, system.version, {"notes": "seen"})
        holder.join()
        assert records.get(store, "system", system.id) == system  # nothing was written
    finally:
        store.close()
    assert "is locked by another program" in str(caught.value)
    assert "tried 5 times; nothing was written" in str(caught.value)
    assert caplog.text.count("lost a race with other writers") == 4


def test_opening_a_store_twice_keeps_its_log_from_other_programs(
        sqlite_store: stores.Store) -> None:
    path = sqlite_store.location.path
    records.create(sqlite_store, "system", {"name": "Shahed-136"})
    stores.open_existing(str(path)).close()  # a second window on the same file, closed again
    # Another program writes and exits: it must see that this process still uses the store
    # and leave the write-ahead log in place, not remove it from under these connections.
    with sqlite3.connect(path, timeout=10) as other_program:
        other_program.execute("UPDATE weapon_system_type SET notes = 'edited in a shell'")
    other_program.close()

    assert Path(f"{path}-wal").exists()
    saved = records.create(sqlite_store, "system", {"name": "Geran-2"})
    again = stores.open_existing(str(path))
    try:
        assert records.get(again, "system", saved.id).name == "Geran-2"
        assert stores.check(again) == []
    finally:
        again.close()
