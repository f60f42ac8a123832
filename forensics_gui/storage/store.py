"""Opening a store (SQLite file or PostgreSQL database) and running units of work on it."""

from __future__ import annotations

import functools
import getpass
import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import URL, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session

from forensics_gui.core.changes import Changes
from forensics_gui.core.errors import (
    StoreAuthError,
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
)
from forensics_gui.storage import access
from forensics_gui.storage.errors import known_errors
from forensics_gui.storage.locator import (
    StoreLocation,
    read_only_reason,
    resolve_location,
    risky_location,
)
from forensics_gui.storage.repository import UnitOfWork

SQLITE_MAGIC = b"SQLite format 3\x00"
# The newest schema revision (the last file in migrations/versions); a test keeps them equal.
SCHEMA_HEAD = "0011"
BUSY_TIMEOUT_MS = 5000
# A unit of work that lost a race for the store (SQLite still locked after the busy timeout;
# a PostgreSQL deadlock or serialization failure) is run again from its start this many
# times in all, after a pause that doubles each time and is jittered so that writers that
# collided do not collide again.
WRITE_ATTEMPTS = 5
RETRY_PAUSE_S = 0.05
_log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")
# SQLite's page cache per connection: what stays in memory of the pages a query read. Enough
# for browsing and searching; bulk imports, which touch many index pages, get more meanwhile.
CACHE_KB = 16 * 1024
BULK_CACHE_KB = 64 * 1024
# A PostgreSQL connection idle in the pool this long is checked before it is used again.
PING_AFTER_IDLE_S = 5.0
PasswordPrompt = Callable[[str], str | None]
# SQLite files this process holds open, with how many stores hold each. Closing any
# descriptor of a file drops every lock the process holds on it, SQLite's included: another
# program finishing its last write would then think itself the store's only user and remove
# the write-ahead log from under this process's connections, which damages the store. So a
# file already open here is never opened again outside SQLite (its header was checked then).
_OPEN_FILES: dict[Path, int] = {}
ASKED_READ_ONLY = "read-only was asked for"
VIEWER = "your login is a viewer of this shared store"
AS_IT_WAS = "it is read as it was when opened: changes others make meanwhile are not seen"
# What SQLite answers when it would have to create its shared-memory file to read a store in
# write-ahead-log mode, in a folder it may not write to (CANTOPEN on a read-only file system;
# a file that may not be read is refused before).
_NEEDS_FOLDER = {"SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_CANTINIT", "SQLITE_CANTOPEN"}


def retried_writes(work: Callable[P, T]) -> Callable[P, T]:
    """Run `work` (a whole use case holding one `Store.writing()` unit of work) again from
    its start when the store refused the unit of work because of other writers, up to
    WRITE_ATTEMPTS times in all; then say plainly that it kept failing.

    What was written was rolled back each time, so running it again writes it once. A
    conflict (someone changed the record since it was read) is the user's to decide and is
    never retried; nor is anything else.
    """
    @functools.wraps(work)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                return work(*args, **kwargs)
            except StoreLockedError as error:
                if attempt == WRITE_ATTEMPTS:
                    raise StoreLockedError(f"{error} (tried {attempt} times; nothing was "
                                           "written)") from error
                pause = RETRY_PAUSE_S * 2 ** (attempt - 1) * random.uniform(0.5, 1.5)
                _log.warning("%s: attempt %d of %d lost a race with other writers (%s); "
                             "running it again in %.2f s", work.__qualname__, attempt,
                             WRITE_ATTEMPTS, error, pause)
                time.sleep(pause)
        raise AssertionError("unreachable")
    return run


