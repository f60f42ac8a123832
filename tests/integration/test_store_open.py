"""Opening stores: what users see when a store is missing, foreign, damaged, busy or too new.

Through `services.stores` (and, where the message is what matters, the CLI as a subprocess),
on real SQLite files and, when a server is given, on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, suppress
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from alembic import command
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy import inspect

from forensics_gui.core.errors import (
    StoreAuthError,
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreTooNewError,
    StoreUnreachableError,
)
from forensics_gui.services import records, stores
from forensics_gui.storage import migrate
from forensics_gui.storage import store as store_module
from forensics_gui.storage.locator import resolve_location, risky_location

CLOSED_PORT_URL = "postgresql://root:s3cret@127.0.0.1:1/postgres"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(store: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`forensics ARGS` on `store`, stdin not a terminal."""
    env = {**os.environ, "FORENSICS_STORE": store}
    return subprocess.run([sys.executable, "-m", "forensics_gui.cli.main", *args], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def copy_of(template: Path, target: Path) -> Path:
    shutil.copy(template, target)
    return target


def sql(path: Path, statement: str) -> list[tuple[object, ...]]:
    """Run one statement on a SQLite file from outside the application, and commit it."""
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement).fetchall()


def system_names(path: Path) -> list[object]:
    return [row[0] for row in sql(path, "SELECT name FROM weapon_system_type")]


# ------------------------------------------------------------------ files that are not stores

def test_missing_file_is_not_created_without_init(tmp_path: Path) -> None:
    path = tmp_path / "cases" / "store.sqlite"
    with pytest.raises(StoreError, match="forensics init") as caught:
        stores.open_existing(str(path))
    assert str(path) in str(caught.value)
    assert not path.parent.exists()
    store = stores.init(str(path))
    store.close()
    assert path.is_file()


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(16384))


def _text(path: Path) -> None:
    path.write_text("part_number;maker\nAD22100STZ;Analog Devices\n" * 50, encoding="utf-8")


@pytest.mark.parametrize("make", [_random_bytes, _text], ids=["random-bytes", "text"])
@pytest.mark.parametrize("opener", [stores.open_existing, stores.init], ids=["open", "init"])
def test_a_file_that_is_not_a_store_is_refused_and_left_alone(
        tmp_path: Path, make: Callable[[Path], None],
        opener: Callable[[str], stores.Store]) -> None:
    path = tmp_path / "cases.sqlite"
    make(path)
    before = sha256(path)
    with pytest.raises(StoreDamagedError, match="not a forensic store"):
        opener(str(path))
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.sqlite"]


@pytest.mark.parametrize("opener", [stores.open_existing, stores.init], ids=["open", "init"])
def test_a_database_of_another_program_is_refused(
        tmp_path: Path, opener: Callable[[str], stores.Store]) -> None:
    path = tmp_path / "other.sqlite"
    sql(path, "CREATE TABLE invoices (number TEXT, amount REAL)")
    with pytest.raises(StoreDamagedError, match="not a forensic store"):
        opener(str(path))
    assert sql(path, "SELECT name FROM sqlite_master") == [("invoices",)]  # nothing of ours


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _zero_pages(path: Path) -> None:
    with path.open("r+b") as handle:  # pages 2 to 9 hold the schema's first tables
        handle.seek(4096)
        handle.write(bytes(4096 * 8))


@pytest.mark.parametrize("damage", [_truncate, _zero_pages], ids=["truncated", "zeroed-pages"])
def test_a_damaged_store_gives_a_plain_message(
        tmp_path: Path, sqlite_demo_template: Path, damage: Callable[[Path], None]) -> None:
    path = copy_of(sqlite_demo_template, tmp_path / "damaged.sqlite")
    damage(path)
    with pytest.raises(StoreDamagedError, match="damaged; open another file or restore a backup"):
        store = stores.open_existing(str(path))
        try:
            stores.summary(store)
        finally:
            store.close()


