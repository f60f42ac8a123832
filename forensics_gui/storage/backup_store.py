"""Copying a store to a backup and back, and reading a backup back to check it.

SQLite: SQLite's online backup API, through a connection that holds one read transaction for
the whole copy. In write-ahead-log mode that transaction sees one snapshot: the copy is that
snapshot whatever other programs write meanwhile, and the rows counted in the same transaction
are exactly the rows the copy must hold. Original pictures live inside the store (photo_blob),
so the copy carries them; the check hashes each one again.

PostgreSQL: pg_dump's custom format (pg_dump reads one snapshot of its own), checked with
pg_restore --list, and restored with pg_restore into an empty database.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from forensics_gui.core.backups import BackupCheck, BackupRefusedError
from forensics_gui.core.errors import StoreError
from forensics_gui.storage.errors import known_errors
from forensics_gui.storage.locator import StoreLocation
from forensics_gui.storage.store import Store

# Called with (done, total, what); it may raise to stop the copy (the partial file is removed).
Progress = Callable[[int, int, str], None]
PAGES_PER_STEP = 2048  # 8 MB of 4 kB pages between two progress reports
BUSY_TIMEOUT_S = 30.0
POLL_S = 0.2
SQLITE_CHECKS = ("SQLite integrity_check", "foreign_key_check", "schema revision",
                 "rows of every table", "SHA-256 of every original picture")
PG_CHECKS = ("pg_restore --list reads the archive", "the schema revision is in it",
             "every table's data is in it")
CLIENT_HINT = ("install the PostgreSQL client programs of the server's version or newer "
               "(on Debian and Ubuntu the package postgresql-client, on Fedora postgresql, "
               "on macOS Postgres.app or Homebrew's libpq, on Windows the PostgreSQL "
               "installer's command line tools) and make sure they are on PATH")

# Connection settings every supported version of the client programs knows (libpq 12 on).
_CLIENT_KEYWORDS = frozenset((
    "host", "hostaddr", "port", "dbname", "user", "passfile", "connect_timeout", "options",
    "application_name", "sslmode", "sslcert", "sslkey", "sslrootcert", "sslcrl",
    "sslcompression", "requirepeer", "krbsrvname", "gsslib", "gssencmode", "service",
    "target_session_attrs", "keepalives", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", "channel_binding"))


def _quiet(_done: int, _total: int, _what: str) -> None:
    return None


# ---------------------------------------------------------------------------- SQLite


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read `path`; transactions are begun by hand."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                 timeout=BUSY_TIMEOUT_S, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _tables(connection: sqlite3.Connection) -> list[str]:
    """The ordinary tables (virtual ones, such as the full-text index, are built from these)."""
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").fetchall()
    return [row[0] for row in rows]


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {table: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
            for table in _tables(connection)}


def _revision(connection: sqlite3.Connection) -> str | None:
    if "alembic_version" not in _tables(connection):
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def copy_sqlite(source: Path, target: Path, progress: Progress = _quiet,
                what: str = "Copying the store") -> tuple[str | None, dict[str, int]]:
    """Copy the store at `source` to the new file `target` in one snapshot; returns the schema
    revision and the rows of every table as that snapshot holds them. The copy keeps no
    write-ahead log beside it: it is one self-contained file."""
    with closing(_read_only(source)) as reader, closing(sqlite3.connect(target)) as copy:
        reader.execute("BEGIN")  # one read transaction: one snapshot for every step below
        revision, counts = _revision(reader), _counts(reader)

        def step(_status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total, f"{what}: {total - remaining:,} of "
                                               f"{total:,} pages")

        reader.backup(copy, pages=PAGES_PER_STEP, progress=step)
        reader.execute("COMMIT")
        copy.execute("PRAGMA journal_mode = DELETE")
    _sync_file(target)
    return revision, counts


def check_sqlite(path: Path, progress: Progress = _quiet) -> BackupCheck:
    """Read a SQLite backup back: SQLite's integrity and foreign-key checks, its schema
    revision, the rows of every table, and the SHA-256 of every original picture."""
    problems: list[str] = []
    try:
        with closing(_read_only(path)) as reader:
            reader.execute("BEGIN")
            progress(0, 0, "Checking the copy: SQLite's integrity check…")
            problems += [f"SQLite reports damage: {row[0]}" for row in
                         reader.execute("PRAGMA integrity_check") if row[0] != "ok"]
            problems += [f"{table} row {rowid} refers to a missing {parent} row" for
                         table, rowid, parent, _ in reader.execute("PRAGMA foreign_key_check")]
            revision, counts = _revision(reader), _counts(reader)
            if revision is None:
                problems.append("it holds no schema revision: it is not a forensic store")
            originals, damaged = _check_originals(reader, counts.get("photo_blob", 0), progress)
            problems += damaged
            reader.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        return BackupCheck(str(path), "sqlite", None,
                           problems=(f"it cannot be read as a SQLite database ({error})",),
                           checks=SQLITE_CHECKS)
    return BackupCheck(str(path), "sqlite", revision, counts, originals, tuple(problems),
                       SQLITE_CHECKS)


def _check_originals(reader: sqlite3.Connection, total: int,
                     progress: Progress) -> tuple[int, list[str]]:
    """(originals hashed, problems): each original's bytes must hash to the name it is
    stored under and be as long as recorded."""
    if not total:
        return 0, []
    problems, done = [], 0
    for sha256, byte_size, data in reader.execute(
            "SELECT sha256, byte_size, data FROM photo_blob ORDER BY sha256"):
        data = bytes(data or b"")
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256:
            problems.append(f"original picture {sha256} hashes to {actual}")
        elif len(data) != byte_size:
            problems.append(f"original picture {sha256} holds {len(data):,} bytes, "
                            f"not {byte_size:,}")
        done += 1
        if done % 50 == 0 or done == total:
            progress(done, total, f"Checking the copy: original pictures: {done:,} of "
                                  f"{total:,}")
    return done, problems


@contextmanager
def connected(path: Path) -> Iterator[sqlite3.Connection]:
    """A writing connection to the store at `path` (its own settings), closed afterwards."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        yield connection
    finally:
        connection.close()