class Store:
    """An open store: where it is, who acts on it, and the engine that reaches it."""

    def __init__(self, location: StoreLocation, engine: Engine, actor: str,
                 read_only: str | None = None) -> None:
        self.location = location
        self.engine = engine
        # Why the store is open read-only (writes are refused), or None when it may be written.
        self.read_only = read_only
        # PostgreSQL reads run outside a transaction block: at READ COMMITTED every statement
        # takes its own snapshot anyway, so BEGIN and ROLLBACK would only add two round trips.
        # SQLite reads keep their transaction, which holds one snapshot for the whole read.
        self._reader = (engine.execution_options(isolation_level="AUTOCOMMIT")
                        if location.kind == "postgresql" else engine)
        self.actor = actor
        self.warnings: list[str] = []
        self.backup_path: str | None = None
        self.open_file: Path | None = None  # the SQLite file, while this store holds it
        self._listeners: list[Callable[[Changes], None]] = []
        self._standing: access.Standing | None = None

    @property
    def kind(self) -> str:
        return self.location.kind

    @contextmanager
    def reading(self) -> Iterator[UnitOfWork]:
        """A read-only unit of work."""
        with known_errors(self.location.display), Session(self._reader) as session:
            yield UnitOfWork(session, self.actor)
            session.rollback()

    @contextmanager
    def writing(self, *, bulk: bool = False) -> Iterator[UnitOfWork]:
        """A unit of work that commits when the block ends without error, else rolls back.
        `bulk`: a large import, which gets a larger page cache on SQLite while it lasts."""
        self.check_writable()
        engine = self.engine.execution_options(forensics_write=True)
        grow = bulk and self.kind == "sqlite"
        with known_errors(self.location.display), Session(engine) as session:
            try:
                if grow:
                    _cache_size(session, BULK_CACHE_KB)
                uow = UnitOfWork(session, self.actor)
                yield uow
                if grow:  # the pooled connection goes back to the everyday size
                    _cache_size(session, CACHE_KB)
                session.commit()
            except BaseException:
                session.rollback()
                raise
        if uow.changes:
            for listener in list(self._listeners):
                listener(uow.changes)

    def check_writable(self) -> None:
        """Refuse, with a plain message, when the store is open read-only."""
        if self.read_only is None:
            return
        if self.read_only == VIEWER:  # the database would refuse it too: say who tried
            _log.warning("refused a write by %s, a viewer of %s", self.actor,
                         self.location.display)
        how = {ASKED_READ_ONLY: "open it again without asking for read-only",
               VIEWER: "ask an administrator to make your login an editor"}.get(
            self.read_only, "open it with write access to the store and its folder")
        raise StoreReadOnlyError(f"the store is open read-only ({self.read_only}); nothing was "
                                 f"written. To change it, {how}")

    def on_commit(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call `listener` with what each write changed, after it has committed (on the
        thread that wrote); returns the call that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def schema_revision(self) -> str | None:
        """The schema revision the store is at."""
        with known_errors(self.location.display), self.engine.connect() as connection:
            return _read_revision(connection)

    def upgrade_schema(self) -> None:
        """Bring the store to the newest schema (opening a store already does this)."""
        from forensics_gui.storage import migrate  # Alembic is loaded only when needed

        self.check_writable()
        with known_errors(self.location.display), self.engine.execution_options(
                forensics_write=True).begin() as connection:
            migrate.upgrade(connection)

    def schema_problems(self) -> list[str]:
        """What is wrong with the store's tables: broken references, and differences
        between its schema and the models."""
        from forensics_gui.storage import migrate

        with known_errors(self.location.display), self.engine.connect() as connection:
            return [*migrate.integrity_problems(connection),
                    *(f"schema differs from the models: {d}"
                      for d in migrate.schema_differences(connection))]

    # ------------------------------------------------------------ who may do what (PostgreSQL)

    def standing(self) -> access.Standing:
        """Who this store is open as: login, group and clearance as they were when it was
        first asked (SQLite: the file's user, who sees everything). The database applies
        the login's rights as they are at each statement; this is what is shown."""
        if self._standing is None:
            if self.kind != "postgresql":
                self._standing = access.Standing(self.actor, None, None, True)
            else:
                with known_errors(self.location.display), self.engine.connect() as connection:
                    self._standing = access.standing(connection)
        return self._standing

    def set_up_roles(self) -> access.Installed:
        """Create the roles and grants of a shared store (`access.install`; a superuser)."""
        self._postgresql_only("roles and clearances")
        with known_errors(self.location.display), self.engine.execution_options(
                forensics_write=True).begin() as connection:
            return access.install(connection)

    def logins(self) -> list[access.Login]:
        self._postgresql_only("logins")
        with known_errors(self.location.display), self.engine.connect() as connection:
            return access.logins(connection)

    def set_login(self, login: str, group: str, clearance: str, password: str | None) -> None:
        self._postgresql_only("logins")
        with known_errors(self.location.display), self.engine.begin() as connection:
            access.set_login(connection, login, group, clearance, password)
        self._standing = None  # the login may have changed its own

    def disable_login(self, login: str) -> None:
        self._postgresql_only("logins")
        with known_errors(self.location.display), self.engine.begin() as connection:
            access.disable_login(connection, login)
        self._standing = None  # the login may have changed its own

    def _postgresql_only(self, what: str) -> None:
        if self.kind != "postgresql":
            raise StoreError(f"{what} belong to a shared PostgreSQL store; {self.location.display}"
                             " is a file that whoever may open it reads whole")

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()
        if self.open_file is not None:
            left = _OPEN_FILES.pop(self.open_file, 1) - 1
            if left:
                _OPEN_FILES[self.open_file] = left
            self.open_file = None


def open_store(text: str | None = None, *, create: bool = False,
               prompt: PasswordPrompt | None = None, upgrade: bool = True,
               read_only: bool = False) -> Store:
    """Open (and if needed upgrade) the store named by `text`, the environment or the default.

    A missing SQLite file is created only when `create` is true. A store written by a newer
    version is refused. On PostgreSQL a missing password is asked for through `prompt`.
    A SQLite store that may not be written (or any store, when `read_only` is true) is opened
    read-only: nothing is written on opening, `Store.read_only` says why, and writes are
    refused; one that would need an upgrade is refused.
    """
    location = resolve_location(text)
    if location.kind == "sqlite":
        store = _open_sqlite(location, create, read_only)
    else:
        store = _open_postgresql(location, prompt, read_only)
    try:
        _bring_up_to_date(store, upgrade)
    except BaseException:
        store.close()
        raise
    return store


def _open_sqlite(location: StoreLocation, create: bool, read_only: bool) -> Store:
    path = location.path
    assert path is not None
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give the path of a store file")
    if not path.exists():
        if not create:
            raise StoreError(f"there is no store at {path}; create one with `forensics init`")
        if read_only:
            raise StoreReadOnlyError(f"there is no store at {path} to open read-only")
        _make_folder(path.parent)
    elif not os.access(path, os.R_OK):
        raise StoreError(f"you may not read {path}; ask for permission to read it")
    elif (path.stat().st_size and path.resolve() not in _OPEN_FILES
          and _header(path) != SQLITE_MAGIC):
        raise StoreDamagedError(f"{path} is not a forensic store (not a SQLite database)")
    why = ASKED_READ_ONLY if read_only else read_only_reason(path)
    if why is None:
        engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _configure_sqlite_connection)
    else:
        engine, as_it_was = _read_only_sqlite_engine(path)
        why += f"; {AS_IT_WAS}" if as_it_was else ""
    event.listen(engine, "begin", _begin_sqlite)
    store = Store(location, engine, _os_user(), why)
    store.open_file = path.resolve()
    _OPEN_FILES[store.open_file] = _OPEN_FILES.get(store.open_file, 0) + 1
    warning = risky_location(path)
    if warning:
        store.warnings.append(warning)
    return store


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the folder {folder} ({error.strerror or error}); "
                         "choose a folder you may write to") from None