def test_damage_inside_the_data_is_found_by_check(tmp_path: Path,
                                                  sqlite_demo_template: Path) -> None:
    path = copy_of(sqlite_demo_template, tmp_path / "damaged.sqlite")
    # Damage the pages of one table's data (the search terms), which opening does not read.
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master "
                                  "WHERE name = 'search_term'").fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * 2 * page_size)
    store = stores.open_existing(str(path))
    try:
        problems = stores.check(store)
    finally:
        store.close()
    assert problems and ("page" in problems[0].lower() or "damaged" in problems[0])


def test_the_cli_reports_store_problems_in_one_line(tmp_path: Path, sqlite_template: Path) -> None:
    _random_bytes(tmp_path / "noise.sqlite")
    truncated = copy_of(sqlite_template, tmp_path / "truncated.sqlite")
    os.truncate(truncated, 4096)
    too_new = copy_of(sqlite_template, tmp_path / "too-new.sqlite")
    sql(too_new, "UPDATE alembic_version SET version_num = '9999_future'")
    cases = {
        str(tmp_path / "missing.sqlite"): "forensics init",
        str(tmp_path / "noise.sqlite"): "not a forensic store",
        str(truncated): "damaged",
        str(too_new): "newer version",
        CLOSED_PORT_URL: "check that it is running",
        "service:no_such_service_here": "no_such_service_here",
    }
    with ThreadPoolExecutor(max_workers=len(cases)) as pool:
        runs = list(pool.map(lambda where: cli(where, "info"), cases))
    for (where, words), run in zip(cases.items(), runs, strict=True):
        lines = run.stderr.splitlines()
        assert run.returncode == 6, (where, run.stderr)
        assert len(lines) == 1 and lines[0].startswith("forensics: error: "), (where, run.stderr)
        assert words in lines[0], (where, run.stderr)
        assert "s3cret" not in run.stderr
    assert not (tmp_path / "missing.sqlite").exists()


# ------------------------------------------------------------------ busy, too new, upgrades