def data_version(connection: sqlite3.Connection) -> int:
    """Changes other connections committed to the store change this number."""
    return int(connection.execute("PRAGMA data_version").fetchone()[0])


def copy_from_connection(connection: sqlite3.Connection, target: Path,
                         progress: Progress = _quiet, what: str = "Copying") -> int:
    """Copy what `connection` sees, in one snapshot, to the new file `target`; returns the
    connection's data_version as of that snapshot."""
    with closing(sqlite3.connect(target)) as copy:
        connection.execute("BEGIN")
        version = data_version(connection)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()

        def step(_status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total, f"{what}: {total - remaining:,} of {total:,} pages")

        connection.backup(copy, pages=PAGES_PER_STEP, progress=step)
        connection.execute("COMMIT")
        copy.execute("PRAGMA journal_mode = DELETE")
    _sync_file(target)
    return version


def write_into(source: Path, connection: sqlite3.Connection, progress: Progress = _quiet) -> None:
    """Write the whole of the SQLite file `source` into the store `connection` writes to, in
    one transaction: other programs see the store as it was, then as `source` is."""
    with closing(_read_only(source)) as reader:
        def step(_status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total, f"Restoring: {total - remaining:,} of "
                                               f"{total:,} pages")

        reader.backup(connection, pages=PAGES_PER_STEP, progress=step)
    connection.execute("PRAGMA journal_mode = WAL")


def is_sqlite_database(path: Path) -> bool:
    """Whether `path` can be read as a SQLite database at all."""
    try:
        with closing(_read_only(path)) as reader:
            reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def move_aside(path: Path, target: Path) -> None:
    """Rename the store file (and its write-ahead log files) to `target` (and beside it)."""
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    os.replace(path, target)


def _sync_file(path: Path) -> None:
    """Make sure the file's bytes are on the disk before it is renamed into place."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows it)."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# ------------------------------------------------------------------------ PostgreSQL


def pg_program(name: str) -> str:
    """The path of a PostgreSQL client program, or a clear error naming what to install."""
    found = shutil.which(name)
    if not found:
        raise StoreError(f"{name} was not found on PATH: it is needed for backups of a "
                         f"PostgreSQL store; {CLIENT_HINT}")
    return found


def pg_dump(dsn: str, password: str | None, target: Path,
            progress: Progress = _quiet) -> None:
    """Write the database `dsn` names to `target` in pg_dump's custom format."""
    command = [pg_program("pg_dump"), "--format=custom", f"--file={target}", "--no-password",
               f"--dbname={dsn}"]
    _run(command, password, progress, "Writing the dump (pg_dump)…")
    _sync_file(target)