def _read_only_sqlite_engine(path: Path) -> tuple[Engine, bool]:
    """An engine whose connections can only read the store (SQLite's `mode=ro`), and whether
    it reads the store as it was when opened.

    In write-ahead-log mode SQLite reads through a shared-memory file beside the store, which
    it cannot create in a folder it may not write to. With no log left to read there (every
    change is in the store file itself), the store is then read as immutable: SQLite takes no
    locks and does not look for changes, so what others write meanwhile is not seen.
    """
    query = {"mode": "ro", "uri": "true"}
    refusal = _read_only_refusal(f"{path.as_uri()}?mode=ro")
    if refusal in _NEEDS_FOLDER:
        log = Path(f"{path}-wal")
        if log.exists() and log.stat().st_size:
            raise StoreReadOnlyError(
                f"{path} cannot be read without writing to its folder: its recent changes are "
                f"still in {log.name}; open it once with write access, then try again")
        query["immutable"] = "1"
    url = URL.create("sqlite+pysqlite", database=path.as_uri(), query=query)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_read_only_connection)
    return engine, "immutable" in query


def _read_only_refusal(uri: str) -> str | None:
    """SQLite's name for why a read-only connection to `uri` cannot read, or None when it can
    (other problems, such as damage, are left to the store's own connections to report)."""
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as probe:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        return getattr(error, "sqlite_errorname", None)
    return None


