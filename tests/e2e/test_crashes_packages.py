"""Killing a package import or a direct merge at any moment leaves the store as it was (or,
for a merge killed after its import committed, as the merge leaves it), sound, and running
it again completes it with the same result as an uninterrupted run.

Real `forensics` processes are killed with SIGKILL at moments spread over the time an
uninterrupted run takes (a package of 1,000 findings and 500 photos).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import and_, create_engine, exists, func, inspect, select, text

from forensics_gui.services import stores
from forensics_gui.services.exchange import packages
from forensics_gui.storage.models import Base
from tests.conftest import _reset_pg
from tests.integration.exchange_support import laptop, many_findings, originals, snapshot

pytestmark = pytest.mark.slow

CLI = (sys.executable, "-m", "forensics_gui.cli.main")
KILLS = 15


@pytest.fixture(scope="module")
def field(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> tuple[Path, Path]:
    """A laptop store of 1,000 findings and 500 photos, and a package of all of it."""
    folder = tmp_path_factory.mktemp("interrupted")
    store = laptop(folder / "laptop.sqlite", sqlite_template)
    many_findings(store, 1000, 500)
    packages.export_package(store, folder / "big.zip")
    store.close()
    return folder / "laptop.sqlite", folder / "big.zip"


def _start(store: Path | str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FORENSICS_STORE": str(store)}
    return subprocess.Popen([*CLI, *args], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _completed(process: subprocess.Popen[bytes]) -> float:
    started = time.monotonic()
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    return time.monotonic() - started


def _killed_at(start: Callable[[], subprocess.Popen[bytes]], moment: float) -> bool:
    """Start a run and kill it `moment` seconds later; False when it ended before."""
    process = start()
    try:
        process.wait(timeout=moment)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    assert process.returncode == 0, process.stderr.read().decode() if process.stderr else ""
    return False


def _restore(pristine: Path, target: Path) -> None:
    """A SQLite store back as it was (without the log a killed writer left beside it)."""
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(pristine, target)


def _moments(duration: float) -> list[float]:
    """Moments spread over the run (its end a little early: runs vary)."""
    return [0.9 * duration * (k + 0.5) / KILLS for k in range(KILLS)]


# ------------------------------------------------------------------------------ checks
def _sqlite_sound(path: Path) -> dict[str, int]:
    """Row counts of every table, after SQLite's own integrity and foreign-key checks."""
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = "
                                           "'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _pg_sound(url: str) -> dict[str, int]:
    """Row counts of every table, after checking that no reference is left dangling."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1),
                           isolation_level="REPEATABLE READ")
    try:
        _server_done(engine)
        with engine.connect() as connection:  # one snapshot for every count
            for table in Base.metadata.sorted_tables:
                for key in table.foreign_keys:
                    parent = key.column
                    orphans = select(func.count()).select_from(table).where(
                        key.parent.is_not(None),
                        ~exists().where(and_(parent == key.parent)))
                    assert connection.execute(orphans).scalar_one() == 0, str(key)
            names = inspect(connection).get_table_names()
            return {n: connection.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one()
                    for n in names}
    finally:
        engine.dispose()


# ------------------------------------------------------------------------------ import
def test_killing_a_package_import_into_sqlite(field: tuple[Path, Path], tmp_path: Path,
                                              sqlite_template: Path) -> None:
    _laptop, package = field
    pristine = tmp_path / "pristine.sqlite"
    laptop(pristine, sqlite_template, "centre").close()
    reference, centre = tmp_path / "reference.sqlite", tmp_path / "centre.sqlite"
    _restore(pristine, centre)
    warm = _completed(_start(centre, "package", "import", str(package)))  # caches filled
    _restore(pristine, reference)
    duration = min(warm, _completed(_start(reference, "package", "import", str(package))))
    complete = _sqlite_sound(reference)
    _restore(pristine, centre)
    before = _sqlite_sound(centre)
    interrupted = 0
    for moment in _moments(duration):
        killed = _killed_at(lambda: _start(centre, "package", "import", str(package),
                                           "--receipt", str(tmp_path / "r.json")), moment)
        now = _sqlite_sound(centre)
        # Killed before the commit: as it was. Killed after it (writing the receipt) or
        # finished first: as the import leaves it; then start again from the store as it was.
        assert now in (before, complete)
        if now == before:
            interrupted += killed
        else:
            _restore(pristine, centre)
    assert interrupted >= KILLS - 5
    _completed(_start(centre, "package", "import", str(package)))
    _sqlite_sound(centre)
    _same_result(centre, reference)


def _same_result(store: Path | str, reference: Path | str) -> None:
    one, other = stores.open_existing(str(store)), stores.open_existing(str(reference))
    try:
        assert snapshot(one) == snapshot(other)
        assert len(snapshot(one)) > 1500
        assert originals(one) == originals(other)
    finally:
        one.close()
        other.close()


@pytest.mark.postgres
def test_killing_a_package_import_into_postgresql(field: tuple[Path, Path], tmp_path: Path,
                                                  pg_store: stores.Store,
                                                  pg_migrated: str) -> None:
    _laptop, package = field
    duration = _completed(_start(pg_migrated, "package", "import", str(package)))
    expected, complete = snapshot(pg_store), _pg_sound(pg_migrated)
    _reset(pg_store, pg_migrated)
    before = _pg_sound(pg_migrated)
    interrupted = 0
    for moment in _moments(duration):
        killed = _killed_at(lambda: _start(pg_migrated, "package", "import", str(package),
                                           "--receipt", str(tmp_path / "r.json")), moment)
        now = _pg_sound(pg_migrated)
        # Before the commit: as it was; after it (or finished first): as the import leaves it.
        assert now in (before, complete)
        if now == before:
            interrupted += killed
        else:
            _reset(pg_store, pg_migrated)
    assert interrupted >= KILLS - 5
    _completed(_start(pg_migrated, "package", "import", str(package)))
    _pg_sound(pg_migrated)
    assert snapshot(pg_store) == expected


# ------------------------------------------------------------------------------ sync
@pytest.mark.postgres
def test_killing_a_direct_merge_into_postgresql(field: tuple[Path, Path], tmp_path: Path,
                                                pg_store: stores.Store,
                                                pg_migrated: str) -> None:
    source, _package = field
    work = tmp_path / "laptop.sqlite"
    _restore(source, work)
    duration = _completed(_start(work, "sync", "--to", pg_migrated))
    expected, merged = snapshot(pg_store), _pg_sound(pg_migrated)
    _reset(pg_store, pg_migrated)
    _restore(source, work)
    before = _pg_sound(pg_migrated)
    interrupted = 0
    for moment in _moments(duration):
        if _killed_at(lambda: _start(work, "sync", "--to", pg_migrated), moment):
            interrupted += 1
            _sqlite_sound(work)
            now = _pg_sound(pg_migrated)
            # Before the import committed: as it was; after: as the merge leaves it.
            assert now == before or _records(now) == _records(merged)
            if now != before:  # start again from both stores as they were
                _reset(pg_store, pg_migrated)
                _restore(source, work)
        else:
            _reset(pg_store, pg_migrated)
            _restore(source, work)
    assert interrupted >= KILLS - 3
    _completed(_start(work, "sync", "--to", pg_migrated))
    assert snapshot(pg_store) == expected
    finished = stores.open_existing(str(work))
    try:
        assert packages.status(finished).undelivered == {}
    finally:
        finished.close()


def _reset(store: stores.Store, url: str) -> None:
    """The PostgreSQL store emptied, with its identity (as every store has one)."""
    _reset_pg(url)
    packages.identity(store)


def _server_done(engine: Any, timeout: float = 60.0) -> None:
    """Wait until the server has finished with the killed client's session: a COMMIT it had
    received runs to its end (sealing the audit events) even when the client is gone."""
    deadline = time.monotonic() + timeout
    with engine.connect() as connection:
        while connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
                "AND state <> 'idle'")).scalar_one():
            connection.rollback()
            assert time.monotonic() < deadline, "the killed client's session did not end"
            time.sleep(0.05)


def _records(counts: dict[str, int]) -> dict[str, int]:
    """Counts of the tables of records (a merge run twice logs two packages)."""
    return {t: n for t, n in counts.items() if not t.startswith("exchange_")}