def test_a_store_locked_by_another_writer(tmp_path: Path, sqlite_template: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    path = copy_of(sqlite_template, tmp_path / "busy.sqlite")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        store = stores.open_existing(str(path))  # reading still works beside a writer (WAL)
        try:
            started = time.monotonic()
            with pytest.raises(StoreLockedError, match="locked by another program"):
                records.create(store, "system", {"name": "Blocked"})
            assert time.monotonic() - started < 3
            assert records.count(store, "system") == 0
        finally:
            store.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    store = stores.open_existing(str(path))
    try:
        assert records.create(store, "system", {"name": "After the lock"}).version == 1
    finally:
        store.close()


@pytest.mark.parametrize("opener", [stores.open_existing, stores.init], ids=["open", "init"])
def test_a_store_from_a_newer_version_is_refused_and_unchanged(
        tmp_path: Path, sqlite_template: Path, opener: Callable[[str], stores.Store]) -> None:
    path = copy_of(sqlite_template, tmp_path / "newer.sqlite")
    sql(path, "UPDATE alembic_version SET version_num = '9999_future'")
    before = sha256(path)
    with pytest.raises(StoreTooNewError, match="newer version of the application") as caught:
        opener(str(path))
    assert "9999_future" in str(caught.value)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite"]  # no backup either


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_upgrading_an_older_store_copies_the_file_aside_first(tmp_path: Path) -> None:
    path = copy_of(FIXTURES / "store-0001.sqlite", tmp_path / "cases.sqlite")
    kept = stores.open_existing(str(path), upgrade=False)
    assert (kept.schema_revision(), kept.backup_path) == ("0001", None)
    kept.close()
    store = stores.open_existing(str(path))
    try:
        assert store.schema_revision() == migrate.head_revision() != "0001"
        assert store.backup_path is not None
        backup = Path(store.backup_path)
    finally:
        store.close()
    assert backup.parent == path.parent and backup.name.startswith("cases.before-0001-")
    assert sql(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert ("photo_blob",) not in sql(backup, "SELECT name FROM sqlite_master")
    assert ("photo_blob",) in sql(path, "SELECT name FROM sqlite_master")
    assert system_names(backup) == system_names(path)
    assert len(system_names(path)) == 7


def test_the_backup_holds_changes_still_in_the_wal(sqlite_store: stores.Store) -> None:
    path = sqlite_store.location.path
    assert path is not None
    records.create(sqlite_store, "system", {"name": "Only in the WAL so far"})
    assert Path(f"{path}-wal").stat().st_size > 0  # the open store has not checkpointed yet
    copy = migrate.backup_sqlite(path, "0001")
    assert copy.name.startswith(f"{path.stem}.before-0001-")
    assert system_names(copy) == ["Only in the WAL so far"]
    assert sql(copy, "PRAGMA integrity_check") == [("ok",)]


def test_an_empty_file_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    store = stores.open_existing(str(path))
    try:
        assert store.schema_revision() == migrate.head_revision()
        assert store.backup_path is None  # nothing to keep
        assert stores.check(store) == []
    finally:
        store.close()


# ------------------------------------------------------------------ SQLite settings

def test_sqlite_pragmas_hold_on_every_connection(sqlite_store: stores.Store) -> None:
    engine = sqlite_store.engine
    with engine.connect() as first, engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        for connection in (first, second):
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == store_module.BUSY_TIMEOUT_MS


def test_writers_take_the_lock_at_once_and_readers_do_not(sqlite_store: stores.Store) -> None:
    path = sqlite_store.location.path
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with sqlite_store.writing() as uow:
            uow.count("system")  # only a read so far, yet the write lock is held
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        with sqlite_store.reading() as uow:
            uow.count("system")
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_store_in_a_sync_folder_is_warned_about(tmp_path: Path) -> None:
    risky = tmp_path / "Dropbox" / "cases" / "store.sqlite"
    warning = risky_location(risky)
    assert warning and "dropbox" in warning.lower() and "local disk" in warning
    store = stores.init(str(risky))
    try:
        assert store.warnings == [warning]
    finally:
        store.close()
    assert risky_location(tmp_path / "cases" / "store.sqlite") is None


# ------------------------------------------------------------------ read-only stores

def _reads_everything(store: stores.Store) -> None:
    """What a reader does: the summary, lists, search, one record and its history."""
    from forensics_gui.services import audit, search

    assert stores.summary(store).counts["item"] == 6
    (item,) = records.list_records(store, "item", limit=1).rows
    assert records.get(store, "item", item.id) == item
    assert audit.history(store, "item", item.id)
    assert search.search(store, "AD22100").groups["part"]


def _refuses_writes(store: stores.Store) -> None:
    with pytest.raises(StoreReadOnlyError, match="the store is open read-only") as caught:
        records.create(store, "system", {"name": "Not written"})
    assert "nothing was written" in str(caught.value)
    with pytest.raises(StoreReadOnlyError, match="the store is open read-only"):
        store.upgrade_schema()


def test_a_store_opened_read_only_is_read_and_never_written(tmp_path: Path,
                                                            sqlite_demo_template: Path) -> None:
    path = copy_of(sqlite_demo_template, tmp_path / "cases.sqlite")
    before = sha256(path)
    store = stores.open_existing(str(path), read_only=True)
    try:
        assert store.read_only == store_module.ASKED_READ_ONLY
        assert stores.summary(store).read_only == store_module.ASKED_READ_ONLY
        _reads_everything(store)
        _refuses_writes(store)
        with store.reading() as uow, pytest.raises(sqlalchemy_exc.OperationalError,
                                                   match="readonly"):
            uow.record_audit("write", "system", None, {}, {})  # the connection itself refuses
    finally:
        store.close()
    assert sha256(path) == before


def test_a_store_that_may_not_be_written_is_opened_read_only(
        tmp_path: Path, sqlite_demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_of(sqlite_demo_template, tmp_path / "cases.sqlite")
    before = sha256(path)
    why = f"you may not write to {path}"
    # The tests run as root, whom file permissions do not stop: the check is told instead.
    monkeypatch.setattr(store_module, "read_only_reason", lambda _path: why)
    store = stores.open_existing(str(path))
    try:
        assert store.read_only == why and stores.summary(store).read_only == why
        _reads_everything(store)
        _refuses_writes(store)
    finally:
        store.close()
    assert sha256(path) == before


def test_the_writability_check_looks_at_the_file_and_its_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from forensics_gui.storage import locator

    path = tmp_path / "cases.sqlite"
    path.write_bytes(b"")
    refused: set[Path] = set()
    monkeypatch.setattr(locator.os, "access", lambda p, _mode: Path(p) not in refused)
    assert locator.read_only_reason(path) is None
    refused.add(tmp_path)
    assert locator.read_only_reason(path) == f"you may not write to its folder {tmp_path}"
    refused.add(path)
    assert locator.read_only_reason(path) == f"you may not write to {path}"
    assert locator.read_only_reason(tmp_path / "missing.sqlite") is None  # made by `init`


@pytest.mark.parametrize("refusal", ["SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN"],
                         ids=["read-only folder", "read-only file system"])
def test_a_store_in_a_folder_sqlite_may_not_write_to_is_read_as_it_was(
        tmp_path: Path, sqlite_demo_template: Path, monkeypatch: pytest.MonkeyPatch,
        refusal: str) -> None:
    """SQLite cannot make its shared-memory file there: with no log left to read, the store
    is read as immutable, and the user is told that changes made meanwhile are not seen."""
    path = copy_of(sqlite_demo_template, tmp_path / "cases.sqlite")
    monkeypatch.setattr(store_module, "read_only_reason", lambda _path: "no folder rights")
    monkeypatch.setattr(store_module, "_read_only_refusal", lambda _uri: refusal)
    store = stores.open_existing(str(path))
    try:
        assert store.read_only == f"no folder rights; {store_module.AS_IT_WAS}"
        _reads_everything(store)
        _refuses_writes(store)
    finally:
        store.close()
    Path(f"{path}-wal").write_bytes(b"changes not yet in the store file")
    with pytest.raises(StoreReadOnlyError, match=r"cases\.sqlite-wal; open it once with write"):
        stores.open_existing(str(path))


def test_a_store_that_needs_an_upgrade_is_not_opened_read_only(tmp_path: Path) -> None:
    path = copy_of(FIXTURES / "store-0001.sqlite", tmp_path / "cases.sqlite")
    before = sha256(path)
    with pytest.raises(StoreReadOnlyError, match="needs an upgrade") as caught:
        stores.open_existing(str(path), read_only=True)
    assert "schema 0001" in str(caught.value) and "cannot be done read-only" in str(caught.value)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.sqlite"]  # no backup either
    with pytest.raises(StoreReadOnlyError, match="no store at"):
        stores.init(str(tmp_path / "new.sqlite"), read_only=True)
    assert not (tmp_path / "new.sqlite").exists()


@pytest.mark.postgres
def test_a_postgresql_store_opened_read_only_refuses_writes(pg_migrated: str) -> None:
    store = stores.open_existing(pg_migrated, read_only=True)
    try:
        assert stores.summary(store).read_only == store_module.ASKED_READ_ONLY
        _refuses_writes(store)
    finally:
        store.close()


# ------------------------------------------------------------------ PostgreSQL connections

def test_a_postgresql_server_that_is_down() -> None:
    with pytest.raises(StoreUnreachableError, match="check that it is running") as caught:
        stores.open_existing(CLOSED_PORT_URL)
    assert "127.0.0.1:1" in str(caught.value) and "s3cret" not in str(caught.value)


@pytest.mark.parametrize("text", [
    "postgresql://analyst:s3cret@db.example.org/forensics",
    "postgres://analyst:s3cret@db.example.org:6543/forensics",
    "postgresql+psycopg://analyst:s3cret@db.example.org/forensics?sslmode=require",
    "postgresql://analyst@db.example.org/forensics?password=s3cret&sslmode=require",
    "postgresql://:s3cret@db.example.org/forensics",
])
def test_passwords_never_appear_in_the_display(text: str) -> None:
    location = resolve_location(text)
    assert location.kind == "postgresql"
    assert "s3cret" not in location.display and "***" not in location.display  # left out
    assert "db.example.org" in location.display and stores.has_password(text)
    assert not stores.has_password(stores.without_password(text))


def test_a_libpq_service_that_does_not_exist(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    services = tmp_path / "pg_service.conf"
    services.write_text("[elsewhere]\nhost=127.0.0.1\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with pytest.raises(StoreError) as caught:
        stores.open_existing("service:not_defined_here")
    message = str(caught.value)
    assert "not_defined_here" in message and "service" in message
    assert not isinstance(caught.value, StoreUnreachableError)


class PasswordAskingServer:
    """A stand-in PostgreSQL server that asks for a clear-text password and refuses it.

    The local server trusts every login, so it never asks for a password; this one does.
    """

    def __init__(self) -> None:
        self.passwords: list[str] = []
        self.logins = 0
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.1)
        self.port = self._socket.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._socket.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            with connection, suppress(OSError, EOFError, struct.error):  # a client hung up
                self._answer(connection)

    def _answer(self, connection: socket.socket) -> None:
        connection.settimeout(5)
        while True:
            length, code = struct.unpack("!ii", _receive(connection, 8))
            if code not in (80877103, 80877104):  # not an SSL or GSS encryption request
                break
            connection.sendall(b"N")
        _receive(connection, length - 8)
        self.logins += 1
        connection.sendall(b"R" + struct.pack("!ii", 8, 3))  # send the password in clear
        _, size = struct.unpack("!ci", _receive(connection, 5))
        password = _receive(connection, size - 4).rstrip(b"\0").decode()
        self.passwords.append(password)
        fields = (b"SFATAL\0VFATAL\0C28P01\0"
                  b'Mpassword authentication failed for user "alice"\0\0')
        connection.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)


def _receive(connection: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise EOFError("the client hung up")
        data += chunk
    return data


@pytest.fixture
def password_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[
        PasswordAskingServer]:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    server = PasswordAskingServer()
    yield server
    server.close()


def test_the_password_prompt_is_used_when_the_server_asks(
        password_server: PasswordAskingServer) -> None:
    url = f"postgresql://alice@127.0.0.1:{password_server.port}/cases?sslmode=disable"
    asked: list[str] = []

    def prompt(where: str) -> str:
        asked.append(where)
        return "typed-in-s3cret"

    with pytest.raises(StoreAuthError, match="refused the login") as caught:
        stores.open_existing(url, prompt=prompt)
    assert asked == [resolve_location(url).display]
    assert password_server.passwords == ["typed-in-s3cret"]
    assert "typed-in-s3cret" not in str(caught.value)


def test_no_prompt_means_a_plain_refusal(password_server: PasswordAskingServer) -> None:
    url = f"postgresql://alice@127.0.0.1:{password_server.port}/cases?sslmode=disable"
    with pytest.raises(StoreAuthError, match="check the user name and the password"):
        stores.open_existing(url, prompt=lambda where: None)
    assert password_server.logins == 1 and password_server.passwords == []


def _with_user(url: str, user: str) -> str:
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"postgresql://{user}@{parts.hostname}{port}{parts.path}"


@pytest.mark.postgres
def test_an_unknown_postgresql_user(pg_server_url: str) -> None:
    user = f"nosuchuser_{uuid.uuid4().hex[:6]}"
    with pytest.raises(StoreAuthError) as caught:
        stores.open_existing(_with_user(pg_server_url, user))
    assert user in str(caught.value) and "create it first" not in str(caught.value)


@pytest.mark.postgres
def test_a_connection_dropped_while_idle_is_replaced(pg_store: stores.Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The server went away (restart, network) while the client sat idle: the next read
    works on a new connection instead of failing on the dead one."""
    import psycopg

    assert records.count(pg_store, "part") == 0
    with psycopg.connect(pg_store.engine.url.render_as_string(hide_password=False)
                         .replace("postgresql+psycopg://", "postgresql://"),
                         autocommit=True) as admin:
        ended = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchone()
    assert ended is not None and ended[0] >= 1
    monkeypatch.setattr(store_module, "PING_AFTER_IDLE_S", 0.0)
    records.create(pg_store, "system", {"name": "Kh-101", "category": "cruise missile"})
    assert records.count(pg_store, "system") == 1


@pytest.mark.postgres
def test_a_libpq_service_name(pg_migrated: str, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    parts = urlsplit(pg_migrated)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[forensics_cases]\nhost={parts.hostname}\nport={parts.port or 5432}\n"
        f"dbname={parts.path.lstrip('/')}\nuser={parts.username}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    store = stores.open_existing("service:forensics_cases")
    try:
        summary = stores.summary(store)
    finally:
        store.close()
    assert summary.location == "PostgreSQL service forensics_cases"
    assert (summary.kind, summary.schema_revision) == ("postgresql", migrate.head_revision())
    assert summary.user == parts.username


# ------------------------------------------------------------------ schema and migrations

def test_models_and_migrations_agree(store: stores.Store) -> None:
    assert stores.check(store) == []


def test_migrations_upgrade_from_empty_and_downgrade_to_base(tmp_path: Path) -> None:
    path = tmp_path / "roundtrip.sqlite"
    store = stores.init(str(path))
    try:
        assert stores.check(store) == []
        with store.engine.begin() as connection:
            command.downgrade(migrate.alembic_config(connection), "base")
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) is None
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    finally:
        store.close()
    again = stores.open_existing(str(path))  # a store taken back to base opens as empty
    try:
        assert again.schema_revision() == migrate.head_revision()
        assert stores.check(again) == []
    finally:
        again.close()


@pytest.mark.postgres
def test_postgresql_terms_partitioned_by_kind_both_ways(pg_store: stores.Store) -> None:
    """Revision 0005 splits the search terms by kind on PostgreSQL, keeping every term; going
    back to 0004 makes one table again, and forward again the search still finds them."""
    from forensics_gui.services import search

    system = records.create(pg_store, "system", {"name": "Kh-101", "category": "cruise missile"})
    records.create(pg_store, "part", {"part_number": "STM32F765VIT6"})

    def layout() -> tuple[list[str], dict[str, int]]:
        with pg_store.engine.connect() as connection:
            parts = connection.exec_driver_sql(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                "WHERE i.inhparent = 'search_term'::regclass ORDER BY 1").scalars().all()
            counts = dict(connection.exec_driver_sql(
                "SELECT kind, count(*) FROM search_term GROUP BY kind").all())
        return list(parts), counts

    partitions, counts = layout()
    assert "search_term_part" in partitions and "search_term_system" in partitions
    assert counts["part"] >= 1 and counts["system"] >= 1
    with pg_store.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0004")
    assert layout() == ([], counts)
    with pg_store.engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    assert layout() == (partitions, counts)
    assert stores.check(pg_store) == []
    assert [h.title for h in search.search(pg_store, "32F765").groups["part"]] == [
        "STM32F765VIT6"]
    assert search.search(pg_store, "h-10").groups["system"][0].record_id == system.id
    records.create(pg_store, "part", {"part_number": "STM32H743ZIT6"})  # new rows still go in
    assert len(search.search(pg_store, "STM32").groups["part"]) == 2