def _cache_size(session: Session, kilobytes: int) -> None:
    session.execute(text(f"PRAGMA cache_size = -{kilobytes}"))


def _header(path: Any) -> bytes:
    with path.open("rb") as handle:
        return handle.read(16)


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    _configure_read_only_connection(dbapi_connection, _record)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _configure_read_only_connection(dbapi_connection: Any, _record: Any) -> None:
    """The settings of every connection that change nothing in the file (the journal mode
    does: read-only connections leave it as it is)."""
    # Transactions are begun by hand (see _begin_sqlite) so that writers take the lock at once.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    cursor.close()
    # SQLite's lower() knows only A-Z: names in Cyrillic or Greek would not match by case.
    dbapi_connection.create_function("unicode_lower", 1, _unicode_lower, deterministic=True)


def _unicode_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _begin_sqlite(connection: Any) -> None:
    write = connection.get_execution_options().get("forensics_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _pg_engine(url: str, **connect_args: Any) -> Engine:
    engine = create_engine(url, connect_args=connect_args)
    event.listen(engine, "connect", _send_bytes_as_binary)
    event.listen(engine, "checkin", _note_idle)
    event.listen(engine, "checkout", _ping_if_idle)
    return engine


def _note_idle(_dbapi_connection: Any, record: Any) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Make sure a connection that sat idle in the pool still reaches the server (it may have
    restarted, or the network dropped); a broken one is replaced before any statement runs.

    Connections returned moments ago are not pinged: a search while typing checks one out
    every few keystrokes, and a ping is one more round trip to the server each time.
    """
    idle_since = record.info.get("idle_since")
    if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_S:
        return
    autocommit = dbapi_connection.autocommit
    try:
        dbapi_connection.autocommit = True  # the ping must not leave a transaction open
        dbapi_connection.execute("SELECT 1")
        dbapi_connection.autocommit = autocommit
    except Exception as error:
        raise DisconnectionError(f"the connection to the server was lost ({error})") from error


def _send_bytes_as_binary(dbapi_connection: Any, _record: Any) -> None:
    # Pictures are stored as bytea; sent as text they would be hex-escaped (twice the size and
    # much slower to write).
    from psycopg.types.string import BytesBinaryDumper

    dbapi_connection.adapters.register_dumper(bytes, BytesBinaryDumper)


def _open_postgresql(location: StoreLocation, prompt: PasswordPrompt | None,
                     read_only: bool) -> Store:
    engine = _pg_engine(location.url)
    try:
        actor = _session_user(engine, location)
    except StoreAuthError as error:
        engine.dispose()
        password = prompt(location.display) if prompt and error.password_may_help else None
        if not password:
            raise
        engine = _pg_engine(location.url, password=password)
        actor = _session_user(engine, location)
    store = Store(location, engine, actor, ASKED_READ_ONLY if read_only else None)
    if store.read_only is None:
        try:
            if store.standing().group == "viewer":  # the database refuses a viewer's writes:
                store.read_only = VIEWER  # say so before anything is typed
        except BaseException:
            store.close()
            raise
    return store


def _session_user(engine: Engine, location: StoreLocation) -> str:
    with known_errors(location.display), engine.connect() as connection:
        return str(connection.execute(text("SELECT session_user")).scalar_one())


def _read_revision(connection: Any) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _bring_up_to_date(store: Store, upgrade: bool) -> None:
    where = store.location.display
    with known_errors(where), store.engine.connect() as connection:
        revision = _read_revision(connection)
    if revision == SCHEMA_HEAD:
        return  # the common case, decided without loading Alembic (start-up time)
    from forensics_gui.storage import migrate

    with known_errors(where), store.engine.connect() as connection:
        migrate.check_is_store(connection, where)
        migrate.check_known(revision, where)
    if revision == migrate.head_revision() or not upgrade:
        return
    if store.read_only is not None:
        now = f"is at schema {revision}" if revision else "is empty"
        raise StoreReadOnlyError(
            f"{where} {now} and needs an upgrade to schema {migrate.head_revision()} before "
            f"this version can use it, which cannot be done read-only ({store.read_only}); "
            "open it once with write access to upgrade it (the old version is kept)")
    if revision is not None and store.location.path is not None:
        store.backup_path = str(migrate.backup_sqlite(store.location.path, revision))
    with known_errors(where), store.engine.execution_options(
            forensics_write=True).begin() as connection:
        migrate.upgrade(connection)