def pg_list(path: Path) -> list[str]:
    """The table of contents pg_restore reads from a custom-format dump (its check)."""
    done = subprocess.run([pg_program("pg_restore"), "--list", str(path)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        raise BackupRefusedError(f"{path} is not a PostgreSQL backup pg_restore can read "
                                 f"({_first_line(done.stderr)}); nothing was changed")
    return [line for line in done.stdout.splitlines() if line and not line.startswith(";")]


def pg_dump_revision(path: Path) -> str | None:
    """The schema revision held in a custom-format dump (its alembic_version row)."""
    done = subprocess.run([pg_program("pg_restore"), "--data-only", "--table=alembic_version",
                           "--file=-", str(path)], capture_output=True, text=True, check=False)
    lines = done.stdout.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and number + 1 < len(lines):
            value = lines[number + 1].strip()
            return None if value == "\\." else value
    return None


def check_pg_dump(path: Path, tables: list[str] | None = None) -> BackupCheck:
    """pg_restore reads the dump's table of contents; the schema revision and the data of
    every table (of `tables`, when given) are in it."""
    problems: list[str] = []
    if not path.exists() or path.stat().st_size == 0:
        return BackupCheck(str(path), "postgresql", None, problems=("the file is empty",),
                           checks=PG_CHECKS)
    entries = pg_list(path)
    data = {m.group(1) for line in entries
            if (m := re.search(r"TABLE DATA \S+ (\S+) ", line))}
    revision = pg_dump_revision(path)
    if "alembic_version" not in data or revision is None:
        problems.append("it holds no schema revision: it is not a dump of a forensic store")
    missing = sorted(set(tables or ()) - data)
    if missing:
        problems.append(f"the data of {len(missing)} table(s) is missing: {', '.join(missing)}")
    counts = {table: 1 for table in sorted(data)}
    return BackupCheck(str(path), "postgresql", revision, counts, 0, tuple(problems), PG_CHECKS)


def pg_restore(path: Path, dsn: str, password: str | None, progress: Progress = _quiet) -> None:
    """Restore a custom-format dump into the (empty) database `dsn` names, in one transaction:
    a failure leaves it empty."""
    command = [pg_program("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction",
               "--no-password", f"--dbname={dsn}", str(path)]
    _run(command, password, progress, "Restoring the dump (pg_restore)…")


def _run(command: list[str], password: str | None, progress: Progress, what: str) -> None:
    """Run a client program; `progress` is called while it runs and may raise to stop it."""
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password  # the environment, not the command line others can read
    started = time.monotonic()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True) as process:
        try:
            while process.poll() is None:
                progress(0, 0, f"{what} {time.monotonic() - started:.0f} s")
                time.sleep(POLL_S)
        except BaseException:
            process.terminate()
            process.wait()
            raise
        errors = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise StoreError(f"{Path(command[0]).name} failed: {_first_line(errors)}")


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "no message"


def remove_quietly(path: Path) -> None:
    """Remove a partial file left by a copy that did not finish."""
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            name.unlink()


def pg_login(store: Store) -> tuple[str, str | None]:
    """(libpq connection string without the password, the password) of an open store's
    connections, for the client programs: the password goes to them through the environment."""
    return _login(store.engine)


def _login(engine: Engine) -> tuple[str, str | None]:
    from psycopg.conninfo import make_conninfo

    with engine.connect() as connection:
        info = connection.connection.driver_connection.info
        # Only the settings that differ from libpq's defaults: the client programs may be
        # older than the driver's libpq and refuse keywords they do not know.
        given = {key: value for key, value in info.get_parameters().items()
                 if key in _CLIENT_KEYWORDS}
        return make_conninfo(**given), info.password or None


def pg_target(location: StoreLocation, password: str | None) -> tuple[str, list[str]]:
    """(connection string, tables already there) of the database a dump is to be restored
    into; the database itself must exist."""
    engine = create_engine(location.url, connect_args={"password": password} if password else {})
    try:
        with known_errors(location.display), engine.connect() as connection:
            tables = [row[0] for row in connection.execute(text(
                "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname NOT IN "
                "('pg_catalog', 'information_schema') ORDER BY 1"))]
        dsn, _password = _login(engine)
        return dsn, tables
    finally:
        engine.dispose()


def pg_store_tables(store: Store) -> list[str]:
    """The store's own tables that hold rows (a partitioned table's rows are its
    partitions'), whose data a dump of it must hold."""
    with store.engine.connect() as connection:
        return list(connection.execute(text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 1")).scalars())


def database_name(store: Store) -> str:
    """The name of a PostgreSQL store's database ("" when the address does not say)."""
    return str(store.engine.url.database or "").strip()
